package fallback

// A second source of trees for the tests: English Python programs, parsed
// by CPython's own ast module, dumped as JSON and rebuilt here as our
// tree. The generator's output can then be run against the original
// program, which is the reference: whatever the parser of this project
// does, a tree that means a Python program must generate a module that
// behaves as that program.

import (
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// dumpScript prints the ast of the Python source on stdin as JSON: every
// node as an object with "_type", its fields, and lineno/col_offset.
const dumpScript = `import ast, json, sys
def conv(n):
    if isinstance(n, ast.AST):
        d = {"_type": type(n).__name__}
        for f in n._fields:
            d[f] = conv(getattr(n, f, None))
        for a in ("lineno", "col_offset"):
            if hasattr(n, a):
                d[a] = getattr(n, a)
        return d
    if isinstance(n, list):
        return [conv(x) for x in n]
    if isinstance(n, bool) or n is None:
        return {"_const": "bool" if isinstance(n, bool) else "none", "v": n}
    if isinstance(n, int):
        return {"_const": "int", "v": str(n)}
    if isinstance(n, float):
        return {"_const": "float", "v": repr(n)}
    if isinstance(n, complex):
        return {"_const": "complex", "v": repr(n.imag)}
    if isinstance(n, str):
        return {"_const": "str", "v": n}
    if isinstance(n, bytes):
        return {"_const": "bytes", "v": n.hex()}
    if n is Ellipsis:
        return {"_const": "ellipsis"}
    raise TypeError(type(n))
import builtins
print(json.dumps({"tree": conv(ast.parse(sys.stdin.read())), "builtins": dir(builtins)}))
`

// pyTree parses English Python source with CPython and returns our tree
// of it, lines and columns included, and the names of Python's builtins.
func pyTree(t *testing.T, src string) (*ast.File, map[string]string) {
	t.Helper()
	return pyTreeWith(t, needPython(t), src)
}

// pyTreeWith is pyTree with the interpreter py.
func pyTreeWith(t *testing.T, py, src string) (*ast.File, map[string]string) {
	t.Helper()
	cmd := exec.Command(py, "-c", dumpScript)
	cmd.Stdin = strings.NewReader(src)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python ast: %v\n%s", err, src)
	}
	var dump struct {
		Tree     map[string]any
		Builtins []string
	}
	if err := json.Unmarshal(out, &dump); err != nil {
		t.Fatal(err)
	}
	c := &pyConv{t: t}
	builtins := make(map[string]string)
	for _, b := range dump.Builtins {
		if !strings.HasPrefix(b, "_") {
			builtins[b] = b
		}
	}
	return &ast.File{Name: "prog.ml", Lang: "en", Body: c.stmts(dump.Tree["body"])}, builtins
}

// pyConv rebuilds our tree from the JSON dump.
type pyConv struct{ t *testing.T }

