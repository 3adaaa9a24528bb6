"""Parallel and distributed throughput (make bench-parallel).

Prints, side by side in one run: one long WebAssembly call alone, two such
calls on two threads at once (the GIL is released while WebAssembly runs),
Program.map over many calls on 1 and 2 threads, and map_on_cluster on a
local Dask cluster of two worker processes against the local map.
"""

from __future__ import annotations

import os
import platform
import threading
import time

import multilingualprogramming as mp

SOURCE = """\
def work(n: int) -> int:
    total = 0
    for i in range(n):
        total = total + (i * i) // (i + 1)
    return total
"""


def best(fn, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    prog = mp.compile_source(SOURCE, language="en")
    n = 20_000_000
    prog.work(1000)

    one = best(lambda: prog.work(n))

    def two_threads():
        threads = [threading.Thread(target=prog.work, args=(n,)) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    two = best(two_threads)
    print("# parallel execution, %s, %d CPUs, %s" % (time.strftime("%Y-%m-%d"), os.cpu_count(),
                                                     platform.machine()))
    print("\n| measurement | seconds | note |\n|---|---|---|")
    print("| one call work(%d) | %.3f | |" % (n, one))
    print("| two calls on two threads | %.3f | %.2fx the time of one (1.00 = perfect overlap) |"
          % (two, two / one))

    inputs = [2_000_000] * 32
    t1 = best(lambda: prog.map("work", inputs, workers=1), repeat=2)
    t2 = best(lambda: prog.map("work", inputs, workers=2), repeat=2)
    print("| prog.map 32 calls, 1 thread | %.3f | %.1f calls/s |" % (t1, len(inputs) / t1))
    print("| prog.map 32 calls, 2 threads | %.3f | %.1f calls/s, speedup %.2fx |"
          % (t2, len(inputs) / t2, t1 / t2))
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("| map_on_cluster | - | dask.distributed not installed |")
        return
    from multilingualprogramming.distributed import map_on_cluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as client:
        map_on_cluster(client, prog, "work", [10] * 4)          # ship the program, warm up
        tc = best(lambda: map_on_cluster(client, prog, "work", inputs, chunk_size=4), repeat=2)
        assert map_on_cluster(client, prog, "work", inputs[:4]) == prog.map("work", inputs[:4])
    print("| map_on_cluster 32 calls, 2 worker processes | %.3f | %.1f calls/s, %.2fx local 2-thread map |"
          % (tc, len(inputs) / tc, t2 / tc))


if __name__ == "__main__":
    main()
