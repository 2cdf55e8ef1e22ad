package api_test

// The TestLive tests run the API over real HTTP on 127.0.0.1 with the real
// engine and the signed demo list: against the edge worker when
// LOOKOUT_EDGE_URL is set (scripts/edge.sh test starts it under wrangler dev
// and workerd), otherwise against the native handler on an httptest server.
// TestLatency measures, and runs only when LOOKOUT_LATENCY_N is set.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"lookout/internal/api"
	"lookout/internal/bundle"
	"lookout/internal/screen"
)

// The ICAO Doc 9303 specimen passport (Part 4, appendix): a document that
// must never be presented as real.
const specimenMRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"

// repoFile finds a file by walking up from the package directory to the
// repository root (the directory holding go.mod).
func repoFile(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above the package directory")
		}
		dir = parent
	}
}

type demo struct {
	data    []byte
	policy  bundle.Policy
	payload *bundle.Payload
}

var (
	demoOnce sync.Once
	demoData *demo
	demoErr  string
)

// loadDemo verifies the demo list the Makefile builds (web/build/list.lkb,
// signed with the demo key in lists/); LOOKOUT_EDGE_BUNDLE and
// LOOKOUT_EDGE_TRUST name others. Tests skip, saying how to build it, when
// it is absent.
func loadDemo(t testing.TB) *demo {
	t.Helper()
	demoOnce.Do(func() {
		file := os.Getenv("LOOKOUT_EDGE_BUNDLE")
		if file == "" {
			file = repoFile(t, "web/build/list.lkb")
		}
		trust := os.Getenv("LOOKOUT_EDGE_TRUST")
		if trust == "" {
			trust = repoFile(t, "lists/lookout-demo.key.pub")
		}
		data, err := os.ReadFile(file)
		if err != nil {
			demoErr = fmt.Sprintf("no demo list (%v): run `make bundle`", err)
			return
		}
		keysText, err := os.ReadFile(trust)
		if err != nil {
			demoErr = fmt.Sprintf("no demo key (%v): run `make bundle`", err)
			return
		}
		keys, err := bundle.ParseKeys(string(keysText))
		if err != nil {
			demoErr = "demo key: " + err.Error()
			return
		}
		pol := bundle.Policy{Keys: keys}
		v, err := bundle.Verify(data, pol, nil, time.Now())
		if err != nil {
			demoErr = "the demo list does not verify: " + err.Error()
			return
		}
		demoData = &demo{data: data, policy: pol, payload: v.Payload}
	})
	if demoData == nil {
		if strings.HasPrefix(demoErr, "no demo") && os.Getenv("LOOKOUT_EDGE_URL") == "" {
			t.Skip(demoErr)
		}
		t.Fatal(demoErr)
	}
	return demoData
}

var (
	nativeOnce sync.Once
	nativeURL  string
	nativeErr  error
)

// target returns the base URL of the API under test.
func target(t testing.TB) string {
	t.Helper()
	if u := os.Getenv("LOOKOUT_EDGE_URL"); u != "" {
		return strings.TrimRight(u, "/")
	}
	if runtime.GOOS == "js" {
		// Under Node these would repeat the native run at ten times the
		// cost; the worker itself is tested by scripts/edge.sh test.
		t.Skip("live API tests run natively and against the worker, not under js/wasm")
	}
	d := loadDemo(t)
	nativeOnce.Do(func() {
		e := screen.New()
		if _, nativeErr = e.Load(d.data, d.policy, nil, time.Now()); nativeErr != nil {
			return
		}
		// Closed when the test binary exits; shared by every live test.
		nativeURL = httptest.NewServer(api.Handler(e, api.Options{})).URL
	})
	if nativeErr != nil {
		t.Fatalf("loading the demo list into the engine: %v", nativeErr)
	}
	return nativeURL
}

// listedPerson picks a listed individual with a full date of birth, so a
// name-and-date query must find it as a strong hit.
func listedPerson(t testing.TB) bundle.Entry {
	t.Helper()
	return listedPeople(t, 1)[0]
}

