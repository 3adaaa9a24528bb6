package check

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

// resolveCases are small programs with the binding expected for named
// identifiers: "line:name=kind" means every occurrence of name on that
// line resolves to kind (local, global, free, builtin, class, undefined).
var resolveCases = []struct {
	name, lang, src string
	want            []string
}{
	{"global read", "en", "x = 1\ndef f():\n    y = x\n    return y\n",
		[]string{"1:x=global", "2:f=global", "3:y=local", "3:x=global", "4:y=local"}},
	{"local shadows global", "en", "x = 1\ndef f():\n    x = 2\n    return x\n",
		[]string{"3:x=local", "4:x=local"}},
	{"local read before assignment", "en", "x = 1\ndef f():\n    print(x)\n    x = 2\n",
		[]string{"3:x=local", "3:print=builtin", "4:x=local"}},
	{"global declaration", "en", "def f():\n    global x\n    x = 1\ndef g():\n    return x\n",
		[]string{"2:x=global", "3:x=global", "5:x=global"}},
	{"undefined", "en", "def f():\n    return y\n", []string{"2:y=undefined"}},
	{"localized builtins", "fr", "déf f(n):\n    retour longueur(intervalle(n))\n",
		[]string{"2:longueur=builtin", "2:intervalle=builtin", "2:n=local"}},
	{"module binding hides a builtin", "en", "len = 5\ndef f():\n    return len\n",
		[]string{"1:len=global", "3:len=global"}},
	{"parameter hides a builtin", "fr", "déf f(longueur):\n    retour longueur\n",
		[]string{"1:longueur=local", "2:longueur=local"}},
	{"closure", "en", "def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n",
		[]string{"2:x=local", "3:inner=local", "4:x=free", "5:inner=local"}},
	{"nonlocal", "en", "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x = 2\n    inner()\n    return x\n",
		[]string{"4:x=free", "5:x=free", "6:inner=local", "7:x=local"}},
	{"class names are not seen by methods", "en", "y = 0\nclass C:\n    y = 1\n    z = y\n    def m(self):\n        return y\n",
		[]string{"2:C=global", "3:y=class", "4:y=class", "4:z=class", "5:m=class", "5:self=local", "6:y=global"}},
	{"class body reads an enclosing function's variable", "en", "def f():\n    x = 1\n    class C:\n        y = x\n    return C\n",
		[]string{"3:C=local", "4:x=free", "4:y=class", "5:C=local"}},
	{"a method skips the class body", "en", "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n",
		[]string{"4:x=class", "6:x=free"}},
	{"comprehension", "en", "def f(xs, k):\n    return [x * k for x in xs]\n",
		[]string{"2:x=local", "2:k=free", "2:xs=local"}},
	{"module comprehension", "en", "k = 2\nys = [x * k for x in range(3)]\n",
		[]string{"2:x=local", "2:k=global", "2:range=builtin", "2:ys=global"}},
	{"comprehension in a class body", "en", "class C:\n    a = [1, 2]\n    k = 3\n    b = [x * k for x in a]\n",
		[]string{"4:a=class", "4:k=undefined", "4:x=local", "4:b=class"}},
	{"walrus in a comprehension binds in the function", "en", "def f(xs):\n    if any((big := x) > 10 for x in xs):\n        return big\n",
		[]string{"2:big=free", "2:any=builtin", "2:x=local", "2:xs=local", "3:big=local"}},
	{"walrus in a module comprehension", "en", "ys = [(last := v) for v in range(3)]\nprint(last)\n",
		[]string{"1:last=global", "1:v=local", "2:last=global"}},
	{"lambda", "en", "def f(k):\n    g = lambda x: x + k\n    return g\n",
		[]string{"2:x=local", "2:k=free", "2:g=local"}},
	{"lambda default", "en", "def f():\n    k = 1\n    return lambda x=k: x\n",
		[]string{"3:k=local", "3:x=local"}},
	{"except as", "en", "def f():\n    try:\n        pass\n    except ValueError as e:\n        return e\n",
		[]string{"4:ValueError=builtin", "4:e=local", "5:e=local"}},
	{"with as", "en", "def f(p):\n    with open(p) as fh:\n        return fh.read()\n",
		[]string{"2:open=builtin", "2:fh=local", "2:p=local", "3:fh=local"}},
	{"imports", "en", "import os.path\nfrom math import sqrt as root\ndef f():\n    return root(os.sep)\n",
		[]string{"1:os=global", "2:root=global", "4:root=global", "4:os=global"}},
	{"import in a function", "en", "def f():\n    import math\n    return math.pi\n",
		[]string{"2:math=local", "3:math=local"}},
	{"match captures", "en", "def f(p):\n    match p:\n        case [x, *rest]:\n            return x, rest\n        case {\"k\": v, **others}:\n            return v, others\n        case Point(x=px) as whole:\n            return px, whole\n",
		[]string{"2:p=local", "3:x=local", "3:rest=local", "5:v=local", "5:others=local", "7:Point=undefined", "7:px=local", "7:whole=local"}},
	{"del makes a name local", "en", "x = 1\ndef f():\n    del x\n", []string{"3:x=local"}},
	{"tuple for target", "en", "def f(d):\n    for k, v in d.items():\n        print(k, v)\n",
		[]string{"2:k=local", "2:v=local", "2:d=local", "3:k=local", "3:v=local"}},
	{"nested def and class", "en", "def f():\n    def g():\n        return 1\n    class K:\n        pass\n    return g, K\n",
		[]string{"2:g=local", "4:K=local", "6:g=local", "6:K=local"}},
	{"decorators and defaults", "en", "def deco(fn):\n    return fn\n@deco\ndef f(a=len):\n    return a\n",
		[]string{"1:fn=local", "3:deco=global", "4:len=builtin", "4:a=local", "4:f=global"}},
	{"nonlocal through a class", "en", "def f():\n    n = 0\n    class C:\n        def inc(self):\n            nonlocal n\n            n += 1\n    return C\n",
		[]string{"2:n=local", "5:n=free", "6:n=free"}},
	{"global in a nested function", "en", "def f():\n    x = 1\n    def g():\n        global x\n        return x\n    return g\nx = 0\n",
		[]string{"2:x=local", "4:x=global", "5:x=global"}},
	{"global declaration of a name bound nowhere", "en", "def g():\n    global x\n    return x\n",
		[]string{"2:x=undefined", "3:x=undefined"}},
	{"a global declaration hides the name from nested functions", "en", "def f():\n    global x\n    x = 1\n    def g():\n        return x\n    return g\n",
		[]string{"3:x=global", "5:x=global"}},
	{"localized super", "fr", "classe A:\n    déf m(soi):\n        retour superieur().m()\n",
		[]string{"1:A=global", "3:superieur=builtin", "2:soi=local"}},
	{"exceptions are builtins", "en", "def f(x):\n    if x < 0:\n        raise ValueError('negative')\n    raise NotImplementedError\n",
		[]string{"3:ValueError=builtin", "4:NotImplementedError=builtin"}},
	{"async and await", "en", "async def f(x):\n    return await x\n", []string{"1:f=global", "2:x=local"}},
	{"generator", "en", "def g(n):\n    yield n\n    yield from range(n)\n", []string{"2:n=local", "3:range=builtin"}},
	{"f-string", "en", "def f(n):\n    return f'{n} {len!r:>{n}}'\n", []string{"2:n=local", "2:len=builtin"}},
	{"star import", "en", "from m import *\nprint(y)\n", []string{"2:y=undefined", "2:print=builtin"}},
	{"const", "en", "const N = 3\ndef f():\n    return N\n", []string{"1:N=global", "3:N=global"}},
	{"annotation makes a name local", "en", "x = 1\ndef f():\n    x: int\n    return x\n", []string{"4:x=local"}},
	{"class header", "en", "class Meta(type):\n    pass\nclass C(object, metaclass=Meta):\n    pass\n",
		[]string{"1:type=builtin", "1:Meta=global", "3:object=builtin", "3:Meta=global", "3:C=global"}},
	{"nested comprehensions", "en", "def f(m):\n    return [[c * r for c in row]\n            for r, row in enumerate(m)]\n",
		[]string{"2:c=local", "2:r=free", "2:row=local", "3:r=local", "3:row=local", "3:enumerate=builtin", "3:m=local"}},
	{"global in a class body", "en", "class C:\n    global g\n    g = 1\ndef f():\n    return g\n",
		[]string{"2:g=global", "3:g=global", "5:g=global"}},
	{"module name bound in a block", "en", "if True:\n    z = 1\ndef f():\n    return z\n", []string{"2:z=global", "4:z=global"}},
	{"annotations", "fr", "déf f(x: entier | Rien) -> liste[entier]:\n    retour [x]\n",
		[]string{"1:entier=builtin", "1:liste=builtin", "1:x=local"}},
	{"augmented assignment of a global", "en", "n = 0\ndef f():\n    global n\n    n += 1\n", []string{"4:n=global"}},
	{"with and for in a class", "en", "class C:\n    for i in range(2):\n        pass\n    with open('f') as fh:\n        pass\n",
		[]string{"2:i=class", "4:fh=class", "4:open=builtin"}},
}

