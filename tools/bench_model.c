/* bench_model.c - end-to-end speed of models against the machine's read bandwidth and FMA
   peak, measured in the same run: the rows of `make bench`'s table.

   build/bench_model [--threads 1,2] [--rounds N] [--gen N] [--prompt N] [--prompt-rounds N]
                     [--label TEXT] [--header] [--profile] [--interleave] MODEL...

   For each model and thread count:
     generation  --rounds rounds (default 5), each a read-bandwidth pass (1 GiB, the same
                 threads) then --gen tokens (default 8) of rwkv_eval with logits; per round
                 ms/token, the weight GB/s it implies (rwkv_model_info.bytes_per_token / time)
                 and that GB/s as % of the round's bandwidth pass. Printed: medians over the
                 rounds, and the spread (min-max) of the % column. With 2 threads or more,
                 "core trip ns": before each round's read pass, a cache line's round trip
                 between two threads (core_trip_ns), median (min-max) of the rounds: where
                 the VM has put its vCPUs (one CCD or two) during the row.
     prompt      one rwkv_eval_seq of --prompt tokens (default 512), median of
                 --prompt-rounds (default 2): tokens/s, GFLOP/s of the products run (2 FLOP
                 per weight per token for every 2-D weight but the embedding, of which a token
                 reads one row, and the head, which runs once per block for the last token's
                 logits: its FLOP are counted once per block), and % of the FMA peak. (Counting
                 the head for every token, as the "2 FLOP per weight per token" read
                 literally does, would give 1.10x these figures at 1.5B and 1.5x at 0.1B.)
   --interleave  the generation rounds alternate across the thread counts (round 1 on each,
               then round 2 ...) instead of running each count's rounds in one go, and a
               line after the rows gives each count's time per token over the first's, the
               median of the per-round ratios: on a machine whose speed drifts (a competing
               load, a noisy neighbour) only rounds close in time compare.
   --profile   for each row, where the generation's and the prompt's time went (rwkv.h's RWKV_PROFILE: thread
               0's clock around each matrix product): ms/token, share and weight GB/s of the
               att projections, the LoRAs (v6, v7), the ffn, the head, and the rest (norms,
               mixes, recurrences, the thread team's start and end).
   FMA peak: 12 independent chains of vector FMAs per thread, in registers, best of 5
   bursts of ~35 ms, measured right before and right after each prompt round on that round's
   threads, the mean of the two (since 2026-12-07; before, the one before the round); the %
   is the median over the rounds of each round's GFLOP/s over its own peak, and the peak
   column the median of the rounds' peaks (with --prompt 0: one peak at the start). Until
   2026-12-05 one peak measured at the process's start served every row of the process:
   on a VM whose speed moves 10-30% within minutes, a prompt timed a minute later in
   another phase was compared with it (docs/KERNELS.md, thirty-second round). So it is the
   peak of this machine, these threads, now. Other processes (or --label's competing load)
   are part of the measurement: that is the point of the % columns on a shared machine. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#define RWKV_IMPLEMENTATION
#define RWKV_PROFILE /* --profile: the generation time by step (a clock read per product) */
#include "../rwkv.h"
#include "bench_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- FMA peak --------------------------------------------------------------------------- */

#ifdef RWKV__SIMD
#if defined(__GNUC__) || defined(__clang__)
#define KEEP(v) __asm__ volatile("" : "+v"(v))
#else
#define KEEP(v) ((void)0)
#endif
/* FLOP of `iters` steps of 12 independent FMA chains. Each chain starts from its own value,
   hidden from the compiler: twelve chains that start equal are one chain to gcc, which then
   computed one FMA per step (latency-bound) while this counted twelve, and the "peak" came
   out 1.5x too high (271 against ~180 GFLOP/s on one thread of a Xeon; 137 against ~90 on
   a Zen 3), so every "% of peak" before 2026-12-01 (third round) was too low by as much. */
