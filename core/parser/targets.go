package parser

import "github.com/multilingualprogramming/multilingual/core/ast"

// checkTarget fails unless x can be assigned to, as the target of `=`, of
// a for loop or of `with ... as`: a name, an attribute, a subscript, or a
// tuple or list of targets with at most one starred one.
func (p *parser) checkTarget(x ast.Expr) { p.checkTargetKind(x, true) }

// checkSingleTarget fails unless x is a name, an attribute or a subscript:
// the targets of augmented and annotated assignments.
func (p *parser) checkSingleTarget(x ast.Expr) {
	switch x.(type) {
	case *ast.Ident, *ast.Attribute, *ast.Index:
		return
	}
	p.fail(x.Span(), msgCannotAssign, p.describeExpr(x))
}

// checkTargetKind checks a target; starOK says whether a starred target
// may stand in a tuple or list (not for del).
func (p *parser) checkTargetKind(x ast.Expr, starOK bool) {
	switch x := x.(type) {
	case *ast.Ident, *ast.Attribute, *ast.Index:
		return
	case *ast.Tuple:
		p.checkTargets(x.Elems, starOK)
		return
	case *ast.ListLit:
		p.checkTargets(x.Elems, starOK)
		return
	case *ast.Starred:
		p.fail(x.Span(), msgStarTarget)
	}
	p.fail(x.Span(), msgCannotAssign, p.describeExpr(x))
}

func (p *parser) checkTargets(elems []ast.Expr, starOK bool) {
	stars := 0
	for _, e := range elems {
		if s, ok := e.(*ast.Starred); ok && starOK {
			stars++
			if stars > 1 {
				p.fail(s.Span(), msgDuplicateStar)
			}
			p.checkTargetKind(s.X, false)
			continue
		}
		p.checkTargetKind(e, starOK)
	}
}

// describeExpr names the kind of an expression for "cannot assign to"
// messages, in the program's language.
func (p *parser) describeExpr(x ast.Expr) string {
	id := wordExpression
	switch x.(type) {
	case *ast.Call:
		id = wordCall
	case *ast.IntLit, *ast.FloatLit, *ast.StrLit, *ast.BytesLit, *ast.ImagLit, *ast.BoolLit, *ast.NoneLit,
		*ast.Ellipsis, *ast.FString:
		id = wordLiteral
	case *ast.Tuple:
		id = wordTuple
	case *ast.ListLit:
		id = wordList
	}
	return message(p.lang.Code, id)
}
