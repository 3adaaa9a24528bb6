package plan

import (
	"slices"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Facts of the passes that depend only on the tree, the checker's Info and
// the locals of a function, computed once per function or loop and read
// by every pass that needs them. The facts of the call graph and the
// names a function assigns are the checker's (check.Func.Calls,
// CallsItself, OnCallCycle, Assigned).

// A FactCache holds the facts of the functions and loops of one module,
// each computed on first use; every Func of the module shares it.
type FactCache struct {
	funcs map[*check.Func]*FuncFacts
	loops map[ast.Stmt]*LoopInfo
}

// NewFactCache returns an empty set of facts.
func NewFactCache() *FactCache {
	return &FactCache{funcs: map[*check.Func]*FuncFacts{}, loops: map[ast.Stmt]*LoopInfo{}}
}

// FuncFacts are the facts of one compiled function.
type FuncFacts struct {
	// Loops lists the for loops of the body, outer loops first (the order
	// of the source).
	Loops []*ast.For
	// Appends holds the str locals that append statements extend
	// (strappend.go; empty when the pass is off).
	Appends map[string]bool
	// Tail: the function has an additive tail call (tailcall.go; false
	// when the pass is off).
	Tail bool
}

// FuncFacts returns the facts of the function, computed on first use.
func (rg *Func) FuncFacts() *FuncFacts {
	if ff, ok := rg.Cache.funcs[rg.Fn]; ok {
		return ff
	}
	ff := &FuncFacts{}
	ast.InspectStmts(rg.Fn.Decl.Body, func(n ast.Node) bool {
		if l, ok := n.(*ast.For); ok {
			ff.Loops = append(ff.Loops, l)
		}
		return true
	})
	if rg.Passes.Has(PassStrAppend) {
		ff.Appends = rg.AppendTargets(rg.Fn.Decl.Body)
	}
	ff.Tail = rg.UsesTailCalls()
	rg.Cache.funcs[rg.Fn] = ff
	return ff
}

// A LoopInfo holds the facts of one while or for loop of a function
// (its condition, for a while loop, and its body); the first ones are
// made by one walk of the body when the loop is first asked about, the
// others on first use.
type LoopInfo struct {
	Cond ast.Expr
	Body []ast.Stmt
	// Assigned holds the names that statements of the body assign (=,
	// op= and for targets).
	Assigned map[string]bool
	// Innermost: the body holds no loop.
	Innermost bool
	// Leaves: the body has a break or a return statement.
	Leaves bool
	// RowsStable: the body stores no element into a list of lists (or
	// into anything not known to be a list), so the rows of a list of
	// lists whose header the loop keeps keep their addresses (hoist.go).
	RowsStable bool

	light, pure       bool
	lightDone         bool
	pureDone          bool
	invariant         []string
	invariantComputed bool
}

// LoopOf returns the facts of the loop s (a *ast.While or *ast.For).
func (rg *Func) LoopOf(s ast.Stmt) *LoopInfo {
	if li, ok := rg.Cache.loops[s]; ok {
		return li
	}
	li := &LoopInfo{Assigned: map[string]bool{}, Innermost: true, RowsStable: true}
	switch s := s.(type) {
	case *ast.While:
		li.Cond, li.Body = s.Cond, s.Body
	case *ast.For:
		li.Body = s.Body
	}
	ast.InspectStmts(li.Body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.For, *ast.While:
			li.Innermost = false
		case *ast.Break, *ast.Return:
			li.Leaves = true
		}
		switch t := check.AssignTarget(n).(type) {
		case *ast.Ident:
			li.Assigned[t.Name] = true
		case *ast.Index:
			if li.RowsStable {
				if lt, ok := rg.Info.Types[t.X]; !ok || lt.Kind != check.List || lt.Elem.Kind == check.List {
					li.RowsStable = false
				}
			}
		}
		return true
	})
	rg.Cache.loops[s] = li
	return li
}

// LightLoop reports whether the body of the loop s is light (LightBody).
func (rg *Func) LightLoop(s ast.Stmt) bool {
	li := rg.LoopOf(s)
	if !li.lightDone {
		li.light, li.lightDone = rg.LightBody(li.Body), true
	}
	return li.light
}

// PureLoopVar reports whether the body of the for loop s only looks at
// the string of its variable (PureUses).
func (rg *Func) PureLoopVar(s *ast.For) bool {
	li := rg.LoopOf(s)
	if !li.pureDone {
		li.pure, li.pureDone = rg.PureUses(s.Var().Name, li.Body), true
	}
	return li.pure
}

// InvariantOf returns the invariant lists of the loop s (hoist.go:
// InvariantLists).
func (rg *Func) InvariantOf(s ast.Stmt) []string {
	li := rg.LoopOf(s)
	if !li.invariantComputed {
		li.invariant, li.invariantComputed = rg.InvariantLists(li.Cond, li.Body), true
		if f, ok := s.(*ast.For); ok && f.Target != nil {
			// the variable of `for row in m` is a list the loop assigns
			li.invariant = slices.DeleteFunc(li.invariant, func(n string) bool { return n == f.Var().Name })
		}
	}
	return li.invariant
}

// LocalType returns the checked type of a local (a parameter or a local
// the checker recorded); it panics for an unknown name, a bug of the
// generator.
func (rg *Func) LocalType(name string) *check.Type {
	if t, ok := rg.LocalTypes()[name]; ok {
		return t
	}
	panic("unknown local " + name)
}

// LocalTypes returns the checked type of each local of the function, by
// name (built on first use).
func (rg *Func) LocalTypes() map[string]*check.Type {
	if rg.types == nil {
		rg.types = make(map[string]*check.Type)
		for _, l := range rg.Info.Locals[rg.Fn.Decl] {
			rg.types[l.Name] = l.Type
		}
	}
	return rg.types
}
