// fastcall.c: the slow half of the direct call path: classifying a failed
// call and formatting its message. The hot half is ml_fastcall in fastcall.h.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fastcall.h"

// ml_error_code asks the instance's __ml_error which error it recorded.
static int32_t ml_error_code(const ml_fastfunc *f) {
  const ml_fastfunc *ef = f->error_fn;
  if (ef == NULL) {
    return 0;
  }
  wasmtime_val_raw_t slot;
  memset(&slot, 0, sizeof slot);
  wasm_trap_t *trap = NULL;
  wasmtime_error_t *err =
      wasmtime_func_call_unchecked(ef->context, &ef->func, &slot, 1, &trap);
  if (trap != NULL) {
    wasm_trap_delete(trap);
    return 0;
  }
  if (err != NULL) {
    wasmtime_error_delete(err);
    return 0;
  }
  return slot.i32;
}

int ml_kind_for(int code, int32_t ml_code) {
  switch (code) {
  case ML_WASMTIME_TRAP_INTEGER_DIVISION_BY_ZERO:
    return ML_TRAP_ZERO_DIVISION;
  case ML_WASMTIME_TRAP_INTEGER_OVERFLOW:
    return ML_TRAP_OVERFLOW;
  case ML_WASMTIME_TRAP_STACK_OVERFLOW:
    return ML_TRAP_RECURSION;
  case ML_WASMTIME_TRAP_INTERRUPT:
    return ML_TRAP_TIMEOUT;
  case ML_WASMTIME_TRAP_UNREACHABLE_CODE_REACHED:
    return ml_trap_for_error(ml_code);
  }
  return ML_TRAP_GENERIC;
}

int ml_classify(const ml_fastfunc *f, wasmtime_error_t *err, wasm_trap_t *trap,
                ml_failure *fail) {
  fail->kind = ML_TRAP_GENERIC;
  fail->code = -1;
  fail->ml_code = 0;
  fail->trap = trap;
  fail->error = err;
  ml_store_state *st = f->state;
  if (st != NULL && st->stop != ML_STOP_NONE) {
    /* The epoch callback stopped the call (interrupt.c): a timeout or
     * SIGINT, reported like the native interrupt trap. */
    fail->kind = st->stop == ML_STOP_TIMEOUT ? ML_TRAP_TIMEOUT : ML_TRAP_INTERRUPT;
    fail->code = ML_WASMTIME_TRAP_INTERRUPT;
    st->stop = ML_STOP_NONE;
    return fail->kind;
  }
  if (trap == NULL) {
    fail->kind = ML_TRAP_ERROR;
    return fail->kind;
  }
  wasmtime_trap_code_t code;
  if (!wasmtime_trap_code(trap, &code)) {
    return fail->kind;
  }
  fail->code = code;
  if (code == ML_WASMTIME_TRAP_UNREACHABLE_CODE_REACHED) {
    fail->ml_code = ml_error_code(f);
  }
  fail->kind = ml_kind_for(code, fail->ml_code);
  return fail->kind;
}

// Names and descriptions of the native trap codes, in the order of
// enum wasmtime_trap_code_enum (wasmtime/trap.h).
static const char *const ml_code_names[] = {
    "stack_overflow",
    "memory_out_of_bounds",
    "heap_misaligned",
    "table_out_of_bounds",
    "indirect_call_to_null",
    "bad_signature",
    "integer_overflow",
    "integer_division_by_zero",
    "bad_conversion_to_integer",
    "unreachable",
    "interrupt",
    "always_trap_adapter",
    "out_of_fuel",
    "atomic_wait_non_shared_memory",
    "null_reference",
    "array_out_of_bounds",
    "allocation_too_large",
    "cast_failure",
    "cannot_enter_component",
    "no_async_result",
    "disabled_opcode",
};

static const char *const ml_code_texts[] = {
    "call stack exhausted",
    "out of bounds memory access",
    "misaligned memory access",
    "undefined element: out of bounds table access",
    "uninitialized element",
    "indirect call type mismatch",
    "integer overflow",
    "integer divide by zero",
    "invalid conversion to integer",
    "wasm `unreachable` instruction executed",
    "interrupt: the time limit was reached",
    "degenerate component adapter called",
    "all fuel consumed by WebAssembly",
    "atomic wait on non-shared memory",
    "null reference",
    "out of bounds array access",
    "allocation size too large",
    "cast failure",
    "cannot enter component instance",
    "async-lifted export failed to produce a result",
    "disabled opcode",
};

