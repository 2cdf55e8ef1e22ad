package source

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedWatchlists finds ../shared/data/watchlists by walking up from the
// package directory (CI clones the repository beside a shared/ folder);
// it skips the test when the folder is absent, as in a user's clone.
func sharedWatchlists(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "data", "watchlists")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared/data/watchlists not found beside the repository: real-list tests skipped")
		}
		dir = parent
	}
}
