/* cross_logits.c - the logits of a fixed token sequence, to compare builds of the library
   across platforms (tests/test_cross.sh): the same program built natively, for aarch64 and
   armhf (under qemu) and for Windows (mingw-w64, under wine) must give the same numbers to
   1e-4 of max|logit|. Only rwkv.h: it does not need the CLI.

       cross_logits OUTDIR MODEL...     writes OUTDIR/<model file name>.f32 for each model
       cross_logits -c A.f32 B.f32      compares two such files (exit 1 when they differ)

   An output file holds 3 x T rows of n_vocab float32 (host byte order): T tokens fed one
   rwkv_eval at a time from a fresh state with 1 thread, the same with 2 threads, and the same
   tokens in one rwkv_eval_seq call (all logits). Within one build the three must be the same
   bits (threads split rows, never a sum; a block uses a single token's order): the program
   fails when they are not. One exception: where f16/bf16 blocks run on the AMX tiles or
   the broadcast tiles (RWKV__FPK: other rounding, docs/KERNELS.md), the block's logits must
   be within 1e-4 of max|logit| of the others. The tokens are the bytes of a fixed text, modulo n_vocab. */
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T 40
static const char text[] = "The quick brown fox jumps over the lazy dog; 0123456789!";

static int fail(const char *what, const rwkv_error *err)
{
    fprintf(stderr, "cross_logits: %s: %s\n", what, err->message);
    return 1;
}

/* The three passes of one model into out[3][T][V]; 0 on success. */
static int run_model(const char *path, float *out, int V, rwkv_model *model)
{
    rwkv_error err;
    rwkv_state *state;
    int ids[T], t, pass;
    size_t row = (size_t)V;
    for (t = 0; t < T; t++) ids[t] = (unsigned char)text[t] % V;
    if (rwkv_state_new(model, &state, &err) != RWKV_OK) return fail(path, &err);
    for (pass = 0; pass < 2; pass++) {
        rwkv_model_set_threads(model, pass + 1);
        rwkv_state_reset(state);
        for (t = 0; t < T; t++)
            if (rwkv_eval(state, ids[t], out + ((size_t)pass * T + t) * row, &err) != RWKV_OK) {
                rwkv_state_free(state);
                return fail(path, &err);
            }
    }
    rwkv_model_set_threads(model, 1);
    rwkv_state_reset(state);
    if (rwkv_eval_seq(state, ids, T, out + 2 * T * row, 1, &err) != RWKV_OK) {
        rwkv_state_free(state);
        return fail(path, &err);
    }
    rwkv_state_free(state);
    return 0;
}

static int dump(const char *dir, const char *path)
{
    rwkv_error err;
    rwkv_model *model;
    const char *base = path + strlen(path);
    char name[1024];
    float *out;
    int V, rc;
    size_t n, d1 = 0, d2 = 0, i;
    FILE *f;
    while (base > path && base[-1] != '/' && base[-1] != '\\') base--;
    if (rwkv_model_open(path, &model, &err) != RWKV_OK) return fail(path, &err);
    V = rwkv_model_get_n_vocab(model);
    n = (size_t)3 * T * (size_t)V;
    out = (float *)calloc(n, sizeof(float));
    if (!out) {
        rwkv_model_close(model);
        fprintf(stderr, "cross_logits: out of memory\n");
        return 1;
    }
    rc = run_model(path, out, V, model);
    rwkv_model_close(model);
    {
        double tol = 0.0;
#ifdef RWKV__FPK
        for (i = 0; i < (size_t)T * V; i++) tol = fabs(out[i]) > tol ? fabs(out[i]) : tol;
        tol *= 1e-4;
#endif
        for (i = 0; !rc && i < (size_t)T * V; i++) {
            d1 += memcmp(&out[i], &out[(size_t)T * V + i], sizeof(float)) != 0;
            d2 += tol > 0.0 ? fabs((double)out[i] - (double)out[(size_t)2 * T * V + i]) > tol
                            : memcmp(&out[i], &out[(size_t)2 * T * V + i], sizeof(float)) != 0;
        }
    }
    if (d1 || d2) {
        fprintf(stderr, "cross_logits: %s: %lu logits differ between 1 and 2 threads, %lu "
                "between rwkv_eval and rwkv_eval_seq (of %lu)\n", path, (unsigned long)d1,
                (unsigned long)d2, (unsigned long)(T * V));
        rc = 1;
    }
    snprintf(name, sizeof name, "%s/%s.f32", dir, base);
    f = rc ? NULL : fopen(name, "wb");
    if (!rc && (!f || fwrite(out, sizeof(float), n, f) != n || fclose(f) != 0)) {
        fprintf(stderr, "cross_logits: cannot write %s\n", name);
        rc = 1;
    }
    free(out);
    return rc;
}

static float *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    float *p = NULL;
    long size;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (p = (float *)malloc((size_t)size)) != NULL) {
        *n = (size_t)size / sizeof(float);
        if (fread(p, sizeof(float), *n, f) != *n) { free(p); p = NULL; }
    }
    fclose(f);
    return p;
}

/* Rows of 3 * T: the largest |a - b| of a row over the largest |a| of that row. */
static int compare(const char *pa, const char *pb)
{
    size_t na = 0, nb = 0, V, r, i;
    float *a = read_all(pa, &na), *b = read_all(pb, &nb);
    double worst = 0.0;
    int rc = 0;
    if (!a || !b || na != nb || na % (3 * T) != 0) {
        fprintf(stderr, "cross_logits: %s and %s: missing, unreadable or of different sizes\n",
                pa, pb);
        free(a); free(b);
        return 1;
    }
    V = na / (3 * T);
    for (r = 0; r < 3 * T; r++) {
        double amax = 0.0, dmax = 0.0;
        for (i = 0; i < V; i++) {
            const double x = a[r * V + i], y = b[r * V + i];
            if (fabs(x) > amax) amax = fabs(x);
            if (!(fabs(x - y) <= dmax)) dmax = fabs(x - y); /* NaN counts as the worst */
        }
        if (!(dmax <= 1e-4 * amax)) rc = 1;
        if (amax > 0.0 && dmax / amax > worst) worst = dmax / amax;
        if (dmax != dmax) worst = dmax;
    }
    printf("%s: max |diff| / max |logit| = %.3g%s\n", pb, worst, rc ? " (> 1e-4: FAIL)" : "");
    free(a); free(b);
    return rc;
}

int main(int argc, char **argv)
{
    int i, rc = 0;
    if (argc == 4 && strcmp(argv[1], "-c") == 0) return compare(argv[2], argv[3]);
    if (argc == 2 && strcmp(argv[1], "--build") == 0) return puts(rwkv_build_info()) < 0;
    if (argc < 3) {
        fprintf(stderr, "usage: cross_logits OUTDIR MODEL... | cross_logits -c A.f32 B.f32 | "
                        "cross_logits --build\n");
        return 2;
    }
    for (i = 2; i < argc; i++) rc |= dump(argv[1], argv[i]);
    return rc;
}
