package wasm

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
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

// A moduleKey names module bytes cheaply: their length and two CRC-32s of
// different polynomials, 64 bits of checksum that the CPU computes at
// several GB/s (the crc32 instruction for CRC-32C, carry-less
// multiplication for IEEE on amd64; arm64 has instructions for both). For
// a 220 KB module, the key and a comparison of the bytes took 0.025 ms
// where SHA-256 took 0.19 ms. A key is
// not a fingerprint: different bytes may share one, by accident or by
// design (CRCs are linear, so collisions are easy to construct). A key
// only finds candidates; the memory cache compares the bytes themselves,
// and so does the disk cache, whose entries hold the bytes they were
// compiled from. A collision costs a compilation, never a wrong module.
type moduleKey struct {
	size uint64 // length in bytes
	crcC uint32 // CRC-32C (Castagnoli)
	crcI uint32 // CRC-32 (IEEE)
	mode Mode   // the engine the module is compiled for
}

// keyOf returns the key of wasm.
func keyOf(wasm []byte) moduleKey {
	return moduleKey{
		size: uint64(len(wasm)),
		crcC: crc32.Checksum(wasm, castagnoli),
		crcI: crc32.ChecksumIEEE(wasm),
	}
}

// appendKey appends the 17-byte encoding of k to b.
func (k moduleKey) appendKey(b []byte) []byte {
	b = binary.LittleEndian.AppendUint64(b, k.size)
	b = binary.LittleEndian.AppendUint32(b, k.crcC)
	b = binary.LittleEndian.AppendUint32(b, k.crcI)
	return append(b, byte(k.mode))
}

// cache maps the key of module bytes to the modules compiled from bytes
// with that key: almost always one, more only after a collision. Slices
// are only ever appended to, under the lock, so a slice read under the
// lock may be searched after it is released.
var cache struct {
	sync.Mutex
	mods map[moduleKey][]*Module
}

// cachedModule returns the module in the memory cache compiled from
// exactly wasm, whose key is k, or nil.
func cachedModule(k moduleKey, wasm []byte) *Module {
	cache.Lock()
	mods := cache.mods[k]
	cache.Unlock()
	for _, m := range mods {
		if bytes.Equal(m.wasm, wasm) {
			return m
		}
	}
	return nil
}

// storeModule adds m, whose bytes have the key k, to the memory cache and
// returns it, or returns the module another goroutine stored meanwhile
// for the same bytes.
func storeModule(k moduleKey, m *Module) *Module {
	cache.Lock()
	defer cache.Unlock()
	for _, prev := range cache.mods[k] {
		if bytes.Equal(prev.wasm, m.wasm) {
			return prev
		}
	}
	if cache.mods == nil {
		cache.mods = make(map[moduleKey][]*Module)
	}
	cache.mods[k] = append(cache.mods[k], m)
	return m
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
// both miss, storing the result in both. The module is Interruptible. A
// module that records another ABI version than the runtime's gives an
// *ABIError.
func Load(wasm []byte) (m *Module, info LoadInfo, err error) {
	return LoadMode(wasm, Interruptible)
}

// LoadMode is Load for the engine of mode: a Fast module runs faster and
// its calls cannot have a time limit. The two modes of the same bytes are
// two modules, cached apart.
func LoadMode(wasm []byte, mode Mode) (m *Module, info LoadInfo, err error) {
	defer recoverTo(&err)
	start := time.Now()
	defer func() { info.Duration = time.Since(start) }()
	if len(wasm) == 0 {
		return nil, info, ErrEmpty
	}
	if mode != Fast {
		mode = Interruptible
	}
	k := keyOf(wasm)
	k.mode = mode
	return load(wasm, k)
}

// load is Load given the key of wasm. Tests pass keys of their own to
// make different bytes collide.
func load(wasm []byte, k moduleKey) (*Module, LoadInfo, error) {
	var info LoadInfo
	if m := cachedModule(k, wasm); m != nil {
		info.Source = SourceMemory
		return m, info, nil
	}
	// A module of another ABI is refused before anything is compiled or
	// cached (a module in memory passed this check when it was loaded).
	if err := checkABI(wasm); err != nil {
		return nil, info, err
	}
	// Compile outside the lock: two goroutines racing on the same bytes both
	// compile, and the first to store wins. While the disk cache entry is
	// read, the engine is created (on first use) and the bytes copied and
	// analyzed, in goroutines of their own.
	dc := currentDiskCache()
	if dc != nil {
		Prewarm()
	}
	an := startAnalysis(wasm)
	var mod *wasmtime.Module
	if dc != nil {
		info.CachePath = dc.path(k)
		mod, info.CacheErr = dc.read(info.CachePath, wasm, k.mode)
		if mod != nil {
			info.Source = SourceDisk
		}
	}
	if mod == nil {
		var err error
		mod, err = compileModule(wasm, k.mode)
		if err != nil {
			an.wait() // the caller may reuse wasm once Load returns
			return nil, info, err
		}
		info.Source = SourceCompiled
		// This replaces an entry that held other bytes with the same key
		// (a collision): the latest bytes loaded keep the name.
		if dc != nil {
			if err := dc.write(info.CachePath, mod, wasm); err != nil && info.CacheErr == nil {
				info.CacheErr = err
			}
		}
	}
	m := wrapAnalyzed(mod, an)
	m.mode = k.mode
	return storeModule(k, m), info, nil
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
	n := 0
	for _, mods := range cache.mods {
		n += len(mods)
	}
	return n
}
