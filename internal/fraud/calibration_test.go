package fraud

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/countries"
	"lookout/internal/mrz"
)

// printedNames are visual-zone spellings and the MRZ forms issuers print
// for them (Doc 9303 Part 3 §6; both forms of Ü, Ö, Å occur).
var printedNames = [][2]string{
	{"GARCÍA", "GARCIA"}, {"MÜLLER", "MUELLER"}, {"Müller", "MULLER"}, {"NÚÑEZ DE LA PEÑA", "NUNEZ DE LA PENA"},
	{"O'Brien", "OBRIEN"}, {"ØSTERGÅRD", "OESTERGAARD"}, {"Schröder-Weiß", "SCHROEDER WEISS"}, {"ÇELİK", "CELIK"},
	{"Dvořák", "DVORAK"}, {"Łukasiewicz", "LUKASIEWICZ"}, {"HERNÁNDEZ LÓPEZ", "HERNANDEZ LOPEZ"},
}

var (
	testSurnames = []string{"GARCIA", "HERNANDEZ LOPEZ", "SMITH", "MUELLER", "NGUYEN", "OKAFOR", "DE LA CRUZ", "WANG",
		"PATEL", "IVANOVA", "AL HASSAN", "O BRIEN", "SCHMIDT", "MARTINEZ RUIZ", "DUBOIS", "KOWALSKI", "SILVA SANTOS"}
	testGiven = []string{"MARIA", "JOSE LUIS", "ANNA", "MOHAMMED", "LI", "JEAN PIERRE", "GUADALUPE", "JOHN", "FATIMA",
		"OLGA", "KWAME", "SOFIA ISABEL", "LUCAS", "MEI", "AHMAD"}
)

// genuine is one generated genuine document: the zone's fields, its
// visual zone and what it was built from.
type genuine struct {
	f      mrz.Fields
	v      Visual
	issuer string
	months int
	issue  time.Time
}

// genuineDocs builds n genuine ordinary passports per regular (not
// limited, not low-confidence) validity rule of every issuer with facts:
// holders of every age of the rule's band, issue dates within the rule's
// dates and the last twelve years, expiry at the allowed period (on the
// anniversary or the day before, plus any carry-over), numbers drawn from a
// pattern valid on the issue date.
func genuineDocs(t testing.TB, facts *bundle.IssuerFacts, n int, seed uint64) []genuine {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	earliest := testNow.AddDate(-12, 0, 0)
	var out []genuine
	for _, is := range facts.Issuers {
		if len(is.Validity) == 0 && len(is.Numbers) == 0 {
			continue
		}
		rules := is.Validity
		if len(rules) == 0 {
			rules = []bundle.ValidityRule{vr(0, open, "", "", 120)} // numbers only
		}
		for _, vrule := range rules {
			if vrule.Limited || vrule.LowConf {
				continue
			}
			from, _ := parseOptDate(vrule.From)
			to, _ := parseOptDate(vrule.To)
			lo, hi := earliest, day(testNow)
			if !from.IsZero() && from.After(lo) {
				lo = from
			}
			if !to.IsZero() && to.Before(hi) {
				hi = to
			}
			if lo.After(hi) {
				continue // the rule's years are over before the window
			}
			for range n {
				issue := lo.AddDate(0, 0, r.IntN(int(hi.Sub(lo).Hours()/24)+1))
				maxAge := vrule.MaxAge
				// Two-digit years: the parser resolves births within the
				// last century, so holders stay under 86 on issue dates
				// up to twelve years back.
				if maxAge == open || maxAge > 85 {
					maxAge = 85
				}
				age := vrule.MinAge + r.IntN(maxAge-vrule.MinAge+1)
				// A birth date that makes the holder exactly age on the issue date.
				birth := issue.AddDate(-age-1, 0, 1+r.IntN(365))
				if ageAt(birth, issue) != age {
					birth = issue.AddDate(-age, 0, 0)
				}
				m := vrule.Months[r.IntN(len(vrule.Months))]
				expiry := issue.AddDate(0, m, 0)
				if r.IntN(2) == 0 {
					expiry = expiry.AddDate(0, 0, -1) // issuers that expire the day before
				}
				if vrule.GraceDays > 0 {
					expiry = expiry.AddDate(0, 0, r.IntN(vrule.GraceDays+1))
				}
				if vrule.UntilAge > 0 && r.IntN(2) == 0 {
					if b := birth.AddDate(vrule.UntilAge, 0, 0); b.Before(expiry) && b.After(issue) {
						expiry = b
					}
				}
				number := genNumber(r, is, issue)
				sex := []string{"M", "F"}[r.IntN(2)]
				sur := testSurnames[r.IntN(len(testSurnames))]
				vizSur := sur
				if r.IntN(3) == 0 {
					p := printedNames[r.IntN(len(printedNames))]
					vizSur, sur = p[0], p[1]
				}
				given := testGiven[r.IntN(len(testGiven))]
				f := mrz.Fields{DocumentType: []string{"P", "PP"}[r.IntN(2)], IssuingState: is.State, Nationality: is.State,
					Surname: sur, GivenNames: given, DocumentNumber: number, BirthDate: birth.Format("060102"),
					Sex: sex, ExpiryDate: expiry.Format("060102")}
				v := Visual{IssueDate: iso(issue), Surname: vizSur, GivenNames: given, BirthDate: iso(birth),
					ExpiryDate: iso(expiry), DocumentNumber: number, Sex: sex}
				if is.State == "MEX" {
					v.CURP, v.PlaceOfBirth = genCURP(r, sur, given, birth, sex)
				}
				out = append(out, genuine{f: f, v: v, issuer: is.State, months: m, issue: issue})
			}
		}
	}
	return out
}

