"""The ``multilingual`` command: run, inspect and build programs.

    multilingual [-l CODE] [--backend B] [--stats] FILE [ARGS...]
                                                 run a program (ARGS become sys.argv[1:])
    multilingual [-l CODE]                       interactive session on a terminal,
                                                 else run the program read from stdin
    multilingual run [OPTIONS] FILE [ARGS...]    the same as multilingual FILE
    multilingual repl [-l CODE]                  interactive session
    multilingual compile [-l CODE] [-o OUT] FILE print the Python the program becomes
    multilingual check [-l CODE] FILE            every error; where each function runs
    multilingual translate FILE --to CODE [-o OUT]  the program in another language
    multilingual build FILE [-o DIR] [-l CODE] [--no-optimize] | --all
    multilingual wat FILE [-l CODE] [--no-optimize] [--disable=NAME[,NAME]]

The compiler's optimization passes run by default: ``--no-optimize``
(before FILE for run, anywhere for repl, check, build and wat) runs only
the base passes. ``--optimize``, the default, is still accepted.

Programs are ``.multi`` files (``.ml`` is still accepted), UTF-8. Options
for the command itself come before FILE; everything after FILE belongs to
the program. Bad input at the command line (a missing file, a directory,
bytes that are not UTF-8, an unknown language) is one line on stderr and
status 2 (1 for a program that does not compile), never a traceback.

Running keeps start-up low: the package's modules load on use, and a
program compiled before comes from the disk cache (``_cache``) without the
compiler, or the native extension when none of its functions compiles to
WebAssembly.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any, List, Optional, Sequence, Tuple

    from ._program import Program

__all__ = ["main", "LANGUAGES"]

#: The 17 language codes the compiler reads.
LANGUAGES = ("en", "fr", "es", "de", "hi", "ar", "bn", "ta", "zh", "ja", "it", "pt", "pl", "nl",
             "sv", "da", "fi")

COMMANDS = ("run", "repl", "compile", "check", "translate", "build", "wat")

#: The commands that compile to WebAssembly, and so take --no-optimize.
OPTIMIZING = ("run", "repl", "check", "build", "wat")

USAGE = """\
usage: multilingual [-l CODE] [--backend auto|python|wasm] [--stats] [--no-optimize] FILE [ARGS...]
       multilingual [-l CODE]                 (interactive on a terminal; else the program on stdin)
       multilingual COMMAND ...

Run, inspect and build programs written in Python's language with the keywords of
any of 17 human languages (%s).

commands:
  run [OPTIONS] FILE [ARGS...]       run the program (the same as multilingual FILE)
  repl [-l CODE]                     interactive session
  compile [-l CODE] [-o OUT] FILE    print the Python the program becomes
  check [-l CODE] FILE               report every error, and where each function runs
  translate FILE --to CODE [-o OUT]  print the program in another of the 17 languages
  build FILE [-o DIR] | --all        write FILE.wasm, the Python fallback and a manifest
  wat FILE                           print the WebAssembly module as text

options:
  -l CODE, --language CODE           the program's language; detected when omitted
  --backend auto|python|wasm         where the functions compiled to WebAssembly run:
                                       auto (default): on WebAssembly, and a call it cannot
                                         answer as Python would (an int beyond 64 bits, an
                                         argument of another type) runs again in Python
                                       python: everything in Python; the extension is not loaded
                                       wasm: on WebAssembly only; such a call raises instead
                                         (OverflowError, TypeError), as Backend.WASM does
                                     functions that do not compile run in Python under all three
  --stats                            when the program ends, print on stderr each top-level
                                     function's calls on WebAssembly and in Python, and why
                                     not on WebAssembly (calls WebAssembly makes to itself,
                                     as in recursion, are not seen)
  --no-optimize                      compile without the optimization passes (they run
                                     by default; --optimize, the default, is accepted)
  -h, --help                         this help
  --version                          the version

