"""The list letters of Module.function on hand-written modules: what the
bridge needs from a module (__ml_alloc, __ml_reset) and how it treats list
headers it cannot trust. Programs compiled by the compiler are covered by
tests/test_lists_bridge.py.

The WebAssembly modules are byte literals produced once with wasmtime-py's
wat2wasm from the WAT text quoted above each of them.
"""

import pytest

native = pytest.importorskip(
    "multilingualprogramming._native",
    reason="native extension not built (go build -tags pyext -buildmode=c-shared ./pybridge)")

# (module
#   (memory (export "memory") 1)
#   (global $heap (mut i32) (i32.const 16))
#   (func (export "__ml_error") (result i32) i32.const 0)
#   (func (export "__ml_reset") i32.const 16 global.set $heap)
#   (func (export "__ml_alloc") (param i32) (result i32) (local i32)
#     global.get $heap local.set 1
#     global.get $heap local.get 0 i32.add i32.const 7 i32.add i32.const -8 i32.and
#     global.set $heap
#     local.get 1)
#   (func (export "wild") (param i32) (result i32) local.get 0)
#   (func (export "long") (result i32)                 ;; len 2**31-1, data 32
#     i32.const 16 i32.const 0x7fffffff i32.store
#     i32.const 24 i32.const 32 i32.store
#     i32.const 16)
#   (func (export "first") (param i32) (result i64)
#     local.get 0 i32.load offset=8 i64.load))
ARENA_WASM = bytes.fromhex(
    "0061736d010000000112046000017f60000060017f017f60017f017e03070600010202000305030100"
    "010606017f0141100b074707066d656d6f727902000a5f5f6d6c5f6572726f7200000a5f5f6d6c5f72"
    "6573657400010a5f5f6d6c5f616c6c6f6300020477696c640003046c6f6e67000405666972737400"
    "050a4c06040041000b0600411024000b1701017f23002101230020006a41076a417871240020010b04"
    "0020000b1600411041ffffffff073602004118412036020041100b0a0020002802082903000b000e04"
    "6e616d65070701000468656170")

# (module (memory (export "memory") 1)
#   (func (export "f") (param i32) (result i32) local.get 0))
BARE_WASM = bytes.fromhex(
    "0061736d0100000001060160017f017f030201000503010001070e02066d656d6f72790200016600000a"
    "0601040020000b")


def test_lists_need_the_arena_exports():
    m = native.Module(BARE_WASM)
    with pytest.raises(Exception, match="__ml_alloc"):
        m.function("f", "I:I")
    assert m.function("f", "b:b")(True) is True  # scalar letters need nothing


def test_list_round_trip_through_the_arena():
    m = native.Module(ARENA_WASM)
    first = m.function("first", "I:i")
    assert first([42, 7]) == 42
    a = [5.5]
    assert m.function("wild", "F:F")(a) is a  # the argument itself comes back
    assert a == [5.5]


@pytest.mark.parametrize("sig", ["I:i", "F:i", "LI:i", "F:f", "I:I", ":n", "i:i", "Ii:i"])
def test_list_letters_must_match_the_wasm_types(sig):
    m = native.Module(ARENA_WASM)
    if sig in ("I:i", "F:i", "LI:i"):
        m.function("first", sig)  # (i32) -> i64 takes a list and gives an int
    else:
        with pytest.raises(ValueError, match="does not match"):
            m.function("first", sig)


def test_headers_out_of_bounds_raise():
    m = native.Module(ARENA_WASM)
    with pytest.raises(SystemError, match="out of bounds"):
        m.function("wild", "b:I")(True)  # address 1, below the heap
    with pytest.raises(SystemError, match="out of bounds"):
        m.function("long", ":LF")()  # 2**31 - 1 elements in 64 KiB
    assert m.function("first", "I:i")([3]) == 3  # still usable
