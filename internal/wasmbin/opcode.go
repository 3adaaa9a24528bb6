package wasmbin

// An Opcode is a one-byte WebAssembly instruction code.
// https://webassembly.github.io/spec/core/binary/instructions.html
type Opcode byte

// The instructions core/wasmgen emits; the unexported ones are known to
// the encoder and the text view but emitted by no one.
const (
	OpUnreachable  Opcode = 0x00
	opNop          Opcode = 0x01
	OpBlock        Opcode = 0x02
	OpLoop         Opcode = 0x03
	OpIf           Opcode = 0x04
	OpElse         Opcode = 0x05
	OpEnd          Opcode = 0x0b
	OpBr           Opcode = 0x0c
	OpBrIf         Opcode = 0x0d
	OpReturn       Opcode = 0x0f
	OpCall         Opcode = 0x10
	OpCallIndirect Opcode = 0x11
	OpTableGet     Opcode = 0x25
	OpRefIsNull    Opcode = 0xd1
	OpDrop         Opcode = 0x1a
	OpSelect       Opcode = 0x1b

	OpLocalGet  Opcode = 0x20
	OpLocalSet  Opcode = 0x21
	OpLocalTee  Opcode = 0x22
	OpGlobalGet Opcode = 0x23
	OpGlobalSet Opcode = 0x24

	OpI32Load   Opcode = 0x28
	OpI64Load   Opcode = 0x29
	OpF64Load   Opcode = 0x2b
	OpI32Load8U Opcode = 0x2d
	// OpI32Load16U is i32.load16_u: two bytes, little-endian, unsigned.
	OpI32Load16U Opcode = 0x2f
	OpI32Store8  Opcode = 0x3a
	OpI32Store   Opcode = 0x36
	OpI64Store   Opcode = 0x37
	OpF64Store   Opcode = 0x39
	OpMemSize    Opcode = 0x3f
	OpMemGrow    Opcode = 0x40
	// OpMemCopy stands for memory.copy (bulk memory, 0xfc 10): the byte
	// 0xfc is the prefix, and the encoder writes the sub-opcode and both
	// memory indices after it.
	OpMemCopy Opcode = 0xfc
	// OpI32AtomicLoad stands for i32.atomic.load (threads, 0xfe 0x10 and a
	// memarg): the byte 0xfe is the prefix. Only the interrupt check uses
	// it (interrupt.go): an atomic load is never merged with an earlier
	// load of the same address nor moved out of a loop.
	OpI32AtomicLoad Opcode = 0xfe

	OpI32Const Opcode = 0x41
	OpI64Const Opcode = 0x42
	OpF64Const Opcode = 0x44

	OpI32Eqz Opcode = 0x45
	OpI32Eq  Opcode = 0x46
	OpI32Ne  Opcode = 0x47
	OpI32LtU Opcode = 0x49
	OpI32GtU Opcode = 0x4b
	OpI32LeU Opcode = 0x4d
	OpI32GeU Opcode = 0x4f
	OpI32LtS Opcode = 0x48
	OpI32GtS Opcode = 0x4a
	OpI32LeS Opcode = 0x4c
	OpI32GeS Opcode = 0x4e

	OpI64Eqz Opcode = 0x50
	OpI64Eq  Opcode = 0x51
	OpI64Ne  Opcode = 0x52
	OpI64LtS Opcode = 0x53
	OpI64GtS Opcode = 0x55
	OpI64LeS Opcode = 0x57
	OpI64GeS Opcode = 0x59
	OpI64GtU Opcode = 0x56
	OpI64GeU Opcode = 0x5a
	OpI64LtU Opcode = 0x54
	OpI64LeU Opcode = 0x58

	OpF64Eq Opcode = 0x61
	OpF64Ne Opcode = 0x62
	OpF64Lt Opcode = 0x63
	OpF64Gt Opcode = 0x64
	OpF64Le Opcode = 0x65
	OpF64Ge Opcode = 0x66

	OpI32And  Opcode = 0x71
	OpI32Or   Opcode = 0x72
	OpI32Add  Opcode = 0x6a
	OpI32Sub  Opcode = 0x6b
	OpI32Mul  Opcode = 0x6c
	OpI32Shl  Opcode = 0x74
	OpI32Xor  Opcode = 0x73
	opI32DivU Opcode = 0x6e
	OpI32ShrU Opcode = 0x76

	OpI64Ctz  Opcode = 0x7a
	OpI64Add  Opcode = 0x7c
	OpI64Sub  Opcode = 0x7d
	OpI64Mul  Opcode = 0x7e
	OpI64DivS Opcode = 0x7f
	OpI64DivU Opcode = 0x80
	OpI64RemS Opcode = 0x81
	OpI64RemU Opcode = 0x82
	OpI64And  Opcode = 0x83
	OpI64Or   Opcode = 0x84
	OpI64Xor  Opcode = 0x85
	OpI64ShrS Opcode = 0x87
	OpI64Shl  Opcode = 0x86
	OpI64ShrU Opcode = 0x88

	OpF64Abs      Opcode = 0x99
	OpF64Neg      Opcode = 0x9a
	OpF64Trunc    Opcode = 0x9d
	OpF64Nearest  Opcode = 0x9e
	OpF64Add      Opcode = 0xa0
	OpF64Sub      Opcode = 0xa1
	OpF64Mul      Opcode = 0xa2
	OpF64Div      Opcode = 0xa3
	OpF64Ceil     Opcode = 0x9b
	OpF64Floor    Opcode = 0x9c
	OpF64Sqrt     Opcode = 0x9f
	OpF64Copysign Opcode = 0xa6

	OpI64ExtendI32U     Opcode = 0xad
	OpI64TruncF64S      Opcode = 0xb0
	OpF64ConvertI32U    Opcode = 0xb8
	OpF64ConvertI64S    Opcode = 0xb9
	OpI32WrapI64        Opcode = 0xa7
	opI64ExtendI32S     Opcode = 0xac
	opI64ReinterpretF64 Opcode = 0xbd
	OpF64ReinterpretI64 Opcode = 0xbf
)

