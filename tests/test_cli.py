"""The ``multilingual`` command as users run it: ``multilingual FILE.multi``,
``run``, ``compile``, ``check``, bad input at the command line, programs on
standard input, and the disk cache that lets a second run start without the
compiler. Every test runs the command in a fresh process, with a cache
directory of its own."""

import os
import signal
import subprocess
import sys
import time

import pytest

from multilingualprogramming.cli import LANGUAGES, main
from support import EXAMPLES, HAVE_NATIVE, ROOT, needs_native

SQUARES = """\
importer sys

déf carré(n: entier) -> entier:
    retour n * n

afficher(sys.argv[1:], carré(int(sys.argv[1])))
"""


def env_for(tmp_path, **extra):
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"),
               MULTILINGUAL_CACHE_DIR=str(tmp_path / "cache"),
               MULTILINGUAL_HISTORY=str(tmp_path / "history"))
    env.pop("MULTILINGUAL_PATH", None)
    env.update(extra)
    return env


def cli(tmp_path, *args, stdin=None, cwd=None, **extra):
    return subprocess.run([sys.executable, "-m", "multilingualprogramming", *args],
                          capture_output=True, text=True, env=env_for(tmp_path, **extra),
                          cwd=cwd, input=stdin, timeout=120)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def one_line_error(r, *words):
    """The command failed with one line on stderr, naming words, no traceback."""
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1, r.stderr
    assert r.stderr.startswith("multilingual: ")
    for w in words:
        assert w in r.stderr, r.stderr


# ---- running ----

@needs_native
def test_file_runs_directly_with_arguments(tmp_path):
    prog = write(tmp_path / "carrés.multi", SQUARES)
    r = cli(tmp_path, str(prog), "7", "--flag", "-l")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "['7', '--flag', '-l'] 49\n"
    # multilingual run FILE stays, and .ml is still read.
    ml = write(tmp_path / "old.ml", SQUARES)
    r = cli(tmp_path, "run", str(ml), "3")
    assert (r.returncode, r.stdout) == (0, "['3'] 9\n"), r.stderr


@needs_native
def test_program_sees_its_path_in_argv_and_its_directory_on_sys_path(tmp_path):
    prog = write(tmp_path / "where.multi",
                 "import os, sys\n"
                 "print(sys.argv[0], sys.path[0] == os.path.dirname(os.path.abspath(__file__)))\n")
    r = cli(tmp_path, "where.multi", cwd=str(tmp_path))
    assert (r.returncode, r.stdout) == (0, "where.multi True\n"), r.stderr
    assert prog.exists()


@needs_native
@pytest.mark.parametrize("body,status,stderr", [
    ("import sys\nsys.exit(3)\n", 3, ""),
    ("import sys\nsys.exit()\n", 0, ""),
    ("raise SystemExit('bye')\n", 1, "bye\n"),
    ("print('ok')\n", 0, ""),
])
def test_exit_status_is_the_programs(tmp_path, body, status, stderr):
    prog = write(tmp_path / "exit.multi", "# language: en\n" + body)
    r = cli(tmp_path, str(prog))
    assert (r.returncode, r.stderr) == (status, stderr)


@needs_native
def test_uncaught_exception_gives_1_and_the_users_traceback(tmp_path):
    helper = write(tmp_path / "aide.multi",
                   "déf divise(a, b):\n    retour a // b\n")
    prog = write(tmp_path / "échec.multi",
                 "importer aide\n\nafficher(\"avant\")\naide.divise(1, 0)\n")
    r = cli(tmp_path, str(prog))
    assert r.returncode == 1
    assert r.stdout == "avant\n"
    assert r.stderr == (
        "Traceback (most recent call last):\n"
        "  File \"%s\", line 4, in <module>\n"
        "    aide.divise(1, 0)\n"
        "  File \"%s\", line 2, in divise\n"
        "    retour a // b\n"
        "           ~~^^~~\n"
        "ZeroDivisionError: integer division or modulo by zero\n" % (prog, helper))


