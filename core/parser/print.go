package parser

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
)

// Print returns the source of f written in language l (English when l is
// nil), such that parsing it in l gives back the same tree.
//
// Keywords take l's first spelling. A builtin or type name written in f's
// own language (f.Lang) takes l's spelling of the same builtin or type,
// unless the program binds that name itself somewhere (assigns it,
// defines it, imports it, takes it as a parameter, ...): a name the
// program binds is its own and is printed as written everywhere, the rule
// DumpPython follows too. A name that would read as something else in l
// gets '_' appended until it is free, everywhere it appears (attribute and
// keyword-argument names included, so that a method and its calls stay
// together): a hard keyword of l (Python's soft keywords and l's other
// spellings of keywords stay usable as names), a word of one of l's
// multi-word keywords, a name the program binds that is l's spelling of a
// builtin the program also uses, and a free name that is one of l's
// builtins or types.
//
// Parentheses are added only where Python's precedence needs them. Bodies
// are indented with four spaces, and top-level definitions are set apart
// by blank lines.
func Print(f *ast.File, l *lang.Language) string {
	out, _ := printFile(f, l)
	return out
}

// printFile is Print, also returning the names it renamed (old -> new).
func printFile(f *ast.File, l *lang.Language) (string, map[string]string) {
	if l == nil {
		l, _ = lang.Get("en")
	}
	from, ok := lang.Get(f.Lang)
	if !ok {
		from, _ = lang.Get("en")
	}
	pr := newPrinter(f, from, l)
	for i, s := range f.Body {
		if isDef(s) && i > 0 {
			pr.b.WriteString("\n")
		}
		pr.stmt(s, 0)
		if isDef(s) && i < len(f.Body)-1 {
			pr.b.WriteString("\n")
		}
	}
	return pr.b.String(), pr.renamed
}

func isDef(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.FuncDef, *ast.ClassDef:
		return true
	}
	return false
}

type printer struct {
	b        strings.Builder
	to, from *lang.Language
	used     map[string]bool   // every identifier of the file
	bound    map[string]bool   // names the file binds: never builtins
	builtins map[string]bool   // target spellings of the builtins and types the file uses
	renamed  map[string]string // identifiers renamed to stay clear of l's words
	quotes   string            // quote characters of the f-strings being printed
	inType   bool              // printing an annotation: type names take the type spelling
}

func newPrinter(f *ast.File, from, to *lang.Language) *printer {
	pr := &printer{
		to: to, from: from,
		used:     map[string]bool{},
		bound:    boundNames(f),
		builtins: map[string]bool{},
		renamed:  map[string]string{},
	}
	// Identifiers that name attributes, keyword arguments, modules and
	// class-pattern attributes are never builtins.
	role := map[*ast.Ident]bool{}
	inspectAll(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Attribute:
			role[n.Name] = true
		case *ast.Keyword:
			role[n.Name] = true
		case *ast.Alias:
			for _, id := range n.Path {
				role[id] = true
			}
		case *ast.ImportFrom:
			for _, id := range n.Module {
				role[id] = true
			}
		case *ast.MatchClass:
			for _, id := range n.KwdAttrs {
				role[id] = true
			}
		case *ast.Ident:
			pr.used[n.Name] = true
			if !role[n] && !pr.bound[n.Name] {
				if c, ok := from.Builtin(n.Name); ok {
					pr.builtins[to.BuiltinSpelling(c)] = true
				}
				if c, ok := from.TypeName(n.Name); ok {
					pr.builtins[to.TypeSpelling(c)] = true
				}
			}
		}
		return true
	})
	return pr
}

// inspectAll is ast.InspectFile, also walking the expression of every
// annotation (ast.Inspect walks its Name and Args instead when it has
// them).
func inspectAll(f *ast.File, fn func(ast.Node) bool) {
	var visit func(ast.Node) bool
	visit = func(n ast.Node) bool {
		if !fn(n) {
			return false
		}
		if t, ok := n.(*ast.TypeExpr); ok && t.Name != nil && t.X != nil {
			ast.Inspect(t.X, visit)
		}
		return true
	}
	ast.InspectFile(f, visit)
}

// builtinSpelling returns the target spelling of name when it is a builtin
// or a type name of the source language.
func (pr *printer) builtinSpelling(name string) (string, bool) {
	if c, ok := pr.from.TypeName(name); ok && pr.inType {
		return pr.to.TypeSpelling(c), true
	}
	if c, ok := pr.from.Builtin(name); ok {
		return pr.to.BuiltinSpelling(c), true
	}
	if c, ok := pr.from.TypeName(name); ok {
		return pr.to.TypeSpelling(c), true
	}
	return "", false
}

