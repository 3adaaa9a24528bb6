"""The compiler runs without the GIL: other Python threads go on while a
large program compiles (issue "Reliability", item 1).

A thread counts in a loop while the main thread compiles a program of a few
hundred functions (about a quarter of a second of compile). With the GIL
held for the whole compile, the counter stood still for all of it; released,
it advances throughout.
"""

import threading
import time

import multilingualprogramming as mp


def _big_program(n: int) -> str:
    parts = []
    for i in range(n):
        parts.append("def f%d(a: int, b: int) -> int:\n"
                     "    s = 0\n"
                     "    for i in range(a):\n"
                     "        if i %% 3 == %d:\n"
                     "            s = s + i * b - %d\n"
                     "        elif i %% 5 == 1:\n"
                     "            s = s - b\n"
                     "    return s\n\n" % (i, i % 3, i))
    return "".join(parts)


def test_other_threads_run_during_a_compile():
    source = _big_program(400)
    started = time.perf_counter()
    mp.compile_source(source, language="en")
    alone = time.perf_counter() - started

    counts = []
    stop = threading.Event()

    def count():
        n = 0
        while not stop.is_set():
            n += 1
            if n % 1000 == 0:
                counts.append(time.perf_counter())
                time.sleep(0)

    t = threading.Thread(target=count)
    t.start()
    try:
        time.sleep(0.05)
        before = len(counts)
        begin = time.perf_counter()
        prog = mp.compile_source(source, language="en")
        end = time.perf_counter()
        during = [c for c in counts[before:] if begin <= c <= end]
    finally:
        stop.set()
        t.join(5)
    assert prog.f1(10, 2) == prog.call("f1", 10, 2, backend="python")
    assert alone > 0.02, "the program compiles too fast to tell (%.3f s)" % alone
    # The counting thread ran throughout the compile, not only before and
    # after it: it ticked in each fifth of the compile's time.
    width = (end - begin) / 5
    buckets = {int((c - begin) / width) for c in during}
    assert len(buckets & {0, 1, 2, 3, 4}) >= 4, (
        "counter ticks during a %.3f s compile: %d, in fifths %s"
        % (end - begin, len(during), sorted(buckets)))
