"""Constants and markers shared by the test modules (fixtures live in conftest.py)."""

import copy
import os
from typing import Any, Dict, List, Optional, Tuple

import pytest

from multilingualprogramming import _native_loader

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")

HAVE_NATIVE = _native_loader.native is not None

needs_native = pytest.mark.skipif(
    not HAVE_NATIVE, reason="native extension hidden or unavailable (%s)" % _native_loader.native_reason_code)


_PASS_PAIRS: Dict[Tuple[str, str], Tuple[Any, Any, Dict[str, Any]]] = {}


def with_and_without(source: str, pass_name: Optional[str]) -> Tuple[Any, Any, Dict[str, Any]]:
    """The English program source compiled with every pass and without
    pass_name (None: the second is the first), and the namespace of the
    same source run by CPython; made once per session."""
    key = (source, pass_name or "")
    if key not in _PASS_PAIRS:
        from multilingualprogramming import compile_source
        on = compile_source(source, language="en")
        off = compile_source(source, language="en", disable=[pass_name]) if pass_name else on
        ns: Dict[str, Any] = {}
        exec(source, ns)
        _PASS_PAIRS[key] = (on, off, ns)
    return _PASS_PAIRS[key]


def outcome(fn: Any, *args: Any) -> Tuple[str, Any]:
    """A call's value, or the type of the exception it raised."""
    try:
        return "value", fn(*args)
    except Exception as exc:  # the exception's type is the outcome
        return "raise", type(exc).__name__


def check_like_cpython(source: str, pass_name: Optional[str], name: str, *args: Any) -> None:
    """name(*args) gives CPython's outcome in the program compiled with
    and without pass_name (with_and_without), by default (on WebAssembly,
    re-run in Python when a check traps) and in the Python fallback;
    forced onto WebAssembly, it gives that outcome too or raises
    OverflowError (a value beyond 64 bits on the way), never another
    value. List arguments are copied (rows too) for each run."""
    from multilingualprogramming import Backend

    def fresh() -> List[Any]:
        return [copy.deepcopy(a) if isinstance(a, list) else a for a in args]

    on, off, py = with_and_without(source, pass_name)
    want = outcome(py[name], *fresh())
    for prog in (on, off):
        for backend in (Backend.AUTO, Backend.PYTHON):
            got = outcome(lambda *a: prog.call(name, *a, backend=backend), *fresh())
            assert got == want, (name, args, prog is on, backend)
        got = outcome(lambda *a: prog.call(name, *a, backend=Backend.WASM), *fresh())
        assert got in (want, ("raise", "OverflowError")), (name, args, prog is on)


def program_and_cpython(source: str) -> Tuple[Any, Dict[str, Any]]:
    """The English program source compiled with every pass, and the
    namespace of the same source run by CPython (with_and_without's, made
    once per session)."""
    prog, _, ns = with_and_without(source, None)
    return prog, ns


def check_calls_like_cpython(source: str, name: str, *args: Any, by_repr: bool = False) -> None:
    """name(*args) gives CPython's outcome and leaves its list arguments
    as CPython does, by default (with a time limit, so that a loop a wrong
    compilation makes endless fails instead of hanging) and in the Python
    fallback; forced onto WebAssembly, that outcome, an OverflowError (a
    value beyond 64 bits on the way), or any exception where CPython
    raises one (a call that needs Python to raise CPython's error).
    by_repr compares values by repr, so that -0.0 and NaN count."""
    from multilingualprogramming import Backend
    prog, ns = program_and_cpython(source)

    def run(fn: Any) -> Any:
        fresh = [copy.deepcopy(a) if isinstance(a, list) else a for a in args]
        got = outcome(fn, *fresh)
        if by_repr and got[0] == "value":
            got = ("value", repr(got[1]))
        return got, [a for a in fresh if isinstance(a, list)]

    want = run(ns[name])
    got = run(lambda *a: prog.call(name, *a, backend=Backend.AUTO, timeout=20))
    assert got == want, (name, args, "auto", got, want)
    got = run(lambda *a: prog.call(name, *a, backend=Backend.PYTHON))
    assert got == want, (name, args, "python", got, want)
    got = run(lambda *a: prog.call(name, *a, backend=Backend.WASM, timeout=20))
    assert got == want or got[0] == ("raise", "OverflowError") or (
        got[0][0] == "raise" and want[0][0] == "raise"), (name, args, "wasm", got, want)
