//go:generate go tool msgp -io=false -tests=false
//msgp:limit arrays:200000 maps:64

package bundle

// IssuerFacts are the data the fraud heuristics rest on, carried in the
// signed bundle so a list owner can update them without a new app. Owned by
// internal/fraud (which ships the built-in default set).
type IssuerFacts struct {
	Version   string     `msg:"version"`
	Issuers   []Issuer   `msg:"issuers,limit=1024"`
	Specimens []Specimen `msg:"specimens,limit=4096"`
	// SpecimenTokens are words that only specimen documents carry in the
	// name ("SPECIMEN", "MUSTERMANN"); an entry of several words matches
	// when every word is a name component ("CESHI YANGBEN").
	SpecimenTokens []string `msg:"specimen_tokens,limit=1024"`
}

// Issuer holds what is known about one issuing state's ordinary passports.
type Issuer struct {
	State      string          `msg:"state"`
	Confidence string          `msg:"conf"` // "high" or "low"
	Numbers    []NumberPattern `msg:"numbers,limit=256"`
	Validity   []ValidityRule  `msg:"validity,limit=256"`
	Sources    []string        `msg:"sources,limit=256"`
	Notes      string          `msg:"notes"`
	// NumbersPartial says Numbers does not cover every ordinary passport
	// this state issues (CHN: Hong Kong and Macao SAR passports carry the
	// issuer code CHN with their own numbering), so a number that fits no
	// pattern is only noted, never a reason to review.
	NumbersPartial bool `msg:"num_partial"`
	// ReplacementKeepsExpiry says a passport replacing a lost one keeps the
	// lost passport's expiry (ESP), so a period shorter than the regular
	// one is explained by a replacement.
	ReplacementKeepsExpiry bool `msg:"repl_keeps_expiry"`
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
	Months  []int  `msg:"months,limit=256"`
	From    string `msg:"from"`
	To      string `msg:"to"`
	Note    string `msg:"note"`
	LowConf bool   `msg:"low_conf"`
	// Limited marks a lawful but exceptional period (a replacement after
	// repeated losses, a one-year book when requirements were not met): a
	// document explained only by a limited rule is a reason for review.
	Limited bool `msg:"limited"`
	// GraceDays widens each period by up to this many days (GBR 2001–2018
	// carried up to nine months of the old passport's validity over).
	GraceDays int `msg:"grace_days"`
	// UntilAge, when set, lets the document expire instead on the holder's
	// birthday of that age when it comes before the listed period (IND
	// minors: five years or until 18, whichever is earlier).
	UntilAge int `msg:"until_age"`
}

// Specimen is a published specimen document.
type Specimen struct {
	State   string `msg:"state"`
	Number  string `msg:"num"`
	Surname string `msg:"sur"`
	Given   string `msg:"given"`
	Source  string `msg:"source"`
	// CommonName says real people carry this name (MARTIN SARAH): the
	// specimen is then recognised by its number only.
	CommonName bool `msg:"common_name"`
}
