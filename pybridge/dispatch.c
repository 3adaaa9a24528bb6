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
 * straight through ml_func_call, a Python call of this file (python_call(),
 * the Python function of a program's function) through ml_python_invoke,
 * anything else through ml_vcall. Whatever the fast path does not handle (a first call, a
 * timeout, another keyword, an unknown backend or function) goes to the
 * Program's Python code, `slow`, with the very same arguments, which
 * prepares the callable, fills the cache and raises the errors. Python
 * callables are called through ml_vcall (vcall.c): PyObject_Vectorcall
 * where the running CPython has it, no tuple, no dict.
 *
 * Two modes: prog.call (name NULL: the function's name is the first
 * argument, keywords backend= and timeout=) and prog.name (the name is
 * fixed, the backend AUTO, keywords go to the function). The dispatcher
 * keeps its Program alive, as a bound method would.
 */

#include <stdio.h>

#include "module.h"

#include <stddef.h>
#include <structmember.h>
#include <string.h>

/* What the limited API of 3.10 does not declare, though the ABI has it
 * (PEP 590, CPython 3.8 and later): the vectorcall protocol of a type. */
typedef PyObject *(*ml_vectorcallfunc)(PyObject *callable, PyObject *const *args, size_t nargsf,
                                       PyObject *kwnames);
#define ML_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))

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
  /* What each last_fn calls straight from C, or NULL (see ml_fast_self),
   * and the same for target; borrowed from the callable, which holds it. */
  PyObject *last_self[3];
  PyObject *target_self;
  /* The last tuple of keyword names prog.call was given (strong; a call
   * site passes the same tuple, a constant of its code, each time) and
   * what it holds: the index of backend and of timeout (-1: absent), and
   * whether it holds another name. */
  PyObject *kw_last;
  int kw_backend, kw_timeout, kw_other;
  /* kw_plain: kw_last holds no name but backend (one test on the path of
   * every call with backend=). */
  int kw_plain;
  PyObject *func_type;   /* this extension's MLFunc type */
  /* A Python call (python_call()): slow is the Python function, name its
   * name; the call is recorded in cell, a list [native Module or None,
   * last report] of the program: on the Module when there is one (reason
   * as the reason), else as report in the list's second item. */
  PyObject *reason;
  PyObject *report;
  PyObject *cell;
  PyObject *module_type; /* this extension's Module type */
  PyObject *s_backend;   /* "backend", interned */
  PyObject *s_timeout;   /* "timeout", interned */
  /* A dispatcher of prog.name is also the method of its program's own
   * class (see "prog.name as a method" below): called as one, through
   * this, with the program first. NULL for the others. Last, so that the
   * fields every call reads keep their places. */
  ml_vectorcallfunc vectorcall;
  PyObject *bound;       /* prog.name's builtin function (strong), or NULL */
  PyObject *owner;       /* prog.name's program (borrowed from prefix) */
} MLDispatch;

static int MLDispatch_traverse(PyObject *self, visitproc visit, void *arg) {
  MLDispatch *d = (MLDispatch *)self;
  Py_VISIT(Py_TYPE(self));
  for (int i = 0; i < 3; i++) {
    Py_VISIT(d->caches[i]);
    Py_VISIT(d->backends[i]);
    Py_VISIT(d->last_fn[i]);
  }
  Py_VISIT(d->bound);
  Py_VISIT(d->spellings);
  Py_VISIT(d->slow);
  Py_VISIT(d->prefix);
  Py_VISIT(d->target);
  Py_VISIT(d->func_type);
  Py_VISIT(d->report);
  Py_VISIT(d->cell);
  Py_VISIT(d->module_type);
  return 0;
}

static int MLDispatch_clear(PyObject *self) {
  MLDispatch *d = (MLDispatch *)self;
  for (int i = 0; i < 3; i++) {
    Py_CLEAR(d->caches[i]);
    Py_CLEAR(d->backends[i]);
    Py_CLEAR(d->last_fn[i]);
    Py_CLEAR(d->last_name[i]);
    d->last_self[i] = NULL;
  }
  d->target_self = NULL;
  d->vectorcall = NULL;
  d->owner = NULL;
  Py_CLEAR(d->bound);
  Py_CLEAR(d->spellings);
  Py_CLEAR(d->last_spelling);
  Py_CLEAR(d->kw_last);
  Py_CLEAR(d->slow);
  Py_CLEAR(d->prefix);
  Py_CLEAR(d->target);
  Py_CLEAR(d->func_type);
  Py_CLEAR(d->report);
  Py_CLEAR(d->cell);
  Py_CLEAR(d->module_type);
  return 0;
}