FILE is a .multi file (.ml is accepted too), UTF-8, or - for standard input (write
./run for a file named like a command). Options come before FILE: what follows FILE
is the program's sys.argv[1:]. A program's imports find .multi modules next to it
and on MULTILINGUAL_PATH.
""" % " ".join(LANGUAGES)


class UsageError(Exception):
    """A bad command line: reported as one line, status 2."""


def _fail(msg: str, status: int = 2) -> int:
    """Print ``multilingual: msg`` on stderr; returns status."""
    sys.stdout.flush()
    print("multilingual: %s" % msg, file=sys.stderr)
    return status


def _check_language(code: Optional[str]) -> Optional[str]:
    """code itself when it is one of the 17 (or None); UsageError otherwise."""
    if code is not None and code not in LANGUAGES:
        raise UsageError("unknown language %r: use one of %s" % (code, ", ".join(LANGUAGES)))
    return code


class RunOptions:
    """The options before FILE: the language, and how to run."""

    __slots__ = ("language", "backend", "stats", "optimize")

    def __init__(self) -> None:
        self.language: Optional[str] = None
        self.backend = "auto"
        self.stats = False
        self.optimize = True

    def run_only(self) -> bool:
        """Whether an option that only running a program takes is set."""
        return self.backend != "auto" or self.stats


BACKENDS = ("auto", "python", "wasm")


def _leading_options(argv: Sequence[str], allow_help: bool = True) -> Tuple[RunOptions, List[str]]:
    """The options before FILE (-l/--language, --backend, --stats,
    --no-optimize and its no-op opposite --optimize), and the rest of argv."""
    opts = RunOptions()
    i = 0

    def value(arg: str, what: str) -> str:
        if "=" in arg and arg.startswith("--"):
            return arg.split("=", 1)[1]
        if i + 1 >= len(argv):
            raise UsageError("%s needs %s" % (arg, what))
        return argv[i + 1]

    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            i += 1
            break
        if arg == "-" or not arg.startswith("-"):
            break
        step = 1
        if arg in ("-l", "--language") or arg.startswith("--language="):
            opts.language = value(arg, "a language code (one of %s)" % ", ".join(LANGUAGES))
            step = 1 if "=" in arg else 2
        elif arg == "--backend" or arg.startswith("--backend="):
            backend = value(arg, "a backend (one of %s)" % ", ".join(BACKENDS))
            if backend not in BACKENDS:
                raise UsageError("unknown backend %r: use one of %s" % (backend, ", ".join(BACKENDS)))
            opts.backend = backend
            step = 1 if "=" in arg else 2
        elif arg == "--stats":
            opts.stats = True
        elif arg in ("--optimize", "--no-optimize"):
            opts.optimize = arg == "--optimize"
        elif arg.startswith("-l") and not arg.startswith("--"):
            opts.language = arg[2:]
        elif arg in ("-h", "--help") and allow_help:
            raise _Help()
        else:
            raise UsageError("unknown option %s (try multilingual --help)" % arg)
        i += step
    _check_language(opts.language)
    return opts, list(argv[i:])


class _Help(Exception):
    """-h or --help among the leading options."""


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status (a program's
    ``SystemExit`` propagates, as from ``python FILE``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "--version":
            from ._version import __version__
            print("multilingual " + __version__)
            return 0
        if args and args[0] in COMMANDS:
            return _command(args[0], args[1:])
        opts, rest = _leading_options(args)
        language = opts.language
        if rest and rest[0] in COMMANDS and args and args[0] != "--":
            # multilingual -l fr repl
            lead = ["--language", language] if language else []
            if not opts.optimize:
                if rest[0] not in OPTIMIZING:
                    raise UsageError("--no-optimize applies to %s, not to %s"
                                     % (", ".join(OPTIMIZING), rest[0]))
                lead.append("--no-optimize")
            if rest[0] == "run":
                lead += ["--backend", opts.backend] + (["--stats"] if opts.stats else [])
            elif opts.run_only():
                raise UsageError("--backend and --stats apply to running a program, not to %s"
                                 % rest[0])
            return _command(rest[0], lead + rest[1:])
        if not rest:
            if sys.stdin is not None and sys.stdin.isatty():
                if opts.run_only():
                    raise UsageError("--backend and --stats apply to running a program, "
                                     "not to the interactive session")
                return _repl(language, opts.optimize)
            return _run_stdin(opts, [""])
        if rest[0] == "-":
            return _run_stdin(opts, ["-"] + rest[1:])
        return _run_file(rest[0], opts, rest[1:])
    except _Help:
        sys.stdout.write(USAGE)
        return 0
    except UsageError as exc:
        return _fail(str(exc))


# ---- running ----

def _read(path: str) -> bytes:
    """The bytes of program file ``path``; UsageError for a file that
    cannot be read."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise UsageError("cannot open %s: no such file" % path) from None
    except IsADirectoryError:
        raise UsageError("cannot run %s: it is a directory, not a program file" % path) from None
    except OSError as exc:
        if os.path.isdir(path):   # Windows says "permission denied" for a directory
            raise UsageError("cannot run %s: it is a directory, not a program file" % path) from None
        if isinstance(exc, PermissionError):
            raise UsageError("cannot open %s: permission denied" % path) from None
        raise UsageError("cannot open %s: %s" % (path, exc.strerror or exc)) from None


