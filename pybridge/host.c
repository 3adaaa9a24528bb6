//go:build pyext

/*
 * host.c: Python functions that WebAssembly imports (Module(imports=...)):
 * the imports dict read for Go, the call of a host function from inside
 * WebAssembly, and the per-thread stash of the exception it raised.
 */

#include "module.h"

#include <string.h>

/* ------------------------------------------------- pending host errors */

/*
 * An exception raised by a Python host function cannot cross WebAssembly:
 * the host function stores it here (per thread), returns a trap, and the
 * call that entered WebAssembly re-raises it instead of the trap.
 */
ML_TLS PyObject *ml_pending_type;
static ML_TLS PyObject *ml_pending_value, *ml_pending_tb;

static void ml_stash_exception(void) {
  PyObject *t, *v, *tb;
  PyErr_Fetch(&t, &v, &tb);
  if (ml_pending_type != NULL) {
    /* A nested call already stashed one; keep the innermost. */
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    return;
  }
  ml_pending_type = t;
  ml_pending_value = v;
  ml_pending_tb = tb;
}

int ml_restore_pending(void) {
  if (ml_pending_type == NULL) {
    return 0;
  }
  PyErr_Restore(ml_pending_type, ml_pending_value, ml_pending_tb);
  ml_pending_type = ml_pending_value = ml_pending_tb = NULL;
  return 1;
}

/* ----------------------------------------------------------- host calls */

/*
 * ml_host_call runs a Python host function for WebAssembly (called by Go
 * from inside a call, on the calling thread, with the GIL released or
 * held). args and results hold raw values of the given kinds (nparams
 * kinds, then nresults). On an exception it stashes it for the call to
 * re-raise and returns -1.
 */
static int ml_host_call_python(PyObject *fn, const uint8_t *kinds, int nparams,
                               int nresults, const uint64_t *args,
                               uint64_t *results);

int ml_host_call(PyObject *fn, const uint8_t *kinds, int nparams, int nresults,
                 const uint64_t *args, uint64_t *results) {
  /* Python runs here, not WebAssembly: a crash in it is Python's (signals.c) */
  int in_wasm = ml_in_wasm;
  ml_in_wasm = 0;
  int rc = ml_host_call_python(fn, kinds, nparams, nresults, args, results);
  ml_in_wasm = in_wasm;
  return rc;
}

static int ml_host_call_python(PyObject *fn, const uint8_t *kinds, int nparams,
                               int nresults, const uint64_t *args,
                               uint64_t *results) {
  PyGILState_STATE g = PyGILState_Ensure();
  int rc = -1;
  PyObject *res = NULL;
  PyObject *tuple = PyTuple_New(nparams);
  for (int i = 0; tuple != NULL && i < nparams; i++) {
    wasmtime_val_raw_t v;
    memcpy(&v, &args[i], sizeof args[i]);
    PyObject *o = kinds[i] == ML_I32   ? PyLong_FromLong(v.i32)
                  : kinds[i] == ML_I64 ? PyLong_FromLongLong(v.i64)
                  : kinds[i] == ML_F32 ? PyFloat_FromDouble((double)v.f32)
                                       : PyFloat_FromDouble(v.f64);
    if (o == NULL) {
      goto done;
    }
    PyTuple_SetItem(tuple, i, o);
  }
  if (tuple == NULL) {
    goto done;
  }
  res = PyObject_CallObject(fn, tuple);
  if (res == NULL) {
    goto done;
  }
  for (int i = 0; i < nresults; i++) {
    PyObject *o = res;
    if (nresults > 1) {
      o = PySequence_GetItem(res, i);
      if (o == NULL) {
        goto done;
      }
    }
    uint8_t k = kinds[nparams + i];
    wasmtime_val_raw_t v;
    memset(&v, 0, sizeof v);
    int bad = 0;
    if (k == ML_F32 || k == ML_F64) {
      double d = PyFloat_AsDouble(o);
      bad = d == -1.0 && PyErr_Occurred();
      if (k == ML_F32) {
        v.f32 = (float)d;
      } else {
        v.f64 = d;
      }
    } else if (!PyLong_Check(o)) {
      PyErr_Format(PyExc_TypeError, "host function must return int, not %R",
                   (PyObject *)Py_TYPE(o));
      bad = 1;
    } else {
      long long x = PyLong_AsLongLong(o);
      bad = x == -1 && PyErr_Occurred();
      if (k == ML_I32) {
        if (!bad && (x < INT32_MIN || x > UINT32_MAX)) {
          PyErr_SetString(PyExc_OverflowError,
                          "host function result does not fit in i32");
          bad = 1;
        }
        v.i32 = (int32_t)x;
      } else {
        v.i64 = x;
      }
    }
    if (nresults > 1) {
      Py_DECREF(o);
    }
    if (bad) {
      goto done;
    }
    memcpy(&results[i], &v, sizeof results[i]);
  }
  rc = 0;
done:
  Py_XDECREF(tuple);
  Py_XDECREF(res);
  if (rc < 0) {
    ml_stash_exception();
  }
  PyGILState_Release(g);
  return rc;
}

