package fallback

import (
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// A scope is what the statement being written is inside of.
type scope struct {
	inFunc bool            // inside a def or lambda (return and yield are allowed)
	async  bool            // inside an async def (await is allowed)
	loops  int             // enclosing loops of the current function or class body
	class  map[string]bool // in a class body: the names it binds, written as attributes
}

// funcDef writes a def, with its decorators. Annotations are written as
// the source wrote them, localized type names in their English spelling;
// the module imports annotations from __future__, so they are never
// evaluated. Every `global` and `nonlocal` statement of the body is
// hoisted into declarations at the top (after the docstring): Python
// applies them to the whole function wherever they are written, but
// rejects a use that comes before them.
func (g *gen) funcDef(d *ast.FuncDef) {
	if d.Name == nil {
		g.failf(d, "function without a name")
	}
	for _, dec := range d.Decorators {
		g.at(dec)
		g.line("@" + g.exprText(dec))
	}
	g.at(d)
	head := "def "
	if d.Async {
		head = "async def "
	}
	head += g.bindName(d.Name) + "(" + g.params(d.Params, true) + ")"
	if d.Result != nil {
		head += " -> " + g.annotation(d.Result)
	}
	g.line(head + ":")

	isParam := make(map[string]bool)
	for _, p := range d.Params {
		isParam[g.names.name(p.Name.Name)] = true
	}
	outer := g.scope
	g.scope = scope{inFunc: true, async: d.Async}
	g.indent++
	g.body(d.Body, isParam, false)
	g.indent--
	g.scope = outer
}

// params returns a parameter list: positional-only parameters then `/`,
// the others, `*args` or a bare `*` before keyword-only ones, `**kwargs`.
// Annotations are written when annotate is set (not in a lambda).
func (g *gen) params(ps []*ast.Param, annotate bool) string {
	var parts []string
	seen := make(map[string]bool)
	posOnly, star := false, false
	prev := g.cur // the def's line; a lambda's parameters are not in brackets
	for i, p := range ps {
		if p == nil || p.Name == nil {
			g.failf(nil, "parameter without a name")
		}
		br := ""
		if annotate {
			br = g.breakBefore(p, &prev)
		}
		if posOnly && p.Kind != ast.ParamPosOnly {
			parts = append(parts, "/")
			posOnly = false
		}
		name := g.names.name(p.Name.Name)
		if seen[name] {
			g.failf(p.Name, "duplicate parameter %q", p.Name.Name)
		}
		seen[name] = true
		text := name
		switch p.Kind {
		case ast.ParamPosOnly:
			posOnly = true
		case ast.ParamNormal:
		case ast.ParamVarArgs:
			text = "*" + name
			star = true
		case ast.ParamKwOnly:
			if !star {
				parts = append(parts, "*")
				star = true
			}
		case ast.ParamVarKw:
			text = "**" + name
		default:
			g.failf(p.Name, "unknown parameter kind %d", int(p.Kind))
		}
		if annotate && p.Type != nil {
			text += ": " + g.annotation(p.Type)
		}
		if p.Default != nil {
			if p.Kind == ast.ParamVarArgs || p.Kind == ast.ParamVarKw {
				g.failf(p.Name, "a *args or **kwargs parameter has no default")
			}
			if annotate && p.Type != nil {
				text += " = " + g.item(p.Default)
			} else {
				text += "=" + g.item(p.Default)
			}
		}
		parts = append(parts, br+text)
		if i == len(ps)-1 && posOnly {
			parts = append(parts, "/")
		}
	}
	return strings.Join(parts, ", ")
}

// classDef writes a class with its decorators. Its body is a scope of its
// own whose names are the class's attributes: they are written with their
// attribute spelling, the one `obj.name` uses.
func (g *gen) classDef(c *ast.ClassDef) {
	if c.Name == nil {
		g.failf(c, "class without a name")
	}
	for _, dec := range c.Decorators {
		g.at(dec)
		g.line("@" + g.exprText(dec))
	}
	g.at(c)
	var args []string
	prev := g.cur
	for _, b := range c.Bases {
		args = append(args, g.breakBefore(b, &prev)+g.item(b))
	}
	for _, k := range c.Keywords {
		if k == nil {
			g.failf(c, "nil class keyword")
		}
		br := g.breakBefore(k, &prev)
		if k.Name == nil {
			s, p := g.expr(k.Value)
			args = append(args, br+"**"+paren(s, p, precBitOr))
			continue
		}
		args = append(args, br+g.keywordName(k.Name)+"="+g.item(k.Value))
	}
	head := "class " + g.bindName(c.Name)
	if len(args) > 0 {
		head += "(" + strings.Join(args, ", ") + ")"
	}
	g.line(head + ":")

	own := make(map[string]bool)
	declared := make(map[string]bool)
	walkBindings(c.Body, func(id *ast.Ident, k bindKind) {
		if k == bindLocal {
			own[id.Name] = true
		} else {
			declared[id.Name] = true
		}
	})
	for n := range declared {
		delete(own, n)
	}
	outer := g.scope
	g.scope = scope{class: own}
	g.indent++
	g.body(c.Body, nil, true)
	g.indent--
	g.scope = outer
}

// body writes the statements of a def or class body: the docstring, then
// the hoisted global and nonlocal declarations (a name in skip, a
// parameter, cannot be declared: the checker rejects such a program, and
// leaving it out keeps the module valid), then the statements. With
// spaced (a class body), a blank line comes before each def or class
// that follows other lines.
func (g *gen) body(body []ast.Stmt, skip map[string]bool, spaced bool) {
	var globals, nonlocals []string
	seen := make(map[string]bool)
	walkBindings(body, func(id *ast.Ident, k bindKind) {
		if k == bindLocal {
			return
		}
		name := g.names.name(id.Name)
		if seen[name] || skip[name] {
			return
		}
		seen[name] = true
		if k == bindGlobal {
			globals = append(globals, name)
		} else {
			nonlocals = append(nonlocals, name)
		}
	})
	start := len(g.lines)
	rest := body
	if len(body) > 0 && isDocstring(body[0]) {
		g.stmt(body[0])
		rest = body[1:]
	}
	if len(globals) > 0 {
		g.line("global " + strings.Join(globals, ", "))
	}
	if len(nonlocals) > 0 {
		g.line("nonlocal " + strings.Join(nonlocals, ", "))
	}
	for _, s := range rest {
		switch s.(type) {
		case *ast.FuncDef, *ast.ClassDef:
			if spaced && len(g.lines) > start {
				g.lines = append(g.lines, outLine{src: -1})
			}
		}
		g.stmt(s)
	}
	if len(g.lines) == start {
		g.line("pass")
	}
}

// isDocstring reports whether s is a string literal statement, which
// Python takes as the docstring when it comes first.
func isDocstring(s ast.Stmt) bool {
	e, ok := s.(*ast.ExprStmt)
	if !ok || e == nil {
		return false
	}
	lit, ok := e.X.(*ast.StrLit)
	return ok && lit != nil
}

// stmts writes body; a body that writes nothing (empty, or only global
// and nonlocal declarations, hoisted elsewhere) becomes `pass`.
func (g *gen) stmts(body []ast.Stmt) {
	n := len(g.lines)
	for _, s := range body {
		g.stmt(s)
	}
	if len(g.lines) == n {
		g.line("pass")
	}
}

// block writes body indented one level.
func (g *gen) block(body []ast.Stmt) {
	g.indent++
	g.stmts(body)
	g.indent--
}

// at makes the lines written next map to the source line of n.
func (g *gen) at(n ast.Node) {
	if sp := spanOf(n); sp.Start.IsValid() {
		g.cur = sp.Start.Line
	}
}

// stmt writes one statement.
func (g *gen) stmt(s ast.Stmt) {
	if isNilNode(s) {
		g.failf(nil, "missing statement")
	}
	g.at(s)
	switch s := s.(type) {
	case *ast.FuncDef:
		g.funcDef(s)
	case *ast.ClassDef:
		g.classDef(s)
	case *ast.If:
		g.ifStmt(s, "if")
	case *ast.While:
		g.line("while " + g.exprText(s.Cond) + ":")
		g.loop(s.Body)
		g.orElse(s.Else)
	case *ast.For:
		if s.Target == nil {
			g.failf(s, "for statement without a target")
		}
		head := "for "
		if s.Async {
			if !g.scope.async {
				g.failf(s, "async for outside an async function")
			}
			head = "async for "
		}
		g.line(head + g.targetTop(s.Target) + " in " + g.exprTop(s.Iter) + ":")
		g.loop(s.Body)
		g.orElse(s.Else)
	case *ast.Break:
		if g.scope.loops == 0 {
			g.failf(s, "break outside a loop")
		}
		g.line("break")
	case *ast.Continue:
		if g.scope.loops == 0 {
			g.failf(s, "continue outside a loop")
		}
		g.line("continue")
	case *ast.Pass:
		g.line("pass")
	case *ast.Return:
		if !g.scope.inFunc {
			g.failf(s, "return outside a function")
		}
		if s.Value == nil {
			g.line("return")
		} else {
			g.line("return " + g.exprTop(s.Value))
		}
	case *ast.Assign:
		if s.Target == nil {
			g.failf(s, "assignment without a target")
		}
		parts := []string{g.targetTop(s.Target)}
		for _, t := range s.Chain {
			parts = append(parts, g.targetTop(t))
		}
		g.line(strings.Join(parts, " = ") + " = " + g.valueText(s.Value))
	case *ast.AugAssign:
		if _, ok := binaryPrec[s.Op]; !ok {
			g.failf(s, "unknown augmented operator %d", int(s.Op))
		}
		switch s.Target.(type) {
		case *ast.Ident, *ast.Index, *ast.Attribute:
		default:
			g.failf(s, "cannot augment-assign to %T", s.Target)
		}
		g.line(g.target(s.Target) + " " + s.Op.String() + "= " + g.valueText(s.Value))
	case *ast.AnnAssign:
		if s.Annot == nil {
			g.failf(s, "annotated assignment without an annotation")
		}
		t := g.target(s.Target)
		if _, ok := s.Target.(*ast.Ident); ok && !s.Simple {
			t = "(" + t + ")"
		}
		text := t + ": " + g.annotation(s.Annot)
		if s.Value != nil {
			text += " = " + g.valueText(s.Value)
		}
		g.line(text)
	case *ast.ExprStmt:
		g.line(g.valueText(s.X))
	case *ast.Assert:
		g.assert(s)
	case *ast.Global, *ast.Nonlocal:
		// Hoisted to the top of the function or class body; at the top
		// level a global declaration means nothing.
	case *ast.Delete:
		if len(s.Targets) == 0 {
			g.failf(s, "del without targets")
		}
		parts := make([]string, len(s.Targets))
		for i, t := range s.Targets {
			parts[i] = g.target(t)
		}
		g.line("del " + strings.Join(parts, ", "))
	case *ast.Raise:
		text := "raise"
		if s.Exc != nil {
			text += " " + g.exprText(s.Exc)
			if s.Cause != nil {
				text += " from " + g.exprText(s.Cause)
			}
		} else if s.Cause != nil {
			g.failf(s, "raise from without an exception")
		}
		g.line(text)
	case *ast.Try:
		g.tryStmt(s)
	case *ast.With:
		g.withStmt(s)
	case *ast.Import:
		g.importStmt(s)
	case *ast.ImportFrom:
		g.importFrom(s)
	case *ast.Match:
		g.matchStmt(s)
	default:
		g.failf(s, "unsupported statement %T", s)
	}
}

// exprText returns e's text where any expression but a walrus or a yield
// stands on its own.
func (g *gen) exprText(e ast.Expr) string {
	return g.item(e)
}

// valueText returns the text of the value of an assignment or expression
// statement: a bare tuple, a yield without parentheses.
func (g *gen) valueText(e ast.Expr) string {
	switch e.(type) {
	case *ast.Yield, *ast.YieldFrom:
		s, _ := g.expr(e)
		return s
	}
	return g.exprTop(e)
}

// ifStmt writes an if statement; an else branch holding only an If written
// as elif continues the chain as elif.
func (g *gen) ifStmt(s *ast.If, keyword string) {
	g.at(s)
	g.line(keyword + " " + g.exprText(s.Cond) + ":")
	g.block(s.Body)
	if len(s.Else) == 1 {
		if e, ok := s.Else[0].(*ast.If); ok && e != nil && e.Elif {
			g.ifStmt(e, "elif")
			return
		}
	}
	if s.Else != nil {
		g.line("else:")
		g.block(s.Else)
	}
}

// loop writes the body of a while or for.
func (g *gen) loop(body []ast.Stmt) {
	g.scope.loops++
	g.block(body)
	g.scope.loops--
}

// orElse writes the else branch of a loop, which is not inside the loop.
func (g *gen) orElse(body []ast.Stmt) {
	if body != nil {
		g.line("else:")
		g.block(body)
	}
}

// tryStmt writes try/except/else/finally, or except* handlers.
func (g *gen) tryStmt(s *ast.Try) {
	if len(s.Handlers) == 0 && s.Finally == nil {
		g.failf(s, "try without except or finally")
	}
	if s.Else != nil && len(s.Handlers) == 0 {
		g.failf(s, "try with else but no except")
	}
	g.line("try:")
	g.block(s.Body)
	for i, h := range s.Handlers {
		if h == nil {
			g.failf(s, "nil except clause")
		}
		g.at(h)
		kw := "except"
		if s.Star {
			kw = "except*"
		}
		if h.Type == nil {
			if s.Star {
				g.failf(h, "except* needs an exception type")
			}
			if i != len(s.Handlers)-1 {
				g.failf(h, "a bare except must come last")
			}
			if h.Name != nil {
				g.failf(h, "a bare except binds no name")
			}
		} else {
			kw += " " + g.exprText(h.Type)
			if h.Name != nil {
				kw += " as " + g.bindName(h.Name)
			}
		}
		g.line(kw + ":")
		g.block(h.Body)
	}
	if s.Else != nil {
		g.line("else:")
		g.block(s.Else)
	}
	if s.Finally != nil {
		g.line("finally:")
		g.block(s.Finally)
	}
}

// withStmt writes a with statement with its items.
func (g *gen) withStmt(s *ast.With) {
	if len(s.Items) == 0 {
		g.failf(s, "with without items")
	}
	parts := make([]string, len(s.Items))
	for i, it := range s.Items {
		if it == nil || it.Context == nil {
			g.failf(s, "with item without a context manager")
		}
		parts[i] = g.exprText(it.Context)
		if it.Target != nil {
			parts[i] += " as " + g.target(it.Target)
		}
	}
	head := "with "
	if s.Async {
		if !g.scope.async {
			g.failf(s, "async with outside an async function")
		}
		head = "async with "
	}
	g.line(head + strings.Join(parts, ", ") + ":")
	g.block(s.Body)
}

// modulePath returns a dotted module path, each part in its attribute
// spelling (a module's name is not a program variable).
func (g *gen) modulePath(ids []*ast.Ident) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		if id == nil {
			g.failf(nil, "module path with a missing part")
		}
		parts[i] = g.names.attrName(id.Name)
	}
	return strings.Join(parts, ".")
}

