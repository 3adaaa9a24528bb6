"""The guide's runtime API: selector, registry, detection and reports."""

import os
import shutil

import pytest

import multilingualprogramming as mp
from multilingualprogramming.runtime import backend_selector as bs
from multilingualprogramming.runtime.backend_selector import Backend, BackendRegistry, BackendSelector
from multilingualprogramming.runtime.python_fallbacks import FALLBACK_REGISTRY
from support import EXAMPLES, HAVE_NATIVE, needs_native


def reference_expensive(n):
    result = 0
    for i in range(n * n):
        result = result + (i * i) // (i + 1)
    return result


def test_python_backend_runs_registry_function():
    sel = BackendSelector(prefer_backend=Backend.PYTHON)
    assert sel.call_function("fibonacci", 10) == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
    report = sel.get_last_call_report()
    assert report["function"] == "fibonacci"
    assert report["backend"] == "python"
    assert report["reason"] == "forced-python"
    assert report["duration_s"] >= 0
    assert sel.current_backend_name == "python"


def test_auto_without_wasm_binary_uses_python():
    sel = BackendSelector(registry=BackendRegistry(private=True, corpus=False))
    assert sel.call_function("gcd", 12, 18) == 6
    assert sel.get_last_call_report()["reason"] in ("no-wasm-binary", "native-disabled",
                                                    "native-unavailable")


def test_forced_wasm_without_binary_raises():
    sel = BackendSelector(prefer_backend=Backend.WASM, registry=BackendRegistry(private=True, corpus=False))
    with pytest.raises((LookupError, ImportError)):
        sel.call_function("gcd", 12, 18)


def test_unknown_function():
    sel = BackendSelector(registry=BackendRegistry(private=True))
    with pytest.raises(LookupError):
        sel.call_function("no_such_thing", 1)


def test_performance_stats_count_calls():
    sel = BackendSelector(prefer_backend=Backend.PYTHON)
    for n in range(5):
        sel.call_function("factorial", n)
    stats = sel.get_performance_stats()["factorial"]
    assert stats["calls"] == 5
    assert stats["python"]["calls"] == 5
    assert stats["wasm"]["calls"] == 0
    assert stats["python"]["mean_s"] == pytest.approx(stats["python"]["total_s"] / 5)


def test_status_says_why():
    status = BackendSelector(prefer_backend=Backend.PYTHON).get_status()
    assert status["reason"] == "forced-python"
    assert status["version"] == mp.__version__
    assert "numeric_fibonacci" in status["functions"]
    auto = BackendSelector().get_status()
    if not HAVE_NATIVE:
        assert auto["backend"] == "python"
        assert auto["reason"] in ("native-disabled", "native-unavailable", "unsupported-platform")
    assert set(bs.REASONS) >= {"forced-python", "native-unavailable", "no-wasm-binary",
                               "unsupported-platform", "wasm-overflow-fallback"}


def test_set_python_fallback():
    reg = BackendRegistry(private=True)
    sel = BackendSelector(prefer_backend=Backend.PYTHON, registry=reg)
    sel.set_python_fallback("triple", lambda x: 3 * x)
    assert sel.call_function("triple", 5) == 15
    with pytest.raises(TypeError):
        reg.register_python("x", 3)


def test_registries_share_state_by_default():
    a, b = BackendRegistry(), BackendRegistry()
    a.register_python("shared_fn_for_test", abs)
    try:
        assert b.get_backend("shared_fn_for_test")["python"]
        assert not BackendRegistry(private=True).get_backend("shared_fn_for_test")["python"]
    finally:
        a.unregister("shared_fn_for_test")


def test_module_helpers():
    sel = bs.get_backend_selector()
    assert sel is bs.get_backend_selector()
    previous = sel.prefer_backend
    try:
        bs.set_backend(Backend.PYTHON)
        assert bs.get_current_backend() == "python"
    finally:
        bs.set_backend(previous)
    assert bs.is_wasm_available() == HAVE_NATIVE


@needs_native
def test_guide_custom_function_steps(tmp_path):
    """The guide's 'Developing Custom WASM Functions', steps 1 to 4, as written."""
    out = tmp_path / "build"
    prog = mp.compile_file(os.path.join(EXAMPLES, "myfunction.multi"))
    out.mkdir()
    (out / "expensive_operation.wasm").write_bytes(prog.wasm_bytes)

    class CustomOperations:
        @staticmethod
        def expensive_operation(n: int) -> int:
            result = 0
            for i in range(n * n):
                result = result + (i * i) // (i + 1)
            return result

    FALLBACK_REGISTRY["expensive_operation"] = CustomOperations.expensive_operation
    registry = BackendRegistry()
    registry.register_wasm("expensive_operation", str(out / "expensive_operation.wasm"))
    try:
        result_py = CustomOperations.expensive_operation(1000)
        selector = BackendSelector()
        result_wasm = selector.call_function("expensive_operation", 1000)
        assert result_py == result_wasm == reference_expensive(1000)
        report = selector.get_last_call_report()
        assert report["backend"] == "wasm", report
        assert str(out / "expensive_operation.wasm") in selector.get_status()["modules_loaded"]
    finally:
        del FALLBACK_REGISTRY["expensive_operation"]
        registry.unregister("expensive_operation")


