package fraud

import (
	"strings"
	"testing"

	"lookout/internal/mrz"
)

// FuzzEvaluate feeds arbitrary zones and typed visual-zone text (both come
// from outside: a reader, an OCR, an officer's keyboard) to Evaluate: it
// must never panic, and every signal must be fully rendered.
func FuzzEvaluate(f *testing.F) {
	mex, _ := mrz.Generate(mrz.TD3, mexican())
	v := mexicanVisual()
	f.Add(strings.Join(mex, "\n"), v.IssueDate, v.BirthDate, v.ExpiryDate, v.Sex, v.CURP, v.Surname, v.PlaceOfBirth, 0)
	f.Add("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", "2012-04-16", "1974-08-12", "2012-04-15", "F", "", "Eriksson", "", 1)
	f.Add("I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<", "", "1934-XX-XX", "", "X", "HEGG560427MVZRRL04", "Ставенсон", "MÉXICO", 5)
	f.Add("", "9999-99-99", "XXXX", "2021-02-29", "hombre", "ÑÑÑ", "{message}", "CIUDAD DE MEXICO, USA", -3)
	f.Add(strings.Join(mex, "\n"), "20210510", "1985-03-12", "2031-05-10", "M", "GALJ850312HJCRPN0", "GARCIA<<LOPEZ", "LOS ANGELES (EUA)", 2)
	f.Fuzz(func(t *testing.T, zone, issue, birth, expiry, sex, curp, surname, pob string, losses int) {
		in := Input{Now: testNow, Visual: Visual{IssueDate: issue, BirthDate: birth, ExpiryDate: expiry, Sex: sex,
			CURP: curp, Surname: surname, GivenNames: surname, PlaceOfBirth: pob, PriorLosses: losses,
			DocumentNumber: curp, FirstTrip: losses%2 == 0}}
		if d, err := mrz.Parse(zone, mrz.Options{Now: testNow}); err == nil {
			in.Doc = d
		}
		res := Evaluate(in, nil)
		top := 0
		for _, s := range res.Signals {
			if s.Severity.rank() == 0 || s.Code == "" || s.Source == "" {
				t.Fatalf("malformed signal %+v", s)
			}
			top = max(top, s.Severity.rank())
		}
		want := map[int]string{0: RecClear, 1: RecClear, 2: RecReview, 3: RecRefer}[top]
		if res.Recommendation != want {
			t.Fatalf("recommendation %s with top severity rank %d", res.Recommendation, top)
		}
	})
}

func BenchmarkEvaluate(b *testing.B) {
	doc := build(b, mrz.TD3, mexican(), nil)
	for _, c := range []struct {
		name string
		v    Visual
	}{
		{"mrz-only", Visual{}},
		{"fully-typed", mexicanVisual()},
	} {
		b.Run(c.name, func(b *testing.B) {
			in := Input{Doc: doc, Visual: c.v, Now: testNow}
			b.ReportAllocs()
			for b.Loop() {
				Evaluate(in, nil)
			}
		})
	}
}
