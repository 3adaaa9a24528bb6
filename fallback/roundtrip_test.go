package fallback

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// randomExprs writes random Python expressions, fully parenthesized,
// one `vN = <expr>` statement per line, from a seed.
const randomExprs = `import random, sys
rnd = random.Random(int(sys.argv[1]))
N = int(sys.argv[2])
NAMES = ["a", "b", "c", "xs", "f", "d", "print", "len"]
STRS = ["''", "'x'", '"q\\"uote"', "'new\\nline'", "'back\\\\slash'", "'{brace}'", "'é€😀'", "'#'", "'tab\\t'"]
nostr = [False]
def atom():
    k = rnd.randrange(9)
    while nostr[0] and k in (5, 6):
        k = rnd.randrange(9)
    if k < 3: return rnd.choice(NAMES)
    if k == 3: return str(rnd.choice([0, 1, 7, 10**20, 0x1F]))
    if k == 4: return rnd.choice(["1.5", "0.1", "1e10", "2.5e-3", "3j", "1.5j"])
    if k == 5: return rnd.choice(STRS)
    if k == 6: return rnd.choice(["b''", "b'x\\x00'", "b'\"'"])
    if k == 7: return rnd.choice(["True", "None", "False", "..."])
    return "a.b"
BIN = ["+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<<", ">>"]
CMP = ["<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not"]
def args(d):
    out = []
    for _ in range(rnd.randrange(4)):
        k = rnd.randrange(5)
        out.append(("*%s" if k == 0 else "%s") % expr(d))
    for i in range(rnd.randrange(3)):
        k = rnd.randrange(4)
        out.append(("**%s" if k == 0 else "k%d=%%s" % i) % expr(d))
    return ", ".join(out)
def slice_(d):
    k = rnd.randrange(4)
    if k == 0: return "%s:%s" % (expr(d), expr(d))
    if k == 1: return "::%s" % expr(d)
    if k == 2: return "%s:" % expr(d)
    return ":"
def fstring(d):
    parts = []
    for _ in range(rnd.randrange(1, 4)):
        k = rnd.randrange(5)
        if k == 0: parts.append("lit{{}}")
        elif k == 1: parts.append("{%s}" % rnd.choice(NAMES))
        elif k == 2: parts.append("{%s!r:>{%s}}" % (rnd.choice(NAMES), rnd.choice(NAMES)))
        elif k == 3:
            nostr[0], was = True, nostr[0]
            parts.append("{(%s)}" % expr(min(d, 1)))
            nostr[0] = was
        else: parts.append("{%s=}" % rnd.choice(NAMES))
    return 'f"' + "".join(parts) + '"'
def expr(d):
    if d <= 0: return atom()
    d -= 1
    k = rnd.randrange(22)
    if k == 0: return "(%s %s %s)" % (expr(d), rnd.choice(BIN), expr(d))
    if k == 1: return "(%s%s)" % (rnd.choice(["-", "+", "~", "not "]), expr(d))
    if k == 2: return "(%s %s %s)" % (expr(d), rnd.choice(["and", "or"]), expr(d))
    if k == 3: return "(%s)" % (" %s " % rnd.choice(CMP)).join(expr(d) for _ in range(rnd.randrange(2, 4)))
    if k == 4: return "(%s if %s else %s)" % (expr(d), expr(d), expr(d))
    if k == 5: return "(lambda %s: %s)" % (rnd.choice(["", "x", "x, y=1", "*a, k=2, **kw", "x, /, y"]), expr(d))
    if k == 6: return "%s(%s)" % (expr(d), args(d))
    if k == 7: return "(%s).attr" % expr(d)
    if k == 8: return "(%s)[%s]" % (expr(d), expr(d))
    if k == 9: return "(%s)[%s]" % (expr(d), slice_(d))
    if k == 10: return "(%s)[%s, %s]" % (expr(d), slice_(d), expr(d))
    if k == 11: return "[%s]" % ", ".join(("*%s" if rnd.randrange(3) == 0 else "%s") % expr(d) for _ in range(rnd.randrange(4)))
    if k == 12: return "(%s)" % "".join("%s, " % expr(d) for _ in range(rnd.randrange(3)))
    if k == 13: return "{%s}" % ", ".join("%s: %s" % (expr(d), expr(d)) if rnd.randrange(3) else "**%s" % expr(d) for _ in range(rnd.randrange(3)))
    if k == 14: return "{%s}" % ", ".join(expr(d) for _ in range(rnd.randrange(1, 3)))
    if k == 15: return "[%s for x in %s if %s]" % (expr(d), expr(d), expr(d))
    if k == 16: return "{%s: %s for x, y in %s}" % (expr(d), expr(d), expr(d))
    if k == 17: return "f(%s for x in %s)" % (expr(d), expr(d))
    if k == 18: return "(n := %s)" % expr(d)
    if k == 19: return fstring(d)
    if k == 20: return "{%s for x in %s for y in x}" % (expr(d), expr(d))
    return "(%s ** %s)" % (expr(d), expr(d))
for i in range(N):
    print("v%d = %s" % (i, expr(rnd.randrange(1, 5))))
`

