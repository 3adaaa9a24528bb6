"""Generators: yield, yield from, send, and generator pipelines."""


def count_up(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def delegate():
    yield from count_up(3)
    yield from [10, 20]
    result = yield from inner()
    yield result


def inner():
    yield "inner"
    return "finished"


def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value


def pairs(items):
    for item in items:
        yield item, item * 2


def bare():
    yield
    x = yield
    yield x,
    return


def lazy_lines(text):
    return (line.strip() for line in text.splitlines() if line.strip())


def pipeline(numbers):
    evens = (n for n in numbers if n % 2 == 0)
    squared = (n ** 2 for n in evens)
    yield from squared


acc = accumulator()
next(acc)
acc.send(5)
print(acc.send(7), list(count_up(4)), list(delegate()), list(pairs("ab")))
print(list(bare()), list(lazy_lines(" a \n\n b ")), list(pipeline(range(7))))
print(sum(x for x in count_up(10)), [await_ for await_ in range(2)])
