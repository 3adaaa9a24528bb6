package parser

import (
	"math"
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
)

// Print returns the source of f written in language l (English when l is
// nil): keywords take l's first spelling, builtin and type names written in
// f's own language (f.Lang) take l's spelling of the same builtin or type,
// and other identifiers stay as written. An identifier that would read as a
// keyword, builtin or type name of l (a variable "i" printed in Danish,
// where "i" means "in") gets '_' appended until it is free, so that the
// output parses back to the same program. Parentheses are added only where
// precedence needs them; bodies are indented with four spaces.
func Print(f *ast.File, l *lang.Language) string {
	if l == nil {
		l, _ = lang.Get("en")
	}
	from, ok := lang.Get(f.Lang)
	if !ok {
		from, _ = lang.Get("en")
	}
	pr := &printer{to: l, from: from, used: map[string]bool{}, renamed: map[string]string{}}
	collectNames(f, pr.used)
	for i, s := range f.Body {
		if _, isDef := s.(*ast.FuncDef); isDef && i > 0 {
			pr.b.WriteString("\n")
		}
		pr.stmt(s, 0)
		if _, isDef := s.(*ast.FuncDef); isDef && i < len(f.Body)-1 {
			pr.b.WriteString("\n")
		}
	}
	return pr.b.String()
}

type printer struct {
	b        strings.Builder
	to, from *lang.Language
	used     map[string]bool   // every identifier of the file
	renamed  map[string]string // identifiers renamed to stay clear of l's words
}

// taken reports whether word means something else in the target language.
func (pr *printer) taken(word string) bool {
	if _, ok := pr.to.Keyword(word); ok {
		return true
	}
	for _, ph := range pr.to.Phrases() {
		for _, w := range ph.Words {
			if w == word { // "chaque" after "pour" would read as "pour chaque"
				return true
			}
		}
	}
	if _, ok := pr.to.Builtin(word); ok {
		return true
	}
	_, ok := pr.to.TypeName(word)
	return ok
}

// ident returns the spelling of a name in the target language.
func (pr *printer) ident(name string) string {
	if c, ok := pr.from.Builtin(name); ok {
		return pr.to.BuiltinSpelling(c)
	}
	if c, ok := pr.from.TypeName(name); ok {
		return pr.to.TypeSpelling(c)
	}
	return pr.free(name)
}

// free returns name, or a renamed variant when name is taken in the target.
func (pr *printer) free(name string) string {
	if !pr.taken(name) {
		return name
	}
	if r, ok := pr.renamed[name]; ok {
		return r
	}
	r := name + "_"
	for pr.used[r] || pr.taken(r) {
		r += "_"
	}
	pr.renamed[name] = r
	pr.used[r] = true
	return r
}

func (pr *printer) typeName(name string) string {
	if c, ok := pr.from.TypeName(name); ok {
		return pr.to.TypeSpelling(c)
	}
	if k, ok := pr.from.Keyword(name); ok && k == lang.None {
		return pr.kw(lang.None)
	}
	if c, ok := pr.from.Builtin(name); ok {
		return pr.to.BuiltinSpelling(c)
	}
	return pr.free(name)
}

func (pr *printer) kw(k lang.Keyword) string {
	if s := pr.to.KeywordSpelling(k); s != "" {
		return s
	}
	return string(k)
}

func (pr *printer) line(depth int, parts ...string) {
	pr.b.WriteString(strings.Repeat("    ", depth))
	for _, p := range parts {
		pr.b.WriteString(p)
	}
	pr.b.WriteString("\n")
}

func (pr *printer) body(stmts []ast.Stmt, depth int) {
	if len(stmts) == 0 {
		pr.line(depth, pr.kw(lang.Pass))
		return
	}
	for _, s := range stmts {
		pr.stmt(s, depth)
	}
}

func (pr *printer) typeExpr(t *ast.TypeExpr) string {
	if t == nil || t.Name == nil {
		return "?"
	}
	s := pr.typeName(t.Name.Name)
	if len(t.Args) > 0 {
		args := make([]string, len(t.Args))
		for i, a := range t.Args {
			args[i] = pr.typeExpr(a)
		}
		s += "[" + strings.Join(args, ", ") + "]"
	}
	return s
}

