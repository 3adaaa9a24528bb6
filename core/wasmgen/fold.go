package wasmgen

import (
	"math"
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// A value is a compile-time constant: an int or bool in i, a float in f.
type value struct {
	kind check.Kind
	i    int64
	f    float64
}

// as converts v to kind k with Python's promotions.
func (v value) as(k check.Kind) value {
	switch {
	case v.kind == k:
		return v
	case k == check.Int:
		return value{kind: check.Int, i: v.i}
	case k == check.Float && v.kind != check.Float:
		return value{kind: check.Float, f: float64(v.i)}
	}
	return v
}

func (v value) truth() bool {
	if v.kind == check.Float {
		return v.f != 0
	}
	return v.i != 0
}

func boolValue(b bool) value {
	if b {
		return value{kind: check.Bool, i: 1}
	}
	return value{kind: check.Bool}
}

// constOf evaluates e at compile time when it is made of literals and every
// operation is certain not to trap (no overflow, no division by zero, no
// inexact conversion); ok is false otherwise.
func (fg *fgen) constOf(e ast.Expr) (value, bool) {
	if fg.g.consts == nil {
		return fg.foldConst(e)
	}
	if r, ok := fg.g.consts[e]; ok {
		return r.v, r.ok
	}
	v, ok := fg.foldConst(e)
	fg.g.consts[e] = constResult{v, ok}
	return v, ok
}

// A constResult is a cached answer of constOf.
type constResult struct {
	v  value
	ok bool
}

// foldConst computes constOf(e), asking constOf about the operands.
func (fg *fgen) foldConst(e ast.Expr) (value, bool) {
	switch e := e.(type) {
	case *ast.Ident:
		k, ok := fg.g.info.Consts[e]
		if !ok || k.Type.Kind == check.Str {
			return value{}, false
		}
		return value{kind: k.Type.Kind, i: k.Int, f: k.Float}, true
	case *ast.IntLit:
		v, err := strconv.ParseInt(e.Text, 10, 64)
		return value{kind: check.Int, i: v}, err == nil
	case *ast.FloatLit:
		return value{kind: check.Float, f: e.Value}, true
	case *ast.BoolLit:
		return boolValue(e.Value), true
	case *ast.Unary:
		x, ok := fg.constOf(e.X)
		if !ok {
			return value{}, false
		}
		switch e.Op {
		case ast.OpNot:
			return boolValue(!x.truth()), true
		case ast.OpPos:
			if x.kind == check.Bool {
				return x.as(check.Int), true
			}
			return x, true
		case ast.OpInvert:
			if x.kind == check.Float {
				return value{}, false
			}
			return value{kind: check.Int, i: ^x.i}, true
		case ast.OpNeg:
			if x.kind == check.Float {
				return value{kind: check.Float, f: -x.f}, true
			}
			if x.i == math.MinInt64 {
				return value{}, false
			}
			return value{kind: check.Int, i: -x.i}, true
		}
	case *ast.Binary:
		x, ok1 := fg.constOf(e.X)
		y, ok2 := fg.constOf(e.Y)
		if !ok1 || !ok2 {
			return value{}, false
		}
		return foldBinary(e.Op, x, y)
	case *ast.Compare:
		if len(e.Ops) != 1 {
			return value{}, false
		}
		x, ok1 := fg.constOf(e.Operands[0])
		y, ok2 := fg.constOf(e.Operands[1])
		if !ok1 || !ok2 {
			return value{}, false
		}
		return foldCompare(e.Ops[0], x, y)
	}
	return value{}, false
}

// foldBinary folds x op y with Python's typing; ok is false when the
// operation would trap or is not folded.
func foldBinary(op ast.BinaryOp, x, y value) (value, bool) {
	if op.IsBitwise() {
		if x.kind == check.Float || y.kind == check.Float {
			return value{}, false
		}
		return foldBitwise(op, x, y)
	}
	if x.kind == check.Float || y.kind == check.Float {
		a, b := x.as(check.Float).f, y.as(check.Float).f
		if (x.kind != check.Float && !exactInF64(x.i)) || (y.kind != check.Float && !exactInF64(y.i)) {
			return value{}, false
		}
		switch op {
		case ast.OpAdd:
			return value{kind: check.Float, f: a + b}, true
		case ast.OpSub:
			return value{kind: check.Float, f: a - b}, true
		case ast.OpMul:
			return value{kind: check.Float, f: a * b}, true
		case ast.OpDiv:
			if b == 0 {
				return value{}, false
			}
			return value{kind: check.Float, f: a / b}, true
		}
		return value{}, false
	}
	a, b := x.i, y.i
	switch op {
	case ast.OpAdd:
		r := a + b
		if (a^r)&(b^r) < 0 {
			return value{}, false
		}
		return value{kind: check.Int, i: r}, true
	case ast.OpSub:
		r := a - b
		if (a^b)&(a^r) < 0 {
			return value{}, false
		}
		return value{kind: check.Int, i: r}, true
	case ast.OpMul:
		r, ok := mul64(a, b)
		return value{kind: check.Int, i: r}, ok
	case ast.OpFloorDiv, ast.OpMod:
		if b == 0 || (a == math.MinInt64 && b == -1) {
			return value{}, false
		}
		q, m := a/b, a%b
		if m != 0 && (m < 0) != (b < 0) {
			q--
			m += b
		}
		if op == ast.OpMod {
			return value{kind: check.Int, i: m}, true
		}
		return value{kind: check.Int, i: q}, true
	case ast.OpDiv:
		if b == 0 || !exactInF64(a) || !exactInF64(b) {
			return value{}, false
		}
		return value{kind: check.Float, f: float64(a) / float64(b)}, true
	case ast.OpPow:
		if b < 0 {
			return value{}, false
		}
		r, base := int64(1), a
		for e := b; e > 0; e >>= 1 {
			var ok bool
			if e&1 == 1 {
				if r, ok = mul64(r, base); !ok {
					return value{}, false
				}
			}
			if e>>1 == 0 {
				break
			}
			if base, ok = mul64(base, base); !ok {
				return value{}, false
			}
		}
		return value{kind: check.Int, i: r}, true
	}
	return value{}, false
}

// mul64 multiplies with an overflow flag.
func mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	r := a * b
	if (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) || r/b != a {
		return 0, false
	}
	return r, true
}

// exactInF64 reports whether |v| <= 2**53.
func exactInF64(v int64) bool { return v >= -(1<<53) && v <= 1<<53 }

// foldCompare folds one comparison of constants.
func foldCompare(op ast.CmpOp, x, y value) (value, bool) {
	var c int // -1, 0, 1; 2 when unordered (nan)
	if x.kind == check.Float || y.kind == check.Float {
		if x.kind != y.kind {
			return value{}, false
		}
		switch {
		case x.f < y.f:
			c = -1
		case x.f > y.f:
			c = 1
		case x.f == y.f:
			c = 0
		default:
			c = 2
		}
	} else {
		switch {
		case x.i < y.i:
			c = -1
		case x.i > y.i:
			c = 1
		}
	}
	switch op {
	case ast.CmpEq:
		return boolValue(c == 0), true
	case ast.CmpNe:
		return boolValue(c != 0), true
	case ast.CmpLt:
		return boolValue(c == -1), true
	case ast.CmpLe:
		return boolValue(c == -1 || c == 0), true
	case ast.CmpGt:
		return boolValue(c == 1), true
	case ast.CmpGe:
		return boolValue(c == 1 || c == 0), true
	}
	return value{}, false
}
