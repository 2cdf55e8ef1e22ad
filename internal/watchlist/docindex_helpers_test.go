package watchlist

import (
	"bytes"
	"compress/gzip"
	"math"
)

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func mathLog(x float64) float64 { return math.Log(x) }
