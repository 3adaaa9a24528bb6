"""The words of one language as the highlighter sorts them, and language detection.

Built from the generated tables of ``_data`` (the compiler's own tables,
core/lang/data/<code>.txt) with the compiler's rules (core/lang/lang.go):

* the first spelling of each of Python's hard keywords is reserved (a
  *hard* word); every other spelling, and every spelling of the soft
  keywords ``match``, ``case``, ``let``, ``const`` and ``default``, is a
  *soft* word, a keyword only where its statement or operator can stand;
* a keyword spelled with several words ("sinon si") is a phrase, matched
  longest first across blanks on one line;
* every language also accepts the English names of builtins and types.

:func:`detect_language` follows core/lang/detect.go: a ``# language: xx``
header comment among the first lines decides; otherwise each keyword, type
name or localized builtin is evidence for the languages that spell it so,
weighted by how few do, and a phrase counts 2.
"""

import unicodedata
from typing import Dict, FrozenSet, List, Optional, Tuple

from . import _data

#: Keywords whose every spelling is soft (Python's soft keywords and ours).
SOFT_CANON: FrozenSet[str] = frozenset({"match", "case", "let", "const", "default"})

#: The Unicode categories of word runes besides '_' (lang.IsWordRune).
_WORD_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Nd"})

_word_cache: Dict[str, bool] = {}


def is_word_char(c: str) -> bool:
    """Whether c may appear in an identifier or keyword: letters, combining
    marks (Devanagari and Tamil vowel signs), decimal digits and '_'."""
    known = _word_cache.get(c)
    if known is None:
        if c < "\x80":
            known = c.isalnum() or c == "_"
        else:
            known = unicodedata.category(c) in _WORD_CATEGORIES
        _word_cache[c] = known
    return known


def is_digit(c: str) -> bool:
    """Whether c is a decimal digit in any script (category Nd)."""
    return c.isdecimal() and unicodedata.category(c) == "Nd"


class Language:
    """The highlighter's view of one language's tables."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.name = _data.NAMES[code]
        #: one-word keyword spelling -> canonical keyword
        self.keywords: Dict[str, str] = {}
        #: the reserved spellings (see the module's docstring)
        self.hard: FrozenSet[str]
        #: multi-word keywords as (words, canonical), longest first
        self.phrases: List[Tuple[Tuple[str, ...], str]] = []
        #: spelling -> canonical name, for builtins and types (English names too)
        self.builtins: Dict[str, str] = {}
        self.types: Dict[str, str] = {}
        #: statement -> its natural word order ("<iterable> 内の 各 <target> に対して")
        self.surface: Dict[str, List[str]] = {}
        first: Dict[str, str] = {}
        for canon, spellings in _data.KEYWORDS[code].items():
            first.setdefault(canon, spellings[0])
            for word in spellings:
                if " " in word:
                    self.phrases.append((tuple(word.split()), canon))
                else:
                    self.keywords[word] = canon
        self.hard = frozenset(w for w, canon in self.keywords.items()
                              if canon not in SOFT_CANON and first[canon] == w)
        self.phrases.sort(key=lambda p: -len(p[0]))
        for canon, spellings in _data.TYPES[code].items():
            for word in spellings:
                self.types[word] = canon
        for canon, spellings in _data.BUILTINS[code].items():
            for word in spellings:
                self.builtins[word] = canon
        for canon, pattern in _data.SURFACE[code].items():
            self.surface[canon] = pattern.split()

    def surface_words(self) -> Dict[str, List[List[str]]]:
        """Each literal word of a natural word order -> the literal words of
        every order it belongs to, in order (Japanese 各 -> [[内の, 各, に対して]])."""
        out: Dict[str, List[List[str]]] = {}
        for pattern in self.surface.values():
            literals = [e for e in pattern if not e.startswith(("<", "{"))]
            for w in literals:
                out.setdefault(w, []).append(literals)
        return out

    def surface_keywords(self) -> FrozenSet[str]:
        """The canonical keywords that a natural word order puts last, before ':'."""
        out = set()
        for pattern in self.surface.values():
            for e in pattern:
                if e.startswith("{"):
                    out.add(e.strip("{}"))
        return frozenset(out)


def _english_names() -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """The canonical builtin and type names of every table: accepted in every language."""
    builtins = {c for table in _data.BUILTINS.values() for c in table}
    types = {c for table in _data.TYPES.values() for c in table}
    return frozenset(builtins), frozenset(types)


_languages: Dict[str, Language] = {}


def codes() -> List[str]:
    """The codes of the 17 languages, sorted."""
    return sorted(_data.NAMES)


def get(code: str) -> Language:
    """The language with the given code ("fr"), case-insensitively.

    Raises ValueError for a code that is not one of the 17.
    """
    if not isinstance(code, str):
        raise TypeError("a language code is a str such as 'fr', not %s" % type(code).__name__)
    key = code.strip().lower()
    if key not in _data.NAMES:
        raise ValueError("unknown language %r: the languages are %s" % (code, ", ".join(codes())))
    lang = _languages.get(key)
    if lang is None:
        lang = Language(key)
        builtins, types = _english_names()
        for canon in builtins:
            lang.builtins.setdefault(canon, canon)
        for canon in types:
            lang.types.setdefault(canon, canon)
        _languages[key] = lang
    return lang


def header_language(text: str) -> Optional[str]:
    """The code named by a ``# language: xx`` comment (or ``# langue: xx``,
    ``# lang: xx`` ...) among the first five lines, before any code."""
    for line in text.split("\n", 5)[:5]:
        t = line.strip()
        if not t.startswith("#"):
            if not t:
                continue
            break
        key, sep, val = t[1:].strip().partition(":")
        if not sep:
            continue
        if key.strip().lower() in _data.HEADER_KEYS:
            code = val.strip().lower()
            if code in _data.NAMES:
                return code
    return None


