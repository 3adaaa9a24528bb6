package plan

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// The analysis of the strappend pass (core/wasmgen/strappend.go has the
// lowering and why appending in place is exact).

// AppendTargets returns the str locals of body that some statement
// appends to (`r = r + x` or `r += x`).
func (rg *Func) AppendTargets(body []ast.Stmt) map[string]bool {
	out := map[string]bool{}
	ast.InspectStmts(body, func(n ast.Node) bool {
		if r, _, ok := rg.AppendStmt(n); ok {
			out[r.Name] = true
		}
		return true
	})
	return out
}

// AppendStmt reports whether n is `r = r + x` or `r += x` for a str local
// r, returning r and x.
func (rg *Func) AppendStmt(n ast.Node) (*ast.Ident, ast.Expr, bool) {
	if !rg.Passes.Has(PassStrAppend) {
		return nil, nil, false
	}
	switch s := n.(type) {
	case *ast.Assign:
		r, ok := s.Target.(*ast.Ident)
		b, isBin := s.Value.(*ast.Binary)
		if !ok || !isBin || b.Op != ast.OpAdd {
			return nil, nil, false
		}
		x, ok := b.X.(*ast.Ident)
		if !ok || x.Name != r.Name || !rg.isStrLocal(r.Name) {
			return nil, nil, false
		}
		return r, b.Y, true
	case *ast.AugAssign:
		r, ok := s.Target.(*ast.Ident)
		if !ok || s.Op != ast.OpAdd || !rg.isStrLocal(r.Name) {
			return nil, nil, false
		}
		return r, s.Value, true
	}
	return nil, nil, false
}

// isStrLocal reports whether name is a local of type str.
func (rg *Func) isStrLocal(name string) bool {
	t, ok := rg.LocalTypes()[name]
	return ok && t.Kind == check.Str
}
