/* test_kernels.c - the compute kernels of rwkv.h against their scalar definition.

   Checks, for whichever SIMD variant this build selected (or none):
   - the scalar f16/bf16 converters against known values and against an independent
     formula over all 65536 inputs; the SIMD converters against the scalar ones, exhaustive;
   - matvec and matmul for f32/f16/bf16 weights over many shapes (cols not a multiple of the
     vector width, rows 1..257, T 1..70) against a double-precision reference, within the
     classic bound for a float sum of n products in any order:
         |y - exact| <= gamma_n * sum_c |W[r][c] x[c]|,  gamma_n = n u / (1 - n u), u = 2^-24
     (every summation tree of n terms has depth <= n; FMA only removes roundings);
   - matmul gives, token by token, the same bits as matvec (except f16/bf16 blocks of 16
     tokens or more on the AMX tiles, rwkv__famx_rows: checked against the bound of their
     split products, and exactly where every rounding is exact, test_exact_products; and
     on the broadcast tiles of AVX-512 without AMX or AVX2, rwkv__bct_rows and
     rwkv__bcs_rows: against the bound and bitwise against one FMA chain per output in column
     order; on AVX-512 Zen, rwkv__bct_rows in Winograd's pairs, rwkv__bcw_tile: against the
     bound, which the classic argument does not cover there (docs/KERNELS.md gives theirs),
     and bitwise against their scalar definition, check_bcw_chain); 1, 2 and 3 threads give
     the same bits; the scalar matmul gives the bits of the scalar matvec;
   - a one-row f32 matvec (a dot product) and rwkv__norm (as a layer norm and
     per group as a group norm) against double references;
   - with the thread team (OpenMP builds), the medians its back-off compares.
   Exit 0 = pass, 1 = fail. */
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK_PRINT_LIMIT 20
#include "check.h"

static uint32_t f2u(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

/* xorshift: the test data is the same on every run and every machine */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint32_t rng_u32(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 32);
}
static float rng_sym(void) { return (float)((double)rng_u32() / 4294967296.0 * 2.0 - 1.0); }

/* ---- converters --------------------------------------------------------------------------- */

/* f16 value by its definition, in double: (-1)^s * 2^(e-15) * 1.m, or 2^-14 * 0.m */
static double f16_by_formula(uint16_t h)
{
    int s = h >> 15, e = (h >> 10) & 31, m = h & 1023;
    double v;
    if (e == 0) v = ldexp((double)m, -24);
    else if (e == 31) v = m ? NAN : INFINITY;
    else v = ldexp((double)(1024 + m), e - 25);
    return s ? -v : v;
}

static void test_converters(void)
{
    static const struct { uint16_t h; float f; } f16_known[] = {
        {0x0000, 0.0f}, {0x3c00, 1.0f}, {0xc000, -2.0f}, {0x7bff, 65504.0f},
        {0x0400, 6.103515625e-05f},          /* smallest normal 2^-14 */
        {0x0001, 5.9604644775390625e-08f},   /* smallest subnormal 2^-24 */
        {0x03ff, 6.0975551605224609375e-05f}, /* largest subnormal 1023 * 2^-24 */
        {0x8001, -5.9604644775390625e-08f}, {0x3555, 0.333251953125f}, {0x3800, 0.5f},
        {0x7c00, INFINITY}, {0xfc00, -INFINITY},
    };
    static const struct { uint16_t h; float f; } bf16_known[] = {
        {0x0000, 0.0f}, {0x3f80, 1.0f}, {0xc000, -2.0f}, {0x4049, 3.140625f},
        {0x0080, 1.17549435e-38f},                 /* smallest normal 2^-126 */
        {0x0001, 9.18354961579912115601e-41f},     /* subnormal 2^-133 */
        {0x7f7f, 3.38953139e38f},                  /* largest finite */
        {0x7f80, INFINITY}, {0xff80, -INFINITY},
    };
    size_t i;
    uint32_t h;
    int nan_differs = 0;

    for (i = 0; i < sizeof f16_known / sizeof f16_known[0]; i++)
        CHECK(f2u(rwkv__f16_to_f32(f16_known[i].h)) == f2u(f16_known[i].f),
              "f16 0x%04x -> %g, want %g", f16_known[i].h,
              (double)rwkv__f16_to_f32(f16_known[i].h), (double)f16_known[i].f);
    CHECK(f2u(rwkv__f16_to_f32(0x8000)) == 0x80000000u, "f16 -0 lost its sign");
    CHECK(isnan(rwkv__f16_to_f32(0x7e00)) && isnan(rwkv__f16_to_f32(0xfc01)), "f16 NaN");
    for (i = 0; i < sizeof bf16_known / sizeof bf16_known[0]; i++)
        CHECK(f2u(rwkv__bf16_to_f32(bf16_known[i].h)) == f2u(bf16_known[i].f),
              "bf16 0x%04x -> %g, want %g", bf16_known[i].h,
              (double)rwkv__bf16_to_f32(bf16_known[i].h), (double)bf16_known[i].f);
    CHECK(isnan(rwkv__bf16_to_f32(0x7fc0)) && isnan(rwkv__bf16_to_f32(0xff81)), "bf16 NaN");

    /* exhaustive: scalar f16 vs the formula, bf16 vs the top half of the f32 bits */
    for (h = 0; h < 65536; h++) {
        float f = rwkv__f16_to_f32((uint16_t)h);
        double want = f16_by_formula((uint16_t)h);
        if (isnan(want)) {
            CHECK(isnan(f) && (f2u(f) >> 31) == (h >> 15), "f16 0x%04x should be NaN", h);
        } else {
            CHECK((double)f == want && !signbit(f) == !signbit(want), "f16 0x%04x -> %.9g, want %.9g",
                  h, (double)f, want);
        }
        CHECK(f2u(rwkv__bf16_to_f32((uint16_t)h)) == h << 16, "bf16 0x%04x", h);
    }

#ifdef RWKV__SIMD
    /* exhaustive: the SIMD loads (the code the kernels use) vs the scalar converters */
    for (h = 0; h < 65536; h += RWKV__L) {
        uint16_t in[RWKV__L];
        float out16[RWKV__L], outb[RWKV__L], *o16 = out16, *ob = outb;
        int j;
        for (j = 0; j < RWKV__L; j++) in[j] = (uint16_t)(h + (uint32_t)j);
        /* store through a dot product with a one-hot vector is too indirect; use the loads
           directly and spill them with memcpy */
        {
            rwkv__vf a = rwkv__vld_f16(in), b = rwkv__vld_bf16(in);
            memcpy(o16, &a, sizeof a);
            memcpy(ob, &b, sizeof b);
        }
        for (j = 0; j < RWKV__L; j++) {
            float s16 = rwkv__f16_to_f32(in[j]), sb = rwkv__bf16_to_f32(in[j]);
            if (isnan(s16)) {
                CHECK(isnan(out16[j]), "SIMD f16 0x%04x not NaN", in[j]);
                if (f2u(out16[j]) != f2u(s16)) nan_differs++;
            } else {
                CHECK(f2u(out16[j]) == f2u(s16), "SIMD f16 0x%04x -> %g, scalar %g", in[j],
                      (double)out16[j], (double)s16);
            }
            CHECK(f2u(outb[j]) == f2u(sb), "SIMD bf16 0x%04x", in[j]);
        }
    }
    printf("converters: SIMD f16/bf16 loads match the scalar converters on all 65536 inputs "
           "(%d NaN inputs come out as a different NaN: the hardware quiets signaling NaNs)\n",
           nan_differs);
#else
    (void)nan_differs;
    printf("converters: scalar f16/bf16 match the formula on all 65536 inputs (no SIMD build)\n");
#endif
}

