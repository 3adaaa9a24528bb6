/*
 * fastcall.h: the direct call path into WebAssembly, shared by package wasm
 * (which prepares an ml_fastfunc for every exported function when it
 * instantiates a module) and the CPython bridge (which calls through it with
 * no cgo transition).
 *
 * This header cannot see the include path of wasmtime-go, so it declares
 * the few pieces of the Wasmtime C API it needs itself, with the exact names
 * and layouts of wasmtime/func.h, wasmtime/extern.h, wasmtime/val.h,
 * wasmtime/trap.h, wasmtime/error.h and wasm.h (Wasmtime 39). The symbols
 * resolve against libwasmtime.a, which importing wasmtime-go links in.
 * wasm/fastcall_test.go checks the layouts against wasmtime-go's view.
 */
#ifndef ML_FASTCALL_H
#define ML_FASTCALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Wasmtime C API, as declared by the real headers ---- */

#ifndef WASMTIME_API_H
typedef struct wasmtime_context wasmtime_context_t;
typedef struct wasmtime_error wasmtime_error_t;
typedef struct wasm_trap_t wasm_trap_t;

/* wasmtime/extern.h */
typedef struct wasmtime_func {
  uint64_t store_id;
  void *__private;
} wasmtime_func_t;

/* wasmtime/val.h: a 16-byte, 8-aligned untagged value. */
typedef union wasmtime_val_raw {
  int32_t i32;
  int64_t i64;
  float f32;
  double f64;
  uint8_t v128[16];
  uint32_t anyref;
  uint32_t externref;
  void *funcref;
} wasmtime_val_raw_t;

/* wasm.h */
typedef struct wasm_byte_vec_t {
  size_t size;
  char *data;
} wasm_byte_vec_t;

/* wasmtime/extern.h: 24 bytes, 8-aligned. */
typedef struct wasmtime_memory {
  struct {
    uint64_t store_id;
    uint32_t __private1;
  };
  uint32_t __private2;
} wasmtime_memory_t;

/* wasm.h: frames of a trap's backtrace. */
typedef struct wasm_frame_t wasm_frame_t;
typedef struct wasm_frame_vec_t {
  size_t size;
  wasm_frame_t **data;
} wasm_frame_vec_t;

/* wasmtime/trap.h */
typedef uint8_t wasmtime_trap_code_t;

extern wasmtime_error_t *wasmtime_func_call_unchecked(
    wasmtime_context_t *store, const wasmtime_func_t *func,
    wasmtime_val_raw_t *args_and_results, size_t args_and_results_len,
    wasm_trap_t **trap);
extern bool wasmtime_trap_code(const wasm_trap_t *, wasmtime_trap_code_t *code);
extern void wasm_trap_message(const wasm_trap_t *, wasm_byte_vec_t *out);
extern void wasm_trap_delete(wasm_trap_t *);
extern void wasmtime_error_message(const wasmtime_error_t *error,
                                   wasm_byte_vec_t *message);
extern void wasmtime_error_delete(wasmtime_error_t *error);
extern void wasm_byte_vec_delete(wasm_byte_vec_t *);
extern uint8_t *wasmtime_memory_data(const wasmtime_context_t *store,
                                     const wasmtime_memory_t *memory);
extern size_t wasmtime_memory_data_size(const wasmtime_context_t *store,
                                        const wasmtime_memory_t *memory);
extern void wasmtime_context_set_epoch_deadline(wasmtime_context_t *context,
                                                uint64_t ticks_beyond_current);
extern void wasm_trap_trace(const wasm_trap_t *, wasm_frame_vec_t *out);
extern wasmtime_error_t *wasmtime_error_new(const char *);
extern void wasm_frame_vec_delete(wasm_frame_vec_t *);
extern uint32_t wasm_frame_func_index(const wasm_frame_t *);
extern size_t wasm_frame_module_offset(const wasm_frame_t *);
extern const wasm_byte_vec_t *wasmtime_frame_func_name(const wasm_frame_t *);
#endif

/* Native trap codes we classify (enum wasmtime_trap_code_enum). */
#define ML_WASMTIME_TRAP_STACK_OVERFLOW 0
#define ML_WASMTIME_TRAP_INTEGER_OVERFLOW 6
#define ML_WASMTIME_TRAP_INTEGER_DIVISION_BY_ZERO 7
#define ML_WASMTIME_TRAP_UNREACHABLE_CODE_REACHED 9
#define ML_WASMTIME_TRAP_INTERRUPT 10

/* ---- Our side ---- */

/* Value kinds (ML_I32..ML_OTHER), outcome kinds of a call (ML_OK,
 * ML_TRAP_*, package wasm's TrapKind) and error codes (ML_ERR_*): the
 * module ABI, generated from core/abi. */
#include "ml_abi.h"

