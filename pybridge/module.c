//go:build pyext

/*
 * module.c: the CPython extension multilingualprogramming._native.
 *
 * Follows CPython's xxlimited template for the stable ABI (3.10): the module
 * is defined with PyModuleDef and multi-phase initialization, its exception
 * classes and heap types live in module state, and every function uses
 * METH_FASTCALL with explicit argument checks. Go is reached only through
 * the mlgo_* functions of export.go, never on the call fast path.
 */

#include "bridge.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "_cgo_export.h"

/* ---------------------------------------------------------------- state */

typedef struct {
  PyObject *CompileError; /* Exception subclass; args[0] is a list of dicts */
  PyObject *WasmTrap;     /* RuntimeError subclass: traps with no builtin */
  PyObject *ModuleType;
  PyObject *FuncType;
  /* Strings recorded by last_call(), interned once. */
  PyObject *s_wasm;
  PyObject *s_python;
  PyObject *s_int_overflow;
  PyObject *s_argument_type;
  PyObject *s_overflow;
  PyObject *s_unsupported;
} ml_state;

static inline ml_state *ml_get_state(PyObject *module) {
  return (ml_state *)PyModule_GetState(module);
}

/* ----------------------------------------------------------- Module type */

typedef struct {
  PyObject_HEAD
  uintptr_t handle; /* cgo.Handle of the Go *wasm.Instance; 0 once closed */
  ml_state *st;     /* state of the module that defines our type */
  PyObject *last_name;
  PyObject *last_backend;
  PyObject *last_reason;
} MLModule;

/* Conversions of a parameter or result between Python and WebAssembly. */
enum {
  CV_I64 = 'i',  /* int <-> i64 */
  CV_F64 = 'f',  /* float <-> f64 */
  CV_BOOL = 'b', /* bool <-> i32 (0 or 1) */
  CV_NONE = 'n', /* no result: None */
  CV_I32 = 'I',  /* int <-> i32, for foreign modules */
  CV_F32 = 'F',  /* float <-> f32, for foreign modules */
};

/* A callable for one exported function (see Module.function). */
typedef struct {
  PyObject_HEAD
  PyMethodDef def;        /* the method the builtin function object calls */
  const ml_fastfunc *ff;  /* prepared by Go; valid while module->handle != 0 */
  MLModule *module;       /* strong */
  PyObject *fallback;     /* strong, or NULL */
  PyObject *name;         /* str, strong; def.ml_name points into it */
  PyObject *doc;          /* str, strong; def.ml_doc points into it */
  int nparams;
  int nresults;
  uint8_t *conv;          /* nparams + nresults CV_* codes, PyMem */
} MLFunc;

static void ml_record(MLModule *m, PyObject *name, PyObject *backend,
                      PyObject *reason) {
  if (m->last_name != name) {
    PyObject *old = m->last_name;
    Py_INCREF(name);
    m->last_name = name;
    Py_XDECREF(old);
  }
  if (m->last_backend != backend) {
    PyObject *old = m->last_backend;
    Py_INCREF(backend);
    m->last_backend = backend;
    Py_XDECREF(old);
  }
  if (m->last_reason != reason) {
    PyObject *old = m->last_reason;
    Py_INCREF(reason);
    m->last_reason = reason;
    Py_XDECREF(old);
  }
}

static int ml_check_open(MLModule *m) {
  if (m->handle == 0) {
    PyErr_SetString(PyExc_ValueError, "WebAssembly module is closed");
    return -1;
  }
  return 0;
}

/* ---------------------------------------------------------- conversions */

/* The name of a's type, for error messages (new reference or NULL). */
static PyObject *ml_type_name(PyObject *a) {
  PyObject *t = PyObject_Type(a);
  if (t == NULL) {
    return NULL;
  }
  PyObject *n = PyObject_GetAttrString(t, "__name__");
  Py_DECREF(t);
  return n;
}

static void ml_arg_type_error(MLFunc *f, int i, const char *want, PyObject *a) {
  PyObject *tn = ml_type_name(a);
  if (tn != NULL) {
    PyErr_Format(PyExc_TypeError, "%U() argument %d must be %s, not %U", f->name,
                 i + 1, want, tn);
    Py_DECREF(tn);
  }
}

/* Calls f->fallback(*args), recording the reason. */
static PyObject *ml_call_fallback(MLFunc *f, PyObject *const *args,
                                  Py_ssize_t nargs, PyObject *reason) {
  PyObject *tuple = PyTuple_New(nargs);
  if (tuple == NULL) {
    return NULL;
  }
  for (Py_ssize_t i = 0; i < nargs; i++) {
    Py_INCREF(args[i]);
    PyTuple_SetItem(tuple, i, args[i]);
  }
  ml_record(f->module, f->name, f->module->st->s_python, reason);
  PyObject *res = PyObject_Call(f->fallback, tuple, NULL);
  Py_DECREF(tuple);
  return res;
}

