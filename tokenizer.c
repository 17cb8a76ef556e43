/* tokenizer.c - the Pile tokenizer (GPT-NeoX-20B BPE), Unicode NFC and a small JSON reader:
   the part of the tokenizers that rwkv.h leaves out (it has byte-level and World). A program
   that needs them compiles this file too and defines RWKV_PILE where it defines
   RWKV_IMPLEMENTATION (see the top of rwkv.h); this file uses rwkv.h's API, its tokenizer
   internals (the object, buffers, byte trie: RWKV_TOKENIZER_INTERNALS) and nothing else, and
   rwkv.h reaches it only through rwkv_pile_load.

   Pile (20B_tokenizer.json, HuggingFace `tokenizers` JSON): the pipeline of that library's
   Tokenizer::encode for a BPE model with a ByteLevel pre-tokenizer:
     1. split out the added tokens that match the raw text ("normalized": false; the special
        tokens here), leftmost-longest;
     2. NFC-normalize the rest (with Unicode 9.0 data, as HF's unicode-normalization-alignments
        0.1.12 does), then split out the added tokens marked "normalized": true (the runs of
        2..24 spaces in the 20B file);
     3. split every remaining piece with the GPT-2 regex
        's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
        (hand-written matcher below, Unicode classes from the tables at the end of this file;
        \s is White_Space, as in Oniguruma, which HF uses);
     4. BPE each piece over its bytes: repeatedly merge the adjacent pair with the lowest merge
        rank, leftmost first on ties (HF's Word::merge_all), using a heap so a 1 MB word is
        n log n.
   The byte-level character mapping of GPT-2 (bytes <-> printable code points) is undone at
   load: internally every token is its real bytes.

   The library never prints and never exits; errors name the file and line / byte offset. */
#define RWKV_TOKENIZER_INTERNALS
#include "rwkv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Unicode data (the generated tables are at the end of this file) ================== */

/* Property byte of a code point: low 2 bits = class for the split regex, then flags. The
   generated section checks that tools/gen_unicode_tables.py uses the same values. */
#define RWKV__UC_OTHER 0
#define RWKV__UC_L 1     /* \p{L} */
#define RWKV__UC_N 2     /* \p{N} */
#define RWKV__UC_S 3     /* \s (White_Space) */
#define RWKV__UC_NFC 4   /* NFC_Quick_Check != Yes, or canonical combining class != 0 */
#define RWKV__UC_POST9 8 /* assigned after Unicode 9.0 (unknown to HF tokenizers' NFC) */

static unsigned rwkv__uprop(int32_t cp);
static int rwkv__ccc(int32_t cp);
static int rwkv__decompose(int32_t cp, int32_t *out);
static int32_t rwkv__compose(int32_t a, int32_t b);

/* ==== NFC =============================================================================== */

/* Non-zero when s[0..n) may change under NFC (some code point fails the quick check). */
static int rwkv__needs_nfc(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        if (s[i] < 0x80) { i++; continue; } /* ASCII is always stable */
        i += (size_t)rwkv__utf8_get(s + i, n - i, &cp);
        if (rwkv__uprop(cp) & RWKV__UC_NFC) return 1;
    }
    return 0;
}

static int rwkv__post9(int32_t cp)
{
    return cp >= 0 && (rwkv__uprop(cp) & RWKV__UC_POST9);
}

/* Combining class; with unicode9, characters assigned after Unicode 9.0 count as unassigned
   (class 0), as in HuggingFace tokenizers' normalizer. */
static int rwkv__ccc9(int32_t cp, int unicode9)
{
    return unicode9 && rwkv__post9(cp) ? 0 : rwkv__ccc(cp);
}

/* NFC of s[0..n), appended to out. Invalid bytes pass through as themselves and act as
   starters that never compose. unicode9: use only Unicode 9.0 data, which is what the
   Pile tokenizer's reference (HF tokenizers, via unicode-normalization-alignments 0.1.12)
   does; it differs from current NFC only for 109 code points (108 combining marks and
   U+11938 assigned in Unicode 10..15). Returns 0 on out of memory. */
static int rwkv__nfc_append(const unsigned char *s, size_t n, rwkv__buf *out, int unicode9)
{
    int32_t *d = (int32_t *)malloc((n * 4 + 4) * sizeof(int32_t)); /* <= 4 cps per byte */
    size_t nd = 0, i, j, start;
    int ok = 1;
    if (!d) return 0;
    /* 1. full canonical decomposition */
    for (i = 0; i < n;) {
        int32_t cp;
        i += (size_t)rwkv__utf8_get(s + i, n - i, &cp);
        if (cp < 0 || (unicode9 && rwkv__post9(cp))) d[nd++] = cp;
        else nd += (size_t)rwkv__decompose(cp, d + nd);
    }
    /* 2. canonical ordering: stable sort each run of non-starters by combining class */
    for (i = 0; i < nd;) {
        if (rwkv__ccc9(d[i], unicode9) == 0) { i++; continue; }
        start = i;
        while (i < nd && rwkv__ccc9(d[i], unicode9) != 0) i++;
        for (j = start + 1; j < i; j++) { /* insertion sort: runs are short */
            int32_t x = d[j];
            int cx = rwkv__ccc9(x, unicode9);
            size_t k = j;
            while (k > start && rwkv__ccc9(d[k - 1], unicode9) > cx) { d[k] = d[k - 1]; k--; }
            d[k] = x;
        }
    }
    /* 3. canonical composition (UAX #15): a character composes with the last starter unless
       blocked by an intervening character of the same or higher class (or any starter). */
    if (nd > 0) {
        size_t starter_pos = 0, w = 1;
        int last_class = rwkv__ccc9(d[0], unicode9);
        if (last_class != 0) last_class = 256; /* no starter yet: nothing may compose */
        for (i = 1; i < nd; i++) {
            int32_t ch = d[i], comp;
            int ch_class = rwkv__ccc9(ch, unicode9);
            comp = last_class == 256 ? -1 : rwkv__compose(d[starter_pos], ch);
            if (unicode9 && comp >= 0 && (rwkv__post9(d[starter_pos]) || rwkv__post9(ch) || rwkv__post9(comp)))
                comp = -1;
            if (comp >= 0 && (last_class < ch_class || last_class == 0)) {
                d[starter_pos] = comp;
                continue;
            }
            if (ch_class == 0) starter_pos = w;
            last_class = ch_class;
            d[w++] = ch;
        }
        nd = w;
    }
    for (i = 0; i < nd && ok; i++) {
        unsigned char tmp[4];
        int k = d[i] < 0 ? (tmp[0] = (unsigned char)(-1 - d[i]), 1) : rwkv__utf8_put(tmp, (uint32_t)d[i]);
        ok = rwkv__buf_add(out, tmp, (size_t)k);
    }
    free(d);
    return ok;
}

rwkv_status rwkv_utf8_nfc(const char *text, size_t len, char **out, size_t *out_len,
                          rwkv_error *err)
{
    rwkv__buf b = {0, 0, 0};
    *out = NULL;
    if (out_len) *out_len = 0;
    if (!rwkv__nfc_append((const unsigned char *)text, len, &b, 0) || !rwkv__buf_add(&b, "", 1)) {
        free(b.p);
        return rwkv__oom(err, "normalizing text (NFC)");
    }
    *out = b.p;
    if (out_len) *out_len = b.n - 1;
    return RWKV_OK;
}

/* ==== a small JSON parser (DOM, indices into arrays, depth-limited) ==================== */

enum { RWKV__J_NULL, RWKV__J_FALSE, RWKV__J_TRUE, RWKV__J_NUM, RWKV__J_STR, RWKV__J_ARR, RWKV__J_OBJ };

typedef struct rwkv__jv {   /* 24 bytes: the 20B file has ~100k values */
    uint8_t type;
    uint32_t key_off, key_len; /* object members: the key, in the string pool */
    uint32_t a, n;             /* string: pool offset and length; array/object: first child, count */
    int32_t ival;              /* number: its value if an integer in 0..RWKV__J_MAX_INT, else -1 */
} rwkv__jv;

#define RWKV__J_MAX_INT 16777215

typedef struct rwkv__json {
    const char *s;
    size_t n, pos;
    rwkv__jv *vals;   /* finished values; children of a container are contiguous */
    size_t n_vals, cap_vals;
    rwkv__jv *stack;  /* values of containers still open */
    size_t n_stack, cap_stack;
    rwkv__buf pool;   /* unescaped strings */
    const char *why;
} rwkv__json;

static void rwkv__json_free(rwkv__json *j)
{
    free(j->vals);
    free(j->stack);
    free(j->pool.p);
}

static void rwkv__json_ws(rwkv__json *j)
{
    while (j->pos < j->n) {
        char c = j->s[j->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        j->pos++;
    }
}

static int rwkv__json_push(rwkv__jv **arr, size_t *n, size_t *cap, const rwkv__jv *v)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 1024;
        rwkv__jv *p = (rwkv__jv *)realloc(*arr, c * sizeof(rwkv__jv));
        if (!p) return 0;
        *arr = p;
        *cap = c;
    }
    (*arr)[(*n)++] = *v;
    return 1;
}

/* Parses a string at j->pos (on the opening quote) into the pool: *off, *len. */
static int rwkv__json_string(rwkv__json *j, uint32_t *off, uint32_t *len)
{
    size_t start = j->pool.n;
    j->pos++; /* the quote */
    for (;;) {
        unsigned char c;
        if (j->pos >= j->n) { j->why = "unterminated string"; return 0; }
        c = (unsigned char)j->s[j->pos];
        if (c == '"') { j->pos++; break; }
        if (c < 0x20) { j->why = "control character in string"; return 0; }
        if (c != '\\') {
            size_t run = j->pos; /* copy a run of plain characters at once */
            while (run < j->n && j->s[run] != '"' && j->s[run] != '\\' && (unsigned char)j->s[run] >= 0x20) run++;
            if (!rwkv__buf_add(&j->pool, j->s + j->pos, run - j->pos)) { j->why = "out of memory"; return 0; }
            j->pos = run;
            continue;
        }
        if (j->pos + 1 >= j->n) { j->why = "unterminated string"; return 0; }
        c = (unsigned char)j->s[j->pos + 1];
        j->pos += 2;
        {
            char ch = 0;
            unsigned char u8[4];
            switch (c) {
            case '"': ch = '"'; break;
            case '\\': ch = '\\'; break;
            case '/': ch = '/'; break;
            case 'b': ch = 8; break;
            case 'f': ch = 12; break;
            case 'n': ch = 10; break;
            case 'r': ch = 13; break;
            case 't': ch = 9; break;
            case 'u': {
                uint32_t v = 0;
                int k;
                for (k = 0; k < 4; k++) {
                    int h = j->pos < j->n ? rwkv__hexval((unsigned char)j->s[j->pos]) : -1;
                    if (h < 0) { j->why = "bad \\u escape"; return 0; }
                    v = v * 16 + (uint32_t)h;
                    j->pos++;
                }
                if (v >= 0xD800 && v <= 0xDBFF && j->pos + 6 <= j->n && j->s[j->pos] == '\\' &&
                    j->s[j->pos + 1] == 'u') {
                    uint32_t lo = 0;
                    int ok = 1;
                    for (k = 0; k < 4; k++) {
                        int h = rwkv__hexval((unsigned char)j->s[j->pos + 2 + (size_t)k]);
                        if (h < 0) { ok = 0; break; }
                        lo = lo * 16 + (uint32_t)h;
                    }
                    if (ok && lo >= 0xDC00 && lo <= 0xDFFF) {
                        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                        j->pos += 6;
                    }
                }
                if (v >= 0xD800 && v <= 0xDFFF) v = 0xFFFD; /* lone surrogate, as serde does lossily */
                k = rwkv__utf8_put(u8, v);
                if (!rwkv__buf_add(&j->pool, u8, (size_t)k)) { j->why = "out of memory"; return 0; }
                continue;
            }
            default: j->why = "bad escape in string"; return 0;
            }
            if (!rwkv__buf_add(&j->pool, &ch, 1)) { j->why = "out of memory"; return 0; }
        }
    }
    if (j->pool.n - start > 0xFFFFFFFFu || j->pool.n > 0xFFFFFFFFu) { j->why = "string too long"; return 0; }
    *off = (uint32_t)start;
    *len = (uint32_t)(j->pool.n - start);
    return 1;
}

static int rwkv__json_value(rwkv__json *j, rwkv__jv *v, int depth)
{
    char c;
    memset(v, 0, sizeof *v);
    rwkv__json_ws(j);
    if (j->pos >= j->n) { j->why = "unexpected end of input"; return 0; }
    if (depth > 64) { j->why = "nested too deeply"; return 0; }
    c = j->s[j->pos];
    if (c == '"') {
        v->type = RWKV__J_STR;
        return rwkv__json_string(j, &v->a, &v->n);
    }
    if (c == '{' || c == '[') {
        int is_obj = c == '{';
        size_t mark = j->n_stack, k, first;
        char close = is_obj ? '}' : ']';
        j->pos++;
        rwkv__json_ws(j);
        if (j->pos < j->n && j->s[j->pos] == close) {
            j->pos++;
        } else {
            for (;;) {
                rwkv__jv child;
                uint32_t koff = 0, klen = 0;
                if (is_obj) {
                    rwkv__json_ws(j);
                    if (j->pos >= j->n || j->s[j->pos] != '"') { j->why = j->pos >= j->n ? "unexpected end of input" : "expected a string key"; return 0; }
                    if (!rwkv__json_string(j, &koff, &klen)) return 0;
                    rwkv__json_ws(j);
                    if (j->pos >= j->n || j->s[j->pos] != ':') { j->why = j->pos >= j->n ? "unexpected end of input" : "expected ':'"; return 0; }
                    j->pos++;
                }
                if (!rwkv__json_value(j, &child, depth + 1)) return 0;
                child.key_off = koff;
                child.key_len = klen;
                if (!rwkv__json_push(&j->stack, &j->n_stack, &j->cap_stack, &child)) { j->why = "out of memory"; return 0; }
                rwkv__json_ws(j);
                if (j->pos >= j->n) { j->why = "unexpected end of input"; return 0; }
                if (j->s[j->pos] == ',') { j->pos++; continue; }
                if (j->s[j->pos] == close) { j->pos++; break; }
                j->why = is_obj ? "expected ',' or '}'" : "expected ',' or ']'";
                return 0;
            }
        }
        first = j->n_vals;
        for (k = mark; k < j->n_stack; k++)
            if (!rwkv__json_push(&j->vals, &j->n_vals, &j->cap_vals, &j->stack[k])) { j->why = "out of memory"; return 0; }
        v->type = is_obj ? RWKV__J_OBJ : RWKV__J_ARR;
        v->a = (uint32_t)first;
        v->n = (uint32_t)(j->n_stack - mark);
        j->n_stack = mark;
        return 1;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        double x = 0, scale = 1;
        int neg = 0, any = 0;
        if (c == '-') { neg = 1; j->pos++; }
        while (j->pos < j->n && j->s[j->pos] >= '0' && j->s[j->pos] <= '9') { x = x * 10 + (j->s[j->pos++] - '0'); any = 1; }
        if (j->pos < j->n && j->s[j->pos] == '.') {
            j->pos++;
            while (j->pos < j->n && j->s[j->pos] >= '0' && j->s[j->pos] <= '9') { scale /= 10; x += (j->s[j->pos++] - '0') * scale; any = 1; }
        }
        if (j->pos < j->n && (j->s[j->pos] == 'e' || j->s[j->pos] == 'E')) {
            int e = 0, eneg = 0;
            j->pos++;
            if (j->pos < j->n && (j->s[j->pos] == '+' || j->s[j->pos] == '-')) eneg = j->s[j->pos++] == '-';
            while (j->pos < j->n && j->s[j->pos] >= '0' && j->s[j->pos] <= '9') { if (e < 1000) e = e * 10 + (j->s[j->pos] - '0'); j->pos++; }
            while (e-- > 0) x = eneg ? x / 10 : x * 10;
        }
        if (!any) { j->why = "bad number"; return 0; }
        v->type = RWKV__J_NUM;
        v->ival = (!neg || x == 0) && x <= RWKV__J_MAX_INT && x == (double)(int32_t)x ? (int32_t)x : -1;
        return 1;
    }
    if (j->n - j->pos >= 4 && memcmp(j->s + j->pos, "null", 4) == 0) { j->pos += 4; v->type = RWKV__J_NULL; return 1; }
    if (j->n - j->pos >= 4 && memcmp(j->s + j->pos, "true", 4) == 0) { j->pos += 4; v->type = RWKV__J_TRUE; return 1; }
    if (j->n - j->pos >= 5 && memcmp(j->s + j->pos, "false", 5) == 0) { j->pos += 5; v->type = RWKV__J_FALSE; return 1; }
    j->why = "unexpected character";
    return 0;
}

/* Member `key` of object o, or NULL. */
static const rwkv__jv *rwkv__json_get(const rwkv__json *j, const rwkv__jv *o, const char *key)
{
    size_t k, kl = strlen(key);
    if (!o || o->type != RWKV__J_OBJ) return NULL;
    for (k = 0; k < o->n; k++) {
        const rwkv__jv *m = &j->vals[o->a + k];
        if (m->key_len == kl && memcmp(j->pool.p + m->key_off, key, kl) == 0) return m;
    }
    return NULL;
}

static int rwkv__json_streq(const rwkv__json *j, const rwkv__jv *v, const char *s)
{
    return v && v->type == RWKV__J_STR && v->n == strlen(s) && memcmp(j->pool.p + v->a, s, v->n) == 0;
}

/* Parses the whole document data[0..len) into j (rwkv__json_free it in any case). */
static rwkv_status rwkv__json_parse(rwkv__json *j, const char *data, size_t len, const char *name,
                                    rwkv__jv *root, rwkv_error *err)
{
    memset(j, 0, sizeof *j);
    j->s = data;
    j->n = len;
    /* one value per ~20 bytes in tokenizer files: reserve once instead of regrowing */
    j->cap_vals = j->cap_stack = len / 20 + 16;
    j->vals = (rwkv__jv *)malloc(j->cap_vals * sizeof(rwkv__jv));
    j->stack = (rwkv__jv *)malloc(j->cap_stack * sizeof(rwkv__jv));
    if (!j->vals || !j->stack || !rwkv__buf_reserve(&j->pool, len + 1)) return rwkv__oom(err, "parsing JSON");
    if (!rwkv__json_value(j, root, 0)) {
        size_t line = 1, col = 1, q;
        for (q = 0; q < j->pos && q < len; q++) { if (data[q] == '\n') { line++; col = 1; } else col++; }
        return rwkv_error_set(err, strcmp(j->why, "out of memory") ? RWKV_ERR_FORMAT : RWKV_ERR_MEMORY,
                              "%s: JSON error at byte %zu (line %zu, column %zu): %s", name, j->pos, line, col, j->why);
    }
    rwkv__json_ws(j);
    if (j->pos != len)
        return rwkv_error_set(err, RWKV_ERR_FORMAT, "%s: JSON error at byte %zu: text after the end of the document", name, j->pos);
    return RWKV_OK;
}

rwkv_status rwkv_json_get_string(const char *json, size_t len, const char *key, char **out,
                                 size_t *out_len, rwkv_error *err)
{
    rwkv__json j;
    rwkv__jv root;
    const rwkv__jv *v;
    rwkv_status st = rwkv__json_parse(&j, json, len, "rwkv_json_get_string", &root, err);
    *out = NULL;
    if (out_len) *out_len = 0;
    if (st == RWKV_OK && root.type != RWKV__J_OBJ)
        st = rwkv_error_set(err, RWKV_ERR_FORMAT, "rwkv_json_get_string: the JSON text is not an object");
    if (st == RWKV_OK && (v = rwkv__json_get(&j, &root, key)) != NULL && v->type == RWKV__J_STR) {
        if ((*out = (char *)malloc((size_t)v->n + 1)) == NULL) {
            st = rwkv__oom(err, "reading a JSON string");
        } else {
            memcpy(*out, j.pool.p + v->a, v->n);
            (*out)[v->n] = '\0';
            if (out_len) *out_len = v->n;
        }
    }
    rwkv__json_free(&j);
    return st;
}

/* ==== Pile / HuggingFace BPE: the model and its loading ================================= */

/* Pair -> merge map for BPE: key (left id << 32 | right id), value rank and merged id. */
typedef struct rwkv__merge {
    uint64_t key; /* 0 = empty slot; stored as key + 1 */
    int32_t rank, id;
} rwkv__merge;

/* What the Pile encoder needs beyond the token table of rwkv_tokenizer (its ext_data). */
typedef struct rwkv__pile {
    int32_t byte_token[256];   /* id of the single-byte token of each byte, -1 none */
    rwkv__merge *merges;
    size_t merge_mask;
    rwkv__trie added_raw;      /* added tokens matched before normalization */
    rwkv__trie added_norm;     /* added tokens matched on normalized text */
    int n_added_raw, n_added_norm;
    int normalize_nfc;
    int add_prefix_space;
    int use_regex;
    int ignore_merges;
    /* token bytes -> vocab id: open addressing over ids, -1 empty (merges at load;
       ignore_merges) */
    int32_t *vocab_index;
    size_t vocab_mask;
} rwkv__pile;

static void rwkv__pile_free(void *data)
{
    rwkv__pile *p = (rwkv__pile *)data;
    if (!p) return;
    free(p->merges);
    rwkv__trie_free(&p->added_raw);
    rwkv__trie_free(&p->added_norm);
    free(p->vocab_index);
    free(p);
}

static uint64_t rwkv__hash_bytes(const void *data, size_t n)
{
    /* FNV-1a, then a final mix so the low bits are usable as a table index. */
    const unsigned char *s = (const unsigned char *)data;
    uint64_t h = 1469598103934665603ULL;
    size_t i;
    for (i = 0; i < n; i++) h = (h ^ s[i]) * 1099511628211ULL;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 32;
    return h;
}

static uint64_t rwkv__mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* GPT-2's byte <-> code point mapping: printable Latin-1 bytes map to themselves, the other
   68 bytes to U+0100.. in byte order. cp_to_byte: -1 for code points outside the mapping. */
static void rwkv__bytelevel_map(int16_t cp_to_byte[324])
{
    int b, n = 0;
    for (b = 0; b < 324; b++) cp_to_byte[b] = -1;
    for (b = 0; b < 256; b++) {
        int printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
        cp_to_byte[printable ? b : 256 + n++] = (int16_t)b;
    }
}

/* Converts a token string of byte-level characters back to bytes, appending to out. When a
   character is outside the mapping the raw UTF-8 is kept (HF's ByteLevel decoder does the
   same per token). */
static int rwkv__bytelevel_decode(const unsigned char *s, size_t n, const int16_t *cp_to_byte,
                                  rwkv__buf *out)
{
    size_t i = 0, start = out->n;
    while (i < n) {
        int32_t cp;
        i += (size_t)rwkv__utf8_get(s + i, n - i, &cp);
        if (cp < 0 || cp >= 324 || cp_to_byte[cp] < 0) {
            out->n = start;
            return rwkv__buf_add(out, s, n);
        }
        {
            char b = (char)cp_to_byte[cp];
            if (!rwkv__buf_add(out, &b, 1)) return 0;
        }
    }
    return 1;
}

static size_t rwkv__merge_slot(const rwkv__pile *p, uint64_t key)
{
    return (size_t)rwkv__mix64(key) & p->merge_mask;
}

static const rwkv__merge *rwkv__merge_find(const rwkv__pile *p, int32_t a, int32_t b)
{
    uint64_t key = (((uint64_t)(uint32_t)a << 32) | (uint32_t)b) + 1;
    size_t i = rwkv__merge_slot(p, key);
    for (;;) {
        const rwkv__merge *m = &p->merges[i];
        if (m->key == key) return m;
        if (m->key == 0) return NULL;
        i = (i + 1) & p->merge_mask;
    }
}

/* The id of the model token whose bytes are s[0..n), or -1. */
static int32_t rwkv__vocab_find(const rwkv__pile *p, const rwkv_tokenizer *t, const char *s,
                                size_t n)
{
    size_t i = (size_t)rwkv__hash_bytes(s, n) & p->vocab_mask;
    for (;;) {
        int32_t id = p->vocab_index[i];
        if (id < 0) return -1;
        if ((size_t)t->tok_len[id] == n && memcmp(t->blob + t->tok_off[id], s, n) == 0) return id;
        i = (i + 1) & p->vocab_mask;
    }
}

#define RWKV__BAD(...) return rwkv_error_set(err, RWKV_ERR_FORMAT, __VA_ARGS__)
#define RWKV__UNSUP(...) return rwkv_error_set(err, RWKV_ERR_UNSUPPORTED, __VA_ARGS__)
#define RWKV__CLIP(n) (int)((n) > 40 ? 40 : (n)) /* the most of a name a message quotes */

/* model: a BPE without the options this encoder does not implement; its vocab and merges. */
static rwkv_status rwkv__pile_model(const rwkv__json *j, const rwkv__jv *root, const char *name,
                                    rwkv__pile *p, const rwkv__jv **vocab,
                                    const rwkv__jv **merges, rwkv_error *err)
{
    const rwkv__jv *model, *v;
    if (root->type != RWKV__J_OBJ) RWKV__BAD("%s: not a tokenizer JSON object", name);
    model = rwkv__json_get(j, root, "model");
    if (!model || model->type != RWKV__J_OBJ) RWKV__BAD("%s: no \"model\" object", name);
    v = rwkv__json_get(j, model, "type");
    if (v && !rwkv__json_streq(j, v, "BPE")) RWKV__UNSUP("%s: model.type is not \"BPE\" (only BPE models are supported)", name);
    *vocab = rwkv__json_get(j, model, "vocab");
    *merges = rwkv__json_get(j, model, "merges");
    if (!*vocab || (*vocab)->type != RWKV__J_OBJ) RWKV__BAD("%s: model.vocab is missing or not an object", name);
    if (!*merges || (*merges)->type != RWKV__J_ARR) RWKV__BAD("%s: model.merges is missing or not an array", name);
    if ((v = rwkv__json_get(j, model, "dropout")) && v->type != RWKV__J_NULL && !(v->type == RWKV__J_NUM && v->ival == 0))
        RWKV__UNSUP("%s: BPE dropout is not supported", name);
    if ((v = rwkv__json_get(j, model, "continuing_subword_prefix")) && v->type != RWKV__J_NULL && !(v->type == RWKV__J_STR && v->n == 0))
        RWKV__UNSUP("%s: model.continuing_subword_prefix is not supported", name);
    if ((v = rwkv__json_get(j, model, "end_of_word_suffix")) && v->type != RWKV__J_NULL && !(v->type == RWKV__J_STR && v->n == 0))
        RWKV__UNSUP("%s: model.end_of_word_suffix is not supported", name);
    if ((v = rwkv__json_get(j, model, "byte_fallback")) && v->type == RWKV__J_TRUE)
        RWKV__UNSUP("%s: model.byte_fallback is not supported", name);
    p->ignore_merges = (v = rwkv__json_get(j, model, "ignore_merges")) && v->type == RWKV__J_TRUE;
    return RWKV_OK;
}

/* normalizer (null or NFC) and pre_tokenizer (ByteLevel). */
static rwkv_status rwkv__pile_pipeline(const rwkv__json *j, const rwkv__jv *root, const char *name,
                                       rwkv__pile *p, rwkv_error *err)
{
    const rwkv__jv *v = rwkv__json_get(j, root, "normalizer"), *ty, *o;
    if (v && v->type != RWKV__J_NULL) {
        ty = rwkv__json_get(j, v, "type");
        if (!rwkv__json_streq(j, ty, "NFC"))
            RWKV__UNSUP("%s: normalizer %.*s is not supported (only NFC or none)", name,
                        ty && ty->type == RWKV__J_STR ? RWKV__CLIP(ty->n) : 1,
                        ty && ty->type == RWKV__J_STR ? j->pool.p + ty->a : "?");
        p->normalize_nfc = 1;
    }
    v = rwkv__json_get(j, root, "pre_tokenizer");
    ty = v ? rwkv__json_get(j, v, "type") : NULL;
    if (!rwkv__json_streq(j, ty, "ByteLevel"))
        RWKV__UNSUP("%s: pre_tokenizer must be ByteLevel (the only kind supported)", name);
    p->add_prefix_space = (o = rwkv__json_get(j, v, "add_prefix_space")) && o->type == RWKV__J_TRUE;
    o = rwkv__json_get(j, v, "use_regex");
    p->use_regex = !(o && o->type == RWKV__J_FALSE);
    return RWKV_OK;
}

/* The highest id of model.vocab and added_tokens, every id and added token checked. */
static rwkv_status rwkv__pile_max_id(const rwkv__json *j, const rwkv__jv *vocab, const rwkv__jv *added,
                                     const char *name, int *max_id, rwkv_error *err)
{
    size_t k;
    *max_id = -1;
    for (k = 0; k < vocab->n; k++) {
        const rwkv__jv *m = &j->vals[vocab->a + k];
        if (m->type != RWKV__J_NUM || m->ival < 0)
            RWKV__BAD("%s: model.vocab[\"%.*s\"] is not a token id (an integer in 0..16777215)", name,
                      RWKV__CLIP(m->key_len), j->pool.p + m->key_off);
        if (m->ival > *max_id) *max_id = m->ival;
    }
    if (added && added->type != RWKV__J_ARR && added->type != RWKV__J_NULL) RWKV__BAD("%s: added_tokens is not an array", name);
    for (k = 0; added && added->type == RWKV__J_ARR && k < added->n; k++) {
        const rwkv__jv *a = &j->vals[added->a + k], *id = rwkv__json_get(j, a, "id"), *c = rwkv__json_get(j, a, "content");
        if (!id || id->type != RWKV__J_NUM || id->ival < 0)
            RWKV__BAD("%s: added_tokens[%zu].id is missing or not an integer in 0..16777215", name, k);
        if (!c || c->type != RWKV__J_STR || c->n == 0) RWKV__BAD("%s: added_tokens[%zu].content is missing or empty", name, k);
        if (id->ival > *max_id) *max_id = id->ival;
    }
    if (*max_id < 0) RWKV__BAD("%s: empty vocabulary", name);
    return RWKV_OK;
}

/* The bytes of every model.vocab token (the byte-level mapping undone) into blob, then the
   index from bytes to id and the single-byte tokens. t->blob is blob->p afterwards. */
static rwkv_status rwkv__pile_vocab(rwkv_tokenizer *t, rwkv__pile *p, const rwkv__json *j,
                                    const rwkv__jv *vocab, const int16_t *cp_to_byte,
                                    rwkv__buf *blob, const char *name, rwkv_error *err)
{
    size_t k;
    /* allocated before any token, so that an empty one ("": 9) points into a buffer, not at
       NULL + 0 */
    if (!rwkv__buf_reserve(blob, 1)) return rwkv__oom(err, "loading the tokenizer");
    for (k = 0; k < vocab->n; k++) {
        const rwkv__jv *m = &j->vals[vocab->a + k];
        int id = m->ival;
        if (t->tok_len[id] >= 0)
            RWKV__BAD("%s: model.vocab: id %d is used twice (\"%.*s\")", name, id, RWKV__CLIP(m->key_len), j->pool.p + m->key_off);
        t->tok_off[id] = (uint32_t)blob->n;
        if (!rwkv__bytelevel_decode((const unsigned char *)j->pool.p + m->key_off, m->key_len, cp_to_byte, blob))
            return rwkv__oom(err, "loading the tokenizer");
        t->tok_len[id] = (int32_t)(blob->n - t->tok_off[id]);
    }
    t->blob = blob->p;
    /* over model tokens only: merges and BPE never see added ones */
    p->vocab_mask = rwkv__pow2_at_least(vocab->n * 2 + 16) - 1;
    p->vocab_index = (int32_t *)malloc((p->vocab_mask + 1) * sizeof(int32_t));
    if (!p->vocab_index) return rwkv__oom(err, "loading the tokenizer");
    for (k = 0; k <= p->vocab_mask; k++) p->vocab_index[k] = -1;
    for (k = 0; k < vocab->n; k++) {
        int32_t id = j->vals[vocab->a + k].ival;
        size_t i = (size_t)rwkv__hash_bytes(t->blob + t->tok_off[id], (size_t)t->tok_len[id]) & p->vocab_mask;
        while (p->vocab_index[i] >= 0) i = (i + 1) & p->vocab_mask;
        p->vocab_index[i] = id;
    }
    for (k = 0; k < 256; k++) {
        char b = (char)k;
        p->byte_token[k] = rwkv__vocab_find(p, t, &b, 1);
    }
    return RWKV_OK;
}

/* One entry of model.merges ("left right", or ["left", "right"]): the ids of the two parts
   and of the merged token. tmp is scratch space. */
