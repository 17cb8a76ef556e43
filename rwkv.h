/* rwkv.h - RWKV v4, v5, v6, v7 language model inference in one C99 header.

   Do this:
       #define RWKV_IMPLEMENTATION
   before you include this file in *one* C or C++ file to create the implementation.
   Other files include it without the define and see only the declarations.

   The tokenizers (World and Pile BPE) are declared here and implemented in tokenizer.c;
   compile that file too if you need text in and out.

   Configuration, by #define before the implementation:
       RWKV_NO_SIMD         use the scalar kernels only (they are the reference definition)
       RWKV_SEQ_BLOCK       tokens per matrix-matrix block in sequence mode (default 64)
   Threads: compile with -fopenmp to use several cores (rwkv_model_set_threads).

   Quick use:
       rwkv_error err;
       rwkv_model *model;
       rwkv_state *state;
       if (rwkv_model_open("model.gguf", &model, &err) != RWKV_OK) { puts(err.message); ... }
       rwkv_state_new(model, &state, &err);
       float *logits = malloc(sizeof(float) * rwkv_model_n_vocab(model));
       rwkv_eval(state, token, logits, &err);     (state advances by one token)
       ...
       rwkv_state_free(state);
       rwkv_model_close(model);

   Error handling: every function that can fail returns an rwkv_status and, when `err` is not
   NULL, fills err->message with a sentence naming the file, tensor, key or byte offset at
   fault. The library never prints, never exits, never aborts.

   Thread safety: a model is read-only after rwkv_model_open and may be shared by any number
   of states in any number of threads; a state must be used by one thread at a time.

   License: MIT (see LICENSE).
*/
#ifndef RWKV_H
#define RWKV_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ==== API: errors ====================================================================== */

typedef enum rwkv_status {
    RWKV_OK = 0,
    RWKV_ERR_IO = 1,          /* a file could not be opened, read, written or mapped */
    RWKV_ERR_FORMAT = 2,      /* a file is malformed: truncated, bad magic, inconsistent */
    RWKV_ERR_UNSUPPORTED = 3, /* well-formed, but uses something this build does not support */
    RWKV_ERR_MEMORY = 4,      /* out of memory */
    RWKV_ERR_ARGUMENT = 5,    /* the caller passed something invalid (token out of range...) */
    RWKV_ERR_STATE = 6        /* a serialized state does not fit this model */
} rwkv_status;

typedef struct rwkv_error {
    rwkv_status code;
    char message[512];
} rwkv_error;

/* A short name for a status code ("format error", ...). */
const char *rwkv_status_string(rwkv_status code);

/* ==== API: models ====================================================================== */

typedef struct rwkv_model rwkv_model;

/* Memory-maps a GGUF model file (see docs/FORMAT.md) and validates every header field,
   tensor offset, size, type and shape before anything is used. Constant time in the model
   size: weights are used in place from the map. */
rwkv_status rwkv_model_open(const char *path, rwkv_model **out, rwkv_error *err);
/* Same, from a buffer the caller keeps alive and unchanged until rwkv_model_close. */
rwkv_status rwkv_model_open_memory(const void *data, size_t size, rwkv_model **out,
                                   rwkv_error *err);
void rwkv_model_close(rwkv_model *model);

/* Threads used by one evaluation (default 1; needs OpenMP, otherwise ignored). Results are
   bit-identical whatever the thread count. */
void rwkv_model_set_threads(rwkv_model *model, int n_threads);
int rwkv_model_threads(const rwkv_model *model);

enum { RWKV_TYPE_F32 = 0, RWKV_TYPE_F16 = 1, RWKV_TYPE_BF16 = 30 }; /* ggml type ids */

typedef struct rwkv_model_info {
    int version;          /* 4, 5, 6, 7 */
    int version_minor;    /* v5: 0 = 5.0, 1 = 5.1, 2 = 5.2 (official numbering); else 0 */
    int n_layer;
    int n_embd;           /* C */
    int n_ffn;            /* channel-mix hidden size */
    int n_vocab;
    int head_size;        /* v5+: S; 0 for v4 */
    int n_head;           /* v5+: C / S; 0 for v4 */
    int has_time_state;   /* a tuned initial state is in the file */
    float layer_norm_eps;
    float group_norm_eps; /* v5+ */
    uint64_t file_size;
    uint64_t n_tensors;
    uint64_t tensors_of_type[3];   /* count of F32, F16, BF16 tensors */
    uint64_t bytes_of_type[3];     /* their bytes */
    uint64_t bytes_per_token;      /* weight bytes read to generate one token */
} rwkv_model_info;

void rwkv_model_get_info(const rwkv_model *model, rwkv_model_info *out);
int rwkv_model_n_vocab(const rwkv_model *model);