// listedPeople picks n such individuals.
func listedPeople(t testing.TB, n int) []bundle.Entry {
	t.Helper()
	var out []bundle.Entry
	for _, e := range loadDemo(t).payload.Entries {
		if (e.Type == "" || e.Type == "individual") && len(e.Names) > 0 && len(e.DOBs) == 1 && len(e.DOBs[0].Date) == 10 && e.DOBs[0].To == "" {
			if out = append(out, e); len(out) == n {
				return out
			}
		}
	}
	t.Fatalf("the demo list has fewer than %d individuals with a full date of birth", n)
	return nil
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func send(t testing.TB, method, url, contentType string, body []byte) reply {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the answer: %v", method, url, err)
	}
	return reply{resp.StatusCode, resp.Header, b}
}

func wantError(t *testing.T, r reply, status int, code string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.body)
	}
	var e api.ErrorBody
	if err := json.Unmarshal(r.body, &e); err != nil || e.Error.Code != code || e.Error.Message == "" {
		t.Fatalf("body %s, want error code %q with a message (%v)", r.body, code, err)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q, want JSON", ct)
	}
}

func TestLiveSpecimenPassportIsFlagged(t *testing.T) {
	base := target(t)
	body, _ := json.Marshal(screen.Request{MRZ: specimenMRZ})
	r := send(t, "POST", base+"/v1/check", "application/json", body)
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	// The wire format (docs/api.md): the parsed MRZ flattened into the report.
	var rep struct {
		Schema         int      `json:"schema"`
		Recommendation string   `json:"recommendation"`
		Summary        []string `json:"summary"`
		Format         string   `json:"format"`
		Fields         struct {
			DocumentNumber string `json:"document_number"`
			Surname        string `json:"surname"`
		} `json:"fields"`
		Signals []struct {
			Code     string `json:"code"`
			Severity string `json:"severity"`
		} `json:"signals"`
		List     *screen.ListInfo `json:"list"`
		Matching string           `json:"matching"`
	}
	if err := json.Unmarshal(r.body, &rep); err != nil {
		t.Fatalf("the report does not decode: %v\n%s", err, r.body)
	}
	if rep.Schema != screen.Schema || rep.Format != "TD3" || rep.Fields.DocumentNumber != "L898902C3" || rep.Fields.Surname != "ERIKSSON" {
		t.Fatalf("the report does not carry the parsed specimen MRZ: %s", r.body)
	}
	var codes []string
	specimen := false
	for _, s := range rep.Signals {
		codes = append(codes, s.Code)
		specimen = specimen || s.Code == "specimen_document"
	}
	if !specimen {
		t.Errorf("no specimen_document signal for the ICAO specimen; signals %v", codes)
	}
	if rep.Recommendation == screen.Clear {
		t.Errorf("a specimen passport was cleared: %v", rep.Summary)
	}
	if rep.List == nil || rep.Matching != "available" {
		t.Errorf("the report did not use the demo list: list %v, matching %q", rep.List, rep.Matching)
	}
}