// genCURP builds the CURP RENAPO would assign to a holder and a place of
// birth that agrees with it.
func genCURP(r *rand.Rand, surname, given string, birth time.Time, sex string) (string, string) {
	var sur []string
	for _, w := range strings.Fields(surname) {
		if !slices.Contains(curpParticles, w) {
			sur = append(sur, w)
		}
	}
	giv := strings.Fields(given)
	if len(giv) > 1 && (giv[0] == "JOSE" || giv[0] == "MARIA") {
		giv = giv[1:]
	}
	vowel := byte('X')
	for i := 1; i < len(sur[0]); i++ {
		if strings.IndexByte("AEIOU", sur[0][i]) >= 0 {
			vowel = sur[0][i]
			break
		}
	}
	second := byte('X')
	if len(sur) > 1 {
		second = sur[1][0]
	}
	sexCode := map[string]string{"M": "H", "F": "M"}[sex]
	var codes []string
	for code := range curpStates {
		if code != "NE" {
			codes = append(codes, code)
		}
	}
	sort.Strings(codes)
	state := codes[r.IntN(len(codes))]
	homonym := byte('0' + r.IntN(10))
	if birth.Year() >= 2000 {
		homonym = byte('A' + r.IntN(26))
	}
	s := string([]byte{sur[0][0], vowel, second, giv[0][0]}) + birth.Format("060102") + sexCode + state +
		genMatch(r, `[B-DF-HJ-NP-TV-Z]{3}`) + string(homonym)
	names := curpStates[state]
	return validCURP(s), []string{"CENTRO", "SAN JUAN", "LA PAZ"}[r.IntN(3)] + ", " + names[r.IntN(len(names))]
}

// genNumber draws a document number from a pattern of the issuer valid on
// the issue date, or a plausible alphanumeric number when it has none.
func genNumber(r *rand.Rand, is bundle.Issuer, issue time.Time) string {
	var ok []bundle.NumberPattern
	for _, p := range is.Numbers {
		from, _ := parseOptDate(p.From)
		to, _ := parseOptDate(p.To)
		if p.DocType != "P" || (!from.IsZero() && issue.Before(from)) || (!to.IsZero() && issue.After(to)) {
			continue
		}
		ok = append(ok, p)
	}
	if len(ok) == 0 {
		return genMatch(r, `[A-Z][0-9]{8}`)
	}
	for {
		s := genMatch(r, ok[r.IntN(len(ok))].Regex)
		if len(s) <= 9 {
			return s
		}
	}
}

