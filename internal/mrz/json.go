package mrz

import (
	"bytes"
	"encoding/json"
)

// commonFields are the fields of every format, in the JSON order of Fields.
type commonFields struct {
	DocumentType   string `json:"document_type"`
	IssuingState   string `json:"issuing_state"`
	Surname        string `json:"surname"`
	GivenNames     string `json:"given_names"`
	DocumentNumber string `json:"document_number"`
	Nationality    string `json:"nationality"`
	BirthDate      string `json:"birth_date"`
	Sex            string `json:"sex"`
	ExpiryDate     string `json:"expiry_date"`
}

type derivedFields struct {
	BirthDateISO       string `json:"birth_date_iso,omitempty"`
	ExpiryDateISO      string `json:"expiry_date_iso,omitempty"`
	IssuingStateName   string `json:"issuing_state_name,omitempty"`
	NationalityName    string `json:"nationality_name,omitempty"`
	IssuingStateNameES string `json:"issuing_state_name_es,omitempty"`
	NationalityNameES  string `json:"nationality_name_es,omitempty"`
}

type td1Fields struct {
	commonFields
	OptionalData1 string `json:"optional_data_1"`
	OptionalData2 string `json:"optional_data_2"`
	derivedFields
}

type otherFields struct {
	commonFields
	OptionalData string `json:"optional_data"`
	derivedFields
}

// MarshalJSON writes the document with the optional-data keys of its
// format always present, even when empty: optional_data_1 and
// optional_data_2 for TD1, optional_data for the others. Consumers of
// `lookout check --json` rely on the keys being there.
func (d Document) MarshalJSON() ([]byte, error) {
	type plain Document // no methods: no recursion
	f := d.Fields
	common := commonFields{f.DocumentType, f.IssuingState, f.Surname, f.GivenNames, f.DocumentNumber,
		f.Nationality, f.BirthDate, f.Sex, f.ExpiryDate}
	derived := derivedFields{f.BirthDateISO, f.ExpiryDateISO, f.IssuingStateName, f.NationalityName,
		f.IssuingStateNameES, f.NationalityNameES}
	var fields any = otherFields{common, f.OptionalData, derived}
	if d.Format == TD1 {
		fields = td1Fields{common, f.OptionalData1, f.OptionalData2, derived}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	// Zones are full of '<': keep them readable rather than \u003c.
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Format Format `json:"format"`
		Valid  bool   `json:"valid"`
		Fields any    `json:"fields"`
		plain
	}{d.Format, d.Valid, fields, plain(d)})
	return bytes.TrimRight(b.Bytes(), "\n"), err
}