// clash reports whether word cannot stand as a name in the target
// language: it is one of its hard keywords, or a word of one of its
// multi-word keywords ("chaque" after "pour" would read as "pour
// chaque").
func (pr *printer) clash(word string) bool {
	if k, ok := pr.to.Keyword(word); ok && pr.to.Hard(k, word) {
		return true
	}
	for _, ph := range pr.to.Phrases() {
		for _, w := range ph.Words {
			if w == word {
				return true
			}
		}
	}
	return false
}

// taken reports whether the program's name word must be renamed in the
// target language: it clashes, or the program binds it and it is the
// target's spelling of a builtin the program uses.
func (pr *printer) taken(word string) bool {
	return pr.clash(word) || pr.bound[word] && pr.builtins[word]
}

// builtinWord reports whether word is a builtin or type name of the target.
func (pr *printer) builtinWord(word string) bool {
	if _, ok := pr.to.Builtin(word); ok {
		return true
	}
	_, ok := pr.to.TypeName(word)
	return ok
}

// ident returns the spelling of a name standing as a variable: a builtin
// or type takes the target's spelling, other names stay as written unless
// they must be renamed.
func (pr *printer) ident(name string) string {
	if !pr.bound[name] {
		if s, ok := pr.builtinSpelling(name); ok {
			return s
		}
		if pr.builtinWord(name) {
			return pr.rename(name)
		}
	}
	return pr.attr(name)
}

// attr returns the spelling of a name that is not a variable (an
// attribute, a keyword argument, a module), or of a name the program
// binds: as written unless it is taken or was renamed as a variable.
func (pr *printer) attr(name string) string {
	if r, ok := pr.renamed[name]; ok {
		return r
	}
	if pr.taken(name) {
		return pr.rename(name)
	}
	return name
}