/*
 * ml_store_state is what C code shares with Wasmtime's epoch deadline
 * callback (interrupt.c) for one store of the interruptible engine: the
 * deadline of the timed call (or instantiation) running in it, and why the
 * callback stopped the last call. Package wasm allocates it with the
 * store and frees it on Close.
 */
typedef struct ml_store_state {
  int64_t deadline_ns; /* CLOCK_MONOTONIC deadline, or 0 for none */
  int stop;            /* ML_STOP_*: why the callback stopped the call */
} ml_store_state;

enum { ML_STOP_NONE = 0, ML_STOP_TIMEOUT = 1, ML_STOP_INTERRUPT = 2 };

/*
 * ml_fastfunc is one exported function ready to be called: the context of
 * the store that owns it, a copy of its wasmtime_func_t, its signature, and
 * the instance's __ml_error function (or NULL) used to classify traps.
 * Package wasm mallocs it at instantiation and frees it on Close.
 */
typedef struct ml_fastfunc {
  wasmtime_context_t *context;
  wasmtime_func_t func;
  const struct ml_fastfunc *error_fn;
  ml_store_state *state; /* the store's, shared by its functions */
  uint32_t nparams;
  uint32_t nresults;
  uint32_t nslots;   /* max(nparams, nresults), at least 1 */
  uint8_t kinds[];   /* nparams param kinds, then nresults result kinds */
} ml_fastfunc;

/*
 * ml_instance is one instance's view for C: its store context, its exported
 * memory (has_memory says whether there is one) and its prepared functions
 * in the module's export order. Package wasm allocates it at instantiation
 * and frees it on Close.
 */
typedef struct ml_instance {
  wasmtime_context_t *context;
  wasmtime_memory_t memory;
  int has_memory;
  ml_store_state *state;
  /* The module's interrupt word (ML_INTERRUPT_EXPORT) in its
   * memory, which does not move (the engines forbid it), or NULL when the
   * module does not poll one. */
  volatile int32_t *interrupt_word;
  /* Nonzero while the CPython bridge converts lists out of this
   * instance's memory: a call into the instance meanwhile would reset the
   * arena under it, so the bridge refuses such calls. Zero at creation. */
  int converting;
  uint32_t nfuncs;
  ml_fastfunc *funcs[];
} ml_instance;

/*
 * ml_memory returns the base of inst's exported memory and stores its size
 * in *size; NULL (size 0) when there is none. The pointer is valid until the
 * next call into the instance, which may grow (move) the memory.
 */
static inline uint8_t *ml_memory(const ml_instance *inst, size_t *size) {
  if (!inst->has_memory) {
    *size = 0;
    return NULL;
  }
  *size = wasmtime_memory_data_size(inst->context, &inst->memory);
  return wasmtime_memory_data(inst->context, &inst->memory);
}

/*
 * ml_failure describes a failed call. trap and error are owned by it until
 * ml_failure_clear; code is the native trap code or -1; ml_code is the code
 * __ml_error returned, or 0.
 */
typedef struct ml_failure {
  int kind;
  int code;
  int32_t ml_code;
  wasm_trap_t *trap;
  wasmtime_error_t *error;
} ml_failure;

/*
 * ml_kind_for maps a native trap code and the code __ml_error returned
 * (0 when none) to an ML_TRAP_* kind. Package wasm's classify is the same
 * table, documented.
 */
int ml_kind_for(int code, int32_t ml_code);

/* ml_classify fills fail from what wasmtime_func_call_unchecked returned. */
int ml_classify(const ml_fastfunc *f, wasmtime_error_t *err, wasm_trap_t *trap,
                ml_failure *fail);

/*
 * ml_failure_message returns a malloc'd NUL-terminated one-line description
 * of the failure (free it). It does not depend on RUST_BACKTRACE: the trap
 * code's description when there is one, else the first line of Wasmtime's
 * message.
 */
char *ml_failure_message(const ml_failure *fail);

/*
 * ml_failure_backtrace returns a malloc'd description of the WebAssembly
 * frames of a trap, one "  i: function @ 0xoffset" line each, innermost
 * first ("" when there are none); free it.
 */
char *ml_failure_backtrace(const ml_failure *fail);

/*
 * ml_trap_code_name names a native trap code in snake case
 * ("unreachable", "memory_out_of_bounds", "stack_overflow", "interrupt"),
 * "error" for -1 (no trap) and "unknown" otherwise.
 */
const char *ml_trap_code_name(int code);

/* ml_failure_clear releases the trap and error held by fail. */
void ml_failure_clear(ml_failure *fail);

/*
 * ML_TLS declares a thread-local variable of the extension with the
 * initial-exec model: a plain access relative to the thread pointer
 * instead of a call of __tls_get_addr, which a shared library otherwise
 * makes for every access (several per call on the fast path). The
 * library's thread-local block is in the static TLS area anyway: the Go
 * runtime and Wasmtime already use this model (the DF_STATIC_TLS flag).
 */
#define ML_TLS _Thread_local __attribute__((tls_model("initial-exec")))

