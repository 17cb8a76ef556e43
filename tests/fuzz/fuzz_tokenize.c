/* fuzz_tokenize.c - libFuzzer harness for rwkv_tokenize / rwkv_detokenize with the real
   vocabularies. The first input byte picks the tokenizer (mod 3: 0 byte-level, 1 World,
   2 Pile); the rest is the text. Invariants:
     - every id is in [0, n_vocab) and detokenizes;
     - byte-level: the ids are the bytes; World: always tokenizes, and decoding gives the
       input bytes back; Pile: fails exactly when the text holds a byte the 20B vocabulary
       has no token for (C0, C1, F5..FF) and otherwise decodes to the text with its special
       tokens' text kept and every piece between them in NFC (as HuggingFace splits special
       tokens before normalizing). The Pile tokenizer normalizes with Unicode 9.0 data and
       rwkv_utf8_nfc with 15.0: texts holding one of the 111 code points where they differ
       (POST9 below) are not compared;
     - the streaming decoder (rwkv_utf8_stream_push + flush) emits the decoded bytes;
     - byte-level inputs also check that rwkv_utf8_nfc is idempotent.
   Vocabularies, each file looked up in $FUZZ_VOCAB_DIR when set, else in ./vocab, then in
   ../shared/vocab (relative to the working directory: run from the repository root). A kind
   whose file is absent is skipped (said once at start-up). */
#include "fuzz_common.h"

static rwkv_tokenizer *g_tok[3];
static const char *g_special[8]; /* Pile special tokens' text */
static size_t g_special_len[8];
static int g_n_special;

/* Code points whose NFC differs between Unicode 9.0 and 15.0 data: the 108 combining marks
   and U+11938 assigned since 9.0 (tokenizer.c's POST9 flag where the combining class or the
   decomposition is not trivial), plus U+11930 and U+11935, which compose to U+11938. */
static const int32_t POST9[][2] = {
    {0x7FD, 0x7FD}, {0x898, 0x89F}, {0x8CA, 0x8D3}, {0x9FE, 0x9FE}, {0xC3C, 0xC3C},
    {0xD3B, 0xD3C}, {0xEBA, 0xEBA}, {0x1715, 0x1715}, {0x1ABF, 0x1ACE}, {0x1DF6, 0x1DFA},
    {0xA82C, 0xA82C}, {0x10D24, 0x10D27}, {0x10EAB, 0x10EAC}, {0x10EFD, 0x10EFF},
    {0x10F46, 0x10F50}, {0x10F82, 0x10F85}, {0x11070, 0x11070}, {0x1133B, 0x1133B},
    {0x1145E, 0x1145E}, {0x11839, 0x1183A}, {0x11930, 0x11930}, {0x11935, 0x11935},
    {0x11938, 0x11938}, {0x1193D, 0x1193E}, {0x11943, 0x11943}, {0x119E0, 0x119E0},
    {0x11A34, 0x11A34}, {0x11A47, 0x11A47}, {0x11A99, 0x11A99}, {0x11D42, 0x11D42},
    {0x11D44, 0x11D45}, {0x11D97, 0x11D97}, {0x11F41, 0x11F42}, {0x16FF0, 0x16FF1},
    {0x1E08F, 0x1E08F}, {0x1E130, 0x1E136}, {0x1E2AE, 0x1E2AE}, {0x1E2EC, 0x1E2EF},
    {0x1E4EC, 0x1E4EF},
};

static int file_exists(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    fclose(f);
    return 1;
}

/* The vocabulary file: $FUZZ_VOCAB_DIR/file when that variable is set, else vocab/file, else
   ../shared/vocab/file; absent: its kind is skipped. */
