/* fuzz_quant.c - libFuzzer harness for the quantized block decoder and matrix product (ggml's
   Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q4_K, Q5_K, Q6_K blocks in rwkv.h's kernels section).

   Input: byte 0 picks the type (mod 8), byte 1 the rows (1..4), byte 2 the tokens T (1..3),
   byte 3 the activations (scale and seed); the rest is the weight matrix, as many whole blocks
   per row as it holds for every row (at most 8 blocks per row), copied to a buffer of exactly
   that size (ASan sees any read past it). Invariants:
     - fuzzq_dequant_row decodes every row; a block whose f16 scales (d, and m / dmin) are
       finite decodes to finite values (a NaN or infinite scale may give NaN or infinities:
       ggml's behaviour, nothing else);
     - fuzzq_matmul (the SIMD path when built with one) gives the bits of
       fuzzq_matmul_scalar, the definition (NaN where it gives NaN);
     - with finite scales and moderate activations, every product is finite.
   The internals are static in rwkv.h: rwkv_impl.c exports them as fuzzq_* (fuzz_quant.h).
   Seeds: tests/fuzz/corpus/fuzz_quant (make_seeds.py). */
#include "../../rwkv.h"
#include "fuzz_common.h"
#include "fuzz_quant.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const int TYPES[8] = {RWKV_TYPE_Q4_0, RWKV_TYPE_Q4_1, RWKV_TYPE_Q5_0,
                             RWKV_TYPE_Q5_1, RWKV_TYPE_Q8_0, RWKV_TYPE_Q4_K,
                             RWKV_TYPE_Q5_K, RWKV_TYPE_Q6_K};

static const float SCALES[4] = {1.0f, 1e-30f, 1e3f, 1e30f};

static int f16_finite(const uint8_t *p) { return (p[1] & 0x7c) != 0x7c; }

/* The block's f16 scales are all finite. */
static int scales_finite(int type, const uint8_t *b)
{
    switch (type) {
    case RWKV_TYPE_Q4_0: case RWKV_TYPE_Q5_0: case RWKV_TYPE_Q8_0: return f16_finite(b);
    case RWKV_TYPE_Q6_K: return f16_finite(b + 208);
    }
    return f16_finite(b) && f16_finite(b + 2); /* Q4_1, Q5_1: d, m; Q4_K, Q5_K: d, dmin */
}

static int same(float a, float b)
{
    return (a != a && b != b) || memcmp(&a, &b, sizeof a) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int type, rows, T, blk, all_finite = 1;
    size_t qb, per_row, cols_blocks, r, i;
    int64_t cols;
    uint8_t *W;
    float *deq, *X, *Y1, *Y2, scale;
    uint32_t seed;
    void *work;

    if (size < 4) return 0;
    type = TYPES[data[0] % 8];
    rows = 1 + data[1] % 4;
    T = 1 + data[2] % 3;
    blk = fuzzq_qblock(type);
    qb = fuzzq_qbytes(type);
    cols_blocks = (size - 4) / qb / (size_t)rows;
    if (cols_blocks == 0) return 0;
    if (cols_blocks > 8) cols_blocks = 8;
    cols = (int64_t)cols_blocks * blk;
    per_row = cols_blocks * qb;
    FUZZ_CHECK(fuzzq_row_bytes(type, (uint64_t)cols) == per_row, "row bytes of %s",
               rwkv_type_name(type));

    W = (uint8_t *)malloc(per_row * (size_t)rows);
    deq = (float *)malloc(sizeof(float) * (size_t)cols);
    X = (float *)malloc(sizeof(float) * (size_t)cols * (size_t)T);
    Y1 = (float *)malloc(sizeof(float) * (size_t)rows * (size_t)T);
    Y2 = (float *)malloc(sizeof(float) * (size_t)rows * (size_t)T);
    work = malloc(fuzzq_work_bytes(type, cols, T));
    FUZZ_CHECK(W && deq && X && Y1 && Y2 && work, "out of memory");
    memcpy(W, data + 4, per_row * (size_t)rows);

    /* decode every row; finite scales give finite values */
    for (r = 0; r < (size_t)rows; r++) {
        const uint8_t *row = W + r * per_row;
        FUZZ_CHECK(fuzzq_dequant_row(type, row, deq, cols) == 0, "dequant_row refused");
        for (i = 0; i < cols_blocks; i++) {
            const int fin = scales_finite(type, row + i * qb);
            int j;
            all_finite &= fin;
            for (j = 0; fin && j < blk; j++)
                FUZZ_CHECK(isfinite(deq[i * (size_t)blk + (size_t)j]),
                           "%s block %lu of row %lu: finite scales, value %d is %g",
                           rwkv_type_name(type), (unsigned long)i, (unsigned long)r, j,
                           (double)deq[i * (size_t)blk + (size_t)j]);
        }
    }
    FUZZ_CHECK(fuzzq_dequant_row(type, W, deq, cols - 1) != 0,
               "dequant_row accepted a partial block");

    /* activations: a deterministic sequence, scaled by 1, 1e-30, 1e3 or 1e30 (byte 3) */
    scale = SCALES[data[3] & 3];
    seed = 0x9e3779b9u * (uint32_t)(data[3] + 1);
    for (i = 0; i < (size_t)cols * (size_t)T; i++) {
        seed = seed * 1664525u + 1013904223u;
        X[i] = ((float)(seed >> 8) / 16777216.0f * 4.0f - 2.0f) * scale;
        if ((data[3] & 4) && i % 7 == 0) X[i] = 0.0f;
    }
    fuzzq_matmul(Y1, W, type, rows, cols, X, T, work);
    fuzzq_matmul_scalar(Y2, W, type, rows, cols, X, T);
    for (i = 0; i < (size_t)rows * (size_t)T; i++) {
        FUZZ_CHECK(same(Y1[i], Y2[i]), "%s: matmul %g, scalar definition %g at %lu",
                   rwkv_type_name(type), (double)Y1[i], (double)Y2[i], (unsigned long)i);
        if (all_finite && scale <= 1e3f)
            FUZZ_CHECK(isfinite(Y1[i]), "%s: finite scales, product %lu is %g",
                       rwkv_type_name(type), (unsigned long)i, (double)Y1[i]);
    }

    free(W);
    free(deq);
    free(X);
    free(Y1);
    free(Y2);
    free(work);
    return 0;
}
