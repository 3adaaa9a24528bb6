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
	outer, nerrs := p.stmtStart, len(p.errs)
	defer func() { p.stmtStart = outer }()
	p.stmtStart = start
	if p.try(func() { out = p.stmt() }) {
		p.afterFailed = false
		return out
	}
	if p.extensionStart(p.stmtStart) {
		// The statement of an unsupported extension (`prompt "..."`):
		// its word says more than the token that failed.
		p.errs = p.errs[:nerrs]
		p.extensionError(p.toks[p.stmtStart])
	} else if p.keywordOrName(p.stmtStart) {
		// Swedish `om(x)`: not an if statement, but a call of a name
		// spelled like the keyword, which cannot start a statement.
		t := p.toks[p.stmtStart]
		p.errs = p.errs[:nerrs]
		p.errorAt(t.Span, msgKeywordOrName, t.Text, string(t.Keyword))
	} else if t := p.toks[p.stmtStart]; t.Kind == lexer.NAME && p.oddAfterName(p.stmtStart) {
		// `return x` in a French program, `retrun x` in an English one:
		// a name where a keyword was meant. Say which one, when a guess
		// is good enough.
		if guess, ok := p.lang.GuessKeyword(t.Text); ok {
			p.errs = p.errs[:nerrs]
			p.errorAt(t.Span, msgKeywordGuess, t.Text, guess)
		} else if _, builtin := p.lang.Builtin(t.Text); builtin && startsOperand(p.toks[p.stmtStart+1]) {
			// `afficher x`: a builtin called as Python 2 called print.
			p.errs = p.errs[:nerrs]
			p.errorAt(t.Span, msgMissingParens, t.Text, t.Text)
		}
	}
	wasAfterFailed := p.afterFailed
	p.skipLine() // may parse a block, which resets afterFailed
	p.afterFailed = first.Kind == lexer.KEYWORD &&
		(compoundStart[first.Keyword] || (wasAfterFailed && continuation[first.Keyword]))
	if p.p == start && p.tok().Kind != lexer.EOF {
		p.next() // always make progress
	}
	return nil
}

// startsOperand reports whether t can start an argument: a name, a
// literal, or the keywords True, False and None.
func startsOperand(t lexer.Token) bool {
	switch t.Kind {
	case lexer.NAME, lexer.INT, lexer.FLOAT, lexer.IMAG, lexer.STRING, lexer.BYTES, lexer.FSTRING:
		return true
	case lexer.KEYWORD:
		return t.Keyword == lang.True || t.Keyword == lang.False || t.Keyword == lang.None
	}
	return false
}

// compoundStart are the keywords that open a statement that later clause
// lines (continuation) belong to; continuation lines after a failed header
// are skipped without a second error.
var (
	compoundStart = map[lang.Keyword]bool{lang.If: true, lang.While: true, lang.For: true,
		lang.Try: true, lang.Async: true}
	continuation = map[lang.Keyword]bool{lang.Elif: true, lang.Else: true, lang.Except: true,
		lang.Finally: true}
)

