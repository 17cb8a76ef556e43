/* bench_common.h - what the benchmark programs share: a monotonic clock (bench_clock.h), large buffers in 2 MiB pages (bench_alloc.h)
   and the plain read pass whose GB/s is the machine's memory-bandwidth limit that every table is compared with (one
   definition, so bench_kernels and bench_model measure the same thing). Included after rwkv.h's
   implementation (it uses the kernels' vector wrappers). */
#ifndef RWKV_BENCH_COMMON_H
#define RWKV_BENCH_COMMON_H

#include <stdlib.h>

#include "bench_alloc.h"
#include "bench_clock.h"

static float sink; /* keeps the sums alive */

static float read_range(const float *p, size_t n)
{
#ifdef RWKV__SIMD
    rwkv__vf a0 = rwkv__vzero(), a1 = a0, a2 = a0, a3 = a0;
    size_t i;
    const size_t step = 4 * RWKV__L;
    float s = 0.0f;
    for (i = 0; i + step <= n; i += step) {
        /* adds only: bench_quant reads its quantized blocks as floats, any bits, and products
           that underflow to subnormals would take microcode assists on some CPUs */
        a0 = rwkv__vadd(a0, rwkv__vld_f32(p + i));
        a1 = rwkv__vadd(a1, rwkv__vld_f32(p + i + RWKV__L));
        a2 = rwkv__vadd(a2, rwkv__vld_f32(p + i + 2 * RWKV__L));
        a3 = rwkv__vadd(a3, rwkv__vld_f32(p + i + 3 * RWKV__L));
    }
    s = rwkv__vsum(a0) + rwkv__vsum(a1) + rwkv__vsum(a2) + rwkv__vsum(a3);
    for (; i < n; i++) s += p[i];
    return s;
#else
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i;
    for (i = 0; i + 4 <= n; i += 4) { s0 += p[i]; s1 += p[i + 1]; s2 += p[i + 2]; s3 += p[i + 3]; }
    for (; i < n; i++) s0 += p[i];
    return s0 + s1 + s2 + s3;
#endif
}

/* The same sum read as the engine's matvec reads its rows (rwkv.h's RWKV__MV_LANE): 8 lanes
   of 128 KiB per 1 MiB chunk side by side, each prefetching 2 KiB ahead into L1. On a
   Sapphire Rapids VM it read 6-9% faster than read_range's single stream (one and two
   threads), and the quantized matvecs ran above read_range's rate: this is the ceiling
   that the tables show beside the plain read. */
#define BENCH_LANES 8
#define BENCH_LANE_FLOATS ((size_t)32768)
static float read_range_lanes(const float *p, size_t n)
{
#ifdef RWKV__SIMD
    const size_t chunk = BENCH_LANES * BENCH_LANE_FLOATS;
    rwkv__vf a[BENCH_LANES];
    size_t c, i;
    float s = 0.0f;
    int l;
    for (l = 0; l < BENCH_LANES; l++) a[l] = rwkv__vzero();
    for (c = 0; c + chunk <= n; c += chunk)
        for (i = 0; i < BENCH_LANE_FLOATS; i += RWKV__L)
            for (l = 0; l < BENCH_LANES; l++) {
                const float *q = p + c + (size_t)l * BENCH_LANE_FLOATS + i;
                if (i % 16 == 0) RWKV__PREFETCH_L1((const char *)q + 2048);
                a[l] = rwkv__vadd(a[l], rwkv__vld_f32(q));
            }
    for (l = 0; l < BENCH_LANES; l++) s += rwkv__vsum(a[l]);
    return s + read_range(p + c, n - c);
#else
    return read_range(p, n);
#endif
}

/* GB/s of one read pass over buf (n floats) with nth threads (lanes: read_range_lanes) */
static double read_pass_how(const float *buf, size_t n, int nth, int lanes)
{
    double t0 = now(), t1;
    float total = 0.0f;
#ifdef _OPENMP
#pragma omp parallel num_threads(nth) reduction(+ : total)
    {
        const int id = omp_get_thread_num(), k = omp_get_num_threads();
        const size_t lo = n / (size_t)k * (size_t)id, hi = id == k - 1 ? n : n / (size_t)k * (size_t)(id + 1);
        total += lanes ? read_range_lanes(buf + lo, hi - lo) : read_range(buf + lo, hi - lo);
    }
#else
    (void)nth;
    total = lanes ? read_range_lanes(buf, n) : read_range(buf, n);
#endif
    t1 = now();
    sink += total;
    return (double)n * 4.0 / (t1 - t0) / 1e9;
}

/* GB/s of one plain read pass over buf (n floats) with nth threads */
static double read_pass(const float *buf, size_t n, int nth) { return read_pass_how(buf, n, nth, 0); }

#endif
