/* ぼかし検査(幅, 高さ, 半径) of corpus/image/image.ja.multi: an RGB image
 * whose byte k is (k*37 + k/7) % 256, turned to gray with the luma
 * (299 r + 587 g + 114 b) / 1000, then a box blur of radius r whose window
 * is clipped at the edges (the floor of the mean), its pixels summed. The
 * same loops as 箱ぼかし: (2r+1)^2 reads per pixel.
 * Build: gcc -O2 -o blur blur.c ; run: ./blur WIDTH HEIGHT RADIUS REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static int64_t max64(int64_t a, int64_t b) { return a > b ? a : b; }
static int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }

static int64_t blur_check(int64_t w, int64_t h, int64_t r) {
    int64_t pixels = w * h;
    uint8_t *rgb = malloc((size_t)(3 * pixels) + 1);
    int32_t *gray = malloc((size_t)pixels * sizeof *gray + 1);
    int32_t *out = malloc((size_t)pixels * sizeof *out + 1);
    for (int64_t k = 0; k < 3 * pixels; k++) rgb[k] = (uint8_t)((k * 37 + k / 7) % 256);
    for (int64_t i = 0; i < pixels; i++)
        gray[i] = (int32_t)((299 * rgb[3 * i] + 587 * rgb[3 * i + 1] + 114 * rgb[3 * i + 2]) / 1000);
    for (int64_t y = 0; y < h; y++) {
        int64_t top = max64(0, y - r), bottom = min64(h, y + r + 1);
        for (int64_t x = 0; x < w; x++) {
            int64_t left = max64(0, x - r), right = min64(w, x + r + 1);
            int64_t sum = 0;
            for (int64_t yy = top; yy < bottom; yy++)
                for (int64_t xx = left; xx < right; xx++) sum += gray[yy * w + xx];
            out[y * w + x] = (int32_t)(sum / ((bottom - top) * (right - left)));
        }
    }
    int64_t total = 0;
    for (int64_t i = 0; i < pixels; i++) total += out[i];
    free(rgb);
    free(gray);
    free(out);
    return total;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static int64_t (*volatile blur_check_call)(int64_t, int64_t, int64_t) = blur_check;

int main(int argc, char **argv) {
    int64_t w = argc > 1 ? atoll(argv[1]) : 640;
    int64_t h = argc > 2 ? atoll(argv[2]) : 480;
    int64_t r = argc > 3 ? atoll(argv[3]) : 1;
    int repeat = argc > 4 ? atoi(argv[4]) : 5;
    double best;
    int64_t result = 0;
    ML_BEST_OF(repeat, result, best, blur_check_call(w, h, r));
    printf("%lld %.6f\n", (long long)result, best);
    return 0;
}
