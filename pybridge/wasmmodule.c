//go:build pyext

/*
 * wasmmodule.c: the type Module, a WebAssembly module compiled once (a Go
 * *wasm.Template behind a cgo.Handle) with one instance per calling thread
 * (threads.c): its constructor, lifetime and close, and its methods but
 * the memory ones (memory.c) and call (call.c).
 */

#include "module.h"

/* ------------------------------------------------------------ arguments */

/* ml_parse_limit reads memory_limit: None (0: the default) or bytes > 0. */
static int ml_parse_limit(PyObject *o, long long *out) {
  *out = 0;
  if (o == NULL || o == Py_None) {
    return 0;
  }
  if (!PyLong_Check(o)) {
    PyErr_SetString(PyExc_TypeError, "memory_limit must be an int (bytes) or None");
    return -1;
  }
  int overflow = 0;
  long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
  if (v == -1 && PyErr_Occurred()) {
    return -1;
  }
  if (overflow != 0 || v <= 0) {
    PyErr_SetString(PyExc_ValueError,
                    "memory_limit must be a positive number of bytes");
    return -1;
  }
  *out = v;
  return 0;
}

/* ------------------------------------------------------------ lifecycle */

static PyObject *MLModule_new(PyTypeObject *type, PyObject *args,
                              PyObject *kwargs) {
  static char *kwlist[] = {"wasm", "memory_limit", "imports", "interruptible", "timeout", NULL};
  if (ml_check_fork() < 0) {
    return NULL;
  }
  PyObject *data, *limit_obj = NULL, *imports_obj = NULL, *timeout_obj = NULL;
  int interruptible = 1;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$OOpO:Module", kwlist, &data,
                                   &limit_obj, &imports_obj, &interruptible, &timeout_obj)) {
    return NULL;
  }
  long long limit;
  if (ml_parse_limit(limit_obj, &limit) < 0) {
    return NULL;
  }
  double start_timeout;
  if (ml_parse_timeout(timeout_obj, &start_timeout) < 0) {
    return NULL;
  }
  if (start_timeout > 0 && !interruptible) {
    PyErr_SetString(PyExc_ValueError,
                    "a timeout needs a module loaded with interruptible=True "
                    "(this one would be compiled without interruption checks)");
    return NULL;
  }
  ml_imports im;
  if (ml_imports_from(imports_obj, &im) < 0) {
    return NULL;
  }
  PyObject *bytes;
  if (PyBytes_Check(data)) {
    Py_INCREF(data);
    bytes = data;
  } else {
    bytes = PyBytes_FromObject(data); /* any bytes-like object */
    if (bytes == NULL) {
      ml_imports_free(&im);
      return NULL;
    }
  }
  char *buf;
  Py_ssize_t len;
  ml_state *st = (ml_state *)PyType_GetModuleState(type);
  allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
  MLModule *self = NULL;
  if (PyBytes_AsStringAndSize(bytes, &buf, &len) < 0 || st == NULL ||
      (self = (MLModule *)alloc(type, 0)) == NULL) {
    Py_DECREF(bytes);
    ml_imports_free(&im);
    return NULL;
  }
  self->st = st;
  self->release_gil = 1;
  self->fast = !interruptible;
  self->start_timeout = start_timeout;
  if (im.n > 0) {
    Py_INCREF(imports_obj);
    self->imports = imports_obj;
  }
  uintptr_t h = 0;
  self->load_info = mlgo_module_new(buf, len, limit, self->fast, im.n,
                                    (char **)im.mods, im.modlens,
                                    (char **)im.names, im.namelens, im.fns, &h);
  Py_DECREF(bytes);
  ml_imports_free(&im);
  if (self->load_info == NULL) {
    Py_DECREF(self);
    return NULL;
  }
  self->handle = h;
  /* Instantiate for this thread now, so that problems show here. */
  if (ml_current(self) == NULL) {
    Py_DECREF(self);
    return NULL;
  }
  ml_signals_guard(); /* a handler installed since the last load (signals.c) */
  ml_sigint_guard();  /* a SIGINT handler installed since (interrupt.c) */
  return (PyObject *)self;
}

