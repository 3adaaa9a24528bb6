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
// The module is defined in C, following CPython's xxlimited template:
// multi-phase initialization, exception types and heap types kept in module
// state, METH_FASTCALL functions (METH_NOARGS without arguments). The C
// files share module.h, which lists them: module.c (initialization and the
// module-level functions), wasmmodule.c (the Module type), func.c (the
// callables of Module.function), call.c (the whole call path, in one file
// so that the compiler inlines it), dispatch.c (a Program's prog.call and
// prog.name in C), memory.c, threads.c, host.c, args.c and lists.c. C calls Go only through the //export functions of export.go; Go
// objects cross as cgo.Handle values, and C keeps no Go pointer. Every
// exported Go function recovers from panics and turns them into Python
// exceptions.
//
// The hot path never enters Go: Module.function returns a callable whose C
// implementation converts Python ints and floats, calls
// wasmtime_func_call_unchecked through the ml_fastfunc that package wasm
// prepared when it instantiated the module (wasm/fastcall.h), and converts
// the result. Module.call(name, ...) does the same through a function it
// prepares on the first call of each name and keeps in a dict (whose
// entries borrow their module, so there is no reference cycle; close drops
// it): later calls are a dict lookup away from the fast path, and allocate
// nothing but the result. Traps map to Python exceptions, and with a fallback set
// (Backend.AUTO) overflow and unsupported values re-run the call in Python.
//
// Lists (lists.c, lists.h): a signature may name list parameters and
// results with the letters of core/compiler.Signature (I, F, B, and L
// before a nested list type). Such a call resets the module's arena
// (__ml_reset), copies every distinct Python list object reachable from
// the arguments into one block from __ml_alloc (an object met twice gets
// one header, so aliasing survives), calls, then copies back every argument
// list whose slots changed, in place and slot by slot, and converts a list
// result; a header address that came in as an argument converts back to
// that very object. Elements must be exactly int (fitting 64 bits), float
// or bool, and lists exactly list: anything else (a tuple, a subclass,
// bool in list[int], int in list[float]) falls back to Python under AUTO
// and raises TypeError without a fallback. A call that released the GIL
// first checks that no list it changed was changed by another thread
// meanwhile (ml_lists_conflict); if one was, it raises RuntimeError and
// writes nothing back rather than undo that change. The scalar path does
// not pay for any of this: it is one flag test.
//
// Threads: a Module holds a Go *wasm.Template and one instance per Python
// thread that called it (threads.c's slots, found through a per-thread
// record whose pthread key destructor marks the thread dead, so that its
// instance is closed later). Calls release the GIL around
// wasmtime_func_call_unchecked, so threads run WebAssembly in parallel;
// close() waits for running calls by leaving the release to the last one.
// Exports that package wasm finds bounded when it loads the module
// (wasm.FuncExport.Bounded: no loop, recursion, indirect or host call,
// memory.grow or bulk memory, and few instructions) keep the GIL by
// default, in any module: they cannot run long, and releasing the GIL
// would cost about as much as such a call. Programs also pass
// release_gil=False for the functions the compiler marks bounded
// (core/check), which may touch lists.
// Python host functions run through ml_host_call, which takes the GIL back;
// their exceptions are stashed per thread and re-raised when the call
// returns. Timed calls set a deadline that the epoch callback of
// wasm/interrupt.c checks, and keep package wasm's ticker running
// meanwhile. Calls on Python's main thread that could run long are armed
// for Ctrl-C (ml_arm): the extension's SIGINT handler, over Python's,
// stops them and they raise KeyboardInterrupt. Instantiating a module for
// a thread runs its start function with the GIL released, within the
// module's timeout and stopped by Ctrl-C too (ml_instantiate). In a
// process forked after the extension loaded, every entry point raises
// RuntimeError (ml_check_fork).
//
// Files that include Python.h or hold //export functions carry the pyext
// build tag, so that go vet and go test work without Python headers; this
// file and main keep the package buildable without the tag.
package main

// main is required by -buildmode=c-shared and never runs.
func main() {}
