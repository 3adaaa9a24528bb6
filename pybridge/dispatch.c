//go:build pyext

/*
 * dispatch.c: the type CallDispatcher, the C side of a Program's calls, so
 * that neither prog.call(name, *args, backend=...) nor prog.name(*args)
 * runs Python code once the function is prepared.
 *
 * A dispatcher shares the Program's three caches of prepared callables
 * (dicts {name: callable}, one per backend: AUTO, WASM, PYTHON). A call
 * finds the backend (by identity with the Backend members, or a usual
 * spelling of its name), looks the name up in that backend's cache and
 * calls what it finds; a function() callable of this extension is called
 * straight through ml_func_call, anything else (a Python fallback) through
 * PyObject_Call. Whatever the fast path does not handle (a first call, a
 * timeout, another keyword, an unknown backend or function) goes to the
 * Program's Python code, `slow`, with the very same arguments, which
 * prepares the callable, fills the cache and raises the errors.
 *
 * Two modes: prog.call (name NULL: the function's name is the first
 * argument, keywords backend= and timeout=) and prog.name (the name is
 * fixed, the backend AUTO, keywords go to the function). The dispatcher
 * keeps its Program alive, as a bound method would.
 */

#include "module.h"

#include <stddef.h>
#include <string.h>

typedef struct {
  PyObject_HEAD
  PyMethodDef def;       /* the method the builtin function object calls */
  PyObject *caches[3];   /* dicts {name: callable}: AUTO, WASM, PYTHON */
  PyObject *backends[3]; /* the Backend members, in that order */
  PyObject *spellings;   /* dict {str: Backend member}: the usual names */
  PyObject *slow;        /* called as slow(*prefix, *args, **kwargs) */
  PyObject *prefix;      /* tuple: (program,) or (program, name) */
  PyObject *name;        /* str: the fixed function (prog.name), or NULL */
  PyObject *target;      /* prog.name's callable, once found; or NULL */
  /* For each backend, the last name prog.call found in its cache (strong)
   * and the callable found (strong): a caller repeating call("add", ...)
   * passes the same str each time, which skips the dict lookup. The caches
   * only grow (Program._callable adds, nothing replaces), so the pair stays
   * true. */
  PyObject *last_name[3];
  PyObject *last_fn[3];
  /* The last str spelling of a backend found in spellings (strong), and
   * its index: backend="wasm" in a loop passes the same str each time. */
  PyObject *last_spelling;
  int last_which;
  PyObject *func_type;   /* this extension's MLFunc type */
  PyObject *s_backend;   /* "backend", interned */
  PyObject *s_timeout;   /* "timeout", interned */
} MLDispatch;

static int MLDispatch_traverse(PyObject *self, visitproc visit, void *arg) {
  MLDispatch *d = (MLDispatch *)self;
  Py_VISIT(Py_TYPE(self));
  for (int i = 0; i < 3; i++) {
    Py_VISIT(d->caches[i]);
    Py_VISIT(d->backends[i]);
    Py_VISIT(d->last_fn[i]);
  }
  Py_VISIT(d->spellings);
  Py_VISIT(d->slow);
  Py_VISIT(d->prefix);
  Py_VISIT(d->target);
  Py_VISIT(d->func_type);
  return 0;
}

static int MLDispatch_clear(PyObject *self) {
  MLDispatch *d = (MLDispatch *)self;
  for (int i = 0; i < 3; i++) {
    Py_CLEAR(d->caches[i]);
    Py_CLEAR(d->backends[i]);
    Py_CLEAR(d->last_fn[i]);
    Py_CLEAR(d->last_name[i]);
  }
  Py_CLEAR(d->spellings);
  Py_CLEAR(d->last_spelling);
  Py_CLEAR(d->slow);
  Py_CLEAR(d->prefix);
  Py_CLEAR(d->target);
  Py_CLEAR(d->func_type);
  return 0;
}

static void MLDispatch_dealloc(PyObject *self) {
  MLDispatch *d = (MLDispatch *)self;
  PyTypeObject *tp = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  MLDispatch_clear(self);
  Py_CLEAR(d->name);
  Py_CLEAR(d->s_backend);
  Py_CLEAR(d->s_timeout);
  freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
  tp_free(self);
  Py_DECREF(tp);
}

static PyType_Slot MLDispatch_slots[] = {
    {Py_tp_doc, "The C side of a Program's calls (internal)."},
    {Py_tp_traverse, MLDispatch_traverse},
    {Py_tp_clear, MLDispatch_clear},
    {Py_tp_dealloc, MLDispatch_dealloc},
    {0, 0},
};

