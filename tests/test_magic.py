"""The %%multilingual cell magic, run by IPython itself (skipped without IPython)."""

import os
import subprocess
import sys
import types

import pytest

import multilingualprogramming as mp
from multilingualprogramming import _translate
from multilingualprogramming.cli import LANGUAGES
from support import HAVE_NATIVE, ROOT, needs_native

IPython = pytest.importorskip("IPython")
from IPython.core.error import UsageError  # noqa: E402
from IPython.core.interactiveshell import InteractiveShell  # noqa: E402

PROGRAM_EN = """\
def collatz(n: int) -> int:
    steps = 0
    while n > 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps = steps + 1
    return steps

total = 0
for k in range(1, 30):
    total = total + collatz(k)
total
"""


def collatz(n):
    steps = 0
    while n > 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


@pytest.fixture(scope="module")
def shell():
    sh = InteractiveShell.instance()
    result = sh.run_cell("%load_ext multilingualprogramming")
    assert result.success, result.error_in_exec
    return sh


def cell(shell, line, body):
    return shell.run_cell("%%multilingual" + line + "\n" + body)


@needs_native
def test_a_french_cell_defines_names_and_shows_its_last_value(shell, capsys):
    body = ("déf carré(n: entier) -> entier:\n"
            "    retour n * n\n"
            "x = carré(4)\n"
            "afficher(x, \"ok\")\n"
            "carré(5)\n")
    result = cell(shell, " --language fr", body)
    assert result.success, result.error_in_exec
    assert result.result == 25
    assert "16 ok" in capsys.readouterr().out
    assert shell.user_ns["x"] == 16
    square = shell.user_ns["carré"]
    # From a Python cell: exact beyond 64 bits (the WebAssembly call re-runs in Python).
    assert shell.run_cell("carré(2 ** 40) == 2 ** 80").result is True
    if HAVE_NATIVE:
        assert not isinstance(square, types.FunctionType)   # the WebAssembly binding
    # The generated module's bookkeeping stays out of the notebook.
    bookkeeping = ("__ml_run__", "__ml_bind__", "__ml_names__", "__ml_functions__")
    assert not [k for k in shell.user_ns if k in bookkeeping]
    assert "annotations" not in shell.user_ns


@pytest.mark.parametrize("language", LANGUAGES)
def test_cells_in_every_language(shell, language):
    if not HAVE_NATIVE:
        pytest.skip("translating needs the native extension")
    text = _translate.translate_source(PROGRAM_EN, language, "en").text
    result = cell(shell, " -l " + language, text)
    assert result.success, (language, result.error_in_exec)
    assert result.result == sum(collatz(k) for k in range(1, 30))


@needs_native
def test_a_cell_sees_the_notebook(shell):
    assert shell.run_cell("base = 40").success
    result = cell(shell, "", "base + 2\n")
    assert result.result == 42


@needs_native
def test_a_detected_language(shell):
    result = cell(shell, "", "déf moitié(n: entier) -> entier:\n    retour n // 2\nmoitié(9)\n")
    assert result.success and result.result == 4


@needs_native
def test_a_cell_that_does_not_compile_shows_every_error(shell, capsys):
    result = cell(shell, " -l fr", "x = 1\ndéf f(:\n    retour 1\n")
    out = capsys.readouterr()
    text = out.out + out.err
    assert not result.success
    err = result.error_in_exec
    assert isinstance(err, mp._magic.CellError)
    assert isinstance(err.error, mp.MultilingualSyntaxError)
    first = err.error.errors[0]
    # Line 1 is the %%multilingual line, as the notebook numbers the cell.
    assert (first.line, first.col) == (3, 6)
    assert str(err.error) in text
    assert "<multilingual cell" in text and ":3:6: " in text
    assert "Traceback" not in text and "_magic.py" not in text


@needs_native
def test_an_exception_shows_the_cells_frames_only(shell, capsys):
    result = cell(shell, " -l fr", "déf inverse(n: entier) -> entier:\n"
                                   "    retour 100 // n\n"
                                   "y = 1\n"
                                   "inverse(y - 1)\n")
    out = capsys.readouterr()
    text = out.out + out.err
    assert isinstance(result.error_in_exec, ZeroDivisionError)
    assert "ZeroDivisionError" in text and "inverse(y - 1)" in text
    assert "_magic.py" not in text and "interactiveshell" not in text
    assert shell.user_ns["y"] == 1


def test_without_the_extension_a_cell_fails_in_one_line(shell, capsys):
    if HAVE_NATIVE:
        pytest.skip("the native extension is loaded")
    result = cell(shell, "", "x = 1\n")
    out = capsys.readouterr()
    assert isinstance(result.error_in_exec, mp.NativeUnavailableError)
    assert (out.out + out.err).strip() == "NativeUnavailableError: %s" % result.error_in_exec


def test_bad_magic_lines(shell):
    for line in (" --language xx", " --frobnicate", " -l"):
        result = cell(shell, line, "x = 1\n")
        assert isinstance(result.error_in_exec, UsageError), line


@needs_native
def test_jit_in_a_notebook_cell(shell):
    result = shell.run_cell("import multilingualprogramming as mp\n"
                            "@mp.jit\n"
                            "def tri(n: int) -> int:\n"
                            "    return n * (n + 1) // 2\n"
                            "tri(100), tri.report['backend']\n")
    assert result.success, result.error_in_exec
    assert result.result == (5050, "wasm")


def test_the_package_imports_without_ipython():
    code = ("import sys\n"
            "sys.modules['IPython'] = None\n"
            "import multilingualprogramming as mp\n"
            "assert callable(mp.load_ipython_extension) and callable(mp.jit)\n"
            "try:\n"
            "    mp.load_ipython_extension(object())\n"
            "except ImportError:\n"
            "    print('no IPython')\n")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "no IPython\n"
