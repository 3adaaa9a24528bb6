//go:build pyext

/*
 * func.c: the type WasmFunctionData, the prepared form of one exported
 * function behind each Module.function callable and each name Module.call
 * was called with: its index, its WebAssembly kinds, the conversion of
 * each parameter and result, read from the compiler's signature ('ii:i',
 * lists as 'LI') or derived from the WebAssembly types, its fallback and
 * time limit. Calls run in call.c.
 */

#include "module.h"

#include <stddef.h>
#include <string.h>

/* ------------------------------------------------------------- the type */

static int MLFunc_traverse(PyObject *self, visitproc visit, void *arg) {
  MLFunc *f = (MLFunc *)self;
  Py_VISIT(Py_TYPE(self));
  if (!f->borrowed) {
    Py_VISIT((PyObject *)f->module);
  }
  Py_VISIT(f->fallback);
  return 0;
}

static int MLFunc_clear(PyObject *self) {
  MLFunc *f = (MLFunc *)self;
  if (f->borrowed) {
    f->module = NULL;
  } else {
    Py_CLEAR(f->module);
  }
  Py_CLEAR(f->fallback);
  return 0;
}

static void MLFunc_dealloc(PyObject *self) {
  MLFunc *f = (MLFunc *)self;
  PyTypeObject *tp = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  MLFunc_clear(self);
  Py_CLEAR(f->name);
  Py_CLEAR(f->doc);
  Py_CLEAR(f->params);
  PyMem_Free(f->conv);
  f->conv = NULL;
  PyMem_Free(f->kinds);
  f->kinds = NULL;
  PyMem_Free(f->ltypes);
  f->ltypes = NULL;
  PyMem_Free(f->ltoff);
  f->ltoff = NULL;
  freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
  tp_free(self);
  Py_DECREF(tp);
}

static PyType_Slot MLFunc_slots[] = {
    {Py_tp_doc, "A prepared exported function (internal)."},
    {Py_tp_traverse, MLFunc_traverse},
    {Py_tp_clear, MLFunc_clear},
    {Py_tp_dealloc, MLFunc_dealloc},
    {0, 0},
};

PyType_Spec MLFunc_spec = {
    .name = "multilingualprogramming._native.WasmFunctionData",
    .basicsize = sizeof(MLFunc),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = MLFunc_slots,
};

/* ---------------------------------------------------------- conversions */

static const char *ml_kind_name(uint8_t k) {
  switch (k) {
  case ML_I32:
    return "i32";
  case ML_I64:
    return "i64";
  case ML_F32:
    return "f32";
  case ML_F64:
    return "f64";
  }
  return "other";
}

/* ml_conv_for derives the conversion of a WebAssembly type, or 0. */
static uint8_t ml_conv_for(uint8_t kind) {
  switch (kind) {
  case ML_I32:
    return CV_I32;
  case ML_I64:
    return CV_I64;
  case ML_F32:
    return CV_F32;
  case ML_F64:
    return CV_F64;
  }
  return 0;
}

/* ml_letter_fits reports whether signature letter c can carry kind. */
static int ml_letter_fits(char c, uint8_t kind) {
  return (c == 'i' && kind == ML_I64) || (c == 'f' && kind == ML_F64) ||
         (c == 'b' && kind == ML_I32);
}

