/* The string hash of issue 18 over the code points of a UTF-8 text read
 * from a file: h = (h * 31 + code point) mod 2**32 from 0, as
 * str_hash(s) and the corpus's text_hash (crypto/crypto.de.multi) compute
 * it over a str. Natural C: plain gcc -O2, no attribute on the kernel, the
 * input from outside, the call through a volatile function pointer.
 * Build: gcc -O2 -o str_hash str_hash.c ; run: ./str_hash FILE REPEAT
 * Prints the result and the best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static int64_t str_hash(const unsigned char *s, size_t n) {
    uint64_t h = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t c = s[i];
        if (c < 0x80) {
            i += 1;
        } else if (c < 0xE0) {
            c = (c & 0x1F) << 6 | (s[i + 1] & 0x3F);
            i += 2;
        } else if (c < 0xF0) {
            c = (c & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
            i += 3;
        } else {
            c = (c & 0x07) << 18 | (s[i + 1] & 0x3F) << 12 | (s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F);
            i += 4;
        }
        h = (h * 31 + c) % 4294967296u;
    }
    return (int64_t)h;
}

static int64_t (*volatile str_hash_call)(const unsigned char *, size_t) = str_hash;

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: str_hash FILE [REPEAT]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *s = malloc((size_t)n + 4);
    if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    fclose(f);
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, str_hash_call(s, (size_t)n));
    printf("%lld %.6f\n", (long long)r, best);
    free(s);
    return 0;
}
