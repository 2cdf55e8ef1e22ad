package source

import (
	"path/filepath"
	"testing"

	"lookout/internal/bundle"
)

// The README of shared/data/watchlists states what these files hold; the
// assertions check the importers recover it (within what the remarks
// format allows).
func TestOFACSDN20231228ImportsTheIndividuals(t *testing.T) {
	dir := filepath.Join(sharedWatchlists(t), "ofac_sdn_2023-12-28")
	src, c, err := OFACDir(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("OFAC SDN 2023-12-28: %v", c)
	if c.Entries != 6646 {
		t.Errorf("entries = %d, the README counts 6,646 individuals", c.Entries)
	}
	if c.Skipped != 13821-6646 {
		t.Errorf("skipped = %d, want %d non-individuals", c.Skipped, 13821-6646)
	}
	var withDOB, withPOB, withNat, withDocs, passports, weak, strong, former int
	for _, e := range src.Entries {
		if len(e.DOBs) > 0 {
			withDOB++
		}
		if len(e.POBs) > 0 {
			withPOB++
		}
		if len(e.Nationalities) > 0 {
			withNat++
		}
		if len(e.Documents) > 0 {
			withDocs++
		}
		for _, d := range e.Documents {
			if d.Type == "passport" {
				passports++
			}
		}
		for _, n := range e.Names[1:] {
			switch n.Kind {
			case bundle.NameWeak:
				weak++
			case bundle.NameStrong:
				strong++
			case bundle.NameFormer:
				former++
			}
		}
	}
	t.Logf("with DOB %d, POB %d, nationality %d, documents %d; passports %d; aliases strong %d weak %d former %d", withDOB, withPOB, withNat, withDocs, passports, strong, weak, former)
	atLeast := func(what string, got, want int) {
		if got < want {
			t.Errorf("%s = %d, want at least %d", what, got, want)
		}
	}
	atLeast("individuals with a DOB", withDOB, 6464)
	atLeast("individuals with a POB", withPOB, 3992)
	atLeast("individuals with a nationality or citizenship", withNat, 4912)
	atLeast("passport documents", passports, 2000)
	atLeast("weak a.k.a.s from the remarks", weak, 1950)
	atLeast("strong aliases", strong, 8000)
	if err := (&bundle.Payload{Schema: bundle.SchemaVersion, Entries: src.Entries}).Validate(); err != nil {
		t.Errorf("the import does not validate as a payload: %v", err)
	}
}

func TestOFACSDNAllTypesKeepsEveryRecord(t *testing.T) {
	dir := filepath.Join(sharedWatchlists(t), "ofac_sdn_2023-12-28")
	_, c, err := OFACDir(dir, Options{AllTypes: true})
	if err != nil {
		t.Fatal(err)
	}
	if c.Entries != 13821 || c.Skipped != 0 {
		t.Errorf("counts = %v, want all 13,821 records", c)
	}
}

func TestOFACSDN20240503WithoutAltAndAdd(t *testing.T) {
	dir := filepath.Join(sharedWatchlists(t), "ofac_sdn_2024-05-03")
	_, c, err := OFACDir(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("OFAC SDN 2024-05-03: %v", c)
	if c.Entries != 6854 {
		t.Errorf("entries = %d, the README counts 6,854 individuals", c.Entries)
	}
}

func TestUNConsolidated20260227ImportsTheIndividuals(t *testing.T) {
	path := filepath.Join(sharedWatchlists(t), "un_consolidated_2026-02-27", "UN_consolidated.xml")
	src, c, err := Open("un:"+path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("UN consolidated 2026-02-27: %v", c)
	if c.Entries != 730 || c.Skipped != 273 {
		t.Errorf("counts = %v, the README counts 730 individuals and 273 entities", c)
	}
	var weak, strong, ranges, circa, withPOB, passports int
	for _, e := range src.Entries {
		for _, n := range e.Names[1:] {
			if n.Kind == bundle.NameWeak {
				weak++
			} else {
				strong++
			}
		}
		for _, d := range e.DOBs {
			if d.To != "" {
				ranges++
			}
			if d.Circa {
				circa++
			}
		}
		if len(e.POBs) > 0 {
			withPOB++
		}
		for _, d := range e.Documents {
			if d.Type == "passport" {
				passports++
			}
		}
	}
	t.Logf("aliases strong %d weak %d; DOB ranges %d circa %d; with POB %d; passports %d", strong, weak, ranges, circa, withPOB, passports)
	// The README counts 615 Low-quality alias records; four of them hold a
	// second spelling after a ";", which the importer makes a name of its own.
	if weak != 615+4 {
		t.Errorf("weak aliases = %d, want the README's 615 Low-quality alias records plus 4 second spellings", weak)
	}
	if ranges != 31 || circa < 100 || withPOB < 500 || passports < 290 {
		t.Errorf("ranges %d (want 31), circa %d, POB %d, passports %d", ranges, circa, withPOB, passports)
	}
}
