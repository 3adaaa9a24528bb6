package wasm

// #include "fastcall.h"
import "C"

import (
	"os"
	"sync"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

var (
	envOnce     sync.Once
	engineOnce  sync.Once
	prewarmOnce sync.Once
	theEngine   *wasmtime.Engine
)

// engineSettings describes the engine configuration; it is part of the key
// of every disk cache entry, so that changing the configuration never
// loads code compiled under another one.
const engineSettings = "cranelift-opt=speed;epoch-interruption=1"

// engine returns the process-wide Wasmtime engine, created on first use
// (or by Prewarm): Cranelift optimizing for speed, with epoch interruption
// so that calls can have a time limit (every store gets a deadline that is
// never reached unless a timed call sets a near one). Every module and
// store in the process shares it, which is what lets modules be cached and
// reused. It panics if the engine could not be created; exported functions
// turn that into a *PanicError.
func engine() *wasmtime.Engine {
	envOnce.Do(quietBacktraces)
	engineOnce.Do(func() {
		cfg := wasmtime.NewConfig()
		cfg.SetCraneliftOptLevel(wasmtime.OptLevelSpeed)
		cfg.SetEpochInterruption(true)
		C.ml_signals_before()
		theEngine = wasmtime.NewEngineWithConfig(cfg)
		C.ml_signals_after()
	})
	if theEngine == nil {
		panic("wasm: the Wasmtime engine could not be created")
	}
	return theEngine
}

// Prewarm starts creating the engine in the background, so that the first
// Load or Compile finds it ready: creating it took 0.15 ms in a Go program
// and 0.3 to 0.45 ms inside Python, as much as the rest of a load from the
// disk cache. It also reads the Wasmtime version the disk cache keys
// need. Calling it again, or after the engine exists, does nothing. Load
// calls it itself before reading the disk cache, which overlaps the two.
//
// The Python extension calls it when it is imported. Creating the engine
// installs Wasmtime's signal handlers; a handler installed after them
// (Python's faulthandler, which pytest enables after importing conftest
// files) would take the signal of a WebAssembly trap and end the process,
// which GuardSignals prevents.
func Prewarm() {
	prewarmOnce.Do(func() {
		// The environment is changed here, on the caller's thread, and
		// never by the goroutine: setenv racing with another thread's
		// getenv is undefined in C, and the extension runs inside a
		// Python process whose other threads may read the environment.
		envOnce.Do(quietBacktraces)
		go func() {
			// A failure is reported by the next engine() call instead.
			defer func() { _ = recover() }()
			engine()
			wasmtimeVersion()
		}()
	})
}

// quietBacktraces sets RUST_LIB_BACKTRACE=0 unless the variable is set:
// with RUST_BACKTRACE=1 in the environment, Wasmtime would capture a Rust
// backtrace for every trap (tens of microseconds). Our trap messages and
// WebAssembly backtraces do not depend on either variable.
func quietBacktraces() {
	if _, ok := os.LookupEnv("RUST_LIB_BACKTRACE"); !ok {
		os.Setenv("RUST_LIB_BACKTRACE", "0")
	}
}

// GuardSignals keeps WebAssembly traps working after another signal
// handler was installed over Wasmtime's (Python's faulthandler does that
// when it is enabled after the engine exists): it puts a dispatcher on top
// that sends a signal raised inside WebAssembly to Wasmtime and any other
// to the handler found (signals.c). It returns the number of signals it
// had to guard; 0 when nothing was installed over Wasmtime's handlers or
// the engine does not exist yet.
func GuardSignals() int { return int(C.ml_signals_guard()) }
