"""Strings: quotes, escapes, bytes, and adjacent literals."""

GREETING = 'Hello, world'
QUOTED = "She said 'hi'"
BOTH = 'It\'s "fine"'
ESCAPES = "tab\there\nnewline\\backslash\rreturn"
CONTROL = "\x00\x07\x1b\x7f"
ACCENTS = "café naïve Ünïcödé"
SCRIPTS = "日本語 हिन्दी العربية தமிழ் বাংলা"
SYMBOLS = "\u2603 \U0001F600 \u2022"
INVISIBLE = "zero\u200bwidth\u00a0nbsp\u2028line"
JOINED = "one " "two " 'three'
RAW = r"C:\path\to\file"
MULTI = """first line
second line with 'quotes' and "doubles"
third"""
BLOB = b"\x00\x01binary\xff\n"
BLOB_QUOTE = b"it's"
BLOB_JOINED = b"ab" b'cd'
EMPTY = ""


def shout(text: str) -> str:
    return text.upper() + "!"


def describe(word: str) -> str:
    size = len(word)
    head = word[0] if word else ""
    tail = word[-1:]
    middle = word[1:-1]
    reverse = word[::-1]
    return "-".join([head, middle, tail, reverse, str(size)])


def encode(text: str) -> bytes:
    return text.encode("utf-8") + b"\r\n"


print(shout(GREETING), QUOTED, BOTH)
print(repr(ESCAPES), repr(CONTROL), ACCENTS, SCRIPTS)
print(SYMBOLS, repr(INVISIBLE), JOINED, RAW, MULTI)
print(BLOB, BLOB_QUOTE, BLOB_JOINED, repr(EMPTY))
print(describe("abracadabra"), encode("x"))