// skipLine moves past the next NEWLINE, then past an indented block that
// follows it, parsing that block only to report its errors.
func (p *parser) skipLine() {
	depth := 0
	for {
		switch p.tok().Kind {
		case lexer.EOF:
			return
		case lexer.DEDENT:
			if depth == 0 {
				return
			}
		case lexer.LPAREN, lexer.LBRACK, lexer.LBRACE:
			depth++
		case lexer.RPAREN, lexer.RBRACK, lexer.RBRACE:
			if depth > 0 {
				depth--
			}
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
	case lexer.AT:
		return []ast.Stmt{p.decorated()}
	case lexer.KEYWORD:
		if p.soft(t) && !p.softStarts(t) {
			break // a name
		}
		switch t.Keyword {
		case lang.Def:
			return []ast.Stmt{p.funcDef(nil, source.Span{})}
		case lang.Class:
			return []ast.Stmt{p.classDef(nil)}
		case lang.If:
			return []ast.Stmt{p.ifStmt(false)}
		case lang.While:
			return []ast.Stmt{p.whileStmt()}
		case lang.For:
			return []ast.Stmt{p.forStmt(source.Span{})}
		case lang.Try:
			return []ast.Stmt{p.tryStmt()}
		case lang.With:
			return []ast.Stmt{p.withStmt(source.Span{})}
		case lang.Async:
			return []ast.Stmt{p.asyncStmt()}
		case lang.Match:
			if m := p.matchStmt(); m != nil {
				return []ast.Stmt{m}
			}
		case lang.Elif, lang.Else, lang.Except, lang.Finally:
			if p.afterFailed {
				panic(bailout{}) // the clause of a statement already reported
			}
			want := lang.If
			if t.Keyword == lang.Except || t.Keyword == lang.Finally {
				want = lang.Try
			}
			p.fail(t.Span, msgWithout, t.Text, p.kw(want))
		}
	}
	if s := p.surfaceStmt(); s != nil {
		return []ast.Stmt{s}
	}
	return p.simpleLine()
}

// softStarts reports whether the soft keyword t starts its statement here
// rather than being a name: `match x:` against `match = 1`. Spellings of
// hard keywords other than the language's main one (English `fn`) start
// their statement when followed by what the statement needs.
func (p *parser) softStarts(t lexer.Token) bool {
	nxt := p.peek(1)
	switch t.Keyword {
	case lang.Match:
		return true // decided by matchStmt, which backs off
	case lang.Let, lang.Const:
		// `let x = ...`, `const X: int = ...`
		return p.nameLike(nxt) && (p.peek(2).Kind == lexer.ASSIGN || p.peek(2).Kind == lexer.COLON)
	case lang.Case, lang.Default:
		return false // only inside a match
	}
	// Another spelling of a hard keyword (English `fn`): a name when what
	// follows can only follow a name.
	switch nxt.Kind {
	case lexer.DOT:
		return t.Keyword == lang.From // `from .m import x`
	case lexer.ASSIGN, lexer.COMMA, lexer.RPAREN, lexer.RBRACK, lexer.RBRACE:
		return false
	case lexer.NEWLINE, lexer.EOF, lexer.SEMI:
		return bareKeywords[t.Keyword]
	case lexer.COLON:
		return colonKeywords[t.Keyword]
	case lexer.LPAREN, lexer.LBRACK:
		return !nameKeywords[t.Keyword]
	}
	if _, aug := augOps[nxt.Kind]; aug {
		return false
	}
	return true
}

// The keywords that may end their statement (bareKeywords), be followed
// by ':' (colonKeywords), or must be followed by a name (nameKeywords):
// what decides whether another spelling of them is a name.
var (
	bareKeywords  = map[lang.Keyword]bool{lang.Pass: true, lang.Break: true, lang.Continue: true, lang.Return: true, lang.Raise: true, lang.Yield: true}
	colonKeywords = map[lang.Keyword]bool{lang.Else: true, lang.Try: true, lang.Finally: true, lang.Lambda: true, lang.Except: true}
	nameKeywords  = map[lang.Keyword]bool{lang.Def: true, lang.Class: true, lang.Import: true, lang.From: true,
		lang.Global: true, lang.Nonlocal: true, lang.Pass: true, lang.Break: true, lang.Continue: true}
)

// nameLike reports whether t can be read as a name.
func (p *parser) nameLike(t lexer.Token) bool {
	return t.Kind == lexer.NAME || p.soft(t)
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
		p.stmtStart = p.p
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
	if t.Kind == lexer.KEYWORD && !(p.soft(t) && !p.softStarts(t)) {
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
				r.Value = p.noBareStar(p.starExprs())
			}
			return r
		case lang.Raise:
			p.next()
			r := &ast.Raise{Pos: t.Span}
			if !p.atStmtEnd() {
				r.Exc = p.expr()
				if p.isKw(lang.From) {
					p.next()
					r.Cause = p.expr()
				}
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
		case lang.Global, lang.Nonlocal:
			p.next()
			var names []*ast.Ident
			for {
				names = append(names, p.name(msgExpectedName))
				if p.tok().Kind != lexer.COMMA {
					break
				}
				p.next()
			}
			if t.Keyword == lang.Global {
				return &ast.Global{Pos: t.Span, Names: names}
			}
			return &ast.Nonlocal{Pos: t.Span, Names: names}
		case lang.Del:
			p.next()
			d := &ast.Delete{Pos: t.Span}
			for {
				x := p.bitOr()
				p.checkTargetKind(x, false)
				d.Targets = append(d.Targets, x)
				if p.tok().Kind != lexer.COMMA {
					break
				}
				p.next()
				if p.atStmtEnd() {
					break
				}
			}
			return d
		case lang.Import:
			return p.importStmt()
		case lang.From:
			return p.fromImport()
		case lang.Let, lang.Const:
			return p.declaration()
		}
	}
	return p.exprStmt()
}

