"""A list changed by another thread while a compiled call runs is never lost.

Calls release the GIL, and list arguments are copied into WebAssembly and
back. When another thread changes a list that the call changes too, copying
it back would undo the other change silently (xs.clear() came back with
its 20,000 elements; xs[:] = [1, 2, 3] gave a torn list). The rule: such a
call raises RuntimeError and writes nothing back, so the other thread's
change stands; a list the call only read is not written back, so a change
to it simply stands and the call returns its result.
"""

import threading
import time

import pytest

import multilingualprogramming as mp

SOURCE = """
def f(xs: list[int], k: int) -> int:
    s = 0
    for r in range(k):
        for x in xs:
            s = s + x % 7
    xs[0] = -5
    return s

def g(xs: list[int], k: int) -> int:
    s = 0
    for r in range(k):
        for x in xs:
            s = s + x % 7
    return s
"""

N = 20000


@pytest.fixture(scope="module")
def prog():
    return mp.compile_source(SOURCE, language="en")


@pytest.fixture(scope="module")
def rounds(prog):
    """A k for which one call takes about a second (at least 0.8 s)."""
    k = 20
    while True:
        start = time.perf_counter()
        prog.f(list(range(N)), k)
        took = time.perf_counter() - start
        if took > 0.05:
            return max(k, int(k * 1.0 / took))
        k *= 4


def race(prog, name, xs, k, change, backend=mp.Backend.AUTO):
    """Call name(xs, k) in a thread and apply change(xs) 0.3 s later,
    while the call still runs: a call that ended before the change (the
    machine got faster since `rounds` was measured) is tried again, with
    xs as it was and a larger k."""
    original = list(xs)
    for _ in range(4):
        out = {}

        def run():
            try:
                out["result"] = prog.call(name, xs, k, backend=backend)
            except BaseException as exc:  # noqa: B902 - reported to the test
                out["error"] = exc

        t = threading.Thread(target=run)
        t.start()
        time.sleep(0.3)
        running = t.is_alive()
        change(xs)
        t.join(60)
        assert not t.is_alive()
        if running:
            return out
        xs[:] = original
        k *= 4
    pytest.fail("the call always ended within 0.3 s")


@pytest.mark.parametrize("backend", [mp.Backend.AUTO, mp.Backend.WASM])
def test_clear_during_the_call_stands(prog, rounds, backend):
    xs = list(range(N))
    out = race(prog, "f", xs, rounds, lambda xs: xs.clear(), backend)
    assert isinstance(out.get("error"), RuntimeError), out
    assert "list argument 1 changed during the call" in str(out["error"])
    assert xs == []


def test_replace_during_the_call_stands(prog, rounds):
    xs = list(range(N))

    def replace(xs):
        xs[:] = [1, 2, 3]

    out = race(prog, "f", xs, rounds, replace)
    assert isinstance(out.get("error"), RuntimeError), out
    assert xs == [1, 2, 3]


def test_same_length_change_is_a_conflict(prog, rounds):
    xs = list(range(N))

    def set5(xs):
        xs[5] = 99

    out = race(prog, "f", xs, rounds, set5)
    assert isinstance(out.get("error"), RuntimeError), out
    assert xs[0] == 0 and xs[5] == 99 and len(xs) == N


def test_list_the_call_only_reads(prog, rounds):
    xs = list(range(N))
    want = prog.g(list(range(N)), rounds)
    out = race(prog, "g", xs, rounds, lambda xs: xs.clear())
    assert out == {"result": want}
    assert xs == []


def test_no_other_change_copies_back(prog):
    xs = list(range(N))
    t = threading.Thread(target=prog.f, args=(xs, 3))
    t.start()
    t.join()
    assert xs[0] == -5 and xs[1:4] == [1, 2, 3] and len(xs) == N