// rename returns the name that replaces name in the output, the same for
// every occurrence.
func (pr *printer) rename(name string) string {
	if r, ok := pr.renamed[name]; ok {
		return r
	}
	r := name + "_"
	for pr.used[r] || pr.clash(r) || pr.builtins[r] || pr.builtinWord(r) {
		r += "_"
	}
	pr.renamed[name] = r
	pr.used[r] = true
	return r
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

// typeExpr prints an annotation: the expression as written, or the name
// and arguments of a tree built by hand. Names of types in it take the
// target language's type names (which may differ from its builtin names:
// Danish float is the type flydetal and the builtin flydende).
func (pr *printer) typeExpr(t *ast.TypeExpr) string {
	switch {
	case t == nil:
		return "?"
	case t.X != nil:
		saved := pr.inType
		pr.inType = true
		defer func() { pr.inType = saved }()
		return pr.expr(t.X, precLambda)
	case t.Name == nil:
		return "?"
	}
	name := t.Name.Name
	var s string
	if k, ok := pr.from.Keyword(name); ok && k == lang.None {
		s = pr.kw(lang.None)
	} else if c, ok := pr.from.TypeName(name); ok && !pr.bound[name] {
		s = pr.to.TypeSpelling(c)
	} else {
		s = pr.ident(name)
	}
	if len(t.Args) > 0 {
		args := make([]string, len(t.Args))
		for i, a := range t.Args {
			args[i] = pr.typeExpr(a)
		}
		s += "[" + strings.Join(args, ", ") + "]"
	}
	return s
}

func (pr *printer) decl(k ast.DeclKind) string {
	switch k {
	case ast.DeclLet:
		return pr.kw(lang.Let) + " "
	case ast.DeclConst:
		return pr.kw(lang.Const) + " "
	}
	return ""
}

func (pr *printer) async(async bool) string {
	if async {
		return pr.kw(lang.Async) + " "
	}
	return ""
}

func (pr *printer) stmt(s ast.Stmt, depth int) {
	switch s := s.(type) {
	case *ast.FuncDef:
		for _, d := range s.Decorators {
			pr.line(depth, "@", pr.expr(d, precLambda))
		}
		result := ""
		if s.Result != nil {
			result = " -> " + pr.typeExpr(s.Result)
		}
		pr.line(depth, pr.async(s.Async), pr.kw(lang.Def), " ", pr.ident(s.Name.Name), "(", pr.params(s.Params, true), ")", result, ":")
		pr.body(s.Body, depth+1)
	case *ast.ClassDef:
		for _, d := range s.Decorators {
			pr.line(depth, "@", pr.expr(d, precLambda))
		}
		args := ""
		if len(s.Bases) > 0 || len(s.Keywords) > 0 {
			args = "(" + pr.args(s.Bases, s.Keywords) + ")"
		}
		pr.line(depth, pr.kw(lang.Class), " ", pr.ident(s.Name.Name), args, ":")
		pr.body(s.Body, depth+1)
	case *ast.If:
		pr.ifStmt(s, depth, lang.If)
	case *ast.While:
		pr.line(depth, pr.kw(lang.While), " ", pr.expr(s.Cond, precLambda), ":")
		pr.body(s.Body, depth+1)
		pr.elseBody(s.Else, depth)
	case *ast.For:
		pr.line(depth, pr.async(s.Async), pr.kw(lang.For), " ", pr.exprList(s.Target, precLambda), " ", pr.kw(lang.In), " ", pr.exprList(s.Iter, precLambda), ":")
		pr.body(s.Body, depth+1)
		pr.elseBody(s.Else, depth)
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
			pr.line(depth, pr.kw(lang.Return), " ", pr.exprList(s.Value, precLambda))
		}
	case *ast.Assign:
		var b strings.Builder
		b.WriteString(pr.decl(s.Decl))
		for _, t := range append([]ast.Expr{s.Target}, s.Chain...) {
			b.WriteString(pr.exprList(t, precLambda))
			b.WriteString(" = ")
		}
		b.WriteString(pr.exprList(s.Value, precYield))
		pr.line(depth, b.String())
	case *ast.AugAssign:
		pr.line(depth, pr.expr(s.Target, precPrimary), " ", s.Op.String(), "= ", pr.exprList(s.Value, precYield))
	case *ast.AnnAssign:
		target := pr.expr(s.Target, precPrimary)
		if _, ok := s.Target.(*ast.Ident); ok && !s.Simple {
			target = "(" + target + ")"
		}
		value := ""
		if s.Value != nil {
			value = " = " + pr.exprList(s.Value, precYield)
		}
		pr.line(depth, pr.decl(s.Decl), target, ": ", pr.typeExpr(s.Annot), value)
	case *ast.ExprStmt:
		pr.line(depth, pr.exprList(s.X, precYield))
	case *ast.Assert:
		if s.Msg == nil {
			pr.line(depth, pr.kw(lang.Assert), " ", pr.expr(s.Cond, precLambda))
		} else {
			pr.line(depth, pr.kw(lang.Assert), " ", pr.expr(s.Cond, precLambda), ", ", pr.expr(s.Msg, precLambda))
		}
	case *ast.Global:
		pr.line(depth, pr.kw(lang.Global), " ", pr.names(s.Names))
	case *ast.Nonlocal:
		pr.line(depth, pr.kw(lang.Nonlocal), " ", pr.names(s.Names))
	case *ast.Delete:
		targets := make([]string, len(s.Targets))
		for i, t := range s.Targets {
			targets[i] = pr.expr(t, precPrimary)
		}
		pr.line(depth, pr.kw(lang.Del), " ", strings.Join(targets, ", "))
	case *ast.Raise:
		switch {
		case s.Exc == nil:
			pr.line(depth, pr.kw(lang.Raise))
		case s.Cause == nil:
			pr.line(depth, pr.kw(lang.Raise), " ", pr.expr(s.Exc, precLambda))
		default:
			pr.line(depth, pr.kw(lang.Raise), " ", pr.expr(s.Exc, precLambda), " ", pr.kw(lang.From), " ", pr.expr(s.Cause, precLambda))
		}
	case *ast.Try:
		pr.line(depth, pr.kw(lang.Try), ":")
		pr.body(s.Body, depth+1)
		for _, h := range s.Handlers {
			head := pr.kw(lang.Except)
			if s.Star {
				head += "*"
			}
			if h.Type != nil {
				head += " " + pr.expr(h.Type, precLambda)
				if h.Name != nil {
					head += " " + pr.kw(lang.As) + " " + pr.ident(h.Name.Name)
				}
			}
			pr.line(depth, head, ":")
			pr.body(h.Body, depth+1)
		}
		pr.elseBody(s.Else, depth)
		if s.Finally != nil {
			pr.line(depth, pr.kw(lang.Finally), ":")
			pr.body(s.Finally, depth+1)
		}
	case *ast.With:
		items := make([]string, len(s.Items))
		for i, it := range s.Items {
			items[i] = pr.expr(it.Context, precLambda)
			if _, ok := it.Context.(*ast.Tuple); ok && it.Target == nil && len(s.Items) == 1 {
				items[i] = "(" + items[i] + ")" // `with (a, b):` has two items
			}
			if it.Target != nil {
				items[i] += " " + pr.kw(lang.As) + " " + pr.expr(it.Target, precPrimary)
			}
		}
		pr.line(depth, pr.async(s.Async), pr.kw(lang.With), " ", strings.Join(items, ", "), ":")
		pr.body(s.Body, depth+1)
	case *ast.Import:
		pr.line(depth, pr.kw(lang.Import), " ", pr.aliases(s.Names))
	case *ast.ImportFrom:
		module := strings.Repeat(".", s.Level) + pr.dotted(s.Module)
		pr.line(depth, pr.kw(lang.From), " ", module, " ", pr.kw(lang.Import), " ", pr.aliases(s.Names))
	case *ast.Match:
		pr.line(depth, pr.kw(lang.Match), " ", pr.exprList(s.Subject, precLambda), ":")
		for _, c := range s.Cases {
			guard := ""
			if c.Guard != nil {
				guard = " " + pr.kw(lang.If) + " " + pr.expr(c.Guard, precLambda)
			}
			pr.line(depth+1, pr.kw(lang.Case), " ", pr.pattern(c.Pattern, false), guard, ":")
			pr.body(c.Body, depth+2)
		}
	}
}

