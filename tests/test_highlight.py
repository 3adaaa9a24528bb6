"""The Pygments lexer (multilingualprogramming.highlight), in all 17 languages.

The oracles are independent of the lexer: the language tables read here by
a parser of this file's own (core/lang/data/<code>.txt), CPython's tokenizer
(which splits every rendered program into names, numbers, strings,
operators and comments: ASCII syntax, so its boundaries are the truth) and
CPython's parser on the English originals (which names each program binds,
how many replacement fields its f-strings have). The programs: the English
programs of tests/language rendered into the 17 languages by tools/render
(built here with Go), the corpus, tests/programs and tests/whole_language.
"""

import ast
import glob
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import tokenize as pytokenize
from typing import Dict, List, Set, Tuple

import pytest

from multilingualprogramming import _native_loader, highlight
from support import ROOT, needs_native

DATA = os.path.join(ROOT, "core", "lang", "data")
CODES = sorted(f[:-4] for f in os.listdir(DATA) if f.endswith(".txt"))
ENGLISH = sorted(glob.glob(os.path.join(ROOT, "tests", "language", "*.py")))
CORPUS = sorted(glob.glob(os.path.join(ROOT, "python", "multilingualprogramming", "corpus", "*", "*.multi")))
HAND_WRITTEN = CORPUS + sorted(
    glob.glob(os.path.join(ROOT, "tests", "programs", "*.multi"))
    + glob.glob(os.path.join(ROOT, "tests", "whole_language", "*.multi")))
SOFT = {"match", "case", "let", "const", "default"}

needs_pygments = pytest.mark.skipif(importlib.util.find_spec("pygments") is None,
                                    reason="Pygments is not installed")
#: Python 3.12's tokenize splits an f-string (FSTRING_START ... FSTRING_END).
FSTRING_START = getattr(pytokenize, "FSTRING_START", None)
FSTRING_END = getattr(pytokenize, "FSTRING_END", None)


# ---- the tables, read here ----

class Table:
    """One language's words as core/lang/data/<code>.txt gives them."""

    def __init__(self, code: str) -> None:
        self.keywords: Dict[str, str] = {}      # one-word spelling -> canonical
        self.first: Dict[str, str] = {}         # canonical -> first spelling
        self.phrases: List[Tuple[str, ...]] = []
        self.builtins: Dict[str, str] = {}      # spelling (types too) -> canonical
        self.surface: List[List[str]] = []      # literal words of each natural order
        section = ""
        with open(os.path.join(DATA, code + ".txt"), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if line.startswith("["):
                    section = line.strip("[]")
                    continue
                canon, _, rest = line.partition("=")
                canon = canon.strip()
                words = [" ".join(w.split()) for w in rest.split("|") if w.strip()]
                if section == "keywords":
                    self.first.setdefault(canon, words[0])
                    for w in words:
                        if " " in w:
                            self.phrases.append(tuple(w.split()))
                        else:
                            self.keywords[w] = canon
                elif section in ("builtins", "types"):
                    for w in words:
                        self.builtins[w] = canon
                elif section == "surface":
                    self.surface.append([e for e in words[-1].split() if e[0] not in "<{"])
        self.phrases.sort(key=len, reverse=True)

    def hard(self, w: str) -> bool:
        canon = self.keywords.get(w)
        return canon is not None and canon not in SOFT and self.first[canon] == w


TABLES = {code: Table(code) for code in CODES}
ENGLISH_NAMES = {c for t in TABLES.values() for c in t.builtins.values()}


def is_builtin(table: Table, w: str) -> bool:
    return w in table.builtins or w in ENGLISH_NAMES


# ---- the programs ----

@pytest.fixture(scope="session")
def renderings(tmp_path_factory) -> Dict[Tuple[str, str], str]:
    """(English file, code) -> the program rendered in that language by tools/render."""
    go = shutil.which("go")
    if go is None:
        pytest.skip("rendering the programs needs the Go toolchain")
    exe = str(tmp_path_factory.mktemp("render") / "render")
    subprocess.run([go, "build", "-o", exe, "./tools/render"], cwd=ROOT, check=True, timeout=600)
    out = {}
    for path in ENGLISH:
        for code in CODES:
            r = subprocess.run([exe, "-lang", code, path], capture_output=True, text=True,
                               encoding="utf-8", timeout=60)
            assert r.returncode == 0, r.stderr
            out[(path, code)] = r.stdout
    return out


def english_names(src: str) -> Tuple[Set[str], Set[str]]:
    """Every identifier of an English program, and those it binds (CPython's parser)."""
    used: Set[str] = set()
    bound: Set[str] = set()
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Name):
            used.add(node.id)
            if not isinstance(node.ctx, ast.Load):
                bound.add(node.id)
        elif isinstance(node, ast.Attribute):
            used.add(node.attr)
            bound.add(node.attr)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.keyword) and node.arg:
            bound.add(node.arg)
        elif isinstance(node, ast.alias):
            bound.update(node.name.split("."))
            if node.asname:
                bound.add(node.asname)
        elif isinstance(node, ast.ImportFrom) and node.module:
            bound.update(node.module.split("."))
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            bound.update(node.names)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound.add(node.rest)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return used | bound, bound


