// Package abi is the module ABI: the conventions every module that
// core/wasmgen generates follows, shared with the runtime (package wasm)
// that loads it and with the C of the fast call path and of the CPython
// bridge. Export names, error codes, memory layouts, value and trap kinds
// and the ABI version are defined here once; `go generate` writes them
// into the C header wasm/ml_abi.h (gen/main.go), which wasm/ and
// pybridge/ include, and a test checks that the committed header is up to
// date.
//
// Changing any of the module conventions changes the ABI: bump Version, so
// that the runtime refuses modules built under the old rules (it reads the
// version a module records, VersionSection) and the disk cache, whose key
// includes Version, does not reuse their machine code.
package abi

//go:generate go run ./gen -o ../../wasm/ml_abi.h

const (
	// Version names the current set of conventions (ABI 6: the
	// interrupt word; ABI 4: bool slots of one byte; ABI 3: strings).
	Version = 6

	// VersionSection names the custom section in which a generated module
	// records the Version it was built for, as an unsigned LEB128 integer.
	// It is the module's first section, so that the runtime reads it
	// without decoding the rest; it costs nothing on calls.
	VersionSection = "multilingual.abi"

	// MemoryExport is the name under which every module exports its linear memory.
	MemoryExport = "memory"

	// ErrorExport names an exported function `() -> i32` that returns the
	// ErrorCode recorded just before the module executed `unreachable`.
	// The runtime calls it after an "unreachable" trap to learn which
	// Python exception the program raised.
	ErrorExport = "__ml_error"

	// MainExport names the exported entry point that runs the program's
	// top-level statements, when they are compilable. Instantiating a module
	// never runs it.
	MainExport = "__ml_main"

	// HostExport names the table of host functions a module that needs
	// them exports: one funcref slot, which the runtime fills after
	// instantiating the module with the platform's pow(x, y) of type
	// (f64, f64) -> f64, the function CPython's float ** calls (so that the
	// result is the same bit for bit). pow returns NaN when it set errno
	// (overflow); a module run where nothing fills the slot finds it null
	// and traps with ErrUnsupported, so AUTO re-runs the call in Python.
	HostExport = "__ml_host"

	// InterruptExport names an exported immutable i32 global holding
	// InterruptAddr (ABI 6). Its presence tells the runtime that the
	// module's code polls the i32 word at that address of its memory, at
	// loop back-edges and at the entry of recursive functions (core/wasmgen
	// interrupt.go): the runtime clears the word before a call it may have
	// to stop, and its SIGINT handler sets it, which makes the call trap
	// with ErrInterrupt.
	InterruptExport = "__ml_interrupt"

	// InterruptAddr is the address of the interrupt word, below HeapBase:
	// nothing else ever writes there.
	InterruptAddr = 8

	// FloatSumExport names an exported mutable i32 global of a module
	// that sums floats (`sum(x for x in xs)` of floats): the runtime sets
	// it, after instantiating the module, to the way the CPython it serves
	// sums floats, FloatSumPlain or FloatSumCompensated. A module run where
	// nothing sets it finds FloatSumUnset and traps with ErrUnsupported at
	// its first float sum, so AUTO re-runs the call in Python.
	FloatSumExport = "__ml_fsum"

	// HostSlots is the number of funcref slots of the host table;
	// HostPowSlot is the one the runtime fills with pow.
	HostSlots   = 1
	HostPowSlot = 0
)

// The ways CPython's sum() adds floats (FloatSumExport). Both start from
// the int 0, so the first float x gives 0 + x (-0.0 becomes 0.0), and an
// empty sum is the int 0.
const (
	FloatSumUnset = 0
	// FloatSumPlain: CPython 3.10 and 3.11 add each float in turn.
	FloatSumPlain = 1
	// FloatSumCompensated: CPython 3.12 and later keep Neumaier's
	// compensation c beside the running sum f: t = f + x, then c += (f -
	// t) + x when |f| >= |x|, else c += (x - t) + f, and f = t; the result
	// is f + c when c is finite and not zero, else f.
	FloatSumCompensated = 2
)

// FloatSumFor returns the way CPython 3.minor sums floats.
func FloatSumFor(minor int) int32 {
	if minor >= 12 {
		return FloatSumCompensated
	}
	return FloatSumPlain
}

// An ErrorCode is the reason a generated module trapped on purpose.
type ErrorCode int32

