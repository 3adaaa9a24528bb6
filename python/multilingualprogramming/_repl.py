"""The interactive session: ``multilingual repl`` (and ``multilingual`` on a terminal).

Each complete input is compiled by the engine as a program of its own, in
the session's language, and its generated module runs in one persistent
namespace with ``__ml_run__`` true, compilable functions bound to their
WebAssembly code. The module is compiled in Python's interactive mode, so
expression statements at the top level echo their value through
``sys.displayhook`` as in Python's REPL (``_`` included).

Whether an input is complete is asked of the compiler, as Python's
``codeop`` asks CPython's: an input that compiles is complete, unless it
opened an indented block, which an empty line ends (as in Python's REPL).
An input that fails is incomplete when an error is an opening bracket or a
triple-quoted string that never closes, or a line ends with a backslash, or
when the errors move with one more empty line (they are at the end of the
input: "an indented block is expected", a decorator waiting for its def, a
try without its except). Any other error is shown with its position, and
the session goes on.

The language is given (``--language``) or detected: inputs that carry no
evidence (no keyword of any language; English builtins work in every
language) leave it open, and the first input that does decides it for the
rest of the session.
"""

from __future__ import annotations

import builtins
import os
import re
import sys
import types

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, List, Mapping, Optional, TextIO

    from ._errors import MultilingualSyntaxError
    from ._program import Program

__all__ = ["Session", "interact", "history_path"]

_OPENERS = "([{（［｛"
_TRIPLE = re.compile(r"[A-Za-z]{0,3}(\"\"\"|''')")
_STRINGS = re.compile(r"(?s)(\"\"\"|''').*?(\1|$)|\"[^\"\n]*\"?|'[^'\n]*'?|#[^\n]*")
_WORDS = re.compile(r"[^\W\d]\w*")
_HOISTED = re.compile(r"__ml_s\d+__\Z")
_HEADER = re.compile(r"\((?P<name>[^()]*), (?P<code>[a-z]{2})\)\. DO NOT EDIT")


def _english_keywords() -> frozenset[str]:
    """Words that show an input is English: Python's keywords and our own."""
    import keyword
    return frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"fn", "let", "const", "default"}


