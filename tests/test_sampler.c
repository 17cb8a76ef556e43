/* Sampler tests: greedy, nucleus / top-k / min-p sets against a full-sort reference, draw
   frequencies against the distribution (chi-square), penalties, bans, biases, seeding, errors. */
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

static rwkv_sampler *make(int V, float temp, float top_p, int top_k, float min_p, float pres,
                          float freq, float decay, uint64_t seed)
{
    rwkv_sampler_params p;
    rwkv_sampler *s = NULL;
    rwkv_error err;
    rwkv_sampler_params_default(&p);
    p.temperature = temp;
    p.top_p = top_p;
    p.top_k = top_k;
    p.min_p = min_p;
    p.presence_penalty = pres;
    p.frequency_penalty = freq;
    p.penalty_decay = decay;
    p.seed = seed;
    if (rwkv_sampler_new(&p, V, &s, &err) != RWKV_OK) {
        printf("rwkv_sampler_new: %s\n", err.message);
        exit(1);
    }
    return s;
}

static int draw(rwkv_sampler *s, const float *logits)
{
    int t;
    rwkv_error err;
    if (rwkv_sampler_sample(s, logits, &t, &err) != RWKV_OK) {
        printf("rwkv_sampler_sample: %s\n", err.message);
        exit(1);
    }
    return t;
}

/* deterministic test data: a Gaussian-ish logit vector */
static uint64_t lcg = 12345;
static double unif(void)
{
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    return (double)(lcg >> 11) / 9007199254740992.0;
}
static float gauss(void)
{
    double u1 = unif() + 1e-12, u2 = unif();
    return (float)(sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2));
}

static void softmax(const float *l, double *p, int V)
{
    double m = -1e300, sum = 0;
    int i;
    for (i = 0; i < V; i++) if (l[i] > m) m = l[i];
    for (i = 0; i < V; i++) sum += (p[i] = exp((double)l[i] - m));
    for (i = 0; i < V; i++) p[i] /= sum;
}

typedef struct { double p; int id; } pid;
static int cmp_pid(const void *a, const void *b)
{
    const pid *x = (const pid *)a, *y = (const pid *)b;
    if (x->p != y->p) return x->p > y->p ? -1 : 1;
    return x->id - y->id;
}

/* Reference kept set by a full sort (ChatRWKV's rule): keep[i] = 1 if kept. */
static void reference_keep(const float *l, int V, float top_p, int top_k, float min_p,
                           unsigned char *keep)
{
    double *p = (double *)malloc(sizeof(double) * V);
    pid *s = (pid *)malloc(sizeof(pid) * V);
    double cum = 0, cutoff = 0, pmax;
    int i;
    softmax(l, p, V);
    for (i = 0; i < V; i++) { s[i].p = p[i]; s[i].id = i; }
    qsort(s, V, sizeof *s, cmp_pid);
    pmax = s[0].p;
    if (top_p < 1.0f) {
        for (i = 0; i < V; i++) {
            cum += s[i].p;
            if (cum >= top_p) { cutoff = s[i].p; break; }
        }
    }
    for (i = 0; i < V; i++) keep[i] = p[i] >= cutoff && p[i] >= min_p * pmax && p[i] > 0;
    if (top_k > 0 && top_k < V)
        for (i = top_k; i < V; i++) keep[s[i].id] = 0;
    free(p);
    free(s);
}

/* The sampler's own kept set after one call (white box: kept[0..n_kept)). */
static int compare_kept(rwkv_sampler *s, const float *l, int V, float top_p, int top_k,
                        float min_p, const char *what)
{
    unsigned char *keep = (unsigned char *)malloc(V);
    int i, n_ref = 0, n_got = 0, diff = 0;
    draw(s, l);
    reference_keep(l, V, top_p, top_k, min_p, keep);
    unsigned char *got = (unsigned char *)calloc(V, 1);
    for (i = 0; i < s->n_kept; i++) got[s->kept[i]] = 1;
    for (i = 0; i < V; i++) {
        n_ref += keep[i];
        n_got += got[i];
        if (got[i] != keep[i]) diff++;
    }
    free(got);
    printf("%-40s kept %d, reference %d, differing %d\n", what, n_got, n_ref, diff);
    free(keep);
    return diff;
}

