package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/mrz"
	"lookout/internal/watchlist"
)

// The test list: a listed traveler, a person whose list strings are HTML
// and script (they must render as text), and a stolen passport.
const (
	listName = "e2e-list"
	pwnHTML  = `<img src=x onerror="window.__pwned=1">`
	// htmlName is matched by typing it into the no-MRZ form.
	htmlName = `<script>window.__pwned=2</script> ROBERTO <b>MENDEZ</b> SALAS`
)

func testEntries() []bundle.Entry {
	return []bundle.Entry{
		{
			ID: "e2e:1", Category: bundle.CatWarrant,
			Names: []bundle.Name{
				{Full: "GARCIA LOPEZ, Juan Carlos", Surname: "GARCIA LOPEZ", Given: "Juan Carlos", Kind: bundle.NamePrimary},
				{Full: "Juanca GARCIA", Kind: bundle.NameWeak},
			},
			DOBs:          []bundle.DateSpec{{Date: "1980-01-01"}},
			POBs:          []string{"Guadalajara, Jalisco"},
			Nationalities: []string{"MEX"},
			Sex:           "M",
			Action:        "Secondary inspection; notify the duty officer",
			Program:       "e2e",
		},
		{
			ID: "e2e:2", Category: bundle.CatOther,
			Names:         []bundle.Name{{Full: htmlName, Kind: bundle.NamePrimary}},
			DOBs:          []bundle.DateSpec{{Date: "1971-07-07"}},
			POBs:          []string{`<svg onload="window.__pwned=3">`},
			Nationalities: []string{"ESP"},
			Action:        pwnHTML,
			Remarks:       `<a href="javascript:window.__pwned=4">click</a>`,
		},
		{
			ID: "e2e:3", Category: bundle.CatSanctions,
			Names:         []bundle.Name{{Full: "Vladimir IVANOV PETROV", Surname: "IVANOV PETROV", Given: "Vladimir", Kind: bundle.NamePrimary}},
			DOBs:          []bundle.DateSpec{{Date: "1962"}},
			Nationalities: []string{"RUS"},
			Action:        "Refer to the consular supervisor",
		},
	}
}

func testLookouts() []bundle.DocLookout {
	return []bundle.DocLookout{{State: "MEX", Type: "P", Number: "G99887766", Reason: bundle.ReasonStolen, Source: "e2e:doc1"}}
}

type bundleSpec struct {
	seq             uint64
	issued, expires time.Time
	tamper          bool
}

