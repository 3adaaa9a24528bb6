package wasm

// #include <stdbool.h>
// #include "fastcall.h"
//
// typedef struct wasm_config_t wasm_config_t;
// extern void wasmtime_config_memory_may_move_set(wasm_config_t *, bool);
import "C"

import (
	"os"
	"path/filepath"
	"sync"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

var (
	envOnce     sync.Once
	prewarmOnce sync.Once
	creating    sync.Mutex // held while an engine is created
	engines     [2]struct {
		once sync.Once
		eng  *wasmtime.Engine
	}
)

// A Mode is the engine a module is compiled for.
type Mode int

// The modes. Epoch interruption makes the compiled code check a counter at
// every function entry and loop back-edge, which is what lets a call have
// a time limit; it slowed the benchmark kernels by 40 to 85% (fib,
// nested loops, matrix product, sieve), so code that never needs a limit
// is compiled without it.
const (
	Interruptible Mode = iota // epoch interruption: calls may have a time limit
	Fast                      // no interruption checks: no time limits
)

// String returns "interruptible" or "fast".
func (m Mode) String() string {
	if m == Fast {
		return "fast"
	}
	return "interruptible"
}

// settings describes the engine configuration of mode m; it is part of the
// key of every disk cache entry, so that changing the configuration never
// loads code compiled under another one.
func (m Mode) settings() string {
	if m == Fast {
		return "cranelift-opt=speed;epoch-interruption=0;memory-may-move=0"
	}
	return "cranelift-opt=speed;epoch-interruption=1;memory-may-move=0"
}

// engine returns the process-wide interruptible engine (engineFor).
func engine() *wasmtime.Engine { return engineFor(Interruptible) }

// engineFor returns the process-wide Wasmtime engine of mode m, created on
// first use (or by Prewarm): Cranelift optimizing for speed, with epoch
// interruption for Interruptible (every store gets the epoch deadline
// callback of interrupt.c, which stops a call at its time limit or on
// SIGINT). Linear memories never move (memory_may_move off: a 32-bit
// memory grows in place within its 4 GiB reservation anyway), so that the
// SIGINT handler may write a module's interrupt word at an address taken
// before the call. Every module and store of a mode shares its engine,
// which is what lets modules be cached and reused. It panics if the
// engine could not be created; exported functions turn that into a
// *PanicError.
func engineFor(m Mode) *wasmtime.Engine {
	envOnce.Do(quietBacktraces)
	e := &engines[m&1]
	e.once.Do(func() {
		cfg := wasmtime.NewConfig()
		cfg.SetCraneliftOptLevel(wasmtime.OptLevelSpeed)
		cfg.SetEpochInterruption(m == Interruptible)
		C.wasmtime_config_memory_may_move_set((*C.wasm_config_t)(cPointer(cfg)), false)
		// One engine at a time, so that the handlers seen before and after
		// belong to the same creation (signals.c).
		creating.Lock()
		defer creating.Unlock()
		C.ml_signals_before()
		e.eng = wasmtime.NewEngineWithConfig(cfg)
		C.ml_signals_after()
		if m == Interruptible {
			C.ml_set_epoch_engine(cPointer(e.eng))
		}
	})
	if e.eng == nil {
		panic("wasm: the Wasmtime engine could not be created")
	}
	return e.eng
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
			engineFor(Fast)
			engineFor(Interruptible)
			wasmtimeVersion()
			warmLoadPath()
		}()
	})
}

// warmupWasm is the smallest module with a function: (func (export "f")).
var warmupWasm = []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
	0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
	0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
	0x07, 0x05, 0x01, 0x01, 'f', 0x00, 0x00, // export "f" = func 0
	0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b} // code section: an empty body

// warmupPrefix starts the name of the warm-up module's cache entry.
const warmupPrefix = "warmup-"

// warmLoadPath takes a tiny module through the disk cache's read path
// (reading, checking and deserializing an entry, analysing the bytes), or
// compiles and writes its entry the first time, without touching the
// memory cache. The first load of a process cost about 0.8 ms against
// 0.4 ms for the next ones (in a Go program, for a 400-function module):
// this pays the difference ahead, while Python imports. Failures are
// ignored: a real load reports its own.
func warmLoadPath() {
	dc := currentDiskCache()
	if dc == nil {
		return
	}
	k := keyOf(warmupWasm)
	path := filepath.Join(dc.dir, warmupPrefix+filepath.Base(dc.path(k)))
	an := startAnalysis(warmupWasm)
	defer an.wait()
	if mod, _ := dc.read(path, warmupWasm, k.mode); mod != nil {
		return
	}
	if mod, err := compileModule(warmupWasm, k.mode); err == nil {
		dc.write(path, mod, warmupWasm)
	}
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
func GuardSignals() int {
	EnginesReady()
	return int(C.ml_signals_guard())
}

// EnginesReady waits until both engines exist (creating them if Prewarm
// has not started), so that Wasmtime's signal handlers are installed and
// recorded (signals.c). A handler installed while Prewarm's goroutine is
// creating an engine could otherwise be taken for Wasmtime's, and the next
// trap would end the process: the Python package calls this, through
// guard_signals, before faulthandler.enable. It reports whether the
// engines could be created.
func EnginesReady() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	engineFor(Fast)
	engineFor(Interruptible)
	return true
}
