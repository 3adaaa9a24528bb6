"""The cheap call paths of issue 5, for correctness only (the figures are
benchmarks, not tests): which functions are bounded (calls keep the GIL),
and that every path to a compiled function gives the right answer."""

import json
import os

import pytest

import multilingualprogramming as mp
from multilingualprogramming import _corpus
from multilingualprogramming._program import FunctionInfo
from multilingualprogramming.wasm.loader import WasmModule
from support import needs_native

SOURCE = """\
def add(a: int, b: int) -> int:
    return a + b

def noop() -> None:
    pass

def clamp(x: float, lo: float, hi: float) -> float:
    return max(lo, min(x, hi))

def twice_abs(n: int) -> int:
    return add(abs(n), abs(n))

def total(n: int) -> int:
    s = 0
    for i in range(n):
        s = add(s, i)
    return s

def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def uses_total(n: int) -> int:
    return total(n) + 1

def head(n: int) -> int:
    a = [n, n + 1]
    return a[0]

def greet(name: str) -> str:
    return "hi " + name
"""

BOUNDED = {"add": True, "noop": True, "clamp": True, "twice_abs": True, "total": False,
           "fib": False, "uses_total": False, "head": False, "greet": False}


@pytest.fixture(scope="module")
def prog():
    return mp.compile_source(SOURCE, language="en")


@needs_native
def test_bounded_flags(prog):
    assert {name: info.bounded for name, info in prog.functions.items()} == BOUNDED
    for info in prog.functions.values():
        assert not info.bounded or info.compilable


@needs_native
def test_bounded_survives_a_build_and_old_manifests_load(prog, tmp_path):
    _, _, manifest = _corpus.write_build(prog, "calls", str(tmp_path))
    loaded = _corpus.load_build(manifest)
    assert {n: i.bounded for n, i in loaded.functions.items()} == BOUNDED
    assert loaded.add(2, 3) == 5
    with open(manifest, encoding="utf-8") as f:
        data = json.load(f)
    for fn in data["functions"]:                     # a manifest from before the field
        del fn["bounded"]
    with open(manifest, "w", encoding="utf-8") as f:
        json.dump(data, f)
    old = _corpus.load_build(manifest)
    assert not any(i.bounded for i in old.functions.values())
    assert old.add(2, 3) == 5 and old.total(4) == 6


def test_function_info_field_defaults_to_unbounded():
    info = FunctionInfo("f", (("n", "int"),), "int", True, "", "i:i")
    assert info.bounded is False


@needs_native
def test_every_path_gives_the_same_answers(prog):
    wm = WasmModule.from_bytes(prog.wasm_bytes)
    fn = wm.function("add")
    for a, b in ((2, 3), (-7, 3), (0, 0), (2**62, -2**62)):
        want = a + b
        assert prog.add(a, b) == want
        assert prog.call("add", a, b) == want
        assert prog.call("add", a, b, backend=mp.Backend.WASM) == want
        assert prog.call("add", a, b, backend=mp.Backend.PYTHON) == want
        assert prog.call("add", a, b, timeout=5) == want
        assert wm.call("add", a, b) == want
        assert wm.call("add", a, b, timeout=5) == want
        assert fn(a, b) == want
        assert wm.function("add")(a, b) == want
    assert prog.noop() is None and wm.call("noop") is None
    assert prog.clamp(5.0, 0.0, 1.0) == 1.0 and prog.twice_abs(-4) == 8
    assert prog.total(10) == 45 and prog.uses_total(10) == 46 and prog.fib(15) == 610
    assert prog.last_report["backend"] == "wasm"
    wm.close()