static void load(int kind, const char *file)
{
    const char *env = getenv("FUZZ_VOCAB_DIR");
    const char *dirs[3];
    char path[1024];
    rwkv_error err;
    int i, n = 0;
    if (env && *env) dirs[n++] = env;
    else { dirs[n++] = "vocab"; dirs[n++] = "../shared/vocab"; }
    for (i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dirs[i], file);
        if (file_exists(path)) break;
    }
    if (i == n) {
        fprintf(stderr, "fuzz_tokenize: %s not found (%s%s): %s inputs are skipped\n", file,
                env && *env ? "FUZZ_VOCAB_DIR=" : "vocab/, ../shared/vocab/",
                env && *env ? env : "", kind == RWKV_TOKENIZER_WORLD ? "World" : "Pile");
        return;
    }
    if (rwkv_tokenizer_new_from_file(path, &g_tok[kind], &err) != RWKV_OK) {
        fprintf(stderr, "fuzz_tokenize: %s\n", err.message);
        abort();
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    rwkv_error err;
    (void)argc;
    (void)argv;
    if (rwkv_tokenizer_new_bytes(&g_tok[RWKV_TOKENIZER_BYTES], &err) != RWKV_OK) abort();
    load(RWKV_TOKENIZER_WORLD, "rwkv_vocab_v20230424.txt");
    load(RWKV_TOKENIZER_PILE, "20B_tokenizer.json");
    if (g_tok[RWKV_TOKENIZER_PILE]) {
        int id, n = rwkv_tokenizer_get_n_vocab(g_tok[RWKV_TOKENIZER_PILE]);
        for (id = 0; id < n && g_n_special < 8; id++)
            if (rwkv_tokenizer_is_special(g_tok[RWKV_TOKENIZER_PILE], id)) {
                g_special[g_n_special] = rwkv_tokenizer_get_token(g_tok[RWKV_TOKENIZER_PILE], id,
                                                          &g_special_len[g_n_special]);
                g_n_special++;
            }
    }
    return 0;
}

/* The next code point of s[0..n) (-1 for a byte that does not start valid UTF-8), its length
   in *len. */
static int32_t next_cp(const unsigned char *s, size_t n, size_t *len)
{
    int32_t cp;
    size_t k, need;
    *len = 1;
    if (s[0] < 0x80) return s[0];
    if (s[0] >= 0xC2 && s[0] <= 0xDF) { need = 1; cp = s[0] & 0x1F; }
    else if (s[0] >= 0xE0 && s[0] <= 0xEF) { need = 2; cp = s[0] & 0x0F; }
    else if (s[0] >= 0xF0 && s[0] <= 0xF4) { need = 3; cp = s[0] & 0x07; }
    else return -1;
    if (n < need + 1) return -1;
    for (k = 1; k <= need; k++) {
        if ((s[k] & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (s[k] & 0x3F);
    }
    if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
        return -1;
    *len = need + 1;
    return cp;
}

static int has_post9(const unsigned char *s, size_t n)
{
    size_t i = 0, len, k;
    while (i < n) {
        int32_t cp = next_cp(s + i, n - i, &len);
        for (k = 0; k < sizeof POST9 / sizeof POST9[0]; k++)
            if (cp >= POST9[k][0] && cp <= POST9[k][1]) return 1;
        i += len;
    }
    return 0;
}

static int has_untokenizable_pile_byte(const unsigned char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] == 0xC0 || s[i] == 0xC1 || s[i] >= 0xF5) return 1;
    return 0;
}

static void append(fuzz_buf *b, const char *s, size_t n)
{
    fb_add(b, s, n);
}

static void append_nfc(fuzz_buf *b, const unsigned char *s, size_t n)
{
    char *out = NULL;
    size_t out_len = 0;
    rwkv_error err;
    if (n == 0) return;
    FUZZ_CHECK(rwkv_utf8_nfc((const char *)s, n, &out, &out_len, &err) == RWKV_OK,
               "rwkv_utf8_nfc: %s", err.message);
    append(b, out, out_len);
    free(out);
}

/* What decoding a Pile tokenization must give: special tokens split out leftmost-longest,
   the pieces between them in NFC. */
static void pile_expected(const unsigned char *s, size_t n, fuzz_buf *out)
{
    size_t i = 0, start = 0;
    while (i < n) {
        size_t best = 0;
        int k;
        for (k = 0; k < g_n_special; k++)
            if (g_special_len[k] > best && g_special_len[k] <= n - i &&
                memcmp(s + i, g_special[k], g_special_len[k]) == 0)
                best = g_special_len[k];
        if (best) {
            append_nfc(out, s + start, i - start);
            append(out, (const char *)s + i, best);
            i += best;
            start = i;
        } else {
            i++;
        }
    }
    append_nfc(out, s + start, n - start);
}

