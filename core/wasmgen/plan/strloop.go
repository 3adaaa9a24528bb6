package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// The analyses of the strchars pass (core/wasmgen/strloop.go has the
// pass and why it is exact).

// LightChars is LightBody (light.go) for the body of a loop over code
// points, where each ord(c) of ords reads a local: light when every other
// expression is.
func (rg *Func) LightChars(body []ast.Stmt, ords []*ast.Ident) bool {
	ours := map[*ast.Ident]bool{}
	for _, id := range ords {
		ours[id] = true
	}
	light := true
	expr := func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			if !light {
				return false
			}
			switch x := n.(type) {
			case *ast.Call:
				if len(x.Args) == 1 {
					if id, ok := x.Args[0].(*ast.Ident); ok && ours[id] {
						return false // the code point local
					}
				}
				light = rg.LightExpr(x)
				return false
			case *ast.Ident, *ast.IntLit, *ast.FloatLit, *ast.BoolLit, *ast.Binary, *ast.Unary, *ast.Compare, *ast.Logic, *ast.IfExp:
				if t, known := rg.Info.Types[x.(ast.Expr)]; known && (t.Kind == check.Str || t.Kind == check.List) {
					light = rg.LightExpr(x.(ast.Expr))
					return false
				}
				return true
			case ast.Expr:
				light = rg.LightExpr(x)
				return false
			}
			return true
		})
	}
	ast.InspectStmts(body, func(n ast.Node) bool {
		if !light {
			return false
		}
		switch n := n.(type) {
		case *ast.For:
			expr(n.Iter)
			return false
		case *ast.While:
			expr(n.Cond)
			return false
		case ast.Expr:
			expr(n)
			return false
		}
		return true
	})
	return light
}

// OrdOnlyUses returns the identifiers c of the calls ord(c) in the body
// of s, when the loop variable c is a name that only s assigns and that
// the function reads nowhere else; ok is false otherwise.
func (rg *Func) OrdOnlyUses(s *ast.For) (ords []*ast.Ident, ok bool) {
	v := s.Var()
	if v == nil || rg.Fn.Assigned[v.Name] != 1 || rg.Inlined[v.Name] {
		return nil, false
	}
	args := map[*ast.Ident]bool{}
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		c, isCall := n.(*ast.Call)
		if !isCall || len(c.Args) != 1 {
			return true
		}
		if f, isID := c.Func.(*ast.Ident); isID && rg.Info.Builtins[f] == "ord" {
			if id, isID := c.Args[0].(*ast.Ident); isID && id.Name == v.Name {
				args[id] = true
				ords = append(ords, id)
			}
		}
		return true
	})
	ok = true
	ast.InspectStmts(rg.Fn.Decl.Body, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && id.Name == v.Name && id != v && !args[id] {
			ok = false
		}
		return ok
	})
	return ords, ok
}
