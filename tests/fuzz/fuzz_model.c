/* fuzz_model.c - libFuzzer harness for opening a model from bytes (rwkv_model_open_memory on
   the input), then, when it opens and is small enough to be cheap:
     - rwkv_model_get_info is consistent (positive dims, n_head * head_size = n_embd, the
       file size), metadata look-ups of present and absent keys;
     - rwkv_state_new, rwkv_eval of a few tokens, rwkv_eval_seq of a few more (all logits);
       an out-of-range token is an argument error;
     - rwkv_state_save / rwkv_state_load into a second state: the same bytes back, and the
       next token gives bit-identical logits from both states (a state holding a NaN or an
       infinity, as random weights can give, must be refused instead);
     - rwkv_tokenizer_new_from_model (an embedded World or HF JSON vocabulary), a tokenize /
       detokenize of a short text when it loads.
   Seeds: tests/fuzz/corpus/fuzz_model (tiny models of every version, make_seeds.py). */
#include "fuzz_common.h"

/* Inputs above these limits are only opened, not evaluated (keeps each run cheap). */
#define MAX_BYTES_PER_TOKEN (4u << 20)
#define MAX_VOCAB 65536
#define MAX_EMBD 1024
#define MAX_LAYER 16

static void check_tokenizer(const rwkv_model *m)
{
    static const char text[] = "Hello, world! \xe4\xbd\xa0\xe5\xa5\xbd e\xcc\x81 <|endoftext|>";
    rwkv_tokenizer *tok = NULL;
    rwkv_error err;
    rwkv_status s;
    int *ids = NULL;
    size_t n_ids = 0, i;
    memset(&err, 0, sizeof err);
    s = rwkv_tokenizer_new_from_model(m, &tok, &err);
    if (s != RWKV_OK) {
        fuzz_check_error(s, &err);
        FUZZ_CHECK(tok == NULL, "a failed rwkv_tokenizer_new_from_model left *out set");
        return;
    }
    FUZZ_CHECK(tok != NULL, "tokenizer NULL on success");
    s = rwkv_tokenize(tok, text, sizeof text - 1, &ids, &n_ids, &err);
    if (s == RWKV_OK) {
        char *out = NULL;
        size_t out_len = 0;
        for (i = 0; i < n_ids; i++)
            FUZZ_CHECK(ids[i] >= 0 && ids[i] < rwkv_tokenizer_get_n_vocab(tok), "id %d out of range",
                       ids[i]);
        s = rwkv_detokenize(tok, ids, n_ids, &out, &out_len, &err);
        FUZZ_CHECK(s == RWKV_OK, "detokenize of tokenize output: %s", err.message);
        if (rwkv_tokenizer_get_kind(tok) != RWKV_TOKENIZER_PILE)
            FUZZ_CHECK(out_len == sizeof text - 1 && memcmp(out, text, out_len) == 0,
                       "World/bytes round trip differs");
        free(out);
    } else {
        fuzz_check_error(s, &err);
    }
    free(ids);
    rwkv_tokenizer_free(tok);
}

/* No NaN or infinity among a serialized state's floats (after its 48-byte header). */
static int finite_state(const unsigned char *blob, size_t n)
{
    size_t k;
    for (k = 48; k + 4 <= n; k += 4)
        if ((blob[k + 2] & 0x80) == 0x80 && (blob[k + 3] & 0x7f) == 0x7f) return 0;
    return 1;
}

