//go:build pyext

/*
 * vcall.c: calls of Python callables from C without a tuple or a dict.
 *
 * PyObject_Vectorcall passes the arguments in an array, as the callee
 * takes them: no tuple, no dict for keywords. It is in CPython's stable
 * ABI only from 3.12 on, yet CPython 3.11 exports it too, with the same
 * signature and meaning; 3.10 has it inline only, but exports
 * PyObject_VectorcallDict (3.9 and later), the same with keywords in a
 * dict. The extension, built against the 3.10 limited API, looks both up
 * once, when it is loaded (ml_vectorcall_setup), in the process's
 * symbols, and keeps what it finds only if it lives in the very object
 * that provides PyObject_Call to the extension (the running CPython, not
 * another one loaded by chance). Calls take PyObject_Vectorcall where
 * there is one; else PyObject_VectorcallDict (an array of the positional
 * arguments, a dict of the keyword ones); else, or when the environment
 * variable MULTILINGUAL_NO_VECTORCALL=1 disables both (for the tests that
 * compare the ways), the general way: a tuple (or, up to six positional
 * arguments, PyObject_CallFunctionObjArgs, whose arguments CPython passes
 * from an array on its stack) and a dict. Every way gives the callee the
 * same arguments, so the same answers and the same exceptions. */

#include "module.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ml_vectorcall_t ml_vectorcall = NULL;
PyObject *ml_function_type = NULL;
Py_ssize_t ml_function_vectorcall = 0;

int ml_known_layout(void) {
  static int known = -1;
  if (known < 0) {
    int major = 0, minor = 0;
    known = sscanf(Py_GetVersion(), "%d.%d", &major, &minor) == 2 && major == 3 &&
            minor >= 8 && minor <= 13;
  }
  return known;
}

/* The head of CPython's type object (PyTypeObject, the same from 3.8 to
 * 3.13 up to tp_vectorcall_offset), which the limited API does not
 * declare. */
typedef struct {
  PyVarObject ob_base;
  const char *tp_name;
  Py_ssize_t tp_basicsize, tp_itemsize;
  void (*tp_dealloc)(PyObject *);
  Py_ssize_t tp_vectorcall_offset;
} ml_type_head;

static void *ml_python_symbol(const char *name);

/*
 * ml_function_setup finds where a Python function keeps its vectorcall,
 * so that ml_vcall calls a program's Python fallback as
 * PyObject_Vectorcall would, without its two calls around it (about 50
 * instructions of the 1,050 of prog.call(..., backend=PYTHON)); the
 * only step skipped is _Py_CheckFunctionResult, a consistency check that
 * CPython's evaluation loop already guarantees for Python functions. Only
 * on a CPython of known layout, for the type named "function" found in
 * the running CPython, which says it has a vectorcall inside its objects.
 */
static void ml_function_setup(void) {
  if (!ml_known_layout()) {
    return;
  }
  void *sym = ml_python_symbol("PyFunction_Type");
  if (sym == NULL || !PyType_Check((PyObject *)sym) ||
      !(PyType_GetFlags((PyTypeObject *)sym) & ML_TPFLAGS_HAVE_VECTORCALL)) {
    return;
  }
  const ml_type_head *t = sym;
  Py_ssize_t off = t->tp_vectorcall_offset;
  if (strcmp(t->tp_name, "function") != 0 || off < (Py_ssize_t)sizeof(PyObject) ||
      off % (Py_ssize_t)sizeof(void *) != 0 || off + (Py_ssize_t)sizeof(void *) > t->tp_basicsize) {
    return;
  }
  ml_function_vectorcall = off;
  ml_function_type = sym;
}

/* PyObject_VectorcallDict where PyObject_Vectorcall is not exported (3.10),
 * or NULL. */
typedef PyObject *(*ml_vectorcall_dict_t)(PyObject *callable, PyObject *const *args, size_t nargsf,
                                          PyObject *kwdict);
static ml_vectorcall_dict_t ml_vectorcall_dict = NULL;

/* ml_call_way is what CALL_WAY reports (see ml_vectorcall_setup). */
static const char *ml_call_way = "tuple";

/* ml_python_symbol returns the running CPython's function name, or NULL. */
static void *ml_python_symbol(const char *name) {
  void *sym = dlsym(RTLD_DEFAULT, name);
  Dl_info found, ours;
  if (sym == NULL || dladdr(sym, &found) == 0 || dladdr((void *)&PyObject_Call, &ours) == 0 ||
      found.dli_fbase != ours.dli_fbase) {
    return NULL;
  }
  return sym;
}

void ml_vectorcall_setup(void) {
  static int done = 0;
  if (done) {
    return;
  }
  done = 1;
  const char *off = getenv("MULTILINGUAL_NO_VECTORCALL");
  if (off != NULL && off[0] != '\0' && strcmp(off, "0") != 0) {
    return;
  }
  ml_function_setup();
  /* A data pointer to a function pointer, as POSIX allows (memcpy). */
  void *sym = ml_python_symbol("PyObject_Vectorcall");
  if (sym != NULL) {
    memcpy(&ml_vectorcall, &sym, sizeof ml_vectorcall);
    ml_call_way = "vectorcall";
    return;
  }
  sym = ml_python_symbol("PyObject_VectorcallDict");
  if (sym != NULL) {
    memcpy(&ml_vectorcall_dict, &sym, sizeof ml_vectorcall_dict);
    ml_call_way = "vectorcall-dict";
  }
}

const char *ml_vectorcall_way(void) { return ml_call_way; }

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
  if (ml_vectorcall_dict != NULL && nkw == 0) {
    return ml_vectorcall_dict(fn, args, (size_t)nargs, NULL);
  }
  if (nkw == 0 && nargs <= 6) {
    return ml_call_positional(fn, args, nargs);
  }
  PyObject *kw = nkw > 0 ? PyDict_New() : NULL;
  if (nkw > 0 && kw == NULL) {
    return NULL;
  }
  PyObject *tuple = NULL, *res = NULL;
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *key = PyTuple_GetItem(kwnames, k);
    if (key == NULL || PyDict_SetItem(kw, key, args[nargs + k]) < 0) {
      goto done;
    }
  }
  if (ml_vectorcall_dict != NULL) {
    res = ml_vectorcall_dict(fn, args, (size_t)nargs, kw);
    goto done;
  }
  tuple = PyTuple_New(nargs);
  if (tuple == NULL) {
    goto done;
  }
  for (Py_ssize_t i = 0; i < nargs; i++) {
    PyTuple_SetItem(tuple, i, Py_NewRef(args[i]));
  }
  res = PyObject_Call(fn, tuple, kw);
done:
  Py_XDECREF(kw);
  Py_XDECREF(tuple);
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
