package check

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// A BindKind says where the variable a name refers to lives, by Python's
// scoping rules, as seen from the scope the name is written in.
type BindKind int

// The binding kinds.
const (
	// BindUndefined: the name is bound nowhere in the program and is not a
	// builtin. Python looks it up in the module's globals at run time and
	// raises NameError, unless the program defines it dynamically (a star
	// import, exec, globals()); it is not a compile error.
	BindUndefined BindKind = iota
	// BindLocal: a variable of the function, lambda or comprehension the
	// name is written in (a parameter, or a name the scope binds).
	BindLocal
	// BindGlobal: a variable of the module: any name of the module scope
	// that the module binds, a name a function declares `global`, or a
	// name of a function that the module binds and no enclosing function
	// does.
	BindGlobal
	// BindFree: a variable of an enclosing function (a closure variable),
	// read from an inner scope or declared `nonlocal` there.
	BindFree
	// BindBuiltin: a builtin, written in English or in the program's
	// language; Info.Builtins gives its canonical English name.
	BindBuiltin
	// BindClass: a name bound in the class body it is written in (a class
	// attribute). Names of a class body are not visible in its methods.
	BindClass
)

var bindKindNames = [...]string{BindUndefined: "undefined", BindLocal: "local", BindGlobal: "global",
	BindFree: "free", BindBuiltin: "builtin", BindClass: "class"}

// String returns "local", "global", "free", "builtin", "class" or "undefined".
func (k BindKind) String() string {
	if k >= 0 && int(k) < len(bindKindNames) {
		return bindKindNames[k]
	}
	return "?"
}

// A ScopeKind says which construct introduces a scope.
type ScopeKind int

// The scope kinds.
const (
	ModuleScope   ScopeKind = iota + 1 // the program's top level
	FunctionScope                      // a def or async def
	LambdaScope                        // a lambda
	ClassScope                         // a class body
	CompScope                          // a comprehension or generator expression
)

var scopeKindNames = [...]string{ModuleScope: "module", FunctionScope: "function", LambdaScope: "lambda",
	ClassScope: "class", CompScope: "comprehension"}

// String returns "module", "function", "lambda", "class" or "comprehension".
func (k ScopeKind) String() string {
	if k > 0 && int(k) < len(scopeKindNames) {
		return scopeKindNames[k]
	}
	return "?"
}

// A Scope is one namespace of the program, as in CPython's symtable: the
// module, each function, lambda and class body, and each comprehension
// (whose first iterable belongs to the enclosing scope).
type Scope struct {
	Kind ScopeKind
	// Node is the *ast.FuncDef, *ast.Lambda, *ast.ClassDef or *ast.Comp
	// that introduces the scope; nil for the module.
	Node     ast.Node
	Parent   *Scope   // nil for the module
	Children []*Scope // nested scopes, in source order
	// Symbols holds every name written in the scope (read, bound or
	// declared), by name; Names lists them in order of first appearance.
	Symbols map[string]*Symbol
	Names   []string
	// Async is set for an async def, and for a comprehension that awaits
	// or has an `async for` clause.
	Async bool
	// Generator is set for a function or lambda that contains yield or
	// yield from.
	Generator bool

	returns []*ast.Return // returns with a value, for the async generator rule
}

// A Symbol is one name as seen from one scope.
type Symbol struct {
	Name string
	// Kind says how the name resolves in this scope.
	Kind BindKind
	// Owner is the scope whose namespace holds the variable: the symbol's
	// own scope for BindLocal and BindClass, the enclosing function for
	// BindFree, the module for BindGlobal and BindUndefined, nil for
	// BindBuiltin.
	Owner *Scope
	// Builtin is the canonical English name when Kind is BindBuiltin.
	Builtin string

	// Bound is set when the scope binds the name: an assignment, an
	// augmented or annotated assignment (`x: int` alone binds x), a for,
	// with, except or comprehension target, an import, a def or class
	// statement, a del, a match capture, a parameter, or an assignment
	// expression (which in a comprehension binds in the nearest enclosing
	// scope that is not one). The module's symbol of a name is Bound too
	// when a scope that declares it global binds it.
	Bound    bool
	Param    bool // a parameter of the function or lambda
	Imported bool // bound by an import
	Used     bool // read in this scope (annotations excepted)
	// Global and Nonlocal are set when the scope declares the name
	// `global` or `nonlocal`.
	Global   bool
	Nonlocal bool
	// Cell is set on a local of a function that an inner scope reads or
	// binds as a free variable.
	Cell bool
	// Annotated is set when the scope annotates the name (`x: int`).
	Annotated bool
	// Const is set on the symbol of the scope that holds a name declared
	// `const`; ConstPos is the declaration's target.
	Const    bool
	ConstPos source.Span

	assigned bool        // bound other than by an import (CPython's DEF_LOCAL)
	compIter bool        // an iteration variable of this comprehension
	declPos  source.Span // the first global or nonlocal statement naming it
}

// symbol returns the symbol of name in s, creating it.
func (s *Scope) symbol(name string) *Symbol {
	if sym, ok := s.Symbols[name]; ok {
		return sym
	}
	sym := &Symbol{Name: name}
	s.Symbols[name] = sym
	s.Names = append(s.Names, name)
	return sym
}

func newScope(kind ScopeKind, node ast.Node, parent *Scope) *Scope {
	s := &Scope{Kind: kind, Node: node, Parent: parent, Symbols: make(map[string]*Symbol)}
	if parent != nil {
		parent.Children = append(parent.Children, s)
	}
	return s
}

// function reports whether s is a function-like scope: its bound names
// are locals that inner scopes can close over.
func (s *Scope) function() bool {
	return s.Kind == FunctionScope || s.Kind == LambdaScope || s.Kind == CompScope
}
