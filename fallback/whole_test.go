package fallback

import (
	"os"

	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
	"path/filepath"
	"strings"
	"testing"
)

// wholePrograms are English Python programs over the whole surface, one
// group of constructs each. TestWholeLanguage rebuilds each as our tree
// (through CPython's parser, pyTree), generates its module and checks that
// running the module prints what CPython prints running the program.
var wholePrograms = map[string]string{
	"classes": `
class Animal:
    """An animal."""
    count = 0
    sound: str = "..."

    def __init__(self, name, *, legs=4):
        self.name = name
        self.legs = legs
        Animal.count += 1

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __repr__(self):
        return f"Animal({self.name!r})"

    @property
    def print(self):
        return "property named print"

    @staticmethod
    def kind():
        return "animal"

    @classmethod
    def make(cls, name):
        return cls(name)

class Dog(Animal):
    sound = "woof"

    def speak(self):
        return super().speak() + "!"

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        return super().__new__(mcls, name, bases, ns)

class Tagged(metaclass=Meta, tag="t1"):
    pass

def deco(cls):
    cls.decorated = True
    return cls

@deco
class Plain:
    pass

d = Dog.make("rex")
print(d.speak(), repr(d), d.legs, Animal.count, Dog.kind(), d.print)
print(Tagged.tag, Plain.decorated, Animal.__doc__, list(Animal.__annotations__))
print(isinstance(d, Animal), type(d).__name__, Dog.__mro__[1].__name__)
`,
	"functions": `
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))

print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7, y=8))
print(f(*[1, 2], **{"d": 9}))

def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc

c = counter()
c(); c(5)
print(c())

total = 10
def add(x):
    global total
    total += x
add(5)
print(total)

square = lambda x, *r, k=2, **o: x ** k
print(square(3), square(3, k=3), (lambda: 42)())

def decorate(tag):
    def wrap(fn):
        def inner(*a, **k):
            return tag + str(fn(*a, **k))
        return inner
    return wrap

@decorate("<")
@decorate(">")
def val(x):
    "doc of val"
    return x * 2

print(val(21), val.__name__)

def gen(n):
    for i in range(n):
        yield i * i
    return "done"

def gen2():
    r = yield from gen(3)
    yield r
    x = yield
    print("got", x)

print(list(gen(4)), list(gen2()))
g = gen2()
print(next(g), next(g), next(g), next(g), next(g))
try:
    g.send("hello")
except StopIteration:
    print("stopped")
`,
	"collections": `
import collections
from collections import Counter, defaultdict as dd, namedtuple
import math as m, os.path

xs = [3, 1, 2]
t = (1,)
e = ()
s = {1, 2, 3}
d = {"a": 1, **{"b": 2}, "c": 3}
print(xs, t, e, s, d, {}, [])
print(xs[0], xs[-1], xs[1:], xs[:2], xs[::-1], xs[0:3:2])
matrix = [[i * j for j in range(3)] for i in range(3)]
print(matrix, {k: v for k, v in d.items() if v > 1}, {x % 2 for x in xs})
print(sum(x for x in xs), list(x + y for x in xs for y in xs if x < y))
cnt = Counter("abracadabra")
print(cnt.most_common(2))
dfl = dd(list)
dfl["k"].append(1)
print(dict(dfl), m.floor(m.pi), os.path.basename("/a/b.txt"))
P = namedtuple("P", "x y")
p = P(1, 2)
print(p.x + p.y, p)
a, *b, c = range(6)
(x, y), z = (1, 2), 3
[u, v] = "uv"
print(a, b, c, x, y, z, u, v)
first = second = [0]
first.append(1)
print(second)
xs[1:2] = [7, 8, 9]
del xs[0], d["a"]
print(xs, d)
o = collections.OrderedDict()
o["z"] = 1
print(list(o))
print(xs[len(xs) - 1], s & {2, 3}, s | {9}, s ^ {1}, s - {1})
print(1 if xs else 2, not xs, xs and s, [] or "empty")
print(2 ** -1, -2 ** 2, (-2) ** 2, 7 // 2, -7 // 2, 7 % -3, 1 / 4, 3 @ Mat() if False else 0)
`,
	"control": `
for i in range(3):
    if i == 1:
        continue
    print(i)
else:
    print("for else")
n = 0
while n < 10:
    n += 3
    if n > 7:
        break
else:
    print("not reached")
print(n)
while False:
    pass
else:
    print("while else")
if (k := len("abc")) > 2:
    print("walrus", k)
x = 5
print(0 < x < 10, 0 < x > 10, x is not None, x not in [1, 2], x in {5})
assert x == 5, "x is five"
try:
    assert x == 6, f"x is {x}"
except AssertionError as e:
    print("assert:", e)
`,
	"exceptions": `
class MyError(ValueError):
    pass

def risky(n):
    if n == 0:
        raise MyError("zero")
    if n == 1:
        raise KeyError(n)
    return 10 // (n - 2)

for n in range(4):
    try:
        r = risky(n)
    except MyError as e:
        print("mine", e, isinstance(e, ValueError))
    except (KeyError, ZeroDivisionError) as e:
        print("builtin", type(e).__name__)
    else:
        print("ok", r)
    finally:
        print("finally", n)

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(e, type(e.__cause__).__name__)

try:
    raise
except RuntimeError as e:
    print("no active exception")

def reraise():
    try:
        {}["k"]
    except KeyError:
        raise

try:
    reraise()
except LookupError as e:
    print("re-raised", repr(e))

try:
    pass
finally:
    print("only finally")
`,
	"with": `
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return self.name == "swallow"

with Ctx("a") as a, Ctx("b") as b:
    print(a, b)
with Ctx("swallow"):
    raise KeyError("x")
with Ctx("pair") as (p, q, *r):
    print(p, q, r)
`,
	"async": `
import asyncio

async def produce(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

class Lock:
    async def __aenter__(self):
        print("locked")
    async def __aexit__(self, *a):
        print("unlocked")

async def main():
    total = 0
    async for v in produce(4):
        total += v
    async with Lock():
        squares = [x * x async for x in produce(3)]
    r = await asyncio.gather(asyncio.sleep(0, "a"), asyncio.sleep(0, "b"))
    return total, squares, r

print(asyncio.run(main()))
`,
	"match": `
from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int = 0

class Color:
    RED = "red"

def describe(v):
    match v:
        case 0 | 1:
            return "small"
        case -1:
            return "minus one"
        case 1.5 | 2+3j:
            return "float or complex"
        case "s" | b"b":
            return "text"
        case True:
            return "never: 1 matched"
        case None:
            return "none"
        case Color.RED:
            return "red"
        case [x, y, *rest] if x == y:
            return f"pair-prefix {x} {rest}"
        case (x, *_):
            return f"sequence from {x}"
        case {"k": k, "n": [n, _], **others}:
            return f"mapping {k} {n} {others}"
        case Point(x=0, y=yy) as p:
            return f"on axis {yy} {p}"
        case Point(xx, y=3):
            return f"point {xx}"
        case int(i) | float(i) if i > 100:
            return f"big {i}"
        case str() as s:
            return "string " + s
        case _:
            return "other"

for v in [0, 1, -1, 1.5, 2+3j, "s", b"b", None, "red", [2, 2, 3], (5,), {"k": 1, "n": [2, 3], "z": 0},
          Point(0, 7), Point(4, 3), 500, 5.0e2, "x", 7.5, []]:
    print(repr(v), "->", describe(v))
`,
	"strings": `
name = "wörld"
w = 7
pi = 3.14159
items = ["a", "b"]
print(f"hello {name}!", f"{pi:.2f}", f"{pi:{w}.{2}f}|", f"{name!r:>10}", f"{name!a}", f"{w!s}")
print(f"{{literal}} {w}", f"{'-'.join(items)}", f"{items[0]!r}", f"{ {'k': 1}['k'] }")
print(f"tab\t{w}\n", f'quote "{w}"', f"{'#'}", f"{w=}", f"{w = :>4}")
print(f"{f'{w}'}", f"{'nested ' + f'{name}'}", f"{'a' if w else 'b'}", f"{(lambda q: q)(1)}")
print(f"""{f'{f"{w}"}'}""", f'''{f"""{f'{f"{w!r:>3}"}'}"""}''')
b = b"bytes\x00\xff'\""
print(b, len(b), b[0], "é\u20ac\U0001F600", r"raw\n", "\x7f" == chr(127))
print(1j, 2.5j, 1e3j, 10 + 0j, complex(1, 2).imag, 0.1 + 0.2, 1e400, -0.0, 10**20)
print(..., Ellipsis is ..., "a" "b", 'single', """triple
line""")
`,
	"scopes": `
x = "global"
class K:
    x = "class"
    y = x + "!"
    z = [x for _ in range(1)]
    def m(self):
        return x
    lst = [i for i in range(3)]
print(K.y, K.z, K().m(), K.lst)
def outer():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v += 1
            return v
        return inner()
    return mid(), v
print(outer())
if True:
    def cond_def():
        return "conditional"
print(cond_def())
`,
}