/* -------------------------------------------------------------- imports */

void ml_imports_free(ml_imports *im) {
  PyMem_Free(im->mods);
  PyMem_Free(im->names);
  PyMem_Free(im->modlens);
  PyMem_Free(im->namelens);
  PyMem_Free(im->fns);
}

int ml_imports_from(PyObject *dict, ml_imports *im) {
  memset(im, 0, sizeof *im);
  if (dict == NULL || dict == Py_None) {
    return 0;
  }
  if (!PyDict_Check(dict)) {
    PyErr_SetString(PyExc_TypeError,
                    "imports must be a dict {(module, name): callable}");
    return -1;
  }
  Py_ssize_t n = PyDict_Size(dict);
  size_t sz = (size_t)(n > 0 ? n : 1);
  im->mods = PyMem_Malloc(sz * sizeof(char *));
  im->names = PyMem_Malloc(sz * sizeof(char *));
  im->modlens = PyMem_Malloc(sz * sizeof(Py_ssize_t));
  im->namelens = PyMem_Malloc(sz * sizeof(Py_ssize_t));
  im->fns = PyMem_Malloc(sz * sizeof(PyObject *));
  if (!im->mods || !im->names || !im->modlens || !im->namelens || !im->fns) {
    ml_imports_free(im);
    PyErr_NoMemory();
    return -1;
  }
  Py_ssize_t pos = 0;
  PyObject *key, *value;
  while (PyDict_Next(dict, &pos, &key, &value)) {
    PyObject *mod = NULL, *name = NULL;
    if (PyTuple_Check(key) && PyTuple_Size(key) == 2) {
      mod = PyTuple_GetItem(key, 0);
      name = PyTuple_GetItem(key, 1);
    }
    if (mod == NULL || name == NULL || !PyUnicode_Check(mod) ||
        !PyUnicode_Check(name)) {
      PyErr_Clear();
      PyErr_Format(PyExc_TypeError,
                   "imports keys must be (module, name) tuples of str, not %R", key);
      ml_imports_free(im);
      return -1;
    }
    if (!PyCallable_Check(value)) {
      PyErr_Format(PyExc_TypeError, "import %U.%U must be callable", mod, name);
      ml_imports_free(im);
      return -1;
    }
    Py_ssize_t i = im->n;
    im->mods[i] = PyUnicode_AsUTF8AndSize(mod, &im->modlens[i]);
    im->names[i] = PyUnicode_AsUTF8AndSize(name, &im->namelens[i]);
    if (im->mods[i] == NULL || im->names[i] == NULL) {
      ml_imports_free(im);
      return -1;
    }
    im->fns[i] = value;
    im->n++;
  }
  return 0;
}
