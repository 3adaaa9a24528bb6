/* pruefsumme_muster(n) of corpus/crypto/crypto.de.multi: Adler-32 (as
 * zlib.adler32) of the n bytes 0, 1, ..., 255, 0, 1, ... with one modulo per
 * byte, as the corpus's adler32() does.
 * Build: gcc -O2 -o adler32 adler32.c ; run: ./adler32 N REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static int64_t pattern_adler32(int64_t n) {
    uint8_t *data = malloc((size_t)n + 1);
    for (int64_t i = 0; i < n; i++) data[i] = (uint8_t)(i % 256);
    int64_t a = 1, b = 0;
    for (int64_t i = 0; i < n; i++) {
        a = (a + data[i]) % 65521;
        b = (b + a) % 65521;
    }
    free(data);
    return b * 65536 + a;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static int64_t (*volatile pattern_adler32_call)(int64_t) = pattern_adler32;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 1 << 20;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, pattern_adler32_call(n));
    printf("%lld %.6f\n", (long long)r, best);
    return 0;
}