/* ---- matvec / matmul ------------------------------------------------------------------------ */

/* A weight of the given type with a random value; f16 includes subnormals. */
static void random_weights(void *data, int type, int64_t n)
{
    int64_t i;
    for (i = 0; i < n; i++) {
        if (type == RWKV_TYPE_F32) {
            ((float *)data)[i] = rng_sym();
        } else if (type == RWKV_TYPE_F16) {
            /* sign, exponent 0..17 (subnormals up to ~4), any mantissa */
            uint32_t r = rng_u32();
            uint16_t e = (uint16_t)((r >> 11) % 18);
            ((uint16_t *)data)[i] = (uint16_t)((r & 0x8000u) | (e << 10) | (r & 0x3ffu));
        } else {
            /* bf16: the top half of a random float in [-2, 2] */
            float f = rng_sym() * 2.0f;
            ((uint16_t *)data)[i] = (uint16_t)(f2u(f) >> 16);
        }
    }
}

/* FNV-1a over the bits of every matmul output: the same build with and without OpenMP must
   print the same value (tests/test_kernels_simd.sh compares them) */
static uint64_t output_hash = 14695981039346656037ull;
static void hash_floats(const float *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        uint32_t u = f2u(p[i]);
        int b;
        for (b = 0; b < 4; b++) {
            output_hash ^= (u >> (8 * b)) & 0xffu;
            output_hash *= 1099511628211ull;
        }
    }
}

static double max_ratio[2] = {0.0, 0.0}; /* largest observed |error| / bound: SIMD, scalar */
static double max_ratio_long[2] = {0.0, 0.0}; /* the same for cols >= 256 */
static long n_checked = 0;

/* y (one token, rows [0, rows)) against the double reference and the gamma_n bound: n =
   cols products, or m * cols for the AMX tiles' split products (rwkv__famx_rows), plus
   `dropped` u * |W x| for the products they leave out: with 2 token planes bf16 m = 2 and
   |xl| <= 2^-16 |x| (256 u), f16 m = 3 and wh xl, wl xm <= 2^-16 (1 + 2^-8) |w x| each, wl xl
   <= u (515 u); -DRWKV_AMX_EXACT: bf16 m = 3, f16 m = 5 and wl xl (u) */
static void check_bound(const char *what, const float *y, const rwkv__tensor *W, const float *x,
                        int t, int64_t rows, int m, double dropped)
{
    const int64_t cols = W->ne[0];
    const double u = ldexp(1.0, -24), n = (double)cols * m;
    const double gamma = n * u / (1.0 - n * u) + dropped * u;
    int64_t r, c;
    for (r = 0; r < rows; r++) {
        double exact = 0.0, mag = 0.0, err, bound;
        for (c = 0; c < cols; c++) {
            double p = (double)rwkv__weight(W->data, W->type, r * cols + c) * (double)x[c];
            exact += p;
            mag += fabs(p);
        }
        err = fabs((double)y[r] - exact);
        /* the double reference itself is off by <= cols * 2^-53 * mag; 1e-30 covers mag=0 */
        bound = gamma * mag + (double)cols * ldexp(1.0, -52) * mag + 1e-30;
        if (err / bound > max_ratio[what[1] == 'c']) max_ratio[what[1] == 'c'] = err / bound;
        if (cols >= 256 && err / bound > max_ratio_long[what[1] == 'c'])
            max_ratio_long[what[1] == 'c'] = err / bound;
        n_checked++;
        CHECK(err <= bound, "%s type %d rows %lld cols %lld token %d row %lld: %.9g vs exact "
              "%.9g (err %.3g > bound %.3g)", what, W->type, (long long)rows, (long long)cols, t,
              (long long)r, (double)y[r], exact, err, bound);
    }
}

static void check_against_reference(const char *what, const float *y, const rwkv__tensor *W,
                                    const float *x, int t)
{
    check_bound(what, y, W, x, t, W->ne[1], 1, 0.0);
}

/* Rows of a T-token f16 / bf16 product that run on the AMX tiles (same bound, other bits
   than matvec; the rows past the last whole 16 run the f32 kernels) or on the broadcast
   tiles (all rows): 0 without them. */
static int64_t famx_rows(const rwkv__tensor *W, int T)
{
#if defined(RWKV__FAMX)
    if (rwkv__fpk_takes(W, T)) return W->ne[1] / 16 * 16;
#elif defined(RWKV__BCT)
    if (rwkv__fpk_takes(W, T)) return W->ne[1];
#endif
    (void)W; (void)T;
    return 0;
}
/* test_shape's matrices are LoRA matrices (rwkv__tensor.lora_tiles): f16 / bf16 blocks of
   few rows or columns on the tiles too */
static int lora_shapes = 0;
static long n_famx = 0;

#ifdef RWKV__BCT
/* The broadcast tiles' definition (rwkv__bct_rows): each output one FMA chain over the
   columns in increasing order, from zero; y must equal it bit for bit. */
