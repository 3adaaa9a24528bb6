//go:build pyext

package main

// #cgo CFLAGS: -I${SRCDIR}/../wasm
// #include <stdlib.h>
// #include "bridge.h"
import "C"

import (
	"fmt"
	"runtime/cgo"
	"strings"
	"unsafe"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/compiler"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
	"github.com/multilingualprogramming/multilingual/fallback"
	"github.com/multilingualprogramming/multilingual/wasm"
)

// The functions the C files call. Each recovers from panics and reports
// failure to C with a Python exception set and an error value (NULL, -1).
// Handles are cgo.Handle values of *wasm.Instance.

//export mlgo_version
func mlgo_version() (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	return pyStr(Version)
}

// A compileResult is what one compile produced, held behind a cgo.Handle
// from mlgo_compile_run (without the GIL) to mlgo_compile_result (with it).
type compileResult struct {
	artifact *compiler.Artifact
	python   string
	wat      bool          // the artifact carries the WAT text
	recs     []errorRecord // source errors, when the program has some
	err      error         // any other failure
}

// mlgo_compile_run compiles a program and generates its Python fallback.
// C calls it with the GIL released, so that other threads run during a
// long compile: it touches no Python object, and reads only the bytes C
// passes (copied first). It returns the handle of a compileResult for
// mlgo_compile_result; on a panic it returns 0 with *code and *msg set as
// recoverNoGIL does.
//
//export mlgo_compile_run
func mlgo_compile_run(src *C.char, srcLen C.Py_ssize_t, file *C.char, fileLen C.Py_ssize_t,
	lang *C.char, langLen C.Py_ssize_t, optimize C.int, disable *C.char, disableLen C.Py_ssize_t, wat C.int,
	code *C.int, msg **C.char) (h C.uintptr_t) {
	defer recoverNoGIL(code, msg)
	opt := compiler.Options{
		Filename: C.GoStringN(file, C.int(fileLen)),
		Optimize: optimize != 0,
		WAT:      wat != 0,
	}
	if disable != nil {
		opt.Disable = strings.Split(C.GoStringN(disable, C.int(disableLen)), ",")
	}
	if lang != nil {
		opt.Language = C.GoStringN(lang, C.int(langLen))
	}
	return C.uintptr_t(cgo.NewHandle(compileText(C.GoStringN(src, C.int(srcLen)), opt)))
}

// compileText runs the compiler and the fallback generator on text.
func compileText(text string, opt compiler.Options) *compileResult {
	a, err := compiler.Compile(text, opt)
	if err != nil {
		if recs, ok := sourceErrors(err); ok {
			return &compileResult{recs: recs}
		}
		return &compileResult{err: err}
	}
	py, err := fallback.Generate(a.File, a.Info)
	if err != nil {
		return &compileResult{err: err}
	}
	return &compileResult{artifact: a, python: py, wat: opt.WAT}
}

// mlgo_compile_result turns the compileResult behind h (which it releases)
// into compile()'s dict, or raises compileError (the module's
// CompileError) with the source errors, or the Python exception of any
// other failure. C calls it with the GIL held.
//
//export mlgo_compile_result
func mlgo_compile_result(h C.uintptr_t, compileError *C.PyObject) (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	hd := cgo.Handle(h)
	r := hd.Value().(*compileResult)
	hd.Delete()
	switch {
	case r.recs != nil:
		raiseCompileError(compileError, r.recs)
		return nil
	case r.err != nil:
		raiseErr(r.err)
		return nil
	}
	return artifactDict(r.artifact, r.python, r.wat)
}

