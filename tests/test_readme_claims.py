"""Every sentence of README's "What it is" that says something runs, or is
refused, checked here (the sentence is quoted above its test).

Other files test the same behaviour in depth; this one keeps README honest:
when a claim changes, its test here must change with it.
"""

import io
import contextlib

import pytest

import multilingualprogramming as mp
from support import needs_native

# Every claim needs a compiled program, and compiling needs the extension.
pytestmark = needs_native

FRENCH = """\
déf expensive_operation(n: entier) -> entier:
    result = 0
    pour i dans intervalle(n * n):
        result = result + (i * i) // (i + 1)
    retour result

expensive_operation(1000000)
"""


def run_output(prog):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        prog.run()
    return buf.getvalue()


def test_guide_example():
    # "prog.expensive_operation(1000)   # 499998500001, computed by WebAssembly"
    # "Compiling never runs the top-level statements" (here: 10^12 iterations).
    prog = mp.compile_source(FRENCH)
    assert prog.language == "fr"
    assert prog.expensive_operation(1000) == 499998500001
    assert prog.last_report["backend"] == "wasm"
    # "same value, generated Python" with the reason forced-python
    assert prog.call("expensive_operation", 1000, backend=mp.Backend.PYTHON) == 499998500001
    assert prog.last_report == {"function": "expensive_operation", "backend": "python",
                                "reason": "forced-python"}


def test_int_is_pythons_int():
    # "an overflowing call under AUTO still returns the exact big integer";
    # "Backend.WASM ... raises (OverflowError, TypeError)"
    prog = mp.compile_source("def sq(n: int) -> int:\n    return n * n\n")
    assert prog.sq(2 ** 40) == 2 ** 80
    assert prog.last_report["reason"] == "wasm-overflow-fallback"
    with pytest.raises(OverflowError):
        prog.call("sq", 2 ** 40, backend=mp.Backend.WASM)
    with pytest.raises(TypeError):
        prog.call("sq", "x", backend=mp.Backend.WASM)


def test_floor_division_and_zero():
    # "`//` and `%` floor as in Python; dividing by zero raises ZeroDivisionError on both backends"
    prog = mp.compile_source("def d(a: int, b: int) -> int:\n    return a // b + a % b\n")
    assert prog.d(-7, 2) == -7 // 2 + -7 % 2
    for backend in (mp.Backend.WASM, mp.Backend.PYTHON):
        with pytest.raises(ZeroDivisionError):
            prog.call("d", 1, 0, backend=backend)


def test_list_arguments_changed_as_python_would():
    # "A function that changes a list argument (append, pop, assignment) leaves the
    # caller's list changed exactly as Python would; a returned argument is the same object"
    prog = mp.compile_source("def f(xs: list[int]) -> list[int]:\n    xs.append(len(xs))\n    xs[0] = 9\n"
                             "    return xs\n")
    xs = [1, 2]
    assert prog.f(xs) is xs and xs == [9, 2, 2]
    assert prog.last_report["backend"] == "wasm"
    # "Under AUTO anything else (a tuple, ...) runs in Python; Backend.WASM raises TypeError"
    assert prog.f([True]) == [9, 1]  # a bool in a list[int]
    with pytest.raises(TypeError):
        prog.call("f", (1, 2), backend=mp.Backend.WASM)


