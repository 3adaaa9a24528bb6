"""The walking skeleton: the guide's French example end to end, both backends."""

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import multilingualprogramming as mp
from support import EXAMPLES, HAVE_NATIVE, ROOT, needs_native

I64_MIN, I64_MAX = -(2 ** 63), 2 ** 63 - 1


def reference_expensive(n):
    """The guide's loop, written here in Python by hand."""
    result = 0
    for i in range(n * n):
        result = result + (i * i) // (i + 1)
    return result


@needs_native
def test_example_language_detected(example_program):
    assert example_program.language == "fr"
    assert example_program.language_detected
    info = example_program.functions["expensive_operation"]
    assert info.compilable, info.reason
    assert info.params == (("n", "int"),)
    assert info.result == "int"


@needs_native
def test_example_value_on_wasm(example_program):
    assert example_program.expensive_operation(1000) == 499998500001
    report = example_program.last_report
    assert report["function"] == "expensive_operation"
    assert report["backend"] == "wasm"


@needs_native
def test_example_value_on_python(example_program):
    value = example_program.call("expensive_operation", 1000, backend=mp.Backend.PYTHON)
    assert value == 499998500001
    assert example_program.last_report == {
        "function": "expensive_operation", "backend": "python", "reason": "forced-python"}


@needs_native
@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 10, 31, 100])
def test_example_backends_agree(example_program, n):
    want = reference_expensive(n)
    assert example_program.call("expensive_operation", n, backend=mp.Backend.WASM) == want
    assert example_program.call("expensive_operation", n, backend=mp.Backend.PYTHON) == want
    assert example_program.expensive_operation(n) == want


@needs_native
def test_negative_n_runs_no_iteration(example_program):
    # range(n * n) with n = -5 is range(25): Python squares first.
    assert example_program.expensive_operation(-5) == reference_expensive(-5)


@needs_native
def test_building_does_not_run_top_level():
    # The top level calls expensive_operation(1000000): hours if it ran.
    prog = mp.compile_file(os.path.join(EXAMPLES, "myfunction.multi"))
    assert "expensive_operation" in prog.functions


ARITH = """\
def mul(a: int, b: int) -> int:
    return a * b

def add(a: int, b: int) -> int:
    return a + b

def sub(a: int, b: int) -> int:
    return a - b

def fdiv(a: int, b: int) -> int:
    return a // b

def mod(a: int, b: int) -> int:
    return a % b

def neg(a: int) -> int:
    return -a
"""

OPS = {
    "mul": lambda a, b: a * b,
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "fdiv": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
}


@pytest.fixture(scope="module")
def arith():
    if not HAVE_NATIVE:
        pytest.skip("compiling needs the native extension")
    return mp.compile_source(ARITH, language="en")


edge_ints = st.one_of(
    st.integers(min_value=I64_MIN, max_value=I64_MAX),
    st.sampled_from([0, 1, -1, 2, -2, I64_MIN, I64_MAX, I64_MIN + 1, I64_MAX - 1,
                     2 ** 31, -(2 ** 31), 2 ** 32, 3037000499, 3037000500, -3037000500]),
)


@needs_native
@settings(max_examples=400, deadline=None)
@given(op=st.sampled_from(sorted(OPS)), a=edge_ints, b=edge_ints)
def test_int_ops_match_python(arith, op, a, b):
    try:
        want = OPS[op](a, b)
    except ZeroDivisionError:
        for backend in mp.Backend:
            with pytest.raises(ZeroDivisionError):
                arith.call(op, a, b, backend=backend)
        return
    assert arith.call(op, a, b) == want                                   # AUTO: always exact
    assert arith.call(op, a, b, backend=mp.Backend.PYTHON) == want
    if I64_MIN <= want <= I64_MAX:
        assert arith.call(op, a, b, backend=mp.Backend.WASM) == want
    else:
        with pytest.raises(OverflowError):
            arith.call(op, a, b, backend=mp.Backend.WASM)


@needs_native
def test_overflow_falls_back_to_exact_python(arith):
    assert arith.mul(I64_MAX, 2) == I64_MAX * 2
    assert arith.last_report["backend"] == "python"
    assert arith.last_report["reason"] == "wasm-overflow-fallback"
    assert arith.neg(I64_MIN) == 2 ** 63
    with pytest.raises(OverflowError):
        arith.call("neg", I64_MIN, backend=mp.Backend.WASM)


@needs_native
def test_big_arguments_fall_back(arith):
    big = 10 ** 30
    assert arith.add(big, 1) == big + 1
    assert arith.last_report["backend"] == "python"
    with pytest.raises(OverflowError):
        arith.call("add", big, 1, backend=mp.Backend.WASM)


@needs_native
def test_floor_division_by_zero(arith):
    with pytest.raises(ZeroDivisionError):
        arith.fdiv(1, 0)
    with pytest.raises(ZeroDivisionError):
        arith.mod(1, 0)
    with pytest.raises(ZeroDivisionError):
        arith.call("fdiv", 1, 0, backend=mp.Backend.PYTHON)


