/* test_quant.c - the quantized formats and kernels in rwkv.h (IMPL: kernels).

   1. fixtures (shared/fixtures/llamacpp/quant_vectors.gguf, made by ggml itself): for each of
      Q8_0 Q4_0 Q4_1 Q5_0 Q5_1 Q4_K Q5_K Q6_K, rwkv__dequant_row reproduces ggml's dequantization
      bit for bit (32 rows, 16 of them random bytes), and the reference quantizer reproduces
      ggml's bytes for rows 0..15 from the source floats.
   2. the search quantizer: per block never a larger squared error than the reference (the
      fixture rows, and Gaussian rows with outliers); the average gain is printed.
   3. kernels: the SIMD variant compiled in (if any) gives the same bits as the scalar
      definition; a block of T tokens the bits of one token at a time; 1 and 2 threads the same
      bits; odd shapes; and the error against a double-precision product over the dequantized
      weights (activation quantization error) is bounded and printed.
   Usage: test_quant [--quick] [--kernels] [quant_vectors.gguf]  (--quick: fewer random
   blocks for the search test; --kernels: part 3 only, the SIMD kernels (the qemu runs)).
   Exit 0 pass, 1 fail; 77 (skip) only when the fixture file is missing AND everything else
   passed (the reason on the last line). */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

static const int all_types[8] = { RWKV__TYPE_Q8_0, RWKV__TYPE_Q4_0, RWKV__TYPE_Q4_1,
                                  RWKV__TYPE_Q5_0, RWKV__TYPE_Q5_1, RWKV__TYPE_Q4_K,
                                  RWKV__TYPE_Q5_K, RWKV__TYPE_Q6_K };
static const char *type_names[8] = {"q8_0", "q4_0", "q4_1", "q5_0", "q5_1", "q4_k", "q5_k", "q6_k"};

/* ---- a minimal GGUF reader (version 3, little-endian) ------------------------------------- */

typedef struct {
    unsigned char *buf;
    size_t size, pos;
    int bad;
} rd_t;

static uint64_t rd_u(rd_t *r, int n)
{
    uint64_t v = 0;
    int i;
    if (r->pos + (size_t)n > r->size) { r->bad = 1; return 0; }
    for (i = 0; i < n; i++) v |= (uint64_t)r->buf[r->pos + i] << (8 * i);
    r->pos += (size_t)n;
    return v;
}

static void rd_skip_str(rd_t *r)
{
    uint64_t n = rd_u(r, 8);
    if (n > r->size - r->pos) { r->bad = 1; return; }
    r->pos += (size_t)n;
}

static void rd_skip_value(rd_t *r, uint32_t type, int depth)
{
    static const int sizes[13] = { 1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8 };
    if (type > 12 || depth > 3) { r->bad = 1; return; }
    if (type == 8) rd_skip_str(r);
    else if (type == 9) {
        uint32_t et = (uint32_t)rd_u(r, 4);
        uint64_t n = rd_u(r, 8), i;
        for (i = 0; i < n && !r->bad; i++) rd_skip_value(r, et, depth + 1);
    } else {
        if ((size_t)sizes[type] > r->size - r->pos) { r->bad = 1; return; }
        r->pos += (size_t)sizes[type];
    }
}

typedef struct {
    char name[64];
    uint32_t type;
    uint64_t ne[4];
    uint64_t off;
} tinfo_t;

typedef struct {
    unsigned char *buf;
    size_t size, data;
    int n;
    tinfo_t t[64];
} gguf_t;

