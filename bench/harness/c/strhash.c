/* The string hash of bench/harness/kernels/strhash.en.ml (and the corpus's
 * text_hash): h = (h * 31 + code point) mod 2**32 from 0, over a string of
 * N characters built in main, outside the timing. "ascii" is a char string
 * (code point 32 + (i*7) % 95 at i); "mixed" puts a non-ASCII code point,
 * 0xA0 + (i*7919) % 0x2F60, at every 8th place and is held as code points
 * (uint32_t), as a C program holds text that is not ASCII.
 * Build: gcc -O2 -o strhash strhash.c ; run: ./strhash N ascii|mixed REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timing.h"

static int64_t hash_chars(const char *s, int64_t n) {
    uint64_t h = 0;
    for (int64_t i = 0; i < n; i++) h = (h * 31 + (unsigned char)s[i]) % 4294967296u;
    return (int64_t)h;
}

static int64_t hash_code_points(const uint32_t *s, int64_t n) {
    uint64_t h = 0;
    for (int64_t i = 0; i < n; i++) h = (h * 31 + s[i]) % 4294967296u;
    return (int64_t)h;
}

/* The timing loop calls the kernels through volatile pointers, so gcc
 * cannot fold or hoist the call; the kernels themselves are plain C. */
static int64_t (*volatile hash_chars_call)(const char *, int64_t) = hash_chars;
static int64_t (*volatile hash_code_points_call)(const uint32_t *, int64_t) = hash_code_points;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 1 << 20;
    int mixed = argc > 2 && strcmp(argv[2], "mixed") == 0;
    int repeat = argc > 3 ? atoi(argv[3]) : 5;
    double best;
    int64_t r = 0;
    if (mixed) {
        uint32_t *s = malloc((size_t)n * sizeof *s + 1);
        for (int64_t i = 0; i < n; i++)
            s[i] = i % 8 == 0 ? 0xA0 + (uint32_t)((i * 7919) % 0x2F60) : 32 + (uint32_t)((i * 7) % 95);
        ML_BEST_OF(repeat, r, best, hash_code_points_call(s, n));
        free(s);
    } else {
        char *s = malloc((size_t)n + 1);
        for (int64_t i = 0; i < n; i++) s[i] = (char)(32 + (i * 7) % 95);
        ML_BEST_OF(repeat, r, best, hash_chars_call(s, n));
        free(s);
    }
    printf("%lld %.6f\n", (long long)r, best);
    return 0;
}
