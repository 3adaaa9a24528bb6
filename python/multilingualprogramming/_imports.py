"""Importing ``.multi`` modules, from programs and from Python.

A program's ``import geometrie.formes`` or ``from statistiques import
moyenne`` finds ``geometrie/formes.multi`` (or ``.ml``) next to the
importing file or in a directory of ``MULTILINGUAL_PATH``, packages being
directories with an ``__init__.multi``; Python's own modules import as
usual. From Python, once the hook is installed (``import
multilingualprogramming`` installs it), ``import formes`` finds
``formes.multi`` on ``sys.path``.

Two pieces do this:

- a path hook: the ``FileFinder`` of every directory on ``sys.path`` (and
  of every package's ``__path__``) knows the suffix ``.multi`` after
  Python's own (extension modules, ``.py``, ``.pyc``), so in one directory
  Python's files win, and directories earlier on the path win, exactly as
  for Python modules. ``.ml`` is not looked for there: OCaml and Standard
  ML use it too, and a stray ``json.ml`` in the current directory must not
  shadow the standard library for every Python program;
- a finder ahead of Python's ``PathFinder`` for imports made by a program:
  it looks in the importing file's directory, then in ``MULTILINGUAL_PATH``,
  for Python and multilingual modules (``.multi`` and ``.ml``), and in the
  directories of multilingual packages for their submodules. The importer
  is the first frame outside importlib; it is a program when its globals
  are a generated module's (they hold ``__ml_language__``).

Loading a module compiles the file once per process (the disk cache of
``_cache`` keeps the result across processes) and executes the generated
module in the module's namespace with ``__ml_run__`` true (importing a
module runs its top level, as in Python) and ``__ml_bind__`` binding each
compilable function to its WebAssembly code with the Python function as
its fallback. Each file's language is detected, or given by a
``# language: xx`` comment in its first lines, so modules of different
languages import each other. Relative imports, circular imports and
``importlib.reload`` behave as in Python: the machinery is importlib's.
"""

from __future__ import annotations

import builtins
import os
import sys
from importlib.machinery import (BYTECODE_SUFFIXES, EXTENSION_SUFFIXES, SOURCE_SUFFIXES,
                                 ExtensionFileLoader, FileFinder, ModuleSpec, PathFinder,
                                 SourceFileLoader, SourcelessFileLoader)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import CodeType, FrameType, ModuleType
    from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

    from ._program import Program

__all__ = ["MultilingualLoader", "install_import_hook", "uninstall_import_hook",
           "SUFFIXES", "PATH_SUFFIXES"]

#: Suffixes of multilingual modules next to a program and on MULTILINGUAL_PATH.
SUFFIXES = [".multi", ".ml"]
#: Suffixes of multilingual modules on sys.path (see the module docstring).
PATH_SUFFIXES = [".multi"]

#: Marks the namespace packages that the program finder made.
_NAMESPACE_STATE = "multilingualprogramming-namespace"


class MultilingualLoader:
    """Loads one ``.multi`` (or ``.ml``) file as a module."""

    def __init__(self, fullname: str, path: str) -> None:
        self.name = fullname
        self.path = path

    def __repr__(self) -> str:
        return "<MultilingualLoader %s from %r>" % (self.name, self.path)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, MultilingualLoader) and self.name == other.name
                and self.path == other.path)

    def __hash__(self) -> int:
        return hash((self.name, self.path))

    def create_module(self, spec: ModuleSpec) -> Optional[ModuleType]:
        """The default module object."""
        return None

    def exec_module(self, module: ModuleType) -> None:
        """Run the module's generated code in its namespace: definitions
        and actions, compilable functions bound to WebAssembly."""
        prog = self.program()
        ns = module.__dict__
        ns["__ml_run__"] = True
        ns["__ml_bind__"] = prog._bind
        ns["__ml_program__"] = prog
        ns.setdefault("__builtins__", builtins)
        exec(prog._compiled(), ns)

    def program(self) -> Program:
        """The file compiled (once per process for the same text)."""
        return _program_for(self.path)

    def get_filename(self, fullname: Optional[str] = None) -> str:
        """The file the module comes from."""
        return self.path

    def get_source(self, fullname: Optional[str] = None) -> str:
        """The user's text (what tracebacks quote)."""
        from ._program import read_source
        return read_source(self.path)[1]

    def get_code(self, fullname: Optional[str] = None) -> CodeType:
        """The generated module's code, with the user's file and lines;
        run without ``__ml_bind__`` (``runpy``) it is pure Python."""
        return self.program()._compiled()

    def is_package(self, fullname: Optional[str] = None) -> bool:
        """Whether the file is a package's ``__init__``."""
        return os.path.splitext(os.path.basename(self.path))[0] == "__init__"


# ---- compiled once per process ----

_programs: Dict[str, Tuple[bytes, Program]] = {}


def _program_for(path: str) -> Program:
    """The Program of file ``path``: the one compiled earlier in this
    process when the file still holds the same bytes, else loaded from the
    disk cache or compiled."""
    from ._program import load_file
    with open(path, "rb") as f:
        data = f.read()
    known = _programs.get(path)
    if known is not None and known[0] == data:
        return known[1]
    prog = load_file(path, data=data)
    _programs[path] = (data, prog)
    return prog


# ---- finders ----

