package check_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/compiler"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// allNodeKinds lists every node type of core/ast.
var allNodeKinds = []string{
	// statements
	"FuncDef", "If", "While", "For", "Break", "Continue", "Pass", "Return", "Assign", "AugAssign",
	"ExprStmt", "Assert", "Global", "ClassDef", "AnnAssign", "Delete", "Raise", "Try", "With",
	"Import", "ImportFrom", "Nonlocal", "Match",
	// expressions
	"Ident", "IntLit", "FloatLit", "StrLit", "BoolLit", "NoneLit", "ListLit", "Binary", "Unary",
	"Logic", "Compare", "Call", "Attribute", "Index", "Tuple", "Dict", "Set", "Starred", "Slice",
	"Lambda", "IfExp", "NamedExpr", "Comp", "Yield", "YieldFrom", "Await", "FString",
	"FormattedValue", "BytesLit", "ImagLit", "Ellipsis",
	// patterns
	"MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping", "MatchClass", "MatchStar",
	"MatchAs", "MatchOr",
	// parts
	"Param", "TypeExpr", "Keyword", "ExceptHandler", "WithItem", "Alias", "MatchCase", "CompFor",
}

// constructs are function bodies, each using constructs outside the
// compiled subset, with the reason expected. Each becomes
//
//	def f<i>(x: int, xs: list[int]) -> int:
//	    <body>
//	    return x
var constructs = []struct{ body, reason string }{
	{"class C(object, metaclass=type):\n    k: int = 1\n    def m(self) -> int:\n        return super().m()", "defines a class 'C'"},
	{"def g(a, /, b=1, *c, d, **e):\n    nonlocal x\n    return a", "defines a nested function 'g'"},
	{"g = lambda y=1: y + x", "uses a lambda"},
	{"n = abs(x) + len([y * 2 for y in xs if y > 0])", "uses a list comprehension"},
	{"s = {y for y in xs}", "uses a set comprehension"},
	{"d = {y: y for y in xs}", "uses a dict comprehension"},
	{"g = (y for y in xs)", "uses a generator expression"},
	{"try:\n    pass\nexcept ValueError as e:\n    pass\nelse:\n    pass\nfinally:\n    pass", "uses a try statement"},
	{"try:\n    pass\nexcept* ValueError:\n    pass", "uses a try statement with except*"},
	{"with open('f') as fh, open('g'):\n    pass", "uses a with statement"},
	{"yield x", "uses yield"},
	{"yield from xs", "uses yield from"},
	{"d = {1: x, **{}}", "uses a dict display"},
	{"s = {1, x}", "uses a set display"},
	{"t = (x, 1)", "uses a tuple"},
	{"print(x, sep='')", "passes keyword arguments"},
	{"print(**{})", "unpacks keyword arguments with **"},
	{"print(*xs)", "uses a starred expression"},
	{"s = f'{x!r:>{x}} {x=}'", "uses an f-string field with a conversion, a format spec or ="},
	{"xs[1:2:1] = xs", "assigning to a slice"},
	{"ys = xs[1, 2]", "indexes with several subscripts"},
	{"n = x.real", "attributes run only in Python"},
	{"import math", "uses an import"},
	{"from math import sqrt as r", "uses an import"},
	{"global q", "uses a global statement"},
	{"match x:\n    case 1 | 2:\n        pass\n    case True:\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case complex(real=r) as c:\n        pass\n    case _:\n        pass", "uses a match statement"},
	{"y = 1\ndel y", "uses a del statement"},
	{"raise ValueError('x') from None", ""}, // compiled: a trap, Python raises
	{"y: int = x", "uses an annotated assignment"},
	{"a, *b = xs", "unpacks a value into several targets"},
	{"a = b = x", "uses a chained assignment"},
	{"x.y = 1", "assigns to an attribute"},
	{"n = x if x else 1.5", "a conditional expression choosing between a int and a float runs only in Python"},
	{"n = (y := x)", "uses an assignment expression"},
	{"b = b'x'", "uses a bytes literal"},
	{"c = 2j", "uses an imaginary literal"},
	{"e = ...", "uses the ellipsis"},
	{"n = x @ x", "uses the operator @"},
	{"while x:\n    break\nelse:\n    pass", "uses a while loop with an else branch"},
	{"for y in xs:\n    continue\nelse:\n    pass", "uses a for loop with an else branch"},
	{"for a, b in []:\n    pass", "uses a for loop whose target is not a single name"},
	{"assert x is not None, 'm'", "'is not' runs only in Python"},
	// compiled (Internal, for its list parameter): a control among the others
	{"if x > 0 and x > 1.5:\n    x += 1\nn = not x", ""},
}

