package ast

import "reflect"

// Inspect calls f(n), then, when f returns true, inspects each child of n
// in source order: the way go/ast.Inspect walks Go syntax. Nil children,
// including typed nil pointers in a partial tree, are skipped, so Inspect
// is safe on whatever the parser returned alongside its errors.
//
// Children, by node: a FuncDef's name, parameters, result type and body; a
// Param's name and type; a TypeExpr's name and arguments; the condition,
// body and else branch of an If; the target, iterable and body of a For;
// an Attribute's object and then its name; every other node's
// sub-expressions and sub-statements as they appear in the source.
func Inspect(n Node, f func(Node) bool) {
	if isNil(n) || !f(n) {
		return
	}
	switch n := n.(type) {
	case *FuncDef:
		inspectExprs(n.Decorators, f)
		Inspect(n.Name, f)
		for _, p := range n.Params {
			Inspect(p, f)
		}
		Inspect(n.Result, f)
		InspectStmts(n.Body, f)
	case *Param:
		Inspect(n.Name, f)
		Inspect(n.Type, f)
		Inspect(n.Default, f)
	case *TypeExpr:
		if n.Name == nil {
			Inspect(n.X, f)
			break
		}
		Inspect(n.Name, f)
		for _, a := range n.Args {
			Inspect(a, f)
		}
	case *If:
		Inspect(n.Cond, f)
		InspectStmts(n.Body, f)
		InspectStmts(n.Else, f)
	case *While:
		Inspect(n.Cond, f)
		InspectStmts(n.Body, f)
		InspectStmts(n.Else, f)
	case *For:
		Inspect(n.Target, f)
		Inspect(n.Iter, f)
		InspectStmts(n.Body, f)
		InspectStmts(n.Else, f)
	case *Return:
		Inspect(n.Value, f)
	case *Assign:
		Inspect(n.Target, f)
		inspectExprs(n.Chain, f)
		Inspect(n.Value, f)
	case *AugAssign:
		Inspect(n.Target, f)
		Inspect(n.Value, f)
	case *AnnAssign:
		Inspect(n.Target, f)
		Inspect(n.Annot, f)
		Inspect(n.Value, f)
	case *ExprStmt:
		Inspect(n.X, f)
	case *Assert:
		Inspect(n.Cond, f)
		Inspect(n.Msg, f)
	case *Global:
		for _, id := range n.Names {
			Inspect(id, f)
		}
	case *Nonlocal:
		for _, id := range n.Names {
			Inspect(id, f)
		}
	case *ClassDef:
		inspectExprs(n.Decorators, f)
		Inspect(n.Name, f)
		inspectExprs(n.Bases, f)
		for _, k := range n.Keywords {
			Inspect(k, f)
		}
		InspectStmts(n.Body, f)
	case *Delete:
		inspectExprs(n.Targets, f)
	case *Raise:
		Inspect(n.Exc, f)
		Inspect(n.Cause, f)
	case *Try:
		InspectStmts(n.Body, f)
		for _, h := range n.Handlers {
			Inspect(h, f)
		}
		InspectStmts(n.Else, f)
		InspectStmts(n.Finally, f)
	case *ExceptHandler:
		Inspect(n.Type, f)
		Inspect(n.Name, f)
		InspectStmts(n.Body, f)
	case *With:
		for _, it := range n.Items {
			Inspect(it, f)
		}
		InspectStmts(n.Body, f)
	case *WithItem:
		Inspect(n.Context, f)
		Inspect(n.Target, f)
	case *Import:
		for _, a := range n.Names {
			Inspect(a, f)
		}
	case *ImportFrom:
		for _, id := range n.Module {
			Inspect(id, f)
		}
		for _, a := range n.Names {
			Inspect(a, f)
		}
	case *Alias:
		for _, id := range n.Path {
			Inspect(id, f)
		}
		Inspect(n.AsName, f)
	case *Match:
		Inspect(n.Subject, f)
		for _, c := range n.Cases {
			Inspect(c, f)
		}
	case *MatchCase:
		Inspect(n.Pattern, f)
		Inspect(n.Guard, f)
		InspectStmts(n.Body, f)
	case *ListLit:
		inspectExprs(n.Elems, f)
	case *Tuple:
		inspectExprs(n.Elems, f)
	case *Set:
		inspectExprs(n.Elems, f)
	case *Dict:
		for i := range n.Values {
			if i < len(n.Keys) {
				Inspect(n.Keys[i], f)
			}
			Inspect(n.Values[i], f)
		}
	case *Binary:
		Inspect(n.X, f)
		Inspect(n.Y, f)
	case *Unary:
		Inspect(n.X, f)
	case *Logic:
		Inspect(n.X, f)
		Inspect(n.Y, f)
	case *Compare:
		inspectExprs(n.Operands, f)
	case *Call:
		Inspect(n.Func, f)
		inspectExprs(n.Args, f)
		for _, k := range n.Keywords {
			Inspect(k, f)
		}
	case *Keyword:
		Inspect(n.Name, f)
		Inspect(n.Value, f)
	case *Attribute:
		Inspect(n.X, f)
		Inspect(n.Name, f)
	case *Index:
		Inspect(n.X, f)
		Inspect(n.Index, f)
	case *Starred:
		Inspect(n.X, f)
	case *Slice:
		Inspect(n.Lo, f)
		Inspect(n.Hi, f)
		Inspect(n.Step, f)
	case *Lambda:
		for _, p := range n.Params {
			Inspect(p, f)
		}
		Inspect(n.Body, f)
	case *IfExp:
		Inspect(n.Body, f)
		Inspect(n.Cond, f)
		Inspect(n.Else, f)
	case *NamedExpr:
		Inspect(n.Target, f)
		Inspect(n.Value, f)
	case *Comp:
		// Python evaluates the first iterable, then the clauses, then the element.
		for _, c := range n.Fors {
			Inspect(c, f)
		}
		Inspect(n.Elt, f)
		Inspect(n.Value, f)
	case *CompFor:
		Inspect(n.Target, f)
		Inspect(n.Iter, f)
		inspectExprs(n.Ifs, f)
	case *Yield:
		Inspect(n.Value, f)
	case *YieldFrom:
		Inspect(n.Value, f)
	case *Await:
		Inspect(n.X, f)
	case *FString:
		inspectExprs(n.Parts, f)
	case *FormattedValue:
		Inspect(n.X, f)
		Inspect(n.Spec, f)
	case *MatchValue:
		Inspect(n.X, f)
	case *MatchSingleton:
		Inspect(n.X, f)
	case *MatchSequence:
		inspectPatterns(n.Patterns, f)
	case *MatchMapping:
		for i := range n.Patterns {
			if i < len(n.Keys) {
				Inspect(n.Keys[i], f)
			}
			Inspect(n.Patterns[i], f)
		}
		Inspect(n.Rest, f)
	case *MatchClass:
		Inspect(n.Cls, f)
		inspectPatterns(n.Patterns, f)
		for i := range n.KwdPatterns {
			if i < len(n.KwdAttrs) {
				Inspect(n.KwdAttrs[i], f)
			}
			Inspect(n.KwdPatterns[i], f)
		}
	case *MatchStar:
		Inspect(n.Name, f)
	case *MatchAs:
		Inspect(n.Pattern, f)
		Inspect(n.Name, f)
	case *MatchOr:
		inspectPatterns(n.Patterns, f)
	}
}

// InspectFile inspects every top-level statement of file in order.
func InspectFile(file *File, f func(Node) bool) {
	if file != nil {
		InspectStmts(file.Body, f)
	}
}

// InspectStmts inspects each statement of body in order: the walk of a
// function's or a loop's body.
func InspectStmts(body []Stmt, f func(Node) bool) {
	for _, s := range body {
		Inspect(s, f)
	}
}

func inspectPatterns(list []Pattern, f func(Node) bool) {
	for _, p := range list {
		Inspect(p, f)
	}
}

func inspectExprs(list []Expr, f func(Node) bool) {
	for _, e := range list {
		Inspect(e, f)
	}
}

// isNil reports whether n is nil or a typed nil pointer.
func isNil(n Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
