package wasm

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCompileCaches(t *testing.T) {
	b := wat(t, testWAT)
	m1, err := Compile(b)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Compile(append([]byte(nil), b...))
	if err != nil {
		t.Fatal(err)
	}
	if m1 != m2 {
		t.Error("same bytes gave two modules")
	}
	other, err := Compile(wat(t, bareWAT))
	if err != nil {
		t.Fatal(err)
	}
	if other == m1 {
		t.Error("different bytes gave the same module")
	}
	ClearCache()
	if CacheLen() != 0 {
		t.Errorf("CacheLen() = %d after ClearCache", CacheLen())
	}
	m3, err := Compile(b)
	if err != nil {
		t.Fatal(err)
	}
	if m3 == m1 || CacheLen() != 1 {
		t.Errorf("after ClearCache: new module %v, CacheLen %d", m3 != m1, CacheLen())
	}
}

func TestKeyOf(t *testing.T) {
	a := []byte("\x00asm\x01\x00\x00\x00")
	if keyOf(a) != keyOf(bytes.Clone(a)) {
		t.Error("equal bytes, different keys")
	}
	// Each part of the key tells these apart on its own.
	if k, l := keyOf(a), keyOf(append(bytes.Clone(a), 0)); k.size == l.size || k.crcC == l.crcC || k.crcI == l.crcI {
		t.Errorf("keys %+v and %+v share a part", k, l)
	}
	b := bytes.Clone(a)
	b[5] = 1
	if k, l := keyOf(a), keyOf(b); k.size != l.size || k.crcC == l.crcC || k.crcI == l.crcI {
		t.Errorf("keys %+v and %+v", k, l)
	}
	if got := len(keyOf(a).appendKey(nil)); got != 17 {
		t.Errorf("appendKey wrote %d bytes, want 17", got)
	}
	fast := keyOf(a)
	fast.mode = Fast
	if bytes.Equal(fast.appendKey(nil), keyOf(a).appendKey(nil)) {
		t.Error("the two modes of the same bytes share a key")
	}
}

// TestModes checks that the same bytes give two modules, one per mode,
// each cached apart and on disk under its own entry, and that only the
// interruptible one accepts a time limit.
func TestModes(t *testing.T) {
	withDiskCache(t)
	b := wat(t, `(module (func (export "spin") (param i64) (result i64)
		(local i64) (loop (local.set 1 (i64.add (local.get 1) (i64.const 1)))
		(br_if 0 (i64.lt_s (local.get 1) (local.get 0)))) (local.get 1)))`)
	for range 2 {
		ClearCache()
		fast, info, err := LoadMode(b, Fast)
		if err != nil || fast.Mode() != Fast {
			t.Fatalf("LoadMode(Fast) = %v, %v", fast, err)
		}
		slow, info2, err := LoadMode(b, Interruptible)
		if err != nil || slow.Mode() != Interruptible || slow == fast {
			t.Fatalf("LoadMode(Interruptible) = %v, %v (fast %p)", slow, err, fast)
		}
		if info.CachePath == info2.CachePath {
			t.Errorf("both modes use the disk entry %s", info.CachePath)
		}
		if m, _, _ := Load(b); m != slow {
			t.Error("Load is not LoadMode(Interruptible)")
		}
		for _, m := range []*Module{fast, slow} {
			tpl, err := m.NewTemplate(Options{})
			if err != nil {
				t.Fatal(err)
			}
			inst, err := tpl.Instantiate()
			if err != nil {
				t.Fatal(err)
			}
			if r, err := inst.Call("spin", int64(1000)); err != nil || r[0] != int64(1000) {
				t.Errorf("%v spin(1000) = %v, %v", m.Mode(), r, err)
			}
			_, err = inst.CallTimeout(20*time.Millisecond, "spin", int64(1)<<62)
			if m.Mode() == Fast && !errors.Is(err, ErrNotInterruptible) {
				t.Errorf("fast CallTimeout = %v, want ErrNotInterruptible", err)
			}
			if m.Mode() == Interruptible && !errors.Is(err, ErrTimeout) {
				t.Errorf("interruptible CallTimeout = %v, want ErrTimeout", err)
			}
			inst.Close()
			tpl.Close()
		}
	}
}

// collidingKey is the key TestCacheCollisions gives different bytes.
var collidingKey = moduleKey{size: 1, crcC: 2, crcI: 3}

// mustLoadKeyed loads wasm under the key k and checks where it came from
// and that it is the module of wasm: one that exports the function fn.
func mustLoadKeyed(t *testing.T, wasm []byte, k moduleKey, source, fn string) (*Module, LoadInfo) {
	t.Helper()
	m, info, err := load(wasm, k)
	if err != nil {
		t.Fatal(err)
	}
	if info.Source != source {
		t.Fatalf("loaded from %s, want %s (cache error %v)", info.Source, source, info.CacheErr)
	}
	if _, ok := m.Export(fn); !ok || !bytes.Equal(m.wasm, wasm) {
		t.Fatalf("loaded the wrong module: exports %v", m.Exports())
	}
	return m, info
}

