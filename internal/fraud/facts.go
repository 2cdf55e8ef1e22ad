package fraud

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sync"

	"lookout/internal/bundle"
)

// DefaultFactsVersion identifies the built-in issuer facts.
const DefaultFactsVersion = "builtin-2026-11-26"

// open is an open age bound.
const open = -1

// vr builds a validity rule.
func vr(minAge, maxAge int, from, to string, months ...int) bundle.ValidityRule {
	return bundle.ValidityRule{MinAge: minAge, MaxAge: maxAge, From: from, To: to, Months: months}
}

func limited(r bundle.ValidityRule, note string) bundle.ValidityRule {
	r.Limited, r.Note = true, note
	return r
}

func lowConf(r bundle.ValidityRule, note string) bundle.ValidityRule {
	r.LowConf, r.Note = true, note
	return r
}

func noted(r bundle.ValidityRule, note string) bundle.ValidityRule {
	r.Note = note
	return r
}

// DefaultFacts returns the built-in issuer facts: every fact the project's
// research notes (§2.2, §2.3) establish from an issuer publication or a
// reviewed source. Facts the notes mark unverified are left out (Venezuelan
// number format, El Salvador's validity) or carried as low confidence, so
// that on their own they never raise more than info. Each call returns a
// fresh copy the caller may change.
func DefaultFacts() *bundle.IssuerFacts {
	return &bundle.IssuerFacts{
		Version: DefaultFactsVersion,
		Issuers: []bundle.Issuer{
			{
				State: "MEX", Confidence: "high",
				Numbers: []bundle.NumberPattern{{DocType: "P", Regex: `[A-Z][0-9]{8}`}},
				Validity: []bundle.ValidityRule{
					vr(0, 2, "", "", 12, 36),
					vr(3, 17, "", "", 36, 72),
					vr(18, open, "", "", 36, 72, 120),
					limited(vr(3, open, "", "", 12), "1 year: urgent medical care, requirements not all met, consular protection"),
					lowConf(vr(0, open, "", "2016-06-11", 12, 36, 60),
						"1, 3 or 5 years (2007 cable); the date this scheme ended is not established — assumed no later than the 12 Jun 2016 edition"),
				},
				Sources: []string{"gob.mx/sre, trámite de pasaporte", "embamex.sre.gob.mx", "2007 cable (1/3/5-year scheme)", "validator.js isPassportNumber (MX)"},
				Notes: "Replacement passports are the same book with full validity (2007 cable). MRP editions Jan 2008, 27 Aug 2012, " +
					"12 Jun 2016; e-passport from 5 Oct 2021 (no chip before). CURP printed on the data page. Holding two ordinary passports is prohibited.",
			},
			{
				State: "USA", Confidence: "high",
				Numbers: []bundle.NumberPattern{
					{DocType: "P", Regex: `[0-9]{9}`, Note: "books before the Next Generation Passport"},
					{DocType: "P", Regex: `[A-Z][0-9]{8}`, From: "2021-01-01", Note: "Next Generation Passport book"},
					{DocType: "IP", Regex: `C[0-9]{8}`, Note: "passport card"},
				},
				Validity: []bundle.ValidityRule{
					vr(16, open, "", "", 120),
					vr(0, 15, "", "", 60),
					limited(vr(0, open, "", "", 12), "limited to 1 year after a second loss within 10 years"),
				},
				Sources: []string{"travel.state.gov (Next Generation Passport FAQ)", "do.usembassy.gov (lost passports)", "22 CFR 51.8", "validator.js isPassportNumber (US, bdb8f9ea)"},
			},
			{
				State: "GBR", Confidence: "high",
				Numbers: []bundle.NumberPattern{{DocType: "P", Regex: `[0-9]{9}`}},
				Validity: []bundle.ValidityRule{
					vr(16, open, "", "2000-12-31", 120),
					vr(0, 15, "", "2000-12-31", 60),
					graced(vr(16, open, "2001-01-01", "2018-09-30", 120), 276, "up to 9 months of the old passport carried over (2001 to Sep 2018)"),
					graced(vr(0, 15, "2001-01-01", "2018-09-30", 60), 276, "up to 9 months of the old passport carried over (2001 to Sep 2018)"),
					noted(vr(16, open, "2018-09-01", "", 120), "nothing carried over"),
					vr(0, 15, "2018-09-01", "", 60),
				},
				Sources: []string{"UK Parliament written answer 171360 (2023)", "gov.uk"},
			},
			{
				State: "CAN", Confidence: "high",
				Numbers: []bundle.NumberPattern{
					{DocType: "P", Regex: `[A-Z]{2}[0-9]{6}`},
					{DocType: "P", Regex: `[A-Z][0-9]{6}[A-Z]{2}`, From: "2023-01-01", Note: "2023 design"},
				},
				Validity: []bundle.ValidityRule{
					vr(0, 2, "", "2013-06-30", 36),
					vr(3, open, "", "2013-06-30", 60),
					vr(16, open, "2013-07-01", "", 60, 120),
					vr(0, 15, "2013-07-01", "", 60),
				},
				Sources: []string{"canada.ca 2013 notice", "cic.gc.ca", "validator.js isPassportNumber (CA, 7ab06c4f)"},
			},
			{
				State: "D", Confidence: "high",
				Numbers: []bundle.NumberPattern{{DocType: "P", Regex: `[CFGHJKLMNPRTVWXYZ0-9]{9}`, Note: "no vowels"}},
				Validity: []bundle.ValidityRule{
					vr(24, open, "", "", 120),
					vr(0, 23, "", "", 72),
				},
				Sources: []string{"municipal notices (ebersbach.de, wittich.de)", "validator.js isPassportNumber (DE)"},
				Notes:   "The Kinderreisepass (1 year from 2021, abolished 1 Jan 2024) is a separate document.",
			},
			{
				State: "FRA", Confidence: "high",
				Numbers: []bundle.NumberPattern{{DocType: "P", Regex: `[0-9]{2}[A-Z]{2}[0-9]{5}`}},
				Validity: []bundle.ValidityRule{
					vr(18, open, "", "", 120),
					vr(0, 17, "", "", 60),
					limited(vr(0, open, "", "", 12), "temporary passport: 1 year"),
				},
				Sources: []string{"French municipal and travel pages", "validator.js isPassportNumber (FR)"},
			},
			{
				State: "ESP", Confidence: "high", ReplacementKeepsExpiry: true,
				Numbers: []bundle.NumberPattern{{DocType: "P", Regex: `[A-Z0-9]{2}[A-Z0-9]?[0-9]{6}`, Note: "three letters and six digits observed"}},
				Validity: []bundle.ValidityRule{
					vr(0, 4, "", "", 24),
					vr(5, 29, "", "", 60),
					vr(30, open, "", "", 120),
					until(vr(0, 13, "", "", 60), 14, "under 14 without DNI: until 14, at most 5 years"),
					limited(vr(0, open, "", "", 6), "later losses: may be limited to 6 months"),
				},
				Sources: []string{"dnie.es", "administracion.gob.es", "validator.js isPassportNumber (ES)"},
				Notes:   "A duplicate after a loss keeps the lost passport's expiry.",
			},
			{
				State: "COL", Confidence: "high",
				Validity: []bundle.ValidityRule{
					noted(vr(18, open, "", "", 120), "minors re-document at 7 and 18: not modelled"),
				},
				Sources: []string{"El Tiempo", "Wikipedia ES", "radiosantafe"},
				Notes:   "E-passport from 1 Sep 2015; conventional passports invalid from 24 Nov 2015. Emergency passports: 7 months.",
			},
			{
				State: "GTM", Confidence: "high",
				Validity: []bundle.ValidityRule{
					vr(0, open, "", "", 60),
					noted(vr(18, open, "2022-05-01", "", 120), "since late May 2022 (AMN 003-2022)"),
				},
				Sources: []string{"igm.gob.gt", "La Hora", "Soy502"},
			},
			{
				State: "HND", Confidence: "high",
				Validity: []bundle.ValidityRule{
					vr(21, open, "", "", 60, 120),
					vr(0, 20, "", "", 60),
				},
				Sources: []string{"hch.tv", "elheraldo.hn", "cuentanos.org"},
				Notes:   "E-passport from 22 Mar 2022.",
			},
			{
				State: "CUB", Confidence: "high",
				Validity: []bundle.ValidityRule{
					noted(vr(0, open, "", "2023-06-30", 72), "with a prórroga every 2 years"),
					vr(16, open, "2023-07-01", "", 120),
					vr(0, 15, "2023-07-01", "", 60),
				},
				Sources: []string{"actualidadcuba.com", "miamiactualidad.com (DACCRE statements)", "papertotravel.com"},
				Notes:   "6-year books coexist with the new ones until 2029.",
			},
			{
				State: "VEN", Confidence: "high",
				Validity: []bundle.ValidityRule{
					noted(vr(0, open, "", "2021-03-21", 60), "before Gaceta Oficial 42.092"),
					noted(vr(0, 3, "2021-03-22", "", 36), "Gaceta Oficial 42.092 (22 Mar 2021)"),
					vr(3, 17, "2021-03-22", "", 60),
					vr(18, open, "2021-03-22", "", 120),
					lowConf(vr(0, open, "2021-03-22", "2021-12-31", 60), "assumed transition: books issued with the old validity after the decree"),
				},
				Sources: []string{"redradiove.com (SAIME)", "notiactual.com", "bratterpa.com", "Wikipedia"},
				Notes: "A 7 Jun 2019 National Assembly decree extends passports 5 years beyond the printed expiry, recognised by about 50 states " +
					"(not for entering or leaving Venezuela); prórroga stickers extend validity outside the MRZ. Number format unverified: not carried.",
			},
			{
				State: "CHN", Confidence: "high", NumbersPartial: true,
				Numbers: []bundle.NumberPattern{
					{DocType: "P", Regex: `G[0-9]{8}`, To: "2012-12-31", Note: "before the e-passport (15 May 2012); late stock allowed to the end of 2012"},
					{DocType: "P", Regex: `E[A-HJ-NP-Z0-9][0-9]{7}`, From: "2012-05-15", Note: "e-passport"},
				},
				Validity: []bundle.ValidityRule{
					noted(vr(0, open, "", "2006-12-31", 60), "one 5-year extension possible"),
					noted(vr(16, open, "2007-01-01", "", 120), "Passport Law art. 7"),
					vr(0, 15, "2007-01-01", "", 60),
				},
				Sources: []string{"english.court.gov.cn (PRC Passport Law)", "IRB CHN103722.E", "validator.js isPassportNumber (CN, 69881b69)"},
				Notes:   "Hong Kong and Macao SAR passports also carry CHN and have their own numbering: numbers outside the patterns are only noted.",
			},
			{
				State: "IND", Confidence: "high",
				Numbers: []bundle.NumberPattern{{DocType: "P", Regex: `[A-Z][0-9]{7}`}},
				Validity: []bundle.ValidityRule{
					vr(18, open, "", "", 120),
					until(vr(0, 17, "", "", 60), 18, "minors: 5 years or until 18, whichever is earlier"),
					lowConf(vr(15, 17, "", "", 120), "15 to 17 may opt for 10 years (one secondary source)"),
				},
				Sources: []string{"itzeazy.in", "paisawiki.com", "validator.js isPassportNumber (IN)"},
				Notes:   "Short-validity passports exist.",
			},
			{
				State: "SYR", Confidence: "high",
				Validity: []bundle.ValidityRule{
					vr(0, open, "", "", 72),
					limited(vr(0, open, "", "", 24), "2 years for men who have not done military service"),
				},
				Sources: []string{"Wikipedia (Syrian passport)", "IRB SYR105232.E", "The New Arab (Bild am Sonntag, 10 Sep 2017)"},
				Notes: "18,002 blank passports stolen, about 11,100 held by IS; German authorities hold the serial list (2017). " +
					"No serial numbers are public: load them as stolen-blank document lookouts when available. Biometric from 21 Aug 2023.",
			},
			{
				State: "IRQ", Confidence: "high", NumbersPartial: true,
				Numbers: []bundle.NumberPattern{
					{DocType: "P", Regex: `[MNH][0-9]+`, To: "2003-12-31", Note: "series before 2003"},
					{DocType: "P", Regex: `S[0-9]+`, From: "2003-01-01", To: "2006-12-31", Note: "S series 2003–06, not accepted: large numbers stolen and forged"},
					{DocType: "P", Regex: `G[0-9]+`, From: "2006-04-01", Note: "G series from April 2006 (end date uncertain)"},
					{DocType: "P", Regex: `A[0-9]+`, From: "2009-10-01", Note: "A series"},
					{DocType: "P", Regex: `[0-9CFGHJKLMNPRTVWXYZ]{9}`, From: "2023-01-01", Note: "e-passport (2023)"},
				},
				Validity: []bundle.ValidityRule{
					noted(vr(0, 15, "", "", 48), "age cut 15 or 16: sources differ"),
					vr(15, open, "", "", 96),
				},
				Sources: []string{"IRB IRQ105844.E", "Asharq Al-Awsat", "Baghdadhope", "Wikipedia (Iraqi passport)"},
				Notes:   "Digit counts of the older series are not established: numbers outside the patterns are only noted.",
			},
		},
		Specimens: defaultSpecimens(),
		SpecimenTokens: []string{
			"SPECIMEN", "SPECIMIN", "MUSTER", "MUSTERMANN", "VZOR", "CESHI YANGBEN",
		},
	}
}

