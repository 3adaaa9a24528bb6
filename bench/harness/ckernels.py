"""The C column: the kernels of bench/harness/c, compiled with gcc at run time.

Every C file is a standalone program, ``<name> ARGS... REPEAT``, that times
its kernel with CLOCK_MONOTONIC and prints the result and the best time per
call in milliseconds, so the process start never counts. The kernels are
natural C: no attribute on the kernel (gcc optimizes it, recursion included,
as it would any C), the input read from argv, and the timing loop calling
it through a volatile function pointer so the call cannot be folded away or
hoisted out of the loop. Files are built
with ``gcc -O2 -ffp-contract=off`` (no fused multiply-add: the float
kernels must give the corpus's bits) into a temporary directory. Without
gcc the column is skipped with a note.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from typing import Any, Callable, Dict, List, Optional, Tuple

from .timing import Measurement

C_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "c")
CFLAGS = ["-O2", "-ffp-contract=off"]


def c_sources() -> Dict[str, str]:
    """Kernel name -> path of every C file of C_DIR."""
    return {name[:-2]: os.path.join(C_DIR, name)
            for name in sorted(os.listdir(C_DIR)) if name.endswith(".c")}


class CKernels:
    """Compiled C kernels in a temporary directory; close() removes it."""

    def __init__(self, compiler: Optional[str] = None) -> None:
        self.compiler = compiler or os.environ.get("CC") or "gcc"
        self.version = ""
        self.unavailable = ""
        self._dir: Optional[str] = None
        self._exes: Dict[str, str] = {}
        self._errors: Dict[str, str] = {}
        path = shutil.which(self.compiler)
        if path is None:
            self.unavailable = "%s not found: no C column" % self.compiler
            return
        self.compiler = path
        try:
            out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
            self.version = out.stdout.splitlines()[0] if out.stdout else ""
        except (OSError, subprocess.SubprocessError) as exc:
            self.unavailable = "%s does not run: %s" % (self.compiler, exc)

    def build(self, names: List[str]) -> None:
        """Compile the named kernels; failures are kept per kernel."""
        if self.unavailable:
            return
        if self._dir is None:
            self._dir = tempfile.mkdtemp(prefix="multilingual-bench-")
        sources = c_sources()
        for name in names:
            if name in self._exes or name in self._errors:
                continue
            src = sources.get(name)
            if src is None:
                self._errors[name] = "no C source %s.c" % name
                continue
            exe = os.path.join(self._dir, name)
            proc = subprocess.run([self.compiler, *CFLAGS, "-o", exe, src],
                                  capture_output=True, text=True, timeout=120)
            if proc.returncode != 0:
                self._errors[name] = "gcc failed: " + proc.stderr.strip()[-300:]
            else:
                self._exes[name] = exe

    def error(self, name: str) -> str:
        """Why kernel name cannot run, or ""."""
        return self.unavailable or self._errors.get(name, "")

    def run(self, name: str, args: List[str], parse: Callable[[str], Any],
            budget: float) -> Measurement:
        """Time kernel name on args: one call first, then enough repeats to
        spend about ``budget`` seconds (at most 2000), best time kept."""
        value, seconds = self._once(name, args, 1, parse)
        repeat = 1
        if seconds < budget / 2:
            repeat = int(min(2000, max(3, budget / max(seconds, 1e-7))))
            value2, best = self._once(name, args, repeat, parse)
            if value2 != value:
                raise AssertionError("C kernel %s gave %r, then %r" % (name, value, value2))
            seconds = min(seconds, best)
        return Measurement(value, seconds, repeat + 1)

    def _once(self, name: str, args: List[str], repeat: int,
              parse: Callable[[str], Any]) -> Tuple[Any, float]:
        exe = self._exes.get(name)
        if exe is None:
            raise RuntimeError(self.error(name) or "kernel %s not built" % name)
        proc = subprocess.run([exe, *args, str(repeat)], capture_output=True, text=True,
                              timeout=900)
        if proc.returncode != 0:
            raise RuntimeError("%s exited with %d: %s" % (name, proc.returncode, proc.stderr[-300:]))
        words = proc.stdout.split()
        if len(words) != 2:
            raise RuntimeError("%s printed %r" % (name, proc.stdout[:200]))
        return parse(words[0]), float(words[1]) / 1e3

    def close(self) -> None:
        """Remove the temporary directory."""
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
            self._exes.clear()
