"""The glibc checker of tests/wheel/glibc.py (run by `make wheel` on the
built wheels): version names and limits, and its reading of an ELF file
against binutils' readelf on the extension `make build` made."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXT = os.path.join(ROOT, "python", "multilingualprogramming", "_native.abi3.so")

_spec = importlib.util.spec_from_file_location("wheel_glibc", os.path.join(HERE, "glibc.py"))
assert _spec is not None and _spec.loader is not None
glibc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(glibc)


@pytest.mark.parametrize("name, want", [
    ("GLIBC_2.17", (2, 17)),
    ("GLIBC_2.2.5", (2, 2, 5)),
    ("GLIBC_2.3", (2, 3)),
    ("GLIBC_PRIVATE", None),
    ("GCC_3.0", None),
    ("GLIBCXX_3.4", None),
    ("GLIBC_", None),
])
def test_glibc_version(name, want):
    assert glibc.glibc_version(name) == want


@pytest.mark.parametrize("needs, want", [
    ({"libc.so.6": ["GLIBC_2.2.5", "GLIBC_2.9", "GLIBC_2.17", "GLIBC_2.14"]}, (2, 17)),
    ({"libc.so.6": ["GLIBC_2.2.5"], "libpthread.so.0": ["GLIBC_2.12"]}, (2, 12)),
    ({"libc.so.6": ["GLIBC_2.34"], "libgcc_s.so.1": ["GCC_3.0", "GCC_4.2.0"]}, (2, 34)),
    ({"libgcc_s.so.1": ["GCC_3.0"]}, None),
    ({}, None),
])
def test_newest_glibc_compares_numbers_not_text(needs, want):
    assert glibc.newest_glibc(needs) == want


@pytest.mark.parametrize("text, want", [("2.17", (2, 17)), ("2.28", (2, 28)), ("2", (2,))])
def test_parse_version(text, want):
    assert glibc.parse_version(text) == want


@pytest.mark.parametrize("text", ["", "2.", "two", "2.17a", "manylinux2014"])
def test_parse_version_rejects(text):
    with pytest.raises(ValueError):
        glibc.parse_version(text)


@pytest.mark.parametrize("data", [b"", b"MZ\x90\x00", b"\x7fELF\x01\x01\x01" + bytes(64)])
def test_not_a_64_bit_elf_file(data):
    with pytest.raises(ValueError):
        glibc.machine(data)


def ext_bytes():
    """The bytes of the extension `make build` made, or a skip."""
    if not os.path.exists(EXT):
        pytest.skip("the extension is not built (make build)")
    with open(EXT, "rb") as f:
        return f.read()


def test_check_reports_a_newer_glibc_and_a_wrong_machine(capsys):
    data = ext_bytes()
    newest = glibc.newest_glibc(glibc.needed_versions(data))
    assert newest is not None
    below = newest[:-1] + (newest[-1] - 1,)
    problems = glibc.check("ext", data, below, "riscv64")
    assert any("newer than glibc" in p for p in problems)
    assert any("not riscv64" in p for p in problems)
    assert glibc.check("ext", data, newest, glibc.machine(data)) == []


def readelf(*args):
    """readelf's output on the built extension, or a skip."""
    if shutil.which("readelf") is None:
        pytest.skip("readelf (binutils) is not installed")
    ext_bytes()
    return subprocess.run(["readelf", "--wide", *args, EXT], capture_output=True, text=True,
                          check=True).stdout


def test_version_needs_match_readelf():
    out = readelf("-V")
    want = {}
    lib = None
    for line in out.split("Version needs section", 1)[1].splitlines():
        m = re.search(r"File: (\S+)", line)
        if m:
            lib = m.group(1)
            want[lib] = []
        m = re.search(r"Name: (\S+)", line)
        if m and lib is not None:
            want[lib].append(m.group(1))
    assert glibc.needed_versions(ext_bytes()) == want


def test_machine_matches_readelf():
    names = {"Advanced Micro Devices X86-64": "x86_64", "AArch64": "aarch64"}
    m = re.search(r"Machine:\s+(.+)", readelf("-h"))
    assert m is not None
    assert glibc.machine(ext_bytes()) == names.get(m.group(1).strip(), m.group(1).strip())
