"""Choose, per call, between WebAssembly and the Python fallback.

>>> from multilingualprogramming.runtime.backend_selector import BackendSelector, Backend
>>> BackendSelector(prefer_backend=Backend.PYTHON).call_function("fibonacci", 10)
[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]

Detection follows the guide: WebAssembly is used when the native extension
imports (it embeds Wasmtime), a WebAssembly binary holds the function, and
the platform is supported; otherwise the Python fallback runs. Under
``Backend.AUTO`` a call that WebAssembly cannot answer as Python would (an
integer outside 64 bits, an overflow) is re-run in Python; errors Python
raises too (ZeroDivisionError, IndexError) are raised. ``Backend.WASM``
never falls back; ``Backend.PYTHON`` never loads the extension.

Every ``BackendRegistry()`` and ``BackendSelector()`` shares one
process-wide registry unless given ``private=True`` / a registry of its own.
"""

from __future__ import annotations

import os
import platform
import threading
import time
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple, Union

from .. import _corpus, _debug, _native_loader
from .._backend import REASONS, Backend
from .._errors import WasmTrap
from .._version import __version__
from . import python_fallbacks

__all__ = [
    "Backend", "BackendRegistry", "BackendSelector", "REASONS",
    "get_backend_selector", "set_backend", "is_wasm_available", "get_current_backend",
]

PathLike = Union[str, "os.PathLike[str]"]


def is_wasm_available() -> bool:
    """Whether WebAssembly can run here (the native extension imports)."""
    return _native_loader.native is not None


# A compiled function that fails an assert, or traps with no Python
# equivalent, may stand for a Python implementation that raises something
# else (the registry's ValueError): AUTO re-runs such calls in Python.
# ZeroDivisionError, IndexError and the like are Python's own answers and
# are raised.
_TRAPS_PYTHON_WOULD_NOT_RAISE = (AssertionError, WasmTrap)


class _WasmEntry:
    """A registered WebAssembly function: a .wasm file (or a compiled source)
    and the name of the export, loaded on first use."""

    def __init__(self, path: str, export: str, source: bool = False) -> None:
        self.path = path
        self.export = export
        self.source = source
        self._program: Any = None
        self._module: Any = None
        self._signature: Optional[str] = None
        self._lock = threading.Lock()

    def loaded(self) -> bool:
        return self._program is not None or self._module is not None

    def callable(self, fallback: Optional[Callable[..., Any]]) -> Callable[..., Any]:
        with self._lock:
            if self.source:
                if self._program is None:
                    from .._program import compile_file
                    self._program = compile_file(self.path)
                info = self._program.functions.get(self.export)
                if info is None or not info.compilable:
                    raise LookupError("%s: %s is not compiled to WebAssembly%s" % (
                        self.path, self.export, ": " + info.reason if info else ""))
                module = self._program._native_module()
                return module.function(self.export, info.signature, fallback)  # type: ignore[no-any-return]
            if self._module is None:
                self._signature = _corpus.manifest_signature(self.path, self.export)
                if self._signature is not None:
                    # Built by our compiler (its manifest says so): no state
                    # survives a call, and the selector sets no timeouts, so
                    # the module is compiled without interruption checks.
                    native = _native_loader.require_native("running WebAssembly")
                    with open(self.path, "rb") as f:
                        self._module = native.Module(f.read(), interruptible=False)
                else:
                    from ..wasm.loader import get_wasm_module
                    self._module = get_wasm_module(self.path)
            fn = self._module.function(self.export, self._signature, fallback)
            return fn  # type: ignore[no-any-return]


class _RegistryState:
    def __init__(self, with_corpus: bool = True) -> None:
        self.wasm: Dict[str, _WasmEntry] = {}
        self.python: Dict[str, Callable[..., Any]] = {}
        self.lock = threading.Lock()
        self.with_corpus = with_corpus


_shared_state = _RegistryState()


