/* The Mandelbrot kernel of bench/harness/kernels/mandel.en.ml: the sum of
 * the escape-time counts (at most LIMIT) of the WIDTH x HEIGHT points
 * x0 = -2.0 + 3.0*i/WIDTH, y0 = -1.5 + 3.0*j/HEIGHT. Built with
 * -ffp-contract=off so that no fused multiply-add changes a count.
 * Build: gcc -O2 -ffp-contract=off -o mandel mandel.c
 * Run: ./mandel WIDTH HEIGHT LIMIT REPEAT. Prints the result and the best
 * time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static int64_t mandel(int64_t width, int64_t height, int64_t limit) {
    int64_t total = 0;
    for (int64_t j = 0; j < height; j++) {
        double y0 = -1.5 + 3.0 * (double)j / (double)height;
        for (int64_t i = 0; i < width; i++) {
            double x0 = -2.0 + 3.0 * (double)i / (double)width;
            double zx = 0.0, zy = 0.0;
            int64_t k = 0;
            while (k < limit && zx * zx + zy * zy <= 4.0) {
                double t = zx * zx - zy * zy + x0;
                zy = 2.0 * zx * zy + y0;
                zx = t;
                k++;
            }
            total += k;
        }
    }
    return total;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static int64_t (*volatile mandel_call)(int64_t, int64_t, int64_t) = mandel;

int main(int argc, char **argv) {
    int64_t w = argc > 1 ? atoll(argv[1]) : 200;
    int64_t h = argc > 2 ? atoll(argv[2]) : 200;
    int64_t limit = argc > 3 ? atoll(argv[3]) : 100;
    int repeat = argc > 4 ? atoi(argv[4]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, mandel_call(w, h, limit));
    printf("%lld %.6f\n", (long long)r, best);
    return 0;
}
