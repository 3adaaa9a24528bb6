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

    from ._stats import CallStats

    Recover = Callable[[BaseException, Any], Any]

__all__ = ["FunctionInfo", "Program", "compile_file", "compile_source", "load_file", "read_source"]


def _loader() -> types.ModuleType:
    """The module that loads the native extension, imported on first use:
    a program found in the disk cache whose functions all run in Python
    never needs the extension, which is most of a cold start."""
    from . import _native_loader
    return _native_loader


_AUTO = Backend.AUTO
_WASM = Backend.WASM
_PYTHON = Backend.PYTHON
# The backends by the names prog.call takes most often: a str hashes in C,
# a Backend (an Enum) through a Python __hash__, and Backend.coerce costs a
# class-method call and an isinstance on the Enum's metaclass.
_BACKEND_NAMES = {b.value: b for b in Backend}
_BACKEND_NAMES.update({b.name: b for b in Backend})


_BACKENDS = (_AUTO, _WASM, _PYTHON)
_LOADER_NAME = __name__.rpartition(".")[0] + "._native_loader"


class _LazyFunction:
    """``prog.name`` of a program made before the extension was loaded:
    its first call makes the function's callable, which takes its place in
    the attributes of the program's class (see Program._install_calls)."""

    __slots__ = ("_program", "_name")

    def __init__(self, program: "Program", name: str) -> None:
        self._program = program
        self._name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._program._call_named(self._name, *args, **kwargs)

    def __repr__(self) -> str:
        return "<function %s of %s>" % (self._name, self._program.filename)


def _coerce(backend: "Backend | str") -> Backend:
    """Backend.coerce, with the usual spellings found without a call."""
    if backend.__class__ is str:
        found = _BACKEND_NAMES.get(backend)
        if found is not None:
            return found
    return Backend.coerce(backend)


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


def _bind_every_def(tree: ast.Module) -> None:
    """Follow each top-level def of the generated module that has no
    ``__ml_bind__`` line with one, so that a run binds (and counts) every
    function of the program, not only the compilable ones."""
    import ast
    source_names: Dict[str, str] = {}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "__ml_names__"
                and isinstance(node.value, ast.Dict)):
            for key, value in zip(node.value.keys, node.value.values):
                if isinstance(key, ast.Constant) and isinstance(value, ast.Name):
                    source_names[value.id] = str(key.value)

    def bound_next(body: List[ast.stmt], i: int) -> bool:
        nxt = body[i + 1] if i + 1 < len(body) else None
        return (isinstance(nxt, ast.Assign) and isinstance(nxt.value, ast.Call)
                and isinstance(nxt.value.func, ast.Name) and nxt.value.func.id == "__ml_bind__")

    def visit(body: List[ast.stmt]) -> None:
        i = 0
        while i < len(body):
            node = body[i]
            if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "__ml_run__":
                visit(node.body)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not bound_next(body, i):
                name = node.name
                args: List[ast.expr] = [ast.Constant(source_names.get(name, name)),
                                        ast.Name(name, ast.Load())]
                bind = ast.Assign(targets=[ast.Name(name, ast.Store())],
                                  value=ast.Call(ast.Name("__ml_bind__", ast.Load()), args, []))
                ast.copy_location(bind, node)
                for sub in ast.walk(bind):
                    ast.copy_location(sub, node)
                body.insert(i + 1, bind)
                i += 1
            i += 1

    visit(tree.body)
    if not any(isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name)
               and n.targets[0].id == "__ml_bind__" for n in tree.body):
        # The module defines the identity binder only when it binds something.
        # It goes after __ml_run__'s, below the __future__ import.
        ident = ast.parse('__ml_bind__ = globals().get("__ml_bind__") or (lambda _name, function: function)')
        at = next((i + 1 for i, n in enumerate(tree.body) if isinstance(n, ast.Assign)
                   and isinstance(n.targets[0], ast.Name) and n.targets[0].id == "__ml_run__"), None)
        if at is None:
            raise ValueError("not a generated module: no __ml_run__")
        for sub in ast.walk(ident):
            if hasattr(sub, "lineno"):
                ast.copy_location(sub, tree.body[at - 1])
        tree.body[at:at] = ident.body


