"""The English twin of tests/programs/lists.it.multi, written by hand in plain Python."""


def somma_pesata(values: list[int]) -> int:
    total = 0
    for i in range(len(values)):
        total += values[i] * (i + 1) - values[-1 - i]
    return total


def raddoppia(values: list[float]) -> list[float]:
    result = []
    for x in values:
        result.append(x * 2.0)
    return result


def estremi(values: list[int]) -> int:
    return max(values) - min(values)


def aggiungi_in_coda(values: list[int], x: int) -> int:
    values.append(x)
    if len(values) > 3:
        values.pop(0)
    return sum(values)


def contiene(values: list[int], x: int) -> bool:
    return x in values and not (x + 1) in values


def traccia(m: list[list[float]]) -> float:
    t = 0.0
    for i in range(len(m)):
        t = t + m[i][i]
    return t


def ribalta(values: list[bool]) -> list[bool]:
    for i in range(len(values)):
        values[i] = not values[i]
    return values


def setaccio(n: int) -> list[bool]:
    primes = [True] * (n + 1)
    if n >= 0:
        primes[0] = False
    if n >= 1:
        primes[1] = False
    for i in range(2, n + 1):
        if primes[i]:
            for j in range(i * i, n + 1, i):
                primes[j] = False
    primes.append(n % 2 == 0)
    last = primes.pop()
    return primes + [last, True in primes, False in primes]
