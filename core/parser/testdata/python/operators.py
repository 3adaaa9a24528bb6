"""Augmented assignment and matrix multiplication, conditional expressions."""


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __imatmul__(self, other):
        return self @ other

    def __repr__(self):
        return f"Matrix({self.rows})"


def update(n):
    n += 1
    n -= 2
    n *= 3
    n /= 4
    n //= 1
    n %= 7
    n **= 2
    n = int(n)
    n <<= 3
    n >>= 1
    n &= 0xF0
    n |= 0x0F
    n ^= 0xFF
    return n


def sign(v):
    return "pos" if v > 0 else "neg" if v < 0 else "zero"


def clamp(v, low=0, high=10):
    return low if v < low else (high if v > high else v)


m = Matrix([[1, 2], [3, 4]])
m @= Matrix([[0, 1], [1, 0]])
product = m @ m
values = [1, 2, 3]
values[0] += 10
values[1:] *= 2
m.rows[0][0] -= 1
label = (lambda: "x") if values else None
check = (yield_ := 3) if values else 0

print(update(5), sign(-3), sign(0), clamp(15), clamp(-1, high=5), m, product)
print(values, label(), check, yield_, not values or values[0], -values[0] ** 2)


def groups(a, b, c, d):
    flat_and = a and b and c
    flat_or = a or b or c
    left_and = (a and b) and c
    left_or = (a or b) or c
    right_and = a and (b and c)
    both = ((a and b) and (c and d)) and a
    mixed = (a or b) and c or (d and a) or b
    nested = ((a or b)) or (c or d)
    return [flat_and, flat_or, left_and, left_or, right_and, both, mixed, nested]