class Session:
    """An interactive session's state: the namespace, the language, the
    lines of the input being typed.

    ``push(line)`` adds one line and returns True while the input needs
    more lines; a complete input runs (its output goes to ``sys.stdout``,
    errors to ``sys.stderr``). Tests drive a Session directly. Inputs are
    compiled with the optimization passes unless ``optimize`` is False.
    """

    def __init__(self, language: Optional[str] = None, optimize: bool = True) -> None:
        self.language: Optional[str] = language
        self.optimize = optimize
        self.module = types.ModuleType("__main__")
        self.namespace = self.module.__dict__
        self.namespace["__builtins__"] = builtins
        self.namespace["__ml_run__"] = True
        self.buffer: List[str] = []
        self.count = 0
        self._block = False
        self._programs: List[Program] = []
        self._english: Optional[frozenset[str]] = None
        #: Called with the input's Program when detection settles the language.
        self.on_language: Optional[Callable[[Program], None]] = None

    @property
    def prompt(self) -> str:
        """The prompt for the next line: ``>>> `` or ``... ``."""
        return "... " if self.buffer else ">>> "

    def reset(self) -> None:
        """Drop the input being typed (Ctrl-C at a prompt)."""
        self.buffer = []
        self._block = False

    def push(self, line: str) -> bool:
        """Add a line; run the input when it is complete. Returns True when
        more lines are needed. SystemExit (``exit()``) propagates."""
        if not self.buffer and not line.strip():
            return False
        self.buffer.append(line)
        source = "\n".join(self.buffer) + "\n"
        blank = not line.strip()
        filename = "<input-%d>" % (self.count + 1)
        from ._errors import MultilingualSyntaxError
        try:
            prog = self._compile(source, filename)
        except MultilingualSyntaxError as err:
            if self._incomplete(err, source, filename, blank):
                return True
            self.reset()
            self.count += 1
            _show_syntax_error(err)
            return False
        if self._block and not blank:
            return True
        self.reset()
        self.count += 1
        self._settle_language(prog, source)
        self.run(prog, filename, source)
        return False

    def _compile(self, source: str, filename: str) -> Program:
        """The input compiled in the session's language (detected while None)."""
        from ._program import compile_source
        return compile_source(source, language=self.language, filename=filename,
                              optimize=self.optimize)

    def _incomplete(self, err: MultilingualSyntaxError, source: str, filename: str,
                    blank: bool) -> bool:
        """Whether an input that failed to compile waits for more lines (see
        the module docstring); a block whose errors are at its end opens."""
        lines = source.split("\n")
        if len(self.buffer) and self.buffer[-1].rstrip().endswith("\\"):
            return True
        for e in err.errors:
            text = lines[e.line - 1] if 0 < e.line <= len(lines) else ""
            rest = text[e.col - 1:] if e.col > 0 else ""
            if rest[:1] and rest[0] in _OPENERS or _TRIPLE.match(rest):
                return True
        if self._block and blank:
            return False
        from ._errors import MultilingualSyntaxError
        try:
            self._compile(source + "\n", filename)
        except MultilingualSyntaxError as again:
            if [(e.line, e.col) for e in again.errors] != [(e.line, e.col) for e in err.errors]:
                self._block = True
                return True
        return False

    def _settle_language(self, prog: Program, source: str) -> None:
        """Fix the session's language at the first input that shows it."""
        if self.language is not None:
            return
        if prog.language == "en":
            if self._english is None:
                self._english = _english_keywords()
            words = set(_WORDS.findall(_STRINGS.sub(" ", source)))
            if not words & self._english:
                return
        self.language = prog.language
        if self.on_language is not None:
            self.on_language(prog)

    def run(self, prog: Program, filename: str, source: str) -> None:
        """Execute a compiled input in the session's namespace, echoing the
        values of its expression statements; an exception is shown as a
        traceback from the user's input on, and the session goes on."""
        import ast

        from ._program import _module_tree, _register_source
        tree = _module_tree(prog.python_source, filename, source=source)
        suffix = "_%d__" % self.count
        for node in ast.walk(tree):
            # f-string constants hoisted by the generator (__ml_s1__) are
            # numbered per program: keep each input's own.
            if isinstance(node, ast.Name) and _HOISTED.match(node.id):
                node.id = node.id[:-2] + suffix
        code = compile(ast.Interactive(body=tree.body), filename, "single", dont_inherit=True)
        _register_source(filename, source)
        if any(f.compilable for f in prog.functions.values()):
            self._programs.append(prog)   # its WebAssembly module lives with the session
        self.namespace["__ml_bind__"] = prog._bind
        self.namespace["__ml_run__"] = True
        try:
            exec(code, self.namespace)
        except SystemExit:
            raise
        except BaseException as exc:
            sys.stdout.flush()
            print_exception(exc)


def language_name(code: str) -> str:
    """The language's own name for code ("Français"), from the compiler."""
    from ._program import compile_source
    first = compile_source("", language=code).python_source.split("\n", 1)[0]
    m = _HEADER.search(first)
    return m.group("name") if m else code


def message(code: str, id: str) -> str:
    """The session's text ``id`` ("repl.banner") in the language with the
    given code, from the compiler's message catalogue (English where the
    language has none); its ``%s`` are for the caller to fill."""
    from ._native_loader import native
    if native is None:
        raise RuntimeError("the interactive session needs the native extension")
    return str(native.message(code, id))


