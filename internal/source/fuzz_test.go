package source

import (
	"bytes"
	"os"
	"testing"

	"lookout/internal/bundle"
)

// The fuzz targets check that no input panics and that whatever an
// importer accepts is a valid bundle payload.

func validEntries(t *testing.T, src *bundle.Source) {
	t.Helper()
	p := &bundle.Payload{Schema: bundle.SchemaVersion, Entries: src.Entries}
	if err := p.Validate(); err != nil {
		t.Fatalf("accepted input gives an invalid payload: %v", err)
	}
}

func FuzzReadOFAC(f *testing.F) {
	sdn, _ := os.ReadFile("testdata/ofac/sdn.csv")
	alt, _ := os.ReadFile("testdata/ofac/alt.csv")
	f.Add(sdn, alt)
	f.Add([]byte(`1,"A, B","individual","X",-0-,-0-,-0-,-0-,-0-,-0-,-0-,"DOB 1 to 2; a.k.a. ''"`), []byte{})
	f.Fuzz(func(t *testing.T, sdn, alt []byte) {
		src, _, err := ReadOFAC(sdn, alt, nil, Options{AllTypes: true})
		if err == nil {
			validEntries(t, src)
		}
	})
}

func FuzzReadUN(f *testing.F) {
	un, _ := os.ReadFile("testdata/un.xml")
	f.Add(un)
	f.Fuzz(func(t *testing.T, data []byte) {
		src, _, err := ReadUN(bytes.NewReader(data), "f.xml", Options{AllTypes: true})
		if err == nil {
			validEntries(t, src)
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	list, _ := os.ReadFile("testdata/list.csv")
	f.Add(list)
	f.Add([]byte("id,name,dob\n1,\"A, \",~1..2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, _, err := ReadCSV(bytes.NewReader(data), "f.csv")
		if err == nil {
			validEntries(t, src)
		}
	})
}

func FuzzReadDocuments(f *testing.F) {
	docs, _ := os.ReadFile("testdata/documents.csv")
	f.Add(docs)
	f.Fuzz(func(t *testing.T, data []byte) {
		src, _, err := ReadDocuments(bytes.NewReader(data), "f.csv")
		if err != nil {
			return
		}
		for _, d := range src.DocLookouts {
			if d.Number == "" || d.State == "" || d.Reason == "" || (d.End != "" && len(d.End) != len(d.Number)) {
				t.Fatalf("accepted a bad lookout %+v", d)
			}
		}
	})
}
