package fallback

// Test helpers: a small builder for hand-made trees, a stand-in for the
// checker's name resolution, and a runner that executes generated modules
// in python3 when it is installed.

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// ---- tree builder ----

func id(name string) *ast.Ident   { return &ast.Ident{Name: name} }
func num(text string) *ast.IntLit { return &ast.IntLit{Text: text} }
func numi(v int) *ast.IntLit      { return &ast.IntLit{Text: strconv.Itoa(v)} }
func strl(s string) *ast.StrLit   { return &ast.StrLit{Value: s} }
func boolean(v bool) *ast.BoolLit { return &ast.BoolLit{Value: v} }
func none() *ast.NoneLit          { return &ast.NoneLit{} }

func flt(text string) *ast.FloatLit {
	v, err := strconv.ParseFloat(text, 64)
	if err != nil && !strings.Contains(err.Error(), "range") {
		panic(err)
	}
	return &ast.FloatLit{Text: text, Value: v}
}

func list(elems ...ast.Expr) *ast.ListLit { return &ast.ListLit{Elems: elems} }

var binOps = map[string]ast.BinaryOp{"+": ast.OpAdd, "-": ast.OpSub, "*": ast.OpMul, "/": ast.OpDiv,
	"//": ast.OpFloorDiv, "%": ast.OpMod, "**": ast.OpPow, "&": ast.OpBitAnd, "|": ast.OpBitOr,
	"^": ast.OpBitXor, "<<": ast.OpLShift, ">>": ast.OpRShift}

func bin(x ast.Expr, op string, y ast.Expr) *ast.Binary {
	o, ok := binOps[op]
	if !ok {
		panic("bad operator " + op)
	}
	return &ast.Binary{X: x, Op: o, Y: y}
}

func neg(x ast.Expr) *ast.Unary    { return &ast.Unary{Op: ast.OpNeg, X: x} }
func pos(x ast.Expr) *ast.Unary    { return &ast.Unary{Op: ast.OpPos, X: x} }
func inv(x ast.Expr) *ast.Unary    { return &ast.Unary{Op: ast.OpInvert, X: x} }
func not(x ast.Expr) *ast.Unary    { return &ast.Unary{Op: ast.OpNot, X: x} }
func and(x, y ast.Expr) *ast.Logic { return &ast.Logic{X: x, Op: ast.OpAnd, Y: y} }
func or(x, y ast.Expr) *ast.Logic  { return &ast.Logic{X: x, Op: ast.OpOr, Y: y} }

var cmpOps = map[string]ast.CmpOp{"==": ast.CmpEq, "!=": ast.CmpNe, "<": ast.CmpLt, "<=": ast.CmpLe,
	">": ast.CmpGt, ">=": ast.CmpGe, "in": ast.CmpIn, "not in": ast.CmpNotIn, "is": ast.CmpIs,
	"is not": ast.CmpIsNot}

// cmp builds a chain from alternating operands and operator strings.
func cmp(parts ...any) *ast.Compare {
	c := &ast.Compare{}
	for i, p := range parts {
		if i%2 == 0 {
			c.Operands = append(c.Operands, p.(ast.Expr))
		} else {
			op, ok := cmpOps[p.(string)]
			if !ok {
				panic("bad comparison " + p.(string))
			}
			c.Ops = append(c.Ops, op)
		}
	}
	return c
}

func call(f ast.Expr, args ...ast.Expr) *ast.Call { return &ast.Call{Func: f, Args: args} }
func callf(name string, args ...ast.Expr) *ast.Call {
	return &ast.Call{Func: id(name), Args: args}
}
func meth(x ast.Expr, name string, args ...ast.Expr) *ast.Call {
	return &ast.Call{Func: &ast.Attribute{X: x, Name: id(name)}, Args: args}
}
func index(x, i ast.Expr) *ast.Index { return &ast.Index{X: x, Index: i} }

func def(name string, params []string, body ...ast.Stmt) *ast.FuncDef {
	d := &ast.FuncDef{Name: id(name), Body: body}
	for _, p := range params {
		d.Params = append(d.Params, &ast.Param{Name: id(p)})
	}
	return d
}