def _not_utf8(path: str, data: bytes, exc: UnicodeDecodeError) -> str:
    """The one-line message for a file that is not UTF-8: where the bad byte is."""
    line = data.count(b"\n", 0, exc.start) + 1
    col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
    return "%s is not UTF-8 text: byte 0x%02x at line %d, column %d" % (
        path, data[exc.start], line, col)


def _load(path: str, language: Optional[str], optimize: bool = True,
          cached: bool = True, disable: str = "") -> Program:
    """The program in ``path``, optimized unless ``optimize`` is False;
    UsageError, or MultilingualSyntaxError. ``disable`` names passes to
    switch off, comma-separated (uncached)."""
    data = _read(path)
    from ._program import compile_source, load_file
    try:
        if cached:
            return load_file(path, language=language, optimize=optimize, data=data)
        from ._program import _decode
        return compile_source(_decode(data), language=language, filename=path, optimize=optimize,
                              disable=disable.split(",") if disable else ())
    except UnicodeDecodeError as exc:
        raise _ProgramError(_not_utf8(path, data, exc)) from None


class _ProgramError(Exception):
    """A program that cannot be loaded: one line, status 1."""


def _run_file(path: str, opts: RunOptions, args: List[str]) -> int:
    """multilingual FILE ARGS: load (cache or compiler) and run; the exit status."""
    from ._errors import MultilingualError, MultilingualSyntaxError
    try:
        prog = _load(path, opts.language, optimize=opts.optimize)
    except MultilingualSyntaxError as exc:
        sys.stdout.flush()
        print(str(exc), file=sys.stderr)
        return 1
    except (_ProgramError, MultilingualError) as exc:
        return _fail(str(exc), 1)
    return run_program(prog, [path] + args, os.path.dirname(os.path.abspath(path)),
                       opts.backend, opts.stats)


def _run_stdin(opts: RunOptions, argv: List[str]) -> int:
    """Run the program read from standard input, as ``python -`` does."""
    from ._errors import MultilingualError, MultilingualSyntaxError
    from ._program import _decode, compile_source
    data = sys.stdin.buffer.read()
    try:
        prog = compile_source(_decode(data), language=opts.language, filename="<stdin>",
                              optimize=opts.optimize)
    except UnicodeDecodeError as exc:
        return _fail(_not_utf8("<stdin>", data, exc), 1)
    except MultilingualSyntaxError as exc:
        sys.stdout.flush()
        print(str(exc), file=sys.stderr)
        return 1
    except MultilingualError as exc:
        return _fail(str(exc), 1)
    return run_program(prog, argv, os.getcwd(), opts.backend, opts.stats)


def run_program(prog: Program, argv: List[str], directory: str, backend: str = "auto",
                stats: bool = False) -> int:
    """Run prog as ``python FILE`` runs a script: ``sys.argv`` is argv,
    ``sys.path[0]`` the program's directory. An exception the program lets
    escape is printed from the program's frames on (its file, its lines,
    its own text) and gives status 1 (130 for Ctrl-C); SystemExit passes
    through. ``backend`` is where compiled functions run (see
    Program.run); ``stats`` prints the calls of each function on stderr
    when the program ends, however it ends."""
    from ._errors import NativeUnavailableError
    counts = None
    if stats:
        from ._stats import CallStats
        counts = CallStats(prog.functions)
    try:
        # --backend wasm without the extension: one line, before anything runs.
        prog._binder(_backend_of(backend), counts)
    except NativeUnavailableError as exc:
        return _fail("--backend %s: %s" % (backend, exc), 1)
    saved_argv = sys.argv
    saved_path0 = sys.path[0] if sys.path else None
    sys.argv = argv
    if sys.path:
        sys.path[0] = directory
    else:
        sys.path.append(directory)
    try:
        prog.run(backend, counts)
    except SystemExit:
        raise
    except BaseException as exc:
        sys.stdout.flush()
        from ._repl import print_exception
        print_exception(exc)
        # Ctrl-C: the status a shell gives a process that SIGINT ended.
        return 130 if isinstance(exc, KeyboardInterrupt) else 1
    finally:
        sys.argv = saved_argv
        if saved_path0 is not None and sys.path and sys.path[0] == directory:
            sys.path[0] = saved_path0
        if counts is not None:
            try:
                sys.stdout.flush()
            except (OSError, ValueError):
                pass
            sys.stderr.write(counts.table())
    return 0


def _backend_of(name: str) -> Any:
    """The Backend called name ("auto", "wasm", "python")."""
    from ._backend import Backend
    return Backend.coerce(name)


