package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// The cost analysis of the interrupt checks (core/wasmgen/interrupt.go):
// a light loop body needs no check of its own in every iteration.

// LightBody reports whether a loop body runs only a few hundred
// instructions per iteration, apart from the loops nested in it (which
// check for interruption themselves): no call of a function or method
// but append, and no list or string built, concatenated, repeated or
// sliced. Builtins of constant cost (len, abs, int and float of numbers,
// bool) are light.
func (rg *Func) LightBody(body []ast.Stmt) bool {
	light := true
	ast.InspectStmts(body, func(n ast.Node) bool {
		if !light {
			return false
		}
		switch n := n.(type) {
		case *ast.For, *ast.While:
			// nested loops check themselves; their headers (the
			// iterable, the condition) are expressions like others
			if f, ok := n.(*ast.For); ok {
				light = rg.LightExpr(f.Iter)
			}
			if w, ok := n.(*ast.While); ok {
				light = rg.LightExpr(w.Cond)
			}
			return false
		case ast.Expr:
			light = rg.LightExpr(n)
			return false
		}
		return true
	})
	return light
}

// LightExpr reports whether evaluating e costs a bounded, small number of
// instructions (see LightBody).
func (rg *Func) LightExpr(e ast.Expr) bool {
	light := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !light {
			return false
		}
		x, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if t, known := rg.Info.Types[x]; known && t.Kind == check.Str {
			// indexing a non-ASCII string scans it; building one copies
			light = false
			return false
		}
		switch x := x.(type) {
		case *ast.Call:
			id, isIdent := x.Func.(*ast.Ident)
			if at, ok := x.Func.(*ast.Attribute); ok && rg.Info.Methods[at.Name] == "append" {
				// lst.append(v): constant cost, the growth amortized (a
				// list of n elements has grown by doubling, copying at
				// most 2n slots in all); its operands are looked at as
				// any others
				return true
			}
			if !isIdent {
				light = false // a method call: pop moves the slots after it
				return false
			}
			if _, builtin := rg.Info.Builtins[id]; !builtin {
				light = false // a compiled function
				return false
			}
			switch id.Name {
			case "len", "abs", "int", "float", "bool":
				for _, a := range x.Args {
					if t, known := rg.Info.Types[a]; !known || (t.Kind != check.Int && t.Kind != check.Float &&
						t.Kind != check.Bool && !(id.Name == "len" && t.Kind == check.List)) {
						light = false
					}
				}
				return light
			}
			light = false // range, sum, min, max and the rest may loop
			return false
		case *ast.ListLit, *ast.Slice, *ast.Comp:
			light = false
			return false
		case *ast.Binary:
			if t, known := rg.Info.Types[x]; known && t.Kind == check.List {
				light = false // concatenation or repetition
				return false
			}
		}
		return true
	})
	return light
}
