/* tokenizer.c - the tokenizers declared in rwkv.h: byte-level, RWKV World and Pile (GPT-NeoX
   20B BPE).

   World (rwkv_vocab_v20230424.txt): every line is "ID LITERAL BYTE_LENGTH" with LITERAL a
   Python str or bytes literal. Encoding is greedy: at each position take the longest token
   that is a prefix of the remaining bytes, exactly ChatRWKV's TRIE_TOKENIZER.

   Pile (20B_tokenizer.json, HuggingFace `tokenizers` JSON): the pipeline of that library's
   Tokenizer::encode for a BPE model with a ByteLevel pre-tokenizer:
     1. split out the added tokens that match the raw text ("normalized": false; the special
        tokens here), leftmost-longest;
     2. NFC-normalize the rest (with Unicode 9.0 data, as HF's unicode-normalization-alignments
        0.1.12 does), then split out the added tokens marked "normalized": true (the runs of
        2..24 spaces in the 20B file);
     3. split every remaining piece with the GPT-2 regex
        's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
        (hand-written matcher below, Unicode classes from tokenizer_unicode.h; \s is
        White_Space, as in Oniguruma, which HF uses);
     4. BPE each piece over its bytes: repeatedly merge the adjacent pair with the lowest merge
        rank, leftmost first on ties (HF's Word::merge_all), using a heap so a 1 MB word is
        n log n.
   The byte-level character mapping of GPT-2 (bytes <-> printable code points) is undone at
   load: internally every token is its real bytes.

   The library never prints and never exits; errors name the file and line / byte offset. */
#include "rwkv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokenizer_unicode.h"

/* ==== small utilities ================================================================= */

static rwkv_status rwkv__tfail(rwkv_error *err, rwkv_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return code;
}

static rwkv_status rwkv__oom(rwkv_error *err, const char *what)
{
    return rwkv__tfail(err, RWKV_ERR_MEMORY, "out of memory while %s", what);
}

/* A growable byte buffer. */
typedef struct rwkv__buf {
    char *p;
    size_t n, cap;
} rwkv__buf;

static int rwkv__buf_reserve(rwkv__buf *b, size_t extra)
{
    if (b->n + extra > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;
        while (cap < b->n + extra) cap *= 2;
        p = (char *)realloc(b->p, cap);
        if (!p) return 0;
        b->p = p;
        b->cap = cap;
    }
    return 1;
}

static int rwkv__buf_add(rwkv__buf *b, const void *data, size_t n)
{
    if (!rwkv__buf_reserve(b, n)) return 0;
    if (n) memcpy(b->p + b->n, data, n);
    b->n += n;
    return 1;
}

/* A growable int array. */
typedef struct rwkv__ivec {
    int *p;
    size_t n, cap;
} rwkv__ivec;

static int rwkv__ivec_push(rwkv__ivec *v, int x)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 256;
        int *p = (int *)realloc(v->p, cap * sizeof(int));
        if (!p) return 0;
        v->p = p;
        v->cap = cap;
    }
    v->p[v->n++] = x;
    return 1;
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

static size_t rwkv__pow2_at_least(size_t n)
{
    size_t p = 16;
    while (p < n) p *= 2;
    return p;
}