/* 0 ok, -1 missing, -2 malformed */
static int gguf_load(gguf_t *g, const char *path)
{
    FILE *f = fopen(path, "rb");
    rd_t r;
    uint64_t nt, nkv, i, align = 32;
    long sz;
    memset(g, 0, sizeof *g);
    if (!f) return -1;
    if (fseek(f, 0, SEEK_END) != 0 || (sz = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return -2;
    }
    g->buf = (unsigned char *)malloc((size_t)sz + 1);
    g->size = (size_t)sz;
    if (!g->buf || fread(g->buf, 1, g->size, f) != g->size) { fclose(f); return -2; }
    fclose(f);
    r.buf = g->buf; r.size = g->size; r.pos = 0; r.bad = 0;
    if (rd_u(&r, 4) != 0x46554747u || rd_u(&r, 4) != 3) return -2;
    nt = rd_u(&r, 8);
    nkv = rd_u(&r, 8);
    if (nt > 64) return -2;
    for (i = 0; i < nkv && !r.bad; i++) {
        uint64_t kl = rd_u(&r, 8);
        const char *key = (const char *)r.buf + r.pos;
        uint32_t vt;
        if (kl > r.size - r.pos) return -2;
        r.pos += (size_t)kl;
        vt = (uint32_t)rd_u(&r, 4);
        if (kl == 17 && memcmp(key, "general.alignment", 17) == 0 && vt == 4) {
            align = rd_u(&r, 4);
            continue;
        }
        rd_skip_value(&r, vt, 0);
    }
    for (i = 0; i < nt && !r.bad; i++) {
        tinfo_t *t = &g->t[i];
        uint64_t nl = rd_u(&r, 8);
        uint32_t nd, d;
        if (nl > r.size - r.pos || nl >= sizeof t->name) return -2;
        memcpy(t->name, r.buf + r.pos, (size_t)nl);
        r.pos += (size_t)nl;
        nd = (uint32_t)rd_u(&r, 4);
        if (nd > 4) return -2;
        for (d = 0; d < 4; d++) t->ne[d] = d < nd ? rd_u(&r, 8) : 1;
        t->type = (uint32_t)rd_u(&r, 4);
        t->off = rd_u(&r, 8);
    }
    if (r.bad || align == 0) return -2;
    g->n = (int)nt;
    g->data = (r.pos + (size_t)align - 1) / (size_t)align * (size_t)align;
    return 0;
}

static const tinfo_t *gguf_find(const gguf_t *g, const char *name, const void **data, size_t bytes)
{
    int i;
    for (i = 0; i < g->n; i++)
        if (strcmp(g->t[i].name, name) == 0) {
            if (g->data + g->t[i].off + bytes > g->size) return NULL;
            *data = g->buf + g->data + g->t[i].off;
            return &g->t[i];
        }
    return NULL;
}

/* ---- 1. fixtures ------------------------------------------------------------------------- */

static int test_fixtures(const char *path)
{
    gguf_t g;
    int k, rc = gguf_load(&g, path);
    if (rc == -1) return -1;
    CHECK(rc == 0, "%s: malformed", path);
    if (rc != 0) return 0;
    for (k = 0; k < 8; k++) {
        const int type = all_types[k];
        const size_t rowb = (size_t)rwkv__row_bytes(type, 256);
        char name[32];
        const void *q = NULL, *ref = NULL, *src = NULL;
        const tinfo_t *tq, *tr, *ts;
        float out[256];
        unsigned char qb[256 * 2];
        int r, bad_deq = 0, bad_q = 0, first_deq = -1, first_q = -1;
        tq = gguf_find(&g, type_names[k], &q, rowb * 32);
        snprintf(name, sizeof name, "%s.ref", type_names[k]);
        tr = gguf_find(&g, name, &ref, 256 * 32 * 4);
        snprintf(name, sizeof name, "%s.src", type_names[k]);
        ts = gguf_find(&g, name, &src, 256 * 16 * 4);
        CHECK(tq && tr && ts, "%s: tensors missing", type_names[k]);
        if (!tq || !tr || !ts) continue;
        CHECK(tq->type == (uint32_t)type && tq->ne[0] == 256 && tq->ne[1] == 32, "%s: type/shape",
              type_names[k]);
        for (r = 0; r < 32; r++) {
            float refrow[256];
            rwkv__dequant_row(type, (const unsigned char *)q + (size_t)r * rowb, out, 256);
            memcpy(refrow, (const unsigned char *)ref + (size_t)r * 1024, 1024);
            if (memcmp(out, refrow, 1024) != 0) { bad_deq++; if (first_deq < 0) first_deq = r; }
        }
        for (r = 0; r < 16; r++) {
            float srcrow[256];
            memcpy(srcrow, (const unsigned char *)src + (size_t)r * 1024, 1024);
            rwkv__quant_row(type, srcrow, qb, 256, RWKV__QUANT_REF);
            if (memcmp(qb, (const unsigned char *)q + (size_t)r * rowb, rowb) != 0) {
                bad_q++;
                if (first_q < 0) first_q = r;
            }
        }
        CHECK(bad_deq == 0, "%s: dequantization differs from ggml in %d of 32 rows (first %d)",
              type_names[k], bad_deq, first_deq);
        CHECK(bad_q == 0, "%s: reference quantizer differs from ggml in %d of 16 rows (first %d)",
              type_names[k], bad_q, first_q);
        printf("  %s: dequant %d/32 rows bit-exact, ref quantizer %d/16 rows byte-exact\n",
               type_names[k], 32 - bad_deq, 16 - bad_q);
    }
    free(g.buf);
    return 0;
}

/* ---- random data -------------------------------------------------------------------------- */

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static double urand(void)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (double)(rng >> 11) * (1.0 / 9007199254740992.0);
}
static double grand(void)
{
    double u = urand(), v = urand();
    if (u < 1e-300) u = 1e-300;
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}
/* model-like: Gaussian, and 1 value in `every` an outlier of `scale` sigmas */
static void fill(float *x, int64_t n, double sigma, int every, double scale)
{
    int64_t i;
    for (i = 0; i < n; i++) {
        double v = grand() * sigma;
        if (every > 0 && urand() * every < 1.0) v *= scale;
        x[i] = (float)v;
    }
}

