package wasm

import (
	"crypto/sha256"
	"errors"
	"sync"
	"time"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

// ErrEmpty is returned by Compile for an empty byte slice.
var ErrEmpty = errors.New("wasm: empty module")

// A CompileError reports bytes that are not a valid WebAssembly module.
type CompileError struct {
	Msg string // Wasmtime's explanation
}

// Error returns "wasm: invalid module: " and Wasmtime's explanation.
func (e *CompileError) Error() string { return "wasm: invalid module: " + e.Msg }

// Where Load found a module (LoadInfo.Source).
const (
	SourceMemory   = "memory"   // compiled earlier in this process
	SourceDisk     = "disk"     // deserialized from the disk cache
	SourceCompiled = "compiled" // compiled now
)

// A LoadInfo says how Load obtained a module.
type LoadInfo struct {
	Source    string        // SourceMemory, SourceDisk or SourceCompiled
	Duration  time.Duration // time spent in Load
	CachePath string        // the disk cache entry, "" when the disk cache is off
	// CacheErr is a disk cache problem that Load worked around: an entry
	// that was corrupt or from another engine (recompiled and replaced),
	// or one that could not be written. Nil when all went well.
	CacheErr error
}

// cache maps the sha256 of module bytes to the compiled module.
var cache struct {
	sync.Mutex
	mods map[[sha256.Size]byte]*Module
}

// Compile compiles a WebAssembly binary, or returns the module compiled
// earlier from the same bytes (in this process, or on disk when the disk
// cache is on). Invalid bytes give a *CompileError.
func Compile(wasm []byte) (*Module, error) {
	m, _, err := Load(wasm)
	return m, err
}

// Load is Compile that also says where the module came from. It looks in
// memory, then in the disk cache (see SetDiskCache), and compiles only when
// both miss, storing the result in both.
func Load(wasm []byte) (m *Module, info LoadInfo, err error) {
	defer recoverTo(&err)
	start := time.Now()
	defer func() { info.Duration = time.Since(start) }()
	if len(wasm) == 0 {
		return nil, info, ErrEmpty
	}
	sum := sha256.Sum256(wasm)
	cache.Lock()
	m = cache.mods[sum]
	cache.Unlock()
	if m != nil {
		info.Source = SourceMemory
		return m, info, nil
	}
	// Compile outside the lock: two goroutines racing on the same bytes both
	// compile, and the first to store wins. While the disk cache entry is
	// read, the engine is created (on first use) and the bytes analyzed, in
	// goroutines of their own.
	dc := currentDiskCache()
	if dc != nil {
		Prewarm()
	}
	an := startAnalysis(wasm)
	var mod *wasmtime.Module
	if dc != nil {
		info.CachePath = dc.path(sum)
		mod, info.CacheErr = dc.read(info.CachePath)
		if mod != nil {
			info.Source = SourceDisk
		}
	}
	if mod == nil {
		mod, err = compileModule(wasm)
		if err != nil {
			an.wait() // the caller may reuse wasm once Load returns
			return nil, info, err
		}
		info.Source = SourceCompiled
		if dc != nil {
			if err := dc.write(info.CachePath, mod); err != nil && info.CacheErr == nil {
				info.CacheErr = err
			}
		}
	}
	m = wrapAnalyzed(mod, sum, an)
	cache.Lock()
	defer cache.Unlock()
	if prev := cache.mods[sum]; prev != nil {
		return prev, info, nil
	}
	if cache.mods == nil {
		cache.mods = make(map[[sha256.Size]byte]*Module)
	}
	cache.mods[sum] = m
	return m, info, nil
}

// ClearCache forgets every module cached in memory (not on disk). Modules
// already handed out stay usable.
func ClearCache() {
	cache.Lock()
	cache.mods = nil
	cache.Unlock()
}

// CacheLen returns the number of modules in the memory cache.
func CacheLen() int {
	cache.Lock()
	defer cache.Unlock()
	return len(cache.mods)
}
