#!/bin/sh
# The smoke test of the aarch64 wheel under emulation, on an x86_64 Debian 12:
#
#   sh tests/wheel/qemu_aarch64.sh dist/*_aarch64.whl
#
# run by `make test-wheel-aarch64`. Needs qemu-user-static (apt-get install
# qemu-user-static) and Debian's arm64 packages reachable by apt
# (dpkg --add-architecture arm64 && apt-get update). Nothing arm64 is
# installed on the system: Debian's arm64 CPython and the libraries it links
# are downloaded (apt-get download) and unpacked into build/arm64-root, and
# each arm64 program runs through qemu-aarch64-static with that root (-L).
# Containers seldom register qemu with binfmt_misc, so the virtual
# environment's python is a shell script running qemu; the console script's
# `#!` line and the smoke test's subprocesses go through it too.
set -eu

wheel=${1:?usage: qemu_aarch64.sh WHEEL}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
root=$top/build/arm64-root
venv=$top/build/wheel-venv-aarch64
qemu=$(command -v qemu-aarch64-static || command -v qemu-aarch64 || true)
host_python=${PYTHON:-python3}
# Debian 12's CPython 3.11 and what it links.
packages="libc6 libgcc-s1 python3.11-minimal libpython3.11-minimal libpython3.11-stdlib
zlib1g libexpat1 libffi8 libssl3 libbz2-1.0 liblzma5 libsqlite3-0 libncursesw6 libtinfo6
libreadline8 libuuid1 libnsl2 libtirpc3 libcrypt1 libdb5.3 libgssapi-krb5-2 libkrb5-3
libk5crypto3 libkrb5support0 libcom-err2 libkeyutils1"

if [ -z "$qemu" ]; then
    echo "qemu_aarch64.sh: qemu-aarch64-static is missing: apt-get install qemu-user-static" >&2
    exit 1
fi
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    echo "qemu_aarch64.sh: Debian's arm64 packages are not enabled:" \
        "dpkg --add-architecture arm64 && apt-get update" >&2
    exit 1
fi

if [ ! -x "$root/usr/bin/python3.11" ]; then
    rm -rf "$root" "$top/build/arm64-debs"
    mkdir -p "$top/build/arm64-debs"
    specs=$(for p in $packages; do printf '%s:arm64 ' "$p"; done)
    # shellcheck disable=SC2086
    (cd "$top/build/arm64-debs" && apt-get download -q $specs)
    for deb in "$top"/build/arm64-debs/*.deb; do
        dpkg-deb -x "$deb" "$root"
    done
fi

rm -rf "$venv"
mkdir -p "$venv/bin"
cat > "$venv/pyvenv.cfg" <<EOF
home = /usr/bin
include-system-site-packages = false
version = 3.11
EOF
# argv[0] names the venv's python, so that CPython finds pyvenv.cfg beside it.
cat > "$venv/bin/python" <<EOF
#!/bin/sh
exec "$qemu" -L "$root" -0 "$venv/bin/python" "$root/usr/bin/python3.11" "\$@"
EOF
chmod +x "$venv/bin/python"
ln -s python "$venv/bin/python3"

"$venv/bin/python" -c 'import platform, sys; print("emulated:", platform.machine(), sys.version.split()[0], sys.prefix)'
env -u PYTHONPATH "$host_python" -m pip --python "$venv/bin/python" install --quiet --no-index \
    --disable-pip-version-check "$wheel"
cd /tmp && env -u PYTHONPATH "$venv/bin/python" "$here/smoke.py"
