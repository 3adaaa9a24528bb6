//go:build pyext

/*
 * module.c: the CPython extension multilingualprogramming._native: its
 * module-level functions, state and initialization (module.h lists the
 * other files).
 *
 * Follows CPython's xxlimited template for the stable ABI (3.10): the module
 * is defined with PyModuleDef and multi-phase initialization, its exception
 * classes and heap types live in module state, and its functions use
 * METH_FASTCALL with explicit argument checks (args.c); Module's methods
 * without arguments are METH_NOARGS. Go is reached only through the mlgo_*
 * functions of export.go, never on the call fast path.
 */

#include "module.h"

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
  static const char *const names[] = {"source",   "filename", "language",
                                      "optimize", "disable",  "wat"};
  PyObject *vals[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
  if (ml_check_fork() < 0 ||
      ml_keywords("compile", names, 6, vals, args, nargs, kwnames) < 0) {
    return NULL;
  }
  if (vals[0] == NULL || !PyUnicode_Check(vals[0])) {
    PyErr_SetString(PyExc_TypeError, "compile() source must be str");
    return NULL;
  }
  Py_ssize_t srclen, filelen = 8, langlen = 0; /* 8: strlen("<source>") */
  const char *src = PyUnicode_AsUTF8AndSize(vals[0], &srclen);
  if (src == NULL) {
    return NULL;
  }
  const char *file = "<source>", *lang = NULL, *disable = NULL;
  Py_ssize_t disablelen = 0;
  int optimize = 0, wat = 0;
  if (ml_opt_str(vals[1], "compile() filename must be str", &file, &filelen) < 0 ||
      ml_opt_str(vals[2], "compile() language must be str or None", &lang, &langlen) < 0 ||
      ml_opt_bool(vals[3], &optimize) < 0 ||
      ml_opt_str(vals[4], "compile() disable must be str or None", &disable, &disablelen) < 0 ||
      ml_opt_bool(vals[5], &wat) < 0) {
    return NULL;
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
  if (ml_nargs("translate", nargs, 4) < 0 || ml_check_fork() < 0) {
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

PyDoc_STRVAR(message_doc,
             "message(language, id) -> str\n\n"
             "The text of message `id` of the catalogue (core/lang/data) in the\n"
             "language with code `language`, its keywords spelled in that language and\n"
             "its %s/%d verbs left for the caller to fill; English where the language\n"
             "has none. Raises ValueError for an unknown language, KeyError for an\n"
             "unknown id.");

static PyObject *ml_message(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
  (void)module;
  if (ml_nargs("message", nargs, 2) < 0) {
    return NULL;
  }
  const char *s[2];
  Py_ssize_t n[2];
  for (int i = 0; i < 2; i++) {
    if (!PyUnicode_Check(args[i])) {
      PyErr_Format(PyExc_TypeError, "message() argument %d must be str", i + 1);
      return NULL;
    }
    s[i] = PyUnicode_AsUTF8AndSize(args[i], &n[i]);
    if (s[i] == NULL) {
      return NULL;
    }
  }
  return mlgo_message((char *)s[0], n[0], (char *)s[1], n[1]);
}

PyDoc_STRVAR(set_trap_class_doc,
             "set_trap_class(cls) -> None\n\n"
             "Raise cls(message) for traps with no builtin exception (default:\n"
             "_native.WasmTrap), with attributes kind, wasm_backtrace and function.\n"
             "cls must be a subclass of RuntimeError.");

static PyObject *ml_set_trap_class(PyObject *module, PyObject *const *args,
                                   Py_ssize_t nargs) {
  if (ml_nargs("set_trap_class", nargs, 1) < 0) {
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
  if (ml_nargs("guard_signals", nargs, 0) < 0) {
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
  if (ml_nargs("cache_dir", nargs, 0) < 0) {
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
  if (ml_nargs("set_cache_dir", nargs, 1) < 0 || ml_check_fork() < 0) {
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
  if (ml_nargs("cache_error", nargs, 0) < 0) {
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
  if (ml_nargs("fallback_reason", nargs, 0) < 0) {
    return NULL;
  }
  PyObject *reason = ml_current_fallback_reason();
  if (reason == NULL) {
    return ml_none();
  }
  Py_INCREF(reason);
  return reason;
}

/* METH_FASTCALL also for the functions without arguments: CPython (3.11 to
 * 3.13) specializes the calls of builtin functions for METH_FASTCALL but
 * not for METH_NOARGS, which would cost fallback_reason(), run by every
 * fallback, about 8 ns more per call. (Module's methods are METH_NOARGS:
 * called as methods, they are specialized for both.) */
#define ML_FUNCTION(name, fn, flags)                                          \
  {#name, (PyCFunction)(void (*)(void))fn, flags, name##_doc}

static PyMethodDef ml_methods[] = {
    ML_FUNCTION(fallback_reason, ml_fallback_reason_fn, METH_FASTCALL),
    ML_FUNCTION(compile, ml_compile, METH_FASTCALL | METH_KEYWORDS),
    ML_FUNCTION(translate, ml_translate, METH_FASTCALL),
    ML_FUNCTION(message, ml_message, METH_FASTCALL),
    ML_FUNCTION(set_trap_class, ml_set_trap_class, METH_FASTCALL),
    ML_FUNCTION(cache_dir, ml_cache_dir, METH_FASTCALL),
    ML_FUNCTION(cache_error, ml_cache_error, METH_FASTCALL),
    ML_FUNCTION(guard_signals, ml_guard_signals, METH_FASTCALL),
    ML_FUNCTION(set_cache_dir, ml_set_cache_dir, METH_FASTCALL),
    ML_FUNCTION(dispatcher, ml_dispatcher, METH_FASTCALL | METH_KEYWORDS),
    ML_FUNCTION(program_method, ml_program_method, METH_FASTCALL),
    ML_FUNCTION(program_call_for, ml_program_call_for, METH_O),
    ML_FUNCTION(wasm_module_method, ml_wasm_module_method, METH_FASTCALL),
    ML_FUNCTION(python_call, ml_python_call, METH_FASTCALL),
    {NULL, NULL, 0, NULL},
};

static int ml_add_string(PyObject **slot, const char *s) {
  *slot = PyUnicode_InternFromString(s);
  return *slot == NULL ? -1 : 0;
}

/* ml_python_minor returns the minor version of the running CPython
 * (12 for 3.12.1), read from Py_GetVersion(), which the stable ABI has on
 * every version. */
static int ml_python_minor(void) {
  const char *v = Py_GetVersion(); /* "3.12.1 (main, ...)" */
  int minor = 0;
  const char *p = strchr(v, '.');
  for (p = p != NULL ? p + 1 : v + strlen(v); *p >= '0' && *p <= '9'; p++) {
    minor = minor * 10 + (*p - '0');
  }
  return minor;
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
  ml_fork_setup();
  if (ml_check_fork() < 0) {
    return -1; /* imported again in a forked child */
  }
  ml_find_main_thread();
  ml_sigint_guard();
  ml_vectorcall_setup();
  mlgo_set_python(ml_python_minor());
  mlgo_cache_setup();
  st->ModuleType = PyType_FromModuleAndSpec(m, &MLModule_spec, NULL);
  if (st->ModuleType == NULL || PyModule_AddObjectRef(m, "Module", st->ModuleType) < 0) {
    return -1;
  }
  st->FuncType = PyType_FromModuleAndSpec(m, &MLFunc_spec, NULL);
  if (st->FuncType == NULL) {
    return -1;
  }
  st->DispatchType = PyType_FromModuleAndSpec(m, &MLDispatch_spec, NULL);
  if (st->DispatchType == NULL) {
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
  if (PyModule_AddIntConstant(m, "ABI_VERSION", ML_ABI_VERSION) < 0 ||
      PyModule_AddStringConstant(m, "CALL_WAY", ml_vectorcall_way()) < 0) {
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
  Py_VISIT(st->DispatchType);
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
  Py_CLEAR(st->DispatchType);
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