@needs_native
def test_bounded_calls_still_fall_back_and_raise(prog):
    assert prog.add(2**62, 2**62) == 2**63                    # overflow: re-run in Python
    assert prog.last_report["reason"] == "wasm-overflow-fallback"
    assert prog.add(2**70, 1) == 2**70 + 1
    assert prog.add(True, 2) == 3
    with pytest.raises(OverflowError):
        prog.call("add", 2**62, 2**62, backend=mp.Backend.WASM)
    wm = WasmModule.from_bytes(prog.wasm_bytes)
    with pytest.raises(OverflowError):
        wm.call("add", 2**63, 1)
    with pytest.raises(ValueError):
        wm.call("no_such_function")
    wm.close()


@needs_native
def test_guide_example_is_not_bounded(example_program):
    info = example_program.functions["expensive_operation"]
    assert info.compilable and not info.bounded
    assert example_program.expensive_operation(10) == sum(i * i // (i + 1) for i in range(100))


@needs_native
def test_corpus_manifests_say_which_functions_are_bounded():
    if not os.path.isdir(_corpus.BUILD_DIR):
        pytest.skip("corpus not built (make build)")
    seen = 0
    for stem, path in _corpus.sources().items():
        shipped = _corpus.load_build(os.path.join(_corpus.BUILD_DIR, stem + ".json"))
        fresh = mp.compile_file(path)
        assert {n: i.bounded for n, i in shipped.functions.items()} == \
            {n: i.bounded for n, i in fresh.functions.items()}, stem
        seen += sum(i.bounded for i in fresh.functions.values())
    assert seen > 0                     # small helpers such as crypto.de's rotr32
    assert not _corpus.load("numeric.it").functions["fib_ricorsivo"].bounded


@needs_native
@pytest.mark.parametrize("backend", [mp.Backend.AUTO, mp.Backend.PYTHON, "auto", "AUTO", "python",
                                     "PYTHON", "Python", "aUtO"])
def test_call_takes_every_spelling_of_a_backend(prog, backend):
    # twice: the first call fills the cache, the second reads it
    for _ in range(2):
        assert prog.call("greet", "ana", backend=backend) == "hi ana"
        assert prog.call("add", 2 ** 70, 1, backend=backend) == 2 ** 70 + 1


@needs_native
@pytest.mark.parametrize("backend", [mp.Backend.WASM, "wasm", "WASM", "Wasm"])
def test_call_on_wasm_by_any_spelling(prog, backend):
    for _ in range(2):
        assert prog.call("add", 2, 3, backend=backend) == 5
        assert prog.last_report == {"function": "add", "backend": "wasm", "reason": "wasm"}


@needs_native
@pytest.mark.parametrize("backend", ["wasmtime", "", None, 1, b"wasm", mp.Backend])
def test_call_refuses_an_unknown_backend(prog, backend):
    with pytest.raises(ValueError, match="unknown backend"):
        prog.call("add", 1, 2, backend=backend)


@needs_native
@pytest.mark.parametrize("backend", [mp.Backend.AUTO, mp.Backend.WASM, mp.Backend.PYTHON, "python"])
def test_call_of_an_unknown_function_names_the_functions(prog, backend):
    with pytest.raises(ValueError, match=r"has no function 'nope'; its functions are: add, noop"):
        prog.call("nope", 1, backend=backend)


@needs_native
def test_python_calls_report_each_call(prog):
    prog.call("add", 1, 2, backend="python")
    first = prog.last_report
    assert first == {"function": "add", "backend": "python", "reason": "forced-python"}
    first["backend"] = "changed"   # a copy: the next report is not touched
    prog.call("greet", "x", backend=mp.Backend.PYTHON)
    assert prog.last_report == {"function": "greet", "backend": "python", "reason": "forced-python"}
    prog.call("add", 1, 2, backend="python")
    assert prog.last_report == {"function": "add", "backend": "python", "reason": "forced-python"}


@needs_native
def test_unknown_attribute_is_an_attribute_error(prog):
    # Python's own message: Program defines no __getattr__ (it would slow
    # down every attribute lookup, prog.add's among them).
    with pytest.raises(AttributeError, match=r"has no attribute 'nope'") as info:
        prog.nope
    assert info.value.name == "nope"