static void test_greedy(void)
{
    float l[6] = {0.5f, 2.0f, -1.0f, 2.0f, 1.9f, -INFINITY};
    rwkv_sampler *s = make(6, 0.0f, 0.85f, 0, 0, 0, 0, 1, 1);
    int i;
    for (i = 0; i < 100; i++) CHECK(draw(s, l) == 1, "temperature 0 must pick the first argmax");
    rwkv_sampler_free(s);
    s = make(6, 1.0f, 0.0f, 0, 0, 0, 0, 1, 1);
    CHECK(draw(s, l) == 1, "top_p 0 must be greedy");
    rwkv_sampler_free(s);
    s = make(6, 1.5f, 1.0f, 1, 0, 0, 0, 1, 1);
    CHECK(draw(s, l) == 1, "top_k 1 must be greedy");
    rwkv_sampler_free(s);
    printf("greedy: ok\n");
}

static void test_sets(void)
{
    const int V = 65536;
    float *l = (float *)malloc(sizeof(float) * V);
    float tps[4] = {0.3f, 0.7f, 0.85f, 0.99f};
    int i, k;
    char what[80];
    for (i = 0; i < V; i++) l[i] = 2.5f * gauss();
    for (k = 0; k < 4; k++) {
        rwkv_sampler *s = make(V, 1.0f, tps[k], 0, 0, 0, 0, 1, 7);
        snprintf(what, sizeof what, "top_p %.2f, V=%d:", tps[k], V);
        CHECK(compare_kept(s, l, V, tps[k], 0, 0, what) == 0, "top-p set differs");
        rwkv_sampler_free(s);
    }
    {
        int ks[3] = {1, 40, 5000};
        for (k = 0; k < 3; k++) {
            rwkv_sampler *s = make(V, 0.7f, 1.0f, ks[k], 0, 0, 0, 1, 7);
            snprintf(what, sizeof what, "top_k %d:", ks[k]);
            if (ks[k] > 1) CHECK(compare_kept(s, l, V, 1.0f, ks[k], 0, what) == 0, "top-k set");
            rwkv_sampler_free(s);
        }
    }
    {
        rwkv_sampler *s = make(V, 1.0f, 0.9f, 100, 0.01f, 0, 0, 1, 7);
        CHECK(compare_kept(s, l, V, 0.9f, 100, 0.01f, "top_p 0.9 + top_k 100 + min_p 0.01:") == 0,
              "combined set");
        rwkv_sampler_free(s);
    }
    /* ties at the top-k boundary: lowest ids win, exactly k kept */
    {
        float t[10] = {1, 3, 2, 2, 2, 0, 2, 3, 2, -1};
        rwkv_sampler *s = make(10, 1.0f, 1.0f, 4, 0, 0, 0, 1, 7);
        int n = 0;
        draw(s, t);
        n = s->n_kept;
        CHECK(n == 4 && s->kept[0] == 1 && s->kept[1] == 2 && s->kept[2] == 3 && s->kept[3] == 7,
              "top-k ties: kept %d, expected ids 1,2,3,7", n);
        rwkv_sampler_free(s);
        printf("top-k with ties: kept %d\n", n);
    }
    /* a flat distribution: everything in one bucket */
    {
        for (i = 0; i < V; i++) l[i] = 0.0f;
        rwkv_sampler *s = make(V, 1.0f, 0.5f, 0, 0, 0, 0, 1, 7);
        CHECK(compare_kept(s, l, V, 0.5f, 0, 0, "flat, top_p 0.5:") == 0, "flat set");
        rwkv_sampler_free(s);
    }
    free(l);
}

