// Package wasmbin is the WebAssembly binary format, both ways, for the
// compiler (core/wasmgen writes modules with it) and the runtime (package
// wasm reads them with it): opcodes and their immediates, LEB128, section
// ids, a module model and its encoder (Module.Encode), the text view
// (Module.WAT), and a decoder of the sections the runtime needs (Decode,
// LeadingCustom) built on a bounds-checked value Reader. It knows nothing
// of the module ABI (core/abi) and needs no cgo.
// https://webassembly.github.io/spec/core/binary/
package wasmbin
