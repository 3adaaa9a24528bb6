package wasm

import (
	"sync"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

var (
	engineOnce sync.Once
	theEngine  *wasmtime.Engine
)

// engine returns the process-wide Wasmtime engine, created on first use:
// Cranelift optimizing for speed. Every module and store in the process
// shares it, which is what lets modules be cached and reused.
func engine() *wasmtime.Engine {
	engineOnce.Do(func() {
		cfg := wasmtime.NewConfig()
		cfg.SetCraneliftOptLevel(wasmtime.OptLevelSpeed)
		theEngine = wasmtime.NewEngineWithConfig(cfg)
	})
	return theEngine
}
