package bundle_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"lookout/internal/bundle"
	"lookout/internal/source"
	"lookout/internal/watchlist"
)

// Benchmarks over real lists (shared/data/watchlists, skipped when absent),
// the demo list when it has been generated (lists/demo), and a synthetic
// 70,000-person list that is always available. Each reports the bundle's
// raw and gzip sizes as metrics.

func findUp(tb testing.TB, rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skipf("%s not found above the package directory: skipped", rel)
		}
		dir = parent
	}
}

func benchKey(tb testing.TB) (note.Signer, bundle.Key) {
	seed := sha256.Sum256([]byte("lookout bench key"))
	skey, vkey, err := note.GenerateKey(bytes.NewReader(seed[:]), "lookout-bench")
	if err != nil {
		tb.Fatal(err)
	}
	s, _ := note.NewSigner(skey)
	k, _ := bundle.ParseKey(vkey)
	return s, k
}

// sources returns the named benchmark inputs.
func benchSource(tb testing.TB, name string) *bundle.Source {
	tb.Helper()
	var specs []string
	switch name {
	case "ofac-sdn":
		specs = []string{"ofac-sdn:" + findUp(tb, "shared/data/watchlists/ofac_sdn_2023-12-28")}
	case "un":
		specs = []string{"un:" + findUp(tb, "shared/data/watchlists/un_consolidated_2026-02-27/UN_consolidated.xml")}
	case "demo":
		specs = []string{"csv:" + findUp(tb, "lists/demo/demo-list.csv"), "documents:" + findUp(tb, "lists/demo/demo-documents.csv")}
	case "synthetic-70k":
		return synthetic(70000)
	}
	all := &bundle.Source{}
	for _, s := range specs {
		src, _, err := source.Open(s, source.Options{})
		if err != nil {
			tb.Fatal(err)
		}
		all.Entries = append(all.Entries, src.Entries...)
		all.DocLookouts = append(all.DocLookouts, src.DocLookouts...)
	}
	return all
}

// synthetic makes n deterministic people with syllable names, partial
// dates of birth and documents: a stand-in when no demo list is built.
func synthetic(n int) *bundle.Source {
	syl := []string{"GAR", "CI", "A", "LO", "PEZ", "MAR", "TIN", "EZ", "HER", "NAN", "DO", "AL", "RA", "SHID", "IVA", "NOV", "ZHANG", "WEI", "DU", "BOIS", "SMI", "TH", "KO", "VAL"}
	x := uint64(88172645463325252)
	next := func(m int) int {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(m))
	}
	word := func() string {
		w := ""
		for k := 0; k < 2+next(2); k++ {
			w += syl[next(len(syl))]
		}
		return w
	}
	src := &bundle.Source{}
	for i := 0; i < n; i++ {
		sur, given := word()+" "+word(), word()
		e := bundle.Entry{
			ID:            fmt.Sprintf("synth:%06d", i),
			Category:      bundle.CatWarrant,
			Names:         []bundle.Name{{Full: sur + ", " + given, Surname: sur, Given: given, Kind: bundle.NamePrimary}},
			DOBs:          []bundle.DateSpec{{Date: fmt.Sprintf("19%02d-%02d-%02d", 40+next(60), 1+next(12), 1+next(28))}},
			POBs:          []string{word()},
			Nationalities: []string{"MEX"},
			Documents:     []bundle.DocRef{{Type: "passport", State: "MEX", Number: fmt.Sprintf("G%08d", next(100000000))}},
		}
		if next(3) == 0 {
			e.Names = append(e.Names, bundle.Name{Full: word(), Kind: bundle.NameWeak})
		}
		src.Entries = append(src.Entries, e)
	}
	return src
}

var benchInputs = []string{"ofac-sdn", "un", "demo", "synthetic-70k"}

