# Dicts, sets, tuples, slices, comprehensions, unpacking.
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
lengths = {w: len(w) for w in set(words)}
print(sorted(lengths.items()))
vowels = {c for w in words for c in w if c in "aeiou"}
print(sorted(vowels))
squares = [x * x for x in range(10) if x % 2 == 0]
print(squares, squares[1:4], squares[::-1], squares[-2:])
first, *middle, last = squares
print(first, middle, last)
pairs = list(zip(words[:3], range(3)))
print(pairs, dict(pairs))
a, (b, c) = 1, (2, 3)
print(a + b + c)
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print([row[1] for row in matrix], [list(col) for col in zip(*matrix)])
merged = {**counts, "extra": 99}
print(len(merged), merged["extra"], "fox" in merged, "cat" not in merged)
t = (1,)
e = ()
print(t, e, len(t + e), (1, 2) < (1, 3))
s = {1, 2, 3} | {3, 4}
print(s, s & {1, 4}, s - {1}, {1, 2} ^ {2, 3})
nums = list(range(20))
nums[2:5] = ["a", "b"]
del nums[0], nums[-1]
print(nums[:6], len(nums))
gen = (x * 2 for x in range(5))
print(sum(gen), any(x > 3 for x in range(5)), all([]))
print(sorted(words, key=len, reverse=True)[:2], max(words), min(words, key=len))
