#!/usr/bin/env python3
"""Write python/multilingualprogramming/highlight/_data.py from the compiler's tables.

Usage: python3 tools/gen_highlight_data.py            (rewrites the module)
       python3 tools/gen_highlight_data.py --check    (exit 1 when it is stale)

The compiler reads the words of the 17 languages from core/lang/data/<code>.txt,
embedded in the Go binary; the wheel ships neither those files nor any
other copy of them. The syntax highlighter (multilingualprogramming.highlight)
must work where the native extension is absent (a documentation build), so
it reads this generated Python module instead: the word sections of every
table ([language], [keywords], [types], [builtins], [surface]) and the
header keys that core/lang/detect.go accepts in a `# language: xx` comment.
The [extensions] words are ordinary names to the compiler, and the
[messages] are not words: neither is copied. tests/test_highlight.py runs
this script's `render()` and fails when the committed module differs.
"""

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_DIR = os.path.join(ROOT, "core", "lang", "data")
DETECT_GO = os.path.join(ROOT, "core", "lang", "detect.go")
OUT = os.path.join(ROOT, "python", "multilingualprogramming", "highlight", "_data.py")

#: The sections copied, and the name of the table each one becomes.
SECTIONS = {"keywords": "KEYWORDS", "types": "TYPES", "builtins": "BUILTINS", "surface": "SURFACE"}
#: Sections of a table that the highlighter has no use for.
SKIPPED = {"extensions", "messages"}
#: Longest line written (flake8 allows 110).
WIDTH = 100


class TableError(Exception):
    """A table file that does not have the form core/lang/lang.go reads."""


def parse_table(path):
    """The word sections of one table file, as core/lang/lang.go parses them.

    Returns (code, name, sections) where sections maps a section name to a
    list of (canonical, [spellings]) in file order; spellings are split on
    '|' with their inner blanks collapsed to one space.
    """
    code = name = None
    sections = {s: [] for s in SECTIONS}
    section = ""
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1]
                continue
            if section in SKIPPED:
                continue
            canon, sep, rest = line.partition("=")
            if not sep:
                raise TableError("%s:%d: want 'name = spelling'" % (path, n))
            canon = canon.strip()
            words = [" ".join(w.split()) for w in rest.split("|")]
            words = [w for w in words if w]
            if not words:
                raise TableError("%s:%d: no spelling for %r" % (path, n, canon))
            if section == "language":
                if canon == "code":
                    code = words[0]
                elif canon == "name":
                    name = words[0]
            elif section in sections:
                _add(sections[section], canon, words)
            else:
                raise TableError("%s:%d: entry outside a known section" % (path, n))
    if not code or not name:
        raise TableError("%s: no [language] code or name" % path)
    return code, name, sections


def _add(entries, canon, words):
    """Append canon's spellings to entries; a canonical name given twice in
    a section (the Go maps take both lines) keeps one entry, first line first."""
    for known, spelled in entries:
        if known == canon:
            spelled.extend(w for w in words if w not in spelled)
            return
    entries.append((canon, words))


def header_keys(path=DETECT_GO):
    """The words HeaderLanguage accepts before the ':' of a `# language: xx` line."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r'case\s+("language"[^:\n]*):', text)
    if m is None:
        raise TableError("%s: the header keys (case \"language\", ...) were not found" % path)
    return re.findall(r'"([^"]+)"', m.group(1))


def _s(text):
    """A Python string literal, non-ASCII letters kept readable."""
    return json.dumps(text, ensure_ascii=False)


def _entry(indent, key, values):
    """`key: (v1, v2),` on one line, or wrapped over several when too long."""
    head = " " * indent + _s(key) + ": ("
    items = [_s(v) for v in values]
    one = head + ", ".join(items) + (",)," if len(items) == 1 else "),")
    if len(one) <= WIDTH:
        return [one]
    lines = [head]
    for item in items:
        lines.append(" " * (indent + 4) + item + ",")
    lines.append(" " * indent + "),")
    return lines


def render(data_dir=DATA_DIR, detect_go=DETECT_GO):
    """The text of the generated module."""
    tables = []
    for fn in sorted(os.listdir(data_dir)):
        if fn.endswith(".txt"):
            tables.append(parse_table(os.path.join(data_dir, fn)))
    tables.sort(key=lambda t: t[0])
    out = [
        '"""The words of the 17 languages, as the compiler reads them: generated, do not edit.',
        "",
        "Written by tools/gen_highlight_data.py from core/lang/data/<code>.txt (the",
        "[language], [keywords], [types], [builtins] and [surface] sections) and",
        "core/lang/detect.go (HEADER_KEYS). Each table maps a canonical (English)",
        "name to the language's spellings, first spelling first, in file order.",
        '"""',
        "",
        "from typing import Dict, Tuple",
        "",
        "#: Words accepted before the ':' of a `# language: xx` header comment.",
        "HEADER_KEYS: Tuple[str, ...] = (",
    ]
    for key in header_keys(detect_go):
        out.append("    %s," % _s(key))
    out += [")", "", "#: Language code -> the language's own name.", "NAMES: Dict[str, str] = {"]
    for code, name, _ in tables:
        out.append("    %s: %s," % (_s(code), _s(name)))
    out.append("}")
    for section, table in SECTIONS.items():
        out += ["", "#: Language code -> [%s] section: canonical -> spellings." % section]
        if section == "surface":
            out.append("%s: Dict[str, Dict[str, str]] = {" % table)
        else:
            out.append("%s: Dict[str, Dict[str, Tuple[str, ...]]] = {" % table)
        for code, _, sections in tables:
            entries = sections[section]
            if not entries:
                out.append("    %s: {}," % _s(code))
                continue
            out.append("    %s: {" % _s(code))
            for canon, words in entries:
                if section == "surface":
                    out.append("        %s: %s," % (_s(canon), _s(words[-1])))  # the last, as lang.go
                else:
                    out += _entry(8, canon, words)
            out.append("    },")
        out.append("}")
    return "\n".join(out) + "\n"


def main(argv):
    text = render()
    if argv[1:] == ["--check"]:
        try:
            with open(OUT, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = ""
        if current != text:
            print("%s is stale: run python3 tools/gen_highlight_data.py" % OUT, file=sys.stderr)
            return 1
        return 0
    if argv[1:]:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
