package e2e

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"lookout/internal/mrz"
)

// A browser set to Spanish gets the page in Spanish, including finding
// messages (by finding code) and the verdict; the switch goes back to
// English and the choice sticks across a reload.
func TestSpanishFollowsTheBrowserAndTheSwitch(t *testing.T) {
	build := testBuild(t)
	srv := newServer(t, build, false)
	srv.serveBundle(t, makeBundle(t, bundleSpec{seq: 1}))
	b := newBrowser(t, browserOpt{lang: "es-ES"})
	b.navigate(srv.URL + "/")
	b.waitListSettled()

	if lang := eval[string](b, `document.documentElement.lang`); lang != "es" {
		t.Fatalf("page language %q for a Spanish browser (navigator.languages %v)", lang, eval[[]string](b, `navigator.languages`))
	}
	if got := b.text("#mrz-label"); !strings.Contains(got, "Zona de lectura mecánica") {
		t.Errorf("MRZ label %q is not Spanish", got)
	}
	if st := b.status(); st.Text != "válida" {
		t.Errorf("list state %q, want válida", st.Text)
	}
	v := b.checkTyped(listedTraveler(t))
	if w := b.text("#verdict .verdict-word"); w != "DERIVAR" && w != "REVISAR" {
		t.Errorf("verdict word %q is not Spanish (verdict %+v)", w, v)
	}
	if !strings.Contains(v.List, "Controlado con la lista") {
		t.Errorf("list line %q is not Spanish", v.List)
	}
	if len(v.Hits) == 0 || !strings.Contains(v.Hits[0].Facts, "Acción") {
		t.Fatalf("hit not shown in Spanish: %+v", v.Hits)
	}
	if reasons := strings.Join(v.Hits[0].Reasons, "\n"); !strings.Contains(reasons, "nombre: GARCIA ↔ GARCIA · exacto") || strings.Contains(reasons, "in the query") {
		t.Errorf("hit reasons not in Spanish: %q", reasons)
	}
	b.typeMRZ(specimenL1 + "\r" + corrupt(specimenL2, 19, '3') + "\r")
	b.waitFor("the corrupted specimen", `document.querySelector('#doc-checks li[data-check="birth_date"]')?.dataset.state === 'refuted'`, 10*time.Second)
	findings := b.text("#doc-findings")
	if !strings.Contains(findings, "el dígito de control de fecha de nacimiento es 3; los datos dan 2") {
		t.Errorf("finding not translated by code: %q", findings)
	}
	if !strings.Contains(b.text("#doc-checks"), "FALLA") {
		t.Errorf("checks not Spanish: %q", b.text("#doc-checks"))
	}
	signals := eval[[]string](b, `[...document.querySelectorAll('#signals li')].map(li => li.textContent)`)
	t.Logf("signals in Spanish: %q", signals)
	b.screenshot("spanish")

	// The switch, as the officer uses it: focus it and pick English.
	b.run("switch to English", chromedp.SetValue(chromedp.CSS("#lang"), "en"))
	eval[bool](b, `(document.getElementById('lang').dispatchEvent(new Event('change')), true)`)
	if got := b.text("#mrz-label"); got != "Machine readable zone (MRZ)" {
		t.Errorf("after the switch the label is %q", got)
	}
	if !strings.Contains(b.text("#doc-findings"), "the birth date check digit is 3; the data give 2") {
		t.Errorf("findings not back in English: %q", b.text("#doc-findings"))
	}
	b.reloadSettled()
	if lang := eval[string](b, `document.documentElement.lang`); lang != "en" {
		t.Errorf("the language choice did not survive a reload: %q", lang)
	}
}

// manifest writes n passport zones, every tenth one the listed traveler
// under varied document numbers, the rest random people.
func manifest(t *testing.T, n int) (text string, listed int) {
	t.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	surnames := []string{"SMITH", "NGUYEN", "OKAFOR", "SILVA", "KOWALSKI", "HANSEN", "ROSSI", "TANAKA", "MORALES", "DUBOIS", "YILMAZ", "KHAN"}
	given := []string{"ANNA", "LUIS", "MEI", "OMAR", "SOFIA", "PETER", "AMINA", "JOAO", "ELENA", "KARIM", "IRIS", "TOMAS"}
	states := []string{"CAN", "DEU", "FRA", "BRA", "JPN", "NLD", "ITA", "PRT", "SWE", "AUS"}
	var sb strings.Builder
	for i := 0; i < n; i++ {
		f := mrz.Fields{
			IssuingState: states[r.IntN(len(states))], Surname: surnames[r.IntN(len(surnames))] + " " + surnames[r.IntN(len(surnames))],
			GivenNames: given[r.IntN(len(given))], DocumentNumber: fmt.Sprintf("C%08d", r.IntN(1e8)),
			BirthDate: fmt.Sprintf("%02d%02d%02d", 50+r.IntN(50), 1+r.IntN(12), 1+r.IntN(28)), Sex: "F", ExpiryDate: expiryIn(1 + r.IntN(8)),
		}
		f.Nationality = f.IssuingState
		if i%10 == 0 {
			f = mrz.Fields{IssuingState: "MEX", Surname: "GARCIA LOPEZ", GivenNames: "JUAN CARLOS", DocumentNumber: fmt.Sprintf("G%08d", 10000000+i),
				Nationality: "MEX", BirthDate: "800101", Sex: "M", ExpiryDate: expiryIn(5)}
			listed++
		}
		sb.WriteString(td3(t, f))
		sb.WriteString("\n\n")
	}
	return sb.String(), listed
}

