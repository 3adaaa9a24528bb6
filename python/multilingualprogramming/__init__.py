"""Compile and run multilingual programs (17 languages) on WebAssembly or Python.

>>> import multilingualprogramming as mp
>>> prog = mp.compile_source("déf carré(n: entier) -> entier:\\n    retour n * n\\n")
>>> prog.language
'fr'
>>> prog.carré(12)
144
"""

from ._backend import Backend
from ._errors import (
    CompileError,
    MultilingualError,
    MultilingualSyntaxError,
    NativeUnavailableError,
    SourceErrorDetail,
    WasmTrap,
)
from ._program import FunctionInfo, Program, compile_file, compile_source
from ._version import __version__

__all__ = [
    "Backend",
    "CompileError",
    "FunctionInfo",
    "MultilingualError",
    "MultilingualSyntaxError",
    "NativeUnavailableError",
    "Program",
    "SourceErrorDetail",
    "WasmTrap",
    "__version__",
    "compile_file",
    "compile_source",
]