def _col_map(tree: ast.Module, source: Optional[str]) -> Optional[Dict[Tuple[int, int, int, int],
                                                                       Tuple[int, int, int, int]]]:
    """The map from the span of each expression of the generated module
    (line, col, end line, end col, as ast.parse gives them) to its span in
    the user's text, read from the module's ``__ml_cols__`` table (see
    fallback/columns.go) with the source's columns turned from characters
    into UTF-8 byte offsets in the user's line, as compile() takes them;
    None for a module without the table, or without the user's text. The
    table's statement is removed from the tree either way."""
    import ast
    table = None
    for i in range(max(0, len(tree.body) - 3), len(tree.body)):
        node = tree.body[i]
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "__ml_cols__"
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            table = node.value.value
            # Read once, here: the code object (and the disk cache) need
            # not carry it.
            del tree.body[i]
            break
    if table is None or source is None:
        return None
    nums = list(map(int, table.split()))
    lines = source.split("\n")
    # Lines with other characters than ASCII: their columns in bytes differ.
    wide = {i + 1 for i, text in enumerate(lines) if not text.isascii()}

    def byte_col(line: int, col: int) -> int:
        return len(lines[line - 1][:col].encode("utf-8", "surrogatepass"))

    out: Dict[Tuple[int, int, int, int], Tuple[int, int, int, int]] = {}
    line = sline = 0
    it = iter(nums)
    for dline, col, dend, end_col, dsline, scol, dsend, send_col in zip(it, it, it, it, it, it, it, it):
        line += dline
        sline += dsline
        if not dend:      # a length on the line
            end_col += col
        if not dsend:
            send_col += scol
        send = sline + dsend
        if wide:
            if sline in wide:
                scol = byte_col(sline, scol)
            if send in wide:
                send_col = byte_col(send, send_col)
        out[(line, col, line + dend, end_col)] = (sline, scol, send, send_col)
    return out


def _nodes(tree: ast.AST) -> List[ast.AST]:
    """Every node of tree, as ast.walk yields them but in another order,
    in about half its time (no generator per node)."""
    import ast
    node_type = ast.AST
    out: List[ast.AST] = []
    stack = [tree]
    push, pop, keep = stack.append, stack.pop, out.append
    while stack:
        node = pop()
        keep(node)
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, node_type):
                        push(item)
            elif isinstance(value, node_type):
                push(value)
    return out


def _module_tree(python_source: str, filename: str, bind_all: bool = False,
                 source: Optional[str] = None) -> "ast.Module":
    """The generated module parsed, with every node renumbered to the
    user's text: an expression listed in the module's ``__ml_cols__`` table
    takes its span in the user's text (lines and columns), so that a
    traceback puts its carets under the user's own expression; any other
    node takes the user's line from the ``__ml_lines__`` table and no
    columns (they would be the generated text's). The columns need the
    user's text, ``source``. ``bind_all`` binds every top-level def through
    ``__ml_bind__`` (see _bind_every_def)."""
    import ast
    tree = ast.parse(python_source, filename)
    source_line = _line_map(tree)
    cols = _col_map(tree, source) if source_line is not None else None
    if bind_all:
        _bind_every_def(tree)
    if source_line is not None:
        cache: Dict[int, int] = {}
        get = cols.get if cols else None
        for node in _nodes(tree):
            line = getattr(node, "lineno", None)
            if line is None:
                continue
            if get is not None:
                span = get((line, node.col_offset, node.end_lineno,  # type: ignore[attr-defined]
                            node.end_col_offset))  # type: ignore[attr-defined]
                if span is not None:
                    (node.lineno, node.col_offset,  # type: ignore[attr-defined]
                     node.end_lineno, node.end_col_offset) = span  # type: ignore[attr-defined]
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


