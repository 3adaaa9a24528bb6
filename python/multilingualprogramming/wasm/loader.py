"""Load any WebAssembly module and call its functions from Python.

>>> from multilingualprogramming.wasm.loader import WasmModule
>>> module = WasmModule.load("path/to/module.wasm")    # doctest: +SKIP
>>> module.call("fibonacci", 10)                       # doctest: +SKIP

Loading is lazy: the file is read and compiled on first use. Compiled
code is cached in memory and on disk (``$MULTILINGUAL_CACHE_DIR``, else the
user cache directory), so a second process loads a module in a fraction of
the compile time. Calls go through the native extension's fast path (the C
shim calls Wasmtime directly) and release the GIL: each Python thread gets
an instance of its own, so threads run WebAssembly in parallel, and memory
reads and writes see the calling thread's instance. Traps become Python
exceptions: ZeroDivisionError, OverflowError, IndexError, RecursionError,
MemoryError (the memory limit was reached), TimeoutError (a call's time
limit passed) where the trap means that, and
:class:`~multilingualprogramming.WasmTrap` otherwise.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

from .. import _debug, _native_loader

__all__ = ["WasmModule", "WasmModuleCache", "get_wasm_module", "is_wasm_available"]

BytesLike = Union[bytes, bytearray, memoryview]
Imports = Dict[Tuple[str, str], Callable[..., Any]]


def is_wasm_available() -> bool:
    """Whether WebAssembly can run here: the native extension (which embeds
    Wasmtime) imports and supports this platform."""
    return _native_loader.native is not None


class WasmModule:
    """One WebAssembly module and its instance.

    Create it with :meth:`load` (or ``WasmModule(path)``) or
    :meth:`from_bytes`; it compiles and instantiates on first use, or when
    :meth:`instantiate` is called.

    ``memory_limit`` caps the linear memory of each instance in bytes
    (default 256 MiB; growing past it raises MemoryError in our modules and
    makes ``memory.grow`` return -1 in others). ``imports`` supplies every
    function the module imports: ``{("env", "log"): print}``; an exception
    raised by one of them stops the WebAssembly call and propagates.
    ``timeout`` (seconds) limits instantiation, which runs the module's
    start function, in each thread (TimeoutError); instantiating releases
    the GIL, and on the main thread Ctrl-C stops it (KeyboardInterrupt).
    """

    def __init__(self, path: Optional[Union[str, "os.PathLike[str]"]] = None, *,
                 data: Optional[BytesLike] = None, memory_limit: Optional[int] = None,
                 imports: Optional[Imports] = None, timeout: Optional[float] = None) -> None:
        if (path is None) == (data is None):
            raise TypeError("WasmModule needs a path or data=bytes, not both")
        if memory_limit is not None and (not isinstance(memory_limit, int) or memory_limit <= 0):
            raise ValueError("memory_limit must be a positive number of bytes or None")
        self.path: Optional[str] = os.fspath(path) if path is not None else None
        self._data: Optional[bytes] = bytes(data) if data is not None else None
        if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
                                    or not timeout > 0):
            raise ValueError("timeout must be a positive number of seconds or None")
        self.memory_limit = memory_limit
        self.timeout = timeout
        self._imports: Optional[Imports] = dict(imports) if imports else None
        self._native: Any = None
        self._funcs: Dict[str, Callable[..., Any]] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"], *, memory_limit: Optional[int] = None,
             imports: Optional[Imports] = None, timeout: Optional[float] = None) -> "WasmModule":
        """A module for the .wasm file at path (read when first used)."""
        return cls(path, memory_limit=memory_limit, imports=imports, timeout=timeout)

    @classmethod
    def from_bytes(cls, data: BytesLike, *, memory_limit: Optional[int] = None,
                   imports: Optional[Imports] = None, timeout: Optional[float] = None) -> "WasmModule":
        """A module from WebAssembly binary bytes."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("from_bytes needs bytes, bytearray or memoryview, not %s"
                            % type(data).__name__)
        return cls(data=data, memory_limit=memory_limit, imports=imports, timeout=timeout)

    def __repr__(self) -> str:
        where = self.path if self.path is not None else "<bytes>"
        state = "instantiated" if self._native is not None else "not loaded"
        return "<WasmModule %s (%s)>" % (where, state)

    # ---- loading ----

    def instantiate(self) -> "WasmModule":
        """Compile (through the cache) and instantiate now; returns self."""
        self._instance()
        return self

    @property
    def is_instantiated(self) -> bool:
        """Whether the module has been compiled and instantiated."""
        return self._native is not None

    def _instance(self, timeout: Optional[float] = None) -> Any:
        """The native module, made on first use. Its instantiation in this
        thread runs within timeout seconds when given (the first call's own
        limit), else within the module's timeout."""
        if self._native is not None:
            return self._native
        with self._lock:
            if self._native is None:
                native = _native_loader.require_native("running WebAssembly")
                data = self._data
                if data is None:
                    assert self.path is not None
                    with open(self.path, "rb") as f:
                        data = f.read()
                started = time.perf_counter()
                module = native.Module(data, memory_limit=self.memory_limit,
                                       imports=self._imports,
                                       timeout=timeout if timeout is not None else self.timeout)
                self._native = module
                if WasmModule.__dict__["call"] is _python_call:
                    # Once per process: WasmModule.call becomes the
                    # extension's method, which calls self._native's call
                    # without Python code (see _python_call).
                    setattr(WasmModule, "call", native.wasm_module_method(
                        WasmModule, _python_call, "_native",
                        "call($self, name, /, *args, timeout=None)\n--\n\n"
                        + (_python_call.__doc__ or "")))
                if _debug.enabled():
                    info = self._native.load_info
                    _debug.log("loaded %s (%d bytes): %s in %.2f ms, instantiated in %.2f ms",
                               self.path or "<bytes>", len(data),
                               {"memory": "memory cache hit", "disk": "disk cache hit",
                                "compiled": "cache miss, compiled"}.get(info["source"], info["source"]),
                               info["ms"], (time.perf_counter() - started) * 1e3 - info["ms"])
                    if info["cache_error"]:
                        _debug.log("disk cache: %s", info["cache_error"])
        return self._native

    # ---- introspection ----

    def get_exported_functions(self) -> List[Dict[str, Any]]:
        """Exported functions with their WebAssembly parameter and result types."""
        return [{"name": name, "params": list(params), "results": list(results)}
                for name, params, results in self._instance().exports()]

    def has_function(self, name: str) -> bool:
        """Whether the module exports a function called name."""
        return any(n == name for n, _, _ in self._instance().exports())

    def get_imports(self) -> List[Tuple[str, str, str]]:
        """(module, name, kind) of every import the module needs."""
        return list(self._instance().imports())

    # ---- calls ----

    def function(self, name: str, signature: Optional[str] = None,
                 fallback: Optional[Callable[..., Any]] = None) -> Callable[..., Any]:
        """A fast callable for export name.

        Without signature, arguments and results follow the WebAssembly
        types (i32/i64 as int, f32/f64 as float). signature is the
        compiler's compact form ("ii:i"); with a fallback, calls whose
        answer WebAssembly cannot give (an int outside 64 bits, an overflow
        trap) run fallback(*args) instead.
        """
        if signature is None and fallback is None:
            fn = self._funcs.get(name)
            if fn is None:
                fn = self._instance().function(name)
                self._funcs[name] = fn
            return fn
        return self._instance().function(name, signature, fallback)  # type: ignore[no-any-return]

    def call(self, name: str, *args: Any, timeout: Optional[float] = None) -> Any:
        """Call export name with args; multiple results come back as a tuple.

        With ``timeout`` (seconds), raise TimeoutError once the call has run
        that long (to within a millisecond or two); the module stays usable.
        The first call's limit applies to the instantiation it needs too.

        Once the extension is loaded, ``WasmModule.call`` is the
        extension's method (a method of the class, whose lookup CPython
        specializes), which calls the native module's ``call`` without
        Python code; this code runs only when the instance has no open
        native module (the first call, after close()). The native call
        keeps each export prepared after its first call.
        """
        return self._instance(timeout).call(name, *args, timeout=timeout)

    # ---- memory ----

    def get_memory_buffer(self, offset: int, length: int) -> bytes:
        """length bytes of the exported memory from offset."""
        return self._instance().memory_read(offset, length)  # type: ignore[no-any-return]

    def write_memory(self, offset: int, data: Any) -> None:
        """Write data into the exported memory at offset.

        data is any buffer: bytes, bytearray, memoryview, array.array, a
        NumPy array; it is copied once, with no per-element Python work.
        """
        self._instance().memory_write(offset, data)

    def read_memory_into(self, offset: int, buffer: Any) -> int:
        """Fill a writable buffer (bytearray, array.array, NumPy array...)
        from the exported memory at offset; return the number of bytes."""
        return self._instance().memory_read_into(offset, buffer)  # type: ignore[no-any-return]

    @property
    def memory_size(self) -> int:
        """Size of the exported memory in bytes."""
        return self._instance().memory_size()  # type: ignore[no-any-return]

    def close(self) -> None:
        """Release the instance; the module may be instantiated again later."""
        with self._lock:
            if self._native is not None:
                self._native.close()
                self._native = None
                self._funcs.clear()


#: WasmModule.call as written in Python: the extension's WasmModule.call
#: runs it for instances without an open native module.
_python_call = WasmModule.__dict__["call"]


class WasmModuleCache:
    """Loaded modules by path: the same instance until the file changes."""

    def __init__(self) -> None:
        self._entries: Dict[str, Tuple[Tuple[int, int, int], WasmModule]] = {}
        self._lock = threading.Lock()

    def get_or_load(self, path: Union[str, "os.PathLike[str]"]) -> WasmModule:
        """The module for path, loading it when absent or when the file changed."""
        key = os.path.abspath(os.fspath(path))
        st = os.stat(key)
        stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == stamp:
                _debug.log("module cache hit: %s", key)
                return entry[1]
            module = WasmModule.load(key).instantiate()
            self._entries[key] = (stamp, module)
            _debug.log("module cache %s: %s", "reload" if entry else "miss", key)
            return module

    def clear(self) -> None:
        """Forget every module."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


_default_cache = WasmModuleCache()


def get_wasm_module(path: Union[str, "os.PathLike[str]"]) -> WasmModule:
    """The process-wide cached module for path."""
    return _default_cache.get_or_load(path)
