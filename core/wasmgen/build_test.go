package wasmgen

// A small AST builder for tests written before the parser existed; it also
// lets tests build trees the parser would reject.

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/source"
)

var line int32

func sp() source.Span {
	line++
	return source.Span{Start: source.Pos{Line: line, Col: 1}, End: source.Pos{Line: line, Col: 2}}
}

func id(n string) *ast.Ident    { return &ast.Ident{Pos: sp(), Name: n} }
func num(v int64) ast.Expr      { return intText(strconv.FormatInt(v, 10)) }
func intText(t string) ast.Expr { return &ast.IntLit{Pos: sp(), Text: t} }
func flt(v float64) ast.Expr {
	return &ast.FloatLit{Pos: sp(), Text: strconv.FormatFloat(v, 'g', -1, 64), Value: v}
}
func boolean(v bool) ast.Expr { return &ast.BoolLit{Pos: sp(), Value: v} }

var binOps = map[string]ast.BinaryOp{"+": ast.OpAdd, "-": ast.OpSub, "*": ast.OpMul, "/": ast.OpDiv,
	"//": ast.OpFloorDiv, "%": ast.OpMod, "**": ast.OpPow, "&": ast.OpBitAnd, "|": ast.OpBitOr,
	"^": ast.OpBitXor, "<<": ast.OpLShift, ">>": ast.OpRShift}
var cmpOpsByText = map[string]ast.CmpOp{"==": ast.CmpEq, "!=": ast.CmpNe, "<": ast.CmpLt, "<=": ast.CmpLe,
	">": ast.CmpGt, ">=": ast.CmpGe}

func bin(x ast.Expr, op string, y ast.Expr) ast.Expr {
	return &ast.Binary{X: x, Op: binOps[op], OpPos: sp(), Y: y}
}
func neg(x ast.Expr) ast.Expr    { return &ast.Unary{Op: ast.OpNeg, OpPos: sp(), X: x} }
func not(x ast.Expr) ast.Expr    { return &ast.Unary{Op: ast.OpNot, OpPos: sp(), X: x} }
func and(x, y ast.Expr) ast.Expr { return &ast.Logic{X: x, Op: ast.OpAnd, OpPos: sp(), Y: y} }
func or(x, y ast.Expr) ast.Expr  { return &ast.Logic{X: x, Op: ast.OpOr, OpPos: sp(), Y: y} }

// cmp builds a chain: cmp(a, "<", b, "<=", c).
func cmp(parts ...any) ast.Expr {
	c := &ast.Compare{}
	for i, p := range parts {
		if i%2 == 0 {
			c.Operands = append(c.Operands, p.(ast.Expr))
		} else {
			c.Ops = append(c.Ops, cmpOpsByText[p.(string)])
			c.OpPos = append(c.OpPos, sp())
		}
	}
	return c
}

func call(name string, args ...ast.Expr) ast.Expr {
	return &ast.Call{Func: id(name), Args: args, Rparen: sp().End}
}

func assign(name string, v ast.Expr) ast.Stmt { return &ast.Assign{Target: id(name), Value: v} }
func aug(name, op string, v ast.Expr) ast.Stmt {
	return &ast.AugAssign{Target: id(name), Op: binOps[op], OpPos: sp(), Value: v}
}
func ret(v ast.Expr) ast.Stmt { return &ast.Return{Pos: sp(), Value: v} }
func ifs(c ast.Expr, body []ast.Stmt, els []ast.Stmt) ast.Stmt {
	return &ast.If{Pos: sp(), Cond: c, Body: body, Else: els}
}
func while(c ast.Expr, body ...ast.Stmt) ast.Stmt { return &ast.While{Pos: sp(), Cond: c, Body: body} }
func forRange(v string, args []ast.Expr, body ...ast.Stmt) ast.Stmt {
	return &ast.For{Pos: sp(), Target: id(v), Iter: call("range", args...), Body: body}
}
func brk() ast.Stmt                  { return &ast.Break{Pos: sp()} }
func cont() ast.Stmt                 { return &ast.Continue{Pos: sp()} }
func assert(c ast.Expr) ast.Stmt     { return &ast.Assert{Pos: sp(), Cond: c} }
func exprStmt(e ast.Expr) ast.Stmt   { return &ast.ExprStmt{X: e} }
func stmts(s ...ast.Stmt) []ast.Stmt { return s }
func args(e ...ast.Expr) []ast.Expr  { return e }

// fn builds `def name(p1: t1, ...) -> result: body`; params alternate
// name and type ("" for no annotation); result "" means no annotation.
func fn(name string, params []string, result string, body ...ast.Stmt) *ast.FuncDef {
	d := &ast.FuncDef{Pos: sp(), Name: id(name), Body: body}
	for i := 0; i+1 < len(params); i += 2 {
		p := &ast.Param{Name: id(params[i])}
		if params[i+1] != "" {
			p.Type = &ast.TypeExpr{Pos: sp(), Name: id(params[i+1])}
		}
		d.Params = append(d.Params, p)
	}
	if result != "" {
		d.Result = &ast.TypeExpr{Pos: sp(), Name: id(result)}
	}
	return d
}

func file(lang string, body ...ast.Stmt) *ast.File {
	return &ast.File{Name: "test.ml", Lang: lang, Body: body}
}
