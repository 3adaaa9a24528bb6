"""Bounded probes of issue 16 (threads, signals, fork, the cache directory): each
needs the extension, and each runs in a few seconds (subprocesses have time limits)."""

from multilingualprogramming import _native_loader

if _native_loader.native is None:
    collect_ignore_glob = ["test_*.py"]
