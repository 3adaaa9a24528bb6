package plan

import (
	"math"
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// A Value is a compile-time constant: an int or bool in I, a float in F.
type Value struct {
	Kind check.Kind
	I    int64
	F    float64
}

// As converts v to kind k with Python's promotions.
func (v Value) As(k check.Kind) Value {
	switch {
	case v.Kind == k:
		return v
	case k == check.Int:
		return Value{Kind: check.Int, I: v.I}
	case k == check.Float && v.Kind != check.Float:
		return Value{Kind: check.Float, F: float64(v.I)}
	}
	return v
}

// Truth is Python's truth value of v.
func (v Value) Truth() bool {
	if v.Kind == check.Float {
		return v.F != 0
	}
	return v.I != 0
}

// BoolValue is the bool constant b.
func BoolValue(b bool) Value {
	if b {
		return Value{Kind: check.Bool, I: 1}
	}
	return Value{Kind: check.Bool}
}

// Consts evaluates expressions at compile time (ConstOf) and remembers
// the answers, a pure function of the tree and the checker's Info, so
// that the analyses that ask about every subexpression stay linear.
type Consts struct {
	info *check.Info
	memo map[ast.Expr]constResult
}

// NewConsts returns an empty memo of the constants of info's tree.
func NewConsts(info *check.Info) *Consts {
	return &Consts{info: info, memo: make(map[ast.Expr]constResult)}
}

// ConstOf evaluates e at compile time when it is made of literals and
// every operation is certain not to trap (no overflow, no division by
// zero, no inexact conversion); ok is false otherwise.
func (c *Consts) ConstOf(e ast.Expr) (Value, bool) {
	if r, ok := c.memo[e]; ok {
		return r.v, r.ok
	}
	v, ok := c.foldConst(e)
	c.memo[e] = constResult{v, ok}
	return v, ok
}

// A constResult is a cached answer of ConstOf.
type constResult struct {
	v  Value
	ok bool
}

// foldConst computes ConstOf(e), asking ConstOf about the operands.
func (c *Consts) foldConst(e ast.Expr) (Value, bool) {
	switch e := e.(type) {
	case *ast.Ident:
		k, ok := c.info.Consts[e]
		if !ok || k.Type.Kind == check.Str {
			return Value{}, false
		}
		return Value{Kind: k.Type.Kind, I: k.Int, F: k.Float}, true
	case *ast.IntLit:
		v, err := strconv.ParseInt(e.Text, 10, 64)
		return Value{Kind: check.Int, I: v}, err == nil
	case *ast.FloatLit:
		return Value{Kind: check.Float, F: e.Value}, true
	case *ast.BoolLit:
		return BoolValue(e.Value), true
	case *ast.Unary:
		x, ok := c.ConstOf(e.X)
		if !ok {
			return Value{}, false
		}
		switch e.Op {
		case ast.OpNot:
			return BoolValue(!x.Truth()), true
		case ast.OpPos:
			if x.Kind == check.Bool {
				return x.As(check.Int), true
			}
			return x, true
		case ast.OpInvert:
			if x.Kind == check.Float {
				return Value{}, false
			}
			return Value{Kind: check.Int, I: ^x.I}, true
		case ast.OpNeg:
			if x.Kind == check.Float {
				return Value{Kind: check.Float, F: -x.F}, true
			}
			if x.I == math.MinInt64 {
				return Value{}, false
			}
			return Value{Kind: check.Int, I: -x.I}, true
		}
	case *ast.Binary:
		x, ok1 := c.ConstOf(e.X)
		y, ok2 := c.ConstOf(e.Y)
		if !ok1 || !ok2 {
			return Value{}, false
		}
		return FoldBinary(e.Op, x, y)
	case *ast.Compare:
		if len(e.Ops) != 1 {
			return Value{}, false
		}
		x, ok1 := c.ConstOf(e.Operands[0])
		y, ok2 := c.ConstOf(e.Operands[1])
		if !ok1 || !ok2 {
			return Value{}, false
		}
		return FoldCompare(e.Ops[0], x, y)
	}
	return Value{}, false
}

// FoldBinary folds x op y with Python's typing; ok is false when the
// operation would trap or is not folded.
func FoldBinary(op ast.BinaryOp, x, y Value) (Value, bool) {
	if op.IsBitwise() {
		if x.Kind == check.Float || y.Kind == check.Float {
			return Value{}, false
		}
		return foldBitwise(op, x, y)
	}
	if x.Kind == check.Float || y.Kind == check.Float {
		a, b := x.As(check.Float).F, y.As(check.Float).F
		if (x.Kind != check.Float && !ExactInF64(x.I)) || (y.Kind != check.Float && !ExactInF64(y.I)) {
			return Value{}, false
		}
		switch op {
		case ast.OpAdd:
			return Value{Kind: check.Float, F: a + b}, true
		case ast.OpSub:
			return Value{Kind: check.Float, F: a - b}, true
		case ast.OpMul:
			return Value{Kind: check.Float, F: a * b}, true
		case ast.OpDiv:
			if b == 0 {
				return Value{}, false
			}
			return Value{Kind: check.Float, F: a / b}, true
		}
		return Value{}, false
	}
	a, b := x.I, y.I
	switch op {
	case ast.OpAdd:
		r := a + b
		if (a^r)&(b^r) < 0 {
			return Value{}, false
		}
		return Value{Kind: check.Int, I: r}, true
	case ast.OpSub:
		r := a - b
		if (a^b)&(a^r) < 0 {
			return Value{}, false
		}
		return Value{Kind: check.Int, I: r}, true
	case ast.OpMul:
		r, ok := Mul64(a, b)
		return Value{Kind: check.Int, I: r}, ok
	case ast.OpFloorDiv, ast.OpMod:
		if b == 0 || (a == math.MinInt64 && b == -1) {
			return Value{}, false
		}
		q, m := a/b, a%b
		if m != 0 && (m < 0) != (b < 0) {
			q--
			m += b
		}
		if op == ast.OpMod {
			return Value{Kind: check.Int, I: m}, true
		}
		return Value{Kind: check.Int, I: q}, true
	case ast.OpDiv:
		if b == 0 || !ExactInF64(a) || !ExactInF64(b) {
			return Value{}, false
		}
		return Value{Kind: check.Float, F: float64(a) / float64(b)}, true
	case ast.OpPow:
		if b < 0 {
			return Value{}, false
		}
		r, base := int64(1), a
		for e := b; e > 0; e >>= 1 {
			var ok bool
			if e&1 == 1 {
				if r, ok = Mul64(r, base); !ok {
					return Value{}, false
				}
			}
			if e>>1 == 0 {
				break
			}
			if base, ok = Mul64(base, base); !ok {
				return Value{}, false
			}
		}
		return Value{Kind: check.Int, I: r}, true
	}
	return Value{}, false
}

// Mul64 multiplies with an overflow flag.
func Mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	r := a * b
	if (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) || r/b != a {
		return 0, false
	}
	return r, true
}

