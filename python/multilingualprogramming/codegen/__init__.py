"""Code generation (see :mod:`multilingualprogramming.codegen.wasm_generator`)."""
