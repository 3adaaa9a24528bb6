"""The corpus as the wheel ships it: prebuilt .wasm, fallbacks and manifests.

These tests run in both modes: with the extension hidden, the prebuilt
programs still answer, through their shipped Python fallbacks.
"""

import math
import os

import pytest

import multilingualprogramming as mp
from multilingualprogramming import _corpus
from multilingualprogramming.runtime.backend_selector import Backend, BackendRegistry, BackendSelector
from support import HAVE_NATIVE

pytestmark = pytest.mark.skipif(not os.path.isdir(_corpus.BUILD_DIR),
                                reason="corpus not built (make build)")


def test_every_source_has_a_build():
    for stem in _corpus.sources():
        for suffix in (".wasm", "_fallback.py", ".json"):
            assert os.path.exists(os.path.join(_corpus.BUILD_DIR, stem + suffix)), stem + suffix


def test_prebuilt_programs_answer():
    numeric = _corpus.load("numeric.it")
    assert numeric.language == "it"
    assert numeric.fib_ricorsivo(20) == 6765
    assert numeric.mcd(12, 18) == math.gcd(12, 18)
    assert numeric.fattoriale(25) == math.factorial(25)        # beyond 64 bits: exact
    assert numeric.last_report["backend"] == "python"
    expected = "wasm" if HAVE_NATIVE else "python"
    numeric.mcd(7, 21)
    assert numeric.last_report["backend"] == expected


def test_registry_functions_served_by_the_corpus():
    for name, (stem, func) in _corpus.REGISTRY_FUNCTIONS.items():
        assert func in _corpus.load(stem).functions, (name, stem, func)


def test_selector_uses_corpus_wasm_for_scalar_registry_functions():
    sel = BackendSelector(registry=BackendRegistry(private=True))
    assert sel.call_function("gcd", 12, 18) == 6
    assert sel.get_last_call_report()["backend"] == ("wasm" if HAVE_NATIVE else "python")
    # The corpus fails an assert where the registry raises ValueError:
    # AUTO re-runs the call in Python and gives the registry's answer.
    with pytest.raises(ValueError):
        sel.call_function("factorial", -1)
    if HAVE_NATIVE:
        assert sel.get_last_call_report()["reason"] == "wasm-trap-fallback"
        with pytest.raises(AssertionError):
            BackendSelector(prefer_backend=Backend.WASM,
                            registry=BackendRegistry(private=True)).call_function("factorial", -1)


def test_status_names_registry_functions_without_wasm():
    status = BackendSelector(registry=BackendRegistry(private=True)).get_status()
    fns = status["functions"]
    assert fns["string_reverse"]["wasm"] is None          # strings: Python only
    assert fns["numeric_gcd"]["wasm"] is not None


@pytest.mark.skipif(HAVE_NATIVE, reason="checks the pure-Python mode")
def test_fallback_mode_says_why():
    sel = BackendSelector()
    assert sel.call_function("gcd", 12, 18) == 6
    assert sel.get_status()["reason"] in ("native-disabled", "native-unavailable")
    with pytest.raises(mp.NativeUnavailableError):
        mp.compile_source("x = 1\n")
