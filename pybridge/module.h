/*
 * module.h: what the C files of the extension multilingualprogramming._native
 * share (the layout of CPython's Modules/_sqlite: one header, one file per
 * concern):
 *
 *   module.c      the module: state, initialization, module-level functions
 *                 (compile, translate, set_trap_class, cache_dir, ...)
 *   wasmmodule.c  the Module type (a WebAssembly module) and its methods
 *   func.c        the type behind Module.function's callables: an export's
 *                 conversions, built from its signature
 *   call.c        the hot path: argument conversion, the call into
 *                 WebAssembly, result conversion, traps and fallbacks, for
 *                 function() callables and Module.call. Everything a call
 *                 runs is in that one file, so that the compiler inlines it.
 *   memory.c      Module.memory_read, memory_read_into, memory_write,
 *                 memory_size
 *   threads.c     fork detection, Ctrl-C arming on the main thread, the
 *                 per-thread records and the per-thread instances of a Module
 *   host.c        Python host functions called from WebAssembly, and the
 *                 per-thread stash of their exceptions
 *   dispatch.c    the type behind a Program's prog.call and prog.name: the
 *                 cache lookup and the call, in C (Python only for misses)
 *   args.c        the argument checks that functions and methods share
 *   vcall.c       calls of Python callables from C through PyObject_Vectorcall
 *                 when the running CPython has it (no tuple, no dict)
 *   lists.c       lists and str across the bridge (lists.h)
 *
 * Go is reached only through the mlgo_* functions of export.go
 * (_cgo_export.h), never on the call fast path. Names shared between the
 * files are ML_INTERNAL: hidden from the extension's exported symbols, so
 * that calls between files are direct calls and data is reached without
 * the GOT.
 */
#ifndef ML_MODULE_H
#define ML_MODULE_H

#include "bridge.h"
#include "lists.h"

#include "_cgo_export.h"

/* ML_INTERNAL marks what one file of the extension shares with the others. */
#define ML_INTERNAL __attribute__((visibility("hidden")))

/* ML_HOT marks the functions every call runs (ml_func_call, ml_invoke,
 * MLModule_call, ml_record_set of call.c, ml_current_t and ml_arm of
 * threads.c, the dispatchers of dispatch.c): the compiler optimizes them
 * for speed and puts them in .text.hot, each starting on a 64-byte
 * boundary; pybridge/hot.ld then places that section, with the Wasmtime
 * functions of a call, page-aligned before all other code, so that the
 * speed of a call does not depend on how much Go code the extension holds
 * (up to 20 ns either way on the benchmarks). A function these call on
 * every call must be one of them or inlined into them (always_inline):
 * anywhere else it moves with the Go code again. */
#define ML_HOT __attribute__((hot, aligned(64)))

/* ML_DOC defines the docstring name of a method that another file's
 * method table lists (PyDoc_STRVAR, but visible to the other files). */
#define ML_DOC(name, str) ML_INTERNAL const char name[] = PyDoc_STR(str)

/* ---------------------------------------------------------------- state */

typedef struct {
  PyObject *CompileError; /* Exception subclass; args[0] is a list of dicts */
  PyObject *WasmTrap;     /* RuntimeError subclass: traps with no builtin */
  PyObject *TrapClass;    /* what traps raise: WasmTrap or set_trap_class()'s */
  PyObject *ModuleType;
  PyObject *FuncType;
  PyObject *DispatchType;
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

/* ------------------------------------------------------------- structs */

/* An OS thread that called a module (threads.c). */
typedef struct ml_thread ml_thread;

/* One thread's instance of a module. */
typedef struct {
  ml_thread *thread;  /* referenced */
  uintptr_t handle;   /* cgo.Handle of the Go *wasm.Instance */
  ml_instance *inst;  /* its C view, valid until the handle is closed */
} ml_slot;

/* A Module (wasmmodule.c). */
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

/* A callable for one exported function (see Module.function; func.c). */
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
  /* The parameters' names (a tuple of nparams str, strong), which calls
   * with keywords bind to (keywords.c); NULL: keywords are refused. */
  PyObject *params;
} MLFunc;

/* ------------------------------------------------------------ threads.c */

/* ml_forked is set in a child created by fork() (see threads.c). */
extern ML_INTERNAL volatile int ml_forked;

/* ml_fork_setup installs the fork handler, once per process. */
ML_INTERNAL void ml_fork_setup(void);

/* ml_fork_error raises the RuntimeError of a forked child; returns -1. */
ML_INTERNAL int ml_fork_error(void);

