# The kernel table's kernels in Cython: the code of
# core/wasmgen/testdata/bench/*.en.ml with cdef C types, as a Cython user
# writes it, under Cython's default directives (bounds checks, wraparound,
# Python semantics for // and %). bench/harness/peers.py cythonizes and
# builds it at bench time.

from cython.view cimport array as cvarray


cpdef long long fib(long long n):
    """The n-th Fibonacci number, recursively."""
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def loops(long long n):
    """Sum of (i * j) % 7 over 0 <= i, j < n."""
    cdef long long s = 0
    cdef long long i, j
    for i in range(n):
        for j in range(n):
            s = s + (i * j) % 7
    return s


def matmul(long long n):
    """Sum of the product of two n x n float matrices."""
    cdef double[:, ::1] a = cvarray(shape=(n, n), itemsize=sizeof(double), format="d")
    cdef double[:, ::1] b = cvarray(shape=(n, n), itemsize=sizeof(double), format="d")
    cdef long long i, j, k
    cdef double c = 0.0
    cdef double s
    for i in range(n):
        for j in range(n):
            a[i, j] = <double>(i + j) / <double>n
            b[i, j] = <double>(i - j) / <double>n
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(n):
                s = s + a[i, k] * b[k, j]
            c = c + s
    return c


def sieve(long long n):
    """How many primes are at most n (sieve of Eratosthenes)."""
    cdef unsigned char[::1] flags = bytearray(b"\x01") * (n + 1)
    cdef long long count = 0
    cdef long long i, j
    for i in range(2, n + 1):
        if flags[i]:
            count = count + 1
            j = i * i
            while j <= n:
                flags[j] = 0
                j = j + i
    return count


def expensive(long long n):
    """The guide's expensive_operation: sum of (i * i) // (i + 1) for i < n * n."""
    cdef long long result = 0
    cdef long long i
    for i in range(n * n):
        result = result + (i * i) // (i + 1)
    return result