static double fma_loop(long iters)
{
    rwkv__vf a0 = rwkv__vset1(1.00f), a1 = rwkv__vset1(1.01f), a2 = rwkv__vset1(1.02f);
    rwkv__vf a3 = rwkv__vset1(1.03f), a4 = rwkv__vset1(1.04f), a5 = rwkv__vset1(1.05f);
    rwkv__vf a6 = rwkv__vset1(1.06f), a7 = rwkv__vset1(1.07f), a8 = rwkv__vset1(1.08f);
    rwkv__vf a9 = rwkv__vset1(1.09f), a10 = rwkv__vset1(1.10f), a11 = rwkv__vset1(1.11f);
    rwkv__vf m = rwkv__vset1(0.999999f), c = rwkv__vset1(1e-7f);
    long i;
    KEEP(m);
    KEEP(c);
    KEEP(a0); KEEP(a1); KEEP(a2); KEEP(a3); KEEP(a4); KEEP(a5);
    KEEP(a6); KEEP(a7); KEEP(a8); KEEP(a9); KEEP(a10); KEEP(a11);
    for (i = 0; i < iters; i++) {
        a0 = rwkv__vfma(a0, m, c); a1 = rwkv__vfma(a1, m, c); a2 = rwkv__vfma(a2, m, c);
        a3 = rwkv__vfma(a3, m, c); a4 = rwkv__vfma(a4, m, c); a5 = rwkv__vfma(a5, m, c);
        a6 = rwkv__vfma(a6, m, c); a7 = rwkv__vfma(a7, m, c); a8 = rwkv__vfma(a8, m, c);
        a9 = rwkv__vfma(a9, m, c); a10 = rwkv__vfma(a10, m, c); a11 = rwkv__vfma(a11, m, c);
    }
    sink += rwkv__vsum(a0) + rwkv__vsum(a1) + rwkv__vsum(a2) + rwkv__vsum(a3) +
            rwkv__vsum(a4) + rwkv__vsum(a5) + rwkv__vsum(a6) + rwkv__vsum(a7) +
            rwkv__vsum(a8) + rwkv__vsum(a9) + rwkv__vsum(a10) + rwkv__vsum(a11);
    return (double)iters * 12 * 2 * RWKV__L;
}
#endif

static double fma_peak(int nth)
{
#ifdef RWKV__SIMD
    double best = 0.0;
    int r;
    for (r = 0; r < 5; r++) {
        double flop = 0.0, t0 = now();
#ifdef _OPENMP
#pragma omp parallel num_threads(nth) reduction(+ : flop)
        flop += fma_loop(20000000L);
#else
        (void)nth;
        flop = fma_loop(20000000L);
#endif
        flop = flop / (now() - t0) / 1e9;
        if (flop > best) best = flop;
    }
    return best;
#else
    (void)nth;
    return 0.0;
#endif
}

/* ---- the model -------------------------------------------------------------------------- */

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* Weights multiplied per token: every 2-D tensor, the embedding counted as one row. */
static double weights_per_token(const rwkv_model *m)
{
    double n = 0.0;
    uint64_t i;
    for (i = 0; i < m->gguf.n_tensors; i++) {
        const rwkv__tensor *t = &m->gguf.tensors[i];
        if (t == m->emb) n += (double)t->ne[0];
        else if (t->n_dims >= 2) n += (double)rwkv__nelem(t);
    }
    return n;
}

/* The weights a prompt block multiplies per token: the head runs once per rwkv_eval_seq (the
   last token's logits), not once per token, so its weights count once per block: FLOP per
   prompt token = 2 x (weights_per_token - head + head / n_prompt). */
static double prompt_weights_per_token(const rwkv_model *m, int n_prompt)
{
    const double head = m->head ? (double)rwkv__nelem(m->head) : 0.0;
    return weights_per_token(m) - head + (n_prompt > 0 ? head / n_prompt : 0.0);
}

/* The model's type: rwkv.quantization when rwkv quantize wrote it (q4_k_m...), else the type
   holding most of the weight bytes. */
static const char *file_type(const rwkv_model *m, const rwkv_model_info *I, char *buf)
{
    size_t len = 0, i;
    const char *q = rwkv_model_get_meta_string(m, "rwkv.quantization", &len);
    int t, best = 0;
    if (q && len > 0 && len < 32) {
        for (i = 0; i < len; i++) buf[i] = (char)(q[i] >= 'a' && q[i] <= 'z' ? q[i] - 32 : q[i]);
        buf[len] = 0;
        return buf;
    }
    for (t = 0; t < RWKV_TYPE_COUNT; t++)
        if (I->bytes_of_type[t] > I->bytes_of_type[best]) best = t;
    return rwkv_type_name(best);
}

