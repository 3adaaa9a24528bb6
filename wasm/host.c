/* host.c: the host functions of generated modules (host.h). */
#include <errno.h>
#include <math.h>

#include "host.h"

#define ML_WASM_F64 3 /* wasm_valkind_t of f64 */

double ml_host_pow_value(double x, double y) {
  /* CPython's float_pow: errno = 0; ix = pow(iv, iw); then
   * _Py_ADJUST_ERANGE1(ix): an infinite result is an overflow, and an
   * underflow to zero is not an error. The module calls pow only for a
   * finite x > 0 other than 1 and a finite y != 0, where no result is
   * NaN: NaN can mean "errno". */
  errno = 0;
  double r = pow(x, y);
  if (errno == 0) {
    if (isinf(r)) {
      errno = ERANGE;
    }
  } else if (errno == ERANGE && r == 0.0) {
    errno = 0;
  }
  return errno != 0 ? NAN : r;
}

static wasm_trap_t *ml_host_pow(void *env, wasmtime_caller_t *caller, wasmtime_val_raw_t *args,
                                size_t n) {
  (void)env;
  (void)caller;
  (void)n;
  args[0].f64 = ml_host_pow_value(args[0].f64, args[1].f64);
  return NULL;
}

void ml_new_host_pow(wasmtime_context_t *ctx, wasmtime_func_t *out) {
  wasm_valtype_t *ps[2] = {wasm_valtype_new(ML_WASM_F64), wasm_valtype_new(ML_WASM_F64)};
  wasm_valtype_t *rs[1] = {wasm_valtype_new(ML_WASM_F64)};
  wasm_valtype_vec_t params, results;
  wasm_valtype_vec_new(&params, 2, ps);
  wasm_valtype_vec_new(&results, 1, rs);
  wasm_functype_t *ty = wasm_functype_new(&params, &results);
  wasmtime_func_new_unchecked(ctx, ty, ml_host_pow, NULL, NULL, out);
  wasm_functype_delete(ty);
}
