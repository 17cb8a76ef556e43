/* State API tests on every version (v4, v5.0, v5.1, v5.2, v6, v6 + time_state, v7):
     - sequence mode (rwkv_eval_seq, all logits; last logits for 1..129 tokens, around the
       128-token block) agrees with one-token rwkv_eval;
     - save after some tokens, load into a fresh state, continue: bit-identical logits
       (memory blob and file), also when the prefix went through rwkv_eval_seq;
     - rwkv_state_copy and rwkv_state_reset (a tuned time_state comes back after reset);
     - a refused load (short, bad magic, other model) leaves the state untouched;
     - a long greedy run (argmax feedback) keeps every logit and every state float finite.
   Models are random GGUF files made by tools/random_model.py (standard-library Python, $PY)
   in build/; skips (77) when that cannot run. Usage: test_state [long-run tokens]. */
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

#define N_TOK 40   /* tokens of the agreement tests */
#define SPLIT 17   /* where the state is saved */

typedef struct {
    const char *name;
    const char *args; /* tools/random_model.py arguments */
} model_spec;

static const model_spec SPECS[] = {
    {"v4", "--version 4 --layers 2 --embd 64 --vocab 300 --seed 21"},
    {"v5.0", "--version 5.0 --layers 2 --embd 64 --head-size 32 --vocab 300 --seed 22"},
    {"v5.1", "--version 5.1 --layers 2 --embd 64 --head-size 32 --vocab 300 --seed 23"},
    {"v5.2", "--version 5.2 --layers 2 --embd 64 --head-size 32 --vocab 300 --seed 24"},
    {"v6", "--version 6 --layers 2 --embd 64 --head-size 32 --vocab 300 --seed 25"},
    {"v6-state", "--version 6 --layers 2 --embd 64 --head-size 32 --vocab 300 --time-state --seed 26"},
    {"v7", "--version 7 --layers 2 --embd 64 --head-size 32 --vocab 300 --seed 27"},
};
#define N_SPECS (sizeof SPECS / sizeof SPECS[0])

static float max_abs(const float *a, size_t n)
{
    float m = 0.0f;
    size_t i;
    for (i = 0; i < n; i++)
        if (fabsf(a[i]) > m) m = fabsf(a[i]);
    return m;
}

static float max_diff(const float *a, const float *b, size_t n)
{
    float m = 0.0f;
    size_t i;
    for (i = 0; i < n; i++)
        if (fabsf(a[i] - b[i]) > m || a[i] != a[i] || b[i] != b[i]) m = fabsf(a[i] - b[i]);
    return m;
}

static int all_finite(const float *a, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!isfinite(a[i])) return 0;
    return 1;
}

static rwkv_state *fresh(const rwkv_model *m)
{
    rwkv_state *s = NULL;
    rwkv_error err;
    if (rwkv_state_new(m, &s, &err) != RWKV_OK) {
        printf("rwkv_state_new: %s\n", err.message);
        exit(1);
    }
    return s;
}

static void eval_ok(rwkv_state *s, int tok, float *logits)
{
    rwkv_error err;
    rwkv_status st = rwkv_eval(s, tok, logits, &err);
    CHECK(st == RWKV_OK, "rwkv_eval(%d): %s", tok, err.message);
}

static int argmax(const float *a, int n)
{
    int i, best = 0;
    for (i = 1; i < n; i++)
        if (a[i] > a[best]) best = i;
    return best;
}

/* Every float of a saved state (the blob is a 48-byte header then little-endian floats). */
static int state_finite(const rwkv_state *s, const rwkv_model *m, float *worst)
{
    size_t n = rwkv_state_serialized_size(m), i;
    unsigned char *blob = malloc(n);
    int ok = 1;
    *worst = 0.0f;
    if (!blob || rwkv_state_save(s, blob, n, NULL) != RWKV_OK) {
        free(blob);
        return 0;
    }
    for (i = RWKV__STATE_HEADER; i + 4 <= n; i += 4) {
        uint32_t b = (uint32_t)blob[i] | (uint32_t)blob[i + 1] << 8 |
                     (uint32_t)blob[i + 2] << 16 | (uint32_t)blob[i + 3] << 24;
        float f;
        memcpy(&f, &b, 4);
        if (!isfinite(f)) ok = 0;
        else if (fabsf(f) > *worst && fabsf(f) < 1e29f) *worst = fabsf(f); /* v4 pp starts at -1e30 */
    }
    free(blob);
    return ok;
}