/* ---- 2. the search quantizer ---------------------------------------------------------------- */

static double sqerr_blocks(int type, const unsigned char *q, const float *x, int nblk, double *per)
{
    double tot = 0;
    int b, j;
    for (b = 0; b < nblk; b++) {
        float y[32];
        double e = 0;
        rwkv__dequant_row(type, q + (size_t)b * rwkv__qbytes(type), y, 32);
        for (j = 0; j < 32; j++)
            e += ((double)x[32 * b + j] - y[j]) * ((double)x[32 * b + j] - y[j]);
        per[b] = e;
        tot += e;
    }
    return tot;
}

static int quick = 0; /* --quick: fewer random blocks (the qemu runs) */

static void test_search(const float *fixture_src)
{
    static const int t5[5] = {RWKV__TYPE_Q4_0, RWKV__TYPE_Q4_1, RWKV__TYPE_Q5_0, RWKV__TYPE_Q5_1,
                              RWKV__TYPE_Q8_0};
    static const char *n5[5] = { "q4_0", "q4_1", "q5_0", "q5_1", "q8_0" };
    enum { NB = 2048 };
    float *x = (float *)malloc(NB * 32 * sizeof(float));
    unsigned char *qr = (unsigned char *)malloc(NB * 34), *qs = (unsigned char *)malloc(NB * 34);
    double *er = (double *)malloc(NB * sizeof(double)), *es = (double *)malloc(NB * sizeof(double));
    int k, set;
    printf(
        "search quantizer vs reference (squared error per block; total ratio, blocks improved):\n");
    for (set = 0; set < 3; set++) {
        int nblk = NB;
        const char *what;
        if (quick) nblk = NB / 8;
        if (set == 0) { fill(x, NB * 32, 0.02, 0, 0); what = "gaussian"; }
        else if (set == 1) { fill(x, NB * 32, 0.02, 200, 12.0); what = "gaussian+outliers"; }
        else {
            if (!fixture_src) continue;
            memcpy(x, fixture_src, 256 * 16 * sizeof(float));
            nblk = 256 * 16 / 32;
            what = "fixture .src";
        }
        printf("  %-18s", what);
        for (k = 0; k < 5; k++) {
            double tr, ts;
            int b, worse = 0, better = 0;
            rwkv__quant_row(t5[k], x, qr, (int64_t)nblk * 32, RWKV__QUANT_REF);
            rwkv__quant_row(t5[k], x, qs, (int64_t)nblk * 32, RWKV__QUANT_SEARCH);
            tr = sqerr_blocks(t5[k], qr, x, nblk, er);
            ts = sqerr_blocks(t5[k], qs, x, nblk, es);
            for (b = 0; b < nblk; b++) {
                if (es[b] > er[b]) worse++;
                if (es[b] < er[b]) better++;
            }
            CHECK(worse == 0, "%s %s: search worse than reference in %d blocks", what, n5[k],
                  worse);
            printf(" %s %.3f (%d%%)", n5[k], tr > 0 ? ts / tr : 1.0, 100 * better / nblk);
        }
        printf("\n");
    }
    free(x); free(qr); free(qs); free(er); free(es);
}

/* ---- 3. kernels ------------------------------------------------------------------------------ */

static unsigned hash_bytes(const void *p, size_t n, unsigned h)
{
    const unsigned char *c = (const unsigned char *)p;
    size_t i;
    for (i = 0; i < n; i++) h = (h ^ c[i]) * 16777619u;
    return h;
}
static unsigned out_hash = 2166136261u;

