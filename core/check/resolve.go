package check

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// pythonBuiltins are the English names Python defines in every module that
// the language tables may not list. Reading one is never an error; calling it
// keeps the function Python-only unless infer.go knows how to compile it.
var pythonBuiltins = map[string]bool{
	"abs": true, "all": true, "any": true, "ascii": true, "bin": true, "bool": true,
	"bytearray": true, "bytes": true, "callable": true, "chr": true, "complex": true,
	"dict": true, "dir": true, "divmod": true, "enumerate": true, "eval": true,
	"exec": true, "filter": true, "float": true, "format": true, "frozenset": true,
	"getattr": true, "globals": true, "hasattr": true, "hash": true, "hex": true,
	"id": true, "input": true, "int": true, "isinstance": true, "issubclass": true,
	"iter": true, "len": true, "list": true, "locals": true, "map": true, "max": true,
	"min": true, "next": true, "object": true, "oct": true, "open": true, "ord": true,
	"pow": true, "print": true, "range": true, "repr": true, "reversed": true,
	"round": true, "set": true, "setattr": true, "slice": true, "sorted": true,
	"str": true, "sum": true, "super": true, "tuple": true, "type": true, "vars": true,
	"zip": true, "Exception": true, "ValueError": true, "TypeError": true,
	"ZeroDivisionError": true, "IndexError": true, "KeyError": true,
	"RuntimeError": true, "OverflowError": true, "AssertionError": true,
	"ArithmeticError": true, "AttributeError": true, "NameError": true,
	"StopIteration": true, "NotImplemented": true, "Ellipsis": true,
}

// builtinArity gives the accepted argument counts of builtins whose misuse
// Python always rejects; max < 0 means no upper bound.
var builtinArity = map[string][2]int{
	"abs": {1, 1}, "len": {1, 1}, "range": {1, 3}, "round": {1, 2},
	"float": {0, 1}, "bool": {0, 1}, "int": {0, 2}, "min": {1, -1}, "max": {1, -1},
	"divmod": {2, 2}, "pow": {2, 3}, "chr": {1, 1}, "ord": {1, 1}, "sum": {1, 2},
	"input": {0, 1},
}

// collect finds the top-level functions and every global name.
func (c *checker) collect() {
	if c.file == nil {
		return
	}
	for _, s := range c.file.Body {
		if d, ok := s.(*ast.FuncDef); ok && d.Name != nil {
			c.funcs[d.Name.Name] = d
			c.defs[d.Name.Name]++
		}
	}
	c.collectGlobals(c.file.Body)
	for _, s := range c.file.Body {
		if d, ok := s.(*ast.FuncDef); ok {
			c.scopeOf(d)
		}
	}
}

// collectGlobals adds to c.glob the names bound by top-level statements,
// including those nested in compound statements (but not in functions).
func (c *checker) collectGlobals(body []ast.Stmt) {
	for _, s := range body {
		switch s := s.(type) {
		case *ast.Assign:
			if id, ok := s.Target.(*ast.Ident); ok {
				c.glob[id.Name] = true
			}
		case *ast.AugAssign:
			if id, ok := s.Target.(*ast.Ident); ok {
				c.glob[id.Name] = true
			}
		case *ast.For:
			if s.Target != nil {
				c.glob[s.Var().Name] = true
			}
			c.collectGlobals(s.Body)
		case *ast.While:
			c.collectGlobals(s.Body)
		case *ast.If:
			c.collectGlobals(s.Body)
			c.collectGlobals(s.Else)
		case *ast.FuncDef:
			if !c.isTopFunc(s) && s.Name != nil {
				c.glob[s.Name.Name] = true // a def inside a top-level if binds a global
			}
		}
	}
}

func (c *checker) isTopFunc(d *ast.FuncDef) bool {
	return d.Name != nil && c.funcs[d.Name.Name] != nil && c.defs[d.Name.Name] > 0 && contains(c.file.Body, d)
}

func contains(body []ast.Stmt, s ast.Stmt) bool {
	for _, t := range body {
		if t == s {
			return true
		}
	}
	return false
}

