"""Side-by-side figures for compiled strings (make bench-py).

The corpus's text_hash (German) and maior_sequencia (Portuguese) on
WebAssembly, with the str copied into linear memory on every call, next to
the generated Python fallback of the same source and the registry's
CPython functions; then the cost of passing a str in and out. Everything
runs in one process, one after the other, so that the ratios compare.
"""

from __future__ import annotations

import sys
import timeit

import multilingualprogramming as mp
from multilingualprogramming import _corpus, _native_loader
from multilingualprogramming.runtime.python_fallbacks import CryptoOperations, StringOperations


def best(fn, number=1, repeat=5):
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def row(label, seconds, base=None):
    ratio = "" if base is None else "  (%.1fx)" % (seconds / base)
    print("  %-44s %12.3f ms%s" % (label, seconds * 1e3, ratio))


def main():
    if _native_loader.native is None:
        sys.exit("the native extension is not available: %s" % _native_loader.native_reason)
    de = _corpus.load("crypto.de")
    pt = _corpus.load("search.pt")
    ascii_text = "the quick brown fox jumps over the lazy dog " * 25_000   # 1.1 MB
    mixed = "Grüße aus Köln, 東京 und 😀! " * 40_000                           # 1.1 M code points
    for label, text in (("ASCII, %d chars" % len(ascii_text), ascii_text),
                        ("non-ASCII, %d chars" % len(mixed), mixed)):
        assert de.call("text_hash", text, backend=mp.Backend.WASM) == CryptoOperations.simple_hash(text)
        print("text_hash, %s:" % label)
        wasm = best(lambda: de.call("text_hash", text, backend=mp.Backend.WASM))
        row("WebAssembly (str copied in)", wasm)
        row("generated Python fallback", best(lambda: de.call("text_hash", text,
                                                              backend=mp.Backend.PYTHON)), wasm)
        row("registry simple_hash (CPython)", best(lambda: CryptoOperations.simple_hash(text)), wasm)
    key = "k€y"
    for label, text in (("ASCII, %d chars" % len(ascii_text), ascii_text),
                        ("non-ASCII, %d chars" % len(mixed), mixed)):
        want = CryptoOperations.xor_cipher(text, key)
        assert de.call("xor_text", text, key, backend=mp.Backend.WASM) == want
        print("xor_text (a string built a character at a time), %s:" % label)
        wasm = best(lambda: de.call("xor_text", text, key, backend=mp.Backend.WASM))
        row("WebAssembly (str copied in and out)", wasm)
        row("generated Python fallback", best(lambda: de.call("xor_text", text, key,
                                                              backend=mp.Backend.PYTHON)), wasm)
        row("registry xor_cipher (CPython)", best(lambda: CryptoOperations.xor_cipher(text, key)), wasm)
    frase = ("abcab" * 10 + "xyz") * 20_000
    print("longest run of allowed characters, %d chars:" % len(frase))
    assert pt.maior_sequencia(frase, "abc") == StringOperations.longest_substring(frase, "abc")
    wasm = best(lambda: pt.call("maior_sequencia", frase, "abc", backend=mp.Backend.WASM))
    row("WebAssembly", wasm)
    row("generated Python fallback", best(lambda: pt.call("maior_sequencia", frase, "abc",
                                                          backend=mp.Backend.PYTHON)), wasm)
    row("registry longest_substring (CPython)",
        best(lambda: StringOperations.longest_substring(frase, "abc")), wasm)
    prog = mp.compile_source("def same(s: str) -> str:\n    return s\n\n"
                             "def size(s: str) -> int:\n    return len(s)\n", language="en")
    print("per call, a str in (and out):")
    for n in (10, 1000, 100_000):
        s = "é" * n
        number = 2000 if n <= 1000 else 50
        t_in = best(lambda: prog.size(s), number=number)
        t_out = best(lambda: prog.same(s), number=number)
        label = "%d non-ASCII chars" % n
        print("  %-44s %9.3f us in, %9.3f us in and out" % (label, t_in * 1e6, t_out * 1e6))


if __name__ == "__main__":
    main()
