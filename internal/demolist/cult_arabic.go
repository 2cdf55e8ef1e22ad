package demolist

import "strings"

// Arabic names: ism (given name), nasab (father's and grandfather's names,
// with BIN/IBN in the Gulf), and a family name or nisba (AL-QAHTANI,
// AL-MASRI). The romanisation depends on the region, so every name is a
// family of spellings: Gulf/academic, Levant, Egypt/Sudan, Maghreb (French
// influenced), then other spellings seen on lists.

// arName is one name in Arabic script and its romanisations.
type arName struct {
	script string
	forms  []string // [gulf, levant, egypt, maghreb, others...]
}

func arTable(offset int, table string) ([]arName, *zipf) {
	var out []arName
	for _, line := range strings.Split(table, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		script, forms, _ := strings.Cut(line, "=")
		out = append(out, arName{script: script, forms: strings.Split(forms, "/")})
	}
	return out, newZipf(len(out), offset)
}

var arMale, arMaleZ = arTable(3, `
محمد=MUHAMMAD/MOHAMMAD/MOHAMED/MOHAMED/MOHAMMED/MUHAMMED/MOHAMAD/MOHD/MOUHAMED
أحمد=AHMAD/AHMAD/AHMED/AHMED/AHMET
علي=ALI/ALI/ALY/ALI
عبد الله=ABDALLAH/ABDULLAH/ABDALLA/ABDELLAH/ABDULLA/ABDOULLAH
عبد الرحمن=ABD AL-RAHMAN/ABDUL RAHMAN/ABDEL RAHMAN/ABDERRAHMANE/ABDULRAHMAN/ABDELRAHMAN/ABD-AL-RAHMAN
خالد=KHALID/KHALED/KHALED/KHALED/KHALEED
عمر=UMAR/OMAR/OMAR/OMAR/OMER
إبراهيم=IBRAHIM/IBRAHIM/IBRAHIM/BRAHIM/EBRAHIM
يوسف=YUSUF/YOUSEF/YOUSSEF/YOUSSEF/YOUSIF/JOUSSEF/YUSEF
حسن=HASAN/HASSAN/HASSAN/HASSAN/HASAN
حسين=HUSAYN/HUSSEIN/HUSSEIN/HOUCINE/HUSAIN/HOSSEIN/HUSEIN
محمود=MAHMUD/MAHMOUD/MAHMOUD/MAHMOUD/MAHMOOD
مصطفى=MUSTAFA/MOUSTAFA/MOSTAFA/MUSTAPHA/MUSTAFA
صالح=SALIH/SALEH/SALEH/SALAH/SAALIH
سعيد=SAID/SAEED/SAYED/SAID/SAEID/SAEED
حمزة=HAMZA/HAMZEH/HAMZA/HAMZA/HAMZAH
عبد العزيز=ABD AL-AZIZ/ABDUL AZIZ/ABDEL AZIZ/ABDELAZIZ/ABDULAZIZ
عبد القادر=ABD AL-QADIR/ABDUL QADER/ABDEL KADER/ABDELKADER/ABDULKADIR/ABDELKADIR
عبد الكريم=ABD AL-KARIM/ABDUL KARIM/ABDEL KARIM/ABDELKRIM/ABDULKARIM
جمال=JAMAL/JAMAL/GAMAL/DJAMEL/JAMEL
قاسم=QASIM/QASSEM/KASSEM/KACEM/KASIM/QASEM
فيصل=FAYSAL/FAISAL/FAISAL/FAYCAL/FEISAL
زيد=ZAYD/ZAID/ZEID/ZAID
سليمان=SULAYMAN/SULEIMAN/SOLIMAN/SLIMANE/SULEYMAN
يحيى=YAHYA/YAHYA/YEHIA/YAHIA/YAHIYA
إسماعيل=ISMAIL/ISMAIL/ESMAIL/SMAIL/ISMAEEL
موسى=MUSA/MOUSA/MOUSSA/MOUSSA/MOOSA
ناصر=NASIR/NASSER/NASSER/NACER/NASR
كريم=KARIM/KAREEM/KARIM/KARIM
طارق=TARIQ/TAREQ/TAREK/TAREK/TARIK
هيثم=HAYTHAM/HAITHAM/HAYTHAM/HAITEM
وليد=WALID/WALEED/WALID/OUALID
خليل=KHALIL/KHALIL/KHALIL/KHALIL
أسامة=USAMA/OSAMA/OSAMA/OUSSAMA/USAMAH
بلال=BILAL/BELAL/BELAL/BILAL
عمار=AMMAR/AMMAR/AMMAR/AMMAR
راشد=RASHID/RASHED/RASHED/RACHID/RASHEED
سمير=SAMIR/SAMIR/SAMIR/SAMIR/SAMEER
عادل=ADIL/ADEL/ADEL/ADEL
نبيل=NABIL/NABIL/NABIL/NABIL/NABEEL
رياض=RIYAD/RIAD/RIAD/RIAD/RIYADH
ماجد=MAJID/MAJED/MAGED/MAJID
فهد=FAHD/FAHD/FAHD/FAHD/FAHAD
سلطان=SULTAN/SULTAN/SULTAN/SOLTANE
منصور=MANSUR/MANSOUR/MANSOUR/MANSOUR
ياسين=YASIN/YASSIN/YASSIN/YACINE/YASEEN
إدريس=IDRIS/IDRIS/EDRIS/DRISS
أيمن=AYMAN/AYMAN/AYMAN/AIMEN
عثمان=UTHMAN/OTHMAN/OSMAN/OTHMANE
أنس=ANAS/ANAS/ANAS/ANAS
عبد الحميد=ABD AL-HAMID/ABDUL HAMID/ABDEL HAMID/ABDELHAMID
عبد الملك=ABD AL-MALIK/ABDUL MALIK/ABDEL MALEK/ABDELMALEK
مروان=MARWAN/MARWAN/MARWAN/MEROUANE
`)

