package parser

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
)

// Dump returns n (a *ast.File, a statement, an expression, a pattern or
// an annotation) as an S-expression, for tests: `(Binary + (Name x) (Int
// 1))`. Statements of a body go on their own lines, indented; expressions
// and patterns stay on one line. Names are shown as written; positions,
// and whether a tuple or a sequence pattern was written in parentheses,
// are not shown.
func Dump(n any) string {
	d := &dumper{}
	d.node(n, 0)
	return d.b.String()
}

// DumpCanonical is Dump with builtin and type names of language l replaced
// by their canonical English names ("intervalle" -> "range", "entier" ->
// "int"), so that the same program written in two languages dumps the
// same. Unlike DumpPython, it replaces such a name even where the program
// binds it.
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
		if c, ok := d.lang.TypeName(id.Name); ok {
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
	if t.Name == nil && t.X != nil {
		d.b.WriteString("(Type")
		d.exprs([]ast.Expr{t.X})
		d.b.WriteString(")")
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
	case ast.Stmt:
		d.stmt(n, depth, ind)
	case ast.Expr:
		d.expr(n)
	case ast.Pattern:
		d.pattern(n)
	case *ast.TypeExpr:
		d.typeExpr(n)
	default:
		d.printf("(?%T)", n)
	}
}

func (d *dumper) decorators(xs []ast.Expr) {
	if len(xs) > 0 {
		d.b.WriteString(" (Decorators")
		d.exprs(xs)
		d.b.WriteString(")")
	}
}

func (d *dumper) params(ps []*ast.Param) {
	d.b.WriteString("(Params")
	for _, prm := range ps {
		label := map[ast.ParamKind]string{ast.ParamPosOnly: "PosOnly", ast.ParamVarArgs: "VarArgs", ast.ParamKwOnly: "KwOnly", ast.ParamVarKw: "VarKw"}[prm.Kind]
		if label == "" {
			label = "Param"
		}
		d.printf(" (%s %s", label, d.name(prm.Name))
		if prm.Type != nil {
			d.b.WriteString(" ")
			d.typeExpr(prm.Type)
		}
		if prm.Default != nil {
			d.b.WriteString(" (Default")
			d.exprs([]ast.Expr{prm.Default})
			d.b.WriteString(")")
		}
		d.b.WriteString(")")
	}
	d.b.WriteString(")")
}

func (d *dumper) keywords(ks []*ast.Keyword) {
	for _, k := range ks {
		if k.Name == nil {
			d.b.WriteString(" (Kw **")
		} else {
			d.printf(" (Kw %s", d.attrName(k.Name))
		}
		d.exprs([]ast.Expr{k.Value})
		d.b.WriteString(")")
	}
}

func (d *dumper) aliases(as []*ast.Alias) {
	for _, a := range as {
		d.printf(" (Alias %s", a.Dotted())
		if a.AsName != nil {
			d.printf(" %s", a.AsName.Name)
		}
		d.b.WriteString(")")
	}
}

func (d *dumper) decl(k ast.DeclKind) {
	switch k {
	case ast.DeclLet:
		d.b.WriteString(" let")
	case ast.DeclConst:
		d.b.WriteString(" const")
	}
}