func TestEveryNodeKind(t *testing.T) {
	var b strings.Builder
	b.WriteString("async def co(a: int) -> int:\n    async with a:\n        pass\n    async for y in a:\n        pass\n    return await a\n")
	for i, c := range constructs {
		fmt.Fprintf(&b, "def f%d(x: int, xs: list[int]) -> int:\n", i)
		for _, line := range strings.Split(c.body, "\n") {
			b.WriteString("    " + line + "\n")
		}
		b.WriteString("    return x\n")
	}
	b.WriteString("def ok(n: int) -> int:\n    return n + 1\nprint(ok(1), f0(1, []))\n")
	src := b.String()
	l, _ := lang.Get("en")
	f, errs := parser.ParseFile("t.ml", src, l)
	if len(errs) > 0 {
		t.Fatalf("parse: %v\n%s", errs, src)
	}
	seen := make(map[string]bool)
	ast.InspectFile(f, func(n ast.Node) bool {
		seen[strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast.")] = true
		return true
	})
	var missing []string
	for _, k := range allNodeKinds {
		if !seen[k] {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		t.Errorf("node kinds not exercised: %v", missing)
	}
	var unknown []string
	known := make(map[string]bool)
	for _, k := range allNodeKinds {
		known[k] = true
	}
	for k := range seen {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	if len(unknown) > 0 {
		t.Errorf("node kinds missing from allNodeKinds: %v", unknown)
	}

	info, cerrs := check.CheckSource(f, src, l)
	if len(cerrs) > 0 {
		t.Fatalf("check: %v", cerrs)
	}
	for i, c := range constructs {
		fn := info.FuncByName[fmt.Sprintf("f%d", i)]
		if fn == nil {
			t.Fatalf("no f%d", i)
		}
		if c.reason == "" {
			if !fn.Compilable && !fn.Internal {
				t.Errorf("f%d (%q): %s", i, c.body, fn.Reason)
			}
			continue
		}
		if fn.Compilable || fn.Internal || !strings.Contains(fn.Reason, c.reason) {
			t.Errorf("f%d (%q): compilable=%v internal=%v reason %q, want %q", i, c.body, fn.Compilable, fn.Internal, fn.Reason, c.reason)
		}
	}
	// every identifier that names a variable has a symbol
	notVars := make(map[*ast.Ident]bool)
	ast.InspectFile(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Attribute:
			notVars[n.Name] = true
		case *ast.Keyword:
			notVars[n.Name] = true
		case *ast.ImportFrom:
			for _, id := range n.Module {
				notVars[id] = true
			}
		case *ast.Alias:
			for i, id := range n.Path {
				if i > 0 || n.AsName != nil {
					notVars[id] = true
				}
			}
		case *ast.MatchClass:
			for _, id := range n.KwdAttrs {
				notVars[id] = true
			}
		}
		return true
	})
	ast.InspectFile(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !notVars[id] && info.Names[id] == nil {
			t.Errorf("%d:%d: %s has no symbol", id.Pos.Start.Line, id.Pos.Start.Col, id.Name)
		}
		return true
	})
	if co := info.FuncByName["co"]; co.Compilable {
		t.Error("the async function is compilable")
	}
	if ok := info.FuncByName["ok"]; !ok.Compilable {
		t.Errorf("ok: %s", ok.Reason)
	}
	for _, opt := range []wasmgen.Options{{}, {Optimize: true}} {
		if _, err := wasmgen.Generate(f, info, opt); err != nil {
			t.Errorf("wasmgen (optimize %v): %v", opt.Optimize, err)
		}
	}
	a, err := compiler.Compile(src, compiler.Options{Filename: "t.ml", Language: "en"})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	if len(a.Functions) != len(constructs)+2 {
		t.Errorf("%d functions", len(a.Functions))
	}
}

