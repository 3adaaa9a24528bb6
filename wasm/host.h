/*
 * host.h: the host functions generated modules call through their host
 * table (wasmgen.HostExport): the platform's pow(), which CPython's
 * float ** calls, so that compiled code gets the same results bit for bit.
 *
 * Like fastcall.h, it declares the pieces of the Wasmtime C API it needs
 * (wasm.h and wasmtime/func.h of Wasmtime 39) with their exact names and
 * layouts.
 */
#ifndef ML_HOST_H
#define ML_HOST_H

#include "fastcall.h"

typedef struct wasm_valtype_t wasm_valtype_t;
typedef struct wasm_functype_t wasm_functype_t;
typedef struct wasmtime_caller wasmtime_caller_t;
typedef struct wasm_valtype_vec_t {
  size_t size;
  wasm_valtype_t **data;
} wasm_valtype_vec_t;

extern wasm_valtype_t *wasm_valtype_new(uint8_t kind);
extern void wasm_valtype_vec_new(wasm_valtype_vec_t *out, size_t size, wasm_valtype_t *const data[]);
extern wasm_functype_t *wasm_functype_new(wasm_valtype_vec_t *params, wasm_valtype_vec_t *results);
extern void wasm_functype_delete(wasm_functype_t *);
typedef wasm_trap_t *(*wasmtime_func_unchecked_callback_t)(void *env, wasmtime_caller_t *caller,
                                                            wasmtime_val_raw_t *args_and_results,
                                                            size_t num_args_and_results);
extern void wasmtime_func_new_unchecked(wasmtime_context_t *store, const wasm_functype_t *type,
                                        wasmtime_func_unchecked_callback_t callback, void *env,
                                        void (*finalizer)(void *), wasmtime_func_t *ret);

/* ml_new_host_pow creates, in the store of ctx, the host function
 * pow(x, y) -> f64 for slot 0 of a host table. */
void ml_new_host_pow(wasmtime_context_t *ctx, wasmtime_func_t *out);

/* ml_host_pow_value is what the host pow returns for x and y: pow(x, y),
 * or NaN when pow set errno the way CPython reports (overflow). */
double ml_host_pow_value(double x, double y);

#endif