/* ml_forget_calls drops call()'s prepared functions and the last name. */
static void ml_forget_calls(MLModule *m) {
  m->call_func = NULL;
  Py_CLEAR(m->call_name);
  Py_CLEAR(m->calls);
}

static void ml_module_close(MLModule *self) {
  /* The prepared call() functions hold export indexes of this template. */
  ml_forget_calls(self);
  if (self->handle != 0) {
    uintptr_t h = self->handle;
    self->handle = 0;
    if (self->active > 0) {
      self->closing = h; /* the last running call releases it */
    } else {
      ml_module_release(self, h);
    }
  }
}

static int MLModule_traverse(PyObject *self, visitproc visit, void *arg) {
  MLModule *m = (MLModule *)self;
  Py_VISIT(Py_TYPE(self));
  Py_VISIT(m->last_name);
  Py_VISIT(m->last_backend);
  Py_VISIT(m->last_reason);
  Py_VISIT(m->imports);
  Py_VISIT(m->load_info);
  Py_VISIT(m->calls);
  return 0;
}

static int MLModule_clear(PyObject *self) {
  MLModule *m = (MLModule *)self;
  Py_CLEAR(m->last_name);
  Py_CLEAR(m->last_backend);
  Py_CLEAR(m->last_reason);
  Py_CLEAR(m->load_info);
  ml_forget_calls(m);
  return 0;
}

static void MLModule_dealloc(PyObject *self) {
  PyTypeObject *tp = Py_TYPE(self);
  MLModule *m = (MLModule *)self;
  PyObject_GC_UnTrack(self);
  ml_module_close(m);
  MLModule_clear(self);
  /* The host functions go last: the instances that call them are closed. */
  Py_CLEAR(m->imports);
  freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
  tp_free(self);
  Py_DECREF(tp);
}

/* -------------------------------------------------------------- methods */

PyDoc_STRVAR(exports_doc,
             "exports() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]\n\n"
             "The exported functions with their parameter and result types.");

static PyObject *MLModule_exports(PyObject *self, PyObject *unused) {
  MLModule *m = (MLModule *)self;
  if (ml_check_open(m) < 0) {
    return NULL;
  }
  return mlgo_module_exports(m->handle);
}

PyDoc_STRVAR(imports_doc, "imports() -> list[tuple[str, str, str]]\n\n"
                          "The imports as (module, name, kind).");

static PyObject *MLModule_imports(PyObject *self, PyObject *unused) {
  MLModule *m = (MLModule *)self;
  if (ml_check_open(m) < 0) {
    return NULL;
  }
  return mlgo_module_imports(m->handle);
}

PyDoc_STRVAR(bounded_doc,
             "bounded(name) -> bool\n\n"
             "Whether the exported function name is bounded: the runtime read its\n"
             "code when the module was loaded and found no loop, no recursion, no\n"
             "indirect call, no call to an imported function, no memory.grow or\n"
             "bulk memory or table instruction, and at most a few thousand\n"
             "instructions along any call. Calls of bounded functions keep the GIL\n"
             "unless function(name, release_gil=True) asks otherwise.");

static PyObject *MLModule_bounded(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs) {
  MLModule *m = (MLModule *)self;
  if (ml_nargs("bounded", nargs, 1) < 0) {
    return NULL;
  }
  if (!PyUnicode_Check(args[0])) {
    PyErr_SetString(PyExc_TypeError, "bounded() argument must be str");
    return NULL;
  }
  if (ml_check_open(m) < 0) {
    return NULL;
  }
  Py_ssize_t namelen;
  const char *cname = PyUnicode_AsUTF8AndSize(args[0], &namelen);
  if (cname == NULL) {
    return NULL;
  }
  long long index = mlgo_module_func_index(m->handle, (char *)cname, namelen);
  if (index < 0) {
    return NULL;
  }
  int b = mlgo_module_func_bounded(m->handle, index);
  return b < 0 ? NULL : PyBool_FromLong(b);
}


