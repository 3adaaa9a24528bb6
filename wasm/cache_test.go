package wasm

import (
	"errors"
	"strings"
	"testing"
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
// Each load maps and verifies the entry, has Wasmtime map it again, and
// analyzes the bytes meanwhile. bench/bench_bridge.py measures it in new
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
