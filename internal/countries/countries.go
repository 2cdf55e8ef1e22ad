package countries

import (
	"strings"
	"unicode/utf8"
)

// Kind says what a code is and therefore how an MRZ checker should treat it.
type Kind string

// Kinds of codes. The string values match the reference compilation's
// kind column.
const (
	// KindISO is a current ISO 3166-1 alpha-3 code.
	KindISO Kind = "iso"
	// KindICAO is a Doc 9303 Part 3 code for a state that is not ISO
	// alpha-3 (D, GBD…GBS, RKS).
	KindICAO Kind = "icao-special"
	// KindOrganization is an organisation that issues travel documents
	// (EUE, UNO, XPO…), plus IAO, which signs master lists only.
	KindOrganization Kind = "icao-organization"
	// KindStatelessRefugee is a nationality-field code for stateless persons
	// and refugees (XXA, XXB, XXC, XXX).
	KindStatelessRefugee Kind = "icao-stateless-refugee"
	// KindSpecimen is UTO, the state of Utopia in ICAO's specimens.
	KindSpecimen Kind = "specimen"
	// KindDeprecated is a withdrawn code still printed on old documents
	// (ANT, NTZ, YUG, SCG, ZAR, TMP, ROM).
	KindDeprecated Kind = "deprecated"
	// KindObserved is a code seen on real documents that Doc 9303 does not
	// define: XXK (Kosovo on German residence permits) and WSA (the
	// "World Passport", a fantasy document).
	KindObserved Kind = "mrz-alias"
)

// Country is one code of the table.
type Country struct {
	// Code is the code as printed in the MRZ without fillers ("D", "UTO").
	Code string `json:"code"`
	// Alpha3 is the current ISO 3166-1 alpha-3 code Code stands for when
	// there is exactly one (D → DEU, GBN → GBR, ROM → ROU); empty otherwise.
	Alpha3 string `json:"alpha3,omitempty"`
	// Alpha2 is the ISO 3166-1 alpha-2 code of Alpha3, when it has one.
	Alpha2 string `json:"alpha2,omitempty"`
	Kind   Kind   `json:"kind"`
	NameEN string `json:"name_en"`
	NameES string `json:"name_es"`
	// Specimen is true for UTO: valid in an MRZ, but never a real document.
	Specimen bool `json:"specimen,omitempty"`
	// Accepted is false for codes that must not appear on a genuine travel
	// document (WSA, and IAO, which is not an MRZ code).
	Accepted bool `json:"accepted"`
}

type alias struct{ name, code string }

