/* bench_clock.h - the monotonic clock, the comparison for qsort and the threads' cache-line
   round trip that the benchmark and paired-measurement programs share (bench_common.h adds
   the read pass, which needs rwkv.h). static inline: a program that uses one of them does
   not warn about the others. */
#ifndef RWKV_BENCH_CLOCK_H
#define RWKV_BENCH_CLOCK_H

#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif

static inline double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* A cache line's round trip between two threads in ns (thread 0 writes a counter, thread 1
   answers, 4000 times; 0 without OpenMP or for nth < 2): where a VM has put its vCPUs. On
   the 2-core AMD VMs ~50-90 ns in one CCD (one L3), ~300-380 across two, and the VM moves
   them every few seconds to minutes; two threads read ~30 GB/s in one CCD and 45-60 in two,
   where the team's serial steps and job ends cost about twice as much (docs/KERNELS.md,
   fiftieth round). */
static inline double core_trip_ns(int nth)
{
#ifdef _OPENMP
    static int ball;
    double t = 0.0;
    if (nth < 2) return 0.0;
    __atomic_store_n(&ball, 0, __ATOMIC_RELAXED);
#pragma omp parallel num_threads(2)
    {
        const int me = omp_get_thread_num(), n = 4000;
        int i;
        if (omp_get_num_threads() == 2) {
            double t0;
#pragma omp barrier
            t0 = now();
            for (i = 0; i < 2 * n; i += 2) {
                if (me == 0) {
                    __atomic_store_n(&ball, i + 1, __ATOMIC_RELEASE);
                    while (__atomic_load_n(&ball, __ATOMIC_ACQUIRE) != i + 2) continue;
                } else {
                    while (__atomic_load_n(&ball, __ATOMIC_ACQUIRE) != i + 1) continue;
                    __atomic_store_n(&ball, i + 2, __ATOMIC_RELEASE);
                }
            }
            if (me == 0) t = (now() - t0) / n * 1e9;
        }
    }
    return t;
#else
    (void)nth;
    return 0.0;
#endif
}

#endif
