package demolist

import "strings"

// English-speaking names: one or two given names (the second often an
// initial), married women's former names, everyday nicknames.

var engSurnames = ranked(3, `SMITH|JOHNSON|WILLIAMS|BROWN|JONES|MILLER|DAVIS|WILSON|ANDERSON|TAYLOR|THOMAS|MOORE|JACKSON|MARTIN|LEE|THOMPSON|WHITE|HARRIS|CLARK|LEWIS|ROBINSON|WALKER|YOUNG|ALLEN|KING|WRIGHT|SCOTT|HILL|GREEN|ADAMS|BAKER|NELSON|CARTER|MITCHELL|ROBERTS|TURNER|PHILLIPS|CAMPBELL|PARKER|EVANS|EDWARDS|COLLINS|STEWART|MORRIS|MURPHY|COOK|ROGERS|MORGAN|COOPER|PETERSON|REED|BAILEY|BELL|KELLY|HOWARD|WARD|COX|RICHARDSON|WOOD|WATSON|BROOKS|BENNETT|GRAY|HUGHES|PRICE|SANDERS|MYERS|LONG|ROSS|FOSTER|O'BRIEN|O'CONNOR|MCDONALD|MACDONALD|O'SULLIVAN|FITZGERALD|MCLAUGHLIN|MACLEOD|DAVIES|PATEL|KHAN|WALSH|BYRNE|DOYLE|MCCARTHY|GALLAGHER|DOHERTY|ST. JOHN|ST JOHN|WASHINGTON|JEFFERSON|OKAFOR|BOATENG|SINGH-BROWN|SMYTHE|FFRENCH|FORTESCUE|TREMBLAY|GAGNON|ROY`)
var engMale = ranked(4, `JAMES|JOHN|ROBERT|MICHAEL|WILLIAM|DAVID|RICHARD|JOSEPH|THOMAS|CHARLES|CHRISTOPHER|DANIEL|MATTHEW|ANTHONY|MARK|DONALD|STEVEN|PAUL|ANDREW|JOSHUA|KENNETH|KEVIN|BRIAN|GEORGE|TIMOTHY|RONALD|JASON|EDWARD|JEFFREY|RYAN|JACOB|GARY|NICHOLAS|ERIC|JONATHAN|STEPHEN|LARRY|JUSTIN|SCOTT|BRANDON|LIAM|CONNOR|SEAN|PATRICK|DECLAN|CALLUM|JAMAL|DESHAWN|TYRONE`)
var engFemale = ranked(4, `MARY|PATRICIA|JENNIFER|LINDA|ELIZABETH|BARBARA|SUSAN|JESSICA|SARAH|KAREN|LISA|NANCY|BETTY|MARGARET|SANDRA|ASHLEY|KIMBERLY|EMILY|DONNA|MICHELLE|CAROL|AMANDA|MELISSA|DEBORAH|STEPHANIE|REBECCA|SHARON|LAURA|CYNTHIA|KATHLEEN|SIOBHAN|AOIFE|CHLOE|SHANICE`)
var engNick = map[string]string{
	"ROBERT": "BOB", "WILLIAM": "BILL", "MICHAEL": "MIKE", "DAVID": "DAVE", "RICHARD": "RICK", "JOSEPH": "JOE",
	"THOMAS": "TOM", "CHARLES": "CHUCK", "CHRISTOPHER": "CHRIS", "DANIEL": "DANNY", "MATTHEW": "MATT",
	"ANTHONY": "TONY", "JAMES": "JIMMY", "JOHN": "JACK", "EDWARD": "EDDIE", "NICHOLAS": "NICK", "STEVEN": "STEVE",
	"ELIZABETH": "LIZ", "MARGARET": "PEGGY", "SUSAN": "SUE", "JESSICA": "JESS", "PATRICIA": "PATTY", "KATHLEEN": "KATHY",
	"REBECCA": "BECKY", "DEBORAH": "DEBBIE",
}

