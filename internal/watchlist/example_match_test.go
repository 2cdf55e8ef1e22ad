package watchlist_test

import (
	"fmt"

	"lookout/internal/bundle"
	"lookout/internal/watchlist"
)

func ExampleMatcher_Match() {
	entries := []bundle.Entry{
		{ID: "demo:1", Category: bundle.CatSanctions, Names: []bundle.Name{{Full: "YAKOVLEV, Yuriy Sergeyevich", Kind: bundle.NamePrimary}}, DOBs: []bundle.DateSpec{{Date: "1975-03-12"}}},
		{ID: "demo:2", Category: bundle.CatWarrant, Names: []bundle.Name{{Full: "GARCIA LOPEZ, Juan Carlos", Kind: bundle.NamePrimary}}},
	}
	idx, err := watchlist.BuildNameIndex(entries)
	if err != nil {
		panic(err)
	}
	m, err := watchlist.NewMatcher(&bundle.Payload{Entries: entries, NameIndex: idx})
	if err != nil {
		panic(err)
	}
	// The MRZ spells the name by ICAO rules; the list by BGN/PCGN.
	for _, h := range m.Match(watchlist.Query{Name: "IAKOVLEV<<IURII", DOB: "750312"}) {
		fmt.Println(h.ID, h.Level, h.Name)
		for _, r := range h.Reasons {
			fmt.Println(" ", r.Kind, r.How+":", r.Detail)
		}
	}
	// Output:
	// demo:1 strong YAKOVLEV, Yuriy Sergeyevich
	//   name variant: IAKOVLEV in the query is a spelling variant of YAKOVLEV on the list
	//   name variant: IURII in the query is a spelling variant of YURIY on the list
	//   name missing: SERGEYEVICH on the list is not in the query
	//   dob agree: date of birth is the same as the list's 1975-03-12
}
