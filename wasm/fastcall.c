// fastcall.c: the slow half of the direct call path: classifying a failed
// call and formatting its message. The hot half is ml_fastcall in fastcall.h.

#include <stdlib.h>
#include <string.h>

#include "fastcall.h"

// Error codes recorded by generated modules (core/wasmgen/abi.go ErrorCode).
enum {
  ML_ERR_OVERFLOW = 1,
  ML_ERR_ZERO_DIVISION = 2,
  ML_ERR_INDEX = 3,
  ML_ERR_VALUE = 4,
  ML_ERR_ASSERTION = 5,
  ML_ERR_MEMORY = 6,
  ML_ERR_UNSUPPORTED = 7,
};

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
  case ML_WASMTIME_TRAP_UNREACHABLE_CODE_REACHED:
    switch (ml_code) {
    case ML_ERR_OVERFLOW:
      return ML_TRAP_OVERFLOW;
    case ML_ERR_ZERO_DIVISION:
      return ML_TRAP_ZERO_DIVISION;
    case ML_ERR_INDEX:
      return ML_TRAP_INDEX;
    case ML_ERR_VALUE:
      return ML_TRAP_VALUE;
    case ML_ERR_ASSERTION:
      return ML_TRAP_ASSERTION;
    case ML_ERR_MEMORY:
      return ML_TRAP_MEMORY;
    case ML_ERR_UNSUPPORTED:
      return ML_TRAP_UNSUPPORTED;
    }
    return ML_TRAP_GENERIC;
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

char *ml_failure_message(const ml_failure *fail) {
  wasm_byte_vec_t msg = {0, NULL};
  if (fail->trap != NULL) {
    wasm_trap_message(fail->trap, &msg);
  } else if (fail->error != NULL) {
    wasmtime_error_message(fail->error, &msg);
  }
  size_t n = msg.size;
  // A trap message is NUL-terminated and its size counts the NUL.
  while (n > 0 && msg.data[n - 1] == '\0') {
    n--;
  }
  char *out = malloc(n + 1);
  if (out != NULL) {
    if (n > 0) {
      memcpy(out, msg.data, n);
    }
    out[n] = '\0';
  }
  if (msg.data != NULL) {
    wasm_byte_vec_delete(&msg);
  }
  return out;
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
