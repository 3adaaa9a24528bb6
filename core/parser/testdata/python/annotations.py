"""Annotations: variables, attributes, parameters and results."""

from __future__ import annotations

from typing import Callable, Optional, Union

limit: int = 10
ratio: float
names: list[str] = []
table: dict[str, list[int]] = {}
handler: Callable[[int, str], bool] | None = None
maybe: Optional["Node"] = None
either: Union[int, str] = 0
pair: tuple[int, ...] = (1, 2)
(wrapped): int = 5
alias: "list[Node]"


class Node:
    value: int
    children: list[Node]
    parent: Node | None = None

    def __init__(self, value: int, *children: Node) -> None:
        self.value: int = value
        self.children = list(children)
        self.meta: dict = {}
        self.meta["depth"]: int = 0

    def walk(self) -> "Iterator[Node]":
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, test: Callable[[Node], bool], default: Node | None = None) -> Node | None:
        return next((n for n in self.walk() if test(n)), default)


def apply(func: Callable[..., int], *args: int, **kwargs: str) -> int:
    result: int = func(*args)
    return result


def nothing() -> None:
    pass


root = Node(1, Node(2), Node(3, Node(4)))
print([n.value for n in root.walk()], root.find(lambda n: n.value > 2).value)
print(apply(max, 3, 9), nothing(), limit, names, table, handler, either, pair, wrapped)
print(__annotations__["limit"], Node.__annotations__["parent"])
