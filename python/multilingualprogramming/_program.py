"""Programs: compile multilingual source and call its functions.

A Program holds what the compiler produced for one source file: the
WebAssembly module of its compilable functions and the generated Python
module of all of them. Calls go to WebAssembly through the native
extension's fast path when the function compiled; the Python fallback runs
when it did not, when Python is requested, or when WebAssembly cannot give
Python's answer (AUTO only).
"""

from __future__ import annotations

import builtins
import itertools
import os
import sys
import time
import types
import weakref

from ._backend import Backend
from ._errors import MultilingualSyntaxError, SourceErrorDetail

# typing, dataclasses (and the inspect module it imports) are left out at
# run time: they were a third of a cold start from the disk cache.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import ast
    from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

    Recover = Callable[[BaseException, Any], Any]

__all__ = ["FunctionInfo", "Program", "compile_file", "compile_source", "load_file", "read_source"]


def _loader() -> types.ModuleType:
    """The module that loads the native extension, imported on first use:
    a program found in the disk cache whose functions all run in Python
    never needs the extension, which is most of a cold start."""
    from . import _native_loader
    return _native_loader


_AUTO = Backend.AUTO


class FunctionInfo:
    """A top-level function of a program, as the compiler saw it (read-only).

    ``bounded`` is true when the running time is bounded by a small
    constant (no loops, no lists, no recursion): calls keep the GIL, which
    saves about 50 ns each. ``signature`` is the bridge's calling
    convention ("ii:i"); neither is shown by repr.
    """

    __slots__ = ("name", "params", "result", "compilable", "reason", "signature", "bounded")
    _FIELDS = __slots__
    name: str
    params: Tuple[Tuple[str, str], ...]
    result: str
    compilable: bool
    reason: str
    signature: str
    bounded: bool

    def __init__(self, name: str, params: Tuple[Tuple[str, str], ...], result: str,
                 compilable: bool, reason: str, signature: str = "", bounded: bool = False) -> None:
        for key, value in zip(self._FIELDS, (name, params, result, compilable, reason,
                                             signature, bounded)):
            object.__setattr__(self, key, value)

    def _values(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, key) for key in self._FIELDS)

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError("FunctionInfo is read-only: cannot assign to %r" % key)

    def __delattr__(self, key: str) -> None:
        raise AttributeError("FunctionInfo is read-only: cannot delete %r" % key)

    def __repr__(self) -> str:
        return "FunctionInfo(%s)" % ", ".join(
            "%s=%r" % (key, getattr(self, key)) for key in self._FIELDS[:5])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, FunctionInfo)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __reduce__(self) -> Tuple[Any, ...]:
        return (FunctionInfo, self._values())


_module_counter = itertools.count(1)


def _line_map(tree: ast.Module) -> Optional[Callable[[int], int]]:
    """The map from the generated module's lines to the source's, read
    from its ``__ml_lines__ = (line, source line, ...)`` table; None for a
    module without one."""
    import ast
    import bisect
    last = tree.body[-1] if tree.body else None
    if not (isinstance(last, ast.Assign) and len(last.targets) == 1
            and isinstance(last.targets[0], ast.Name) and last.targets[0].id == "__ml_lines__"):
        return None
    flat = ast.literal_eval(last.value)
    starts: List[int] = list(flat[0::2])
    sources: List[int] = list(flat[1::2])

    def source_line(line: int) -> int:
        i = bisect.bisect_right(starts, line) - 1
        if i < 0 or sources[i] == 0:
            return 0
        return int(sources[i] + line - starts[i])

    return source_line


def _module_tree(python_source: str, filename: str) -> "ast.Module":
    """The generated module parsed, with every node renumbered to the
    user's lines from its ``__ml_lines__`` table. Columns are left out:
    they would be the generated text's, so tracebacks show no carets under
    the user's line."""
    import ast
    tree = ast.parse(python_source, filename)
    source_line = _line_map(tree)
    if source_line is not None:
        cache: Dict[int, int] = {}
        for node in ast.walk(tree):
            line = getattr(node, "lineno", None)
            if line is None:
                continue
            mapped = cache.get(line)
            if mapped is None:
                mapped = cache[line] = source_line(line)
            node.lineno = node.end_lineno = mapped  # type: ignore[attr-defined]
            node.col_offset = node.end_col_offset = -1  # type: ignore[attr-defined]
    return tree


