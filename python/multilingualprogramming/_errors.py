"""Exception types raised by multilingualprogramming.

Each one also inherits the builtin exception a Python programmer would
expect, so ``except SyntaxError`` or ``except RuntimeError`` keeps working.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Optional, Sequence


class MultilingualError(Exception):
    """Base class of every error raised by multilingualprogramming."""


class SourceErrorDetail:
    """One problem found in a program: where it is and what it is."""

    __slots__ = ("filename", "line", "col", "end_line", "end_col", "msg", "text", "lang")

    def __init__(self, filename: str, line: int, col: int, end_line: int,
                 end_col: int, msg: str, text: str, lang: str) -> None:
        self.filename = filename
        self.line = line
        self.col = col
        self.end_line = end_line
        self.end_col = end_col
        self.msg = msg
        self.text = text
        self.lang = lang

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "SourceErrorDetail":
        return cls(str(d.get("file", "<source>")), int(d.get("line", 0)),
                   int(d.get("col", 0)), int(d.get("end_line", 0)),
                   int(d.get("end_col", 0)), str(d.get("msg", "")),
                   str(d.get("text", "")), str(d.get("lang", "")))

    def __str__(self) -> str:
        return "%s:%d:%d: %s" % (self.filename, self.line, self.col, self.msg)

    def __repr__(self) -> str:
        return "SourceErrorDetail(%r)" % str(self)

    def pretty(self) -> str:
        """The message, the source line and a caret under the offending text."""
        out = str(self)
        if self.text and self.col > 0:
            end = self.col
            if self.end_line == self.line and self.end_col > self.col:
                end = self.end_col
            pad = "".join("\t" if ch == "\t" else " " * _columns(ch) for ch in self.text[: self.col - 1])
            width = max(1, sum(_columns(ch) for ch in self.text[self.col - 1: end - 1]))
            out += "\n    %s\n    %s%s" % (self.text, pad, "^" * width)
        return out


def _columns(ch: str) -> int:
    """How many terminal columns ch takes: 2 for wide (CJK) characters,
    0 for combining marks, else 1, so that carets stand under the text."""
    if ch < "\u0300":
        return 1
    import unicodedata
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class MultilingualSyntaxError(MultilingualError, SyntaxError):
    """A program could not be compiled.

    ``filename``, ``lineno``, ``offset``, ``text``, ``end_lineno`` and
    ``end_offset`` describe the first error (columns count characters, as in
    Python's own SyntaxError), so tracebacks draw the caret; ``errors`` lists
    every error found.
    """

    def __init__(self, errors: Sequence[SourceErrorDetail]) -> None:
        self.errors: List[SourceErrorDetail] = list(errors)
        first: Optional[SourceErrorDetail] = self.errors[0] if self.errors else None
        if first is None:
            SyntaxError.__init__(self, "invalid program")
            return
        msg = first.msg
        if len(self.errors) > 1:
            msg += " (and %d more error%s)" % (len(self.errors) - 1,
                                               "" if len(self.errors) == 2 else "s")
        end_line = first.end_line or first.line
        end_col = first.end_col or first.col
        SyntaxError.__init__(self, msg, (first.filename, first.line, first.col,
                                         first.text, end_line, end_col))

    def __str__(self) -> str:
        return "\n".join(e.pretty() for e in self.errors) or "invalid program"


CompileError = MultilingualSyntaxError


class NativeUnavailableError(MultilingualError, ImportError):
    """The native extension (compiler and WebAssembly runtime) cannot be used."""


class WasmTrap(MultilingualError, RuntimeError):
    """WebAssembly stopped with a trap that has no Python equivalent.

    ``kind`` names the trap ("unreachable", "memory_out_of_bounds", ...),
    ``function`` the function called and ``wasm_backtrace`` the WebAssembly
    frames, innermost first.
    """

    kind: str
    function: str
    wasm_backtrace: str