// specialTable holds every code that is not a current ISO alpha-3 code.
var specialTable = [...]Country{
	{Code: "D", Alpha3: "DEU", Alpha2: "DE", Kind: KindICAO, NameEN: "Germany", NameES: "Alemania"},
	{Code: "GBD", Alpha3: "GBR", Alpha2: "GB", Kind: KindICAO, NameEN: "British Overseas Territories Citizen", NameES: "Ciudadano de los Territorios Británicos de Ultramar"},
	{Code: "GBN", Alpha3: "GBR", Alpha2: "GB", Kind: KindICAO, NameEN: "British National (Overseas)", NameES: "Nacional británico (de ultramar)"},
	{Code: "GBO", Alpha3: "GBR", Alpha2: "GB", Kind: KindICAO, NameEN: "British Overseas Citizen", NameES: "Ciudadano británico de ultramar"},
	{Code: "GBP", Alpha3: "GBR", Alpha2: "GB", Kind: KindICAO, NameEN: "British Protected Person", NameES: "Persona protegida británica"},
	{Code: "GBS", Alpha3: "GBR", Alpha2: "GB", Kind: KindICAO, NameEN: "British Subject", NameES: "Súbdito británico"},
	{Code: "RKS", Kind: KindICAO, NameEN: "Kosovo", NameES: "Kosovo"},
	{Code: "EUE", Kind: KindOrganization, NameEN: "European Union (EU)", NameES: "Unión Europea (UE)"},
	{Code: "UNO", Kind: KindOrganization, NameEN: "United Nations Organization or one of its officials", NameES: "Organización de las Naciones Unidas o uno de sus funcionarios"},
	{Code: "UNA", Kind: KindOrganization, NameEN: "United Nations specialized agency or one of its officials", NameES: "Organismo especializado de las Naciones Unidas o uno de sus funcionarios"},
	{Code: "UNK", Kind: KindOrganization, NameEN: "Resident of Kosovo to whom a travel document has been issued by the United Nations Interim Administration Mission in Kosovo (UNMIK)", NameES: "Residente de Kosovo con documento de viaje expedido por la Misión de Administración Provisional de las Naciones Unidas en Kosovo (UNMIK)"},
	{Code: "XBA", Kind: KindOrganization, NameEN: "African Development Bank (ADB)", NameES: "Banco Africano de Desarrollo (BAfD)"},
	{Code: "XIM", Kind: KindOrganization, NameEN: "African Export-Import Bank (AFREXIM bank)", NameES: "Banco Africano de Exportación e Importación (Afreximbank)"},
	{Code: "XCC", Kind: KindOrganization, NameEN: "Caribbean Community or one of its emissaries (CARICOM)", NameES: "Comunidad del Caribe o uno de sus emisarios (CARICOM)"},
	{Code: "XCE", Kind: KindOrganization, NameEN: "Council of Europe", NameES: "Consejo de Europa"},
	{Code: "XCO", Kind: KindOrganization, NameEN: "Common Market for Eastern and Southern Africa (COMESA)", NameES: "Mercado Común de África Oriental y Austral (COMESA)"},
	{Code: "XEC", Kind: KindOrganization, NameEN: "Economic Community of West African States (ECOWAS)", NameES: "Comunidad Económica de los Estados de África Occidental (CEDEAO)"},
	{Code: "XPO", Kind: KindOrganization, NameEN: "International Criminal Police Organization (INTERPOL)", NameES: "Organización Internacional de Policía Criminal (INTERPOL)"},
	{Code: "XES", Kind: KindOrganization, NameEN: "Organization of Eastern Caribbean States (OECS)", NameES: "Organización de Estados del Caribe Oriental (OECO)"},
	{Code: "XMP", Kind: KindOrganization, NameEN: "Parliamentary Assembly of the Mediterranean (PAM)", NameES: "Asamblea Parlamentaria del Mediterráneo (APM)"},
	{Code: "XOM", Kind: KindOrganization, NameEN: "Sovereign Military Order of Malta or one of its emissaries", NameES: "Soberana Orden Militar de Malta o uno de sus emisarios"},
	{Code: "XDC", Kind: KindOrganization, NameEN: "Southern African Development Community", NameES: "Comunidad de Desarrollo de África Austral (SADC)"},
	// IAO identifies ICAO as a master-list signer; it is not an MRZ code.
	{Code: "IAO", Kind: KindOrganization, NameEN: "International Civil Aviation Organization (ICAO)", NameES: "Organización de Aviación Civil Internacional (OACI)"},
	{Code: "XXA", Kind: KindStatelessRefugee, NameEN: "Stateless person, as defined in Article 1 of the 1954 Convention Relating to the Status of Stateless Persons", NameES: "Apátrida, según el artículo 1 de la Convención sobre el Estatuto de los Apátridas de 1954"},
	{Code: "XXB", Kind: KindStatelessRefugee, NameEN: "Refugee, as defined in Article 1 of the 1951 Convention Relating to the Status of Refugees as amended by the 1967 Protocol", NameES: "Refugiado, según el artículo 1 de la Convención sobre el Estatuto de los Refugiados de 1951 enmendada por el Protocolo de 1967"},
	{Code: "XXC", Kind: KindStatelessRefugee, NameEN: "Refugee, other than as defined under the code XXB above", NameES: "Refugiado distinto de los definidos en el código XXB"},
	{Code: "XXX", Kind: KindStatelessRefugee, NameEN: "Person of unspecified nationality", NameES: "Persona de nacionalidad no especificada"},
	{Code: "UTO", Kind: KindSpecimen, NameEN: "Utopia", NameES: "Utopía", Specimen: true},
	{Code: "ANT", Kind: KindDeprecated, NameEN: "Netherlands Antilles", NameES: "Antillas Neerlandesas"},
	{Code: "NTZ", Kind: KindDeprecated, NameEN: "Neutral Zone", NameES: "Zona neutral"},
	{Code: "YUG", Kind: KindDeprecated, NameEN: "Yugoslavia", NameES: "Yugoslavia"},
	{Code: "SCG", Kind: KindDeprecated, NameEN: "Serbia and Montenegro", NameES: "Serbia y Montenegro"},
	{Code: "ZAR", Alpha3: "COD", Alpha2: "CD", Kind: KindDeprecated, NameEN: "Zaire", NameES: "Zaire"},
	{Code: "TMP", Alpha3: "TLS", Alpha2: "TL", Kind: KindDeprecated, NameEN: "East Timor", NameES: "Timor Oriental"},
	{Code: "ROM", Alpha3: "ROU", Alpha2: "RO", Kind: KindDeprecated, NameEN: "Romania", NameES: "Rumanía"},
	{Code: "XXK", Kind: KindObserved, NameEN: "Kosovo", NameES: "Kosovo"},
	{Code: "WSA", Kind: KindObserved, NameEN: "World Service Authority (“World Passport”)", NameES: "World Service Authority («Pasaporte Mundial»)"},
}

// notAccepted lists codes that no genuine travel document carries.
var notAccepted = map[string]bool{"WSA": true, "IAO": true}

// byCode indexes both tables. Built once at package initialisation from
// constant data and never written afterwards.
var byCode = func() map[string]*Country {
	m := make(map[string]*Country, len(isoTable)+len(specialTable))
	for i := range isoTable {
		c := &isoTable[i]
		c.Accepted = true
		m[c.Code] = c
	}
	for i := range specialTable {
		c := &specialTable[i]
		c.Accepted = !notAccepted[c.Code]
		m[c.Code] = c
	}
	return m
}()

