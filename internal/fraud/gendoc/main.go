// Command gendoc writes docs/heuristics.md from internal/fraud's rule table
// and default issuer facts. Run it with go generate ./internal/fraud.
package main

import (
	"flag"
	"fmt"
	"os"

	"lookout/internal/fraud"
)

func main() {
	out := flag.String("o", "docs/heuristics.md", "output file")
	flag.Parse()
	if err := os.WriteFile(*out, fraud.Markdown(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gendoc:", err)
		os.Exit(1)
	}
}
