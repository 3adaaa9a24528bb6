package fallback

import (
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// matchStmt writes a match statement with its cases.
func (g *gen) matchStmt(s *ast.Match) {
	if len(s.Cases) == 0 {
		g.failf(s, "match without cases")
	}
	g.line("match " + g.exprTop(s.Subject) + ":")
	g.indent++
	for _, c := range s.Cases {
		if c == nil || c.Pattern == nil {
			g.failf(s, "case without a pattern")
		}
		g.at(c)
		head := "case " + g.patternTop(c.Pattern)
		if c.Guard != nil {
			head += " if " + g.exprText(c.Guard)
		}
		g.line(head + ":")
		g.block(c.Body)
	}
	g.indent--
}

// patternTop returns a case's pattern; an or-pattern or an as-pattern
// needs no parentheses there.
func (g *gen) patternTop(p ast.Pattern) string {
	switch p := p.(type) {
	case *ast.MatchOr:
		if p != nil {
			return g.orPattern(p)
		}
	case *ast.MatchAs:
		if p != nil && p.Pattern != nil {
			return g.asPattern(p)
		}
	}
	return g.pattern(p)
}

// pattern returns a closed pattern: or- and as-patterns in parentheses.
func (g *gen) pattern(p ast.Pattern) string {
	if isNilNode(p) {
		g.failf(nil, "missing pattern")
	}
	switch p := p.(type) {
	case *ast.MatchValue:
		return g.valuePattern(p.X)
	case *ast.MatchSingleton:
		switch x := p.X.(type) {
		case *ast.BoolLit, *ast.NoneLit:
			s, _ := g.expr(x)
			return s
		}
		g.failf(p, "singleton pattern %T", p.X)
	case *ast.MatchSequence:
		parts := make([]string, len(p.Patterns))
		for i, q := range p.Patterns {
			parts[i] = g.seqItem(q)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *ast.MatchMapping:
		if len(p.Keys) != len(p.Patterns) {
			g.failf(p, "mapping pattern with %d keys and %d patterns", len(p.Keys), len(p.Patterns))
		}
		parts := make([]string, 0, len(p.Keys)+1)
		for i, k := range p.Keys {
			parts = append(parts, g.valuePattern(k)+": "+g.patternTop(p.Patterns[i]))
		}
		if p.Rest != nil {
			parts = append(parts, "**"+g.bindName(p.Rest))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case *ast.MatchClass:
		if len(p.KwdAttrs) != len(p.KwdPatterns) {
			g.failf(p, "class pattern with %d keywords and %d patterns", len(p.KwdAttrs), len(p.KwdPatterns))
		}
		cls := g.dottedName(p.Cls)
		parts := make([]string, 0, len(p.Patterns)+len(p.KwdAttrs))
		for _, q := range p.Patterns {
			parts = append(parts, g.patternTop(q))
		}
		for i, a := range p.KwdAttrs {
			if a == nil {
				g.failf(p, "class pattern keyword without a name")
			}
			parts = append(parts, g.names.attrName(a.Name)+"="+g.patternTop(p.KwdPatterns[i]))
		}
		return cls + "(" + strings.Join(parts, ", ") + ")"
	case *ast.MatchStar:
		g.failf(p, "star pattern outside a sequence pattern")
	case *ast.MatchAs:
		if p.Pattern == nil {
			if p.Name == nil {
				return "_"
			}
			return g.bindName(p.Name)
		}
		return "(" + g.asPattern(p) + ")"
	case *ast.MatchOr:
		return "(" + g.orPattern(p) + ")"
	}
	g.failf(p, "unsupported pattern %T", p)
	return ""
}

// seqItem returns an element of a sequence pattern, where *rest is allowed
// and or- and as-patterns need no parentheses.
func (g *gen) seqItem(p ast.Pattern) string {
	if s, ok := p.(*ast.MatchStar); ok && s != nil {
		if s.Name == nil {
			return "*_"
		}
		return "*" + g.bindName(s.Name)
	}
	return g.patternTop(p)
}

// asPattern returns `p as name`.
func (g *gen) asPattern(p *ast.MatchAs) string {
	if p.Name == nil {
		g.failf(p, "as-pattern without a name")
	}
	return g.pattern(p.Pattern) + " as " + g.bindName(p.Name)
}

// orPattern returns `p | q`.
func (g *gen) orPattern(p *ast.MatchOr) string {
	if len(p.Patterns) < 2 {
		g.failf(p, "or-pattern with %d alternatives", len(p.Patterns))
	}
	parts := make([]string, len(p.Patterns))
	for i, q := range p.Patterns {
		parts[i] = g.pattern(q)
	}
	return strings.Join(parts, " | ")
}

// valuePattern returns a value pattern or a mapping key: a literal, a
// signed number, a complex sum, or a dotted name (never a bare name,
// which would capture).
func (g *gen) valuePattern(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Attribute:
		return g.dottedName(x)
	case *ast.Ident:
		g.failf(x, "a bare name is a capture pattern, not a value")
	case *ast.IntLit, *ast.FloatLit, *ast.ImagLit, *ast.StrLit, *ast.BytesLit, *ast.Unary, *ast.Binary,
		*ast.BoolLit, *ast.NoneLit:
		s, _ := g.expr(x)
		return s
	}
	g.failf(x, "unsupported value pattern %T", x)
	return ""
}

// dottedName returns a name or dotted name of a pattern.
func (g *gen) dottedName(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		if x != nil {
			return g.ident(x)
		}
	case *ast.Attribute:
		if x != nil && x.Name != nil {
			return g.dottedName(x.X) + "." + g.method(x.Name)
		}
	}
	g.failf(x, "a class or value pattern needs a dotted name, not %T", x)
	return ""
}
