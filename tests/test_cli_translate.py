"""``multilingual translate FILE --to CODE``: a program printed in another
language reads back as the same program (the same tree, the same
results), run as users run it (the real command in a subprocess)."""

import ast
import os

import pytest

from support import ROOT, needs_native
from test_cli import cli, one_line_error, write

CORPUS = os.path.join(ROOT, "python", "multilingualprogramming", "corpus")
MATRIX_FR = os.path.join(CORPUS, "matrix", "matrix.fr.multi")

# A program that prints, with comments, a non-ASCII name and a name that is
# a keyword in Japanese once translated (none here: checked below).
PROGRAM = """\
# language: fr
# Les carrés et une somme.
déf carré(n: entier) -> entier:
    retour n * n  # le carré

déf somme_jusqua(limite):
    total = 0
    pour i dans intervalle(limite):
        si i % 2 == 0:
            total += carré(i)
        sinon:
            total -= i
    retour total

données = [carré(x) pour x dans intervalle(5)]
afficher(données, somme_jusqua(10), f"{carré(7)=}")
"""


def squares_expected():
    """What CPython prints for PROGRAM's last line."""
    def carré(n):
        return n * n
    total = 0
    for i in range(10):
        if i % 2 == 0:
            total += carré(i)
        else:
            total -= i
    return "%s %s carré(7)=%d\n" % ([carré(x) for x in range(5)], total, carré(7))


def tree_of(tmp_path, path):
    """CPython's dump of the Python module a program becomes, without the
    bookkeeping that names its language and maps its lines and columns."""
    r = cli(tmp_path, "compile", str(path))
    assert r.returncode == 0, r.stderr
    module = ast.parse(r.stdout)
    module.body = [s for s in module.body if not (
        isinstance(s, ast.Assign) and isinstance(s.targets[0], ast.Name)
        and s.targets[0].id in ("__ml_language__", "__ml_lines__", "__ml_cols__"))]
    return ast.dump(module)


@needs_native
def test_translate_prints_and_round_trips(tmp_path):
    src = write(tmp_path / "carres.multi", PROGRAM)
    r = cli(tmp_path, "translate", str(src), "--to", "ja")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# language: ja\n")
    assert "def " not in r.stdout and "déf" not in r.stdout
    assert "carré" in r.stdout and "données" in r.stdout
    # Two comments, the header apart: said on stderr, not in the text.
    assert r.stderr == ("multilingual: note: 2 comments of %s are not kept (the printer works "
                        "from the program's tree)\n" % src)
    ja = write(tmp_path / "carres.ja.multi", r.stdout)
    back_r = cli(tmp_path, "translate", str(ja), "-t", "fr", "-o", str(tmp_path / "back.fr.multi"))
    assert back_r.returncode == 0 and back_r.stdout == "" and back_r.stderr == "", back_r.stderr
    back = tmp_path / "back.fr.multi"
    for path in (src, ja, back):
        run = cli(tmp_path, str(path))
        assert run.returncode == 0, run.stderr
        assert run.stdout == squares_expected(), path
    assert tree_of(tmp_path, ja) == tree_of(tmp_path, src) == tree_of(tmp_path, back)


@needs_native
@pytest.mark.parametrize("to", ["ja", "ar", "hi", "en"])
def test_corpus_program_to_another_language_and_back(tmp_path, to):
    r = cli(tmp_path, "translate", MATRIX_FR, "--to", to)
    assert r.returncode == 0, r.stderr
    there = write(tmp_path / ("matrix.%s.multi" % to), r.stdout)
    r = cli(tmp_path, "translate", str(there), "--to", "fr")
    assert r.returncode == 0, r.stderr
    back = write(tmp_path / "matrix.back.multi", r.stdout)
    assert tree_of(tmp_path, there) == tree_of(tmp_path, MATRIX_FR) == tree_of(tmp_path, back)
    # The same results: the functions called on the same inputs.
    calls = ("afficher(multiplier([[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]))\n"
             "afficher(determinant([[2.0, 1.0, 3.0], [0.0, 4.0, 1.0], [5.0, 2.0, 0.0]]))\n"
             "afficher(somme_produit(7), determinant_motif(4))\n")
    outputs = []
    for path in (MATRIX_FR, back):
        with open(path, encoding="utf-8") as f:
            prog = write(tmp_path / "run" / os.path.basename(str(path)), f.read() + "\n" + calls)
        run = cli(tmp_path, str(prog))
        assert run.returncode == 0, run.stderr
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    # The program's own main part prints first; the three calls added
    # above print the last three lines.
    assert outputs[0].splitlines()[-3:-1] == ["[[19.0, 22.0], [43.0, 50.0]]", "%r" % (
        2.0 * (4.0 * 0.0 - 1.0 * 2.0) - 1.0 * (0.0 * 0.0 - 1.0 * 5.0) + 3.0 * (0.0 * 2.0 - 4.0 * 5.0))]


@needs_native
def test_translate_renames_a_name_that_is_a_keyword_there(tmp_path):
    # "i" is Danish's "in": the loop variable must change its spelling.
    src = write(tmp_path / "boucle.multi", "pour i dans intervalle(3):\n    afficher(i * 2)\n")
    r = cli(tmp_path, "translate", str(src), "--to", "da")
    assert r.returncode == 0
    assert r.stderr == "multilingual: note: i is renamed i_ (it would read as a word of da)\n"
    da = write(tmp_path / "boucle.da.multi", r.stdout)
    run = cli(tmp_path, str(da))
    assert run.stdout == "0\n2\n4\n", run.stderr


@needs_native
def test_translate_errors(tmp_path):
    bad = write(tmp_path / "bad.multi", "déf f(:\n    retour 1\n")
    r = cli(tmp_path, "translate", str(bad), "-l", "fr", "--to", "en")
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.startswith("%s:1:" % bad)
    one_line_error(cli(tmp_path, "translate", str(bad), "--to", "xx"), "unknown language 'xx'")
    one_line_error(cli(tmp_path, "translate", str(tmp_path / "none.multi"), "--to", "en"),
                   "no such file")
    r = cli(tmp_path, "translate", str(bad))
    assert r.returncode == 2 and "--to" in r.stderr


@needs_native
def test_translate_standard_input(tmp_path):
    r = cli(tmp_path, "translate", "-", "--to", "de", stdin="pour k dans intervalle(2):\n    afficher(k)\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "# language: de\nfür k in bereich(2):\n    ausgeben(k)\n"


def test_translate_without_the_extension(tmp_path):
    src = write(tmp_path / "p.multi", PROGRAM)
    r = cli(tmp_path, "translate", str(src), "--to", "ja", MULTILINGUAL_NO_NATIVE="1")
    one_line_error(r, "translating a program needs the native extension")
    assert r.returncode == 1


def test_translate_api_without_the_extension(monkeypatch):
    from multilingualprogramming import _native_loader
    from multilingualprogramming._errors import NativeUnavailableError
    from multilingualprogramming._translate import translate_source
    monkeypatch.setattr(_native_loader, "native", None)
    with pytest.raises(NativeUnavailableError):
        translate_source("x = 1\n", "fr")
    with pytest.raises(TypeError):
        translate_source(b"x = 1\n", "fr")  # type: ignore[arg-type]
