"""The corpus shipped inside the package: real programs in several languages.

The sources live in ``corpus/<project>/<name>.<lang>.multi``. The wheel build
compiles each to ``corpus_build/<name>.<lang>.wasm`` with its Python
fallback and a manifest (``multilingual build --all`` does the same), so
that a program loads without the compiler: :func:`load` rebuilds the
Program from those files, which also works with the native extension
hidden (every call then runs the shipped Python fallback).
"""

from __future__ import annotations

import json
import os
import time
from typing import Any, Dict, List, Optional, Tuple

from ._program import Program, compile_file

__all__ = ["CORPUS_DIR", "BUILD_DIR", "sources", "build_all", "load", "REGISTRY_FUNCTIONS"]

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS_DIR = os.path.join(HERE, "corpus")
BUILD_DIR = os.path.join(HERE, "corpus_build")

#: Registry names served by corpus functions: name -> (program, function).
#: Only functions whose arguments have the registry's own types are listed,
#: and only where WebAssembly is the faster way: the rest of the registry
#: (dicts, callables, and string functions that Python runs in C, such as
#: reversal and substring search) is Python-only. An argument of another type (a list of characters
#: for string_longest_substring) runs the registry's Python function.
REGISTRY_FUNCTIONS: Dict[str, Tuple[str, str]] = {
    "matrix_multiply": ("matrix.fr", "multiplier"),
    "matrix_transpose": ("matrix.fr", "transposer"),
    "matrix_determinant": ("matrix.fr", "determinant"),
    "image_blur": ("image.ja", "単純ぼかし"),
    "numeric_fibonacci": ("numeric.it", "fibonacci"),
    "numeric_prime_factors": ("numeric.it", "fattori_primi"),
    "numeric_gcd": ("numeric.it", "mcd"),
    "numeric_lcm": ("numeric.it", "mcm"),
    "numeric_factorial": ("numeric.it", "fattoriale"),
    "search_binary": ("search.pt", "busca_binaria"),
    "search_linear": ("search.pt", "busca_linear"),
    "string_longest_substring": ("search.pt", "maior_sequencia"),
    "crypto_hash": ("crypto.de", "text_hash"),
    "crypto_xor_encrypt": ("crypto.de", "xor_text"),
    "crypto_xor_decrypt": ("crypto.de", "xor_text"),
}


def sources() -> Dict[str, str]:
    """Program name ("matrix.fr") -> source path, for every corpus program."""
    out = {}
    for project in sorted(os.listdir(CORPUS_DIR)):
        folder = os.path.join(CORPUS_DIR, project)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            stem, ext = os.path.splitext(name)
            if ext in (".multi", ".ml"):
                out[stem] = os.path.join(folder, name)
    return out


