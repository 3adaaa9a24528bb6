"""Smoke test of an installed wheel, run by `make test-wheel` in a fresh venv.

It must run from outside the source tree with the wheel installed offline:
the guide's loader and selector examples, `multilingual build`, `run` and
`multilingual FILE.multi` on a French and a Japanese program, an interactive
session started and stopped (in a pseudo-terminal where there are ones), a
`.multi` module imported from Python, every way of calling a program's
function (with and without PyObject_Vectorcall), and the pure-Python path
with the extension hidden.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

import multilingualprogramming as mp

FRENCH = """\
déf expensive_operation(n: entier) -> entier:
    result = 0
    pour i dans intervalle(n * n):
        result = result + (i * i) // (i + 1)
    retour result

afficher(expensive_operation(30))
"""

# The Japanese example of the source tree (this script lives in tests/wheel).
EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                        "examples")
with open(os.path.join(EXAMPLES, "fibonacci.ja.multi"), encoding="utf-8") as _f:
    JAPANESE = _f.read()


def expensive(n):
    result = 0
    for i in range(n * n):
        result = result + (i * i) // (i + 1)
    return result


def check(cond, what):
    if not cond:
        sys.exit("wheel smoke test failed: " + what)
    print("ok:", what)


def check_repl(cli, tmp):
    """An interactive session: in a pseudo-terminal where the platform has
    them (started as `multilingual` with no arguments, stopped with Ctrl-D),
    else with its input piped in."""
    try:
        import pty  # noqa: F401
        import select
    except ImportError:
        r = subprocess.run([cli, "repl", "--language", "fr"], input="x = 6 * 7\nx\n",
                           capture_output=True, text=True, cwd=tmp, timeout=120)
        check(r.returncode == 0 and "42" in r.stdout, "multilingual repl, input piped: %r" % (r.stdout,))
        return
    master, slave = os.openpty()
    proc = subprocess.Popen([cli], stdin=slave, stdout=slave, stderr=slave, cwd=tmp,
                            env=dict(os.environ, TERM="dumb", MULTILINGUAL_HISTORY="off"))
    os.close(slave)
    shown = b""
    # Each key waits for the prompt: a Ctrl-D typed before the session reads
    # the next line can be dropped when the terminal switches modes.
    for keys, want in ((b"", b">>> "), (b"x = 6 * 7\r", b">>> "), (b"afficher(x)\r", b"42"),
                       (b"", b">>> "), (b"\x04", None)):
        os.write(master, keys)
        while want is not None and want not in shown:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                sys.exit("wheel smoke test failed: the interactive session never showed %r (it showed %r)"
                         % (want, shown))
            shown += os.read(master, 4096)
        shown = b"" if want is None else shown[shown.index(want) + len(want):]
    status = proc.wait(timeout=60)
    os.close(master)
    check(status == 0, "multilingual (interactive session in a terminal) started and stopped")


def check_import(tmp):
    """A .multi module imported from Python, its function run by WebAssembly."""
    with open(os.path.join(tmp, "formes.multi"), "w", encoding="utf-8") as f:
        f.write("déf carré(n: entier) -> entier:\n    retour n * n\n")
    code = ("import multilingualprogramming, formes\n"
            "print(formes.carré(12), formes.__ml_program__.last_report['backend'])\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp, timeout=120)
    check(r.returncode == 0 and r.stdout.split() == ["144", "wasm"],
          "import of formes.multi from Python: %r %s" % (r.stdout, r.stderr))


JIT = """import multilingualprogramming as mp

@mp.jit
def square(n: int) -> int:
    return n * n

print(square(12), square.last_report["backend"])
"""


def check_extras(tmp):
    """@mp.jit from a file; the Pygments lexer and the %%multilingual magic
    where Pygments and IPython are installed, and a clear ImportError (the
    package itself importing fine) where they are not."""
    path = os.path.join(tmp, "jitted.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(JIT)
    r = subprocess.run([sys.executable, path], capture_output=True, text=True, cwd=tmp, timeout=120)
    check(r.returncode == 0 and r.stdout.split() == ["144", "wasm"],
          "@mp.jit on a function of a file: %r %s" % (r.stdout, r.stderr))
    try:
        import pygments  # noqa: F401
    except ImportError:
        try:
            from multilingualprogramming.highlight import MultilingualLexer  # noqa: F401
            check(False, "the lexer without Pygments raises ImportError")
        except ImportError as exc:
            check("pygments" in str(exc), "the lexer without Pygments: %s" % exc)
    else:
        from pygments.lexers import get_lexer_for_filename
        from pygments.token import Error, Keyword
        lexer = get_lexer_for_filename("x.multi")
        tokens = list(lexer.get_tokens("déf f(x):\n    retour x\n"))
        check(type(lexer).__name__ == "MultilingualLexer"
              and (Keyword, "déf") in tokens and not any(t is Error for t, _ in tokens),
              "the Pygments lexer, found through the entry point, on French")
    try:
        import IPython  # noqa: F401
    except ImportError:
        try:
            mp.load_ipython_extension(None)
            check(False, "the magic without IPython raises ImportError")
        except ImportError as exc:
            check("IPython" in str(exc), "the magic without IPython: %s" % exc)
    else:
        from IPython.core.interactiveshell import InteractiveShell
        shell = InteractiveShell.instance()
        shell.run_cell("%load_ext multilingualprogramming")
        res = shell.run_cell("%%multilingual --language fr\n"
                             "déf carré(n: entier) -> entier:\n    retour n * n\ncarré(12)\n")
        check(res.success and res.result == 144, "a %%multilingual cell in IPython")


def check_call_paths():
    """Every call path of a Program (tests/call_probe.py), run with the
    extension calling Python through PyObject_Vectorcall (3.10:
    PyObject_VectorcallDict) and through a tuple and a dict
    (MULTILINGUAL_NO_VECTORCALL=1): the same answers and errors both
    ways, CPython's answers where CPython has them."""
    probe = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "call_probe.py")
    reports = {}
    for off in ("", "1"):
        env = dict(os.environ, MULTILINGUAL_NO_VECTORCALL=off)
        r = subprocess.run([sys.executable, probe], capture_output=True, text=True, env=env, timeout=300)
        check(r.returncode == 0, "the call probe ran (%s)" % r.stderr.strip()[-300:])
        reports[off] = json.loads(r.stdout)
    way = "vectorcall-dict" if sys.version_info[:2] == (3, 10) else "vectorcall"
    check(reports[""]["way"] == way and reports["1"]["way"] == "tuple",
          "Python called through %s, or a tuple when told to" % reports[""]["way"])
    check(reports[""]["rows"] == reports["1"]["rows"],
          "%d calls give the same answers and errors both ways" % len(reports[""]["rows"]))
    expected = reports[""]["expected"]

    def agrees(name, got):
        want = expected.get(name)
        if want is None:
            return True
        if "value" in want or name.lower().endswith("python"):
            return got == want          # a value, or the Python function's own error
        return "error" in got and got["error"][0] == want["error"][0]   # WebAssembly's message

    wrong = [(name, got) for name, got in reports[""]["rows"] if not agrees(name, got)]
    check(not wrong, "the calls give CPython's answers (%r)" % wrong[:3])


