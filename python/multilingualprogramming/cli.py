"""The ``multilingual`` command: run, inspect and build programs.

    multilingual [-l CODE] FILE [ARGS...]        run a program (ARGS become sys.argv[1:])
    multilingual [-l CODE]                       interactive session on a terminal,
                                                 else run the program read from stdin
    multilingual run [-l CODE] FILE [ARGS...]    the same as multilingual FILE
    multilingual repl [-l CODE]                  interactive session
    multilingual compile [-l CODE] [-o OUT] FILE print the Python the program becomes
    multilingual check [-l CODE] FILE            every error; where each function runs
    multilingual build FILE [-o DIR] [-l CODE] [--optimize] | --all
    multilingual wat FILE [-l CODE] [--optimize] [--disable=NAME[,NAME]]
    multilingual bench [--quick] [--out DIR] ...

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
    from typing import List, Optional, Sequence, Tuple

    from ._program import Program

__all__ = ["main", "LANGUAGES"]

#: The 17 language codes the compiler reads.
LANGUAGES = ("en", "fr", "es", "de", "hi", "ar", "bn", "ta", "zh", "ja", "it", "pt", "pl", "nl",
             "sv", "da", "fi")

COMMANDS = ("run", "repl", "compile", "check", "build", "wat", "bench")

USAGE = """\
usage: multilingual [-l CODE] FILE [ARGS...]
       multilingual [-l CODE]                 (interactive on a terminal; else the program on stdin)
       multilingual COMMAND ...

Run, inspect and build programs written in Python's language with the keywords of
any of 17 human languages (%s).

commands:
  run [-l CODE] FILE [ARGS...]       run the program (the same as multilingual FILE)
  repl [-l CODE]                     interactive session
  compile [-l CODE] [-o OUT] FILE    print the Python the program becomes
  check [-l CODE] FILE               report every error, and where each function runs
  build FILE [-o DIR] | --all        write FILE.wasm, the Python fallback and a manifest
  wat FILE                           print the WebAssembly module as text
  bench                              run the benchmark suite

options:
  -l CODE, --language CODE           the program's language; detected when omitted
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


def _leading_options(argv: Sequence[str], allow_help: bool = True) -> Tuple[Optional[str], List[str]]:
    """The -l/--language option before FILE, and the rest of argv."""
    language: Optional[str] = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            i += 1
            break
        if arg == "-" or not arg.startswith("-"):
            break
        if arg in ("-l", "--language"):
            if i + 1 >= len(argv):
                raise UsageError("%s needs a language code (one of %s)" % (arg, ", ".join(LANGUAGES)))
            language = argv[i + 1]
            i += 2
            continue
        if arg.startswith("--language="):
            language = arg.split("=", 1)[1]
        elif arg.startswith("-l") and not arg.startswith("--"):
            language = arg[2:]
        elif arg in ("-h", "--help") and allow_help:
            raise _Help()
        else:
            raise UsageError("unknown option %s (try multilingual --help)" % arg)
        i += 1
    return _check_language(language), list(argv[i:])


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
        language, rest = _leading_options(args)
        if rest and rest[0] in COMMANDS and args and args[0] != "--":
            # multilingual -l fr repl
            return _command(rest[0], ["--language", language] + rest[1:] if language else rest[1:])
        if not rest:
            if sys.stdin is not None and sys.stdin.isatty():
                return _repl(language)
            return _run_stdin(language, [""])
        if rest[0] == "-":
            return _run_stdin(language, ["-"] + rest[1:])
        return _run_file(rest[0], language, rest[1:])
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


def _load(path: str, language: Optional[str], optimize: bool = False,
          cached: bool = True, disable: str = "") -> Program:
    """The program in ``path``; UsageError, or MultilingualSyntaxError.
    ``disable`` names passes to switch off, comma-separated (uncached)."""
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


def _run_file(path: str, language: Optional[str], args: List[str]) -> int:
    """multilingual FILE ARGS: load (cache or compiler) and run; the exit status."""
    from ._errors import MultilingualError, MultilingualSyntaxError
    try:
        prog = _load(path, language)
    except MultilingualSyntaxError as exc:
        sys.stdout.flush()
        print(str(exc), file=sys.stderr)
        return 1
    except (_ProgramError, MultilingualError) as exc:
        return _fail(str(exc), 1)
    return run_program(prog, [path] + args, os.path.dirname(os.path.abspath(path)))


