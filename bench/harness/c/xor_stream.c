/* The XOR stream of corpus/crypto/crypto.de.multi, xor_strom(), over the n
 * bytes 0, 1, ..., 255, 0, 1, ... with the repeating key "Key" (75, 101,
 * 121), into a new buffer whose bytes are then summed (the benchmark wrapper
 * xor_muster(n) of the harness).
 * Build: gcc -O2 -o xor_stream xor_stream.c ; run: ./xor_stream N REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static const uint8_t key[] = {75, 101, 121};

static int64_t pattern_xor(int64_t n) {
    uint8_t *data = malloc((size_t)n + 1);
    uint8_t *out = malloc((size_t)n + 1);
    for (int64_t i = 0; i < n; i++) data[i] = (uint8_t)(i % 256);
    for (int64_t i = 0; i < n; i++) out[i] = data[i] ^ key[i % (int64_t)sizeof key];
    int64_t sum = 0;
    for (int64_t i = 0; i < n; i++) sum += out[i];
    free(data);
    free(out);
    return sum;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static int64_t (*volatile pattern_xor_call)(int64_t) = pattern_xor;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 1 << 20;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, pattern_xor_call(n));
    printf("%lld %.6f\n", (long long)r, best);
    return 0;
}
