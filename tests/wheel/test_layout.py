"""The layout checker of tests/wheel/layout.py: the extension `make build`
made has the call path where pybridge/hot.ld puts it, and a file without
it is refused."""

from __future__ import annotations

import importlib.util
import os
import sys
import zipfile

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXT = os.path.join(ROOT, "python", "multilingualprogramming", "_native.abi3.so")

_spec = importlib.util.spec_from_file_location("wheel_layout", os.path.join(HERE, "layout.py"))
assert _spec is not None and _spec.loader is not None
layout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(layout)

linux_build = pytest.mark.skipif(not sys.platform.startswith("linux") or not os.path.exists(EXT),
                                 reason="the Linux extension of `make build`")


@linux_build
def test_built_extension_has_the_call_path_together() -> None:
    with open(EXT, "rb") as f:
        data = f.read()
    assert layout.check(EXT, data) == []
    sections = layout.sections_by_name(data)
    addr, size, _ = sections[layout.HOT_SECTION]
    # The section comes before the rest of the code.
    assert addr < sections[".text"][0]
    assert 0 < size < 64 * 1024


@linux_build
def test_entry_point_is_a_dynamic_symbol() -> None:
    with open(EXT, "rb") as f:
        symbols = layout.dynamic_symbols(f.read())
    assert layout.ENTRY in symbols
    assert "PyInit__native" in symbols


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")
def test_a_file_without_the_section_is_refused() -> None:
    with open(os.path.realpath(sys.executable), "rb") as f:
        data = f.read()
    problems = layout.check(sys.executable, data)
    assert len(problems) == 1 and "no .text.ml_hot section" in problems[0]


def test_main_reports_a_missing_file_as_an_error(tmp_path) -> None:
    wheel = tmp_path / "empty.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr("multilingualprogramming/__init__.py", "")
    assert layout.main([str(wheel)]) == 1
