# Defaults, *args, **kwargs, keyword-only, closures, nonlocal, decorators, lambdas.
import functools


def greet(name, greeting="Hello", *rest, sep=", ", **extra):
    text = greeting + sep + name
    if rest:
        text += " " + " ".join(rest)
    for key in sorted(extra):
        text += f" [{key}={extra[key]}]"
    return text


print(greet("Ada"))
print(greet("Bob", "Hi", "and", "friends", sep="; ", mood="happy", day=3))
print(greet(*["Cy", "Yo"], **{"sep": "!"}))


def counter(start=0):
    count = start

    def step(by=1):
        nonlocal count
        count += by
        return count
    return step


c = counter(10)
print(c(), c(5), c())


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}{args} -> {result}")
        return result
    return wrapper


@logged
def add(a, b, /, scale=1):
    return (a + b) * scale


add(2, 3)
add(2, 3, scale=10)
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), list(map(lambda x: x ** 2, range(4))), list(filter(None, [0, 1, "", "a"])))

total = 0


def accumulate(values):
    global total
    for v in values:
        total += v
    return total


print(accumulate([1, 2, 3]), accumulate([4]), total)
print(sorted([3, 1, 2], key=lambda v: -v), functools.reduce(lambda a, b: a * b, range(1, 6)))
