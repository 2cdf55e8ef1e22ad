package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"lookout": func() {
			env := &cmdEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
			os.Exit(run(env, os.Args[1:]))
		},
	})
}

// TestScripts runs every cmd/lookout/testdata/*.txt script: one behaviour
// per file, readable as documentation of the CLI.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata",
		Setup: func(e *testscript.Env) error {
			// Scripts that need the shared real lists find them here.
			e.Setenv("LOOKOUT_SHARED", os.Getenv("LOOKOUT_SHARED"))
			return nil
		},
	})
}
