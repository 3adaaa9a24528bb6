package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// The constpow pass: `2**32` in `h = (h * 31 + x) % 2**32` is a constant,
// but without the fold pass each evaluation called __ml_ipow, in every
// iteration of the loop. constpow folds a constant int power on its own,
// as a base pass: constOf (fold.go) computes it by repeated squaring with
// an overflow flag, so only a power that cannot trap becomes a constant;
// any other stays a call, which traps as before.

// constPow reports whether e is an int `a ** b` that the constpow pass
// folds when its operands are constant (the caller asks constOf).
func (fg *fgen) constPow(e ast.Expr) bool {
	b, ok := e.(*ast.Binary)
	if !ok || b.Op != ast.OpPow || !fg.g.on(PassConstPow) {
		return false
	}
	t, ok := fg.g.info.Types[e]
	return ok && t.Kind == check.Int
}
