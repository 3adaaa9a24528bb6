def collatz(n: int) -> int:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

def stepped(a: int, b: int, s: int) -> int:
    total = 0
    for i in range(a, b, s):
        if i == 7:
            continue
        if i > 100:
            break
        total += i
    return total

def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def check(n: int) -> int:
    assert n >= 0, "negative"
    return min(n, 10, max(n, 3))
