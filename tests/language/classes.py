# Classes: inheritance, super(), properties, class attributes, dunder methods.
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Rectangle(Shape):
    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

    @staticmethod
    def unit():
        return Square(1)

    @classmethod
    def of(cls, side):
        return cls(side)

    def __eq__(self, other):
        return isinstance(other, Square) and self.w == other.w


shapes = [Rectangle(2, 3.5), Square(4), Square.unit(), Square.of(2)]
for s in shapes:
    print(s.describe(), s.perimeter)
print(shapes)
print(Shape.count, Square(4) == shapes[1], Square(3) == shapes[1])
try:
    Shape("blob").area()
except NotImplementedError:
    print("abstract")
