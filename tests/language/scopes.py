# Scopes: globals, class scope, comprehension scope, walrus, let and const, del.
x = "global"


def outer():
    x = "enclosing"

    def inner():
        return x
    return inner()


class Config:
    x = "class"
    values = [x for _ in range(2)]

    def method(self):
        return x


print(outer(), Config.x, Config.values, Config().method())
data = [3, 8, 1, 9]
if (biggest := max(data)) > 5:
    print("big", biggest)
print([y for v in data if (y := v * 2) > 5], y)
counter = 0


def bump():
    global counter
    counter += 1


bump()
bump()
print(counter)
value = 1
del value
try:
    print(value)
except NameError:
    print("deleted")
total = 0
for i in range(5):
    total += i
print(total, i)
