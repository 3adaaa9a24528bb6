// Package emit is the instruction builder of core/wasmgen: it appends
// instructions to the body of one wasmbin.Func, opens and closes its
// blocks (remembering which ones a branch may target), hands out its
// temporary locals and writes its traps. It knows nothing of the program
// being compiled: lowering (core/wasmgen) and the runtime functions
// (core/wasmgen/rt) write through it.
package emit

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// ErrGlobal is the index of the global holding the last abi.ErrorCode: the
// first global of every module, which the export __ml_error returns.
const ErrGlobal = 0

// A Mark tags an open block so that a branch can find it by what it is
// for (the loop of a `continue`, the block of a `break`) rather than by
// its depth. Its bits are the caller's to define.
type Mark uint8

// A Frame is one open block, loop or if.
type Frame struct {
	Op    wasmbin.Opcode
	Marks Mark
}

// A Builder writes the body of one function.
type Builder struct {
	F      *wasmbin.Func
	frames []Frame
	free   map[wasmbin.ValType][]uint32 // temporaries not in use
}

// New returns a builder that appends to f's body.
func New(f *wasmbin.Func) *Builder {
	return &Builder{F: f, free: make(map[wasmbin.ValType][]uint32)}
}

// Emit appends an instruction without immediate.
func (b *Builder) Emit(op wasmbin.Opcode) { b.F.Body = append(b.F.Body, wasmbin.Instr{Op: op}) }

// EmitImm appends an instruction with an index or integer immediate.
func (b *Builder) EmitImm(op wasmbin.Opcode, imm int64) {
	b.F.Body = append(b.F.Body, wasmbin.Instr{Op: op, Imm: imm})
}

// Emits appends instructions without immediates, in order.
func (b *Builder) Emits(ops ...wasmbin.Opcode) {
	for _, op := range ops {
		b.Emit(op)
	}
}

// I64 pushes the i64 constant v.
func (b *Builder) I64(v int64) { b.EmitImm(wasmbin.OpI64Const, v) }

// I32 pushes the i32 constant v.
func (b *Builder) I32(v int32) { b.EmitImm(wasmbin.OpI32Const, int64(v)) }

// F64 pushes the f64 constant v.
func (b *Builder) F64(v float64) {
	b.F.Body = append(b.F.Body, wasmbin.Instr{Op: wasmbin.OpF64Const, F: v})
}

// Get pushes the local idx.
func (b *Builder) Get(idx uint32) { b.EmitImm(wasmbin.OpLocalGet, int64(idx)) }

// Gets pushes the locals idx, in order.
func (b *Builder) Gets(idx ...uint32) {
	for _, i := range idx {
		b.Get(i)
	}
}

// Set pops into the local idx.
func (b *Builder) Set(idx uint32) { b.EmitImm(wasmbin.OpLocalSet, int64(idx)) }

// Tee stores the top of the stack into the local idx and keeps it.
func (b *Builder) Tee(idx uint32) { b.EmitImm(wasmbin.OpLocalTee, int64(idx)) }

// Call calls the function idx.
func (b *Builder) Call(idx uint32) { b.EmitImm(wasmbin.OpCall, int64(idx)) }

// Bin pushes the locals x and y and applies the binary operator op.
func (b *Builder) Bin(op wasmbin.Opcode, x, y uint32) {
	b.Get(x)
	b.Get(y)
	b.Emit(op)
}

// Load pushes the local addr and loads at offset off with op.
func (b *Builder) Load(op wasmbin.Opcode, addr uint32, off int64) {
	b.Get(addr)
	b.EmitImm(op, off)
}

// Store writes the local v at offset off of the address in the local addr
// with op.
func (b *Builder) Store(op wasmbin.Opcode, addr uint32, off int64, v uint32) {
	b.Get(addr)
	b.Get(v)
	b.EmitImm(op, off)
}

// TrapIfNegative traps with code when the i64 on the stack is negative.
func (b *Builder) TrapIfNegative(code abi.ErrorCode) {
	b.I64(0)
	b.Emit(wasmbin.OpI64LtS)
	b.TrapIf(code)
}

// Spill stores the two operands on the stack in the locals x (the left
// one) and y, and pushes them back.
func (b *Builder) Spill(x, y uint32) {
	b.Set(y)
	b.Tee(x)
	b.Get(y)
}

// Begin opens a block, loop or if.
func (b *Builder) Begin(op wasmbin.Opcode, bt wasmbin.BlockType) {
	b.F.Body = append(b.F.Body, wasmbin.Instr{Op: op, Block: bt})
	b.frames = append(b.frames, Frame{Op: op})
}

// Mark adds m to the marks of the innermost open frame.
func (b *Builder) Mark(m Mark) { b.frames[len(b.frames)-1].Marks |= m }

// End closes the innermost frame.
func (b *Builder) End() {
	b.Emit(wasmbin.OpEnd)
	b.frames = b.frames[:len(b.frames)-1]
}

// Depth returns the label depth of the innermost frame marked m.
func (b *Builder) Depth(m Mark) int64 {
	for i := len(b.frames) - 1; i >= 0; i-- {
		if b.frames[i].Marks&m != 0 {
			return int64(len(b.frames) - 1 - i)
		}
	}
	panic("break or continue outside a loop")
}

// Trap records code in the error global and traps.
func (b *Builder) Trap(code abi.ErrorCode) {
	b.I32(int32(code))
	b.EmitImm(wasmbin.OpGlobalSet, ErrGlobal)
	b.Emit(wasmbin.OpUnreachable)
}

// TrapIf traps with code when the i32 on the stack is nonzero.
func (b *Builder) TrapIf(code abi.ErrorCode) {
	b.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	b.Trap(code)
	b.End()
}

// Temp returns a temporary local of type t, to be released after use.
func (b *Builder) Temp(t wasmbin.ValType) uint32 {
	if l := b.free[t]; len(l) > 0 {
		idx := l[len(l)-1]
		b.free[t] = l[:len(l)-1]
		return idx
	}
	idx := uint32(len(b.F.ParamNames) + len(b.F.Locals))
	b.F.Locals = append(b.F.Locals, t)
	b.F.LocalNames = append(b.F.LocalNames, fmt.Sprintf("tmp.%s.%d", t, idx))
	return idx
}

// Named returns a temporary local of type t that the text format calls
// name.
func (b *Builder) Named(t wasmbin.ValType, name string) uint32 {
	idx := b.Temp(t)
	b.F.LocalNames[int(idx)-len(b.F.ParamNames)] = name // a reused temporary is not the last local
	return idx
}

// Release returns temporaries to the pool.
func (b *Builder) Release(t wasmbin.ValType, idx ...uint32) { b.free[t] = append(b.free[t], idx...) }
