def strhash(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) % 2**32
    return h