/* 10 000 draws never leave the nucleus / the top k, whatever the temperature. */
static void test_never_outside(void)
{
    const int V = 4096, N = 10000;
    float *l = (float *)malloc(sizeof(float) * V);
    unsigned char *keep = (unsigned char *)malloc(V);
    float temps[3] = {0.5f, 1.0f, 3.0f};
    int i, k, n, outside, distinct;
    for (i = 0; i < V; i++) l[i] = 3.0f * gauss();
    for (k = 0; k < 3; k++) {
        rwkv_sampler *s = make(V, temps[k], 0.6f, 0, 0, 0, 0, 1, 100 + k);
        unsigned char *hit = (unsigned char *)calloc(V, 1);
        reference_keep(l, V, 0.6f, 0, 0, keep);
        outside = distinct = 0;
        for (n = 0; n < N; n++) {
            int t = draw(s, l);
            if (!keep[t]) outside++;
            if (!hit[t]) { hit[t] = 1; distinct++; }
        }
        for (i = n = 0; i < V; i++) n += keep[i];
        printf("top_p 0.6, T=%.1f: %d draws, %d outside the nucleus of %d (%d distinct seen)\n",
               temps[k], N, outside, n, distinct);
        CHECK(outside == 0, "top-p draw outside the nucleus");
        rwkv_sampler_free(s);
        free(hit);
    }
    {
        rwkv_sampler *s = make(V, 2.0f, 1.0f, 20, 0, 0, 0, 1, 9);
        reference_keep(l, V, 1.0f, 20, 0, keep);
        outside = 0;
        for (n = 0; n < N; n++) if (!keep[draw(s, l)]) outside++;
        printf("top_k 20, T=2: %d draws, %d outside the top 20\n", N, outside);
        CHECK(outside == 0, "top-k draw outside the top k");
        rwkv_sampler_free(s);
    }
    free(l);
    free(keep);
}

/* Pearson chi-square of observed counts against expected probabilities. */
static double chi2(const int *obs, const double *p, int V, int N)
{
    double c = 0;
    int i;
    for (i = 0; i < V; i++) {
        double e = p[i] * N;
        if (e > 0) c += (obs[i] - e) * (obs[i] - e) / e;
        else if (obs[i]) c += 1e9;
    }
    return c;
}

static void test_frequencies(void)
{
    /* 8 tokens, 200 000 draws; chi-square with 7 degrees of freedom: the 0.1% critical
       value is 24.3 */
    const int V = 8, N = 200000;
    float l[8] = {2.0f, 1.0f, 0.5f, 0.0f, -0.5f, -1.0f, 1.5f, -3.0f};
    double p[8], q[8];
    int obs[8], i, n;
    struct { float T, top_p; } cases[4] = {{1.0f, 1.0f}, {0.5f, 1.0f}, {2.0f, 1.0f}, {1.0f, 0.8f}};
    int c;
    for (c = 0; c < 4; c++) {
        rwkv_sampler *s = make(V, cases[c].T, cases[c].top_p, 0, 0, 0, 0, 1, 1000 + c);
        unsigned char keep[8];
        double sum = 0, x;
        softmax(l, p, V);
        reference_keep(l, V, cases[c].top_p, 0, 0, keep);
        for (i = 0; i < V; i++) sum += (q[i] = keep[i] ? pow(p[i], 1.0 / cases[c].T) : 0.0);
        for (i = 0; i < V; i++) q[i] /= sum;
        memset(obs, 0, sizeof obs);
        for (n = 0; n < N; n++) obs[draw(s, l)]++;
        x = chi2(obs, q, V, N);
        printf("frequencies T=%.1f top_p=%.1f: chi2 = %.2f (7 dof, bound 24.3)\n", cases[c].T,
               cases[c].top_p, x);
        CHECK(x < 24.3, "draw frequencies do not match the distribution");
        rwkv_sampler_free(s);
    }
}

