//go:build !unix

package watchlist

import "time"

// cpuTime is unavailable here (js/wasm): the harness reports wall time only.
func cpuTime() time.Duration { return 0 }
