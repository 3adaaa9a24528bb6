package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// symtableScript prints, for each program of a JSON list, CPython's scope
// tree: each table's type and, for each of its names, how it resolves.
const symtableScript = `import json, symtable, sys
def kind(tab, sym):
    if tab.get_type() == "module":
        return "global"
    if sym.is_free():
        return "free"
    if sym.is_global():
        return "global"
    if sym.is_local():
        return "class" if tab.get_type() == "class" else "local"
    return "?"
def walk(tab):
    syms = {}
    for s in tab.get_symbols():
        n = s.get_name()
        if not n.startswith(".") and n != "__class__":
            syms[n] = kind(tab, s)
    return {"type": tab.get_type(), "name": tab.get_name(), "symbols": syms,
            "children": [walk(c) for c in tab.get_children()]}
out = []
for src in json.load(open(sys.argv[1], encoding="utf-8")):
    try:
        out.append(walk(symtable.symtable(src, "t", "exec")))
    except SyntaxError as e:
        out.append({"error": str(e)})
json.dump(out, sys.stdout)
`

type pyTable struct {
	Type     string            `json:"type"`
	Name     string            `json:"name"`
	Symbols  map[string]string `json:"symbols"`
	Children []*pyTable        `json:"children"`
	Error    string            `json:"error"`
}

// TestSymtable compares the resolver with CPython's symtable on the
// English programs of this package's tables and of tests/language: the
// same scope tree, the same names in each scope, resolved the same way
// (global, builtin and undefined are all "global" to CPython).
func TestSymtable(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	var srcs []string
	for _, tt := range resolveCases {
		if tt.lang == "en" && !strings.Contains(tt.src, "const ") {
			srcs = append(srcs, tt.src)
		}
	}
	srcs = append(srcs, symtablePrograms...)
	files, _ := filepath.Glob("../../tests/language/*.py")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(b))
	}
	dir := t.TempDir()
	data, _ := json.Marshal(srcs)
	in, script := filepath.Join(dir, "in.json"), filepath.Join(dir, "s.py")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(script, []byte(symtableScript), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-E", "-s", "-B", script, in)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("python: %v\n%s", err, stderr.String())
	}
	var tables []*pyTable
	if err := json.Unmarshal(out.Bytes(), &tables); err != nil {
		t.Fatal(err)
	}
	for i, src := range srcs {
		if tables[i].Error != "" {
			t.Errorf("CPython rejects %q: %s", src, tables[i].Error)
			continue
		}
		info, errs := checkSrc(t, "en", src)
		if errs != "no errors" {
			t.Errorf("%q: %s", src, errs)
			continue
		}
		var diffs []string
		compareScopes(info.Module, tables[i], "module", &diffs)
		if len(diffs) > 0 {
			name := src
			if len(name) > 60 {
				name = name[:60] + "..."
			}
			t.Errorf("%q differs from CPython's symtable:\n  %s", name, strings.Join(diffs, "\n  "))
		}
	}
}

var pyScopeType = map[ScopeKind]string{ModuleScope: "module", FunctionScope: "function", LambdaScope: "function",
	ClassScope: "class", CompScope: "function"}

func compareScopes(s *Scope, p *pyTable, path string, diffs *[]string) {
	if pyScopeType[s.Kind] != p.Type {
		*diffs = append(*diffs, fmt.Sprintf("%s: a %s scope, CPython has a %s (%s)", path, s.Kind, p.Type, p.Name))
		return
	}
	var names []string
	for n := range p.Symbols {
		names = append(names, n)
	}
	for n := range s.Symbols {
		if _, ok := p.Symbols[n]; !ok && n != "__class__" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		if n == "__class__" {
			continue
		}
		want, inPy := p.Symbols[n]
		sym := s.Symbols[n]
		switch {
		case sym == nil:
			*diffs = append(*diffs, fmt.Sprintf("%s: no symbol %s (CPython: %s)", path, n, want))
		case !inPy:
			*diffs = append(*diffs, fmt.Sprintf("%s: symbol %s (%s) unknown to CPython", path, n, sym.Kind))
		default:
			got := sym.Kind.String()
			if got == "builtin" || got == "undefined" {
				got = "global"
			}
			if got != want {
				*diffs = append(*diffs, fmt.Sprintf("%s: %s is %s, CPython: %s", path, n, sym.Kind, want))
			}
		}
	}
	if len(s.Children) != len(p.Children) {
		*diffs = append(*diffs, fmt.Sprintf("%s: %d nested scopes, CPython has %d", path, len(s.Children), len(p.Children)))
		return
	}
	for i, ch := range s.Children {
		compareScopes(ch, p.Children[i], fmt.Sprintf("%s/%s#%d", path, p.Children[i].Name, i), diffs)
	}
}

