package parser

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
)

// DumpPython returns f the way CPython 3.11 dumps the same program:
// exactly the text of `ast.dump(ast.parse(src))` with the default
// arguments (no attributes, no indentation, `type_ignores=[]`), where src is
// f printed in English. Expression contexts (Load, Store, Del) are worked
// out from where each expression stands, constants are written with
// Python's repr, and a chain `a or b or c` is one BoolOp as in Python.
//
// Names of builtins and types written in l (English when l is nil), such as
// French "intervalle" or "entier", are dumped under their canonical English
// names ("range", "int"), so that a program dumps the same in every
// language. A name the program binds anywhere (assigns, defines, imports,
// takes as a parameter, captures in a pattern, declares global, ...) is the
// program's own and is dumped as written everywhere in the file.
//
// The let and const declarations, which Python does not have, dump as the
// plain assignments they are; the parenthesized form of a tuple or of a
// sequence pattern, which Python's tree does not record either, is not
// shown.
func DumpPython(f *ast.File, l *lang.Language) string {
	if l == nil {
		l, _ = lang.Get("en")
	}
	d := &pyDumper{lang: l, bound: boundNames(f)}
	o := d.open("Module")
	o.field("body")
	d.stmts(f.Body)
	o.field("type_ignores")
	d.w("[]")
	o.close()
	return d.b.String()
}

// An exprCtx is the ctx field Python gives a Name, Attribute, Subscript,
// Starred, List or Tuple.
type exprCtx string

const (
	ctxLoad  exprCtx = "Load"
	ctxStore exprCtx = "Store"
	ctxDel   exprCtx = "Del"
)

type pyDumper struct {
	b     strings.Builder
	lang  *lang.Language
	bound map[string]bool // names the program binds: never builtins
}

func (d *pyDumper) w(s string) { d.b.WriteString(s) }

// A pyObj writes the fields of one node, separated by commas.
type pyObj struct {
	d *pyDumper
	n int
}

// open starts a node of Python class name; close ends it.
func (d *pyDumper) open(name string) *pyObj {
	d.w(name)
	d.w("(")
	return &pyObj{d: d}
}

// field starts the field called name.
func (o *pyObj) field(name string) {
	if o.n > 0 {
		o.d.w(", ")
	}
	o.n++
	o.d.w(name)
	o.d.w("=")
}

func (o *pyObj) close() { o.d.w(")") }

// leaf writes a node without fields, such as Load() or Pass().
func (d *pyDumper) leaf(name string) { d.w(name + "()") }

// list writes [item(0), item(1), ...].
func (d *pyDumper) list(n int, item func(i int)) {
	d.w("[")
	for i := 0; i < n; i++ {
		if i > 0 {
			d.w(", ")
		}
		item(i)
	}
	d.w("]")
}

func (d *pyDumper) stmts(body []ast.Stmt) {
	d.list(len(body), func(i int) { d.stmt(body[i]) })
}

func (d *pyDumper) exprs(xs []ast.Expr, ctx exprCtx) {
	d.list(len(xs), func(i int) { d.expr(xs[i], ctx) })
}

// optExpr writes field name with x in context Load, or nothing when x is nil.
func (d *pyDumper) optExpr(o *pyObj, name string, x ast.Expr) {
	if x != nil {
		o.field(name)
		d.expr(x, ctxLoad)
	}
}

// id returns the identifier a Name node carries: the canonical English
// name of a builtin or type of the dumper's language, unless the program
// binds the name itself.
func (d *pyDumper) id(name string) string {
	if d.bound[name] {
		return name
	}
	if c, ok := d.lang.Builtin(name); ok {
		return c
	}
	if c, ok := d.lang.TypeName(name); ok {
		return c
	}
	return name
}

func identName(id *ast.Ident) string {
	if id == nil {
		return ""
	}
	return id.Name
}