def _repl(language: Optional[str], optimize: bool = True) -> int:
    """The interactive session, once the compiler is known to be there;
    ``optimize=False`` compiles its inputs without the optimization passes."""
    from . import _program
    native = _program._loader()
    if native.native is None:
        return _fail("the interactive session needs the compiler, in the native extension, "
                     "which is not available (%s: %s)" % (native.native_reason_code, native.native_reason), 1)
    from ._repl import interact
    return interact(language, optimize=optimize)


# ---- the other commands ----

def _parser(command: str) -> argparse.ArgumentParser:
    """The argument parser of one command other than run."""
    import argparse
    p = argparse.ArgumentParser(prog="multilingual " + command)

    def add_language(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--language", "-l", default=None,
                        help="language code such as fr; detected when omitted")

    def add_optimize(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--no-optimize", dest="optimize", action="store_false",
                        help="compile without the optimization passes (only the base passes)")
        sp.add_argument("--optimize", dest="optimize", action="store_true",
                        help="run the optimization passes: the default, accepted for scripts")
        sp.set_defaults(optimize=True)

    if command == "repl":
        p.description = "An interactive session in the program's language."
        add_language(p)
        add_optimize(p)
    elif command == "compile":
        p.description = ("Print the Python module the program becomes; python OUT runs it "
                         "(a program that imports .multi modules needs the import hook: "
                         "import multilingualprogramming first).")
        p.add_argument("file", help="program source (.multi), UTF-8")
        add_language(p)
        p.add_argument("-o", "--output", default=None, help="write the module to OUT instead")
    elif command == "check":
        p.description = ("Report every error in the program, and for each function whether it "
                         "compiles to WebAssembly and why not; status 1 when there are errors.")
        p.add_argument("file", help="program source (.multi), UTF-8")
        add_language(p)
        add_optimize(p)
    elif command == "translate":
        p.description = ("Print the program in another of the 17 languages: keywords, builtins "
                         "and type names in that language, the program's own names as written "
                         "(a name that would read as one of its words gets _ appended). "
                         "Comments are not kept: the printer works from the program's tree.")
        p.add_argument("file", help="program source (.multi), UTF-8, or - for standard input")
        add_language(p)
        p.add_argument("--to", "-t", required=True, metavar="CODE",
                       help="the language to print the program in (%s)" % " ".join(LANGUAGES))
        p.add_argument("-o", "--output", default=None, help="write the program to OUT instead")
    elif command == "build":
        p.description = "Write FILE.wasm, the Python fallback and a manifest."
        p.add_argument("file", nargs="?", help="program source (.multi), UTF-8")
        add_language(p)
        p.add_argument("--all", action="store_true", help="build every program of the shipped corpus")
        p.add_argument("-o", "--output", default=None,
                       help="output directory (default: build, or the package's corpus_build with --all)")
        add_optimize(p)
    elif command == "wat":
        p.description = "Print the WebAssembly module as text."
        p.add_argument("file", help="program source (.multi), UTF-8")
        add_language(p)
        add_optimize(p)
        p.add_argument("--disable", default="", metavar="NAME[,NAME]",
                       help="switch these optimization passes off (an unknown name lists them)")
    return p


def _command(command: str, args: List[str]) -> int:
    """Run ``multilingual COMMAND ARGS``; the exit status."""
    if command == "run":
        opts, rest = _leading_options(args)
        if not rest:
            raise UsageError("run needs a FILE (multilingual run FILE [ARGS...])")
        if rest[0] == "-":
            return _run_stdin(opts, ["-"] + rest[1:])
        return _run_file(rest[0], opts, rest[1:])
    ns = _parser(command).parse_args(args)
    language = _check_language(ns.language)
    if command == "repl":
        return _repl(language, ns.optimize)
    from ._errors import MultilingualError, MultilingualSyntaxError
    try:
        if command == "check":
            return _check(ns.file, language, ns.optimize)
        if command == "translate":
            return _translate(ns.file, language, _check_language(ns.to), ns.output)
        if command == "build" and bool(ns.all) == bool(ns.file):
            raise UsageError("build takes a FILE or --all")
        if command == "build" and ns.all:
            from ._corpus import build_all
            for path in build_all(ns.output, optimize=ns.optimize):
                print(path)
            return 0
        try:
            prog = _load(ns.file, language, optimize=bool(getattr(ns, "optimize", True)),
                         cached=command == "compile", disable=getattr(ns, "disable", ""))
        except ValueError as exc:
            if not getattr(ns, "disable", ""):
                raise
            raise UsageError(str(exc)) from None
        if command == "compile":
            if ns.output:
                with open(ns.output, "w", encoding="utf-8") as f:
                    f.write(prog.python_source)
            else:
                sys.stdout.write(prog.python_source)
        elif command == "build":
            _build(prog, ns.file, ns.output)
        elif command == "wat":
            sys.stdout.write(prog.wat())
    except MultilingualSyntaxError as exc:
        sys.stdout.flush()
        print(str(exc), file=sys.stderr)
        return 1
    except (_ProgramError, MultilingualError) as exc:
        return _fail(str(exc), 1)
    except BrokenPipeError:
        return _stdout_closed()
    except OSError as exc:
        return _fail(str(exc), 1)
    return 0