/* Outcome of converting one argument. */
enum { ARG_OK = 0, ARG_ERROR = -1, ARG_OVERFLOW = 1, ARG_TYPE = 2 };

/* ml_convert_arg stores a in slot; ARG_OVERFLOW and ARG_TYPE are returned
 * without an exception set, so that the caller may take the fallback. */
static int ml_convert_arg(MLFunc *f, uint8_t cv, PyObject *a,
                          wasmtime_val_raw_t *slot) {
  switch (cv) {
  case CV_I64:
  case CV_I32:
  case CV_BOOL: {
    if (!PyLong_Check(a)) {
      return ARG_TYPE;
    }
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(a, &overflow);
    if (overflow != 0) {
      return ARG_OVERFLOW;
    }
    if (v == -1 && PyErr_Occurred()) {
      return ARG_ERROR;
    }
    if (cv == CV_I64) {
      slot->i64 = v;
    } else if (cv == CV_BOOL) {
      slot->i64 = 0;
      slot->i32 = v != 0;
    } else {
      if (v < INT32_MIN || v > INT32_MAX) {
        return ARG_OVERFLOW;
      }
      slot->i64 = 0;
      slot->i32 = (int32_t)v;
    }
    return ARG_OK;
  }
  case CV_F64:
  case CV_F32: {
    double d;
    if (PyFloat_Check(a)) {
      d = PyFloat_AsDouble(a);
    } else if (f->fallback == NULL && PyLong_Check(a)) {
      /* Without a fallback an int is converted, as Python would. */
      d = PyLong_AsDouble(a);
      if (d == -1.0 && PyErr_Occurred()) {
        return ARG_ERROR;
      }
    } else {
      return ARG_TYPE;
    }
    if (cv == CV_F64) {
      slot->f64 = d;
    } else {
      slot->i64 = 0;
      slot->f32 = (float)d;
    }
    return ARG_OK;
  }
  }
  PyErr_SetString(PyExc_SystemError, "bad conversion code");
  return ARG_ERROR;
}

static PyObject *ml_convert_result(uint8_t cv, const wasmtime_val_raw_t *slot) {
  switch (cv) {
  case CV_I64:
    return PyLong_FromLongLong(slot->i64);
  case CV_I32:
    return PyLong_FromLong(slot->i32);
  case CV_BOOL:
    return PyBool_FromLong(slot->i32 != 0);
  case CV_F64:
    return PyFloat_FromDouble(slot->f64);
  case CV_F32:
    return PyFloat_FromDouble((double)slot->f32);
  }
  PyErr_SetString(PyExc_SystemError, "bad conversion code");
  return NULL;
}

/* Raises the Python exception for a failed call and releases fail. */
static void ml_raise_trap(MLFunc *f, ml_failure *fail) {
  switch (fail->kind) {
  case ML_TRAP_ZERO_DIVISION:
    PyErr_SetString(PyExc_ZeroDivisionError,
                    fail->ml_code != 0 ? "float division by zero"
                                       : "integer division or modulo by zero");
    break;
  case ML_TRAP_OVERFLOW:
    PyErr_Format(PyExc_OverflowError,
                 "%U(): integer result does not fit in 64 bits", f->name);
    break;
  case ML_TRAP_INDEX:
    PyErr_SetString(PyExc_IndexError, "list index out of range");
    break;
  case ML_TRAP_RECURSION:
    PyErr_Format(PyExc_RecursionError,
                 "maximum recursion depth exceeded in %U() (WebAssembly stack)",
                 f->name);
    break;
  case ML_TRAP_VALUE:
    PyErr_Format(PyExc_ValueError, "%U(): invalid value", f->name);
    break;
  case ML_TRAP_ASSERTION:
    PyErr_SetNone(PyExc_AssertionError);
    break;
  case ML_TRAP_MEMORY:
    PyErr_Format(PyExc_MemoryError, "%U(): WebAssembly memory cannot grow",
                 f->name);
    break;
  default: {
    const char *what = fail->kind == ML_TRAP_UNSUPPORTED ? "Unsupported value"
                       : fail->kind == ML_TRAP_ERROR     ? "Wasmtime error"
                                                         : "trap";
    char *msg = ml_failure_message(fail);
    PyErr_Format(f->module->st->WasmTrap, "%s in %U() (code %d): %s", what,
                 f->name, fail->code, msg != NULL ? msg : "");
    free(msg);
  }
  }
  ml_failure_clear(fail);
}

#define ML_STACK_SLOTS 8

