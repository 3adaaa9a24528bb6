"""The string kernels of issue 18 side by side, each pass on and off.

The string hash ``h = (h * 31 + ord(c)) % 2**32`` over 1 MiB of text
(ASCII, and mixed text of 1 MiB of UTF-8) and the corpus's str kernels
text_hash and xor_text (crypto/crypto.de.multi), compiled by us without
optimization, with every pass, and with every pass but one of those that
serve them (strchars, carried, mulconst, wrapmod); against Cython (the
cdef-typed twins of bench/harness/typed/strings.pyx, Cython's default
directives) and natural C (bench/harness/c/str_hash.c and xor_text.c,
gcc -O2, the text read from a file, the call through a volatile function
pointer). Every round takes the backends in turn, and each cell keeps the
best time of all rounds, so that the ratios compare figures measured under
the same load. Our times include passing the str in (and, for xor_text,
out) through the Python call, which C does not pay.

xor_text runs on the first 64 Ki characters of each text: Cython's twin
(``result = result + chr(...)``) copies the string at each step, which is
quadratic, and would take minutes on 1 MiB.

Run: python bench/bench_str_kernels.py [--rounds N]
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from typing import Any, Callable, Dict, List, Optional, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import multilingualprogramming as mp  # noqa: E402
from multilingualprogramming import _native_loader  # noqa: E402
from harness.ckernels import CKernels  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYX = os.path.join(ROOT, "bench", "harness", "typed", "strings.pyx")
CRYPTO = os.path.join(ROOT, "python", "multilingualprogramming", "corpus", "crypto", "crypto.de.multi")

XOR_CHARS = 1 << 16

STR_HASH = """def str_hash(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) % 2**32
    return h
