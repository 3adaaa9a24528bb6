importer math
depuis collections importer Counter, defaultdict
const TAX = 0.2
soit REORDER = 3

classe OutOfStock(Exception):
    déf __init__(self, item, wanted):
        superieur().__init__(f"{item}: {wanted} wanted")
        self.item = item


classe Item:
    déf __init__(self, name, price, qty=0):
        self.name = name
        self.price = price
        self.qty = qty
    déf total(self):
        retour arrondir(self.price * self.qty * (1 + TAX), 2)
    déf __repr__(self):
        retour f"Item({self.name!r}, {self.price:.2f}, qty={self.qty})"


classe Inventory:
    déf __init__(self):
        self.items = {}
    déf add(self, name, price, qty=1):
        item = self.items.setdefault(name, Item(name, price))
        item.qty += qty
        retour item
    déf take(self, name, qty):
        item = self.items.get(name)
        si item est Rien ou item.qty < qty:
            lever OutOfStock(name, qty)
        item.qty -= qty
    déf low(self):
        pour item dans trier(self.items.values(), key=lambda i: i.name):
            si item.qty < REORDER:
                produire item.name
    déf value(self):
        retour somme(i.total() pour i dans self.items.values())


déf kind(entry):
    selon entry:
        cas {"op": "add", "name": chaine(name), "price": price, **rest}:
            retour "add", name, price, rest.get("qty", 1)
        cas {"op": "take", "name": name, "qty": entier(qty)} si qty > 0:
            retour "take", name, qty
        cas [first, *others]:
            retour "batch", first, longueur(others)
        cas _:
            retour "unknown",

shop = Inventory()
log = [{"op": "add", "name": "pen", "price": 1.5, "qty": 10}, {"op": "add", "name": "ink", "price": 7.25}, {"op": "take", "name": "pen", "qty": 8}, {"op": "take", "name": "ink", "qty": 5}, {"op": "take", "name": "pen", "qty": 0}, ["a", "b", "c"]]
pour entry dans log:
    action = kind(entry)
    essayer:
        si action[0] == "add":
            shop.add(action[1], action[2], action[3])
        sinon si action[0] == "take":
            shop.take(action[1], action[2])
        sinon:
            afficher("skipped", action)
    sauf OutOfStock comme err:
        afficher(f"error: {err} ({err.item})")
    finalement:
        passer
afficher(trier(shop.items.values(), key=lambda i: i.name))
afficher(f"low: {liste(shop.low())}, value {shop.value():.2f}")
letters = Counter("".join(name pour name dans shop.items))
groups = defaultdict(liste)
pour name dans shop.items:
    groups[longueur(name)].append(name)
afficher(letters.most_common(2), dictionnaire(groups))
squares = {n: n * n pour n dans intervalle(5) si n % 2 == 0}
afficher(squares, [math.isqrt(v) pour v dans squares.values()], math.floor(math.pi * 100))
afficher(f"{'done':>6}|{longueur(log):03d}|{TAX:.0%}")
