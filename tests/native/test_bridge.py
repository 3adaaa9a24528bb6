"""Tests of the bridge's runtime features: threads and the GIL, time limits,
the memory limit, host functions, traps, bulk memory and the disk cache.

The WebAssembly text is turned into bytes with wasmtime-py's wat2wasm, a
pinned test dependency (requirements-dev.txt).
"""

import array
import os
import subprocess
import sys
import threading
import time

import pytest

native = pytest.importorskip(
    "multilingualprogramming._native",
    reason="native extension not built (make build)")
wat2wasm = pytest.importorskip("wasmtime").wat2wasm

import multilingualprogramming as mp  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# count(n) loops n times (a CPU-bound function); spin() never returns.
LOOP_WASM = wat2wasm("""(module
  (memory (export "memory") 1)
  (func (export "count") (param i64) (result i64) (local i64)
    (loop
      local.get 1 local.get 0 i64.add local.set 1
      local.get 0 i64.const 1 i64.sub local.tee 0
      i64.const 0 i64.gt_s br_if 0)
    local.get 1)
  (func (export "spin") (loop br 0))
  (func (export "store") (param i32 i32) local.get 0 local.get 1 i32.store)
  (func (export "load") (param i32) (result i32) local.get 0 i32.load))""")

# grow(n) grows the memory by n pages: a foreign module gets -1 on failure,
# checked_grow traps the way generated modules do (__ml_error code 6).
GROW_WASM = wat2wasm("""(module
  (memory (export "memory") 1)
  (global $err (mut i32) (i32.const 0))
  (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
  (func (export "checked_grow") (param i32) (result i32)
    local.get 0 memory.grow
    i32.const -1 i32.eq if i32.const 6 global.set $err unreachable end
    i32.const 1)
  (func (export "__ml_error") (result i32) global.get $err))""")

HOST_WASM = wat2wasm("""(module
  (import "env" "log" (func $log (param i32 f64)))
  (import "env" "twice" (func $twice (param i64) (result i64)))
  (import "env" "pair" (func $pair (result i32 f32)))
  (func (export "run") (param i64) (result i64)
    i32.const 7 f64.const 0.5 call $log
    local.get 0 call $twice)
  (func (export "get_pair") (result i32 f32) call $pair))""")

TRAP_WASM = wat2wasm("""(module (memory 1)
  (func $inner (export "oob") (result i32) i32.const 100000 i32.load)
  (func (export "outer") (result i32) call $inner)
  (func (export "boom") unreachable))""")


def count_sum(n):
    return n * (n + 1) // 2


# ---- threads and the GIL ----

