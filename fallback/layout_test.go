package fallback

import (
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// TestDefinitionsAndActions checks which top-level statements run when
// the module is loaded: the statements' kinds, and what a load sees.
func TestDefinitionsAndActions(t *testing.T) {
	src := `import math
from collections import namedtuple as nt
A = 1
B = C = A * 2 + int(0) if A else -1
D: int = 4
E: int
F = lambda x=A: x + B
T = (A, [B, {"k": C}], {1, 2}, f"{A}")
PI = math.pi
print("action 1")
G = A + 1
H = len("ab")
I = [x for x in range(2)]
J = (y := 3)
nums = [1]
nums.append(2)
K = nums[1]
L = A
def f(n=A):
    return n + L
@staticmethod
def g():
    pass
app = dict(route=lambda p: (lambda fn: fn))
@app["route"]("/")
def index():
    return "index"
M = index
class Cfg:
    value = B
Z = 0
def bump():
    global Z
    Z += 1
bump()
N = Z
try:
    import no_such_module_at_all
except ImportError:
    no_such_module_at_all = None
if A > 100:
    O = "big"
else:
    O = "small"
if __name__ == "__main__":
    print("main")
P, *Q = "pq", 1
R = S = "end"
V = int("1")
V: int
W = V
`
	f, b := pyTree(t, src)
	mod, err := Generate(f, resolve(f, b, nil))
	if err != nil {
		t.Fatal(err)
	}
	defs := []string{"import math\n", "from collections import namedtuple as nt\n", "A = 1\n",
		"D: int = 4\n", "E: int\n",
		"F = lambda x=A: x + B\n", "PI = math.pi\n", "G = A + 1\n",
		"nums = [1]\n", "L = A\n", "def f(n=A):\n", "@staticmethod\ndef g():\n",
		"Z = 0\n", "def bump():\n", "try:\n    import no_such_module_at_all\n", "if A > 100:\n",
		"P, *Q = \"pq\", 1\n", "R = S = \"end\"\n"}
	for _, d := range defs {
		if !strings.Contains(mod, "\n"+d) {
			t.Errorf("definition %q is not at the top level of\n%s", d, numbered(mod))
		}
	}
	actions := []string{"print(\"action 1\")", "H = len(\"ab\")", "I = [x for x in range(2)]", "J = (y := 3)",
		"nums.append(2)", "K = nums[1]", "app = dict(", "@app[\"route\"](\"/\")", "def index():", "M = index",
		"bump()", "N = Z", "V = int(\"1\")", "W = V", "B = C = A * 2 + int(0) if A else -1", "T = A, [B, {\"k\": C}], {1, 2}, f\"{A}\"", "class Cfg:", "if __name__ == \"__main__\":"}
	for _, a := range actions {
		if !strings.Contains(mod, "\n    "+a) {
			t.Errorf("action %q is not under __ml_run__ in\n%s", a, numbered(mod))
		}
	}
	// What a load binds.
	driver := `import mlmod as m
print(m.A, m.D, m.F.__defaults__, m.G, m.nums, m.L, m.f(), m.O, m.P, m.Q, m.R, m.PI > 3)
print([n for n in ("B", "C", "T", "Cfg", "H", "I", "J", "K", "M", "N", "index", "app") if hasattr(m, n)])
print(sorted(m.__ml_names__))
print(m.__ml_functions__)
`
	want := "1 4 (1,) 2 [1] 1 2 small pq [1] end True\n[]\n['bump', 'f', 'g']\n['f', 'g', 'index', 'bump']\n"
	if got := runPython(t, mod, driver); got != want {
		t.Errorf("a load saw\n%s\nwant\n%s\nmodule:\n%s", got, want, numbered(mod))
	}
	if got, want := runMain(t, mod), runPython(t, "", src); got != want {
		t.Errorf("run printed %q, CPython %q", got, want)
	}
}

// TestClassAttributeSpelling checks that names bound in a class body are
// spelled as attributes, in the body and after dots, while variables of
// the same names are renamed: a method print beside a program that calls
// the builtin print, an attribute named like a Python keyword.
func TestClassAttributeSpelling(t *testing.T) {
	self := id("self")
	cls := &ast.ClassDef{Name: id("K"), Body: body(
		def("print", []string{"self"}, ret(strl("method"))),
		set("class", numi(1)),
		set("twice", bin(id("class"), "*", numi(2))),
		def("get", []string{"self"}, ret(list(&ast.Attribute{X: self, Name: id("class")}, id("print")))),
	)}
	f := file("de",
		cls,
		set("print", numi(5)),
		do(callf("ausgeben", meth(call(id("K")), "print"), &ast.Attribute{X: id("K"), Name: id("class")},
			&ast.Attribute{X: id("K"), Name: id("twice")}, meth(call(id("K")), "get"))),
	)
	mod, err := Generate(f, resolve(f, map[string]string{"ausgeben": "print"}, nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"    def print(self):\n", "    class_ml1 = 1\n", "    twice = class_ml1 * 2\n",
		"        return [self.class_ml1, print_ml1]\n", "print_ml1 = 5\n",
		"print(K().print(), K.class_ml1, K.twice, K().get())"} {
		if !strings.Contains(mod, want) {
			t.Errorf("want %q in\n%s", want, numbered(mod))
		}
	}
	if got := runMain(t, mod); got != "method 1 2 [1, 5]\n" {
		t.Errorf("printed %q\n%s", got, numbered(mod))
	}
}

// TestForeignNames checks that what comes from other modules keeps its
// name: imported names, attributes of modules, keyword arguments of
// functions the program does not define, even when the program renames
// variables of the same names; and that keyword arguments of the
// program's own functions follow its parameters.
func TestForeignNames(t *testing.T) {
	// sep and open are builtins the program calls by other names, so
	// variables named so are renamed, but print's keyword sep is not.
	f := file("de",
		&ast.ImportFrom{Module: []*ast.Ident{id("os")}, Names: []*ast.Alias{{Path: []*ast.Ident{id("sep")}}}},
		&ast.Import{Names: []*ast.Alias{{Path: []*ast.Ident{id("os"), id("path")}}}},
		func() *ast.FuncDef {
			d := def("zeige", []string{"sep"}, ret(id("sep")))
			d.Params[0].Default = strl("-")
			return d
		}(),
		do(&ast.Call{Func: id("ausgeben"), Args: []ast.Expr{strl("a"), strl("b")},
			Keywords: []*ast.Keyword{{Name: id("sep"), Value: &ast.Call{Func: id("zeige"),
				Keywords: []*ast.Keyword{{Name: id("sep"), Value: strl("+")}}}}}}),
		do(callf("ausgeben", id("sep") /* os.sep, imported */, &ast.Attribute{X: &ast.Attribute{X: id("os"), Name: id("path")}, Name: id("sep")})),
		set("trenner", id("sep")),
	)
	// The program also uses a variable "sep" renamed because a builtin
	// named sep is called (a made-up builtin, to force the clash).
	mod, err := Generate(f, resolve(f, map[string]string{"ausgeben": "print", "trennzeichen": "sep"}, nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"from os import sep\n", "import os.path\n", "def zeige(sep=\"-\"):",
		"print(\"a\", \"b\", sep=zeige(sep=\"+\"))", "print(sep, os.path.sep)"} {
		if !strings.Contains(mod, want) {
			t.Errorf("want %q in\n%s", want, numbered(mod))
		}
	}
	if got := runMain(t, mod); got != "a+b\n/ /\n" {
		t.Errorf("printed %q\n%s", got, numbered(mod))
	}
	// Now with sep a builtin the program calls: the variable is renamed,
	// the import binds it under the new name, the keywords keep "sep".
	f.Body = append(f.Body, do(callf("trennzeichen")))
	mod, err = Generate(f, resolve(f, map[string]string{"ausgeben": "print", "trennzeichen": "sep"}, nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"from os import sep as sep_ml1\n", "def zeige(sep_ml1=\"-\"):",
		"print(\"a\", \"b\", sep=zeige(sep_ml1=\"+\"))", "print(sep_ml1, os.path.sep)", "trenner = sep_ml1"} {
		if !strings.Contains(mod, want) {
			t.Errorf("want %q in\n%s", want, numbered(mod))
		}
	}
}

// TestLineTable checks __ml_lines__ against the lines the statements of a
// program come from: every statement of the module, renumbered through the
// table, is on its source line.
func TestLineTable(t *testing.T) {
	src := `import math

LIMIT = 3


def f(n):
    """Doc."""
    total = 0
    for i in range(n):
        assert i >= 0, "never"
        total += i
    return total


class K:
    x = 1

    def m(self):
        return self.x


print(f(LIMIT))
x = [1,
     2]
print(x)
`
	f, b := pyTree(t, src)
	mod, err := Generate(f, resolve(f, b, nil))
	if err != nil {
		t.Fatal(err)
	}
	driver := `import ast, bisect
mod = open("mlmod.py", encoding="utf-8").read()
tree = ast.parse(mod)
flat = ast.literal_eval(tree.body[-1].value)
starts, sources = flat[0::2], flat[1::2]
def src(line):
    i = bisect.bisect_right(starts, line) - 1
    return 0 if i < 0 or sources[i] == 0 else sources[i] + line - starts[i]
lines = mod.splitlines()
for node in ast.walk(tree):
    if isinstance(node, ast.stmt):
        print(src(node.lineno), lines[node.lineno - 1].strip())
    if isinstance(node, ast.Constant) and node.value == 2:
        print(src(node.lineno), lines[node.lineno - 1].strip())
`
	out := runPython(t, mod, driver)
	want := map[string]string{
		"import math": "1", "LIMIT = 3": "3", "def f(n):": "6", "\"Doc.\"": "7", "total = 0": "8",
		"for i in range(n):": "9", "if not i >= 0:": "10", "raise AssertionError(\"never\")": "10",
		"total += i": "11", "return total": "12", "class K:": "15", "x = 1": "16", "def m(self):": "18",
		"return self.x": "19", "print(f(LIMIT))": "22", "x = [1,": "23", "2]": "24",
		"print(x)": "25", "__ml_language__ = \"en\"": "0", "__ml_names__ = {\"f\": f}": "0",
	}
	got := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		n, text, _ := strings.Cut(l, " ")
		got[text] = n
	}
	for text, line := range want {
		if got[text] != line {
			t.Errorf("%q maps to line %q, want %s", text, got[text], line)
		}
	}
	if t.Failed() {
		t.Log(out, numbered(mod))
	}
}
