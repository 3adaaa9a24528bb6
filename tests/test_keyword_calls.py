"""Calls of a program's functions with keyword arguments, from Python:
``prog.add(a=1, b=2)``, ``prog.call("add", 1, b=2, backend=...)``.

CPython is the oracle: the same source, run as plain Python, is called
with the same arguments. Each generated call passes some arguments by
position and the rest by name, in any order, and some calls are ones
CPython refuses (a name no parameter has, an argument given twice, one
missing, one too many). Every way to call must give CPython's value, or
its TypeError with its message: the function's attribute, prog.call under
each backend and spelling, and a call with a time limit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any, Dict, List, Tuple

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import ROOT, needs_native

SOURCE = """\
def add(a: int, b: int) -> int:
    return a + b

def mix(x: float, n: int, flag: bool) -> float:
    if flag:
        return x * n
    return x - n

def total(xs: list[int], k: int) -> int:
    s = 0
    for v in xs:
        s = s + v * k
    return s

def greet(name: str, times: int) -> str:
    return name * times

def nine(a: int, b: int, c: int, d: int, e: int, f: int, g: int, h: int, i: int) -> int:
    return a - b + c - d + e - f + g - h + i
"""

#: Each function's parameters and a strategy for each one's values.
SMALL = st.integers(min_value=-1000, max_value=1000)
PARAMS: Dict[str, List[Tuple[str, Any]]] = {
    "add": [("a", SMALL), ("b", SMALL)],
    "mix": [("x", st.floats(allow_nan=False, allow_infinity=False, width=64)), ("n", SMALL),
            ("flag", st.booleans())],
    "total": [("xs", st.lists(SMALL, max_size=6)), ("k", SMALL)],
    "greet": [("name", st.text(max_size=4)), ("times", st.integers(min_value=0, max_value=3))],
    "nine": [(n, SMALL) for n in "abcdefghi"],
}

#: What goes wrong with a call, if anything.
FAULTS = ["none", "none", "unknown", "twice", "missing", "extra"]

_CACHE: Dict[str, Any] = {}


def _program() -> Tuple[Any, Dict[str, Any]]:
    if not _CACHE:
        import multilingualprogramming as mp
        _CACHE["prog"] = mp.compile_source(SOURCE, language="en")
        ns: Dict[str, Any] = {}
        exec(SOURCE, ns)
        _CACHE["py"] = ns
    return _CACHE["prog"], _CACHE["py"]


@st.composite
def calls(draw: Any) -> Tuple[str, Tuple[Any, ...], Dict[str, Any]]:
    """(function, positional arguments, keyword arguments)."""
    name = draw(st.sampled_from(sorted(PARAMS)))
    params = PARAMS[name]
    values = [draw(strategy) for _, strategy in params]
    k = draw(st.integers(min_value=0, max_value=len(params)))
    args = list(values[:k])
    named = [(params[i][0], values[i]) for i in range(k, len(params))]
    named = draw(st.permutations(named))
    kwargs = dict(named)
    fault = draw(st.sampled_from(FAULTS))
    if fault == "unknown":
        kwargs[draw(st.sampled_from(["z", "aa", "backend_", "n2"]))] = 1
    elif fault == "twice" and k > 0:
        kwargs[params[draw(st.integers(min_value=0, max_value=k - 1))][0]] = values[0]
    elif fault == "missing":
        if kwargs:
            kwargs.pop(draw(st.sampled_from(sorted(kwargs))))
        elif args:
            args.pop()
    elif fault == "extra":
        args = list(values) + [0]
        kwargs = {} if draw(st.booleans()) else kwargs
    return name, tuple(args), kwargs


def _outcome(fn: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Tuple[str, Any]:
    try:
        return "value", fn(*args, **kwargs)
    except TypeError as exc:
        return "TypeError", str(exc)


def _ways(prog: Any, name: str) -> List[Tuple[str, Any]]:
    from multilingualprogramming import Backend

    def by(backend: Any, timeout: Any = None) -> Any:
        if timeout is None:
            return lambda *a, **k: prog.call(name, *a, backend=backend, **k)
        return lambda *a, **k: prog.call(name, *a, backend=backend, timeout=timeout, **k)

    return [
        ("attribute", getattr(prog, name)),
        ("call", lambda *a, **k: prog.call(name, *a, **k)),
        ("AUTO", by(Backend.AUTO)),
        ("WASM", by(Backend.WASM)),
        ("PYTHON", by(Backend.PYTHON)),
        ("'wasm'", by("wasm")),
        ("WASM, timeout", by(Backend.WASM, 30.0)),
    ]


@needs_native
@settings(max_examples=300, deadline=None)
@given(calls())
@example(("add", (1,), {"a": 2}))
@example(("nine", (), {n: 1 for n in "abcdefghi"}))
@example(("nine", (1, 2), {"i": 3}))
@example(("add", (1, 2, 3), {"b": 1}))
def test_keyword_calls_are_cpythons(call: Tuple[str, Tuple[Any, ...], Dict[str, Any]]) -> None:
    name, args, kwargs = call
    prog, py = _program()
    want = _outcome(py[name], args, kwargs)
    for way, fn in _ways(prog, name):
        got = _outcome(fn, args, kwargs)
        if want[0] == "value" and isinstance(want[1], float):
            assert got[0] == "value" and repr(got[1]) == repr(want[1]), (way, call, got, want)
        else:
            # CPython 3.13 adds "Did you mean ...?" to some messages.
            assert got[0] == want[0] and str(got[1]).startswith(str(want[1]).split(". Did")[0]), (
                way, call, got, want)


@needs_native
def test_keyword_calls_run_on_webassembly() -> None:
    prog, _ = _program()
    assert prog.add(b=2, a=40) == 42
    assert prog.last_report == {"function": "add", "backend": "wasm", "reason": "wasm"}
    assert prog.total(k=3, xs=[1, 2]) == 9
    assert prog.last_report["backend"] == "wasm"


@needs_native
def test_an_error_under_auto_is_pythons_own() -> None:
    prog, _ = _program()
    with pytest.raises(TypeError, match=r"^add\(\) got an unexpected keyword argument 'c'"):
        prog.add(1, c=2)
    assert prog.last_report["backend"] == "python"


@needs_native
def test_a_raw_module_function_refuses_keywords() -> None:
    prog, _ = _program()
    fn = prog._native_module().function("add", "ii:i")
    assert fn(1, 2) == 3
    with pytest.raises(TypeError, match=r"add\(\) takes no keyword arguments"):
        fn(1, b=2)
    named = prog._native_module().function("add", "ii:i", params=("a", "b"))
    assert named(b=1, a=2) == 3
    with pytest.raises(ValueError, match="params names 1 parameters"):
        prog._native_module().function("add", "ii:i", params=("a",))
    with pytest.raises(TypeError, match="params must be a tuple of str"):
        prog._native_module().function("add", "ii:i", params=["a", "b"])


def test_a_non_english_program_binds_its_own_names() -> None:
    """French parameter names, one with an accent, are the keywords."""
    import multilingualprogramming as mp
    from multilingualprogramming import _native_loader
    if _native_loader.native is None:
        pytest.skip("compiling needs the extension")
    prog = mp.compile_source("déf écart(début: int, fin: int) -> int:\n    retour fin - début\n",
                             language="fr")
    assert prog.écart(fin=10, début=3) == 7
    assert prog.call("écart", 3, fin=1, backend=mp.Backend.WASM) == -2
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'fin'"):
        prog.call("écart", début=1, backend=mp.Backend.WASM)


#: A program whose top-level code calls its compiled functions by keyword,
#: as `multilingual FILE` runs it (each function bound to its WebAssembly
#: code, Program._bind).
RUN_SOURCE = """\
def weighted(total: int, weight: int, offset: int) -> int:
    return total * weight + offset