@needs_native
def test_unknown_function(arith):
    with pytest.raises(AttributeError):
        arith.nothing  # noqa: B018
    with pytest.raises(ValueError, match="no function 'nothing'"):
        arith.call("nothing")


@needs_native
def test_wrong_arity_is_type_error(arith):
    with pytest.raises(TypeError):
        arith.add(1)
    with pytest.raises(TypeError):
        arith.call("add", 1, 2, 3, backend=mp.Backend.PYTHON)


@needs_native
def test_syntax_error_position():
    src = "déf f(n: entier) -> entier\n    retour n\n"
    with pytest.raises(mp.MultilingualSyntaxError) as info:
        mp.compile_source(src, filename="bad.multi")
    err = info.value
    assert isinstance(err, SyntaxError)
    assert err.filename == "bad.multi"
    assert err.lineno == 1
    assert err.offset == 27  # just after the header, where ':' is missing
    assert err.text == "déf f(n: entier) -> entier"
    assert err.errors[0].lang == "fr"


@needs_native
def test_syntax_error_column_counts_characters():
    src = "déf f(n: entier) -> entier:\n    retour n $\n"
    with pytest.raises(mp.MultilingualSyntaxError) as info:
        mp.compile_source(src, filename="dollar.multi")
    err = info.value
    assert (err.lineno, err.offset) == (2, 14)
    assert "$" in str(err)


@needs_native
def test_unknown_language():
    with pytest.raises(ValueError, match="unknown language"):
        mp.compile_source("x = 1\n", language="xx")


@needs_native
def test_run_executes_top_level(tmp_path):
    path = tmp_path / "hello.multi"
    path.write_text("déf double(n: entier) -> entier:\n    retour n * 2\n\n"
                    "x = double(21)\nafficher(x)\n", encoding="utf-8")
    prog = mp.compile_file(str(path))
    globs = prog.run()
    assert globs["x"] == 42


def run_cli(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    return subprocess.run([sys.executable, "-m", "multilingualprogramming", *args],
                          capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


@needs_native
def test_cli_build_writes_artifacts(tmp_path):
    out = tmp_path / "out"
    r = run_cli("build", os.path.join(EXAMPLES, "myfunction.multi"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    wasm = (out / "myfunction.wasm").read_bytes()
    assert wasm[:4] == b"\0asm"
    assert "def " in (out / "myfunction_fallback.py").read_text(encoding="utf-8")
    assert '"language": "fr"' in (out / "myfunction.json").read_text(encoding="utf-8")


@needs_native
def test_cli_run_prints(tmp_path):
    path = tmp_path / "p.multi"
    path.write_text("déf carré(n: entier) -> entier:\n    retour n * n\n\nafficher(carré(12))\n",
                    encoding="utf-8")
    r = run_cli("run", str(path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "144"


@needs_native
def test_cli_wat(tmp_path):
    r = run_cli("wat", os.path.join(EXAMPLES, "myfunction.multi"))
    assert r.returncode == 0, r.stderr
    assert "(module" in r.stdout
    assert "expensive_operation" in r.stdout


@needs_native
def test_cli_reports_syntax_error(tmp_path):
    path = tmp_path / "bad.multi"
    path.write_text("déf f(n: entier) -> entier\n    retour n\n", encoding="utf-8")
    r = run_cli("build", str(path), "-o", str(tmp_path / "o"))
    assert r.returncode == 1
    assert "bad.multi:1:" in r.stderr


def test_compile_without_native_is_clear(monkeypatch):
    from multilingualprogramming import _native_loader
    monkeypatch.setattr(_native_loader, "native", None)
    monkeypatch.setattr(_native_loader, "native_reason_code", "native-disabled")
    with pytest.raises(mp.NativeUnavailableError, match="native extension"):
        mp.compile_source("x = 1\n")


def test_backend_coerce():
    assert mp.Backend.coerce("wasm") is mp.Backend.WASM
    assert mp.Backend.coerce(mp.Backend.AUTO) is mp.Backend.AUTO
    with pytest.raises(ValueError):
        mp.Backend.coerce("gpu")


@needs_native
def test_timeout_stops_runaway_call():
    prog = mp.compile_source("def spin(n: int) -> int:\n    i = 0\n    while i >= 0:\n"
                             "        i = (i + n) % 1000\n    return i\n\n"
                             "def quick(n: int) -> int:\n    return n + 1\n", language="en")
    with pytest.raises(TimeoutError):
        prog.call("spin", 1, timeout=0.05)
    assert prog.call("quick", 1, timeout=1) == 2      # still usable afterwards
    assert prog.quick(41) == 42
    with pytest.raises(ValueError):
        prog.call("quick", 1, backend=mp.Backend.PYTHON, timeout=1)
    with pytest.raises(ValueError):
        prog.call("quick", 1, timeout=-1)


@needs_native
def test_version_mismatch_is_a_clear_import_error(monkeypatch):
    from multilingualprogramming import _native_loader
    assert _native_loader.native.__version__ == mp.__version__
    monkeypatch.setattr(_native_loader, "__version__", "0.0.0-other")
    with pytest.raises(ImportError, match="rebuild it"):
        _native_loader._load()
