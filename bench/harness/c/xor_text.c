/* xor_text(text, key) of corpus/crypto/crypto.de.multi: a new string whose
 * code point i is text[i] XOR key[i % len(key)]. The text (N characters,
 * built in main outside the timing as strhash.c builds its "ascii" or
 * "mixed" string) and the key (argv, ASCII) are code points (uint32_t);
 * each call allocates its result, and the timing frees the previous one.
 * The printed result is the sum of the last result's code points.
 * Build: gcc -O2 -o xor_text xor_text.c ; run: ./xor_text N ascii|mixed KEY REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timing.h"

static uint32_t *xor_text(const uint32_t *text, int64_t n, const uint32_t *key, int64_t k) {
    uint32_t *out = malloc((size_t)n * sizeof *out + 1);
    for (int64_t i = 0; i < n; i++) out[i] = text[i] ^ key[i % k];
    return out;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static uint32_t *(*volatile xor_text_call)(const uint32_t *, int64_t, const uint32_t *, int64_t) =
    xor_text;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 1 << 16;
    int mixed = argc > 2 && strcmp(argv[2], "mixed") == 0;
    const char *key_text = argc > 3 ? argv[3] : "Geheimnis";
    int repeat = argc > 4 ? atoi(argv[4]) : 5;
    int64_t k = (int64_t)strlen(key_text);
    if (k == 0) return 2;
    uint32_t *key = malloc((size_t)k * sizeof *key);
    for (int64_t i = 0; i < k; i++) key[i] = (unsigned char)key_text[i];
    uint32_t *text = malloc((size_t)n * sizeof *text + 1);
    for (int64_t i = 0; i < n; i++)
        text[i] = mixed && i % 8 == 0 ? 0xA0 + (uint32_t)((i * 7919) % 0x2F60) : 32 + (uint32_t)((i * 7) % 95);
    double best;
    uint32_t *out = NULL;
    ML_BEST_OF(repeat, out, best, (free(out), out = NULL, xor_text_call(text, n, key, k)));
    int64_t sum = 0;
    for (int64_t i = 0; i < n; i++) sum += out[i];
    free(out);
    free(text);
    free(key);
    printf("%lld %.6f\n", (long long)sum, best);
    return 0;
}
