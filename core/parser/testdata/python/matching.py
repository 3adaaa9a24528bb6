"""Structural pattern matching with every kind of pattern."""

from dataclasses import dataclass
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


@dataclass
class Point:
    x: int
    y: int


def describe(subject):
    match subject:
        case 0 | 1 | -1:
            return "small"
        case 1.5 | -2.5 | 3j | 1 + 2j | -1 - 2j:
            return "number"
        case "hello" | b"bytes":
            return "literal"
        case None:
            return "nothing"
        case True | False:
            return "boolean"
        case Color.RED:
            return "red"
        case [] | ():
            return "empty"
        case [x]:
            return f"one {x}"
        case [first, *rest] if len(rest) > 3:
            return f"long {first}"
        case (a, b, *_):
            return f"pair {a} {b}"
        case {"kind": "circle", "radius": r}:
            return f"circle {r}"
        case {"kind": kind, **others}:
            return f"{kind} {others}"
        case {}:
            return "mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y) | Point(y, 0):
            return f"axis {y}"
        case Point(x=px, y=py) as pt if px == py:
            return f"diagonal {pt}"
        case int() | float() as num:
            return f"numeric {num}"
        case str(text):
            return f"text {text}"
        case [Point(x=1), {"k": [_, (1 | 2) as inner]}]:
            return f"deep {inner}"
        case _:
            return "other"


def command(line):
    match line.split():
        case ["go", direction]:
            return direction
        case ["quit" | "exit"]:
            return "bye"
        case [*words]:
            return " ".join(words)


match = {"case": 1}
case = match["case"]
print(describe(0), describe([1, 2]), describe(Point(0, 5)), describe("s"))
print(command("go north"), command("exit"), match, case)