def test_threads_get_their_own_instances():
    m = native.Module(LOOP_WASM)
    m.call("store", 0, 111)
    seen = {}

    def worker(k):
        m.call("store", 0, k)          # writes its own instance's memory
        time.sleep(0.01)
        seen[k] = (m.call("load", 0), m.memory_read(0, 4))

    threads = [threading.Thread(target=worker, args=(k,)) for k in (1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {k: v[0] for k, v in seen.items()} == {1: 1, 2: 2, 3: 3}
    assert seen[2][1] == (2).to_bytes(4, "little")
    assert m.call("load", 0) == 111    # the main thread's instance is untouched
    # Instances of threads that exited are closed when a new thread comes.
    t = threading.Thread(target=lambda: m.call("load", 0))
    t.start()
    t.join()
    assert m.threads <= 3
    m.close()


def test_parallel_threads_are_correct():
    m = native.Module(LOOP_WASM)
    count = m.function("count")
    n = 2_000_000
    results = []

    def worker():
        for _ in range(3):
            results.append(count(n))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [count_sum(n)] * 12


def test_gil_is_released_during_calls():
    m = native.Module(LOOP_WASM)
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    time.sleep(0.01)
    before = len(ticks)
    m.call("count", 300_000_000)       # a few hundred ms of WebAssembly
    during = len(ticks) - before
    stop.set()
    t.join()
    assert during > 5, "the other thread did not run while WebAssembly did"


def test_release_gil_switch():
    m = native.Module(LOOP_WASM)
    assert m.release_gil is True
    m.release_gil = False
    assert m.call("count", 10) == 55
    f = m.function("count", release_gil=True)
    assert f(10) == 55
    with pytest.raises(TypeError):
        del m.release_gil


def test_bounded_exports():
    """The runtime reads every export's code: functions that cannot run long
    or call Python are bounded, and keep the GIL unless asked otherwise."""
    m = native.Module(LOOP_WASM)
    assert [m.bounded(n) for n in ("count", "spin", "store", "load")] == [False, False, True, True]
    g = native.Module(GROW_WASM)
    assert [g.bounded(n) for n in ("grow", "checked_grow", "__ml_error")] == [False, False, True]
    h = native.Module(HOST_WASM, imports={("env", "log"): lambda a, b: None, ("env", "twice"): abs,
                                          ("env", "pair"): lambda: (1, 2.0)})
    assert h.bounded("run") is False and h.bounded("get_pair") is False
    with pytest.raises(ValueError, match="exports"):
        m.bounded("memory")
    with pytest.raises(TypeError):
        m.bounded(3)
    with pytest.raises(TypeError):
        m.bounded()
    # Every combination of settings gives the same answers.
    for module_setting in (True, False):
        m.release_gil = module_setting
        for release in (None, True, False):
            store, load = m.function("store", release_gil=release), m.function("load", release_gil=release)
            store(8, 41 + int(module_setting))
            assert load(8) == 41 + int(module_setting)
            assert m.function("count", release_gil=release)(10) == 55
    m.close()
    with pytest.raises(ValueError, match="closed"):
        m.bounded("load")


def test_call_remembers_the_last_name():
    """call() skips the lookup when given the same name object again; names
    that are equal but distinct, alternating names and closing all work."""
    m = native.Module(LOOP_WASM)
    m.call("store", 0, 5)
    for name in ("load", "".join(["lo", "ad"]), "load", "count"):
        assert m.call(name, *((0,) if name == "load" else (3,))) == (5 if name == "load" else 6)
    m.close()
    with pytest.raises(ValueError, match="closed"):
        m.call("count", 3)


def test_unbounded_calls_still_release_the_gil():
    """count() loops, so calls through call() and function() with the
    default release_gil let other threads run."""
    m = native.Module(LOOP_WASM)
    assert not m.bounded("count")
    stop = threading.Event()
    ticks = []

    def ticker():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        time.sleep(0.01)
        before = len(ticks)
        m.function("count", release_gil=None)(300_000_000)
        assert len(ticks) - before > 5, "the other thread did not run while WebAssembly did"
    finally:
        stop.set()
        t.join()


def test_close_while_another_thread_runs():
    m = native.Module(LOOP_WASM)
    count = m.function("count")
    out = []
    started = threading.Event()

    def worker():
        started.set()
        out.append(count(200_000_000))

    t = threading.Thread(target=worker)
    t.start()
    started.wait()
    time.sleep(0.02)
    m.close()                          # the running call finishes first
    t.join()
    assert out == [count_sum(200_000_000)]
    with pytest.raises(ValueError, match="closed"):
        count(1)


# ---- time limits ----

def test_timeout():
    m = native.Module(LOOP_WASM)
    start = time.perf_counter()
    with pytest.raises(TimeoutError, match="spin"):
        m.call("spin", timeout=0.05)
    elapsed = time.perf_counter() - start
    assert 0.05 <= elapsed < 5
    assert m.call("count", 100, timeout=10) == count_sum(100)   # usable afterwards
    assert m.call("count", 100) == count_sum(100)
    spin = m.function("spin", timeout=0.02)
    for _ in range(2):
        with pytest.raises(TimeoutError):
            spin()
    fast = m.function("count", None, None, 1.0)
    assert fast(1000) == count_sum(1000)


@pytest.mark.parametrize("bad,exc", [(0, ValueError), (-1, ValueError), (float("nan"), ValueError),
                                     (1e12, ValueError), ("1", TypeError)])
def test_bad_timeouts(bad, exc):
    m = native.Module(LOOP_WASM)
    with pytest.raises(exc):
        m.call("count", 1, timeout=bad)
    with pytest.raises(exc):
        m.function("count", timeout=bad)


def test_call_keywords():
    m = native.Module(LOOP_WASM)
    with pytest.raises(TypeError, match="unexpected keyword"):
        m.call("count", 1, deadline=1)
    assert m.call("count", 3, timeout=None) == 6


def test_timeout_in_threads():
    m = native.Module(LOOP_WASM)
    errors = []

    def worker():
        try:
            m.call("spin", timeout=0.05)
        except TimeoutError as e:
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(errors) == 3


# ---- memory limit ----

def test_memory_limit_default():
    m = native.Module(GROW_WASM)
    assert m.call("grow", 4095 - 1) == 1          # 4096 pages = 256 MiB in all
    assert m.call("grow", 1) == 4095
    assert m.call("grow", 1) == -1                # past 256 MiB


def test_memory_limit_configured():
    m = native.Module(GROW_WASM, memory_limit=4 * 65536)
    assert m.call("grow", 3) == 1
    assert m.call("grow", 1) == -1
    with pytest.raises(MemoryError, match="memory limit"):
        m.call("checked_grow", 1)
    assert m.memory_size() == 4 * 65536           # still usable
    big = native.Module(GROW_WASM, memory_limit=1 << 30)
    assert big.call("grow", 8000) == 1


def test_memory_limit_errors():
    with pytest.raises(ValueError):
        native.Module(GROW_WASM, memory_limit=0)
    with pytest.raises(ValueError):
        native.Module(GROW_WASM, memory_limit=-5)
    with pytest.raises(TypeError):
        native.Module(GROW_WASM, memory_limit="1M")
    with pytest.raises(TypeError):
        native.Module(GROW_WASM, 1 << 20)         # keyword only
    with pytest.raises(MemoryError):
        native.Module(wat2wasm('(module (memory (export "memory") 20))'), memory_limit=65536)


# ---- host functions ----

def test_host_functions():
    logged = []

    def log(a, b):
        logged.append((a, b))

    m = native.Module(HOST_WASM, imports={("env", "log"): log, ("env", "twice"): lambda x: 2 * x,
                                          ("env", "pair"): lambda: (-3, 1.5)})
    assert m.call("run", 21) == 42
    assert logged == [(7, 0.5)]
    assert m.call("get_pair") == (-3, 1.5)
    out = []
    t = threading.Thread(target=lambda: out.append(m.call("run", -5)))   # GIL taken back in the callback
    t.start()
    t.join()
    assert out == [-10]


def test_host_function_exception_propagates():
    class Boom(Exception):
        pass

    def twice(x):
        if x < 0:
            raise Boom("negative %d" % x)
        return 2 * x

    m = native.Module(HOST_WASM, imports={("env", "log"): lambda a, b: None, ("env", "twice"): twice,
                                          ("env", "pair"): lambda: (1, 2.0)})
    with pytest.raises(Boom, match="negative -1"):
        m.call("run", -1)
    assert m.call("run", 4) == 8
    m2 = native.Module(HOST_WASM, imports={("env", "log"): lambda a, b: None,
                                           ("env", "twice"): lambda x: "no",
                                           ("env", "pair"): lambda: (1,)})
    with pytest.raises(TypeError, match="must return int"):
        m2.call("run", 1)
    with pytest.raises((TypeError, IndexError)):
        m2.call("get_pair")


def test_host_import_errors():
    ok = {("env", "log"): print, ("env", "twice"): abs}
    with pytest.raises(ValueError, match=r"missing imports: env\.pair \(func\)"):
        native.Module(HOST_WASM, imports=ok)
    with pytest.raises(ValueError, match=r"missing imports: env\.log.*env\.twice.*env\.pair"):
        native.Module(HOST_WASM)
    with pytest.raises(ValueError, match=r"env\.typo.*does not import"):
        native.Module(HOST_WASM, imports=dict(ok, **{}) | {("env", "pair"): abs, ("env", "typo"): abs})
    with pytest.raises(TypeError, match="callable"):
        native.Module(HOST_WASM, imports={("env", "log"): 3})
    with pytest.raises(TypeError, match="tuples"):
        native.Module(HOST_WASM, imports={"env.log": print})
    with pytest.raises(TypeError, match="dict"):
        native.Module(HOST_WASM, imports=[print])


# ---- traps ----

def test_trap_attributes_and_class():
    # Importing the package installed its WasmTrap as the class traps raise.
    m = native.Module(TRAP_WASM)
    with pytest.raises(mp.WasmTrap) as info:
        m.call("outer")
    e = info.value
    assert e.kind == "memory_out_of_bounds"
    assert e.function == "outer"
    assert e.wasm_backtrace.splitlines()[0].startswith("  0: inner @ 0x")
    assert "1: " in e.wasm_backtrace
    assert "Stack backtrace" not in str(e) and "out of bounds memory access" in str(e)
    with pytest.raises(mp.WasmTrap) as info:
        m.call("boom")
    assert info.value.kind == "unreachable"
    native.set_trap_class(native.WasmTrap)
    try:
        with pytest.raises(native.WasmTrap) as info:
            m.call("boom")
        assert not isinstance(info.value, mp.WasmTrap)
        assert isinstance(info.value, RuntimeError) and info.value.kind == "unreachable"
    finally:
        native.set_trap_class(mp.WasmTrap)
    with pytest.raises(TypeError):
        native.set_trap_class(ValueError)
    with pytest.raises(TypeError):
        native.set_trap_class("x")


def test_trap_messages_ignore_rust_backtrace():
    code = ("import multilingualprogramming._native as n, wasmtime\n"
            "m = n.Module(wasmtime.wat2wasm('(module (func (export \"b\") unreachable))'))\n"
            "try:\n    m.call('b')\nexcept RuntimeError as e:\n    print(repr(str(e)))\n")
    outs = set()
    for env in ({"RUST_BACKTRACE": "1"}, {"RUST_BACKTRACE": "0"}):
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"), **env)
        env.pop("RUST_LIB_BACKTRACE", None)
        outs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                text=True, check=True).stdout)
    assert len(outs) == 1 and "unreachable" in outs.pop()


