"""The highlighter's scanner: program text -> (offset, token type, text).

It follows the compiler's lexer (core/lexer) for what a token is, and adds
what a highlighter needs that a lexer does not decide: which soft keyword
spellings stand as keywords (the parser decides this in the compiler, from
the grammar; here a few rules on the words around say it), which names are
builtins, functions, classes, decorators or modules. Token types are the
names of Pygments' token types ("Keyword.Constant"), so that this module
needs no Pygments; ``_lexer`` turns them into Pygments' objects.

* Words are runs of letters, combining marks, digits (not first) and '_';
  a multi-word keyword ("sinon si") is one token, blanks and all.
* Numbers: decimal digits of any script, '_' between digits, '.', '．' and
  the Arabic decimal separator, exponents, 'j', 0x/0o/0b.
* Strings: Python's prefixes (r u b br rb f fr rf, any case) before ASCII
  quotes, tripled quotes, escapes, and the Unicode quote pairs « » “ ” ‘ ’
  「 」. An f-string's replacement fields are scanned as code, with their
  '=', '!r' and format spec (nested fields too) as String.Interpol.
* Operators: Python's, with the Unicode alternatives the compiler accepts
  (≤ ≥ ≠ → ≪ ≫, × ÷ − ⋅, the Arabic comma and semicolon, full-width forms).

The scanner never fails: a character that starts no token is an Error
token, an unterminated string's opening quote too, and it always moves on.
"""

import builtins
from typing import Dict, List, Optional, Set, Tuple

from ._tables import Language, header_language, is_digit, is_word_char

#: One token: offset in the text, Pygments token type name, text.
Token = Tuple[int, str, str]

#: Python's operators and delimiters, by their ASCII spelling.
OPERATORS = frozenset(
    "+ - * / // % ** == != < <= > >= = += -= *= /= //= %= **= ( ) [ ] { } , : ; . -> := "
    "& | ^ ~ << >> &= |= ^= <<= >>= @ @= ...".split())
#: Unicode symbols that stand for a whole operator.
WHOLE_OPS = {"≤": "<=", "≥": ">=", "≠": "!=", "→": "->", "≪": "<<", "≫": ">>"}
#: Unicode alternatives of one ASCII operator character.
ALT_CHARS = {"−": "-", "×": "*", "⋅": "*", "÷": "/", "،": ",", "؛": ";"}
_OP_CHARS = frozenset("+-*/%=!<>()[]{},:;.&|^~@")
#: Augmented assignments: a soft keyword spelling before one is a name.
_AUG = ("+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>=", "@=", ":=")

#: Opening quote -> closing quote.
CLOSERS = {'"': '"', "'": "'", "«": "»", "「": "」", "“": "”", "‘": "’"}
_UNICODE_QUOTES = frozenset("»」”’«「“‘")
_PREFIXES = frozenset({"r", "u", "b", "br", "rb", "f", "fr", "rf"})
_DECIMAL_SEPS = frozenset(".．٫")
#: Escapes of one character after the backslash.
_SIMPLE_ESCAPES = frozenset("\n\\'\"abfnrtv")

#: Keywords whose spellings only ever start a statement (or follow one of
#: the words of _AFTER), so a soft spelling elsewhere is a name.
_STATEMENT_ONLY = frozenset({
    "def", "class", "match", "case", "let", "const", "default", "while", "try", "global",
    "nonlocal", "del", "assert", "raise", "pass", "break", "continue", "return", "elif",
    "except", "finally", "with", "import", "async"})
#: Statement keywords that may also follow another keyword of the line.
_AFTER = {"def": {"async"}, "for": {"async"}, "with": {"async"}, "import": {"from"}}
#: Keywords followed by a name: `def f`, `class C`, `let x`, `global g`.
_NEEDS_NAME = frozenset({"def", "class", "let", "const", "global", "nonlocal"})
#: Soft keywords that only start a block header, one line ending with ':'.
_HEADER_ONLY = frozenset({"match", "case", "default"})
#: Keywords that may end an expression or a statement: `return`, `x = None)`.
_MAY_END = frozenset({"True", "False", "None", "pass", "break", "continue", "return", "yield"})
#: Keywords that a ':' may follow: `else:`, `lambda: 0`, `default:`.
_COLON_OK = frozenset({"else", "try", "finally", "lambda", "default", "except", "True", "False",
                       "None"})