def _loaders(suffixes: Sequence[str]) -> List[Tuple[Any, List[str]]]:
    """Python's file loaders, then ours for ``suffixes``: in a directory,
    Python's modules win."""
    return [(ExtensionFileLoader, list(EXTENSION_SUFFIXES)),
            (SourceFileLoader, list(SOURCE_SUFFIXES)),
            (SourcelessFileLoader, list(BYTECODE_SUFFIXES)),
            (MultilingualLoader, list(suffixes))]


_dir_finders: Dict[str, FileFinder] = {}


def _dir_finder(path: str) -> FileFinder:
    """The finder of directory path for programs' imports (Python's
    suffixes and ours, .ml included), made once."""
    finder = _dir_finders.get(path)
    if finder is None:
        finder = _dir_finders[path] = FileFinder(path, *_loaders(SUFFIXES))
    return finder


def _multilingual_path() -> List[str]:
    """The directories of MULTILINGUAL_PATH (os.pathsep-separated)."""
    value = os.environ.get("MULTILINGUAL_PATH", "")
    return [os.path.abspath(p) for p in value.split(os.pathsep) if p]


def _importer_dir(frame: Optional[FrameType]) -> Optional[str]:
    """The directory of the program that is importing, from the first frame
    outside importlib; None when the importer is not a program. A program
    without a file (the interactive session) imports from the current
    directory."""
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith("<frozen importlib") or \
                str(frame.f_globals.get("__name__", "")).startswith("importlib"):
            frame = frame.f_back
            continue
        g = frame.f_globals
        if "__ml_language__" not in g:
            return None
        file = g.get("__file__")
        if not isinstance(file, str) or not file:
            return os.getcwd()
        return os.path.dirname(os.path.abspath(file))
    return None


def _is_multilingual_package(module: Any) -> bool:
    """A package whose submodules the program finder looks for: one loaded
    from a multilingual ``__init__``, or a namespace package (a plain
    directory, which may hold ``.ml`` files)."""
    spec = getattr(module, "__spec__", None)
    if spec is None:
        return False
    loader = spec.loader
    if isinstance(loader, MultilingualLoader) or spec.loader_state == _NAMESPACE_STATE:
        return True
    return loader is None or type(loader).__name__ in ("NamespaceLoader", "_NamespaceLoader")


class ProgramFinder:
    """Finds the modules a program imports next to its file and on
    MULTILINGUAL_PATH, and the submodules of multilingual packages; placed
    ahead of PathFinder. Imports made by Python code go on to PathFinder
    untouched, except for the submodules of multilingual packages."""

    def find_spec(self, fullname: str, path: Optional[Sequence[str]] = None,
                  target: Optional[ModuleType] = None) -> Optional[ModuleSpec]:
        """The spec of ``fullname`` when it is found in our directories."""
        if path is None:
            where = _importer_dir(sys._getframe(1))
            if where is None:
                return None
            dirs = [where] + _multilingual_path()
        else:
            parent = sys.modules.get(fullname.rpartition(".")[0])
            if not _is_multilingual_package(parent):
                return None
            dirs = [p for p in path if isinstance(p, str)]
        portions: List[str] = []
        seen = set()
        for d in dirs:
            if d in seen or not os.path.isdir(d):
                continue
            seen.add(d)
            spec = _dir_finder(d).find_spec(fullname)
            if spec is None:
                continue
            if spec.loader is not None:
                return spec
            portions.extend(spec.submodule_search_locations or [])
        if not portions or path is not None:
            return None
        # Directories without __init__: a namespace package, unless a
        # module or a regular package of that name is found on sys.path.
        other = PathFinder.find_spec(fullname)
        if other is not None and other.loader is not None:
            return None
        if other is not None and other.submodule_search_locations:
            portions.extend(p for p in other.submodule_search_locations if p not in portions)
        spec = ModuleSpec(fullname, None, is_package=True)
        spec.submodule_search_locations = portions
        spec.loader_state = _NAMESPACE_STATE
        return spec

    def invalidate_caches(self) -> None:
        """Forget the directory listings (importlib.invalidate_caches)."""
        for finder in _dir_finders.values():
            finder.invalidate_caches()


_finder = ProgramFinder()
_path_hook: Callable[[str], Any] = FileFinder.path_hook(*_loaders(PATH_SUFFIXES))


def _drop_file_finders() -> None:
    """Forget the cached finders of sys.path directories, so that the path
    hooks run again."""
    cache = sys.path_importer_cache
    for key, value in list(cache.items()):
        if value is None or isinstance(value, FileFinder):
            del cache[key]


def install_import_hook() -> None:
    """Make ``.multi`` modules importable (idempotent; ``import
    multilingualprogramming`` calls it)."""
    if _finder not in sys.meta_path:
        try:
            at = sys.meta_path.index(PathFinder)
        except ValueError:
            at = len(sys.meta_path)
        sys.meta_path.insert(at, _finder)
    if _path_hook not in sys.path_hooks:
        # Ahead of the standard FileFinder hook, which would claim every directory.
        at = len(sys.path_hooks)
        for i, hook in enumerate(sys.path_hooks):
            if "FileFinder" in getattr(hook, "__qualname__", ""):
                at = i
                break
        sys.path_hooks.insert(at, _path_hook)
        _drop_file_finders()


def uninstall_import_hook() -> None:
    """Undo install_import_hook; modules already imported stay."""
    while _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
    if _path_hook in sys.path_hooks:
        sys.path_hooks.remove(_path_hook)
        _drop_file_finders()
