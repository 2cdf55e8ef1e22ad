// Package mrz parses, validates, repairs and generates the machine readable
// zones of ICAO Doc 9303 travel documents.
//
// # Reading
//
// [Parse] reads one zone (TD1, TD2, TD3, MRV-A, MRV-B or the pre-2021
// French identity card) and returns a [Document]: the fields, the evidence
// of every check digit and a list of [Finding]s, each pinned to the
// characters it is about. Only empty or oversized input is an error; a
// malformed zone is a Document with error findings, read as far as it can
// be. [Split] cuts text holding several zones into single zones.
//
// # Repair
//
// What a passport reader gets wrong is repaired only when a check digit
// proves it: a letter where the field allows only digits (or the reverse)
// is replaced by its look-alike when that makes the covering check digit
// pass and no other look-alike would; a line one filler short or long is
// realigned when exactly one placement makes every check digit pass. Swaps
// no check digit can see (G/6, U/0, K/<…, see [Indistinguishable]) are only
// ever suggested. Every repair and suggestion is a finding. The policy and
// the table of finding codes are in docs/mrz.md; [FindingCodes] lists the
// codes with their severities and message templates.
//
// # Writing
//
// [Generate] prints a correct zone from fields, with check digits, long
// document numbers and name truncation; [CheckDigit] is the 7-3-1 digit.
//
// This file is the package's contract with the rest of Lookout (fraud,
// screen, the CLI and the page): the exported names below are relied upon.
// Fields may be added; none may be removed or change meaning.
package mrz

import "time"

// Format is the layout of a machine readable zone.
type Format string

// The formats Lookout reads.
const (
	TD1      Format = "TD1"       // 3 lines of 30: ID cards
	TD2      Format = "TD2"       // 2 lines of 36
	TD3      Format = "TD3"       // 2 lines of 44: passports
	MRVA     Format = "MRVA"      // 2 lines of 44: visas
	MRVB     Format = "MRVB"      // 2 lines of 36: visas
	FrenchID Format = "FRENCH_ID" // 2 lines of 36: French national ID card before 2021
)

// Severity ranks a finding.
type Severity string

// Severities, from the most to the least serious.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevInfo    Severity = "info"
)

// Finding is one thing the parser noticed, pinned to the characters it is
// about. Line is 1-based; Start and End are a 0-based half-open character
// range on that line (Start == End == 0 with Line == 0 when the finding is
// about the whole zone).
type Finding struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Field    string   `json:"field,omitempty"`
	Line     int      `json:"line"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Message  string   `json:"message"`
	// Params holds the values filled into the code's message template
	// (see FindingCodes), so that translations can rebuild the message.
	Params map[string]string `json:"params,omitempty"`
}

// Fields holds the document's fields as printed, fillers stripped, names
// with '<' turned into spaces. Dates are YYMMDD exactly as printed.
type Fields struct {
	DocumentType   string `json:"document_type"`
	IssuingState   string `json:"issuing_state"`
	Surname        string `json:"surname"`
	GivenNames     string `json:"given_names"`
	DocumentNumber string `json:"document_number"`
	Nationality    string `json:"nationality"`
	BirthDate      string `json:"birth_date"`
	Sex            string `json:"sex"`
	ExpiryDate     string `json:"expiry_date"`
	// OptionalData is set for TD2, TD3, MRV-A, MRV-B and the French ID.
	OptionalData string `json:"optional_data,omitempty"`
	// OptionalData1 and OptionalData2 are set for TD1.
	OptionalData1 string `json:"optional_data_1,omitempty"`
	OptionalData2 string `json:"optional_data_2,omitempty"`

	// The fields below are derived by Parse and ignored by Generate.

	// BirthDateISO and ExpiryDateISO are the dates with their century
	// resolved (YYYY-MM-DD); empty when the printed date is not a full
	// calendar date.
	BirthDateISO  string `json:"birth_date_iso,omitempty"`
	ExpiryDateISO string `json:"expiry_date_iso,omitempty"`
	// IssuingStateName and NationalityName are the English names of the
	// codes (ICAO wording for Doc 9303 codes); the ES variants are Spanish.
	// Empty for unknown codes.
	IssuingStateName   string `json:"issuing_state_name,omitempty"`
	NationalityName    string `json:"nationality_name,omitempty"`
	IssuingStateNameES string `json:"issuing_state_name_es,omitempty"`
	NationalityNameES  string `json:"nationality_name_es,omitempty"`
}

// CheckResult is the evidence of one check digit.
type CheckResult struct {
	Name     string `json:"name"`  // document_number, birth_date, expiry_date, optional_data, composite
	State    string `json:"state"` // "verified", "refuted", "not_printed"
	Expected string `json:"expected,omitempty"`
	Printed  string `json:"printed"`
	Line     int    `json:"line"`
	Pos      int    `json:"pos"` // 0-based position of the check digit on its line
	// Variant names a non-ICAO computation that was needed to verify,
	// e.g. "filler_included" for the BEL/PRT long-number variant.
	Variant string `json:"variant,omitempty"`
}

// Document is the result of parsing one MRZ.
type Document struct {
	Format Format `json:"format"`
	// Valid is true when no finding has severity error.
	Valid  bool     `json:"valid"`
	Lines  []string `json:"lines"` // the lines as read (after whitespace cleanup, before repair)
	Fields Fields   `json:"fields"`
	// Repaired holds the lines after confirmed OCR repairs; equal to Lines when none applied.
	Repaired []string `json:"repaired,omitempty"`

	// Resolved dates; the zero time when the printed date is not a calendar date.
	Birth  time.Time `json:"-"`
	Expiry time.Time `json:"-"`

	Checks   []CheckResult `json:"checks"`
	Findings []Finding     `json:"findings"`

	// Specimen is true when the issuing state or nationality is UTO, the
	// ICAO specimen state: such a zone can be valid but is never a real
	// document.
	Specimen bool `json:"specimen,omitempty"`
}

// Options controls parsing. The zero value is strict and uses time.Now.
type Options struct {
	// Now anchors the century of birth and expiry dates. Zero means time.Now().
	Now time.Time
	// NoRepair disables OCR-confusion repair and filler realignment
	// (suggestions are still made).
	NoRepair bool
}
