"""A build names its source relative to the build folder, so a build moved
with its source (or installed from the wheel) names no path of the machine
that made it, and its errors still point at the source file."""

import json
import os
import shutil

import pytest

import multilingualprogramming as mp
from multilingualprogramming import _corpus
from support import needs_native

pytestmark = needs_native

SRC = "def half(n: int) -> int:\n    return n // 2\n\ndef boom(n: int) -> int:\n    return [1][n]\n"


def _build(root):
    src = root / "proj" / "prog.en.multi"
    out = root / "proj" / "build"
    src.parent.mkdir(parents=True)
    src.write_text(SRC, encoding="utf-8")
    _corpus.write_build(mp.compile_file(str(src)), "prog", str(out))
    return src, out


def test_manifest_records_the_source_relative_to_the_build(tmp_path):
    _, out = _build(tmp_path)
    manifest = json.loads((out / "prog.json").read_text(encoding="utf-8"))
    assert manifest["source"] == os.path.join("..", "prog.en.multi")
    assert str(tmp_path) not in (out / "prog.json").read_text(encoding="utf-8")


def test_moved_build_names_its_new_place(tmp_path):
    _build(tmp_path)
    moved = tmp_path / "elsewhere"
    shutil.move(str(tmp_path / "proj"), str(moved))
    prog = _corpus.load_build(str(moved / "build" / "prog.json"))
    assert prog.half(9) == 4
    assert prog.filename == os.path.normpath(str(moved / "prog.en.multi"))
    with pytest.raises(IndexError) as info:
        prog.call("boom", 5, backend=mp.Backend.PYTHON)
    assert any(os.path.normpath(str(moved / "prog.en.multi")) == f.filename
               for f in __import__("traceback").extract_tb(info.value.__traceback__))


def test_old_manifest_with_an_absolute_source_still_loads(tmp_path):
    src, out = _build(tmp_path)
    path = out / "prog.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["source"] = str(src)
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert _corpus.load_build(str(path)).filename == str(src)


def test_pseudo_file_names_are_kept(tmp_path):
    out = tmp_path / "b"
    _corpus.write_build(mp.compile_source(SRC, language="en"), "p", str(out))
    manifest = json.loads((out / "p.json").read_text(encoding="utf-8"))
    assert manifest["source"].startswith("<")
    assert _corpus.load_build(str(out / "p.json")).filename == manifest["source"]
