"""The glibc an extension needs: the newest GLIBC_ symbol version it asks for.

    python tests/wheel/glibc.py --max 2.17 [--arch x86_64] dist/*.whl

run by `make wheel` on each wheel it builds (the extension inside) or on
extension files (.so) named directly. It reads the ELF file's version needs
(the SHT_GNU_verneed section that `readelf -V` prints): each library it
links and the symbol versions it requires from it. The extension passes when
its newest GLIBC_x.y is at most --max, it asks for no GLIBC_PRIVATE symbol,
and (with --arch) its machine is the one named. One line per file; exit
status 1 when one fails. No dependency: the ELF is read with struct.
"""

from __future__ import annotations

import argparse
import struct
import sys
import zipfile
from typing import Callable, Dict, List, Optional, Sequence, Tuple

#: e_machine values and their names (uname -m spelling).
MACHINES = {3: "i686", 40: "arm", 62: "x86_64", 183: "aarch64"}

SHT_GNU_VERNEED = 0x6FFFFFFE

Version = Tuple[int, ...]


def byte_order(data: bytes) -> str:
    """The struct prefix of a 64-bit ELF file; ValueError for anything else."""
    if data[:4] != b"\x7fELF":
        raise ValueError("not an ELF file")
    if data[4] != 2:
        raise ValueError("not a 64-bit ELF file (EI_CLASS %d)" % data[4])
    if data[5] not in (1, 2):
        raise ValueError("unknown ELF byte order (EI_DATA %d)" % data[5])
    return "<" if data[5] == 1 else ">"


def machine(data: bytes) -> str:
    """The machine an ELF file is built for (x86_64, aarch64, ...)."""
    e = byte_order(data)
    (code,) = struct.unpack_from(e + "H", data, 18)
    return MACHINES.get(code, "e_machine %d" % code)


#: One section header of a 64-bit ELF file: (name offset, type, flags,
#: address, file offset, size, link, info, alignment, entry size).
Section = Tuple[int, int, int, int, int, int, int, int, int, int]


def section_headers(data: bytes) -> List[Section]:
    """The section headers of a 64-bit ELF file, in file order."""
    e = byte_order(data)
    shoff, = struct.unpack_from(e + "Q", data, 0x28)
    shentsize, shnum = struct.unpack_from(e + "HH", data, 0x3A)
    if shoff == 0 or shnum == 0:
        raise ValueError("the ELF file has no section headers")
    return [struct.unpack_from(e + "IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]


def needed_versions(data: bytes) -> Dict[str, List[str]]:
    """Each library named by the ELF file's version needs, with the symbol
    versions required from it, in file order."""
    e = byte_order(data)
    sections = section_headers(data)
    needs: Dict[str, List[str]] = {}
    for _name, kind, _flags, _addr, offset, _size, link, count, _align, _entsize in sections:
        if kind != SHT_GNU_VERNEED:
            continue
        strtab = sections[link][4]

        def string(at: int) -> str:
            end = data.index(b"\0", strtab + at)
            return data[strtab + at:end].decode("ascii")

        entry = offset
        for _ in range(count):
            _version, cnt, file_name, aux, next_entry = struct.unpack_from(e + "HHIII", data, entry)
            names = needs.setdefault(string(file_name), [])
            at = entry + aux
            for _ in range(cnt):
                _hash, _vflags, _other, name, next_aux = struct.unpack_from(e + "IHHII", data, at)
                names.append(string(name))
                at += next_aux
            entry += next_entry
    return needs


def glibc_version(name: str) -> Optional[Version]:
    """(2, 17) for "GLIBC_2.17"; None for any other version name."""
    if not name.startswith("GLIBC_"):
        return None
    parts = name[len("GLIBC_"):].split(".")
    if not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def newest_glibc(needs: Dict[str, List[str]]) -> Optional[Version]:
    """The newest GLIBC_x.y among the version needs, None without any."""
    found = [v for names in needs.values() for v in map(glibc_version, names) if v is not None]
    return max(found) if found else None


def parse_version(text: str) -> Version:
    """(2, 17) for "2.17"; ValueError for text that is not numbers and dots."""
    parts = text.split(".")
    if not text or not all(p.isdigit() for p in parts):
        raise ValueError("not a glibc version: %r" % text)
    return tuple(int(p) for p in parts)


def extension_bytes(path: str) -> List[Tuple[str, bytes]]:
    """The extension modules of a wheel (name, bytes), or the file itself."""
    if not path.endswith(".whl"):
        with open(path, "rb") as f:
            return [(path, f.read())]
    with zipfile.ZipFile(path) as z:
        return [(path + ":" + n, z.read(n)) for n in z.namelist() if n.endswith(".so")]


def check(name: str, data: bytes, limit: Version, arch: Optional[str]) -> List[str]:
    """Every problem of one extension, and its summary line printed."""
    problems = []
    mach = machine(data)
    needs = needed_versions(data)
    newest = newest_glibc(needs)
    shown = "GLIBC_" + ".".join(map(str, newest)) if newest else "no GLIBC_ version"
    print("%s: %s, needs %s; newest %s" % (name, mach, " ".join(sorted(needs)), shown))
    if arch is not None and mach != arch:
        problems.append("%s: built for %s, not %s" % (name, mach, arch))
    if newest is not None and newest > limit:
        problems.append("%s: needs %s, newer than glibc %s"
                        % (name, shown, ".".join(map(str, limit))))
    private = [lib for lib, names in needs.items() if "GLIBC_PRIVATE" in names]
    if private:
        problems.append("%s: needs GLIBC_PRIVATE from %s" % (name, ", ".join(private)))
    return problems


def main(argv: Sequence[str]) -> int:
    """Check each wheel or extension named; 0 when all pass."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max", required=True, help="the newest glibc allowed, e.g. 2.17")
    parser.add_argument("--arch", help="the machine the extension must be built for, e.g. aarch64")
    parser.add_argument("paths", nargs="+", metavar="WHEEL_OR_SO")
    args = parser.parse_args(argv)
    try:
        limit = parse_version(args.max)
    except ValueError as exc:
        parser.error(str(exc))
    return check_all(args.paths, lambda name, data: check(name, data, limit, args.arch))


def check_all(paths: Sequence[str], check_one: Callable[[str, bytes], List[str]]) -> int:
    """Run check_one on each extension of each wheel or file named, print
    every problem on stderr; 1 when there is one, else 0."""
    problems: List[str] = []
    for path in paths:
        found = extension_bytes(path)
        if not found:
            problems.append("%s: holds no extension module" % path)
        for name, data in found:
            try:
                problems += check_one(name, data)
            except (ValueError, struct.error) as exc:
                problems.append("%s: %s" % (name, exc))
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
