package check

import (
	"fmt"
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// Before a top-level function's body is checked against the compiled
// subset and typed, lower rewrites six common forms that the subset
// does not hold into statements it does, with CPython's order of
// evaluation and assignment, so that the inference, the analyses of
// core/wasmgen/plan and the generator only ever see plain assignments and
// loops over one name:
//
//   - `a, b = e1, e2` (names and elements x[i], as many targets as values,
//     none starred): `t1 = e1; t2 = e2; a = t1; b = t2`. CPython
//     evaluates every value, then assigns the targets left to right,
//     evaluating each target's subscript right before its store, as the
//     rewritten statements do (`x[i], x[j] = x[j], x[i]` swaps).
//   - `a, b = f(args)`, f a top-level function: `t = f(args); a = t[0];
//     b = t[1]` (unpackCall), compiled when f returns a tuple of as many
//     values;
//   - `for i, x in enumerate(xs)` (and `enumerate(xs, START)` with an int
//     literal START): `n = START; for t in xs: i = n; n = n + 1; x = t; ...`.
//   - `r = [E for x in A if C]` and `return [...]`: a loop that appends to
//     a new list (lowercomp.go); sum, any, all, min and max of a
//     comprehension or a generator, as a whole value or an if's condition
//     (lowerreduce.go);
//   - `for x in reversed(A)`: a loop down the indexes of A (reversed);
//   - `for x, y in zip(a, b)` (one target per argument):
//     `tb = b; n = 0; for t in a: if n >= len(tb): break; x = t; y = tb[n];
//     n = n + 1; ...`. zip takes an element of a, then finds b exhausted
//     and stops without assigning, as the rewritten loop does. When an
//     argument is not a name, a is bound first too (`ta = a; tb = b; for
//     t in ta`), keeping CPython's order of evaluation.
//
// The temporaries are locals whose names hold a '.', which no identifier
// of the program can. The function's Decl is then the rewritten copy, and
// Source the function as written (which the Python fallback writes); a
// function with none of these forms keeps its declaration. A builtin
// enumerate or zip is recognized as the checker resolved it (a name the
// program binds is not the builtin), and none is rewritten under a
// module-level star import, which may rebind them.
type lowering struct {
	c *checker
	n int // temporaries made so far in the function
	// unbound holds, while a comprehension is copied, the names its
	// clauses bind that are not bound yet where the copy is: a read of one
	// raises UnboundLocalError in CPython (the names are the
	// comprehension's own throughout), so such a comprehension is not
	// rewritten (lowercomp.go).
	unbound map[string]bool
}

// lower returns d's lowered copy, or d itself when it has nothing to
// lower.
func (c *checker) lower(d *ast.FuncDef) *ast.FuncDef {
	lw := &lowering{c: c}
	body, changed := lw.stmts(d.Body)
	if !changed {
		return d
	}
	low := *d
	low.Body = body
	return &low
}

// stmts lowers a statement list; changed says whether anything was.
func (lw *lowering) stmts(body []ast.Stmt) ([]ast.Stmt, bool) {
	var out []ast.Stmt
	changed := false
	for i, s := range body {
		repl, ok := lw.stmt(s)
		if ok && !changed {
			changed = true
			out = append(make([]ast.Stmt, 0, len(body)+len(repl)), body[:i]...)
		}
		if changed {
			if ok {
				out = append(out, repl...)
			} else {
				out = append(out, s)
			}
		}
	}
	if !changed {
		return body, false
	}
	return out, true
}

// stmt returns the statements that replace s, and whether s is replaced.
func (lw *lowering) stmt(s ast.Stmt) ([]ast.Stmt, bool) {
	switch s := s.(type) {
	case *ast.Assign:
		if len(s.Chain) == 0 && s.Decl == ast.DeclNone && !isNil(s.Value) {
			if pre, v, ok := lw.hoistValue(s.Value); ok { // lowerreduce.go
				return append(pre, &ast.Assign{Target: s.Target, Value: v}), true
			}
		}
		return lw.unpack(s)
	case *ast.AugAssign:
		if _, name := s.Target.(*ast.Ident); name && !isNil(s.Value) {
			if pre, v, ok := lw.hoistValue(s.Value); ok {
				n := *s
				n.Value = v
				return append(pre, &n), true
			}
		}
		return nil, false
	case *ast.Return:
		if !isNil(s.Value) {
			if pre, v, ok := lw.hoistValue(s.Value); ok {
				return append(pre, &ast.Return{Pos: s.Pos, Value: v}), true
			}
		}
		return nil, false
	case *ast.ExprStmt:
		// xs.append(sep.join(E for x in ys)) and the like (lowerreduce.go)
		if c, ok := s.X.(*ast.Call); ok {
			if _, method := c.Func.(*ast.Attribute); method {
				if pre, v, ok := lw.hoistValue(c); ok {
					return append(pre, &ast.ExprStmt{X: v}), true
				}
			}
		}
		return nil, false
	case *ast.If:
		var pre []ast.Stmt
		var cond ast.Expr
		c := false
		if !isNil(s.Cond) {
			pre, cond, c = lw.hoistValue(s.Cond) // lowerreduce.go
		}
		body, b := lw.stmts(s.Body)
		els, e := lw.stmts(s.Else)
		if !b && !e && !c {
			return nil, false
		}
		n := *s
		n.Body, n.Else = body, els
		if c {
			n.Cond = cond
		}
		return append(pre, &n), true
	case *ast.While:
		return lw.inBody(s.Body, func(body []ast.Stmt) ast.Stmt { n := *s; n.Body = body; return &n })
	case *ast.For:
		if !s.Async && s.Else == nil { // the rewritten loops end some turns by break, which skips an else
			for _, over := range []func(*ast.For) ([]ast.Stmt, bool){lw.enumerate, lw.zip, lw.reversed} {
				if repl, ok := over(s); ok {
					return repl, true
				}
			}
		}
		return lw.inBody(s.Body, func(body []ast.Stmt) ast.Stmt { n := *s; n.Body = body; return &n })
	}
	return nil, false
}

// inBody lowers a loop's body; when anything in it is, the loop is
// replaced by its copy with the lowered body (made by with).
func (lw *lowering) inBody(body []ast.Stmt, with func([]ast.Stmt) ast.Stmt) ([]ast.Stmt, bool) {
	low, changed := lw.stmts(body)
	if !changed {
		return nil, false
	}
	return []ast.Stmt{with(low)}, true
}

// temp returns a new temporary local of the function, with the position
// sp and a role in its name ("unpack", "enumerate", "zip").
func (lw *lowering) temp(role string, sp source.Span) *ast.Ident {
	lw.n++
	id := &ast.Ident{Pos: sp, Name: fmt.Sprintf("%s.%d", role, lw.n)}
	lw.c.kinds[id] = kindLocal
	return id
}

// read returns a new read of temporary t.
func (lw *lowering) read(t *ast.Ident) *ast.Ident {
	id := &ast.Ident{Pos: t.Pos, Name: t.Name}
	lw.c.kinds[id] = kindLocal
	return id
}

// elems returns the elements of a tuple or list display.
func elems(e ast.Expr) ([]ast.Expr, bool) {
	switch e := e.(type) {
	case *ast.Tuple:
		return e.Elems, true
	case *ast.ListLit:
		return e.Elems, true
	}
	return nil, false
}

// unpack lowers `a, b = e1, e2`.
func (lw *lowering) unpack(s *ast.Assign) ([]ast.Stmt, bool) {
	if len(s.Chain) > 0 || s.Decl != ast.DeclNone {
		return nil, false
	}
	targets, ok1 := elems(s.Target)
	if call, ok := s.Value.(*ast.Call); ok && ok1 {
		return lw.unpackCall(targets, call)
	}
	values, ok2 := elems(s.Value)
	if !ok1 || !ok2 || len(targets) != len(values) || !plainTargets(targets) {
		return nil, false
	}
	for _, v := range values {
		if _, starred := v.(*ast.Starred); starred || isNil(v) {
			return nil, false
		}
	}
	temps := make([]*ast.Ident, len(values))
	out := make([]ast.Stmt, 0, 2*len(values))
	for i, v := range values {
		temps[i] = lw.temp("unpack", spanOf(v))
		out = append(out, &ast.Assign{Target: temps[i], Value: v})
	}
	for i, t := range targets {
		out = append(out, &ast.Assign{Target: t, Value: lw.read(temps[i])})
	}
	return out, true
}

// plainTargets reports whether an unpacking's targets are two or more
// names and elements x[i] (none nested, starred or an attribute).
func plainTargets(targets []ast.Expr) bool {
	if len(targets) < 2 {
		return false
	}
	for _, t := range targets {
		switch t.(type) {
		case *ast.Ident, *ast.Index:
		default:
			return false
		}
	}
	return true
}

// unpackCall lowers `a, b = f(args)`, f a top-level function of the
// program, into `t = f(args); a = t[0]; b = t[1]`: CPython evaluates the
// call, then assigns the targets left to right (a subscript evaluated
// right before its store), as the rewritten statements do. The inference
// compiles it only when f returns a tuple of as many values as there are
// targets (then CPython's unpacking cannot fail), the temporary holding
// the tuple's values (check.Tuple, a compiled function's result).
func (lw *lowering) unpackCall(targets []ast.Expr, call *ast.Call) ([]ast.Stmt, bool) {
	id, ok := call.Func.(*ast.Ident)
	if !ok || lw.c.kinds[id] != kindFunc || len(call.Keywords) > 0 || !plainTargets(targets) {
		return nil, false
	}
	for _, a := range call.Args {
		if _, starred := a.(*ast.Starred); starred || isNil(a) {
			return nil, false
		}
	}
	sp := spanOf(call)
	tup := lw.temp("tuple", sp)
	if lw.c.unpacks == nil {
		lw.c.unpacks = map[*ast.Call]int{}
	}
	lw.c.unpacks[call] = len(targets)
	out := []ast.Stmt{&ast.Assign{Target: tup, Value: call}}
	for i, t := range targets {
		k := &ast.IntLit{Pos: sp, Text: strconv.Itoa(i)}
		out = append(out, &ast.Assign{Target: t, Value: &ast.Index{X: lw.read(tup), Index: k, Rbracket: sp.End}})
	}
	return out, true
}

// builtinCall returns the arguments of a call of builtin name with
// positional arguments only, when e is one.
func (lw *lowering) builtinCall(e ast.Expr, name string) ([]ast.Expr, bool) {
	call, ok := e.(*ast.Call)
	if !ok || len(call.Keywords) > 0 || lw.c.star.Start.IsValid() {
		return nil, false
	}
	id, ok := call.Func.(*ast.Ident)
	if !ok || lw.c.kinds[id] != kindBuiltin || lw.c.info.Builtins[id] != name {
		return nil, false
	}
	for _, a := range call.Args {
		if _, starred := a.(*ast.Starred); starred || isNil(a) {
			return nil, false
		}
	}
	return call.Args, true
}

// targetNames returns the targets of a for loop over tuples, when each is a
// name and there are n of them.
func targetNames(target ast.Expr, n int) ([]*ast.Ident, bool) {
	ts, ok := elems(target)
	if !ok || len(ts) != n {
		return nil, false
	}
	out := make([]*ast.Ident, n)
	for i, t := range ts {
		id, ok := t.(*ast.Ident)
		if !ok || id == nil {
			return nil, false
		}
		out[i] = id
	}
	return out, true
}

// intLiteral reports whether e is an int literal, or - before one.
func intLiteral(e ast.Expr) bool {
	if u, ok := e.(*ast.Unary); ok && u.Op == ast.OpNeg {
		e = u.X
	}
	_, ok := e.(*ast.IntLit)
	return ok
}

// loopBody lowers a loop's own body and puts the statements that bind the
// loop's targets first.
func (lw *lowering) loopBody(first []ast.Stmt, body []ast.Stmt) []ast.Stmt {
	rest, _ := lw.stmts(body)
	return append(first, rest...)
}

// callBuiltin returns a call of the builtin name (its canonical English
// name: "len", "range") at sp.
func (lw *lowering) callBuiltin(name string, sp source.Span, args ...ast.Expr) ast.Expr {
	id := &ast.Ident{Pos: sp, Name: name}
	lw.c.kinds[id] = kindBuiltin
	lw.c.info.Builtins[id] = name
	return &ast.Call{Func: id, Args: args, Rparen: sp.End}
}

// breakPast returns `if index >= len(seq): break`, the test of a loop
// that stops where an iterator of seq finds it exhausted.
func (lw *lowering) breakPast(index, seq *ast.Ident, sp source.Span) ast.Stmt {
	past := &ast.Compare{Operands: []ast.Expr{lw.read(index), lw.callBuiltin("len", sp, lw.read(seq))},
		Ops: []ast.CmpOp{ast.CmpGe}, OpPos: []source.Span{sp}}
	return &ast.If{Pos: sp, Cond: past, Body: []ast.Stmt{&ast.Break{Pos: sp}}}
}

// increment returns `t = t + 1`.
func (lw *lowering) increment(t *ast.Ident) ast.Stmt {
	one := &ast.IntLit{Pos: t.Pos, Text: "1"}
	return &ast.Assign{Target: lw.read(t), Value: &ast.Binary{X: lw.read(t), Op: ast.OpAdd, OpPos: t.Pos, Y: one}}
}

// enumerate lowers `for i, x in enumerate(xs[, START]):`.
func (lw *lowering) enumerate(s *ast.For) ([]ast.Stmt, bool) {
	args, ok := lw.builtinCall(s.Iter, "enumerate")
	if !ok || len(args) < 1 || len(args) > 2 || (len(args) == 2 && !intLiteral(args[1])) {
		return nil, false
	}
	tg, ok := targetNames(s.Target, 2)
	if !ok {
		return nil, false
	}
	var start ast.Expr = &ast.IntLit{Pos: spanOf(s.Iter), Text: "0"}
	if len(args) == 2 {
		start = args[1]
	}
	count := lw.temp("enumerate", spanOf(s.Iter))
	item := lw.temp("enumerate", spanOf(s.Target))
	first := []ast.Stmt{
		&ast.Assign{Target: tg[0], Value: lw.read(count)},
		lw.increment(count),
		&ast.Assign{Target: tg[1], Value: lw.read(item)},
	}
	loop := &ast.For{Pos: s.Pos, Target: item, Iter: args[0], Body: lw.loopBody(first, s.Body)}
	return []ast.Stmt{&ast.Assign{Target: count, Value: start}, loop}, true
}

// zip lowers `for x, y in zip(a, b, ...):`.
func (lw *lowering) zip(s *ast.For) ([]ast.Stmt, bool) {
	args, ok := lw.builtinCall(s.Iter, "zip")
	if !ok || len(args) < 2 {
		return nil, false
	}
	tg, ok := targetNames(s.Target, len(args))
	if !ok {
		return nil, false
	}
	sp := spanOf(s.Iter)
	var out []ast.Stmt
	iter := args[0]
	for _, a := range args {
		// CPython evaluates the arguments in order, then the loop runs: the
		// others are bound before the loop, so an argument other than a
		// name binds the first one before them too
		if _, name := a.(*ast.Ident); !name {
			t := lw.temp("zip", spanOf(args[0]))
			out = append(out, &ast.Assign{Target: t, Value: args[0]})
			iter = lw.read(t)
			break
		}
	}
	others := make([]*ast.Ident, len(args))
	for i := 1; i < len(args); i++ {
		others[i] = lw.temp("zip", spanOf(args[i]))
		out = append(out, &ast.Assign{Target: others[i], Value: args[i]})
	}
	index := lw.temp("zip", sp)
	item := lw.temp("zip", spanOf(s.Target))
	out = append(out, &ast.Assign{Target: index, Value: &ast.IntLit{Pos: sp, Text: "0"}})
	var first []ast.Stmt
	for i := 1; i < len(args); i++ {
		first = append(first, lw.breakPast(index, others[i], sp))
	}
	first = append(first, &ast.Assign{Target: tg[0], Value: lw.read(item)})
	for i := 1; i < len(args); i++ {
		first = append(first, &ast.Assign{Target: tg[i], Value: &ast.Index{X: lw.read(others[i]), Index: lw.read(index), Rbracket: sp.End}})
	}
	first = append(first, lw.increment(index))
	loop := &ast.For{Pos: s.Pos, Target: item, Iter: iter, Body: lw.loopBody(first, s.Body)}
	out, _ = lw.stmts(out) // an argument that is a comprehension, list(...)
	return append(out, loop), true
}

// reversed lowers `for x in reversed(A):` over a list or str A:
//
//	t = A
//	for n in range(len(t) - 1, -1, -1):
//	    if n >= len(t):
//	        break
//	    x = t[n]
//	    ...
//
// CPython's reverse iterator starts at the last index when reversed() is
// called and stops at the first index below 0 or past the end of the
// sequence (a list may shrink meanwhile), as the rewritten loop does. A
// builtin reversed of anything else (a range, a dict) is typed by the
// inference as any other call: its indexing or len() keeps the function
// in Python.
func (lw *lowering) reversed(s *ast.For) ([]ast.Stmt, bool) {
	if s.Var() == nil {
		return nil, false
	}
	args, ok := lw.builtinCall(s.Iter, "reversed")
	if !ok || len(args) != 1 {
		return nil, false
	}
	sp := spanOf(s.Iter)
	seq := lw.temp("reversed", sp)
	index := lw.temp("reversed", sp)
	one := func() ast.Expr { return &ast.IntLit{Pos: sp, Text: "1"} }
	minusOne := func() ast.Expr { return &ast.Unary{Op: ast.OpNeg, OpPos: sp, X: one()} }
	start := &ast.Binary{X: lw.callBuiltin("len", sp, lw.read(seq)), Op: ast.OpSub, OpPos: sp, Y: one()}
	first := []ast.Stmt{
		lw.breakPast(index, seq, sp),
		&ast.Assign{Target: s.Var(), Value: &ast.Index{X: lw.read(seq), Index: lw.read(index), Rbracket: sp.End}},
	}
	loop := &ast.For{Pos: s.Pos, Target: index, Iter: lw.callBuiltin("range", sp, start, minusOne(), minusOne()),
		Body: lw.loopBody(first, s.Body)}
	return []ast.Stmt{&ast.Assign{Target: seq, Value: args[0]}, loop}, true
}
