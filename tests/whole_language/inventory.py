# The inventory program written in Python, the reference for every rendering.
import math
from collections import Counter, defaultdict

TAX = 0.2
REORDER = 3


class OutOfStock(Exception):
    def __init__(self, item, wanted):
        super().__init__(f"{item}: {wanted} wanted")
        self.item = item


class Item:
    def __init__(self, name, price, qty=0):
        self.name = name
        self.price = price
        self.qty = qty

    def total(self):
        return round(self.price * self.qty * (1 + TAX), 2)

    def __repr__(self):
        return f"Item({self.name!r}, {self.price:.2f}, qty={self.qty})"


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, name, price, qty=1):
        item = self.items.setdefault(name, Item(name, price))
        item.qty += qty
        return item

    def take(self, name, qty):
        item = self.items.get(name)
        if item is None or item.qty < qty:
            raise OutOfStock(name, qty)
        item.qty -= qty

    def low(self):
        for item in sorted(self.items.values(), key=lambda i: i.name):
            if item.qty < REORDER:
                yield item.name

    def value(self):
        return sum(i.total() for i in self.items.values())


def kind(entry):
    match entry:
        case {"op": "add", "name": str(name), "price": price, **rest}:
            return ("add", name, price, rest.get("qty", 1))
        case {"op": "take", "name": name, "qty": int(qty)} if qty > 0:
            return ("take", name, qty)
        case [first, *others]:
            return ("batch", first, len(others))
        case _:
            return ("unknown",)


shop = Inventory()
log = [
    {"op": "add", "name": "pen", "price": 1.5, "qty": 10},
    {"op": "add", "name": "ink", "price": 7.25},
    {"op": "take", "name": "pen", "qty": 8},
    {"op": "take", "name": "ink", "qty": 5},
    {"op": "take", "name": "pen", "qty": 0},
    ["a", "b", "c"],
]
for entry in log:
    action = kind(entry)
    try:
        if action[0] == "add":
            shop.add(action[1], action[2], action[3])
        elif action[0] == "take":
            shop.take(action[1], action[2])
        else:
            print("skipped", action)
    except OutOfStock as err:
        print(f"error: {err} ({err.item})")
    finally:
        pass

print(sorted(shop.items.values(), key=lambda i: i.name))
print(f"low: {list(shop.low())}, value {shop.value():.2f}")
letters = Counter("".join(name for name in shop.items))
groups = defaultdict(list)
for name in shop.items:
    groups[len(name)].append(name)
print(letters.most_common(2), dict(groups))
squares = {n: n * n for n in range(5) if n % 2 == 0}
print(squares, [math.isqrt(v) for v in squares.values()], math.floor(math.pi * 100))
print(f"{'done':>6}|{len(log):03d}|{TAX:.0%}")
