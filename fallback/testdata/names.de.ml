# Namen, die in Python Schlüsselwörter oder Builtins sind.
def rechne(class: ganz, True: ganz) -> ganz:
    print = class + True
    import = print * 2
    ausgeben(print, import)
    rückgabe import


def ｆ(x: ganz) -> ganz:
    rückgabe x + 1


def f(x: ganz) -> ganz:
    ｘ = x + 1
    rückgabe x * 10 + ｘ


behaupten rechne(1, 2) == 6
# ｆ und f sind ein Name, wie in Python: das zweite def gilt.
behaupten ｆ(1) == 22 und f(2) == 33
ausgeben("ok")