def split_words(text: str) -> List[str]:
    """The words of text outside comments and (one-line) string literals, as
    the compiler's detection sees them."""
    words: List[str] = []
    cur: List[str] = []
    quote = ""
    comment = False
    for c in text:
        if comment:
            if c == "\n":
                comment = False
            continue
        if quote:
            if c == quote or c == "\n":
                quote = ""
            continue
        if c == "#" or c == '"' or c == "'":
            if cur:
                words.append("".join(cur))
                cur = []
            if c == "#":
                comment = True
            else:
                quote = c
        elif is_word_char(c) and not (not cur and is_digit(c)):
            cur.append(c)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return words


def _owners_table() -> Dict[str, List[str]]:
    """Each keyword, localized type name or localized builtin -> the languages
    that spell it so (English builtin names count for English only)."""
    owners: Dict[str, List[str]] = {}
    for code in codes():
        lang = get(code)
        mine = set(lang.keywords)
        mine.update(w for w, c in lang.types.items() if w != c or code == "en")
        mine.update(w for w, c in lang.builtins.items() if w != c or code == "en")
        for w in mine:
            owners.setdefault(w, []).append(code)
    return owners


_owners: Optional[Dict[str, List[str]]] = None


def detection_scores(text: str) -> Dict[str, float]:
    """The weight of the evidence for each language in text (no header)."""
    global _owners
    if _owners is None:
        _owners = _owners_table()
    words = split_words(text)
    score: Dict[str, float] = {}
    phrases = [(code, p) for code in codes() for p, _ in get(code).phrases]
    firsts = {p[0] for _, p in phrases}
    for i, w in enumerate(words):
        owners = _owners.get(w, ())
        for code in owners:
            score[code] = score.get(code, 0.0) + 1.0 / len(owners)
        if w in firsts:
            for code, p in phrases:
                if tuple(words[i:i + len(p)]) == p:
                    score[code] = score.get(code, 0.0) + 2.0
    return score


def detect_language(text: str) -> str:
    """The language of a program, chosen as the compiler chooses it: the
    ``# language: xx`` header, else the keywords present (ties go to
    English, then to the first code); English when there is no evidence."""
    code = header_language(text)
    if code is not None:
        return code
    score = detection_scores(text)
    best = ""
    for code in codes():
        s = score.get(code, 0.0)
        if s <= 0:
            continue
        if not best or s > score[best] or (s == score[best] and code == "en"):
            best = code
    return best or "en"