func build(tb testing.TB, src *bundle.Source, s note.Signer) []byte {
	p := &bundle.Payload{Entries: src.Entries}
	var err error
	if p.NameIndex, err = watchlist.BuildNameIndex(src.Entries); err != nil {
		tb.Fatal(err)
	}
	if p.DocIndex, err = watchlist.BuildDocIndex(src.DocLookouts); err != nil {
		tb.Fatal(err)
	}
	t0 := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	data, err := bundle.Build(p, bundle.Header{Env: bundle.EnvTest, List: "bench", Seq: 1, Issued: t0, Expires: t0.Add(24 * time.Hour)}, s)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// BenchmarkBuild measures index building, encoding and signing (the
// import itself is measured in internal/source).
func BenchmarkBuild(b *testing.B) {
	s, _ := benchKey(b)
	for _, name := range benchInputs {
		b.Run(name, func(b *testing.B) {
			src := benchSource(b, name)
			var data []byte
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				data = build(b, src, s)
			}
			b.StopTimer()
			b.ReportMetric(float64(len(data)), "bundle-bytes")
			b.ReportMetric(float64(gzipSize(data)), "gzip-bytes")
			b.ReportMetric(float64(len(src.Entries)), "entries")
		})
	}
}

// BenchmarkVerify measures the whole verification including the decode.
func BenchmarkVerify(b *testing.B) {
	s, k := benchKey(b)
	pol := bundle.Policy{Keys: []bundle.Key{k}}
	now := time.Date(2026, 11, 26, 1, 0, 0, 0, time.UTC)
	for _, name := range benchInputs {
		b.Run(name, func(b *testing.B) {
			data := build(b, benchSource(b, name), s)
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := bundle.Verify(data, pol, nil, now); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVerifyRaw is the edge path: authenticate, then read the two
// index blobs in place without decoding the entries.
func BenchmarkVerifyRaw(b *testing.B) {
	s, k := benchKey(b)
	pol := bundle.Policy{Keys: []bundle.Key{k}}
	now := time.Date(2026, 11, 26, 1, 0, 0, 0, time.UTC)
	for _, name := range benchInputs {
		b.Run(name, func(b *testing.B) {
			data := build(b, benchSource(b, name), s)
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v, err := bundle.VerifyRaw(data, pol, nil, now)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := bundle.PayloadField(v.RawPayload, "name_index"); err != nil {
					b.Fatal(err)
				}
				if _, err := bundle.PayloadField(v.RawPayload, "doc_index"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPayloadField is the per-request cost once a host holds the
// authenticated payload.
func BenchmarkPayloadField(b *testing.B) {
	s, k := benchKey(b)
	data := build(b, synthetic(70000), s)
	v, err := bundle.VerifyRaw(data, bundle.Policy{Keys: []bundle.Key{k}}, nil, time.Date(2026, 11, 26, 1, 0, 0, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := bundle.PayloadField(v.RawPayload, "doc_index"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyFile verifies a prebuilt bundle named by
// LOOKOUT_BENCH_BUNDLE against the keys in LOOKOUT_BENCH_TRUST (a key or
// keys, one per line), e.g. the demo bundle under wasm without building it
// there:
//
//	LOOKOUT_BENCH_BUNDLE=web/build/list.lkb LOOKOUT_BENCH_TRUST="$(cat lists/lookout-demo.key.pub)" \
//	  GOOS=js GOARCH=wasm go test -run '^$' -bench VerifyFile ./internal/bundle
func BenchmarkVerifyFile(b *testing.B) {
	path, trust := os.Getenv("LOOKOUT_BENCH_BUNDLE"), os.Getenv("LOOKOUT_BENCH_TRUST")
	if path == "" || trust == "" {
		b.Skip("set LOOKOUT_BENCH_BUNDLE and LOOKOUT_BENCH_TRUST to benchmark a prebuilt bundle")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	keys, err := bundle.ParseKeys(trust)
	if err != nil {
		b.Fatal(err)
	}
	in, err := bundle.Inspect(data)
	if err != nil || in.Header == nil {
		b.Fatalf("not a bundle: %v", err)
	}
	pol := bundle.Policy{Keys: keys}
	now := in.Header.Issued.Add(time.Minute)
	b.Run("verify", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			if _, err := bundle.Verify(data, pol, nil, now); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("verify-raw", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			if _, err := bundle.VerifyRaw(data, pol, nil, now); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("embedded", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_, raw, err := bundle.EmbeddedPayload(data)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := bundle.PayloadField(raw, "doc_index"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
