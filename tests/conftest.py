"""Shared fixtures: the native extension may be hidden (make test-fallback)."""

import os

import pytest
from hypothesis import settings

import multilingualprogramming as mp
from support import EXAMPLES, HAVE_NATIVE

# Programs that tests run (the English originals of tests/language and
# tests/whole_language) are data, not modules for pytest to import.
collect_ignore_glob = ["language/*.py", "whole_language/*.py", "programs_py/*.py"]

# The machine is shared and noisy: time limits per example would make tests flaky.
settings.register_profile("multilingual", deadline=None)
settings.load_profile("multilingual")


@pytest.fixture(scope="session")
def example_program():
    if not HAVE_NATIVE:
        pytest.skip("compiling needs the native extension")
    return mp.compile_file(os.path.join(EXAMPLES, "myfunction.multi"))