PyType_Spec MLDispatch_spec = {
    .name = "multilingualprogramming._native.CallDispatcher",
    .basicsize = sizeof(MLDispatch),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = MLDispatch_slots,
};

/* ------------------------------------------------------------ the calls */

/* ml_kwargs returns a dict of the keyword arguments of a vectorcall (NULL
 * with an exception set), or NULL without one when there are none. */
static PyObject *ml_kwargs(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  Py_ssize_t nkw = kwnames != NULL ? PyTuple_Size(kwnames) : 0;
  if (nkw <= 0) {
    return NULL;
  }
  PyObject *kw = PyDict_New();
  if (kw == NULL) {
    return NULL;
  }
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *key = PyTuple_GetItem(kwnames, k);
    if (key == NULL || PyDict_SetItem(kw, key, args[nargs + k]) < 0) {
      Py_DECREF(kw);
      return NULL;
    }
  }
  return kw;
}

/* ml_call_with calls fn(*prefix, *args, **kwnames' values) the general
 * way (a tuple, a dict); prefix holds np objects. */
static PyObject *ml_call_with(PyObject *fn, PyObject *const *prefix, Py_ssize_t np,
                              PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  PyObject *tuple = PyTuple_New(np + nargs);
  if (tuple == NULL) {
    return NULL;
  }
  for (Py_ssize_t i = 0; i < np; i++) {
    Py_INCREF(prefix[i]);
    PyTuple_SetItem(tuple, i, prefix[i]);
  }
  for (Py_ssize_t i = 0; i < nargs; i++) {
    Py_INCREF(args[i]);
    PyTuple_SetItem(tuple, np + i, args[i]);
  }
  PyObject *kw = ml_kwargs(args, nargs, kwnames);
  PyObject *res = NULL;
  if (kw != NULL || !PyErr_Occurred()) {
    res = PyObject_Call(fn, tuple, kw);
  }
  Py_XDECREF(kw);
  Py_DECREF(tuple);
  return res;
}

/* ml_call_slow calls d->slow(*extra, *d->prefix, *args, **kwargs). */
static PyObject *ml_call_slow(MLDispatch *d, PyObject *const *extra, Py_ssize_t nextra,
                              PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  PyObject *prefix[3];
  Py_ssize_t np = 0;
  for (Py_ssize_t i = 0; i < nextra && np < 3; i++) {
    prefix[np++] = extra[i];
  }
  Py_ssize_t nt = PyTuple_Size(d->prefix);
  for (Py_ssize_t i = 0; i < nt && np < 3; i++) {
    prefix[np++] = PyTuple_GetItem(d->prefix, i);
  }
  return ml_call_with(d->slow, prefix, np, args, nargs, kwnames);
}

/* ml_call_target calls a prepared callable with positional arguments: a
 * function() callable of this extension directly, anything else through
 * PyObject_Call. fn is held for the call (a callback may empty the cache
 * that holds it). */
static inline PyObject *ml_call_target(MLDispatch *d, PyObject *fn, PyObject *const *args,
                                       Py_ssize_t nargs) {
  PyObject *res;
  Py_INCREF(fn);
  if (Py_IS_TYPE(fn, &PyCFunction_Type)) {
    PyObject *self = PyCFunction_GetSelf(fn);
    if (self != NULL && (PyObject *)Py_TYPE(self) == d->func_type) {
      res = ml_func_call(self, args, nargs);
      Py_DECREF(fn);
      return res;
    }
  }
  res = ml_call_with(fn, NULL, 0, args, nargs, NULL);
  Py_DECREF(fn);
  return res;
}

/* ml_is_kw reports whether keyword kw is the interned name s (or equal to
 * it: a name built at run time is not interned). */
static inline int ml_is_kw(PyObject *kw, PyObject *s) {
  return kw == s || PyUnicode_Compare(kw, s) == 0;
}

/* prog.call(name, *args, backend=AUTO, timeout=None) for program prog
 * (NULL: the dispatcher's prefix names it). */