func TestWholeLanguage(t *testing.T) {
	for name, src := range wholePrograms {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			samePython(t, strings.TrimPrefix(src, "\n"))
		})
	}
}

// TestWholeLanguageParsed runs the same programs read by this project's
// parser and checker (English) instead of CPython's parser. A program the
// checker does not accept yet is skipped; one it accepts must print what
// CPython prints.
func TestWholeLanguageParsed(t *testing.T) {
	l, _ := lang.Get("en")
	for name, src := range wholePrograms {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src = strings.TrimPrefix(src, "\n")
			f, errs := parser.ParseFile(name+".ml", src, l)
			if len(errs) > 0 {
				t.Fatalf("parse: %v", errs)
			}
			info, errs := check.Check(f, l)
			if len(errs) > 0 {
				t.Skipf("the checker does not accept the program yet: %v", errs)
			}
			mod, err := Generate(f, info)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := runMain(t, mod), runPython(t, "", src); got != want {
				t.Errorf("printed\n%s\nCPython printed\n%s\nmodule:\n%s", got, want, numbered(mod))
			}
		})
	}
}

func TestShowWhole(t *testing.T) {
	name := os.Getenv("SHOW")
	if name == "" {
		t.Skip()
	}
	f, b := pyTree(t, wholePrograms[name])
	mod, err := Generate(f, resolve(f, b, nil))
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + mod)
}

// TestShowFile prints the module generated for the file $SHOWFILE read in
// language $SHOWLANG: a tool for reading the generator's output.
func TestShowFile(t *testing.T) {
	path := os.Getenv("SHOWFILE")
	if path == "" {
		t.Skip("set SHOWFILE and SHOWLANG")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, info := parseCheck(t, filepath.Base(path), string(src), os.Getenv("SHOWLANG"))
	mod, err := Generate(f, info)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + mod)
}
