"""Characters named by their Unicode names, beside the other escapes."""

import unicodedata

BULLET = "\N{BULLET}"
ARROW = "\N{RIGHTWARDS ARROW}"
SNOWMAN = "\N{SNOWMAN}\u2603\U00002603\x41\101"
GREEK = "\N{GREEK SMALL LETTER ALPHA}\N{GREEK SMALL LETTER BETA}"
ACUTE = "e\N{COMBINING ACUTE ACCENT}"
FACES = ["\N{GRINNING FACE}", "\N{WINKING FACE}"]
RAW_NAME = r"\N{BULLET} stays as written"
BYTES_NAME = b"\N{BULLET} is not an escape in bytes"


def describe(text):
    return [unicodedata.name(ch, "?") for ch in text]


def bulleted(lines):
    return "\n".join(f"{BULLET} {line}" for line in lines)


def normalized(text):
    return unicodedata.normalize("NFC", text)


print(describe(BULLET + ARROW), bulleted(["one", "two"]), SNOWMAN, GREEK)
print(len(ACUTE), len(normalized(ACUTE)), FACES, RAW_NAME, BYTES_NAME)
print(f"{ARROW} done \N{CHECK MARK}")

# Identifiers are read in NFKC form: the ligature and the combining accent
# below name the same variables as their plain spellings.
ﬁle_count = 2
café = "latte"
print(file_count, café)
