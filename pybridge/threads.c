//go:build pyext

/*
 * threads.c: what the extension keeps per process and per thread: fork
 * detection, Ctrl-C on Python's main thread, the records of the OS threads
 * that called a module, and each module's instances, one per such thread.
 */

#include "module.h"

#include <pthread.h>
#include <stdlib.h>

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
volatile int ml_forked;
static pthread_once_t ml_fork_once = PTHREAD_ONCE_INIT;

static void ml_atfork_child(void) { ml_forked = 1; }

static void ml_fork_init(void) { pthread_atfork(NULL, NULL, ml_atfork_child); }

void ml_fork_setup(void) { pthread_once(&ml_fork_once, ml_fork_init); }

/* ml_fork_error is the slow path of ml_check_fork (module.h). */
int ml_fork_error(void) {
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

void ml_find_main_thread(void) {
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
ML_HOT int ml_arm(ml_interrupt_target *t, ml_instance *inst) {
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
void ml_raise_interrupt(void) {
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
struct ml_thread {
  int alive; /* atomic: 0 once the thread exited */
  int refs;  /* atomic: the thread's own, plus one per instance slot */
};

static pthread_key_t ml_thread_key;
static pthread_once_t ml_thread_once = PTHREAD_ONCE_INIT;
static int ml_thread_key_ok;
ML_TLS ml_thread *ml_tl_self;

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

/* ------------------------------------------------------------ instances */

/* Closes every instance and the template (no call may be running). */
void ml_module_release(MLModule *m, uintptr_t tpl) {
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

static ml_instance *ml_instantiate(MLModule *m, ml_thread *me, double timeout);

/*
 * ml_current_t returns the calling thread's instance of m, creating it on
 * the thread's first call (with a time limit of timeout seconds, or the
 * module's start_timeout when timeout is 0); NULL with an exception set.
 * The module must be open.
 */
ML_HOT ml_instance *ml_current_t(MLModule *m, double timeout) {
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
