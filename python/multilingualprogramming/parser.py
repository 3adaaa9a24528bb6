"""The guide's parser entry point.

>>> from multilingualprogramming.parser import Parser
>>> program = Parser("def sq(n: int) -> int:\\n    return n * n\\n").parse()
>>> program.language, list(program.functions)
('en', ['sq'])

``parse()`` runs the whole front end of the Go core (lexer, parser,
checker) and the code generators, and returns the compiled
:class:`~multilingualprogramming.Program`; source errors raise
:class:`~multilingualprogramming.MultilingualSyntaxError` listing every
problem with its line and column.
"""

from __future__ import annotations

from typing import Optional

from ._program import Program, compile_source

__all__ = ["Parser"]


class Parser:
    """Parses program text written in any of the 17 languages."""

    def __init__(self, source: str, language: Optional[str] = None,
                 filename: Optional[str] = None) -> None:
        if not isinstance(source, str):
            raise TypeError("source must be str, not %s" % type(source).__name__)
        self.source = source
        self.language = language
        self.filename = filename or "<source>"

    def parse(self) -> Program:
        """The checked, compiled program."""
        return compile_source(self.source, language=self.language, filename=self.filename)