def _register_source(filename: str, source: Optional[str]) -> None:
    """Give linecache the user's text under ``filename``, for tracebacks
    to quote the user's own lines."""
    if source is None:
        return
    import linecache
    lines = source.splitlines(True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    linecache.cache[filename] = (len(source), None, lines, filename)


def _compile_module(python_source: str, filename: str, source: Optional[str]) -> types.CodeType:
    """The code of a generated module, compiled under the user's file name
    with the user's line numbers (see _module_tree), so that tracebacks
    point into the program's own file. The user's text, when known, is
    registered with linecache under ``filename``."""
    tree = _module_tree(python_source, filename)
    _register_source(filename, source)
    return compile(tree, filename, "exec", dont_inherit=True)


class Program:
    """A compiled multilingual program.

    Functions are reachable as attributes (``prog.fib(30)``, Backend.AUTO)
    and through :meth:`call`, which takes a backend. Building a Program never
    runs the program's top-level actions; :meth:`run` does.

    The generated module is executed in two ways. Loaded (for ``prog.f``,
    :meth:`call` and :meth:`python_function`), it runs with ``__ml_run__``
    false: its definitions (def, class, import, assignments that call
    nothing) bind the names functions read, and its actions wait. Run
    (:meth:`run`), a fresh copy runs with ``__ml_run__`` true as the module
    ``__main__``, and with ``__ml_bind__`` binding each compilable function
    to its WebAssembly code, with the Python function as its fallback.
    """

    def __init__(self, artifact: Dict[str, Any], filename: str = "<source>") -> None:
        self.filename: str = filename
        self.language: str = str(artifact["language"])
        self.language_detected: bool = bool(artifact.get("detected", False))
        self.wasm_bytes: bytes = bytes(artifact.get("wasm", b""))
        self.python_source: str = str(artifact["python"])
        #: The program's own text, when known: tracebacks quote its lines.
        self.source: Optional[str] = artifact.get("source")
        # The module as text: made on demand by wat(), which compiles the
        # source again with the same options (compiling does not make it).
        self._wat: Optional[str] = artifact.get("wat")
        self._optimize: bool = bool(artifact.get("optimize", False))
        self._disable: Tuple[str, ...] = tuple(artifact.get("disable", ()))
        self.functions: Dict[str, FunctionInfo] = {}
        for f in artifact.get("functions", []):
            info = FunctionInfo(
                name=str(f["name"]),
                params=tuple((str(p[0]), str(p[1])) for p in f.get("params", [])),
                result=str(f.get("result", "unknown")),
                compilable=bool(f.get("compilable", False)),
                reason=str(f.get("reason", "")),
                signature=str(f.get("signature", "")),
                bounded=bool(f.get("bounded", False)),
            )
            self.functions[info.name] = info
        keep = ("language", "detected", "wasm", "python", "wat", "functions", "source",
                "optimize", "disable")
        self._artifact: Dict[str, Any] = {k: artifact[k] for k in keep if k in artifact}
        self._ns: Optional[Dict[str, Any]] = None
        self._code: Optional[types.CodeType] = None
        self._module: Any = None   # compiled without interruption checks
        self._timed: Any = None    # the same code with them, for timeout=
        self._report: Dict[str, Any] = {}
        # One cache per backend, keyed by function name: looking up a str is
        # cheap, hashing an Enum member is not (prog.call is a hot path).
        self._callables: Dict[Backend, Dict[str, Callable[..., Any]]] = {b: {} for b in Backend}
        self._auto = self._callables[Backend.AUTO]

    # ---- introspection ----

    def __repr__(self) -> str:
        return "<Program %s (%s): %s>" % (self.filename, self.language,
                                          ", ".join(self.functions) or "no functions")

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self.functions))

    @property
    def last_report(self) -> Dict[str, Any]:
        """Which backend ran the latest call of this program, and why."""
        if self._module is not None:
            last = self._module.last_call()
            if last is None:
                return {}
            name, backend, reason = last
            return {"function": name, "backend": backend, "reason": reason}
        return dict(self._report)

    def wat(self) -> str:
        """The WebAssembly module as readable text, with the source's names.

        Made on first use, from the program's source compiled again with the
        same options (the same module); ValueError when the source is unknown.
        """
        if self._wat is None:
            if self.source is None:
                raise ValueError("the text of the module of %s needs the program's source"
                                 % self.filename)
            native = _loader().require_native("printing a module as text")
            artifact = native.compile(self.source, self.filename, self.language, self._optimize,
                                      ",".join(self._disable) or None, True)
            self._wat = str(artifact["wat"])
        return self._wat

    def backend_report(self, name: str) -> Dict[str, Any]:
        """Where ``name`` runs under Backend.AUTO, and why."""
        info = self._info(name)
        if not info.compilable:
            return {"function": name, "backend": "python", "reason": "not-compilable",
                    "detail": info.reason}
        if _loader().native is None:
            return {"function": name, "backend": "python",
                    "reason": _loader().native_reason_code,
                    "detail": _loader().native_reason}
        return {"function": name, "backend": "wasm", "reason": "wasm", "detail": ""}

    def artifact(self) -> Dict[str, Any]:
        """What the compiler produced, as plain data (bytes, str, lists, dicts).

        ``Program(prog.artifact(), prog.filename)`` rebuilds the program
        without the compiler: this is how programs travel to other processes.
        """
        return dict(self._artifact)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (Program, (self.artifact(), self.filename))

    # ---- calls ----

    def __getattr__(self, name: str) -> Callable[..., Any]:
        functions = self.__dict__.get("functions")
        if functions is None or name not in functions:
            raise AttributeError("program %s has no function %r" % (
                self.__dict__.get("filename", "?"), name))
        fn = self._callable(name, Backend.AUTO)
        # Cache on the instance: the next prog.name(...) is a dict hit and a C call.
        self.__dict__[name] = fn
        return fn

    def call(self, name: str, *args: Any, backend: "Backend | str" = Backend.AUTO,
             timeout: Optional[float] = None) -> Any:
        """Call function ``name`` with ``args`` on ``backend``.

        ``timeout`` (seconds) stops a WebAssembly call that runs longer with
        TimeoutError; the program stays usable. Python code cannot be
        stopped safely, so a call that would run in Python raises
        ValueError when given a timeout (under AUTO, a call that falls back
        to Python after an overflow runs to completion).
        """
        if timeout is None:
            if backend is _AUTO:
                fn = self._auto.get(name)
            else:
                backend = Backend.coerce(backend)
                fn = self._callables[backend].get(name)
            if fn is None:
                fn = self._callable(name, Backend.coerce(backend))
            return fn(*args)
        return self._timed_callable(name, Backend.coerce(backend), timeout)(*args)

    def _timed_callable(self, name: str, backend: Backend, timeout: float) -> Callable[..., Any]:
        if not isinstance(timeout, (int, float)) or isinstance(timeout, bool) or not timeout > 0:
            raise ValueError("timeout must be a positive number of seconds, not %r" % (timeout,))
        info = self._info(name)
        if backend is Backend.PYTHON or not info.compilable or _loader().native is None:
            raise ValueError("timeout= applies to WebAssembly calls; %r would run in Python here"
                             % name)
        fallback = self.python_function(name) if backend is Backend.AUTO else None
        main = self._native_module()
        if self._timed is None:
            # Compiled programs keep no state between calls, so a timed call
            # may run on a second module, compiled with the interruption
            # checks that the usual one leaves out for speed.
            native = _loader().require_native("running WebAssembly")
            self._timed = native.Module(self.wasm_bytes, interruptible=True)
        timed = self._timed
        fn = timed.function(name, info.signature, fallback, timeout=float(timeout))

        def call_timed(*args: Any) -> Any:
            try:
                return fn(*args)
            finally:
                last = timed.last_call()
                if last is not None:
                    main.record_call(*last)

        return call_timed

    def map(self, name: str, args_iterable: Iterable[Any], workers: Optional[int] = None,
            backend: "Backend | str" = Backend.AUTO, processes: bool = False) -> List[Any]:
        """Call ``name`` once per item of ``args_iterable``; results in input order.

        An item that is a tuple is unpacked into the arguments; anything else
        is the single argument. Compiled functions run on a thread pool of
        ``workers`` threads (default: the number of CPUs): WebAssembly runs
        with the GIL released, each thread on an instance of its own.
        Python-only calls run one after the other, or on a pool of
        ``workers`` processes when ``processes=True`` (started with the
        spawn method: the Go runtime inside the extension does not survive
        fork). The result is the same either way. An exception is re-raised
        with the index of the failing input in its ``index`` attribute and
        in a note.
        """
        return _map_calls(self, name, list(args_iterable), workers, Backend.coerce(backend), processes)

    def python_function(self, name: str) -> Callable[..., Any]:
        """The generated Python function for ``name``."""
        self._info(name)
        ns = self._namespace()
        try:
            return ns["__ml_names__"][name]  # type: ignore[no-any-return]
        except KeyError:
            raise ValueError("function %r of %s is defined by the program's top-level actions "
                             "(it depends on what they do): run the program"
                             % (name, self.filename)) from None

    def run(self) -> Dict[str, Any]:
        """Run the program as a script and return its globals.

        The top level runs in order in a fresh module named ``__main__``
        (installed in sys.modules while it runs). Calls to compilable
        functions go to WebAssembly (Backend.AUTO); everything else runs
        in Python. An exception raised by the program propagates with a
        traceback in the program's file and lines.
        """
        module = types.ModuleType("__main__")
        ns = module.__dict__
        ns["__ml_run__"] = True
        ns["__ml_bind__"] = self._bind
        self._prepare(ns)
        saved = sys.modules.get("__main__")
        sys.modules["__main__"] = module
        try:
            exec(self._compiled(), ns)
        finally:
            if saved is not None:
                sys.modules["__main__"] = saved
        return {k: v for k, v in ns.items() if not k.startswith("__")}

    # ---- internals ----

    def _info(self, name: str) -> FunctionInfo:
        try:
            return self.functions[name]
        except KeyError:
            raise ValueError("program %s has no function %r; its functions are: %s" % (
                self.filename, name, ", ".join(self.functions) or "(none)")) from None

    def _compiled(self) -> types.CodeType:
        if self._code is None:
            self._code = _compile_module(self.python_source, self.filename, self.source)
        return self._code

    def _prepare(self, ns: Dict[str, Any]) -> None:
        ns["__builtins__"] = builtins
        if not (self.filename.startswith("<") and self.filename.endswith(">")):
            ns["__file__"] = self.filename

    def _namespace(self) -> Dict[str, Any]:
        """The loaded module's globals: definitions only, pure Python. The
        module is in sys.modules under a name of its own while the Program
        lives, so that its classes can be found by their __module__."""
        if self._ns is None:
            stem = "".join(c if c.isalnum() else "_" for c in
                           os.path.splitext(os.path.basename(self.filename))[0])
            name = "_ml_program_%d_%s" % (next(_module_counter), stem)
            module = types.ModuleType(name)
            ns = module.__dict__
            ns["__ml_run__"] = False
            self._prepare(ns)
            sys.modules[name] = module
            weakref.finalize(self, sys.modules.pop, name, None)
            exec(self._compiled(), ns)
            self._ns = ns
        return self._ns

    def _bind(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """The binding of a compilable function in a running program: its
        WebAssembly code with ``fn`` as the fallback (Backend.AUTO), or
        ``fn`` itself without the extension."""
        info = self.functions.get(name)
        if info is None or not info.compilable or _loader().native is None:
            return fn
        return self._native_module().function(  # type: ignore[no-any-return]
            name, info.signature, fn, release_gil=False if info.bounded else None)

    def _native_module(self) -> Any:
        if self._module is None:
            native = _loader().require_native("running WebAssembly")
            self._module = native.Module(self.wasm_bytes, interruptible=False)
        return self._module

    def _record(self, name: str, backend: str, reason: str) -> None:
        if self._module is not None:
            self._module.record_call(name, backend, reason)
        else:
            self._report = {"function": name, "backend": backend, "reason": reason}

    def _python_callable(self, name: str, reason: str) -> Callable[..., Any]:
        fn = self.python_function(name)

        def call_python(*args: Any) -> Any:
            self._record(name, "python", reason)
            return fn(*args)

        call_python.__name__ = name
        call_python.__doc__ = "%s (Python fallback)" % name
        return call_python

    def _callable(self, name: str, backend: Backend) -> Callable[..., Any]:
        cache = self._callables[backend]
        fn = cache.get(name)
        if fn is not None:
            return fn
        info = self._info(name)
        if backend is Backend.PYTHON:
            fn = self._python_callable(name, "forced-python")
        elif not info.compilable:
            if backend is Backend.WASM:
                raise ValueError("function %r is not compiled to WebAssembly: %s" % (name, info.reason))
            fn = self._python_callable(name, "not-compilable")
        elif _loader().native is None:
            if backend is Backend.WASM:
                _loader().require_native("Backend.WASM")
            fn = self._python_callable(name, _loader().native_reason_code)
        else:
            fallback = self.python_function(name) if backend is Backend.AUTO else None
            fn = self._native_module().function(name, info.signature, fallback,
                                                release_gil=False if info.bounded else None)
        cache[name] = fn
        return fn


def _as_args(item: Any) -> Tuple[Any, ...]:
    return item if isinstance(item, tuple) else (item,)


def _tag_exception(exc: BaseException, index: int) -> BaseException:
    try:
        exc.index = index  # type: ignore[attr-defined]
    except AttributeError:
        pass
    add_note = getattr(exc, "add_note", None)
    if add_note is not None:
        add_note("raised by the call for input #%d" % index)
    return exc


_worker_program: Optional[Program] = None


def _init_map_worker(artifact: Dict[str, Any], filename: str) -> None:
    global _worker_program
    _worker_program = Program(artifact, filename)


def _call_in_worker(name: str, backend: str, args: Tuple[Any, ...]) -> Any:
    assert _worker_program is not None
    return _worker_program.call(name, *args, backend=backend)


def _pool_size(workers: Optional[int]) -> int:
    """The number of workers of a map: the given number, else the CPUs."""
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    return workers or os.cpu_count() or 1


def _collect(futures: List[Any], items: List[Any], recover: Optional[Recover] = None) -> List[Any]:
    """The futures' results in input order. A failure goes to
    recover(exc, item) when given (which returns a value or raises); what
    is raised carries the input's index."""
    results: List[Any] = [None] * len(futures)
    for i, fut in enumerate(futures):
        try:
            try:
                results[i] = fut.result()
            except BaseException as exc:
                if recover is None:
                    raise
                results[i] = recover(exc, items[i])
        except BaseException as exc:
            raise _tag_exception(exc, i)
    return results


def _run_serially(fn: Callable[..., Any], items: List[Any]) -> List[Any]:
    """fn over the items one after the other; a failure carries its index."""
    results: List[Any] = [None] * len(items)
    for i, item in enumerate(items):
        try:
            results[i] = fn(*_as_args(item))
        except BaseException as exc:
            raise _tag_exception(exc, i)
    return results


def _map_calls(prog: Program, name: str, items: List[Any], workers: Optional[int],
               backend: Backend, processes: bool) -> List[Any]:
    n = _pool_size(workers)
    info = prog._info(name)
    runs_wasm = (backend is not Backend.PYTHON and info.compilable
                 and _loader().native is not None)
    if runs_wasm and not processes:
        from concurrent.futures import ThreadPoolExecutor
        fn = prog._callable(name, backend)
        with ThreadPoolExecutor(max_workers=n) as pool:
            return _collect([pool.submit(fn, *_as_args(item)) for item in items], items)
    if processes:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init_map_worker,
                                 initargs=(prog.artifact(), prog.filename)) as procs:
            return _collect([procs.submit(_call_in_worker, name, backend.value, _as_args(item))
                             for item in items], items)
    return _run_serially(prog._callable(name, backend), items)


