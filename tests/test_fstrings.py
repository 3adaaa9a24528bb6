"""f-strings compile when their fields are plain (`{x}`, `{x!s}`) and hold
ints, bools or strs: each field is formatted as str() makes it, which is
what format(x, "") gives for those types, and the pieces are joined in
order. Format specs, `!r` and `{x=}`, and float fields (the shortest
repr) stay in Python with their reason. Each function gives CPython's
outcome, on WebAssembly and in the Python fallback."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

import multilingualprogramming as mp
from support import check_calls_like_cpython, needs_native, program_and_cpython

SOURCE = """\
def label(n: int, name: str, ok: bool) -> str:
    return f"{n}: {name!s} [{ok}] {{braces}} «{name}»"

def report(xs: list[int]) -> str:
    out = ""
    for i, x in enumerate(xs):
        out += f"#{i}={x * 2}; "
    return f"{len(xs)} items: {out}"

def nothing() -> str:
    return f""

def padded(x: int) -> str:
    return f"{x:>5}"

def quoted(s: str) -> str:
    return f"{s!r}"

def debug(x: int) -> str:
    return f"{x=}"

def real(x: float) -> str:
    return f"{x}"
"""


@needs_native
def test_they_compile() -> None:
    prog, _ = program_and_cpython(SOURCE)
    assert {n: f.reason for n, f in prog.functions.items() if not f.compilable} == {
        "padded": "line 14: uses an f-string field with a conversion, a format spec or =",
        "quoted": "line 17: uses an f-string field with a conversion, a format spec or =",
        "debug": "line 20: uses an f-string field with a conversion, a format spec or =",
        "real": "line 23: formatting a float in an f-string runs only in Python",
    }
    assert prog.call("label", 7, "é", True, backend=mp.Backend.WASM) == "7: é [True] {braces} «é»"
    assert prog.nothing() == "" and prog.last_report["backend"] == "wasm"


@needs_native
@settings(max_examples=200, deadline=None)
@given(st.integers(-2**63, 2**63 - 1), st.text(max_size=8), st.booleans(),
       st.lists(st.integers(-2**62, 2**62), max_size=6))
@example(-2**63, "", False, [])
@example(0, "{x}", True, [2**62 - 1, -2**62])
def test_like_cpython(n: int, name: str, ok: bool, xs: list) -> None:
    check_calls_like_cpython(SOURCE, "label", n, name, ok)
    check_calls_like_cpython(SOURCE, "report", xs)
    prog, ns = program_and_cpython(SOURCE)
    for fn, args in (("padded", (n,)), ("quoted", (name,)), ("debug", (n,)), ("real", (n / 3,))):
        assert prog.call(fn, *args) == ns[fn](*args)  # in Python
