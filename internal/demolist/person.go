package demolist

import (
	"fmt"
	"strings"

	"lookout/internal/bundle"
)

// nameParts is a name in source form, upper case: Surname is empty for a
// mononym.
type nameParts struct{ sur, given string }

// alias is one alternative name. Raw holds an unstructured name (a nickname,
// a kunya) when sur and given are empty.
type alias struct {
	sur, given, raw string
	kind            string
	script          bool // written in a non-Latin script: keep as is
}

// country is a nationality a culture's people hold, with the cities they
// are born in.
type country struct {
	code   string // ICAO alpha-3
	name   string // English name used in places of birth
	w      int
	cities []string
}

// culture is a naming culture: its countries and how its names are built.
type culture struct {
	name      string
	w         int
	countries []country
	// femalePct is the share of women among listed people of this culture.
	femalePct int
	// cats weighs categories: terrorist, warrant, deported, document-fraud,
	// sanctions.
	cats    [5]int
	turkish bool
	build   func(r *rng, female bool, c *country) (nameParts, []alias)
}

var categories = [5]string{bundle.CatTerrorist, bundle.CatWarrant, bundle.CatDeported, bundle.CatDocumentFraud, bundle.CatSanctions}

var (
	cultureDraw  *weighted
	countryDraws [][]*weighted
)

func init() {
	w := make([]int, len(cultures))
	for i, c := range cultures {
		w[i] = c.w
		cw := make([]int, len(c.countries))
		for j, k := range c.countries {
			cw[j] = k.w
		}
		countryDraws = append(countryDraws, []*weighted{newWeighted(cw)})
	}
	cultureDraw = newWeighted(w)
}

// Person returns listed person i (1-based) of the list with this seed. It
// depends only on seed and i.
func Person(seed uint64, i int) bundle.Entry {
	r := newRNG(seed, streamPerson+uint64(i))
	if f, ok := fixedPerson(i); ok {
		return f
	}
	ci := cultureDraw.draw(r)
	cu := &cultures[ci]
	co := &cu.countries[countryDraws[ci][0].draw(r)]
	female := r.pct(cu.femalePct)
	name, aliases := cu.build(r, female, co)

	e := bundle.Entry{ID: ID(i), Type: "individual"}
	if female {
		e.Sex = "F"
	} else {
		e.Sex = "M"
	}
	if r.pct(3) {
		e.Sex = "" // unknown on the source list
	}
	style := r.intn(100)
	e.Names = append(e.Names, render(name, bundle.NamePrimary, style, cu.turkish))
	seen := map[string]bool{e.Names[0].Full: true}
	for _, a := range aliases {
		n := renderAlias(a, style, cu.turkish)
		if n.Full == "" || seen[n.Full] {
			continue
		}
		seen[n.Full] = true
		e.Names = append(e.Names, n)
	}
	e.DOBs = dobs(r)
	e.POBs = pobs(r, cu, co)
	e.Nationalities = nationalities(r, co)
	cat := categories[newWeighted(cu.cats[:]).draw(r)]
	e.Category = cat
	e.Documents = personDocuments(r, e, name)
	e.Action = action(r, cat)
	e.Remarks = remark(r, cat, co, e)
	e.Program = program(cat)
	return e
}

// render turns a name into a list name in one of three typing styles real
// lists mix: "GARCÍA LÓPEZ, Juan Carlos" (55 %), all upper case with
// accents (35 %), and upper case stripped to ASCII (10 %).
func render(n nameParts, kind string, style int, turkish bool) bundle.Name {
	sur, given := n.sur, n.given
	switch {
	case style < 55:
		// A Turkish name already folded to ASCII is typed the English way
		// (SALIH → Salih, not Salıh).
		given = title(given, turkish && !isASCII(given))
	case style < 90:
	default:
		sur, given = fold(sur), fold(given)
	}
	full := sur
	switch {
	case sur == "":
		full = given
	case given != "":
		full = sur + ", " + given
	}
	return bundle.Name{Full: full, Surname: sur, Given: given, Kind: kind}
}

