"""The English twin of tests/programs/numeric.fr.multi, written by hand in plain Python."""


def pgcd(a: int, b: int) -> int:
    a = abs(a)
    b = abs(b)
    while b != 0:
        rest = a % b
        a = b
        b = rest
    return a


def etapes_collatz(n: int) -> int:
    if n < 1:
        return -1
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def puissance_mod(base: int, exponent: int, modulus: int) -> int:
    result = 1 % modulus
    base = base % modulus
    while exponent > 0:
        if exponent % 2 == 1:
            result = (result * base) % modulus
        base = (base * base) % modulus
        exponent = exponent // 2
    return result


def racine_entiere(n: int) -> int:
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def est_premier(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def melange(a: int, b: int) -> int:
    return (a * 31 + b) // 7 - a % 5 * b