def field_count(src: str) -> int:
    """How many replacement fields the f-strings of an English program have."""
    return sum(isinstance(n, ast.FormattedValue) for n in ast.walk(ast.parse(src)))


def lexed(text: str, code: str) -> Dict[int, Tuple[str, str]]:
    """offset -> (token type, text) of the lexer's tokens, after checking that
    they cover the text exactly and none is an Error."""
    toks = highlight.tokenize(text, code)
    assert "".join(v for _, _, v in toks) == text
    at = {}
    pos = 0
    for i, t, v in toks:
        assert i == pos, (i, pos)
        pos += len(v)
        at[i] = (t, v)
        assert t != "Error", "Error token %r at line %d" % (v, text.count("\n", 0, i) + 1)
    return at


def python_tokens(text: str) -> List[pytokenize.TokenInfo]:
    """CPython's tokens of text, without the line structure. The tokenize
    module splits a name at a combining mark (Bengali, Tamil, Hindi vowel
    signs) that the language's identifiers allow (XID_Continue, as CPython's
    own tokenizer reads them): the pieces that touch are joined again."""
    out: List[pytokenize.TokenInfo] = []
    fstring: List[pytokenize.TokenInfo] = []  # the FSTRING_STARTs open (Python 3.12+)
    for t in pytokenize.generate_tokens(io.StringIO(text).readline):
        if t.type in (pytokenize.NL, pytokenize.NEWLINE, pytokenize.INDENT, pytokenize.DEDENT,
                      pytokenize.ENDMARKER):
            continue
        if t.type == FSTRING_START:
            fstring.append(t)
        if fstring:
            # One STRING token for the whole f-string, as Python 3.11 gives it.
            if t.type == FSTRING_END:
                start = fstring.pop()
                if not fstring:
                    lines = text.splitlines(keepends=True)
                    whole = "".join(lines[start.start[0] - 1:t.end[0]])
                    whole = whole[start.start[1]:len(whole) - len(lines[t.end[0] - 1]) + t.end[1]]
                    out.append(start._replace(type=pytokenize.STRING, string=whole, end=t.end))
            continue
        if out and out[-1].type == pytokenize.NAME and out[-1].end == t.start \
                and t.type in (pytokenize.NAME, pytokenize.ERRORTOKEN, pytokenize.NUMBER) \
                and ("a" + t.string).isidentifier():
            last = out.pop()
            t = last._replace(string=last.string + t.string, end=t.end)
        elif t.type == pytokenize.ERRORTOKEN and ("a" + t.string).isidentifier() and t.string.isidentifier():
            t = t._replace(type=pytokenize.NAME)
        out.append(t)
    return out