var arFemale, arFemaleZ = arTable(3, `
فاطمة=FATIMA/FATIMA/FATMA/FATIMA/FATEMA/FATIMAH
عائشة=AISHA/AISHA/AISHA/AICHA/AYSHA/AYESHA
مريم=MARYAM/MARIAM/MARIAM/MERIEM/MARYAM
خديجة=KHADIJA/KHADIJEH/KHADIGA/KHADIJA/KHADEEJA
زينب=ZAYNAB/ZEINAB/ZEINAB/ZINEB/ZAINAB
آمنة=AMINA/AMNEH/AMNA/AMINA/AAMINA
نور=NUR/NOUR/NOUR/NOUR/NOOR
هدى=HUDA/HUDA/HODA/HOUDA
سارة=SARA/SARA/SARA/SARA/SARAH
ليلى=LAYLA/LAILA/LEILA/LEILA/LAYLAH
حنان=HANAN/HANAN/HANAN/HANANE
رانيا=RANIA/RANIA/RANIA/RANIA/RANYA
سميرة=SAMIRA/SAMIRA/SAMIRA/SAMIRA/SAMEERA
أسماء=ASMA/ASMAA/ASMAA/ASMAE
صفية=SAFIYYA/SAFIA/SAFEYA/SAFIA
رقية=RUQAYYA/ROKAYA/ROKAYA/ROKIA
`)