/* UTF-8 encode one code point (cp <= 0x10FFFF); returns the byte count. */
static int rwkv__utf8_put(unsigned char *out, uint32_t cp)
{
    if (cp < 0x80) { out[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes one UTF-8 sequence at s[0..n) (n >= 1). Returns its length and the code point, or
   length 1 and *cp = -1 - byte for a byte that does not start a valid sequence (overlong
   forms, surrogates and values past U+10FFFF are invalid, as in Rust's from_utf8). */
static int rwkv__utf8_get(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) { *cp = (int32_t)c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) {
        if (n >= 2 && (s[1] & 0xC0) == 0x80) {
            *cp = (int32_t)(((c & 0x1F) << 6) | (s[1] & 0x3F));
            return 2;
        }
    } else if (c >= 0xE0 && c <= 0xEF) {
        unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        if (n >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80) {
            *cp = (int32_t)(((c & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3F));
            return 3;
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        if (n >= 4 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 &&
            (s[3] & 0xC0) == 0x80) {
            *cp = (int32_t)(((c & 0x07) << 18) | ((s[1] & 0x3Fu) << 12) |
                            ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3F));
            return 4;
        }
    }
    *cp = -1 - (int32_t)c;
    return 1;
}

/* ==== Unicode properties and NFC ======================================================= */

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

/* ==== byte trie (World vocabulary; Pile added tokens) ================================== */
/* Nodes are numbered from 1 (0 = none). The root's children are a 256-entry table; every
   other edge lives in one open-addressing hash table keyed by (parent, byte): one probe per
   byte on the hot path, and the table stays small (World: 116k edges, 2 MB). */

typedef struct rwkv__trie {
    uint32_t root[256];
    uint32_t *root2;     /* optional: node after the first two bytes (b0 << 8 | b1), 0 none */
    uint64_t *edges;     /* (key + 1) << 32 | child, key = parent << 8 | byte; 0 = empty */
    size_t mask;         /* table size - 1 */
    size_t n_edges;
    int32_t *token;      /* token id ending at node, -1 none; index = node */
    size_t n_nodes, cap_nodes; /* node ids 1 .. n_nodes */
} rwkv__trie;

static void rwkv__trie_free(rwkv__trie *t)
{
    free(t->root2);
    free(t->edges);
    free(t->token);
    memset(t, 0, sizeof *t);
}

static int rwkv__trie_init(rwkv__trie *t, size_t expected_nodes)
{
    size_t slots = rwkv__pow2_at_least(expected_nodes * 3 / 2 + 16); /* grows past 50% load */
    memset(t, 0, sizeof *t);
    t->edges = (uint64_t *)calloc(slots, sizeof(uint64_t));
    t->cap_nodes = expected_nodes + 16;
    t->token = (int32_t *)malloc((t->cap_nodes + 1) * sizeof(int32_t));
    if (!t->edges || !t->token) { rwkv__trie_free(t); return 0; }
    t->mask = slots - 1;
    t->token[0] = -1;
    return 1;
}

static size_t rwkv__trie_slot(size_t key, size_t mask)
{
    return (size_t)(((uint64_t)key * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
}

static uint32_t rwkv__trie_child(const rwkv__trie *t, uint32_t node, unsigned char c)
{
    size_t key = ((size_t)node << 8) | c;
    size_t i = rwkv__trie_slot(key, t->mask);
    uint64_t want = (uint64_t)(key + 1) << 32;
    for (;;) {
        uint64_t e = t->edges[i];
        if (e == 0) return 0;
        if ((e & 0xFFFFFFFF00000000ULL) == want) return (uint32_t)e;
        i = (i + 1) & t->mask;
    }
}

static int rwkv__trie_grow(rwkv__trie *t)
{
    size_t slots = (t->mask + 1) * 2, i;
    uint64_t *e = (uint64_t *)calloc(slots, sizeof(uint64_t));
    if (!e) return 0;
    for (i = 0; i <= t->mask; i++) {
        uint64_t x = t->edges[i];
        size_t j;
        if (!x) continue;
        j = rwkv__trie_slot((size_t)(x >> 32) - 1, slots - 1);
        while (e[j]) j = (j + 1) & (slots - 1);
        e[j] = x;
    }
    free(t->edges);
    t->edges = e;
    t->mask = slots - 1;
    return 1;
}

static uint32_t rwkv__trie_new_node(rwkv__trie *t)
{
    if (t->n_nodes + 1 >= t->cap_nodes) {
        size_t cap = t->cap_nodes * 2;
        int32_t *p = (int32_t *)realloc(t->token, (cap + 1) * sizeof(int32_t));
        if (!p) return 0;
        t->token = p;
        t->cap_nodes = cap;
    }
    t->n_nodes++;
    t->token[t->n_nodes] = -1;
    return (uint32_t)t->n_nodes;
}

/* Inserts s[0..n) (n >= 1). path (NULL, or room for n nodes) receives the node after each
   prefix; its first `known` entries are already valid for s (a shared prefix with the
   previous insertion: sorted vocabularies then skip most hash probes). Returns the node,
   or 0 on out of memory. */
static uint32_t rwkv__trie_insert_path(rwkv__trie *t, const unsigned char *s, size_t n,
                                       uint32_t *path, size_t known)
{
    uint32_t node;
    size_t i;
    if (path && known > 0) {
        node = path[known - 1];
        i = known;
    } else {
        node = t->root[s[0]];
        if (!node) {
            if (!(node = rwkv__trie_new_node(t))) return 0;
            t->root[s[0]] = node;
        }
        if (path) path[0] = node;
        i = 1;
    }
    for (; i < n; i++) {
        uint32_t child = rwkv__trie_child(t, node, s[i]);
        if (!child) {
            size_t key = ((size_t)node << 8) | s[i], j;
            if (!(child = rwkv__trie_new_node(t))) return 0;
            if ((t->n_edges + 1) * 2 > t->mask + 1 && !rwkv__trie_grow(t)) return 0;
            j = rwkv__trie_slot(key, t->mask);
            while (t->edges[j]) j = (j + 1) & t->mask;
            t->edges[j] = ((uint64_t)(key + 1) << 32) | child;
            t->n_edges++;
        }
        node = child;
        if (path) path[i] = node;
    }
    return node;
}

static uint32_t rwkv__trie_insert(rwkv__trie *t, const unsigned char *s, size_t n)
{
    return rwkv__trie_insert_path(t, s, n, NULL, 0);
}

/* Builds the two-byte table: the World encoder's hot path then starts at depth 2 with one
   load instead of a hash probe (256 KB). Returns 0 on out of memory. */
static int rwkv__trie_build_root2(rwkv__trie *t)
{
    size_t b0, b1;
    t->root2 = (uint32_t *)calloc(65536, sizeof(uint32_t));
    if (!t->root2) return 0;
    for (b0 = 0; b0 < 256; b0++)
        if (t->root[b0])
            for (b1 = 0; b1 < 256; b1++)
                t->root2[b0 << 8 | b1] = rwkv__trie_child(t, t->root[b0], (unsigned char)b1);
    return 1;
}

/* The longest token that is a prefix of s[0..n): its id (length in *match_len), or -1. */
static int32_t rwkv__trie_longest(const rwkv__trie *t, const unsigned char *s, size_t n,
                                  size_t *match_len)
{
    uint32_t node = t->root[s[0]];
    int32_t best = -1;
    size_t i, best_len = 0;
    if (!node) return -1;
    if (t->token[node] >= 0) { best = t->token[node]; best_len = 1; }
    i = 1;
    if (t->root2 && n >= 2) {
        node = t->root2[(size_t)s[0] << 8 | s[1]];
        if (!node) { *match_len = best_len; return best; }
        if (t->token[node] >= 0) { best = t->token[node]; best_len = 2; }
        i = 2;
    }
    for (; i < n; i++) {
        node = rwkv__trie_child(t, node, s[i]);
        if (!node) break;
        if (t->token[node] >= 0) { best = t->token[node]; best_len = i + 1; }
    }
    *match_len = best_len;
    return best;
}

/* ==== the tokenizer object ============================================================= */

/* Pair -> merge map for BPE: key (left id << 32 | right id), value rank and merged id. */
typedef struct rwkv__merge {
    uint64_t key; /* 0 = empty slot; stored as key + 1 */
    int32_t rank, id;
} rwkv__merge;

struct rwkv_tokenizer {
    rwkv_tokenizer_kind kind;
    int n_vocab;
    /* bytes of every token: blob[off[id] .. off[id] + len[id]), len -1 = unassigned */
    char *blob;
    uint32_t *tok_off;
    int32_t *tok_len;
    unsigned char *special;
    /* World */
    rwkv__trie trie;
    /* Pile */
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
    /* ignore_merges needs bytes -> vocab id: open addressing over ids, -1 empty */
    int32_t *vocab_index;
    size_t vocab_mask;
};

static rwkv_tokenizer *rwkv__tok_alloc(rwkv_tokenizer_kind kind)
{
    rwkv_tokenizer *t = (rwkv_tokenizer *)calloc(1, sizeof *t);
    int i;
    if (!t) return NULL;
    t->kind = kind;
    for (i = 0; i < 256; i++) t->byte_token[i] = -1;
    return t;
}

void rwkv_tokenizer_free(rwkv_tokenizer *tok)
{
    if (!tok) return;
    free(tok->blob);
    free(tok->tok_off);
    free(tok->tok_len);
    free(tok->special);
    rwkv__trie_free(&tok->trie);
    free(tok->merges);
    rwkv__trie_free(&tok->added_raw);
    rwkv__trie_free(&tok->added_norm);
    free(tok->vocab_index);
    free(tok);
}

rwkv_tokenizer_kind rwkv_tokenizer_get_kind(const rwkv_tokenizer *tok) { return tok->kind; }
int rwkv_tokenizer_n_vocab(const rwkv_tokenizer *tok) { return tok->n_vocab; }

static const char rwkv__all_bytes[256] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
    25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
    48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70,
    71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93,
    94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112,
    113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
    (char)128, (char)129, (char)130, (char)131, (char)132, (char)133, (char)134, (char)135,
    (char)136, (char)137, (char)138, (char)139, (char)140, (char)141, (char)142, (char)143,
    (char)144, (char)145, (char)146, (char)147, (char)148, (char)149, (char)150, (char)151,
    (char)152, (char)153, (char)154, (char)155, (char)156, (char)157, (char)158, (char)159,
    (char)160, (char)161, (char)162, (char)163, (char)164, (char)165, (char)166, (char)167,
    (char)168, (char)169, (char)170, (char)171, (char)172, (char)173, (char)174, (char)175,
    (char)176, (char)177, (char)178, (char)179, (char)180, (char)181, (char)182, (char)183,
    (char)184, (char)185, (char)186, (char)187, (char)188, (char)189, (char)190, (char)191,
    (char)192, (char)193, (char)194, (char)195, (char)196, (char)197, (char)198, (char)199,
    (char)200, (char)201, (char)202, (char)203, (char)204, (char)205, (char)206, (char)207,
    (char)208, (char)209, (char)210, (char)211, (char)212, (char)213, (char)214, (char)215,
    (char)216, (char)217, (char)218, (char)219, (char)220, (char)221, (char)222, (char)223,
    (char)224, (char)225, (char)226, (char)227, (char)228, (char)229, (char)230, (char)231,
    (char)232, (char)233, (char)234, (char)235, (char)236, (char)237, (char)238, (char)239,
    (char)240, (char)241, (char)242, (char)243, (char)244, (char)245, (char)246, (char)247,
    (char)248, (char)249, (char)250, (char)251, (char)252, (char)253, (char)254, (char)255};

const char *rwkv_token_bytes(const rwkv_tokenizer *tok, int id, size_t *len)
{
    if (len) *len = 0;
    if (!tok || id < 0 || id >= tok->n_vocab) return NULL;
    if (tok->kind == RWKV_TOKENIZER_BYTES) {
        if (len) *len = 1;
        return rwkv__all_bytes + id;
    }
    if (tok->tok_len[id] < 0) return NULL;
    if (len) *len = (size_t)tok->tok_len[id];
    return tok->blob + tok->tok_off[id];
}

int rwkv_token_is_special(const rwkv_tokenizer *tok, int id)
{
    if (!tok || tok->kind == RWKV_TOKENIZER_BYTES || id < 0 || id >= tok->n_vocab) return 0;
    return tok->special[id] != 0;
}

/* Allocates the per-token tables for ids 0 .. n_vocab-1, all unassigned. */
static int rwkv__tok_tables(rwkv_tokenizer *t, int n_vocab)
{
    int i;
    t->n_vocab = n_vocab;
    t->tok_off = (uint32_t *)calloc((size_t)n_vocab, sizeof(uint32_t));
    t->tok_len = (int32_t *)malloc((size_t)n_vocab * sizeof(int32_t));
    t->special = (unsigned char *)calloc((size_t)n_vocab, 1);
    if (!t->tok_off || !t->tok_len || !t->special) return 0;
    for (i = 0; i < n_vocab; i++) t->tok_len[i] = -1;
    return 1;
}

rwkv_status rwkv_tokenizer_new_bytes(rwkv_tokenizer **out, rwkv_error *err)
{
    rwkv_tokenizer *t = rwkv__tok_alloc(RWKV_TOKENIZER_BYTES);
    *out = NULL;
    if (!t) return rwkv__oom(err, "creating the byte-level tokenizer");
    t->n_vocab = 256;
    *out = t;
    return RWKV_OK;
}

/* ==== World vocabulary ================================================================= */

static int rwkv__hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes the Python literal s[0..n) ('...', "...", b'...' or b"...") into out (capacity n:
   no escape produces more bytes than it spans). A str literal becomes its UTF-8 encoding.
   Returns the byte count, or -1 with a reason in *why. */
static long rwkv__py_literal(const char *s, size_t n, unsigned char *out, const char **why)
{
    int is_bytes = 0;
    char q;
    size_t i = 0, w = 0;
    if (n > 0 && (s[0] == 'b' || s[0] == 'B')) { is_bytes = 1; i = 1; }
    if (i >= n || (s[i] != '\'' && s[i] != '"')) {
        *why = "expected a Python string literal ('...', \"...\", b'...')";
        return -1;
    }
    q = s[i++];
    if (n - i >= 2 && s[i] == q && s[i + 1] == q) {
        *why = "triple-quoted literals are not supported";
        return -1;
    }
    for (;;) {
        unsigned char c;
        if (i >= n) { *why = "unterminated string literal"; return -1; }
        c = (unsigned char)s[i];
        if (c == (unsigned char)q) { i++; break; }
        if (c == '\n' || c == '\r') { *why = "unterminated string literal"; return -1; }
        if (c != '\\') {
            if (c >= 0x80) {
                int32_t cp;
                int k;
                if (is_bytes) { *why = "bytes literal contains a non-ASCII character"; return -1; }
                k = rwkv__utf8_get((const unsigned char *)s + i, n - i, &cp);
                if (cp < 0) { *why = "literal is not valid UTF-8"; return -1; }
                memcpy(out + w, s + i, (size_t)k);
                w += (size_t)k;
                i += (size_t)k;
            } else {
                out[w++] = c;
                i++;
            }
            continue;
        }
        /* an escape */
        if (i + 1 >= n) { *why = "unterminated string literal"; return -1; }
        c = (unsigned char)s[i + 1];
        i += 2;
        switch (c) {
        case '\\': out[w++] = '\\'; break;
        case '\'': out[w++] = '\''; break;
        case '"': out[w++] = '"'; break;
        case 'a': out[w++] = 7; break;
        case 'b': out[w++] = 8; break;
        case 'f': out[w++] = 12; break;
        case 'n': out[w++] = 10; break;
        case 'r': out[w++] = 13; break;
        case 't': out[w++] = 9; break;
        case 'v': out[w++] = 11; break;
        case '\n': break; /* line continuation */
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(c - '0');
            int k;
            for (k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) v = v * 8 + (uint32_t)(s[i++] - '0');
            if (is_bytes) {
                if (v > 255) { *why = "octal escape out of range in bytes literal"; return -1; }
                out[w++] = (unsigned char)v;
            } else {
                w += (size_t)rwkv__utf8_put(out + w, v);
            }
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8, k;
            uint32_t v = 0;
            if (c != 'x' && is_bytes) { /* not an escape in bytes: kept as written */
                out[w++] = '\\';
                out[w++] = c;
                break;
            }
            for (k = 0; k < digits; k++) {
                int h = i + (size_t)k < n ? rwkv__hexval((unsigned char)s[i + (size_t)k]) : -1;
                if (h < 0) { *why = "truncated \\x, \\u or \\U escape"; return -1; }
                v = v * 16 + (uint32_t)h;
            }
            i += (size_t)digits;
            if (is_bytes) {
                out[w++] = (unsigned char)v;
            } else {
                if (v > 0x10FFFF) { *why = "\\U escape beyond U+10FFFF"; return -1; }
                if (v >= 0xD800 && v <= 0xDFFF) {
                    *why = "surrogate code point (cannot be encoded as UTF-8)";
                    return -1;
                }
                w += (size_t)rwkv__utf8_put(out + w, v);
            }
            break;
        }
        case 'N':
            if (!is_bytes) { *why = "\\N{...} escapes are not supported"; return -1; }
            out[w++] = '\\';
            out[w++] = c;
            break;
        default: /* Python keeps unknown escapes verbatim */
            out[w++] = '\\';
            if (c >= 0x80) { i--; break; } /* the UTF-8 character is copied next round */
            out[w++] = c;
            break;
        }
    }
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i != n) { *why = "unexpected text after the string literal"; return -1; }
    return (long)w;
}

#define RWKV__WORLD_MAX_ID (1 << 24)

static rwkv_status rwkv__world_load(const char *data, size_t len, const char *name,
                                    rwkv_tokenizer **out, rwkv_error *err)
{
    rwkv_tokenizer *t = rwkv__tok_alloc(RWKV_TOKENIZER_WORLD);
    unsigned char *lit = NULL;
    int32_t *line_ids = NULL; /* id per parsed line; tokens stored in blob in file order */
    uint32_t *line_off = NULL, *line_lineno = NULL;
    int32_t *line_len = NULL;
    size_t n_lines = 0, cap_lines = 0, pos = 0, lineno = 0, blob_n = 0, i, prev_len = 0;
    uint32_t path[256];            /* trie nodes along the previous token */
    const unsigned char *prev = NULL;
    int max_id = 0;
    rwkv_status st = RWKV_OK;

    if (!t) return rwkv__oom(err, "loading the World vocabulary");
    t->blob = (char *)malloc(len + 1);
    lit = (unsigned char *)malloc(len + 1);
    {   /* size the per-line arrays once: growing them page-faults more than it parses */
        const char *q = data, *end = data + len;
        size_t lines = 1;
        while ((q = (const char *)memchr(q, '\n', (size_t)(end - q))) != NULL) { lines++; q++; }
        cap_lines = lines;
        line_ids = (int32_t *)malloc(cap_lines * sizeof(int32_t));
        line_len = (int32_t *)malloc(cap_lines * sizeof(int32_t));
        line_off = (uint32_t *)malloc(cap_lines * sizeof(uint32_t));
        line_lineno = (uint32_t *)malloc(cap_lines * sizeof(uint32_t));
    }
    if (!t->blob || !lit || !line_ids || !line_len || !line_off || !line_lineno ||
        !rwkv__trie_init(&t->trie, len / 8 + 1024)) {
        st = rwkv__oom(err, "loading the World vocabulary");
        goto done;
    }
    while (pos < len) {
        const char *line = data + pos, *nl = (const char *)memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos, a, b, k;
        long id = 0, blen = 0, got;
        const char *why = NULL;
        pos += n + (nl ? 1 : 0);
        lineno++;
        if (n > 0 && line[n - 1] == '\r') n--;
        if (n == 0) continue;
        /* "ID LITERAL LEN": the literal may contain spaces, so split at the first and last */
        for (a = 0; a < n && line[a] != ' '; a++) {}
        for (b = n; b > 0 && line[b - 1] != ' '; b--) {}
        if (a == n || b == 0 || b - 1 <= a) {
            st = rwkv__tfail(err, RWKV_ERR_FORMAT, "%s line %zu: expected \"ID LITERAL BYTE_LENGTH\"", name, lineno);
            goto done;
        }
        for (k = 0; k < a; k++) {
            if (line[k] < '0' || line[k] > '9' || id > RWKV__WORLD_MAX_ID) { id = -1; break; }
            id = id * 10 + (line[k] - '0');
        }
        if (a == 0 || id <= 0 || id >= RWKV__WORLD_MAX_ID) {
            st = rwkv__tfail(err, RWKV_ERR_FORMAT, "%s line %zu: token id '%.*s' is not an integer in 1..%d (0 is end-of-text)",
                             name, lineno, (int)(a < 20 ? a : 20), line, RWKV__WORLD_MAX_ID - 1);
            goto done;
        }
        for (k = b; k < n; k++) {
            if (line[k] < '0' || line[k] > '9' || blen > 100000000) { blen = -1; break; }
            blen = blen * 10 + (line[k] - '0');
        }
        if (b == n || blen < 0) {
            st = rwkv__tfail(err, RWKV_ERR_FORMAT, "%s line %zu: byte length '%.*s' is not a number", name,
                             lineno, (int)(n - b < 20 ? n - b : 20), line + b);
            goto done;
        }
        {   /* the literal, trimmed of surrounding blanks */
            size_t ls = a + 1, le = b - 1;
            while (ls < le && (line[ls] == ' ' || line[ls] == '\t')) ls++;
            while (le > ls && (line[le - 1] == ' ' || line[le - 1] == '\t')) le--;
            got = rwkv__py_literal(line + ls, le - ls, lit, &why);
        }
        if (got < 0) {
            st = rwkv__tfail(err, RWKV_ERR_FORMAT, "%s line %zu (id %ld): bad literal: %s", name, lineno, id, why);
            goto done;
        }
        if (got != blen) {
            st = rwkv__tfail(err, RWKV_ERR_FORMAT, "%s line %zu (id %ld): the literal is %ld bytes but the length field says %ld",
                             name, lineno, id, got, blen);
            goto done;
        }
        if (got == 0) {
            st = rwkv__tfail(err, RWKV_ERR_FORMAT, "%s line %zu (id %ld): empty token", name, lineno, id);
            goto done;
        }
        {
            uint32_t node;
            size_t known = 0;
            if ((size_t)got <= 256) {
                while (known < prev_len && known < (size_t)got && prev[known] == lit[known]) known++;
                node = rwkv__trie_insert_path(&t->trie, lit, (size_t)got, path, known);
            } else {
                node = rwkv__trie_insert(&t->trie, lit, (size_t)got);
            }
            prev = (const unsigned char *)t->blob + blob_n; /* where this token is stored below */
            prev_len = (size_t)got <= 256 ? (size_t)got : 0;
            if (!node) { st = rwkv__oom(err, "building the World trie"); goto done; }
            if (t->trie.token[node] >= 0) {
                st = rwkv__tfail(err, RWKV_ERR_FORMAT, "%s line %zu (id %ld): same bytes as token id %d", name,
                                 lineno, id, (int)t->trie.token[node]);
                goto done;
            }
            t->trie.token[node] = (int32_t)id;
        }
        if (n_lines == cap_lines) {
            size_t cap = cap_lines ? cap_lines * 2 : 1024;
            int32_t *p1 = (int32_t *)realloc(line_ids, cap * sizeof(int32_t));
            int32_t *p2;
            uint32_t *p3, *p4;
            if (p1) line_ids = p1;
            p2 = (int32_t *)realloc(line_len, cap * sizeof(int32_t));
            if (p2) line_len = p2;
            p3 = (uint32_t *)realloc(line_off, cap * sizeof(uint32_t));
            if (p3) line_off = p3;
            p4 = (uint32_t *)realloc(line_lineno, cap * sizeof(uint32_t));
            if (p4) line_lineno = p4;
            if (!p1 || !p2 || !p3 || !p4) { st = rwkv__oom(err, "loading the World vocabulary"); goto done; }
            cap_lines = cap;
        }
        memcpy(t->blob + blob_n, lit, (size_t)got);
        line_ids[n_lines] = (int32_t)id;
        line_len[n_lines] = (int32_t)got;
        line_off[n_lines] = (uint32_t)blob_n;
        line_lineno[n_lines] = (uint32_t)lineno;
        n_lines++;
        blob_n += (size_t)got;
        if (id > max_id) max_id = (int)id;
    }
    if (n_lines == 0) {
        st = rwkv__tfail(err, RWKV_ERR_FORMAT, "%s: no tokens in the World vocabulary", name);
        goto done;
    }
    if (!rwkv__tok_tables(t, max_id + 1) || !rwkv__trie_build_root2(&t->trie)) {
        st = rwkv__oom(err, "loading the World vocabulary");
        goto done;
    }
    t->tok_len[0] = 0; /* end-of-text */
    t->special[0] = 1;
    for (i = 0; i < n_lines; i++) {
        int32_t id = line_ids[i];
        if (t->tok_len[id] >= 0) {
            st = rwkv__tfail(err, RWKV_ERR_FORMAT, "%s line %u: duplicate token id %d", name,
                             (unsigned)line_lineno[i], (int)id);
            goto done;
        }
        t->tok_len[id] = line_len[i];
        t->tok_off[id] = line_off[i];
    }
done:
    free(lit);
    free(line_ids);
    free(line_len);
    free(line_off);
    free(line_lineno);
    if (st != RWKV_OK) { rwkv_tokenizer_free(t); t = NULL; }
    *out = t;
    return st;
}

static rwkv_status rwkv__world_encode(const rwkv_tokenizer *t, const unsigned char *s, size_t n,
                                      rwkv__ivec *ids, rwkv_error *err)
{
    size_t i = 0;
    while (i < n) {
        size_t m = 0;
        int32_t id = rwkv__trie_longest(&t->trie, s + i, n - i, &m);
        if (id < 0)
            return rwkv__tfail(err, RWKV_ERR_ARGUMENT, "the World vocabulary has no token for byte 0x%02X at offset %zu",
                               s[i], i);
        if (!rwkv__ivec_push(ids, id)) return rwkv__oom(err, "tokenizing");
        i += m;
    }
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

/* ==== Pile / HuggingFace BPE =========================================================== */

/* GPT-2's byte <-> code point mapping: printable Latin-1 bytes map to themselves, the other
   68 bytes to U+0100.. in byte order. */
static void rwkv__bytelevel_map(uint32_t byte_to_cp[256])
{
    int b, n = 0;
    for (b = 0; b < 256; b++) {
        int printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
        byte_to_cp[b] = printable ? (uint32_t)b : (uint32_t)(256 + n++);
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

static size_t rwkv__merge_slot(const rwkv_tokenizer *t, uint64_t key)
{
    return (size_t)rwkv__mix64(key) & t->merge_mask;
}

static const rwkv__merge *rwkv__merge_find(const rwkv_tokenizer *t, int32_t a, int32_t b)
{
    uint64_t key = (((uint64_t)(uint32_t)a << 32) | (uint32_t)b) + 1;
    size_t i = rwkv__merge_slot(t, key);
    for (;;) {
        const rwkv__merge *m = &t->merges[i];
        if (m->key == key) return m;
        if (m->key == 0) return NULL;
        i = (i + 1) & t->merge_mask;
    }
}

/* vocab_index: token bytes -> id (used to resolve merges at load, and for ignore_merges). */
static int32_t rwkv__vocab_find(const rwkv_tokenizer *t, const char *s, size_t n)
{
    size_t i = (size_t)rwkv__hash_bytes(s, n) & t->vocab_mask;
    for (;;) {
        int32_t id = t->vocab_index[i];
        if (id < 0) return -1;
        if ((size_t)t->tok_len[id] == n && memcmp(t->blob + t->tok_off[id], s, n) == 0) return id;
        i = (i + 1) & t->vocab_mask;
    }
}

static void rwkv__vocab_insert(rwkv_tokenizer *t, int32_t id)
{
    size_t i = (size_t)rwkv__hash_bytes(t->blob + t->tok_off[id], (size_t)t->tok_len[id]) & t->vocab_mask;
    while (t->vocab_index[i] >= 0) i = (i + 1) & t->vocab_mask;
    t->vocab_index[i] = id;
}

static rwkv_status rwkv__pile_load(const char *data, size_t len, const char *name,
                                   rwkv_tokenizer **out, rwkv_error *err)
{
    rwkv__json j;
    rwkv__jv root;
    const rwkv__jv *model, *vocab, *merges, *added, *v;
    rwkv_tokenizer *t = NULL;
    rwkv__buf blob = {0, 0, 0}, tmp = {0, 0, 0};
    uint32_t byte_to_cp[256];
    int16_t cp_to_byte[324];
    int max_id = -1;
    size_t k;
    rwkv_status st = RWKV_OK;

    memset(&j, 0, sizeof j);
    j.s = data;
    j.n = len;
    /* one value per ~20 bytes in tokenizer files: reserve once instead of regrowing */
    j.cap_vals = j.cap_stack = len / 20 + 16;
    j.vals = (rwkv__jv *)malloc(j.cap_vals * sizeof(rwkv__jv));
    j.stack = (rwkv__jv *)malloc(j.cap_stack * sizeof(rwkv__jv));
    if (!j.vals || !j.stack || !rwkv__buf_reserve(&j.pool, len + 1)) { st = rwkv__oom(err, "parsing the tokenizer JSON"); goto done; }
    if (!rwkv__json_value(&j, &root, 0)) {
        size_t line = 1, col = 1, q;
        for (q = 0; q < j.pos && q < len; q++) { if (data[q] == '\n') { line++; col = 1; } else col++; }
        st = rwkv__tfail(err, strcmp(j.why, "out of memory") ? RWKV_ERR_FORMAT : RWKV_ERR_MEMORY,
                         "%s: JSON error at byte %zu (line %zu, column %zu): %s", name, j.pos, line, col, j.why);
        goto done;
    }
    rwkv__json_ws(&j);
    if (j.pos != len) {
        st = rwkv__tfail(err, RWKV_ERR_FORMAT, "%s: JSON error at byte %zu: text after the end of the document", name, j.pos);
        goto done;
    }
#define RWKV__BAD(...) do { st = rwkv__tfail(err, RWKV_ERR_FORMAT, __VA_ARGS__); goto done; } while (0)
#define RWKV__UNSUP(...) do { st = rwkv__tfail(err, RWKV_ERR_UNSUPPORTED, __VA_ARGS__); goto done; } while (0)
    if (root.type != RWKV__J_OBJ) RWKV__BAD("%s: not a tokenizer JSON object", name);
    model = rwkv__json_get(&j, &root, "model");
    if (!model || model->type != RWKV__J_OBJ) RWKV__BAD("%s: no \"model\" object", name);
    v = rwkv__json_get(&j, model, "type");
    if (v && !rwkv__json_streq(&j, v, "BPE")) RWKV__UNSUP("%s: model.type is not \"BPE\" (only BPE models are supported)", name);
    vocab = rwkv__json_get(&j, model, "vocab");
    merges = rwkv__json_get(&j, model, "merges");
    if (!vocab || vocab->type != RWKV__J_OBJ) RWKV__BAD("%s: model.vocab is missing or not an object", name);
    if (!merges || merges->type != RWKV__J_ARR) RWKV__BAD("%s: model.merges is missing or not an array", name);
    if ((v = rwkv__json_get(&j, model, "dropout")) && v->type != RWKV__J_NULL && !(v->type == RWKV__J_NUM && v->ival == 0))
        RWKV__UNSUP("%s: BPE dropout is not supported", name);
    if ((v = rwkv__json_get(&j, model, "continuing_subword_prefix")) && v->type != RWKV__J_NULL && !(v->type == RWKV__J_STR && v->n == 0))
        RWKV__UNSUP("%s: model.continuing_subword_prefix is not supported", name);
    if ((v = rwkv__json_get(&j, model, "end_of_word_suffix")) && v->type != RWKV__J_NULL && !(v->type == RWKV__J_STR && v->n == 0))
        RWKV__UNSUP("%s: model.end_of_word_suffix is not supported", name);
    if ((v = rwkv__json_get(&j, model, "byte_fallback")) && v->type == RWKV__J_TRUE)
        RWKV__UNSUP("%s: model.byte_fallback is not supported", name);

    t = rwkv__tok_alloc(RWKV_TOKENIZER_PILE);
    if (!t) { st = rwkv__oom(err, "loading the tokenizer"); goto done; }
    t->ignore_merges = (v = rwkv__json_get(&j, model, "ignore_merges")) && v->type == RWKV__J_TRUE;

    /* normalizer: null or NFC */
    v = rwkv__json_get(&j, &root, "normalizer");
    if (v && v->type != RWKV__J_NULL) {
        const rwkv__jv *ty = rwkv__json_get(&j, v, "type");
        if (!rwkv__json_streq(&j, ty, "NFC"))
            RWKV__UNSUP("%s: normalizer %.*s is not supported (only NFC or none)", name,
                        ty && ty->type == RWKV__J_STR ? (int)(ty->n > 40 ? 40 : ty->n) : 1,
                        ty && ty->type == RWKV__J_STR ? j.pool.p + ty->a : "?");
        t->normalize_nfc = 1;
    }
    /* pre-tokenizer: ByteLevel */
    v = rwkv__json_get(&j, &root, "pre_tokenizer");
    {
        const rwkv__jv *ty = v ? rwkv__json_get(&j, v, "type") : NULL, *o;
        if (!rwkv__json_streq(&j, ty, "ByteLevel"))
            RWKV__UNSUP("%s: pre_tokenizer must be ByteLevel (the only kind supported)", name);
        t->add_prefix_space = (o = rwkv__json_get(&j, v, "add_prefix_space")) && o->type == RWKV__J_TRUE;
        o = rwkv__json_get(&j, v, "use_regex");
        t->use_regex = !(o && o->type == RWKV__J_FALSE);
    }

    /* ids: vocab values and added tokens */
    for (k = 0; k < vocab->n; k++) {
        const rwkv__jv *m = &j.vals[vocab->a + k];
        if (m->type != RWKV__J_NUM || m->ival < 0)
            RWKV__BAD("%s: model.vocab[\"%.*s\"] is not a token id (an integer in 0..16777215)", name,
                      (int)(m->key_len > 40 ? 40 : m->key_len), j.pool.p + m->key_off);
        if (m->ival > max_id) max_id = m->ival;
    }
    added = rwkv__json_get(&j, &root, "added_tokens");
    if (added && added->type != RWKV__J_ARR && added->type != RWKV__J_NULL) RWKV__BAD("%s: added_tokens is not an array", name);
    if (added && added->type == RWKV__J_ARR) {
        for (k = 0; k < added->n; k++) {
            const rwkv__jv *a = &j.vals[added->a + k], *id = rwkv__json_get(&j, a, "id"), *c = rwkv__json_get(&j, a, "content");
            if (!id || id->type != RWKV__J_NUM || id->ival < 0)
                RWKV__BAD("%s: added_tokens[%zu].id is missing or not an integer in 0..16777215", name, k);
            if (!c || c->type != RWKV__J_STR || c->n == 0) RWKV__BAD("%s: added_tokens[%zu].content is missing or empty", name, k);
            if (id->ival > max_id) max_id = id->ival;
        }
    }
    if (max_id < 0) RWKV__BAD("%s: empty vocabulary", name);
    if (!rwkv__tok_tables(t, max_id + 1)) { st = rwkv__oom(err, "loading the tokenizer"); goto done; }

    /* token bytes: undo the byte-level mapping */
    rwkv__bytelevel_map(byte_to_cp);
    for (k = 0; k < 324; k++) cp_to_byte[k] = -1;
    for (k = 0; k < 256; k++) cp_to_byte[byte_to_cp[k]] = (int16_t)k;
    for (k = 0; k < vocab->n; k++) {
        const rwkv__jv *m = &j.vals[vocab->a + k];
        int id = m->ival;
        if (t->tok_len[id] >= 0)
            RWKV__BAD("%s: model.vocab: id %d is used twice (\"%.*s\")", name, id, (int)(m->key_len > 40 ? 40 : m->key_len), j.pool.p + m->key_off);
        t->tok_off[id] = (uint32_t)blob.n;
        if (!rwkv__bytelevel_decode((const unsigned char *)j.pool.p + m->key_off, m->key_len, cp_to_byte, &blob)) { st = rwkv__oom(err, "loading the tokenizer"); goto done; }
        t->tok_len[id] = (int32_t)(blob.n - t->tok_off[id]);
    }
    /* the vocabulary index is over model tokens only (merges and BPE never see added ones) */
    t->vocab_mask = rwkv__pow2_at_least(vocab->n * 2 + 16) - 1;
    t->vocab_index = (int32_t *)malloc((t->vocab_mask + 1) * sizeof(int32_t));
    if (!t->vocab_index) { st = rwkv__oom(err, "loading the tokenizer"); goto done; }
    for (k = 0; k <= t->vocab_mask; k++) t->vocab_index[k] = -1;
    t->blob = blob.p; /* vocab_find reads tok bytes from t->blob */
    for (k = 0; k < vocab->n; k++) rwkv__vocab_insert(t, j.vals[vocab->a + k].ival);
    for (k = 0; k < 256; k++) {
        char b = (char)k;
        t->byte_token[k] = rwkv__vocab_find(t, &b, 1);
    }

    /* merges: "left right" strings or [left, right] pairs; rank = position */
    t->merge_mask = rwkv__pow2_at_least(merges->n * 2 + 16) - 1;
    t->merges = (rwkv__merge *)calloc(t->merge_mask + 1, sizeof(rwkv__merge));
    if (!t->merges) { st = rwkv__oom(err, "loading the tokenizer"); goto done; }
    for (k = 0; k < merges->n; k++) {
        const rwkv__jv *m = &j.vals[merges->a + k];
        const char *parts[2];
        size_t plen[2];
        int32_t ids[3];
        int p;
        if (m->type == RWKV__J_STR) {
            const char *s = j.pool.p + m->a, *sp = (const char *)memchr(s, ' ', m->n);
            if (!sp) RWKV__BAD("%s: model.merges[%zu] \"%.*s\" is not two tokens separated by a space", name, k, (int)(m->n > 40 ? 40 : m->n), s);
            parts[0] = s; plen[0] = (size_t)(sp - s);
            parts[1] = sp + 1; plen[1] = m->n - plen[0] - 1;
        } else if (m->type == RWKV__J_ARR && m->n == 2 && j.vals[m->a].type == RWKV__J_STR && j.vals[m->a + 1].type == RWKV__J_STR) {
            parts[0] = j.pool.p + j.vals[m->a].a; plen[0] = j.vals[m->a].n;
            parts[1] = j.pool.p + j.vals[m->a + 1].a; plen[1] = j.vals[m->a + 1].n;
        } else {
            RWKV__BAD("%s: model.merges[%zu] is neither a string nor a pair of strings", name, k);
        }
        tmp.n = 0;
        for (p = 0; p < 2; p++) {
            size_t start = tmp.n;
            if (!rwkv__bytelevel_decode((const unsigned char *)parts[p], plen[p], cp_to_byte, &tmp)) { st = rwkv__oom(err, "loading the tokenizer"); goto done; }
            ids[p] = rwkv__vocab_find(t, tmp.p + start, tmp.n - start);
            if (ids[p] < 0)
                RWKV__BAD("%s: model.merges[%zu] names token \"%.*s\", which is not in model.vocab", name, k, (int)(plen[p] > 40 ? 40 : plen[p]), parts[p]);
        }
        ids[2] = rwkv__vocab_find(t, tmp.p, tmp.n);
        if (ids[2] < 0)
            RWKV__BAD("%s: model.merges[%zu] \"%.*s %.*s\": the merged token is not in model.vocab", name, k,
                      (int)(plen[0] > 40 ? 40 : plen[0]), parts[0], (int)(plen[1] > 40 ? 40 : plen[1]), parts[1]);
        {
            uint64_t key = (((uint64_t)(uint32_t)ids[0] << 32) | (uint32_t)ids[1]) + 1;
            size_t i = rwkv__merge_slot(t, key);
            while (t->merges[i].key != 0 && t->merges[i].key != key) i = (i + 1) & t->merge_mask;
            /* a repeated pair: the later rank wins, as in HF's HashMap insert */
            t->merges[i].key = key;
            t->merges[i].rank = (int32_t)k;
            t->merges[i].id = ids[2];
        }
    }

    /* added tokens: bytes as HF's decoder produces them, and the two match tries */
    if (!rwkv__trie_init(&t->added_raw, 64) || !rwkv__trie_init(&t->added_norm, 64)) { st = rwkv__oom(err, "loading the tokenizer"); goto done; }
    if (added && added->type == RWKV__J_ARR) {
        for (k = 0; k < added->n; k++) {
            const rwkv__jv *a = &j.vals[added->a + k], *c = rwkv__json_get(&j, a, "content"), *o;
            int id = rwkv__json_get(&j, a, "id")->ival;
            int normalized = !((o = rwkv__json_get(&j, a, "normalized")) && o->type == RWKV__J_FALSE);
            int special = (o = rwkv__json_get(&j, a, "special")) && o->type == RWKV__J_TRUE;
            const char *flags[3] = {"single_word", "lstrip", "rstrip"};
            const unsigned char *content = (const unsigned char *)j.pool.p + c->a;
            rwkv__trie *trie = normalized ? &t->added_norm : &t->added_raw;
            uint32_t node;
            int f;
            for (f = 0; f < 3; f++)
                if ((o = rwkv__json_get(&j, a, flags[f])) && o->type == RWKV__J_TRUE)
                    RWKV__UNSUP("%s: added_tokens[%zu] (id %d) sets %s, which is not supported", name, k, id, flags[f]);
            if (t->tok_len[id] < 0 || special) {
                /* an id only in added_tokens: its decoded bytes come from the content */
                t->blob = NULL;
                t->tok_off[id] = (uint32_t)blob.n;
                if (!rwkv__bytelevel_decode(content, c->n, cp_to_byte, &blob)) { st = rwkv__oom(err, "loading the tokenizer"); goto done; }
                t->tok_len[id] = (int32_t)(blob.n - t->tok_off[id]);
                t->blob = blob.p;
            }
            t->special[id] = (unsigned char)special;
            tmp.n = 0;
            if (normalized && t->normalize_nfc) {
                if (!rwkv__nfc_append(content, c->n, &tmp, 1)) { st = rwkv__oom(err, "loading the tokenizer"); goto done; }
            } else if (!rwkv__buf_add(&tmp, content, c->n)) { st = rwkv__oom(err, "loading the tokenizer"); goto done; }
            node = rwkv__trie_insert(trie, (const unsigned char *)tmp.p, tmp.n);
            if (!node) { st = rwkv__oom(err, "loading the tokenizer"); goto done; }
            trie->token[node] = id;
            if (normalized) t->n_added_norm++;
            else t->n_added_raw++;
        }
    }
    t->blob = blob.p;
    blob.p = NULL;
#undef RWKV__BAD
#undef RWKV__UNSUP
done:
    if (st != RWKV_OK && t) {
        if (t->blob == blob.p) t->blob = NULL;
        rwkv_tokenizer_free(t);
        t = NULL;
    }
    free(blob.p);
    free(tmp.p);
    rwkv__json_free(&j);
    *out = t;
    return st;
}

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

static void rwkv__bpe_consider(const rwkv_tokenizer *t, rwkv__scratch *sc, size_t *nh, int32_t pos)
{
    int32_t nx = sc->sym[pos].next;
    const rwkv__merge *m = nx < 0 ? NULL : rwkv__merge_find(t, sc->sym[pos].id, sc->sym[nx].id);
    /* the symbol remembers its current pair, so a popped heap entry is checked without
       another hash look-up */
    sc->sym[pos].pair_rank = m ? m->rank : -1;
    sc->sym[pos].pair_id = m ? m->id : -1;
    if (m) rwkv__heap_push(sc->heap, nh, ((uint64_t)(uint32_t)m->rank << 32) | (uint32_t)pos);
}

static rwkv_status rwkv__bpe_word(const rwkv_tokenizer *t, rwkv__scratch *sc,
                                  const unsigned char *w, size_t n, rwkv__ivec *ids,
                                  rwkv_error *err)
{
    size_t i, nsym = 0, nh = 0;
    if (n == 0) return RWKV_OK;
    if (n == 1) { /* the common case of one-byte pieces (punctuation, single letters) */
        int32_t id = t->byte_token[w[0]];
        if (id < 0)
            return rwkv__tfail(err, RWKV_ERR_ARGUMENT, "byte 0x%02X has no token in this vocabulary (it cannot occur in valid UTF-8 text)", w[0]);
        return rwkv__ivec_push(ids, id) ? RWKV_OK : rwkv__oom(err, "tokenizing");
    }
    if (t->ignore_merges) {
        int32_t id = rwkv__vocab_find(t, (const char *)w, n);
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
    /* HF silently drops a byte without a token (there is no unk_token); losing input
       silently is worse, so it is an error. For the 20B vocabulary these are only bytes
       that never occur in valid UTF-8 (C0, C1, F5..FF). */
    for (i = 0; i < n; i++) {
        int32_t id = t->byte_token[w[i]];
        if (id < 0)
            return rwkv__tfail(err, RWKV_ERR_ARGUMENT, "byte 0x%02X has no token in this vocabulary (it cannot occur in valid UTF-8 text)", w[i]);
        sc->sym[nsym].id = id;
        sc->sym[nsym].prev = (int32_t)nsym - 1;
        sc->sym[nsym].next = (int32_t)nsym + 1;
        sc->sym[nsym].alive = 1;
        sc->sym[nsym].pair_rank = -1;
        nsym++;
    }
    sc->sym[nsym - 1].next = -1;
    for (i = 0; i + 1 < nsym; i++) rwkv__bpe_consider(t, sc, &nh, (int32_t)i);
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
        if (sc->sym[pos].prev >= 0) rwkv__bpe_consider(t, sc, &nh, sc->sym[pos].prev);
        rwkv__bpe_consider(t, sc, &nh, pos);
    }
    for (i = 0; (int32_t)i >= 0; i = (size_t)sc->sym[i].next) {
        if (!rwkv__ivec_push(ids, sc->sym[i].id)) return rwkv__oom(err, "tokenizing");
        if (sc->sym[i].next < 0) break;
    }
    return RWKV_OK;
}

/* BPE through the per-call word cache. */
static rwkv_status rwkv__bpe_cached(const rwkv_tokenizer *t, rwkv__scratch *sc,
                                    const unsigned char *w, size_t n, rwkv__ivec *ids,
                                    rwkv_error *err)
{
    uint64_t h;
    size_t i, start;
    rwkv_status st;
    struct rwkv__centry *e;
    if (n < 2 || n > RWKV__CACHE_MAX_WORD) return rwkv__bpe_word(t, sc, w, n, ids, err);
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
    if ((st = rwkv__bpe_word(t, sc, w, n, ids, err)) != RWKV_OK) return st;
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
static rwkv_status rwkv__pile_pretokenize(const rwkv_tokenizer *t, rwkv__scratch *sc,
                                          const unsigned char *s, size_t n, rwkv__ivec *ids,
                                          rwkv_error *err)
{
    size_t ncp = 0, i;
    rwkv_status st;
    if (n == 0) return RWKV_OK;
    if (t->add_prefix_space && s[0] != ' ') {
        sc->prefixed.n = 0;
        if (!rwkv__buf_add(&sc->prefixed, " ", 1) || !rwkv__buf_add(&sc->prefixed, s, n)) return rwkv__oom(err, "tokenizing");
        s = (const unsigned char *)sc->prefixed.p;
        n = sc->prefixed.n;
    }
    if (!t->use_regex) return rwkv__bpe_word(t, sc, s, n, ids, err);
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
            st = rwkv__bpe_cached(t, sc, s + sc->off[p], sc->off[e] - sc->off[p], ids, err);
            if (st != RWKV_OK) return st;
            p = e;
        }
    }
    return RWKV_OK;
}

/* Splits s[0..n) on the added tokens of trie (leftmost-longest), calling `rest` on the text
   between them. */
typedef rwkv_status (*rwkv__segment_fn)(const rwkv_tokenizer *t, rwkv__scratch *sc,
                                        const unsigned char *s, size_t n, rwkv__ivec *ids,
                                        rwkv_error *err);

static rwkv_status rwkv__split_added(const rwkv_tokenizer *t, const rwkv__trie *trie, int n_added,
                                     rwkv__scratch *sc, const unsigned char *s, size_t n,
                                     rwkv__segment_fn rest, rwkv__ivec *ids, rwkv_error *err)
{
    size_t start = 0, i = 0;
    rwkv_status st;
    if (n_added == 0) return rest(t, sc, s, n, ids, err);
    while (i < n) {
        size_t m = 0;
        int32_t id = trie->root[s[i]] ? rwkv__trie_longest(trie, s + i, n - i, &m) : -1;
        if (id < 0) { i++; continue; }
        if ((st = rest(t, sc, s + start, i - start, ids, err)) != RWKV_OK) return st;
        if (!rwkv__ivec_push(ids, id)) return rwkv__oom(err, "tokenizing");
        i += m;
        start = i;
    }
    return rest(t, sc, s + start, n - start, ids, err);
}

static rwkv_status rwkv__pile_after_norm(const rwkv_tokenizer *t, rwkv__scratch *sc,
                                         const unsigned char *s, size_t n, rwkv__ivec *ids,
                                         rwkv_error *err)
{
    return rwkv__split_added(t, &t->added_norm, t->n_added_norm, sc, s, n, rwkv__pile_pretokenize, ids, err);
}

static rwkv_status rwkv__pile_normalize(const rwkv_tokenizer *t, rwkv__scratch *sc,
                                        const unsigned char *s, size_t n, rwkv__ivec *ids,
                                        rwkv_error *err)
{
    if (t->normalize_nfc && rwkv__needs_nfc(s, n)) {
        rwkv__buf norm = {0, 0, 0};
        rwkv_status st;
        if (!rwkv__nfc_append(s, n, &norm, 1)) { free(norm.p); return rwkv__oom(err, "normalizing"); }
        st = rwkv__pile_after_norm(t, sc, (const unsigned char *)norm.p, norm.n, ids, err);
        free(norm.p);
        return st;
    }
    return rwkv__pile_after_norm(t, sc, s, n, ids, err);
}

/* ==== public entry points ============================================================== */

rwkv_status rwkv_tokenize(const rwkv_tokenizer *tok, const char *text, size_t len, int **ids,
                          size_t *n_ids, rwkv_error *err)
{
    rwkv__ivec v = {0, 0, 0};
    rwkv_status st = RWKV_OK;
    const unsigned char *s = (const unsigned char *)text;
    *ids = NULL;
    *n_ids = 0;
    if (!tok) return rwkv__tfail(err, RWKV_ERR_ARGUMENT, "rwkv_tokenize: no tokenizer");
    if (len == 0) return RWKV_OK;
    if (!text) return rwkv__tfail(err, RWKV_ERR_ARGUMENT, "rwkv_tokenize: text is NULL");
    if (tok->kind == RWKV_TOKENIZER_BYTES) {
        size_t i;
        v.p = (int *)malloc(len * sizeof(int));
        if (!v.p) return rwkv__oom(err, "tokenizing");
        for (i = 0; i < len; i++) v.p[i] = s[i];
        v.n = len;
    } else if (tok->kind == RWKV_TOKENIZER_WORLD) {
        st = rwkv__world_encode(tok, s, len, &v, err);
    } else {
        rwkv__scratch sc;
        memset(&sc, 0, sizeof sc);
        st = rwkv__split_added(tok, &tok->added_raw, tok->n_added_raw, &sc, s, len, rwkv__pile_normalize, &v, err);
        rwkv__scratch_free(&sc);
    }
    if (st != RWKV_OK) { free(v.p); return st; }
    if (v.n == 0) { free(v.p); v.p = NULL; }
    *ids = v.p;
    *n_ids = v.n;
    return RWKV_OK;
}

rwkv_status rwkv_detokenize(const rwkv_tokenizer *tok, const int *ids, size_t n, char **out,
                            size_t *out_len, rwkv_error *err)
{
    rwkv__buf b = {0, 0, 0};
    size_t i;
    *out = NULL;
    if (out_len) *out_len = 0;
    for (i = 0; i < n; i++) {
        size_t len;
        const char *p = rwkv_token_bytes(tok, ids[i], &len);
        if (!p) {
            free(b.p);
            return rwkv__tfail(err, RWKV_ERR_ARGUMENT, "token id %d (position %zu) is not in the vocabulary (n_vocab %d)",
                               ids[i], i, tok ? tok->n_vocab : 0);
        }
        if (!rwkv__buf_add(&b, p, len)) { free(b.p); return rwkv__oom(err, "decoding"); }
    }
    if (!rwkv__buf_add(&b, "", 1)) { free(b.p); return rwkv__oom(err, "decoding"); }
    *out = b.p;
    if (out_len) *out_len = b.n - 1;
    return RWKV_OK;
}

static rwkv_status rwkv__open_any(const char *data, size_t len, const char *name,
                                  rwkv_tokenizer **out, rwkv_error *err)
{
    size_t i = 0;
    *out = NULL;
    if (len > 0x7FFFFFFFu) /* offsets inside the tokenizer are 32-bit */
        return rwkv__tfail(err, RWKV_ERR_UNSUPPORTED, "%s: %zu bytes is too large for a vocabulary (limit 2 GiB)", name, len);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) i = 3; /* UTF-8 BOM */
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) i++;
    if (i < len && data[i] == '{') return rwkv__pile_load(data + i, len - i, name, out, err);
    if (i < len && data[i] >= '0' && data[i] <= '9') return rwkv__world_load(data + i, len - i, name, out, err);
    return rwkv__tfail(err, RWKV_ERR_FORMAT, "%s: not a tokenizer file (expected a World vocabulary: lines \"ID LITERAL LENGTH\", or HuggingFace tokenizer JSON)", name);
}

rwkv_status rwkv_tokenizer_open_memory(const char *data, size_t len, rwkv_tokenizer **out,
                                       rwkv_error *err)
{
    *out = NULL;
    if (!data && len) return rwkv__tfail(err, RWKV_ERR_ARGUMENT, "rwkv_tokenizer_open_memory: data is NULL");
    return rwkv__open_any(data, len, "<memory>", out, err);
}

rwkv_status rwkv_tokenizer_open(const char *path, rwkv_tokenizer **out, rwkv_error *err)
{
    FILE *f;
    char *data;
    long size;
    size_t got;
    rwkv_status st;
    *out = NULL;
    f = fopen(path, "rb");
    if (!f) return rwkv__tfail(err, RWKV_ERR_IO, "%s: cannot open", path);
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return rwkv__tfail(err, RWKV_ERR_IO, "%s: cannot determine the file size", path);
    }
    data = (char *)malloc((size_t)size + 1);
    if (!data) { fclose(f); return rwkv__oom(err, "reading the vocabulary file"); }
    got = fread(data, 1, (size_t)size, f);
    fclose(f);
    if (got != (size_t)size) { free(data); return rwkv__tfail(err, RWKV_ERR_IO, "%s: read error", path); }
    st = rwkv__open_any(data, (size_t)size, path, out, err);
    free(data);
    return st;
}

rwkv_status rwkv_tokenizer_from_model(const rwkv_model *model, rwkv_tokenizer **out,
                                      rwkv_error *err)
{
    size_t len;
    const char *s;
    *out = NULL;
    if ((s = rwkv_model_meta_string(model, "tokenizer.rwkv.world", &len)) != NULL)
        return rwkv__world_load(s, len, "model key tokenizer.rwkv.world", out, err);
    if ((s = rwkv_model_meta_string(model, "tokenizer.huggingface.json", &len)) != NULL)
        return rwkv__pile_load(s, len, "model key tokenizer.huggingface.json", out, err);
    if (rwkv_model_n_vocab(model) == 256) return rwkv_tokenizer_new_bytes(out, err);
    return rwkv__tfail(err, RWKV_ERR_ARGUMENT,
                       "the model carries no tokenizer (no tokenizer.rwkv.world or tokenizer.huggingface.json key) and its vocabulary is %d, not 256: pass --vocab PATH",
                       rwkv_model_n_vocab(model));
}

/* ==== streaming UTF-8 ================================================================== */

void rwkv_utf8_stream_init(rwkv_utf8_stream *s)
{
    memset(s, 0, sizeof *s);
}

/* Length of the sequence a lead byte starts (0: cannot start one), and the allowed range of
   the second byte (which excludes overlongs, surrogates and > U+10FFFF). */
static int rwkv__utf8_lead(unsigned c, unsigned *lo, unsigned *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) {
        if (c == 0xE0) *lo = 0xA0;
        if (c == 0xED) *hi = 0x9F;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (c == 0xF0) *lo = 0x90;
        if (c == 0xF4) *hi = 0x8F;
        return 4;
    }
    return 0;
}

size_t rwkv_utf8_stream_push_bytes(rwkv_utf8_stream *s, const char *bytes, size_t len,
                                   char *out, size_t cap)
{
    /* the input is pending[0..np) followed by bytes[0..len) */
    size_t np = (size_t)s->n_pending, total = np + len, i = 0, w = 0;
#define RWKV__AT(k) ((k) < np ? s->pending[k] : (unsigned char)bytes[(k) - np])
    unsigned char held[4];
    size_t n_held = 0;
    while (i < total) {
        unsigned c = RWKV__AT(i), lo, hi;
        int need = rwkv__utf8_lead(c, &lo, &hi), k, ok = 1;
        if (need <= 1) { /* ASCII, or a byte that can never start a sequence */
            if (w < cap) out[w++] = (char)c;
            i++;
            continue;
        }
        for (k = 1; k < need && i + (size_t)k < total; k++) {
            unsigned d = RWKV__AT(i + (size_t)k);
            if (k == 1 ? (d < lo || d > hi) : (d & 0xC0) != 0x80) { ok = 0; break; }
        }
        if (!ok) { /* the lead byte is invalid where it stands: pass it through */
            if (w < cap) out[w++] = (char)c;
            i++;
            continue;
        }
        if (i + (size_t)need > total) { /* a valid prefix: hold it back for the next token */
            for (k = 0; i + (size_t)k < total; k++) held[n_held++] = (unsigned char)RWKV__AT(i + (size_t)k);
            break;
        }
        for (k = 0; k < need; k++)
            if (w < cap) out[w++] = (char)RWKV__AT(i + (size_t)k);
        i += (size_t)need;
    }
#undef RWKV__AT
    memcpy(s->pending, held, n_held);
    s->n_pending = (int)n_held;
    return w;
}

size_t rwkv_utf8_stream_push(rwkv_utf8_stream *s, const rwkv_tokenizer *tok, int id, char *out,
                             size_t cap)
{
    size_t len;
    const char *p = rwkv_token_bytes(tok, id, &len);
    if (!p) return 0;
    return rwkv_utf8_stream_push_bytes(s, p, len, out, cap);
}

size_t rwkv_utf8_stream_flush(rwkv_utf8_stream *s, char *out, size_t cap)
{
    size_t w = 0;
    int k;
    for (k = 0; k < s->n_pending; k++)
        if (w < cap) out[w++] = (char)s->pending[k];
    s->n_pending = 0;
    return w;
}
