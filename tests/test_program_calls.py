"""Every way of calling a Program's function, for correctness (the figures
are in bench/bench_call_paths.py): ``prog.name(...)``, ``f = prog.name``,
``prog.call(name, ..., backend=...)`` on every backend, through the
extension's dispatchers (pybridge/dispatch.c) and through the Python code
they defer to. CPython is the oracle: each answer is compared with the
generated Python function's, or with the Python expression itself."""

import gc
import inspect
import os
import subprocess
import sys
import threading
import time
import weakref

import pytest

import multilingualprogramming as mp
from multilingualprogramming import _program
from multilingualprogramming._stats import CallStats
from support import ROOT, needs_native

SOURCE = """\
def add(a: int, b: int) -> int:
    return a + b

def scale(x: float, k: float) -> float:
    return x * k

def spin(n: int) -> int:
    s = 0
    for i in range(n):
        s = (s + i * i) % 1000003
    return s

def label(n: int) -> str:
    return "n=" + str(n)

def run(n: int) -> int:
    return n + 1
"""

BACKENDS = [mp.Backend.AUTO, mp.Backend.WASM, mp.Backend.PYTHON, "auto", "wasm", "python", "WASM", "Python"]


@pytest.fixture()
def prog():
    return mp.compile_source(SOURCE, language="en")


def python_of(prog, name):
    return prog.python_function(name)


@needs_native
@pytest.mark.parametrize("backend", BACKENDS)
def test_call_on_every_backend_gives_pythons_answer(prog, backend):
    for _ in range(3):      # the first call prepares, the next ones hit the caches
        for a, b in [(2, 3), (-7, 7), (2 ** 40, 5)]:
            assert prog.call("add", a, b, backend=backend) == a + b
        assert prog.call("scale", 1.5, 4.0, backend=backend) == 6.0
        assert prog.call("spin", 1000, backend=backend) == python_of(prog, "spin")(1000)


@needs_native
def test_attribute_calls_give_pythons_answer(prog):
    early = prog.add         # taken before any call: the extension's dispatcher
    for _ in range(3):
        assert prog.add(2, 3) == early(2, 3) == 5
        assert prog.scale(0.5, 3.0) == 1.5
        assert prog.spin(500) == python_of(prog, "spin")(500)
    late = prog.add          # after the first call: the function's own callable
    assert late(40, 2) == early(40, 2) == 42
    assert prog.label(7) == "n=7"      # Python-only function


@needs_native
@pytest.mark.parametrize("path", ["attribute", "early", "auto", "auto-str"])
def test_auto_overflow_gives_the_big_int(prog, path):
    big = 2 ** 62
    call = {"attribute": lambda *a: prog.add(*a),
            "early": prog.add,
            "auto": lambda *a: prog.call("add", *a),
            "auto-str": lambda *a: prog.call("add", *a, backend="auto")}[path]
    for _ in range(2):
        assert call(1, 2) == 3
        assert call(big, big) == 2 ** 63          # WebAssembly traps, Python answers
        assert prog.last_report["backend"] == "python"
        assert prog.last_report["reason"] == "wasm-overflow-fallback"
        assert call(2 ** 70, 1) == 2 ** 70 + 1    # an argument beyond 64 bits
        assert call(3, 4) == 7
        assert prog.last_report == {"function": "add", "backend": "wasm", "reason": "wasm"}


@needs_native
def test_wasm_backend_raises_on_overflow(prog):
    with pytest.raises(OverflowError):
        prog.call("add", 2 ** 62, 2 ** 62, backend=mp.Backend.WASM)
    with pytest.raises(OverflowError):
        prog.call("add", 2 ** 70, 1, backend="wasm")


@needs_native
@pytest.mark.parametrize("backend", [mp.Backend.AUTO, mp.Backend.WASM, mp.Backend.PYTHON, "wasm"])
def test_bad_arguments_raise_type_error(prog, backend):
    for _ in range(2):       # first call (Python code) and cached call (C) alike
        with pytest.raises(TypeError):
            prog.call("add", 1, backend=backend)
        with pytest.raises(TypeError):
            prog.call("add", 1, 2, 3, backend=backend)
        with pytest.raises(TypeError):
            prog.call("add", "1", 2, backend=backend)
        with pytest.raises(TypeError, match=r"add\(\) got an unexpected keyword argument 'c'"):
            prog.call("add", 1, c=2, backend=backend)
        assert prog.call("add", 1, b=2, backend=backend) == 3