"""

# (label, compile options) of our variants
VARIANTS: List[Tuple[str, Dict[str, Any]]] = [
    ("ours, no optimization", {"optimize": False}),
    ("ours, optimize=True", {"optimize": True}),
    ("ours, without strchars", {"optimize": True, "disable": ["strchars"]}),
    ("ours, without carried", {"optimize": True, "disable": ["carried"]}),
    ("ours, without mulconst", {"optimize": True, "disable": ["mulconst"]}),
    ("ours, without wrapmod", {"optimize": True, "disable": ["wrapmod"]}),
    ("ours, without the four", {"optimize": True, "disable": ["strchars", "carried", "mulconst", "wrapmod"]}),
]


def best_call(fn: Callable[[], Any], number: int) -> Tuple[Any, float]:
    """The value of fn and the best of number timed calls."""
    value, best = None, float("inf")
    for _ in range(number):
        t0 = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t0)
    return value, best


def build_cython(work: str) -> Optional[Any]:
    """The Cython twins, built in work; None (with a note) when that fails."""
    target = os.path.join(work, "ml_bench_str_kernels.pyx")
    shutil.copyfile(PYX, target)
    cmd = [sys.executable, "-m", "Cython.Build.Cythonize", "-i", "-q", os.path.basename(target)]
    proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        print("note: the Cython build failed: %s" % (proc.stdout + proc.stderr).strip()[-300:])
        return None
    os.remove(target)
    sys.path.insert(0, work)
    try:
        importlib.invalidate_caches()
        return importlib.import_module("ml_bench_str_kernels")
    finally:
        sys.path.remove(work)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    if _native_loader.native is None:
        sys.exit("the native extension is not available: %s" % _native_loader.native_reason)
    ascii_text = ("the quick brown fox jumps over the lazy dog " * 24_000)[:1 << 20]
    mixed = ("Grüße aus Köln, 東京 und 😀! " * 40_000)
    mixed = mixed[:len(mixed) * (1 << 20) // len(mixed.encode("utf-8"))]
    texts = [("ASCII, %d chars" % len(ascii_text), ascii_text), ("mixed, %d chars" % len(mixed), mixed)]
    key = "k€y"
    with open(CRYPTO, encoding="utf-8") as f:
        crypto_src = f.read()
    ours: Dict[str, Dict[str, Any]] = {}
    for label, opts in VARIANTS:
        ours[label] = {"str": mp.compile_source(STR_HASH, language="en", **opts),
                       "crypto": mp.compile_source(crypto_src, language="de", **opts)}
    work = tempfile.mkdtemp(prefix="multilingual-strbench-")
    try:
        cy = build_cython(work)
        ck = CKernels()
        ck.build(["str_hash", "xor_text"])
        files = []
        for i, (_, text) in enumerate(texts):
            for name, part in (("text%d.txt" % i, text), ("xor%d.txt" % i, text[:XOR_CHARS])):
                with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                    f.write(part)
            files.append(os.path.join(work, "text%d.txt" % i))
        keyfile = os.path.join(work, "key.txt")
        with open(keyfile, "w", encoding="utf-8") as f:
            f.write(key)

        # cell -> (expected value, best seconds)
        cells: Dict[Tuple[str, str, str], float] = {}

        def keep(kernel: str, text: str, who: str, seconds: float) -> None:
            k = (kernel, text, who)
            cells[k] = min(cells.get(k, float("inf")), seconds)

        wants = []
        for _, text in texts:
            h = 0
            for ch in text:
                h = (h * 31 + ord(ch)) % 2**32
            xsum = sum(ord(ch) ^ ord(key[i % len(key)]) for i, ch in enumerate(text[:XOR_CHARS]))
            wants.append((h, xsum))
        for _ in range(args.rounds):
            for (tlabel, text), path, (want_hash, want_xor) in zip(texts, files, wants):
                xtext = text[:XOR_CHARS]
                xpath = os.path.join(work, os.path.basename(path).replace("text", "xor"))
                for label, _ in VARIANTS:
                    p = ours[label]
                    v, s = best_call(lambda: p["str"].call("str_hash", text, backend=mp.Backend.WASM), 3)
                    assert v == want_hash, (label, v, want_hash)
                    keep("str_hash", tlabel, label, s)
                    crypto = p["crypto"]
                    v2, s = best_call(lambda: crypto.call("text_hash", text, backend=mp.Backend.WASM), 3)
                    assert v2 == want_hash, (label, v2, want_hash)
                    keep("text_hash", tlabel, label, s)
                    v, s = best_call(lambda: crypto.call("xor_text", xtext, key, backend=mp.Backend.WASM), 2)
                    assert sum(map(ord, v)) == want_xor, label
                    keep("xor_text", tlabel, label, s)
                if cy is not None:
                    v, s = best_call(lambda: cy.str_hash(text), 3)
                    assert v == want_hash
                    keep("str_hash", tlabel, "Cython", s)
                    v, s = best_call(lambda: cy.text_hash(text), 3)
                    assert v == want_hash
                    keep("text_hash", tlabel, "Cython", s)
                    v, s = best_call(lambda: cy.xor_text(xtext, key), 2)
                    assert sum(map(ord, v)) == want_xor
                    keep("xor_text", tlabel, "Cython", s)
                if not ck.error("str_hash"):
                    m = ck.run("str_hash", [path], int, 0.2)
                    assert m.value == want_hash, (m.value, want_hash)
                    keep("str_hash", tlabel, "C -O2", m.seconds)
                    keep("text_hash", tlabel, "C -O2", m.seconds)  # the same computation
                if not ck.error("xor_text"):
                    m = ck.run("xor_text", [xpath, keyfile], int, 0.2)
                    assert m.value == want_xor, (m.value, want_xor)
                    keep("xor_text", tlabel, "C -O2", m.seconds)
        ck.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()
    print("best of %d interleaved rounds; load average %.2f %.2f %.2f on %d cores%s" % (
        args.rounds, load[0], load[1], load[2], os.cpu_count() or 0,
        " (shared machine: noisy)" if load[0] > (os.cpu_count() or 1) else ""))
    for kernel in ("str_hash", "text_hash", "xor_text"):
        for tlabel, _ in texts:
            part = ", first %d chars" % XOR_CHARS if kernel == "xor_text" else ""
            print("%s, %s%s:" % (kernel, tlabel, part))
            c = cells.get((kernel, tlabel, "C -O2"))
            cyt = cells.get((kernel, tlabel, "Cython"))
            for who in [v[0] for v in VARIANTS] + ["Cython", "C -O2"]:
                t = cells.get((kernel, tlabel, who))
                if t is None:
                    continue
                ratios = []
                if c:
                    ratios.append("%.2fx C" % (t / c))
                if cyt:
                    ratios.append("%.2fx Cython" % (t / cyt))
                print("  %-28s %9.3f ms  %s" % (who, t * 1e3, ", ".join(ratios)))


if __name__ == "__main__":
    main()
