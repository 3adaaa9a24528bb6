package ast

import "github.com/multilingualprogramming/multilingual/core/source"

// A Pattern is a pattern of a match statement's case, after the pattern
// kinds of Python's ast module.
type Pattern interface {
	Node
	patternNode()
}

// A MatchValue matches a value: a literal (numbers, strings, negative
// numbers, complex sums such as `1+2j`) or a dotted name `Color.RED`.
type MatchValue struct{ X Expr }

// A MatchSingleton matches True, False or None by identity; X is the
// *BoolLit or *NoneLit.
type MatchSingleton struct{ X Expr }

// A MatchSequence is `[p, q, *rest]` or `(p, q)` or `p, q`.
type MatchSequence struct {
	Pos      source.Span
	Patterns []Pattern
}

// A MatchMapping is `{k: p, **rest}`; Rest is nil without `**`.
type MatchMapping struct {
	Pos      source.Span
	Keys     []Expr
	Patterns []Pattern
	Rest     *Ident
}

// A MatchClass is `Cls(p, q, attr=r)`.
type MatchClass struct {
	Cls         Expr // a name or dotted name
	Patterns    []Pattern
	KwdAttrs    []*Ident
	KwdPatterns []Pattern
	Rparen      source.Pos
}

// A MatchStar is `*name` or `*_` (Name nil) inside a sequence pattern.
type MatchStar struct {
	Pos  source.Span
	Name *Ident
}

// A MatchAs is a capture `name`, the wildcard `_` (Pattern and Name nil),
// or `Pattern as name`.
type MatchAs struct {
	Pos     source.Span
	Pattern Pattern
	Name    *Ident
}

// A MatchOr is `p | q | ...`.
type MatchOr struct{ Patterns []Pattern }

// Span returns the pattern's source range.
func (n *MatchValue) Span() source.Span { return n.X.Span() }

// Span returns the pattern's source range.
func (n *MatchSingleton) Span() source.Span { return n.X.Span() }

// Span returns the pattern's source range.
func (n *MatchSequence) Span() source.Span { return n.Pos }

// Span returns the pattern's source range.
func (n *MatchMapping) Span() source.Span { return n.Pos }

// Span returns the pattern's source range.
func (n *MatchClass) Span() source.Span {
	return source.Span{Start: n.Cls.Span().Start, End: n.Rparen}
}

// Span returns the pattern's source range.
func (n *MatchStar) Span() source.Span { return n.Pos }

// Span returns the pattern's source range.
func (n *MatchAs) Span() source.Span { return n.Pos }

// Span returns the pattern's source range.
func (n *MatchOr) Span() source.Span {
	return source.Span{Start: n.Patterns[0].Span().Start, End: n.Patterns[len(n.Patterns)-1].Span().End}
}

func (*MatchValue) patternNode()     {}
func (*MatchSingleton) patternNode() {}
func (*MatchSequence) patternNode()  {}
func (*MatchMapping) patternNode()   {}
func (*MatchClass) patternNode()     {}
func (*MatchStar) patternNode()      {}
func (*MatchAs) patternNode()        {}
func (*MatchOr) patternNode()        {}
