def matmul(n: int) -> float:
    a = []
    b = []
    for i in range(n):
        ra = [0.0] * n
        rb = [0.0] * n
        for j in range(n):
            ra[j] = float(i + j) / n
            rb[j] = float(i - j) / n
        a.append(ra)
        b.append(rb)
    c = 0.0
    for i in range(n):
        ai = a[i]
        for j in range(n):
            s = 0.0
            for k in range(n):
                s = s + ai[k] * b[k][j]
            c = c + s
    return c
