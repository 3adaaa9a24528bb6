package difftest

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// The oracle's printer. PrintPython writes a generated program as plain
// Python 3, straight from the generator's tree, so that CPython can run the
// program as written without our lexer, parser, checker or either backend
// taking part. It shares no code with core/parser's Print: every compound
// expression is fully parenthesized (so that precedence and associativity
// are the tree's, whatever our parser believes them to be), literals are
// written in ASCII with Python's own escapes, and builtins keep the English
// names the generator gives them.

// A PyMode selects the variant PrintPython writes.
type PyMode int

const (
	// PyPlain is the program as written.
	PyPlain PyMode = iota
	// PyChecked is the same program with every value it computes passed
	// through the recording helpers of CheckPrelude (the refusal
	// classification of verdict_test.go): every expression e becomes
	// _w(e), `/` becomes _div, `**` _pow, a single `in` or `not in`
	// comparison _in, int() _int, lower() and upper() _case, sum() _sum, `v op= e` becomes v = _w(v op e) and
	// `l[i] op= e` becomes l[i] = _w(l[i] op e).
	// The helpers return their operation's value unchanged, so the
	// program computes exactly what PyPlain computes.
	PyChecked
)

// CheckPrelude is the Python source of the recording helpers that the
// PyChecked variant calls (pycheck.py): run it in the namespace of the
// program, whose calls then add their events to the set _ev.
//
//go:embed pycheck.py
var CheckPrelude string

// PrintPython returns f as Python 3 source in mode m, or an error for a
// node the printer does not know (the generator grew without it).
func PrintPython(f *ast.File, m PyMode) (string, error) {
	p := &pyPrinter{mode: m}
	for _, s := range f.Body {
		p.stmt(s, 0)
	}
	if p.err != nil {
		return "", p.err
	}
	return p.b.String(), nil
}

type pyPrinter struct {
	b    strings.Builder
	mode PyMode
	err  error
}

func (p *pyPrinter) fail(format string, args ...any) string {
	if p.err == nil {
		p.err = fmt.Errorf("PrintPython: "+format, args...)
	}
	return "?"
}

func (p *pyPrinter) line(level int, s string) {
	p.b.WriteString(strings.Repeat("    ", level))
	p.b.WriteString(s)
	p.b.WriteString("\n")
}

func (p *pyPrinter) block(body []ast.Stmt, level int) {
	if len(body) == 0 {
		p.line(level, "pass")
		return
	}
	for _, s := range body {
		p.stmt(s, level)
	}
}

func (p *pyPrinter) typ(t *ast.TypeExpr) string {
	if t == nil || t.Name == nil {
		return p.fail("a missing annotation")
	}
	s := t.Name.Name
	if len(t.Args) > 0 {
		args := make([]string, len(t.Args))
		for i, a := range t.Args {
			args[i] = p.typ(a)
		}
		s += "[" + strings.Join(args, ", ") + "]"
	}
	return s
}