static void test_model(const char *name, const char *path, const rwkv_model *other, int long_run)
{
    rwkv_model *m = NULL;
    rwkv_error err;
    rwkv_model_info info;
    int V, i, tokens[N_TOK];
    float *serial, *seq, *cont, *tmp;
    rwkv_state *a, *b, *c;
    unsigned char *blob, *blob0, *bad;
    size_t bsize;
    char state_path[256];
    float seq_diff, bound;

    if (rwkv_model_open(path, &m, &err) != RWKV_OK) {
        CHECK(0, "%s: open: %s", name, err.message);
        return;
    }
    rwkv_model_get_info(m, &info);
    V = info.n_vocab;
    for (i = 0; i < N_TOK; i++) tokens[i] = (int)((i * 7919u + 13u) % (unsigned)V);
    serial = malloc(sizeof(float) * V * N_TOK);
    seq = malloc(sizeof(float) * V * N_TOK);
    cont = malloc(sizeof(float) * V * N_TOK);
    tmp = malloc(sizeof(float) * V);
    bsize = rwkv_state_serialized_size(m);
    blob = malloc(bsize);
    blob0 = malloc(bsize);
    bad = malloc(bsize);
    if (!serial || !seq || !cont || !tmp || !blob || !blob0 || !bad) exit(1);

    /* reference: one token at a time from a fresh state */
    a = fresh(m);
    CHECK(rwkv_state_save(a, blob0, bsize, &err) == RWKV_OK, "%s: save fresh: %s", name, err.message);
    for (i = 0; i < N_TOK; i++) eval_ok(a, tokens[i], serial + (size_t)i * V);
    bound = 1e-4f * max_abs(serial, (size_t)V * N_TOK);
    CHECK(all_finite(serial, (size_t)V * N_TOK), "%s: non-finite logits", name);

    /* sequence mode, all logits */
    b = fresh(m);
    CHECK(rwkv_eval_seq(b, tokens, N_TOK, seq, 1, &err) == RWKV_OK, "%s: eval_seq: %s", name,
          err.message);
    seq_diff = max_diff(serial, seq, (size_t)V * N_TOK);
    CHECK(seq_diff <= bound, "%s: seq vs serial %.3g > %.3g", name, seq_diff, bound);
    printf("%-9s seq vs serial max|d| %.3g (%s), bound %.3g\n", name, seq_diff,
           memcmp(serial, seq, sizeof(float) * V * N_TOK) ? "not bit-identical" : "bit-identical",
           bound);
    /* the final states of both modes continue identically (within the bound) */
    eval_ok(a, 1, tmp);
    eval_ok(b, 1, cont);
    CHECK(max_diff(tmp, cont, V) <= bound, "%s: states after seq/serial differ", name);
    rwkv_state_free(a);
    rwkv_state_free(b);

    /* one rwkv_eval_seq call of n tokens, last logits only, at and around the block size
       of sequence mode (RWKV_SEQ_BLOCK, 128; 64 until 2026-12-03): must equal the serial
       logits after token n */
    {
        static const int lens[] = {1, 2, 63, 64, 65, 127, 128, 129};
        int *ids = malloc(sizeof(int) * 129), k;
        float *row = malloc(sizeof(float) * V), *last = malloc(sizeof(float) * V);
        rwkv_state *s1 = fresh(m), *s2 = fresh(m);
        if (!ids || !row || !last) exit(1);
        for (i = 0; i < 129; i++) ids[i] = (int)((i * 104729u + 7u) % (unsigned)V);
        for (k = 0, i = 0; k < (int)(sizeof lens / sizeof lens[0]); k++) {
            for (; i < lens[k]; i++) eval_ok(s1, ids[i], row);
            rwkv_state_reset(s2);
            CHECK(rwkv_eval_seq(s2, ids, (size_t)lens[k], last, 0, &err) == RWKV_OK,
                  "%s: eval_seq(%d): %s", name, lens[k], err.message);
            CHECK(max_diff(row, last, V) <= bound, "%s: eval_seq of %d tokens, last logits "
                  "differ from serial by %.3g", name, lens[k], max_diff(row, last, V));
        }
        rwkv_state_free(s1);
        rwkv_state_free(s2);
        free(ids);
        free(row);
        free(last);
    }

    /* save after SPLIT tokens, load into a fresh state, continue: bit-identical */
    a = fresh(m);
    for (i = 0; i < SPLIT; i++) eval_ok(a, tokens[i], NULL);
    CHECK(rwkv_state_save(a, blob, bsize, &err) == RWKV_OK, "%s: save: %s", name, err.message);
    b = fresh(m);
    CHECK(rwkv_state_load(b, blob, bsize, &err) == RWKV_OK, "%s: load: %s", name, err.message);
    c = fresh(m);
    CHECK(rwkv_state_copy(c, a, &err) == RWKV_OK, "%s: copy: %s", name, err.message);
    for (i = SPLIT; i < N_TOK; i++) {
        eval_ok(b, tokens[i], cont + (size_t)i * V);
        eval_ok(c, tokens[i], tmp);
        CHECK(memcmp(tmp, serial + (size_t)i * V, sizeof(float) * V) == 0,
              "%s: copied state, token %d: logits differ by %.3g", name, i,
              max_diff(tmp, serial + (size_t)i * V, V));
    }
    CHECK(memcmp(cont + (size_t)SPLIT * V, serial + (size_t)SPLIT * V,
                 sizeof(float) * V * (N_TOK - SPLIT)) == 0,
          "%s: loaded state: logits differ from uninterrupted run by %.3g", name,
          max_diff(cont + (size_t)SPLIT * V, serial + (size_t)SPLIT * V,
                   (size_t)V * (N_TOK - SPLIT)));

    /* the same through a file */
    sprintf(state_path, "build/test_state-%s.bin", name);
    CHECK(rwkv_state_save_file(a, state_path, &err) == RWKV_OK, "%s: save_file: %s", name,
          err.message);
    rwkv_state_reset(b);
    CHECK(rwkv_state_load_file(b, state_path, &err) == RWKV_OK, "%s: load_file: %s", name,
          err.message);
    for (i = SPLIT; i < N_TOK; i++) eval_ok(b, tokens[i], cont + (size_t)i * V);
    CHECK(memcmp(cont + (size_t)SPLIT * V, serial + (size_t)SPLIT * V,
                 sizeof(float) * V * (N_TOK - SPLIT)) == 0,
          "%s: file round trip: logits differ", name);
    remove(state_path);

    /* prefix in sequence mode, saved, loaded, rest in sequence mode */
    rwkv_state_reset(b);
    CHECK(rwkv_eval_seq(b, tokens, SPLIT, NULL, 0, &err) == RWKV_OK, "%s: seq prefix: %s",
          name, err.message);
    CHECK(rwkv_state_save(b, blob, bsize, &err) == RWKV_OK, "%s: save: %s", name, err.message);
    rwkv_state_reset(c);
    CHECK(rwkv_state_load(c, blob, bsize, &err) == RWKV_OK, "%s: load: %s", name, err.message);
    CHECK(rwkv_eval_seq(c, tokens + SPLIT, N_TOK - SPLIT, cont + (size_t)SPLIT * V, 1, &err) ==
              RWKV_OK, "%s: seq rest: %s", name, err.message);
    CHECK(max_diff(cont + (size_t)SPLIT * V, serial + (size_t)SPLIT * V,
                   (size_t)V * (N_TOK - SPLIT)) <= bound,
          "%s: seq prefix + load + seq rest differs by %.3g", name,
          max_diff(cont + (size_t)SPLIT * V, serial + (size_t)SPLIT * V,
                   (size_t)V * (N_TOK - SPLIT)));

    /* reset gives back the initial state (zeros or the tuned time_state) */
    rwkv_state_reset(b);
    CHECK(rwkv_state_save(b, blob, bsize, &err) == RWKV_OK, "%s: save: %s", name, err.message);
    CHECK(memcmp(blob, blob0, bsize) == 0, "%s: reset state differs from a new one", name);
    eval_ok(b, tokens[0], tmp);
    CHECK(memcmp(tmp, serial, sizeof(float) * V) == 0, "%s: after reset: logits differ", name);
    if (info.has_time_state) {
        size_t j, nonzero = 0;
        for (j = RWKV__STATE_HEADER; j < bsize; j++) nonzero += blob0[j] != 0;
        CHECK(nonzero > 0, "%s: time_state model starts from an all-zero state", name);
    }

    /* refused loads leave the state as it was: b is after tokens[0] */
    rwkv_state_save(b, blob, bsize, NULL);
    CHECK(rwkv_state_load(b, blob, bsize - 1, &err) != RWKV_OK, "%s: short blob accepted", name);
    memcpy(bad, blob, bsize);
    bad[0] ^= 0x20;
    CHECK(rwkv_state_load(b, bad, bsize, &err) == RWKV_ERR_STATE, "%s: bad magic accepted",
          name);
    if (other) {
        size_t on = rwkv_state_serialized_size(other);
        rwkv_state *o = fresh(other);
        unsigned char *ob = malloc(on);
        if (!ob) exit(1);
        rwkv_state_save(o, ob, on, NULL);
        CHECK(rwkv_state_load(b, ob, on, &err) == RWKV_ERR_STATE,
              "%s: a state of another model was accepted", name);
        rwkv_state_free(o);
        free(ob);
    }
    CHECK(rwkv_state_save(b, blob, bsize - 1, &err) == RWKV_ERR_ARGUMENT,
          "%s: save into a short buffer did not fail", name);
    eval_ok(b, tokens[1], tmp);
    CHECK(memcmp(tmp, serial + V, sizeof(float) * V) == 0,
          "%s: a refused load changed the state (logits differ by %.3g)", name,
          max_diff(tmp, serial + V, V));

    /* long greedy run: logits and state stay finite */
    if (long_run > 0) {
        int tok = 0, bad_at = -1, n;
        float worst_logit = 0.0f, worst_state = 0.0f;
        clock_t t0 = clock();
        rwkv_state_reset(c);
        for (n = 0; n < long_run; n++) {
            eval_ok(c, tok, tmp);
            if (!all_finite(tmp, V)) {
                bad_at = n;
                break;
            }
            if (max_abs(tmp, V) > worst_logit) worst_logit = max_abs(tmp, V);
            tok = argmax(tmp, V);
        }
        CHECK(bad_at < 0, "%s: non-finite logits at generated token %d", name, bad_at);
        CHECK(state_finite(c, m, &worst_state), "%s: non-finite state after %d tokens", name, n);
        printf("%-9s %d greedy tokens: max|logit| %.3g, max|state| %.3g, all finite: %s "
               "(%.1f s)\n", name, n, worst_logit, worst_state, bad_at < 0 ? "yes" : "NO",
               (double)(clock() - t0) / CLOCKS_PER_SEC);
    }

    rwkv_state_free(a);
    rwkv_state_free(b);
    rwkv_state_free(c);
    free(serial);
    free(seq);
    free(cont);
    free(tmp);
    free(blob);
    free(blob0);
    free(bad);
    rwkv_model_close(m);
}

int main(int argc, char **argv)
{
    char paths[N_SPECS][128];
    /* --make-models: only make the models (check_make_model) */
    const int make_only = argc > 1 && strcmp(argv[1], "--make-models") == 0;
    int long_run = argc > 1 && !make_only ? atoi(argv[1]) : 5000;
    size_t i;
    rwkv_model *other = NULL;

    for (i = 0; i < N_SPECS; i++) {
        sprintf(paths[i], "build/test_state-%s.gguf", SPECS[i].name);
        if (!check_make_model(SPECS[i].args, paths[i])) return 77;
    }
    if (make_only) return 0;
    /* a model of another shape, for the refused-load test */
    if (rwkv_model_open(paths[0], &other, NULL) != RWKV_OK) other = NULL;
    for (i = 0; i < N_SPECS; i++) {
        test_model(SPECS[i].name, paths[i], i == 0 ? NULL : other, long_run);
        remove(paths[i]);
    }
    if (other) rwkv_model_close(other);
    printf("%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
