package check

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
)

// List comprehensions (part of lower.go), and `list(A)`, which is `[v for
// v in A]`. `r = [E for x in A if C]` and
// `return [E for x in A for y in B]`, the comprehension being the whole
// value, become
//
//	t = []
//	for x' in A:
//	    if C':
//	        t.append(E')
//	r = t
//
// where x' is a temporary standing for x (a comprehension's variables are
// its own: they neither read nor change the function's x), and C', E'
// and the later iterables are copies of C, E and B that read x' for x.
// CPython evaluates A first, then for each element the conditions in
// order and the element, appending; r is assigned (or the list returned)
// once the list is whole. Each clause's target must be a name, or names
// over enumerate() or zip() (then rewritten as lower.go rewrites such
// loops); the copied expressions may hold the forms of the compiled subset only (no
// lambda, no nested comprehension, no :=).

// listCopy returns the comprehension that `list(A)` is, when e is a call
// of the builtin list with one argument: [v for v in A], with v a name
// no program can write.
func (lw *lowering) listCopy(e ast.Expr) (ast.Expr, bool) {
	args, ok := lw.builtinCall(e, "list")
	if !ok || len(args) != 1 {
		return nil, false
	}
	v := &ast.Ident{Pos: spanOf(e), Name: "list.item"}
	return &ast.Comp{Pos: spanOf(e), Kind: ast.ListComp, Elt: v,
		Fors: []*ast.CompFor{{Pos: spanOf(e), Target: v, Iter: args[0]}}}, true
}

// listComp returns the statements that compute the list comprehension e
// into a new temporary, and that temporary; ok is false when e is not one
// lower.go rewrites.
func (lw *lowering) listComp(e ast.Expr) ([]ast.Stmt, *ast.Ident, bool) {
	if c, ok := lw.listCopy(e); ok {
		e = c
	}
	comp, ok := e.(*ast.Comp)
	if !ok || comp.Kind != ast.ListComp {
		return nil, nil, false
	}
	result := lw.temp("comp", comp.Pos)
	loops, ok := lw.compLoops(comp, func(elt ast.Expr) []ast.Stmt {
		appendName := &ast.Ident{Pos: comp.Pos, Name: "append"}
		lw.c.info.Methods[appendName] = "append" // the temporary is a list
		// an element that is (or starts with) a comprehension: computed
		// first, into its own temporary (lowerreduce.go)
		pre, v, _ := lw.hoistValue(elt)
		return append(pre, &ast.ExprStmt{X: &ast.Call{
			Func: &ast.Attribute{X: lw.read(result), Name: appendName}, Args: []ast.Expr{v}, Rparen: comp.Pos.End}})
	})
	if !ok {
		return nil, nil, false
	}
	init := &ast.Assign{Target: result, Value: &ast.ListLit{Pos: comp.Pos}}
	return append([]ast.Stmt{init}, loops...), result, true
}

// compLoops returns the loops of the clauses of comp, nested, whose
// innermost body is what inner makes of a copy of the element; ok is
// false when comp is not a comprehension lower.go rewrites (see above).
func (lw *lowering) compLoops(comp *ast.Comp, inner func(elt ast.Expr) []ast.Stmt) ([]ast.Stmt, bool) {
	if len(comp.Fors) == 0 {
		return nil, false
	}
	rename := map[string]*ast.Ident{} // a comprehension variable -> its temporary
	// every name a clause binds is the comprehension's own, unbound until
	// its clause binds it
	saved := lw.unbound
	defer func() { lw.unbound = saved }()
	lw.unbound = map[string]bool{}
	for _, f := range comp.Fors {
		if f != nil {
			for _, n := range boundNames(f.Target) {
				lw.unbound[n] = true
			}
		}
	}
	type clause struct {
		target ast.Expr // a temporary, or a tuple of them (over enumerate or zip)
		iter   ast.Expr
		ifs    []ast.Expr
	}
	var clauses []clause
	for i, f := range comp.Fors {
		if f == nil || f.Async || isNil(f.Iter) {
			return nil, false
		}
		var names []*ast.Ident
		switch tg := f.Target.(type) {
		case *ast.Ident:
			names = []*ast.Ident{tg}
		case *ast.Tuple:
			for _, el := range tg.Elems {
				id, ok := el.(*ast.Ident)
				if !ok {
					return nil, false
				}
				names = append(names, id)
			}
		}
		if len(names) == 0 || names[0] == nil {
			return nil, false
		}
		iter := f.Iter
		if i > 0 { // the first iterable is read in the function's scope
			var ok bool
			if iter, ok = lw.copyExpr(f.Iter, rename); !ok {
				return nil, false
			}
		}
		var target ast.Expr
		temps := make([]ast.Expr, len(names))
		for k, id := range names {
			if id == nil {
				return nil, false
			}
			t := lw.temp("comp", id.Pos)
			rename[id.Name] = t
			delete(lw.unbound, id.Name)
			temps[k], target = t, t
		}
		if len(temps) > 1 {
			target = &ast.Tuple{Pos: spanOf(f.Target), Elems: temps}
		}
		cl := clause{target: target, iter: iter}
		for _, c := range f.Ifs {
			cc, ok := lw.copyExpr(c, rename)
			if !ok {
				return nil, false
			}
			cl.ifs = append(cl.ifs, cc)
		}
		clauses = append(clauses, cl)
	}
	elt, ok := lw.copyExpr(comp.Elt, rename)
	if !ok {
		return nil, false
	}
	body := inner(elt)
	for i := len(clauses) - 1; i >= 0; i-- {
		cl := clauses[i]
		for j := len(cl.ifs) - 1; j >= 0; j-- {
			body = []ast.Stmt{&ast.If{Pos: comp.Pos, Cond: cl.ifs[j], Body: body}}
		}
		body = []ast.Stmt{&ast.For{Pos: comp.Pos, Target: cl.target, Iter: cl.iter, Body: body}}
	}
	// a clause over tuples is a loop over enumerate or zip, which lower.go
	// rewrites in turn; any other leaves the comprehension as written
	body, _ = lw.stmts(body)
	ok = true
	ast.InspectStmts(body, func(n ast.Node) bool {
		if f, isFor := n.(*ast.For); isFor && f.Var() == nil {
			ok = false
		}
		return ok
	})
	return body, ok
}