func TestLiveListedNameIsFound(t *testing.T) {
	base := target(t)
	p := listedPerson(t)
	tests := []struct {
		name string
		path string
		body any
	}{
		{"a name-and-date match finds the listed person", "/v1/match", screen.MatchRequest{Name: p.Names[0].Full, DOB: p.DOBs[0].Date}},
		{"a check of a person without an MRZ finds the listed person", "/v1/check", screen.Request{Person: &screen.Person{Name: p.Names[0].Full, DOB: p.DOBs[0].Date}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, _ := json.Marshal(tt.body)
			r := send(t, "POST", base+tt.path, "application/json", body)
			if r.status != 200 {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			var rep struct {
				Hits []struct {
					ID    string  `json:"id"`
					Level string  `json:"level"`
					Score float64 `json:"score"`
				} `json:"hits"`
				Recommendation string `json:"recommendation"`
			}
			if err := json.Unmarshal(r.body, &rep); err != nil {
				t.Fatal(err)
			}
			for _, h := range rep.Hits {
				if h.ID == p.ID {
					if h.Level != "strong" {
						t.Errorf("hit on %s (%q, %s) is %s %.2f, want strong", p.ID, p.Names[0].Full, p.DOBs[0].Date, h.Level, h.Score)
					}
					if tt.path == "/v1/check" && rep.Recommendation != screen.Refer {
						t.Errorf("a strong hit gave %q, want refer", rep.Recommendation)
					}
					return
				}
			}
			t.Errorf("%s (%q, born %s) not among the hits: %s", p.ID, p.Names[0].Full, p.DOBs[0].Date, r.body)
		})
	}
}

func TestLiveBadRequestsAreRefused(t *testing.T) {
	base := target(t)
	big := []byte(`{"mrz":"` + strings.Repeat("P", api.DefaultMaxBody) + `"}`)
	tests := []struct {
		name, method, path, ct string
		body                   []byte
		status                 int
		code                   string
	}{
		{"bad JSON is malformed_json", "POST", "/v1/check", "application/json", []byte(`{"mrz":`), 400, api.CodeMalformedJSON},
		{"a misspelt field is malformed_json", "POST", "/v1/match", "application/json", []byte(`{"nmae":"X"}`), 400, api.CodeMalformedJSON},
		{"an oversized body is body_too_large", "POST", "/v1/check", "application/json", big, 413, api.CodeBodyTooLarge},
		{"a wrong method is method_not_allowed", "GET", "/v1/check", "", nil, 405, api.CodeMethodNotAllowed},
		{"a form post is unsupported_media_type", "POST", "/v1/check", "application/x-www-form-urlencoded", []byte("mrz=x"), 415, api.CodeUnsupportedMediaType},
		{"an empty request is invalid_request", "POST", "/v1/check", "application/json", []byte(`{}`), 422, api.CodeInvalidRequest},
		{"an unknown endpoint is not_found", "GET", "/v1/nothing-here", "", nil, 404, api.CodeNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := send(t, tt.method, base+tt.path, tt.ct, tt.body)
			wantError(t, r, tt.status, tt.code)
			if tt.status == 405 && r.header.Get("Allow") != "POST, OPTIONS" {
				t.Errorf("Allow %q, want POST, OPTIONS", r.header.Get("Allow"))
			}
		})
	}
}

func TestLiveBundleAndHealth(t *testing.T) {
	base := target(t)
	r := send(t, "GET", base+"/v1/bundle", "", nil)
	if r.status != 200 {
		t.Fatalf("/v1/bundle: %d %s", r.status, r.body)
	}
	var b api.BundleInfo
	if err := json.Unmarshal(r.body, &b); err != nil || b.List == nil {
		t.Fatalf("/v1/bundle body %s (%v)", r.body, err)
	}
	if b.List.Env != "demo" || b.List.Seq == 0 || len(b.List.Signers) == 0 || b.List.State != "valid" {
		t.Errorf("/v1/bundle: %+v, want the valid, signed demo list", *b.List)
	}
	r = send(t, "GET", base+"/v1/health", "", nil)
	var h api.Health
	if err := json.Unmarshal(r.body, &h); err != nil || r.status != 200 || h.Status != "ok" || h.Matching != "available" {
		t.Errorf("/v1/health: %d %s", r.status, r.body)
	}
}