static rwkv_status rwkv__pile_merge_ids(const rwkv_tokenizer *t, const rwkv__pile *p, const rwkv__json *j,
                                        const rwkv__jv *m, size_t k, const int16_t *cp_to_byte,
                                        rwkv__buf *tmp, int32_t ids[3], const char *name, rwkv_error *err)
{
    const char *parts[2];
    size_t plen[2];
    int i;
    if (m->type == RWKV__J_STR) {
        const char *s = j->pool.p + m->a, *sp = (const char *)memchr(s, ' ', m->n);
        if (!sp) RWKV__BAD("%s: model.merges[%zu] \"%.*s\" is not two tokens separated by a space", name, k, RWKV__CLIP(m->n), s);
        parts[0] = s; plen[0] = (size_t)(sp - s);
        parts[1] = sp + 1; plen[1] = m->n - plen[0] - 1;
    } else if (m->type == RWKV__J_ARR && m->n == 2 && j->vals[m->a].type == RWKV__J_STR && j->vals[m->a + 1].type == RWKV__J_STR) {
        parts[0] = j->pool.p + j->vals[m->a].a; plen[0] = j->vals[m->a].n;
        parts[1] = j->pool.p + j->vals[m->a + 1].a; plen[1] = j->vals[m->a + 1].n;
    } else {
        RWKV__BAD("%s: model.merges[%zu] is neither a string nor a pair of strings", name, k);
    }
    tmp->n = 0;
    for (i = 0; i < 2; i++) {
        size_t start = tmp->n;
        if (!rwkv__bytelevel_decode((const unsigned char *)parts[i], plen[i], cp_to_byte, tmp)) return rwkv__oom(err, "loading the tokenizer");
        ids[i] = rwkv__vocab_find(p, t, tmp->p + start, tmp->n - start);
        if (ids[i] < 0)
            RWKV__BAD("%s: model.merges[%zu] names token \"%.*s\", which is not in model.vocab", name, k, RWKV__CLIP(plen[i]), parts[i]);
    }
    ids[2] = rwkv__vocab_find(p, t, tmp->p, tmp->n);
    if (ids[2] < 0)
        RWKV__BAD("%s: model.merges[%zu] \"%.*s %.*s\": the merged token is not in model.vocab", name, k,
                  RWKV__CLIP(plen[0]), parts[0], RWKV__CLIP(plen[1]), parts[1]);
    return RWKV_OK;
}

/* The merge table; rank = position in model.merges. */
static rwkv_status rwkv__pile_merges(const rwkv_tokenizer *t, rwkv__pile *p, const rwkv__json *j,
                                     const rwkv__jv *merges, const int16_t *cp_to_byte,
                                     const char *name, rwkv_error *err)
{
    rwkv__buf tmp = {0, 0, 0};
    rwkv_status st = RWKV_OK;
    size_t k;
    p->merge_mask = rwkv__pow2_at_least(merges->n * 2 + 16) - 1;
    p->merges = (rwkv__merge *)calloc(p->merge_mask + 1, sizeof(rwkv__merge));
    /* tmp allocated first: an empty merge part (" a") then points into it, not at NULL + 0 */
    if (!p->merges || !rwkv__buf_reserve(&tmp, 1)) {
        free(tmp.p);
        return rwkv__oom(err, "loading the tokenizer");
    }
    for (k = 0; k < merges->n && st == RWKV_OK; k++) {
        int32_t ids[3];
        uint64_t key;
        size_t i;
        st = rwkv__pile_merge_ids(t, p, j, &j->vals[merges->a + k], k, cp_to_byte, &tmp, ids, name, err);
        if (st != RWKV_OK) break;
        key = (((uint64_t)(uint32_t)ids[0] << 32) | (uint32_t)ids[1]) + 1;
        i = rwkv__merge_slot(p, key);
        while (p->merges[i].key != 0 && p->merges[i].key != key) i = (i + 1) & p->merge_mask;
        /* a repeated pair: the later rank wins, as in HF's HashMap insert */
        p->merges[i].key = key;
        p->merges[i].rank = (int32_t)k;
        p->merges[i].id = ids[2];
    }
    free(tmp.p);
    return st;
}

/* One entry of added_tokens: its bytes (as HF's decoder produces them) and its place in the
   trie it is matched with. */
static rwkv_status rwkv__pile_added_one(rwkv_tokenizer *t, rwkv__pile *p, const rwkv__json *j,
                                        const rwkv__jv *a, size_t k, const int16_t *cp_to_byte,
                                        rwkv__buf *blob, rwkv__buf *tmp, const char *name, rwkv_error *err)
{
    static const char *const flags[3] = {"single_word", "lstrip", "rstrip"};
    const rwkv__jv *c = rwkv__json_get(j, a, "content"), *o;
    int id = rwkv__json_get(j, a, "id")->ival, f;
    int normalized = !((o = rwkv__json_get(j, a, "normalized")) && o->type == RWKV__J_FALSE);
    int special = (o = rwkv__json_get(j, a, "special")) && o->type == RWKV__J_TRUE;
    const unsigned char *content = (const unsigned char *)j->pool.p + c->a;
    rwkv__trie *trie = normalized ? &p->added_norm : &p->added_raw;
    uint32_t node;
    for (f = 0; f < 3; f++)
        if ((o = rwkv__json_get(j, a, flags[f])) && o->type == RWKV__J_TRUE)
            RWKV__UNSUP("%s: added_tokens[%zu] (id %d) sets %s, which is not supported", name, k, id, flags[f]);
    if (t->tok_len[id] < 0 || special) {
        /* an id only in added_tokens (or special): its decoded bytes are the content */
        t->tok_off[id] = (uint32_t)blob->n;
        if (!rwkv__bytelevel_decode(content, c->n, cp_to_byte, blob)) return rwkv__oom(err, "loading the tokenizer");
        t->tok_len[id] = (int32_t)(blob->n - t->tok_off[id]);
    }
    t->special[id] = (unsigned char)special;
    tmp->n = 0;
    if (normalized && p->normalize_nfc ? !rwkv__nfc_append(content, c->n, tmp, 1) : !rwkv__buf_add(tmp, content, c->n))
        return rwkv__oom(err, "loading the tokenizer");
    if (!(node = rwkv__trie_insert(trie, (const unsigned char *)tmp->p, tmp->n))) return rwkv__oom(err, "loading the tokenizer");
    trie->token[node] = id;
    if (normalized) p->n_added_norm++;
    else p->n_added_raw++;
    return RWKV_OK;
}

static rwkv_status rwkv__pile_added(rwkv_tokenizer *t, rwkv__pile *p, const rwkv__json *j,
                                    const rwkv__jv *added, const int16_t *cp_to_byte,
                                    rwkv__buf *blob, const char *name, rwkv_error *err)
{
    rwkv__buf tmp = {0, 0, 0};
    rwkv_status st = RWKV_OK;
    size_t k;
    if (!rwkv__trie_init(&p->added_raw, 64) || !rwkv__trie_init(&p->added_norm, 64))
        return rwkv__oom(err, "loading the tokenizer");
    for (k = 0; added && added->type == RWKV__J_ARR && k < added->n && st == RWKV_OK; k++)
        st = rwkv__pile_added_one(t, p, j, &j->vals[added->a + k], k, cp_to_byte, blob, &tmp, name, err);
    free(tmp.p);
    return st;
}

#undef RWKV__BAD
#undef RWKV__UNSUP
#undef RWKV__CLIP

static rwkv_status rwkv__pile_encode(const rwkv_tokenizer *t, const unsigned char *s, size_t n,
                                     rwkv__ivec *ids, rwkv_error *err);
static const rwkv__tokenizer_ext rwkv__pile_ext = {rwkv__pile_encode, rwkv__pile_free};

rwkv_status rwkv_pile_load(const char *json, size_t len, const char *name, rwkv_tokenizer **out,
                           rwkv_error *err)
{
    rwkv__json j;
    rwkv__jv root;
    const rwkv__jv *vocab = NULL, *merges = NULL, *added;
    rwkv_tokenizer *t = rwkv__tok_alloc(RWKV_TOKENIZER_PILE);
    rwkv__pile *p = (rwkv__pile *)calloc(1, sizeof *p);
    rwkv__buf blob = {0, 0, 0};
    int16_t cp_to_byte[324];
    int max_id = -1, k;
    rwkv_status st;

    *out = NULL;
    if (!t || !p) {
        free(t);
        free(p);
        return rwkv__oom(err, "loading the tokenizer");
    }
    t->ext = &rwkv__pile_ext;
    t->ext_data = p;
    for (k = 0; k < 256; k++) p->byte_token[k] = -1;
    rwkv__bytelevel_map(cp_to_byte);
    st = rwkv__json_parse(&j, json, len, name, &root, err);
    added = st == RWKV_OK ? rwkv__json_get(&j, &root, "added_tokens") : NULL;
    if (st == RWKV_OK) st = rwkv__pile_model(&j, &root, name, p, &vocab, &merges, err);
    if (st == RWKV_OK) st = rwkv__pile_pipeline(&j, &root, name, p, err);
    if (st == RWKV_OK) st = rwkv__pile_max_id(&j, vocab, added, name, &max_id, err);
    if (st == RWKV_OK && !rwkv__tok_tables(t, max_id + 1)) st = rwkv__oom(err, "loading the tokenizer");
    if (st == RWKV_OK) st = rwkv__pile_vocab(t, p, &j, vocab, cp_to_byte, &blob, name, err);
    if (st == RWKV_OK) st = rwkv__pile_merges(t, p, &j, merges, cp_to_byte, name, err);
    if (st == RWKV_OK) st = rwkv__pile_added(t, p, &j, added, cp_to_byte, &blob, name, err);
    rwkv__json_free(&j);
    t->blob = blob.p; /* the buffer may have moved since the vocabulary was read */
    if (st != RWKV_OK) {
        rwkv_tokenizer_free(t);
        return st;
    }
    *out = t;
    return RWKV_OK;
}

/* ==== Pile / HuggingFace BPE: encoding ================================================= */

/* ---- BPE of one word ------------------------------------------------------------------- */

typedef struct rwkv__sym {
    int32_t id;
    int32_t prev, next;         /* linked list over the word; -1 ends */
    int32_t alive;
    int32_t pair_rank, pair_id; /* the merge of (this, next): rank and result; -1 none */
} rwkv__sym;

struct rwkv__centry {
    uint64_t hash;               /* 0 = empty */
    uint32_t bytes_off, n_bytes; /* in cache_bytes */
    uint32_t ids_off, n_ids;     /* in cache_ids */
};

/* Per-call scratch space, grown as needed. */
typedef struct rwkv__scratch {
    const rwkv_tokenizer *tok; /* the token table (the rwkv__pile is its ext_data) */
    rwkv__sym *sym;
    size_t cap_sym;
    uint64_t *heap; /* (rank << 32 | position), a min-heap */
    size_t cap_heap;
    int32_t *cls;   /* per code point of a segment: property class */
    int32_t *cp;
    uint32_t *off;  /* byte offset of each code point; off[n] = segment length */
    size_t cap_cp;
    rwkv__buf norm;
    rwkv__buf prefixed;
    /* word cache for one call: text repeats its words, BPE of a word is a pure function */
    struct rwkv__centry *cache;
    size_t cache_mask, cache_used;
    rwkv__buf cache_bytes;
    rwkv__ivec cache_ids;
} rwkv__scratch;

#define RWKV__CACHE_MAX_WORD 32     /* longer pieces are rare and not worth caching */
#define RWKV__CACHE_MAX_ENTRIES 65536

static void rwkv__scratch_free(rwkv__scratch *s)
{
    free(s->sym);
    free(s->heap);
    free(s->cls);
    free(s->cp);
    free(s->off);
    free(s->norm.p);
    free(s->prefixed.p);
    free(s->cache);
    free(s->cache_bytes.p);
    free(s->cache_ids.p);
}

static void rwkv__heap_push(uint64_t *h, size_t *n, uint64_t x)
{
    size_t i = (*n)++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (h[parent] <= x) break;
        h[i] = h[parent];
        i = parent;
    }
    h[i] = x;
}

static uint64_t rwkv__heap_pop(uint64_t *h, size_t *n)
{
    uint64_t top = h[0], x = h[--(*n)];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= *n) break;
        if (c + 1 < *n && h[c + 1] < h[c]) c++;
        if (h[c] >= x) break;
        h[i] = h[c];
        i = c;
    }
    if (*n) h[i] = x;
    return top;
}

static void rwkv__bpe_consider(const rwkv__pile *p, rwkv__scratch *sc, size_t *nh, int32_t pos)
{
    int32_t nx = sc->sym[pos].next;
    const rwkv__merge *m = nx < 0 ? NULL : rwkv__merge_find(p, sc->sym[pos].id, sc->sym[nx].id);
    /* the symbol remembers its current pair, so a popped heap entry is checked without
       another hash look-up */
    sc->sym[pos].pair_rank = m ? m->rank : -1;
    sc->sym[pos].pair_id = m ? m->id : -1;
    if (m) rwkv__heap_push(sc->heap, nh, ((uint64_t)(uint32_t)m->rank << 32) | (uint32_t)pos);
}

/* HF silently drops a byte without a token (there is no unk_token); losing input silently
   is worse, so it is an error. For the 20B vocabulary these are only bytes that never occur
   in valid UTF-8 (C0, C1, F5..FF). */
static rwkv_status rwkv__no_byte_token(unsigned char b, rwkv_error *err)
{
    return rwkv_error_set(err, RWKV_ERR_ARGUMENT,
                          "byte 0x%02X has no token in this vocabulary (it cannot occur in valid UTF-8 text)", b);
}

static rwkv_status rwkv__bpe_word(const rwkv__pile *p, rwkv__scratch *sc,
                                  const unsigned char *w, size_t n, rwkv__ivec *ids,
                                  rwkv_error *err)
{
    size_t i, nsym = 0, nh = 0;
    if (n == 0) return RWKV_OK;
    if (n == 1) { /* the common case of one-byte pieces (punctuation, single letters) */
        int32_t id = p->byte_token[w[0]];
        if (id < 0)
            return rwkv__no_byte_token(w[0], err);
        return rwkv__ivec_push(ids, id) ? RWKV_OK : rwkv__oom(err, "tokenizing");
    }
    if (p->ignore_merges) {
        int32_t id = rwkv__vocab_find(p, sc->tok, (const char *)w, n);
        if (id >= 0) return rwkv__ivec_push(ids, id) ? RWKV_OK : rwkv__oom(err, "tokenizing");
    }
    if (n > sc->cap_sym) {
        size_t cap = rwkv__pow2_at_least(n);
        rwkv__sym *s = (rwkv__sym *)realloc(sc->sym, cap * sizeof(rwkv__sym));
        uint64_t *h;
        if (!s) return rwkv__oom(err, "tokenizing");
        sc->sym = s;
        /* each merge adds at most 2 entries on top of the initial n - 1 */
        h = (uint64_t *)realloc(sc->heap, cap * 3 * sizeof(uint64_t));
        if (!h) return rwkv__oom(err, "tokenizing");
        sc->heap = h;
        sc->cap_sym = cap;
    }
    for (i = 0; i < n; i++) {
        int32_t id = p->byte_token[w[i]];
        if (id < 0)
            return rwkv__no_byte_token(w[i], err);
        sc->sym[nsym].id = id;
        sc->sym[nsym].prev = (int32_t)nsym - 1;
        sc->sym[nsym].next = (int32_t)nsym + 1;
        sc->sym[nsym].alive = 1;
        sc->sym[nsym].pair_rank = -1;
        nsym++;
    }
    sc->sym[nsym - 1].next = -1;
    for (i = 0; i + 1 < nsym; i++) rwkv__bpe_consider(p, sc, &nh, (int32_t)i);
    while (nh > 0) {
        uint64_t top = rwkv__heap_pop(sc->heap, &nh);
        int32_t pos = (int32_t)(uint32_t)top, rank = (int32_t)(top >> 32), nx;
        /* stale entries: the symbol was absorbed, or its pair changed since the push */
        if (!sc->sym[pos].alive || sc->sym[pos].pair_rank != rank) continue;
        nx = sc->sym[pos].next;
        sc->sym[pos].id = sc->sym[pos].pair_id;
        sc->sym[nx].alive = 0;
        sc->sym[pos].next = sc->sym[nx].next;
        if (sc->sym[nx].next >= 0) sc->sym[sc->sym[nx].next].prev = pos;
        if (sc->sym[pos].prev >= 0) rwkv__bpe_consider(p, sc, &nh, sc->sym[pos].prev);
        rwkv__bpe_consider(p, sc, &nh, pos);
    }
    for (i = 0; (int32_t)i >= 0; i = (size_t)sc->sym[i].next) {
        if (!rwkv__ivec_push(ids, sc->sym[i].id)) return rwkv__oom(err, "tokenizing");
        if (sc->sym[i].next < 0) break;
    }
    return RWKV_OK;
}

/* BPE through the per-call word cache. */
static rwkv_status rwkv__bpe_cached(const rwkv__pile *p, rwkv__scratch *sc,
                                    const unsigned char *w, size_t n, rwkv__ivec *ids,
                                    rwkv_error *err)
{
    uint64_t h;
    size_t i, start;
    rwkv_status st;
    struct rwkv__centry *e;
    if (n < 2 || n > RWKV__CACHE_MAX_WORD) return rwkv__bpe_word(p, sc, w, n, ids, err);
    if (!sc->cache) {
        sc->cache_mask = 255; /* grows; short inputs should not pay for a big table */
        sc->cache = (struct rwkv__centry *)calloc(sc->cache_mask + 1, sizeof *sc->cache);
        if (!sc->cache) return rwkv__oom(err, "tokenizing");
    }
    h = rwkv__hash_bytes(w, n) | 1;
    for (i = (size_t)h & sc->cache_mask;; i = (i + 1) & sc->cache_mask) {
        e = &sc->cache[i];
        if (e->hash == 0) break;
        if (e->hash == h && e->n_bytes == n && memcmp(sc->cache_bytes.p + e->bytes_off, w, n) == 0) {
            size_t k;
            for (k = 0; k < e->n_ids; k++)
                if (!rwkv__ivec_push(ids, sc->cache_ids.p[e->ids_off + k])) return rwkv__oom(err, "tokenizing");
            return RWKV_OK;
        }
    }
    start = ids->n;
    if ((st = rwkv__bpe_word(p, sc, w, n, ids, err)) != RWKV_OK) return st;
    if (sc->cache_used >= RWKV__CACHE_MAX_ENTRIES) return RWKV_OK; /* full: stop caching */
    if ((sc->cache_used + 1) * 2 > sc->cache_mask + 1) { /* grow, rehash */
        size_t cap = (sc->cache_mask + 1) * 2, k;
        struct rwkv__centry *c = (struct rwkv__centry *)calloc(cap, sizeof *c);
        if (!c) return RWKV_OK; /* caching is optional */
        for (k = 0; k <= sc->cache_mask; k++) {
            size_t j;
            if (!sc->cache[k].hash) continue;
            for (j = (size_t)sc->cache[k].hash & (cap - 1); c[j].hash; j = (j + 1) & (cap - 1)) {}
            c[j] = sc->cache[k];
        }
        free(sc->cache);
        sc->cache = c;
        sc->cache_mask = cap - 1;
        for (i = (size_t)h & sc->cache_mask; sc->cache[i].hash; i = (i + 1) & sc->cache_mask) {}
    }
    e = &sc->cache[i];
    e->bytes_off = (uint32_t)sc->cache_bytes.n;
    e->n_bytes = (uint32_t)n;
    e->ids_off = (uint32_t)sc->cache_ids.n;
    e->n_ids = (uint32_t)(ids->n - start);
    if (!rwkv__buf_add(&sc->cache_bytes, w, n)) return rwkv__oom(err, "tokenizing");
    for (i = start; i < ids->n; i++)
        if (!rwkv__ivec_push(&sc->cache_ids, ids->p[i])) return rwkv__oom(err, "tokenizing");
    e->hash = h; /* last: the entry exists only once complete */
    sc->cache_used++;
    return RWKV_OK;
}

/* ---- the GPT-2 split -------------------------------------------------------------------- */

/* Splits s[0..n) (normalized text without added tokens) into pieces and BPEs each. */
static rwkv_status rwkv__pile_pretokenize(const rwkv__pile *pile, rwkv__scratch *sc,
                                          const unsigned char *s, size_t n, rwkv__ivec *ids,
                                          rwkv_error *err)
{
    size_t ncp = 0, i;
    rwkv_status st;
    if (n == 0) return RWKV_OK;
    if (pile->add_prefix_space && s[0] != ' ') {
        sc->prefixed.n = 0;
        if (!rwkv__buf_add(&sc->prefixed, " ", 1) || !rwkv__buf_add(&sc->prefixed, s, n)) return rwkv__oom(err, "tokenizing");
        s = (const unsigned char *)sc->prefixed.p;
        n = sc->prefixed.n;
    }
    if (!pile->use_regex) return rwkv__bpe_word(pile, sc, s, n, ids, err);
    if (n + 1 > sc->cap_cp) {
        size_t cap = rwkv__pow2_at_least(n + 1);
        int32_t *a = (int32_t *)realloc(sc->cls, cap * sizeof(int32_t));
        int32_t *b;
        uint32_t *c;
        if (a) sc->cls = a;
        b = (int32_t *)realloc(sc->cp, cap * sizeof(int32_t));
        if (b) sc->cp = b;
        c = (uint32_t *)realloc(sc->off, cap * sizeof(uint32_t));
        if (c) sc->off = c;
        if (!a || !b || !c) return rwkv__oom(err, "tokenizing");
        sc->cap_cp = cap;
    }
    for (i = 0; i < n;) {
        int32_t cp;
        int k;
        if (s[i] < 0x80) { cp = s[i]; k = 1; }
        else k = rwkv__utf8_get(s + i, n - i, &cp);
        sc->cp[ncp] = cp;
        sc->cls[ncp] = (int32_t)(rwkv__uprop(cp) & 3);
        sc->off[ncp] = (uint32_t)i;
        ncp++;
        i += (size_t)k;
    }
    sc->off[ncp] = (uint32_t)n;
    {
        const int32_t *cls = sc->cls, *cp = sc->cp;
        size_t p = 0;
        while (p < ncp) {
            size_t e = p; /* the match is cp[p .. e) */
            int32_t c = cp[p];
            if (c == '\'' && p + 1 < ncp &&
                (cp[p + 1] == 's' || cp[p + 1] == 't' || cp[p + 1] == 'm' || cp[p + 1] == 'd')) {
                e = p + 2;
            } else if (c == '\'' && p + 2 < ncp &&
                       ((cp[p + 1] == 'r' && cp[p + 2] == 'e') || (cp[p + 1] == 'v' && cp[p + 2] == 'e') ||
                        (cp[p + 1] == 'l' && cp[p + 2] == 'l'))) {
                e = p + 3;
            } else {
                /* ` ?X+` for X = letters, numbers, other: the optional space joins the run */
                size_t q = p;
                int32_t k;
                if (c == ' ' && p + 1 < ncp && cls[p + 1] != RWKV__UC_S) q = p + 1;
                k = cls[q];
                if (k != RWKV__UC_S) {
                    e = q + 1;
                    while (e < ncp && cls[e] == k) e++;
                } else {
                    /* \s+(?!\S) | \s+ : a whitespace run; when a non-space follows, leave its
                       last character to start the next piece (unless the run is 1 long) */
                    e = p + 1;
                    while (e < ncp && cls[e] == RWKV__UC_S) e++;
                    if (e < ncp && e - p >= 2) e--;
                }
            }
            st = rwkv__bpe_cached(pile, sc, s + sc->off[p], sc->off[e] - sc->off[p], ids, err);
            if (st != RWKV_OK) return st;
            p = e;
        }
    }
    return RWKV_OK;
}

/* Splits s[0..n) on the added tokens of trie (leftmost-longest), calling `rest` on the text
   between them. */
typedef rwkv_status (*rwkv__segment_fn)(const rwkv__pile *p, rwkv__scratch *sc,
                                        const unsigned char *s, size_t n, rwkv__ivec *ids,
                                        rwkv_error *err);

static rwkv_status rwkv__split_added(const rwkv__pile *p, const rwkv__trie *trie, int n_added,
                                     rwkv__scratch *sc, const unsigned char *s, size_t n,
                                     rwkv__segment_fn rest, rwkv__ivec *ids, rwkv_error *err)
{
    size_t start = 0, i = 0;
    rwkv_status st;
    if (n_added == 0) return rest(p, sc, s, n, ids, err);
    while (i < n) {
        size_t m = 0;
        int32_t id = trie->root[s[i]] ? rwkv__trie_longest(trie, s + i, n - i, &m) : -1;
        if (id < 0) { i++; continue; }
        if ((st = rest(p, sc, s + start, i - start, ids, err)) != RWKV_OK) return st;
        if (!rwkv__ivec_push(ids, id)) return rwkv__oom(err, "tokenizing");
        i += m;
        start = i;
    }
    return rest(p, sc, s + start, n - start, ids, err);
}

static rwkv_status rwkv__pile_after_norm(const rwkv__pile *p, rwkv__scratch *sc,
                                         const unsigned char *s, size_t n, rwkv__ivec *ids,
                                         rwkv_error *err)
{
    return rwkv__split_added(p, &p->added_norm, p->n_added_norm, sc, s, n, rwkv__pile_pretokenize, ids, err);
}

static rwkv_status rwkv__pile_normalize(const rwkv__pile *p, rwkv__scratch *sc,
                                        const unsigned char *s, size_t n, rwkv__ivec *ids,
                                        rwkv_error *err)
{
    if (p->normalize_nfc && rwkv__needs_nfc(s, n)) {
        rwkv__buf norm = {0, 0, 0};
        rwkv_status st;
        if (!rwkv__nfc_append(s, n, &norm, 1)) { free(norm.p); return rwkv__oom(err, "normalizing"); }
        st = rwkv__pile_after_norm(p, sc, (const unsigned char *)norm.p, norm.n, ids, err);
        free(norm.p);
        return st;
    }
    return rwkv__pile_after_norm(p, sc, s, n, ids, err);
}

/* The Pile encoder: rwkv_tokenize calls it through rwkv__pile_ext. */
static rwkv_status rwkv__pile_encode(const rwkv_tokenizer *t, const unsigned char *s, size_t n,
                                     rwkv__ivec *ids, rwkv_error *err)
{
    const rwkv__pile *p = (const rwkv__pile *)t->ext_data;
    rwkv__scratch sc;
    rwkv_status st;
    memset(&sc, 0, sizeof sc);
    sc.tok = t;
    st = rwkv__split_added(p, &p->added_raw, p->n_added_raw, &sc, s, n, rwkv__pile_normalize, ids, err);
    rwkv__scratch_free(&sc);
    return st;
}

/* ==== the Unicode tables and their look-ups ============================================ */

/* BEGIN GENERATED by tools/gen_unicode_tables.py from the Unicode 15.0.0 character database
   (Debian unicode-data: UnicodeData.txt, PropList.txt, DerivedNormalizationProps.txt,
   DerivedAge.txt), plus CJK Extension I (Unicode 15.1) as letters. Do not edit: run
   `python3 tools/gen_unicode_tables.py [UCD_DIR]`, which rewrites this part in place. */
#if RWKV__UC_OTHER != 0 || RWKV__UC_L != 1 || RWKV__UC_N != 2 || RWKV__UC_S != 3 || \
    RWKV__UC_NFC != 4 || RWKV__UC_POST9 != 8
#error "the RWKV__UC_* values differ from those of tools/gen_unicode_tables.py"
#endif