static void check_bct_chain(const float *y, const rwkv__tensor *W, const float *x, int t,
                            int64_t rows)
{
    const int64_t cols = W->ne[0];
    int64_t r, c;
    int bad = 0;
    for (r = 0; r < rows; r++) {
        float s = 0.0f;
        for (c = 0; c < cols; c++) s = fmaf(rwkv__weight(W->data, W->type, r * cols + c), x[c], s);
        if (memcmp(&s, &y[r], sizeof s) != 0 && bad++ < 3)
            fprintf(stderr, "broadcast tiles: type %d %lldx%lld token %d row %lld: %.9g, the "
                    "chain gives %.9g\n", W->type, (long long)rows, (long long)cols, t,
                    (long long)r, (double)y[r], (double)s);
    }
    CHECK(bad == 0, "broadcast tiles: %d rows of token %d are not the FMA chain", bad, t);
}
#endif

#ifdef RWKV__BCW
/* The Winograd tiles' definition (rwkv__bcw_finish, rwkv__bcw_rowterms, rwkv__bcw_tile), token
   by token in scalar code: the token centred and scaled (each sum a chain in column order),
   the row's terms in 16 lanes (column c in lane c mod 16) and the library's tree, each
   output one chain over the groups of 6 columns; y must equal it bit for bit. */
static void check_bcw_chain(const float *y, const rwkv__tensor *W, const float *x, int t,
                            int64_t rows)
{
    const int64_t cols = W->ne[0], cols6 = cols - cols % 6;
    const float w2 = rwkv__bcw_w2(W) * (float)cols;
    float *xs = (float *)malloc(sizeof(float) * (size_t)cols);
    float sum = 0.0f, ss = 0.0f, m, sc, cc = 0.0f;
    int64_t r, c;
    int bad = 0;
    if (!xs) { fprintf(stderr, "out of memory\n"); exit(1); }
    for (c = 0; c < cols; c++) sum += x[c];
    m = sum / (float)cols;
    for (c = 0; c < cols; c++) {
        const float d = x[c] - m;
        ss = fmaf(d, d, ss);
    }
    sc = rwkv__bcw_scale(ss, w2);
    for (c = 0; c < cols; c++) xs[c] = (x[c] - m) * sc;
    for (c = 0; c + 1 < cols6; c++)
        if (RWKV__BCW_PAIR(c, cols6)) cc = fmaf(xs[c], xs[c + 1], cc);
    for (r = 0; r < rows; r++) {
        float rl[16], ul[16], acc = 0.0f, R, S, want;
        int l;
#define WT(c_) rwkv__weight(W->data, W->type, r * cols + (c_))
        for (l = 0; l < 16; l++) rl[l] = ul[l] = 0.0f;
        for (c = 0; c < cols; c++) {
            if (RWKV__BCW_PAIR(c, cols6)) rl[c % 16] = fmaf(WT(c), WT(c + 1), rl[c % 16]);
            ul[c % 16] += WT(c);
        }
        if (cols % 16) /* the last vector's lanes past the row add zeros */
            for (l = (int)(cols % 16); l < 16; l++) ul[l] += 0.0f;
        R = rwkv__vsum(_mm512_loadu_ps(rl));
        S = rwkv__vsum(_mm512_loadu_ps(ul));
        for (c = 0; c + 6 <= cols6; c += 6) {
            acc = fmaf(WT(c) + xs[c + 1], WT(c + 1) + xs[c], acc);
            acc = fmaf(WT(c + 2) + xs[c + 3], WT(c + 3) + xs[c + 2], acc);
            acc = fmaf(WT(c + 4), xs[c + 4], acc);
            acc = fmaf(WT(c + 5), xs[c + 5], acc);
        }
        for (; c < cols; c++) acc = fmaf(WT(c), xs[c], acc);
#undef WT
        want = fmaf(m, S, (acc - (R + cc)) * (1.0f / sc));
        if (memcmp(&want, &y[r], sizeof want) != 0 && bad++ < 3)
            fprintf(stderr, "Winograd tiles: type %d %lldx%lld token %d row %lld: %.9g, the "
                    "definition gives %.9g\n", W->type, (long long)rows, (long long)cols, t,
                    (long long)r, (double)y[r], (double)want);
    }
    free(xs);
    CHECK(bad == 0, "Winograd tiles: %d rows of token %d are not the definition", bad, t);
}
#endif

static const int type_list[3] = {RWKV_TYPE_F32, RWKV_TYPE_F16, RWKV_TYPE_BF16};