#: Token types of the keywords that are not plain Keyword.
_KEYWORD_TYPES = {
    "True": "Keyword.Constant", "False": "Keyword.Constant", "None": "Keyword.Constant",
    "import": "Keyword.Namespace", "from": "Keyword.Namespace",
    "let": "Keyword.Declaration", "const": "Keyword.Declaration",
}

#: Python's exception classes, by name: Name.Exception.
EXCEPTIONS = frozenset(name for name, value in vars(builtins).items()
                       if isinstance(value, type) and issubclass(value, BaseException))
_PSEUDO = frozenset({"self", "cls"})

#: How deep f-strings nest, one in a field of the other, before the
#: scanner reads the deeper ones as plain strings (it recurses).
MAX_FSTRING_DEPTH = 40


def is_blank(c: str) -> bool:
    """Whether c separates tokens on a line (ASCII blanks, Unicode spaces)."""
    return c in " \t\f\r" or (c > "\x7f" and c.isspace())


def keyword_type(canon: str) -> str:
    """The token type of keyword canon."""
    return _KEYWORD_TYPES.get(canon, "Keyword")


def match_operator(text: str, i: int) -> Tuple[str, int]:
    """The longest operator at text[i:]: its ASCII spelling and length, or ("", 0)."""
    c = text[i]
    whole = WHOLE_OPS.get(c)
    if whole is not None:
        if i + 1 < len(text) and _ascii_op(text[i + 1]) == "=" and whole + "=" in OPERATORS:
            return whole + "=", 2
        return whole, 1
    chars = []
    for k in range(i, min(i + 3, len(text))):
        a = _ascii_op(text[k])
        if not a:
            break
        chars.append(a)
    for m in range(len(chars), 0, -1):
        s = "".join(chars[:m])
        if s in OPERATORS:
            return s, m
    return "", 0


def _ascii_op(c: str) -> str:
    """The ASCII operator character c stands for, or ""."""
    if c < "\x80":
        return c if c in _OP_CHARS else ""
    a = ALT_CHARS.get(c)
    if a is not None:
        return a
    if "\uff01" <= c <= "\uff5e":
        a = chr(ord(c) - 0xFEE0)
        if a in _OP_CHARS:
            return a
    return ""


class _Region:
    """What the scanner knows about the code it is in: the file, or the
    expression of an f-string's replacement field."""

    def __init__(self, field: bool, triple: bool = True) -> None:
        self.field = field            # an f-string's field: no statements, stops at } : ! =
        self.triple = triple          # the field's string spans lines
        self.depth = 0                # open brackets
        self.stmt_start = not field   # the next token starts a statement
        self.prev: Tuple[str, str] = ("", "")   # last significant token: kind, value
        self.line_kws: Set[str] = set()          # keywords of the current statement
        self.decorator = False        # in `@name.name` at the start of a statement
        self.namespace = False        # in the module names after import/from

    def new_statement(self) -> None:
        self.stmt_start = True
        self.line_kws = set()
        self.decorator = False
        self.namespace = False


class _Line:
    """One physical line: where it is, its code without the comment, whether
    that ends with ':', and the natural word order words found in it."""

    def __init__(self, start: int, end: int, code: str) -> None:
        self.start, self.end = start, end
        self.code = code.rstrip()
        self.colon = self.code.endswith((":", "："))
        self.surface: Dict[str, bool] = {}


