"""Control flow: if/elif/else, while/else, for/else, break, continue."""


def classify(n):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n % 2 == 0:
        kind = "even"
    else:
        kind = "odd"
    return kind


def find(values, target):
    for index, value in enumerate(values):
        if value == target:
            break
    else:
        index = -1
    return index


def countdown(n):
    steps = []
    while n > 0:
        n -= 1
        if n == 5:
            continue
        if n == 1:
            break
        steps.append(n)
    else:
        steps.append("done")
    return steps


def nested(grid):
    total = 0
    for row in grid:
        for cell in row:
            if cell is None:
                pass
            elif cell < 0:
                continue
            else:
                total += cell
    return total


def pairs(points):
    out = []
    for (x, y), label in points:
        out.append(label * x + y)
    for first, *middle, last in ["abc", "defg"]:
        out.append((first, middle, last))
    for [a, b] in [[1, 2]]:
        out.append(a + b)
    return out


while True:
    break

for _ in range(0):
    pass

if classify(3) == "odd": print("odd")
x = 1; y = 2; print(x + y)
print(classify(-1), classify(0), classify(4), find([1, 2, 3], 2), find([], 1))
print(countdown(8), nested([[1, None], [-1, 5]]), pairs([((1, 2), 3)]))
