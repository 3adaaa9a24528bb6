package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// A Module is what the passes decided about the module before any
// function is generated.
type Module struct {
	// Specs holds the function index of the non-negative specialization
	// of each function that has one (specialize).
	Specs map[*check.Func]uint32
	// Guards holds the leading guard of each compiled function that has
	// a simple one (leafguard).
	Guards map[*check.Func]*ast.If
}

// A FuncPlan is what the passes decided about one function before it is
// generated; lowering reads it and never changes it.
type FuncPlan struct {
	// Spec: the function is generated as its non-negative specialization
	// (specialize).
	Spec bool
	// Appends holds the str locals that append statements extend in place
	// (strappend).
	Appends map[string]bool
	// Tail: the body runs under the additive tail call transformation
	// (tailcall).
	Tail bool
	// Rotated is the leading guard of the tail call loop, tested at its
	// bottom (leafguard), or nil.
	Rotated *ast.If
	// SelfInline is how many levels of copies of the function may replace
	// its calls of itself (selfinline; 0 for none).
	SelfInline int
	// CopiesPoll: each copy checks for interruption at its entry, as the
	// call it replaces would (selfinline, CopiesPoll).
	CopiesPoll bool
	// CSE maps each use of a common subexpression to its definition,
	// and each definition to itself (cse).
	CSE map[ast.Expr]ast.Expr
}
