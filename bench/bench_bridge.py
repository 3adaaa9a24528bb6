"""Figures for the bridge (python bench/bench_bridge.py).

Per-call cost from Python of noop() and add(2, 3) through the native fast
path (module.function), through WasmModule.call, with and without releasing
the GIL; a plain Python function, ctypes' labs and a Numba njit add (when
Numba is installed) for comparison; a 1 MiB buffer round trip; two threads
running a CPU-bound WebAssembly function against one; and the load time of a
400-function module in a first process (compile) and a second one (disk
cache). Everything runs in one invocation so that the figures compare.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import subprocess
import sys
import tempfile
import threading
import time
import timeit

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "python"))

from multilingualprogramming import _native_loader  # noqa: E402
from multilingualprogramming.wasm.loader import WasmModule  # noqa: E402

# A tiny module written as bytes so that the script needs no assembler:
# (module (memory (export "memory") 17)
#   (func (export "noop"))
#   (func (export "add") (param i64 i64) (result i64) local.get 0 local.get 1 i64.add)
#   (func (export "count") (param i64) (result i64) (local i64)
#     (loop local.get 1 local.get 0 i64.add local.set 1
#           local.get 0 i64.const 1 i64.sub local.tee 0 i64.const 0 i64.gt_s br_if 0)
#     local.get 1))


def leb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def section(sid, body):
    return bytes([sid]) + leb(len(body)) + body


def vec(items):
    return leb(len(items)) + b"".join(items)


def name(s):
    return leb(len(s)) + s.encode()


def module(funcs, memory_pages=17):
    """funcs: [(export name, params, results, locals, code bytes)]; types i64."""
    I64 = b"\x7e"
    types = [b"\x60" + vec([I64] * p) + vec([I64] * r) for _, p, r, _, _ in funcs]
    body = b"\x00asm\x01\x00\x00\x00"
    body += section(1, vec(types))
    body += section(3, vec([leb(i) for i in range(len(funcs))]))
    body += section(5, vec([b"\x00" + leb(memory_pages)]))
    exports = [name("memory") + b"\x02\x00"]
    exports += [name(n) + b"\x00" + leb(i) for i, (n, _, _, _, _) in enumerate(funcs)]
    body += section(7, vec(exports))
    codes = []
    for _, _, _, nlocals, code in funcs:
        locals_ = vec([leb(nlocals) + I64]) if nlocals else vec([])
        fb = locals_ + code + b"\x0b"
        codes.append(leb(len(fb)) + fb)
    body += section(10, vec(codes))
    return body


LOOP = (b"\x03\x40" + b"\x20\x01\x20\x00\x7c\x21\x01" + b"\x20\x00\x42\x01\x7d\x22\x00"
        + b"\x42\x00\x55\x0d\x00" + b"\x0b" + b"\x20\x01")
TINY = module([("noop", 0, 0, 0, b""), ("add", 2, 1, 0, b"\x20\x00\x20\x01\x7c"),
               ("count", 1, 1, 1, LOOP)])


def many(n):
    return module([("f%d" % i, 1, 1, 0, b"\x20\x00\x42" + leb(i + 1) + b"\x7e\x42\x03\x7c")
                   for i in range(n)], memory_pages=1)


def per_call_us(stmt, globs, number=1_000_000, repeat=5):
    t = timeit.Timer(stmt, globals=globs)
    return min(t.repeat(repeat=repeat, number=number)) / number * 1e6


def row(label, value, unit="µs"):
    print("  %-44s %10.3f %s" % (label, value, unit))


def calls(native):
    print("per call:")
    wm = WasmModule.from_bytes(TINY)
    m = wm.instantiate()._instance()
    noop, add = m.function("noop"), m.function("add")
    add_held = m.function("add", release_gil=False)
    noop_held = m.function("noop", release_gil=False)
    globs = {"noop": noop, "add": add, "wm": wm, "add_held": add_held, "noop_held": noop_held}
    row("noop() via module.function", per_call_us("noop()", globs))
    row("noop() via module.function, GIL kept", per_call_us("noop_held()", globs))
    row("add(2, 3) via module.function", per_call_us("add(2, 3)", globs))
    row("add(2, 3) via module.function, GIL kept", per_call_us("add_held(2, 3)", globs))
    row('WasmModule.call("add", 2, 3)', per_call_us('wm.call("add", 2, 3)', globs))

    def py_add(a, b):
        return a + b
    row("plain Python add(2, 3)", per_call_us("py_add(2, 3)", {"py_add": py_add}))
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.labs.argtypes, libc.labs.restype = [ctypes.c_long], ctypes.c_long
    row("ctypes libc labs(-3)", per_call_us("labs(-3)", {"labs": libc.labs}, number=300_000))
    try:
        import numba

        @numba.njit(cache=False)
        def nb_add(a, b):
            return a + b
        nb_add(2, 3)
        row("Numba njit add(2, 3)", per_call_us("nb_add(2, 3)", {"nb_add": nb_add}))
    except ImportError:
        print("  Numba not installed")
    return wm


def buffers(wm):
    print("1 MiB round trip (write, then read back):")
    data = os.urandom(1 << 20)
    ba = bytearray(1 << 20)
    t = min(timeit.repeat(lambda: (wm.write_memory(0, data), wm.get_memory_buffer(0, len(data))),
                          number=200, repeat=5)) / 200
    row("bytes in, bytes out", (2 << 20) / t / 1e6, "MB/s")
    t = min(timeit.repeat(lambda: (wm.write_memory(0, ba), wm.read_memory_into(0, ba)),
                          number=200, repeat=5)) / 200
    row("bytearray in, read_memory_into bytearray", (2 << 20) / t / 1e6, "MB/s")
    try:
        import numpy as np
        arr = np.frombuffer(data, dtype=np.uint8).copy()
        t = min(timeit.repeat(lambda: (wm.write_memory(0, arr), wm.read_memory_into(0, arr)),
                              number=200, repeat=5)) / 200
        row("NumPy array in and out", (2 << 20) / t / 1e6, "MB/s")
    except ImportError:
        pass


def threads(wm):
    print("threads (count(2e8) each, %d CPUs):" % (os.cpu_count() or 1))
    count = wm.function("count")
    n = 200_000_000
    count(1000)
    start = time.perf_counter()
    count(n)
    one = time.perf_counter() - start
    ts = [threading.Thread(target=count, args=(n,)) for _ in range(2)]
    start = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    two = time.perf_counter() - start
    row("one call", one * 1e3, "ms")
    row("two calls on two threads", two * 1e3, "ms")
    row("ratio (2.0 = serial, 1.0 = perfect)", two / one, "")


def loads():
    print("load of a 400-function module, fresh processes:")
    code = ("import sys, time\nt = time.perf_counter()\n"
            "import multilingualprogramming._native as n\n"
            "m = n.Module(open(sys.argv[1], 'rb').read())\n"
            "print(m.load_info['source'], m.load_info['ms'])\n")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "many.wasm")
        with open(path, "wb") as f:
            f.write(many(400))
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"),
                   MULTILINGUAL_CACHE_DIR=os.path.join(tmp, "cache"))
        ms = []
        for label in ("first process", "second process"):
            out = subprocess.run([sys.executable, "-c", code, path], env=env, check=True,
                                 capture_output=True, text=True).stdout.split()
            ms.append(float(out[1]))
            row("%s (%s)" % (label, out[0]), ms[-1], "ms")
        row("ratio (first / second)", ms[0] / ms[1], "x")


def main():
    native = _native_loader.native
    if native is None:
        sys.exit("the native extension is not available: %s" % _native_loader.native_reason)
    print("Python %s, %s" % (sys.version.split()[0], native.__name__))
    wm = calls(native)
    buffers(wm)
    threads(wm)
    loads()


if __name__ == "__main__":
    main()