// TestGenuinePassportsRaiseNothingAboveInfo is the calibration proof: a
// genuine ordinary passport of every issuer with facts, typed fully or
// presented with the MRZ alone, raises no review and no refer.
func TestGenuinePassportsRaiseNothingAboveInfo(t *testing.T) {
	perRule := 120
	if testing.Short() {
		perRule = 25
	}
	facts := DefaultFacts()
	docs := genuineDocs(t, facts, perRule, 1)
	type tally struct{ docs, evals, info int }
	byIssuer := map[string]*tally{}
	infoCodes := map[string]int{}
	for _, g := range docs {
		d := build(t, mrz.TD3, g.f, nil)
		if !d.Valid {
			t.Fatalf("generated document not valid: %v %+v", d.Lines, d.Findings)
		}
		tl := byIssuer[g.issuer]
		if tl == nil {
			tl = &tally{}
			byIssuer[g.issuer] = tl
		}
		tl.docs++
		for _, v := range []Visual{g.v, {}} {
			res := Evaluate(Input{Doc: d, Visual: v, Now: testNow}, facts)
			tl.evals++
			for _, s := range res.Signals {
				if s.Severity != SevInfo {
					t.Errorf("%s genuine %s passport (issued %s, %d months, born %s, typed=%v): %s/%s: %s",
						res.Recommendation, g.issuer, iso(g.issue), g.months, g.v.BirthDate, v.IssueDate != "", s.Code, s.Severity, s.Message)
					continue
				}
				tl.info++
				infoCodes[s.Code]++
			}
			if res.Recommendation != RecClear {
				t.Errorf("recommendation %s for a genuine %s passport", res.Recommendation, g.issuer)
			}
		}
	}
	var states []string
	total := tally{}
	for s, tl := range byIssuer {
		states = append(states, s)
		total.docs += tl.docs
		total.evals += tl.evals
		total.info += tl.info
	}
	sort.Strings(states)
	var b strings.Builder
	for _, s := range states {
		fmt.Fprintf(&b, "%s %d; ", s, byIssuer[s].docs)
	}
	t.Logf("calibration: %d genuine passports of %d issuers (%s), %d evaluations (typed and MRZ-only): 0 review, 0 refer expected; info signals %d %v",
		total.docs, len(states), b.String(), total.evals, total.info, infoCodes)
	if len(states) < len(facts.Issuers) {
		t.Errorf("only %d of %d issuers generated", len(states), len(facts.Issuers))
	}
}

// TestGeneratedNumbersFitTheirPatterns guards the generator the
// calibration rests on.
func TestGeneratedNumbersFitTheirPatterns(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 2))
	for _, is := range DefaultFacts().Issuers {
		for _, p := range is.Numbers {
			re := regexp.MustCompile(`^(?:` + p.Regex + `)$`)
			for range 50 {
				if s := genMatch(r, p.Regex); !re.MatchString(s) {
					t.Fatalf("%s: generated %q does not match %s", is.State, s, p.Regex)
				}
			}
		}
	}
}

