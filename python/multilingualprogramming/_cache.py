"""The disk cache of compiled programs and modules.

Running ``multilingual hello.multi`` or importing a ``.multi`` module a
second time should not pay for the compiler: an entry keeps what the
compiler produced for one source text (the generated Python, the
WebAssembly bytes, the functions) together with the generated module's
code object, already renumbered to the user's lines. A hit needs neither
the compiler nor, when the program has no function compiled to
WebAssembly, the native extension at all, which is most of a cold start.

Entries live in ``programs/`` under the engine's cache directory
(``$MULTILINGUAL_CACHE_DIR``, else the user cache directory's
``multilingualprogramming``; ``MULTILINGUAL_CACHE_DIR=off`` turns both
caches off), beside the machine code that the engine caches for the
WebAssembly. An entry is named by a cheap key (CRC-32s of the source and
of what else the result depends on: the file name, the language asked
for, the optimize flag, the package version, the native extension file
and the Python version) and holds the source bytes and that key in full,
so it is used only for exactly that input; a CRC-32 of the whole entry
guards against damage. Entries are written to a temporary file and
renamed, so a reader sees a whole entry or none. Code objects run when
loaded, so the directory must be the user's own and not writable by
others, as the engine requires too; otherwise nothing is cached. The
first write of a process removes entries written more than 30 days ago.
"""

from __future__ import annotations

import binascii
import marshal
import os
import sys
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import CodeType
    from typing import Any, Dict, Optional, Tuple

__all__ = ["cache_dir", "lookup", "store"]

_MAGIC = b"MLPC1\n"
_SUFFIX = ".mlc"
_ENTRY_MAX_AGE = 30 * 24 * 3600.0
_TMP_MAX_AGE = 3600.0
_pruned = False
_native_stamp: Optional[str] = None


def base_dir() -> Optional[str]:
    """The engine's cache directory as the extension computes it, or None
    when ``MULTILINGUAL_CACHE_DIR=off``."""
    env = os.environ.get("MULTILINGUAL_CACHE_DIR", "")
    if env == "off":
        return None
    if env:
        return env
    if sys.platform == "win32":
        root = os.environ.get("LOCALAPPDATA", "")
    elif sys.platform == "darwin":
        root = os.path.join(os.path.expanduser("~"), "Library", "Caches")
    else:
        root = os.environ.get("XDG_CACHE_HOME", "") or os.path.join(os.path.expanduser("~"), ".cache")
    if not root or not os.path.isabs(root):
        return None
    return os.path.join(root, "multilingualprogramming")


def cache_dir(create: bool = False) -> Optional[str]:
    """The directory of program entries, or None when caching is off or the
    directory is not safe to load code from (``create`` makes it, mode 0700)."""
    base = base_dir()
    if base is None:
        return None
    path = os.path.join(base, "programs")
    try:
        if create:
            os.makedirs(path, mode=0o700, exist_ok=True)
        for d in (base, path):
            st = os.stat(d)
            if os.name == "posix" and (st.st_mode & 0o022 or st.st_uid != os.getuid()):
                return None
    except OSError:
        return None
    return path


def _native_fingerprint() -> str:
    """Size and modification time of the native extension file: the
    compiler inside it decides what an entry holds, and a rebuild during
    development keeps the version number."""
    global _native_stamp
    if _native_stamp is None:
        from importlib.machinery import EXTENSION_SUFFIXES
        here = os.path.dirname(os.path.abspath(__file__))
        stamp = "none"
        for suffix in EXTENSION_SUFFIXES:
            try:
                st = os.stat(os.path.join(here, "_native" + suffix))
            except OSError:
                continue
            stamp = "%s:%d:%d" % (suffix, st.st_size, st.st_mtime_ns)
            break
        _native_stamp = stamp
    return _native_stamp


def _key(data: bytes, filename: str, language: Optional[str], optimize: bool) -> Tuple[str, str]:
    """(entry file name, the full description of the input besides the source)."""
    from ._version import __version__
    meta = "\0".join((__version__, _native_fingerprint(), sys.implementation.cache_tag or "",
                      "%d.%d" % sys.version_info[:2], filename, language or "",
                      "1" if optimize else "0"))
    name = "%08x%08x%x%s" % (binascii.crc32(meta.encode("utf-8", "surrogatepass")),
                             binascii.crc32(data), len(data), _SUFFIX)
    return name, meta


def lookup(data: bytes, filename: str, language: Optional[str],
           optimize: bool = False) -> Optional[Tuple[Dict[str, Any], CodeType]]:
    """The artifact and code object cached for source bytes ``data`` of
    ``filename``, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    name, meta = _key(data, filename, language, optimize)
    try:
        with open(os.path.join(folder, name), "rb") as f:
            blob = f.read()
    except OSError:
        return None
    n = len(_MAGIC)
    if blob[:n] != _MAGIC or len(blob) < n + 4:
        return None
    payload = memoryview(blob)[n + 4:]
    if int.from_bytes(blob[n:n + 4], "little") != binascii.crc32(payload) & 0xFFFFFFFF:
        return None
    try:
        entry = marshal.loads(payload)
        got_meta, got_data, artifact, code = entry
    except (ValueError, EOFError, TypeError):
        return None
    if got_meta != meta or got_data != data:
        return None
    return artifact, code


def store(data: bytes, filename: str, language: Optional[str], optimize: bool,
          artifact: Dict[str, Any], code: CodeType) -> None:
    """Cache the artifact and code object compiled from ``data``; a cache
    that cannot be written is skipped silently."""
    folder = cache_dir(create=True)
    if folder is None:
        return
    name, meta = _key(data, filename, language, optimize)
    keep = {k: v for k, v in artifact.items() if k != "source"}
    try:
        payload = marshal.dumps((meta, data, keep, code))
    except ValueError:
        return
    blob = _MAGIC + (binascii.crc32(payload) & 0xFFFFFFFF).to_bytes(4, "little") + payload
    final = os.path.join(folder, name)
    tmp = "%s.tmp-%d-%d" % (final, os.getpid(), time.monotonic_ns())
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
        os.replace(tmp, final)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return
    _prune_once(folder)


def _prune_once(folder: str) -> None:
    """Remove entries written more than 30 days ago and temporary files
    older than an hour, once per process (after a compile, never on a warm
    start)."""
    global _pruned
    if _pruned:
        return
    _pruned = True
    now = time.time()
    try:
        with os.scandir(folder) as it:
            for entry in it:
                name = entry.name
                if ".tmp-" in name:
                    max_age = _TMP_MAX_AGE
                elif name.endswith(_SUFFIX):
                    max_age = _ENTRY_MAX_AGE
                else:
                    continue
                try:
                    if now - entry.stat(follow_symlinks=False).st_mtime > max_age:
                        os.unlink(entry.path)
                except OSError:
                    pass
    except OSError:
        pass