def test_strings_compile_and_other_methods_run_in_python():
    # "`str` values compile too: literals, `+`, ... indexing ..., `len`, `ord`, `chr`"
    # "Slicing compiles for any text; the methods `lower()` and `upper()` compile for text below
    # U+0180 and characters without case (ß, ŉ, İ and other scripts with case re-run in Python),
    # `strip()`, `split()`, ... `sep.join(parts)` ...
    # `find(sub)`, `count(sub)` and `replace(old, new)` for any text (an empty `old` re-runs
    # in Python) ...; the other string methods and `str()` of a float run in Python"
    prog = mp.compile_source(
        "def first(s: str) -> str:\n    return s[0] + chr(ord(s[-1]))\n"
        "def middle(s: str) -> str:\n    return s[1:-1]\n"
        "def upper(s: str) -> str:\n    return s.upper()\n"
        "def glue(s: str) -> str:\n    return '+'.join(s.split(','))\n"
        "def words(s: str) -> list[str]:\n    return s.strip().split()\n"
        "def swap(s: str, a: str, b: str) -> str:\n    return s.replace(a, b)\n"
        "def num(s: str) -> int:\n    return int(s)\n"
        "def title(s: str) -> str:\n    return s.title()\n"
        "def show(x: float) -> str:\n    return str(x)\n")
    # "`int()` of a str for decimal ASCII text within 64 bits"
    assert prog.num(" -1_000 ") == -1000 and prog.last_report["backend"] == "wasm"
    assert prog.num("10" * 20) == int("10" * 20) and prog.last_report["backend"] == "python"
    for name in ("first", "middle", "upper", "glue", "num"):
        assert prog.functions[name].compilable, name
    assert prog.first("héllo") == "ho"
    assert prog.middle("abcd") == "bc" and prog.last_report["backend"] == "wasm"
    assert prog.middle("éabc€") == "abc" and prog.last_report["backend"] == "wasm"
    assert prog.upper("ab") == "AB" and prog.last_report["backend"] == "wasm"
    assert prog.upper("é") == "É" and prog.last_report["backend"] == "wasm"
    assert prog.upper("ß") == "SS" and prog.last_report["backend"] == "python"
    assert prog.glue("a,b,c") == "a+b+c" and prog.last_report["backend"] == "wasm"
    assert prog.glue("é,€") == "é+€" and prog.last_report["backend"] == "wasm"
    assert prog.words("\u3000日本 語\xa0") == ["日本", "語"] and prog.last_report["backend"] == "wasm"
    assert prog.swap("aéa", "é", "€") == "a€a" and prog.last_report["backend"] == "wasm"
    assert prog.swap("ab", "", "-") == "-a-b-" and prog.last_report["backend"] == "python"
    for name in ("title", "show"):
        assert not prog.functions[name].compilable, name
    assert (prog.title("ab"), prog.show(1.5)) == ("Ab", "1.5")
    # "`ord()` of a string whose length is not 1 raises TypeError on both backends"
    for backend in (mp.Backend.WASM, mp.Backend.PYTHON):
        with pytest.raises(TypeError):
            mp.compile_source("def o(s: str) -> int:\n    return ord(s)\n").call("o", "ab", backend=backend)


def test_source_errors():
    # "Source errors raise mp.MultilingualSyntaxError (a SyntaxError) with the file, line and
    # column (in characters) of every problem found, and the offending line."
    with pytest.raises(mp.MultilingualSyntaxError) as info:
        mp.compile_source("x = (1,\ny = é +\n", language="en", filename="bad.multi")
    err = info.value
    assert isinstance(err, SyntaxError)
    assert err.filename == "bad.multi" and err.lineno >= 1 and err.text
    assert len(err.errors) >= 1


def test_whole_surface_runs():
    # "The language is Python 3.12's whole surface ... classes, decorators, dicts, sets, tuples,
    # slices, f-strings, comprehensions, generators, lambdas, try/except/finally, with,
    # match/case, async/await, imports of Python modules, global/nonlocal, keyword and starred
    # arguments" (each of these runs in tests/language in all 17 languages; here in French).
    src = """\
importer math
classe Boîte:
    déf __init__(soi, *éléments, étiquette="b"):
        soi.éléments = {e: e ** 2 pour e dans éléments}
    déf __enter__(soi):
        retour soi
    déf __exit__(soi, *a):
        retour Faux
avec Boîte(1, 2, 3) comme b:
    carrés = sorted(b.éléments.values())[1:]
essayer:
    selon carrés:
        cas [x, *reste]:
            afficher(f"{x=} {reste} {math.isqrt(x)}", (lambda y: y + 1)(x), {1, 2} & {2})
finalement:
    afficher("fin")
"""
    out = run_output(mp.compile_source(src, language="fr"))
    assert out == "x=4 [9] 2 5 {2}\nfin\n"