def text_hash(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 131 + ord(c)) % 4294967296
    return h

print(weighted(offset=3, total=10, weight=4))
print(weighted(2, offset=1, weight=5))
print(text_hash(s="multilingual"))
try:
    print(weighted(1, total=2, weight=3, offset=4))
except TypeError as e:
    print("TypeError:", e)
"""


@needs_native
@pytest.mark.parametrize("language", ["ar", "zh", "hi"])
def test_multilingual_run_passes_keywords_to_webassembly(tmp_path, language) -> None:
    """`multilingual FILE` in Arabic, Chinese and Hindi prints what CPython
    prints for the English source, the keyword calls on WebAssembly."""
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"),
               MULTILINGUAL_CACHE_DIR=str(tmp_path / "cache"))

    def cli(*args: str) -> "subprocess.CompletedProcess[str]":
        return subprocess.run([sys.executable, "-m", "multilingualprogramming", *args],
                              capture_output=True, text=True, env=env, timeout=120)

    src = tmp_path / "kw.en.ml"
    src.write_text(RUN_SOURCE, encoding="utf-8")
    out = tmp_path / ("kw.%s.ml" % language)
    r = cli("translate", str(src), "--language", "en", "--to", language, "-o", str(out))
    assert r.returncode == 0, r.stderr
    want = subprocess.run([sys.executable, str(src)], capture_output=True, text=True, timeout=60)
    r = cli("--stats", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stdout == want.stdout
    rows = {line.split()[0]: line.split()[1:3] for line in r.stderr.splitlines()[2:]}
    # Two keyword calls of weighted ran on WebAssembly; the refused one in
    # Python, which raised CPython's TypeError; text_hash on WebAssembly.
    assert rows["weighted"] == ["2", "1"] and rows["text_hash"] == ["1", "0"], r.stderr
