/* The nested-loop integer kernel of core/wasmgen/testdata/bench/loops.en.ml:
 * sum of (i * j) % 7 over 0 <= i, j < n (both non-negative, so C's % is
 * Python's here). Build: gcc -O2 -o loops loops.c ; run: ./loops N REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static int64_t loops(int64_t n) {
    int64_t s = 0;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++)
            s += (i * j) % 7;
    return s;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static int64_t (*volatile loops_call)(int64_t) = loops;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 3000;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, loops_call(n));
    printf("%lld %.4f\n", (long long)r, best);
    return 0;
}
