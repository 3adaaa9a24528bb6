"""WebAssembly traps after faulthandler.enable(), in fresh processes.

Wasmtime reports traps through signal handlers installed with its engine
(which the extension creates when it is imported). A handler installed
later, as faulthandler.enable() does, must not turn the next trap into a
crash; real crashes must still reach faulthandler.
"""

import os
import signal
import subprocess
import sys

import pytest

from support import ROOT, needs_native

pytestmark = needs_native

PROGRAM = """
import faulthandler, sys, threading
import multilingualprogramming as mp
p = mp.compile_source('''
def div(a: int) -> int:
    return a // 0

def deep(n: int) -> int:
    return deep(n + 1) + 1

def at(n: int) -> int:
    return [1, 2][n]
''', language="en")
def traps():
    for name, exc in (("div", ZeroDivisionError), ("deep", RecursionError), ("at", IndexError)):
        try:
            p.call(name, 5, backend=mp.Backend.WASM)
        except exc:
            print(name, "ok", flush=True)
MODE
traps()
t = threading.Thread(target=traps)
t.start()
t.join()
"""


def run(mode, *flags):
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    return subprocess.run([sys.executable, *flags, "-c", PROGRAM.replace("MODE", mode)],
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("mode,flags", [
    ("traps(); faulthandler.enable()", ()),          # enabled after the engine and a trap
    ("faulthandler.enable(); faulthandler.enable()", ()),
    ("pass", ("-X", "faulthandler")),                  # enabled before the import
    ("faulthandler.enable(all_threads=False); faulthandler.disable(); faulthandler.enable()", ()),
])
def test_traps_survive_faulthandler(mode, flags):
    out = run(mode, *flags)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.split()
    assert lines.count("ok") >= 6, out.stdout


def test_real_crash_still_reaches_faulthandler():
    out = run("faulthandler.enable(); traps(); import ctypes; ctypes.string_at(0)")
    assert out.returncode == -signal.SIGSEGV, (out.returncode, out.stderr)
    assert "Fatal Python error: Segmentation fault" in out.stderr
    assert "string_at" in out.stderr


def test_faulthandler_enabled_while_the_engines_are_created():
    # The extension creates Wasmtime's engines on a background thread when
    # it loads; faulthandler.enable() soon after the import used to race
    # with that, and its handler could be taken for Wasmtime's: the next
    # trap then ended the process (3 runs in 100 of this program, before
    # the fix; none in 150 after). As many fresh processes as a few
    # seconds allow.
    for _ in range(20):
        out = run("faulthandler.enable(); faulthandler.enable()")
        assert out.returncode == 0, out.stderr
