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
	"sync"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

// The disk cache keeps compiled modules across processes: Wasmtime's
// serialized form of each module in a file of its own (cacheentry.go gives
// the format), named by
//
//	sha256(format, our version, Wasmtime version, engine settings, GOOS/GOARCH, key of the wasm bytes)
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
// another CPU), is recompiled and replaced. The directory is created with mode 0700, and one
// that other users may write to is refused: its files become machine code
// in this process.
//
// The checksum guards against damage (a truncated write, a flipped bit), not
// against an adversary: only the user can write the directory, and a user
// who can write it can already run code as themselves. CRC-32C is computed
// by the CPU's crc32 instruction at several GB/s, where SHA-256 of a 2 MiB
// artifact took 1.5 ms, most of a warm load. The wasm bytes, compared in
// full, are what tie an entry to a module, not the checksum or the name.
//
// Why let Wasmtime map the entry? Reading a 250 KB entry and handing the
// bytes to NewModuleDeserialize, which copies them again, took about
// 0.5 ms in a new process; NewModuleDeserializeFile maps the file and runs
// the code in place, about 0.3 ms. The reader maps the entry itself
// (mapfile_unix.go), verifies that mapping, and gives Wasmtime the name
// /proc/self/fd/N of the file it verified, so that an entry renamed over
// the name meanwhile is never used unchecked. Where there is no such name
// (other systems), or Wasmtime cannot open it, the verified bytes are
// deserialized instead. A mapped module relies on its file staying as it
// is, which holds because entries are only ever replaced by a rename,
// never rewritten.

// ErrCorruptEntry is wrapped by LoadInfo.CacheErr when a disk cache entry
// failed its checks and was replaced.
var ErrCorruptEntry = errors.New("wasm: corrupt disk cache entry")

// An UnsafeCacheDirError reports a cache directory that other users can
// write to.
type UnsafeCacheDirError struct {
	Dir  string
	Mode fs.FileMode
}

// Error names the directory and its mode.
func (e *UnsafeCacheDirError) Error() string {
	return fmt.Sprintf("wasm: cache directory %s is writable by other users (mode %v); not using it", e.Dir, e.Mode)
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
// never loads an old release's entries). An empty dir turns it off. The
// cache is off until this is called.
func SetDiskCache(dir, version string) error {
	if dir == "" {
		disk.Lock()
		disk.dc = nil
		disk.Unlock()
		return nil
	}
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
// group or others may write to (except on Windows, whose modes say nothing).
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
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o022 != 0 {
		return &UnsafeCacheDirError{Dir: dir, Mode: fi.Mode().Perm()}
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

// key returns the file name stem of the entry for the module whose bytes
// have the key k.
func (dc *diskCache) key(k moduleKey) string {
	h := sha256.New()
	for _, part := range []string{cacheMagic, dc.salt, wasmtimeVersion(), k.mode.settings(), runtime.GOOS + "/" + runtime.GOARCH} {
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
// error wrapping ErrCorruptEntry when the entry is bad (the caller
// recompiles and overwrites it in both cases).
func (dc *diskCache) read(path string, wasm []byte, mode Mode) (*wasmtime.Module, error) {
	mf, err := mapFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("wasm: reading cache entry: %w", err)
	}
	defer mf.close()
	artifact, stored, err := checkEntry(mf.bytes())
	if err != nil {
		return nil, fmt.Errorf("%w %s: %v", ErrCorruptEntry, path, err)
	}
	if !bytes.Equal(stored, wasm) {
		return nil, nil // other bytes with the same key
	}
	eng := engineFor(mode)
	if p := mf.samePath(); p != "" {
		// The whole file, wasm bytes and footer included: Wasmtime
		// reads the ELF sections and ignores what follows them.
		if mod, err := wasmtime.NewModuleDeserializeFile(eng, p); err == nil {
			return mod, nil
		}
	}
	mod, err := wasmtime.NewModuleDeserialize(eng, artifact)
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