// declaration parses `let x = v`, `const X = v`, `let x: T = v` (the
// keyword is a plain binding for let, a never-rebound name for const).
func (p *parser) declaration() ast.Stmt {
	kw := p.tok()
	p.next()
	decl := ast.DeclLet
	if kw.Keyword == lang.Const {
		decl = ast.DeclConst
	}
	s := p.exprStmt()
	switch s := s.(type) {
	case *ast.Assign:
		s.Decl, s.DeclPos = decl, kw.Span
	case *ast.AnnAssign:
		s.Decl, s.DeclPos = decl, kw.Span
	}
	return s
}

// exprStmt parses an expression statement, an assignment (chained, with
// tuple or starred targets), an augmented assignment or an annotated one.
func (p *parser) exprStmt() ast.Stmt {
	first := p.tok()
	x := p.starExprsOrYield()
	t := p.tok()
	switch t.Kind {
	case lexer.ASSIGN:
		targets := []ast.Expr{x}
		var v ast.Expr
		for p.tok().Kind == lexer.ASSIGN {
			p.next()
			v = p.starExprsOrYield()
			if p.tok().Kind != lexer.ASSIGN {
				p.noBareStar(v)
			}
			if p.tok().Kind == lexer.ASSIGN {
				targets = append(targets, v)
			}
		}
		for _, tg := range targets {
			p.checkTarget(tg)
		}
		return &ast.Assign{Target: targets[0], Chain: targets[1:], Value: v}
	case lexer.ADDASSIGN, lexer.SUBASSIGN, lexer.MULASSIGN, lexer.DIVASSIGN,
		lexer.FLOORDIVASSIGN, lexer.MODASSIGN, lexer.POWASSIGN, lexer.ATASSIGN,
		lexer.AMPASSIGN, lexer.PIPEASSIGN, lexer.CARETASSIGN, lexer.SHLASSIGN, lexer.SHRASSIGN:
		p.checkSingleTarget(x)
		p.next()
		v := p.noBareStar(p.starExprsOrYield())
		return &ast.AugAssign{Target: x, Op: augOps[t.Kind], OpPos: t.Span, Value: v}
	case lexer.COLON:
		p.checkSingleTarget(x)
		p.next()
		a := &ast.AnnAssign{Target: x, Annot: p.annotation()}
		_, isName := x.(*ast.Ident)
		a.Simple = isName && first.Kind != lexer.LPAREN
		if p.tok().Kind == lexer.ASSIGN {
			p.next()
			a.Value = p.noBareStar(p.starExprsOrYield())
		}
		return a
	case lexer.WALRUS:
		p.fail(t.Span, msgWalrusHere)
	}
	return &ast.ExprStmt{X: p.noBareStar(x)}
}

var augOps = map[lexer.Kind]ast.BinaryOp{
	lexer.ADDASSIGN: ast.OpAdd, lexer.SUBASSIGN: ast.OpSub, lexer.MULASSIGN: ast.OpMul,
	lexer.DIVASSIGN: ast.OpDiv, lexer.FLOORDIVASSIGN: ast.OpFloorDiv, lexer.MODASSIGN: ast.OpMod,
	lexer.POWASSIGN: ast.OpPow, lexer.AMPASSIGN: ast.OpBitAnd, lexer.PIPEASSIGN: ast.OpBitOr,
	lexer.CARETASSIGN: ast.OpBitXor, lexer.SHLASSIGN: ast.OpLShift, lexer.SHRASSIGN: ast.OpRShift,
	lexer.ATASSIGN: ast.OpMatMul,
}