/* Fills f->conv from signature (UTF-8, or NULL to derive it). */
static int ml_build_conv(MLFunc *f, const ml_fastfunc *ff, const char *sig,
                         Py_ssize_t siglen) {
  f->nparams = (int)ff->nparams;
  f->nresults = (int)ff->nresults;
  f->nslots = ff->nslots;
  f->kinds = PyMem_Malloc((size_t)(f->nparams + f->nresults) + 1);
  if (f->kinds == NULL) {
    PyErr_NoMemory();
    return -1;
  }
  memcpy(f->kinds, ff->kinds, (size_t)(f->nparams + f->nresults));
  f->conv = PyMem_Malloc((size_t)(f->nparams + f->nresults) + 1);
  if (f->conv == NULL) {
    PyErr_NoMemory();
    return -1;
  }
  if (sig == NULL) {
    for (int i = 0; i < f->nparams + f->nresults; i++) {
      f->conv[i] = ml_conv_for(ff->kinds[i]);
      if (f->conv[i] == 0) {
        PyErr_Format(PyExc_TypeError,
                     "%U() has a %s %s, which Python cannot pass", f->name,
                     ml_kind_name(ff->kinds[i]),
                     i < f->nparams ? "parameter" : "result");
        return -1;
      }
    }
    return 0;
  }
  /* The grammar of core/compiler.Signature: the letters of each parameter
   * (i f b s, or a list: L* then I F B S), ':' and the result's letters,
   * n, or one scalar letter (i f b) for each value of a tuple result. */
  int ok = siglen < 60000;
  Py_ssize_t pos = 0;
  if (ok) {
    f->ltypes = PyMem_Malloc((size_t)siglen + 1);
    f->ltoff = PyMem_Malloc(sizeof(uint16_t) * (size_t)(f->nparams + f->nresults + 1));
    if (f->ltypes == NULL || f->ltoff == NULL) {
      PyErr_NoMemory();
      return -1;
    }
    memcpy(f->ltypes, sig, (size_t)siglen);
    f->ltypes[siglen] = '\0';
  }
  int last = f->nparams + (f->nresults > 1 ? f->nresults - 1 : 0);
  for (int i = 0; ok && i <= last; i++) {
    if (i == f->nparams) {
      ok = pos < siglen && sig[pos] == ':';
      pos++;
      if (ok && pos < siglen && sig[pos] == 'n') {
        ok = f->nresults == 0 && pos + 1 == siglen;
        break;
      }
      ok = ok && f->nresults >= 1;
      if (!ok) {
        break;
      }
    }
    if (i >= f->nparams && f->nresults > 1) {
      /* a value of a tuple result: one scalar letter */
      char c = pos < siglen ? sig[pos++] : 0;
      f->ltoff[i] = (uint16_t)(pos - 1);
      ok = ml_letter_fits(c, ff->kinds[i]);
      f->conv[i] = (uint8_t)c;
      if (i == last) {
        ok = ok && pos == siglen;
      }
      continue;
    }
    Py_ssize_t start = pos;
    while (pos < siglen && sig[pos] == 'L') {
      pos++;
    }
    if (pos >= siglen) {
      ok = 0;
      break;
    }
    char c = sig[pos++];
    f->ltoff[i] = (uint16_t)start;
    if (c == 'I' || c == 'F' || c == 'B' || c == 'S' ||
        (c == 's' && pos == start + 1)) {
      /* a list, or a str: both cross through linear memory (lists.h) */
      ok = ff->kinds[i] == ML_I32;
      f->conv[i] = CV_LIST;
      f->has_lists = 1;
      f->nlists += i < f->nparams;
    } else {
      ok = pos == start + 1 && ml_letter_fits(c, ff->kinds[i]);
      f->conv[i] = (uint8_t)c;
    }
    if (i == f->nparams) {
      ok = ok && pos == siglen;
    }
  }
  if (!ok) {
    PyErr_Format(PyExc_ValueError,
                 "signature '%s' does not match the WebAssembly type of %U() "
                 "(%d parameters, %d results)",
                 sig, f->name, f->nparams, f->nresults);
    return -1;
  }
  return 0;
}

