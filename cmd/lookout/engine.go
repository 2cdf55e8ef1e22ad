package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"lookout/internal/bundle"
	"lookout/internal/screen"
)

// listFlags are the flags of every command that screens against a list:
// the bundle, the keys it must be signed with, and where the rollback
// floor is kept.
type listFlags struct {
	bundle string
	trust  string
	state  string
}

func (l *listFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&l.bundle, "bundle", "", "signed list bundle (.lkb)")
	fs.StringVar(&l.trust, "trust", "", "trusted verifier keys: a key, or a file of keys one per line (default $LOOKOUT_TRUST)")
	fs.StringVar(&l.state, "state", "", "rollback-floor state file (default $LOOKOUT_STATE, else lookout/state in the user config dir; \"none\" keeps no state)")
}

// trustedKeys are verifier keys compiled into the binary
// (-ldflags '-X main.trustedKeys=KEY[,KEY…]'), used when neither --trust
// nor LOOKOUT_TRUST is given. `make build` compiles in the demo key.
var trustedKeys string

// policy reads the trusted keys (bundleTrust). Trust is never taken from
// the bundle.
func (l *listFlags) policy(env *cmdEnv) (bundle.Policy, error) {
	keys, err := bundleTrust(env, l.trust)
	if err != nil {
		return bundle.Policy{}, err
	}
	return bundle.Policy{Keys: keys}, nil
}

// store is the rollback floor: a file on disk so a laptop never goes back
// to an older list than it has seen.
func (l *listFlags) store(env *cmdEnv) (bundle.RollbackStore, error) {
	p := l.state
	if p == "" {
		p = env.getenv("LOOKOUT_STATE")
	}
	if p == "none" {
		return nil, nil
	}
	if p == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return nil, nil // no home: only the bundle's own checks apply
		}
		p = filepath.Join(dir, "lookout", "state")
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return nil, fmt.Errorf("rollback state %s: %v", p, err)
	}
	return bundle.FileStore{Path: p}, nil
}

// engine loads and verifies --bundle into a new screening engine.
func (l *listFlags) engine(env *cmdEnv) (*screen.Engine, error) {
	eng := screen.New()
	if l.bundle == "" {
		return nil, errors.New("no list: give --bundle FILE")
	}
	pol, err := l.policy(env)
	if err != nil {
		return nil, err
	}
	st, err := l.store(env)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(l.bundle)
	if err != nil {
		return nil, err
	}
	if _, err := eng.Load(data, pol, st, time.Now()); err != nil {
		return nil, fmt.Errorf("bundle %s rejected: %v", l.bundle, err)
	}
	return eng, nil
}
