"""A small inventory system mixing most of the language."""

import json
from collections import Counter
from dataclasses import dataclass, field


class OutOfStock(Exception):
    pass


@dataclass
class Item:
    sku: str
    price: float
    quantity: int = 0
    tags: set = field(default_factory=set)

    @property
    def value(self) -> float:
        return round(self.price * self.quantity, 2)


class Inventory:
    def __init__(self, *items: Item, currency="EUR"):
        self.items = {item.sku: item for item in items}
        self.currency = currency
        self.log: list[tuple[str, int]] = []

    def __len__(self):
        return sum(i.quantity for i in self.items.values())

    def __contains__(self, sku):
        return sku in self.items and self.items[sku].quantity > 0

    def take(self, sku, count=1):
        item = self.items.get(sku)
        if item is None or item.quantity < count:
            raise OutOfStock(sku)
        item.quantity -= count
        self.log.append((sku, -count))
        return item

    def restock(self, **counts):
        for sku, count in counts.items():
            self.items[sku].quantity += count
            self.log.append((sku, count))

    def total(self):
        return sum(item.value for item in self.items.values())

    def tagged(self, *wanted):
        return sorted(s for s, it in self.items.items() if it.tags >= set(wanted))

    def summary(self):
        moved = Counter()
        for sku, delta in self.log:
            moved[sku] += abs(delta)
        return json.dumps({"total": self.total(), "moved": dict(moved)}, sort_keys=True)


stock = Inventory(
    Item("A1", 2.5, 10, {"food", "fresh"}),
    Item("B2", 10.0, 1, {"tool"}),
    currency="USD",
)
try:
    stock.take("A1", 3)
    stock.take("B2", 2)
except OutOfStock as missing:
    print("out of", missing)
finally:
    stock.restock(B2=4)
print(len(stock), "A1" in stock, stock.tagged("food"), stock.summary(), stock.currency)