def check_program(text: str, code: str, used: Set[str], bound: Set[str]) -> Dict[str, int]:
    """Compare the lexer's tokens with CPython's, token by token, and count
    what was checked. used/bound: the identifiers of the English original
    (empty for a hand-written program: soft keyword spellings are not
    checked there)."""
    table = TABLES[code]
    at = lexed(text, code)
    starts = sorted(at)
    lines = text.splitlines(keepends=True)
    line_at = [0]
    for ln in lines:
        line_at.append(line_at[-1] + len(ln))
    py = python_tokens(text)

    def off(pos: Tuple[int, int]) -> int:
        return line_at[pos[0] - 1] + pos[1]

    counts = {"keyword": 0, "phrase": 0, "builtin": 0, "name": 0, "number": 0, "string": 0,
              "op": 0, "comment": 0}
    defined = {py[k + 1].string for k in range(len(py) - 1)
               if py[k].type == pytokenize.NAME and table.keywords.get(py[k].string) in ("def", "class")}
    k = 0
    while k < len(py):
        t = py[k]
        o = off(t.start)
        where = "%s line %d: %r" % (code, t.start[0], t.line)
        if t.type == pytokenize.NAME:
            # A phrase: consecutive names on one line, matched longest first,
            # before any one word, as the compiler's lexer does.
            phrase = None
            for p in table.phrases:
                names = py[k:k + len(p)]
                if len(names) == len(p) and all(n.type == pytokenize.NAME and n.start[0] == t.start[0]
                                                for n in names) \
                        and tuple(n.string for n in names) == p:
                    phrase = names
                    break
            if phrase is not None:
                end = off(phrase[-1].end)
                assert at.get(o, ("", ""))[0].startswith("Keyword"), where
                assert at[o][1] == text[o:end], where
                counts["phrase"] += 1
                k += len(phrase)
                continue
            w = t.string
            prev = py[k - 1].string if k else ""
            nxt = py[k + 1].string if k + 1 < len(py) else ""
            assert o in at and at[o][1] == w, where
            kind = at[o][0]
            keyword = w in table.keywords and (table.hard(w) or (used and w not in used))
            if keyword and not is_builtin(table, w):
                assert kind.startswith("Keyword"), where + " %r is %s" % (w, kind)
                counts["keyword"] += 1
            elif is_builtin(table, w) and w not in table.keywords and prev not in (".", "@") \
                    and table.keywords.get(prev) not in ("def", "class") and nxt != "=" \
                    and table.builtins.get(w, w) not in bound and w not in defined \
                    and (used or nxt == "("):
                assert kind == "Name.Builtin", where + " %r is %s" % (w, kind)
                counts["builtin"] += 1
            elif w in bound and w not in table.keywords:
                assert kind.startswith("Name"), where + " %r is %s" % (w, kind)
                counts["name"] += 1
        elif t.type == pytokenize.NUMBER:
            assert at.get(o) is not None and at[o][0].startswith("Literal.Number") \
                and at[o][1] == t.string, where
            counts["number"] += 1
        elif t.type == pytokenize.STRING:
            end = off(t.end)
            assert o in at and (end in at or end == len(text)), where
            inside = [at[s] for s in starts if o <= s < end]
            assert inside[0][0].startswith("Literal.String"), where
            if not t.string.lower().lstrip("rbu").startswith("f"):
                assert all(ty.startswith("Literal.String") for ty, _ in inside), where
            counts["string"] += 1
        elif t.type == pytokenize.OP:
            assert o in at and at[o][1] == t.string, where
            assert at[o][0] in ("Operator", "Punctuation", "Name.Decorator"), where
            counts["op"] += 1
        elif t.type == pytokenize.COMMENT:
            assert at.get(o, ("", ""))[0].startswith("Comment") and at[o][1] == t.string, where
            counts["comment"] += 1
        k += 1
    return counts


# ---- the generated tables ----

