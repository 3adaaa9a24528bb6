取込 math
から collections 取込 Counter, defaultdict
定数 TAX = 0.2
変数 REORDER = 3

クラス OutOfStock(Exception):
    関数 __init__(self, item, wanted):
        親クラス().__init__(f"{item}: {wanted} wanted")
        self.item = item


クラス Item:
    関数 __init__(self, name, price, qty=0):
        self.name = name
        self.price = price
        self.qty = qty
    関数 total(self):
        戻る 丸め(self.price * self.qty * (1 + TAX), 2)
    関数 __repr__(self):
        戻る f"Item({self.name!r}, {self.price:.2f}, qty={self.qty})"


クラス Inventory:
    関数 __init__(self):
        self.items = {}
    関数 add(self, name, price, qty=1):
        item = self.items.setdefault(name, Item(name, price))
        item.qty += qty
        戻る item
    関数 take(self, name, qty):
        item = self.items.get(name)
        もし item は なし または item.qty < qty:
            発生 OutOfStock(name, qty)
        item.qty -= qty
    関数 low(self):
        毎 item 中 ソート済み(self.items.values(), key=ラムダ i: i.name):
            もし item.qty < REORDER:
                生成 item.name
    関数 value(self):
        戻る 合計(i.total() 毎 i 中 self.items.values())


関数 kind(entry):
    照合 entry:
        場合 {"op": "add", "name": 文字列(name), "price": price, **rest}:
            戻る "add", name, price, rest.get("qty", 1)
        場合 {"op": "take", "name": name, "qty": 整数(qty)} もし qty > 0:
            戻る "take", name, qty
        場合 [first, *others]:
            戻る "batch", first, 長さ(others)
        場合 _:
            戻る "unknown",

shop = Inventory()
log = [{"op": "add", "name": "pen", "price": 1.5, "qty": 10}, {"op": "add", "name": "ink", "price": 7.25}, {"op": "take", "name": "pen", "qty": 8}, {"op": "take", "name": "ink", "qty": 5}, {"op": "take", "name": "pen", "qty": 0}, ["a", "b", "c"]]
毎 entry 中 log:
    action = kind(entry)
    試行:
        もし action[0] == "add":
            shop.add(action[1], action[2], action[3])
        でなければもし action[0] == "take":
            shop.take(action[1], action[2])
        でなければ:
            表示("skipped", action)
    例外 OutOfStock として err:
        表示(f"error: {err} ({err.item})")
    最後に:
        パス
表示(ソート済み(shop.items.values(), key=ラムダ i: i.name))
表示(f"low: {リスト(shop.low())}, value {shop.value():.2f}")
letters = Counter("".join(name 毎 name 中 shop.items))
groups = defaultdict(リスト)
毎 name 中 shop.items:
    groups[長さ(name)].append(name)
表示(letters.most_common(2), 辞書(groups))
squares = {n: n * n 毎 n 中 範囲(5) もし n % 2 == 0}
表示(squares, [math.isqrt(v) 毎 v 中 squares.values()], math.floor(math.pi * 100))
表示(f"{'done':>6}|{長さ(log):03d}|{TAX:.0%}")
