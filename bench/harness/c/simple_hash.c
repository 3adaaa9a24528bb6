/* The simple hash of corpus/crypto/crypto.de.multi, einfacher_hash(), over the
 * n bytes 0, 1, ..., 255, 0, 1, ...: h = (h * 31 + b) mod 2**32 from 0 (the
 * benchmark wrapper hash_muster(n) of the harness).
 * Build: gcc -O2 -o simple_hash simple_hash.c ; run: ./simple_hash N REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static int64_t pattern_hash(int64_t n) {
    uint8_t *data = malloc((size_t)n + 1);
    for (int64_t i = 0; i < n; i++) data[i] = (uint8_t)(i % 256);
    uint64_t h = 0;
    for (int64_t i = 0; i < n; i++) h = (h * 31 + data[i]) % 4294967296u;
    free(data);
    return (int64_t)h;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static int64_t (*volatile pattern_hash_call)(int64_t) = pattern_hash;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 1 << 20;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, pattern_hash_call(n));
    printf("%lld %.6f\n", (long long)r, best);
    return 0;
}