def test_loading_binds_running_acts():
    # "compile_file/compile_source run the program's definitions ... and no other top-level
    # statement, so prog.f(...) sees the module's constants"
    prog = mp.compile_source("LIMIT = 3\ndef f(x):\n    return x * LIMIT\nprint('acting')\n", language="en")
    assert prog.f(2) == 6
    assert run_output(prog) == "acting\n"


def test_const_and_let():
    # "`let x = 1` is a plain binding; `const LIMIT = 3` may never be bound again."
    assert run_output(mp.compile_source("let x = 1\nx = x + 1\nprint(x)\n", language="en")) == "2\n"
    with pytest.raises(mp.MultilingualSyntaxError, match="LIMIT"):
        mp.compile_source("const LIMIT = 3\nLIMIT = 4\n", language="en")


def test_undefined_name_is_a_runtime_error():
    # "an undefined name is a NameError at run time, as in Python"
    prog = mp.compile_source("def f():\n    return nowhere\n", language="en")
    with pytest.raises(NameError):
        prog.f()


def test_a_keyword_meant_is_named():
    # "A statement that starts with a name where a keyword was meant (English `return x` or the
    # Portuguese `retornar x` in a Spanish program, `retrun x`, `retourner x`) is reported at
    # that word with the keyword of the program's language"; "a builtin followed by its
    # argument (`afficher x`) is reported as a call missing its parentheses."
    cases = [("es", "def f(x):\n    retornar x\n", 2, "'devolver'"),
             ("fr", "déf f(x):\n    return x\n", 2, "'retour'"),
             ("en", "def f(x):\n    retrun x\n", 2, "'return'"),
             ("fr", "déf f(x):\n    retourner x\n", 2, "'retour'"),
             ("fr", "afficher 3\n", 1, "afficher(...)")]
    for language, src, line, named in cases:
        with pytest.raises(mp.MultilingualSyntaxError) as info:
            mp.compile_source(src, language=language)
        err = info.value.errors[0]
        assert (err.line, named in err.msg) == (line, True), err.msg
    assert "¿quiso decir 'devolver'?" in str(
        pytest.raises(mp.MultilingualSyntaxError, mp.compile_source,
                      "def f(x):\n    retornar x\n", language="es").value)


def test_tuple_assignments_and_enumerate_and_zip_compile():
    # "tuple assignments such as `a, b = b, a % b`, ... `for i, x in enumerate(xs)` and
    # `for x, y in zip(a, b)`, a list comprehension that is the whole value of an assignment or
    # a return ... also runs on WebAssembly."
    prog = mp.compile_source(
        "def g(a: int, b: int) -> int:\n    while b:\n        a, b = b, a % b\n    return a\n"
        "def e(xs: list[int]) -> int:\n    s = 0\n    for i, x in enumerate(xs):\n        s += i * x\n"
        "    return s\n"
        "def z(a: list[int], b: list[int]) -> int:\n    s = 0\n    for x, y in zip(a, b):\n"
        "        s += x * y\n    return s\n", language="en")
    comp = mp.compile_source("def c(n: int) -> list[int]:\n    return [i * i for i in range(n) if i % 2]\n",
                             language="en")
    assert comp.call("c", 6, backend=mp.Backend.WASM) == [1, 9, 25]
    for name, args, want in [("g", (1071, 462), 21), ("e", ([5, 6, 7],), 20), ("z", ([1, 2], [3, 4, 5]), 11)]:
        assert prog.call(name, *args, backend=mp.Backend.WASM) == want
        assert prog.last_report["backend"] == "wasm"


