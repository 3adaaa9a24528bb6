"""The extension calls Python callables (the Python fallback of a function,
a Program's own Python code for what its caches cannot answer) through
PyObject_Vectorcall where the running CPython exports it (3.11 and later),
else PyObject_VectorcallDict (3.10), else the general way, a tuple and a
dict (pybridge/vcall.c; MULTILINGUAL_NO_VECTORCALL=1 forces it). Both
ways must give the same answers and raise the same exceptions with the
same messages: tests/call_probe.py makes every kind of call, run once each
way, and the answers are compared with each other and with CPython's (the
generated Python functions called directly)."""

import json
import os
import subprocess
import sys

import pytest

from support import ROOT, needs_native

PROBE = os.path.join(ROOT, "tests", "call_probe.py")

#: The messages of the errors the probe provokes, as the general way (the
#: extension before PyObject_Vectorcall) raised them.
ERRORS = {
    "backend of a wrong type": ["ValueError",
                                "unknown backend 3: use Backend.AUTO, Backend.WASM or Backend.PYTHON"],
    "backend of a wrong name": ["ValueError", "unknown backend 'wasmtime': use Backend.AUTO, "
                                "Backend.WASM or Backend.PYTHON"],
    "unknown function": ["ValueError",
                         "program <source> has no function 'nope'; its functions are: add, many, label"],
    # Keywords other than backend= and timeout= go to the function.
    "unknown keyword": ["TypeError", "add() got an unexpected keyword argument 'bakend'"],
    "timeout on python": ["ValueError",
                          "timeout= applies to WebAssembly calls; 'add' would run in Python here"],
    "wrong argument type": ["TypeError", "add() argument 1 must be int, not str"],
    "add one argument WASM": ["TypeError", "add() missing 1 required positional argument: 'b'"],
    "add three arguments wasm": ["TypeError", "add() takes 2 positional arguments but 3 were given"],
    "descriptor given another object": ["TypeError", "descriptor 'call' for 'Program' objects "
                                        "doesn't apply to a 'int' object"],
    "descriptor given nothing": ["TypeError", "unbound method Program.call() needs an argument"],
}


def run_probe(vectorcall: bool, bound_call: str = "") -> dict:
    """tests/call_probe.py's report, run with PyObject_Vectorcall or without
    (and with MULTILINGUAL_BOUND_CALL=bound_call)."""
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    env.pop("MULTILINGUAL_NO_VECTORCALL", None)
    env["MULTILINGUAL_BOUND_CALL"] = bound_call
    if not vectorcall:
        env["MULTILINGUAL_NO_VECTORCALL"] = "1"
    r = subprocess.run([sys.executable, PROBE], env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def reports() -> dict:
    return {way: run_probe(way) for way in (True, False)}


#: The way the extension calls Python on each CPython the wheel supports.
WAYS = {(3, 10): "vectorcall-dict"}


@needs_native
def test_vectorcall_is_found_on_this_python():
    """Every CPython the wheel supports (3.10 and later) exports
    PyObject_Vectorcall or, 3.10, PyObject_VectorcallDict: the extension
    finds it unless told not to."""
    from multilingualprogramming import _native_loader
    if os.environ.get("MULTILINGUAL_NO_VECTORCALL", "") not in ("", "0"):
        assert _native_loader.native.CALL_WAY == "tuple"
    else:
        assert _native_loader.native.CALL_WAY == WAYS.get(sys.version_info[:2], "vectorcall")


@needs_native
def test_both_ways_report_which_they_took(reports):
    assert reports[True]["way"] == WAYS.get(sys.version_info[:2], "vectorcall")
    assert reports[False]["way"] == "tuple"


@needs_native
def test_both_ways_give_the_same_answers_and_errors(reports):
    assert reports[True]["rows"] == reports[False]["rows"]
    assert len(reports[True]["rows"]) == 2 * 51


@needs_native
def test_prog_call_bound_to_the_program_gives_the_same_rows(reports):
    """prog.call as a builtin bound to the program (an instance attribute,
    as on CPython 3.10: pybridge/dispatch.c, program_call_for) answers
    every row as the method descriptor does."""
    bound = run_probe(True, "1")
    assert bound["rows"] == reports[True]["rows"]


@needs_native
def test_answers_are_cpythons(reports):
    expected = reports[True]["expected"]
    assert "error" not in expected["add PYTHON"] and "error" in expected["add one argument PYTHON"]
    for name, got in reports[True]["rows"]:
        want = expected.get(name)
        if want is None:
            continue
        if "value" in want:
            assert got == want, name
        else:
            assert "error" in got and got["error"][0] == want["error"][0], (name, got, want)
            if name.lower().endswith("python"):
                assert got == want, name      # the Python function's own message


@needs_native
def test_keywords_bind_as_in_python(reports):
    """Keyword arguments reach the function by its parameters' names, on
    every backend, with the answer of the Python def."""
    rows = dict(reports[True]["rows"])
    for name in ("keyword to python", "keyword to wasm", "keyword to attribute"):
        assert rows[name] == {"value": "3"}, name
    assert rows["keyword to str function"] == {"value": repr("n=2")}


@needs_native
def test_errors_keep_their_messages(reports):
    rows = dict(reports[True]["rows"])
    for name, (kind, message) in ERRORS.items():
        got = rows[name]["error"]
        # CPython 3.13 adds "Did you mean ...?" to its own messages.
        assert got[0] == kind and got[1].startswith(message), (name, got)
