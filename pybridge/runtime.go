package main

import (
	"fmt"
	"math"
	"os"
	"time"

	"github.com/multilingualprogramming/multilingual/wasm"
)

// cacheSetupErr says why the disk cache is off after setupDiskCache, or is
// nil.
var cacheSetupErr error

// setupDiskCache turns on the disk cache of compiled modules when the
// extension loads: in $MULTILINGUAL_CACHE_DIR, or the user cache
// directory's "multilingualprogramming"; MULTILINGUAL_CACHE_DIR=off leaves
// it off. A directory that cannot be used (one another user owns or others
// may write to, or that cannot be created) leaves it off too: the reason is
// in cacheSetupErr, which the Python package logs as a warning, and
// loading then compiles every time, which is slower but correct.
func setupDiskCache() {
	// Then create the engines and warm the load path while Python goes on
	// importing, so that the first load does not wait for them
	// (wasm/signals.c keeps the trap handlers first in line when
	// faulthandler is enabled afterwards).
	defer wasm.Prewarm()
	if os.Getenv("MULTILINGUAL_CACHE_DIR") == "off" {
		cacheSetupErr = nil
		wasm.SetDiskCache("", "")
		return
	}
	dir, err := wasm.DefaultCacheDir()
	if err == nil {
		err = wasm.SetDiskCache(dir, Version)
	}
	cacheSetupErr = err
}

// exportIndex returns the position of function name among m's exports,
// which is its index in an ml_instance's funcs.
func exportIndex(m *wasm.Module, name string) (int, error) {
	exports := m.Exports()
	for i, e := range exports {
		if e.Name == name {
			return i, nil
		}
	}
	names := make([]string, len(exports))
	for i, e := range exports {
		names[i] = e.Name
	}
	return -1, &wasm.ExportError{Name: name, Exports: names}
}

// exportBounded reports whether export i of m (in Exports order) is
// bounded: it runs briefly and calls no host function (wasm.FuncExport).
func exportBounded(m *wasm.Module, i int) (bool, error) {
	exports := m.Exports()
	if i < 0 || i >= len(exports) {
		return false, fmt.Errorf("export index %d out of range (%d exports)", i, len(exports))
	}
	return exports[i].Bounded, nil
}

// secondsToDuration converts a positive number of seconds, saturating at
// the largest Duration.
func secondsToDuration(s float64) time.Duration {
	if s*1e9 >= math.MaxInt64 {
		return time.Duration(math.MaxInt64)
	}
	if !(s > 0) {
		return 0
	}
	return time.Duration(s * 1e9)
}
