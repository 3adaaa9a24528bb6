"""The str methods lower(), upper(), strip(), split(), split(sep),
sep.join(parts), startswith(p) and endswith(p) compile (core/wasmgen/rt
strmethods.go). Case mapping, stripping and splitting follow Python's
Unicode rules, the ASCII ones for ASCII text: they run on WebAssembly for
ASCII text, and other text (accents, U+0085 and U+00A0, which Python
counts as whitespace) re-runs in Python; join, startswith and endswith
compare and copy whole strings, exact for any text. Each function gives
CPython's outcome (an empty separator's ValueError included) under AUTO
and in the Python fallback, and on WebAssembly for ASCII text. int(s) of a
str compiles too: decimal ASCII text within 64 bits runs on WebAssembly,
anything else (an invalid literal, a big number, other digits) re-runs in
Python."""

from typing import Any, List

from hypothesis import example, given, settings
from hypothesis import strategies as st

from multilingualprogramming import Backend
from support import check_calls_like_cpython, needs_native, outcome, program_and_cpython

SOURCE = """\
def lower(s: str) -> str:
    return s.lower()

def upper(s: str) -> str:
    return s.upper()

def strip(s: str) -> str:
    return s.strip()

def words(s: str) -> list[str]:
    return s.split()

def fields(s: str, sep: str) -> list[str]:
    return s.split(sep)

def joined(sep: str, parts: list[str]) -> str:
    return sep.join(parts)

def starts(s: str, p: str) -> bool:
    return s.startswith(p)

def ends(s: str, p: str) -> bool:
    return s.endswith(p)

def count_words(s: str) -> int:
    return len(s.split())

def normalize(s: str) -> str:
    return "-".join(s.strip().lower().split())

def reverse_words(s: str) -> str:
    return " ".join(reversed(s.split()))

def to_int(s: str) -> int:
    return int(s)

def digit_sum(n: int) -> int:
    return sum(int(d) for d in str(n))

def parse_total(line: str) -> int:
    return sum(int(f) for f in line.split(","))

def csv_total(line: str) -> int:
    total = 0
    for field in line.split(","):
        if field.strip().startswith("#"):
            continue
        total = total + len(field.strip())
    return total

def find(s: str, sub: str) -> int:
    return s.find(sub)

def count(s: str, sub: str) -> int:
    return s.count(sub)

def replace(s: str, old: str, new: str) -> str:
    return s.replace(old, new)

def tokens(text: str, mark: str) -> int:
    n = 0
    for w in text.replace(mark, " ").split():
        at = w.find("a")
        n = n * 7 + at + w.count("é")
    return n
"""

NAMES = ("lower", "upper", "strip", "words", "fields", "joined", "starts", "ends", "count_words",
         "normalize", "csv_total", "to_int", "digit_sum", "parse_total", "reverse_words",
         "find", "count", "replace", "tokens")
ASCII = st.text(alphabet=" \t\n\x0b\x0c\r\x1c\x1f#,;abAZz09", max_size=16)
OTHER = st.text(alphabet=" aZé€😀\x85\xa0\u1680\u2000\u200a\u200b\u2028\u202f\u205f\u3000\u180e\u3001,"
                "ÀÿµıſŸĲĳßŉİΣǅ日ा",
                max_size=8)
SEPS = st.sampled_from(["", ",", ";;", "a", "ab", " ", ",,", "é"])


#: The functions whose methods run on WebAssembly for any text (lower()
#: and upper() for text below U+0180 but ß, ŉ and İ, and for characters
#: without case: see latin_case).
ANY_TEXT = {"strip", "words", "fields", "joined", "starts", "ends", "count_words", "csv_total",
            "reverse_words", "find", "count", "replace", "tokens"}
CASED = {"lower", "upper", "normalize"}


def latin_case(t: str) -> bool:
    """Whether lower() and upper() of t run on WebAssembly: code points
    below U+0180 but ß, ŉ and İ, and characters without case outside the
    blocks that have some (core/wasmgen/rt strcase.go)."""
    blocks = ((0x180, 0x58F), (0x10A0, 0x10FF), (0x13A0, 0x13FF), (0x1C80, 0x1CBF), (0x1D00, 0x1FFF),
              (0x2100, 0x218F), (0x24B6, 0x24E9), (0x2C00, 0x2D2F), (0xA640, 0xA7FF), (0xAB30, 0xABBF),
              (0xFB00, 0xFB17), (0xFF21, 0xFF5A), (0x10400, 0x10FFF), (0x118A0, 0x118FF),
              (0x16E40, 0x16E9F), (0x1E900, 0x1E95F))
    return all(c not in "ßŉİ" and not any(lo <= ord(c) <= hi for lo, hi in blocks) for c in t)


def check(name: str, *args: Any) -> None:
    """CPython's outcome under AUTO and PYTHON, and on WebAssembly when
    every argument is ASCII or the function's methods run for any text
    (but for an empty separator of split or old of replace, which re-run
    in Python)."""
    texts = [a for a in args if isinstance(a, str)] + [x for a in args if isinstance(a, list) for x in a]
    wasm = (name in ANY_TEXT or all(t.isascii() for t in texts)
            or (name in CASED and all(map(latin_case, texts))))
    if wasm and not (name in ("fields", "replace") and args[1] == ""):
        check_calls_like_cpython(SOURCE, name, *args)
        return
    prog, ns = program_and_cpython(SOURCE)
    want = outcome(ns[name], *args)
    for backend in (Backend.AUTO, Backend.PYTHON):
        assert outcome(lambda *a: prog.call(name, *a, backend=backend), *args) == want, (name, args)


