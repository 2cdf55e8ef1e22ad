package bundle

// IssuerFacts are the data the fraud heuristics rest on, carried in the
// signed bundle so a list owner can update them without a new app. Owned by
// internal/fraud (which ships the built-in default set).
type IssuerFacts struct {
	Version   string     `msg:"version"`
	Issuers   []Issuer   `msg:"issuers"`
	Specimens []Specimen `msg:"specimens"`
}

// Issuer holds what is known about one issuing state's ordinary passports.
type Issuer struct {
	State      string          `msg:"state"`
	Confidence string          `msg:"conf"` // "high" or "low"
	Numbers    []NumberPattern `msg:"numbers"`
	Validity   []ValidityRule  `msg:"validity"`
	Sources    []string        `msg:"sources"`
	Notes      string          `msg:"notes"`
}

// NumberPattern is a document-number regular expression that applied to
// documents issued between From and To (YYYY-MM-DD, either may be empty).
type NumberPattern struct {
	DocType string `msg:"doctype"` // "P", "I", ... ; "" for any
	Regex   string `msg:"re"`
	From    string `msg:"from"`
	To      string `msg:"to"`
	Note    string `msg:"note"`
}

// ValidityRule lists the allowed issue-to-expiry periods, in months, for
// holders aged MinAge..MaxAge (years, at issue; -1 for open) and documents
// issued between From and To.
type ValidityRule struct {
	MinAge  int    `msg:"min_age"`
	MaxAge  int    `msg:"max_age"`
	Months  []int  `msg:"months"`
	From    string `msg:"from"`
	To      string `msg:"to"`
	Note    string `msg:"note"`
	LowConf bool   `msg:"low_conf"`
}

// Specimen is a published specimen document.
type Specimen struct {
	State   string `msg:"state"`
	Number  string `msg:"num"`
	Surname string `msg:"sur"`
	Given   string `msg:"given"`
	Source  string `msg:"source"`
}