/* Metadata look-ups. A string comes back as a pointer into the file (NOT NUL-terminated) and
   its length; NULL when the key is absent or not a string. */
const char *rwkv_model_meta_string(const rwkv_model *model, const char *key, size_t *len);
/* Any GGUF integer type (or bool); returns 0 when absent or not an integer. */
int rwkv_model_meta_int(const rwkv_model *model, const char *key, int64_t *out);

/* ==== API: states and evaluation ======================================================= */

typedef struct rwkv_state rwkv_state;

/* A fresh state holds the model's initial state (zeros, or the tuned time_state). It keeps a
   pointer to the model, which must outlive it. */
rwkv_status rwkv_state_new(const rwkv_model *model, rwkv_state **out, rwkv_error *err);
void rwkv_state_free(rwkv_state *state);
void rwkv_state_reset(rwkv_state *state);
/* dst and src must belong to the same model. */
rwkv_status rwkv_state_copy(rwkv_state *dst, const rwkv_state *src, rwkv_error *err);

/* Feeds one token: the state advances; logits (n_vocab floats) are written unless NULL. */
rwkv_status rwkv_eval(rwkv_state *state, int token, float *logits, rwkv_error *err);

/* Feeds n tokens at once, the matrix products done per block of tokens (weights stream from
   memory once per block). logits: NULL for none, else n_vocab floats for the last token, or
   n * n_vocab floats (row i after token i) when all_logits is non-zero. */
rwkv_status rwkv_eval_seq(rwkv_state *state, const int *tokens, size_t n, float *logits,
                          int all_logits, rwkv_error *err);

/* Serialization: a versioned little-endian blob checked against the model's shape. */
size_t rwkv_state_serialized_size(const rwkv_model *model);
rwkv_status rwkv_state_save(const rwkv_state *state, void *buf, size_t cap, rwkv_error *err);
rwkv_status rwkv_state_load(rwkv_state *state, const void *buf, size_t len, rwkv_error *err);
rwkv_status rwkv_state_save_file(const rwkv_state *state, const char *path, rwkv_error *err);
rwkv_status rwkv_state_load_file(rwkv_state *state, const char *path, rwkv_error *err);

/* ==== API: sampler ===================================================================== */
/* (section owned by the sampler work; declarations go here) */

/* ==== API: tokenizers (implemented in tokenizer.c) ===================================== */
/* (section owned by the tokenizer work; declarations go here) */

#ifdef __cplusplus
}
#endif
#endif /* RWKV_H */

/* ======================================================================================= */
/* ==== IMPLEMENTATION ==================================================================== */
/* ======================================================================================= */
#ifdef RWKV_IMPLEMENTATION
#ifndef RWKV_IMPLEMENTATION_DONE
#define RWKV_IMPLEMENTATION_DONE

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#ifndef RWKV_SEQ_BLOCK
#define RWKV_SEQ_BLOCK 64
#endif

/* ==== IMPL: utilities ================================================================== */

static rwkv_status rwkv__fail(rwkv_error *err, rwkv_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return code;
}

const char *rwkv_status_string(rwkv_status code)
{
    switch (code) {
    case RWKV_OK: return "ok";
    case RWKV_ERR_IO: return "I/O error";
    case RWKV_ERR_FORMAT: return "format error";
    case RWKV_ERR_UNSUPPORTED: return "unsupported";
    case RWKV_ERR_MEMORY: return "out of memory";
    case RWKV_ERR_ARGUMENT: return "invalid argument";
    case RWKV_ERR_STATE: return "state mismatch";
    }
    return "unknown error";
}

static float rwkv__f16_to_f32(uint16_t h)
{
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    uint32_t exp = (h >> 10) & 0x1fu;
    uint32_t man = h & 0x3ffu;
    uint32_t bits;
    float f;
    if (exp == 0) {
        if (man == 0) {
            bits = sign;
        } else { /* subnormal: renormalize */
            exp = 127 - 15 + 1;
            while (!(man & 0x400u)) { man <<= 1; exp--; }
            man &= 0x3ffu;
            bits = sign | (exp << 23) | (man << 13);
        }
    } else if (exp == 31) {
        bits = sign | 0x7f800000u | (man << 13);
    } else {
        bits = sign | ((exp + 127 - 15) << 23) | (man << 13);
    }
    memcpy(&f, &bits, 4);
    return f;
}

