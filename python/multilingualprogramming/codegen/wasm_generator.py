"""The guide's code generator interface, over the Go core's own encoder.

>>> from multilingualprogramming.parser import Parser
>>> from multilingualprogramming.codegen.wasm_generator import WasmCodeGenerator
>>> program = Parser("def sq(n: int) -> int:\\n    return n * n\\n").parse()
>>> "(module" in WasmCodeGenerator().generate(program)
True
>>> WasmCodeGenerator().compile(program)[:4]
b'\\x00asm'

The guide's pipeline went through generated Rust and Cranelift; ours
writes the WebAssembly binary directly, so ``generate`` returns the module
as WebAssembly text (for reading) and ``compile`` the binary.
"""

from __future__ import annotations

from .._program import Program, compile_source

__all__ = ["WasmCodeGenerator"]


class WasmCodeGenerator:
    """Turns a parsed program into WebAssembly, optimized unless
    ``optimize`` is False (as compile_source)."""

    def __init__(self, optimize: bool = True) -> None:
        self.optimize = optimize

    def _program(self, program: "Program | str") -> Program:
        if isinstance(program, Program):
            return program
        if isinstance(program, str):
            return compile_source(program, optimize=self.optimize)
        raise TypeError("expected a Program (from Parser(...).parse()) or source text, not %s"
                        % type(program).__name__)

    def generate(self, program: "Program | str") -> str:
        """The module as WebAssembly text, with the source's names."""
        return self._program(program).wat()

    def compile(self, program: "Program | str") -> bytes:
        """The module as a WebAssembly binary."""
        return self._program(program).wasm_bytes
