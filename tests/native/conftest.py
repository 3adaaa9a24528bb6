"""The extension's own tests need the extension as the package loads it:
in pure-Python mode (MULTILINGUAL_NO_NATIVE=1) they are not collected."""

from multilingualprogramming import _native_loader

if _native_loader.native is None:
    collect_ignore_glob = ["test_*.py"]
