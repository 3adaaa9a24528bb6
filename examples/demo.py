"""The guide's French example: compiled once, run on WebAssembly and on Python."""

import os
import time

import multilingualprogramming as mp

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, (time.perf_counter() - start) * 1e3


def main() -> None:
    path = os.path.join(HERE, "myfunction.ml")
    prog = mp.compile_file(path)
    print("compiled %s: language %s (%s)" % (
        os.path.basename(path), prog.language,
        "detected" if prog.language_detected else "given"))
    for info in prog.functions.values():
        print("  %s%s -> %s: %s" % (info.name, "(" + ", ".join("%s: %s" % p for p in info.params) + ")",
                                    info.result,
                                    "WebAssembly" if info.compilable else "Python only (%s)" % info.reason))
    n = 1000
    wasm_value, wasm_ms = timed(prog.expensive_operation, n)
    print("expensive_operation(%d) = %d  [%s, %s, %.1f ms]" % (
        n, wasm_value, prog.last_report.get("backend"), prog.last_report.get("reason"), wasm_ms))
    py_value, py_ms = timed(lambda: prog.call("expensive_operation", n, backend=mp.Backend.PYTHON))
    print("expensive_operation(%d) = %d  [%s, %s, %.1f ms]" % (
        n, py_value, prog.last_report.get("backend"), prog.last_report.get("reason"), py_ms))
    assert wasm_value == py_value, "backends disagree: %r != %r" % (wasm_value, py_value)
    print("same result on both backends; WebAssembly was %.0fx faster" % (py_ms / wasm_ms))


if __name__ == "__main__":
    main()