PyDoc_STRVAR(
    function_doc,
    "function(name, signature=None, fallback=None, timeout=None,\n"
    "         release_gil=None, params=None) -> callable\n\n"
    "A fast callable for the exported function name. signature is the\n"
    "compiler's compact form ('ii:i'); None derives it from the WebAssembly\n"
    "types. With a fallback, calls whose ints do not fit in 64 bits, whose\n"
    "arguments have another type, or that overflow run fallback(*args).\n"
    "With a timeout (seconds), every call raises TimeoutError once it runs\n"
    "that long. release_gil=False keeps the GIL during calls (about 45 ns\n"
    "less per call, for functions known to be short); True releases it;\n"
    "None keeps it for bounded functions (see bounded()) and otherwise\n"
    "follows the module's release_gil. params, a tuple of the\n"
    "parameters' names, lets calls pass arguments by keyword, bound as\n"
    "Python binds them (without it keywords are refused).");

static PyObject *MLModule_function(PyObject *self, PyObject *const *args,
                                   Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"name", "signature", "fallback", "timeout",
                                      "release_gil", "params"};
  PyObject *vals[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
  if (ml_keywords("function", names, 6, vals, args, nargs, kwnames) < 0) {
    return NULL;
  }
  PyObject *params = vals[5] == Py_None ? NULL : vals[5];
  if (params != NULL) {
    Py_ssize_t n = PyTuple_Check(params) ? PyTuple_Size(params) : -1;
    for (Py_ssize_t i = 0; i < n; i++) {
      if (!PyUnicode_Check(PyTuple_GetItem(params, i))) {
        n = -1;
      }
    }
    if (n < 0) {
      PyErr_SetString(PyExc_TypeError, "params must be a tuple of str or None");
      return NULL;
    }
  }
  int release = -1;
  if (vals[4] != NULL && vals[4] != Py_None) {
    release = PyObject_IsTrue(vals[4]);
    if (release < 0) {
      return NULL;
    }
  }
  if (vals[0] == NULL) {
    PyErr_SetString(PyExc_TypeError,
                    "function() missing required argument 'name'");
    return NULL;
  }
  double timeout;
  if (ml_parse_timeout(vals[3], &timeout) < 0) {
    return NULL;
  }
  MLFunc *f = ml_func_new((MLModule *)self, vals[0], vals[1], vals[2], timeout);
  if (f == NULL) {
    return NULL;
  }
  if (release >= 0) {
    f->release_gil = release;
  }
  if (params != NULL) {
    if (PyTuple_Size(params) != f->nparams) {
      PyErr_Format(PyExc_ValueError, "params names %zd parameters; %U() has %d",
                   PyTuple_Size(params), f->name, f->nparams);
      Py_DECREF(f);
      return NULL;
    }
    f->params = Py_NewRef(params);
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
  /* Without names, keywords are refused by CPython itself ("takes no
   * keyword arguments"), and the call is a few instructions shorter. */
  f->def.ml_meth = f->params != NULL ? (PyCFunction)(void (*)(void))ml_func_call_kw
                                     : (PyCFunction)(void (*)(void))ml_func_call;
  f->def.ml_flags = f->params != NULL ? METH_FASTCALL | METH_KEYWORDS : METH_FASTCALL;
  /* The builtin function holds f, which owns def: def outlives it. */
  PyObject *fn = PyCFunction_NewEx(&f->def, (PyObject *)f, NULL);
  Py_DECREF(f);
  return fn;
}

PyDoc_STRVAR(close_doc, "close() -> None\n\nRelease the instances; idempotent. "
                        "Callables from function() raise ValueError afterwards.\n"
                        "Calls running in other threads finish first.");

static PyObject *MLModule_close(PyObject *self, PyObject *unused) {
  ml_module_close((MLModule *)self);
  return ml_none();
}

PyDoc_STRVAR(record_call_doc,
             "record_call(name, backend, reason) -> None\n\n"
             "Record a call made elsewhere (e.g. in Python) for last_call().");

static PyObject *MLModule_record_call(PyObject *self, PyObject *const *args,
                                      Py_ssize_t nargs) {
  if (ml_nargs("record_call", nargs, 3) < 0) {
    return NULL;
  }
  ml_record((MLModule *)self, args[0], args[1], args[2]);
  return ml_none();
}

PyDoc_STRVAR(last_call_doc,
             "last_call() -> tuple[str, str, str] | None\n\n"
             "(name, backend, reason) of the latest call through this module.");

static PyObject *MLModule_last_call(PyObject *self, PyObject *unused) {
  MLModule *m = (MLModule *)self;
  if (m->last_name == NULL) {
    return ml_none();
  }
  return PyTuple_Pack(3, m->last_name, m->last_backend, m->last_reason);
}

static PyObject *MLModule_get_closed(PyObject *self, void *closure) {
  return PyBool_FromLong(((MLModule *)self)->handle == 0);
}

static PyObject *MLModule_get_load_info(PyObject *self, void *closure) {
  PyObject *d = ((MLModule *)self)->load_info;
  return d != NULL ? PyDict_Copy(d) : ml_none();
}

static PyObject *MLModule_get_threads(PyObject *self, void *closure) {
  return PyLong_FromLong(((MLModule *)self)->nslots);
}

static PyObject *MLModule_get_release_gil(PyObject *self, void *closure) {
  return PyBool_FromLong(((MLModule *)self)->release_gil);
}

static int MLModule_set_release_gil(PyObject *self, PyObject *v, void *closure) {
  int b = v != NULL ? PyObject_IsTrue(v) : -1;
  if (b < 0) {
    if (!PyErr_Occurred()) {
      PyErr_SetString(PyExc_TypeError, "release_gil cannot be deleted");
    }
    return -1;
  }
  ((MLModule *)self)->release_gil = b;
  return 0;
}

/* ML_METHOD lists MLModule_name with flags and name_doc. */
#define ML_METHOD(name, flags)                                                \
  {#name, (PyCFunction)(void (*)(void))MLModule_##name, flags, name##_doc}

static PyMethodDef MLModule_methods[] = {
    ML_METHOD(exports, METH_NOARGS),
    ML_METHOD(imports, METH_NOARGS),
    ML_METHOD(bounded, METH_FASTCALL),
    ML_METHOD(function, METH_FASTCALL | METH_KEYWORDS),
    ML_METHOD(call, METH_FASTCALL | METH_KEYWORDS),
    ML_METHOD(memory_read, METH_FASTCALL),
    ML_METHOD(memory_read_into, METH_FASTCALL),
    ML_METHOD(memory_write, METH_FASTCALL),
    ML_METHOD(memory_size, METH_NOARGS),
    ML_METHOD(close, METH_NOARGS),
    ML_METHOD(record_call, METH_FASTCALL),
    ML_METHOD(last_call, METH_NOARGS),
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef MLModule_getset[] = {
    {"closed", MLModule_get_closed, NULL, "True once close() was called.", NULL},
    {"load_info", MLModule_get_load_info, NULL,
     "How the module was obtained: {'source': 'memory' | 'disk' | 'compiled',\n"
     "'ms': float, 'cache_path': str, 'cache_error': str | None}.", NULL},
    {"threads", MLModule_get_threads, NULL,
     "How many instances (one per calling thread) the module holds.", NULL},
    {"release_gil", MLModule_get_release_gil, MLModule_set_release_gil,
     "Whether calls release the GIL (True by default). False keeps it for\n"
     "every call; bounded functions keep it anyway unless function() was\n"
     "given release_gil=True; timed calls always release it.",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyDoc_STRVAR(MLModule_doc,
             "Module(wasm, *, memory_limit=None, imports=None, interruptible=True,\n"
             "       timeout=None)\n\n"
             "A WebAssembly module, compiled once (cached in memory and on disk\n"
             "by its bytes) and instantiated in one store per calling thread.\n"
             "memory_limit caps each instance's memory in bytes (default 256 MiB);\n"
             "imports maps (module, name) to a Python callable for every\n"
             "imported function. interruptible=False compiles the code without\n"
             "the checks that let a call have a timeout: it runs faster, and a\n"
             "timeout is refused with ValueError. Instantiating (in the\n"
             "constructor for this thread, then on each thread's first call) runs\n"
             "the module's start function with the GIL released: timeout (seconds)\n"
             "limits it (TimeoutError; a timed call's own limit applies to the\n"
             "instantiation it needs), and on the main thread Ctrl-C stops it, as\n"
             "it stops any call there (KeyboardInterrupt).");

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

PyType_Spec MLModule_spec = {
    .name = "multilingualprogramming._native.Module",
    .basicsize = sizeof(MLModule),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = MLModule_slots,
};
