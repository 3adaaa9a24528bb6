package wasm

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

// withDiskCache turns the disk cache on in a fresh directory for one test
// and empties the memory cache, so that loads reach the disk.
func withDiskCache(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "cache")
	if err := SetDiskCache(dir, "test"); err != nil {
		t.Fatal(err)
	}
	ClearCache()
	t.Cleanup(func() {
		SetDiskCache("", "")
		ClearCache()
	})
	return dir
}

// manyFuncsWAT returns a module of n small exported functions.
func manyFuncsWAT(n int) string {
	var b strings.Builder
	b.WriteString("(module\n")
	for i := range n {
		fmt.Fprintf(&b, "  (func (export \"f%d\") (param i64) (result i64) local.get 0 i64.const %d i64.mul i64.const 7 i64.add)\n", i, i+1)
	}
	b.WriteString(")")
	return b.String()
}

func mustLoad(t *testing.T, b []byte, want string) LoadInfo {
	t.Helper()
	m, info, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if info.Source != want {
		t.Fatalf("Load from %s, want %s (cache error %v)", info.Source, want, info.CacheErr)
	}
	inst, err := m.Instantiate()
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	if got, err := inst.Call("f2", int64(5)); err != nil || got[0] != int64(22) {
		t.Fatalf("f2(5) = %v, %v", got, err)
	}
	return info
}

func TestDiskCacheRoundTrip(t *testing.T) {
	dir := withDiskCache(t)
	b := wat(t, manyFuncsWAT(20))
	info := mustLoad(t, b, SourceCompiled)
	if info.CacheErr != nil || filepath.Dir(info.CachePath) != dir {
		t.Fatalf("first load: %+v", info)
	}
	mustLoad(t, b, SourceMemory)
	ClearCache()
	mustLoad(t, b, SourceDisk)
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(dir)
		if err != nil || fi.Mode().Perm() != 0o700 {
			t.Errorf("cache dir mode %v, %v; want 0700", fi.Mode().Perm(), err)
		}
		fi, err = os.Stat(info.CachePath)
		if err != nil || fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("entry mode %v, %v; want private", fi.Mode().Perm(), err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("cache holds %d files, want 1 (no temporary files left)", len(entries))
	}
	if DiskCacheDir() != dir {
		t.Errorf("DiskCacheDir() = %q", DiskCacheDir())
	}
}

func TestDiskCacheKey(t *testing.T) {
	a := &diskCache{dir: "d", salt: "1.0"}
	b := &diskCache{dir: "d", salt: "1.1"}
	w := sha256.Sum256([]byte("\x00asm\x01\x00\x00\x00"))
	if a.key(w) == b.key(w) {
		t.Error("the version is not part of the key")
	}
	if a.key(w) == a.key(sha256.Sum256([]byte("\x00asm\x01\x00\x00\x00\x00"))) {
		t.Error("the bytes are not part of the key")
	}
	if a.key(w) != a.key(w) || len(a.key(w)) != 64 {
		t.Error("the key is not a stable sha256")
	}
	if wasmtimeVersion() == "" || wasmtimeVersion() != wasmtimeVersion() {
		t.Errorf("wasmtimeVersion() = %q", wasmtimeVersion())
	}
}

// TestDiskCacheForeignFormat checks that an entry of the previous format
// (header first, magic MLCWASM2) under the current name is replaced, not
// handed to Wasmtime.
func TestDiskCacheForeignFormat(t *testing.T) {
	withDiskCache(t)
	b := wat(t, manyFuncsWAT(8))
	path := mustLoad(t, b, SourceCompiled).CachePath
	artifact, err := checkEntry(mustRead(t, path))
	if err != nil {
		t.Fatal(err)
	}
	old := make([]byte, 20, 20+len(artifact))
	copy(old, "MLCWASM2")
	binary.LittleEndian.PutUint32(old[8:], crc32.Checksum(artifact, castagnoli))
	binary.LittleEndian.PutUint64(old[12:], uint64(len(artifact)))
	old = append(old, artifact...)
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	ClearCache()
	_, info, err := Load(b)
	if err != nil || info.Source != SourceCompiled || !errors.Is(info.CacheErr, ErrCorruptEntry) {
		t.Fatalf("Load of an old-format entry: %+v, %v", info, err)
	}
	ClearCache()
	mustLoad(t, b, SourceDisk)
}

