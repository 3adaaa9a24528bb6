"""Scopes: global and nonlocal declarations, deletion, shadowing, let/const free Python."""

counter = 0
registry = {}


def bump(step=1):
    global counter
    counter += step
    return counter


def register(key, *values):
    global registry, counter
    registry[key] = values
    counter = len(registry)


def make_account(balance=0):
    history = []

    def deposit(amount):
        nonlocal balance
        balance += amount
        history.append(("deposit", amount))
        return balance

    def withdraw(amount):
        nonlocal balance, history
        if amount > balance:
            raise ValueError("insufficient funds")
        balance -= amount
        history = history + [("withdraw", amount)]
        return balance

    def report():
        return balance, list(history)

    return deposit, withdraw, report


def shadow():
    value = "outer"

    def inner():
        value = "inner"
        return value

    return inner(), value


deposit, withdraw, report = make_account(100)
deposit(50)
withdraw(30)
bump()
bump(5)
register("a", 1, 2)
temp = [1, 2, 3]
del temp[0]
del temp
print(counter, registry, report(), shadow())
