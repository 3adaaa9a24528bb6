package wasm

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/abi"
)

// The disk cache keeps compiled modules across processes: Wasmtime's
// serialized form of each module in a file of its own (cacheentry.go gives
// the format), named by
//
//	sha256(format, our version, module ABI version, Wasmtime version, engine settings, GOOS/GOARCH, key of the wasm bytes)
//
// so that anything that changes the machine code changes the name. The key
// (length and two CRC-32s, cache.go) is what the memory cache uses too; it
// is cheap, and different bytes may share it, so every entry also holds the
// wasm bytes it was compiled from, and a reader uses the entry only when
// they equal the bytes being loaded. An entry for other bytes is a miss
// that is never handed to Wasmtime: Load compiles and replaces it. (The
// SHA-256 here hashes a short string, not the module.)
//
// Files are written to a temporary name in the same directory and renamed
// into place, so a reader sees a whole entry or none, and two processes
// writing the same entry both succeed (the last rename wins; both wrote
// the same thing, or, after a collision, each reader checks which bytes it
// got). An entry is never changed in place once it has its name. A reader
// checks the lengths, the checksum and the wasm bytes before handing the
// entry to Wasmtime, whose deserializer trusts its input; an entry that
// fails the first two checks, or that Wasmtime rejects (another engine,
// another CPU), is recompiled and replaced.
//
// Only the user's own files are trusted. The directory is created with
// mode 0700, and one that another user owns or that group or others may
// write to is refused, as pip and ssh refuse theirs: its files become
// machine code in this process. An entry is opened without blocking and
// without following a symbolic link, and used only if it is a regular file
// owned by the user (readEntry): a FIFO planted under an entry's name
// would block the open forever, a file of another user would run as this
// one. Anything else is an *UnsafeEntryError, compiled and replaced like
// a corrupt entry.
//
// The checksum guards against damage (a truncated write, a flipped bit), not
// against an adversary: only the user can write the directory, and a user
// who can write it can already run code as themselves. CRC-32C is computed
// by the CPU's crc32 instruction at several GB/s, where SHA-256 of a 2 MiB
// artifact took 1.5 ms, most of a warm load. The wasm bytes, compared in
// full, are what tie an entry to a module, not the checksum or the name.
//
// Why read the entry into memory rather than let Wasmtime map it? A module
// that Wasmtime maps from its file (NewModuleDeserializeFile) runs its
// machine code from the page cache: if another tool truncates the file or
// rewrites it in place meanwhile (an entry is never changed by us, but a
// cleaner, a sync tool or a user may), the process dies of SIGBUS at the
// next call, or runs code that was never checked. No guard can catch that
// fault: it happens inside WebAssembly or Wasmtime, not in Go. So the
// reader reads the whole file once, checks exactly those bytes and hands
// them to NewModuleDeserialize, which copies them into memory of its own;
// what happens to the file afterwards cannot reach the module. The copy
// costs about 0.15 ms per module and process: a warm load of a
// 400-function module (a 258 KB entry) in a fresh process took 0.58-0.62
// ms at best against 0.42-0.45 ms mapped (RATIONALE.md gives the figures).

// ErrCorruptEntry is wrapped by LoadInfo.CacheErr when a disk cache entry
// failed its checks and was replaced.
var ErrCorruptEntry = errors.New("wasm: corrupt disk cache entry")

// An UnsafeEntryError reports a cache entry that is not used because it
// is not a regular file of the current user (a FIFO, a symbolic link, a
// file of another user): Load compiles the module and renames a new entry
// over it.
type UnsafeEntryError struct {
	Path, Reason string
}

// Error names the entry and the reason.
func (e *UnsafeEntryError) Error() string {
	return fmt.Sprintf("wasm: cache entry %s is %s; not using it", e.Path, e.Reason)
}

// An UnsafeCacheDirError reports a cache directory that another user owns
// or that other users can write to.
type UnsafeCacheDirError struct {
	Dir    string
	Mode   fs.FileMode
	Reason string // "owned by uid 65534, ...", "writable by other users (mode ...)"
}

// Error names the directory and what is wrong with it.
func (e *UnsafeCacheDirError) Error() string {
	return fmt.Sprintf("wasm: cache directory %s is %s; not using it", e.Dir, e.Reason)
}

// diskCache is a configured cache directory.
type diskCache struct {
	dir  string
	salt string // our version; part of every key
}

var disk struct {
	sync.Mutex
	dc *diskCache
}

