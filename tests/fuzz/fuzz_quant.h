/* fuzz_quant.h - the internals of rwkv.h that fuzz_quant.c calls, exported under these names
   by rwkv_impl.c (rwkv.h keeps them static). Each is the rwkv__ function of the same suffix;
   the products run on one thread. */
#ifndef FUZZ_QUANT_H
#define FUZZ_QUANT_H
#include <stddef.h>
#include <stdint.h>
int fuzzq_qblock(int type);                               /* weights per block */
size_t fuzzq_qbytes(int type);                            /* bytes per block */
uint64_t fuzzq_row_bytes(int type, uint64_t n);           /* bytes of a row of n weights */
size_t fuzzq_work_bytes(int type, int64_t cols, int T);   /* fuzzq_matmul's work buffer */
int fuzzq_dequant_row(int type, const void *src, float *dst, int64_t n); /* 0: decoded */
/* Y[T][rows] = W · X[T][cols]: the SIMD path (when built with one) and the scalar definition */
void fuzzq_matmul(float *Y, const void *W, int type, int64_t rows, int64_t cols, const float *X,
                  int T, void *work);
void fuzzq_matmul_scalar(float *Y, const void *W, int type, int64_t rows, int64_t cols,
                         const float *X, int T);
#endif
