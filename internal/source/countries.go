package source

import (
	"strings"
)

// countryCodes maps country names, as OFAC, the UN and national lists
// write them, to ISO 3166-1 alpha-3 codes (which ICAO Doc 9303 uses as
// issuing-state and nationality codes, Germany's "D" aside). Keys are
// lower case. Historical states keep the ICAO/ISO codes for former states.
var countryCodes = map[string]string{
	"afghanistan": "AFG", "albania": "ALB", "algeria": "DZA", "american samoa": "ASM", "andorra": "AND",
	"angola": "AGO", "anguilla": "AIA", "antarctica": "ATA", "antigua and barbuda": "ATG", "argentina": "ARG",
	"armenia": "ARM", "aruba": "ABW", "australia": "AUS", "austria": "AUT", "azerbaijan": "AZE",
	"bahamas": "BHS", "the bahamas": "BHS", "bahamas, the": "BHS", "bahrain": "BHR", "bangladesh": "BGD", "barbados": "BRB",
	"belarus": "BLR", "belgium": "BEL", "belize": "BLZ", "benin": "BEN", "bermuda": "BMU", "bhutan": "BTN",
	"bolivia": "BOL", "bolivia (plurinational state of)": "BOL", "plurinational state of bolivia": "BOL",
	"bosnia and herzegovina": "BIH", "bosnia-herzegovina": "BIH", "botswana": "BWA", "brazil": "BRA",
	"british virgin islands": "VGB", "virgin islands, british": "VGB", "brunei": "BRN", "brunei darussalam": "BRN",
	"bulgaria": "BGR", "burkina faso": "BFA", "burma": "MMR", "myanmar": "MMR", "burundi": "BDI",
	"cabo verde": "CPV", "cape verde": "CPV", "cambodia": "KHM", "cameroon": "CMR", "canada": "CAN",
	"cayman islands": "CYM", "central african republic": "CAF", "chad": "TCD", "chile": "CHL", "china": "CHN",
	"people's republic of china": "CHN", "colombia": "COL", "comoros": "COM", "congo": "COG",
	"republic of the congo": "COG", "congo, republic of the": "COG", "congo-brazzaville": "COG",
	"democratic republic of the congo": "COD", "congo, democratic republic of the": "COD", "dr congo": "COD", "drc": "COD",
	"cook islands": "COK", "costa rica": "CRI", "cote d'ivoire": "CIV", "côte d'ivoire": "CIV", "ivory coast": "CIV",
	"croatia": "HRV", "cuba": "CUB", "curacao": "CUW", "curaçao": "CUW", "cyprus": "CYP", "czech republic": "CZE", "czechia": "CZE",
	"denmark": "DNK", "djibouti": "DJI", "dominica": "DMA", "dominican republic": "DOM", "ecuador": "ECU",
	"egypt": "EGY", "el salvador": "SLV", "equatorial guinea": "GNQ", "eritrea": "ERI", "estonia": "EST",
	"eswatini": "SWZ", "swaziland": "SWZ", "ethiopia": "ETH", "fiji": "FJI", "finland": "FIN", "france": "FRA",
	"french guiana": "GUF", "french polynesia": "PYF", "gabon": "GAB", "gambia": "GMB", "the gambia": "GMB", "gambia, the": "GMB",
	"georgia": "GEO", "germany": "DEU", "ghana": "GHA", "gibraltar": "GIB", "greece": "GRC", "greenland": "GRL",
	"grenada": "GRD", "guadeloupe": "GLP", "guam": "GUM", "guatemala": "GTM", "guernsey": "GGY", "guinea": "GIN",
	"guinea-bissau": "GNB", "guyana": "GUY", "haiti": "HTI", "holy see": "VAT", "vatican city": "VAT", "honduras": "HND",
	"hong kong": "HKG", "hungary": "HUN", "iceland": "ISL", "india": "IND", "indonesia": "IDN", "iran": "IRN",
	"iran (islamic republic of)": "IRN", "islamic republic of iran": "IRN", "iraq": "IRQ", "ireland": "IRL",
	"isle of man": "IMN", "israel": "ISR", "italy": "ITA", "jamaica": "JAM", "japan": "JPN", "jersey": "JEY",
	"jordan": "JOR", "kazakhstan": "KAZ", "kenya": "KEN", "kiribati": "KIR",
	"korea, north": "PRK", "north korea": "PRK", "democratic people's republic of korea": "PRK", "dprk": "PRK",
	"korea, democratic people's republic of": "PRK", "korea, south": "KOR", "south korea": "KOR",
	"republic of korea": "KOR", "korea, republic of": "KOR", "kosovo": "RKS", "kuwait": "KWT", "kyrgyzstan": "KGZ",
	"laos": "LAO", "lao people's democratic republic": "LAO", "latvia": "LVA", "lebanon": "LBN", "lesotho": "LSO",
	"liberia": "LBR", "libya": "LBY", "libyan arab jamahiriya": "LBY", "liechtenstein": "LIE", "lithuania": "LTU",
	"luxembourg": "LUX", "macau": "MAC", "macao": "MAC", "madagascar": "MDG", "malawi": "MWI", "malaysia": "MYS",
	"maldives": "MDV", "mali": "MLI", "malta": "MLT", "marshall islands": "MHL", "martinique": "MTQ",
	"mauritania": "MRT", "mauritius": "MUS", "mexico": "MEX", "micronesia": "FSM",
	"micronesia, federated states of": "FSM", "moldova": "MDA", "republic of moldova": "MDA", "monaco": "MCO",
	"mongolia": "MNG", "montenegro": "MNE", "montserrat": "MSR", "morocco": "MAR", "mozambique": "MOZ",
	"namibia": "NAM", "nauru": "NRU", "nepal": "NPL", "netherlands": "NLD", "the netherlands": "NLD",
	"netherlands antilles": "ANT", "new caledonia": "NCL", "new zealand": "NZL", "nicaragua": "NIC", "niger": "NER",
	"nigeria": "NGA", "north macedonia": "MKD", "north macedonia, the republic of": "MKD", "macedonia": "MKD",
	"the former yugoslav republic of macedonia": "MKD", "republic of north macedonia": "MKD", "norway": "NOR",
	"oman": "OMN", "pakistan": "PAK", "palau": "PLW", "palestinian": "PSE", "palestine": "PSE",
	"state of palestine": "PSE", "palestinian authority": "PSE", "west bank": "PSE", "gaza": "PSE", "panama": "PAN",
	"papua new guinea": "PNG", "paraguay": "PRY", "peru": "PER", "philippines": "PHL", "poland": "POL",
	"portugal": "PRT", "puerto rico": "PRI", "qatar": "QAT", "reunion": "REU", "romania": "ROU", "russia": "RUS",
	"russian federation": "RUS", "rwanda": "RWA", "saint kitts and nevis": "KNA", "st. kitts and nevis": "KNA",
	"saint lucia": "LCA", "st. lucia": "LCA", "saint vincent and the grenadines": "VCT",
	"st. vincent and the grenadines": "VCT", "samoa": "WSM", "san marino": "SMR", "sao tome and principe": "STP",
	"saudi arabia": "SAU", "senegal": "SEN", "serbia": "SRB", "serbia and montenegro": "SCG", "seychelles": "SYC",
	"sierra leone": "SLE", "singapore": "SGP", "sint maarten": "SXM", "slovakia": "SVK", "slovenia": "SVN",
	"solomon islands": "SLB", "somalia": "SOM", "south africa": "ZAF", "south sudan": "SSD", "spain": "ESP",
	"sri lanka": "LKA", "sudan": "SDN", "suriname": "SUR", "sweden": "SWE", "switzerland": "CHE", "syria": "SYR",
	"syrian arab republic": "SYR", "taiwan": "TWN", "tajikistan": "TJK", "tanzania": "TZA",
	"united republic of tanzania": "TZA", "tanzania, united republic of": "TZA", "thailand": "THA",
	"timor-leste": "TLS", "east timor": "TLS", "togo": "TGO", "tonga": "TON", "trinidad and tobago": "TTO",
	"tunisia": "TUN", "turkey": "TUR", "türkiye": "TUR", "turkiye": "TUR", "turkmenistan": "TKM",
	"turks and caicos islands": "TCA", "tuvalu": "TUV", "uganda": "UGA", "ukraine": "UKR",
	"united arab emirates": "ARE", "uae": "ARE", "united kingdom": "GBR", "u.k.": "GBR", "uk": "GBR",
	"united kingdom of great britain and northern ireland": "GBR", "great britain": "GBR",
	"united states": "USA", "united states of america": "USA", "u.s.": "USA", "usa": "USA", "uruguay": "URY",
	"uzbekistan": "UZB", "vanuatu": "VUT", "venezuela": "VEN", "venezuela (bolivarian republic of)": "VEN",
	"bolivarian republic of venezuela": "VEN", "vietnam": "VNM", "viet nam": "VNM", "yemen": "YEM",
	"zambia": "ZMB", "zimbabwe": "ZWE",
	// Former states that still appear in old records.
	"former soviet union": "SUN", "soviet union": "SUN", "ussr": "SUN", "yugoslavia": "YUG",
	"federal republic of yugoslavia": "YUG", "czechoslovakia": "CSK", "east germany": "DDR",
}

// countryCode resolves a country name (or an alpha-3 code) to alpha-3;
// ok is false when the name is unknown.
func countryCode(name string) (string, bool) {
	n := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), ".")))
	if n == "" {
		return "", false
	}
	if c, ok := countryCodes[n]; ok {
		return c, true
	}
	if len(n) == 3 {
		up := strings.ToUpper(n)
		for _, c := range countryCodes {
			if c == up {
				return c, true
			}
		}
	}
	return "", false
}

// countryOrName returns the alpha-3 code of name when known, else the
// name as written (the bundle keeps what it cannot resolve).
func countryOrName(name string) string {
	name = strings.TrimSpace(name)
	switch strings.ToLower(name) {
	case "na", "n/a", "unknown", "not available":
		return ""
	}
	// OFAC writes territories as "Region: Gaza".
	if c, ok := countryCode(strings.TrimPrefix(name, "Region: ")); ok {
		return c
	}
	return name
}