@needs_native
def test_register_source_compiles_our_language(tmp_path):
    src = tmp_path / "carre.multi"
    src.write_text("déf carré(n: entier) -> entier:\n    retour n * n\n", encoding="utf-8")
    reg = BackendRegistry(private=True)
    reg.register_source("carré", str(src))
    reg.register_python("carré", lambda n: n * n)
    sel = BackendSelector(registry=reg)
    assert sel.call_function("carré", 12) == 144
    assert sel.get_last_call_report()["backend"] == "wasm"
    big = 2 ** 40
    assert sel.call_function("carré", big) == big * big        # overflow: exact via Python
    assert sel.get_last_call_report()["backend"] == "python"
    assert sel.get_last_call_report()["reason"] == "wasm-overflow-fallback"
    with pytest.raises(OverflowError):
        BackendSelector(prefer_backend=Backend.WASM, registry=reg).call_function("carré", big)


@needs_native
def test_set_wasm_module_uses_manifest(tmp_path):
    built = tmp_path / "b"
    shutil.copytree(EXAMPLES, tmp_path / "ex")
    from multilingualprogramming.cli import main
    assert main(["build", str(tmp_path / "ex" / "myfunction.multi"), "-o", str(built)]) == 0
    sel = BackendSelector(registry=BackendRegistry(private=True))
    assert sel.set_wasm_module(str(built / "myfunction.wasm")) == ["expensive_operation"]
    assert sel.call_function("expensive_operation", 30) == reference_expensive(30)


def test_selector_map_python_serial_and_processes():
    sel = BackendSelector(prefer_backend=Backend.PYTHON)
    inputs = [0, 1, 2, 10]
    want = [[0, 1, 1, 2, 3, 5, 8, 13, 21, 34][:n] for n in inputs]
    assert sel.map("fibonacci", inputs) == want
    assert sel.map("fibonacci", inputs, processes=True, workers=2) == want
    with pytest.raises(ValueError) as info:
        sel.map("factorial", [3, -1, 2])
    assert info.value.index == 1


@needs_native
def test_selector_map_wasm(tmp_path):
    src = tmp_path / "carre.multi"
    src.write_text("déf carré(n: entier) -> entier:\n    retour n * n\n", encoding="utf-8")
    reg = BackendRegistry(private=True)
    reg.register_source("carré", str(src))
    reg.register_python("carré", lambda n: n * n)
    sel = BackendSelector(registry=reg)
    assert sel.map("carré", [1, 2, 3, 2 ** 40]) == [1, 4, 9, 2 ** 80]


GUIDE_PROFILING = '''
import time
from multilingualprogramming.runtime.backend_selector import BackendSelector
# Profile Python fallback
selector_py = BackendSelector(prefer_backend=Backend.PYTHON)
start = time.perf_counter()
result = selector_py.call_function("fibonacci", 30)
py_time = time.perf_counter() - start
# Profile WASM
selector_wasm = BackendSelector(prefer_backend=Backend.WASM)
start = time.perf_counter()
result = selector_wasm.call_function("fibonacci", 30)
wasm_time = time.perf_counter() - start
print(f"Python: {py_time*1000:.2f}ms")
print(f"WASM: {wasm_time*1000:.2f}ms")
print(f"Speedup: {py_time/wasm_time:.1f}x")
'''


@needs_native
def test_guide_performance_profiling_snippet(capsys):
    """The guide's snippet, verbatim. It uses Backend without importing it:
    the guide imports it in its section 3 example, which we run first."""
    ns = {}
    exec("from multilingualprogramming.runtime.backend_selector import BackendSelector, Backend", ns)
    exec(GUIDE_PROFILING, ns)
    out = capsys.readouterr().out
    assert "Python:" in out and "WASM:" in out and "Speedup:" in out
    assert ns["result"] == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597,
                            2584, 4181, 6765, 10946, 17711, 28657, 46368, 75025, 121393, 196418,
                            317811, 514229]
    assert ns["selector_wasm"].get_last_call_report()["backend"] == "wasm"
