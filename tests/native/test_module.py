"""Tests of the native extension multilingualprogramming._native (Module and
its fast callables). They build nothing: build the extension first
(see pybridge/doc.go); without it they are skipped.

The WebAssembly modules are byte literals produced once with wasmtime-go's
Wat2Wasm from the WAT text quoted above each of them.
"""

import gc
import math

import pytest

native = pytest.importorskip(
    "multilingualprogramming._native",
    reason="native extension not built (go build -tags pyext -buildmode=c-shared ./pybridge)")

import multilingualprogramming as mp  # noqa: E402  (installs mp.WasmTrap as the trap class)

# (module
#   (memory (export "memory") 1)
#   (global $err (mut i32) (i32.const 0))
#   (func (export "add") (param i64 i64) (result i64) local.get 0 local.get 1 i64.add)
#   (func (export "checked_add") (param $a i64) (param $b i64) (result i64) (local $r i64)
#     local.get $a local.get $b i64.add local.set $r
#     local.get $a local.get $r i64.xor local.get $b local.get $r i64.xor i64.and
#     i64.const 0 i64.lt_s
#     if i32.const 1 global.set $err unreachable end      ;; ErrOverflow, as generated code does
#     local.get $r)
#   (func (export "noop"))
#   (func (export "div") (param i64 i64) (result i64) local.get 0 local.get 1 i64.div_s)
#   (func (export "fail") (param i32) local.get 0 global.set $err unreachable)
#   (func (export "__ml_error") (result i32) global.get $err)
#   (func $rec (export "recurse") (param i64) (result i64)
#     local.get 0 i64.const 1 i64.add call $rec)
#   (func (export "fadd") (param f64 f64) (result f64) local.get 0 local.get 1 f64.add)
#   (func (export "is_pos") (param i64) (result i32) local.get 0 i64.const 0 i64.gt_s)
#   (func (export "negate") (param i32) (result i32) local.get 0 i32.eqz)
#   (func (export "load") (param i32) (result i32) local.get 0 i32.load)
#   (func (export "f32id") (param f32) (result f32) local.get 0)
#   (func (export "pair") (result i64 f64) i64.const 7 f64.const 2.5))
TEST_WASM = bytes.fromhex(
    "0061736d0100000001310a60027e7e017e60000060017f006000017f60017e017e60027c7c017c"
    "60017e017f60017f017f60017d017d6000027e7c030e0d0000010002030405060707080905030100"
    "010606017f0141000b07780e066d656d6f727902000361646400000b636865636b65645f61646400"
    "01046e6f6f700002036469760003046661696c00040a5f5f6d6c5f6572726f72000507726563757273"
    "650006046661646400070669735f706f730008066e65676174650009046c6f6164000a0566333269"
    "64000b0470616972000c0a80010d0700200020017c0b2301017e200020017c21022000200285200120"
    "028583420053044041012400000b20020b02000b0700200020017f0b070020002400000b04002300"
    "0b0900200042017c10060b070020002001a00b070020004200550b05002000450b07002000280200"
    "0b040020000b0d0042074400000000000004400b0023046e616d65010601060372656302"
    "0c0101030001610101620201720706010003657272")

# (module (func (export "boom") unreachable))   -- a foreign module: no __ml_error
BARE_WASM = bytes.fromhex(
    "0061736d010000000104016000000302010007080104626f6f6d00000a05010300000b")

# (module (import "env" "log" (func (param i32))) (import "env" "mem" (memory 1)))
IMPORT_WASM = bytes.fromhex(
    "0061736d0100000001050160017f0002160203656e76036c6f67000003656e76036d656d020001")

I64_MAX = 2**63 - 1


@pytest.fixture
def mod():
    m = native.Module(TEST_WASM)
    yield m
    m.close()


def test_version():
    assert native.__version__ == "0.1.0"


def test_exceptions():
    assert issubclass(native.WasmTrap, RuntimeError)
    assert issubclass(native.CompileError, Exception)
    assert not issubclass(native.CompileError, SyntaxError)


def test_exports_and_imports(mod):
    exports = {name: (params, results) for name, params, results in mod.exports()}
    assert exports["add"] == (("i64", "i64"), ("i64",))
    assert exports["noop"] == ((), ())
    assert exports["f32id"] == (("f32",), ("f32",))
    assert exports["pair"] == ((), ("i64", "f64"))
    assert "memory" not in exports
    assert mod.imports() == []


def test_module_accepts_bytes_like():
    for data in (bytearray(TEST_WASM), memoryview(TEST_WASM)):
        m = native.Module(data)
        assert m.call("add", 1, 2) == 3
        m.close()