static void test_penalties(void)
{
    float l[5] = {5.0f, 4.9f, 4.5f, 0.0f, 0.0f};
    rwkv_sampler *s = make(5, 0.0f, 1.0f, 0, 0, 0.2f, 0.0f, 1.0f, 1);
    int present;
    float c;
    CHECK(draw(s, l) == 0, "argmax before penalties");
    rwkv_sampler_accept(s, 0); /* 5.0 - 0.2 = 4.8 < 4.9 */
    CHECK(draw(s, l) == 1, "presence penalty should move the argmax to 1");
    rwkv_sampler_accept(s, 1); /* 4.9 - 0.2 = 4.7 < 4.8 */
    CHECK(draw(s, l) == 0, "presence does not grow with repeats");
    rwkv_sampler_free(s);

    /* counts: decay then add, exactly ChatRWKV's order */
    s = make(5, 0.0f, 1.0f, 0, 0, 0.0f, 1.0f, 0.5f, 1);
    rwkv_sampler_accept(s, 2);
    rwkv_sampler_accept(s, 2);
    rwkv_sampler_accept(s, 3);
    c = rwkv_sampler_get_count(s, 2, &present);
    CHECK(present && fabsf(c - 0.75f) < 1e-6f, "count after 2,2,3 with decay 0.5: %g != 0.75", c);
    c = rwkv_sampler_get_count(s, 3, &present);
    CHECK(present && c == 1.0f, "count of 3: %g", c);
    c = rwkv_sampler_get_count(s, 4, &present);
    CHECK(!present && c == 0.0f, "count of an unseen token");
    printf("penalty counts with decay 0.5 after 2,2,3: count[2]=%g count[3]=%g\n",
           rwkv_sampler_get_count(s, 2, NULL), rwkv_sampler_get_count(s, 3, NULL));
    /* weight 0 (whitespace/digits): presence but no frequency */
    rwkv_sampler_set_penalty_weight(s, 4, 0.0f);
    rwkv_sampler_accept(s, 4);
    c = rwkv_sampler_get_count(s, 4, &present);
    CHECK(present && c == 0.0f, "weight-0 token: present with count 0");
    rwkv_sampler_reset_penalties(s);
    c = rwkv_sampler_get_count(s, 2, &present);
    CHECK(!present && c == 0.0f, "reset forgets counts");
    rwkv_sampler_free(s);

    /* the penalised distribution is exactly softmax(l - presence - count*frequency) */
    {
        const int V = 6, N = 200000;
        float lp[6] = {1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f}, adj[6];
        double p[6];
        int obs[6] = {0}, n, i;
        double x;
        s = make(V, 1.0f, 1.0f, 0, 0, 0.3f, 0.4f, 0.9f, 77);
        rwkv_sampler_accept(s, 1);
        rwkv_sampler_accept(s, 1);
        rwkv_sampler_accept(s, 4);
        /* counts: 1 -> 1*0.9*0.9 + 1*0.9 = 1.71, 4 -> 1 */
        for (i = 0; i < V; i++) adj[i] = lp[i];
        adj[1] -= 0.3f + 1.71f * 0.4f;
        adj[4] -= 0.3f + 1.0f * 0.4f;
        softmax(adj, p, V);
        for (n = 0; n < N; n++) obs[draw(s, lp)]++;
        x = chi2(obs, p, V, N);
        printf("penalised frequencies: chi2 = %.2f (5 dof, bound 20.5); token 1 %d, token 0 %d\n",
               x, obs[1], obs[0]);
        CHECK(x < 20.5, "penalised draw frequencies");
        CHECK(obs[1] < obs[4] && obs[4] < obs[0], "penalty ordering");
        rwkv_sampler_free(s);
    }
}

static void test_bans(void)
{
    float l[4] = {10.0f, 1.0f, 0.5f, 0.0f};
    rwkv_sampler *s = make(4, 1.0f, 1.0f, 0, 0, 0, 0, 1, 5);
    rwkv_error err;
    int n, t, bad = 0;
    rwkv_sampler_ban(s, 0, 1);
    for (n = 0; n < 10000; n++) if (draw(s, l) == 0) bad++;
    printf("bans: token 0 (p ~ 0.9998 before the ban) drawn %d times in 10000\n", bad);
    CHECK(bad == 0, "banned token drawn");
    rwkv_sampler_ban(s, 1, 1);
    rwkv_sampler_ban(s, 2, 1);
    rwkv_sampler_ban(s, 3, 1);
    CHECK(rwkv_sampler_sample(s, l, &t, &err) != RWKV_OK, "all banned must fail");
    printf("all banned: %s\n", err.message);
    rwkv_sampler_ban(s, 0, 0);
    CHECK(draw(s, l) == 0, "unban");
    rwkv_sampler_free(s);
    /* greedy honours bans too */
    s = make(4, 0.0f, 1.0f, 0, 0, 0, 0, 1, 5);
    rwkv_sampler_ban(s, 0, 1);
    CHECK(draw(s, l) == 1, "greedy with a ban");
    rwkv_sampler_free(s);
}

/* rwkv_sampler_set_bias: a biased sampler draws exactly what an unbiased one draws from
   logits with the bias added (same seed), -inf never comes out, bad arguments fail. */
