"""Tests of multilingualprogramming.wasm.loader's bridge options: memory
limit, host functions, time limits, buffers and MULTILINGUAL_DEBUG logging."""

import array
import logging

import pytest

from support import needs_native
from multilingualprogramming.wasm.loader import WasmModule

wasmtime = pytest.importorskip("wasmtime")

pytestmark = needs_native

MODULE = wasmtime.wat2wasm("""(module
  (import "env" "scale" (func $scale (param i64) (result i64)))
  (memory (export "memory") 1)
  (func (export "scaled") (param i64) (result i64) local.get 0 call $scale)
  (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
  (func (export "spin") (loop br 0))
  (func (export "load") (param i32) (result i32) local.get 0 i32.load))""")


def make(**kw):
    kw.setdefault("imports", {("env", "scale"): lambda x: 10 * x})
    return WasmModule.from_bytes(MODULE, **kw)


def test_imports_and_calls():
    m = make()
    assert m.call("scaled", 4) == 40
    assert m.get_imports() == [("env", "scale", "func")]
    with pytest.raises(ValueError, match=r"env\.scale"):
        WasmModule.from_bytes(MODULE).instantiate()


def test_memory_limit():
    m = make(memory_limit=2 * 65536)
    assert m.call("grow", 1) == 1
    assert m.call("grow", 1) == -1
    with pytest.raises(ValueError):
        make(memory_limit=0)
    with pytest.raises(ValueError):
        make(memory_limit="big")


def test_timeout():
    m = make()
    with pytest.raises(TimeoutError):
        m.call("spin", timeout=0.02)
    assert m.call("scaled", 1, timeout=5) == 10


def test_buffers():
    m = make()
    m.write_memory(8, array.array("i", [5, 6]))
    assert m.call("load", 12) == 6
    out = bytearray(8)
    assert m.read_memory_into(8, out) == 8
    assert bytes(out) == array.array("i", [5, 6]).tobytes()


def test_load_from_path(tmp_path):
    path = tmp_path / "m.wasm"
    path.write_bytes(MODULE)
    m = WasmModule.load(path, imports={("env", "scale"): abs}, memory_limit=1 << 20)
    assert m.call("scaled", -3) == 3


def test_debug_logging(monkeypatch, caplog):
    monkeypatch.setenv("MULTILINGUAL_DEBUG", "1")
    with caplog.at_level(logging.DEBUG, logger="multilingualprogramming"):
        make().instantiate()
    messages = [r.getMessage() for r in caplog.records]
    assert any("loaded <bytes>" in msg and "ms" in msg and "cache" in msg for msg in messages), messages


def test_call_is_the_extensions_method_once_instantiated():
    """WasmModule.call becomes a method of the class that calls the native
    module's call; it serves whichever native module the instance holds,
    and the Python method serves instances without one."""
    m = make()
    assert m.call("scaled", 2, timeout=5) == 20          # the lazy first call, with a time limit
    assert "call" not in vars(m)                          # the class's method, never hidden
    assert type(WasmModule.__dict__["call"]).__name__ == "method_descriptor"
    first = m._native
    assert m.call("scaled", 3) == 30
    with pytest.raises(TimeoutError):
        m.call("spin", timeout=0.02)
    with pytest.raises(TypeError, match="unexpected keyword argument 'timout'"):
        m.call("scaled", 3, timout=1)
    assert m.function("scaled") is m.function("scaled")
    assert m.function("scaled")(5) == 50
    other = make()
    assert other.call("scaled", 7) == 70 and m.call("scaled", 6) == 60   # two instances in turn
    m.close()
    assert m._native is None
    assert m.call("scaled", 4) == 40                      # instantiated again on the next call
    assert m._native is not None and m._native is not first
    assert m.call("scaled", 1) == 10


def test_loaded_modules_are_freed():
    """The extension's WasmModule.call remembers the last instance it
    served weakly: the instance goes away with its last reference."""
    import gc
    import weakref
    m = make()
    assert m.call("scaled", 2) == 20
    ref = weakref.ref(m)
    del m
    gc.collect()
    assert ref() is None
    assert make().call("scaled", 3) == 30


def test_bounded_functions_of_a_loaded_module():
    """Exports that cannot run long keep the GIL by default; the native
    module behind WasmModule says which they are."""
    m = make()
    assert m.call("load", 0) == 0
    native = m._instance()
    assert native.bounded("load") is True
    assert [native.bounded(n) for n in ("scaled", "grow", "spin")] == [False, False, False]
    with pytest.raises(TimeoutError):
        m.call("spin", timeout=0.02)                     # timed calls still work
    assert m.function("load")(4) == 0