/* The fast path: convert, call wasm directly, convert back. */
static PyObject *ml_invoke(MLFunc *f, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != f->nparams) {
    PyErr_Format(PyExc_TypeError, "%U() takes %d argument%s (%zd given)", f->name,
                 f->nparams, f->nparams == 1 ? "" : "s", nargs);
    return NULL;
  }
  if (ml_check_open(f->module) < 0) {
    return NULL;
  }
  const ml_fastfunc *ff = f->ff;
  wasmtime_val_raw_t stack[ML_STACK_SLOTS];
  wasmtime_val_raw_t *slots = stack;
  if (ff->nslots > ML_STACK_SLOTS) {
    slots = PyMem_Malloc(sizeof(wasmtime_val_raw_t) * ff->nslots);
    if (slots == NULL) {
      return PyErr_NoMemory();
    }
  }
  PyObject *res = NULL;
  for (int i = 0; i < f->nparams; i++) {
    int rc = ml_convert_arg(f, f->conv[i], args[i], &slots[i]);
    if (rc == ARG_OK) {
      continue;
    }
    if (rc == ARG_ERROR) {
      goto done;
    }
    if (f->fallback != NULL) {
      ml_state *st = f->module->st;
      res = ml_call_fallback(f, args, nargs,
                             rc == ARG_OVERFLOW ? st->s_int_overflow
                                                : st->s_argument_type);
      goto done;
    }
    if (rc == ARG_OVERFLOW) {
      PyErr_Format(PyExc_OverflowError,
                   "%U() argument %d does not fit in a %d-bit integer", f->name,
                   i + 1, f->conv[i] == CV_I64 ? 64 : 32);
    } else {
      uint8_t cv = f->conv[i];
      ml_arg_type_error(f, i,
                        cv == CV_F64 || cv == CV_F32 ? "float"
                        : cv == CV_BOOL              ? "bool or int"
                                                     : "int",
                        args[i]);
    }
    goto done;
  }

  ml_failure fail;
  int kind = ml_fastcall(ff, slots, &fail);
  if (kind != ML_OK) {
    if (f->fallback != NULL &&
        (kind == ML_TRAP_OVERFLOW || kind == ML_TRAP_UNSUPPORTED)) {
      ml_failure_clear(&fail);
      ml_state *st = f->module->st;
      res = ml_call_fallback(f, args, nargs,
                             kind == ML_TRAP_OVERFLOW ? st->s_overflow
                                                      : st->s_unsupported);
    } else {
      ml_raise_trap(f, &fail);
    }
    goto done;
  }
  ml_record(f->module, f->name, f->module->st->s_wasm, f->module->st->s_wasm);
  if (f->nresults == 0) {
    res = ml_none();
  } else if (f->nresults == 1) {
    res = ml_convert_result(f->conv[f->nparams], &slots[0]);
  } else {
    res = PyTuple_New(f->nresults);
    for (int i = 0; res != NULL && i < f->nresults; i++) {
      PyObject *v = ml_convert_result(f->conv[f->nparams + i], &slots[i]);
      if (v == NULL) {
        Py_CLEAR(res);
        break;
      }
      PyTuple_SetItem(res, i, v);
    }
  }
done:
  if (slots != stack) {
    PyMem_Free(slots);
  }
  return res;
}

/* The METH_FASTCALL implementation behind every function() callable. */
static PyObject *ml_func_call(PyObject *self, PyObject *const *args,
                              Py_ssize_t nargs) {
  return ml_invoke((MLFunc *)self, args, nargs);
}

/* ----------------------------------------------------------- Func type */

static int MLFunc_traverse(PyObject *self, visitproc visit, void *arg) {
  MLFunc *f = (MLFunc *)self;
  Py_VISIT(Py_TYPE(self));
  Py_VISIT((PyObject *)f->module);
  Py_VISIT(f->fallback);
  return 0;
}

