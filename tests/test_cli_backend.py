"""``multilingual --backend auto|python|wasm`` and ``--stats``, run as users
run them: the real command in a fresh process. Expected values are
CPython's own arithmetic on the same numbers."""

import re

import pytest

from support import needs_native
from test_cli import cli, one_line_error, write

# carré compiles (int -> int); noms does not (no annotation); fib compiles
# and recurses. carré is called 6 times from Python: 3, 10**12 (its square
# overflows 64 bits), 10**30 (the argument does not fit), then 0, 1, 2.
PROGRAM = """\
importer sys

déf carré(n: entier) -> entier:
    retour n * n

déf noms(d):
    retour liste(d)

déf fib(n: entier) -> entier:
    si n < 2:
        retour n
    retour fib(n - 1) + fib(n - 2)

afficher("natif", "multilingualprogramming._native" dans sys.modules)
afficher(carré(3), carré(10 ** 12), carré(10 ** 30), fib(20))
afficher(noms({"a": 1}))
pour i dans intervalle(3):
    afficher(carré(i))
"""

EXPECTED_TAIL = "%d %d %d %d\n['a']\n0\n1\n4\n" % (3 * 3, (10 ** 12) ** 2, (10 ** 30) ** 2, 6765)


def stats_rows(stderr):
    """{function: (wasm, python, why)} from the --stats table."""
    rows = {}
    lines = stderr.splitlines()
    start = lines.index("multilingual --stats: calls from Python to each function")
    for line in lines[start + 2:]:
        m = re.match(r"  (\S+)\s+(\d+)\s+(\d+)(?:  (.*))?$", line)
        if not m:
            break
        rows[m.group(1)] = (int(m.group(2)), int(m.group(3)), m.group(4) or "")
    return rows


@needs_native
@pytest.mark.parametrize("backend", ["auto", "python"])
def test_backends_give_pythons_output(tmp_path, backend):
    prog = write(tmp_path / "p.multi", PROGRAM)
    r = cli(tmp_path, "--backend", backend, str(prog))
    assert r.returncode == 0, r.stderr
    assert r.stdout.endswith(EXPECTED_TAIL), r.stdout
    assert r.stderr == ""


@needs_native
def test_python_backend_never_loads_the_extension(tmp_path):
    prog = write(tmp_path / "p.multi", PROGRAM)
    # The first run compiles (the compiler is in the extension), the second
    # comes from the disk cache: nothing should load the extension then.
    first = cli(tmp_path, str(prog))
    assert first.returncode == 0, first.stderr
    r = cli(tmp_path, "run", "--backend=python", str(prog))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("natif False\n"), r.stdout


@needs_native
def test_auto_runs_compiled_functions_on_webassembly(tmp_path):
    prog = write(tmp_path / "p.multi", PROGRAM)
    r = cli(tmp_path, "--stats", str(prog))
    assert r.returncode == 0, r.stderr
    assert r.stdout == "natif True\n" + EXPECTED_TAIL
    rows = stats_rows(r.stderr)
    # 6 calls of carré: 2 fell back (10**12 squared, then 10**30), 4 ran on
    # WebAssembly; fib's recursion stays inside WebAssembly: one call.
    assert rows["carré"] == (4, 2, "fell back: overflow x2")
    assert rows["fib"] == (1, 0, "")
    assert rows["noms"][:2] == (0, 1)
    assert rows["noms"][2].startswith("not compilable: line 6: "), rows["noms"]


@needs_native
def test_python_backend_stats(tmp_path):
    prog = write(tmp_path / "p.multi", PROGRAM)
    r = cli(tmp_path, "--backend", "python", "--stats", str(prog))
    assert r.returncode == 0, r.stderr
    rows = stats_rows(r.stderr)
    assert rows["carré"] == (0, 6, "--backend python x6")
    # fib(20) in Python: every call of the recursion goes through its name.
    calls = {0: 1, 1: 1}
    for n in range(2, 21):
        calls[n] = 1 + calls[n - 1] + calls[n - 2]
    assert rows["fib"] == (0, calls[20], "--backend python x%d" % calls[20])
    assert rows["noms"][:2] == (0, 1)


