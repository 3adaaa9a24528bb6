# The kernel table's kernels in Cython: the code of
# core/wasmgen/testdata/bench/*.en.ml, bench/harness/kernels/*.en.ml and the
# corpus's str kernels (text_hash, xor_text of corpus/crypto/crypto.de.multi)
# with cdef C types (Py_UCS4 for a character), as a Cython user
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


def listwalk(long long n):
    """Fills an array with (i * 7919) % 1009, then ten times adds x * r over
    it and subtracts each element again, walking it by index."""
    cdef long long[::1] a = cvarray(shape=(max(n, 1),), itemsize=sizeof(long long), format="q")
    cdef long long i, r, x
    cdef long long s = 0
    for i in range(n):
        a[i] = (i * 7919) % 1009
    for r in range(1, 11):
        for i in range(n):
            x = a[i]
            s = s + x * r
        i = 0
        while i < n:
            s = s - a[i]
            i = i + 1
    return s


def expensive(long long n):
    """The guide's expensive_operation: sum of (i * i) // (i + 1) for i < n * n."""
    cdef long long result = 0
    cdef long long i
    for i in range(n * n):
        result = result + (i * i) // (i + 1)
    return result


def strhash(str s):
    """h = (h * 31 + code point) % 2**32 over the characters of s, from 0."""
    # The modulus as a typed C constant: written inline, 2**32 (like
    # 4294967296) is a Python int to Cython, and every step would go
    # through Python objects (30x slower); a Cython user hoists it.
    cdef long long h = 0
    cdef long long m = 2**32
    cdef Py_UCS4 c
    for c in s:
        h = (h * 31 + ord(c)) % m
    return h


def mandel(long long width, long long height, long long limit):
    """Sum of the escape-time counts (at most limit) of a width x height grid."""
    cdef long long total = 0
    cdef long long i, j, k
    cdef double x0, y0, zx, zy, t
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


def text_hash(str text):
    """The corpus's text_hash: h = (h * 31 + code point) & 0xffffffff, from 0."""
    cdef long long h = 0
    cdef long long mask = 0xffffffff   # a typed C constant, as for strhash
    cdef Py_UCS4 c
    for c in text:
        h = (h * 31 + ord(c)) & mask
    return h


def xor_text(str text, str key):
    """The corpus's xor_text: each code point XOR that of the repeating key."""
    assert len(key) > 0, "the key must not be empty"
    cdef str result = ""
    cdef Py_ssize_t n = len(key)
    cdef Py_ssize_t i = 0
    cdef Py_UCS4 c
    for c in text:
        result = result + chr(ord(c) ^ ord(key[i % n]))
        i += 1
    return result
