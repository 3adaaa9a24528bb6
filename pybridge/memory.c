//go:build pyext

/*
 * memory.c: the Module methods that read and write the exported memory of
 * the calling thread's instance: memory_read, memory_read_into,
 * memory_write and memory_size. C-contiguous buffers (bytearray,
 * memoryview, array.array, NumPy arrays) are copied through memoryviews,
 * without an intermediate bytes object.
 */

#include "module.h"

#include <string.h>

/* PyMemoryView_FromMemory's flags (stable ABI since 3.3); the headers show
 * them to the limited API only from 3.11, with pybuffer.h. */
#ifndef PyBUF_READ
#define PyBUF_READ 0x100
#define PyBUF_WRITE 0x200
#endif

/* Reads a Python int into *out (range errors become IndexError). */
static int ml_as_longlong(PyObject *o, const char *what, long long *out) {
  if (!PyLong_Check(o)) {
    PyErr_Format(PyExc_TypeError, "%s must be int", what);
    return -1;
  }
  int overflow = 0;
  *out = PyLong_AsLongLongAndOverflow(o, &overflow);
  if (overflow != 0) {
    PyErr_Format(PyExc_IndexError, "%s out of range", what);
    return -1;
  }
  if (*out == -1 && PyErr_Occurred()) {
    return -1;
  }
  return 0;
}

/*
 * ml_memory_at returns the calling thread's memory at [off, off+n), or NULL
 * with ValueError (no memory) or IndexError (out of bounds) set. The
 * pointer is valid until the next call into WebAssembly.
 */
static uint8_t *ml_memory_at(MLModule *m, long long off, long long n) {
  if (ml_check_open(m) < 0) {
    return NULL;
  }
  ml_instance *inst = ml_current(m);
  if (inst == NULL) {
    return NULL;
  }
  size_t size;
  uint8_t *base = ml_memory(inst, &size);
  if (base == NULL) {
    PyErr_SetString(PyExc_ValueError,
                    "the module exports no memory named \"memory\"");
    return NULL;
  }
  if (off < 0 || n < 0 || (unsigned long long)off > size ||
      (unsigned long long)n > size - (unsigned long long)off) {
    PyErr_Format(PyExc_IndexError,
                 "memory access [%lld, %lld+%lld) out of bounds (memory size %zu)",
                 off, off, n, size);
    return NULL;
  }
  /* A zero-length access at the end is valid; base + size is not deref'd. */
  return base + off;
}

/* ml_call_method0 calls o.name() and drops the result. */
static int ml_call_method0(PyObject *o, const char *name) {
  PyObject *r = PyObject_CallMethod(o, name, NULL);
  if (r == NULL) {
    return -1;
  }
  Py_DECREF(r);
  return 0;
}

/*
 * ml_flat_view returns memoryview(obj).cast('B'): the bytes of any
 * C-contiguous buffer as a flat view, without copying. The limited API of
 * 3.10 has no PyObject_GetBuffer (3.11 added it), so views stand in for it.
 */
static PyObject *ml_flat_view(PyObject *obj, PyObject **outer) {
  *outer = PyMemoryView_FromObject(obj);
  if (*outer == NULL) {
    return NULL;
  }
  PyObject *flat = PyObject_CallMethod(*outer, "cast", "s", "B");
  if (flat == NULL) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    ml_call_method0(*outer, "release");
    PyErr_Clear();
    PyErr_Restore(t, v, tb);
    Py_CLEAR(*outer);
  }
  return flat;
}

/* ml_copy_views does dst[:] = src and releases both views and outer. */
static int ml_copy_views(PyObject *dst, PyObject *src, PyObject *outer) {
  PyObject *all = PySlice_New(NULL, NULL, NULL);
  int rc = all != NULL ? PyObject_SetItem(dst, all, src) : -1;
  Py_XDECREF(all);
  PyObject *t, *v, *tb;
  PyErr_Fetch(&t, &v, &tb); /* release() must run even after an error */
  ml_call_method0(dst, "release");
  ml_call_method0(src, "release");
  if (outer != NULL) {
    ml_call_method0(outer, "release");
  }
  PyErr_Clear();
  PyErr_Restore(t, v, tb);
  return rc;
}

ML_DOC(memory_read_doc, "memory_read(offset, length) -> bytes\n\n"
                        "A copy of length bytes of the exported memory.");

PyObject *MLModule_memory_read(PyObject *self, PyObject *const *args,
                               Py_ssize_t nargs) {
  long long off, n;
  if (ml_nargs("memory_read", nargs, 2) < 0) {
    return NULL;
  }
  if (ml_as_longlong(args[0], "offset", &off) < 0 ||
      ml_as_longlong(args[1], "length", &n) < 0) {
    return NULL;
  }
  uint8_t *p = ml_memory_at((MLModule *)self, off, n);
  if (p == NULL) {
    return NULL;
  }
  return ml_bytes((const char *)p, (Py_ssize_t)n);
}

