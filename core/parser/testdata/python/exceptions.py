"""Exceptions: try/except/else/finally, raise from, except*, assert."""


class ParseError(ValueError):
    def __init__(self, message, line=0):
        super().__init__(message)
        self.line = line


def parse_int(text):
    try:
        value = int(text)
    except ValueError as exc:
        raise ParseError(f"bad number {text!r}") from exc
    except (TypeError, AttributeError):
        raise
    except Exception:
        raise RuntimeError("unexpected") from None
    else:
        return value
    finally:
        print("parsed", text)


def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")


def cleanup(path):
    handle = None
    try:
        handle = open(path)
        return handle.read()
    finally:
        if handle is not None:
            handle.close()


def grouped():
    try:
        raise ExceptionGroup("many", [ValueError(1), TypeError(2)])
    except* ValueError as group:
        print("values", group.exceptions)
    except* TypeError:
        print("types")


def check(n):
    assert n >= 0
    assert isinstance(n, int), "need an int"
    if n > 100:
        raise OverflowError
    return n


try:
    parse_int("x")
except ParseError as err:
    print("caught", err, err.line)
except:
    print("something else")

print(safe_div(1, 0), check(5))
grouped()
