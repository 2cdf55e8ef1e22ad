package web

import (
	"encoding/json"
	"regexp"
	"testing"
)

func readKeys(t *testing.T, name string) map[string]string {
	t.Helper()
	b, err := files.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// Every data-i18n key the page uses exists in the English file.
func TestPageUsesOnlyKnownMessageKeys(t *testing.T) {
	en := readKeys(t, "i18n/en.json")
	page, _ := files.ReadFile("index.html")
	re := regexp.MustCompile(`data-i18n="([^"]+)"|:([a-z_.]+)[";]`)
	for _, m := range re.FindAllStringSubmatch(string(page), -1) {
		k := m[1] + m[2]
		if _, ok := en[k]; !ok {
			t.Errorf("index.html uses unknown key %q", k)
		}
	}
	for _, f := range []string{"js/app.js", "js/render.js", "js/batch.js"} {
		src, _ := files.ReadFile(f)
		for _, m := range regexp.MustCompile(`\bt\('([a-z_.]+)'`).FindAllStringSubmatch(string(src), -1) {
			if _, ok := en[m[1]]; !ok {
				t.Errorf("%s uses unknown key %q", f, m[1])
			}
		}
	}
}
