package fallback

import "github.com/multilingualprogramming/multilingual/core/ast"

// This file answers the questions about Python scopes the generator asks:
// which names a block binds in its own scope, which it declares global or
// nonlocal, and which it reads when it runs.

// A bindKind says how a statement introduces a name into its scope.
type bindKind int

const (
	bindLocal    bindKind = iota // assigned, imported, defined, captured, deleted
	bindGlobal                   // named by a `global` statement
	bindNonlocal                 // named by a `nonlocal` statement
)

// walkBindings calls fn for each name that body binds or declares in its
// own scope: targets of assignments, for loops, with items, except
// clauses, imports, walrus expressions and match patterns, names of defs
// and classes, deleted names, names of global and nonlocal statements. It
// goes into nested blocks but not into nested scopes (def and class
// bodies, lambdas), nor into comprehensions except for their walrus
// targets, which bind in the enclosing scope.
func walkBindings(body []ast.Stmt, fn func(*ast.Ident, bindKind)) {
	for _, s := range body {
		stmtBindings(s, fn)
	}
}

func stmtBindings(s ast.Stmt, fn func(*ast.Ident, bindKind)) {
	local := func(id *ast.Ident) {
		if id != nil {
			fn(id, bindLocal)
		}
	}
	switch s := s.(type) {
	case *ast.FuncDef:
		if s != nil {
			exprsBindings(s.Decorators, fn)
			for _, p := range s.Params {
				if p != nil {
					exprBindings(p.Default, fn)
				}
			}
			local(s.Name)
		}
	case *ast.ClassDef:
		if s != nil {
			exprsBindings(s.Decorators, fn)
			exprsBindings(s.Bases, fn)
			local(s.Name)
		}
	case *ast.Assign:
		if s != nil {
			exprBindings(s.Value, fn)
			targetBindings(s.Target, fn)
			for _, t := range s.Chain {
				targetBindings(t, fn)
			}
		}
	case *ast.AugAssign:
		if s != nil {
			exprBindings(s.Value, fn)
			targetBindings(s.Target, fn)
		}
	case *ast.AnnAssign:
		if s != nil {
			exprBindings(s.Value, fn)
			targetBindings(s.Target, fn)
		}
	case *ast.ExprStmt:
		if s != nil {
			exprBindings(s.X, fn)
		}
	case *ast.Return:
		if s != nil {
			exprBindings(s.Value, fn)
		}
	case *ast.If:
		if s != nil {
			exprBindings(s.Cond, fn)
			walkBindings(s.Body, fn)
			walkBindings(s.Else, fn)
		}
	case *ast.While:
		if s != nil {
			exprBindings(s.Cond, fn)
			walkBindings(s.Body, fn)
			walkBindings(s.Else, fn)
		}
	case *ast.For:
		if s != nil {
			exprBindings(s.Iter, fn)
			targetBindings(s.Target, fn)
			walkBindings(s.Body, fn)
			walkBindings(s.Else, fn)
		}
	case *ast.With:
		if s != nil {
			for _, it := range s.Items {
				if it != nil {
					exprBindings(it.Context, fn)
					targetBindings(it.Target, fn)
				}
			}
			walkBindings(s.Body, fn)
		}
	case *ast.Try:
		if s != nil {
			walkBindings(s.Body, fn)
			for _, h := range s.Handlers {
				if h != nil {
					local(h.Name)
					walkBindings(h.Body, fn)
				}
			}
			walkBindings(s.Else, fn)
			walkBindings(s.Finally, fn)
		}
	case *ast.Import:
		if s != nil {
			for _, a := range s.Names {
				if a == nil {
					continue
				}
				if a.AsName != nil {
					local(a.AsName)
				} else if len(a.Path) > 0 {
					local(a.Path[0])
				}
			}
		}
	case *ast.ImportFrom:
		if s != nil {
			for _, a := range s.Names {
				if a == nil || len(a.Path) == 0 {
					continue
				}
				if a.AsName != nil {
					local(a.AsName)
				} else if a.Path[0].Name != "*" {
					local(a.Path[len(a.Path)-1])
				}
			}
		}
	case *ast.Delete:
		if s != nil {
			for _, t := range s.Targets {
				targetBindings(t, fn)
			}
		}
	case *ast.Global:
		if s != nil {
			for _, id := range s.Names {
				if id != nil {
					fn(id, bindGlobal)
				}
			}
		}
	case *ast.Nonlocal:
		if s != nil {
			for _, id := range s.Names {
				if id != nil {
					fn(id, bindNonlocal)
				}
			}
		}
	case *ast.Match:
		if s != nil {
			exprBindings(s.Subject, fn)
			for _, c := range s.Cases {
				if c != nil {
					patternBindings(c.Pattern, fn)
					exprBindings(c.Guard, fn)
					walkBindings(c.Body, fn)
				}
			}
		}
	case *ast.Raise:
		if s != nil {
			exprBindings(s.Exc, fn)
			exprBindings(s.Cause, fn)
		}
	case *ast.Assert:
		if s != nil {
			exprBindings(s.Cond, fn)
			exprBindings(s.Msg, fn)
		}
	}
}

