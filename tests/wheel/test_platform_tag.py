"""The tags tests/wheel/platform_tag.py gives a wheel (run by `make wheel`
on auditwheel's report), and the wheels it refuses."""

from __future__ import annotations

import importlib.util
import io
import json
import os

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("wheel_platform_tag", os.path.join(HERE, "platform_tag.py"))
assert _spec is not None and _spec.loader is not None
platform_tag = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(platform_tag)


@pytest.mark.parametrize("overall, floor, arch, want", [
    ("manylinux_2_17_x86_64", (2, 17), "x86_64", "manylinux_2_17_x86_64.manylinux2014_x86_64"),
    ("manylinux_2_17_aarch64", (2, 17), "aarch64", "manylinux_2_17_aarch64.manylinux2014_aarch64"),
    # a wheel that needs less than the floor still gets the floor's tag
    ("manylinux_2_12_x86_64", (2, 17), "x86_64", "manylinux_2_17_x86_64.manylinux2014_x86_64"),
    ("manylinux_2_5_x86_64", (2, 5), "x86_64", "manylinux_2_5_x86_64.manylinux1_x86_64"),
    ("manylinux_2_17_x86_64", (2, 28), "x86_64", "manylinux_2_28_x86_64"),
])
def test_platform_tags(overall, floor, arch, want):
    assert platform_tag.platform_tags(overall, floor, arch) == want


@pytest.mark.parametrize("overall, floor, arch, why", [
    ("manylinux_2_34_x86_64", (2, 17), "x86_64", "needs glibc 2.34"),
    ("manylinux_2_18_x86_64", (2, 17), "x86_64", "needs glibc 2.18"),
    ("linux_x86_64", (2, 17), "x86_64", "no manylinux tag"),
    ("musllinux_1_2_x86_64", (2, 17), "x86_64", "no manylinux tag"),
    ("manylinux_2_17_aarch64", (2, 17), "x86_64", "for aarch64, not x86_64"),
])
def test_refused(overall, floor, arch, why):
    with pytest.raises(ValueError, match=why):
        platform_tag.platform_tags(overall, floor, arch)


@pytest.mark.parametrize("stdin, status, out", [
    (json.dumps({"overall_tag": "manylinux_2_17_x86_64"}), 0, "manylinux_2_17_x86_64.manylinux2014_x86_64\n"),
    (json.dumps({"overall_tag": "manylinux_2_34_x86_64"}), 1, ""),
    (json.dumps({"wheel": "x.whl"}), 1, ""),
    ("", 1, ""),   # auditwheel failed and printed nothing
])
def test_main(monkeypatch, capsys, stdin, status, out):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert platform_tag.main(["--floor", "2.17", "--arch", "x86_64"]) == status
    captured = capsys.readouterr()
    assert captured.out == out
    assert (captured.err != "") == (status != 0)
