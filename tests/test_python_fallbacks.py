"""The documented fallback families, checked against independent computations."""

import json
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multilingualprogramming.runtime import python_fallbacks as pf
from multilingualprogramming.runtime.python_fallbacks import (
    FALLBACK_REGISTRY,
    CryptoOperations,
    DataProcessing,
    ImageOperations,
    JSONOperations,
    MatrixOperations,
    NumericOperations,
    SearchOperations,
    StringOperations,
    get_fallback,
    has_fallback,
    list_fallbacks,
)

REGISTRY_NAMES = """matrix_multiply matrix_transpose matrix_determinant string_reverse
string_is_palindrome string_frequency string_longest_substring crypto_hash crypto_xor_encrypt
crypto_xor_decrypt data_filter data_map data_reduce data_group_by data_sort numeric_fibonacci
numeric_prime_factors numeric_gcd numeric_lcm numeric_factorial json_parse json_stringify
search_binary search_linear search_contains image_blur""".split()


def test_registry_names():
    assert list_fallbacks() == sorted(REGISTRY_NAMES)
    assert set(FALLBACK_REGISTRY) == set(REGISTRY_NAMES)


def test_bare_names_resolve():
    assert get_fallback("fibonacci") is NumericOperations.fibonacci
    assert get_fallback("matrix_multiply") is MatrixOperations.multiply
    assert has_fallback("gcd")
    assert not has_fallback("no_such_function")
    assert get_fallback("no_such_function") is None


def test_fibonacci():
    assert NumericOperations.fibonacci(-3) == []
    assert NumericOperations.fibonacci(0) == []
    assert NumericOperations.fibonacci(1) == [0]
    assert NumericOperations.fibonacci(2) == [0, 1]
    assert NumericOperations.fibonacci(10) == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
    seq = NumericOperations.fibonacci(100)
    assert all(seq[i] + seq[i + 1] == seq[i + 2] for i in range(98))


@given(st.integers(min_value=-10 ** 6, max_value=10 ** 6), st.integers(min_value=-10 ** 6, max_value=10 ** 6))
def test_gcd_lcm(a, b):
    assert NumericOperations.gcd(a, b) == math.gcd(a, b)
    assert NumericOperations.lcm(a, b) == math.lcm(a, b)


@given(st.integers(min_value=-5, max_value=10 ** 5))
def test_prime_factors(n):
    fs = NumericOperations.prime_factors(n)
    assert fs == sorted(fs)
    if n >= 2:
        assert math.prod(fs) == n
        assert all(all(p % d for d in range(2, math.isqrt(p) + 1)) for p in fs)
    else:
        assert fs == []


def test_factorial():
    assert [NumericOperations.factorial(k) for k in range(8)] == [math.factorial(k) for k in range(8)]
    assert NumericOperations.factorial(50) == math.factorial(50)
    with pytest.raises(ValueError):
        NumericOperations.factorial(-1)


def test_matrix_multiply_and_transpose():
    a = [[1, 2, 3], [4, 5, 6]]
    b = [[7, 8], [9, 10], [11, 12]]
    assert MatrixOperations.multiply(a, b) == [[58, 64], [139, 154]]
    assert MatrixOperations.transpose(a) == [[1, 4], [2, 5], [3, 6]]
    assert MatrixOperations.multiply([], []) == []
    with pytest.raises(ValueError):
        MatrixOperations.multiply(a, a)
    with pytest.raises(ValueError):
        MatrixOperations.transpose([[1, 2], [3]])


def test_matrix_multiply_same_with_and_without_numpy():
    pytest.importorskip("numpy")
    rng = random.Random(7)
    a = [[rng.uniform(-1e3, 1e3) for _ in range(24)] for _ in range(20)]
    b = [[rng.uniform(-1e3, 1e3) for _ in range(18)] for _ in range(24)]
    previous = pf.set_numpy_enabled(False)
    try:
        plain = MatrixOperations.multiply(a, b)
        pf.set_numpy_enabled(True)
        fast = MatrixOperations.multiply(a, b)
    finally:
        pf.set_numpy_enabled(previous)
    assert plain == fast  # bit-identical floats
    assert all(type(x) is float for row in fast for x in row)


@pytest.mark.parametrize("m, want", [
    ([], 1.0),
    ([[5]], 5.0),
    ([[1, 2], [3, 4]], -2.0),
    ([[2, 0, 0], [0, 3, 0], [0, 0, 4]], 24.0),
    ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 0.0),
    ([[0, 1], [1, 0]], -1.0),
])
def test_determinant(m, want):
    assert MatrixOperations.determinant(m) == pytest.approx(want, abs=1e-9)
    assert isinstance(MatrixOperations.determinant(m), float)


