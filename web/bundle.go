package web

// EmbeddedBundle returns the list bundle built into the binary
// (build/list.lkb), or an error when the binary was built without one.
// The native server screens against it when no --bundle is given.
func EmbeddedBundle() ([]byte, error) { return files.ReadFile("build/list.lkb") }
