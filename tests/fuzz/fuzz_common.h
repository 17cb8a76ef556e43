/* fuzz_common.h - shared by the libFuzzer harnesses in tests/fuzz/ (rwkv.h's implementation
   and tokenizer.c are separate objects: tests/fuzz/rwkv_impl.c).

   FUZZ_CHECK(cond, ...) reports a broken invariant and abort()s, so libFuzzer saves the
   input as a crash. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../rwkv.h"

#define FUZZ_CHECK(cond, ...)                                                                  \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__, __LINE__, #cond);      \
            fprintf(stderr, __VA_ARGS__);                                                      \
            fprintf(stderr, "\n");                                                             \
            abort();                                                                           \
        }                                                                                      \
    } while (0)

/* The message of a failed call is a NUL-terminated sentence that fits the buffer. */
static inline void fuzz_check_error(rwkv_status st, const rwkv_error *err)
{
    const char *nul = (const char *)memchr(err->message, 0, sizeof err->message);
    FUZZ_CHECK(nul != NULL, "error message not terminated");
    FUZZ_CHECK(nul != err->message, "empty error message for status %d", (int)st);
    FUZZ_CHECK(err->code == st, "err.code %d, returned %d", (int)err->code, (int)st);
    FUZZ_CHECK(st >= RWKV_ERR_IO && st <= RWKV_ERR_STATE, "unknown status %d", (int)st);
}

/* ---- a growable byte buffer ------------------------------------------------------------ */

typedef struct {
    unsigned char *p;
    size_t n, cap;
} fuzz_buf;

static inline void fb_add(fuzz_buf *b, const void *data, size_t n)
{
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n) cap *= 2;
        b->p = (unsigned char *)realloc(b->p, cap);
        FUZZ_CHECK(b->p != NULL, "out of memory");
        b->cap = cap;
    }
    if (n) memcpy(b->p + b->n, data, n);
    b->n += n;
}

#endif /* FUZZ_COMMON_H */