func renderAlias(a alias, style int, turkish bool) bundle.Name {
	if a.raw != "" {
		raw := a.raw
		if style >= 90 && !a.script {
			raw = fold(raw)
		}
		return bundle.Name{Full: raw, Kind: a.kind}
	}
	if a.script {
		// Non-Latin script names are copied as the source writes them.
		full := a.sur
		if a.given != "" {
			full = a.sur + ", " + a.given
		}
		return bundle.Name{Full: full, Surname: a.sur, Given: a.given, Kind: a.kind}
	}
	return render(nameParts{a.sur, a.given}, a.kind, style, turkish)
}

// dobs draws the dates of birth: mostly full dates, often partial, some
// ranges and "circa" years, a few entries with two dates (lists often
// carry both a document's date and an intelligence report's).
func dobs(r *rng) []bundle.DateSpec {
	age := 18 + r.intn(20) + r.intn(25)
	if r.pct(6) {
		age = 55 + r.intn(28)
	}
	y := 2026 - age
	m := 1 + r.intn(12)
	d := 1 + r.intn(daysIn(y, m))
	var out []bundle.DateSpec
	k := r.intn(100)
	switch {
	case k < 58:
		out = append(out, bundle.DateSpec{Date: fmt.Sprintf("%04d-%02d-%02d", y, m, d)})
	case k < 70:
		out = append(out, bundle.DateSpec{Date: fmt.Sprintf("%04d-%02d", y, m)})
	case k < 84:
		out = append(out, bundle.DateSpec{Date: fmt.Sprintf("%04d", y)})
	case k < 90:
		lo := y - r.intn(2)
		out = append(out, bundle.DateSpec{Date: fmt.Sprintf("%04d", lo), To: fmt.Sprintf("%04d", lo+1+r.intn(3))})
	case k < 92:
		out = append(out, bundle.DateSpec{Date: fmt.Sprintf("%04d-%02d-01", y, m), To: fmt.Sprintf("%04d-%02d-%02d", y, m, daysIn(y, m))})
	case k < 97:
		out = append(out, bundle.DateSpec{Date: fmt.Sprintf("%04d", y), Circa: true})
	default:
		return nil // date of birth unknown
	}
	if r.pct(9) {
		switch r.intn(3) {
		case 0: // a second full date, a year or two off
			y2 := y + 1 + r.intn(2)
			if r.pct(50) {
				y2 = y - 1 - r.intn(2)
			}
			out = append(out, bundle.DateSpec{Date: fmt.Sprintf("%04d-%02d-%02d", y2, m, min(d, daysIn(y2, m)))})
		case 1: // day and month swapped by a clerk
			if d <= 12 && d != m {
				out = append(out, bundle.DateSpec{Date: fmt.Sprintf("%04d-%02d-%02d", y, d, m)})
			}
		default:
			out = append(out, bundle.DateSpec{Date: fmt.Sprintf("%04d", y+1)})
		}
	}
	return out
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// diaspora lists the countries where people of a nationality are often
// born abroad.
var diaspora = map[string][]country{
	"MEX": {{code: "USA", name: "United States", cities: []string{"Los Angeles, California", "Houston, Texas", "Chicago, Illinois", "Phoenix, Arizona", "San Antonio, Texas"}}},
	"SLV": {{code: "USA", name: "United States", cities: []string{"Los Angeles, California", "Washington, D.C."}}},
	"HND": {{code: "USA", name: "United States", cities: []string{"Houston, Texas", "Miami, Florida"}}},
	"TUR": {{code: "DEU", name: "Germany", cities: []string{"Berlin", "Duisburg", "Köln", "Mannheim"}}},
	"DZA": {{code: "FRA", name: "France", cities: []string{"Marseille", "Lyon", "Saint-Denis", "Roubaix"}}},
	"MAR": {{code: "FRA", name: "France", cities: []string{"Paris", "Montpellier"}}, {code: "BEL", name: "Belgium", cities: []string{"Bruxelles", "Antwerpen"}}, {code: "ESP", name: "Spain", cities: []string{"Ceuta", "Melilla"}}},
	"TUN": {{code: "FRA", name: "France", cities: []string{"Nice", "Paris"}}},
	"PAK": {{code: "GBR", name: "United Kingdom", cities: []string{"Bradford", "Birmingham"}}},
	"IND": {{code: "GBR", name: "United Kingdom", cities: []string{"Leicester", "London"}}},
	"NGA": {{code: "GBR", name: "United Kingdom", cities: []string{"London"}}},
	"SOM": {{code: "KEN", name: "Kenya", cities: []string{"Nairobi", "Dadaab"}}},
	"SYR": {{code: "LBN", name: "Lebanon", cities: []string{"Beirut", "Tripoli"}}, {code: "JOR", name: "Jordan", cities: []string{"Amman"}}},
	"AFG": {{code: "PAK", name: "Pakistan", cities: []string{"Peshawar", "Quetta"}}, {code: "IRN", name: "Iran", cities: []string{"Mashhad"}}},
	"VNM": {{code: "USA", name: "United States", cities: []string{"San Jose, California", "Westminster, California"}}},
	"CHN": {{code: "HKG", name: "Hong Kong", cities: []string{"Hong Kong"}}},
}

func pobs(r *rng, cu *culture, co *country) []string {
	k := r.intn(100)
	var out []string
	switch {
	case k < 14:
		return nil
	case k < 19:
		if d, ok := diaspora[co.code]; ok {
			c := pick(r, d)
			out = append(out, c.cityIn(r))
			break
		}
		fallthrough
	default:
		out = append(out, co.cityIn(r))
	}
	if r.pct(4) {
		// A second place of birth: a different city of the same country,
		// or just the country (the list only knew that much).
		second := co.name
		if r.pct(50) {
			second = co.cityIn(r)
		}
		if second != out[0] {
			out = append(out, second)
		}
	}
	return out
}

// cityIn draws a city, most often the first (largest) ones, written
// "City, Country" or, a quarter of the time, just "City".
func (c *country) cityIn(r *rng) string {
	city := c.cities[newZipf(len(c.cities), 2).draw(r)]
	if r.pct(25) {
		return city
	}
	return city + ", " + c.name
}

// dual nationalities people of a nationality most often hold.
var dualOf = map[string][]string{
	"MEX": {"USA", "ESP"}, "COL": {"ESP", "USA", "VEN"}, "VEN": {"ESP", "COL", "ITA"}, "CUB": {"ESP", "USA"},
	"ESP": {"MEX", "ARG"}, "ARG": {"ITA", "ESP"}, "TUR": {"DEU", "NLD"}, "MAR": {"FRA", "ESP", "BEL", "NLD"},
	"DZA": {"FRA"}, "TUN": {"FRA"}, "LBN": {"FRA", "CAN", "AUS"}, "SYR": {"TUR", "DEU"}, "IRQ": {"SWE", "GBR"},
	"IRN": {"CAN", "GBR"}, "RUS": {"ISR", "UKR", "CYP"}, "UKR": {"RUS", "ISR"}, "CHN": {"HKG", "CAN"},
	"NGA": {"GBR", "USA"}, "IND": {"GBR"}, "PAK": {"GBR"}, "BRA": {"PRT", "ITA"}, "PRT": {"BRA"},
	"USA": {"ISR", "IRL", "MEX"}, "GBR": {"IRL", "PAK"}, "FRA": {"DZA", "MAR"}, "DEU": {"TUR", "POL"},
	"VNM": {"USA"}, "SOM": {"GBR", "SWE"}, "AFG": {"DEU", "PAK"}, "EGY": {"USA", "GBR"},
}

func nationalities(r *rng, co *country) []string {
	if r.pct(4) {
		return nil // nationality not recorded
	}
	out := []string{co.code}
	if d, ok := dualOf[co.code]; ok && r.pct(8) {
		out = append(out, pick(r, d))
	}
	return out
}

func program(cat string) string {
	switch cat {
	case bundle.CatTerrorist:
		return "DEMO-CT"
	case bundle.CatSanctions:
		return "DEMO-SANCTIONS"
	case bundle.CatWarrant:
		return "DEMO-WARRANTS"
	case bundle.CatDeported:
		return "DEMO-REMOVALS"
	}
	return "DEMO-DOCFRAUD"
}

// actions are the recommended actions an officer sees first: short, in
// the imperative, as a list owner writes them.
var actions = map[string][]string{
	bundle.CatTerrorist: {
		"Do not alert. Secondary; notify duty officer at once.",
		"Detain on confirmed identity; call the CT centre.",
		"Discreet check: record travel, do not detain, report.",
	},
	bundle.CatWarrant: {
		"Verify warrant with the issuing court; detain if confirmed.",
		"Secondary; notify federal police (warrant in force).",
		"Arrest on confirmed identity; extradition pending.",
	},
	bundle.CatDeported: {
		"Refuse entry unless a waiver is shown. Secondary.",
		"Re-entry ban in force. Secondary; removals unit.",
	},
	bundle.CatDocumentFraud: {
		"Examine documents in secondary; seize if fraudulent.",
		"Document examination unit; compare with file photo.",
	},
	bundle.CatSanctions: {
		"Travel ban and asset freeze: secondary, sanctions unit.",
		"Travel ban: refuse entry or transit; sanctions unit.",
	},
}

func action(r *rng, cat string) string { return pick(r, actions[cat]) }

var offences = []string{"drug trafficking", "homicide", "migrant smuggling", "kidnapping", "money laundering", "armed robbery", "extortion", "fraud", "arms trafficking", "human trafficking", "sexual assault", "organised crime"}

func remark(r *rng, cat string, co *country, e bundle.Entry) string {
	if r.pct(22) {
		return "" // many listings carry no remark
	}
	yr := 2008 + r.intn(18)
	mo := 1 + r.intn(12)
	da := 1 + r.intn(28)
	date := fmt.Sprintf("%04d-%02d-%02d", yr, mo, da)
	city := strings.TrimSuffix(strings.SplitN(co.cities[r.intn(len(co.cities))], ",", 2)[0], ".")
	var s string
	switch cat {
	case bundle.CatTerrorist:
		switch r.intn(3) {
		case 0:
			s = fmt.Sprintf("Interpol Red Notice %d/%05d. Suspected member of an armed group active near %s.", yr, r.intn(100000), city)
		case 1:
			s = fmt.Sprintf("Foreign terrorist fighter, believed to have travelled via %s in %d.", pick(r, []string{"Istanbul", "Gaziantep", "Amman", "Beirut", "Athens", "Sofia"}), yr)
		default:
			s = fmt.Sprintf("Listed on %s by the national counter-terrorism centre. Facilitator, logistics and finance.", date)
		}
	case bundle.CatWarrant:
		s = fmt.Sprintf("Arrest warrant %d/%04d for %s, issued %s by a court in %s.", yr, r.intn(10000), pick(r, offences), date, city)
	case bundle.CatDeported:
		s = fmt.Sprintf("Removed on %s via %s. Entry ban of %d years.", date, pick(r, []string{"Tijuana", "Ciudad Juárez", "Nuevo Laredo", "Madrid-Barajas", "London Heathrow", "Frankfurt", "Toronto Pearson", "Mexico City AICM", "Cancún"}), pick(r, []int{3, 5, 10, 20}))
	case bundle.CatDocumentFraud:
		s = fmt.Sprintf("Presented %s passport at %s on %s. Photo substitution, document seized.", pick(r, []string{"a counterfeit", "an altered", "a fraudulently obtained", "a stolen blank", "a look-alike's"}), pick(r, []string{"Madrid-Barajas", "Mexico City AICM", "Paris-CDG", "Amsterdam Schiphol", "Bogotá El Dorado", "Frankfurt", "Istanbul"}), date)
	default:
		s = fmt.Sprintf("Designated %s (demo sanctions programme). Travel ban and asset freeze.", date)
	}
	if len(e.Names) > 1 && r.pct(10) {
		s += " Uses several identities."
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
