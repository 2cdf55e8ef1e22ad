package screen

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"lookout/internal/bundle"
	"lookout/internal/mrz"
	"lookout/internal/watchlist"
)

var testNow = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// testList signs a small list with a throwaway test key.
type testList struct {
	signer note.Signer
	policy bundle.Policy
}

func newTestList(t testing.TB) *testList {
	t.Helper()
	seed := sha256.Sum256([]byte("lookout screen test key"))
	skey, vkey, err := note.GenerateKey(bytes.NewReader(seed[:]), "lookout-screen-test")
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	k, err := bundle.ParseKey(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return &testList{signer: s, policy: bundle.Policy{Keys: []bundle.Key{k}}}
}

func (tl *testList) build(t testing.TB, seq uint64, issued time.Time, entries []bundle.Entry, lookouts []bundle.DocLookout) []byte {
	t.Helper()
	ni, err := watchlist.BuildNameIndex(entries)
	if err != nil {
		t.Fatal(err)
	}
	di, err := watchlist.BuildDocIndex(lookouts)
	if err != nil {
		t.Fatal(err)
	}
	hd, err := BuildHolders(entries)
	if err != nil {
		t.Fatal(err)
	}
	p := &bundle.Payload{Entries: entries, NameIndex: ni, DocIndex: di, Holders: hd}
	b, err := bundle.Build(p, bundle.Header{Env: "test", List: "screen-test", Seq: seq, Issued: issued, Expires: issued.Add(30 * 24 * time.Hour)}, tl.signer)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var listed = []bundle.Entry{
	{
		ID: "test:1", Category: bundle.CatWarrant, Action: "Detain and call the duty prosecutor.",
		Names:         []bundle.Name{{Full: "GARCIA LOPEZ, JUAN CARLOS", Surname: "GARCIA LOPEZ", Given: "JUAN CARLOS", Kind: bundle.NamePrimary}},
		DOBs:          []bundle.DateSpec{{Date: "1980-01-01"}},
		POBs:          []string{"Guadalajara, Jalisco"},
		Nationalities: []string{"MEX"},
		Documents:     []bundle.DocRef{{Type: "passport", Number: "G98765432", State: "MEX"}},
	},
	{
		ID: "test:2", Category: bundle.CatTerrorist,
		Names: []bundle.Name{{Full: "AL-ZAWAHIRI, AYMAN", Surname: "AL-ZAWAHIRI", Given: "AYMAN", Kind: bundle.NamePrimary}},
		DOBs:  []bundle.DateSpec{{Date: "1951-06-19"}},
	},
	{
		ID: "test:3", Category: bundle.CatDeported,
		Names: []bundle.Name{{Full: "NOVAK, PETRA", Surname: "NOVAK", Given: "PETRA", Kind: bundle.NamePrimary}},
		DOBs:  []bundle.DateSpec{{Date: "1975"}},
	},
}

var lookouts = []bundle.DocLookout{
	{State: "MEX", Type: "P", Number: "G11111111", Reason: bundle.ReasonStolen, Source: "test:stolen"},
}

func mrzOf(t testing.TB, sur, given, num, nat, birth, sex, expiry string) string {
	t.Helper()
	lines, err := mrz.Generate(mrz.TD3, mrz.Fields{DocumentType: "P", IssuingState: nat, Surname: sur, GivenNames: given,
		DocumentNumber: num, Nationality: nat, BirthDate: birth, Sex: sex, ExpiryDate: expiry})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

func loadedEngine(t testing.TB) (*Engine, *testList) {
	t.Helper()
	tl := newTestList(t)
	e := New()
	e.SetClock(func() time.Time { return testNow })
	if _, err := e.Load(tl.build(t, 5, testNow.Add(-time.Hour), listed, lookouts), tl.policy, &bundle.MemoryStore{}, testNow); err != nil {
		t.Fatal(err)
	}
	return e, tl
}

func TestAListedTravelerIsReferredWithReasons(t *testing.T) {
	e, _ := loadedEngine(t)
	rep := e.Check(Request{MRZ: mrzOf(t, "GARCIA LOPEZ", "JUAN CARLOS", "G12345678", "MEX", "800101", "M", "300101")})
	if rep.Recommendation != Refer {
		t.Fatalf("recommendation %q, want refer; summary %v", rep.Recommendation, rep.Summary)
	}
	if len(rep.Hits) == 0 || rep.Hits[0].ID != "test:1" || rep.Hits[0].Level != watchlist.LevelStrong {
		t.Fatalf("hits %+v, want a strong hit on test:1", rep.Hits)
	}
	if len(rep.Hits[0].Reasons) == 0 {
		t.Error("the hit carries no reasons")
	}
	if rep.List == nil || rep.List.Name != "screen-test" || rep.List.Seq != 5 || rep.List.State != "valid" {
		t.Errorf("list %+v, want screen-test seq 5 valid", rep.List)
	}
	if rep.Matching != "available" {
		t.Errorf("matching %q", rep.Matching)
	}
}

func TestAnUnlistedGenuineTravelerIsClear(t *testing.T) {
	e, _ := loadedEngine(t)
	rep := e.Check(Request{MRZ: mrzOf(t, "HERNANDEZ RUIZ", "MARIA FERNANDA", "G23456789", "MEX", "900315", "F", "290601")})
	if rep.Recommendation != Clear {
		t.Fatalf("recommendation %q, want clear; summary %v; hits %+v; signals %+v", rep.Recommendation, rep.Summary, rep.Hits, rep.Signals)
	}
	if !rep.Document.Valid || rep.Document.Format != mrz.TD3 {
		t.Errorf("valid %v format %v", rep.Document.Valid, rep.Document.Format)
	}
}

func TestAStolenDocumentIsReferred(t *testing.T) {
	e, _ := loadedEngine(t)
	rep := e.Check(Request{MRZ: mrzOf(t, "PEREZ", "ANA", "G11111111", "MEX", "850505", "F", "300101")})
	if rep.Recommendation != Refer || len(rep.DocumentHits) != 1 || rep.DocumentHits[0].Reason != bundle.ReasonStolen {
		t.Fatalf("recommendation %q, document hits %+v", rep.Recommendation, rep.DocumentHits)
	}
}

func TestAListedPersonsPassportIsAHitWhateverTheName(t *testing.T) {
	e, _ := loadedEngine(t)
	rep := e.Check(Request{MRZ: mrzOf(t, "SMITH", "JOHN", "G98765432", "MEX", "700101", "M", "300101")})
	if rep.Recommendation != Refer || len(rep.Hits) == 0 || rep.Hits[0].ID != "test:1" {
		t.Fatalf("recommendation %q hits %+v", rep.Recommendation, rep.Hits)
	}
}

func TestTheSpecimenPassportIsReferredEvenWithoutAList(t *testing.T) {
	e := New()
	e.SetClock(func() time.Time { return testNow })
	rep := e.Check(Request{MRZ: "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"})
	if rep.Recommendation != Refer {
		t.Fatalf("recommendation %q, want refer (specimen)", rep.Recommendation)
	}
	if rep.Matching != "unavailable" || rep.List != nil {
		t.Errorf("matching %q list %+v, want unavailable and no list", rep.Matching, rep.List)
	}
	found := false
	for _, s := range rep.Signals {
		if s.Code == "specimen_document" {
			found = true
		}
	}
	if !found {
		t.Errorf("no specimen_document signal in %+v", rep.Signals)
	}
}

func TestADocumentWithoutMRZIsScreenedByName(t *testing.T) {
	e, _ := loadedEngine(t)
	rep := e.Check(Request{Person: &Person{Name: "Ayman al Zawahiri", DOB: "1951-06-19"}})
	if rep.Recommendation == Clear || len(rep.Hits) == 0 || rep.Hits[0].ID != "test:2" {
		t.Fatalf("recommendation %q hits %+v", rep.Recommendation, rep.Hits)
	}
	if rep.Document != nil {
		t.Error("a request without MRZ produced an MRZ document")
	}
}

func TestAnEmptyRequestIsAnError(t *testing.T) {
	e := New()
	rep := e.Check(Request{})
	if rep.Error == "" || rep.Recommendation != Review {
		t.Fatalf("error %q recommendation %q", rep.Error, rep.Recommendation)
	}
}

func TestARejectedBundleKeepsThePreviousList(t *testing.T) {
	e, tl := loadedEngine(t)
	bad := tl.build(t, 6, testNow.Add(-time.Hour), listed[:1], nil)
	bad[len(bad)-1] ^= 1
	_, err := e.Load(bad, tl.policy, &bundle.MemoryStore{}, testNow)
	var ve *bundle.VerifyError
	if !errors.As(err, &ve) {
		t.Fatalf("tampered bundle: error %v, want a *bundle.VerifyError", err)
	}
	if l := e.List(); l == nil || l.Seq != 5 {
		t.Fatalf("list after a rejected load: %+v, want seq 5 kept", l)
	}
}

func TestARolledBackBundleIsRejected(t *testing.T) {
	tl := newTestList(t)
	e := New()
	store := &bundle.MemoryStore{}
	if _, err := e.Load(tl.build(t, 9, testNow.Add(-time.Hour), listed, nil), tl.policy, store, testNow); err != nil {
		t.Fatal(err)
	}
	_, err := e.Load(tl.build(t, 8, testNow.Add(-2*time.Hour), listed, nil), tl.policy, store, testNow)
	var ve *bundle.VerifyError
	if !errors.As(err, &ve) || ve.Step != bundle.StepRollback {
		t.Fatalf("older seq: error %v, want a rollback VerifyError", err)
	}
}

func TestAnExpiredListIsShownButNotUsed(t *testing.T) {
	e, _ := loadedEngine(t)
	later := testNow.Add(40 * 24 * time.Hour)
	e.SetClock(func() time.Time { return later })
	rep := e.Check(Request{MRZ: mrzOf(t, "GARCIA LOPEZ", "JUAN CARLOS", "G12345678", "MEX", "800101", "M", "300101")})
	if rep.List == nil || rep.List.State != "expired" {
		t.Fatalf("list %+v, want state expired", rep.List)
	}
	if rep.Matching != "unavailable" || len(rep.Hits) != 0 {
		t.Fatalf("matching %q hits %d: an expired list must not be used", rep.Matching, len(rep.Hits))
	}
}

func TestAStaleListIsStillUsedAndSaysSo(t *testing.T) {
	e, _ := loadedEngine(t)
	later := testNow.Add(StaleAfter + time.Hour)
	e.SetClock(func() time.Time { return later })
	if l := e.List(); l == nil || l.State != "stale" {
		t.Fatalf("list %+v, want stale", l)
	}
}

func TestMatchFindsNamesAndDocumentNumbers(t *testing.T) {
	e, _ := loadedEngine(t)
	rep := e.Match(MatchRequest{Name: "Juan Carlos Garcia", DOB: "1980"})
	if len(rep.Hits) == 0 || rep.Hits[0].ID != "test:1" {
		t.Fatalf("name query hits %+v", rep.Hits)
	}
	// A misread O for 0 and lower case still meet the stolen number.
	rep = e.Match(MatchRequest{DocumentNumber: "g11111111", IssuingState: "MEX"})
	if len(rep.DocumentHits) != 1 {
		t.Fatalf("document query hits %+v", rep.DocumentHits)
	}
	rep = e.Match(MatchRequest{DocumentNumber: "G9876543Z", IssuingState: "MEX"})
	if len(rep.DocumentHits) != 0 || len(rep.Hits) != 0 {
		t.Fatalf("an unlisted number hit: %+v %+v", rep.DocumentHits, rep.Hits)
	}
}

func TestJSONRequestsAreStrict(t *testing.T) {
	e, _ := loadedEngine(t)
	for _, tc := range []struct{ name, body string }{
		{"unknown field", `{"mrz":"x","bogus":1}`},
		{"trailing data", `{"mrz":"x"} {}`},
		{"not JSON", `P<UTO`},
		{"oversized", `{"mrz":"` + strings.Repeat("A", MaxRequest) + `"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.CheckJSON([]byte(tc.body))
			var re *RequestError
			if !errors.As(err, &re) {
				t.Fatalf("error %v, want a *RequestError", err)
			}
		})
	}
	out, err := e.CheckJSON([]byte(`{"mrz":"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"}`))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema", "recommendation", "format", "valid", "fields", "findings", "signals", "hits", "document_hits", "list", "matching"} {
		if _, ok := m[k]; !ok {
			t.Errorf("report JSON lacks %q", k)
		}
	}
}