/* The generation profile since the last reset, one line (stderr: the table stays a table). */
static void print_profile(const rwkv_state *st, int nth, const char *what)
{
#ifdef RWKV__PROFILE
    static const char *kind[RWKV__PROF_KINDS] = {"att", "lora", "ffn", "head"};
    const rwkv__profile *p = &st->prof;
    double mm = 0.0;
    int k;
    if (p->tokens <= 0 || p->total <= 0) return;
    fprintf(stderr, "  profile, %s, %d thread%s, %.2f ms/token:", what, nth, nth == 1 ? "" : "s",
            1e3 * p->total / p->tokens);
    for (k = 0; k < RWKV__PROF_KINDS; k++) {
        mm += p->seconds[k];
        if (p->seconds[k] > 0)
            fprintf(stderr, " %s %.2f ms (%.0f%%, %.1f GB/s)", kind[k],
                    1e3 * p->seconds[k] / p->tokens, 100 * p->seconds[k] / p->total,
                    p->bytes[k] / p->seconds[k] / 1e9);
    }
    fprintf(stderr, " rest %.2f ms (%.0f%%)\n", 1e3 * (p->total - mm) / p->tokens,
            100 * (p->total - mm) / p->total);
#else
    (void)st;
    fprintf(stderr, "  (no profile: build with OpenMP)\n");
    (void)nth;
    (void)what;
#endif
}

/* One generation round: read-bandwidth passes on nth threads (plain, then in lanes), then
   n_gen tokens of rwkv_eval on nth threads; *ms = ms/token, *read_gbs and *lanes_gbs = the
   passes' GB/s, *trip_ns the threads' core_trip_ns before them. */
static void gen_round(rwkv_model *model, rwkv_state *st, int nth, const int *ids, int n_gen,
                      float *logits, const float *bw, size_t bw_floats, double *ms,
                      double *read_gbs, double *lanes_gbs, double *trip_ns)
{
    rwkv_error err;
    double t0;
    int k;
    rwkv_model_set_threads(model, nth);
    *trip_ns = core_trip_ns(nth);
    *read_gbs = read_pass(bw, bw_floats, nth);
    *lanes_gbs = read_pass_how(bw, bw_floats, nth, 1);
    t0 = now();
    for (k = 0; k < n_gen; k++) rwkv_eval(st, ids[k], logits, &err);
    *ms = (now() - t0) * 1e3 / n_gen;
}

