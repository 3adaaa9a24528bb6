"""The ``multilingual`` command: build, run and inspect programs.

    multilingual build FILE [-o DIR] [--language CODE] [--optimize]
    multilingual run FILE [--language CODE]
    multilingual wat FILE [--language CODE] [--optimize]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import List, Optional

from ._errors import MultilingualError, MultilingualSyntaxError
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
    add_common(b)
    b.add_argument("-o", "--output", default="build", help="output directory (default: build)")
    b.add_argument("--optimize", action="store_true", help="run the compiler's optimizations")

    r = sub.add_parser("run", help="run the program's top-level statements")
    add_common(r)

    w = sub.add_parser("wat", help="print the WebAssembly module as text")
    add_common(w)
    w.add_argument("--optimize", action="store_true", help="run the compiler's optimizations")
    return p


def _build(prog: Program, file: str, outdir: str) -> List[str]:
    os.makedirs(outdir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(file))[0]
    wasm_path = os.path.join(outdir, stem + ".wasm")
    py_path = os.path.join(outdir, stem + "_fallback.py")
    manifest_path = os.path.join(outdir, stem + ".json")
    with open(wasm_path, "wb") as f:
        f.write(prog.wasm_bytes)
    with open(py_path, "w", encoding="utf-8") as f:
        f.write(prog.python_source)
    manifest = {
        "source": os.path.abspath(file),
        "language": prog.language,
        "wasm": os.path.basename(wasm_path),
        "python": os.path.basename(py_path),
        "version": __version__,
        "functions": [
            {"name": fi.name, "params": [list(p) for p in fi.params], "result": fi.result,
             "compilable": fi.compilable, "reason": fi.reason, "signature": fi.signature}
            for fi in prog.functions.values()
        ],
    }
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return [wasm_path, py_path, manifest_path]


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        optimize = bool(getattr(args, "optimize", False))
        prog = compile_file(args.file, language=args.language, optimize=optimize)
        if args.command == "build":
            for path in _build(prog, args.file, args.output):
                print(path)
            compiled = [f.name for f in prog.functions.values() if f.compilable]
            print("%s (%s): %d function(s), compiled to WebAssembly: %s" % (
                args.file, prog.language, len(prog.functions), ", ".join(compiled) or "none"))
            for f in prog.functions.values():
                if not f.compilable:
                    print("  %s runs in Python only: %s" % (f.name, f.reason))
        elif args.command == "run":
            prog.run()
        elif args.command == "wat":
            sys.stdout.write(prog.wat())
    except MultilingualSyntaxError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except (OSError, MultilingualError) as exc:
        print("multilingual: %s" % exc, file=sys.stderr)
        return 1
    return 0
