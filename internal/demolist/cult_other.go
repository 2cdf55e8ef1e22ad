package demolist

import "strings"

// Persian and Afghan names. Iranian surnames are often nisbas (-I); Afghans
// frequently carry one name plus a tribal name (-ZAI, -KHEL) or none at all.

var irnSurnames = ranked(3, `MOHAMMADI|HOSSEINI|AHMADI|REZAEI|MOUSAVI|JAFARI|KARIMI|RAHIMI|HASHEMI|SADEGHI|MORADI|GHASEMI|ZAREI|HEIDARI|NOURI|SALEHI|KAZEMI|AKBARI|ABBASI|RAHMANI|TEHRANI|ESFAHANI|SHIRAZI|NAJAFI|MIRZAEI|SOLEIMANI|GHOLAMI|BAGHERI|AMINI|KHANI|TAHERI|FARAHANI|ASADI|YOUSEFI|EBRAHIMI|SHARIFI|GHORBANI|NAZARI|MALEKI|HABIBI|BABAEI|TORABI|ROSTAMI|SOLTANI|VAHIDI|KHAMENEH|DARVISHI|FAKHRIZADEH|ZAMANI|PARSA`)
var afgSurnames = ranked(3, `AHMADZAI|POPALZAI|STANIKZAI|NOORI|SAFI|WARDAK|AMIRI|HAQQANI|KAKAR|ACHAKZAI|BARAKZAI|DURRANI|MOHMAND|SHINWARI|YUSUFZAI|ZADRAN|MANGAL|HOTAK|NOORZAI|ALIZAI|TAJIK|HAZARA|SADAT|RAHIMI|KARIMI|HAKIMI|NASERI|AMIN`)
var irnMale = ranked(4, `MOHAMMAD|ALI|HOSSEIN|REZA|MAHDI|HASSAN|AMIR|MOHAMMAD REZA|MOHAMMAD ALI|ALIREZA|MEHDI|SAEED|MAJID|HAMID|JAVAD|MORTEZA|MOJTABA|ABBAS|DARIUSH|BABAK|KOUROSH|FARHAD|MASOUD|VAHID|HABIB|QASEM|GHOLAM|SAYED|NASIR|FARID|GULBUDDIN|ZABIHULLAH|NAJIBULLAH|HEKMATULLAH|ABDUL RAHIM|ABDUL GHANI`)
var irnFemale = ranked(4, `FATEMEH|ZAHRA|MARYAM|MAHSA|NARGES|SOMAYEH|LEILA|ZEINAB|AZAM|PARISA|SHIRIN|NEDA|ROYA|SIMA|MINA|GULALAI|MALALAI|FARZANA|SHABNAM|NAHID`)

var irnSpelling = makeVariants("HOSSEINI/HOSEINI/HUSSEINI/HOSSAINI", "MOUSAVI/MUSAVI/MOSAVI/MOOSAVI", "GHASEMI/QASEMI/KASEMI/GHASSEMI",
	"REZAEI/REZAIE/REZAEE/REZAI", "MOHAMMADI/MOHAMADI/MUHAMMADI", "JAFARI/JAAFARI/DJAFARI", "SOLEIMANI/SULEIMANI/SOLEYMANI",
	"MOHAMMAD/MOHAMAD/MUHAMMAD/MOHAMMED", "HOSSEIN/HOSEIN/HUSSEIN/HOSEYN", "MAHDI/MEHDI", "SAEED/SAID/SAEID", "QASEM/GHASEM/KASSEM",
	"GHOLAM/GOLAM/GHULAM", "SAYED/SEYED/SAYYID/SEYYED", "FATEMEH/FATEMA/FATIMA", "ZAHRA/ZAHRAH", "ZEINAB/ZAINAB/ZEYNAB",
	"AHMADZAI/AHMADZAY/AHMEDZAI", "NOORI/NURI/NOURI", "HAQQANI/HAKKANI/HAQANI", "ZABIHULLAH/ZABIULLAH/ZABIHOLLAH",
	"NAJIBULLAH/NAJIBULLA/NADJIBULLAH", "HEKMATULLAH/HIKMATULLAH")

