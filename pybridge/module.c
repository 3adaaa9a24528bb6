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
#include "lists.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "_cgo_export.h"

/* PyMemoryView_FromMemory's flags (stable ABI since 3.3); the headers show
 * them to the limited API only from 3.11, with pybuffer.h. */
#ifndef PyBUF_READ
#define PyBUF_READ 0x100
#define PyBUF_WRITE 0x200
#endif

/* ---------------------------------------------------------------- state */

typedef struct {
  PyObject *CompileError; /* Exception subclass; args[0] is a list of dicts */
  PyObject *WasmTrap;     /* RuntimeError subclass: traps with no builtin */
  PyObject *TrapClass;    /* what traps raise: WasmTrap or set_trap_class()'s */
  PyObject *ModuleType;
  PyObject *FuncType;
  /* Strings recorded by last_call(), interned once. */
  PyObject *s_wasm;
  PyObject *s_python;
  PyObject *s_int_overflow;
  PyObject *s_argument_type;
  PyObject *s_overflow;
  PyObject *s_unsupported;
  PyObject *s_memory;
  PyObject *s_reentrant;
} ml_state;

static inline ml_state *ml_get_state(PyObject *module) {
  return (ml_state *)PyModule_GetState(module);
}

/* ---------------------------------------------------------------- fork */

/*
 * The Go runtime inside the extension does not survive fork(): the child
 * has only the thread that forked, so the first thing that needs another
 * Go thread (a compile, a new instance, a timed call's ticker, a garbage
 * collection) waits forever. A pthread_atfork handler marks the child, and
 * every entry point that could reach Go or Wasmtime raises RuntimeError
 * there instead; releasing modules in the child skips Go (the memory is
 * the parent's and goes away with the process).
 */
static volatile int ml_forked;
static pthread_once_t ml_fork_once = PTHREAD_ONCE_INIT;

static void ml_atfork_child(void) { ml_forked = 1; }

static void ml_fork_init(void) { pthread_atfork(NULL, NULL, ml_atfork_child); }

/* ml_check_fork raises RuntimeError (and returns -1) in a forked child. */
static int ml_check_fork(void) {
  if (__builtin_expect(!ml_forked, 1)) {
    return 0;
  }
  PyErr_SetString(
      PyExc_RuntimeError,
      "multilingualprogramming cannot compile or run WebAssembly in a process "
      "created by fork() after its native extension was loaded: the Go runtime "
      "inside it does not survive fork, and would hang. Start worker processes "
      "with the 'spawn' method instead: multiprocessing.get_context(\"spawn\") "
      "(also for concurrent.futures.ProcessPoolExecutor(mp_context=...)), or "
      "multiprocessing.set_start_method(\"spawn\").");
  return -1;
}

/* -------------------------------------------------------- interruption */

/*
 * Ctrl-C (wasm/interrupt.c): a call on Python's main thread that could run
 * long (any but a bounded function) is armed with an ml_interrupt_target,
 * so that the extension's SIGINT handler, which runs Python's first, stops
 * it; the call then raises what Python's handler raises (KeyboardInterrupt
 * by default). Calls in other threads are not stopped, as Python delivers
 * KeyboardInterrupt to the main thread only.
 */
static unsigned long ml_main_ident; /* threading.main_thread().ident */
static int ml_main_known;
static ML_TLS int ml_tl_main = -1;

/* ml_is_main reports whether the calling thread is Python's main thread. */
static inline int ml_is_main(void) {
  if (__builtin_expect(ml_tl_main < 0, 0)) {
    ml_tl_main = ml_main_known && PyThread_get_thread_ident() == ml_main_ident;
  }
  return ml_tl_main;
}

/* ml_find_main_thread records the ident of Python's main thread. */
static void ml_find_main_thread(void) {
  PyObject *threading = PyImport_ImportModule("threading");
  PyObject *mt = threading != NULL ? PyObject_CallMethod(threading, "main_thread", NULL) : NULL;
  PyObject *ident = mt != NULL ? PyObject_GetAttrString(mt, "ident") : NULL;
  if (ident != NULL) {
    unsigned long id = PyLong_AsUnsignedLong(ident);
    if (!PyErr_Occurred()) {
      ml_main_ident = id;
      ml_main_known = 1;
    }
  }
  PyErr_Clear(); /* without it, no call is interruptible; nothing else breaks */
  Py_XDECREF(ident);
  Py_XDECREF(mt);
  Py_XDECREF(threading);
}

/* The value of ml_sigint_count when the main thread last ran Python's
 * pending signal handlers in ml_arm. */
static unsigned ml_sigint_checked;

/* ml_arm arms t for a call into inst (NULL: an instantiation) when the
 * thread is the main thread. A SIGINT that comes later stops the call; one
 * that came before, since Python last looked (it looks between bytecodes),
 * would go unnoticed during the call, so when the handler has seen a
 * SIGINT since the last time, Python's pending handlers run here first
 * (PyErr_CheckSignals costs about 10 ns, too much for every call). It
 * returns 1 if armed, 0 if not (another thread), and -1 with the
 * handler's exception set (the target is disarmed then). */
static int ml_arm(ml_interrupt_target *t, ml_instance *inst) {
  if (!ml_is_main()) {
    return 0;
  }
  ml_interrupt_arm(t, inst, 1);
  unsigned seen = __atomic_load_n(&ml_sigint_count, __ATOMIC_ACQUIRE);
  if (__builtin_expect(seen != ml_sigint_checked, 0)) {
    ml_sigint_checked = seen;
    if (PyErr_CheckSignals() < 0) {
      ml_interrupt_disarm(t);
      return -1;
    }
  }
  return 1;
}

/* ml_raise_interrupt raises what a SIGINT that stopped a call means: the
 * exception of Python's handler, which runs now (KeyboardInterrupt by
 * default), or KeyboardInterrupt when the handler raised nothing, since
 * the call cannot be resumed. */
static void ml_raise_interrupt(void) {
  if (PyErr_CheckSignals() < 0) {
    return;
  }
  PyErr_SetNone(PyExc_KeyboardInterrupt);
}

/* ------------------------------------------------------------- threads */

/*
 * Every Python thread calls a module through an instance of its own (its
 * own Wasmtime store), created on its first call, so that threads run
 * WebAssembly in parallel with the GIL released and never share a store.
 * An ml_thread stands for one OS thread: a pthread key destructor marks it
 * dead when the thread exits, and modules then close the instance they
 * made for it (at their next new thread, or on close). Modules hold a
 * reference to the ml_thread of each of their instances, so its address is
 * not reused while they do.
 */
typedef struct ml_thread {
  int alive; /* atomic: 0 once the thread exited */
  int refs;  /* atomic: the thread's own, plus one per instance slot */
} ml_thread;

static pthread_key_t ml_thread_key;
static pthread_once_t ml_thread_once = PTHREAD_ONCE_INIT;
static int ml_thread_key_ok;
static ML_TLS ml_thread *ml_tl_self;

static void ml_thread_unref(ml_thread *t) {
  if (__atomic_sub_fetch(&t->refs, 1, __ATOMIC_ACQ_REL) == 0) {
    free(t);
  }
}

static void ml_thread_exit(void *p) {
  ml_thread *t = p;
  __atomic_store_n(&t->alive, 0, __ATOMIC_RELEASE);
  ml_thread_unref(t);
}

static void ml_thread_key_init(void) {
  ml_thread_key_ok = pthread_key_create(&ml_thread_key, ml_thread_exit) == 0;
}

/* ml_self returns the calling thread's record; NULL with MemoryError. */
static ml_thread *ml_self(void) {
  ml_thread *t = ml_tl_self;
  if (t != NULL) {
    return t;
  }
  pthread_once(&ml_thread_once, ml_thread_key_init);
  t = calloc(1, sizeof *t);
  if (t == NULL || !ml_thread_key_ok ||
      pthread_setspecific(ml_thread_key, t) != 0) {
    free(t);
    PyErr_NoMemory();
    return NULL;
  }
  t->alive = 1;
  t->refs = 1;
  ml_tl_self = t;
  return t;
}

