package main

import (
	"errors"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/wasm"
)

func TestExportIndex(t *testing.T) {
	b, err := wasmtime.Wat2Wasm(`(module (memory (export "memory") 1) (func (export "a")) (func (export "b")))`)
	if err != nil {
		t.Fatal(err)
	}
	m, err := wasm.Compile(b)
	if err != nil {
		t.Fatal(err)
	}
	if i, err := exportIndex(m, "b"); i != 1 || err != nil {
		t.Errorf("exportIndex(b) = %d, %v", i, err)
	}
	var ee *wasm.ExportError
	if _, err := exportIndex(m, "memory"); !errors.As(err, &ee) || len(ee.Exports) != 2 {
		t.Errorf("exportIndex(memory) error = %v", err)
	}
}

func TestExportBounded(t *testing.T) {
	b, err := wasmtime.Wat2Wasm(`(module (func (export "quick")) (func (export "spin") (loop br 0)))`)
	if err != nil {
		t.Fatal(err)
	}
	m, err := wasm.Compile(b)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, false} {
		if got, err := exportBounded(m, i); got != want || err != nil {
			t.Errorf("exportBounded(%d) = %v, %v; want %v", i, got, err, want)
		}
	}
	for _, i := range []int{-1, 2} {
		if _, err := exportBounded(m, i); err == nil {
			t.Errorf("exportBounded(%d) gave no error", i)
		}
	}
}

func TestSecondsToDuration(t *testing.T) {
	tests := []struct {
		s    float64
		want time.Duration
	}{
		{1.5, 1500 * time.Millisecond},
		{0.001, time.Millisecond},
		{0, 0},
		{-1, 0},
		{math.NaN(), 0},
		{1e300, time.Duration(math.MaxInt64)},
	}
	for _, tt := range tests {
		if got := secondsToDuration(tt.s); got != tt.want {
			t.Errorf("secondsToDuration(%v) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestSetupDiskCache(t *testing.T) {
	defer wasm.SetDiskCache("", "")
	dir := filepath.Join(t.TempDir(), "c")
	t.Setenv("MULTILINGUAL_CACHE_DIR", dir)
	setupDiskCache()
	if wasm.DiskCacheDir() != dir || cacheSetupErr != nil {
		t.Errorf("cache in %q (%v), want %q", wasm.DiskCacheDir(), cacheSetupErr, dir)
	}
	t.Setenv("MULTILINGUAL_CACHE_DIR", "off")
	setupDiskCache()
	if wasm.DiskCacheDir() != "" {
		t.Errorf("MULTILINGUAL_CACHE_DIR=off left the cache in %q", wasm.DiskCacheDir())
	}
	t.Setenv("MULTILINGUAL_CACHE_DIR", "/proc/no/such/place")
	setupDiskCache()
	if wasm.DiskCacheDir() != "" || cacheSetupErr == nil {
		t.Errorf("unusable dir: cache in %q, error %v", wasm.DiskCacheDir(), cacheSetupErr)
	}
}
