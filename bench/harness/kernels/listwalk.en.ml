def listwalk(n: int) -> int:
    a = []
    for i in range(n):
        a.append((i * 7919) % 1009)
    s = 0
    for r in range(1, 11):
        for x in a:
            s = s + x * r
        i = 0
        while i < len(a):
            s = s - a[i]
            i = i + 1
    return s
