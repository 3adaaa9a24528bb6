package wasm

import (
	"math"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/abi"
)

// hostModule calls slot 0 of its host table, as generated float ** does.
const hostModule = `(module
  (type $host (func (param f64 f64) (result f64)))
  (table (export "` + abi.HostExport + `") 1 funcref)
  (func (export "pow") (param f64 f64) (result f64)
    local.get 0
    local.get 1
    i32.const 0
    call_indirect (type $host))
  (func (export "bound") (result i32)
    i32.const 0
    table.get 0
    ref.is_null
    i32.eqz))`

// Instantiate fills the host table with the platform's pow, whose errno
// comes back as NaN the way CPython reads it: overflow is an error,
// underflow to zero is not.
func TestHostPow(t *testing.T) {
	inst := newTestInstance(t, hostModule)
	if got, err := inst.Call("bound"); err != nil || got[0] != int32(1) {
		t.Fatalf("bound() = %v, %v: the host table is empty", got, err)
	}
	cases := []struct{ x, y, want float64 }{
		{2, 0.5, math.Sqrt2},
		{2, 10, 1024},
		{10, -400, 0},
		{0.5, 1074, 5e-324},
		{1.0000001, 1e7, hostPow(1.0000001, 1e7)},
	}
	for _, c := range cases {
		got, err := inst.Call("pow", c.x, c.y)
		if err != nil || got[0] != c.want {
			t.Errorf("pow(%v, %v) = %v, %v; want %v", c.x, c.y, got, err, c.want)
		}
	}
	for _, xy := range [][2]float64{{10, 400}, {1e300, 2}, {2, 1e10}} {
		if got, err := inst.Call("pow", xy[0], xy[1]); err != nil || !math.IsNaN(got[0].(float64)) {
			t.Errorf("pow(%v, %v) = %v, %v; want NaN (overflow)", xy[0], xy[1], got, err)
		}
	}
}

// A module without a host table instantiates as before.
func TestNoHostTable(t *testing.T) {
	inst := newTestInstance(t, `(module (func (export "one") (result i32) i32.const 1))`)
	if got, err := inst.Call("one"); err != nil || got[0] != int32(1) {
		t.Fatalf("one() = %v, %v", got, err)
	}
}

// fsumModule exports the float sum global and reads it back.
const fsumModule = `(module
  (global $m (export "` + abi.FloatSumExport + `") (mut i32) (i32.const 0))
  (func (export "mode") (result i32) global.get $m))`

// Instantiate gives each instance the way of summing floats SetFloatSum
// chose; before any, the global stays unset.
func TestFloatSumGlobal(t *testing.T) {
	defer SetFloatSum(floatSum.Load())
	for _, mode := range []int32{abi.FloatSumUnset, abi.FloatSumPlain, abi.FloatSumCompensated} {
		SetFloatSum(mode)
		inst := newTestInstance(t, fsumModule)
		if got, err := inst.Call("mode"); err != nil || got[0] != mode {
			t.Errorf("mode() = %v, %v after SetFloatSum(%d)", got, err, mode)
		}
	}
}
