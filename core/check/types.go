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
	Tuple               // tuple[Elems...] of scalars: only a function's result
)

// A Type is the static type of an expression, parameter or result.
type Type struct {
	Kind  Kind
	Elem  *Type   // element type when Kind == List
	Elems []*Type // the values' types when Kind == Tuple
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
	case Tuple:
		parts := make([]string, len(t.Elems))
		for i, e := range t.Elems {
			parts[i] = e.String()
		}
		return "tuple[" + strings.Join(parts, ", ") + "]"
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
	if t.Kind == Tuple {
		if len(t.Elems) != len(u.Elems) {
			return false
		}
		for i := range t.Elems {
			if !t.Elems[i].Equal(u.Elems[i]) {
				return false
			}
		}
	}
	return true
}

// A Func describes one top-level function (a def written directly in the
// module's body) after checking. Methods and nested functions have no Func:
// they are never compiled; Info.Scopes holds their scopes.
type Func struct {
	// Decl is the function as compiled: its declaration, or a copy whose
	// body lowers forms the compiled subset does not hold into ones it
	// does (tuple assignments, loops over enumerate and zip: lower.go).
	Decl *ast.FuncDef
	// Source is the declaration as written when Decl is such a copy, else
	// nil: the statement of the module that the Python fallback writes.
	Source *ast.FuncDef
	Name   string // as written in the source
	// ParamNames and Params follow Decl.Params one for one (a parameter
	// without a name in a malformed tree is skipped), whatever their
	// kind: a *args parameter is listed by its name, with the type of its
	// annotation.
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
	// Calls lists, for a compiled (Compilable or Internal) function, the
	// top-level functions it calls by name, each once, in the order of
	// their first call in the source (calls.go).
	Calls []*Func
	// CallsItself is set on a compiled function that calls itself
	// directly; OnCallCycle on one that can call itself, directly or
	// through others (a cycle of the call graph of compiled functions).
	CallsItself, OnCallCycle bool
	// Assigned counts, for a compiled function, the statements of its
	// body that assign each name: =, op= and for targets (a parameter's
	// own binding at the call is not counted).
	Assigned map[string]int
}

// Info is what the checker learned about a program. The code generators read
// it; they never re-derive types or name resolution.
type Info struct {
	// Funcs lists the top-level functions in source order, compilable or
	// not.
	Funcs []*Func
	// FuncByName indexes Funcs by name as written.
	FuncByName map[string]*Func
	// Types records the type of every expression in a compilable function.
	Types map[ast.Expr]*Type
	// Builtins maps each identifier that is read (or written in an
	// annotation) and resolves to a builtin, in English or in the
	// program's language (e.g. "intervalle"), to its canonical English name
	// ("range"); a localized super maps to "super". A name the program
	// binds in a scope that the read sees is not a builtin there.
	Builtins map[*ast.Ident]string
	// Methods maps the name of each method call x.name(...) whose name is a
	// known method, as written (e.g. "ajouter"), to its canonical English
	// name ("append"). A localized name is translated only when the
	// program defines no attribute of that name and x is not an imported
	// module (see resolveMethods); other names are absent.
	Methods map[*ast.Ident]string
	// Locals lists, for each function compiled or typed, its local
	// variables (parameters first) with their types, in order of first
	// assignment.
	Locals map[*ast.FuncDef][]*Local
	// Globals lists, sorted, the names the module's namespace gets from
	// anything but a top-level def: assignments, imports, classes, for and
	// with targets, ... at top level (nested blocks included), and the
	// bindings of functions that declare the name global.
	Globals []string
	// Module is the scope of the module, root of the scope tree.
	Module *Scope
	// Scopes maps each *ast.FuncDef, *ast.Lambda, *ast.ClassDef and
	// *ast.Comp of the program to the scope it introduces.
	Scopes map[ast.Node]*Scope
	// Names maps every identifier that names a variable (read, bound,
	// deleted, declared global or nonlocal, a parameter, a def or class
	// name, an imported name, a name in an annotation) to its symbol in
	// the scope it is written in; Symbol.Kind says where the variable
	// lives. Attribute names, keyword argument names and the module paths
	// of imports are not variables and are absent.
	Names map[*ast.Ident]*Symbol
	// Consts maps each read of a module constant in a compilable function
	// to the constant's value, which compiled code uses inline
	// (modconst.go).
	Consts map[*ast.Ident]*Const
	// MathCalls maps each call of a function of the math module that
	// compiled code computes (math.sqrt(x), ...) to the function's name
	// ("sqrt"), and MathConsts each read of a constant of the module
	// (math.pi) to its value (mathmod.go).
	MathCalls  map[*ast.Call]string
	MathConsts map[*ast.Attribute]float64
	// SortReverse maps each call sorted(xs, reverse=R) and xs.sort(reverse=R)
	// to R, a bool literal (the only keyword argument compiled).
	SortReverse map[*ast.Call]bool
}

// A Local is a variable of a function.
type Local struct {
	Name  string
	Type  *Type
	Param bool
	// FloatSum marks the running total of a sum() of floats (a temporary
	// of lowerreduce.go that starts as the int 0 and adds floats): the
	// generator adds to it as the CPython it runs for sums floats.
	FloatSum bool
}