/* ml_check_fork raises RuntimeError (and returns -1) in a forked child. */
static inline int ml_check_fork(void) {
  if (__builtin_expect(!ml_forked, 1)) {
    return 0;
  }
  return ml_fork_error();
}

/* ml_check_open raises (and returns -1) in a forked child or when m is
 * closed. */
static inline int ml_check_open(MLModule *m) {
  if (ml_check_fork() < 0) {
    return -1;
  }
  if (m->handle == 0) {
    PyErr_SetString(PyExc_ValueError, "WebAssembly module is closed");
    return -1;
  }
  return 0;
}

/* ml_find_main_thread records the ident of Python's main thread. */
ML_INTERNAL void ml_find_main_thread(void);

/* ml_arm arms t for a call into inst (NULL: an instantiation) on the main
 * thread, for Ctrl-C: 1 if armed, 0 if not, -1 with an exception set. */
ML_INTERNAL int ml_arm(ml_interrupt_target *t, ml_instance *inst);

/* ml_raise_interrupt raises what a SIGINT that stopped a call means. */
ML_INTERNAL void ml_raise_interrupt(void);

/* ml_current_t returns the calling thread's instance of the open module
 * m, made on the thread's first call within timeout seconds (0: the
 * module's start_timeout); NULL with an exception set. */
ML_INTERNAL ml_instance *ml_current_t(MLModule *m, double timeout);

/* The calling thread's record (threads.c), NULL before its first call. */
extern ML_INTERNAL ML_TLS ml_thread *ml_tl_self;

/* ml_current_open is ml_current_t with its common case inline: the
 * calling thread has the module's first instance. m must be open
 * (ml_check_open: this is no forked child). */
static inline __attribute__((always_inline)) ml_instance *
ml_current_open(MLModule *m, double timeout) {
  /* A slot's thread is never NULL, and while the slot holds it no other
   * thread's record can have its address. */
  if (__builtin_expect(m->nslots > 0 && m->slots[0].thread == ml_tl_self, 1)) {
    return m->slots[0].inst;
  }
  return ml_current_t(m, timeout);
}

/* ml_current is ml_current_t with the module's time limit. */
static inline ml_instance *ml_current(MLModule *m) { return ml_current_t(m, 0); }

/* ml_module_release closes every instance of m and the template tpl (no
 * call may be running). */
ML_INTERNAL void ml_module_release(MLModule *m, uintptr_t tpl);

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

/* --------------------------------------------------------------- host.c */

/* The exception a Python host function raised during the thread's current
 * call into WebAssembly, or NULL (see host.c). */
extern ML_INTERNAL ML_TLS PyObject *ml_pending_type;

/* ml_restore_pending raises the stashed exception, if any (returns 1). */
ML_INTERNAL int ml_restore_pending(void);

/* Host functions for Go: parallel arrays built from the imports dict. */
typedef struct {
  Py_ssize_t n;
  const char **mods, **names;
  Py_ssize_t *modlens, *namelens;
  PyObject **fns; /* borrowed from the dict, which the module keeps */
} ml_imports;

/* ml_imports_from reads {(module, name): callable} (None: no imports). */
ML_INTERNAL int ml_imports_from(PyObject *dict, ml_imports *im);

/* ml_imports_free releases what ml_imports_from allocated. */
ML_INTERNAL void ml_imports_free(ml_imports *im);

/* --------------------------------------------------------------- call.c */

/* ml_record_set sets what last_call() reports. */
ML_INTERNAL void ml_record_set(MLModule *m, PyObject *name, PyObject *backend,
                               PyObject *reason);

/* ml_record sets what last_call() reports, inline when it is already so
 * (calls of one function in a row). */
static inline __attribute__((always_inline)) void
ml_record(MLModule *m, PyObject *name, PyObject *backend, PyObject *reason) {
  if (m->last_name != name || m->last_backend != backend || m->last_reason != reason) {
    ml_record_set(m, name, backend, reason);
  }
}

/* ml_func_call_kw is the METH_FASTCALL | METH_KEYWORDS implementation
 * behind a function() callable made with params (self is its MLFunc, whose
 * params is set): keywords bound to the parameters' names (keywords.c),
 * then ml_func_call. A callable without params is METH_FASTCALL, calling
 * ml_func_call, and CPython refuses its keywords. */
ML_INTERNAL PyObject *ml_func_call_kw(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                      PyObject *kwnames);

