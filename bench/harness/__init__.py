"""The benchmark suite: every corpus workload on every backend, side by side.

It lives in the source tree, not in the package: the wheel ships none of
it (it needs gcc, Numba and matplotlib). ``main(argv)`` (run as
``python bench/bench_corpus.py``, part of ``make bench-py``) runs the
corpus's workloads (matrix multiply, Adler-32, a simple hash, an XOR stream,
JSON validation, recursive fib, an image blur, a sieve, Mandelbrot) at
several sizes on five backends in one process:

- WebAssembly through the Program (``Backend.AUTO``), call and conversion
  overhead included;
- the generated Python fallback on CPython, with sizes beyond a time cap
  extrapolated rather than run, and marked;
- a hand-written NumPy/zlib/json equivalent where one exists;
- Numba's ``njit`` of the same generated Python, the peer to beat;
- the C kernels of ``bench/harness/c``, built with gcc at run time.

Every backend must return the same value for every size it ran; a
disagreement is reported and makes ``main`` return 1. The suite also
measures the per-call overhead of tiny functions and, for the matrix and
Adler-32 workloads, a sweep of small sizes that locates the break-even
point where WebAssembly starts to beat CPython. It writes ``results.md``
(machine, command, tables) and ``results.png`` (log-log time against size,
one panel per workload) into ``--out`` (default ``bench/``). ``--quick``
runs tiny sizes in a few seconds.

The harness picks, per workload, what the WebAssembly column can run: the
corpus's list-taking functions once lists cross the bridge (their
FunctionInfo says compilable), otherwise the scalar benchmark wrapper of
the same program, and the report says which.
"""

from .suite import main

__all__ = ["main"]