func (d *dumper) stmt(n ast.Stmt, depth int, ind string) {
	switch n := n.(type) {
	case *ast.FuncDef:
		label := "Def"
		if n.Async {
			label = "AsyncDef"
		}
		d.printf("%s(%s %s", ind, label, d.name(n.Name))
		d.decorators(n.Decorators)
		d.b.WriteString(" ")
		d.params(n.Params)
		if n.Result != nil {
			d.b.WriteString(" -> ")
			d.typeExpr(n.Result)
		}
		d.body("Body", n.Body, depth+1)
		d.b.WriteString(")")
	case *ast.ClassDef:
		d.printf("%s(Class %s", ind, d.name(n.Name))
		d.decorators(n.Decorators)
		if len(n.Bases) > 0 {
			d.b.WriteString(" (Bases")
			d.exprs(n.Bases)
			d.b.WriteString(")")
		}
		d.keywords(n.Keywords)
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
		if n.Else != nil {
			d.body("Else", n.Else, depth+1)
		}
		d.b.WriteString(")")
	case *ast.For:
		label := "For"
		if n.Async {
			label = "AsyncFor"
		}
		d.printf("%s(%s ", ind, label)
		if id := n.Var(); id != nil {
			d.b.WriteString(d.name(id))
		} else {
			d.node(n.Target, 0)
		}
		d.b.WriteString(" ")
		d.node(n.Iter, 0)
		d.body("Body", n.Body, depth+1)
		if n.Else != nil {
			d.body("Else", n.Else, depth+1)
		}
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
		d.decl(n.Decl)
		d.exprs([]ast.Expr{n.Target})
		d.exprs(n.Chain)
		d.exprs([]ast.Expr{n.Value})
		d.b.WriteString(")")
	case *ast.AugAssign:
		d.printf("%s(AugAssign %s=", ind, n.Op)
		d.exprs([]ast.Expr{n.Target, n.Value})
		d.b.WriteString(")")
	case *ast.AnnAssign:
		d.printf("%s(AnnAssign", ind)
		d.decl(n.Decl)
		if n.Simple {
			d.b.WriteString(" simple")
		}
		d.exprs([]ast.Expr{n.Target})
		d.b.WriteString(" ")
		d.typeExpr(n.Annot)
		if n.Value != nil {
			d.exprs([]ast.Expr{n.Value})
		}
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
	case *ast.Nonlocal:
		d.printf("%s(Nonlocal", ind)
		for _, id := range n.Names {
			d.printf(" %s", d.name(id))
		}
		d.b.WriteString(")")
	case *ast.Delete:
		d.printf("%s(Del", ind)
		d.exprs(n.Targets)
		d.b.WriteString(")")
	case *ast.Raise:
		d.printf("%s(Raise", ind)
		if n.Exc != nil {
			d.exprs([]ast.Expr{n.Exc})
		}
		if n.Cause != nil {
			d.b.WriteString(" (From")
			d.exprs([]ast.Expr{n.Cause})
			d.b.WriteString(")")
		}
		d.b.WriteString(")")
	case *ast.Try:
		label := "Try"
		if n.Star {
			label = "TryStar"
		}
		d.printf("%s(%s", ind, label)
		d.body("Body", n.Body, depth+1)
		for _, h := range n.Handlers {
			d.printf("\n%s(Except", strings.Repeat("  ", depth+1))
			if h.Type != nil {
				d.exprs([]ast.Expr{h.Type})
			}
			if h.Name != nil {
				d.printf(" as %s", d.name(h.Name))
			}
			d.body("Body", h.Body, depth+2)
			d.b.WriteString(")")
		}
		if n.Else != nil {
			d.body("Else", n.Else, depth+1)
		}
		if n.Finally != nil {
			d.body("Finally", n.Finally, depth+1)
		}
		d.b.WriteString(")")
	case *ast.With:
		label := "With"
		if n.Async {
			label = "AsyncWith"
		}
		d.printf("%s(%s", ind, label)
		for _, it := range n.Items {
			d.b.WriteString(" (Item")
			d.exprs([]ast.Expr{it.Context})
			if it.Target != nil {
				d.exprs([]ast.Expr{it.Target})
			}
			d.b.WriteString(")")
		}
		d.body("Body", n.Body, depth+1)
		d.b.WriteString(")")
	case *ast.Import:
		d.printf("%s(Import", ind)
		d.aliases(n.Names)
		d.b.WriteString(")")
	case *ast.ImportFrom:
		d.printf("%s(ImportFrom %s%s", ind, strings.Repeat(".", n.Level), n.ModuleName())
		d.aliases(n.Names)
		d.b.WriteString(")")
	case *ast.Match:
		d.printf("%s(Match", ind)
		d.exprs([]ast.Expr{n.Subject})
		for _, c := range n.Cases {
			d.printf("\n%s(Case ", strings.Repeat("  ", depth+1))
			d.pattern(c.Pattern)
			if c.Guard != nil {
				d.b.WriteString(" (If")
				d.exprs([]ast.Expr{c.Guard})
				d.b.WriteString(")")
			}
			d.body("Body", c.Body, depth+2)
			d.b.WriteString(")")
		}
		d.b.WriteString(")")
	default:
		d.printf("%s(?%T)", ind, n)
	}
}