def write_build(prog: Program, stem: str, outdir: str) -> List[str]:
    """Write prog's .wasm, Python fallback and manifest into outdir.

    Each file is first written in full to a temporary file beside it, and
    the three are renamed over the old ones only once all are written (the
    manifest last, as it names the other two): a write that fails (a full
    disk, an interrupted build) leaves the previous build in place."""
    from ._version import __version__
    os.makedirs(outdir, exist_ok=True)
    wasm_path = os.path.join(outdir, stem + ".wasm")
    py_path = os.path.join(outdir, stem + "_fallback.py")
    manifest_path = os.path.join(outdir, stem + ".json")
    manifest = {
        "source": _relative_source(prog.filename, outdir),
        "language": prog.language,
        "detected": prog.language_detected,
        "wasm": os.path.basename(wasm_path),
        "python": os.path.basename(py_path),
        "version": __version__,
        "abi": _runtime_abi(),
        "optimize": bool(prog.artifact().get("optimize", False)),
        "functions": [
            {"name": fi.name, "params": [list(p) for p in fi.params], "result": fi.result,
             "compilable": fi.compilable, "reason": fi.reason, "signature": fi.signature,
             "bounded": fi.bounded}
            for fi in prog.functions.values()
        ],
    }
    contents = [
        (wasm_path, prog.wasm_bytes),
        (py_path, prog.python_source.encode("utf-8")),
        (manifest_path, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")),
    ]
    temps: List[str] = []
    try:
        for path, data in contents:
            temps.append(_write_temp(path, data))
        for tmp, (path, _) in zip(temps, contents):
            os.replace(tmp, path)
    finally:
        for tmp in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return [path for path, _ in contents]


def _write_temp(path: str, data: bytes) -> str:
    """Write data to a new temporary file in path's directory (with the
    mode a new file gets) and return its name; nothing is left behind when
    the write fails."""
    tmp = "%s.tmp-%d-%d" % (path, os.getpid(), time.monotonic_ns())
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _runtime_abi() -> Optional[int]:
    """The module ABI version of the native extension, or None without it."""
    from . import _native_loader
    native = _native_loader.native
    return None if native is None else int(native.ABI_VERSION)


def _check_abi(manifest: Dict[str, Any], manifest_path: str) -> None:
    """Raise ValueError when the build was made for another module ABI than
    the extension's. Without the extension nothing is checked: the .wasm is
    never loaded, the Python fallback runs."""
    runtime = _runtime_abi()
    if runtime is None:
        return
    built = manifest.get("abi")
    if built is None:
        raise ValueError("%s: the build records no ABI version (made by an older release), "
                         "this runtime speaks ABI %d; rebuild it" % (manifest_path, runtime))
    if built != runtime:
        raise ValueError("%s: module built for ABI %s, this runtime speaks ABI %d; rebuild it"
                         % (manifest_path, built, runtime))


def load_build(manifest_path: str) -> Program:
    """The Program described by a manifest that write_build (or
    ``multilingual build``) wrote; needs no compiler. A build made for
    another module ABI than the native extension's raises ValueError."""
    folder = os.path.dirname(os.path.abspath(manifest_path))
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    _check_abi(manifest, manifest_path)
    with open(os.path.join(folder, manifest["wasm"]), "rb") as f:
        wasm = f.read()
    with open(os.path.join(folder, manifest["python"]), encoding="utf-8") as f:
        python = f.read()
    artifact: Dict[str, Any] = {
        "language": manifest["language"], "detected": manifest.get("detected", False),
        "wasm": wasm, "python": python, "functions": manifest["functions"],
        "optimize": bool(manifest.get("optimize", False)),
    }
    return Program(artifact, _resolve_source(manifest.get("source"), folder, manifest_path))


def _relative_source(filename: str, outdir: str) -> str:
    """The source file's name as a manifest in outdir records it: relative
    to outdir when the file exists there, so that a build moved or installed
    with its sources (the wheel's corpus) names no path of the machine that
    built it; otherwise (a name like "<string>", or another drive) as given."""
    if not os.path.isfile(filename):
        return filename
    try:
        return os.path.relpath(os.path.abspath(filename), os.path.abspath(outdir))
    except ValueError:
        return filename


def _resolve_source(source: Optional[str], folder: str, manifest_path: str) -> str:
    """The file name a loaded build reports in errors and tracebacks: a
    relative source of the manifest, taken from the manifest's folder; an
    absolute one (older builds) or a pseudo-name as recorded; the manifest
    itself when none is recorded."""
    if not source:
        return manifest_path
    if os.path.isabs(source) or source.startswith("<"):
        return source
    return os.path.normpath(os.path.join(folder, source))


def build_all(outdir: Optional[str] = None, optimize: bool = True) -> List[str]:
    """Compile every corpus program into outdir (default: the package's
    corpus_build), optimized unless ``optimize`` is False; returns the
    files written."""
    outdir = outdir or BUILD_DIR
    written = []
    for stem, path in sources().items():
        prog = compile_file(path, optimize=optimize)
        written += write_build(prog, stem, outdir)
    return written


_loaded: Dict[str, Program] = {}


def load(name: str) -> Program:
    """The corpus program ``name`` ("numeric.it"): from the shipped build
    when present, otherwise compiled from its source."""
    prog = _loaded.get(name)
    if prog is not None:
        return prog
    manifest = os.path.join(BUILD_DIR, name + ".json")
    if os.path.exists(manifest):
        prog = load_build(manifest)
    else:
        srcs = sources()
        if name not in srcs:
            raise ValueError("no corpus program %r; there are: %s" % (name, ", ".join(srcs)))
        prog = compile_file(srcs[name])
    _loaded[name] = prog
    return prog


def manifest_signature(wasm_path: str, export: str) -> Optional[str]:
    """The compiler's signature for a compiled export, from the manifest
    that write_build (``multilingual build``) put beside the .wasm; None
    when there is no manifest or the export is not compiled."""
    manifest = os.path.splitext(wasm_path)[0] + ".json"
    try:
        with open(manifest, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    for fn in data.get("functions", []):
        if fn.get("name") == export and fn.get("compilable") and fn.get("signature"):
            return str(fn["signature"])
    return None


def registry_wasm(name: str) -> Optional[Tuple[str, str, str]]:
    """(wasm path, export, signature) of the shipped WebAssembly serving
    registry function ``name``, when the build has it compiled."""
    entry = REGISTRY_FUNCTIONS.get(name)
    if entry is None:
        return None
    stem, func = entry
    wasm_path = os.path.join(BUILD_DIR, stem + ".wasm")
    signature = manifest_signature(wasm_path, func)
    if signature is None:
        return None
    return wasm_path, func, signature
