"""Compile and run multilingual programs (17 languages) on WebAssembly or Python.

>>> import multilingualprogramming as mp
>>> prog = mp.compile_source("déf carré(n: entier) -> entier:\\n    retour n * n\\n")
>>> prog.language
'fr'
>>> prog.carré(12)
144

Importing the package also makes ``.multi`` modules importable from
Python (``import formes`` finds ``formes.multi`` on ``sys.path``); see
:func:`install_import_hook`. The names below load on first use, so that
``multilingual hello.multi`` starts without the compiler when the disk
cache has the program.
"""

from ._imports import install_import_hook, uninstall_import_hook
from ._version import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ._backend import Backend
    from ._errors import (
        CompileError,
        MultilingualError,
        MultilingualSyntaxError,
        NativeUnavailableError,
        SourceErrorDetail,
        WasmTrap,
    )
    from ._jit import JitFunction, jit
    from ._program import FunctionInfo, Program, compile_file, compile_source

__all__ = [
    "Backend",
    "CompileError",
    "FunctionInfo",
    "JitFunction",
    "MultilingualError",
    "MultilingualSyntaxError",
    "NativeUnavailableError",
    "Program",
    "SourceErrorDetail",
    "WasmTrap",
    "__version__",
    "compile_file",
    "compile_source",
    "install_import_hook",
    "jit",
    "load_ipython_extension",
    "uninstall_import_hook",
]

_LAZY = {
    "Backend": "_backend",
    "CompileError": "_errors",
    "MultilingualError": "_errors",
    "MultilingualSyntaxError": "_errors",
    "NativeUnavailableError": "_errors",
    "SourceErrorDetail": "_errors",
    "WasmTrap": "_errors",
    "FunctionInfo": "_program",
    "Program": "_program",
    "compile_file": "_program",
    "compile_source": "_program",
    "JitFunction": "_jit",
    "jit": "_jit",
}


def __getattr__(name: str) -> object:
    """The public names, imported on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError("module %r has no attribute %r" % (__name__, name))
    import importlib
    value = getattr(importlib.import_module("." + module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> "list[str]":
    """The module's names, the lazy ones included."""
    return sorted(set(globals()) | set(__all__))


def load_ipython_extension(ipython: object) -> None:
    """``%load_ext multilingualprogramming``: the ``%%multilingual`` cell
    magic (see _magic). IPython itself is imported only here."""
    from ._magic import load_ipython_extension as load
    load(ipython)


install_import_hook()