// ExactInF64 reports whether |v| <= 2**53.
func ExactInF64(v int64) bool { return v >= -(1<<53) && v <= 1<<53 }

// FoldCompare folds one comparison of constants.
func FoldCompare(op ast.CmpOp, x, y Value) (Value, bool) {
	var c int // -1, 0, 1; 2 when unordered (nan)
	if x.Kind == check.Float || y.Kind == check.Float {
		if x.Kind != y.Kind {
			return Value{}, false
		}
		switch {
		case x.F < y.F:
			c = -1
		case x.F > y.F:
			c = 1
		case x.F == y.F:
			c = 0
		default:
			c = 2
		}
	} else {
		switch {
		case x.I < y.I:
			c = -1
		case x.I > y.I:
			c = 1
		}
	}
	switch op {
	case ast.CmpEq:
		return BoolValue(c == 0), true
	case ast.CmpNe:
		return BoolValue(c != 0), true
	case ast.CmpLt:
		return BoolValue(c == -1), true
	case ast.CmpLe:
		return BoolValue(c == -1 || c == 0), true
	case ast.CmpGt:
		return BoolValue(c == 1), true
	case ast.CmpGe:
		return BoolValue(c == 1 || c == 0), true
	}
	return Value{}, false
}

// foldBitwise folds x op y for constants x and y (ints or bools); ok is
// false when the operation would trap.
func foldBitwise(op ast.BinaryOp, x, y Value) (Value, bool) {
	k := check.Int
	if x.Kind == check.Bool && y.Kind == check.Bool && op != ast.OpLShift && op != ast.OpRShift {
		k = check.Bool
	}
	a, b := x.I, y.I
	switch op {
	case ast.OpBitAnd:
		return Value{Kind: k, I: a & b}, true
	case ast.OpBitOr:
		return Value{Kind: k, I: a | b}, true
	case ast.OpBitXor:
		return Value{Kind: k, I: a ^ b}, true
	case ast.OpRShift:
		if b < 0 {
			return Value{}, false
		}
		return Value{Kind: k, I: a >> min(b, 63)}, true
	case ast.OpLShift:
		if b < 0 || (b >= 64 && a != 0) {
			return Value{}, false
		}
		if b >= 64 {
			return Value{Kind: k}, true
		}
		r := a << b
		if r>>b != a {
			return Value{}, false
		}
		return Value{Kind: k, I: r}, true
	}
	return Value{}, false
}
