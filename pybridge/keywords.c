//go:build pyext

/*
 * keywords.c: calls of a function() callable with keyword arguments,
 * prog.add(a=1, b=2) as Python calls the function's def.
 *
 * A callable made with the parameters' names (function(..., params=...):
 * a Program gives them for each compiled function, whose parameters are
 * all positional-or-keyword, without defaults) binds the keywords to
 * positions, as CPython binds the call of that def, and makes the usual
 * positional call, on WebAssembly. A call CPython would refuse (a keyword
 * that names no parameter, an argument given twice, one missing) raises
 * CPython's TypeError: under Backend.AUTO the Python fallback is called
 * with the very same arguments and raises it itself; without a fallback
 * the message is made here in CPython's words. A callable without names (a
 * raw module's) refuses keywords, as a builtin function does.
 */

#include "module.h"

/* ml_param_index returns the index of the parameter named kw, or -1
 * (-2 with an exception set). */
static Py_ssize_t ml_param_index(MLFunc *f, PyObject *kw) {
  for (Py_ssize_t i = 0; i < f->nparams; i++) {
    if (PyTuple_GetItem(f->params, i) == kw) { /* both interned, usually */
      return i;
    }
  }
  for (Py_ssize_t i = 0; i < f->nparams; i++) {
    int eq = PyObject_RichCompareBool(PyTuple_GetItem(f->params, i), kw, Py_EQ);
    if (eq != 0) {
      return eq < 0 ? -2 : i;
    }
  }
  return -1;
}

/* ml_raise_missing raises CPython's TypeError for the parameters that no
 * argument gave (bound[i] NULL; without bound, those from given on):
 * "f() missing 2 required positional arguments: 'a' and 'b'" (three and
 * more: "'a', 'b', and 'c'"). */
static void ml_raise_missing(MLFunc *f, PyObject *const *bound, Py_ssize_t given) {
#define ML_MISSING(i) (bound != NULL ? bound[i] == NULL : (i) >= given)
  int missing = 0;
  for (int i = 0; i < f->nparams; i++) {
    missing += ML_MISSING(i);
  }
  PyObject *names = PyUnicode_FromString("");
  for (int i = 0, seen = 0; names != NULL && i < f->nparams; i++) {
    if (!ML_MISSING(i)) {
      continue;
    }
    seen++;
    const char *sep = seen == 1              ? ""
                      : seen < missing       ? ", "
                      : missing == 2         ? " and "
                                             : ", and ";
    PyObject *more = PyUnicode_FromFormat("%U%s'%U'", names, sep,
                                          PyTuple_GetItem(f->params, i));
    Py_DECREF(names);
    names = more;
  }
  if (names != NULL) {
    PyErr_Format(PyExc_TypeError, "%U() missing %d required positional argument%s: %U",
                 f->name, missing, missing == 1 ? "" : "s", names);
    Py_DECREF(names);
  }
#undef ML_MISSING
}

void ml_raise_arity(MLFunc *f, Py_ssize_t nargs) {
  if (f->params == NULL) {
    PyErr_Format(PyExc_TypeError, "%U() takes %d argument%s (%zd given)", f->name, f->nparams,
                 f->nparams == 1 ? "" : "s", nargs);
  } else if (nargs > f->nparams) {
    PyErr_Format(PyExc_TypeError, "%U() takes %d positional argument%s but %zd %s given",
                 f->name, f->nparams, f->nparams == 1 ? "" : "s", nargs,
                 nargs == 1 ? "was" : "were");
  } else {
    ml_raise_missing(f, NULL, nargs);
  }
}

/* ml_bind puts the arguments of a call with keywords in bound (nparams
 * entries, borrowed) at their parameters' places: 0, or -1 with CPython's
 * TypeError (or another exception) set. */
static int ml_bind(MLFunc *f, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                   PyObject **bound) {
  /* CPython's order: the positional arguments fill the first parameters,
   * then each keyword its own (its errors first), then the count. */
  for (Py_ssize_t i = 0; i < f->nparams; i++) {
    bound[i] = i < nargs ? args[i] : NULL;
  }
  Py_ssize_t nkw = PyTuple_Size(kwnames);
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kw = PyTuple_GetItem(kwnames, k);
    Py_ssize_t i = ml_param_index(f, kw);
    if (i == -2) {
      return -1;
    }
    if (i < 0) {
      PyErr_Format(PyExc_TypeError, "%U() got an unexpected keyword argument '%U'", f->name,
                   kw);
      return -1;
    }
    if (bound[i] != NULL) {
      PyErr_Format(PyExc_TypeError, "%U() got multiple values for argument '%U'", f->name, kw);
      return -1;
    }
    bound[i] = args[nargs + k];
  }
  if (nargs > f->nparams) {
    ml_raise_arity(f, nargs);
    return -1;
  }
  for (Py_ssize_t i = 0; i < f->nparams; i++) {
    if (bound[i] == NULL) {
      ml_raise_missing(f, bound, 0);
      return -1;
    }
  }
  return 0;
}

/* ml_call_keywords is a call with at least one keyword. */
static PyObject *ml_call_keywords(MLFunc *f, PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames) __attribute__((noinline));

static PyObject *ml_call_keywords(MLFunc *f, PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames) {
  PyObject *small[8];
  PyObject **bound = small;
  if (f->nparams > 8) {
    bound = PyMem_Malloc(sizeof(PyObject *) * (size_t)f->nparams);
    if (bound == NULL) {
      return PyErr_NoMemory();
    }
  }
  PyObject *res;
  if (ml_bind(f, args, nargs, kwnames, bound) == 0) {
    res = ml_func_call((PyObject *)f, bound, f->nparams);
  } else if (f->fallback != NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
    /* Python's own def refuses the call in its own words. */
    PyErr_Clear();
    res = ml_call_fallback(f, args, nargs, kwnames, f->module->st->s_argument_type);
  } else {
    res = NULL;
  }
  if (bound != small) {
    PyMem_Free(bound);
  }
  return res;
}

ML_HOT PyObject *ml_func_call_kw(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames) {
  if (__builtin_expect(kwnames == NULL, 1) || PyTuple_Size(kwnames) == 0) {
    return ml_func_call(self, args, nargs);
  }
  return ml_call_keywords((MLFunc *)self, args, nargs, kwnames);
}