@needs_native
def test_bad_arguments_of_attribute_calls_raise_type_error(prog):
    early = prog.add
    for _ in range(2):
        for fn in (early, prog.add):
            with pytest.raises(TypeError):
                fn(1)
            with pytest.raises(TypeError):
                fn(1, 2, 3)
            with pytest.raises(TypeError):
                fn(None, 2)
            with pytest.raises(TypeError, match="multiple values for argument 'a'"):
                fn(1, a=2)
            assert fn(1, b=2) == 3
            assert fn(1, 2) == 3


@needs_native
def test_python_calls_record_where_they_ran(prog):
    """A call on Backend.PYTHON (the extension's C callable) records its
    report before the program has a native module and after; it takes
    positional arguments only, as the Python fallback wrapper did."""
    for _ in range(2):
        assert prog.call("add", 2, 3, backend=mp.Backend.PYTHON) == 5
        assert prog._module is None
        assert prog.last_report == {"function": "add", "backend": "python", "reason": "forced-python"}
    assert prog.call("add", 2, 3, backend="wasm") == 5
    assert prog.last_report == {"function": "add", "backend": "wasm", "reason": "wasm"}
    for _ in range(2):
        assert prog.call("add", 2 ** 70, 1, backend="python") == 2 ** 70 + 1
        assert prog.last_report == {"function": "add", "backend": "python", "reason": "forced-python"}
    fn = prog._callable("add", mp.Backend.PYTHON)
    assert fn.__name__ == "add" and fn(4, 5) == 9
    with pytest.raises(TypeError, match=r"add\(\) got an unexpected keyword argument 'c'"):
        fn(1, c=2)
    assert fn(1, b=2) == 3
    with pytest.raises(TypeError):
        fn(1)
    with pytest.raises(TypeError, match="'str' object cannot be interpreted as an integer"):
        prog.call("spin", "x", backend=mp.Backend.PYTHON)     # raised by the Python function


@needs_native
def test_call_keywords_in_turn(prog):
    """prog.call remembers the last tuple of keyword names it was given:
    other tuples in turn, in any order, each keep their meaning."""
    for _ in range(3):
        assert prog.call("add", 1, 2, backend="wasm", timeout=None) == 3
        assert prog.last_report["backend"] == "wasm"
        assert prog.call("add", 1, 2, timeout=None, backend=mp.Backend.PYTHON) == 3
        assert prog.last_report["backend"] == "python"
        assert prog.call("add", 2 ** 62, 2 ** 62, timeout=5) == 2 ** 63   # timed, then the fallback
        assert prog.call("add", 1, 2, timeout=None) == 3
        assert prog.last_report["backend"] == "wasm"
        assert prog.call("add", 1, 2, **{"backend": "python"}) == 3
        with pytest.raises(TypeError, match="unexpected keyword argument 'bakend'"):
            prog.call("add", 1, 2, bakend="wasm")
        with pytest.raises(TypeError, match="unexpected keyword argument 'bakend'"):
            prog.call("add", 1, 2, backend="wasm", bakend="wasm")
        with pytest.raises(ValueError, match="timeout= applies to WebAssembly calls"):
            prog.call("add", 1, 2, backend="python", timeout=1)


@needs_native
def test_call_keeps_its_own_errors(prog):
    prog.call("add", 1, 2)
    with pytest.raises(TypeError, match="unexpected keyword argument 'bakend'"):
        prog.call("add", 1, 2, bakend="wasm")
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'name'"):
        prog.call()
    with pytest.raises(ValueError, match="has no function 'nope'"):
        prog.call("nope", 1)
    with pytest.raises(ValueError, match="has no function 3"):
        prog.call(3, 1)
    with pytest.raises(ValueError, match="unknown backend"):
        prog.call("add", 1, 2, backend="wasmtime")
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        prog.call("add", 1, 2, timeout=-1)
    with pytest.raises(ValueError, match="would run in Python"):
        prog.call("add", 1, 2, backend="python", timeout=1.0)
    assert prog.call("add", 1, 2, timeout=None) == 3
    assert prog.call("add", 1, 2, timeout=5.0) == 3
    assert prog.call("spin", 10, backend="wasm", timeout=5.0) == python_of(prog, "spin")(10)