func (d *pyDumper) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.FuncDef:
		name := "FunctionDef"
		if s.Async {
			name = "AsyncFunctionDef"
		}
		o := d.open(name)
		o.field("name")
		d.w(pyStr(identName(s.Name)))
		o.field("args")
		d.arguments(s.Params)
		o.field("body")
		d.stmts(s.Body)
		o.field("decorator_list")
		d.exprs(s.Decorators, ctxLoad)
		if s.Result != nil {
			o.field("returns")
			d.typeExpr(s.Result)
		}
		o.close()
	case *ast.ClassDef:
		o := d.open("ClassDef")
		o.field("name")
		d.w(pyStr(identName(s.Name)))
		o.field("bases")
		d.exprs(s.Bases, ctxLoad)
		o.field("keywords")
		d.keywords(s.Keywords)
		o.field("body")
		d.stmts(s.Body)
		o.field("decorator_list")
		d.exprs(s.Decorators, ctxLoad)
		o.close()
	case *ast.Return:
		o := d.open("Return")
		d.optExpr(o, "value", s.Value)
		o.close()
	case *ast.Delete:
		o := d.open("Delete")
		o.field("targets")
		d.exprs(s.Targets, ctxDel)
		o.close()
	case *ast.Assign:
		o := d.open("Assign")
		o.field("targets")
		d.exprs(append([]ast.Expr{s.Target}, s.Chain...), ctxStore)
		o.field("value")
		d.expr(s.Value, ctxLoad)
		o.close()
	case *ast.AugAssign:
		o := d.open("AugAssign")
		o.field("target")
		d.expr(s.Target, ctxStore)
		o.field("op")
		d.leaf(pyBinOp(s.Op))
		o.field("value")
		d.expr(s.Value, ctxLoad)
		o.close()
	case *ast.AnnAssign:
		o := d.open("AnnAssign")
		o.field("target")
		d.expr(s.Target, ctxStore)
		o.field("annotation")
		d.typeExpr(s.Annot)
		d.optExpr(o, "value", s.Value)
		o.field("simple")
		d.w(pyBool01(s.Simple))
		o.close()
	case *ast.For:
		name := "For"
		if s.Async {
			name = "AsyncFor"
		}
		o := d.open(name)
		o.field("target")
		d.expr(s.Target, ctxStore)
		o.field("iter")
		d.expr(s.Iter, ctxLoad)
		o.field("body")
		d.stmts(s.Body)
		o.field("orelse")
		d.stmts(s.Else)
		o.close()
	case *ast.While:
		o := d.open("While")
		o.field("test")
		d.expr(s.Cond, ctxLoad)
		o.field("body")
		d.stmts(s.Body)
		o.field("orelse")
		d.stmts(s.Else)
		o.close()
	case *ast.If:
		o := d.open("If")
		o.field("test")
		d.expr(s.Cond, ctxLoad)
		o.field("body")
		d.stmts(s.Body)
		o.field("orelse")
		d.stmts(s.Else)
		o.close()
	case *ast.With:
		name := "With"
		if s.Async {
			name = "AsyncWith"
		}
		o := d.open(name)
		o.field("items")
		d.list(len(s.Items), func(i int) {
			it := s.Items[i]
			io := d.open("withitem")
			io.field("context_expr")
			d.expr(it.Context, ctxLoad)
			if it.Target != nil {
				io.field("optional_vars")
				d.expr(it.Target, ctxStore)
			}
			io.close()
		})
		o.field("body")
		d.stmts(s.Body)
		o.close()
	case *ast.Match:
		o := d.open("Match")
		o.field("subject")
		d.expr(s.Subject, ctxLoad)
		o.field("cases")
		d.list(len(s.Cases), func(i int) {
			c := s.Cases[i]
			co := d.open("match_case")
			co.field("pattern")
			d.pattern(c.Pattern)
			d.optExpr(co, "guard", c.Guard)
			co.field("body")
			d.stmts(c.Body)
			co.close()
		})
		o.close()
	case *ast.Raise:
		o := d.open("Raise")
		d.optExpr(o, "exc", s.Exc)
		d.optExpr(o, "cause", s.Cause)
		o.close()
	case *ast.Try:
		name := "Try"
		if s.Star {
			name = "TryStar"
		}
		o := d.open(name)
		o.field("body")
		d.stmts(s.Body)
		o.field("handlers")
		d.list(len(s.Handlers), func(i int) {
			h := s.Handlers[i]
			ho := d.open("ExceptHandler")
			d.optExpr(ho, "type", h.Type)
			if h.Name != nil {
				ho.field("name")
				d.w(pyStr(h.Name.Name))
			}
			ho.field("body")
			d.stmts(h.Body)
			ho.close()
		})
		o.field("orelse")
		d.stmts(s.Else)
		o.field("finalbody")
		d.stmts(s.Finally)
		o.close()
	case *ast.Assert:
		o := d.open("Assert")
		o.field("test")
		d.expr(s.Cond, ctxLoad)
		d.optExpr(o, "msg", s.Msg)
		o.close()
	case *ast.Import:
		o := d.open("Import")
		o.field("names")
		d.aliases(s.Names)
		o.close()
	case *ast.ImportFrom:
		o := d.open("ImportFrom")
		if len(s.Module) > 0 {
			o.field("module")
			d.w(pyStr(s.ModuleName()))
		}
		o.field("names")
		d.aliases(s.Names)
		o.field("level")
		d.w(strconv.Itoa(s.Level))
		o.close()
	case *ast.Global:
		o := d.open("Global")
		o.field("names")
		d.names(s.Names)
		o.close()
	case *ast.Nonlocal:
		o := d.open("Nonlocal")
		o.field("names")
		d.names(s.Names)
		o.close()
	case *ast.ExprStmt:
		o := d.open("Expr")
		o.field("value")
		d.expr(s.X, ctxLoad)
		o.close()
	case *ast.Pass:
		d.leaf("Pass")
	case *ast.Break:
		d.leaf("Break")
	case *ast.Continue:
		d.leaf("Continue")
	default:
		d.w(fmt.Sprintf("?%T", s))
	}
}

