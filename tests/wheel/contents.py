"""The file list of a built wheel: what it must ship and what it must not.

    python tests/wheel/contents.py dist/*.whl

run by `make wheel` and `make test-sdist` on the wheels they build. A wheel
holds the package and its dist-info only: the extension, the compiled corpus
(.wasm, Python fallbacks, manifests), the corpus sources and py.typed. The
benchmark harness and its C kernels (bench/, bench/harness/c) stay in the
source tree, and no C source or header ships. Exit status 1 with one line
per problem.
"""

from __future__ import annotations

import sys
import zipfile
from typing import Iterable, List, Sequence

PACKAGE = "multilingualprogramming"

#: Files every wheel holds (the extension is checked apart: its name varies).
REQUIRED = (
    PACKAGE + "/__init__.py",
    PACKAGE + "/cli.py",
    PACKAGE + "/py.typed",
    PACKAGE + "/corpus_build/numeric.it.wasm",
)


def forbidden(names: Iterable[str]) -> List[str]:
    """The names that must not be in the package: anything outside the
    package and its dist-info, benchmark code, C sources and headers."""
    bad = []
    for name in names:
        top = name.split("/", 1)[0]
        parts = name.split("/")
        if top != PACKAGE and not (top.startswith(PACKAGE + "-") and top.endswith(".dist-info")):
            bad.append("%s: outside the package" % name)
        elif "_bench" in parts or "bench" in parts or "harness" in parts:
            bad.append("%s: benchmark code (it lives in the source tree's bench/)" % name)
        elif name.endswith((".c", ".h")):
            bad.append("%s: a C source" % name)
    return bad


def missing(names: Iterable[str], required: Sequence[str] = REQUIRED) -> List[str]:
    """What the wheel lacks: the files of required and the extension."""
    have = set(names)
    lacks = ["%s: missing" % r for r in required if r not in have]
    if not any(n.startswith(PACKAGE + "/_native.") and n.endswith((".so", ".pyd")) for n in have):
        lacks.append("%s/_native.*: the extension is missing" % PACKAGE)
    return lacks


def check_wheel(path: str) -> List[str]:
    """Every problem of the wheel at path."""
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if not n.endswith("/")]
    return forbidden(names) + missing(names)


def main(argv: Sequence[str]) -> int:
    """Check each wheel named on the command line; 0 when all are right."""
    if not argv:
        print("usage: python tests/wheel/contents.py WHEEL...", file=sys.stderr)
        return 2
    status = 0
    for path in argv:
        problems = check_wheel(path)
        for p in problems:
            print("%s: %s" % (path, p), file=sys.stderr)
        if problems:
            status = 1
        else:
            print("%s: contents ok" % path)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
