// Package api is Lookout's JSON HTTP API: the screening engine
// (internal/screen) behind an http.Handler, used unchanged by the native
// server (`lookout serve`) and the Cloudflare Worker (cmd/lookout-edge).
//
// # Endpoints
//
//	POST /v1/check   screen.Request JSON      → screen.Report JSON
//	POST /v1/match   screen.MatchRequest JSON → screen.MatchReport JSON
//	GET  /v1/bundle  the header of the list in use (503 when none)
//	GET  /v1/health  liveness, and whether matching is available
//
// docs/api.md is the specification; this package follows it.
//
// # Errors
//
// Every error is JSON with a stable code a client can branch on:
//
//	{"error":{"code":"body_too_large","message":"request body over 65536 bytes"}}
//
// The handler never lets a panic escape: it answers 500 "internal" and the
// process (or the worker instance) carries on.
//
// # Use
//
//	h := api.Handler(engine, api.Options{})
//	http.Handle("/v1/", h)
//
// The package does not import syscall/js and builds for GOOS=js GOARCH=wasm,
// so the edge worker wraps the same handler with workers.Serve.
package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"lookout/internal/screen"
)

// DefaultMaxBody is the request body cap when Options.MaxBody is zero. A
// screening request is an MRZ (at most 3×44 characters) and a few typed
// fields; 64 KiB is two orders of magnitude above any honest request and
// small enough that a flood of them costs nothing.
const DefaultMaxBody = 64 << 10

// Engine is what the handler needs from the screening engine.
// *screen.Engine satisfies it; the edge worker passes an engine whose list
// is queried in place from the bundle bytes embedded in the worker.
type Engine interface {
	Check(req screen.Request) *screen.Report
	Match(q screen.MatchRequest) *screen.MatchReport
	// List describes the list in use, or returns nil when none is loaded.
	List() *screen.ListInfo
}

// Options configures the handler. The zero value is the safe default:
// no cross-origin access and a 64 KiB body cap.
type Options struct {
	// AllowedOrigins are the origins (scheme://host[:port], exactly as a
	// browser sends them in Origin) whose pages may call the API from
	// another origin. "*" allows any origin. Empty means CORS is off: a
	// browser on another origin cannot read the answers.
	AllowedOrigins []string
	// MaxBody caps request bodies in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// OnPanic, when set, is told about a recovered panic (for a log line).
	// The client only ever sees a 500 "internal" error.
	OnPanic func(r *http.Request, v any)
}

// Error codes, part of the API contract (docs/api.md).
const (
	CodeMalformedJSON        = "malformed_json"
	CodeInvalidRequest       = "invalid_request"
	CodeBodyTooLarge         = "body_too_large"
	CodeMethodNotAllowed     = "method_not_allowed"
	CodeUnsupportedMediaType = "unsupported_media_type"
	CodeNotFound             = "not_found"
	CodeNoList               = "no_list"
	CodeOriginNotAllowed     = "origin_not_allowed"
	CodeInternal             = "internal"
)

// ErrorBody is the JSON shape of every error response.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail is the inside of an error response.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Health is the body of GET /v1/health.
type Health struct {
	Status   string `json:"status"`   // always "ok": the handler answered
	Schema   int    `json:"schema"`   // screen.Schema
	Matching string `json:"matching"` // "available" or "unavailable"
	// ListState is the state of the list in use ("valid", "stale",
	// "expired"), or "none".
	ListState string `json:"list_state"`
}

// BundleInfo is the body of GET /v1/bundle.
type BundleInfo struct {
	Schema int              `json:"schema"`
	List   *screen.ListInfo `json:"list"`
}

type route struct {
	method string // the one method besides OPTIONS (and HEAD for GET)
	serve  func(h *handler, w http.ResponseWriter, r *http.Request)
}

var routes = map[string]route{
	"/v1/check":  {http.MethodPost, (*handler).check},
	"/v1/match":  {http.MethodPost, (*handler).match},
	"/v1/bundle": {http.MethodGet, (*handler).bundle},
	"/v1/health": {http.MethodGet, (*handler).health},
}

type handler struct {
	e       Engine
	maxBody int64
	anyOrig bool
	origins map[string]bool
	onPanic func(*http.Request, any)
}