/* One thread's instance of a module. */
typedef struct {
  ml_thread *thread;  /* referenced */
  uintptr_t handle;   /* cgo.Handle of the Go *wasm.Instance */
  ml_instance *inst;  /* its C view, valid until the handle is closed */
} ml_slot;

/* ------------------------------------------------- pending host errors */

/*
 * An exception raised by a Python host function cannot cross WebAssembly:
 * the host function stores it here (per thread), returns a trap, and the
 * call that entered WebAssembly re-raises it instead of the trap.
 */
static ML_TLS PyObject *ml_pending_type, *ml_pending_value,
    *ml_pending_tb;

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

/* ml_restore_pending raises the stashed exception, if any (returns 1). */
static int ml_restore_pending(void) {
  if (ml_pending_type == NULL) {
    return 0;
  }
  PyErr_Restore(ml_pending_type, ml_pending_value, ml_pending_tb);
  ml_pending_type = ml_pending_value = ml_pending_tb = NULL;
  return 1;
}

/* ----------------------------------------------------------- Module type */

typedef struct {
  PyObject_HEAD
  uintptr_t handle; /* cgo.Handle of the Go *wasm.Template; 0 once closed */
  uintptr_t closing; /* the handle while close waits for running calls */
  ml_state *st;     /* state of the module that defines our type */
  PyObject *last_name;
  PyObject *last_backend;
  PyObject *last_reason;
  PyObject *imports;   /* the host functions (dict), kept alive; or NULL */
  PyObject *load_info; /* dict: source, ms, cache_path, cache_error */
  ml_slot *slots;      /* one per thread that called; PyMem */
  int nslots, capslots;
  int active;          /* calls running (GIL released), all threads */
  int release_gil;     /* release the GIL around calls (default 1) */
  int fast;            /* compiled without interruption: no timeouts */
  double start_timeout; /* seconds each instantiation may take; 0 for none */
  /* call()'s prepared functions: {name: MLFunc} whose module reference is
   * borrowed (MLFunc.borrowed); created on first use, dropped on close. */
  PyObject *calls;
  /* The last name call() looked up (strong) and its function (borrowed from
   * calls): a caller repeating call("add", ...) passes the same str object
   * each time, which skips the dict lookup. Both NULL when calls is. */
  PyObject *call_name;
  PyObject *call_func;
} MLModule;

/* Conversions of a parameter or result between Python and WebAssembly. */
enum {
  CV_I64 = 'i',  /* int <-> i64 */
  CV_F64 = 'f',  /* float <-> f64 */
  CV_BOOL = 'b', /* bool <-> i32 (0 or 1) */
  CV_NONE = 'n', /* no result: None */
  CV_I32 = 'I',  /* int <-> i32, for foreign modules */
  CV_F32 = 'F',  /* float <-> f32, for foreign modules */
  CV_LIST = 'l', /* list <-> i32 header address (lists.h); see MLFunc.ltypes */
};

/* A callable for one exported function (see Module.function). */
typedef struct {
  PyObject_HEAD
  PyMethodDef def;        /* the method the builtin function object calls */
  uint32_t index;         /* in the module's exports, hence ml_instance funcs */
  uint32_t nslots;        /* max(nparams, nresults, 1) */
  uint8_t *kinds;         /* nparams + nresults ML_* kinds, PyMem */
  double timeout;         /* seconds; 0 for none */
  int release_gil;        /* 1, 0, or -1 for the module's setting */
  int bounded;            /* runs briefly (wasm.FuncExport.Bounded): never armed for Ctrl-C */
  MLModule *module;       /* strong */
  PyObject *fallback;     /* strong, or NULL */
  PyObject *name;         /* str, strong; def.ml_name points into it */
  PyObject *doc;          /* str, strong; def.ml_doc points into it */
  int nparams;
  int nresults;
  uint8_t *conv;          /* nparams + nresults CV_* codes, PyMem */
  /* Lists (CV_LIST): the signature's letters (PyMem, NUL-terminated), and
   * for each parameter and result the offset of its letters in them. */
  char *ltypes;
  uint16_t *ltoff;
  int nlists;             /* list parameters */
  int has_lists;          /* list parameters or a list result */
  uint32_t alloc_index;   /* exports __ml_alloc and __ml_reset, when has_lists */
  uint32_t reset_index;
  /* module is borrowed, not owned: f is an entry of module->calls, which
   * the module owns and never hands out (no reference cycle). */
  int borrowed;
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
  if (ml_check_fork() < 0) {
    return -1;
  }
  if (m->handle == 0) {
    PyErr_SetString(PyExc_ValueError, "WebAssembly module is closed");
    return -1;
  }
  return 0;
}

/* Closes every instance and the template (no call may be running). */
static void ml_module_release(MLModule *m, uintptr_t tpl) {
  for (int i = 0; i < m->nslots; i++) {
    if (!ml_forked) {
      mlgo_instance_close(m->slots[i].handle);
    }
    ml_thread_unref(m->slots[i].thread);
  }
  PyMem_Free(m->slots);
  m->slots = NULL;
  m->nslots = m->capslots = 0;
  if (!ml_forked) {
    mlgo_template_close(tpl);
  }
}

/* ml_call_begin and ml_call_end bracket a call that releases the GIL: a
 * close() meanwhile waits for the last running call to end. */
static inline void ml_call_begin(MLModule *m) { m->active++; }

static inline void ml_call_end(MLModule *m) {
  if (--m->active == 0 && m->closing != 0) {
    uintptr_t tpl = m->closing;
    m->closing = 0;
    ml_module_release(m, tpl);
  }
}

static ml_instance *ml_instantiate(MLModule *m, ml_thread *me, double timeout);

/*
 * ml_current_t returns the calling thread's instance of m, creating it on
 * the thread's first call (with a time limit of timeout seconds, or the
 * module's start_timeout when timeout is 0); NULL with an exception set.
 * The module must be open.
 */
static ml_instance *ml_current_t(MLModule *m, double timeout) {
  if (ml_check_fork() < 0) {
    return NULL;
  }
  ml_thread *me = ml_self();
  if (me == NULL) {
    return NULL;
  }
  for (int i = 0; i < m->nslots; i++) {
    if (m->slots[i].thread == me) {
      return m->slots[i].inst;
    }
  }
  /* A new thread: first forget the instances of threads that exited. */
  for (int i = 0; i < m->nslots;) {
    if (__atomic_load_n(&m->slots[i].thread->alive, __ATOMIC_ACQUIRE)) {
      i++;
      continue;
    }
    mlgo_instance_close(m->slots[i].handle);
    ml_thread_unref(m->slots[i].thread);
    m->slots[i] = m->slots[--m->nslots];
  }
  return ml_instantiate(m, me, timeout);
}

/* ml_current is ml_current_t with the module's time limit. */
static ml_instance *ml_current(MLModule *m) { return ml_current_t(m, 0); }

/*
 * ml_instantiate makes the instance of m for thread me and keeps it in a
 * slot. Instantiating runs the module's start function, which may take
 * any time: it runs with the GIL released (close() meanwhile waits for it,
 * like a call), within the time limit (timeout seconds, else the module's
 * start_timeout), and on the main thread Ctrl-C stops it.
 */