// copyExpr copies e, reading the temporaries of rename for the
// comprehension's variables; ok is false for a form it does not copy.
// A copied name keeps what the checker found it names (a builtin, a
// module constant, ...); a variable of the function, which the
// comprehension's scope reads as a free one, becomes a local read again.
func (lw *lowering) copyExpr(e ast.Expr, rename map[string]*ast.Ident) (ast.Expr, bool) {
	c := lw.c
	switch e := e.(type) {
	case *ast.Ident:
		if e == nil {
			return nil, false
		}
		if t, ok := rename[e.Name]; ok {
			return lw.read(t), true
		}
		if lw.unbound[e.Name] {
			return nil, false // the comprehension's own name, not bound yet
		}
		id := &ast.Ident{Pos: e.Pos, Name: e.Name}
		k := c.kinds[e]
		if k == kindFree {
			k = kindLocal
		}
		c.kinds[id] = k
		if b, ok := c.info.Builtins[e]; ok {
			c.info.Builtins[id] = b
		}
		if sym, ok := c.info.Names[e]; ok {
			c.info.Names[id] = sym
		}
		return id, true
	case *ast.IntLit, *ast.FloatLit, *ast.StrLit, *ast.BoolLit, *ast.NoneLit:
		return e, true // no names inside, never changed
	case *ast.ListLit:
		elems, ok := lw.copyExprs(e.Elems, rename)
		return &ast.ListLit{Pos: e.Pos, Elems: elems}, ok
	case *ast.Binary:
		x, ok1 := lw.copyExpr(e.X, rename)
		y, ok2 := lw.copyExpr(e.Y, rename)
		return &ast.Binary{X: x, Op: e.Op, OpPos: e.OpPos, Y: y}, ok1 && ok2
	case *ast.Unary:
		x, ok := lw.copyExpr(e.X, rename)
		return &ast.Unary{Op: e.Op, OpPos: e.OpPos, X: x}, ok
	case *ast.Logic:
		x, ok1 := lw.copyExpr(e.X, rename)
		y, ok2 := lw.copyExpr(e.Y, rename)
		return &ast.Logic{X: x, Op: e.Op, OpPos: e.OpPos, Y: y, Paren: e.Paren}, ok1 && ok2
	case *ast.IfExp:
		b, ok1 := lw.copyExpr(e.Body, rename)
		cd, ok2 := lw.copyExpr(e.Cond, rename)
		el, ok3 := lw.copyExpr(e.Else, rename)
		return &ast.IfExp{Body: b, Cond: cd, Else: el}, ok1 && ok2 && ok3
	case *ast.Compare:
		ops, ok := lw.copyExprs(e.Operands, rename)
		return &ast.Compare{Operands: ops, Ops: e.Ops, OpPos: e.OpPos}, ok
	case *ast.Call:
		if len(e.Keywords) > 0 {
			return nil, false
		}
		f, ok1 := lw.copyExpr(e.Func, rename)
		args, ok2 := lw.copyExprs(e.Args, rename)
		return &ast.Call{Func: f, Args: args, Rparen: e.Rparen}, ok1 && ok2
	case *ast.Attribute:
		if e.Name == nil {
			return nil, false
		}
		x, ok := lw.copyExpr(e.X, rename)
		// the same name node: the checker's translation of a localized
		// method name (Info.Methods) stays with it
		return &ast.Attribute{X: x, Name: e.Name}, ok
	case *ast.Index:
		if sl, slice := e.Index.(*ast.Slice); slice {
			x, ok := lw.copyExpr(e.X, rename)
			c := &ast.Slice{Pos: sl.Pos}
			for _, p := range []struct{ from, to *ast.Expr }{{&sl.Lo, &c.Lo}, {&sl.Hi, &c.Hi}, {&sl.Step, &c.Step}} {
				if !isNil(*p.from) && ok {
					*p.to, ok = lw.copyExpr(*p.from, rename)
				}
			}
			return &ast.Index{X: x, Index: c, Rbracket: e.Rbracket}, ok
		}
		x, ok1 := lw.copyExpr(e.X, rename)
		i, ok2 := lw.copyExpr(e.Index, rename)
		return &ast.Index{X: x, Index: i, Rbracket: e.Rbracket}, ok1 && ok2
	case *ast.Comp:
		return lw.copyComp(e, rename)
	}
	return nil, false
}

