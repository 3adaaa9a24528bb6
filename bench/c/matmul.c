/* The float matrix product of core/wasmgen/testdata/bench/matmul.en.ml:
 * builds a[i][j] = (i + j) / n and b[i][j] = (i - j) / n as rows allocated
 * separately (like the nested lists), multiplies them and sums the product.
 * Build: gcc -O2 -o matmul matmul.c ; run: ./matmul N REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

__attribute__((noinline, noipa)) static double matmul(int64_t n) {
    double **a = malloc(n * sizeof *a), **b = malloc(n * sizeof *b);
    for (int64_t i = 0; i < n; i++) {
        a[i] = malloc(n * sizeof **a);
        b[i] = malloc(n * sizeof **b);
        for (int64_t j = 0; j < n; j++) {
            a[i][j] = (double)(i + j) / (double)n;
            b[i][j] = (double)(i - j) / (double)n;
        }
    }
    double c = 0.0;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++) {
            double s = 0.0;
            for (int64_t k = 0; k < n; k++) s = s + a[i][k] * b[k][j];
            c = c + s;
        }
    for (int64_t i = 0; i < n; i++) {
        free(a[i]);
        free(b[i]);
    }
    free(a);
    free(b);
    return c;
}

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 200;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best = 1e300, r = 0;
    for (int k = 0; k < repeat; k++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        r = matmul(n);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
        if (ms < best) best = ms;
    }
    printf("%.17g %.4f\n", r, best);
    return 0;
}
