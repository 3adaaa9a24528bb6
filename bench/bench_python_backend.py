"""The Python backend against plain CPython (make bench-py).

Whole programs of the language run as generated Python: that must cost what
the same program costs written in Python by hand. Each program below is run
by CPython as written (exec of the English source) and through
``prog.run()`` (the generated module, French and English renderings),
round robin, best of several rounds, in one process; the ratios are
ours / CPython.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import time
from typing import Callable, Dict

import multilingualprogramming as mp

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

PROGRAMS = {
    "loops and dicts": '''
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


best = max(range(1, 20000), key=collatz_len)
words = {}
for i in range(20000):
    k = "w%d" % (i % 97)
    words[k] = words.get(k, 0) + i
print(best, len(words), sum(words.values()))
''',
    "classes and comprehensions": '''
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def norm2(self):
        return self.x * self.x + self.y * self.y


pts = [Vec(i % 17, i % 23) for i in range(20000)]
acc = Vec(0, 0)
for p in pts:
    acc = acc + p
stats = {k: sum(p.norm2() for p in pts if p.x == k) for k in range(17)}
print(acc.x, acc.y, f"{max(stats.values()):,}")
''',
}


def render(src: str, code: str) -> str:
    """The English program src printed in language code (tools/render)."""
    out = subprocess.run(["go", "run", "./tools/render", "-lang", code, "/dev/stdin"], input=src,
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return out.stdout


def best_of(fns: Dict[str, Callable[[], None]], rounds: int = 9) -> Dict[str, float]:
    best = {k: float("inf") for k in fns}
    for _ in range(rounds):
        for k, f in fns.items():
            t = time.perf_counter()
            f()
            best[k] = min(best[k], time.perf_counter() - t)
    return best


def main() -> None:
    print("Python backend against CPython (best of 9, round robin; %s)" % sys.version.split()[0])
    for name, src in PROGRAMS.items():
        code = compile(src, "<cpython>", "exec")
        fr = mp.compile_source(render(src, "fr"), language="fr")
        en = mp.compile_source(src, language="en")

        def cpython() -> None:
            exec(code, {"__name__": "__main__"})

        def quiet(f: Callable[[], object]) -> Callable[[], None]:
            def run() -> None:
                with contextlib.redirect_stdout(io.StringIO()):
                    f()
            return run

        best = best_of({"cpython": quiet(cpython), "en": quiet(en.run), "fr": quiet(fr.run)})
        print("  %-28s CPython %7.1f ms   prog.run() en %7.1f ms (%.2fx)   fr %7.1f ms (%.2fx)" % (
            name, best["cpython"] * 1e3, best["en"] * 1e3, best["en"] / best["cpython"],
            best["fr"] * 1e3, best["fr"] / best["cpython"]))


if __name__ == "__main__":
    main()
