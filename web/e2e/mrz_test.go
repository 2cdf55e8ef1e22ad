package e2e

import (
	"strings"
	"testing"
	"time"
)

// The ICAO Doc 9303 Part 4 specimen passport (TD3).
const (
	specimenL1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
	specimenL2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
)

// corrupt replaces the character at pos of s.
func corrupt(s string, pos int, c byte) string {
	b := []byte(s)
	b[pos] = c
	return string(b)
}

// Issue 2: an officer types the specimen passport's zone and sees its
// fields and verified check digits; a corrupted zone shows the exact
// failing characters and the finding.
func TestMRZPageChecksTheSpecimenAndMarksTheFailingCharacters(t *testing.T) {
	build := shippedBuild(t)
	srv := newServer(t, build, false)
	b := newBrowser(t, browserOpt{})
	b.navigate(srv.URL + "/")
	b.waitReady()

	if id := eval[string](b, `document.activeElement && document.activeElement.id`); id != "mrz" {
		t.Errorf("focus on load is on %q, want the MRZ field", id)
	}

	// Typed by hand: the check runs as soon as the zone is complete,
	// without Enter.
	b.run("type the specimen", focus("#mrz"), sendKeys("#mrz", specimenL1+"\r"+specimenL2))
	b.waitFor("the document to show", `document.getElementById('doc-line').textContent.includes('TD3')`, 10*time.Second)
	fields := b.text("#doc-fields")
	for _, want := range []string{"ERIKSSON", "ANNA MARIA", "L898902C3", "UTO", "740812", "120415", "ZE184226B"} {
		if !strings.Contains(fields, want) {
			t.Errorf("fields %q lack %q", fields, want)
		}
	}
	checks := eval[map[string]string](b, `Object.fromEntries([...document.querySelectorAll('#doc-checks li')].map(li => [li.dataset.check, li.dataset.state]))`)
	for _, c := range []string{"document_number", "birth_date", "expiry_date", "composite"} {
		if checks[c] != "verified" {
			t.Errorf("check %s is %q, want verified (all: %v)", c, checks[c], checks)
		}
	}
	if n := eval[int](b, `document.querySelectorAll('#zone mark.err').length`); n != 0 {
		t.Errorf("the valid specimen shows %d failing marks", n)
	}
	if !strings.Contains(b.text("#doc-line"), "valid") || strings.Contains(b.text("#doc-line"), "INVALID") {
		t.Errorf("doc line %q does not say valid", b.text("#doc-line"))
	}
	b.screenshot("mrz-specimen")

	// A reader types the corrupted zone, each line ending with Enter: the
	// birth-date check digit (line 2, position 20) is 3 instead of 2.
	bad := corrupt(specimenL2, 19, '3')
	b.typeMRZ(specimenL1 + "\r" + bad + "\r")
	b.waitFor("the corrupted zone to be checked", `document.querySelector('#doc-checks li[data-check="birth_date"]')?.dataset.state === 'refuted'`, 10*time.Second)
	marks := eval[[]map[string]string](b, `[...document.querySelectorAll('#zone mark.err')].map(m => ({line: m.parentElement.dataset.line, start: m.dataset.start, end: m.dataset.end, text: m.textContent}))`)
	covered := false
	for _, m := range marks {
		if m["line"] == "2" && atoi(m["start"]) <= 19 && 19 < atoi(m["end"]) {
			covered = true
		}
	}
	if !covered {
		t.Errorf("no error mark covers line 2 position 20; marks: %v", marks)
	}
	// Only the failing area is marked, not the whole line.
	for _, m := range marks {
		if atoi(m["end"])-atoi(m["start"]) > 10 {
			t.Errorf("mark %v covers more than the failing field", m)
		}
	}
	if carets := b.text("#zone .carets"); !strings.Contains(carets, "^") {
		t.Errorf("no caret line under the failing characters: %q", carets)
	}
	findings := eval[[]map[string]string](b, `[...document.querySelectorAll('#doc-findings li')].map(li => ({code: li.dataset.code || '', sev: li.dataset.severity || '', text: li.textContent}))`)
	found := false
	for _, f := range findings {
		if f["code"] == "check_digit_mismatch" && f["sev"] == "error" && strings.Contains(f["text"], "line 2") {
			found = true
		}
	}
	if !found {
		t.Errorf("findings do not list the birth-date check digit error on line 2: %v", findings)
	}
	if !strings.Contains(b.text("#doc-line"), "INVALID") {
		t.Errorf("doc line %q does not say INVALID", b.text("#doc-line"))
	}
	if rec := eval[string](b, `document.getElementById('verdict').dataset.recommendation`); rec == "clear" {
		t.Errorf("an invalid MRZ was cleared")
	}
	// Enter selected the zone, so the next scan replaces it.
	if sel := eval[bool](b, `(() => { const f = document.getElementById("mrz"); return f.selectionStart === 0 && f.selectionEnd === f.value.length && f.value.length > 0; })()`); !sel {
		t.Logf("field: %s", eval[string](b, `JSON.stringify({v: document.getElementById("mrz").value, s: document.getElementById("mrz").selectionStart, e: document.getElementById("mrz").selectionEnd, a: document.activeElement.id})`))
		t.Errorf("after Enter the zone is not selected for the next scan")
	}
	b.screenshot("mrz-corrupted")

	// Escape clears the field and the result.
	b.run("press Escape", sendKeys("#mrz", "\x1b"))
	if v := eval[string](b, `document.getElementById('mrz').value`); v != "" {
		t.Errorf("Escape left %q in the field", v)
	}
	if rec := eval[string](b, `document.getElementById('verdict').dataset.recommendation`); rec != "none" {
		t.Errorf("Escape left the verdict %q", rec)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}
