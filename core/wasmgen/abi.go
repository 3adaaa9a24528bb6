package wasmgen

// The conventions every module we generate follows, shared with the runtime
// (package wasm) that loads it. Changing any of them changes the ABI: bump
// ABIVersion so that cached artifacts built under the old rules are not reused.
const (
	// ABIVersion names the current set of conventions.
	ABIVersion = 1

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
)

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
)
