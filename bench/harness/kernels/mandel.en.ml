def mandel(width: int, height: int, limit: int) -> int:
    total = 0
    for j in range(height):
        y0 = -1.5 + 3.0 * j / height
        for i in range(width):
            x0 = -2.0 + 3.0 * i / width
            zx = 0.0
            zy = 0.0
            k = 0
            while k < limit and zx * zx + zy * zy <= 4.0:
                t = zx * zx - zy * zy + x0
                zy = 2.0 * zx * zy + y0
                zx = t
                k += 1
            total += k
    return total
