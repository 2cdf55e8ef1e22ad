package watchlist

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"lookout/internal/bundle"
	"lookout/internal/demolist"
)

// docFixture is a small list with every feature the index has: the same
// number with two reasons, the same number in two states, a listed
// spelling with the letter O, a long national id, ranges.
var docFixture = []bundle.DocLookout{
	{State: "MEX", Type: "P", Number: "G12345678", Reason: bundle.ReasonLost, Source: "demo:sre"},
	{State: "MEX", Type: "P", Number: "G12345678", Reason: bundle.ReasonStolen, Source: "demo:sltd"},
	{State: "MEX", Type: "P", Number: "G12345679", Reason: bundle.ReasonLost, Source: "demo:sre"},
	{State: "USA", Type: "P", Number: "123456789", Reason: bundle.ReasonRevoked, Source: "demo:sltd"},
	{State: "GBR", Type: "P", Number: "123456789", Reason: bundle.ReasonLost, Source: "demo:sltd"},
	{State: "DEU", Type: "P", Number: "C01X00T47", Reason: bundle.ReasonStolen, Source: "demo:sltd"},
	{State: "ESP", Type: "P", Number: "XDO123456", Reason: bundle.ReasonLost, Source: "demo:sltd"},
	{State: "MEX", Type: "I", Number: "MAAF730420HNLRNR25", Reason: bundle.ReasonRevoked, Source: "demo:renapo"},
	{State: "SYR", Type: "P", Number: "N008800001", End: "N008807500", Reason: bundle.ReasonStolenBlank, Source: "demo:sltd"},
	{State: "IRQ", Type: "P", Number: "S0000000", End: "S9999999", Reason: bundle.ReasonFraudSeries, Source: "demo:sltd"},
	{State: "MEX", Type: "P", Number: "G15300001", End: "G15300500", Reason: bundle.ReasonStolenBlank, Source: "demo:sre"},
	{State: "GTM", Type: "P", Number: "200012001", End: "200014000", Reason: bundle.ReasonStolenBlank, Source: "demo:sltd"},
	{State: "GTM", Type: "P", Number: "200013500", End: "200013600", Reason: bundle.ReasonFraudSeries, Source: "demo:sltd"},
	{State: "GTM", Type: "P", Number: "20001", End: "20099", Reason: bundle.ReasonStolenBlank, Source: "demo:sltd"},
}