func assign(t, v ast.Expr) *ast.Assign { return &ast.Assign{Target: t, Value: v} }
func set(name string, v ast.Expr) *ast.Assign {
	return &ast.Assign{Target: id(name), Value: v}
}
func aug(t ast.Expr, op string, v ast.Expr) *ast.AugAssign {
	return &ast.AugAssign{Target: t, Op: binOps[op], Value: v}
}
func ret(v ast.Expr) *ast.Return    { return &ast.Return{Value: v} }
func do(x ast.Expr) *ast.ExprStmt   { return &ast.ExprStmt{X: x} }
func brk() *ast.Break               { return &ast.Break{} }
func cont() *ast.Continue           { return &ast.Continue{} }
func pass() *ast.Pass               { return &ast.Pass{} }
func body(s ...ast.Stmt) []ast.Stmt { return s }
func global(names ...string) *ast.Global {
	g := &ast.Global{}
	for _, n := range names {
		g.Names = append(g.Names, id(n))
	}
	return g
}
func assert(c, msg ast.Expr) *ast.Assert { return &ast.Assert{Cond: c, Msg: msg} }

func ifs(c ast.Expr, then []ast.Stmt, els []ast.Stmt) *ast.If {
	return &ast.If{Cond: c, Body: then, Else: els}
}

// elif returns an else branch holding an If written as elif.
func elif(c ast.Expr, then []ast.Stmt, els []ast.Stmt) []ast.Stmt {
	return []ast.Stmt{&ast.If{Elif: true, Cond: c, Body: then, Else: els}}
}

func while(c ast.Expr, b ...ast.Stmt) *ast.While { return &ast.While{Cond: c, Body: b} }
func forin(target string, it ast.Expr, b ...ast.Stmt) *ast.For {
	return &ast.For{Target: id(target), Iter: it, Body: b}
}

func file(lang string, b ...ast.Stmt) *ast.File {
	return &ast.File{Name: "test.ml", Lang: lang, Body: b}
}

// ---- stand-in for core/check name resolution ----

// resolve returns an Info where every identifier spelled as a key of
// builtins resolves to its canonical name unless the program binds that
// name itself (a function, parameter, assigned name, for target or global),
// and every method name found in methods resolves to its canonical name.
func resolve(f *ast.File, builtins, methods map[string]string) *check.Info {
	info := &check.Info{
		FuncByName: map[string]*check.Func{},
		Types:      map[ast.Expr]*check.Type{},
		Builtins:   map[*ast.Ident]string{},
		Methods:    map[*ast.Ident]string{},
		Locals:     map[*ast.FuncDef][]*check.Local{},
	}
	bound := map[string]bool{}
	var idents []*ast.Ident
	var bindTarget func(ast.Expr)
	bindTarget = func(t ast.Expr) {
		switch t := t.(type) {
		case *ast.Ident:
			bound[t.Name] = true
		case *ast.Tuple:
			for _, e := range t.Elems {
				bindTarget(e)
			}
		case *ast.ListLit:
			for _, e := range t.Elems {
				bindTarget(e)
			}
		case *ast.Starred:
			bindTarget(t.X)
		}
	}
	var visit func(ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeExpr:
			return false
		case *ast.Attribute:
			ast.Inspect(n.X, visit)
			if c, ok := methods[n.Name.Name]; ok {
				info.Methods[n.Name] = c
			}
			return false
		case *ast.Keyword:
			ast.Inspect(n.Value, visit)
			return false
		case *ast.FuncDef:
			bound[n.Name.Name] = true
			for _, p := range n.Params {
				bound[p.Name.Name] = true
			}
		case *ast.Lambda:
			for _, p := range n.Params {
				bound[p.Name.Name] = true
			}
		case *ast.ClassDef:
			bound[n.Name.Name] = true
		case *ast.For:
			bindTarget(n.Target)
		case *ast.CompFor:
			bindTarget(n.Target)
		case *ast.Assign:
			bindTarget(n.Target)
			for _, t := range n.Chain {
				bindTarget(t)
			}
		case *ast.AugAssign:
			bindTarget(n.Target)
		case *ast.AnnAssign:
			bindTarget(n.Target)
		case *ast.NamedExpr:
			bound[n.Target.Name] = true
		case *ast.ExceptHandler:
			if n.Name != nil {
				bound[n.Name.Name] = true
			}
		case *ast.WithItem:
			if n.Target != nil {
				bindTarget(n.Target)
			}
		case *ast.Global:
			for _, id := range n.Names {
				bound[id.Name] = true
			}
		case *ast.Import, *ast.ImportFrom:
			return false
		case *ast.MatchAs:
			if n.Name != nil {
				bound[n.Name.Name] = true
			}
		case *ast.MatchStar:
			if n.Name != nil {
				bound[n.Name.Name] = true
			}
		case *ast.Ident:
			idents = append(idents, n)
		}
		return true
	}
	ast.InspectFile(f, visit)
	for _, e := range idents {
		if c, ok := builtins[e.Name]; ok && !bound[e.Name] {
			info.Builtins[e] = c
		}
	}
	for _, d := range f.Funcs() {
		fn := &check.Func{Decl: d, Name: d.Name.Name}
		info.Funcs = append(info.Funcs, fn)
		info.FuncByName[fn.Name] = fn
	}
	return info
}