static void test_kernels(void)
{
    /* rows, blocks; {11, 19}: the 32-value formats' eight-block groups (the VNNI quads) and a
       tail, rows in a short tile too */
    static const int shapes[][2] = {{1, 1}, {5, 3}, {37, 7}, {64, 2}, {9, 1}, {11, 19}};
    static const int Ts[] = { 1, 2, 3, 5, 13 };
    int k, si, ti;
    double worst_rel[8] = { 0 }, worst_bound[8] = { 0 };
    printf("kernels (%s):\n", rwkv_build_info());
    for (k = 0; k < 8; k++) {
        const int type = all_types[k], blk = rwkv__qblock(type);
        int bad_simd = 0, bad_tok = 0, bad_thr = 0, bad_act = 0, bad_bound = 0;
        for (si = 0; si < (int)(sizeof shapes / sizeof shapes[0]); si++) {
            const int rows = shapes[si][0];
            const int64_t cols = (int64_t)shapes[si][1] * blk * (blk == 32 ? 1 : 1);
            const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols);
            float *Wf = (float *)malloc((size_t)rows * cols * sizeof(float));
            float *Wd = (float *)malloc((size_t)rows * cols * sizeof(float));
            unsigned char *Wq = (unsigned char *)malloc((size_t)rows * rowb);
            int r;
            fill(Wf, (int64_t)rows * cols, 0.03, 100, 8.0);
            for (r = 0; r < rows; r++) {
                rwkv__quant_row(type, Wf + (int64_t)r * cols, Wq + (size_t)r * rowb, cols,
                                r % 2 ? RWKV__QUANT_SEARCH : RWKV__QUANT_REF);
                rwkv__dequant_row(type, Wq + (size_t)r * rowb, Wd + (int64_t)r * cols, cols);
            }
            for (ti = 0; ti < (int)(sizeof Ts / sizeof Ts[0]); ti++) {
                const int T = Ts[ti];
                float *X = (float *)malloc((size_t)T * cols * sizeof(float));
                float *Y1 = (float *)malloc((size_t)T * rows * sizeof(float));
                float *Y2 = (float *)malloc((size_t)T * rows * sizeof(float));
                float *Ys = (float *)malloc((size_t)T * rows * sizeof(float));
                float *Yt = (float *)malloc((size_t)T * rows * sizeof(float));
                int t;
                fill(X, (int64_t)T * cols, 1.0, 50, 20.0);
                if (si == 4) memset(X, 0, (size_t)cols * sizeof(float)); /* an all-zero token */
                rwkv__matmul_q(Y1, Wq, type, rows, cols, X, T, 1);
                rwkv__matmul_q(Y2, Wq, type, rows, cols, X, T, 2);
                rwkv__matmul_q_scalar(Ys, Wq, type, rows, cols, X, T, 1);
                for (t = 0; t < T; t++)
                    rwkv__matmul_q(Yt + (size_t)t * rows, Wq, type, rows, cols,
                                   X + (size_t)t * cols, 1, 1);
                if (memcmp(Y1, Ys, (size_t)T * rows * 4)) bad_simd++;
                if (memcmp(Y1, Y2, (size_t)T * rows * 4)) bad_thr++;
                if (memcmp(Y1, Yt, (size_t)T * rows * 4)) bad_tok++;
                out_hash = hash_bytes(Y1, (size_t)T * rows * 4, out_hash);
                /* activation quantization: every variant the same numbers */
                {
                    const size_t ab = rwkv__qact_bytes(type, cols);
                    char *a1 = (char *)calloc(1, ab + 64), *a2 = (char *)calloc(1, ab + 64);
                    const rwkv__qact q1 = rwkv__qact_at(type, cols, a1),
                                     q2 = rwkv__qact_at(type, cols, a2);
                    rwkv__quant_act(type, X, cols, &q1);
#ifdef RWKV__QSIMD
                    rwkv__quant_act_simd(type, X, cols, &q2);
#else
                    rwkv__quant_act(type, X, cols, &q2);
#endif
                    if (memcmp(a1, a2, ab)) bad_act++;
                    free(a1); free(a2);
                }
                /* error vs the exact product over the dequantized weights: at most the
                   activation rounding (half a step per value) plus float rounding */
                for (t = 0; t < T; t++) {
                    const float *x = X + (size_t)t * cols;
                    for (r = 0; r < rows; r++) {
                        const float *w = Wd + (int64_t)r * cols;
                        double exact = 0, mag = 0, bound = 0;
                        int64_t c;
                        for (c = 0; c < cols; c++) {
                            exact += (double)w[c] * x[c];
                            mag += fabs((double)w[c] * x[c]);
                        }
                        for (c = 0; c < cols; c += blk) {
                            double amax = 0, sw = 0;
                            int e;
                            for (e = 0; e < blk; e++) {
                                amax = fmax(amax, fabs(x[c + e]));
                                sw += fabs(w[c + e]);
                            }
                            bound += sw * amax / 254.0;
                        }
                        bound = bound * 1.0001 + 1e-6 * mag + 1e-30;
                        {
                            const double err = fabs(Y1[(size_t)t * rows + r] - exact);
                            if (!(err <= bound)) bad_bound++;
                            if (mag > 0 && err / mag > worst_rel[k]) worst_rel[k] = err / mag;
                            if (err / bound > worst_bound[k]) worst_bound[k] = err / bound;
                        }
                    }
                }
                free(X); free(Y1); free(Y2); free(Ys); free(Yt);
            }
            free(Wf); free(Wd); free(Wq);
        }
        CHECK(bad_simd == 0, "%s: SIMD differs from the scalar definition in %d products",
              type_names[k], bad_simd);
        CHECK(bad_thr == 0, "%s: 2 threads differ from 1 in %d products", type_names[k], bad_thr);
        CHECK(bad_tok == 0, "%s: a token block differs from one token at a time in %d products",
              type_names[k], bad_tok);
        CHECK(bad_act == 0, "%s: SIMD activation quantization differs in %d tokens", type_names[k],
              bad_act);
        CHECK(bad_bound == 0, "%s: %d outputs outside the activation-rounding bound", type_names[k],
              bad_bound);
        printf("  %s: SIMD == scalar, T tokens == 1 token, 1 == 2 threads; worst |err|/sum|wx| "
               "%.2e, err/bound %.2f\n",
               type_names[k], worst_rel[k], worst_bound[k]);
    }
}

