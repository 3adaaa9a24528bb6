package parser

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
)

// Dump returns n (a *ast.File, a statement or an expression) as an
// S-expression, for tests: `(Binary + (Name x) (Int 1))`. Statements of a
// body go on their own lines, indented; expressions stay on one line.
// Names are shown as written.
func Dump(n any) string {
	d := &dumper{}
	d.node(n, 0)
	return d.b.String()
}

// DumpCanonical is Dump with builtin and type names of language l replaced
// by their canonical English names ("intervalle" -> "range", "entier" ->
// "int"), so that the same program written in two languages dumps the same.
func DumpCanonical(n any, l *lang.Language) string {
	d := &dumper{lang: l}
	d.node(n, 0)
	return d.b.String()
}

type dumper struct {
	b    strings.Builder
	lang *lang.Language
}

func (d *dumper) printf(format string, args ...any) { fmt.Fprintf(&d.b, format, args...) }

func (d *dumper) name(id *ast.Ident) string {
	if id == nil {
		return "<nil>"
	}
	if d.lang != nil {
		if c, ok := d.lang.Builtin(id.Name); ok {
			return c
		}
	}
	return id.Name
}

func (d *dumper) attrName(id *ast.Ident) string {
	if id == nil {
		return "<nil>"
	}
	return id.Name
}

func (d *dumper) typeName(id *ast.Ident) string {
	if id == nil {
		return "<nil>"
	}
	if d.lang != nil {
		if c, ok := d.lang.TypeName(id.Name); ok {
			return c
		}
		if k, ok := d.lang.Keyword(id.Name); ok && k == lang.None {
			return "None"
		}
	}
	return id.Name
}

func (d *dumper) body(label string, stmts []ast.Stmt, depth int) {
	d.printf("\n%s(%s", strings.Repeat("  ", depth), label)
	for _, s := range stmts {
		d.b.WriteString("\n")
		d.node(s, depth+1)
	}
	d.b.WriteString(")")
}

func (d *dumper) typeExpr(t *ast.TypeExpr) {
	if t == nil {
		d.b.WriteString("<nil>")
		return
	}
	d.printf("(Type %s", d.typeName(t.Name))
	for _, a := range t.Args {
		d.b.WriteString(" ")
		d.typeExpr(a)
	}
	d.b.WriteString(")")
}

func (d *dumper) exprs(xs []ast.Expr) {
	for _, x := range xs {
		d.b.WriteString(" ")
		d.node(x, 0)
	}
}

// node writes n; depth is the indentation of statements.
func (d *dumper) node(n any, depth int) {
	ind := strings.Repeat("  ", depth)
	switch n := n.(type) {
	case nil:
		d.b.WriteString("<nil>")
	case *ast.File:
		d.b.WriteString("(File")
		for _, s := range n.Body {
			d.b.WriteString("\n")
			d.node(s, depth+1)
		}
		d.b.WriteString(")")
	case *ast.FuncDef:
		d.printf("%s(Def %s (Params", ind, d.name(n.Name))
		for _, prm := range n.Params {
			d.printf(" (Param %s", d.name(prm.Name))
			if prm.Type != nil {
				d.b.WriteString(" ")
				d.typeExpr(prm.Type)
			}
			d.b.WriteString(")")
		}
		d.b.WriteString(")")
		if n.Result != nil {
			d.b.WriteString(" -> ")
			d.typeExpr(n.Result)
		}
		d.body("Body", n.Body, depth+1)
		d.b.WriteString(")")
	case *ast.If:
		label := "If"
		if n.Elif {
			label = "Elif"
		}
		d.printf("%s(%s ", ind, label)
		d.node(n.Cond, 0)
		d.body("Then", n.Body, depth+1)
		if n.Else != nil {
			d.body("Else", n.Else, depth+1)
		}
		d.b.WriteString(")")
	case *ast.While:
		d.printf("%s(While ", ind)
		d.node(n.Cond, 0)
		d.body("Body", n.Body, depth+1)
		d.b.WriteString(")")
	case *ast.For:
		d.printf("%s(For %s ", ind, d.name(n.Var()))
		d.node(n.Iter, 0)
		d.body("Body", n.Body, depth+1)
		d.b.WriteString(")")
	case *ast.Break:
		d.printf("%s(Break)", ind)
	case *ast.Continue:
		d.printf("%s(Continue)", ind)
	case *ast.Pass:
		d.printf("%s(Pass)", ind)
	case *ast.Return:
		d.printf("%s(Return", ind)
		if n.Value != nil {
			d.exprs([]ast.Expr{n.Value})
		}
		d.b.WriteString(")")
	case *ast.Assign:
		d.printf("%s(Assign", ind)
		d.exprs([]ast.Expr{n.Target, n.Value})
		d.b.WriteString(")")
	case *ast.AugAssign:
		d.printf("%s(AugAssign %s=", ind, n.Op)
		d.exprs([]ast.Expr{n.Target, n.Value})
		d.b.WriteString(")")
	case *ast.ExprStmt:
		d.printf("%s(Expr", ind)
		d.exprs([]ast.Expr{n.X})
		d.b.WriteString(")")
	case *ast.Assert:
		d.printf("%s(Assert", ind)
		d.exprs([]ast.Expr{n.Cond})
		if n.Msg != nil {
			d.exprs([]ast.Expr{n.Msg})
		}
		d.b.WriteString(")")
	case *ast.Global:
		d.printf("%s(Global", ind)
		for _, id := range n.Names {
			d.printf(" %s", d.name(id))
		}
		d.b.WriteString(")")
	case *ast.Ident:
		d.printf("(Name %s)", d.name(n))
	case *ast.IntLit:
		d.printf("(Int %s)", n.Text)
	case *ast.FloatLit:
		d.printf("(Float %s)", strconv.FormatFloat(n.Value, 'g', -1, 64))
	case *ast.StrLit:
		d.printf("(Str %s)", strconv.Quote(n.Value))
	case *ast.BoolLit:
		if n.Value {
			d.b.WriteString("(True)")
		} else {
			d.b.WriteString("(False)")
		}
	case *ast.NoneLit:
		d.b.WriteString("(None)")
	case *ast.ListLit:
		d.b.WriteString("(List")
		d.exprs(n.Elems)
		d.b.WriteString(")")
	case *ast.Binary:
		d.printf("(Binary %s", n.Op)
		d.exprs([]ast.Expr{n.X, n.Y})
		d.b.WriteString(")")
	case *ast.Unary:
		d.printf("(Unary %s", n.Op)
		d.exprs([]ast.Expr{n.X})
		d.b.WriteString(")")
	case *ast.Logic:
		d.printf("(Logic %s", n.Op)
		d.exprs([]ast.Expr{n.X, n.Y})
		d.b.WriteString(")")
	case *ast.Compare:
		d.b.WriteString("(Compare")
		for i, x := range n.Operands {
			if i > 0 && i-1 < len(n.Ops) {
				d.printf(" %s", n.Ops[i-1])
			}
			d.exprs([]ast.Expr{x})
		}
		d.b.WriteString(")")
	case *ast.Call:
		d.b.WriteString("(Call")
		d.exprs(append([]ast.Expr{n.Func}, n.Args...))
		d.b.WriteString(")")
	case *ast.Attribute:
		d.b.WriteString("(Attr")
		d.exprs([]ast.Expr{n.X})
		d.printf(" %s)", d.attrName(n.Name))
	case *ast.Index:
		d.b.WriteString("(Index")
		d.exprs([]ast.Expr{n.X, n.Index})
		d.b.WriteString(")")
	default:
		d.printf("(?%T)", n)
	}
}