func openFixture(t testing.TB) *DocIndex {
	t.Helper()
	b, err := BuildDocIndex(docFixture)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := OpenDocIndex(b)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func hitString(h DocHit) string {
	s := h.State + " " + h.Number + " " + h.Reason + " " + h.Source
	if h.Range {
		s += " range"
	}
	if h.Normalised {
		s += " normalised"
	}
	return s
}

func TestDocIndexLookup(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name, state, number string
		want                []string
	}{
		{"an exact number is found and not marked normalised", "MEX", "G12345679", []string{"MEX G12345679 lost demo:sre"}},
		{"one number listed twice gives both lookouts", "MEX", "G12345678", []string{"MEX G12345678 lost demo:sre", "MEX G12345678 stolen demo:sltd"}},
		{"lower case, spaces and MRZ fillers still match, marked normalised", "mex", " g1234-5679<<", []string{"MEX G12345679 lost demo:sre normalised"}},
		{"the letter O typed for a zero meets the listing", "DEU", "CO1XOOT47", []string{"DEU C01X00T47 stolen demo:sltd normalised"}},
		{"a zero typed for a listed letter O meets it and shows the listed spelling", "ESP", "XD0123456", []string{"ESP XDO123456 lost demo:sltd normalised"}},
		{"the listed spelling with the letter O is an exact match", "ESP", "XDO123456", []string{"ESP XDO123456 lost demo:sltd"}},
		{"the same number issued by another state is not this lookout", "CAN", "123456789", nil},
		{"each state sees only its own lookout for a shared number", "GBR", "123456789", []string{"GBR 123456789 lost demo:sltd"}},
		{"the MRZ code D is Germany", "D<<", "C01X00T47", []string{"DEU C01X00T47 stolen demo:sltd"}},
		{"an absent number is not a hit", "MEX", "G12345670", nil},
		{"a number one character longer is not a hit", "MEX", "G123456789", nil},
		{"a long national id number is found", "MEX", "MAAF730420HNLRNR25", []string{"MEX MAAF730420HNLRNR25 revoked demo:renapo"}},
		{"a number inside a stolen-blank series hits the range", "SYR", "N008801234", []string{"SYR N008800001..N008807500 stolen-blank demo:sltd range"}},
		{"the first number of a range is in it", "SYR", "N008800001", []string{"SYR N008800001..N008807500 stolen-blank demo:sltd range"}},
		{"the last number of a range is in it", "SYR", "N008807500", []string{"SYR N008800001..N008807500 stolen-blank demo:sltd range"}},
		{"one past the end of a range is not in it", "SYR", "N008807501", nil},
		{"one before the start of a range is not in it", "SYR", "N008800000", nil},
		{"a range matches with O typed for zeros, marked normalised", "SYR", "NOO88O1234", []string{"SYR N008800001..N008807500 stolen-blank demo:sltd range normalised"}},
		{"letters where the range has digits are not in it", "SYR", "N0088A1234", nil},
		{"a whole fraud series matches any number of it", "IRQ", "S1234567", []string{"IRQ S0000000..S9999999 fraud-series demo:sltd range"}},
		{"a range in a state with individual numbers is still searched", "MEX", "G15300250", []string{"MEX G15300001..G15300500 stolen-blank demo:sre range"}},
		{"overlapping ranges both match", "GTM", "200013550", []string{"GTM 200012001..200014000 stolen-blank demo:sltd range", "GTM 200013500..200013600 fraud-series demo:sltd range"}},
		{"past the inner of two overlapping ranges only the outer matches", "GTM", "200013601", []string{"GTM 200012001..200014000 stolen-blank demo:sltd range"}},
		{"a shorter range of the same state matches numbers of its length", "GTM", "20050", []string{"GTM 20001..20099 stolen-blank demo:sltd range"}},
		{"an empty state searches every issuing state", "", "123456789", []string{"GBR 123456789 lost demo:sltd", "USA 123456789 revoked demo:sltd"}},
		{"an empty number finds nothing", "MEX", "<<<", nil},
		{"a state that is not a code finds nothing", "MEXICO", "G12345679", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, h := range ix.Lookup(tt.state, tt.number) {
				got = append(got, hitString(h))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Lookup(%q, %q)\n got %q\nwant %q", tt.state, tt.number, got, tt.want)
			}
		})
	}
}

func TestDocIndexCounts(t *testing.T) {
	ix := openFixture(t)
	if got, want := ix.Len(), len(docFixture); got != want {
		t.Errorf("Len = %d, want %d", got, want)
	}
	s := ix.Stats()
	if s.Numbers != 8 || s.Ranges != 6 || s.States != 8 {
		t.Errorf("Stats = %+v, want 8 numbers, 6 ranges, 8 states", s)
	}
	if !strings.Contains(s.String(), "14 document lookouts") {
		t.Errorf("Stats.String() = %q", s.String())
	}
}

func TestDocIndexDuplicatesAreMerged(t *testing.T) {
	l := append(slices.Clone(docFixture), docFixture[0], docFixture[0])
	b, err := BuildDocIndex(l)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := OpenDocIndex(b)
	if err != nil {
		t.Fatal(err)
	}
	if ix.Len() != len(docFixture) {
		t.Errorf("Len = %d after adding duplicates, want %d", ix.Len(), len(docFixture))
	}
	if n := len(ix.Lookup("MEX", "G12345678")); n != 2 {
		t.Errorf("%d hits for a number listed twice plus duplicates, want 2", n)
	}
}

func TestDocIndexIsDeterministic(t *testing.T) {
	a, err := BuildDocIndex(docFixture)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(docFixture)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b, err := BuildDocIndex(shuffled)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the same lookouts in another order gave different bytes")
	}
}

func TestDocIndexEmpty(t *testing.T) {
	for _, name := range []string{"no bytes", "an index of no lookouts"} {
		t.Run(name, func(t *testing.T) {
			var b []byte
			if name != "no bytes" {
				var err error
				if b, err = BuildDocIndex(nil); err != nil {
					t.Fatal(err)
				}
			}
			ix, err := OpenDocIndex(b)
			if err != nil {
				t.Fatal(err)
			}
			if ix.Len() != 0 || ix.Lookup("MEX", "G12345678") != nil {
				t.Error("an empty index has lookouts")
			}
		})
	}
}