// TestLatency sends LOOKOUT_LATENCY_N sequential keep-alive requests per
// endpoint (after 10 warm-up requests) and logs p50, p90, p99 and max. It
// asserts only that every answer was 200. LOOKOUT_LATENCY_PATH limits it to
// one endpoint (scripts/edge.sh measures the server's CPU per endpoint).
func TestLatency(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("LOOKOUT_LATENCY_N"))
	if n <= 0 {
		t.Skip("set LOOKOUT_LATENCY_N to measure latency")
	}
	base := target(t)
	p := listedPerson(t)
	match, _ := json.Marshal(screen.MatchRequest{Name: p.Names[0].Full, DOB: p.DOBs[0].Date})
	check, _ := json.Marshal(screen.Request{MRZ: specimenMRZ})
	where := "native httptest"
	if os.Getenv("LOOKOUT_EDGE_URL") != "" {
		where = base
	}
	for _, ep := range []struct {
		method, path string
		body         []byte
	}{
		{"GET", "/v1/health", nil},
		{"POST", "/v1/check", check},
		{"POST", "/v1/match", match},
	} {
		if only := os.Getenv("LOOKOUT_LATENCY_PATH"); only != "" && only != ep.path {
			continue
		}
		d := make([]time.Duration, 0, n)
		for i := 0; i < n+10; i++ {
			start := time.Now()
			r := send(t, ep.method, base+ep.path, "application/json", ep.body)
			if i >= 10 {
				d = append(d, time.Since(start))
			}
			if r.status != 200 {
				t.Fatalf("%s %s: %d %s", ep.method, ep.path, r.status, r.body)
			}
		}
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		q := func(f float64) string { return d[int(f*float64(len(d)-1))].Round(time.Microsecond).String() }
		t.Logf("latency %-4s %-10s n=%d p50 %s p90 %s p99 %s max %s (%s)", ep.method, ep.path, n, q(0.5), q(0.9), q(0.99), q(1), where)
	}
}

// BenchmarkLiveCheck is one /v1/check of the specimen passport through the
// handler with the real engine and the demo list (no network).
func BenchmarkLiveCheck(b *testing.B) {
	benchHandler(b, "/v1/check", screen.Request{MRZ: specimenMRZ})
}

// BenchmarkLiveMatch is one /v1/match of a listed name and date of birth.
func BenchmarkLiveMatch(b *testing.B) {
	p := listedPerson(b)
	benchHandler(b, "/v1/match", screen.MatchRequest{Name: p.Names[0].Full, DOB: p.DOBs[0].Date})
}

func benchHandler(b *testing.B, path string, req any) {
	d := loadDemo(b)
	e := screen.New()
	if _, err := e.Load(d.data, d.policy, nil, time.Now()); err != nil {
		b.Fatal(err)
	}
	h := api.Handler(e, api.Options{})
	body, _ := json.Marshal(req)
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest("POST", path, bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatalf("%s: %d %s", path, w.Code, w.Body.String())
		}
	}
}

