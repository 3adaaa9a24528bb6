//go:build pyext

/*
 * vcall.c: calls of Python callables from C without a tuple or a dict.
 *
 * PyObject_Vectorcall passes the arguments in an array, as the callee
 * takes them: no tuple, no dict for keywords. It is in CPython's stable
 * ABI only from 3.12 on, yet every CPython since 3.9 exports it, with the
 * same signature and meaning. The extension, built against the 3.10
 * limited API, looks it up once, when it is loaded (ml_vectorcall_setup):
 * in the process's symbols, and keeps it only if it lives in the very
 * object that provides PyObject_Call to the extension (the running
 * CPython, not another one loaded by chance). Where it is absent, or
 * disabled by the environment variable MULTILINGUAL_NO_VECTORCALL=1 (for
 * the tests that compare the two ways), calls take the general way: a
 * tuple (or, up to six positional arguments, PyObject_CallFunctionObjArgs,
 * whose arguments CPython passes from an array on its stack) and a dict.
 * Both ways give the callee the same arguments, so the same answers and
 * the same exceptions.
 */

#include "module.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

ml_vectorcall_t ml_vectorcall = NULL;

/* ml_vectorcall_lookup returns the running CPython's PyObject_Vectorcall,
 * or NULL. */
static ml_vectorcall_t ml_vectorcall_lookup(void) {
  const char *off = getenv("MULTILINGUAL_NO_VECTORCALL");
  if (off != NULL && off[0] != '\0' && strcmp(off, "0") != 0) {
    return NULL;
  }
  void *sym = dlsym(RTLD_DEFAULT, "PyObject_Vectorcall");
  Dl_info found, ours;
  if (sym == NULL || dladdr(sym, &found) == 0 || dladdr((void *)&PyObject_Call, &ours) == 0 ||
      found.dli_fbase != ours.dli_fbase) {
    return NULL;
  }
  ml_vectorcall_t fn;
  memcpy(&fn, &sym, sizeof fn); /* a data pointer to a function pointer, as POSIX allows */
  return fn;
}

void ml_vectorcall_setup(void) {
  static int done = 0;
  if (!done) {
    ml_vectorcall = ml_vectorcall_lookup();
    done = 1;
  }
}

/* ml_call_positional calls fn(*a) the general way, for n <= 6, through
 * PyObject_CallFunctionObjArgs; -1 for n beyond. */
static PyObject *ml_call_positional(PyObject *fn, PyObject *const *a, Py_ssize_t n) {
  switch (n) {
  case 0:
    return PyObject_CallNoArgs(fn);
  case 1:
    return PyObject_CallFunctionObjArgs(fn, a[0], NULL);
  case 2:
    return PyObject_CallFunctionObjArgs(fn, a[0], a[1], NULL);
  case 3:
    return PyObject_CallFunctionObjArgs(fn, a[0], a[1], a[2], NULL);
  case 4:
    return PyObject_CallFunctionObjArgs(fn, a[0], a[1], a[2], a[3], NULL);
  case 5:
    return PyObject_CallFunctionObjArgs(fn, a[0], a[1], a[2], a[3], a[4], NULL);
  default:
    return PyObject_CallFunctionObjArgs(fn, a[0], a[1], a[2], a[3], a[4], a[5], NULL);
  }
}

PyObject *ml_vcall_general(PyObject *fn, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames) {
  Py_ssize_t nkw = kwnames != NULL ? PyTuple_Size(kwnames) : 0;
  if (nkw < 0) {
    return NULL;
  }
  if (nkw == 0 && nargs <= 6) {
    return ml_call_positional(fn, args, nargs);
  }
  PyObject *tuple = PyTuple_New(nargs);
  if (tuple == NULL) {
    return NULL;
  }
  for (Py_ssize_t i = 0; i < nargs; i++) {
    PyTuple_SetItem(tuple, i, Py_NewRef(args[i]));
  }
  PyObject *kw = nkw > 0 ? PyDict_New() : NULL;
  PyObject *res = NULL;
  if (nkw > 0 && kw == NULL) {
    goto done;
  }
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *key = PyTuple_GetItem(kwnames, k);
    if (key == NULL || PyDict_SetItem(kw, key, args[nargs + k]) < 0) {
      goto done;
    }
  }
  res = PyObject_Call(fn, tuple, kw);
done:
  Py_XDECREF(kw);
  Py_DECREF(tuple);
  return res;
}

PyObject *ml_vcall_prefixed(PyObject *fn, PyObject *const *prefix, Py_ssize_t np,
                            PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  if (np == 0) {
    return ml_vcall(fn, args, nargs, kwnames);
  }
  Py_ssize_t nkw = kwnames != NULL ? PyTuple_Size(kwnames) : 0;
  if (nkw < 0) {
    return NULL;
  }
  Py_ssize_t total = np + nargs + nkw;
  PyObject *small[8];
  PyObject **all = small;
  if (total > (Py_ssize_t)(sizeof small / sizeof small[0])) {
    all = PyMem_Malloc((size_t)total * sizeof(PyObject *));
    if (all == NULL) {
      return PyErr_NoMemory();
    }
  }
  memcpy(all, prefix, (size_t)np * sizeof(PyObject *));
  memcpy(all + np, args, (size_t)(nargs + nkw) * sizeof(PyObject *));
  PyObject *res = ml_vcall(fn, all, np + nargs, nkw > 0 ? kwnames : NULL);
  if (all != small) {
    PyMem_Free(all);
  }
  return res;
}
