/* fib(n) recursive, the kernel of core/wasmgen/testdata/bench/fib.en.ml.
 * Build: gcc -O2 -o fib fib.c ; run: ./fib N REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

__attribute__((noinline, noipa)) static int64_t fib(int64_t n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 30;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best = 1e300;
    int64_t r = 0;
    for (int k = 0; k < repeat; k++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        r = fib(n);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
        if (ms < best) best = ms;
    }
    printf("%lld %.4f\n", (long long)r, best);
    return 0;
}
