"""Run a compiled program's functions on Dask workers.

>>> from dask.distributed import Client, LocalCluster          # doctest: +SKIP
>>> client = Client(LocalCluster(n_workers=2, processes=True))  # doctest: +SKIP
>>> prog = mp.compile_file("myfunction.multi")                     # doctest: +SKIP
>>> map_on_cluster(client, prog, "expensive_operation", range(100))  # doctest: +SKIP

The program travels once: its WebAssembly bytes and Python fallback are
scattered to every worker (``broadcast=True``), not sent with each task.
Each worker process rebuilds the program from them once and keeps it in a
cache keyed by the content, so its module is compiled once per worker (and
loaded from the on-disk compilation cache when that worker has seen it
before). Calls then run inside the workers with Backend.AUTO semantics, so
the results equal local ones. Needs the optional dependency
``dask[distributed]``.
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any, Dict, Iterable, List, Optional, Tuple

from ._backend import Backend
from ._program import Program

__all__ = ["map_on_cluster", "program_key"]

_programs: Dict[str, Program] = {}
_programs_lock = threading.Lock()


def program_key(prog: Program) -> str:
    """A content key for a program: the same bytes give the same key."""
    h = hashlib.sha256()
    h.update(prog.wasm_bytes)
    h.update(prog.python_source.encode("utf-8"))
    return h.hexdigest()


def _worker_program(key: str, shipped: Tuple[Dict[str, Any], str]) -> Program:
    with _programs_lock:
        prog = _programs.get(key)
        if prog is None:
            artifact, filename = shipped
            prog = Program(artifact, filename)
            _programs[key] = prog
        return prog


def _run_chunk(key: str, shipped: Tuple[Dict[str, Any], str], name: str, backend: str,
               start: int, chunk: List[Tuple[Any, ...]]) -> List[Any]:
    prog = _worker_program(key, shipped)
    out = []
    for offset, args in enumerate(chunk):
        try:
            out.append(prog.call(name, *args, backend=backend))
        except BaseException as exc:
            note = getattr(exc, "add_note", None)
            if note is not None:
                note("raised on a Dask worker by the call for input #%d" % (start + offset))
            raise
    return out


def map_on_cluster(client: Any, prog: Program, name: str, args_iterable: Iterable[Any],
                   backend: "Backend | str" = Backend.AUTO, chunk_size: Optional[int] = None,
                   retries: int = 3) -> List[Any]:
    """Call ``prog.name`` once per item of ``args_iterable`` on the cluster.

    Items that are tuples are unpacked into arguments. Results come back in
    input order. Calls are grouped into chunks (default: about four per
    worker thread) so that tiny calls are not dominated by scheduling; a
    chunk whose worker dies is re-run elsewhere (``retries`` times). An
    exception raised by the program reaches the caller with its type and
    message.
    """
    if name not in prog.functions:
        raise ValueError("program %s has no function %r" % (prog.filename, name))
    backend_value = Backend.coerce(backend).value
    items = [a if isinstance(a, tuple) else (a,) for a in args_iterable]
    if not items:
        return []
    if chunk_size is None:
        threads = sum(client.nthreads().values()) or 1
        chunk_size = max(1, len(items) // (4 * threads))
    key = program_key(prog)
    shipped = client.scatter((prog.artifact(), prog.filename), broadcast=True, hash=False)
    futures = []
    for start in range(0, len(items), chunk_size):
        chunk = items[start:start + chunk_size]
        futures.append(client.submit(_run_chunk, key, shipped, name, backend_value, start, chunk,
                                     pure=False, retries=retries))
    results: List[Any] = []
    for part in client.gather(futures):
        results.extend(part)
    return results
