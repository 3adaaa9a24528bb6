def expensive(n: int) -> int:
    result = 0
    for i in range(n * n):
        result = result + (i * i) // (i + 1)
    return result
