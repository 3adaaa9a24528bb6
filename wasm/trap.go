package wasm

import (
	"errors"
	"fmt"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/abi"
)

// A TrapKind says which Python exception a failed call stands for. Its
// values are those of core/abi's TrapKind, the ML_OK and ML_TRAP_*
// constants of the generated header that fastcall.h includes.
type TrapKind abi.TrapKind

// The trap kinds.
const (
	TrapNone         = TrapKind(abi.TrapNone)         // the call succeeded
	TrapGeneric      = TrapKind(abi.TrapGeneric)      // any other trap (out-of-bounds memory, bad conversion, ...)
	TrapZeroDivision = TrapKind(abi.TrapZeroDivision) // ZeroDivisionError
	TrapOverflow     = TrapKind(abi.TrapOverflow)     // OverflowError; AUTO re-runs the call in Python
	TrapIndex        = TrapKind(abi.TrapIndex)        // IndexError
	TrapRecursion    = TrapKind(abi.TrapRecursion)    // RecursionError (wasm stack exhausted)
	TrapValue        = TrapKind(abi.TrapValue)        // ValueError
	TrapAssertion    = TrapKind(abi.TrapAssertion)    // AssertionError
	TrapMemory       = TrapKind(abi.TrapMemory)       // MemoryError
	TrapUnsupported  = TrapKind(abi.TrapUnsupported)  // a value compiled code cannot represent; AUTO re-runs in Python
	TrapError        = TrapKind(abi.TrapError)        // Wasmtime failed the call without a trap
	TrapTimeout      = TrapKind(abi.TrapTimeout)      // TimeoutError: the deadline of a timed call passed
	TrapType         = TrapKind(abi.TrapType)         // TypeError (code ErrType)
	TrapInterrupt    = TrapKind(abi.TrapInterrupt)    // KeyboardInterrupt: SIGINT stopped the call (code ErrInterrupt)
)

// Errors that a *Trap matches with errors.Is, one per kind.
var (
	// ErrTrap is matched by generic traps and Wasmtime errors.
	ErrTrap = errors.New("wasm trap")
	// ErrZeroDivision: native integer division by zero, or code ErrZeroDivision.
	ErrZeroDivision = errors.New("division by zero")
	// ErrOverflow: native integer overflow (i64 MIN / -1), or code ErrOverflow.
	ErrOverflow = errors.New("integer overflow")
	// ErrIndex: code ErrIndex, an index out of range.
	ErrIndex = errors.New("index out of range")
	// ErrRecursion: the WebAssembly stack overflowed.
	ErrRecursion = errors.New("maximum recursion depth exceeded")
	// ErrValue: code ErrValue, an invalid argument value.
	ErrValue = errors.New("invalid value")
	// ErrAssertion: code ErrAssertion, a failed assert.
	ErrAssertion = errors.New("assertion failed")
	// ErrMemory: code ErrMemory, the module could not grow its memory.
	ErrMemory = errors.New("out of memory")
	// ErrUnsupported: code ErrUnsupported, a value compiled code cannot represent.
	ErrUnsupported = errors.New("value not supported by compiled code")
	// ErrTimeout: a call with a time limit ran past it (epoch interruption).
	ErrTimeout = errors.New("time limit exceeded")
	// ErrType: code ErrType, a value of the wrong type or length.
	ErrType = errors.New("value of the wrong type")
	// ErrInterrupted: SIGINT (Ctrl-C) stopped the call (code ErrInterrupt,
	// or the epoch callback of interrupt.c).
	ErrInterrupted = errors.New("interrupted")
)

// Err returns the error variable for k, or nil for TrapNone.
func (k TrapKind) Err() error {
	switch k {
	case TrapNone:
		return nil
	case TrapZeroDivision:
		return ErrZeroDivision
	case TrapOverflow:
		return ErrOverflow
	case TrapIndex:
		return ErrIndex
	case TrapRecursion:
		return ErrRecursion
	case TrapValue:
		return ErrValue
	case TrapAssertion:
		return ErrAssertion
	case TrapMemory:
		return ErrMemory
	case TrapUnsupported:
		return ErrUnsupported
	case TrapTimeout:
		return ErrTimeout
	case TrapType:
		return ErrType
	case TrapInterrupt:
		return ErrInterrupted
	}
	return ErrTrap
}

// String returns a short name ("ZeroDivision", "Generic").
func (k TrapKind) String() string {
	if n := abi.TrapKind(k).Name(); n != "" {
		return n
	}
	return fmt.Sprintf("TrapKind(%d)", int(k))
}

// Native Wasmtime trap codes (wasmtime/trap.h, enum wasmtime_trap_code_enum)
// that classify distinguishes.
const (
	codeStackOverflow         = 0
	codeIntegerOverflow       = 6
	codeIntegerDivisionByZero = 7
	codeUnreachable           = 9
	codeInterrupt             = 10
)

// classify maps a native trap code (-1 for none) and the code __ml_error
// returned (0 for none) to a kind:
//
//	INTEGER_DIVISION_BY_ZERO          ZeroDivision
//	INTEGER_OVERFLOW                  Overflow
//	STACK_OVERFLOW                    Recursion
//	INTERRUPT                         Timeout
//	UNREACHABLE_CODE_REACHED + code   1 Overflow, 2 ZeroDivision, 3 Index,
//	                                  4 Value, 5 Assertion, 6 Memory,
//	                                  7 Unsupported, 8 Type, 9 Interrupt,
//	                                  else Generic
//	anything else                     Generic
//
// The codes map through abi.TrapFor, which the generated ml_trap_for_error
// of ml_abi.h spells in C for ml_kind_for in fastcall.c; a test keeps the
// two classifications equal.
func classify(code int, mlCode int32) TrapKind {
	switch code {
	case codeIntegerDivisionByZero:
		return TrapZeroDivision
	case codeIntegerOverflow:
		return TrapOverflow
	case codeStackOverflow:
		return TrapRecursion
	case codeInterrupt:
		return TrapTimeout
	case codeUnreachable:
		return TrapKind(abi.TrapFor(abi.ErrorCode(mlCode)))
	}
	return TrapGeneric
}

// A Trap is a call into WebAssembly that failed.
type Trap struct {
	Kind      TrapKind
	Code      int    // Wasmtime's native trap code, or -1
	ErrorCode int32  // what __ml_error reported after `unreachable`, or 0
	Func      string // the export that was called
	Message   string // one line: what happened (never a Rust backtrace)
	CodeName  string // the native code in snake case ("unreachable"), or "error"
	Backtrace string // the WebAssembly frames, innermost first, one per line
}

// Error returns the kind's description; generic traps add the function,
// Wasmtime's description of the trap and the WebAssembly backtrace.
func (t *Trap) Error() string {
	switch t.Kind {
	case TrapGeneric, TrapError:
		msg := fmt.Sprintf("%s: %s: %s", t.Func, t.Kind.Err(), t.Message)
		if t.Backtrace != "" {
			msg += "\nwasm backtrace:\n" + strings.TrimRight(t.Backtrace, "\n")
		}
		return msg
	}
	return t.Kind.Err().Error()
}

// Is reports whether target is the error variable of t's kind.
func (t *Trap) Is(target error) bool { return target != nil && target == t.Kind.Err() }
