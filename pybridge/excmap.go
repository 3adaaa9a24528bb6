package main

import (
	"errors"

	"github.com/multilingualprogramming/multilingual/core/compiler"
	"github.com/multilingualprogramming/multilingual/core/wasmgen"
	"github.com/multilingualprogramming/multilingual/wasm"
)

// A pyExc names the Python exception class a Go error becomes.
type pyExc int

// The exception classes Go errors map to.
const (
	excRuntime      pyExc = iota // RuntimeError: internal failures, panics
	excValue                     // ValueError: bad module bytes, another ABI, unknown export, closed module
	excType                      // TypeError: arguments that do not fit a signature
	excIndex                     // IndexError: memory access out of bounds
	excOverflow                  // OverflowError
	excZeroDivision              // ZeroDivisionError
	excRecursion                 // RecursionError
	excAssertion                 // AssertionError
	excMemory                    // MemoryError
	excWasmTrap                  // _native.WasmTrap: any other trap
	excPermission                // PermissionError: an unsafe cache directory
	excTimeout                   // TimeoutError
	excInterrupt                 // KeyboardInterrupt: SIGINT stopped the call (C runs Python's handler)
)

// excFor returns the Python exception class for err.
func excFor(err error) pyExc {
	var (
		trap *wasm.Trap
		arg  *wasm.ArgError
		rng  *wasm.MemoryRangeError
		ce   *wasm.CompileError
		exp  *wasm.ExportError
		imp  *wasm.MissingImportsError
		lang *compiler.UnknownLanguageError
		lim  *wasm.MemoryLimitError
		ie   *wasm.ImportError
		ucd  *wasm.UnsafeCacheDirError
		abiE *wasm.ABIError
		pass *wasmgen.UnknownPassError
	)
	switch {
	case errors.As(err, &trap):
		switch trap.Kind {
		case wasm.TrapZeroDivision:
			return excZeroDivision
		case wasm.TrapOverflow:
			return excOverflow
		case wasm.TrapIndex:
			return excIndex
		case wasm.TrapRecursion:
			return excRecursion
		case wasm.TrapValue:
			return excValue
		case wasm.TrapAssertion:
			return excAssertion
		case wasm.TrapMemory:
			return excMemory
		case wasm.TrapTimeout:
			return excTimeout
		case wasm.TrapType:
			return excType
		case wasm.TrapInterrupt:
			return excInterrupt
		}
		return excWasmTrap
	case errors.Is(err, wasm.ErrTimeout):
		return excTimeout
	case errors.Is(err, wasm.ErrInterrupted):
		return excInterrupt
	case errors.As(err, &lim):
		return excMemory
	case errors.As(err, &ucd):
		return excPermission
	case errors.As(err, &arg):
		return excType
	case errors.As(err, &rng):
		return excIndex
	case errors.As(err, &ce), errors.As(err, &exp), errors.As(err, &imp), errors.As(err, &lang), errors.As(err, &ie),
		errors.Is(err, wasm.ErrEmpty), errors.Is(err, wasm.ErrClosed), errors.Is(err, wasm.ErrNoMemory),
		errors.Is(err, wasm.ErrNotInterruptible), errors.As(err, &abiE), errors.As(err, &pass):
		return excValue
	}
	return excRuntime
}