/* prop(cp) = rwkv__uprop_blocks[rwkv__uprop_stage1[cp >> 8]][cp & 255] */
static const uint8_t rwkv__uprop_stage1[4352] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 1, 21, 22,
    23, 24, 25, 26, 27, 28, 1, 29, 30, 31, 32, 33, 34, 32, 32, 35, 32, 32, 36, 37, 38, 39, 40, 32,
    41, 42, 43, 32, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 44, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 45, 1, 1, 1, 1, 46, 1, 47, 48,
    49, 50, 51, 52, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 53,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 54, 55, 56, 1, 57, 58, 59, 60, 61, 62, 63, 64, 65, 1, 66,
    67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90,
    1, 1, 1, 91, 92, 93, 32, 32, 32, 32, 32, 32, 32, 32, 32, 94, 1, 1, 1, 1, 95, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 1, 1, 96, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    1, 1, 97, 98, 32, 32, 99, 100, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 101, 1, 1, 102, 103, 104, 105, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 106,
    107, 108, 109, 32, 32, 32, 32, 32, 32, 32, 32, 32, 110, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 111, 32, 112, 113, 114, 115, 116, 117, 118, 32, 32, 32, 32, 32, 32, 32, 119,
    120, 121, 122, 32, 123, 32, 32, 124, 125, 126, 32, 32, 127, 128, 129, 32, 32, 130, 131, 32, 32, 32, 132, 133,
    134, 135, 136, 137, 32, 32, 32, 32, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 138, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 139,
    140, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 141, 103,
    103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103,
    103, 103, 103, 142, 1, 1, 143, 32, 32, 32, 32, 32, 32, 32, 32, 32, 54, 54, 144, 32, 32, 32, 32, 32,
    103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 145, 103, 103, 103, 103,
    103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 103, 146, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32,
};
static const uint8_t rwkv__uprop_blocks[147][256] = {
  {
    0,0,0,0,0,0,0,0,0,3,3,3,3,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,
    0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,
    0,0,0,0,0,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    3,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,2,2,0,1,0,0,0,2,1,0,2,2,2,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,0,0,0,0,0,0,0,1,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,
    4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,
    4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,0,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,
    4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,1,1,1,1,5,0,1,1,0,0,1,1,1,1,4,1,
    0,0,0,0,0,0,1,4,1,1,1,0,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,0,4,4,4,4,4,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,0,0,0,0,0,0,
    9,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,9,0,0,0,0,0,0,0,0,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,
    4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,0,4,
    0,4,4,0,4,4,0,4,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,9,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,4,4,4,4,4,4,4,4,4,4,0,0,8,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,
    2,2,2,2,2,2,2,2,2,2,0,0,0,0,1,1,4,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,4,4,4,4,4,4,4,0,0,4,
    4,4,4,4,4,1,1,4,4,0,4,4,4,4,1,1,2,2,2,2,2,2,2,2,2,2,1,1,1,0,0,1,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,
    4,4,4,4,4,4,4,4,4,4,4,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    2,2,2,2,2,2,2,2,2,2,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,4,4,4,4,4,4,4,4,4,1,1,0,0,0,0,1,0,0,12,8,8,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,4,4,4,1,4,4,4,4,4,
    4,4,4,4,1,4,4,4,1,4,4,4,4,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,4,4,0,0,0,0,
    9,9,9,9,9,9,9,9,9,9,9,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,8,9,9,9,9,9,9,0,8,8,0,0,0,0,0,0,12,12,12,12,12,12,12,12,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,1,1,1,1,1,1,1,1,9,9,
    9,9,9,9,9,9,9,9,9,9,12,12,12,12,12,12,12,12,12,12,4,4,4,4,4,4,4,4,4,4,4,4,
    4,4,0,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,
  },
  {
    0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,4,1,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,1,4,4,4,4,0,0,0,5,5,5,5,5,5,5,5,
    1,1,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,0,0,0,0,1,1,1,1,1,1,1,1,0,0,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,1,0,0,0,1,1,1,1,0,0,4,1,4,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,4,1,0,0,0,0,0,0,0,0,4,0,0,0,0,5,5,0,5,
    1,1,0,0,0,0,2,2,2,2,2,2,2,2,2,2,1,1,0,0,2,2,2,2,2,2,0,0,9,8,12,0,
  },
  {
    0,0,0,0,0,1,1,1,1,1,1,0,0,0,0,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,1,5,0,1,5,0,1,1,0,0,4,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,0,0,0,0,0,0,0,0,0,5,5,5,1,0,5,0,
    0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,1,1,1,0,8,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,1,1,1,1,1,1,1,1,1,0,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,1,1,0,1,1,1,1,1,0,0,4,1,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,1,8,8,8,8,8,8,
  },
  {
    0,0,0,0,0,1,1,1,1,1,1,1,1,0,0,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,1,1,0,1,1,1,1,1,0,0,4,1,4,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,0,0,0,0,0,8,4,4,0,0,0,0,5,5,0,1,
    1,1,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,1,2,2,2,2,2,2,0,0,0,0,0,0,0,0,
    0,0,0,1,0,1,1,1,1,1,1,0,0,0,1,1,1,0,1,1,1,1,0,0,0,1,1,0,1,0,1,1,
    0,0,0,1,1,0,0,0,1,1,1,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,4,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,1,0,0,0,0,0,0,4,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,8,1,1,1,1,1,1,1,1,0,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,12,1,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,0,0,0,0,0,4,4,0,1,1,1,0,0,9,0,0,
    1,1,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,8,2,2,2,2,2,2,2,0,
    1,0,0,0,8,1,1,1,1,1,1,1,1,0,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,0,0,4,1,0,0,
    0,0,4,0,0,0,0,0,0,0,0,0,0,4,0,0,0,0,0,0,0,4,4,0,0,0,0,0,0,9,1,0,
    1,1,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,1,1,8,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    8,0,0,0,9,1,1,1,1,1,1,1,1,0,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,12,12,1,4,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,4,1,0,0,0,0,0,1,1,1,4,2,2,2,2,2,2,2,1,
    1,1,0,0,0,0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,1,1,1,1,1,1,
    0,8,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,0,1,0,0,
    1,1,1,1,1,1,1,0,0,0,4,0,0,0,0,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,
    0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,0,0,0,0,4,4,4,0,0,0,0,0,
    1,1,1,1,1,1,1,0,4,4,4,4,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,1,1,0,1,0,9,1,1,9,1,0,9,1,9,9,9,9,9,9,1,1,1,1,9,1,1,1,1,1,1,1,
    9,1,1,1,0,1,0,1,9,9,1,1,9,1,1,1,1,0,1,1,0,0,0,0,4,4,12,0,0,1,0,0,
    1,1,1,1,1,0,1,0,4,4,4,4,0,0,8,0,2,2,2,2,2,2,2,2,2,2,0,0,1,1,1,1,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,4,0,0,0,0,0,0,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,4,0,4,0,4,0,0,0,0,0,0,
    1,1,1,5,1,1,1,1,0,1,1,1,1,5,1,1,1,1,5,1,1,1,1,5,1,1,1,1,5,1,1,1,
    1,1,1,1,1,1,1,1,1,5,1,1,1,0,0,0,0,4,4,4,4,4,4,0,4,0,4,4,4,4,0,0,
    4,4,4,4,4,0,4,4,1,1,1,1,1,0,0,0,0,0,0,4,0,0,0,0,0,0,0,0,0,4,0,0,
    0,0,4,0,0,0,0,4,0,0,0,0,4,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,0,0,0,0,
    0,0,0,0,0,0,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,0,0,0,4,0,0,0,0,0,0,0,0,4,0,4,4,0,0,0,0,1,
    2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,1,1,1,1,1,1,0,0,0,0,1,1,1,1,0,0,
    0,1,0,0,0,1,1,0,0,0,0,0,0,0,1,1,1,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,
    1,1,0,0,0,0,0,0,0,0,0,0,0,4,1,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,0,1,0,0,0,0,0,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,0,0,1,1,1,1,1,1,1,0,1,0,1,1,1,1,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,0,0,1,1,1,1,1,1,1,0,
    1,0,1,1,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,0,0,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,4,4,4,
    0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,1,1,1,1,1,0,0,
  },
  {
    0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    3,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,0,0,0,2,2,2,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,9,1,1,1,1,0,0,4,12,0,0,0,0,0,0,0,0,0,9,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,4,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,0,0,1,0,0,0,0,1,4,0,0,
    2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,0,0,0,0,0,0,0,
    1,1,1,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,4,1,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,4,4,0,0,0,0,
    0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,4,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,
    4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,4,4,4,4,4,4,4,0,0,4,
    2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,4,4,4,4,4,4,4,4,4,4,4,4,4,4,0,12,
    12,12,12,12,12,12,12,12,12,12,12,12,12,12,12,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,4,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,4,1,1,1,1,1,1,1,9,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,4,4,4,4,4,4,4,4,4,0,0,0,0,0,0,0,0,0,8,8,0,
    0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,0,0,0,0,0,0,0,0,0,4,4,0,0,1,1,2,2,2,2,2,2,2,2,2,2,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,4,0,0,0,0,0,0,0,0,0,0,0,4,4,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,0,0,0,0,0,0,
    2,2,2,2,2,2,2,2,2,2,0,0,0,1,1,1,2,2,2,2,2,2,2,2,2,2,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,
    1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,0,0,9,9,9,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,4,4,0,4,4,4,4,4,4,4,4,4,4,4,4,
    4,0,4,4,4,4,4,4,4,1,1,1,1,4,1,1,1,1,1,1,4,1,1,8,4,4,9,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,
    4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,12,12,12,12,12,4,4,4,4,4,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,1,1,1,1,1,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,0,0,1,1,1,1,1,1,0,0,1,1,1,1,1,1,1,1,0,1,0,1,0,1,0,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,5,1,5,1,5,1,5,1,5,1,5,1,5,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,5,1,0,5,0,
    0,0,1,1,1,0,1,1,1,5,1,5,1,0,0,0,1,1,1,5,0,0,1,1,1,1,1,5,0,0,0,0,
    1,1,1,5,1,1,1,1,1,1,1,5,1,0,4,4,0,0,1,1,1,0,1,1,1,5,1,5,1,4,0,0,
  },
  {
    7,7,3,3,3,3,3,3,3,3,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,3,3,0,0,0,0,0,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,3,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,1,0,0,2,2,2,2,2,2,0,0,0,0,0,1,
    2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,
    8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,4,4,4,4,4,4,4,4,4,4,4,4,0,0,0,
    0,4,0,0,0,4,4,4,4,4,4,4,4,4,4,4,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,1,0,0,0,0,1,0,0,1,1,1,1,1,1,1,1,1,1,0,1,0,0,0,1,1,1,1,1,0,0,
    0,0,0,0,1,0,5,0,1,0,5,5,1,1,0,1,1,1,1,1,1,1,1,1,1,1,0,0,1,1,1,1,
    0,0,0,0,0,1,1,1,1,1,0,0,0,0,1,0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,1,1,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,4,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,8,8,0,0,0,
    0,0,0,0,0,0,0,0,0,8,0,0,0,0,0,0,0,0,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,0,0,0,0,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,0,0,0,0,0,0,1,1,1,1,4,4,4,1,1,0,0,0,0,0,0,0,0,0,2,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,0,1,0,0,0,0,0,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,
    1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,
    4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    3,0,0,0,0,1,1,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,2,2,2,2,2,2,2,2,2,4,4,4,4,4,4,0,1,1,1,1,1,0,0,2,2,2,1,1,0,0,0,
    0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,4,4,0,0,1,1,1,
    0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,
  },
  {
    0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,9,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,2,2,2,2,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,9,9,9,9,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,9,9,9,9,9,9,9,9,9,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    2,2,2,2,2,2,2,2,2,2,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,0,0,0,0,4,4,4,4,4,4,4,4,4,4,0,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,4,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,2,2,2,2,2,2,2,2,2,2,4,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,
    0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,1,1,1,1,1,1,1,1,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,0,0,0,0,0,9,9,0,9,0,9,9,9,9,9,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,9,9,9,9,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,0,1,1,1,4,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,0,0,0,0,0,0,0,0,0,12,0,0,0,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,4,0,0,0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,1,1,1,1,1,1,0,0,0,1,0,1,9,8,
  },
  {
    2,2,2,2,2,2,2,2,2,2,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,0,0,0,0,0,4,4,4,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,
    0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,0,0,0,0,0,0,0,0,0,0,0,0,
    4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,2,2,2,2,2,2,2,2,2,2,1,1,1,1,1,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,0,1,1,1,1,1,1,1,1,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,1,0,0,0,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,1,4,4,4,1,1,4,4,1,1,1,1,1,4,4,
    1,4,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,0,0,
    1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,1,1,1,0,4,0,0,0,0,0,0,0,0,0,
  },
  {
    0,1,1,1,1,1,1,0,0,1,1,1,1,1,1,0,0,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,
    1,1,1,1,1,1,9,9,9,9,8,8,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,0,0,0,0,0,0,0,0,0,0,4,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,
  },
  {
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
  },
  {
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,1,1,5,1,5,1,1,5,5,5,5,5,5,5,5,5,5,1,
    5,1,5,1,1,5,5,1,1,1,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,0,0,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,0,0,0,0,0,5,4,5,
    1,1,1,1,1,1,1,1,1,0,5,5,5,5,5,5,5,5,5,5,5,5,5,0,5,5,5,5,5,0,5,0,
    5,5,0,5,5,0,5,5,5,5,5,5,5,5,5,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,0,0,8,8,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,
    0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,
    0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,
    0,0,1,1,1,1,1,1,0,0,1,1,1,1,1,1,0,0,1,1,1,1,1,1,0,0,1,1,1,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,0,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    4,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    2,2,2,2,0,0,0,0,0,0,0,0,0,9,9,9,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,2,1,1,1,1,1,1,1,1,2,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,4,4,4,4,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,0,0,0,0,1,1,1,1,1,1,1,1,0,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,
    2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,0,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,0,9,9,9,9,9,9,9,0,9,9,0,9,9,9,9,9,9,9,9,9,
    9,9,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,0,9,9,9,9,9,9,9,0,9,9,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    9,9,9,9,9,9,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,0,9,9,9,9,9,9,9,9,9,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,0,0,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,0,0,0,1,0,0,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,2,2,2,2,2,2,2,2,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,2,2,2,2,2,2,2,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,
    0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,0,0,0,0,0,2,2,2,2,2,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,2,2,2,2,2,2,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,2,2,1,1,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
  },
  {
    1,0,0,0,0,0,0,0,0,0,0,0,0,4,0,4,1,1,1,1,0,1,1,1,0,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,9,0,0,4,4,4,0,0,0,0,4,
    2,2,2,2,2,2,2,2,10,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,2,2,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,2,2,2,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,4,4,0,0,0,0,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,2,2,2,2,2,2,2,2,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,2,2,2,2,2,2,2,2,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,2,2,2,2,2,2,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,12,12,12,12,0,0,0,0,0,0,0,0,10,10,10,10,10,10,10,10,10,10,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,0,12,12,8,0,0,9,9,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,12,12,12,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,10,10,10,
    10,10,10,10,10,10,10,9,0,0,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,12,12,12,12,12,12,12,12,12,12,12,10,10,10,10,8,8,8,8,8,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,12,12,12,12,8,8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,10,10,10,10,10,10,10,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,4,0,0,0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,12,9,9,8,8,9,0,0,0,0,0,0,0,0,0,4,
    0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,4,4,0,0,0,0,0,
    0,0,8,0,0,0,0,0,0,0,0,0,0,8,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
  },
  {
    4,4,4,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,4,0,0,0,0,0,0,0,0,0,0,0,4,4,0,2,2,2,2,2,2,2,2,2,2,
    0,0,0,0,9,8,8,9,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,0,0,1,0,0,0,0,0,0,0,0,0,
    0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,
    4,1,1,1,1,0,0,0,0,0,4,0,0,0,8,8,2,2,2,2,2,2,2,2,2,2,1,0,1,0,0,0,
    0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,4,4,0,0,0,0,0,0,0,0,9,
    9,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,0,1,0,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,
    1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,
    0,0,0,0,0,0,0,0,0,4,4,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,1,1,1,1,1,1,1,1,0,0,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,1,1,0,1,1,1,1,1,0,12,4,1,4,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,0,1,0,0,0,0,0,0,4,0,0,0,0,0,1,1,1,
    1,1,0,0,0,0,4,4,4,4,4,4,4,0,0,0,4,4,4,4,4,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,
    0,0,4,0,0,0,4,1,1,1,1,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,8,0,0,0,12,9,
    9,9,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,0,0,0,0,0,0,0,0,0,4,0,0,4,0,0,
    0,0,4,4,1,1,0,1,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,
    4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,
    0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,4,4,9,8,0,0,0,0,0,0,
    2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,4,0,0,0,0,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,
    9,9,9,9,9,9,9,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,8,8,8,8,8,8,8,8,8,8,8,8,8,12,12,8,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,1,
  },
  {
    9,9,9,9,9,9,9,0,0,9,0,0,9,9,9,9,9,9,9,9,0,9,9,0,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,12,8,8,8,8,8,0,8,8,0,0,8,8,12,12,9,
    8,9,8,12,8,8,8,0,0,0,0,0,0,0,0,0,10,10,10,10,10,10,10,10,10,10,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    9,9,9,9,9,9,9,9,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,8,8,8,8,8,8,8,0,0,8,8,8,8,8,8,
    12,9,8,9,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    9,8,8,8,8,8,8,8,8,8,8,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,8,12,8,8,8,8,8,9,8,8,8,8,8,
    8,8,8,8,8,8,8,12,0,0,0,0,0,0,0,0,9,8,8,8,8,8,8,8,8,8,8,8,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,12,8,8,8,9,8,8,
    8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,
  },
  {
    8,8,8,8,8,8,8,8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,
    1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    9,9,9,9,9,9,9,0,9,9,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,8,8,8,8,8,8,0,0,0,8,0,8,8,0,8,
    8,8,12,8,12,12,9,8,0,0,0,0,0,0,0,0,10,10,10,10,10,10,10,10,10,10,0,0,0,0,0,0,
    9,9,9,9,9,9,0,9,9,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,8,8,8,8,8,0,8,8,0,8,8,8,8,12,9,0,0,0,0,0,0,0,
    10,10,10,10,10,10,10,10,10,10,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,8,8,8,8,8,8,0,0,0,0,0,0,0,
  },
  {
    8,8,9,8,9,9,9,9,9,9,9,9,9,9,9,9,9,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,8,8,8,8,8,8,8,0,0,0,8,8,
    8,12,12,8,8,8,8,8,8,8,8,8,8,8,8,8,10,10,10,10,10,10,10,10,10,10,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,8,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,9,9,9,9,9,9,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,
    2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,0,
    10,10,10,10,10,10,10,10,10,10,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,4,4,4,4,4,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4,4,4,4,4,4,4,0,0,0,0,0,0,0,0,0,
    1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,2,2,2,2,2,
    2,2,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,8,8,8,8,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,9,9,9,9,9,9,0,0,0,0,8,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,
    8,8,8,8,8,8,8,8,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,9,8,9,8,0,0,0,0,0,0,0,0,0,0,0,12,12,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,9,9,9,9,9,9,9,9,9,9,9,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,9,9,9,9,9,9,9,9,9,9,9,9,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    9,9,9,9,9,9,9,9,9,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,9,9,9,0,9,9,9,9,9,9,9,0,9,9,0,
  },
  {
    1,1,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,9,9,0,0,9,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,9,9,9,9,0,0,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,
    1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,0,0,0,0,4,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,0,0,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,0,0,0,0,0,0,0,0,0,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,4,
    4,4,4,4,4,4,4,4,4,4,0,0,0,4,4,4,4,4,4,0,0,0,0,0,0,0,0,4,4,4,4,4,
    4,4,4,0,0,4,4,4,4,4,4,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,4,4,4,4,0,0,0,0,0,0,0,0,0,0,0,0,0,4,4,4,4,4,
    4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,4,4,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,0,0,0,0,0,0,0,0,0,0,0,0,
    10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,10,10,10,10,10,10,10,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,
    0,0,1,0,0,1,1,0,0,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,0,1,0,1,1,1,
    1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,0,1,1,1,1,0,0,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,0,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,0,
    1,1,1,1,1,0,1,0,0,0,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,0,1,1,1,1,1,1,1,1,0,0,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,0,
    0,0,0,0,0,9,9,9,9,9,9,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    4,4,4,4,4,4,4,0,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,0,0,4,4,4,4,4,
    4,4,0,4,4,0,4,4,4,4,4,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,12,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,0,0,0,12,12,12,12,12,12,12,9,9,9,9,9,9,9,0,0,
    10,10,10,10,10,10,10,10,10,10,0,0,0,0,9,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,12,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,12,12,12,12,10,10,10,10,10,10,10,10,10,10,0,0,0,0,0,8,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,12,12,12,12,10,10,10,10,10,10,10,10,10,10,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    9,9,9,9,9,9,9,0,9,9,9,9,0,9,9,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,0,0,2,2,2,2,2,2,2,2,2,4,4,4,4,4,4,4,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,4,4,4,4,4,4,4,9,0,0,0,0,2,2,2,2,2,2,2,2,2,2,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,
    10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,
    10,10,10,10,10,10,10,10,10,10,10,10,8,10,10,10,8,10,10,10,10,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,
    10,10,10,10,10,10,10,10,10,10,10,10,10,10,8,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    0,1,1,0,1,0,0,1,0,1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,0,1,0,1,0,0,0,0,
    0,0,1,0,0,0,0,1,0,1,0,1,0,1,1,1,0,1,1,0,1,0,0,1,0,1,0,1,0,1,0,1,
    0,1,1,0,1,0,0,1,1,1,1,0,1,1,1,1,1,1,1,0,1,1,1,1,0,1,1,1,1,0,1,0,
    1,1,1,1,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,
    0,1,1,1,0,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    2,2,2,2,2,2,2,2,2,2,2,2,2,8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,8,8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    8,8,8,8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,8,8,8,8,0,0,0,0,8,8,8,8,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,8,8,8,8,8,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,8,8,0,0,0,0,8,8,8,8,8,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,8,8,8,8,0,0,0,0,0,0,
    8,8,8,8,8,8,8,8,8,8,8,8,0,0,0,0,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,
    0,0,0,0,0,0,0,0,8,8,8,8,8,8,8,8,0,8,8,0,0,0,0,0,0,0,0,0,0,0,0,8,
    0,0,0,0,0,0,0,0,0,0,0,0,8,8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    0,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
  },
  {
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,0,0,8,8,8,8,8,8,8,8,8,8,8,8,8,0,0,0,
    8,8,8,8,8,8,8,8,8,0,0,0,0,0,0,0,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,0,8,
    8,8,8,8,8,8,0,0,0,0,0,0,0,0,8,8,8,8,8,8,8,8,8,8,8,8,8,8,0,0,0,0,
    8,8,8,8,8,8,8,8,8,0,0,0,0,0,0,0,8,8,8,8,8,8,8,8,8,0,0,0,0,0,0,0,
  },
  {
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,0,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,
    8,8,8,8,8,8,8,8,8,8,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,10,10,10,10,10,10,10,10,10,10,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,9,9,9,9,9,9,9,9,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,9,9,9,9,9,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  },
  {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,0,0,0,0,0,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
  },
  {
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  },
};

/* Canonical combining classes != 0, sorted by code point. */
#define RWKV__N_CCC 922
static const uint32_t rwkv__ccc_cp[922] = {
    0x00300, 0x00301, 0x00302, 0x00303, 0x00304, 0x00305, 0x00306, 0x00307, 0x00308, 0x00309,
    0x0030A, 0x0030B, 0x0030C, 0x0030D, 0x0030E, 0x0030F, 0x00310, 0x00311, 0x00312, 0x00313,
    0x00314, 0x00315, 0x00316, 0x00317, 0x00318, 0x00319, 0x0031A, 0x0031B, 0x0031C, 0x0031D,
    0x0031E, 0x0031F, 0x00320, 0x00321, 0x00322, 0x00323, 0x00324, 0x00325, 0x00326, 0x00327,
    0x00328, 0x00329, 0x0032A, 0x0032B, 0x0032C, 0x0032D, 0x0032E, 0x0032F, 0x00330, 0x00331,
    0x00332, 0x00333, 0x00334, 0x00335, 0x00336, 0x00337, 0x00338, 0x00339, 0x0033A, 0x0033B,
    0x0033C, 0x0033D, 0x0033E, 0x0033F, 0x00340, 0x00341, 0x00342, 0x00343, 0x00344, 0x00345,
    0x00346, 0x00347, 0x00348, 0x00349, 0x0034A, 0x0034B, 0x0034C, 0x0034D, 0x0034E, 0x00350,
    0x00351, 0x00352, 0x00353, 0x00354, 0x00355, 0x00356, 0x00357, 0x00358, 0x00359, 0x0035A,
    0x0035B, 0x0035C, 0x0035D, 0x0035E, 0x0035F, 0x00360, 0x00361, 0x00362, 0x00363, 0x00364,
    0x00365, 0x00366, 0x00367, 0x00368, 0x00369, 0x0036A, 0x0036B, 0x0036C, 0x0036D, 0x0036E,
    0x0036F, 0x00483, 0x00484, 0x00485, 0x00486, 0x00487, 0x00591, 0x00592, 0x00593, 0x00594,
    0x00595, 0x00596, 0x00597, 0x00598, 0x00599, 0x0059A, 0x0059B, 0x0059C, 0x0059D, 0x0059E,
    0x0059F, 0x005A0, 0x005A1, 0x005A2, 0x005A3, 0x005A4, 0x005A5, 0x005A6, 0x005A7, 0x005A8,
    0x005A9, 0x005AA, 0x005AB, 0x005AC, 0x005AD, 0x005AE, 0x005AF, 0x005B0, 0x005B1, 0x005B2,
    0x005B3, 0x005B4, 0x005B5, 0x005B6, 0x005B7, 0x005B8, 0x005B9, 0x005BA, 0x005BB, 0x005BC,
    0x005BD, 0x005BF, 0x005C1, 0x005C2, 0x005C4, 0x005C5, 0x005C7, 0x00610, 0x00611, 0x00612,
    0x00613, 0x00614, 0x00615, 0x00616, 0x00617, 0x00618, 0x00619, 0x0061A, 0x0064B, 0x0064C,
    0x0064D, 0x0064E, 0x0064F, 0x00650, 0x00651, 0x00652, 0x00653, 0x00654, 0x00655, 0x00656,
    0x00657, 0x00658, 0x00659, 0x0065A, 0x0065B, 0x0065C, 0x0065D, 0x0065E, 0x0065F, 0x00670,
    0x006D6, 0x006D7, 0x006D8, 0x006D9, 0x006DA, 0x006DB, 0x006DC, 0x006DF, 0x006E0, 0x006E1,
    0x006E2, 0x006E3, 0x006E4, 0x006E7, 0x006E8, 0x006EA, 0x006EB, 0x006EC, 0x006ED, 0x00711,
    0x00730, 0x00731, 0x00732, 0x00733, 0x00734, 0x00735, 0x00736, 0x00737, 0x00738, 0x00739,
    0x0073A, 0x0073B, 0x0073C, 0x0073D, 0x0073E, 0x0073F, 0x00740, 0x00741, 0x00742, 0x00743,
    0x00744, 0x00745, 0x00746, 0x00747, 0x00748, 0x00749, 0x0074A, 0x007EB, 0x007EC, 0x007ED,
    0x007EE, 0x007EF, 0x007F0, 0x007F1, 0x007F2, 0x007F3, 0x007FD, 0x00816, 0x00817, 0x00818,
    0x00819, 0x0081B, 0x0081C, 0x0081D, 0x0081E, 0x0081F, 0x00820, 0x00821, 0x00822, 0x00823,
    0x00825, 0x00826, 0x00827, 0x00829, 0x0082A, 0x0082B, 0x0082C, 0x0082D, 0x00859, 0x0085A,
    0x0085B, 0x00898, 0x00899, 0x0089A, 0x0089B, 0x0089C, 0x0089D, 0x0089E, 0x0089F, 0x008CA,
    0x008CB, 0x008CC, 0x008CD, 0x008CE, 0x008CF, 0x008D0, 0x008D1, 0x008D2, 0x008D3, 0x008D4,
    0x008D5, 0x008D6, 0x008D7, 0x008D8, 0x008D9, 0x008DA, 0x008DB, 0x008DC, 0x008DD, 0x008DE,
    0x008DF, 0x008E0, 0x008E1, 0x008E3, 0x008E4, 0x008E5, 0x008E6, 0x008E7, 0x008E8, 0x008E9,
    0x008EA, 0x008EB, 0x008EC, 0x008ED, 0x008EE, 0x008EF, 0x008F0, 0x008F1, 0x008F2, 0x008F3,
    0x008F4, 0x008F5, 0x008F6, 0x008F7, 0x008F8, 0x008F9, 0x008FA, 0x008FB, 0x008FC, 0x008FD,
    0x008FE, 0x008FF, 0x0093C, 0x0094D, 0x00951, 0x00952, 0x00953, 0x00954, 0x009BC, 0x009CD,
    0x009FE, 0x00A3C, 0x00A4D, 0x00ABC, 0x00ACD, 0x00B3C, 0x00B4D, 0x00BCD, 0x00C3C, 0x00C4D,
    0x00C55, 0x00C56, 0x00CBC, 0x00CCD, 0x00D3B, 0x00D3C, 0x00D4D, 0x00DCA, 0x00E38, 0x00E39,
    0x00E3A, 0x00E48, 0x00E49, 0x00E4A, 0x00E4B, 0x00EB8, 0x00EB9, 0x00EBA, 0x00EC8, 0x00EC9,
    0x00ECA, 0x00ECB, 0x00F18, 0x00F19, 0x00F35, 0x00F37, 0x00F39, 0x00F71, 0x00F72, 0x00F74,
    0x00F7A, 0x00F7B, 0x00F7C, 0x00F7D, 0x00F80, 0x00F82, 0x00F83, 0x00F84, 0x00F86, 0x00F87,
    0x00FC6, 0x01037, 0x01039, 0x0103A, 0x0108D, 0x0135D, 0x0135E, 0x0135F, 0x01714, 0x01715,
    0x01734, 0x017D2, 0x017DD, 0x018A9, 0x01939, 0x0193A, 0x0193B, 0x01A17, 0x01A18, 0x01A60,
    0x01A75, 0x01A76, 0x01A77, 0x01A78, 0x01A79, 0x01A7A, 0x01A7B, 0x01A7C, 0x01A7F, 0x01AB0,
    0x01AB1, 0x01AB2, 0x01AB3, 0x01AB4, 0x01AB5, 0x01AB6, 0x01AB7, 0x01AB8, 0x01AB9, 0x01ABA,
    0x01ABB, 0x01ABC, 0x01ABD, 0x01ABF, 0x01AC0, 0x01AC1, 0x01AC2, 0x01AC3, 0x01AC4, 0x01AC5,
    0x01AC6, 0x01AC7, 0x01AC8, 0x01AC9, 0x01ACA, 0x01ACB, 0x01ACC, 0x01ACD, 0x01ACE, 0x01B34,
    0x01B44, 0x01B6B, 0x01B6C, 0x01B6D, 0x01B6E, 0x01B6F, 0x01B70, 0x01B71, 0x01B72, 0x01B73,
    0x01BAA, 0x01BAB, 0x01BE6, 0x01BF2, 0x01BF3, 0x01C37, 0x01CD0, 0x01CD1, 0x01CD2, 0x01CD4,
    0x01CD5, 0x01CD6, 0x01CD7, 0x01CD8, 0x01CD9, 0x01CDA, 0x01CDB, 0x01CDC, 0x01CDD, 0x01CDE,
    0x01CDF, 0x01CE0, 0x01CE2, 0x01CE3, 0x01CE4, 0x01CE5, 0x01CE6, 0x01CE7, 0x01CE8, 0x01CED,
    0x01CF4, 0x01CF8, 0x01CF9, 0x01DC0, 0x01DC1, 0x01DC2, 0x01DC3, 0x01DC4, 0x01DC5, 0x01DC6,
    0x01DC7, 0x01DC8, 0x01DC9, 0x01DCA, 0x01DCB, 0x01DCC, 0x01DCD, 0x01DCE, 0x01DCF, 0x01DD0,
    0x01DD1, 0x01DD2, 0x01DD3, 0x01DD4, 0x01DD5, 0x01DD6, 0x01DD7, 0x01DD8, 0x01DD9, 0x01DDA,
    0x01DDB, 0x01DDC, 0x01DDD, 0x01DDE, 0x01DDF, 0x01DE0, 0x01DE1, 0x01DE2, 0x01DE3, 0x01DE4,
    0x01DE5, 0x01DE6, 0x01DE7, 0x01DE8, 0x01DE9, 0x01DEA, 0x01DEB, 0x01DEC, 0x01DED, 0x01DEE,
    0x01DEF, 0x01DF0, 0x01DF1, 0x01DF2, 0x01DF3, 0x01DF4, 0x01DF5, 0x01DF6, 0x01DF7, 0x01DF8,
    0x01DF9, 0x01DFA, 0x01DFB, 0x01DFC, 0x01DFD, 0x01DFE, 0x01DFF, 0x020D0, 0x020D1, 0x020D2,
    0x020D3, 0x020D4, 0x020D5, 0x020D6, 0x020D7, 0x020D8, 0x020D9, 0x020DA, 0x020DB, 0x020DC,
    0x020E1, 0x020E5, 0x020E6, 0x020E7, 0x020E8, 0x020E9, 0x020EA, 0x020EB, 0x020EC, 0x020ED,
    0x020EE, 0x020EF, 0x020F0, 0x02CEF, 0x02CF0, 0x02CF1, 0x02D7F, 0x02DE0, 0x02DE1, 0x02DE2,
    0x02DE3, 0x02DE4, 0x02DE5, 0x02DE6, 0x02DE7, 0x02DE8, 0x02DE9, 0x02DEA, 0x02DEB, 0x02DEC,
    0x02DED, 0x02DEE, 0x02DEF, 0x02DF0, 0x02DF1, 0x02DF2, 0x02DF3, 0x02DF4, 0x02DF5, 0x02DF6,
    0x02DF7, 0x02DF8, 0x02DF9, 0x02DFA, 0x02DFB, 0x02DFC, 0x02DFD, 0x02DFE, 0x02DFF, 0x0302A,
    0x0302B, 0x0302C, 0x0302D, 0x0302E, 0x0302F, 0x03099, 0x0309A, 0x0A66F, 0x0A674, 0x0A675,
    0x0A676, 0x0A677, 0x0A678, 0x0A679, 0x0A67A, 0x0A67B, 0x0A67C, 0x0A67D, 0x0A69E, 0x0A69F,
    0x0A6F0, 0x0A6F1, 0x0A806, 0x0A82C, 0x0A8C4, 0x0A8E0, 0x0A8E1, 0x0A8E2, 0x0A8E3, 0x0A8E4,
    0x0A8E5, 0x0A8E6, 0x0A8E7, 0x0A8E8, 0x0A8E9, 0x0A8EA, 0x0A8EB, 0x0A8EC, 0x0A8ED, 0x0A8EE,
    0x0A8EF, 0x0A8F0, 0x0A8F1, 0x0A92B, 0x0A92C, 0x0A92D, 0x0A953, 0x0A9B3, 0x0A9C0, 0x0AAB0,
    0x0AAB2, 0x0AAB3, 0x0AAB4, 0x0AAB7, 0x0AAB8, 0x0AABE, 0x0AABF, 0x0AAC1, 0x0AAF6, 0x0ABED,
    0x0FB1E, 0x0FE20, 0x0FE21, 0x0FE22, 0x0FE23, 0x0FE24, 0x0FE25, 0x0FE26, 0x0FE27, 0x0FE28,
    0x0FE29, 0x0FE2A, 0x0FE2B, 0x0FE2C, 0x0FE2D, 0x0FE2E, 0x0FE2F, 0x101FD, 0x102E0, 0x10376,
    0x10377, 0x10378, 0x10379, 0x1037A, 0x10A0D, 0x10A0F, 0x10A38, 0x10A39, 0x10A3A, 0x10A3F,
    0x10AE5, 0x10AE6, 0x10D24, 0x10D25, 0x10D26, 0x10D27, 0x10EAB, 0x10EAC, 0x10EFD, 0x10EFE,
    0x10EFF, 0x10F46, 0x10F47, 0x10F48, 0x10F49, 0x10F4A, 0x10F4B, 0x10F4C, 0x10F4D, 0x10F4E,
    0x10F4F, 0x10F50, 0x10F82, 0x10F83, 0x10F84, 0x10F85, 0x11046, 0x11070, 0x1107F, 0x110B9,
    0x110BA, 0x11100, 0x11101, 0x11102, 0x11133, 0x11134, 0x11173, 0x111C0, 0x111CA, 0x11235,
    0x11236, 0x112E9, 0x112EA, 0x1133B, 0x1133C, 0x1134D, 0x11366, 0x11367, 0x11368, 0x11369,
    0x1136A, 0x1136B, 0x1136C, 0x11370, 0x11371, 0x11372, 0x11373, 0x11374, 0x11442, 0x11446,
    0x1145E, 0x114C2, 0x114C3, 0x115BF, 0x115C0, 0x1163F, 0x116B6, 0x116B7, 0x1172B, 0x11839,
    0x1183A, 0x1193D, 0x1193E, 0x11943, 0x119E0, 0x11A34, 0x11A47, 0x11A99, 0x11C3F, 0x11D42,
    0x11D44, 0x11D45, 0x11D97, 0x11F41, 0x11F42, 0x16AF0, 0x16AF1, 0x16AF2, 0x16AF3, 0x16AF4,
    0x16B30, 0x16B31, 0x16B32, 0x16B33, 0x16B34, 0x16B35, 0x16B36, 0x16FF0, 0x16FF1, 0x1BC9E,
    0x1D165, 0x1D166, 0x1D167, 0x1D168, 0x1D169, 0x1D16D, 0x1D16E, 0x1D16F, 0x1D170, 0x1D171,
    0x1D172, 0x1D17B, 0x1D17C, 0x1D17D, 0x1D17E, 0x1D17F, 0x1D180, 0x1D181, 0x1D182, 0x1D185,
    0x1D186, 0x1D187, 0x1D188, 0x1D189, 0x1D18A, 0x1D18B, 0x1D1AA, 0x1D1AB, 0x1D1AC, 0x1D1AD,
    0x1D242, 0x1D243, 0x1D244, 0x1E000, 0x1E001, 0x1E002, 0x1E003, 0x1E004, 0x1E005, 0x1E006,
    0x1E008, 0x1E009, 0x1E00A, 0x1E00B, 0x1E00C, 0x1E00D, 0x1E00E, 0x1E00F, 0x1E010, 0x1E011,
    0x1E012, 0x1E013, 0x1E014, 0x1E015, 0x1E016, 0x1E017, 0x1E018, 0x1E01B, 0x1E01C, 0x1E01D,
    0x1E01E, 0x1E01F, 0x1E020, 0x1E021, 0x1E023, 0x1E024, 0x1E026, 0x1E027, 0x1E028, 0x1E029,
    0x1E02A, 0x1E08F, 0x1E130, 0x1E131, 0x1E132, 0x1E133, 0x1E134, 0x1E135, 0x1E136, 0x1E2AE,
    0x1E2EC, 0x1E2ED, 0x1E2EE, 0x1E2EF, 0x1E4EC, 0x1E4ED, 0x1E4EE, 0x1E4EF, 0x1E8D0, 0x1E8D1,
    0x1E8D2, 0x1E8D3, 0x1E8D4, 0x1E8D5, 0x1E8D6, 0x1E944, 0x1E945, 0x1E946, 0x1E947, 0x1E948,
    0x1E949, 0x1E94A,
};
static const uint8_t rwkv__ccc_val[922] = {
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230,
    230, 232, 220, 220, 220, 220, 232, 216, 220, 220, 220, 220, 220, 202, 202, 220, 220, 220, 220, 202,
    202, 220, 220, 220, 220, 220, 220, 220, 220, 220, 220, 220, 1, 1, 1, 1, 1, 220, 220, 220,
    220, 230, 230, 230, 230, 230, 230, 230, 230, 240, 230, 220, 220, 220, 230, 230, 230, 220, 220, 230,
    230, 230, 220, 220, 220, 220, 230, 232, 220, 220, 230, 233, 234, 234, 233, 234, 234, 233, 230, 230,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 220, 230, 230, 230,
    230, 220, 230, 230, 230, 222, 220, 230, 230, 230, 230, 230, 230, 220, 220, 220, 220, 220, 220, 230,
    230, 220, 230, 230, 222, 228, 230, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21,
    22, 23, 24, 25, 230, 220, 18, 230, 230, 230, 230, 230, 230, 230, 230, 30, 31, 32, 27, 28,
    29, 30, 31, 32, 33, 34, 230, 230, 220, 220, 230, 230, 230, 230, 230, 220, 230, 230, 220, 35,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 220, 230, 230, 230, 220, 230, 230, 220, 36,
    230, 220, 230, 230, 220, 230, 230, 220, 220, 220, 230, 220, 220, 230, 220, 230, 230, 230, 220, 230,
    220, 230, 220, 230, 220, 230, 230, 230, 230, 230, 230, 230, 230, 230, 220, 230, 220, 230, 230, 230,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 220, 220,
    220, 230, 220, 220, 220, 230, 230, 230, 230, 230, 230, 230, 230, 230, 220, 220, 220, 220, 220, 230,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 220, 230, 230, 220, 230, 230, 220,
    230, 230, 230, 220, 220, 220, 27, 28, 29, 230, 230, 230, 220, 230, 230, 220, 220, 230, 230, 230,
    230, 230, 7, 9, 230, 220, 230, 230, 7, 9, 230, 7, 9, 7, 9, 7, 9, 9, 7, 9,
    84, 91, 7, 9, 9, 9, 9, 9, 103, 103, 9, 107, 107, 107, 107, 118, 118, 9, 122, 122,
    122, 122, 220, 220, 220, 220, 216, 129, 130, 132, 130, 130, 130, 130, 130, 230, 230, 9, 230, 230,
    220, 7, 9, 9, 220, 230, 230, 230, 9, 9, 9, 9, 230, 228, 222, 230, 220, 230, 220, 9,
    230, 230, 230, 230, 230, 230, 230, 230, 220, 230, 230, 230, 230, 230, 220, 220, 220, 220, 220, 220,
    230, 230, 220, 220, 220, 230, 230, 220, 220, 230, 230, 230, 230, 230, 220, 230, 230, 230, 230, 7,
    9, 230, 220, 230, 230, 230, 230, 230, 230, 230, 9, 9, 7, 9, 9, 7, 230, 230, 230, 1,
    220, 220, 220, 220, 220, 230, 230, 220, 220, 220, 220, 230, 1, 1, 1, 1, 1, 1, 1, 220,
    230, 230, 230, 230, 230, 220, 230, 230, 230, 230, 230, 230, 230, 220, 230, 230, 234, 214, 220, 202,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 232, 228, 228,
    220, 218, 230, 233, 220, 230, 220, 230, 230, 1, 1, 230, 230, 230, 230, 1, 1, 1, 230, 230,
    230, 1, 1, 230, 220, 230, 1, 1, 220, 220, 220, 220, 230, 230, 230, 230, 9, 230, 230, 230,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 218, 228, 232, 222, 224, 224, 8, 8, 230, 230, 230,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 9, 9, 9, 230, 230, 230, 230, 230,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 220, 220, 220, 9, 7, 9, 230,
    230, 230, 220, 230, 230, 230, 230, 230, 9, 9, 26, 230, 230, 230, 230, 230, 230, 230, 220, 220,
    220, 220, 220, 220, 220, 230, 230, 220, 220, 230, 230, 230, 230, 230, 220, 230, 230, 1, 220, 9,
    230, 220, 230, 230, 230, 230, 230, 230, 220, 220, 220, 220, 220, 230, 230, 230, 220, 230, 220, 220,
    220, 220, 230, 220, 230, 220, 9, 9, 9, 9, 7, 230, 230, 230, 9, 9, 7, 9, 7, 9,
    7, 7, 9, 7, 7, 9, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 9, 7,
    230, 9, 7, 9, 7, 9, 9, 7, 9, 9, 7, 9, 9, 7, 9, 9, 9, 9, 9, 7,
    9, 9, 9, 9, 9, 1, 1, 1, 1, 1, 230, 230, 230, 230, 230, 230, 230, 6, 6, 1,
    216, 216, 1, 1, 1, 226, 216, 216, 216, 216, 216, 220, 220, 220, 220, 220, 220, 220, 220, 230,
    230, 230, 230, 230, 220, 220, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230,
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230,
    230, 230, 230, 230, 232, 232, 220, 230, 220, 220, 220, 220, 220, 220, 220, 230, 230, 230, 230, 230,
    230, 7,
};