def test_call(mod):
    assert mod.call("add", 2, 3) == 5
    assert mod.call("add", -7, 3) == -4
    assert mod.call("noop") is None
    assert mod.call("fadd", 0.5, 0.25) == 0.75
    assert mod.call("is_pos", 4) == 1          # i32 -> int without a signature
    assert mod.call("f32id", 0.25) == 0.25
    assert mod.call("pair") == (7, 2.5)


def test_call_errors(mod):
    with pytest.raises(TypeError, match="takes 2 arguments"):
        mod.call("add", 1)
    with pytest.raises(TypeError, match="must be int, not str"):
        mod.call("add", "1", 2)
    with pytest.raises(TypeError, match="must be float, not str"):
        mod.call("fadd", "x", 1.0)
    with pytest.raises(OverflowError):
        mod.call("add", 2**63, 1)
    with pytest.raises(ValueError, match="add, checked_add, noop"):
        mod.call("nope")
    with pytest.raises(TypeError):
        mod.call()


def test_function_fast_path(mod):
    add = mod.function("add", "ii:i")
    assert add(40, 2) == 42
    assert add(I64_MAX, 0) == I64_MAX
    assert add(-I64_MAX - 1, 0) == -I64_MAX - 1
    assert add(True, 1) == 2
    assert add.__name__ == "add"
    assert "i64" in add.__doc__
    noop = mod.function("noop", ":n")
    assert noop() is None
    fadd = mod.function("fadd", "ff:f")
    assert fadd(1.5, 2.25) == 3.75
    assert fadd(1, 2.0) == 3.0                 # ints convert when there is no fallback
    assert math.isnan(fadd(float("nan"), 1.0))
    is_pos = mod.function("is_pos", "i:b")
    assert is_pos(3) is True and is_pos(-3) is False
    negate = mod.function("negate", "b:b")
    assert negate(True) is False and negate(0) is True
    derived = mod.function("add")
    assert derived(1, 2) == 3
    with pytest.raises(TypeError, match=r"add\(\) takes 2 arguments \(3 given\)"):
        add(1, 2, 3)
    with pytest.raises(TypeError, match="must be int, not float"):
        add(1.0, 2)
    with pytest.raises(OverflowError, match="64-bit"):
        add(2**64, 1)
    with pytest.raises(TypeError):
        add(x=1, y=2)


def test_function_keywords_and_bad_signatures(mod):
    f = mod.function(name="add", signature="ii:i", fallback=None)
    assert f(1, 1) == 2
    for sig in ("i:i", "ff:f", "ii:f", "ii:n", "iii:i", "ii", ""):
        with pytest.raises(ValueError, match="signature"):
            mod.function("add", sig)
    with pytest.raises(ValueError, match="exports"):
        mod.function("missing")
    with pytest.raises(TypeError):
        mod.function("add", 3)
    with pytest.raises(TypeError):
        mod.function("add", None, 42)          # fallback must be callable
    with pytest.raises(TypeError):
        mod.function("add", bogus=1)


@pytest.mark.parametrize("name,args,exc", [
    ("div", (1, 0), ZeroDivisionError),
    ("div", (-2**63, -1), OverflowError),
    ("checked_add", (I64_MAX, 1), OverflowError),
    ("recurse", (0,), RecursionError),
    ("fail", (2,), ZeroDivisionError),
    ("fail", (3,), IndexError),
    ("fail", (4,), ValueError),
    ("fail", (5,), AssertionError),
    ("fail", (6,), MemoryError),
    ("fail", (7,), mp.WasmTrap),            # Unsupported, no fallback
    ("fail", (0,), mp.WasmTrap),            # unreachable with no recorded code
    ("load", (1 << 20,), mp.WasmTrap),      # out-of-bounds memory access
])
def test_traps(mod, name, args, exc):
    with pytest.raises(exc):
        mod.call(name, *args)
    fast = mod.function(name)
    with pytest.raises(exc):
        fast(*args)
    # The instance stays usable after a trap.
    assert mod.call("add", 1, 2) == 3


def test_generic_trap_message():
    m = native.Module(BARE_WASM)
    with pytest.raises(mp.WasmTrap) as info:
        m.call("boom")
    msg = str(info.value)
    assert "boom" in msg and "unreachable" in msg and "backtrace" in msg
    m.close()


