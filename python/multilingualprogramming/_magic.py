"""The ``%%multilingual`` cell magic for IPython and Jupyter.

``%load_ext multilingualprogramming`` registers it; then a cell written in
any of the 17 languages runs as a program::

    %%multilingual --language fr
    déf carré(n: entier) -> entier:
        retour n * n
    carré(12)

The cell is compiled as a program of its own (its language given with
``--language``/``-l``, else detected) and runs in the notebook's
namespace, as the interactive session runs its inputs: its definitions
become names of the notebook (functions the compiler compiled run on
WebAssembly, re-run in Python when WebAssembly cannot give Python's
answer), its top-level statements run, and the value of a final
expression statement is the cell's output. Line numbers count the
``%%multilingual`` line as line 1, as the notebook shows them. A cell that
does not compile shows every error as ``multilingual`` does (file, line,
column, the line and a caret) and fails with :class:`CellError`; an
exception raised by the cell shows the cell's frames only.

IPython is imported only when the extension loads: the package itself
does not need it (``pip install multilingualprogramming[notebook]``).
"""

from __future__ import annotations

import re

from ._errors import MultilingualError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import ast
    from types import TracebackType
    from typing import Any, List, Optional

    from ._errors import MultilingualSyntaxError
    from ._program import Program

__all__ = ["CellError", "load_ipython_extension"]

_HOISTED = re.compile(r"__ml_s\d+__\Z")
# What the generated module binds for its own bookkeeping: gone from the
# notebook's namespace once the cell ran (the helpers that functions call,
# __ml_format__ and the hoisted strings, stay).
_BOOKKEEPING = ("__ml_run__", "__ml_bind__", "__ml_language__", "__ml_functions__",
                "__ml_names__", "__ml_lines__")
_RESULT = "__ml_cell_result__"


class CellError(MultilingualError):
    """A ``%%multilingual`` cell that does not compile. ``error`` is the
    MultilingualSyntaxError, with every problem found; the notebook shows
    them as ``multilingual`` prints them, without a traceback."""

    def __init__(self, error: MultilingualSyntaxError) -> None:
        MultilingualError.__init__(self, str(error))
        self.error = error

    def _render_traceback_(self) -> List[str]:
        """What IPython shows for this exception: the errors alone."""
        return str(self.error).split("\n")


class _Cells:
    """The magic of one IPython shell: runs cells, keeps their programs
    (their WebAssembly modules live as long as the functions bound to them)."""

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self.count = 0
        self.programs: List[Program] = []

    def __call__(self, line: str, cell: str) -> Any:
        """``%%multilingual [--language CODE]``: run ``cell``."""
        language = self._language(line)
        self.count += 1
        filename = "<multilingual cell %d>" % self.count
        # A blank first line: the cell's lines count from the magic's own.
        source = "\n" + cell
        from ._errors import MultilingualSyntaxError, NativeUnavailableError
        from ._program import compile_source
        try:
            prog = compile_source(source, language=language, filename=filename)
        except MultilingualSyntaxError as err:
            raise CellError(err) from None
        except NativeUnavailableError as exc:
            # One line, as the command line says it: no traceback to read.
            message = "%s: %s" % (type(exc).__name__, exc)
            exc._render_traceback_ = lambda: [message]  # type: ignore[attr-defined]
            raise
        return self.run(prog, filename, source)

    def _language(self, line: str) -> Optional[str]:
        """The language code of the magic's line, or None; UsageError for
        anything else on the line."""
        import shlex

        from IPython.core.error import UsageError

        from .cli import LANGUAGES
        try:
            words = shlex.split(line)
        except ValueError as exc:
            raise UsageError("%%multilingual: %s" % exc) from None
        language = None
        while words:
            word = words.pop(0)
            value = None
            if word in ("-l", "--language"):
                if not words:
                    raise UsageError("%%%%multilingual: %s needs a language code" % word)
                value = words.pop(0)
            elif word.startswith("--language="):
                value = word.split("=", 1)[1]
            else:
                raise UsageError("%%%%multilingual: unknown option %r; usage: "
                                 "%%%%multilingual [--language CODE]" % word)
            if value not in LANGUAGES:
                raise UsageError("%%%%multilingual: unknown language %r: use one of %s"
                                 % (value, " ".join(LANGUAGES)))
            language = value
        return language

    def run(self, prog: Program, filename: str, source: str) -> Any:
        """Run prog in the notebook's namespace; the value of its final
        expression statement, or None."""
        from ._program import _module_tree, _register_source
        tree = _module_tree(prog.python_source, filename, source=source)
        suffix = "_c%d__" % self.count
        import ast
        for node in ast.walk(tree):
            # f-string constants hoisted by the generator (__ml_s1__) are
            # numbered per program: each cell keeps its own.
            if isinstance(node, ast.Name) and _HOISTED.match(node.id):
                node.id = node.id[:-2] + suffix
        has_result = _keep_last_value(tree)
        code = compile(tree, filename, "exec", _drop_future_imports(tree), dont_inherit=True)
        _register_source(filename, source)
        if any(f.compilable for f in prog.functions.values()):
            self.programs.append(prog)
        ns = self.shell.user_ns
        ns["__ml_bind__"] = prog._bind
        ns["__ml_run__"] = True
        try:
            exec(code, ns)
        except Exception as exc:
            _trim_traceback(self.shell, exc, filename)
            raise
        finally:
            for name in _BOOKKEEPING:
                ns.pop(name, None)
        return ns.pop(_RESULT, None) if has_result else None


