package api_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"lookout/internal/api"
	"lookout/internal/screen"
)

// fakeEngine answers with reports derived from the request, so a test can
// see that the handler passed the decoded request through unchanged.
type fakeEngine struct {
	list   *screen.ListInfo
	panics atomic.Int32 // > 0: the next calls panic, counting down
	checks atomic.Int32
}

func (f *fakeEngine) Check(req screen.Request) *screen.Report {
	f.checks.Add(1)
	if f.panics.Add(-1) >= 0 {
		panic("engine bug")
	}
	if req.MRZ == "" && req.Person == nil {
		return &screen.Report{Schema: screen.Schema, Recommendation: screen.Review, Error: "empty request: give an MRZ"}
	}
	rep := &screen.Report{Schema: screen.Schema, Recommendation: screen.Clear, Summary: []string{"mrz=" + req.MRZ, "pob=" + req.Visual.PlaceOfBirth}, List: f.List(), Matching: "unavailable"}
	if f.list != nil {
		rep.Matching = "available"
	}
	return rep
}

func (f *fakeEngine) Match(q screen.MatchRequest) *screen.MatchReport {
	rep := &screen.MatchReport{Schema: screen.Schema, List: f.List(), Matching: "unavailable"}
	if f.list == nil || f.list.State == "expired" {
		rep.Error = "no valid list loaded"
		return rep
	}
	rep.Matching = "available"
	if q.Name == "" && q.DocumentNumber == "" {
		rep.Error = "empty query: give a name or a document number"
	}
	return rep
}

func (f *fakeEngine) List() *screen.ListInfo {
	if f.list == nil {
		return nil
	}
	l := *f.list
	return &l
}

var demoList = &screen.ListInfo{Name: "lookout-demo", Env: "demo", Seq: 7, Issued: "2026-11-25T00:00:00Z", Expires: "2026-12-25T00:00:00Z", Schema: 1, State: "valid"}

type call struct {
	method, path, contentType, body, origin string
	chunked                                 bool // send the body without a Content-Length
}

