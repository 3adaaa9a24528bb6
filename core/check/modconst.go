package check

import (
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// Module constants. A compiled function may read a module-level name whose
// value is known before the function can run: compiled code then uses the
// value inline instead of looking the name up. The name is a constant when
//
//   - the module binds it exactly once (no other assignment at top level
//     or through a global declaration, no import, def, class, for, with,
//     del, := or except binding it), and there is no star import;
//   - that binding is a top-level statement `N = v`, `let/const N = v` or
//     `N: T = v` (not inside an if, a loop or a try), written before the
//     def of the function reading it, so that whenever the function runs
//     the assignment has run (a definition, run when the program loads);
//   - v is an int (64 bits), float, bool or str literal, or - before an
//     int or float literal.
//
// A module changed from outside (another module assigning prog.N, or
// globals()) is not seen by the compiled code.

// A Const is the value of a module constant read by compiled code.
type Const struct {
	// Type is the constant's type: int, float, bool or str.
	Type *Type
	// Int holds an int, and a bool as 0 or 1.
	Int int64
	// Float holds a float.
	Float float64
	// Str holds a str.
	Str string
}

// moduleConst returns the value of the module-level name id read in the
// top-level function d, or a reason (", bound twice") why it is not a
// constant.
func (c *checker) moduleConst(id *ast.Ident, d *ast.FuncDef) (*Const, string) {
	if c.star.Start.IsValid() {
		return nil, ""
	}
	bs := c.modBinds[id.Name]
	if len(bs) != 1 {
		if len(bs) > 1 {
			return nil, ", bound more than once,"
		}
		return nil, ""
	}
	bd := bs[0]
	var value ast.Expr
	switch s := bd.node.(type) {
	case *ast.Assign:
		if bd.how != howAssign || len(s.Chain) > 0 || s.Target != ast.Expr(bd.id) {
			return nil, ""
		}
		value = s.Value
	case *ast.AnnAssign:
		if bd.how != howAnnAssign || !s.Simple || isNil(s.Value) {
			return nil, ""
		}
		value = s.Value
	default:
		return nil, ""
	}
	at, def := -1, -1
	for i, s := range c.file.Body {
		switch s {
		case bd.node:
			at = i
		case ast.Stmt(d):
			def = i
		}
	}
	if at < 0 {
		return nil, ", assigned inside a block,"
	}
	if def < 0 {
		return nil, ""
	}
	if at > def {
		return nil, ", assigned after the function,"
	}
	k, ok := literalConst(value)
	if !ok {
		return nil, ", assigned a value that is not a literal,"
	}
	return k, ""
}

// literalConst returns the value of an int, float, bool or str literal,
// or of - before an int or float literal.
func literalConst(e ast.Expr) (*Const, bool) {
	neg := false
	if u, ok := e.(*ast.Unary); ok && u.Op == ast.OpNeg {
		neg, e = true, u.X
	}
	switch e := e.(type) {
	case *ast.IntLit:
		text := e.Text
		if neg {
			text = "-" + text
		}
		v, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return nil, false
		}
		return &Const{Type: TInt, Int: v}, true
	case *ast.FloatLit:
		if neg {
			return &Const{Type: TFloat, Float: -e.Value}, true
		}
		return &Const{Type: TFloat, Float: e.Value}, true
	}
	if neg {
		return nil, false
	}
	switch e := e.(type) {
	case *ast.BoolLit:
		if e.Value {
			return &Const{Type: TBool, Int: 1}, true
		}
		return &Const{Type: TBool}, true
	case *ast.StrLit:
		return &Const{Type: TStr, Str: e.Value}, true
	}
	return nil, false
}
