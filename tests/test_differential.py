"""Differential tests: every compiled function against CPython running its twin.

The programs under tests/programs are written in seven languages. Each has an
English twin in tests/programs_py, written by hand in plain Python, that
CPython runs as the expectation: no part of our compiler (lexer, parser,
checker, either backend) takes part in it. For each function the compiler
compiled, hypothesis draws arguments from its signature (edge values first:
0, ±1, the 64-bit limits, -0.0, inf, nan) and the call runs four ways:

* Backend.PYTHON (the generated Python) must give exactly what the twin
  gives: the same value and type (floats compared bit for bit, nan equal
  to nan), or the same exception type, and leave list arguments changed
  the same way;
* Backend.AUTO must give exactly what Backend.PYTHON gives;
* Backend.WASM must give the same, or refuse for a reason that the twin's
  own run shows: OverflowError when some int value on the way leaves the
  64-bit range (an intermediate may overflow even when the result fits) or
  the twin raises OverflowError itself, or an "unsupported value" WasmTrap
  for an int / int of an operand beyond 2**53, an int ** a negative int,
  0.0 ** a negative number, a complex power, or a nan looked up in a list
  holding a nan. The twin's values are recorded by running it rewritten
  with CPython's ast module so that every value passes through the helpers
  of internal/difftest/pycheck.py (the Go harness's, see verdict_test.go).
  It never gives another value or another exception.

The module prints the mix of the calls (values compared, same exception,
justified refusals) at its end.
"""

import ast
import collections
import copy
import glob
import math
import os
import struct
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import multilingualprogramming as mp
from support import HAVE_NATIVE, ROOT
from multilingualprogramming import _native_loader

I64_MIN, I64_MAX = -(2 ** 63), 2 ** 63 - 1

EDGE_INTS = [0, 1, -1, 2, -2, 3, 7, -7, 10, 100, -100, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, 2 ** 53,
             2 ** 53 + 1, -(2 ** 53) - 1, 3037000499, 3037000500, I64_MAX, I64_MIN, I64_MAX - 1,
             I64_MIN + 1]
EDGE_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 1e308, -1e308, 5e-324,
               float("inf"), float("-inf"), float("nan"), 9.223372036854776e18,
               -9.223372036854776e18, 4503599627370496.5, 0.1, 1 / 3]

ints = st.one_of(st.sampled_from(EDGE_INTS), st.integers(I64_MIN, I64_MAX),
                 st.integers(-1000, 1000))
floats = st.one_of(st.sampled_from(EDGE_FLOATS), st.floats(allow_nan=True, allow_infinity=True),
                   st.floats(-1e6, 1e6))
bools = st.booleans()
# Strings: edge cases (empty, NUL, 2-, 3- and 4-byte UTF-8, lone surrogates,
# which Python strings may hold), a small alphabet that makes equal strings
# and substrings likely, and any code points at all, surrogates included.
EDGE_STRS = ["", "a", "\x00", "\x7f", "\x80", "é", "\u07ff", "\u0800", "\uffff", "\U00010000",
             "\U0010ffff", "\ud800", "\udfff", "a\ud800b", "😀", "héllo", "abcabc", "xyz"]
strs = st.one_of(st.sampled_from(EDGE_STRS), st.text(alphabet="abé😀\ud800", max_size=8),
                 st.text(st.characters(blacklist_categories=()), max_size=20))

# Functions whose loops run as many times as an argument says get small
# arguments (a test must not loop 2**63 times); everything else gets edges.
SMALL = st.integers(-50, 300)
BOUNDED = {
    "etapes_collatz": (st.integers(-5, 5000),),
    "racine_entiere": (st.integers(-5, I64_MAX),),
    "est_premier": (st.integers(-5, 10 ** 6),),
    "suma_pares": (SMALL,),
    "cuenta_atras": (st.integers(-300, 300), st.integers(-300, 300), st.integers(-7, 7)),
    "tabla": (SMALL,),
    "primer_divisor": (st.integers(-5, 10 ** 5),),
    "フィボ": (st.integers(-3, 22),),
    "階乗": (st.integers(-3, 30),),
    "累乗": (ints, st.integers(-3, 70)),
    "二乗和": (ints,),
    "सम_गिनती": (SMALL,),
    "puissance_mod": (ints, st.integers(-3, 10 ** 6), ints),
    "powtorz": (strs, st.integers(-3, 40)),
    "budowa": (st.integers(-2, 40), strs),
    "setaccio": (st.integers(-3, 400),),
    "z_kodu": (st.one_of(st.sampled_from(EDGE_INTS + [0x10FFFF, 0x110000, 0xD800, 0x7FF, 0x800]),
                         st.integers(-5, 0x10FFFF + 5)),),
}
LETTER = {"i": ints, "f": floats, "b": bools, "s": strs}

# `make fuzz` raises this for a longer run.
EXAMPLES = int(os.environ.get("MULTILINGUAL_DIFF_EXAMPLES", "150"))

