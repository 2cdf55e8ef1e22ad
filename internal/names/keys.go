package names

import "strings"

// familyText lists spelling families: one given name or surname as it is
// romanised by different conventions (ICAO, BGN/PCGN, French, German,
// Turkish, Wade-Giles/pinyin, North/South Korean…), first the form used
// as the family's representative. Only romanisations of one written name
// belong here, not cognates (Pedro/Peter) or nicknames. The rule-based
// SpellKey already unifies most vowel and doubling differences; this list
// catches what rules cannot (MEHMET, KHADAFI, RI/LEE).
const familyText = `
MUHAMMAD MUHAMMED MOHAMMED MOHAMMAD MOHAMED MOHAMAD MUHAMED MUHAMAD MOHAMET MOHAMMET MEHMET MEHMED MAHOMED MAHOMET MOHD MHD MOUHAMED MOUHAMAD MOUHAMMAD MOUHAMMED MAGOMED MAGOMET MUKHAMMAD MUKHAMMED MUKHAMED MAHAMAT MAHAMED MUHAMMET MUHAMET MOHAMMADU MUHAMMADU MOHAMMAED MOHAMEED
AHMAD AHMED AHMET AHMAT AKHMED AKHMAD ACHMED ACHMAD EHMED
MAHMUD MAHMOUD MAHMOOD MEHMOOD MAHMUT MAKHMUD MEHMUD
MUSTAFA MOSTAFA MUSTAPHA MOUSTAFA MOUSTAPHA MOSTAPHA MUSTAFAH
HUSAYN HUSSEIN HUSAIN HUSEIN HOSSEIN HOSEIN HUSSAIN HOUSSEIN HUSSEYN HUSEYIN HUESEYIN HUSEYN GUSEYN GUSEIN HUSSIEN
HASAN HASSAN HASSANE HACEN HASANE GASAN
YUSUF YOUSSEF YOUSEF YOUSIF YUSEF YUSSUF YOUSSOUF YOUSOUF JUSUF YUSOF YOUSUF YOSUF YUSUP YUSIF IUSUF YOUSSIF
YAHYA YAHIA YEHIA YAHIYA JAHJA YEHYA
IBRAHIM EBRAHIM IBRAGIM IBRAHEEM IBRAHIMA BRAHIM EBRAHEEM IBROHIM
ISMAIL ISMAEL ISMAYIL ISMAIEL ESMAIL SMAIL ISMOIL
SULAYMAN SULEIMAN SULAIMAN SOLEIMAN SULEYMAN SLIMANE SOULEYMANE SOULEIMANE SOLIMAN SULEMAN SULAIMON
UMAR OMAR OMER OUMAR OMAROU
USAMA OSAMA OUSSAMA OSSAMA OUSAMA
UTHMAN OTHMAN USMAN OSMAN OTMAN OUSMANE USMON OUSMAN
ALI ALY ALIY
YASIN YASSIN YASSINE YACINE YASEEN
YASIR YASSER YASER YASSIR
KHALID KHALED HALID KHALEED CHALID
KHALIL KHALEEL HALIL
JAMAL GAMAL DJAMEL JAMEL DZHAMAL DJAMAL
JAMIL GAMIL DJAMIL JAMEEL
SAID SAEED SAEID SAIED SAYEED SAIID
SAYYID SAYED SAYYED SEYED SEYYED SEYYID SAYYAD
FAISAL FAYSAL FEISAL FAYCAL FAYSSAL
HAMID HAMEED HAMED
HAMZA HAMZAH HAMSA
ABUBAKAR ABUBAKR ABOUBAKAR ABUBAKER ABOUBACAR ABOUBAKR ABUBAKIR
ZAYNAB ZEINAB ZAINAB ZENAB
FATIMA FATMA FATIMAH FATEMA FATEMEH
AISHA AICHA AYESHA AISHAH AYSHA AYSE
MARYAM MARIAM MERYEM MERIEM
QADHAFI QADDAFI GADDAFI GADAFI KADAFI KADHAFI KHADAFI GATHAFI QATHAFI GADHAFI KADDAFI QADAFI KHADAFY GADHAFFI
SHARIF SHAREEF CHERIF CHARIF SHERIF
RASHID RACHID RASHEED RASCHID
MAJID MAJEED MADJID MAGID
NASIR NASSER NASER NACER NASIRU NASSIR
JAFAR JAAFAR DJAFAR JAFFAR DZHAFAR
DAWUD DAWOOD DAOUD DAUD DAVUD DAWOUD DAVOUD DAVUT
ISA ISSA EISA EISSA
MUSA MOUSSA MOUSA MUSSA MOOSA
HARUN HAROUN HAROON
YUNUS YOUNES YOUNIS YUNIS YOUNESS
ILYAS ILIAS ELYAS ILYASS
AMIN AMEEN AMINE
NUR NOOR NOUR
NURUDDIN NOUREDDINE NOORUDDIN NURADDIN NUREDDIN NOURREDINE
SALIH SALEH SALEEH
TARIQ TAREK TARIK TAREQ
WALID WALEED OUALID WALED
KARIM KAREEM KERIM
RAHMAN REHMAN RAHMON
GHULAM GOLAM GHOLAM GULAM
HAQQANI HAKKANI HAQANI
ALEKSANDR ALEXANDR ALEXANDER ALEKSANDER OLEKSANDR OLEXANDR ALIAKSANDR ALYAKSANDR ALEXANDRE
ALEKSEY ALEXEY ALEKSEI ALEXEI OLEKSIY OLEKSII ALIAKSEI ALEXEJ ALEKSEJ
DMITRIY DMITRY DMITRI DMITRII DMYTRO DMITRIJ
SERGEY SERGEI SERGEJ SERGIY SERHIY SERHII SIARHEI SERGII
YURIY YURI YURY IURII JURIJ IOURI YOURI YURIJ IURI
EVGENIY YEVGENIY YEVGENY EVGENY EVGENI EVGENII IEVGEN YEVHEN IEVGENII JEWGENI
GRIGORIY GRIGORY GRIGORI GRIGORII HRYHORIY
MIKHAIL MICHAIL MIHAIL MYKHAILO MIKHAYIL
NIKOLAY NIKOLAI MYKOLA MIKALAI NIKOLAJ
ANDREY ANDREI ANDRII ANDRIY ANDREJ ANDRIJ
ANATOLIY ANATOLY ANATOLI ANATOLII
VALERIY VALERY VALERI VALERII
VASILIY VASILY VASILI VASYL VASSILI VASILII
VYACHESLAV VIACHESLAV VYACHESLAW WJATSCHESLAW
VLADIMIR WLADIMIR VOLODYMYR ULADZIMIR
FEDOR FYODOR FIODOR FEODOR FJODOR
PETR PYOTR
ILYA ILIA ILJA ILIYA
YAKOV IAKOV JAKOV
NATALYA NATALIA NATALJA NATALIYA
TATYANA TATIANA TATJANA
YELENA ELENA JELENA IELENA OLENA
OLGA OLHA
GENNADIY GENNADY GENNADI GENNADII HENNADIY
ARKADIY ARKADY ARKADI ARKADII
ZHANG CHANG
ZHOU CHOU CHOW
XU HSU
XIE HSIEH
ZHENG CHENG
LI LEE RI YI RHEE
CHOE CHOI CHOY
PAK PARK BAK
JONG JEONG CHONG CHUNG JUNG
RYU YOO RYOO
QIAN CHIEN
XI HSI
`