/*
 * ml_in_wasm counts the calls into WebAssembly the thread is inside
 * (signals.c); code that runs Python from inside such a call (a host
 * function) sets it to 0 for that time.
 */
extern ML_TLS int ml_in_wasm;

/*
 * ml_signals_before and ml_signals_after bracket the engine's creation,
 * which installs Wasmtime's signal handlers; ml_signals_guard then keeps
 * them first in line for WebAssembly traps when another handler (Python's
 * faulthandler) was installed over them, and returns how many signals it
 * had to guard. See signals.c.
 */
void ml_signals_before(void);
void ml_signals_after(void);
int ml_signals_guard(void);

/*
 * ml_fastcall calls f. slots holds f->nslots values: the arguments on entry
 * and the results on return. It returns ML_OK, or the kind of failure with
 * fail filled in (release it with ml_failure_clear). Always inlined: the
 * CPython bridge's hot functions call it on every call, and a copy of its
 * own (Clang makes one) would lie outside their section (pybridge/hot.ld).
 */
static inline __attribute__((always_inline)) int
ml_fastcall(const ml_fastfunc *f, wasmtime_val_raw_t *slots, ml_failure *fail) {
  wasm_trap_t *trap = NULL;
  ml_in_wasm++;
  wasmtime_error_t *err =
      wasmtime_func_call_unchecked(f->context, &f->func, slots, f->nslots, &trap);
  ml_in_wasm--;
  if (__builtin_expect(err == NULL && trap == NULL, 1)) {
    return ML_OK;
  }
  return ml_classify(f, err, trap, fail);
}

/* ml_now_ns returns CLOCK_MONOTONIC in nanoseconds (interrupt.c). */
int64_t ml_now_ns(void);

/*
 * ml_fastcall_deadline is ml_fastcall with a time limit: the call stops
 * (ML_TRAP_TIMEOUT) once CLOCK_MONOTONIC passes deadline_ns. It needs a
 * store of the interruptible engine and someone advancing the engine's
 * epoch meanwhile (package wasm's ticker, see AcquireTicker): at each
 * tick Wasmtime calls ml_epoch_callback, which compares the clock with the
 * deadline.
 */
static inline int ml_fastcall_deadline(const ml_fastfunc *f,
                                       wasmtime_val_raw_t *slots,
                                       ml_failure *fail, int64_t deadline_ns) {
  f->state->deadline_ns = deadline_ns;
  wasmtime_context_set_epoch_deadline(f->context, 1);
  int kind = ml_fastcall(f, slots, fail);
  f->state->deadline_ns = 0;
  return kind;
}

/*
 * Interruption by SIGINT (interrupt.c). A call that Ctrl-C may stop is
 * armed with an ml_interrupt_target for its duration. On the main thread
 * (main != 0), the SIGINT handler that ml_sigint_guard installs over
 * Python's (and calls it first) marks the target hit, sets the module's
 * interrupt word, which compiled code polls (core/wasmgen interrupt.go),
 * and advances the interruptible engine's epoch, so that
 * ml_epoch_callback stops a call of any module on that engine. Calls in
 * other threads are never stopped by SIGINT, as Python raises
 * KeyboardInterrupt in the main thread only.
 */
typedef struct ml_interrupt_target {
  volatile int32_t *word; /* the module's interrupt word, or NULL */
  volatile int hit;       /* set by the handler */
  int main;               /* armed on the main thread */
  struct ml_interrupt_target *prev; /* the thread's target it hides */
} ml_interrupt_target;

/* ml_interrupt_arm arms t for a call into inst (NULL while instantiating):
 * it clears the module's interrupt word. ml_interrupt_disarm undoes it;
 * arming nests. */
void ml_interrupt_arm(ml_interrupt_target *t, ml_instance *inst, int main);
void ml_interrupt_disarm(ml_interrupt_target *t);

/* ml_sigint_count counts the SIGINTs the handler has seen; it changes
 * after Python's handler ran for one and before the armed call is looked
 * up. */
extern volatile unsigned ml_sigint_count;

/* ml_interrupt_deliver does what the SIGINT handler does after calling
 * Python's handler: stop the main thread's armed call. Async-signal-safe. */
void ml_interrupt_deliver(void);

/*
 * ml_sigint_guard puts the extension's SIGINT handler over the one
 * installed (Python's), which it calls first; nothing is installed when
 * SIGINT is ignored or has its default action. It returns 1 if it
 * installed the handler now, 0 if it was in place or not needed.
 */
int ml_sigint_guard(void);

/* ml_set_epoch_engine gives the handler the interruptible engine (a
 * wasm_engine_t *) whose epoch it advances. */
void ml_set_epoch_engine(void *engine);

/* ml_store_watch gives a store of the interruptible engine (a
 * wasmtime_store_t *) the epoch deadline callback, with st as its data. */
void ml_store_watch(void *store, ml_store_state *st);

#ifdef __cplusplus
}
#endif

#endif /* ML_FASTCALL_H */
