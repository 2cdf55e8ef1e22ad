package bundle

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// FileStore is a RollbackStore kept in one small text file, one line per
// environment and list:
//
//	ENV LIST SEQ HEADER-HASH-BASE64 ISSUED
//
// Writes go to a temporary file renamed over the old one, so a crash
// leaves either the old or the new state.
type FileStore struct {
	Path string
}

// Get implements RollbackStore.
func (s FileStore) Get(env, list string) (RollbackState, bool, error) {
	all, err := s.load()
	if err != nil {
		return RollbackState{}, false, err
	}
	st, ok := all[env+"/"+list]
	return st, ok, nil
}

// Put implements RollbackStore.
func (s FileStore) Put(st RollbackState) error {
	all, err := s.load()
	if err != nil {
		return err
	}
	all[st.Env+"/"+st.List] = st
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# lookout rollback state: env list seq header-sha256 issued\n")
	for _, k := range keys {
		v := all[k]
		fmt.Fprintf(&b, "%s %s %d %s %s\n", v.Env, v.List, v.Seq,
			base64.StdEncoding.EncodeToString(v.HeaderHash[:]), v.Issued.UTC().Format(timeLayout))
	}
	if dir := filepath.Dir(s.Path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	tmp := s.Path + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, s.Path)
}

func (s FileStore) load() (map[string]RollbackState, error) {
	all := map[string]RollbackState{}
	data, err := os.ReadFile(s.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return all, nil
	}
	if err != nil {
		return nil, err
	}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: want 5 fields, found %d", s.Path, i+1, len(f))
		}
		seq, err := parseDecimal(f[2], maxSeq)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: seq: %v", s.Path, i+1, err)
		}
		hash, err := parseHash(f[3])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: hash: %v", s.Path, i+1, err)
		}
		issued, err := time.Parse(timeLayout, f[4])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: issued: %v", s.Path, i+1, err)
		}
		all[f[0]+"/"+f[1]] = RollbackState{Env: f[0], List: f[1], Seq: seq, HeaderHash: hash, Issued: issued}
	}
	return all, nil
}
