/* pair_model.c - two builds of the engine generating from one model in one process, in
   turns: A, B, B, A, A, B ... runs of tokens, the time ratio taken per pair.

   tools/pair.sh [-a "CFLAGS"] [-b "CFLAGS"] [-A HEADER] [-B HEADER] model -- MODEL
                 [THREADS] [TOKENS] [PAIRS] [seq]
   e.g. tools/pair.sh -A old/rwkv.h -B rwkv.h model -- build/bench/rwkv7-1.5b-q8_0.gguf 2

   The whole forward pass of rwkv_eval (generation, one token at a time), THREADS threads
   (default 2), runs of TOKENS tokens (default 4), PAIRS pairs (default 24); with `seq`, a
   run is a prompt instead: a fresh state, then one rwkv_eval_seq of the TOKENS tokens. Each side opens
   the model itself (one mapping of the file each, the same pages) and keeps its own state.
   Why in one process: tools/pair_matmul.c. The order alternates (A then B, B then A) so that
   going first or second does not bias the ratio. With two threads or more, a cache line's
   round trip between two threads (core_trip_ns) is timed before each pair, and the pairs
   are also summed up apart by it: on a VM whose two vCPUs sit in one CCD of a Zen or in two
   by the minute (~50-90 ns or ~300-380), a change can help in one placement only.

   Each side includes its header with RWKV_IMPLEMENTATION; pair.sh renames the public
   rwkv_* symbols of each side's object (a_rwkv_..., b_rwkv_...) so that every call made
   inside a side, public functions included, stays within that side's build. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef PAIR_SIDE
#define RWKV_IMPLEMENTATION
#include PAIR_HEADER
#define PAIR_CAT2(a, b) a##b
#define PAIR_CAT(a, b) PAIR_CAT2(a, b)
typedef struct pair_ctx {
    rwkv_model *model;
    rwkv_state *st;
    float *logits;
} pair_ctx;
void *PAIR_CAT(pair_open_, PAIR_SIDE)(const char *path, int nth);
int PAIR_CAT(pair_gen_, PAIR_SIDE)(void *ctx, const int *ids, int n, int seq);
void *PAIR_CAT(pair_open_, PAIR_SIDE)(const char *path, int nth)
{
    pair_ctx *c = (pair_ctx *)calloc(1, sizeof *c);
    rwkv_error err;
    if (!c) return NULL;
    if (rwkv_model_open(path, &c->model, &err) != RWKV_OK) {
        fprintf(stderr, "pair_model: %s\n", err.message);
        return NULL;
    }
    rwkv_model_set_threads(c->model, nth);
    if (rwkv_state_new(c->model, &c->st, &err) != RWKV_OK) {
        fprintf(stderr, "pair_model: %s\n", err.message);
        return NULL;
    }
    c->logits = (float *)malloc(sizeof(float) * (size_t)rwkv_model_get_n_vocab(c->model));
    return c->logits ? c : NULL;
}
/* n tokens of generation, or (seq) a prompt of n tokens from a fresh state (ids taken
   modulo the vocabulary): 0, or -1 on an error */
int PAIR_CAT(pair_gen_, PAIR_SIDE)(void *ctx, const int *ids, int n, int seq)
{
    pair_ctx *c = (pair_ctx *)ctx;
    const int nv = rwkv_model_get_n_vocab(c->model);
    rwkv_error err;
    int k, tok[1024];
    if (seq) {
        for (k = 0; k < n; k++) tok[k] = ids[k] % nv;
        rwkv_state_reset(c->st);
        if (rwkv_eval_seq(c->st, tok, (size_t)n, c->logits, 0, &err) != RWKV_OK) {
            fprintf(stderr, "pair_model: %s\n", err.message);
            return -1;
        }
        return 0;
    }
    for (k = 0; k < n; k++)
        if (rwkv_eval(c->st, ids[k] % nv, c->logits, &err) != RWKV_OK) {
            fprintf(stderr, "pair_model: %s\n", err.message);
            return -1;
        }
    return 0;
}
#else
#include "bench_clock.h"

void *pair_open_a(const char *path, int nth);
void *pair_open_b(const char *path, int nth);
int pair_gen_a(void *ctx, const int *ids, int n, int seq);
int pair_gen_b(void *ctx, const int *ids, int n, int seq);