static ml_instance *ml_instantiate(MLModule *m, ml_thread *me, double timeout) {
  uintptr_t tpl = m->handle;
  double limit = timeout > 0 ? timeout : m->start_timeout;
  ml_interrupt_target tgt;
  int armed = ml_arm(&tgt, NULL);
  if (armed < 0) {
    return NULL;
  }
  uintptr_t h = 0;
  ml_instance *inst = NULL;
  int code = 0;
  char *msg = NULL;
  ml_call_begin(m);
  Py_BEGIN_ALLOW_THREADS
  mlgo_instance_new(tpl, limit, &h, &inst, &code, &msg);
  Py_END_ALLOW_THREADS
  if (armed) {
    ml_interrupt_disarm(&tgt);
  }
  ml_call_end(m); /* releases the module if close() came meanwhile */
  if (inst == NULL) {
    if (code == ML_EXC_INTERRUPT) {
      free(msg);
      ml_raise_interrupt();
    } else {
      mlgo_raise(code, msg);
    }
    return NULL;
  }
  if (m->handle == 0) {
    mlgo_instance_close(h);
    PyErr_SetString(PyExc_ValueError, "WebAssembly module is closed");
    return NULL;
  }
  /* A host function called by the start function may have made this
   * thread's instance meanwhile: keep that one. */
  for (int i = 0; i < m->nslots; i++) {
    if (m->slots[i].thread == me) {
      mlgo_instance_close(h);
      return m->slots[i].inst;
    }
  }
  if (m->nslots == m->capslots) {
    int cap = m->capslots * 2 + 2;
    ml_slot *slots = PyMem_Realloc(m->slots, sizeof(ml_slot) * (size_t)cap);
    if (slots == NULL) {
      mlgo_instance_close(h);
      PyErr_NoMemory();
      return NULL;
    }
    m->slots = slots;
    m->capslots = cap;
  }
  __atomic_add_fetch(&me->refs, 1, __ATOMIC_ACQ_REL);
  m->slots[m->nslots++] = (ml_slot){me, h, inst};
  return inst;
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

/* The reason of the fallback this thread is running (the innermost one):
 * one of the module state's interned strings, borrowed; NULL outside
 * fallbacks. fallback_reason() returns it, so that a fallback learns why
 * it runs from the extension itself, without a race with other threads. */
static _Thread_local PyObject *ml_fallback_reason = NULL;

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
  PyObject *outer = ml_fallback_reason;
  ml_fallback_reason = reason;
  PyObject *res = PyObject_Call(f->fallback, tuple, NULL);
  ml_fallback_reason = outer;
  Py_DECREF(tuple);
  return res;
}

/* ml_convert_arg stores a in slot; ARG_OVERFLOW and ARG_TYPE are returned
 * without an exception set, so that the caller may take the fallback. */
static inline __attribute__((always_inline)) int
ml_convert_arg(MLFunc *f, uint8_t cv, PyObject *a, wasmtime_val_raw_t *slot) {
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

static inline __attribute__((always_inline)) PyObject *
ml_convert_result(uint8_t cv, const wasmtime_val_raw_t *slot) {
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

/* Raises st->TrapClass(message) with attributes kind, wasm_backtrace and
 * function. */
static void ml_raise_wasm_trap(MLFunc *f, ml_failure *fail) {
  ml_state *st = f->module->st;
  const char *kind = fail->kind == ML_TRAP_UNSUPPORTED ? "unsupported"
                                                       : ml_trap_code_name(fail->code);
  char *msg = ml_failure_message(fail);
  char *bt = ml_failure_backtrace(fail);
  PyObject *text = PyUnicode_FromFormat(
      "%s in %U(): %s%s%s",
      fail->kind == ML_TRAP_UNSUPPORTED ? "Unsupported value"
      : fail->kind == ML_TRAP_ERROR     ? "Wasmtime error"
                                        : "trap",
      f->name, msg != NULL ? msg : "", bt != NULL && bt[0] != '\0' ? "\nwasm backtrace:\n" : "",
      bt != NULL ? bt : "");
  PyObject *exc = text != NULL ? PyObject_CallFunctionObjArgs(st->TrapClass, text, NULL) : NULL;
  PyObject *k = PyUnicode_FromString(kind);
  PyObject *b = PyUnicode_FromString(bt != NULL ? bt : "");
  free(msg);
  free(bt);
  if (exc != NULL && k != NULL && b != NULL &&
      PyObject_SetAttrString(exc, "kind", k) == 0 &&
      PyObject_SetAttrString(exc, "wasm_backtrace", b) == 0 &&
      PyObject_SetAttrString(exc, "function", f->name) == 0) {
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
  }
  Py_XDECREF(text);
  Py_XDECREF(exc);
  Py_XDECREF(k);
  Py_XDECREF(b);
}

/* Raises the Python exception for a failed call and releases fail. */
static void ml_raise_trap(MLFunc *f, ml_failure *fail) {
  if (ml_restore_pending()) {
    /* A Python host function raised: that exception, not the trap. */
    ml_failure_clear(fail);
    return;
  }
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
  case ML_TRAP_TYPE:
    PyErr_Format(PyExc_TypeError,
                 "%U(): a value of the wrong type or length (ord() expects "
                 "a string of one character)", f->name);
    break;
  case ML_TRAP_ASSERTION:
    PyErr_SetNone(PyExc_AssertionError);
    break;
  case ML_TRAP_MEMORY:
    PyErr_Format(PyExc_MemoryError,
                 "%U(): WebAssembly memory cannot grow (memory limit reached)",
                 f->name);
    break;
  case ML_TRAP_INTERRUPT:
    ml_raise_interrupt();
    break;
  case ML_TRAP_TIMEOUT: {
    PyObject *secs = PyFloat_FromDouble(f->timeout);
    if (secs != NULL) {
      PyErr_Format(PyExc_TimeoutError, "%U() ran longer than its time limit (%R s)",
                   f->name, secs);
      Py_DECREF(secs);
    }
    break;
  }
  default:
    ml_raise_wasm_trap(f, fail);
  }
  ml_failure_clear(fail);
}

#define ML_STACK_SLOTS 8

/*
 * While the bridge converts lists out of an instance's memory it sets
 * inst->converting. Building Python objects may run arbitrary code (a
 * garbage collection calling __del__); a call into that same instance
 * meanwhile would reset the arena under the conversion, so it is refused:
 * under AUTO it runs in Python, otherwise it raises RuntimeError.
 */

/* ml_do_call runs ff with the GIL released (or not, per f) and a deadline
 * when f has a timeout; *released says whether other threads could run
 * meanwhile. */
static inline __attribute__((always_inline)) int ml_do_call(MLFunc *f, const ml_fastfunc *ff,
                             wasmtime_val_raw_t *slots, ml_failure *fail,
                             int *released) {
  MLModule *m = f->module;
  int kind;
  *released = 1;
  if (f->timeout > 0) {
    mlgo_ticker_acquire();
    int64_t deadline = ml_now_ns() + (int64_t)(f->timeout * 1e9); /* at most 1e18 */
    ml_call_begin(m);
    Py_BEGIN_ALLOW_THREADS
    kind = ml_fastcall_deadline(ff, slots, fail, deadline);
    Py_END_ALLOW_THREADS
    ml_call_end(m);
    mlgo_ticker_release();
  } else if (f->release_gil > 0 || (f->release_gil < 0 && m->release_gil)) {
    ml_call_begin(m);
    Py_BEGIN_ALLOW_THREADS
    kind = ml_fastcall(ff, slots, fail);
    Py_END_ALLOW_THREADS
    ml_call_end(m);
  } else {
    *released = 0;
    kind = ml_fastcall(ff, slots, fail);
  }
  return kind;
}

/* ml_falls_back reports whether, under AUTO, a failed call of this kind
 * re-runs in Python: WebAssembly could not give Python's answer. */
static inline int ml_falls_back(MLFunc *f, int kind) {
  return f->fallback != NULL && ml_pending_type == NULL &&
         (kind == ML_TRAP_OVERFLOW || kind == ML_TRAP_UNSUPPORTED ||
          kind == ML_TRAP_MEMORY);
}

static PyObject *ml_trap_fallback(MLFunc *f, PyObject *const *args,
                                  Py_ssize_t nargs, int kind, ml_failure *fail) {
  ml_failure_clear(fail);
  ml_state *st = f->module->st;
  return ml_call_fallback(f, args, nargs,
                          kind == ML_TRAP_OVERFLOW   ? st->s_overflow
                          : kind == ML_TRAP_MEMORY ? st->s_memory
                                                   : st->s_unsupported);
}

/* The scalar argument error of a call without fallback. */
static void ml_raise_arg_error(MLFunc *f, int i, int rc, PyObject *a) {
  uint8_t cv = f->conv[i];
  if (rc == ARG_OVERFLOW) {
    PyErr_Format(PyExc_OverflowError,
                 "%U() argument %d does not fit in a %d-bit integer", f->name,
                 i + 1, cv == CV_I64 ? 64 : 32);
  } else {
    ml_arg_type_error(f, i,
                      cv == CV_F64 || cv == CV_F32 ? "float"
                      : cv == CV_BOOL              ? "bool or int"
                                                   : "int",
                      a);
  }
}

/* Kept out of line so that the scalar path stays small. */
static PyObject *ml_invoke_lists(MLFunc *f, PyObject *const *args,
                                 Py_ssize_t nargs, ml_instance *inst,
                                 wasmtime_val_raw_t *slots)
    __attribute__((noinline));

/* The fast path: convert, call wasm directly, convert back. */
static PyObject *ml_invoke(MLFunc *f, PyObject *const *args, Py_ssize_t nargs) {
  /* Recorded first, so that last_call() describes this call also when it
   * raises; a fallback records its own reason over it. */
  ml_record(f->module, f->name, f->module->st->s_wasm, f->module->st->s_wasm);
  if (nargs != f->nparams) {
    if (f->fallback != NULL) {
      /* Python gives its own TypeError, or fills in a default. */
      return ml_call_fallback(f, args, nargs, f->module->st->s_argument_type);
    }
    PyErr_Format(PyExc_TypeError, "%U() takes %d argument%s (%zd given)", f->name,
                 f->nparams, f->nparams == 1 ? "" : "s", nargs);
    return NULL;
  }
  MLModule *m = f->module;
  if (ml_check_open(m) < 0) {
    return NULL;
  }
  ml_instance *inst = ml_current_t(m, f->timeout);
  if (inst == NULL) {
    return NULL;
  }
  if (__builtin_expect(inst->converting, 0)) {
    if (f->fallback != NULL) {
      return ml_call_fallback(f, args, nargs, m->st->s_reentrant);
    }
    PyErr_Format(PyExc_RuntimeError,
                 "%U() called while this thread converts a list result of the "
                 "same WebAssembly module", f->name);
    return NULL;
  }
  /* Ctrl-C may stop the call (see ml_arm); bounded functions are too short
   * to need it. */
  ml_interrupt_target tgt;
  int armed = f->bounded ? 0 : ml_arm(&tgt, inst);
  if (armed < 0) {
    return NULL;
  }
  const ml_fastfunc *ff = inst->funcs[f->index];
  wasmtime_val_raw_t stack[ML_STACK_SLOTS];
  wasmtime_val_raw_t *slots = stack;
  PyObject *res = NULL;
  if (f->nslots > ML_STACK_SLOTS) {
    slots = PyMem_Malloc(sizeof(wasmtime_val_raw_t) * f->nslots);
    if (slots == NULL) {
      PyErr_NoMemory();
      goto done;
    }
  }
  if (f->has_lists) {
    res = ml_invoke_lists(f, args, nargs, inst, slots);
    goto done;
  }
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
    ml_raise_arg_error(f, i, rc, args[i]);
    goto done;
  }

  ml_failure fail;
  int released;
  int kind = ml_do_call(f, ff, slots, &fail, &released);
  if (kind != ML_OK) {
    if (ml_falls_back(f, kind)) {
      res = ml_trap_fallback(f, args, nargs, kind, &fail);
    } else {
      ml_raise_trap(f, &fail);
    }
    goto done;
  }
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
  if (armed) {
    ml_interrupt_disarm(&tgt);
  }
  if (slots != stack) {
    PyMem_Free(slots);
  }
  return res;
}

