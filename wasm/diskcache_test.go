package wasm

import (
	"bytes"
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
	w := keyOf([]byte("\x00asm\x01\x00\x00\x00"))
	if a.key(w) == b.key(w) {
		t.Error("the version is not part of the key")
	}
	for _, other := range []moduleKey{
		keyOf([]byte("\x00asm\x01\x00\x00\x00\x00")),
		{size: w.size + 1, crcC: w.crcC, crcI: w.crcI},
		{size: w.size, crcC: w.crcC ^ 1, crcI: w.crcI},
		{size: w.size, crcC: w.crcC, crcI: w.crcI ^ 1},
	} {
		if a.key(w) == a.key(other) {
			t.Errorf("keys %+v and %+v give the same name", w, other)
		}
	}
	if a.key(w) != a.key(w) || len(a.key(w)) != 64 {
		t.Error("the key is not a stable sha256")
	}
	if wasmtimeVersion() == "" || wasmtimeVersion() != wasmtimeVersion() {
		t.Errorf("wasmtimeVersion() = %q", wasmtimeVersion())
	}
}

// TestDiskCacheForeignFormat checks that entries of earlier formats under
// the current name are replaced, not handed to Wasmtime: MLCWASM2 (header
// first) and MLCWASM3 (artifact, CRC-32C, length, magic; no wasm bytes),
// whose artifact Wasmtime would accept.
func TestDiskCacheForeignFormat(t *testing.T) {
	b := wat(t, manyFuncsWAT(8))
	for _, format := range []string{"MLCWASM2", "MLCWASM3"} {
		t.Run(format, func(t *testing.T) {
			withDiskCache(t)
			path := mustLoad(t, b, SourceCompiled).CachePath
			artifact, _, err := checkEntry(mustRead(t, path))
			if err != nil {
				t.Fatal(err)
			}
			var old []byte
			if format == "MLCWASM2" {
				old = append(old, format...)
				old = binary.LittleEndian.AppendUint32(old, crc32.Checksum(artifact, castagnoli))
				old = binary.LittleEndian.AppendUint64(old, uint64(len(artifact)))
				old = append(old, artifact...)
			} else {
				old = append(old, artifact...)
				old = binary.LittleEndian.AppendUint32(old, crc32.Checksum(artifact, castagnoli))
				old = binary.LittleEndian.AppendUint64(old, uint64(len(artifact)))
				old = append(old, format...)
			}
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
		})
	}
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
		{"flipped checksum bit", func(e []byte) []byte { e[len(e)-cacheFooterLen+16] ^= 1; return e }},
		{"artifact length too long", func(e []byte) []byte { e[len(e)-cacheFooterLen]++; return e }},
		{"wasm length too long", func(e []byte) []byte { e[len(e)-cacheFooterLen+8]++; return e }},
		{"truncated footer", func(e []byte) []byte { return e[:len(e)-3] }},
		{"footer only", func(e []byte) []byte { return e[len(e)-cacheFooterLen:] }},
		{"appended bytes", func(e []byte) []byte { return append(e, 0) }},
		{"foreign payload, valid checksum", func(e []byte) []byte {
			return encodeEntry([]byte("\x7fELF not a wasmtime module at all"), b)
		}},
		{"flipped wasm bit", func(e []byte) []byte { e[len(e)-cacheFooterLen-1] ^= 1; return e }},
		{"wasm byte dropped", func(e []byte) []byte {
			return append(e[:len(e)-cacheFooterLen-1], e[len(e)-cacheFooterLen:]...)
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
	path := dc.path(keyOf(b))
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m, err := newModule(b)
			if err == nil {
				err = dc.write(path, m.mod, b)
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
	if mod, err := dc.read(path, b, Interruptible); mod == nil || err != nil {
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
	m, err := newModule(b)
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
					if err := dc.write(path, m.mod, b); err != nil {
						errs[i] = err
						return
					}
					continue
				}
				mod, err := dc.read(path, b, Interruptible)
				if mod == nil {
					errs[i] = fmt.Errorf("read found no module: %v", err)
					return
				}
				mods[i] = wrapModule(mod, b)
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("goroutine %d: %v", i, err)
		}
	}
	if err := dc.write(path, m.mod, b); err != nil {
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

// TestDiskCacheCollisions gives two modules the same key, hence the same
// entry name: each load from disk finds the module of its bytes or
// compiles it, and the latest compiled takes the name.
func TestDiskCacheCollisions(t *testing.T) {
	withDiskCache(t)
	a, b := wat(t, testWAT), wat(t, bareWAT)
	_, info := mustLoadKeyed(t, a, collidingKey, SourceCompiled, "add")
	path := info.CachePath
	ClearCache()
	mustLoadKeyed(t, a, collidingKey, SourceDisk, "add")
	// The entry holds a: a miss for b, not an error, then b's entry.
	ClearCache()
	_, info = mustLoadKeyed(t, b, collidingKey, SourceCompiled, "boom")
	if info.CachePath != path || info.CacheErr != nil {
		t.Fatalf("load of b over a's entry: %+v", info)
	}
	ClearCache()
	mustLoadKeyed(t, b, collidingKey, SourceDisk, "boom")
	ClearCache()
	mustLoadKeyed(t, a, collidingKey, SourceCompiled, "add")
	ClearCache()
	mustLoadKeyed(t, a, collidingKey, SourceDisk, "add")
	if _, _, err := checkEntry(mustRead(t, path)); err != nil {
		t.Errorf("the entry after the collisions: %v", err)
	}
}

// TestDiskCacheOtherBytesNeverDeserialized puts under a module's name an
// entry whose stored wasm bytes differ: Load compiles without handing the
// entry to Wasmtime. Its artifact is garbage that Wasmtime would reject
// (so that deserializing it would show as ErrCorruptEntry), or the valid
// artifact of another module (which would give the wrong exports).
func TestDiskCacheOtherBytesNeverDeserialized(t *testing.T) {
	a, b := wat(t, testWAT), wat(t, bareWAT)
	garbage := []byte("\x7fELF not a wasmtime module at all")
	flipped := bytes.Clone(a)
	flipped[len(flipped)/2] ^= 1
	tests := []struct {
		name     string
		artifact func(t *testing.T) []byte
		stored   []byte
	}{
		{"garbage artifact, b's bytes", func(*testing.T) []byte { return garbage }, b},
		{"garbage artifact, a's bytes with a bit flipped", func(*testing.T) []byte { return garbage }, flipped},
		{"garbage artifact, a's bytes and one more", func(*testing.T) []byte { return garbage }, append(bytes.Clone(a), 0)},
		{"garbage artifact, a prefix of a", func(*testing.T) []byte { return garbage }, a[:len(a)-1]},
		{"garbage artifact, no bytes", func(*testing.T) []byte { return garbage }, nil},
		{"boundary moved: a's first byte in the artifact", func(*testing.T) []byte { return append(bytes.Clone(garbage), a[0]) }, a[1:]},
		{"b's artifact and bytes", func(t *testing.T) []byte {
			m, err := newModule(b)
			if err != nil {
				t.Fatal(err)
			}
			artifact, err := m.mod.Serialize()
			if err != nil {
				t.Fatal(err)
			}
			return artifact
		}, b},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withDiskCache(t)
			path := currentDiskCache().path(collidingKey)
			if err := os.WriteFile(path, encodeEntry(tt.artifact(t), tt.stored), 0o600); err != nil {
				t.Fatal(err)
			}
			if mod, err := currentDiskCache().read(path, a, Interruptible); mod != nil || err != nil {
				t.Fatalf("read = %v, %v; want a plain miss", mod, err)
			}
			_, info := mustLoadKeyed(t, a, collidingKey, SourceCompiled, "add")
			if info.CacheErr != nil {
				t.Errorf("CacheErr = %v, want none: the entry was handed to Wasmtime", info.CacheErr)
			}
			// The entry now holds a.
			ClearCache()
			mustLoadKeyed(t, a, collidingKey, SourceDisk, "add")
		})
	}
	// The control: the same garbage entry with a's bytes reaches Wasmtime,
	// which rejects it.
	withDiskCache(t)
	path := currentDiskCache().path(collidingKey)
	if err := os.WriteFile(path, encodeEntry(garbage, a), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, info := mustLoadKeyed(t, a, collidingKey, SourceCompiled, "add"); !errors.Is(info.CacheErr, ErrCorruptEntry) {
		t.Errorf("garbage with a's bytes: CacheErr = %v, want ErrCorruptEntry", info.CacheErr)
	}
}