/* ml_raise_arity raises the TypeError of a positional call of f with
 * nargs arguments, not f->nparams: CPython's words where f knows its
 * parameters' names ("f() missing 1 required positional argument: 'b'",
 * "f() takes 2 positional arguments but 3 were given"), else "f() takes
 * 2 arguments (3 given)". */
ML_INTERNAL void ml_raise_arity(MLFunc *f, Py_ssize_t nargs);

/* ml_call_fallback calls f->fallback(*args, **keywords) (kwnames as a
 * vectorcall has them, or NULL) and records the call as Python's, for
 * reason. */
ML_INTERNAL PyObject *ml_call_fallback(MLFunc *f, PyObject *const *args, Py_ssize_t nargs,
                                       PyObject *kwnames, PyObject *reason);

/* ml_func_call is the METH_FASTCALL implementation behind every
 * function() callable (self is its MLFunc). */
ML_INTERNAL PyObject *ml_func_call(PyObject *self, PyObject *const *args,
                                   Py_ssize_t nargs);

/* MLModule_call is Module.call. */
ML_INTERNAL PyObject *MLModule_call(PyObject *self, PyObject *const *args,
                                    Py_ssize_t nargs, PyObject *kwnames);
extern ML_INTERNAL const char call_doc[];

/* ml_current_fallback_reason returns the reason of the innermost fallback
 * this thread runs (borrowed), or NULL outside fallbacks. */
ML_INTERNAL PyObject *ml_current_fallback_reason(void);

/* --------------------------------------------------------------- func.c */

extern ML_INTERNAL PyType_Spec MLFunc_spec;

/* ml_func_new creates the MLFunc for export name of m; NULL with an
 * exception set. */
ML_INTERNAL MLFunc *ml_func_new(MLModule *m, PyObject *name, PyObject *signature,
                                PyObject *fallback, double timeout);

/* ml_func_doc returns the human-readable signature of f, its docstring. */
ML_INTERNAL PyObject *ml_func_doc(MLFunc *f);

/* ----------------------------------------------------------- dispatch.c */

extern ML_INTERNAL PyType_Spec MLDispatch_spec;

/* ml_dispatcher is the module-level function dispatcher(). */
ML_INTERNAL PyObject *ml_dispatcher(PyObject *module, PyObject *const *args,
                                    Py_ssize_t nargs, PyObject *kwnames);
extern ML_INTERNAL const char dispatcher_doc[];

/* ml_program_method is the module-level function program_method(). */
ML_INTERNAL PyObject *ml_program_method(PyObject *module, PyObject *const *args,
                                        Py_ssize_t nargs);
extern ML_INTERNAL const char program_method_doc[];

/* ml_program_call_for is the module-level function program_call_for(). */
ML_INTERNAL PyObject *ml_program_call_for(PyObject *module, PyObject *prog);
extern ML_INTERNAL const char program_call_for_doc[];

/* ml_wasm_module_method is the module-level function wasm_module_method(). */
ML_INTERNAL PyObject *ml_wasm_module_method(PyObject *module, PyObject *const *args,
                                            Py_ssize_t nargs);
extern ML_INTERNAL const char wasm_module_method_doc[];

/* ml_python_call is the module-level function python_call(). */
ML_INTERNAL PyObject *ml_python_call(PyObject *module, PyObject *const *args,
                                     Py_ssize_t nargs);
extern ML_INTERNAL const char python_call_doc[];

/* --------------------------------------------------------- wasmmodule.c */

extern ML_INTERNAL PyType_Spec MLModule_spec;

/* ------------------------------------------------------------- memory.c */

ML_INTERNAL PyObject *MLModule_memory_read(PyObject *self, PyObject *const *args,
                                           Py_ssize_t nargs);
ML_INTERNAL PyObject *MLModule_memory_read_into(PyObject *self, PyObject *const *args,
                                                Py_ssize_t nargs);
ML_INTERNAL PyObject *MLModule_memory_write(PyObject *self, PyObject *const *args,
                                            Py_ssize_t nargs);
ML_INTERNAL PyObject *MLModule_memory_size(PyObject *self, PyObject *unused);
extern ML_INTERNAL const char memory_read_doc[];
extern ML_INTERNAL const char memory_read_into_doc[];
extern ML_INTERNAL const char memory_write_doc[];
extern ML_INTERNAL const char memory_size_doc[];

/* -------------------------------------------------------------- vcall.c */

/* The signature of PyObject_Vectorcall (CPython 3.9 and later). */
typedef PyObject *(*ml_vectorcall_t)(PyObject *callable, PyObject *const *args, size_t nargsf,
                                     PyObject *kwnames);

