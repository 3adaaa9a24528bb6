package fallback

import (
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// Python operator precedence, lowest first
// (https://docs.python.org/3/reference/expressions.html#operator-precedence).
// precNamed is below everything: a walrus or a yield is parenthesized
// wherever it is nested in another expression.
const (
	precNamed   = 0  // x := v, yield
	precLambda  = 1  // lambda
	precIfExp   = 2  // a if c else b
	precOr      = 3  // or
	precAnd     = 4  // and
	precNot     = 5  // not x
	precCmp     = 6  // comparisons, in, not in, is, is not
	precBitOr   = 7  // |
	precBitXor  = 8  // ^
	precBitAnd  = 9  // &
	precShift   = 10 // << >>
	precAdd     = 11 // + -
	precMul     = 12 // * @ / // %
	precUnary   = 13 // -x +x ~x
	precPow     = 14 // **
	precAwait   = 15 // await x
	precPostfix = 16 // calls, subscriptions, attributes
	precAtom    = 17 // names, literals, displays
)

// binaryPrec gives the precedence of each arithmetic operator.
var binaryPrec = map[ast.BinaryOp]int{
	ast.OpAdd: precAdd, ast.OpSub: precAdd,
	ast.OpMul: precMul, ast.OpDiv: precMul, ast.OpFloorDiv: precMul, ast.OpMod: precMul, ast.OpMatMul: precMul,
	ast.OpPow:   precPow,
	ast.OpBitOr: precBitOr, ast.OpBitXor: precBitXor, ast.OpBitAnd: precBitAnd,
	ast.OpLShift: precShift, ast.OpRShift: precShift,
}

// paren wraps s in parentheses when its precedence is below min.
func paren(s string, prec, min int) string {
	if prec < min {
		return "(" + s + ")"
	}
	return s
}

// expr returns the Python text of e and its precedence (see exprRaw),
// with e's text enclosed in position marks (see markStart) when e is an
// expression whose evaluation may raise: the module's column table maps
// it to e's place in the source, for tracebacks to put their carets under
// the user's own text.
func (g *gen) expr(e ast.Expr) (string, int) {
	s, p := g.exprRaw(e)
	if g.annot || g.fq.inField || g.fstrings > 0 || !mayRaise(e) {
		return s, p
	}
	sp := spanOf(e)
	if !sp.Start.IsValid() || sp.End.Before(sp.Start) {
		return s, p
	}
	id := strconv.Itoa(len(g.spans))
	g.spans = append(g.spans, sp)
	return markStart + id + markStart + s + markEnd + id + markEnd, p
}

// mayRaise reports whether evaluating e could raise an exception that a
// traceback would point at: anything but a literal (a nil node too, which
// exprText reports).
func mayRaise(e ast.Expr) bool {
	if isNilNode(e) {
		return false
	}
	switch e.(type) {
	case *ast.IntLit, *ast.FloatLit, *ast.ImagLit, *ast.StrLit, *ast.BytesLit, *ast.BoolLit,
		*ast.NoneLit, *ast.Ellipsis, *ast.FString:
		return false
	}
	return true
}

// exprRaw returns the Python text of e and its precedence. The text keeps
// the tree's shape exactly: every operand that Python could group
// differently is parenthesized, and more are parenthesized than strictly
// needed where it helps a reader (-(x ** 2), a or (b and c)). Since Python
// evaluates operands left to right and the tree is not rearranged, the
// evaluation order is the source's.
func (g *gen) exprRaw(e ast.Expr) (string, int) {
	switch e := e.(type) {
	case *ast.Ident:
		if e == nil {
			g.failf(nil, "nil identifier")
		}
		if g.annot {
			return g.annotIdent(e), precAtom
		}
		return g.ident(e), precAtom
	case *ast.IntLit:
		if e == nil {
			g.failf(nil, "nil integer literal")
		}
		s, err := intLiteral(e.Text)
		if err != nil {
			g.fail(e, err)
		}
		if strings.HasPrefix(s, "-") {
			return s, precUnary
		}
		return s, precAtom
	case *ast.FloatLit:
		if e == nil {
			g.failf(nil, "nil float literal")
		}
		s, err := floatLiteral(e.Text, e.Value)
		if err != nil {
			g.fail(e, err)
		}
		if strings.HasPrefix(s, "-") {
			return s, precUnary
		}
		return s, precAtom
	case *ast.ImagLit:
		if e == nil {
			g.failf(nil, "nil imaginary literal")
		}
		s, err := imagLiteral(e.Text)
		if err != nil {
			g.fail(e, err)
		}
		return s, precAtom
	case *ast.StrLit:
		if e == nil {
			g.failf(nil, "nil string literal")
		}
		return g.strLit(e, e.Value), precAtom
	case *ast.BytesLit:
		if e == nil {
			g.failf(nil, "nil bytes literal")
		}
		return g.bytesLit(e.Value), precAtom
	case *ast.FString:
		if e == nil {
			g.failf(nil, "nil f-string")
		}
		g.fstrings++
		defer func() { g.fstrings-- }()
		return g.fstring(e)
	case *ast.BoolLit:
		if e == nil {
			g.failf(nil, "nil boolean literal")
		}
		if e.Value {
			return "True", precAtom
		}
		return "False", precAtom
	case *ast.NoneLit:
		return "None", precAtom
	case *ast.Ellipsis:
		return "...", precAtom
	case *ast.ListLit:
		if e == nil {
			g.failf(nil, "nil list")
		}
		return "[" + broken(g, e.Pos.Start.Line, e.Elems, g.item) + "]", precAtom
	case *ast.Tuple:
		if e == nil {
			g.failf(nil, "nil tuple")
		}
		return g.tuple(e.Pos.Start.Line, e.Elems), precAtom
	case *ast.Set:
		if e == nil || len(e.Elems) == 0 {
			g.failf(e, "empty set display")
		}
		return "{" + broken(g, e.Pos.Start.Line, e.Elems, g.item) + "}", precAtom
	case *ast.Dict:
		if e == nil {
			g.failf(nil, "nil dict")
		}
		return g.dict(e), precAtom
	case *ast.Starred:
		if e == nil {
			g.failf(nil, "nil starred expression")
		}
		x, p := g.expr(e.X)
		return "*" + paren(x, p, precBitOr), precAtom
	case *ast.Binary:
		if e == nil {
			g.failf(nil, "nil binary expression")
		}
		return g.binary(e)
	case *ast.Unary:
		if e == nil {
			g.failf(nil, "nil unary expression")
		}
		return g.unary(e)
	case *ast.Logic:
		if e == nil {
			g.failf(nil, "nil logical expression")
		}
		return g.logic(e)
	case *ast.Compare:
		if e == nil {
			g.failf(nil, "nil comparison")
		}
		return g.compare(e)
	case *ast.Call:
		if e == nil {
			g.failf(nil, "nil call")
		}
		return g.call(e), precPostfix
	case *ast.Attribute:
		if e == nil || e.Name == nil {
			g.failf(nil, "attribute without a name")
		}
		x, p := g.expr(e.X)
		switch e.X.(type) {
		case *ast.IntLit, *ast.FloatLit:
			p = 0 // 5.real would read as a float
		}
		return paren(x, p, precPostfix) + "." + g.method(e.Name), precPostfix
	case *ast.Index:
		if e == nil {
			g.failf(nil, "nil subscription")
		}
		x, p := g.expr(e.X)
		return paren(x, p, precPostfix) + "[" + g.subscript(e.Index) + "]", precPostfix
	case *ast.Slice:
		if e == nil {
			g.failf(nil, "nil slice")
		}
		// A slice outside a subscription has no syntax: slice() is its meaning.
		return "slice(" + g.sliceArgs(e) + ")", precPostfix
	case *ast.Lambda:
		if e == nil {
			g.failf(nil, "nil lambda")
		}
		return g.lambda(e), precLambda
	case *ast.IfExp:
		if e == nil {
			g.failf(nil, "nil conditional expression")
		}
		b, bp := g.expr(e.Body)
		c, cp := g.expr(e.Cond)
		o, op := g.expr(e.Else)
		return paren(b, bp, precOr) + " if " + paren(c, cp, precOr) + " else " + paren(o, op, precLambda), precIfExp
	case *ast.NamedExpr:
		if e == nil || e.Target == nil {
			g.failf(e, "walrus without a target")
		}
		v, p := g.expr(e.Value)
		return "(" + g.bindName(e.Target) + " := " + paren(v, p, precLambda) + ")", precAtom
	case *ast.Comp:
		if e == nil {
			g.failf(nil, "nil comprehension")
		}
		return g.comp(e), precAtom
	case *ast.Yield:
		if e == nil {
			g.failf(nil, "nil yield")
		}
		g.needFunc(e, "yield")
		if e.Value == nil {
			return "yield", precNamed
		}
		return "yield " + g.exprTop(e.Value), precNamed
	case *ast.YieldFrom:
		if e == nil {
			g.failf(nil, "nil yield from")
		}
		g.needFunc(e, "yield from")
		v, p := g.expr(e.Value)
		return "yield from " + paren(v, p, precLambda), precNamed
	case *ast.Await:
		if e == nil {
			g.failf(nil, "nil await")
		}
		if !g.scope.async {
			g.failf(e, "await outside an async function")
		}
		x, p := g.expr(e.X)
		return "await " + paren(x, p, precPostfix), precAwait
	case *ast.FormattedValue:
		g.failf(e, "formatted value outside an f-string")
	case nil:
		g.failf(nil, "missing expression")
	}
	g.failf(e, "unsupported expression %T", e)
	return "", 0
}

// needFunc fails unless a yield may appear here.
func (g *gen) needFunc(e ast.Expr, what string) {
	if !g.scope.inFunc {
		g.failf(e, "%s outside a function", what)
	}
}

// item returns the text of an element of a display, an argument or a
// tuple item: anything but a walrus or a yield (parenthesized).
func (g *gen) item(e ast.Expr) string {
	s, p := g.expr(e)
	return paren(s, p, precLambda)
}

// elems returns the comma-separated items of a display.
func (g *gen) elems(es []ast.Expr) string {
	parts := make([]string, len(es))
	for i, x := range es {
		parts[i] = g.item(x)
	}
	return strings.Join(parts, ", ")
}

// tuple returns a parenthesized tuple display.
func (g *gen) tuple(line int32, es []ast.Expr) string {
	switch len(es) {
	case 0:
		return "()"
	case 1:
		return "(" + broken(g, line, es, g.item) + ",)"
	}
	return "(" + broken(g, line, es, g.item) + ")"
}

// lineBreak delimits, in the text of an expression, the number of the
// source line the text after it starts on: line breaks the source made
// inside brackets, which line() turns into continuation lines.
const lineBreak = "\x00"

// broken returns the comma-separated texts of the items of a bracketed
// construct that starts on source line `line`: an item the source starts
// on a later line than the item before starts on a new line here too, so
// that the module reads like the source and a traceback points at the
// item's own line. Inside an f-string field, where Python 3.10 allows no
// line break, everything stays on one line.
func broken[T ast.Node](g *gen, line int32, items []T, text func(T) string) string {
	parts := make([]string, len(items))
	prev := line
	for i, it := range items {
		parts[i] = g.breakBefore(it, &prev) + text(it)
	}
	return strings.Join(parts, ", ")
}

// breakBefore returns the line break to write before n, when the source
// starts n on a later line than *prev, and moves *prev to n's line.
func (g *gen) breakBefore(n ast.Node, prev *int32) string {
	l := spanOf(n).Start.Line
	if l <= *prev || g.fq.inField {
		return ""
	}
	first := *prev == 0
	*prev = l
	if first {
		return ""
	}
	return lineBreak + strconv.Itoa(int(l)) + lineBreak
}

// exprTop returns e where Python takes a bare tuple (`return a, b`, the
// value of an assignment, `yield a, b`): a tuple of two or more elements
// loses its parentheses, and a yield keeps none.
func (g *gen) exprTop(e ast.Expr) string {
	if t, ok := e.(*ast.Tuple); ok && t != nil && len(t.Elems) > 1 {
		return g.elems(t.Elems)
	}
	s, _ := g.expr(e)
	return s
}

// dict returns a dict display; a nil key unpacks its value with **.
func (g *gen) dict(d *ast.Dict) string {
	if len(d.Keys) != len(d.Values) {
		g.failf(d, "dict with %d keys and %d values", len(d.Keys), len(d.Values))
	}
	parts := make([]string, len(d.Values))
	prev := d.Pos.Start.Line
	for i, v := range d.Values {
		if d.Keys[i] == nil {
			br := g.breakBefore(v, &prev)
			s, p := g.expr(v)
			parts[i] = br + "**" + paren(s, p, precBitOr)
			continue
		}
		br := g.breakBefore(d.Keys[i], &prev)
		parts[i] = br + g.item(d.Keys[i]) + ": " + g.item(v)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// call returns f(args, *xs, name=v, **kw). Positional arguments come
// first, then keywords, each group in source order: the order in which
// CPython evaluates them (Python's own tree separates the two groups the
// same way). A generator expression passed alone keeps no extra
// parentheses.
func (g *gen) call(e *ast.Call) string {
	fn, p := g.expr(e.Func)
	foreign := false // a builtin's keywords are its own
	if id, ok := e.Func.(*ast.Ident); ok {
		_, foreign = g.builtinOf(id)
	}
	if len(e.Args) == 1 && len(e.Keywords) == 0 {
		if c, ok := e.Args[0].(*ast.Comp); ok && c != nil && c.Kind == ast.GenExp {
			s := g.comp(c)
			return paren(fn, p, precPostfix) + s
		}
	}
	prev := spanOf(e.Func).End.Line
	var parts []string
	for _, a := range e.Args {
		parts = append(parts, g.breakBefore(a, &prev)+g.item(a))
	}
	for _, k := range e.Keywords {
		if k == nil {
			g.failf(e, "nil keyword argument")
		}
		br := g.breakBefore(k, &prev)
		if k.Name == nil {
			s, kp := g.expr(k.Value)
			parts = append(parts, br+"**"+paren(s, kp, precBitOr))
			continue
		}
		name := g.keywordName(k.Name)
		if foreign {
			name = g.names.attrName(k.Name.Name)
		}
		parts = append(parts, br+name+"="+g.item(k.Value))
	}
	return paren(fn, p, precPostfix) + "(" + strings.Join(parts, ", ") + ")"
}

// subscript returns the text between the brackets of x[...]: a slice, a
// tuple of indices or slices without parentheses, or an expression.
func (g *gen) subscript(i ast.Expr) string {
	switch i := i.(type) {
	case *ast.Slice:
		if i != nil {
			return g.slice(i)
		}
	case *ast.Tuple:
		if i != nil && len(i.Elems) > 0 {
			starred := false
			for _, e := range i.Elems {
				if _, ok := e.(*ast.Starred); ok {
					starred = true // x[*a] is 3.11 syntax; x[(*a,)] means the same
				}
			}
			if !starred {
				parts := make([]string, len(i.Elems))
				for k, e := range i.Elems {
					if s, ok := e.(*ast.Slice); ok && s != nil {
						parts[k] = g.slice(s)
					} else {
						parts[k] = g.item(e)
					}
				}
				if len(parts) == 1 {
					return parts[0] + ","
				}
				return strings.Join(parts, ", ")
			}
		}
	}
	return g.item(i)
}

// slice returns lo:hi or lo:hi:step, parts omitted where absent.
func (g *gen) slice(s *ast.Slice) string {
	part := func(e ast.Expr) string {
		if e == nil {
			return ""
		}
		x, p := g.expr(e)
		return paren(x, p, precIfExp) // a lambda's colon would end the slice's part
	}
	out := part(s.Lo) + ":" + part(s.Hi)
	if s.Step != nil {
		out += ":" + part(s.Step)
	}
	return out
}

// sliceArgs returns the arguments of slice() equivalent to s.
func (g *gen) sliceArgs(s *ast.Slice) string {
	part := func(e ast.Expr) string {
		if e == nil {
			return "None"
		}
		return g.item(e)
	}
	return part(s.Lo) + ", " + part(s.Hi) + ", " + part(s.Step)
}

// lambda returns `lambda params: body`. The body is a new function scope.
func (g *gen) lambda(e *ast.Lambda) string {
	params := g.params(e.Params, false)
	outer := g.scope
	g.scope = scope{inFunc: true}
	body, p := g.expr(e.Body)
	g.scope = outer
	head := "lambda"
	if params != "" {
		head += " " + params
	}
	return head + ": " + paren(body, p, precLambda)
}

// comp returns a comprehension or generator expression. Python evaluates
// the first iterable in the enclosing scope and everything else in the
// comprehension's own scope, where a class body's names are not visible.
func (g *gen) comp(c *ast.Comp) string {
	if len(c.Fors) == 0 {
		g.failf(c, "comprehension without a for clause")
	}
	outer := g.scope
	inner := scope{inFunc: outer.inFunc, async: outer.async}
	var b strings.Builder
	g.scope = inner
	prev := c.Pos.Start.Line
	b.WriteString(g.breakBefore(c.Elt, &prev))
	elt := g.item(c.Elt)
	if c.Kind == ast.DictComp {
		elt += ": " + g.item(c.Value)
	}
	b.WriteString(elt)
	for i, f := range c.Fors {
		if f == nil {
			g.failf(c, "nil comprehension clause")
		}
		b.WriteString(strings.TrimSuffix(" "+g.breakBefore(f, &prev), " "))
		if f.Async {
			if !outer.async {
				g.failf(f, "async for outside an async function")
			}
			b.WriteString(" async")
		}
		b.WriteString(" for " + g.targetTop(f.Target) + " in ")
		if i == 0 {
			g.scope = outer
		}
		it, p := g.expr(f.Iter)
		g.scope = inner
		b.WriteString(paren(it, p, precOr))
		for _, cond := range f.Ifs {
			br := g.breakBefore(cond, &prev)
			s, p := g.expr(cond)
			b.WriteString(strings.TrimSuffix(" "+br, " ") + " if " + paren(s, p, precOr))
		}
	}
	g.scope = outer
	switch c.Kind {
	case ast.ListComp:
		return "[" + b.String() + "]"
	case ast.SetComp, ast.DictComp:
		return "{" + b.String() + "}"
	case ast.GenExp:
		return "(" + b.String() + ")"
	}
	g.failf(c, "unknown comprehension kind %d", int(c.Kind))
	return ""
}

// ident returns the Python text of a name read or written: the canonical
// English name of a builtin, else the program name as mapped by the namer
// (its attribute spelling when a class body binds it).
func (g *gen) ident(id *ast.Ident) string {
	if canon, ok := g.builtinOf(id); ok {
		return canon
	}
	return g.bindName(id)
}

// bindName returns the spelling of a name in the current scope: a class
// body's own names are attributes of the class.
func (g *gen) bindName(id *ast.Ident) string {
	if id == nil {
		g.failf(nil, "nil name")
	}
	if g.scope.class != nil && g.scope.class[id.Name] {
		return g.names.attrName(id.Name)
	}
	return g.names.name(id.Name)
}

// keywordName returns the spelling of a keyword argument's name: the
// variable spelling of a parameter of the program's own functions, else
// the attribute spelling (a keyword of a library function keeps its name).
// The keywords of a call to a builtin always keep their names (call).
func (g *gen) keywordName(id *ast.Ident) string {
	if g.paramNames[id.Name] {
		return g.names.name(id.Name)
	}
	return g.names.attrName(id.Name)
}

// method returns the Python name of an attribute: its canonical English
// method name when the checker resolved it, else its attribute spelling.
func (g *gen) method(id *ast.Ident) string {
	if g.info != nil {
		if canon, ok := g.info.Methods[id]; ok {
			if !isASCIIIdent(canon) {
				g.failf(id, "method %q has no Python name %q", id.Name, canon)
			}
			return canon
		}
	}
	return g.names.attrName(id.Name)
}

// binary returns X op Y. Operators are left-associative except **: a
// right operand of the same precedence is parenthesized (a - (b - c)), as
// is a unary right operand for the reader (a - (-b)), and
// so is a left operand of ** that is a unary or a power ((-2) ** 2). The
// right operand of ** is parenthesized unless it is a primary (2 ** (-1)),
// which Python does not need but a reader does.
func (g *gen) binary(e *ast.Binary) (string, int) {
	p, ok := binaryPrec[e.Op]
	if !ok {
		g.failf(e, "unknown arithmetic operator %d", int(e.Op))
	}
	x, xp := g.expr(e.X)
	y, yp := g.expr(e.Y)
	if e.Op == ast.OpPow {
		return paren(x, xp, precPostfix) + " ** " + paren(y, yp, precPostfix), p
	}
	if e.Op.IsBitwise() {
		// Few readers know the bitwise precedences: an operand that is
		// another binary operation is parenthesized, except a left operand
		// with the same operator (a | b | c).
		if xb, ok := e.X.(*ast.Binary); ok && xb != nil && xb.Op != e.Op {
			xp = 0
		}
		if _, ok := e.Y.(*ast.Binary); ok {
			yp = 0
		}
		return paren(x, xp, p) + " " + e.Op.String() + " " + paren(y, yp, p+1), p
	}
	if yp == precUnary {
		yp = 0 // a - (-b) rather than a - -b
	}
	return paren(x, xp, p) + " " + e.Op.String() + " " + paren(y, yp, p+1), p
}

// unary returns -x, +x, ~x or not x. The operand of -, + and ~ is parenthesized
// unless it is a primary (-(-x), -(x ** 2)); the operand of not is
// parenthesized when it is a not, and, or (not (a and b)).
func (g *gen) unary(e *ast.Unary) (string, int) {
	x, xp := g.expr(e.X)
	switch e.Op {
	case ast.OpNeg:
		return "-" + paren(x, xp, precPostfix), precUnary
	case ast.OpPos:
		return "+" + paren(x, xp, precPostfix), precUnary
	case ast.OpInvert:
		return "~" + paren(x, xp, precPostfix), precUnary
	case ast.OpNot:
		return "not " + paren(x, xp, precCmp), precNot
	}
	g.failf(e, "unknown unary operator %d", int(e.Op))
	return "", 0
}

// logic returns X and Y or X or Y. A nested and/or of the other kind is
// parenthesized for the reader; a right operand of the same kind is
// parenthesized to keep the tree's grouping.
func (g *gen) logic(e *ast.Logic) (string, int) {
	var p int
	switch e.Op {
	case ast.OpAnd:
		p = precAnd
	case ast.OpOr:
		p = precOr
	default:
		g.failf(e, "unknown logical operator %d", int(e.Op))
	}
	x, xp := g.expr(e.X)
	y, yp := g.expr(e.Y)
	if xl, ok := e.X.(*ast.Logic); ok && xl != nil && xl.Op != e.Op {
		xp = 0
	}
	if _, ok := e.Y.(*ast.Logic); ok {
		yp = 0
	}
	return paren(x, xp, p) + " " + e.Op.String() + " " + paren(y, yp, p+1), p
}

// compare returns a comparison chain. It stays a chain, so Python
// evaluates each middle operand once and stops at the first false link,
// as the source means; an operand that is itself a comparison, a not or a
// logical expression is parenthesized.
func (g *gen) compare(e *ast.Compare) (string, int) {
	if len(e.Operands) < 2 || len(e.Ops) != len(e.Operands)-1 {
		g.failf(nil, "comparison with %d operands and %d operators", len(e.Operands), len(e.Ops))
	}
	var b strings.Builder
	for i, x := range e.Operands {
		s, p := g.expr(x)
		if i > 0 {
			op := e.Ops[i-1]
			if op < ast.CmpEq || op > ast.CmpIsNot {
				g.failf(x, "unknown comparison operator %d", int(op))
			}
			b.WriteString(" " + op.String() + " ")
		}
		b.WriteString(paren(s, p, precCmp+1))
	}
	return b.String(), precCmp
}

// isASCIIIdent reports whether s is a non-empty ASCII identifier that is
// not a keyword: the shape of every canonical builtin and method name.
func isASCIIIdent(s string) bool {
	if s == "" || pythonKeywords[s] {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