// family maps a spelling to its family's representative.
var family = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(familyText, "\n") {
		f := strings.Fields(line)
		for _, w := range f {
			if _, dup := m[w]; !dup {
				m[w] = f[0]
			}
		}
	}
	return m
}()

// Family returns the representative of tok's spelling family and whether
// tok is in the curated family table.
func Family(tok string) (string, bool) {
	f, ok := family[tok]
	return f, ok
}

// Vowel-class symbols of SpellKey: each maximal vowel run becomes one
// symbol naming which of the classes {A,E}, {I,Y}, {O,U} it contains.
// Romanisations of the same name disagree mostly inside these classes
// (MOHAMED/MUHAMMAD, HUSSEIN/HUSAYN, YURIY/IURII) and rarely across them.
var vowelSym = [8]byte{0, 'A', 'I', 'E', 'U', 'O', 'Y', 'W'}

// SpellKey returns the spelling key of a normalised token: tokens with the
// same key are romanisations or spellings of the same name. It works on
// the family representative (so MEHMET meets MUHAMMAD), then:
//   - consonant spellings that stand for one sound meet: PH/F, KH/H,
//     GH/G, TH/T, DH/D, Q/CK/K, soft C/S, hard C/K, W/V, ZH/DZH/DJ/J,
//     SCH/SH/SZ, TSCH/TCH/CZ/CH; X is KS, and initial X or HS is S
//     (pinyin/Wade-Giles);
//   - initial I or Y before a vowel is the consonant Y (ICAO IURII,
//     IAKOVLEV meet YURIY, YAKOVLEV); a final J after a vowel is a vowel
//     (SERGEJ, JURIJ); OU before a vowel is W (OUALID);
//   - a final H after a vowel is silent (ABDULLAH/ABDULLA);
//   - AE, OE, UE between consonants are the plain vowel (MUELLER/MULLER);
//     EE is I (SAEED/SAID, AMEER/AMIR);
//   - doubled letters are single;
//   - each vowel run becomes its class symbol.
//
// The key is opaque: compare keys only with keys.
func SpellKey(tok string) string {
	if f, ok := family[tok]; ok {
		tok = f
	}
	return ruleKey(tok)
}

