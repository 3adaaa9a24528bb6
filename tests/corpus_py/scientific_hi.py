"""What `multilingual scientific.hi.multi` prints, computed in plain Python
(complex numbers for the Mandelbrot set) and math."""

import math

SHADES = " .:-=+*#%@"


def escape(c, limit):
    z = 0j
    k = 0
    while k < limit and abs(z) <= 2.0:
        z = z * z + c
        k += 1
    return k


def trapezoid(f, a, b, n):
    h = (b - a) / n
    return h * ((f(a) + f(b)) / 2.0 + sum(f(a + i * h) for i in range(1, n)))


def simpson(f, a, b, n):
    h = (b - a) / n
    return h / 3.0 * (f(a) + f(b) + 4.0 * sum(f(a + i * h) for i in range(1, n, 2))
                      + 2.0 * sum(f(a + i * h) for i in range(2, n, 2)))


def main():
    w, h, limit = 48, 16, 30
    counts = [[escape(complex(-2.0 + 3.0 * i / w, -1.5 + 3.0 * j / h), limit) for i in range(w)]
              for j in range(h)]
    for row in counts:
        print("".join(SHADES[k * (len(SHADES) - 1) // limit] for k in row))
    print("48 x 16 बिंदुओं की कुल पुनरावृत्तियाँ: %d" % sum(map(sum, counts)))
    poly = lambda x: x ** 3 - 2 * x + 1  # noqa: E731
    print("∫₀² (x³ - 2x + 1) dx, समलंब (n = 1000): %.9f" % trapezoid(poly, 0.0, 2.0, 1000))
    print("वही, सिम्पसन (n = 10): %.9f  (ठीक मान 2)" % simpson(poly, 0.0, 2.0, 10))
    print("∫₀^π sin x dx, सिम्पसन (n = 100): %.9f" % simpson(math.sin, 0.0, math.pi, 100))
    for n in (10, 1000, 100000):
        pi = 4.0 * math.fsum((-1) ** k / (2 * k + 1) for k in range(n))
        print("पाई, %d पदों से: %.8f, त्रुटि %.1e" % (n, pi, abs(pi - math.pi)))
    print("त्रुटि: सिम्पसन नियम को सम धनात्मक चरण चाहिए, 3 नहीं")


if __name__ == "__main__":
    main()