func (d *pyDumper) names(ids []*ast.Ident) {
	d.list(len(ids), func(i int) { d.w(pyStr(identName(ids[i]))) })
}

func (d *pyDumper) aliases(as []*ast.Alias) {
	d.list(len(as), func(i int) {
		o := d.open("alias")
		o.field("name")
		d.w(pyStr(as[i].Dotted()))
		if as[i].AsName != nil {
			o.field("asname")
			d.w(pyStr(as[i].AsName.Name))
		}
		o.close()
	})
}

func (d *pyDumper) keywords(ks []*ast.Keyword) {
	d.list(len(ks), func(i int) {
		o := d.open("keyword")
		if ks[i].Name != nil {
			o.field("arg")
			d.w(pyStr(ks[i].Name.Name))
		}
		o.field("value")
		d.expr(ks[i].Value, ctxLoad)
		o.close()
	})
}

// arguments writes a parameter list as Python's arguments node.
func (d *pyDumper) arguments(params []*ast.Param) {
	var posOnly, args, kwOnly []*ast.Param
	var varArgs, varKw *ast.Param
	var defaults []ast.Expr
	for _, p := range params {
		switch p.Kind {
		case ast.ParamPosOnly:
			posOnly = append(posOnly, p)
		case ast.ParamVarArgs:
			varArgs = p
		case ast.ParamKwOnly:
			kwOnly = append(kwOnly, p)
		case ast.ParamVarKw:
			varKw = p
		default:
			args = append(args, p)
		}
		if (p.Kind == ast.ParamPosOnly || p.Kind == ast.ParamNormal) && p.Default != nil {
			defaults = append(defaults, p.Default)
		}
	}
	argList := func(ps []*ast.Param) {
		d.list(len(ps), func(i int) { d.arg(ps[i]) })
	}
	o := d.open("arguments")
	o.field("posonlyargs")
	argList(posOnly)
	o.field("args")
	argList(args)
	if varArgs != nil {
		o.field("vararg")
		d.arg(varArgs)
	}
	o.field("kwonlyargs")
	argList(kwOnly)
	o.field("kw_defaults")
	d.list(len(kwOnly), func(i int) {
		if kwOnly[i].Default == nil {
			d.w("None")
			return
		}
		d.expr(kwOnly[i].Default, ctxLoad)
	})
	if varKw != nil {
		o.field("kwarg")
		d.arg(varKw)
	}
	o.field("defaults")
	d.exprs(defaults, ctxLoad)
	o.close()
}

