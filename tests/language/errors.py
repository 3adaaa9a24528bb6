# try/except/else/finally, raise from, custom exceptions, with statements.
class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def parse(text):
    try:
        value = int(text)
    except ValueError as exc:
        raise AppError(400, f"bad number: {text!r}") from exc
    else:
        return value
    finally:
        print("parsed", text)


for item in ["12", "x1", "7"]:
    try:
        print(parse(item) * 2)
    except AppError as e:
        print(e.code, e, type(e.__cause__).__name__)


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, kind, value, tb):
        print("close", self.name, kind.__name__ if kind else None)
        return kind is KeyError


with Resource("a") as r1, Resource("b") as r2:
    print("using", r1.name, r2.name)

with Resource("c"):
    raise KeyError("swallowed")
print("after")

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ArithmeticError as err:
    print("outer", type(err).__name__)

def check(n):
    assert n > 0, "n must be positive"
    return n

try:
    check(-1)
except AssertionError as e:
    print("assert:", e)

try:
    {}["missing"]
except (KeyError, IndexError) as e:
    print("lookup", repr(e))
