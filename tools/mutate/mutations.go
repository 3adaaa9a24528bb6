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
		old:  "\tfg.emit(OpI64ExtendI32U)\n\tfg.emit(OpI64Sub)\n\tfg.release(I64, a, b, q)\n",
		new:  "\tfg.emit(OpDrop)\n\tfg.release(I64, a, b, q)\n",
	},
	{
		name: "add-unchecked",
		what: "the general 64-bit + loses its overflow check (wasmgen intAdd)",
		file: "core/wasmgen/arith.go",
		old:  "\tfg.emit(OpI64LtS)\n\tfg.trapIf(ErrOverflow)\n\tfg.get(r)\n\tfg.release(I64, a, b, r)\n}\n\n// addSigned:",
		new:  "\tfg.emit(OpI64LtS)\n\tfg.emit(OpDrop)\n\tfg.get(r)\n\tfg.release(I64, a, b, r)\n}\n\n// addSigned:",
	},
	{
		name: "overflow-always-traps",
		what: "every overflow check traps, overflow or not (wasmgen trapIf)",
		file: "core/wasmgen/gen.go",
		old:  "func (fg *fgen) trapIf(code ErrorCode) {\n\tfg.begin(OpIf, BlockEmpty)\n",
		new:  "func (fg *fgen) trapIf(code ErrorCode) {\n\tif code == ErrOverflow {\n\t\tfg.emit(OpDrop)\n\t\tfg.trap(code)\n\t\treturn\n\t}\n\tfg.begin(OpIf, BlockEmpty)\n",
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
		old:  "ast.CmpLt: OpI64LtS,",
		new:  "ast.CmpLt: OpI64LeS,",
	},
	{
		name: "index-off-by-one",
		what: "a list index equal to the length passes the bounds check (wasmgen slotAt)",
		file: "core/wasmgen/lists.go",
		old:  "\tfg.get(n)\n\tfg.length(r)\n\tfg.emit(OpI64GeU)\n\tfg.trapIf(ErrIndex)\n",
		new:  "\tfg.get(n)\n\tfg.length(r)\n\tfg.emit(OpI64GtU)\n\tfg.trapIf(ErrIndex)\n",
	},
}
