"""Strings built and read one character at a time: `s[i]`, `ord(s[i])`,
`chr(n)`, `for c in s` and `r = r + c` take an inline path for ASCII
characters and the runtime's helpers for the others. Mixed texts (ASCII,
accented letters, CJK, emoji), negative and out-of-range indexes, code
points out of range and results that grow past the arena's 8-byte blocks
must give CPython's outcome, compiled and in the Python fallback."""

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import check_like_cpython, needs_native, outcome, with_and_without

SOURCE = """\
def xor_text(text: str, key: str) -> str:
    r = ""
    n = len(key)
    i = 0
    for c in text:
        r = r + chr(ord(c) ^ ord(key[i % n]))
        i += 1
    return r

def pick(s: str, i: int) -> str:
    return s[i] + s[-1 - i % (len(s) + 1)]

def codes(s: str, i: int) -> int:
    return ord(s[i]) * 1000003 + ord(s[i // 2])

def rebuild(s: str, k: int) -> str:
    r = ""
    for c in s:
        r += c
        if ord(c) % 5 == k % 5:
            r = r + chr(ord(c) + 1)
    return r + str(len(r))

def kept(s: str, k: int) -> str:
    r = ""
    t = ""
    for c in s:
        r = r + c
        if len(r) % 8 == k % 8:
            t = c + c + str(len(r))
    return r + "|" + t

def shared(s: str, k: int) -> str:
    r = ""
    t = ""
    for c in s:
        r = r + c
        if len(r) == k:
            t = r
    return r + "|" + t

def from_codes(n: int, step: int) -> str:
    r = "é"
    for i in range(n):
        r = r + chr((i * step) % 1114112)
    return r

def char(n: int) -> str:
    return chr(n)
"""


def _check(name: str, *args: Any) -> None:
    """CPython's outcome, compiled (check_like_cpython) and forced onto
    WebAssembly, where these functions cannot overflow."""
    from multilingualprogramming import Backend
    check_like_cpython(SOURCE, None, name, *args)
    prog, _, py = with_and_without(SOURCE, None)
    assert outcome(lambda *a: prog.call(name, *a, backend=Backend.WASM), *args) == outcome(py[name], *args)


TEXT = st.text(alphabet=st.sampled_from("abcXYZ 09~\x00\x7féàßΩ中文😀"), max_size=40)


@needs_native
@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
@example("Hallo Welt", "Geheimnis")
@example("é" * 9, "k")
@example("abc", "")
def test_xor_text(text: str, key: str) -> None:
    """The corpus's cipher: ASCII and other characters of text and key
    (ZeroDivisionError for an empty key, ValueError never: XOR of code
    points stays below 0x110000 here)."""
    _check("xor_text", text, key)


@needs_native
@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=-50, max_value=50))
@example("", 0)
@example("a", -1)
@example("aé", -2)
@example("aé", 2)
def test_indexing(s: str, i: int) -> None:
    """s[i] and ord(s[i]), i negative or out of range (IndexError)."""
    _check("pick", s, i)
    _check("codes", s, i)


@needs_native
@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=0, max_value=9))
@example("abcdefghijklmnopqrstuvwxyz", 1)
@example("ab😀cd", 3)
@example("abcdefghijklmnopqrstuvwxyz", 0)
@example("abcdéfghijklmnopqrstuvwxyz", 0)
def test_appends(s: str, k: int) -> None:
    """A string rebuilt by appending its characters and some others, and
    one appended to after another string was made behind it (which the
    append must then leave alone), its end on an 8-byte boundary or not."""
    _check("rebuild", s, k)
    _check("kept", s, k)
    _check("kept", s * 3, k)
    _check("shared", s, k)


@needs_native
@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=300), st.integers(min_value=-5000, max_value=5000))
@example(200, 1)
@example(40, 0x10FFFF)
@example(3, 0xD800)
def test_chr(n: int, step: int) -> None:
    """chr of ASCII and other code points appended one by one, and chr of
    values out of range (ValueError) or beyond a C int (OverflowError)."""
    _check("from_codes", n, step)
    for v in (0, 65, 127, 128, 0xE9, 0xD800, 0x10FFFF, 0x110000, -1, 2**31, 2**63 - 1, -2**63):
        _check("char", v)
