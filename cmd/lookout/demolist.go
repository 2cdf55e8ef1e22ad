package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"lookout/internal/bundle"
	"lookout/internal/demolist"
)

func init() {
	register(&command{
		name:    "demo-list",
		summary: "write the deterministic demo watchlist and lost/stolen document CSVs",
		run:     runDemoList,
	})
}

const demoListUsage = `usage: lookout demo-list -o FILE --documents FILE [--people N] [--documents-count N] [--seed N]

Writes Lookout's demo list: N fictitious listed people across naming
cultures as the generic list CSV (-o, read by 'bundle build csv:FILE'), and
the lost, stolen and revoked document numbers plus stolen-blank and fraud
series as the document lookout CSV (--documents, read by 'bundle build
documents:FILE'). The same flags always give the same bytes.

flags:
`

func runDemoList(env *cmdEnv, args []string) int {
	fs := flag.NewFlagSet("demo-list", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	out := fs.String("o", "", "write the list CSV to `FILE`")
	docs := fs.String("documents", "", "write the document lookout CSV to `FILE`")
	people := fs.Int("people", demolist.DefaultPeople, "number of listed people")
	count := fs.Int("documents-count", demolist.DefaultDocuments, "number of individual lost, stolen or revoked documents")
	seed := fs.Uint64("seed", 0, "list seed (0 is the published demo list)")
	fs.Usage = func() {
		fmt.Fprint(env.stderr, demoListUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "lookout demo-list: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *out == "" || *docs == "" {
		fmt.Fprintln(env.stderr, "lookout demo-list: both -o and --documents are required")
		fs.Usage()
		return 2
	}
	if *people < 1 || *people > demolist.MaxPeople {
		fmt.Fprintf(env.stderr, "lookout demo-list: --people %d out of range 1..%d\n", *people, demolist.MaxPeople)
		return 2
	}
	if *count < 1 || *count > demolist.MaxDocuments {
		fmt.Fprintf(env.stderr, "lookout demo-list: --documents-count %d out of range 1..%d\n", *count, demolist.MaxDocuments)
		return 2
	}
	src, err := demolist.Generate(demolist.Config{People: *people, Documents: *count, Seed: *seed})
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout demo-list: %v\n", err)
		return 2
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error { return demolist.WriteCSV(w, src) }); err != nil {
		fmt.Fprintf(env.stderr, "lookout demo-list: %v\n", err)
		return 2
	}
	if err := writeFileAtomic(*docs, func(w io.Writer) error { return demolist.WriteDocumentsCSV(w, src) }); err != nil {
		fmt.Fprintf(env.stderr, "lookout demo-list: %v\n", err)
		return 2
	}
	ranges, covered := 0, 0
	for _, d := range src.DocLookouts {
		if d.End != "" {
			ranges++
		}
	}
	covered = demoCovered(src.DocLookouts)
	aliases := 0
	for _, e := range src.Entries {
		aliases += len(e.Names) - 1
	}
	fmt.Fprintf(env.stdout, "demo-list: %d people, %d aliases -> %s\n", len(src.Entries), aliases, *out)
	fmt.Fprintf(env.stdout, "demo-list: %d document lookouts (%d ranges, %d numbers covered) -> %s\n", len(src.DocLookouts), ranges, covered, *docs)
	return 0
}

// demoCovered counts the document numbers the lookouts cover, ranges
// expanded (ranges differ only in trailing digits in the demo list).
func demoCovered(ls []bundle.DocLookout) int {
	n := 0
	for _, d := range ls {
		if d.End == "" {
			n++
			continue
		}
		var a, b int
		i := 0
		for i < len(d.Number) && d.Number[i] == d.End[i] {
			i++
		}
		fmt.Sscan(d.Number[i:], &a)
		fmt.Sscan(d.End[i:], &b)
		n += b - a + 1
	}
	return n
}

// writeFileAtomic writes a file through a temporary file in the same
// directory, so an interrupted run never leaves a half-written CSV that
// make would take as up to date.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("%s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}