// Family names and nisbas by region, with their script.
var arFamilyGulf, arFamilyGulfZ = arTable(2, `
القحطاني=AL-QAHTANI/AL-QAHTANI/EL-KAHTANI/EL KAHTANI/ALQAHTANI/AL KAHTANI
الشمري=AL-SHAMMARI/AL-SHAMMARI/EL-SHAMMARI/ECH-CHAMMARI/ALSHAMMARI/AL SHAMARI
الحربي=AL-HARBI/AL-HARBI/EL-HARBY/EL HARBI/ALHARBI
العتيبي=AL-UTAYBI/AL-OTAIBI/EL-OTEIBY/EL OTAIBI/ALOTAIBI/AL OTAIBI
الدوسري=AL-DAWSARI/AL-DOSARI/EL-DOSSARY/EL DOSSARI/ALDOSARI/AL DOSSARY
الغامدي=AL-GHAMIDI/AL-GHAMDI/EL-GHAMDY/EL GHAMDI/ALGHAMDI
الزهراني=AL-ZAHRANI/AL-ZAHRANI/EL-ZAHRANY/EZ-ZAHRANI/ALZAHRANI
المطيري=AL-MUTAYRI/AL-MUTAIRI/EL-MOTAIRY/EL MOUTAIRI/ALMUTAIRI
العنزي=AL-ANAZI/AL-ENEZI/EL-ENEZY/EL ANAZI/ALANAZI/AL-ANIZI
الشهري=AL-SHAHRI/AL-SHEHRI/EL-SHEHRY/ECH-CHEHRI/ALSHEHRI
العسيري=AL-ASIRI/AL-ASSIRI/EL-ASSIRY/EL ASIRI/ALASIRI
الأحمري=AL-AHMARI/AL-AHMARI/EL-AHMARY/EL AHMARI
اليمني=AL-YAMANI/AL-YAMANI/EL-YAMANY/EL YEMENI/ALYAMANI/AL-YEMENI
الحضرمي=AL-HADRAMI/AL-HADRAMI/EL-HADRAMY/EL HADRAMI
باوزير=BA-WAZIR/BAWAZIR/BAWAZEER/BA WAZIR
الجبوري=AL-JUBURI/AL-JUBOURI/EL-GABOURY/EL JOUBOURI/ALJUBURI/AL-JBOORI
الدليمي=AL-DULAYMI/AL-DULAIMI/EL-DOLEIMY/EL DOULAIMI/ALDULAIMI
التكريتي=AL-TIKRITI/AL-TIKRITI/EL-TEKRITY/ET-TIKRITI
العاني=AL-ANI/AL-ANI/EL-ANY/EL ANI
العبيدي=AL-UBAYDI/AL-OBAIDI/EL-OBEIDY/EL OUBEIDI/ALOBAIDI/AL-OBEIDI
الجنابي=AL-JANABI/AL-JANABI/EL-GANABY/EL JANABI
الزبيدي=AL-ZUBAYDI/AL-ZUBAIDI/EL-ZOBEIDY/EZ-ZOUBEIDI/ALZUBAIDI
الراوي=AL-RAWI/AL-RAWI/EL-RAWY/ER-RAOUI
السامرائي=AL-SAMARRAI/AL-SAMARRAIE/EL-SAMARRAY/ES-SAMARRAI
الكعبي=AL-KAABI/AL-KAABI/EL-KAABY/EL KAABI
المري=AL-MARRI/AL-MARRI/EL-MARRY/EL MARRI
العجمي=AL-AJMI/AL-AJMI/EL-AGAMY/EL AJMI
الكويتي=AL-KUWAITI/AL-KUWAITI/EL-KOWEITY/EL KOUWEITI
`)

