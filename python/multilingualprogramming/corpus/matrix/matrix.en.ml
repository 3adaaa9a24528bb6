# Dense float matrices: product, transpose and determinant, over lists of
# rows and over flat buffers (n x n, row-major). The English twin of
# matrix.fr.ml: the same functions, giving the same results. Results are
# bit-identical to runtime.python_fallbacks.MatrixOperations (the same
# operations in the same order). An invalid shape (ragged rows, sizes that
# do not match) fails an assertion (AssertionError).

def multiply(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    result = []
    inner = len(b)
    cols = 0
    if inner > 0:
        cols = len(b[0])
    for row_b in b:
        assert len(row_b) == cols, "b has rows of different lengths"
    for row in a:
        assert len(row) == inner, "sizes do not match for the product"
        # i-k-j order: each element receives its products in the order
        # k = 0, 1, ... as in MatrixOperations (the same bits), but the inner
        # loop walks a row of b, which is kind to the cache.
        new_row = [0.0] * cols
        for k in range(inner):
            factor = row[k]
            row_b = b[k]
            for j in range(cols):
                new_row[j] += factor * row_b[j]
        result.append(new_row)
    return result

def transpose(m: list[list[float]]) -> list[list[float]]:
    result = []
    if len(m) == 0:
        return result
    cols = len(m[0])
    for row in m:
        assert len(row) == cols, "m has rows of different lengths"
    for j in range(cols):
        column = []
        for row in m:
            column.append(row[j])
        result.append(column)
    return result

def determinant(m: list[list[float]]) -> float:
    # Gaussian elimination with partial pivoting, on a copy of m.
    n = len(m)
    a = []
    for row in m:
        assert len(row) == n, "the determinant needs a square matrix"
        copy = []
        for x in row:
            copy.append(float(x))
        a.append(copy)
    det = 1.0
    for c in range(n):
        pivot = c
        best = abs(a[c][c])
        for r in range(c + 1, n):
            candidate = abs(a[r][c])
            if candidate > best:
                pivot = r
                best = candidate
        if a[pivot][c] == 0.0:
            return 0.0
        if pivot != c:
            swap = a[c]
            a[c] = a[pivot]
            a[pivot] = swap
            det = -det
        det *= a[c][c]
        for r in range(c + 1, n):
            factor = a[r][c] / a[c][c]
            if factor != 0.0:
                for k in range(c, n):
                    a[r][k] -= factor * a[c][k]
    return det

def multiply_flat(a: list[float], b: list[float], n: int) -> list[float]:
    assert n >= 0 and len(a) == n * n and len(b) == n * n, "a and b must hold n * n elements"
    result = [0.0] * (n * n)
    for i in range(n):
        for j in range(n):
            total = 0.0
            for k in range(n):
                total += a[i * n + k] * b[k * n + j]
            result[i * n + j] = total
    return result

def transpose_flat(a: list[float], rows: int, cols: int) -> list[float]:
    assert rows >= 0 and cols >= 0 and len(a) == rows * cols, "a must hold rows * cols elements"
    result = [0.0] * (rows * cols)
    for i in range(rows):
        for j in range(cols):
            result[j * rows + i] = a[i * cols + j]
    return result

def determinant_flat(a: list[float], n: int) -> float:
    assert n >= 0 and len(a) == n * n, "a must hold n * n elements"
    rows = []
    for i in range(n):
        row = []
        for j in range(n):
            row.append(a[i * n + j])
        rows.append(row)
    return determinant(rows)

def product_sum(n: int) -> float:
    # Benchmark: the product of two fixed n x n matrices, its elements summed.
    a = []
    b = []
    for i in range(n):
        row_a = []
        row_b = []
        for j in range(n):
            row_a.append(float((i * n + j) % 7) - 3.0)
            row_b.append(float((i + 2 * j) % 5) * 0.5)
        a.append(row_a)
        b.append(row_b)
    product = multiply(a, b)
    total = 0.0
    for row in product:
        for x in row:
            total += x
    return total

def determinant_pattern(n: int) -> float:
    # Benchmark: the determinant of a fixed n x n matrix (flat buffer).
    a = []
    for i in range(n):
        for j in range(n):
            value = float((i * i + 3 * j) % 11) - 5.0
            if i == j:
                value += 20.0
            a.append(value)
    return determinant_flat(a, n)