@needs_native
def test_methods_and_attributes_keep_their_names(prog):
    # A function named like a method of Program is reached through call().
    assert inspect.ismethod(prog.run) or callable(prog.run)
    assert prog.run.__name__ == "run" and prog.run.__self__ is prog
    assert prog.call("run", 41) == 42
    assert "add" in dir(prog) and "spin" in dir(prog)
    params = inspect.signature(mp.Program.call).parameters
    assert list(params) == ["self", "name", "args", "backend", "timeout", "kwargs"]
    assert params["name"].kind is inspect.Parameter.POSITIONAL_ONLY
    assert mp.Backend.coerce(params["backend"].default) is mp.Backend.AUTO


@needs_native
def test_each_program_has_its_own_class(prog):
    """A program's functions are attributes of its own subclass of
    Program, each a method descriptor that serves that program only."""
    other = mp.compile_source(SOURCE, language="en")
    own = type(prog)
    assert own is not type(other) and own.__mro__[1] is mp.Program and isinstance(prog, mp.Program)
    assert (own.__name__, own.__qualname__, own.__module__) == ("Program", "Program", mp.Program.__module__)
    assert "add" not in vars(prog) and "add" in vars(own)
    method = own.add                      # read from the class: the descriptor itself
    assert method is vars(own)["add"]
    assert method(prog, 2, 3) == 5 and own.call(prog, "add", 2, 3) == 5
    with pytest.raises(TypeError, match="is not a function of"):
        method(other, 2, 3)
    with pytest.raises(TypeError, match="needs its program first"):
        method()
    with pytest.raises(TypeError, match="is not a function of"):
        method.__get__(other, type(other))
    assert other.add(2, 3) == 5
    again = own(prog.artifact(), "<again>")     # a class of its own again
    assert type(again) is not own and type(again).__mro__[1] is mp.Program
    assert again.add(1, 1) == 2


@needs_native
def test_attribute_values_before_and_after_the_first_call(prog):
    early = prog.add                      # the dispatcher's builtin function
    assert early is prog.add and early.__name__ == "add"
    assert early(1, 2) == 3
    late = prog.add                       # the function's own callable, called directly
    assert late is prog.add and late is not early and late.__name__ == "add"
    assert late(3, 4) == early(3, 4) == prog.add(3, 4) == 7
    assert vars(type(prog))["add"] is early.__self__    # the dispatcher stays, the method


@needs_native
def test_a_subclass_of_program_keeps_its_own_methods(prog):
    class Mine(mp.Program):
        def add(self, a, b):
            return "mine"

        def call(self, name, *args, **kwargs):
            return ("called", name) + args

    mine = Mine(prog.artifact(), "<mine>")
    assert isinstance(mine, Mine) and type(mine).__mro__[1] is Mine
    for _ in range(2):
        assert mine.add(1, 2) == "mine"
        assert mine.call("add", 1) == ("called", "add", 1)
        assert mine.spin(100) == prog.spin(100) == python_of(prog, "spin")(100)


@needs_native
def test_two_programs_in_turn(prog):
    other = mp.compile_source("def add(a: int, b: int) -> int:\n    return a - b\n", language="en")
    for i in range(5):
        assert prog.call("add", i, 10) == i + 10
        assert other.call("add", i, 10) == i - 10
        assert prog.add(i, 1) == i + 1 and other.add(i, 1) == i - 1


@needs_native
def test_a_program_lives_while_its_callables_do():
    add = mp.compile_source(SOURCE, language="en").add
    call = mp.compile_source(SOURCE, language="en").call
    gc.collect()
    assert add(1, 2) == 3 and add(2 ** 62, 2 ** 62) == 2 ** 63
    assert call("add", 1, 2) == 3 and call("label", 3) == "n=3"


@needs_native
def test_a_program_is_freed_after_its_calls():
    prog = mp.compile_source(SOURCE, language="en")
    for backend in BACKENDS:
        prog.call("add", 1, 2, backend=backend)
    prog.add(1, 2)
    prog.call("label", 1)
    gone = weakref.ref(prog)
    del prog
    gc.collect()
    assert gone() is None
    # The extension's memory of the last program is dropped with it.
    again = mp.compile_source(SOURCE, language="en")
    assert again.call("add", 5, 6) == 11


