"""Formatted string literals."""

import math

name = "Ada"
score = 97.5
items = ["tea", "milk"]
width = 12
table = {"x": 1, "y": 2}

print(f"Hello {name}!")
print(f"{name!r} scored {score:.1f} points")
print(f"{name!s:>{width}}|{name!a}")
print(f"{score=}")
print(f"{score = :8.2f}")
print(f"{name=!s}")
print(f"{len(items)} items: {', '.join(items)}")
print(f"{table['x'] + table['y']}")
print(f"{{literal braces}} and {score:{width}.{3}}")
print(f"{math.pi:^{width + 2}.4f}")
print(f"{'nested ' + f'{name:<6}'}")
print(f"{score if score > 50 else 0}")
print(f"{score >= 50} {score <= 50!r} {score != 50:>6} {score == 50}")
print(f"{'yes' if items else (lambda: 'no')}")
print(f"{(lambda v: v * 2)(3)}")
print(f"{ {'k': 1}['k'] }")
print(f"{items[0]!r:>10}" f" and {items[1]}" " plain")
print(f"tab\tnewline\\n quote\" {name}")
print(f"")
print(f"{name}" "" f"{score}")
print(f"{3.5:{'>'}{10}}")
print(F"upper prefix {name}", rf"raw {name}\d")


def report(rows: list) -> str:
    lines = []
    for index, (label, value) in enumerate(rows):
        lines.append(f"{index:02d}. {label:<10}{value:>8,.2f}")
    return "\n".join(lines)


print(report([("rent", 1250.0), ("food", 310.25)]))