static void MLDispatch_dealloc(PyObject *self) {
  MLDispatch *d = (MLDispatch *)self;
  PyTypeObject *tp = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  MLDispatch_clear(self);
  Py_CLEAR(d->name);
  Py_CLEAR(d->reason);
  Py_CLEAR(d->s_backend);
  Py_CLEAR(d->s_timeout);
  freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
  tp_free(self);
  Py_DECREF(tp);
}

static PyObject *ml_dispatch_get(PyObject *self, PyObject *obj, PyObject *type);

static PyMemberDef MLDispatch_members[] = {
    {"__vectorcalloffset__", T_PYSSIZET, offsetof(MLDispatch, vectorcall), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot MLDispatch_slots[] = {
    {Py_tp_doc, "The C side of a Program's calls (internal)."},
    {Py_tp_descr_get, ml_dispatch_get},
    {Py_tp_members, MLDispatch_members},
    {Py_tp_traverse, MLDispatch_traverse},
    {Py_tp_clear, MLDispatch_clear},
    {Py_tp_dealloc, MLDispatch_dealloc},
    {0, 0},
};

PyType_Spec MLDispatch_spec = {
    .name = "multilingualprogramming._native.CallDispatcher",
    .basicsize = sizeof(MLDispatch),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION |
             Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_METHOD_DESCRIPTOR | ML_TPFLAGS_HAVE_VECTORCALL,
    .slots = MLDispatch_slots,
};

/* ------------------------------------------------------------ the calls */

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
  return ml_vcall_prefixed(d->slow, prefix, np, args, nargs, kwnames);
}

static PyObject *ml_dispatch_python(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames);

/* ml_python_invoke is a Python call (see MLDispatch): recorded, then the
 * Python function called (kwnames as a vectorcall has them, or NULL). */
static PyObject *ml_python_invoke(MLDispatch *p, PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames) {
  PyObject *m = PyList_GetItem(p->cell, 0);
  if (m == NULL) {
    return NULL;
  }
  if ((PyObject *)Py_TYPE(m) == p->module_type) {
    MLModule *mod = (MLModule *)m;
    ml_record(mod, p->name, mod->st->s_python, p->reason);
  } else if (PyList_GetItem(p->cell, 1) != p->report &&
             PyList_SetItem(p->cell, 1, Py_NewRef(p->report)) < 0) {
    return NULL; /* the report is set only when another one is there */
  }
  return ml_vcall(p->slow, args, nargs, kwnames);
}

/* ml_fast_self returns what the callable fn calls that the dispatcher may
 * call straight from C: the MLFunc of a function() callable of this
 * extension, the MLDispatch of a Python call; else NULL. */
static PyObject *ml_fast_self(MLDispatch *d, PyObject *fn) {
  if (!Py_IS_TYPE(fn, &PyCFunction_Type)) {
    return NULL;
  }
  PyObject *self = PyCFunction_GetSelf(fn);
  if (self == NULL) {
    return NULL;
  }
  if ((PyObject *)Py_TYPE(self) == d->func_type) {
    return self;
  }
  if (Py_TYPE(self) == Py_TYPE(d) &&
      ((MLDispatch *)self)->def.ml_meth == (PyCFunction)(void (*)(void))ml_dispatch_python) {
    return self;
  }
  return NULL;
}

/* ml_call_target calls a prepared callable fn with positional arguments:
 * through self (ml_fast_self's answer for fn) when there is one, else
 * through ml_vcall. fn is held for the call (a callback may empty the
 * cache that holds it; fn holds self). */
static inline PyObject *ml_call_target(MLDispatch *d, PyObject *fn, PyObject *self,
                                       PyObject *const *args, Py_ssize_t nargs) {
  PyObject *res;
  Py_INCREF(fn);
  if (self == NULL) {
    res = ml_vcall(fn, args, nargs, NULL);
  } else if ((PyObject *)Py_TYPE(self) == d->func_type) {
    res = ml_func_call(self, args, nargs);
  } else {
    res = ml_python_invoke((MLDispatch *)self, args, nargs, NULL);
  }
  Py_DECREF(fn);
  return res;
}

/* ml_is_kw reports whether keyword kw is the interned name s (or equal to
 * it: a name built at run time is not interned). */
static inline int ml_is_kw(PyObject *kw, PyObject *s) {
  return kw == s || PyUnicode_Compare(kw, s) == 0;
}

/* ml_read_kwnames reads the keyword names of a call of prog.call into
 * d->kw_* (-1 with an exception set). */
static int ml_read_kwnames(MLDispatch *d, PyObject *kwnames) {
  Py_ssize_t nkw = PyTuple_Size(kwnames);
  if (nkw < 0) {
    return -1;
  }
  int backend = -1, timeout = -1, other = 0;
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kw = PyTuple_GetItem(kwnames, k);
    if (kw == NULL) {
      return -1;
    }
    if (ml_is_kw(kw, d->s_backend)) {
      backend = (int)k;
    } else if (ml_is_kw(kw, d->s_timeout)) {
      timeout = (int)k;
    } else {
      other = 1;
    }
  }
  PyObject *old = d->kw_last;
  d->kw_last = Py_NewRef(kwnames);
  d->kw_backend = backend;
  d->kw_timeout = timeout;
  d->kw_other = other;
  d->kw_plain = !other && timeout < 0;
  Py_XDECREF(old);
  return 0;
}

