"""Every way of calling a Program's function, each outcome printed as JSON
(python tests/call_probe.py): a value, or an exception's type and message.

tests/test_vectorcall.py and the wheel's smoke test (tests/wheel/smoke.py,
on CPython 3.10 to 3.13) run it twice, with the extension calling Python
through PyObject_Vectorcall (PyObject_VectorcallDict on 3.10) and with
MULTILINGUAL_NO_VECTORCALL=1 (a tuple and a dict, the general way), and
compare the two outputs with each other and with CPython's own answers
(expected()).
"""

import json
import sys

import multilingualprogramming as mp

SOURCE = """\
def add(a: int, b: int) -> int:
    return a + b

def many(a: int, b: int, c: int, d: int, e: int, f: int, g: int, h: int) -> int:
    return a - b + c - d + e - f + g - h

def label(n: int) -> str:
    return "n=" + str(n)
"""

BACKENDS = ["AUTO", "WASM", "PYTHON", "auto", "wasm", "python"]


def backend_of(spelling):
    """The Backend member, or the str, a spelling stands for."""
    return getattr(mp.Backend, spelling) if spelling.isupper() else spelling


def cases(prog, add, many, label):
    """(label, thunk) for every call the probe makes: prog is a Program,
    or None for CPython's own answers, where add, many and label are the
    plain Python functions and each call runs them instead."""
    def call(name, *args, **kwargs):
        if prog is None:
            kwargs.pop("backend", None)
            kwargs.pop("timeout", None)
            return {"add": add, "many": many, "label": label}[name](*args, **kwargs)
        return prog.call(name, *args, **kwargs)

    def attr(name):
        return {"add": add, "many": many, "label": label}[name] if prog is None else getattr(prog, name)

    out = []
    for spelling in BACKENDS:
        backend = backend_of(spelling)
        out += [
            ("add %s" % spelling, lambda b=backend: call("add", 2, 3, backend=b)),
            ("add big %s" % spelling, lambda b=backend: call("add", 2 ** 40, -7, backend=b)),
            ("many %s" % spelling, lambda b=backend: call("many", 1, 2, 3, 4, 5, 6, 7, 8, backend=b)),
            ("add one argument %s" % spelling, lambda b=backend: call("add", 1, backend=b)),
            ("add three arguments %s" % spelling, lambda b=backend: call("add", 1, 2, 3, backend=b)),
        ]
    out += [
        ("attribute", lambda: attr("add")(40, 2)),
        ("attribute overflow", lambda: attr("add")(2 ** 62, 2 ** 62)),
        ("attribute beyond 64 bits", lambda: attr("add")(2 ** 70, 1)),
        ("attribute many", lambda: attr("many")(8, 7, 6, 5, 4, 3, 2, 1)),
        ("attribute str", lambda: attr("label")(7)),
        ("call str", lambda: call("label", 8)),
        ("call with timeout None", lambda: call("add", 1, 2, backend="wasm", timeout=None)),
    ]
    if prog is not None:
        out += [
            ("keyword to python", lambda: prog.call("add", 1, b=2, backend=mp.Backend.PYTHON)),
            ("keyword to wasm", lambda: prog.call("add", 1, b=2, backend="wasm")),
            ("keyword to attribute", lambda: prog.add(1, b=2)),
            ("keyword to str function", lambda: prog.label(n=2)),
            ("backend of a wrong type", lambda: prog.call("add", 1, 2, backend=3)),
            ("backend of a wrong name", lambda: prog.call("add", 1, 2, backend="wasmtime")),
            ("unknown function", lambda: prog.call("nope", 1)),
            ("unknown keyword", lambda: prog.call("add", 1, 2, bakend="wasm")),
            ("timeout on python", lambda: prog.call("add", 1, 2, backend="python", timeout=1)),
            ("wrong argument type", lambda: prog.call("add", "1", 2, backend="wasm")),
            # The method descriptor called from its class, with keywords: its
            # vectorcall (pybridge/dispatch.c) serves the program of its own
            # class and leaves the other cases to CPython's.
            ("descriptor of the class", lambda: type(prog).call(prog, "add", 2, 3, backend="wasm")),
            ("descriptor of the base class",
             lambda: mp.Program.call(prog, "add", 2, 3, backend=mp.Backend.PYTHON)),
            ("descriptor given another object",
             lambda: type(prog).call(3, "add", 2, 3, backend="wasm")),
            ("descriptor given nothing", lambda: type(prog).call(backend="wasm")),
        ]
    return out


def outcome(thunk):
    """The value of thunk(), or its exception as [type name, message]."""
    try:
        return {"value": repr(thunk())}
    except Exception as exc:  # the outcome is what the probe reports
        return {"error": [type(exc).__name__, str(exc)]}


def probe():
    """Every case's outcome, twice over (the first calls prepare, the
    second ones take the dispatchers' cached paths)."""
    prog = mp.compile_source(SOURCE, language="en")
    rows = []
    for _ in range(2):
        rows += [[name, outcome(thunk)] for name, thunk in cases(prog, None, None, None)]
    return rows


def expected():
    """CPython's answers to the cases it can answer: each function's
    generated Python code, called directly, by the case's name."""
    prog = mp.compile_source(SOURCE, language="en")
    fns = [prog.python_function(n) for n in ("add", "many", "label")]
    return {name: outcome(thunk) for name, thunk in cases(None, *fns)}


if __name__ == "__main__":
    from multilingualprogramming import _native_loader

    native = _native_loader.native
    json.dump({"way": None if native is None else getattr(native, "CALL_WAY", "tuple"),
               "rows": probe(), "expected": expected()}, sys.stdout)