static void check_stream(const rwkv_tokenizer *tok, const int *ids, size_t n, const char *dec,
                         size_t dec_len)
{
    rwkv_utf8_stream us;
    fuzz_buf b = {0, 0, 0};
    char tmp[512];
    size_t i, len, k;
    rwkv_utf8_stream_init(&us);
    for (i = 0; i < n; i++) {
        (void)rwkv_tokenizer_get_token(tok, ids[i], &len);
        FUZZ_CHECK(len + 4 <= sizeof tmp, "token of %lu bytes", (unsigned long)len);
        k = rwkv_utf8_stream_push(&us, tok, ids[i], tmp, sizeof tmp);
        FUZZ_CHECK(k <= len + 4, "stream push wrote %lu bytes", (unsigned long)k);
        append(&b, tmp, k);
    }
    k = rwkv_utf8_stream_flush(&us, tmp, 4);
    append(&b, tmp, k);
    FUZZ_CHECK(b.n == dec_len && (dec_len == 0 || memcmp(b.p, dec, dec_len) == 0),
               "streamed decode (%lu bytes) differs from rwkv_detokenize (%lu bytes)",
               (unsigned long)b.n, (unsigned long)dec_len);
    free(b.p);
}

static void check_nfc_idempotent(const unsigned char *s, size_t n)
{
    char *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    rwkv_error err;
    FUZZ_CHECK(rwkv_utf8_nfc((const char *)s, n, &a, &na, &err) == RWKV_OK, "nfc: %s",
               err.message);
    FUZZ_CHECK(a != NULL && a[na] == 0, "nfc output not NUL-terminated");
    FUZZ_CHECK(rwkv_utf8_nfc(a, na, &b, &nb, &err) == RWKV_OK, "nfc: %s", err.message);
    FUZZ_CHECK(na == nb && memcmp(a, b, na) == 0, "NFC(NFC(x)) != NFC(x)");
    free(a);
    free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const rwkv_tokenizer *tok;
    const unsigned char *text;
    size_t n, n_ids = 0, dec_len = 0, i;
    int kind, *ids = NULL;
    char *dec = NULL;
    rwkv_error err;
    rwkv_status s;

    if (size == 0) return 0;
    kind = data[0] % 3;
    text = data + 1;
    n = size - 1;
    tok = g_tok[kind];
    if (!tok) return 0;

    memset(&err, 0, sizeof err);
    s = rwkv_tokenize(tok, (const char *)text, n, &ids, &n_ids, &err);
    if (kind == RWKV_TOKENIZER_PILE) {
        int bad = has_untokenizable_pile_byte(text, n);
        FUZZ_CHECK((s != RWKV_OK) == bad, "Pile tokenize status %d (%s) on a text %s bytes it "
                   "has no token for", (int)s, s ? err.message : "ok", bad ? "with" : "without");
    } else {
        FUZZ_CHECK(s == RWKV_OK, "tokenize: %s", err.message);
    }
    if (s != RWKV_OK) {
        fuzz_check_error(s, &err);
        FUZZ_CHECK(s == RWKV_ERR_ARGUMENT && ids == NULL && n_ids == 0, "failed tokenize output");
        return 0;
    }
    FUZZ_CHECK((n_ids == 0) == (ids == NULL), "ids %p with n_ids %lu", (void *)ids,
               (unsigned long)n_ids);
    for (i = 0; i < n_ids; i++)
        FUZZ_CHECK(ids[i] >= 0 && ids[i] < rwkv_tokenizer_get_n_vocab(tok), "id %d out of range",
                   ids[i]);
    s = rwkv_detokenize(tok, ids, n_ids, &dec, &dec_len, &err);
    FUZZ_CHECK(s == RWKV_OK, "detokenize of tokenize output: %s", err.message);
    FUZZ_CHECK(dec != NULL && dec[dec_len] == 0, "decoded text not NUL-terminated");

    if (kind == RWKV_TOKENIZER_BYTES) {
        FUZZ_CHECK(n_ids == n, "byte-level: %lu ids for %lu bytes", (unsigned long)n_ids,
                   (unsigned long)n);
        for (i = 0; i < n; i++) FUZZ_CHECK(ids[i] == text[i], "byte-level id %d", ids[i]);
        check_nfc_idempotent(text, n);
    }
    if (kind != RWKV_TOKENIZER_PILE) {
        FUZZ_CHECK(dec_len == n && memcmp(dec, text, n) == 0, "round trip differs (%lu bytes "
                   "in, %lu out)", (unsigned long)n, (unsigned long)dec_len);
    } else if (!has_post9(text, n)) {
        fuzz_buf want = {0, 0, 0};
        pile_expected(text, n, &want);
        FUZZ_CHECK(dec_len == want.n && (want.n == 0 || memcmp(dec, want.p, want.n) == 0),
                   "Pile decode (%lu bytes) is not the NFC text (%lu bytes)",
                   (unsigned long)dec_len, (unsigned long)want.n);
        free(want.p);
    }
    check_stream(tok, ids, n_ids, dec, dec_len);
    free(ids);
    free(dec);
    return 0;
}
