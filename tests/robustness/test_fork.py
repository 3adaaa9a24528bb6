"""After os.fork() the extension refuses to work instead of hanging.

The Go runtime inside the extension does not survive fork(): its other
threads are gone in the child, so the first thing that needs them (a
compile, a new instance, a timed call) used to block forever. Every entry
point now raises RuntimeError naming the spawn start method. Each probe
runs in a subprocess with a time limit, so a hang fails the test instead
of stopping the suite.
"""

import os
import subprocess
import sys

import pytest

from support import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork() here")

PROLOGUE = """
import multiprocessing, os, signal, sys, threading
import multilingualprogramming as mp
from multilingualprogramming.wasm.loader import WasmModule
p = mp.compile_source('''
def add(a: int, b: int) -> int:
    return a + b

def total(n: int) -> int:
    s = 0
    for i in range(n):
        s = s + i
    return s
''', language="en")
assert p.add(1, 2) == 3
wasm = p.wasm_bytes
"""

CHILD = PROLOGUE + """
def probe(what, fn):
    try:
        fn()
    except RuntimeError as exc:
        assert "spawn" in str(exc) and "fork" in str(exc), exc
        print(what, "refused", flush=True)
    else:
        print(what, "ran", flush=True)

def in_thread():
    t = threading.Thread(target=lambda: probe("thread call", lambda: p.total(10)))
    t.start()
    t.join()

pid = os.fork()
if pid == 0:
    signal.alarm(20)  # a child that hangs anyway ends, rather than outliving the test
    probe("compile", lambda: mp.compile_source("def g(a: int) -> int:\\n    return a\\n", language="en"))
    probe("call", lambda: p.total(10))
    probe("prepared call", lambda: p.add(1, 2))
    probe("timed call", lambda: p.call("total", 10, timeout=5))
    probe("module", lambda: WasmModule.from_bytes(wasm).instantiate())
    in_thread()
    probe("close", lambda: p._module.close())
    # Exiting runs the modules' deallocators, which must not wait for Go either.
    sys.exit(0)
_, status = os.waitpid(pid, 0)
print("child exit", os.waitstatus_to_exitcode(status))
print("parent still works", p.total(10), mp.compile_source("def h(a: int) -> int:\\n    return a\\n",
                                                        language="en").h(4))
"""

POOL = PROLOGUE + """
def work(n):
    return p.total(n)

if __name__ == "__main__":
    # The initializer ends workers that would hang, rather than letting them outlive the test.
    with multiprocessing.get_context("fork").Pool(2, initializer=signal.alarm, initargs=(20,)) as pool:
        try:
            print(pool.map(work, [10, 20]))
        except RuntimeError as exc:
            print("pool refused:", "spawn" in str(exc))
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        print("spawn pool", pool.map(len, ["ab"]))
"""


def run(code):
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=40)


def test_forked_child_refuses_instead_of_hanging():
    out = run(CHILD)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    for what in ("compile", "call", "prepared call", "timed call", "module", "thread call"):
        assert "%s refused" % what in lines, (what, out.stdout, out.stderr)
    assert "close ran" in lines, out.stdout  # releasing skips Go: nothing to refuse
    assert "child exit 0" in lines, out.stdout
    assert "parent still works 45 4" in lines, out.stdout


def test_fork_pool_raises_and_spawn_pool_works(tmp_path):
    script = tmp_path / "pool.py"
    script.write_text(POOL)
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    out = subprocess.run([sys.executable, str(script)], env=env, capture_output=True,
                         text=True, timeout=40)
    assert out.returncode == 0, out.stderr
    assert "pool refused: True" in out.stdout.splitlines(), (out.stdout, out.stderr)
    assert "spawn pool [2]" in out.stdout.splitlines(), out.stdout
