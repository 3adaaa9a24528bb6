package wasmgen

// An Opcode is a one-byte WebAssembly instruction code.
// https://webassembly.github.io/spec/core/binary/instructions.html
type Opcode byte

// The instructions the generator emits.
const (
	OpUnreachable Opcode = 0x00
	OpNop         Opcode = 0x01
	OpBlock       Opcode = 0x02
	OpLoop        Opcode = 0x03
	OpIf          Opcode = 0x04
	OpElse        Opcode = 0x05
	OpEnd         Opcode = 0x0b
	OpBr          Opcode = 0x0c
	OpBrIf        Opcode = 0x0d
	OpReturn      Opcode = 0x0f
	OpCall        Opcode = 0x10
	OpDrop        Opcode = 0x1a
	OpSelect      Opcode = 0x1b

	OpLocalGet  Opcode = 0x20
	OpLocalSet  Opcode = 0x21
	OpLocalTee  Opcode = 0x22
	OpGlobalGet Opcode = 0x23
	OpGlobalSet Opcode = 0x24

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

	OpI64Eqz Opcode = 0x50
	OpI64Eq  Opcode = 0x51
	OpI64Ne  Opcode = 0x52
	OpI64LtS Opcode = 0x53
	OpI64GtS Opcode = 0x55
	OpI64LeS Opcode = 0x57
	OpI64GeS Opcode = 0x59
	OpI64GtU Opcode = 0x56
	OpI64GeU Opcode = 0x5a

	OpF64Eq Opcode = 0x61
	OpF64Ne Opcode = 0x62
	OpF64Lt Opcode = 0x63
	OpF64Gt Opcode = 0x64
	OpF64Le Opcode = 0x65
	OpF64Ge Opcode = 0x66

	OpI32And Opcode = 0x71
	OpI32Or  Opcode = 0x72

	OpI64Add  Opcode = 0x7c
	OpI64Sub  Opcode = 0x7d
	OpI64Mul  Opcode = 0x7e
	OpI64DivS Opcode = 0x7f
	OpI64RemS Opcode = 0x81
	OpI64And  Opcode = 0x83
	OpI64Or   Opcode = 0x84
	OpI64Xor  Opcode = 0x85
	OpI64ShrS Opcode = 0x87

	OpF64Abs     Opcode = 0x99
	OpF64Neg     Opcode = 0x9a
	OpF64Trunc   Opcode = 0x9d
	OpF64Nearest Opcode = 0x9e
	OpF64Add     Opcode = 0xa0
	OpF64Sub     Opcode = 0xa1
	OpF64Mul     Opcode = 0xa2
	OpF64Div     Opcode = 0xa3

	OpI64ExtendI32U  Opcode = 0xad
	OpI64TruncF64S   Opcode = 0xb0
	OpF64ConvertI32U Opcode = 0xb8
	OpF64ConvertI64S Opcode = 0xb9
)

// immKind is the shape of an instruction's immediate operand.
type immKind int

const (
	immNone  immKind = iota
	immIndex         // a u32 index or label depth
	immBlock         // a block type
	immI32           // an i32 constant
	immI64           // an i64 constant
	immF64           // an f64 constant
)

type opInfo struct {
	name string
	imm  immKind
}

// opcodes gives each known opcode its text-format name and immediate.
var opcodes = [256]opInfo{
	OpUnreachable: {"unreachable", immNone}, OpNop: {"nop", immNone},
	OpBlock: {"block", immBlock}, OpLoop: {"loop", immBlock}, OpIf: {"if", immBlock},
	OpElse: {"else", immNone}, OpEnd: {"end", immNone},
	OpBr: {"br", immIndex}, OpBrIf: {"br_if", immIndex}, OpReturn: {"return", immNone},
	OpCall: {"call", immIndex}, OpDrop: {"drop", immNone}, OpSelect: {"select", immNone},
	OpLocalGet: {"local.get", immIndex}, OpLocalSet: {"local.set", immIndex},
	OpLocalTee: {"local.tee", immIndex}, OpGlobalGet: {"global.get", immIndex},
	OpGlobalSet: {"global.set", immIndex},
	OpI32Const:  {"i32.const", immI32}, OpI64Const: {"i64.const", immI64}, OpF64Const: {"f64.const", immF64},
	OpI32Eqz: {"i32.eqz", immNone}, OpI32Eq: {"i32.eq", immNone}, OpI32Ne: {"i32.ne", immNone},
	OpI32LtU: {"i32.lt_u", immNone}, OpI32GtU: {"i32.gt_u", immNone},
	OpI32LeU: {"i32.le_u", immNone}, OpI32GeU: {"i32.ge_u", immNone},
	OpI64Eqz: {"i64.eqz", immNone}, OpI64Eq: {"i64.eq", immNone}, OpI64Ne: {"i64.ne", immNone},
	OpI64LtS: {"i64.lt_s", immNone}, OpI64GtS: {"i64.gt_s", immNone},
	OpI64LeS: {"i64.le_s", immNone}, OpI64GeS: {"i64.ge_s", immNone}, OpI64GtU: {"i64.gt_u", immNone},
	OpF64Eq: {"f64.eq", immNone}, OpF64Ne: {"f64.ne", immNone}, OpF64Lt: {"f64.lt", immNone},
	OpF64Gt: {"f64.gt", immNone}, OpF64Le: {"f64.le", immNone}, OpF64Ge: {"f64.ge", immNone},
	OpI32And: {"i32.and", immNone}, OpI32Or: {"i32.or", immNone},
	OpI64Add: {"i64.add", immNone}, OpI64Sub: {"i64.sub", immNone}, OpI64Mul: {"i64.mul", immNone},
	OpI64DivS: {"i64.div_s", immNone}, OpI64RemS: {"i64.rem_s", immNone},
	OpI64And: {"i64.and", immNone}, OpI64Xor: {"i64.xor", immNone}, OpI64Or: {"i64.or", immNone}, OpI64GeU: {"i64.ge_u", immNone}, OpI64ShrS: {"i64.shr_s", immNone},
	OpF64Abs: {"f64.abs", immNone}, OpF64Neg: {"f64.neg", immNone}, OpF64Trunc: {"f64.trunc", immNone},
	OpF64Nearest: {"f64.nearest", immNone},
	OpF64Add:     {"f64.add", immNone}, OpF64Sub: {"f64.sub", immNone}, OpF64Mul: {"f64.mul", immNone},
	OpF64Div:        {"f64.div", immNone},
	OpI64ExtendI32U: {"i64.extend_i32_u", immNone}, OpI64TruncF64S: {"i64.trunc_f64_s", immNone},
	OpF64ConvertI32U: {"f64.convert_i32_u", immNone}, OpF64ConvertI64S: {"f64.convert_i64_s", immNone},
}

// String returns the instruction's text-format name.
func (op Opcode) String() string {
	if n := opcodes[op].name; n != "" {
		return n
	}
	return "unknown"
}