type answer struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, h http.Handler, c call) answer {
	t.Helper()
	var body io.Reader
	if c.body != "" {
		body = strings.NewReader(c.body)
	}
	r := httptest.NewRequest(c.method, c.path, body)
	if c.chunked {
		r.ContentLength = -1
	}
	if c.contentType != "" {
		r.Header.Set("Content-Type", c.contentType)
	}
	if c.origin != "" {
		r.Header.Set("Origin", c.origin)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return answer{w.Code, w.Result().Header, w.Body.String()}
}

// errorCode returns the code of a JSON error body, failing the test when
// the body is not the error shape.
func errorCode(t *testing.T, a answer) string {
	t.Helper()
	var e api.ErrorBody
	dec := json.NewDecoder(strings.NewReader(a.body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("error body %q is not {\"error\":{…}}: %v", a.body, err)
	}
	if e.Error.Code == "" || e.Error.Message == "" {
		t.Fatalf("error body %q lacks a code or a message", a.body)
	}
	return e.Error.Code
}

const jsonCT = "application/json"

func TestStatusPaths(t *testing.T) {
	big := `{"mrz":"` + strings.Repeat("A", api.DefaultMaxBody) + `"}`
	tests := []struct {
		name   string
		list   *screen.ListInfo
		call   call
		status int
		code   string // error code; "" for a success body
		allow  string // expected Allow header, when set
	}{
		{"a check with an MRZ is screened", demoList, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{"mrz":"P<UTO"}`}, 200, "", ""},
		{"a check without a list is still screened", nil, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{"mrz":"P<UTO"}`}, 200, "", ""},
		{"a check with a charset parameter in UTF-8 is accepted", demoList, call{method: "POST", path: "/v1/check", contentType: "application/json; charset=UTF-8", body: `{"mrz":"x"}`}, 200, "", ""},
		{"a check the engine cannot read is unprocessable", demoList, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{}`}, 422, api.CodeInvalidRequest, ""},
		{"a syntax error is malformed JSON", demoList, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{"mrz":`}, 400, api.CodeMalformedJSON, ""},
		{"a bad token is malformed JSON", demoList, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{"mrz": nope}`}, 400, api.CodeMalformedJSON, ""},
		{"a number where a string belongs is malformed JSON", demoList, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{"mrz": 12}`}, 400, api.CodeMalformedJSON, ""},
		{"an unknown field is malformed JSON", demoList, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{"mrz_text":"P<UTO"}`}, 400, api.CodeMalformedJSON, ""},
		{"a JSON array is malformed JSON", demoList, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `["P<UTO"]`}, 400, api.CodeMalformedJSON, ""},
		{"two objects are malformed JSON", demoList, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{"mrz":"a"}{"mrz":"b"}`}, 400, api.CodeMalformedJSON, ""},
		{"an empty body is malformed JSON", demoList, call{method: "POST", path: "/v1/check", contentType: jsonCT}, 400, api.CodeMalformedJSON, ""},
		{"a body over the cap with a length is too large", demoList, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: big}, 413, api.CodeBodyTooLarge, ""},
		{"a body over the cap without a length is too large", demoList, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: big, chunked: true}, 413, api.CodeBodyTooLarge, ""},
		{"a check without a content type is refused", demoList, call{method: "POST", path: "/v1/check", body: `{"mrz":"x"}`}, 415, api.CodeUnsupportedMediaType, ""},
		{"a form post is refused", demoList, call{method: "POST", path: "/v1/check", contentType: "application/x-www-form-urlencoded", body: `mrz=x`}, 415, api.CodeUnsupportedMediaType, ""},
		{"text/plain is refused", demoList, call{method: "POST", path: "/v1/check", contentType: "text/plain", body: `{"mrz":"x"}`}, 415, api.CodeUnsupportedMediaType, ""},
		{"a charset other than UTF-8 is refused", demoList, call{method: "POST", path: "/v1/check", contentType: "application/json; charset=latin1", body: `{"mrz":"x"}`}, 415, api.CodeUnsupportedMediaType, ""},
		{"an unparseable content type is refused", demoList, call{method: "POST", path: "/v1/check", contentType: "application/json; ;", body: `{"mrz":"x"}`}, 415, api.CodeUnsupportedMediaType, ""},
		{"GET on check is not allowed", demoList, call{method: "GET", path: "/v1/check"}, 405, api.CodeMethodNotAllowed, "POST, OPTIONS"},
		{"PUT on match is not allowed", demoList, call{method: "PUT", path: "/v1/match", contentType: jsonCT, body: `{}`}, 405, api.CodeMethodNotAllowed, "POST, OPTIONS"},
		{"POST on health is not allowed", demoList, call{method: "POST", path: "/v1/health", contentType: jsonCT, body: `{}`}, 405, api.CodeMethodNotAllowed, "GET, HEAD, OPTIONS"},
		{"DELETE on bundle is not allowed", demoList, call{method: "DELETE", path: "/v1/bundle"}, 405, api.CodeMethodNotAllowed, "GET, HEAD, OPTIONS"},
		{"an unknown path is not found", demoList, call{method: "GET", path: "/v1/nope"}, 404, api.CodeNotFound, ""},
		{"a trailing slash is not found", demoList, call{method: "GET", path: "/v1/health/"}, 404, api.CodeNotFound, ""},
		{"a match with a name is answered", demoList, call{method: "POST", path: "/v1/match", contentType: jsonCT, body: `{"name":"ANNA ERIKSSON","dob":"1974-08-12"}`}, 200, "", ""},
		{"an empty match query is unprocessable", demoList, call{method: "POST", path: "/v1/match", contentType: jsonCT, body: `{}`}, 422, api.CodeInvalidRequest, ""},
		{"a match without a list is unavailable", nil, call{method: "POST", path: "/v1/match", contentType: jsonCT, body: `{"name":"X"}`}, 503, api.CodeNoList, ""},
		{"a match against an expired list is unavailable", &screen.ListInfo{Name: "old", State: "expired"}, call{method: "POST", path: "/v1/match", contentType: jsonCT, body: `{"name":"X"}`}, 503, api.CodeNoList, ""},
		{"a match with a misspelt field is malformed JSON", demoList, call{method: "POST", path: "/v1/match", contentType: jsonCT, body: `{"nmae":"X"}`}, 400, api.CodeMalformedJSON, ""},
		{"the bundle header is served when a list is loaded", demoList, call{method: "GET", path: "/v1/bundle"}, 200, "", ""},
		{"the bundle header is unavailable without a list", nil, call{method: "GET", path: "/v1/bundle"}, 503, api.CodeNoList, ""},
		{"health answers with a list", demoList, call{method: "GET", path: "/v1/health"}, 200, "", ""},
		{"health answers without a list", nil, call{method: "GET", path: "/v1/health"}, 200, "", ""},
		{"HEAD on health is allowed", demoList, call{method: "HEAD", path: "/v1/health"}, 200, "", ""},
		{"a plain OPTIONS lists the methods", demoList, call{method: "OPTIONS", path: "/v1/check"}, 204, "", "POST, OPTIONS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := api.Handler(&fakeEngine{list: tt.list}, api.Options{})
			a := do(t, h, tt.call)
			if a.status != tt.status {
				t.Fatalf("status %d, want %d; body %s", a.status, tt.status, a.body)
			}
			if tt.allow != "" && a.header.Get("Allow") != tt.allow {
				t.Errorf("Allow %q, want %q", a.header.Get("Allow"), tt.allow)
			}
			if a.status == 204 {
				return
			}
			if ct := a.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q, want JSON", ct)
			}
			if cc := a.header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", cc)
			}
			if tt.code != "" {
				if got := errorCode(t, a); got != tt.code {
					t.Errorf("error code %q, want %q (body %s)", got, tt.code, a.body)
				}
				return
			}
			if tt.call.method == "HEAD" {
				return
			}
			var m map[string]any
			if err := json.Unmarshal([]byte(a.body), &m); err != nil {
				t.Fatalf("success body is not a JSON object: %v\n%s", err, a.body)
			}
			if _, isErr := m["error"]; isErr {
				t.Errorf("success body carries an error: %s", a.body)
			}
		})
	}
}

