/* embed.c - rwkv.h inside your own program: load a model, feed a prompt, sample a
   continuation and print it as it comes. With the same model, prompt and seed it prints what
   `rwkv generate -m MODEL -p PROMPT -n N --seed 1234` prints (after the prompt itself).

   Files: World and byte-level models (RWKV v5, v6, v7 World; byte-level models) need rwkv.h
   only:
       cc -std=c99 -O2 -o embed examples/embed.c -lm
   Pile models (RWKV-4 Pile, GPT-NeoX-20B tokenizer) need tokenizer.c too, and RWKV_PILE
   defined where rwkv.h is included with RWKV_IMPLEMENTATION (here: -DRWKV_PILE):
       cc -std=c99 -O2 -DRWKV_PILE -o embed examples/embed.c tokenizer.c -lm
   Add -fopenmp for threads (rwkv_model_set_threads). Run:
       ./embed model.gguf "The quick brown fox" 50
*/
#define RWKV_IMPLEMENTATION /* exactly one file of a program does this */
#include "../rwkv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const rwkv_error *err)
{
    fprintf(stderr, "embed: %s\n", err->message);
    return 1;
}

int main(int argc, char **argv)
{
    rwkv_error err;
    rwkv_model *model = NULL;
    rwkv_tokenizer *tok = NULL;
    rwkv_state *state = NULL;
    rwkv_sampler *sampler = NULL;
    rwkv_sampler_params params;
    rwkv_utf8_stream stream;
    float *logits = NULL;
    int *ids = NULL, i, n_gen, rc = 1;
    size_t n_ids, n;
    char text[256];

    if (argc != 4) {
        fprintf(stderr, "usage: %s MODEL PROMPT N_TOKENS\n", argv[0]);
        return 2;
    }
    n_gen = atoi(argv[3]);

    if (rwkv_model_open(argv[1], &model, &err) != RWKV_OK) return fail(&err);
    /* the vocabulary travels inside the model file (byte-level models need none) */
    if (rwkv_tokenizer_new_from_model(model, &tok, &err) != RWKV_OK) { rc = fail(&err); goto done; }
    if (rwkv_state_new(model, &state, &err) != RWKV_OK) { rc = fail(&err); goto done; }
    logits = (float *)malloc(sizeof(float) * (size_t)rwkv_model_get_n_vocab(model));

    /* the whole prompt in one call: weights stream from memory once per block of tokens */
    if (rwkv_tokenize(tok, argv[2], strlen(argv[2]), &ids, &n_ids, &err) != RWKV_OK) {
        rc = fail(&err);
        goto done;
    }
    if (n_ids == 0) { fprintf(stderr, "embed: empty prompt\n"); goto done; }
    if (rwkv_eval_seq(state, ids, n_ids, logits, 0, &err) != RWKV_OK) { rc = fail(&err); goto done; }

    rwkv_sampler_params_default(&params); /* ChatRWKV's: T 1.0, top-p 0.85, penalties 0.2 */
    params.seed = 1234;
    if (rwkv_sampler_new(&params, rwkv_model_get_n_vocab(model), &sampler, &err) != RWKV_OK) {
        rc = fail(&err);
        goto done;
    }
    rwkv_sampler_set_tokenizer(sampler, tok); /* space/digit tokens: presence penalty only */
    rwkv_sampler_ban(sampler, 0, 1);          /* at least one token before end-of-text */

    fputs(argv[2], stdout);
    rwkv_utf8_stream_init(&stream); /* never print half of a UTF-8 character */
    for (i = 0; i < n_gen; i++) {
        int token;
        if (rwkv_sampler_sample(sampler, logits, &token, &err) != RWKV_OK) { rc = fail(&err); goto done; }
        if (i == 0) rwkv_sampler_ban(sampler, 0, 0);
        if (token == 0) break; /* end-of-text */
        rwkv_sampler_accept(sampler, token);
        n = rwkv_utf8_stream_push(&stream, tok, token, text, sizeof text);
        fwrite(text, 1, n, stdout);
        fflush(stdout);
        if (rwkv_eval(state, token, logits, &err) != RWKV_OK) { rc = fail(&err); goto done; }
    }
    n = rwkv_utf8_stream_flush(&stream, text, sizeof text);
    fwrite(text, 1, n, stdout);
    putchar('\n');
    rwkv_sampler_get_params(sampler, &params); /* the settings the sampler used */
    fprintf(stderr, "[%d tokens; seed %llu, temperature %g, top-p %g, space/digit rule %s]\n", i,
            (unsigned long long)params.seed, (double)params.temperature, (double)params.top_p,
            params.space_digit_rule ? "on" : "off");
    rc = 0;

done:
    free(ids);
    free(logits);
    rwkv_sampler_free(sampler);
    rwkv_state_free(state);
    rwkv_tokenizer_free(tok);
    rwkv_model_close(model);
    return rc;
}