func (pr *printer) stmt(s ast.Stmt, depth int) {
	switch s := s.(type) {
	case *ast.FuncDef:
		params := make([]string, len(s.Params))
		for i, prm := range s.Params {
			params[i] = pr.ident(prm.Name.Name)
			if prm.Type != nil {
				params[i] += ": " + pr.typeExpr(prm.Type)
			}
		}
		result := ""
		if s.Result != nil {
			result = " -> " + pr.typeExpr(s.Result)
		}
		pr.line(depth, pr.kw(lang.Def), " ", pr.ident(s.Name.Name), "(", strings.Join(params, ", "), ")", result, ":")
		pr.body(s.Body, depth+1)
	case *ast.If:
		pr.ifStmt(s, depth, lang.If)
	case *ast.While:
		pr.line(depth, pr.kw(lang.While), " ", pr.expr(s.Cond, 0), ":")
		pr.body(s.Body, depth+1)
	case *ast.For:
		pr.line(depth, pr.kw(lang.For), " ", pr.ident(s.Var().Name), " ", pr.kw(lang.In), " ", pr.expr(s.Iter, 0), ":")
		pr.body(s.Body, depth+1)
	case *ast.Break:
		pr.line(depth, pr.kw(lang.Break))
	case *ast.Continue:
		pr.line(depth, pr.kw(lang.Continue))
	case *ast.Pass:
		pr.line(depth, pr.kw(lang.Pass))
	case *ast.Return:
		if s.Value == nil {
			pr.line(depth, pr.kw(lang.Return))
		} else {
			pr.line(depth, pr.kw(lang.Return), " ", pr.expr(s.Value, 0))
		}
	case *ast.Assign:
		pr.line(depth, pr.expr(s.Target, 0), " = ", pr.expr(s.Value, 0))
	case *ast.AugAssign:
		pr.line(depth, pr.expr(s.Target, 0), " ", s.Op.String(), "= ", pr.expr(s.Value, 0))
	case *ast.ExprStmt:
		pr.line(depth, pr.expr(s.X, 0))
	case *ast.Assert:
		if s.Msg == nil {
			pr.line(depth, pr.kw(lang.Assert), " ", pr.expr(s.Cond, 0))
		} else {
			pr.line(depth, pr.kw(lang.Assert), " ", pr.expr(s.Cond, 0), ", ", pr.expr(s.Msg, 0))
		}
	case *ast.Global:
		names := make([]string, len(s.Names))
		for i, n := range s.Names {
			names[i] = pr.ident(n.Name)
		}
		pr.line(depth, pr.kw(lang.Global), " ", strings.Join(names, ", "))
	}
}

// ifStmt prints an if, turning an Else that holds one elif If into an
// elif line.
func (pr *printer) ifStmt(s *ast.If, depth int, k lang.Keyword) {
	pr.line(depth, pr.kw(k), " ", pr.expr(s.Cond, 0), ":")
	pr.body(s.Body, depth+1)
	if s.Else == nil {
		return
	}
	if len(s.Else) == 1 {
		if e, ok := s.Else[0].(*ast.If); ok && e.Elif {
			pr.ifStmt(e, depth, lang.Elif)
			return
		}
	}
	pr.line(depth, pr.kw(lang.Else), ":")
	pr.body(s.Else, depth+1)
}

// Binding strengths, loosest first, as in the grammar.
const (
	precOr = iota + 1
	precAnd
	precNot
	precCompare
	precBitOr
	precBitXor
	precBitAnd
	precShift
	precArith
	precTerm
	precUnary
	precPower
	precPrimary
)

func binaryPrec(op ast.BinaryOp) int {
	switch op {
	case ast.OpAdd, ast.OpSub:
		return precArith
	case ast.OpPow:
		return precPower
	case ast.OpBitOr:
		return precBitOr
	case ast.OpBitXor:
		return precBitXor
	case ast.OpBitAnd:
		return precBitAnd
	case ast.OpLShift, ast.OpRShift:
		return precShift
	}
	return precTerm
}

func prec(x ast.Expr) int {
	switch x := x.(type) {
	case *ast.Logic:
		if x.Op == ast.OpOr {
			return precOr
		}
		return precAnd
	case *ast.Unary:
		if x.Op == ast.OpNot {
			return precNot
		}
		return precUnary
	case *ast.Compare:
		return precCompare
	case *ast.Binary:
		return binaryPrec(x.Op)
	case *ast.IntLit:
		if strings.HasPrefix(x.Text, "-") {
			return precUnary
		}
	case *ast.FloatLit:
		if x.Value < 0 || math.Signbit(x.Value) {
			return precUnary
		}
	}
	return precPrimary
}

// expr prints x, in parentheses when its binding is weaker than min.
func (pr *printer) expr(x ast.Expr, min int) string {
	s := pr.bare(x)
	if prec(x) < min {
		return "(" + s + ")"
	}
	return s
}