var arFamilyLevant, arFamilyLevantZ = arTable(2, `
حداد=HADDAD/HADDAD/HADDAD/HADDAD
خوري=KHURI/KHOURY/KHOURY/KHOURI/KHOURIE
نصار=NASSAR/NASSAR/NASSAR/NASSAR
حمدان=HAMDAN/HAMDAN/HAMDAN/HAMDANE
الأحمد=AL-AHMAD/AL-AHMAD/EL-AHMED/EL AHMED/ALAHMAD
الحسين=AL-HUSAYN/AL-HUSSEIN/EL-HUSSEINY/EL HOUCINE/ALHUSSEIN
العلي=AL-ALI/AL-ALI/EL-ALY/EL ALI/ALALI
الحسن=AL-HASAN/AL-HASSAN/EL-HASSAN/EL HASSAN/ALHASSAN
الخطيب=AL-KHATIB/AL-KHATIB/EL-KHATEEB/EL KHATIB/ALKHATIB
درويش=DARWISH/DARWISH/DARWISH/DERRADJ/DERWISH
صالح=SALIH/SALEH/SALEH/SALAH
قاسم=QASIM/QASSEM/KASSEM/KACEM
منصور=MANSUR/MANSOUR/MANSOUR/MANSOUR
ياسين=YASIN/YASSIN/YASSIN/YACINE
بركات=BARAKAT/BARAKAT/BARAKAT/BARAKAT
الشامي=AL-SHAMI/AL-SHAMI/EL-SHAMY/ECH-CHAMI
الحلبي=AL-HALABI/AL-HALABI/EL-HALABY/EL HALABI
المصري=AL-MASRI/AL-MASRI/EL-MASRY/EL MASRI/ALMASRI
عبد الله=ABDALLAH/ABDULLAH/ABDALLA/ABDELLAH
الزعبي=AL-ZUBI/AL-ZOUBI/EL-ZOUBY/EZ-ZOUBI/ALZOUBI
العمر=AL-UMAR/AL-OMAR/EL-OMAR/EL OMAR
`)

var arFamilyEgypt, arFamilyEgyptZ = arTable(2, `
عبد العزيز=ABD AL-AZIZ/ABDEL AZIZ/ABDEL AZIZ/ABDELAZIZ
السيد=AL-SAYYID/EL-SAYED/EL SAYED/ES-SAYED/ELSAYED
حسن=HASAN/HASSAN/HASSAN/HASSAN
محمود=MAHMUD/MAHMOUD/MAHMOUD/MAHMOUD
إبراهيم=IBRAHIM/IBRAHIM/IBRAHIM/BRAHIM
مصطفى=MUSTAFA/MOSTAFA/MOSTAFA/MUSTAPHA
عبد الرحمن=ABD AL-RAHMAN/ABDEL RAHMAN/ABDEL RAHMAN/ABDERRAHMANE
الشريف=AL-SHARIF/EL-SHERIF/EL SHERIF/ECH-CHERIF
فهمي=FAHMI/FAHMY/FAHMY/FAHMI
شاهين=SHAHIN/SHAHEEN/SHAHIN/CHAHINE
رجب=RAJAB/RAGAB/RAGAB/REDJEB
زكي=ZAKI/ZAKY/ZAKY/ZAKI
عثمان=UTHMAN/OTHMAN/OSMAN/OTHMANE
الطيب=AL-TAYYIB/EL-TAYEB/EL TAYEB/ET-TAYEB
بشير=BASHIR/BASHIR/BESHIR/BACHIR
`)

var arFamilyMaghreb, arFamilyMaghrebZ = arTable(2, `
بن علي=BIN ALI/BEN ALI/BEN ALY/BENALI/BEN-ALI
بن صالح=BIN SALIH/BEN SALEH/BEN SALEH/BENSALAH/BEN SALAH
بوعزة=BU AZZA/BOU AZZA/BOU AZZA/BOUAZZA
العمراني=AL-AMRANI/AL-AMRANI/EL-AMRANY/EL AMRANI/ELAMRANI
الإدريسي=AL-IDRISI/AL-IDRISSI/EL-EDRISSY/EL IDRISSI/IDRISSI
العلوي=AL-ALAWI/AL-ALAWI/EL-ALAWY/ALAOUI/EL ALAOUI
بناني=BANNANI/BENNANI/BENNANY/BENNANI
التازي=AL-TAZI/AL-TAZI/EL-TAZY/TAZI
الشرقاوي=AL-SHARQAWI/AL-SHARKAWI/EL-SHARKAWY/CHERKAOUI/CHARKAOUI
بلقاسم=BIL QASIM/BELKASSEM/BELKASSEM/BELKACEM
مزيان=MIZYAN/MEZYAN/MEZIAN/MEZIANE
السعيدي=AL-SAIDI/AL-SAIDI/EL-SAIDY/SAIDI
الطرابلسي=AL-TARABULSI/AL-TRABULSI/EL-TARABOLSY/TRABELSI
بن عمر=BIN UMAR/BEN OMAR/BEN OMAR/BEN AMOR/BENAMOR
الجبالي=AL-JABALI/AL-JABALI/EL-GABALY/JEBALI
الغربي=AL-GHARBI/AL-GHARBI/EL-GHARBY/GHARBI
المنصوري=AL-MANSURI/AL-MANSOURI/EL-MANSOURY/MANSOURI
الزياني=AL-ZAYYANI/AL-ZAYANI/EL-ZAYANY/ZIANI
بوزيد=BU ZAYD/BOU ZEID/BOU ZEID/BOUZID
حجي=HAJJI/HAJJI/HAGGY/HADJI
`)