func (c *pyConv) fail(format string, args ...any) {
	c.t.Helper()
	c.t.Fatalf("pyTree: "+format, args...)
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func arr(v any) []any {
	a, _ := v.([]any)
	return a
}

func typ(v any) string {
	s, _ := obj(v)["_type"].(string)
	return s
}

func str(v any) string {
	m := obj(v)
	if m == nil {
		return ""
	}
	s, _ := m["v"].(string)
	return s
}

// span returns the node's position as a span.
func span(v any) source.Span {
	m := obj(v)
	l, _ := m["lineno"].(float64)
	col, _ := m["col_offset"].(float64)
	p := source.Pos{Line: int32(l), Col: int32(col) + 1}
	return source.Span{Start: p, End: p}
}

func (c *pyConv) name(v any, s string) *ast.Ident {
	return &ast.Ident{Pos: span(v), Name: s}
}

func (c *pyConv) stmts(v any) []ast.Stmt {
	var out []ast.Stmt
	for _, s := range arr(v) {
		out = append(out, c.stmt(s))
	}
	return out
}

func (c *pyConv) exprs(v any) []ast.Expr {
	var out []ast.Expr
	for _, e := range arr(v) {
		out = append(out, c.expr(e))
	}
	return out
}

func (c *pyConv) opt(v any) ast.Expr {
	if obj(v) == nil || obj(v)["_const"] == "none" {
		return nil
	}
	return c.expr(v)
}

func (c *pyConv) orElse(v any) []ast.Stmt {
	if len(arr(v)) == 0 {
		return nil
	}
	return c.stmts(v)
}

func (c *pyConv) typeExpr(v any) *ast.TypeExpr {
	if obj(v) == nil || obj(v)["_const"] == "none" {
		return nil
	}
	return &ast.TypeExpr{Pos: span(v), X: c.expr(v)}
}

func (c *pyConv) params(a any) []*ast.Param {
	m := obj(a)
	var out []*ast.Param
	add := func(p any, kind ast.ParamKind, def any) {
		pm := obj(p)
		out = append(out, &ast.Param{Name: c.name(p, str(pm["arg"])), Type: c.typeExpr(pm["annotation"]),
			Kind: kind, Default: c.opt(def)})
	}
	pos := append(append([]any{}, arr(m["posonlyargs"])...), arr(m["args"])...)
	defaults := arr(m["defaults"])
	for i, p := range pos {
		kind := ast.ParamNormal
		if i < len(arr(m["posonlyargs"])) {
			kind = ast.ParamPosOnly
		}
		var def any
		if k := i - (len(pos) - len(defaults)); k >= 0 {
			def = defaults[k]
		}
		add(p, kind, def)
	}
	if obj(m["vararg"])["_type"] != nil {
		add(m["vararg"], ast.ParamVarArgs, nil)
	}
	for i, p := range arr(m["kwonlyargs"]) {
		add(p, ast.ParamKwOnly, arr(m["kw_defaults"])[i])
	}
	if obj(m["kwarg"])["_type"] != nil {
		add(m["kwarg"], ast.ParamVarKw, nil)
	}
	return out
}

func (c *pyConv) keywords(v any) []*ast.Keyword {
	var out []*ast.Keyword
	for _, k := range arr(v) {
		km := obj(k)
		kw := &ast.Keyword{Pos: span(k), Value: c.expr(km["value"])}
		if s, ok := km["arg"].(map[string]any); ok && s["_const"] == "str" {
			kw.Name = c.name(k, s["v"].(string))
		}
		out = append(out, kw)
	}
	return out
}

func (c *pyConv) alias(a any, dotted bool) *ast.Alias {
	m := obj(a)
	al := &ast.Alias{}
	full := str(m["name"])
	if !dotted {
		al.Path = []*ast.Ident{c.name(a, full)}
	} else {
		for _, part := range strings.Split(full, ".") {
			al.Path = append(al.Path, c.name(a, part))
		}
	}
	if s := str(m["asname"]); s != "" {
		al.AsName = c.name(a, s)
	}
	return al
}

func (c *pyConv) stmt(v any) ast.Stmt {
	m := obj(v)
	sp := span(v)
	switch typ(v) {
	case "FunctionDef", "AsyncFunctionDef":
		return &ast.FuncDef{Pos: sp, Name: c.name(v, str(m["name"])), Params: c.params(m["args"]),
			Result: c.typeExpr(m["returns"]), Body: c.stmts(m["body"]), Decorators: c.exprs(m["decorator_list"]),
			Async: typ(v) == "AsyncFunctionDef"}
	case "ClassDef":
		return &ast.ClassDef{Pos: sp, Name: c.name(v, str(m["name"])), Bases: c.exprs(m["bases"]),
			Keywords: c.keywords(m["keywords"]), Body: c.stmts(m["body"]), Decorators: c.exprs(m["decorator_list"])}
	case "Return":
		return &ast.Return{Pos: sp, Value: c.opt(m["value"])}
	case "Delete":
		return &ast.Delete{Pos: sp, Targets: c.exprs(m["targets"])}
	case "Assign":
		ts := c.exprs(m["targets"])
		return &ast.Assign{Target: ts[0], Chain: ts[1:], Value: c.expr(m["value"])}
	case "AugAssign":
		return &ast.AugAssign{Target: c.expr(m["target"]), Op: binOpOf(c, m["op"]), Value: c.expr(m["value"])}
	case "AnnAssign":
		simple, _ := obj(m["simple"])["v"].(string)
		return &ast.AnnAssign{Target: c.expr(m["target"]), Annot: c.typeExpr(m["annotation"]),
			Value: c.opt(m["value"]), Simple: simple == "1"}
	case "For", "AsyncFor":
		return &ast.For{Pos: sp, Target: c.expr(m["target"]), Iter: c.expr(m["iter"]), Body: c.stmts(m["body"]),
			Else: c.orElse(m["orelse"]), Async: typ(v) == "AsyncFor"}
	case "While":
		return &ast.While{Pos: sp, Cond: c.expr(m["test"]), Body: c.stmts(m["body"]), Else: c.orElse(m["orelse"])}
	case "If":
		s := &ast.If{Pos: sp, Cond: c.expr(m["test"]), Body: c.stmts(m["body"]), Else: c.orElse(m["orelse"])}
		if len(s.Else) == 1 {
			if e, ok := s.Else[0].(*ast.If); ok {
				e.Elif = true
			}
		}
		return s
	case "With", "AsyncWith":
		w := &ast.With{Pos: sp, Body: c.stmts(m["body"]), Async: typ(v) == "AsyncWith"}
		for _, it := range arr(m["items"]) {
			im := obj(it)
			w.Items = append(w.Items, &ast.WithItem{Context: c.expr(im["context_expr"]), Target: c.opt(im["optional_vars"])})
		}
		return w
	case "Match":
		ms := &ast.Match{Pos: sp, Subject: c.expr(m["subject"])}
		for _, mc := range arr(m["cases"]) {
			cm := obj(mc)
			p := c.pattern(cm["pattern"])
			ms.Cases = append(ms.Cases, &ast.MatchCase{Pos: spanOfPattern(cm["pattern"]), Pattern: p,
				Guard: c.opt(cm["guard"]), Body: c.stmts(cm["body"])})
		}
		return ms
	case "Raise":
		return &ast.Raise{Pos: sp, Exc: c.opt(m["exc"]), Cause: c.opt(m["cause"])}
	case "Try", "TryStar":
		tr := &ast.Try{Pos: sp, Body: c.stmts(m["body"]), Else: c.orElse(m["orelse"]),
			Finally: c.orElse(m["finalbody"]), Star: typ(v) == "TryStar"}
		for _, h := range arr(m["handlers"]) {
			hm := obj(h)
			eh := &ast.ExceptHandler{Pos: span(h), Type: c.opt(hm["type"]), Body: c.stmts(hm["body"])}
			if s := str(hm["name"]); s != "" {
				eh.Name = c.name(h, s)
			}
			tr.Handlers = append(tr.Handlers, eh)
		}
		return tr
	case "Assert":
		return &ast.Assert{Pos: sp, Cond: c.expr(m["test"]), Msg: c.opt(m["msg"])}
	case "Import":
		im := &ast.Import{Pos: sp}
		for _, a := range arr(m["names"]) {
			im.Names = append(im.Names, c.alias(a, true))
		}
		return im
	case "ImportFrom":
		level, _ := strconv.Atoi(str(m["level"]))
		im := &ast.ImportFrom{Pos: sp, Level: level}
		if s := str(m["module"]); s != "" {
			for _, part := range strings.Split(s, ".") {
				im.Module = append(im.Module, c.name(v, part))
			}
		}
		for _, a := range arr(m["names"]) {
			im.Names = append(im.Names, c.alias(a, false))
		}
		return im
	case "Global", "Nonlocal":
		var ids []*ast.Ident
		for _, n := range arr(m["names"]) {
			ids = append(ids, c.name(v, str(n)))
		}
		if typ(v) == "Global" {
			return &ast.Global{Pos: sp, Names: ids}
		}
		return &ast.Nonlocal{Pos: sp, Names: ids}
	case "Expr":
		return &ast.ExprStmt{X: c.expr(m["value"])}
	case "Pass":
		return &ast.Pass{Pos: sp}
	case "Break":
		return &ast.Break{Pos: sp}
	case "Continue":
		return &ast.Continue{Pos: sp}
	}
	c.fail("statement %s", typ(v))
	return nil
}

func spanOfPattern(v any) source.Span { return span(v) }

var pyBinOps = map[string]ast.BinaryOp{"Add": ast.OpAdd, "Sub": ast.OpSub, "Mult": ast.OpMul, "Div": ast.OpDiv,
	"FloorDiv": ast.OpFloorDiv, "Mod": ast.OpMod, "Pow": ast.OpPow, "BitAnd": ast.OpBitAnd, "BitOr": ast.OpBitOr,
	"BitXor": ast.OpBitXor, "LShift": ast.OpLShift, "RShift": ast.OpRShift, "MatMult": ast.OpMatMul}

var pyCmpOps = map[string]ast.CmpOp{"Eq": ast.CmpEq, "NotEq": ast.CmpNe, "Lt": ast.CmpLt, "LtE": ast.CmpLe,
	"Gt": ast.CmpGt, "GtE": ast.CmpGe, "In": ast.CmpIn, "NotIn": ast.CmpNotIn, "Is": ast.CmpIs, "IsNot": ast.CmpIsNot}

func binOpOf(c *pyConv, v any) ast.BinaryOp {
	op, ok := pyBinOps[typ(v)]
	if !ok {
		c.fail("operator %s", typ(v))
	}
	return op
}

// posOf returns the start of the node as a Pos.
func posOf(v any) source.Pos { return span(v).Start }

func (c *pyConv) constant(v any, sp source.Span) ast.Expr {
	k := obj(obj(v)["value"])
	switch k["_const"] {
	case "int":
		return &ast.IntLit{Pos: sp, Text: k["v"].(string)}
	case "float":
		text := k["v"].(string)
		f, _ := strconv.ParseFloat(text, 64)
		if text == "inf" {
			f = math.Inf(1)
		}
		return &ast.FloatLit{Pos: sp, Text: text, Value: f}
	case "complex":
		return &ast.ImagLit{Pos: sp, Text: k["v"].(string)}
	case "str":
		return &ast.StrLit{Pos: sp, Value: k["v"].(string)}
	case "bytes":
		var b []byte
		h := k["v"].(string)
		for i := 0; i+1 < len(h); i += 2 {
			x, _ := strconv.ParseUint(h[i:i+2], 16, 8)
			b = append(b, byte(x))
		}
		return &ast.BytesLit{Pos: sp, Value: string(b)}
	case "bool":
		return &ast.BoolLit{Pos: sp, Value: k["v"].(bool)}
	case "none":
		return &ast.NoneLit{Pos: sp}
	case "ellipsis":
		return &ast.Ellipsis{Pos: sp}
	}
	c.fail("constant %v", k)
	return nil
}

func (c *pyConv) comp(v any, kind ast.CompKind) ast.Expr {
	m := obj(v)
	cp := &ast.Comp{Pos: span(v), Kind: kind}
	if kind == ast.DictComp {
		cp.Elt, cp.Value = c.expr(m["key"]), c.expr(m["value"])
	} else {
		cp.Elt = c.expr(m["elt"])
	}
	for _, g := range arr(m["generators"]) {
		gm := obj(g)
		async, _ := obj(gm["is_async"])["v"].(string)
		cp.Fors = append(cp.Fors, &ast.CompFor{Pos: span(v), Target: c.expr(gm["target"]), Iter: c.expr(gm["iter"]),
			Ifs: c.exprs(gm["ifs"]), Async: async == "1"})
	}
	return cp
}

func (c *pyConv) fstring(v any) *ast.FString {
	fs := &ast.FString{Pos: span(v)}
	for _, p := range arr(obj(v)["values"]) {
		if typ(p) == "Constant" {
			fs.Parts = append(fs.Parts, &ast.StrLit{Pos: span(p), Value: str(obj(p)["value"])})
			continue
		}
		pm := obj(p)
		conv, _ := strconv.Atoi(str(pm["conversion"]))
		fv := &ast.FormattedValue{X: c.expr(pm["value"])}
		if conv > 0 {
			fv.Conv = rune(conv)
		}
		if typ(pm["format_spec"]) == "JoinedStr" {
			fv.Spec = c.fstring(pm["format_spec"])
		}
		fs.Parts = append(fs.Parts, fv)
	}
	return fs
}

func (c *pyConv) expr(v any) ast.Expr {
	m := obj(v)
	sp := span(v)
	switch typ(v) {
	case "BoolOp":
		op := ast.OpAnd
		if typ(m["op"]) == "Or" {
			op = ast.OpOr
		}
		vals := c.exprs(m["values"])
		x := vals[0]
		for _, y := range vals[1:] {
			x = &ast.Logic{X: x, Op: op, Y: y}
		}
		return x
	case "NamedExpr":
		return &ast.NamedExpr{Target: c.name(m["target"], str(obj(m["target"])["id"])), Value: c.expr(m["value"])}
	case "BinOp":
		return &ast.Binary{X: c.expr(m["left"]), Op: binOpOf(c, m["op"]), Y: c.expr(m["right"])}
	case "UnaryOp":
		ops := map[string]ast.UnaryOp{"USub": ast.OpNeg, "UAdd": ast.OpPos, "Not": ast.OpNot, "Invert": ast.OpInvert}
		return &ast.Unary{Op: ops[typ(m["op"])], OpPos: sp, X: c.expr(m["operand"])}
	case "Lambda":
		return &ast.Lambda{Pos: sp, Params: c.params(m["args"]), Body: c.expr(m["body"])}
	case "IfExp":
		return &ast.IfExp{Body: c.expr(m["body"]), Cond: c.expr(m["test"]), Else: c.expr(m["orelse"])}
	case "Dict":
		d := &ast.Dict{Pos: sp}
		for i, k := range arr(m["keys"]) {
			d.Keys = append(d.Keys, c.opt(k))
			d.Values = append(d.Values, c.expr(arr(m["values"])[i]))
		}
		return d
	case "Set":
		return &ast.Set{Pos: sp, Elems: c.exprs(m["elts"])}
	case "ListComp":
		return c.comp(v, ast.ListComp)
	case "SetComp":
		return c.comp(v, ast.SetComp)
	case "DictComp":
		return c.comp(v, ast.DictComp)
	case "GeneratorExp":
		return c.comp(v, ast.GenExp)
	case "Await":
		return &ast.Await{Pos: sp, X: c.expr(m["value"])}
	case "Yield":
		return &ast.Yield{Pos: sp, Value: c.opt(m["value"])}
	case "YieldFrom":
		return &ast.YieldFrom{Pos: sp, Value: c.expr(m["value"])}
	case "Compare":
		cm := &ast.Compare{Operands: []ast.Expr{c.expr(m["left"])}}
		for i, op := range arr(m["ops"]) {
			cm.Ops = append(cm.Ops, pyCmpOps[typ(op)])
			cm.Operands = append(cm.Operands, c.expr(arr(m["comparators"])[i]))
		}
		return cm
	case "Call":
		return &ast.Call{Func: c.expr(m["func"]), Args: c.exprs(m["args"]), Keywords: c.keywords(m["keywords"]), Rparen: posOf(v)}
	case "JoinedStr":
		return c.fstring(v)
	case "Constant":
		return c.constant(v, sp)
	case "Attribute":
		return &ast.Attribute{X: c.expr(m["value"]), Name: c.name(v, str(m["attr"]))}
	case "Subscript":
		return &ast.Index{X: c.expr(m["value"]), Index: c.expr(m["slice"]), Rbracket: posOf(v)}
	case "Starred":
		return &ast.Starred{Pos: sp, X: c.expr(m["value"])}
	case "Name":
		return c.name(v, str(m["id"]))
	case "List":
		return &ast.ListLit{Pos: sp, Elems: c.exprs(m["elts"])}
	case "Tuple":
		return &ast.Tuple{Pos: sp, Elems: c.exprs(m["elts"])}
	case "Slice":
		return &ast.Slice{Pos: sp, Lo: c.opt(m["lower"]), Hi: c.opt(m["upper"]), Step: c.opt(m["step"])}
	}
	c.fail("expression %s", typ(v))
	return nil
}

func (c *pyConv) patterns(v any) []ast.Pattern {
	var out []ast.Pattern
	for _, p := range arr(v) {
		out = append(out, c.pattern(p))
	}
	return out
}

func (c *pyConv) pattern(v any) ast.Pattern {
	m := obj(v)
	sp := span(v)
	switch typ(v) {
	case "MatchValue":
		return &ast.MatchValue{X: c.expr(m["value"])}
	case "MatchSingleton":
		k := obj(m["value"])
		if k["_const"] == "none" {
			return &ast.MatchSingleton{X: &ast.NoneLit{Pos: sp}}
		}
		return &ast.MatchSingleton{X: &ast.BoolLit{Pos: sp, Value: k["v"].(bool)}}
	case "MatchSequence":
		return &ast.MatchSequence{Pos: sp, Patterns: c.patterns(m["patterns"])}
	case "MatchMapping":
		mm := &ast.MatchMapping{Pos: sp, Keys: c.exprs(m["keys"]), Patterns: c.patterns(m["patterns"])}
		if s := str(m["rest"]); s != "" {
			mm.Rest = c.name(v, s)
		}
		return mm
	case "MatchClass":
		mc := &ast.MatchClass{Cls: c.expr(m["cls"]), Patterns: c.patterns(m["patterns"]),
			KwdPatterns: c.patterns(m["kwd_patterns"]), Rparen: posOf(v)}
		for _, a := range arr(m["kwd_attrs"]) {
			mc.KwdAttrs = append(mc.KwdAttrs, c.name(v, str(a)))
		}
		return mc
	case "MatchStar":
		ms := &ast.MatchStar{Pos: sp}
		if s := str(m["name"]); s != "" {
			ms.Name = c.name(v, s)
		}
		return ms
	case "MatchAs":
		ma := &ast.MatchAs{Pos: sp}
		if typ(m["pattern"]) != "" {
			ma.Pattern = c.pattern(m["pattern"])
		}
		if s := str(m["name"]); s != "" {
			ma.Name = c.name(v, s)
		}
		return ma
	case "MatchOr":
		return &ast.MatchOr{Patterns: c.patterns(m["patterns"])}
	}
	c.fail("pattern %s", typ(v))
	return nil
}

// samePython generates the module of the English program src (through
// CPython's parser) and checks that running it as a script prints what
// src prints run by CPython itself.
func samePython(t *testing.T, src string) string {
	t.Helper()
	f, builtins := pyTree(t, src)
	mod, err := Generate(f, resolve(f, builtins, nil))
	if err != nil {
		t.Fatalf("Generate: %v\n%s", err, src)
	}
	for _, py := range pythons(t) {
		want := runPythonOn(t, py, map[string]string{"prog.py": src}, "import runpy\nrunpy.run_path(\"prog.py\", run_name=\"__main__\")\n")
		got := runPythonOn(t, py, map[string]string{"mlmod.py": mod}, "import runpy\nrunpy.run_path(\"mlmod.py\", run_name=\"__main__\")\n")
		if got != want {
			t.Errorf("%s: generated module printed\n%s\nPython printed\n%s\nmodule:\n%s", py, got, want, numbered(mod))
		}
	}
	return mod
}

var _ = fmt.Sprint
