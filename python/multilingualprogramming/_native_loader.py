"""The one place that decides whether the native extension is used.

The extension ``multilingualprogramming._native`` holds the compiler and the
WebAssembly runtime (Wasmtime is linked into it). Setting the environment
variable ``MULTILINGUAL_NO_NATIVE=1`` hides it, which is how the test suite
runs the pure-Python mode.
"""

from __future__ import annotations

import faulthandler
import functools
import logging
import os
import platform
import signal
from types import ModuleType
from typing import Any, Optional, Tuple

from ._errors import NativeUnavailableError
from ._version import __version__

#: Platforms for which the extension is built (system, machine).
SUPPORTED_PLATFORMS = {
    ("Linux", "x86_64"), ("Linux", "aarch64"),
    ("Darwin", "x86_64"), ("Darwin", "arm64"),
    ("Windows", "AMD64"),
}


def _load() -> Tuple[Optional[ModuleType], str, str]:
    if os.environ.get("MULTILINGUAL_NO_NATIVE", "") not in ("", "0"):
        return None, "native-disabled", "MULTILINGUAL_NO_NATIVE is set"
    if (platform.system(), platform.machine()) not in SUPPORTED_PLATFORMS:
        return None, "unsupported-platform", "%s %s has no native build" % (
            platform.system(), platform.machine())
    try:
        from . import _native
    except ImportError as exc:
        return None, "native-unavailable", str(exc)
    native_version = getattr(_native, "__version__", None)
    if native_version != __version__:
        raise ImportError(
            "multilingualprogramming %s found its native extension at version %s: "
            "rebuild it (make build) or reinstall the package" % (__version__, native_version))
    from ._errors import WasmTrap
    _native.set_trap_class(WasmTrap)
    _guard_faulthandler(_native)
    _guard_sigint(_native)
    _warn_cache(_native)
    return _native, "native-loaded", "native extension %s" % native_version


def _guard_sigint(ext: ModuleType) -> None:
    """Keep Ctrl-C stopping WebAssembly calls after ``signal.signal(SIGINT, ...)``.

    While WebAssembly runs, Python's SIGINT handler only sets a flag that
    nothing reads, so the extension puts a handler of its own over it, which
    calls Python's and then stops the call the main thread is running
    (wasm/interrupt.c). Installing a Python-level SIGINT handler replaces
    the C-level one; after each ``signal.signal`` the extension's handler
    goes back on top (it calls the new one first). SIG_IGN and SIG_DFL are
    left alone: Ctrl-C is then ignored, or ends the process, as in Python.
    """
    install = signal.signal
    if getattr(install, "_multilingual_guarded", False):
        return

    @functools.wraps(install)
    def guarded_signal(signalnum: Any, handler: Any) -> Any:
        previous = install(signalnum, handler)
        if signalnum == signal.SIGINT:
            ext.guard_signals()
        return previous

    guarded_signal._multilingual_guarded = True  # type: ignore[attr-defined]
    signal.signal = guarded_signal


def _warn_cache(ext: ModuleType) -> None:
    """Log why the disk cache of compiled modules is off, if it was refused.

    The extension refuses a cache directory that another user owns or that
    others may write to (its files become machine code in this process), as
    pip and ssh refuse theirs; compiled code then is not cached, which is
    slower but safe. MULTILINGUAL_CACHE_DIR=off turns the cache off quietly.
    """
    reason = ext.cache_error()
    if reason:
        logging.getLogger("multilingualprogramming").warning(
            "compiled-module cache disabled: %s (set MULTILINGUAL_CACHE_DIR to a directory of "
            "your own, mode 0700, or to 'off')", reason)


def _guard_faulthandler(ext: ModuleType) -> None:
    """Keep WebAssembly traps working when faulthandler is enabled later.

    Wasmtime reports a trap through signal handlers installed when its
    engine is created; faulthandler.enable() afterwards (pytest calls it
    after importing conftest files) would put its own handler first, and
    the next trap would end the process. After each enable() the extension
    puts a dispatcher back on top that sends signals raised inside
    WebAssembly to Wasmtime and all others to faulthandler (wasm/signals.c).
    """
    enable = faulthandler.enable
    if getattr(enable, "_multilingual_guarded", False):
        return

    @functools.wraps(enable)
    def guarded_enable(*args: Any, **kwargs: Any) -> Any:
        # Wait for the engines first: created on a background thread when
        # the extension loads, they install Wasmtime's handlers, and a
        # handler installed meanwhile would be taken for Wasmtime's.
        ext.guard_signals()
        result = enable(*args, **kwargs)
        ext.guard_signals()
        return result

    guarded_enable._multilingual_guarded = True  # type: ignore[attr-defined]
    faulthandler.enable = guarded_enable


native, native_reason_code, native_reason = _load()


def require_native(what: str) -> ModuleType:
    """Return the extension, or raise NativeUnavailableError naming ``what``."""
    if native is None:
        raise NativeUnavailableError(
            "%s needs the native extension, which is not available (%s: %s)"
            % (what, native_reason_code, native_reason))
    return native
