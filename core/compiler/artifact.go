package compiler

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// Options tune one compilation.
type Options struct {
	// Filename is used in error messages; "<source>" when empty.
	Filename string
	// Language is the language code ("fr"); empty means detect it from the source.
	Language string
	// Optimize runs every optimization pass of the WebAssembly generator
	// (wasmgen.Passes lists them); without it only wasmgen.BasePasses run.
	// The Python package and the command line always set it, true unless
	// asked not to (optimize=False, --no-optimize); the zero value is the
	// unoptimized compile that Go tests of the base passes ask for.
	Optimize bool
	// Disable names passes to switch off (wasmgen.PassNames); an unknown
	// name fails the compilation with a *wasmgen.UnknownPassError.
	Disable []string
	// WAT asks for the module as text as well (Artifact.WAT), which costs
	// about as much as generating the module: only `multilingual wat` and
	// Program.wat() need it.
	WAT bool
}

// An Artifact is everything one compilation produced.
type Artifact struct {
	Language  string           // language code the program was read in
	Detected  bool             // true when Language was detected rather than given
	File      *ast.File        // the parsed program
	Info      *check.Info      // what the checker inferred
	Functions []Function       // every top-level function, in source order
	Wasm      []byte           // the WebAssembly module (compilable functions only)
	WAT       string           // the module as readable text, when Options.WAT asked for it
	Warnings  source.ErrorList // problems that did not stop compilation
}

// A Function is one top-level function as the Python package sees it.
type Function struct {
	Name       string  // as written in the source, and the export name in Wasm
	Params     []Param // in order
	Result     string  // Python spelling of the result type ("int", "None", "unknown")
	Compilable bool    // true when Wasm exports it
	Reason     string  // why it is Python-only, when !Compilable
	// Signature is the compact calling convention used by the bridge:
	// the letters of each parameter, ':' then the letters of the result.
	// i = int (i64), f = float (f64), b = bool (i32), s = str (i32 address),
	// n = None (no result); I, F, B, S = list[int], list[float], list[bool],
	// list[str]; L prefixes a list of
	// the list that follows (LF = list[list[float]]). The grammar is in
	// the doc comment of func Signature. Empty when the function is not
	// compilable.
	Signature string
	// Bounded is true when the function's running time is bounded by a
	// small constant (check.Func.Bounded): no loops, no lists, no
	// recursion. The bridge keeps the GIL while such a call runs.
	Bounded bool
}

// A Param is a parameter name with the Python spelling of its type.
type Param struct {
	Name string
	Type string
}