func (d *dumper) expr(n ast.Expr) {
	switch n := n.(type) {
	case *ast.Ident:
		d.printf("(Name %s)", d.name(n))
	case *ast.IntLit:
		d.printf("(Int %s)", n.Text)
	case *ast.FloatLit:
		d.printf("(Float %s)", strconv.FormatFloat(n.Value, 'g', -1, 64))
	case *ast.ImagLit:
		d.printf("(Imag %s)", n.Text)
	case *ast.StrLit:
		d.printf("(Str %s)", strconv.Quote(n.Value))
	case *ast.BytesLit:
		d.printf("(Bytes %s)", strconv.Quote(n.Value))
	case *ast.BoolLit:
		if n.Value {
			d.b.WriteString("(True)")
		} else {
			d.b.WriteString("(False)")
		}
	case *ast.NoneLit:
		d.b.WriteString("(None)")
	case *ast.Ellipsis:
		d.b.WriteString("(Ellipsis)")
	case *ast.ListLit:
		d.b.WriteString("(List")
		d.exprs(n.Elems)
		d.b.WriteString(")")
	case *ast.Tuple:
		d.b.WriteString("(Tuple")
		d.exprs(n.Elems)
		d.b.WriteString(")")
	case *ast.Set:
		d.b.WriteString("(Set")
		d.exprs(n.Elems)
		d.b.WriteString(")")
	case *ast.Dict:
		d.b.WriteString("(Dict")
		for i, v := range n.Values {
			if i < len(n.Keys) && n.Keys[i] != nil {
				d.b.WriteString(" (Pair")
				d.exprs([]ast.Expr{n.Keys[i], v})
			} else {
				d.b.WriteString(" (**")
				d.exprs([]ast.Expr{v})
			}
			d.b.WriteString(")")
		}
		d.b.WriteString(")")
	case *ast.Starred:
		d.b.WriteString("(Star")
		d.exprs([]ast.Expr{n.X})
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
		if l, ok := n.X.(*ast.Logic); ok && l.Paren && l.Op == n.Op {
			d.b.WriteString(" grouped") // `(a and b) and c`: not one chain
		}
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
		d.keywords(n.Keywords)
		d.b.WriteString(")")
	case *ast.Attribute:
		d.b.WriteString("(Attr")
		d.exprs([]ast.Expr{n.X})
		d.printf(" %s)", d.attrName(n.Name))
	case *ast.Index:
		d.b.WriteString("(Index")
		d.exprs([]ast.Expr{n.X, n.Index})
		d.b.WriteString(")")
	case *ast.Slice:
		d.b.WriteString("(Slice")
		d.exprs([]ast.Expr{n.Lo, n.Hi, n.Step})
		d.b.WriteString(")")
	case *ast.Lambda:
		d.b.WriteString("(Lambda ")
		d.params(n.Params)
		d.exprs([]ast.Expr{n.Body})
		d.b.WriteString(")")
	case *ast.IfExp:
		d.b.WriteString("(IfExp")
		d.exprs([]ast.Expr{n.Body, n.Cond, n.Else})
		d.b.WriteString(")")
	case *ast.NamedExpr:
		d.printf("(Walrus %s", d.name(n.Target))
		d.exprs([]ast.Expr{n.Value})
		d.b.WriteString(")")
	case *ast.Comp:
		label := map[ast.CompKind]string{ast.ListComp: "ListComp", ast.SetComp: "SetComp", ast.DictComp: "DictComp", ast.GenExp: "GenExp"}[n.Kind]
		if label == "" {
			label = "?Comp"
		}
		d.printf("(%s", label)
		d.exprs([]ast.Expr{n.Elt})
		if n.Kind == ast.DictComp {
			d.exprs([]ast.Expr{n.Value})
		}
		for _, c := range n.Fors {
			if c.Async {
				d.b.WriteString(" (AsyncFor")
			} else {
				d.b.WriteString(" (For")
			}
			d.exprs([]ast.Expr{c.Target, c.Iter})
			for _, cond := range c.Ifs {
				d.b.WriteString(" (If")
				d.exprs([]ast.Expr{cond})
				d.b.WriteString(")")
			}
			d.b.WriteString(")")
		}
		d.b.WriteString(")")
	case *ast.Yield:
		d.b.WriteString("(Yield")
		if n.Value != nil {
			d.exprs([]ast.Expr{n.Value})
		}
		d.b.WriteString(")")
	case *ast.YieldFrom:
		d.b.WriteString("(YieldFrom")
		d.exprs([]ast.Expr{n.Value})
		d.b.WriteString(")")
	case *ast.Await:
		d.b.WriteString("(Await")
		d.exprs([]ast.Expr{n.X})
		d.b.WriteString(")")
	case *ast.FString:
		d.b.WriteString("(FString")
		d.exprs(n.Parts)
		d.b.WriteString(")")
	case *ast.FormattedValue:
		d.b.WriteString("(Fmt")
		d.exprs([]ast.Expr{n.X})
		if n.Debug != "" {
			d.printf(" (Debug %s)", strconv.Quote(n.Debug))
		}
		if n.Conv != 0 {
			d.printf(" !%c", n.Conv)
		}
		if n.Spec != nil {
			d.b.WriteString(" (Spec")
			d.exprs(n.Spec.Parts)
			d.b.WriteString(")")
		}
		d.b.WriteString(")")
	default:
		d.printf("(?%T)", n)
	}
}

