"""Hand-written equivalents of the workloads with NumPy and the standard library.

What a Python programmer would write instead of the corpus code: each
function builds the same data as the corpus's driver and computes the same
value with vectorized NumPy or a C-backed standard module (zlib, json). The
results are exact, so they must equal the corpus's: the matrices hold
multiples of 0.5 whose sums are exact in any order, the Mandelbrot loop
does the corpus's float operations in its order, element by element.
NumPy is imported on first use, so that the harness runs without it.
"""

from __future__ import annotations

import importlib
import json
import zlib
from typing import Any, Tuple

Size = Tuple[int, ...]


def _np() -> Any:
    return importlib.import_module("numpy")


def pattern_bytes(n: int) -> bytes:
    """The n bytes 0, 1, ..., 255, 0, 1, ... of the crypto workloads."""
    block = bytes(range(256))
    return block * (n // 256) + block[: n % 256]


def matrix_numpy(size: Size) -> float:
    """somme_produit(n) with NumPy: the fixed matrices, a @ b, summed."""
    np = _np()
    n = size[0]
    i = np.arange(n, dtype=np.int64).reshape(n, 1)
    j = np.arange(n, dtype=np.int64).reshape(1, n)
    a = ((i * n + j) % 7).astype(np.float64) - 3.0
    b = ((i + 2 * j) % 5).astype(np.float64) * 0.5
    return float((a @ b).sum())


def adler32_zlib(size: Size) -> int:
    """pruefsumme_muster(n) with zlib.adler32."""
    return zlib.adler32(pattern_bytes(size[0]))


def hash_numpy(size: Size) -> int:
    """hash_muster(n) with NumPy: h = sum(b[i] * 31**(n-1-i)) mod 2**32.

    The powers of 31 wrap modulo 2**32 in uint32, the products and their
    sum modulo 2**64 in uint64; both moduli are multiples of 2**32.
    """
    np = _np()
    n = size[0]
    if n == 0:
        return 0
    data = np.frombuffer(pattern_bytes(n), dtype=np.uint8).astype(np.uint64)
    powers = np.empty(n, dtype=np.uint32)
    powers[0] = 1
    if n > 1:
        powers[1:] = np.cumprod(np.full(n - 1, 31, dtype=np.uint32), dtype=np.uint32)
    terms = data * powers[::-1].astype(np.uint64)
    return int(terms.sum(dtype=np.uint64)) % 4294967296


def xor_numpy(size: Size) -> int:
    """xor_muster(n) with NumPy: the bytes XOR the key "Key", summed."""
    np = _np()
    n = size[0]
    data = np.frombuffer(pattern_bytes(n), dtype=np.uint8)
    key = np.resize(np.array([75, 101, 121], dtype=np.uint8), n)
    return int((data ^ key).sum(dtype=np.int64))


def json_text(n: int) -> str:
    """The text prueba_enteros(n) writes: "[0, -1, 2, -3, ...]"."""
    return "[" + ", ".join(str(-k if k % 2 else k) for k in range(n)) + "]"


def json_stdlib(size: Size) -> int:
    """prueba_enteros(n) with json.loads: write, parse (which validates), sum."""
    values = json.loads(json_text(size[0]).encode("ascii"))
    return sum(values)


def blur_numpy(size: Size, radius: int = 1) -> int:
    """ぼかし検査(w, h, r) with NumPy: the window sums as (2r+1)**2 shifted
    slices of a zero-padded image, divided (floor) by the clipped window
    sizes."""
    np = _np()
    w, h = size[0], size[1]
    k = np.arange(w * h * 3, dtype=np.int64)
    rgb = ((k * 37 + k // 7) % 256).reshape(h * w, 3)
    gray = ((299 * rgb[:, 0] + 587 * rgb[:, 1] + 114 * rgb[:, 2]) // 1000).reshape(h, w)
    padded = np.zeros((h + 2 * radius, w + 2 * radius), dtype=np.int64)
    padded[radius:radius + h, radius:radius + w] = gray
    sums = np.zeros((h, w), dtype=np.int64)
    for dy in range(2 * radius + 1):
        for dx in range(2 * radius + 1):
            sums += padded[dy:dy + h, dx:dx + w]
    ys = np.arange(h)
    xs = np.arange(w)
    rows = np.minimum(h, ys + radius + 1) - np.maximum(0, ys - radius)
    cols = np.minimum(w, xs + radius + 1) - np.maximum(0, xs - radius)
    return int((sums // (rows.reshape(h, 1) * cols.reshape(1, w))).sum())


def sieve_numpy(size: Size) -> int:
    """crivello(n) with NumPy: a boolean array, multiples cleared by slices."""
    np = _np()
    n = size[0]
    if n < 3:
        return 0
    prime = np.ones(n, dtype=np.bool_)
    prime[:2] = False
    i = 2
    while i * i < n:
        if prime[i]:
            prime[i * i::i] = False
        i += 1
    return int(prime.sum())


def mandelbrot_numpy(size: Size, limit: int = 100) -> int:
    """कुल_पुनरावृत्तियाँ(w, h, limit) with NumPy: every point iterated at
    once, the points still inside the radius kept by index."""
    np = _np()
    w, h = size[0], size[1]
    x0 = np.tile(-2.0 + 3.0 * np.arange(w, dtype=np.float64) / w, h)
    y0 = np.repeat(-1.5 + 3.0 * np.arange(h, dtype=np.float64) / h, w)
    counts = np.zeros(w * h, dtype=np.int64)
    live = np.arange(w * h)
    zx = np.zeros(w * h)
    zy = np.zeros(w * h)
    cx, cy = x0, y0
    for _ in range(limit):
        inside = zx * zx + zy * zy <= 4.0
        if not inside.all():
            live, zx, zy, cx, cy = live[inside], zx[inside], zy[inside], cx[inside], cy[inside]
        if live.size == 0:
            break
        t = zx * zx - zy * zy + cx
        zy = 2.0 * zx * zy + cy
        zx = t
        counts[live] += 1
    return int(counts.sum())
