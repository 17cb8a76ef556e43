/* pair_matmul.c - two builds of a matrix product (rwkv__matmul, a float or quantized type)
   timed in turns in one process: A, B, A, B ... on the same data, the ratio taken per pair.

   tools/pair.sh [-a "CFLAGS"] [-b "CFLAGS"] [-A HEADER] [-B HEADER] matmul -- TYPE ROWS COLS T
                       [MATRICES] [PAIRS]
   e.g. tools/pair.sh -A old/rwkv.h -B rwkv.h matmul -- f16 8192 2048 64
        tools/pair.sh -b -DRWKV__FAMX_KC=256 matmul -- bf16 2048 2048 64

   Why: this VM (2 vCPUs shared with other tenants) runs the same binary at two speeds, about
   a factor of 2 apart, switching every few seconds (a neighbour on the core's other
   hyperthread, whose AMX and caches it shares), so two binaries run one after the other
   compare phases, not code: a change of 5-20% was invisible or reversed between runs. Calls
   a few milliseconds apart share the phase; the median of the per-pair ratios B/A (and its
   quartiles) was stable to ~2% between runs where the GFLOP/s moved 2x (docs/KERNELS.md,
   eighth round). A runs first in every pair; a build paired with itself shows the bias
   (0.98-1.01 here).

   The file is compiled three times (tools/pair.sh): once per side with PAIR_SIDE = a or b
   (each includes its header with RWKV_IMPLEMENTATION, so the two sides' static kernels
   are separate; pair.sh renames each side's public rwkv_* functions apart), and once
   without PAIR_SIDE for main. One thread (PAIR_THREADS=N in the environment: N;
   PAIR_THREADS_A / PAIR_THREADS_B: that side's count, e.g. one thread against two in the same
   minute; PAIR_LORA set: the matrix is a LoRA of a float model, lora_tiles); the product is
   rwkv__matmul with scratch, on MATRICES distinct matrices (default 4) so that the weights
   come from memory. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* madvise */
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
#define PAIR_THREADS_a "PAIR_THREADS_A"
#define PAIR_THREADS_b "PAIR_THREADS_B"
void PAIR_CAT(pair_run_, PAIR_SIDE)(float *Y, int type, const void *data, int64_t rows,
                                    int64_t cols, const float *X, int T, void *work);
size_t PAIR_CAT(pair_work_, PAIR_SIDE)(int type, int64_t cols, int T);
void PAIR_CAT(pair_run_, PAIR_SIDE)(float *Y, int type, const void *data, int64_t rows,
                                    int64_t cols, const float *X, int T, void *work)
{
    rwkv__tensor W;
    memset(&W, 0, sizeof W);
    W.type = type;
    W.n_dims = 2;
    W.ne[0] = cols;
    W.ne[1] = rows;
    W.data = data;
    W.lora_tiles = getenv("PAIR_LORA") != NULL; /* as the LoRAs of a float model (prompts) */
#ifdef RWKV__PACK
    { /* the packed copy the loader makes (rwkv__pk_new), made once per matrix */
        static const void *key[64];
        static const uint8_t *packed[64];
        static void *mem[64];
        int i;
        for (i = 0; i < 64 && key[i] && key[i] != data; i++) continue;
        if (i < 64 && !key[i]) {
            key[i] = data;
            packed[i] = rwkv__pk_new(type, (const uint8_t *)data, rows, cols, &mem[i]);
        }
        if (i < 64) W.packed = packed[i];
    }
#endif
    { /* PAIR_THREADS_A / PAIR_THREADS_B: this side's own count (one thread against two) */
        const char *n = getenv(PAIR_CAT(PAIR_THREADS_, PAIR_SIDE));
        if (!n) n = getenv("PAIR_THREADS");
        rwkv__matmul(Y, &W, X, T, n ? atoi(n) : 1, work);
    }
}
/* scratch for rwkv__matmul (the tiles' layout of the tokens, or the quantized tokens) */
size_t PAIR_CAT(pair_work_, PAIR_SIDE)(int type, int64_t cols, int T)
{
    if (rwkv__qblock(type)) return rwkv__matmul_q_work_bytes(type, cols, T);
    return rwkv__fpk_pack_bytes(type, cols, T) + 64;
}
/* bytes of one row (0: a type this build does not know) */
size_t PAIR_CAT(pair_row_bytes_, PAIR_SIDE)(int type, int64_t cols);
size_t PAIR_CAT(pair_row_bytes_, PAIR_SIDE)(int type, int64_t cols)
{
    return (size_t)rwkv__row_bytes(type, (uint64_t)cols);
}
#else
#include "bench_clock.h"
#ifdef __linux__
#include <sys/mman.h>
#endif
#include "bench_alloc.h" /* the matrices in 2 MiB pages, as the model's map */

void pair_run_a(float *, int, const void *, int64_t, int64_t, const float *, int, void *);
void pair_run_b(float *, int, const void *, int64_t, int64_t, const float *, int, void *);
size_t pair_work_a(int, int64_t, int);
size_t pair_work_b(int, int64_t, int);
size_t pair_row_bytes_a(int, int64_t);

