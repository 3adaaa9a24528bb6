"""Reports describe the call they are asked about (issue "Reliability",
items 6 and 7).

``Program.last_report`` kept the previous call's report when a WebAssembly
call raised; the selector named every fallback ``wasm-overflow-fallback``
(``numeric_gcd(12.0, 18)`` is an argument fallback, as Program says).
"""

import pytest

import multilingualprogramming as mp
from multilingualprogramming.runtime.backend_selector import BackendSelector

SOURCE = """
def half(n: int) -> int:
    return 10 // n

def twice(n: int) -> int:
    return 2 * n

def walk(xs: list[int], k: int) -> int:
    return xs[k]
"""


@pytest.fixture(scope="module")
def prog():
    return mp.compile_source(SOURCE, language="en")


@pytest.mark.parametrize("backend", ["auto", "wasm", "python"])
def test_last_report_names_the_call_that_raised(prog, backend):
    prog.call("twice", 3, backend=backend)
    assert prog.last_report["function"] == "twice"
    with pytest.raises(ZeroDivisionError):
        prog.call("half", 0, backend=backend)
    assert prog.last_report["function"] == "half"
    with pytest.raises(IndexError):
        prog.call("walk", [1, 2], 5, backend=backend)
    assert prog.last_report["function"] == "walk"


def test_last_report_names_a_call_with_bad_arguments(prog):
    prog.call("twice", 3, backend="wasm")
    with pytest.raises(TypeError):
        prog.call("half", "x", backend="wasm")
    assert prog.last_report == {"function": "half", "backend": "wasm", "reason": "wasm"}
    with pytest.raises(TypeError):
        prog.call("half", backend="wasm")
    assert prog.last_report["function"] == "half"


def test_selector_and_program_give_the_same_reason():
    sel = BackendSelector(prefer_backend="auto")
    assert sel.call_function("numeric_gcd", 12.0, 18) == 6.0
    from multilingualprogramming import _corpus
    program = _corpus.load("numeric.it")
    program.mcd(12.0, 18)
    assert program.last_report["reason"] == "wasm-argument-fallback"
    assert sel.get_last_call_report()["reason"] == program.last_report["reason"]
    assert sel.get_last_call_report()["backend"] == "python"
    assert sel.call_function("numeric_gcd", 2**70, 6) == 2
    assert sel.get_last_call_report()["reason"] == "wasm-overflow-fallback"
    assert sel.call_function("numeric_gcd", 12, 18) == 6
    assert sel.get_last_call_report()["reason"] == "wasm"
