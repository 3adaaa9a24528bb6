package ast

import "github.com/multilingualprogramming/multilingual/core/source"

// This file declares the statements of Python's surface beyond the typed
// subset of ast.go. Their fields follow the node kinds of Python's own ast
// module, with our positions.

// A ClassDef is `class Name(Bases..., Keywords...): Body`, possibly
// decorated. Bases may hold *Starred; Keywords holds `metaclass=...` and
// other keyword arguments.
type ClassDef struct {
	Pos        source.Span // from the keyword to the end of the header colon
	Name       *Ident
	Bases      []Expr
	Keywords   []*Keyword
	Body       []Stmt
	Decorators []Expr // outermost first
}

// An AnnAssign is `Target: Annot` or `Target: Annot = Value`. Simple is
// set when Target is a bare name not written in parentheses (Python's
// `simple` flag). Decl records a `let` or `const` in front.
type AnnAssign struct {
	Target  Expr
	Annot   *TypeExpr
	Value   Expr // nil when absent
	Simple  bool
	Decl    DeclKind
	DeclPos source.Span
}

// A Delete is `del Targets...`.
type Delete struct {
	Pos     source.Span
	Targets []Expr
}

// A Raise is `raise`, `raise Exc` or `raise Exc from Cause`.
type Raise struct {
	Pos   source.Span
	Exc   Expr // nil for a bare raise
	Cause Expr // nil when there is no `from`
}

// A Try is try/except/else/finally; Star is set for `except*` handlers.
type Try struct {
	Pos      source.Span
	Body     []Stmt
	Handlers []*ExceptHandler
	Else     []Stmt // nil when absent
	Finally  []Stmt // nil when absent
	Star     bool
}

// An ExceptHandler is `except Type as Name: Body`; Type and Name may be nil.
type ExceptHandler struct {
	Pos  source.Span // the keyword
	Type Expr
	Name *Ident
	Body []Stmt
}

// A With is `with Items...: Body` (or `async with`).
type With struct {
	Pos   source.Span
	Items []*WithItem
	Body  []Stmt
	Async bool
}

// A WithItem is `Context` or `Context as Target`.
type WithItem struct {
	Context Expr
	Target  Expr // nil when there is no `as`
}

// An Import is `import a.b as c, d`.
type Import struct {
	Pos   source.Span
	Names []*Alias
}

// An ImportFrom is `from ...Module import Names` (Names is one alias
// named "*" for `import *`). Level counts the leading dots; Module is nil
// for `from . import x`.
type ImportFrom struct {
	Pos    source.Span
	Module []*Ident // the dotted path, one Ident per part
	Names  []*Alias
	Level  int
}

// An Alias is one imported name: a dotted Path with an optional `as` name.
type Alias struct {
	Path   []*Ident // one part for `x`, several for `a.b.c`; a single "*" for a star import
	AsName *Ident   // nil when there is no `as`
}

// Dotted returns the alias's path joined by dots.
func (a *Alias) Dotted() string { return dotted(a.Path) }

// ModuleName returns the module path of an ImportFrom joined by dots ("" when absent).
func (n *ImportFrom) ModuleName() string { return dotted(n.Module) }

func dotted(ids []*Ident) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += "."
		}
		s += id.Name
	}
	return s
}

// A Nonlocal is `nonlocal a, b`.
type Nonlocal struct {
	Pos   source.Span
	Names []*Ident
}

// A Match is `match Subject:` with its cases.
type Match struct {
	Pos     source.Span
	Subject Expr
	Cases   []*MatchCase
}

// A MatchCase is `case Pattern if Guard: Body`.
type MatchCase struct {
	Pos     source.Span // the keyword
	Pattern Pattern
	Guard   Expr // nil when absent
	Body    []Stmt
}

// Span returns the class header's source range.
func (n *ClassDef) Span() source.Span { return n.Pos }

// Span returns the statement's source range.
func (n *AnnAssign) Span() source.Span {
	end := n.Annot.Pos.End
	if n.Value != nil {
		end = n.Value.Span().End
	}
	start := n.Target.Span().Start
	if n.Decl != DeclNone {
		start = n.DeclPos.Start
	}
	return source.Span{Start: start, End: end}
}

// Span returns the keyword's source range.
func (n *Delete) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *Raise) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *Try) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *ExceptHandler) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *With) Span() source.Span { return n.Pos }

// Span returns the item's source range.
func (n *WithItem) Span() source.Span {
	s := n.Context.Span()
	if n.Target != nil {
		s.End = n.Target.Span().End
	}
	return s
}

// Span returns the keyword's source range.
func (n *Import) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *ImportFrom) Span() source.Span { return n.Pos }

// Span returns the alias's source range.
func (n *Alias) Span() source.Span {
	s := source.Span{Start: n.Path[0].Pos.Start, End: n.Path[len(n.Path)-1].Pos.End}
	if n.AsName != nil {
		s.End = n.AsName.Pos.End
	}
	return s
}

// Span returns the keyword's source range.
func (n *Nonlocal) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *Match) Span() source.Span { return n.Pos }

// Span returns the keyword's source range.
func (n *MatchCase) Span() source.Span { return n.Pos }

func (*ClassDef) stmtNode()   {}
func (*AnnAssign) stmtNode()  {}
func (*Delete) stmtNode()     {}
func (*Raise) stmtNode()      {}
func (*Try) stmtNode()        {}
func (*With) stmtNode()       {}
func (*Import) stmtNode()     {}
func (*ImportFrom) stmtNode() {}
func (*Nonlocal) stmtNode()   {}
func (*Match) stmtNode()      {}
