"""The English twin of tests/programs/logic.hi.multi, written by hand in plain Python."""


def सीमा_में(x: int, low: int, high: int) -> bool:
    return low <= x and x <= high


def कोई_शून्य(a: int, b: int, c: int) -> bool:
    return a == 0 or b == 0 or c == 0


def उलटा(p: bool) -> bool:
    return not p


def चुनें(p: bool, a: int, b: int) -> int:
    if p:
        return a
    else:
        return b


def सम_गिनती(n: int) -> int:
    count = 0
    for k in range(n):
        if k % 2 == 0 and not k % 3 == 0:
            count += 1
    return count
