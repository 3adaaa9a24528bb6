"""Start-up stays low: ``multilingual FILE`` from the disk cache imports
neither the compiler (the native extension) when no function of the program
compiles to WebAssembly, nor typing, dataclasses or linecache; and
FunctionInfo, written by hand for that, behaves as the frozen dataclass it
replaced."""

import os
import pickle
import subprocess
import sys

import pytest

from multilingualprogramming._program import FunctionInfo
from support import ROOT, needs_native

PROBE = """\
import sys
heavy = ["multilingualprogramming._native", "typing", "dataclasses", "inspect", "linecache", "argparse"]
print([name for name in heavy if name in sys.modules])
"""


@needs_native
def test_a_cached_program_starts_without_the_compiler(tmp_path):
    prog = tmp_path / "probe.multi"
    prog.write_text("# language: en\n" + PROBE, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"),
               MULTILINGUAL_CACHE_DIR=str(tmp_path / "cache"))

    def run():
        r = subprocess.run([sys.executable, "-m", "multilingualprogramming", str(prog)],
                           capture_output=True, text=True, env=env, timeout=120)
        assert r.returncode == 0, r.stderr
        return r.stdout

    assert "multilingualprogramming._native" in run()     # compiled: the compiler was needed
    assert run() == "[]\n"                                # from the cache: nothing heavy


def test_import_of_the_package_is_light():
    code = "import multilingualprogramming, sys\n" + PROBE.split("\n", 1)[1]
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env=dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python")))
    assert (r.returncode, r.stdout) == (0, "[]\n"), r.stderr


def test_function_info_is_a_read_only_record():
    info = FunctionInfo("f", (("n", "int"),), "int", True, "", "i:i", True)
    assert repr(info) == ("FunctionInfo(name='f', params=(('n', 'int'),), result='int', "
                          "compilable=True, reason='')")
    assert (info.signature, info.bounded) == ("i:i", True)
    same = FunctionInfo("f", (("n", "int"),), "int", True, "", signature="i:i", bounded=True)
    assert info == same and hash(info) == hash(same)
    assert info != FunctionInfo("f", (("n", "int"),), "int", True, "", "i:i")
    assert info != ("f",)
    with pytest.raises(AttributeError, match="read-only"):
        info.name = "g"
    with pytest.raises(AttributeError, match="read-only"):
        del info.reason
    assert pickle.loads(pickle.dumps(info)) == info
    assert FunctionInfo("g", (), "None", False, "why").signature == ""
