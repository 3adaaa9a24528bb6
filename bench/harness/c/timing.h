/* timing.h: the best-of-N timer shared by the benchmark kernels.
 * ML_BEST_OF(repeat, result, best, expr) evaluates expr `repeat` times,
 * keeps its last value in `result` and the shortest time in milliseconds
 * in `best`. */
#ifndef ML_BENCH_TIMING_H
#define ML_BENCH_TIMING_H

#include <time.h>

static inline double ml_now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

#define ML_BEST_OF(repeat, result, best, expr)        \
    do {                                              \
        (best) = 1e300;                               \
        for (int ml_k_ = 0; ml_k_ < (repeat); ml_k_++) { \
            double ml_t0_ = ml_now_ms();              \
            (result) = (expr);                        \
            double ml_ms_ = ml_now_ms() - ml_t0_;     \
            if (ml_ms_ < (best)) (best) = ml_ms_;     \
        }                                             \
    } while (0)

#endif
