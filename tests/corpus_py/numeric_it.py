"""What `multilingual numeric.it.multi` prints, computed with the standard
library (math, fractions) and plain Python."""

import math
from fractions import Fraction


def factor(n):
    out = {}
    p = 2
    while n > 1:
        while n % p == 0:
            out[p] = out.get(p, 0) + 1
            n //= p
        p += 1
    return out


def written(n):
    return "%d = %s" % (n, " × ".join("%d^%d" % (p, e) if e > 1 else str(p)
                                      for p, e in sorted(factor(n).items())))


def main():
    fib = [0, 1]
    while len(fib) < 12:
        fib.append(fib[-1] + fib[-2])
    print("i primi 12 numeri di Fibonacci: %s" % fib)
    for n in (360, 9973, 1001):
        print(written(n))
    print("divisori di 36: %s" % [d for d in range(1, 37) if 36 % d == 0])
    table = {"%d, %d" % (a, b): (math.gcd(a, b), math.lcm(a, b)) for a, b in [(12, 18), (21, 6), (-4, 10)]}
    print("(mcd, mcm): %s" % table)
    h = sum(Fraction(1, k) for k in range(1, 7))
    print("1 + 1/2 + ... + 1/6 = %s ≈ %.4f" % (h, float(h)))
    print("20! = %d, 25! = %d" % (math.factorial(20), math.factorial(25)))
    print("primi minori di 1000: %d" % sum(1 for p in range(2, 1000) if factor(p) == {p: 1}))
    print("errore: frazione con denominatore zero: 1/0")


if __name__ == "__main__":
    main()