// SetDiskCache turns the disk cache on in dir (created with mode 0700 if
// missing), keyed also by version (the caller's version: a new release
// never loads an old release's entries). A relative dir is resolved
// against the working directory now, once: changing directory later does
// not move the cache. An empty dir turns it off. The cache is off until
// this is called; a refused directory (*UnsafeCacheDirError) leaves it off.
func SetDiskCache(dir, version string) error {
	disk.Lock()
	disk.dc = nil
	disk.Unlock()
	if dir == "" {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("wasm: cache directory: %w", err)
	}
	dir = abs
	if err := prepareCacheDir(dir); err != nil {
		return err
	}
	disk.Lock()
	disk.dc = &diskCache{dir: dir, salt: version}
	disk.Unlock()
	return nil
}

// DiskCacheDir returns the disk cache directory, or "" when it is off.
func DiskCacheDir() string {
	if dc := currentDiskCache(); dc != nil {
		return dc.dir
	}
	return ""
}

// DefaultCacheDir returns $MULTILINGUAL_CACHE_DIR when set, else
// "multilingualprogramming" in the user's cache directory
// (~/.cache/multilingualprogramming on Linux).
func DefaultCacheDir() (string, error) {
	if d := os.Getenv("MULTILINGUAL_CACHE_DIR"); d != "" {
		return d, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "multilingualprogramming"), nil
}

// currentDiskCache returns the configured cache, or nil.
func currentDiskCache() *diskCache {
	disk.Lock()
	defer disk.Unlock()
	return disk.dc
}

// prepareCacheDir creates dir with mode 0700 if needed and refuses one that
// another user owns or that group or others may write to (except on
// Windows, whose modes say nothing).
func prepareCacheDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("wasm: cache directory: %w", err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("wasm: cache directory: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("wasm: cache directory %s is not a directory", dir)
	}
	if runtime.GOOS == "windows" {
		return nil
	}
	perm := fi.Mode().Perm()
	if uid, ok := dirOwner(fi); ok && uid != os.Getuid() {
		return &UnsafeCacheDirError{Dir: dir, Mode: perm,
			Reason: fmt.Sprintf("owned by uid %d, not by this user (uid %d)", uid, os.Getuid())}
	}
	if perm&0o022 != 0 {
		return &UnsafeCacheDirError{Dir: dir, Mode: perm, Reason: fmt.Sprintf("writable by other users (mode %v)", perm)}
	}
	return nil
}

// wasmtimeVersion returns the version of wasmtime-go linked in, from the
// build information ("v39" if it is missing). It is computed once, not
// for every key.
var wasmtimeVersion = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/bytecodealliance/wasmtime-go/v39" {
				return d.Version
			}
		}
	}
	return "v39"
})

// abiVersion is the module ABI version (core/abi) as part of a key: a
// runtime of another ABI never reads this one's entries.
var abiVersion = "abi" + strconv.Itoa(abi.Version)

// key returns the file name stem of the entry for the module whose bytes
// have the key k.
func (dc *diskCache) key(k moduleKey) string {
	h := sha256.New()
	for _, part := range []string{cacheMagic, dc.salt, abiVersion, wasmtimeVersion(), k.mode.settings(), runtime.GOOS + "/" + runtime.GOARCH} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	h.Write(k.appendKey(nil))
	return hex.EncodeToString(h.Sum(nil))
}

// path returns the entry file for the module whose bytes have the key k.
func (dc *diskCache) path(k moduleKey) string {
	return filepath.Join(dc.dir, dc.key(k)+".cwasm")
}

// read returns the module in the entry at path, compiled from wasm: nil
// and a nil error when there is none or it holds other bytes, nil and an
// error wrapping ErrCorruptEntry when the entry is bad, or an
// *UnsafeEntryError when it is not the user's regular file (the caller
// recompiles and overwrites it in every case).
func (dc *diskCache) read(path string, wasm []byte, mode Mode) (*wasmtime.Module, error) {
	data, err := readEntry(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("wasm: reading cache entry: %w", err)
	}
	artifact, stored, err := checkEntry(data)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %v", ErrCorruptEntry, path, err)
	}
	if !bytes.Equal(stored, wasm) {
		return nil, nil // other bytes with the same key
	}
	mod, err := wasmtime.NewModuleDeserialize(engineFor(mode), artifact)
	if err != nil {
		return nil, fmt.Errorf("%w %s: Wasmtime rejects it: %v", ErrCorruptEntry, path, err)
	}
	return mod, nil
}

// write serializes mod, compiled from wasm, into the entry at path: a
// temporary file in the same directory, renamed into place.
func (dc *diskCache) write(path string, mod *wasmtime.Module, wasm []byte) error {
	artifact, err := mod.Serialize()
	if err != nil {
		return fmt.Errorf("wasm: serializing for the cache: %w", err)
	}
	f, err := os.CreateTemp(dc.dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("wasm: writing cache entry: %w", err)
	}
	tmp := f.Name()
	err = writeEntry(f, artifact, wasm)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("wasm: writing cache entry: %w", err)
	}
	schedulePrune(dc.dir) // prune.go
	return nil
}
