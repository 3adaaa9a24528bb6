/* The sieve of Eratosthenes of core/wasmgen/testdata/bench/sieve.en.ml:
 * counts the primes up to n. Build: gcc -O2 -o sieve sieve.c ;
 * run: ./sieve N REPEAT. Prints the result and the best time per call in
 * milliseconds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "timing.h"

static int64_t sieve(int64_t n) {
    char *flags = malloc(n + 1);
    for (int64_t i = 0; i <= n; i++) flags[i] = 1;
    int64_t count = 0;
    for (int64_t i = 2; i <= n; i++) {
        if (flags[i]) {
            count++;
            for (int64_t j = i * i; j <= n; j += i) flags[j] = 0;
        }
    }
    free(flags);
    return count;
}

/* The timing loop calls the kernel through a volatile pointer, so gcc
 * cannot fold or hoist the call; the kernel itself is plain C. */
static int64_t (*volatile sieve_call)(int64_t) = sieve;

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoll(argv[1]) : 1000000;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    double best;
    int64_t r = 0;
    ML_BEST_OF(repeat, r, best, sieve_call(n));
    printf("%lld %.4f\n", (long long)r, best);
    return 0;
}
