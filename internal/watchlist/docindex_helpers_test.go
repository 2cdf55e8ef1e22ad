package watchlist

import (
	"bytes"
	"compress/gzip"
	"math"
	"runtime"
	"testing"

	"lookout/internal/bundle"
	"lookout/internal/demolist"
)

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func mathLog(x float64) float64 { return math.Log(x) }

// randomDemoLikeLookouts is the demo list's 1,000,000 document lookouts.
func randomDemoLikeLookouts() []bundle.DocLookout {
	src, err := demolist.Generate(demolist.Config{People: 10, Documents: 1000000})
	if err != nil {
		panic(err)
	}
	return src.DocLookouts
}

// docTestSize is full natively, small with -short or under wasm (where the
// same code runs several times slower and the package shares a time
// budget): the small size still exercises every path.
func docTestSize(full, small int) int {
	if testing.Short() || runtime.GOARCH == "wasm" {
		return small
	}
	return full
}
