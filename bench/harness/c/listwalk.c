/* The list walk of bench/harness/kernels/listwalk.en.ml: fills an array of
 * n values (i * 7919) % 1009, then ten times adds x * r over its elements
 * and subtracts each element again, walking it by index.
 * Build: gcc -O2 -o listwalk listwalk.c ; run: ./listwalk N REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static int64_t listwalk(int64_t n) {
    int64_t *a = malloc((size_t)(n > 0 ? n : 1) * sizeof *a);
    for (int64_t i = 0; i < n; i++) a[i] = (i * 7919) % 1009;
    int64_t s = 0;
    for (int64_t r = 1; r < 11; r++) {
        for (int64_t k = 0; k < n; k++) s = s + a[k] * r;
        for (int64_t i = 0; i < n; i++) s = s - a[i];
    }
    free(a);
    return s;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static int64_t (*volatile listwalk_call)(int64_t) = listwalk;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 1000000;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, listwalk_call(n));
    printf("%lld %.4f\n", (long long)r, best);
    return 0;
}
