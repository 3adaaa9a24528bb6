# The same program in every language: the files beside this one are
# generated from it (go test ./core/parser -run TestSame -gen-same) and
# must all parse to the tree in ../same.dump.

def classify(n: int) -> int:
    if n < 0:
        return -1
    elif n == 0:
        return 0
    elif 0 < n <= 10:
        return 1
    else:
        return 2


def collatz(n: int) -> int:
    steps = 0
    while True:
        if n == 1:
            break
        if n % 2 == 0:
            n //= 2
            continue
        n = 3 * n + 1
        steps += 1
    return steps


def grid(rows: int, cols: int) -> list[int]:
    cells = []
    for r in range(rows):
        for c in range(1, cols + 1):
            cells.append(r * cols + c)
    for k in range(len(cells) - 1, -1, -2):
        cells[k] = cells[k] ** 2 - -cells[k] // 3
        cells[k] %= 1000
    return cells


def search(values: list[int], target: int) -> bool:
    found = False
    marker = None
    idx = 0
    while idx < len(values):
        if values[idx] == target and marker is None:
            found = True
            marker = idx
        elif not found or values[idx] != target:
            idx += 1
            continue
        else:
            pass
        idx = idx + 1
    return found and marker is not None


def mean(values: list[float]) -> float:
    total = 0.0
    for v in values:
        total += v
    assert len(values) > 0, "empty"
    return total / len(values)


def mix(h: int, k: int) -> int:
    h ^= k << 5 | h >> 2
    h &= ~k & 0xFFFF
    h |= (h ^ k) & 1
    h <<= 1
    h >>= 2
    return h & 255 | k ^ ~h


print(classify(5), collatz(27), grid(3, 4), search([1, 2, 3], 2), mean([1.5, 2.5]), mix(7, 3))
