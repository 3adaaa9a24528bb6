"""`multilingual build` replaces its outputs atomically (issue
"Reliability", item 5): a write that fails part way (here a file size
limit, as a full disk would) leaves the previous build whole, where it used
to leave a truncated .wasm or manifest."""

import json
import os
import resource
import signal
import subprocess
import sys

import pytest

from support import ROOT

SMALL = "def f(n: int) -> int:\n    return n + 1\n"
# Many functions: a .wasm and a fallback far larger than SMALL's.
BIG = "".join("def g%d(n: int) -> int:\n    return n * %d + 1\n\n" % (i, i) for i in range(300))
LIMIT = 16 * 1024


def _limit(size):
    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limited


def _run(args, limit=0):
    """Run Python with args, writing no file beyond limit bytes (when set)."""
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    return subprocess.run([sys.executable] + args, env=env, capture_output=True, text=True,
                          timeout=60, preexec_fn=_limit(limit) if limit else None)


def _snapshot(folder):
    return {name: (folder / name).read_bytes() for name in sorted(os.listdir(folder))}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE")
def test_build_that_fails_to_write_keeps_the_previous_build(tmp_path):
    src = tmp_path / "prog.multi"
    out = tmp_path / "out"
    src.write_text(SMALL, encoding="utf-8")
    cmd = ["-m", "multilingualprogramming", "build", str(src), "-o", str(out), "-l", "en"]
    r = _run(cmd, limit=0)
    assert r.returncode == 0, r.stderr
    before = _snapshot(out)
    assert set(before) == {"prog.wasm", "prog_fallback.py", "prog.json"}

    src.write_text(BIG, encoding="utf-8")
    r = _run(cmd, limit=LIMIT)
    assert r.returncode != 0
    assert _snapshot(out) == before, "a failed build changed or left files"
    json.loads(before["prog.json"])

    r = _run(cmd, limit=0)
    assert r.returncode == 0, r.stderr
    after = _snapshot(out)
    assert set(after) == set(before) and after["prog.json"] != before["prog.json"]
    assert len(after["prog.wasm"]) > LIMIT or len(after["prog_fallback.py"]) > LIMIT


def test_write_build_failing_on_the_manifest(tmp_path, monkeypatch):
    import multilingualprogramming as mp
    from multilingualprogramming import _corpus
    out = str(tmp_path)
    _corpus.write_build(mp.compile_source(SMALL, language="en"), "p", out)
    before = _snapshot(tmp_path)
    real_fdopen = os.fdopen
    writes = []

    class Full:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, data):
            writes.append(len(data))
            if len(writes) == 3:
                raise OSError(28, "No space left on device")
            return self.f.write(data)

        def flush(self):
            self.f.flush()

        def fileno(self):
            return self.f.fileno()

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    with pytest.raises(OSError):
        _corpus.write_build(mp.compile_source(BIG, language="en"), "p", out)
    assert len(writes) == 3
    assert _snapshot(tmp_path) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE")
def test_build_all_that_fails_keeps_the_previous_build(tmp_path):
    out = tmp_path / "corpus"
    code = "from multilingualprogramming import _corpus; _corpus.build_all(%r)" % str(out)
    r = _run(["-c", code], limit=0)
    assert r.returncode == 0, r.stderr
    before = _snapshot(out)
    # The next build cannot write a file half as large as the largest: it
    # fails there and keeps every previous file whole.
    r = _run(["-c", code], limit=max(len(data) for data in before.values()) // 2)
    assert r.returncode != 0 and "File too large" in r.stderr
    assert _snapshot(out) == before
