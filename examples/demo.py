"""The guide's French example: built once, then run through the backend selector.

1. compile examples/myfunction.multi (language detected) and write the build
   artifacts (.wasm, Python fallback, manifest) as `multilingual build` does;
2. register the .wasm and the generated Python fallback with the selector;
3. call expensive_operation(1000) on AUTO (WebAssembly) and on PYTHON, and
   print both results and the backend that ran each.
"""

import os
import tempfile
import time

import multilingualprogramming as mp
from multilingualprogramming.cli import main as cli_main
from multilingualprogramming.runtime.backend_selector import (
    Backend,
    BackendRegistry,
    BackendSelector,
)

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, (time.perf_counter() - start) * 1e3


def main() -> None:
    source = os.path.join(HERE, "myfunction.multi")
    prog = mp.compile_file(source)
    print("compiled %s: language %s (%s)" % (
        os.path.basename(source), prog.language,
        "detected" if prog.language_detected else "given"))
    for info in prog.functions.values():
        params = ", ".join("%s: %s" % p for p in info.params)
        where = "WebAssembly" if info.compilable else "Python only (%s)" % info.reason
        print("  %s(%s) -> %s: %s" % (info.name, params, info.result, where))

    with tempfile.TemporaryDirectory() as out:
        assert cli_main(["build", source, "-o", out]) == 0
        registry = BackendRegistry(private=True)
        registry.register_wasm("expensive_operation", os.path.join(out, "myfunction.wasm"))
        registry.register_python("expensive_operation", prog.python_function("expensive_operation"))

        n = 1000
        results = []
        for backend in (Backend.AUTO, Backend.PYTHON):
            selector = BackendSelector(prefer_backend=backend, registry=registry)
            first, first_ms = timed(selector.call_function, "expensive_operation", n)
            value, ms = timed(selector.call_function, "expensive_operation", n)
            assert first == value
            report = selector.get_last_call_report()
            print("selector(%s): expensive_operation(%d) = %d  [backend %s, reason %s, %.1f ms; "
                  "first call, loading included: %.1f ms]" % (
                      backend.value, n, value, report["backend"], report["reason"], ms, first_ms))
            results.append((value, ms))
    (wasm_value, wasm_ms), (py_value, py_ms) = results
    assert wasm_value == py_value, "backends disagree: %r != %r" % (wasm_value, py_value)
    print("same result on both backends; WebAssembly was %.0fx faster than the Python fallback"
          % (py_ms / wasm_ms))


if __name__ == "__main__":
    main()
