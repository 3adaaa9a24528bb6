//go:build cgo

package wasmgen

import (
	"errors"
	"github.com/multilingualprogramming/multilingual/core/abi"
	"math"
	"path/filepath"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

// The list program of testdata runs with Python's results (computed by
// hand from Python's semantics) and its traps.
func TestListsProgram(t *testing.T) {
	in := instantiate(t, testdataModules(t)[filepath.Join("testdata", "lists.en.ml")])
	store, inst := in.store, in.inst
	build := func(n int64) int64 {
		a := make([]int64, n)
		for i := range a {
			a[i] = int64(i * i)
		}
		a[0] = a[n-1] + n
		a[1] += 5
		s := int64(0)
		for _, x := range a {
			s += x
		}
		return s + s*1000
	}
	tests := []struct {
		name string
		args []any
		want result
	}{
		{"build", []any{int64(5)}, result{val: build(5)}},
		{"build", []any{int64(300)}, result{val: build(300)}},
		{"build", []any{int64(0)}, result{trap: "index"}},
		{"build", []any{int64(1)}, result{trap: "index"}},
		// m's two rows are one list: m[1][0] is 2.0
		{"grid", []any{int64(3)}, result{val: 2.0 + 2.5 + 2.0 + 1.0}},
		{"pops", []any{int64(0)}, result{val: int64(100 + 50 + 3 + 2000)}},
		{"bad", []any{int64(2)}, result{val: int64(30)}},
		{"bad", []any{int64(-3)}, result{val: int64(10)}},
		{"bad", []any{int64(3)}, result{trap: "index"}},
		{"bad", []any{int64(-4)}, result{trap: "index"}},
		{"bad", []any{int64(-1 << 63)}, result{trap: "index"}},
		{"empty", []any{int64(7)}, result{trap: "value"}},
		{"bools", []any{int64(4)}, result{val: int64(4 + 8)}},
		{"bools", []any{int64(-4)}, result{val: int64(0)}},
		{"useTotal", []any{int64(4)}, result{val: int64(9*10 + 3)}},
	}
	for _, tt := range tests {
		// repeated calls check that the arena is reset between calls
		for range 3 {
			if got := in.call(tt.name, tt.args...); got != tt.want {
				t.Errorf("%s%v = %+v, want %+v", tt.name, tt.args, got, tt.want)
			}
		}
	}
	// a list too long for the arena traps with MemoryError
	if got := in.call("bools", int64(1<<40)); got.trap != "memory" {
		t.Errorf("bools(2**40) = %+v, want memory", got)
	}
	// the export ABI: total(list) through __ml_reset/__ml_alloc
	mem := inst.GetExport(store, abi.MemoryExport).Memory()
	if _, err := inst.GetFunc(store, abi.ResetExport).Call(store); err != nil {
		t.Fatal(err)
	}
	p, err := inst.GetFunc(store, abi.AllocExport).Call(store, int32(abi.ListHeaderSize+3*abi.ListSlotSize))
	if err != nil {
		t.Fatal(err)
	}
	base := p.(int32)
	data := mem.UnsafeData(store)
	le32 := func(off int32, v int32) {
		for k := range 4 {
			data[int(off)+k] = byte(v >> (8 * k))
		}
	}
	le32(base+abi.ListLenOffset, 3)
	le32(base+abi.ListCapOffset, 3)
	le32(base+abi.ListDataOffset, base+abi.ListHeaderSize)
	for k, v := range []int32{4, 5, 6} {
		le32(base+abi.ListHeaderSize+int32(8*k), v)
		le32(base+abi.ListHeaderSize+int32(8*k)+4, 0)
	}
	if got := in.call("total", base); got.val != int64(15) {
		t.Fatalf("total([4, 5, 6]) = %+v", got)
	}
	data = mem.UnsafeData(store)
	n := int32(data[base]) | int32(data[base+1])<<8
	if n != 4 {
		t.Errorf("the argument list has %d elements after append, want 4", n)
	}
}

// Edge cases: deep recursion exhausts the wasm stack (a native trap the
// runtime maps to RecursionError); float(int) rounds half to even like
// Python's int.__float__; int(-0.5) is 0.
func TestEdgeCases(t *testing.T) {
	f := file("en",
		fn("down", []string{"n", "int"}, "int", ret(bin(call("down", bin(id("n"), "+", num(1))), "+", num(1)))),
		fn("tofloat", []string{"n", "int"}, "float", ret(call("float", id("n")))),
		fn("toint", []string{"x", "float"}, "int", ret(call("int", id("x")))),
	)
	in := compile(t, f, Options{}, "down", "tofloat", "toint")
	_, err := in.inst.GetFunc(in.store, "down").Call(in.store, int64(0))
	var trap *wasmtime.Trap
	if !errors.As(err, &trap) || trap.Code() == nil || *trap.Code() != wasmtime.StackOverflow {
		t.Errorf("down(0): %v, want a stack overflow trap", err)
	}
	for n, want := range map[int64]float64{1<<53 + 1: 1 << 53, 1<<53 + 3: 1<<53 + 4, -(1<<53 + 1): -(1 << 53),
		math.MaxInt64: 9223372036854775808.0, math.MinInt64: -9223372036854775808.0} {
		if got := in.call("tofloat", n); got.val != want {
			t.Errorf("float(%d) = %+v, want %v", n, got, want)
		}
	}
	for x, want := range map[float64]result{-0.5: {val: int64(0)}, math.Copysign(0, -1): {val: int64(0)},
		-9223372036854775808.0: {val: int64(math.MinInt64)}, 9223372036854775808.0: {trap: "overflow"},
		math.Inf(-1): {trap: "overflow"}, math.NaN(): {trap: "value"}} {
		if got := in.call("toint", x); got != want {
			t.Errorf("int(%v) = %+v, want %+v", x, got, want)
		}
	}
}
