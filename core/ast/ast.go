// Package ast declares the syntax tree shared by all 17 surface languages.
//
// A French, Hindi or Japanese program parses to the same tree as its English
// twin: keywords are gone once parsed, and every name keeps the spelling the
// user wrote (a localized builtin such as "intervalle" stays "intervalle"
// here; core/check resolves it to the builtin "range"). Every node carries the
// span of the text it came from, so that later phases report errors in terms
// of the user's file.
package ast

import "github.com/multilingualprogramming/multilingual/core/source"

// A Node is any node of the tree.
type Node interface {
	Span() source.Span
}

// An Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// A Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// A File is one parsed program.
type File struct {
	Name string // file name used in errors
	Lang string // language code the program was read in ("fr")
	Body []Stmt // top-level statements, function definitions included, in source order
}

// Funcs returns the top-level function definitions of f in source order.
func (f *File) Funcs() []*FuncDef {
	var out []*FuncDef
	for _, s := range f.Body {
		if d, ok := s.(*FuncDef); ok {
			out = append(out, d)
		}
	}
	return out
}

// TopLevel returns the top-level statements of f that are not function definitions.
func (f *File) TopLevel() []Stmt {
	var out []Stmt
	for _, s := range f.Body {
		if _, ok := s.(*FuncDef); !ok {
			out = append(out, s)
		}
	}
	return out
}

// ---- Types written in the source ----

// A TypeExpr is an annotation. X is the expression as written (any
// expression: `int`, `list[int]`, `dict[str, list[int]]`, `"Node"`,
// `int | None`). When X is a name, or a name subscripted by such forms, Name
// and Args give it as a type ("int", or a localized "entier", kept as
// written, with list[int] having one argument); otherwise Name is nil and
// the annotation is not a type the compiler knows.
type TypeExpr struct {
	Pos  source.Span
	Name *Ident      // as written; core/check maps localized names to canonical ones
	Args []*TypeExpr // list[int] has one argument
	X    Expr        // the annotation expression; nil only in trees built by hand
}

// Span returns the source range of the annotation.
func (t *TypeExpr) Span() source.Span { return t.Pos }

// ---- Statements ----

// A FuncDef is `def name(params) -> result: body`, possibly decorated and
// possibly `async def`.
type FuncDef struct {
	Pos        source.Span // from the keyword to the end of the header colon
	Name       *Ident
	Params     []*Param
	Result     *TypeExpr // nil when no "->" annotation was written
	Body       []Stmt
	Decorators []Expr // `@d` lines above the def, outermost first
	Async      bool   // written `async def`
}

// Plain reports whether every parameter of d is an ordinary positional
// parameter without a default, and d is neither decorated nor async: the
// only functions the WebAssembly backend may compile.
func (d *FuncDef) Plain() bool {
	if len(d.Decorators) > 0 || d.Async {
		return false
	}
	for _, p := range d.Params {
		if p.Kind != ParamNormal || p.Default != nil {
			return false
		}
	}
	return true
}

// A ParamKind says how a parameter receives its argument.
type ParamKind int

// The parameter kinds, in the order Python requires them.
const (
	ParamNormal  ParamKind = iota // positional or keyword
	ParamPosOnly                  // before a `/`
	ParamVarArgs                  // `*args`
	ParamKwOnly                   // after `*` or `*args`
	ParamVarKw                    // `**kwargs`
)

// A Param is one parameter with its optional annotation and default.
type Param struct {
	Name    *Ident
	Type    *TypeExpr // nil when not annotated
	Kind    ParamKind
	Default Expr // nil when there is none
	Star    source.Span
}

// An If is `if Cond: Body` with an optional else branch. An elif chain is an
// If whose Else holds exactly one *If with Elif set.
type If struct {
	Pos  source.Span // the `if` or `elif` keyword
	Elif bool        // this If was written as an elif
	Cond Expr
	Body []Stmt
	Else []Stmt // nil when there is no else branch
}

// A While is `while Cond: Body`, with an optional else branch run when the
// loop ends without break.
type While struct {
	Pos  source.Span
	Cond Expr
	Body []Stmt
	Else []Stmt // nil when absent
}