//export mlgo_translate
func mlgo_translate(src *C.char, srcLen C.Py_ssize_t, file *C.char, fileLen C.Py_ssize_t,
	from *C.char, fromLen C.Py_ssize_t, to *C.char, toLen C.Py_ssize_t, compileError *C.PyObject) (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	langs := [2]*lang.Language{}
	for i, code := range [2]*C.char{from, to} {
		if code == nil {
			continue
		}
		name := C.GoStringN(code, C.int([2]C.Py_ssize_t{fromLen, toLen}[i]))
		l, ok := lang.Get(name)
		if !ok {
			raiseErr(&compiler.UnknownLanguageError{Code: name})
			return nil
		}
		langs[i] = l
	}
	tr, errs := parser.Translate(C.GoStringN(file, C.int(fileLen)), C.GoStringN(src, C.int(srcLen)), langs[0], langs[1])
	if len(errs) > 0 {
		recs, _ := sourceErrors(errs)
		raiseCompileError(compileError, recs)
		return nil
	}
	renamed := C.PyDict_New()
	if renamed == nil {
		return nil
	}
	for _, old := range tr.RenamedNames() {
		if !setItem(renamed, old, pyStr(tr.Renamed[old])) {
			decref(renamed)
			return nil
		}
	}
	d := C.PyDict_New()
	if d == nil {
		decref(renamed)
		return nil
	}
	if !setItem(d, "text", pyStr(tr.Text)) || !setItem(d, "language", pyStr(tr.From)) {
		decref(renamed)
		decref(d)
		return nil
	}
	if !setItem(d, "renamed", renamed) {
		decref(d)
		return nil
	}
	return d
}

//export mlgo_message
func mlgo_message(code *C.char, codeLen C.Py_ssize_t, id *C.char, idLen C.Py_ssize_t) (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	c, name := C.GoStringN(code, C.int(codeLen)), C.GoStringN(id, C.int(idLen))
	if _, ok := lang.Get(c); !ok {
		raiseErr(&compiler.UnknownLanguageError{Code: c})
		return nil
	}
	if _, ok := lang.MessageText("en", name); !ok {
		raise(C.PyExc_KeyError, fmt.Sprintf("no message %q in the catalogue", name))
		return nil
	}
	return pyStr(lang.Message(c, name))
}

//export mlgo_module_new
func mlgo_module_new(data *C.char, n C.Py_ssize_t, memLimit C.longlong, fast C.int, nimports C.Py_ssize_t,
	mods **C.char, modLens *C.Py_ssize_t, names **C.char, nameLens *C.Py_ssize_t,
	fns **C.PyObject, out *C.uintptr_t) (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	mode := wasm.Interruptible
	if fast != 0 {
		mode = wasm.Fast
	}
	m, info, err := wasm.LoadMode(C.GoBytes(unsafe.Pointer(data), C.int(n)), mode)
	if err != nil {
		raiseErr(err)
		return nil
	}
	opts := wasm.Options{MemoryLimit: int64(memLimit)}
	if k := int(nimports); k > 0 {
		opts.Imports = make(map[wasm.ImportName]wasm.HostFunc, k)
		ms, ml := unsafe.Slice(mods, k), unsafe.Slice(modLens, k)
		ns, nl := unsafe.Slice(names, k), unsafe.Slice(nameLens, k)
		fs := unsafe.Slice(fns, k)
		for i := range k {
			key := wasm.ImportName{Module: C.GoStringN(ms[i], C.int(ml[i])), Name: C.GoStringN(ns[i], C.int(nl[i]))}
			opts.Imports[key] = hostFunc(m, key, fs[i])
		}
	}
	t, err := m.NewTemplate(opts)
	if err != nil {
		raiseErr(err)
		return nil
	}
	res = loadInfoDict(info)
	if res == nil {
		t.Close()
		return nil
	}
	*out = C.uintptr_t(cgo.NewHandle(t))
	return res
}

//export mlgo_template_close
func mlgo_template_close(h C.uintptr_t) {
	defer recoverPanic(func() {})
	if h == 0 {
		return
	}
	hd := cgo.Handle(h)
	hd.Value().(*wasm.Template).Close()
	hd.Delete()
}

