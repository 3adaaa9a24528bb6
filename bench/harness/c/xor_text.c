/* The XOR stream of the corpus's xor_text (crypto/crypto.de.multi) over
 * a UTF-8 text read from a file: each code point XOR the code point of
 * the repeating key, encoded into a new UTF-8 buffer (the str the Python
 * function returns). Natural C: plain gcc -O2, input from outside, the
 * call through a volatile function pointer.
 * Build: gcc -O2 -o xor_text xor_text.c ; run: ./xor_text FILE KEYFILE REPEAT
 * Prints a checksum of the output (the sum of its code points) and the
 * best time per call in milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static size_t decode(const unsigned char *s, size_t i, uint32_t *cp) {
    uint32_t c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xE0) {
        *cp = (c & 0x1F) << 6 | (s[i + 1] & 0x3F);
        return 2;
    }
    if (c < 0xF0) {
        *cp = (c & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
        return 3;
    }
    *cp = (c & 0x07) << 18 | (s[i + 1] & 0x3F) << 12 | (s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F);
    return 4;
}

static size_t encode(unsigned char *out, uint32_t c) {
    if (c < 0x80) {
        out[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (unsigned char)(0xC0 | c >> 6);
        out[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xE0 | c >> 12);
        out[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        out[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | c >> 18);
    out[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
    out[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
    out[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

static const uint32_t *key;
static size_t nkey;

/* Returns the sum of the code points of the result, which is built. */
static int64_t xor_text(const unsigned char *s, size_t n) {
    unsigned char *out = malloc(n * 4 + 4);
    size_t i = 0, o = 0, k = 0;
    while (i < n) {
        uint32_t c;
        i += decode(s, i, &c);
        o += encode(out + o, c ^ key[k % nkey]);
        k++;
    }
    int64_t sum = 0;
    for (size_t j = 0; j < o;) {
        uint32_t c;
        j += decode(out, j, &c);
        sum += c;
    }
    free(out);
    return sum;
}

static int64_t (*volatile xor_text_call)(const unsigned char *, size_t) = xor_text;

static unsigned char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *s = malloc(*n + 4);
    if (!s || fread(s, 1, *n, f) != *n) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(1);
    }
    fclose(f);
    return s;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: xor_text FILE KEYFILE [REPEAT]\n");
        return 2;
    }
    size_t n, nk;
    unsigned char *s = slurp(argv[1], &n);
    unsigned char *kb = slurp(argv[2], &nk);
    uint32_t *cps = malloc(sizeof *cps * (nk + 1));
    for (size_t i = 0; i < nk;) {
        i += decode(kb, i, &cps[nkey]);
        nkey++;
    }
    key = cps;
    int repeat = argc > 3 ? atoi(argv[3]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, xor_text_call(s, n));
    printf("%lld %.6f\n", (long long)r, best);
    return 0;
}
