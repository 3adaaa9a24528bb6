"""python -m multilingualprogramming._bench: run the benchmark suite."""

import sys

from ._harness import main

if __name__ == "__main__":
    sys.exit(main())