static void test_shape(int type, int64_t rows, int64_t cols, int T, int misalign)
{
    const size_t esize = (size_t)rwkv__row_bytes(type, 1);
    /* exact-size heap blocks so ASan sees any read past a matrix or a token */
    unsigned char *block = (unsigned char *)malloc((size_t)(rows * cols + misalign) * esize);
    float *X = (float *)malloc(sizeof(float) * (size_t)(T * cols + 1));
    float *Y = (float *)malloc(sizeof(float) * (size_t)(T * rows));
    float *Y2 = (float *)malloc(sizeof(float) * (size_t)(T * rows));
    float *ys = (float *)malloc(sizeof(float) * (size_t)rows);
    float *yv = (float *)malloc(sizeof(float) * (size_t)rows);
    float *yv2 = (float *)malloc(sizeof(float) * (size_t)rows);
    rwkv__tensor W;
    int64_t i;
    int t, th;

    memset(&W, 0, sizeof W);
    /* the model file aligns weights to 64 bytes; the kernels must not depend on it, so the
       matrix starts `misalign` elements into the block, which ends exactly where it ends */
    W.data = block + (size_t)misalign * esize;
    W.type = type;
    W.n_dims = 2;
    W.ne[0] = cols;
    W.ne[1] = rows;
    W.lora_tiles = lora_shapes;
    random_weights((void *)(uintptr_t)W.data, type, rows * cols);
    for (i = 0; i < T * cols; i++) X[i] = rng_sym();

    rwkv__matmul(Y, &W, X, T, 1, NULL);
    hash_floats(Y, (size_t)(T * rows));
    for (th = 2; th <= 3; th++) {
        rwkv__matmul(Y2, &W, X, T, th, NULL);
        CHECK(memcmp(Y, Y2, sizeof(float) * (size_t)(T * rows)) == 0,
              "matmul %d threads differs from 1 thread (type %d, %lldx%lld, T=%d)", th, type,
              (long long)rows, (long long)cols, T);
    }
    rwkv__matmul_scalar(Y2, &W, X, T, 1);
    for (t = 0; t < T; t++) {
        const float *x = X + (int64_t)t * cols;
        const int64_t ra = famx_rows(&W, T);
        rwkv__matvec(yv, &W, x, 1);
        CHECK(memcmp(yv + ra, Y + (int64_t)t * rows + ra, sizeof(float) * (size_t)(rows - ra)) == 0,
              "matmul token %d is not bitwise matvec (type %d, %lldx%lld, T=%d)", t, type,
              (long long)rows, (long long)cols, T);
        if (ra && (t < 3 || t % 16 == 15 || t == T - 1)) {
#ifdef RWKV_AMX_EXACT
            check_bound("amx", Y + (int64_t)t * rows, &W, x, t, ra, type == RWKV_TYPE_F16 ? 5 : 3,
                        type == RWKV_TYPE_F16 ? 1.0 : 0.0);
#elif defined(RWKV__BCT)
            check_bound("bcast", Y + (int64_t)t * rows, &W, x, t, ra, 1, 0.0);
#ifdef RWKV__BCW
            if (rwkv__fpk_packs(&W)) check_bcw_chain(Y + (int64_t)t * rows, &W, x, t, ra);
            else /* few columns or rows: rwkv__bcs_rows, the plain chain */
#endif
            check_bct_chain(Y + (int64_t)t * rows, &W, x, t, ra);
#else
            check_bound("amx", Y + (int64_t)t * rows, &W, x, t, ra, type == RWKV_TYPE_F16 ? 3 : 2,
                        type == RWKV_TYPE_F16 ? 515.0 : 256.0);
#endif
            n_famx++;
        }
        rwkv__matvec(yv2, &W, x, 2);
        CHECK(memcmp(yv, yv2, sizeof(float) * (size_t)rows) == 0,
              "matvec 2 threads differs (type %d, %lldx%lld)", type, (long long)rows,
              (long long)cols);
#if RWKV__MV_PAIR > 0
        /* the other path of the one-token products: the streams on the CPUs that take them
           (mv_streams, set at load on AMD Zen), or the 8-row tile in lanes where a build
           takes the streams for every tensor: the same chains, the same bits */
        W.mv_streams = !W.mv_streams;
        rwkv__matvec(yv2, &W, x, t % 2 + 1);
        W.mv_streams = !W.mv_streams;
        CHECK(memcmp(yv, yv2, sizeof(float) * (size_t)rows) == 0,
              "matvec with mv_streams %d differs (type %d, %lldx%lld)", !W.mv_streams, type,
              (long long)rows, (long long)cols);
#endif
        rwkv__matvec_scalar(ys, &W, x, 1);
        CHECK(memcmp(ys, Y2 + (int64_t)t * rows, sizeof(float) * (size_t)rows) == 0,
              "scalar matmul token %d is not bitwise scalar matvec", t);
        if (t < 3 || t == T - 1) { /* the reference is slow under ASan: a few tokens suffice */
            check_against_reference("simd", yv, &W, x, t);
            check_against_reference("scalar", ys, &W, x, t);
        }
    }
    free(block);
    free(X);
    free(Y);
    free(Y2);
    free(ys);
    free(yv);
    free(yv2);
}

/* Products whose every rounding is exact, so any summation order gives one answer: each row
   of W has one nonzero weight (at a column that differs per row). Kinds: 0, a power of two
   against tokens of the precision the AMX tiles keep (15 significant bits; f32's 24 with
   -DRWKV_AMX_EXACT); 1, a full-precision weight against powers of two; 2, a weight of 8
   significant bits (one bf16 plane) against tokens of 15 bits (with -DRWKV_AMX_EXACT: a
   full-precision weight against tokens of 12 bits); every partial sum of the split products
   stays below 2^24 units of the last bit. Catches a lost bf16 plane of the tokens or of an
   f16 weight (rwkv__famx_rows), or a column, row or token out of place, which the error
   bound alone lets through for long rows. */
static void test_exact_products(void)
{
#ifdef RWKV__BCW
    double exact_worst = 0.0;
#endif
    const int64_t rows = 530, cols = 1056;
    const int T = 48;
    int ti, kind;
    for (ti = 1; ti < 3; ti++)
        for (kind = 0; kind < 3; kind++) {
            const int type = type_list[ti];
            const size_t esize = (size_t)rwkv__row_bytes(type, 1);
            unsigned char *w = (unsigned char *)calloc((size_t)(rows * cols), esize);
            float *X = (float *)malloc(sizeof(float) * (size_t)(T * cols));
            float *Y = (float *)malloc(sizeof(float) * (size_t)(T * rows));
            rwkv__tensor W;
            int64_t r, i;
            int t, bad = 0;
            if (!w || !X || !Y) { fprintf(stderr, "out of memory\n"); exit(1); }
            for (r = 0; r < rows; r++) {
                const int64_t c = (r * 7 + 3) % cols;
                float v;
                uint16_t h;
                if (kind == 0) v = ldexpf(r % 2 ? -1.0f : 1.0f, (int)(r % 5) - 2);
                else do v = rng_sym() * 4.0f; while (fabsf(v) < 0.01f);
#ifndef RWKV_AMX_EXACT
                if (kind == 2) /* 8 significant bits */
                    do v = ldexpf((float)(int)(rng_sym() * 255.0f), -6); while (v == 0.0f);
#endif
                if (type == RWKV_TYPE_F16) h = rwkv__f32_to_f16(v);
                else h = (uint16_t)(f2u(v) >> 16);
                memcpy(w + (size_t)(r * cols + c) * esize, &h, 2);
            }
            for (i = 0; i < T * cols; i++)
#ifdef RWKV_AMX_EXACT
                X[i] = kind == 0   ? rng_sym()
                       : kind == 1 ? ldexpf(rng_sym() < 0 ? -1.0f : 1.0f, (int)(i % 7) - 3)
                                   : ldexpf((float)(int)(rng_sym() * 4095.0f), -12);
#else
                X[i] = kind == 1 ? ldexpf(rng_sym() < 0 ? -1.0f : 1.0f, (int)(i % 7) - 3)
                                 : ldexpf((float)(int)(rng_sym() * 32767.0f), -15);
#endif
            memset(&W, 0, sizeof W);
            W.data = w; W.type = type; W.n_dims = 2; W.ne[0] = cols; W.ne[1] = rows;
            rwkv__matmul(Y, &W, X, T, 2, NULL);
#ifdef RWKV__BCW
            /* Winograd's form is not exact here: each output carries the rounding of the
               token's cross terms x_c x_c+1, which ride in the sum: about u sum|x| (u =
               2^-24); the tiles must give their definition, within 4 u sum|x| */
            for (t = 0; t < T; t++) {
                const float *x = X + (int64_t)t * cols;
                double x1 = 0.0;
                int64_t c;
                for (c = 0; c < cols; c++) x1 += fabs(x[c]);
                check_bcw_chain(Y + (int64_t)t * rows, &W, x, t, rows);
                for (r = 0; r < rows; r++) {
                    const int64_t cw = (r * 7 + 3) % cols;
                    const double want = (double)rwkv__weight(w, type, r * cols + cw) * x[cw];
                    const double err = fabs(Y[(int64_t)t * rows + r] - want) / (x1 * 0x1p-24 * 4.0);
                    if (err > exact_worst) exact_worst = err;
                }
            }
            (void)bad;
#else
            for (t = 0; t < T; t++)
                for (r = 0; r < rows; r++) {
                    const int64_t c = (r * 7 + 3) % cols;
                    const float want = rwkv__weight(w, type, r * cols + c) * X[(int64_t)t * cols + c];
                    if (Y[(int64_t)t * rows + r] != want && bad++ < 3) /* 0 == -0 */
                        fprintf(stderr, "exact products: type %d kind %d token %d row %lld: %.9g, "
                                "want %.9g\n", type, kind, t, (long long)r,
                                (double)Y[(int64_t)t * rows + r], (double)want);
                }
            CHECK(bad == 0, "exact products: type %d kind %d: %d of %lld outputs differ", type,
                  kind, bad, (long long)(T * rows));
#endif
            free(w);
            free(X);
            free(Y);
        }
#ifdef RWKV__BCW
    CHECK(exact_worst <= 1.0, "exact products: Winograd tiles off by %.3g of 4 u sum|x|",
          exact_worst);
    printf("exact products (one nonzero weight per row, f16/bf16, 48 tokens): the Winograd "
           "tiles' definition bit for bit, within %.3g of 4 u sum|x| of the exact product\n",
           exact_worst);
#else
    printf("exact products (one nonzero weight per row, f16/bf16, 48 tokens): every output exact\n");
#endif
}