def _keep_last_value(tree: ast.Module) -> bool:
    """Make the program's final statement, when it is an expression
    statement, store its value in ``__ml_cell_result__``; whether it is."""
    import ast
    body = [n for n in tree.body if not _bookkeeping(n)]
    if not body:
        return False
    last = body[-1]
    if isinstance(last, ast.If) and isinstance(last.test, ast.Name) and last.test.id == "__ml_run__":
        stmts = last.body
        if stmts and isinstance(stmts[-1], ast.Expr):
            expr = stmts[-1]
            store = ast.Assign(targets=[ast.Name(_RESULT, ast.Store())], value=expr.value)
            ast.copy_location(store, expr)
            ast.copy_location(store.targets[0], expr)
            stmts[-1] = store
            return True
    return False


def _drop_future_imports(tree: ast.Module) -> int:
    """Remove the module's ``from __future__`` imports, which would bind
    their names (``annotations``) in the notebook; returns the compiler
    flags that keep their effect."""
    import __future__
    import ast
    flags = 0
    keep = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            for alias in node.names:
                flags |= getattr(__future__, alias.name).compiler_flag
        else:
            keep.append(node)
    tree.body = keep
    return flags


def _bookkeeping(node: ast.stmt) -> bool:
    """Whether node is an assignment of the generated module's own names."""
    import ast
    return (isinstance(node, ast.Assign) and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name) and node.targets[0].id.startswith("__ml_")
            and not _HOISTED.match(node.targets[0].id))


def _trim_traceback(shell: Any, exc: BaseException, filename: str) -> None:
    """Have IPython show exc from the cell's first frame on (not the
    frames of the magic and of this package), with its usual colors."""
    tb: Optional[TracebackType] = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    if tb is None:
        return
    start: TracebackType = tb

    def render() -> List[str]:
        stb: List[str] = shell.InteractiveTB.structured_traceback(type(exc), exc, start)
        return stb

    try:
        exc._render_traceback_ = render  # type: ignore[attr-defined]
    except (AttributeError, TypeError):
        pass


def load_ipython_extension(ipython: Any) -> None:
    """Register ``%%multilingual`` with the IPython shell ``ipython``;
    ImportError without IPython."""
    try:
        import IPython  # noqa: F401
    except ImportError as exc:
        raise ImportError("the %%multilingual magic needs IPython: "
                          "pip install multilingualprogramming[notebook]") from exc
    cells = _Cells(ipython)
    ipython.register_magic_function(cells, magic_kind="cell", magic_name="multilingual")