func buildEnglish(r *rng, female bool, c *country) (nameParts, []alias) {
	givens := engMale
	if female {
		givens = engFemale
	}
	first := givens.draw(r)
	given := first
	switch {
	case r.pct(40):
		given += " " + givens.drawOther(r, first)
	case r.pct(25):
		given += " " + string(letters[r.intn(26)]) + "."
	}
	sur := engSurnames.draw(r)
	if r.pct(3) {
		given += " " + pick(r, []string{"JR", "JR.", "III", "II", "SR"})
	}
	var as []alias
	if strings.Contains(given, " ") && r.pct(25) {
		as = append(as, alias{sur: sur, given: first, kind: "strong"})
	}
	if n, ok := engNick[first]; ok && r.pct(30) {
		if r.pct(50) {
			as = append(as, alias{sur: sur, given: n, kind: "strong"})
		} else {
			as = append(as, alias{raw: n, kind: "weak"})
		}
	}
	if female && r.pct(25) {
		as = append(as, alias{sur: engSurnames.drawOther(r, sur), given: given, kind: "former"})
	}
	if r.pct(6) {
		as = append(as, alias{sur: engSurnames.draw(r), given: givens.draw(r), kind: "strong"})
	}
	if r.pct(5) {
		as = append(as, alias{sur: typo(r, sur), given: given, kind: "strong"})
	}
	if r.pct(6) {
		as = append(as, alias{raw: pick(r, []string{"BIG MIKE", "SHORTY", "LEFTY", "DOC", "RED", "SLIM", "ACE", "TANK", "SPIDER", "MAD DOG", "BUGSY", "THE IRISHMAN"}), kind: "weak"})
	}
	return nameParts{sur: sur, given: given}, as
}

// French names: hyphenated compound given names (JEAN-PIERRE,
// MARIE-CLAIRE), particles (DE, DU, LE, D'), married women's names.

var fraSurnames = ranked(4, `MARTIN|BERNARD|THOMAS|PETIT|ROBERT|RICHARD|DURAND|DUBOIS|MOREAU|LAURENT|SIMON|MICHEL|LEFEBVRE|LEROY|ROUX|DAVID|BERTRAND|MOREL|FOURNIER|GIRARD|BONNET|DUPONT|LAMBERT|FONTAINE|ROUSSEAU|VINCENT|MULLER|LEFÈVRE|FAURE|ANDRÉ|MERCIER|BLANC|GUÉRIN|BOYER|GARNIER|CHEVALIER|FRANÇOIS|LEGRAND|GAUTHIER|GARCIA|PERRIN|ROBIN|CLÉMENT|MORIN|NICOLAS|HENRY|ROUSSEL|MATHIEU|GAUTIER|MASSON|LE GALL|LE ROUX|LE GOFF|LE BRIS|DE VILLIERS|DE LA ROCHE|DU PONT|D'ALEMBERT|DE SAINT-EXUPÉRY|LECLERC|BENOÎT|CÔTÉ|PELLETIER|BÉLANGER|LÉVESQUE|DESJARDINS|N'DIAYE|DIALLO|TRAORÉ|COULIBALY|KONÉ|BAMBA|MBAPPÉ|NGUYEN|HADDAD`)
var fraMale = ranked(4, `JEAN|PIERRE|MICHEL|ANDRÉ|PHILIPPE|ALAIN|BERNARD|JACQUES|FRANÇOIS|CHRISTIAN|DANIEL|PATRICK|NICOLAS|JEAN-PIERRE|JEAN-LUC|JEAN-FRANÇOIS|JEAN-MARIE|JEAN-CLAUDE|JEAN-BAPTISTE|PIERRE-YVES|SÉBASTIEN|JÉRÔME|STÉPHANE|FRÉDÉRIC|THÉO|NOËL|JOËL|GAËL|LOÏC|MAXIME|ANTOINE|GUILLAUME|JULIEN|OLIVIER|THIERRY|MAMADOU|MOUSSA|KARIM|YANNICK`)
var fraFemale = ranked(4, `MARIE|NATHALIE|ISABELLE|SYLVIE|CATHERINE|FRANÇOISE|VALÉRIE|CHRISTINE|MONIQUE|CÉLINE|HÉLÈNE|AURÉLIE|ÉLODIE|MARIE-CLAIRE|MARIE-THÉRÈSE|ANNE-SOPHIE|MARIE-HÉLÈNE|CHLOÉ|MAËLLE|LÉA|MANON|CAMILLE|SANDRINE|AMINATA|FATOUMATA`)

