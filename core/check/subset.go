package check

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// The compiled subset, syntactically. Before a top-level function's body
// is typed, outsideSubset looks for the first construct core/wasmgen has
// no translation for; a function using one is Python-only, with a reason
// naming the line and the construct ("line 4: uses a dict display"), and
// its body is not typed at all, so the inference and the generator only
// ever see these forms:
//
//   - statements: `name = e` and `x[i] = e` (one target, `let` and
//     `const` allowed), `name op= e` and `x[i] op= e`, expression
//     statements, if/elif/else, while and `for name in e` without an else
//     branch, break, continue, pass, return, assert, raise (its operands
//     are not compiled: see core/wasmgen's stmt);
//   - expressions: names, int, float, str, bool and None literals, list
//     displays, the arithmetic and bitwise operators except @, unary
//     operators, and/or, conditional expressions, comparisons, calls with positional arguments
//     only, `x.name` (compiled only as a list method call), and `x[i]`
//     without slices.
//
// Tuple assignments of names and elements (`a, b = b, a % b`) and loops
// over enumerate() and zip() reach this check already rewritten into
// these forms (lower.go). Whether the types of these forms compile is the
// inference's business.

// outsideSubset returns the position and description of the first
// construct of d's body outside the subset; ok is false when there is none.
func outsideSubset(d *ast.FuncDef) (sp source.Span, what string, ok bool) {
	s := &subset{}
	s.stmts(d.Body)
	return s.sp, s.what, s.found
}

type subset struct {
	found bool
	sp    source.Span
	what  string
}

func (s *subset) fail(n ast.Node, format string, args ...any) {
	if s.found {
		return
	}
	s.found, s.sp, s.what = true, spanOf(n), fmt.Sprintf(format, args...)
}

func (s *subset) stmts(body []ast.Stmt) {
	for _, st := range body {
		if s.found {
			return
		}
		s.stmt(st)
	}
}

func (s *subset) stmt(st ast.Stmt) {
	if isNil(st) {
		s.fail(nil, "has a missing statement")
		return
	}
	switch st := st.(type) {
	case *ast.Assign:
		if len(st.Chain) > 0 {
			s.fail(st.Chain[0], "uses a chained assignment (a = b = ...)")
			return
		}
		s.target(st.Target)
		s.expr(st.Value)
	case *ast.AugAssign:
		s.target(st.Target)
		s.expr(st.Value)
	case *ast.ExprStmt:
		s.expr(st.X)
	case *ast.If:
		s.expr(st.Cond)
		s.stmts(st.Body)
		s.stmts(st.Else)
	case *ast.While:
		if st.Else != nil {
			s.fail(st, "uses a while loop with an else branch")
			return
		}
		s.expr(st.Cond)
		s.stmts(st.Body)
	case *ast.For:
		switch {
		case st.Async:
			s.fail(st, "uses an async for loop")
		case st.Else != nil:
			s.fail(st, "uses a for loop with an else branch")
		case st.Var() == nil:
			s.fail(st.Target, "uses a for loop whose target is not a single name")
		}
		s.expr(st.Iter)
		s.stmts(st.Body)
	case *ast.Break, *ast.Continue, *ast.Pass:
	case *ast.Raise:
		// compiled as a trap that makes AUTO re-run the call in Python,
		// which raises the exception: its operands are not compiled
	case *ast.Return:
		if tup, ok := st.Value.(*ast.Tuple); ok && tup != nil {
			// `return a, b`: compiled when the function returns a tuple of
			// scalars (infer.go, retTuple)
			s.exprs(tup.Elems)
		} else if !isNil(st.Value) {
			s.expr(st.Value)
		}
	case *ast.Assert:
		s.expr(st.Cond)
		if !isNil(st.Msg) {
			s.expr(st.Msg)
		}
	case *ast.FuncDef:
		name := "?"
		if st.Name != nil {
			name = st.Name.Name
		}
		s.fail(st, "defines a nested function '%s'", name)
	case *ast.ClassDef:
		name := "?"
		if st.Name != nil {
			name = st.Name.Name
		}
		s.fail(st, "defines a class '%s'", name)
	default:
		s.fail(st, "uses %s", stmtWhat(st))
	}
}

// stmtWhat describes a statement outside the subset.
func stmtWhat(st ast.Stmt) string {
	switch st := st.(type) {
	case *ast.Global:
		return "a global statement"
	case *ast.Nonlocal:
		return "a nonlocal statement"
	case *ast.AnnAssign:
		return "an annotated assignment (x: T = v)"
	case *ast.Delete:
		return "a del statement"
	case *ast.Raise:
		return "a raise statement"
	case *ast.Try:
		if st.Star {
			return "a try statement with except*"
		}
		return "a try statement"
	case *ast.With:
		if st.Async {
			return "an async with statement"
		}
		return "a with statement"
	case *ast.Import, *ast.ImportFrom:
		return "an import"
	case *ast.Match:
		return "a match statement"
	}
	return "a statement the compiler does not know"
}