static void test_bias(void)
{
    const int V = 500, N = 400;
    float *l = (float *)malloc(sizeof(float) * V), *lb = (float *)malloc(sizeof(float) * V);
    float g[3] = {0.0f, 1.0f, 0.9f};
    rwkv_sampler *s1, *s2;
    rwkv_error err;
    int i, same = 1, hits = 0;
    for (i = 0; i < V; i++) lb[i] = l[i] = gauss();
    s1 = make(V, 1.0f, 0.9f, 0, 0, 0.1f, 0.0f, 0.996f, 77);
    s2 = make(V, 1.0f, 0.9f, 0, 0, 0.1f, 0.0f, 0.996f, 77);
    CHECK(rwkv_sampler_set_bias(s1, 7, 6.0f, &err) == RWKV_OK, "bias: %s", err.message);
    CHECK(rwkv_sampler_set_bias(s1, 8, -2.0f, &err) == RWKV_OK, "bias: %s", err.message);
    CHECK(rwkv_sampler_set_bias(s1, 9, -INFINITY, &err) == RWKV_OK, "bias -inf: %s", err.message);
    lb[7] += 6.0f;
    lb[8] -= 2.0f;
    lb[9] = -INFINITY;
    for (i = 0; i < N; i++) {
        int a = draw(s1, l), b = draw(s2, lb);
        rwkv_sampler_accept(s1, a);
        rwkv_sampler_accept(s2, b);
        if (a != b) same = 0;
        if (a == 7) hits++;
        CHECK(a != 9, "a token biased by -inf was drawn");
    }
    CHECK(same, "biased sampler != unbiased sampler on biased logits");
    CHECK(hits > N / 10, "token 7 (+6) drawn only %d times in %d", hits, N);
    printf("bias: %d draws identical to sampling biased logits; token +6 drawn %d times, "
           "-inf never\n", N, hits);
    rwkv_sampler_free(s2);
    /* greedy: the bias moves the argmax; bias 0 takes it away */
    s2 = make(3, 0.0f, 1.0f, 0, 0, 0, 0, 1, 1);
    CHECK(draw(s2, g) == 1, "greedy without bias");
    rwkv_sampler_set_bias(s2, 2, 0.2f, NULL);
    CHECK(draw(s2, g) == 2, "greedy with bias +0.2 on token 2");
    rwkv_sampler_set_bias(s2, 2, 0.0f, NULL);
    CHECK(draw(s2, g) == 1, "bias 0 restores");
    CHECK(rwkv_sampler_set_bias(s2, 3, 1.0f, &err) == RWKV_ERR_ARGUMENT &&
          strstr(err.message, "token 3"), "bias outside the vocabulary: %s", err.message);
    CHECK(rwkv_sampler_set_bias(s2, -1, 1.0f, &err) == RWKV_ERR_ARGUMENT, "bias token -1");
    CHECK(rwkv_sampler_set_bias(s2, 0, NAN, &err) == RWKV_ERR_ARGUMENT, "bias NaN");
    CHECK(rwkv_sampler_set_bias(s2, 0, INFINITY, &err) == RWKV_ERR_ARGUMENT, "bias +inf");
    printf("bias errors: %s\n", err.message);
    rwkv_sampler_free(s1);
    rwkv_sampler_free(s2);
    free(l);
    free(lb);
}

static void test_seeds(void)
{
    const int V = 1000, N = 500;
    float *l = (float *)malloc(sizeof(float) * V);
    int *a = (int *)malloc(sizeof(int) * N), *b = (int *)malloc(sizeof(int) * N);
    int i, same = 1, differ = 0;
    rwkv_sampler *s1, *s2;
    for (i = 0; i < V; i++) l[i] = gauss();
    s1 = make(V, 1.0f, 0.95f, 0, 0, 0.2f, 0.2f, 0.996f, 31337);
    s2 = make(V, 1.0f, 0.95f, 0, 0, 0.2f, 0.2f, 0.996f, 31337);
    for (i = 0; i < N; i++) {
        a[i] = draw(s1, l); rwkv_sampler_accept(s1, a[i]);
        b[i] = draw(s2, l); rwkv_sampler_accept(s2, b[i]);
        if (a[i] != b[i]) same = 0;
    }
    CHECK(same, "same seed, different sequences");
    rwkv_sampler_free(s2);
    s2 = make(V, 1.0f, 0.95f, 0, 0, 0.2f, 0.2f, 0.996f, 31338);
    for (i = 0; i < N; i++) {
        int t = draw(s2, l);
        rwkv_sampler_accept(s2, t);
        if (t != a[i]) differ++;
    }
    CHECK(differ > N / 2, "another seed should differ (%d of %d)", differ, N);
    /* reseeding restarts the stream */
    rwkv_sampler_set_seed(s1, 31337);
    rwkv_sampler_reset_penalties(s1);
    for (i = 0; i < N; i++) {
        int t = draw(s1, l);
        rwkv_sampler_accept(s1, t);
        if (t != a[i]) { same = 0; break; }
    }
    CHECK(same, "reseed must replay the sequence");
    printf("seeds: same seed identical over %d draws; seed+1 differs at %d of %d\n", N, differ, N);
    /* a known value pins the generator across machines */
    rwkv_sampler_set_seed(s1, 0);
    printf("first uniform for seed 0: %.17g\n", rwkv_sampler_uniform(s1));
    rwkv_sampler_free(s1);
    rwkv_sampler_free(s2);
    free(l); free(a); free(b);
}

