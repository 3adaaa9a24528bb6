"""Differential tests: every compiled function against its Python fallback.

The programs under tests/programs are written in seven languages. For each
function the compiler compiled, hypothesis draws arguments from its
signature (edge values first: 0, ±1, the 64-bit limits, -0.0, inf, nan)
and the call runs three ways:

* Backend.AUTO must give exactly what Backend.PYTHON gives: the same value
  and type (floats compared bit for bit, nan equal to nan), or the same
  exception type;
* Backend.WASM must give the same, or refuse: OverflowError when a value
  on the way leaves the 64-bit range (an intermediate may overflow even
  when the result fits), or an "unsupported value" WasmTrap where the
  compiled code cannot represent Python's value. It never gives another
  value or another exception.
"""

import copy
import glob
import math
import os
import struct

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
                out.append(pytest.param(prog, info, id="%s:%s" % (os.path.basename(path), info.name)))
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


@pytest.mark.parametrize("prog,info", compiled_functions())
def test_backends_agree(prog, info):
    strategies = BOUNDED.get(info.name) or tuple(strategy(t) for t in parse_params(info.signature))

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.tuples(*strategies))
    def check(args):
        py_kind, py, py_args = outcome(prog, info.name, args, mp.Backend.PYTHON)
        auto_kind, auto, auto_args = outcome(prog, info.name, args, mp.Backend.AUTO)
        wasm_kind, wasm, wasm_args = outcome(prog, info.name, args, mp.Backend.WASM)
        assert auto_args == py_args, (args, py_args, auto_args)   # in-place changes agree
        if wasm_kind == "value":
            assert wasm_args == py_args, (args, py_args, wasm_args)
        if py_kind == "value":
            assert auto_kind == "value" and same(auto, py), (args, py, auto)
            if wasm_kind == "value":
                assert same(wasm, py), (args, py, wasm)
            else:
                assert refusal(wasm), (args, py, wasm)
        else:
            assert auto_kind == "raise" and type(auto) is type(py), (args, py, auto)
            assert wasm_kind == "raise", (args, py, wasm)
            assert type(wasm) is type(py) or refusal(wasm), (args, py, wasm)

    check()


def refusal(exc):
    """Whether exc is WebAssembly declining a value it cannot represent."""
    if isinstance(exc, OverflowError):
        return True
    return isinstance(exc, TRAPS) and "Unsupported value" in str(exc)