func (d *dumper) pattern(p ast.Pattern) {
	switch p := p.(type) {
	case nil:
		d.b.WriteString("<nil>")
	case *ast.MatchValue:
		d.b.WriteString("(MatchValue")
		d.exprs([]ast.Expr{p.X})
		d.b.WriteString(")")
	case *ast.MatchSingleton:
		d.b.WriteString("(MatchSingleton")
		d.exprs([]ast.Expr{p.X})
		d.b.WriteString(")")
	case *ast.MatchSequence:
		d.b.WriteString("(MatchSequence")
		d.patterns(p.Patterns)
		d.b.WriteString(")")
	case *ast.MatchMapping:
		d.b.WriteString("(MatchMapping")
		for i, sub := range p.Patterns {
			d.b.WriteString(" (Key")
			if i < len(p.Keys) {
				d.exprs([]ast.Expr{p.Keys[i]})
			}
			d.patterns([]ast.Pattern{sub})
			d.b.WriteString(")")
		}
		if p.Rest != nil {
			d.printf(" (Rest %s)", d.name(p.Rest))
		}
		d.b.WriteString(")")
	case *ast.MatchClass:
		d.b.WriteString("(MatchClass")
		d.exprs([]ast.Expr{p.Cls})
		d.patterns(p.Patterns)
		for i, sub := range p.KwdPatterns {
			name := "<nil>"
			if i < len(p.KwdAttrs) {
				name = d.attrName(p.KwdAttrs[i])
			}
			d.printf(" (Kw %s", name)
			d.patterns([]ast.Pattern{sub})
			d.b.WriteString(")")
		}
		d.b.WriteString(")")
	case *ast.MatchStar:
		if p.Name == nil {
			d.b.WriteString("(MatchStar _)")
		} else {
			d.printf("(MatchStar %s)", d.name(p.Name))
		}
	case *ast.MatchAs:
		d.b.WriteString("(MatchAs")
		if p.Pattern != nil {
			d.patterns([]ast.Pattern{p.Pattern})
		}
		if p.Name == nil {
			d.b.WriteString(" _)")
		} else {
			d.printf(" %s)", d.name(p.Name))
		}
	case *ast.MatchOr:
		d.b.WriteString("(MatchOr")
		d.patterns(p.Patterns)
		d.b.WriteString(")")
	default:
		d.printf("(?%T)", p)
	}
}

func (d *dumper) patterns(ps []ast.Pattern) {
	for _, p := range ps {
		d.b.WriteString(" ")
		d.pattern(p)
	}
}