/* prog.call(name, *args, backend=AUTO, timeout=None) for program prog
 * (NULL: the dispatcher's prefix names it). */
static inline __attribute__((always_inline)) PyObject *
ml_dispatch_for(MLDispatch *d, PyObject *prog, PyObject *const *args, Py_ssize_t nargs,
                PyObject *kwnames) {
  PyObject *backend = NULL;
  if (kwnames != NULL) {
    if (kwnames != d->kw_last && ml_read_kwnames(d, kwnames) < 0) {
      return NULL;
    }
    if (__builtin_expect(!d->kw_plain, 0) &&
        (d->kw_other || (d->kw_timeout >= 0 && args[nargs + d->kw_timeout] != Py_None))) {
      goto slow; /* a timeout, or a keyword Python refuses */
    }
    if (d->kw_backend >= 0) {
      backend = args[nargs + d->kw_backend];
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
  PyObject *fn, *self;
  if (args[0] == d->last_name[which] && d->last_fn[which] != NULL) {
    fn = d->last_fn[which];
    self = d->last_self[which];
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
    self = d->last_self[which] = ml_fast_self(d, fn);
    Py_XDECREF(old_name);
    Py_XDECREF(old_fn);
  }
  return ml_call_target(d, fn, self, args + 1, nargs - 1);
slow:
  return ml_call_slow(d, &prog, prog != NULL, args, nargs, kwnames);
}

/* The builtin function of a dispatcher without name. */
static PyObject *ml_dispatch_call(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames) {
  return ml_dispatch_for((MLDispatch *)self, NULL, args, nargs, kwnames);
}

/* ml_find_target returns prog.name's AUTO callable (borrowed), found in
 * the cache and remembered as d->target; NULL (an exception set only on
 * failure) while the cache does not hold it. */
static PyObject *ml_find_target(MLDispatch *d) {
  PyObject *fn = PyDict_GetItemWithError(d->caches[0], d->name);
  if (fn != NULL) {
    d->target = Py_NewRef(fn);
    d->target_self = ml_fast_self(d, fn);
  }
  return fn;
}

/* prog.name(*args): the AUTO callable of a fixed function. */
ML_HOT static PyObject *ml_dispatch_named(PyObject *self, PyObject *const *args,
                                          Py_ssize_t nargs, PyObject *kwnames) {
  MLDispatch *d = (MLDispatch *)self;
  PyObject *fn = d->target;
  if (fn == NULL && (fn = ml_find_target(d)) == NULL) {
    if (PyErr_Occurred()) {
      return NULL;
    }
    /* The first call: the Program prepares the callable. */
    return ml_call_slow(d, NULL, 0, args, nargs, kwnames);
  }
  if (kwnames != NULL && PyTuple_Size(kwnames) > 0) {
    /* The function decides what keywords mean (a native one refuses them). */
    Py_INCREF(fn);
    PyObject *res = ml_vcall(fn, args, nargs, kwnames);
    Py_DECREF(fn);
    return res;
  }
  return ml_call_target(d, fn, d->target_self, args, nargs);
}

/*
 * prog.name as a method. A program's functions are attributes of its own
 * class (Program._install_calls), each a dispatcher of prog.name: CPython
 * finds a method descriptor of the class (Py_TPFLAGS_METHOD_DESCRIPTOR)
 * without looking into the instance's attributes, specializes that lookup
 * (3.11 to 3.13), and calls the descriptor with the program first, which
 * neither makes a bound object nor goes through the builtin function. The
 * descriptor of a program's class serves that program only.
 */

/* ml_not_owner raises the TypeError of a dispatcher given another object. */
static PyObject *ml_not_owner(MLDispatch *d, PyObject *obj) {
  if (obj == NULL) {
    PyErr_Format(PyExc_TypeError, "%U() of %R needs its program first", d->name, d->owner);
  } else {
    PyErr_Format(PyExc_TypeError, "%U() of %R is not a function of %R", d->name, d->owner, obj);
  }
  return NULL;
}

/* The vectorcall of a dispatcher of prog.name: (prog, *args). */
ML_HOT static PyObject *ml_dispatch_method(PyObject *self, PyObject *const *args, size_t nargsf,
                                           PyObject *kwnames) {
  MLDispatch *d = (MLDispatch *)self;
  Py_ssize_t nargs = (Py_ssize_t)(nargsf & ~ML_VECTORCALL_ARGUMENTS_OFFSET);
  if (nargs < 1 || args[0] != d->owner) {
    return ml_not_owner(d, nargs < 1 ? NULL : args[0]);
  }
  PyObject *t = d->target_self;
  if (t != NULL && kwnames == NULL && (PyObject *)Py_TYPE(t) == d->func_type) {
    /* A function() callable, straight (d holds it through d->target,
     * which stays until d goes). */
    return ml_func_call(t, args + 1, nargs - 1);
  }
  return ml_dispatch_named(self, args + 1, nargs - 1, kwnames);
}

/* prog.name as a value (f = prog.name): the prepared callable once there
 * is one (so that f calls it directly), else the dispatcher's builtin
 * function; the dispatcher itself when read from the class. */
static PyObject *ml_dispatch_get(PyObject *self, PyObject *obj, PyObject *type) {
  MLDispatch *d = (MLDispatch *)self;
  if (obj == NULL || d->bound == NULL) {
    return Py_NewRef(self);
  }
  if (obj != d->owner) {
    return ml_not_owner(d, obj);
  }
  PyObject *fn = d->target != NULL ? d->target : ml_find_target(d);
  if (fn == NULL && PyErr_Occurred()) {
    return NULL;
  }
  return Py_NewRef(fn != NULL ? fn : d->bound);
}

/* A Python call's builtin function (see MLDispatch): the Python function
 * takes its arguments as its def does, keywords too. */
static PyObject *ml_dispatch_python(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames) {
  MLDispatch *p = (MLDispatch *)self;
  if (kwnames != NULL && PyTuple_Size(kwnames) == 0) {
    kwnames = NULL;
  }
  return ml_python_invoke(p, args, nargs, kwnames);
}

/* --------------------------------- Program.call and WasmModule.call */

/*
 * Program.call and WasmModule.call are, once the extension is loaded,
 * method descriptors of this file: CPython specializes the lookup of a
 * method of the class (prog.call finds it in the class, the instance dict
 * does not hide it) and its call, which an attribute of the instance would
 * not get (3.11 to 3.13). Each method finds what serves the instance
 * under a key: a program's dispatcher (the builtin
 * function, whose self is an MLDispatch), a WasmModule's native Module
 * (open). It remembers the last instance it served, with what served it,
 * so that calls of one object in a row skip that lookup: the instance by
 * address (borrowed), with a weak reference whose callback forgets it when
 * the instance dies, before its memory can be reused. Without what serves
 * it (a program made before the extension was loaded, a WasmModule not
 * instantiated or closed) the method calls the Python method, `slow`.
 */
typedef struct {
  PyMethodDef def;
  PyObject *doc;   /* keeps def.ml_doc */
  PyObject *key;   /* the instance dict's key of what serves the calls */
  PyObject *type;  /* MLDispatch's type, or Module's */
  PyObject *slow;  /* the Python method: slow(obj, *args, **kwargs) */
  PyObject *ref;   /* weak reference to the last instance served */
  PyObject *last;  /* that instance (borrowed: ref's callback clears it) */
  PyObject *found; /* what served it (strong) */
  /* CPython's vectorcall of the site's method descriptors (see "a call
   * with keywords" below), or NULL until one is made. */
  ml_vectorcallfunc descr_call;
} ml_site;

enum { SITE_PROGRAM, SITE_WASM_MODULE };
static ml_site ml_sites[2];
static PyObject *ml_sites_forget; /* the weak references' callback */

static void ml_site_forget(ml_site *s) {
  PyObject *old_ref = s->ref, *old = s->found;
  s->ref = NULL;
  s->last = NULL;
  s->found = NULL;
  Py_XDECREF(old);
  Py_XDECREF(old_ref);
}

static PyObject *ml_forget_last(PyObject *unused, PyObject *ref) {
  for (int i = 0; i < 2; i++) {
    if (ref == ml_sites[i].ref) {
      ml_site_forget(&ml_sites[i]);
    }
  }
  return ml_none();
}

static PyMethodDef ml_forget_def = {"_forget_last_served",
                                    (PyCFunction)(void (*)(void))ml_forget_last, METH_O,
                                    NULL};

/* ml_site_value returns obj's value under s->key (a new reference), or
 * NULL, with an exception set only on failure. It is read through getattr
 * (a program's from its own class, a WasmModule's from its attributes),
 * which leaves the instance dict unmade: on 3.12 and later a made dict
 * turns off the specialized lookup of obj.call. */
static PyObject *ml_site_value(ml_site *s, PyObject *obj) {
  PyObject *v = PyObject_GetAttr(obj, s->key);
  if (v == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) {
    PyErr_Clear();
  }
  return v;
}

/* ml_site_find returns what serves obj at site s (a new reference, also
 * remembered as the last), or NULL, with an exception set only on
 * failure. */
static PyObject *ml_site_find(ml_site *s, PyObject *obj) {
  PyObject *v = ml_site_value(s, obj);
  if (v == NULL) {
    return NULL;
  }
  PyObject *found = NULL;
  if (s == &ml_sites[SITE_PROGRAM]) {
    if (Py_IS_TYPE(v, &PyCFunction_Type)) {
      PyObject *self = PyCFunction_GetSelf(v);
      if (self != NULL && (PyObject *)Py_TYPE(self) == s->type) {
        found = Py_NewRef(self);
      }
    }
  } else if ((PyObject *)Py_TYPE(v) == s->type && ((MLModule *)v)->handle != 0) {
    found = Py_NewRef(v);
  }
  Py_DECREF(v);
  if (found == NULL) {
    return NULL;
  }
  PyObject *ref = PyWeakref_NewRef(obj, ml_sites_forget);
  if (ref == NULL) {
    PyErr_Clear(); /* not remembered, still served */
    return found;
  }
  ml_site_forget(s);
  s->ref = ref;
  s->last = obj;
  s->found = Py_NewRef(found);
  return found;
}

/* Program.call(self, name, *args, backend=AUTO, timeout=None). */
ML_HOT static PyObject *ml_program_call(PyObject *prog, PyObject *const *args,
                                        Py_ssize_t nargs, PyObject *kwnames) {
  ml_site *s = &ml_sites[SITE_PROGRAM];
  PyObject *d; /* held: a callback may forget it */
  if (prog == s->last) {
    d = Py_NewRef(s->found);
  } else if ((d = ml_site_find(s, prog)) == NULL) {
    if (PyErr_Occurred()) {
      return NULL;
    }
    return ml_vcall_prefixed(s->slow, &prog, 1, args, nargs, kwnames);
  }
  PyObject *res = ml_dispatch_for((MLDispatch *)d, prog, args, nargs, kwnames);
  Py_DECREF(d);
  return res;
}

/* WasmModule.call(self, name, *args, timeout=None): Module.call of the
 * instance's native module. */
ML_HOT static PyObject *ml_wasm_module_call(PyObject *wm, PyObject *const *args,
                                            Py_ssize_t nargs, PyObject *kwnames) {
  ml_site *s = &ml_sites[SITE_WASM_MODULE];
  PyObject *m = wm == s->last ? s->found : NULL; /* held: a host function may drop it */
  if (m != NULL && ((MLModule *)m)->handle != 0) {
    Py_INCREF(m);
  } else if ((m = ml_site_find(s, wm)) == NULL) {
    if (PyErr_Occurred()) {
      return NULL;
    }
    return ml_vcall_prefixed(s->slow, &wm, 1, args, nargs, kwnames);
  }
  PyObject *res = MLModule_call(m, args, nargs, kwnames);
  Py_DECREF(m);
  return res;
}

/*
 * A call with keywords (prog.call("add", i, 1, backend=WASM), wm.call(...,
 * timeout=...)). CPython 3.11 to 3.13 specialize the call of a method
 * descriptor only without keywords; with keywords, the generic call goes
 * through the descriptor's vectorcall, CPython's
 * method_vectorcall_FASTCALL_KEYWORDS, which checks the arguments, counts
 * a level of C recursion and calls the method (about 45 instructions). A
 * descriptor of a site has a vectorcall of this file instead, which calls
 * the method straight for an instance of the descriptor's exact class
 * (the program of its own class, a WasmModule) and leaves every other
 * case (no argument, another type: CPython's errors) to CPython's. It
 * counts no recursion level, as the specialized call of the same
 * descriptor without keywords counts none (CPython promises the check for
 * methods that are not vectorcall ones, METH_O and METH_NOARGS): a call
 * with backend= is accounted as the call without it. The specialized call
 * does not read the vectorcall. ml_method_descr is the layout of
 * CPython's method descriptor (PyMethodDescrObject, the same from 3.8 to
 * 3.13), which the limited API does not declare; ml_site_descr checks it
 * on each descriptor made (its class and method where they must be, a
 * vectorcall set, the same for every descriptor of the site) and leaves a
 * descriptor it does not recognize as CPython made it.
 */
typedef struct {
  PyObject_HEAD
  PyTypeObject *d_type;
  PyObject *d_name;
  PyObject *d_qualname;
  PyMethodDef *d_method;
  ml_vectorcallfunc vectorcall;
} ml_method_descr;

/* ml_site_vcall is the vectorcall of site s's descriptors; method is the
 * site's method. */
static inline __attribute__((always_inline)) PyObject *
ml_site_vcall(ml_site *s, PyObject *descr, PyObject *const *args, size_t nargsf,
              PyObject *kwnames,
              PyObject *(*method)(PyObject *, PyObject *const *, Py_ssize_t, PyObject *)) {
  Py_ssize_t nargs = (Py_ssize_t)(nargsf & ~ML_VECTORCALL_ARGUMENTS_OFFSET);
  if (nargs < 1 || Py_TYPE(args[0]) != ((ml_method_descr *)descr)->d_type) {
    return s->descr_call(descr, args, nargsf, kwnames);
  }
  return method(args[0], args + 1, nargs - 1, kwnames);
}

static PyObject *ml_program_call_vcall(PyObject *descr, PyObject *const *args, size_t nargsf,
                                       PyObject *kwnames) {
  return ml_site_vcall(&ml_sites[SITE_PROGRAM], descr, args, nargsf, kwnames, ml_program_call);
}

static PyObject *ml_wasm_module_call_vcall(PyObject *descr, PyObject *const *args,
                                           size_t nargsf, PyObject *kwnames) {
  return ml_site_vcall(&ml_sites[SITE_WASM_MODULE], descr, args, nargsf, kwnames,
                       ml_wasm_module_call);
}

/* ml_site_descr returns site s's method descriptor for class cls, with
 * the site's vectorcall when its layout is recognized (see above). */
static PyObject *ml_site_descr(ml_site *s, PyObject *cls) {
  PyObject *descr = PyDescr_NewMethod((PyTypeObject *)cls, &s->def);
  if (descr == NULL || !Py_IS_TYPE(descr, &PyMethodDescr_Type) || !ml_known_layout()) {
    return descr;
  }
  ml_method_descr *md = (ml_method_descr *)descr;
  if ((PyObject *)md->d_type != cls || md->d_method != &s->def || md->vectorcall == NULL ||
      (s->descr_call != NULL && md->vectorcall != s->descr_call)) {
    return descr;
  }
  s->descr_call = md->vectorcall;
  md->vectorcall = s == &ml_sites[SITE_PROGRAM] ? ml_program_call_vcall
                                                : ml_wasm_module_call_vcall;
  return descr;
}

/* ml_site_install makes site s's method descriptor for (cls, slow, key,
 * doc); type is what serves the calls. */
static PyObject *ml_site_install(ml_site *s, const char *what, PyObject *const *args,
                                 Py_ssize_t nargs, PyObject *type) {
  if (ml_nargs(what, nargs, 4) < 0) {
    return NULL;
  }
  if (!PyType_Check(args[0]) || !PyCallable_Check(args[1]) || !PyUnicode_Check(args[2]) ||
      !PyUnicode_Check(args[3])) {
    PyErr_Format(PyExc_TypeError, "%s() takes a class, a callable, a str and a str", what);
    return NULL;
  }
  const char *doc = PyUnicode_AsUTF8AndSize(args[3], NULL);
  if (doc == NULL) {
    return NULL;
  }
  if (s->slow == args[1] && PyUnicode_Compare(s->key, args[2]) == 0 &&
      PyUnicode_Compare(s->doc, args[3]) == 0) {
    /* The same method for another class (a program's own class: CPython
     * calls a method descriptor of the instance's exact type directly). */
    return ml_site_descr(s, args[0]);
  }
  if (PyErr_Occurred()) {
    return NULL;
  }
  if (ml_sites_forget == NULL) {
    ml_sites_forget = PyCFunction_NewEx(&ml_forget_def, NULL, NULL);
    if (ml_sites_forget == NULL) {
      return NULL;
    }
  }
  /* Called again (the class defined again, by a reload), the new values
   * replace the old ones, and the last instance served is forgotten. */
  ml_site_forget(s);
  PyObject *key = Py_NewRef(args[2]);
  PyUnicode_InternInPlace(&key);
  PyObject *old[4] = {s->doc, s->key, s->type, s->slow};
  s->doc = Py_NewRef(args[3]);
  s->def.ml_doc = doc;
  s->key = key;
  s->type = Py_NewRef(type);
  s->slow = Py_NewRef(args[1]);
  for (int i = 0; i < 4; i++) {
    Py_XDECREF(old[i]);
  }
  s->def.ml_name = "call";
  s->def.ml_flags = METH_FASTCALL | METH_KEYWORDS;
  s->def.ml_meth = s == &ml_sites[SITE_PROGRAM]
                       ? (PyCFunction)(void (*)(void))ml_program_call
                       : (PyCFunction)(void (*)(void))ml_wasm_module_call;
  return ml_site_descr(s, args[0]);
}

ML_DOC(program_method_doc,
       "program_method(cls, slow, key, doc)\n\n"
       "Program.call as a method descriptor of cls (internal): it finds each\n"
       "program's dispatcher as its attribute key (of its own class) and calls\n"
       "slow(prog, *args, **kwargs) for programs without one. Called again\n"
       "with the same slow, key and doc, the same method for another class.");

/* program_method(cls, slow, key, doc). */
PyObject *ml_program_method(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
  return ml_site_install(&ml_sites[SITE_PROGRAM], "program_method", args, nargs,
                         ml_get_state(module)->DispatchType);
}

/*
 * prog.call on CPython 3.10. 3.10 compiles a method call with keywords as
 * an attribute read, then a call: prog.call(..., backend=WASM) made a
 * bound builtin method of the descriptor at each call and freed it after
 * (about 300 instructions, 40 ns: 152 against 111 ns per call). There, a
 * program also holds, as its instance attribute call, the same method
 * bound to it once (program_call_for), which the attribute read finds
 * before the class's descriptor (a descriptor without __set__ yields to
 * the instance): nothing is made per call. The class keeps its method
 * descriptor, so that type(prog).call is the method as on any CPython.
 * 3.11 and later keep the descriptor alone: they specialize its lookup
 * and its call, and 3.12 would stop specializing the lookup of any
 * attribute of an instance whose dict is made.
 */
ML_DOC(program_call_for_doc,
       "program_call_for(prog)\n\n"
       "Program.call as a builtin function bound to prog (internal): prog's\n"
       "instance attribute call on CPython 3.10, which makes a bound method\n"
       "at each call of a method descriptor with keywords. program_method\n"
       "must have been called first.");

PyObject *ml_program_call_for(PyObject *module, PyObject *prog) {
  ml_site *s = &ml_sites[SITE_PROGRAM];
  if (s->def.ml_name == NULL) {
    PyErr_SetString(PyExc_RuntimeError, "program_call_for() before program_method()");
    return NULL;
  }
  return PyCFunction_NewEx(&s->def, prog, NULL);
}

ML_DOC(wasm_module_method_doc,
       "wasm_module_method(cls, slow, key, doc)\n\n"
       "WasmModule.call as a method descriptor of cls (internal): it finds each\n"
       "instance's native Module as its attribute key and calls\n"
       "slow(wm, *args, **kwargs) for instances without an open one. Once per\n"
       "process.");

/* wasm_module_method(cls, slow, key, doc). */
PyObject *ml_wasm_module_method(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
  return ml_site_install(&ml_sites[SITE_WASM_MODULE], "wasm_module_method", args, nargs,
                         ml_get_state(module)->ModuleType);
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
  if (fn != NULL && name != NULL && PyTuple_Size(d->prefix) == 2) {
    /* prog.name: also the method of the program's class (see above). */
    d->owner = PyTuple_GetItem(d->prefix, 0);
    d->bound = Py_NewRef(fn);
    d->vectorcall = ml_dispatch_method;
  }
  Py_DECREF(d);
  return fn;
}

ML_DOC(python_call_doc,
       "python_call(fn, name, reason, report, cell)\n\n"
       "A builtin function calling Python function fn (internal): each call is\n"
       "recorded first, in cell, a list [native Module or None, report]: on\n"
       "the Module, when there is one, as (name, 'python', reason), else by\n"
       "setting the list's second item to report. Dispatchers call it\n"
       "without going through Python.");

/* python_call(fn, name, reason, report, cell). */
PyObject *ml_python_call(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
  if (ml_nargs("python_call", nargs, 5) < 0) {
    return NULL;
  }
  if (!PyCallable_Check(args[0]) || !PyUnicode_Check(args[1]) || !PyUnicode_Check(args[2]) ||
      !PyList_CheckExact(args[4]) || PyList_Size(args[4]) != 2) {
    PyErr_SetString(PyExc_TypeError,
                    "python_call() takes a callable, a str, a str, a report and a list of 2");
    return NULL;
  }
  const char *name = PyUnicode_AsUTF8AndSize(args[1], NULL);
  if (name == NULL) {
    return NULL;
  }
  ml_state *st = ml_get_state(module);
  MLDispatch *d = PyObject_GC_New(MLDispatch, (PyTypeObject *)st->DispatchType);
  if (d == NULL) {
    return NULL;
  }
  memset(&d->def, 0, sizeof(MLDispatch) - offsetof(MLDispatch, def));
  d->slow = Py_NewRef(args[0]);
  d->name = Py_NewRef(args[1]);
  d->reason = Py_NewRef(args[2]);
  d->report = Py_NewRef(args[3]);
  d->cell = Py_NewRef(args[4]);
  d->module_type = Py_NewRef(st->ModuleType);
  d->func_type = Py_NewRef(st->FuncType);
  PyObject_GC_Track((PyObject *)d);
  d->def.ml_name = name;
  d->def.ml_doc = "A function of a program (Python fallback).";
  d->def.ml_meth = (PyCFunction)(void (*)(void))ml_dispatch_python;
  d->def.ml_flags = METH_FASTCALL | METH_KEYWORDS;
  PyObject *fn = PyCFunction_NewEx(&d->def, (PyObject *)d, NULL);
  Py_DECREF(d);
  return fn;
}