// name consumes a NAME (or a soft keyword used as one) and returns it as an
// identifier.
func (p *parser) name(id msgID, args ...any) *ast.Ident {
	t := p.tok()
	if p.nameLike(t) {
		p.next()
		return p.ident(t)
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

// decorated parses `@d` lines and the def or class they decorate.
func (p *parser) decorated() ast.Stmt {
	var decs []ast.Expr
	for p.tok().Kind == lexer.AT {
		p.next()
		decs = append(decs, p.namedExpr())
		p.expect(lexer.NEWLINE, msgEndOfLine)
	}
	t := p.tok()
	if t.Kind == lexer.KEYWORD {
		switch t.Keyword {
		case lang.Def:
			return p.funcDef(decs, source.Span{})
		case lang.Class:
			return p.classDef(decs)
		case lang.Async:
			if nxt := p.peek(1); nxt.Kind == lexer.KEYWORD && nxt.Keyword == lang.Def {
				p.next()
				return p.funcDef(decs, t.Span)
			}
		}
	}
	p.failUnexpected(msgExpected, "'"+p.kw(lang.Def)+"' / '"+p.kw(lang.Class)+"'")
	return nil
}

// asyncStmt parses `async def`, `async for` and `async with`.
func (p *parser) asyncStmt() ast.Stmt {
	kw := p.tok()
	p.next()
	if p.tok().Kind == lexer.KEYWORD {
		switch p.tok().Keyword {
		case lang.Def:
			return p.funcDef(nil, kw.Span)
		case lang.For:
			return p.forStmt(kw.Span)
		case lang.With:
			return p.withStmt(kw.Span)
		}
	}
	p.failUnexpected(msgExpected, "'"+p.kw(lang.Def)+"' / '"+p.kw(lang.For)+"' / '"+p.kw(lang.With)+"'")
	return nil
}

// funcDef parses `def name(params) -> result: body`; async is the span of
// an `async` keyword before it, zero when there is none.
func (p *parser) funcDef(decs []ast.Expr, async source.Span) *ast.FuncDef {
	kw := p.tok()
	p.next()
	d := &ast.FuncDef{Name: p.name(msgExpectedFuncName, kw.Text), Decorators: decs, Async: async != source.Span{}}
	open := p.expect(lexer.LPAREN, msgExpected, "'('")
	d.Params = p.params(lexer.RPAREN, true)
	p.expectClose(lexer.RPAREN, open)
	if p.tok().Kind == lexer.ARROW {
		p.next()
		d.Result = p.annotation()
	}
	if p.tok().Kind != lexer.COLON {
		p.failExtension() // `def f() uses io:`
	}
	colon := p.expect(lexer.COLON, msgColonFunc)
	start := kw.Span.Start
	if d.Async {
		start = async.Start
	}
	d.Pos = source.Span{Start: start, End: colon.Span.End}
	d.Body = p.block(kw)
	return d
}

// classDef parses `class Name(bases, keywords): body`.
func (p *parser) classDef(decs []ast.Expr) *ast.ClassDef {
	kw := p.tok()
	p.next()
	c := &ast.ClassDef{Name: p.name(msgExpectedName), Decorators: decs}
	if p.tok().Kind == lexer.LPAREN {
		open := p.tok()
		p.next()
		c.Bases, c.Keywords = p.arguments(open)
		p.expectClose(lexer.RPAREN, open)
	}
	colon := p.headerColon(kw)
	c.Pos = source.Span{Start: kw.Span.Start, End: colon.Span.End}
	c.Body = p.block(kw)
	return c
}

// annotation parses an annotation expression and, when it has the shape of
// a type (a name, or a name subscripted by such shapes), its TypeExpr form.
func (p *parser) annotation() *ast.TypeExpr {
	first := p.tok()
	x := p.expr()
	te := typeOf(x)
	if _, ok := x.(*ast.NoneLit); ok {
		te.Name.Name = first.Text // None as the user spelled it, like any type name
	}
	return te
}

// typeOf wraps an annotation expression in a TypeExpr, filling Name and
// Args when x is a type form (None counts as a name, as written).
func typeOf(x ast.Expr) *ast.TypeExpr {
	te := &ast.TypeExpr{Pos: x.Span(), X: x}
	switch x := x.(type) {
	case *ast.Ident:
		te.Name = x
	case *ast.NoneLit:
		// the text is the user's spelling of None; keep it as the name
		te.Name = &ast.Ident{Pos: x.Pos, Name: "None"}
	case *ast.Index:
		base, ok := x.X.(*ast.Ident)
		if !ok {
			return te
		}
		elems := []ast.Expr{x.Index}
		if tup, ok := x.Index.(*ast.Tuple); ok && !tup.Paren {
			elems = tup.Elems
		}
		var args []*ast.TypeExpr
		for _, e := range elems {
			a := typeOf(e)
			if a.Name == nil {
				return te
			}
			args = append(args, a)
		}
		te.Name, te.Args = base, args
	}
	return te
}

func (p *parser) ifStmt(elif bool) *ast.If {
	kw := p.tok()
	p.next()
	n := &ast.If{Pos: kw.Span, Elif: elif, Cond: p.namedExpr()}
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
		n.Else = p.elseBlock()
	}
}

// elseBlock parses `else: block` at the current token; a failed header is
// reported and skipped. The result is never nil.
func (p *parser) elseBlock() []ast.Stmt {
	kw := p.tok()
	body := []ast.Stmt{}
	if !p.try(func() {
		p.next()
		p.headerColon(kw)
		body = append(body, p.block(kw)...)
	}) {
		p.skipLine()
	}
	return body
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

// speculate runs fn; when it abandons, the tokens it consumed and the
// errors it reported are taken back, and speculate returns false.
func (p *parser) speculate(fn func()) bool {
	pos, nerr, nedit := p.p, len(p.errs), len(p.edits)
	if p.try(fn) {
		return true
	}
	p.p, p.errs = pos, p.errs[:nerr]
	p.undoEdits(nedit)
	return false
}

func (p *parser) whileStmt() *ast.While {
	kw := p.tok()
	p.next()
	n := &ast.While{Pos: kw.Span, Cond: p.namedExpr()}
	p.headerColon(kw)
	n.Body = p.block(kw)
	if p.isKw(lang.Else) {
		n.Else = p.elseBlock()
	}
	return n
}

// forStmt parses `for targets in iterable: body` with an optional else;
// async is the span of an `async` before it, zero when there is none.
func (p *parser) forStmt(async source.Span) *ast.For {
	kw := p.tok()
	p.next()
	n := &ast.For{Pos: kw.Span, Async: async != source.Span{}}
	if n.Async {
		n.Pos.Start = async.Start
	}
	n.Target = p.targetList()
	if !p.isKw(lang.In) {
		p.failUnexpected(msgInAfterFor, p.kw(lang.In))
	}
	p.next()
	n.Iter = p.noBareStar(p.starExprs())
	p.headerColon(kw)
	n.Body = p.block(kw)
	if p.isKw(lang.Else) {
		n.Else = p.elseBlock()
	}
	return n
}

// targetList parses the targets of a for loop or a comprehension: one or
// more targets separated by commas (a tuple when there is a comma), each
// parsed at the level of `|` so that the `in` after them is not taken for
// a comparison.
func (p *parser) targetList() ast.Expr {
	start := p.tok().Span
	var elems []ast.Expr
	comma, more := false, true
	if w := p.forPhraseName(); w != nil {
		// `pour chaque dans xs:` loops over chaque.
		start = w.Span
		elems = append(elems, p.ident(*w))
		more = p.tok().Kind == lexer.COMMA
		if more {
			comma = true
			p.next()
			more = !p.isKw(lang.In)
		}
	}
	for more {
		var x ast.Expr
		if t := p.tok(); t.Kind == lexer.MUL {
			p.next()
			x = &ast.Starred{Pos: t.Span, X: p.bitOr()}
		} else {
			x = p.bitOr()
		}
		elems = append(elems, x)
		if p.tok().Kind != lexer.COMMA {
			break
		}
		comma = true
		p.next()
		if p.isKw(lang.In) {
			break
		}
	}
	var target ast.Expr = elems[0]
	if comma {
		target = &ast.Tuple{Pos: source.Span{Start: start.Start, End: elems[len(elems)-1].Span().End}, Elems: elems}
	}
	p.checkTarget(target)
	return target
}

// tryStmt parses try/except/else/finally (and except*).
func (p *parser) tryStmt() *ast.Try {
	kw := p.tok()
	p.next()
	p.headerColon(kw)
	n := &ast.Try{Pos: kw.Span, Body: p.block(kw)}
	for p.isKw(lang.Except) {
		ekw := p.tok()
		p.next()
		h := &ast.ExceptHandler{Pos: ekw.Span}
		star := false
		if p.tok().Kind == lexer.MUL {
			star = true
			h.Pos.End = p.tok().Span.End
			p.next()
		}
		if len(n.Handlers) > 0 && star != n.Star {
			p.fail(ekw.Span, msgExpected, "'"+ekw.Text+map[bool]string{true: "*", false: ""}[n.Star]+"'", p.describe(ekw))
		}
		n.Star = star
		if p.tok().Kind != lexer.COLON {
			h.Type = p.expr()
			if p.tok().Kind == lexer.COMMA {
				p.fail(p.tok().Span, msgExpected, "':'", p.describe(p.tok()))
			}
			if p.isKw(lang.As) {
				p.next()
				h.Name = p.name(msgExpectedName)
			}
		} else if star {
			p.fail(p.tok().Span, msgExceptStarBare, ekw.Text)
		}
		p.headerColon(ekw)
		h.Body = p.block(ekw)
		n.Handlers = append(n.Handlers, h)
	}
	if len(n.Handlers) > 0 && p.isKw(lang.Else) {
		n.Else = p.elseBlock()
	}
	if p.isKw(lang.Finally) {
		fkw := p.tok()
		p.next()
		p.headerColon(fkw)
		n.Finally = append([]ast.Stmt{}, p.block(fkw)...)
	}
	if len(n.Handlers) == 0 && n.Finally == nil {
		p.failUnexpected(msgExceptOrFinally, p.kw(lang.Except), p.kw(lang.Finally), kw.Text)
	}
	return n
}

// withStmt parses `with a as x, b: body`, also with the items in
// parentheses; async is the span of an `async` before it.
func (p *parser) withStmt(async source.Span) *ast.With {
	kw := p.tok()
	p.next()
	n := &ast.With{Pos: kw.Span, Async: async != source.Span{}}
	if n.Async {
		n.Pos.Start = async.Start
	}
	if p.tok().Kind == lexer.LPAREN {
		open := p.tok()
		ok := p.speculate(func() {
			p.next()
			var items []*ast.WithItem
			for p.tok().Kind != lexer.RPAREN {
				items = append(items, p.withItem())
				if p.tok().Kind != lexer.COMMA {
					break
				}
				p.next()
			}
			p.expectClose(lexer.RPAREN, open)
			if p.tok().Kind != lexer.COLON {
				panic(bailout{})
			}
			n.Items = items
		})
		if !ok {
			n.Items = nil
		}
	}
	if n.Items == nil {
		for {
			n.Items = append(n.Items, p.withItem())
			if p.tok().Kind != lexer.COMMA {
				break
			}
			p.next()
		}
	}
	p.headerColon(kw)
	n.Body = p.block(kw)
	return n
}

func (p *parser) withItem() *ast.WithItem {
	it := &ast.WithItem{Context: p.expr()}
	if p.isKw(lang.As) {
		p.next()
		it.Target = p.singleTarget()
	}
	return it
}

// singleTarget parses one assignment target (a `with ... as` target): a
// name, attribute, subscript, or a parenthesized or bracketed list of them.
func (p *parser) singleTarget() ast.Expr {
	x := p.bitOr()
	p.checkTarget(x)
	return x
}

// importStmt parses `import a.b as c, d`.
func (p *parser) importStmt() *ast.Import {
	kw := p.tok()
	p.next()
	n := &ast.Import{Pos: kw.Span}
	for {
		a := &ast.Alias{Path: p.dottedName()}
		if p.isKw(lang.As) {
			p.next()
			a.AsName = p.name(msgExpectedName)
		}
		n.Names = append(n.Names, a)
		if p.tok().Kind != lexer.COMMA {
			break
		}
		p.next()
	}
	return n
}

// dottedName parses `a.b.c`.
func (p *parser) dottedName() []*ast.Ident {
	path := []*ast.Ident{p.name(msgExpectedName)}
	for p.tok().Kind == lexer.DOT {
		p.next()
		path = append(path, p.name(msgExpectedName))
	}
	return path
}

// fromImport parses `from ..m import a as b, c`, `from m import (a, b)`
// and `from m import *`.
func (p *parser) fromImport() *ast.ImportFrom {
	kw := p.tok()
	p.next()
	n := &ast.ImportFrom{Pos: kw.Span}
	for {
		switch p.tok().Kind {
		case lexer.DOT:
			n.Level++
			p.next()
			continue
		case lexer.ELLIPSIS:
			n.Level += 3
			p.next()
			continue
		}
		break
	}
	if !p.isKw(lang.Import) || n.Level == 0 {
		n.Module = p.dottedName()
	}
	if !p.isKw(lang.Import) {
		p.failUnexpected(msgExpectedImport, p.kw(lang.Import))
	}
	p.next()
	if t := p.tok(); t.Kind == lexer.MUL {
		p.next()
		n.Names = []*ast.Alias{{Path: []*ast.Ident{{Pos: t.Span, Name: "*"}}}}
		return n
	}
	var open lexer.Token
	paren := p.tok().Kind == lexer.LPAREN
	if paren {
		open = p.tok()
		p.next()
	}
	for {
		a := &ast.Alias{Path: []*ast.Ident{p.name(msgExpectedName)}}
		if p.isKw(lang.As) {
			p.next()
			a.AsName = p.name(msgExpectedName)
		}
		n.Names = append(n.Names, a)
		if p.tok().Kind != lexer.COMMA {
			break
		}
		p.next()
		if paren && p.tok().Kind == lexer.RPAREN {
			break
		}
	}
	if paren {
		p.expectClose(lexer.RPAREN, open)
	}
	return n
}