static int MLFunc_clear(PyObject *self) {
  MLFunc *f = (MLFunc *)self;
  Py_CLEAR(f->module);
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
  PyMem_Free(f->conv);
  f->conv = NULL;
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

static PyType_Spec MLFunc_spec = {
    .name = "multilingualprogramming._native.WasmFunctionData",
    .basicsize = sizeof(MLFunc),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = MLFunc_slots,
};

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
static int ml_build_conv(MLFunc *f, const char *sig, Py_ssize_t siglen) {
  const ml_fastfunc *ff = f->ff;
  f->nparams = (int)ff->nparams;
  f->nresults = (int)ff->nresults;
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
  /* "ii:i": one letter per parameter, ':' and one result letter. */
  int ok = siglen == f->nparams + 2 && sig[f->nparams] == ':';
  for (int i = 0; ok && i < f->nparams; i++) {
    ok = ml_letter_fits(sig[i], ff->kinds[i]);
    f->conv[i] = (uint8_t)sig[i];
  }
  if (ok) {
    char r = sig[f->nparams + 1];
    if (r == 'n') {
      ok = f->nresults == 0;
    } else {
      ok = f->nresults == 1 && ml_letter_fits(r, ff->kinds[f->nparams]);
      f->conv[f->nparams] = (uint8_t)r;
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
static MLFunc *ml_func_new(MLModule *m, PyObject *name, PyObject *signature,
                           PyObject *fallback) {
  if (!PyUnicode_Check(name)) {
    PyErr_SetString(PyExc_TypeError, "function name must be str");
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
  const ml_fastfunc *ff = mlgo_module_func(m->handle, (char *)cname, namelen);
  if (ff == NULL) {
    return NULL;
  }
  MLFunc *f = PyObject_GC_New(MLFunc, (PyTypeObject *)m->st->FuncType);
  if (f == NULL) {
    return NULL;
  }
  memset(&f->def, 0, sizeof(MLFunc) - offsetof(MLFunc, def));
  f->ff = ff;
  Py_INCREF(m);
  f->module = m;
  Py_XINCREF(fallback);
  f->fallback = fallback;
  Py_INCREF(name);
  f->name = name;
  PyObject_GC_Track((PyObject *)f);
  if (ml_build_conv(f, sig, siglen) < 0) {
    Py_DECREF(f);
    return NULL;
  }
  return f;
}

/* A human-readable signature, used as the callable's docstring. */
static PyObject *ml_func_doc(MLFunc *f) {
  PyObject *parts = PyList_New(0);
  if (parts == NULL) {
    return NULL;
  }
  for (int i = 0; i < f->nparams; i++) {
    PyObject *s = PyUnicode_FromString(ml_kind_name(f->ff->kinds[i]));
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
  const char *res = f->nresults == 0 ? "None"
                    : f->nresults == 1 ? ml_kind_name(f->ff->kinds[f->nparams])
                                       : "tuple";
  PyObject *doc = PyUnicode_FromFormat(
      "%U(%U) -> %s\n\nExported WebAssembly function%s.", f->name, joined, res,
      f->fallback != NULL ? " (falls back to Python on overflow)" : "");
  Py_DECREF(joined);
  return doc;
}

/* ---------------------------------------------------------- Module type */

static PyObject *MLModule_new(PyTypeObject *type, PyObject *args,
                              PyObject *kwargs) {
  static char *kwlist[] = {"wasm", NULL};
  PyObject *data;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:Module", kwlist, &data)) {
    return NULL;
  }
  PyObject *bytes;
  if (PyBytes_Check(data)) {
    Py_INCREF(data);
    bytes = data;
  } else {
    bytes = PyBytes_FromObject(data); /* any bytes-like object */
    if (bytes == NULL) {
      return NULL;
    }
  }
  char *buf;
  Py_ssize_t len;
  if (PyBytes_AsStringAndSize(bytes, &buf, &len) < 0) {
    Py_DECREF(bytes);
    return NULL;
  }
  ml_state *st = (ml_state *)PyType_GetModuleState(type);
  if (st == NULL) {
    Py_DECREF(bytes);
    return NULL;
  }
  allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
  MLModule *self = (MLModule *)alloc(type, 0);
  if (self == NULL) {
    Py_DECREF(bytes);
    return NULL;
  }
  self->st = st;
  uintptr_t h = 0;
  int rc = mlgo_module_new(buf, len, &h);
  Py_DECREF(bytes);
  if (rc < 0) {
    Py_DECREF(self);
    return NULL;
  }
  self->handle = (uintptr_t)h;
  return (PyObject *)self;
}

static void ml_module_close(MLModule *self) {
  if (self->handle != 0) {
    uintptr_t h = self->handle;
    self->handle = 0;
    mlgo_module_close(h);
  }
}

static int MLModule_traverse(PyObject *self, visitproc visit, void *arg) {
  MLModule *m = (MLModule *)self;
  Py_VISIT(Py_TYPE(self));
  Py_VISIT(m->last_name);
  Py_VISIT(m->last_backend);
  Py_VISIT(m->last_reason);
  return 0;
}

static int MLModule_clear(PyObject *self) {
  MLModule *m = (MLModule *)self;
  Py_CLEAR(m->last_name);
  Py_CLEAR(m->last_backend);
  Py_CLEAR(m->last_reason);
  return 0;
}

static void MLModule_dealloc(PyObject *self) {
  PyTypeObject *tp = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  ml_module_close((MLModule *)self);
  MLModule_clear(self);
  freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
  tp_free(self);
  Py_DECREF(tp);
}

PyDoc_STRVAR(exports_doc,
             "exports() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]\n\n"
             "The exported functions with their parameter and result types.");

static PyObject *MLModule_exports(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs) {
  MLModule *m = (MLModule *)self;
  if (nargs != 0) {
    PyErr_Format(PyExc_TypeError, "exports() takes no arguments (%zd given)",
                 nargs);
    return NULL;
  }
  if (ml_check_open(m) < 0) {
    return NULL;
  }
  return mlgo_module_exports(m->handle);
}

PyDoc_STRVAR(imports_doc, "imports() -> list[tuple[str, str, str]]\n\n"
                          "The imports as (module, name, kind).");

static PyObject *MLModule_imports(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs) {
  MLModule *m = (MLModule *)self;
  if (nargs != 0) {
    PyErr_Format(PyExc_TypeError, "imports() takes no arguments (%zd given)",
                 nargs);
    return NULL;
  }
  if (ml_check_open(m) < 0) {
    return NULL;
  }
  return mlgo_module_imports(m->handle);
}

PyDoc_STRVAR(
    function_doc,
    "function(name, signature=None, fallback=None) -> callable\n\n"
    "A fast callable for the exported function name. signature is the\n"
    "compiler's compact form ('ii:i'); None derives it from the WebAssembly\n"
    "types. With a fallback, calls whose ints do not fit in 64 bits, whose\n"
    "arguments have another type, or that overflow run fallback(*args).");

static PyObject *MLModule_function(PyObject *self, PyObject *const *args,
                                   Py_ssize_t nargs, PyObject *kwnames) {
  static const char *names[] = {"name", "signature", "fallback"};
  PyObject *vals[3] = {NULL, NULL, NULL};
  if (nargs > 3) {
    PyErr_Format(PyExc_TypeError,
                 "function() takes at most 3 arguments (%zd given)", nargs);
    return NULL;
  }
  for (Py_ssize_t i = 0; i < nargs; i++) {
    vals[i] = args[i];
  }
  Py_ssize_t nkw = kwnames != NULL ? PyTuple_Size(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kw = PyTuple_GetItem(kwnames, k);
    if (kw == NULL) {
      return NULL;
    }
    int found = 0;
    for (int j = 0; j < 3; j++) {
      if (PyUnicode_CompareWithASCIIString(kw, names[j]) == 0) {
        if (vals[j] != NULL) {
          PyErr_Format(PyExc_TypeError,
                       "function() got multiple values for argument '%s'",
                       names[j]);
          return NULL;
        }
        vals[j] = args[nargs + k];
        found = 1;
      }
    }
    if (!found) {
      PyErr_Format(PyExc_TypeError,
                   "function() got an unexpected keyword argument %R", kw);
      return NULL;
    }
  }
  if (vals[0] == NULL) {
    PyErr_SetString(PyExc_TypeError,
                    "function() missing required argument 'name'");
    return NULL;
  }
  MLFunc *f = ml_func_new((MLModule *)self, vals[0], vals[1], vals[2]);
  if (f == NULL) {
    return NULL;
  }
  f->doc = ml_func_doc(f);
  if (f->doc == NULL) {
    Py_DECREF(f);
    return NULL;
  }
  f->def.ml_name = PyUnicode_AsUTF8AndSize(f->name, NULL);
  f->def.ml_doc = PyUnicode_AsUTF8AndSize(f->doc, NULL);
  if (f->def.ml_name == NULL || f->def.ml_doc == NULL) {
    Py_DECREF(f);
    return NULL;
  }
  f->def.ml_meth = (PyCFunction)(void (*)(void))ml_func_call;
  f->def.ml_flags = METH_FASTCALL;
  /* The builtin function holds f, which owns def: def outlives it. */
  PyObject *fn = PyCFunction_NewEx(&f->def, (PyObject *)f, NULL);
  Py_DECREF(f);
  return fn;
}

PyDoc_STRVAR(call_doc, "call(name, *args)\n\n"
                       "Call the exported function name (types derived from "
                       "WebAssembly, no fallback).");

static PyObject *MLModule_call(PyObject *self, PyObject *const *args,
                               Py_ssize_t nargs) {
  if (nargs < 1) {
    PyErr_SetString(PyExc_TypeError, "call() missing required argument 'name'");
    return NULL;
  }
  MLFunc *f = ml_func_new((MLModule *)self, args[0], NULL, NULL);
  if (f == NULL) {
    return NULL;
  }
  PyObject *res = ml_invoke(f, args + 1, nargs - 1);
  Py_DECREF(f);
  return res;
}

/* Reads a non-negative-or-not Python int into *out (range errors become
 * IndexError in Go). */
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

PyDoc_STRVAR(memory_read_doc, "memory_read(offset, length) -> bytes\n\n"
                              "A copy of length bytes of the exported memory.");

static PyObject *MLModule_memory_read(PyObject *self, PyObject *const *args,
                                      Py_ssize_t nargs) {
  MLModule *m = (MLModule *)self;
  long long off, n;
  if (nargs != 2) {
    PyErr_Format(PyExc_TypeError,
                 "memory_read() takes exactly 2 arguments (%zd given)", nargs);
    return NULL;
  }
  if (ml_as_longlong(args[0], "offset", &off) < 0 ||
      ml_as_longlong(args[1], "length", &n) < 0 || ml_check_open(m) < 0) {
    return NULL;
  }
  return mlgo_memory_read(m->handle, off, n);
}

PyDoc_STRVAR(memory_write_doc, "memory_write(offset, data) -> None\n\n"
                               "Copy a bytes-like object into the memory.");

static PyObject *MLModule_memory_write(PyObject *self, PyObject *const *args,
                                       Py_ssize_t nargs) {
  MLModule *m = (MLModule *)self;
  long long off;
  if (nargs != 2) {
    PyErr_Format(PyExc_TypeError,
                 "memory_write() takes exactly 2 arguments (%zd given)", nargs);
    return NULL;
  }
  if (ml_as_longlong(args[0], "offset", &off) < 0 || ml_check_open(m) < 0) {
    return NULL;
  }
  PyObject *bytes;
  if (PyBytes_Check(args[1])) {
    Py_INCREF(args[1]);
    bytes = args[1];
  } else if (PyUnicode_Check(args[1]) || PyLong_Check(args[1])) {
    PyErr_SetString(PyExc_TypeError, "data must be a bytes-like object");
    return NULL;
  } else {
    bytes = PyBytes_FromObject(args[1]);
    if (bytes == NULL) {
      return NULL;
    }
  }
  char *buf;
  Py_ssize_t len;
  if (PyBytes_AsStringAndSize(bytes, &buf, &len) < 0) {
    Py_DECREF(bytes);
    return NULL;
  }
  int rc = mlgo_memory_write(m->handle, off, buf, len);
  Py_DECREF(bytes);
  if (rc < 0) {
    return NULL;
  }
  return ml_none();
}

PyDoc_STRVAR(memory_size_doc,
             "memory_size() -> int\n\nThe size of the exported memory in bytes.");

static PyObject *MLModule_memory_size(PyObject *self, PyObject *const *args,
                                      Py_ssize_t nargs) {
  MLModule *m = (MLModule *)self;
  if (nargs != 0) {
    PyErr_Format(PyExc_TypeError, "memory_size() takes no arguments (%zd given)",
                 nargs);
    return NULL;
  }
  if (ml_check_open(m) < 0) {
    return NULL;
  }
  long long n = mlgo_memory_size(m->handle);
  if (n < 0) {
    return NULL;
  }
  return PyLong_FromLongLong(n);
}

PyDoc_STRVAR(close_doc, "close() -> None\n\nRelease the instance; idempotent. "
                        "Callables from function() raise ValueError afterwards.");

static PyObject *MLModule_close(PyObject *self, PyObject *const *args,
                                Py_ssize_t nargs) {
  if (nargs != 0) {
    PyErr_Format(PyExc_TypeError, "close() takes no arguments (%zd given)",
                 nargs);
    return NULL;
  }
  ml_module_close((MLModule *)self);
  return ml_none();
}

PyDoc_STRVAR(record_call_doc,
             "record_call(name, backend, reason) -> None\n\n"
             "Record a call made elsewhere (e.g. in Python) for last_call().");

static PyObject *MLModule_record_call(PyObject *self, PyObject *const *args,
                                      Py_ssize_t nargs) {
  if (nargs != 3) {
    PyErr_Format(PyExc_TypeError,
                 "record_call() takes exactly 3 arguments (%zd given)", nargs);
    return NULL;
  }
  ml_record((MLModule *)self, args[0], args[1], args[2]);
  return ml_none();
}

PyDoc_STRVAR(last_call_doc,
             "last_call() -> tuple[str, str, str] | None\n\n"
             "(name, backend, reason) of the latest call through this module.");

static PyObject *MLModule_last_call(PyObject *self, PyObject *const *args,
                                    Py_ssize_t nargs) {
  MLModule *m = (MLModule *)self;
  if (nargs != 0) {
    PyErr_Format(PyExc_TypeError, "last_call() takes no arguments (%zd given)",
                 nargs);
    return NULL;
  }
  if (m->last_name == NULL) {
    return ml_none();
  }
  return PyTuple_Pack(3, m->last_name, m->last_backend, m->last_reason);
}

static PyObject *MLModule_get_closed(PyObject *self, void *closure) {
  return PyBool_FromLong(((MLModule *)self)->handle == 0);
}

#define ML_FASTCALL_METHOD(name, doc)                                         \
  {#name, (PyCFunction)(void (*)(void))MLModule_##name, METH_FASTCALL, doc}

static PyMethodDef MLModule_methods[] = {
    ML_FASTCALL_METHOD(exports, exports_doc),
    ML_FASTCALL_METHOD(imports, imports_doc),
    {"function", (PyCFunction)(void (*)(void))MLModule_function,
     METH_FASTCALL | METH_KEYWORDS, function_doc},
    ML_FASTCALL_METHOD(call, call_doc),
    ML_FASTCALL_METHOD(memory_read, memory_read_doc),
    ML_FASTCALL_METHOD(memory_write, memory_write_doc),
    ML_FASTCALL_METHOD(memory_size, memory_size_doc),
    ML_FASTCALL_METHOD(close, close_doc),
    ML_FASTCALL_METHOD(record_call, record_call_doc),
    ML_FASTCALL_METHOD(last_call, last_call_doc),
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef MLModule_getset[] = {
    {"closed", MLModule_get_closed, NULL, "True once close() was called.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyDoc_STRVAR(MLModule_doc,
             "Module(wasm)\n\nA WebAssembly module compiled (cached by its "
             "bytes) and instantiated in its own store.");

static PyType_Slot MLModule_slots[] = {
    {Py_tp_doc, (void *)MLModule_doc},
    {Py_tp_new, MLModule_new},
    {Py_tp_dealloc, MLModule_dealloc},
    {Py_tp_traverse, MLModule_traverse},
    {Py_tp_clear, MLModule_clear},
    {Py_tp_methods, MLModule_methods},
    {Py_tp_getset, MLModule_getset},
    {0, 0},
};

static PyType_Spec MLModule_spec = {
    .name = "multilingualprogramming._native.Module",
    .basicsize = sizeof(MLModule),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = MLModule_slots,
};

/* --------------------------------------------------------- module level */

PyDoc_STRVAR(compile_doc,
             "compile(source, filename, language, optimize) -> dict\n\n"
             "Compile a multilingual program. Raises CompileError whose args[0]\n"
             "is a list of error dicts (file, line, col, end_line, end_col,\n"
             "msg, text, lang).");

static PyObject *ml_compile(PyObject *module, PyObject *const *args,
                            Py_ssize_t nargs, PyObject *kwnames) {
  static const char *names[] = {"source", "filename", "language", "optimize"};
  PyObject *vals[4] = {NULL, NULL, NULL, NULL};
  if (nargs > 4) {
    PyErr_Format(PyExc_TypeError,
                 "compile() takes at most 4 arguments (%zd given)", nargs);
    return NULL;
  }
  for (Py_ssize_t i = 0; i < nargs; i++) {
    vals[i] = args[i];
  }
  Py_ssize_t nkw = kwnames != NULL ? PyTuple_Size(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kw = PyTuple_GetItem(kwnames, k);
    if (kw == NULL) {
      return NULL;
    }
    int found = 0;
    for (int j = 0; j < 4; j++) {
      if (PyUnicode_CompareWithASCIIString(kw, names[j]) == 0) {
        if (vals[j] != NULL) {
          PyErr_Format(PyExc_TypeError,
                       "compile() got multiple values for argument '%s'",
                       names[j]);
          return NULL;
        }
        vals[j] = args[nargs + k];
        found = 1;
      }
    }
    if (!found) {
      PyErr_Format(PyExc_TypeError,
                   "compile() got an unexpected keyword argument %R", kw);
      return NULL;
    }
  }
  if (vals[0] == NULL || !PyUnicode_Check(vals[0])) {
    PyErr_SetString(PyExc_TypeError, "compile() source must be str");
    return NULL;
  }
  Py_ssize_t srclen, filelen = 0, langlen = 0;
  const char *src = PyUnicode_AsUTF8AndSize(vals[0], &srclen);
  if (src == NULL) {
    return NULL;
  }
  const char *file = "<source>";
  filelen = 8;
  if (vals[1] != NULL && vals[1] != Py_None) {
    if (!PyUnicode_Check(vals[1])) {
      PyErr_SetString(PyExc_TypeError, "compile() filename must be str");
      return NULL;
    }
    file = PyUnicode_AsUTF8AndSize(vals[1], &filelen);
    if (file == NULL) {
      return NULL;
    }
  }
  const char *lang = NULL;
  if (vals[2] != NULL && vals[2] != Py_None) {
    if (!PyUnicode_Check(vals[2])) {
      PyErr_SetString(PyExc_TypeError, "compile() language must be str or None");
      return NULL;
    }
    lang = PyUnicode_AsUTF8AndSize(vals[2], &langlen);
    if (lang == NULL) {
      return NULL;
    }
  }
  int optimize = 0;
  if (vals[3] != NULL) {
    optimize = PyObject_IsTrue(vals[3]);
    if (optimize < 0) {
      return NULL;
    }
  }
  ml_state *st = ml_get_state(module);
  return mlgo_compile((char *)src, srclen, (char *)file, filelen, (char *)lang,
                      langlen, optimize, st->CompileError);
}

static PyMethodDef ml_methods[] = {
    {"compile", (PyCFunction)(void (*)(void))ml_compile,
     METH_FASTCALL | METH_KEYWORDS, compile_doc},
    {NULL, NULL, 0, NULL},
};

static int ml_add_string(PyObject **slot, const char *s) {
  *slot = PyUnicode_InternFromString(s);
  return *slot == NULL ? -1 : 0;
}

static int ml_exec(PyObject *m) {
  ml_state *st = ml_get_state(m);
  if (st == NULL) {
    return -1;
  }
  st->CompileError = PyErr_NewExceptionWithDoc(
      "multilingualprogramming._native.CompileError",
      "Source errors; args[0] is a list of dicts with file, line, col, "
      "end_line, end_col, msg, text and lang.",
      PyExc_Exception, NULL);
  if (st->CompileError == NULL || PyModule_AddObjectRef(m, "CompileError", st->CompileError) < 0) {
    return -1;
  }
  st->WasmTrap = PyErr_NewExceptionWithDoc(
      "multilingualprogramming._native.WasmTrap",
      "A WebAssembly trap with no matching builtin exception; the message "
      "gives the trap kind and the WebAssembly backtrace.",
      PyExc_RuntimeError, NULL);
  if (st->WasmTrap == NULL || PyModule_AddObjectRef(m, "WasmTrap", st->WasmTrap) < 0) {
    return -1;
  }
  st->ModuleType = PyType_FromModuleAndSpec(m, &MLModule_spec, NULL);
  if (st->ModuleType == NULL || PyModule_AddObjectRef(m, "Module", st->ModuleType) < 0) {
    return -1;
  }
  st->FuncType = PyType_FromModuleAndSpec(m, &MLFunc_spec, NULL);
  if (st->FuncType == NULL) {
    return -1;
  }
  if (ml_add_string(&st->s_wasm, "wasm") < 0 ||
      ml_add_string(&st->s_python, "python") < 0 ||
      ml_add_string(&st->s_int_overflow, "wasm-overflow-fallback") < 0 ||
      ml_add_string(&st->s_argument_type, "wasm-argument-fallback") < 0 ||
      ml_add_string(&st->s_overflow, "wasm-overflow-fallback") < 0 ||
      ml_add_string(&st->s_unsupported, "wasm-unsupported-fallback") < 0) {
    return -1;
  }
  PyObject *version = mlgo_version();
  if (version == NULL) {
    return -1;
  }
  int rc = PyModule_AddObjectRef(m, "__version__", version);
  Py_DECREF(version);
  return rc;
}

static int ml_traverse(PyObject *m, visitproc visit, void *arg) {
  ml_state *st = ml_get_state(m);
  if (st == NULL) {
    return 0;
  }
  Py_VISIT(st->CompileError);
  Py_VISIT(st->WasmTrap);
  Py_VISIT(st->ModuleType);
  Py_VISIT(st->FuncType);
  return 0;
}

static int ml_clear(PyObject *m) {
  ml_state *st = ml_get_state(m);
  if (st == NULL) {
    return 0;
  }
  Py_CLEAR(st->CompileError);
  Py_CLEAR(st->WasmTrap);
  Py_CLEAR(st->ModuleType);
  Py_CLEAR(st->FuncType);
  Py_CLEAR(st->s_wasm);
  Py_CLEAR(st->s_python);
  Py_CLEAR(st->s_int_overflow);
  Py_CLEAR(st->s_argument_type);
  Py_CLEAR(st->s_overflow);
  Py_CLEAR(st->s_unsupported);
  return 0;
}

static void ml_free(void *m) { ml_clear((PyObject *)m); }

static PyModuleDef_Slot ml_slots[] = {
    {Py_mod_exec, ml_exec},
    {0, NULL},
};

PyDoc_STRVAR(ml_doc,
             "The native core of multilingualprogramming: the compiler and the "
             "WebAssembly runtime (Wasmtime), with a direct call path.");

static struct PyModuleDef ml_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_native",
    .m_doc = ml_doc,
    .m_size = sizeof(ml_state),
    .m_methods = ml_methods,
    .m_slots = ml_slots,
    .m_traverse = ml_traverse,
    .m_clear = ml_clear,
    .m_free = ml_free,
};

PyMODINIT_FUNC PyInit__native(void) { return PyModuleDef_Init(&ml_module); }