def locale_language(environ: Optional[Mapping[str, str]] = None) -> str:
    """The language of the banner when none is given: the first of
    LC_ALL, LC_MESSAGES and LANG that is set, when it names one of the
    languages ("fr_FR.UTF-8" is French); otherwise English."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            code = re.split(r"[_.@-]", value, maxsplit=1)[0].lower()
            try:
                message(code, "repl.leave")
            except ValueError:
                return "en"
            return code
    return "en"


def _show_syntax_error(err: MultilingualSyntaxError) -> None:
    """Every error of an input, with its position and a caret, on stderr."""
    sys.stdout.flush()
    print(str(err), file=sys.stderr)


def print_exception(exc: BaseException, file: Optional[TextIO] = None) -> None:
    """Print exc's traceback without the frames of this package and of
    importlib (the program's frames are what the user wrote; an error in
    an imported module's source is listed with every problem found).
    MULTILINGUAL_DEBUG=1 keeps every frame."""
    import traceback

    from . import _debug
    out = sys.stderr if file is None else file
    here = os.path.dirname(os.path.abspath(__file__)) + os.sep
    keep_all = _debug.enabled()

    def trim(te: traceback.TracebackException) -> None:
        if not keep_all:
            frames = [f for f in te.stack
                      if not (f.filename.startswith(here) or f.filename.startswith("<frozen importlib"))]
            te.stack = traceback.StackSummary.from_list(frames)
        for chained in (te.__cause__, te.__context__):
            if chained is not None:
                trim(chained)

    te = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    trim(te)
    from ._errors import MultilingualSyntaxError
    if isinstance(exc, MultilingualSyntaxError):
        lines = list(te.format(chain=True))
        # Replace Python's rendering of the first error with all of them.
        tail = list(te.format_exception_only())
        if lines[-len(tail):] == tail:
            lines = lines[:-len(tail)]
        out.write("".join(lines) + str(exc) + "\n")
    else:
        out.write("".join(te.format(chain=True)))
    out.flush()


def history_path() -> Optional[str]:
    """Where the session's history is kept: $MULTILINGUAL_HISTORY (``off``
    keeps none), else ``history`` in the user's data directory
    (~/.local/share/multilingualprogramming on Linux)."""
    env = os.environ.get("MULTILINGUAL_HISTORY", "")
    if env == "off":
        return None
    if env:
        return env
    if sys.platform == "win32":
        root = os.environ.get("APPDATA", "")
    elif sys.platform == "darwin":
        root = os.path.join(os.path.expanduser("~"), "Library", "Application Support")
    else:
        root = os.environ.get("XDG_DATA_HOME", "") or os.path.join(
            os.path.expanduser("~"), ".local", "share")
    if not root or not os.path.isabs(root):
        return None
    return os.path.join(root, "multilingualprogramming", "history")


def _setup_readline(namespace: dict[str, Any], history: Optional[str]) -> Any:
    """Line editing, history and completion of names, where readline is
    available; returns the readline module or None."""
    try:
        import readline
        import rlcompleter
    except ImportError:
        return None
    readline.set_completer(rlcompleter.Completer(namespace).complete)
    if "libedit" in (readline.__doc__ or ""):
        readline.parse_and_bind("bind ^I rl_complete")
    else:
        readline.parse_and_bind("tab: complete")
    readline.set_history_length(1000)
    if history is not None:
        try:
            readline.read_history_file(history)
        except OSError:
            pass
    return readline


def _save_history(readline: Any, history: Optional[str]) -> None:
    """Write the history file (its directory made private), if there is one."""
    if readline is None or history is None:
        return
    try:
        os.makedirs(os.path.dirname(history) or ".", mode=0o700, exist_ok=True)
        readline.write_history_file(history)
    except OSError:
        pass


def interact(language: Optional[str] = None, banner: bool = True, optimize: bool = True) -> int:
    """Run an interactive session on the terminal until end of input
    (Ctrl-D) or ``exit()``; returns the exit status. ``optimize=False``
    compiles the inputs without the optimization passes."""
    from ._version import __version__
    session = Session(language, optimize)
    history = history_path()
    readline = _setup_readline(session.namespace, history) if sys.stdin.isatty() else None

    def announce(prog: Program) -> None:
        print("# " + message(prog.language, "repl.language")
              % (language_name(prog.language), prog.language), file=sys.stderr)

    session.on_language = announce
    if banner:
        code = language or locale_language()
        if language is None:
            which = message(code, "repl.detected")
        else:
            which = "%s (%s)" % (language_name(language), language)
        python = "%d.%d" % (sys.version_info[0], sys.version_info[1])
        print(message(code, "repl.banner") % (__version__, python, which), file=sys.stderr)
        print(message(code, "repl.leave"), file=sys.stderr)
    saved_main = sys.modules.get("__main__")
    sys.modules["__main__"] = session.module
    try:
        while True:
            try:
                line = input(session.prompt)
            except EOFError:
                sys.stdout.write("\n")
                return 0
            except KeyboardInterrupt:
                sys.stdout.write("\nKeyboardInterrupt\n")
                session.reset()
                continue
            try:
                session.push(line)
            except KeyboardInterrupt:
                sys.stdout.write("\nKeyboardInterrupt\n")
                session.reset()
    finally:
        _save_history(readline, history)
        if saved_main is not None:
            sys.modules["__main__"] = saved_main