/* ml_vectorcall is the running CPython's PyObject_Vectorcall, or NULL
 * where it is absent (3.10) or disabled (MULTILINGUAL_NO_VECTORCALL=1). */
extern ML_INTERNAL ml_vectorcall_t ml_vectorcall;

/* Py_TPFLAGS_HAVE_VECTORCALL (PEP 590, CPython 3.8 and later), which the
 * limited API of 3.10 does not declare. */
#define ML_TPFLAGS_HAVE_VECTORCALL (1UL << 11)

/* ml_function_type is the running CPython's type of Python functions,
 * and ml_function_vectorcall the offset of a function's vectorcall
 * pointer in it, where ml_vcall may read it (see vcall.c); else NULL. */
extern ML_INTERNAL PyObject *ml_function_type;
extern ML_INTERNAL Py_ssize_t ml_function_vectorcall;

/* ml_known_layout reports whether the running CPython is one whose
 * object layouts the extension reads beyond the limited API (a method
 * descriptor's, a type's vectorcall offset) are known: 3.8 to 3.13. */
ML_INTERNAL int ml_known_layout(void);

/* ml_vectorcall_setup looks the running CPython's call functions up, once
 * per process. */
ML_INTERNAL void ml_vectorcall_setup(void);

/* ml_vectorcall_way names the way Python callables are called:
 * "vectorcall", "vectorcall-dict" (PyObject_VectorcallDict) or "tuple". */
ML_INTERNAL const char *ml_vectorcall_way(void);

/* ml_vcall_general calls fn as ml_vcall does, without PyObject_Vectorcall:
 * through PyObject_VectorcallDict where there is one, else a tuple of the
 * positional arguments; a dict of the keyword ones. */
ML_INTERNAL PyObject *ml_vcall_general(PyObject *fn, PyObject *const *args, Py_ssize_t nargs,
                                       PyObject *kwnames);

/* ml_vcall calls fn(*args[:nargs], **{kwnames[k]: args[nargs + k]}),
 * kwnames a tuple of str or NULL, as a vectorcall does. */
static inline PyObject *ml_vcall(PyObject *fn, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames) {
  if ((PyObject *)Py_TYPE(fn) == ml_function_type) {
    /* A Python function (a program's fallback): its own vectorcall, as
     * PyObject_Vectorcall would call it. */
    ml_vectorcall_t vc;
    memcpy(&vc, (char *)fn + ml_function_vectorcall, sizeof vc);
    if (vc != NULL) {
      return vc(fn, args, (size_t)nargs, kwnames);
    }
  }
  if (__builtin_expect(ml_vectorcall != NULL, 1)) {
    return ml_vectorcall(fn, args, (size_t)nargs, kwnames);
  }
  return ml_vcall_general(fn, args, nargs, kwnames);
}

/* ml_vcall_prefixed calls fn(*prefix, *args, **keywords): ml_vcall with
 * the np objects of prefix before the arguments. */
ML_INTERNAL PyObject *ml_vcall_prefixed(PyObject *fn, PyObject *const *prefix, Py_ssize_t np,
                                        PyObject *const *args, Py_ssize_t nargs,
                                        PyObject *kwnames);

/* --------------------------------------------------------------- args.c */

/* ml_nargs checks that what() got exactly want positional arguments: it
 * returns 0, or -1 with TypeError "what() takes exactly N argument(s)
 * (M given)" ("takes no arguments" for 0). */
ML_INTERNAL int ml_nargs(const char *what, Py_ssize_t nargs, int want);

/* ml_keywords fills vals[] from positional args then keyword arguments
 * named names[] (n of them); what() names the function in errors. */
ML_INTERNAL int ml_keywords(const char *what, const char *const *names, int n,
                            PyObject **vals, PyObject *const *args,
                            Py_ssize_t nargs, PyObject *kwnames);

/* ml_parse_timeout reads a timeout: None (0, no limit) or seconds > 0. */
ML_INTERNAL int ml_parse_timeout(PyObject *o, double *out);

/* ml_opt_str reads an optional str argument (NULL or None: unchanged);
 * TypeError with msg for anything else. */
ML_INTERNAL int ml_opt_str(PyObject *o, const char *msg, const char **out,
                           Py_ssize_t *len);

/* ml_opt_bool reads an optional truth value (NULL: unchanged). */
ML_INTERNAL int ml_opt_bool(PyObject *o, int *out);

#endif /* ML_MODULE_H */