/* Full canonical decompositions (recursive, Hangul excluded), sorted by code point:
   code point i decomposes to rwkv__decomp_pool[off[i] .. off[i+1]). */
#define RWKV__N_DECOMP 2061
static const uint32_t rwkv__decomp_cp[2061] = {
    0x000C0, 0x000C1, 0x000C2, 0x000C3, 0x000C4, 0x000C5, 0x000C7, 0x000C8, 0x000C9, 0x000CA,
    0x000CB, 0x000CC, 0x000CD, 0x000CE, 0x000CF, 0x000D1, 0x000D2, 0x000D3, 0x000D4, 0x000D5,
    0x000D6, 0x000D9, 0x000DA, 0x000DB, 0x000DC, 0x000DD, 0x000E0, 0x000E1, 0x000E2, 0x000E3,
    0x000E4, 0x000E5, 0x000E7, 0x000E8, 0x000E9, 0x000EA, 0x000EB, 0x000EC, 0x000ED, 0x000EE,
    0x000EF, 0x000F1, 0x000F2, 0x000F3, 0x000F4, 0x000F5, 0x000F6, 0x000F9, 0x000FA, 0x000FB,
    0x000FC, 0x000FD, 0x000FF, 0x00100, 0x00101, 0x00102, 0x00103, 0x00104, 0x00105, 0x00106,
    0x00107, 0x00108, 0x00109, 0x0010A, 0x0010B, 0x0010C, 0x0010D, 0x0010E, 0x0010F, 0x00112,
    0x00113, 0x00114, 0x00115, 0x00116, 0x00117, 0x00118, 0x00119, 0x0011A, 0x0011B, 0x0011C,
    0x0011D, 0x0011E, 0x0011F, 0x00120, 0x00121, 0x00122, 0x00123, 0x00124, 0x00125, 0x00128,
    0x00129, 0x0012A, 0x0012B, 0x0012C, 0x0012D, 0x0012E, 0x0012F, 0x00130, 0x00134, 0x00135,
    0x00136, 0x00137, 0x00139, 0x0013A, 0x0013B, 0x0013C, 0x0013D, 0x0013E, 0x00143, 0x00144,
    0x00145, 0x00146, 0x00147, 0x00148, 0x0014C, 0x0014D, 0x0014E, 0x0014F, 0x00150, 0x00151,
    0x00154, 0x00155, 0x00156, 0x00157, 0x00158, 0x00159, 0x0015A, 0x0015B, 0x0015C, 0x0015D,
    0x0015E, 0x0015F, 0x00160, 0x00161, 0x00162, 0x00163, 0x00164, 0x00165, 0x00168, 0x00169,
    0x0016A, 0x0016B, 0x0016C, 0x0016D, 0x0016E, 0x0016F, 0x00170, 0x00171, 0x00172, 0x00173,
    0x00174, 0x00175, 0x00176, 0x00177, 0x00178, 0x00179, 0x0017A, 0x0017B, 0x0017C, 0x0017D,
    0x0017E, 0x001A0, 0x001A1, 0x001AF, 0x001B0, 0x001CD, 0x001CE, 0x001CF, 0x001D0, 0x001D1,
    0x001D2, 0x001D3, 0x001D4, 0x001D5, 0x001D6, 0x001D7, 0x001D8, 0x001D9, 0x001DA, 0x001DB,
    0x001DC, 0x001DE, 0x001DF, 0x001E0, 0x001E1, 0x001E2, 0x001E3, 0x001E6, 0x001E7, 0x001E8,
    0x001E9, 0x001EA, 0x001EB, 0x001EC, 0x001ED, 0x001EE, 0x001EF, 0x001F0, 0x001F4, 0x001F5,
    0x001F8, 0x001F9, 0x001FA, 0x001FB, 0x001FC, 0x001FD, 0x001FE, 0x001FF, 0x00200, 0x00201,
    0x00202, 0x00203, 0x00204, 0x00205, 0x00206, 0x00207, 0x00208, 0x00209, 0x0020A, 0x0020B,
    0x0020C, 0x0020D, 0x0020E, 0x0020F, 0x00210, 0x00211, 0x00212, 0x00213, 0x00214, 0x00215,
    0x00216, 0x00217, 0x00218, 0x00219, 0x0021A, 0x0021B, 0x0021E, 0x0021F, 0x00226, 0x00227,
    0x00228, 0x00229, 0x0022A, 0x0022B, 0x0022C, 0x0022D, 0x0022E, 0x0022F, 0x00230, 0x00231,
    0x00232, 0x00233, 0x00340, 0x00341, 0x00343, 0x00344, 0x00374, 0x0037E, 0x00385, 0x00386,
    0x00387, 0x00388, 0x00389, 0x0038A, 0x0038C, 0x0038E, 0x0038F, 0x00390, 0x003AA, 0x003AB,
    0x003AC, 0x003AD, 0x003AE, 0x003AF, 0x003B0, 0x003CA, 0x003CB, 0x003CC, 0x003CD, 0x003CE,
    0x003D3, 0x003D4, 0x00400, 0x00401, 0x00403, 0x00407, 0x0040C, 0x0040D, 0x0040E, 0x00419,
    0x00439, 0x00450, 0x00451, 0x00453, 0x00457, 0x0045C, 0x0045D, 0x0045E, 0x00476, 0x00477,
    0x004C1, 0x004C2, 0x004D0, 0x004D1, 0x004D2, 0x004D3, 0x004D6, 0x004D7, 0x004DA, 0x004DB,
    0x004DC, 0x004DD, 0x004DE, 0x004DF, 0x004E2, 0x004E3, 0x004E4, 0x004E5, 0x004E6, 0x004E7,
    0x004EA, 0x004EB, 0x004EC, 0x004ED, 0x004EE, 0x004EF, 0x004F0, 0x004F1, 0x004F2, 0x004F3,
    0x004F4, 0x004F5, 0x004F8, 0x004F9, 0x00622, 0x00623, 0x00624, 0x00625, 0x00626, 0x006C0,
    0x006C2, 0x006D3, 0x00929, 0x00931, 0x00934, 0x00958, 0x00959, 0x0095A, 0x0095B, 0x0095C,
    0x0095D, 0x0095E, 0x0095F, 0x009CB, 0x009CC, 0x009DC, 0x009DD, 0x009DF, 0x00A33, 0x00A36,
    0x00A59, 0x00A5A, 0x00A5B, 0x00A5E, 0x00B48, 0x00B4B, 0x00B4C, 0x00B5C, 0x00B5D, 0x00B94,
    0x00BCA, 0x00BCB, 0x00BCC, 0x00C48, 0x00CC0, 0x00CC7, 0x00CC8, 0x00CCA, 0x00CCB, 0x00D4A,
    0x00D4B, 0x00D4C, 0x00DDA, 0x00DDC, 0x00DDD, 0x00DDE, 0x00F43, 0x00F4D, 0x00F52, 0x00F57,
    0x00F5C, 0x00F69, 0x00F73, 0x00F75, 0x00F76, 0x00F78, 0x00F81, 0x00F93, 0x00F9D, 0x00FA2,
    0x00FA7, 0x00FAC, 0x00FB9, 0x01026, 0x01B06, 0x01B08, 0x01B0A, 0x01B0C, 0x01B0E, 0x01B12,
    0x01B3B, 0x01B3D, 0x01B40, 0x01B41, 0x01B43, 0x01E00, 0x01E01, 0x01E02, 0x01E03, 0x01E04,
    0x01E05, 0x01E06, 0x01E07, 0x01E08, 0x01E09, 0x01E0A, 0x01E0B, 0x01E0C, 0x01E0D, 0x01E0E,
    0x01E0F, 0x01E10, 0x01E11, 0x01E12, 0x01E13, 0x01E14, 0x01E15, 0x01E16, 0x01E17, 0x01E18,
    0x01E19, 0x01E1A, 0x01E1B, 0x01E1C, 0x01E1D, 0x01E1E, 0x01E1F, 0x01E20, 0x01E21, 0x01E22,
    0x01E23, 0x01E24, 0x01E25, 0x01E26, 0x01E27, 0x01E28, 0x01E29, 0x01E2A, 0x01E2B, 0x01E2C,
    0x01E2D, 0x01E2E, 0x01E2F, 0x01E30, 0x01E31, 0x01E32, 0x01E33, 0x01E34, 0x01E35, 0x01E36,
    0x01E37, 0x01E38, 0x01E39, 0x01E3A, 0x01E3B, 0x01E3C, 0x01E3D, 0x01E3E, 0x01E3F, 0x01E40,
    0x01E41, 0x01E42, 0x01E43, 0x01E44, 0x01E45, 0x01E46, 0x01E47, 0x01E48, 0x01E49, 0x01E4A,
    0x01E4B, 0x01E4C, 0x01E4D, 0x01E4E, 0x01E4F, 0x01E50, 0x01E51, 0x01E52, 0x01E53, 0x01E54,
    0x01E55, 0x01E56, 0x01E57, 0x01E58, 0x01E59, 0x01E5A, 0x01E5B, 0x01E5C, 0x01E5D, 0x01E5E,
    0x01E5F, 0x01E60, 0x01E61, 0x01E62, 0x01E63, 0x01E64, 0x01E65, 0x01E66, 0x01E67, 0x01E68,
    0x01E69, 0x01E6A, 0x01E6B, 0x01E6C, 0x01E6D, 0x01E6E, 0x01E6F, 0x01E70, 0x01E71, 0x01E72,
    0x01E73, 0x01E74, 0x01E75, 0x01E76, 0x01E77, 0x01E78, 0x01E79, 0x01E7A, 0x01E7B, 0x01E7C,
    0x01E7D, 0x01E7E, 0x01E7F, 0x01E80, 0x01E81, 0x01E82, 0x01E83, 0x01E84, 0x01E85, 0x01E86,
    0x01E87, 0x01E88, 0x01E89, 0x01E8A, 0x01E8B, 0x01E8C, 0x01E8D, 0x01E8E, 0x01E8F, 0x01E90,
    0x01E91, 0x01E92, 0x01E93, 0x01E94, 0x01E95, 0x01E96, 0x01E97, 0x01E98, 0x01E99, 0x01E9B,
    0x01EA0, 0x01EA1, 0x01EA2, 0x01EA3, 0x01EA4, 0x01EA5, 0x01EA6, 0x01EA7, 0x01EA8, 0x01EA9,
    0x01EAA, 0x01EAB, 0x01EAC, 0x01EAD, 0x01EAE, 0x01EAF, 0x01EB0, 0x01EB1, 0x01EB2, 0x01EB3,
    0x01EB4, 0x01EB5, 0x01EB6, 0x01EB7, 0x01EB8, 0x01EB9, 0x01EBA, 0x01EBB, 0x01EBC, 0x01EBD,
    0x01EBE, 0x01EBF, 0x01EC0, 0x01EC1, 0x01EC2, 0x01EC3, 0x01EC4, 0x01EC5, 0x01EC6, 0x01EC7,
    0x01EC8, 0x01EC9, 0x01ECA, 0x01ECB, 0x01ECC, 0x01ECD, 0x01ECE, 0x01ECF, 0x01ED0, 0x01ED1,
    0x01ED2, 0x01ED3, 0x01ED4, 0x01ED5, 0x01ED6, 0x01ED7, 0x01ED8, 0x01ED9, 0x01EDA, 0x01EDB,
    0x01EDC, 0x01EDD, 0x01EDE, 0x01EDF, 0x01EE0, 0x01EE1, 0x01EE2, 0x01EE3, 0x01EE4, 0x01EE5,
    0x01EE6, 0x01EE7, 0x01EE8, 0x01EE9, 0x01EEA, 0x01EEB, 0x01EEC, 0x01EED, 0x01EEE, 0x01EEF,
    0x01EF0, 0x01EF1, 0x01EF2, 0x01EF3, 0x01EF4, 0x01EF5, 0x01EF6, 0x01EF7, 0x01EF8, 0x01EF9,
    0x01F00, 0x01F01, 0x01F02, 0x01F03, 0x01F04, 0x01F05, 0x01F06, 0x01F07, 0x01F08, 0x01F09,
    0x01F0A, 0x01F0B, 0x01F0C, 0x01F0D, 0x01F0E, 0x01F0F, 0x01F10, 0x01F11, 0x01F12, 0x01F13,
    0x01F14, 0x01F15, 0x01F18, 0x01F19, 0x01F1A, 0x01F1B, 0x01F1C, 0x01F1D, 0x01F20, 0x01F21,
    0x01F22, 0x01F23, 0x01F24, 0x01F25, 0x01F26, 0x01F27, 0x01F28, 0x01F29, 0x01F2A, 0x01F2B,
    0x01F2C, 0x01F2D, 0x01F2E, 0x01F2F, 0x01F30, 0x01F31, 0x01F32, 0x01F33, 0x01F34, 0x01F35,
    0x01F36, 0x01F37, 0x01F38, 0x01F39, 0x01F3A, 0x01F3B, 0x01F3C, 0x01F3D, 0x01F3E, 0x01F3F,
    0x01F40, 0x01F41, 0x01F42, 0x01F43, 0x01F44, 0x01F45, 0x01F48, 0x01F49, 0x01F4A, 0x01F4B,
    0x01F4C, 0x01F4D, 0x01F50, 0x01F51, 0x01F52, 0x01F53, 0x01F54, 0x01F55, 0x01F56, 0x01F57,
    0x01F59, 0x01F5B, 0x01F5D, 0x01F5F, 0x01F60, 0x01F61, 0x01F62, 0x01F63, 0x01F64, 0x01F65,
    0x01F66, 0x01F67, 0x01F68, 0x01F69, 0x01F6A, 0x01F6B, 0x01F6C, 0x01F6D, 0x01F6E, 0x01F6F,
    0x01F70, 0x01F71, 0x01F72, 0x01F73, 0x01F74, 0x01F75, 0x01F76, 0x01F77, 0x01F78, 0x01F79,
    0x01F7A, 0x01F7B, 0x01F7C, 0x01F7D, 0x01F80, 0x01F81, 0x01F82, 0x01F83, 0x01F84, 0x01F85,
    0x01F86, 0x01F87, 0x01F88, 0x01F89, 0x01F8A, 0x01F8B, 0x01F8C, 0x01F8D, 0x01F8E, 0x01F8F,
    0x01F90, 0x01F91, 0x01F92, 0x01F93, 0x01F94, 0x01F95, 0x01F96, 0x01F97, 0x01F98, 0x01F99,
    0x01F9A, 0x01F9B, 0x01F9C, 0x01F9D, 0x01F9E, 0x01F9F, 0x01FA0, 0x01FA1, 0x01FA2, 0x01FA3,
    0x01FA4, 0x01FA5, 0x01FA6, 0x01FA7, 0x01FA8, 0x01FA9, 0x01FAA, 0x01FAB, 0x01FAC, 0x01FAD,
    0x01FAE, 0x01FAF, 0x01FB0, 0x01FB1, 0x01FB2, 0x01FB3, 0x01FB4, 0x01FB6, 0x01FB7, 0x01FB8,
    0x01FB9, 0x01FBA, 0x01FBB, 0x01FBC, 0x01FBE, 0x01FC1, 0x01FC2, 0x01FC3, 0x01FC4, 0x01FC6,
    0x01FC7, 0x01FC8, 0x01FC9, 0x01FCA, 0x01FCB, 0x01FCC, 0x01FCD, 0x01FCE, 0x01FCF, 0x01FD0,
    0x01FD1, 0x01FD2, 0x01FD3, 0x01FD6, 0x01FD7, 0x01FD8, 0x01FD9, 0x01FDA, 0x01FDB, 0x01FDD,
    0x01FDE, 0x01FDF, 0x01FE0, 0x01FE1, 0x01FE2, 0x01FE3, 0x01FE4, 0x01FE5, 0x01FE6, 0x01FE7,
    0x01FE8, 0x01FE9, 0x01FEA, 0x01FEB, 0x01FEC, 0x01FED, 0x01FEE, 0x01FEF, 0x01FF2, 0x01FF3,
    0x01FF4, 0x01FF6, 0x01FF7, 0x01FF8, 0x01FF9, 0x01FFA, 0x01FFB, 0x01FFC, 0x01FFD, 0x02000,
    0x02001, 0x02126, 0x0212A, 0x0212B, 0x0219A, 0x0219B, 0x021AE, 0x021CD, 0x021CE, 0x021CF,
    0x02204, 0x02209, 0x0220C, 0x02224, 0x02226, 0x02241, 0x02244, 0x02247, 0x02249, 0x02260,
    0x02262, 0x0226D, 0x0226E, 0x0226F, 0x02270, 0x02271, 0x02274, 0x02275, 0x02278, 0x02279,
    0x02280, 0x02281, 0x02284, 0x02285, 0x02288, 0x02289, 0x022AC, 0x022AD, 0x022AE, 0x022AF,
    0x022E0, 0x022E1, 0x022E2, 0x022E3, 0x022EA, 0x022EB, 0x022EC, 0x022ED, 0x02329, 0x0232A,
    0x02ADC, 0x0304C, 0x0304E, 0x03050, 0x03052, 0x03054, 0x03056, 0x03058, 0x0305A, 0x0305C,
    0x0305E, 0x03060, 0x03062, 0x03065, 0x03067, 0x03069, 0x03070, 0x03071, 0x03073, 0x03074,
    0x03076, 0x03077, 0x03079, 0x0307A, 0x0307C, 0x0307D, 0x03094, 0x0309E, 0x030AC, 0x030AE,
    0x030B0, 0x030B2, 0x030B4, 0x030B6, 0x030B8, 0x030BA, 0x030BC, 0x030BE, 0x030C0, 0x030C2,
    0x030C5, 0x030C7, 0x030C9, 0x030D0, 0x030D1, 0x030D3, 0x030D4, 0x030D6, 0x030D7, 0x030D9,
    0x030DA, 0x030DC, 0x030DD, 0x030F4, 0x030F7, 0x030F8, 0x030F9, 0x030FA, 0x030FE, 0x0F900,
    0x0F901, 0x0F902, 0x0F903, 0x0F904, 0x0F905, 0x0F906, 0x0F907, 0x0F908, 0x0F909, 0x0F90A,
    0x0F90B, 0x0F90C, 0x0F90D, 0x0F90E, 0x0F90F, 0x0F910, 0x0F911, 0x0F912, 0x0F913, 0x0F914,
    0x0F915, 0x0F916, 0x0F917, 0x0F918, 0x0F919, 0x0F91A, 0x0F91B, 0x0F91C, 0x0F91D, 0x0F91E,
    0x0F91F, 0x0F920, 0x0F921, 0x0F922, 0x0F923, 0x0F924, 0x0F925, 0x0F926, 0x0F927, 0x0F928,
    0x0F929, 0x0F92A, 0x0F92B, 0x0F92C, 0x0F92D, 0x0F92E, 0x0F92F, 0x0F930, 0x0F931, 0x0F932,
    0x0F933, 0x0F934, 0x0F935, 0x0F936, 0x0F937, 0x0F938, 0x0F939, 0x0F93A, 0x0F93B, 0x0F93C,
    0x0F93D, 0x0F93E, 0x0F93F, 0x0F940, 0x0F941, 0x0F942, 0x0F943, 0x0F944, 0x0F945, 0x0F946,
    0x0F947, 0x0F948, 0x0F949, 0x0F94A, 0x0F94B, 0x0F94C, 0x0F94D, 0x0F94E, 0x0F94F, 0x0F950,
    0x0F951, 0x0F952, 0x0F953, 0x0F954, 0x0F955, 0x0F956, 0x0F957, 0x0F958, 0x0F959, 0x0F95A,
    0x0F95B, 0x0F95C, 0x0F95D, 0x0F95E, 0x0F95F, 0x0F960, 0x0F961, 0x0F962, 0x0F963, 0x0F964,
    0x0F965, 0x0F966, 0x0F967, 0x0F968, 0x0F969, 0x0F96A, 0x0F96B, 0x0F96C, 0x0F96D, 0x0F96E,
    0x0F96F, 0x0F970, 0x0F971, 0x0F972, 0x0F973, 0x0F974, 0x0F975, 0x0F976, 0x0F977, 0x0F978,
    0x0F979, 0x0F97A, 0x0F97B, 0x0F97C, 0x0F97D, 0x0F97E, 0x0F97F, 0x0F980, 0x0F981, 0x0F982,
    0x0F983, 0x0F984, 0x0F985, 0x0F986, 0x0F987, 0x0F988, 0x0F989, 0x0F98A, 0x0F98B, 0x0F98C,
    0x0F98D, 0x0F98E, 0x0F98F, 0x0F990, 0x0F991, 0x0F992, 0x0F993, 0x0F994, 0x0F995, 0x0F996,
    0x0F997, 0x0F998, 0x0F999, 0x0F99A, 0x0F99B, 0x0F99C, 0x0F99D, 0x0F99E, 0x0F99F, 0x0F9A0,
    0x0F9A1, 0x0F9A2, 0x0F9A3, 0x0F9A4, 0x0F9A5, 0x0F9A6, 0x0F9A7, 0x0F9A8, 0x0F9A9, 0x0F9AA,
    0x0F9AB, 0x0F9AC, 0x0F9AD, 0x0F9AE, 0x0F9AF, 0x0F9B0, 0x0F9B1, 0x0F9B2, 0x0F9B3, 0x0F9B4,
    0x0F9B5, 0x0F9B6, 0x0F9B7, 0x0F9B8, 0x0F9B9, 0x0F9BA, 0x0F9BB, 0x0F9BC, 0x0F9BD, 0x0F9BE,
    0x0F9BF, 0x0F9C0, 0x0F9C1, 0x0F9C2, 0x0F9C3, 0x0F9C4, 0x0F9C5, 0x0F9C6, 0x0F9C7, 0x0F9C8,
    0x0F9C9, 0x0F9CA, 0x0F9CB, 0x0F9CC, 0x0F9CD, 0x0F9CE, 0x0F9CF, 0x0F9D0, 0x0F9D1, 0x0F9D2,
    0x0F9D3, 0x0F9D4, 0x0F9D5, 0x0F9D6, 0x0F9D7, 0x0F9D8, 0x0F9D9, 0x0F9DA, 0x0F9DB, 0x0F9DC,
    0x0F9DD, 0x0F9DE, 0x0F9DF, 0x0F9E0, 0x0F9E1, 0x0F9E2, 0x0F9E3, 0x0F9E4, 0x0F9E5, 0x0F9E6,
    0x0F9E7, 0x0F9E8, 0x0F9E9, 0x0F9EA, 0x0F9EB, 0x0F9EC, 0x0F9ED, 0x0F9EE, 0x0F9EF, 0x0F9F0,
    0x0F9F1, 0x0F9F2, 0x0F9F3, 0x0F9F4, 0x0F9F5, 0x0F9F6, 0x0F9F7, 0x0F9F8, 0x0F9F9, 0x0F9FA,
    0x0F9FB, 0x0F9FC, 0x0F9FD, 0x0F9FE, 0x0F9FF, 0x0FA00, 0x0FA01, 0x0FA02, 0x0FA03, 0x0FA04,
    0x0FA05, 0x0FA06, 0x0FA07, 0x0FA08, 0x0FA09, 0x0FA0A, 0x0FA0B, 0x0FA0C, 0x0FA0D, 0x0FA10,
    0x0FA12, 0x0FA15, 0x0FA16, 0x0FA17, 0x0FA18, 0x0FA19, 0x0FA1A, 0x0FA1B, 0x0FA1C, 0x0FA1D,
    0x0FA1E, 0x0FA20, 0x0FA22, 0x0FA25, 0x0FA26, 0x0FA2A, 0x0FA2B, 0x0FA2C, 0x0FA2D, 0x0FA2E,
    0x0FA2F, 0x0FA30, 0x0FA31, 0x0FA32, 0x0FA33, 0x0FA34, 0x0FA35, 0x0FA36, 0x0FA37, 0x0FA38,
    0x0FA39, 0x0FA3A, 0x0FA3B, 0x0FA3C, 0x0FA3D, 0x0FA3E, 0x0FA3F, 0x0FA40, 0x0FA41, 0x0FA42,
    0x0FA43, 0x0FA44, 0x0FA45, 0x0FA46, 0x0FA47, 0x0FA48, 0x0FA49, 0x0FA4A, 0x0FA4B, 0x0FA4C,
    0x0FA4D, 0x0FA4E, 0x0FA4F, 0x0FA50, 0x0FA51, 0x0FA52, 0x0FA53, 0x0FA54, 0x0FA55, 0x0FA56,
    0x0FA57, 0x0FA58, 0x0FA59, 0x0FA5A, 0x0FA5B, 0x0FA5C, 0x0FA5D, 0x0FA5E, 0x0FA5F, 0x0FA60,
    0x0FA61, 0x0FA62, 0x0FA63, 0x0FA64, 0x0FA65, 0x0FA66, 0x0FA67, 0x0FA68, 0x0FA69, 0x0FA6A,
    0x0FA6B, 0x0FA6C, 0x0FA6D, 0x0FA70, 0x0FA71, 0x0FA72, 0x0FA73, 0x0FA74, 0x0FA75, 0x0FA76,
    0x0FA77, 0x0FA78, 0x0FA79, 0x0FA7A, 0x0FA7B, 0x0FA7C, 0x0FA7D, 0x0FA7E, 0x0FA7F, 0x0FA80,
    0x0FA81, 0x0FA82, 0x0FA83, 0x0FA84, 0x0FA85, 0x0FA86, 0x0FA87, 0x0FA88, 0x0FA89, 0x0FA8A,
    0x0FA8B, 0x0FA8C, 0x0FA8D, 0x0FA8E, 0x0FA8F, 0x0FA90, 0x0FA91, 0x0FA92, 0x0FA93, 0x0FA94,
    0x0FA95, 0x0FA96, 0x0FA97, 0x0FA98, 0x0FA99, 0x0FA9A, 0x0FA9B, 0x0FA9C, 0x0FA9D, 0x0FA9E,
    0x0FA9F, 0x0FAA0, 0x0FAA1, 0x0FAA2, 0x0FAA3, 0x0FAA4, 0x0FAA5, 0x0FAA6, 0x0FAA7, 0x0FAA8,
    0x0FAA9, 0x0FAAA, 0x0FAAB, 0x0FAAC, 0x0FAAD, 0x0FAAE, 0x0FAAF, 0x0FAB0, 0x0FAB1, 0x0FAB2,
    0x0FAB3, 0x0FAB4, 0x0FAB5, 0x0FAB6, 0x0FAB7, 0x0FAB8, 0x0FAB9, 0x0FABA, 0x0FABB, 0x0FABC,
    0x0FABD, 0x0FABE, 0x0FABF, 0x0FAC0, 0x0FAC1, 0x0FAC2, 0x0FAC3, 0x0FAC4, 0x0FAC5, 0x0FAC6,
    0x0FAC7, 0x0FAC8, 0x0FAC9, 0x0FACA, 0x0FACB, 0x0FACC, 0x0FACD, 0x0FACE, 0x0FACF, 0x0FAD0,
    0x0FAD1, 0x0FAD2, 0x0FAD3, 0x0FAD4, 0x0FAD5, 0x0FAD6, 0x0FAD7, 0x0FAD8, 0x0FAD9, 0x0FB1D,
    0x0FB1F, 0x0FB2A, 0x0FB2B, 0x0FB2C, 0x0FB2D, 0x0FB2E, 0x0FB2F, 0x0FB30, 0x0FB31, 0x0FB32,
    0x0FB33, 0x0FB34, 0x0FB35, 0x0FB36, 0x0FB38, 0x0FB39, 0x0FB3A, 0x0FB3B, 0x0FB3C, 0x0FB3E,
    0x0FB40, 0x0FB41, 0x0FB43, 0x0FB44, 0x0FB46, 0x0FB47, 0x0FB48, 0x0FB49, 0x0FB4A, 0x0FB4B,
    0x0FB4C, 0x0FB4D, 0x0FB4E, 0x1109A, 0x1109C, 0x110AB, 0x1112E, 0x1112F, 0x1134B, 0x1134C,
    0x114BB, 0x114BC, 0x114BE, 0x115BA, 0x115BB, 0x11938, 0x1D15E, 0x1D15F, 0x1D160, 0x1D161,
    0x1D162, 0x1D163, 0x1D164, 0x1D1BB, 0x1D1BC, 0x1D1BD, 0x1D1BE, 0x1D1BF, 0x1D1C0, 0x2F800,
    0x2F801, 0x2F802, 0x2F803, 0x2F804, 0x2F805, 0x2F806, 0x2F807, 0x2F808, 0x2F809, 0x2F80A,
    0x2F80B, 0x2F80C, 0x2F80D, 0x2F80E, 0x2F80F, 0x2F810, 0x2F811, 0x2F812, 0x2F813, 0x2F814,
    0x2F815, 0x2F816, 0x2F817, 0x2F818, 0x2F819, 0x2F81A, 0x2F81B, 0x2F81C, 0x2F81D, 0x2F81E,
    0x2F81F, 0x2F820, 0x2F821, 0x2F822, 0x2F823, 0x2F824, 0x2F825, 0x2F826, 0x2F827, 0x2F828,
    0x2F829, 0x2F82A, 0x2F82B, 0x2F82C, 0x2F82D, 0x2F82E, 0x2F82F, 0x2F830, 0x2F831, 0x2F832,
    0x2F833, 0x2F834, 0x2F835, 0x2F836, 0x2F837, 0x2F838, 0x2F839, 0x2F83A, 0x2F83B, 0x2F83C,
    0x2F83D, 0x2F83E, 0x2F83F, 0x2F840, 0x2F841, 0x2F842, 0x2F843, 0x2F844, 0x2F845, 0x2F846,
    0x2F847, 0x2F848, 0x2F849, 0x2F84A, 0x2F84B, 0x2F84C, 0x2F84D, 0x2F84E, 0x2F84F, 0x2F850,
    0x2F851, 0x2F852, 0x2F853, 0x2F854, 0x2F855, 0x2F856, 0x2F857, 0x2F858, 0x2F859, 0x2F85A,
    0x2F85B, 0x2F85C, 0x2F85D, 0x2F85E, 0x2F85F, 0x2F860, 0x2F861, 0x2F862, 0x2F863, 0x2F864,
    0x2F865, 0x2F866, 0x2F867, 0x2F868, 0x2F869, 0x2F86A, 0x2F86B, 0x2F86C, 0x2F86D, 0x2F86E,
    0x2F86F, 0x2F870, 0x2F871, 0x2F872, 0x2F873, 0x2F874, 0x2F875, 0x2F876, 0x2F877, 0x2F878,
    0x2F879, 0x2F87A, 0x2F87B, 0x2F87C, 0x2F87D, 0x2F87E, 0x2F87F, 0x2F880, 0x2F881, 0x2F882,
    0x2F883, 0x2F884, 0x2F885, 0x2F886, 0x2F887, 0x2F888, 0x2F889, 0x2F88A, 0x2F88B, 0x2F88C,
    0x2F88D, 0x2F88E, 0x2F88F, 0x2F890, 0x2F891, 0x2F892, 0x2F893, 0x2F894, 0x2F895, 0x2F896,
    0x2F897, 0x2F898, 0x2F899, 0x2F89A, 0x2F89B, 0x2F89C, 0x2F89D, 0x2F89E, 0x2F89F, 0x2F8A0,
    0x2F8A1, 0x2F8A2, 0x2F8A3, 0x2F8A4, 0x2F8A5, 0x2F8A6, 0x2F8A7, 0x2F8A8, 0x2F8A9, 0x2F8AA,
    0x2F8AB, 0x2F8AC, 0x2F8AD, 0x2F8AE, 0x2F8AF, 0x2F8B0, 0x2F8B1, 0x2F8B2, 0x2F8B3, 0x2F8B4,
    0x2F8B5, 0x2F8B6, 0x2F8B7, 0x2F8B8, 0x2F8B9, 0x2F8BA, 0x2F8BB, 0x2F8BC, 0x2F8BD, 0x2F8BE,
    0x2F8BF, 0x2F8C0, 0x2F8C1, 0x2F8C2, 0x2F8C3, 0x2F8C4, 0x2F8C5, 0x2F8C6, 0x2F8C7, 0x2F8C8,
    0x2F8C9, 0x2F8CA, 0x2F8CB, 0x2F8CC, 0x2F8CD, 0x2F8CE, 0x2F8CF, 0x2F8D0, 0x2F8D1, 0x2F8D2,
    0x2F8D3, 0x2F8D4, 0x2F8D5, 0x2F8D6, 0x2F8D7, 0x2F8D8, 0x2F8D9, 0x2F8DA, 0x2F8DB, 0x2F8DC,
    0x2F8DD, 0x2F8DE, 0x2F8DF, 0x2F8E0, 0x2F8E1, 0x2F8E2, 0x2F8E3, 0x2F8E4, 0x2F8E5, 0x2F8E6,
    0x2F8E7, 0x2F8E8, 0x2F8E9, 0x2F8EA, 0x2F8EB, 0x2F8EC, 0x2F8ED, 0x2F8EE, 0x2F8EF, 0x2F8F0,
    0x2F8F1, 0x2F8F2, 0x2F8F3, 0x2F8F4, 0x2F8F5, 0x2F8F6, 0x2F8F7, 0x2F8F8, 0x2F8F9, 0x2F8FA,
    0x2F8FB, 0x2F8FC, 0x2F8FD, 0x2F8FE, 0x2F8FF, 0x2F900, 0x2F901, 0x2F902, 0x2F903, 0x2F904,
    0x2F905, 0x2F906, 0x2F907, 0x2F908, 0x2F909, 0x2F90A, 0x2F90B, 0x2F90C, 0x2F90D, 0x2F90E,
    0x2F90F, 0x2F910, 0x2F911, 0x2F912, 0x2F913, 0x2F914, 0x2F915, 0x2F916, 0x2F917, 0x2F918,
    0x2F919, 0x2F91A, 0x2F91B, 0x2F91C, 0x2F91D, 0x2F91E, 0x2F91F, 0x2F920, 0x2F921, 0x2F922,
    0x2F923, 0x2F924, 0x2F925, 0x2F926, 0x2F927, 0x2F928, 0x2F929, 0x2F92A, 0x2F92B, 0x2F92C,
    0x2F92D, 0x2F92E, 0x2F92F, 0x2F930, 0x2F931, 0x2F932, 0x2F933, 0x2F934, 0x2F935, 0x2F936,
    0x2F937, 0x2F938, 0x2F939, 0x2F93A, 0x2F93B, 0x2F93C, 0x2F93D, 0x2F93E, 0x2F93F, 0x2F940,
    0x2F941, 0x2F942, 0x2F943, 0x2F944, 0x2F945, 0x2F946, 0x2F947, 0x2F948, 0x2F949, 0x2F94A,
    0x2F94B, 0x2F94C, 0x2F94D, 0x2F94E, 0x2F94F, 0x2F950, 0x2F951, 0x2F952, 0x2F953, 0x2F954,
    0x2F955, 0x2F956, 0x2F957, 0x2F958, 0x2F959, 0x2F95A, 0x2F95B, 0x2F95C, 0x2F95D, 0x2F95E,
    0x2F95F, 0x2F960, 0x2F961, 0x2F962, 0x2F963, 0x2F964, 0x2F965, 0x2F966, 0x2F967, 0x2F968,
    0x2F969, 0x2F96A, 0x2F96B, 0x2F96C, 0x2F96D, 0x2F96E, 0x2F96F, 0x2F970, 0x2F971, 0x2F972,
    0x2F973, 0x2F974, 0x2F975, 0x2F976, 0x2F977, 0x2F978, 0x2F979, 0x2F97A, 0x2F97B, 0x2F97C,
    0x2F97D, 0x2F97E, 0x2F97F, 0x2F980, 0x2F981, 0x2F982, 0x2F983, 0x2F984, 0x2F985, 0x2F986,
    0x2F987, 0x2F988, 0x2F989, 0x2F98A, 0x2F98B, 0x2F98C, 0x2F98D, 0x2F98E, 0x2F98F, 0x2F990,
    0x2F991, 0x2F992, 0x2F993, 0x2F994, 0x2F995, 0x2F996, 0x2F997, 0x2F998, 0x2F999, 0x2F99A,
    0x2F99B, 0x2F99C, 0x2F99D, 0x2F99E, 0x2F99F, 0x2F9A0, 0x2F9A1, 0x2F9A2, 0x2F9A3, 0x2F9A4,
    0x2F9A5, 0x2F9A6, 0x2F9A7, 0x2F9A8, 0x2F9A9, 0x2F9AA, 0x2F9AB, 0x2F9AC, 0x2F9AD, 0x2F9AE,
    0x2F9AF, 0x2F9B0, 0x2F9B1, 0x2F9B2, 0x2F9B3, 0x2F9B4, 0x2F9B5, 0x2F9B6, 0x2F9B7, 0x2F9B8,
    0x2F9B9, 0x2F9BA, 0x2F9BB, 0x2F9BC, 0x2F9BD, 0x2F9BE, 0x2F9BF, 0x2F9C0, 0x2F9C1, 0x2F9C2,
    0x2F9C3, 0x2F9C4, 0x2F9C5, 0x2F9C6, 0x2F9C7, 0x2F9C8, 0x2F9C9, 0x2F9CA, 0x2F9CB, 0x2F9CC,
    0x2F9CD, 0x2F9CE, 0x2F9CF, 0x2F9D0, 0x2F9D1, 0x2F9D2, 0x2F9D3, 0x2F9D4, 0x2F9D5, 0x2F9D6,
    0x2F9D7, 0x2F9D8, 0x2F9D9, 0x2F9DA, 0x2F9DB, 0x2F9DC, 0x2F9DD, 0x2F9DE, 0x2F9DF, 0x2F9E0,
    0x2F9E1, 0x2F9E2, 0x2F9E3, 0x2F9E4, 0x2F9E5, 0x2F9E6, 0x2F9E7, 0x2F9E8, 0x2F9E9, 0x2F9EA,
    0x2F9EB, 0x2F9EC, 0x2F9ED, 0x2F9EE, 0x2F9EF, 0x2F9F0, 0x2F9F1, 0x2F9F2, 0x2F9F3, 0x2F9F4,
    0x2F9F5, 0x2F9F6, 0x2F9F7, 0x2F9F8, 0x2F9F9, 0x2F9FA, 0x2F9FB, 0x2F9FC, 0x2F9FD, 0x2F9FE,
    0x2F9FF, 0x2FA00, 0x2FA01, 0x2FA02, 0x2FA03, 0x2FA04, 0x2FA05, 0x2FA06, 0x2FA07, 0x2FA08,
    0x2FA09, 0x2FA0A, 0x2FA0B, 0x2FA0C, 0x2FA0D, 0x2FA0E, 0x2FA0F, 0x2FA10, 0x2FA11, 0x2FA12,
    0x2FA13, 0x2FA14, 0x2FA15, 0x2FA16, 0x2FA17, 0x2FA18, 0x2FA19, 0x2FA1A, 0x2FA1B, 0x2FA1C,
    0x2FA1D,
};
static const uint16_t rwkv__decomp_off[2062] = {
    0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30,
    32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62,
    64, 66, 68, 70, 72, 74, 76, 78, 80, 82, 84, 86, 88, 90, 92, 94,
    96, 98, 100, 102, 104, 106, 108, 110, 112, 114, 116, 118, 120, 122, 124, 126,
    128, 130, 132, 134, 136, 138, 140, 142, 144, 146, 148, 150, 152, 154, 156, 158,
    160, 162, 164, 166, 168, 170, 172, 174, 176, 178, 180, 182, 184, 186, 188, 190,
    192, 194, 196, 198, 200, 202, 204, 206, 208, 210, 212, 214, 216, 218, 220, 222,
    224, 226, 228, 230, 232, 234, 236, 238, 240, 242, 244, 246, 248, 250, 252, 254,
    256, 258, 260, 262, 264, 266, 268, 270, 272, 274, 276, 278, 280, 282, 284, 286,
    288, 290, 292, 294, 296, 298, 300, 302, 304, 306, 308, 310, 312, 314, 316, 318,
    320, 322, 324, 326, 328, 330, 332, 334, 336, 338, 340, 342, 344, 346, 349, 352,
    355, 358, 361, 364, 367, 370, 373, 376, 379, 382, 384, 386, 388, 390, 392, 394,
    396, 398, 401, 404, 406, 408, 410, 412, 414, 416, 418, 421, 424, 426, 428, 430,
    432, 434, 436, 438, 440, 442, 444, 446, 448, 450, 452, 454, 456, 458, 460, 462,
    464, 466, 468, 470, 472, 474, 476, 478, 480, 482, 484, 486, 488, 490, 492, 494,
    496, 498, 500, 503, 506, 509, 512, 514, 516, 519, 522, 524, 526, 527, 528, 529,
    531, 532, 533, 535, 537, 538, 540, 542, 544, 546, 548, 550, 553, 555, 557, 559,
    561, 563, 565, 568, 570, 572, 574, 576, 578, 580, 582, 584, 586, 588, 590, 592,
    594, 596, 598, 600, 602, 604, 606, 608, 610, 612, 614, 616, 618, 620, 622, 624,
    626, 628, 630, 632, 634, 636, 638, 640, 642, 644, 646, 648, 650, 652, 654, 656,
    658, 660, 662, 664, 666, 668, 670, 672, 674, 676, 678, 680, 682, 684, 686, 688,
    690, 692, 694, 696, 698, 700, 702, 704, 706, 708, 710, 712, 714, 716, 718, 720,
    722, 724, 726, 728, 730, 732, 734, 736, 738, 740, 742, 744, 746, 748, 750, 752,
    754, 756, 758, 760, 762, 764, 766, 768, 770, 772, 774, 777, 779, 781, 783, 785,
    787, 790, 792, 794, 796, 798, 800, 802, 804, 806, 808, 810, 812, 814, 816, 818,
    820, 822, 824, 826, 828, 830, 832, 834, 836, 838, 840, 842, 844, 846, 848, 850,
    852, 854, 856, 858, 860, 862, 864, 866, 869, 872, 874, 876, 878, 880, 882, 884,
    886, 888, 890, 892, 895, 898, 901, 904, 906, 908, 910, 912, 915, 918, 920, 922,
    924, 926, 928, 930, 932, 934, 936, 938, 940, 942, 944, 946, 948, 950, 953, 956,
    958, 960, 962, 964, 966, 968, 970, 972, 975, 978, 980, 982, 984, 986, 988, 990,
    992, 994, 996, 998, 1000, 1002, 1004, 1006, 1008, 1010, 1012, 1014, 1017, 1020, 1023, 1026,
    1029, 1032, 1035, 1038, 1040, 1042, 1044, 1046, 1048, 1050, 1052, 1054, 1057, 1060, 1062, 1064,
    1066, 1068, 1070, 1072, 1075, 1078, 1081, 1084, 1087, 1090, 1092, 1094, 1096, 1098, 1100, 1102,
    1104, 1106, 1108, 1110, 1112, 1114, 1116, 1118, 1121, 1124, 1127, 1130, 1132, 1134, 1136, 1138,
    1140, 1142, 1144, 1146, 1148, 1150, 1152, 1154, 1156, 1158, 1160, 1162, 1164, 1166, 1168, 1170,
    1172, 1174, 1176, 1178, 1180, 1182, 1184, 1186, 1188, 1190, 1192, 1194, 1196, 1198, 1200, 1203,
    1206, 1209, 1212, 1215, 1218, 1221, 1224, 1227, 1230, 1233, 1236, 1239, 1242, 1245, 1248, 1251,
    1254, 1257, 1260, 1262, 1264, 1266, 1268, 1270, 1272, 1275, 1278, 1281, 1284, 1287, 1290, 1293,
    1296, 1299, 1302, 1304, 1306, 1308, 1310, 1312, 1314, 1316, 1318, 1321, 1324, 1327, 1330, 1333,
    1336, 1339, 1342, 1345, 1348, 1351, 1354, 1357, 1360, 1363, 1366, 1369, 1372, 1375, 1378, 1380,
    1382, 1384, 1386, 1389, 1392, 1395, 1398, 1401, 1404, 1407, 1410, 1413, 1416, 1418, 1420, 1422,
    1424, 1426, 1428, 1430, 1432, 1434, 1436, 1439, 1442, 1445, 1448, 1451, 1454, 1456, 1458, 1461,
    1464, 1467, 1470, 1473, 1476, 1478, 1480, 1483, 1486, 1489, 1492, 1494, 1496, 1499, 1502, 1505,
    1508, 1510, 1512, 1515, 1518, 1521, 1524, 1527, 1530, 1532, 1534, 1537, 1540, 1543, 1546, 1549,
    1552, 1554, 1556, 1559, 1562, 1565, 1568, 1571, 1574, 1576, 1578, 1581, 1584, 1587, 1590, 1593,
    1596, 1598, 1600, 1603, 1606, 1609, 1612, 1614, 1616, 1619, 1622, 1625, 1628, 1630, 1632, 1635,
    1638, 1641, 1644, 1647, 1650, 1652, 1655, 1658, 1661, 1663, 1665, 1668, 1671, 1674, 1677, 1680,
    1683, 1685, 1687, 1690, 1693, 1696, 1699, 1702, 1705, 1707, 1709, 1711, 1713, 1715, 1717, 1719,
    1721, 1723, 1725, 1727, 1729, 1731, 1733, 1736, 1739, 1743, 1747, 1751, 1755, 1759, 1763, 1766,
    1769, 1773, 1777, 1781, 1785, 1789, 1793, 1796, 1799, 1803, 1807, 1811, 1815, 1819, 1823, 1826,
    1829, 1833, 1837, 1841, 1845, 1849, 1853, 1856, 1859, 1863, 1867, 1871, 1875, 1879, 1883, 1886,
    1889, 1893, 1897, 1901, 1905, 1909, 1913, 1915, 1917, 1920, 1922, 1925, 1927, 1930, 1932, 1934,
    1936, 1938, 1940, 1941, 1943, 1946, 1948, 1951, 1953, 1956, 1958, 1960, 1962, 1964, 1966, 1968,
    1970, 1972, 1974, 1976, 1979, 1982, 1984, 1987, 1989, 1991, 1993, 1995, 1997, 1999, 2001, 2003,
    2005, 2008, 2011, 2013, 2015, 2017, 2020, 2022, 2024, 2026, 2028, 2030, 2032, 2034, 2035, 2038,
    2040, 2043, 2045, 2048, 2050, 2052, 2054, 2056, 2058, 2059, 2060, 2061, 2062, 2063, 2065, 2067,
    2069, 2071, 2073, 2075, 2077, 2079, 2081, 2083, 2085, 2087, 2089, 2091, 2093, 2095, 2097, 2099,
    2101, 2103, 2105, 2107, 2109, 2111, 2113, 2115, 2117, 2119, 2121, 2123, 2125, 2127, 2129, 2131,
    2133, 2135, 2137, 2139, 2141, 2143, 2145, 2147, 2149, 2151, 2153, 2154, 2155, 2157, 2159, 2161,
    2163, 2165, 2167, 2169, 2171, 2173, 2175, 2177, 2179, 2181, 2183, 2185, 2187, 2189, 2191, 2193,
    2195, 2197, 2199, 2201, 2203, 2205, 2207, 2209, 2211, 2213, 2215, 2217, 2219, 2221, 2223, 2225,
    2227, 2229, 2231, 2233, 2235, 2237, 2239, 2241, 2243, 2245, 2247, 2249, 2251, 2253, 2255, 2257,
    2259, 2261, 2263, 2265, 2267, 2269, 2271, 2273, 2274, 2275, 2276, 2277, 2278, 2279, 2280, 2281,
    2282, 2283, 2284, 2285, 2286, 2287, 2288, 2289, 2290, 2291, 2292, 2293, 2294, 2295, 2296, 2297,
    2298, 2299, 2300, 2301, 2302, 2303, 2304, 2305, 2306, 2307, 2308, 2309, 2310, 2311, 2312, 2313,
    2314, 2315, 2316, 2317, 2318, 2319, 2320, 2321, 2322, 2323, 2324, 2325, 2326, 2327, 2328, 2329,
    2330, 2331, 2332, 2333, 2334, 2335, 2336, 2337, 2338, 2339, 2340, 2341, 2342, 2343, 2344, 2345,
    2346, 2347, 2348, 2349, 2350, 2351, 2352, 2353, 2354, 2355, 2356, 2357, 2358, 2359, 2360, 2361,
    2362, 2363, 2364, 2365, 2366, 2367, 2368, 2369, 2370, 2371, 2372, 2373, 2374, 2375, 2376, 2377,
    2378, 2379, 2380, 2381, 2382, 2383, 2384, 2385, 2386, 2387, 2388, 2389, 2390, 2391, 2392, 2393,
    2394, 2395, 2396, 2397, 2398, 2399, 2400, 2401, 2402, 2403, 2404, 2405, 2406, 2407, 2408, 2409,
    2410, 2411, 2412, 2413, 2414, 2415, 2416, 2417, 2418, 2419, 2420, 2421, 2422, 2423, 2424, 2425,
    2426, 2427, 2428, 2429, 2430, 2431, 2432, 2433, 2434, 2435, 2436, 2437, 2438, 2439, 2440, 2441,
    2442, 2443, 2444, 2445, 2446, 2447, 2448, 2449, 2450, 2451, 2452, 2453, 2454, 2455, 2456, 2457,
    2458, 2459, 2460, 2461, 2462, 2463, 2464, 2465, 2466, 2467, 2468, 2469, 2470, 2471, 2472, 2473,
    2474, 2475, 2476, 2477, 2478, 2479, 2480, 2481, 2482, 2483, 2484, 2485, 2486, 2487, 2488, 2489,
    2490, 2491, 2492, 2493, 2494, 2495, 2496, 2497, 2498, 2499, 2500, 2501, 2502, 2503, 2504, 2505,
    2506, 2507, 2508, 2509, 2510, 2511, 2512, 2513, 2514, 2515, 2516, 2517, 2518, 2519, 2520, 2521,
    2522, 2523, 2524, 2525, 2526, 2527, 2528, 2529, 2530, 2531, 2532, 2533, 2534, 2535, 2536, 2537,
    2538, 2539, 2540, 2541, 2542, 2543, 2544, 2545, 2546, 2547, 2548, 2549, 2550, 2551, 2552, 2553,
    2554, 2555, 2556, 2557, 2558, 2559, 2560, 2561, 2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569,
    2570, 2571, 2572, 2573, 2574, 2575, 2576, 2577, 2578, 2579, 2580, 2581, 2582, 2583, 2584, 2585,
    2586, 2587, 2588, 2589, 2590, 2591, 2592, 2593, 2594, 2595, 2596, 2597, 2598, 2599, 2600, 2601,
    2602, 2603, 2604, 2605, 2606, 2607, 2608, 2609, 2610, 2611, 2612, 2613, 2614, 2615, 2616, 2617,
    2618, 2619, 2620, 2621, 2622, 2623, 2624, 2625, 2626, 2627, 2628, 2629, 2630, 2631, 2632, 2633,
    2634, 2635, 2636, 2637, 2638, 2639, 2640, 2641, 2642, 2643, 2644, 2645, 2646, 2647, 2648, 2649,
    2650, 2651, 2652, 2653, 2654, 2655, 2656, 2657, 2658, 2659, 2660, 2661, 2662, 2663, 2664, 2665,
    2666, 2667, 2668, 2669, 2670, 2671, 2672, 2673, 2674, 2675, 2676, 2677, 2678, 2679, 2680, 2681,
    2682, 2683, 2684, 2685, 2686, 2687, 2688, 2689, 2690, 2691, 2692, 2693, 2694, 2695, 2696, 2697,
    2698, 2699, 2700, 2701, 2702, 2703, 2704, 2705, 2706, 2707, 2708, 2709, 2710, 2711, 2712, 2713,
    2714, 2715, 2716, 2717, 2718, 2719, 2720, 2721, 2722, 2723, 2724, 2725, 2726, 2727, 2728, 2729,
    2730, 2731, 2732, 2733, 2735, 2737, 2739, 2741, 2744, 2747, 2749, 2751, 2753, 2755, 2757, 2759,
    2761, 2763, 2765, 2767, 2769, 2771, 2773, 2775, 2777, 2779, 2781, 2783, 2785, 2787, 2789, 2791,
    2793, 2795, 2797, 2799, 2801, 2803, 2805, 2807, 2809, 2811, 2813, 2815, 2817, 2819, 2821, 2823,
    2825, 2827, 2829, 2831, 2833, 2836, 2839, 2842, 2845, 2848, 2850, 2852, 2855, 2858, 2861, 2864,
    2865, 2866, 2867, 2868, 2869, 2870, 2871, 2872, 2873, 2874, 2875, 2876, 2877, 2878, 2879, 2880,
    2881, 2882, 2883, 2884, 2885, 2886, 2887, 2888, 2889, 2890, 2891, 2892, 2893, 2894, 2895, 2896,
    2897, 2898, 2899, 2900, 2901, 2902, 2903, 2904, 2905, 2906, 2907, 2908, 2909, 2910, 2911, 2912,
    2913, 2914, 2915, 2916, 2917, 2918, 2919, 2920, 2921, 2922, 2923, 2924, 2925, 2926, 2927, 2928,
    2929, 2930, 2931, 2932, 2933, 2934, 2935, 2936, 2937, 2938, 2939, 2940, 2941, 2942, 2943, 2944,
    2945, 2946, 2947, 2948, 2949, 2950, 2951, 2952, 2953, 2954, 2955, 2956, 2957, 2958, 2959, 2960,
    2961, 2962, 2963, 2964, 2965, 2966, 2967, 2968, 2969, 2970, 2971, 2972, 2973, 2974, 2975, 2976,
    2977, 2978, 2979, 2980, 2981, 2982, 2983, 2984, 2985, 2986, 2987, 2988, 2989, 2990, 2991, 2992,
    2993, 2994, 2995, 2996, 2997, 2998, 2999, 3000, 3001, 3002, 3003, 3004, 3005, 3006, 3007, 3008,
    3009, 3010, 3011, 3012, 3013, 3014, 3015, 3016, 3017, 3018, 3019, 3020, 3021, 3022, 3023, 3024,
    3025, 3026, 3027, 3028, 3029, 3030, 3031, 3032, 3033, 3034, 3035, 3036, 3037, 3038, 3039, 3040,
    3041, 3042, 3043, 3044, 3045, 3046, 3047, 3048, 3049, 3050, 3051, 3052, 3053, 3054, 3055, 3056,
    3057, 3058, 3059, 3060, 3061, 3062, 3063, 3064, 3065, 3066, 3067, 3068, 3069, 3070, 3071, 3072,
    3073, 3074, 3075, 3076, 3077, 3078, 3079, 3080, 3081, 3082, 3083, 3084, 3085, 3086, 3087, 3088,
    3089, 3090, 3091, 3092, 3093, 3094, 3095, 3096, 3097, 3098, 3099, 3100, 3101, 3102, 3103, 3104,
    3105, 3106, 3107, 3108, 3109, 3110, 3111, 3112, 3113, 3114, 3115, 3116, 3117, 3118, 3119, 3120,
    3121, 3122, 3123, 3124, 3125, 3126, 3127, 3128, 3129, 3130, 3131, 3132, 3133, 3134, 3135, 3136,
    3137, 3138, 3139, 3140, 3141, 3142, 3143, 3144, 3145, 3146, 3147, 3148, 3149, 3150, 3151, 3152,
    3153, 3154, 3155, 3156, 3157, 3158, 3159, 3160, 3161, 3162, 3163, 3164, 3165, 3166, 3167, 3168,
    3169, 3170, 3171, 3172, 3173, 3174, 3175, 3176, 3177, 3178, 3179, 3180, 3181, 3182, 3183, 3184,
    3185, 3186, 3187, 3188, 3189, 3190, 3191, 3192, 3193, 3194, 3195, 3196, 3197, 3198, 3199, 3200,
    3201, 3202, 3203, 3204, 3205, 3206, 3207, 3208, 3209, 3210, 3211, 3212, 3213, 3214, 3215, 3216,
    3217, 3218, 3219, 3220, 3221, 3222, 3223, 3224, 3225, 3226, 3227, 3228, 3229, 3230, 3231, 3232,
    3233, 3234, 3235, 3236, 3237, 3238, 3239, 3240, 3241, 3242, 3243, 3244, 3245, 3246, 3247, 3248,
    3249, 3250, 3251, 3252, 3253, 3254, 3255, 3256, 3257, 3258, 3259, 3260, 3261, 3262, 3263, 3264,
    3265, 3266, 3267, 3268, 3269, 3270, 3271, 3272, 3273, 3274, 3275, 3276, 3277, 3278, 3279, 3280,
    3281, 3282, 3283, 3284, 3285, 3286, 3287, 3288, 3289, 3290, 3291, 3292, 3293, 3294, 3295, 3296,
    3297, 3298, 3299, 3300, 3301, 3302, 3303, 3304, 3305, 3306, 3307, 3308, 3309, 3310, 3311, 3312,
    3313, 3314, 3315, 3316, 3317, 3318, 3319, 3320, 3321, 3322, 3323, 3324, 3325, 3326, 3327, 3328,
    3329, 3330, 3331, 3332, 3333, 3334, 3335, 3336, 3337, 3338, 3339, 3340, 3341, 3342, 3343, 3344,
    3345, 3346, 3347, 3348, 3349, 3350, 3351, 3352, 3353, 3354, 3355, 3356, 3357, 3358, 3359, 3360,
    3361, 3362, 3363, 3364, 3365, 3366, 3367, 3368, 3369, 3370, 3371, 3372, 3373, 3374, 3375, 3376,
    3377, 3378, 3379, 3380, 3381, 3382, 3383, 3384, 3385, 3386, 3387, 3388, 3389, 3390, 3391, 3392,
    3393, 3394, 3395, 3396, 3397, 3398, 3399, 3400, 3401, 3402, 3403, 3404, 3405, 3406,
};
static const uint32_t rwkv__decomp_pool[3406] = {
    0x00041, 0x00300, 0x00041, 0x00301, 0x00041, 0x00302, 0x00041, 0x00303, 0x00041, 0x00308,
    0x00041, 0x0030A, 0x00043, 0x00327, 0x00045, 0x00300, 0x00045, 0x00301, 0x00045, 0x00302,
    0x00045, 0x00308, 0x00049, 0x00300, 0x00049, 0x00301, 0x00049, 0x00302, 0x00049, 0x00308,
    0x0004E, 0x00303, 0x0004F, 0x00300, 0x0004F, 0x00301, 0x0004F, 0x00302, 0x0004F, 0x00303,
    0x0004F, 0x00308, 0x00055, 0x00300, 0x00055, 0x00301, 0x00055, 0x00302, 0x00055, 0x00308,
    0x00059, 0x00301, 0x00061, 0x00300, 0x00061, 0x00301, 0x00061, 0x00302, 0x00061, 0x00303,
    0x00061, 0x00308, 0x00061, 0x0030A, 0x00063, 0x00327, 0x00065, 0x00300, 0x00065, 0x00301,
    0x00065, 0x00302, 0x00065, 0x00308, 0x00069, 0x00300, 0x00069, 0x00301, 0x00069, 0x00302,
    0x00069, 0x00308, 0x0006E, 0x00303, 0x0006F, 0x00300, 0x0006F, 0x00301, 0x0006F, 0x00302,
    0x0006F, 0x00303, 0x0006F, 0x00308, 0x00075, 0x00300, 0x00075, 0x00301, 0x00075, 0x00302,
    0x00075, 0x00308, 0x00079, 0x00301, 0x00079, 0x00308, 0x00041, 0x00304, 0x00061, 0x00304,
    0x00041, 0x00306, 0x00061, 0x00306, 0x00041, 0x00328, 0x00061, 0x00328, 0x00043, 0x00301,
    0x00063, 0x00301, 0x00043, 0x00302, 0x00063, 0x00302, 0x00043, 0x00307, 0x00063, 0x00307,
    0x00043, 0x0030C, 0x00063, 0x0030C, 0x00044, 0x0030C, 0x00064, 0x0030C, 0x00045, 0x00304,
    0x00065, 0x00304, 0x00045, 0x00306, 0x00065, 0x00306, 0x00045, 0x00307, 0x00065, 0x00307,
    0x00045, 0x00328, 0x00065, 0x00328, 0x00045, 0x0030C, 0x00065, 0x0030C, 0x00047, 0x00302,
    0x00067, 0x00302, 0x00047, 0x00306, 0x00067, 0x00306, 0x00047, 0x00307, 0x00067, 0x00307,
    0x00047, 0x00327, 0x00067, 0x00327, 0x00048, 0x00302, 0x00068, 0x00302, 0x00049, 0x00303,
    0x00069, 0x00303, 0x00049, 0x00304, 0x00069, 0x00304, 0x00049, 0x00306, 0x00069, 0x00306,
    0x00049, 0x00328, 0x00069, 0x00328, 0x00049, 0x00307, 0x0004A, 0x00302, 0x0006A, 0x00302,
    0x0004B, 0x00327, 0x0006B, 0x00327, 0x0004C, 0x00301, 0x0006C, 0x00301, 0x0004C, 0x00327,
    0x0006C, 0x00327, 0x0004C, 0x0030C, 0x0006C, 0x0030C, 0x0004E, 0x00301, 0x0006E, 0x00301,
    0x0004E, 0x00327, 0x0006E, 0x00327, 0x0004E, 0x0030C, 0x0006E, 0x0030C, 0x0004F, 0x00304,
    0x0006F, 0x00304, 0x0004F, 0x00306, 0x0006F, 0x00306, 0x0004F, 0x0030B, 0x0006F, 0x0030B,
    0x00052, 0x00301, 0x00072, 0x00301, 0x00052, 0x00327, 0x00072, 0x00327, 0x00052, 0x0030C,
    0x00072, 0x0030C, 0x00053, 0x00301, 0x00073, 0x00301, 0x00053, 0x00302, 0x00073, 0x00302,
    0x00053, 0x00327, 0x00073, 0x00327, 0x00053, 0x0030C, 0x00073, 0x0030C, 0x00054, 0x00327,
    0x00074, 0x00327, 0x00054, 0x0030C, 0x00074, 0x0030C, 0x00055, 0x00303, 0x00075, 0x00303,
    0x00055, 0x00304, 0x00075, 0x00304, 0x00055, 0x00306, 0x00075, 0x00306, 0x00055, 0x0030A,
    0x00075, 0x0030A, 0x00055, 0x0030B, 0x00075, 0x0030B, 0x00055, 0x00328, 0x00075, 0x00328,
    0x00057, 0x00302, 0x00077, 0x00302, 0x00059, 0x00302, 0x00079, 0x00302, 0x00059, 0x00308,
    0x0005A, 0x00301, 0x0007A, 0x00301, 0x0005A, 0x00307, 0x0007A, 0x00307, 0x0005A, 0x0030C,
    0x0007A, 0x0030C, 0x0004F, 0x0031B, 0x0006F, 0x0031B, 0x00055, 0x0031B, 0x00075, 0x0031B,
    0x00041, 0x0030C, 0x00061, 0x0030C, 0x00049, 0x0030C, 0x00069, 0x0030C, 0x0004F, 0x0030C,
    0x0006F, 0x0030C, 0x00055, 0x0030C, 0x00075, 0x0030C, 0x00055, 0x00308, 0x00304, 0x00075,
    0x00308, 0x00304, 0x00055, 0x00308, 0x00301, 0x00075, 0x00308, 0x00301, 0x00055, 0x00308,
    0x0030C, 0x00075, 0x00308, 0x0030C, 0x00055, 0x00308, 0x00300, 0x00075, 0x00308, 0x00300,
    0x00041, 0x00308, 0x00304, 0x00061, 0x00308, 0x00304, 0x00041, 0x00307, 0x00304, 0x00061,
    0x00307, 0x00304, 0x000C6, 0x00304, 0x000E6, 0x00304, 0x00047, 0x0030C, 0x00067, 0x0030C,
    0x0004B, 0x0030C, 0x0006B, 0x0030C, 0x0004F, 0x00328, 0x0006F, 0x00328, 0x0004F, 0x00328,
    0x00304, 0x0006F, 0x00328, 0x00304, 0x001B7, 0x0030C, 0x00292, 0x0030C, 0x0006A, 0x0030C,
    0x00047, 0x00301, 0x00067, 0x00301, 0x0004E, 0x00300, 0x0006E, 0x00300, 0x00041, 0x0030A,
    0x00301, 0x00061, 0x0030A, 0x00301, 0x000C6, 0x00301, 0x000E6, 0x00301, 0x000D8, 0x00301,
    0x000F8, 0x00301, 0x00041, 0x0030F, 0x00061, 0x0030F, 0x00041, 0x00311, 0x00061, 0x00311,
    0x00045, 0x0030F, 0x00065, 0x0030F, 0x00045, 0x00311, 0x00065, 0x00311, 0x00049, 0x0030F,
    0x00069, 0x0030F, 0x00049, 0x00311, 0x00069, 0x00311, 0x0004F, 0x0030F, 0x0006F, 0x0030F,
    0x0004F, 0x00311, 0x0006F, 0x00311, 0x00052, 0x0030F, 0x00072, 0x0030F, 0x00052, 0x00311,
    0x00072, 0x00311, 0x00055, 0x0030F, 0x00075, 0x0030F, 0x00055, 0x00311, 0x00075, 0x00311,
    0x00053, 0x00326, 0x00073, 0x00326, 0x00054, 0x00326, 0x00074, 0x00326, 0x00048, 0x0030C,
    0x00068, 0x0030C, 0x00041, 0x00307, 0x00061, 0x00307, 0x00045, 0x00327, 0x00065, 0x00327,
    0x0004F, 0x00308, 0x00304, 0x0006F, 0x00308, 0x00304, 0x0004F, 0x00303, 0x00304, 0x0006F,
    0x00303, 0x00304, 0x0004F, 0x00307, 0x0006F, 0x00307, 0x0004F, 0x00307, 0x00304, 0x0006F,
    0x00307, 0x00304, 0x00059, 0x00304, 0x00079, 0x00304, 0x00300, 0x00301, 0x00313, 0x00308,
    0x00301, 0x002B9, 0x0003B, 0x000A8, 0x00301, 0x00391, 0x00301, 0x000B7, 0x00395, 0x00301,
    0x00397, 0x00301, 0x00399, 0x00301, 0x0039F, 0x00301, 0x003A5, 0x00301, 0x003A9, 0x00301,
    0x003B9, 0x00308, 0x00301, 0x00399, 0x00308, 0x003A5, 0x00308, 0x003B1, 0x00301, 0x003B5,
    0x00301, 0x003B7, 0x00301, 0x003B9, 0x00301, 0x003C5, 0x00308, 0x00301, 0x003B9, 0x00308,
    0x003C5, 0x00308, 0x003BF, 0x00301, 0x003C5, 0x00301, 0x003C9, 0x00301, 0x003D2, 0x00301,
    0x003D2, 0x00308, 0x00415, 0x00300, 0x00415, 0x00308, 0x00413, 0x00301, 0x00406, 0x00308,
    0x0041A, 0x00301, 0x00418, 0x00300, 0x00423, 0x00306, 0x00418, 0x00306, 0x00438, 0x00306,
    0x00435, 0x00300, 0x00435, 0x00308, 0x00433, 0x00301, 0x00456, 0x00308, 0x0043A, 0x00301,
    0x00438, 0x00300, 0x00443, 0x00306, 0x00474, 0x0030F, 0x00475, 0x0030F, 0x00416, 0x00306,
    0x00436, 0x00306, 0x00410, 0x00306, 0x00430, 0x00306, 0x00410, 0x00308, 0x00430, 0x00308,
    0x00415, 0x00306, 0x00435, 0x00306, 0x004D8, 0x00308, 0x004D9, 0x00308, 0x00416, 0x00308,
    0x00436, 0x00308, 0x00417, 0x00308, 0x00437, 0x00308, 0x00418, 0x00304, 0x00438, 0x00304,
    0x00418, 0x00308, 0x00438, 0x00308, 0x0041E, 0x00308, 0x0043E, 0x00308, 0x004E8, 0x00308,
    0x004E9, 0x00308, 0x0042D, 0x00308, 0x0044D, 0x00308, 0x00423, 0x00304, 0x00443, 0x00304,
    0x00423, 0x00308, 0x00443, 0x00308, 0x00423, 0x0030B, 0x00443, 0x0030B, 0x00427, 0x00308,
    0x00447, 0x00308, 0x0042B, 0x00308, 0x0044B, 0x00308, 0x00627, 0x00653, 0x00627, 0x00654,
    0x00648, 0x00654, 0x00627, 0x00655, 0x0064A, 0x00654, 0x006D5, 0x00654, 0x006C1, 0x00654,
    0x006D2, 0x00654, 0x00928, 0x0093C, 0x00930, 0x0093C, 0x00933, 0x0093C, 0x00915, 0x0093C,
    0x00916, 0x0093C, 0x00917, 0x0093C, 0x0091C, 0x0093C, 0x00921, 0x0093C, 0x00922, 0x0093C,
    0x0092B, 0x0093C, 0x0092F, 0x0093C, 0x009C7, 0x009BE, 0x009C7, 0x009D7, 0x009A1, 0x009BC,
    0x009A2, 0x009BC, 0x009AF, 0x009BC, 0x00A32, 0x00A3C, 0x00A38, 0x00A3C, 0x00A16, 0x00A3C,
    0x00A17, 0x00A3C, 0x00A1C, 0x00A3C, 0x00A2B, 0x00A3C, 0x00B47, 0x00B56, 0x00B47, 0x00B3E,
    0x00B47, 0x00B57, 0x00B21, 0x00B3C, 0x00B22, 0x00B3C, 0x00B92, 0x00BD7, 0x00BC6, 0x00BBE,
    0x00BC7, 0x00BBE, 0x00BC6, 0x00BD7, 0x00C46, 0x00C56, 0x00CBF, 0x00CD5, 0x00CC6, 0x00CD5,
    0x00CC6, 0x00CD6, 0x00CC6, 0x00CC2, 0x00CC6, 0x00CC2, 0x00CD5, 0x00D46, 0x00D3E, 0x00D47,
    0x00D3E, 0x00D46, 0x00D57, 0x00DD9, 0x00DCA, 0x00DD9, 0x00DCF, 0x00DD9, 0x00DCF, 0x00DCA,
    0x00DD9, 0x00DDF, 0x00F42, 0x00FB7, 0x00F4C, 0x00FB7, 0x00F51, 0x00FB7, 0x00F56, 0x00FB7,
    0x00F5B, 0x00FB7, 0x00F40, 0x00FB5, 0x00F71, 0x00F72, 0x00F71, 0x00F74, 0x00FB2, 0x00F80,
    0x00FB3, 0x00F80, 0x00F71, 0x00F80, 0x00F92, 0x00FB7, 0x00F9C, 0x00FB7, 0x00FA1, 0x00FB7,
    0x00FA6, 0x00FB7, 0x00FAB, 0x00FB7, 0x00F90, 0x00FB5, 0x01025, 0x0102E, 0x01B05, 0x01B35,
    0x01B07, 0x01B35, 0x01B09, 0x01B35, 0x01B0B, 0x01B35, 0x01B0D, 0x01B35, 0x01B11, 0x01B35,
    0x01B3A, 0x01B35, 0x01B3C, 0x01B35, 0x01B3E, 0x01B35, 0x01B3F, 0x01B35, 0x01B42, 0x01B35,
    0x00041, 0x00325, 0x00061, 0x00325, 0x00042, 0x00307, 0x00062, 0x00307, 0x00042, 0x00323,
    0x00062, 0x00323, 0x00042, 0x00331, 0x00062, 0x00331, 0x00043, 0x00327, 0x00301, 0x00063,
    0x00327, 0x00301, 0x00044, 0x00307, 0x00064, 0x00307, 0x00044, 0x00323, 0x00064, 0x00323,
    0x00044, 0x00331, 0x00064, 0x00331, 0x00044, 0x00327, 0x00064, 0x00327, 0x00044, 0x0032D,
    0x00064, 0x0032D, 0x00045, 0x00304, 0x00300, 0x00065, 0x00304, 0x00300, 0x00045, 0x00304,
    0x00301, 0x00065, 0x00304, 0x00301, 0x00045, 0x0032D, 0x00065, 0x0032D, 0x00045, 0x00330,
    0x00065, 0x00330, 0x00045, 0x00327, 0x00306, 0x00065, 0x00327, 0x00306, 0x00046, 0x00307,
    0x00066, 0x00307, 0x00047, 0x00304, 0x00067, 0x00304, 0x00048, 0x00307, 0x00068, 0x00307,
    0x00048, 0x00323, 0x00068, 0x00323, 0x00048, 0x00308, 0x00068, 0x00308, 0x00048, 0x00327,
    0x00068, 0x00327, 0x00048, 0x0032E, 0x00068, 0x0032E, 0x00049, 0x00330, 0x00069, 0x00330,
    0x00049, 0x00308, 0x00301, 0x00069, 0x00308, 0x00301, 0x0004B, 0x00301, 0x0006B, 0x00301,
    0x0004B, 0x00323, 0x0006B, 0x00323, 0x0004B, 0x00331, 0x0006B, 0x00331, 0x0004C, 0x00323,
    0x0006C, 0x00323, 0x0004C, 0x00323, 0x00304, 0x0006C, 0x00323, 0x00304, 0x0004C, 0x00331,
    0x0006C, 0x00331, 0x0004C, 0x0032D, 0x0006C, 0x0032D, 0x0004D, 0x00301, 0x0006D, 0x00301,
    0x0004D, 0x00307, 0x0006D, 0x00307, 0x0004D, 0x00323, 0x0006D, 0x00323, 0x0004E, 0x00307,
    0x0006E, 0x00307, 0x0004E, 0x00323, 0x0006E, 0x00323, 0x0004E, 0x00331, 0x0006E, 0x00331,
    0x0004E, 0x0032D, 0x0006E, 0x0032D, 0x0004F, 0x00303, 0x00301, 0x0006F, 0x00303, 0x00301,
    0x0004F, 0x00303, 0x00308, 0x0006F, 0x00303, 0x00308, 0x0004F, 0x00304, 0x00300, 0x0006F,
    0x00304, 0x00300, 0x0004F, 0x00304, 0x00301, 0x0006F, 0x00304, 0x00301, 0x00050, 0x00301,
    0x00070, 0x00301, 0x00050, 0x00307, 0x00070, 0x00307, 0x00052, 0x00307, 0x00072, 0x00307,
    0x00052, 0x00323, 0x00072, 0x00323, 0x00052, 0x00323, 0x00304, 0x00072, 0x00323, 0x00304,
    0x00052, 0x00331, 0x00072, 0x00331, 0x00053, 0x00307, 0x00073, 0x00307, 0x00053, 0x00323,
    0x00073, 0x00323, 0x00053, 0x00301, 0x00307, 0x00073, 0x00301, 0x00307, 0x00053, 0x0030C,
    0x00307, 0x00073, 0x0030C, 0x00307, 0x00053, 0x00323, 0x00307, 0x00073, 0x00323, 0x00307,
    0x00054, 0x00307, 0x00074, 0x00307, 0x00054, 0x00323, 0x00074, 0x00323, 0x00054, 0x00331,
    0x00074, 0x00331, 0x00054, 0x0032D, 0x00074, 0x0032D, 0x00055, 0x00324, 0x00075, 0x00324,
    0x00055, 0x00330, 0x00075, 0x00330, 0x00055, 0x0032D, 0x00075, 0x0032D, 0x00055, 0x00303,
    0x00301, 0x00075, 0x00303, 0x00301, 0x00055, 0x00304, 0x00308, 0x00075, 0x00304, 0x00308,
    0x00056, 0x00303, 0x00076, 0x00303, 0x00056, 0x00323, 0x00076, 0x00323, 0x00057, 0x00300,
    0x00077, 0x00300, 0x00057, 0x00301, 0x00077, 0x00301, 0x00057, 0x00308, 0x00077, 0x00308,
    0x00057, 0x00307, 0x00077, 0x00307, 0x00057, 0x00323, 0x00077, 0x00323, 0x00058, 0x00307,
    0x00078, 0x00307, 0x00058, 0x00308, 0x00078, 0x00308, 0x00059, 0x00307, 0x00079, 0x00307,
    0x0005A, 0x00302, 0x0007A, 0x00302, 0x0005A, 0x00323, 0x0007A, 0x00323, 0x0005A, 0x00331,
    0x0007A, 0x00331, 0x00068, 0x00331, 0x00074, 0x00308, 0x00077, 0x0030A, 0x00079, 0x0030A,
    0x0017F, 0x00307, 0x00041, 0x00323, 0x00061, 0x00323, 0x00041, 0x00309, 0x00061, 0x00309,
    0x00041, 0x00302, 0x00301, 0x00061, 0x00302, 0x00301, 0x00041, 0x00302, 0x00300, 0x00061,
    0x00302, 0x00300, 0x00041, 0x00302, 0x00309, 0x00061, 0x00302, 0x00309, 0x00041, 0x00302,
    0x00303, 0x00061, 0x00302, 0x00303, 0x00041, 0x00323, 0x00302, 0x00061, 0x00323, 0x00302,
    0x00041, 0x00306, 0x00301, 0x00061, 0x00306, 0x00301, 0x00041, 0x00306, 0x00300, 0x00061,
    0x00306, 0x00300, 0x00041, 0x00306, 0x00309, 0x00061, 0x00306, 0x00309, 0x00041, 0x00306,
    0x00303, 0x00061, 0x00306, 0x00303, 0x00041, 0x00323, 0x00306, 0x00061, 0x00323, 0x00306,
    0x00045, 0x00323, 0x00065, 0x00323, 0x00045, 0x00309, 0x00065, 0x00309, 0x00045, 0x00303,
    0x00065, 0x00303, 0x00045, 0x00302, 0x00301, 0x00065, 0x00302, 0x00301, 0x00045, 0x00302,
    0x00300, 0x00065, 0x00302, 0x00300, 0x00045, 0x00302, 0x00309, 0x00065, 0x00302, 0x00309,
    0x00045, 0x00302, 0x00303, 0x00065, 0x00302, 0x00303, 0x00045, 0x00323, 0x00302, 0x00065,
    0x00323, 0x00302, 0x00049, 0x00309, 0x00069, 0x00309, 0x00049, 0x00323, 0x00069, 0x00323,
    0x0004F, 0x00323, 0x0006F, 0x00323, 0x0004F, 0x00309, 0x0006F, 0x00309, 0x0004F, 0x00302,
    0x00301, 0x0006F, 0x00302, 0x00301, 0x0004F, 0x00302, 0x00300, 0x0006F, 0x00302, 0x00300,
    0x0004F, 0x00302, 0x00309, 0x0006F, 0x00302, 0x00309, 0x0004F, 0x00302, 0x00303, 0x0006F,
    0x00302, 0x00303, 0x0004F, 0x00323, 0x00302, 0x0006F, 0x00323, 0x00302, 0x0004F, 0x0031B,
    0x00301, 0x0006F, 0x0031B, 0x00301, 0x0004F, 0x0031B, 0x00300, 0x0006F, 0x0031B, 0x00300,
    0x0004F, 0x0031B, 0x00309, 0x0006F, 0x0031B, 0x00309, 0x0004F, 0x0031B, 0x00303, 0x0006F,
    0x0031B, 0x00303, 0x0004F, 0x0031B, 0x00323, 0x0006F, 0x0031B, 0x00323, 0x00055, 0x00323,
    0x00075, 0x00323, 0x00055, 0x00309, 0x00075, 0x00309, 0x00055, 0x0031B, 0x00301, 0x00075,
    0x0031B, 0x00301, 0x00055, 0x0031B, 0x00300, 0x00075, 0x0031B, 0x00300, 0x00055, 0x0031B,
    0x00309, 0x00075, 0x0031B, 0x00309, 0x00055, 0x0031B, 0x00303, 0x00075, 0x0031B, 0x00303,
    0x00055, 0x0031B, 0x00323, 0x00075, 0x0031B, 0x00323, 0x00059, 0x00300, 0x00079, 0x00300,
    0x00059, 0x00323, 0x00079, 0x00323, 0x00059, 0x00309, 0x00079, 0x00309, 0x00059, 0x00303,
    0x00079, 0x00303, 0x003B1, 0x00313, 0x003B1, 0x00314, 0x003B1, 0x00313, 0x00300, 0x003B1,
    0x00314, 0x00300, 0x003B1, 0x00313, 0x00301, 0x003B1, 0x00314, 0x00301, 0x003B1, 0x00313,
    0x00342, 0x003B1, 0x00314, 0x00342, 0x00391, 0x00313, 0x00391, 0x00314, 0x00391, 0x00313,
    0x00300, 0x00391, 0x00314, 0x00300, 0x00391, 0x00313, 0x00301, 0x00391, 0x00314, 0x00301,
    0x00391, 0x00313, 0x00342, 0x00391, 0x00314, 0x00342, 0x003B5, 0x00313, 0x003B5, 0x00314,
    0x003B5, 0x00313, 0x00300, 0x003B5, 0x00314, 0x00300, 0x003B5, 0x00313, 0x00301, 0x003B5,
    0x00314, 0x00301, 0x00395, 0x00313, 0x00395, 0x00314, 0x00395, 0x00313, 0x00300, 0x00395,
    0x00314, 0x00300, 0x00395, 0x00313, 0x00301, 0x00395, 0x00314, 0x00301, 0x003B7, 0x00313,
    0x003B7, 0x00314, 0x003B7, 0x00313, 0x00300, 0x003B7, 0x00314, 0x00300, 0x003B7, 0x00313,
    0x00301, 0x003B7, 0x00314, 0x00301, 0x003B7, 0x00313, 0x00342, 0x003B7, 0x00314, 0x00342,
    0x00397, 0x00313, 0x00397, 0x00314, 0x00397, 0x00313, 0x00300, 0x00397, 0x00314, 0x00300,
    0x00397, 0x00313, 0x00301, 0x00397, 0x00314, 0x00301, 0x00397, 0x00313, 0x00342, 0x00397,
    0x00314, 0x00342, 0x003B9, 0x00313, 0x003B9, 0x00314, 0x003B9, 0x00313, 0x00300, 0x003B9,
    0x00314, 0x00300, 0x003B9, 0x00313, 0x00301, 0x003B9, 0x00314, 0x00301, 0x003B9, 0x00313,
    0x00342, 0x003B9, 0x00314, 0x00342, 0x00399, 0x00313, 0x00399, 0x00314, 0x00399, 0x00313,
    0x00300, 0x00399, 0x00314, 0x00300, 0x00399, 0x00313, 0x00301, 0x00399, 0x00314, 0x00301,
    0x00399, 0x00313, 0x00342, 0x00399, 0x00314, 0x00342, 0x003BF, 0x00313, 0x003BF, 0x00314,
    0x003BF, 0x00313, 0x00300, 0x003BF, 0x00314, 0x00300, 0x003BF, 0x00313, 0x00301, 0x003BF,
    0x00314, 0x00301, 0x0039F, 0x00313, 0x0039F, 0x00314, 0x0039F, 0x00313, 0x00300, 0x0039F,
    0x00314, 0x00300, 0x0039F, 0x00313, 0x00301, 0x0039F, 0x00314, 0x00301, 0x003C5, 0x00313,
    0x003C5, 0x00314, 0x003C5, 0x00313, 0x00300, 0x003C5, 0x00314, 0x00300, 0x003C5, 0x00313,
    0x00301, 0x003C5, 0x00314, 0x00301, 0x003C5, 0x00313, 0x00342, 0x003C5, 0x00314, 0x00342,
    0x003A5, 0x00314, 0x003A5, 0x00314, 0x00300, 0x003A5, 0x00314, 0x00301, 0x003A5, 0x00314,
    0x00342, 0x003C9, 0x00313, 0x003C9, 0x00314, 0x003C9, 0x00313, 0x00300, 0x003C9, 0x00314,
    0x00300, 0x003C9, 0x00313, 0x00301, 0x003C9, 0x00314, 0x00301, 0x003C9, 0x00313, 0x00342,
    0x003C9, 0x00314, 0x00342, 0x003A9, 0x00313, 0x003A9, 0x00314, 0x003A9, 0x00313, 0x00300,
    0x003A9, 0x00314, 0x00300, 0x003A9, 0x00313, 0x00301, 0x003A9, 0x00314, 0x00301, 0x003A9,
    0x00313, 0x00342, 0x003A9, 0x00314, 0x00342, 0x003B1, 0x00300, 0x003B1, 0x00301, 0x003B5,
    0x00300, 0x003B5, 0x00301, 0x003B7, 0x00300, 0x003B7, 0x00301, 0x003B9, 0x00300, 0x003B9,
    0x00301, 0x003BF, 0x00300, 0x003BF, 0x00301, 0x003C5, 0x00300, 0x003C5, 0x00301, 0x003C9,
    0x00300, 0x003C9, 0x00301, 0x003B1, 0x00313, 0x00345, 0x003B1, 0x00314, 0x00345, 0x003B1,
    0x00313, 0x00300, 0x00345, 0x003B1, 0x00314, 0x00300, 0x00345, 0x003B1, 0x00313, 0x00301,
    0x00345, 0x003B1, 0x00314, 0x00301, 0x00345, 0x003B1, 0x00313, 0x00342, 0x00345, 0x003B1,
    0x00314, 0x00342, 0x00345, 0x00391, 0x00313, 0x00345, 0x00391, 0x00314, 0x00345, 0x00391,
    0x00313, 0x00300, 0x00345, 0x00391, 0x00314, 0x00300, 0x00345, 0x00391, 0x00313, 0x00301,
    0x00345, 0x00391, 0x00314, 0x00301, 0x00345, 0x00391, 0x00313, 0x00342, 0x00345, 0x00391,
    0x00314, 0x00342, 0x00345, 0x003B7, 0x00313, 0x00345, 0x003B7, 0x00314, 0x00345, 0x003B7,
    0x00313, 0x00300, 0x00345, 0x003B7, 0x00314, 0x00300, 0x00345, 0x003B7, 0x00313, 0x00301,
    0x00345, 0x003B7, 0x00314, 0x00301, 0x00345, 0x003B7, 0x00313, 0x00342, 0x00345, 0x003B7,
    0x00314, 0x00342, 0x00345, 0x00397, 0x00313, 0x00345, 0x00397, 0x00314, 0x00345, 0x00397,
    0x00313, 0x00300, 0x00345, 0x00397, 0x00314, 0x00300, 0x00345, 0x00397, 0x00313, 0x00301,
    0x00345, 0x00397, 0x00314, 0x00301, 0x00345, 0x00397, 0x00313, 0x00342, 0x00345, 0x00397,
    0x00314, 0x00342, 0x00345, 0x003C9, 0x00313, 0x00345, 0x003C9, 0x00314, 0x00345, 0x003C9,
    0x00313, 0x00300, 0x00345, 0x003C9, 0x00314, 0x00300, 0x00345, 0x003C9, 0x00313, 0x00301,
    0x00345, 0x003C9, 0x00314, 0x00301, 0x00345, 0x003C9, 0x00313, 0x00342, 0x00345, 0x003C9,
    0x00314, 0x00342, 0x00345, 0x003A9, 0x00313, 0x00345, 0x003A9, 0x00314, 0x00345, 0x003A9,
    0x00313, 0x00300, 0x00345, 0x003A9, 0x00314, 0x00300, 0x00345, 0x003A9, 0x00313, 0x00301,
    0x00345, 0x003A9, 0x00314, 0x00301, 0x00345, 0x003A9, 0x00313, 0x00342, 0x00345, 0x003A9,
    0x00314, 0x00342, 0x00345, 0x003B1, 0x00306, 0x003B1, 0x00304, 0x003B1, 0x00300, 0x00345,
    0x003B1, 0x00345, 0x003B1, 0x00301, 0x00345, 0x003B1, 0x00342, 0x003B1, 0x00342, 0x00345,
    0x00391, 0x00306, 0x00391, 0x00304, 0x00391, 0x00300, 0x00391, 0x00301, 0x00391, 0x00345,
    0x003B9, 0x000A8, 0x00342, 0x003B7, 0x00300, 0x00345, 0x003B7, 0x00345, 0x003B7, 0x00301,
    0x00345, 0x003B7, 0x00342, 0x003B7, 0x00342, 0x00345, 0x00395, 0x00300, 0x00395, 0x00301,
    0x00397, 0x00300, 0x00397, 0x00301, 0x00397, 0x00345, 0x01FBF, 0x00300, 0x01FBF, 0x00301,
    0x01FBF, 0x00342, 0x003B9, 0x00306, 0x003B9, 0x00304, 0x003B9, 0x00308, 0x00300, 0x003B9,
    0x00308, 0x00301, 0x003B9, 0x00342, 0x003B9, 0x00308, 0x00342, 0x00399, 0x00306, 0x00399,
    0x00304, 0x00399, 0x00300, 0x00399, 0x00301, 0x01FFE, 0x00300, 0x01FFE, 0x00301, 0x01FFE,
    0x00342, 0x003C5, 0x00306, 0x003C5, 0x00304, 0x003C5, 0x00308, 0x00300, 0x003C5, 0x00308,
    0x00301, 0x003C1, 0x00313, 0x003C1, 0x00314, 0x003C5, 0x00342, 0x003C5, 0x00308, 0x00342,
    0x003A5, 0x00306, 0x003A5, 0x00304, 0x003A5, 0x00300, 0x003A5, 0x00301, 0x003A1, 0x00314,
    0x000A8, 0x00300, 0x000A8, 0x00301, 0x00060, 0x003C9, 0x00300, 0x00345, 0x003C9, 0x00345,
    0x003C9, 0x00301, 0x00345, 0x003C9, 0x00342, 0x003C9, 0x00342, 0x00345, 0x0039F, 0x00300,
    0x0039F, 0x00301, 0x003A9, 0x00300, 0x003A9, 0x00301, 0x003A9, 0x00345, 0x000B4, 0x02002,
    0x02003, 0x003A9, 0x0004B, 0x00041, 0x0030A, 0x02190, 0x00338, 0x02192, 0x00338, 0x02194,
    0x00338, 0x021D0, 0x00338, 0x021D4, 0x00338, 0x021D2, 0x00338, 0x02203, 0x00338, 0x02208,
    0x00338, 0x0220B, 0x00338, 0x02223, 0x00338, 0x02225, 0x00338, 0x0223C, 0x00338, 0x02243,
    0x00338, 0x02245, 0x00338, 0x02248, 0x00338, 0x0003D, 0x00338, 0x02261, 0x00338, 0x0224D,
    0x00338, 0x0003C, 0x00338, 0x0003E, 0x00338, 0x02264, 0x00338, 0x02265, 0x00338, 0x02272,
    0x00338, 0x02273, 0x00338, 0x02276, 0x00338, 0x02277, 0x00338, 0x0227A, 0x00338, 0x0227B,
    0x00338, 0x02282, 0x00338, 0x02283, 0x00338, 0x02286, 0x00338, 0x02287, 0x00338, 0x022A2,
    0x00338, 0x022A8, 0x00338, 0x022A9, 0x00338, 0x022AB, 0x00338, 0x0227C, 0x00338, 0x0227D,
    0x00338, 0x02291, 0x00338, 0x02292, 0x00338, 0x022B2, 0x00338, 0x022B3, 0x00338, 0x022B4,
    0x00338, 0x022B5, 0x00338, 0x03008, 0x03009, 0x02ADD, 0x00338, 0x0304B, 0x03099, 0x0304D,
    0x03099, 0x0304F, 0x03099, 0x03051, 0x03099, 0x03053, 0x03099, 0x03055, 0x03099, 0x03057,
    0x03099, 0x03059, 0x03099, 0x0305B, 0x03099, 0x0305D, 0x03099, 0x0305F, 0x03099, 0x03061,
    0x03099, 0x03064, 0x03099, 0x03066, 0x03099, 0x03068, 0x03099, 0x0306F, 0x03099, 0x0306F,
    0x0309A, 0x03072, 0x03099, 0x03072, 0x0309A, 0x03075, 0x03099, 0x03075, 0x0309A, 0x03078,
    0x03099, 0x03078, 0x0309A, 0x0307B, 0x03099, 0x0307B, 0x0309A, 0x03046, 0x03099, 0x0309D,
    0x03099, 0x030AB, 0x03099, 0x030AD, 0x03099, 0x030AF, 0x03099, 0x030B1, 0x03099, 0x030B3,
    0x03099, 0x030B5, 0x03099, 0x030B7, 0x03099, 0x030B9, 0x03099, 0x030BB, 0x03099, 0x030BD,
    0x03099, 0x030BF, 0x03099, 0x030C1, 0x03099, 0x030C4, 0x03099, 0x030C6, 0x03099, 0x030C8,
    0x03099, 0x030CF, 0x03099, 0x030CF, 0x0309A, 0x030D2, 0x03099, 0x030D2, 0x0309A, 0x030D5,
    0x03099, 0x030D5, 0x0309A, 0x030D8, 0x03099, 0x030D8, 0x0309A, 0x030DB, 0x03099, 0x030DB,
    0x0309A, 0x030A6, 0x03099, 0x030EF, 0x03099, 0x030F0, 0x03099, 0x030F1, 0x03099, 0x030F2,
    0x03099, 0x030FD, 0x03099, 0x08C48, 0x066F4, 0x08ECA, 0x08CC8, 0x06ED1, 0x04E32, 0x053E5,
    0x09F9C, 0x09F9C, 0x05951, 0x091D1, 0x05587, 0x05948, 0x061F6, 0x07669, 0x07F85, 0x0863F,
    0x087BA, 0x088F8, 0x0908F, 0x06A02, 0x06D1B, 0x070D9, 0x073DE, 0x0843D, 0x0916A, 0x099F1,
    0x04E82, 0x05375, 0x06B04, 0x0721B, 0x0862D, 0x09E1E, 0x05D50, 0x06FEB, 0x085CD, 0x08964,
    0x062C9, 0x081D8, 0x0881F, 0x05ECA, 0x06717, 0x06D6A, 0x072FC, 0x090CE, 0x04F86, 0x051B7,
    0x052DE, 0x064C4, 0x06AD3, 0x07210, 0x076E7, 0x08001, 0x08606, 0x0865C, 0x08DEF, 0x09732,
    0x09B6F, 0x09DFA, 0x0788C, 0x0797F, 0x07DA0, 0x083C9, 0x09304, 0x09E7F, 0x08AD6, 0x058DF,
    0x05F04, 0x07C60, 0x0807E, 0x07262, 0x078CA, 0x08CC2, 0x096F7, 0x058D8, 0x05C62, 0x06A13,
    0x06DDA, 0x06F0F, 0x07D2F, 0x07E37, 0x0964B, 0x052D2, 0x0808B, 0x051DC, 0x051CC, 0x07A1C,
    0x07DBE, 0x083F1, 0x09675, 0x08B80, 0x062CF, 0x06A02, 0x08AFE, 0x04E39, 0x05BE7, 0x06012,
    0x07387, 0x07570, 0x05317, 0x078FB, 0x04FBF, 0x05FA9, 0x04E0D, 0x06CCC, 0x06578, 0x07D22,
    0x053C3, 0x0585E, 0x07701, 0x08449, 0x08AAA, 0x06BBA, 0x08FB0, 0x06C88, 0x062FE, 0x082E5,
    0x063A0, 0x07565, 0x04EAE, 0x05169, 0x051C9, 0x06881, 0x07CE7, 0x0826F, 0x08AD2, 0x091CF,
    0x052F5, 0x05442, 0x05973, 0x05EEC, 0x065C5, 0x06FFE, 0x0792A, 0x095AD, 0x09A6A, 0x09E97,
    0x09ECE, 0x0529B, 0x066C6, 0x06B77, 0x08F62, 0x05E74, 0x06190, 0x06200, 0x0649A, 0x06F23,
    0x07149, 0x07489, 0x079CA, 0x07DF4, 0x0806F, 0x08F26, 0x084EE, 0x09023, 0x0934A, 0x05217,
    0x052A3, 0x054BD, 0x070C8, 0x088C2, 0x08AAA, 0x05EC9, 0x05FF5, 0x0637B, 0x06BAE, 0x07C3E,
    0x07375, 0x04EE4, 0x056F9, 0x05BE7, 0x05DBA, 0x0601C, 0x073B2, 0x07469, 0x07F9A, 0x08046,
    0x09234, 0x096F6, 0x09748, 0x09818, 0x04F8B, 0x079AE, 0x091B4, 0x096B8, 0x060E1, 0x04E86,
    0x050DA, 0x05BEE, 0x05C3F, 0x06599, 0x06A02, 0x071CE, 0x07642, 0x084FC, 0x0907C, 0x09F8D,
    0x06688, 0x0962E, 0x05289, 0x0677B, 0x067F3, 0x06D41, 0x06E9C, 0x07409, 0x07559, 0x0786B,
    0x07D10, 0x0985E, 0x0516D, 0x0622E, 0x09678, 0x0502B, 0x05D19, 0x06DEA, 0x08F2A, 0x05F8B,
    0x06144, 0x06817, 0x07387, 0x09686, 0x05229, 0x0540F, 0x05C65, 0x06613, 0x0674E, 0x068A8,
    0x06CE5, 0x07406, 0x075E2, 0x07F79, 0x088CF, 0x088E1, 0x091CC, 0x096E2, 0x0533F, 0x06EBA,
    0x0541D, 0x071D0, 0x07498, 0x085FA, 0x096A3, 0x09C57, 0x09E9F, 0x06797, 0x06DCB, 0x081E8,
    0x07ACB, 0x07B20, 0x07C92, 0x072C0, 0x07099, 0x08B58, 0x04EC0, 0x08336, 0x0523A, 0x05207,
    0x05EA6, 0x062D3, 0x07CD6, 0x05B85, 0x06D1E, 0x066B4, 0x08F3B, 0x0884C, 0x0964D, 0x0898B,
    0x05ED3, 0x05140, 0x055C0, 0x0585A, 0x06674, 0x051DE, 0x0732A, 0x076CA, 0x0793C, 0x0795E,
    0x07965, 0x0798F, 0x09756, 0x07CBE, 0x07FBD, 0x08612, 0x08AF8, 0x09038, 0x090FD, 0x098EF,
    0x098FC, 0x09928, 0x09DB4, 0x090DE, 0x096B7, 0x04FAE, 0x050E7, 0x0514D, 0x052C9, 0x052E4,
    0x05351, 0x0559D, 0x05606, 0x05668, 0x05840, 0x058A8, 0x05C64, 0x05C6E, 0x06094, 0x06168,
    0x0618E, 0x061F2, 0x0654F, 0x065E2, 0x06691, 0x06885, 0x06D77, 0x06E1A, 0x06F22, 0x0716E,
    0x0722B, 0x07422, 0x07891, 0x0793E, 0x07949, 0x07948, 0x07950, 0x07956, 0x0795D, 0x0798D,
    0x0798E, 0x07A40, 0x07A81, 0x07BC0, 0x07DF4, 0x07E09, 0x07E41, 0x07F72, 0x08005, 0x081ED,
    0x08279, 0x08279, 0x08457, 0x08910, 0x08996, 0x08B01, 0x08B39, 0x08CD3, 0x08D08, 0x08FB6,
    0x09038, 0x096E3, 0x097FF, 0x0983B, 0x06075, 0x242EE, 0x08218, 0x04E26, 0x051B5, 0x05168,
    0x04F80, 0x05145, 0x05180, 0x052C7, 0x052FA, 0x0559D, 0x05555, 0x05599, 0x055E2, 0x0585A,
    0x058B3, 0x05944, 0x05954, 0x05A62, 0x05B28, 0x05ED2, 0x05ED9, 0x05F69, 0x05FAD, 0x060D8,
    0x0614E, 0x06108, 0x0618E, 0x06160, 0x061F2, 0x06234, 0x063C4, 0x0641C, 0x06452, 0x06556,
    0x06674, 0x06717, 0x0671B, 0x06756, 0x06B79, 0x06BBA, 0x06D41, 0x06EDB, 0x06ECB, 0x06F22,
    0x0701E, 0x0716E, 0x077A7, 0x07235, 0x072AF, 0x0732A, 0x07471, 0x07506, 0x0753B, 0x0761D,
    0x0761F, 0x076CA, 0x076DB, 0x076F4, 0x0774A, 0x07740, 0x078CC, 0x07AB1, 0x07BC0, 0x07C7B,
    0x07D5B, 0x07DF4, 0x07F3E, 0x08005, 0x08352, 0x083EF, 0x08779, 0x08941, 0x08986, 0x08996,
    0x08ABF, 0x08AF8, 0x08ACB, 0x08B01, 0x08AFE, 0x08AED, 0x08B39, 0x08B8A, 0x08D08, 0x08F38,
    0x09072, 0x09199, 0x09276, 0x0967C, 0x096E3, 0x09756, 0x097DB, 0x097FF, 0x0980B, 0x0983B,
    0x09B12, 0x09F9C, 0x2284A, 0x22844, 0x233D5, 0x03B9D, 0x04018, 0x04039, 0x25249, 0x25CD0,
    0x27ED3, 0x09F43, 0x09F8E, 0x005D9, 0x005B4, 0x005F2, 0x005B7, 0x005E9, 0x005C1, 0x005E9,
    0x005C2, 0x005E9, 0x005BC, 0x005C1, 0x005E9, 0x005BC, 0x005C2, 0x005D0, 0x005B7, 0x005D0,
    0x005B8, 0x005D0, 0x005BC, 0x005D1, 0x005BC, 0x005D2, 0x005BC, 0x005D3, 0x005BC, 0x005D4,
    0x005BC, 0x005D5, 0x005BC, 0x005D6, 0x005BC, 0x005D8, 0x005BC, 0x005D9, 0x005BC, 0x005DA,
    0x005BC, 0x005DB, 0x005BC, 0x005DC, 0x005BC, 0x005DE, 0x005BC, 0x005E0, 0x005BC, 0x005E1,
    0x005BC, 0x005E3, 0x005BC, 0x005E4, 0x005BC, 0x005E6, 0x005BC, 0x005E7, 0x005BC, 0x005E8,
    0x005BC, 0x005E9, 0x005BC, 0x005EA, 0x005BC, 0x005D5, 0x005B9, 0x005D1, 0x005BF, 0x005DB,
    0x005BF, 0x005E4, 0x005BF, 0x11099, 0x110BA, 0x1109B, 0x110BA, 0x110A5, 0x110BA, 0x11131,
    0x11127, 0x11132, 0x11127, 0x11347, 0x1133E, 0x11347, 0x11357, 0x114B9, 0x114BA, 0x114B9,
    0x114B0, 0x114B9, 0x114BD, 0x115B8, 0x115AF, 0x115B9, 0x115AF, 0x11935, 0x11930, 0x1D157,
    0x1D165, 0x1D158, 0x1D165, 0x1D158, 0x1D165, 0x1D16E, 0x1D158, 0x1D165, 0x1D16F, 0x1D158,
    0x1D165, 0x1D170, 0x1D158, 0x1D165, 0x1D171, 0x1D158, 0x1D165, 0x1D172, 0x1D1B9, 0x1D165,
    0x1D1BA, 0x1D165, 0x1D1B9, 0x1D165, 0x1D16E, 0x1D1BA, 0x1D165, 0x1D16E, 0x1D1B9, 0x1D165,
    0x1D16F, 0x1D1BA, 0x1D165, 0x1D16F, 0x04E3D, 0x04E38, 0x04E41, 0x20122, 0x04F60, 0x04FAE,
    0x04FBB, 0x05002, 0x0507A, 0x05099, 0x050E7, 0x050CF, 0x0349E, 0x2063A, 0x0514D, 0x05154,
    0x05164, 0x05177, 0x2051C, 0x034B9, 0x05167, 0x0518D, 0x2054B, 0x05197, 0x051A4, 0x04ECC,
    0x051AC, 0x051B5, 0x291DF, 0x051F5, 0x05203, 0x034DF, 0x0523B, 0x05246, 0x05272, 0x05277,
    0x03515, 0x052C7, 0x052C9, 0x052E4, 0x052FA, 0x05305, 0x05306, 0x05317, 0x05349, 0x05351,
    0x0535A, 0x05373, 0x0537D, 0x0537F, 0x0537F, 0x0537F, 0x20A2C, 0x07070, 0x053CA, 0x053DF,
    0x20B63, 0x053EB, 0x053F1, 0x05406, 0x0549E, 0x05438, 0x05448, 0x05468, 0x054A2, 0x054F6,
    0x05510, 0x05553, 0x05563, 0x05584, 0x05584, 0x05599, 0x055AB, 0x055B3, 0x055C2, 0x05716,
    0x05606, 0x05717, 0x05651, 0x05674, 0x05207, 0x058EE, 0x057CE, 0x057F4, 0x0580D, 0x0578B,
    0x05832, 0x05831, 0x058AC, 0x214E4, 0x058F2, 0x058F7, 0x05906, 0x0591A, 0x05922, 0x05962,
    0x216A8, 0x216EA, 0x059EC, 0x05A1B, 0x05A27, 0x059D8, 0x05A66, 0x036EE, 0x036FC, 0x05B08,
    0x05B3E, 0x05B3E, 0x219C8, 0x05BC3, 0x05BD8, 0x05BE7, 0x05BF3, 0x21B18, 0x05BFF, 0x05C06,
    0x05F53, 0x05C22, 0x03781, 0x05C60, 0x05C6E, 0x05CC0, 0x05C8D, 0x21DE4, 0x05D43, 0x21DE6,
    0x05D6E, 0x05D6B, 0x05D7C, 0x05DE1, 0x05DE2, 0x0382F, 0x05DFD, 0x05E28, 0x05E3D, 0x05E69,
    0x03862, 0x22183, 0x0387C, 0x05EB0, 0x05EB3, 0x05EB6, 0x05ECA, 0x2A392, 0x05EFE, 0x22331,
    0x22331, 0x08201, 0x05F22, 0x05F22, 0x038C7, 0x232B8, 0x261DA, 0x05F62, 0x05F6B, 0x038E3,
    0x05F9A, 0x05FCD, 0x05FD7, 0x05FF9, 0x06081, 0x0393A, 0x0391C, 0x06094, 0x226D4, 0x060C7,
    0x06148, 0x0614C, 0x0614E, 0x0614C, 0x0617A, 0x0618E, 0x061B2, 0x061A4, 0x061AF, 0x061DE,
    0x061F2, 0x061F6, 0x06210, 0x0621B, 0x0625D, 0x062B1, 0x062D4, 0x06350, 0x22B0C, 0x0633D,
    0x062FC, 0x06368, 0x06383, 0x063E4, 0x22BF1, 0x06422, 0x063C5, 0x063A9, 0x03A2E, 0x06469,
    0x0647E, 0x0649D, 0x06477, 0x03A6C, 0x0654F, 0x0656C, 0x2300A, 0x065E3, 0x066F8, 0x06649,
    0x03B19, 0x06691, 0x03B08, 0x03AE4, 0x05192, 0x05195, 0x06700, 0x0669C, 0x080AD, 0x043D9,
    0x06717, 0x0671B, 0x06721, 0x0675E, 0x06753, 0x233C3, 0x03B49, 0x067FA, 0x06785, 0x06852,
    0x06885, 0x2346D, 0x0688E, 0x0681F, 0x06914, 0x03B9D, 0x06942, 0x069A3, 0x069EA, 0x06AA8,
    0x236A3, 0x06ADB, 0x03C18, 0x06B21, 0x238A7, 0x06B54, 0x03C4E, 0x06B72, 0x06B9F, 0x06BBA,
    0x06BBB, 0x23A8D, 0x21D0B, 0x23AFA, 0x06C4E, 0x23CBC, 0x06CBF, 0x06CCD, 0x06C67, 0x06D16,
    0x06D3E, 0x06D77, 0x06D41, 0x06D69, 0x06D78, 0x06D85, 0x23D1E, 0x06D34, 0x06E2F, 0x06E6E,
    0x03D33, 0x06ECB, 0x06EC7, 0x23ED1, 0x06DF9, 0x06F6E, 0x23F5E, 0x23F8E, 0x06FC6, 0x07039,
    0x0701E, 0x0701B, 0x03D96, 0x0704A, 0x0707D, 0x07077, 0x070AD, 0x20525, 0x07145, 0x24263,
    0x0719C, 0x243AB, 0x07228, 0x07235, 0x07250, 0x24608, 0x07280, 0x07295, 0x24735, 0x24814,
    0x0737A, 0x0738B, 0x03EAC, 0x073A5, 0x03EB8, 0x03EB8, 0x07447, 0x0745C, 0x07471, 0x07485,
    0x074CA, 0x03F1B, 0x07524, 0x24C36, 0x0753E, 0x24C92, 0x07570, 0x2219F, 0x07610, 0x24FA1,
    0x24FB8, 0x25044, 0x03FFC, 0x04008, 0x076F4, 0x250F3, 0x250F2, 0x25119, 0x25133, 0x0771E,
    0x0771F, 0x0771F, 0x0774A, 0x04039, 0x0778B, 0x04046, 0x04096, 0x2541D, 0x0784E, 0x0788C,
    0x078CC, 0x040E3, 0x25626, 0x07956, 0x2569A, 0x256C5, 0x0798F, 0x079EB, 0x0412F, 0x07A40,
    0x07A4A, 0x07A4F, 0x2597C, 0x25AA7, 0x25AA7, 0x07AEE, 0x04202, 0x25BAB, 0x07BC6, 0x07BC9,
    0x04227, 0x25C80, 0x07CD2, 0x042A0, 0x07CE8, 0x07CE3, 0x07D00, 0x25F86, 0x07D63, 0x04301,
    0x07DC7, 0x07E02, 0x07E45, 0x04334, 0x26228, 0x26247, 0x04359, 0x262D9, 0x07F7A, 0x2633E,
    0x07F95, 0x07FFA, 0x08005, 0x264DA, 0x26523, 0x08060, 0x265A8, 0x08070, 0x2335F, 0x043D5,
    0x080B2, 0x08103, 0x0440B, 0x0813E, 0x05AB5, 0x267A7, 0x267B5, 0x23393, 0x2339C, 0x08201,
    0x08204, 0x08F9E, 0x0446B, 0x08291, 0x0828B, 0x0829D, 0x052B3, 0x082B1, 0x082B3, 0x082BD,
    0x082E6, 0x26B3C, 0x082E5, 0x0831D, 0x08363, 0x083AD, 0x08323, 0x083BD, 0x083E7, 0x08457,
    0x08353, 0x083CA, 0x083CC, 0x083DC, 0x26C36, 0x26D6B, 0x26CD5, 0x0452B, 0x084F1, 0x084F3,
    0x08516, 0x273CA, 0x08564, 0x26F2C, 0x0455D, 0x04561, 0x26FB1, 0x270D2, 0x0456B, 0x08650,
    0x0865C, 0x08667, 0x08669, 0x086A9, 0x08688, 0x0870E, 0x086E2, 0x08779, 0x08728, 0x0876B,
    0x08786, 0x045D7, 0x087E1, 0x08801, 0x045F9, 0x08860, 0x08863, 0x27667, 0x088D7, 0x088DE,
    0x04635, 0x088FA, 0x034BB, 0x278AE, 0x27966, 0x046BE, 0x046C7, 0x08AA0, 0x08AED, 0x08B8A,
    0x08C55, 0x27CA8, 0x08CAB, 0x08CC1, 0x08D1B, 0x08D77, 0x27F2F, 0x20804, 0x08DCB, 0x08DBC,
    0x08DF0, 0x208DE, 0x08ED4, 0x08F38, 0x285D2, 0x285ED, 0x09094, 0x090F1, 0x09111, 0x2872E,
    0x0911B, 0x09238, 0x092D7, 0x092D8, 0x0927C, 0x093F9, 0x09415, 0x28BFA, 0x0958B, 0x04995,
    0x095B7, 0x28D77, 0x049E6, 0x096C3, 0x05DB2, 0x09723, 0x29145, 0x2921A, 0x04A6E, 0x04A76,
    0x097E0, 0x2940A, 0x04AB2, 0x29496, 0x0980B, 0x0980B, 0x09829, 0x295B6, 0x098E2, 0x04B33,
    0x09929, 0x099A7, 0x099C2, 0x099FE, 0x04BCE, 0x29B30, 0x09B12, 0x09C40, 0x09CFD, 0x04CCE,
    0x04CED, 0x09D67, 0x2A0CE, 0x04CF8, 0x2A105, 0x2A20E, 0x2A291, 0x09EBB, 0x04D56, 0x09EF9,
    0x09EFE, 0x09F05, 0x09F0F, 0x09F16, 0x09F3B, 0x2A600,
};

