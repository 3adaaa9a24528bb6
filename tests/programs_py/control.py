"""The English twin of tests/programs/control.es.multi, written by hand in plain Python."""


def clasificar(x: int) -> int:
    if x < -100:
        return -2
    elif x < 0:
        return -1
    elif x == 0:
        return 0
    elif 0 < x <= 100:
        return 1
    else:
        return 2


def suma_pares(n: int) -> int:
    total = 0
    for k in range(n):
        if k % 2 == 1:
            continue
        total += k
    return total


def cuenta_atras(a: int, b: int, step: int) -> int:
    steps = 0
    last = 0
    for k in range(a, b, step):
        steps += 1
        last = k
        if steps > 1000:
            break
    return steps * 100000 + last


def tabla(n: int) -> int:
    total = 0
    for row in range(n):
        for column in range(row, n):
            if row * column > 50:
                break
            total += row * column - column // 3
    return total


def primer_divisor(n: int) -> int:
    d = 2
    while d <= n:
        if n % d == 0:
            return d
        d += 1
    return n
