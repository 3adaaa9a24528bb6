"""Classes: inheritance, keywords, decorators, properties, dunder methods."""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field


class Shape(ABC):
    sides = 0

    def __init__(self, label: str) -> None:
        self.label = label

    @abstractmethod
    def area(self) -> float:
        ...

    def __repr__(self):
        return f"{type(self).__name__}({self.label!r})"


class Rectangle(Shape):
    sides = 4

    def __init__(self, width, height, label="rect"):
        super().__init__(label)
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

    @property
    def perimeter(self):
        return 2 * (self.width + self.height)

    @staticmethod
    def unit():
        return Rectangle(1, 1)

    @classmethod
    def square(cls, side):
        return cls(side, side, label="square")


class Registry(dict, metaclass=type):
    pass


class Tagged(Rectangle, Shape, **{"metaclass": type}):
    """A rectangle with tags."""

    tags: list[str] = []


@dataclass(frozen=True)
class Point:
    x: float
    y: float = 0.0
    history: list = field(default_factory=list)

    def __add__(self, other: "Point") -> "Point":
        return Point(self.x + other.x, self.y + other.y)


class Empty:
    pass


shapes = [Rectangle(2, 3), Rectangle.square(4), Rectangle.unit()]
print([s.area() for s in shapes], shapes[1].perimeter, shapes)
print(Point(1.0, 2.0) + Point(3.0), Registry(a=1), Tagged(1, 2).tags, Empty())