@needs_native
def test_syntax_error_in_an_imported_module_lists_every_error(tmp_path):
    write(tmp_path / "cassé.multi", "déf f(:\n    retour 1\nx = (\n")
    prog = write(tmp_path / "main.multi", "importer cassé\n")
    r = cli(tmp_path, str(prog))
    assert r.returncode == 1
    assert r.stderr.startswith("Traceback (most recent call last):\n  File \"%s\", line 1, in <module>\n"
                               "    importer cassé\n" % prog), r.stderr
    assert r.stderr.count("cassé.multi:") >= 2
    assert "_imports.py" not in r.stderr and "importlib" not in r.stderr


@needs_native
def test_compile_errors_of_the_program(tmp_path):
    prog = write(tmp_path / "bad.multi", "déf f(n: entier) -> entier\n    retour n\n")
    r = cli(tmp_path, str(prog))
    assert r.returncode == 1
    assert r.stderr.startswith("%s:1:" % prog)
    assert "Traceback" not in r.stderr


@needs_native
@pytest.mark.parametrize("language, line, word, keyword, text", [
    ("fr", "    return n * n", "return", "retour", "n'est pas un mot-clé en français"),
    ("es", "    retornar n * n", "retornar", "devolver", "no es una palabra clave en español"),
    ("de", "    ruckgabe n * n", "ruckgabe", "rückgabe", "ist kein Schlüsselwort auf Deutsch"),
])
def test_a_keyword_of_another_language_is_named(tmp_path, language, line, word, keyword, text):
    """A statement starting with another language's keyword, or a misspelt
    one, is reported at the word with the language's own keyword, from the
    command line and from the package."""
    import multilingualprogramming as mp
    head = {"fr": "déf", "es": "def", "de": "def"}[language]
    src = "# language: %s\n%s f(n):\n%s\n" % (language, head, line)
    prog = write(tmp_path / "bad.multi", src)
    r = cli(tmp_path, str(prog))
    assert r.returncode == 1
    first = r.stderr.splitlines()[0]
    assert first.startswith("%s:3:5: '%s' %s" % (prog, word, text)), r.stderr
    assert "'%s'" % keyword in first
    assert "    " + "^" * len(word) in r.stderr
    with pytest.raises(mp.CompileError) as err:
        mp.compile_source(src, language=language)
    e = err.value.errors[0]
    assert (e.line, e.col, e.end_col - e.col) == (3, 5, len(word))
    assert text in e.msg and "'%s'" % keyword in e.msg


@needs_native
def test_program_from_stdin(tmp_path):
    r = cli(tmp_path, stdin="afficher(6 * 7)\n")
    assert (r.returncode, r.stdout) == (0, "42\n"), r.stderr
    r = cli(tmp_path, "-", "a", stdin="importer sys\nafficher(sys.argv)\n")
    assert (r.returncode, r.stdout) == (0, "['-', 'a']\n"), r.stderr


def test_help_and_version(tmp_path):
    r = cli(tmp_path, "--help")
    assert r.returncode == 0
    assert ("multilingual [-l CODE] [--backend auto|python|wasm] [--stats] [--no-optimize] "
            "FILE [ARGS...]") in r.stdout
    for command in ("run", "repl", "compile", "check", "build"):
        assert "\n  %s " % command in r.stdout
    r = cli(tmp_path, "--version")
    assert r.returncode == 0 and r.stdout.startswith("multilingual ")


# ---- bad input at the command line ----

def test_missing_file(tmp_path):
    one_line_error(cli(tmp_path, str(tmp_path / "nowhere.multi")), "nowhere.multi", "no such file")
    one_line_error(cli(tmp_path, "run", str(tmp_path / "nowhere.multi")), "no such file")
    one_line_error(cli(tmp_path, "check", str(tmp_path / "nowhere.multi")), "no such file")