int main(int argc, char **argv)
{
    int threads[8] = {1, 2}, n_threads = 2, rounds = 5, n_gen = 8, n_prompt = 512;
    int prompt_rounds = 2, header = 0, profile = 0, interleave = 0, a, ti;
    const char *label = "";
    const size_t bw_floats = ((size_t)1 << 30) / 4;
    float *bw;
    double peak[8] = {0};
    size_t i;
    for (a = 1; a < argc && argv[a][0] == '-'; a++) {
        const char *v = a + 1 < argc ? argv[a + 1] : NULL;
        if (strcmp(argv[a], "--header") == 0) { header = 1; continue; }
        if (strcmp(argv[a], "--profile") == 0) { profile = 1; continue; }
        if (strcmp(argv[a], "--interleave") == 0) { interleave = 1; continue; }
        if (!v) { fprintf(stderr, "bench_model: %s needs a value\n", argv[a]); return 2; }
        if (strcmp(argv[a], "--threads") == 0) {
            const char *p = v;
            n_threads = 0;
            while (*p && n_threads < 8) {
                threads[n_threads++] = atoi(p);
                while (*p && *p != ',') p++;
                if (*p == ',') p++;
            }
        } else if (strcmp(argv[a], "--rounds") == 0) rounds = atoi(v);
        else if (strcmp(argv[a], "--gen") == 0) n_gen = atoi(v);
        else if (strcmp(argv[a], "--prompt") == 0) n_prompt = atoi(v);
        else if (strcmp(argv[a], "--prompt-rounds") == 0) prompt_rounds = atoi(v);
        else if (strcmp(argv[a], "--label") == 0) label = v;
        else { fprintf(stderr, "bench_model: unknown option %s\n", argv[a]); return 2; }
        a++;
    }
    if (rounds < 1 || rounds > 100 || n_gen < 1 || n_prompt < 0 || prompt_rounds < 1 ||
        prompt_rounds > 100) {
        fprintf(stderr, "bench_model: bad counts\n");
        return 2;
    }
    if (header) {
        printf("| model | type | thr | ms/token | MB/token | GB/s | read GB/s | %% of read (spread) "
               "| lanes read GB/s | %% of lanes read | core trip ns | prompt tok/s | GFLOP/s "
               "| FMA peak | %% of peak |%s\n", *label ? " case |" : "");
        printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%s\n",
               *label ? "---|" : "");
    }
    if (a >= argc) return header ? 0 : 2;
    bw = (float *)bench_need(bench_alloc_big(bw_floats * sizeof(float)));
    for (i = 0; i < bw_floats; i++) bw[i] = (float)(i % 7) * 0.125f;
    /* the peak column of rows without prompts */
    for (ti = 0; ti < n_threads && n_prompt == 0; ti++) peak[ti] = fma_peak(threads[ti]);

    for (; a < argc; a++) {
        rwkv_model *model;
        rwkv_error err;
        rwkv_model_info I;
        rwkv_state *st;
        float *logits;
        int *ids, k;
        uint64_t x = 0x2545f4914f6cdd1dull;
        double pwpt, ms[8][100], rbw[8][100], lbw[8][100], trip[8][100];
        const char *name = strrchr(argv[a], '/') ? strrchr(argv[a], '/') + 1 : argv[a];
        char tname[32];
        if (rwkv_model_open(argv[a], &model, &err) != RWKV_OK) {
            fprintf(stderr, "bench_model: %s\n", err.message);
            return 1;
        }
        rwkv_model_get_info(model, &I);
        if (rwkv_state_new(model, &st, &err) != RWKV_OK) {
            fprintf(stderr, "bench_model: %s\n", err.message);
            return 1;
        }
        logits = (float *)bench_need(malloc(sizeof(float) * (size_t)I.n_vocab));
        ids = (int *)bench_need(
            malloc(sizeof(int) * (size_t)(n_prompt > n_gen ? n_prompt : n_gen) + 4));
        for (k = 0; k < (n_prompt > n_gen ? n_prompt : n_gen); k++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            ids[k] = (int)(x % (uint64_t)I.n_vocab);
        }
        pwpt = prompt_weights_per_token(model, n_prompt);
        /* generation rounds: for each thread count in turn (a run of rounds each), or with
           --interleave round by round across the thread counts */
        for (ti = 0; ti < n_threads; ti++) {
            rwkv_model_set_threads(model, threads[ti]);
            rwkv_state_reset(st);
            rwkv_eval(st, ids[0], logits, &err); /* first touch of every weight */
        }
#ifdef RWKV__PROFILE
        memset(&st->prof, 0, sizeof st->prof);
#endif
        for (k = 0; k < (interleave ? rounds : 1); k++) {
            for (ti = 0; ti < n_threads; ti++) {
                int r;
                for (r = interleave ? k : 0; r < (interleave ? k + 1 : rounds); r++)
                    gen_round(model, st, threads[ti], ids, n_gen, logits, bw, bw_floats,
                              &ms[ti][r], &rbw[ti][r], &lbw[ti][r], &trip[ti][r]);
                if (!interleave && profile) print_profile(st, threads[ti], "generation");
#ifdef RWKV__PROFILE
                if (!interleave) memset(&st->prof, 0, sizeof st->prof);
#endif
            }
        }
        for (ti = 0; ti < n_threads; ti++) {
            double gbs[100], pct[100], lpct[100], tps[100], rpeak[100], ppct[100];
            double lo = 1e30, hi = 0.0, m_peak = 0.0, m_ppct = 0.0;
            double m_ms, m_gbs, m_bw, m_pct, m_lbw, m_lpct, m_tps = 0.0, sorted[100];
            double m_trip;
            int r;
            rwkv_model_set_threads(model, threads[ti]);
            for (r = 0; r < rounds; r++) {
                gbs[r] = (double)I.bytes_per_token / (ms[ti][r] * 1e-3) / 1e9;
                pct[r] = 100.0 * gbs[r] / rbw[ti][r];
                lpct[r] = 100.0 * gbs[r] / lbw[ti][r];
                if (pct[r] < lo) lo = pct[r];
                if (pct[r] > hi) hi = pct[r];
            }
            if (interleave && profile && ti == 0)
                print_profile(st, 0, "generation, all thread counts");
#ifdef RWKV__PROFILE
            memset(&st->prof, 0, sizeof st->prof);
#endif
            for (r = 0; n_prompt > 0 && r < prompt_rounds; r++) {
                double t0, before;
                before = fma_peak(threads[ti]); /* the round's own minute */
                rwkv_state_reset(st);
                t0 = now();
                rwkv_eval_seq(st, ids, (size_t)n_prompt, logits, 0, &err);
                tps[r] = n_prompt / (now() - t0);
                /* and after it: a 1.5B prompt takes 3-8 s, over which the VM's speed moves;
                   the mean of the peaks either side estimates the machine during the round
                   better than the one before it alone */
                rpeak[r] = 0.5 * (before + fma_peak(threads[ti]));
                ppct[r] = rpeak[r] > 0 ? 100.0 * tps[r] * 2.0 * pwpt / 1e9 / rpeak[r] : 0.0;
            }
            if (profile && n_prompt > 0) print_profile(st, threads[ti], "prompt");
            memcpy(sorted, ms[ti], sizeof(double) * (size_t)rounds);
            m_ms = median(sorted, rounds);
            m_gbs = median(gbs, rounds);
            memcpy(sorted, rbw[ti], sizeof(double) * (size_t)rounds);
            m_bw = median(sorted, rounds);
            m_pct = median(pct, rounds);
            memcpy(sorted, lbw[ti], sizeof(double) * (size_t)rounds);
            m_lbw = median(sorted, rounds);
            m_lpct = median(lpct, rounds);
            memcpy(sorted, trip[ti], sizeof(double) * (size_t)rounds);
            m_trip = median(sorted, rounds);
            if (n_prompt > 0) {
                m_tps = median(tps, prompt_rounds);
                m_peak = median(rpeak, prompt_rounds);
                m_ppct = median(ppct, prompt_rounds);
            }
            printf("| %s | %s | %d | %.1f | %.0f | %.1f | %.1f | %.0f%% (%.0f-%.0f) | %.1f | %.0f%% | ",
                   name, file_type(model, &I, tname), rwkv_model_get_threads(model), m_ms,
                   (double)I.bytes_per_token / 1e6, m_gbs, m_bw, m_pct, lo, hi, m_lbw, m_lpct);
            if (m_trip > 0) /* sorted: the rounds' trips, in order */
                printf("%.0f (%.0f-%.0f) | ", m_trip, sorted[0], sorted[rounds - 1]);
            else
                printf("- | ");
            if (n_prompt > 0)
                printf("%.1f | %.1f | %.0f | %.0f%% |", m_tps, m_tps * 2.0 * pwpt / 1e9,
                       m_peak, m_ppct);
            else
                printf("- | - | %.0f | - |", peak[ti]);
            printf("%s%s%s\n", *label ? " " : "", label, *label ? " |" : "");
            fflush(stdout);
        }
        if (interleave && n_threads > 1) {
            /* each thread count against the first, round by round: rounds that ran within
               seconds of each other share the machine's state of the moment */
            for (ti = 1; ti < n_threads; ti++) {
                double ratio[100], m_ratio;
                int r;
                for (r = 0; r < rounds; r++) ratio[r] = ms[ti][r] / ms[0][r];
                m_ratio = median(ratio, rounds); /* sorts: ratio[0] is then the least */
                printf("(%s: %d threads took %.3f x the time of %d per token, the median of "
                       "%d paired rounds; range %.3f-%.3f)\n", name, threads[ti],
                       m_ratio, threads[0], rounds, ratio[0],
                       ratio[rounds - 1]);
            }
        }
        free(ids);
        free(logits);
        rwkv_state_free(st);
        rwkv_model_close(model);
        /* The map's pages as the rounds left them (rwkv_model_info.map_huge, probed at open
           where the file is cached): a cache in 4 KiB pages reads slower, and such rows
           measure the page cache, not the engine (README, Loading). Models whose matrices
           are packed read little from the map and are not opened again (the packing). */
        if (I.bytes_packed < I.bytes_per_token / 2 &&
            rwkv_model_open(argv[a], &model, &err) == RWKV_OK) {
            rwkv_model_info J;
            rwkv_model_get_info(model, &J);
            rwkv_model_close(model);
            if (J.map_huge >= 0.0f && J.map_huge < 0.5f)
                fprintf(stderr, "bench_model: note: %s: its map was %.0f%% in 2 MiB pages after "
                        "these rounds (a page cache in 4 KiB pages: its rows above may read slower "
                        "than from 2 MiB pages; README, Loading)\n", name, 100.0 * J.map_huge);
        }
    }
    bench_free_big(bw);
    if (sink == 12345.0f) printf("(sink)\n");
    return 0;
}