def _generator():
    spec = importlib.util.spec_from_file_location("gen_highlight_data",
                                                  os.path.join(ROOT, "tools", "gen_highlight_data.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_generated_tables_are_up_to_date():
    with open(os.path.join(ROOT, "python", "multilingualprogramming", "highlight", "_data.py"),
              encoding="utf-8") as f:
        committed = f.read()
    assert committed == _generator().render(), \
        "highlight/_data.py is stale: run python3 tools/gen_highlight_data.py"


def test_the_generated_tables_hold_every_word_of_the_compiler_tables():
    from multilingualprogramming.highlight import _data
    assert sorted(_data.NAMES) == CODES
    for code, table in TABLES.items():
        spelled = {w for ws in _data.KEYWORDS[code].values() for w in ws}
        assert set(table.keywords) <= spelled
        assert {" ".join(p) for p in table.phrases} <= spelled
        got = {w for ws in list(_data.BUILTINS[code].values()) + list(_data.TYPES[code].values())
               for w in ws}
        assert got == set(table.builtins)
    assert "language" in _data.HEADER_KEYS and "langue" in _data.HEADER_KEYS


def test_the_generator_reports_a_broken_table(tmp_path):
    gen = _generator()
    (tmp_path / "xx.txt").write_text("[language]\ncode = xx\nname = X\n[keywords]\nif\n", encoding="utf-8")
    with pytest.raises(gen.TableError, match=r"xx.txt:5: want 'name = spelling'"):
        gen.render(str(tmp_path))


# ---- every program, every language ----

def test_rendered_programs_in_every_language(renderings):
    """Each English program of tests/language in each language: every token
    where CPython's tokenizer puts one, every keyword a Keyword, every
    builtin alias a Name.Builtin, no Error, the language detected."""
    totals: Dict[str, int] = {}
    for path in ENGLISH:
        with open(path, encoding="utf-8") as f:
            english = f.read()
        used, bound = english_names(english)
        fields = field_count(english)
        for code in CODES:
            text = renderings[(path, code)]
            counts = check_program(text, code, used, bound)
            for key, n in counts.items():
                totals[key] = totals.get(key, 0) + n
            assert highlight.detect_language(text) == code, (path, code)
            # Every replacement field of the f-strings opens with a '{' of its own.
            toks = highlight.tokenize(text, code)
            opened = sum(v.count("{") for _, t, v in toks if t == "Literal.String.Interpol")
            assert opened == fields, (path, code)
    # Enough of everything was seen for the comparison to mean something.
    assert totals["keyword"] > 17 * 300 and totals["builtin"] > 17 * 100, totals
    assert totals["phrase"] >= 5 and totals["number"] > 17 * 100 and totals["string"] > 17 * 100, totals


@pytest.mark.parametrize("path", HAND_WRITTEN, ids=os.path.basename)
def test_hand_written_programs(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    code = os.path.basename(path).split(".")[-2]
    counts = check_program(text, code, set(), set())
    assert counts["keyword"] >= 5, counts
    assert highlight.detect_language(text) == code


def test_f_string_fields_are_code():
    text = 'afficher(f"{nom.upper()!r:>{largeur}} {x si x sinon 0=} {{brut}}")\n'
    toks = [(t, v) for _, t, v in highlight.tokenize(text, "fr") if not t.startswith("Text")]
    assert toks == [
        ("Name.Builtin", "afficher"), ("Punctuation", "("),
        ("Literal.String.Affix", "f"), ("Literal.String.Double", '"'),
        ("Literal.String.Interpol", "{"), ("Name", "nom"), ("Operator", "."), ("Name", "upper"),
        ("Punctuation", "("), ("Punctuation", ")"), ("Literal.String.Interpol", "!r:"),
        ("Literal.String.Double", ">"), ("Literal.String.Interpol", "{"), ("Name", "largeur"),
        ("Literal.String.Interpol", "}}"), ("Literal.String.Double", " "),
        ("Literal.String.Interpol", "{"), ("Name", "x"), ("Keyword", "si"), ("Name", "x"),
        ("Keyword", "sinon"), ("Literal.Number.Integer", "0"), ("Literal.String.Interpol", "=}"),
        ("Literal.String.Double", " "), ("Literal.String.Escape", "{{"),
        ("Literal.String.Double", "brut"), ("Literal.String.Escape", "}}"),
        ("Literal.String.Double", '"'), ("Punctuation", ")"),
    ]


# ---- the forms, one by one (expected tokens written by hand) ----

def significant(text: str, code: str) -> List[Tuple[str, str]]:
    return [(t, v) for _, t, v in highlight.tokenize(text, code) if not t.startswith("Text")]


FORMS = [
    # multi-word keywords, as one token, blanks and all
    ("fr", "si a:\n    passer\nsinon  si b:\n    passer\n",
     [("Keyword", "si"), ("Name", "a"), ("Punctuation", ":"), ("Keyword", "passer"),
      ("Keyword", "sinon  si"), ("Name", "b"), ("Punctuation", ":"), ("Keyword", "passer")]),
    ("fr", "pour chaque x dans xs:\n    afficher(x pas dans ys)\n",
     [("Keyword", "pour chaque"), ("Name", "x"), ("Keyword", "dans"), ("Name", "xs"),
      ("Punctuation", ":"), ("Name.Builtin", "afficher"), ("Punctuation", "("), ("Name", "x"),
      ("Keyword", "pas dans"), ("Name", "ys"), ("Punctuation", ")")]),
    ("pt", "senão se x não em y:\n",
     [("Keyword", "senão se"), ("Name", "x"), ("Keyword", "não em"), ("Name", "y"),
      ("Punctuation", ":")]),
    # definitions, decorators, constants, modules
    ("de", "@functools.cache\ndef f(x):\n    rückgabe Wahr\nklasse K:\n    pass\n",
     [("Name.Decorator", "@"), ("Name.Decorator", "functools"), ("Operator", "."),
      ("Name.Decorator", "cache"), ("Keyword", "def"), ("Name.Function", "f"),
      ("Punctuation", "("), ("Name", "x"), ("Punctuation", ")"), ("Punctuation", ":"),
      ("Keyword", "rückgabe"), ("Keyword.Constant", "Wahr"), ("Keyword", "klasse"),
      ("Name.Class", "K"), ("Punctuation", ":"), ("Keyword", "pass")]),
    ("en", "from os.path import join as j\nimport a.b\n",
     [("Keyword.Namespace", "from"), ("Name.Namespace", "os"), ("Operator", "."),
      ("Name.Namespace", "path"), ("Keyword.Namespace", "import"), ("Name", "join"),
      ("Keyword", "as"), ("Name", "j"), ("Keyword.Namespace", "import"),
      ("Name.Namespace", "a"), ("Operator", "."), ("Name.Namespace", "b")]),
    # numbers of every form, in any script's digits
    ("en", "x = 1_000 + 0x_FF + 0o17 + 0b1010 + 3.14 + .5 + 1. + 1e-3 + 2.5E+10 + 3j + 1.5J\n",
     [("Name", "x"), ("Operator", "=")]
     + [t for pair in zip(
         [("Literal.Number.Integer", "1_000"), ("Literal.Number.Hex", "0x_FF"),
          ("Literal.Number.Oct", "0o17"), ("Literal.Number.Bin", "0b1010"),
          ("Literal.Number.Float", "3.14"), ("Literal.Number.Float", ".5"),
          ("Literal.Number.Float", "1."), ("Literal.Number.Float", "1e-3"),
          ("Literal.Number.Float", "2.5E+10"), ("Literal.Number", "3j"),
          ("Literal.Number", "1.5J")],
         [("Operator", "+")] * 10 + [None]) for t in pair if t]),
    ("ar", "س = ١٢ + ٣٫٥\n",
     [("Name", "س"), ("Operator", "="), ("Literal.Number.Integer", "١٢"), ("Operator", "+"),
      ("Literal.Number.Float", "٣٫٥")]),
    ("ja", "x = ３．１４ × ２\n",
     [("Name", "x"), ("Operator", "="), ("Literal.Number.Float", "３．１４"), ("Operator", "×"),
      ("Literal.Number.Integer", "２")]),
    # strings: every prefix, triple quotes, bytes, escapes, the Unicode quotes
    ("en", "a = r'\\d' + u'x' + R\"y\" + b'\\x00' + Br'\\n' + rb\"z\" + F'{a}' + fR'{b}\\d'"
           " + rf\"\"\"{c}\"\"\"\n",
     [("Name", "a"), ("Operator", "="),
      ("Literal.String.Affix", "r"), ("Literal.String.Single", "'\\d'"), ("Operator", "+"),
      ("Literal.String.Affix", "u"), ("Literal.String.Single", "'x'"), ("Operator", "+"),
      ("Literal.String.Affix", "R"), ("Literal.String.Double", '"y"'), ("Operator", "+"),
      ("Literal.String.Affix", "b"), ("Literal.String.Single", "'"),
      ("Literal.String.Escape", "\\x00"), ("Literal.String.Single", "'"), ("Operator", "+"),
      ("Literal.String.Affix", "Br"), ("Literal.String.Single", "'\\n'"), ("Operator", "+"),
      ("Literal.String.Affix", "rb"), ("Literal.String.Double", '"z"'), ("Operator", "+"),
      ("Literal.String.Affix", "F"), ("Literal.String.Single", "'"),
      ("Literal.String.Interpol", "{"), ("Name", "a"), ("Literal.String.Interpol", "}"),
      ("Literal.String.Single", "'"), ("Operator", "+"),
      ("Literal.String.Affix", "fR"), ("Literal.String.Single", "'"),
      ("Literal.String.Interpol", "{"), ("Name", "b"), ("Literal.String.Interpol", "}"),
      ("Literal.String.Single", "\\d'"), ("Operator", "+"),
      ("Literal.String.Affix", "rf"), ("Literal.String.Double", '"""'),
      ("Literal.String.Interpol", "{"), ("Name", "c"), ("Literal.String.Interpol", "}"),
      ("Literal.String.Double", '"""')]),
    ("fr", 'déf f():\n    """Doc\n    string."""\n    retour «bonjour» + “x\\”y”\n',
     [("Keyword", "déf"), ("Name.Function", "f"), ("Punctuation", "("), ("Punctuation", ")"),
      ("Punctuation", ":"), ("Literal.String.Doc", '"""Doc\n    string."""'),
      ("Keyword", "retour"), ("Literal.String.Double", "«bonjour»"), ("Operator", "+"),
      ("Literal.String.Double", "“x"), ("Literal.String.Escape", "\\”"),
      ("Literal.String.Double", "y”")]),
    # operators, with their Unicode spellings
    ("en", "a ≤ b ≠ c → d ≪= 2 // 3 ** 4 @ m := 1 ... ÷ −\n",
     [("Name", "a"), ("Operator", "≤"), ("Name", "b"), ("Operator", "≠"), ("Name", "c"),
      ("Operator", "→"), ("Name", "d"), ("Operator", "≪="), ("Literal.Number.Integer", "2"),
      ("Operator", "//"), ("Literal.Number.Integer", "3"), ("Operator", "**"),
      ("Literal.Number.Integer", "4"), ("Operator", "@"), ("Name", "m"), ("Operator", ":="),
      ("Literal.Number.Integer", "1"), ("Operator", "..."), ("Operator", "÷"), ("Operator", "−")]),
    # comments: the language header, a shebang
    ("fr", "#!/usr/bin/env multilingual\n# langue: fr\nx = 1  # un\n",
     [("Comment.Hashbang", "#!/usr/bin/env multilingual"), ("Comment.Special", "# langue: fr"),
      ("Name", "x"), ("Operator", "="), ("Literal.Number.Integer", "1"),
      ("Comment.Single", "# un")]),
    # natural word orders: the literal words are keywords in the header only
    ("ja", "xs 内の 各 x に対して:\n    各 = x\n",
     [("Name", "xs"), ("Keyword", "内の"), ("Keyword", "各"), ("Name", "x"),
      ("Keyword", "に対して"), ("Punctuation", ":"), ("Name", "各"), ("Operator", "="),
      ("Name", "x")]),
    ("ar", "س ضمن لكل ع:\n    ضمن = 1\n",
     [("Name", "س"), ("Keyword", "ضمن"), ("Keyword", "لكل"), ("Name", "ع"), ("Punctuation", ":"),
      ("Name", "ضمن"), ("Operator", "="), ("Literal.Number.Integer", "1")]),
    ("hi", "xs में x के_लिए:\n    x > 0 अगर:\n        छोड़ो\n",
     [("Name", "xs"), ("Keyword", "में"), ("Name", "x"), ("Keyword", "के_लिए"),
      ("Punctuation", ":"), ("Name", "x"), ("Operator", ">"), ("Literal.Number.Integer", "0"),
      ("Keyword", "अगर"), ("Punctuation", ":"), ("Keyword", "छोड़ो")]),
    # soft keywords: keywords where their statement stands, names elsewhere
    ("en", "match = re.match(p, s)\nmatch(x)\nmatch x:\n    case 1:\n        pass\n",
     [("Name", "match"), ("Operator", "="), ("Name", "re"), ("Operator", "."), ("Name", "match"),
      ("Punctuation", "("), ("Name", "p"), ("Punctuation", ","), ("Name", "s"), ("Punctuation", ")"),
      ("Name", "match"), ("Punctuation", "("), ("Name", "x"), ("Punctuation", ")"),
      ("Keyword", "match"), ("Name", "x"), ("Punctuation", ":"), ("Keyword", "case"),
      ("Literal.Number.Integer", "1"), ("Punctuation", ":"), ("Keyword", "pass")]),
    ("en", "let x = 1\nvar = 2\nfn g(default=var):\n    return default\n",
     [("Keyword.Declaration", "let"), ("Name", "x"), ("Operator", "="),
      ("Literal.Number.Integer", "1"), ("Name", "var"), ("Operator", "="),
      ("Literal.Number.Integer", "2"), ("Keyword", "fn"), ("Name.Function", "g"),
      ("Punctuation", "("), ("Name", "default"), ("Operator", "="), ("Name", "var"),
      ("Punctuation", ")"), ("Punctuation", ":"), ("Keyword", "return"), ("Name", "default")]),
    ("ja", "変数 x = 変数(y)\n",
     [("Keyword.Declaration", "変数"), ("Name", "x"), ("Operator", "="), ("Name.Builtin", "変数"),
      ("Punctuation", "("), ("Name", "y"), ("Punctuation", ")")]),
    # builtin aliases and English builtin names, exceptions, attributes
    ("es", "imprimir(longitud(x), len(x), x.longitud)\nlanzar ValueError\n",
     [("Name.Builtin", "imprimir"), ("Punctuation", "("), ("Name.Builtin", "longitud"),
      ("Punctuation", "("), ("Name", "x"), ("Punctuation", ")"), ("Punctuation", ","),
      ("Name.Builtin", "len"), ("Punctuation", "("), ("Name", "x"), ("Punctuation", ")"),
      ("Punctuation", ","), ("Name", "x"), ("Operator", "."), ("Name", "longitud"),
      ("Punctuation", ")"), ("Keyword", "lanzar"), ("Name.Exception", "ValueError")]),
]


@pytest.mark.parametrize("code,text,want", FORMS, ids=[f[1][:24] for f in FORMS])
def test_forms(code, text, want):
    assert significant(text, code) == want


@pytest.mark.parametrize("text", [
    'x = "open\n', "f'{x\n", "f'{x!z}'\n", "f'{'\n", "$ ? `\n", "0x\n", "12abc\n",
    '"""never closed\n', "f'{x:{y:{z}}}'\n", "f'" + "{f'" * 60 + "\n", "\\", "«", "ﬀ",
])
def test_bad_input_is_error_tokens_never_an_exception(text):
    toks = highlight.tokenize(text, "en")
    assert "".join(v for _, _, v in toks) == text


def test_bad_input_marks_the_offending_text():
    assert ("Error", "$") in significant("x = $\n", "en")
    assert ("Error", "12abc") in significant("12abc\n", "en")
    assert ("Error", '"') in significant('x = "open\n', "en")


# ---- the language of a program ----

def test_the_language_is_detected_as_the_compiler_does():
    assert highlight.detect_language("# language: de\nx = 1\n") == "de"
    assert highlight.detect_language("#!/bin/sh\n# langue: fr\n") == "fr"
    assert highlight.detect_language("x = 1\n# language: de\n") == "en"  # after code: not a header
    assert highlight.detect_language("si x:\n    afficher(x)\n") == "fr"
    assert highlight.detect_language("x = 1\n") == "en"
    assert highlight.detect_language("") == "en"


# Short programs whose words several languages share: the ties and the
# weights decide, and they must decide as the compiler does.
SNIPPETS = [
    "x = 1\n", "afficher(1)\n", "imprimir(1)\n", "stampa(1)\n", "print(len([1]))\n",
    "x = 0\nsi x:\n    x\n", "x = 0\nif x:\n    pass\n", "a = [1]\nx = 1 in a\n",
    "# lang: ja\nx = 1\n", "# Sprache: de\n# language: fr\nx = 1\n", "\n\n# taal: nl\n",
    "x = «a»\n", "# language: xx\nafficher(1)\n", "x = 'si pour dans'\n",
]


@needs_native
def test_the_language_is_the_one_the_compiler_detects(renderings):
    native = _native_loader.native
    programs = SNIPPETS + list(renderings.values())
    for path in HAND_WRITTEN:
        with open(path, encoding="utf-8") as f:
            programs.append(f.read())
    for text in programs:
        compiler = native.translate(text, "<detect>", None, "en")["language"]
        assert highlight.detect_language(text) == compiler, text[:80]


@needs_pygments
def test_the_language_option():
    from pygments.util import OptionError
    text = "si = 1\n"  # French `if`, an English name
    en = _lexer(language="en")
    assert [(str(t), v) for t, v in en.get_tokens(text)][0] == ("Token.Name", "si")
    fr = _lexer(language="FR")
    assert [(str(t), v) for t, v in fr.get_tokens(text)][0] == ("Token.Keyword", "si")
    with pytest.raises(OptionError, match="language must be one of"):
        _lexer(language="xx")
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        highlight.tokenize("x", "xx")
    with pytest.raises(TypeError):
        highlight.tokenize(b"x")


@needs_pygments
def test_analyse_text():
    lexer = _lexer_class()
    assert lexer.analyse_text("# language: fr\nx = 1\n") == 1.0
    french = "déf f(x):\n    si x > 0:\n        retour x\n    sinon:\n        retour -x\n"
    assert 0.3 < lexer.analyse_text(french) < 1.0
    assert lexer.analyse_text("def f(x):\n    return x\n") == 0.0  # English is Python's
    assert lexer.analyse_text("Le chat est sur la table.") == 0.0


# ---- Pygments, its entry point, and no Pygments ----

def _lexer_class():
    return highlight.MultilingualLexer


def _lexer(**options):
    return highlight.MultilingualLexer(**options)


@needs_pygments
def test_highlighting_to_html():
    from pygments import highlight as render
    from pygments.formatters import HtmlFormatter
    html = render("pour chaque x dans intervalle(3):\n    afficher(x)\n", _lexer(), HtmlFormatter())
    assert '<span class="k">pour chaque</span>' in html
    assert '<span class="nb">intervalle</span>' in html


def _pyproject_entry() -> str:
    tomllib = pytest.importorskip("tomllib")
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        project = tomllib.load(f)["project"]
    return project["entry-points"]["pygments.lexers"]["multilingual"]


@needs_pygments
def test_the_pyproject_entry_point_names_the_lexer():
    module, _, attr = _pyproject_entry().partition(":")
    assert getattr(importlib.import_module(module), attr) is highlight.MultilingualLexer


@needs_pygments
def test_pygments_finds_the_lexer_through_the_entry_point(tmp_path, monkeypatch):
    """A distribution on sys.path whose entry points are pyproject's: Pygments
    finds the lexer by name, alias and file name, as it will once installed."""
    dist = tmp_path / "multilingualprogramming_probe-0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: multilingualprogramming-probe\n"
                                   "Version: 0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[pygments.lexers]\nmultilingual = %s\n" % _pyproject_entry(),
                                           encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib.metadata
    importlib.invalidate_caches()
    assert any(ep.value == _pyproject_entry()
               for ep in importlib.metadata.entry_points(group="pygments.lexers"))
    from pygments.lexers import get_lexer_by_name, get_lexer_for_filename, guess_lexer_for_filename
    assert isinstance(get_lexer_by_name("multilingual"), highlight.MultilingualLexer)
    assert isinstance(get_lexer_by_name("multi", language="ja"), highlight.MultilingualLexer)
    assert isinstance(get_lexer_for_filename("x.multi"), highlight.MultilingualLexer)
    french = "déf f(x):\n    si x > 0:\n        retour x\n    retour -x\n"
    assert isinstance(get_lexer_for_filename("x.ml", code=french), highlight.MultilingualLexer)
    assert isinstance(guess_lexer_for_filename("x.ml", french), highlight.MultilingualLexer)
    # Without text, OCaml keeps its *.ml (the tie goes by class name).
    assert get_lexer_for_filename("x.ml").name == "OCaml"


def test_the_installed_distribution_registers_the_lexer():
    import importlib.metadata
    try:
        dist = importlib.metadata.distribution("multilingualprogramming")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("the package is not installed (the pyproject entry is tested above)")
    eps = [ep for ep in dist.entry_points if ep.group == "pygments.lexers"]
    assert [ep.value for ep in eps] == [_pyproject_entry()]


NO_PYGMENTS = """
import sys

class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "pygments" or name.startswith("pygments."):
            raise ImportError("No module named %r (blocked)" % name)

sys.meta_path.insert(0, Block())
import multilingualprogramming
from multilingualprogramming import highlight
print(highlight.tokenize("si x: passer", "fr")[0])
try:
    highlight.MultilingualLexer
except ImportError as e:
    print("ImportError:", e)
print(sorted(m for m in sys.modules if m.startswith("pygments")))
"""


def test_the_package_imports_without_pygments():
    r = subprocess.run([sys.executable, "-c", NO_PYGMENTS], capture_output=True, text=True,
                       encoding="utf-8", env=dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python")),
                       timeout=120)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "(0, 'Keyword', 'si')"
    assert lines[1].startswith("ImportError: ") and "pip install pygments" in lines[1]
    assert lines[2] == "[]"


def test_importing_the_module_does_not_import_pygments():
    r = subprocess.run([sys.executable, "-c", "import sys, multilingualprogramming.highlight\n"
                        "print([m for m in sys.modules if m.startswith('pygments')])"],
                       capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python")), timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_no_input_makes_the_scanner_slow():
    """Long lines of natural-order words, escapes, nested f-strings, brackets:
    linear work (the bound only catches a quadratic or worse blow-up)."""
    import time
    inputs = [("ja", "xs 内の 各 x に対して " * 3000 + ":\n"), ("en", "match " * 30000 + ":\n"),
              ("en", "'" + "\\\\" * 100000 + "'"), ("en", "f'" + "{{" * 100000 + "'"),
              ("en", "x = 'a\n" * 20000), ("en", "f'{" * 3000), ("en", "(" * 50000)]
    for code, text in inputs:
        start = time.perf_counter()
        toks = highlight.tokenize(text, code)
        assert "".join(v for _, _, v in toks) == text
        assert time.perf_counter() - start < 5, text[:40]
