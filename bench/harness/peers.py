"""The mypyc and Cython columns: the kernels of bench/harness/typed compiled
at bench time into a temporary directory.

typed/kernels.py (the kernels as typed Python) is compiled by mypyc, from
the pinned mypy; typed/kernels.pyx (the same kernels with cdef C types,
Cython's default directives) is cythonized and built by Cython. Both are
built with the C compiler and flags of this Python's sysconfig (what
setuptools uses), nothing is committed, and a missing tool or a failed
build leaves the column out with a note instead of failing the run.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import types
from typing import Any, Callable, Dict, List, Optional

TYPED_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "typed")
MYPYC_SOURCE = os.path.join(TYPED_DIR, "kernels.py")
CYTHON_SOURCE = os.path.join(TYPED_DIR, "kernels.pyx")

# peer -> (source, module name in the build directory, tool module)
PEERS = {
    "mypyc": (MYPYC_SOURCE, "ml_bench_mypyc_kernels", "mypyc"),
    "cython": (CYTHON_SOURCE, "ml_bench_cython_kernels", "Cython"),
}


def tool_version(peer: str) -> Optional[str]:
    """The version of the tool behind peer (mypy's for mypyc), or None
    when it is not installed."""
    tool = PEERS[peer][2]
    if importlib.util.find_spec(tool) is None:
        return None
    try:
        mod = importlib.import_module("mypy.version" if tool == "mypyc" else tool)
        return str(getattr(mod, "__version__"))
    except Exception:  # noqa: BLE001 - a broken install means no column
        return None


def _command(peer: str, source: str) -> List[str]:
    if peer == "mypyc":
        return [sys.executable, "-m", "mypyc", source]
    return [sys.executable, "-m", "Cython.Build.Cythonize", "-i", "-q", source]


class CompiledPeers:
    """The mypyc and Cython builds of the typed kernels, in a temporary
    directory; close() removes it."""

    def __init__(self) -> None:
        self._dir: Optional[str] = None
        self.modules: Dict[str, types.ModuleType] = {}
        self.notes: Dict[str, str] = {}
        self.versions: Dict[str, str] = {}

    def build(self, peers: List[str], timeout: float = 600) -> None:
        """Compile and import each named peer; a failure is kept as its note."""
        for peer in peers:
            if peer not in PEERS:
                raise ValueError("unknown peer %r (known: %s)" % (peer, ", ".join(sorted(PEERS))))
            if peer in self.modules or peer in self.notes:
                continue
            version = tool_version(peer)
            if version is None:
                self.notes[peer] = "%s is not installed: no %s column" % (PEERS[peer][2], peer)
                continue
            self.versions[peer] = version
            try:
                self.modules[peer] = self._build_one(peer, timeout)
            except (OSError, subprocess.SubprocessError, ImportError, RuntimeError) as exc:
                self.notes[peer] = "%s build failed: %s" % (peer, str(exc).strip()[-300:])

    def _build_one(self, peer: str, timeout: float) -> types.ModuleType:
        source, module_name, _ = PEERS[peer]
        if self._dir is None:
            self._dir = tempfile.mkdtemp(prefix="multilingual-peers-")
        work = os.path.join(self._dir, peer)
        os.makedirs(work, exist_ok=True)
        target = os.path.join(work, module_name + os.path.splitext(source)[1])
        shutil.copyfile(source, target)
        proc = subprocess.run(_command(peer, os.path.basename(target)), cwd=work,
                              capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError((proc.stdout + proc.stderr).strip()[-300:] or
                               "exit status %d" % proc.returncode)
        os.remove(target)  # so that the import finds the extension, not the source
        sys.path.insert(0, work)
        try:
            importlib.invalidate_caches()
            module = importlib.import_module(module_name)
        finally:
            sys.path.remove(work)
        if not getattr(module, "__file__", "").endswith(tuple(_extension_suffixes())):
            raise ImportError("%s imported %s, not a compiled extension" % (peer, module.__file__))
        return module

    def function(self, peer: str, name: str) -> Optional[Callable[..., Any]]:
        """The compiled kernel name of peer, or None when peer was not built."""
        module = self.modules.get(peer)
        return None if module is None else getattr(module, name)

    def close(self) -> None:
        """Remove the build directory (the imported modules stay loaded)."""
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None


def _extension_suffixes() -> List[str]:
    from importlib.machinery import EXTENSION_SUFFIXES
    return list(EXTENSION_SUFFIXES)