func graced(r bundle.ValidityRule, days int, note string) bundle.ValidityRule {
	r.GraceDays, r.Note = days, note
	return r
}

func until(r bundle.ValidityRule, age int, note string) bundle.ValidityRule {
	r.UntilAge, r.Note = age, note
	return r
}

func defaultSpecimens() []bundle.Specimen {
	const (
		icao    = "ICAO Doc 9303 example"
		cheminf = "cheminfo/mrz tests"
		tests   = "public MRZ test suites"
		mustela = "MustelaItatsi/MrzParser tests (PRADO)"
	)
	sp := func(state, number, sur, given, source string) bundle.Specimen {
		return bundle.Specimen{State: state, Number: number, Surname: sur, Given: given, Source: source}
	}
	common := func(s bundle.Specimen) bundle.Specimen { s.CommonName = true; return s }
	return []bundle.Specimen{
		common(sp("UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", icao+" (TD3)")),
		sp("UTO", "D23145890", "", "", icao+" (TD1)"),
		sp("UTO", "D23145890734", "STEVENSON", "PETER JOHN", icao+" (TD1, long number)"),
		sp("D", "C01X0006H", "MUSTERMANN", "ERIKA", mustela+" DEU-BP-03001"),
		sp("D", "L01XPVM8J", "MUSTERMANN", "ERIKA", mustela+" DEU-BO-02004 (ID card 2021)"),
		sp("D", "C<0000000", "MUSTERMANN", "ERIKA", cheminf+" (old temporary ID)"),
		sp("USA", "340007237", "TRAVELER", "HAPPY", tests),
		sp("USA", "150000003", "TRAVELER", "HAPPY", tests),
		sp("USA", "E00007730", "TRAVELER", "HAPPY", tests),
		sp("USA", "C03004964", "TRAVELER", "HAPPY", "validator.js tests (passport card)"),
		sp("GBR", "925076473", "UK SPECIMEN", "ANGELA ZOE", tests),
		sp("GBR", "533401372", "UK SPECIMEN", "ANGELA ZOE", tests),
		sp("GBR", "533028754", "UK SPECIMEN", "ANGELA ZOE", tests),
		sp("GBR", "999230763", "UK SPECIMEN", "ANGELA ZOE", tests),
		sp("GBR", "999204900", "UK SPECIMEN", "ANGELA ZOE", tests),
		common(sp("CAN", "ZE000509", "MARTIN", "SARAH", "validator.js tests (2013)")),
		common(sp("CAN", "P123456AA", "MARTIN", "SARAH", "SynthPass notes (2023 design)")),
		sp("ESP", "ZAB000254", "ESPANOLA ESPANOLA", "CARMEN", mustela+" ESP-AO-05001"),
		sp("ESP", "BAA000589", "ESPANOLA ESPANOLA", "CARMEN", tests+" (DNI)"),
		sp("ESP", "CAA000000", "ESPANOLA ESPANOLA", "CARMEN", tests+" (DNI)"),
		common(sp("FRA", "X4RTBPFW4", "MARTIN", "MAELYS GAELLE MARIE", mustela+" FRA-BO-03001 (ID card 2021)")),
		sp("PRT", "007777779ZZ9", "CACADOR DE ARAUJO", "ANDRE ESTEV", cheminf+" (ID card, long number)"),
		sp("PRT", "007666667ZZ0", "CACADOR DE ARAUJO", "ANDRE ESTEV", cheminf+" (ID card, long number)"),
		sp("BEL", "600001795015", "SPECIMEN", "SPECIMEN", cheminf+" (ID card)"),
		sp("FIN", "XA1000058", "SPECIMEN TRAVEL", "VILMA SOFIA", cheminf+" (ID card)"),
		sp("CZE", "99009054", "SPECIMEN", "VZOR", tests),
		sp("CHN", "G62292599", "CESHI", "YANGBEN", cheminf+" (TD3)"),
		common(sp("CHN", "E59659321", "ABULIKEMU", "ABULA", cheminf+" (TD3)")),
	}
}

