"""Text statistics: string methods, sorting, dictionaries and formatting."""

import re
from collections import defaultdict

SAMPLE = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness."""

STOP = frozenset({"the", "of", "it", "was"})


def tokenize(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z']+", text)]


def frequencies(words):
    counts = defaultdict(int)
    for word in words:
        if word in STOP:
            continue
        counts[word] += 1
    return dict(counts)


def top(counts, n=3):
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:n]


def histogram(counts, width=20):
    peak = max(counts.values(), default=1)
    lines = []
    for word, count in top(counts, len(counts)):
        bar = "#" * (count * width // peak)
        lines.append(f"{word:>12} | {bar:<{width}} | {count}")
    return "\n".join(lines)


def sentences(text):
    parts = re.split(r"[.!?]\s*", text.strip())
    return [p for p in parts if p]


def initials(text):
    return "".join(w[0].upper() for w in tokenize(text) if w not in STOP)


words = tokenize(SAMPLE)
counts = frequencies(words)
print(len(words), top(counts), sentences(SAMPLE), initials(SAMPLE))
print(histogram(counts))
print("longest:", max(words, key=len), "average:", sum(map(len, words)) / len(words))
