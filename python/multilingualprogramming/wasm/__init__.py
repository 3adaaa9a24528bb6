"""WebAssembly loading and calling (see :mod:`multilingualprogramming.wasm.loader`)."""