def _compile_module(python_source: str, filename: str, source: Optional[str],
                    bind_all: bool = False) -> types.CodeType:
    """The code of a generated module, compiled under the user's file name
    with the user's line numbers (see _module_tree), so that tracebacks
    point into the program's own file. The user's text, when known, is
    registered with linecache under ``filename``."""
    tree = _module_tree(python_source, filename, bind_all, source)
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

    def __new__(cls, *args: Any, **kwargs: Any) -> "Program":
        """Each program is the only instance of its own subclass of ``cls``,
        whose attributes are the program's functions (see _install_calls)."""
        if _OWN_CLASS in cls.__dict__:
            # type(prog)(...): a program of a class of its own too, which is
            # not cls, so that CPython does not call __init__: called here.
            base: Any = cls.__base__
            prog: Program = base.__new__(base, *args, **kwargs)
            base.__init__(prog, *args, **kwargs)
            return prog
        meta: Any = type(cls)
        own = meta(cls.__name__, (cls,), {
            "__slots__": (), "__module__": cls.__module__, "__qualname__": cls.__qualname__,
            "__doc__": cls.__doc__, _OWN_CLASS: True})
        made: Program = object.__new__(own)
        return made

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
                # Interned, as the names in code are: a lookup of prog.name
                # or prog.call("name") then finds the very same str.
                name=sys.intern(str(f["name"])),
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
        # What last_report reads before there is a native module: [the
        # native module once made (see _native_module), the latest Python
        # call's report]. Python calls record into it (see _python_callable).
        self._cell: List[Any] = [None, {}]
        # One cache per backend, keyed by function name: looking up a str is
        # cheap, hashing an Enum member is not (prog.call is a hot path).
        self._auto: Dict[str, Callable[..., Any]] = {}
        self._wasm: Dict[str, Callable[..., Any]] = {}
        self._python: Dict[str, Callable[..., Any]] = {}
        self._install_calls()

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
        return dict(self._cell[1])

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

    if TYPE_CHECKING:
        # For type checkers only: prog.name is each function of the program
        # (attributes of the program's own class, see _install_calls). At run time the class
        # defines no __getattr__, which would slow down every lookup.
        def __getattr__(self, name: str) -> Callable[..., Any]: ...

    def call(self, name: str, /, *args: Any, backend: "Backend | str" = Backend.AUTO,
             timeout: Optional[float] = None, **kwargs: Any) -> Any:
        """Call function ``name`` with ``args`` and ``kwargs`` (keyword
        arguments, by the parameters' names, as the function's def takes
        them) on ``backend``. A parameter named ``backend`` or ``timeout``
        takes its keyword through ``prog.name(...)`` instead.

        ``timeout`` (seconds) stops a WebAssembly call that runs longer with
        TimeoutError; the program stays usable. Python code cannot be
        stopped safely, so a call that would run in Python raises
        ValueError when given a timeout (under AUTO, a call that falls back
        to Python after an overflow runs to completion).
        """
        # Once the extension is loaded, Program.call is the extension's
        # method (see _install_calls), which runs this code only for what
        # the program's caches cannot answer (a first call, a timeout, an
        # unusual spelling of a backend, an error).
        if timeout is None:
            # Identity tests, not a dict keyed by Backend: see _BACKEND_NAMES.
            if backend is _AUTO:
                fn = self._auto.get(name)
            elif backend is _WASM:
                fn = self._wasm.get(name)
            elif backend is _PYTHON:
                fn = self._python.get(name)
            else:
                fn = None
            if fn is None:
                fn = self._callable(name, _coerce(backend))
            return fn(*args, **kwargs)
        return self._timed_callable(name, _coerce(backend), timeout)(*args, **kwargs)

    def _call_named(self, name: str, /, *args: Any, **kwargs: Any) -> Any:
        """The first call of ``prog.name`` (Backend.AUTO): the callable is
        made and cached, then called. A dispatcher finds it in the cache
        from then on; a _LazyFunction (no extension) gives it its place."""
        fn = self._callable(name, _AUTO)
        own = type(self)
        if own.__dict__.get(name).__class__ is _LazyFunction:
            setattr(own, name, staticmethod(fn))
        return fn(*args, **kwargs)

    def _install_calls(self) -> None:
        """Set up the fast paths of ``prog.name`` and ``prog.call``.

        Each function of the program not hidden by an attribute of Program
        becomes an attribute of the program's own class (see __new__), not
        of the instance: CPython looks a method of the class up without
        reading the instance's attributes, and specializes that lookup,
        which on 3.12 and later it does only while the instance dict is
        not made (so nothing here reads ``self.__dict__``). With the
        extension loaded each is a dispatcher of the extension
        (pybridge/dispatch.c), a method descriptor called with the program
        first, which finds the prepared callable and calls it without
        Python code; ``prog.call`` is the extension's method, which finds
        the program's dispatcher as the attribute _CALLS_KEY of the class.
        Before that (a program from the disk cache, whose functions may
        all run in Python) ``prog.name`` is a _LazyFunction and
        ``prog.call`` the Python method; the first callable that needs the
        extension installs the dispatchers, and a _LazyFunction gives its
        place to the function's callable on its first call."""
        loader = sys.modules.get(_LOADER_NAME)
        native = getattr(loader, "native", None)
        own = type(self)
        attrs = own.__dict__
        caches = (self._auto, self._wasm, self._python)
        if native is not None:
            if Program.__dict__["call"] is _python_call:
                # Once per process: Program.call becomes the extension's
                # method, which finds the dispatcher below.
                setattr(Program, "call", native.program_method(Program, _python_call, _CALLS_KEY, _CALL_DOC))
            if _inherited(own, "call") is Program.__dict__["call"]:
                # The same method on the program's class: CPython calls a
                # method descriptor directly only on its own class's
                # instances (a subclass's instance takes the general way).
                setattr(own, "call", native.program_method(own, _python_call, _CALLS_KEY, _CALL_DOC))
                if _BOUND_CALL:
                    # 3.10: the method bound once, as an instance attribute
                    # (see program_call_for in pybridge/dispatch.c).
                    self.__dict__["call"] = native.program_call_for(self)
            setattr(own, _CALLS_KEY, native.dispatcher(caches, _BACKENDS, _BACKEND_NAMES, _python_call, ()))
        for name in self.functions:
            current = attrs.get(name)
            if current is None:
                if hasattr(own.__base__, name):
                    continue    # a method or property of Program keeps its name
            elif current.__class__ is not _LazyFunction:
                continue        # a dispatcher, or the function's callable already
            if native is not None:
                # The dispatcher itself (the builtin function's self), the
                # method descriptor.
                setattr(own, name, native.dispatcher(caches, _BACKENDS, _BACKEND_NAMES,
                                                     Program._call_named, (self, name), name).__self__)
            else:
                setattr(own, name, _LazyFunction(self, name))

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
        fn = timed.function(name, info.signature, fallback, timeout=float(timeout),
                            params=self._param_names(name))

        def call_timed(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
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

    def run(self, backend: "Backend | str" = Backend.AUTO,
            stats: Optional[CallStats] = None) -> Dict[str, Any]:
        """Run the program as a script and return its globals.

        The top level runs in order in a fresh module named ``__main__``
        (installed in sys.modules while it runs). ``backend`` says where
        the functions the compiler compiled run, wherever they are called
        from (the top level, other functions): Backend.AUTO on WebAssembly,
        re-run in Python when WebAssembly cannot give Python's answer;
        Backend.WASM on WebAssembly only, a call it cannot answer raising
        as it does under Backend.WASM (NativeUnavailableError, before
        anything runs, without the extension); Backend.PYTHON in Python,
        without loading the extension. Everything else runs in Python.
        ``stats``, a _stats.CallStats, counts every call of the program's
        top-level functions and where it ran. An exception raised by the
        program propagates with a traceback in the program's file and
        lines.
        """
        backend = Backend.coerce(backend)
        binder = self._binder(backend, stats)
        module = types.ModuleType("__main__")
        ns = module.__dict__
        ns["__ml_run__"] = True
        if binder is not None:
            ns["__ml_bind__"] = binder
        self._prepare(ns)
        if stats is None:
            code = self._compiled()
        else:
            # Every top-level def bound, not only the compilable ones: a
            # compile of its own, for this run only.
            code = _compile_module(self.python_source, self.filename, self.source, bind_all=True)
        saved = sys.modules.get("__main__")
        sys.modules["__main__"] = module
        try:
            exec(code, ns)
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
            name, info.signature, fn, release_gil=False if info.bounded else None,
            params=_plain_params(fn, len(info.params)))

    def _binder(self, backend: Backend,
                stats: Optional[CallStats]) -> Optional[Callable[[str, Any], Any]]:
        """The ``__ml_bind__`` of a run on ``backend`` (see run), or None
        for the module's own (the identity)."""
        if stats is None and backend is Backend.AUTO:
            return self._bind
        if stats is None and backend is Backend.PYTHON:
            return None
        native: Any = None
        if backend is not Backend.PYTHON and any(f.compilable for f in self.functions.values()):
            if backend is Backend.WASM:
                native = _loader().require_native("Backend.WASM")
            else:
                native = _loader().native

        def bind(name: str, fn: Any) -> Any:
            info = self.functions.get(name)
            compiled = info is not None and info.compilable
            if not compiled or native is None:
                if stats is None or not isinstance(fn, types.FunctionType):
                    return fn
                if not compiled:
                    reason = "not-compilable"
                elif backend is Backend.PYTHON:
                    reason = "forced-python"
                else:
                    reason = _loader().native_reason_code
                return stats.python(name, fn, reason)
            assert info is not None
            module = self._native_module()
            fallback = None
            if backend is Backend.AUTO:
                fallback = fn if stats is None else stats.fallback(name, fn, module)
            bound = module.function(name, info.signature, fallback,
                                    release_gil=False if info.bounded else None,
                                    params=_plain_params(fn, len(info.params)))
            return bound if stats is None else stats.wasm(name, bound)

        return bind

    def _native_module(self) -> Any:
        if self._module is None:
            native = _loader().require_native("running WebAssembly")
            self._module = native.Module(self.wasm_bytes, interruptible=False)
            self._cell[0] = self._module
        return self._module

    def _param_names(self, name: str) -> Optional[Tuple[str, ...]]:
        """The names the callable of compiled function ``name`` binds
        keyword arguments to (see _plain_params)."""
        return _plain_params(self.python_function(name), len(self._info(name).params))

    def _python_callable(self, name: str, reason: str) -> Callable[..., Any]:
        fn = self.python_function(name)
        # The call is recorded where last_report reads it: on the native
        # module once there is one, else here. The report is shared, which
        # is safe: last_report hands out copies.
        report = {"function": name, "backend": "python", "reason": reason}
        # The cell, not the program: the caches hold this function, which
        # must not keep the program alive.
        cell = self._cell
        native = getattr(sys.modules.get(_LOADER_NAME), "native", None)
        if native is not None:
            # The same in C: a dispatcher calls it without Python code.
            return native.python_call(fn, name, reason, report, cell)  # type: ignore[no-any-return]

        def call_python(*args: Any, **kwargs: Any) -> Any:
            module = cell[0]
            if module is not None:
                module.record_call(name, "python", reason)
            else:
                cell[1] = report
            return fn(*args, **kwargs)

        call_python.__name__ = name
        call_python.__doc__ = "%s (Python fallback)" % name
        return call_python

    def _callable(self, name: str, backend: Backend) -> Callable[..., Any]:
        cache = self._auto if backend is _AUTO else self._wasm if backend is _WASM else self._python
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
                                                release_gil=False if info.bounded else None,
                                                params=self._param_names(name))
            if _CALLS_KEY not in type(self).__dict__:
                self._install_calls()   # the extension is loaded now
        cache[name] = fn
        return fn


