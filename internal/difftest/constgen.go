package difftest

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// moduleConsts returns top-level assignments of literals to fresh names
// m1, m2, ... (one int, float, bool or str each, some of them), which
// leaf then reads: module constants, which the compiler inlines.
func (g *Generator) moduleConsts() []ast.Stmt {
	g.consts = map[byte][]string{}
	var out []ast.Stmt
	for _, t := range []byte{'i', 'f', 'b', 's'} {
		if g.r.IntN(2) == 0 {
			continue
		}
		var v ast.Expr
		switch t {
		case 'i':
			n := intEdges[g.r.IntN(len(intEdges))]
			if n == -1<<63 {
				n++ // intLit writes MIN as an expression, which is no literal
			}
			v = intLit(n)
		case 'f':
			s := floatEdges[g.r.IntN(len(floatEdges))]
			f, _ := strconv.ParseFloat(s, 64)
			v = &ast.FloatLit{Text: s, Value: f}
			if g.r.IntN(2) == 0 {
				v = &ast.Unary{Op: ast.OpNeg, X: v}
			}
		case 'b':
			v = &ast.BoolLit{Value: g.r.IntN(2) == 0}
		case 's':
			v = &ast.StrLit{Value: strEdges[g.r.IntN(len(strEdges))]}
		}
		name := "m" + strconv.Itoa(len(out)+1)
		g.consts[t] = append(g.consts[t], name)
		out = append(out, &ast.Assign{Target: ident(name), Value: v})
	}
	return out
}
