package ast

import (
	"strings"
	"testing"
)

func id(name string) *Ident { return &Ident{Name: name} }

// TestInspectOrder builds
//
//	def f(a: list[int]) -> int:
//	    for x in a:
//	        y = g(x).m + a[0]
//	    return y
//
// and checks the identifiers come in source order.
func TestInspectOrder(t *testing.T) {
	fn := &FuncDef{
		Name:   id("f"),
		Params: []*Param{{Name: id("a"), Type: &TypeExpr{Name: id("list"), Args: []*TypeExpr{{Name: id("int")}}}}},
		Result: &TypeExpr{Name: id("int")},
		Body: []Stmt{
			&For{Target: id("x"), Iter: id("a"), Body: []Stmt{
				&Assign{Target: id("y"), Value: &Binary{
					X:  &Attribute{X: &Call{Func: id("g"), Args: []Expr{id("x")}}, Name: id("m")},
					Op: OpAdd,
					Y:  &Index{X: id("a"), Index: &IntLit{Text: "0"}},
				}},
			}},
			&Return{Value: id("y")},
		},
	}
	var got []string
	InspectFile(&File{Body: []Stmt{fn}}, func(n Node) bool {
		if i, ok := n.(*Ident); ok {
			got = append(got, i.Name)
		}
		return true
	})
	if s := strings.Join(got, " "); s != "f a list int int x a y g x m a y" {
		t.Errorf("identifiers in order: %q", s)
	}
}

func TestInspectPrunesAndSkipsNil(t *testing.T) {
	var nilIdent *Ident
	tree := &If{Cond: &Unary{Op: OpNot, X: nilIdent}, Body: []Stmt{nil, &Return{}}, Else: []Stmt{&ExprStmt{X: id("z")}}}
	var kinds []string
	Inspect(tree, func(n Node) bool {
		switch n.(type) {
		case *If:
			kinds = append(kinds, "if")
		case *Unary:
			kinds = append(kinds, "unary")
		case *Return:
			kinds = append(kinds, "return")
		case *ExprStmt:
			kinds = append(kinds, "expr")
			return false // z is not visited
		case *Ident:
			kinds = append(kinds, "ident")
		}
		return true
	})
	if s := strings.Join(kinds, " "); s != "if unary return expr" {
		t.Errorf("visited %q", s)
	}
	Inspect(nil, func(Node) bool { t.Error("f called for nil"); return true })
	InspectFile(nil, func(Node) bool { t.Error("f called for a nil file"); return true })
}

// InspectStmts walks each statement in order, pruning where f says so.
func TestInspectStmts(t *testing.T) {
	body := []Stmt{
		&Assign{Target: id("a"), Value: id("b")},
		&While{Cond: id("c"), Body: []Stmt{&ExprStmt{X: id("d")}}},
		&Return{Value: id("e")},
	}
	var got []string
	InspectStmts(body, func(n Node) bool {
		if i, ok := n.(*Ident); ok {
			got = append(got, i.Name)
		}
		_, loop := n.(*While)
		return !loop
	})
	if s := strings.Join(got, " "); s != "a b e" {
		t.Errorf("identifiers: %q", s)
	}
	InspectStmts(nil, func(Node) bool { t.Error("f called for an empty body"); return true })
}
