"""The workloads: what each benchmark computes, at which sizes, on what.

A workload names a corpus program and its *scalar driver*, a function with
int arguments that builds its own data and runs the corpus kernels on it
(``somme_produit(n)``, ``pruefsumme_muster(n)``, ...). When the corpus has no
such driver (the simple hash and the XOR stream), the harness appends one,
written in the program's language, to the corpus source and compiles that.

A workload may also have a *list variant*: the same computation made of
calls to the corpus's list-taking functions on data built beforehand in
Python (``multiplier(a, b)`` on two lists of rows). Once lists cross the
bridge those functions compile, and the WebAssembly column then times the
list call itself, copies in and out included. Both forms return the same
value, so every column of a row can be checked against every other.

Sizes are tuples of ints: ``(n,)`` or ``(width, height)``. ``cost`` gives
the amount of work of a size, up to a constant, for extrapolating the time
of a size too slow to run from the time of a smaller one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from . import reference as _reference

Size = Tuple[int, ...]
Getter = Callable[[str], Callable[..., Any]]

KIB = 1024
MIB = 1024 * 1024

#: The key of the XOR stream workload: the bytes of "Key".
XOR_KEY = [75, 101, 121]
#: The radius of the box blur.
BLUR_RADIUS = 1
#: The iteration limit of the Mandelbrot workload.
MANDEL_LIMIT = 100

# Drivers the corpus lacks, appended to crypto.de.multi (German, like it).
CRYPTO_DRIVERS = """

def hash_muster(n: ganz) -> ganz:
    # Benchmark: einfacher_hash der n Bytes 0, 1, ..., 255, 0, 1, ...
    daten = []
    für i in bereich(n):
        daten.append(i % 256)
    rückgabe einfacher_hash(daten)

def xor_muster(n: ganz) -> ganz:
    # Benchmark: die n Bytes 0, 1, ..., 255, 0, ... XOR der Schlüssel "Key",
    # die Bytes des Ergebnisses summiert.
    daten = []
    für i in bereich(n):
        daten.append(i % 256)
    summe = 0
    für v in xor_strom(daten, [75, 101, 121]):
        summe += v
    rückgabe summe
