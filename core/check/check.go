// Package check resolves names and infers types for a parsed program, and
// decides, function by function, whether core/wasmgen can compile it.
//
// The checker runs in three passes over the one AST that every surface
// language shares:
//
//  1. collect: the top-level functions and the names assigned at top level
//     (the globals);
//  2. resolve: every name read must be a parameter, a local assigned somewhere
//     in its function, a top-level function, a global or a builtin (English or
//     localized, through lang.Language.Builtin and TypeName). Undefined names,
//     calls with the wrong number of arguments, `return` outside a function
//     and `break` outside a loop are errors, reported in the program's
//     language;
//  3. infer: each function's locals and expressions get a static type, and a
//     function is Compilable only when every part of it has a WebAssembly
//     translation with exactly Python's semantics. Anything else keeps the
//     function Python-only, with a plain-English Reason naming the line and
//     the construct. A last fixpoint makes Python-only every function that
//     calls a Python-only function.
//
// Afterwards markBounded (bounded.go) flags the compilable functions that
// cannot run long (no loops, no lists, no recursion), for which the bridge
// need not release the GIL.
//
// Errors are only for programs Python would reject or that are certainly
// wrong; "cannot be compiled" is never an error.
//
// Typing rules worth knowing (see infer.go): bool operands of arithmetic are
// promoted to int, as Python does (True + True == 2); an int compared with
// a float is compared exactly (core/wasmgen does it without rounding); `**`
// on floats stays Python-only (CPython's result is the platform libm's);
// a function must return exactly its annotated type (returning the int 0 from
// a `-> float` function is Python-only, since Python would return an int).
// An int-result function that can fall off its end is compilable: the
// generated code traps with ErrUnsupported on that path and the caller re-runs
// it in Python, which returns None.
package check

import (
	"fmt"
	"sort"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// ReservedExports are names a compiled function cannot take because every
// generated module already exports them (core/wasmgen/abi.go). A function
// with such a name stays Python-only.
var ReservedExports = map[string]bool{"memory": true, "__ml_error": true, "__ml_main": true,
	"__ml_alloc": true, "__ml_reset": true}

// Check resolves and types f, read in language l, and returns what it
// learned with every error found. Error lines carry no source text; use
// CheckSource to fill it.
func Check(f *ast.File, l *lang.Language) (*Info, source.ErrorList) {
	return CheckSource(f, "", l)
}

// CheckSource is Check with the program's source text, used to fill the
// Text field of each error.
func CheckSource(f *ast.File, src string, l *lang.Language) (info *Info, errs source.ErrorList) {
	c := newChecker(f, src, l)
	defer func() {
		if r := recover(); r != nil {
			// A malformed tree (for example a nil node from a parser that
			// recovered badly) must not crash the caller.
			c.errorAt(source.Span{}, fmt.Sprintf("internal error: %v", r))
			info, errs = c.info, c.errs
			errs.Sort()
		}
	}()
	c.collect()
	c.resolveFile()
	c.inferAll()
	c.propagate()
	c.markInternal()
	c.markBounded()
	c.errs.Sort()
	return c.info, c.errs
}

// nameKind says what a name read in an expression refers to.
type nameKind int

const (
	kindUndefined nameKind = iota
	kindLocal
	kindGlobal
	kindFunc
	kindBuiltin
)

type checker struct {
	file  *ast.File
	src   string
	lang  *lang.Language
	code  string
	info  *Info
	errs  source.ErrorList
	funcs map[string]*ast.FuncDef // top-level functions, last definition wins
	defs  map[string]int          // how many times each function is defined
	glob  map[string]bool         // names assigned at top level or declared global
	kinds map[*ast.Ident]nameKind // what each name read refers to
	// scope of each function: names local to it (params and assigned names).
	scopes map[*ast.FuncDef]map[string]bool
	// declared global in each function.
	globalDecl map[*ast.FuncDef]map[string]bool
	states     []*fstate // per-function inference state, in source order
}

func newChecker(f *ast.File, src string, l *lang.Language) *checker {
	if l == nil {
		l, _ = lang.Get("en")
	}
	code := l.Code
	if f != nil && f.Lang != "" {
		code = f.Lang
	}
	return &checker{
		file: f, src: src, lang: l, code: code,
		info: &Info{
			FuncByName: make(map[string]*Func),
			Types:      make(map[ast.Expr]*Type),
			Builtins:   make(map[*ast.Ident]string),
			Methods:    make(map[*ast.Ident]string),
			Locals:     make(map[*ast.FuncDef][]*Local),
		},
		funcs:      make(map[string]*ast.FuncDef),
		defs:       make(map[string]int),
		glob:       make(map[string]bool),
		kinds:      make(map[*ast.Ident]nameKind),
		scopes:     make(map[*ast.FuncDef]map[string]bool),
		globalDecl: make(map[*ast.FuncDef]map[string]bool),
	}
}

// errorAt records an error whose message is already formatted.
func (c *checker) errorAt(sp source.Span, msg string) {
	name := "<source>"
	if c.file != nil && c.file.Name != "" {
		name = c.file.Name
	}
	c.errs.Add(&source.Error{
		File: name, Start: sp.Start, End: sp.End, Lang: c.code, Msg: msg,
		Text: source.LineText(c.src, sp.Start.Line),
	})
}

// errorf records error id at sp, in the program's language.
func (c *checker) errorf(sp source.Span, id msgID, args ...any) {
	c.errorAt(sp, message(c.code, id, args...))
}

func sortStrings(s []string) { sort.Strings(s) }
