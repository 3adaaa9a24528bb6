"""Whole programs through the Python package: a program over Python's whole
surface, written in English and rendered into French, Spanish and Japanese
(tests/whole_language, rendered by tools/render), must print under
``prog.run()`` what CPython prints for the same program written in Python
below; and the module layout's contract: loading runs definitions only,
functions see the module's constants, tracebacks point into the user's
file."""

import contextlib
import io
import os
import subprocess
import sys
import traceback

import pytest

import multilingualprogramming as mp
from support import ROOT, needs_native

HERE = os.path.join(ROOT, "tests", "whole_language")

# The inventory program in Python: what every rendering must print.
INVENTORY_PY = '''
import math
from collections import Counter, defaultdict

TAX = 0.2
REORDER = 3


class OutOfStock(Exception):
    def __init__(self, item, wanted):
        super().__init__(f"{item}: {wanted} wanted")
        self.item = item


class Item:
    def __init__(self, name, price, qty=0):
        self.name, self.price, self.qty = name, price, qty

    def total(self):
        return round(self.price * self.qty * (1 + TAX), 2)

    def __repr__(self):
        return f"Item({self.name!r}, {self.price:.2f}, qty={self.qty})"


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, name, price, qty=1):
        item = self.items.setdefault(name, Item(name, price))
        item.qty += qty
        return item

    def take(self, name, qty):
        item = self.items.get(name)
        if item is None or item.qty < qty:
            raise OutOfStock(name, qty)
        item.qty -= qty

    def low(self):
        for item in sorted(self.items.values(), key=lambda i: i.name):
            if item.qty < REORDER:
                yield item.name

    def value(self):
        return sum(i.total() for i in self.items.values())


def kind(entry):
    match entry:
        case {"op": "add", "name": str(name), "price": price, **rest}:
            return ("add", name, price, rest.get("qty", 1))
        case {"op": "take", "name": name, "qty": int(qty)} if qty > 0:
            return ("take", name, qty)
        case [first, *others]:
            return ("batch", first, len(others))
        case _:
            return ("unknown",)


shop = Inventory()
log = [
    {"op": "add", "name": "pen", "price": 1.5, "qty": 10},
    {"op": "add", "name": "ink", "price": 7.25},
    {"op": "take", "name": "pen", "qty": 8},
    {"op": "take", "name": "ink", "qty": 5},
    {"op": "take", "name": "pen", "qty": 0},
    ["a", "b", "c"],
]
for entry in log:
    action = kind(entry)
    try:
        if action[0] == "add":
            shop.add(*action[1:])
        elif action[0] == "take":
            shop.take(*action[1:])
        else:
            print("skipped", action)
    except OutOfStock as err:
        print(f"error: {err} ({err.item})")

print(sorted(shop.items.values(), key=lambda i: i.name))
print(f"low: {list(shop.low())}, value {shop.value():.2f}")
letters = Counter("".join(shop.items))
groups = defaultdict(list)
for name in shop.items:
    groups[len(name)].append(name)
print(letters.most_common(2), dict(groups))
squares = {n: n * n for n in range(5) if n % 2 == 0}
print(squares, [math.isqrt(v) for v in squares.values()], math.floor(math.pi * 100))
print(f"{'done':>6}|{len(log):03d}|{TAX:.0%}")
'''


def cpython_output(source):
    """What CPython prints running source as a script, in a subprocess."""
    r = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout


def run_output(prog):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        prog.run()
    return buf.getvalue()


@needs_native
@pytest.mark.parametrize("lang", ["en", "fr", "es", "ja"])
def test_inventory_runs_like_cpython(lang):
    prog = mp.compile_file(os.path.join(HERE, "inventory.%s.multi" % lang))
    assert prog.language == lang
    assert run_output(prog) == cpython_output(INVENTORY_PY)
    # prog.f sees the classes and constants the module defines.
    assert prog.kind({"op": "take", "name": "x", "qty": 2}) == ("take", "x", 2)


# A program whose top level has actions around its definitions.
LAYOUT = """\
import math

LIMIT = 10
SCALE = LIMIT * 2
names = {"a": 1}

print("action 1")


def scaled(n):
    return n * SCALE + len(names)


def limit_of(n):
    return min(n, LIMIT)


counter = 0
print("action 2", scaled(1))
names["b"] = 2
WIDTH = len(names)
"""


@needs_native
def test_loading_runs_definitions_only(capsys):
    prog = mp.compile_source(LAYOUT, language="en", filename="layout.multi")
    assert prog.scaled(2) == 41  # reads SCALE and names, set by definitions
    assert prog.limit_of(50) == 10
    assert prog.call("scaled", 1, backend="python") == 21
    assert capsys.readouterr().out == ""  # no action ran
    globs = run_output(prog)
    assert globs == "action 1\naction 2 21\n"


@needs_native
def test_run_returns_globals_and_is_fresh():
    prog = mp.compile_source(LAYOUT, language="en", filename="layout.multi")
    with contextlib.redirect_stdout(io.StringIO()):
        first = prog.run()
        second = prog.run()
    assert first["WIDTH"] == 2 and first["names"] == {"a": 1, "b": 2}
    assert second["names"] == {"a": 1, "b": 2}  # a fresh namespace each run
    assert first["math"] is second["math"]
    assert prog.scaled(0) == 1  # running did not touch the loaded module