// Nisbas used as laqab in kunya-style a.k.a.s.
var arNisba = []string{"AL-MASRI", "AL-IRAQI", "AL-SURI", "AL-YAMANI", "AL-LIBI", "AL-TUNISI", "AL-JAZAIRI", "AL-MAGHRIBI", "AL-SUDANI", "AL-URDUNI", "AL-FILISTINI", "AL-KUWAITI", "AL-NAJDI", "AL-HIJAZI", "AL-SHAMI", "AL-MUHAJIR", "AL-ANSARI"}

// nisbaOf is the nisba (family name after a town) of a birthplace, in
// Arabic script and romanised: people are often known by their town.
var nisbaOf = map[string]arName{
	"Baghdad":    {"البغدادي", []string{"AL-BAGHDADI", "AL-BAGHDADI", "EL-BAGHDADY", "EL BAGHDADI", "ALBAGHDADI"}},
	"Mosul":      {"الموصلي", []string{"AL-MAWSILI", "AL-MOSULI", "EL-MOSLY", "EL MOUSSILI", "AL-MOUSILI"}},
	"Basra":      {"البصري", []string{"AL-BASRI", "AL-BASRI", "EL-BASRY", "EL BASRI"}},
	"Fallujah":   {"الفلوجي", []string{"AL-FALLUJI", "AL-FALLUJI", "EL-FALLOUGY", "EL FALLOUJI"}},
	"Ramadi":     {"الرمادي", []string{"AL-RAMADI", "AL-RAMADI", "EL-RAMADY", "ER-RAMADI"}},
	"Kirkuk":     {"الكركوكي", []string{"AL-KIRKUKI", "AL-KIRKUKI", "EL-KERKOUKY", "EL KIRKOUKI"}},
	"Najaf":      {"النجفي", []string{"AL-NAJAFI", "AL-NAJAFI", "EL-NAGAFY", "EN-NAJAFI"}},
	"Damascus":   {"الدمشقي", []string{"AL-DIMASHQI", "AL-DIMASHQI", "EL-DEMASHKY", "ED-DIMACHKI"}},
	"Aleppo":     {"الحلبي", []string{"AL-HALABI", "AL-HALABI", "EL-HALABY", "EL HALABI"}},
	"Homs":       {"الحمصي", []string{"AL-HIMSI", "AL-HOMSI", "EL-HOMSY", "EL HOMSI"}},
	"Idlib":      {"الإدلبي", []string{"AL-IDLIBI", "AL-IDLIBI", "EL-EDLEBY", "EL IDLIBI"}},
	"Hama":       {"الحموي", []string{"AL-HAMAWI", "AL-HAMWI", "EL-HAMAWY", "EL HAMOUI"}},
	"Raqqa":      {"الرقاوي", []string{"AL-RAQQAWI", "AL-RAQQAWI", "EL-RAKKAWY", "ER-RAKKAOUI"}},
	"Daraa":      {"الدرعاوي", []string{"AL-DARAAWI", "AL-DARAAWI", "EL-DARAAWY", "ED-DARAOUI"}},
	"Sana'a":     {"الصنعاني", []string{"AL-SANAANI", "AL-SANAANI", "EL-SANAANY", "ES-SANAANI"}},
	"Aden":       {"العدني", []string{"AL-ADANI", "AL-ADANI", "EL-ADANY", "EL ADANI"}},
	"Taiz":       {"التعزي", []string{"AL-TAIZZI", "AL-TAIZI", "EL-TAEZZY", "ET-TAIZI"}},
	"Cairo":      {"القاهري", []string{"AL-QAHIRI", "AL-QAHIRI", "EL-KAHERY", "EL KAHIRI"}},
	"Alexandria": {"الإسكندراني", []string{"AL-ISKANDARANI", "AL-ISKANDARANI", "EL-ESKANDARANY", "EL ISKANDARANI"}},
	"Asyut":      {"الأسيوطي", []string{"AL-ASYUTI", "AL-ASYUTI", "EL-ASSIOUTY", "EL ASSIOUTI"}},
	"Zarqa":      {"الزرقاوي", []string{"AL-ZARQAWI", "AL-ZARQAWI", "EL-ZARKAWY", "EZ-ZARKAOUI"}},
	"Irbid":      {"الإربدي", []string{"AL-IRBIDI", "AL-IRBIDI", "EL-ERBEDY", "EL IRBIDI"}},
	"Benghazi":   {"البنغازي", []string{"AL-BINGHAZI", "AL-BENGHAZI", "EL-BENGHAZY", "EL BENGHAZI"}},
	"Tunis":      {"التونسي", []string{"AL-TUNISI", "AL-TOUNSI", "EL-TOUNSY", "ETTOUNSI"}},
	"Fès":        {"الفاسي", []string{"AL-FASI", "AL-FASSI", "EL-FASSY", "EL FASSI"}},
	"Tangier":    {"الطنجاوي", []string{"AL-TANJAWI", "AL-TANJAWI", "EL-TANGAWY", "TANJAOUI"}},
	"Marrakech":  {"المراكشي", []string{"AL-MARRAKUSHI", "AL-MARRAKSHI", "EL-MARRAKSHY", "EL MARRAKCHI"}},
	"Khartoum":   {"الخرطومي", []string{"AL-KHARTUMI", "AL-KHARTOUMI", "EL-KHARTOUMY", "EL KHARTOUMI"}},
	"Gaza":       {"الغزاوي", []string{"AL-GHAZZAWI", "AL-GHAZAWI", "EL-GHAZZAWY", "EL GHAZAOUI"}},
	"Hebron":     {"الخليلي", []string{"AL-KHALILI", "AL-KHALILI", "EL-KHALILY", "EL KHALILI"}},
	"Nablus":     {"النابلسي", []string{"AL-NABULUSI", "AL-NABULSI", "EN-NABLOSY", "EN-NABOULSI"}},
}

