"""Imports of ``.multi`` modules: from programs (next to the importing file,
on MULTILINGUAL_PATH, packages, relative and circular imports, modules in
other languages) and from Python (``import formes`` after ``import
multilingualprogramming``, ``importlib.reload``)."""

import importlib
import os
import subprocess
import sys
import textwrap

import pytest

import multilingualprogramming as mp
from multilingualprogramming import _imports, _program
from support import ROOT, needs_native

pytestmark = needs_native


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Each test gets its own cache directory, no MULTILINGUAL_PATH, and
    forgets the modules it imported from tmp_path."""
    monkeypatch.setenv("MULTILINGUAL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MULTILINGUAL_PATH", raising=False)
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        f = getattr(sys.modules[name], "__file__", None) or ""
        paths = list(getattr(sys.modules[name], "__path__", []) or [])
        if f.startswith(str(tmp_path)) or any(str(p).startswith(str(tmp_path)) for p in paths):
            del sys.modules[name]


def write(root, files):
    """Write {relative path: text} under root; returns root."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    importlib.invalidate_caches()
    return root


def run(path, capsys):
    """Run the program at path as `multilingual path` does, in this
    process; returns what it printed."""
    mp.compile_file(str(path)).run()
    return capsys.readouterr().out


def test_nested_packages_and_from_import_as(tmp_path, capsys):
    write(tmp_path, {
        "geometrie/__init__.multi": """\
            afficher("geometrie", __name__)
            """,
        "geometrie/formes/__init__.multi": """\
            CÔTÉS = {"carré": 4}
            """,
        "geometrie/formes/aires.multi": """\
            déf carré(c: entier) -> entier:
                retour c * c
            """,
        "statistiques.multi": """\
            déf moyenne(xs):
                retour somme(xs) / longueur(xs)
            """,
        "main.multi": """\
            importer geometrie.formes.aires
            depuis geometrie.formes importer aires comme a, CÔTÉS
            depuis statistiques importer moyenne comme m
            afficher(geometrie.formes.aires.carré(3), a.carré(4), CÔTÉS, m([1, 2, 3]))
            """,
    })
    assert run(tmp_path / "main.multi", capsys) == "geometrie geometrie\n9 16 {'carré': 4} 2.0\n"


def test_modules_in_other_languages(tmp_path, capsys):
    write(tmp_path, {
        "shapes.multi": """\
            def area(w: int, h: int) -> int:
                return w * h
            """,
        "keisan.multi": """\
            関数 倍(n: 整数) -> 整数:
                戻る 2 * n
            """,
        "kurz.multi": """\
            # Sprache: de
            x = 1
            """,
        "main.multi": """\
            # langue: fr
            importer shapes, keisan, kurz
            afficher(shapes.area(2, 3), keisan.倍(21), kurz.x)
            """,
    })
    assert run(tmp_path / "main.multi", capsys) == "6 42 1\n"
    languages = [sys.modules[name].__ml_language__ for name in ("shapes", "keisan", "kurz")]
    assert languages == ["en", "ja", "de"]


def test_relative_imports_in_a_package(tmp_path, capsys):
    write(tmp_path, {
        "pkg/__init__.multi": """\
            depuis .outils importer double
            depuis . importer constantes
            """,
        "pkg/constantes.multi": "DIX = 10\n",
        "pkg/outils.multi": """\
            déf double(n: entier) -> entier:
                retour 2 * n
            """,
        "pkg/sous/__init__.multi": "",
        "pkg/sous/calcul.multi": """\
            depuis .. importer constantes
            depuis ..outils importer double
            depuis . importer voisin
            déf calcule() -> entier:
                retour double(constantes.DIX) + voisin.UN
            """,
        "pkg/sous/voisin.ml": "UN = 1\n",
        "main.multi": """\
            importer pkg
            depuis pkg.sous.calcul importer calcule
            afficher(pkg.double(4), pkg.constantes.DIX, calcule())
            """,
    })
    assert run(tmp_path / "main.multi", capsys) == "8 10 21\n"


def test_circular_imports_behave_as_in_python(tmp_path, capsys):
    write(tmp_path, {
        "a.multi": """\
            importer b
            X = 1
            déf f():
                retour b.g()
            """,
        "b.multi": """\
            importer a
            déf g():
                retour a.X + 1
            """,
        "main.multi": """\
            importer a
            afficher(a.f())
            """,
        "c.multi": "depuis d importer Y\nX = 1\n",
        "d.multi": "depuis c importer X\nY = 2\n",
        "main2.multi": "importer c\n",
    })
    assert run(tmp_path / "main.multi", capsys) == "2\n"
    with pytest.raises(ImportError, match="partially initialized module 'c'"):
        run(tmp_path / "main2.multi", capsys)


def test_import_runs_the_top_level_once_and_is_not_main(tmp_path, capsys):
    write(tmp_path, {
        "bavard.multi": """\
            afficher("chargé", __name__)
            si __name__ == "__main__":
                afficher("principal")
            """,
        "main.multi": """\
            importer bavard
            importer bavard
            afficher(__name__)
            """,
    })
    assert run(tmp_path / "main.multi", capsys) == "chargé bavard\n__main__\n"


def test_multilingual_path_and_python_modules(tmp_path, capsys, monkeypatch):
    lib = write(tmp_path / "lib", {
        "bibliotheque.multi": """\
            importer json
            déf code(x):
                retour json.dumps(x)
            """,
    })
    write(tmp_path / "app", {
        "aide.py": "def triple(n):\n    return 3 * n\n",
        "main.multi": """\
            importer math
            importer aide, bibliotheque
            afficher(math.gcd(12, 18), aide.triple(2), bibliotheque.code([1]))
            """,
    })
    with pytest.raises(ModuleNotFoundError, match="bibliotheque"):
        run(tmp_path / "app" / "main.multi", capsys)
    monkeypatch.setenv("MULTILINGUAL_PATH", os.pathsep.join([str(tmp_path / "nowhere"), str(lib)]))
    assert run(tmp_path / "app" / "main.multi", capsys) == "6 6 [1]\n"