#: Program.call as written in Python: the extension's Program.call (see
#: _install_calls) runs it for what the caches cannot answer.
_python_call = Program.__dict__["call"]
#: Whether a program also holds prog.call bound to it, as an instance
#: attribute: on CPython 3.10, which makes a bound method at each call of a
#: method descriptor with keywords; or when MULTILINGUAL_BOUND_CALL=1 (the
#: tests run both forms on any CPython).
_BOUND_CALL = sys.version_info < (3, 11) or os.environ.get("MULTILINGUAL_BOUND_CALL") == "1"
#: CO_VARARGS | CO_VARKEYWORDS of a code object's flags (as the inspect
#: module names them; not imported for two constants).
_CO_STAR_ARGS = 0x04 | 0x08
#: The attribute of a program's class that holds its dispatcher for call().
_CALLS_KEY = sys.intern("_ml_calls")
#: The attribute that marks a program's own class (see Program.__new__).
_OWN_CLASS = sys.intern("_ml_own_class")
#: The docstring of the extension's Program.call.
_CALL_DOC = ("call($self, name, /, *args, backend='auto', timeout=None, **kwargs)\n--\n\n"
             + (_python_call.__doc__ or ""))


def _inherited(cls: type, name: str) -> Any:
    """What ``cls`` inherits as its attribute ``name`` (None if nothing)."""
    for base in cls.__mro__[1:]:
        if name in base.__dict__:
            return base.__dict__[name]
    return None