// region of a nationality: 0 Gulf and Iraq, 1 Levant, 2 Egypt and Sudan,
// 3 Maghreb.
func arRegion(code string) int {
	switch code {
	case "SYR", "JOR", "LBN", "PSE":
		return 1
	case "EGY", "SDN", "LBY":
		return 2
	case "MAR", "DZA", "TUN":
		return 3
	}
	return 0
}

func (n arName) form(region int) string { return n.forms[min(region, len(n.forms)-1)] }

// other returns a spelling different from the region's one.
func (n arName) other(r *rng, region int) string {
	base := n.form(region)
	for range 6 {
		if s := pick(r, n.forms); s != base {
			return s
		}
	}
	return base
}

// articleVariant rewrites the article of a family name the ways lists do:
// AL-ZAWAHIRI, AL ZAWAHIRI, ALZAWAHIRI, EL-ZAWAHIRI, ZAWAHIRI.
func articleVariant(r *rng, s string) string {
	for _, art := range []string{"AL-", "EL-"} {
		if rest, ok := strings.CutPrefix(s, art); ok {
			switch r.intn(5) {
			case 0:
				return "AL " + rest
			case 1:
				return "AL" + rest
			case 2:
				return "EL-" + rest
			case 3:
				return rest
			default:
				return "EL " + rest
			}
		}
	}
	return s
}

