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
		Inspect(n.Name, f)
		for _, p := range n.Params {
			Inspect(p, f)
		}
		Inspect(n.Result, f)
		inspectStmts(n.Body, f)
	case *Param:
		Inspect(n.Name, f)
		Inspect(n.Type, f)
	case *TypeExpr:
		Inspect(n.Name, f)
		for _, a := range n.Args {
			Inspect(a, f)
		}
	case *If:
		Inspect(n.Cond, f)
		inspectStmts(n.Body, f)
		inspectStmts(n.Else, f)
	case *While:
		Inspect(n.Cond, f)
		inspectStmts(n.Body, f)
	case *For:
		Inspect(n.Target, f)
		Inspect(n.Iter, f)
		inspectStmts(n.Body, f)
	case *Return:
		Inspect(n.Value, f)
	case *Assign:
		Inspect(n.Target, f)
		Inspect(n.Value, f)
	case *AugAssign:
		Inspect(n.Target, f)
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
	case *ListLit:
		inspectExprs(n.Elems, f)
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
	case *Attribute:
		Inspect(n.X, f)
		Inspect(n.Name, f)
	case *Index:
		Inspect(n.X, f)
		Inspect(n.Index, f)
	}
}

// InspectFile inspects every top-level statement of file in order.
func InspectFile(file *File, f func(Node) bool) {
	if file != nil {
		inspectStmts(file.Body, f)
	}
}

func inspectStmts(body []Stmt, f func(Node) bool) {
	for _, s := range body {
		Inspect(s, f)
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