class Scanner:
    """Scans one program in one language; :meth:`tokens` does the work."""

    def __init__(self, text: str, lang: Language) -> None:
        self.text = text
        self.n = len(text)
        self.lang = lang
        self.out: List[Token] = []
        self._pending: List[str] = []     # the texts of the token being built
        self._pending_start = self._pending_end = 0
        self._pending_type = ""
        self.fdepth = 0
        self.surface_words = lang.surface_words()
        self.surface_keywords = lang.surface_keywords()
        self.phrase_firsts = {p[0] for p, _ in lang.phrases}
        self.header_end = self._header_end()
        self._cur_line: Optional[_Line] = None

    def _header_end(self) -> int:
        """The end of the `# language: xx` comment line, or -1 when there is none."""
        if header_language(self.text) is None:
            return -1
        i = 0
        for _ in range(5):
            end = self.text.find("\n", i)
            end = self.n if end < 0 else end
            line = self.text[i:end]
            if line.strip().startswith("#") and header_language(line) is not None:
                return end
            i = end + 1
        return -1

    def emit(self, i: int, ttype: str, text: str) -> None:
        """Add a token; string pieces of one type that follow each other make one token."""
        if not text:
            return
        if self._pending and self._pending_type == ttype and ttype.startswith("Literal.String") \
                and self._pending_end == i:
            self._pending.append(text)
        else:
            self.flush()
            self._pending_start, self._pending_type = i, ttype
            self._pending = [text]
        self._pending_end = i + len(text)

    def flush(self) -> None:
        """Move the token being built to out."""
        if self._pending:
            self.out.append((self._pending_start, self._pending_type, "".join(self._pending)))
            self._pending = []

    def tokens(self) -> List[Token]:
        """Every token of the text, in order, covering it exactly."""
        i = 0
        if self.text.startswith("\ufeff"):
            self.emit(0, "Text", "\ufeff")
            i = 1
        end = self.code(i, _Region(field=False))
        if end < self.n:  # cannot happen: the file's code runs to the end
            self.emit(end, "Error", self.text[end:])
        self.flush()
        return self.out

    # ---- code ----

    def code(self, i: int, r: _Region) -> int:
        """Scan code from i; return where it stopped: the end of the text,
        or, in a field, the '}', ':', '!' or '=' that ends the expression."""
        text, n = self.text, self.n
        while i < n:
            c = text[i]
            if r.field and r.depth == 0:
                nxt = text[i + 1] if i + 1 < n else ""
                if c in "}:" or (c in "!=" and nxt != "=") or (c == "\n" and not r.triple):
                    return i
            if c == "\n":
                self.emit(i, "Text.Whitespace", c)
                i += 1
                if r.depth == 0 and not r.field:
                    r.new_statement()
            elif is_blank(c):
                j = i + 1
                while j < n and is_blank(text[j]):
                    j += 1
                self.emit(i, "Text.Whitespace", text[i:j])
                i = j
            elif c == "\\" and text.startswith("\n", i + 1):
                self.emit(i, "Text", "\\\n")
                i += 2
            elif c == "\\" and text.startswith("\r\n", i + 1):
                self.emit(i, "Text", "\\\r\n")
                i += 3
            elif c == "#":
                j = text.find("\n", i)
                j = n if j < 0 else j
                if r.field and not r.triple:
                    j = i + 1  # no comment in a one-line field: '#' is wrong here
                    self.emit(i, "Error", c)
                else:
                    self.emit(i, self._comment_type(i, j), text[i:j])
                i = j
            elif is_word_char(c) and not is_digit(c):
                p = self._string_prefix(i)
                if p >= 0:
                    i = self.string(i, p, r)
                else:
                    i = self.word(i, r)
            elif is_digit(c) or (c in _DECIMAL_SEPS and c != "٫" and i + 1 < n and is_digit(text[i + 1])):
                i = self.number(i, r)
            elif c in CLOSERS:
                i = self.string(i, 0, r)
            else:
                i = self.operator(i, r)
        return i

    def _comment_type(self, i: int, j: int) -> str:
        if i == 0 and self.text.startswith("#!"):
            return "Comment.Hashbang"
        if j == self.header_end:
            return "Comment.Special"
        return "Comment.Single"

    def _significant(self, r: _Region, kind: str, value: str) -> None:
        """Note a token that is not a blank or a comment."""
        r.prev = (kind, value)
        r.stmt_start = False

    def operator(self, i: int, r: _Region) -> int:
        """Scan an operator or delimiter, or one character as an Error."""
        op, m = match_operator(self.text, i)
        if m == 0:
            self.emit(i, "Error", self.text[i])
            self._significant(r, "error", self.text[i])
            return i + 1
        spelled = self.text[i:i + m]
        start = r.stmt_start
        if op in ("(", "[", "{"):
            r.depth += 1
        elif op in (")", "]", "}"):
            r.depth = max(0, r.depth - 1)
        if op == "@" and start:
            r.decorator = True
            self.emit(i, "Name.Decorator", spelled)
        elif op in ("(", ")", "[", "]", "{", "}", ",", ":", ";"):
            self.emit(i, "Punctuation", spelled)
        else:
            self.emit(i, "Operator", spelled)
        self._significant(r, "op", op)
        if op not in (".", ","):
            r.namespace = False
        if op != "." and op != "@":
            r.decorator = False
        if r.depth == 0 and not r.field and op in (";", ":"):
            if op == ";":
                r.new_statement()
            else:
                r.stmt_start = True  # a one-line body may follow: `if x: return`
        return i + m

    def number(self, i: int, r: _Region) -> int:
        """Scan a number literal (or a number glued to a word, as an Error)."""
        text, n = self.text, self.n
        start = i
        ttype = "Literal.Number.Integer"
        if text[i] == "0" and i + 1 < n and text[i + 1] in "xXoObB":
            base = {"x": "0123456789abcdefABCDEF", "o": "01234567", "b": "01"}[text[i + 1].lower()]
            ttype = {"x": "Literal.Number.Hex", "o": "Literal.Number.Oct",
                     "b": "Literal.Number.Bin"}[text[i + 1].lower()]
            i += 2
            while i < n and (text[i] in base or (text[i] == "_" and i + 1 < n and text[i + 1] in base)):
                i += 1
        else:
            i = self._digits(i)
            if i < n and text[i] in _DECIMAL_SEPS and self._fraction_follows(i):
                ttype = "Literal.Number.Float"
                i = self._digits(i + 1)
            if i < n and text[i] in "eE" and self._exponent_follows(i):
                ttype = "Literal.Number.Float"
                i += 1
                if text[i] in "+-":
                    i += 1
                i = self._digits(i)
            if i < n and text[i] in "jJ":
                ttype = "Literal.Number"
                i += 1
        if i < n and is_word_char(text[i]):
            while i < n and is_word_char(text[i]):
                i += 1
            ttype = "Error"
        self.emit(start, ttype, text[start:i])
        self._significant(r, "number", text[start:i])
        return i

    def _digits(self, i: int) -> int:
        text, n = self.text, self.n
        while i < n and (is_digit(text[i]) or (text[i] == "_" and i > 0 and is_digit(text[i - 1])
                                               and i + 1 < n and is_digit(text[i + 1]))):
            i += 1
        return i

    def _fraction_follows(self, i: int) -> bool:
        """Whether the decimal separator at i belongs to the number (core/lexer)."""
        nxt = self.text[i + 1] if i + 1 < self.n else ""
        if nxt and is_digit(nxt):
            return True
        if self.text[i] == "٫":
            return False
        if nxt in ("j", "J"):
            return not (i + 2 < self.n and is_word_char(self.text[i + 2]))
        if nxt in ("e", "E"):
            return self._exponent_follows(i + 1)
        return not (nxt and is_word_char(nxt)) and (not nxt or _ascii_op(nxt) != ".")

    def _exponent_follows(self, i: int) -> bool:
        j = i + 1
        if j < self.n and self.text[j] in "+-":
            j += 1
        return j < self.n and is_digit(self.text[j])

    # ---- words ----

    def word(self, i: int, r: _Region) -> int:
        """Scan a name or a keyword (one word or a phrase) and say which it is."""
        text, n = self.text, self.n
        j = i
        while j < n and is_word_char(text[j]):
            j += 1
        w = text[i:j]
        if w in self.phrase_firsts:
            for words, canon in self.lang.phrases:
                if words[0] == w:
                    end = self._match_phrase(j, words[1:])
                    if end > 0:
                        self._keyword(i, text[i:end], canon, r)
                        return end
        kw = self.lang.keywords.get(w)
        if kw is not None and (w in self.lang.hard or self._soft_is_keyword(w, kw, j, r)):
            self._keyword(i, w, kw, r)
            return j
        self.emit(i, self._name_type(w, i, j, r), w)
        self._significant(r, "name", w)
        return j

    def _match_phrase(self, j: int, rest: Tuple[str, ...]) -> int:
        """The end of the words rest after j, each after blanks on the line, or 0."""
        text, n = self.text, self.n
        for w in rest:
            k = j
            while k < n and is_blank(text[k]) and text[k] != "\r":
                k += 1
            if k == j or not text.startswith(w, k):
                return 0
            e = k + len(w)
            if e < n and is_word_char(text[e]):
                return 0
            j = e
        return j

    def _keyword(self, i: int, spelled: str, canon: str, r: _Region) -> None:
        """Emit a keyword and note what it starts."""
        start = r.stmt_start
        self.emit(i, keyword_type(canon), spelled)
        self._significant(r, "kw", canon)
        r.line_kws.add(canon)
        r.decorator = False
        # `import a.b` and `from a.b import c`: a.b names a module.
        r.namespace = start and canon in ("import", "from")

    def _next_text(self, j: int) -> str:
        """Up to three characters of code after j, past blanks on the line ("" at a line end)."""
        text, n = self.text, self.n
        while j < n and is_blank(text[j]):
            j += 1
        out = []
        for c in text[j:j + 3]:
            a = _ascii_op(c) or WHOLE_OPS.get(c, c)
            out.append(a)
        s = "".join(out)
        return "" if s.startswith(("\n", "#")) else s

    def _soft_is_keyword(self, w: str, canon: str, j: int, r: _Region) -> bool:
        """Whether a soft spelling stands as its keyword here (j: just past it).

        The compiler's parser reads such a word as the keyword where the
        keyword's statement or operator can stand and as a name elsewhere;
        the rules below read the same from the tokens around it.
        """
        if r.prev == ("op", "."):
            return False
        nxt = self._next_text(j)
        if nxt.startswith(_AUG) or (nxt.startswith("=") and not nxt.startswith("==")) \
                or (nxt.startswith(".") and not nxt.startswith("...")):
            return False
        if nxt.startswith(":") and canon in self.surface_keywords:
            return True  # a natural word order's keyword, last: `x > 0 もし:`
        if canon in _STATEMENT_ONLY and not r.stmt_start:
            after = _AFTER.get(canon, set())
            if not (r.prev[0] == "kw" and r.prev[1] in after) and not (after & r.line_kws):
                return False
        if canon in _HEADER_ONLY and not self._line_ends_with_colon(j):
            return False  # `match(x)` is a call, `match x:` a statement
        if canon in _NEEDS_NAME:
            return bool(nxt) and is_word_char(nxt[0]) and not is_digit(nxt[0])
        if not nxt or nxt[0] in ")]},;":
            return canon in _MAY_END
        if nxt[0] == ":":
            return canon in _COLON_OK
        if nxt[0] in "=<>!%/&|^@" and canon not in _MAY_END:
            return False
        return True

    def _name_type(self, w: str, i: int, j: int, r: _Region) -> str:
        """The token type of a word that is not a keyword here."""
        kind, value = r.prev
        if r.decorator and (kind == "op" and value in ("@", ".")):
            return "Name.Decorator"
        if kind == "kw" and value == "def":
            return "Name.Function"
        if kind == "kw" and value == "class":
            return "Name.Class"
        if r.namespace:
            return "Name.Namespace"
        if kind == "op" and value == ".":
            return "Name"
        if w in self.surface_words and self._in_surface_header(w, i):
            return "Keyword"
        if w in self.lang.builtins or w in self.lang.types:
            return "Name.Builtin"
        if w in EXCEPTIONS:
            return "Name.Exception"
        if w in _PSEUDO:
            return "Name.Builtin.Pseudo"
        return "Name"

    def _line(self, i: int) -> "_Line":
        """The physical line holding i, worked out once per line."""
        line = self._cur_line
        if line is None or not line.start <= i < line.end:
            start = self.text.rfind("\n", 0, i) + 1
            end = self.text.find("\n", i)
            line = self._cur_line = _Line(start, self.n if end < 0 else end,
                                          _strip_comment(self.text[start:end if end >= 0 else self.n]))
        return line

    def _line_ends_with_colon(self, i: int) -> bool:
        return self._line(i).colon

    def _in_surface_header(self, w: str, i: int) -> bool:
        """Whether the literal word w at i belongs to a natural word order
        written on its line: all the order's literal words there, in order,
        and the line's code ending with ':' (Japanese `xs 内の 各 x に対して:`)."""
        line = self._line(i)
        if not line.colon:
            return False
        known = line.surface.get(w)
        if known is None:
            words = _line_words(line.code)
            known = line.surface[w] = any(_subsequence(literals, words)
                                          for literals in self.surface_words[w])
        return known

    # ---- strings ----

    def _string_prefix(self, i: int) -> int:
        """The length of the string prefix at i when a string starts there, else -1."""
        for m in (1, 2):
            if i + m < self.n and self.text[i + m] in "'\"":
                return m if self.text[i:i + m].lower() in _PREFIXES else -1
            if i + m >= self.n or not is_word_char(self.text[i + m]):
                return -1
        return -1

    def string(self, i: int, plen: int, r: _Region) -> int:
        """Scan a string, bytes or f-string literal whose prefix (plen long) starts at i."""
        text = self.text
        prefix = text[i:i + plen].lower()
        raw, fstr = "r" in prefix, "f" in prefix
        bytes_ = "b" in prefix
        if plen:
            self.emit(i, "Literal.String.Affix", text[i:i + plen])
        q = i + plen
        open_ = text[q]
        close = CLOSERS[open_]
        ascii_ = open_ in "'\""
        triple = ascii_ and text.startswith(open_ * 3, q)
        qlen = 3 if triple else 1
        if triple and r.stmt_start and not fstr and not plen:
            body = "Literal.String.Doc"
        elif open_ in "'‘":
            body = "Literal.String.Single"
        else:
            body = "Literal.String.Double"
        self.emit(q, body, text[q:q + qlen])
        i = q + qlen
        if fstr and self.fdepth >= MAX_FSTRING_DEPTH:
            fstr = False
        if fstr:
            self.fdepth += 1
            try:
                i, closed = self._fstring_body(i, close, triple, raw, body, spec=False)
            finally:
                self.fdepth -= 1
        else:
            i, closed = self._string_body(i, close, triple, raw, bytes_, ascii_, body)
        if not closed:
            self._mark_error(q, qlen)
        self._significant(r, "string", "")
        return i

    def _mark_error(self, at: int, length: int) -> None:
        """Make text[at:at+length] an Error token, splitting the token that holds it."""
        self.flush()
        for k in range(len(self.out) - 1, -1, -1):
            j, t, s = self.out[k]
            if j <= at:
                if at + length > j + len(s):
                    return  # not within one token: cannot happen
                parts = [(j, t, s[:at - j]), (at, "Error", s[at - j:at - j + length]),
                         (at + length, t, s[at - j + length:])]
                self.out[k:k + 1] = [p for p in parts if p[2]]
                return

    def _at_close(self, i: int, close: str, triple: bool) -> bool:
        return self.text.startswith(close * 3 if triple else close, i)

    def _escape(self, i: int, raw: bool, bytes_: bool, ascii_: bool, close: str) -> Tuple[int, bool]:
        """The end of the escape sequence whose backslash is at i, and whether
        it is an escape (else the backslash is plain text)."""
        text, n = self.text, self.n
        if i + 1 >= n:
            return i + 1, False
        c = text[i + 1]
        if raw:
            if c in ("\\", "\n", close) or (c == "\r" and text.startswith("\n", i + 2)):
                return i + (3 if c == "\r" else 2), False
            return i + 1, False
        if c in _SIMPLE_ESCAPES:
            return i + 2, True
        if c == "\r":
            return i + (3 if text.startswith("\n", i + 2) else 2), True
        if c in _UNICODE_QUOTES and not ascii_:
            return i + 2, True
        if c in "01234567":
            j = i + 2
            while j < min(n, i + 4) and text[j] in "01234567":
                j += 1
            return j, True
        width = {"x": 2, "u": 4, "U": 8}.get(c, 0)
        if width and not (bytes_ and c != "x"):
            j = i + 2
            while j < min(n, i + 2 + width) and text[j] in "0123456789abcdefABCDEF":
                j += 1
            return j, True
        if c == "N" and not bytes_ and text.startswith("{", i + 2):
            j = text.find("}", i + 3)
            if j > 0 and "\n" not in text[i + 3:j]:
                return j + 1, True
        return i + 1, False

    def _string_body(self, i: int, close: str, triple: bool, raw: bool, bytes_: bool,
                     ascii_: bool, body: str) -> Tuple[int, bool]:
        """Scan up to and past the closing quote; False when the line or text ended first."""
        text, n = self.text, self.n
        start = i
        while i < n:
            c = text[i]
            if c == close and self._at_close(i, close, triple):
                self.emit(start, body, text[start:i])
                qlen = 3 if triple else 1
                self.emit(i, body, text[i:i + qlen])
                return i + qlen, True
            if c == "\n" and not triple:
                break
            if c == "\\":
                end, is_escape = self._escape(i, raw, bytes_, ascii_, close)
                if is_escape:
                    self.emit(start, body, text[start:i])
                    self.emit(i, "Literal.String.Escape", text[i:end])
                    start = end
                i = max(end, i + 1)
                continue
            i += 1
        self.emit(start, body, text[start:i])
        return i, False

    def _fstring_body(self, i: int, close: str, triple: bool, raw: bool, body: str,
                      spec: bool) -> Tuple[int, bool]:
        """Scan an f-string's text and fields up to and past its closing quote
        or, in a format spec (spec True), up to the '}' that ends the field."""
        text, n = self.text, self.n
        start = i
        while i < n:
            c = text[i]
            if c == close and self._at_close(i, close, triple):
                self.emit(start, body, text[start:i])
                if spec:
                    return i, False  # the string ends inside a field
                qlen = 3 if triple else 1
                self.emit(i, body, text[i:i + qlen])
                return i + qlen, True
            if c == "\n" and not triple:
                break
            if c == "\\":
                end, is_escape = self._escape(i, raw, False, close in "'\"", close)
                if is_escape:
                    self.emit(start, body, text[start:i])
                    self.emit(i, "Literal.String.Escape", text[i:end])
                    start = end
                i = max(end, i + 1)
                continue
            if c in "{}" and not spec and text.startswith(c * 2, i):
                self.emit(start, body, text[start:i])
                self.emit(i, "Literal.String.Escape", c * 2)
                i += 2
                start = i
                continue
            if c == "}":
                if spec:
                    self.emit(start, body, text[start:i])
                    return i, True
                self.emit(start, body, text[start:i])
                self.emit(i, "Error", c)  # a single '}'
                i += 1
                start = i
                continue
            if c == "{":
                self.emit(start, body, text[start:i])
                i, ok = self._field(i, close, triple, raw, body)
                if not ok:
                    return i, False
                start = i
                continue
            i += 1
        self.emit(start, body, text[start:i])
        return i, False

    def _field(self, i: int, close: str, triple: bool, raw: bool, body: str) -> Tuple[int, bool]:
        """Scan a replacement field from its '{': the expression as code, then
        '=', the conversion and the format spec as String.Interpol, and '}'."""
        text, n = self.text, self.n
        self.emit(i, "Literal.String.Interpol", "{")
        i = self.code(i + 1, _Region(field=True, triple=triple))
        if i < n and text[i] == "=":
            j = i + 1
            while j < n and is_blank(text[j]):
                j += 1
            self.emit(i, "Literal.String.Interpol", text[i:j])
            i = j
        if i < n and text[i] == "!":
            j = i + 1
            while j < n and is_word_char(text[j]):
                j += 1
            self.emit(i, "Literal.String.Interpol", text[i:j])
            i = j
            while i < n and is_blank(text[i]):
                self.emit(i, "Text.Whitespace", text[i])
                i += 1
        if i < n and text[i] == ":":
            self.emit(i, "Literal.String.Interpol", ":")
            i, ok = self._fstring_body(i + 1, close, triple, raw, body, spec=True)
            if not ok:
                return i, False
        if i < n and text[i] == "}":
            self.emit(i, "Literal.String.Interpol", "}")
            return i + 1, True
        return i, False


def _strip_comment(line: str) -> str:
    """line without its '#' comment (quotes respected, one line)."""
    quote = ""
    for k, c in enumerate(line):
        if quote:
            if c == quote:
                quote = ""
        elif c in CLOSERS:
            quote = CLOSERS[c]
        elif c == "#":
            return line[:k]
    return line


def _subsequence(words: List[str], line: List[str]) -> bool:
    """Whether words appear in line in this order (not necessarily together)."""
    k = 0
    for w in line:
        if k < len(words) and w == words[k]:
            k += 1
    return k == len(words)


def _line_words(code: str) -> List[str]:
    """The words of one line of code."""
    words: List[str] = []
    cur: List[str] = []
    for c in code:
        if is_word_char(c):
            cur.append(c)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return words


def scan(text: str, lang: Language) -> List[Token]:
    """The tokens of text, a program in lang: (offset, token type name, text)."""
    return Scanner(text, lang).tokens()
