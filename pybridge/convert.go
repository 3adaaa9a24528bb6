//go:build pyext

package main

// #cgo CFLAGS: -I${SRCDIR}/../wasm
// #include "bridge.h"
import "C"

import (
	"math"
	"runtime/cgo"

	"github.com/multilingualprogramming/multilingual/core/compiler"
	"github.com/multilingualprogramming/multilingual/wasm"
)

// templateOf returns the template behind a handle (panics on a bad handle,
// which recoverPanic turns into RuntimeError).
func templateOf(h C.uintptr_t) *wasm.Template {
	return cgo.Handle(h).Value().(*wasm.Template)
}

// loadInfoDict builds Module.load_info: {"source", "ms", "cache_path",
// "cache_error"}.
func loadInfoDict(info wasm.LoadInfo) *C.PyObject {
	d := C.PyDict_New()
	if d == nil {
		return nil
	}
	cacheErr := C.ml_none()
	if info.CacheErr != nil {
		decref(cacheErr)
		cacheErr = pyStr(info.CacheErr.Error())
	}
	ok := setItem(d, "source", pyStr(info.Source)) &&
		setItem(d, "ms", C.PyFloat_FromDouble(C.double(info.Duration.Seconds()*1e3))) &&
		setItem(d, "cache_path", pyStr(info.CachePath)) &&
		setItem(d, "cache_error", cacheErr)
	if !ok {
		decref(d)
		return nil
	}
	return d
}

// clampInt converts a C long long to int (int is 64 bits on every platform
// we build for; clamping keeps 32-bit builds safe).
func clampInt(v C.longlong) int {
	if int64(v) > math.MaxInt {
		return math.MaxInt
	}
	if int64(v) < math.MinInt {
		return math.MinInt
	}
	return int(v)
}

// artifactDict builds the dict compile() returns:
// {"language", "detected", "wasm", "python", "functions"}, and "wat" when
// withWAT (compile(wat=True)).
func artifactDict(a *compiler.Artifact, python string, withWAT bool) *C.PyObject {
	d := C.PyDict_New()
	if d == nil {
		return nil
	}
	ok := setItem(d, "language", pyStr(a.Language)) &&
		setItem(d, "detected", pyBool(a.Detected)) &&
		setItem(d, "wasm", pyBytes(a.Wasm)) &&
		setItem(d, "python", pyStr(python)) &&
		(!withWAT || setItem(d, "wat", pyStr(a.WAT))) &&
		setItem(d, "functions", functionsList(a.Functions))
	if !ok {
		decref(d)
		return nil
	}
	return d
}

// functionsList builds [{"name", "params": [[name, type], ...], "result",
// "compilable", "reason", "signature", "bounded"}, ...].
func functionsList(fns []compiler.Function) *C.PyObject {
	l := C.PyList_New(0)
	if l == nil {
		return nil
	}
	for _, f := range fns {
		d := C.PyDict_New()
		if d == nil {
			decref(l)
			return nil
		}
		ok := setItem(d, "name", pyStr(f.Name)) &&
			setItem(d, "params", paramsList(f.Params)) &&
			setItem(d, "result", pyStr(f.Result)) &&
			setItem(d, "compilable", pyBool(f.Compilable)) &&
			setItem(d, "reason", pyStr(f.Reason)) &&
			setItem(d, "signature", pyStr(f.Signature)) &&
			setItem(d, "bounded", pyBool(f.Bounded))
		if !ok || !appendItem(l, d) {
			if !ok {
				decref(d)
			}
			decref(l)
			return nil
		}
	}
	return l
}

// paramsList builds [[name, type], ...].
func paramsList(ps []compiler.Param) *C.PyObject {
	l := C.PyList_New(0)
	if l == nil {
		return nil
	}
	for _, p := range ps {
		pair := C.PyList_New(0)
		if pair == nil || !appendItem(pair, pyStr(p.Name)) || !appendItem(pair, pyStr(p.Type)) ||
			!appendItem(l, pair) {
			decref(l)
			return nil
		}
	}
	return l
}

// raiseCompileError raises exc (the module's CompileError) with a list of
// error dicts as its only argument.
func raiseCompileError(exc *C.PyObject, recs []errorRecord) {
	l := C.PyList_New(0)
	if l == nil {
		return
	}
	for _, r := range recs {
		d := C.PyDict_New()
		if d == nil {
			decref(l)
			return
		}
		ok := setItem(d, "file", pyStr(r.File)) &&
			setItem(d, "line", pyInt(r.Line)) &&
			setItem(d, "col", pyInt(r.Col)) &&
			setItem(d, "end_line", pyInt(r.EndLine)) &&
			setItem(d, "end_col", pyInt(r.EndCol)) &&
			setItem(d, "msg", pyStr(r.Msg)) &&
			setItem(d, "text", pyStr(r.Text)) &&
			setItem(d, "lang", pyStr(r.Lang))
		if !ok || !appendItem(l, d) {
			if !ok {
				decref(d)
			}
			decref(l)
			return
		}
	}
	args := pyTuple(l)
	if args == nil {
		return
	}
	C.PyErr_SetObject(exc, args)
	decref(args)
}

// exportsList builds [(name, (param types...), (result types...)), ...].
func exportsList(es []wasm.FuncExport) *C.PyObject {
	l := C.PyList_New(0)
	if l == nil {
		return nil
	}
	for _, e := range es {
		if !appendItem(l, pyTuple(pyStr(e.Name), kindsTuple(e.Params), kindsTuple(e.Results))) {
			decref(l)
			return nil
		}
	}
	return l
}

// kindsTuple builds ("i64", "f64", ...).
func kindsTuple(ks []wasm.ValKind) *C.PyObject {
	items := make([]*C.PyObject, len(ks))
	for i, k := range ks {
		items[i] = pyStr(k.String())
	}
	return pyTuple(items...)
}

// importsList builds [(module, name, kind), ...].
func importsList(ims []wasm.Import) *C.PyObject {
	l := C.PyList_New(0)
	if l == nil {
		return nil
	}
	for _, im := range ims {
		if !appendItem(l, pyTuple(pyStr(im.Module), pyStr(im.Name), pyStr(im.Kind))) {
			decref(l)
			return nil
		}
	}
	return l
}
