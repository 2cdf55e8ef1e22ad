package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"lookout/internal/bundle"
	"lookout/internal/screen"
	"lookout/internal/source"
	"lookout/internal/watchlist"
)

func init() {
	register(&command{
		name:    "bundle",
		summary: "build, verify or inspect a signed list bundle",
		run:     runBundle,
	})
}

const bundleUsage = `usage:
  lookout bundle build -o OUT --key FILE [--key FILE…] [--seq N] [--issued RFC3339]
                       [--expires 720h] [--env demo|test|prod] [--list NAME]
                       [--all-types] [--facts FILE] [--prev BUNDLE] SOURCE…
  lookout bundle verify --trust KEYS [--threshold N] [--state FILE] BUNDLE
  lookout bundle inspect BUNDLE

SOURCE is KIND:PATH:
  ofac-sdn:DIR     OFAC legacy CSV (sdn.csv, optional alt.csv and add.csv)
  un:FILE          UN Security Council consolidated list XML
  csv:FILE         generic list CSV (docs/bundle-format.md, appendix A)
  documents:FILE   lost/stolen/revoked documents CSV (appendix B)

The format is specified in docs/bundle-format.md.
`

func runBundle(env *cmdEnv, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(env.stderr, bundleUsage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	switch args[0] {
	case "build":
		return runBundleBuild(env, args[1:])
	case "verify":
		return runBundleVerify(env, args[1:])
	case "inspect":
		return runBundleInspect(env, args[1:])
	}
	fmt.Fprintf(env.stderr, "lookout bundle: unknown subcommand %q\n\n%s", args[0], bundleUsage)
	return 2
}

// multiFlag collects a repeatable flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runBundleBuild(env *cmdEnv, args []string) int {
	fs := flag.NewFlagSet("bundle build", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	out := fs.String("o", "", "write the bundle to `FILE` (.lkb)")
	var keys multiFlag
	fs.Var(&keys, "key", "private key `FILE` from lookout keygen (repeat to sign with several keys)")
	seq := fs.Uint64("seq", 1, "sequence number: must grow with every release of the list")
	issued := fs.String("issued", "", "issue time, RFC 3339 (default $SOURCE_DATE_EPOCH, else now)")
	expires := fs.Duration("expires", 30*24*time.Hour, "validity after the issue time")
	envName := fs.String("env", bundle.EnvTest, "environment: demo, test or prod")
	list := fs.String("list", "lookout", "list `NAME`, [a-z0-9-]")
	allTypes := fs.Bool("all-types", false, "keep entities, vessels and aircraft (default: individuals only)")
	facts := fs.String("facts", "", "issuer facts JSON `FILE` (bundle.IssuerFacts); default: the app's built-in facts")
	prev := fs.String("prev", "", "previous `BUNDLE` of this list, to chain its header hash")
	progressMode := fs.String("progress", "auto", "progress bar on stderr: auto (when a terminal), on, off")
	fs.Usage = func() { fmt.Fprint(env.stderr, bundleUsage+"\nbuild flags:\n"); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || len(keys) == 0 || fs.NArg() == 0 {
		fmt.Fprintln(env.stderr, "lookout bundle build: need -o OUT, --key FILE and at least one SOURCE")
		fs.Usage()
		return 2
	}
	failf := func(format string, a ...any) int {
		fmt.Fprintf(env.stderr, "lookout bundle build: "+format+"\n", a...)
		return 2
	}
	var signers []note.Signer
	for _, k := range keys {
		s, err := readSigner(k)
		if err != nil {
			return failf("%v", err)
		}
		signers = append(signers, s)
	}
	issuedAt, err := issueTime(*issued, env.getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return failf("%v", err)
	}
	h := bundle.Header{Env: *envName, List: *list, Seq: *seq, Issued: issuedAt, Expires: issuedAt.Add(*expires)}
	for _, s := range signers {
		demo := strings.Contains(strings.ToLower(s.Name()), "demo")
		if demo && h.Env != bundle.EnvDemo {
			return failf("key %s is a demo key: it may only sign --env demo bundles (verifiers would refuse this one)", s.Name())
		}
		if !demo && h.Env == bundle.EnvDemo {
			fmt.Fprintf(env.stderr, "lookout bundle build: warning: --env demo signed by non-demo key %s: hosts that trust it refuse demo bundles\n", s.Name())
		}
	}
	if *prev != "" {
		pb, err := os.ReadFile(*prev)
		if err != nil {
			return failf("%v", err)
		}
		in, err := bundle.Inspect(pb)
		if err != nil || in.Header == nil {
			return failf("--prev %s: not a readable bundle (%v)", *prev, err)
		}
		h.Prev = &bundle.Prev{Seq: in.Header.Seq, Hash: in.HeaderHash}
	}

	prog := newProgress(env, *progressMode, fs.NArg()+3, "building")
	var payload bundle.Payload
	var lookouts []bundle.DocLookout
	var total source.Counts
	for _, spec := range fs.Args() {
		src, c, err := source.Open(spec, source.Options{AllTypes: *allTypes})
		if err != nil {
			prog.done()
			return failf("%v", err)
		}
		prog.tick()
		fmt.Fprintf(env.stdout, "%s: %v\n", spec, c)
		total.Add(c)
		payload.Entries = append(payload.Entries, src.Entries...)
		lookouts = append(lookouts, src.DocLookouts...)
	}
	if *facts != "" {
		f, err := readFacts(*facts)
		if err != nil {
			prog.done()
			return failf("%v", err)
		}
		payload.Facts = f
	}
	if payload.NameIndex, err = watchlist.BuildNameIndex(payload.Entries); err != nil {
		prog.done()
		return failf("name index: %v", err)
	}
	prog.tick()
	if payload.DocIndex, err = watchlist.BuildDocIndex(lookouts); err != nil {
		prog.done()
		return failf("document index: %v", err)
	}
	prog.tick()
	// Listed persons' own documents, so a host finds their holders in
	// place without decoding the entries.
	if payload.Holders, err = screen.BuildHolders(payload.Entries); err != nil {
		prog.done()
		return failf("holders table: %v", err)
	}
	data, err := bundle.Build(&payload, h, signers...)
	if err != nil {
		prog.done()
		return failf("%v", err)
	}
	prog.tick()
	prog.done()
	if err := writeBundleFile(*out, data); err != nil {
		return failf("%v", err)
	}
	hh, _ := bundle.HeaderHashOf(data)
	fmt.Fprintf(env.stdout, "total: %v\n", total)
	fmt.Fprintf(env.stdout, "wrote %s: %d bytes (name index %d, document index %d), list %s env %s seq %d, issued %s, expires %s, header %x\n",
		*out, len(data), len(payload.NameIndex), len(payload.DocIndex), h.List, h.Env, h.Seq,
		h.Issued.Format(time.RFC3339), h.Expires.Format(time.RFC3339), hh[:4])
	return 0
}

// issueTime picks the header's issue time: the flag, else
// SOURCE_DATE_EPOCH (reproducible builds), else now; always whole seconds.
func issueTime(flagValue, epoch string) (time.Time, error) {
	if flagValue != "" {
		t, err := time.Parse(time.RFC3339, flagValue)
		if err != nil {
			return time.Time{}, fmt.Errorf("--issued %q: want RFC 3339, e.g. 2026-11-26T06:00:00Z", flagValue)
		}
		if t.Nanosecond() != 0 {
			return time.Time{}, fmt.Errorf("--issued %q: whole seconds only", flagValue)
		}
		return t.UTC(), nil
	}
	if epoch != "" {
		n, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", epoch)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC().Truncate(time.Second), nil
}

func readSigner(path string) (note.Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := note.NewSigner(strings.TrimSpace(string(b)))
	if err != nil {
		return nil, fmt.Errorf("%s: not a private key from lookout keygen (%v)", path, err)
	}
	return s, nil
}

func readFacts(path string) (*bundle.IssuerFacts, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	var f bundle.IssuerFacts
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("--facts %s: %v", path, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("--facts %s: more than one JSON value", path)
	}
	return &f, nil
}

// writeBundleFile writes through a temporary file so a reader never sees
// half a bundle.
func writeBundleFile(path string, data []byte) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// bundleTrust reads the trusted keys for every command that verifies a
// bundle: the flag value, else LOOKOUT_TRUST — each either verifier keys
// (one per line) or a file of them — else the keys compiled in.
func bundleTrust(env *cmdEnv, flagValue string) ([]bundle.Key, error) {
	v := flagValue
	if v == "" {
		v = env.getenv("LOOKOUT_TRUST")
	}
	if v == "" && trustedKeys != "" {
		keys, err := bundle.ParseKeys(strings.ReplaceAll(trustedKeys, ",", "\n"))
		if err != nil {
			return nil, fmt.Errorf("compiled-in trusted keys: %v", err)
		}
		return keys, nil
	}
	if v == "" {
		return nil, errors.New("no trusted keys: give --trust KEYS or set LOOKOUT_TRUST")
	}
	if keys, err := bundle.ParseKeys(v); err == nil {
		return keys, nil
	}
	b, err := os.ReadFile(v)
	if err != nil {
		return nil, fmt.Errorf("trust %q is neither verifier keys nor a readable file: %v", v, err)
	}
	keys, err := bundle.ParseKeys(string(b))
	if err != nil {
		return nil, fmt.Errorf("trust file %s: %v", v, err)
	}
	return keys, nil
}

func runBundleVerify(env *cmdEnv, args []string) int {
	fs := flag.NewFlagSet("bundle verify", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	trust := fs.String("trust", "", "trusted verifier `KEYS`: a key, or a file of keys one per line (default $LOOKOUT_TRUST)")
	threshold := fs.Int("threshold", 1, "distinct trusted keys that must sign")
	state := fs.String("state", "", "rollback state `FILE` to check and update (default $LOOKOUT_STATE; none when unset)")
	list := fs.String("list", "", "accept only this list name")
	fs.Usage = func() { fmt.Fprint(env.stderr, bundleUsage+"\nverify flags:\n"); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	keys, err := bundleTrust(env, *trust)
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout bundle verify: %v\n", err)
		return 2
	}
	pol := bundle.Policy{Keys: keys, Threshold: *threshold}
	if *list != "" {
		pol.Lists = []string{*list}
	}
	var store bundle.RollbackStore
	statePath := *state
	if statePath == "" {
		statePath = env.getenv("LOOKOUT_STATE")
	}
	if statePath != "" && statePath != "none" {
		store = bundle.FileStore{Path: statePath}
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout bundle verify: %v\n", err)
		return 2
	}
	now := time.Now()
	v, err := bundle.Verify(data, pol, store, now)
	if err != nil {
		var ve *bundle.VerifyError
		if errors.As(err, &ve) {
			fmt.Fprintf(env.stdout, "REJECTED %s: %s\n", fs.Arg(0), ve.Step)
			fmt.Fprintf(env.stderr, "lookout bundle verify: %v\n", err)
			return 1
		}
		fmt.Fprintf(env.stderr, "lookout bundle verify: %v\n", err)
		return 2
	}
	h := v.Header
	fmt.Fprintf(env.stdout, "VALID %s\n", fs.Arg(0))
	fmt.Fprintf(env.stdout, "list %s env %s seq %d schema %d\n", h.List, h.Env, h.Seq, h.Schema)
	fmt.Fprintf(env.stdout, "issued %s, expires %s (%s left)\n", h.Issued.Format(time.RFC3339), h.Expires.Format(time.RFC3339), h.Expires.Sub(now).Round(time.Minute))
	for _, s := range v.Signers {
		demo := ""
		if s.Demo {
			demo = " (DEMO key)"
		}
		fmt.Fprintf(env.stdout, "signed by %s+%08x key %s%s\n", s.Name, s.KeyHash, s.Fingerprint, demo)
	}
	fmt.Fprintf(env.stdout, "signatures %d of %d required\n", len(v.Signers), pol.Threshold)
	fmt.Fprintf(env.stdout, "header %x fingerprint %s\n", v.HeaderHash, v.Fingerprint())
	printCounts(env.stdout, h.PayloadSize, v.Payload.Counts())
	if store == nil {
		fmt.Fprintln(env.stdout, "rollback: no state file given (only the bundle's own checks applied)")
	} else {
		fmt.Fprintf(env.stdout, "rollback: recorded seq %d in %s\n", h.Seq, statePath)
	}
	return 0
}

func printCounts(w io.Writer, payloadSize int64, c bundle.Counts) {
	fmt.Fprintf(w, "payload %d bytes: %d entries, %d aliases, %d dates of birth, %d places of birth, %d documents\n",
		payloadSize, c.Entries, c.Aliases, c.DOBs, c.POBs, c.Documents)
	facts := "built-in defaults"
	if c.Facts {
		facts = "carried in the bundle"
	}
	fmt.Fprintf(w, "name index %d bytes, document index %d bytes, issuer facts: %s\n", c.NameIndex, c.DocIndex, facts)
}

func runBundleInspect(env *cmdEnv, args []string) int {
	fs := flag.NewFlagSet("bundle inspect", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() { fmt.Fprint(env.stderr, bundleUsage) }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout bundle inspect: %v\n", err)
		return 2
	}
	in, err := bundle.Inspect(data)
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout bundle inspect: %v\n", err)
		return 1
	}
	w := env.stdout
	fmt.Fprintf(w, "UNVERIFIED: nothing below is vouched for by a signature (use lookout bundle verify)\n")
	fmt.Fprintf(w, "file %s: %d bytes, note %d bytes, payload %d bytes\n", fs.Arg(0), len(data), in.NoteSize, in.PayloadBytes)
	for _, s := range in.Signatures {
		fmt.Fprintf(w, "signature line: %s+%08x\n", s.Name, s.KeyHash)
	}
	fmt.Fprintf(w, "header %x\n", in.HeaderHash)
	if in.Header == nil {
		fmt.Fprintf(w, "header does not parse: %v\n", in.HeaderErr)
		return 1
	}
	h := in.Header
	fmt.Fprintf(w, "list %s env %s seq %d schema %d\n", h.List, h.Env, h.Seq, h.Schema)
	fmt.Fprintf(w, "issued %s, expires %s\n", h.Issued.Format(time.RFC3339), h.Expires.Format(time.RFC3339))
	if h.Prev != nil {
		fmt.Fprintf(w, "prev seq %d header %x\n", h.Prev.Seq, h.Prev.Hash)
	}
	for _, x := range h.Extensions {
		fmt.Fprintf(w, "x-%s %s\n", x.Name, x.Value)
	}
	if in.PayloadHashOK {
		fmt.Fprintf(w, "payload matches the header's size and SHA-256\n")
	} else {
		fmt.Fprintf(w, "payload does NOT match the header (%d bytes present, header says %d)\n", in.PayloadBytes, h.PayloadSize)
	}
	if in.Counts == nil {
		fmt.Fprintf(w, "payload does not decode: %v\n", in.DecodeErr)
		return 1
	}
	printCounts(w, int64(in.PayloadBytes), *in.Counts)
	return 0
}