func buildPersian(r *rng, female bool, c *country) (nameParts, []alias) {
	givens := irnMale
	if female {
		givens = irnFemale
	}
	given := givens.draw(r)
	surs := irnSurnames
	if c.code == "AFG" {
		surs = afgSurnames
	}
	sur := surs.draw(r)
	var as []alias
	if c.code == "AFG" && r.pct(25) {
		// Many Afghans have a single name; the list puts the tribe as the
		// surname, the passport may carry the father's name.
		as = append(as, alias{raw: given, kind: "strong"})
	}
	if s, ok := irnSpelling.respell(r, sur+" "+given, 60); ok && r.pct(45) {
		w := words(s)
		as = append(as, alias{sur: w[0], given: strings.Join(w[1:], " "), kind: "strong"})
	}
	if !female && r.pct(10) {
		as = append(as, alias{sur: sur, given: "SEYED " + given, kind: "strong"})
	}
	if r.pct(12) {
		as = append(as, alias{raw: pick(r, []string{"HAJI", "MULLAH", "MAWLAWI", "QARI", "ENGINEER", "DOCTOR", "HAJJI AGHA"}) + " " + words(given)[0], kind: "weak"})
	}
	return nameParts{sur: sur, given: given}, as
}

// Nigerian and Ghanaian names: Yoruba, Igbo and Hausa names, often with a
// Christian or Muslim first name; the order is unstable across documents.

var ngaSurnames = ranked(4, `ADEYEMI|OKAFOR|OKONKWO|EZE|NWOSU|OKEKE|OGUNLEYE|ADEBAYO|BELLO|MUSA|IBRAHIM|ABUBAKAR|YUSUF|ALIYU|OLAWALE|AKINWANDE|OYELARAN|NWACHUKWU|CHUKWU|OBI|IWU|ADEWALE|BABATUNDE|OYINLOLA|ABDULLAHI|DANJUMA|OKORO|UCHE|ONYEKACHI|AJAYI|OLADIPO|OGUNDIPE|ADELEKE|IGWE|NNAJI|EKWUEME|OSAGIE|OMOREGIE|IDOWU|SANI|GARBA|LAWAL|SULE|MENSAH|OWUSU|BOATENG|ASANTE|OFORI|AGYEMAN|ANSAH`)
var ngaMale = ranked(4, `EMMANUEL|CHINEDU|CHUKWUEMEKA|OLUWASEUN|ADEBAYO|EMEKA|IFEANYI|NNAMDI|TUNDE|FEMI|SEGUN|BABAJIDE|OLUWAFEMI|AHMED|ABUBAKAR|IBRAHIM|MUSA|SANI|UMARU|GODSPOWER|SUNDAY|MONDAY|FRIDAY|VICTOR|SAMUEL|DANIEL|JOSEPH|KWAME|KOFI|KWABENA|YAW|KOJO|PRINCEWILL|ONYEKACHI|OBINNA`)
var ngaFemale = ranked(4, `NGOZI|CHIOMA|ADAEZE|FUNMILAYO|FOLAKE|YETUNDE|AISHA|HAUWA|ZAINAB|BLESSING|PRECIOUS|JOY|GIFT|MERCY|ESTHER|AMINAT|ABENA|AKOSUA|AMA|EFUA`)

func buildNigerian(r *rng, female bool, c *country) (nameParts, []alias) {
	givens := ngaMale
	if female {
		givens = ngaFemale
	}
	first := givens.draw(r)
	given := first
	if r.pct(55) {
		given += " " + givens.drawOther(r, first)
	}
	sur := ngaSurnames.draw(r)
	var as []alias
	if r.pct(20) {
		// The order flips between documents: the last given name is taken
		// as the surname.
		w := words(given)
		as = append(as, alias{sur: w[len(w)-1], given: strings.TrimSpace(strings.Join(w[:len(w)-1], " ") + " " + sur), kind: "strong"})
	}
	if r.pct(10) {
		as = append(as, alias{sur: typo(r, sur), given: given, kind: "strong"})
	}
	if female && r.pct(25) {
		as = append(as, alias{sur: ngaSurnames.drawOther(r, sur), given: given, kind: "former"})
	}
	if r.pct(12) {
		as = append(as, alias{raw: pick(r, []string{"BIG BOY", "ODOGWU", "OGA", "CAPONE", "DON", "SMALL", "CHAIRMAN", "AKPOS", "BABA"}), kind: "weak"})
	}
	return nameParts{sur: sur, given: given}, as
}

