// Package check resolves names and infers types for a parsed program, and
// decides, function by function, whether core/wasmgen can compile it.
//
// The checker accepts every program of Python 3.12's surface that CPython
// itself would compile, and runs in these passes over the one AST that
// every surface language shares:
//
//  1. collect: the top-level functions;
//  2. resolve (resolve.go, after CPython's symtable): the scope tree
//     (module, functions, lambdas, class bodies, comprehensions) and, for
//     every name written, the variable it denotes: a local, a global, a
//     free variable of an enclosing function, a class attribute, a
//     builtin (English or localized, through lang.Language.Builtin and
//     TypeName, or any name of Python's builtins module) or nothing
//     (Info.Names, Info.Scopes, Info.Builtins). The errors are those
//     CPython reports when it compiles the program (SyntaxError-class:
//     return, yield or await outside a function, break or continue
//     outside a loop, nonlocal without a binding, a name declared global
//     or nonlocal after its use, a duplicate parameter, a repeated keyword
//     argument, a star import in a function, the rules of patterns and of
//     assignment expressions in comprehensions, ...), plus our `const`
//     rule: a name declared `const` is bound by that declaration only, in
//     the scope it lands in; any other binding of it there (assignment,
//     for target, import, def, class, del, ...) is an error naming the
//     declaration's line. Errors are reported in the program's language.
//     An undefined name or a call with the wrong number of arguments is
//     not an error (Python raises NameError or TypeError at run time, and
//     a program may rely on it or define names dynamically); it keeps the
//     function Python-only;
//  3. infer: each top-level function is Compilable only when every part of
//     it has a WebAssembly translation with exactly Python's semantics. A
//     syntactic pass (subset.go) first rejects any construct outside the
//     compiled subset (classes, nested functions, lambdas, comprehensions,
//     try, with, yield, await, dict, set and tuple values, keyword
//     arguments, f-strings, slices, imports, global, match, del, ...), as
//     do decorators, async def, parameters other than plain positional
//     ones, and annotations that are not types the compiler knows; then
//     the locals and expressions get static types. Anything else keeps the
//     function Python-only, with a plain-English Reason naming the line and
//     the construct. A last fixpoint makes Python-only every function that
//     calls a Python-only function. Functions that are not at the top level
//     (methods, nested functions) are never compiled and are not in
//     Info.Funcs; their scopes are in Info.Scopes.
//
// Afterwards markBounded (bounded.go) flags the compilable functions that
// cannot run long (no loops, no lists, no recursion), for which the bridge
// need not release the GIL, and markCalls (calls.go) records, for the
// generator's passes, which functions each compiled function calls, which
// lie on a cycle of calls, and which names each one assigns.
//
// Name rules worth knowing: a compiled function may call another top-level
// function only when the module binds that name by its def alone (no other
// assignment, import, class or del of it anywhere, no global declaration
// that rebinds it); it may not read a module-level variable (bound by an
// assignment, a class, an import, ...). A module-level star import makes
// every function that reads a builtin or calls a top-level function
// Python-only, since it may rebind any of them. Rebinding through exec,
// globals() or a module's attributes is not tracked. Info.Methods
// translates a localized method name only where no attribute of that name
// is defined in the program (see resolveMethods).
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
	c.checkLimits()
	c.collect()
	c.resolveFile()
	c.inferAll()
	c.propagate()
	c.markInternal()
	c.markBounded()
	c.markCalls()
	c.errs.Sort()
	return c.info, c.errs
}

type checker struct {
	file  *ast.File
	src   string
	lang  *lang.Language
	code  string
	info  *Info
	errs  source.ErrorList
	funcs map[string]*ast.FuncDef // top-level functions, last definition wins
	defs  map[string]int          // how many times each function is defined
	kinds map[*ast.Ident]nameKind // what each name read refers to
	// unpacks holds the calls `a, b = f(...)` unpacks (lower.go), with the
	// number of targets: their tuple is held by a temporary.
	unpacks map[*ast.Call]int

	// the resolver's state (resolve.go)
	module      *Scope
	refs        []ref                    // every occurrence of a name, in source order
	bindings    []*binding               // every binding of a name, in source order
	methodCalls []methodCall             // calls x.m(...), for Info.Methods
	attrDefs    map[string]bool          // attribute names the program defines
	star        source.Span              // the first module-level star import
	attrStores  map[string]bool          // names whose attributes a statement stores (mathmod.go), once asked
	futureOK    map[*ast.ImportFrom]bool // future imports where Python allows them
	modNames    map[string]bool          // names bound in the module's namespace
	modBinds    map[string][]*binding    // the bindings landing in the module, by name

	states []*fstate // per-function inference state, in source order
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
			Scopes:     make(map[ast.Node]*Scope),
			Names:      make(map[*ast.Ident]*Symbol),
			Consts:     make(map[*ast.Ident]*Const),
			MathCalls:  make(map[*ast.Call]string),
			MathConsts: make(map[*ast.Attribute]float64),
		},
		funcs:    make(map[string]*ast.FuncDef),
		defs:     make(map[string]int),
		kinds:    make(map[*ast.Ident]nameKind),
		attrDefs: make(map[string]bool),
		futureOK: make(map[*ast.ImportFrom]bool),
		modNames: make(map[string]bool),
		modBinds: make(map[string][]*binding),
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