# A trap with no Python equivalent, as the package or the extension names it.
TRAPS = tuple({mp.WasmTrap, getattr(_native_loader.native, "WasmTrap", mp.WasmTrap)})


# The English twins, and the recording helpers shared with the Go harness.
TWINS_DIR = os.path.join(ROOT, "tests", "programs_py")
PYCHECK = os.path.join(ROOT, "internal", "difftest", "pycheck.py")

# The events that justify each refusal (pycheck.py, and verdict_test.go's table).
OVERFLOW_EVENTS = {"wide"}
UNSUPPORTED_EVENTS = {"bigdiv", "negexp", "zeropow", "complex", "nanin"}

# The calls of this module by verdict (reported at its end).
MIX = collections.Counter()


def twin_path(program):
    """tests/programs/control.es.multi -> tests/programs_py/control.py"""
    return os.path.join(TWINS_DIR, os.path.basename(program).split(".")[0] + ".py")


class Recorder(ast.NodeTransformer):
    """Rewrites a twin function so that every value it computes passes through
    the helpers of pycheck.py, which record the events that justify a refusal:
    every expression e becomes _w(e), a / b _div(a, b), a ** b _pow(a, b), a
    single `in` _in, sum() _sum, and `v op= e` v = _w(v op e). The helpers
    return their operation's value, so the function computes what the twin
    computes."""

    SPECIAL = {ast.Div: "_div", ast.Pow: "_pow"}

    @staticmethod
    def call(name, *args):
        return ast.Call(func=ast.Name(id=name, ctx=ast.Load()), args=list(args), keywords=[])

    def visit(self, node):
        new = super().visit(node)
        if isinstance(node, ast.expr) and isinstance(getattr(node, "ctx", ast.Load()), ast.Load) \
                and not isinstance(node, (ast.Slice, ast.Starred)):
            return self.call("_w", new)
        return new

    def visit_FunctionDef(self, node):
        # the body only: annotations and defaults are no values of the call
        node.body = [self.visit(s) for s in node.body]
        return node

    def visit_AugAssign(self, node):
        if isinstance(node.target, ast.Name):
            value = ast.BinOp(left=ast.Name(id=node.target.id, ctx=ast.Load()), op=node.op, right=node.value)
            return ast.Assign(targets=[node.target], value=self.visit(value))
        return self.generic_visit(node)

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if type(node.op) in self.SPECIAL:
            return self.call(self.SPECIAL[type(node.op)], node.left, node.right)
        return node

    def visit_Compare(self, node):
        self.generic_visit(node)
        if len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn)):
            found = self.call("_in", node.left, node.comparators[0])
            return ast.UnaryOp(op=ast.Not(), operand=found) if isinstance(node.ops[0], ast.NotIn) else found
        return node

    def visit_Call(self, node):
        # the callee stays as written (len, s.append), its receiver is a value
        if isinstance(node.func, ast.Attribute):
            node.func.value = self.visit(node.func.value)
        elif isinstance(node.func, ast.Name) and node.func.id == "sum":
            node.func.id = "_sum"
        node.args = [self.visit(a) for a in node.args]
        return node


def load_twin(program):
    """The twin's functions, as written and recording, by NFKC name (as Python
    reads identifiers), and the recording module's namespace."""
    path = twin_path(program)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    plain = {}
    exec(compile(source, path, "exec"), plain)
    tree = ast.parse(source, path)
    tree.body = [Recorder().visit(s) if isinstance(s, ast.FunctionDef) else s for s in tree.body]
    checked = {}
    with open(PYCHECK, encoding="utf-8") as f:
        exec(compile(f.read(), PYCHECK, "exec"), checked)
    exec(compile(ast.fix_missing_locations(tree), path + " (recording)", "exec"), checked)
    return plain, checked


def nfkc(name):
    return unicodedata.normalize("NFKC", name)


def programs():
    return sorted(glob.glob(os.path.join(ROOT, "tests", "programs", "*.multi")))


def compiled_functions():
    if not HAVE_NATIVE:
        return []
    out = []
    for path in programs():
        prog = mp.compile_file(path)
        for info in prog.functions.values():
            if info.compilable:
                out.append(pytest.param(path, prog, info, id="%s:%s" % (os.path.basename(path), info.name)))
    return out


