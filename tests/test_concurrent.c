/* One model shared by several threads at once, as rwkv.h promises ("a model ... may be shared
   by any number of states in any number of threads"): a server answering several users, one
   state each. N_WORKERS POSIX threads evaluate the same tokens at the same time, each on its
   own state of one shared model, one token at a time and in blocks, with the model's own
   threads set to 1 and then 2 (each state's team then runs inside its caller's thread); every
   logit must equal, bit for bit, those of the same calls made by one thread alone. Models:
   v4 (small: its states never start a team), v6 and v7 (F16, 1-7 MiB a token: their
   one-token passes run on the team), and the v7 one quantized to Q4_0 (its matrices packed at
   open on x86).
   Skips (77) on Windows, and when the models cannot be made. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#ifdef _WIN32
int main(void)
{
    printf("skip: POSIX threads only\n");
    return 77;
}
#else
#include <pthread.h>

#define N_WORKERS 4
#define N_TOK 24 /* in blocks of BLOCK tokens in the sequence pass */
#define BLOCK 9
#define ROUNDS 2 /* each worker repeats both passes, so that the workers overlap */

typedef struct {
    const rwkv_model *model;
    const int *tokens;
    const float *ref_one, *ref_seq; /* [N_TOK][V]: one token per call, blocks of BLOCK */
    int V;
    int mismatches, errors;         /* written by the worker, read after the join */
} worker_job;

/* Logits of the N_TOK tokens into out[N_TOK][V]: one rwkv_eval per token (seq = 0), or
   rwkv_eval_seq in blocks of BLOCK tokens with every row's logits (seq = 1). 0 on an error. */
static int run_pass(const rwkv_model *m, const int *tokens, int seq, float *out, int V)
{
    rwkv_state *st = NULL;
    rwkv_error err;
    int i, ok = 1;
    if (rwkv_state_new(m, &st, &err) != RWKV_OK) return 0;
    if (seq) {
        for (i = 0; i < N_TOK && ok; i += BLOCK) {
            const int n = N_TOK - i < BLOCK ? N_TOK - i : BLOCK;
            ok = rwkv_eval_seq(st, tokens + i, (size_t)n, out + (size_t)i * V, 1, &err) ==
                 RWKV_OK;
        }
    } else {
        for (i = 0; i < N_TOK && ok; i++)
            ok = rwkv_eval(st, tokens[i], out + (size_t)i * V, &err) == RWKV_OK;
    }
    rwkv_state_free(st);
    return ok;
}

static void *worker(void *p)
{
    worker_job *j = (worker_job *)p;
    float *got = (float *)malloc(sizeof(float) * (size_t)N_TOK * (size_t)j->V);
    int r, seq;
    if (!got) {
        j->errors++;
        return NULL;
    }
    for (r = 0; r < ROUNDS; r++)
        for (seq = 0; seq < 2; seq++) {
            if (!run_pass(j->model, j->tokens, seq, got, j->V)) {
                j->errors++;
                continue;
            }
            if (memcmp(got, seq ? j->ref_seq : j->ref_one,
                       sizeof(float) * (size_t)N_TOK * (size_t)j->V) != 0)
                j->mismatches++;
        }
    free(got);
    return NULL;
}

static void test_model(const char *name, const char *path)
{
    rwkv_model *m = NULL;
    rwkv_error err;
    int tokens[N_TOK], V, i, threads;
    float *ref_one, *ref_seq;
    if (rwkv_model_open(path, &m, &err) != RWKV_OK) {
        CHECK(0, "%s: %s", name, err.message);
        return;
    }
    V = rwkv_model_get_n_vocab(m);
    {   /* the team runs one-token passes of models that read 1 MiB or more a token */
        rwkv_model_info info;
        rwkv_model_get_info(m, &info);
        printf("%-8s %.2f MiB read a token\n", name, (double)info.bytes_per_token / 1048576.0);
    }
    for (i = 0; i < N_TOK; i++) tokens[i] = (i * 37 + 11) % V;
    ref_one = (float *)malloc(sizeof(float) * (size_t)N_TOK * (size_t)V);
    ref_seq = (float *)malloc(sizeof(float) * (size_t)N_TOK * (size_t)V);
    for (threads = 1; threads <= 2 && ref_one && ref_seq; threads++) {
        pthread_t tid[N_WORKERS];
        worker_job jobs[N_WORKERS];
        int w, started = 0, mismatches = 0, errors = 0;
        rwkv_model_set_threads(m, threads);
        /* the references: the same calls, one thread at a time */
        CHECK(run_pass(m, tokens, 0, ref_one, V) && run_pass(m, tokens, 1, ref_seq, V),
              "%s: the reference passes failed", name);
        for (w = 0; w < N_WORKERS; w++) {
            jobs[w].model = m;
            jobs[w].tokens = tokens;
            jobs[w].ref_one = ref_one;
            jobs[w].ref_seq = ref_seq;
            jobs[w].V = V;
            jobs[w].mismatches = jobs[w].errors = 0;
        }
        for (w = 0; w < N_WORKERS; w++)
            if (pthread_create(&tid[w], NULL, worker, &jobs[w]) == 0) started++;
            else break;
        CHECK(started == N_WORKERS, "%s: %d of %d threads started", name, started, N_WORKERS);
        for (w = 0; w < started; w++) {
            pthread_join(tid[w], NULL);
            mismatches += jobs[w].mismatches;
            errors += jobs[w].errors;
        }
        CHECK(errors == 0 && mismatches == 0,
              "%s, model threads %d: %d of %d concurrent passes differ from the lone ones, %d "
              "failed", name, threads, mismatches, started * ROUNDS * 2, errors);
        printf("%-8s model threads %d: %d workers x %d passes at once, %d differ from one "
               "thread alone\n", name, threads, started, ROUNDS * 2, mismatches);
    }
    free(ref_one);
    free(ref_seq);
    rwkv_model_close(m);
}

int main(void)
{
    static const char *const names[] = {"v4", "v6", "v7"};
    static const char *const args[] = {
        "--version 4 --layers 2 --embd 64 --vocab 300 --dtype f16 --seed 41",
        "--version 6 --layers 2 --embd 256 --head-size 32 --vocab 300 --dtype f16 --seed 42",
        "--version 7 --layers 2 --embd 384 --head-size 32 --vocab 300 --dtype f16 --seed 43"};
    char paths[3][96];
    const char *q = "build/test_concurrent-v7-q4_0.gguf";
    rwkv_quantize_params qp;
    rwkv_error err;
    int i;
    for (i = 0; i < 3; i++) {
        sprintf(paths[i], "build/test_concurrent-%s.gguf", names[i]);
        if (!check_make_model(args[i], paths[i])) return 77;
    }
    for (i = 0; i < 3; i++) test_model(names[i], paths[i]);
    rwkv_quantize_params_default(&qp);
    qp.preset = "q4_0";
    CHECK(rwkv_model_quantize(paths[2], q, &qp, &err) == RWKV_OK, "quantize: %s", err.message);
    test_model("v7-q4_0", q);
    remove(q);
    for (i = 0; i < 3; i++) remove(paths[i]);
    printf("%d checks, %d failure(s)\n", checks, failures);
    return failures ? 1 : 0;
}
#endif
