"""The Pygments lexer: Pygments is imported here, and only here."""

from typing import Any, Dict, Iterator, Tuple

from pygments.lexer import Lexer  # type: ignore[import-untyped]
from pygments.token import string_to_tokentype  # type: ignore[import-untyped]
from pygments.util import OptionError  # type: ignore[import-untyped]

from ._scan import scan
from ._tables import codes, detect_language, detection_scores, get, header_language, split_words

_types: Dict[str, Any] = {}


def _token_type(name: str) -> Any:
    t = _types.get(name)
    if t is None:
        t = _types[name] = string_to_tokentype(name)
    return t


class MultilingualLexer(Lexer):  # type: ignore[misc]
    """Programs written in Python's language with the keywords of any of 17
    human languages (multilingualprogramming).

    Option ``language``: the code of the program's language ("fr", "ja",
    ...); by default it is detected from each text as the compiler does it.
    """

    name = "Multilingual"
    aliases = ["multilingual", "multi"]
    filenames = ["*.multi", "*.ml"]
    mimetypes = ["text/x-multilingual"]
    url = "https://pypi.org/project/multilingualprogramming/"

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        code = options.get("language")
        if code is not None:
            if not isinstance(code, str) or code.strip().lower() not in codes():
                raise OptionError("language must be one of %s, not %r"
                                  % (", ".join(codes()), code))
            code = code.strip().lower()
        self.language = code

    def get_tokens_unprocessed(self, text: str) -> Iterator[Tuple[int, Any, str]]:
        """Pygments' tokens of text: (offset, token type, text)."""
        code = self.language or detect_language(text)
        for i, name, value in scan(text, get(code)):
            yield i, _token_type(name), value

    @staticmethod
    def analyse_text(text: str) -> float:
        """How sure it is that text is a multilingual program (0 to 1): a
        ``# language: xx`` header says so; else the share of its words that
        are keywords or builtins of one non-English language. English
        programs are Python: they are left to Python's lexer."""
        if header_language(text) is not None:
            return 1.0
        if ":" not in text and "(" not in text:
            return 0.0
        score = detection_scores(text)
        best = detect_language(text)
        if best == "en" or score.get(best, 0.0) < 2:
            return 0.0
        words = len(split_words(text))
        return min(0.9, 0.1 + 2 * score[best] / max(1, words))