// copyComp copies a comprehension nested in another one (its element, a
// condition, a later iterable), reading rename's temporaries for the
// outer comprehension's variables with CPython's scopes: its first
// iterable is evaluated in the enclosing scope, and the names its own
// clauses bind are its own from the clause that binds them on (they keep
// their names here; lowering the copy renames them in turn).
func (lw *lowering) copyComp(e *ast.Comp, rename map[string]*ast.Ident) (ast.Expr, bool) {
	if e.Kind != ast.ListComp && e.Kind != ast.GenExp {
		return nil, false
	}
	inner := make(map[string]*ast.Ident, len(rename))
	for k, v := range rename {
		inner[k] = v
	}
	// the names this comprehension binds are its own once bound, even
	// where the enclosing one has the same names unbound
	saved := lw.unbound
	defer func() { lw.unbound = saved }()
	lw.unbound = make(map[string]bool, len(saved))
	for k := range saved {
		lw.unbound[k] = true
	}
	out := &ast.Comp{Pos: e.Pos, Kind: e.Kind}
	for i, f := range e.Fors {
		if f == nil || f.Async || isNil(f.Iter) {
			return nil, false
		}
		scope := inner
		if i == 0 {
			scope = rename
		}
		iter, ok := lw.copyExpr(f.Iter, scope)
		if !ok {
			return nil, false
		}
		var names []ast.Expr
		switch tg := f.Target.(type) {
		case *ast.Ident:
			names = []ast.Expr{tg}
		case *ast.Tuple:
			names = tg.Elems
		default:
			return nil, false
		}
		var targets []ast.Expr
		for _, n := range names {
			id, ok := n.(*ast.Ident)
			if !ok || id == nil {
				return nil, false
			}
			delete(inner, id.Name) // the comprehension's own from here on
			delete(lw.unbound, id.Name)
			t := &ast.Ident{Pos: id.Pos, Name: id.Name}
			lw.c.kinds[t] = kindLocal
			targets = append(targets, t)
		}
		var target ast.Expr = targets[0]
		if len(targets) > 1 {
			target = &ast.Tuple{Pos: spanOf(f.Target), Elems: targets}
		}
		cf := &ast.CompFor{Pos: f.Pos, Target: target, Iter: iter}
		for _, c := range f.Ifs {
			cc, ok := lw.copyExpr(c, inner)
			if !ok {
				return nil, false
			}
			cf.Ifs = append(cf.Ifs, cc)
		}
		out.Fors = append(out.Fors, cf)
	}
	elt, ok := lw.copyExpr(e.Elt, inner)
	if !ok {
		return nil, false
	}
	out.Elt = elt
	return out, true
}

func (lw *lowering) copyExprs(es []ast.Expr, rename map[string]*ast.Ident) ([]ast.Expr, bool) {
	out := make([]ast.Expr, len(es))
	for i, e := range es {
		c, ok := lw.copyExpr(e, rename)
		if !ok {
			return nil, false
		}
		out[i] = c
	}
	return out, true
}

// boundNames returns the names a comprehension clause's target binds.
func boundNames(target ast.Expr) []string {
	var out []string
	switch tg := target.(type) {
	case *ast.Ident:
		if tg != nil {
			out = append(out, tg.Name)
		}
	case *ast.Tuple:
		for _, el := range tg.Elems {
			out = append(out, boundNames(el)...)
		}
	}
	return out
}
