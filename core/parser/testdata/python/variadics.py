"""Variadic generics (PEP 646): star-unpacked type arguments and annotations."""

from typing import Generic, TypeVar, TypeVarTuple

T = TypeVar("T")
Shape = TypeVarTuple("Shape")
Ts = TypeVarTuple("Ts")


class Array(Generic[*Shape]):
    def __init__(self, *dims: *Shape) -> None:
        self.dims = dims

    def __getitem__(self, key: tuple[*Shape]) -> float:
        return 0.0

    def transpose(self) -> "Array[*tuple[int, ...]]":
        return Array(*reversed(self.dims))


def collect(*args: *Ts) -> tuple[*Ts]:
    return args


def prepend(first: T, rest: tuple[*Ts]) -> tuple[T, *Ts]:
    return (first, *rest)


def shapes(*arrays: Array[*Shape]) -> list[tuple[int, *Shape]]:
    return [(len(a.dims), *a.dims) for a in arrays]


grid = Array(3, 4)
print(grid.dims, collect(1, "a"), prepend(0, (1, 2)), grid.transpose().dims)
print(shapes(grid, Array(2, 2)), tuple[*Ts], tuple[int, *Ts])
