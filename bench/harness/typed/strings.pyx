# The string kernels of bench/bench_str_kernels.py with cdef C types, as a
# Cython user writes them (Cython's default directives): the string hash
# of issue 18 and the corpus's text_hash and xor_text (crypto.de.multi).

def str_hash(str s):
    # the modulus typed: a literal beyond 2**31 makes Cython compute the
    # remainder on Python ints (80 times slower here)
    cdef long long h = 0
    cdef long long m = 4294967296
    cdef Py_UCS4 c
    for c in s:
        h = (h * 31 + ord(c)) % m
    return h


def text_hash(str text):
    cdef long long h = 0
    cdef long long mask = 0xffffffff
    cdef Py_UCS4 c
    for c in text:
        h = (h * 31 + ord(c)) & mask
    return h


def xor_text(str text, str key):
    assert len(key) > 0, "the key must not be empty"
    cdef str result = ""
    cdef Py_ssize_t n = len(key)
    cdef Py_ssize_t i = 0
    cdef Py_UCS4 c
    for c in text:
        result = result + chr(ord(c) ^ ord(key[i % n]))
        i += 1
    return result
