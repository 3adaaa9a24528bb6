#!/usr/bin/env python3
"""Regenerate core/lang/data/<code>.txt from the reference word lists.

Usage: python3 tools/gen_lang_tables.py ../shared/reference core/lang/data

The reference JSON files are facts about the language (which word means
"if" in Hindi); the files this script writes are the project's own format,
read by core/lang at start-up. Run it again when the reference changes and
review the diff.

The script writes the word sections ([language], [keywords], [types],
[builtins], [surface], [extensions]). Any other section of an existing file is written by
hand, as [messages], the compile-time error messages: it is kept as it is,
after the word sections.
"""

import json
import os
import sys

# Concept name in the reference -> our keyword name. Concepts not listed are
# not keywords of ours (PRINT/INPUT are builtins, TYPE_* are type names).
KEYWORDS = {
    "COND_IF": "if", "COND_ELIF": "elif", "COND_ELSE": "else",
    "LOOP_WHILE": "while", "LOOP_FOR": "for", "LOOP_BREAK": "break",
    "LOOP_CONTINUE": "continue", "PASS": "pass", "IN": "in",
    "ASSERT": "assert", "FUNC_DEF": "def", "RETURN": "return",
    "AND": "and", "OR": "or", "NOT": "not", "NOT_IN": "not in",
    "TRUE": "True", "FALSE": "False", "NONE": "None", "IS": "is",
    "GLOBAL": "global", "NONLOCAL": "nonlocal",
    # Reserved: recognised so that a program using them gets a clear
    # "not supported" error instead of a confusing one.
    "CLASS_DEF": "class", "IMPORT": "import", "FROM": "from", "AS": "as",
    "LAMBDA": "lambda", "YIELD": "yield", "TRY": "try", "EXCEPT": "except",
    "FINALLY": "finally", "RAISE": "raise", "WITH": "with", "DEL": "del",
    "MATCH": "match", "CASE": "case", "ASYNC": "async", "AWAIT": "await",
}
# Soft keywords of ours that Python does not have: `let x = 1` (a plain
# binding), `const X = 1` (never bound again), `default:` (a match's
# `case _:`). They are names everywhere else, so a builtin alias spelled
# like one of them stays callable and is kept.
SOFT_KEYWORDS = {"LET": "let", "CONST": "const", "DEFAULT": "default"}
TYPES = {"TYPE_INT": "int", "TYPE_FLOAT": "float", "TYPE_STR": "str",
         "TYPE_BOOL": "bool", "TYPE_LIST": "list", "TYPE_DICT": "dict"}
IO_BUILTINS = {"PRINT": "print", "INPUT": "input"}
# Words of the reference's extensions of the language (AI prompts,
# concurrency, ...), which this project does not support: concept -> our
# `group.word` name. They stay ordinary names; the parser names the
# extension only where a statement using one fails to parse. The group says
# what the extension is, in the message (parser.word.ext_<group>).
EXTENSIONS = {
    "ENUM": "enum.enum", "TYPE_DECL": "typedecl.type", "USES": "effects.uses",
    "OBSERVE": "reactive.observe", "ON_CHANGE": "reactive.on_change",
    "CANVAS": "ui.canvas", "RENDER": "ui.render", "BIND": "ui.bind",
    "PROMPT": "ai.prompt", "THINK": "ai.think", "GENERATE": "ai.generate",
    "STREAM_KW": "ai.stream", "EMBED": "ai.embed", "EXTRACT": "ai.extract",
    "CLASSIFY": "ai.classify", "PLAN": "ai.plan", "TRANSCRIBE": "ai.transcribe",
    "RETRIEVE": "ai.retrieve",
    "PAR": "concurrency.par", "SPAWN": "concurrency.spawn", "CHANNEL": "concurrency.channel",
    "SEND": "concurrency.send", "RECEIVE": "concurrency.receive",
    "TRACE": "observability.trace", "COST": "observability.cost",
    "EXPLAIN": "observability.explain",
    "EDGE": "placement.edge", "CLOUD": "placement.cloud",
    "MEMORY": "agents.memory", "SWARM": "agents.swarm", "DELEGATE": "agents.delegate",
}
# LOCAL is in two categories of the reference: a local variable
# declaration and a placement of code; both name the word.
LOCAL = {"variables": "scope.local", "placement": "placement.local"}

NAMES = {
    "en": "English", "fr": "Français", "es": "Español", "de": "Deutsch",
    "hi": "हिन्दी", "ar": "العربية", "bn": "বাংলা", "ta": "தமிழ்",
    "zh": "中文", "ja": "日本語", "it": "Italiano", "pt": "Português",
    "pl": "Polski", "nl": "Nederlands", "sv": "Svenska", "da": "Dansk",
    "fi": "Suomi",
}


def spellings(value):
    return value if isinstance(value, list) else [value]


# Template of the reference's surface patterns -> the statement it writes.
SURFACE = {"for_iterable_first": "for", "while_condition_first": "while",
           "if_condition_first": "if", "with_expr_first": "with"}