// immKind is the shape of an instruction's immediate operand.
type immKind int

const (
	immNone      immKind = iota
	immIndex             // a u32 index or label depth
	immBlock             // a block type
	immI32               // an i32 constant
	immI64               // an i64 constant
	immF64               // an f64 constant
	immMem               // a memarg: natural alignment, then the offset in Imm
	immZero              // a reserved zero byte (memory index 0)
	immMemCopy           // memory.copy's sub-opcode 10 and two zero bytes
	immAtomicMem         // an atomic access's sub-opcode, then a memarg as immMem
	immIndirect          // call_indirect: a type index in Imm, then table 0
)

type opInfo struct {
	name  string
	imm   immKind
	align uint8 // log2 of the natural alignment of a load or store
}

// opcodes gives each known opcode its text-format name and immediate.
var opcodes = [256]opInfo{
	OpUnreachable: {"unreachable", immNone, 0}, opNop: {"nop", immNone, 0},
	OpBlock: {"block", immBlock, 0}, OpLoop: {"loop", immBlock, 0}, OpIf: {"if", immBlock, 0},
	OpElse: {"else", immNone, 0}, OpEnd: {"end", immNone, 0},
	OpBr: {"br", immIndex, 0}, OpBrIf: {"br_if", immIndex, 0}, OpReturn: {"return", immNone, 0},
	OpCall: {"call", immIndex, 0}, OpCallIndirect: {"call_indirect", immIndirect, 0},
	OpTableGet: {"table.get", immIndex, 0}, OpRefIsNull: {"ref.is_null", immNone, 0}, OpDrop: {"drop", immNone, 0}, OpSelect: {"select", immNone, 0},
	OpLocalGet: {"local.get", immIndex, 0}, OpLocalSet: {"local.set", immIndex, 0},
	OpLocalTee: {"local.tee", immIndex, 0}, OpGlobalGet: {"global.get", immIndex, 0},
	OpGlobalSet: {"global.set", immIndex, 0},
	OpI32Const:  {"i32.const", immI32, 0}, OpI64Const: {"i64.const", immI64, 0}, OpF64Const: {"f64.const", immF64, 0},
	OpI32Eqz: {"i32.eqz", immNone, 0}, OpI32Eq: {"i32.eq", immNone, 0}, OpI32Ne: {"i32.ne", immNone, 0},
	OpI32LtU: {"i32.lt_u", immNone, 0}, OpI32GtU: {"i32.gt_u", immNone, 0},
	OpI32LeU: {"i32.le_u", immNone, 0}, OpI32GeU: {"i32.ge_u", immNone, 0},
	OpI64Eqz: {"i64.eqz", immNone, 0}, OpI64Eq: {"i64.eq", immNone, 0}, OpI64Ne: {"i64.ne", immNone, 0},
	OpI64LtS: {"i64.lt_s", immNone, 0}, OpI64GtS: {"i64.gt_s", immNone, 0},
	OpI64LeS: {"i64.le_s", immNone, 0}, OpI64GeS: {"i64.ge_s", immNone, 0}, OpI64GtU: {"i64.gt_u", immNone, 0},
	OpF64Eq: {"f64.eq", immNone, 0}, OpF64Ne: {"f64.ne", immNone, 0}, OpF64Lt: {"f64.lt", immNone, 0},
	OpF64Gt: {"f64.gt", immNone, 0}, OpF64Le: {"f64.le", immNone, 0}, OpF64Ge: {"f64.ge", immNone, 0},
	OpI32And: {"i32.and", immNone, 0}, OpI32Or: {"i32.or", immNone, 0},
	OpI64Add: {"i64.add", immNone, 0}, OpI64Sub: {"i64.sub", immNone, 0}, OpI64Mul: {"i64.mul", immNone, 0},
	OpI64DivS: {"i64.div_s", immNone, 0}, OpI64RemS: {"i64.rem_s", immNone, 0}, OpI64RemU: {"i64.rem_u", immNone, 0},
	OpI64And: {"i64.and", immNone, 0}, OpI64Xor: {"i64.xor", immNone, 0}, OpI64Or: {"i64.or", immNone, 0}, OpI64GeU: {"i64.ge_u", immNone, 0}, OpI64ShrS: {"i64.shr_s", immNone, 0},
	OpF64Abs: {"f64.abs", immNone, 0}, OpF64Neg: {"f64.neg", immNone, 0}, OpF64Trunc: {"f64.trunc", immNone, 0},
	OpF64Nearest: {"f64.nearest", immNone, 0},
	OpF64Add:     {"f64.add", immNone, 0}, OpF64Sub: {"f64.sub", immNone, 0}, OpF64Mul: {"f64.mul", immNone, 0},
	OpF64Div:        {"f64.div", immNone, 0},
	OpI64ExtendI32U: {"i64.extend_i32_u", immNone, 0}, OpI64TruncF64S: {"i64.trunc_f64_s", immNone, 0},
	OpF64ConvertI32U: {"f64.convert_i32_u", immNone, 0}, OpF64ConvertI64S: {"f64.convert_i64_s", immNone, 0},

	OpI32Load: {"i32.load", immMem, 2}, OpI64Load: {"i64.load", immMem, 3}, OpF64Load: {"f64.load", immMem, 3},
	OpI32Store: {"i32.store", immMem, 2}, OpI64Store: {"i64.store", immMem, 3}, OpF64Store: {"f64.store", immMem, 3},
	OpMemSize: {"memory.size", immZero, 0}, OpMemGrow: {"memory.grow", immZero, 0},
	OpMemCopy:       {"memory.copy", immMemCopy, 0},
	OpI32AtomicLoad: {"i32.atomic.load", immAtomicMem, 2},
	OpI32Load8U:     {"i32.load8_u", immMem, 0}, OpI32Store8: {"i32.store8", immMem, 0},
	OpI32Load16U: {"i32.load16_u", immMem, 1},
	opI32DivU:    {"i32.div_u", immNone, 0}, OpI32ShrU: {"i32.shr_u", immNone, 0},
	OpI32LtS: {"i32.lt_s", immNone, 0}, OpI32GtS: {"i32.gt_s", immNone, 0},
	OpI32LeS: {"i32.le_s", immNone, 0}, OpI32GeS: {"i32.ge_s", immNone, 0},
	OpI64LtU: {"i64.lt_u", immNone, 0}, OpI64LeU: {"i64.le_u", immNone, 0},
	OpI32Add: {"i32.add", immNone, 0}, OpI32Sub: {"i32.sub", immNone, 0}, OpI32Mul: {"i32.mul", immNone, 0},
	OpI32Shl: {"i32.shl", immNone, 0}, OpI32Xor: {"i32.xor", immNone, 0},
	OpI64Shl: {"i64.shl", immNone, 0}, OpI64ShrU: {"i64.shr_u", immNone, 0}, OpI64Ctz: {"i64.ctz", immNone, 0},
	OpF64Ceil: {"f64.ceil", immNone, 0}, OpF64Floor: {"f64.floor", immNone, 0},
	OpF64Sqrt: {"f64.sqrt", immNone, 0}, OpF64Copysign: {"f64.copysign", immNone, 0},
	OpI64DivU: {"i64.div_u", immNone, 0}, OpI32WrapI64: {"i32.wrap_i64", immNone, 0}, opI64ExtendI32S: {"i64.extend_i32_s", immNone, 0},
	opI64ReinterpretF64: {"i64.reinterpret_f64", immNone, 0},
	OpF64ReinterpretI64: {"f64.reinterpret_i64", immNone, 0},
}

// String returns the instruction's text-format name.
func (op Opcode) String() string {
	if n := opcodes[op].name; n != "" {
		return n
	}
	return "unknown"
}