func TestBuildDocIndexRejectsBadLookouts(t *testing.T) {
	tests := []struct {
		name string
		l    bundle.DocLookout
		want string
	}{
		{"a state that is not a code", bundle.DocLookout{State: "MEXI", Number: "1", Reason: "lost"}, "issuing state"},
		{"an empty number", bundle.DocLookout{State: "MEX", Number: "<< -", Reason: "lost"}, "number must have"},
		{"a number too long", bundle.DocLookout{State: "MEX", Number: strings.Repeat("1", 33), Reason: "lost"}, "number must have"},
		{"a range end of another length", bundle.DocLookout{State: "MEX", Number: "A100", End: "A1000", Reason: "stolen-blank"}, "length"},
		{"a range end before its start", bundle.DocLookout{State: "MEX", Number: "A200", End: "A100", Reason: "stolen-blank"}, "comes before"},
		{"an empty reason", bundle.DocLookout{State: "MEX", Number: "A100"}, "reason"},
		{"a reason with spaces", bundle.DocLookout{State: "MEX", Number: "A100", Reason: "lost at sea"}, "reason"},
		{"a source with a control character", bundle.DocLookout{State: "MEX", Number: "A100", Reason: "lost", Source: "a\nb"}, "source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := BuildDocIndex([]bundle.DocLookout{docFixture[0], tt.l})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "lookout 1") {
				t.Errorf("error %v, want one naming lookout 1 and %q", err, tt.want)
			}
		})
	}
}

// randomLookouts draws n numbers from issuer-like patterns; every third
// number uses the letter O somewhere so the exception table is exercised.
func randomLookouts(r *rand.Rand, n int) []bundle.DocLookout {
	patterns := []struct{ state, pat string }{
		{"MEX", "G########"}, {"MEX", "N########"}, {"USA", "#########"}, {"GBR", "#########"}, {"CAN", "@@######"},
		{"DEU", "C********"}, {"FRA", "##@@#####"}, {"ESP", "@@@######"}, {"CHN", "E########"}, {"IND", "@#######"},
		{"MEX", "@@@@######@@@@@@##"},
	}
	reasons := []string{bundle.ReasonLost, bundle.ReasonStolen, bundle.ReasonRevoked}
	out := make([]bundle.DocLookout, 0, n)
	for len(out) < n {
		p := patterns[r.IntN(len(patterns))]
		b := []byte(p.pat)
		for i, c := range b {
			switch c {
			case '#':
				b[i] = byte('0' + r.IntN(10))
			case '@':
				b[i] = byte('A' + r.IntN(26))
			case '*':
				b[i] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[r.IntN(36)]
			}
		}
		out = append(out, bundle.DocLookout{State: p.state, Type: "P", Number: string(b), Reason: reasons[r.IntN(3)], Source: "test:" + p.state})
	}
	return out
}

func TestDocIndexFindsEveryNumberAndMeasuresTheFilter(t *testing.T) {
	n := docTestSize(200000, 20000)
	r := rand.New(rand.NewPCG(7, 9))
	ls := randomLookouts(r, n)
	b, err := BuildDocIndex(ls)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := OpenDocIndex(b)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, l := range ls {
		listed[l.State+" "+DocCanonical(l.Number)] = true
	}
	for i, l := range ls {
		found := false
		for _, h := range ix.Lookup(l.State, l.Number) {
			found = found || (h.Number == l.Number && h.Reason == l.Reason && h.Source == l.Source && !h.Normalised)
		}
		if !found {
			t.Fatalf("lookout %d %s %s %s not found exactly: %v", i, l.State, l.Number, l.Reason, ix.Lookup(l.State, l.Number))
		}
	}
	// Absent numbers: the filter lets about 1/256 through, the exact
	// confirmation none.
	absent := randomLookouts(rand.New(rand.NewPCG(99, 100)), 200000)
	fp, tried := 0, 0
	for _, l := range absent {
		canon := DocCanonical(l.Number)
		if listed[l.State+" "+canon] {
			continue
		}
		tried++
		if ix.fuse.contains(docKey(l.State, canon)) {
			fp++
		}
		if h := ix.Lookup(l.State, l.Number); len(h) != 0 {
			t.Fatalf("absent %s %s hit %v", l.State, l.Number, h)
		}
	}
	rate := float64(fp) / float64(tried)
	s := ix.Stats()
	t.Logf("%d numbers: filter false-positive rate %.4f%% (%d of %d); %s", s.Numbers, 100*rate, fp, tried, s)
	if rate > 0.01 {
		t.Errorf("filter false-positive rate %.4f, want about 1/256", rate)
	}
}

