//go:build pyext

/*
 * args.c: the argument checks that the METH_FASTCALL functions and methods
 * share (CPython checks the METH_NOARGS methods).
 */

#include "module.h"

/* ml_nargs checks that what() got exactly want positional arguments. */
int ml_nargs(const char *what, Py_ssize_t nargs, int want) {
  if (__builtin_expect(nargs == want, 1)) {
    return 0;
  }
  if (want == 0) {
    PyErr_Format(PyExc_TypeError, "%s() takes no arguments (%zd given)", what, nargs);
  } else {
    PyErr_Format(PyExc_TypeError, "%s() takes exactly %d argument%s (%zd given)",
                 what, want, want == 1 ? "" : "s", nargs);
  }
  return -1;
}

/* ml_keywords fills vals[] from positional args then keyword arguments
 * named names[] (n of them); what() names the function in errors. */
int ml_keywords(const char *what, const char *const *names, int n, PyObject **vals,
                PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  if (nargs > n) {
    PyErr_Format(PyExc_TypeError, "%s() takes at most %d arguments (%zd given)",
                 what, n, nargs);
    return -1;
  }
  for (Py_ssize_t i = 0; i < nargs; i++) {
    vals[i] = args[i];
  }
  Py_ssize_t nkw = kwnames != NULL ? PyTuple_Size(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kw = PyTuple_GetItem(kwnames, k);
    if (kw == NULL) {
      return -1;
    }
    int found = 0;
    for (int j = 0; j < n; j++) {
      if (PyUnicode_CompareWithASCIIString(kw, names[j]) == 0) {
        if (vals[j] != NULL) {
          PyErr_Format(PyExc_TypeError,
                       "%s() got multiple values for argument '%s'", what,
                       names[j]);
          return -1;
        }
        vals[j] = args[nargs + k];
        found = 1;
      }
    }
    if (!found) {
      PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument %R",
                   what, kw);
      return -1;
    }
  }
  return 0;
}

/* ml_parse_timeout reads a timeout: None (0, no limit) or seconds > 0. */
int ml_parse_timeout(PyObject *o, double *out) {
  *out = 0;
  if (o == NULL || o == Py_None) {
    return 0;
  }
  if (!PyFloat_Check(o) && !PyLong_Check(o)) {
    PyErr_SetString(PyExc_TypeError, "timeout must be a number of seconds or None");
    return -1;
  }
  double d = PyFloat_AsDouble(o);
  if (d == -1.0 && PyErr_Occurred()) {
    return -1;
  }
  if (!(d > 0) || d > 1e9) {
    PyErr_SetString(PyExc_ValueError,
                    "timeout must be a positive number of seconds (at most 1e9)");
    return -1;
  }
  *out = d;
  return 0;
}

/* ml_opt_str reads an optional str argument into *out and *len: NULL (not
 * given) and None leave them as they are; anything else but a str raises
 * TypeError with msg. */
int ml_opt_str(PyObject *o, const char *msg, const char **out, Py_ssize_t *len) {
  if (o == NULL || o == Py_None) {
    return 0;
  }
  if (!PyUnicode_Check(o)) {
    PyErr_SetString(PyExc_TypeError, msg);
    return -1;
  }
  *out = PyUnicode_AsUTF8AndSize(o, len);
  return *out == NULL ? -1 : 0;
}

/* ml_opt_bool reads an optional truth value into *out: NULL (not given)
 * leaves it as it is. */
int ml_opt_bool(PyObject *o, int *out) {
  if (o == NULL) {
    return 0;
  }
  int t = PyObject_IsTrue(o);
  if (t < 0) {
    return -1;
  }
  *out = t;
  return 0;
}