// A For is `for Target in Iter: Body` (or `async for`), with an optional
// else branch. Target is an *Ident, or a *Tuple, *ListLit, *Attribute,
// *Index or *Starred form of targets.
type For struct {
	Pos    source.Span
	Target Expr
	Iter   Expr
	Body   []Stmt
	Else   []Stmt // nil when absent
	Async  bool
}

// Var returns the loop's target when it is a single name, else nil.
func (f *For) Var() *Ident {
	id, _ := f.Target.(*Ident)
	return id
}

// A Break is `break`.
type Break struct{ Pos source.Span }

// A Continue is `continue`.
type Continue struct{ Pos source.Span }

// A Pass is `pass`.
type Pass struct{ Pos source.Span }

// A Return is `return` with an optional value.
type Return struct {
	Pos   source.Span
	Value Expr // nil for a bare return
}

// An Assign is `Target = Value`, or a chain `Target = Chain[0] = ... =
// Value` assigned left to right. A target is an *Ident, *Index, *Attribute,
// or a *Tuple / *ListLit of targets (one of which may be *Starred). Decl
// records a `let` or `const` written before the target.
type Assign struct {
	Target  Expr
	Value   Expr
	Chain   []Expr   // further targets of a chained assignment, in source order
	Decl    DeclKind // DeclNone for a plain assignment
	DeclPos source.Span
}

// A DeclKind is the declaration keyword written before an assignment.
type DeclKind int

// The declaration kinds.
const (
	DeclNone  DeclKind = iota
	DeclLet            // `let x = ...`: a plain binding
	DeclConst          // `const X = ...`: the name may not be bound again
)

// An AugAssign is `Target op= Value`; Target is an *Ident, *Index or *Attribute.
type AugAssign struct {
	Target Expr
	Op     BinaryOp // the operator without "=": OpAdd for "+="
	OpPos  source.Span
	Value  Expr
}

// An ExprStmt is an expression evaluated for its effect.
type ExprStmt struct {
	X Expr
}

// An Assert is `assert Cond` or `assert Cond, Msg`.
type Assert struct {
	Pos  source.Span
	Cond Expr
	Msg  Expr // nil when absent
}

// A Global is `global a, b`.
type Global struct {
	Pos   source.Span
	Names []*Ident
}

// ---- Expressions ----

// An Ident is a name as the user wrote it.
type Ident struct {
	Pos  source.Span
	Name string
}

// An IntLit is an integer literal. Text holds the value in ASCII decimal
// digits, whatever digits the user wrote (Devanagari, full-width, ...).
type IntLit struct {
	Pos  source.Span
	Text string
}

// A FloatLit is a floating-point literal; Text is its ASCII spelling ("1.5e3").
type FloatLit struct {
	Pos   source.Span
	Text  string
	Value float64
}

// A StrLit is a string literal; Value is the decoded text.
type StrLit struct {
	Pos   source.Span
	Value string
}

// A BoolLit is True or False in any language.
type BoolLit struct {
	Pos   source.Span
	Value bool
}

// A NoneLit is None in any language.
type NoneLit struct{ Pos source.Span }

// A ListLit is `[a, b, c]`.
type ListLit struct {
	Pos   source.Span
	Elems []Expr
}

// A BinaryOp names an arithmetic or bitwise operator.
type BinaryOp int

// The arithmetic and bitwise operators. New operators are appended, so
// that the values of the older ones never change.
const (
	OpAdd      BinaryOp = iota + 1 // +
	OpSub                          // -
	OpMul                          // *
	OpDiv                          // /
	OpFloorDiv                     // //
	OpMod                          // %
	OpPow                          // **
	OpBitAnd                       // &
	OpBitOr                        // |
	OpBitXor                       // ^
	OpLShift                       // <<
	OpRShift                       // >>
	OpMatMul                       // @
)

var binaryOpText = [...]string{OpAdd: "+", OpSub: "-", OpMul: "*", OpDiv: "/", OpFloorDiv: "//", OpMod: "%", OpPow: "**",
	OpBitAnd: "&", OpBitOr: "|", OpBitXor: "^", OpLShift: "<<", OpRShift: ">>", OpMatMul: "@"}

// IsBitwise reports whether op is one of & | ^ << >>.
func (op BinaryOp) IsBitwise() bool { return op >= OpBitAnd && op <= OpRShift }