def test_directory(tmp_path):
    one_line_error(cli(tmp_path, str(tmp_path)), "directory")
    one_line_error(cli(tmp_path, "compile", str(tmp_path)), "directory")


def test_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "latin1.multi"
    path.write_bytes("# language: fr\nafficher('café')\n".encode("latin-1"))
    r = cli(tmp_path, str(path))
    one_line_error(r, "latin1.multi", "not UTF-8", "0xe9", "line 2, column 14")
    assert r.returncode == 1
    one_line_error(cli(tmp_path, "check", str(path)), "not UTF-8")


def test_unknown_language(tmp_path):
    prog = write(tmp_path / "p.multi", "print(1)\n")
    for args in (["--language", "xx", str(prog)], ["-l", "xx"], ["repl", "--language", "xx"],
                 ["check", "-l", "xx", str(prog)], ["run", "--language=xx", str(prog)]):
        r = cli(tmp_path, *args)
        one_line_error(r, "unknown language 'xx'", "fr")
        assert r.returncode == 2


def test_bad_options(tmp_path):
    one_line_error(cli(tmp_path, "--frobnicate"), "unknown option --frobnicate")
    one_line_error(cli(tmp_path, "-l"), "needs a language code")
    one_line_error(cli(tmp_path, "run"), "run needs a FILE")


def test_without_the_compiler_the_message_is_one_line(tmp_path):
    prog = write(tmp_path / "p.multi", "print(1)\n")
    r = cli(tmp_path, str(prog), MULTILINGUAL_NO_NATIVE="1")
    one_line_error(r, "native extension")
    r = cli(tmp_path, "repl", MULTILINGUAL_NO_NATIVE="1")
    one_line_error(r, "interactive session", "native extension")


@needs_native
def test_languages_are_the_compilers():
    import multilingualprogramming as mp
    for code in LANGUAGES:
        assert mp.compile_source("", language=code).language == code
    with pytest.raises(ValueError):
        mp.compile_source("", language="xx")
    assert len(LANGUAGES) == 17


# ---- compile and check ----

@needs_native
def test_compile_prints_the_python_that_runs(tmp_path):
    prog = write(tmp_path / "carrés.multi", SQUARES)
    r = cli(tmp_path, "compile", str(prog))
    assert r.returncode == 0, r.stderr
    assert "def carré(n: int) -> int:\n    return n * n\n" in r.stdout
    assert "print(sys.argv[1:], carré(int(sys.argv[1])))" in r.stdout
    out = tmp_path / "carrés.py"
    r = cli(tmp_path, "compile", "-o", str(out), str(prog))
    assert r.returncode == 0 and r.stdout == ""
    ran = subprocess.run([sys.executable, str(out), "5"], capture_output=True, text=True, timeout=60)
    assert (ran.returncode, ran.stdout) == (0, "['5'] 25\n"), ran.stderr


@needs_native
def test_check_reports_where_each_function_runs(tmp_path):
    prog = write(tmp_path / "mixte.multi",
                 "déf carré(n: entier) -> entier:\n    retour n * n\n\n"
                 "déf premiers(xs):\n    retour [x pour x dans xs]\n\n"
                 "déf crie(s: chaîne) -> chaîne:\n    retour s.swapcase()\n")
    r = cli(tmp_path, "check", str(prog))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == ("%s: no errors; Français (fr, detected); 3 functions, 1 compiled to WebAssembly"
                        % prog)
    assert lines[1].split() == ["carré(n:", "int)", "->", "int", "WebAssembly"]
    assert lines[2].startswith("  premiers(xs)") and lines[2].endswith(
        "Python only: line 4: parameter 'xs' has no type annotation")
    assert "crie(s: str) -> str" in lines[3]
    assert "Python only: line 8: the method call .swapcase()" in lines[3]


