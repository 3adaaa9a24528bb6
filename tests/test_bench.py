"""The benchmark harness (bench/harness, run by bench/bench_corpus.py): a
quick smoke run at tiny sizes, and its pieces (break-even, extrapolation,
the agreement check, the C sources) on their own."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
# The harness is not part of the package: it is imported from the source tree.
sys.path.insert(0, BENCH)

import harness  # noqa: E402
from harness import ckernels as _ckernels  # noqa: E402
from harness import peers as _peers  # noqa: E402
from harness import reference as _reference  # noqa: E402
from harness import suite as _suite  # noqa: E402
from harness import timing as _timing  # noqa: E402
from harness import workloads as _workloads  # noqa: E402
from harness.suite import Cell, Options, WorkloadRun  # noqa: E402

HAS_NUMBA = importlib.util.find_spec("numba") is not None
HAS_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None


def test_quick_run_writes_results(tmp_path):
    out = tmp_path / "bench"
    code = harness.main(["--quick", "--out", str(out),
                        "--backends", "wasm,wasm_driver,cpython,reference,c"])
    assert code == 0, (out / "results.md").read_text(encoding="utf-8")
    md = (out / "results.md").read_text(encoding="utf-8")
    for w in _workloads.WORKLOADS:
        assert "## " + w.title in md
    assert "every backend returned the same value" in md
    assert "| CPU |" in md and "python" in md.lower()
    if HAS_MATPLOTLIB:
        assert (out / "results.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(not HAS_NUMBA, reason="numba is not installed")
def test_numba_column_agrees(tmp_path):
    options = Options(quick=True, out=str(tmp_path), workloads=("fib", "sieve"),
                      backends=("cpython", "numba"), cap_python=0.5, cap=0.5, budget=0.01,
                      chart=False)
    suite = _suite.run_suite(options, "test", lambda msg: None)
    assert suite.mismatches == []
    for run in suite.runs:
        assert "numba" in run.cells, run.unavailable
        values = {size: cell.value for size, cell in run.cells["numba"].items()}
        assert values == {size: cell.value for size, cell in run.cells["cpython"].items()}


def test_sizes_past_the_cap_are_extrapolated_not_run():
    options = Options(quick=True, workloads=("sieve",), backends=("cpython",),
                      cap_python=1e-12, budget=0.01, chart=False)
    suite = _suite.run_suite(options, "test", lambda msg: None)
    w = _workloads.by_key()["sieve"]
    small, large = w.quick_sizes
    cells = suite.runs[0].cells["cpython"]
    assert cells[small].measured and cells[small].value == 25
    assert cells[large].extrapolated and cells[large].value is None
    expected = cells[small].seconds * w.cost(large) / w.cost(small)
    assert cells[large].seconds == pytest.approx(expected)


def test_disagreeing_backends_are_reported():
    w = _workloads.by_key()["fib"]
    run = WorkloadRun(w)
    run.cells = {"cpython": {(10,): Cell(seconds=1.0, value=55)},
                 "c": {(10,): Cell(seconds=0.1, value=56)},
                 "numba": {(10,): Cell(seconds=0.2, value=55)},
                 "wasm": {(10,): Cell(seconds=2.0, extrapolated=True)}}
    _suite._verify(run)
    assert len(run.mismatches) == 1 and "56" in run.mismatches[0]
    run.cells["c"][(10,)].value = 55
    run.mismatches = []
    _suite._verify(run)
    assert run.mismatches == []


def test_floats_compare_exactly():
    assert _suite._same(0.1 + 0.2, 0.30000000000000004)
    assert not _suite._same(0.1 + 0.2, 0.3)
    assert _suite._same(-600.0, -600)
    assert not _suite._same(True, 1)


@pytest.mark.parametrize("fast, slow, want", [
    ([1, 2, 3, 4], [2, 3, 4, 5], ("below", (1,))),
    ([3, 2, 3, 4], [2, 3, 4, 5], ("at", (2,))),
    ([3, 2, 5, 4], [2, 3, 4, 5], ("at", (4,))),
    ([3, 4, 5, 6], [2, 3, 4, 5], ("above", (4,))),
    ([None, None, None, None], [1, 1, 1, 1], ("unknown", None)),
])
def test_break_even(fast, slow, want):
    sizes = [(1,), (2,), (3,), (4,)]
    got = _timing.break_even(sizes, dict(zip(sizes, fast)), dict(zip(sizes, slow)))
    assert got == want


def test_measure_returns_the_value_and_a_best_time():
    calls = []
    m = _timing.measure(lambda: calls.append(1) or 42, budget=0.01)
    assert m.value == 42
    assert m.runs == len(calls) and m.runs > 1
    assert 0 < m.seconds < 0.01


@pytest.mark.parametrize("n", [0, 1, 2, 9, 10, 11, 99, 100, 101, 12345])
def test_json_text_length(n):
    assert _workloads.json_text_length(n) == len(_reference.json_text(n))


def test_json_count_for_fits():
    n = _workloads.json_count_for(1024)
    assert _workloads.json_text_length(n) <= 1024 < _workloads.json_text_length(n + 1)


@pytest.mark.parametrize("seconds, text", [
    (None, "-"), (2.5e-8, "25 ns"), (1.5e-6, "1.5 µs"), (0.0123, "12.3 ms"),
    (3.456, "3.46 s"), (123.4, "123 s"),
])
def test_format_seconds(seconds, text):
    assert _timing.format_seconds(seconds) == text


def test_every_c_kernel_has_a_source():
    sources = _ckernels.c_sources()
    for w in _workloads.WORKLOADS:
        if w.c_kernel is not None:
            assert w.c_kernel.stem in sources


def test_the_script_runs_the_harness():
    path = os.pathsep.join(p for p in (os.path.join(ROOT, "python"), os.environ.get("PYTHONPATH")) if p)
    r = subprocess.run([sys.executable, os.path.join(BENCH, "bench_corpus.py"), "--help"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120,
                       env=dict(os.environ, PYTHONPATH=path))
    assert r.returncode == 0, r.stderr
    assert "--quick" in r.stdout and "bench/bench_corpus.py" in r.stdout


def _bench_kernels():
    spec = importlib.util.spec_from_file_location("bench_kernels", os.path.join(BENCH, "bench_kernels.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


KERNEL_DIR = os.path.join(ROOT, "core", "wasmgen", "testdata", "bench")


@pytest.mark.parametrize("name", sorted(_ckernels.c_sources()))
def test_c_kernels_are_natural_c(name):
    # No attribute on the kernel (noinline/noipa switch off gcc's recursion
    # optimizations): the timing loop calls it through a volatile pointer.
    with open(_ckernels.c_sources()[name], encoding="utf-8") as f:
        text = f.read()
    assert "noinline" not in text and "noipa" not in text and "__attribute__" not in text
    assert "(*volatile " in text
    best_of = [line for line in text.splitlines() if "ML_BEST_OF(repeat" in line]
    # every timed call goes through the volatile pointer (strhash.c has
    # one kernel for ASCII chars and one for code points)
    assert best_of and all("_call(" in line for line in best_of)


def test_typed_peers_define_every_kernel():
    import re
    cases = _bench_kernels().CASES
    with open(_peers.CYTHON_SOURCE, encoding="utf-8") as f:
        pyx = f.read()
    with open(_peers.MYPYC_SOURCE, encoding="utf-8") as f:
        typed = f.read()
    for case in cases:
        name = case.name
        assert re.search(r"^(c?p?def) [\w ]*\b%s\(" % name, pyx, re.M), name
        assert re.search(r"^def %s\(\w+: (int|str)(, \w+: (int|str))*\) -> (int|float|str):"
                         % name, typed, re.M), name
        assert case.c in _ckernels.c_sources() and os.path.exists(case.source), name
    assert {"str hash", "mandelbrot", "list walk", "corpus text_hash",
            "corpus xor_text"} <= {c.row for c in cases}
    assert sorted(c.show for c in cases if c.name == "expensive") == ["1000", "3000"]


OWN_KERNEL_DIR = os.path.join(BENCH, "harness", "kernels")


@pytest.mark.parametrize("folder, name, args", [
    (KERNEL_DIR, "fib", (15,)), (KERNEL_DIR, "loops", (40,)), (KERNEL_DIR, "matmul", (12,)),
    (KERNEL_DIR, "sieve", (5000,)), (KERNEL_DIR, "expensive", (30,)),
    (OWN_KERNEL_DIR, "mandel", (30, 20, 50)), (OWN_KERNEL_DIR, "strhash", ("",)),
    (OWN_KERNEL_DIR, "listwalk", (0,)), (OWN_KERNEL_DIR, "listwalk", (3000,)),
    (OWN_KERNEL_DIR, "strhash", ("a\u00e9\u4e2d\U0001f600" * 300,))])
def test_typed_kernels_give_cpythons_answer(folder, name, args):
    # The .en.ml kernel is Python with English keywords: CPython runs it as is.
    with open(os.path.join(folder, name + ".en.ml"), encoding="utf-8") as f:
        oracle = {}
        exec(compile(f.read(), name + ".en.ml", "exec"), oracle)
    from harness.typed import kernels as typed
    assert getattr(typed, name)(*args) == oracle[name](*args)


@pytest.mark.parametrize("mixed", [False, True])
def test_typed_corpus_str_kernels_give_cpythons_answer(mixed):
    # The corpus's text_hash and xor_text follow CryptoOperations (the oracle).
    from multilingualprogramming.runtime.python_fallbacks import CryptoOperations
    from harness.typed import kernels as typed
    text = _bench_kernels().make_text(5000, mixed)
    assert any(ord(c) > 127 for c in text) == mixed
    assert typed.text_hash(text) == CryptoOperations.simple_hash(text) == typed.strhash(text)
    assert typed.xor_text(text, "Geheimnis") == CryptoOperations.xor_cipher(text, "Geheimnis")


def test_missing_peer_tool_is_a_note(monkeypatch):
    monkeypatch.setattr(_peers, "tool_version", lambda peer: None)
    peers = _peers.CompiledPeers()
    peers.build(["mypyc", "cython"])
    assert peers.function("mypyc", "fib") is None and peers.function("cython", "fib") is None
    assert "not installed" in peers.notes["mypyc"] and "Cython" in peers.notes["cython"]
    with pytest.raises(ValueError):
        peers.build(["pypy"])
    peers.close()


def test_best_peer_is_the_fastest_measured():
    bk = _bench_kernels()
    assert bk.best_peer({"ours": 0.1, "numba": 3.0, "cython": 2.0, "c": 2.5}) == ("cython", 2.0)
    name, seconds = bk.best_peer({"ours": 0.1})
    assert name == "" and seconds != seconds
    assert bk._agrees(1.0 + 1e-12, 1.0) and not bk._agrees(1.001, 1.0) and not bk._agrees(3, 4)


def test_compile_table_of_no_source_has_no_total():
    # `bench_kernels.py --only` with corpus rows alone compiles no kernel
    # source: the table is its header, not a division by zero.
    table = _bench_kernels().compile_table([])
    assert len(table) == 2 and "total" not in "".join(table)
    table = _bench_kernels().compile_table([(os.path.join(ROOT, "x.ml"), 1.0, 2.0, 3)])
    assert table[-1] == "| total | 3 | 1.00 ms | 2.00 ms | 0.50x |"