static void test_matrices(void)
{
    static const int64_t rows_list[] = {1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 31, 33, 64, 100, 257};
    static const int64_t cols_list[] = {1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 63,
                                        64, 65, 100, 127, 128, 129, 200, 257, 1000};
    static const int T_list[] = {1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 17, 25, 64, 70};
    const int nr = (int)(sizeof rows_list / sizeof rows_list[0]);
    const int nc = (int)(sizeof cols_list / sizeof cols_list[0]);
    const int nT = (int)(sizeof T_list / sizeof T_list[0]);
    int ti, a, b, T, n = 0;
    for (ti = 0; ti < 3; ti++) {
        for (a = 0; a < nr; a++)
            for (b = 0; b < nc; b++) {
                int T_ = T_list[(a * 7 + b * 3 + ti) % nT];
                if (rows_list[a] * cols_list[b] * T_ > 2000000) T_ = 3;
                test_shape(type_list[ti], rows_list[a], cols_list[b], T_, (a + b) % 3);
                n++;
            }
        for (T = 1; T <= 70; T++) {
            test_shape(type_list[ti], 9, 67, T, 0);
            n++;
        }
        /* big enough that two threads really run (above RWKV__PAR_MIN_WORK), matmul and
           matvec, with a row count that does not split evenly */
        test_shape(type_list[ti], 257, 640, 13, 0);
        test_shape(type_list[ti], 1024, 128, 2, 1);
        test_shape(type_list[ti], 603, 515, 3, 2);
        /* long rows: matmul splits the tokens into blocks that fit in L2 */
        test_shape(type_list[ti], 13, 3001, 70, 1);
        test_shape(type_list[ti], 5, 16384, 9, 0);
        /* prompt blocks on the AMX tiles where the CPU has them: passes of 128 rows and 128
           columns, a last row tile of 16, rows past the last 16, a padded token tile */
        test_shape(type_list[ti], 530, 1056, 64, 1);
        test_shape(type_list[ti], 512, 512, 17, 0);
        /* the broadcast tiles (AVX-512 without AMX, AVX2): a column tail of 5, 3 token tiles, a
           short last row tile; a chunk of 8 token tiles and a last chunk of 2 */
        test_shape(type_list[ti], 517, 1029, 47, 2);
        test_shape(type_list[ti], 600, 520, 150, 0);
        test_shape(type_list[ti], 512, 544, 72, 1); /* 5 token tiles: 3 + 2 */
        /* LoRA matrices (rows a multiple of 16): second halves of at most RWKV__BCS_MAXC
           columns and first halves of at most RWKV__BCS_ROWS rows on rwkv__bcs_rows (blocks
           of 64 rows and a shorter last one, passes of 128 columns, a column tail, token
           groups of 6 with tails of 1-5; 3 threads split the rows off a multiple of 16),
           the rest on the tiles */
        lora_shapes = 1;
        test_shape(type_list[ti], 192, 64, 48, 1);
        test_shape(type_list[ti], 160, 96, 46, 0);
        test_shape(type_list[ti], 64, 33, 45, 2);
        test_shape(type_list[ti], 48, 128, 47, 0);
        test_shape(type_list[ti], 32, 17, 64, 1);
        test_shape(type_list[ti], 208, 129, 46, 0);
        test_shape(type_list[ti], 64, 600, 48, 2);
        test_shape(type_list[ti], 96, 1056, 47, 1); /* few rows: 9 passes, 64 + 32 rows */
        test_shape(type_list[ti], 2048 / 16, 256, 37, 0);
        test_shape(type_list[ti], 144, 250, 41, 2); /* 250 columns, 144 rows */
        lora_shapes = 0;
        /* one token, short rows whose 16 lanes would lie 4 KiB apart (f16 / bf16: 8 KiB):
           fewer rows per lane and 16 neighbours at the end (rwkv__matmul_rows) */
        test_shape(type_list[ti], 512, 128, 1, 0);
        test_shape(type_list[ti], 1040, 64, 1, 1);
        n += 22;
    }
    printf("matvec/matmul: %d shapes x 3 types; %ld outputs checked against double, worst "
           "error = %.3g (this build's kernels) and %.3g (scalar) of the gamma_n bound; matmul "
           "== matvec bitwise (but on the AMX / broadcast tiles), 1/2/3 threads bitwise equal\n", n / 3, n_checked, max_ratio[0],
           max_ratio[1]);
    printf("  (for cols >= 256 alone: %.3g and %.3g of the bound: the bound is the worst case, "
           "real errors grow like sqrt(n))\n", max_ratio_long[0], max_ratio_long[1]);
#ifdef RWKV__BCW
    if (n_famx)
        printf("  f16/bf16 prompt blocks on the broadcast tiles: %ld tokens checked against the "
               "bound and bitwise against their definition (Winograd's pairs on AVX-512 Zen: "
               "rwkv__bcw_tile; few rows or columns one FMA chain per output, rwkv__bcs_rows)\n",
               n_famx);
#elif defined(RWKV__BCT)
    if (n_famx)
        printf("  f16/bf16 prompt blocks on the broadcast tiles: %ld tokens checked against the "
               "bound and bitwise against one FMA chain per output (not bitwise matvec: "
               "rwkv__bct_rows)\n", n_famx);
#else
    if (n_famx)
        printf("  f16/bf16 prompt blocks on the AMX tiles: %ld tokens checked against the bound of "
               "their split products (not bitwise matvec: rwkv__famx_rows)\n", n_famx);
#endif
}

