package countries_test

import (
	"fmt"

	"lookout/internal/countries"
)

func ExampleLookup() {
	c, ok := countries.Lookup("D<<")
	fmt.Println(ok, c.Code, c.Alpha3, c.Kind, c.NameEN, c.NameES)
	u, _ := countries.Lookup("UTO")
	fmt.Println(u.NameEN, u.Specimen)
	// Output:
	// true D DEU icao-special Germany Alemania
	// Utopia true
}

func ExampleByName() {
	for _, q := range []string{"México", "mexicana", "United States", "EE. UU."} {
		c, ok := countries.ByName(q)
		fmt.Println(q, "→", c.Code, ok)
	}
	// Output:
	// México → MEX true
	// mexicana → MEX true
	// United States → USA true
	// EE. UU. → USA true
}

func ExampleNormalize() {
	fmt.Println(countries.Normalize("D<<"), countries.Normalize("GBN"), countries.Normalize("UTO"))
	// Output: DEU GBR UTO
}