// compareValues prints, for each vN assignment of the original program
// and of the generated module, whether the values' trees are the same, once
// the module's hoisted string constants are put back in place.
const compareValues = `import ast, sys
orig = ast.parse(open(sys.argv[1], encoding="utf-8").read())
gen = ast.parse(open("mlmod.py", encoding="utf-8").read())
consts = {}
for node in gen.body:
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id.startswith("__ml_s"):
        consts[node.targets[0].id] = node.value
class Unhoist(ast.NodeTransformer):
    def visit_Name(self, node):
        return consts.get(node.id, node)
class Flatten(ast.NodeTransformer):
    # (a and b) and c is a and b and c: Python's tree is n-ary, ours binary.
    def visit_BoolOp(self, node):
        self.generic_visit(node)
        values = []
        for v in node.values:
            if isinstance(v, ast.BoolOp) and type(v.op) is type(node.op):
                values.extend(v.values)
            else:
                values.append(v)
        node.values = values
        return node
values = {}
for node in ast.walk(gen):
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id.startswith("v"):
        values[node.targets[0].id] = ast.dump(Flatten().visit(Unhoist().visit(node.value)))
bad = 0
for node in orig.body:
    name = node.targets[0].id
    want = ast.dump(Flatten().visit(node.value))
    if values.get(name) != want:
        bad += 1
        print("DIFF", name, ast.unparse(node.value))
        print("  got ", values.get(name))
        print("  want", want)
print("bad", bad)
`

// TestRoundTripRandomExpressions checks the precedence and the spelling
// of expressions: random Python expressions, read by CPython into our
// tree and written back by the generator, must read back (in CPython) to
// the same tree.
func TestRoundTripRandomExpressions(t *testing.T) {
	py := needPython(t)
	for seed := 1; seed <= 8; seed++ {
		out, err := exec.Command(py, "-c", randomExprs, fmt.Sprint(seed), "150").Output()
		if err != nil {
			t.Fatalf("random expressions: %v", err)
		}
		src := string(out)
		f, b := pyTree(t, src)
		mod, err := Generate(f, resolve(f, b, nil))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		got := runPythonOn(t, py, map[string]string{"mlmod.py": mod, "orig.py": src, "cmp.py": compareValues},
			"import runpy, sys\nsys.argv = ['cmp.py', 'orig.py']\nrunpy.run_path('cmp.py')\n")
		if !strings.HasSuffix(got, "bad 0\n") {
			t.Errorf("seed %d:\n%s", seed, got)
		}
	}
}

// randomFStrings writes f-strings in the syntax of Python 3.12, whose
// fields may hold any expression: strings with backslashes and the
// f-string's own quote, nested f-strings.
const randomFStrings = `import random, sys
rnd = random.Random(int(sys.argv[1]))
STRS = ['"\\n"', "'\\t'", '"q\\"uote"', "'it\\'s'", '"{x}"', "'#'", '"\\\\"', "'é'", '""', "b'\\x00\"'"]
def field(depth):
    k = rnd.randrange(6)
    if k == 0: return "{%s}" % rnd.choice(STRS)
    if k == 1: return "{%s.join(xs)!r}" % rnd.choice(STRS[:7])
    if k == 2 and depth < 1: return "{%s}" % fstr(depth + 1)
    if k == 3: return "{x:>{w}}"
    if k == 4: return "{x!a:{'>'}{w}}"
    return "{(lambda s: s + %s)(%s)}" % (rnd.choice(STRS[:9]), rnd.choice(STRS[:9]))
def fstr(depth):
    q = rnd.choice(['"', "'"])
    parts = [rnd.choice(["a", "\\n", "{{", " ", q == '"' and "\\\"" or "\\'"]) if rnd.randrange(3) == 0 else field(depth)
             for _ in range(rnd.randrange(1, 4))]
    return "f" + q + "".join(parts) + q
for i in range(int(sys.argv[2])):
    print("v%d = %s" % (i, fstr(0)))
`

// TestRoundTripFStrings checks f-strings that only Python 3.12 reads as
// written: generated in 3.10's syntax (string constants hoisted out of
// fields, f-strings nested too deep or holding a taken quote written as
// concatenations), their values must be the ones Python 3.12 computes,
// on every Python of pythons().
func TestRoundTripFStrings(t *testing.T) {
	var py312 string
	for _, py := range pythons(t) {
		if exec.Command(py, "-c", "import sys; assert sys.version_info >= (3, 12)").Run() == nil {
			py312 = py
		}
	}
	if py312 == "" {
		t.Skip("no Python 3.12 or later in $ML_PYTHONS")
	}
	for seed := 1; seed <= 4; seed++ {
		out, err := exec.Command(py312, "-c", randomFStrings, fmt.Sprint(seed), "100").Output()
		if err != nil {
			t.Fatalf("random f-strings: %v", err)
		}
		src := "x = 'vé'\nw = 6\nxs = ['p', 'q']\n" + string(out) +
			"for k, v in list(globals().items()):\n    if k.startswith('v') and k[1:].isdigit():\n        print(k, repr(v))\n"
		f, b := pyTreeWith(t, py312, src)
		mod, err := Generate(f, resolve(f, b, nil))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		want := runPythonOn(t, py312, map[string]string{"prog.py": src}, "import runpy\nrunpy.run_path('prog.py', run_name='__main__')\n")
		for _, py := range pythons(t) {
			got := runPythonOn(t, py, map[string]string{"mlmod.py": mod}, "import runpy\nrunpy.run_path('mlmod.py', run_name='__main__')\n")
			if got != want {
				t.Errorf("seed %d, %s: got\n%s\nwant\n%s\nmodule:\n%s", seed, py, got, want, numbered(mod))
			}
		}
	}
}
