// Package emit is the instruction builder of core/wasmgen: it appends
// instructions to the body of one wasmbin.Func, opens and closes its
// blocks (remembering which ones a branch may target), hands out its
// temporary locals and writes its traps. It knows nothing of the program
// being compiled: lowering (core/wasmgen) and the runtime functions
// (core/wasmgen/rt) write through it.
package emit

import (
	"fmt"
	"math"

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
	b.F.LocalNames[int(idx)-len(b.F.ParamNames)] = name // Temp may reuse a released local
	return idx
}

// Fresh returns a new local of type t that the text format calls name,
// never taken from the pool of temporaries (so that the name is its own
// from the start of the function).
func (b *Builder) Fresh(t wasmbin.ValType, name string) uint32 {
	idx := uint32(len(b.F.ParamNames) + len(b.F.Locals))
	b.F.Locals = append(b.F.Locals, t)
	b.F.LocalNames = append(b.F.LocalNames, name)
	return idx
}

// Release returns temporaries to the pool.
func (b *Builder) Release(t wasmbin.ValType, idx ...uint32) { b.free[t] = append(b.free[t], idx...) }

// When runs body inside an `if` on the i32 on the stack (nonzero: run).
func (b *Builder) When(body func()) {
	b.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	body()
	b.End()
}

// ReturnIf returns from the function when the i32 on the stack is
// nonzero, with the result that push leaves.
func (b *Builder) ReturnIf(push func()) {
	b.When(func() {
		push()
		b.Emit(wasmbin.OpReturn)
	})
}

// Until emits a loop that leaves when exit leaves a nonzero i32 and
// otherwise runs body and starts again. Inside body, branch depth 0 is
// the loop (continue) and 1 the block around it (break).
func (b *Builder) Until(exit, body func()) {
	b.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	b.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	exit()
	b.EmitImm(wasmbin.OpBrIf, 1)
	body()
	b.EmitImm(wasmbin.OpBr, 0)
	b.End()
	b.End()
}

// AddI32 adds the constant c to the i32 local x.
func (b *Builder) AddI32(x uint32, c int32) {
	b.Get(x)
	b.I32(c)
	b.Emit(wasmbin.OpI32Add)
	b.Set(x)
}

// OffsetI32 pushes the i32 local x plus the constant c.
func (b *Builder) OffsetI32(x uint32, c int32) {
	b.Get(x)
	b.I32(c)
	b.Emit(wasmbin.OpI32Add)
}

// ShiftAdd turns a base address and an i32 index on the stack into
// base + index<<shift (no shift for 0): the address of an element of
// 1<<shift bytes.
func (b *Builder) ShiftAdd(shift int32) {
	if shift != 0 {
		b.I32(shift)
		b.Emit(wasmbin.OpI32Shl)
	}
	b.Emit(wasmbin.OpI32Add)
}

// CopyShifted copies count<<shift bytes with memory.copy (which is right
// for overlapping ranges too, as memmove); the destination, the source
// and the i32 count are on the stack.
func (b *Builder) CopyShifted(shift int32) {
	if shift != 0 {
		b.I32(shift)
		b.Emit(wasmbin.OpI32Shl)
	}
	b.Emit(wasmbin.OpMemCopy)
}

// MulChecked stores the i64 product of the locals x and y in the local r,
// trapping with ErrOverflow when it overflows. When both operands lie in
// [-2**31, 2**31) the product cannot; otherwise x == -1 overflows only
// for y == MIN, and for x != 0 the wrapped r is exact iff r / x == y.
func (b *Builder) MulChecked(x, y, r uint32) {
	b.Bin(wasmbin.OpI64Mul, x, y)
	b.Set(r)
	b.Get(x)
	b.I64(1 << 31)
	b.Emit(wasmbin.OpI64Add)
	b.Get(y)
	b.I64(1 << 31)
	b.Emit(wasmbin.OpI64Add)
	b.Emit(wasmbin.OpI64Or)
	b.I64(1 << 32)
	b.Emit(wasmbin.OpI64GeU)
	b.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	b.Get(x)
	b.I64(-1)
	b.Emit(wasmbin.OpI64Eq)
	b.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	b.Get(y)
	b.I64(math.MinInt64)
	b.Emit(wasmbin.OpI64Eq)
	b.TrapIf(abi.ErrOverflow)
	b.Emit(wasmbin.OpElse)
	b.Get(x)
	b.Emit(wasmbin.OpI64Eqz)
	b.Emit(wasmbin.OpI32Eqz)
	b.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	b.Bin(wasmbin.OpI64DivS, r, x)
	b.Get(y)
	b.Emit(wasmbin.OpI64Ne)
	b.TrapIf(abi.ErrOverflow)
	b.End()
	b.End()
	b.End()
}

// BinI32 pushes the local x and the i32 constant c and applies the binary
// operator op.
func (b *Builder) BinI32(op wasmbin.Opcode, x uint32, c int32) {
	b.Get(x)
	b.I32(c)
	b.Emit(op)
}

// BinI64 pushes the local x and the i64 constant c and applies the binary
// operator op.
func (b *Builder) BinI64(op wasmbin.Opcode, x uint32, c int64) {
	b.Get(x)
	b.I64(c)
	b.Emit(op)
}

// BinF64 pushes the local x and the f64 constant c and applies the binary
// operator op.
func (b *Builder) BinF64(op wasmbin.Opcode, x uint32, c float64) {
	b.Get(x)
	b.F64(c)
	b.Emit(op)
}
