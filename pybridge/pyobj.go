//go:build pyext

package main

// #cgo CFLAGS: -I${SRCDIR}/../wasm
// #include "bridge.h"
import "C"

import (
	"fmt"
	"unsafe"
)

// pyStr returns a new Python str holding s, or nil with an exception set.
func pyStr(s string) *C.PyObject {
	return C.ml_str((*C.char)(unsafe.Pointer(unsafe.StringData(s))), C.Py_ssize_t(len(s)))
}

// pyBytes returns a new Python bytes holding b, or nil with an exception set.
func pyBytes(b []byte) *C.PyObject {
	return C.ml_bytes((*C.char)(unsafe.Pointer(unsafe.SliceData(b))), C.Py_ssize_t(len(b)))
}

// pyInt returns a new Python int, or nil with an exception set.
func pyInt(n int) *C.PyObject { return C.PyLong_FromLongLong(C.longlong(n)) }

// pyBool returns a new reference to True or False.
func pyBool(b bool) *C.PyObject {
	if b {
		return C.PyBool_FromLong(1)
	}
	return C.PyBool_FromLong(0)
}

// decref releases a reference; nil is allowed.
func decref(o *C.PyObject) {
	if o != nil {
		C.Py_DecRef(o)
	}
}

// setItem stores v under key in dict d and releases v. It reports false,
// with an exception set, if v is nil or the store fails.
func setItem(d *C.PyObject, key string, v *C.PyObject) bool {
	if v == nil {
		return false
	}
	k := pyStr(key)
	if k == nil {
		decref(v)
		return false
	}
	rc := C.PyDict_SetItem(d, k, v)
	decref(k)
	decref(v)
	return rc == 0
}

// appendItem appends v to list l and releases v; false on failure.
func appendItem(l, v *C.PyObject) bool {
	if v == nil {
		return false
	}
	rc := C.PyList_Append(l, v)
	decref(v)
	return rc == 0
}

// pyTuple returns a new tuple of items, taking ownership of every item
// (also on failure). Nil items make it fail.
func pyTuple(items ...*C.PyObject) *C.PyObject {
	for _, it := range items {
		if it == nil {
			for _, o := range items {
				decref(o)
			}
			return nil
		}
	}
	t := C.PyTuple_New(C.Py_ssize_t(len(items)))
	if t == nil {
		for _, o := range items {
			decref(o)
		}
		return nil
	}
	for i, it := range items {
		C.PyTuple_SetItem(t, C.Py_ssize_t(i), it) // steals it
	}
	return t
}

// raise sets a Python exception of class exc with msg.
func raise(exc *C.PyObject, msg string) {
	C.ml_set_error(exc, (*C.char)(unsafe.Pointer(unsafe.StringData(msg))), C.Py_ssize_t(len(msg)))
}

// raiseErr raises the Python exception excFor chooses for err.
func raiseErr(err error) {
	raise(excClass(excFor(err)), err.Error())
}

// excClass returns the builtin class for e. WasmTrap lives in module state,
// which Go does not see; Go never raises traps, so RuntimeError (its base)
// stands in.
func excClass(e pyExc) *C.PyObject {
	switch e {
	case excValue:
		return C.PyExc_ValueError
	case excType:
		return C.PyExc_TypeError
	case excIndex:
		return C.PyExc_IndexError
	case excOverflow:
		return C.PyExc_OverflowError
	case excZeroDivision:
		return C.PyExc_ZeroDivisionError
	case excRecursion:
		return C.PyExc_RecursionError
	case excAssertion:
		return C.PyExc_AssertionError
	case excMemory:
		return C.PyExc_MemoryError
	case excPermission:
		return C.PyExc_PermissionError
	case excTimeout:
		return C.PyExc_TimeoutError
	case excInterrupt:
		return C.PyExc_KeyboardInterrupt
	}
	return C.PyExc_RuntimeError
}

// recoverNoGIL is recoverPanic for an exported function that C calls with
// the GIL released, which must not touch Python: it stores the exception
// class (a pyExc) in *code and a malloc'd message in *msg, which C raises
// once it holds the GIL again (mlgo_raise).
func recoverNoGIL(code *C.int, msg **C.char) {
	if r := recover(); r != nil {
		*code = C.int(excRuntime)
		*msg = C.CString(fmt.Sprintf("internal error in multilingualprogramming._native: %v", r))
	}
}

// recoverPanic turns a Go panic into a Python RuntimeError. Every exported
// function defers it, after which the function returns its error value.
func recoverPanic(failed func()) {
	if r := recover(); r != nil {
		if C.PyErr_Occurred() == nil {
			raise(C.PyExc_RuntimeError, fmt.Sprintf("internal error in multilingualprogramming._native: %v", r))
		}
		failed()
	}
}
