"""The disk cache trusts only the user's own directory and regular files.

Cache entries become machine code in the process, so a directory that
another user owns or that others may write to is refused (a warning is
logged and nothing is cached), an entry that is not the user's regular
file is never used (a FIFO used to block the process forever), a relative
MULTILINGUAL_CACHE_DIR is resolved once, and a module loaded from an entry
survives the entry being truncated or rewritten in place (it used to die
of SIGBUS). Each probe is a fresh process with a time limit.
"""

import os
import subprocess
import sys

import pytest

import multilingualprogramming as mp
from support import ROOT

OTHER_UID = 65534  # nobody

needs_root = pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0,
                                reason="giving a file to another user needs root")

LOAD = """
import sys
from multilingualprogramming import _native_loader
n = _native_loader.native  # the package imports the extension on first use, through _native_loader
m = n.Module(open(sys.argv[1], "rb").read(), interruptible=False)
info = m.load_info
print("dir", n.cache_dir())
print("source", info["source"])
print("path", info["cache_path"])
print("error", info["cache_error"])
if len(sys.argv) > 2:
    # damage the entry this module came from, then use the module
    with open(info["cache_path"], "r+b") as f:
        f.truncate(0)
        f.write(b"\\xcc" * 4096)
print("total", m.call("total", 100000))
"""


@pytest.fixture(scope="module")
def wasm_file(tmp_path_factory):
    prog = mp.compile_source("def total(n: int) -> int:\n    s = 0\n    for i in range(n):\n"
                             "        s = s + i * i\n    return s\n", language="en")
    path = tmp_path_factory.mktemp("wasm") / "total.wasm"
    path.write_bytes(prog.wasm_bytes)
    return str(path)


def load(cache, *args, cwd=None):
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"), MULTILINGUAL_CACHE_DIR=cache)
    out = subprocess.run([sys.executable, "-c", LOAD, *args], env=env, cwd=cwd,
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    fields = dict(line.split(" ", 1) for line in out.stdout.splitlines())
    assert fields["total"] == str(sum(i * i for i in range(100000)))
    return fields, out.stderr


@needs_root
def test_directory_of_another_user_is_refused(tmp_path, wasm_file):
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    os.chown(theirs, OTHER_UID, -1)
    fields, stderr = load(str(theirs), wasm_file)
    assert fields["dir"] == "None" and fields["path"] == ""
    assert "cache disabled" in stderr and "owned by uid %d" % OTHER_UID in stderr, stderr
    assert os.listdir(theirs) == []


def test_directory_writable_by_others_is_refused(tmp_path, wasm_file):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o775)
    fields, stderr = load(str(shared), wasm_file)
    assert fields["dir"] == "None"
    assert "cache disabled" in stderr and "writable by other users" in stderr, stderr
    assert os.listdir(shared) == []


def test_relative_directory_is_resolved_once(tmp_path, wasm_file):
    (tmp_path / "work").mkdir()
    code = LOAD.replace("m = n.Module", "import os; os.chdir('/')\nm = n.Module")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"), MULTILINGUAL_CACHE_DIR="rel")
    out = subprocess.run([sys.executable, "-c", code, wasm_file], env=env, cwd=str(tmp_path / "work"),
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    fields = dict(line.split(" ", 1) for line in out.stdout.splitlines())
    want = str(tmp_path / "work" / "rel")
    assert fields["dir"] == want
    assert fields["error"] == "None" and os.path.dirname(fields["path"]) == want, fields


def entry_of(cache, wasm_file):
    fields, _ = load(cache, wasm_file)
    assert fields["source"] == "compiled", fields
    fields, _ = load(cache, wasm_file)
    assert fields["source"] == "disk", fields
    return fields["path"]


def test_fifo_entry_is_skipped_without_blocking(tmp_path, wasm_file):
    cache = str(tmp_path / "cache")
    path = entry_of(cache, wasm_file)
    os.remove(path)
    os.mkfifo(path, 0o600)
    fields, _ = load(cache, wasm_file)   # used to block in open() until the time limit
    assert fields["source"] == "compiled" and "not a regular file" in fields["error"], fields
    assert os.path.isfile(path)            # replaced by a real entry
    assert load(cache, wasm_file)[0]["source"] == "disk"


@needs_root
def test_entry_of_another_user_is_not_used(tmp_path, wasm_file):
    cache = str(tmp_path / "cache")
    path = entry_of(cache, wasm_file)
    os.chown(path, OTHER_UID, -1)
    fields, _ = load(cache, wasm_file)
    assert fields["source"] == "compiled" and "owned by uid %d" % OTHER_UID in fields["error"], fields
    assert os.stat(path).st_uid == os.getuid()   # replaced by the user's own entry


def test_entry_rewritten_in_place_after_loading(tmp_path, wasm_file):
    cache = str(tmp_path / "cache")
    entry_of(cache, wasm_file)
    # The process loads from the entry, truncates and overwrites it, then calls.
    fields, _ = load(cache, wasm_file, "damage")
    assert fields["source"] == "disk"
    fields, _ = load(cache, wasm_file)
    assert fields["source"] == "compiled" and "corrupt" in fields["error"], fields
