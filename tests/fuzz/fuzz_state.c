/* fuzz_state.c - libFuzzer harness for rwkv_state_load on the input bytes.

   At start-up it builds seven tiny models in memory (tiny_gguf.h: v4, v5.0,
   v5.1, v5.2, v6, v6 with a tuned time_state, v7; 2 layers, n_embd 8, head size 4 - the
   dims of the seed models of make_seeds.py, whose saved states are this harness's seeds)
   and one state for each. Every input is offered to every model, as it is and with
   RWKV_STATE_LOAD_FORCE (the seeds carry fingerprint 0, which no model has):
     - a refused load returns an error with a message and leaves the state as it was;
     - an accepted load has the model's serialized size, holds only finite floats, was
       forced or carries the model's fingerprint, and saving gives the input back byte for
       byte (the fingerprint replaced by the model's after a forced load);
     - the loaded state evaluates (rwkv_eval, rwkv_eval_seq) without a sanitizer report,
       whatever finite floats it holds, and the state after that survives save -> load ->
       save, rwkv_state_copy and rwkv_state_reset (back to a fresh state's bytes).
   Build: see `make fuzz` (clang -fsanitize=fuzzer,address,undefined). */
#include "fuzz_common.h"
#include "tiny_gguf.h"

#define N_MODELS 7
#define L_ 2
#define C_ 8
#define S_ 4
#define V_ 16

static const tiny_spec SPECS[N_MODELS] = {
    {4, 0, L_, C_, 4 * C_, V_, 0, 0, 0},
    {5, 0, L_, C_, 4 * C_, V_, S_, 0, 0},
    {5, 1, L_, C_, 4 * C_, V_, S_, 0, 0},
    {5, 2, L_, C_, 4 * C_, V_, S_, 0, 0},
    {6, 0, L_, C_, 2 * C_, V_, S_, 4, 0},
    {6, 0, L_, C_, 2 * C_, V_, S_, 4, 1},
    {7, 0, L_, C_, 4 * C_, V_, S_, 4, 0},
};

static unsigned char *g_file[N_MODELS];
static rwkv_model *g_model[N_MODELS];
static rwkv_state *g_state[N_MODELS], *g_other[N_MODELS];
static unsigned char *g_fresh[N_MODELS]; /* a fresh state's bytes */
static unsigned char *g_a, *g_b;         /* scratch blobs */
static size_t g_max;
static float g_logits[4 * V_];

static void setup(void)
{
    rwkv_error err;
    int i;
    for (i = 0; i < N_MODELS; i++) {
        size_t size, n;
        g_file[i] = tiny_gguf(&SPECS[i], &size);
        if (rwkv_model_open_memory(g_file[i], size, &g_model[i], &err) != RWKV_OK ||
            rwkv_state_new(g_model[i], &g_state[i], &err) != RWKV_OK ||
            rwkv_state_new(g_model[i], &g_other[i], &err) != RWKV_OK) {
            fprintf(stderr, "fuzz_state: tiny model %d (v%d.%d) does not load: %s\n", i,
                    SPECS[i].version, SPECS[i].minor, err.message);
            abort();
        }
        n = rwkv_state_serialized_size(g_model[i]);
        if (n > g_max) g_max = n;
        g_fresh[i] = (unsigned char *)malloc(n);
        FUZZ_CHECK(g_fresh[i] && rwkv_state_save(g_state[i], g_fresh[i], n, &err) == RWKV_OK,
                   "save of a fresh state");
    }
    g_a = (unsigned char *)malloc(g_max);
    g_b = (unsigned char *)malloc(g_max);
    FUZZ_CHECK(g_a && g_b, "out of memory");
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setup();
    return 0;
}

static void save(rwkv_state *st, unsigned char *out, size_t n)
{
    rwkv_error err;
    rwkv_status s = rwkv_state_save(st, out, n, &err);
    FUZZ_CHECK(s == RWKV_OK, "rwkv_state_save: %s", err.message);
}