def test_determinant_large_matches_permutation_product():
    # An upper-triangular matrix with rows permuted: det = sign * product of the diagonal.
    n = 6
    upper = [[(i + 1) if i == j else (j - i if j > i else 0) for j in range(n)] for i in range(n)]
    swapped = [upper[1], upper[0]] + upper[2:]
    assert MatrixOperations.determinant(swapped) == pytest.approx(-math.factorial(n))
    with pytest.raises(ValueError):
        MatrixOperations.determinant([[1, 2, 3], [4, 5, 6]])


def test_strings():
    assert StringOperations.reverse("abc") == "cba"
    assert StringOperations.is_palindrome("A man, a plan, a canal: Panama")
    assert not StringOperations.is_palindrome("abc")
    assert StringOperations.character_frequency("Hello, World 1") == {
        "1": 1, "d": 1, "e": 1, "h": 1, "l": 3, "o": 2, "r": 1, "w": 1}
    assert list(StringOperations.character_frequency("cba")) == ["a", "b", "c"]
    assert StringOperations.longest_substring("aabxaaab", "ab") == 4
    assert StringOperations.longest_substring("", "ab") == 0


def test_crypto():
    h = 0
    for ch in "hello":
        h = (h * 31 + ord(ch)) % 2 ** 32
    assert CryptoOperations.simple_hash("hello") == h
    assert CryptoOperations.simple_hash("") == 0
    enc = CryptoOperations.xor_cipher("attack at dawn", "key")
    assert enc != "attack at dawn"
    assert CryptoOperations.xor_decipher(enc, "key") == "attack at dawn"
    assert ord(enc[0]) == ord("a") ^ ord("k")
    with pytest.raises(ValueError):
        CryptoOperations.xor_cipher("x", "")


def test_data_processing():
    data = [3, 1, 2, 5]
    assert DataProcessing.filter_data(data, lambda x: x > 1) == [3, 2, 5]
    assert DataProcessing.map_data(data, lambda x: x * 2) == [6, 2, 4, 10]
    assert DataProcessing.reduce_data(data, lambda a, b: a + b) == 11
    assert DataProcessing.reduce_data(data, lambda a, b: a + b, 10) == 21
    assert DataProcessing.reduce_data([], lambda a, b: a + b) is None
    assert DataProcessing.reduce_data([], lambda a, b: a + b, 7) == 7
    recs = [{"k": 1, "v": "a"}, {"k": 2}, {"v": "c"}, {"k": 1}]
    assert DataProcessing.group_by(recs, "k") == {1: [recs[0], recs[3]], 2: [recs[1]], None: [recs[2]]}
    assert DataProcessing.sort_data(data) == [1, 2, 3, 5]
    assert DataProcessing.sort_data(data, key=lambda x: -x) == [5, 3, 2, 1]
    assert DataProcessing.sort_data(data, reverse=True) == [5, 3, 2, 1]


@settings(max_examples=200)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20))
def test_json_round_trip(value):
    text = JSONOperations.stringify_json(value)
    assert text == json.dumps(value, separators=(",", ":"))
    assert JSONOperations.parse_json_simple(text) == value


@given(st.lists(st.integers(min_value=-50, max_value=50)), st.integers(min_value=-60, max_value=60))
def test_searches(items, target):
    s = sorted(items)
    i = SearchOperations.binary_search(s, target)
    if target in s:
        assert i == s.index(target)
    else:
        assert i == -1
    assert SearchOperations.linear_search(items, target) == (items.index(target) if target in items else -1)


def test_contains_substring():
    assert SearchOperations.contains_substring("hello world", "lo w")
    assert not SearchOperations.contains_substring("hello", "xyz")


def test_blur():
    img = [[0, 0, 0], [0, 9, 0], [0, 0, 0]]
    assert ImageOperations.blur_simple(img, 1) == img
    out = ImageOperations.blur_simple(img, 3)
    assert out[1][1] == 1                     # 9 // 9
    assert out[0][0] == 9 // 4                # corner window is clipped to 2x2
    assert out[0][1] == 9 // 6                # edge window is 2x3
    assert ImageOperations.blur_simple([], 3) == []


@settings(max_examples=50)
@given(st.lists(st.lists(st.integers(0, 255), min_size=4, max_size=4), min_size=1, max_size=5),
       st.integers(1, 4))
def test_blur_against_brute_force(img, k):
    out = ImageOperations.blur_simple(img, k)
    if k <= 1:
        assert out == img
        return
    h, w = len(img), len(img[0])
    before, after = k // 2, k - 1 - k // 2
    for y in range(h):
        for x in range(w):
            window = [img[yy][xx] for yy in range(h) for xx in range(w)
                      if y - before <= yy <= y + after and x - before <= xx <= x + after]
            assert out[y][x] == sum(window) // len(window)
