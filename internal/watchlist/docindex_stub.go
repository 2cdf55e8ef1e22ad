package watchlist

import "lookout/internal/bundle"

// BuildDocIndex builds the compact lost/stolen document structure stored in
// bundle.Payload.DocIndex. (Placeholder until the document index lands.)
func BuildDocIndex(lookouts []bundle.DocLookout) ([]byte, error) { return nil, nil }
