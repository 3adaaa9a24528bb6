"""Lists, tuples, dicts and sets: displays, unpacking, slicing, deleting."""

empty_list = []
empty_tuple = ()
empty_dict = {}
single = (1,)
numbers = [1, 2, 3, 4, 5, 6, 7, 8]
point = 3, 4
nested = [(1, "a"), (2, "b")]
lookup = {"one": 1, "two": 2, 3: "three", (4, 5): [6]}
merged = {**lookup, "four": 4, **{"five": 5}}
unique = {1, 2, 2, 3}
frozen = frozenset({"x", "y"})
combined = [*numbers, *point, 9]
spread = (*numbers[:2], *single)
union = {*unique, *range(3)}

head, *tail = numbers
*init, last = numbers
a, (b, c), [d, e] = 1, (2, 3), [4, 5]
x = y = z = 0
first, second = second, first = 1, 2
numbers[0] = numbers[-1]
numbers[1:3] = [20, 30]
numbers[::2] = numbers[::2]
lookup["six"] = lookup.get("six", 6)
matrix = [[0] * 3 for _ in range(3)]
matrix[1][2] = 5

print(numbers[2:], numbers[:2], numbers[::3], numbers[1:-1:2], numbers[::-1], numbers[:])
print(matrix[0][1:], point[0], lookup[3], lookup[4, 5], lookup[(4, 5)])

del numbers[0]
del lookup["one"], lookup["two"]
del x
del (y, z)
del [head]
del numbers[1:2], matrix[0][::2]

counts = {}
for word in "the cat and the hat".split():
    counts[word] = counts.get(word, 0) + 1

print(empty_list, empty_tuple, empty_dict, single, merged, sorted(unique), sorted(frozen))
print(combined, spread, sorted(union), init, last, a, b, c, d, e, first, second, counts)
print(list(reversed(numbers)), sorted(counts.items(), key=lambda kv: kv[1]), ...)