static void test_errors(void)
{
    rwkv_sampler_params p;
    rwkv_sampler *s = NULL;
    rwkv_error err;
    float l[3] = {0.0f, NAN, 1.0f};
    int t;
    rwkv_sampler_params_default(&p);
    CHECK(p.temperature == 1.0f && p.top_p == 0.85f && p.presence_penalty == 0.2f &&
              p.frequency_penalty == 0.2f && p.penalty_decay == 0.996f && p.top_k == 0,
          "defaults are ChatRWKV's");
    p.top_p = 1.5f;
    CHECK(rwkv_sampler_new(&p, 10, &s, &err) == RWKV_ERR_ARGUMENT && !s, "top_p 1.5 accepted");
    printf("bad top_p: %s\n", err.message);
    rwkv_sampler_params_default(&p);
    p.temperature = -1.0f;
    CHECK(rwkv_sampler_new(&p, 10, &s, &err) == RWKV_ERR_ARGUMENT, "negative temperature");
    rwkv_sampler_params_default(&p);
    CHECK(rwkv_sampler_new(&p, 0, &s, &err) == RWKV_ERR_ARGUMENT, "n_vocab 0");
    CHECK(rwkv_sampler_new(&p, 3, &s, &err) == RWKV_OK, "valid params");
    CHECK(rwkv_sampler_sample(s, l, &t, &err) == RWKV_ERR_ARGUMENT, "NaN logit accepted");
    printf("NaN logit: %s\n", err.message);
    p.penalty_decay = 2.0f;
    CHECK(rwkv_sampler_set_params(s, &p, &err) == RWKV_ERR_ARGUMENT, "decay 2 accepted");
    rwkv_sampler_free(s);
}

/* get_params returns what new / set_params took; a refused set_params changes nothing. */
static void test_params(void)
{
    rwkv_sampler_params p, q;
    rwkv_sampler *s = NULL;
    rwkv_error err;
    rwkv_sampler_params_default(&p);
    CHECK(p.space_digit_rule == 1, "space_digit_rule is on by default");
    p.temperature = 0.7f;
    p.top_k = 5;
    p.seed = 99;
    CHECK(rwkv_sampler_new(&p, 10, &s, &err) == RWKV_OK, "new: %s", err.message);
    rwkv_sampler_get_params(s, &q);
    CHECK(q.temperature == p.temperature && q.top_p == p.top_p && q.top_k == p.top_k &&
              q.min_p == p.min_p && q.presence_penalty == p.presence_penalty &&
              q.frequency_penalty == p.frequency_penalty && q.penalty_decay == p.penalty_decay &&
              q.space_digit_rule == p.space_digit_rule && q.seed == p.seed,
          "get_params after new");
    q.min_p = 0.05f;
    q.space_digit_rule = 0;
    CHECK(rwkv_sampler_set_params(s, &q, &err) == RWKV_OK, "set_params: %s", err.message);
    rwkv_sampler_get_params(s, &p);
    CHECK(p.min_p == 0.05f && p.space_digit_rule == 0 && p.temperature == 0.7f, "get_params after set_params");
    q.top_p = 2.0f;
    CHECK(rwkv_sampler_set_params(s, &q, &err) == RWKV_ERR_ARGUMENT, "top_p 2 accepted");
    rwkv_sampler_get_params(s, &q);
    CHECK(q.top_p == p.top_p, "a refused set_params changed the parameters");
    rwkv_sampler_free(s);
    printf("get_params / set_params round trip\n");
}