@needs_native
def test_a_program_made_before_the_extension_was_loaded(prog, monkeypatch):
    artifact = prog.artifact()
    with monkeypatch.context() as m:
        m.delitem(sys.modules, _program._LOADER_NAME)
        cold = mp.Program(artifact, "<cold>")
    own = vars(type(cold))       # the program's own class holds its functions
    assert isinstance(own["add"], _program._LazyFunction)
    assert _program._CALLS_KEY not in own
    early = cold.add
    assert early(2, 3) == 5                       # resolves, and installs the dispatchers
    assert _program._CALLS_KEY in own
    assert not isinstance(own["add"], _program._LazyFunction)
    assert early(2 ** 62, 2 ** 62) == cold.add(2 ** 62, 2 ** 62) == 2 ** 63
    assert cold.call("add", 1, 2, backend="wasm") == 3
    assert cold.label(4) == "n=4"


@needs_native
def test_calls_from_threads(prog):
    want = {n: python_of(prog, "spin")(n) for n in range(0, 4000, 250)}
    errors = []

    def worker(k):
        try:
            for n, expected in want.items():
                backend = BACKENDS[(n + k) % len(BACKENDS)]
                assert prog.call("spin", n, backend=backend) == expected
                assert prog.spin(n) == expected
                assert prog.add(n, k) == n + k
        except BaseException as exc:      # reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


@needs_native
@pytest.mark.parametrize("how", ["call", "attribute"])
def test_gil_is_released_during_long_calls(prog, how):
    ticks = []
    stop = threading.Event()
    call = (lambda n: prog.call("spin", n)) if how == "call" else (lambda n: prog.spin(n))
    call(10)   # prepared: the timed call below runs the C path

    def ticker():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    time.sleep(0.01)
    before = len(ticks)
    call(30_000_000)           # some hundreds of ms of WebAssembly
    during = len(ticks) - before
    stop.set()
    t.join()
    assert during > 5, "the other thread did not run while WebAssembly did"


@needs_native
def test_run_stats_still_count():
    ns = mp.compile_source(SOURCE + "\nx = add(1, 2) + add(2 ** 62, 2 ** 62)\ny = label(1)\n",
                           language="en")
    stats = CallStats(ns.functions)
    out = ns.run(stats=stats)
    assert out["x"] == 3 + 2 ** 63 and out["y"] == "n=1"
    ns.call("add", 1, 2)     # calls outside the run are not counted
    ns.add(1, 2)
    rows = {row["function"]: row for row in stats.rows()}
    assert (rows["add"]["wasm"], rows["add"]["python"]) == (1, 1)
    assert rows["add"]["why"] == {"wasm-overflow-fallback": 1}
    assert rows["label"]["wasm"] + rows["label"]["python"] == 1


def test_calls_without_the_extension_or_with_it(prog_any):
    """The same answers whether the extension is there or hidden (make
    test-fallback runs this with MULTILINGUAL_NO_NATIVE=1)."""
    prog = prog_any
    assert prog.add(2, 3) == 5
    assert prog.add(2 ** 62, 2 ** 62) == 2 ** 63
    assert prog.call("add", 1, 2, backend="python") == 3
    assert prog.call("label", 2) == "n=2"
    assert prog.add(b=3, a=2) == 5
    assert prog.call("add", 1, b=2, backend="python") == 3
    assert prog.call("label", n=2) == "n=2"
    with pytest.raises(TypeError):
        prog.add(1)
    with pytest.raises(TypeError, match="unexpected keyword argument 'c'"):
        prog.add(1, c=2)
    with pytest.raises(AttributeError):
        prog.nope


@pytest.fixture()
def prog_any(tmp_path):
    """A program loaded through the disk cache's path (no compiler needed
    on the second load), with or without the extension."""
    path = tmp_path / "calls.multi"
    path.write_text("# language: en\n" + SOURCE, encoding="utf-8")
    try:
        return _program.load_file(path)
    except mp.NativeUnavailableError:
        pytest.skip("compiling needs the native extension")


