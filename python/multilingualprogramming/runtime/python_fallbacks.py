"""Pure-Python implementations of the functions the backend selector serves.

Each family is a class of static methods (``MatrixOperations.multiply``);
``FALLBACK_REGISTRY`` maps the selector's function names
(``matrix_multiply``, ``numeric_fibonacci``, ...) to them. Everything here is
plain Python with no required dependency; where NumPy is installed,
``MatrixOperations.multiply`` uses it for large float inputs, and the
result (values and types) is the same as without it.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence

_np: Any
try:  # optional speed-up, never a different answer
    import numpy as _np
except ImportError:  # pragma: no cover - depends on the environment
    _np = None

__all__ = [
    "MatrixOperations", "StringOperations", "CryptoOperations", "DataProcessing",
    "NumericOperations", "JSONOperations", "SearchOperations", "ImageOperations",
    "FALLBACK_REGISTRY", "get_fallback", "has_fallback", "list_fallbacks",
    "resolve_name", "set_numpy_enabled",
]

Matrix = List[List[float]]

_use_numpy = _np is not None


def set_numpy_enabled(enabled: bool) -> bool:
    """Turn the optional NumPy path on or off; returns the previous setting.

    The tests use it to check both paths give identical results.
    """
    global _use_numpy
    previous = _use_numpy
    _use_numpy = bool(enabled) and _np is not None
    return previous


def _check_matrix(m: Sequence[Sequence[Any]], what: str) -> int:
    if not isinstance(m, (list, tuple)):
        raise TypeError("%s must be a list of rows" % what)
    width = len(m[0]) if m else 0
    for row in m:
        if not isinstance(row, (list, tuple)):
            raise TypeError("%s must be a list of rows" % what)
        if len(row) != width:
            raise ValueError("%s is ragged: rows of length %d and %d" % (what, width, len(row)))
    return width


class MatrixOperations:
    """Dense matrices as lists of rows."""

    @staticmethod
    def multiply(a: Sequence[Sequence[float]], b: Sequence[Sequence[float]]) -> Matrix:
        """The product a x b; ValueError when the inner sizes differ."""
        inner = _check_matrix(a, "a")
        cols = _check_matrix(b, "b")
        if a and inner != len(b):
            raise ValueError("cannot multiply %dx%d by %dx%d" % (len(a), inner, len(b), cols))
        if not a:
            return []
        # The NumPy path adds the products in the same order as the loop
        # below (k = 0, 1, ...), one multiply and one add per step with no
        # fused multiply-add, so every float is bit-identical; BLAS's dot
        # sums in another order and is not used. Int inputs stay on the
        # Python path, which keeps Python's unbounded ints.
        if _use_numpy and len(a) * inner * cols >= 4096 and _all_float(a) and _all_float(b):
            na = _np.asarray(a, dtype=float)
            nb = _np.asarray(b, dtype=float)
            acc = _np.zeros((len(a), cols))
            for k in range(inner):
                acc += _np.multiply.outer(na[:, k], nb[k, :])
            return acc.tolist()  # type: ignore[no-any-return, unused-ignore]
        bt = list(zip(*b)) if b else [()] * cols
        out: Matrix = []
        for row in a:
            out_row = []
            for col in bt:
                total: Any = 0
                for x, y in zip(row, col):
                    total += x * y
                out_row.append(total)
            out.append(out_row)
        return out

    @staticmethod
    def transpose(m: Sequence[Sequence[Any]]) -> List[List[Any]]:
        """Rows become columns."""
        _check_matrix(m, "m")
        return [list(col) for col in zip(*m)]

    @staticmethod
    def determinant(m: Sequence[Sequence[float]]) -> float:
        """The determinant of a square matrix of any size, as a float.

        Computed by Gaussian elimination with partial pivoting; an empty
        matrix has determinant 1.0.
        """
        n = _check_matrix(m, "m")
        if n != len(m):
            raise ValueError("determinant needs a square matrix, got %dx%d" % (len(m), n))
        a = [[float(x) for x in row] for row in m]
        det = 1.0
        for c in range(n):
            pivot = max(range(c, n), key=lambda r: abs(a[r][c]))
            if a[pivot][c] == 0.0:
                return 0.0
            if pivot != c:
                a[c], a[pivot] = a[pivot], a[c]
                det = -det
            det *= a[c][c]
            for r in range(c + 1, n):
                factor = a[r][c] / a[c][c]
                if factor != 0.0:
                    for k in range(c, n):
                        a[r][k] -= factor * a[c][k]
        return det


def _all_float(m: Sequence[Sequence[Any]]) -> bool:
    return all(type(x) is float for row in m for x in row)


class StringOperations:
    """Text utilities."""

    @staticmethod
    def reverse(s: str) -> str:
        """The characters of s in reverse order."""
        return s[::-1]

    @staticmethod
    def is_palindrome(s: str) -> bool:
        """Whether s reads the same both ways, ignoring case and non-alphanumerics."""
        kept = [ch.lower() for ch in s if ch.isalnum()]
        return kept == kept[::-1]

    @staticmethod
    def character_frequency(s: str) -> Dict[str, int]:
        """Counts of the lower-cased alphanumeric characters, keys in sorted order."""
        counts: Dict[str, int] = {}
        for ch in s.lower():
            if ch.isalnum():
                counts[ch] = counts.get(ch, 0) + 1
        return {k: counts[k] for k in sorted(counts)}

    @staticmethod
    def longest_substring(s: str, chars: Iterable[str]) -> int:
        """Length of the longest run of characters of s that all belong to chars."""
        allowed = set(chars)
        best = run = 0
        for ch in s:
            run = run + 1 if ch in allowed else 0
            best = max(best, run)
        return best


class CryptoOperations:
    """Toy hashing and XOR ciphers over code points (not for real security)."""

    @staticmethod
    def simple_hash(data: str) -> int:
        """h = (h * 31 + code point) mod 2**32 over the characters, from 0."""
        h = 0
        for ch in data:
            h = (h * 31 + ord(ch)) & 0xFFFFFFFF
        return h

    @staticmethod
    def xor_cipher(text: str, key: str) -> str:
        """Each code point XOR the code point of the repeating key."""
        if not key:
            raise ValueError("the key must not be empty")
        return "".join(chr(ord(c) ^ ord(key[i % len(key)])) for i, c in enumerate(text))

    @staticmethod
    def xor_decipher(text: str, key: str) -> str:
        """The inverse of xor_cipher, which is xor_cipher itself."""
        return CryptoOperations.xor_cipher(text, key)


class DataProcessing:
    """Functional helpers over lists."""

    @staticmethod
    def filter_data(data: Iterable[Any], predicate: Callable[[Any], Any]) -> List[Any]:
        """The items for which predicate is true, in order."""
        return [x for x in data if predicate(x)]

    @staticmethod
    def map_data(data: Iterable[Any], transform: Callable[[Any], Any]) -> List[Any]:
        """transform applied to every item, in order."""
        return [transform(x) for x in data]

    @staticmethod
    def reduce_data(data: Iterable[Any], combine: Callable[[Any, Any], Any],
                    initial: Any = None) -> Any:
        """Fold data with combine; without initial, start from the first item.

        Empty data returns initial (None when not given).
        """
        it = iter(data)
        if initial is None:
            try:
                acc = next(it)
            except StopIteration:
                return None
        else:
            acc = initial
        for x in it:
            acc = combine(acc, x)
        return acc

    @staticmethod
    def group_by(records: Iterable[Dict[str, Any]], key: str) -> Dict[Any, List[Dict[str, Any]]]:
        """Records grouped by the value of key; a missing key groups under None."""
        groups: Dict[Any, List[Dict[str, Any]]] = {}
        for r in records:
            groups.setdefault(r.get(key), []).append(r)
        return groups

    @staticmethod
    def sort_data(data: Iterable[Any], key: Optional[Callable[[Any], Any]] = None,
                  reverse: bool = False) -> List[Any]:
        """A new sorted list (stable)."""
        return sorted(data, key=key, reverse=reverse)


class NumericOperations:
    """Integer sequences and number theory."""

    @staticmethod
    def fibonacci(n: int) -> List[int]:
        """The first n Fibonacci numbers: [] for n <= 0, [0], [0, 1], [0, 1, 1], ..."""
        out: List[int] = []
        a, b = 0, 1
        for _ in range(max(n, 0)):
            out.append(a)
            a, b = b, a + b
        return out

    @staticmethod
    def prime_factors(n: int) -> List[int]:
        """Prime factors of n in ascending order, with multiplicity ([] for n < 2)."""
        out: List[int] = []
        d = 2
        while d * d <= n:
            while n % d == 0:
                out.append(d)
                n //= d
            d += 1 if d == 2 else 2
        if n >= 2:
            out.append(n)
        return out

    @staticmethod
    def gcd(a: int, b: int) -> int:
        """Greatest common divisor, non-negative (gcd(0, 0) == 0)."""
        a, b = abs(a), abs(b)
        while b:
            a, b = b, a % b
        return a

    @staticmethod
    def lcm(a: int, b: int) -> int:
        """Least common multiple, non-negative (0 when either is 0)."""
        if a == 0 or b == 0:
            return 0
        return abs(a * b) // NumericOperations.gcd(a, b)

    @staticmethod
    def factorial(n: int) -> int:
        """n!; ValueError for negative n."""
        if n < 0:
            raise ValueError("factorial() not defined for negative values")
        out = 1
        for k in range(2, n + 1):
            out *= k
        return out


class JSONOperations:
    """JSON text to Python values and back."""

    @staticmethod
    def parse_json_simple(text: str) -> Any:
        """The value encoded by text (json.JSONDecodeError, a ValueError, when invalid)."""
        return json.loads(text)

    @staticmethod
    def stringify_json(obj: Any) -> str:
        """Compact JSON text for obj."""
        return json.dumps(obj, separators=(",", ":"))


class SearchOperations:
    """Searching lists and text."""

    @staticmethod
    def binary_search(sorted_list: Sequence[Any], target: Any) -> int:
        """Index of target in an ascending list, or -1 (the lowest index among equals)."""
        lo, hi = 0, len(sorted_list)
        while lo < hi:
            mid = (lo + hi) // 2
            if sorted_list[mid] < target:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(sorted_list) and sorted_list[lo] == target:
            return lo
        return -1

    @staticmethod
    def linear_search(items: Sequence[Any], target: Any) -> int:
        """Index of the first item equal to target, or -1."""
        for i, x in enumerate(items):
            if x == target:
                return i
        return -1

    @staticmethod
    def contains_substring(text: str, pattern: str) -> bool:
        """Whether pattern occurs in text."""
        return pattern in text


class ImageOperations:
    """Images as lists of rows of integer pixels."""

    @staticmethod
    def blur_simple(pixels: Sequence[Sequence[int]], kernel_size: int = 3) -> List[List[int]]:
        """Box blur: each pixel becomes the floor of the mean of its window.

        The window is kernel_size x kernel_size centred on the pixel (an even
        size reaches one further up and left). At the edges the window is
        clipped to the image: only pixels inside it are averaged, so the
        image keeps its size and no value is invented. kernel_size <= 1
        returns a copy of the input.
        """
        _check_matrix(pixels, "pixels")
        if kernel_size <= 1:
            return [list(row) for row in pixels]
        h = len(pixels)
        w = len(pixels[0]) if h else 0
        before = kernel_size // 2
        after = kernel_size - 1 - before
        out: List[List[int]] = []
        for y in range(h):
            y0, y1 = max(0, y - before), min(h, y + after + 1)
            row_out = []
            for x in range(w):
                x0, x1 = max(0, x - before), min(w, x + after + 1)
                total = 0
                for yy in range(y0, y1):
                    total += sum(pixels[yy][x0:x1])
                row_out.append(total // ((y1 - y0) * (x1 - x0)))
            out.append(row_out)
        return out


FALLBACK_REGISTRY: Dict[str, Callable[..., Any]] = {
    "matrix_multiply": MatrixOperations.multiply,
    "matrix_transpose": MatrixOperations.transpose,
    "matrix_determinant": MatrixOperations.determinant,
    "string_reverse": StringOperations.reverse,
    "string_is_palindrome": StringOperations.is_palindrome,
    "string_frequency": StringOperations.character_frequency,
    "string_longest_substring": StringOperations.longest_substring,
    "crypto_hash": CryptoOperations.simple_hash,
    "crypto_xor_encrypt": CryptoOperations.xor_cipher,
    "crypto_xor_decrypt": CryptoOperations.xor_decipher,
    "data_filter": DataProcessing.filter_data,
    "data_map": DataProcessing.map_data,
    "data_reduce": DataProcessing.reduce_data,
    "data_group_by": DataProcessing.group_by,
    "data_sort": DataProcessing.sort_data,
    "numeric_fibonacci": NumericOperations.fibonacci,
    "numeric_prime_factors": NumericOperations.prime_factors,
    "numeric_gcd": NumericOperations.gcd,
    "numeric_lcm": NumericOperations.lcm,
    "numeric_factorial": NumericOperations.factorial,
    "json_parse": JSONOperations.parse_json_simple,
    "json_stringify": JSONOperations.stringify_json,
    "search_binary": SearchOperations.binary_search,
    "search_linear": SearchOperations.linear_search,
    "search_contains": SearchOperations.contains_substring,
    "image_blur": ImageOperations.blur_simple,
}

# Bare names as the guide uses them: "fibonacci" is numeric_fibonacci,
# "multiply" is matrix_multiply. A bare name resolves only when exactly one
# registry entry ends with it, or when it is a method name of one family.
_ALIASES: Dict[str, str] = {
    "multiply": "matrix_multiply", "transpose": "matrix_transpose",
    "determinant": "matrix_determinant", "reverse": "string_reverse",
    "is_palindrome": "string_is_palindrome", "character_frequency": "string_frequency",
    "longest_substring": "string_longest_substring", "simple_hash": "crypto_hash",
    "xor_cipher": "crypto_xor_encrypt", "xor_decipher": "crypto_xor_decrypt",
    "filter_data": "data_filter", "map_data": "data_map", "reduce_data": "data_reduce",
    "group_by": "data_group_by", "sort_data": "data_sort", "fibonacci": "numeric_fibonacci",
    "prime_factors": "numeric_prime_factors", "gcd": "numeric_gcd", "lcm": "numeric_lcm",
    "factorial": "numeric_factorial", "parse_json_simple": "json_parse",
    "stringify_json": "json_stringify", "binary_search": "search_binary",
    "linear_search": "search_linear", "contains_substring": "search_contains",
    "blur_simple": "image_blur", "blur": "image_blur",
}


def resolve_name(name: str) -> Optional[str]:
    """The registry name for name ("fibonacci" -> "numeric_fibonacci"), or None."""
    if name in FALLBACK_REGISTRY:
        return name
    return _ALIASES.get(name)


def get_fallback(name: str) -> Optional[Callable[..., Any]]:
    """The fallback registered as name (or a bare alias of it), or None."""
    key = resolve_name(name)
    return FALLBACK_REGISTRY.get(key) if key is not None else None


def has_fallback(name: str) -> bool:
    """Whether get_fallback(name) finds a function."""
    return get_fallback(name) is not None


def list_fallbacks() -> List[str]:
    """The registry names, sorted."""
    return sorted(FALLBACK_REGISTRY)