// mlgo_instance_new instantiates the template behind h (running the
// module's start function, within seconds when positive) and stores the
// handle of the instance in *out and its ml_instance in *inst. C calls it
// with the GIL released, so it touches no Python object: on failure it
// stores the exception class (a pyExc) in *code and a malloc'd message in
// *msg for C to raise with mlgo_raise, or to turn into KeyboardInterrupt.
//
//export mlgo_instance_new
func mlgo_instance_new(h C.uintptr_t, seconds C.double, out *C.uintptr_t, inst **C.ml_instance,
	code *C.int, msg **C.char) {
	defer recoverNoGIL(code, msg)
	i, err := templateOf(h).InstantiateWithin(secondsToDuration(float64(seconds)))
	if err != nil {
		*code = C.int(excFor(err))
		*msg = C.CString(err.Error())
		return
	}
	*out = C.uintptr_t(cgo.NewHandle(i))
	*inst = (*C.ml_instance)(i.Ptr())
}

// mlgo_raise raises the exception of class code (a pyExc) with msg, which
// it frees.
//
//export mlgo_raise
func mlgo_raise(code C.int, msg *C.char) {
	defer recoverPanic(func() {})
	text := C.GoString(msg)
	C.free(unsafe.Pointer(msg))
	raise(excClass(pyExc(code)), text)
}

//export mlgo_instance_close
func mlgo_instance_close(h C.uintptr_t) {
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
	return exportsList(templateOf(h).Module().Exports())
}

//export mlgo_module_imports
func mlgo_module_imports(h C.uintptr_t) (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	return importsList(templateOf(h).Module().Imports())
}

//export mlgo_module_func_index
func mlgo_module_func_index(h C.uintptr_t, name *C.char, n C.Py_ssize_t) (index C.longlong) {
	defer recoverPanic(func() { index = -1 })
	i, err := exportIndex(templateOf(h).Module(), C.GoStringN(name, C.int(n)))
	if err != nil {
		raiseErr(err)
		return -1
	}
	return C.longlong(i)
}

//export mlgo_module_func_bounded
func mlgo_module_func_bounded(h C.uintptr_t, index C.longlong) (res C.int) {
	defer recoverPanic(func() { res = -1 })
	b, err := exportBounded(templateOf(h).Module(), int(index))
	if err != nil {
		raiseErr(err)
		return -1
	}
	if b {
		return 1
	}
	return 0
}

//export mlgo_ticker_acquire
func mlgo_ticker_acquire() {
	defer recoverPanic(func() {})
	wasm.AcquireTicker()
}

//export mlgo_ticker_release
func mlgo_ticker_release() {
	defer recoverPanic(func() {})
	wasm.ReleaseTicker()
}

// mlgo_engines_ready waits until Wasmtime's engines exist, their signal
// handlers installed and recorded (wasm.EnginesReady; under a millisecond).
// It returns 0 when an engine could not be created, with a Python error
// set only if it panicked.
//
//export mlgo_engines_ready
func mlgo_engines_ready() (ok C.int) {
	defer recoverPanic(func() { ok = 0 })
	if wasm.EnginesReady() {
		return 1
	}
	return 0
}

// mlgo_set_python records the minor version of the CPython that imported
// the extension (3.minor), so that every instance sums floats as that
// CPython's sum() does (wasm.SetFloatSum).
//
//export mlgo_set_python
func mlgo_set_python(minor C.int) {
	defer recoverPanic(func() {})
	wasm.SetFloatSum(abi.FloatSumFor(int(minor)))
}

//export mlgo_cache_setup
func mlgo_cache_setup() {
	defer recoverPanic(func() {})
	setupDiskCache()
}

//export mlgo_cache_dir
func mlgo_cache_dir() (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	if d := wasm.DiskCacheDir(); d != "" {
		return pyStr(d)
	}
	return C.ml_none()
}

//export mlgo_cache_error
func mlgo_cache_error() (res *C.PyObject) {
	defer recoverPanic(func() { res = nil })
	if cacheSetupErr != nil {
		return pyStr(cacheSetupErr.Error())
	}
	return C.ml_none()
}

//export mlgo_set_cache_dir
func mlgo_set_cache_dir(path *C.char, n C.Py_ssize_t) (rc C.int) {
	defer recoverPanic(func() { rc = -1 })
	if err := wasm.SetDiskCache(C.GoStringN(path, C.int(n)), Version); err != nil {
		raiseErr(err)
		return -1
	}
	return 0
}
