importar math
desde collections importar Counter, defaultdict
const TAX = 0.2
sea REORDER = 3

clase OutOfStock(Exception):
    def __init__(self, item, wanted):
        superior().__init__(f"{item}: {wanted} wanted")
        self.item = item


clase Item:
    def __init__(self, name, price, qty=0):
        self.name = name
        self.price = price
        self.qty = qty
    def total(self):
        devolver redondear(self.price * self.qty * (1 + TAX), 2)
    def __repr__(self):
        devolver f"Item({self.name!r}, {self.price:.2f}, qty={self.qty})"


clase Inventory:
    def __init__(self):
        self.items = {}
    def add(self, name, price, qty=1):
        item = self.items.setdefault(name, Item(name, price))
        item.qty += qty
        devolver item
    def take(self, name, qty):
        item = self.items.get(name)
        si item es Nada o item.qty < qty:
            lanzar OutOfStock(name, qty)
        item.qty -= qty
    def low(self):
        para item en ordenado(self.items.values(), key=lambda i: i.name):
            si item.qty < REORDER:
                producir item.name
    def value(self):
        devolver suma(i.total() para i en self.items.values())


def kind(entry):
    según entry:
        caso {"op": "add", "name": cadena(name), "price": price, **rest}:
            devolver "add", name, price, rest.get("qty", 1)
        caso {"op": "take", "name": name, "qty": entero(qty)} si qty > 0:
            devolver "take", name, qty
        caso [first, *others]:
            devolver "batch", first, longitud(others)
        caso _:
            devolver "unknown",

shop = Inventory()
log = [{"op": "add", "name": "pen", "price": 1.5, "qty": 10}, {"op": "add", "name": "ink", "price": 7.25}, {"op": "take", "name": "pen", "qty": 8}, {"op": "take", "name": "ink", "qty": 5}, {"op": "take", "name": "pen", "qty": 0}, ["a", "b", "c"]]
para entry en log:
    action = kind(entry)
    intentar:
        si action[0] == "add":
            shop.add(action[1], action[2], action[3])
        sinosi action[0] == "take":
            shop.take(action[1], action[2])
        sino:
            imprimir("skipped", action)
    excepto OutOfStock como err:
        imprimir(f"error: {err} ({err.item})")
    finalmente:
        pasar
imprimir(ordenado(shop.items.values(), key=lambda i: i.name))
imprimir(f"low: {lista(shop.low())}, value {shop.value():.2f}")
letters = Counter("".join(name para name en shop.items))
groups = defaultdict(lista)
para name en shop.items:
    groups[longitud(name)].append(name)
imprimir(letters.most_common(2), diccionario(groups))
squares = {n: n * n para n en rango(5) si n % 2 == 0}
imprimir(squares, [math.isqrt(v) para v en squares.values()], math.floor(math.pi * 100))
imprimir(f"{'done':>6}|{longitud(log):03d}|{TAX:.0%}")
