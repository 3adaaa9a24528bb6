"""Shared fixtures: the native extension may be hidden (make test-fallback)."""

import os

import pytest
from hypothesis import settings

import multilingualprogramming as mp
from multilingualprogramming import _native_loader

# The machine is shared and noisy: time limits per example would make tests flaky.
settings.register_profile("multilingual", deadline=None)
settings.load_profile("multilingual")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")

HAVE_NATIVE = _native_loader.native is not None

needs_native = pytest.mark.skipif(
    not HAVE_NATIVE, reason="native extension hidden or unavailable (%s)" % _native_loader.native_reason_code)


@pytest.fixture(scope="session")
def example_program():
    if not HAVE_NATIVE:
        pytest.skip("compiling needs the native extension")
    return mp.compile_file(os.path.join(EXAMPLES, "myfunction.ml"))