// importStmt writes `import a.b as c, d`. A plain `import a.b` whose
// first part the program must rename binds it with __import__, which
// returns the top package as the statement does.
func (g *gen) importStmt(s *ast.Import) {
	if len(s.Names) == 0 {
		g.failf(s, "import without names")
	}
	var parts []string
	for _, a := range s.Names {
		if a == nil || len(a.Path) == 0 {
			g.failf(s, "import of nothing")
		}
		path := g.modulePath(a.Path)
		switch {
		case a.AsName != nil:
			parts = append(parts, path+" as "+g.bindName(a.AsName))
		case g.bindName(a.Path[0]) != g.names.attrName(a.Path[0].Name):
			if len(parts) > 0 {
				g.line("import " + strings.Join(parts, ", "))
				parts = nil
			}
			lit, _ := stringLiteral(path)
			g.line(g.bindName(a.Path[0]) + " = __import__(" + lit + ")")
		default:
			parts = append(parts, path)
		}
	}
	if len(parts) > 0 {
		g.line("import " + strings.Join(parts, ", "))
	}
}

// importFrom writes `from ..m import x as y`; an imported name that the
// program spells differently as a variable is imported under that
// spelling.
func (g *gen) importFrom(s *ast.ImportFrom) {
	if len(s.Names) == 0 {
		g.failf(s, "from-import without names")
	}
	if s.Level < 0 || s.Level == 0 && len(s.Module) == 0 {
		g.failf(s, "from-import without a module")
	}
	mod := strings.Repeat(".", s.Level) + g.modulePath(s.Module)
	var parts []string
	for _, a := range s.Names {
		if a == nil || len(a.Path) != 1 || a.Path[0] == nil {
			g.failf(s, "from-import of a dotted name")
		}
		name := a.Path[0].Name
		if name == "*" {
			if len(s.Names) != 1 || a.AsName != nil {
				g.failf(s, "a star import imports nothing else")
			}
			if g.scope.inFunc || g.scope.class != nil {
				g.failf(s, "a star import is only allowed at the top level")
			}
			parts = append(parts, "*")
			continue
		}
		text := g.names.attrName(name)
		bound := a.Path[0]
		if a.AsName != nil {
			bound = a.AsName
		}
		if b := g.bindName(bound); b != text || a.AsName != nil {
			text += " as " + b
		}
		parts = append(parts, text)
	}
	g.line("from " + mod + " import " + strings.Join(parts, ", "))
}