# ---- bulk memory ----

def test_memory_buffers():
    m = native.Module(LOOP_WASM)
    m.memory_write(0, array.array("i", [1, 2, 3]))
    assert m.call("load", 4) == 2
    m.memory_write(16, memoryview(b"abcdef")[1:4])
    assert m.memory_read(16, 3) == b"bcd"
    m.memory_write(32, memoryview(b"abcdefgh")[::2])        # not contiguous: copied once more
    assert m.memory_read(32, 4) == b"aceg"
    buf = bytearray(3)
    assert m.memory_read_into(16, buf) == 3 and buf == b"bcd"
    with pytest.raises(TypeError):
        m.memory_read_into(0, b"read-only")
    with pytest.raises(IndexError):
        m.memory_read_into(65535, bytearray(2))
    with pytest.raises(IndexError):
        m.memory_write(65535, array.array("i", [1]))
    with pytest.raises(TypeError):
        m.memory_write(0, 12)
    with pytest.raises(TypeError):
        m.memory_write(0, object())


def test_memory_numpy():
    np = pytest.importorskip("numpy")
    m = native.Module(LOOP_WASM)
    a = np.arange(1000, dtype=np.float64)
    m.memory_write(8, a)
    assert m.memory_read(8, 16) == a[:2].tobytes()
    out = np.zeros(1000, dtype=np.float64)
    assert m.memory_read_into(8, out) == 8000
    assert (out == a).all()
    grid = np.arange(12, dtype=np.int32).reshape(3, 4)
    m.memory_write(0, grid.T)                   # Fortran order: goes through bytes()
    assert m.memory_read(0, 48) == grid.T.tobytes()
    big = np.random.default_rng(1).integers(0, 255, 1 << 20, dtype=np.uint8)
    m2 = native.Module(GROW_WASM)
    m2.call("grow", 20)
    m2.memory_write(1, big)
    assert m2.memory_read(1, big.size) == big.tobytes()


