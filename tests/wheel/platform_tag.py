"""The platform tags of a release wheel, from what auditwheel found in it.

    python -m auditwheel show --json WHEEL | \\
        python tests/wheel/platform_tag.py --floor 2.17 --arch x86_64

run by `make wheel`. auditwheel's overall_tag is the most widely installable
manylinux tag the wheel's extension satisfies (its glibc symbol versions, the
libraries it links, its instruction set). When that tag's glibc is at most
--floor and its machine is --arch, this prints the platform tags the wheel
gets: manylinux_<floor>_<arch>, followed by the PEP 600 legacy alias where
there is one (manylinux2014_x86_64 for 2.17), joined by dots as
`wheel tags --platform-tag` takes them. Otherwise it says why on stderr and
exits with status 1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Optional, Sequence, Tuple

#: PEP 600's legacy names of the first manylinux glibc floors.
LEGACY = {(2, 5): "manylinux1", (2, 12): "manylinux2010", (2, 17): "manylinux2014"}


def parse_tag(tag: str) -> Optional[Tuple[Tuple[int, int], str]]:
    """((2, 17), "x86_64") for "manylinux_2_17_x86_64"; None for a tag of
    another form (linux_x86_64, musllinux_1_2_x86_64...)."""
    m = re.fullmatch(r"manylinux_(\d+)_(\d+)_(\w+)", tag)
    if m is None:
        return None
    return (int(m.group(1)), int(m.group(2))), m.group(3)


def platform_tags(overall: str, floor: Tuple[int, int], arch: str) -> str:
    """The dotted platform tags for a wheel whose auditwheel overall_tag is
    overall, at glibc floor; ValueError when the wheel does not satisfy it."""
    parsed = parse_tag(overall)
    if parsed is None:
        raise ValueError("auditwheel found no manylinux tag the wheel satisfies (%s)" % overall)
    glibc, machine = parsed
    if machine != arch:
        raise ValueError("the wheel is for %s, not %s" % (machine, arch))
    if glibc > floor:
        raise ValueError("the wheel needs glibc %d.%d (%s), newer than %d.%d"
                         % (glibc + (overall,) + floor))
    tags = ["manylinux_%d_%d_%s" % (floor + (arch,))]
    if floor in LEGACY:
        tags.append("%s_%s" % (LEGACY[floor], arch))
    return ".".join(tags)


def main(argv: Sequence[str]) -> int:
    """Read `auditwheel show --json` on stdin, print the tags or fail."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--floor", required=True, help="the oldest glibc to support, e.g. 2.17")
    parser.add_argument("--arch", required=True, help="the wheel's machine, e.g. x86_64")
    args = parser.parse_args(argv)
    m = re.fullmatch(r"(\d+)\.(\d+)", args.floor)
    if m is None:
        parser.error("--floor: not a glibc version: %r" % args.floor)
    floor = (int(m.group(1)), int(m.group(2)))
    try:
        report = json.load(sys.stdin)
        print(platform_tags(report["overall_tag"], floor, args.arch))
    except (ValueError, KeyError, TypeError) as exc:
        print("platform_tag.py: %s" % (exc,), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