func (d *pyDumper) arg(p *ast.Param) {
	o := d.open("arg")
	o.field("arg")
	d.w(pyStr(identName(p.Name)))
	if p.Type != nil {
		o.field("annotation")
		d.typeExpr(p.Type)
	}
	o.close()
}

// typeExpr writes an annotation: the expression as written, or, in a tree
// built by hand without one, the name and arguments it stands for.
func (d *pyDumper) typeExpr(t *ast.TypeExpr) {
	switch {
	case t == nil:
		d.w("None")
	case t.X != nil:
		d.expr(t.X, ctxLoad)
	case t.Name == nil:
		d.w("None")
	default:
		d.expr(d.typeAsExpr(t), ctxLoad)
	}
}

// typeAsExpr returns the expression a hand-built annotation without X
// stands for: its name, subscripted by its arguments.
func (d *pyDumper) typeAsExpr(t *ast.TypeExpr) ast.Expr {
	if t.X != nil {
		return t.X
	}
	if t.Name == nil {
		return &ast.NoneLit{}
	}
	var x ast.Expr = t.Name
	if k, ok := d.lang.Keyword(t.Name.Name); ok && k == lang.None {
		x = &ast.NoneLit{}
	}
	if len(t.Args) == 0 {
		return x
	}
	args := make([]ast.Expr, len(t.Args))
	for i, a := range t.Args {
		args[i] = d.typeAsExpr(a)
	}
	var ix ast.Expr = &ast.Tuple{Elems: args}
	if len(args) == 1 {
		ix = args[0]
	}
	return &ast.Index{X: x, Index: ix}
}

// pyBinOp returns the name of Python's operator class for op.
func pyBinOp(op ast.BinaryOp) string {
	switch op {
	case ast.OpAdd:
		return "Add"
	case ast.OpSub:
		return "Sub"
	case ast.OpMul:
		return "Mult"
	case ast.OpDiv:
		return "Div"
	case ast.OpFloorDiv:
		return "FloorDiv"
	case ast.OpMod:
		return "Mod"
	case ast.OpPow:
		return "Pow"
	case ast.OpBitAnd:
		return "BitAnd"
	case ast.OpBitOr:
		return "BitOr"
	case ast.OpBitXor:
		return "BitXor"
	case ast.OpLShift:
		return "LShift"
	case ast.OpRShift:
		return "RShift"
	case ast.OpMatMul:
		return "MatMult"
	}
	return "?"
}

func pyCmpOp(op ast.CmpOp) string {
	switch op {
	case ast.CmpEq:
		return "Eq"
	case ast.CmpNe:
		return "NotEq"
	case ast.CmpLt:
		return "Lt"
	case ast.CmpLe:
		return "LtE"
	case ast.CmpGt:
		return "Gt"
	case ast.CmpGe:
		return "GtE"
	case ast.CmpIn:
		return "In"
	case ast.CmpNotIn:
		return "NotIn"
	case ast.CmpIs:
		return "Is"
	case ast.CmpIsNot:
		return "IsNot"
	}
	return "?"
}

func pyUnaryOp(op ast.UnaryOp) string {
	switch op {
	case ast.OpNeg:
		return "USub"
	case ast.OpPos:
		return "UAdd"
	case ast.OpNot:
		return "Not"
	case ast.OpInvert:
		return "Invert"
	}
	return "?"
}