class BackendRegistry:
    """Where each function's WebAssembly and Python implementations live.

    All registries share one process-wide table unless created with
    ``private=True``. Registry functions that the shipped corpus compiles
    (``numeric_fibonacci``, ``matrix_multiply``, ...) are served from its
    WebAssembly unless ``corpus=False``.
    """

    def __init__(self, private: bool = False, corpus: bool = True) -> None:
        self._state = _RegistryState(with_corpus=corpus) if private else _shared_state

    def register_wasm(self, name: str, wasm_path: PathLike, export: Optional[str] = None) -> None:
        """Serve name from export (default: name) of the .wasm file at wasm_path."""
        path = os.path.abspath(os.fspath(wasm_path))
        if not os.path.isfile(path):
            raise FileNotFoundError("no WebAssembly file at %s" % path)
        with self._state.lock:
            self._state.wasm[name] = _WasmEntry(path, export or name)

    def register_source(self, name: str, ml_path: PathLike, function: Optional[str] = None) -> None:
        """Serve name from a program in our language, compiled on first use."""
        path = os.path.abspath(os.fspath(ml_path))
        if not os.path.isfile(path):
            raise FileNotFoundError("no program at %s" % path)
        with self._state.lock:
            self._state.wasm[name] = _WasmEntry(path, function or name, source=True)

    def register_python(self, name: str, fn: Callable[..., Any]) -> None:
        """Serve name's Python backend from fn."""
        if not callable(fn):
            raise TypeError("register_python needs a callable, not %s" % type(fn).__name__)
        with self._state.lock:
            self._state.python[name] = fn

    def unregister(self, name: str) -> None:
        """Forget what was registered for name."""
        with self._state.lock:
            self._state.wasm.pop(name, None)
            self._state.python.pop(name, None)

    def python_fallback(self, name: str) -> Optional[Callable[..., Any]]:
        """The Python implementation of name: registered, else the fallback registry."""
        fn = self._state.python.get(name)
        if fn is not None:
            return fn
        return python_fallbacks.get_fallback(name)

    def wasm_entry(self, name: str) -> Optional[_WasmEntry]:
        """The registered WebAssembly for name, if any; registry functions
        the shipped corpus compiles are registered on first use."""
        entry = self._state.wasm.get(name)
        if entry is not None:
            return entry
        key = python_fallbacks.resolve_name(name)
        if key is None:
            return None
        entry = self._state.wasm.get(key)
        if entry is None and self._state.with_corpus:
            shipped = _corpus.registry_wasm(key)
            if shipped is not None:
                entry = _WasmEntry(shipped[0], shipped[1])
                with self._state.lock:
                    self._state.wasm.setdefault(key, entry)
        return entry

    def get_backend(self, name: str) -> Dict[str, Any]:
        """What is available for name: {"wasm": path or None, "python": bool}."""
        entry = self.wasm_entry(name)
        return {"name": name, "wasm": entry.path if entry else None,
                "python": self.python_fallback(name) is not None}

    def names(self) -> List[str]:
        """Every name with a registered implementation."""
        return sorted(set(self._state.wasm) | set(self._state.python))

    def loaded_modules(self) -> List[str]:
        """Paths of the registered WebAssembly already loaded."""
        return sorted({e.path for e in self._state.wasm.values() if e.loaded()})


