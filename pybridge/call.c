//go:build pyext

/*
 * call.c: the hot path, a call from Python into an exported WebAssembly
 * function: argument conversion, the direct call (wasm/fastcall.h) with
 * the GIL released or not, result conversion; the exceptions of traps and
 * bad arguments, the Python fallback (Backend.AUTO), list arguments and
 * results (lists.h); and the entry points, function() callables and
 * Module.call. It is one file so that the compiler sees the whole path
 * and inlines it.
 */

#include "module.h"

#include <string.h>

/* ------------------------------------------------------------ last_call */

ML_HOT void ml_record_set(MLModule *m, PyObject *name, PyObject *backend, PyObject *reason) {
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

PyObject *ml_current_fallback_reason(void) { return ml_fallback_reason; }

PyObject *ml_call_fallback(MLFunc *f, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames, PyObject *reason) {
  ml_record(f->module, f->name, f->module->st->s_python, reason);
  PyObject *outer = ml_fallback_reason;
  ml_fallback_reason = reason;
  PyObject *res = ml_vcall(f->fallback, args, nargs, kwnames);
  ml_fallback_reason = outer;
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
    /* An exact int first: PyLong_Check is a call in the limited API. */
    if (!Py_IS_TYPE(a, &PyLong_Type) && !PyLong_Check(a)) {
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
      f->name,
      fail->kind == ML_TRAP_UNSUPPORTED
          ? "the compiled code reached what only Python can do (a raise, or a value "
            "WebAssembly cannot hold); Backend.AUTO re-runs such a call in Python"
          : msg != NULL ? msg : "",
      bt != NULL && bt[0] != '\0' ? "\nwasm backtrace:\n" : "",
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
  return ml_call_fallback(f, args, nargs, NULL,
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
/* ml_scalar_results converts the results of f's call in slots, none or
 * scalars: None, the one value, or a tuple of them (a tuple result). */
static PyObject *ml_scalar_results(MLFunc *f, const wasmtime_val_raw_t *slots) {
  if (f->nresults == 0) {
    return ml_none();
  }
  if (f->nresults == 1) {
    return ml_convert_result(f->conv[f->nparams], &slots[0]);
  }
  PyObject *res = PyTuple_New(f->nresults);
  for (int i = 0; res != NULL && i < f->nresults; i++) {
    PyObject *v = ml_convert_result(f->conv[f->nparams + i], &slots[i]);
    if (v == NULL) {
      Py_CLEAR(res);
      break;
    }
    PyTuple_SetItem(res, i, v);
  }
  return res;
}

ML_HOT static PyObject *ml_invoke(MLFunc *f, PyObject *const *args, Py_ssize_t nargs) {
  /* Recorded first, so that last_call() describes this call also when it
   * raises; a fallback records its own reason over it. */
  ml_record(f->module, f->name, f->module->st->s_wasm, f->module->st->s_wasm);
  if (nargs != f->nparams) {
    if (f->fallback != NULL) {
      /* Python gives its own TypeError, or fills in a default. */
      return ml_call_fallback(f, args, nargs, NULL, f->module->st->s_argument_type);
    }
    ml_raise_arity(f, nargs);
    return NULL;
  }
  MLModule *m = f->module;
  if (ml_check_open(m) < 0) {
    return NULL;
  }
  ml_instance *inst = ml_current_open(m, f->timeout);
  if (inst == NULL) {
    return NULL;
  }
  if (__builtin_expect(inst->converting, 0)) {
    if (f->fallback != NULL) {
      return ml_call_fallback(f, args, nargs, NULL, m->st->s_reentrant);
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
      res = ml_call_fallback(f, args, nargs, NULL,
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
  res = ml_scalar_results(f, slots);
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
      if (f->nresults == 1 && f->conv[f->nparams] == CV_LIST) {
        res = ml_lists_out(&L, mem, size, (uint32_t)slots[0].i32,
                           f->ltypes + f->ltoff[f->nparams]);
      } else {
        res = ml_scalar_results(f, slots);
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
    res = ml_call_fallback(f, args, nargs, NULL,
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

/* ------------------------------------------------------ the entry points */

/* The METH_FASTCALL implementation behind every function() callable. */
ML_HOT PyObject *ml_func_call(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return ml_invoke((MLFunc *)self, args, nargs);
}

ML_DOC(call_doc, "call(name, *args, timeout=None)\n\n"
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

ML_HOT PyObject *MLModule_call(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                        PyObject *kwnames) {
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
