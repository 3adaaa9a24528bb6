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
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/multilingualprogramming/multilingual/core/abi"
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
	old := abiVersion
	abiVersion = "abi" + strconv.Itoa(abi.Version+1)
	other := a.key(w)
	abiVersion = old
	if other == a.key(w) {
		t.Error("the ABI version is not part of the key")
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

// TestEntryChangedAfterLoad truncates and rewrites in place the entry a
// module was loaded from, as another tool might: the module keeps
// running, since the reader copied the entry instead of leaving Wasmtime
// a mapping of the file (a mapped module died of SIGBUS here).
func TestEntryChangedAfterLoad(t *testing.T) {
	withDiskCache(t)
	b := wat(t, manyFuncsWAT(200))
	path := mustLoad(t, b, SourceCompiled).CachePath
	ClearCache()
	m, info, err := Load(b)
	if err != nil || info.Source != SourceDisk {
		t.Fatalf("Load: %v from %s", err, info.Source)
	}
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, bytes.Repeat([]byte{0xcc}, 4096), 0o600); err != nil {
		t.Fatal(err)
	}
	inst, err := m.Instantiate()
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	for i := range 200 {
		name := fmt.Sprintf("f%d", i)
		if got, err := inst.Call(name, int64(5)); err != nil || got[0] != int64(5*(i+1)+7) {
			t.Fatalf("%s(5) = %v, %v after its entry was rewritten", name, got, err)
		}
	}
	// The damaged entry itself is recompiled and replaced.
	ClearCache()
	info = mustLoad(t, b, SourceCompiled)
	if !errors.Is(info.CacheErr, ErrCorruptEntry) {
		t.Errorf("loading over the damaged entry: %v", info.CacheErr)
	}
}

func TestUnsafeCacheDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	for _, mode := range []os.FileMode{0o777, 0o775, 0o722} {
		dir := t.TempDir()
		if err := os.Chmod(dir, mode); err != nil {
			t.Fatal(err)
		}
		var ue *UnsafeCacheDirError
		if err := SetDiskCache(dir, "x"); !errors.As(err, &ue) || !strings.Contains(err.Error(), "writable by other users") {
			t.Errorf("SetDiskCache on a dir of mode %v: %v", mode, err)
		}
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

// otherUID is the user that owns the files "of another user" in tests:
// nobody. Changing a file's owner needs root, as the tests run here; as
// another user those tests are skipped.
const otherUID = 65534

// chownOther gives path to otherUID, or skips the test.
func chownOther(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS == "windows" || os.Getuid() != 0 {
		t.Skip("changing a file's owner needs root")
	}
	if err := os.Lchown(path, otherUID, -1); err != nil {
		t.Fatal(err)
	}
}

// TestCacheDirOfAnotherUser refuses a directory that another user owns,
// even with mode 0755: its owner could plant machine code in it.
func TestCacheDirOfAnotherUser(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "theirs")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	chownOther(t, dir)
	var ue *UnsafeCacheDirError
	err := SetDiskCache(dir, "x")
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "owned by uid 65534") {
		t.Fatalf("SetDiskCache on a dir of uid %d: %v", otherUID, err)
	}
	if DiskCacheDir() != "" {
		t.Error("a refused directory was kept")
	}
}

// TestRelativeCacheDir resolves a relative directory once: entries go to
// the same place after the working directory changes.
func TestRelativeCacheDir(t *testing.T) {
	base := t.TempDir()
	t.Chdir(base)
	if err := SetDiskCache("rel", "test"); err != nil {
		t.Fatal(err)
	}
	ClearCache()
	t.Cleanup(func() {
		SetDiskCache("", "")
		ClearCache()
	})
	want := filepath.Join(base, "rel")
	if got := DiskCacheDir(); got != want {
		t.Fatalf("DiskCacheDir() = %q, want %q", got, want)
	}
	t.Chdir(t.TempDir())
	info := mustLoad(t, wat(t, manyFuncsWAT(4)), SourceCompiled)
	if info.CacheErr != nil || filepath.Dir(info.CachePath) != want {
		t.Fatalf("after a chdir the entry went to %s (%v), want %s", info.CachePath, info.CacheErr, want)
	}
}

// unsafeEntryLoad plants something at the entry path of b, loads b
// (within a time limit: a FIFO used to block the open forever) and checks
// that the entry was not used but replaced by a regular file.
func unsafeEntryLoad(t *testing.T, b []byte, plant func(path string), reason string) {
	t.Helper()
	path := mustLoad(t, b, SourceCompiled).CachePath
	ClearCache()
	os.Remove(path)
	plant(path)
	done := make(chan LoadInfo, 1)
	go func() {
		_, info, err := Load(b)
		if err != nil {
			t.Error(err)
		}
		done <- info
	}()
	select {
	case info := <-done:
		var ue *UnsafeEntryError
		if info.Source != SourceCompiled || !errors.As(info.CacheErr, &ue) || !strings.Contains(ue.Reason, reason) {
			t.Errorf("Load over a planted entry: %s, %v; want compiled, %q", info.Source, info.CacheErr, reason)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocked on a planted entry")
	}
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() {
		t.Errorf("the planted entry was not replaced: %v, %v", fi, err)
	}
	ClearCache()
	mustLoad(t, b, SourceDisk)
}

// TestUnsafeEntries: a FIFO, a symbolic link and a file of another user
// under an entry's name are never opened for use, never block, and are
// replaced by a fresh entry.
func TestUnsafeEntries(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	withDiskCache(t)
	t.Run("fifo", func(t *testing.T) {
		unsafeEntryLoad(t, wat(t, manyFuncsWAT(3)), func(path string) {
			if err := syscall.Mkfifo(path, 0o600); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file")
	})
	t.Run("symlink", func(t *testing.T) {
		b := wat(t, manyFuncsWAT(5))
		unsafeEntryLoad(t, b, func(path string) {
			target := filepath.Join(t.TempDir(), "elsewhere")
			if err := os.WriteFile(target, []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, path); err != nil {
				t.Fatal(err)
			}
		}, "symbolic link")
	})
	t.Run("other user", func(t *testing.T) {
		b := wat(t, manyFuncsWAT(6))
		var entry []byte
		unsafeEntryLoad(t, b, func(path string) {
			// a valid entry, but not ours
			m, _ := newModule(b)
			if err := currentDiskCache().write(path, m.mod, b); err != nil {
				t.Fatal(err)
			}
			entry = mustRead(t, path)
			chownOther(t, path)
		}, "owned by uid 65534")
		if len(entry) == 0 {
			t.Fatal("no entry was planted")
		}
	})
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
