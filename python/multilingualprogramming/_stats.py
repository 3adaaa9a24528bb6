"""Per-function call counts of a running program (``multilingual --stats``).

A CallStats is given to :meth:`Program.run`, which then binds every
top-level function of the program through it: a compilable function's
WebAssembly code is wrapped to count the calls that enter it from Python,
and its Python fallback to count the calls WebAssembly handed back, with
the reason the native module recorded for that very call (its
``last_call()``, the data ``Program.last_report`` shows); a function that
runs in Python is wrapped to count its calls under the reason it does
(not compilable, ``--backend python``, no native extension). Without
--stats none of this exists: the running program calls its functions
directly.

Calls are counted where they enter a function from Python code (the top
level, another Python function, a fallback): calls that compiled code
makes to compiled code stay inside WebAssembly and are not seen, so a
recursive function run on WebAssembly counts one call per entry, and the
same function run in Python one per call.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional

    from ._program import FunctionInfo

__all__ = ["CallStats", "REASON_LABELS"]

#: How the table names each reason code (see _backend.REASONS).
REASON_LABELS = {
    "forced-python": "--backend python",
    "native-unavailable": "no native extension",
    "native-disabled": "MULTILINGUAL_NO_NATIVE is set",
    "unsupported-platform": "no native build for this platform",
    "no-wasm-binary": "no WebAssembly binary",
    "wasm-overflow-fallback": "overflow",
    "wasm-argument-fallback": "argument types",
    "wasm-trap-fallback": "trap",
    "wasm-unsupported-fallback": "unsupported value",
    "wasm-memory-fallback": "out of memory",
    "wasm-reentrant-fallback": "reentrant call",
}


class _Counts:
    """The counts of one function."""

    __slots__ = ("entries", "python", "reasons")

    def __init__(self) -> None:
        self.entries = 0           # calls of its WebAssembly binding
        self.python = 0            # calls that ran the Python function
        self.reasons: Dict[str, int] = {}

    def ran_python(self, reason: str) -> None:
        self.python += 1
        self.reasons[reason] = self.reasons.get(reason, 0) + 1


class CallStats:
    """Call counts for each top-level function of one program run."""

    def __init__(self, functions: Dict[str, FunctionInfo]) -> None:
        self._functions = functions
        self._counts: Dict[str, _Counts] = {name: _Counts() for name in functions}

    def _of(self, name: str) -> _Counts:
        counts = self._counts.get(name)
        if counts is None:
            counts = self._counts[name] = _Counts()
        return counts

    def python(self, name: str, fn: Callable[..., Any], reason: str) -> Callable[..., Any]:
        """fn, counting each call as run in Python for ``reason``."""
        counts = self._of(name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            counts.ran_python(reason)
            return fn(*args, **kwargs)

        return _like(counted, fn)

    def fallback(self, name: str, fn: Callable[..., Any], module: Any) -> Callable[..., Any]:
        """fn as the Python fallback of a WebAssembly function of ``module``:
        each call counts under the reason the module recorded for it just
        before handing it over."""
        counts = self._of(name)
        last_call = module.last_call

        def counted_fallback(*args: Any, **kwargs: Any) -> Any:
            last = last_call()
            counts.ran_python(last[2] if last is not None else "unknown")
            return fn(*args, **kwargs)

        return _like(counted_fallback, fn)

    def wasm(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """fn, a WebAssembly binding, counting each call that enters it."""
        counts = self._of(name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            counts.entries += 1
            return fn(*args, **kwargs)

        counted.__name__ = getattr(fn, "__name__", name)
        counted.__doc__ = getattr(fn, "__doc__", None)
        return counted

    def rows(self) -> List[Dict[str, Any]]:
        """One dict per function: function, wasm, python, why (reason code ->
        count), detail (the checker's reason for a function that does not
        compile)."""
        out = []
        for name, counts in self._counts.items():
            info: Optional[FunctionInfo] = self._functions.get(name)
            out.append({
                "function": name,
                "wasm": counts.entries - sum(n for r, n in counts.reasons.items()
                                             if r.startswith("wasm-")),
                "python": counts.python,
                "why": dict(counts.reasons),
                "detail": info.reason if info is not None and not info.compilable else "",
            })
        return out

    def table(self) -> str:
        """The counts as a short table, one line per function."""
        rows = self.rows()
        head = ("function", "wasm", "python", "why not WebAssembly")
        lines = [head]
        for row in rows:
            why = []
            if row["detail"]:
                why.append("not compilable: " + row["detail"])
            for reason, n in sorted(row["why"].items(), key=lambda kv: (-kv[1], kv[0])):
                if reason == "not-compilable":
                    continue
                label = REASON_LABELS.get(reason, reason)
                why.append(("fell back: %s x%d" if reason.startswith("wasm-") else "%s x%d")
                           % (label, n))
            lines.append((row["function"], str(row["wasm"]), str(row["python"]), "; ".join(why)))
        width = [max(len(line[i]) for line in lines) for i in range(3)]
        text = ["multilingual --stats: calls from Python to each function"]
        for line in lines:
            cells = (line[0].ljust(width[0]), line[1].rjust(width[1]), line[2].rjust(width[2]), line[3])
            text.append(("  %s  %s  %s  %s" % cells).rstrip())
        return "\n".join(text) + "\n"


def _like(wrapper: Callable[..., Any], fn: Callable[..., Any]) -> Callable[..., Any]:
    """wrapper, named and documented as fn."""
    for attr in ("__name__", "__qualname__", "__doc__", "__module__"):
        try:
            setattr(wrapper, attr, getattr(fn, attr))
        except (AttributeError, TypeError):
            pass
    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    return wrapper