func TestCheckPassesTheRequestThrough(t *testing.T) {
	h := api.Handler(&fakeEngine{list: demoList}, api.Options{})
	a := do(t, h, call{method: "POST", path: "/v1/check", contentType: jsonCT,
		body: `{"mrz":"P<UTOERIKSSON<<ANNA\nL898902C36UTO","visual":{"place_of_birth":"ZENITH"}}`})
	var rep screen.Report
	if err := json.Unmarshal([]byte(a.body), &rep); err != nil {
		t.Fatal(err)
	}
	want := []string{"mrz=P<UTOERIKSSON<<ANNA\nL898902C36UTO", "pob=ZENITH"}
	if fmt.Sprint(rep.Summary) != fmt.Sprint(want) {
		t.Errorf("engine saw %q, want %q", rep.Summary, want)
	}
	if rep.List == nil || rep.List.Seq != 7 {
		t.Errorf("report list %+v, want the loaded list", rep.List)
	}
}

func TestBundleAndHealthBodies(t *testing.T) {
	h := api.Handler(&fakeEngine{list: demoList}, api.Options{})
	var b api.BundleInfo
	if err := json.Unmarshal([]byte(do(t, h, call{method: "GET", path: "/v1/bundle"}).body), &b); err != nil {
		t.Fatal(err)
	}
	if b.Schema != screen.Schema || b.List == nil || b.List.Name != "lookout-demo" || b.List.Seq != 7 {
		t.Errorf("bundle body %+v, want the demo list header", b)
	}
	for _, tt := range []struct {
		name      string
		list      *screen.ListInfo
		matching  string
		listState string
	}{
		{"health with a valid list says matching is available", demoList, "available", "valid"},
		{"health without a list says matching is unavailable", nil, "unavailable", "none"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var st api.Health
			a := do(t, api.Handler(&fakeEngine{list: tt.list}, api.Options{}), call{method: "GET", path: "/v1/health"})
			if err := json.Unmarshal([]byte(a.body), &st); err != nil {
				t.Fatal(err)
			}
			if st.Status != "ok" || st.Matching != tt.matching || st.ListState != tt.listState {
				t.Errorf("health %+v, want ok/%s/%s", st, tt.matching, tt.listState)
			}
		})
	}
}

