package check

import (
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// typeText returns an annotation as the user wrote it, for reasons: the
// source text when it is known and on one line, else a rendering of the
// tree.
func (c *checker) typeText(t *ast.TypeExpr) string {
	if s := c.text(t.Pos); s != "" {
		return s
	}
	if !isNil(t.X) {
		return exprText(t.X)
	}
	if t.Name == nil {
		return "?"
	}
	if len(t.Args) == 0 {
		return t.Name.Name
	}
	args := make([]string, len(t.Args))
	for i, a := range t.Args {
		if isNil(a) {
			args[i] = "?"
			continue
		}
		args[i] = c.typeText(a)
	}
	return t.Name.Name + "[" + strings.Join(args, ", ") + "]"
}

// text returns the source text of sp when it lies on one line of a known
// source, else "".
func (c *checker) text(sp source.Span) string {
	if c.src == "" || !sp.Start.IsValid() || sp.End.Line != sp.Start.Line {
		return ""
	}
	line := []rune(source.LineText(c.src, sp.Start.Line))
	a, b := int(sp.Start.Col)-1, int(sp.End.Col)-1
	if a < 0 || b > len(line) || a >= b {
		return ""
	}
	return strings.TrimSpace(string(line[a:b]))
}

// exprText renders the expressions annotations are made of; others are
// shown as "...".
func exprText(e ast.Expr) string {
	if isNil(e) {
		return "?"
	}
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.NoneLit:
		return "None"
	case *ast.StrLit:
		return strconv.Quote(e.Value)
	case *ast.IntLit:
		return e.Text
	case *ast.Attribute:
		if e.Name == nil {
			return exprText(e.X) + ".?"
		}
		return exprText(e.X) + "." + e.Name.Name
	case *ast.Index:
		return exprText(e.X) + "[" + exprText(e.Index) + "]"
	case *ast.Tuple:
		parts := make([]string, len(e.Elems))
		for i, x := range e.Elems {
			parts[i] = exprText(x)
		}
		return strings.Join(parts, ", ")
	case *ast.ListLit:
		parts := make([]string, len(e.Elems))
		for i, x := range e.Elems {
			parts[i] = exprText(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *ast.Binary:
		return exprText(e.X) + " " + e.Op.String() + " " + exprText(e.Y)
	}
	return "..."
}