// defaultFacts is the built-in set Evaluate uses when given none. Built once
// and only read: Evaluate never writes to facts.
var defaultFacts = sync.OnceValue(DefaultFacts)

// CheckFacts validates issuer facts before use (a bundle loader calls it):
// every pattern compiles, every date reads, every period is positive and
// every age band is ordered. The error names the issuer and the entry.
func CheckFacts(f *bundle.IssuerFacts) error {
	if f == nil {
		return errors.New("issuer facts: nil")
	}
	var errs []error
	seen := map[string]bool{}
	for i, is := range f.Issuers {
		where := fmt.Sprintf("issuer facts: issuers[%d] (%s)", i, is.State)
		if is.State == "" {
			errs = append(errs, fmt.Errorf("%s: empty state", where))
		}
		if seen[is.State] {
			errs = append(errs, fmt.Errorf("%s: state listed twice", where))
		}
		seen[is.State] = true
		if !slices.Contains([]string{"high", "low", ""}, is.Confidence) {
			errs = append(errs, fmt.Errorf("%s: confidence %q is not high or low", where, is.Confidence))
		}
		for j, p := range is.Numbers {
			w := fmt.Sprintf("%s: numbers[%d]", where, j)
			if _, err := regexp.Compile(`^(?:` + p.Regex + `)$`); err != nil || p.Regex == "" {
				errs = append(errs, fmt.Errorf("%s: pattern %q does not compile: %v", w, p.Regex, err))
			}
			errs = append(errs, checkRange(w, p.From, p.To))
		}
		for j, r := range is.Validity {
			w := fmt.Sprintf("%s: validity[%d]", where, j)
			if len(r.Months) == 0 {
				errs = append(errs, fmt.Errorf("%s: no periods", w))
			}
			for _, m := range r.Months {
				if m <= 0 || m > 240 {
					errs = append(errs, fmt.Errorf("%s: period of %d months is out of range", w, m))
				}
			}
			if r.MinAge < 0 || (r.MaxAge != open && r.MaxAge < r.MinAge) {
				errs = append(errs, fmt.Errorf("%s: age band %d..%d is not ordered (-1 is open)", w, r.MinAge, r.MaxAge))
			}
			if r.GraceDays < 0 || r.GraceDays > 366 || r.UntilAge < 0 {
				errs = append(errs, fmt.Errorf("%s: grace days %d or until age %d out of range", w, r.GraceDays, r.UntilAge))
			}
			errs = append(errs, checkRange(w, r.From, r.To))
		}
	}
	for i, s := range f.Specimens {
		if s.State == "" || (s.Number == "" && s.Surname == "") {
			errs = append(errs, fmt.Errorf("issuer facts: specimens[%d]: needs a state and a number or a name", i))
		}
	}
	return errors.Join(errs...)
}

func checkRange(where, from, to string) error {
	a, err := parseOptDate(from)
	if err != nil {
		return fmt.Errorf("%s: from %q is not YYYY-MM-DD", where, from)
	}
	b, err := parseOptDate(to)
	if err != nil {
		return fmt.Errorf("%s: to %q is not YYYY-MM-DD", where, to)
	}
	if !a.IsZero() && !b.IsZero() && b.Before(a) {
		return fmt.Errorf("%s: range %s..%s ends before it starts", where, from, to)
	}
	return nil
}