static float rwkv__bf16_to_f32(uint16_t h)
{
    uint32_t bits = (uint32_t)h << 16;
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

/* A tensor inside the mapped file. Matrices are row-major: ne[0] = columns (contiguous),
   ne[1] = rows; a linear layer y = W x has ne[1] outputs and ne[0] inputs. */
typedef struct rwkv__tensor {
    const void *data;
    int type;         /* RWKV_TYPE_F32, _F16, _BF16 */
    int n_dims;
    int64_t ne[4];
    const char *name; /* points into the map, name_len bytes */
    size_t name_len;
} rwkv__tensor;

/* ==== IMPL: kernels ==================================================================== */
/* The scalar functions are the definition; SIMD variants must agree with them. */

/* y[r] = sum_c W[r][c] * x[c] for r < W->ne[1]. Rows are split between threads, never a
   row's sum, so the result does not depend on the thread count. */
static void rwkv__matvec(float *y, const rwkv__tensor *W, const float *x, int n_threads)
{
    const int64_t rows = W->ne[1], cols = W->ne[0];
    int64_t r;
    (void)n_threads;
#ifdef _OPENMP
#pragma omp parallel for num_threads(n_threads) schedule(static) if (n_threads > 1)
#endif
    for (r = 0; r < rows; r++) {
        float acc = 0.0f;
        int64_t c;
        if (W->type == RWKV_TYPE_F32) {
            const float *w = (const float *)W->data + r * cols;
            for (c = 0; c < cols; c++) acc += w[c] * x[c];
        } else if (W->type == RWKV_TYPE_F16) {
            const uint16_t *w = (const uint16_t *)W->data + r * cols;
            for (c = 0; c < cols; c++) acc += rwkv__f16_to_f32(w[c]) * x[c];
        } else {
            const uint16_t *w = (const uint16_t *)W->data + r * cols;
            for (c = 0; c < cols; c++) acc += rwkv__bf16_to_f32(w[c]) * x[c];
        }
        y[r] = acc;
    }
}

/* Y[t][r] = sum_c W[r][c] * X[t][c] for t < T: a block of T tokens against one weight
   matrix, so the weights stream from memory once per block. X is T x cols, Y is T x rows. */
static void rwkv__matmul(float *Y, const rwkv__tensor *W, const float *X, int T, int n_threads)
{
    const int64_t rows = W->ne[1], cols = W->ne[0];
    int t;
    for (t = 0; t < T; t++)
        rwkv__matvec(Y + (int64_t)t * rows, W, X + (int64_t)t * cols, n_threads);
    (void)rows;
}

/* y[c] = sum_r x[r] * W[r][c]: the "x @ W" of the LoRA paths, W stored F32 as (rows, cols). */
static void rwkv__vecmat(float *y, const float *x, const float *W, int rows, int cols)
{
    int r, c;
    for (c = 0; c < cols; c++) y[c] = 0.0f;
    for (r = 0; r < rows; r++) {
        const float xr = x[r];
        const float *w = W + (size_t)r * cols;
        for (c = 0; c < cols; c++) y[c] += xr * w[c];
    }
}

static void rwkv__layer_norm(float *out, const float *x, const float *w, const float *b,
                             int n, float eps)
{
    float mean = 0.0f, var = 0.0f, inv;
    int i;
    for (i = 0; i < n; i++) mean += x[i];
    mean /= (float)n;
    for (i = 0; i < n; i++) { float d = x[i] - mean; var += d * d; }
    var /= (float)n;
    inv = 1.0f / sqrtf(var + eps);
    for (i = 0; i < n; i++) out[i] = (x[i] - mean) * inv * w[i] + b[i];
}

/* Layer norm of each of n_groups consecutive groups of group_size, then the per-channel
   affine transform (torch.nn.functional.group_norm on a single token). */
static void rwkv__group_norm(float *out, const float *x, const float *w, const float *b,
                             int n_groups, int group_size, float eps)
{
    int g, i;
    for (g = 0; g < n_groups; g++) {
        const float *xg = x + (size_t)g * group_size;
        float *og = out + (size_t)g * group_size;
        float mean = 0.0f, var = 0.0f, inv;
        for (i = 0; i < group_size; i++) mean += xg[i];
        mean /= (float)group_size;
        for (i = 0; i < group_size; i++) { float d = xg[i] - mean; var += d * d; }
        var /= (float)group_size;
        inv = 1.0f / sqrtf(var + eps);
        for (i = 0; i < group_size; i++) {
            int ch = g * group_size + i;
            og[i] = (xg[i] - mean) * inv * w[ch] + b[ch];
        }
    }
}

/* ==== IMPL: GGUF loader ================================================================ */

/* ==== IMPL: forward pass =============================================================== */

/* ==== IMPL: sampler ==================================================================== */
/* (section owned by the sampler work) */

#endif /* RWKV_IMPLEMENTATION_DONE */
#endif /* RWKV_IMPLEMENTATION */
