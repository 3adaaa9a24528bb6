package parser

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/lexer"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// stmtRecover parses one statement line (or compound statement). When it
// fails, the error is already recorded: skip to the end of the line and
// over the indented block that may follow, then return what was parsed.
func (p *parser) stmtRecover() (out []ast.Stmt) {
	start := p.p
	first := p.tok()
	if p.try(func() { out = p.stmt() }) {
		p.afterFailedIf = false
		return out
	}
	wasAfterFailedIf := p.afterFailedIf
	p.skipLine() // may parse a block, which resets afterFailedIf
	p.afterFailedIf = first.Kind == lexer.KEYWORD &&
		(first.Keyword == lang.If || (wasAfterFailedIf && (first.Keyword == lang.Elif || first.Keyword == lang.Else)))
	if p.p == start && p.tok().Kind != lexer.EOF {
		p.next() // always make progress
	}
	return nil
}

// skipLine moves past the next NEWLINE, then past an indented block that
// follows it, parsing that block only to report its errors.
func (p *parser) skipLine() {
	for {
		switch p.tok().Kind {
		case lexer.EOF, lexer.DEDENT:
			return
		case lexer.NEWLINE:
			p.next()
			if p.tok().Kind == lexer.INDENT {
				p.next()
				p.stmtsUntilDedent()
			}
			return
		}
		p.next()
	}
}

// stmtsUntilDedent parses statements up to the DEDENT closing a block, and
// consumes it.
func (p *parser) stmtsUntilDedent() []ast.Stmt {
	var body []ast.Stmt
	for k := p.tok().Kind; k != lexer.DEDENT && k != lexer.EOF; k = p.tok().Kind {
		body = append(body, p.stmtRecover()...)
	}
	if p.tok().Kind == lexer.DEDENT {
		p.next()
	}
	return body
}

// stmt parses a compound statement or a line of simple statements.
func (p *parser) stmt() []ast.Stmt {
	t := p.tok()
	switch t.Kind {
	case lexer.INDENT:
		at := t.Span.End // the first character of the over-indented line
		p.errorAt(source.Span{Start: at, End: at}, msgUnexpectedIndent)
		p.next()
		p.stmtsUntilDedent()
		return nil
	case lexer.KEYWORD:
		switch t.Keyword {
		case lang.Def:
			return []ast.Stmt{p.funcDef()}
		case lang.If:
			return []ast.Stmt{p.ifStmt(false)}
		case lang.While:
			return []ast.Stmt{p.whileStmt()}
		case lang.For:
			return []ast.Stmt{p.forStmt()}
		case lang.Elif, lang.Else:
			if p.afterFailedIf {
				panic(bailout{}) // the branch of an if already reported
			}
			p.fail(t.Span, msgWithout, t.Text, p.kw(lang.If))
		}
	}
	return p.simpleLine()
}

// simpleLine parses simple statements separated by ';' up to the end of
// the line.
func (p *parser) simpleLine() []ast.Stmt {
	out := []ast.Stmt{p.simpleStmt()}
	for p.tok().Kind == lexer.SEMI {
		p.next()
		if k := p.tok().Kind; k == lexer.NEWLINE || k == lexer.EOF {
			break
		}
		out = append(out, p.simpleStmt())
	}
	switch p.tok().Kind {
	case lexer.NEWLINE:
		p.next()
	case lexer.EOF:
	default:
		p.failUnexpected(msgEndOfLine)
	}
	return out
}

// atStmtEnd reports whether the current token ends a simple statement.
func (p *parser) atStmtEnd() bool {
	switch p.tok().Kind {
	case lexer.NEWLINE, lexer.SEMI, lexer.EOF, lexer.DEDENT:
		return true
	}
	return false
}

func (p *parser) simpleStmt() ast.Stmt {
	t := p.tok()
	if t.Kind == lexer.KEYWORD {
		switch t.Keyword {
		case lang.Break:
			p.next()
			return &ast.Break{Pos: t.Span}
		case lang.Continue:
			p.next()
			return &ast.Continue{Pos: t.Span}
		case lang.Pass:
			p.next()
			return &ast.Pass{Pos: t.Span}
		case lang.Return:
			p.next()
			r := &ast.Return{Pos: t.Span}
			if !p.atStmtEnd() {
				r.Value = p.expr()
				p.noTuple()
			}
			return r
		case lang.Assert:
			p.next()
			a := &ast.Assert{Pos: t.Span, Cond: p.expr()}
			if p.tok().Kind == lexer.COMMA {
				p.next()
				a.Msg = p.expr()
			}
			return a
		case lang.Global:
			p.next()
			g := &ast.Global{Pos: t.Span}
			for {
				g.Names = append(g.Names, p.name(msgExpectedName))
				if p.tok().Kind != lexer.COMMA {
					break
				}
				p.next()
			}
			return g
		}
		if p.soft(t) && (!t.Keyword.Soft() || !p.softKeywordStmt()) {
			// used as a name: fall through to expressions
		} else if reserved(t.Keyword) {
			p.fail(t.Span, msgReserved, t.Text, string(t.Keyword))
		}
	}
	return p.exprStmt()
}

