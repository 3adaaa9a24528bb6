"""The kernel table's kernels as typed Python, compiled by mypyc.

The same code as core/wasmgen/testdata/bench/*.en.ml,
bench/harness/kernels/*.en.ml and the corpus's str kernels (text_hash and
xor_text of corpus/crypto/crypto.de.multi) with type hints (what mypyc
reads): bench/harness/peers.py copies this file into a build directory and
compiles it with ``python -m mypyc`` at bench time. Under
CPython it runs as is, so the tests check its results against the oracle.
"""

from typing import List


def fib(n: int) -> int:
    """The n-th Fibonacci number, recursively."""
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def loops(n: int) -> int:
    """Sum of (i * j) % 7 over 0 <= i, j < n."""
    s = 0
    for i in range(n):
        for j in range(n):
            s = s + (i * j) % 7
    return s


def matmul(n: int) -> float:
    """Sum of the product of two n x n float matrices on nested lists."""
    a: List[List[float]] = []
    b: List[List[float]] = []
    for i in range(n):
        ra = [0.0] * n
        rb = [0.0] * n
        for j in range(n):
            ra[j] = float(i + j) / n
            rb[j] = float(i - j) / n
        a.append(ra)
        b.append(rb)
    c = 0.0
    for i in range(n):
        ai = a[i]
        for j in range(n):
            s = 0.0
            for k in range(n):
                s = s + ai[k] * b[k][j]
            c = c + s
    return c


def sieve(n: int) -> int:
    """How many primes are at most n (sieve of Eratosthenes)."""
    flags = [True] * (n + 1)
    count = 0
    for i in range(2, n + 1):
        if flags[i]:
            count = count + 1
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return count


def listwalk(n: int) -> int:
    """Fills a list with (i * 7919) % 1009, then ten times adds x * r over
    it and subtracts each element again, walking it by index."""
    a: List[int] = []
    for i in range(n):
        a.append((i * 7919) % 1009)
    s = 0
    for r in range(1, 11):
        for x in a:
            s = s + x * r
        i = 0
        while i < len(a):
            s = s - a[i]
            i = i + 1
    return s


def expensive(n: int) -> int:
    """The guide's expensive_operation: sum of (i * i) // (i + 1) for i < n * n."""
    result = 0
    for i in range(n * n):
        result = result + (i * i) // (i + 1)
    return result


def strhash(s: str) -> int:
    """h = (h * 31 + code point) % 2**32 over the characters of s, from 0."""
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) % 2**32
    return h


def mandel(width: int, height: int, limit: int) -> int:
    """Sum of the escape-time counts (at most limit) of a width x height grid."""
    total = 0
    for j in range(height):
        y0 = -1.5 + 3.0 * j / height
        for i in range(width):
            x0 = -2.0 + 3.0 * i / width
            zx = 0.0
            zy = 0.0
            k = 0
            while k < limit and zx * zx + zy * zy <= 4.0:
                t = zx * zx - zy * zy + x0
                zy = 2.0 * zx * zy + y0
                zx = t
                k += 1
            total += k
    return total


def text_hash(text: str) -> int:
    """The corpus's text_hash: h = (h * 31 + code point) & 0xffffffff, from 0."""
    h = 0
    for c in text:
        h = (h * 31 + ord(c)) & 0xffffffff
    return h


def xor_text(text: str, key: str) -> str:
    """The corpus's xor_text: each code point XOR that of the repeating key."""
    assert len(key) > 0, "the key must not be empty"
    result = ""
    n = len(key)
    i = 0
    for c in text:
        result = result + chr(ord(c) ^ ord(key[i % n]))
        i += 1
    return result