@needs_native
def test_they_compile() -> None:
    prog, _ = program_and_cpython(SOURCE)
    assert {n: f.reason for n, f in prog.functions.items() if not f.compilable} == {}
    assert prog.call("normalize", "  Hello  World ", timeout=20) == "hello-world"
    assert prog.last_report["backend"] == "wasm"
    assert prog.upper("é") == "É" and prog.last_report["backend"] == "wasm"
    assert prog.upper("straße") == "STRASSE" and prog.last_report["backend"] == "python"
    assert prog.lower("ΣΑΣ") == "σας" and prog.last_report["backend"] == "python"
    assert prog.lower("ÀÉÎÕÜ Ÿ ĀŁŃŠŽ 日本") == "àéîõü ÿ āłńšž 日本" and prog.last_report["backend"] == "wasm"
    # whitespace beyond ASCII: U+3000, U+00A0, U+2009
    assert prog.words("日本\u3000語 \xa0x\u2009") == ["日本", "語", "x"] and prog.last_report["backend"] == "wasm"
    assert prog.strip("\u3000 नमस्ते\u2028") == "नमस्ते" and prog.last_report["backend"] == "wasm"


@needs_native
@settings(max_examples=300, deadline=None)
@given(ASCII, OTHER, SEPS)
@example("  a b\t c  ", "é", ",")
@example("a,,b,", "\xa0a\x85", ",")
@example("abab", "", "ab")
def test_methods(s: str, u: str, sep: str) -> None:
    for t in (s, u, s + u):
        for name in ("lower", "upper", "strip", "words", "count_words", "normalize", "csv_total",
                     "reverse_words"):
            check(name, t)
        check("fields", t, sep)
        check("starts", t, sep)
        check("ends", t, sep)
        check("joined", sep, t.split(",") + [u])


@needs_native
@settings(max_examples=100, deadline=None)
@given(st.lists(ASCII, max_size=6), SEPS)
def test_join(parts: List[str], sep: str) -> None:
    check("joined", sep, parts)


NUMERIC = st.text(alphabet=" \t\n\x0b\x0c\r\x1c+-_0123456789a", max_size=12)


@needs_native
@settings(max_examples=400, deadline=None)
@given(NUMERIC, st.integers(-2**63, 2**63 - 1), st.lists(st.integers(-10**6, 10**6), max_size=5))
@example(" -9223372036854775808 ", 0, [])
@example("9223372036854775808", 0, [1])
@example("1_000", 5, [])
@example("\x1c3", 5, [])
@example("٣", 5, [])
def test_int_of_str(s: str, n: int, xs: List[int]) -> None:
    prog, ns = program_and_cpython(SOURCE)
    for name, args in (("to_int", (s,)), ("to_int", (str(n),)), ("digit_sum", (abs(n),)),
                       ("parse_total", (",".join(str(x) for x in xs) or "0",))):
        want = outcome(ns[name], *args)
        for backend in (Backend.AUTO, Backend.PYTHON):
            assert outcome(lambda *a: prog.call(name, *a, backend=backend), *args) == want, (name, args)
    # a number within 64 bits, as Python writes it, runs on WebAssembly
    assert prog.call("to_int", str(n), backend=Backend.WASM) == n


TEXT = st.text(alphabet="abaé€😀 \x00\xa0", max_size=24)
NEEDLE = st.text(alphabet="abaé€😀 \x00", max_size=3)


@needs_native
@settings(max_examples=400, deadline=None)
@given(TEXT, NEEDLE, NEEDLE)
@example("", "", "x")
@example("aaaa", "aa", "a")
@example("é€é€", "€", "")
@example("ab" * 40, "ab", "é😀")
def test_search_any_text(s: str, a: str, b: str) -> None:
    """find, count and replace run on WebAssembly for any text (matches of
    UTF-8 bytes are matches of code points; find counts code points
    before its match), but replace with an empty old, which re-runs in
    Python."""
    check_calls_like_cpython(SOURCE, "find", s, a)
    check_calls_like_cpython(SOURCE, "count", s, a)
    check("tokens", s, a or "é")
    if a:
        check_calls_like_cpython(SOURCE, "replace", s, a, b)
    else:
        check("replace", s, a, b)
    prog, _ = program_and_cpython(SOURCE)
    prog.call("find", s, a)
    assert prog.last_report["backend"] == "wasm"


@needs_native
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x17F), max_size=12), st.text(max_size=6))
@example("ĲĳŸÿµıſ", "")
@example("", "\u0345\u1e9e\uff21\U00010400")
def test_case_beyond_ascii(latin: str, any_text: str) -> None:
    """lower() and upper() below U+0180, every code point the table maps,
    on WebAssembly (but ß, ŉ and İ), and of any text under AUTO."""
    for t in (latin, any_text, latin + any_text):
        check("lower", t)
        check("upper", t)


@needs_native
def test_case_table_whole() -> None:
    """Every code point below U+0180, in one string, against CPython on
    WebAssembly; then the whole BMP outside the blocks with case, which
    stays as it is."""
    from multilingualprogramming import Backend
    prog, _ = program_and_cpython(SOURCE)
    latin = "".join(chr(c) for c in range(0x180) if chr(c) not in "ßŉİ")
    assert prog.call("lower", latin, backend=Backend.WASM) == latin.lower()
    assert prog.call("upper", latin, backend=Backend.WASM) == latin.upper()
    caseless = "".join(chr(c) for c in range(0x180, 0x10000)
                       if not 0xD800 <= c <= 0xDFFF and latin_case(chr(c)))
    assert caseless.lower() == caseless == caseless.upper()
    assert prog.call("lower", caseless, backend=Backend.WASM) == caseless
    assert prog.call("upper", caseless, backend=Backend.WASM) == caseless
