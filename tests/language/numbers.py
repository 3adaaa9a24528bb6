# Numbers: ints of any size, floats, complex, divmod, operators, literals.
print(2 ** 100, -7 // 2, -7 % 2, 7 / 2, divmod(-7, 3), pow(3, 4, 5))
print(0x1F, 0o17, 0b1010, 1_000_000, .5, 1e3, 2.5e-3)
z = 3 + 4j
print(z, abs(z), z.real, z.imag, z * 1j, (1 + 2j) ** 2)
print(round(2.5), round(3.5), round(2.675, 2), int("42"), float("1e-2"), int(-3.9))
print(1 < 2 < 3, 3 > 2 == 2, 1 == 1.0, True + True, 10 / 4, 10 // 4)
a = 10
a += 5
a -= 3
a *= 2
a //= 5
a **= 3
a %= 50
a <<= 2
a >>= 1
a |= 1
a &= 0xFF
a ^= 3
print(a, ~a, -a, +a, a >> 1, a << 70)
print(max(3, 7, 1), min([4, 2, 8]), sum([1.5, 2.5]), abs(-9), sorted([3.5, -1, 2]))
print(float("inf") > 1e308, float("nan") == float("nan"), 0.1 + 0.2, 1 / 3)
big = 1
for i in range(1, 30):
    big *= i
print(big, len(str(big)), big % 1000007)
print(isinstance(3, int), isinstance(3.0, float), isinstance(True, int), type(2j).__name__)
x = 5
print("big" if x > 3 else "small", x if x else -1, (y := x * 2), y)
print(hex(255), oct(8), bin(5), int("ff", 16), f"{7:03d}")