/* The list argument error of a call without fallback (lists.h rc). */
static void ml_raise_list_error(MLFunc *f, int i, int rc, ml_lists *L) {
  PyObject *want = ml_list_type_name(f->ltypes + f->ltoff[i]);
  if (want == NULL) {
    return;
  }
  if (rc == ARG_OVERFLOW) {
    PyErr_Format(PyExc_OverflowError,
                 "%U() argument %d (%U): an element does not fit in a 64-bit "
                 "integer", f->name, i + 1, want);
  } else if (rc == ARG_MEMORY) {
    PyErr_Format(PyExc_MemoryError,
                 "%U() argument %d (%U) does not fit in WebAssembly memory",
                 f->name, i + 1, want);
  } else if (L->bad_letter == 'A') {
    PyErr_Format(PyExc_TypeError,
                 "%U() argument %d (%U): the same list object is also passed "
                 "as a list of another type", f->name, i + 1, want);
  } else {
    PyObject *tn = L->bad != NULL ? ml_type_name(L->bad) : NULL;
    const char *elem = L->bad_letter == 'I'   ? "an int"
                       : L->bad_letter == 'F' ? "a float"
                       : L->bad_letter == 'B' ? "a bool"
                       : L->bad_letter == 's' ? "a str (not a subclass)"
                                              : "a list (not a subclass or tuple)";
    if (tn != NULL) {
      PyErr_Format(PyExc_TypeError,
                   "%U() argument %d must be %U: found %U where %s is needed",
                   f->name, i + 1, want, tn, elem);
      Py_DECREF(tn);
    }
  }
  Py_DECREF(want);
}

/* ml_copies_back reports whether a call that raised the exception of kind
 * leaves its list arguments as the call left them: exceptions that Python
 * raises at the same point (so it would have mutated them as far). After
 * a trap AUTO re-runs, a timeout or a WebAssembly-only trap they are left
 * as they were. */
static inline int ml_copies_back(int kind) {
  return kind == ML_TRAP_ZERO_DIVISION || kind == ML_TRAP_INDEX ||
         kind == ML_TRAP_VALUE || kind == ML_TRAP_ASSERTION ||
         kind == ML_TRAP_TYPE;
}

/*
 * ml_raise_conflict raises the RuntimeError of a call whose list argument
 * (entry `entry` of the call's lists, inside argument i where first[i] is
 * the argument's first entry) another thread changed while the call, with
 * the GIL released, changed it too.
 */
static void ml_raise_conflict(MLFunc *f, const int *first, int entry) {
  int arg = 0;
  for (int i = 0; i < f->nparams && i < 64; i++) {
    if (f->conv[i] == CV_LIST && first[i] <= entry) {
      arg = i;
    }
  }
  PyErr_Format(PyExc_RuntimeError,
               "%U(): list argument %d changed during the call: another thread "
               "changed it while the call, which ran with the GIL released, "
               "changed it too. The call's changes to its list arguments were not "
               "written back, so the other thread's change stands; its result is "
               "dropped. Use a lock around calls and changes that share a list.",
               f->name, arg + 1);
}

/*
 * ml_invoke_lists is ml_invoke for a function with list parameters or a
 * list result (lists.h): reset the arena, copy the lists in with one
 * __ml_alloc, call, copy the arguments back and the result out. A call
 * that ran with the GIL released first makes sure that no list it changed
 * was changed by another thread meanwhile (ml_lists_conflict): copying it
 * back would silently undo that change, so the call raises RuntimeError
 * and writes nothing back.
 */