func ruleKey(t string) string {
	n := len(t)
	out := make([]byte, 0, n)
	emit := func(c byte) {
		if len(out) == 0 || out[len(out)-1] != c {
			out = append(out, c)
		}
	}
	i := 0
	switch {
	case strings.HasPrefix(t, "HS"):
		emit('S')
		i = 2
	case n > 1 && t[0] == 'X':
		emit('S')
		i = 1
	case n > 1 && (t[0] == 'I' || t[0] == 'Y') && isVowelY(t[1]):
		emit('y')
		i = 1
	}
	for i < n {
		c := t[i]
		if isVowelY(c) || (c == 'J' && i == n-1 && i > 0 && isVowelY(t[i-1])) {
			// A vowel run; OU before another vowel is the consonant W.
			if c == 'O' && i+2 < n && t[i+1] == 'U' && isVowelY(t[i+2]) {
				emit('V')
				i += 2
				continue
			}
			var cls byte
			start := i
			for i < n && (isVowelY(t[i]) || (t[i] == 'J' && i == n-1)) {
				if t[i] == 'E' && i+1 < n && t[i+1] == 'E' {
					cls |= 2 // EE is the English spelling of long I (SAEED, AMEER)
					i += 2
					continue
				}
				cls |= vowelClass(t[i])
				i++
			}
			// German umlaut digraphs AE, OE, UE (the ICAO spelling of Ä, Ö,
			// Ü) meet the plain vowel another State may print.
			if i-start == 2 && t[i-1] == 'E' && (t[start] == 'A' || t[start] == 'O' || t[start] == 'U') && start > 0 && !isVowelY(t[start-1]) && i < n && !isVowelY(t[i]) {
				cls = vowelClass(t[start])
			}
			if i == n-1 && t[i] == 'H' { // final H after a vowel is silent
				i++
			}
			emit(vowelSym[cls])
			continue
		}
		next := byte(0)
		if i+1 < n {
			next = t[i+1]
		}
		switch {
		case strings.HasPrefix(t[i:], "TSCH"):
			emit('c')
			i += 4
		case strings.HasPrefix(t[i:], "SCH"):
			emit('x')
			i += 3
		case strings.HasPrefix(t[i:], "TCH"):
			emit('c')
			i += 3
		case strings.HasPrefix(t[i:], "DZH"):
			emit('j')
			i += 3
		case c == 'C' && next == 'H', c == 'C' && next == 'Z':
			emit('c')
			i += 2
		case c == 'S' && (next == 'H' || next == 'Z'):
			emit('x')
			i += 2
		case (c == 'Z' && next == 'H') || (c == 'D' && next == 'J'):
			emit('j')
			i += 2
		case c == 'K' && next == 'H':
			emit('H')
			i += 2
		case c == 'G' && next == 'H':
			emit('G')
			i += 2
		case c == 'P' && next == 'H':
			emit('F')
			i += 2
		case c == 'T' && next == 'H':
			emit('T')
			i += 2
		case c == 'D' && next == 'H':
			emit('D')
			i += 2
		case c == 'C' && next == 'K':
			emit('K')
			i += 2
		case c == 'C' && (next == 'E' || next == 'I' || next == 'Y'):
			emit('S')
			i++
		case c == 'C' || c == 'Q':
			emit('K')
			i++
		case c == 'X':
			emit('K')
			out = append(out, 'S')
			i++
		case c == 'W':
			emit('V')
			i++
		case c == 'J':
			emit('j')
			i++
		default:
			emit(c)
			i++
		}
	}
	return string(out)
}

