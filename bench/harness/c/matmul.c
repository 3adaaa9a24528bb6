/* The float matrix product of core/wasmgen/testdata/bench/matmul.en.ml:
 * builds a[i][j] = (i + j) / n and b[i][j] = (i - j) / n as rows allocated
 * separately (like the nested lists), multiplies them and sums the product.
 * Build: gcc -O2 -o matmul matmul.c ; run: ./matmul N REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static double matmul(int64_t n) {
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

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static double (*volatile matmul_call)(int64_t) = matmul;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 200;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best, r = 0;
    ML_BEST_OF(repeat, r, best, matmul_call(n));
    printf("%.17g %.4f\n", r, best);
    return 0;
}