// softKeywordStmt reports whether the soft keyword at the current token
// starts a statement (match x:) rather than being used as a name (match = 1).
func (p *parser) softKeywordStmt() bool {
	switch p.peek(1).Kind {
	case lexer.NAME, lexer.INT, lexer.FLOAT, lexer.STRING, lexer.KEYWORD, lexer.LBRACK, lexer.LBRACE:
		return true
	}
	return false
}

// exprStmt parses an expression statement, an assignment or an augmented
// assignment.
func (p *parser) exprStmt() ast.Stmt {
	x := p.expr()
	p.noTuple()
	t := p.tok()
	switch t.Kind {
	case lexer.ASSIGN:
		p.checkTarget(x)
		p.next()
		v := p.expr()
		p.noTuple()
		if p.tok().Kind == lexer.ASSIGN {
			p.fail(p.tok().Span, msgChainedAssign)
		}
		return &ast.Assign{Target: x, Value: v}
	case lexer.ADDASSIGN, lexer.SUBASSIGN, lexer.MULASSIGN, lexer.DIVASSIGN,
		lexer.FLOORDIVASSIGN, lexer.MODASSIGN, lexer.POWASSIGN,
		lexer.AMPASSIGN, lexer.PIPEASSIGN, lexer.CARETASSIGN, lexer.SHLASSIGN, lexer.SHRASSIGN:
		p.checkTarget(x)
		p.next()
		v := p.expr()
		p.noTuple()
		return &ast.AugAssign{Target: x, Op: augOps[t.Kind], OpPos: t.Span, Value: v}
	case lexer.COLON:
		if _, ok := x.(*ast.Ident); ok {
			p.fail(t.Span, msgAnnotations)
		}
	}
	return &ast.ExprStmt{X: x}
}

var augOps = map[lexer.Kind]ast.BinaryOp{
	lexer.ADDASSIGN: ast.OpAdd, lexer.SUBASSIGN: ast.OpSub, lexer.MULASSIGN: ast.OpMul,
	lexer.DIVASSIGN: ast.OpDiv, lexer.FLOORDIVASSIGN: ast.OpFloorDiv, lexer.MODASSIGN: ast.OpMod,
	lexer.POWASSIGN: ast.OpPow, lexer.AMPASSIGN: ast.OpBitAnd, lexer.PIPEASSIGN: ast.OpBitOr,
	lexer.CARETASSIGN: ast.OpBitXor, lexer.SHLASSIGN: ast.OpLShift, lexer.SHRASSIGN: ast.OpRShift,
}

// noTuple fails on a ',' after an expression where Python would build a tuple.
func (p *parser) noTuple() {
	if t := p.tok(); t.Kind == lexer.COMMA {
		p.fail(t.Span, msgTuples)
	}
}

// checkTarget fails unless x can be assigned to: a name or an index.
func (p *parser) checkTarget(x ast.Expr) {
	switch x.(type) {
	case *ast.Ident, *ast.Index:
		return
	}
	p.fail(x.Span(), msgBadTarget)
}

// name consumes a NAME (or a soft keyword used as one) and returns it as an
// identifier.
func (p *parser) name(id msgID, args ...any) *ast.Ident {
	t := p.tok()
	if t.Kind == lexer.NAME || p.soft(t) {
		p.next()
		return &ast.Ident{Pos: t.Span, Name: t.Text}
	}
	p.failUnexpected(id, args...)
	return nil
}

// block parses the body after a header's ':': an indented block, or simple
// statements on the same line. header is the keyword that opened it. A
// missing indented block is reported without abandoning the statement, so
// that the line that should have been indented is parsed as the next one.
func (p *parser) block(header lexer.Token) []ast.Stmt {
	if p.tok().Kind != lexer.NEWLINE {
		if p.tok().Kind == lexer.EOF {
			p.errorAt(p.tok().Span, msgIndentedBlock, header.Text, header.Span.Start.Line)
			return nil
		}
		return p.simpleLine()
	}
	p.next()
	if p.tok().Kind != lexer.INDENT {
		p.errorAt(p.tok().Span, msgIndentedBlock, header.Text, header.Span.Start.Line)
		return nil
	}
	p.next()
	return p.stmtsUntilDedent()
}

