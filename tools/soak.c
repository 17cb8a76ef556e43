/* soak.c - long-run numerical stability: feeds a model its own argmax (or a seeded random
   token) for N tokens and checks after every token that the logits and the whole recurrent
   state are finite. Usage: build/soak MODEL [N] [THREADS]   (make soak MODEL=... N=...)
   Prints the largest |logit| and |state| seen; exit 0 when everything stayed finite. */
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

int main(int argc, char **argv)
{
    rwkv_error err;
    rwkv_model *model;
    rwkv_state *state;
    float *logits, max_logit = 0.0f, max_state = 0.0f;
    unsigned char *blob;
    size_t blob_size, n = 100000, i, j;
    uint64_t rng = 0x9e3779b97f4a7c15ull;
    int vocab, token = 1;
    if (argc < 2) {
        fprintf(stderr, "usage: %s MODEL [N] [THREADS]\n", argv[0]);
        return 2;
    }
    if (argc > 2) n = (size_t)strtoull(argv[2], NULL, 10);
    if (rwkv_model_open(argv[1], &model, &err) != RWKV_OK) {
        fprintf(stderr, "soak: %s\n", err.message);
        return 1;
    }
    if (argc > 3) rwkv_model_set_threads(model, atoi(argv[3]));
    if (rwkv_state_new(model, &state, &err) != RWKV_OK) {
        fprintf(stderr, "soak: %s\n", err.message);
        return 1;
    }
    vocab = rwkv_model_get_n_vocab(model);
    logits = (float *)malloc(sizeof(float) * (size_t)vocab);
    blob_size = rwkv_state_serialized_size(model);
    blob = (unsigned char *)malloc(blob_size);
    if (!logits || !blob) return 1;
    for (i = 0; i < n; i++) {
        int best = 0;
        if (rwkv_eval(state, token, logits, &err) != RWKV_OK) {
            fprintf(stderr, "soak: token %lu: %s\n", (unsigned long)i, err.message);
            return 1;
        }
        for (j = 0; j < (size_t)vocab; j++) {
            if (!isfinite(logits[j])) {
                fprintf(stderr, "soak: non-finite logit %d after %lu tokens\n", (int)j,
                        (unsigned long)i + 1);
                return 1;
            }
            if (fabsf(logits[j]) > max_logit) max_logit = fabsf(logits[j]);
            if (logits[j] > logits[best]) best = (int)j;
        }
        /* Mostly greedy (the hardest case for a recurrence: it loops), with a random token
           one time in eight so the state keeps seeing new input. */
        rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
        token = (rng & 7) == 0 ? (int)((rng >> 8) % (uint64_t)vocab) : best;
        if ((i + 1) % 1000 == 0 || i + 1 == n) {
            rwkv_state_save(state, blob, blob_size, NULL);
            for (j = 40; j + 4 <= blob_size; j += 4) {
                float f;
                memcpy(&f, blob + j, 4);
                if (!isfinite(f)) {
                    fprintf(stderr, "soak: non-finite state value after %lu tokens\n",
                            (unsigned long)i + 1);
                    return 1;
                }
                /* v4's running maximum starts at -1e30 by design: ignore that sentinel. */
                if (fabsf(f) > max_state && fabsf(f) < 1e29f) max_state = fabsf(f);
            }
        }
    }
    printf("%s: %lu tokens, all logits and state finite; max |logit| %.3g, max |state| %.3g\n",
           argv[1], (unsigned long)n, max_logit, max_state);
    rwkv_state_free(state);
    rwkv_model_close(model);
    free(logits);
    free(blob);
    return 0;
}