// BinaryOps lists every binary operator, for tables and tests.
func BinaryOps() []BinaryOp {
	out := make([]BinaryOp, 0, len(binaryOpText)-1)
	for op := OpAdd; int(op) < len(binaryOpText); op++ {
		out = append(out, op)
	}
	return out
}

// String returns the operator's ASCII spelling.
func (op BinaryOp) String() string {
	if op > 0 && int(op) < len(binaryOpText) {
		return binaryOpText[op]
	}
	return "?"
}

// A Binary is `X Op Y` for an arithmetic or bitwise operator.
type Binary struct {
	X     Expr
	Op    BinaryOp
	OpPos source.Span
	Y     Expr
}

// A UnaryOp names a prefix operator.
type UnaryOp int

// The prefix operators.
const (
	OpNeg    UnaryOp = iota + 1 // -x
	OpPos                       // +x
	OpNot                       // not x
	OpInvert                    // ~x
)

// String returns the operator's English spelling.
func (op UnaryOp) String() string {
	switch op {
	case OpNeg:
		return "-"
	case OpPos:
		return "+"
	case OpNot:
		return "not"
	case OpInvert:
		return "~"
	}
	return "?"
}

// A Unary is `Op X`.
type Unary struct {
	Op    UnaryOp
	OpPos source.Span
	X     Expr
}

// A LogicOp is `and` or `or`.
type LogicOp int

// The short-circuit operators.
const (
	OpAnd LogicOp = iota + 1
	OpOr
)

// String returns the operator's English spelling.
func (op LogicOp) String() string {
	if op == OpAnd {
		return "and"
	}
	return "or"
}

// A Logic is `X and Y` or `X or Y`. Paren is set when it was written in
// parentheses: `(a and b) and c` keeps its group, where Python's tree
// makes one BoolOp of the chain `a and b and c`.
type Logic struct {
	X     Expr
	Op    LogicOp
	OpPos source.Span
	Y     Expr
	Paren bool
}

// A CmpOp names a comparison operator.
type CmpOp int

// The comparison operators.
const (
	CmpEq    CmpOp = iota + 1 // ==
	CmpNe                     // !=
	CmpLt                     // <
	CmpLe                     // <=
	CmpGt                     // >
	CmpGe                     // >=
	CmpIn                     // in
	CmpNotIn                  // not in
	CmpIs                     // is
	CmpIsNot                  // is not
)

var cmpOpText = [...]string{CmpEq: "==", CmpNe: "!=", CmpLt: "<", CmpLe: "<=", CmpGt: ">", CmpGe: ">=",
	CmpIn: "in", CmpNotIn: "not in", CmpIs: "is", CmpIsNot: "is not"}

// String returns the operator's English spelling.
func (op CmpOp) String() string {
	if op > 0 && int(op) < len(cmpOpText) {
		return cmpOpText[op]
	}
	return "?"
}

// A Compare is a possibly chained comparison `X0 op1 X1 op2 X2 ...`:
// Operands has one more element than Ops.
type Compare struct {
	Operands []Expr
	Ops      []CmpOp
	OpPos    []source.Span
}

// A Call is `Func(Args..., Keywords...)`. Args holds the positional
// arguments, `*xs` ones as *Starred; Keywords holds `name=value` and
// `**kw` arguments in source order.
type Call struct {
	Func     Expr // any expression: an *Ident, an *Attribute for a method call, ...
	Args     []Expr
	Keywords []*Keyword
	Rparen   source.Pos
}

// A Keyword is `Name=Value` in a call or a class header, or `**Value`
// when Name is nil.
type Keyword struct {
	Pos   source.Span // the name, or the `**`
	Name  *Ident
	Value Expr
}

// Span returns the argument's source range.
func (k *Keyword) Span() source.Span {
	return source.Span{Start: k.Pos.Start, End: k.Value.Span().End}
}

// An Attribute is `X.Name` (used for method calls such as `a.append(x)`).
type Attribute struct {
	X    Expr
	Name *Ident
}

// An Index is `X[Index]`; Index is a *Slice for `x[a:b]`, a *Tuple for
// several dimensions (`m[i, j]`, `a[1:2, ::3]`).
type Index struct {
	X        Expr
	Index    Expr
	Rbracket source.Pos
}

// ---- Span methods ----

// Span returns the header's source range.
func (n *FuncDef) Span() source.Span { return n.Pos }

