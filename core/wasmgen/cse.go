package wasmgen

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// Common subexpressions within a loop iteration: plan/cse.go has the
// pass, its proof and the plan (FuncPlan.CSE); this file generates the
// definitions (kept in a local) and the uses.

// cseExpr generates e when the plan makes it a definition (its value,
// kept in its local) or a use (the local), and reports whether it did.
func (fg *fgen) cseExpr(e ast.Expr) bool {
	def, ok := fg.plan.CSE[e]
	if !ok || len(fg.Inlined) > 0 {
		return false
	}
	if e == fg.cseDefining {
		fg.cseDefining = nil // generating the definition itself
		return false
	}
	if fg.cseLocal == nil {
		fg.cseLocal = map[ast.Expr]uint32{}
	}
	l, have := fg.cseLocal[def]
	if !have {
		vt, _ := valType(fg.typeOf(def))
		l = fg.Fresh(vt, fmt.Sprintf("cse.%d", len(fg.cseLocal)))
		fg.cseLocal[def] = l
	}
	if def != e {
		fg.Get(l)
		return true
	}
	fg.cseDefining = e
	fg.expr(e)
	fg.Tee(l)
	return true
}