func pyBool01(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// constant writes Constant(value=v) where v is already Python's repr.
func (d *pyDumper) constant(v string) {
	o := d.open("Constant")
	o.field("value")
	d.w(v)
	o.close()
}

// negated writes UnaryOp(op=USub(), operand=Constant(value=v)), the tree
// of a negative literal.
func (d *pyDumper) negated(v string) {
	o := d.open("UnaryOp")
	o.field("op")
	d.leaf("USub")
	o.field("operand")
	d.constant(v)
	o.close()
}

// withCtx writes the ctx field of a node that has one.
func (d *pyDumper) withCtx(o *pyObj, ctx exprCtx) {
	o.field("ctx")
	d.leaf(string(ctx))
}

// expr writes x; ctx is the context in which x stands (Load for every
// expression that is not a target).
func (d *pyDumper) expr(x ast.Expr, ctx exprCtx) {
	switch x := x.(type) {
	case nil:
		d.w("None")
	case *ast.Ident:
		o := d.open("Name")
		o.field("id")
		d.w(pyStr(d.id(x.Name)))
		d.withCtx(o, ctx)
		o.close()
	case *ast.IntLit:
		text := strings.TrimLeft(strings.TrimPrefix(x.Text, "-"), "0")
		if text == "" {
			text = "0"
		}
		if strings.HasPrefix(x.Text, "-") {
			d.negated(text)
		} else {
			d.constant(text)
		}
	case *ast.FloatLit:
		v := x.Value
		if math.Signbit(v) && !math.IsNaN(v) {
			d.negated(pyFloat(-v))
		} else {
			d.constant(pyFloat(v))
		}
	case *ast.ImagLit:
		v, err := strconv.ParseFloat(x.Text, 64)
		if err != nil && !errorsIsRange(err) {
			v = math.NaN()
		}
		d.constant(pyImag(v))
	case *ast.StrLit:
		d.constant(pyStr(x.Value))
	case *ast.BytesLit:
		d.constant(pyBytes(x.Value))
	case *ast.BoolLit:
		if x.Value {
			d.constant("True")
		} else {
			d.constant("False")
		}
	case *ast.NoneLit:
		d.constant("None")
	case *ast.Ellipsis:
		d.constant("Ellipsis")
	case *ast.ListLit:
		o := d.open("List")
		o.field("elts")
		d.exprs(x.Elems, ctx)
		d.withCtx(o, ctx)
		o.close()
	case *ast.Tuple:
		o := d.open("Tuple")
		o.field("elts")
		d.exprs(x.Elems, ctx)
		d.withCtx(o, ctx)
		o.close()
	case *ast.Set:
		o := d.open("Set")
		o.field("elts")
		d.exprs(x.Elems, ctxLoad)
		o.close()
	case *ast.Dict:
		o := d.open("Dict")
		o.field("keys")
		d.list(len(x.Values), func(i int) {
			if i < len(x.Keys) && x.Keys[i] != nil {
				d.expr(x.Keys[i], ctxLoad)
			} else {
				d.w("None")
			}
		})
		o.field("values")
		d.exprs(x.Values, ctxLoad)
		o.close()
	case *ast.Starred:
		o := d.open("Starred")
		o.field("value")
		d.expr(x.X, ctx)
		d.withCtx(o, ctx)
		o.close()
	case *ast.Binary:
		o := d.open("BinOp")
		o.field("left")
		d.expr(x.X, ctxLoad)
		o.field("op")
		d.leaf(pyBinOp(x.Op))
		o.field("right")
		d.expr(x.Y, ctxLoad)
		o.close()
	case *ast.Unary:
		o := d.open("UnaryOp")
		o.field("op")
		d.leaf(pyUnaryOp(x.Op))
		o.field("operand")
		d.expr(x.X, ctxLoad)
		o.close()
	case *ast.Logic:
		// Python makes one BoolOp of a chain `a or b or c`, which parses
		// as ((a or b) or c).
		var values []ast.Expr
		var collect func(ast.Expr)
		collect = func(e ast.Expr) {
			if l, ok := e.(*ast.Logic); ok && l.Op == x.Op && (l == x || !l.Paren) {
				collect(l.X)
				values = append(values, l.Y)
				return
			}
			values = append(values, e)
		}
		collect(x)
		o := d.open("BoolOp")
		o.field("op")
		if x.Op == ast.OpAnd {
			d.leaf("And")
		} else {
			d.leaf("Or")
		}
		o.field("values")
		d.exprs(values, ctxLoad)
		o.close()
	case *ast.Compare:
		o := d.open("Compare")
		o.field("left")
		if len(x.Operands) > 0 {
			d.expr(x.Operands[0], ctxLoad)
		} else {
			d.w("None")
		}
		o.field("ops")
		d.list(len(x.Ops), func(i int) { d.leaf(pyCmpOp(x.Ops[i])) })
		o.field("comparators")
		if len(x.Operands) > 0 {
			d.exprs(x.Operands[1:], ctxLoad)
		} else {
			d.w("[]")
		}
		o.close()
	case *ast.Call:
		o := d.open("Call")
		o.field("func")
		d.expr(x.Func, ctxLoad)
		o.field("args")
		d.exprs(x.Args, ctxLoad)
		o.field("keywords")
		d.keywords(x.Keywords)
		o.close()
	case *ast.Attribute:
		o := d.open("Attribute")
		o.field("value")
		d.expr(x.X, ctxLoad)
		o.field("attr")
		d.w(pyStr(identName(x.Name)))
		d.withCtx(o, ctx)
		o.close()
	case *ast.Index:
		o := d.open("Subscript")
		o.field("value")
		d.expr(x.X, ctxLoad)
		o.field("slice")
		d.expr(x.Index, ctxLoad)
		d.withCtx(o, ctx)
		o.close()
	case *ast.Slice:
		o := d.open("Slice")
		d.optExpr(o, "lower", x.Lo)
		d.optExpr(o, "upper", x.Hi)
		d.optExpr(o, "step", x.Step)
		o.close()
	case *ast.Lambda:
		o := d.open("Lambda")
		o.field("args")
		d.arguments(x.Params)
		o.field("body")
		d.expr(x.Body, ctxLoad)
		o.close()
	case *ast.IfExp:
		o := d.open("IfExp")
		o.field("test")
		d.expr(x.Cond, ctxLoad)
		o.field("body")
		d.expr(x.Body, ctxLoad)
		o.field("orelse")
		d.expr(x.Else, ctxLoad)
		o.close()
	case *ast.NamedExpr:
		o := d.open("NamedExpr")
		o.field("target")
		d.expr(x.Target, ctxStore)
		o.field("value")
		d.expr(x.Value, ctxLoad)
		o.close()
	case *ast.Comp:
		names := map[ast.CompKind]string{ast.ListComp: "ListComp", ast.SetComp: "SetComp", ast.DictComp: "DictComp", ast.GenExp: "GeneratorExp"}
		name, ok := names[x.Kind]
		if !ok {
			name = "?Comp"
		}
		o := d.open(name)
		if x.Kind == ast.DictComp {
			o.field("key")
			d.expr(x.Elt, ctxLoad)
			o.field("value")
			d.expr(x.Value, ctxLoad)
		} else {
			o.field("elt")
			d.expr(x.Elt, ctxLoad)
		}
		o.field("generators")
		d.list(len(x.Fors), func(i int) {
			c := x.Fors[i]
			co := d.open("comprehension")
			co.field("target")
			d.expr(c.Target, ctxStore)
			co.field("iter")
			d.expr(c.Iter, ctxLoad)
			co.field("ifs")
			d.exprs(c.Ifs, ctxLoad)
			co.field("is_async")
			d.w(pyBool01(c.Async))
			co.close()
		})
		o.close()
	case *ast.Yield:
		o := d.open("Yield")
		d.optExpr(o, "value", x.Value)
		o.close()
	case *ast.YieldFrom:
		o := d.open("YieldFrom")
		o.field("value")
		d.expr(x.Value, ctxLoad)
		o.close()
	case *ast.Await:
		o := d.open("Await")
		o.field("value")
		d.expr(x.X, ctxLoad)
		o.close()
	case *ast.FString:
		d.joinedStr(x)
	case *ast.FormattedValue:
		d.formattedValue(x)
	default:
		d.w(fmt.Sprintf("?%T", x))
	}
}

func (d *pyDumper) joinedStr(x *ast.FString) {
	var parts []ast.Expr
	for _, p := range x.Parts {
		if s, ok := p.(*ast.StrLit); ok && s.Value == "" {
			continue // CPython 3.11 never keeps an empty literal part
		}
		parts = append(parts, p)
	}
	o := d.open("JoinedStr")
	o.field("values")
	d.exprs(parts, ctxLoad)
	o.close()
}

func (d *pyDumper) formattedValue(x *ast.FormattedValue) {
	conv := -1
	switch x.Conv {
	case 'r':
		conv = 114
	case 's':
		conv = 115
	case 'a':
		conv = 97
	case 0:
		if x.Debug != "" && x.Spec == nil {
			conv = 114 // `{x=}` shows the repr unless a format spec is given
		}
	}
	o := d.open("FormattedValue")
	o.field("value")
	d.expr(x.X, ctxLoad)
	o.field("conversion")
	d.w(strconv.Itoa(conv))
	if x.Spec != nil {
		o.field("format_spec")
		d.joinedStr(x.Spec)
	}
	o.close()
}

func (d *pyDumper) pattern(p ast.Pattern) {
	switch p := p.(type) {
	case nil:
		d.w("None")
	case *ast.MatchValue:
		o := d.open("MatchValue")
		o.field("value")
		d.expr(p.X, ctxLoad)
		o.close()
	case *ast.MatchSingleton:
		o := d.open("MatchSingleton")
		o.field("value")
		switch v := p.X.(type) {
		case *ast.BoolLit:
			if v.Value {
				d.w("True")
			} else {
				d.w("False")
			}
		default:
			d.w("None")
		}
		o.close()
	case *ast.MatchSequence:
		o := d.open("MatchSequence")
		o.field("patterns")
		d.patterns(p.Patterns)
		o.close()
	case *ast.MatchMapping:
		o := d.open("MatchMapping")
		o.field("keys")
		d.exprs(p.Keys, ctxLoad)
		o.field("patterns")
		d.patterns(p.Patterns)
		if p.Rest != nil {
			o.field("rest")
			d.w(pyStr(p.Rest.Name))
		}
		o.close()
	case *ast.MatchClass:
		o := d.open("MatchClass")
		o.field("cls")
		d.expr(p.Cls, ctxLoad)
		o.field("patterns")
		d.patterns(p.Patterns)
		o.field("kwd_attrs")
		d.names(p.KwdAttrs)
		o.field("kwd_patterns")
		d.patterns(p.KwdPatterns)
		o.close()
	case *ast.MatchStar:
		o := d.open("MatchStar")
		if p.Name != nil {
			o.field("name")
			d.w(pyStr(p.Name.Name))
		}
		o.close()
	case *ast.MatchAs:
		o := d.open("MatchAs")
		if p.Pattern != nil {
			o.field("pattern")
			d.pattern(p.Pattern)
		}
		if p.Name != nil {
			o.field("name")
			d.w(pyStr(p.Name.Name))
		}
		o.close()
	case *ast.MatchOr:
		o := d.open("MatchOr")
		o.field("patterns")
		d.patterns(p.Patterns)
		o.close()
	default:
		d.w(fmt.Sprintf("?%T", p))
	}
}

func (d *pyDumper) patterns(ps []ast.Pattern) {
	d.list(len(ps), func(i int) { d.pattern(ps[i]) })
}

// boundNames returns every name f binds anywhere: definitions, parameters,
// targets of assignments, loops, with items, comprehensions and walrus
// expressions, exception names, imports, global and nonlocal declarations,
// deleted names and the captures of match patterns. Such a name is the
// program's own, never a builtin, wherever it appears in the file.
func boundNames(f *ast.File) map[string]bool {
	bound := map[string]bool{}
	add := func(id *ast.Ident) {
		if id != nil {
			bound[id.Name] = true
		}
	}
	var target func(ast.Expr)
	target = func(x ast.Expr) {
		switch x := x.(type) {
		case *ast.Ident:
			add(x)
		case *ast.Tuple:
			for _, e := range x.Elems {
				target(e)
			}
		case *ast.ListLit:
			for _, e := range x.Elems {
				target(e)
			}
		case *ast.Starred:
			target(x.X)
		}
	}
	ast.InspectFile(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDef:
			add(n.Name)
		case *ast.ClassDef:
			add(n.Name)
		case *ast.Param:
			add(n.Name)
		case *ast.Assign:
			target(n.Target)
			for _, c := range n.Chain {
				target(c)
			}
		case *ast.AugAssign:
			target(n.Target)
		case *ast.AnnAssign:
			target(n.Target)
		case *ast.For:
			target(n.Target)
		case *ast.CompFor:
			target(n.Target)
		case *ast.WithItem:
			target(n.Target)
		case *ast.NamedExpr:
			add(n.Target)
		case *ast.Delete:
			for _, t := range n.Targets {
				target(t)
			}
		case *ast.ExceptHandler:
			add(n.Name)
		case *ast.Import:
			for _, a := range n.Names {
				if a.AsName != nil {
					add(a.AsName)
				} else if len(a.Path) > 0 {
					add(a.Path[0])
				}
			}
		case *ast.ImportFrom:
			for _, a := range n.Names {
				if a.AsName != nil {
					add(a.AsName)
				} else if len(a.Path) == 1 && a.Path[0].Name != "*" {
					add(a.Path[0])
				}
			}
		case *ast.Global:
			for _, id := range n.Names {
				add(id)
			}
		case *ast.Nonlocal:
			for _, id := range n.Names {
				add(id)
			}
		case *ast.MatchAs:
			add(n.Name)
		case *ast.MatchStar:
			add(n.Name)
		case *ast.MatchMapping:
			add(n.Rest)
		}
		return true
	})
	return bound
}

