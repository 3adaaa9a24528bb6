// interrupt.c: stopping WebAssembly calls on SIGINT (Ctrl-C) and at time
// limits (see fastcall.h).
//
// CPython's SIGINT handler only sets a flag, which the interpreter looks
// at between bytecodes: a thread running WebAssembly never gets there. So
// while the extension is loaded, its own handler sits on top of Python's:
// it calls Python's handler (which sets the flag, so KeyboardInterrupt
// follows as usual), then stops the call the main thread has armed, if
// any. Two ways, both async-signal-safe:
//
//   - the module's interrupt word: compiled programs poll an i32 of their
//     memory at loop back-edges and recursive calls (core/wasmgen
//     interrupt.go) and trap with ErrInterrupt when it is set; the word
//     does not move, as the engines do not let memories move;
//   - the interruptible engine's epoch, which any module compiled with
//     epoch checks looks at: every store of that engine has
//     ml_epoch_callback as its epoch deadline callback and a deadline one
//     tick ahead, so advancing the epoch makes the running call ask the
//     callback, which stops it when the call's target was hit. The same
//     callback enforces the time limits of timed calls: package wasm's
//     ticker advances the epoch every millisecond while one runs, and the
//     callback compares the clock with the store's deadline.

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "fastcall.h"

extern void wasmtime_engine_increment_epoch(void *engine);
typedef uint8_t ml_update_kind_t; /* wasmtime_update_deadline_kind_t */
extern void wasmtime_store_epoch_deadline_callback(
    void *store,
    wasmtime_error_t *(*func)(wasmtime_context_t *context, void *data,
                              uint64_t *epoch_deadline_delta,
                              ml_update_kind_t *update_kind),
    void *data, void (*finalizer)(void *));

int64_t ml_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The main thread's armed call, for the handler; the thread's own target,
 * for the callback (which runs on the thread running WebAssembly). */
static ml_interrupt_target *volatile ml_main_target;
volatile unsigned ml_sigint_count;
static ML_TLS ml_interrupt_target *ml_tl_target;
static void *volatile ml_epoch_engine;

void ml_set_epoch_engine(void *engine) { ml_epoch_engine = engine; }

void ml_interrupt_arm(ml_interrupt_target *t, ml_instance *inst, int main) {
  t->word = inst != NULL ? inst->interrupt_word : NULL;
  t->hit = 0;
  t->main = main;
  t->prev = ml_tl_target;
  if (t->word != NULL) {
    __atomic_store_n(t->word, 0, __ATOMIC_RELAXED);
  }
  ml_tl_target = t;
  if (main) {
    /* The caller then runs Python's pending signal handlers, and the
     * handler calls Python's before it looks here, so a SIGINT is seen by
     * one of them at least. Linux delivers a process's SIGINT to its main
     * thread (unless that thread blocks it), this thread, which sees its
     * own stores in order: a release store is enough, where a sequentially
     * consistent one (an xchg, about 10 ns a call) would only narrow a
     * window of a few nanoseconds for a SIGINT sent to another thread. */
    __atomic_store_n(&ml_main_target, t, __ATOMIC_RELEASE);
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
  }
}

void ml_interrupt_disarm(ml_interrupt_target *t) {
  ml_tl_target = t->prev;
  if (t->main) {
    /* A handler that still sees t only marks a call that has ended. */
    __atomic_store_n(&ml_main_target, t->prev, __ATOMIC_RELEASE);
  }
}

void ml_interrupt_deliver(void) {
  ml_interrupt_target *t = __atomic_load_n(&ml_main_target, __ATOMIC_SEQ_CST);
  if (t == NULL) {
    return;
  }
  t->hit = 1;
  if (t->word != NULL) {
    __atomic_store_n(t->word, 1, __ATOMIC_RELAXED);
  }
  void *eng = ml_epoch_engine;
  if (eng != NULL) {
    wasmtime_engine_increment_epoch(eng); /* documented async-signal-safe */
  }
}

/* ---------------------------------------------------------------- SIGINT */

static struct sigaction ml_sigint_prev; /* the handler ours calls first */

static void ml_sigint_handler(int sig, siginfo_t *info, void *uctx) {
  int saved = errno;
  const struct sigaction *prev = &ml_sigint_prev;
  if (prev->sa_flags & SA_SIGINFO) {
    prev->sa_sigaction(sig, info, uctx);
  } else if (prev->sa_handler != SIG_IGN && prev->sa_handler != SIG_DFL) {
    prev->sa_handler(sig);
  }
  __atomic_add_fetch(&ml_sigint_count, 1, __ATOMIC_RELEASE);
  ml_interrupt_deliver();
  errno = saved;
}

int ml_sigint_guard(void) {
  struct sigaction cur;
  if (sigaction(SIGINT, NULL, &cur) != 0) {
    return 0;
  }
  if (cur.sa_flags & SA_SIGINFO) {
    if (cur.sa_sigaction == ml_sigint_handler) {
      return 0;
    }
  } else if (cur.sa_handler == SIG_IGN || cur.sa_handler == SIG_DFL) {
    /* Ctrl-C is ignored, or ends the process anyway. */
    return 0;
  }
  ml_sigint_prev = cur;
  struct sigaction top = cur;
  top.sa_sigaction = ml_sigint_handler;
  top.sa_flags |= SA_SIGINFO;
  return sigaction(SIGINT, &top, NULL) == 0;
}

/* ------------------------------------------------------- epoch callback */

static wasmtime_error_t *ml_epoch_callback(wasmtime_context_t *context,
                                           void *data, uint64_t *delta,
                                           ml_update_kind_t *kind) {
  (void)context;
  ml_store_state *st = data;
  *kind = 0; /* WASMTIME_UPDATE_DEADLINE_CONTINUE */
  *delta = 1;
  ml_interrupt_target *t = ml_tl_target;
  if (t != NULL && t->hit) {
    st->stop = ML_STOP_INTERRUPT;
    return wasmtime_error_new("interrupted (SIGINT)");
  }
  if (st->deadline_ns != 0 && ml_now_ns() >= st->deadline_ns) {
    st->stop = ML_STOP_TIMEOUT;
    return wasmtime_error_new("the time limit was reached");
  }
  return NULL;
}

void ml_store_watch(void *store, ml_store_state *st) {
  wasmtime_store_epoch_deadline_callback(store, ml_epoch_callback, st, NULL);
}