func TestResolve(t *testing.T) {
	for _, tt := range resolveCases {
		t.Run(tt.name, func(t *testing.T) {
			info, errs := checkSrc(t, tt.lang, tt.src)
			if errs != "no errors" {
				t.Fatalf("errors: %s", errs)
			}
			got := make(map[string][]string) // "line:name" -> kinds
			for id, sym := range info.Names {
				k := fmt.Sprintf("%d:%s", id.Pos.Start.Line, id.Name)
				got[k] = append(got[k], sym.Kind.String())
			}
			for _, w := range tt.want {
				key, kind, _ := strings.Cut(w, "=")
				kinds := got[key]
				if len(kinds) == 0 {
					t.Errorf("%s: no such name", key)
					continue
				}
				for _, k := range kinds {
					if k != kind {
						t.Errorf("%s is %v, want %s", key, kinds, kind)
						break
					}
				}
			}
			if t.Failed() {
				t.Logf("all bindings: %s", dumpNames(info))
			}
		})
	}
}

func dumpNames(info *Info) string {
	var out []string
	for id, sym := range info.Names {
		out = append(out, fmt.Sprintf("%d:%d:%s=%s", id.Pos.Start.Line, id.Pos.Start.Col, id.Name, sym.Kind))
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// A builtin resolves to its canonical English name, in any language; a
// localized super is super, for the fallback's zero-argument super().
func TestBuiltinNames(t *testing.T) {
	src := "classe A:\n    déf m(soi):\n        retour superieur().m()\nafficher(longueur([1]), ValueError, max)\n"
	info, errs := checkSrc(t, "fr", src)
	if errs != "no errors" {
		t.Fatal(errs)
	}
	got := make(map[string]string)
	for id, canon := range info.Builtins {
		got[id.Name] = canon
	}
	want := map[string]string{"superieur": "super", "afficher": "print", "longueur": "len", "ValueError": "ValueError", "max": "max"}
	for name, canon := range want {
		if got[name] != canon {
			t.Errorf("%s -> %q, want %q", name, got[name], canon)
		}
	}
	if len(got) != len(want) {
		t.Errorf("builtins %v, want %v", got, want)
	}
}

// Scopes, cells and the module's globals.
func TestScopes(t *testing.T) {
	src := "import os\nclass C:\n    k = 1\n    def m(self):\n        return [x for x in self.v]\ndef outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n    return inner\nf = lambda: 0\nif f():\n    z = 2\ndef g():\n    global w\n    w = 1\n"
	info, errs := checkSrc(t, "en", src)
	if errs != "no errors" {
		t.Fatal(errs)
	}
	var shape func(s *Scope) string
	shape = func(s *Scope) string {
		var parts []string
		for _, ch := range s.Children {
			parts = append(parts, shape(ch))
		}
		name := s.Kind.String()
		if len(parts) > 0 {
			name += "(" + strings.Join(parts, " ") + ")"
		}
		return name
	}
	if got := shape(info.Module); got != "module(class(function(comprehension)) function(function) lambda function)" {
		t.Errorf("scope tree %s", got)
	}
	outer := info.Module.Children[1]
	if n := outer.Symbols["n"]; n == nil || !n.Cell || n.Kind != BindLocal {
		t.Errorf("outer's n: %+v", n)
	}
	inner := outer.Children[0]
	if n := inner.Symbols["n"]; n == nil || n.Kind != BindFree || n.Owner != outer || !n.Nonlocal {
		t.Errorf("inner's n: %+v", n)
	}
	if os := info.Module.Symbols["os"]; os == nil || !os.Imported || os.Kind != BindGlobal {
		t.Errorf("os: %+v", os)
	}
	if got := strings.Join(info.Globals, " "); got != "C f os w z" {
		t.Errorf("globals %q", got)
	}
	for node, s := range info.Scopes {
		if s.Node != node {
			t.Errorf("Scopes[%T] is the scope of %T", node, s.Node)
		}
	}
	if len(info.Scopes) != 7 {
		t.Errorf("%d scopes, want 7", len(info.Scopes))
	}
}

// Errors CPython reports when it compiles a program, in its words.
var resolveErrors = []struct{ lang, src, want string }{
	{"en", "yield 1\n", "1:1: 'yield' outside function"},
	{"en", "class C:\n    yield 1\n", "2:5: 'yield' outside function"},
	{"en", "class C:\n    return 1\n", "2:5: 'return' outside function"},
	{"fr", "produire 1\n", "1:1: 'produire' en dehors d'une fonction"},
	{"en", "await x\n", "1:1: 'await' outside function"},
	{"en", "def f():\n    await x\n", "2:5: 'await' outside async function"},
	{"en", "async def f():\n    g = lambda: await x\n", "'await' outside async function"},
	{"en", "def f():\n    return [await x for y in z]\n", "2:12: asynchronous comprehension outside of an asynchronous function"},
	{"en", "def f():\n    return [x async for x in y]\n", "asynchronous comprehension outside of an asynchronous function"},
	{"en", "def f():\n    async for x in y:\n        pass\n", "2:5: 'async for' outside async function"},
	{"en", "def f():\n    async with x:\n        pass\n", "2:5: 'async with' outside async function"},
	{"en", "nonlocal x\n", "1:1: nonlocal declaration not allowed at module level"},
	{"en", "def f():\n    nonlocal x\n", "2:5: no binding for nonlocal 'x' found"},
	{"en", "class C:\n    nonlocal x\n", "no binding for nonlocal 'x' found"},
	{"en", "def f():\n    print(x)\n    global x\n", "3:5: name 'x' is used prior to global declaration"},
	{"en", "def f():\n    x = 1\n    global x\n", "3:5: name 'x' is assigned to before global declaration"},
	{"en", "x = 1\nglobal x\n", "2:1: name 'x' is assigned to before global declaration"},
	{"en", "def f():\n    for x in y:\n        pass\n    global x\n", "name 'x' is assigned to before global declaration"},
	{"en", "def f(x):\n    nonlocal x\n", "name 'x' is parameter and nonlocal"},
	{"en", "def g():\n    x = 1\n    def f():\n        global x\n        nonlocal x\n", "name 'x' is nonlocal and global"},
	{"en", "def g():\n    x = 1\n    def f():\n        print(x)\n        nonlocal x\n", "name 'x' is used prior to nonlocal declaration"},
	{"en", "def f():\n    global x\n    x: int = 1\n", "3:5: annotated name 'x' can't be global"},
	{"en", "def f():\n    x: int = 1\n    global x\n", "annotated name 'x' can't be global"},
	{"en", "def f(a, a):\n    pass\n", "1:10: duplicate argument 'a' in function definition"},
	{"en", "g = lambda a, *a: 1\n", "duplicate argument 'a' in function definition"},
	{"en", "def f():\n    from m import *\n", "2:5: import * only allowed at module level"},
	{"en", "f(x=1, x=2)\n", "1:8: keyword argument repeated: x"},
	{"en", "class C(x=1, x=2):\n    pass\n", "keyword argument repeated: x"},
	{"en", "def f():\n    return [(yield) for x in y]\n", "'yield' inside list comprehension"},
	{"en", "def f():\n    return ((yield) for x in y)\n", "'yield' inside generator expression"},
	{"fr", "déf f():\n    retour {(produire): 1 pour x dans y}\n", "'produire' dans une compréhension de dictionnaire"},
	{"en", "x = [x := 1 for x in z]\n", "assignment expression cannot rebind comprehension iteration variable 'x'"},
	{"en", "def f():\n    return [[x := 1 for a in y] for x in w]\n", "cannot rebind comprehension iteration variable 'x'"},
	{"en", "class C:\n    y = [y := 1 for x in z]\n", "assignment expression within a comprehension cannot be used in a class body"},
	{"en", "y = [x for x in (y := z)]\n", "assignment expression cannot be used in a comprehension iterable expression"},
	{"en", "async def f():\n    yield 1\n    return 2\n", "3:5: 'return' with value in async generator"},
	{"en", "async def f():\n    yield from x\n", "'yield from' inside async function"},
	{"en", "try:\n    pass\nexcept* E:\n    break\n", "4:5: 'break', 'continue' and 'return' cannot appear in an except* block"},
	{"en", "for i in x:\n    try:\n        pass\n    except* E:\n        continue\n", "5:9: 'break', 'continue' and 'return' cannot appear in an except* block"},
	{"en", "def f():\n    try:\n        pass\n    except* E:\n        return\n", "'break', 'continue' and 'return' cannot appear in an except* block"},
	{"en", "for x in y:\n    pass\nelse:\n    break\n", "4:5: 'break' outside loop"},
	{"en", "while x:\n    def f():\n        break\n", "3:9: 'break' outside loop"},
	{"en", "x = 1\nfrom __future__ import annotations\n", "2:1: from __future__ imports must occur at the beginning of the file"},
	{"en", "from __future__ import nope\n", "future feature nope is not defined"},
	{"en", "__debug__ = 1\n", "1:1: cannot assign to __debug__"},
	{"en", "def f(__debug__):\n    pass\n", "cannot assign to __debug__"},
	{"en", "del __debug__\n", "cannot delete __debug__"},
	{"en", "match a:\n    case [x, x]:\n        pass\n", "multiple assignments to name 'x' in pattern"},
	{"en", "match a:\n    case {1: x, **x}:\n        pass\n", "multiple assignments to name 'x' in pattern"},
	{"en", "match a:\n    case [x] | [y]:\n        pass\n", "alternative patterns bind different names"},
	{"en", "match a:\n    case x:\n        pass\n    case 1:\n        pass\n", "2:10: name capture 'x' makes remaining patterns unreachable"},
	{"en", "match a:\n    case _:\n        pass\n    case 1:\n        pass\n", "wildcard makes remaining patterns unreachable"},
	{"en", "match a:\n    case x | 1:\n        pass\n", "name capture 'x' makes remaining patterns unreachable"},
	{"en", "match a:\n    case {'a': 1, 'a': 2}:\n        pass\n", "mapping pattern checks duplicate key ('a')"},
	{"en", "match a:\n    case {1: p, True: q}:\n        pass\n", "mapping pattern checks duplicate key (True)"},
	{"en", "match a:\n    case C(x=1, x=2):\n        pass\n", "attribute name repeated in class pattern: x"},
	{"en", "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", "3:1: default 'except:' must be last"},
}

func TestResolveErrors(t *testing.T) {
	for _, tt := range resolveErrors {
		_, got := checkSrc(t, tt.lang, tt.src)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// resolveValid are valid programs close to the errors above.
var resolveValid = []string{
	"async def f():\n    return [await x for y in z]\n",
	"def f():\n    return (await x for y in z)\n",
	"def f():\n    return (x async for x in y)\n",
	"def f():\n    x = 1\n    class C:\n        nonlocal x\n",
	"def f():\n    import x\n    global x\n",
	"def f():\n    [x for x in y]\n    global x\n",
	"def f():\n    g(x=1)\n    global x\n",
	"global x\nx: int = 1\n",
	"def f():\n    global x\n    del x\n",
	"def f():\n    x = 1\n    return [x := 2 for y in z]\n",
	"def f():\n    return [x for x in (yield)]\n",
	"g = lambda: (yield)\n",
	"try:\n    pass\nexcept* E:\n    for i in x:\n        break\n",
	"def f():\n    try:\n        pass\n    except* E:\n        def g():\n            return 1\n",
	"'doc'\nfrom __future__ import annotations\nfrom __future__ import division\nx = 1\n",
	"match a:\n    case x if x:\n        pass\n    case 1:\n        pass\n",
	"match a:\n    case [x, *rest] | (x, *rest):\n        pass\n    case _:\n        pass\n",
	"match a:\n    case {'a': 1, 'b': 2, **rest}:\n        pass\n",
	"class C:\n    def f(self):\n        nonlocal __class__\n",
	"def f():\n    global x, x\n",
	"while x:\n    pass\nelse:\n    pass\n",
	"for x in y:\n    try:\n        pass\n    finally:\n        break\n",
	"f(**a, **b)\n",
	"undefined_function(1, 2, 3)\n",
	"try:\n    pass\nexcept E:\n    pass\nexcept:\n    pass\n",
}

// Valid programs: no error, for forms close to the errors above.
func TestResolveNoErrors(t *testing.T) {
	for _, src := range resolveValid {
		if _, got := checkSrc(t, "en", src); got != "no errors" {
			t.Errorf("%q: %s", src, got)
		}
	}
}

// const: a name declared const is bound by its declaration only, in the
// scope it lands in.
func TestConst(t *testing.T) {
	tests := []struct{ lang, src, want string }{
		{"en", "const N = 1\nN = 2\n", "2:1: cannot assign to constant 'N' (declared const on line 1)"},
		{"en", "const N = 1\nN += 1\n", "2:1: cannot assign to constant 'N'"},
		{"en", "const N = 1\nfor N in range(3):\n    pass\n", "2:5: cannot assign to constant 'N'"},
		{"en", "const N = 1\ndel N\n", "2:5: cannot delete constant 'N' (declared const on line 1)"},
		{"en", "const N = 1\ndef N():\n    pass\n", "2:5: cannot assign to constant 'N'"},
		{"en", "const N = 1\nclass N:\n    pass\n", "2:7: cannot assign to constant 'N'"},
		{"en", "const N = 1\nimport os as N\n", "cannot assign to constant 'N'"},
		{"en", "const N = 1\nfrom os import N\n", "cannot assign to constant 'N'"},
		{"en", "const N = 1\nwith x as N:\n    pass\n", "cannot assign to constant 'N'"},
		{"en", "const N = 1\ntry:\n    pass\nexcept E as N:\n    pass\n", "cannot assign to constant 'N'"},
		{"en", "const N = 1\nmatch x:\n    case [N]:\n        pass\n", "cannot assign to constant 'N'"},
		{"en", "const N = 1\nprint(N := 2)\n", "cannot assign to constant 'N'"},
		{"en", "const N = 1\nx = [N := i for i in y]\n", "cannot assign to constant 'N'"},
		{"en", "const N = 1\nN: int = 2\n", "cannot assign to constant 'N'"},
		{"en", "const N = 1\nconst N = 2\n", "2:7: cannot assign to constant 'N' (declared const on line 1)"},
		{"en", "x = 1\nconst x = 2\n", "1:1: cannot assign to constant 'x' (declared const on line 2)"},
		{"en", "const N = 1\ndef f():\n    global N\n    N = 2\n", "4:5: cannot assign to constant 'N' (declared const on line 1)"},
		{"en", "def f():\n    const k = 1\n    def g():\n        nonlocal k\n        k = 2\n", "5:9: cannot assign to constant 'k' (declared const on line 2)"},
		{"en", "def f(k):\n    const k = 1\n", "1:7: cannot assign to constant 'k'"},
		{"en", "class C:\n    const K = 1\n    K = 2\n", "cannot assign to constant 'K'"},
		{"fr", "const N = 1\nN = 2\n", "impossible d'affecter à la constante 'N' (déclarée constante à la ligne 1)"},
		{"fr", "const N = 1\nsupprimer N\n", "impossible de supprimer la constante 'N'"},
	}
	for _, tt := range tests {
		_, got := checkSrc(t, tt.lang, tt.src)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
	ok := []string{
		"const N = 1\ndef f():\n    N = 2\n    return N\n", // a local of another scope
		"for i in range(3):\n    const K = i\n",            // the declaration itself, run again
		"const N = 1\nclass C:\n    N = 2\n",               // a class attribute
		"let x = 1\nx = 2\nlet x = 3\n",                    // let is a plain binding
		"const N = 1\ndef f():\n    global N\n    return N\n",
		"const N = [1]\nN.append(2)\nN[0] = 3\n", // the value is not frozen, the name is
	}
	for _, src := range ok {
		info, got := checkSrc(t, "en", src)
		if got != "no errors" {
			t.Errorf("%q: %s", src, got)
			continue
		}
		_ = info
	}
	info, _ := checkSrc(t, "en", "const N = 1\n")
	if n := info.Module.Symbols["N"]; n == nil || !n.Const || n.ConstPos.Start.Line != 1 {
		t.Errorf("N: %+v", n)
	}
}

// A localized method name is translated only when the program defines no
// attribute of that name and the object is not an imported module.
func TestMethodAliases(t *testing.T) {
	localizedMethods["fr"] = map[string]string{"ajouter": "append", "retirer": "pop"}
	defer delete(localizedMethods, "fr")
	tests := []struct {
		src  string
		want string // the translations, "name->canon" sorted, for every call
	}{
		{"xs = []\nxs.ajouter(1)\nxs.append(2)\nxs.trier()\n", "ajouter->append append->append"},
		{"classe L:\n    déf ajouter(soi, x):\n        passer\nxs = []\nxs.ajouter(1)\nxs.retirer()\n", "retirer->pop"},
		{"o.ajouter = 5\nxs.ajouter(1)\n", ""},
		{"supprimer o.ajouter\nxs.ajouter(1)\n", ""},
		{"f(ajouter=1)\nxs.ajouter(1)\n", ""},
		{"classe L:\n    ajouter = 1\nxs.ajouter(1)\n", ""},
		{"importer m\nm.ajouter(1)\nxs = []\nxs.ajouter(1)\n", "ajouter->append"},
		{"classe L:\n    déf append(soi, x):\n        passer\nxs.append(1)\n", "append->append"},
	}
	for _, tt := range tests {
		info, errs := checkSrc(t, "fr", tt.src)
		if errs != "no errors" {
			t.Errorf("%q: %s", tt.src, errs)
			continue
		}
		var got []string
		for id, canon := range info.Methods {
			got = append(got, id.Name+"->"+canon)
		}
		sort.Strings(got)
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("%q: methods %q, want %q", tt.src, s, tt.want)
		}
	}
	// a compiled function calls a localized list method
	src := "déf f(n: entier) -> entier:\n    a = [n]\n    a.ajouter(2)\n    retour a.retirer()\n"
	info, errs := checkSrc(t, "fr", src)
	if errs != "no errors" {
		t.Fatal(errs)
	}
	if f := info.FuncByName["f"]; !f.Compilable {
		t.Errorf("f: %s", f.Reason)
	}
}

// The reasons a top-level function is not compilable, for the constructs
// outside the subset and the new name rules.
func TestReasons(t *testing.T) {
	tests := []struct{ src, reason string }{
		{"def f(x: int) -> int:\n    d = {1: x}\n    return x\n", "line 2: uses a dict display"},
		{"def f(x: int) -> int:\n    s = {x}\n    return x\n", "line 2: uses a set display"},
		{"def f(x: int) -> int:\n    t = (x, 1)\n    return x\n", "line 2: uses a tuple"},
		{"def f(x: list[int]) -> int:\n    a, b = x\n    return a\n", "line 2: unpacks a value into several targets"},
		{"def f(x: int) -> int:\n    a, *b = x, 1\n    return x\n", "line 2: unpacks a value into several targets"},
		{"def f(x: int) -> int:\n    a = b = x\n    return a\n", "line 2: uses a chained assignment"},
		{"def f(x: int) -> int:\n    g = lambda: x\n    return x\n", "line 2: uses a lambda"},
		{"def f(x: int) -> int:\n    return [i for i in range(x)][0]\n", "line 2: uses a list comprehension"},
		{"def f(x: int) -> int:\n    return len(list(i for i in range(x)))\n", "line 2: uses a generator expression"},
		{"def f(x: int) -> float:\n    return x if x else 1.5\n", "line 2: a conditional expression choosing between a int and a float runs only in Python"},
		{"def f(x: int) -> int:\n    return x if x else True\n", "line 2: a conditional expression choosing between a int and a bool runs only in Python"},
		{"def f(x: str) -> int:\n    return len(x if x else [1])\n", "line 2: a conditional expression choosing between a str and a list[int] runs only in Python"},
		{"def f(x: list[int]) -> list[int]:\n    return x if x else [1]\n", "line 2: a conditional expression choosing between a list[int] and a list[int] runs only in Python"},
		{"def f(x: int) -> int:\n    return 1 if x is None else 2\n", "line 2: 'is' runs only in Python"},
		{"def f(x: int) -> int:\n    return (y := x)\n", "line 2: uses an assignment expression"},
		{"def f(x: int) -> int:\n    yield x\n", "line 2: uses yield"},
		{"async def f(x: int) -> int:\n    return await x\n", "line 1: an async function runs only in Python"},
		{"def f(x: int) -> str:\n    return f'{x:>4}'\n", "line 2: uses an f-string field with a conversion, a format spec or ="},
		{"def f(x: float) -> str:\n    return f'{x}'\n", "line 2: formatting a float in an f-string runs only in Python"},
		{"def f(x: int) -> int:\n    b = b'x'\n    return x\n", "line 2: uses a bytes literal"},
		{"def f(x: int) -> int:\n    c = 2j\n    return x\n", "line 2: uses an imaginary literal"},
		{"def f(x: int) -> int:\n    e = ...\n    return x\n", "line 2: uses the ellipsis"},
		{"def f(x: list[int]) -> list[int]:\n    x[1:] = x\n    return x\n", "line 2: assigning to a slice runs only in Python"},
		{"def f(x: int) -> int:\n    print(x, end='')\n    return x\n", "line 2: passes keyword arguments"},
		{"def f(x: list[int]) -> int:\n    return max(*x)\n", "line 2: uses a starred expression"},
		{"def f(x: int) -> int:\n    class C:\n        pass\n    return x\n", "line 2: defines a class 'C'"},
		{"def f(x: int) -> int:\n    def g() -> int:\n        return 1\n    return x\n", "line 2: defines a nested function 'g'"},
		{"def f(x: int) -> int:\n    try:\n        pass\n    except ValueError:\n        pass\n    return x\n", "line 2: uses a try statement"},
		{"def f(x: int) -> int:\n    with open('f') as fh:\n        pass\n    return x\n", "line 2: uses a with statement"},
		{"def f(x: int) -> int:\n    import math\n    return x\n", "line 2: uses an import"},
		{"def f(x: int) -> int:\n    global g\n    return x\n", "line 2: uses a global statement"},
		{"def f(x: int) -> int:\n    match x:\n        case 1:\n            pass\n    return x\n", "line 2: uses a match statement"},
		{"def f(x: int) -> int:\n    y = 1\n    del y\n    return x\n", "line 3: uses a del statement"},
		{"def f(x: int) -> int:\n    y: int = x\n    return y\n", "line 2: uses an annotated assignment"},
		{"def f(x: int) -> int:\n    while x:\n        x -= 1\n    else:\n        pass\n    return x\n", "line 2: uses a while loop with an else branch"},
		{"def f(x: int) -> int:\n    for i in range(x):\n        pass\n    else:\n        pass\n    return x\n", "line 2: uses a for loop with an else branch"},
		{"def f(x: list[list[int]]) -> int:\n    for a, b in x:\n        pass\n    return 0\n", "line 2: uses a for loop whose target is not a single name"},
		{"def f(x: int) -> int:\n    x.y = 1\n    return x\n", "line 2: assigns to an attribute"},
		{"def f(x: int) -> int:\n    return x @ x\n", "line 2: uses the operator @"},
		{"def f(x: int) -> int:\n    return x is None\n", "line 2: 'is' runs only in Python"},
		{"@deco\ndef f(x: int) -> int:\n    return x\n", "line 1: the function is decorated"},
		{"def f(x: int = 1) -> int:\n    return x\n", "line 1: parameter 'x' has a default value"},
		{"def f(*xs: int) -> int:\n    return 0\n", "line 1: parameter '*xs' collects extra positional arguments"},
		{"def f(**kw: int) -> int:\n    return 0\n", "parameter '**kw' collects keyword arguments"},
		{"def f(*, x: int) -> int:\n    return x\n", "parameter 'x' is keyword-only"},
		{"def f(x: int, /) -> int:\n    return x\n", "parameter 'x' is positional-only"},
		{"def f(x: int | None) -> int:\n    return 1\n", "line 1: annotation 'int | None' is not a type the compiler knows"},
		{"def f(x: 'Node') -> int:\n    return 1\n", "annotation ''Node'' is not a type the compiler knows"},
		{"def f(x: dict[str, int]) -> int:\n    return 1\n", "annotation 'dict[str, int]' is not a type the compiler knows"},
		{"def f(x: list[Node]) -> int:\n    return 1\n", "annotation 'Node' is not a type the compiler knows"},
		{"def f(x: int) -> Optional[int]:\n    return 1\n", "annotation 'Optional[int]' is not a type the compiler knows"},
		{"import g\ndef f(x: int) -> int:\n    return g(x)\n", "line 3: calls 'g', which is not a top-level function bound by its def alone (bound by an import on line 1)"},
		{"class g:\n    pass\ndef f(x: int) -> int:\n    return g(x)\n", "(bound by a class statement on line 1)"},
		{"def g(x: int) -> int:\n    return x\ng = 3\ndef f(x: int) -> int:\n    return g(x)\n", "calls 'g', which is not a top-level function bound by its def alone"},
		{"def g(x: int) -> int:\n    return x\ndel g\ndef f(x: int) -> int:\n    return g(x)\n", "(bound by a del statement on line 3)"},
		{"def g(x: int) -> int:\n    return x\ndef h() -> None:\n    global g\n    g = 1\ndef f(x: int) -> int:\n    return g(x)\n", "calls 'g', which is not a top-level function"},
		{"import n\ndef f(x: int) -> int:\n    return x + n\n", "line 3: reads the global variable 'n' (bound by an import on line 1)"},
		{"class n:\n    pass\ndef f(x: int) -> int:\n    return x + n\n", "reads the global variable 'n' (bound by a class statement on line 1)"},
		{"n = 3\nn = 4\ndef f(x: int) -> int:\n    return x + n\n", "line 4: reads the global variable 'n', bound more than once, which runs only in Python"},
		{"from m import *\ndef f(x: int) -> int:\n    return abs(x)\n", "line 3: the star import of line 1 may rebind 'abs'"},
		{"from m import *\ndef g(x: int) -> int:\n    return x\ndef f(x: int) -> int:\n    return g(x)\n", "the star import of line 1 may rebind 'g'"},
		{"from m import *\ndef f(x: int) -> int:\n    for i in range(x):\n        pass\n    return x\n", "the star import of line 1 may rebind 'range'"},
		{"from m import *\ndef f(x: int) -> int:\n    return y\n", "'y' is not defined, unless the star import of line 1 defines it"},
		{"def f(x: int) -> int:\n    return y\n", "line 2: 'y' is not defined (a NameError in Python)"},
		{"def f(x: int) -> int:\n    return undefined_function(x)\n", "line 2: 'undefined_function' is not defined"},
		{"def f(x: int) -> int:\n    return f(x, 1)\n", "line 2: f() takes 1 positional arguments but 2 were given (a TypeError in Python)"},
		{"def g(*a: int) -> int:\n    return 0\ndef f(x: int) -> int:\n    return g(x, 1)\n", "line 4: calls 'g', which runs only in Python"},
		{"def g(a: int, b: int = 1) -> int:\n    return 0\ndef f(x: int) -> int:\n    return g(x)\n", "line 4: calls 'g', which runs only in Python"},
	}
	for _, tt := range tests {
		info, errs := checkSrc(t, "en", tt.src)
		if errs != "no errors" {
			t.Errorf("%q: %s", tt.src, errs)
			continue
		}
		fn := info.FuncByName["f"]
		if fn == nil {
			t.Errorf("%q: no f", tt.src)
			continue
		}
		if fn.Compilable || fn.Internal || !strings.Contains(fn.Reason, tt.reason) {
			t.Errorf("%q: compilable=%v internal=%v reason %q, want %q", tt.src, fn.Compilable, fn.Internal, fn.Reason, tt.reason)
		}
	}
	// still compilable: a let in a function, a const of the function,
	// calls to a function defined once, a raise (its operand untyped)
	for _, src := range []string{
		"def f(x: int) -> int:\n    if x < 0:\n        raise ValueError(undefined_name + [x])\n    return x\n",
		"def f(x: int) -> int:\n    let y = x\n    const z = y + 1\n    return z\n",
		"def g(x: int) -> int:\n    return x\ndef f(x: int) -> int:\n    return g(x) + abs(x)\nclass C:\n    g = 1\n",
	} {
		info, errs := checkSrc(t, "en", src)
		if errs != "no errors" {
			t.Errorf("%q: %s", src, errs)
			continue
		}
		if fn := info.FuncByName["f"]; fn == nil || !fn.Compilable {
			t.Errorf("%q: %+v", src, fn)
		}
	}
}

// Only top-level defs are in Info.Funcs; methods and nested functions are
// not, and their parameters' alignment with Params is kept.
func TestFuncs(t *testing.T) {
	src := "class C:\n    def m(self) -> int:\n        return 1\ndef f(a: int, *rest: int, k: int = 1, **kw: int) -> int:\n    def g() -> int:\n        return 1\n    return a\nif True:\n    def h() -> int:\n        return 1\n"
	info, errs := checkSrc(t, "en", src)
	if errs != "no errors" {
		t.Fatal(errs)
	}
	var names []string
	for _, fn := range info.Funcs {
		names = append(names, fn.Name)
	}
	if strings.Join(names, " ") != "f" {
		t.Errorf("Funcs = %v", names)
	}
	f := info.FuncByName["f"]
	var params []string
	for i, n := range f.ParamNames {
		params = append(params, n+":"+f.Params[i].String())
	}
	if got := strings.Join(params, " "); got != "a:int rest:int k:int kw:int" {
		t.Errorf("params %s", got)
	}
	if f.Compilable {
		t.Error("f compilable")
	}
}

func langGet(code string) (*lang.Language, bool) { return lang.Get(code) }

// mustParse parses src as English.
func mustParse(t *testing.T, src string) *ast.File {
	t.Helper()
	l, _ := lang.Get("en")
	f, errs := parser.ParseFile("t.ml", src, l)
	if len(errs) > 0 {
		t.Fatalf("parse %q: %v", src, errs)
	}
	return f
}
