"""@mp.jit against numba.njit on the kernels of bench_kernels.py.

Each kernel of core/wasmgen/testdata/bench (English, so Python) is written
into two modules of its own that differ only in the decorator:
``@mp.jit`` or ``@numba.njit``. For each one the benchmark measures

* the first call, in a fresh process (the package and Numba already
  imported): compiling included. mp.jit is measured with an empty cache
  directory (its compiler, and Wasmtime's machine code), then again in a
  second process with the cache that the first one filled; Numba caches
  nothing on disk by default;
* the time per call after that, best of rounds that take the two in turn.

    python bench/bench_jit.py [--out FILE.md]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import timeit
import warnings
from typing import Any, Callable, Dict, List, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KERNELS = os.path.join(ROOT, "core", "wasmgen", "testdata", "bench")

# name, argument (bench_kernels.py's)
CASES: List[Tuple[str, int]] = [("fib", 30), ("loops", 3000), ("matmul", 200), ("sieve", 1000000),
                                ("expensive", 1000)]

HEADERS = {"mp": "import multilingualprogramming as mp\n\n\n@mp.jit\n",
           "numba": "import numba\n\n\n@numba.njit\n"}


def write_module(folder: str, kind: str, name: str) -> str:
    """The kernel ``name`` under decorator ``kind`` as a module file in folder; its path."""
    with open(os.path.join(KERNELS, name + ".en.ml"), encoding="utf-8") as f:
        text = f.read()
    path = os.path.join(folder, "%s_%s.py" % (kind, name))
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADERS[kind] + text)
    return path


def load(path: str) -> Any:
    import importlib.util
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def first_call(kind: str, path: str, name: str, arg: int) -> None:
    """In a child process: print the first call's time and value as JSON."""
    if kind == "mp":
        import multilingualprogramming  # noqa: F401
        from multilingualprogramming import _native_loader  # noqa: F401
    else:
        import numba  # noqa: F401
    fn = getattr(load(path), name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        value = fn(arg)
        seconds = time.perf_counter() - start
    extra = {}
    if kind == "mp":
        extra["backend"] = fn.report["backend"]
    print(json.dumps({"seconds": seconds, "value": repr(value), **extra}))


def child(kind: str, path: str, name: str, arg: int, cache: str) -> Dict[str, Any]:
    env = dict(os.environ, MULTILINGUAL_CACHE_DIR=cache,
               PYTHONPATH=os.pathsep.join([os.path.join(ROOT, "python"), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, __file__, "--first", kind, path, name, str(arg)],
                         capture_output=True, text=True, env=env, check=True)
    result: Dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def best_of(fn: Callable[[], Any], budget: float = 0.3) -> float:
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    number = max(1, int(budget / max(once, 1e-6) / 3))
    return min(once, min(timeit.repeat(fn, number=number, repeat=3)) / number)


def main(argv: List[str]) -> None:
    if argv[:1] == ["--first"]:
        first_call(argv[1], argv[2], argv[3], int(argv[4]))
        return
    out = None
    if len(argv) == 2 and argv[0] == "--out":
        out = argv[1]
    elif argv:
        sys.exit("usage: bench_jit.py [--out FILE.md]")
    from multilingualprogramming import _native_loader
    if _native_loader.native is None:
        sys.exit("the native extension is not available: %s" % _native_loader.native_reason)
    warnings.simplefilter("ignore")   # Numba's reflected lists
    folder = tempfile.mkdtemp(prefix="bench_jit_")
    print("kernel      arg   mp.jit/call   njit/call  ratio   mp.jit 1st (cold)  (warm)   njit 1st")
    md = ["| kernel | argument | @mp.jit per call | @numba.njit per call | mp.jit / njit "
          "| first call, mp.jit (empty cache) | first call, mp.jit (cache filled) "
          "| first call, njit |", "|---|---|---|---|---|---|---|---|"]
    for name, arg in CASES:
        paths = {kind: write_module(folder, kind, name) for kind in HEADERS}
        cache = tempfile.mkdtemp(prefix="cache_", dir=folder)
        cold = child("mp", paths["mp"], name, arg, cache)
        warm = child("mp", paths["mp"], name, arg, cache)
        nb_first = child("numba", paths["numba"], name, arg, cache)
        if not cold["value"] == warm["value"] == nb_first["value"]:
            raise AssertionError("%s: %r %r %r" % (name, cold, warm, nb_first))
        if cold["backend"] != "wasm":
            raise AssertionError("%s does not run on WebAssembly" % name)
        fns = {kind: getattr(load(path), name) for kind, path in paths.items()}
        for fn in fns.values():
            fn(arg)
        times: Dict[str, float] = {}
        for _ in range(5):
            for kind, fn in fns.items():
                t = best_of(lambda: fn(arg))
                times[kind] = min(times.get(kind, t), t)
        row = (name, arg, times["mp"] * 1e3, times["numba"] * 1e3, times["mp"] / times["numba"],
               cold["seconds"] * 1e3, warm["seconds"] * 1e3, nb_first["seconds"] * 1e3)
        print("%-9s %7d %10.3f ms %8.3f ms %5.2fx %12.1f ms %9.1f ms %8.1f ms" % row)
        md.append("| %s | %d | %.3f ms | %.3f ms | %.2fx | %.1f ms | %.1f ms | %.1f ms |" % row)
    if out is not None:
        load_avg = " ".join("%.2f" % x for x in os.getloadavg())
        with open(out, "w", encoding="utf-8") as f:
            f.write("# @mp.jit against @numba.njit\n\n")
            f.write("Written by `bench/bench_jit.py --out %s` on %s UTC (load average %s).\n\n"
                    % (out, time.strftime("%Y-%m-%d %H:%M", time.gmtime()), load_avg))
            f.write("The kernels of bench_kernels.py, the same code under either decorator. A "
                    "call's time is the best of five rounds that take the two in turn; a first "
                    "call runs in a fresh process and includes compiling.\n\n")
            f.write("\n".join(md) + "\n")
        print("wrote %s" % out)


if __name__ == "__main__":
    main(sys.argv[1:])
