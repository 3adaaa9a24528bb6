"""Build script: the Go extension is compiled by `go build -buildmode=c-shared`.

setuptools drives the build so that `pip wheel .`, `python -m build` and
cibuildwheel all work; the build_ext step below replaces the C compiler with
the Go toolchain. Go's environment chooses the C compiler and the target:
`make wheel` sets CC to Zig targeting glibc 2.17, and GOARCH=arm64 for the
cross-built aarch64 wheel (see the Makefile). The extension uses only CPython's stable ABI (3.10+), so
one abi3 wheel serves every later Python.
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

try:
    from wheel.bdist_wheel import bdist_wheel as _bdist_wheel
except ImportError:  # wheel not installed: only sdist and in-place builds
    _bdist_wheel = None

ROOT = os.path.dirname(os.path.abspath(__file__))

#: The wheel platform's machine name for each GOARCH the Linux wheels cover.
LINUX_MACHINE = {"amd64": "x86_64", "arm64": "aarch64"}


def read_version():
    with open(os.path.join(ROOT, "python", "multilingualprogramming", "_version.py")) as f:
        return re.search(r'__version__ = "([^"]+)"', f.read()).group(1)


VERSION = read_version()


def go_env(name):
    """The value of one `go env` variable (GOARCH, GOHOSTARCH...), or "" without Go."""
    go = shutil.which("go")
    if go is None:
        return ""
    return subprocess.check_output([go, "env", name], cwd=ROOT, text=True).strip()


def cross_target():
    """The wheel's Linux machine name (aarch64...) when GOOS/GOARCH name
    another platform than this one, else None: a native build."""
    goos, goarch = go_env("GOOS"), go_env("GOARCH")
    if (goos, goarch) == (go_env("GOHOSTOS"), go_env("GOHOSTARCH")):
        return None
    if goos != "linux" or goarch not in LINUX_MACHINE:
        sys.exit("error: cross-compiled wheels are built for Linux on %s only, not %s/%s"
                 % (", ".join(sorted(LINUX_MACHINE)), goos, goarch))
    return LINUX_MACHINE[goarch]


class GoExtension(Extension):
    """An extension module built from a Go package with cgo."""

    def __init__(self, name, package):
        super().__init__(name, sources=[], py_limited_api=True)
        self.package = package


class build_go_ext(build_ext):
    """Build GoExtension modules with the Go toolchain."""

    def build_extension(self, ext):
        if not isinstance(ext, GoExtension):
            return super().build_extension(ext)
        go = shutil.which("go")
        if go is None:
            sys.exit("error: building multilingualprogramming from source needs the Go "
                     "toolchain (1.26 or later) on PATH: https://go.dev/dl/ -- or install "
                     "a prebuilt wheel instead")
        out = os.path.abspath(self.get_ext_fullpath(ext.name))
        os.makedirs(os.path.dirname(out), exist_ok=True)
        env = dict(os.environ)
        env["CGO_ENABLED"] = "1"
        include = sysconfig.get_paths()["include"]
        env["CGO_CFLAGS"] = "-O2 -I%s -DPy_LIMITED_API=0x030A0000 %s" % (
            include, os.environ.get("CGO_CFLAGS", ""))
        ldflags = os.environ.get("CGO_LDFLAGS", "")
        if sys.platform == "darwin":
            # Python's symbols come from the interpreter that loads us.
            ldflags += " -Wl,-undefined,dynamic_lookup"
        elif sys.platform == "win32":
            # The stable ABI's import library: python3.lib / python3.dll.
            ldflags += " -L%s -lpython3" % os.path.join(sys.base_prefix, "libs")
        env["CGO_LDFLAGS"] = ldflags.strip()
        goflags = "-s -w -X main.Version=" + VERSION
        cmd = [go, "build", "-tags", "pyext", "-buildmode=c-shared", "-trimpath",
               "-ldflags", goflags, "-o", out, "./pybridge"]
        if go_env("GOOS") == "linux":
            # pybridge/hot.ld puts the code of a call from Python in one place
            # (see there). A linker that cannot read it (mold) links without.
            script = os.path.join(ROOT, "pybridge", "hot.ld")
            with open(script, "rb") as f:
                # The digest makes `go build` relink when the script changes.
                digest = hashlib.sha256(f.read()).hexdigest()[:16]
            hot = cmd[:]
            hot[hot.index(goflags)] = "%s -X main.HotLayout=%s -extldflags '-Wl,-T,%s'" % (
                goflags, digest, script)
            print(" ".join(hot))
            if subprocess.call(hot, cwd=ROOT, env=env) == 0:
                cmd = None
            else:
                print("warning: the link with pybridge/hot.ld failed; linking without it, "
                      "which leaves the speed of calls to the layout of the Go code",
                      file=sys.stderr)
        if cmd is not None:
            print(" ".join(cmd))
            subprocess.check_call(cmd, cwd=ROOT, env=env)
        header = os.path.splitext(out)[0] + ".h"
        if os.path.exists(header):
            os.remove(header)
        self.build_corpus(os.path.dirname(os.path.dirname(out)), os.path.basename(out))

    def build_corpus(self, package_root, ext_file):
        """Compile the shipped corpus into multilingualprogramming/corpus_build
        (the wheel ships the .wasm, the Python fallbacks and the manifests:
        the same bytes on every platform). A native build compiles it with
        the extension just built; a cross build, whose extension cannot load
        here, with a copy of the package holding, as ext_file, the extension
        named by MULTILINGUAL_CORPUS_EXT, built for this machine."""
        outdir = os.path.join(package_root, "multilingualprogramming", "corpus_build")
        if os.path.isdir(outdir):
            shutil.rmtree(outdir)
        if cross_target() is None:
            self.run_corpus_build(package_root, outdir)
            return
        host_ext = os.environ.get("MULTILINGUAL_CORPUS_EXT", "")
        if not os.path.isfile(host_ext):
            sys.exit("error: a cross-compiled wheel needs MULTILINGUAL_CORPUS_EXT: the path of "
                     "_native.abi3.so built for this machine (make build), to compile the corpus")
        with tempfile.TemporaryDirectory() as tmp:
            host_pkg = os.path.join(tmp, "multilingualprogramming")
            shutil.copytree(os.path.join(package_root, "multilingualprogramming"), host_pkg,
                            ignore=shutil.ignore_patterns(ext_file, "corpus_build"))
            shutil.copy(host_ext, os.path.join(host_pkg, ext_file))
            self.run_corpus_build(tmp, outdir)

    @staticmethod
    def run_corpus_build(package_root, outdir):
        """Run `multilingualprogramming build --all --optimize -o outdir` on the
        package in package_root, its native extension required."""
        env = dict(os.environ)
        env["PYTHONPATH"] = package_root
        env.pop("MULTILINGUAL_NO_NATIVE", None)
        subprocess.check_call([sys.executable, "-m", "multilingualprogramming", "build", "--all",
                               "--optimize", "-o", outdir], env=env, stdout=subprocess.DEVNULL)


cmdclass = {"build_ext": build_go_ext}

if _bdist_wheel is not None:
    class bdist_wheel_abi3(_bdist_wheel):
        """Tag the wheel cp310-abi3: it runs on CPython 3.10 and later."""

        def get_tag(self):
            python, abi, plat = super().get_tag()
            machine = cross_target()
            if machine is not None:  # the target's platform, not this machine's
                plat = "linux_" + machine
            if python.startswith("cp"):
                return "cp310", "abi3", plat
            return python, abi, plat

    cmdclass["bdist_wheel"] = bdist_wheel_abi3


setup(
    version=VERSION,
    ext_modules=[GoExtension("multilingualprogramming._native", "./pybridge")],
    cmdclass=cmdclass,
)
