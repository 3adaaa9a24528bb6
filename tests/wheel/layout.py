"""Where the linker put the code of a call from Python (pybridge/hot.ld).

    python tests/wheel/layout.py dist/*.whl
    python tests/wheel/layout.py python/multilingualprogramming/_native.abi3.so

run by `make wheel` on each wheel it builds (the extension inside) and by
`make test` (tests/wheel/test_layout.py) on the extension `make build`
made. An extension passes when it has the output section .text.ml_hot
that pybridge/hot.ld makes, page-aligned, and Wasmtime's entry point
wasmtime_func_call_unchecked (an exported symbol, so readable in a stripped
file) lies inside it, at the start of a page: the linker read the script
and its patterns matched this Wasmtime's library. One line per file; exit status 1 when one fails.
No dependency: the ELF is read with struct (glibc.py's reader).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from typing import Dict, List, Sequence, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from glibc import byte_order, check_all, section_headers  # noqa: E402

#: The output section of pybridge/hot.ld.
HOT_SECTION = ".text.ml_hot"
#: The Wasmtime function the section must hold.
ENTRY = "wasmtime_func_call_unchecked"
SHT_DYNSYM = 11


def _string(data: bytes, at: int) -> str:
    return data[at:data.index(b"\0", at)].decode("ascii", "replace")


def sections_by_name(data: bytes) -> Dict[str, Tuple[int, int, int]]:
    """Each section's (address, size, alignment), by name."""
    headers = section_headers(data)
    (shstrndx,) = struct.unpack_from(byte_order(data) + "H", data, 0x3E)
    names = headers[shstrndx][4]
    return {_string(data, names + h[0]): (h[3], h[5], h[8]) for h in headers}


def dynamic_symbols(data: bytes) -> Dict[str, int]:
    """The value (address) of each symbol of the dynamic symbol table."""
    e = byte_order(data)
    headers = section_headers(data)
    found: Dict[str, int] = {}
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in headers:
        if kind != SHT_DYNSYM or entsize == 0:
            continue
        strtab = headers[link][4]
        for at in range(offset, offset + size, entsize):
            name, _info_b, _other, _shndx, value, _size = struct.unpack_from(e + "IBBHQQ", data, at)
            if name:
                found[_string(data, strtab + name)] = value
    return found


def check(name: str, data: bytes) -> List[str]:
    """Every problem of one extension, and its summary line printed."""
    sections = sections_by_name(data)
    if HOT_SECTION not in sections:
        print("%s: no %s section" % (name, HOT_SECTION))
        return ["%s: no %s section: the linker did not read pybridge/hot.ld" % (name, HOT_SECTION)]
    addr, size, _align = sections[HOT_SECTION]
    entry = dynamic_symbols(data).get(ENTRY)
    print("%s: %s at %#x, %d bytes; %s at %#x" % (name, HOT_SECTION, addr, size, ENTRY,
                                                  entry if entry is not None else 0))
    problems = []
    if addr % 4096 != 0:
        problems.append("%s: %s at %#x is not page-aligned" % (name, HOT_SECTION, addr))
    if entry is None:
        problems.append("%s: no dynamic symbol %s" % (name, ENTRY))
    elif not addr <= entry < addr + size:
        problems.append("%s: %s (%#x) is outside %s: pybridge/hot.ld's patterns matched "
                        "none of this Wasmtime's functions" % (name, ENTRY, entry, HOT_SECTION))
    elif entry % 4096 != 0:
        problems.append("%s: %s (%#x) does not start a page, as pybridge/hot.ld places "
                        "Wasmtime's functions" % (name, ENTRY, entry))
    return problems


def main(argv: Sequence[str]) -> int:
    """Check each wheel or extension named; 0 when all pass."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", metavar="WHEEL_OR_SO")
    args = parser.parse_args(argv)
    return check_all(args.paths, check)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