def _plain_params(fn: Any, count: int) -> Optional[Tuple[str, ...]]:
    """The names of the parameters of the Python function fn, which a
    compiled function's callable binds keyword arguments to, when there are
    count of them and all are plain (positional-or-keyword, no default), as
    a compiled function's are; else None (the callable then refuses
    keywords)."""
    code = getattr(fn, "__code__", None)
    if (code is None or code.co_posonlyargcount or code.co_kwonlyargcount
            or code.co_flags & _CO_STAR_ARGS or getattr(fn, "__defaults__", None)
            or code.co_argcount != count):
        return None
    return tuple(code.co_varnames[:count])


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
                   optimize: bool = True, disable: Iterable[str] = ()) -> Program:
    """Compile program text written in any of the 17 languages.

    ``language`` is a code such as "fr"; None detects it from the source (a
    ``# language: xx`` header comment also selects it). Raises
    MultilingualSyntaxError with the file, line and column of every problem.
    The compiler's optimization passes run by default; ``optimize=False``
    runs only the base passes (the plainest module, for reading it or
    debugging the compiler). ``disable`` names passes to switch off
    (ValueError for a name that is not a pass).
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
    except UnicodeEncodeError as exc:
        if exc.object is not source:
            raise
        raise _surrogate_error(source, exc.start, filename) from None
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


def _error_at(filename: str, line: int, col: int, text: str, msg: str) -> MultilingualSyntaxError:
    """A one-character source error at line:col (1-based, in characters)."""
    return MultilingualSyntaxError([SourceErrorDetail(filename, line, col, line, col + 1, msg, text, "")])


def _surrogate_error(source: str, index: int, filename: str) -> MultilingualSyntaxError:
    """The error for a str holding a lone surrogate at ``index``, which
    has no UTF-8 form (CPython's compile() refuses it too)."""
    start = source.rfind("\n", 0, index) + 1
    end = source.find("\n", index)
    line = source[start:] if end < 0 else source[start:end]
    msg = "character U+%04X (a lone surrogate) cannot be encoded in UTF-8" % ord(source[index])
    return _error_at(filename, source.count("\n", 0, index) + 1, index - start + 1,
                     line.encode("utf-8", "replace").decode("utf-8"), msg)


def _undecodable_error(data: bytes, exc: UnicodeDecodeError, filename: str) -> MultilingualSyntaxError:
    """The error for program bytes that are not UTF-8, at the first bad byte."""
    start = data.rfind(b"\n", 0, exc.start) + 1
    end = data.find(b"\n", exc.start)
    head = data[start:exc.start].decode("utf-8", "replace")
    if start == 0 and head.startswith("\ufeff"):
        head = head[1:]
    line = data[start:] if end < 0 else data[start:end]
    text = line.decode("utf-8", "replace").lstrip("\ufeff").rstrip("\r")
    msg = "the text is not UTF-8: byte 0x%02x (%s)" % (data[exc.start], exc.reason)
    return _error_at(filename, data.count(b"\n", 0, exc.start) + 1, len(head) + 1, text, msg)


def read_source(path: "str | os.PathLike[str]") -> Tuple[bytes, str]:
    """The bytes of program file ``path`` and its text: UTF-8, a leading
    byte order mark dropped, line ends made ``\\n`` as Python reads source.
    Raises OSError, and UnicodeDecodeError for bytes that are not UTF-8."""
    with open(path, "rb") as f:
        data = f.read()
    return data, _decode(data)


def compile_file(path: "str | os.PathLike[str]", language: Optional[str] = None,
                 optimize: bool = True) -> Program:
    """Compile the program in file ``path`` (UTF-8); see compile_source
    (optimized unless ``optimize=False``). Bytes that are not UTF-8 raise
    MultilingualSyntaxError at the first."""
    filename = os.fspath(path)
    with open(filename, "rb") as f:
        data = f.read()
    return compile_source(_decode(data, filename), language=language, filename=filename,
                          optimize=optimize)


def load_file(path: "str | os.PathLike[str]", language: Optional[str] = None,
              optimize: bool = True, data: Optional[bytes] = None) -> Program:
    """The program in file ``path``, from the disk cache of compiled
    programs when this very text was compiled before with the same
    ``optimize`` flag (see _cache; optimized unless ``optimize=False``),
    else compiled and cached. ``data`` is the file's bytes when already read.
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


def _decode(data: bytes, filename: Optional[str] = None) -> str:
    """Program text from its bytes, as read_source reads it. Bytes that
    are not UTF-8 raise UnicodeDecodeError, or with ``filename`` a
    MultilingualSyntaxError at the line and column of the first bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if filename is None:
            raise
        raise _undecodable_error(data, exc, filename) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
