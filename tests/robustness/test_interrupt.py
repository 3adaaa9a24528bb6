"""Ctrl-C stops WebAssembly calls and instantiations on the main thread.

CPython's SIGINT handler only sets a flag that the interpreter reads
between bytecodes, so a call running WebAssembly used to ignore Ctrl-C
(only SIGKILL ended `p.spin(1)`, also with `timeout=20` pending), and a
module whose start function loops froze the process with the GIL held.
Every probe sends SIGINT to its own process 0.3 s into a call that would
run forever and expects KeyboardInterrupt within a second (about a
millisecond in practice), then checks that the program still works. The
probes run in one fresh process with a time limit, so a hang fails the test
instead of stopping the suite.
"""

import os
import subprocess
import sys

import pytest

from support import ROOT

# The probes send SIGINT from `sh` and read GNU date's nanoseconds.
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX signals, GNU date")

PROBES = r'''
import os, signal, subprocess, sys, threading, time
import multilingualprogramming as mp
from multilingualprogramming import _native_loader
from multilingualprogramming.wasm.loader import WasmModule

native = _native_loader.native
p = mp.compile_source("""
def spin(n: int) -> int:
    s = 0
    while True:
        s = s + n
    return s

def count(n: int) -> int:
    s = 0
    for i in range(n):
        s = s + i % 7
    return s

def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def walk(xs: list[int], k: int) -> int:
    s = 0
    for r in range(k):
        for x in xs:
            s = s + x % 3
    xs[0] = 7
    return s
""", language="en")

def leb(n):
    out = bytearray()
    while True:
        b = n & 0x7f
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)

def section(sid, body):
    return bytes([sid]) + leb(len(body)) + body

# (module (type (func)) (type (func (result i32)))
#   (func $spin (loop br 0)) (func (export "one") (result i32) i32.const 1)
#   (export "spin" (func $spin)) [(start $spin)])
def foreign(start):
    types = section(1, b"\x02\x60\x00\x00\x60\x00\x01\x7f")
    funcs = section(3, b"\x02\x00\x01")
    exports = section(7, b"\x02\x04spin\x00\x00\x03one\x00\x01")
    startsec = section(8, b"\x00") if start else b""
    code = section(10, b"\x02\x07\x00\x03\x40\x0c\x00\x0b\x0b\x04\x00\x41\x01\x0b")
    return b"\x00asm\x01\x00\x00\x00" + types + funcs + exports + startsec + code

def probe(name, fn, expect=KeyboardInterrupt):
    # The signal comes from another process, as Ctrl-C from a terminal:
    # a Python thread could not send it while a call holds the GIL. The
    # sender prints when it sends it.
    sender = subprocess.Popen(["sh", "-c", "sleep 0.3; date +%%s.%%N; kill -INT %d" % os.getpid()],
                              stdout=subprocess.PIPE, text=True)
    try:
        fn()
    except expect:
        stopped = time.time()
        sent = float(sender.communicate()[0])
        print("%s stopped %.1f ms" % (name, (stopped - sent) * 1e3), flush=True)
    except BaseException as exc:
        print("%s raised %r" % (name, exc), flush=True)
    else:
        print("%s returned" % name, flush=True)
    sender.wait()

probe("fast", lambda: p.spin(1))
probe("timed", lambda: p.call("spin", 1, timeout=20))
probe("range", lambda: p.count(2 ** 62))
probe("recursion", lambda: p.fib(90))
xs = list(range(1000))
probe("lists", lambda: p.walk(xs, 2 ** 40))
print("lists untouched", xs[0] == 0 and len(xs) == 1000, flush=True)
held = native.Module(p.wasm_bytes, interruptible=False).function("spin", "i:i", release_gil=False)
probe("gil held", lambda: held(1))
m = WasmModule.from_bytes(foreign(False))
probe("foreign", lambda: m.call("spin"))
probe("start", lambda: WasmModule.from_bytes(foreign(True)).instantiate())

# A Python handler installed after the import: it runs, and the call stops.
hits = []
signal.signal(signal.SIGINT, lambda *a: hits.append(1))
probe("quiet handler", lambda: p.spin(1))
print("quiet handler ran", hits == [1], flush=True)

class Stop(Exception):
    pass

def stop(*a):
    raise Stop()

signal.signal(signal.SIGINT, stop)
probe("raising handler", lambda: p.spin(1), expect=Stop)
signal.signal(signal.SIGINT, signal.default_int_handler)

print("still works", p.count(10), p.fib(20), p.walk([1, 2, 3], 1), m.call("one"), flush=True)

# Instantiation releases the GIL and honours its time limit.
ticks = []
stop_ticking = threading.Event()
def ticker():
    while not stop_ticking.is_set():
        ticks.append(1)
        time.sleep(0.01)
t = threading.Thread(target=ticker)
t.start()
start = time.perf_counter()
try:
    WasmModule.from_bytes(foreign(True), timeout=0.5).instantiate()
except TimeoutError:
    print("start timeout %.2f s, other thread ran %s" % (time.perf_counter() - start, len(ticks) > 10),
          flush=True)
try:
    WasmModule.from_bytes(foreign(True)).call("one", timeout=0.3)
except TimeoutError:
    print("first call timeout", flush=True)
stop_ticking.set()
t.join()

# A call in another thread is not stopped: Python raises KeyboardInterrupt
# in the main thread only (here in the wait), and the call runs to its limit.
outcome = []
done = threading.Event()
def worker():
    try:
        p.call("spin", 1, timeout=1.0)
    except BaseException as exc:
        outcome.append(type(exc).__name__)
    done.set()
threading.Thread(target=worker).start()
probe("main waits", lambda: done.wait())
done.wait()
print("worker", outcome, flush=True)
'''


def test_ctrl_c_stops_calls_and_instantiation():
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    out = subprocess.run([sys.executable, "-c", PROBES], env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    stopped = {line.split(" stopped ")[0]: float(line.split(" stopped ")[1].split()[0])
               for line in lines if " stopped " in line}
    for name in ("fast", "timed", "range", "recursion", "lists", "gil held", "foreign", "start",
                 "quiet handler", "raising handler", "main waits"):
        assert name in stopped, (name, out.stdout, out.stderr)
        assert stopped[name] < 1000, (name, stopped[name])   # about 1 ms here
    assert "lists untouched True" in lines
    assert "quiet handler ran True" in lines
    assert "still works 24 6765 3 1" in lines, out.stdout
    start = [line for line in lines if line.startswith("start timeout")]
    assert start and start[0].endswith("other thread ran True"), out.stdout
    assert 0.4 < float(start[0].split()[2]) < 5
    assert "first call timeout" in lines
    assert "worker ['TimeoutError']" in lines, out.stdout