// frBuiltins and frMethods are a few French spellings, with the English
// ones, as core/lang has them.
var (
	frBuiltins = map[string]string{
		"intervalle": "range", "range": "range", "afficher": "print", "print": "print",
		"longueur": "len", "len": "len", "valeurabsolue": "abs", "minimum": "min",
		"maximum": "max", "somme": "sum", "arrondir": "round", "entier": "int",
		"flottant": "float", "booléen": "bool", "chaine": "str",
	}
	frMethods = map[string]string{"ajouter": "append", "append": "append", "retirer": "pop"}
)

// gen1 generates f resolved with the French tables, failing the test on error.
func gen1(t *testing.T, f *ast.File) string {
	t.Helper()
	out, err := Generate(f, resolve(f, frBuiltins, frMethods))
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return out
}

// ---- running Python ----

var (
	pythonOnce sync.Once
	pythonPath string
)

// needPython returns the path of a python3 of version 3.10 or later, or
// skips the test: `go test ./...` must pass without Python.
func needPython(t *testing.T) string {
	t.Helper()
	pythonOnce.Do(func() {
		p, err := exec.LookPath("python3")
		if err != nil {
			return
		}
		// Ask for the real interpreter: version managers put a slow shell
		// script on PATH in front of it.
		out, err := exec.Command(p, "-c", "import sys; print(sys.executable if sys.version_info >= (3, 10) else '')").Output()
		if err == nil {
			pythonPath = strings.TrimSpace(string(out))
		}
	})
	if pythonPath == "" {
		t.Skip("python3 >= 3.10 not found")
	}
	return pythonPath
}

// runPython writes module as mlmod.py next to a driver script (which may
// `import mlmod`), runs the driver with extra interpreter flags and
// returns its standard output. A non-zero exit fails the test.
func runPython(t *testing.T, module, driver string, flags ...string) string {
	t.Helper()
	return runPythonOn(t, needPython(t), map[string]string{"mlmod.py": module}, driver, flags...)
}

// runMain runs module as a script (`python mlmod.py`) and returns what it
// printed: the program's top level runs.
func runMain(t *testing.T, module string) string {
	t.Helper()
	return runPython(t, module, "import runpy\nrunpy.run_path(\"mlmod.py\", run_name=\"__main__\")\n")
}

// runPythonFiles is runPython with any set of files beside the driver.
func runPythonFiles(t *testing.T, files map[string]string, driver string, flags ...string) string {
	t.Helper()
	return runPythonOn(t, needPython(t), files, driver, flags...)
}

// runPythonOn is runPythonFiles with the interpreter py.
func runPythonOn(t *testing.T, py string, files map[string]string, driver string, flags ...string) string {
	t.Helper()
	dir := t.TempDir()
	files["driver.py"] = driver
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := append([]string{"-E", "-s", "-B"}, flags...)
	cmd := exec.Command(py, append(args, "driver.py")...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("python failed: %v\n%s\nmodule:\n%s", err, stderr.String(), numbered(files["mlmod.py"]))
	}
	return stdout.String()
}

