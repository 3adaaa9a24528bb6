"""The compiler's optimization passes from Python: ``disable=`` switches
them off one by one without changing any result (CPython computes the
expected values), the module's text is made only when asked for, and
``multilingual wat --disable`` reports an unknown pass by listing them."""

import os
import subprocess
import sys

import pytest

from support import ROOT, needs_native

# The pass names as the compiler registers them (core/wasmgen/passes.go).
PASSES = ("fold", "deadcode", "guards", "strappend", "hoist", "version",
          "tailcall", "leafguard", "specialize", "selfinline", "fdiv",
          "branches", "condfacts", "counters", "cse", "constpow", "strchars", "carried",
          "mulconst", "wrapmod", "ivptr", "polyhash", "listloops", "elems", "whilerange", "unroll",
          "rowdata", "rowhoist")

SOURCE = """\
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def sieve(n: int) -> int:
    flags = [True] * (n + 1)
    count = 0
    for i in range(2, n + 1):
        if flags[i]:
            count += 1
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return count

def dot(n: int) -> int:
    a = [0] * n
    for i in range(n):
        a[i] = i % 7 - 3
    s = 0
    for i in range(n):
        for j in range(n):
            s = s + a[i] * j
    return s

def text(n: int) -> str:
    s = ""
    for i in range(n):
        s = s + str(i % 10)
    return s

def mandel(n: int) -> int:
    total = 0
    for py in range(n):
        for px in range(n):
            cx = px * 3.0 / n - 2.0
            cy = py * 2.0 / n - 1.0
            zx = 0.0
            zy = 0.0
            k = 0
            while k < 50 and zx * zx + zy * zy <= 4.0:
                t = zx * zx - zy * zy + cx
                zy = 2.0 * zx * zy + cy
                zx = t
                k = k + 1
            total = total + k
    return total
"""

CALLS = [("fib", 20), ("fib", 0), ("sieve", 1000), ("dot", 60), ("text", 25),
         ("mandel", 30)]


def _expected():
    ns = {}
    exec(SOURCE, ns)
    return {(name, arg): ns[name](arg) for name, arg in CALLS}


@needs_native
@pytest.mark.parametrize("name", PASSES)
def test_each_pass_is_optional(name):
    from multilingualprogramming import Backend, compile_source
    want = _expected()
    prog = compile_source(SOURCE, language="en", optimize=True, disable=[name])
    for (fn, arg), value in want.items():
        assert prog.call(fn, arg, backend=Backend.WASM) == value, (name, fn, arg)


@needs_native
def test_wat_only_when_asked():
    from multilingualprogramming import Program, compile_source
    prog = compile_source(SOURCE, language="en", optimize=True)
    assert "wat" not in prog.artifact()
    text = prog.wat()
    assert "(func $fib" in text
    # a program rebuilt from its artifact makes the same text
    assert Program(prog.artifact(), prog.filename).wat() == text
    off = compile_source(SOURCE, language="en", optimize=True, disable=["tailcall"])
    assert off.wasm_bytes != prog.wasm_bytes
    assert "tail.acc" in text and "tail.acc" not in off.wat()


@needs_native
def test_unknown_pass():
    from multilingualprogramming import compile_source
    with pytest.raises(ValueError) as info:
        compile_source(SOURCE, language="en", disable=["fold", "inline"])
    assert '"inline"' in str(info.value)
    for name in PASSES:
        assert name in str(info.value)
    with pytest.raises(TypeError):
        compile_source(SOURCE, language="en", disable=[3])


def _cli(*args):
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    return subprocess.run([sys.executable, "-m", "multilingualprogramming", *args],
                          capture_output=True, text=True, env=env, timeout=120)