// target checks an assignment target: a name or an element x[i].
func (s *subset) target(e ast.Expr) {
	switch t := e.(type) {
	case *ast.Ident:
		if t == nil {
			s.fail(nil, "has a missing assignment target")
		}
	case *ast.Index:
		s.expr(t)
	case *ast.Attribute:
		s.fail(e, "assigns to an attribute")
	case *ast.Tuple, *ast.ListLit, *ast.Starred:
		s.fail(e, "unpacks a value into several targets")
	default:
		s.fail(e, "assigns to %s", exprWhat(e))
	}
}

func (s *subset) exprs(es []ast.Expr) {
	for _, e := range es {
		s.expr(e)
	}
}

func (s *subset) expr(e ast.Expr) {
	if s.found {
		return
	}
	if isNil(e) {
		s.fail(nil, "has a missing expression")
		return
	}
	switch e := e.(type) {
	case *ast.Ident, *ast.IntLit, *ast.FloatLit, *ast.StrLit, *ast.BoolLit, *ast.NoneLit:
	case *ast.ListLit:
		s.exprs(e.Elems)
	case *ast.Binary:
		if e.Op == ast.OpMatMul {
			s.fail(e, "uses the operator @")
			return
		}
		s.expr(e.X)
		s.expr(e.Y)
	case *ast.Unary:
		s.expr(e.X)
	case *ast.Logic:
		s.expr(e.X)
		s.expr(e.Y)
	case *ast.IfExp:
		s.expr(e.Body)
		s.expr(e.Cond)
		s.expr(e.Else)
	case *ast.Compare:
		if len(e.Operands) != len(e.Ops)+1 {
			s.fail(e, "has a malformed comparison")
			return
		}
		s.exprs(e.Operands)
	case *ast.Call:
		if len(e.Keywords) == 1 && !isNil(e.Keywords[0]) && e.Keywords[0].Name != nil &&
			e.Keywords[0].Name.Name == "reverse" {
			if _, lit := e.Keywords[0].Value.(*ast.BoolLit); lit {
				// sorted(xs, reverse=True), xs.sort(reverse=False): the
				// inference allows it for those two only (SortReverse)
				s.expr(e.Func)
				s.exprs(e.Args)
				return
			}
		}
		if len(e.Keywords) > 0 {
			k := e.Keywords[0]
			if !isNil(k) && k.Name == nil {
				s.fail(k, "unpacks keyword arguments with **")
			} else {
				s.fail(k, "passes keyword arguments")
			}
			return
		}
		s.expr(e.Func)
		s.exprs(e.Args)
	case *ast.Attribute:
		if e.Name == nil {
			s.fail(e, "has a malformed attribute")
			return
		}
		s.expr(e.X)
	case *ast.Index:
		switch ix := e.Index.(type) {
		case *ast.Slice:
			// x[lo:hi:step]: its parts are typed (lists.go, slice)
			s.expr(e.X)
			for _, part := range []ast.Expr{ix.Lo, ix.Hi, ix.Step} {
				if !isNil(part) {
					s.expr(part)
				}
			}
			return
		case *ast.Tuple:
			s.fail(e.Index, "indexes with several subscripts")
			return
		}
		s.expr(e.X)
		s.expr(e.Index)
	case *ast.FString:
		// f"...{x}...": plain fields only (strings.go, fstring)
		for _, part := range e.Parts {
			switch part := part.(type) {
			case *ast.StrLit:
			case *ast.FormattedValue:
				if part.Conv != 0 && part.Conv != 's' || part.Spec != nil || part.Debug != "" {
					s.fail(e, "uses an f-string field with a conversion, a format spec or =")
					return
				}
				s.expr(part.X)
			default:
				s.fail(e, "uses an f-string")
				return
			}
		}
	default:
		s.fail(e, "uses %s", exprWhat(e))
	}
}

// exprWhat describes an expression outside the subset, in plain English.
func exprWhat(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Tuple:
		return "a tuple"
	case *ast.Dict:
		return "a dict display"
	case *ast.Set:
		return "a set display"
	case *ast.Starred:
		return "a starred expression (*x)"
	case *ast.Slice:
		return "a slice"
	case *ast.Lambda:
		return "a lambda"
	case *ast.IfExp:
		return "a conditional expression (x if c else y)"
	case *ast.NamedExpr:
		return "an assignment expression (:=)"
	case *ast.Comp:
		switch e.Kind {
		case ast.SetComp:
			return "a set comprehension"
		case ast.DictComp:
			return "a dict comprehension"
		case ast.GenExp:
			return "a generator expression"
		}
		return "a list comprehension"
	case *ast.Yield:
		return "yield (the function is a generator)"
	case *ast.YieldFrom:
		return "yield from (the function is a generator)"
	case *ast.Await:
		return "await"
	case *ast.FString:
		return "an f-string"
	case *ast.FormattedValue:
		return "an f-string field"
	case *ast.BytesLit:
		return "a bytes literal"
	case *ast.ImagLit:
		return "an imaginary literal"
	case *ast.Ellipsis:
		return "the ellipsis (...)"
	case *ast.Call:
		return "a function call"
	case *ast.IntLit, *ast.FloatLit, *ast.StrLit, *ast.BoolLit, *ast.NoneLit:
		return "a literal"
	}
	return "an expression the compiler does not know"
}
