"""Number crunching: every operator, literal and precedence rule."""

WIDTH = 80
MASK = 0xFF_FF
PERMS = 0o755
FLAGS = 0b1010_0101
BIG = 123_456_789_012_345_678_901_234_567_890
RATE = 0.075
TINY = 1e-7
HUGE = 6.02e23
SCALE = 1_000.5
EPS = .5e-3
WHOLE = 3.
COMPLEX_PART = 2.5j + 3j - 1e3j


def quadratic(a: float, b: float, c: float) -> tuple:
    disc = b ** 2 - 4 * a * c
    if disc < 0:
        return None, None
    root = disc ** 0.5
    return (-b + root) / (2 * a), (-b - root) / (2 * a)


def bits(n: int) -> int:
    total = 0
    while n:
        total += n & 1
        n >>= 1
    return total


def mixed(x: int, y: int) -> int:
    z = -x ** 2 + (-x) ** 2 - ~y + +x
    z = z // 3 % 7 * 2 / 1
    z = x << 2 | y >> 1 & 0xF ^ x
    z = (x | y) & (x ^ y) << (y - x)
    w = 2 ** -1 + 2 ** 3 ** 2 + (2 ** 3) ** 2
    return int(z) + int(w) - -x - (+y)


def compare(a, b, c):
    checks = [
        a < b < c,
        a <= b >= c,
        a == b != c,
        a is b,
        a is not None,
        a in [b, c],
        a not in (b, c),
        not a == b,
        (a < b) == (b < c),
        not not a,
    ]
    return all(checks) or any(checks) and not checks


def logic(p, q, r):
    first = p and q or r
    second = p or q and r
    third = (p or q) and r
    fourth = p and (q or r) and not r
    return first, second, third, fourth


print(quadratic(1.0, -3.0, 2.0), bits(MASK), mixed(3, 4))
print(compare(1, 2, 3), logic(True, False, None), BIG % 97, abs(-RATE))
print(round(HUGE * TINY, 3), divmod(PERMS, 8), FLAGS, WIDTH, SCALE, EPS, WHOLE)
print(COMPLEX_PART.imag, 10 / 4, 10 // 4, -10 // 4, -10 % 3, 1e16, 1e15, 1.5e300 * 1e10)
