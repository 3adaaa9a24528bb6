"""Constants and markers shared by the test modules (fixtures live in conftest.py)."""

import os

import pytest

from multilingualprogramming import _native_loader

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")

HAVE_NATIVE = _native_loader.native is not None

needs_native = pytest.mark.skipif(
    not HAVE_NATIVE, reason="native extension hidden or unavailable (%s)" % _native_loader.native_reason_code)