// makeBundle signs a test bundle with the throwaway key, built the way
// `lookout bundle build` builds one.
func makeBundle(t *testing.T, s bundleSpec) []byte {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Second)
	if s.issued.IsZero() {
		s.issued = now.Add(-time.Hour)
	}
	if s.expires.IsZero() {
		s.expires = now.Add(30 * 24 * time.Hour)
	}
	entries := testEntries()
	p := &bundle.Payload{Entries: entries}
	var err error
	if p.NameIndex, err = watchlist.BuildNameIndex(entries); err != nil {
		t.Fatal(err)
	}
	if p.DocIndex, err = watchlist.BuildDocIndex(testLookouts()); err != nil {
		t.Fatal(err)
	}
	h := bundle.Header{Env: "test", List: listName, Seq: s.seq, Issued: s.issued.UTC().Truncate(time.Second), Expires: s.expires.UTC().Truncate(time.Second)}
	data, err := bundle.Build(p, h, e2eKey(t).signer)
	if err != nil {
		t.Fatal(err)
	}
	if s.tamper {
		data[len(data)-3] ^= 0x20 // one payload byte: the signed hash no longer matches
	}
	return data
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// td3 generates a passport zone.
func td3(t *testing.T, f mrz.Fields) string {
	t.Helper()
	lines, err := mrz.Generate(mrz.TD3, f)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

func expiryIn(years int) string { return time.Now().AddDate(years, 0, 0).Format("060102") }

func listedTraveler(t *testing.T) string {
	return td3(t, mrz.Fields{IssuingState: "MEX", Surname: "GARCIA LOPEZ", GivenNames: "JUAN CARLOS", DocumentNumber: "G12345678",
		Nationality: "MEX", BirthDate: "800101", Sex: "M", ExpiryDate: expiryIn(5)})
}

func unlistedTraveler(t *testing.T) string {
	return td3(t, mrz.Fields{IssuingState: "CAN", Surname: "TREMBLAY", GivenNames: "MARIE CLAIRE", DocumentNumber: "AB123456",
		Nationality: "CAN", BirthDate: "850315", Sex: "F", ExpiryDate: expiryIn(4)})
}

// state reads the status bar.
type listStatus struct {
	State string `json:"state"`
	Text  string `json:"text"`
	Seq   string `json:"seq"`
	Name  string `json:"name"`
	Alert string `json:"alert"`
	Demo  bool   `json:"demo"`
}

func (b *browser) status() listStatus {
	b.t.Helper()
	return eval[listStatus](b, `({state: document.getElementById('list-state').dataset.state, text: document.getElementById('list-state').textContent,
		seq: document.getElementById('list-seq').textContent, name: document.getElementById('list-name').textContent,
		alert: document.getElementById('list-alert').hidden ? '' : document.getElementById('list-alert').textContent,
		demo: !document.getElementById('demo-banner').hidden})`)
}

type verdict struct {
	Rec     string     `json:"rec"`
	List    string     `json:"list"`
	Hits    []hitShown `json:"hits"`
	DocHits []string   `json:"dochits"`
	Signals []string   `json:"signals"`
}

type hitShown struct {
	Name    string   `json:"name"`
	Level   string   `json:"level"`
	Score   string   `json:"score"`
	Facts   string   `json:"facts"`
	Reasons []string `json:"reasons"`
}

func (b *browser) verdict() verdict {
	b.t.Helper()
	return eval[verdict](b, `({rec: document.getElementById('verdict').dataset.recommendation,
		list: document.getElementById('verdict-list')?.textContent ?? '',
		hits: [...document.querySelectorAll('#hits > li')].map(li => ({name: li.querySelector('.hit-name').textContent, level: li.dataset.level,
			score: li.querySelector('.hit-score').textContent, facts: li.querySelector('.hit-facts').textContent,
			reasons: [...li.querySelectorAll('.reasons li')].map(r => r.textContent)})),
		dochits: [...document.querySelectorAll('#dochits li')].map(li => li.textContent),
		signals: [...document.querySelectorAll('#signals li')].map(li => li.textContent)})`)
}

// checkTyped types an MRZ as a reader would and waits for its result.
func (b *browser) checkTyped(zone string) verdict {
	b.t.Helper()
	eval[bool](b, `(document.getElementById('verdict').dataset.recommendation = 'pending', true)`)
	b.typeMRZ(strings.ReplaceAll(zone, "\n", "\r") + "\r")
	b.waitFor("a verdict", `document.getElementById('verdict').dataset.recommendation !== 'pending'`, 10*time.Second)
	return b.verdict()
}

func (b *browser) reloadSettled() {
	b.t.Helper()
	eval[bool](b, `(delete document.body.dataset.ready, delete document.body.dataset.list, true)`)
	b.run("reload", chromedpReload())
	b.waitListSettled()
}

// Issue 6, end to end: the page verifies the list, screens a listed and an
// unlisted traveler without a single network request, renders hostile list
// strings inertly, rejects a tampered, an expired and a rolled-back list
// while keeping the one in use, loads a list by hand (file picker and
// drag-and-drop), and keeps working offline after one online load.
func TestBundleLifecycleAndScreening(t *testing.T) {
	build := testBuild(t)
	srv := newServer(t, build, false)
	srv.serveBundle(t, makeBundle(t, bundleSpec{seq: 2}))
	b := newBrowser(t, browserOpt{})
	b.navigate(srv.URL + "/")
	b.waitListSettled()

	st := b.status()
	if st.State != "valid" || st.Seq != "2" || st.Name != listName {
		t.Fatalf("after load: status %+v, want valid %s seq 2", st, listName)
	}
	if st.Demo {
		t.Errorf("a test-environment list shows the demo banner")
	}
	b.screenshot("list-valid")

	// Screening makes no network request at all. (The service worker,
	// registered once the page is ready, precaches the page first: that is
	// not the check path, so the recording starts after it.)
	if !eval[bool](b, `navigator.serviceWorker.ready.then(() => true)`) {
		t.Fatal("the service worker did not become active")
	}
	before := len(srv.requests())
	rec := b.record()

	v := b.checkTyped(listedTraveler(t))
	if v.Rec == "clear" || len(v.Hits) == 0 {
		t.Fatalf("listed traveler: %+v, want a hit", v)
	}
	h := v.Hits[0]
	if !strings.Contains(h.Name, "GARCIA") || len(h.Reasons) == 0 {
		t.Errorf("hit %+v: want GARCIA with reasons", h)
	}
	if !strings.Contains(h.Facts, "Secondary inspection") {
		t.Errorf("hit facts %q lack the recommended action", h.Facts)
	}
	if !strings.Contains(v.List, listName) || !strings.Contains(v.List, "sequence 2") {
		t.Errorf("result does not name the list version: %q", v.List)
	}
	b.screenshot("hit-listed")

	v = b.checkTyped(unlistedTraveler(t))
	if len(v.Hits) != 0 || len(v.DocHits) != 0 {
		t.Errorf("unlisted traveler has hits: %+v", v)
	}
	if v.Rec != "clear" {
		t.Errorf("unlisted traveler: recommendation %q (signals %v), want clear", v.Rec, v.Signals)
	}
	b.screenshot("clear-unlisted")

	// A stolen passport: a document lookout, not a name hit.
	v = b.checkTyped(td3(t, mrz.Fields{IssuingState: "MEX", Surname: "RUIZ", GivenNames: "ANA", DocumentNumber: "G99887766",
		Nationality: "MEX", BirthDate: "900202", Sex: "F", ExpiryDate: expiryIn(3)}))
	if len(v.DocHits) == 0 || v.Rec != "refer" {
		t.Errorf("stolen passport: %+v, want a document lookout and refer", v)
	}

	// Hostile list strings render as text.
	b.run("screen by name", focus("#person-details summary"), clickSel("#person-details summary"),
		setValue("#p-name", htmlName), clickSel("#person-btn"))
	b.waitFor("the HTML-named hit", `document.querySelectorAll('#hits > li').length > 0`, 10*time.Second)
	inert := eval[map[string]any](b, `({pwned: window.__pwned ?? null,
		elems: document.querySelectorAll('#result img, #result script, #result svg, #result b, #result a').length,
		text: document.getElementById('result').textContent})`)
	if inert["pwned"] != nil {
		t.Errorf("list content ran script: window.__pwned = %v", inert["pwned"])
	}
	if n, _ := inert["elems"].(float64); n != 0 {
		t.Errorf("list content created %v elements in the result", n)
	}
	text, _ := inert["text"].(string)
	for _, lit := range []string{"<script>", "<b>MENDEZ</b>", `<img src=x onerror="window.__pwned=1">`} {
		if !strings.Contains(text, lit) {
			t.Errorf("the result does not show %q as text", lit)
		}
	}
	b.screenshot("html-inert")

	if urls := rec.finish(); len(urls) != 0 {
		t.Errorf("screening made network requests: %v", urls)
	}
	if after := len(srv.requests()); after != before {
		t.Errorf("the server saw %d requests during screening: %v", after-before, srv.requests()[before:])
	}

	// Each bad list is rejected with its reason; list 2 stays in use.
	now := time.Now()
	bad := []struct {
		name, reason string
		spec         bundleSpec
	}{
		{"tampered", "tampered", bundleSpec{seq: 3, tamper: true}},
		{"expired", "expired", bundleSpec{seq: 4, issued: now.AddDate(0, 0, -40), expires: now.AddDate(0, 0, -1)}},
		{"rolled-back", "rollback", bundleSpec{seq: 1}},
	}
	for _, c := range bad {
		srv.serveBundle(t, makeBundle(t, c.spec))
		b.reloadSettled()
		st := b.status()
		if st.State != "rejected" || !strings.Contains(st.Text, c.reason) {
			t.Errorf("%s list: status %+v, want rejected: …%s…", c.name, st, c.reason)
		}
		if st.Seq != "2" || !strings.Contains(st.Alert, "sequence 2") {
			t.Errorf("%s list: the previous list is not kept: %+v", c.name, st)
		}
		v := b.checkTyped(listedTraveler(t))
		if len(v.Hits) == 0 || !strings.Contains(v.List, "sequence 2") {
			t.Errorf("%s list: screening after the rejection: %+v", c.name, v)
		}
		b.screenshot("rejected-" + c.name)
	}

	// By hand: the file picker, then drag-and-drop, same verification.
	b.run("pick a list file", setUpload("#bundle-file", writeTemp(t, "seq5.lkb", makeBundle(t, bundleSpec{seq: 5}))))
	b.waitFor("list 5", `document.getElementById('list-seq').textContent === '5'`, 20*time.Second)
	if st := b.status(); st.State != "valid" {
		t.Errorf("picked list: %+v", st)
	}
	b.run("pick a tampered list file", setUpload("#bundle-file", writeTemp(t, "bad.lkb", makeBundle(t, bundleSpec{seq: 9, tamper: true}))))
	b.waitFor("the picked file's rejection", `document.getElementById('list-state').dataset.state === 'rejected'`, 20*time.Second)
	if st := b.status(); st.Seq != "5" || !strings.Contains(st.Alert, "loaded file") {
		t.Errorf("tampered picked file: %+v, want list 5 kept", st)
	}
	dropFile(b, writeTemp(t, "seq6.lkb", makeBundle(t, bundleSpec{seq: 6})))
	b.waitFor("list 6 (dropped)", `document.getElementById('list-seq').textContent === '6'`, 20*time.Second)
	if st := b.status(); st.State != "valid" {
		t.Errorf("dropped list: %+v", st)
	}

	// Offline: the service worker serves the page and the engine, the
	// Cache API the last verified list (6, loaded by hand).
	b.waitFor("the service worker to control the page", `!!navigator.serviceWorker.controller`, 20*time.Second)
	srv.offline.Store(true)
	b.setOffline(true)
	b.reloadSettled()
	if st := b.status(); st.Seq != "6" || st.State != "valid" || !strings.Contains(st.Alert, "Offline") {
		t.Errorf("offline reload: status %+v, want list 6 valid and an offline notice", st)
	}
	v = b.checkTyped(listedTraveler(t))
	if len(v.Hits) == 0 || !strings.Contains(v.List, "sequence 6") {
		t.Errorf("offline screening: %+v", v)
	}
	b.screenshot("offline")
	b.setOffline(false)
	srv.offline.Store(false)
}

// With no list, MRZ checks work and every result says matching is
// unavailable; an old list is used but marked stale.
func TestWithoutAValidListChecksWorkAndSaySo(t *testing.T) {
	build := testBuild(t)
	srv := newServer(t, build, false) // serves no list: 404
	b := newBrowser(t, browserOpt{})
	b.navigate(srv.URL + "/")
	b.waitListSettled()
	if st := b.status(); st.State != "none" || !strings.Contains(st.Alert, "matching is unavailable") {
		t.Errorf("no list: status %+v", st)
	}
	v := b.checkTyped(specimenL1 + "\n" + specimenL2)
	if !strings.Contains(v.List, "matching unavailable") || len(v.Hits) != 0 {
		t.Errorf("no list: result %+v", v)
	}
	if !strings.Contains(b.text("#doc-line"), "TD3") {
		t.Errorf("no list: the MRZ was not checked: %q", b.text("#doc-line"))
	}
	b.screenshot("no-list")

	srv.serveBundle(t, makeBundle(t, bundleSpec{seq: 1, issued: time.Now().Add(-100 * time.Hour)}))
	b.reloadSettled()
	if st := b.status(); st.State != "stale" || !strings.Contains(st.Alert, "days old") {
		t.Errorf("old list: status %+v, want stale", st)
	}
	if v := b.checkTyped(listedTraveler(t)); len(v.Hits) == 0 {
		t.Errorf("a stale list is still used for matching: %+v", v)
	}
}

// The last-seen clock lives in IndexedDB: when this computer's clock is
// behind it (moved back to revive an expired list), the page says so and
// judges expiry by the later time.
func TestAClockMovedBackIsNoticedAndCannotReviveAList(t *testing.T) {
	build := testBuild(t)
	srv := newServer(t, build, false)
	now := time.Now()
	srv.serveBundle(t, makeBundle(t, bundleSpec{seq: 1, expires: now.Add(5 * 24 * time.Hour)}))
	b := newBrowser(t, browserOpt{})
	b.navigate(srv.URL + "/")
	b.waitListSettled()
	if st := b.status(); st.State != "valid" {
		t.Fatalf("first load: %+v", st)
	}
	// The stored state says the page already saw a date ten days from now.
	future := now.Add(10 * 24 * time.Hour).UTC().Format(time.RFC3339)
	ok := eval[bool](b, `new Promise((resolve, reject) => {
		const r = indexedDB.open('lookout', 1);
		r.onsuccess = () => {
			const tx = r.result.transaction('kv', 'readwrite');
			const st = tx.objectStore('kv');
			const get = st.get('rollback-state');
			get.onsuccess = () => {
				const s = JSON.parse(get.result);
				s.last_seen = '`+future+`';
				st.put(JSON.stringify(s), 'rollback-state');
			};
			tx.oncomplete = () => { r.result.close(); resolve(true); };
			tx.onerror = () => reject(tx.error);
		};
		r.onerror = () => reject(r.error);
	})`)
	if !ok {
		t.Fatal("could not write the state")
	}
	b.reloadSettled()
	st := b.status()
	if !strings.Contains(st.Alert, "clock is behind") {
		t.Errorf("a clock 10 days behind the last-seen time is not reported: %+v", st)
	}
	if st.State != "rejected" || !strings.Contains(st.Text, "expired") {
		t.Errorf("a list expiring in 5 days was accepted although the page has seen a date 10 days ahead: %+v", st)
	}
	b.screenshot("clock-behind")
}