// TestForgedValidityOnGenuineTemplatesIsCaught is the other side of the
// calibration: the same generated documents with a period the issuer never
// grants (typed issue date) are referred.
func TestForgedValidityOnGenuineTemplatesIsCaught(t *testing.T) {
	facts := DefaultFacts()
	docs := genuineDocs(t, facts, 10, 3)
	caught, replacement, tried := 0, 0, 0
	for _, g := range docs {
		// A period no rule of the issuer lists for any age: 7 years and 2
		// months is in no set.
		forged := 86
		var all []int
		for _, is := range facts.Issuers {
			if is.State == g.issuer {
				for _, r := range is.Validity {
					all = append(all, r.Months...)
				}
			}
		}
		if len(all) == 0 || slices.Contains(all, forged) || g.issue.AddDate(0, forged, 0).Before(testNow) {
			continue
		}
		f, v := g.f, g.v
		exp := g.issue.AddDate(0, forged, 0)
		f.ExpiryDate, v.ExpiryDate = exp.Format("060102"), iso(exp)
		tried++
		res := Evaluate(Input{Doc: build(t, mrz.TD3, f, nil), Visual: v, Now: testNow}, facts)
		switch {
		case find(res, "validity_not_allowed") != nil || find(res, "validity_age_band") != nil || find(res, "expiry_beyond_maximum") != nil:
			caught++
		case find(res, "replacement_validity") != nil && g.issuer == "ESP":
			// Spanish replacements keep the lost passport's expiry: any
			// period shorter than the regular one is lawful, and noted.
			replacement++
		default:
			t.Errorf("%s passport issued %s valid %d months not caught: %v", g.issuer, iso(g.issue), forged, codes(res))
		}
	}
	t.Logf("forged validity (86 months, typed issue date): %d of %d referred, %d noted as possible Spanish replacements", caught, tried, replacement)
	if tried == 0 {
		t.Fatal("no forged document tried")
	}
}

// TestOtherGenuineDocumentsRaiseNothingAboveInfo widens the calibration to
// what the facts do not describe: passports of every other ISO state (no
// facts: not penalised), diplomatic and official passports, ID cards and
// visas of the issuers with facts.
func TestOtherGenuineDocumentsRaiseNothingAboveInfo(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	facts := DefaultFacts()
	known := map[string]bool{}
	for _, is := range facts.Issuers {
		known[is.State] = true
	}
	type doc struct {
		format mrz.Format
		f      mrz.Fields
	}
	var docs []doc
	holder := func(state, typ string) mrz.Fields {
		issue := testNow.AddDate(0, 0, -r.IntN(9*365))
		birth := issue.AddDate(-18-r.IntN(60), 0, -r.IntN(365))
		return mrz.Fields{DocumentType: typ, IssuingState: state, Nationality: state,
			Surname: testSurnames[r.IntN(len(testSurnames))], GivenNames: testGiven[r.IntN(len(testGiven))],
			DocumentNumber: genMatch(r, `[A-Z0-9]{2}[0-9]{7}`), BirthDate: birth.Format("060102"),
			Sex: []string{"M", "F", "X"}[r.IntN(3)], ExpiryDate: issue.AddDate(10, 0, 0).Format("060102")}
	}
	for _, ct := range countries.All() {
		if ct.Kind != countries.KindISO || known[ct.Code] || ct.Code == "DEU" {
			continue
		}
		docs = append(docs, doc{mrz.TD3, holder(ct.Code, "P")})
	}
	var states []string
	for state := range known {
		states = append(states, state)
	}
	sort.Strings(states)
	for _, state := range states {
		docs = append(docs, doc{mrz.TD3, holder(state, "PD")}, doc{mrz.TD3, holder(state, "PO")},
			doc{mrz.TD1, holder(state, "ID")}, doc{mrz.MRVA, holder(state, "V")})
	}
	for _, d := range docs {
		doc := build(t, d.format, d.f, nil)
		if !doc.Valid {
			t.Fatalf("generated document not valid: %v %+v", doc.Lines, doc.Findings)
		}
		res := Evaluate(Input{Doc: doc, Now: testNow}, facts)
		for _, s := range res.Signals {
			if s.Severity != SevInfo {
				t.Errorf("%s %s %s: %s/%s: %s", d.format, d.f.DocumentType, d.f.IssuingState, s.Code, s.Severity, s.Message)
			}
		}
	}
	t.Logf("other documents: %d (ISO-state passports without facts, PD/PO passports, ID cards, visas): 0 review, 0 refer expected", len(docs))
}