// targetBindings reports the names an assignment target binds.
func targetBindings(t ast.Expr, fn func(*ast.Ident, bindKind)) {
	switch t := t.(type) {
	case *ast.Ident:
		if t != nil {
			fn(t, bindLocal)
		}
	case *ast.Tuple:
		if t != nil {
			for _, e := range t.Elems {
				targetBindings(e, fn)
			}
		}
	case *ast.ListLit:
		if t != nil {
			for _, e := range t.Elems {
				targetBindings(e, fn)
			}
		}
	case *ast.Starred:
		if t != nil {
			targetBindings(t.X, fn)
		}
	default:
		exprBindings(t, fn) // a[i := 0] = ... binds i
	}
}

func exprsBindings(es []ast.Expr, fn func(*ast.Ident, bindKind)) {
	for _, e := range es {
		exprBindings(e, fn)
	}
}

// exprBindings reports the targets of walrus expressions in e, including
// those inside comprehensions, but not inside lambdas.
func exprBindings(e ast.Expr, fn func(*ast.Ident, bindKind)) {
	if e == nil {
		return
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Lambda:
			for _, p := range n.Params {
				if p != nil {
					exprBindings(p.Default, fn)
				}
			}
			return false
		case *ast.NamedExpr:
			if n.Target != nil {
				fn(n.Target, bindLocal)
			}
		}
		return true
	})
}

// patternBindings reports the capture names of a match pattern.
func patternBindings(p ast.Pattern, fn func(*ast.Ident, bindKind)) {
	ast.Inspect(p, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.MatchAs:
			if n.Name != nil {
				fn(n.Name, bindLocal)
			}
			patternBindings(n.Pattern, fn)
			return false
		case *ast.MatchStar:
			if n.Name != nil {
				fn(n.Name, bindLocal)
			}
			return false
		case *ast.MatchMapping:
			for _, q := range n.Patterns {
				patternBindings(q, fn)
			}
			if n.Rest != nil {
				fn(n.Rest, bindLocal)
			}
			return false
		case *ast.MatchClass:
			for _, q := range n.Patterns {
				patternBindings(q, fn)
			}
			for _, q := range n.KwdPatterns {
				patternBindings(q, fn)
			}
			return false
		case *ast.MatchValue, *ast.MatchSingleton:
			return false
		}
		return true
	})
}

// walkReads calls fn for each name that running n reads in the scope it
// runs in: every name in a load position of its expressions, of nested
// blocks, of a class body (which runs when the class is defined), of
// decorators and default values, but not of def and lambda bodies (they
// run when called), annotations (never evaluated under `from __future__
// import annotations`), attribute names and keyword names. Targets count
// as reads when they are not plain names (a[i] = v reads a and i).
// Over-reporting is harmless: the callers use the result to decide that a
// statement waits for the program's actions.
func walkReads(n ast.Node, fn func(*ast.Ident)) {
	var visit func(ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			fn(n)
		case *ast.TypeExpr, *ast.Global, *ast.Nonlocal, *ast.Import, *ast.ImportFrom:
			return false
		case *ast.Attribute:
			ast.Inspect(n.X, visit)
			return false
		case *ast.Keyword:
			ast.Inspect(n.Value, visit)
			return false
		case *ast.Lambda:
			for _, p := range n.Params {
				if p != nil {
					ast.Inspect(p.Default, visit)
				}
			}
			return false
		case *ast.FuncDef:
			for _, d := range n.Decorators {
				ast.Inspect(d, visit)
			}
			for _, p := range n.Params {
				if p != nil {
					ast.Inspect(p.Default, visit)
				}
			}
			return false
		case *ast.ClassDef:
			for _, d := range n.Decorators {
				ast.Inspect(d, visit)
			}
			for _, b := range n.Bases {
				ast.Inspect(b, visit)
			}
			for _, k := range n.Keywords {
				ast.Inspect(k, visit)
			}
			for _, s := range n.Body {
				ast.Inspect(s, visit)
			}
			return false
		case *ast.Assign:
			readTarget(n.Target, visit)
			for _, t := range n.Chain {
				readTarget(t, visit)
			}
			ast.Inspect(n.Value, visit)
			return false
		case *ast.AnnAssign:
			readTarget(n.Target, visit)
			ast.Inspect(n.Value, visit)
			return false
		case *ast.For:
			readTarget(n.Target, visit)
			ast.Inspect(n.Iter, visit)
			for _, s := range n.Body {
				ast.Inspect(s, visit)
			}
			for _, s := range n.Else {
				ast.Inspect(s, visit)
			}
			return false
		case *ast.MatchClass:
			ast.Inspect(n.Cls, visit)
			for _, p := range n.Patterns {
				ast.Inspect(p, visit)
			}
			for _, p := range n.KwdPatterns {
				ast.Inspect(p, visit)
			}
			return false
		}
		return true
	}
	ast.Inspect(n, visit)
}

