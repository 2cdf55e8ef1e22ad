package demolist

import "strings"

// Korean names: surname first, a two-syllable given name written joined,
// hyphenated or spaced; South Korean and North Korean (McCune-Reischauer
// style) romanisations differ (LEE/RI, PARK/PAK, CHOI/CHOE).

// korSurnames holds the South Korean spelling, then the North Korean one,
// then other spellings seen on lists.
var korSurnames = []string{
	"KIM/KIM/GIM", "LEE/RI/YI/RHEE", "PARK/PAK/BAK", "CHOI/CHOE/CHOY", "JUNG/JONG/JEONG/CHUNG/CHONG", "KANG/KANG/GANG",
	"CHO/JO/CHO", "YOON/YUN/YUN", "JANG/JANG/CHANG", "LIM/RIM/IM", "HAN/HAN/HAHN", "OH/O/OH", "SEO/SO/SUH",
	"SHIN/SIN/SHIN", "KWON/KWON/GWON", "HWANG/HWANG/HWANG", "AHN/AN/AN", "SONG/SONG/SONG", "JEON/JON/CHON/CHUN",
	"HONG/HONG/HONG", "RYU/RYU/YOO/YU", "KO/KO/GO", "MOON/MUN/MUN", "YANG/RYANG/YANG", "SON/SON/SOHN",
	"BAE/PAE/BAE", "BAEK/PAEK/PAIK", "HEO/HO/HUH", "NAM/NAM/NAM", "NOH/RO/ROH",
}
var korSurnamesZ = newZipf(len(korSurnames), 2)
var korSyll = ranked(5, `MIN|JUN|SEO|JI|HYUN|WOO|YOUNG|SUNG|JAE|HO|CHUL|SU|JIN|HYE|EUN|KYUNG|SANG|DONG|YONG|KWANG|MYUNG|IL|NAM|CHOL|GUM|SONG|HYOK|RYONG|UN|HUI|SOK|GYU|TAE|HAN|BIN|YEON`)

func buildKorean(r *rng, female bool, c *country) (nameParts, []alias) {
	fam := strings.Split(korSurnames[korSurnamesZ.draw(r)], "/")
	north := c.code == "PRK"
	sur := fam[0]
	if north {
		sur = fam[1]
	}
	a, b := korSyll.draw(r), korSyll.draw(r)
	given := a + "-" + b
	switch {
	case !north && r.pct(45):
		given = a + b // the South Korean passport writes it joined
	case north && r.pct(50):
		given = a + " " + b
	}
	var as []alias
	if alt := fam[r.intn(len(fam))]; alt != sur && r.pct(45) {
		as = append(as, alias{sur: alt, given: a + " " + b, kind: "strong"})
	}
	if r.pct(20) {
		as = append(as, alias{sur: sur, given: a + b, kind: "strong"})
	}
	if r.pct(10) {
		as = append(as, alias{raw: pick(r, englishNames[female]) + " " + sur, kind: "weak"})
	}
	return nameParts{sur: sur, given: given}, as
}

// Somali names: given name, father's and grandfather's names, no family
// name; the official Somali orthography (MAXAMED, CABDULLAAHI, XASAN)
// and the Arabic-English one (MOHAMED, ABDULLAHI, HASSAN) both appear.

var somMale = []string{
	"MOHAMED/MAXAMED/MOHAMMED/MUHAMMAD", "ABDULLAHI/CABDULLAAHI/ABDULAHI", "HASSAN/XASAN/HASAN", "ALI/CALI",
	"AHMED/AXMED/AHMAD", "ABDI/CABDI", "OMAR/CUMAR/UMAR", "YUSUF/YUUSUF/YOUSUF", "IBRAHIM/IBRAAHIM", "ISMAIL/ISMAACIIL",
	"ADEN/AADAN/ADAN", "FARAH/FAARAX", "HUSSEIN/XUSEEN/HUSEIN", "OSMAN/CISMAAN/OTHMAN", "ABDIRAHMAN/CABDIRAXMAAN",
	"MOHAMUD/MAXAMUUD/MAHMOUD", "HIRSI/XIRSI", "WARSAME/WARSAME", "JAMA/JAAMAC/JAMAC", "GULED/GULLED", "ABDIRIZAK/CABDIRISAAQ",
	"NUR/NUUR/NOOR", "SAID/SACIID/SAEED", "ISSE/CIISE/ISA", "DAHIR/DAAHIR",
}
var somFemale = []string{"FADUMO/FAADUMO/FATUMA", "HODAN/XODAN", "ASHA/CAASHA/AISHA", "AMINA/AAMINA", "SAHRA/SAHRA/ZAHRA", "HAWA/XAAWO/HAWO", "MARYAN/MARYAN/MARIAM", "NIMCO/NIMO"}
var somMaleZ = newZipf(len(somMale), 2)