def _run_stdin(language: Optional[str], argv: List[str]) -> int:
    """Run the program read from standard input, as ``python -`` does."""
    from ._errors import MultilingualError, MultilingualSyntaxError
    from ._program import _decode, compile_source
    data = sys.stdin.buffer.read()
    try:
        prog = compile_source(_decode(data), language=language, filename="<stdin>")
    except UnicodeDecodeError as exc:
        return _fail(_not_utf8("<stdin>", data, exc), 1)
    except MultilingualSyntaxError as exc:
        sys.stdout.flush()
        print(str(exc), file=sys.stderr)
        return 1
    except MultilingualError as exc:
        return _fail(str(exc), 1)
    return run_program(prog, argv, os.getcwd())


def run_program(prog: Program, argv: List[str], directory: str) -> int:
    """Run prog as ``python FILE`` runs a script: ``sys.argv`` is argv,
    ``sys.path[0]`` the program's directory. An exception the program lets
    escape is printed from the program's frames on (its file, its lines,
    its own text) and gives status 1 (130 for Ctrl-C); SystemExit passes
    through."""
    saved_argv = sys.argv
    saved_path0 = sys.path[0] if sys.path else None
    sys.argv = argv
    if sys.path:
        sys.path[0] = directory
    else:
        sys.path.append(directory)
    try:
        prog.run()
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
    return 0


def _repl(language: Optional[str]) -> int:
    """The interactive session, once the compiler is known to be there."""
    from . import _program
    native = _program._loader()
    if native.native is None:
        return _fail("the interactive session needs the compiler, in the native extension, "
                     "which is not available (%s: %s)" % (native.native_reason_code, native.native_reason), 1)
    from ._repl import interact
    return interact(language)


# ---- the other commands ----

def _parser(command: str) -> argparse.ArgumentParser:
    """The argument parser of one command other than run and bench."""
    import argparse
    p = argparse.ArgumentParser(prog="multilingual " + command)

    def add_language(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--language", "-l", default=None,
                        help="language code such as fr; detected when omitted")

    if command == "repl":
        p.description = "An interactive session in the program's language."
        add_language(p)
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
    elif command == "build":
        p.description = "Write FILE.wasm, the Python fallback and a manifest."
        p.add_argument("file", nargs="?", help="program source (.multi), UTF-8")
        add_language(p)
        p.add_argument("--all", action="store_true", help="build every program of the shipped corpus")
        p.add_argument("-o", "--output", default=None,
                       help="output directory (default: build, or the package's corpus_build with --all)")
        p.add_argument("--optimize", action="store_true", help="run the compiler's optimizations")
    elif command == "wat":
        p.description = "Print the WebAssembly module as text."
        p.add_argument("file", help="program source (.multi), UTF-8")
        add_language(p)
        p.add_argument("--optimize", action="store_true", help="run the compiler's optimizations")
        p.add_argument("--disable", default="", metavar="NAME[,NAME]",
                       help="switch these optimization passes off (an unknown name lists them)")
    return p


def _command(command: str, args: List[str]) -> int:
    """Run ``multilingual COMMAND ARGS``; the exit status."""
    if command == "bench":
        from ._bench import main as bench_main
        return bench_main(args, prog="multilingual bench")
    if command == "run":
        language, rest = _leading_options(args)
        if not rest:
            raise UsageError("run needs a FILE (multilingual run FILE [ARGS...])")
        if rest[0] == "-":
            return _run_stdin(language, ["-"] + rest[1:])
        return _run_file(rest[0], language, rest[1:])
    ns = _parser(command).parse_args(args)
    language = _check_language(ns.language)
    if command == "repl":
        return _repl(language)
    from ._errors import MultilingualError, MultilingualSyntaxError
    try:
        if command == "check":
            return _check(ns.file, language)
        if command == "build" and bool(ns.all) == bool(ns.file):
            raise UsageError("build takes a FILE or --all")
        if command == "build" and ns.all:
            from ._corpus import build_all
            for path in build_all(ns.output, optimize=ns.optimize):
                print(path)
            return 0
        try:
            prog = _load(ns.file, language, optimize=bool(getattr(ns, "optimize", False)),
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
    except OSError as exc:
        return _fail(str(exc), 1)
    return 0


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


def _signature(params: Sequence[Tuple[str, str]], result: str) -> str:
    """``(n: int) -> int`` from the compiler's view of a function."""
    def typed(name: str, kind: str) -> str:
        return name if kind == "unknown" else "%s: %s" % (name, kind)
    out = "(%s)" % ", ".join(typed(n, t) for n, t in params)
    return out if result == "unknown" else "%s -> %s" % (out, result)


def _check(path: str, language: Optional[str]) -> int:
    """multilingual check: every error (status 1), or each function and
    where it runs."""
    from ._errors import MultilingualSyntaxError
    from ._repl import language_name
    try:
        prog = _load(path, language)
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