// Trees built by hand with missing parts (as a parser recovering from
// errors might leave them) never crash the checker: every node kind with
// its fields zero, in a function, at top level and in a class.
func TestPartialTrees(t *testing.T) {
	exprs := []ast.Expr{
		&ast.Ident{}, &ast.IntLit{}, &ast.FloatLit{}, &ast.StrLit{}, &ast.BoolLit{}, &ast.NoneLit{},
		&ast.ListLit{Elems: []ast.Expr{nil}}, &ast.Binary{}, &ast.Unary{}, &ast.Logic{}, &ast.Compare{},
		&ast.Call{}, &ast.Call{Keywords: []*ast.Keyword{nil, {}}}, &ast.Attribute{}, &ast.Index{},
		&ast.Tuple{Elems: []ast.Expr{nil}}, &ast.Dict{Keys: []ast.Expr{nil}, Values: []ast.Expr{nil}},
		&ast.Set{}, &ast.Starred{}, &ast.Slice{}, &ast.Lambda{Params: []*ast.Param{nil, {}}}, &ast.IfExp{},
		&ast.NamedExpr{}, &ast.Comp{}, &ast.Comp{Fors: []*ast.CompFor{nil, {}}}, &ast.Yield{},
		&ast.YieldFrom{}, &ast.Await{}, &ast.FString{Parts: []ast.Expr{&ast.FormattedValue{}}},
		&ast.BytesLit{}, &ast.ImagLit{}, &ast.Ellipsis{},
	}
	stmts := []ast.Stmt{
		&ast.FuncDef{}, &ast.FuncDef{Params: []*ast.Param{nil, {}}, Result: &ast.TypeExpr{}},
		&ast.If{}, &ast.While{}, &ast.For{}, &ast.Break{}, &ast.Continue{}, &ast.Pass{}, &ast.Return{},
		&ast.Assign{}, &ast.AugAssign{}, &ast.Assert{}, &ast.Global{Names: []*ast.Ident{nil}},
		&ast.ClassDef{}, &ast.AnnAssign{}, &ast.Delete{Targets: []ast.Expr{nil}}, &ast.Raise{},
		&ast.Try{Handlers: []*ast.ExceptHandler{nil, {}}}, &ast.With{Items: []*ast.WithItem{nil, {}}},
		&ast.Import{Names: []*ast.Alias{nil, {}}}, &ast.ImportFrom{Names: []*ast.Alias{nil, {}}},
		&ast.Nonlocal{Names: []*ast.Ident{nil}},
		&ast.Match{Cases: []*ast.MatchCase{nil, {}, {Pattern: &ast.MatchOr{}}, {Pattern: &ast.MatchAs{}},
			{Pattern: &ast.MatchClass{KwdAttrs: []*ast.Ident{nil}}}, {Pattern: &ast.MatchMapping{Keys: []ast.Expr{nil}}},
			{Pattern: &ast.MatchSequence{Patterns: []ast.Pattern{nil, &ast.MatchStar{}}}},
			{Pattern: &ast.MatchValue{}}, {Pattern: &ast.MatchSingleton{}}}},
	}
	for _, e := range exprs {
		stmts = append(stmts, &ast.ExprStmt{X: e}, &ast.Assign{Target: &ast.Ident{Name: "v"}, Value: e})
	}
	l, _ := lang.Get("en")
	for _, s := range stmts {
		fn := &ast.FuncDef{Name: &ast.Ident{Name: "f"}, Body: []ast.Stmt{s}}
		cls := &ast.ClassDef{Name: &ast.Ident{Name: "C"}, Body: []ast.Stmt{s}}
		file := &ast.File{Body: []ast.Stmt{fn, s, cls}}
		info, errs := check.Check(file, l)
		for _, e := range errs {
			if strings.Contains(e.Msg, "internal error") {
				t.Errorf("%T: %s", s, e.Msg)
			}
		}
		if info == nil {
			t.Fatalf("%T: no info", s)
		}
		if f := info.FuncByName["f"]; f != nil && f.Compilable {
			if _, err := wasmgen.Generate(file, info, wasmgen.Options{}); err != nil {
				t.Errorf("%T: compilable but wasmgen fails: %v", s, err)
			}
		}
	}
}