SURFACE_CONCEPTS = {"LOOP_FOR": "for", "IN": "in", "LOOP_WHILE": "while", "COND_IF": "if",
                    "WITH": "with"}


def surface_lines(code, patterns):
    """The [surface] section: natural word orders other than keyword-first.

    Each line is `statement = element element ...` where <slot> is an
    expression or target slot, {keyword} the language's keyword, and any
    other word a literal word; a pattern that starts with its keyword (the
    ordinary order) is left out.
    """
    out = []
    for p in patterns:
        if p["language"] != code or p["normalize_template"] not in SURFACE:
            continue
        elems = []
        for e in p["pattern"]:
            if e["kind"] in ("expr", "identifier"):
                elems.append("<%s>" % e["slot"])
            elif e["kind"] == "keyword":
                elems.append("{%s}" % SURFACE_CONCEPTS[e["concept"]])
            elif e["kind"] == "literal":
                elems.append(e["value"])
            # the closing ':' delimiter is implied
        if elems and not elems[0].startswith("{"):
            out.append("%s = %s" % (SURFACE[p["normalize_template"]], " ".join(elems)))
    if out:
        return ["", "[surface]"] + out
    return []


# The sections this script writes; any other section is hand-written.
GENERATED = {"language", "keywords", "types", "builtins", "surface", "extensions"}


def kept_sections(path):
    """The hand-written sections of the file at path, line by line.

    A section runs from its [name] line to the next section or the end of
    the file; lines before the first section are the generated header.
    """
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        return []
    out, keep = [], False
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("[") and s.endswith("]"):
            keep = s[1:-1] not in GENERATED
            if keep:
                while out and not out[-1].strip():
                    out.pop()
                out.append("")
        if keep:
            out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


def extension_lines(code, categories, keywords):
    """The [extensions] section: `group.word = spelling | ...`.

    A spelling that is one of the language's keywords, or that an earlier
    line gave already, is left out: the word has its one meaning there.
    """
    out, seen = [], set()
    for cat_name, cat in categories.items():
        for concept, per_lang in cat.items():
            ours = LOCAL.get(cat_name) if concept == "LOCAL" else EXTENSIONS.get(concept)
            if ours is None or code not in per_lang:
                continue
            words = [w for w in spellings(per_lang[code]) if w not in keywords and w not in seen]
            seen.update(words)
            if words:
                out.append("%s = %s" % (ours, " | ".join(words)))
    if out:
        return ["", "[extensions]"] + out
    return []


def main(ref_dir, out_dir):
    with open(os.path.join(ref_dir, "keywords.json"), encoding="utf-8") as f:
        kw = json.load(f)
    with open(os.path.join(ref_dir, "builtins_aliases.json"), encoding="utf-8") as f:
        bi = json.load(f)
    with open(os.path.join(ref_dir, "surface_patterns.json"), encoding="utf-8") as f:
        patterns = json.load(f)["patterns"]
    concepts = {}
    for cat in kw["categories"].values():
        concepts.update(cat)
    os.makedirs(out_dir, exist_ok=True)
    for code in kw["languages"]:
        lines = [
            "# Words of the %s (%s) surface language." % (NAMES[code], code),
            "# Written by tools/gen_lang_tables.py from the reference word lists;",
            "# one entry per line: canonical = spelling | other spelling.",
            "# The [messages] section is written by hand; the script keeps it.",
            "",
            "[language]",
            "code = " + code,
            "name = " + NAMES[code],
            "",
            "[keywords]",
        ]
        for concept, ours in list(KEYWORDS.items()) + list(SOFT_KEYWORDS.items()):
            if concept in concepts and code in concepts[concept]:
                lines.append("%s = %s" % (ours, " | ".join(spellings(concepts[concept][code]))))
        lines += ["", "[types]"]
        for concept, ours in TYPES.items():
            words = spellings(concepts[concept][code])
            lines.append("%s = %s" % (ours, " | ".join(words)))
        # A builtin alias spelled like one of the language's keywords could
        # never be called (the keyword wins), and a program printed in the
        # language would not read back: such aliases are left out, and the
        # English name of the builtin serves instead.
        keywords = set()
        for concept in KEYWORDS:
            if concept in concepts and code in concepts[concept]:
                keywords.update(spellings(concepts[concept][code]))
        lines += ["", "[builtins]"]
        for concept, ours in IO_BUILTINS.items():
            lines.append("%s = %s" % (ours, " | ".join(spellings(concepts[concept][code]))))
        for name, per_lang in bi["aliases"].items():
            if code in per_lang and name not in IO_BUILTINS.values():
                words = [w for w in per_lang[code] if w not in keywords]
                if words:
                    lines.append("%s = %s" % (name, " | ".join(words)))
        lines += surface_lines(code, patterns)
        soft = set()
        for concept in SOFT_KEYWORDS:
            if concept in concepts and code in concepts[concept]:
                soft.update(spellings(concepts[concept][code]))
        lines += extension_lines(code, kw["categories"], keywords | soft)
        path = os.path.join(out_dir, code + ".txt")
        lines += kept_sections(path)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
