"""The English twin of tests/programs/strings.pl.multi, written by hand in plain Python."""


def dlugosc_napisu(s: str) -> int:
    return len(s)


def litera(s: str, i: int) -> str:
    return s[i]


def porownaj(a: str, b: str) -> int:
    if a == b:
        return 0
    elif a < b:
        return -1
    return 1


def relacje(a: str, b: str) -> int:
    return (a <= b) + 2 * (a > b) + 4 * (a >= b) + 8 * (a != b) + 16 * (a < b)


def polacz(a: str, b: str) -> str:
    return a + "|" + b


def powtorz(s: str, n: int) -> str:
    return s * n + n * "-"


def zawiera(needle: str, haystack: str) -> bool:
    return needle in haystack and needle not in "xyz"


def odwroc(s: str) -> str:
    r = ""
    for c in s:
        r = c + r
    return r


def skrot(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) & 0xFFFFFFFF
    return h


def kod(s: str) -> int:
    return ord(s)


def z_kodu(n: int) -> str:
    return chr(n)


def szyfr(s: str, k: str) -> str:
    # XOR of successive code points with the repeated key
    r = ""
    i = 0
    for c in s:
        r = r + chr(ord(c) ^ ord(k[i % len(k)]))
        i += 1
    return r


def opis(n: int) -> str:
    return str(n) + ":" + str(n % 2 == 0) + str() + str("!")


def pusty(s: str) -> bool:
    return not s


def albo(a: str, b: str) -> str:
    return a or b


def policz(words: list[str], s: str) -> int:
    n = 0
    for word in words:
        if word == s:
            n += 1
    return n + (s in words)


def dopisz(words: list[str], s: str) -> list[str]:
    words.append(s + s)
    if len(words) > 1:
        words[0] = words[-1]
    return words


def najdluzszy(s: str, allowed: str) -> int:
    best = 0
    run = 0
    for c in s:
        if c in allowed:
            run += 1
        else:
            run = 0
        if run > best:
            best = run
    return best


def budowa(n: int, s: str) -> str:
    # appending in place, when nothing else sees the string
    r = ""
    copies = [""]
    t = r
    for i in range(n):
        r = r + chr(65 + i % 26)
        r += s
        if i % 3 == 0:
            copies.append(r)
        if i == 2:
            t = r
    result = t + "|"
    for k in copies:
        result = result + k + ","
    return result + r


def znaki(s: str) -> list[str]:
    result = []
    for c in s:
        result.append(c)
    return result


def kody(s: str) -> int:
    total = 0
    for c in s:
        if c != " " and not c in "aeiou":  # noqa: E713 (as the program writes it)
            total = total * 7 + ord(c) + len(c)
    return total
