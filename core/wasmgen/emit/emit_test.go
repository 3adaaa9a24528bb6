package emit

import (
	"reflect"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Each grouped operation writes the instructions it stands for.
func TestGroupedOperations(t *testing.T) {
	ins := func(op wasmbin.Opcode, imm int64) wasmbin.Instr { return wasmbin.Instr{Op: op, Imm: imm} }
	get := func(i int64) wasmbin.Instr { return ins(wasmbin.OpLocalGet, i) }
	tests := []struct {
		name string
		do   func(b *Builder)
		want []wasmbin.Instr
	}{
		{"Bin", func(b *Builder) { b.Bin(wasmbin.OpI64Add, 1, 2) }, []wasmbin.Instr{get(1), get(2), ins(wasmbin.OpI64Add, 0)}},
		{"Load", func(b *Builder) { b.Load(wasmbin.OpI32Load, 3, 8) }, []wasmbin.Instr{get(3), ins(wasmbin.OpI32Load, 8)}},
		{"Store", func(b *Builder) { b.Store(wasmbin.OpI64Store, 3, 16, 4) }, []wasmbin.Instr{get(3), get(4), ins(wasmbin.OpI64Store, 16)}},
		{"Spill", func(b *Builder) { b.Spill(5, 6) }, []wasmbin.Instr{ins(wasmbin.OpLocalSet, 6), ins(wasmbin.OpLocalTee, 5), get(6)}},
		{"Gets and Emits", func(b *Builder) { b.Gets(1, 0); b.Emits(wasmbin.OpI64Sub, wasmbin.OpDrop) },
			[]wasmbin.Instr{get(1), get(0), ins(wasmbin.OpI64Sub, 0), ins(wasmbin.OpDrop, 0)}},
		{"TrapIfNegative", func(b *Builder) { b.TrapIfNegative(abi.ErrOverflow) }, []wasmbin.Instr{
			ins(wasmbin.OpI64Const, 0), ins(wasmbin.OpI64LtS, 0), {Op: wasmbin.OpIf, Block: wasmbin.BlockEmpty},
			ins(wasmbin.OpI32Const, int64(abi.ErrOverflow)), ins(wasmbin.OpGlobalSet, ErrGlobal), ins(wasmbin.OpUnreachable, 0),
			ins(wasmbin.OpEnd, 0)}},
		{"BinI32", func(b *Builder) { b.BinI32(wasmbin.OpI32GeU, 2, 7) }, []wasmbin.Instr{get(2), ins(wasmbin.OpI32Const, 7), ins(wasmbin.OpI32GeU, 0)}},
		{"BinI64", func(b *Builder) { b.BinI64(wasmbin.OpI64LtS, 1, 0) }, []wasmbin.Instr{get(1), ins(wasmbin.OpI64Const, 0), ins(wasmbin.OpI64LtS, 0)}},
		{"BinF64", func(b *Builder) { b.BinF64(wasmbin.OpF64Eq, 1, 0.5) }, []wasmbin.Instr{get(1), {Op: wasmbin.OpF64Const, F: 0.5}, ins(wasmbin.OpF64Eq, 0)}},
		{"AddI32", func(b *Builder) { b.AddI32(3, -1) }, []wasmbin.Instr{get(3), ins(wasmbin.OpI32Const, -1), ins(wasmbin.OpI32Add, 0), ins(wasmbin.OpLocalSet, 3)}},
		{"OffsetI32", func(b *Builder) { b.OffsetI32(3, 8) }, []wasmbin.Instr{get(3), ins(wasmbin.OpI32Const, 8), ins(wasmbin.OpI32Add, 0)}},
		{"ShiftAdd 0", func(b *Builder) { b.ShiftAdd(0) }, []wasmbin.Instr{ins(wasmbin.OpI32Add, 0)}},
		{"ShiftAdd 3", func(b *Builder) { b.ShiftAdd(3) }, []wasmbin.Instr{ins(wasmbin.OpI32Const, 3), ins(wasmbin.OpI32Shl, 0), ins(wasmbin.OpI32Add, 0)}},
		{"CopyShifted 3", func(b *Builder) { b.CopyShifted(3) }, []wasmbin.Instr{ins(wasmbin.OpI32Const, 3), ins(wasmbin.OpI32Shl, 0), ins(wasmbin.OpMemCopy, 0)}},
		{"CopyShifted 0", func(b *Builder) { b.CopyShifted(0) }, []wasmbin.Instr{ins(wasmbin.OpMemCopy, 0)}},
		{"ReturnIf", func(b *Builder) { b.ReturnIf(func() { b.Get(1) }) }, []wasmbin.Instr{
			{Op: wasmbin.OpIf, Block: wasmbin.BlockEmpty}, get(1), ins(wasmbin.OpReturn, 0), ins(wasmbin.OpEnd, 0)}},
		{"Until", func(b *Builder) { b.Until(func() { b.Get(0) }, func() { b.Get(1); b.Emit(wasmbin.OpDrop) }) }, []wasmbin.Instr{
			{Op: wasmbin.OpBlock, Block: wasmbin.BlockEmpty}, {Op: wasmbin.OpLoop, Block: wasmbin.BlockEmpty},
			get(0), ins(wasmbin.OpBrIf, 1), get(1), ins(wasmbin.OpDrop, 0), ins(wasmbin.OpBr, 0), ins(wasmbin.OpEnd, 0), ins(wasmbin.OpEnd, 0)}},
	}
	for _, tt := range tests {
		b := New(&wasmbin.Func{})
		tt.do(b)
		if !reflect.DeepEqual(b.F.Body, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, b.F.Body, tt.want)
		}
	}
}

// Temporaries are reused once released; Named renames the local; Depth
// finds the innermost frame with a mark.
func TestLocalsAndFrames(t *testing.T) {
	b := New(&wasmbin.Func{ParamNames: []string{"x"}})
	a := b.Temp(wasmbin.I64)
	c := b.Named(wasmbin.I32, "count")
	if a != 1 || c != 2 || b.F.LocalNames[1] != "count" {
		t.Fatalf("locals %d %d %v", a, c, b.F.LocalNames)
	}
	b.Release(wasmbin.I64, a)
	if again := b.Temp(wasmbin.I64); again != a {
		t.Errorf("released temporary not reused: %d", again)
	}
	const outer, inner Mark = 1, 2
	b.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	b.Mark(outer)
	b.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	b.Mark(inner)
	b.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	if d0, d1 := b.Depth(inner), b.Depth(outer); d0 != 1 || d1 != 2 {
		t.Errorf("depths %d %d, want 1 2", d0, d1)
	}
	b.End()
	b.End()
	b.End()
	defer func() {
		if recover() == nil {
			t.Error("Depth without a marked frame did not panic")
		}
	}()
	b.Depth(outer)
}
