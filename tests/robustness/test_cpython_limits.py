"""Programs beyond what CPython can compile are refused at compile time
(issue "Reliability", item 3).

Every program also runs as generated Python. `return n + 1 + 1 ...` with
16,000 terms compiled, and then every Python or AUTO call raised
RecursionError from deep inside the package; more than 99 nested blocks
gave IndentationError, more than 20 nested loops "too many statically
nested blocks", and 2,000 elifs RecursionError, at the first call. The checker now enforces CPython's
limits: the error is a MultilingualSyntaxError at the user's line, in the
program's language, and every program within the limits runs in Python.
"""

import pytest

import multilingualprogramming as mp
from multilingualprogramming import MultilingualSyntaxError


def nested_ifs(n):
    out = "def f(n: int) -> int:\n"
    for i in range(n):
        out += "    " * (i + 1) + "if n > %d:\n" % i
    return out + "    " * (n + 1) + "n = n + 1\n    return n\n"


def nested_loops(n, head="for i%d in range(2):"):
    out = "def f(n: int) -> int:\n"
    for i in range(n):
        out += "    " * (i + 1) + (head % i if "%d" in head else head) + "\n"
    return out + "    " * (n + 1) + "n = n + 1\n    return n\n"


def elifs(n):
    return ("def f(n: int) -> int:\n    if n == 0:\n        return 0\n"
            + "".join("    elif n == %d:\n        return %d\n" % (i, i) for i in range(1, n + 1))
            + "    return -1\n")


def ret(expr):
    return "def f(n: int) -> int:\n    return %s\n" % expr


# (name, program within the limits, program beyond them, line of the error)
SHAPES = [
    ("indentation", nested_ifs(98), nested_ifs(99), 101),
    ("loops", nested_loops(20), nested_loops(21), 23),
    ("while", nested_loops(20, "while n < 0:"), nested_loops(21, "while n < 0:"), 23),
    ("elifs", elifs(449), elifs(2000), 902),
    ("chain", ret("n" + " + 1" * 490), ret("n" + " + 1" * 16000), 2),
    ("subscripts", "def f(n: list[int]) -> int:\n    return n" + "[0]" * 400 + "\n",
     "def f(n: list[int]) -> int:\n    return n" + "[0]" * 600 + "\n", 2),
    ("calls", ret("abs(" * 180 + "n" + ")" * 180), ret("abs(" * 181 + "n" + ")" * 181), 2),
    ("unary", ret("-" * 180 + "n"), ret("-" * 181 + "n"), 2),
    ("power", ret("n" + " ** 1" * 180), ret("n" + " ** 1" * 181), 2),
]


@pytest.mark.parametrize("name, ok, bad, line", SHAPES, ids=[s[0] for s in SHAPES])
def test_limits(name, ok, bad, line):
    prog = mp.compile_source(ok, language="en", filename="ok.multi")
    prog._compiled()  # CPython compiles the generated module
    if name not in ("subscripts",):
        assert prog.call("f", 1, backend="python") == prog.call("f", 1)
    with pytest.raises(MultilingualSyntaxError) as info:
        mp.compile_source(bad, language="en", filename="bad.multi")
    err = info.value
    assert (err.filename, err.lineno) == ("bad.multi", line)
    assert err.offset >= 1 and err.text and "^" in str(err)


def test_the_message_is_in_the_programs_language():
    src = "déf f(n: int) -> int:\n" + "".join(
        "    " * (i + 1) + "pour i%d dans intervalle(2):\n" % i for i in range(21)
    ) + "    " * 22 + "n = n + 1\n    retour n\n"
    with pytest.raises(MultilingualSyntaxError) as info:
        mp.compile_source(src, language="fr")
    assert "trop de blocs imbriqués" in info.value.msg
    assert info.value.lineno == 23