func buildArabic(r *rng, female bool, c *country) (nameParts, []alias) {
	reg := arRegion(c.code)
	var ism arName
	if female {
		ism = arFemale[arFemaleZ.draw(r)]
	} else {
		ism = arMale[arMaleZ.draw(r)]
	}
	father := arMale[arMaleZ.draw(r)]
	grand := arMale[arMaleZ.draw(r)]
	hasGrand := r.pct(45)
	var fam arName
	hasFam := r.pct(82)
	switch reg {
	case 1:
		fam = arFamilyLevant[arFamilyLevantZ.draw(r)]
	case 2:
		fam = arFamilyEgypt[arFamilyEgyptZ.draw(r)]
	case 3:
		fam = arFamilyMaghreb[arFamilyMaghrebZ.draw(r)]
	default:
		fam = arFamilyGulf[arFamilyGulfZ.draw(r)]
	}
	if hasFam && r.pct(12) {
		// Known by the nisba of a town of their country.
		town := strings.SplitN(pick(r, c.cities), ",", 2)[0]
		if n, ok := nisbaOf[town]; ok {
			fam = n
		}
	}
	bin := reg == 0 && r.pct(45)
	link := " "
	if bin {
		if female {
			link = " BINT "
		} else {
			link = pick(r, []string{" BIN ", " BIN ", " IBN "})
		}
	}
	elems := []arName{ism, father}
	if hasGrand {
		elems = append(elems, grand)
	}
	if !hasFam {
		// No family name: the last element of the nasab stands as surname.
		fam = elems[len(elems)-1]
		elems = elems[:len(elems)-1]
	}
	// chain writes the given-name part: ism, then the nasab, with BIN/IBN
	// (بن in script) between generations where the source uses it.
	chain := func(f func(arName) string, script bool) string {
		var b strings.Builder
		for i, e := range elems {
			if i > 0 {
				switch {
				case !bin:
					b.WriteString(" ")
				case script && i == 1 && female:
					b.WriteString(" بنت ")
				case script:
					b.WriteString(" بن ")
				case i == 1:
					b.WriteString(link)
				default:
					b.WriteString(" BIN ")
				}
			}
			b.WriteString(f(e))
		}
		return b.String()
	}
	given := chain(func(n arName) string { return n.form(reg) }, false)
	sur := fam.form(reg)

	var as []alias
	if r.pct(40) {
		// The same person romanised another way.
		g := chain(func(n arName) string { return n.other(r, reg) }, false)
		s := fam.other(r, reg)
		if hasFam {
			s = articleVariant(r, s)
		}
		as = append(as, alias{sur: s, given: g, kind: "strong"})
	}
	if hasFam && r.pct(15) {
		as = append(as, alias{sur: articleVariant(r, sur), given: given, kind: "strong"})
	}
	if hasFam && r.pct(22) {
		// Ism and family name only.
		as = append(as, alias{sur: sur, given: ism.form(reg), kind: "strong"})
	}
	if r.pct(18) {
		// The name in Arabic script, as the national document prints it.
		as = append(as, alias{sur: fam.script, given: chain(func(n arName) string { return n.script }, true), kind: "strong", script: true})
	}
	if r.pct(25) {
		// A kunya, sometimes with a nisba: weak, shared by many people.
		son := arMale[arMaleZ.draw(r)].form(reg)
		k := "ABU " + son
		if female {
			k = "UMM " + son
		}
		if r.pct(45) {
			k += " " + pick(r, arNisba)
		}
		as = append(as, alias{raw: k, kind: "weak"})
	}
	if r.pct(5) {
		as = append(as, alias{sur: typo(r, sur), given: given, kind: "strong"})
	}
	return nameParts{sur: sur, given: given}, as
}