/* Creates the MLFunc for export name of m; NULL with an exception set. */
MLFunc *ml_func_new(MLModule *m, PyObject *name, PyObject *signature,
                           PyObject *fallback, double timeout) {
  if (!PyUnicode_Check(name)) {
    PyErr_SetString(PyExc_TypeError, "function name must be str");
    return NULL;
  }
  if (timeout > 0 && m->fast) {
    PyErr_SetString(PyExc_ValueError,
                    "a timeout needs a module loaded with interruptible=True "
                    "(this one was compiled without interruption checks)");
    return NULL;
  }
  const char *sig = NULL;
  Py_ssize_t siglen = 0;
  if (signature != NULL && signature != Py_None) {
    if (!PyUnicode_Check(signature)) {
      PyErr_SetString(PyExc_TypeError, "signature must be str or None");
      return NULL;
    }
    sig = PyUnicode_AsUTF8AndSize(signature, &siglen);
    if (sig == NULL) {
      return NULL;
    }
  }
  if (fallback == Py_None) {
    fallback = NULL;
  }
  if (fallback != NULL && !PyCallable_Check(fallback)) {
    PyErr_SetString(PyExc_TypeError, "fallback must be callable or None");
    return NULL;
  }
  if (ml_check_open(m) < 0) {
    return NULL;
  }
  Py_ssize_t namelen;
  const char *cname = PyUnicode_AsUTF8AndSize(name, &namelen);
  if (cname == NULL) {
    return NULL;
  }
  long long index = mlgo_module_func_index(m->handle, (char *)cname, namelen);
  if (index < 0) {
    return NULL;
  }
  ml_instance *inst = ml_current(m);
  if (inst == NULL) {
    return NULL;
  }
  const ml_fastfunc *ff = inst->funcs[index];
  int bounded = mlgo_module_func_bounded(m->handle, index);
  if (bounded < 0) {
    return NULL;
  }
  MLFunc *f = PyObject_GC_New(MLFunc, (PyTypeObject *)m->st->FuncType);
  if (f == NULL) {
    return NULL;
  }
  memset(&f->def, 0, sizeof(MLFunc) - offsetof(MLFunc, def));
  f->index = (uint32_t)index;
  f->timeout = timeout;
  /* A bounded export keeps the GIL whatever the module's setting says (its
   * calls are too short for other threads to notice, and it cannot call
   * back into Python); the others follow the module (-1). */
  f->release_gil = bounded ? 0 : -1;
  f->bounded = bounded;
  Py_INCREF(m);
  f->module = m;
  Py_XINCREF(fallback);
  f->fallback = fallback;
  Py_INCREF(name);
  f->name = name;
  PyObject_GC_Track((PyObject *)f);
  if (ml_build_conv(f, ff, sig, siglen) < 0) {
    Py_DECREF(f);
    return NULL;
  }
  if (f->has_lists) {
    /* Lists go in through the arena: the module must export both. */
    long long a = mlgo_module_func_index(m->handle, (char *)"__ml_alloc", 10);
    long long r = a < 0 ? -1 : mlgo_module_func_index(m->handle, (char *)"__ml_reset", 10);
    if (a < 0 || r < 0) {
      Py_DECREF(f);
      return NULL;
    }
    f->alloc_index = (uint32_t)a;
    f->reset_index = (uint32_t)r;
  }
  return f;
}

/* A human-readable signature, used as the callable's docstring. */
PyObject *ml_func_doc(MLFunc *f) {
  PyObject *parts = PyList_New(0);
  if (parts == NULL) {
    return NULL;
  }
  for (int i = 0; i < f->nparams; i++) {
    PyObject *s = f->conv[i] == CV_LIST ? ml_list_type_name(f->ltypes + f->ltoff[i])
                                        : PyUnicode_FromString(ml_kind_name(f->kinds[i]));
    if (s == NULL || PyList_Append(parts, s) < 0) {
      Py_XDECREF(s);
      Py_DECREF(parts);
      return NULL;
    }
    Py_DECREF(s);
  }
  PyObject *sep = PyUnicode_FromString(", ");
  PyObject *joined = sep != NULL ? PyUnicode_Join(sep, parts) : NULL;
  Py_XDECREF(sep);
  Py_DECREF(parts);
  if (joined == NULL) {
    return NULL;
  }
  PyObject *res = f->nresults == 1 && f->conv[f->nparams] == CV_LIST
                      ? ml_list_type_name(f->ltypes + f->ltoff[f->nparams])
                      : PyUnicode_FromString(f->nresults == 0   ? "None"
                                             : f->nresults == 1 ? ml_kind_name(f->kinds[f->nparams])
                                                                : "tuple");
  if (res == NULL) {
    Py_DECREF(joined);
    return NULL;
  }
  PyObject *doc = PyUnicode_FromFormat(
      "%U(%U) -> %U\n\nExported WebAssembly function%s.", f->name, joined, res,
      f->fallback != NULL ? " (falls back to Python on overflow)" : "");
  Py_DECREF(joined);
  Py_DECREF(res);
  return doc;
}
