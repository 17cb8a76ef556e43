/* bench_quant.c - speed of the quantized kernels (rwkv.h) against the read bandwidth.

   cc -std=c99 -O3 -march=native -fopenmp -o build/bench_quant tools/bench_quant.c tokenizer.c -lm
   build/bench_quant [--quick] [--all] [--type ID] [--mv-only | --mm-only]

   matvec (generation, one token): for each type and shape (rows x cols) it makes one quantized
   matrix and copies it into enough distinct buffers to read >= 256 MiB per pass (nothing comes
   from cache), then, for 1 and 2 threads, alternates ROUNDS times: a plain read of exactly those
   buffers (vector loads, summed) and a pass of rwkv__matmul_q_run over them (T = 1, scratch
   allocated once). It prints the best GB/s of each (weight bytes / time) and the median over the rounds of matvec GB/s / read
   GB/s of the same round ("% of read"); where the build packs the type's rows (x86, rwkv__pk_*)
   the same again over packed copies of the buffers, which is what a model's generation reads
   (until 2026-12-07 only the file layout was timed: Q5_1 ran 61% of the read there and ~100%
   packed). The VM this was written on is noisy (2 cores shared): only same-run ratios mean
   anything.
   matmul (prompt): GFLOP/s of a 64-token block (2 FLOP per weight per token), 2048 x 2048,
   1 and 2 threads, scratch allocated once (rwkv__matmul_q_ws): "cached", the best of 10
   calls on one matrix (it stays in the caches), and "streamed", the best of 3 passes over
   >= 256 MiB of copies of it (the weights come from memory, as in a model).
   Default types: Q8_0 Q4_0 Q4_K (--all: all eight). */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_common.h"

static uint64_t rng = 88172645463325252ULL;
static double urand(void)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (double)(rng >> 11) * (1.0 / 9007199254740992.0);
}
static float grand(void)
{
    double u = urand(), v = urand();
    if (u < 1e-300) u = 1e-300;
    return (float)(sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v));
}

/* GB/s of one pass of one-token products over the nbuf copies: the file layout (pk NULL) or
   the packed copies the model's loader makes (rwkv__pk_fill: what generation reads on x86;
   bytes: the packed bytes then, which for the K types carry 2.8% more than the file's) */
static double mv_pass(unsigned char **bufs, unsigned char **pk, int nbuf, size_t bytes, int type,
                      int64_t rows, int64_t cols, const float *x, float *y, int nth, void *work)
{
    double t0 = now();
    int i;
    for (i = 0; i < nbuf; i++)
        rwkv__matmul_q_run(y, bufs[i], pk ? pk[i] : NULL, type, rows, cols, x, 1, nth, work, 1);
    return (double)nbuf * (double)bytes / (now() - t0) / 1e9;
}

static const char *tname(int type)
{
    switch (type) {
    case RWKV__TYPE_Q4_0: return "Q4_0";
    case RWKV__TYPE_Q4_1: return "Q4_1";
    case RWKV__TYPE_Q5_0: return "Q5_0";
    case RWKV__TYPE_Q5_1: return "Q5_1";
    case RWKV__TYPE_Q8_0: return "Q8_0";
    case RWKV__TYPE_Q4_K: return "Q4_K";
    case RWKV__TYPE_Q5_K: return "Q5_K";
    case RWKV__TYPE_Q6_K: return "Q6_K";
    }
    return "?";
}

/* one quantized rows x cols matrix of Gaussian weights with a few outliers */
static unsigned char *make_matrix(int type, int64_t rows, int64_t cols)
{
    const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols);
    unsigned char *q = (unsigned char *)bench_need(malloc(rowb * (size_t)rows));
    float *row = (float *)bench_need(malloc((size_t)cols * sizeof(float)));
    int64_t r, c;
    /* quantize 64 distinct rows and repeat them (quantizing 65536 rows takes a while) */
    for (r = 0; r < rows; r++) {
        if (r < 64) {
            for (c = 0; c < cols; c++) row[c] = 0.02f * grand() * (urand() < 0.005 ? 10.0f : 1.0f);
            rwkv__quant_row(type, row, q + (size_t)r * rowb, cols, RWKV__QUANT_REF);
        } else {
            memcpy(q + (size_t)r * rowb, q + (size_t)(r % 64) * rowb, rowb);
        }
    }
    free(row);
    return q;
}

