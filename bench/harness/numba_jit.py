"""The Numba column: numba.njit applied to the generated Python fallback.

The peer to beat is the same Python code compiled by Numba: every function
of the program's generated fallback is wrapped in ``numba.njit``, so calls
between them stay in machine code. The fallback runs in a module object
registered in sys.modules: Numba resolves recursive calls (fib) through the
function's module, and a bare exec namespace leaves them unresolved.
Compilation happens at the first call; the harness times it separately.
"""

from __future__ import annotations

import importlib
import re
import sys
import types
import warnings
from typing import Any, Callable, Dict, Optional

_counter = 0


def numba_version() -> Optional[str]:
    """Numba's version, or None when it does not import."""
    try:
        return str(importlib.import_module("numba").__version__)
    except Exception:  # noqa: BLE001 - any import failure means no column
        return None


def jit_program(python_source: str, label: str) -> Dict[str, Callable[..., Any]]:
    """Function name -> Numba dispatcher, for every function of the
    generated Python module ``python_source``."""
    global _counter
    numba = importlib.import_module("numba")
    _counter += 1
    name = "harness._jit_%d_%s" % (_counter, re.sub(r"\W", "_", label))
    module = types.ModuleType(name)
    sys.modules[name] = module
    code = compile(python_source, "<numba copy of %s>" % label, "exec")
    exec(code, module.__dict__)  # defines functions only
    names: Dict[str, Any] = module.__dict__["__ml_names__"]
    out: Dict[str, Callable[..., Any]] = {}
    for ml_name, fn in names.items():
        dispatcher = numba.njit(fn)
        setattr(module, fn.__name__, dispatcher)
        out[ml_name] = dispatcher
    return out


def quiet(fn: Callable[..., Any], *args: Any) -> Any:
    """Call fn with Numba's deprecation warnings (reflected lists) hidden."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args)
