package watchlist

import "lookout/internal/bundle"

// BuildNameIndex builds the prebuilt match index stored in
// bundle.Payload.NameIndex. (Placeholder until the matcher lands; it is
// replaced by the real index builder.)
func BuildNameIndex(entries []bundle.Entry) ([]byte, error) { return nil, nil }
