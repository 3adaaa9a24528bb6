package wasm

import (
	"crypto/sha256"
	"errors"
	"sync"
)

// ErrEmpty is returned by Compile for an empty byte slice.
var ErrEmpty = errors.New("wasm: empty module")

// A CompileError reports bytes that are not a valid WebAssembly module.
type CompileError struct {
	Msg string // Wasmtime's explanation
}

// Error returns "wasm: invalid module: " and Wasmtime's explanation.
func (e *CompileError) Error() string { return "wasm: invalid module: " + e.Msg }

// cache maps the sha256 of module bytes to the compiled module.
var cache struct {
	sync.Mutex
	mods map[[sha256.Size]byte]*Module
}

// Compile compiles a WebAssembly binary, or returns the module compiled
// earlier from the same bytes. Invalid bytes give a *CompileError.
func Compile(wasm []byte) (m *Module, err error) {
	defer recoverTo(&err)
	if len(wasm) == 0 {
		return nil, ErrEmpty
	}
	sum := sha256.Sum256(wasm)
	cache.Lock()
	m = cache.mods[sum]
	cache.Unlock()
	if m != nil {
		return m, nil
	}
	// Compile outside the lock: two goroutines racing on the same bytes both
	// compile, and the first to store wins.
	m, err = newModule(wasm, sum)
	if err != nil {
		return nil, err
	}
	cache.Lock()
	defer cache.Unlock()
	if prev := cache.mods[sum]; prev != nil {
		return prev, nil
	}
	if cache.mods == nil {
		cache.mods = make(map[[sha256.Size]byte]*Module)
	}
	cache.mods[sum] = m
	return m, nil
}

// ClearCache forgets every cached module. Modules already handed out stay
// usable.
func ClearCache() {
	cache.Lock()
	cache.mods = nil
	cache.Unlock()
}

// CacheLen returns the number of modules in the cache.
func CacheLen() int {
	cache.Lock()
	defer cache.Unlock()
	return len(cache.mods)
}