static inline PyObject *ml_dispatch_for(MLDispatch *d, PyObject *prog, PyObject *const *args,
                                        Py_ssize_t nargs, PyObject *kwnames) {
  PyObject *backend = NULL;
  Py_ssize_t nkw = kwnames != NULL ? PyTuple_Size(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kw = PyTuple_GetItem(kwnames, k);
    if (kw == NULL) {
      return NULL;
    }
    if (ml_is_kw(kw, d->s_backend)) {
      backend = args[nargs + k];
    } else if (!(ml_is_kw(kw, d->s_timeout) && args[nargs + k] == Py_None)) {
      goto slow; /* a timeout, or a keyword Python refuses */
    }
  }
  if (nargs < 1 || !PyUnicode_CheckExact(args[0])) {
    goto slow;
  }
  int which = 0;
  if (backend != NULL && backend != d->backends[0]) {
    if (backend == d->backends[1]) {
      which = 1;
    } else if (backend == d->backends[2]) {
      which = 2;
    } else if (backend == d->last_spelling) {
      which = d->last_which;
    } else if (PyUnicode_CheckExact(backend)) {
      PyObject *member = PyDict_GetItemWithError(d->spellings, backend);
      if (member == NULL) {
        if (PyErr_Occurred()) {
          return NULL;
        }
        goto slow;
      }
      which = member == d->backends[1] ? 1 : member == d->backends[2] ? 2 : 0;
      PyObject *old = d->last_spelling;
      d->last_spelling = Py_NewRef(backend);
      d->last_which = which;
      Py_XDECREF(old);
    } else {
      goto slow;
    }
  }
  PyObject *fn;
  if (args[0] == d->last_name[which] && d->last_fn[which] != NULL) {
    fn = d->last_fn[which];
  } else {
    fn = PyDict_GetItemWithError(d->caches[which], args[0]);
    if (fn == NULL) {
      if (PyErr_Occurred()) {
        return NULL;
      }
      goto slow;
    }
    PyObject *old_name = d->last_name[which], *old_fn = d->last_fn[which];
    d->last_name[which] = Py_NewRef(args[0]);
    d->last_fn[which] = Py_NewRef(fn);
    Py_XDECREF(old_name);
    Py_XDECREF(old_fn);
  }
  return ml_call_target(d, fn, args + 1, nargs - 1);
slow:
  return ml_call_slow(d, &prog, prog != NULL, args, nargs, kwnames);
}

/* The builtin function of a dispatcher without name. */
static PyObject *ml_dispatch_call(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames) {
  return ml_dispatch_for((MLDispatch *)self, NULL, args, nargs, kwnames);
}

/* prog.name(*args): the AUTO callable of a fixed function. */
ML_HOT static PyObject *ml_dispatch_named(PyObject *self, PyObject *const *args,
                                          Py_ssize_t nargs, PyObject *kwnames) {
  MLDispatch *d = (MLDispatch *)self;
  PyObject *fn = d->target;
  if (fn == NULL) {
    fn = PyDict_GetItemWithError(d->caches[0], d->name);
    if (fn == NULL) {
      if (PyErr_Occurred()) {
        return NULL;
      }
      /* The first call: the Program prepares the callable. */
      return ml_call_slow(d, NULL, 0, args, nargs, kwnames);
    }
    Py_INCREF(fn);
    d->target = fn;
  }
  if (kwnames != NULL && PyTuple_Size(kwnames) > 0) {
    /* The function decides what keywords mean (a native one refuses them). */
    Py_INCREF(fn);
    PyObject *res = ml_call_with(fn, NULL, 0, args, nargs, kwnames);
    Py_DECREF(fn);
    return res;
  }
  return ml_call_target(d, fn, args, nargs);
}

/* ------------------------------------------------- Program.call itself */

/*
 * Program.call is, once the extension is loaded, a method descriptor of
 * this file (program_call()): CPython specializes the lookup of a method
 * of the class (prog.call finds it in the class, the instance dict does
 * not hide it) and its call, which an attribute of the instance would not
 * get (3.11 to 3.13). The method finds the program's dispatcher in the
 * instance dict under ml_calls_key, and remembers the last program it
 * served (a weak reference, whose callback forgets it when the program
 * dies) with its dispatcher, so that calls of one program in a row skip
 * that lookup. Without a dispatcher (a program made before the extension
 * was loaded) it calls the Python method, ml_calls_slow.
 */
static PyObject *ml_calls_key;   /* the instance dict's key of the dispatcher */
static PyObject *ml_calls_slow;  /* Program.call in Python: slow(prog, *args, **kwargs) */
static PyObject *ml_calls_type;  /* MLDispatch's type */
static PyObject *ml_calls_forget; /* the weak reference's callback */
static PyObject *ml_last_ref;    /* weak reference to the last program served */
static MLDispatch *ml_last_disp; /* its dispatcher (strong) */

static PyObject *ml_forget_last(PyObject *unused, PyObject *ref) {
  if (ref == ml_last_ref) {
    PyObject *old_ref = ml_last_ref;
    MLDispatch *old = ml_last_disp;
    ml_last_ref = NULL;
    ml_last_disp = NULL;
    Py_XDECREF(old);
    Py_XDECREF(old_ref);
  }
  return ml_none();
}

