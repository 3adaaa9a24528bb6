package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// Facts of the passes that depend only on the tree, the checker's Info and
// the locals of a function, computed once per function or loop and read
// by every pass that needs them. The facts of the call graph and the
// names a function assigns are the checker's (check.Func.Calls,
// CallsItself, OnCallCycle, Assigned).

// funcFacts are the facts of one compiled function.
type funcFacts struct {
	// loops lists the for loops of the body, outer loops first (the order
	// of the source).
	loops []*ast.For
	// appends holds the str locals that append statements extend
	// (strappend.go; empty when the pass is off).
	appends map[string]bool
	// tail: the function has an additive tail call (tailcall.go; false
	// when the pass is off).
	tail bool
}

// funcFactsOf returns the facts of fn, computed on first use.
func (g *gen) funcFactsOf(fn *check.Func) *funcFacts {
	if ff, ok := g.funcFacts[fn]; ok {
		return ff
	}
	ff := &funcFacts{}
	scratch := &fgen{Func: g.analyses(fn, false), g: g, fn: fn, plan: &plan.FuncPlan{}}
	ast.InspectStmts(fn.Decl.Body, func(n ast.Node) bool {
		if l, ok := n.(*ast.For); ok {
			ff.loops = append(ff.loops, l)
		}
		return true
	})
	if g.on(PassStrAppend) {
		ff.appends = scratch.appendTargets(fn.Decl.Body)
	}
	ff.tail = scratch.UsesTailCalls()
	g.funcFacts[fn] = ff
	return ff
}

// A loopInfo holds the facts of one while or for loop of a function
// (its condition, for a while loop, and its body); the first ones are
// made by one walk of the body when the loop is first asked about, the
// others on first use.
type loopInfo struct {
	cond ast.Expr
	body []ast.Stmt
	// assigned holds the names that statements of the body assign (=,
	// op= and for targets).
	assigned map[string]bool
	// innermost: the body holds no loop.
	innermost bool
	// leaves: the body has a break or a return statement.
	leaves bool
	// rowsStable: the body stores no element into a list of lists (or
	// into anything not known to be a list), so the rows of a list of
	// lists whose header the loop keeps keep their addresses (hoist.go).
	rowsStable bool

	light, pure       bool
	lightDone         bool
	pureDone          bool
	invariant         []string
	invariantComputed bool
}

// loopOf returns the facts of the loop s (a *ast.While or *ast.For).
func (fg *fgen) loopOf(s ast.Stmt) *loopInfo {
	if li, ok := fg.g.loopFacts[s]; ok {
		return li
	}
	li := &loopInfo{assigned: map[string]bool{}, innermost: true, rowsStable: true}
	switch s := s.(type) {
	case *ast.While:
		li.cond, li.body = s.Cond, s.Body
	case *ast.For:
		li.body = s.Body
	}
	ast.InspectStmts(li.body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.For, *ast.While:
			li.innermost = false
		case *ast.Break, *ast.Return:
			li.leaves = true
		}
		switch t := check.AssignTarget(n).(type) {
		case *ast.Ident:
			li.assigned[t.Name] = true
		case *ast.Index:
			if li.rowsStable {
				if lt, ok := fg.g.info.Types[t.X]; !ok || lt.Kind != check.List || lt.Elem.Kind == check.List {
					li.rowsStable = false
				}
			}
		}
		return true
	})
	if fg.g.loopFacts == nil {
		fg.g.loopFacts = map[ast.Stmt]*loopInfo{}
	}
	fg.g.loopFacts[s] = li
	return li
}

// lightLoop reports whether the body of the loop s is light
// (interrupt.go: lightBody).
func (fg *fgen) lightLoop(s ast.Stmt) bool {
	li := fg.loopOf(s)
	if !li.lightDone {
		li.light, li.lightDone = fg.lightBody(li.body), true
	}
	return li.light
}

// pureLoopVar reports whether the body of the for loop s only looks at
// the string of its variable (strexpr.go: pureUses).
func (fg *fgen) pureLoopVar(s *ast.For) bool {
	li := fg.loopOf(s)
	if !li.pureDone {
		li.pure, li.pureDone = fg.pureUses(s.Var().Name, li.body), true
	}
	return li.pure
}

// invariantOf returns the invariant lists of the loop s (hoist.go:
// invariantLists).
func (fg *fgen) invariantOf(s ast.Stmt) []string {
	li := fg.loopOf(s)
	if !li.invariantComputed {
		li.invariant, li.invariantComputed = fg.invariantLists(li.cond, li.body), true
	}
	return li.invariant
}