def _stdout_closed() -> int:
    """The reader of our output went away (``multilingual check F | head``):
    stop quietly, as Unix tools do, with stdout pointed at /dev/null so that
    Python's final flush does not complain either. The status is 141, a
    shell's status for SIGPIPE."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return 141


def _build(prog: Program, path: str, output: Optional[str]) -> None:
    """multilingual build FILE: write the artifacts and say what compiled."""
    from ._corpus import write_build
    stem = os.path.splitext(os.path.basename(path))[0]
    for written in write_build(prog, stem, output or "build"):
        print(written)
    compiled = [f.name for f in prog.functions.values() if f.compilable]
    print("%s (%s): %d function(s), compiled to WebAssembly: %s" % (
        path, prog.language, len(prog.functions), ", ".join(compiled) or "none"))
    for f in prog.functions.values():
        if not f.compilable:
            print("  %s runs in Python only: %s" % (f.name, f.reason))


def _translate(path: str, language: Optional[str], to: Optional[str], output: Optional[str]) -> int:
    """multilingual translate FILE --to CODE: the program in language to,
    on stdout or in output; what the translation leaves out on stderr."""
    from ._program import _decode
    from ._translate import count_comments, translate_source
    assert to is not None
    data = sys.stdin.buffer.read() if path == "-" else _read(path)
    name = "<stdin>" if path == "-" else path
    try:
        source = _decode(data)
    except UnicodeDecodeError as exc:
        raise _ProgramError(_not_utf8(name, data, exc)) from None
    tr = translate_source(source, to, language=language, filename=name)
    if output:
        with open(output, "w", encoding="utf-8") as f:
            f.write(tr.text)
    else:
        sys.stdout.write(tr.text)
        sys.stdout.flush()
    comments = count_comments(source)
    if comments is None:
        print("multilingual: note: comments, if %s has any, are not kept (the printer works "
              "from the program's tree)" % name, file=sys.stderr)
    elif comments:
        print("multilingual: note: %d comment%s of %s %s not kept (the printer works from the "
              "program's tree)" % (comments, "" if comments == 1 else "s", name,
                                   "is" if comments == 1 else "are"), file=sys.stderr)
    for old, new in sorted(tr.renamed.items()):
        print("multilingual: note: %s is renamed %s (it would read as a word of %s)"
              % (old, new, to), file=sys.stderr)
    return 0


def _signature(params: Sequence[Tuple[str, str]], result: str) -> str:
    """``(n: int) -> int`` from the compiler's view of a function."""
    def typed(name: str, kind: str) -> str:
        return name if kind == "unknown" else "%s: %s" % (name, kind)
    out = "(%s)" % ", ".join(typed(n, t) for n, t in params)
    return out if result == "unknown" else "%s -> %s" % (out, result)


def _check(path: str, language: Optional[str], optimize: bool = True) -> int:
    """multilingual check: every error (status 1), or each function and
    where it runs (in the program compiled as ``optimize`` says)."""
    from ._errors import MultilingualSyntaxError
    from ._repl import language_name
    try:
        prog = _load(path, language, optimize=optimize)
    except MultilingualSyntaxError as exc:
        n = len(exc.errors)
        print(str(exc))
        print("%s: %d error%s" % (path, n, "" if n == 1 else "s"))
        return 1
    how = "detected" if prog.language_detected else "given"
    functions = list(prog.functions.values())
    compiled = sum(1 for f in functions if f.compilable)
    print("%s: no errors; %s (%s, %s); %d function%s, %d compiled to WebAssembly" % (
        path, language_name(prog.language), prog.language, how, len(functions),
        "" if len(functions) == 1 else "s", compiled))
    width = max([len(f.name + _signature(f.params, f.result)) for f in functions] + [0])
    for f in functions:
        sig = f.name + _signature(f.params, f.result)
        if f.compilable:
            print("  %s  WebAssembly" % sig.ljust(width))
        else:
            print("  %s  Python only: %s" % (sig.ljust(width), f.reason))
    return 0