// symtablePrograms are further programs for the comparison with CPython.
var symtablePrograms = []string{
	"def f():\n    x = 1\n    def g():\n        x = 2\n        def h():\n            nonlocal x\n            x = 3\n        return h\n    return g\n",
	"def f(a, b=1, *args, c, d=2, **kw):\n    return a, b, args, c, d, kw\n",
	"class A:\n    x = 1\n    def f(self):\n        return super().f(), __class__\n",
	"def f():\n    y = 0\n    class B:\n        y = 1\n        z = [y for _ in range(2)]\n    return B\n",
	"def f(xs):\n    return {k: v for k, v in xs if (n := k)}, n\n",
	"def f():\n    for i in range(3):\n        yield lambda: i\n",
	"x = 0\ndef f():\n    global x\n    def g():\n        return x\n    x = 1\n    return g\n",
	"def f():\n    try:\n        pass\n    except Exception as e:\n        pass\n    with open('f') as (a, b):\n        pass\n",
	"import a.b.c\nimport d as e\nfrom f import g, h as i\ndef j():\n    from k import l\n    import m.n\n    return l, m\n",
	"def f(p):\n    match p:\n        case {'a': [x, *y], **z} if x:\n            return x, y, z\n        case C(a, b=c) | D(a, b=c):\n            return a, c\n        case q:\n            return q\n",
	"def f():\n    del x\n    x = 1\n",
	"class C:\n    a = 1\n    b = lambda self: a\n    c = [a for _ in range(1)]\n",
	"def deco(*a):\n    return lambda f: f\n@deco(lambda: 1)\nclass K(object, metaclass=type):\n    pass\n",
	"async def f(xs):\n    return [await x async for x in xs], (y async for y in xs)\n",
	"def f():\n    g = (lambda: (yield))\n    return g\n",
	"def outer():\n    v = 1\n    class C:\n        def m(self):\n            return v\n        v = 2\n    return C\n",
	"def f(a):\n    def g(b=a):\n        return [b for a in range(b)]\n    return g\n",
	"x: int = 1\ndef f():\n    y: 'Node'\n    return x\n",
}

// compileScript prints, for each program of a JSON list, the SyntaxError
// CPython's compile() raises (message and line), or null.
const compileScript = `import json, sys
out = []
for src in json.load(open(sys.argv[1], encoding="utf-8")):
    try:
        compile(src, "t", "exec")
        out.append(None)
    except SyntaxError as e:
        out.append({"msg": e.msg, "line": e.lineno})
json.dump(out, sys.stdout)
`

// TestErrorsLikeCPython checks the English error programs of
// resolveErrors against CPython: it rejects each with the message the
// checker gives, on the same line, and accepts every program of
// resolveValid.
func TestErrorsLikeCPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	type pyErr struct {
		Msg  string `json:"msg"`
		Line int32  `json:"line"`
	}
	var srcs []string
	for _, tt := range resolveErrors {
		if tt.lang == "en" {
			srcs = append(srcs, tt.src)
		}
	}
	nErr := len(srcs)
	srcs = append(srcs, resolveValid...)
	dir := t.TempDir()
	data, _ := json.Marshal(srcs)
	in, script := filepath.Join(dir, "in.json"), filepath.Join(dir, "c.py")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(script, []byte(compileScript), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-E", "-s", "-B", script, in).Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var res []*pyErr
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	for i, src := range srcs {
		info, _ := checkSrc(t, "en", src)
		_ = info
		l, _ := langGet("en")
		f := mustParse(t, src)
		_, errs := CheckSource(f, src, l)
		if i >= nErr {
			if res[i] != nil {
				t.Errorf("%q: CPython rejects it: %s", src, res[i].Msg)
			}
			continue
		}
		if res[i] == nil {
			t.Errorf("%q: CPython accepts it", src)
			continue
		}
		found := false
		for _, e := range errs {
			if e.Msg == res[i].Msg && e.Start.Line == res[i].Line {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: CPython says %q on line %d; the checker: %v", src, res[i].Msg, res[i].Line, errs)
		}
	}
}
