/*
 * bridge.h: what the C files (through module.h) and the cgo files of
 * package main share. Included by every pyext Go file's preamble, hence by
 * _cgo_export.h.
 */
#ifndef ML_BRIDGE_H
#define ML_BRIDGE_H

#define PY_SSIZE_T_CLEAN
/* cgo's generated files include libc headers before this one, and newer
 * glibc headers (Zig's) set _POSIX_C_SOURCE to 202405L where pyconfig.h
 * sets 200809L: drop the first so Python.h's is not a redefinition. */
#undef _POSIX_C_SOURCE
#include <Python.h>
#include <stdint.h>

#include "fastcall.h"

/* ml_str returns a new str from n bytes of UTF-8 (n may be 0, s NULL). */
static inline PyObject *ml_str(const char *s, Py_ssize_t n) {
  return PyUnicode_FromStringAndSize(n > 0 ? s : "", n);
}

/* ml_bytes returns a new bytes object from n bytes (n may be 0, s NULL). */
static inline PyObject *ml_bytes(const char *s, Py_ssize_t n) {
  return PyBytes_FromStringAndSize(n > 0 ? s : "", n);
}

/* ml_none returns a new reference to None. */
static inline PyObject *ml_none(void) {
  Py_INCREF(Py_None);
  return Py_None;
}

/* ml_set_error raises exc (an exception class) with n bytes of UTF-8 msg. */
static inline void ml_set_error(PyObject *exc, const char *msg, Py_ssize_t n) {
  PyObject *s = ml_str(msg, n);
  if (s != NULL) {
    PyErr_SetObject(exc, s);
    Py_DECREF(s);
  }
}

/* excInterrupt of excmap.go, the class mlgo_instance_new reports for a
 * SIGINT: C runs Python's handler instead of raising it (TestExcCodes
 * keeps the two equal). */
#define ML_EXC_INTERRUPT 12

/*
 * ml_host_call (host.c) runs Python host function fn for WebAssembly:
 * kinds holds nparams then nresults ML_* kinds, args and results raw
 * values. It returns 0, or -1 with the exception stashed for the call that
 * entered WebAssembly to re-raise.
 */
int ml_host_call(PyObject *fn, const uint8_t *kinds, int nparams, int nresults,
                 const uint64_t *args, uint64_t *results);

#endif /* ML_BRIDGE_H */
