# Generators, yield from, iterators, enumerate, while/for else.
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(take(10, fib())))
print(list(chain("ab", [1, 2], range(3))))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print([x for x in Countdown(5)])
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
i = 0
while i < 3:
    i += 1
else:
    print("while done", i)
gen = (c.upper() for c in "hey")
print(next(gen), next(gen), list(gen), next(gen, "end"))


def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received


g = echo()
next(g)
print(g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as stop:
    print("returned", stop.value)