func (p *pyPrinter) stmt(s ast.Stmt, level int) {
	switch s := s.(type) {
	case *ast.FuncDef:
		params := make([]string, len(s.Params))
		for i, prm := range s.Params {
			params[i] = prm.Name.Name
			if prm.Type != nil {
				params[i] += ": " + p.typ(prm.Type)
			}
		}
		head := "def " + s.Name.Name + "(" + strings.Join(params, ", ") + ")"
		if s.Result != nil {
			head += " -> " + p.typ(s.Result)
		}
		p.line(level, head+":")
		p.block(s.Body, level+1)
	case *ast.Assign:
		p.line(level, p.target(s.Target)+" = "+p.expr(s.Value))
	case *ast.AugAssign:
		if id, ok := s.Target.(*ast.Ident); ok && p.mode == PyChecked {
			// v op= e is v = v op e for the immutable values the
			// generator aug-assigns (ints, floats, strs)
			p.line(level, id.Name+" = "+p.expr(&ast.Binary{X: id, Op: s.Op, Y: s.Value}))
			return
		}
		if ix, ok := s.Target.(*ast.Index); ok && p.mode == PyChecked {
			// l[i] op= e is l[i] = l[i] op e for the int elements the
			// generator aug-assigns, whose list and index are names and
			// constants or pure expressions of them (elemsgen.go): the
			// new element is recorded, and the same exceptions come in
			// the same order (the load of l[i], then e, then the
			// operation)
			p.line(level, p.target(ix)+" = "+p.expr(&ast.Binary{X: ix, Op: s.Op, Y: s.Value}))
			return
		}
		p.line(level, p.target(s.Target)+" "+s.Op.String()+"= "+p.expr(s.Value))
	case *ast.ExprStmt:
		p.line(level, p.expr(s.X))
	case *ast.Return:
		if s.Value == nil {
			p.line(level, "return")
			return
		}
		p.line(level, "return "+p.expr(s.Value))
	case *ast.Raise:
		if s.Exc == nil || s.Cause != nil {
			p.fail("raise statement other than raise E")
			return
		}
		if p.mode == PyChecked {
			p.line(level, "_raise()") // before the operand, which may raise first
		}
		p.line(level, "raise "+p.expr(s.Exc))
	case *ast.Assert:
		if s.Msg != nil {
			p.line(level, "assert "+p.expr(s.Cond)+", "+p.expr(s.Msg))
			return
		}
		p.line(level, "assert "+p.expr(s.Cond))
	case *ast.If:
		p.line(level, "if "+p.expr(s.Cond)+":")
		p.block(s.Body, level+1)
		if s.Else != nil {
			p.line(level, "else:")
			p.block(s.Else, level+1)
		}
	case *ast.While:
		p.line(level, "while "+p.expr(s.Cond)+":")
		p.block(s.Body, level+1)
	case *ast.For:
		p.line(level, "for "+p.target(s.Target)+" in "+p.expr(s.Iter)+":")
		p.block(s.Body, level+1)
	case *ast.Break:
		p.line(level, "break")
	case *ast.Continue:
		p.line(level, "continue")
	case *ast.Pass:
		p.line(level, "pass")
	default:
		p.fail("statement %T", s)
	}
}

// target prints an assignment target: a name, or an element whose list
// and index are expressions.
func (p *pyPrinter) target(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.Index:
		return p.expr(x.X) + "[" + p.expr(x.Index) + "]"
	case *ast.Tuple:
		// a, b = ... and for i, x in ...: the targets in order
		if len(x.Elems) < 2 {
			return p.fail("a tuple target of %d elements", len(x.Elems))
		}
		parts := make([]string, len(x.Elems))
		for i, t := range x.Elems {
			parts[i] = p.target(t)
		}
		return strings.Join(parts, ", ")
	}
	return p.fail("assignment target %T", x)
}

// expr prints x; in PyChecked mode, wrapped so that its value is recorded.
func (p *pyPrinter) expr(x ast.Expr) string {
	s := p.bare(x)
	if p.mode == PyChecked {
		return "_w(" + s + ")"
	}
	return s
}

