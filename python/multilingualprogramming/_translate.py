"""Programs printed in another of the 17 languages (``multilingual translate``).

The engine parses the program in its language and prints the same tree
with the keywords, builtins and type names of the other one (Go:
core/parser.Translate); the program's own names stay as written, unless
they would read as a word of the target language, in which case they get
``_`` appended everywhere (``renamed``). The printer works from the tree,
which keeps no comments: a translation has none but its first line,
``# language: xx``.
"""

from __future__ import annotations

import io
import tokenize

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Optional

__all__ = ["Translation", "translate_source", "count_comments"]

#: The words of a ``# language: xx`` header (core/lang.HeaderLanguage).
_HEADER_WORDS = frozenset(("language", "lang", "langue", "idioma", "sprache", "lingua", "língua",
                           "taal", "språk", "sprog", "kieli", "język"))


class Translation:
    """A program printed in another language."""

    __slots__ = ("text", "language", "to", "renamed")

    def __init__(self, text: str, language: str, to: str, renamed: Dict[str, str]) -> None:
        #: The program in ``to``, starting with a ``# language: to`` line.
        self.text = text
        #: The source's language code (detected when not given).
        self.language = language
        #: The target language code.
        self.to = to
        #: Names that would have read as words of ``to``: old -> new.
        self.renamed = renamed

    def __repr__(self) -> str:
        return "<Translation %s -> %s, %d renamed>" % (self.language, self.to, len(self.renamed))


def translate_source(source: str, to: str, language: Optional[str] = None,
                     filename: str = "<source>") -> Translation:
    """``source`` (in ``language``, detected when None) printed in language
    ``to``. Raises MultilingualSyntaxError for a program that does not
    parse, ValueError for an unknown language code, and
    NativeUnavailableError without the native extension (the parser and
    printer are in it)."""
    if not isinstance(source, str):
        raise TypeError("source must be str, not %s" % type(source).__name__)
    if not isinstance(to, str):
        raise TypeError("to must be a language code such as 'ja'")
    if language is not None and not isinstance(language, str):
        raise TypeError("language must be a str such as 'fr', or None")
    from ._program import _errors_from_native, _loader
    native = _loader().require_native("translating a program")
    try:
        out = native.translate(source, filename, language, to)
    except native.CompileError as exc:
        raise _errors_from_native(exc) from None
    return Translation(str(out["text"]), str(out["language"]), to, dict(out["renamed"]))


def count_comments(source: str) -> Optional[int]:
    """How many ``#`` comments source holds, read with Python's tokenizer
    (the languages share Python's lexical rules for comments and strings),
    not counting a ``# language: xx`` header; None when the tokenizer
    cannot read the text."""
    n = 0
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type != tokenize.COMMENT:
                continue
            key = tok.string.lstrip("#").split(":", 1)[0].strip().lower()
            if tok.start[0] <= 5 and ":" in tok.string and key in _HEADER_WORDS:
                continue
            n += 1
    except (tokenize.TokenError, SyntaxError):
        return None
    return n