@needs_native
def test_cli_wat_disable(tmp_path):
    path = tmp_path / "fib.multi"
    path.write_text(SOURCE, encoding="utf-8")
    on = _cli("wat", str(path), "-l", "en", "--optimize")
    off = _cli("wat", str(path), "-l", "en", "--optimize", "--disable=tailcall,leafguard")
    assert on.returncode == 0 and off.returncode == 0, on.stderr + off.stderr
    assert "tail.acc" in on.stdout and "tail.acc" not in off.stdout
    bad = _cli("wat", str(path), "-l", "en", "--disable=tailcal")
    assert bad.returncode == 2 and bad.stdout == ""
    assert 'unknown pass "tailcal"' in bad.stderr and "tailcall" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


# ---- optimized by default ----

@needs_native
def test_optimized_by_default(tmp_path):
    """compile_source, compile_file, load_file and the REPL run the passes
    unless optimize=False; both modules give CPython's answers."""
    from multilingualprogramming import Backend, compile_file, compile_source
    from multilingualprogramming._program import load_file
    from multilingualprogramming._repl import Session
    want = _expected()
    on = compile_source(SOURCE, language="en", optimize=True)
    off = compile_source(SOURCE, language="en", optimize=False)
    default = compile_source(SOURCE, language="en")
    assert default.artifact()["optimize"] is True and off.artifact()["optimize"] is False
    assert default.wasm_bytes == on.wasm_bytes != off.wasm_bytes
    assert "tail.acc" in default.wat() and "tail.acc" not in off.wat()
    path = tmp_path / "passes.multi"
    path.write_text(SOURCE, encoding="utf-8")
    assert compile_file(path, language="en").wasm_bytes == on.wasm_bytes
    assert compile_file(path, language="en", optimize=False).wasm_bytes == off.wasm_bytes
    # the disk cache keeps the two apart
    assert load_file(path, language="en", optimize=False).wasm_bytes == off.wasm_bytes
    assert load_file(path, language="en").wasm_bytes == on.wasm_bytes
    for prog in (default, off):
        for (fn, arg), value in want.items():
            assert prog.call(fn, arg, backend=Backend.WASM) == value, (fn, arg)
    for optimize in (True, False):
        session = Session("en", optimize=optimize)
        session.push("def fib(n: int) -> int:")
        session.push("    return n if n < 2 else fib(n - 1) + fib(n - 2)")
        session.push("")
        assert session._programs[-1].artifact()["optimize"] is optimize


@needs_native
def test_cli_optimizes_by_default(tmp_path):
    """multilingual wat/build/run optimize unless --no-optimize; --optimize
    is accepted and changes nothing; a command that does not compile to
    WebAssembly refuses --no-optimize."""
    import json
    path = tmp_path / "fib.multi"
    path.write_text(SOURCE + "\nprint(fib(20), sieve(100))\n", encoding="utf-8")
    default = _cli("wat", str(path), "-l", "en")
    on = _cli("wat", str(path), "-l", "en", "--optimize")
    off = _cli("wat", str(path), "-l", "en", "--no-optimize")
    assert default.returncode == on.returncode == off.returncode == 0
    assert default.stdout == on.stdout and "tail.acc" in on.stdout
    assert "tail.acc" not in off.stdout
    for flag, want in (([], True), (["--no-optimize"], False), (["--optimize"], True)):
        out = tmp_path / ("build%d" % len(flag[0] if flag else ""))
        r = _cli("build", str(path), "-l", "en", "-o", str(out), *flag)
        assert r.returncode == 0, r.stderr
        with open(out / "fib.json", encoding="utf-8") as f:
            assert json.load(f)["optimize"] is want, flag
    for lead in ([], ["--no-optimize"], ["--optimize"]):
        r = _cli("-l", "en", *lead, str(path))
        assert (r.returncode, r.stdout) == (0, "6765 25\n"), (lead, r.stderr)
        r = _cli("run", *lead, "-l", "en", str(path))
        assert (r.returncode, r.stdout) == (0, "6765 25\n"), (lead, r.stderr)
    r = _cli("check", "--no-optimize", str(path), "-l", "en")
    assert r.returncode == 0 and "fib(n: int) -> int" in r.stdout, r.stderr
    bad = _cli("--no-optimize", "compile", str(path))
    assert bad.returncode == 2 and "--no-optimize applies to" in bad.stderr