func (p *pyPrinter) bare(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.IntLit:
		for _, c := range x.Text {
			if c < '0' || c > '9' {
				return p.fail("int literal %q", x.Text)
			}
		}
		if x.Text == "" {
			return p.fail("empty int literal")
		}
		return strings.TrimLeft(x.Text[:len(x.Text)-1], "0") + x.Text[len(x.Text)-1:]
	case *ast.FloatLit:
		return pyFloat(x.Value)
	case *ast.StrLit:
		return p.str(x.Value)
	case *ast.FString:
		return p.fstring(x)
	case *ast.BoolLit:
		if x.Value {
			return "True"
		}
		return "False"
	case *ast.NoneLit:
		return "None"
	case *ast.ListLit:
		return "[" + p.list(x.Elems) + "]"
	case *ast.Binary:
		op := binaryOps[x.Op]
		if op == "" {
			return p.fail("binary operator %d", x.Op)
		}
		if p.mode == PyChecked {
			switch x.Op {
			case ast.OpDiv:
				return "_div(" + p.expr(x.X) + ", " + p.expr(x.Y) + ")"
			case ast.OpPow:
				return "_pow(" + p.expr(x.X) + ", " + p.expr(x.Y) + ")"
			}
		}
		return "(" + p.expr(x.X) + " " + op + " " + p.expr(x.Y) + ")"
	case *ast.Unary:
		op := map[ast.UnaryOp]string{ast.OpNeg: "-", ast.OpPos: "+", ast.OpInvert: "~", ast.OpNot: "not "}[x.Op]
		if op == "" {
			return p.fail("unary operator %d", x.Op)
		}
		return "(" + op + p.expr(x.X) + ")"
	case *ast.Logic:
		op := map[ast.LogicOp]string{ast.OpAnd: "and", ast.OpOr: "or"}[x.Op]
		if op == "" {
			return p.fail("logic operator %d", x.Op)
		}
		return "(" + p.expr(x.X) + " " + op + " " + p.expr(x.Y) + ")"
	case *ast.IfExp:
		return "(" + p.expr(x.Body) + " if " + p.expr(x.Cond) + " else " + p.expr(x.Else) + ")"
	case *ast.Compare:
		if len(x.Operands) != len(x.Ops)+1 || len(x.Ops) == 0 {
			return p.fail("comparison of %d operands and %d operators", len(x.Operands), len(x.Ops))
		}
		if p.mode == PyChecked && len(x.Ops) == 1 && (x.Ops[0] == ast.CmpIn || x.Ops[0] == ast.CmpNotIn) {
			s := "_in(" + p.expr(x.Operands[0]) + ", " + p.expr(x.Operands[1]) + ")"
			if x.Ops[0] == ast.CmpNotIn {
				s = "(not " + s + ")"
			}
			return s
		}
		var b strings.Builder
		b.WriteString("(")
		for i, o := range x.Operands {
			if i > 0 {
				op := cmpOps[x.Ops[i-1]]
				if op == "" {
					return p.fail("comparison operator %d", x.Ops[i-1])
				}
				b.WriteString(" " + op + " ")
			}
			b.WriteString(p.expr(o))
		}
		b.WriteString(")")
		return b.String()
	case *ast.Call:
		switch fn := x.Func.(type) {
		case *ast.Ident:
			name := fn.Name
			if p.mode == PyChecked && name == "int" {
				name = "_int" // int() of text (pycheck.py)
			}
			if p.mode == PyChecked && name == "sum" {
				name = "_sum"
				if len(x.Args) == 1 && isGenExp(x.Args[0]) {
					c := x.Args[0].(*ast.Comp)
					// _sum reads its argument twice: the generator's
					// elements as a list (sum adds ints, which raises
					// nothing: the same exceptions come in the same order)
					lc := *c
					lc.Kind = ast.ListComp
					return name + "(" + p.expr(&lc) + ")"
				}
			}
			return name + "(" + p.args(x) + ")"
		case *ast.Attribute:
			if p.mode == PyChecked && len(x.Args) == 0 && (fn.Name.Name == "lower" || fn.Name.Name == "upper") {
				return "_case(" + p.expr(fn.X) + ", " + strconv.Quote(fn.Name.Name) + ")" // pycheck.py
			}
			return p.expr(fn.X) + "." + fn.Name.Name + "(" + p.args(x) + ")"
		}
		return p.fail("call of %T", x.Func)
	case *ast.Index:
		if sl, ok := x.Index.(*ast.Slice); ok {
			return p.expr(x.X) + "[" + p.slice(sl) + "]"
		}
		return p.expr(x.X) + "[" + p.expr(x.Index) + "]"
	case *ast.Tuple:
		if len(x.Elems) == 1 {
			return "(" + p.expr(x.Elems[0]) + ",)"
		}
		return "(" + p.list(x.Elems) + ")"
	case *ast.Comp:
		left, right := "[", "]"
		if x.Kind == ast.GenExp {
			left, right = "(", ")"
		} else if x.Kind != ast.ListComp || len(x.Fors) == 0 {
			return p.fail("comprehension of kind %d", x.Kind)
		}
		s := left + p.expr(x.Elt)
		for _, c := range x.Fors {
			s += " for " + p.target(c.Target) + " in " + p.expr(c.Iter)
			for _, cond := range c.Ifs {
				s += " if " + p.expr(cond)
			}
		}
		return s + right
	}
	return p.fail("expression %T", x)
}

