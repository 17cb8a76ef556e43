/* fuzz_vocab.c - libFuzzer harness for vocabulary loading: rwkv_tokenizer_new_from_memory on the
   input (World vocabulary text or HuggingFace tokenizer JSON). A refused input gives an error
   with a message and *out NULL. An accepted one is exercised:
     - kind World or Pile, n_vocab > 0; rwkv_tokenizer_get_token / rwkv_tokenizer_is_special on the first
       ids, the last ids and out-of-range ids;
     - World: every assigned token's bytes tokenize to exactly that token (greedy longest
       match can find nothing longer than the whole text);
     - a few fixed texts and the input itself are tokenized: on success every id is in range
       and detokenizes, World decoding gives the text back, and the streaming decoder emits
       what rwkv_detokenize does.
   Seeds: tests/fuzz/corpus/fuzz_vocab (small World files and HF JSON files). */
#include "fuzz_common.h"

#define SCAN_IDS 2048  /* ids checked one by one at each end of the id range */
#define MAX_TEXT 2048  /* bytes of the input tokenized as text */

static void check_text(const rwkv_tokenizer *tok, const char *text, size_t n)
{
    const rwkv_tokenizer_kind kind = rwkv_tokenizer_get_kind(tok);
    int *ids = NULL;
    size_t n_ids = 0, dec_len = 0, i, k;
    char *dec = NULL;
    rwkv_error err;
    rwkv_status s;
    rwkv_utf8_stream us;
    fuzz_buf b = {0, 0, 0};
    char *tmp = NULL;
    size_t cap = 0;

    memset(&err, 0, sizeof err);
    s = rwkv_tokenize(tok, text, n, &ids, &n_ids, &err);
    if (s != RWKV_OK) {
        fuzz_check_error(s, &err);
        FUZZ_CHECK(ids == NULL && n_ids == 0, "failed tokenize output");
        return;
    }
    for (i = 0; i < n_ids; i++)
        FUZZ_CHECK(ids[i] >= 0 && ids[i] < rwkv_tokenizer_get_n_vocab(tok), "id %d out of range",
                   ids[i]);
    s = rwkv_detokenize(tok, ids, n_ids, &dec, &dec_len, &err);
    FUZZ_CHECK(s == RWKV_OK, "detokenize of tokenize output: %s", err.message);
    if (kind == RWKV_TOKENIZER_WORLD)
        FUZZ_CHECK(dec_len == n && memcmp(dec, text, n) == 0, "World round trip differs");

    rwkv_utf8_stream_init(&us);
    for (i = 0; i < n_ids; i++) {
        size_t len;
        (void)rwkv_tokenizer_get_token(tok, ids[i], &len);
        if (len + 4 > cap) {
            cap = len + 4;
            tmp = (char *)realloc(tmp, cap);
            FUZZ_CHECK(tmp != NULL, "out of memory");
        }
        k = rwkv_utf8_stream_push(&us, tok, ids[i], tmp, len + 4);
        FUZZ_CHECK(k <= len + 4, "stream push wrote %lu bytes", (unsigned long)k);
        fb_add(&b, tmp, k);
    }
    {
        char fl[4];
        k = rwkv_utf8_stream_flush(&us, fl, sizeof fl);
        fb_add(&b, fl, k);
    }
    FUZZ_CHECK(b.n == dec_len && (dec_len == 0 || memcmp(b.p, dec, dec_len) == 0),
               "streamed decode differs from rwkv_detokenize");
    free(b.p);
    free(tmp);
    free(ids);
    free(dec);
}

static void check_id(const rwkv_tokenizer *tok, int id)
{
    size_t len = 12345;
    const char *p = rwkv_tokenizer_get_token(tok, id, &len);
    (void)rwkv_tokenizer_is_special(tok, id);
    if (!p) {
        FUZZ_CHECK(len == 0, "len %lu for an unassigned id", (unsigned long)len);
        return;
    }
    {   /* read every byte (ASan checks the bounds) */
        unsigned sum = 0;
        size_t k;
        for (k = 0; k < len; k++) sum += (unsigned char)p[k];
        FUZZ_CHECK(sum <= 255 * len, "unreachable");
    }
    if (rwkv_tokenizer_get_kind(tok) == RWKV_TOKENIZER_WORLD && id > 0) {
        int *ids = NULL;
        size_t n_ids = 0;
        rwkv_error err;
        rwkv_status s = rwkv_tokenize(tok, p, len, &ids, &n_ids, &err);
        FUZZ_CHECK(s == RWKV_OK && n_ids == 1 && ids[0] == id,
                   "World token %d does not tokenize to itself (status %d, %lu ids, first %d)",
                   id, (int)s, (unsigned long)n_ids, n_ids ? ids[0] : -1);
        free(ids);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const texts[] = {
        "Hello, world!", " the  quick\n\nbrown fox's", "\xe4\xbd\xa0\xe5\xa5\xbd e\xcc\x81",
        "<|endoftext|>a<|padding|>", "\xff\xc3\x28 \xf0\x9f\x98\x80", "aaaaaaaaaaaaaaaa",
    };
    rwkv_tokenizer *tok = (rwkv_tokenizer *)&tok; /* must come back NULL on failure */
    rwkv_error err;
    rwkv_status s;
    int n_vocab, id;
    size_t i;

    memset(&err, 0, sizeof err);
    s = rwkv_tokenizer_new_from_memory((const char *)data, size, &tok, &err);
    if (s != RWKV_OK) {
        fuzz_check_error(s, &err);
        FUZZ_CHECK(tok == NULL, "a failed open left *out set");
        return 0;
    }
    FUZZ_CHECK(tok != NULL, "tokenizer NULL on success");
    FUZZ_CHECK(rwkv_tokenizer_get_kind(tok) == RWKV_TOKENIZER_WORLD ||
               rwkv_tokenizer_get_kind(tok) == RWKV_TOKENIZER_PILE, "kind %d",
               (int)rwkv_tokenizer_get_kind(tok));
    n_vocab = rwkv_tokenizer_get_n_vocab(tok);
    FUZZ_CHECK(n_vocab > 0, "n_vocab %d", n_vocab);

    for (id = 0; id < n_vocab && id < SCAN_IDS; id++) check_id(tok, id);
    for (id = n_vocab - 1; id >= SCAN_IDS && id >= n_vocab - SCAN_IDS; id--) check_id(tok, id);
    FUZZ_CHECK(rwkv_tokenizer_get_token(tok, n_vocab, NULL) == NULL, "id n_vocab has bytes");
    FUZZ_CHECK(rwkv_tokenizer_get_token(tok, -1, NULL) == NULL, "id -1 has bytes");
    FUZZ_CHECK(!rwkv_tokenizer_is_special(tok, n_vocab) && !rwkv_tokenizer_is_special(tok, -1),
               "out-of-range id special");
    {
        char *dec = NULL;
        int bad = n_vocab;
        s = rwkv_detokenize(tok, &bad, 1, &dec, NULL, &err);
        FUZZ_CHECK(s == RWKV_ERR_ARGUMENT && dec == NULL, "detokenize of id n_vocab: %d", (int)s);
    }

    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) check_text(tok, texts[i], strlen(texts[i]));
    check_text(tok, (const char *)data, size < MAX_TEXT ? size : MAX_TEXT);
    rwkv_tokenizer_free(tok);
    return 0;
}
