"""Syntax highlighting of multilingual programs, in all 17 languages, with Pygments.

Installing the package registers :class:`MultilingualLexer` with Pygments
(the ``pygments.lexers`` entry point) under the names ``multilingual`` and
``multi`` and for ``*.multi`` and ``*.ml`` files, so that Jupyter, Sphinx
(``.. code-block:: multilingual``) and MkDocs (```` ```multi ````) highlight
programs::

    >>> from pygments.lexers import get_lexer_by_name      # doctest: +SKIP
    >>> lexer = get_lexer_by_name("multilingual", language="fr")  # doctest: +SKIP

The words come from the compiler's own tables (core/lang/data, generated
into ``_data``). The language of a program is chosen as the compiler
chooses it (a ``# language: xx`` header, else the keywords present) unless
the lexer's ``language`` option names it.

Importing this module does not import Pygments; :class:`MultilingualLexer`
does, on first use, and raises ImportError when it is not installed.
:func:`detect_language` and :func:`tokenize` need no Pygments.
"""

import importlib
from typing import TYPE_CHECKING, List, Optional, Tuple

from ._scan import scan as _scan
from ._tables import codes as _codes
from ._tables import detect_language, get as _get

if TYPE_CHECKING:
    from ._lexer import MultilingualLexer  # noqa: F401  (the type of __getattr__'s answer)

# MultilingualLexer is left out of __all__: `import *` must not need Pygments.
__all__ = ["LANGUAGES", "detect_language", "tokenize"]

#: The codes of the 17 languages, sorted.
LANGUAGES: Tuple[str, ...] = tuple(_codes())


def tokenize(text: str, language: Optional[str] = None) -> List[Tuple[int, str, str]]:
    """The highlighting tokens of a program: (offset, Pygments token type
    name such as ``"Keyword.Constant"``, text), covering text exactly.

    language is a code such as "fr"; None detects it. Raises ValueError for
    an unknown code and TypeError when text is not a str.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str, not %s" % type(text).__name__)
    code = detect_language(text) if language is None else language
    return _scan(text, _get(code))


def __getattr__(name: str) -> object:
    """MultilingualLexer, imported (with Pygments) on first use."""
    if name == "MultilingualLexer":
        try:
            importlib.import_module("pygments")
        except ImportError as exc:
            raise ImportError(
                "multilingualprogramming.highlight.MultilingualLexer needs Pygments, which is "
                "not installed: pip install pygments") from exc
        from . import _lexer
        return _lexer.MultilingualLexer
    raise AttributeError("module %r has no attribute %r" % (__name__, name))
