// Command pybridge is the CPython extension module
// multilingualprogramming._native, built with
//
//	CGO_CFLAGS="-I<python include dir> -DPy_LIMITED_API=0x030A0000" \
//	  go build -tags pyext -buildmode=c-shared \
//	  -o python/multilingualprogramming/_native.abi3.so ./pybridge
//
// It targets the stable ABI of CPython 3.10 (abi3) and does not link
// libpython: the interpreter that loads it provides the symbols.
//
// The module is defined in C (module.c), following CPython's xxlimited
// template: multi-phase initialization, exception types and heap types kept
// in module state, METH_FASTCALL functions. C calls Go only through the
// //export functions of export.go; Go objects cross as cgo.Handle values,
// and C keeps no Go pointer. Every exported Go function recovers from
// panics and turns them into Python exceptions.
//
// The hot path never enters Go: Module.function returns a callable whose C
// implementation converts Python ints and floats, calls
// wasmtime_func_call_unchecked through the ml_fastfunc that package wasm
// prepared when it instantiated the module (wasm/fastcall.h), and converts
// the result. Traps map to Python exceptions, and with a fallback set
// (Backend.AUTO) overflow and unsupported values re-run the call in Python.
//
// Threads: a Module holds a Go *wasm.Template and one instance per Python
// thread that called it (module.c's slots, found through a per-thread
// record whose pthread key destructor marks the thread dead, so that its
// instance is closed later). Calls release the GIL around
// wasmtime_func_call_unchecked, so threads run WebAssembly in parallel;
// close() waits for running calls by leaving the release to the last one.
// Python host functions run through ml_host_call, which takes the GIL back;
// their exceptions are stashed per thread and re-raised when the call
// returns. Timed calls set an epoch deadline and keep package wasm's
// ticker running meanwhile.
//
// Files that include Python.h or hold //export functions carry the pyext
// build tag, so that go vet and go test work without Python headers; this
// file and main keep the package buildable without the tag.
package main

// main is required by -buildmode=c-shared and never runs.
func main() {}
