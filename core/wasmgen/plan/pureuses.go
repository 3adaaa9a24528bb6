package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
)

// PureUses reports whether every use of the local name in body only looks
// at its string (the reads strLook serves: len, ord, indexing, comparison,
// `in`, iteration, truth tests) and none assigns it or could keep it.
func (rg *Func) PureUses(name string, body []ast.Stmt) bool {
	pure := map[*ast.Ident]bool{}
	mark := func(e ast.Expr) {
		if id, ok := e.(*ast.Ident); ok {
			pure[id] = true
		}
	}
	ast.InspectStmts(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Call:
			if id, ok := n.Func.(*ast.Ident); ok && len(n.Args) == 1 {
				if b := rg.Info.Builtins[id]; b == "len" || b == "ord" {
					mark(n.Args[0])
				}
			}
		case *ast.Compare:
			for _, x := range n.Operands {
				mark(x)
			}
		case *ast.Index:
			mark(n.X)
		case *ast.If:
			mark(n.Cond)
		case *ast.While:
			mark(n.Cond)
		case *ast.For:
			mark(n.Iter)
		case *ast.Unary:
			if n.Op == ast.OpNot {
				mark(n.X)
			}
		}
		return true
	})
	ok := true
	ast.InspectStmts(body, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && id.Name == name && !pure[id] {
			ok = false
		}
		return ok
	})
	return ok
}