/* ---- small helpers ------------------------------------------------------------------------- */

static void test_small(void)
{
    const double u = ldexp(1.0, -24);
    int n, i;
    double worst_dot = 0.0, worst_ln = 0.0;
    for (n = 0; n <= 300; n += (n < 40 ? 1 : 37)) {
        float *a = (float *)malloc(sizeof(float) * (size_t)(n + 1));
        float *b = (float *)malloc(sizeof(float) * (size_t)(n + 1));
        double exact = 0.0, mag = 0.0, err;
        float d;
        rwkv__tensor W;
        for (i = 0; i < n; i++) { a[i] = rng_sym(); b[i] = rng_sym(); }
        for (i = 0; i < n; i++) { exact += (double)a[i] * b[i]; mag += fabs((double)a[i] * b[i]); }
        /* a dot product: a one-row f32 matvec */
        memset(&W, 0, sizeof W);
        W.data = a; W.type = RWKV_TYPE_F32; W.n_dims = 2; W.ne[0] = n; W.ne[1] = 1;
        rwkv__matvec(&d, &W, b, 1);
        err = fabs((double)d - exact);
        CHECK(err <= (double)n * u * 1.01 * mag + 1e-30, "dot n=%d: %g vs %g", n, (double)d, exact);
        if (mag > 0 && err / ((double)n * u * mag) > worst_dot) worst_dot = err / ((double)n * u * mag);
        free(a);
        free(b);
    }
    /* layer norm and group norm against double; inputs with a large mean on purpose */
    for (n = 1; n <= 513; n += 64) {
        int groups = n % 2 ? 1 : 4, gs = n / groups, g;
        float *x = (float *)malloc(sizeof(float) * (size_t)n);
        float *w = (float *)malloc(sizeof(float) * (size_t)n);
        float *b = (float *)malloc(sizeof(float) * (size_t)n);
        float *o = (float *)malloc(sizeof(float) * (size_t)n);
        for (i = 0; i < n; i++) { x[i] = 3.0f + rng_sym(); w[i] = rng_sym(); b[i] = rng_sym(); }
        for (g = 0; g < 2; g++) {
            int ng = g ? groups : 1, size = g ? gs : n, k;
            for (k = 0; k < ng; k++) /* one group: the layer norm; per group: the group norm */
                rwkv__norm(o + k * size, x + k * size, w + k * size, b + k * size, size, 1e-5f);
            for (k = 0; k < ng; k++) {
                double mean = 0.0, var = 0.0;
                for (i = 0; i < size; i++) mean += x[k * size + i];
                mean /= size;
                for (i = 0; i < size; i++) var += (x[k * size + i] - mean) * (x[k * size + i] - mean);
                var /= size;
                for (i = 0; i < size; i++) {
                    int ch = k * size + i;
                    double want = (x[ch] - mean) / sqrt(var + 1e-5) * w[ch] + b[ch];
                    /* relative to the scale of the terms: n roundings in the mean and the
                       variance, amplified by |x - mean| / sigma */
                    double scale = fabs(w[ch]) * (fabs(x[ch]) + fabs(mean)) / sqrt(var + 1e-5) + fabs(b[ch]);
                    double err = fabs((double)o[ch] - want) / (scale * u * (size + 8));
                    if (err > worst_ln) worst_ln = err;
                    CHECK(err <= 1.0, "%s n=%d ch %d: %g vs %g", g ? "group_norm" : "layer_norm",
                          n, ch, (double)o[ch], want);
                }
            }
        }
        free(x);
        free(w);
        free(b);
        free(o);
    }
    printf("dot: worst %.3g of n*u*sum|ab|; norms: worst %.3g of the bound\n", worst_dot,
           worst_ln);
}

/* The WKV recurrences of one head, 3 steps from a random state, against the same formulas
   written here in the official layouts with every product and sum a statement of its own
   (no compiler can contract them): the SIMD paths (N % L == 0) and the scalar fallback
   (other N) must give the same bits. */
static void test_wkv(void)
{
    static const int Ns[] = {64, 32, 16, 24, 7};
    const int failures_before = failures;
    int n;
    for (n = 0; n < (int)(sizeof Ns / sizeof Ns[0]); n++) {
        const int N = Ns[n];
        float *S5 = (float *)malloc(sizeof(float) * (size_t)(N * N));
        float *R5 = (float *)malloc(sizeof(float) * (size_t)(N * N));
        float *S7 = (float *)malloc(sizeof(float) * (size_t)(N * N)); /* [key j][value i] */
        float *R7 = (float *)malloc(sizeof(float) * (size_t)(N * N)); /* [value i][key j] */
        float vec[8][64], y[64], ry[64];
        int i, j, step, bad5 = 0, bad7 = 0;
        for (i = 0; i < N * N; i++) { S5[i] = R5[i] = rng_sym(); }
        for (i = 0; i < N; i++)
            for (j = 0; j < N; j++) R7[i * N + j] = S7[j * N + i] = rng_sym();
        for (step = 0; step < 3; step++) {
            const float *r = vec[0], *k = vec[1], *v = vec[2], *w = vec[3], *u = vec[4];
            const float *kk = vec[5], *a = vec[6];
            for (i = 0; i < 7; i++)
                for (j = 0; j < N; j++) vec[i][j] = i == 3 ? 0.5f + 0.5f * rng_sym() : rng_sym();
            /* v5/v6, S [key i][value j] */
            rwkv__wkv5_head(y, S5, r, k, v, w, u, N);
            for (j = 0; j < N; j++) ry[j] = 0.0f;
            for (i = 0; i < N; i++) {
                float ru = r[i] * u[i];
                const float ruk = ru * k[i];
                for (j = 0; j < N; j++) {
                    const float kv = k[i] * v[j], p1 = r[i] * R5[i * N + j], p2 = ruk * v[j];
                    const float q = p1 + p2, ws = w[i] * R5[i * N + j];
                    ry[j] += q;
                    R5[i * N + j] = kv + ws;
                }
            }
            for (j = 0; j < N; j++) bad5 += f2u(y[j]) != f2u(ry[j]);
            for (i = 0; i < N * N; i++) bad5 += f2u(S5[i]) != f2u(R5[i]);
            /* v7, official layout [value i][key j] here */
            rwkv__wkv7_head(y, S7, r, w, k, v, kk, a, N);
            for (i = 0; i < N; i++) {
                float sa = 0.0f, acc = 0.0f;
                for (j = 0; j < N; j++) { const float p = R7[i * N + j] * kk[j]; sa -= p; }
                for (j = 0; j < N; j++) {
                    const float t1 = R7[i * N + j] * w[j], t2a = sa * kk[j], t2 = t2a * a[j];
                    const float t3 = v[i] * k[j], t12 = t1 + t2, p = (R7[i * N + j] = t12 + t3) * r[j];
                    acc += p;
                }
                ry[i] = acc;
            }
            for (i = 0; i < N; i++) bad7 += f2u(y[i]) != f2u(ry[i]);
            for (i = 0; i < N; i++)
                for (j = 0; j < N; j++) bad7 += f2u(S7[j * N + i]) != f2u(R7[i * N + j]);
        }
        CHECK(bad5 == 0, "wkv5 head N=%d: %d values differ from the scalar formula", N, bad5);
        CHECK(bad7 == 0, "wkv7 head N=%d: %d values differ from the scalar formula", N, bad7);
        free(S5); free(R5); free(S7); free(R7);
    }
    if (failures == failures_before)
        printf("wkv5/wkv7 heads (N = 64, 32, 16, 24, 7; 3 steps): bitwise equal to the scalar "
               "formulas\n");
}