func TestErrorMessagesNameWhatAndWhere(t *testing.T) {
	h := api.Handler(&fakeEngine{list: demoList}, api.Options{})
	tests := []struct {
		name, body, want string
	}{
		{"a syntax error gives its byte offset", `{"mrz": nope}`, "at byte 10"},
		{"a wrong type names the field", `{"visual":{"prior_losses":"two"}}`, `"visual.prior_losses"`},
		{"an unknown field is named", `{"mrz_text":"x"}`, `"mrz_text"`},
		{"a truncated body says so", `{"mrz":"P<U`, "truncated"},
		{"a non-object says what it got", `"P<UTO"`, "not a JSON string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := do(t, h, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: tt.body})
			var e api.ErrorBody
			if err := json.Unmarshal([]byte(a.body), &e); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(e.Error.Message, tt.want) {
				t.Errorf("message %q does not contain %q", e.Error.Message, tt.want)
			}
		})
	}
}

func TestAPanicIsAnsweredAndTheHandlerSurvives(t *testing.T) {
	eng := &fakeEngine{list: demoList}
	eng.panics.Store(1)
	var told any
	h := api.Handler(eng, api.Options{OnPanic: func(_ *http.Request, v any) { told = v }})
	a := do(t, h, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{"mrz":"x"}`})
	if a.status != 500 || errorCode(t, a) != api.CodeInternal {
		t.Fatalf("panic answered %d %s, want 500 internal", a.status, a.body)
	}
	if strings.Contains(a.body, "engine bug") {
		t.Errorf("the panic value leaked to the client: %s", a.body)
	}
	if told != "engine bug" {
		t.Errorf("OnPanic was told %v, want the panic value", told)
	}
	a = do(t, h, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{"mrz":"x"}`})
	if a.status != 200 {
		t.Fatalf("after a panic the next check answered %d %s, want 200", a.status, a.body)
	}
}

func TestAPanicOverARealServerKeepsTheServerUp(t *testing.T) {
	eng := &fakeEngine{list: demoList}
	eng.panics.Store(1)
	srv := httptest.NewServer(api.Handler(eng, api.Options{}))
	defer srv.Close()
	for i, want := range []int{500, 200} {
		resp, err := http.Post(srv.URL+"/v1/check", jsonCT, strings.NewReader(`{"mrz":"x"}`))
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("request %d answered %d, want %d", i, resp.StatusCode, want)
		}
	}
}

