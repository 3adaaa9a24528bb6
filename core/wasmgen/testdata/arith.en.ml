def mix(a: int, b: int, x: float) -> float:
    q = a // b + a % b - a ** 3
    return q / 2 + x * 2.0 - abs(x)

def conv(x: float) -> int:
    return int(x) + round(x) + int(True) + int(2 > 1)

def fold() -> int:
    return (6 * 7) + (-7 // 2) - 2 ** 10

def sign(x: float) -> int:
    if x > 0.0:
        return 1
    elif x < 0.0:
        return -1
    else:
        return 0

def chain(a: int, b: int, c: int) -> bool:
    return a < b <= c and not (a == c)

def show(x: int) -> None:
    print(x)
