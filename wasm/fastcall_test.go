package wasm

import (
	"math"
	"reflect"
	"testing"
	"unsafe"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

func TestFuncLayout(t *testing.T) {
	funcSize, rawSize, rawAlign := cLayout()
	if s := unsafe.Sizeof(wasmtime.Func{}); s != funcSize || s != 16 {
		t.Errorf("sizeof wasmtime.Func = %d, C wasmtime_func_t = %d; want 16", s, funcSize)
	}
	if rawSize != 16 || rawAlign < 1 {
		t.Errorf("sizeof wasmtime_val_raw_t = %d, want 16", rawSize)
	}
	for i, c := range cValKinds()[:4] {
		if ValKind(c) != ValKind(i) {
			t.Errorf("ML kind %d = %d", i, c)
		}
	}
	if ValKind(cValKinds()[4]) != KindOther {
		t.Error("ML_OTHER != KindOther")
	}
}

func TestMemoryLayout(t *testing.T) {
	if s := unsafe.Sizeof(wasmtime.Memory{}); s != cMemoryLayout() || s != 24 {
		t.Errorf("sizeof wasmtime.Memory = %d, C wasmtime_memory_t = %d; want 24", s, cMemoryLayout())
	}
}

func TestFastCall(t *testing.T) {
	inst := newTestInstance(t, testWAT)
	add, _ := inst.Func("add")
	slots := make([]uint64, 2*add.Slots())
	slots[0], slots[2] = uint64(40), uint64(2)
	if tr := add.callSlots(slots); tr != nil || slots[0] != 42 {
		t.Fatalf("add(40, 2): slot %d, trap %v", slots[0], tr)
	}
	neg := int64(-7)
	slots[0], slots[2] = uint64(neg), 3
	if tr := add.callSlots(slots); tr != nil || int64(slots[0]) != -4 {
		t.Fatalf("add(-7, 3): %d, %v", int64(slots[0]), tr)
	}

	if got, want := add.kindsSeenByC(), []ValKind{KindI64, KindI64, KindI64}; !reflect.DeepEqual(got, want) {
		t.Errorf("C sees kinds %v, want %v", got, want)
	}
	pair, _ := inst.Func("pair")
	if got, want := pair.kindsSeenByC(), []ValKind{KindI64, KindF64}; !reflect.DeepEqual(got, want) {
		t.Errorf("C sees kinds %v, want %v", got, want)
	}

	noop, _ := inst.Func("noop")
	if noop.Slots() != 1 {
		t.Errorf("noop.Slots() = %d, want 1", noop.Slots())
	}
	if tr := noop.callSlots(make([]uint64, 2)); tr != nil {
		t.Fatal(tr)
	}

	fadd, _ := inst.Func("fadd")
	slots[0], slots[2] = math.Float64bits(0.5), math.Float64bits(0.25)
	if tr := fadd.callSlots(slots); tr != nil || math.Float64frombits(slots[0]) != 0.75 {
		t.Fatalf("fadd: %v, %v", math.Float64frombits(slots[0]), tr)
	}

	div, _ := inst.Func("div")
	slots[0], slots[2] = 1, 0
	tr := div.callSlots(slots)
	if tr == nil || tr.Kind != TrapZeroDivision || tr.Code != codeIntegerDivisionByZero {
		t.Fatalf("div by zero: %#v", tr)
	}
	fail, _ := inst.Func("fail")
	slots[0] = 3
	if tr := fail.callSlots(slots); tr == nil || tr.Kind != TrapIndex || tr.ErrorCode != 3 {
		t.Fatalf("fail(3): %#v", tr)
	}
	slots[0], slots[2] = 1, 2
	if tr := add.callSlots(slots); tr != nil || slots[0] != 3 {
		t.Fatalf("add after traps: %d, %v", slots[0], tr)
	}
}

func TestFastCallAllocs(t *testing.T) {
	inst := newTestInstance(t, testWAT)
	add, _ := inst.Func("add")
	slots := make([]uint64, 4)
	n := testing.AllocsPerRun(100, func() {
		slots[0], slots[2] = 1, 2
		add.callSlots(slots)
	})
	if n != 0 {
		t.Errorf("fast call allocates %v times per call", n)
	}
}

func BenchmarkFastCall(b *testing.B) {
	inst := newTestInstance(b, testWAT)
	add, _ := inst.Func("add")
	slots := make([]uint64, 4)
	b.ReportAllocs()
	for b.Loop() {
		slots[0], slots[2] = 1, 2
		add.callSlots(slots)
	}
}

func BenchmarkFuncCall(b *testing.B) {
	inst := newTestInstance(b, testWAT)
	f := inst.inst.GetFunc(inst.store, "add")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Call(inst.store, int64(1), int64(2)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInstanceCall(b *testing.B) {
	inst := newTestInstance(b, testWAT)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := inst.Call("add", 1, 2); err != nil {
			b.Fatal(err)
		}
	}
}