/* rwkv__expf: within 1 ulp of exp (double) wherever e^x is a normal float, and 0 where it
   would be subnormal (x < -87.34: a subnormal costs a microcode assist in every x86
   operation that touches it), every float from -104 to -80, then steps of 2^-12 up to 89. */
static void test_expf(void)
{
    float x;
    long n = 0, bad = 0;
    double worst = 0.0;
    for (x = -104.0f; x < 89.0f; x = x < -80.0f ? nextafterf(x, 100.0f) : x + 1.0f / 4096.0f) {
        const float y = rwkv__expf(x);
        const double e = exp((double)x);
        n++;
        if (y != 0.0f && fabsf(y) < FLT_MIN) { if (bad++ < 3) CHECK(0, "expf(%.9g) = %g is subnormal", x, y); continue; }
        if (e >= (double)FLT_MIN && e <= (double)FLT_MAX) {
            const double r = fabs((double)y - e) / ldexp(1.0, ilogb(e) - 23);
            if (r > worst) worst = r;
            if (r > 1.0 && bad++ < 3) CHECK(0, "expf(%.9g) = %.9g, exp = %.9g: %.3f ulp", x, y, e, r);
        } else if (e < (double)FLT_MIN && y != 0.0f && bad++ < 3) {
            CHECK(0, "expf(%.9g) = %g where e^x < 2^-126", x, y);
        }
    }
    printf("expf: %ld arguments, worst %.3f ulp where e^x is normal, 0 below\n", n, worst);
}

/* rwkv__tanhf: within 1.5 ulp of tanh (double), every float from 0.5 to 0.65 (the
   branches meet at 0.5625), then steps of 2^-14 up to 20, and odd: tanh(-x) = -tanh(x), the
   sign of zero kept. */
static void test_tanhf(void)
{
    float x;
    long n = 0, bad = 0;
    double worst = 0.0;
    for (x = 0.0f; x < 20.0f;
         x = x >= 0.5f && x < 0.65f ? nextafterf(x, 100.0f) : x + 1.0f / 16384.0f) {
        const float y = rwkv__tanhf(x), ny = rwkv__tanhf(-x);
        const double e = tanh((double)x);
        double r = 0.0;
        n++;
        if (e > 0.0) r = fabs((double)y - e) / ldexp(1.0, ilogb((float)e) - 23);
        if (r > worst) worst = r;
        if ((r > 1.5 || f2u(ny) != (f2u(y) ^ 0x80000000u)) && bad++ < 3)
            CHECK(0, "tanhf(%.9g) = %.9g, tanh = %.9g: %.3f ulp; tanhf(-x) = %.9g", x, y, e, r, ny);
    }
    CHECK(rwkv__tanhf(INFINITY) == 1.0f && rwkv__tanhf(-INFINITY) == -1.0f &&
          rwkv__tanhf(NAN) != rwkv__tanhf(NAN), "tanhf of inf, -inf, NaN");
    printf("tanhf: %ld arguments, worst %.3f ulp, odd\n", n, worst);
}

#ifdef RWKV__VMATH
/* rwkv__vexp / rwkv__vsigmoid / rwkv__vtanh (the heads' and LoRAs' activations on
   RWKV__L lanes: AVX-512, AVX2, aarch64 NEON): the scalar functions' bits in every lane (a
   NaN for a NaN, of either sign), on random bit patterns (every exponent, NaN and
   infinities among them) and the floats around the edges of the ranges (-104, -87.34, 0,
   88.7, 89; tanh's 0.5625). */
static int same_float(float a, float b) { return f2u(a) == f2u(b) || (a != a && b != b); }

static void test_vexp(void)
{
    static const float edge[] = {-104.0f, -87.33654f, -87.0f, 0.0f, 88.72f, 89.0f, 0.5625f};
    long n = 0, bad = 0;
    int i, e, l;
    for (i = 0; i < 3200000 / RWKV__L; i++) {
        float x[RWKV__L], y[RWKV__L], z[RWKV__L], h[RWKV__L];
        for (l = 0; l < RWKV__L; l++) {
            uint32_t u = rng_u32();
            if (i % 2) { /* near an edge, a few ulps either side, either sign */
                x[l] = edge[u % 7];
                for (e = (int)(u >> 8) % 64; e > 0; e--)
                    x[l] = nextafterf(x[l], u & 0x10000 ? 200.0f : -200.0f);
                if (u & 0x20000) x[l] = -x[l];
            } else memcpy(&x[l], &u, 4);
        }
        rwkv__vst(y, rwkv__vexp(rwkv__vld_f32(x)));
        rwkv__vst(z, rwkv__vsigmoid(rwkv__vld_f32(x)));
        rwkv__vst(h, rwkv__vtanh(rwkv__vld_f32(x)));
        for (l = 0; l < RWKV__L; l++, n++)
            if ((!same_float(y[l], rwkv__expf(x[l])) || !same_float(z[l], rwkv__sigmoid(x[l])) ||
                 !same_float(h[l], rwkv__tanhf(x[l]))) && bad++ < 3)
                CHECK(0, "x = %a: vexp %a (scalar %a), vsigmoid %a (%a), vtanh %a (%a)",
                      x[l], y[l], rwkv__expf(x[l]), z[l], rwkv__sigmoid(x[l]), h[l],
                      rwkv__tanhf(x[l]));
    }
    if (!bad) printf("vexp / vsigmoid / vtanh: %ld lanes, the scalar functions' bits\n", n);
}
#endif

