// Package demolist generates Lookout's demo watchlist: a deterministic,
// realistic list of listed people across naming cultures, and a large list
// of lost, stolen and revoked travel documents.
//
// The list is fictitious but shaped like a real national lookout list: common
// surnames are very common and there is a long tail; names are typed in their
// source form (accents, hyphens, particles, Turkish dotted İ, German ß) and
// left for the matcher to normalise; aliases are the kinds real lists carry
// (transliteration variants, a.k.a.s, former names, weak nicknames); dates of
// birth are often partial; document numbers follow each issuer's real
// numbering pattern. It is what `make run` serves and what the benchmarks
// and the page and API tests use.
//
// # Determinism
//
// Generate uses its own SplitMix64 generator and integer arithmetic only, so
// the same Config gives the same bytes on every platform. Person i depends
// only on the seed and i, not on the list size, so a small list is a prefix
// of the big one and tests can generate a few hundred people quickly.
//
// # Formats
//
// WriteCSV writes the generic list CSV read by the bundle importer
// (internal/source, `csv:FILE`); WriteDocumentsCSV writes the document
// lookout CSV (`documents:FILE`). Both are described on the functions.
package demolist

import (
	"errors"
	"fmt"

	"lookout/internal/bundle"
)

// Config sizes the demo list. Zero values take the defaults.
type Config struct {
	// People is the number of listed people (default 70,000).
	People int
	// Documents is the number of individual lost, stolen or revoked
	// document numbers (default 1,000,000). Stolen-blank and fraud series
	// are added on top as ranges.
	Documents int
	// Seed selects the list; the default 0 is the published demo list.
	Seed uint64
}

// Defaults of Config.
const (
	DefaultPeople    = 70000
	DefaultDocuments = 1000000
	// MaxPeople bounds People: ids are demo:NNNNNN.
	MaxPeople = 999999
	// MaxDocuments bounds Documents.
	MaxDocuments = 20000000
)

// Stream labels for newRNG: each part of the list draws from its own stream.
const (
	streamPerson    = 1 << 40
	streamDocuments = 2 << 40
	streamSeries    = 3 << 40
)

func (c Config) withDefaults() (Config, error) {
	if c.People == 0 {
		c.People = DefaultPeople
	}
	if c.Documents == 0 {
		c.Documents = DefaultDocuments
	}
	if c.People < 0 || c.People > MaxPeople {
		return c, fmt.Errorf("demolist: people %d out of range 1..%d", c.People, MaxPeople)
	}
	if c.Documents < 0 || c.Documents > MaxDocuments {
		return c, fmt.Errorf("demolist: documents %d out of range 1..%d", c.Documents, MaxDocuments)
	}
	return c, nil
}

// Generate builds the demo list.
func Generate(cfg Config) (*bundle.Source, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	src := &bundle.Source{Entries: make([]bundle.Entry, 0, cfg.People)}
	for i := 1; i <= cfg.People; i++ {
		src.Entries = append(src.Entries, Person(cfg.Seed, i))
	}
	src.DocLookouts = documents(cfg.Seed, cfg.Documents)
	if len(src.Entries) == 0 {
		return nil, errors.New("demolist: empty list")
	}
	return src, nil
}

// ID returns the entry id of person i ("demo:000123").
func ID(i int) string { return fmt.Sprintf("demo:%06d", i) }
