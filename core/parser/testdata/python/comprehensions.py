"""Comprehensions, generator expressions and assignment expressions."""

words = ["apple", "banana", "cherry", "date", "elderberry"]
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]

lengths = [len(w) for w in words]
long_words = [w.upper() for w in words if len(w) > 4 if "e" in w]
flat = [cell for row in matrix for cell in row]
pairs = [(i, j) for i in range(3) for j in range(i) if (i + j) % 2]
firsts = {w[0] for w in words}
by_first = {w[0]: w for w in words}
inverted = {v: k for k, v in by_first.items() if v}
squares = (n * n for n in range(10))
total = sum(n for n in range(100) if n % 3 == 0)
grid = [[row * col for col in range(4)] for row in range(3)]
conditional = [x if x > 0 else -x for x in [-2, -1, 0, 1]]
unpacked = [a + b for a, b in zip(lengths, lengths[1:])]
starred = [[*row, 0] for row in matrix]
nested_gen = list(x for x in (y * 2 for y in range(5)))
lambdas = [lambda v, k=k: v + k for k in range(3)]
keyed = sorted(words, key=lambda w: (len(w), w))
merged = {**by_first, **{"z": "zucchini"}}

if (n := len(words)) > 3:
    print(f"{n} words")

data = [3, 1, 4, 1, 5, 9, 2, 6]
if any((big := x) > 8 for x in data):
    print("found", big)

filtered = [y for x in data if (y := x * 2) > 6]
while (chunk := data[:2]):
    data = data[2:]
    print(chunk)

print(lengths, long_words, flat, pairs, sorted(firsts), inverted)
print(list(squares), total, grid, conditional, unpacked, starred)
print(nested_gen, [f(1) for f in lambdas], keyed, merged, filtered)
print(max((len(w), w) for w in words), dict.fromkeys(words, 0))
