package abi

// A ValKind is the type of a WebAssembly parameter or result as the
// runtime and the C of the fast path see it. Its values are those of
// wasm.h's wasm_valkind_enum for the numeric types (ML_I32..ML_F64 in
// the generated header).
type ValKind uint8

// The value kinds. KindOther stands for reference and vector types, which
// only the reflective call path can see.
const (
	KindI32   ValKind = 0
	KindI64   ValKind = 1
	KindF32   ValKind = 2
	KindF64   ValKind = 3
	KindOther ValKind = 255
)

// String returns the WebAssembly text name of k ("i32", "f64"), or "other".
func (k ValKind) String() string {
	switch k {
	case KindI32:
		return "i32"
	case KindI64:
		return "i64"
	case KindF32:
		return "f32"
	case KindF64:
		return "f64"
	}
	return "other"
}

// A TrapKind is the outcome of a call into a module: success, or which
// Python exception a failed call stands for. Package wasm (its TrapKind),
// the fast path in C (ML_OK, ML_TRAP_*) and the CPython bridge all use
// these values.
type TrapKind int32

// The trap kinds, numbered from 0 without gaps up to TrapInterrupt.
const (
	TrapNone         TrapKind = 0  // the call succeeded (ML_OK)
	TrapGeneric      TrapKind = 1  // any other trap (out-of-bounds memory, bad conversion, ...)
	TrapZeroDivision TrapKind = 2  // ZeroDivisionError
	TrapOverflow     TrapKind = 3  // OverflowError; AUTO re-runs the call in Python
	TrapIndex        TrapKind = 4  // IndexError
	TrapRecursion    TrapKind = 5  // RecursionError (wasm stack exhausted)
	TrapValue        TrapKind = 6  // ValueError
	TrapAssertion    TrapKind = 7  // AssertionError
	TrapMemory       TrapKind = 8  // MemoryError
	TrapUnsupported  TrapKind = 9  // a value compiled code cannot represent; AUTO re-runs in Python
	TrapError        TrapKind = 10 // Wasmtime failed the call without a trap
	TrapTimeout      TrapKind = 11 // TimeoutError: the deadline of a timed call passed
	TrapType         TrapKind = 12 // TypeError (code ErrType)
	TrapInterrupt    TrapKind = 13 // KeyboardInterrupt: SIGINT stopped the call (code ErrInterrupt)
)

// TrapKinds is the number of trap kinds: TrapNone..TrapInterrupt.
const TrapKinds = 14

// trapNames are the short names of the trap kinds, in order.
var trapNames = [TrapKinds]string{"None", "Generic", "ZeroDivision", "Overflow", "Index",
	"Recursion", "Value", "Assertion", "Memory", "Unsupported", "Error", "Timeout", "Type", "Interrupt"}

// Name returns a short name of k ("ZeroDivision", "Generic"), or "" for a
// value that is not a trap kind.
func (k TrapKind) Name() string {
	if k >= 0 && k < TrapKinds {
		return trapNames[k]
	}
	return ""
}

// TrapFor returns the kind of a deliberate trap that recorded code:
// TrapGeneric for ErrNone and unknown codes.
func TrapFor(code ErrorCode) TrapKind {
	switch code {
	case ErrOverflow:
		return TrapOverflow
	case ErrZeroDivision:
		return TrapZeroDivision
	case ErrIndex:
		return TrapIndex
	case ErrValue:
		return TrapValue
	case ErrAssertion:
		return TrapAssertion
	case ErrMemory:
		return TrapMemory
	case ErrUnsupported:
		return TrapUnsupported
	case ErrType:
		return TrapType
	case ErrInterrupt:
		return TrapInterrupt
	}
	return TrapGeneric
}
