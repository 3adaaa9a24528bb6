/* The guide's expensive_operation in C, for the side-by-side benchmark.
 * noipa keeps gcc from treating the call as pure and hoisting it out of the
 * timing loop.
 * Build: gcc -O2 -o expensive expensive.c ; run: ./expensive N REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int64_t floordiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

__attribute__((noipa)) static int64_t expensive_operation(int64_t n) {
    int64_t result = 0;
    for (int64_t i = 0; i < n * n; i++) {
        result = result + floordiv(i * i, i + 1);
    }
    return result;
}

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 1000;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best = 1e300;
    int64_t r = 0;
    for (int k = 0; k < repeat; k++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        r = expensive_operation(n);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
        if (ms < best) best = ms;
    }
    printf("%lld %.4f\n", (long long)r, best);
    return 0;
}