def test_auto_fallback(mod):
    calls = []

    def fallback(a, b):
        calls.append((a, b))
        return a + b

    add = mod.function("checked_add", "ii:i", fallback)
    assert add(1, 2) == 3
    assert mod.last_call() == ("checked_add", "wasm", "wasm")
    assert calls == []
    assert add(2**70, 1) == 2**70 + 1           # argument does not fit in i64
    assert mod.last_call() == ("checked_add", "python", "wasm-overflow-fallback")
    assert add(I64_MAX, 1) == I64_MAX + 1       # the wasm code traps with ErrOverflow
    assert mod.last_call() == ("checked_add", "python", "wasm-overflow-fallback")
    assert add("a", "b") == "ab"                # a type wasm cannot take
    assert mod.last_call() == ("checked_add", "python", "wasm-argument-fallback")
    assert len(calls) == 3

    native_overflow = mod.function("div", "ii:i", lambda a, b: a // b)
    assert native_overflow(-2**63, -1) == 2**63  # native INTEGER_OVERFLOW trap
    fadd = mod.function("fadd", "ff:f", lambda a, b: ("py", a + b))
    assert fadd(1, 2.0) == ("py", 3.0)          # an int for an f param goes to Python
    fail = mod.function("fail", None, lambda c: "unsupported")  # derived: i32 param
    assert fail(7) == "unsupported"
    with pytest.raises(IndexError):             # other traps are not retried
        fail(3)
    div = mod.function("div", "ii:i", lambda a, b: 0)
    with pytest.raises(ZeroDivisionError):
        div(1, 0)


def test_fallback_exception_propagates(mod):
    def boom(a, b):
        raise KeyError("from fallback")
    add = mod.function("checked_add", "ii:i", boom)
    with pytest.raises(KeyError):
        add(2**64, 0)


def test_record_call(mod):
    assert mod.last_call() is None
    mod.record_call("f", "python", "forced-python")
    assert mod.last_call() == ("f", "python", "forced-python")


def test_bad_wasm_bytes():
    for data in (b"", b"not wasm", b"\x00asm", b"\x00asm\x01\x00\x00\x00\xff",
                 TEST_WASM[:40], TEST_WASM[:-5]):
        with pytest.raises(ValueError):
            native.Module(data)
    with pytest.raises(TypeError):
        native.Module("a string")
    with pytest.raises(TypeError):
        native.Module()


def test_imports_cannot_instantiate():
    with pytest.raises(ValueError, match=r"env\.log \(func\).*env\.mem \(memory\)"):
        native.Module(IMPORT_WASM)


def test_memory(mod):
    size = mod.memory_size()
    assert size == 65536
    mod.memory_write(100, b"\x01\x02\x03\x04")
    assert mod.memory_read(100, 4) == b"\x01\x02\x03\x04"
    assert mod.call("load", 100) == 0x04030201
    mod.memory_write(200, bytearray(b"xy"))
    mod.memory_write(202, memoryview(b"z"))
    assert mod.memory_read(200, 3) == b"xyz"
    assert mod.memory_read(size, 0) == b""
    for off, n in ((-1, 1), (0, -1), (size, 1), (size - 1, 2), (2**62, 2**62), (2**70, 1)):
        with pytest.raises(IndexError):
            mod.memory_read(off, n)
    with pytest.raises(IndexError):
        mod.memory_write(size - 1, b"ab")
    with pytest.raises(TypeError):
        mod.memory_write(0, "text")
    with pytest.raises(TypeError):
        mod.memory_read("0", 1)


def test_no_memory():
    m = native.Module(BARE_WASM)
    with pytest.raises(ValueError, match="memory"):
        m.memory_size()
    m.close()


def test_close(mod):
    add = mod.function("add", "ii:i")
    assert not mod.closed
    mod.close()
    mod.close()                                  # idempotent
    assert mod.closed
    for call in (lambda: add(1, 2), lambda: mod.call("add", 1, 2), mod.exports,
                 mod.memory_size, lambda: mod.function("add")):
        with pytest.raises(ValueError, match="closed"):
            call()


def test_callable_keeps_module_alive():
    add = native.Module(TEST_WASM).function("add", "ii:i")
    gc.collect()
    assert add(2, 2) == 4


def test_same_bytes_share_compilation_but_not_state():
    a, b = native.Module(TEST_WASM), native.Module(TEST_WASM)
    a.memory_write(0, b"\x2a")
    assert b.memory_read(0, 1) == b"\x00"
    a.close()
    b.close()


def test_compile_errors_and_dict():
    # Shape checks that hold whatever the compiler accepts: an unknown
    # language is a ValueError, not a crash.
    with pytest.raises((ValueError, native.CompileError)):
        native.compile("x", "f.multi", "xx", False)
    with pytest.raises(TypeError):
        native.compile(1, "f.multi", None, False)