def main():
    here = os.path.dirname(os.path.abspath(mp.__file__))
    check("site-packages" in here, "imported from the installed wheel (%s)" % here)
    check(os.path.exists(os.path.join(here, "py.typed")), "py.typed is shipped")
    bindir = os.path.dirname(sys.executable)
    cli = shutil.which("multilingual", path=bindir)
    check(cli is not None, "the multilingual console script is installed")

    with tempfile.TemporaryDirectory() as tmp:
        fr = os.path.join(tmp, "myfunction.multi")
        ja = os.path.join(tmp, "fib.multi")
        with open(fr, "w", encoding="utf-8") as f:
            f.write(FRENCH)
        with open(ja, "w", encoding="utf-8") as f:
            f.write(JAPANESE)
        out = os.path.join(tmp, "build")
        for path, want in ((fr, str(expensive(30))), (ja, "832040")):
            r = subprocess.run([cli, "build", path, "-o", out], capture_output=True, text=True)
            check(r.returncode == 0, "multilingual build %s: %s" % (os.path.basename(path), r.stderr))
            r = subprocess.run([cli, "run", path], capture_output=True, text=True)
            check(r.returncode == 0 and r.stdout.strip() == want,
                  "multilingual run %s printed %r" % (os.path.basename(path), r.stdout.strip()))
            for _ in range(2):   # compiled, then from the disk cache
                r = subprocess.run([cli, path], capture_output=True, text=True)
                check(r.returncode == 0 and r.stdout.strip() == want,
                      "multilingual %s printed %r" % (os.path.basename(path), r.stdout.strip()))
        check_repl(cli, tmp)
        check_import(tmp)
        check_call_paths()
        check_extras(tmp)
        with open(os.path.join(out, "myfunction.json"), encoding="utf-8") as f:
            check(json.load(f)["language"] == "fr", "manifest records the detected language")

        # The guide's loader example.
        from multilingualprogramming.wasm.loader import WasmModule, WasmModuleCache
        module = WasmModule.load(os.path.join(out, "myfunction.wasm"))
        module.instantiate()
        check(module.call("expensive_operation", 100) == expensive(100), "WasmModule.call")
        names = [f["name"] for f in module.get_exported_functions()]
        check("expensive_operation" in names, "get_exported_functions lists the export")
        cache = WasmModuleCache()
        check(cache.get_or_load(os.path.join(out, "myfunction.wasm"))
              is cache.get_or_load(os.path.join(out, "myfunction.wasm")), "WasmModuleCache")

        # The guide's selector example and custom-function steps.
        from multilingualprogramming.runtime.backend_selector import (
            Backend, BackendRegistry, BackendSelector)
        from multilingualprogramming.runtime.python_fallbacks import FALLBACK_REGISTRY
        check(BackendSelector(prefer_backend=Backend.PYTHON).call_function("fibonacci", 10)
              == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34], "selector, Python backend")
        FALLBACK_REGISTRY["expensive_operation"] = expensive
        BackendRegistry().register_wasm("expensive_operation", os.path.join(out, "myfunction.wasm"))
        selector = BackendSelector()
        check(selector.call_function("expensive_operation", 1000) == expensive(1000),
              "selector, AUTO on the registered WebAssembly")
        check(selector.get_last_call_report()["backend"] == "wasm", "the call ran as WebAssembly")

    # The extension hidden: AUTO still answers, through Python, and says why.
    code = ("from multilingualprogramming.runtime.backend_selector import BackendSelector\n"
            "s = BackendSelector()\n"
            "assert s.call_function('fibonacci', 10)[-1] == 34\n"
            "st = s.get_status()\n"
            "print(st['backend'], st['reason'])\n")
    env = dict(os.environ, MULTILINGUAL_NO_NATIVE="1")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    check(r.returncode == 0 and r.stdout.split() == ["python", "native-disabled"],
          "fallback mode answers via Python and says why (%s%s)" % (r.stdout.strip(), r.stderr))
    print("wheel smoke test passed")


if __name__ == "__main__":
    main()