// headerColon consumes the ':' ending the header opened by keyword kw.
func (p *parser) headerColon(kw lexer.Token) lexer.Token {
	return p.expect(lexer.COLON, msgColonHeader, kw.Text)
}

func (p *parser) funcDef() *ast.FuncDef {
	kw := p.tok()
	p.next()
	d := &ast.FuncDef{Name: p.name(msgExpectedFuncName, kw.Text)}
	open := p.expect(lexer.LPAREN, msgExpected, "'('")
	for p.tok().Kind != lexer.RPAREN {
		prm := &ast.Param{Name: p.name(msgExpectedParam)}
		if p.tok().Kind == lexer.COLON {
			p.next()
			prm.Type = p.typeExpr()
		}
		if p.tok().Kind == lexer.ASSIGN {
			p.fail(p.tok().Span, msgDefaults)
		}
		d.Params = append(d.Params, prm)
		if p.tok().Kind != lexer.COMMA {
			break
		}
		p.next()
	}
	p.expectClose(lexer.RPAREN, open)
	if p.tok().Kind == lexer.ARROW {
		p.next()
		d.Result = p.typeExpr()
	}
	colon := p.expect(lexer.COLON, msgColonFunc)
	d.Pos = source.Span{Start: kw.Span.Start, End: colon.Span.End}
	d.Body = p.block(kw)
	return d
}

// typeExpr parses a type annotation: a name, optionally with arguments in
// brackets (list[int]). None is accepted as a type name, as written.
func (p *parser) typeExpr() *ast.TypeExpr {
	t := p.tok()
	if t.Kind != lexer.NAME && !(t.Kind == lexer.KEYWORD && t.Keyword == lang.None) {
		p.failUnexpected(msgExpectedType)
	}
	p.next()
	te := &ast.TypeExpr{Pos: t.Span, Name: &ast.Ident{Pos: t.Span, Name: t.Text}}
	if p.tok().Kind == lexer.LBRACK {
		open := p.tok()
		p.next()
		for {
			te.Args = append(te.Args, p.typeExpr())
			if p.tok().Kind != lexer.COMMA {
				break
			}
			p.next()
		}
		te.Pos.End = p.expectClose(lexer.RBRACK, open).Span.End
	}
	return te
}

func (p *parser) ifStmt(elif bool) *ast.If {
	kw := p.tok()
	p.next()
	n := &ast.If{Pos: kw.Span, Elif: elif, Cond: p.expr()}
	p.headerColon(kw)
	n.Body = p.block(kw)
	p.elseTail(n)
	return n
}

// elseTail parses the elif or else branch that may follow an if's body.
// A branch whose header fails is reported and skipped; the chain goes on
// with the branches after it, so that one bad header does not make every
// following 'else' an orphan.
func (p *parser) elseTail(n *ast.If) {
	switch {
	case p.isKw(lang.Elif):
		kw := p.tok()
		var branch *ast.If
		if !p.try(func() { branch = p.ifStmt(true) }) {
			branch = &ast.If{Pos: kw.Span, Elif: true, Cond: &ast.BoolLit{Pos: kw.Span}}
			p.skipLine()
			p.elseTail(branch)
		}
		n.Else = []ast.Stmt{branch}
	case p.isKw(lang.Else):
		kw := p.tok()
		n.Else = []ast.Stmt{}
		if !p.try(func() {
			p.next()
			p.headerColon(kw)
			n.Else = append(n.Else, p.block(kw)...)
		}) {
			p.skipLine()
		}
	}
}

// try runs fn and reports whether it finished without abandoning a
// statement (the error is already recorded when it did not).
func (p *parser) try(fn func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, isBailout := r.(bailout); !isBailout {
				panic(r)
			}
			ok = false
		}
	}()
	fn()
	return true
}

func (p *parser) whileStmt() *ast.While {
	kw := p.tok()
	p.next()
	n := &ast.While{Pos: kw.Span, Cond: p.expr()}
	p.headerColon(kw)
	n.Body = p.block(kw)
	return n
}

func (p *parser) forStmt() *ast.For {
	kw := p.tok()
	p.next()
	n := &ast.For{Pos: kw.Span, Target: p.name(msgExpectedName)}
	if p.tok().Kind == lexer.COMMA {
		p.fail(p.tok().Span, msgTuples)
	}
	if !p.isKw(lang.In) {
		p.failUnexpected(msgInAfterFor, p.kw(lang.In))
	}
	p.next()
	n.Iter = p.expr()
	p.noTuple()
	p.headerColon(kw)
	n.Body = p.block(kw)
	return n
}
