/* bench_alloc.h - large buffers in 2 MiB pages for the benchmark programs (bench_common.h's
   read pass, bench_kernels / bench_quant / pair_matmul's matrices). Include after rwkv.h's
   implementation (RWKV__MADV_HUGEPAGE) or after <sys/mman.h> with madvise declared. */
#ifndef RWKV_BENCH_ALLOC_H
#define RWKV_BENCH_ALLOC_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#if defined(RWKV__MADV_HUGEPAGE)
#define BENCH_MADV_HUGEPAGE RWKV__MADV_HUGEPAGE
#elif defined(__linux__) && defined(MADV_HUGEPAGE)
#define BENCH_MADV_HUGEPAGE MADV_HUGEPAGE
#endif

/* A buffer of n bytes, 2 MiB-aligned and in 2 MiB pages where Linux gives them (advice, as
   rwkv_model_open asks for the model's map): the read pass and the matrices it is compared
   with must use the page size the model's weights use. In 4 KiB pages a pass over 1 GiB right
   after a 1.5B model's token read at 1.3-5 GB/s on an AMD Zen 5 VM whose map read at 17-20:
   every 4 KiB a page walk through the guest's and the host's tables, whose cached entries the
   token had evicted; and a prompt kernel's conversions waited on such walks at each 4 KiB row
   of a 2048-column f16 matrix. NULL when out of memory; free with bench_free_big. */
static void *bench_alloc_big(size_t n)
{
    const size_t huge = (size_t)2 << 20;
    unsigned char *raw = (unsigned char *)malloc(n + huge + sizeof(void *)), *p;
    if (!raw) return NULL;
    p = (unsigned char *)(((uintptr_t)(raw + sizeof(void *)) + huge - 1) & ~(uintptr_t)(huge - 1));
    ((void **)(void *)p)[-1] = raw;
#ifdef BENCH_MADV_HUGEPAGE
    if (n >= huge) (void)madvise(p, n / huge * huge, BENCH_MADV_HUGEPAGE);
#endif
    return p;
}
static void bench_free_big(void *p)
{
    if (p) free(((void **)p)[-1]);
}

/* An allocation a benchmark cannot run without (p from malloc or bench_alloc_big): a tool
   stops with a message rather than writing through NULL (the library never stops). */
static void *bench_need(void *p)
{
    if (!p) {
        fprintf(stderr, "benchmark: out of memory\n");
        exit(1);
    }
    return p;
}

#endif
