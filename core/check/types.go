package check

import (
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// A Kind is the shape of a Type.
type Kind int

// The kinds of value the checker knows. Int, Float, Bool, None and List
// (of int, float, bool or lists of them) are compilable; Str and Unknown keep
// a function Python-only.
const (
	Unknown Kind = iota // not inferred: the function stays Python-only
	Int                 // Python int; i64 in WebAssembly with overflow checks
	Float               // Python float; f64
	Bool                // Python bool; i32 0/1
	None                // the None value (a function with no return value)
	Str                 // Python str
	List                // list[Elem]
)

// A Type is the static type of an expression, parameter or result.
type Type struct {
	Kind Kind
	Elem *Type // element type when Kind == List
	// hole marks the element type of an empty list literal while it is
	// still unknown; the checker fills it in place (see unify in lists.go).
	hole bool
}

// Common types.
var (
	TUnknown = &Type{Kind: Unknown}
	TInt     = &Type{Kind: Int}
	TFloat   = &Type{Kind: Float}
	TBool    = &Type{Kind: Bool}
	TNone    = &Type{Kind: None}
	TStr     = &Type{Kind: Str}
)

// ListOf returns list[elem].
func ListOf(elem *Type) *Type { return &Type{Kind: List, Elem: elem} }

// String returns the Python spelling of t: "int", "list[float]".
func (t *Type) String() string {
	if t == nil {
		return "unknown"
	}
	switch t.Kind {
	case Int:
		return "int"
	case Float:
		return "float"
	case Bool:
		return "bool"
	case None:
		return "None"
	case Str:
		return "str"
	case List:
		var b strings.Builder
		b.WriteString("list[")
		b.WriteString(t.Elem.String())
		b.WriteString("]")
		return b.String()
	}
	return "unknown"
}

// Equal reports whether t and u are the same type.
func (t *Type) Equal(u *Type) bool {
	if t == nil || u == nil {
		return t == u
	}
	if t.Kind != u.Kind {
		return false
	}
	if t.Kind == List {
		return t.Elem.Equal(u.Elem)
	}
	return true
}

// A Func describes one top-level function after checking.
type Func struct {
	Decl       *ast.FuncDef
	Name       string   // as written in the source
	ParamNames []string // as written
	Params     []*Type
	Result     *Type
	Compilable bool   // true when core/wasmgen can compile it
	Reason     string // why it is Python-only, when !Compilable (English, for reports)
	// Internal is set, with Compilable false, for a function that
	// core/wasmgen compiles although the bridge cannot call it: its
	// parameters or result include a list, and lists do not cross the
	// bridge yet. Compiled callers call it inside the module, and the module
	// exports it under the list ABI of core/wasmgen/abi.go.
	Internal bool
	// Bounded is set on a Compilable function whose running time is
	// bounded by a small constant: no loops, no list values, and calls
	// only to O(1) builtins on scalars and to other Bounded functions (no
	// recursion). The bridge keeps the GIL while it runs (bounded.go).
	Bounded bool
}

// Info is what the checker learned about a program. The code generators read
// it; they never re-derive types or name resolution.
type Info struct {
	// Funcs lists the top-level functions in source order.
	Funcs []*Func
	// FuncByName indexes Funcs by name as written.
	FuncByName map[string]*Func
	// Types records the type of every expression in a compilable function.
	Types map[ast.Expr]*Type
	// Builtins maps each identifier that names a builtin (in English or in
	// the program's language, e.g. "intervalle") to its canonical English
	// name ("range"). An identifier the program defines itself is not a builtin.
	Builtins map[*ast.Ident]string
	// Methods maps each method name used in a call (e.g. "ajouter") to its
	// canonical English method name ("append").
	Methods map[*ast.Ident]string
	// Locals lists, for each function, its local variables (parameters
	// first) with their types, in order of first assignment.
	Locals map[*ast.FuncDef][]*Local
	// Globals lists the names assigned by top-level statements.
	Globals []string
}

// A Local is a variable of a function.
type Local struct {
	Name  string
	Type  *Type
	Param bool
}