/* Blocks of up to 130 tokens (several register tiles of tokens and a partial one) and rows
   that end in a partial tile: the prompt path against the scalar definition, one token at a
   time and two threads. */
static void test_blocks(void)
{
    /* rows, blocks (32-value formats), super-blocks (K formats), T: the last one takes two
       passes of columns and two groups of token tiles in the VNNI kernels (rwkv__vnni_rows) */
    static const int shapes[][4] = {{53, 7, 7, 37}, {32, 64, 64, 16}, {16, 3, 3, 17},
                                    {24, 71, 9, 130}};
    int k, si;
#ifdef RWKV__QAMX
    printf("prompt blocks (T up to 130; AMX tiles %s):\n",
           rwkv__amx_request() ? "used for 16 tokens or more"
                               : "not granted by the kernel: the VNNI prompt kernels");
#elif defined(RWKV__QVNNI)
    printf("prompt blocks (T up to 130; 16 tokens or more: the VNNI prompt kernels):\n");
#else
    printf("prompt blocks (tiles of rows x tokens, T up to 130):\n");
#endif
    for (k = 0; k < 8; k++) {
        const int type = all_types[k], blk = rwkv__qblock(type);
        int bad = 0;
        for (si = 0; si < 4; si++) {
            const int rows = shapes[si][0], T = shapes[si][3];
            const int64_t cols = blk == 32 ? (int64_t)shapes[si][1] * 32 : (int64_t)shapes[si][2] * 256;
            const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols);
            float *Wf = (float *)malloc((size_t)rows * cols * sizeof(float));
            unsigned char *Wq = (unsigned char *)malloc((size_t)rows * rowb);
            float *X = (float *)malloc((size_t)T * cols * sizeof(float));
            float *Y1 = (float *)malloc((size_t)T * rows * sizeof(float));
            float *Y2 = (float *)malloc((size_t)T * rows * sizeof(float));
            float *Ys = (float *)malloc((size_t)T * rows * sizeof(float));
            float *Yt = (float *)malloc((size_t)T * rows * sizeof(float));
            int r, t;
            fill(Wf, (int64_t)rows * cols, 0.03, 100, 8.0);
            for (r = 0; r < rows; r++)
                rwkv__quant_row(type, Wf + (int64_t)r * cols, Wq + (size_t)r * rowb, cols,
                                r % 2 ? RWKV__QUANT_SEARCH : RWKV__QUANT_REF);
            fill(X, (int64_t)T * cols, 1.0, 50, 20.0);
            memset(X + (size_t)(T / 2) * cols, 0, (size_t)cols * sizeof(float)); /* a zero token */
            rwkv__matmul_q(Y1, Wq, type, rows, cols, X, T, 1);
            rwkv__matmul_q(Y2, Wq, type, rows, cols, X, T, 2);
            rwkv__matmul_q_scalar(Ys, Wq, type, rows, cols, X, T, 1);
            for (t = 0; t < T; t++)
                rwkv__matmul_q(Yt + (size_t)t * rows, Wq, type, rows, cols, X + (size_t)t * cols,
                               1, 1);
            if (memcmp(Y1, Ys, (size_t)T * rows * 4) || memcmp(Y2, Ys, (size_t)T * rows * 4) ||
                memcmp(Yt, Ys, (size_t)T * rows * 4))
                bad++;
            free(Wf); free(Wq); free(X); free(Y1); free(Y2); free(Ys); free(Yt);
        }
        CHECK(bad == 0, "%s: %d of 4 prompt-block shapes differ from the scalar definition",
              type_names[k], bad);
        printf(" %s %s", type_names[k], bad ? "DIFFER" : "same bits");
    }
    printf("\n");
}