func TestDocIndexDemoList(t *testing.T) {
	count := docTestSize(1000000, 50000)
	src, err := demolist.Generate(demolist.Config{People: 100, Documents: count})
	if err != nil {
		t.Fatal(err)
	}
	b, err := BuildDocIndex(src.DocLookouts)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := OpenDocIndex(b)
	if err != nil {
		t.Fatal(err)
	}
	s := ix.Stats()
	t.Logf("demo list, %d lookouts: %s; gzip %d bytes", len(src.DocLookouts), s, gzipSize(b))
	if s.Numbers != count {
		t.Errorf("%d numbers indexed, want %d", s.Numbers, count)
	}
	for _, d := range demolist.SampleDocuments(src, 500) {
		hits := ix.Lookup(d.State, d.Number)
		if len(hits) == 0 || hits[0].Number != d.Number || hits[0].Reason != d.Reason {
			t.Errorf("sample %s %s (%s) not found: %v", d.State, d.Number, d.Reason, hits)
		}
	}
	if h := ix.Lookup("SYR", "N09103000"); len(h) != 1 || !h[0].Range || h[0].Reason != bundle.ReasonStolenBlank {
		t.Errorf("a number of the Syrian stolen-blank series: %v", h)
	}
}

func TestDocIndexSurvivesEveryByteFlip(t *testing.T) {
	mixed := append(randomLookouts(rand.New(rand.NewPCG(5, 6)), 300), docFixture...)
	for _, set := range []struct {
		name string
		ls   []bundle.DocLookout
	}{{"the fixture", docFixture}, {"300 random numbers and the fixture", mixed}} {
		t.Run(set.name, func(t *testing.T) {
			b, err := BuildDocIndex(set.ls)
			if err != nil {
				t.Fatal(err)
			}
			queries := [][2]string{{"MEX", "G12345678"}, {"SYR", "N008801234"}, {"ESP", "XD0123456"}, {"MEX", "MAAF730420HNLRNR25"}, {"", "123456789"}, {"GTM", "200013550"}}
			for _, l := range set.ls[:min(20, len(set.ls))] {
				queries = append(queries, [2]string{l.State, l.Number})
			}
			for i := range b {
				for _, x := range []byte{0x01, 0x80, 0xff} {
					c := bytes.Clone(b)
					c[i] ^= x
					ix, err := OpenDocIndex(c)
					if err != nil {
						continue
					}
					for _, q := range queries {
						ix.Lookup(q[0], q[1])
					}
					ix.Stats()
				}
			}
			for n := 1; n < len(b); n++ {
				if _, err := OpenDocIndex(b[:n]); err == nil {
					t.Errorf("an index truncated to %d of %d bytes opened", n, len(b))
				}
			}
		})
	}
}

func TestDocLogMatchesTheLibrary(t *testing.T) {
	for _, x := range []float64{2, 3.33, 1000, 1e6, 123456789} {
		got := docLog(x)
		want := 0.0
		// ln via the identity on powers of two, as a check independent of
		// docLog's series.
		want = mathLog(x)
		if d := got - want; d > 1e-9 || d < -1e-9 {
			t.Errorf("docLog(%g) = %.12f, want %.12f", x, got, want)
		}
	}
}

func ExampleDocIndex_Lookup() {
	b, _ := BuildDocIndex([]bundle.DocLookout{
		{State: "MEX", Type: "P", Number: "G12345678", Reason: bundle.ReasonStolen, Source: "demo:sre"},
		{State: "SYR", Type: "P", Number: "N008800001", End: "N008807500", Reason: bundle.ReasonStolenBlank, Source: "demo:sltd"},
	})
	ix, _ := OpenDocIndex(b)
	for _, h := range ix.Lookup("MEX", "G1234567B") {
		fmt.Println(h) // no hit: the last character differs
	}
	for _, h := range ix.Lookup("MEX", "g1234 5678") {
		fmt.Println(h.State, h.Number, h.Reason, h.Normalised)
	}
	for _, h := range ix.Lookup("SYR", "NOO88O2000") {
		fmt.Println(h.State, h.Number, h.Reason, h.Range, h.Normalised)
	}
	// Output:
	// MEX G12345678 stolen true
	// SYR N008800001..N008807500 stolen-blank true true
}

func TestDocHitJSON(t *testing.T) {
	b, err := json.Marshal(DocHit{State: "SYR", Number: "N1..N2", Reason: "stolen-blank", Source: "demo:sltd", Range: true, Normalised: true})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"state":"SYR","number":"N1..N2","reason":"stolen-blank","source":"demo:sltd","range":true,"normalised":true}`
	if string(b) != want {
		t.Errorf("DocHit JSON %s, want %s", b, want)
	}
}
