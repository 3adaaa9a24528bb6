def build(n: int) -> int:
    a = []
    for i in range(n):
        a.append(i * i)
    a[0] = a[-1] + len(a)
    a[1] += 5
    s = 0
    for x in a:
        s = s + x
    return s + sum(a) * 1000

def grid(n: int) -> float:
    m = [[0.5] * n] * 2
    m[0][0] = 2.0
    b = [[1.5, 2.5], []]
    b[1].append(m[1][0])
    return b[1][0] + b[0].pop() + max(m[0]) - min([3.0, -1.0])

def pops(n: int) -> int:
    a = [1, 2, 3, 4] + [5]
    first = a.pop(0)
    last = a.pop()
    mid = a.pop(-2)
    if 2 in a and 9 not in a and not (3 in a):
        return first * 100 + last * 10 + mid + len(a) * 1000
    return -1

def bad(i: int) -> int:
    a = [10, 20, 30]
    return a[i]

def empty(n: int) -> int:
    a = [1] * n
    while a:
        a.pop()
    return max(a)

def bools(n: int) -> int:
    flags = [True, False] * n
    return sum(flags) + len(flags)

def total(a: list[int]) -> int:
    s = 0
    for x in a:
        s = s + x
    a.append(s)
    return s

def useTotal(n: int) -> int:
    a = [n, n + 1]
    t = total(a)
    return t * 10 + len(a)