/* A bigger, model-like product: relative error of the activation quantization. */
static void test_accuracy(void)
{
    enum { ROWS = 256, COLS = 2048 };
    float *Wf = (float *)malloc((size_t)ROWS * COLS * 4),
          *Wd = (float *)malloc((size_t)ROWS * COLS * 4);
    float *x = (float *)malloc(COLS * 4), *y = (float *)malloc(ROWS * 4);
    unsigned char *Wq = (unsigned char *)malloc((size_t)ROWS * COLS * 2);
    int k, r;
    fill(Wf, (int64_t)ROWS * COLS, 0.02, 500, 10.0);
    fill(x, COLS, 1.0, 100, 30.0);
    printf("activation quantization error, %dx%d, max|y - exact| / max|exact| (exact: double over "
           "the dequantized weights):\n ",
           ROWS, COLS);
    for (k = 0; k < 8; k++) {
        const int type = all_types[k];
        const size_t rowb = (size_t)rwkv__row_bytes(type, COLS);
        double maxe = 0, maxy = 0;
        for (r = 0; r < ROWS; r++) {
            rwkv__quant_row(type, Wf + (int64_t)r * COLS, Wq + (size_t)r * rowb, COLS,
                            RWKV__QUANT_REF);
            rwkv__dequant_row(type, Wq + (size_t)r * rowb, Wd + (int64_t)r * COLS, COLS);
        }
        rwkv__matmul_q(y, Wq, type, ROWS, COLS, x, 1, 1);
        for (r = 0; r < ROWS; r++) {
            double e = 0;
            int c;
            for (c = 0; c < COLS; c++) e += (double)Wd[(int64_t)r * COLS + c] * x[c];
            maxe = fmax(maxe, fabs(y[r] - e));
            maxy = fmax(maxy, fabs(e));
        }
        CHECK(maxe <= 2e-2 * maxy, "%s: activation quantization error %.3g of max|y|",
              type_names[k], maxe / maxy);
        printf(" %s %.2e", type_names[k], maxe / maxy);
    }
    printf("\n");
    free(Wf); free(Wd); free(x); free(y); free(Wq);
}


/* The packed layout (rwkv__pk_*): unpacking gives the file's bytes back, and products that
   read it (one token on the packed kernels; blocks of tokens unpacked for the tiles; rows cut
   anywhere, on 1 and 2 threads) give the scalar definition's bits. */