def same(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return struct.pack("<d", a) == struct.pack("<d", b)
    if isinstance(a, complex):
        return same(a.real, b.real) and same(a.imag, b.imag)
    return a == b


def outcome(prog, name, args, backend):
    args = copy.deepcopy(args)
    try:
        return "value", prog.call(name, *args, backend=backend), snapshot(args)
    except Exception as exc:  # the exception's type is the outcome
        return "raise", exc, snapshot(args)


@pytest.mark.skipif(not HAVE_NATIVE, reason="compiling needs the native extension")
def test_every_program_compiles_in_its_language():
    langs = {}
    for path in programs():
        prog = mp.compile_file(path)
        langs[prog.language] = path
        assert prog.language == os.path.basename(path).split(".")[1]
        assert all(f.compilable for f in prog.functions.values()), [
            (f.name, f.reason) for f in prog.functions.values() if not f.compilable]
    assert len(langs) >= 6


def parse_params(signature):
    """The parameter types of a signature ("LFi:F" -> ["LF", "i"])."""
    params, token = [], ""
    for c in signature.split(":")[0]:
        token += c
        if c != "L":
            params.append(token)
            token = ""
    return params


def strategy(token):
    """Arguments of the type a signature token names ("i", "F", "LI", ...)."""
    if token in LETTER:
        return LETTER[token]
    if token.startswith("L"):
        return st.lists(strategy(token[1:]), max_size=6)
    return st.lists(LETTER[token.lower()], max_size=12)


def snapshot(args):
    """The arguments' values after a call (lists may be changed in place)."""
    return repr(args)


def twin_outcome(fn, args):
    args = copy.deepcopy(args)
    try:
        return "value", fn(*args), snapshot(args)
    except Exception as exc:  # the exception's type is the outcome
        return "raise", exc, snapshot(args)


def agree(a, b):
    """Whether two outcomes (kind, value or exception, arguments after) agree."""
    if a[0] != b[0] or a[2] != b[2]:
        return False
    return same(a[1], b[1]) if a[0] == "value" else type(a[1]) is type(b[1])


@pytest.mark.skipif(not HAVE_NATIVE, reason="compiling needs the native extension")
def test_every_compiled_function_has_a_twin():
    for path in programs():
        plain, checked = load_twin(path)
        names = {nfkc(n) for n in mp.compile_file(path).functions}
        twins = {n for n, v in plain.items() if callable(v) and not n.startswith("__")}
        assert names == twins, (path, names ^ twins)


@pytest.fixture(scope="module")
def twins():
    return {path: load_twin(path) for path in programs()}


@pytest.fixture(scope="module", autouse=True)
def mix_report(request):
    """Reports the mix of the module's calls at its end."""
    yield
    calls = sum(MIX.values())
    if not calls:
        return
    parts = ", ".join("%s %d (%.1f%%)" % (k, n, 100 * n / calls) for k, n in sorted(MIX.items()))
    line = "test_differential: %d calls: %s" % (calls, parts)
    capture = request.config.pluginmanager.getplugin("capturemanager")
    if capture is None:
        print(line)
        return
    with capture.global_and_fixture_disabled():
        print("\n" + line)


@pytest.mark.parametrize("path,prog,info", compiled_functions())
def test_backends_agree(path, prog, info, twins):
    strategies = BOUNDED.get(info.name) or tuple(strategy(t) for t in parse_params(info.signature))
    plain, checked = twins[path]
    twin, recording = plain[nfkc(info.name)], checked[nfkc(info.name)]

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.tuples(*strategies))
    def check(args):
        tw = twin_outcome(twin, args)
        checked["_ev"].clear()
        rec = twin_outcome(recording, args)
        events = set(checked["_ev"])
        assert agree(rec, tw), ("the recording twin differs", args, tw, rec)
        py = outcome(prog, info.name, args, mp.Backend.PYTHON)
        auto = outcome(prog, info.name, args, mp.Backend.AUTO)
        wasm = outcome(prog, info.name, args, mp.Backend.WASM)
        assert agree(py, tw), ("the generated Python differs from CPython on the twin", args, tw, py)
        assert agree(auto, py), ("AUTO differs from PYTHON", args, py, auto)
        if wasm[0] == "value":
            assert agree(wasm, tw), ("WASM differs from CPython on the twin", args, tw, wasm)
            MIX["values compared"] += 1
        elif tw[0] == "raise" and type(wasm[1]) is type(tw[1]) and not is_refusal(wasm[1]):
            MIX["same exception"] += 1
        else:
            kind = refusal_kind(wasm[1])
            assert kind is not None, ("WASM raises, and not as CPython on the twin does", args, tw, wasm)
            assert justified(kind, events, tw), (
                "WASM refuses (%s) but nothing in CPython's run justifies it" % kind, args, tw, wasm, events)
            cpython = "returned" if tw[0] == "value" else "raised"
            MIX["justified %s refusals where CPython %s" % (kind, cpython)] += 1

    check()


def is_refusal(exc):
    return refusal_kind(exc) is not None


def refusal_kind(exc):
    """Whether exc is WebAssembly declining a value it cannot represent, and
    which kind of refusal it is ("overflow" or "unsupported"), else None."""
    if isinstance(exc, OverflowError):
        return "overflow"
    if isinstance(exc, TRAPS) and "Unsupported value" in str(exc):
        return "unsupported"
    return None


def justified(kind, events, tw):
    """Whether the twin's run justifies a refusal of this kind: an int value
    beyond 64 bits or an OverflowError of its own for "overflow"; a value
    compiled code leaves to Python for "unsupported"."""
    if kind == "overflow":
        return bool(events & OVERFLOW_EVENTS) or tw[0] == "raise" and isinstance(tw[1], OverflowError)
    return bool(events & UNSUPPORTED_EVENTS)