// slice prints the subscript lo:hi:step of a slice, its absent parts
// empty (each part present is recorded in PyChecked mode, the slice itself
// is not a value).
func (p *pyPrinter) slice(sl *ast.Slice) string {
	part := func(x ast.Expr) string {
		if x == nil {
			return ""
		}
		return p.expr(x)
	}
	s := part(sl.Lo) + ":" + part(sl.Hi)
	if sl.Step != nil {
		s += ":" + part(sl.Step)
	}
	return s
}

// isGenExp reports whether x is a generator expression.
func isGenExp(x ast.Expr) bool {
	c, ok := x.(*ast.Comp)
	return ok && c.Kind == ast.GenExp
}

var binaryOps = map[ast.BinaryOp]string{ast.OpAdd: "+", ast.OpSub: "-", ast.OpMul: "*", ast.OpDiv: "/",
	ast.OpFloorDiv: "//", ast.OpMod: "%", ast.OpPow: "**", ast.OpBitAnd: "&", ast.OpBitOr: "|",
	ast.OpBitXor: "^", ast.OpLShift: "<<", ast.OpRShift: ">>"}

var cmpOps = map[ast.CmpOp]string{ast.CmpEq: "==", ast.CmpNe: "!=", ast.CmpLt: "<", ast.CmpLe: "<=",
	ast.CmpGt: ">", ast.CmpGe: ">=", ast.CmpIn: "in", ast.CmpNotIn: "not in", ast.CmpIs: "is",
	ast.CmpIsNot: "is not"}

// args prints the arguments of the call x: the positional ones, then
// the keywords as name=value.
func (p *pyPrinter) args(x *ast.Call) string {
	s := p.list(x.Args)
	for _, k := range x.Keywords {
		if s != "" {
			s += ", "
		}
		s += k.Name.Name + "=" + p.expr(k.Value)
	}
	return s
}

func (p *pyPrinter) list(xs []ast.Expr) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = p.expr(x)
	}
	return strings.Join(parts, ", ")
}

// pyFloat spells a float value as a Python expression that evaluates to
// exactly that value: the shortest decimal that reads back as it (with a
// ".0" or an exponent, so that Python reads a float), or an expression for
// the values that have no literal.
func pyFloat(v float64) string {
	switch {
	case v != v:
		return "float('nan')"
	case v > 1.7976931348623157e308:
		return "float('inf')"
	case v < -1.7976931348623157e308:
		return "(-float('inf'))"
	}
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	if strings.HasPrefix(s, "-") {
		s = "(" + s + ")"
	}
	return s
}

// str spells s as an ASCII Python literal: printable ASCII as itself
// (quote and backslash escaped), everything else as \xNN, \uNNNN or
// \UNNNNNNNN.
// fstring prints an f-string between single quotes: its literal pieces
// escaped as str does (with ' escaped too, and braces doubled), its fields
// as {expression} (which must hold no quote and no backslash, which
// Python before 3.12 refuses in a field: the generator writes names and
// arithmetic there).
func (p *pyPrinter) fstring(x *ast.FString) string {
	var b strings.Builder
	b.WriteString("f'")
	for _, part := range x.Parts {
		switch part := part.(type) {
		case *ast.StrLit:
			lit := p.str(part.Value)
			lit = strings.ReplaceAll(lit[1:len(lit)-1], "'", "\\'")
			lit = strings.ReplaceAll(strings.ReplaceAll(lit, "{", "{{"), "}", "}}")
			b.WriteString(lit)
		case *ast.FormattedValue:
			field := p.expr(part.X)
			if strings.ContainsAny(field, "'\"\\") || part.Conv != 0 || part.Spec != nil || part.Debug != "" {
				return p.fail("an f-string field the printer does not write: %s", field)
			}
			b.WriteString("{" + field + "}")
		default:
			return p.fail("an f-string part %T", part)
		}
	}
	b.WriteString("'")
	return b.String()
}

func (p *pyPrinter) str(s string) string {
	if !utf8.ValidString(s) {
		return p.fail("str literal %q is not UTF-8", s)
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