/* The serialized state's header (docs/FORMAT.md): the fingerprint at byte 40, floats from 48. */
#define FP_AT 40
#define FLOATS_AT 48

/* No NaN or infinity among the floats of a serialized state of n bytes. */
static int finite_floats(const unsigned char *p, size_t n)
{
    size_t k;
    for (k = FLOATS_AT; k + 4 <= n; k += 4)
        if ((p[k + 2] & 0x80) == 0x80 && (p[k + 3] & 0x7f) == 0x7f) return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int i, force;
    for (i = 0; i < 2 * N_MODELS; i++) {
        rwkv_state *st = g_state[i / 2];
        rwkv_model *m = g_model[i / 2];
        const size_t n = rwkv_state_serialized_size(m);
        rwkv_error err;
        rwkv_status s;
        int tokens[3];

        force = i % 2;
        rwkv_state_reset(st);
        memset(&err, 0, sizeof err);
        s = rwkv_state_load_flags(st, data, size, force ? RWKV_STATE_LOAD_FORCE : 0, &err);
        if (s != RWKV_OK) {
            fuzz_check_error(s, &err);
            save(st, g_a, n);
            FUZZ_CHECK(memcmp(g_a, g_fresh[i / 2], n) == 0, "a refused load changed the state");
            continue;
        }
        FUZZ_CHECK(size == n, "accepted %lu bytes, serialized size %lu", (unsigned long)size,
                   (unsigned long)n);
        save(st, g_a, n);
        FUZZ_CHECK(force || memcmp(g_a + FP_AT, data + FP_AT, 8) == 0,
                   "a state of another fingerprint was accepted without RWKV_STATE_LOAD_FORCE");
        FUZZ_CHECK(memcmp(g_a, data, FP_AT) == 0 &&
                       memcmp(g_a + FLOATS_AT, data + FLOATS_AT, n - FLOATS_AT) == 0,
                   "load then save is not the identity");
        FUZZ_CHECK(finite_floats(data, n), "a NaN or an infinity was accepted");

        /* evaluate from whatever floats the state holds */
        tokens[0] = data[FLOATS_AT] % V_;
        tokens[1] = data[FLOATS_AT + 1] % V_;
        tokens[2] = data[FLOATS_AT + 2] % V_;
        s = rwkv_eval(st, tokens[0], g_logits, &err);
        FUZZ_CHECK(s == RWKV_OK, "rwkv_eval: %s", err.message);
        s = rwkv_eval_seq(st, tokens, 3, g_logits, 1, &err);
        FUZZ_CHECK(s == RWKV_OK, "rwkv_eval_seq: %s", err.message);

        /* the evaluated state round-trips too */
        save(st, g_a, n);
        s = rwkv_state_load(g_other[i / 2], g_a, n, &err);
        if (finite_floats(g_a, n)) {
            FUZZ_CHECK(s == RWKV_OK, "reload of a saved state: %s", err.message);
            save(g_other[i / 2], g_b, n);
            FUZZ_CHECK(memcmp(g_a, g_b, n) == 0, "save -> load -> save differs");
        } else { /* extreme finite floats can evaluate to a NaN or an infinity */
            FUZZ_CHECK(s == RWKV_ERR_STATE, "a NaN or an infinity was accepted (status %d)",
                       (int)s);
        }
        rwkv_state_reset(g_other[i / 2]);
        s = rwkv_state_copy(g_other[i / 2], st, &err);
        FUZZ_CHECK(s == RWKV_OK, "rwkv_state_copy: %s", err.message);
        save(g_other[i / 2], g_b, n);
        FUZZ_CHECK(memcmp(g_a, g_b, n) == 0, "rwkv_state_copy differs");
        rwkv_state_reset(g_other[i / 2]);
        save(g_other[i / 2], g_b, n);
        FUZZ_CHECK(memcmp(g_b, g_fresh[i / 2], n) == 0, "reset state differs from a fresh one");
    }
    return 0;
}