@needs_native
def test_run_is_main_and_compiled_functions_run_wasm():
    src = ("def square(n: int) -> int:\n    return n * n\n\n"
           "if __name__ == \"__main__\":\n    print(square(12), square.__name__)\n")
    prog = mp.compile_source(src, language="en", filename="main.multi")
    assert prog.functions["square"].compilable
    assert run_output(prog) == "144 square\n"
    if mp._native_loader.native is not None:
        assert prog.last_report["backend"] == "wasm"


FAILING = """\
déf divise(a, b):
    retour a // b


x = 1
afficher("avant")
afficher(divise(x, 0))
"""


@needs_native
def test_traceback_names_the_users_file_and_line(tmp_path):
    path = tmp_path / "échec.multi"
    path.write_text(FAILING, encoding="utf-8")
    prog = mp.compile_file(str(path), language="fr")
    with pytest.raises(ZeroDivisionError) as info:
        with contextlib.redirect_stdout(io.StringIO()):
            prog.run()
    frames = [f for f in traceback.extract_tb(info.value.__traceback__) if f.filename == str(path)]
    assert [(f.lineno, f.name, f.line) for f in frames] == [
        (7, "<module>", "afficher(divise(x, 0))"),
        (2, "divise", "retour a // b"),
    ]
    with pytest.raises(ZeroDivisionError) as info:
        prog.call("divise", 1, 0, backend="python")
    last = traceback.extract_tb(info.value.__traceback__)[-1]
    assert (last.filename, last.lineno, last.line) == (str(path), 2, "retour a // b")


@needs_native
def test_cli_run_prints_the_users_traceback(tmp_path):
    path = tmp_path / "échec.multi"
    path.write_text(FAILING, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    r = subprocess.run([sys.executable, "-m", "multilingualprogramming", "run", str(path), "un", "deux"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1
    assert r.stdout == "avant\n"
    assert r.stderr.startswith("Traceback (most recent call last):\n  File \"%s\", line 7, in <module>\n"
                               "    afficher(divise(x, 0))\n" % path)
    assert "    retour a // b\n           ~~^^~~\nZeroDivisionError" in r.stderr
    assert "_program.py" not in r.stderr


@needs_native
def test_cli_run_passes_arguments(tmp_path):
    path = tmp_path / "args.multi"
    path.write_text("import sys\nprint(sys.argv[1:])\nsys.exit(3)\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    r = subprocess.run([sys.executable, "-m", "multilingualprogramming", "run", str(path), "a", "b"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert (r.returncode, r.stdout) == (3, "['a', 'b']\n"), r.stderr


# A module as the generator writes it for the program below, so that the
# package's side of the contract is tested without the compiler too.
CONTRACT_SOURCE = """\
BASE = 5
afficher("loaded?")
déf plus(n):
    retour n + BASE
déf casse(n):
    retour 1 // n
afficher(plus(1), casse(0))
"""

CONTRACT_MODULE = '''\
# Code generated by multilingual from "contract.multi" (Français, fr). DO NOT EDIT.
from __future__ import annotations
__ml_language__ = "fr"
__ml_run__ = globals().get("__ml_run__", __name__ == "__main__")
__ml_bind__ = globals().get("__ml_bind__") or (lambda _name, function: function)
BASE = 5
if __ml_run__:
    print("loaded?")
def plus(n):
    return n + BASE
plus = __ml_bind__("plus", plus)
def casse(n):
    return 1 // n
if __ml_run__:
    print(plus(1), casse(0))
__ml_functions__ = ["plus", "casse"]
__ml_names__ = {"plus": plus, "casse": casse}
__ml_lines__ = (1, 0, 6, 1, 8, 2, 9, 3, 11, 3, 12, 5, 14, 7, 15, 7, 16, 0)
'''


def contract_program():
    functions = [{"name": n, "params": [["n", "unknown"]], "result": "unknown", "compilable": False,
                  "reason": "test"} for n in ("plus", "casse")]
    artifact = {"language": "fr", "python": CONTRACT_MODULE, "functions": functions,
                "source": CONTRACT_SOURCE}
    return mp.Program(artifact, "contract.multi")


def test_contract_load_and_run_without_the_compiler(capsys):
    prog = contract_program()
    assert prog.plus(2) == 7
    assert capsys.readouterr().out == ""
    with pytest.raises(ZeroDivisionError) as info:
        prog.run()
    assert capsys.readouterr().out == "loaded?\n"
    frames = [(f.filename, f.lineno, f.name, f.line)
              for f in traceback.extract_tb(info.value.__traceback__)][-2:]
    assert frames == [("contract.multi", 7, "<module>", "afficher(plus(1), casse(0))"),
                      ("contract.multi", 6, "casse", "retour 1 // n")]
    # The loaded module is a module of its own while the program lives.
    module_name = prog.python_function("plus").__module__
    assert sys.modules[module_name].BASE == 5
    del prog, info  # the traceback holds run()'s frame, and so the program
    import gc
    gc.collect()
    assert module_name not in sys.modules


def test_contract_pickles_with_the_source():
    import pickle
    prog = pickle.loads(pickle.dumps(contract_program()))
    assert prog.source == CONTRACT_SOURCE
    assert prog.call("plus", 1, backend="python") == 6