@needs_native
def test_calls_of_a_cached_program_without_the_extension(tmp_path):
    """A program from the disk cache, run where the extension is hidden:
    prog.name is a _LazyFunction until its first call, prog.call the
    Python method; the answers are Python's."""
    path = tmp_path / "calls.multi"
    path.write_text("# language: en\n" + SOURCE, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"),
               MULTILINGUAL_CACHE_DIR=str(tmp_path / "cache"))
    fill = "from multilingualprogramming._program import load_file; load_file(%r)" % str(path)
    r = subprocess.run([sys.executable, "-c", fill], env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    probe = """\
import sys
from multilingualprogramming import _program
prog = _program.load_file(%r)
early = prog.add
assert type(vars(type(prog))["add"]).__name__ == "_LazyFunction"
print(early(2, 3), prog.add(2 ** 62, 2 ** 62), prog.call("add", 1, 2, backend="python"),
      prog.call("spin", 100), prog.label(3), prog.last_report["backend"])
try:
    prog.add(1)
except TypeError:
    print("TypeError")
print("multilingualprogramming._native" in sys.modules)
""" % str(path)
    r = subprocess.run([sys.executable, "-c", probe], env=dict(env, MULTILINGUAL_NO_NATIVE="1"),
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    spin = python_of(mp.compile_source(SOURCE, language="en"), "spin")(100)
    assert r.stdout.split("\n") == ["5 %d 3 %d n=3 python" % (2 ** 63, spin), "TypeError", "False", ""]


@needs_native
def test_raise_under_forced_wasm_says_what_happened():
    # A raise is compiled as a refusal: AUTO re-runs the call in Python and
    # raises the user's exception; forcing WASM gets a trap that says so.
    prog = mp.compile_source("def f(n: int) -> int:\n    if n < 0:\n        raise ValueError(\"neg\")\n"
                             "    return n\n", language="en")
    assert prog.call("f", 3, backend=mp.Backend.WASM) == 3
    with pytest.raises(ValueError, match="neg"):
        prog.call("f", -1)
    with pytest.raises(mp.WasmTrap) as info:
        prog.call("f", -1, backend=mp.Backend.WASM)
    text = str(info.value)
    assert text.startswith("Unsupported value in f(): ") and "Backend.AUTO" in text and "raise" in text
    assert info.value.kind == "unsupported" and info.value.function == "f"


@needs_native
def test_method_descriptors_called_with_keywords(prog):
    """prog.call and wm.call with keywords go through their method
    descriptor's vectorcall (pybridge/dispatch.c, "a call with keywords"):
    it serves an instance of the descriptor's own class, whichever way the
    descriptor is reached, and leaves everything else to CPython's checks."""
    from multilingualprogramming.wasm.loader import WasmModule
    own = type(prog)
    for backend in BACKENDS:
        assert prog.call("add", 2, 3, backend=backend) == 5
        assert own.call(prog, "add", 2, 3, backend=backend) == 5
        assert mp.Program.call(prog, "add", 2, 3, backend=backend) == 5   # an instance of a subclass
        assert own.call(prog, "add", 2, 3, timeout=5) == 5
    with pytest.raises(TypeError, match="descriptor 'call' for 'Program' objects doesn't apply to a 'str'"):
        own.call("add", 2, 3, backend="wasm")
    with pytest.raises(TypeError, match=r"unbound method Program.call\(\) needs an argument"):
        own.call(backend="wasm")
    other = mp.compile_source(SOURCE, language="en")
    with pytest.raises(TypeError, match="doesn't apply to a 'Program' object"):
        own.call(other, "add", 2, 3, backend="wasm")      # another program's own class
    wm = WasmModule.from_bytes(prog.wasm_bytes).instantiate()
    for _ in range(2):
        assert wm.call("add", 2, 3, timeout=5) == 5
        assert WasmModule.call(wm, "add", 2, 3, timeout=5) == 5
    with pytest.raises(TypeError, match="descriptor 'call' for 'WasmModule' objects doesn't apply"):
        WasmModule.call(3, "add", 2, 3, timeout=5)
    with pytest.raises(TypeError, match=r"unbound method WasmModule.call\(\) needs an argument"):
        WasmModule.call(timeout=5)


@needs_native
def test_recursion_through_calls_with_keywords_is_caught(prog):
    """A Python recursion whose every level calls prog.call with keywords
    ends in RecursionError, as without them."""
    def down(n, **kw):
        return prog.call("add", n, 1, **kw) + down(n + 1, **kw)
    for kw in ({}, {"backend": mp.Backend.WASM}, {"backend": "python"}, {"timeout": None}):
        with pytest.raises(RecursionError):
            down(0, **kw)
        assert prog.call("add", 1, 2, **kw) == 3
