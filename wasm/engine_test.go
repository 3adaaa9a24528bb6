package wasm

import (
	"os"
	"path/filepath"
	"testing"
)

func TestEngineIsShared(t *testing.T) {
	a, b := engine(), engine()
	if a == nil || a != b {
		t.Fatalf("engine() = %p, %p; want one non-nil engine", a, b)
	}
}

func TestPrewarm(t *testing.T) {
	Prewarm()
	Prewarm() // a second call does nothing
	if engine() == nil {
		t.Fatal("no engine after Prewarm")
	}
	if _, ok := os.LookupEnv("RUST_LIB_BACKTRACE"); !ok {
		t.Error("RUST_LIB_BACKTRACE is not set after Prewarm")
	}
}

// TestWarmLoadPath checks that the warm-up writes its own entry the first
// time, reads it afterwards, and leaves the memory cache alone.
func TestWarmLoadPath(t *testing.T) {
	dir := withDiskCache(t)
	for range 2 {
		warmLoadPath()
		if n := CacheLen(); n != 0 {
			t.Fatalf("the warm-up left %d modules in the memory cache", n)
		}
		files, err := filepath.Glob(filepath.Join(dir, warmupPrefix+"*.cwasm"))
		if err != nil || len(files) != 1 {
			t.Fatalf("warm-up entries = %v, %v", files, err)
		}
	}
	SetDiskCache("", "")
	warmLoadPath() // no disk cache: nothing to warm, no panic
}
