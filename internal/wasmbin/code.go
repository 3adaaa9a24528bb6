package wasmbin

import (
	"encoding/binary"
	"math"
)

// A BlockType is the result type of a block, loop or if: BlockEmpty or a
// value type.
// https://webassembly.github.io/spec/core/binary/instructions.html#control-instructions
type BlockType byte

// BlockEmpty is the block type of a block without a result.
const BlockEmpty BlockType = 0x40

// An Instr is one instruction with its immediate, if any: Imm holds an
// index, a label depth, an integer constant or a load/store offset, F a
// float constant and Block a block type, as the opcode requires.
type Instr struct {
	Op    Opcode
	Imm   int64
	F     float64
	Block BlockType
}

// appendInstr appends the binary form of in.
// https://webassembly.github.io/spec/core/binary/instructions.html
func appendInstr(b []byte, in Instr) []byte {
	b = append(b, byte(in.Op))
	switch opcodes[in.Op].imm {
	case immIndex:
		b = AppendUleb128(b, uint64(uint32(in.Imm)))
	case immBlock:
		b = append(b, byte(in.Block))
	case immI32:
		b = AppendSleb128(b, int64(int32(in.Imm)))
	case immI64:
		b = AppendSleb128(b, in.Imm)
	case immF64:
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(in.F))
	case immMem:
		b = AppendUleb128(b, uint64(opcodes[in.Op].align))
		b = AppendUleb128(b, uint64(uint32(in.Imm)))
	case immZero:
		b = append(b, 0x00)
	case immMemCopy:
		b = append(b, 10, 0x00, 0x00)
	case immAtomicMem: // i32.atomic.load, the only one
		b = append(b, 0x10)
		b = AppendUleb128(b, uint64(opcodes[in.Op].align))
		b = AppendUleb128(b, uint64(uint32(in.Imm)))
	case immIndirect:
		b = AppendUleb128(b, uint64(uint32(in.Imm)))
		b = append(b, 0x00)
	}
	return b
}

// appendFuncBody appends the code entry of f: its size, its locals grouped
// in runs of one type, then its instructions and the final `end`.
// https://webassembly.github.io/spec/core/binary/modules.html#code-section
func appendFuncBody(b []byte, f *Func) []byte {
	var body []byte
	type run struct {
		n uint32
		t ValType
	}
	var runs []run
	for _, t := range f.Locals {
		if len(runs) > 0 && runs[len(runs)-1].t == t {
			runs[len(runs)-1].n++
		} else {
			runs = append(runs, run{1, t})
		}
	}
	body = AppendUleb128(body, uint64(len(runs)))
	for _, r := range runs {
		body = AppendUleb128(body, uint64(r.n))
		body = append(body, byte(r.t))
	}
	for _, in := range f.Body {
		body = appendInstr(body, in)
	}
	body = append(body, byte(OpEnd))
	b = AppendUleb128(b, uint64(len(body)))
	return append(b, body...)
}