// Issue 6, batch: a manifest of 500 zones is screened in the page with a
// progress bar; the table sorts by recommendation; the CSV export has one
// row per traveler.
func TestBatchOf500ScreensSortsAndExports(t *testing.T) {
	build := testBuild(t)
	srv := newServer(t, build, false)
	srv.serveBundle(t, makeBundle(t, bundleSpec{seq: 1}))
	b := newBrowser(t, browserOpt{})
	b.navigate(srv.URL + "/")
	b.waitListSettled()

	text, listed := manifest(t, 500)
	file := writeTemp(t, "manifest.txt", []byte(text))
	downloads := t.TempDir()
	if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatal(err)
	}
	rec := b.record()
	b.run("pick the manifest", setUpload("#batch-file", file))
	b.waitFor("the batch to finish", `document.body.dataset.batch === 'done'`, 120*time.Second)
	if urls := rec.finish(); len(urls) != 0 {
		t.Errorf("the batch made network requests: %v", urls)
	}
	rows := eval[int](b, `document.querySelectorAll('#batch-rows tr').length`)
	if rows != 500 {
		t.Fatalf("table has %d rows, want 500", rows)
	}
	if p := eval[[]float64](b, `[document.getElementById('batch-progress').value, document.getElementById('batch-progress').max]`); p[0] != 500 || p[1] != 500 {
		t.Errorf("progress bar at %v", p)
	}
	summary := b.text("#batch-summary")
	t.Logf("batch: %s (%.0f ms in the page)", summary, eval[float64](b, `lookoutPage.batch.ms`))
	if !strings.Contains(summary, "500 travelers screened") || !strings.Contains(summary, listName+", sequence 1") {
		t.Errorf("batch summary %q does not count the travelers or name the list", summary)
	}

	b.run("sort by recommendation", clickSel(`#batch-table button[data-sort="recommendation"]`))
	order := eval[[]string](b, `[...document.querySelectorAll('#batch-rows tr')].map(tr => tr.dataset.recommendation)`)
	rank := map[string]int{"refer": 0, "review": 1, "clear": 2}
	for i := 1; i < len(order); i++ {
		if rank[order[i]] < rank[order[i-1]] {
			t.Fatalf("rows not sorted by recommendation at %d: %s after %s", i, order[i], order[i-1])
		}
	}
	if order[0] != "refer" {
		t.Errorf("first row after sorting is %q, want refer", order[0])
	}
	if s := eval[string](b, `document.querySelector('#batch-table th[aria-sort="ascending"] button')?.dataset.sort ?? ''`); s != "recommendation" {
		t.Errorf("aria-sort not set on the sorted column: %q", s)
	}
	b.screenshot("batch")

	b.run("export", clickSel("#batch-export"))
	data, name, err := readFileEventually(downloads, ".csv", 20*time.Second)
	if err != nil {
		t.Fatalf("no CSV download in %s: %v", downloads, err)
	}
	recs, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatalf("%s is not CSV: %v", name, err)
	}
	if len(recs) != 501 || recs[0][0] != "row" || recs[0][2] != "recommendation" {
		t.Fatalf("%s: %d records, header %v", name, len(recs), recs[0])
	}
	hitRows := 0
	for _, r := range recs[1:] {
		if strings.Contains(r[13], "GARCIA") {
			hitRows++
		}
	}
	if hitRows != listed {
		t.Errorf("export has %d rows with the listed traveler's hit, want %d", hitRows, listed)
	}
	if err := os.WriteFile(artifacts(t)+"/batch-export.csv", data, 0o644); err != nil {
		t.Log(err)
	}
}