// targetTop returns an assignment or for target: a tuple keeps no
// parentheses.
func (g *gen) targetTop(t ast.Expr) string {
	if tu, ok := t.(*ast.Tuple); ok && tu != nil && len(tu.Elems) > 1 {
		parts := make([]string, len(tu.Elems))
		for i, e := range tu.Elems {
			parts[i] = g.target(e)
		}
		return strings.Join(parts, ", ")
	}
	return g.target(t)
}

// target returns the text of an assignment target: a name, a
// subscription, an attribute, a starred target, or a tuple or list of
// targets.
func (g *gen) target(t ast.Expr) string {
	switch t := t.(type) {
	case *ast.Ident:
		if t != nil {
			if _, ok := g.builtinOf(t); ok {
				g.failf(t, "cannot assign to the builtin %q", t.Name)
			}
			return g.bindName(t)
		}
	case *ast.Index, *ast.Attribute:
		if !isNilNode(t) {
			s, _ := g.expr(t)
			return s
		}
	case *ast.Starred:
		if t != nil {
			return "*" + g.target(t.X)
		}
	case *ast.Tuple:
		if t != nil {
			parts := make([]string, len(t.Elems))
			for i, e := range t.Elems {
				parts[i] = g.target(e)
			}
			switch len(parts) {
			case 0:
				return "()"
			case 1:
				return "(" + parts[0] + ",)"
			}
			return "(" + strings.Join(parts, ", ") + ")"
		}
	case *ast.ListLit:
		if t != nil {
			parts := make([]string, len(t.Elems))
			for i, e := range t.Elems {
				parts[i] = g.target(e)
			}
			return "[" + strings.Join(parts, ", ") + "]"
		}
	}
	g.failf(t, "cannot assign to %T", t)
	return ""
}

