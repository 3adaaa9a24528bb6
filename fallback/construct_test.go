package fallback

import (
	"strings"
	"testing"
)

// TestConstructText checks the Python text written for each construct:
// the English source (read by CPython's parser into our tree) and lines
// the module must hold, at the indentation they have there.
// constructTests are English sources and lines their module must hold,
// at the indentation they have there.
var constructTests = []struct {
	name, src string
	want      []string
}{
	{"class", "@d\nclass A(B, metaclass=M, **kw):\n    'doc'\n    x: int = 1\n    def f(self): pass\n",
		[]string{"@d\nclass A(B, metaclass=M, **kw):\n    \"doc\"\n    x: int = 1\n\n    def f(self):\n        pass\n"}},
	{"class without bases", "class A: pass\n", []string{"class A:\n    pass\n"}},
	{"params", "def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass\n",
		[]string{"def f(a, b=1, /, c=2, *args, d, e=3, **kw):"}},
	{"bare star", "def f(a, *, b): pass\n", []string{"def f(a, *, b):"}},
	{"positional only alone", "def f(a, /): pass\n", []string{"def f(a, /):"}},
	{"annotated defaults", "def f(a: int = 1, *r: str) -> list[int]: pass\n",
		[]string{"def f(a: int = 1, *r: str) -> list[int]:"}},
	{"async def", "async def f():\n    await g()\n    async for x in y: pass\n    async with z as w: pass\n",
		[]string{"async def f():\n    await g()\n    async for x in y:\n        pass\n    async with z as w:\n        pass\n"}},
	{"decorators", "@a.b(1)\n@c\ndef f(): pass\n", []string{"@a.b(1)\n@c\ndef f():"}},
	{"lambda", "f = lambda x, *a, k=1, **kw: x\ng = lambda: 0\n",
		[]string{"f = lambda x, *a, k=1, **kw: x\n", "g = lambda: 0\n"}},
	{"nested lambda", "f = lambda: lambda: 1\n", []string{"f = lambda: lambda: 1\n"}},
	{"ternary", "x = a if b else c if d else e\ny = (a if b else c) if d else e\n",
		[]string{"x = a if b else c if d else e\n", "y = (a if b else c) if d else e\n"}},
	{"walrus", "if (n := 10) > 5: pass\n", []string{"if (n := 10) > 5:"}},
	{"comprehensions", "a = [x for x in y if x if z for w in x]\nb = {k: v for k, v in d}\nc = {x for x in y}\ne = sum(x for x in y)\nf = g((x for x in y), 1)\n",
		[]string{"a = [x for x in y if x if z for w in x]\n", "b = {k: v for k, v in d}\n",
			"c = {x for x in y}\n", "e = sum(x for x in y)\n", "f = g((x for x in y), 1)\n"}},
	{"comprehension iter", "a = [x for x in (b if c else d)]\n", []string{"a = [x for x in (b if c else d)]\n"}},
	{"try", "try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass\n",
		[]string{"try:\n        pass\n    except (A, B) as e:\n        pass\n    except C:\n        pass\n    except:\n        raise\n    else:\n        pass\n    finally:\n        pass\n"}},
	{"try star", "try:\n    pass\nexcept* E as g:\n    pass\n", []string{"except* E as g:"}},
	{"raise from", "raise A from None\n", []string{"raise A from None\n"}},
	{"with", "with a as b, c:\n    pass\nwith d as (e, f):\n    pass\n",
		[]string{"with a as b, c:\n", "with d as (e, f):\n"}},
	{"imports", "import a.b as c, d\nimport os.path\nfrom . import x\nfrom ..m.n import y as z, w\nfrom q import *\n",
		[]string{"import a.b as c, d\n", "import os.path\n", "from . import x\n", "from ..m.n import y as z, w\n", "from q import *\n"}},
	{"global nonlocal", "def f():\n    x = 1\n    def g():\n        nonlocal x\n        global y\n        x = y = 2\n",
		[]string{"    def g():\n        global y\n        nonlocal x\n        x = y = 2\n"}},
	{"del", "del a, b[0], c.d\n", []string{"del a, b[0], c.d\n"}},
	{"targets", "a, *b = c\n(d, e), f = g\n[h, i] = j\nk.l = m[n] = o\np[1:2] = q\nr, = s\n",
		[]string{"a, *b = c\n", "(d, e), f = g\n", "[h, i] = j\n", "k.l = m[n] = o\n", "p[1:2] = q\n", "(r,) = s\n"}},
	{"annotated", "x: int\n(y): int = 1\nz.w: str = 'a'\n", []string{"x: int\n", "(y): int = 1\n", "z.w: str = \"a\"\n"}},
	{"slices", "a = x[1:2, ::3]\nb = x[:]\nc = x[i,]\nd = x[()]\ne = x[::]\n",
		[]string{"a = x[1:2, ::3]\n", "b = x[:]\n", "c = x[i,]\n", "d = x[()]\n", "e = x[:]\n"}},
	{"displays", "a = (1,)\nb = ()\nc = {1: 2, **d}\ne = {1, *f}\ng = [*h, i]\nj = 1, 2\n",
		[]string{"a = (1,)\n", "b = ()\n", "c = {1: 2, **d}\n", "e = {1, *f}\n", "g = [*h, i]\n", "j = 1, 2\n"}},
	{"calls", "f(a, *b, c=1, **d)\nf(*(a or b))\n", []string{"f(a, *b, c=1, **d)\n", "f(*(a or b))\n"}},
	{"operators", "a = b @ c\nd = not e in f\ng = h is not i\nj = -k ** 2\n",
		[]string{"a = b @ c\n", "d = not e in f\n", "g = h is not i\n", "j = -(k ** 2)\n"}},
	{"literals", "a = b'x\\x00\"'\nc = 2j\nd = ...\ne = 1_000\n",
		[]string{"a = b\"x\\x00\\\"\"\n", "c = 2.0j\n", "d = ...\n", "e = 1000\n"}},
	{"yield", "def g():\n    yield\n    x = yield 1, 2\n    y = f((yield))\n    yield from h\n",
		[]string{"    yield\n    x = yield 1, 2\n    y = f((yield))\n    yield from h\n"}},
	{"loop else", "for a, b in c:\n    break\nelse:\n    pass\nwhile d:\n    continue\nelse:\n    pass\n",
		[]string{"for a, b in c:\n        break\n    else:\n        pass\n", "while d:\n        continue\n    else:\n        pass\n"}},
	{"fstrings", "a = f'{x!r:>{w}} {y=} {{z}}'\nb = f\"{'q'}\"\nc = f'{d[\"k\"]}'\n",
		[]string{"a = f\"{x!r:>{w}} y={y!r} {{z}}\"\n", "b = f\"{'q'}\"\n", "c = f\"{d['k']}\"\n"}},
	{"docstrings", "'''module doc'''\ndef f():\n    'fdoc'\n    global x\n    x = 1\n",
		[]string{"\"module doc\"\nfrom __future__ import annotations\n", "def f():\n    \"fdoc\"\n    global x\n    x = 1\n"}},
	{"future", "from __future__ import annotations, generator_stop\nx = 1\n",
		[]string{"from __future__ import annotations, generator_stop\n"}},
}

func TestConstructText(t *testing.T) {
	for _, tt := range constructTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, b := pyTree(t, tt.src)
			mod, err := Generate(f, resolve(f, b, nil))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(mod, w) {
					t.Errorf("want\n%s\nin\n%s", w, numbered(mod))
				}
			}
			compilePython(t, mod)
		})
	}
}