class BackendSelector:
    """Calls functions by name on WebAssembly or Python, as preferred."""

    def __init__(self, prefer_backend: "Backend | str" = Backend.AUTO,
                 registry: Optional[BackendRegistry] = None) -> None:
        self.prefer_backend = Backend.coerce(prefer_backend)
        self.registry = registry if registry is not None else BackendRegistry()
        self._last: Dict[str, Any] = {}
        self._stats: Dict[str, Dict[str, Any]] = {}
        self._callables: Dict[Tuple[str, Backend], Tuple[Callable[..., Any], str]] = {}
        self._fallback_flag = threading.local()

    # ---- configuration ----

    def set_backend(self, backend: "Backend | str") -> None:
        """Prefer backend from now on."""
        self.prefer_backend = Backend.coerce(backend)
        self._callables.clear()

    def set_python_fallback(self, name: str, fn: Callable[..., Any]) -> None:
        """Use fn as name's Python implementation."""
        self.registry.register_python(name, fn)
        self._callables.clear()

    def set_wasm_module(self, path: PathLike, names: Optional[List[str]] = None) -> List[str]:
        """Serve every export of the .wasm at path (or only names); returns them."""
        from ..wasm.loader import get_wasm_module
        module = get_wasm_module(path)
        exports = [f["name"] for f in module.get_exported_functions()
                   if not f["name"].startswith("__ml_")]
        chosen = exports if names is None else [n for n in names if n in exports]
        for n in chosen:
            self.registry.register_wasm(n, path)
        self._callables.clear()
        return chosen

    def is_wasm_available(self) -> bool:
        """Whether WebAssembly can run here."""
        return is_wasm_available()

    @property
    def current_backend_name(self) -> str:
        """"wasm" or "python": where calls go when a WebAssembly binary exists."""
        if self.prefer_backend is Backend.PYTHON or not is_wasm_available():
            return "python"
        return "wasm"

    def _status_reason(self) -> str:
        if self.prefer_backend is Backend.PYTHON:
            return "forced-python"
        if not is_wasm_available():
            return _native_loader.native_reason_code
        return "wasm-loaded" if self.registry.loaded_modules() else "wasm-available"

    def get_status(self) -> Dict[str, Any]:
        """The backend in use, why, and what is loaded."""
        native = _native_loader.native
        return {
            "backend": self.current_backend_name,
            "preferred": self.prefer_backend.value,
            "reason": self._status_reason(),
            "detail": _native_loader.native_reason,
            "wasm_available": is_wasm_available(),
            "platform": "%s-%s" % (platform.system(), platform.machine()),
            "python": platform.python_version(),
            "version": __version__,
            "extension_version": getattr(native, "__version__", None),
            "modules_loaded": self.registry.loaded_modules(),
            "functions": {n: self.registry.get_backend(n) for n in sorted(
                set(self.registry.names()) | set(python_fallbacks.list_fallbacks()))},
        }

    # ---- calls ----

    def _resolve(self, name: str, backend: Backend) -> Tuple[Callable[..., Any], str]:
        key = (name, backend)
        hit = self._callables.get(key)
        if hit is not None:
            return hit
        py = self.registry.python_fallback(name)
        entry = self.registry.wasm_entry(name)
        if backend is Backend.PYTHON:
            if py is None:
                raise LookupError("no Python implementation of %r" % name)
            resolved = (py, "forced-python")
        elif entry is None or not is_wasm_available():
            reason = "no-wasm-binary" if entry is None else _native_loader.native_reason_code
            if backend is Backend.WASM:
                if entry is None:
                    raise LookupError("no WebAssembly binary registered for %r" % name)
                _native_loader.require_native("Backend.WASM")
            if py is None:
                raise LookupError("%r has neither a WebAssembly binary nor a Python fallback" % name)
            resolved = (py, reason)
        else:
            fallback: Optional[Callable[..., Any]] = None
            if backend is Backend.AUTO and py is not None:
                fallback = self._flagging(py)
            resolved = (entry.callable(fallback), "wasm")
        self._callables[key] = resolved
        return resolved

    def _flagging(self, py: Callable[..., Any]) -> Callable[..., Any]:
        """py, noting in this thread that the Python fallback ran and why:
        the reason comes from the extension, as Program.last_report's does."""
        flag = self._fallback_flag
        native = _native_loader.require_native("running WebAssembly")

        def fallback(*args: Any) -> Any:
            flag.reason = native.fallback_reason()
            return py(*args)
        return fallback

    def call_function(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Call name with args on the preferred backend."""
        fn, reason = self._resolve(name, self.prefer_backend)
        if kwargs and reason == "wasm":
            raise TypeError("WebAssembly functions take positional arguments only")
        self._fallback_flag.reason = None
        start = time.perf_counter()
        try:
            try:
                result = fn(*args, **kwargs)
            except _TRAPS_PYTHON_WOULD_NOT_RAISE:
                py = self._trap_fallback(name, reason)
                if py is None:
                    raise
                reason = "wasm-trap-fallback"
                result = py(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            backend = "python" if reason != "wasm" else "wasm"
            fell_back = getattr(self._fallback_flag, "reason", None)
            if reason == "wasm" and fell_back is not None:
                backend, reason = "python", fell_back
            self._account(name, backend, reason, elapsed)
        return result

    def _trap_fallback(self, name: str, reason: str) -> Optional[Callable[..., Any]]:
        """Under AUTO, the Python implementation to re-run a call that
        trapped in WebAssembly where Python would not have raised that."""
        if reason != "wasm" or self.prefer_backend is not Backend.AUTO:
            return None
        return self.registry.python_fallback(name)

    def map(self, name: str, args_iterable: Iterable[Any], workers: Optional[int] = None,
            processes: bool = False) -> List[Any]:
        """call_function for every item (a tuple is unpacked); results in order.

        WebAssembly calls run on a pool of ``workers`` threads (the GIL is
        released while WebAssembly runs); Python calls run one after the
        other, or on a spawn-started process pool when ``processes=True``.
        A failing call's exception is re-raised with its input's index in
        ``exc.index``.
        """
        from .._program import _as_args, _collect, _pool_size, _run_serially
        items = list(args_iterable)
        n = _pool_size(workers)
        fn, reason = self._resolve(name, self.prefer_backend)
        start = time.perf_counter()
        if reason == "wasm" or processes:
            from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
            pool: Executor
            if processes and reason != "wasm":
                import multiprocessing
                pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn"))
            else:
                pool = ThreadPoolExecutor(max_workers=n)

            def recover(exc: BaseException, item: Any) -> Any:
                py = self._trap_fallback(name, reason)
                if py is None or not isinstance(exc, _TRAPS_PYTHON_WOULD_NOT_RAISE):
                    raise exc
                return py(*_as_args(item))

            with pool:
                results = _collect([pool.submit(fn, *_as_args(item)) for item in items], items, recover)
        else:
            results = _run_serially(fn, items)
        backend = "wasm" if reason == "wasm" else "python"
        self._account(name, backend, reason, time.perf_counter() - start)
        return results

    def _account(self, name: str, backend: str, reason: str, elapsed: float) -> None:
        self._last = {"function": name, "backend": backend, "reason": reason,
                      "duration_s": elapsed}
        st = self._stats.setdefault(name, {"calls": 0, "fallbacks": 0, "wasm": [0, 0.0],
                                           "python": [0, 0.0]})
        st["calls"] += 1
        st[backend][0] += 1
        st[backend][1] += elapsed
        if reason.endswith("-fallback"):
            st["fallbacks"] += 1
        _debug.log("%s -> %s (%s) in %.3f ms", name, backend, reason, elapsed * 1e3)

    def get_last_call_report(self) -> Dict[str, Any]:
        """The latest call: function, backend used, reason and duration."""
        return dict(self._last)

    def get_performance_stats(self) -> Dict[str, Dict[str, Any]]:
        """Per function: calls, fallbacks, and calls/total/mean seconds per backend."""
        out: Dict[str, Dict[str, Any]] = {}
        for name, st in self._stats.items():
            entry: Dict[str, Any] = {"calls": st["calls"], "fallbacks": st["fallbacks"]}
            for backend in ("wasm", "python"):
                n, total = st[backend]
                entry[backend] = {"calls": n, "total_s": total, "mean_s": total / n if n else 0.0}
            out[name] = entry
        return out


_selector: Optional[BackendSelector] = None
_selector_lock = threading.Lock()


def get_backend_selector() -> BackendSelector:
    """The process-wide selector."""
    global _selector
    with _selector_lock:
        if _selector is None:
            _selector = BackendSelector()
        return _selector


def set_backend(backend: "Backend | str") -> None:
    """Prefer backend in the process-wide selector."""
    get_backend_selector().set_backend(backend)


def get_current_backend() -> str:
    """"wasm" or "python" for the process-wide selector."""
    return get_backend_selector().current_backend_name