func buildFrench(r *rng, female bool, c *country) (nameParts, []alias) {
	givens := fraMale
	if female {
		givens = fraFemale
	}
	first := givens.draw(r)
	given := first
	if r.pct(35) {
		given += " " + givens.drawOther(r, first)
	}
	sur := fraSurnames.draw(r)
	var as []alias
	if strings.Contains(first, "-") && r.pct(30) {
		as = append(as, alias{sur: sur, given: strings.ReplaceAll(given, "-", " "), kind: "strong"})
	}
	if r.pct(25) {
		as = append(as, alias{sur: fold(sur), given: fold(given), kind: "strong"})
	}
	if strings.HasPrefix(sur, "DE ") || strings.HasPrefix(sur, "LE ") || strings.HasPrefix(sur, "DU ") {
		if r.pct(40) {
			as = append(as, alias{sur: strings.ReplaceAll(sur, " ", ""), given: given, kind: "strong"})
		}
	}
	if female && r.pct(30) {
		as = append(as, alias{sur: fraSurnames.drawOther(r, sur), given: given, kind: "former"})
	}
	if r.pct(6) {
		as = append(as, alias{raw: pick(r, []string{"LE CORSE", "LE GITAN", "LE BELGE", "TITI", "NONO", "LE GROS", "DÉDÉ", "JP", "LE MARSEILLAIS"}), kind: "weak"})
	}
	return nameParts{sur: sur, given: given}, as
}

// German names keep their umlauts and ß; the passport writes MÜLLER as
// MUELLER in the MRZ, and older records use MULLER.

var deuSurnames = ranked(4, `MÜLLER|SCHMIDT|SCHNEIDER|FISCHER|WEBER|MEYER|WAGNER|BECKER|SCHULZ|HOFFMANN|SCHÄFER|KOCH|BAUER|RICHTER|KLEIN|WOLF|SCHRÖDER|NEUMANN|SCHWARZ|ZIMMERMANN|BRAUN|KRÜGER|HOFMANN|HARTMANN|LANGE|SCHMITT|WERNER|SCHMITZ|KRAUSE|MEIER|LEHMANN|SCHMID|SCHULZE|MAIER|KÖHLER|HERRMANN|KÖNIG|WALTER|MAYER|HUBER|KAISER|FUCHS|PETERS|LANG|SCHOLZ|MÖLLER|WEIß|JUNG|HAHN|SCHUBERT|VOGEL|FRIEDRICH|KELLER|GÜNTHER|FRANK|BERGER|WINKLER|ROTH|BECK|LORENZ|BAUMANN|FRANKE|ALBRECHT|SCHUSTER|SIMON|LUDWIG|BÖHM|WINTER|KRAUS|MARTIN|SCHUMACHER|KRÄMER|VOGT|STEIN|JÄGER|OTTO|SOMMER|GROß|SEIDEL|HEINRICH|BRANDT|HAAS|SCHREIBER|GRAF|SCHULTE|DIETRICH|ZIEGLER|KUHN|KÜHN|POHL|ENGEL|HORN|BUSCH|BERGMANN|VOIGT|SAUER|ARNOLD|WOLFF|PFEIFFER|VON BRAUNSCHWEIG|VON DER LEYEN|VON STEIN|ZU GUTTENBERG|VAN DEN BERG|STRAßBURGER|GRÜNEWALD|ÖZTÜRK|YILMAZ|KOWALSKI|NOWAK`)
var deuMale = ranked(4, `PETER|MICHAEL|THOMAS|ANDREAS|WOLFGANG|KLAUS|JÜRGEN|GÜNTER|STEFAN|CHRISTIAN|UWE|WERNER|HORST|FRANK|DIETER|MANFRED|GERHARD|HANS|BERND|TORSTEN|MATTHIAS|JÖRG|KARL-HEINZ|HANS-JÜRGEN|HANS-PETER|MARKUS|SVEN|FLORIAN|LUKAS|JONAS|FELIX|BJÖRN|JENS|RALF|DIRK|KAI|RÜDIGER`)
var deuFemale = ranked(4, `URSULA|MONIKA|PETRA|SABINE|RENATE|HELGA|KARIN|BRIGITTE|INGRID|ERIKA|ANDREA|GABRIELE|SUSANNE|CLAUDIA|BIRGIT|STEFANIE|KATHARINA|JULIA|ANNA-LENA|LEONIE|BÄRBEL|JÖRDIS|HANNELORE|MARIE-LUISE|DÖRTE`)

// icaoUmlaut writes Ä Ö Ü ß the way an ICAO MRZ does: AE OE UE SS.
func icaoUmlaut(s string) string {
	return strings.NewReplacer("Ä", "AE", "Ö", "OE", "Ü", "UE", "ß", "SS", "É", "E").Replace(s)
}