// elseBody prints the else branch of a loop or try, when there is one.
func (pr *printer) elseBody(body []ast.Stmt, depth int) {
	if body != nil {
		pr.line(depth, pr.kw(lang.Else), ":")
		pr.body(body, depth+1)
	}
}

func (pr *printer) names(ids []*ast.Ident) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = pr.ident(id.Name)
	}
	return strings.Join(out, ", ")
}

// dotted prints a module path.
func (pr *printer) dotted(ids []*ast.Ident) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = pr.attr(id.Name)
	}
	return strings.Join(out, ".")
}

func (pr *printer) aliases(as []*ast.Alias) string {
	out := make([]string, len(as))
	for i, a := range as {
		if len(a.Path) == 1 && a.Path[0].Name == "*" {
			out[i] = "*"
			continue
		}
		out[i] = pr.dotted(a.Path)
		if a.AsName != nil {
			out[i] += " " + pr.kw(lang.As) + " " + pr.ident(a.AsName.Name)
		}
	}
	return strings.Join(out, ", ")
}

// params prints a parameter list with the `/` and `*` markers its kinds
// call for; annotations are left out of a lambda's.
func (pr *printer) params(ps []*ast.Param, annotated bool) string {
	var out []string
	starred := false // a `*args` or a bare `*` has been printed
	for i, p := range ps {
		if p.Kind == ast.ParamKwOnly && !starred {
			out = append(out, "*")
			starred = true
		}
		s := pr.ident(p.Name.Name)
		switch p.Kind {
		case ast.ParamVarArgs:
			s = "*" + s
			starred = true
		case ast.ParamVarKw:
			s = "**" + s
		}
		if annotated && p.Type != nil {
			s += ": " + pr.typeExpr(p.Type)
			if p.Default != nil {
				s += " = " + pr.expr(p.Default, precLambda)
			}
		} else if p.Default != nil {
			s += "=" + pr.expr(p.Default, precLambda)
		}
		out = append(out, s)
		if p.Kind == ast.ParamPosOnly && (i == len(ps)-1 || ps[i+1].Kind != ast.ParamPosOnly) {
			out = append(out, "/")
		}
	}
	return strings.Join(out, ", ")
}

// args prints the arguments of a call or a class header: positional ones
// (`*xs` included) first, then keyword ones in their order, which is how
// Python's tree holds them whatever the order written.
func (pr *printer) args(args []ast.Expr, kws []*ast.Keyword) string {
	var out []string
	for _, a := range args {
		out = append(out, pr.expr(a, precLambda))
	}
	for _, k := range kws {
		if k.Name == nil {
			out = append(out, "**"+pr.expr(k.Value, precBitOr))
		} else {
			out = append(out, pr.attr(k.Name.Name)+"="+pr.expr(k.Value, precLambda))
		}
	}
	return strings.Join(out, ", ")
}

