"""Polynomial string hashes (the compiler's "polyhash" pass, which takes
``for c in s: h = (h * K + g(ord(c))) % 2**w`` eight ASCII bytes at a
time): compiled to WebAssembly with the pass and without it, they give
the generated Python's result (the fallback backend) and CPython's, for
arbitrary text (surrogates included), multipliers, moduli, masks and
starting values."""

import os
from typing import Any, Dict, Tuple

from hypothesis import given, settings
from hypothesis import strategies as st

from support import ROOT, needs_native

# The updates: h's multiplier K and the term of the character, as source
# text with K and the reduction filled in.
SHAPES = {
    "plain": "(h * {k} + ord(c)) {red}",
    "left": "(ord(c) + {k} * h) {red}",
    "affine": "(h * {k} - 3 * ord(c) + 11) {red}",
    "invert": "(~ord(c) - h * {k}) {red}",
}

# The reductions: remainders by powers of two and masks, 2**1 to 2**63 - 1.
REDUCTIONS = ["% 2", "% 2**8", "& 0xff", "% 2**16", "% 2**31", "% 2**32", "& 0xffffffff",
              "% 2**33", "& (2**40 - 1)", "% 2**61", "& 0x7fffffffffffffff"]

_CACHE: Dict[Tuple[str, int, str], Tuple[Any, Any, Any]] = {}


def _programs(shape: str, k: int, red: str) -> Tuple[Any, Any, Any]:
    """The hash compiled with every pass, without polyhash, and CPython's
    function (compiled once per session)."""
    key = (shape, k, red)
    if key not in _CACHE:
        from multilingualprogramming import compile_source
        update = SHAPES[shape].format(k="(%d)" % k, red=red)
        src = "def f(s: str, h: int) -> int:\n    for c in s:\n        h = %s\n    return h\n" % update
        on = compile_source(src, language="en")
        off = compile_source(src, language="en", disable=["polyhash"])
        ns: Dict[str, Any] = {}
        exec(src.replace(": str", "").replace(": int", "").replace(" -> int", ""), ns)
        _CACHE[key] = (on, off, ns["f"])
    return _CACHE[key]


def _check(shape: str, k: int, red: str, text: str, h: int) -> None:
    """Both builds, run as WebAssembly, give the fallback's and CPython's
    value."""
    from multilingualprogramming import Backend
    on, off, py = _programs(shape, k, red)
    want = py(text, h)
    assert on.call("f", text, h, backend=Backend.PYTHON) == want
    for prog in (on, off):
        assert prog.call("f", text, h, backend=Backend.WASM) == want, (shape, k, red, prog is on)


# Text with long ASCII runs, as the pass's eight-byte steps need, and any
# other character now and then.
_ascii_runs = st.lists(st.one_of(st.text(alphabet=st.characters(max_codepoint=0x7f), min_size=1, max_size=40),
                                 st.text(max_size=3)), max_size=30).map("".join)

_small_k = st.sampled_from([0, 1, 3, 31, 33, 37, 131, 257, 323, 324, 400, 515, 65599])


@needs_native
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(SHAPES)), _small_k, st.sampled_from(REDUCTIONS),
       st.one_of(st.text(), _ascii_runs), st.integers(min_value=-2**63, max_value=2**63 - 1))
def test_polyhash_small_multipliers(shape: str, k: int, red: str, text: str, h: int) -> None:
    """Multipliers around the bound of the lanes (323), any text."""
    _check(shape, k, red, text, h)


@needs_native
@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=-2**40, max_value=2**40), st.sampled_from(REDUCTIONS),
       st.one_of(st.text(), _ascii_runs))
def test_polyhash_any_multiplier(k: int, red: str, text: str) -> None:
    """Any multiplier (a new module for each), any text."""
    _check("plain", k, red, text, 0)


@needs_native
def test_polyhash_takes_the_corpus_hash() -> None:
    """The corpus's text_hash (crypto.de.multi) steps over eight bytes
    (i64.ctz) with the pass, and not without it; it gives CPython's value."""
    from multilingualprogramming import compile_source
    path = os.path.join(ROOT, "python", "multilingualprogramming", "corpus", "crypto", "crypto.de.multi")
    with open(path, encoding="utf-8") as f:
        src = f.read()
    on = compile_source(src, language="de")
    off = compile_source(src, language="de", disable=["polyhash"])
    assert "i64.ctz" in on.wat() and "i64.ctz" not in off.wat()
    text = "Grüße aus Köln, 東京 und 😀! " * 50
    want = 0
    for c in text:
        want = (want * 31 + ord(c)) & 0xffffffff
    assert on.text_hash(text) == off.text_hash(text) == want