// Handler returns the API handler for e. Mount it at /v1/ (it answers 404
// JSON for any other path it is given).
func Handler(e Engine, opts Options) http.Handler {
	h := &handler{e: e, maxBody: opts.MaxBody, onPanic: opts.OnPanic, origins: map[string]bool{}}
	if h.maxBody <= 0 {
		h.maxBody = DefaultMaxBody
	}
	for _, o := range opts.AllowedOrigins {
		if o == "*" {
			h.anyOrig = true
			continue
		}
		h.origins[strings.TrimRight(o, "/")] = true
	}
	return h
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rw := &recorder{ResponseWriter: w}
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if v == http.ErrAbortHandler {
			panic(v) // the server's own "abort this response" signal
		}
		if h.onPanic != nil {
			h.onPanic(r, v)
		}
		if !rw.wrote {
			writeError(rw, http.StatusInternalServerError, CodeInternal, "internal error; the request was not screened")
		}
	}()
	h.serve(rw, r)
}

func (h *handler) serve(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Cache-Control", "no-store") // answers carry traveler data
	hdr.Set("X-Content-Type-Options", "nosniff")

	origin := r.Header.Get("Origin")
	allowed := origin != "" && (h.anyOrig || h.origins[origin])
	if allowed {
		if h.anyOrig {
			hdr.Set("Access-Control-Allow-Origin", "*")
		} else {
			hdr.Set("Access-Control-Allow-Origin", origin)
			hdr.Add("Vary", "Origin")
		}
	}

	rt, ok := routes[r.URL.Path]
	if !ok {
		writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("no endpoint %s; see docs/api.md", r.URL.Path))
		return
	}
	allow := rt.method + ", OPTIONS"
	if rt.method == http.MethodGet {
		allow = "GET, HEAD, OPTIONS"
	}
	switch {
	case r.Method == rt.method, r.Method == http.MethodHead && rt.method == http.MethodGet:
	case r.Method == http.MethodOptions:
		h.options(w, r, rt, allow, origin, allowed)
		return
	default:
		hdr.Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, CodeMethodNotAllowed,
			fmt.Sprintf("%s does not accept %s; use %s", r.URL.Path, r.Method, rt.method))
		return
	}
	rt.serve(h, w, r)
}

// options answers a CORS preflight for an allowed origin, refuses one from
// any other origin, and answers a plain OPTIONS with the allowed methods.
func (h *handler) options(w http.ResponseWriter, r *http.Request, rt route, allow, origin string, allowed bool) {
	hdr := w.Header()
	hdr.Set("Allow", allow)
	if origin == "" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if !allowed {
		writeError(w, http.StatusForbidden, CodeOriginNotAllowed,
			fmt.Sprintf("origin %q may not call this API (cross-origin access is configured per deployment)", origin))
		return
	}
	hdr.Set("Access-Control-Allow-Methods", allow)
	hdr.Set("Access-Control-Allow-Headers", "Content-Type")
	hdr.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}

