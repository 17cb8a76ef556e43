/* bench_clock.h - the monotonic clock and the comparison for qsort that the benchmark and
   paired-measurement programs share (bench_common.h adds the read pass, which needs rwkv.h).
   static inline: a program that uses one of them does not warn about the other. */
#ifndef RWKV_BENCH_CLOCK_H
#define RWKV_BENCH_CLOCK_H

#include <time.h>

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

#endif