// The page works on a 1024-wide laptop and at 1280×720 (no horizontal
// scrolling, the verdict in the first screen) and prints without its
// controls.
func TestLayoutAtLaptopSizesAndPrint(t *testing.T) {
	build := testBuild(t)
	srv := newServer(t, build, false)
	srv.serveBundle(t, makeBundle(t, bundleSpec{seq: 1}))
	for _, size := range [][2]int{{1280, 720}, {1024, 768}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			b := newBrowser(t, browserOpt{width: size[0], height: size[1]})
			b.run("viewport", chromedp.EmulateViewport(int64(size[0]), int64(size[1])))
			b.navigate(srv.URL + "/")
			b.waitListSettled()
			b.checkTyped(listedTraveler(t))
			geo := eval[map[string]float64](b, `({scroll: document.documentElement.scrollWidth, width: window.innerWidth,
				verdictTop: document.getElementById('verdict').getBoundingClientRect().top,
				verdictBottom: document.getElementById('verdict').getBoundingClientRect().bottom,
				mrzRight: document.getElementById('mrz').getBoundingClientRect().right,
				height: window.innerHeight})`)
			if geo["scroll"] > geo["width"] {
				t.Errorf("horizontal scrolling: content %v wide in a %v window", geo["scroll"], geo["width"])
			}
			if geo["verdictBottom"] > geo["height"] {
				t.Errorf("the verdict is below the first screen: %v", geo)
			}
			b.screenshot(fmt.Sprintf("layout-%dx%d", size[0], size[1]))
			if size[0] != 1280 {
				return
			}
			// Print: controls hidden, verdict and document kept.
			if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			vis := eval[map[string]bool](b, `(() => { const shown = id => getComputedStyle(document.getElementById(id)).display !== 'none';
				return {tools: shown('bundle-file') && getComputedStyle(document.querySelector('.tools')).display !== 'none',
				batch: shown('batch'), verdict: shown('verdict'), doc: shown('document'), mrz: shown('mrz')}; })()`)
			if vis["tools"] || vis["batch"] || vis["mrz"] || !vis["verdict"] || !vis["doc"] {
				t.Errorf("print layout: %v", vis)
			}
			b.screenshot("print-media")
			pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(artifacts(t)+"/print.pdf", pdf, 0o644); err != nil {
				t.Log(err)
			}
		})
	}
}

// The optional visual-zone form feeds the heuristics: a printed birth date
// that differs from the zone's is a signal, shown with its severity, and the
// single-line paste of a zone is checked as a zone.
func TestVisualZoneFieldsAreComparedWithTheMRZ(t *testing.T) {
	build := testBuild(t)
	srv := newServer(t, build, false)
	srv.serveBundle(t, makeBundle(t, bundleSpec{seq: 1}))
	b := newBrowser(t, browserOpt{})
	b.navigate(srv.URL + "/")
	b.waitListSettled()

	zone := unlistedTraveler(t)
	if v := b.checkTyped(zone); v.Rec != "clear" {
		t.Fatalf("unlisted traveler without visual fields: %+v", v)
	}
	b.run("type the printed birth date", clickSel("#visual-details summary"), setValue("#v-birth", "1985-05-13"))
	eval[bool](b, `(document.getElementById('v-birth').dispatchEvent(new Event('change', {bubbles: true})), true)`)
	b.waitFor("the mismatch signal", `!!document.querySelector('#signals li[data-code="viz_birth_date_mismatch"]')`, 10*time.Second)
	sig := eval[map[string]string](b, `(() => { const li = document.querySelector('#signals li[data-code="viz_birth_date_mismatch"]');
		return {sev: li.dataset.severity, text: li.textContent}; })()`)
	if sig["sev"] != "refer" || !strings.Contains(strings.ToUpper(sig["text"]), "REFER") {
		t.Errorf("birth-date mismatch signal: %v", sig)
	}
	if rec := eval[string](b, `document.getElementById('verdict').dataset.recommendation`); rec != "refer" {
		t.Errorf("recommendation %q after a printed birth date that differs, want refer", rec)
	}
	b.screenshot("visual-mismatch")

	// A zone pasted as one line (its line breaks lost) is still checked.
	b.run("clear the visual date", setValue("#v-birth", ""))
	one := strings.ReplaceAll(zone, "\n", "")
	eval[bool](b, `(document.getElementById('verdict').dataset.recommendation = 'pending', true)`)
	b.typeMRZ(one)
	b.waitFor("the one-line zone to be checked", `document.getElementById('verdict').dataset.recommendation !== 'pending'`, 10*time.Second)
	if got := b.text("#doc-line"); !strings.Contains(got, "TD3") {
		t.Errorf("one-line zone: %q", got)
	}
}
