"""The English twin of tests/programs/floats.de.multi, written by hand in plain Python."""


def mittel(a: float, b: float, c: float) -> float:
    return (a + b + c) / 3.0


def polynom(x: float) -> float:
    return ((2.5 * x - 1.0) * x + 0.5) * x - 7.25


def begrenzen(x: float, low: float, high: float) -> float:
    return min(max(x, low), high)


def verhaeltnis(a: int, b: int) -> float:
    return a / b


def abstand(a: float, b: float) -> float:
    if a > b:
        return a - b
    return b - a


def zwischen(x: float, a: float, b: float) -> bool:
    return a <= x < b


def gerundet(x: float) -> int:
    return round(x)


def abgeschnitten(x: float) -> int:
    return int(x)


def potenz(x: float, y: float) -> float:
    return x ** y


def potenz_gemischt(x: float, n: int, m: int) -> float:
    r = n ** x
    r **= 0.5
    return r + x ** n + 2.0 ** (m % 60)