// South Asian names: Hindu names with caste or community surnames (or
// KUMAR/SINGH as a middle name), Sikh SINGH and KAUR, Muslim names in
// Pakistan and Bangladesh with the Arabic spelling families.

var indSurnames = ranked(3, `KUMAR|SINGH|SHARMA|PATEL|GUPTA|VERMA|YADAV|REDDY|JOSHI|SHAH|MEHTA|DAS|CHAUDHARY|BHATT|NAIR|PILLAI|IYER|RAO|MISHRA|PANDEY|TIWARI|AGARWAL|JAIN|MALHOTRA|KAPOOR|CHOPRA|SINHA|BOSE|BANERJEE|CHATTERJEE|MUKHERJEE|GHOSH|DESAI|NAIDU|MENON|SANDHU|GILL|DHILLON|SIDHU|GREWAL`)
var pakSurnames = ranked(3, `KHAN|ALI|AHMED|HUSSAIN|MALIK|IQBAL|QURESHI|BUTT|CHAUDHRY|SHEIKH|RAJPUT|AWAN|MIRZA|SIDDIQUI|ANSARI|RAHMAN|ISLAM|HOSSAIN|UDDIN|CHOWDHURY|SAYED|BALOCH|JATOI|MEMON|ABBASI|GILANI|HAQ|RAZA|NAQVI|ZAIDI`)
var indMale = ranked(4, `RAHUL|AMIT|RAJESH|SURESH|SANJAY|VIJAY|ANIL|SUNIL|RAMESH|DEEPAK|MANOJ|ASHOK|RAVI|VIKRAM|ARJUN|HARPREET|GURPREET|JASPREET|MANPREET|KULDEEP|SATNAM`)
var indFemale = ranked(4, `PRIYA|SUNITA|ANITA|POOJA|NEHA|KAVITA|REKHA|LAKSHMI|DIVYA|SARITA|HARPREET|GURPREET|MANPREET|JASLEEN`)
var pakMale = ranked(4, `MUHAMMAD|MOHAMMAD|MUHAMMAD ALI|IMRAN|ASIF|TARIQ|BILAL|USMAN|HAMZA|FAISAL|KAMRAN|NADEEM|SHAHID|ZUBAIR|WAQAS|ABDUL REHMAN|ABDUL QADIR|SAIFUL|RAFIQUL|MIZANUR|ABDUR RAHIM`)
var pakFemale = ranked(4, `FATIMA|AYESHA|SANA|SADIA|NADIA|SHAZIA|RUBINA|NASREEN|FARZANA|SHIREEN|RAZIA|TAHMINA|NUSRAT`)

func buildSouthAsian(r *rng, female bool, c *country) (nameParts, []alias) {
	muslim := c.code == "PAK" || c.code == "BGD" || r.pct(8)
	var given, sur string
	switch {
	case muslim && female:
		given, sur = pakFemale.draw(r), pakSurnames.draw(r)
	case muslim:
		given, sur = pakMale.draw(r), pakSurnames.draw(r)
	case female:
		given, sur = indFemale.draw(r), indSurnames.draw(r)
	default:
		given, sur = indMale.draw(r), indSurnames.draw(r)
	}
	sikh := strings.HasSuffix(given, "PREET") || given == "KULDEEP" || given == "SATNAM" || given == "JASLEEN"
	if sikh {
		if female {
			sur = "KAUR"
		} else {
			sur = "SINGH"
		}
		if r.pct(40) {
			sur += " " + pick(r, []string{"SANDHU", "GILL", "DHILLON", "SIDHU", "GREWAL"})
		}
	}
	var as []alias
	if r.pct(18) {
		// Initials for the given name, as southern Indian records write it.
		as = append(as, alias{sur: sur, given: string(given[0]) + ".", kind: "strong"})
	}
	if r.pct(15) && !sikh && !female {
		as = append(as, alias{sur: sur, given: given + " " + pick(r, []string{"KUMAR", "PRASAD", "LAL", "NATH"}), kind: "strong"})
	}
	if r.pct(10) {
		as = append(as, alias{raw: given + " " + sur, kind: "strong"}) // no surname split on a foreign list
	}
	if female && r.pct(20) {
		as = append(as, alias{sur: indSurnames.drawOther(r, sur), given: given, kind: "former"})
	}
	return nameParts{sur: sur, given: given}, as
}
