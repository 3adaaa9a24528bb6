"""The ``multilingual`` command: build, run and inspect programs.

    multilingual build FILE [-o DIR] [--language CODE] [--optimize]
    multilingual build --all [-o DIR] [--optimize]
    multilingual run FILE [--language CODE] [ARGS...]
    multilingual wat FILE [--language CODE] [--optimize]
    multilingual bench [--quick] [--out DIR] ...
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from typing import List, Optional

from ._errors import MultilingualError, MultilingualSyntaxError
from ._corpus import write_build
from ._program import Program, compile_file
from ._version import __version__


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="multilingual",
        description="Compile programs written in any of 17 languages to WebAssembly "
                    "and Python, and run them.")
    p.add_argument("--version", action="version", version="multilingual " + __version__)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def add_common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("file", help="program source (.ml), UTF-8")
        sp.add_argument("--language", "-l", default=None,
                        help="language code such as fr; detected when omitted")

    b = sub.add_parser("build", help="write FILE.wasm, the Python fallback and a manifest")
    b.add_argument("file", nargs="?", help="program source (.ml), UTF-8")
    b.add_argument("--language", "-l", default=None,
                   help="language code such as fr; detected when omitted")
    b.add_argument("--all", action="store_true", help="build every program of the shipped corpus")
    b.add_argument("-o", "--output", default=None,
                   help="output directory (default: build, or the package's corpus_build with --all)")
    b.add_argument("--optimize", action="store_true", help="run the compiler's optimizations")

    r = sub.add_parser("run", help="run the program as a script (ARGS become sys.argv[1:])")
    add_common(r)

    sub.add_parser("bench", add_help=False,
                   help="run the benchmark suite (results.md, results.png); see multilingual bench --help")

    w = sub.add_parser("wat", help="print the WebAssembly module as text")
    add_common(w)
    w.add_argument("--optimize", action="store_true", help="run the compiler's optimizations")
    return p


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    if args.command == "bench":
        from ._bench import main as bench_main
        return bench_main(rest, prog="multilingual bench")
    if rest and args.command != "run":
        parser.error("unrecognized arguments: " + " ".join(rest))
    if args.command == "build" and bool(args.all) == bool(args.file):
        parser.error("build takes a FILE or --all")
    try:
        optimize = bool(getattr(args, "optimize", False))
        if args.command == "build" and args.all:
            from ._corpus import build_all
            for path in build_all(args.output, optimize=optimize):
                print(path)
            return 0
        prog = compile_file(args.file, language=args.language, optimize=optimize)
        if args.command == "build":
            stem = os.path.splitext(os.path.basename(args.file))[0]
            for path in write_build(prog, stem, args.output or "build"):
                print(path)
            compiled = [f.name for f in prog.functions.values() if f.compilable]
            print("%s (%s): %d function(s), compiled to WebAssembly: %s" % (
                args.file, prog.language, len(prog.functions), ", ".join(compiled) or "none"))
            for f in prog.functions.values():
                if not f.compilable:
                    print("  %s runs in Python only: %s" % (f.name, f.reason))
        elif args.command == "run":
            return _run(prog, [args.file] + rest)
        elif args.command == "wat":
            sys.stdout.write(prog.wat())
    except MultilingualSyntaxError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except (OSError, MultilingualError) as exc:
        print("multilingual: %s" % exc, file=sys.stderr)
        return 1
    return 0


def _run(prog: Program, argv: List[str]) -> int:
    """Run prog as a script with sys.argv set to argv. An exception the
    program lets escape is printed as Python prints it, from the program's
    first frame on (its file, its lines, its own text), and gives status 1;
    SystemExit passes through."""
    saved = sys.argv
    sys.argv = argv
    try:
        prog.run()
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != prog.filename:
            tb = tb.tb_next
        sys.stdout.flush()
        traceback.print_exception(type(exc), exc, tb if tb is not None else exc.__traceback__)
        return 1
    finally:
        sys.argv = saved
    return 0
