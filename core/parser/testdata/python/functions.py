"""Functions: every kind of parameter, defaults, decorators, closures."""

import functools


def plain(a, b):
    return a + b


def defaults(a, b=2, c=None, *, flag=False):
    return a, b, c, flag


def positional(a, b, /, c, d=4, *rest, e, f=6, **options):
    return a, b, c, d, rest, e, f, options


def only_positional(x, /):
    return x


def only_keywords(*, key, reverse=True):
    return key, reverse


def annotated(count: int, label: str = "n", *values: float, strict: bool, **extra: object) -> list[str]:
    return [label] * count


def counter(start=0):
    current = start

    def step(by=1):
        nonlocal current
        current += by
        return current

    return step


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)

    return wrapper


@logged
def greet(who="world"):
    return "hello " + who


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


square = lambda x: x * x
pick = lambda a, b=1, *c, d, e=5, **f: (a, b, c, d, e, f)
first = lambda a, /, b: a
nothing = lambda: None
compose = lambda f, g: lambda x: f(g(x))

tick = counter(10)
tick()
print(plain(1, 2), defaults(1, c=3), positional(1, 2, 3, 4, 5, e=9, z=0))
print(only_positional(7), only_keywords(key=len), annotated(2, "x", 1.0, strict=True))
print(tick(5), greet(), greet(who="you"), fib(20), square(9))
print(pick(1, d=4), first(1, b=2), nothing(), compose(square, abs)(-3))
print(*[1, 2], *(3,), sep=", ", **{"end": "\n"})
print(sorted([3, 1, 2], key=lambda v: -v), max(1, 2, key=None))
