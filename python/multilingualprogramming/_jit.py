"""``@mp.jit``: ordinary Python functions compiled to WebAssembly.

English programs are Python, so the compiler takes a Python function's own
text: ``jit`` reads it with :func:`inspect.getsource` (dedented, its
decorators dropped) and compiles it with ``language="en"`` and the
optimization passes. The result is a :class:`JitFunction`, which calls
with Backend.AUTO's semantics: the WebAssembly code where the compiler
compiled the function, re-run in Python whenever WebAssembly cannot give
Python's answer (an int beyond 64 bits, an argument of another type), and
the original function itself when the compiler keeps it Python-only; the
reason is in ``f.report`` and logged once as a warning on the logger
``multilingualprogramming.jit``.

The decorated functions of one module (one globals dict) are compiled
together, as one program, so that they call each other inside WebAssembly
(mutual recursion included). The program is built at the first call of any
of them (or at decoration, with ``eager=True``); a function decorated
later makes the next call compile the program again with it. Functions
defined inside other functions or classes are compiled on their own.

Module-level constants that a function reads (names bound in its globals
to an ``int`` that fits in 64 bits, a finite or infinite ``float``, a
``bool`` or a ``str``, of exactly these types) are copied into the
compiled function as local assignments at the top of its body, with the
values they have when the program is compiled: rebinding them later does
not reach the compiled code (call :meth:`JitFunction.recompile`). Any
other global (a list, a tuple, None, a nan, a module, a function not
decorated with ``@mp.jit``) keeps the function in Python, with a report
that says so. The compiled program goes through the disk cache of
programs (see _cache), so a second process does not run the compiler.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import types

from ._backend import Backend
from ._errors import MultilingualSyntaxError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional, Tuple

    from ._program import Program

    # Where a line of a jit program comes from: the function, the line in
    # its file, the columns removed from its start, the constant it assigns.
    _Where = Tuple[Optional["JitFunction"], int, int, str]

__all__ = ["JitFunction", "jit"]

_log = logging.getLogger("multilingualprogramming.jit")

_I64_MIN, _I64_MAX = -(2 ** 63), 2 ** 63 - 1
_NOT_DEFINED = re.compile(r"'([^']+)' is not defined \(a NameError in Python\)")
_LINE = re.compile(r"\bline (\d+)\b")


def jit(fn: Optional[Callable[..., Any]] = None, *, eager: bool = False) -> Any:
    """Compile the Python function ``fn`` to WebAssembly (see the module
    docstring); ``@mp.jit`` or ``@mp.jit(eager=True)``.

    ``eager`` compiles at decoration rather than at the first call. Raises
    TypeError for what is not a function written with ``def`` (a builtin,
    a class, a callable object, a function that wraps another one:
    ``@mp.jit`` must be the innermost decorator), ValueError for a lambda
    and OSError when the function's text cannot be found (code given to
    exec(), a function typed at the prompt of a Python older than 3.13).
    """
    if not isinstance(eager, bool):
        raise TypeError("eager must be True or False, not %r" % (eager,))
    if fn is None:
        return functools.partial(jit, eager=eager)
    return JitFunction(fn, eager)


class _Source:
    """The text of one decorated function, ready to join a program.

    ``lines`` is the def without its decorators, dedented, with a body
    written on the def line moved to a line of its own; ``file_lines[i]``
    and ``col_shift[i]`` say where ``lines[i]`` is in the user's file
    (line, and columns removed from its start). ``body`` is the index of
    the body's first line and ``indent`` its indentation, where constants
    go. ``reads`` are the names the function reads from its globals.
    """

    __slots__ = ("filename", "def_line", "lines", "file_lines", "col_shift", "body", "indent",
                 "reads")

    def __init__(self, fn: types.FunctionType) -> None:
        import ast
        import inspect
        import textwrap
        code = fn.__code__
        if code.co_name == "<lambda>":
            raise ValueError("mp.jit compiles functions written with def; %r is a lambda, "
                             "which has no def of its own" % fn)
        try:
            raw, first = inspect.getsourcelines(fn)
        except (OSError, TypeError) as exc:
            raise OSError("mp.jit cannot find the source text of %s (file %s): functions made "
                          "by exec() or typed at the prompt of a Python older than 3.13 have "
                          "none; define it in a file, a notebook or IPython"
                          % (fn.__qualname__, code.co_filename)) from exc
        self.filename: str = code.co_filename
        text = textwrap.dedent("".join(raw))
        shift = len(raw[0]) - len(text.split("\n", 1)[0]) - (1 if raw[0].endswith("\n") else 0)
        try:
            tree = ast.parse(text)
        except SyntaxError as exc:
            raise OSError("mp.jit found text for %s at %s:%d that is not its def (%s): the file "
                          "changed since it was loaded?" % (fn.__qualname__, self.filename, first,
                                                            exc.msg)) from None
        node = tree.body[0] if tree.body else None
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or node.name != code.co_name:
            raise OSError("mp.jit found text for %s at %s:%d that is not its def: the file changed "
                          "since it was loaded?" % (fn.__qualname__, self.filename, first))
        lines = text.split("\n")[node.lineno - 1:node.end_lineno]
        self.def_line: int = first + node.lineno - 1
        self.file_lines: List[int] = [self.def_line + i for i in range(len(lines))]
        self.col_shift: List[int] = [shift] * len(lines)
        body = node.body[0]
        at = body.lineno - node.lineno
        col = len(lines[at].encode("utf-8")[:body.col_offset].decode("utf-8", "replace"))
        if at == 0 or lines[at][:col].strip():
            # `def f(x: int) -> int: return x`: the body moves to a line of its own.
            head, rest = lines[at][:col], lines[at][col:]
            lines[at:at + 1] = [head, "    " + rest]
            self.file_lines.insert(at + 1, self.file_lines[at])
            self.col_shift.insert(at + 1, shift + col - 4)
            at += 1
            indent = "    "
        else:
            indent = lines[at][:len(lines[at]) - len(lines[at].lstrip())]
        self.lines: List[str] = lines
        self.body: int = at
        self.indent: str = indent
        self.reads: Tuple[str, ...] = _global_reads("\n".join(lines) + "\n", node.name)


def _global_reads(text: str, name: str) -> Tuple[str, ...]:
    """The names that the function ``name`` defined by ``text`` (and the
    scopes inside it) read from the module without declaring them global."""
    import symtable
    top = symtable.symtable(text, "<mp.jit>", "exec")
    out: Dict[str, None] = {}
    declared = set()
    stack = [t for t in top.get_children() if t.get_name() == name]
    while stack:
        table = stack.pop()
        for sym in table.get_symbols():
            if sym.is_declared_global():
                declared.add(sym.get_name())
            elif sym.is_global() and sym.is_referenced():
                out[sym.get_name()] = None
        stack.extend(table.get_children())
    return tuple(n for n in out if n not in declared)


def _literal(value: Any) -> Optional[str]:
    """Python text for a constant the compiler takes, or None."""
    kind = type(value)
    if kind is bool or kind is str:
        return repr(value)
    if kind is int:
        if not _I64_MIN <= value <= _I64_MAX:
            return None
        return "(-9223372036854775807 - 1)" if value == _I64_MIN else repr(value)
    if kind is float:
        if value != value:
            return None
        if value in (float("inf"), float("-inf")):
            return "1e999" if value > 0 else "-1e999"
        return repr(value)
    return None


def _describe(name: str, value: Any) -> str:
    """What reading global ``name`` (holding ``value``) is, in a reason
    why a function stays out of compiled code."""
    if isinstance(value, JitFunction):
        return ("calls %s, an @mp.jit function of another module or scope (only the @mp.jit "
                "functions of one module are compiled together)" % name)
    if isinstance(value, type):
        return "uses the class %s, which is not compiled" % name
    if callable(value):
        return "calls %s, a function of the module that is not decorated with @mp.jit" % name
    if type(value) is float:
        return "reads %s, a nan (mp.jit copies no nan into compiled code)" % name
    if type(value) is int:
        return "reads %s = %d, which does not fit in 64 bits" % (name, value)
    return ("reads %s, a global of type %s (mp.jit copies only constants of type int, float, "
            "bool and str into compiled code)" % (name, type(value).__name__))


class _Group:
    """The decorated functions of one module (or one function alone), and
    the program they were last compiled into."""

    def __init__(self, namespace: Dict[str, Any], label: str) -> None:
        self.namespace = namespace
        self.label = label
        self.members: Dict[str, JitFunction] = {}
        self.program: Optional[Program] = None
        self.stale = True
        self.lock = threading.RLock()

    def add(self, member: JitFunction) -> None:
        with self.lock:
            old = self.members.get(member.__name__)
            if old is not None and old is not member:
                old._retire("a later definition of %s in %s replaced it" % (member.__name__, self.label))
            self.members[member.__name__] = member
            self.stale = True
            for m in self.members.values():
                m._target = None

    def compile(self) -> None:
        """Build the program of the members and point each at its code."""
        with self.lock:
            if not self.stale:
                return
            from . import _native_loader
            members = list(self.members.values())
            if _native_loader.native is None:
                for m in members:
                    m._settle(None, _native_loader.native_reason_code, _native_loader.native_reason)
                self.program, self.stale = None, False
                return
            todo = []
            for m in members:
                if m._closure:
                    m._settle(None, "not-compilable", "reads %s of the enclosing function: closures "
                              "are not compiled" % ", ".join(m._closure))
                else:
                    todo.append(m)
            prog = None
            while todo:
                text, where = self._text(todo)
                try:
                    prog = _load(text, self.label)
                    break
                except MultilingualSyntaxError as err:
                    failed = self._blame(err, where, todo)
                    todo = [m for m in todo if m not in failed]
            self.program = prog
            for m in todo:
                assert prog is not None
                info = prog.functions.get(m._fn.__code__.co_name)
                if info is None:
                    m._settle(None, "not-compilable", "the compiled program has no function %s"
                              % m._fn.__code__.co_name)
                elif info.compilable:
                    m._settle(prog._callable(info.name, Backend.AUTO), "wasm", "")
                else:
                    m._settle(None, "not-compilable", self._explain(info.reason, where, m))
            self.stale = False

    def _text(self, members: List[JitFunction]) -> Tuple[str, List[_Where]]:
        """The program of ``members``, and for each of its lines (from 1)
        the member, the line in the user's file, the columns removed and
        the constant it assigns ("" for the user's own lines)."""
        names = set(self.members)
        out: List[str] = []
        where: List[_Where] = []
        for m in members:
            src = m._source
            fn_globals = m._fn.__globals__
            consts = []
            for name in src.reads:
                if name in names or name not in fn_globals:
                    continue
                lit = _literal(fn_globals[name])
                if lit is not None:
                    consts.append((name, lit))
            for i, line in enumerate(src.lines):
                if i == src.body:
                    for name, lit in consts:
                        out.append("%s%s = %s" % (src.indent, name, lit))
                        where.append((m, src.def_line, 0, name))
                out.append(line)
                where.append((m, src.file_lines[i], src.col_shift[i], ""))
            out.append("")
            where.append((None, 0, 0, ""))
        return "\n".join(out) + "\n", where

    def _blame(self, err: MultilingualSyntaxError, where: List[_Where],
               todo: List[JitFunction]) -> List[JitFunction]:
        """Settle the members that the compiler's errors are in (all of
        them when it cannot tell) as Python-only; returns them."""
        failed: Dict[JitFunction, List[str]] = {}
        for e in err.errors:
            m, line, shift, const = where[e.line - 1] if 0 < e.line <= len(where) else (None, 0, 0, "")
            if m is None:
                continue
            if const:
                msg = "line %d (the module constant %s): %s" % (line, const, e.msg)
            else:
                msg = "line %d, column %d: %s" % (line, e.col + shift, e.msg)
            failed.setdefault(m, []).append(msg)
        if not failed:
            failed = {m: [str(err)] for m in todo}
        for m, msgs in failed.items():
            m._settle(None, "not-compilable", "the compiler rejects it: " + "; ".join(msgs))
        return list(failed)

    def _explain(self, reason: str, where: List[_Where],
                 m: JitFunction) -> str:
        """The compiler's reason with the user's line numbers, and why a
        name it does not know is missing from the program."""
        def line(match: re.Match[str]) -> str:
            n = int(match.group(1))
            if not 0 < n <= len(where):
                return match.group(0)
            _, file_line, _, const = where[n - 1]
            return "line %d%s" % (file_line, " (the module constant %s)" % const if const else "")

        fn_globals = m._fn.__globals__

        def missing(match: re.Match[str]) -> str:
            name = match.group(1)
            return _describe(name, fn_globals[name]) if name in fn_globals else match.group(0)

        return _NOT_DEFINED.sub(missing, _LINE.sub(line, reason))


def _load(text: str, label: str) -> Program:
    """The program ``text``, from the disk cache of programs or compiled
    (English, optimized) and cached."""
    from ._program import load_file
    return load_file("<mp.jit %s>" % label, language="en", optimize=True, data=text.encode("utf-8"))


_groups: Dict[int, _Group] = {}
_groups_lock = threading.Lock()


def _group_of(fn: types.FunctionType) -> _Group:
    """The group of fn: its module's, for a function defined at the top of
    a module; a group of its own for a function inside a function or a class."""
    if "." in fn.__qualname__:
        return _Group({}, "%s.%s" % (fn.__module__, fn.__qualname__))
    namespace = fn.__globals__
    with _groups_lock:
        group = _groups.get(id(namespace))
        if group is None or group.namespace is not namespace:
            # The group keeps the dict alive, so that its id stays its own.
            group = _groups[id(namespace)] = _Group(namespace, str(fn.__module__))
    return group


class JitFunction:
    """A function compiled by ``@mp.jit``: call it as the original.

    ``__wrapped__`` is the original function, and ``__name__``, ``__doc__``
    and the rest are copied from it. ``report`` says where calls run and
    why; ``last_report`` which backend ran the latest call; ``program`` is
    the Program the function belongs to (None while it runs in Python).
    """

    __name__: str
    __qualname__: str

    def __init__(self, fn: Callable[..., Any], eager: bool = False) -> None:
        if not isinstance(fn, types.FunctionType):
            raise TypeError("mp.jit takes a function written with def, not %s"
                            % type(fn).__name__)
        if hasattr(fn, "__wrapped__"):
            raise TypeError("mp.jit must be the innermost decorator: %s wraps %r"
                            % (fn.__qualname__, getattr(fn, "__wrapped__")))
        functools.update_wrapper(self, fn)
        self._fn: types.FunctionType = fn
        self._source = _Source(fn)
        self._closure: Tuple[str, ...] = fn.__code__.co_freevars
        code = fn.__code__
        self._params: Tuple[str, ...] = code.co_varnames[:code.co_argcount]
        self._target: Optional[Callable[..., Any]] = None
        self._reason = ("", "")
        self._warned: Optional[Tuple[str, str]] = None
        self._retired = False
        self._program: Optional[Program] = None
        self._group = _group_of(fn)
        self._group.add(self)
        if eager:
            self.recompile()

    # ---- calls ----

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        target = self._target
        if target is None:
            target = self._resolve()
        if kwargs:
            if target is self._fn:
                return target(*args, **kwargs)
            positional = self._positional(args, kwargs)
            if positional is None:
                # Let Python raise its own TypeError (or bind what we do not).
                return self._fn(*args, **kwargs)
            return target(*positional)
        return target(*args)

    def _positional(self, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Optional[List[Any]]:
        """The arguments as positional ones, when they bind each parameter
        of a compiled function exactly once; None otherwise."""
        names = self._params
        if len(args) + len(kwargs) != len(names):
            return None
        out = list(args)
        for name in names[len(args):]:
            if name not in kwargs:
                return None
            out.append(kwargs[name])
        return out

    def __get__(self, obj: Any, owner: Optional[type] = None) -> Any:
        """As a method: bound to ``obj`` like a plain function."""
        if obj is None:
            return self
        return types.MethodType(self, obj)

    def _resolve(self) -> Callable[..., Any]:
        with self._group.lock:
            if self._target is None:
                self._group.compile()
            target = self._target
        assert target is not None
        return target

    def _settle(self, target: Optional[Callable[..., Any]], reason: str, detail: str) -> None:
        """Point calls at target (the original function for None)."""
        self._program = self._group.program if target is not None else None
        self._reason = (reason, detail)
        if target is None and (reason, detail) != self._warned:
            self._warned = (reason, detail)
            _log.warning("mp.jit: %s (%s:%d) runs in Python, not WebAssembly: %s",
                         self.__qualname__, self._source.filename, self._source.def_line,
                         detail or reason)
        self._target = self._fn if target is None else target

    def _retire(self, why: str) -> None:
        """Run in Python from now on (a later def of the name took its place)."""
        self._retired = True
        self._program = None
        self._reason = ("not-compilable", why)
        self._target = self._fn

    # ---- public helpers ----

    def recompile(self) -> JitFunction:
        """Compile the function's program now, with the module's
        constants as they are now; returns the function."""
        with self._group.lock:
            if self._retired:
                return self
            self._group.stale = True
            for m in self._group.members.values():
                m._target = None
            self._group.compile()
        return self

    @property
    def report(self) -> Dict[str, str]:
        """Where calls run under Backend.AUTO, and why: ``backend``
        ("wasm" or "python"), ``reason`` (a code of _backend.REASONS) and
        ``detail`` (the compiler's reason, at the user's lines). Compiles
        the program when it is not compiled yet."""
        if self._target is None:
            self._resolve()
        reason, detail = self._reason
        return {"function": self.__name__, "backend": "wasm" if reason == "wasm" else "python",
                "reason": reason, "detail": detail}

    @property
    def last_report(self) -> Dict[str, Any]:
        """Which backend ran the latest call of the function's program, and
        why (``wasm-overflow-fallback`` when Python re-ran it); empty while
        the function runs in Python."""
        if self._program is None:
            return {}
        return self._program.last_report

    @property
    def program(self) -> Optional[Program]:
        """The compiled program holding this function, or None while it
        runs in Python; compiles it when needed."""
        if self._target is None:
            self._resolve()
        return self._program

    def __repr__(self) -> str:
        return "<mp.jit function %s>" % self.__qualname__
