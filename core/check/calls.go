package check

import "github.com/multilingualprogramming/multilingual/core/ast"

// Facts about the compiled functions (Compilable or Internal) that the
// generator's passes read instead of walking the bodies again: the calls
// between them (Func.Calls, CallsItself, OnCallCycle) and the names their
// statements assign (Func.Assigned). They are syntactic, computed once
// after markInternal, like the function records of starlark-go's resolver.
//
// A call counts when its callee is a name that is not a builtin there and
// names a top-level function; in a compiled function such a call can only
// go to a compiled function.

// markCalls sets Func.Calls, CallsItself, OnCallCycle and Assigned.
func (c *checker) markCalls() {
	var funcs []*Func
	for _, fn := range c.info.Funcs {
		if (!fn.Compilable && !fn.Internal) || fn.Decl == nil {
			continue
		}
		funcs = append(funcs, fn)
		fn.Assigned = map[string]int{}
		seen := map[*Func]bool{}
		ast.InspectStmts(fn.Decl.Body, func(n ast.Node) bool {
			if id, ok := AssignTarget(n).(*ast.Ident); ok {
				fn.Assigned[id.Name]++
			}
			call, ok := n.(*ast.Call)
			if !ok {
				return true
			}
			id, ok := call.Func.(*ast.Ident)
			if !ok {
				return true
			}
			if _, builtin := c.info.Builtins[id]; builtin {
				return true
			}
			if callee := c.info.FuncByName[id.Name]; callee != nil && !seen[callee] {
				seen[callee] = true
				fn.Calls = append(fn.Calls, callee)
				fn.CallsItself = fn.CallsItself || callee == fn
			}
			return true
		})
	}
	markCycles(funcs)
}

// AssignTarget returns what the statement n assigns: the target of =, op=
// or a for loop, or nil (for any other node).
func AssignTarget(n ast.Node) ast.Expr {
	switch n := n.(type) {
	case *ast.Assign:
		return n.Target
	case *ast.AugAssign:
		return n.Target
	case *ast.For:
		if n.Target != nil {
			return n.Target
		}
	}
	return nil
}

// markCycles sets OnCallCycle on the functions of a strongly connected
// component of the call graph of funcs (Tarjan's algorithm) that has more
// than one function, or one that calls itself.
func markCycles(funcs []*Func) {
	index := map[*Func]int{}
	low := map[*Func]int{}
	onStack := map[*Func]bool{}
	var stack []*Func
	next := 0
	var visit func(fn *Func)
	visit = func(fn *Func) {
		index[fn], low[fn] = next, next
		next++
		stack = append(stack, fn)
		onStack[fn] = true
		for _, callee := range fn.Calls {
			if _, done := index[callee]; !done {
				visit(callee)
				low[fn] = min(low[fn], low[callee])
			} else if onStack[callee] {
				low[fn] = min(low[fn], index[callee])
			}
		}
		if low[fn] != index[fn] {
			return
		}
		var comp []*Func
		for {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[top] = false
			comp = append(comp, top)
			if top == fn {
				break
			}
		}
		for _, f := range comp {
			f.OnCallCycle = len(comp) > 1 || f.CallsItself
		}
	}
	for _, fn := range funcs {
		if _, done := index[fn]; !done {
			visit(fn)
		}
	}
}
