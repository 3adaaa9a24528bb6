# Imports of standard-library modules, module-level constants, __name__.
import math
import itertools as it
from collections import Counter, defaultdict, namedtuple
from functools import lru_cache

LIMIT = 10
PRIMES = (2, 3, 5, 7)
Pair = namedtuple("Pair", "left right")


@lru_cache(maxsize=None)
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)


print(math.sqrt(16), math.pi > 3, math.gcd(12, 18), math.floor(-2.5), math.isclose(0.1 + 0.2, 0.3))
print(list(it.islice(it.count(LIMIT), 3)), list(it.permutations("ab")), list(it.accumulate(PRIMES)))
c = Counter("mississippi")
print(c.most_common(2), c["s"])
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups))
p = Pair(1, right=2)
print(p, p.left + p.right, p._replace(left=5))
print(ways(LIMIT), [ways(i) for i in range(6)])
if __name__ == "__main__":
    print("main module")
