// signals.c: WebAssembly traps keep working when another signal handler
// is installed over Wasmtime's.
//
// Wasmtime turns a trap (a guard page hit, ud2) into an error through
// handlers for SIGILL, SIGSEGV, SIGBUS and SIGFPE that it installs when the
// engine is created, chaining to the handlers found then. A handler
// installed later, such as Python's faulthandler (pytest enables it after
// importing conftest files), sees those signals first and ends the
// process. ml_signals_guard puts a dispatcher on top instead: a signal
// raised while the thread runs WebAssembly (ml_in_wasm, counted by
// ml_fastcall) goes to Wasmtime's handler, any other to the handler that
// was installed over it, so faulthandler still reports real crashes.

#include <signal.h>
#include <string.h>

#include "fastcall.h"

ML_TLS int ml_in_wasm;

static const int ml_sigs[] = {SIGILL, SIGSEGV, SIGBUS, SIGFPE};
enum { ML_NSIGS = sizeof ml_sigs / sizeof ml_sigs[0] };

static struct sigaction ml_before[ML_NSIGS]; // before the engine existed
static struct sigaction ml_wasm_sa[ML_NSIGS]; // Wasmtime's
static struct sigaction ml_other_sa[ML_NSIGS]; // the handler found over it
static int ml_have[ML_NSIGS]; // ml_wasm_sa[i] holds Wasmtime's handler

static void *ml_handler_of(const struct sigaction *sa) {
  return (sa->sa_flags & SA_SIGINFO) ? (void *)sa->sa_sigaction
                                     : (void *)sa->sa_handler;
}

void ml_signals_before(void) {
  for (int i = 0; i < ML_NSIGS; i++) {
    sigaction(ml_sigs[i], NULL, &ml_before[i]);
  }
}

void ml_signals_after(void) {
  for (int i = 0; i < ML_NSIGS; i++) {
    struct sigaction cur;
    if (sigaction(ml_sigs[i], NULL, &cur) == 0 &&
        ml_handler_of(&cur) != ml_handler_of(&ml_before[i])) {
      ml_wasm_sa[i] = cur;
      ml_have[i] = 1;
    }
  }
}

static void ml_dispatch(int sig, siginfo_t *info, void *uctx) {
  int i = 0;
  while (i < ML_NSIGS - 1 && ml_sigs[i] != sig) {
    i++;
  }
  const struct sigaction *sa = ml_in_wasm > 0 ? &ml_wasm_sa[i] : &ml_other_sa[i];
  if (sa->sa_flags & SA_SIGINFO) {
    sa->sa_sigaction(sig, info, uctx);
    return;
  }
  if (sa->sa_handler == SIG_IGN) {
    return;
  }
  if (sa->sa_handler == SIG_DFL) {
    // The faulting instruction runs again and the default action follows.
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(sig, &dfl, NULL);
    return;
  }
  sa->sa_handler(sig);
}

int ml_signals_guard(void) {
  int n = 0;
  for (int i = 0; i < ML_NSIGS; i++) {
    struct sigaction cur;
    if (!ml_have[i] || sigaction(ml_sigs[i], NULL, &cur) != 0) {
      continue;
    }
    void *h = ml_handler_of(&cur);
    if (h == (void *)ml_dispatch || h == ml_handler_of(&ml_wasm_sa[i])) {
      continue;
    }
    ml_other_sa[i] = cur;
    struct sigaction top = ml_wasm_sa[i];
    top.sa_sigaction = ml_dispatch;
    top.sa_flags |= SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    if (sigaction(ml_sigs[i], &top, NULL) == 0) {
      n++;
    }
  }
  return n;
}