func buildSomali(r *rng, female bool, c *country) (nameParts, []alias) {
	pickFam := func(t []string, z *zipf) []string {
		if z != nil {
			return strings.Split(t[z.draw(r)], "/")
		}
		return strings.Split(pick(r, t), "/")
	}
	var own []string
	if female {
		own = pickFam(somFemale, nil)
	} else {
		own = pickFam(somMale, somMaleZ)
	}
	father, grand := pickFam(somMale, somMaleZ), pickFam(somMale, somMaleZ)
	name := nameParts{sur: grand[0], given: own[0] + " " + father[0]}
	var as []alias
	if r.pct(35) {
		// The Somali orthography, as a Somali document writes it.
		as = append(as, alias{sur: grand[1], given: own[1] + " " + father[1], kind: "strong"})
	}
	if r.pct(25) {
		// Only two names recorded: the father's stands as surname.
		as = append(as, alias{sur: father[len(father)-1], given: own[len(own)-1], kind: "strong"})
	}
	if !female && r.pct(15) {
		as = append(as, alias{raw: own[0] + " " + pick(r, []string{"DHEERE", "GAAB", "INDHA ADDE", "YARE", "GACMA DHEERE", "AFWEYNE"}), kind: "weak"})
	}
	return name, as
}

// Filipino names: Spanish-origin surnames, English or Spanish given names,
// the mother's maiden surname as the middle name, and ubiquitous
// nicknames.

var phlSurnames = ranked(3, `DELA CRUZ|SANTOS|REYES|GARCIA|MENDOZA|BAUTISTA|OCAMPO|AQUINO|RAMOS|CASTILLO|VILLANUEVA|DE LEON|FLORES|GONZALES|SORIANO|CRUZ|TORRES|PASCUAL|NAVARRO|MERCADO|DIZON|MANALO|MACARAEG|DIMAANO|DIMAGIBA|BALUYUT|PANGILINAN|LACSON|TAN|LIM|SY|DE GUZMAN|DEL ROSARIO|SAN JUAN|MAGBANUA|MACAPAGAL|SALVADOR|TOLENTINO|ESPIRITU`)
var phlMale = ranked(4, `MARK ANTHONY|JOHN PAUL|JOSE|JUAN|MICHAEL|RYAN|JERICHO|ROMMEL|ARNEL|REYNALDO|EDUARDO|RODRIGO|CHRISTIAN|JOHN MARK|RONALDO|DANILO|ERNESTO|ALVIN`)
var phlFemale = ranked(4, `MARIA CRISTINA|MARIA THERESA|JOCELYN|MARICEL|ROWENA|CHERRY ANN|MA. LOURDES|ANGELICA|GRACE|JENNIFER|LORNA|MARY JOY|KRISTINE`)

func buildFilipino(r *rng, female bool, c *country) (nameParts, []alias) {
	givens := phlMale
	if female {
		givens = phlFemale
	}
	first := givens.draw(r)
	middle := phlSurnames.draw(r)
	sur := phlSurnames.drawOther(r, middle)
	var as []alias
	if r.pct(40) {
		// Without the middle (maternal) name, as foreign lists often have it.
		as = append(as, alias{sur: sur, given: first, kind: "strong"})
	} else if r.pct(30) {
		as = append(as, alias{sur: sur, given: first + " " + string(middle[0]) + ".", kind: "strong"})
	}
	if strings.HasPrefix(sur, "DELA ") || strings.HasPrefix(sur, "DE ") || strings.HasPrefix(sur, "DEL ") || strings.HasPrefix(sur, "SAN ") {
		if r.pct(40) {
			as = append(as, alias{sur: strings.ReplaceAll(sur, " ", ""), given: first + " " + middle, kind: "strong"})
		}
	}
	if r.pct(30) {
		nick := pick(r, []string{"BONG", "JUN", "JUNJUN", "BOY", "DODONG", "TOTOY", "BEBOT", "INDAY", "NENE", "BABY", "PINGPING"})
		as = append(as, alias{raw: nick, kind: "weak"})
	}
	if female && r.pct(20) {
		as = append(as, alias{sur: middle, given: first, kind: "former"})
	}
	return nameParts{sur: sur, given: first + " " + middle}, as
}
