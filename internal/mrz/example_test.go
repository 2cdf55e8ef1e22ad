package mrz_test

import (
	"fmt"
	"time"

	"lookout/internal/mrz"
)

func ExampleParse() {
	doc, err := mrz.Parse(`P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
L898902C36UTO7408122F1204159ZE184226B<<<<<10`, mrz.Options{Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		panic(err)
	}
	fmt.Println(doc.Format, doc.Valid, doc.Fields.Surname, doc.Fields.GivenNames, doc.Fields.BirthDateISO)
	for _, f := range doc.Findings {
		fmt.Println(f.Severity, f.Code)
	}
	// Output:
	// TD3 true ERIKSSON ANNA MARIA 1974-08-12
	// info country_specimen
	// info country_specimen
	// info expired
}

func ExampleGenerate() {
	lines, err := mrz.Generate(mrz.TD1, mrz.Fields{
		IssuingState: "UTO", DocumentNumber: "D23145890734", BirthDate: "340712", Sex: "M",
		ExpiryDate: "950712", Nationality: "UTO", Surname: "Stevenson", GivenNames: "Peter John",
	})
	if err != nil {
		panic(err)
	}
	for _, l := range lines {
		fmt.Println(l)
	}
	// Output:
	// I<UTOD23145890<7349<<<<<<<<<<<
	// 3407127M9507122UTO<<<<<<<<<<<2
	// STEVENSON<<PETER<JOHN<<<<<<<<<
}

func ExampleCheckDigit() {
	d, _ := mrz.CheckDigit("L898902C3")
	fmt.Printf("%c\n", d)
	// Output: 6
}

func ExampleSplit() {
	zones := mrz.Split("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\r\nD231458907UTO7408122F1204159<<<<<<<6\r\n" +
		"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\r\n")
	for _, z := range zones {
		doc, _ := mrz.Parse(z, mrz.Options{Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
		fmt.Println(doc.Format, doc.Fields.DocumentNumber, doc.Valid)
	}
	// Output:
	// TD2 D23145890 true
	// TD3 L898902C3 true
}