// All returns every code of the table: ISO codes first, alphabetically,
// then the Doc 9303 and other codes.
func All() []Country {
	out := make([]Country, 0, len(isoTable)+len(specialTable))
	out = append(out, isoTable[:]...)
	return append(out, specialTable[:]...)
}

// Lookup finds an MRZ code. Trailing fillers and surrounding spaces are
// ignored ("D<<" finds Germany); case matters, because an MRZ has no lower
// case.
func Lookup(code string) (Country, bool) {
	code = strings.TrimRight(strings.TrimSpace(code), "<")
	c, ok := byCode[code]
	if !ok {
		return Country{}, false
	}
	return *c, true
}

// Normalize maps an MRZ code to the ISO alpha-3 code it stands for, for
// joins between documents and lists: D → DEU, GBD → GBR, ROM → ROU. Codes
// with no single ISO equivalent (UTO, XXA, EUE, RKS…) and unknown codes come
// back trimmed and upper-cased.
func Normalize(code string) string {
	code = strings.ToUpper(strings.TrimRight(strings.TrimSpace(code), "<"))
	if c, ok := byCode[code]; ok && c.Alpha3 != "" {
		return c.Alpha3
	}
	return code
}

// ByName finds a country by an English or Spanish name, a common short
// form or a demonym, ignoring case, accents and punctuation: "Mexico",
// "México", "mexicano", "United States", "EE. UU.", "American". Alpha-3
// codes are accepted too. Only current ISO entries and Kosovo are found by
// name.
func ByName(name string) (Country, bool) {
	key := foldName(name)
	if key == "" {
		return Country{}, false
	}
	code, ok := byName[key]
	if !ok {
		if c, ok := byCode[strings.ToUpper(strings.TrimSpace(name))]; ok {
			return *c, true
		}
		return Country{}, false
	}
	return *byCode[code], true
}

var byName, nameCollisions = buildByName()

// buildByName indexes every name; it also returns the names that more than
// one country claims, which are left out (and which the tests report).
func buildByName() (map[string]string, []string) {
	m := make(map[string]string, 1500)
	var collisions []string
	add := func(name, code string) {
		k := foldName(name)
		if k == "" {
			return
		}
		if prev, dup := m[k]; dup && prev != code {
			// An ambiguous name must not silently resolve to either
			// country.
			if prev != "" {
				collisions = append(collisions, name+" ("+prev+", "+code+")")
			}
			m[k] = ""
			return
		}
		m[k] = code
	}
	for _, c := range isoTable {
		add(c.NameEN, c.Code)
		add(c.NameES, c.Code)
	}
	add("Kosovo", "RKS")
	for _, a := range isoAliases {
		add(a.name, a.code)
	}
	for _, a := range extraNames {
		add(a.name, a.code)
	}
	// "Bolivia, Plurinational State of" is also found as "Bolivia", unless
	// the short form is ambiguous ("Korea", "Virgin Islands") or already
	// names another entry ("Congo").
	shorts := map[string]string{}
	for _, c := range isoTable {
		i := strings.Index(c.NameEN, ",")
		if i <= 0 {
			continue
		}
		k := foldName(c.NameEN[:i])
		if prev, dup := shorts[k]; dup && prev != c.Code {
			shorts[k] = ""
			continue
		}
		shorts[k] = c.Code
	}
	for k, code := range shorts {
		if _, taken := m[k]; !taken && code != "" {
			m[k] = code
		}
	}
	for k, v := range m {
		if v == "" {
			delete(m, k)
		}
	}
	return m, collisions
}

// foldName lower-cases, removes accents and punctuation, and collapses
// spaces, so that "MÉXICO", "mexico" and "México " compare equal.
func foldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if f, ok := foldRune[r]; ok {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(f)
			continue
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r + 'a' - 'A')
		default:
			// Punctuation separates words: "Côte d'Ivoire" = "Cote d Ivoire",
			// "EE. UU." = "EE UU".
			space = true
		}
	}
	return b.String()
}

var foldRune = func() map[rune]string {
	m := map[rune]string{}
	for _, p := range []struct{ from, to string }{
		{"ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"}, {"ÇçĆćČč", "c"}, {"ÈÉÊËèéêëĒēĘęĚě", "e"},
		{"ÌÍÎÏìíîïĪīİı", "i"}, {"ÑñŃńŇň", "n"}, {"ÒÓÔÕÖØòóôõöøŌō", "o"},
		{"ÙÚÛÜùúûüŪūŮů", "u"}, {"ÝýÿŸ", "y"}, {"ŠšŚś", "s"}, {"ŽžŹźŻż", "z"},
		{"Đđ", "d"}, {"Łł", "l"}, {"Řř", "r"}, {"Ťť", "t"},
	} {
		for _, r := range p.from {
			m[r] = p.to
		}
	}
	m['ß'], m['Æ'], m['æ'], m['Œ'], m['œ'] = "ss", "ae", "ae", "oe", "oe"
	return m
}()