int main(int argc, char **argv)
{
    static const int64_t shapes[4][2] = {{2048, 2048}, {2048, 8192}, {8192, 2048}, {65536, 2048}};
    static const int all[8] = {RWKV__TYPE_Q8_0, RWKV__TYPE_Q4_0, RWKV__TYPE_Q4_K, RWKV__TYPE_Q4_1,
                               RWKV__TYPE_Q5_0, RWKV__TYPE_Q5_1, RWKV__TYPE_Q5_K, RWKV__TYPE_Q6_K};
    int quick = 0, ntypes = 3, mv = 1, mm = 1, i, k, si, nth, only = -1;
    const int ROUNDS_FULL = 9;
    int rounds;
    const size_t target = (size_t)256 << 20;
    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick")) quick = 1;
        else if (!strcmp(argv[i], "--all")) ntypes = 8;
        else if (!strcmp(argv[i], "--mv-only")) mm = 0;
        else if (!strcmp(argv[i], "--mm-only")) mv = 0;
        else if (!strcmp(argv[i], "--type") && i + 1 < argc) { only = atoi(argv[++i]); ntypes = 8;
        } else {
            fprintf(stderr, "usage: %s [--quick] [--all] [--type ID] [--mv-only | --mm-only]\n",
                    argv[0]);
            return 2;
        }
    }
    rounds = quick ? 3 : ROUNDS_FULL;
    printf("variant: %s; matvec tile %d rows (per type below), matmul tile %dx%d, "
           "next-tile prefetch %s\n",
#if defined(RWKV__QVNNI)
           "AVX-512 VNNI",
#elif defined(RWKV__QAVX2)
           "AVX2",
#elif defined(RWKV__QNEON) && defined(__ARM_FEATURE_DOTPROD)
           "NEON dotprod",
#elif defined(RWKV__QNEON)
           "NEON",
#else
           "scalar",
#endif
           RWKV__QMV_R, RWKV__QMM_R, RWKV__QMM_T, RWKV__QPF ? "on" : "off");
    printf("(matvec tile rows per type: Q8_0 %d, Q4_0 %d, Q4_K %d, Q5_0 %d, Q6_K %d)\n",
           RWKV__QMV_ROWS(RWKV__TYPE_Q8_0), RWKV__QMV_ROWS(RWKV__TYPE_Q4_0),
           RWKV__QMV_ROWS(RWKV__TYPE_Q4_K), RWKV__QMV_ROWS(RWKV__TYPE_Q5_0),
           RWKV__QMV_ROWS(RWKV__TYPE_Q6_K));
    printf("(matmul tile rows per type: Q4_K and Q5_K %d, the others %d)\n",
           RWKV__QMM_ROWS(RWKV__TYPE_Q4_K), RWKV__QMM_R);
    if (mv) {
        printf("\nmatvec (T=1), >= %d MiB of distinct weights per pass, %d rounds of (read pass, "
               "matvec pass)\n",
               (int)(target >> 20), rounds);
        printf("(file layout: the kernels of every other build, and of rows past a packed matrix's "
               "last group of 8; packed: the copy x86 builds make at load and generate from)\n");
        printf("%-5s %-12s %4s %9s %9s %8s %8s %9s %8s %8s\n", "type", "rows x cols", "thr",
               "read GB/s", "mv GB/s", "% read", "(min-max)", "pk GB/s", "% read", "(min-max)");
        for (k = 0; k < ntypes; k++) {
            const int type = all[k];
            if (only >= 0 && type != only) continue;
            for (si = 0; si < 4; si++) {
                const int64_t rows = shapes[si][0], cols = shapes[si][1];
                const size_t bytes = (size_t)rwkv__row_bytes(type, (uint64_t)cols) * (size_t)rows;
                const int nbuf = (int)((target + bytes - 1) / bytes);
                /* the copies side by side in one buffer, which the read pass reads whole */
                const size_t stride = (bytes + 63) / 64 * 64;
                unsigned char **bufs =
                    (unsigned char **)bench_need(malloc((size_t)nbuf * sizeof *bufs));
                unsigned char *all_bufs =
                    (unsigned char *)bench_need(bench_alloc_big(stride * (size_t)nbuf));
                unsigned char *m = make_matrix(type, rows, cols);
                float *x = (float *)bench_need(malloc((size_t)cols * sizeof(float)));
                float *y = (float *)bench_need(malloc((size_t)rows * sizeof(float)));
                /* the packed copies (none where the build has no packed layout) */
                const size_t pbytes = (size_t)rwkv__pk_bytes(type, rows, cols);
                const size_t pstride = (pbytes + 63) / 64 * 64;
                unsigned char **pk = (unsigned char **)bench_need(malloc((size_t)nbuf * sizeof *pk));
                unsigned char *all_pk =
                    pbytes ? (unsigned char *)bench_need(bench_alloc_big(pstride * (size_t)nbuf)) : NULL;
                void *work = bench_need(malloc(rwkv__matmul_q_work_bytes(type, cols, 1) + 64));
                int64_t c;
                for (c = 0; c < cols; c++) x[c] = grand();
                for (i = 0; i < nbuf; i++) {
                    bufs[i] = all_bufs + stride * (size_t)i;
                    memcpy(bufs[i], m, bytes);
                    pk[i] = all_pk ? all_pk + pstride * (size_t)i : NULL;
                    if (pk[i]) rwkv__pk_fill(type, m, rows, cols, pk[i], 1);
                }
                for (nth = 1; nth <= 2; nth++) {
                    double ratio[32], pratio[32], best_r = 0, best_m = 0, best_p = 0;
                    int rr;
                    mv_pass(bufs, NULL, nbuf, bytes, type, rows, cols, x, y, nth, work); /* warm-up */
                    if (all_pk) mv_pass(bufs, pk, nbuf, pbytes, type, rows, cols, x, y, nth, work);
                    for (rr = 0; rr < rounds; rr++) {
                        const double r = read_pass((const float *)(const void *)all_bufs,
                                                   stride * (size_t)nbuf / 4, nth);
                        const double g = mv_pass(bufs, NULL, nbuf, bytes, type, rows, cols, x, y, nth, work);
                        const double pg = all_pk ? mv_pass(bufs, pk, nbuf, pbytes, type, rows,
                                                           cols, x, y, nth, work) : 0.0;
                        ratio[rr] = g / r;
                        pratio[rr] = pg / r;
                        if (r > best_r) best_r = r;
                        if (g > best_m) best_m = g;
                        if (pg > best_p) best_p = pg;
                    }
                    qsort(ratio, (size_t)rounds, sizeof ratio[0], cmp_double);
                    qsort(pratio, (size_t)rounds, sizeof pratio[0], cmp_double);
                    printf("%-5s %5dx%-6d %4d %9.1f %9.1f %7.0f%% %4.0f-%.0f%%", tname(type),
                           (int)rows, (int)cols, nth, best_r, best_m, 100 * ratio[rounds / 2],
                           100 * ratio[0], 100 * ratio[rounds - 1]);
                    if (all_pk)
                        printf(" %9.1f %7.0f%% %4.0f-%.0f%%\n", best_p, 100 * pratio[rounds / 2],
                               100 * pratio[0], 100 * pratio[rounds - 1]);
                    else
                        printf(" %9s %8s %8s\n", "-", "-", "-");
                    fflush(stdout);
                }
                bench_free_big(all_bufs);
                if (all_pk) bench_free_big(all_pk);
                free(bufs); free(pk); free(work); free(m); free(x); free(y);
            }
        }
    }
    if (mm) {
        const int64_t rows = 2048, cols = 2048;
        const int T = 64;
        printf("\nmatmul (prompt), %dx%d, T = %d tokens: GFLOP/s (2 FLOP per weight per token), "
               "weights cached / streamed from memory\n",
               (int)rows, (int)cols, T);
        for (k = 0; k < ntypes; k++) {
            const int type = all[k];
            unsigned char *m;
            if (only >= 0 && type != only) continue;
            m = make_matrix(type, rows, cols);
            float *X = (float *)bench_need(malloc((size_t)T * cols * sizeof(float)));
            float *Y = (float *)bench_need(malloc((size_t)T * rows * sizeof(float)));
            int64_t c;
            for (c = 0; c < T * cols; c++) X[c] = grand();
            printf("%-5s", tname(type));
            {
                const size_t bytes = (size_t)rwkv__row_bytes(type, (uint64_t)cols) * (size_t)rows;
                const int ncopy = (int)(((size_t)256 << 20) / bytes) + 1;
                unsigned char **cp =
                    (unsigned char **)bench_need(malloc((size_t)ncopy * sizeof *cp));
                void *work = bench_need(malloc(rwkv__matmul_q_work_bytes(type, cols, T)));
                int i;
                for (i = 0; i < ncopy; i++) {
                    cp[i] = (unsigned char *)bench_need(bench_alloc_big(bytes));
                    memcpy(cp[i], m, bytes);
                }
                for (nth = 1; nth <= 2; nth++) {
                    double best = 1e30, bests = 1e30;
                    int rr;
                    for (rr = 0; rr < 10; rr++) {
                        const double t0 = now();
                        rwkv__matmul_q_ws(Y, m, type, rows, cols, X, T, nth, work);
                        if (now() - t0 < best) best = now() - t0;
                    }
                    for (rr = 0; rr < 3; rr++) {
                        const double t0 = now();
                        for (i = 0; i < ncopy; i++)
                            rwkv__matmul_q_ws(Y, cp[i], type, rows, cols, X, T, nth, work);
                        if ((now() - t0) / ncopy < bests) bests = (now() - t0) / ncopy;
                    }
                    printf("  %d thr %6.1f cached %6.1f streamed", nth,
                           2.0 * (double)rows * (double)cols * T / best / 1e9,
                           2.0 * (double)rows * (double)cols * T / bests / 1e9);
                }
                for (i = 0; i < ncopy; i++) bench_free_big(cp[i]);
                free(cp);
                free(work);
            }
            printf("\n");
            free(m); free(X); free(Y);
        }
    }
    return 0;
}