// TestCacheCollisions gives two modules the same key: each load finds its
// own module, and both stay in the memory cache.
func TestCacheCollisions(t *testing.T) {
	ClearCache()
	t.Cleanup(ClearCache)
	a, b := wat(t, testWAT), wat(t, bareWAT)
	ma, _ := mustLoadKeyed(t, a, collidingKey, SourceCompiled, "add")
	mb, _ := mustLoadKeyed(t, b, collidingKey, SourceCompiled, "boom")
	if CacheLen() != 2 {
		t.Errorf("CacheLen() = %d, want 2", CacheLen())
	}
	for range 2 {
		if m, _ := mustLoadKeyed(t, bytes.Clone(a), collidingKey, SourceMemory, "add"); m != ma {
			t.Error("a second module for the bytes of a")
		}
		if m, _ := mustLoadKeyed(t, bytes.Clone(b), collidingKey, SourceMemory, "boom"); m != mb {
			t.Error("a second module for the bytes of b")
		}
	}
	// Bytes of the same length that differ in one byte (the size part of
	// the key alone would not tell them apart) give different modules.
	for v := range int64(3) {
		w := wat(t, fmt.Sprintf(`(module (func (export "k") (result i64) i64.const %d))`, v))
		m, _ := mustLoadKeyed(t, w, collidingKey, SourceCompiled, "k")
		inst, err := m.Instantiate()
		if err != nil {
			t.Fatal(err)
		}
		if got, err := inst.Call("k"); err != nil || got[0] != v {
			t.Errorf("k() = %v, %v; want %d", got, err, v)
		}
		inst.Close()
	}
	if CacheLen() != 5 {
		t.Errorf("CacheLen() = %d, want 5", CacheLen())
	}
}

// TestCacheCollisionsConcurrent loads colliding modules from many
// goroutines at once: each gets the module of its bytes, and the cache
// ends up with one module per distinct byte string.
func TestCacheCollisionsConcurrent(t *testing.T) {
	ClearCache()
	t.Cleanup(ClearCache)
	mods := [][]byte{wat(t, testWAT), wat(t, bareWAT), wat(t, importWAT), wat(t, manyFuncsWAT(3))}
	fns := []string{"add", "boom", "", "f2"}
	var wg sync.WaitGroup
	errs := make([]error, 16)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 3 {
				w := mods[(i+j)%len(mods)]
				m, _, err := load(bytes.Clone(w), collidingKey)
				if err == nil && !bytes.Equal(m.wasm, w) {
					err = errors.New("wrong module")
				}
				if fn := fns[(i+j)%len(mods)]; err == nil && fn != "" {
					if _, ok := m.Export(fn); !ok {
						err = errors.New("wrong exports")
					}
				}
				if err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("goroutine %d: %v", i, err)
		}
	}
	if CacheLen() != len(mods) {
		t.Errorf("CacheLen() = %d, want %d", CacheLen(), len(mods))
	}
}

func TestCompileBadBytes(t *testing.T) {
	good := wat(t, testWAT)
	tests := []struct {
		name string
		in   []byte
	}{
		{"garbage", []byte("not wasm at all")},
		{"magic only", []byte("\x00asm")},
		{"bad version", []byte("\x00asm\x02\x00\x00\x00")},
		{"truncated", good[:len(good)-3]},
		{"half", good[:len(good)/2]},
	}
	for _, tt := range tests {
		m, err := Compile(tt.in)
		var ce *CompileError
		if m != nil || !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), "wasm: invalid module: ") {
			t.Errorf("%s: Compile = %v, %v; want *CompileError", tt.name, m, err)
		}
	}
	if _, err := Compile(nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Compile(nil) error = %v, want ErrEmpty", err)
	}
}

func FuzzCompile(f *testing.F) {
	f.Add(wat(f, testWAT))
	f.Add(wat(f, bareWAT))
	f.Add([]byte("\x00asm\x01\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Compile(b)
		if err == nil {
			if inst, err := m.Instantiate(); err == nil {
				inst.Close()
			}
		}
	})
}

// BenchmarkWarmLoad loads a 400-function module from the disk cache with
// the memory cache empty: what a second process pays once its engine
// exists (Prewarm), without the first-use page faults of a new process.
// Each load computes the key, maps the entry and verifies its checksum and
// wasm bytes, has Wasmtime map it again, and copies and analyzes the bytes
// meanwhile. bench/bench_bridge.py measures it in new
// processes.
func BenchmarkWarmLoad(b *testing.B) {
	b.ReportAllocs()
	if err := SetDiskCache(b.TempDir(), "bench"); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		SetDiskCache("", "")
		ClearCache()
	})
	mod := wat(b, manyFuncsWAT(400))
	ClearCache()
	if _, info, err := Load(mod); err != nil || info.Source != SourceCompiled {
		b.Fatalf("first load: %v from %s", err, info.Source)
	}
	b.ResetTimer()
	for range b.N {
		ClearCache()
		if _, info, err := Load(mod); err != nil || info.Source != SourceDisk {
			b.Fatalf("warm load: %v from %s", err, info.Source)
		}
	}
}

// BenchmarkRepeatLoad loads a 400-function module already in the memory
// cache: what every in-process load after the first pays.
func BenchmarkRepeatLoad(b *testing.B) {
	b.ReportAllocs()
	ClearCache()
	b.Cleanup(ClearCache)
	mod := wat(b, manyFuncsWAT(400))
	if _, _, err := Load(mod); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, info, err := Load(mod); err != nil || info.Source != SourceMemory {
			b.Fatalf("repeat load: %v from %s", err, info.Source)
		}
	}
}
