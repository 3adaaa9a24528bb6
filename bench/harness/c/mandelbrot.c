/* कुल_पुनरावृत्तियाँ(चौड़ाई, ऊँचाई, सीमा) of corpus/scientific/scientific.hi.multi:
 * the escape-time counts (at most LIMIT) of the WIDTH x HEIGHT points
 * x0 = -2.0 + 3.0*i/WIDTH, y0 = -1.5 + 3.0*j/HEIGHT in row-major order, kept
 * in a buffer as मैंडलब्रॉट returns them, then summed. The float operations
 * are the corpus's, in its order; build with -ffp-contract=off so that no
 * fused multiply-add changes a count.
 * Build: gcc -O2 -ffp-contract=off -o mandelbrot mandelbrot.c
 * Run: ./mandelbrot WIDTH HEIGHT LIMIT REPEAT. Prints the result and the best
 * time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static int64_t escape(double x0, double y0, int64_t limit) {
    double zx = 0.0, zy = 0.0;
    int64_t k = 0;
    while (k < limit && zx * zx + zy * zy <= 4.0) {
        double t = zx * zx - zy * zy + x0;
        zy = 2.0 * zx * zy + y0;
        zx = t;
        k++;
    }
    return k;
}

static int64_t total_iterations(int64_t w, int64_t h, int64_t limit) {
    int64_t *counts = malloc((size_t)(w * h) * sizeof *counts + 1);
    for (int64_t j = 0; j < h; j++) {
        double y0 = -1.5 + 3.0 * (double)j / (double)h;
        for (int64_t i = 0; i < w; i++) {
            double x0 = -2.0 + 3.0 * (double)i / (double)w;
            counts[j * w + i] = escape(x0, y0, limit);
        }
    }
    int64_t total = 0;
    for (int64_t k = 0; k < w * h; k++) total += counts[k];
    free(counts);
    return total;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static int64_t (*volatile total_iterations_call)(int64_t, int64_t, int64_t) = total_iterations;

int main(int argc, char **argv) {
    int64_t w = argc > 1 ? atoll(argv[1]) : 320;
    int64_t h = argc > 2 ? atoll(argv[2]) : 240;
    int64_t limit = argc > 3 ? atoll(argv[3]) : 100;
    int repeat = argc > 4 ? atoi(argv[4]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, total_iterations_call(w, h, limit));
    printf("%lld %.6f\n", (long long)r, best);
    return 0;
}