def _errors_from_native(exc: BaseException) -> MultilingualSyntaxError:
    details = exc.args[0] if exc.args and isinstance(exc.args[0], list) else []
    return MultilingualSyntaxError([SourceErrorDetail.from_dict(d) for d in details])


def compile_source(source: str, language: Optional[str] = None, filename: str = "<source>",
                   optimize: bool = False, disable: Iterable[str] = ()) -> Program:
    """Compile program text written in any of the 17 languages.

    ``language`` is a code such as "fr"; None detects it from the source (a
    ``# language: xx`` header comment also selects it). Raises
    MultilingualSyntaxError with the file, line and column of every problem.
    ``optimize`` runs the compiler's optimization passes; ``disable`` names
    passes to switch off (ValueError for a name that is not a pass).
    """
    if not isinstance(source, str):
        raise TypeError("source must be str, not %s" % type(source).__name__)
    if language is not None and not isinstance(language, str):
        raise TypeError("language must be a str such as 'fr', or None")
    disable = tuple(disable)
    if not all(isinstance(name, str) for name in disable):
        raise TypeError("disable must be an iterable of pass names (str)")
    native = _loader().require_native("compiling a program")
    started = time.perf_counter()
    try:
        artifact = native.compile(source, filename, language, bool(optimize),
                                  ",".join(disable) or None)
    except native.CompileError as exc:
        raise _errors_from_native(exc) from None
    artifact = dict(artifact)
    artifact["source"] = source
    artifact["optimize"] = bool(optimize)
    if disable:
        artifact["disable"] = disable
    prog = Program(artifact, filename)
    from . import _debug
    _debug.log("compiled %s (%s%s) in %.1f ms: %d functions, %d compilable",
               filename, prog.language, ", detected" if prog.language_detected else "",
               (time.perf_counter() - started) * 1e3, len(prog.functions),
               sum(1 for f in prog.functions.values() if f.compilable))
    return prog


