package main

import (
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

func init() {
	register(&command{
		name:    "keygen",
		summary: "generate a list-signing key pair",
		run:     runKeygen,
	})
}

func runKeygen(env *cmdEnv, args []string) int {
	fs := flag.NewFlagSet("keygen", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	out := fs.String("o", "", "write the private key to `FILE` (mode 0600) and the verifier key to FILE.pub")
	name := fs.String("name", "", "key `NAME` shown in signatures (default: FILE's base name without extension); a name containing \"demo\" makes a demo key")
	force := fs.Bool("force", false, "overwrite existing key files")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: lookout keygen -o FILE [--name NAME] [--force]")
		fmt.Fprintln(env.stderr)
		fmt.Fprintln(env.stderr, "Writes an Ed25519 signing key for list bundles and prints its verifier key,")
		fmt.Fprintln(env.stderr, "the line hosts give to --trust or LOOKOUT_TRUST.")
		fmt.Fprintln(env.stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	n := *name
	if n == "" {
		n = strings.TrimSuffix(filepath.Base(*out), filepath.Ext(*out))
	}
	if n == "" || strings.ContainsAny(n, "+ \t\n") {
		fmt.Fprintf(env.stderr, "lookout keygen: key name %q must be non-empty without spaces or '+'\n", n)
		return 2
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, n)
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout keygen: %v\n", err)
		return 2
	}
	if err := writeKeyFile(*out, skey+"\n", 0o600, *force); err != nil {
		fmt.Fprintf(env.stderr, "lookout keygen: %v\n", err)
		return 2
	}
	if err := writeKeyFile(*out+".pub", vkey+"\n", 0o644, *force); err != nil {
		fmt.Fprintf(env.stderr, "lookout keygen: %v\n", err)
		return 2
	}
	fmt.Fprintln(env.stdout, vkey)
	if strings.Contains(strings.ToLower(n), "demo") {
		fmt.Fprintln(env.stderr, "lookout keygen: this is a DEMO key: it can sign only env demo bundles, and hosts that trust any other key refuse them")
	}
	return 0
}

// writeKeyFile creates path with mode perm, refusing to replace a key
// unless forced: losing a signing key is not undoable.
func writeKeyFile(path, content string, perm os.FileMode, force bool) error {
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, perm)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists (use --force to replace it)", path)
	}
	if err != nil {
		return err
	}
	if err := f.Chmod(perm); err != nil {
		f.Close()
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