// TestLiveConcurrentRequestsGetTheirOwnAnswers sends name queries for
// different listed people from 8 clients at once (bounded: 8×25 requests);
// each answer must name the person asked about. On the worker this runs
// many requests through one Go instance at the same time.
func TestLiveConcurrentRequestsGetTheirOwnAnswers(t *testing.T) {
	base := target(t)
	people := listedPeople(t, 8)
	var wg sync.WaitGroup
	errs := make(chan string, len(people))
	for _, p := range people {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, _ := json.Marshal(screen.MatchRequest{Name: p.Names[0].Full, DOB: p.DOBs[0].Date})
			for range 25 {
				resp, err := http.Post(base+"/v1/match", "application/json", bytes.NewReader(body))
				if err != nil {
					errs <- err.Error()
					return
				}
				var rep struct {
					Hits []struct {
						ID string `json:"id"`
					} `json:"hits"`
				}
				err = json.NewDecoder(resp.Body).Decode(&rep)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 || len(rep.Hits) == 0 || !slices.ContainsFunc(rep.Hits, func(h struct {
					ID string `json:"id"`
				}) bool {
					return h.ID == p.ID
				}) {
					errs <- fmt.Sprintf("query for %s (%s): status %d, hits %v, err %v", p.ID, p.Names[0].Full, resp.StatusCode, rep.Hits, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestLiveCORS checks cross-origin access over HTTP. By default (the
// native server here, wrangler dev in scripts/edge.sh) it is off: no origin
// is echoed and preflights are refused. With LOOKOUT_EDGE_ORIGIN set
// (scripts/edge.sh sets the worker's LOOKOUT_ALLOWED_ORIGINS to it under
// workerd) that origin is echoed and its preflight answered.
func TestLiveCORS(t *testing.T) {
	base := target(t)
	allowed := os.Getenv("LOOKOUT_EDGE_ORIGIN")
	const other = "https://elsewhere.example"
	type want struct {
		status int
		acao   string
	}
	tests := []struct {
		name, method, origin string
		off, on              want // without and with the configured origin
	}{
		{"a cross-origin GET", "GET", "https://desk.example", want{200, ""}, want{200, "https://desk.example"}},
		{"a cross-origin preflight", "OPTIONS", "https://desk.example", want{403, ""}, want{204, "https://desk.example"}},
		{"a preflight from an origin never allowed", "OPTIONS", other, want{403, ""}, want{403, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := tt.off
			if allowed != "" {
				if allowed != "https://desk.example" {
					t.Skipf("the table assumes LOOKOUT_EDGE_ORIGIN=https://desk.example, not %s", allowed)
				}
				w = tt.on
			}
			req, _ := http.NewRequest(tt.method, base+"/v1/health", nil)
			req.Header.Set("Origin", tt.origin)
			req.Header.Set("Access-Control-Request-Method", "POST")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != w.status || resp.Header.Get("Access-Control-Allow-Origin") != w.acao {
				t.Errorf("%s from %s: %d, Access-Control-Allow-Origin %q; want %d, %q", tt.method, tt.origin,
					resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"), w.status, w.acao)
			}
		})
	}
}

// FuzzEngineBodies sends arbitrary bodies to /v1/check and /v1/match of the
// handler over the real engine and the demo list: whatever the input, the
// answer is one of the documented statuses and never 500 (a 500 means the
// engine panicked and the handler caught it).
func FuzzEngineBodies(f *testing.F) {
	for _, s := range []string{
		`{"mrz":"` + strings.ReplaceAll(specimenMRZ, "\n", `\n`) + `"}`,
		`{"mrz":"P<UTOERIKSSON<<ANNA<MARIA\nL898902C3"}`,
		`{"mrz":"I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"}`,
		`{"mrz":"\n\n\n\n"}`,
		`{"mrz":"` + strings.Repeat("<", 90) + `"}`,
		`{"person":{"name":"Иван Петров","dob":"1980"}}`,
		`{"person":{"name":"محمد علي","dob":"1980-13-45","nationality":"???"}}`,
		`{"person":{"document_number":"G12345678","issuing_state":"MEX"}}`,
		`{"visual":{"issue_date":"9999-99-99","prior_losses":-1},"mrz":"P<MEX"}`,
		`{"name":"A","dob":"0000","threshold":-5}`,
		`{"name":"` + strings.Repeat("ABC ", 200) + `"}`,
		`{"surname":"O'NEILL","given_names":"ÅSA-LÍV","pob":"São Paulo","threshold":1e308}`,
		`{"document_number":"` + strings.Repeat("9", 60) + `","issuing_state":"XXX"}`,
	} {
		f.Add(s)
	}
	if runtime.GOOS == "js" {
		f.Skip("the engine fuzz runs natively")
	}
	d := loadDemo(f)
	e := screen.New()
	if _, err := e.Load(d.data, d.policy, nil, time.Now()); err != nil {
		f.Fatal(err)
	}
	var panicked any
	h := api.Handler(e, api.Options{OnPanic: func(_ *http.Request, v any) { panicked = v }})
	f.Fuzz(func(t *testing.T, body string) {
		for _, path := range []string{"/v1/check", "/v1/match"} {
			panicked = nil
			r := httptest.NewRequest("POST", path, strings.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			switch w.Code {
			case 200, 400, 413, 422:
			default:
				t.Fatalf("%s answered %d to %q: %s (panic: %v)", path, w.Code, body, w.Body.String(), panicked)
			}
			if !json.Valid(w.Body.Bytes()) {
				t.Fatalf("%s answered non-JSON to %q", path, body)
			}
		}
	})
}