// readTarget visits what an assignment target reads: nothing for a name,
// the object and index of a subscription, the object of an attribute.
func readTarget(t ast.Expr, visit func(ast.Node) bool) {
	switch t := t.(type) {
	case *ast.Ident:
	case *ast.Tuple:
		for _, e := range t.Elems {
			readTarget(e, visit)
		}
	case *ast.ListLit:
		for _, e := range t.Elems {
			readTarget(e, visit)
		}
	case *ast.Starred:
		readTarget(t.X, visit)
	default:
		ast.Inspect(t, visit)
	}
}

// callsNothing reports whether evaluating e runs no code of the program
// nor of a library beyond the operators' own: no call, no comprehension,
// no await, no yield, no walrus. A lambda is fine (its body does not run),
// but its default values are evaluated.
func callsNothing(e ast.Expr) bool {
	ok := true
	var visit func(ast.Node) bool
	visit = func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.Call, *ast.Comp, *ast.Await, *ast.Yield, *ast.YieldFrom, *ast.NamedExpr:
			ok = false
			return false
		case *ast.Lambda:
			for _, p := range n.Params {
				if p != nil {
					ast.Inspect(p.Default, visit)
				}
			}
			return false
		}
		return true
	}
	ast.Inspect(e, visit)
	return ok
}

// nameTarget reports whether t assigns names only: a name, or a tuple or
// list of them, possibly starred.
func nameTarget(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.Ident:
		return t != nil
	case *ast.Tuple:
		if t == nil {
			return false
		}
		for _, e := range t.Elems {
			if !nameTarget(e) {
				return false
			}
		}
		return true
	case *ast.ListLit:
		if t == nil {
			return false
		}
		for _, e := range t.Elems {
			if !nameTarget(e) {
				return false
			}
		}
		return true
	case *ast.Starred:
		return t != nil && nameTarget(t.X)
	}
	return false
}

// walkMutated calls fn for the names whose objects statement s visibly
// changes: the root name of a subscription or attribute target of an
// assignment, augmented assignment or del, and the root name of the
// object of a method call, in s and its nested blocks (not in defs or
// classes).
func walkMutated(s ast.Stmt, fn func(*ast.Ident)) {
	var root func(e ast.Expr)
	root = func(e ast.Expr) {
		switch e := e.(type) {
		case *ast.Ident:
			if e != nil {
				fn(e)
			}
		case *ast.Index:
			if e != nil {
				root(e.X)
			}
		case *ast.Attribute:
			if e != nil {
				root(e.X)
			}
		case *ast.Call:
			if e != nil {
				root(e.Func)
			}
		}
	}
	var target func(t ast.Expr)
	target = func(t ast.Expr) {
		switch t := t.(type) {
		case *ast.Index, *ast.Attribute:
			root(t)
		case *ast.Tuple:
			for _, e := range t.Elems {
				target(e)
			}
		case *ast.ListLit:
			for _, e := range t.Elems {
				target(e)
			}
		case *ast.Starred:
			target(t.X)
		}
	}
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDef, *ast.ClassDef, *ast.Lambda:
			return false
		case *ast.Assign:
			target(n.Target)
			for _, t := range n.Chain {
				target(t)
			}
		case *ast.AugAssign:
			target(n.Target)
		case *ast.Delete:
			for _, t := range n.Targets {
				target(t)
			}
		case *ast.Call:
			if a, ok := n.Func.(*ast.Attribute); ok && a != nil {
				root(a.X)
			}
		}
		return true
	})
}