@needs_native
def test_check_reports_every_error(tmp_path):
    prog = write(tmp_path / "erreurs.multi",
                 "x = 1 +* 2\n\ndéf f(n):\n    retour n +\n\nsi x\n    passer\nz = ]\n")
    r = cli(tmp_path, "check", str(prog))
    assert r.returncode == 1
    where = [line.split(": ")[0] for line in r.stdout.splitlines() if line.startswith(str(prog) + ":")]
    assert where == ["%s:%s" % (prog, at) for at in ("1:8", "4:15", "6:5", "8:5", "8:6")] + [str(prog)]
    assert r.stdout.endswith("%s: 5 errors\n" % prog)
    assert "    retour n +\n                  ^\n" in r.stdout
    r = cli(tmp_path, "check", "--language", "en", str(prog))
    assert r.returncode == 1


# ---- the disk cache ----

@needs_native
def test_second_run_needs_no_compiler(tmp_path):
    prog = write(tmp_path / "hello.multi", "afficher(\"Bonjour\")\n")
    r = cli(tmp_path, str(prog))
    assert (r.returncode, r.stdout) == (0, "Bonjour\n"), r.stderr
    entries = list((tmp_path / "cache" / "programs").glob("*.mlc"))
    assert len(entries) == 1
    assert (entries[0].stat().st_mode & 0o777) == 0o600
    # With the extension hidden, only the cache can answer.
    r = cli(tmp_path, str(prog), MULTILINGUAL_NO_NATIVE="1")
    assert (r.returncode, r.stdout) == (0, "Bonjour\n"), r.stderr
    # An edited program is compiled again.
    write(prog, "afficher(\"Salut\")\n")
    r = cli(tmp_path, str(prog), MULTILINGUAL_NO_NATIVE="1")
    one_line_error(r, "native extension")
    r = cli(tmp_path, str(prog))
    assert r.stdout == "Salut\n"


@needs_native
def test_damaged_cache_entry_is_compiled_again(tmp_path):
    prog = write(tmp_path / "hello.multi", "afficher(\"Bonjour\")\n")
    assert cli(tmp_path, str(prog)).returncode == 0
    (entry,) = (tmp_path / "cache" / "programs").glob("*.mlc")
    data = bytearray(entry.read_bytes())
    data[-5] ^= 0xFF
    entry.write_bytes(bytes(data))
    r = cli(tmp_path, str(prog), MULTILINGUAL_NO_NATIVE="1")
    one_line_error(r, "native extension")
    r = cli(tmp_path, str(prog))
    assert (r.returncode, r.stdout) == (0, "Bonjour\n")
    r = cli(tmp_path, str(prog), MULTILINGUAL_NO_NATIVE="1")
    assert (r.returncode, r.stdout) == (0, "Bonjour\n")


@needs_native
def test_cache_off_and_unsafe_directory(tmp_path):
    prog = write(tmp_path / "hello.multi", "afficher(1)\n")
    r = cli(tmp_path, str(prog), MULTILINGUAL_CACHE_DIR="off")
    assert r.stdout == "1\n"
    unsafe = tmp_path / "shared"
    unsafe.mkdir()
    unsafe.chmod(0o777)
    r = cli(tmp_path, str(prog), MULTILINGUAL_CACHE_DIR=str(unsafe))
    assert r.stdout == "1\n"
    assert not (unsafe / "programs").exists() or not list((unsafe / "programs").iterdir())


@needs_native
def test_compiled_functions_of_a_program_run_on_webassembly(tmp_path):
    prog = write(tmp_path / "wasm.multi",
                 "importer sys\n"
                 "déf carré(n: entier) -> entier:\n    retour n * n\n\n"
                 "afficher(carré(9), type(carré).__name__ != 'function')\n")
    for _ in range(2):   # compiled, then from the cache
        r = cli(tmp_path, str(prog))
        assert (r.returncode, r.stdout) == (0, "81 True\n"), r.stderr


