package mrz

import (
	"slices"
	"strings"
)

// CodeInfo describes one finding code: its stable name, its severity and an
// English message template. Placeholders in braces ({line}, {value}…) are
// filled from the finding's Params, so a translation can use the same
// placeholders in its own word order.
type CodeInfo struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// The finding codes. Their names are stable: translations and the fraud
// heuristics key on them.
const (
	CodeLineCount              = "line_count"
	CodeLinesJoined            = "lines_joined"
	CodeLineLength             = "line_length"
	CodeLineRealigned          = "line_realigned"
	CodeLowercase              = "lowercase"
	CodeInvalidCharacter       = "invalid_character"
	CodeCharacterNotAllowed    = "character_not_allowed"
	CodeDocumentCodeInvalid    = "document_code_invalid"
	CodeDocumentCodeUnusual    = "document_code_unusual"
	CodeCountryUnknown         = "country_unknown"
	CodeCountrySpecimen        = "country_specimen"
	CodeCountryDeprecated      = "country_deprecated"
	CodeCountryNonstandard     = "country_nonstandard"
	CodeCountryNotAccepted     = "country_not_accepted"
	CodeCountryNationalityOnly = "country_nationality_only"
	CodeNameEmpty              = "name_empty"
	CodeNameSingleIdentifier   = "name_single_identifier"
	CodeNameTruncated          = "name_truncated"
	CodeNameIrregular          = "name_irregular"
	CodeDocumentNumberEmpty    = "document_number_empty"
	CodeCheckDigitMismatch     = "check_digit_mismatch"
	CodeCheckDigitFiller       = "check_digit_filler"
	CodeCheckDigitFillerZero   = "check_digit_filler_zero"
	CodeLongNumberVariant      = "long_number_variant"
	CodeLongNumberMalformed    = "long_number_malformed"
	CodeDateInvalid            = "date_invalid"
	CodeDatePartial            = "date_partial"
	CodeExpired                = "expired"
	CodeExpiryBeforeBirth      = "expiry_before_birth"
	CodeSexX                   = "sex_x"
	CodeSexInvalid             = "sex_invalid"
	CodeOCRRepaired            = "ocr_repaired"
	CodeOCRSuggestion          = "ocr_suggestion"
)

var codeTable = []CodeInfo{
	{CodeLineCount, SevError, "the zone has {count} lines; read as {format}, which has {expected}"},
	{CodeLinesJoined, SevWarning, "the zone was read with missing line breaks ({length} characters) and split into {count} lines of {expected}"},
	{CodeLineLength, SevError, "line {line} has {length} characters; a {format} line has {expected}"},
	{CodeLineRealigned, SevWarning, "line {line} has {length} characters; a {format} line has {expected}. Only with the {action} filler at position {pos} taken into account does every check digit pass, so the line was read that way"},
	{CodeLowercase, SevWarning, "line {line} has lower-case letters; they were read as capitals"},
	{CodeInvalidCharacter, SevError, "line {line}, position {pos}: {char} is not an MRZ character (only A–Z, 0–9 and < are)"},
	{CodeCharacterNotAllowed, SevError, "line {line}, position {pos}: {char} is not allowed in the {field} ({allowed})"},
	{CodeDocumentCodeInvalid, SevError, "document code {value} is not valid for {format}: {expected}"},
	{CodeDocumentCodeUnusual, SevWarning, "document code {value} is unusual for {format}: {reason}"},
	{CodeCountryUnknown, SevError, "{field} {value} is not a known state or organisation code"},
	{CodeCountrySpecimen, SevInfo, "{field} {value} is Utopia, the ICAO specimen state: this is a specimen, not a real document"},
	{CodeCountryDeprecated, SevWarning, "{field} {value} ({name}) is a withdrawn code"},
	{CodeCountryNonstandard, SevWarning, "{field} {value} ({name}) is seen on real documents but is not a Doc 9303 code"},
	{CodeCountryNotAccepted, SevError, "{field} {value} ({name}) is not a code that a genuine travel document carries"},
	{CodeCountryNationalityOnly, SevWarning, "issuing state {value} is a nationality code for stateless persons or refugees, not an issuer"},
	{CodeNameEmpty, SevError, "the {field} is empty"},
	{CodeNameSingleIdentifier, SevInfo, "the name has a single identifier, read as the surname: {name}"},
	{CodeNameTruncated, SevInfo, "the {field} fills its last position and may be truncated"},
	{CodeNameIrregular, SevWarning, "the {field} has fillers where Doc 9303 puts none (line {line}, position {pos})"},
	{CodeDocumentNumberEmpty, SevError, "the document number is empty"},
	{CodeCheckDigitMismatch, SevError, "the {check} check digit is {printed}; the data give {expected}"},
	{CodeCheckDigitFiller, SevError, "the {check} check digit is < but the field is not empty; the data give {expected}"},
	{CodeCheckDigitFillerZero, SevWarning, "the {check} check digit is printed as <, which counts as 0, where the data give 0; Doc 9303 prints the digit"},
	{CodeLongNumberVariant, SevWarning, "the long document number's check digit {printed} matches only when the < at line {line}, position {pos} is counted, as on some Belgian and Portuguese cards; Doc 9303 gives {expected}"},
	{CodeLongNumberMalformed, SevError, "the document number continues into the optional data, but {reason}"},
	{CodeDateInvalid, SevError, "the {field} {value} is not a calendar date"},
	{CodeDatePartial, SevWarning, "the {field} {value} is partly unknown (fillers in place of digits)"},
	{CodeExpired, SevInfo, "the document expired on {date}"},
	{CodeExpiryBeforeBirth, SevError, "the expiry date {expiry} is before the birth date {birth}"},
	{CodeSexX, SevWarning, "sex is X: Doc 9303 zones use M, F or <, but some states print X"},
	{CodeSexInvalid, SevError, "sex {value} is not M, F or <"},
	{CodeOCRRepaired, SevWarning, "line {line}, position {pos}: {from} was read as {to}; the {check} check digit confirms it"},
	{CodeOCRSuggestion, SevInfo, "line {line}, position {pos}: {from} may be {to}; {reason}"},
}

var codeIndex = func() map[string]int {
	m := make(map[string]int, len(codeTable))
	for i, c := range codeTable {
		m[c.Code] = i
	}
	return m
}()

// FindingCodes returns every finding code the parser can produce, with its
// severity and English message template.
func FindingCodes() []CodeInfo {
	return append([]CodeInfo(nil), codeTable...)
}

// Params carries the values a finding's message template refers to; it is
// kept on the finding so that a translation can rebuild the message.
type Params = map[string]string

// newFinding builds a finding from the code table. line is 1-based (0 for
// the whole zone); start and end are a 0-based half-open range.
func newFinding(code, field string, line, start, end int, params Params) Finding {
	info := codeTable[codeIndex[code]]
	return Finding{
		Code:     code,
		Severity: info.Severity,
		Field:    field,
		Line:     line,
		Start:    start,
		End:      end,
		Message:  fillTemplate(info.Message, params),
		Params:   params,
	}
}

// fillTemplate replaces {name} with params[name]; unknown placeholders stay
// as they are so a missing value is visible rather than silently blank.
func fillTemplate(tmpl string, params Params) string {
	if len(params) == 0 {
		return tmpl
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 48)
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(tmpl[:i])
		key := tmpl[i+1 : i+j]
		if v, ok := params[key]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
	b.WriteString(tmpl)
	return b.String()
}

// sortFindings orders findings by line and position, zone-wide ones first,
// keeping the parser's order among equals.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Start - b.Start
	})
}