// mustRead returns the contents of the file at path.
func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDiskCacheCorruptEntries(t *testing.T) {
	b := wat(t, manyFuncsWAT(8))
	tests := []struct {
		name    string
		corrupt func(entry []byte) []byte
	}{
		{"flipped payload bit", func(e []byte) []byte { e[len(e)/2] ^= 0x10; return e }},
		{"truncated", func(e []byte) []byte { return e[:len(e)-100] }},
		{"empty", func(e []byte) []byte { return nil }},
		{"bad magic", func(e []byte) []byte { e[len(e)-1] = 'X'; return e }},
		{"damaged ELF header", func(e []byte) []byte { e[0] ^= 0xff; return e }},
		{"flipped checksum bit", func(e []byte) []byte { e[len(e)-cacheFooterLen] ^= 1; return e }},
		{"length too long", func(e []byte) []byte { e[len(e)-cacheFooterLen+4]++; return e }},
		{"truncated footer", func(e []byte) []byte { return e[:len(e)-3] }},
		{"footer only", func(e []byte) []byte { return e[len(e)-cacheFooterLen:] }},
		{"appended bytes", func(e []byte) []byte { return append(e, 0) }},
		{"foreign payload, valid checksum", func(e []byte) []byte {
			return encodeEntry([]byte("\x7fELF not a wasmtime module at all"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withDiskCache(t)
			path := mustLoad(t, b, SourceCompiled).CachePath
			good, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, tt.corrupt(bytes.Clone(good)), 0o600); err != nil {
				t.Fatal(err)
			}
			ClearCache()
			_, info, err := Load(b)
			if err != nil || info.Source != SourceCompiled || !errors.Is(info.CacheErr, ErrCorruptEntry) {
				t.Fatalf("Load of a corrupt entry: %+v, %v", info, err)
			}
			// The entry was replaced by a good one.
			ClearCache()
			mustLoad(t, b, SourceDisk)
		})
	}
}

func TestDiskCacheConcurrentWriters(t *testing.T) {
	dir := withDiskCache(t)
	b := wat(t, manyFuncsWAT(30))
	// Two caches on the same directory stand for two processes: each
	// compiles and writes the same entry at the same time.
	dc := currentDiskCache()
	path := dc.path(sha256.Sum256(b))
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m, err := newModule(b, [32]byte{})
			if err == nil {
				err = dc.write(path, m.mod)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	if mod, err := dc.read(path); mod == nil || err != nil {
		t.Fatalf("reading the entry: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the cache, want 1", len(entries))
	}
}

// TestDiskCacheReadWhileReplaced reads an entry while other goroutines
// rename new copies over it: every read finds a whole, verified entry, and
// modules read earlier keep working after their file was replaced (on
// Linux, Wasmtime maps the file it was given).
func TestDiskCacheReadWhileReplaced(t *testing.T) {
	withDiskCache(t)
	b := wat(t, manyFuncsWAT(30))
	path := mustLoad(t, b, SourceCompiled).CachePath
	dc := currentDiskCache()
	m, err := newModule(b, sha256.Sum256(b))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	mods := make([]*Module, len(errs))
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				if i%2 == 0 {
					if err := dc.write(path, m.mod); err != nil {
						errs[i] = err
						return
					}
					continue
				}
				mod, err := dc.read(path)
				if mod == nil {
					errs[i] = fmt.Errorf("read found no module: %v", err)
					return
				}
				mods[i] = wrapModule(mod, m.sum, b)
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("goroutine %d: %v", i, err)
		}
	}
	if err := dc.write(path, m.mod); err != nil {
		t.Fatal(err)
	}
	for _, m := range mods {
		if m == nil {
			continue
		}
		inst, err := m.Instantiate()
		if err != nil {
			t.Fatal(err)
		}
		if got, err := inst.Call("f2", int64(5)); err != nil || got[0] != int64(22) {
			t.Errorf("f2(5) = %v, %v from a module whose file was replaced", got, err)
		}
		inst.Close()
	}
}

// TestWasmtimeMapsEntries checks what the fast path of read relies on:
// Wasmtime deserializes a whole entry file, footer included, from its
// name. Without it every load would silently take the slower path.
func TestWasmtimeMapsEntries(t *testing.T) {
	withDiskCache(t)
	b := wat(t, manyFuncsWAT(8))
	path := mustLoad(t, b, SourceCompiled).CachePath
	mod, err := wasmtime.NewModuleDeserializeFile(engine(), path)
	if err != nil {
		t.Fatalf("Wasmtime rejects an entry file: %v", err)
	}
	if n := len(mod.Exports()); n != 8 {
		t.Errorf("%d exports, want 8", n)
	}
	mf, err := mapFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer mf.close()
	if p := mf.samePath(); p != "" {
		if _, err := wasmtime.NewModuleDeserializeFile(engine(), p); err != nil {
			t.Errorf("Wasmtime rejects %s: %v", p, err)
		}
	}
}

func TestUnsafeCacheDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	var ue *UnsafeCacheDirError
	if err := SetDiskCache(dir, "x"); !errors.As(err, &ue) {
		t.Errorf("SetDiskCache on a world-writable dir: %v", err)
	}
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o600)
	if err := SetDiskCache(file, "x"); err == nil {
		t.Error("SetDiskCache on a file succeeded")
	}
	if DiskCacheDir() != "" {
		t.Error("a refused directory was kept")
	}
}

func TestDefaultCacheDir(t *testing.T) {
	t.Setenv("MULTILINGUAL_CACHE_DIR", "/some/where")
	if d, err := DefaultCacheDir(); d != "/some/where" || err != nil {
		t.Errorf("DefaultCacheDir() = %q, %v", d, err)
	}
	t.Setenv("MULTILINGUAL_CACHE_DIR", "")
	t.Setenv("XDG_CACHE_HOME", "/xdg")
	t.Setenv("HOME", "/home/u")
	if d, err := DefaultCacheDir(); err != nil || !strings.HasSuffix(d, "multilingualprogramming") {
		t.Errorf("DefaultCacheDir() = %q, %v", d, err)
	}
}
