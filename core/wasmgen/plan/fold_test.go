package plan

import (
	"math"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

func intV(i int64) Value     { return Value{Kind: check.Int, I: i} }
func floatV(f float64) Value { return Value{Kind: check.Float, F: f} }

// The expected values are Python's (python3 -c 'print(-7 // 2)' and so on).
func TestFoldBinary(t *testing.T) {
	tests := []struct {
		name string
		op   ast.BinaryOp
		x, y Value
		want Value
		ok   bool
	}{
		{"add", ast.OpAdd, intV(2), intV(3), intV(5), true},
		{"add overflow", ast.OpAdd, intV(math.MaxInt64), intV(1), Value{}, false},
		{"sub overflow", ast.OpSub, intV(math.MinInt64), intV(1), Value{}, false},
		{"mul overflow", ast.OpMul, intV(1 << 32), intV(1 << 31), Value{}, false},
		{"floordiv", ast.OpFloorDiv, intV(-7), intV(2), intV(-4), true},
		{"mod", ast.OpMod, intV(-7), intV(2), intV(1), true},
		{"mod neg divisor", ast.OpMod, intV(7), intV(-2), intV(-1), true},
		{"floordiv by zero", ast.OpFloorDiv, intV(1), intV(0), Value{}, false},
		{"min // -1", ast.OpFloorDiv, intV(math.MinInt64), intV(-1), Value{}, false},
		{"div", ast.OpDiv, intV(1), intV(4), floatV(0.25), true},
		{"div inexact operand", ast.OpDiv, intV(1<<53 + 1), intV(1), Value{}, false},
		{"pow", ast.OpPow, intV(3), intV(4), intV(81), true},
		{"pow overflow", ast.OpPow, intV(2), intV(63), Value{}, false},
		{"pow negative", ast.OpPow, intV(2), intV(-1), Value{}, false},
		{"float add", ast.OpAdd, floatV(0.5), intV(1), floatV(1.5), true},
		{"float div zero", ast.OpDiv, floatV(1), floatV(0), Value{}, false},
		{"and bools", ast.OpBitAnd, BoolValue(true), BoolValue(true), BoolValue(true), true},
		{"shift", ast.OpLShift, intV(1), intV(62), intV(1 << 62), true},
		{"shift overflow", ast.OpLShift, intV(1), intV(63), Value{}, false},
		{"shift negative", ast.OpRShift, intV(1), intV(-1), Value{}, false},
		{"shift far", ast.OpRShift, intV(-5), intV(100), intV(-1), true},
	}
	for _, tt := range tests {
		got, ok := FoldBinary(tt.op, tt.x, tt.y)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("%s: got %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFoldCompare(t *testing.T) {
	nan := floatV(math.NaN())
	tests := []struct {
		op   ast.CmpOp
		x, y Value
		want bool
	}{
		{ast.CmpLt, intV(1), intV(2), true},
		{ast.CmpGe, intV(1), intV(2), false},
		{ast.CmpEq, floatV(1), floatV(1), true},
		{ast.CmpNe, nan, nan, true},
		{ast.CmpLe, nan, floatV(0), false},
		{ast.CmpGe, nan, floatV(0), false},
	}
	for _, tt := range tests {
		got, ok := FoldCompare(tt.op, tt.x, tt.y)
		if !ok || got != BoolValue(tt.want) {
			t.Errorf("%v %v %v = %+v, %v; want %v", tt.x, tt.op, tt.y, got, ok, tt.want)
		}
	}
	if _, ok := FoldCompare(ast.CmpLt, intV(1), floatV(2)); ok {
		t.Error("an int compared with a float is folded")
	}
}

func TestMul64(t *testing.T) {
	for _, tt := range []struct {
		a, b int64
		ok   bool
	}{{3037000499, 3037000499, true}, {3037000500, 3037000500, false}, {-1, math.MinInt64, false}, {math.MinInt64, 1, true}, {0, math.MinInt64, true}} {
		if r, ok := Mul64(tt.a, tt.b); ok != tt.ok || (ok && r != tt.a*tt.b) {
			t.Errorf("Mul64(%d, %d) = %d, %v", tt.a, tt.b, r, ok)
		}
	}
}
