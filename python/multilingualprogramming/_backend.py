"""Backend names shared by the program API and the backend selector."""

from __future__ import annotations

import enum


class Backend(enum.Enum):
    """Where a function runs.

    ``AUTO`` runs WebAssembly when it can give Python's answer and re-runs
    the call in Python when it cannot (an integer that does not fit in 64
    bits, an argument of a type the compiled code does not take). ``WASM``
    never falls back: such a call raises. ``PYTHON`` runs the generated
    Python fallback and never loads the native extension.
    """

    AUTO = "auto"
    WASM = "wasm"
    PYTHON = "python"

    @classmethod
    def coerce(cls, value: "Backend | str") -> "Backend":
        """Accept a Backend or its name ("wasm", "AUTO")."""
        if isinstance(value, Backend):
            return value
        if isinstance(value, str):
            try:
                return cls(value.lower())
            except ValueError:
                pass
        raise ValueError("unknown backend %r: use Backend.AUTO, Backend.WASM or Backend.PYTHON"
                         % (value,))


#: Stable reason codes found in reports and in get_status().
REASONS = {
    "wasm": "the function ran as WebAssembly",
    "forced-python": "Backend.PYTHON was requested",
    "not-compilable": "the compiler keeps this function Python-only (see 'detail')",
    "native-unavailable": "the native extension could not be imported",
    "native-disabled": "MULTILINGUAL_NO_NATIVE is set",
    "unsupported-platform": "no native build exists for this platform",
    "no-wasm-binary": "no WebAssembly binary holds this function",
    "wasm-overflow-fallback": "an integer left the 64-bit range; Python computed the exact result",
    "wasm-argument-fallback": "an argument has a type the compiled code does not take; Python ran it",
    "wasm-trap-fallback": "WebAssembly trapped where Python would not raise; Python ran it",
    "wasm-unsupported-fallback": "the compiled code cannot represent a value on the way; Python ran it",
    "wasm-memory-fallback": "WebAssembly ran out of memory (or the lists exceed it); Python ran it",
    "wasm-reentrant-fallback": "the instance was busy converting a result; Python ran the call",
}