def test_reductions_of_generators_compile():
    # "`sum`, `any`, `all`, `min` and `max` of a generator or a comprehension ... as such a
    # value, after `name +=` or as an if's condition"
    prog = mp.compile_source(
        "def s(xs: list[int]) -> int:\n    n = 0\n    n += sum(x * x for x in xs)\n    return n\n"
        "def a(xs: list[int]) -> int:\n    if any(x < 0 for x in xs):\n        return -1\n"
        "    return max([x + 1 for x in xs])\n"
        "def f(xs: list[float]) -> float:\n    return sum(x for x in xs)\n", language="en")
    for name, args, want in [("s", ([1, 2, 3],), 14), ("a", ([1, -2],), -1), ("a", ([1, 5],), 6)]:
        assert prog.call(name, *args, backend=mp.Backend.WASM) == want
        assert prog.last_report["backend"] == "wasm"
    # "a sum of floats adds them as the running CPython's sum() does"
    assert prog.call("f", [1e16, 1.0, -1e16], backend=mp.Backend.WASM) == sum([1e16, 1.0, -1e16])


def test_slices_compile():
    # "slices `x[lo:hi:step]` of lists and strs (any text, by code points)"
    prog = mp.compile_source("def r(s: str) -> str:\n    return s[::-1]\n"
                             "def w(xs: list[int], a: int) -> list[int]:\n    return xs[a:-1]\n",
                             language="en")
    assert prog.call("r", "abc", backend=mp.Backend.WASM) == "cba"
    assert prog.call("w", [1, 2, 3, 4], -3, backend=mp.Backend.WASM) == [2, 3]
    assert prog.r("é€") == "€é" and prog.last_report["backend"] == "wasm"


def test_tuple_results_compile():
    # "a result annotated `tuple[...]` of ints, floats and bools returned as `return lo, hi`
    # (Python gets the tuple)"
    prog = mp.compile_source("def mm(xs: list[int]) -> tuple[int, int]:\n    return min(xs), max(xs)\n",
                             language="en")
    assert prog.call("mm", [3, 1, 2], backend=mp.Backend.WASM) == (1, 3)


def test_sorting_compiles():
    # "`sorted(xs)` and `xs.sort()` of lists of ints, floats and bools (a NaN re-runs in Python)"
    prog = mp.compile_source("def s(xs: list[float]) -> list[float]:\n    return sorted(xs)\n", language="en")
    assert prog.call("s", [2.0, -0.0, 0.0, -1.0], backend=mp.Backend.WASM) == [-1.0, -0.0, 0.0, 2.0]
    assert prog.s([1.0, float("nan")])[0] == 1.0 and prog.last_report["backend"] == "python"


def test_math_functions_compile():
    # "after `import math` the functions whose result WebAssembly gives exactly: `math.sqrt`,
    # ... and `math.pi`, ... also runs on WebAssembly."
    prog = mp.compile_source("import math\ndef d(x: float, y: float) -> float:\n"
                             "    return math.sqrt(x * x + y * y) + math.floor(math.pi)\n", language="en")
    assert prog.call("d", 3.0, 4.0, backend=mp.Backend.WASM) == 8.0
    prog = mp.compile_source("import math\ndef d(x: float) -> float:\n    return math.exp(x)\n",
                             language="en")
    assert not prog.functions["d"].compilable and "math.exp()" in prog.functions["d"].reason


def test_natural_word_order():
    # "Japanese `xs 内の 各 x に対して:` and `x > 0 もし:`"
    src = "xs = [1, -2, 3]\nxs 内の 各 x に対して:\n    x > 0 もし:\n        表示(x)\n"
    assert run_output(mp.compile_source(src, language="ja")) == "1\n3\n"


def test_nfkc_names():
    # "Identifiers are NFKC-normalized as Python does, so two spellings of café are one name."
    src = "cafe\u0301 = 1\nprint(caf\u00e9 + 1)\n"
    assert run_output(mp.compile_source(src, language="en")) == "2\n"
