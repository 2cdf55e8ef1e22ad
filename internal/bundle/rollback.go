package bundle

import (
	"sync"
	"time"
)

// RollbackState is what a host remembers about the last bundle it
// accepted for one environment and list.
type RollbackState struct {
	Env        string
	List       string
	Seq        uint64
	HeaderHash [32]byte
	Issued     time.Time
}

// RollbackStore persists the rollback floor. Hosts implement it: a file
// for the CLI (FileStore), IndexedDB in the page, memory in tests.
type RollbackStore interface {
	// Get returns the state stored for env and list; ok is false when
	// nothing is stored.
	Get(env, list string) (st RollbackState, ok bool, err error)
	// Put records a newly accepted bundle.
	Put(st RollbackState) error
}

// MemoryStore is an in-memory RollbackStore, safe for concurrent use.
type MemoryStore struct {
	mu sync.Mutex
	m  map[string]RollbackState
}

// Get implements RollbackStore.
func (s *MemoryStore) Get(env, list string) (RollbackState, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.m[env+"/"+list]
	return st, ok, nil
}

// Put implements RollbackStore.
func (s *MemoryStore) Put(st RollbackState) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]RollbackState{}
	}
	s.m[st.Env+"/"+st.List] = st
	return nil
}