def test_python_file_wins_in_the_same_directory(tmp_path, capsys):
    write(tmp_path, {
        "double.py": "WHO = 'python'\n",
        "double.multi": "WHO = 'multi'\n",
        "main.multi": "importer double\nafficher(double.WHO)\n",
    })
    assert run(tmp_path / "main.multi", capsys) == "python\n"


def test_namespace_package_next_to_the_program(tmp_path, capsys):
    write(tmp_path, {
        "espace/module.ml": "VALEUR = 5\n",
        "main.multi": "importer espace.module\nafficher(espace.module.VALEUR)\n",
    })
    assert run(tmp_path / "main.multi", capsys) == "5\n"


def test_a_module_that_does_not_compile(tmp_path, capsys):
    write(tmp_path, {
        "cassé.multi": "déf f(:\n",
        "main.multi": "importer cassé\n",
    })
    with pytest.raises(mp.MultilingualSyntaxError) as info:
        run(tmp_path / "main.multi", capsys)
    assert isinstance(info.value, SyntaxError)
    assert info.value.filename == str(tmp_path / "cassé.multi")


def test_compiled_once_per_process(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MULTILINGUAL_CACHE_DIR", "off")
    calls = []
    real = _program.compile_source

    def counting(source, *args, **kwargs):
        calls.append(kwargs.get("filename"))
        return real(source, *args, **kwargs)

    monkeypatch.setattr(_program, "compile_source", counting)
    write(tmp_path, {"once.multi": "déf f(n: entier) -> entier:\n    retour n + 1\n"})
    monkeypatch.syspath_prepend(str(tmp_path))
    import once
    del sys.modules["once"]
    import once  # noqa: F811 (imported again on purpose)
    assert once.f(1) == 2
    assert calls == [str(tmp_path / "once.multi")]


# ---- from Python ----

def test_import_from_python_runs_webassembly(tmp_path, monkeypatch):
    write(tmp_path, {
        "formes.multi": """\
            déf aire(l: entier, h: entier) -> entier:
                retour l * h

            déf nom(x):
                retour "forme " + str(x)
            """,
    })
    monkeypatch.syspath_prepend(str(tmp_path))
    import formes
    assert formes.__file__ == str(tmp_path / "formes.multi")
    assert formes.aire(6, 7) == 42
    prog = formes.__ml_program__
    assert prog.last_report == {"function": "aire", "backend": "wasm", "reason": "wasm"}
    assert formes.aire(2 ** 40, 2 ** 40) == 2 ** 80    # overflow: the Python fallback answers
    assert prog.last_report["reason"] == "wasm-overflow-fallback"
    assert formes.nom(3) == "forme 3"
    assert formes.__spec__.loader.is_package("formes") is False


def test_ml_files_are_not_looked_for_on_sys_path(tmp_path, monkeypatch):
    write(tmp_path, {"ocaml_like.ml": "let x = 1 in x\n"})
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError):
        import ocaml_like  # noqa: F401


def test_reload_compiles_the_new_text(tmp_path, monkeypatch):
    write(tmp_path, {"versionne.multi": "VERSION = 1\nafficher('chargé', VERSION)\n"})
    monkeypatch.syspath_prepend(str(tmp_path))
    import versionne
    assert versionne.VERSION == 1
    first = versionne.__ml_program__
    write(tmp_path, {"versionne.multi": "VERSION = 2\nANCIEN = 'non'\n"})
    again = importlib.reload(versionne)
    assert again is versionne and versionne.VERSION == 2 and versionne.ANCIEN == "non"
    assert versionne.__ml_program__ is not first
    again = importlib.reload(versionne)     # the same text: the same compiled program
    assert versionne.__ml_program__ is again.__ml_program__


def test_uninstall_and_install_the_hook(tmp_path, monkeypatch):
    write(tmp_path, {"crochet.multi": "X = 1\n"})
    monkeypatch.syspath_prepend(str(tmp_path))
    mp.uninstall_import_hook()
    try:
        with pytest.raises(ModuleNotFoundError):
            import crochet  # noqa: F401
    finally:
        mp.install_import_hook()
        mp.install_import_hook()
    assert sys.meta_path.count(_imports._finder) == 1
    assert sys.path_hooks.count(_imports._path_hook) == 1
    import crochet  # noqa: F401,F811
    assert crochet.X == 1


def test_import_hook_in_a_fresh_interpreter(tmp_path):
    write(tmp_path, {
        "geo/__init__.multi": "",
        "geo/formes.multi": """\
            déf carré(n: entier) -> entier:
                retour n * n
            afficher("formes chargé")
            """,
        "prog.py": """\
            import importlib, sys
            import multilingualprogramming
            import geo.formes
            from geo.formes import carré
            print(carré(12), geo.formes.__ml_program__.last_report["backend"])
            with open(geo.formes.__file__, "a", encoding="utf-8") as f:
                f.write("déf cube(n: entier) -> entier:\\n    retour n * n * n\\n")
            importlib.reload(geo.formes)
            print(geo.formes.cube(3))
            """,
    })
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"),
               MULTILINGUAL_CACHE_DIR=str(tmp_path / "cache"))
    r = subprocess.run([sys.executable, "prog.py"], cwd=str(tmp_path), capture_output=True,
                       text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "formes chargé\n144 wasm\nformes chargé\n27\n"