int main(int argc, char **argv)
{
    int type, T, nmat = 4, pairs = 40, i;
    int64_t rows, cols;
    size_t bytes, k, wa, wb;
    uint16_t *arena;
    float *X, *Y;
    void *work;
    double *ta, *tb, *ratio, flop;
    if (argc < 5) {
        fprintf(stderr,
                "usage: %s f32|f16|bf16|q8_0|q4_0|q4_1|q5_0|q5_1|q4_k|q5_k|q6_k ROWS COLS T [MATRICES] [PAIRS]\n",
                argv[0]);
        return 2;
    }
    { /* ggml's type ids */
        static const char *const names[] = { "f32",  "f16",  "bf16", "q8_0", "q4_0", "q4_1",
                                             "q5_0", "q5_1", "q4_k", "q5_k", "q6_k" };
        static const int ids[] = { 0, 1, 30, 8, 2, 3, 6, 7, 12, 13, 14 };
        type = -1;
        for (i = 0; i < (int)(sizeof ids / sizeof ids[0]); i++)
            if (!strcmp(argv[1], names[i])) type = ids[i];
        if (type < 0) {
            fprintf(stderr, "%s: unknown type '%s' (f32 f16 bf16 q8_0 q4_0 q4_1 q5_0 q5_1 q4_k q5_k q6_k)\n",
                    argv[0], argv[1]);
            return 2;
        }
    }
    rows = atol(argv[2]);
    cols = atol(argv[3]);
    T = atoi(argv[4]);
    if (argc > 5) nmat = atoi(argv[5]);
    if (argc > 6) pairs = atoi(argv[6]);
    if (rows <= 0 || cols <= 0 || T <= 0 || nmat <= 0 || pairs <= 0) {
        fprintf(stderr, "%s: ROWS, COLS, T, MATRICES and PAIRS must be positive\n", argv[0]);
        return 2;
    }
    bytes = (size_t)rows * pair_row_bytes_a(type, cols);
    if (bytes == 0) {
        fprintf(stderr, "%s: COLS must be a multiple of the type's block\n", argv[0]);
        return 2;
    }
    wa = pair_work_a(type, cols, T);
    wb = pair_work_b(type, cols, T);
    arena = (uint16_t *)bench_need(bench_alloc_big(bytes * (size_t)nmat));
    X = (float *)bench_need(malloc(sizeof(float) * (size_t)T * (size_t)cols));
    Y = (float *)bench_need(malloc(sizeof(float) * (size_t)T * (size_t)rows));
    work = bench_need(malloc(wa > wb ? wa : wb));
    ta = (double *)bench_need(malloc(3 * sizeof(double) * (size_t)pairs));
    tb = ta + pairs;
    ratio = tb + pairs;
    /* small finite weights of every exponent the kernels see, in each type (the quantized
       blocks' f16 scales and their integers alike take f16 patterns) */
    for (k = 0; k < bytes / 2 * (size_t)nmat; k++)
        arena[k] = (uint16_t)(type != 0 && type != 30 ? 0x3000 + (k * 7919) % 0x800
                              : type == 30 ? 0x3c00 + (k * 7919) % 0x100
                              : (k % 2 ? 0x3c00 + (k * 7919) % 0x100 : 0));
    for (k = 0; k < (size_t)T * (size_t)cols; k++) X[k] = (float)((k * 31) % 97) * 0.01f - 0.4f;
    /* A takes the even matrices and B the odd ones: B's matrix must not be the one A reads
       next (with i % n and (i + 1) % n, A read what B had just left in a 32 MiB L3 of an AMD
       Zen 5, and a build paired with itself measured B/A = 0.59) */
    /* one untimed call of each side on every matrix first: a quantized matrix's first product
       makes its packed copy (x86), which a timed call must not include (with MATRICES
       near 2 x PAIRS, most calls did and the medians read ~10x low) */
    for (i = 0; i < nmat; i++) {
        pair_run_a(Y, type, (const char *)arena + bytes * (size_t)i, rows, cols, X, T, work);
        pair_run_b(Y, type, (const char *)arena + bytes * (size_t)i, rows, cols, X, T, work);
    }
    for (i = 0; i < pairs; i++) {
        double t0;
        t0 = now();
        pair_run_a(Y, type, (const char *)arena + bytes * (size_t)((2 * i) % nmat), rows, cols, X, T,
                   work);
        ta[i] = now() - t0;
        t0 = now();
        pair_run_b(Y, type, (const char *)arena + bytes * (size_t)((2 * i + 1) % nmat), rows, cols,
                   X, T, work);
        tb[i] = now() - t0;
        ratio[i] = ta[i] / tb[i];
    }
    qsort(ta, (size_t)pairs, sizeof *ta, cmp_double);
    qsort(tb, (size_t)pairs, sizeof *tb, cmp_double);
    qsort(ratio, (size_t)pairs, sizeof *ratio, cmp_double);
    flop = 2.0 * (double)rows * (double)cols * (double)T / 1e9;
    printf("%s %lldx%lld T=%d, %d pairs: A median %.1f best %.1f GFLOP/s | B median %.1f best "
           "%.1f | speed B/A: median %.3f, quartiles %.3f-%.3f\n",
           argv[1], (long long)rows, (long long)cols, T, pairs, flop / ta[pairs / 2],
           flop / ta[0], flop / tb[pairs / 2], flop / tb[0], ratio[pairs / 2],
           ratio[pairs / 4], ratio[3 * pairs / 4]);
    bench_free_big(arena);
    free(X); free(Y); free(work); free(ta);
    return 0;
}
#endif