static void test_packed(void)
{
    static const int pk_types[6] = { RWKV__TYPE_Q4_0, RWKV__TYPE_Q8_0, RWKV__TYPE_Q4_K,
                                     RWKV__TYPE_Q5_K, RWKV__TYPE_Q6_K, RWKV__TYPE_Q5_1 };
    static const int shapes[][2] = {{8, 1}, {16, 7}, {37, 3}, {11, 19}, {64, 2}, {9, 1}};
    static const int Ts[] = { 1, 2, 17, 40 };
    int k, si, ti;
    printf("packed layout (%s):\n", rwkv__pk_type(RWKV__TYPE_Q4_0) ? "packed kernels" :
           "not used by this build: layout only");
    for (k = 0; k < 6; k++) {
        const int type = pk_types[k], blk = rwkv__qblock(type);
        const char *name = type_names[type == RWKV__TYPE_Q4_0 ? 1 : type == RWKV__TYPE_Q8_0 ? 0 : type == RWKV__TYPE_Q5_1 ? 4 : type == RWKV__TYPE_Q4_K ? 5 : type == RWKV__TYPE_Q5_K ? 6 : 7];
        int bad_round = 0, bad_prod = 0, bad_cut = 0, packed = 0;
        for (si = 0; si < (int)(sizeof shapes / sizeof shapes[0]); si++) {
            const int rows = shapes[si][0];
            const int64_t cols = (int64_t)shapes[si][1] * blk;
            const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols),
                         gb = rwkv__pk_group_bytes(type, cols);
            float *Wf = (float *)malloc((size_t)rows * cols * sizeof(float));
            unsigned char *Wq = (unsigned char *)malloc((size_t)rows * rowb);
            unsigned char *G = (unsigned char *)malloc(gb), *back = (unsigned char *)malloc(8 * rowb);
            void *mem;
            const uint8_t *P;
            int r, g;
            fill(Wf, (int64_t)rows * cols, 0.03, 100, 8.0);
            for (r = 0; r < rows; r++)
                rwkv__quant_row(type, Wf + (int64_t)r * cols, Wq + (size_t)r * rowb, cols,
                                RWKV__QUANT_SEARCH);
            for (g = 0; g < rows / 8; g++) {
                rwkv__pk_pack(type, Wq + (size_t)g * 8 * rowb, rowb, cols, G, 0);
                rwkv__pk_unpack(type, G, cols, back, rowb, 0);
                if (memcmp(back, Wq + (size_t)g * 8 * rowb, 8 * rowb)) bad_round++;
            }
            P = rwkv__pk_new(type, Wq, rows, cols, &mem);
            if (P) {
                packed++;
                for (ti = 0; ti < (int)(sizeof Ts / sizeof Ts[0]); ti++) {
                    const int T = Ts[ti];
                    const size_t wb = rwkv__matmul_q_work_bytes(type, cols, T);
                    float *X = (float *)malloc((size_t)T * cols * sizeof(float));
                    float *Ys = (float *)malloc((size_t)T * rows * sizeof(float));
                    float *Y = (float *)malloc((size_t)T * rows * sizeof(float));
                    void *work = malloc(wb);
                    int th;
                    fill(X, (int64_t)T * cols, 1.0, 50, 20.0);
                    rwkv__matmul_q_scalar(Ys, Wq, type, rows, cols, X, T, 1);
                    for (th = 1; th <= 2; th++) {
                        memset(Y, 0xff, (size_t)T * rows * sizeof(float));
                        rwkv__matmul_q_run(Y, Wq, P, type, rows, cols, X, T, th, work, 1);
                        if (memcmp(Y, Ys, (size_t)T * rows * 4)) bad_prod++;
                    }
#ifdef RWKV__PACK
                    { /* rows cut anywhere: [r0, r1) for r0 in steps of 3, r1 of 5 */
                        const size_t stride = rwkv__qact_bytes(type, cols);
                        char *acts = (char *)(((uintptr_t)work + 63) & ~(uintptr_t)63);
                        int t, r0, r1;
                        for (t = 0; t < T; t++) {
                            const rwkv__qact a = rwkv__qact_at(type, cols, acts + (size_t)t * stride);
                            rwkv__quant_act(type, X + (int64_t)t * cols, cols, &a);
                        }
                        for (r0 = 0; r0 < rows; r0 += 3)
                            for (r1 = r0 + 1; r1 <= rows; r1 += 5) {
                                memset(Y, 0xff, (size_t)T * rows * sizeof(float));
                                rwkv__pk_rows(Y, Wq, P, type, rows, cols, acts, stride, T, r0, r1, NULL);
                                for (t = 0; t < T; t++)
                                    if (memcmp(Y + (size_t)t * rows + r0, Ys + (size_t)t * rows + r0,
                                               (size_t)(r1 - r0) * 4))
                                        bad_cut++;
                            }
                    }
#endif
                    free(X); free(Ys); free(Y); free(work);
                }
            }
            free(mem); free(Wf); free(Wq); free(G); free(back);
        }
        CHECK(bad_round == 0, "%s: %d packed groups do not unpack to the file's bytes",
              name, bad_round);
        CHECK(bad_prod == 0, "%s: %d products on the packed layout differ from the definition",
              name, bad_prod);
        CHECK(bad_cut == 0, "%s: %d row ranges cut inside groups differ from the definition",
              name, bad_cut);
        printf("  %s: pack/unpack round trip%s\n", name,
               packed ? ", packed products == scalar (1 and 2 threads, cut rows)" : "");
    }
}

/* The integer sums at their largest: every level at its maximum (Q8_0: -128, the sign
   trick's corner) and tokens of +-1 (every value quantized to +-127), so that the kernels'
   narrow partial sums (AVX2's int16 sums of vpmaddubsw) reach their bound. Packed and
   ggml-layout products, one token and a block, against the scalar definition. */