// pyStr returns Python's repr of the str s: single quotes unless s holds a
// single quote and no double quote; backslash escapes for the quote, the
// backslash, tab, newline and carriage return; \xhh, \uhhhh or \Uhhhhhhhh
// for the other characters that str.isprintable rejects.
func pyStr(s string) string {
	quote := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteRune(quote)
	for i := 0; i < len(s); {
		r, size := decodeRune(s[i:])
		i += size
		switch {
		case r == quote || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
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
	b.WriteRune(quote)
	return b.String()
}

// decodeRune decodes the first character of s like utf8.DecodeRuneInString,
// and also reads a UTF-16 surrogate (which a Python str may hold alone)
// encoded in three bytes as UTF-8 would encode its code point, the way
// WTF-8 keeps such strings in Go.
func decodeRune(s string) (rune, int) {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size == 1 && len(s) >= 3 && s[0] == 0xED && s[1]&0xE0 == 0xA0 && s[2]&0xC0 == 0x80 {
		return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return r, size
}

// pyPrintable reports whether Python's str.isprintable holds for r: r is
// assigned and is neither a control, format, surrogate or private-use
// character nor a separator other than the space. (Go's tables may be of
// a newer Unicode version than Python's.)
func pyPrintable(r rune) bool {
	if r == ' ' {
		return true
	}
	if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs, unicode.Zl, unicode.Zp, unicode.Zs) {
		return false
	}
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S)
}

// pyBytes returns Python's repr of the bytes b.
func pyBytes(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte('b')
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < ' ' || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// pyFloat returns Python's repr of the float v: the shortest digits that
// read back as v, in positional notation with at least one decimal when
// the decimal exponent lies in [-4, 16), else in exponent notation with a
// signed exponent of at least two digits ("1e+16", "1.5e-07").
func pyFloat(v float64) string { return pyFloatText(v, true) }

// pyImag returns Python's repr of the complex number v*1j: the float repr
// without a forced ".0", followed by "j" ("2j", "1.5j", "1e+16j").
func pyImag(v float64) string {
	if math.Signbit(v) && !math.IsNaN(v) {
		return "-" + pyFloatText(-v, false) + "j" // never from a literal
	}
	return pyFloatText(v, false) + "j"
}

func pyFloatText(v float64, dot0 bool) string {
	switch {
	case math.IsInf(v, 1):
		return "inf"
	case math.IsInf(v, -1):
		return "-inf"
	case math.IsNaN(v):
		return "nan"
	}
	e := strconv.FormatFloat(v, 'e', -1, 64)
	if i := strings.IndexByte(e, 'e'); i >= 0 {
		if exp, err := strconv.Atoi(e[i+1:]); err == nil && (exp < -4 || exp >= 16) {
			return e
		}
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if dot0 && !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}
