/* somme_produit(n) / product_sum(n) of the corpus matrix programs
 * (corpus/matrix/matrix.fr.multi, matrix.en.multi): a[i][j] = (i*n + j) % 7 - 3.0
 * and b[i][j] = ((i + 2*j) % 5) * 0.5, their product by the i-j-k loop of
 * multiplier(), then the elements of the product summed row by row. Flat
 * row-major buffers; the sums run in the corpus's order (build with
 * -ffp-contract=off so that no fused multiply-add changes a bit).
 * Build: gcc -O2 -ffp-contract=off -o product_sum product_sum.c
 * Run: ./product_sum N REPEAT. Prints the result and the best time per call
 * in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static double product_sum(int64_t n) {
    size_t cells = (size_t)(n * n) + 1;
    double *a = malloc(cells * sizeof *a);
    double *b = malloc(cells * sizeof *b);
    double *c = malloc(cells * sizeof *c);
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++) {
            a[i * n + j] = (double)((i * n + j) % 7) - 3.0;
            b[i * n + j] = (double)((i + 2 * j) % 5) * 0.5;
        }
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++) {
            double total = 0.0;
            for (int64_t k = 0; k < n; k++) total += a[i * n + k] * b[k * n + j];
            c[i * n + j] = total;
        }
    double sum = 0.0;
    for (int64_t i = 0; i < n * n; i++) sum += c[i];
    free(a);
    free(b);
    free(c);
    return sum;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static double (*volatile product_sum_call)(int64_t) = product_sum;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 100;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best, r = 0;
    ML_BEST_OF(repeat, r, best, product_sum_call(n));
    printf("%.17g %.6f\n", r, best);
    return 0;
}