@needs_native
def test_wasm_backend_raises_where_auto_falls_back(tmp_path):
    prog = write(tmp_path / "p.multi", PROGRAM)
    r = cli(tmp_path, "--backend", "wasm", "--stats", str(prog))
    assert r.returncode == 1
    assert r.stdout == "natif True\n"
    assert "Traceback (most recent call last):" in r.stderr
    assert "OverflowError: carré(): integer result does not fit in 64 bits" in r.stderr
    # The table comes after the traceback, on the way out.
    assert r.stderr.index("OverflowError") < r.stderr.index("multilingual --stats")
    rows = stats_rows(r.stderr)
    assert rows["carré"] == (2, 0, "")
    assert rows["fib"] == (0, 0, "")


@needs_native
def test_wasm_backend_argument_of_another_type(tmp_path):
    prog = write(tmp_path / "p.multi", """\
déf carré(n: entier) -> entier:
    retour n * n

afficher(carré(3))
afficher(carré(1.5))
""")
    auto = cli(tmp_path, "--stats", str(prog))
    assert auto.returncode == 0, auto.stderr
    assert auto.stdout == "%r\n%r\n" % (3 * 3, 1.5 * 1.5)
    assert stats_rows(auto.stderr)["carré"] == (1, 1, "fell back: argument types x1")
    wasm = cli(tmp_path, "--backend", "wasm", str(prog))
    assert wasm.returncode == 1
    assert wasm.stdout == "9\n"
    assert "TypeError: carré() argument 1 must be int, not float" in wasm.stderr, wasm.stderr


@needs_native
def test_wasm_backend_without_the_extension_stops_before_running(tmp_path):
    prog = write(tmp_path / "p.multi", PROGRAM)
    assert cli(tmp_path, str(prog)).returncode == 0   # compiled and cached
    r = cli(tmp_path, "--backend", "wasm", str(prog), MULTILINGUAL_NO_NATIVE="1")
    assert r.stdout == ""
    one_line_error(r, "--backend wasm", "native extension")
    assert r.returncode == 1


@needs_native
def test_stats_on_sys_exit_and_on_an_exception(tmp_path):
    prog = write(tmp_path / "exit.multi", """\
importer sys

déf moitié(n):
    retour n // 2

afficher(moitié(10))
sys.exit(moitié(6))
""")
    r = cli(tmp_path, "--stats", str(prog))
    assert r.returncode == 3
    assert r.stdout == "5\n"
    assert stats_rows(r.stderr)["moitié"][:2] == (0, 2)

    prog = write(tmp_path / "raise.multi", """\
déf inverse(n):
    retour 1 / n

afficher(inverse(4))
afficher(inverse(0))
""")
    r = cli(tmp_path, "--stats", str(prog))
    assert r.returncode == 1
    assert r.stdout == "%r\n" % (1 / 4)
    assert "ZeroDivisionError" in r.stderr
    assert stats_rows(r.stderr)["inverse"][:2] == (0, 2)


@needs_native
def test_no_stats_no_table(tmp_path):
    prog = write(tmp_path / "p.multi", PROGRAM)
    r = cli(tmp_path, str(prog))
    assert r.returncode == 0
    assert "--stats" not in r.stderr and r.stderr == ""


@needs_native
def test_program_on_stdin_takes_the_options(tmp_path):
    r = cli(tmp_path, "--backend", "python", "--stats", "-", stdin=PROGRAM)
    assert r.returncode == 0, r.stderr
    assert r.stdout.endswith(EXPECTED_TAIL)
    assert stats_rows(r.stderr)["carré"] == (0, 6, "--backend python x6")


@pytest.mark.parametrize("args, words", [
    (["--backend", "gpu", "x.multi"], ["unknown backend 'gpu'", "auto, python, wasm"]),
    (["--backend"], ["--backend needs a backend"]),
    (["--stats", "compile", "x.multi"], ["--stats apply to running a program, not to compile"]),
    (["--backend", "wasm", "check", "x.multi"], ["not to check"]),
])
def test_bad_run_options(tmp_path, args, words):
    r = cli(tmp_path, *args)
    one_line_error(r, *words)
    assert r.returncode == 2


def test_help_describes_the_backends():
    from multilingualprogramming.cli import USAGE
    for word in ("--backend auto|python|wasm", "--stats", "Backend.WASM"):
        assert word in USAGE


@needs_native
def test_without_the_extension_python_and_auto_agree(tmp_path):
    prog = write(tmp_path / "p.multi", PROGRAM)
    assert cli(tmp_path, str(prog)).returncode == 0
    r = cli(tmp_path, "--stats", str(prog), MULTILINGUAL_NO_NATIVE="1")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "natif False\n" + EXPECTED_TAIL
    assert stats_rows(r.stderr)["carré"] == (0, 6, "MULTILINGUAL_NO_NATIVE is set x6")
