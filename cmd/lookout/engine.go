package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// policy reads the trusted keys from --trust, else LOOKOUT_TRUST, else the
// keys compiled in. Trust is never taken from the bundle.
func (l *listFlags) policy(env *cmdEnv) (bundle.Policy, error) {
	v := l.trust
	if v == "" {
		v = env.getenv("LOOKOUT_TRUST")
	}
	if v == "" && trustedKeys != "" {
		keys, err := bundle.ParseKeys(strings.ReplaceAll(trustedKeys, ",", "\n"))
		if err != nil {
			return bundle.Policy{}, fmt.Errorf("compiled-in trusted keys: %v", err)
		}
		return bundle.Policy{Keys: keys}, nil
	}
	if v == "" {
		return bundle.Policy{}, errors.New("no trusted keys: give --trust KEYS or set LOOKOUT_TRUST")
	}
	keys, err := parseTrust(v)
	if err != nil {
		return bundle.Policy{}, err
	}
	return bundle.Policy{Keys: keys}, nil
}

// parseTrust reads a verifier key given inline or a file of keys.
func parseTrust(v string) ([]bundle.Key, error) {
	if k, err := bundle.ParseKey(v); err == nil {
		return []bundle.Key{k}, nil
	}
	b, err := os.ReadFile(v)
	if err != nil {
		return nil, fmt.Errorf("--trust %q is neither a verifier key nor a readable file: %v", v, err)
	}
	keys, err := bundle.ParseKeys(string(b))
	if err != nil {
		return nil, fmt.Errorf("trust file %s: %v", v, err)
	}
	return keys, nil
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