# ---- in process ----

@needs_native
def test_main_in_process(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MULTILINGUAL_CACHE_DIR", str(tmp_path / "cache"))
    prog = write(tmp_path / "p.multi", "afficher(1 + 1)\n")
    argv, path0 = list(sys.argv), sys.path[0]
    assert main([str(prog)]) == 0
    assert capsys.readouterr().out == "2\n"
    assert (sys.argv, sys.path[0]) == (argv, path0)
    assert main(["compile", os.path.join(EXAMPLES, "myfunction.multi")]) == 0
    assert "def expensive_operation(n: int) -> int:" in capsys.readouterr().out


def test_no_native_check_is_one_line(tmp_path):
    if HAVE_NATIVE:
        r = cli(tmp_path, "check", os.path.join(EXAMPLES, "myfunction.multi"), MULTILINGUAL_NO_NATIVE="1")
    else:
        r = cli(tmp_path, "check", os.path.join(EXAMPLES, "myfunction.multi"))
    one_line_error(r, "native extension")


# ---- the examples ----

@needs_native
def test_the_examples_run(tmp_path):
    r = cli(tmp_path, os.path.join(EXAMPLES, "hello.multi"), "Ada")
    assert (r.returncode, r.stdout) == (0, "Bonjour, Ada !\n"), r.stderr
    r = cli(tmp_path, os.path.join(EXAMPLES, "atelier", "main.multi"), "5", "2")
    assert (r.returncode, r.stdout) == (0, "aire : 10\npérimètre : 14\nmoyenne des côtés : 3.5\n"), r.stderr
    r = cli(tmp_path, "check", os.path.join(EXAMPLES, "atelier", "geometrie", "shapes.multi"))
    assert r.stdout.splitlines()[0].endswith("2 functions, 2 compiled to WebAssembly")


@needs_native
def test_ctrl_c_in_a_program(tmp_path):
    prog = write(tmp_path / "long.multi",
                 "# language: en\nimport time\nprint('go', flush=True)\nwhile True:\n    time.sleep(0.01)\n")
    proc = subprocess.Popen([sys.executable, "-m", "multilingualprogramming", str(prog)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_for(tmp_path))
    assert proc.stdout.readline() == "go\n"
    time.sleep(0.5)  # into the loop: a signal right after the print would point at line 3
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    head = "Traceback (most recent call last):\n  File \"%s\", line " % prog
    assert err.startswith(head) and err[len(head)] in "45", err
    assert err.endswith("KeyboardInterrupt\n") and "cli.py" not in err


def test_importing_a_module_without_the_compiler_is_an_import_error(tmp_path):
    write(tmp_path / "formes.multi", "X = 1\n")
    code = ("import multilingualprogramming\n"
            "try:\n    import formes\n"
            "except ImportError as exc:\n    print(type(exc).__name__, exc)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(tmp_path),
                       env=env_for(tmp_path, MULTILINGUAL_NO_NATIVE="1"), timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("NativeUnavailableError compiling a program needs the native extension")


class _ClosedPipe:
    """A stdout whose reader went away: every write fails as a closed
    pipe does."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        pass

    def fileno(self):
        raise OSError("no descriptor")


@needs_native
def test_output_closed_by_the_reader_is_quiet(tmp_path, monkeypatch, capsys):
    # multilingual compile F | head -1: the reader goes away; the command
    # stops without a traceback or an error message, with SIGPIPE's status.
    src = write(tmp_path / "one.multi", "def f(x: int) -> int:\n    return x + 1\n")
    monkeypatch.setenv("MULTILINGUAL_CACHE_DIR", str(tmp_path / "cache"))
    for command in ("compile", "check"):
        monkeypatch.setattr(sys, "stdout", _ClosedPipe())
        assert main([command, str(src)]) == 141
        assert capsys.readouterr().err == ""