/* Primary composites: key (first << 21 | second) -> composite, sorted by key. */
#define RWKV__N_COMPOSE 941
static const uint64_t rwkv__compose_key[941] = {
    0x00007800338ULL, 0x00007A00338ULL, 0x00007C00338ULL, 0x00008200300ULL, 0x00008200301ULL, 0x00008200302ULL,
    0x00008200303ULL, 0x00008200304ULL, 0x00008200306ULL, 0x00008200307ULL, 0x00008200308ULL, 0x00008200309ULL,
    0x0000820030AULL, 0x0000820030CULL, 0x0000820030FULL, 0x00008200311ULL, 0x00008200323ULL, 0x00008200325ULL,
    0x00008200328ULL, 0x00008400307ULL, 0x00008400323ULL, 0x00008400331ULL, 0x00008600301ULL, 0x00008600302ULL,
    0x00008600307ULL, 0x0000860030CULL, 0x00008600327ULL, 0x00008800307ULL, 0x0000880030CULL, 0x00008800323ULL,
    0x00008800327ULL, 0x0000880032DULL, 0x00008800331ULL, 0x00008A00300ULL, 0x00008A00301ULL, 0x00008A00302ULL,
    0x00008A00303ULL, 0x00008A00304ULL, 0x00008A00306ULL, 0x00008A00307ULL, 0x00008A00308ULL, 0x00008A00309ULL,
    0x00008A0030CULL, 0x00008A0030FULL, 0x00008A00311ULL, 0x00008A00323ULL, 0x00008A00327ULL, 0x00008A00328ULL,
    0x00008A0032DULL, 0x00008A00330ULL, 0x00008C00307ULL, 0x00008E00301ULL, 0x00008E00302ULL, 0x00008E00304ULL,
    0x00008E00306ULL, 0x00008E00307ULL, 0x00008E0030CULL, 0x00008E00327ULL, 0x00009000302ULL, 0x00009000307ULL,
    0x00009000308ULL, 0x0000900030CULL, 0x00009000323ULL, 0x00009000327ULL, 0x0000900032EULL, 0x00009200300ULL,
    0x00009200301ULL, 0x00009200302ULL, 0x00009200303ULL, 0x00009200304ULL, 0x00009200306ULL, 0x00009200307ULL,
    0x00009200308ULL, 0x00009200309ULL, 0x0000920030CULL, 0x0000920030FULL, 0x00009200311ULL, 0x00009200323ULL,
    0x00009200328ULL, 0x00009200330ULL, 0x00009400302ULL, 0x00009600301ULL, 0x0000960030CULL, 0x00009600323ULL,
    0x00009600327ULL, 0x00009600331ULL, 0x00009800301ULL, 0x0000980030CULL, 0x00009800323ULL, 0x00009800327ULL,
    0x0000980032DULL, 0x00009800331ULL, 0x00009A00301ULL, 0x00009A00307ULL, 0x00009A00323ULL, 0x00009C00300ULL,
    0x00009C00301ULL, 0x00009C00303ULL, 0x00009C00307ULL, 0x00009C0030CULL, 0x00009C00323ULL, 0x00009C00327ULL,
    0x00009C0032DULL, 0x00009C00331ULL, 0x00009E00300ULL, 0x00009E00301ULL, 0x00009E00302ULL, 0x00009E00303ULL,
    0x00009E00304ULL, 0x00009E00306ULL, 0x00009E00307ULL, 0x00009E00308ULL, 0x00009E00309ULL, 0x00009E0030BULL,
    0x00009E0030CULL, 0x00009E0030FULL, 0x00009E00311ULL, 0x00009E0031BULL, 0x00009E00323ULL, 0x00009E00328ULL,
    0x0000A000301ULL, 0x0000A000307ULL, 0x0000A400301ULL, 0x0000A400307ULL, 0x0000A40030CULL, 0x0000A40030FULL,
    0x0000A400311ULL, 0x0000A400323ULL, 0x0000A400327ULL, 0x0000A400331ULL, 0x0000A600301ULL, 0x0000A600302ULL,
    0x0000A600307ULL, 0x0000A60030CULL, 0x0000A600323ULL, 0x0000A600326ULL, 0x0000A600327ULL, 0x0000A800307ULL,
    0x0000A80030CULL, 0x0000A800323ULL, 0x0000A800326ULL, 0x0000A800327ULL, 0x0000A80032DULL, 0x0000A800331ULL,
    0x0000AA00300ULL, 0x0000AA00301ULL, 0x0000AA00302ULL, 0x0000AA00303ULL, 0x0000AA00304ULL, 0x0000AA00306ULL,
    0x0000AA00308ULL, 0x0000AA00309ULL, 0x0000AA0030AULL, 0x0000AA0030BULL, 0x0000AA0030CULL, 0x0000AA0030FULL,
    0x0000AA00311ULL, 0x0000AA0031BULL, 0x0000AA00323ULL, 0x0000AA00324ULL, 0x0000AA00328ULL, 0x0000AA0032DULL,
    0x0000AA00330ULL, 0x0000AC00303ULL, 0x0000AC00323ULL, 0x0000AE00300ULL, 0x0000AE00301ULL, 0x0000AE00302ULL,
    0x0000AE00307ULL, 0x0000AE00308ULL, 0x0000AE00323ULL, 0x0000B000307ULL, 0x0000B000308ULL, 0x0000B200300ULL,
    0x0000B200301ULL, 0x0000B200302ULL, 0x0000B200303ULL, 0x0000B200304ULL, 0x0000B200307ULL, 0x0000B200308ULL,
    0x0000B200309ULL, 0x0000B200323ULL, 0x0000B400301ULL, 0x0000B400302ULL, 0x0000B400307ULL, 0x0000B40030CULL,
    0x0000B400323ULL, 0x0000B400331ULL, 0x0000C200300ULL, 0x0000C200301ULL, 0x0000C200302ULL, 0x0000C200303ULL,
    0x0000C200304ULL, 0x0000C200306ULL, 0x0000C200307ULL, 0x0000C200308ULL, 0x0000C200309ULL, 0x0000C20030AULL,
    0x0000C20030CULL, 0x0000C20030FULL, 0x0000C200311ULL, 0x0000C200323ULL, 0x0000C200325ULL, 0x0000C200328ULL,
    0x0000C400307ULL, 0x0000C400323ULL, 0x0000C400331ULL, 0x0000C600301ULL, 0x0000C600302ULL, 0x0000C600307ULL,
    0x0000C60030CULL, 0x0000C600327ULL, 0x0000C800307ULL, 0x0000C80030CULL, 0x0000C800323ULL, 0x0000C800327ULL,
    0x0000C80032DULL, 0x0000C800331ULL, 0x0000CA00300ULL, 0x0000CA00301ULL, 0x0000CA00302ULL, 0x0000CA00303ULL,
    0x0000CA00304ULL, 0x0000CA00306ULL, 0x0000CA00307ULL, 0x0000CA00308ULL, 0x0000CA00309ULL, 0x0000CA0030CULL,
    0x0000CA0030FULL, 0x0000CA00311ULL, 0x0000CA00323ULL, 0x0000CA00327ULL, 0x0000CA00328ULL, 0x0000CA0032DULL,
    0x0000CA00330ULL, 0x0000CC00307ULL, 0x0000CE00301ULL, 0x0000CE00302ULL, 0x0000CE00304ULL, 0x0000CE00306ULL,
    0x0000CE00307ULL, 0x0000CE0030CULL, 0x0000CE00327ULL, 0x0000D000302ULL, 0x0000D000307ULL, 0x0000D000308ULL,
    0x0000D00030CULL, 0x0000D000323ULL, 0x0000D000327ULL, 0x0000D00032EULL, 0x0000D000331ULL, 0x0000D200300ULL,
    0x0000D200301ULL, 0x0000D200302ULL, 0x0000D200303ULL, 0x0000D200304ULL, 0x0000D200306ULL, 0x0000D200308ULL,
    0x0000D200309ULL, 0x0000D20030CULL, 0x0000D20030FULL, 0x0000D200311ULL, 0x0000D200323ULL, 0x0000D200328ULL,
    0x0000D200330ULL, 0x0000D400302ULL, 0x0000D40030CULL, 0x0000D600301ULL, 0x0000D60030CULL, 0x0000D600323ULL,
    0x0000D600327ULL, 0x0000D600331ULL, 0x0000D800301ULL, 0x0000D80030CULL, 0x0000D800323ULL, 0x0000D800327ULL,
    0x0000D80032DULL, 0x0000D800331ULL, 0x0000DA00301ULL, 0x0000DA00307ULL, 0x0000DA00323ULL, 0x0000DC00300ULL,
    0x0000DC00301ULL, 0x0000DC00303ULL, 0x0000DC00307ULL, 0x0000DC0030CULL, 0x0000DC00323ULL, 0x0000DC00327ULL,
    0x0000DC0032DULL, 0x0000DC00331ULL, 0x0000DE00300ULL, 0x0000DE00301ULL, 0x0000DE00302ULL, 0x0000DE00303ULL,
    0x0000DE00304ULL, 0x0000DE00306ULL, 0x0000DE00307ULL, 0x0000DE00308ULL, 0x0000DE00309ULL, 0x0000DE0030BULL,
    0x0000DE0030CULL, 0x0000DE0030FULL, 0x0000DE00311ULL, 0x0000DE0031BULL, 0x0000DE00323ULL, 0x0000DE00328ULL,
    0x0000E000301ULL, 0x0000E000307ULL, 0x0000E400301ULL, 0x0000E400307ULL, 0x0000E40030CULL, 0x0000E40030FULL,
    0x0000E400311ULL, 0x0000E400323ULL, 0x0000E400327ULL, 0x0000E400331ULL, 0x0000E600301ULL, 0x0000E600302ULL,
    0x0000E600307ULL, 0x0000E60030CULL, 0x0000E600323ULL, 0x0000E600326ULL, 0x0000E600327ULL, 0x0000E800307ULL,
    0x0000E800308ULL, 0x0000E80030CULL, 0x0000E800323ULL, 0x0000E800326ULL, 0x0000E800327ULL, 0x0000E80032DULL,
    0x0000E800331ULL, 0x0000EA00300ULL, 0x0000EA00301ULL, 0x0000EA00302ULL, 0x0000EA00303ULL, 0x0000EA00304ULL,
    0x0000EA00306ULL, 0x0000EA00308ULL, 0x0000EA00309ULL, 0x0000EA0030AULL, 0x0000EA0030BULL, 0x0000EA0030CULL,
    0x0000EA0030FULL, 0x0000EA00311ULL, 0x0000EA0031BULL, 0x0000EA00323ULL, 0x0000EA00324ULL, 0x0000EA00328ULL,
    0x0000EA0032DULL, 0x0000EA00330ULL, 0x0000EC00303ULL, 0x0000EC00323ULL, 0x0000EE00300ULL, 0x0000EE00301ULL,
    0x0000EE00302ULL, 0x0000EE00307ULL, 0x0000EE00308ULL, 0x0000EE0030AULL, 0x0000EE00323ULL, 0x0000F000307ULL,
    0x0000F000308ULL, 0x0000F200300ULL, 0x0000F200301ULL, 0x0000F200302ULL, 0x0000F200303ULL, 0x0000F200304ULL,
    0x0000F200307ULL, 0x0000F200308ULL, 0x0000F200309ULL, 0x0000F20030AULL, 0x0000F200323ULL, 0x0000F400301ULL,
    0x0000F400302ULL, 0x0000F400307ULL, 0x0000F40030CULL, 0x0000F400323ULL, 0x0000F400331ULL, 0x00015000300ULL,
    0x00015000301ULL, 0x00015000342ULL, 0x00018400300ULL, 0x00018400301ULL, 0x00018400303ULL, 0x00018400309ULL,
    0x00018800304ULL, 0x00018A00301ULL, 0x00018C00301ULL, 0x00018C00304ULL, 0x00018E00301ULL, 0x00019400300ULL,
    0x00019400301ULL, 0x00019400303ULL, 0x00019400309ULL, 0x00019E00301ULL, 0x0001A800300ULL, 0x0001A800301ULL,
    0x0001A800303ULL, 0x0001A800309ULL, 0x0001AA00301ULL, 0x0001AA00304ULL, 0x0001AA00308ULL, 0x0001AC00304ULL,
    0x0001B000301ULL, 0x0001B800300ULL, 0x0001B800301ULL, 0x0001B800304ULL, 0x0001B80030CULL, 0x0001C400300ULL,
    0x0001C400301ULL, 0x0001C400303ULL, 0x0001C400309ULL, 0x0001C800304ULL, 0x0001CA00301ULL, 0x0001CC00301ULL,
    0x0001CC00304ULL, 0x0001CE00301ULL, 0x0001D400300ULL, 0x0001D400301ULL, 0x0001D400303ULL, 0x0001D400309ULL,
    0x0001DE00301ULL, 0x0001E800300ULL, 0x0001E800301ULL, 0x0001E800303ULL, 0x0001E800309ULL, 0x0001EA00301ULL,
    0x0001EA00304ULL, 0x0001EA00308ULL, 0x0001EC00304ULL, 0x0001F000301ULL, 0x0001F800300ULL, 0x0001F800301ULL,
    0x0001F800304ULL, 0x0001F80030CULL, 0x00020400300ULL, 0x00020400301ULL, 0x00020400303ULL, 0x00020400309ULL,
    0x00020600300ULL, 0x00020600301ULL, 0x00020600303ULL, 0x00020600309ULL, 0x00022400300ULL, 0x00022400301ULL,
    0x00022600300ULL, 0x00022600301ULL, 0x00029800300ULL, 0x00029800301ULL, 0x00029A00300ULL, 0x00029A00301ULL,
    0x0002B400307ULL, 0x0002B600307ULL, 0x0002C000307ULL, 0x0002C200307ULL, 0x0002D000301ULL, 0x0002D200301ULL,
    0x0002D400308ULL, 0x0002D600308ULL, 0x0002FE00307ULL, 0x00034000300ULL, 0x00034000301ULL, 0x00034000303ULL,
    0x00034000309ULL, 0x00034000323ULL, 0x00034200300ULL, 0x00034200301ULL, 0x00034200303ULL, 0x00034200309ULL,
    0x00034200323ULL, 0x00035E00300ULL, 0x00035E00301ULL, 0x00035E00303ULL, 0x00035E00309ULL, 0x00035E00323ULL,
    0x00036000300ULL, 0x00036000301ULL, 0x00036000303ULL, 0x00036000309ULL, 0x00036000323ULL, 0x00036E0030CULL,
    0x0003D400304ULL, 0x0003D600304ULL, 0x00044C00304ULL, 0x00044E00304ULL, 0x00045000306ULL, 0x00045200306ULL,
    0x00045C00304ULL, 0x00045E00304ULL, 0x0005240030CULL, 0x00072200300ULL, 0x00072200301ULL, 0x00072200304ULL,
    0x00072200306ULL, 0x00072200313ULL, 0x00072200314ULL, 0x00072200345ULL, 0x00072A00300ULL, 0x00072A00301ULL,
    0x00072A00313ULL, 0x00072A00314ULL, 0x00072E00300ULL, 0x00072E00301ULL, 0x00072E00313ULL, 0x00072E00314ULL,
    0x00072E00345ULL, 0x00073200300ULL, 0x00073200301ULL, 0x00073200304ULL, 0x00073200306ULL, 0x00073200308ULL,
    0x00073200313ULL, 0x00073200314ULL, 0x00073E00300ULL, 0x00073E00301ULL, 0x00073E00313ULL, 0x00073E00314ULL,
    0x00074200314ULL, 0x00074A00300ULL, 0x00074A00301ULL, 0x00074A00304ULL, 0x00074A00306ULL, 0x00074A00308ULL,
    0x00074A00314ULL, 0x00075200300ULL, 0x00075200301ULL, 0x00075200313ULL, 0x00075200314ULL, 0x00075200345ULL,
    0x00075800345ULL, 0x00075C00345ULL, 0x00076200300ULL, 0x00076200301ULL, 0x00076200304ULL, 0x00076200306ULL,
    0x00076200313ULL, 0x00076200314ULL, 0x00076200342ULL, 0x00076200345ULL, 0x00076A00300ULL, 0x00076A00301ULL,
    0x00076A00313ULL, 0x00076A00314ULL, 0x00076E00300ULL, 0x00076E00301ULL, 0x00076E00313ULL, 0x00076E00314ULL,
    0x00076E00342ULL, 0x00076E00345ULL, 0x00077200300ULL, 0x00077200301ULL, 0x00077200304ULL, 0x00077200306ULL,
    0x00077200308ULL, 0x00077200313ULL, 0x00077200314ULL, 0x00077200342ULL, 0x00077E00300ULL, 0x00077E00301ULL,
    0x00077E00313ULL, 0x00077E00314ULL, 0x00078200313ULL, 0x00078200314ULL, 0x00078A00300ULL, 0x00078A00301ULL,
    0x00078A00304ULL, 0x00078A00306ULL, 0x00078A00308ULL, 0x00078A00313ULL, 0x00078A00314ULL, 0x00078A00342ULL,
    0x00079200300ULL, 0x00079200301ULL, 0x00079200313ULL, 0x00079200314ULL, 0x00079200342ULL, 0x00079200345ULL,
    0x00079400300ULL, 0x00079400301ULL, 0x00079400342ULL, 0x00079600300ULL, 0x00079600301ULL, 0x00079600342ULL,
    0x00079C00345ULL, 0x0007A400301ULL, 0x0007A400308ULL, 0x00080C00308ULL, 0x00082000306ULL, 0x00082000308ULL,
    0x00082600301ULL, 0x00082A00300ULL, 0x00082A00306ULL, 0x00082A00308ULL, 0x00082C00306ULL, 0x00082C00308ULL,
    0x00082E00308ULL, 0x00083000300ULL, 0x00083000304ULL, 0x00083000306ULL, 0x00083000308ULL, 0x00083400301ULL,
    0x00083C00308ULL, 0x00084600304ULL, 0x00084600306ULL, 0x00084600308ULL, 0x0008460030BULL, 0x00084E00308ULL,
    0x00085600308ULL, 0x00085A00308ULL, 0x00086000306ULL, 0x00086000308ULL, 0x00086600301ULL, 0x00086A00300ULL,
    0x00086A00306ULL, 0x00086A00308ULL, 0x00086C00306ULL, 0x00086C00308ULL, 0x00086E00308ULL, 0x00087000300ULL,
    0x00087000304ULL, 0x00087000306ULL, 0x00087000308ULL, 0x00087400301ULL, 0x00087C00308ULL, 0x00088600304ULL,
    0x00088600306ULL, 0x00088600308ULL, 0x0008860030BULL, 0x00088E00308ULL, 0x00089600308ULL, 0x00089A00308ULL,
    0x0008AC00308ULL, 0x0008E80030FULL, 0x0008EA0030FULL, 0x0009B000308ULL, 0x0009B200308ULL, 0x0009D000308ULL,
    0x0009D200308ULL, 0x000C4E00653ULL, 0x000C4E00654ULL, 0x000C4E00655ULL, 0x000C9000654ULL, 0x000C9400654ULL,
    0x000D8200654ULL, 0x000DA400654ULL, 0x000DAA00654ULL, 0x0012500093CULL, 0x0012600093CULL, 0x0012660093CULL,
    0x00138E009BEULL, 0x00138E009D7ULL, 0x00168E00B3EULL, 0x00168E00B56ULL, 0x00168E00B57ULL, 0x00172400BD7ULL,
    0x00178C00BBEULL, 0x00178C00BD7ULL, 0x00178E00BBEULL, 0x00188C00C56ULL, 0x00197E00CD5ULL, 0x00198C00CC2ULL,
    0x00198C00CD5ULL, 0x00198C00CD6ULL, 0x00199400CD5ULL, 0x001A8C00D3EULL, 0x001A8C00D57ULL, 0x001A8E00D3EULL,
    0x001BB200DCAULL, 0x001BB200DCFULL, 0x001BB200DDFULL, 0x001BB800DCAULL, 0x00204A0102EULL, 0x00360A01B35ULL,
    0x00360E01B35ULL, 0x00361201B35ULL, 0x00361601B35ULL, 0x00361A01B35ULL, 0x00362201B35ULL, 0x00367401B35ULL,
    0x00367801B35ULL, 0x00367C01B35ULL, 0x00367E01B35ULL, 0x00368401B35ULL, 0x003C6C00304ULL, 0x003C6E00304ULL,
    0x003CB400304ULL, 0x003CB600304ULL, 0x003CC400307ULL, 0x003CC600307ULL, 0x003D4000302ULL, 0x003D4000306ULL,
    0x003D4200302ULL, 0x003D4200306ULL, 0x003D7000302ULL, 0x003D7200302ULL, 0x003D9800302ULL, 0x003D9A00302ULL,
    0x003E0000300ULL, 0x003E0000301ULL, 0x003E0000342ULL, 0x003E0000345ULL, 0x003E0200300ULL, 0x003E0200301ULL,
    0x003E0200342ULL, 0x003E0200345ULL, 0x003E0400345ULL, 0x003E0600345ULL, 0x003E0800345ULL, 0x003E0A00345ULL,
    0x003E0C00345ULL, 0x003E0E00345ULL, 0x003E1000300ULL, 0x003E1000301ULL, 0x003E1000342ULL, 0x003E1000345ULL,
    0x003E1200300ULL, 0x003E1200301ULL, 0x003E1200342ULL, 0x003E1200345ULL, 0x003E1400345ULL, 0x003E1600345ULL,
    0x003E1800345ULL, 0x003E1A00345ULL, 0x003E1C00345ULL, 0x003E1E00345ULL, 0x003E2000300ULL, 0x003E2000301ULL,
    0x003E2200300ULL, 0x003E2200301ULL, 0x003E3000300ULL, 0x003E3000301ULL, 0x003E3200300ULL, 0x003E3200301ULL,
    0x003E4000300ULL, 0x003E4000301ULL, 0x003E4000342ULL, 0x003E4000345ULL, 0x003E4200300ULL, 0x003E4200301ULL,
    0x003E4200342ULL, 0x003E4200345ULL, 0x003E4400345ULL, 0x003E4600345ULL, 0x003E4800345ULL, 0x003E4A00345ULL,
    0x003E4C00345ULL, 0x003E4E00345ULL, 0x003E5000300ULL, 0x003E5000301ULL, 0x003E5000342ULL, 0x003E5000345ULL,
    0x003E5200300ULL, 0x003E5200301ULL, 0x003E5200342ULL, 0x003E5200345ULL, 0x003E5400345ULL, 0x003E5600345ULL,
    0x003E5800345ULL, 0x003E5A00345ULL, 0x003E5C00345ULL, 0x003E5E00345ULL, 0x003E6000300ULL, 0x003E6000301ULL,
    0x003E6000342ULL, 0x003E6200300ULL, 0x003E6200301ULL, 0x003E6200342ULL, 0x003E7000300ULL, 0x003E7000301ULL,
    0x003E7000342ULL, 0x003E7200300ULL, 0x003E7200301ULL, 0x003E7200342ULL, 0x003E8000300ULL, 0x003E8000301ULL,
    0x003E8200300ULL, 0x003E8200301ULL, 0x003E9000300ULL, 0x003E9000301ULL, 0x003E9200300ULL, 0x003E9200301ULL,
    0x003EA000300ULL, 0x003EA000301ULL, 0x003EA000342ULL, 0x003EA200300ULL, 0x003EA200301ULL, 0x003EA200342ULL,
    0x003EB200300ULL, 0x003EB200301ULL, 0x003EB200342ULL, 0x003EC000300ULL, 0x003EC000301ULL, 0x003EC000342ULL,
    0x003EC000345ULL, 0x003EC200300ULL, 0x003EC200301ULL, 0x003EC200342ULL, 0x003EC200345ULL, 0x003EC400345ULL,
    0x003EC600345ULL, 0x003EC800345ULL, 0x003ECA00345ULL, 0x003ECC00345ULL, 0x003ECE00345ULL, 0x003ED000300ULL,
    0x003ED000301ULL, 0x003ED000342ULL, 0x003ED000345ULL, 0x003ED200300ULL, 0x003ED200301ULL, 0x003ED200342ULL,
    0x003ED200345ULL, 0x003ED400345ULL, 0x003ED600345ULL, 0x003ED800345ULL, 0x003EDA00345ULL, 0x003EDC00345ULL,
    0x003EDE00345ULL, 0x003EE000345ULL, 0x003EE800345ULL, 0x003EF800345ULL, 0x003F6C00345ULL, 0x003F7E00300ULL,
    0x003F7E00301ULL, 0x003F7E00342ULL, 0x003F8C00345ULL, 0x003FEC00345ULL, 0x003FFC00300ULL, 0x003FFC00301ULL,
    0x003FFC00342ULL, 0x00432000338ULL, 0x00432400338ULL, 0x00432800338ULL, 0x0043A000338ULL, 0x0043A400338ULL,
    0x0043A800338ULL, 0x00440600338ULL, 0x00441000338ULL, 0x00441600338ULL, 0x00444600338ULL, 0x00444A00338ULL,
    0x00447800338ULL, 0x00448600338ULL, 0x00448A00338ULL, 0x00449000338ULL, 0x00449A00338ULL, 0x0044C200338ULL,
    0x0044C800338ULL, 0x0044CA00338ULL, 0x0044E400338ULL, 0x0044E600338ULL, 0x0044EC00338ULL, 0x0044EE00338ULL,
    0x0044F400338ULL, 0x0044F600338ULL, 0x0044F800338ULL, 0x0044FA00338ULL, 0x00450400338ULL, 0x00450600338ULL,
    0x00450C00338ULL, 0x00450E00338ULL, 0x00452200338ULL, 0x00452400338ULL, 0x00454400338ULL, 0x00455000338ULL,
    0x00455200338ULL, 0x00455600338ULL, 0x00456400338ULL, 0x00456600338ULL, 0x00456800338ULL, 0x00456A00338ULL,
    0x00608C03099ULL, 0x00609603099ULL, 0x00609A03099ULL, 0x00609E03099ULL, 0x0060A203099ULL, 0x0060A603099ULL,
    0x0060AA03099ULL, 0x0060AE03099ULL, 0x0060B203099ULL, 0x0060B603099ULL, 0x0060BA03099ULL, 0x0060BE03099ULL,
    0x0060C203099ULL, 0x0060C803099ULL, 0x0060CC03099ULL, 0x0060D003099ULL, 0x0060DE03099ULL, 0x0060DE0309AULL,
    0x0060E403099ULL, 0x0060E40309AULL, 0x0060EA03099ULL, 0x0060EA0309AULL, 0x0060F003099ULL, 0x0060F00309AULL,
    0x0060F603099ULL, 0x0060F60309AULL, 0x00613A03099ULL, 0x00614C03099ULL, 0x00615603099ULL, 0x00615A03099ULL,
    0x00615E03099ULL, 0x00616203099ULL, 0x00616603099ULL, 0x00616A03099ULL, 0x00616E03099ULL, 0x00617203099ULL,
    0x00617603099ULL, 0x00617A03099ULL, 0x00617E03099ULL, 0x00618203099ULL, 0x00618803099ULL, 0x00618C03099ULL,
    0x00619003099ULL, 0x00619E03099ULL, 0x00619E0309AULL, 0x0061A403099ULL, 0x0061A40309AULL, 0x0061AA03099ULL,
    0x0061AA0309AULL, 0x0061B003099ULL, 0x0061B00309AULL, 0x0061B603099ULL, 0x0061B60309AULL, 0x0061DE03099ULL,
    0x0061E003099ULL, 0x0061E203099ULL, 0x0061E403099ULL, 0x0061FA03099ULL, 0x022132110BAULL, 0x022136110BAULL,
    0x02214A110BAULL, 0x02226211127ULL, 0x02226411127ULL, 0x02268E1133EULL, 0x02268E11357ULL, 0x022972114B0ULL,
    0x022972114BAULL, 0x022972114BDULL, 0x022B70115AFULL, 0x022B72115AFULL, 0x02326A11930ULL,
};
static const uint32_t rwkv__compose_val[941] = {
    0x0226E, 0x02260, 0x0226F, 0x000C0, 0x000C1, 0x000C2, 0x000C3, 0x00100, 0x00102, 0x00226,
    0x000C4, 0x01EA2, 0x000C5, 0x001CD, 0x00200, 0x00202, 0x01EA0, 0x01E00, 0x00104, 0x01E02,
    0x01E04, 0x01E06, 0x00106, 0x00108, 0x0010A, 0x0010C, 0x000C7, 0x01E0A, 0x0010E, 0x01E0C,
    0x01E10, 0x01E12, 0x01E0E, 0x000C8, 0x000C9, 0x000CA, 0x01EBC, 0x00112, 0x00114, 0x00116,
    0x000CB, 0x01EBA, 0x0011A, 0x00204, 0x00206, 0x01EB8, 0x00228, 0x00118, 0x01E18, 0x01E1A,
    0x01E1E, 0x001F4, 0x0011C, 0x01E20, 0x0011E, 0x00120, 0x001E6, 0x00122, 0x00124, 0x01E22,
    0x01E26, 0x0021E, 0x01E24, 0x01E28, 0x01E2A, 0x000CC, 0x000CD, 0x000CE, 0x00128, 0x0012A,
    0x0012C, 0x00130, 0x000CF, 0x01EC8, 0x001CF, 0x00208, 0x0020A, 0x01ECA, 0x0012E, 0x01E2C,
    0x00134, 0x01E30, 0x001E8, 0x01E32, 0x00136, 0x01E34, 0x00139, 0x0013D, 0x01E36, 0x0013B,
    0x01E3C, 0x01E3A, 0x01E3E, 0x01E40, 0x01E42, 0x001F8, 0x00143, 0x000D1, 0x01E44, 0x00147,
    0x01E46, 0x00145, 0x01E4A, 0x01E48, 0x000D2, 0x000D3, 0x000D4, 0x000D5, 0x0014C, 0x0014E,
    0x0022E, 0x000D6, 0x01ECE, 0x00150, 0x001D1, 0x0020C, 0x0020E, 0x001A0, 0x01ECC, 0x001EA,
    0x01E54, 0x01E56, 0x00154, 0x01E58, 0x00158, 0x00210, 0x00212, 0x01E5A, 0x00156, 0x01E5E,
    0x0015A, 0x0015C, 0x01E60, 0x00160, 0x01E62, 0x00218, 0x0015E, 0x01E6A, 0x00164, 0x01E6C,
    0x0021A, 0x00162, 0x01E70, 0x01E6E, 0x000D9, 0x000DA, 0x000DB, 0x00168, 0x0016A, 0x0016C,
    0x000DC, 0x01EE6, 0x0016E, 0x00170, 0x001D3, 0x00214, 0x00216, 0x001AF, 0x01EE4, 0x01E72,
    0x00172, 0x01E76, 0x01E74, 0x01E7C, 0x01E7E, 0x01E80, 0x01E82, 0x00174, 0x01E86, 0x01E84,
    0x01E88, 0x01E8A, 0x01E8C, 0x01EF2, 0x000DD, 0x00176, 0x01EF8, 0x00232, 0x01E8E, 0x00178,
    0x01EF6, 0x01EF4, 0x00179, 0x01E90, 0x0017B, 0x0017D, 0x01E92, 0x01E94, 0x000E0, 0x000E1,
    0x000E2, 0x000E3, 0x00101, 0x00103, 0x00227, 0x000E4, 0x01EA3, 0x000E5, 0x001CE, 0x00201,
    0x00203, 0x01EA1, 0x01E01, 0x00105, 0x01E03, 0x01E05, 0x01E07, 0x00107, 0x00109, 0x0010B,
    0x0010D, 0x000E7, 0x01E0B, 0x0010F, 0x01E0D, 0x01E11, 0x01E13, 0x01E0F, 0x000E8, 0x000E9,
    0x000EA, 0x01EBD, 0x00113, 0x00115, 0x00117, 0x000EB, 0x01EBB, 0x0011B, 0x00205, 0x00207,
    0x01EB9, 0x00229, 0x00119, 0x01E19, 0x01E1B, 0x01E1F, 0x001F5, 0x0011D, 0x01E21, 0x0011F,
    0x00121, 0x001E7, 0x00123, 0x00125, 0x01E23, 0x01E27, 0x0021F, 0x01E25, 0x01E29, 0x01E2B,
    0x01E96, 0x000EC, 0x000ED, 0x000EE, 0x00129, 0x0012B, 0x0012D, 0x000EF, 0x01EC9, 0x001D0,
    0x00209, 0x0020B, 0x01ECB, 0x0012F, 0x01E2D, 0x00135, 0x001F0, 0x01E31, 0x001E9, 0x01E33,
    0x00137, 0x01E35, 0x0013A, 0x0013E, 0x01E37, 0x0013C, 0x01E3D, 0x01E3B, 0x01E3F, 0x01E41,
    0x01E43, 0x001F9, 0x00144, 0x000F1, 0x01E45, 0x00148, 0x01E47, 0x00146, 0x01E4B, 0x01E49,
    0x000F2, 0x000F3, 0x000F4, 0x000F5, 0x0014D, 0x0014F, 0x0022F, 0x000F6, 0x01ECF, 0x00151,
    0x001D2, 0x0020D, 0x0020F, 0x001A1, 0x01ECD, 0x001EB, 0x01E55, 0x01E57, 0x00155, 0x01E59,
    0x00159, 0x00211, 0x00213, 0x01E5B, 0x00157, 0x01E5F, 0x0015B, 0x0015D, 0x01E61, 0x00161,
    0x01E63, 0x00219, 0x0015F, 0x01E6B, 0x01E97, 0x00165, 0x01E6D, 0x0021B, 0x00163, 0x01E71,
    0x01E6F, 0x000F9, 0x000FA, 0x000FB, 0x00169, 0x0016B, 0x0016D, 0x000FC, 0x01EE7, 0x0016F,
    0x00171, 0x001D4, 0x00215, 0x00217, 0x001B0, 0x01EE5, 0x01E73, 0x00173, 0x01E77, 0x01E75,
    0x01E7D, 0x01E7F, 0x01E81, 0x01E83, 0x00175, 0x01E87, 0x01E85, 0x01E98, 0x01E89, 0x01E8B,
    0x01E8D, 0x01EF3, 0x000FD, 0x00177, 0x01EF9, 0x00233, 0x01E8F, 0x000FF, 0x01EF7, 0x01E99,
    0x01EF5, 0x0017A, 0x01E91, 0x0017C, 0x0017E, 0x01E93, 0x01E95, 0x01FED, 0x00385, 0x01FC1,
    0x01EA6, 0x01EA4, 0x01EAA, 0x01EA8, 0x001DE, 0x001FA, 0x001FC, 0x001E2, 0x01E08, 0x01EC0,
    0x01EBE, 0x01EC4, 0x01EC2, 0x01E2E, 0x01ED2, 0x01ED0, 0x01ED6, 0x01ED4, 0x01E4C, 0x0022C,
    0x01E4E, 0x0022A, 0x001FE, 0x001DB, 0x001D7, 0x001D5, 0x001D9, 0x01EA7, 0x01EA5, 0x01EAB,
    0x01EA9, 0x001DF, 0x001FB, 0x001FD, 0x001E3, 0x01E09, 0x01EC1, 0x01EBF, 0x01EC5, 0x01EC3,
    0x01E2F, 0x01ED3, 0x01ED1, 0x01ED7, 0x01ED5, 0x01E4D, 0x0022D, 0x01E4F, 0x0022B, 0x001FF,
    0x001DC, 0x001D8, 0x001D6, 0x001DA, 0x01EB0, 0x01EAE, 0x01EB4, 0x01EB2, 0x01EB1, 0x01EAF,
    0x01EB5, 0x01EB3, 0x01E14, 0x01E16, 0x01E15, 0x01E17, 0x01E50, 0x01E52, 0x01E51, 0x01E53,
    0x01E64, 0x01E65, 0x01E66, 0x01E67, 0x01E78, 0x01E79, 0x01E7A, 0x01E7B, 0x01E9B, 0x01EDC,
    0x01EDA, 0x01EE0, 0x01EDE, 0x01EE2, 0x01EDD, 0x01EDB, 0x01EE1, 0x01EDF, 0x01EE3, 0x01EEA,
    0x01EE8, 0x01EEE, 0x01EEC, 0x01EF0, 0x01EEB, 0x01EE9, 0x01EEF, 0x01EED, 0x01EF1, 0x001EE,
    0x001EC, 0x001ED, 0x001E0, 0x001E1, 0x01E1C, 0x01E1D, 0x00230, 0x00231, 0x001EF, 0x01FBA,
    0x00386, 0x01FB9, 0x01FB8, 0x01F08, 0x01F09, 0x01FBC, 0x01FC8, 0x00388, 0x01F18, 0x01F19,
    0x01FCA, 0x00389, 0x01F28, 0x01F29, 0x01FCC, 0x01FDA, 0x0038A, 0x01FD9, 0x01FD8, 0x003AA,
    0x01F38, 0x01F39, 0x01FF8, 0x0038C, 0x01F48, 0x01F49, 0x01FEC, 0x01FEA, 0x0038E, 0x01FE9,
    0x01FE8, 0x003AB, 0x01F59, 0x01FFA, 0x0038F, 0x01F68, 0x01F69, 0x01FFC, 0x01FB4, 0x01FC4,
    0x01F70, 0x003AC, 0x01FB1, 0x01FB0, 0x01F00, 0x01F01, 0x01FB6, 0x01FB3, 0x01F72, 0x003AD,
    0x01F10, 0x01F11, 0x01F74, 0x003AE, 0x01F20, 0x01F21, 0x01FC6, 0x01FC3, 0x01F76, 0x003AF,
    0x01FD1, 0x01FD0, 0x003CA, 0x01F30, 0x01F31, 0x01FD6, 0x01F78, 0x003CC, 0x01F40, 0x01F41,
    0x01FE4, 0x01FE5, 0x01F7A, 0x003CD, 0x01FE1, 0x01FE0, 0x003CB, 0x01F50, 0x01F51, 0x01FE6,
    0x01F7C, 0x003CE, 0x01F60, 0x01F61, 0x01FF6, 0x01FF3, 0x01FD2, 0x00390, 0x01FD7, 0x01FE2,
    0x003B0, 0x01FE7, 0x01FF4, 0x003D3, 0x003D4, 0x00407, 0x004D0, 0x004D2, 0x00403, 0x00400,
    0x004D6, 0x00401, 0x004C1, 0x004DC, 0x004DE, 0x0040D, 0x004E2, 0x00419, 0x004E4, 0x0040C,
    0x004E6, 0x004EE, 0x0040E, 0x004F0, 0x004F2, 0x004F4, 0x004F8, 0x004EC, 0x004D1, 0x004D3,
    0x00453, 0x00450, 0x004D7, 0x00451, 0x004C2, 0x004DD, 0x004DF, 0x0045D, 0x004E3, 0x00439,
    0x004E5, 0x0045C, 0x004E7, 0x004EF, 0x0045E, 0x004F1, 0x004F3, 0x004F5, 0x004F9, 0x004ED,
    0x00457, 0x00476, 0x00477, 0x004DA, 0x004DB, 0x004EA, 0x004EB, 0x00622, 0x00623, 0x00625,
    0x00624, 0x00626, 0x006C2, 0x006D3, 0x006C0, 0x00929, 0x00931, 0x00934, 0x009CB, 0x009CC,
    0x00B4B, 0x00B48, 0x00B4C, 0x00B94, 0x00BCA, 0x00BCC, 0x00BCB, 0x00C48, 0x00CC0, 0x00CCA,
    0x00CC7, 0x00CC8, 0x00CCB, 0x00D4A, 0x00D4C, 0x00D4B, 0x00DDA, 0x00DDC, 0x00DDE, 0x00DDD,
    0x01026, 0x01B06, 0x01B08, 0x01B0A, 0x01B0C, 0x01B0E, 0x01B12, 0x01B3B, 0x01B3D, 0x01B40,
    0x01B41, 0x01B43, 0x01E38, 0x01E39, 0x01E5C, 0x01E5D, 0x01E68, 0x01E69, 0x01EAC, 0x01EB6,
    0x01EAD, 0x01EB7, 0x01EC6, 0x01EC7, 0x01ED8, 0x01ED9, 0x01F02, 0x01F04, 0x01F06, 0x01F80,
    0x01F03, 0x01F05, 0x01F07, 0x01F81, 0x01F82, 0x01F83, 0x01F84, 0x01F85, 0x01F86, 0x01F87,
    0x01F0A, 0x01F0C, 0x01F0E, 0x01F88, 0x01F0B, 0x01F0D, 0x01F0F, 0x01F89, 0x01F8A, 0x01F8B,
    0x01F8C, 0x01F8D, 0x01F8E, 0x01F8F, 0x01F12, 0x01F14, 0x01F13, 0x01F15, 0x01F1A, 0x01F1C,
    0x01F1B, 0x01F1D, 0x01F22, 0x01F24, 0x01F26, 0x01F90, 0x01F23, 0x01F25, 0x01F27, 0x01F91,
    0x01F92, 0x01F93, 0x01F94, 0x01F95, 0x01F96, 0x01F97, 0x01F2A, 0x01F2C, 0x01F2E, 0x01F98,
    0x01F2B, 0x01F2D, 0x01F2F, 0x01F99, 0x01F9A, 0x01F9B, 0x01F9C, 0x01F9D, 0x01F9E, 0x01F9F,
    0x01F32, 0x01F34, 0x01F36, 0x01F33, 0x01F35, 0x01F37, 0x01F3A, 0x01F3C, 0x01F3E, 0x01F3B,
    0x01F3D, 0x01F3F, 0x01F42, 0x01F44, 0x01F43, 0x01F45, 0x01F4A, 0x01F4C, 0x01F4B, 0x01F4D,
    0x01F52, 0x01F54, 0x01F56, 0x01F53, 0x01F55, 0x01F57, 0x01F5B, 0x01F5D, 0x01F5F, 0x01F62,
    0x01F64, 0x01F66, 0x01FA0, 0x01F63, 0x01F65, 0x01F67, 0x01FA1, 0x01FA2, 0x01FA3, 0x01FA4,
    0x01FA5, 0x01FA6, 0x01FA7, 0x01F6A, 0x01F6C, 0x01F6E, 0x01FA8, 0x01F6B, 0x01F6D, 0x01F6F,
    0x01FA9, 0x01FAA, 0x01FAB, 0x01FAC, 0x01FAD, 0x01FAE, 0x01FAF, 0x01FB2, 0x01FC2, 0x01FF2,
    0x01FB7, 0x01FCD, 0x01FCE, 0x01FCF, 0x01FC7, 0x01FF7, 0x01FDD, 0x01FDE, 0x01FDF, 0x0219A,
    0x0219B, 0x021AE, 0x021CD, 0x021CF, 0x021CE, 0x02204, 0x02209, 0x0220C, 0x02224, 0x02226,
    0x02241, 0x02244, 0x02247, 0x02249, 0x0226D, 0x02262, 0x02270, 0x02271, 0x02274, 0x02275,
    0x02278, 0x02279, 0x02280, 0x02281, 0x022E0, 0x022E1, 0x02284, 0x02285, 0x02288, 0x02289,
    0x022E2, 0x022E3, 0x022AC, 0x022AD, 0x022AE, 0x022AF, 0x022EA, 0x022EB, 0x022EC, 0x022ED,
    0x03094, 0x0304C, 0x0304E, 0x03050, 0x03052, 0x03054, 0x03056, 0x03058, 0x0305A, 0x0305C,
    0x0305E, 0x03060, 0x03062, 0x03065, 0x03067, 0x03069, 0x03070, 0x03071, 0x03073, 0x03074,
    0x03076, 0x03077, 0x03079, 0x0307A, 0x0307C, 0x0307D, 0x0309E, 0x030F4, 0x030AC, 0x030AE,
    0x030B0, 0x030B2, 0x030B4, 0x030B6, 0x030B8, 0x030BA, 0x030BC, 0x030BE, 0x030C0, 0x030C2,
    0x030C5, 0x030C7, 0x030C9, 0x030D0, 0x030D1, 0x030D3, 0x030D4, 0x030D6, 0x030D7, 0x030D9,
    0x030DA, 0x030DC, 0x030DD, 0x030F7, 0x030F8, 0x030F9, 0x030FA, 0x030FE, 0x1109A, 0x1109C,
    0x110AB, 0x1112E, 0x1112F, 0x1134B, 0x1134C, 0x114BC, 0x114BB, 0x114BE, 0x115BA, 0x115BB,
    0x11938,
};
/* END GENERATED */

