/* fib(n) recursive, the kernel of core/wasmgen/testdata/bench/fib.en.ml.
 * Build: gcc -O2 -o fib fib.c ; run: ./fib N REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static int64_t fib(int64_t n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static int64_t (*volatile fib_call)(int64_t) = fib;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 30;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, fib_call(n));
    printf("%lld %.4f\n", (long long)r, best);
    return 0;
}
