// Command manifest writes a deterministic flight manifest of MRZs for
// benchmarking `lookout screen`: N travelers, about one in a hundred a
// listed person of the demo list (by the list's own sample), the rest
// people drawn from the demo list's generator with another seed (innocent
// travelers from the same naming cultures, some sharing common names with
// listed people, as real travelers do).
//
//	go run ./scripts/manifest -n 70000 -o /tmp/manifest.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"lookout/internal/demolist"
)

func main() {
	n := flag.Int("n", 70000, "travelers")
	out := flag.String("o", "", "output file (default stdout)")
	listedEvery := flag.Int("listed-every", 100, "one listed traveler in this many")
	flag.Parse()

	w := bufio.NewWriter(os.Stdout)
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer f.Close()
		w = bufio.NewWriter(f)
	}
	defer w.Flush()

	src, err := demolist.Generate(demolist.Config{Documents: 1})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	listed := demolist.Sample(src, *n / *listedEvery + 1)
	// Innocent travelers: the generator's people under another seed,
	// presented with a passport as the listed sample is.
	other, err := demolist.Generate(demolist.Config{People: min(*n*3, demolist.MaxPeople), Documents: 1, Seed: 0x7261766c})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	innocent := demolist.Sample(other, *n)
	written, li, ii := 0, 0, 0
	for written < *n {
		var t demolist.Traveler
		if written%*listedEvery == 0 && li < len(listed) {
			t = listed[li]
			li++
		} else if ii < len(innocent) {
			t = innocent[ii]
			ii++
		} else {
			break
		}
		lines, err := t.MRZ("2032-01-01")
		if err != nil {
			continue
		}
		fmt.Fprintln(w, strings.Join(lines, "\n"))
		fmt.Fprintln(w)
		written++
	}
	fmt.Fprintf(os.Stderr, "manifest: %d travelers (%d listed)\n", written, li)
}