// assert writes an assert as an explicit test: Python drops `assert`
// statements under -O, and the fallback must fail the same way whatever
// the interpreter's options. The message is evaluated only on failure, as
// in an assert.
func (g *gen) assert(s *ast.Assert) {
	c, p := g.expr(s.Cond)
	g.line("if not " + paren(c, p, precCmp) + ":")
	g.indent++
	if s.Msg == nil {
		g.line("raise AssertionError")
	} else {
		g.line("raise AssertionError(" + g.item(s.Msg) + ")")
	}
	g.indent--
}

// annotation returns the text of an annotation. Names keep the
// program's spelling when the program binds them (a class), and take
// their English spelling when they are the language's type or builtin
// names (entier -> int); the text is never evaluated.
func (g *gen) annotation(t *ast.TypeExpr) string {
	outer := g.annot
	g.annot = true
	defer func() { g.annot = outer }()
	if t.X != nil {
		return g.item(t.X)
	}
	if t.Name == nil {
		g.failf(t, "empty annotation")
	}
	s := g.annotIdent(t.Name)
	if len(t.Args) > 0 {
		args := make([]string, len(t.Args))
		for i, a := range t.Args {
			if a == nil {
				g.failf(t, "nil type argument")
			}
			args[i] = g.annotation(a)
		}
		s += "[" + strings.Join(args, ", ") + "]"
	}
	return s
}

// annotIdent returns the spelling of a name in an annotation.
func (g *gen) annotIdent(id *ast.Ident) string {
	if canon, ok := g.builtinOf(id); ok {
		return canon
	}
	if g.bound[id.Name] {
		return g.bindName(id)
	}
	if g.lang != nil {
		if c, ok := g.lang.TypeName(id.Name); ok && isASCIIIdent(c) {
			return c
		}
		if c, ok := g.lang.Builtin(id.Name); ok && isASCIIIdent(c) {
			return c
		}
	}
	return g.bindName(id)
}
