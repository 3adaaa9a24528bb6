package wasm

import (
	"os"
	"sync"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

var (
	engineOnce sync.Once
	theEngine  *wasmtime.Engine
)

// engineSettings describes the engine configuration; it is part of the key
// of every disk cache entry, so that changing the configuration never
// loads code compiled under another one.
const engineSettings = "cranelift-opt=speed;epoch-interruption=1"

// engine returns the process-wide Wasmtime engine, created on first use:
// Cranelift optimizing for speed, with epoch interruption so that calls can
// have a time limit (every store gets a deadline that is never reached
// unless a timed call sets a near one). Every module and store in the
// process shares it, which is what lets modules be cached and reused.
//
// Creating the engine also sets RUST_LIB_BACKTRACE=0 unless the variable
// is set: with RUST_BACKTRACE=1 in the environment, Wasmtime would capture a
// Rust backtrace for every trap (tens of microseconds). Our trap messages
// and WebAssembly backtraces do not depend on either variable.
func engine() *wasmtime.Engine {
	engineOnce.Do(func() {
		if _, ok := os.LookupEnv("RUST_LIB_BACKTRACE"); !ok {
			os.Setenv("RUST_LIB_BACKTRACE", "0")
		}
		cfg := wasmtime.NewConfig()
		cfg.SetCraneliftOptLevel(wasmtime.OptLevelSpeed)
		cfg.SetEpochInterruption(true)
		theEngine = wasmtime.NewEngineWithConfig(cfg)
	})
	return theEngine
}