// scopeOf computes (once) the local names of d: its parameters and every
// name it assigns, less those declared global. Names declared global and
// assigned in d become globals of the program.
func (c *checker) scopeOf(d *ast.FuncDef) map[string]bool {
	if sc, ok := c.scopes[d]; ok {
		return sc
	}
	decl := make(map[string]bool)
	assigned := make(map[string]bool)
	var walk func([]ast.Stmt)
	walk = func(body []ast.Stmt) {
		for _, s := range body {
			switch s := s.(type) {
			case *ast.Global:
				for _, n := range s.Names {
					decl[n.Name] = true
				}
			case *ast.Assign:
				if id, ok := s.Target.(*ast.Ident); ok {
					assigned[id.Name] = true
				}
			case *ast.AugAssign:
				if id, ok := s.Target.(*ast.Ident); ok {
					assigned[id.Name] = true
				}
			case *ast.For:
				if s.Target != nil {
					assigned[s.Var().Name] = true
				}
				walk(s.Body)
			case *ast.While:
				walk(s.Body)
			case *ast.If:
				walk(s.Body)
				walk(s.Else)
			case *ast.FuncDef:
				if s.Name != nil {
					assigned[s.Name.Name] = true
				}
			}
		}
	}
	walk(d.Body)
	sc := make(map[string]bool)
	for _, p := range d.Params {
		if p != nil && p.Name != nil {
			sc[p.Name.Name] = true
		}
	}
	for n := range assigned {
		if decl[n] {
			c.glob[n] = true
		} else {
			sc[n] = true
		}
	}
	c.scopes[d] = sc
	c.globalDecl[d] = decl
	return sc
}

// resolver walks statements with the stack of enclosing function scopes.
type resolver struct {
	c      *checker
	scopes []*ast.FuncDef // innermost last; empty at top level
	loops  int
}

func (c *checker) resolveFile() {
	if c.file == nil {
		return
	}
	r := &resolver{c: c}
	r.stmts(c.file.Body)
}

func (r *resolver) stmts(body []ast.Stmt) {
	for _, s := range body {
		r.stmt(s)
	}
}

func (r *resolver) stmt(s ast.Stmt) {
	c := r.c
	switch s := s.(type) {
	case *ast.FuncDef:
		sc := c.scopeOf(s)
		for _, p := range s.Params {
			if p != nil && p.Name != nil && c.globalDecl[s][p.Name.Name] {
				c.errorf(p.Name.Pos, msgGlobalAtTop, p.Name.Name)
			}
		}
		_ = sc
		inner := &resolver{c: c, scopes: append(append([]*ast.FuncDef(nil), r.scopes...), s)}
		inner.stmts(s.Body)
	case *ast.If:
		r.expr(s.Cond)
		r.stmts(s.Body)
		r.stmts(s.Else)
	case *ast.While:
		r.expr(s.Cond)
		r.loops++
		r.stmts(s.Body)
		r.loops--
	case *ast.For:
		r.expr(s.Iter)
		r.loops++
		r.stmts(s.Body)
		r.loops--
	case *ast.Break:
		if r.loops == 0 {
			c.errorf(s.Pos, msgBreakOutside)
		}
	case *ast.Continue:
		if r.loops == 0 {
			c.errorf(s.Pos, msgContinueOutside)
		}
	case *ast.Return:
		if len(r.scopes) == 0 {
			c.errorf(s.Pos, msgReturnOutside)
		}
		if s.Value != nil {
			r.expr(s.Value)
		}
	case *ast.Assign:
		r.target(s.Target, false)
		r.expr(s.Value)
	case *ast.AugAssign:
		r.target(s.Target, true)
		r.expr(s.Value)
	case *ast.ExprStmt:
		r.expr(s.X)
	case *ast.Assert:
		r.expr(s.Cond)
		if s.Msg != nil {
			r.expr(s.Msg)
		}
	case *ast.Global, *ast.Pass:
	}
}

// target checks an assignment target; an augmented assignment also reads it.
func (r *resolver) target(t ast.Expr, reads bool) {
	switch t := t.(type) {
	case *ast.Ident:
		if reads {
			r.name(t)
		}
	case *ast.Index:
		r.expr(t.X)
		r.expr(t.Index)
	case *ast.Attribute:
		r.expr(t.X)
	default:
		what := "expression"
		switch t.(type) {
		case *ast.Call:
			what = "function call"
		case *ast.IntLit, *ast.FloatLit, *ast.StrLit, *ast.BoolLit, *ast.NoneLit:
			what = "literal"
		}
		if t != nil {
			r.c.errorf(t.Span(), msgBadTarget, what)
		}
	}
}