func TestCORS(t *testing.T) {
	const page = "https://officer.example"
	tests := []struct {
		name     string
		origins  []string
		call     call
		status   int
		acao     string // expected Access-Control-Allow-Origin
		preflite bool   // expect the preflight headers
	}{
		{"by default a cross-origin check gets no CORS header", nil, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{"mrz":"x"}`, origin: page}, 200, "", false},
		{"by default a preflight is refused", nil, call{method: "OPTIONS", path: "/v1/check", origin: page}, 403, "", false},
		{"an allowed origin is echoed", []string{page}, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: `{"mrz":"x"}`, origin: page}, 200, page, false},
		{"an allowed origin configured with a trailing slash is echoed", []string{page + "/"}, call{method: "GET", path: "/v1/health", origin: page}, 200, page, false},
		{"an allowed origin's preflight is answered", []string{page}, call{method: "OPTIONS", path: "/v1/match", origin: page}, 204, page, true},
		{"another origin is not echoed", []string{page}, call{method: "GET", path: "/v1/health", origin: "https://evil.example"}, 200, "", false},
		{"another origin's preflight is refused", []string{page}, call{method: "OPTIONS", path: "/v1/check", origin: "https://evil.example"}, 403, "", false},
		{"a wildcard allows any origin", []string{"*"}, call{method: "GET", path: "/v1/health", origin: "https://any.example"}, 200, "*", false},
		{"errors carry the CORS header too, so the page can read them", []string{page}, call{method: "POST", path: "/v1/check", contentType: "text/plain", body: "x", origin: page}, 415, page, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := do(t, api.Handler(&fakeEngine{list: demoList}, api.Options{AllowedOrigins: tt.origins}), tt.call)
			if a.status != tt.status {
				t.Fatalf("status %d, want %d; body %s", a.status, tt.status, a.body)
			}
			if got := a.header.Get("Access-Control-Allow-Origin"); got != tt.acao {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.acao)
			}
			if tt.acao != "" && tt.acao != "*" && a.header.Get("Vary") != "Origin" {
				t.Errorf("Vary %q, want Origin", a.header.Get("Vary"))
			}
			gotPre := a.header.Get("Access-Control-Allow-Methods") != ""
			if gotPre != tt.preflite {
				t.Errorf("preflight headers present %v, want %v", gotPre, tt.preflite)
			}
			if tt.preflite && a.header.Get("Access-Control-Allow-Headers") != "Content-Type" {
				t.Errorf("Access-Control-Allow-Headers %q, want Content-Type", a.header.Get("Access-Control-Allow-Headers"))
			}
		})
	}
}

func TestACustomBodyCap(t *testing.T) {
	h := api.Handler(&fakeEngine{list: demoList}, api.Options{MaxBody: 16})
	for _, tt := range []struct {
		name   string
		body   string
		status int
	}{
		{"a body at the cap is read", `{"mrz":"abcdef"}`, 200},
		{"a body one byte over the cap is refused", `{"mrz":"abcdefg"}`, 413},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if a := do(t, h, call{method: "POST", path: "/v1/check", contentType: jsonCT, body: tt.body}); a.status != tt.status {
				t.Errorf("status %d, want %d (%s)", a.status, tt.status, a.body)
			}
		})
	}
}

// FuzzCheckBody: whatever the body, the handler answers with JSON and one
// of the documented statuses, and never panics.
func FuzzCheckBody(f *testing.F) {
	for _, s := range []string{`{"mrz":"P<UTO"}`, `{}`, `{"mrz":`, `[]`, `null`, `{"visual":{"prior_losses":1e999}}`, `{"person":{"name":"\ud800"}}`, "\xff\xfe", `{"mrz":"a"} x`, ``} {
		f.Add(s)
	}
	h := api.Handler(&fakeEngine{list: demoList}, api.Options{})
	f.Fuzz(func(t *testing.T, body string) {
		for _, path := range []string{"/v1/check", "/v1/match"} {
			a := do(t, h, call{method: "POST", path: path, contentType: jsonCT, body: body})
			switch a.status {
			case 200, 400, 413, 422:
			default:
				t.Fatalf("%s answered %d to %q", path, a.status, body)
			}
			if !json.Valid([]byte(a.body)) {
				t.Fatalf("%s answered non-JSON %q to %q", path, a.body, body)
			}
		}
	})
}

func BenchmarkHandlerOverhead(b *testing.B) {
	h := api.Handler(&fakeEngine{list: demoList}, api.Options{})
	body := `{"mrz":"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"}`
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest("POST", "/v1/check", strings.NewReader(body))
		r.Header.Set("Content-Type", jsonCT)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatal(w.Code, w.Body.String())
		}
	}
}