func isVowelY(c byte) bool {
	switch c {
	case 'A', 'E', 'I', 'O', 'U', 'Y':
		return true
	}
	return false
}

func vowelClass(c byte) byte {
	switch c {
	case 'A', 'E':
		return 1
	case 'I', 'Y', 'J':
		return 2
	}
	return 4
}

// PhoneticKey returns a coarse sound key of a normalised token, for names
// of any of the cultures on the lists: it starts from SpellKey and keeps
// only consonant classes — B/P/V/W one class (Spanish B/V, Arabic lacking
// P), F, K/G/Q/C, T/D, S/Z, the hushing sounds SH/CH/ZH/J/Y-consonant,
// L, R, M, N — drops H (silent in Spanish and French, dropped between
// vowels in Arabic romanisations) and all vowels but a leading one. Unlike
// Soundex it keeps every consonant (no truncation to four) and knows
// digraphs of several languages; unlike Metaphone it is not English-only.
// Arabic-script names romanised without short vowels (MHMD) meet their
// vocalised Latin spellings here.
func PhoneticKey(tok string) string {
	k := SpellKey(tok)
	out := make([]byte, 0, len(k))
	// Consonants merge only when adjacent in the spelling: M-H-M in
	// MUHAMMAD stays two Ms after H is dropped.
	vowelSince := true
	emit := func(c byte) {
		if vowelSince || len(out) == 0 || out[len(out)-1] != c {
			out = append(out, c)
		}
		vowelSince = false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch c {
		case 'A', 'E', 'I', 'O', 'U', 'W', 'Y':
			if len(out) == 0 { // a leading vowel, also after a silent H
				out = append(out, '*')
			}
			vowelSince = true
			continue
		case 'H':
			vowelSince = true
			continue
		case 'P', 'V':
			c = 'B'
		case 'G', 'Q', 'C':
			if c == 'G' && i > 0 && k[i-1] == 'N' {
				continue // NG is one sound (YONG, CHENG, ZHANG)
			}
			c = 'K'
		case 'D':
			c = 'T'
		case 'Z':
			c = 'S'
		case 'x', 'c', 'j', 'y':
			c = 'J'
		}
		emit(c)
	}
	return string(out)
}
