"""The English twin of tests/programs/mixed.zh.multi, written by hand in plain Python."""


def 平均(a: int, b: int) -> float:
    return (a + b) / 2


def 四舍五入后(x: float) -> int:
    return round(x)


def 绝对差(a: int, b: int) -> int:
    return abs(a - b)


def 较大(a: int, b: int, c: int) -> int:
    return max(a, b, c)


def 转浮点(a: int) -> float:
    return float(a)