static void check_eval(rwkv_model *m, const rwkv_model_info *info, const uint8_t *data,
                       size_t size)
{
    const int V = info->n_vocab;
    const size_t n_ser = rwkv_state_serialized_size(m);
    rwkv_state *st = NULL, *st2 = NULL;
    float *logits = NULL, *logits2 = NULL;
    unsigned char *blob = NULL, *blob2 = NULL;
    rwkv_error err;
    rwkv_status s;
    int tokens[5], i;

    s = rwkv_state_new(m, &st, &err);
    FUZZ_CHECK(s == RWKV_OK, "rwkv_state_new: %s", err.message);
    s = rwkv_state_new(m, &st2, &err);
    FUZZ_CHECK(s == RWKV_OK, "rwkv_state_new: %s", err.message);
    logits = (float *)malloc(sizeof(float) * (size_t)V * 5);
    logits2 = (float *)malloc(sizeof(float) * (size_t)V);
    blob = (unsigned char *)malloc(n_ser);
    blob2 = (unsigned char *)malloc(n_ser);
    FUZZ_CHECK(logits && logits2 && blob && blob2, "out of memory");
    for (i = 0; i < 5; i++) tokens[i] = (int)((size > (size_t)i ? data[size - 1 - i] : i) % V);

    /* one token at a time, then a sequence with every row of logits */
    for (i = 0; i < 2; i++) {
        s = rwkv_eval(st, tokens[i], logits, &err);
        FUZZ_CHECK(s == RWKV_OK, "rwkv_eval: %s", err.message);
    }
    s = rwkv_eval(st, tokens[2], NULL, &err);
    FUZZ_CHECK(s == RWKV_OK, "rwkv_eval without logits: %s", err.message);
    s = rwkv_eval_seq(st, tokens, 5, logits, 1, &err);
    FUZZ_CHECK(s == RWKV_OK, "rwkv_eval_seq: %s", err.message);
    s = rwkv_eval_seq(st, tokens + 1, 3, logits, 0, &err);
    FUZZ_CHECK(s == RWKV_OK, "rwkv_eval_seq (last logits): %s", err.message);
    s = rwkv_eval(st, V, logits, &err);
    FUZZ_CHECK(s == RWKV_ERR_ARGUMENT, "token n_vocab accepted (status %d)", (int)s);
    s = rwkv_eval(st, -1, logits, &err);
    FUZZ_CHECK(s == RWKV_ERR_ARGUMENT, "token -1 accepted (status %d)", (int)s);

    /* save / load round trip, then the same next token from both states */
    s = rwkv_state_save(st, blob, n_ser, &err);
    FUZZ_CHECK(s == RWKV_OK, "rwkv_state_save: %s", err.message);
    s = rwkv_state_load(st2, blob, n_ser, &err);
    if (!finite_state(blob, n_ser)) {
        FUZZ_CHECK(s == RWKV_ERR_STATE, "a saved state with a NaN or an infinity was loaded");
        goto done;
    }
    FUZZ_CHECK(s == RWKV_OK, "rwkv_state_load of a saved state: %s", err.message);
    s = rwkv_state_save(st2, blob2, n_ser, &err);
    FUZZ_CHECK(s == RWKV_OK && memcmp(blob, blob2, n_ser) == 0, "save -> load -> save differs");
    s = rwkv_eval(st, tokens[3], logits, &err);
    FUZZ_CHECK(s == RWKV_OK, "rwkv_eval: %s", err.message);
    s = rwkv_eval(st2, tokens[3], logits2, &err);
    FUZZ_CHECK(s == RWKV_OK, "rwkv_eval after load: %s", err.message);
    FUZZ_CHECK(memcmp(logits, logits2, sizeof(float) * (size_t)V) == 0,
               "logits after a state reload are not bit-identical");

done:
    free(logits);
    free(logits2);
    free(blob);
    free(blob2);
    rwkv_state_free(st);
    rwkv_state_free(st2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rwkv_model *m = (rwkv_model *)&m; /* must come back NULL on failure */
    rwkv_model_info info;
    rwkv_error err;
    rwkv_status s;
    size_t len;
    int64_t iv;

    memset(&err, 0, sizeof err);
    s = rwkv_model_open_memory(data, size, &m, &err);
    if (s != RWKV_OK) {
        fuzz_check_error(s, &err);
        FUZZ_CHECK(m == NULL, "a failed open left *out set");
        return 0;
    }
    FUZZ_CHECK(m != NULL, "model NULL on success");

    rwkv_model_get_info(m, &info);
    FUZZ_CHECK(info.version >= 4 && info.version <= 7, "version %d", info.version);
    FUZZ_CHECK(info.n_layer > 0 && info.n_embd > 0 && info.n_ffn > 0 && info.n_vocab > 0,
               "non-positive dims");
    FUZZ_CHECK(info.n_vocab == rwkv_model_get_n_vocab(m), "n_vocab disagrees");
    if (info.version >= 5)
        FUZZ_CHECK(info.head_size > 0 && info.n_head * info.head_size == info.n_embd,
                   "n_head %d * head_size %d != n_embd %d", info.n_head, info.head_size,
                   info.n_embd);
    FUZZ_CHECK(info.file_size == size, "file_size %llu, input %lu",
               (unsigned long long)info.file_size, (unsigned long)size);
    /* (tensor data may overlap: the loader accepts aliased tensors, e.g. a tied head) */
    {
        uint64_t n_typed = 0;
        int t;
        for (t = 0; t < RWKV_TYPE_COUNT; t++) n_typed += info.tensors_of_type[t];
        FUZZ_CHECK(n_typed == info.n_tensors, "tensor counts per type %llu != n_tensors %llu",
                   (unsigned long long)n_typed, (unsigned long long)info.n_tensors);
    }

    /* metadata look-ups: present, absent, wrong type */
    (void)rwkv_model_get_meta_string(m, "general.architecture", &len);
    (void)rwkv_model_get_meta_string(m, "general.name", &len);
    (void)rwkv_model_get_meta_string(m, "rwkv.block_count", &len);
    (void)rwkv_model_get_meta_int(m, "rwkv.block_count", &iv);
    (void)rwkv_model_get_meta_int(m, "general.architecture", &iv);
    (void)rwkv_model_get_meta_int(m, "no.such.key", &iv);

    check_tokenizer(m);
    if (info.bytes_per_token <= MAX_BYTES_PER_TOKEN && info.n_vocab <= MAX_VOCAB &&
        info.n_embd <= MAX_EMBD && info.n_layer <= MAX_LAYER)
        check_eval(m, &info, data, size);
    rwkv_model_close(m);
    return 0;
}