# ---- disk cache ----

def many_funcs_wat(n):
    funcs = "\n".join('(func (export "f%d") (param i64) (result i64) local.get 0 i64.const %d i64.mul '
                      'i64.const 3 i64.add)' % (i, i + 1) for i in range(n))
    return "(module %s)" % funcs


def load_in_subprocess(cache_dir, wasm_path):
    code = ("import sys, time, multilingualprogramming._native as n\n"
            "data = open(sys.argv[1], 'rb').read()\n"
            "m = n.Module(data)\n"
            "assert m.call('f2', 5) == 18\n"
            "print(m.load_info['source'], m.load_info['ms'], m.load_info['cache_error'])\n")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"), MULTILINGUAL_CACHE_DIR=cache_dir)
    return subprocess.Popen([sys.executable, "-c", code, wasm_path], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_loads(procs):
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        source, ms, cache_error = out.split(" ", 2)
        outs.append((source, float(ms), cache_error.strip()))
    return outs


def test_disk_cache_across_processes(tmp_path):
    cache = str(tmp_path / "cache")
    wasm_path = tmp_path / "many.wasm"
    wasm_path.write_bytes(wat2wasm(many_funcs_wat(400)))
    # Two processes compile and write the same entry at the same time.
    first = run_loads([load_in_subprocess(cache, str(wasm_path)) for _ in range(2)])
    assert all(err == "None" for _, _, err in first)
    assert {s for s, _, _ in first} <= {"compiled", "disk"}
    # (the extension also keeps a tiny entry it loads at import, to warm
    # the load path: warmup-*.cwasm)
    files = [f for f in os.listdir(cache) if not f.startswith("warmup-")]
    assert len(files) == 1 and files[0].endswith(".cwasm")
    if os.name == "posix":
        assert (os.stat(cache).st_mode & 0o777) == 0o700
    (warm,) = run_loads([load_in_subprocess(cache, str(wasm_path))])
    assert warm[0] == "disk"
    # Corrupt the entry: it is recompiled and replaced, never trusted.
    entry = os.path.join(cache, files[0])
    data = bytearray(open(entry, "rb").read())
    data[len(data) // 2] ^= 0xFF
    open(entry, "wb").write(bytes(data))
    (fixed,) = run_loads([load_in_subprocess(cache, str(wasm_path))])
    assert fixed[0] == "compiled" and "corrupt" in fixed[2]
    (again,) = run_loads([load_in_subprocess(cache, str(wasm_path))])
    assert again[0] == "disk" and again[2] == "None"


def test_cache_dir_functions(tmp_path):
    old = native.cache_dir()
    try:
        native.set_cache_dir(str(tmp_path / "c"))
        assert native.cache_dir() == str(tmp_path / "c")
        native.set_cache_dir(None)
        assert native.cache_dir() is None
        if os.name == "posix":
            shared = tmp_path / "shared"
            shared.mkdir()
            os.chmod(shared, 0o777)
            with pytest.raises(PermissionError):
                native.set_cache_dir(str(shared))
        with pytest.raises(ValueError):
            native.set_cache_dir("")
    finally:
        native.set_cache_dir(old)


def test_load_info():
    m = native.Module(LOOP_WASM)
    info = m.load_info
    assert info["source"] in ("memory", "disk", "compiled")
    assert info["ms"] >= 0
    assert native.Module(LOOP_WASM).load_info["source"] == "memory"


# ---- Module.call keeps each export prepared ----

def test_call_cache_holds_no_reference_to_its_module():
    m = native.Module(LOOP_WASM)
    before = sys.getrefcount(m)
    for n in (0, 3, 10):
        assert m.call("count", n) == count_sum(n)
    assert sys.getrefcount(m) == before          # no cycle: the module still dies with its last user
    for _ in range(2):                           # a missing export is not kept
        with pytest.raises(ValueError, match="count"):
            m.call("nope")
    with pytest.raises(TypeError, match="must be str"):
        m.call(b"count", 1)
    m.close()


def test_call_cache_and_timeouts_and_close():
    m = native.Module(LOOP_WASM)
    assert m.call("count", 4) == 10
    with pytest.raises(TimeoutError):
        m.call("spin", timeout=0.02)
    assert m.call("count", 4, timeout=None) == 10
    assert m.call("count", 5, timeout=5) == 15
    assert m.call("count", 6) == 21              # the prepared function has no time limit
    m.close()
    with pytest.raises(ValueError, match="closed"):
        m.call("count", 4)


def test_host_function_closes_the_module_during_call():
    holder = {}

    def twice(x):
        holder["m"].close()                      # drops the prepared functions mid-call
        return 2 * x

    m = native.Module(HOST_WASM, imports={("env", "log"): lambda a, b: None, ("env", "twice"): twice,
                                          ("env", "pair"): lambda: (1, 2.0)})
    holder["m"] = m
    assert m.call("run", 21) == 42
    assert m.closed
    with pytest.raises(ValueError, match="closed"):
        m.call("run", 1)


# ---- fast modules: no interruption checks ----

def test_fast_module_refuses_timeouts_and_computes_the_same():
    fast = native.Module(LOOP_WASM, interruptible=False)
    slow = native.Module(LOOP_WASM)
    assert fast.call("count", 100000) == slow.call("count", 100000)
    with pytest.raises(ValueError, match="interruptible=True"):
        fast.call("count", 10, timeout=1.0)
    with pytest.raises(ValueError, match="interruptible=True"):
        fast.function("count", timeout=0.5)
    with pytest.raises(TimeoutError):
        slow.call("spin", timeout=0.05)
    assert fast.load_info["source"] in ("memory", "disk", "compiled")