static PyObject *ml_invoke_lists(MLFunc *f, PyObject *const *args,
                                 Py_ssize_t nargs, ml_instance *inst,
                                 wasmtime_val_raw_t *slots) {
  ml_state *st = f->module->st;
  ml_lists L;
  ml_lists_init(&L);
  PyObject *res = NULL;
  int first[64]; /* first entry planned for each list parameter */
  int bad = -1, rc = ARG_OK;
  for (int i = 0; i < f->nparams; i++) {
    if (f->conv[i] == CV_LIST) {
      first[i < 64 ? i : 63] = L.n;
      rc = ml_lists_plan(&L, args[i], f->ltypes + f->ltoff[i]);
    } else {
      rc = ml_convert_arg(f, f->conv[i], args[i], &slots[i]);
    }
    if (rc != ARG_OK) {
      bad = i;
      goto arg_failed;
    }
  }
  ml_failure fail;
  int kind;
  if (f->nlists > 0) {
    wasmtime_val_raw_t s[1];
    memset(s, 0, sizeof s);
    kind = ml_fastcall(inst->funcs[f->reset_index], s, &fail);
    if (kind == ML_OK) {
      s[0].i64 = 0;
      s[0].i32 = (int32_t)(uint32_t)L.total;
      kind = ml_fastcall(inst->funcs[f->alloc_index], s, &fail);
    }
    if (kind != ML_OK) {
      goto trapped;
    }
    size_t size;
    uint8_t *mem = ml_memory(inst, &size);
    rc = ml_lists_fill(&L, mem, size, (uint32_t)s[0].i32);
    if (rc != ARG_OK) {
      for (int i = 0; i < f->nparams && i < 64; i++) {
        if (f->conv[i] == CV_LIST && first[i] <= L.bad_entry) {
          bad = i;
        }
      }
      goto arg_failed;
    }
    for (int i = 0; i < f->nparams; i++) {
      if (f->conv[i] == CV_LIST) {
        slots[i].i64 = 0;
        slots[i].i32 = (int32_t)ml_lists_addr(&L, args[i]);
      }
    }
  }
  int released = 0;
  kind = ml_do_call(f, inst->funcs[f->index], slots, &fail, &released);
trapped:
  if (kind != ML_OK) {
    if (ml_falls_back(f, kind)) {
      res = ml_trap_fallback(f, args, nargs, kind, &fail);
      goto done;
    }
    if (ml_copies_back(kind) && L.shadow != NULL && ml_pending_type == NULL) {
      size_t size;
      const uint8_t *mem = ml_memory(inst, &size);
      int conflict = released ? ml_lists_conflict(&L, mem, size) : -1;
      if (conflict != -1) {
        ml_failure_clear(&fail);
        if (conflict >= 0) {
          ml_raise_conflict(f, first, conflict);
        }
        goto done;
      }
      inst->converting = 1;
      int cb = ml_lists_copy_back(&L, mem, size);
      inst->converting = 0;
      if (cb < 0) {
        ml_failure_clear(&fail);
        goto done;
      }
    }
    ml_raise_trap(f, &fail);
    goto done;
  }
  {
    size_t size;
    const uint8_t *mem = ml_memory(inst, &size);
    if (released && L.shadow != NULL) {
      int conflict = ml_lists_conflict(&L, mem, size);
      if (conflict != -1) {
        if (conflict >= 0) {
          ml_raise_conflict(f, first, conflict);
        }
        goto done;
      }
    }
    inst->converting = 1;
    if (L.shadow == NULL || ml_lists_copy_back(&L, mem, size) == 0) {
      uint8_t cv = f->nresults == 1 ? f->conv[f->nparams] : CV_NONE;
      if (cv == CV_LIST) {
        res = ml_lists_out(&L, mem, size, (uint32_t)slots[0].i32,
                           f->ltypes + f->ltoff[f->nparams]);
      } else if (cv == CV_NONE) {
        res = ml_none();
      } else {
        res = ml_convert_result(cv, &slots[0]);
      }
    }
    inst->converting = 0;
  }
  goto done;

arg_failed:
  if (rc == ARG_ERROR) {
    goto done;
  }
  if (f->fallback != NULL) {
    res = ml_call_fallback(f, args, nargs,
                           rc == ARG_OVERFLOW ? st->s_int_overflow
                           : rc == ARG_MEMORY ? st->s_memory
                                              : st->s_argument_type);
  } else if (bad >= 0 && f->conv[bad] == CV_LIST) {
    ml_raise_list_error(f, bad, rc, &L);
  } else {
    ml_raise_arg_error(f, bad < 0 ? 0 : bad, rc, args[bad < 0 ? 0 : bad]);
  }
done:
  ml_lists_free(&L);
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
   * (i f b s, or a list: L* then I F B S), ':' and the result's letters or
   * n. */
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
  for (int i = 0; ok && i <= f->nparams; i++) {
    if (i == f->nparams) {
      ok = pos < siglen && sig[pos] == ':';
      pos++;
      if (ok && pos < siglen && sig[pos] == 'n') {
        ok = f->nresults == 0 && pos + 1 == siglen;
        break;
      }
      ok = ok && f->nresults == 1;
      if (!ok) {
        break;
      }
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
static MLFunc *ml_func_new(MLModule *m, PyObject *name, PyObject *signature,
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
static PyObject *ml_func_doc(MLFunc *f) {
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

/* ---------------------------------------------------------- Module type */

/* ml_parse_timeout reads a timeout: None (0, no limit) or seconds > 0. */
static int ml_parse_timeout(PyObject *o, double *out) {
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

/* Host functions for Go: parallel arrays built from the imports dict. */
typedef struct {
  Py_ssize_t n;
  const char **mods, **names;
  Py_ssize_t *modlens, *namelens;
  PyObject **fns; /* borrowed from the dict, which the module keeps */
} ml_imports;

static void ml_imports_free(ml_imports *im) {
  PyMem_Free(im->mods);
  PyMem_Free(im->names);
  PyMem_Free(im->modlens);
  PyMem_Free(im->namelens);
  PyMem_Free(im->fns);
}

/* ml_imports_from reads {(module, name): callable}. */
static int ml_imports_from(PyObject *dict, ml_imports *im) {
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
  if (nargs != 1) {
    PyErr_Format(PyExc_TypeError, "bounded() takes exactly one argument (%zd given)",
                 nargs);
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

/* ml_keywords fills vals[] from positional args then keyword arguments
 * named names[] (n of them); what() names the function in errors. */
static int ml_keywords(const char *what, const char *const *names, int n,
                       PyObject **vals, PyObject *const *args, Py_ssize_t nargs,
                       PyObject *kwnames) {
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

PyDoc_STRVAR(
    function_doc,
    "function(name, signature=None, fallback=None, timeout=None,\n"
    "         release_gil=None) -> callable\n\n"
    "A fast callable for the exported function name. signature is the\n"
    "compiler's compact form ('ii:i'); None derives it from the WebAssembly\n"
    "types. With a fallback, calls whose ints do not fit in 64 bits, whose\n"
    "arguments have another type, or that overflow run fallback(*args).\n"
    "With a timeout (seconds), every call raises TimeoutError once it runs\n"
    "that long. release_gil=False keeps the GIL during calls (about 45 ns\n"
    "less per call, for functions known to be short); True releases it;\n"
    "None keeps it for bounded functions (see bounded()) and otherwise\n"
    "follows the module's release_gil.");

static PyObject *MLModule_function(PyObject *self, PyObject *const *args,
                                   Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"name", "signature", "fallback", "timeout",
                                      "release_gil"};
  PyObject *vals[5] = {NULL, NULL, NULL, NULL, NULL};
  if (ml_keywords("function", names, 5, vals, args, nargs, kwnames) < 0) {
    return NULL;
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

PyDoc_STRVAR(call_doc, "call(name, *args, timeout=None)\n\n"
                       "Call the exported function name (types derived from "
                       "WebAssembly, no fallback). With a timeout (seconds), "
                       "raise TimeoutError once the call runs that long.");

static MLFunc *ml_call_func_lookup(MLModule *m, PyObject *name);

/*
 * ml_call_func returns call()'s prepared function for name, borrowed from
 * m->calls: looked up there, or made (the export resolved, its conversions
 * built) and kept on the first call of that name. NULL with an exception.
 */
static MLFunc *ml_call_func(MLModule *m, PyObject *name) {
  if (name == m->call_name) {
    return (MLFunc *)m->call_func;
  }
  MLFunc *f = ml_call_func_lookup(m, name);
  if (f != NULL) {
    PyObject *old = m->call_name;
    Py_INCREF(name);
    m->call_name = name;
    m->call_func = (PyObject *)f;
    Py_XDECREF(old);
  }
  return f;
}

/* ml_call_func_lookup is ml_call_func without the last-name shortcut. */
static MLFunc *ml_call_func_lookup(MLModule *m, PyObject *name) {
  if (m->calls != NULL && PyUnicode_Check(name)) {
    PyObject *hit = PyDict_GetItemWithError(m->calls, name);
    if (hit != NULL) {
      return (MLFunc *)hit;
    }
    if (PyErr_Occurred()) {
      return NULL;
    }
  }
  MLFunc *f = ml_func_new(m, name, NULL, NULL, 0);
  if (f == NULL) {
    return NULL;
  }
  if (m->calls == NULL && (m->calls = PyDict_New()) == NULL) {
    Py_DECREF(f);
    return NULL;
  }
  /* The dict, which m owns, keeps f: f must not own m in turn. */
  f->borrowed = 1;
  Py_DECREF(m);
  int rc = PyDict_SetItem(m->calls, name, (PyObject *)f);
  Py_DECREF(f);
  return rc < 0 ? NULL : f;
}

static PyObject *MLModule_call(PyObject *self, PyObject *const *args,
                               Py_ssize_t nargs, PyObject *kwnames) {
  MLModule *m = (MLModule *)self;
  PyObject *timeout_obj = NULL;
  Py_ssize_t nkw = kwnames != NULL ? PyTuple_Size(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kw = PyTuple_GetItem(kwnames, k);
    if (kw == NULL) {
      return NULL;
    }
    if (PyUnicode_CompareWithASCIIString(kw, "timeout") != 0) {
      PyErr_Format(PyExc_TypeError, "call() got an unexpected keyword argument %R",
                   kw);
      return NULL;
    }
    timeout_obj = args[nargs + k];
  }
  if (nargs < 1) {
    PyErr_SetString(PyExc_TypeError, "call() missing required argument 'name'");
    return NULL;
  }
  double timeout;
  if (ml_parse_timeout(timeout_obj, &timeout) < 0) {
    return NULL;
  }
  MLFunc *f;
  if (timeout == 0) {
    /* The common case: a kept function, no allocation but the result's. A
     * host function may close m meanwhile, which drops m->calls: hold f. */
    f = ml_call_func(m, args[0]);
    if (f == NULL) {
      return NULL;
    }
    Py_INCREF(f);
  } else {
    /* A timed call (rare, and slower anyway): a function of its own, whose
     * timeout the error message reports. */
    f = ml_func_new(m, args[0], NULL, NULL, timeout);
    if (f == NULL) {
      return NULL;
    }
  }
  PyObject *res = ml_invoke(f, args + 1, nargs - 1);
  Py_DECREF(f);
  return res;
}

/* Reads a Python int into *out (range errors become IndexError). */
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

/*
 * ml_memory_at returns the calling thread's memory at [off, off+n), or NULL
 * with ValueError (no memory) or IndexError (out of bounds) set. The
 * pointer is valid until the next call into WebAssembly.
 */
static uint8_t *ml_memory_at(MLModule *m, long long off, long long n) {
  if (ml_check_open(m) < 0) {
    return NULL;
  }
  ml_instance *inst = ml_current(m);
  if (inst == NULL) {
    return NULL;
  }
  size_t size;
  uint8_t *base = ml_memory(inst, &size);
  if (base == NULL) {
    PyErr_SetString(PyExc_ValueError,
                    "the module exports no memory named \"memory\"");
    return NULL;
  }
  if (off < 0 || n < 0 || (unsigned long long)off > size ||
      (unsigned long long)n > size - (unsigned long long)off) {
    PyErr_Format(PyExc_IndexError,
                 "memory access [%lld, %lld+%lld) out of bounds (memory size %zu)",
                 off, off, n, size);
    return NULL;
  }
  /* A zero-length access at the end is valid; base + size is not deref'd. */
  return base + off;
}

/* ml_call_method0 calls o.name() and drops the result. */
static int ml_call_method0(PyObject *o, const char *name) {
  PyObject *r = PyObject_CallMethod(o, name, NULL);
  if (r == NULL) {
    return -1;
  }
  Py_DECREF(r);
  return 0;
}

/*
 * ml_flat_view returns memoryview(obj).cast('B'): the bytes of any
 * C-contiguous buffer as a flat view, without copying. The limited API of
 * 3.10 has no PyObject_GetBuffer (3.11 added it), so views stand in for it.
 */
static PyObject *ml_flat_view(PyObject *obj, PyObject **outer) {
  *outer = PyMemoryView_FromObject(obj);
  if (*outer == NULL) {
    return NULL;
  }
  PyObject *flat = PyObject_CallMethod(*outer, "cast", "s", "B");
  if (flat == NULL) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    ml_call_method0(*outer, "release");
    PyErr_Clear();
    PyErr_Restore(t, v, tb);
    Py_CLEAR(*outer);
  }
  return flat;
}

/* ml_copy_views does dst[:] = src and releases both views and outer. */
static int ml_copy_views(PyObject *dst, PyObject *src, PyObject *outer) {
  PyObject *all = PySlice_New(NULL, NULL, NULL);
  int rc = all != NULL ? PyObject_SetItem(dst, all, src) : -1;
  Py_XDECREF(all);
  PyObject *t, *v, *tb;
  PyErr_Fetch(&t, &v, &tb); /* release() must run even after an error */
  ml_call_method0(dst, "release");
  ml_call_method0(src, "release");
  if (outer != NULL) {
    ml_call_method0(outer, "release");
  }
  PyErr_Clear();
  PyErr_Restore(t, v, tb);
  return rc;
}

PyDoc_STRVAR(memory_read_doc, "memory_read(offset, length) -> bytes\n\n"
                              "A copy of length bytes of the exported memory.");

static PyObject *MLModule_memory_read(PyObject *self, PyObject *const *args,
                                      Py_ssize_t nargs) {
  long long off, n;
  if (nargs != 2) {
    PyErr_Format(PyExc_TypeError,
                 "memory_read() takes exactly 2 arguments (%zd given)", nargs);
    return NULL;
  }
  if (ml_as_longlong(args[0], "offset", &off) < 0 ||
      ml_as_longlong(args[1], "length", &n) < 0) {
    return NULL;
  }
  uint8_t *p = ml_memory_at((MLModule *)self, off, n);
  if (p == NULL) {
    return NULL;
  }
  return ml_bytes((const char *)p, (Py_ssize_t)n);
}

PyDoc_STRVAR(memory_read_into_doc,
             "memory_read_into(offset, buffer) -> int\n\n"
             "Fill a writable C-contiguous buffer (bytearray, memoryview,\n"
             "array.array, NumPy array) with its size in bytes from the memory\n"
             "at offset; return that size.");

static PyObject *MLModule_memory_read_into(PyObject *self, PyObject *const *args,
                                           Py_ssize_t nargs) {
  long long off;
  if (nargs != 2) {
    PyErr_Format(PyExc_TypeError,
                 "memory_read_into() takes exactly 2 arguments (%zd given)", nargs);
    return NULL;
  }
  if (ml_as_longlong(args[0], "offset", &off) < 0 ||
      ml_check_open((MLModule *)self) < 0) {
    return NULL;
  }
  PyObject *outer;
  PyObject *dst = ml_flat_view(args[1], &outer);
  if (dst == NULL) {
    return NULL;
  }
  Py_ssize_t n = PyObject_Length(dst);
  uint8_t *p = n < 0 ? NULL : ml_memory_at((MLModule *)self, off, n);
  PyObject *src = p != NULL ? PyMemoryView_FromMemory((char *)p, n, PyBUF_READ) : NULL;
  if (src == NULL) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    ml_call_method0(dst, "release");
    ml_call_method0(outer, "release");
    PyErr_Clear();
    PyErr_Restore(t, v, tb);
    Py_DECREF(dst);
    Py_DECREF(outer);
    return NULL;
  }
  int rc = ml_copy_views(dst, src, outer);
  Py_DECREF(src);
  Py_DECREF(dst);
  Py_DECREF(outer);
  return rc < 0 ? NULL : PyLong_FromSsize_t(n);
}

PyDoc_STRVAR(memory_write_doc,
             "memory_write(offset, data) -> None\n\n"
             "Copy a bytes-like object (bytes, bytearray, memoryview,\n"
             "array.array, NumPy array, ...) into the memory at offset.");

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
  PyObject *data = args[1];
  if (PyBytes_Check(data)) {
    char *buf;
    Py_ssize_t len;
    if (PyBytes_AsStringAndSize(data, &buf, &len) < 0) {
      return NULL;
    }
    uint8_t *p = ml_memory_at(m, off, len);
    if (p == NULL) {
      return NULL;
    }
    if (len > 0) {
      memcpy(p, buf, (size_t)len);
    }
    return ml_none();
  }
  if (PyUnicode_Check(data) || PyLong_Check(data)) {
    PyErr_SetString(PyExc_TypeError, "data must be a bytes-like object");
    return NULL;
  }
  PyObject *outer;
  PyObject *src = ml_flat_view(data, &outer);
  if (src == NULL) {
    if (!PyErr_ExceptionMatches(PyExc_TypeError)) {
      return NULL;
    }
    /* Not C-contiguous (or no buffer at all): bytes() copies it once more,
     * or raises TypeError for objects without the buffer protocol. */
    PyErr_Clear();
    PyObject *bytes = PyBytes_FromObject(data);
    if (bytes == NULL) {
      return NULL;
    }
    PyObject *fwd[2] = {args[0], bytes};
    PyObject *res = MLModule_memory_write(self, fwd, 2);
    Py_DECREF(bytes);
    return res;
  }
  Py_ssize_t n = PyObject_Length(src);
  uint8_t *p = n < 0 ? NULL : ml_memory_at(m, off, n);
  PyObject *dst = p != NULL ? PyMemoryView_FromMemory((char *)p, n, PyBUF_WRITE) : NULL;
  if (dst == NULL) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    ml_call_method0(src, "release");
    ml_call_method0(outer, "release");
    PyErr_Clear();
    PyErr_Restore(t, v, tb);
    Py_DECREF(src);
    Py_DECREF(outer);
    return NULL;
  }
  int rc = ml_copy_views(dst, src, outer);
  Py_DECREF(dst);
  Py_DECREF(src);
  Py_DECREF(outer);
  return rc < 0 ? NULL : ml_none();
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
  if (ml_memory_at(m, 0, 0) == NULL) {
    return NULL;
  }
  size_t size;
  ml_memory(ml_current(m), &size);
  return PyLong_FromSize_t(size);
}

PyDoc_STRVAR(close_doc, "close() -> None\n\nRelease the instances; idempotent. "
                        "Callables from function() raise ValueError afterwards.\n"
                        "Calls running in other threads finish first.");

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

#define ML_FASTCALL_METHOD(name, doc)                                         \
  {#name, (PyCFunction)(void (*)(void))MLModule_##name, METH_FASTCALL, doc}

static PyMethodDef MLModule_methods[] = {
    ML_FASTCALL_METHOD(exports, exports_doc),
    ML_FASTCALL_METHOD(imports, imports_doc),
    ML_FASTCALL_METHOD(bounded, bounded_doc),
    {"function", (PyCFunction)(void (*)(void))MLModule_function,
     METH_FASTCALL | METH_KEYWORDS, function_doc},
    {"call", (PyCFunction)(void (*)(void))MLModule_call,
     METH_FASTCALL | METH_KEYWORDS, call_doc},
    ML_FASTCALL_METHOD(memory_read, memory_read_doc),
    ML_FASTCALL_METHOD(memory_read_into, memory_read_into_doc),
    ML_FASTCALL_METHOD(memory_write, memory_write_doc),
    ML_FASTCALL_METHOD(memory_size, memory_size_doc),
    ML_FASTCALL_METHOD(close, close_doc),
    ML_FASTCALL_METHOD(record_call, record_call_doc),
    ML_FASTCALL_METHOD(last_call, last_call_doc),
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

static PyType_Spec MLModule_spec = {
    .name = "multilingualprogramming._native.Module",
    .basicsize = sizeof(MLModule),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = MLModule_slots,
};

/* --------------------------------------------------------- module level */

PyDoc_STRVAR(compile_doc,
             "compile(source, filename, language, optimize, disable=None, wat=False)"
             " -> dict\n\n"
             "Compile a multilingual program. Raises CompileError whose args[0]\n"
             "is a list of error dicts (file, line, col, end_line, end_col,\n"
             "msg, text, lang). disable names passes to switch off, comma-\n"
             "separated (ValueError for an unknown one); wat=True adds the\n"
             "module as text under \"wat\".");

static PyObject *ml_compile(PyObject *module, PyObject *const *args,
                            Py_ssize_t nargs, PyObject *kwnames) {
  enum { NARGS = 6 };
  static const char *names[NARGS] = {"source",   "filename", "language",
                                     "optimize", "disable",  "wat"};
  PyObject *vals[NARGS] = {NULL, NULL, NULL, NULL, NULL, NULL};
  if (ml_check_fork() < 0) {
    return NULL;
  }
  if (nargs > NARGS) {
    PyErr_Format(PyExc_TypeError,
                 "compile() takes at most 6 arguments (%zd given)", nargs);
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
    for (int j = 0; j < NARGS; j++) {
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
  const char *disable = NULL;
  Py_ssize_t disablelen = 0;
  if (vals[4] != NULL && vals[4] != Py_None) {
    if (!PyUnicode_Check(vals[4])) {
      PyErr_SetString(PyExc_TypeError, "compile() disable must be str or None");
      return NULL;
    }
    disable = PyUnicode_AsUTF8AndSize(vals[4], &disablelen);
    if (disable == NULL) {
      return NULL;
    }
  }
  int wat = 0;
  if (vals[5] != NULL) {
    wat = PyObject_IsTrue(vals[5]);
    if (wat < 0) {
      return NULL;
    }
  }
  ml_state *st = ml_get_state(module);
  /* The compile runs without the GIL: other threads go on meanwhile. src,
   * file and lang point into the str objects of args, which the caller
   * keeps alive; Go copies them before anything else. */
  int code = 0;
  char *msg = NULL;
  uintptr_t h;
  Py_BEGIN_ALLOW_THREADS
  h = mlgo_compile_run((char *)src, srclen, (char *)file, filelen, (char *)lang,
                       langlen, optimize, (char *)disable, disablelen, wat,
                       &code, &msg);
  Py_END_ALLOW_THREADS
  if (h == 0) {
    mlgo_raise(code, msg);
    return NULL;
  }
  return mlgo_compile_result(h, st->CompileError);
}

PyDoc_STRVAR(translate_doc,
             "translate(source, filename, language, to) -> dict\n\n"
             "The program printed in language `to`: {\"text\", \"language\" (the\n"
             "source's, detected when None), \"renamed\" (old name -> new)}. Comments\n"
             "are not kept. Raises CompileError as compile() does.");

static PyObject *ml_translate(PyObject *module, PyObject *const *args,
                              Py_ssize_t nargs) {
  if (nargs != 4) {
    PyErr_Format(PyExc_TypeError,
                 "translate() takes exactly 4 arguments (%zd given)", nargs);
    return NULL;
  }
  if (ml_check_fork() < 0) {
    return NULL;
  }
  const char *s[4] = {NULL, NULL, NULL, NULL};
  Py_ssize_t n[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; i++) {
    if (args[i] == Py_None && i == 2) {
      continue;
    }
    if (!PyUnicode_Check(args[i])) {
      PyErr_Format(PyExc_TypeError, "translate() argument %d must be str%s", i + 1,
                   i == 2 ? " or None" : "");
      return NULL;
    }
    s[i] = PyUnicode_AsUTF8AndSize(args[i], &n[i]);
    if (s[i] == NULL) {
      return NULL;
    }
  }
  return mlgo_translate((char *)s[0], n[0], (char *)s[1], n[1], (char *)s[2], n[2],
                        (char *)s[3], n[3], ml_get_state(module)->CompileError);
}

PyDoc_STRVAR(set_trap_class_doc,
             "set_trap_class(cls) -> None\n\n"
             "Raise cls(message) for traps with no builtin exception (default:\n"
             "_native.WasmTrap), with attributes kind, wasm_backtrace and function.\n"
             "cls must be a subclass of RuntimeError.");

static PyObject *ml_set_trap_class(PyObject *module, PyObject *const *args,
                                   Py_ssize_t nargs) {
  if (nargs != 1) {
    PyErr_Format(PyExc_TypeError,
                 "set_trap_class() takes exactly 1 argument (%zd given)", nargs);
    return NULL;
  }
  int ok = PyType_Check(args[0]) ? PyObject_IsSubclass(args[0], PyExc_RuntimeError) : 0;
  if (ok < 0) {
    return NULL;
  }
  if (!ok) {
    PyErr_SetString(PyExc_TypeError,
                    "set_trap_class() needs a subclass of RuntimeError");
    return NULL;
  }
  ml_state *st = ml_get_state(module);
  PyObject *old = st->TrapClass;
  Py_INCREF(args[0]);
  st->TrapClass = args[0];
  Py_XDECREF(old);
  return ml_none();
}

PyDoc_STRVAR(guard_signals_doc,
             "guard_signals() -> int\n\n"
             "Keep WebAssembly traps working after a signal handler (faulthandler)\n"
             "was installed over Wasmtime's, and Ctrl-C stopping WebAssembly calls\n"
             "after a SIGINT handler was installed (signal.signal); returns the\n"
             "number of signals guarded.");

static PyObject *ml_guard_signals(PyObject *module, PyObject *const *args,
                                  Py_ssize_t nargs) {
  if (nargs != 0) {
    PyErr_Format(PyExc_TypeError,
                 "guard_signals() takes no arguments (%zd given)", nargs);
    return NULL;
  }
  /* Wasmtime's handlers first, so that the ones found over them are
   * really another's (wasm.EnginesReady): the engines may still be in
   * creation on Prewarm's goroutine. */
  if (!mlgo_engines_ready() && PyErr_Occurred()) {
    return NULL;
  }
  return PyLong_FromLong(ml_signals_guard() + ml_sigint_guard());
}

PyDoc_STRVAR(cache_dir_doc,
             "cache_dir() -> str | None\n\n"
             "The directory of the compiled-module disk cache, or None when it is off.");

static PyObject *ml_cache_dir(PyObject *module, PyObject *const *args,
                              Py_ssize_t nargs) {
  if (nargs != 0) {
    PyErr_Format(PyExc_TypeError, "cache_dir() takes no arguments (%zd given)",
                 nargs);
    return NULL;
  }
  if (ml_check_fork() < 0) {
    return NULL;
  }
  return mlgo_cache_dir();
}

PyDoc_STRVAR(set_cache_dir_doc,
             "set_cache_dir(path) -> None\n\n"
             "Keep compiled modules in path (created with mode 0700; refused with\n"
             "PermissionError if another user owns it or others may write to it;\n"
             "a relative path is resolved now); None turns the disk\n"
             "cache off. At import it is $MULTILINGUAL_CACHE_DIR, else the user\n"
             "cache directory's multilingualprogramming; MULTILINGUAL_CACHE_DIR=off\n"
             "turns it off.");

static PyObject *ml_set_cache_dir(PyObject *module, PyObject *const *args,
                                  Py_ssize_t nargs) {
  if (nargs != 1) {
    PyErr_Format(PyExc_TypeError,
                 "set_cache_dir() takes exactly 1 argument (%zd given)", nargs);
    return NULL;
  }
  if (ml_check_fork() < 0) {
    return NULL;
  }
  const char *path = "";
  Py_ssize_t n = 0;
  PyObject *fs = NULL;
  if (args[0] != Py_None) {
    if (!PyUnicode_FSConverter(args[0], &fs)) {
      return NULL;
    }
    char *p;
    if (PyBytes_AsStringAndSize(fs, &p, &n) < 0) {
      Py_DECREF(fs);
      return NULL;
    }
    path = p;
    if (n == 0) {
      Py_DECREF(fs);
      PyErr_SetString(PyExc_ValueError, "set_cache_dir() needs a path or None");
      return NULL;
    }
  }
  int rc = mlgo_set_cache_dir((char *)path, n);
  Py_XDECREF(fs);
  return rc < 0 ? NULL : ml_none();
}

PyDoc_STRVAR(cache_error_doc,
             "cache_error() -> str | None\n\n"
             "Why the disk cache is off since the extension was imported (a directory\n"
             "another user owns or others may write to, or one that cannot be\n"
             "created), or None.");

static PyObject *ml_cache_error(PyObject *module, PyObject *const *args,
                                Py_ssize_t nargs) {
  if (nargs != 0) {
    PyErr_Format(PyExc_TypeError, "cache_error() takes no arguments (%zd given)",
                 nargs);
    return NULL;
  }
  return mlgo_cache_error();
}

PyDoc_STRVAR(fallback_reason_doc,
             "fallback_reason() -> str | None\n\n"
             "Why the Python fallback that this thread runs was called\n"
             "('wasm-overflow-fallback', 'wasm-argument-fallback', ...): the\n"
             "innermost one, or None outside fallbacks.");

static PyObject *ml_fallback_reason_fn(PyObject *module, PyObject *const *args,
                                       Py_ssize_t nargs) {
  (void)module;
  (void)args;
  if (nargs != 0) {
    PyErr_Format(PyExc_TypeError,
                 "fallback_reason() takes no arguments (%zd given)", nargs);
    return NULL;
  }
  if (ml_fallback_reason == NULL) {
    return ml_none();
  }
  Py_INCREF(ml_fallback_reason);
  return ml_fallback_reason;
}

static PyMethodDef ml_methods[] = {
    {"fallback_reason", (PyCFunction)(void (*)(void))ml_fallback_reason_fn,
     METH_FASTCALL, fallback_reason_doc},
    {"compile", (PyCFunction)(void (*)(void))ml_compile,
     METH_FASTCALL | METH_KEYWORDS, compile_doc},
    {"translate", (PyCFunction)(void (*)(void))ml_translate, METH_FASTCALL,
     translate_doc},
    {"set_trap_class", (PyCFunction)(void (*)(void))ml_set_trap_class,
     METH_FASTCALL, set_trap_class_doc},
    {"cache_dir", (PyCFunction)(void (*)(void))ml_cache_dir, METH_FASTCALL,
     cache_dir_doc},
    {"cache_error", (PyCFunction)(void (*)(void))ml_cache_error, METH_FASTCALL,
     cache_error_doc},
    {"guard_signals", (PyCFunction)(void (*)(void))ml_guard_signals,
     METH_FASTCALL, guard_signals_doc},
    {"set_cache_dir", (PyCFunction)(void (*)(void))ml_set_cache_dir,
     METH_FASTCALL, set_cache_dir_doc},
    {NULL, NULL, 0, NULL},
};

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
  Py_INCREF(st->WasmTrap);
  st->TrapClass = st->WasmTrap;
  pthread_once(&ml_fork_once, ml_fork_init);
  if (ml_check_fork() < 0) {
    return -1; /* imported again in a forked child */
  }
  ml_find_main_thread();
  ml_sigint_guard();
  mlgo_cache_setup();
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
      ml_add_string(&st->s_unsupported, "wasm-unsupported-fallback") < 0 ||
      ml_add_string(&st->s_memory, "wasm-memory-fallback") < 0 ||
      ml_add_string(&st->s_reentrant, "wasm-reentrant-fallback") < 0) {
    return -1;
  }
  if (PyModule_AddIntConstant(m, "ABI_VERSION", ML_ABI_VERSION) < 0) {
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
  Py_VISIT(st->TrapClass);
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
  Py_CLEAR(st->TrapClass);
  Py_CLEAR(st->ModuleType);
  Py_CLEAR(st->FuncType);
  Py_CLEAR(st->s_wasm);
  Py_CLEAR(st->s_python);
  Py_CLEAR(st->s_int_overflow);
  Py_CLEAR(st->s_argument_type);
  Py_CLEAR(st->s_overflow);
  Py_CLEAR(st->s_unsupported);
  Py_CLEAR(st->s_memory);
  Py_CLEAR(st->s_reentrant);
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