/* Sorts v[0..n) and prints "WHAT median M, quartiles Q1-Q3" (nothing for n = 0). */
static void print_spread(const char *what, double *v, int n)
{
    if (n == 0) return;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    printf("%s median %.3f, quartiles %.3f-%.3f", what, v[n / 2], v[n / 4], v[3 * n / 4]);
}

int main(int argc, char **argv)
{
    int nth = 2, n = 4, pairs = 24, seq = 0, i, k, ids[1024];
    uint64_t x = 0x2545f4914f6cdd1dull;
    void *ca, *cb;
    double *ta, *tb, *ratio, *trip;
    const double far_ns = 200.0; /* a round trip above this: the threads in two CCDs */
    if (argc < 2) {
        fprintf(stderr, "usage: %s MODEL [THREADS] [TOKENS] [PAIRS] [seq]\n", argv[0]);
        return 2;
    }
    if (argc > 2) nth = atoi(argv[2]);
    if (argc > 3) n = atoi(argv[3]);
    if (argc > 4) pairs = atoi(argv[4]);
    if (argc > 5) seq = !strcmp(argv[5], "seq");
    if (nth < 1 || n < 1 || n > 1024 || pairs < 1) {
        fprintf(stderr, "%s: THREADS >= 1, TOKENS 1-1024 and PAIRS >= 1\n", argv[0]);
        return 2;
    }
    for (k = 0; k < n; k++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        ids[k] = (int)(x >> 33);
    }
    ca = pair_open_a(argv[1], nth);
    cb = pair_open_b(argv[1], nth);
    ta = (double *)malloc(4 * sizeof(double) * (size_t)pairs);
    if (!ca || !cb || !ta) return 1;
    tb = ta + pairs;
    ratio = tb + pairs;
    trip = ratio + pairs;
    /* first touch of every weight, and the thread teams' first decisions */
    if (pair_gen_a(ca, ids, n, seq) < 0 || pair_gen_b(cb, ids, n, seq) < 0) return 1;
    for (i = 0; i < pairs; i++) {
        double t0, t1, t2;
        trip[i] = core_trip_ns(nth);
        t0 = now();
        if (i % 2 ? pair_gen_b(cb, ids, n, seq) < 0 : pair_gen_a(ca, ids, n, seq) < 0) return 1;
        t1 = now();
        if (i % 2 ? pair_gen_a(ca, ids, n, seq) < 0 : pair_gen_b(cb, ids, n, seq) < 0) return 1;
        t2 = now();
        ta[i] = (i % 2 ? t2 - t1 : t1 - t0) / n;
        tb[i] = (i % 2 ? t1 - t0 : t2 - t1) / n;
        ratio[i] = ta[i] / tb[i];
    }
    if (nth >= 2 && trip[0] > 0.0) { /* the pairs' ratios near and far apart, unsorted */
        double *near = (double *)malloc(2 * sizeof(double) * (size_t)pairs), *far;
        int nn = 0, nf = 0;
        if (!near) return 1;
        far = near + pairs;
        for (i = 0; i < pairs; i++) {
            if (trip[i] > far_ns) far[nf++] = ratio[i];
            else near[nn++] = ratio[i];
        }
        printf("core trip <= %.0f ns: %d pairs", far_ns, nn);
        print_spread(", speed B/A", near, nn);
        printf(" | above: %d pairs", nf);
        print_spread(",", far, nf);
        printf("\n");
        free(near);
    }
    qsort(ta, (size_t)pairs, sizeof *ta, cmp_double);
    qsort(tb, (size_t)pairs, sizeof *tb, cmp_double);
    qsort(ratio, (size_t)pairs, sizeof *ratio, cmp_double);
    printf("%s, %d threads, %d pairs of %d tokens%s: A median %.1f best %.1f ms/token | B median "
           "%.1f best %.1f | speed B/A: median %.3f, quartiles %.3f-%.3f\n",
           argv[1], nth, pairs, n, seq ? " (prompts)" : "", 1e3 * ta[pairs / 2], 1e3 * ta[0], 1e3 * tb[pairs / 2],
           1e3 * tb[0], ratio[pairs / 2], ratio[pairs / 4], ratio[3 * pairs / 4]);
    free(ta);
    return 0;
}
#endif
