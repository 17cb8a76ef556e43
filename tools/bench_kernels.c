/* bench_kernels.c - speed of the compute kernels against the machine's read bandwidth.

   build/bench_kernels [--quick] [--matvec | --matmul]
   (make bench builds it with -O2 -march=native -fopenmp; --quick: fewer repetitions and no
   scalar baseline; --matvec / --matmul: only that part)

   1. Read bandwidth: a read-only stream over a 1 GiB buffer (vector loads summed, several
      accumulators), 1 and 2 threads, best of 5 passes. This is the ceiling for matvec.
   2. matvec (one token): GB/s of weights read and % of that bandwidth, f32/f16/bf16, shapes
      2048x2048 and 8192x2048 (rows x cols, like a 1.5B model's attention and FFN matrices).
      It cycles through enough distinct matrices to read >= 1 GiB per pass, so nothing comes
      from cache. The scalar kernel is measured too, for comparison.
   3. matmul (a block of T tokens): GFLOP/s (2 * rows * cols * T per call), T = 64 and 512.
   4. (full run only) per-call time of small matvecs at 1 and 2 threads (LoRA shapes too).
   Bandwidth on a shared VM moves by 10-50% from second to second (other processes on the
   other core): each matvec pass is paired with a bandwidth pass just before it; "% pair" is
   the median over the pairs of matvec GB/s / bandwidth GB/s, "% best" is best matvec over
   best bandwidth seen so far. The scalar column is the scalar definition (one pass). */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"
#include "bench_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* every buffer comes from bench_alloc_big, in 2 MiB pages: the matrices and the read pass see
   the pages the model's map has */

/* ---- read bandwidth ---------------------------------------------------------------------- */

static double read_bw(const float *buf, size_t n, int nth, int reps)
{
    double best = 0.0;
    int i;
    for (i = 0; i < reps; i++) {
        double g = read_pass(buf, n, nth);
        if (g > best) best = g;
    }
    return best;
}

/* ---- matvec / matmul ---------------------------------------------------------------------- */

static const char *type_name(int type)
{
    return type == RWKV_TYPE_F32 ? "f32" : type == RWKV_TYPE_F16 ? "f16" : "bf16";
}

/* Fills the arena with finite values of every type: f16 0x3xxx / bf16 0x3fxx are in
   [0.5, 2) and f32 read as such is fine too. */
static void fill_arena(uint16_t *a, size_t n)
{
    size_t i;
#ifdef _OPENMP
#pragma omp parallel for schedule(static)
#endif
    for (i = 0; i < n; i++) a[i] = (uint16_t)(i & 1 ? 0x3f80u | (i >> 1 & 0x7fu) : 0x3c00u | (i & 0x3ffu));
}

int main(int argc, char **argv)
{
    int quick = 0, only = 0, a; /* only: 1 = matvec, 2 = matmul */
    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--quick") == 0) quick = 1;
        else if (strcmp(argv[a], "--matvec") == 0) only = 1;
        else if (strcmp(argv[a], "--matmul") == 0) only = 2;
        else { fprintf(stderr, "usage: bench_kernels [--quick] [--matvec | --matmul]\n"); return 2; }
    }
    const size_t arena_bytes = (size_t)1 << 30; /* matrices cycled per pass: 1 GiB */
    const size_t bw_bytes = (size_t)1 << 30;
    static const int types[3] = {RWKV_TYPE_F32, RWKV_TYPE_F16, RWKV_TYPE_BF16};
    static const int64_t shapes[2][2] = {{2048, 2048}, {8192, 2048}}; /* rows, cols */
    float *bwbuf, *x, *y, *X, *Y;
    uint16_t *arena;
    double bw[3] = {0, 0, 0};
    int nth, si, ti, max_threads = 1;
#if defined(RWKV__AVX512)
    const char *variant = "AVX-512";
#elif defined(RWKV__AVX2)
    const char *variant = "AVX2+FMA+F16C";
#elif defined(RWKV__NEON)
    const char *variant = "NEON";
#else
    const char *variant = "scalar";
#endif
#ifdef _OPENMP
    max_threads = omp_get_max_threads() >= 2 ? 2 : 1;
