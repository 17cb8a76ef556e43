/* The implementation of rwkv.h for the fuzz harnesses, compiled once with coverage
   instrumentation (-fsanitize=fuzzer-no-link) and linked into each of them, with tokenizer.c:
   RWKV_PILE, so that the Pile paths (HF JSON vocabularies, Pile models) are fuzzed too.
   Below it, the internals that fuzz_quant calls (static in rwkv.h) under exported names, so
   that fuzz_quant links this object too instead of compiling the implementation a second
   time (with both sanitizers that compile was the suite's longest, 84 s of 2.5 minutes). */
#define RWKV_IMPLEMENTATION
#define RWKV_PILE
#include "../../rwkv.h"
#include "fuzz_quant.h"

int fuzzq_qblock(int type) { return rwkv__qblock(type); }
size_t fuzzq_qbytes(int type) { return rwkv__qbytes(type); }
uint64_t fuzzq_row_bytes(int type, uint64_t n) { return rwkv__row_bytes(type, n); }
size_t fuzzq_work_bytes(int type, int64_t cols, int T)
{
    return rwkv__matmul_q_work_bytes(type, cols, T);
}
int fuzzq_dequant_row(int type, const void *src, float *dst, int64_t n)
{
    return rwkv__dequant_row(type, src, dst, n);
}
void fuzzq_matmul(float *Y, const void *W, int type, int64_t rows, int64_t cols, const float *X,
                  int T, void *work)
{
    rwkv__matmul_q_ws(Y, W, type, rows, cols, X, T, 1, work);
}
void fuzzq_matmul_scalar(float *Y, const void *W, int type, int64_t rows, int64_t cols,
                         const float *X, int T)
{
    rwkv__matmul_q_scalar(Y, W, type, rows, cols, X, T, 1);
}