// compilePython checks that src is a valid Python module: ast.parse, then
// compile(), which also rejects what the parser accepts but the compiler
// does not (break outside a loop, a use before a global declaration).
func compilePython(t *testing.T, src string) {
	t.Helper()
	driver := `import ast, sys
src = open("mlmod.py", encoding="utf-8").read()
ast.parse(src)
compile(src, "mlmod.py", "exec")
print("ok")
`
	if out := runPython(t, src, driver); out != "ok\n" {
		t.Fatalf("compile check printed %q", out)
	}
}

// A pycall is one function call made by callPython: the source name of
// the function, its arguments as Python expressions and the expected repr
// of the result (or the name of the exception raised).
type pycall struct {
	fn   string
	args string
	want string
}

// callPython imports the module, makes each call through __ml_names__ (what
// the calls print is dropped) and compares the repr of each result with the
// expected one.
func callPython(t *testing.T, module string, calls []pycall, flags ...string) {
	t.Helper()
	callPythonOn(t, needPython(t), module, calls, flags...)
}

// callPythonOn is callPython with the interpreter py.
func callPythonOn(t *testing.T, py, module string, calls []pycall, flags ...string) {
	t.Helper()
	var d strings.Builder
	d.WriteString(`import contextlib, io, mlmod
def __call(name, *args):
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return repr(mlmod.__ml_names__[name](*args))
    except Exception as e:
        return type(e).__name__
`)
	for _, c := range calls {
		fmt.Fprintf(&d, "print(__call(%s, %s))\n", mustStr(c.fn), c.args)
	}
	out := runPythonOn(t, py, map[string]string{"mlmod.py": module}, d.String(), flags...)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(calls) {
		t.Fatalf("got %d result lines for %d calls:\n%s\nmodule:\n%s", len(lines), len(calls), out, numbered(module))
	}
	for i, c := range calls {
		if lines[i] != c.want {
			t.Errorf("%s(%s) = %s, want %s", c.fn, c.args, lines[i], c.want)
		}
	}
	if t.Failed() {
		t.Logf("module:\n%s", numbered(module))
	}
}

func mustStr(s string) string {
	lit, err := stringLiteral(s)
	if err != nil {
		panic(err)
	}
	return lit
}

// numbered returns src with line numbers, for failure messages.
func numbered(src string) string {
	var b strings.Builder
	for i, l := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%4d  %s\n", i+1, l)
	}
	return b.String()
}

// ---- Python reprs computed in Go ----

// pyRepr returns what Python's repr gives for v: ints (int, int64,
// *big.Int), floats, bools, nil, ASCII strings and slices of these.
func pyRepr(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case *big.Int:
		return v.String()
	case float64:
		return pyFloatRepr(v)
	case string:
		return "'" + v + "'"
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = pyRepr(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []int:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = strconv.Itoa(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	panic(fmt.Sprintf("pyRepr: %T", v))
}

// pyFloatRepr formats f as Python's float.__repr__ does: the shortest
// round-tripping digits, positional when the decimal exponent is in
// [-4, 16), scientific with a two-digit exponent otherwise.
func pyFloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	mant, expText, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expText)
	digits := strings.Replace(mant, ".", "", 1)
	if exp >= -4 && exp < 16 {
		if exp < 0 {
			return sign + "0." + strings.Repeat("0", -exp-1) + digits
		}
		for len(digits) < exp+1 {
			digits += "0"
		}
		frac := digits[exp+1:]
		if frac == "" {
			frac = "0"
		}
		return sign + digits[:exp+1] + "." + frac
	}
	m := digits[:1]
	if len(digits) > 1 {
		m += "." + digits[1:]
	}
	es := "+"
	if exp < 0 {
		es, exp = "-", -exp
	}
	return fmt.Sprintf("%s%se%s%02d", sign, m, es, exp)
}

// pyFloorDiv and pyMod are Python's // and % on ints, from Go's truncating ones.
func pyFloorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func pyMod(a, b int) int {
	m := a % b
	if m != 0 && ((m < 0) != (b < 0)) {
		m += b
	}
	return m
}

// pyRange returns the elements of Python's range(start, stop, step).
func pyRange(start, stop, step int) []int {
	out := []int{}
	if step > 0 {
		for i := start; i < stop; i += step {
			out = append(out, i)
		}
	} else {
		for i := start; i > stop; i += step {
			out = append(out, i)
		}
	}
	return out
}