func buildGerman(r *rng, female bool, c *country) (nameParts, []alias) {
	givens := deuMale
	if female {
		givens = deuFemale
	}
	first := givens.draw(r)
	given := first
	if r.pct(30) {
		given += " " + givens.drawOther(r, first)
	}
	sur := deuSurnames.draw(r)
	var as []alias
	if icaoUmlaut(sur+given) != sur+given && r.pct(45) {
		as = append(as, alias{sur: icaoUmlaut(sur), given: icaoUmlaut(given), kind: "strong"})
	}
	if fold(sur) != icaoUmlaut(sur) && r.pct(15) {
		as = append(as, alias{sur: fold(sur), given: fold(given), kind: "strong"})
	}
	if rest, ok := strings.CutPrefix(sur, "VON "); ok && r.pct(50) {
		as = append(as, alias{sur: rest, given: given, kind: "strong"})
	}
	if female && r.pct(30) {
		as = append(as, alias{sur: deuSurnames.drawOther(r, sur), given: given, kind: "former"})
	}
	return nameParts{sur: sur, given: given}, as
}

// Portuguese and Brazilian names: given names, then the mother's and the
// father's family names, with particles DA, DE, DOS, DAS; the last surname
// is the one that counts.

var porSurnames = ranked(3, `SILVA|SANTOS|OLIVEIRA|SOUZA|RODRIGUES|FERREIRA|ALVES|PEREIRA|LIMA|GOMES|COSTA|RIBEIRO|MARTINS|CARVALHO|ALMEIDA|LOPES|SOARES|FERNANDES|VIEIRA|BARBOSA|ROCHA|DIAS|NASCIMENTO|ANDRADE|MOREIRA|NUNES|MARQUES|MACHADO|MENDES|FREITAS|CARDOSO|RAMOS|GONÇALVES|SANTANA|TEIXEIRA|SOUSA|PINTO|CORREIA|MONTEIRO|CUNHA|ARAÚJO|MAGALHÃES|GUIMARÃES|CONCEIÇÃO|ASSUNÇÃO|NEVES|BRANCO|CAMPOS|FONSECA|LOUREIRO|PIRES|AZEVEDO|BRAGA`)
var porMale = ranked(4, `JOÃO|JOSÉ|ANTÔNIO|FRANCISCO|CARLOS|PAULO|PEDRO|LUCAS|LUIZ|MARCOS|GABRIEL|RAFAEL|DANIEL|MARCELO|BRUNO|EDUARDO|FELIPE|RODRIGO|GUILHERME|THIAGO|ANTÓNIO|RUI|NUNO|TIAGO|DUARTE|GONÇALO|WELLINGTON|WANDERSON|CLEITON`)
var porFemale = ranked(4, `MARIA|ANA|FRANCISCA|ANTÔNIA|ADRIANA|JULIANA|MÁRCIA|FERNANDA|PATRÍCIA|ALINE|CONCEIÇÃO|FÁTIMA|JOANA|INÊS|BEATRIZ|GRAÇA|LUZIA|SEBASTIANA|RAIMUNDA|JOSEFA`)

// porParticle is the particle each family name takes when it has one: DA
// SILVA, DE SOUZA, DOS SANTOS, DAS NEVES.
var porParticle = map[string]string{
	"SILVA": "DA ", "COSTA": "DA ", "CUNHA": "DA ", "CONCEIÇÃO": "DA ", "FONSECA": "DA ", "ROCHA": "DA ", "ASSUNÇÃO": "DA ",
	"SOUZA": "DE ", "SOUSA": "DE ", "OLIVEIRA": "DE ", "ALMEIDA": "DE ", "ANDRADE": "DE ", "CARVALHO": "DE ", "FREITAS": "DE ",
	"ARAÚJO": "DE ", "MAGALHÃES": "DE ", "AZEVEDO": "DE ", "CAMPOS": "DE ", "PAULA": "DE ",
	"SANTOS": "DOS ", "REIS": "DOS ", "ANJOS": "DOS ", "NEVES": "DAS ", "DORES": "DAS ", "MERCÊS": "DAS ",
}

func porSur(r *rng) string {
	s := porSurnames.draw(r)
	if r.pct(8) {
		s = pick(r, []string{"REIS", "ANJOS", "NEVES", "DORES", "MERCÊS"})
	}
	if p, ok := porParticle[s]; ok && r.pct(45) {
		return p + s
	}
	return s
}

