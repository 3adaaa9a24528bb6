"""The kernel table's kernels as typed Python, compiled by mypyc.

The same code as core/wasmgen/testdata/bench/*.en.ml with type hints (what
mypyc reads): bench/harness/peers.py copies this file into a build
directory and compiles it with ``python -m mypyc`` at bench time. Under
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


def expensive(n: int) -> int:
    """The guide's expensive_operation: sum of (i * i) // (i + 1) for i < n * n."""
    result = 0
    for i in range(n * n):
        result = result + (i * i) // (i + 1)
    return result
