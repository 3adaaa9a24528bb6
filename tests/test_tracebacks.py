"""Tracebacks of running programs quote the user's own line and put
CPython 3.11's carets under the user's own failing expression, in the
user's text (their language, their identifiers, their word order), not
under the generated Python's.

The oracle is CPython itself: where the user's line is valid Python text
(a French line without keywords is), the same line run by CPython gives
the caret line ours must equal."""

import linecache
import os
import sys
import traceback

import pytest

import multilingualprogramming as mp
from support import needs_native
from test_cli import cli, write

pytestmark = [needs_native, pytest.mark.skipif(sys.version_info < (3, 11),
                                               reason="carets are CPython 3.11's")]


def failing(prog):
    """format_exc() of the exception prog.run() raises."""
    try:
        prog.run(backend="python")
    except Exception:
        return traceback.format_exc()
    raise AssertionError("the program did not fail")


def quoted(tb, line_text):
    """The caret line printed under the quoted line_text (stripped), or None."""
    lines = tb.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == line_text.strip() and line.startswith("    "):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            return nxt if set(nxt.strip()) <= set("^~") and nxt.strip() else None
    raise AssertionError("%r not quoted in:\n%s" % (line_text, tb))


def oracle(definitions, line_text, call):
    """CPython's caret line for line_text inside a function of its own."""
    src = definitions + "def f():\n" + line_text + "\n" + call
    linecache.cache["<oracle>"] = (len(src), None, src.splitlines(True), "<oracle>")
    try:
        exec(compile(src, "<oracle>", "exec"), {})
    except Exception:
        return quoted(traceback.format_exc(), line_text)
    raise AssertionError("the oracle did not fail")


def test_division_in_a_french_function():
    line = "    résultat = longueur([a, b]) + a / b"
    src = "déf diviser(a, b):\n%s\n    retour résultat\n\nafficher(diviser(1, 0))\n" % line
    tb = failing(mp.compile_source(src, language="fr", filename="div.multi"))
    assert 'File "div.multi", line 2, in diviser' in tb
    carets = quoted(tb, line)
    # The same line where CPython reads it: longueur is len.
    want = oracle("longueur = len\na, b = 1, 0\n", line, "f()\n")
    assert carets == want, tb
    start = line.index("a / b")
    assert carets == " " * start + "~~^~~"
    # The call on the top-level line: under diviser(1, 0), not afficher(...).
    call = quoted(tb, "afficher(diviser(1, 0))")
    assert call == "    " + " " * len("afficher(") + "^" * len("diviser(1, 0)")


def test_generated_text_longer_and_shorter_than_the_users():
    # German: laenge(x) is len(x) (shorter in the generated text), and the program's own name
    # "print" is renamed in the generated text (print_ml1), so every column
    # after it moves: the carets must not.
    line = "    ergebnis = laenge(xs) + print[laenge(xs) + 5]"
    src = ("def f(xs, print):\n%s\n    rückgabe ergebnis\n\n"
           "ausgeben(f([1, 2], [0]))\n" % line)
    prog = mp.compile_source(src, language="de", filename="lang.multi")
    assert "print_ml1[len(xs) + 5]" in prog.python_source
    tb = failing(prog)
    carets = quoted(tb, line)
    want = oracle("laenge = len\nxs, print = [1, 2], [0]\n", line, "f()\n")
    assert carets == want, tb
    assert carets.index("~") == line.index("print[")


def test_subscript_and_name_errors():
    src = ("déf déjà_vu(données):\n"
           "    retour données[\"clé_absente\"] + 1\n\n"
           "afficher(déjà_vu({\"é\": 1}))\n")
    tb = failing(mp.compile_source(src, language="fr", filename="k.multi"))
    assert tb.rstrip().endswith("KeyError: 'clé_absente'")
    line = '    retour données["clé_absente"] + 1'
    carets = quoted(tb, line)
    assert carets == oracle('données = {"é": 1}\n', '    return données["clé_absente"] + 1', "f()\n")

    src = "x = 1\nafficher(x + inconnu_é)\n"
    tb = failing(mp.compile_source(src, language="fr", filename="n.multi"))
    assert "NameError" in tb
    carets = quoted(tb, "afficher(x + inconnu_é)")
    assert carets.strip() == "^" * len("inconnu_é")
    assert carets.index("^") == 4 + len("afficher(x + ")


def test_natural_word_order():
    # Japanese: the condition comes before もし; 10 // x fails for x == 0.
    line = "    10 // x > 0 もし:"
    src = "xs = [1, 0]\nxs 内の 各 x に対して:\n%s\n        表示(x)\n" % line
    tb = failing(mp.compile_source(src, language="ja", filename="ja.multi"))
    assert "ZeroDivisionError" in tb
    carets = quoted(tb, line)
    assert carets == " " * line.index("10 // x") + "~~~^^~~"
    assert carets == oracle("x = 0\n", "    10 // x > 0", "f()\n")


def test_expression_over_several_lines():
    src = ("déf f(a, b):\n"
           "    retour [\n"
           "        a,\n"
           "        a // b,\n"
           "    ]\n\n"
           "afficher(f(1, 0))\n")
    tb = failing(mp.compile_source(src, language="fr", filename="m.multi"))
    assert 'File "m.multi", line 4, in f' in tb
    carets = quoted(tb, "        a // b,")
    # The traceback quotes the line without its indentation.
    assert carets == "    ~~^^~~"


def test_carets_come_from_the_disk_cache_too(tmp_path):
    prog = write(tmp_path / "div.multi",
                 "déf diviser(a, b):\n    retour longueur([a]) + a / b\n\nafficher(diviser(1, 0))\n")
    first = cli(tmp_path, str(prog))
    second = cli(tmp_path, str(prog))   # from the cache: no compiler
    assert first.returncode == second.returncode == 1
    assert first.stderr == second.stderr
    assert quoted(second.stderr, "    retour longueur([a]) + a / b") == " " * len(
        "    retour longueur([a]) + ") + "~~^~~"
    assert os.listdir(tmp_path / "cache" / "programs")


def test_without_the_source_text_no_carets_but_lines():
    prog = mp.compile_source("déf f(a):\n    retour 1 / a\n\nafficher(f(0))\n", language="fr",
                             filename="<nosrc>")
    art = prog.artifact()
    art.pop("source", None)
    again = mp.Program(art, "<nosrc2>")
    tb = failing(again)
    assert 'File "<nosrc2>", line 2, in f' in tb
    assert "^" not in tb and "~" not in tb