def read_source(path: "str | os.PathLike[str]") -> Tuple[bytes, str]:
    """The bytes of program file ``path`` and its text: UTF-8, a leading
    byte order mark dropped, line ends made ``\\n`` as Python reads source.
    Raises OSError, and UnicodeDecodeError for bytes that are not UTF-8."""
    with open(path, "rb") as f:
        data = f.read()
    return data, _decode(data)


def compile_file(path: "str | os.PathLike[str]", language: Optional[str] = None,
                 optimize: bool = False) -> Program:
    """Compile the program in file ``path`` (UTF-8); see compile_source."""
    filename = os.fspath(path)
    source = read_source(filename)[1]
    return compile_source(source, language=language, filename=filename, optimize=optimize)


def load_file(path: "str | os.PathLike[str]", language: Optional[str] = None,
              optimize: bool = False, data: Optional[bytes] = None) -> Program:
    """The program in file ``path``, from the disk cache of compiled
    programs when this very text was compiled before (see _cache), else
    compiled and cached. ``data`` is the file's bytes when already read.
    This is how ``multilingual FILE`` and imports of ``.multi`` modules
    load programs; a cache hit needs no compiler."""
    from . import _cache
    filename = os.fspath(path)
    if data is None:
        data, source = read_source(filename)
    else:
        source = _decode(data)
    hit = _cache.lookup(data, filename, language, optimize)
    if hit is not None:
        artifact, code = hit
        artifact = dict(artifact)
        artifact["source"] = source
        prog = Program(artifact, filename)
        prog._code = code
        if filename.startswith("<"):
            # A real file is read by linecache itself when a traceback
            # quotes it: a warm start does not import linecache.
            _register_source(filename, source)
        return prog
    prog = compile_source(source, language=language, filename=filename, optimize=optimize)
    _cache.store(data, filename, language, optimize, prog.artifact(), prog._compiled())
    return prog


def _decode(data: bytes) -> str:
    """Program text from its bytes, as read_source reads it."""
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
