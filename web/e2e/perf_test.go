package e2e

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"lookout/internal/mrz"
	"lookout/internal/names"
)

type phases struct {
	Ready  float64            `json:"ready"`
	Phases map[string]float64 `json:"phases"`
	Bytes  int                `json:"bundleBytes"`
	Loads  []map[string]any   `json:"loads"`
}

func (b *browser) phases() phases {
	b.t.Helper()
	return eval[phases](b, `globalThis.lookoutPage`)
}

func gzipSize(t *testing.T, file string, level int) (raw, gz int) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, level)
	_, _ = w.Write(data)
	_ = w.Close()
	return len(data), buf.Len()
}

// loadavg is the machine's load when the figures were taken: the browser
// shares the cores with everything else running.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted))+0.5) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(sorted) {
		i = len(sorted) - 1
	}
	return sorted[i]
}

type latency struct {
	N    int     `json:"n"`
	P50  float64 `json:"p50_ms"`
	P99  float64 `json:"p99_ms"`
	Max  float64 `json:"max_ms"`
	Mean float64 `json:"mean_ms"`
}

func summarize(ms []float64) latency {
	s := append([]float64(nil), ms...)
	sort.Float64s(s)
	sum := 0.0
	for _, v := range s {
		sum += v
	}
	l := latency{N: len(s), P50: percentile(s, 0.50), P99: percentile(s, 0.99)}
	if len(s) > 0 {
		l.Max, l.Mean = s[len(s)-1], sum/float64(len(s))
	}
	return l
}

