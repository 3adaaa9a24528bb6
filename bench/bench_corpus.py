"""The corpus on every backend side by side (make bench-py): the harness of
bench/harness, writing results.md and results.png into --out.

    python bench/bench_corpus.py --out bench            # the figures of bench/results.md
    python bench/bench_corpus.py --quick --out /tmp/b   # a smoke run of a few seconds

``--help`` lists the options (workloads, backends, time caps). The exit
status is 1 when two backends returned different values.
"""

import sys

from harness import main

if __name__ == "__main__":
    sys.exit(main())