func (r *resolver) expr(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Ident:
		r.name(e)
	case *ast.ListLit:
		for _, x := range e.Elems {
			r.expr(x)
		}
	case *ast.Binary:
		r.expr(e.X)
		r.expr(e.Y)
	case *ast.Unary:
		r.expr(e.X)
	case *ast.Logic:
		r.expr(e.X)
		r.expr(e.Y)
	case *ast.Compare:
		for _, x := range e.Operands {
			r.expr(x)
		}
	case *ast.Call:
		r.expr(e.Func)
		for _, x := range e.Args {
			r.expr(x)
		}
		r.arity(e)
	case *ast.Attribute:
		r.expr(e.X)
	case *ast.Index:
		r.expr(e.X)
		r.expr(e.Index)
	}
}

// arity reports calls that Python would certainly reject for their number of
// arguments: to a top-level function, or to a builtin with a fixed arity.
func (r *resolver) arity(call *ast.Call) {
	c := r.c
	id, ok := call.Func.(*ast.Ident)
	if !ok {
		switch call.Func.(type) {
		case *ast.IntLit, *ast.FloatLit, *ast.BoolLit, *ast.NoneLit:
			c.errorf(call.Func.Span(), msgNotCallable, litTypeName(call.Func))
		}
		return
	}
	n := len(call.Args)
	switch c.kinds[id] {
	case kindFunc:
		d := c.funcs[id.Name]
		if c.defs[id.Name] == 1 && n != len(d.Params) {
			c.errorf(call.Span(), msgArity, id.Name, len(d.Params), n)
		}
	case kindBuiltin:
		ar, ok := builtinArity[c.info.Builtins[id]]
		if !ok {
			return
		}
		switch {
		case ar[1] < 0 && n < ar[0]:
			c.errorf(call.Span(), msgArityMin, id.Name, ar[0], n)
		case ar[1] >= 0 && ar[0] == ar[1] && n != ar[0]:
			c.errorf(call.Span(), msgArity, id.Name, ar[0], n)
		case ar[1] >= 0 && (n < ar[0] || n > ar[1]):
			c.errorf(call.Span(), msgArityRange, id.Name, ar[0], ar[1], n)
		}
	}
}

func litTypeName(e ast.Expr) string {
	switch e.(type) {
	case *ast.IntLit:
		return "int"
	case *ast.FloatLit:
		return "float"
	case *ast.BoolLit:
		return "bool"
	}
	return "NoneType"
}

// name resolves a name that is read.
func (r *resolver) name(id *ast.Ident) {
	c := r.c
	k := c.lookup(id.Name, r.scopes)
	if k == kindBuiltin {
		c.info.Builtins[id] = c.builtinName(id.Name)
	}
	if k == kindUndefined {
		c.errorf(id.Pos, msgUndefined, id.Name)
	}
	c.kinds[id] = k
}

// lookup says what name refers to inside the given function scopes.
func (c *checker) lookup(name string, scopes []*ast.FuncDef) nameKind {
	for i := len(scopes) - 1; i >= 0; i-- {
		d := scopes[i]
		if c.scopeOf(d)[name] {
			return kindLocal
		}
		if c.globalDecl[d][name] {
			break
		}
	}
	switch {
	case c.funcs[name] != nil && !c.glob[name]:
		return kindFunc
	case c.glob[name] || c.funcs[name] != nil:
		return kindGlobal
	case c.builtinName(name) != "":
		return kindBuiltin
	}
	return kindUndefined
}

// builtinName returns the canonical English name of a builtin or type
// spelled name in the program's language, or "".
func (c *checker) builtinName(name string) string {
	if b, ok := c.lang.Builtin(name); ok {
		return b
	}
	if t, ok := c.lang.TypeName(name); ok {
		return t
	}
	if pythonBuiltins[name] {
		return name
	}
	return ""
}

// spanOf is a nil-safe Span.
func spanOf(n ast.Node) source.Span {
	if n == nil {
		return source.Span{}
	}
	return n.Span()
}