#define ML_NCODES (sizeof ml_code_names / sizeof ml_code_names[0])

const char *ml_trap_code_name(int code) {
  if (code < 0) {
    return "error";
  }
  if ((size_t)code < ML_NCODES) {
    return ml_code_names[code];
  }
  return "unknown";
}

// ml_strndup copies n bytes into a malloc'd NUL-terminated string.
static char *ml_strndup(const char *s, size_t n) {
  char *out = malloc(n + 1);
  if (out != NULL) {
    if (n > 0) {
      memcpy(out, s, n);
    }
    out[n] = '\0';
  }
  return out;
}

// ml_first_line returns the length of the first line of s[0:n], without a
// trailing " at" that Wasmtime puts before "wasm backtrace:".
static size_t ml_first_line(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] != '\n' && s[i] != '\0') {
    i++;
  }
  if (i >= 3 && memcmp(s + i - 3, " at", 3) == 0) {
    i -= 3;
  }
  return i;
}

char *ml_failure_message(const ml_failure *fail) {
  if (fail->trap != NULL && fail->code >= 0 && (size_t)fail->code < ML_NCODES) {
    const char *text = ml_code_texts[fail->code];
    return ml_strndup(text, strlen(text));
  }
  // A trap without a code (raised by a host function) or an error: the
  // innermost cause, which is the first line after the last "Caused by:",
  // or else the first line. Neither holds a backtrace.
  wasm_byte_vec_t msg = {0, NULL};
  if (fail->trap != NULL) {
    wasm_trap_message(fail->trap, &msg);
  } else if (fail->error != NULL) {
    wasmtime_error_message(fail->error, &msg);
  }
  const char *text = msg.data;
  size_t n = msg.data != NULL ? msg.size : 0;
  static const char cause[] = "Caused by:\n";
  for (size_t i = 0; i + sizeof cause - 1 <= n; i++) {
    if (memcmp(text + i, cause, sizeof cause - 1) == 0) {
      size_t j = i + sizeof cause - 1;
      while (j < n && (text[j] == ' ' || text[j] == '\n')) {
        j++;
      }
      text += j;
      n -= j;
      i = 0;
      if (n == 0) {
        break;
      }
    }
  }
  char *out = ml_strndup(text, ml_first_line(text, n));
  if (msg.data != NULL) {
    wasm_byte_vec_delete(&msg);
  }
  return out;
}

// ml_buf is a growing malloc'd string.
typedef struct {
  char *data;
  size_t len, cap;
  int failed;
} ml_buf;

static void ml_buf_add(ml_buf *b, const char *s, size_t n) {
  if (b->failed) {
    return;
  }
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap * 2 + n + 64;
    char *p = realloc(b->data, cap);
    if (p == NULL) {
      b->failed = 1;
      return;
    }
    b->data = p;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

char *ml_failure_backtrace(const ml_failure *fail) {
  ml_buf b = {NULL, 0, 0, 0};
  ml_buf_add(&b, "", 0);
  if (fail->trap != NULL) {
    wasm_frame_vec_t frames = {0, NULL};
    wasm_trap_trace(fail->trap, &frames);
    for (size_t i = 0; i < frames.size; i++) {
      const wasm_frame_t *fr = frames.data[i];
      char line[96];
      const wasm_byte_vec_t *name = wasmtime_frame_func_name(fr);
      int n = snprintf(line, sizeof line, "  %zu: ", i);
      ml_buf_add(&b, line, n > 0 ? (size_t)n : 0);
      if (name != NULL && name->size > 0) {
        ml_buf_add(&b, name->data, name->size);
      } else {
        n = snprintf(line, sizeof line, "<wasm function %u>",
                     (unsigned)wasm_frame_func_index(fr));
        ml_buf_add(&b, line, n > 0 ? (size_t)n : 0);
      }
      n = snprintf(line, sizeof line, " @ 0x%zx\n", wasm_frame_module_offset(fr));
      ml_buf_add(&b, line, n > 0 ? (size_t)n : 0);
    }
    if (frames.data != NULL) {
      wasm_frame_vec_delete(&frames);
    }
  }
  if (b.failed) {
    free(b.data);
    return NULL;
  }
  return b.data;
}

void ml_failure_clear(ml_failure *fail) {
  if (fail->trap != NULL) {
    wasm_trap_delete(fail->trap);
    fail->trap = NULL;
  }
  if (fail->error != NULL) {
    wasmtime_error_delete(fail->error);
    fail->error = NULL;
  }
}