#endif
    printf("kernels: %s; threads measured: 1..%d\n", variant, max_threads);

    bwbuf = (float *)bench_need(bench_alloc_big(bw_bytes));
    memset(bwbuf, 0, bw_bytes);
    for (nth = 1; nth <= max_threads; nth++) {
        bw[nth] = read_bw(bwbuf, bw_bytes / 4, nth, quick ? 3 : 5);
        printf("read bandwidth, %d thread%s: %.1f GB/s\n", nth, nth > 1 ? "s" : "", bw[nth]);
    }

    arena = (uint16_t *)bench_need(bench_alloc_big(arena_bytes));
    fill_arena(arena, arena_bytes / 2);
    x = (float *)bench_need(bench_alloc_big(sizeof(float) * 8192));
    y = (float *)bench_need(bench_alloc_big(sizeof(float) * 8192));
    {
        int i;
        for (i = 0; i < 8192; i++) x[i] = (float)(i % 13) * 0.01f;
    }

    printf("\nmatvec (1 token), >= 1 GiB of distinct matrices per pass:\n");
    printf("%-5s %-11s %-7s %9s %9s %7s %7s\n", "type", "rows x cols", "threads", "GB/s", "scalar",
           "% pair", "% best");
    for (si = 0; si < 2 && only != 2; si++)
        for (ti = 0; ti < 3; ti++)
            for (nth = 1; nth <= max_threads; nth++) {
                const int64_t rows = shapes[si][0], cols = shapes[si][1];
                const int type = types[ti];
                const size_t mbytes = (size_t)rwkv__row_bytes(type, (uint64_t)(rows * cols));
                const size_t nmat = arena_bytes / mbytes;
                rwkv__tensor W;
                double best = 0.0, scal = 0.0, ratio[9];
                int rep, reps = quick ? 3 : 7;
                size_t m;
                memset(&W, 0, sizeof W);
                W.type = type;
                W.n_dims = 2;
                W.ne[0] = cols;
                W.ne[1] = rows;
                /* bandwidth and matvec passes alternate, so both see the same machine;
                   the ratio of each pair is kept, and its median reported */
                for (rep = 0; rep < reps; rep++) {
                    double t0, g, b = read_pass(bwbuf, bw_bytes / 4, nth);
                    t0 = now();
                    for (m = 0; m < nmat; m++) {
                        W.data = (const char *)arena + m * mbytes;
                        rwkv__matvec(y, &W, x, nth);
                    }
                    g = (double)(nmat * mbytes) / (now() - t0) / 1e9;
                    if (g > best) best = g;
                    if (b > bw[nth]) bw[nth] = b;
                    ratio[rep] = g / b;
                    sink += y[0];
                }
                qsort(ratio, (size_t)reps, sizeof ratio[0], cmp_double);
                if (!quick) { /* the scalar definition, one pass */
                    double t0 = now();
                    for (m = 0; m < nmat; m++) {
                        W.data = (const char *)arena + m * mbytes;
                        rwkv__matvec_scalar(y, &W, x, nth);
                    }
                    scal = (double)(nmat * mbytes) / (now() - t0) / 1e9;
                }
                printf("%-5s %5lldx%-5lld %-7d %9.1f %9.1f %6.0f%% %6.0f%%\n", type_name(type),
                       (long long)rows, (long long)cols, nth, best, scal, 100.0 * ratio[reps / 2],
                       100.0 * best / bw[nth]);
                fflush(stdout);
            }
    printf("(read bandwidth at the end: 1 thread %.1f GB/s, 2 threads %.1f GB/s)\n", bw[1], bw[2]);

    printf("\nmatmul (T tokens per call), GFLOP/s = 2*rows*cols*T / time:\n");
    printf("%-5s %-11s %-5s %-7s %9s\n", "type", "rows x cols", "T", "threads", "GFLOP/s");
    X = (float *)bench_need(bench_alloc_big(sizeof(float) * 512 * 8192));
    Y = (float *)bench_need(bench_alloc_big(sizeof(float) * 512 * 8192));
    {
        size_t i;
        for (i = 0; i < (size_t)512 * 8192; i++) X[i] = (float)(i % 17) * 0.01f;
    }
    for (si = 0; si < 2 && only != 1; si++)
        for (ti = 0; ti < 3; ti++) {
            int Ts[2] = {64, 512}, k;
            for (k = 0; k < 2; k++)
                for (nth = 1; nth <= max_threads; nth++) {
                    const int64_t rows = shapes[si][0], cols = shapes[si][1];
                    const int T = Ts[k];
                    rwkv__tensor W;
                    double t0, best = 1e30, flops = 2.0 * (double)rows * (double)cols * T;
                    int rep, reps = quick ? 2 : 3;
                    memset(&W, 0, sizeof W);
                    W.type = types[ti];
                    W.n_dims = 2;
                    W.ne[0] = cols;
                    W.ne[1] = rows;
                    W.data = arena;
                    for (rep = 0; rep < reps; rep++) {
                        double dt;
                        t0 = now();
                        rwkv__matmul(Y, &W, X, T, nth, NULL);
                        dt = now() - t0;
                        if (dt < best) best = dt;
                    }
                    sink += Y[0];
                    printf("%-5s %5lldx%-5lld %-5d %-7d %9.1f\n", type_name(types[ti]),
                           (long long)rows, (long long)cols, T, nth, flops / best / 1e9);
                    fflush(stdout);
                }
        }
    if (only == 0) {
        /* per-call cost of small products, data in cache: where a second thread stops paying
           (rwkv__threads_for keeps products under RWKV__PAR_MIN_WORK weights on one thread) */
        static const int small[6][2] = {{64, 2048}, {2048, 64}, {256, 2048}, {256, 512},
                                        {512, 512}, {2048, 2048}};
        int k;
        printf("\nsmall f16 matvec, same matrix again and again (in cache), microseconds per call:\n");
        for (k = 0; k < 6; k++) {
            rwkv__tensor W;
            double best[3] = {1e30, 1e30, 1e30};
            int rep, it, n_it = (int)(4000000 / ((int64_t)small[k][0] * small[k][1] / 64 + 1)) + 20;
            memset(&W, 0, sizeof W);
            W.type = RWKV_TYPE_F16;
            W.n_dims = 2;
            W.ne[0] = small[k][1];
            W.ne[1] = small[k][0];
            W.data = arena;
            for (nth = 1; nth <= max_threads; nth++)
                for (rep = 0; rep < 5; rep++) {
                    double t0 = now(), dt;
                    for (it = 0; it < n_it; it++) rwkv__matvec(y, &W, x, nth);
                    dt = (now() - t0) / n_it;
                    if (dt < best[nth]) best[nth] = dt;
                }
            printf("  %4d x %-4d  1 thread %8.2f us", small[k][0], small[k][1], best[1] * 1e6);
            if (max_threads > 1) printf("   2 threads %8.2f us", best[2] * 1e6);
            printf("\n");
        }
    }
    printf("(checksum %g)\n", (double)sink);
    bench_free_big(bwbuf);
    bench_free_big(arena);
    bench_free_big(x);
    bench_free_big(y);
    bench_free_big(X);
    bench_free_big(Y);
    return 0;
}