ML_DOC(memory_read_into_doc,
       "memory_read_into(offset, buffer) -> int\n\n"
       "Fill a writable C-contiguous buffer (bytearray, memoryview,\n"
       "array.array, NumPy array) with its size in bytes from the memory\n"
       "at offset; return that size.");

PyObject *MLModule_memory_read_into(PyObject *self, PyObject *const *args,
                                    Py_ssize_t nargs) {
  long long off;
  if (ml_nargs("memory_read_into", nargs, 2) < 0) {
    return NULL;
  }
  if (ml_as_longlong(args[0], "offset", &off) < 0 ||
      ml_check_open((MLModule *)self) < 0) {
    return NULL;
  }
  PyObject *outer;
  PyObject *dst = ml_flat_view(args[1], &outer);
  if (dst == NULL) {
    return NULL;
  }
  Py_ssize_t n = PyObject_Length(dst);
  uint8_t *p = n < 0 ? NULL : ml_memory_at((MLModule *)self, off, n);
  PyObject *src = p != NULL ? PyMemoryView_FromMemory((char *)p, n, PyBUF_READ) : NULL;
  if (src == NULL) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    ml_call_method0(dst, "release");
    ml_call_method0(outer, "release");
    PyErr_Clear();
    PyErr_Restore(t, v, tb);
    Py_DECREF(dst);
    Py_DECREF(outer);
    return NULL;
  }
  int rc = ml_copy_views(dst, src, outer);
  Py_DECREF(src);
  Py_DECREF(dst);
  Py_DECREF(outer);
  return rc < 0 ? NULL : PyLong_FromSsize_t(n);
}

ML_DOC(memory_write_doc,
       "memory_write(offset, data) -> None\n\n"
       "Copy a bytes-like object (bytes, bytearray, memoryview,\n"
       "array.array, NumPy array, ...) into the memory at offset.");

PyObject *MLModule_memory_write(PyObject *self, PyObject *const *args,
                                Py_ssize_t nargs) {
  MLModule *m = (MLModule *)self;
  long long off;
  if (ml_nargs("memory_write", nargs, 2) < 0) {
    return NULL;
  }
  if (ml_as_longlong(args[0], "offset", &off) < 0 || ml_check_open(m) < 0) {
    return NULL;
  }
  PyObject *data = args[1];
  if (PyBytes_Check(data)) {
    char *buf;
    Py_ssize_t len;
    if (PyBytes_AsStringAndSize(data, &buf, &len) < 0) {
      return NULL;
    }
    uint8_t *p = ml_memory_at(m, off, len);
    if (p == NULL) {
      return NULL;
    }
    if (len > 0) {
      memcpy(p, buf, (size_t)len);
    }
    return ml_none();
  }
  if (PyUnicode_Check(data) || PyLong_Check(data)) {
    PyErr_SetString(PyExc_TypeError, "data must be a bytes-like object");
    return NULL;
  }
  PyObject *outer;
  PyObject *src = ml_flat_view(data, &outer);
  if (src == NULL) {
    if (!PyErr_ExceptionMatches(PyExc_TypeError)) {
      return NULL;
    }
    /* Not C-contiguous (or no buffer at all): bytes() copies it once more,
     * or raises TypeError for objects without the buffer protocol. */
    PyErr_Clear();
    PyObject *bytes = PyBytes_FromObject(data);
    if (bytes == NULL) {
      return NULL;
    }
    PyObject *fwd[2] = {args[0], bytes};
    PyObject *res = MLModule_memory_write(self, fwd, 2);
    Py_DECREF(bytes);
    return res;
  }
  Py_ssize_t n = PyObject_Length(src);
  uint8_t *p = n < 0 ? NULL : ml_memory_at(m, off, n);
  PyObject *dst = p != NULL ? PyMemoryView_FromMemory((char *)p, n, PyBUF_WRITE) : NULL;
  if (dst == NULL) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    ml_call_method0(src, "release");
    ml_call_method0(outer, "release");
    PyErr_Clear();
    PyErr_Restore(t, v, tb);
    Py_DECREF(src);
    Py_DECREF(outer);
    return NULL;
  }
  int rc = ml_copy_views(dst, src, outer);
  Py_DECREF(dst);
  Py_DECREF(src);
  Py_DECREF(outer);
  return rc < 0 ? NULL : ml_none();
}

ML_DOC(memory_size_doc,
       "memory_size() -> int\n\nThe size of the exported memory in bytes.");

PyObject *MLModule_memory_size(PyObject *self, PyObject *unused) {
  MLModule *m = (MLModule *)self;
  if (ml_memory_at(m, 0, 0) == NULL) {
    return NULL;
  }
  size_t size;
  ml_memory(ml_current(m), &size);
  return PyLong_FromSize_t(size);
}
