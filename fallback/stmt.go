package fallback

import (
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// funcDef writes a def. Parameters and result keep their annotations,
// spelled in Python, when the source wrote one and the checker knows the
// type; the module imports annotations from __future__, so they are never
// evaluated. Every `global` statement of the body is hoisted into one
// declaration at the top: Python applies a global declaration to the whole
// function wherever it is written, but rejects a use that comes before it.
func (g *gen) funcDef(d *ast.FuncDef) {
	if d.Name == nil {
		g.failf(d, "function without a name")
	}
	fn := g.funcs[d]
	params := make([]string, len(d.Params))
	isParam := make(map[string]bool)
	for i, p := range d.Params {
		if p == nil || p.Name == nil {
			g.failf(d, "function %q has a parameter without a name", d.Name.Name)
		}
		name := g.names.name(p.Name.Name)
		if isParam[name] {
			g.failf(p.Name, "duplicate parameter %q", p.Name.Name)
		}
		isParam[name] = true
		params[i] = name
		if p.Type != nil && fn != nil && i < len(fn.Params) && knownType(fn.Params[i]) {
			params[i] += ": " + fn.Params[i].String()
		}
	}
	head := "def " + g.names.name(d.Name.Name) + "(" + strings.Join(params, ", ") + ")"
	if d.Result != nil && fn != nil && knownType(fn.Result) {
		head += " -> " + fn.Result.String()
	}
	g.line(head + ":")

	outer := g.scope
	g.scope = scope{inFunc: true}
	g.indent++
	var globals []string
	seen := make(map[string]bool)
	walkGlobals(d.Body, func(id *ast.Ident) {
		name := g.names.name(id.Name)
		// A parameter cannot also be global in Python; the checker rejects
		// such a program, and keeping the parameter keeps the module valid.
		if !seen[name] && !isParam[name] {
			seen[name] = true
			globals = append(globals, name)
		}
	})
	if len(globals) > 0 {
		g.line("global " + strings.Join(globals, ", "))
	}
	g.stmts(d.Body)
	g.indent--
	g.scope = outer
}

// knownType reports whether t is fully inferred, so that it can be written
// as an annotation.
func knownType(t *check.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind {
	case check.Int, check.Float, check.Bool, check.None, check.Str:
		return true
	case check.List:
		return knownType(t.Elem)
	}
	return false
}

// walkGlobals calls fn for each name of each `global` statement in body,
// including nested blocks but not nested function definitions.
func walkGlobals(body []ast.Stmt, fn func(*ast.Ident)) {
	for _, s := range body {
		switch s := s.(type) {
		case *ast.Global:
			if s == nil {
				continue
			}
			for _, id := range s.Names {
				if id != nil {
					fn(id)
				}
			}
		case *ast.If:
			if s != nil {
				walkGlobals(s.Body, fn)
				walkGlobals(s.Else, fn)
			}
		case *ast.While:
			if s != nil {
				walkGlobals(s.Body, fn)
			}
		case *ast.For:
			if s != nil {
				walkGlobals(s.Body, fn)
			}
		}
	}
}

// stmts writes body one level in; an empty body becomes `pass`.
func (g *gen) stmts(body []ast.Stmt) {
	if len(body) == 0 {
		g.line("pass")
		return
	}
	for _, s := range body {
		g.stmt(s)
	}
}

// block writes body indented one level.
func (g *gen) block(body []ast.Stmt) {
	g.indent++
	g.stmts(body)
	g.indent--
}

// stmt writes one statement.
func (g *gen) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.FuncDef:
		if s == nil {
			g.failf(nil, "nil function definition")
		}
		g.funcDef(s)
	case *ast.If:
		if s == nil {
			g.failf(nil, "nil if statement")
		}
		g.ifStmt(s, "if")
	case *ast.While:
		if s == nil {
			g.failf(nil, "nil while statement")
		}
		c, _ := g.expr(s.Cond)
		g.line("while " + c + ":")
		g.loop(s.Body)
	case *ast.For:
		if s == nil || s.Target == nil {
			g.failf(nil, "for statement without a target")
		}
		it, _ := g.expr(s.Iter)
		g.line("for " + g.names.name(s.Var().Name) + " in " + it + ":")
		g.loop(s.Body)
	case *ast.Break:
		if s == nil || g.scope.loops == 0 {
			g.failf(s, "break outside a loop")
		}
		g.line("break")
	case *ast.Continue:
		if s == nil || g.scope.loops == 0 {
			g.failf(s, "continue outside a loop")
		}
		g.line("continue")
	case *ast.Pass:
		g.line("pass")
	case *ast.Return:
		if s == nil || !g.scope.inFunc {
			g.failf(s, "return outside a function")
		}
		if s.Value == nil {
			g.line("return")
		} else {
			v, _ := g.expr(s.Value)
			g.line("return " + v)
		}
	case *ast.Assign:
		if s == nil {
			g.failf(nil, "nil assignment")
		}
		t := g.target(s.Target)
		v, _ := g.expr(s.Value)
		g.line(t + " = " + v)
	case *ast.AugAssign:
		if s == nil {
			g.failf(nil, "nil augmented assignment")
		}
		if _, ok := binaryPrec[s.Op]; !ok {
			g.failf(s, "unknown augmented operator %d", int(s.Op))
		}
		t := g.target(s.Target)
		v, _ := g.expr(s.Value)
		g.line(t + " " + s.Op.String() + "= " + v)
	case *ast.ExprStmt:
		if s == nil {
			g.failf(nil, "nil expression statement")
		}
		x, _ := g.expr(s.X)
		g.line(x)
	case *ast.Assert:
		if s == nil {
			g.failf(nil, "nil assert")
		}
		g.assert(s)
	case *ast.Global:
		// Hoisted to the top of the function (or of __ml_main__).
		g.line("pass")
	case nil:
		g.failf(nil, "missing statement")
	default:
		g.failf(s, "unsupported statement %T", s)
	}
}

// ifStmt writes an if statement; an else branch holding only an If written
// as elif continues the chain as elif.
func (g *gen) ifStmt(s *ast.If, keyword string) {
	c, _ := g.expr(s.Cond)
	g.line(keyword + " " + c + ":")
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

// target returns the text of an assignment target: a name or a subscription.
func (g *gen) target(t ast.Expr) string {
	switch t := t.(type) {
	case *ast.Ident:
		if t != nil {
			if _, ok := g.builtinOf(t); ok {
				g.failf(t, "cannot assign to the builtin %q", t.Name)
			}
			return g.names.name(t.Name)
		}
	case *ast.Index:
		if t != nil {
			s, _ := g.expr(t)
			return s
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
		m, _ := g.expr(s.Msg)
		g.line("raise AssertionError(" + m + ")")
	}
	g.indent--
}
