"""Program.map on threads and processes; map_on_cluster on a real Dask cluster."""

import os
import signal
import time

import pytest

import multilingualprogramming as mp
from support import HAVE_NATIVE, needs_native

SOURCE = """\
def work(n: int) -> int:
    total = 0
    for i in range(n):
        total = total + (i * i) // (i + 1)
    return total

def inverse(n: int) -> int:
    return 1000 // n

def square(n: int) -> int:
    return n * n
"""


def reference_work(n):
    total = 0
    for i in range(n):
        total = total + (i * i) // (i + 1)
    return total


@pytest.fixture(scope="module")
def prog():
    if not HAVE_NATIVE:
        pytest.skip("compiling needs the native extension")
    return mp.compile_source(SOURCE, language="en")


@needs_native
def test_map_threads_in_order(prog):
    inputs = list(range(0, 3000, 37))
    assert prog.map("work", inputs) == [reference_work(n) for n in inputs]
    assert prog.map("work", inputs, workers=1) == [reference_work(n) for n in inputs]
    assert prog.map("square", [(3,), (4,)]) == [9, 16]


@needs_native
def test_map_reraises_with_index(prog):
    with pytest.raises(ZeroDivisionError) as info:
        prog.map("inverse", [5, 4, 0, 2])
    assert info.value.index == 2


@needs_native
def test_map_overflow_falls_back(prog):
    big = 2 ** 40
    assert prog.map("square", [2, big]) == [4, big * big]


@needs_native
def test_map_python_serial_and_processes_agree(prog):
    inputs = [0, 1, 5, 100, 2 ** 40]
    serial = prog.map("square", inputs, backend=mp.Backend.PYTHON)
    pooled = prog.map("square", inputs, backend=mp.Backend.PYTHON, processes=True, workers=2)
    assert serial == pooled == [n * n for n in inputs]
    with pytest.raises(ZeroDivisionError) as info:
        prog.map("inverse", [1, 0], backend=mp.Backend.PYTHON, processes=True, workers=2)
    assert info.value.index == 1


@needs_native
def test_program_pickles_without_compiler(prog):
    import pickle
    clone = pickle.loads(pickle.dumps(prog))
    assert clone.work(1000) == reference_work(1000)
    assert clone.functions == prog.functions


@needs_native
def test_map_rejects_bad_workers(prog):
    with pytest.raises(ValueError):
        prog.map("square", [1], workers=0)


# ---- Dask ----

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    if not HAVE_NATIVE:
        pytest.skip("compiling needs the native extension")
    from distributed import Client, LocalCluster
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@needs_native
def test_map_on_cluster_equals_local(client, prog):
    from multilingualprogramming.distributed import map_on_cluster
    inputs = list(range(0, 5000, 50)) + [(2 ** 40,)]
    want = [reference_work(n) for n in inputs[:-1]]
    got = map_on_cluster(client, prog, "work", inputs[:-1])
    assert got == want == prog.map("work", inputs[:-1])
    assert map_on_cluster(client, prog, "square", [2 ** 40, 3]) == [2 ** 80, 9]


@needs_native
def test_map_on_cluster_error_reaches_caller(client, prog):
    from multilingualprogramming.distributed import map_on_cluster
    with pytest.raises(ZeroDivisionError, match="division"):
        map_on_cluster(client, prog, "inverse", [1, 2, 0, 4], chunk_size=1)


@needs_native
def test_map_on_cluster_survives_killed_worker(client, prog):
    from multilingualprogramming.distributed import map_on_cluster

    # Each call takes 0.15 to 0.5 s (the compiled loop got faster), and 40
    # of them on two workers several seconds, so the run is still going
    # when one worker dies. (i * i) // (i + 1) == i - 1 for i >= 1, which
    # gives the expected sum in closed form.
    n = 60_000_000
    expected = (n - 1) * (n - 2) // 2
    assert reference_work(1000) == 999 * 998 // 2
    inputs = [n] * 40
    fut = client.submit(lambda: None)  # make sure both workers are up
    fut.result()
    workers = list(client.scheduler_info()["workers"])
    assert len(workers) == 2
    pids = client.run(os.getpid)

    import threading
    result = {}

    def run():
        result["value"] = map_on_cluster(client, prog, "work", inputs, chunk_size=1, retries=5)

    t = threading.Thread(target=run)
    t.start()
    time.sleep(1.0)
    assert t.is_alive(), "the run finished before a worker could be killed"
    os.kill(pids[workers[0]], signal.SIGKILL)
    t.join(timeout=300)
    assert not t.is_alive()
    assert result["value"] == [expected] * len(inputs)
