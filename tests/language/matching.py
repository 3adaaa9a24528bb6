# Structural pattern matching.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


def describe(value):
    match value:
        case 0 | 1:
            return "tiny"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as number:
            return f"number {number}"
        case "hello" | "hi":
            return "greeting"
        case str(s):
            return f"string of {len(s)}"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [x, y, *rest]:
            return f"starts {x}, {y} and {len(rest)} more"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": kind, **others}:
            return f"{kind} with {sorted(others)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=px, y=0):
            return f"on x axis at {px}"
        case Point(x, y):
            return f"point {x},{y}"
        case None:
            return "nothing"
        case _:
            return "other"


for v in [0, -5, 2.5, "hi", "abc", [], [9], [1, 2, 3, 4], {"type": "circle", "r": 2},
          {"type": "square", "side": 3, "color": "red"}, Point(0, 0), Point(4, 0), Point(1, 2), None, (1,), {1}]:
    print(describe(v))

command = "go north"
match command.split():
    case ["go", direction]:
        print("going", direction)
    case _:
        print("unknown")