// The error codes a module records before trapping. Zero means "no recorded
// error": the trap was not one of ours. Division of integers by zero and
// i64 MIN // -1 trap natively (integer division by zero, integer overflow) and
// need no code.
const (
	ErrNone         ErrorCode = 0
	ErrOverflow     ErrorCode = 1 // an int result does not fit in i64: OverflowError (AUTO re-runs in Python)
	ErrZeroDivision ErrorCode = 2 // float division or modulo by zero: ZeroDivisionError
	ErrIndex        ErrorCode = 3 // list index out of range: IndexError
	ErrValue        ErrorCode = 4 // e.g. range() step of zero, int(nan): ValueError
	ErrAssertion    ErrorCode = 5 // a failed assert: AssertionError
	ErrMemory       ErrorCode = 6 // the allocator could not grow memory: MemoryError
	ErrUnsupported  ErrorCode = 7 // a value the compiled code cannot represent: AUTO re-runs in Python
	ErrType         ErrorCode = 8 // a value of the wrong type or length, e.g. ord() of "ab": TypeError
	ErrInterrupt    ErrorCode = 9 // the runtime set the interrupt word (Ctrl-C): KeyboardInterrupt
)

// The list ABI (ABI 4: bool slots of one byte).
//
// A list value is an i32: the address in the exported memory of its
// 16-byte header, little-endian like all WebAssembly memory:
//
//	offset 0  len  i32  number of elements
//	offset 4  cap  i32  number of slots allocated at data (cap >= len)
//	offset 8  data i32  address of slot 0; slot k is at data + size*k
//	offset 12 (unused, 0 or garbage)
//
// The slots of a list[bool] take one byte each; every other element type
// takes an 8-byte slot:
//
//	int          i64, two's complement
//	float        f64, IEEE bits
//	bool         one byte, 0 or 1
//	list[...]    the i32 address of the inner list's header, zero-extended
//	str          the i32 address of the string object, zero-extended
//
// Data and headers are 8-byte aligned. Addresses below HeapBase are never
// lists.
//
// Memory management is an arena. Every exported function starts by
// resetting the allocator to the end of the arguments the host allocated
// for this call (or to HeapBase when there are none) and forgets them, so
// nothing allocated by one call outlives the next call into the instance.
// To call a function with list parameters the host:
//
//  1. calls __ml_reset() (AllocReset);
//  2. builds each argument list with __ml_alloc(nbytes i32) -> i32
//     (AllocExport): one block of ListHeaderSize bytes for the header and one
//     of size*len bytes for the data (or one block holding both), writes the
//     header with cap = len and the slots; nested lists likewise, their
//     addresses stored in the outer slots. __ml_alloc returns 8-aligned
//     memory, grows the memory as needed, and traps with ErrMemory when it
//     cannot;
//  3. calls the function with the header addresses as i32 arguments;
//  4. reads a list result from the returned address (and any list
//     argument, which the function may have mutated in place, as Python
//     does) before the next call into the instance, which reuses the memory.
//
// Strings (ABI 3) are immutable values in the same memory. A str
// value is an i32: the address of an 8-aligned object
//
//	offset 0  nbytes i32  length of the text in bytes
//	offset 4  count  i32  number of code points (Python's len), at most 2**28
//	offset 8  bytes       the text in UTF-8; a lone surrogate (which Python
//	                      strings may hold) is encoded like any other code
//	                      point, in three bytes, as Python's "surrogatepass"
//
// Byte order of such UTF-8 is code point order, so strings compare as
// bytes. A slot of a list[str] holds the address, zero-extended. The host
// passes a str argument as one block from __ml_alloc holding the object;
// a str result is read like a list result, before the next call. Below
// the arena, from HeapBase, lie the module's static strings (its data
// segment): first the 128 one-character ASCII strings, StaticCharSize
// bytes apart, then the literals. Compiled code never writes to them, and
// the arena starts after them, so ResetExport and the exported wrappers
// reset the allocator to the end of the static strings, not to HeapBase.
//
// A function whose parameters and result are scalars needs none of this.
// __ml_alloc and __ml_reset exist only in modules that use lists or
// strings (check.Func.Internal marks the functions with such parameters or
// results; core/compiler.Signature gives their bridge letters).
const (
	// AllocExport names `__ml_alloc(nbytes i32) -> i32`.
	AllocExport = "__ml_alloc"
	// ResetExport names `__ml_reset()`, which empties the arena.
	ResetExport = "__ml_reset"

	HeapBase       = 16 // first address the allocator hands out
	ListHeaderSize = 16 // bytes of a list header
	ListLenOffset  = 0  // offset of len in the header
	ListCapOffset  = 4  // offset of cap in the header
	ListDataOffset = 8  // offset of data in the header
	ListSlotSize   = 8  // bytes of one element slot, except in a list[bool]
	BoolSlotSize   = 1  // bytes of one element slot of a list[bool]

	StrLenOffset   = 0  // offset of nbytes in a string
	StrCountOffset = 4  // offset of the code point count
	StrHeaderSize  = 8  // offset of the bytes
	StaticCharSize = 16 // bytes between the static one-character strings
)