static void test_extremes(void)
{
    static const int Ts[] = { 1, 17 };
    int k, ti, bad = 0;
    for (k = 0; k < 8; k++) {
        const int type = all_types[k], blk = rwkv__qblock(type);
        const int rows = 16;
        const int64_t cols = (int64_t)(blk == 32 ? 16 : 2) * blk;
        const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols), bb = rwkv__qbytes(type);
        unsigned char *Wq = (unsigned char *)malloc((size_t)rows * rowb);
        const uint8_t *P;
        void *mem = NULL;
        size_t b;
        memset(Wq, 0xff, (size_t)rows * rowb);
        for (b = 0; b < (size_t)rows * rowb; b += bb) { /* the scales 1.0 (f16 0x3c00) */
            unsigned char *q = Wq + b;
            switch (type) {
            case RWKV__TYPE_Q8_0: memset(q + 2, 0x80, 32); /* fall through */
            case RWKV__TYPE_Q4_0: case RWKV__TYPE_Q5_0: q[0] = 0x00; q[1] = 0x3c; break;
            case RWKV__TYPE_Q6_K: q[208] = 0x00; q[209] = 0x3c; break;
            default: q[0] = 0x00; q[1] = 0x3c; q[2] = 0x00; q[3] = 0x3c; break; /* d, m / dmin */
            }
        }
        P = rwkv__pk_new(type, Wq, rows, cols, &mem);
        for (ti = 0; ti < 2; ti++) {
            const int T = Ts[ti];
            const size_t wb = rwkv__matmul_q_work_bytes(type, cols, T);
            float *X = (float *)malloc((size_t)T * cols * sizeof(float));
            float *Ys = (float *)malloc((size_t)T * rows * sizeof(float));
            float *Y = (float *)malloc((size_t)T * rows * sizeof(float));
            void *work = malloc(wb);
            int64_t i;
            for (i = 0; i < (int64_t)T * cols; i++) X[i] = (i / cols) % 2 ? -1.0f : 1.0f;
            rwkv__matmul_q_scalar(Ys, Wq, type, rows, cols, X, T, 1);
            rwkv__matmul_q(Y, Wq, type, rows, cols, X, T, 1);
            if (memcmp(Y, Ys, (size_t)T * rows * 4)) bad++;
            out_hash = hash_bytes(Y, (size_t)T * rows * 4, out_hash);
            if (P) {
                memset(Y, 0xff, (size_t)T * rows * sizeof(float));
                rwkv__matmul_q_run(Y, Wq, P, type, rows, cols, X, T, 1, work, 1);
                if (memcmp(Y, Ys, (size_t)T * rows * 4)) bad++;
            }
            free(X); free(Ys); free(Y); free(work);
        }
        free(mem); free(Wq);
    }
    CHECK(bad == 0, "%d products of extreme levels and tokens differ from the definition", bad);
    if (bad == 0) printf("  extremes: every level at its maximum times tokens of +-127: SIMD == scalar\n");
}

int main(int argc, char **argv)
{
    const char *fx = "../shared/fixtures/llamacpp/quant_vectors.gguf";
    int have_fixtures, i, kernels_only = 0;
    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick")) quick = 1;
        else if (!strcmp(argv[i], "--kernels")) kernels_only = 1;
        else fx = argv[i];
    }
    if (kernels_only) { /* the products only (the part that differs between SIMD variants) */
        test_kernels();
        test_blocks();
        test_packed();
        test_extremes();
        printf("output hash %08x\n", out_hash);
        printf("%d checks, %d failures\n", checks, failures);
        return failures ? 1 : 0;
    }
    printf("fixtures (%s):\n", fx);
    have_fixtures = test_fixtures(fx) == 0;
    {
        gguf_t g;
        const void *src = NULL;
        float *copy = NULL;
        if (have_fixtures && gguf_load(&g, fx) == 0) {
            if (gguf_find(&g, "q4_0.src", &src, 256 * 16 * 4)) {
                copy = (float *)malloc(256 * 16 * 4);
                memcpy(copy, src, 256 * 16 * 4);
            }
            free(g.buf);
        }
        test_search(copy);
        free(copy);
    }
    test_kernels();
    test_accuracy();
    test_blocks(); /* last of those that draw from the shared random stream into the hash */
    test_packed();
    test_extremes();
    printf("output hash %08x\n", out_hash);
    printf("%d checks, %d failures\n", checks, failures);
    if (failures) return 1;
    if (!have_fixtures) {
        printf("SKIP: %s not found (the fixture part did not run)\n", fx);
        return 77;
    }
    return 0;
}
