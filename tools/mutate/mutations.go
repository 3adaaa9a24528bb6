package main

// A mutation is one small, deliberate bug in the compiler: an exact
// replacement of text that must occur exactly once in file (so that the
// mutation fails loudly, instead of silently doing nothing, when the code
// it targets moves or changes).
type mutation struct {
	name string // short name, for -only and the table
	what string // the bug, in words
	file string // path from the repository's root
	old  string
	new  string
}

// mutations are the bugs the differential harnesses must catch.
var mutations = []mutation{
	{
		name: "floordiv-truncates",
		what: "int // rounds toward zero instead of down (wasmgen)",
		file: "core/wasmgen/arith.go",
		old:  "\tfg.Emit(wasmbin.OpI64ExtendI32U)\n\tfg.Emit(wasmbin.OpI64Sub)\n\tfg.Release(wasmbin.I64, a, b, q)\n",
		new:  "\tfg.Emit(wasmbin.OpDrop)\n\tfg.Release(wasmbin.I64, a, b, q)\n",
	},
	{
		name: "add-unchecked",
		what: "the general 64-bit + loses its overflow check (wasmgen intAdd)",
		file: "core/wasmgen/arith.go",
		old:  "\tfg.TrapIfNegative(abi.ErrOverflow)\n\tfg.Get(r)\n\tfg.Release(wasmbin.I64, a, b, r)\n}\n\n// addSigned:",
		new:  "\tfg.Emit(wasmbin.OpDrop)\n\tfg.Get(r)\n\tfg.Release(wasmbin.I64, a, b, r)\n}\n\n// addSigned:",
	},
	{
		name: "overflow-always-traps",
		what: "every overflow check traps, overflow or not (wasmgen/emit TrapIf)",
		file: "core/wasmgen/emit/emit.go",
		old:  "func (b *Builder) TrapIf(code abi.ErrorCode) {\n\tb.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)\n",
		new:  "func (b *Builder) TrapIf(code abi.ErrorCode) {\n\tif code == abi.ErrOverflow {\n\t\tb.Emit(wasmbin.OpDrop)\n\t\tb.Trap(code)\n\t\treturn\n\t}\n\tb.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)\n",
	},
	{
		name: "term-right-assoc",
		what: "* / // % parse right-associative: a // b * c as a // (b * c) (parser term)",
		file: "core/parser/expr.go",
		old:  "func (p *parser) term() ast.Expr   { return p.chain(termOps, p.factor) }\n",
		new:  "func (p *parser) term() ast.Expr {\n\tx := p.factor()\n\tif op, ok := termOps[p.tok().Kind]; ok {\n\t\tt := p.tok()\n\t\tp.next()\n\t\treturn &ast.Binary{X: x, Op: op, OpPos: t.Span, Y: p.term()}\n\t}\n\treturn x\n}\n",
	},
	{
		name: "lt-as-le",
		what: "int < is emitted as <= (wasmgen cmpOps)",
		file: "core/wasmgen/expr.go",
		old:  "ast.CmpLt: wasmbin.OpI64LtS,",
		new:  "ast.CmpLt: wasmbin.OpI64LeS,",
	},
	{
		name: "index-off-by-one",
		what: "a list or ASCII string index equal to the length passes the bounds check (wasmgen boundIndex)",
		file: "core/wasmgen/lists.go",
		old:  "\tfg.Get(n)\n\tlength()\n\tfg.Emit(wasmbin.OpI64GeU)\n\tfg.TrapIf(abi.ErrIndex)\n",
		new:  "\tfg.Get(n)\n\tlength()\n\tfg.Emit(wasmbin.OpI64GtU)\n\tfg.TrapIf(abi.ErrIndex)\n",
	},
	{
		name: "ivptr-advance-index",
		what: "a pointer loop advances its pointers by the step, not by the step's bytes (wasmgen ivptr)",
		file: "core/wasmgen/ivptr.go",
		old:  "\t\tbytes(fg.slotWidth(name))\n\t\tfg.Emit(wasmbin.OpI32Add)\n",
		new:  "\t\tbytes(0)\n\t\tfg.Emit(wasmbin.OpI32Add)\n",
	},
}