func (pr *printer) bare(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		return pr.ident(x.Name)
	case *ast.IntLit:
		return x.Text
	case *ast.FloatLit:
		return floatText(x)
	case *ast.StrLit:
		return strconv.Quote(x.Value)
	case *ast.BoolLit:
		if x.Value {
			return pr.kw(lang.True)
		}
		return pr.kw(lang.False)
	case *ast.NoneLit:
		return pr.kw(lang.None)
	case *ast.ListLit:
		return "[" + pr.list(x.Elems) + "]"
	case *ast.Binary:
		p := binaryPrec(x.Op)
		if x.Op == ast.OpPow {
			// Right-associative, and a unary operand on the left needs parentheses.
			return pr.expr(x.X, precPower+1) + " ** " + pr.expr(x.Y, precUnary)
		}
		return pr.expr(x.X, p) + " " + x.Op.String() + " " + pr.expr(x.Y, p+1)
	case *ast.Unary:
		if x.Op == ast.OpNot {
			return pr.kw(lang.Not) + " " + pr.expr(x.X, precNot)
		}
		return x.Op.String() + pr.expr(x.X, precUnary)
	case *ast.Logic:
		p, word := precAnd, pr.kw(lang.And)
		if x.Op == ast.OpOr {
			p, word = precOr, pr.kw(lang.Or)
		}
		return pr.expr(x.X, p) + " " + word + " " + pr.expr(x.Y, p+1)
	case *ast.Compare:
		var b strings.Builder
		for i, o := range x.Operands {
			if i > 0 && i-1 < len(x.Ops) {
				b.WriteString(" " + pr.cmpOp(x.Ops[i-1]) + " ")
			}
			b.WriteString(pr.expr(o, precCompare+1))
		}
		return b.String()
	case *ast.Call:
		return pr.expr(x.Func, precPrimary) + "(" + pr.list(x.Args) + ")"
	case *ast.Attribute:
		base := pr.expr(x.X, precPrimary)
		switch x.X.(type) {
		case *ast.IntLit, *ast.FloatLit:
			base = "(" + base + ")"
		}
		name := "?"
		if x.Name != nil {
			name = x.Name.Name
		}
		return base + "." + name
	case *ast.Index:
		return pr.expr(x.X, precPrimary) + "[" + pr.expr(x.Index, 0) + "]"
	}
	return "?"
}

func (pr *printer) list(xs []ast.Expr) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = pr.expr(x, 0)
	}
	return strings.Join(parts, ", ")
}

func (pr *printer) cmpOp(op ast.CmpOp) string {
	switch op {
	case ast.CmpIn:
		return pr.kw(lang.In)
	case ast.CmpNotIn:
		return pr.kw(lang.NotIn)
	case ast.CmpIs:
		return pr.kw(lang.Is)
	case ast.CmpIsNot:
		return pr.kw(lang.Is) + " " + pr.kw(lang.Not)
	}
	return op.String()
}

// floatText spells a float literal so that it scans back as a FLOAT.
func floatText(x *ast.FloatLit) string {
	if x.Text != "" {
		return x.Text
	}
	switch {
	case math.IsInf(x.Value, 1):
		return "1e999"
	case math.IsInf(x.Value, -1):
		return "-1e999"
	case math.IsNaN(x.Value):
		return "(1e999 - 1e999)"
	}
	s := strconv.FormatFloat(x.Value, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

// collectNames records every identifier of f, so that renaming never
// produces a name the program already uses.
func collectNames(f *ast.File, used map[string]bool) {
	var expr func(ast.Expr)
	var stmts func([]ast.Stmt)
	id := func(i *ast.Ident) {
		if i != nil {
			used[i.Name] = true
		}
	}
	expr = func(x ast.Expr) {
		switch x := x.(type) {
		case *ast.Ident:
			id(x)
		case *ast.ListLit:
			for _, e := range x.Elems {
				expr(e)
			}
		case *ast.Binary:
			expr(x.X)
			expr(x.Y)
		case *ast.Unary:
			expr(x.X)
		case *ast.Logic:
			expr(x.X)
			expr(x.Y)
		case *ast.Compare:
			for _, o := range x.Operands {
				expr(o)
			}
		case *ast.Call:
			expr(x.Func)
			for _, a := range x.Args {
				expr(a)
			}
		case *ast.Attribute:
			expr(x.X)
		case *ast.Index:
			expr(x.X)
			expr(x.Index)
		}
	}
	stmts = func(ss []ast.Stmt) {
		for _, s := range ss {
			switch s := s.(type) {
			case *ast.FuncDef:
				id(s.Name)
				for _, p := range s.Params {
					id(p.Name)
				}
				stmts(s.Body)
			case *ast.If:
				expr(s.Cond)
				stmts(s.Body)
				stmts(s.Else)
			case *ast.While:
				expr(s.Cond)
				stmts(s.Body)
			case *ast.For:
				id(s.Var())
				expr(s.Iter)
				stmts(s.Body)
			case *ast.Return:
				if s.Value != nil {
					expr(s.Value)
				}
			case *ast.Assign:
				expr(s.Target)
				expr(s.Value)
			case *ast.AugAssign:
				expr(s.Target)
				expr(s.Value)
			case *ast.ExprStmt:
				expr(s.X)
			case *ast.Assert:
				expr(s.Cond)
				if s.Msg != nil {
					expr(s.Msg)
				}
			case *ast.Global:
				for _, n := range s.Names {
					id(n)
				}
			}
		}
	}
	stmts(f.Body)
}
