package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// progress draws a one-line bar on stderr when stderr is a terminal (or
// when asked with "on"), at most ten times a second.
type progress struct {
	enabled bool
	w       io.Writer
	label   string
	total   int64
	n       atomic.Int64
	mu      sync.Mutex
	last    time.Time
	start   time.Time
}

func newProgress(env *cmdEnv, mode string, total int, label string) *progress {
	p := &progress{w: env.stderr, label: label, total: int64(total), start: time.Now()}
	switch mode {
	case "on":
		p.enabled = true
	case "auto":
		p.enabled = isTerminal(env.stderr)
	}
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (p *progress) tick() {
	n := p.n.Add(1)
	if !p.enabled {
		return
	}
	if !p.mu.TryLock() {
		return
	}
	defer p.mu.Unlock()
	if time.Since(p.last) < 100*time.Millisecond && n != p.total {
		return
	}
	p.last = time.Now()
	p.draw(n)
}

func (p *progress) draw(n int64) {
	const width = 30
	frac := 1.0
	if p.total > 0 {
		frac = float64(n) / float64(p.total)
	}
	filled := int(frac * width)
	bar := make([]byte, width)
	for i := range bar {
		if i < filled {
			bar[i] = '#'
		} else {
			bar[i] = '.'
		}
	}
	rate := float64(n) / time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "\r%s [%s] %d/%d %3.0f%% %.0f/s", p.label, bar, n, p.total, frac*100, rate)
}

func (p *progress) done() {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	p.draw(p.n.Load())
	p.mu.Unlock()
	fmt.Fprintln(p.w)
}