"""


@dataclass(frozen=True)
class ListVariant:
    """The workload as calls of list-taking corpus functions.

    ``prepare(size)`` builds the arguments in Python (not timed);
    ``run(get, *data)`` makes the calls, getting each function by name from
    ``get``, and returns what the scalar driver returns.
    """

    functions: Tuple[str, ...]
    prepare: Callable[[Size], Tuple[Any, ...]]
    run: Callable[..., Any]


@dataclass(frozen=True)
class CKernel:
    """A C program of bench/harness/c: ``<stem> ARGS... REPEAT`` prints the result
    and the best time per call in milliseconds."""

    stem: str
    args: Callable[[Size], List[str]]
    parse: Callable[[str], Any]


@dataclass(frozen=True)
class Workload:
    """One benchmark: a corpus driver, its sizes and its equivalents."""

    key: str
    title: str
    program: str                 # corpus program, "numeric.it"
    driver: str                  # the scalar driver's name in the program
    args: Callable[[Size], Tuple[Any, ...]]
    sizes: Tuple[Size, ...]
    quick_sizes: Tuple[Size, ...]
    cost: Callable[[Size], float]
    label: Callable[[Size], str]
    x_value: Callable[[Size], float]
    x_label: str
    what: str                    # one sentence: what is computed
    extra_source: str = ""       # drivers appended to the corpus source
    list_variant: Optional[ListVariant] = None
    reference: Optional[Tuple[str, Callable[[Size], Any]]] = None
    c_kernel: Optional[CKernel] = None
    c_note: str = ""
    sweep: Tuple[Size, ...] = ()
    quick_sweep: Tuple[Size, ...] = ()
    x_log: bool = True           # fib's sizes are better on a linear axis

    def sizes_for(self, quick: bool) -> Tuple[Size, ...]:
        """The sizes of the main table."""
        return self.quick_sizes if quick else self.sizes

    def sweep_for(self, quick: bool) -> Tuple[Size, ...]:
        """The small sizes measured to find the break-even point."""
        return self.quick_sweep if quick else self.sweep


# ---- sizes and labels ----

def _bytes_label(n: int) -> str:
    if n >= MIB and n % MIB == 0:
        return "%d MiB" % (n // MIB)
    if n >= KIB and n % KIB == 0:
        return "%d KiB" % (n // KIB)
    return "%d B" % n


def json_text_length(n: int) -> int:
    """The length in bytes of the text prueba_enteros(n) writes:
    "[0, -1, 2, ...]" with n numbers."""
    digits = 0
    low, width = 0, 1
    while low < n:
        high = min(n, 10 ** width)
        digits += (high - low) * width
        low, width = high, width + 1
    return 2 + 2 * max(n - 1, 0) + digits + n // 2


def json_count_for(nbytes: int) -> int:
    """The largest n whose JSON text is at most nbytes long."""
    low, high = 0, max(nbytes, 1)
    while low < high:
        mid = (low + high + 1) // 2
        if json_text_length(mid) <= nbytes:
            low = mid
        else:
            high = mid - 1
    return low


def _json_label(size: Size) -> str:
    nbytes = json_text_length(size[0])
    if nbytes >= 1000 * KIB:
        text = "%.1f MiB" % (nbytes / MIB)
    elif nbytes >= KIB:
        text = "%.1f KiB" % (nbytes / KIB)
    else:
        text = "%d B" % nbytes
    return "%s (%d numbers)" % (text, size[0])


def _power_label(n: int) -> str:
    """10^7 for 10000000; other numbers as they are."""
    power = 0
    while n >= 10 and n % 10 == 0:
        n //= 10
        power += 1
    if n == 1 and power >= 4:
        return "10^%d" % power
    return str(n * 10 ** power)


def _pixels_label(size: Size) -> str:
    return "%dx%d" % (size[0], size[1])


# ---- list variants (used once lists cross the bridge) ----

def _pattern_bytes(size: Size) -> Tuple[Any, ...]:
    return ([i % 256 for i in range(size[0])],)


def _matrix_lists(size: Size) -> Tuple[Any, ...]:
    n = size[0]
    a = [[float((i * n + j) % 7) - 3.0 for j in range(n)] for i in range(n)]
    b = [[float((i + 2 * j) % 5) * 0.5 for j in range(n)] for i in range(n)]
    return a, b


def _sum_rows(rows: Sequence[Sequence[float]]) -> float:
    total = 0.0
    for row in rows:
        for x in row:
            total += x
    return total


def _json_bytes(size: Size) -> Tuple[Any, ...]:
    return (list(_reference.json_text(size[0]).encode("ascii")),)


def _json_run(get: Getter, text: List[int]) -> int:
    if not get("validar_json")(text):
        return -1
    return sum(get("analizar_enteros")(text))


def _rgb(size: Size) -> Tuple[Any, ...]:
    w, h = size
    return ([(k * 37 + k // 7) % 256 for k in range(w * h * 3)], w, h)


def _blur_run(get: Getter, rgb: List[int], w: int, h: int) -> int:
    gray = get("グレースケール")(rgb, w, h)
    return sum(get("箱ぼかし")(gray, w, h, BLUR_RADIUS))


# ---- the workloads ----

def _c_int(text: str) -> Any:
    return int(text)


def _c_float(text: str) -> Any:
    return float(text)


WORKLOADS: Tuple[Workload, ...] = (
    Workload(
        key="matrix", title="Matrix multiply (n x n floats)",
        program="matrix.fr", driver="somme_produit", args=lambda s: (s[0],),
        sizes=((10,), (100,), (300,), (1000,)), quick_sizes=((4,), (12,)),
        cost=lambda s: float(s[0]) ** 3 + 10.0 * s[0] ** 2, label=lambda s: "%d" % s[0],
        x_value=lambda s: float(s[0]), x_label="n",
        what="builds two fixed n x n matrices as lists of rows, multiplies them "
             "(i-j-k loop) and sums the product",
        list_variant=ListVariant(("multiplier",), _matrix_lists,
                                 lambda get, a, b: _sum_rows(get("multiplier")(a, b))),
        reference=("NumPy a @ b", _reference.matrix_numpy),
        c_kernel=CKernel("product_sum", lambda s: [str(s[0])], _c_float),
        c_note="flat row-major buffers",
        sweep=tuple((n,) for n in (1, 2, 3, 4, 6, 8, 12, 16, 24, 32)),
        quick_sweep=((1,), (2,), (4,)),
    ),
    Workload(
        key="adler32", title="Crypto: Adler-32",
        program="crypto.de", driver="pruefsumme_muster", args=lambda s: (s[0],),
        sizes=((KIB,), (64 * KIB,), (MIB,), (8 * MIB,)), quick_sizes=((64,), (KIB,)),
        cost=lambda s: float(s[0]) + 50.0, label=lambda s: _bytes_label(s[0]),
        x_value=lambda s: float(s[0]), x_label="bytes",
        what="Adler-32 of the bytes i % 256 (one modulo per byte, as zlib defines it)",
        list_variant=ListVariant(("adler32",), _pattern_bytes,
                                 lambda get, data: get("adler32")(data)),
        reference=("zlib.adler32", _reference.adler32_zlib),
        c_kernel=CKernel("adler32", lambda s: [str(s[0])], _c_int),
        sweep=tuple((n,) for n in (1, 4, 16, 64, 256, 1024, 4096)),
        quick_sweep=((1,), (16,), (256,)),
    ),
    Workload(
        key="hash", title="Crypto: simple hash",
        program="crypto.de", driver="hash_muster", args=lambda s: (s[0],),
        sizes=((KIB,), (64 * KIB,), (MIB,)), quick_sizes=((64,), (KIB,)),
        cost=lambda s: float(s[0]) + 50.0, label=lambda s: _bytes_label(s[0]),
        x_value=lambda s: float(s[0]), x_label="bytes",
        what="einfacher_hash: h = (h * 31 + b) mod 2**32 over the bytes i % 256",
        extra_source=CRYPTO_DRIVERS,
        list_variant=ListVariant(("einfacher_hash",), _pattern_bytes,
                                 lambda get, data: get("einfacher_hash")(data)),
        reference=("NumPy powers of 31", _reference.hash_numpy),
        c_kernel=CKernel("simple_hash", lambda s: [str(s[0])], _c_int),
    ),
    Workload(
        key="xor", title="Crypto: XOR stream",
        program="crypto.de", driver="xor_muster", args=lambda s: (s[0],),
        sizes=((KIB,), (64 * KIB,), (MIB,)), quick_sizes=((64,), (KIB,)),
        cost=lambda s: float(s[0]) + 50.0, label=lambda s: _bytes_label(s[0]),
        x_value=lambda s: float(s[0]), x_label="bytes",
        what="xor_strom of the bytes i % 256 with the key \"Key\" (XOR computed bit "
             "by bit with // and %), the output bytes summed",
        extra_source=CRYPTO_DRIVERS,
        list_variant=ListVariant(("xor_strom",), _pattern_bytes,
                                 lambda get, data: sum(get("xor_strom")(data, XOR_KEY))),
        reference=("NumPy ^", _reference.xor_numpy),
        c_kernel=CKernel("xor_stream", lambda s: [str(s[0])], _c_int),
    ),
    Workload(
        key="json", title="JSON: validate and read an int array",
        program="json.es", driver="prueba_enteros", args=lambda s: (s[0],),
        sizes=((json_count_for(KIB),), (json_count_for(100 * KIB),), (json_count_for(MIB),),
               (json_count_for(4 * MIB),), (json_count_for(10 * MIB),)),
        quick_sizes=((8,), (64,)),
        cost=lambda s: float(json_text_length(s[0])) + 50.0, label=_json_label,
        x_value=lambda s: float(json_text_length(s[0])), x_label="bytes of JSON",
        what="writes \"[0, -1, 2, -3, ...]\" as bytes, validates it (strict RFC 8259), "
             "reads it as an int array and sums it",
        list_variant=ListVariant(("validar_json", "analizar_enteros"), _json_bytes, _json_run),
        reference=("json.loads", _reference.json_stdlib),
        c_kernel=CKernel("json_ints", lambda s: [str(s[0])], _c_int),
    ),
    Workload(
        key="fib", title="fib(n), recursive",
        program="numeric.it", driver="fib_ricorsivo", args=lambda s: (s[0],),
        sizes=((20,), (25,), (30,)), quick_sizes=((10,), (15,)),
        cost=lambda s: 1.618033988749895 ** s[0], label=lambda s: "%d" % s[0],
        x_value=lambda s: float(s[0]), x_label="n",
        what="fib_ricorsivo(n): about 1.6**n calls", x_log=False,
        c_kernel=CKernel("fib", lambda s: [str(s[0])], _c_int),
    ),
    Workload(
        key="blur", title="Image: grayscale and box blur (radius 1)",
        program="image.ja", driver="ぼかし検査", args=lambda s: (s[0], s[1], BLUR_RADIUS),
        sizes=((160, 90), (640, 360), (1920, 1080), (3840, 2160)),
        quick_sizes=((16, 9), (32, 18)),
        cost=lambda s: float(s[0] * s[1]) * (3 + (2 * BLUR_RADIUS + 1) ** 2),
        label=_pixels_label, x_value=lambda s: float(s[0] * s[1]), x_label="pixels",
        what="an RGB pattern (w*h*3 bytes) to gray, then a clipped box blur, summed",
        list_variant=ListVariant(("グレースケール", "箱ぼかし"), _rgb, _blur_run),
        reference=("NumPy shifted slices", _reference.blur_numpy),
        c_kernel=CKernel("blur", lambda s: [str(s[0]), str(s[1]), str(BLUR_RADIUS)], _c_int),
    ),
    Workload(
        key="sieve", title="Sieve of Eratosthenes",
        program="numeric.it", driver="crivello", args=lambda s: (s[0],),
        sizes=((10 ** 4,), (10 ** 5,), (10 ** 6,), (10 ** 7,)), quick_sizes=((100,), (1000,)),
        cost=lambda s: float(s[0]) + 50.0, label=lambda s: _power_label(s[0]),
        x_value=lambda s: float(s[0]), x_label="n",
        what="crivello(n): the number of primes below n, on a list of booleans",
        reference=("NumPy slices", _reference.sieve_numpy),
        c_kernel=CKernel("sieve", lambda s: [str(s[0] - 1)], _c_int),
        c_note="sieve.c counts the primes up to n - 1",
    ),
    Workload(
        key="mandelbrot", title="Mandelbrot (limit 100)",
        program="scientific.hi", driver="कुल_पुनरावृत्तियाँ",
        args=lambda s: (s[0], s[1], MANDEL_LIMIT),
        sizes=((80, 60), (320, 240), (1280, 960), (2560, 1920)),
        quick_sizes=((16, 12), (32, 24)),
        cost=lambda s: float(s[0] * s[1]), label=_pixels_label,
        x_value=lambda s: float(s[0] * s[1]), x_label="points",
        what="escape-time counts over x in [-2, 1), y in [-1.5, 1.5), summed",
        list_variant=ListVariant(("मैंडलब्रॉट",), lambda s: (s[0], s[1], MANDEL_LIMIT),
                                 lambda get, w, h, limit: sum(get("मैंडलब्रॉट")(w, h, limit))),
        reference=("NumPy masked arrays", _reference.mandelbrot_numpy),
        c_kernel=CKernel("mandelbrot",
                         lambda s: [str(s[0]), str(s[1]), str(MANDEL_LIMIT)], _c_int),
    ),
)


def by_key() -> Dict[str, Workload]:
    """The workloads by key."""
    return {w.key: w for w in WORKLOADS}