func (h *handler) check(w http.ResponseWriter, r *http.Request) {
	var req screen.Request
	if !h.decode(w, r, &req) {
		return
	}
	rep := h.e.Check(req)
	if rep == nil {
		panic("api: engine returned no report")
	}
	if rep.Error != "" {
		writeError(w, http.StatusUnprocessableEntity, CodeInvalidRequest, rep.Error)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

func (h *handler) match(w http.ResponseWriter, r *http.Request) {
	var q screen.MatchRequest
	if !h.decode(w, r, &q) {
		return
	}
	rep := h.e.Match(q)
	if rep == nil {
		panic("api: engine returned no match report")
	}
	// Without a usable list an empty hit list would read as "not listed":
	// refuse instead, so a client that skips "matching" cannot be misled.
	if rep.Matching != "available" {
		msg := "no verified list is loaded; name matching is unavailable"
		if rep.List != nil && rep.List.State == "expired" {
			msg = fmt.Sprintf("the list in use (%s seq %d) expired at %s; name matching is unavailable", rep.List.Name, rep.List.Seq, rep.List.Expires)
		}
		writeError(w, http.StatusServiceUnavailable, CodeNoList, msg)
		return
	}
	if rep.Error != "" {
		writeError(w, http.StatusUnprocessableEntity, CodeInvalidRequest, rep.Error)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

func (h *handler) bundle(w http.ResponseWriter, r *http.Request) {
	info := h.e.List()
	if info == nil {
		writeError(w, http.StatusServiceUnavailable, CodeNoList, "no verified list is loaded")
		return
	}
	writeJSON(w, http.StatusOK, BundleInfo{Schema: screen.Schema, List: info})
}

func (h *handler) health(w http.ResponseWriter, r *http.Request) {
	st := Health{Status: "ok", Schema: screen.Schema, Matching: "unavailable", ListState: "none"}
	if info := h.e.List(); info != nil {
		st.Matching = "available"
		st.ListState = info.State
	}
	writeJSON(w, http.StatusOK, st)
}

// decode reads one JSON object from the body into v, answering the error
// itself (and returning false) when the body is too large, not JSON, or
// not the expected shape.
func (h *handler) decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if !jsonMediaType(w, r) {
		return false
	}
	if r.ContentLength > h.maxBody {
		tooLarge(w, h.maxBody)
		return false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			tooLarge(w, h.maxBody)
			return false
		}
		writeError(w, http.StatusBadRequest, CodeMalformedJSON, "could not read the request body: "+err.Error())
		return false
	}
	if msg := decodeStrict(body, v); msg != "" {
		writeError(w, http.StatusBadRequest, CodeMalformedJSON, msg)
		return false
	}
	return true
}

func tooLarge(w http.ResponseWriter, max int64) {
	// The rest of the body is not read; the connection is not worth keeping.
	w.Header().Set("Connection", "close")
	writeError(w, http.StatusRequestEntityTooLarge, CodeBodyTooLarge,
		fmt.Sprintf("request body over %d bytes", max))
}

// jsonMediaType insists on application/json (charset, if given, UTF-8):
// a form post or text/plain from a page on another site is refused before
// its body is read.
func jsonMediaType(w http.ResponseWriter, r *http.Request) bool {
	ct := r.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	switch {
	case ct == "":
		err = errors.New("no Content-Type; send application/json")
	case err != nil:
		err = fmt.Errorf("unreadable Content-Type %q; send application/json", ct)
	case mt != "application/json":
		err = fmt.Errorf("Content-Type %s is not accepted; send application/json", mt)
	case params["charset"] != "" && !strings.EqualFold(params["charset"], "utf-8"):
		err = fmt.Errorf("charset %s is not accepted; send UTF-8 JSON", params["charset"])
	}
	if err != nil {
		writeError(w, http.StatusUnsupportedMediaType, CodeUnsupportedMediaType, err.Error())
		return false
	}
	return true
}

// decodeStrict decodes exactly one JSON object into v and refuses unknown
// fields (a misspelt "mrz" must not silently screen nothing) and trailing
// data. It returns "" on success or a message naming what and where.
func decodeStrict(body []byte, v any) string {
	if len(bytes.TrimSpace(body)) == 0 {
		return "empty request body; send a JSON object"
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return describe(err, body)
	}
	if dec.More() {
		return fmt.Sprintf("unexpected data after the JSON object at byte %d", dec.InputOffset())
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Sprintf("unexpected data after the JSON object at byte %d", dec.InputOffset())
	}
	return ""
}

func describe(err error, body []byte) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("invalid JSON at byte %d: %s", se.Offset, se.Error())
	case errors.As(err, &te):
		if te.Field == "" {
			return fmt.Sprintf("the body must be a JSON object, not a JSON %s", te.Value)
		}
		return fmt.Sprintf("field %q at byte %d: expected %s, got a JSON %s", te.Field, te.Offset, jsonKind(te.Type.Kind().String()), te.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Sprintf("truncated JSON: the body ends at byte %d inside a value", len(body))
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return "unknown field " + f + "; see docs/api.md for the request fields"
	}
	return "invalid JSON: " + strings.TrimPrefix(msg, "json: ")
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "struct", "map", "ptr":
		return "an object"
	case "slice", "array":
		return "an array"
	}
	return "a number"
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// Only a bug in a report type gets here; say so rather than send half.
		writeError(w, http.StatusInternalServerError, CodeInternal, "could not encode the answer")
		return
	}
	b = append(b, '\n')
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	w.Write(b)
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	b, _ := json.Marshal(ErrorBody{Error: ErrorDetail{Code: code, Message: msg}})
	b = append(b, '\n')
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	w.Write(b)
}

// recorder notes whether the response has started, so a recovered panic
// only writes an error when it still can.
type recorder struct {
	http.ResponseWriter
	wrote bool
}

func (r *recorder) WriteHeader(code int) {
	r.wrote = true
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}