// ifStmt prints an if, turning an Else that holds one elif If into an
// elif line.
func (pr *printer) ifStmt(s *ast.If, depth int, k lang.Keyword) {
	pr.line(depth, pr.kw(k), " ", pr.expr(s.Cond, precLambda), ":")
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

// Binding strengths, loosest first, as in Python's grammar. An expression
// printed where a tighter one is needed gets parentheses.
const (
	precYield   = iota + 1 // yield, yield from: bare only as a statement or an assigned value
	precLambda             // lambda, x if c else y: any "expression" position
	precOr                 // or
	precAnd                // and
	precNot                // not
	precCompare            // comparisons
	precBitOr              // |
	precBitXor             // ^
	precBitAnd             // &
	precShift              // << >>
	precArith              // + -
	precTerm               // * / // % @
	precUnary              // unary - + ~
	precPower              // **
	precAwait              // await
	precPrimary            // atoms, calls, subscripts, attributes
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
	case *ast.Yield, *ast.YieldFrom:
		return precYield
	case *ast.Lambda, *ast.IfExp:
		return precLambda
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
	case *ast.Await:
		return precAwait
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

// exprList prints x where Python accepts a tuple without parentheses (the
// value of an assignment or a return, a for loop's target and iterable, a
// subject, ...); any other x is printed as expr(x, min).
func (pr *printer) exprList(x ast.Expr, min int) string {
	if t, ok := x.(*ast.Tuple); ok && len(t.Elems) > 0 {
		s := pr.list(t.Elems)
		if len(t.Elems) == 1 {
			s += ","
		}
		return s
	}
	return pr.expr(x, min)
}

func (pr *printer) bare(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		return pr.ident(x.Name)
	case *ast.IntLit:
		return x.Text
	case *ast.FloatLit:
		return floatText(x)
	case *ast.ImagLit:
		return x.Text + "j"
	case *ast.StrLit:
		return pr.quote(x.Value)
	case *ast.BytesLit:
		return bytesText(x.Value, pr.pickQuote(x.Value))
	case *ast.BoolLit:
		if x.Value {
			return pr.kw(lang.True)
		}
		return pr.kw(lang.False)
	case *ast.NoneLit:
		return pr.kw(lang.None)
	case *ast.Ellipsis:
		return "..."
	case *ast.ListLit:
		return "[" + pr.list(x.Elems) + "]"
	case *ast.Tuple:
		switch len(x.Elems) {
		case 0:
			return "()"
		case 1:
			return "(" + pr.expr(x.Elems[0], precLambda) + ",)"
		}
		return "(" + pr.list(x.Elems) + ")"
	case *ast.Set:
		return "{" + pr.list(x.Elems) + "}"
	case *ast.Dict:
		items := make([]string, len(x.Values))
		for i, v := range x.Values {
			if i >= len(x.Keys) || x.Keys[i] == nil {
				items[i] = "**" + pr.expr(v, precBitOr)
			} else {
				items[i] = pr.expr(x.Keys[i], precOr) + ": " + pr.expr(v, precLambda)
			}
		}
		return "{" + strings.Join(items, ", ") + "}"
	case *ast.Starred:
		return "*" + pr.expr(x.X, precBitOr)
	case *ast.Binary:
		p := binaryPrec(x.Op)
		if x.Op == ast.OpPow {
			// Right-associative, and a unary operand on the left needs parentheses.
			return pr.expr(x.X, precAwait) + " ** " + pr.expr(x.Y, precUnary)
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
		left := p
		if l, ok := x.X.(*ast.Logic); ok && l.Paren && l.Op == x.Op {
			left = p + 1 // the group keeps its parentheses
		}
		return pr.expr(x.X, left) + " " + word + " " + pr.expr(x.Y, p+1)
	case *ast.Compare:
		var b strings.Builder
		for i, o := range x.Operands {
			if i > 0 && i-1 < len(x.Ops) {
				b.WriteString(" " + pr.cmpOp(x.Ops[i-1]) + " ")
			}
			b.WriteString(pr.expr(o, precBitOr))
		}
		return b.String()
	case *ast.Call:
		fn := pr.expr(x.Func, precPrimary)
		if len(x.Args) == 1 && len(x.Keywords) == 0 {
			if c, ok := x.Args[0].(*ast.Comp); ok && c.Kind == ast.GenExp {
				return fn + pr.bare(c) // f(x for x in xs)
			}
		}
		return fn + "(" + pr.args(x.Args, x.Keywords) + ")"
	case *ast.Attribute:
		base := pr.expr(x.X, precPrimary)
		switch x.X.(type) {
		case *ast.IntLit, *ast.FloatLit:
			base = "(" + base + ")"
		}
		name := "?"
		if x.Name != nil {
			name = pr.attr(x.Name.Name)
		}
		return base + "." + name
	case *ast.Index:
		return pr.expr(x.X, precPrimary) + "[" + pr.subscript(x.Index) + "]"
	case *ast.Slice:
		s := pr.optExpr(x.Lo) + ":" + pr.optExpr(x.Hi)
		if x.Step != nil {
			s += ":" + pr.optExpr(x.Step)
		}
		return s
	case *ast.Lambda:
		params := pr.params(x.Params, false)
		if params != "" {
			params = " " + params
		}
		return pr.kw(lang.Lambda) + params + ": " + pr.expr(x.Body, precLambda)
	case *ast.IfExp:
		return pr.expr(x.Body, precOr) + " " + pr.kw(lang.If) + " " + pr.expr(x.Cond, precOr) + " " + pr.kw(lang.Else) + " " + pr.expr(x.Else, precLambda)
	case *ast.NamedExpr:
		// Always in parentheses: a bare := is a syntax error in most places.
		return "(" + pr.ident(x.Target.Name) + " := " + pr.expr(x.Value, precLambda) + ")"
	case *ast.Comp:
		return pr.comp(x)
	case *ast.Yield:
		if x.Value == nil {
			return pr.kw(lang.Yield)
		}
		return pr.kw(lang.Yield) + " " + pr.exprList(x.Value, precLambda)
	case *ast.YieldFrom:
		return pr.kw(lang.Yield) + " " + pr.kw(lang.From) + " " + pr.expr(x.Value, precLambda)
	case *ast.Await:
		return pr.kw(lang.Await) + " " + pr.expr(x.X, precPrimary)
	case *ast.FString:
		return pr.fstring(x)
	case *ast.FormattedValue:
		return pr.fstring(&ast.FString{Parts: []ast.Expr{x}})
	}
	return "?"
}

func (pr *printer) optExpr(x ast.Expr) string {
	if x == nil {
		return ""
	}
	return pr.expr(x, precOr)
}

// subscript prints what goes between the brackets of x[...]: a tuple of
// slices and expressions goes without parentheses.
func (pr *printer) subscript(x ast.Expr) string {
	t, ok := x.(*ast.Tuple)
	if !ok {
		return pr.expr(x, precLambda)
	}
	if len(t.Elems) == 0 {
		return "()"
	}
	s := pr.list(t.Elems)
	if _, starred := t.Elems[0].(*ast.Starred); len(t.Elems) == 1 && !starred {
		s += "," // x[*a] is already a tuple
	}
	return s
}

func (pr *printer) comp(x *ast.Comp) string {
	var b strings.Builder
	switch x.Kind {
	case ast.DictComp:
		b.WriteString(pr.expr(x.Elt, precOr) + ": " + pr.expr(x.Value, precLambda))
	default:
		b.WriteString(pr.expr(x.Elt, precLambda))
	}
	for _, c := range x.Fors {
		b.WriteString(" " + pr.async(c.Async) + pr.kw(lang.For) + " " + pr.exprList(c.Target, precLambda) + " " + pr.kw(lang.In) + " " + pr.expr(c.Iter, precOr))
		for _, cond := range c.Ifs {
			b.WriteString(" " + pr.kw(lang.If) + " " + pr.expr(cond, precOr))
		}
	}
	switch x.Kind {
	case ast.ListComp:
		return "[" + b.String() + "]"
	case ast.SetComp, ast.DictComp:
		return "{" + b.String() + "}"
	}
	return "(" + b.String() + ")"
}

func (pr *printer) list(xs []ast.Expr) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = pr.expr(x, precLambda)
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

// pattern prints a pattern of a case; closed asks for one that can stand
// as an alternative of `|` or before `as`.
func (pr *printer) pattern(p ast.Pattern, closed bool) string {
	switch p := p.(type) {
	case *ast.MatchValue:
		return pr.expr(p.X, precOr)
	case *ast.MatchSingleton:
		return pr.expr(p.X, precOr)
	case *ast.MatchSequence:
		return "[" + pr.patterns(p.Patterns) + "]"
	case *ast.MatchMapping:
		items := make([]string, 0, len(p.Patterns)+1)
		for i, sub := range p.Patterns {
			key := "?"
			if i < len(p.Keys) {
				key = pr.expr(p.Keys[i], precOr)
			}
			items = append(items, key+": "+pr.pattern(sub, false))
		}
		if p.Rest != nil {
			items = append(items, "**"+pr.ident(p.Rest.Name))
		}
		return "{" + strings.Join(items, ", ") + "}"
	case *ast.MatchClass:
		args := make([]string, 0, len(p.Patterns)+len(p.KwdPatterns))
		for _, sub := range p.Patterns {
			args = append(args, pr.pattern(sub, false))
		}
		for i, sub := range p.KwdPatterns {
			name := "?"
			if i < len(p.KwdAttrs) {
				name = pr.attr(p.KwdAttrs[i].Name)
			}
			args = append(args, name+"="+pr.pattern(sub, false))
		}
		return pr.expr(p.Cls, precPrimary) + "(" + strings.Join(args, ", ") + ")"
	case *ast.MatchStar:
		if p.Name == nil {
			return "*_"
		}
		return "*" + pr.ident(p.Name.Name)
	case *ast.MatchAs:
		switch {
		case p.Pattern == nil && p.Name == nil:
			return "_"
		case p.Pattern == nil:
			return pr.ident(p.Name.Name)
		}
		s := pr.pattern(p.Pattern, true) + " " + pr.kw(lang.As) + " "
		if p.Name == nil {
			s += "_"
		} else {
			s += pr.ident(p.Name.Name)
		}
		if closed {
			return "(" + s + ")"
		}
		return s
	case *ast.MatchOr:
		alts := make([]string, len(p.Patterns))
		for i, sub := range p.Patterns {
			alts[i] = pr.pattern(sub, true)
		}
		if closed {
			return "(" + strings.Join(alts, " | ") + ")"
		}
		return strings.Join(alts, " | ")
	}
	return "?"
}

func (pr *printer) patterns(ps []ast.Pattern) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = pr.pattern(p, false)
	}
	return strings.Join(out, ", ")
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

// ---- Strings ----

// pickQuote returns the quote character for a string literal with
// contents s: one that no enclosing f-string uses (Python before 3.12
// cannot reuse the enclosing quote in a replacement field), the double
// quote unless s holds a double quote and no single quote.
func (pr *printer) pickQuote(s string) byte {
	free := pr.freeQuotes()
	switch len(free) {
	case 0:
		return '"' // nested deeper than two f-strings: Python 3.12's rules
	case 1:
		return free[0]
	}
	if strings.IndexByte(s, '"') >= 0 && strings.IndexByte(s, '\'') < 0 {
		return '\''
	}
	return '"'
}

// freeQuotes returns the quote characters no enclosing f-string uses.
func (pr *printer) freeQuotes() []byte {
	var free []byte
	for _, q := range []byte{'"', '\''} {
		if strings.IndexByte(pr.quotes, q) < 0 {
			free = append(free, q)
		}
	}
	return free
}

// quote prints a str literal.
func (pr *printer) quote(s string) string {
	q := pr.pickQuote(s)
	return string(q) + escapeStr(s, q, false) + string(q)
}

// escapeStr escapes s for a literal delimited by q: the backslash, the
// quote, newline, carriage return and tab, and the characters that are not
// printable. In an f-string, braces are doubled.
func escapeStr(s string, q byte, fstring bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := decodeRune(s[i:])
		i += size
		switch {
		case r == '\\' || r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case fstring && (r == '{' || r == '}'):
			b.WriteRune(r)
			b.WriteRune(r)
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f || pyPrintable(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return b.String()
}

// bytesText prints a bytes literal delimited by q.
func bytesText(s string, q byte) string {
	var b strings.Builder
	b.WriteByte('b')
	b.WriteByte(q)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' || c == q:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < ' ' || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// fstring prints an f-string. Its quote is one that no enclosing f-string
// uses, and string literals inside its fields avoid it in turn.
func (pr *printer) fstring(x *ast.FString) string {
	free := pr.freeQuotes()
	q := byte('"')
	switch len(free) {
	case 1:
		q = free[0]
	case 2:
		// The quote that lets the strings inside the fields, which take the
		// other one, go without escapes, and the text of debugging fields
		// printed as written hold no quote.
		cost := func(q byte) int {
			other := byte('"' + '\'' - int(q))
			n := 0
			for _, s := range fieldStrings(x.Parts) {
				if strings.IndexByte(s, other) >= 0 {
					n++
				}
			}
			if pr.to == pr.from && debugHolds(x.Parts, q) {
				n += 1000
			}
			return n
		}
		if cost('\'') < cost('"') {
			q = '\''
		}
	}
	saved := pr.quotes
	pr.quotes += string(q)
	defer func() { pr.quotes = saved }()
	return "f" + string(q) + pr.fstringBody(x.Parts, q) + string(q)
}

// fieldStrings returns the contents of the string literals in the fields
// of an f-string (parts), format specs included.
func fieldStrings(parts []ast.Expr) []string {
	var out []string
	for _, p := range parts {
		fv, ok := p.(*ast.FormattedValue)
		if !ok {
			continue
		}
		ast.Inspect(fv.X, func(n ast.Node) bool {
			if s, ok := n.(*ast.StrLit); ok {
				out = append(out, s.Value)
			}
			return true
		})
		if fv.Spec != nil {
			out = append(out, fieldStrings(fv.Spec.Parts)...)
		}
	}
	return out
}

// debugHolds reports whether the text of a `{x=}` field among parts, or
// in their format specs, holds the quote q.
func debugHolds(parts []ast.Expr, q byte) bool {
	for _, p := range parts {
		if fv, ok := p.(*ast.FormattedValue); ok {
			if strings.IndexByte(fv.Debug, q) >= 0 || fv.Spec != nil && debugHolds(fv.Spec.Parts, q) {
				return true
			}
		}
	}
	return false
}

// fstringBody prints the literal parts and fields of an f-string or of a
// format spec.
//
// A debugging field `{x=}` comes after a literal part ending with its text
// ("x="), as in Python's tree. It is printed as written, that text left
// out of the literal, when this gives the same text: in the language it
// was written in, or when x reads the same in the target language; and
// when the text holds no quote q. Otherwise it becomes a plain field
// after the literal, `x={x!r}`: the tree, and what the program prints,
// stay the same, and x is translated.
func (pr *printer) fstringBody(parts []ast.Expr, q byte) string {
	var b strings.Builder
	for i, part := range parts {
		switch part := part.(type) {
		case *ast.StrLit:
			text := part.Value
			if i+1 < len(parts) {
				if fv, ok := parts[i+1].(*ast.FormattedValue); ok && pr.debugAsWritten(fv, part, q) {
					text = strings.TrimSuffix(text, fv.Debug)
				}
			}
			b.WriteString(escapeStr(text, q, true))
		case *ast.FormattedValue:
			var before *ast.StrLit
			if i > 0 {
				before, _ = parts[i-1].(*ast.StrLit)
			}
			b.WriteString(pr.field(part, pr.debugAsWritten(part, before, q), q))
		default:
			b.WriteString("{" + pr.expr(part, precLambda) + "}")
		}
	}
	return b.String()
}

// debugAsWritten reports whether fv is a debugging field to print with
// its text as written; before is the literal part in front of it.
func (pr *printer) debugAsWritten(fv *ast.FormattedValue, before *ast.StrLit, q byte) bool {
	if fv.Debug == "" || strings.IndexByte(fv.Debug, q) >= 0 || before == nil || !strings.HasSuffix(before.Value, fv.Debug) {
		return false
	}
	if pr.to == pr.from {
		return true
	}
	written := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(fv.Debug), "="))
	return written == pr.fieldExpr(fv)
}

// fieldExpr prints the expression of a replacement field.
func (pr *printer) fieldExpr(fv *ast.FormattedValue) string {
	x := pr.expr(fv.X, precLambda)
	if endsWithLambda(fv.X) {
		x = "(" + x + ")" // a bare lambda's ':' would start the format spec
	}
	return x
}

// field prints a replacement field {x!c:spec}, or {x=} for a debugging
// field printed as written.
func (pr *printer) field(fv *ast.FormattedValue, asWritten bool, q byte) string {
	x := pr.fieldExpr(fv)
	if strings.HasPrefix(x, "{") {
		x = " " + x // "{{" would be a literal brace
	}
	if strings.HasSuffix(x, "}") {
		x += " "
	}
	conv := fv.Conv
	if fv.Debug != "" && conv == 0 && fv.Spec == nil {
		conv = 'r' // what '=' implies
	}
	if asWritten {
		x = fv.Debug // spaces and '=' included
		if conv == 'r' && fv.Spec == nil {
			conv = 0 // implied by '='
		}
	}
	s := "{" + x
	if conv != 0 {
		s += "!" + string(conv)
	}
	if fv.Spec != nil {
		s += ":" + pr.fstringBody(fv.Spec.Parts, q)
	}
	return s + "}"
}

// endsWithLambda reports whether x, printed without parentheses, ends
// with a lambda.
func endsWithLambda(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.Lambda:
		return true
	case *ast.IfExp:
		return endsWithLambda(x.Else)
	}
	return false
}