// Span returns the parameter's source range.
func (n *Param) Span() source.Span {
	s := n.Name.Pos
	if n.Kind == ParamVarArgs || n.Kind == ParamVarKw {
		s.Start = n.Star.Start
	}
	if n.Default != nil {
		s.End = n.Default.Span().End
		return s
	}
	if n.Type != nil {
		s.End = n.Type.Pos.End
	}
	return s
}

// Span returns the keyword's source range.
func (n *If) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *While) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *For) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *Break) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *Continue) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *Pass) Span() source.Span { return n.Pos }

// Span returns the statement's source range.
func (n *Return) Span() source.Span {
	if n.Value != nil {
		return source.Span{Start: n.Pos.Start, End: n.Value.Span().End}
	}
	return n.Pos
}

// Span returns the statement's source range.
func (n *Assign) Span() source.Span {
	return source.Span{Start: n.Target.Span().Start, End: n.Value.Span().End}
}

// Span returns the statement's source range.
func (n *AugAssign) Span() source.Span {
	return source.Span{Start: n.Target.Span().Start, End: n.Value.Span().End}
}

// Span returns the expression's source range.
func (n *ExprStmt) Span() source.Span { return n.X.Span() }

// Span returns the keyword's source range.
func (n *Assert) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *Global) Span() source.Span { return n.Pos }

// Span returns the name's source range.
func (n *Ident) Span() source.Span { return n.Pos }

// Span returns the literal's source range.
func (n *IntLit) Span() source.Span { return n.Pos }

// Span returns the literal's source range.
func (n *FloatLit) Span() source.Span { return n.Pos }

// Span returns the literal's source range.
func (n *StrLit) Span() source.Span { return n.Pos }

// Span returns the literal's source range.
func (n *BoolLit) Span() source.Span { return n.Pos }

// Span returns the literal's source range.
func (n *NoneLit) Span() source.Span { return n.Pos }

// Span returns the literal's source range.
func (n *ListLit) Span() source.Span { return n.Pos }

// Span returns the expression's source range.
func (n *Binary) Span() source.Span {
	return source.Span{Start: n.X.Span().Start, End: n.Y.Span().End}
}

// Span returns the expression's source range.
func (n *Unary) Span() source.Span {
	return source.Span{Start: n.OpPos.Start, End: n.X.Span().End}
}

// Span returns the expression's source range.
func (n *Logic) Span() source.Span {
	return source.Span{Start: n.X.Span().Start, End: n.Y.Span().End}
}

// Span returns the expression's source range.
func (n *Compare) Span() source.Span {
	return source.Span{Start: n.Operands[0].Span().Start, End: n.Operands[len(n.Operands)-1].Span().End}
}

// Span returns the expression's source range.
func (n *Call) Span() source.Span {
	return source.Span{Start: n.Func.Span().Start, End: n.Rparen}
}

// Span returns the expression's source range.
func (n *Attribute) Span() source.Span {
	return source.Span{Start: n.X.Span().Start, End: n.Name.Pos.End}
}

// Span returns the expression's source range.
func (n *Index) Span() source.Span {
	return source.Span{Start: n.X.Span().Start, End: n.Rbracket}
}

func (*FuncDef) stmtNode()   {}
func (*If) stmtNode()        {}
func (*While) stmtNode()     {}
func (*For) stmtNode()       {}
func (*Break) stmtNode()     {}
func (*Continue) stmtNode()  {}
func (*Pass) stmtNode()      {}
func (*Return) stmtNode()    {}
func (*Assign) stmtNode()    {}
func (*AugAssign) stmtNode() {}
func (*ExprStmt) stmtNode()  {}
func (*Assert) stmtNode()    {}
func (*Global) stmtNode()    {}

func (*Ident) exprNode()     {}
func (*IntLit) exprNode()    {}
func (*FloatLit) exprNode()  {}
func (*StrLit) exprNode()    {}
func (*BoolLit) exprNode()   {}
func (*NoneLit) exprNode()   {}
func (*ListLit) exprNode()   {}
func (*Binary) exprNode()    {}
func (*Unary) exprNode()     {}
func (*Logic) exprNode()     {}
func (*Compare) exprNode()   {}
func (*Call) exprNode()      {}
func (*Attribute) exprNode() {}
func (*Index) exprNode()     {}