func buildPortuguese(r *rng, female bool, c *country) (nameParts, []alias) {
	givens := porMale
	if female {
		givens = porFemale
	}
	first := givens.draw(r)
	given := first
	if r.pct(45) {
		given += " " + givens.drawOther(r, first)
	}
	last := porSur(r)
	sur := last
	if r.pct(70) {
		sur = porSur(r) + " " + last
	}
	var as []alias
	if sur != last && r.pct(35) {
		as = append(as, alias{sur: last, given: given, kind: "strong"})
	}
	if r.pct(20) {
		as = append(as, alias{sur: fold(sur), given: fold(given), kind: "strong"})
	}
	if r.pct(15) {
		as = append(as, alias{raw: pick(r, []string{"ZÉ", "JUNINHO", "BETO", "NEGÃO", "ALEMÃO", "BAIANO", "GORDINHO", "PAULISTA", "CARIOCA", "TIO"}), kind: "weak"})
	}
	return nameParts{sur: sur, given: given}, as
}

// Turkish names keep İ, I, Ş, Ğ, Ç, Ö, Ü; German and other records drop or
// transcribe them (ÖZTÜRK, OZTURK, OEZTUERK).

var turSurnames = ranked(4, `YILMAZ|KAYA|DEMİR|ŞAHİN|ÇELİK|YILDIZ|YILDIRIM|ÖZTÜRK|AYDIN|ÖZDEMİR|ARSLAN|DOĞAN|KILIÇ|ASLAN|ÇETİN|KARA|KOÇ|KURT|ÖZKAN|ŞİMŞEK|POLAT|ÖZCAN|KORKMAZ|ÇAKIR|ERDOĞAN|YAVUZ|CAN|ACAR|ŞEN|AKTAŞ|GÜLER|YALÇIN|GÜNEŞ|BOZKURT|BULUT|KESKİN|ÜNAL|TURAN|GÜL|ÖZER|IŞIK|KAPLAN|AVCI|SARI|TEKİN|TAŞ|KÖSE|YÜKSEL|ATEŞ|AKSOY|ALTUN|ERDEM|BAYRAM|ÇİFTÇİ|DURMAZ|TOPRAK|KARAKAYA|OĞUZ|UYSAL`)
var turMale = ranked(4, `MEHMET|MUSTAFA|AHMET|ALİ|HÜSEYİN|HASAN|İBRAHİM|İSMAİL|OSMAN|YUSUF|MURAT|ÖMER|RAMAZAN|HALİL|SÜLEYMAN|ABDULLAH|MAHMUT|SALİH|KEMAL|RECEP|FATİH|EMRE|BURAK|SERKAN|ONUR|UĞUR|EMİN|ŞÜKRÜ|İLHAN|ERDAL|CİHAN|BARIŞ`)
var turFemale = ranked(4, `FATMA|AYŞE|EMİNE|HATİCE|ZEYNEP|ELİF|MERYEM|ŞERİFE|ZEHRA|SULTAN|HANİFE|MERVE|ÖZLEM|YASEMİN|GÜLSÜM|DİLEK|SEVGİ|ESRA|BÜŞRA|İREM`)

func buildTurkish(r *rng, female bool, c *country) (nameParts, []alias) {
	givens := turMale
	if female {
		givens = turFemale
	}
	first := givens.draw(r)
	given := first
	if r.pct(20) {
		given += " " + givens.drawOther(r, first)
	}
	sur := turSurnames.draw(r)
	var as []alias
	if r.pct(40) {
		as = append(as, alias{sur: fold(sur), given: fold(given), kind: "strong"})
	}
	if r.pct(10) {
		as = append(as, alias{sur: icaoUmlaut(strings.NewReplacer("Ş", "SCH", "Ç", "TSCH", "Ğ", "G", "İ", "I").Replace(sur)), given: fold(given), kind: "strong"})
	}
	if female && r.pct(25) {
		as = append(as, alias{sur: turSurnames.drawOther(r, sur), given: given, kind: "former"})
	}
	if r.pct(8) {
		as = append(as, alias{raw: pick(r, []string{"HEVAL", "DOKTOR", "HOCA", "REİS", "DAYI", "ABİ", "KÜRT"}) + " " + fold(first), kind: "weak"})
	}
	return nameParts{sur: sur, given: given}, as
}
