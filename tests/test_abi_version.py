"""The module ABI version: recorded in every compiled module and in the
manifest of a build, checked when either is loaded (RATIONALE.md)."""

import json

import pytest

import multilingualprogramming as mp
from multilingualprogramming import _corpus
from multilingualprogramming.wasm.loader import WasmModule
from support import needs_native

SOURCE = "def add(a: int, b: int) -> int:\n    return a + b\n"
SECTION = b"multilingual.abi"


def _native():
    from multilingualprogramming import _native_loader
    return _native_loader.native


@pytest.fixture
def prog():
    return mp.compile_source(SOURCE, language="en", filename="abi.multi")


def _with_abi(wasm: bytes, version: int) -> bytes:
    """wasm with the version of its leading ABI section replaced (one byte)."""
    head = b"\x00asm\x01\x00\x00\x00" + bytes([0, len(SECTION) + 2, len(SECTION)]) + SECTION
    assert wasm.startswith(head), wasm[:32]
    return head + bytes([version]) + wasm[len(head) + 1:]


@needs_native
def test_module_records_the_runtime_abi(prog):
    runtime = _native().ABI_VERSION
    assert _with_abi(prog.wasm_bytes, runtime) == prog.wasm_bytes
    assert WasmModule.from_bytes(prog.wasm_bytes).instantiate().call("add", 2, 3) == 5


@needs_native
def test_module_of_another_abi_is_refused(prog):
    runtime = _native().ABI_VERSION
    with pytest.raises(ValueError) as exc:
        WasmModule.from_bytes(_with_abi(prog.wasm_bytes, runtime - 1)).instantiate()
    want = "module built for ABI %d, this runtime speaks ABI %d; rebuild it" % (runtime - 1, runtime)
    assert want in str(exc.value)


@needs_native
def test_manifest_records_and_checks_the_abi(prog, tmp_path):
    runtime = _native().ABI_VERSION
    _, _, manifest = _corpus.write_build(prog, "abi", str(tmp_path))
    with open(manifest, encoding="utf-8") as f:
        data = json.load(f)
    assert data["abi"] == runtime
    assert _corpus.load_build(manifest).add(2, 3) == 5
    data["abi"] = runtime + 1
    with open(manifest, "w", encoding="utf-8") as f:
        json.dump(data, f)
    with pytest.raises(ValueError, match="module built for ABI %d, this runtime speaks ABI %d; rebuild it"
                       % (runtime + 1, runtime)):
        _corpus.load_build(manifest)
    del data["abi"]
    with open(manifest, "w", encoding="utf-8") as f:
        json.dump(data, f)
    with pytest.raises(ValueError, match="records no ABI version"):
        _corpus.load_build(manifest)