static PyMethodDef ml_forget_def = {"_forget_last_program",
                                    (PyCFunction)(void (*)(void))ml_forget_last, METH_O,
                                    NULL};

/* ml_find_calls returns prog's dispatcher (borrowed, remembered as the
 * last), or NULL, with an exception set only on failure. */
static MLDispatch *ml_find_calls(PyObject *prog) {
  PyObject *dict = PyObject_GenericGetDict(prog, NULL);
  if (dict == NULL) {
    return NULL;
  }
  PyObject *fn = PyDict_GetItemWithError(dict, ml_calls_key);
  Py_DECREF(dict);
  if (fn == NULL || !Py_IS_TYPE(fn, &PyCFunction_Type)) {
    return NULL;
  }
  PyObject *d = PyCFunction_GetSelf(fn);
  if (d == NULL || (PyObject *)Py_TYPE(d) != ml_calls_type) {
    return NULL;
  }
  PyObject *ref = PyWeakref_NewRef(prog, ml_calls_forget);
  if (ref == NULL) {
    PyErr_Clear(); /* not remembered, still served */
    return (MLDispatch *)d;
  }
  PyObject *old_ref = ml_last_ref;
  MLDispatch *old = ml_last_disp;
  Py_INCREF(d);
  ml_last_ref = ref;
  ml_last_disp = (MLDispatch *)d;
  Py_XDECREF(old);
  Py_XDECREF(old_ref);
  return (MLDispatch *)d;
}

/* Program.call(self, name, *args, backend=AUTO, timeout=None). */
ML_HOT static PyObject *ml_program_call(PyObject *prog, PyObject *const *args,
                                        Py_ssize_t nargs, PyObject *kwnames) {
  MLDispatch *d;
  if (ml_last_ref != NULL && PyWeakref_GetObject(ml_last_ref) == prog) {
    d = ml_last_disp;
  } else {
    d = ml_find_calls(prog);
    if (d == NULL) {
      if (PyErr_Occurred()) {
        return NULL;
      }
      return ml_call_with(ml_calls_slow, &prog, 1, args, nargs, kwnames);
    }
  }
  Py_INCREF(d); /* a callback may forget it */
  PyObject *res = ml_dispatch_for(d, prog, args, nargs, kwnames);
  Py_DECREF(d);
  return res;
}

static PyMethodDef ml_program_call_def = {
    "call", (PyCFunction)(void (*)(void))ml_program_call, METH_FASTCALL | METH_KEYWORDS,
    NULL};
static PyObject *ml_program_call_doc; /* keeps ml_program_call_def.ml_doc */

ML_DOC(program_method_doc,
       "program_method(cls, slow, key, doc)\n\n"
       "Program.call as a method descriptor of cls (internal): it finds each\n"
       "program's dispatcher in its instance dict under key and calls\n"
       "slow(prog, *args, **kwargs) for programs without one. Once per process.");

/* program_method(cls, slow, key, doc). */
PyObject *ml_program_method(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
  if (ml_nargs("program_method", nargs, 4) < 0) {
    return NULL;
  }
  if (!PyType_Check(args[0]) || !PyCallable_Check(args[1]) || !PyUnicode_Check(args[2]) ||
      !PyUnicode_Check(args[3])) {
    PyErr_SetString(PyExc_TypeError,
                    "program_method() takes a class, a callable, a str and a str");
    return NULL;
  }
  const char *doc = PyUnicode_AsUTF8AndSize(args[3], NULL);
  if (doc == NULL) {
    return NULL;
  }
  if (ml_calls_forget == NULL) {
    ml_calls_forget = PyCFunction_NewEx(&ml_forget_def, NULL, NULL);
    if (ml_calls_forget == NULL) {
      return NULL;
    }
  }
  /* Called again (the class defined again, by a reload), the new values
   * replace the old ones, which the last program's dispatcher forgets. */
  if (ml_last_ref != NULL) {
    ml_forget_last(NULL, ml_last_ref);
  }
  PyObject *key = Py_NewRef(args[2]);
  PyUnicode_InternInPlace(&key);
  PyObject *old[4] = {ml_program_call_doc, ml_calls_key, ml_calls_type, ml_calls_slow};
  ml_program_call_doc = Py_NewRef(args[3]);
  ml_program_call_def.ml_doc = doc;
  ml_calls_key = key;
  ml_calls_type = Py_NewRef(ml_get_state(module)->DispatchType);
  ml_calls_slow = Py_NewRef(args[1]);
  for (int i = 0; i < 4; i++) {
    Py_XDECREF(old[i]);
  }
  return PyDescr_NewMethod((PyTypeObject *)args[0], &ml_program_call_def);
}