#ifdef RWKV__SIMD
/* rwkv__vrelu (the channel mix's relu² on vectors): the scalar select's bits, x > 0 ? x :
   +0, on random bit patterns (NaN, -0 and the infinities among them, and set on purpose) */
static void test_vrelu(void)
{
    static const uint32_t special[] = {0x7fc00000u, 0xffc00000u, 0x80000000u, 0x00000000u,
                                       0x7f800000u, 0xff800000u, 0x00000001u, 0x80000001u};
    long n = 0, bad = 0;
    int i, l;
    for (i = 0; i < 400000 / RWKV__L; i++) {
        float x[RWKV__L], y[RWKV__L];
        for (l = 0; l < RWKV__L; l++) {
            uint32_t u = rng_u32();
            if (u % 4 == 0) u = special[(u >> 8) % 8];
            memcpy(&x[l], &u, 4);
        }
        rwkv__vst(y, rwkv__vrelu(rwkv__vld_f32(x)));
        for (l = 0; l < RWKV__L; l++, n++) {
            const float want = x[l] > 0.0f ? x[l] : 0.0f;
            if (f2u(y[l]) != f2u(want) && bad++ < 3)
                CHECK(0, "vrelu(%a) = %a, want %a", x[l], y[l], want);
        }
    }
    if (!bad) printf("vrelu: %ld lanes, the scalar select's bits\n", n);
}
#endif

#ifdef RWKV__TEAM
static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The thread team's back-off compares medians of block times (rwkv__median_of: one
   thread's latest blocks, the team's probes): against a sorted copy. */
static void test_team_medians(void)
{
    int trial, n, i;
    for (trial = 0; trial < 2000; trial++) {
        double v[RWKV__SOLO_KEEP], w[RWKV__SOLO_KEEP], want;
        n = 1 + trial % RWKV__SOLO_KEEP;
        for (i = 0; i < n; i++) v[i] = trial % 3 ? (double)(rng_u32() % 7) : (double)rng_sym();
        memcpy(w, v, sizeof v);
        qsort(w, (size_t)n, sizeof *w, cmp_double);
        want = n % 2 ? w[n / 2] : 0.5 * (w[n / 2 - 1] + w[n / 2]);
        CHECK(rwkv__median_of(v, n) == want, "median of %d values: %g, want %g", n,
              rwkv__median_of(v, n), want);
    }
    printf("team medians: checked\n");
}
#endif

#ifdef RWKV__WATCH
/* The team's watch (RWKV__WATCH) reads each thread's run delay from its schedstat. Twice as
   many threads as CPUs, each spinning for 40 ms of wall time, can run only half of it: their
   run delays must parse, never decrease, and add up to at least a quarter of their time (a
   reader that returned its first reading again, as a rewound stdio stream does, gave 0). */
static void test_run_delay(void)
{
    const int n = 2 * omp_get_num_procs();
    const int probe = rwkv__sched_open();
    double delays = 0.0, spent = 0.0;
    int ok = 1, threads = 0;
    if (probe < 0) {
        printf("run delays: skipped (no /proc/thread-self/schedstat)\n");
        return;
    }
    close(probe);
    if (n > 16) {
        printf("run delays: skipped (%d CPUs)\n", n / 2);
        return;
    }
#pragma omp parallel num_threads(n) reduction(+ : delays, spent, threads) reduction(&& : ok)
    {
        const int fd = rwkv__sched_open();
        const int64_t d0 = rwkv__run_delay(fd, 0);
        const double t0 = omp_get_wtime();
        double t1;
        volatile unsigned spin = 0;
        while ((t1 = omp_get_wtime()) - t0 < 0.04) spin++;
        {
            const int64_t d1 = rwkv__run_delay(fd, 1);
            ok = d0 >= 0 && d1 >= d0;
            delays += (double)(d1 - d0) * 1e-9;
        }
        spent += t1 - t0;
        threads++;
    }
    CHECK(ok, "run delays: a thread's schedstat did not parse or went backwards");
    if (threads == n)
        CHECK(delays >= 0.25 * spent, "run delays: %d threads on %d CPUs waited %.1f ms of "
              "%.1f ms for a CPU; want at least a quarter", n, n / 2, 1e3 * delays, 1e3 * spent);
    printf("run delays: %d threads on %d CPUs waited %.0f%% of their time for a CPU\n",
           threads, n / 2, spent > 0 ? 100.0 * delays / spent : 0.0);
}
#endif

int main(void)
{
#if defined(RWKV__AVX512)
    const char *variant = "AVX-512 (16 lanes)";
#elif defined(RWKV__AVX2)
    const char *variant = "AVX2+FMA+F16C (8 lanes)";
#elif defined(RWKV__NEON) && defined(__aarch64__)
    const char *variant = "NEON aarch64 (4 lanes)";
#elif defined(RWKV__NEON)
    const char *variant = "NEON ARMv7 VFPv4 (4 lanes)";
#else
    const char *variant = "scalar";
#endif
#ifdef _OPENMP
    printf("kernels: %s, OpenMP with up to %d threads; products of >= %d multiply-adds use "
           "threads\n", variant, omp_get_max_threads(), RWKV__PAR_MIN_WORK);
#else
    printf("kernels: %s, no OpenMP\n", variant);
#endif
    test_converters();
    test_matrices();
    test_exact_products();
    test_small();
    test_wkv();
    test_expf();
    test_tanhf();
#ifdef RWKV__VMATH
    test_vexp();
#endif
#ifdef RWKV__SIMD
    test_vrelu();
#endif
#ifdef RWKV__TEAM
    test_team_medians();
#endif
#ifdef RWKV__WATCH
    test_run_delay();
#endif
    if (failures) {
        printf("%d checks failed\n", failures);
        return 1;
    }
    printf("output hash %016llx\n", (unsigned long long)output_hash);
    printf("all kernel checks passed\n");
    return 0;
}