static unsigned rwkv__uprop(int32_t cp)
{
    if (cp < 0) return RWKV__UC_OTHER; /* an invalid byte: "other", never normalized */
    return rwkv__uprop_blocks[rwkv__uprop_stage1[cp >> 8]][cp & 255];
}

static int rwkv__ccc(int32_t cp)
{
    size_t lo = 0, hi = RWKV__N_CCC;
    if (cp < 0x300) return 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rwkv__ccc_cp[mid] < (uint32_t)cp) lo = mid + 1;
        else hi = mid;
    }
    return lo < RWKV__N_CCC && rwkv__ccc_cp[lo] == (uint32_t)cp ? rwkv__ccc_val[lo] : 0;
}

enum {
    RWKV__SBASE = 0xAC00, RWKV__LBASE = 0x1100, RWKV__VBASE = 0x1161, RWKV__TBASE = 0x11A7,
    RWKV__LCOUNT = 19, RWKV__VCOUNT = 21, RWKV__TCOUNT = 28, RWKV__NCOUNT = 588,
    RWKV__SCOUNT = 11172
};

/* Appends the full canonical decomposition of cp to out (room for 4 code points needed:
   the longest in the tables is 4). */
static int rwkv__decompose(int32_t cp, int32_t *out)
{
    size_t lo = 0, hi = RWKV__N_DECOMP;
    if (cp >= RWKV__SBASE && cp < RWKV__SBASE + RWKV__SCOUNT) {
        int s = cp - RWKV__SBASE;
        out[0] = RWKV__LBASE + s / RWKV__NCOUNT;
        out[1] = RWKV__VBASE + (s % RWKV__NCOUNT) / RWKV__TCOUNT;
        if (s % RWKV__TCOUNT) { out[2] = RWKV__TBASE + s % RWKV__TCOUNT; return 3; }
        return 2;
    }
    if (cp >= 0xC0) {
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (rwkv__decomp_cp[mid] < (uint32_t)cp) lo = mid + 1;
            else hi = mid;
        }
        if (lo < RWKV__N_DECOMP && rwkv__decomp_cp[lo] == (uint32_t)cp) {
            int k, a = rwkv__decomp_off[lo], b = rwkv__decomp_off[lo + 1];
            for (k = a; k < b; k++) out[k - a] = (int32_t)rwkv__decomp_pool[k];
            return b - a;
        }
    }
    out[0] = cp;
    return 1;
}

/* The primary composite of (a, b), or -1. */
static int32_t rwkv__compose(int32_t a, int32_t b)
{
    uint64_t key;
    size_t lo = 0, hi = RWKV__N_COMPOSE;
    if (a < 0 || b < 0) return -1;
    if (a >= RWKV__LBASE && a < RWKV__LBASE + RWKV__LCOUNT && b >= RWKV__VBASE &&
        b < RWKV__VBASE + RWKV__VCOUNT)
        return RWKV__SBASE + ((a - RWKV__LBASE) * RWKV__VCOUNT + (b - RWKV__VBASE)) * RWKV__TCOUNT;
    if (a >= RWKV__SBASE && a < RWKV__SBASE + RWKV__SCOUNT && (a - RWKV__SBASE) % RWKV__TCOUNT == 0 &&
        b > RWKV__TBASE && b < RWKV__TBASE + RWKV__TCOUNT)
        return a + (b - RWKV__TBASE);
    key = ((uint64_t)a << 21) | (uint64_t)b;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rwkv__compose_key[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < RWKV__N_COMPOSE && rwkv__compose_key[lo] == key ? (int32_t)rwkv__compose_val[lo] : -1;
}