/* -------------------------------------------------------- the factory */

ML_DOC(dispatcher_doc,
       "dispatcher(caches, backends, spellings, slow, prefix, name=None)\n\n"
       "A builtin function for a Program's calls (internal). caches: a tuple of\n"
       "three dicts {name: callable} (AUTO, WASM, PYTHON); backends: the three\n"
       "Backend members in that order; spellings: {str: member}; slow: called\n"
       "as slow(*prefix, *args, **kwargs) for whatever the caches do not answer.\n"
       "Without name it is prog.call (name first, keywords backend and timeout);\n"
       "with name it is prog.name (the AUTO callable of that function).");

/* dispatcher(caches, backends, spellings, slow, prefix, name=None). */
PyObject *ml_dispatcher(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                        PyObject *kwnames) {
  static const char *const names[] = {"caches", "backends", "spellings",
                                      "slow",   "prefix",   "name"};
  PyObject *v[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
  if (ml_keywords("dispatcher", names, 6, v, args, nargs, kwnames) < 0) {
    return NULL;
  }
  for (int i = 0; i < 5; i++) {
    if (v[i] == NULL) {
      PyErr_Format(PyExc_TypeError, "dispatcher() missing required argument '%s'", names[i]);
      return NULL;
    }
  }
  if (!PyTuple_Check(v[0]) || PyTuple_Size(v[0]) != 3 || !PyTuple_Check(v[1]) ||
      PyTuple_Size(v[1]) != 3) {
    PyErr_SetString(PyExc_TypeError, "dispatcher() caches and backends must be tuples of 3");
    return NULL;
  }
  for (int i = 0; i < 3; i++) {
    if (!PyDict_CheckExact(PyTuple_GetItem(v[0], i))) {
      PyErr_SetString(PyExc_TypeError, "dispatcher() caches must be dicts");
      return NULL;
    }
  }
  if (!PyDict_CheckExact(v[2]) || !PyCallable_Check(v[3]) || !PyTuple_Check(v[4])) {
    PyErr_SetString(PyExc_TypeError,
                    "dispatcher() needs a dict of spellings, a callable and a tuple");
    return NULL;
  }
  PyObject *name = v[5] == Py_None ? NULL : v[5];
  if (name != NULL && !PyUnicode_Check(name)) {
    PyErr_SetString(PyExc_TypeError, "dispatcher() name must be str or None");
    return NULL;
  }
  ml_state *st = ml_get_state(module);
  MLDispatch *d = PyObject_GC_New(MLDispatch, (PyTypeObject *)st->DispatchType);
  if (d == NULL) {
    return NULL;
  }
  memset(&d->def, 0, sizeof(MLDispatch) - offsetof(MLDispatch, def));
  for (int i = 0; i < 3; i++) {
    d->caches[i] = Py_NewRef(PyTuple_GetItem(v[0], i));
    d->backends[i] = Py_NewRef(PyTuple_GetItem(v[1], i));
  }
  d->spellings = Py_NewRef(v[2]);
  d->slow = Py_NewRef(v[3]);
  d->prefix = Py_NewRef(v[4]);
  d->name = Py_XNewRef(name);
  d->func_type = Py_NewRef(st->FuncType);
  d->s_backend = PyUnicode_InternFromString("backend");
  d->s_timeout = PyUnicode_InternFromString("timeout");
  PyObject_GC_Track((PyObject *)d);
  if (d->s_backend == NULL || d->s_timeout == NULL) {
    Py_DECREF(d);
    return NULL;
  }
  d->def.ml_name = name != NULL ? PyUnicode_AsUTF8AndSize(name, NULL) : "call";
  if (d->def.ml_name == NULL) {
    Py_DECREF(d);
    return NULL;
  }
  d->def.ml_doc = name != NULL ? "A function of a program (Backend.AUTO)."
                               : "call(name, *args, backend=Backend.AUTO, timeout=None)\n\n"
                                 "Call function name of the program on backend.";
  d->def.ml_meth = name != NULL ? (PyCFunction)(void (*)(void))ml_dispatch_named
                                : (PyCFunction)(void (*)(void))ml_dispatch_call;
  d->def.ml_flags = METH_FASTCALL | METH_KEYWORDS;
  PyObject *fn = PyCFunction_NewEx(&d->def, (PyObject *)d, NULL);
  Py_DECREF(d);
  return fn;
}