// demoTravelers returns zones for people on the demo list (read from the
// demo CSV when it is there) mixed with people who are not.
func demoTravelers(t *testing.T, n int) []string {
	t.Helper()
	r := rand.New(rand.NewPCG(7, 11))
	var listed [][2]string // surname, given
	if f, err := os.Open(filepath.Join(repoRoot(t), "lists", "demo", "demo-list.csv")); err == nil {
		rd := csv.NewReader(f)
		rd.FieldsPerRecord = -1
		head, _ := rd.Read()
		col := map[string]int{}
		for i, h := range head {
			col[strings.ToLower(strings.TrimSpace(h))] = i
		}
		ni, ok := col["name"]
		for ok && len(listed) < n {
			rec, err := rd.Read()
			if err != nil {
				break
			}
			if ni >= len(rec) {
				continue
			}
			// The list CSV writes "SURNAME, Given"; the zone holds their
			// ICAO forms.
			sur, giv, _ := strings.Cut(rec[ni], ",")
			sur, giv = names.Normalize(sur), names.Normalize(giv)
			if sur != "" {
				listed = append(listed, [2]string{sur, giv})
			}
		}
		f.Close()
	}
	surnames := []string{"SMITH", "NGUYEN", "OKAFOR", "SILVA", "KOWALSKI", "HANSEN", "ROSSI", "TANAKA", "MORALES", "DUBOIS"}
	given := []string{"ANNA", "LUIS", "MEI", "OMAR", "SOFIA", "PETER", "AMINA", "JOAO", "ELENA", "KARIM"}
	var out []string
	for i := 0; i < n; i++ {
		sur, giv := surnames[r.IntN(len(surnames))]+" "+surnames[r.IntN(len(surnames))], given[r.IntN(len(given))]
		if i%2 == 0 && len(listed) > 0 {
			p := listed[r.IntN(len(listed))]
			sur, giv = p[0], p[1]
		}
		lines, err := mrz.Generate(mrz.TD3, mrz.Fields{IssuingState: "MEX", Surname: sur, GivenNames: giv,
			DocumentNumber: fmt.Sprintf("G%08d", r.IntN(1e8)), Nationality: "MEX",
			BirthDate: fmt.Sprintf("%02d%02d%02d", 50+r.IntN(50), 1+r.IntN(12), 1+r.IntN(28)), Sex: "M", ExpiryDate: expiryIn(2)})
		if err != nil {
			continue // a name the generator cannot print as-is
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	return out
}

// Cold start (fresh profile: fetch, compile, verify and load the 70k demo
// list), warm start (reload: service worker, stored list re-verified) and
// per-check latency, measured in the browser. The figures go to the test
// log and artifacts/perf.json; no duration is asserted.
func TestPerformanceColdWarmAndPerCheck(t *testing.T) {
	build := shippedBuild(t)
	if _, err := os.Stat(filepath.Join(build, "list.lkb")); err != nil {
		skipOrFail(t, "web/build/list.lkb is missing: run `make bundle` first")
	}
	srv := newServer(t, build, true)
	b := newBrowser(t, browserOpt{})

	b.navigate(srv.URL + "/")
	b.waitListSettled()
	st := b.status()
	if st.State != "valid" && st.State != "stale" {
		t.Fatalf("demo list not loaded: %+v", st)
	}
	if !st.Demo {
		t.Errorf("the demo list does not show the demo banner")
	}
	cold := b.phases()
	t.Logf("cold start phases: %+v", cold)
	b.screenshot("demo-list")

	var warm []phases
	for i := 0; i < 3; i++ {
		b.waitFor("the service worker", `!!navigator.serviceWorker.controller`, 20*time.Second)
		b.reloadSettled()
		warm = append(warm, b.phases())
		t.Logf("warm start phases: %+v", warm[len(warm)-1])
	}
	warmReady := make([]float64, len(warm))
	for i, w := range warm {
		warmReady[i] = w.Ready
	}

	// The same verification again and again in this page: how much of a
	// start is the first, not yet optimised, run of the Go code.
	reverify := eval[[]float64](b, `(async () => {
		const r = await (await caches.open('lookout-list')).match('build/list.lkb', {ignoreSearch: true});
		const bytes = new Uint8Array(await r.arrayBuffer());
		const out = [];
		for (let i = 0; i < 3; i++) {
			const t0 = performance.now();
			const res = JSON.parse(lookout.loadBundle(bytes, ''));
			if (!res.ok) throw new Error(res.error);
			out.push(performance.now() - t0);
		}
		return out;
	})()`)
	t.Logf("verifying the stored demo list again in the running page: %v ms", reverify)

	zones := demoTravelers(t, 400)
	zj, _ := json.Marshal(zones)
	res := eval[map[string][]float64](b, `(() => {
		const zones = `+string(zj)+`;
		const check = [], match = [], ui = [];
		let hits = 0;
		const gc0 = JSON.parse(lookout.stats());
		for (let i = 0; i < 20; i++) JSON.parse(lookout.check(JSON.stringify({mrz: zones[i]}))); // warm-up
		for (const z of zones) {
			let t0 = performance.now();
			const rep = JSON.parse(lookout.check(JSON.stringify({mrz: z})));
			check.push(performance.now() - t0);
			if (!rep.hits) throw new Error('check failed: ' + JSON.stringify(rep).slice(0, 300));
			if (rep.hits.length) hits++;
			const f = rep.fields || {};
			t0 = performance.now();
			JSON.parse(lookout.match(JSON.stringify({surname: f.surname || '', given_names: f.given_names || '', dob: f.birth_date_iso || '', nationality: f.nationality || ''})));
			match.push(performance.now() - t0);
		}
		// The officer's path: a reader types the zone and presses Enter; the
		// page checks and renders synchronously in the keydown handler.
		const field = document.getElementById('mrz');
		for (const z of zones.slice(0, 200)) {
			field.value = z;
			const t0 = performance.now();
			field.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true}));
			ui.push(performance.now() - t0);
		}
		const gc1 = JSON.parse(lookout.stats());
		return {check, match, ui, hits: [hits], gc: [gc1.num_gc - gc0.num_gc, (gc1.pause_total_ns - gc0.pause_total_ns) / 1e6, gc1.heap_alloc / 1048576]};
	})()`)
	b.screenshot("demo-check")
	perf := map[string]any{
		"when":                time.Now().UTC().Format(time.RFC3339),
		"browser":             eval[string](b, `navigator.userAgent`),
		"cold_ready_ms":       cold.Ready,
		"cold_phases_ms":      cold.Phases,
		"warm_ready_ms":       warmReady,
		"warm_phases_ms":      warm[len(warm)-1].Phases,
		"cold_loads":          cold.Loads,
		"reverify_ms":         reverify,
		"warm_loads":          warm[len(warm)-1].Loads,
		"bundle_bytes":        cold.Bytes,
		"check_ms":            summarize(res["check"]),
		"match_ms":            summarize(res["match"]),
		"check_and_render_ms": summarize(res["ui"]),
		"zones":               len(zones),
		"zones_with_hits":     res["hits"][0],
		"go_gc_during_checks": map[string]float64{"cycles": res["gc"][0], "pause_ms": res["gc"][1], "heap_mb_after": res["gc"][2]},
		"list":                st,
		"loadavg":             loadavg(),
		"cpus":                runtime.NumCPU(),
	}
	wasmRaw, wasmGz := gzipSize(t, filepath.Join(build, "app.wasm"), gzip.BestCompression)
	_, wasmServed := gzipSize(t, filepath.Join(build, "app.wasm"), gzip.DefaultCompression)
	lkbRaw, lkbGz := gzipSize(t, filepath.Join(build, "list.lkb"), gzip.DefaultCompression)
	perf["wasm_bytes"] = map[string]int{"raw": wasmRaw, "gzip9": wasmGz, "served_gzip": wasmServed}
	perf["bundle_transfer_bytes"] = map[string]int{"raw": lkbRaw, "served_gzip": lkbGz}

	out, _ := json.MarshalIndent(perf, "", "  ")
	if err := os.MkdirAll(filepath.Join(repoRoot(t), "artifacts"), 0o755); err == nil {
		if err := os.WriteFile(filepath.Join(repoRoot(t), "artifacts", "perf.json"), out, 0o644); err != nil {
			t.Log(err)
		}
	}
	c, m, u := summarize(res["check"]), summarize(res["match"]), summarize(res["ui"])
	t.Logf("load average while measuring: %s", loadavg())
	t.Logf("cold start: ready at %.0f ms after navigation (phases %v)", cold.Ready, cold.Phases)
	t.Logf("warm start: ready at %v ms after navigation", warmReady)
	t.Logf("check (MRZ + heuristics + match), %d zones, %v with hits: p50 %.3f ms, p99 %.3f ms, max %.3f ms", c.N, res["hits"][0], c.P50, c.P99, c.Max)
	t.Logf("Go GC during the checks: %v cycles, %.1f ms of stop-the-world pauses, heap %.0f MB after", res["gc"][0], res["gc"][1], res["gc"][2])
	t.Logf("match alone: p50 %.3f ms, p99 %.3f ms; check + render (Enter in the field): p50 %.3f ms, p99 %.3f ms", m.P50, m.P99, u.P50, u.P99)
	t.Logf("wasm %d B raw, %d B gzip -9 (%d B as served); bundle %d B raw, %d B as served (gzip)", wasmRaw, wasmGz, wasmServed, lkbRaw, lkbGz)
}
