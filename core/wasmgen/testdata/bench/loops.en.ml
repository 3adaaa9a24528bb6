def loops(n: int) -> int:
    s = 0
    for i in range(n):
        for j in range(n):
            s = s + (i * j) % 7
    return s
