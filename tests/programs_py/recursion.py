"""The English twin of tests/programs/recursion.ja.multi, written by hand in plain Python."""


def フィボ(n: int) -> int:
    if n < 2:
        return n
    return フィボ(n - 1) + フィボ(n - 2)


def 階乗(n: int) -> int:
    if n <= 1:
        return 1
    return n * 階乗(n - 1)


def 累乗(base: int, exponent: int) -> int:
    result = 1
    for k in range(exponent):
        result = result * base
    return result


def 二乗和(n: int) -> int:
    return 累乗(n, 2) + 累乗(n + 1, 2)
