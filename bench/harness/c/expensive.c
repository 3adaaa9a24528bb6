/* The guide's expensive_operation in C, for the side-by-side benchmark.
 * The timing loop calls it through a volatile pointer, so gcc cannot treat
 * the call as pure and hoist it out of the loop.
 * Build: gcc -O2 -o expensive expensive.c ; run: ./expensive N REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static int64_t floordiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

static int64_t expensive_operation(int64_t n) {
    int64_t result = 0;
    for (int64_t i = 0; i < n * n; i++) {
        result = result + floordiv(i * i, i + 1);
    }
    return result;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static int64_t (*volatile expensive_operation_call)(int64_t) = expensive_operation;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 1000;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, expensive_operation_call(n));
    printf("%lld %.4f\n", (long long)r, best);
    return 0;
}
