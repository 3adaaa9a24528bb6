//go:build pyext

package main

// #cgo CFLAGS: -I${SRCDIR}/../wasm
// #include "bridge.h"
import "C"

import (
	"runtime/cgo"
	"unsafe"

	"github.com/multilingualprogramming/multilingual/core/compiler"
	"github.com/multilingualprogramming/multilingual/fallback"
	"github.com/multilingualprogramming/multilingual/wasm"
)

// The functions module.c calls. Each recovers from panics and reports
// failure to C with a Python exception set and an error value (NULL, -1).
// Handles are cgo.Handle values of *wasm.Instance.

//export mlgo_version
func mlgo_version() (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	return pyStr(Version)
}

//export mlgo_compile
func mlgo_compile(src *C.char, srcLen C.Py_ssize_t, file *C.char, fileLen C.Py_ssize_t,
	lang *C.char, langLen C.Py_ssize_t, optimize C.int, compileError *C.PyObject) (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	opt := compiler.Options{
		Filename: C.GoStringN(file, C.int(fileLen)),
		Optimize: optimize != 0,
	}
	if lang != nil {
		opt.Language = C.GoStringN(lang, C.int(langLen))
	}
	a, err := compiler.Compile(C.GoStringN(src, C.int(srcLen)), opt)
	if err != nil {
		if recs, ok := sourceErrors(err); ok {
			raiseCompileError(compileError, recs)
		} else {
			raiseErr(err)
		}
		return nil
	}
	py, err := fallback.Generate(a.File, a.Info)
	if err != nil {
		raiseErr(err)
		return nil
	}
	return artifactDict(a, py)
}

//export mlgo_module_new
func mlgo_module_new(data *C.char, n C.Py_ssize_t, out *C.uintptr_t) (rc C.int) {
	defer recoverPanic(func() { rc = -1 })
	m, err := wasm.Compile(C.GoBytes(unsafe.Pointer(data), C.int(n)))
	if err != nil {
		raiseErr(err)
		return -1
	}
	inst, err := m.Instantiate()
	if err != nil {
		raiseErr(err)
		return -1
	}
	*out = C.uintptr_t(cgo.NewHandle(inst))
	return 0
}

//export mlgo_module_close
func mlgo_module_close(h C.uintptr_t) {
	defer recoverPanic(func() {})
	if h == 0 {
		return
	}
	hd := cgo.Handle(h)
	hd.Value().(*wasm.Instance).Close()
	hd.Delete()
}

//export mlgo_module_exports
func mlgo_module_exports(h C.uintptr_t) (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	return exportsList(instanceOf(h).Module().Exports())
}

//export mlgo_module_imports
func mlgo_module_imports(h C.uintptr_t) (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	return importsList(instanceOf(h).Module().Imports())
}

//export mlgo_module_func
func mlgo_module_func(h C.uintptr_t, name *C.char, n C.Py_ssize_t) (ff unsafe.Pointer) {
	defer recoverPanic(func() { ff = nil })
	f, err := instanceOf(h).Func(C.GoStringN(name, C.int(n)))
	if err != nil {
		raiseErr(err)
		return nil
	}
	return f.Ptr()
}

//export mlgo_memory_read
func mlgo_memory_read(h C.uintptr_t, off, n C.longlong) (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	b, err := instanceOf(h).MemoryRead(clampInt(off), clampInt(n))
	if err != nil {
		raiseErr(err)
		return nil
	}
	return pyBytes(b)
}

//export mlgo_memory_write
func mlgo_memory_write(h C.uintptr_t, off C.longlong, data *C.char, n C.Py_ssize_t) (rc C.int) {
	defer recoverPanic(func() { rc = -1 })
	// C.GoBytes copies; memory writes are not a hot path.
	if err := instanceOf(h).MemoryWrite(clampInt(off), C.GoBytes(unsafe.Pointer(data), C.int(n))); err != nil {
		raiseErr(err)
		return -1
	}
	return 0
}

//export mlgo_memory_size
func mlgo_memory_size(h C.uintptr_t) (n C.longlong) {
	defer recoverPanic(func() { n = -1 })
	size, err := instanceOf(h).MemorySize()
	if err != nil {
		raiseErr(err)
		return -1
	}
	return C.longlong(size)
}
