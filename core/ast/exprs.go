package ast

import "github.com/multilingualprogramming/multilingual/core/source"

// This file declares the expressions of Python's surface beyond the typed
// subset of ast.go, after the node kinds of Python's own ast module.

// A Tuple is `(a, b)`, `a, b`, `(a,)` or `()`. Pos covers the parentheses
// when they were written (Paren), else the elements.
type Tuple struct {
	Pos   source.Span
	Elems []Expr
	Paren bool
}

// A Dict is `{k: v, **m}`: Keys[i] is nil where Values[i] is unpacked with `**`.
type Dict struct {
	Pos    source.Span
	Keys   []Expr
	Values []Expr
}

// A Set is `{a, b}` (never empty: `{}` is a Dict).
type Set struct {
	Pos   source.Span
	Elems []Expr
}

// A Starred is `*X` in a display, a call, a target or a subscript.
type Starred struct {
	Pos source.Span // the star
	X   Expr
}

// A Slice is `Lo:Hi:Step` inside a subscript; any part may be nil.
type Slice struct {
	Pos  source.Span
	Lo   Expr
	Hi   Expr
	Step Expr
}

// A Lambda is `lambda Params: Body`.
type Lambda struct {
	Pos    source.Span // the keyword
	Params []*Param
	Body   Expr
}

// An IfExp is `Body if Cond else Else`.
type IfExp struct {
	Body Expr
	Cond Expr
	Else Expr
}

// A NamedExpr is `Target := Value`.
type NamedExpr struct {
	Target *Ident
	Value  Expr
}

// A CompKind says which comprehension a Comp is.
type CompKind int

// The comprehension kinds.
const (
	ListComp CompKind = iota + 1 // [Elt for ...]
	SetComp                      // {Elt for ...}
	DictComp                     // {Elt: Value for ...}
	GenExp                       // (Elt for ...)
)

// A Comp is a list, set or dict comprehension or a generator expression.
type Comp struct {
	Pos   source.Span // the brackets (for a generator passed as the only argument of a call: the call's parentheses)
	Kind  CompKind
	Elt   Expr // the element, or the key of a DictComp
	Value Expr // the value of a DictComp, nil otherwise
	Fors  []*CompFor
}

// A CompFor is one `for Target in Iter if Ifs...` clause of a
// comprehension (or `async for`).
type CompFor struct {
	Pos    source.Span // the `for` keyword
	Target Expr
	Iter   Expr
	Ifs    []Expr
	Async  bool
}

// A Yield is `yield` or `yield Value`.
type Yield struct {
	Pos   source.Span
	Value Expr // nil when absent
}

// A YieldFrom is `yield from Value`.
type YieldFrom struct {
	Pos   source.Span
	Value Expr
}

// An Await is `await X`.
type Await struct {
	Pos source.Span
	X   Expr
}

// An FString is an f-string, or an implicit concatenation of strings of
// which at least one is an f-string. Parts are *StrLit (literal text) and
// *FormattedValue items, adjacent literals merged, as Python's JoinedStr.
type FString struct {
	Pos   source.Span
	Parts []Expr
}

// A FormattedValue is a `{X!Conv:Spec}` field of an f-string. Conv is 0,
// 'r', 's' or 'a'; Spec is nil when no format spec was written. Debug holds
// the text of a `{x=}` field before its value ("x="), for printing it back;
// the parser has already put that text in a literal part before this node,
// as Python does.
type FormattedValue struct {
	X     Expr
	Conv  rune
	Spec  *FString
	Debug string
}

// A BytesLit is a bytes literal; Value holds the bytes.
type BytesLit struct {
	Pos   source.Span
	Value string
}

// An ImagLit is an imaginary literal such as `2j`; Text is the ASCII
// spelling of its imaginary part ("2", "1.5e3").
type ImagLit struct {
	Pos  source.Span
	Text string
}

// An Ellipsis is `...`.
type Ellipsis struct{ Pos source.Span }

// Span returns the expression's source range.
func (n *Tuple) Span() source.Span { return n.Pos }

// Span returns the expression's source range.
func (n *Dict) Span() source.Span { return n.Pos }

// Span returns the expression's source range.
func (n *Set) Span() source.Span { return n.Pos }

// Span returns the expression's source range.
func (n *Starred) Span() source.Span {
	return source.Span{Start: n.Pos.Start, End: n.X.Span().End}
}

// Span returns the expression's source range.
func (n *Slice) Span() source.Span { return n.Pos }

// Span returns the expression's source range.
func (n *Lambda) Span() source.Span {
	return source.Span{Start: n.Pos.Start, End: n.Body.Span().End}
}

// Span returns the expression's source range.
func (n *IfExp) Span() source.Span {
	return source.Span{Start: n.Body.Span().Start, End: n.Else.Span().End}
}

// Span returns the expression's source range.
func (n *NamedExpr) Span() source.Span {
	return source.Span{Start: n.Target.Pos.Start, End: n.Value.Span().End}
}

// Span returns the expression's source range.
func (n *Comp) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *CompFor) Span() source.Span { return n.Pos }

// Span returns the expression's source range.
func (n *Yield) Span() source.Span {
	if n.Value != nil {
		return source.Span{Start: n.Pos.Start, End: n.Value.Span().End}
	}
	return n.Pos
}

// Span returns the expression's source range.
func (n *YieldFrom) Span() source.Span {
	return source.Span{Start: n.Pos.Start, End: n.Value.Span().End}
}

// Span returns the expression's source range.
func (n *Await) Span() source.Span {
	return source.Span{Start: n.Pos.Start, End: n.X.Span().End}
}

// Span returns the literal's source range.
func (n *FString) Span() source.Span { return n.Pos }

// Span returns the field's expression range.
func (n *FormattedValue) Span() source.Span { return n.X.Span() }

// Span returns the literal's source range.
func (n *BytesLit) Span() source.Span { return n.Pos }

// Span returns the literal's source range.
func (n *ImagLit) Span() source.Span { return n.Pos }

// Span returns the literal's source range.
func (n *Ellipsis) Span() source.Span { return n.Pos }

func (*Tuple) exprNode()          {}
func (*Dict) exprNode()           {}
func (*Set) exprNode()            {}
func (*Starred) exprNode()        {}
func (*Slice) exprNode()          {}
func (*Lambda) exprNode()         {}
func (*IfExp) exprNode()          {}
func (*NamedExpr) exprNode()      {}
func (*Comp) exprNode()           {}
func (*Yield) exprNode()          {}
func (*YieldFrom) exprNode()      {}
func (*Await) exprNode()          {}
func (*FString) exprNode()        {}
func (*FormattedValue) exprNode() {}
func (*BytesLit) exprNode()       {}
func (*ImagLit) exprNode()        {}
func (*Ellipsis) exprNode()       {}