/* ChatRWKV's rule: tokens whose text is a substring of " \t0123456789" get the presence
   penalty but no count; switched off with space_digit_rule = 0. */
static void test_space_digit_rule(void)
{
    static const char vocab[] = "1 ' ' 1\n2 '\\t' 1\n3 '7' 1\n4 '12' 2\n5 'a' 1\n6 '1a' 2\n"
                                "7 '  ' 2\n8 ' \\t' 2\n9 '90' 2\n";
    static const int want[10] = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0}; /* "90" is not a substring */
    rwkv_tokenizer *tok, *bytes;
    rwkv_sampler_params p;
    rwkv_sampler *s = make(10, 0.0f, 1.0f, 0, 0, 0.2f, 0.2f, 1.0f, 1);
    rwkv_error err;
    int id, present, ok = 1;
    CHECK(rwkv_tokenizer_new_from_memory(vocab, sizeof vocab - 1, &tok, &err) == RWKV_OK, "vocab: %s", err.message);
    rwkv_sampler_accept(s, 1);
    CHECK(rwkv_sampler_get_count(s, 1, NULL) == 1.0f, "no tokenizer yet: a space counts");
    rwkv_sampler_reset_penalties(s);
    rwkv_sampler_set_tokenizer(s, tok);
    rwkv_tokenizer_free(tok); /* not kept by the sampler */
    for (id = 1; id < 10; id++) {
        float c;
        rwkv_sampler_accept(s, id);
        c = rwkv_sampler_get_count(s, id, &present);
        if (!present || c != (want[id] ? 0.0f : 1.0f)) ok = 0;
    }
    CHECK(ok, "space/tab/digit tokens present with count 0, the others with count 1");
    rwkv_sampler_get_params(s, &p);
    p.space_digit_rule = 0;
    CHECK(rwkv_sampler_set_params(s, &p, &err) == RWKV_OK, "set_params");
    rwkv_sampler_accept(s, 3);
    CHECK(rwkv_sampler_get_count(s, 3, NULL) == 1.0f, "rule off: the digit token counts");
    rwkv_sampler_free(s);
    /* byte-level: bytes ' ', '\t' and '0'..'9' */
    s = make(256, 0.0f, 1.0f, 0, 0, 0.2f, 0.2f, 1.0f, 1);
    CHECK(rwkv_tokenizer_new_bytes(&bytes, &err) == RWKV_OK, "bytes tokenizer");
    rwkv_sampler_set_tokenizer(s, bytes);
    for (id = 0, ok = 1; id < 256; id++) {
        rwkv_sampler_accept(s, id);
        if ((rwkv_sampler_get_count(s, id, NULL) == 0.0f) != (id == ' ' || id == '\t' || (id >= '0' && id <= '9'))) ok = 0;
    }
    CHECK(ok, "byte-level: exactly space, tab and the digits are exempt");
    rwkv_tokenizer_free(bytes);
    rwkv_sampler_free(s);
    printf("space/digit rule: World and byte-level tokens as ChatRWKV, off when asked\n");
}

static void test_speed(void)
{
    const int V = 65536, N = 200;
    float *l = (float *)malloc(sizeof(float) * V);
    rwkv_sampler *s = make(V, 1.0f, 0.85f, 0, 0, 0.2f, 0.2f, 0.996f, 3);
    clock_t t0;
    double ms;
    int i;
    for (i = 0; i < V; i++) l[i] = 3.0f * gauss();
    t0 = clock();
    for (i = 0; i < N; i++) rwkv_sampler_accept(s, draw(s, l));
    ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC / N;
    printf("speed: %.3f ms per sample at V=%d, top_p 0.85 (sanitizer build)\n", ms, V);
    CHECK(ms < 50.0, "sampling is far too slow: %.3f ms", ms);
    rwkv_sampler_free(s);
    free(l);
}

int main(void)
{
    test_greedy();
    test_sets();
    test_never_outside();
    test_frequencies();
    test_penalties();
    test_bans();
    test_bias();
    test_seeds();
    test_errors();
    test_params();
    test_space_digit_rule();
    test_speed();
    if (failures) {
        printf("%d check(s) failed\n", failures);
        return 1;
    }
    printf("all sampler checks passed\n");
    return 0;
}
