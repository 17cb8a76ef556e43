/* test_tokenizer.c - self-contained tokenizer tests (no ../shared needed): a small World
   vocabulary and a small HuggingFace BPE JSON written by this program cover Python literal
   escapes, greedy longest match, invalid UTF-8, merges by rank, added/special tokens, NFC,
   the GPT-2 split, the streaming decoder and malformed vocabularies (each must be a clear
   error: run under ASan+UBSan by `make test`). */
#define RWKV_IMPLEMENTATION
#define RWKV_PILE /* linked with tokenizer.c (the Makefile) */
#include "../rwkv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

#define LIT(s) s, sizeof(s) - 1


typedef struct { char *p; size_t n, cap; } sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = (char *)realloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void sb_str(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

/* Encodes text and compares with the expected ids (terminated by -1). */
static void expect_ids(const rwkv_tokenizer *tok, const char *label, const char *text, size_t len,
                       const int *want)
{
    rwkv_error err;
    int *ids = NULL;
    size_t n = 0, nw = 0, i;
    int ok;
    while (want[nw] >= 0) nw++;
    if (rwkv_tokenize(tok, text, len, &ids, &n, &err) != RWKV_OK) {
        checks++;
        failures++;
        printf("FAIL %s: error %s\n", label, err.message);
        return;
    }
    ok = n == nw && (n == 0 || memcmp(ids, want, n * sizeof(int)) == 0);
    CHECK(ok, "%s: ids differ", label);
    if (!ok) {
        printf("    got :");
        for (i = 0; i < n; i++) printf(" %d", ids[i]);
        printf("\n    want:");
        for (i = 0; i < nw; i++) printf(" %d", want[i]);
        printf("\n");
    }
    free(ids);
}

/* Encode + decode gives the input back (or `expect` when not NULL). */
static void expect_roundtrip(const rwkv_tokenizer *tok, const char *label, const char *text,
                             size_t len, const char *expect, size_t expect_len)
{
    rwkv_error err;
    int *ids = NULL;
    size_t n = 0, dlen = 0;
    char *dec = NULL;
    if (!expect) { expect = text; expect_len = len; }
    if (rwkv_tokenize(tok, text, len, &ids, &n, &err) != RWKV_OK ||
        rwkv_detokenize(tok, ids, n, &dec, &dlen, &err) != RWKV_OK) {
        checks++;
        failures++;
        printf("FAIL %s: error %s\n", label, err.message);
    } else {
        CHECK(dlen == expect_len && memcmp(dec, expect, dlen) == 0, "%s: decode differs (%zu bytes vs %zu)", label, dlen, expect_len);
    }
    free(ids);
    free(dec);
}

/* Loading must fail with `code` and a message containing `needle`. */
static void expect_load_error(const char *label, const char *data, size_t len, rwkv_status code,
                              const char *needle)
{
    rwkv_tokenizer *tok = (rwkv_tokenizer *)&tok; /* must be reset to NULL */
    rwkv_error err;
    rwkv_status st;
    memset(&err, 0, sizeof err);
    st = rwkv_tokenizer_new_from_memory(data, len, &tok, &err);
    CHECK(st == code, "%s: status %d, want %d (%s)", label, (int)st, (int)code, err.message);
    CHECK(tok == NULL, "%s: *out not NULL on error", label);
    CHECK(needle == NULL || strstr(err.message, needle) != NULL, "%s: message \"%s\" lacks \"%s\"", label, err.message, needle);
    if (st == code) printf("  ok  %-28s -> %s\n", label, err.message);
    if (st == RWKV_OK) rwkv_tokenizer_free(tok);
}

/* ---- World ------------------------------------------------------------------------------ */

/* Ids 1..256 are the bytes (as ChatRWKV's file: str literals below 0x80, bytes literals
   above), then multi-byte tokens exercising every literal form. */
static char *world_vocab(size_t *len)
{
    sbuf b = {0, 0, 0};
    char line[128];
    int i;
    for (i = 0; i < 256; i++) {
        if (i < 0x80) snprintf(line, sizeof line, "%d '\\x%02x' 1\n", i + 1, i);
        else snprintf(line, sizeof line, "%d b'\\x%02x' 1\n", i + 1, i);
        sb_str(&b, line);
    }
    sb_str(&b, "257 'ab' 2\n"
               "258 'abc' 3\n"
               "259 'abcd' 4\n"
               "260 'bcd' 3\n"
               "261 '\\u00e9' 2\n"           /* é, str escape -> 2 UTF-8 bytes */
               "262 \"it's\" 4\n"            /* double quotes */
               "263 'say \\\"hi\\\"' 8\n"    /* escaped quotes */
               "264 b'\\xe4\\xbd' 2\n"       /* a partial UTF-8 sequence (of 你) */
               "265 '\\U0001F600' 4\n"       /* 😀 */
               "266 '\\t\\n' 2\n"
               "267 'a\\\\b' 3\n"            /* a\b */
               "268 '\\101\\102' 2\n"        /* octal: AB */
               "269 '\xe6\x97\xa5\xe6\x9c\xac' 6\n" /* raw UTF-8 日本 */
               "270 '\\xe9' 2\n"             /* str \xe9 is U+00E9: same as 261? no: see below */
               "271 '   ' 3\r\n"             /* CRLF line, spaces inside the literal */
               "\n");
    *len = b.n;
    return b.p;
}

static void test_world(void)
{
    size_t len;
    char *v = world_vocab(&len);
    rwkv_tokenizer *tok = NULL;
    rwkv_error err;
    rwkv_status st;
    size_t n;
    const char *p;

    printf("World tokenizer (small vocabulary)\n");
    /* '\u00e9' and '\xe9' in a str literal are the same character: the loader must say so */
    st = rwkv_tokenizer_new_from_memory(v, len, &tok, &err);
    CHECK(st == RWKV_ERR_FORMAT && strstr(err.message, "line 270") && strstr(err.message, "261"),
          "duplicate token bytes: %s", err.message);
    printf("  ok  %-28s -> %s\n", "same bytes twice", err.message);
    /* drop line 270 and load for real */
    {
        char *q = strstr(v, "270 '");
        char *e = strchr(q, '\n');
        memmove(q, e + 1, strlen(e + 1) + 1);
        len = strlen(v);
    }
    st = rwkv_tokenizer_new_from_memory(v, len, &tok, &err);
    CHECK(st == RWKV_OK, "load: %s", err.message);
    if (st != RWKV_OK) { free(v); return; }
    CHECK(rwkv_tokenizer_get_kind(tok) == RWKV_TOKENIZER_WORLD, "kind");
    CHECK(rwkv_tokenizer_get_n_vocab(tok) == 272, "n_vocab %d", rwkv_tokenizer_get_n_vocab(tok));
    p = rwkv_tokenizer_get_token(tok, 0, &n);
    CHECK(p && n == 0, "end-of-text has 0 bytes");
    CHECK(rwkv_tokenizer_is_special(tok, 0) && !rwkv_tokenizer_is_special(tok, 5), "special flags");
    CHECK(rwkv_tokenizer_get_token(tok, 270, &n) == NULL, "unassigned id 270 gives NULL");
    CHECK(rwkv_tokenizer_get_token(tok, 272, &n) == NULL && rwkv_tokenizer_get_token(tok, -1, &n) == NULL, "out of range gives NULL");
    p = rwkv_tokenizer_get_token(tok, 261, &n);
    CHECK(p && n == 2 && memcmp(p, "\xc3\xa9", 2) == 0, "\\u00e9 -> C3 A9");
    p = rwkv_tokenizer_get_token(tok, 263, &n);
    CHECK(p && n == 8 && memcmp(p, "say \"hi\"", 8) == 0, "escaped quotes");
    p = rwkv_tokenizer_get_token(tok, 265, &n);
    CHECK(p && n == 4 && memcmp(p, "\xf0\x9f\x98\x80", 4) == 0, "\\U escape");
    p = rwkv_tokenizer_get_token(tok, 267, &n);
    CHECK(p && n == 3 && memcmp(p, "a\\b", 3) == 0, "escaped backslash");
    p = rwkv_tokenizer_get_token(tok, 268, &n);
    CHECK(p && n == 2 && memcmp(p, "AB", 2) == 0, "octal escapes");
    p = rwkv_tokenizer_get_token(tok, 271, &n);
    CHECK(p && n == 3 && memcmp(p, "   ", 3) == 0, "spaces literal on a CRLF line");
    p = rwkv_tokenizer_get_token(tok, 129, &n);
    CHECK(p && n == 1 && (unsigned char)p[0] == 0x80, "b'\\x80' is one byte");
    {
        static const int w1[] = {259, 'e' + 1, -1};            /* longest match: abcd + e */
        static const int w2[] = {258, 257, 'd' + 1, -1};       /* abc | ab | d */
        static const int w3[] = {'x' + 1, 260, -1};            /* x | bcd */
        static const int w4[] = {256, 255, 1, -1};             /* invalid UTF-8 and NUL */
        static const int w5[] = {264, 0xa0 + 1, 269, -1};      /* 你 via a partial token */
        static const int w6[] = {262, 33, 263, 266, 265, -1};
        static const int w7[] = {-1};
        expect_ids(tok, "longest match", "abcde", 5, w1);
        expect_ids(tok, "greedy, not optimal", "abcabd", 6, w2);
        expect_ids(tok, "backtrack-free", "xbcd", 4, w3);
        expect_ids(tok, "invalid UTF-8 bytes", "\xff\xfe\x00", 3, w4);
        expect_ids(tok, "partial-sequence token", "\xe4\xbd\xa0\xe6\x97\xa5\xe6\x9c\xac", 9, w5);
        expect_ids(tok, "mixed", LIT("it's say \"hi\"\t\n\xf0\x9f\x98\x80"), w6);
        expect_ids(tok, "empty input", "", 0, w7);
        expect_roundtrip(tok, "round trip of arbitrary bytes", LIT("\x80\xc3(\xe2\x82\xf0\x9f\x98 abcd\r\n"), NULL, 0);
    }

    /* streaming decode: a character split over tokens comes out once complete */
    {
        rwkv_utf8_stream s;
        char out[64];
        size_t w;
        rwkv_utf8_stream_init(&s);
        w = rwkv_utf8_stream_push(&s, tok, 264, out, sizeof out); /* E4 BD */
        CHECK(w == 0 && s.n_pending == 2, "held back a partial character (%zu)", w);
        w = rwkv_utf8_stream_push(&s, tok, 0xa0 + 1, out, sizeof out);
        CHECK(w == 3 && memcmp(out, "\xe4\xbd\xa0", 3) == 0, "completed 你 (%zu)", w);
        /* a 4-byte emoji fed one byte per token */
        w = rwkv_utf8_stream_push(&s, tok, 0xf0 + 1, out, sizeof out);
        w += rwkv_utf8_stream_push(&s, tok, 0x9f + 1, out, sizeof out);
        w += rwkv_utf8_stream_push(&s, tok, 0x98 + 1, out, sizeof out);
        CHECK(w == 0, "3 of 4 bytes held");
        w = rwkv_utf8_stream_push(&s, tok, 0x80 + 1, out, sizeof out);
        CHECK(w == 4 && memcmp(out, "\xf0\x9f\x98\x80", 4) == 0, "emoji out whole");
        /* invalid bytes pass through at once */
        w = rwkv_utf8_stream_push(&s, tok, 0xff + 1, out, sizeof out);
        CHECK(w == 1 && (unsigned char)out[0] == 0xff, "0xFF passes through");
        /* a lead byte followed by ASCII: the lead is invalid, emitted, then the ASCII */
        w = rwkv_utf8_stream_push(&s, tok, 0xe4 + 1, out, sizeof out);
        CHECK(w == 0, "lead byte held");
        w = rwkv_utf8_stream_push(&s, tok, 'a' + 1, out, sizeof out);
        CHECK(w == 2 && (unsigned char)out[0] == 0xe4 && out[1] == 'a', "broken sequence released (%zu)", w);
        /* surrogate-range and overlong leads never wait */
        w = rwkv_utf8_stream_push_bytes(&s, "\xed\xa0", 2, out, sizeof out);
        CHECK(w == 2, "ED A0 (a surrogate) is invalid at once (%zu)", w);
        w = rwkv_utf8_stream_push_bytes(&s, "\xc0\xaf", 2, out, sizeof out);
        CHECK(w == 2, "C0 AF (overlong) is invalid at once");
        /* flush returns what is pending */
        w = rwkv_utf8_stream_push(&s, tok, 264, out, sizeof out);
        w = rwkv_utf8_stream_flush(&s, out, sizeof out);
        CHECK(w == 2 && s.n_pending == 0, "flush gives back the 2 pending bytes");
        /* end-of-text and unknown ids add nothing */
        CHECK(rwkv_utf8_stream_push(&s, tok, 0, out, sizeof out) == 0, "eot adds nothing");
        CHECK(rwkv_utf8_stream_push(&s, tok, 99999, out, sizeof out) == 0, "unknown id adds nothing");
    }
    {   /* detokenize rejects unknown ids */
        int bad[2] = {5, 270};
        char *out;
        size_t olen;
        CHECK(rwkv_detokenize(tok, bad, 2, &out, &olen, &err) == RWKV_ERR_ARGUMENT && out == NULL, "detokenize of an unassigned id");
    }
    rwkv_tokenizer_free(tok);
    free(v);

    /* a vocabulary missing a byte cannot encode it: an error, not a crash or a hang */
    {
        const char *small = "1 'a' 1\n2 'b' 1\n";
        int *ids;
        size_t nid;
        CHECK(rwkv_tokenizer_new_from_memory(small, strlen(small), &tok, &err) == RWKV_OK, "tiny vocab: %s", err.message);
        CHECK(rwkv_tokenize(tok, "abc", 3, &ids, &nid, &err) == RWKV_ERR_ARGUMENT && strstr(err.message, "0x63"), "missing byte: %s", err.message);
        rwkv_tokenizer_free(tok);
    }

    printf("World malformed vocabularies\n");
    {
        static const struct { const char *label, *data, *needle; } bad[] = {
            {"unterminated literal", "1 'a' 1\n2 'abc 3\n", "line 2"},
            {"not a literal", "1 x'a' 1\n", "line 1"},
            {"raw string prefix", "1 r'a' 1\n", "line 1"},
            {"duplicate id", "1 'a' 1\n2 'b' 1\n1 'c' 1\n", "duplicate token id 1"},
            {"wrong length field", "1 'a' 1\n2 'ab' 3\n", "length field"},
            {"length not a number", "1 'a' one\n", "line 1"},
            {"id 0 (end-of-text)", "0 'a' 1\n", "line 1"},
            {"id out of range", "99999999999 'a' 1\n", "line 1"},
            {"negative id", "-1 'a' 1\n", "not a tokenizer file"},
            {"missing fields", "1\n", "line 1"},
            {"truncated \\x escape", "1 '\\x4' 1\n", "escape"},
            {"surrogate escape", "1 '\\ud800' 3\n", "surrogate"},
            {"escape past U+10FFFF", "1 '\\U00110000' 4\n", "U+10FFFF"},
            {"non-ASCII in bytes", "1 b'\xc3\xa9' 2\n", "non-ASCII"},
            {"invalid UTF-8 in str", "1 '\xff' 1\n", "UTF-8"},
            {"text after literal", "1 'a'b 1\n", "after"},
            {"empty token", "1 '' 0\n", "empty"},
            {"empty file", "", "not a tokenizer file"},
            {"garbage", "hello world\n", "not a tokenizer file"},
        };
        size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
            expect_load_error(bad[i].label, bad[i].data, strlen(bad[i].data), RWKV_ERR_FORMAT, bad[i].needle);
    }
    /* every truncation of a valid vocabulary: loads or fails cleanly, never crashes */
    {
        const char *good = "1 'a' 1\n2 '\\u00e9\\n' 3\n3 b'\\xff' 1\n4 \"x'y\" 3\n";
        size_t cut, ok = 0;
        for (cut = 0; cut <= strlen(good); cut++) {
            char *copy = (char *)malloc(cut + 1); /* exact size: ASan sees any over-read */
            memcpy(copy, good, cut);
            if (rwkv_tokenizer_new_from_memory(copy, cut, &tok, &err) == RWKV_OK) { ok++; rwkv_tokenizer_free(tok); }
            free(copy);
        }
        printf("  ok  %zu truncations of a World vocabulary: %zu load, the rest fail cleanly\n", strlen(good) + 1, ok);
    }
}

/* ---- Pile-style BPE ------------------------------------------------------------------------- */

/* GPT-2 byte-level character of byte b, as UTF-8. */
static void bytelevel_char(int b, char *out)
{
    int n = 0, k, cp = -1;
    for (k = 0; k < 256; k++) {
        int printable = (k >= 33 && k <= 126) || (k >= 161 && k <= 172) || (k >= 174 && k <= 255);
        int c = printable ? k : 256 + n++;
        if (k == b) { cp = c; break; }
    }
    if (cp < 0x80) { out[0] = (char)cp; out[1] = 0; }
    else { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 63)); out[2] = 0; }
}

static void json_escaped(sbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') { char e[3] = {'\\', *s, 0}; sb_str(b, e); }
        else sb_add(b, s, 1);
    }
}

static char *pile_json(size_t *len)
{
    sbuf b = {0, 0, 0};
    char ch[4], num[32];
    int i;
    static const char *extra[][2] = {
        /* id 256.. : token, and the merge that makes it (ranks in this order) */
        {"\xc4\xa0t", "\xc4\xa0 t"},         /* Ġt   = " t" */
        {"he", "h e"},
        {"\xc4\xa0the", "\xc4\xa0t he"},     /* " the" */
        {"in", "i n"},
        {"\xc4\xa0in", "\xc4\xa0 in"},       /* " in" */
        {"\xc3\x83\xc2\xa9", "\xc3\x83 \xc2\xa9"}, /* é = C3 A9 -> "Ã©" */
        {"aa", "a a"},
        {"aaaa", "aa aa"},
        {"'s", "' s"},
        {"'S", "' S"},
        {"\xc4\x8a\xc4\x8a", "\xc4\x8a \xc4\x8a"}, /* "\n\n" */
    };
    sb_str(&b, "{\n  \"version\": \"1.0\", \"truncation\": null, \"padding\": null,\n  \"added_tokens\": [\n"
               "    {\"id\": 300, \"special\": true, \"content\": \"<|endoftext|>\", \"single_word\": false, \"lstrip\": false, \"rstrip\": false, \"normalized\": false},\n"
               "    {\"id\": 301, \"special\": false, \"content\": \"  \", \"single_word\": false, \"lstrip\": false, \"rstrip\": false, \"normalized\": true},\n"
               "    {\"id\": 302, \"special\": false, \"content\": \"   \", \"single_word\": false, \"lstrip\": false, \"rstrip\": false, \"normalized\": true},\n"
               "    {\"id\": 303, \"special\": true, \"content\": \"<pad>\", \"normalized\": false}\n  ],\n"
               "  \"normalizer\": {\"type\": \"NFC\"},\n"
               "  \"pre_tokenizer\": {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": true},\n"
               "  \"post_processor\": {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": true},\n"
               "  \"decoder\": {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": true},\n"
               "  \"model\": {\"type\": \"BPE\", \"dropout\": null, \"unk_token\": null, \"continuing_subword_prefix\": null,\n"
               "    \"end_of_word_suffix\": null, \"fuse_unk\": false,\n    \"vocab\": {");
    for (i = 0; i < 256; i++) {
        bytelevel_char(i, ch);
        sb_str(&b, i ? ", \"" : "\"");
        json_escaped(&b, ch);
        snprintf(num, sizeof num, "\": %d", i);
        sb_str(&b, num);
    }
    sb_str(&b, ", \"<|endoftext|>\": 300");
    for (i = 0; i < (int)(sizeof extra / sizeof extra[0]); i++) {
        sb_str(&b, ", \"");
        json_escaped(&b, extra[i][0]);
        snprintf(num, sizeof num, "\": %d", 256 + i);
        sb_str(&b, num);
    }
    sb_str(&b, "},\n    \"merges\": [");
    for (i = 0; i < (int)(sizeof extra / sizeof extra[0]); i++) {
        sb_str(&b, i ? ", \"" : "\"");
        json_escaped(&b, extra[i][1]);
        sb_str(&b, "\"");
    }
    sb_str(&b, "]\n  }\n}\n");
    *len = b.n;
    return b.p;
}

static void test_pile(void)
{
    size_t len, n;
    char *js = pile_json(&len);
    rwkv_tokenizer *tok = NULL;
    rwkv_error err;
    const char *p;

    printf("Pile-style BPE tokenizer (small JSON)\n");
    if (rwkv_tokenizer_new_from_memory(js, len, &tok, &err) != RWKV_OK) {
        checks++;
        failures++;
        printf("FAIL load: %s\n", err.message);
        free(js);
        return;
    }
    CHECK(rwkv_tokenizer_get_kind(tok) == RWKV_TOKENIZER_PILE, "kind");
    CHECK(rwkv_tokenizer_get_n_vocab(tok) == 304, "n_vocab %d", rwkv_tokenizer_get_n_vocab(tok));
    p = rwkv_tokenizer_get_token(tok, 32, &n);
    CHECK(p && n == 1 && p[0] == ' ', "Ġ decodes to a space");
    p = rwkv_tokenizer_get_token(tok, 258, &n);
    CHECK(p && n == 4 && memcmp(p, " the", 4) == 0, "Ġthe decodes to \" the\"");
    p = rwkv_tokenizer_get_token(tok, 303, &n);
    CHECK(p && n == 5 && memcmp(p, "<pad>", 5) == 0 && rwkv_tokenizer_is_special(tok, 303), "special <pad> keeps its text");
    p = rwkv_tokenizer_get_token(tok, 301, &n);
    CHECK(p && n == 2 && !rwkv_tokenizer_is_special(tok, 301), "added \"  \"");
    p = rwkv_tokenizer_get_token(tok, 300, &n);
    CHECK(p && n == 13 && rwkv_tokenizer_is_special(tok, 300), "<|endoftext|> (not id 0 here) keeps its text");
    {
        static const int w_the[] = {'t', 257, -1};                 /* "the": t + he, no Ġt */
        static const int w_sthe[] = {258, -1};                     /* " the" via 3 merges */
        static const int w_the_in[] = {258, 260, -1};
        static const int w_special[] = {'a', 300, 'b', -1};
        static const int w_two[] = {'x', 301, 'y', -1};            /* added "  " splits first */
        static const int w_three[] = {'x', 302, 'y', -1};          /* leftmost-longest: "   " */
        static const int w_four[] = {'x', 302, ' ', 'y', -1};      /* "   " then " y" */
        static const int w_nfd[] = {261, -1};                      /* e + U+0301 -> é */
        static const int w_aaaaa[] = {263, 'a', -1};               /* rank order: aa, aa, aaaa */
        static const int w_contr[] = {'i', 't', 264, -1};          /* it | 's */
        static const int w_CONTR[] = {'I', 'T', '\'', 'S', -1};    /* 'S is not a contraction */
        static const int w_invalid[] = {0xff, 'a', 0xc3, -1};      /* invalid UTF-8 kept as bytes */
        static const int w_nl[] = {'\n', '\n', 'x', -1};        /* "\n\nx": \s+(?!\S) leaves one \n */
        static const int w_nl2[] = {266, -1};                      /* "\n\n" at the end: one piece */
        static const int w_nl3[] = {266, '\n', 'x', -1};           /* "\n\n" | "\n" | "x" */
        static const int w_pad[] = {303, -1};
        static const int w_empty[] = {-1};
        static const int w_nbsp[] = {'a', 0xc2, 0xa0, 'b', -1};    /* NBSP is \s, never merged with b */
        static const int w_num[] = {'a', '1', '2', ' ', '3', '!', '?', -1};
        expect_ids(tok, "the", "the", 3, w_the);
        expect_ids(tok, "' the' by rank", " the", 4, w_sthe);
        expect_ids(tok, "' the in'", " the in", 7, w_the_in);
        expect_ids(tok, "special token", "a<|endoftext|>b", 15, w_special);
        expect_ids(tok, "added 2 spaces", "x  y", 4, w_two);
        expect_ids(tok, "added 3 spaces", "x   y", 5, w_three);
        expect_ids(tok, "4 spaces", "x    y", 6, w_four);
        expect_ids(tok, "NFD input composes", "e\xcc\x81", 3, w_nfd);
        expect_ids(tok, "NFC input", "\xc3\xa9", 2, w_nfd);
        expect_ids(tok, "merge ranks", "aaaaa", 5, w_aaaaa);
        expect_ids(tok, "contraction", "it's", 4, w_contr);
        expect_ids(tok, "upper-case contraction", "IT'S", 4, w_CONTR);
        expect_ids(tok, "invalid UTF-8", "\xff" "a\xc3", 3, w_invalid);
        expect_ids(tok, "newlines", "\n\nx", 3, w_nl);
        expect_ids(tok, "3 newlines", "\n\n\nx", 4, w_nl3);
        expect_ids(tok, "2 newlines at the end", "\n\n", 2, w_nl2);
        expect_ids(tok, "special <pad>", "<pad>", 5, w_pad);
        expect_ids(tok, "empty", "", 0, w_empty);
        expect_ids(tok, "NBSP", "a\xc2\xa0" "b", 4, w_nbsp);
        expect_ids(tok, "numbers, punctuation", "a12 3!?", 7, w_num);
        {   /* the Pile normalizer is Unicode 9.0 NFC (as HF's): U+1DFA (14.0) is unknown to
               it, class 0, so x + U+0301 + U+1DFA keeps its order (current NFC swaps them) */
            static const int w_u9[] = {'x', 0xcc, 0x81, 0xe1, 0xb7, 0xba, -1};
            expect_ids(tok, "Unicode 9.0 NFC as HF", LIT("x\xcc\x81\xe1\xb7\xba"), w_u9);
        }
        expect_roundtrip(tok, "round trip", LIT("Hello, world!\n\n  x \xff\xfe\t"), NULL, 0);
        expect_roundtrip(tok, "NFC changes the text", "e\xcc\x81!", 4, "\xc3\xa9!", 3);
        expect_roundtrip(tok, "special tokens decode to their text", "a<|endoftext|>b<pad>", 20, NULL, 0);
    }
    {   /* 1 MB of one character: the BPE heap keeps it n log n */
        size_t big = 1 << 20, nid = 0, i;
        char *s = (char *)malloc(big);
        int *ids = NULL;
        clock_t t0 = clock();
        double secs;
        memset(s, 'a', big);
        CHECK(rwkv_tokenize(tok, s, big, &ids, &nid, &err) == RWKV_OK, "1 MB of 'a': %s", err.message);
        secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        printf("  1 MB of 'a' -> %zu tokens in %.2f s\n", nid, secs);
        CHECK(nid == big / 4, "1 MB of 'a' gives %zu tokens", nid);
        for (i = 0; i < nid; i++) if (ids[i] != 263) break;
        CHECK(i == nid, "all 'aaaa'");
        CHECK(secs < 5.0, "1 MB of 'a' took %.2f s", secs);
        free(ids);
        free(s);
    }
    rwkv_tokenizer_free(tok);

    printf("HF JSON malformed files\n");
    {
        /* every truncation: never a crash, always a clear error */
        size_t cut, errors = 0;
        for (cut = 1; cut < len - 2; cut++) {
            char *copy = (char *)malloc(cut);
            rwkv_status st;
            memcpy(copy, js, cut);
            st = rwkv_tokenizer_new_from_memory(copy, cut, &tok, &err);
            if (st == RWKV_ERR_FORMAT && strstr(err.message, "JSON error")) errors++;
            else if (st == RWKV_OK) rwkv_tokenizer_free(tok);
            free(copy);
        }
        CHECK(errors == len - 3, "%zu of %zu truncations were JSON errors", errors, len - 3);
        printf("  ok  %zu truncated JSON files -> e.g. ", errors);
        rwkv_tokenizer_new_from_memory(js, len / 2, &tok, &err);
        printf("%s\n", err.message);
    }
    {
        static const struct { const char *label, *from, *to, *needle; rwkv_status code; } edits[] = {
            {"merge with unknown token", "\"h e\"", "\"h zz\"", "not in model.vocab", RWKV_ERR_FORMAT},
            {"merged token unknown", "\"h e\"", "\"h x\"", "merged token", RWKV_ERR_FORMAT},
            {"merge without a space", "\"h e\"", "\"he\"", "separated by a space", RWKV_ERR_FORMAT},
            {"vocab id not a number", "\"he\": 257", "\"he\": \"x\"", "not a token id", RWKV_ERR_FORMAT},
            {"vocab id negative", "\"he\": 257", "\"he\": -4", "not a token id", RWKV_ERR_FORMAT},
            {"duplicate vocab id", "\"he\": 257", "\"he\": 256", "used twice", RWKV_ERR_FORMAT},
            {"no model", "\"model\"", "\"modal\"", "no \"model\"", RWKV_ERR_FORMAT},
            {"merges not an array", "\"merges\": [", "\"merges\": 5, \"x\": [", "merges", RWKV_ERR_FORMAT},
            {"WordPiece model", "\"type\": \"BPE\"", "\"type\": \"WordPiece\"", "BPE", RWKV_ERR_UNSUPPORTED},
            {"other normalizer", "\"type\": \"NFC\"", "\"type\": \"NFKC\"", "NFKC", RWKV_ERR_UNSUPPORTED},
            {"other pre-tokenizer", "\"pre_tokenizer\": {\"type\": \"ByteLevel\"", "\"pre_tokenizer\": {\"type\": \"Whitespace\"", "ByteLevel", RWKV_ERR_UNSUPPORTED},
            {"lstrip added token", "\"lstrip\": false", "\"lstrip\": true", "lstrip", RWKV_ERR_UNSUPPORTED},
            {"bad escape", "\"he\": 257", "\"h\\qe\": 257", "bad escape", RWKV_ERR_FORMAT},
            {"trailing garbage", "\n}\n", "\n}\n}", "after the end", RWKV_ERR_FORMAT},
            {"missing comma", "\"he\": 257, ", "\"he\": 257 ", "expected ','", RWKV_ERR_FORMAT},
            {"added token without id", "{\"id\": 303, ", "{", "added_tokens[3].id", RWKV_ERR_FORMAT},
        };
        size_t i;
        for (i = 0; i < sizeof edits / sizeof edits[0]; i++) {
            const char *at = strstr(js, edits[i].from);
            sbuf b = {0, 0, 0};
            if (!at) { checks++; failures++; printf("FAIL test setup: '%s' not in the JSON\n", edits[i].from); continue; }
            sb_add(&b, js, (size_t)(at - js));
            sb_str(&b, edits[i].to);
            sb_str(&b, at + strlen(edits[i].from));
            expect_load_error(edits[i].label, b.p, b.n, edits[i].code, edits[i].needle);
            free(b.p);
        }
        {   /* deep nesting is refused, not a stack overflow */
            sbuf b = {0, 0, 0};
            sb_str(&b, "{\"a\": ");
            for (i = 0; i < 100000; i++) sb_str(&b, "[");
            expect_load_error("100000 nested arrays", b.p, b.n, RWKV_ERR_FORMAT, "nested too deeply");
            free(b.p);
        }
    }
    free(js);
}

/* ---- NFC -------------------------------------------------------------------------------------- */

static void expect_nfc(const char *label, const char *in, const char *want)
{
    char *out = NULL;
    size_t n = 0;
    rwkv_error err;
    CHECK(rwkv_utf8_nfc(in, strlen(in), &out, &n, &err) == RWKV_OK && n == strlen(want) && memcmp(out, want, n) == 0,
          "NFC %s", label);
    free(out);
}

static void test_nfc(void)
{
    printf("NFC\n");
    expect_nfc("e + acute", "e\xcc\x81", "\xc3\xa9");
    expect_nfc("already composed", "\xc3\xa9", "\xc3\xa9");
    expect_nfc("Hangul L+V", "\xe1\x84\x80\xe1\x85\xa1", "\xea\xb0\x80");                 /* 가 */
    expect_nfc("Hangul LV+T", "\xea\xb0\x80\xe1\x86\xa8", "\xea\xb0\x81");                 /* 각 */
    expect_nfc("reordering a+0302+0323", "a\xcc\x82\xcc\xa3", "\xe1\xba\xad");             /* ậ */
    expect_nfc("a+0323+0302", "a\xcc\xa3\xcc\x82", "\xe1\xba\xad");
    expect_nfc("blocked: same class", "a\xcc\x81\xcc\x81", "\xc3\xa1\xcc\x81");           /* á + ́ */
    expect_nfc("exclusion U+0958", "\xe0\xa5\x98", "\xe0\xa4\x95\xe0\xa4\xbc");
    expect_nfc("singleton Angstrom", "\xe2\x84\xab", "\xc3\x85");
    expect_nfc("leading combining mark", "\xcc\x81" "e", "\xcc\x81" "e");
    expect_nfc("invalid bytes kept", "\xff" "e\xcc\x81\xc3", "\xff\xc3\xa9\xc3");
    expect_nfc("ASCII unchanged", "plain text", "plain text");
    /* U+1DFA (class 218, Unicode 14.0) moves before U+0301 (230) in current NFC */
    expect_nfc("mark from Unicode 14.0 reordered", "x\xcc\x81\xe1\xb7\xba", "x\xe1\xb7\xba\xcc\x81");
}

/* NormalizationTest.txt conformance for NFC (driven by tests/test_tokenizer_nfc.py):
   c2 == NFC(c1) == NFC(c2) == NFC(c3), c4 == NFC(c4) == NFC(c5), and every code point not
   listed in Part 1 is unchanged. */
static size_t parse_cps(const char *field, char *out)
{
    size_t w = 0;
    while (*field) {
        char *end;
        unsigned long cp = strtoul(field, &end, 16);
        unsigned char *o = (unsigned char *)out + w;
        if (end == field) break;
        if (cp < 0x80) { o[0] = (unsigned char)cp; w += 1; }
        else if (cp < 0x800) { o[0] = (unsigned char)(0xC0 | (cp >> 6)); o[1] = (unsigned char)(0x80 | (cp & 63)); w += 2; }
        else if (cp < 0x10000) { o[0] = (unsigned char)(0xE0 | (cp >> 12)); o[1] = (unsigned char)(0x80 | ((cp >> 6) & 63)); o[2] = (unsigned char)(0x80 | (cp & 63)); w += 3; }
        else { o[0] = (unsigned char)(0xF0 | (cp >> 18)); o[1] = (unsigned char)(0x80 | ((cp >> 12) & 63)); o[2] = (unsigned char)(0x80 | ((cp >> 6) & 63)); o[3] = (unsigned char)(0x80 | (cp & 63)); w += 4; }
        field = end;
        while (*field == ' ') field++;
    }
    return w;
}

static int nfc_conformance(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[4096], col[5][512], nfc_in[512];
    static unsigned char listed[0x110000];
    long lines = 0, bad = 0, invariant = 0;
    int part1 = 0;
    unsigned long cp;
    if (!f) { printf("cannot open %s\n", path); return 2; }
    while (fgets(line, sizeof line, f)) {
        char *p = line, *hash = strchr(line, '#');
        size_t len[5];
        int k;
        if (hash) *hash = 0;
        if (line[0] == '@') { part1 = strncmp(line, "@Part1", 6) == 0; continue; }
        for (k = 0; k < 5; k++) {
            char *semi = strchr(p, ';'), field[512];
            if (!semi) break;
            memcpy(field, p, (size_t)(semi - p));
            field[semi - p] = 0;
            len[k] = parse_cps(field, col[k]);
            p = semi + 1;
        }
        if (k < 5) continue;
        lines++;
        if (part1) listed[strtoul(line, NULL, 16)] = 1;
        for (k = 0; k < 5; k++) {
            int want = k < 3 ? 1 : 3; /* column index of the expected NFC */
            char *out;
            size_t n;
            rwkv_error err;
            if (rwkv_utf8_nfc(col[k], len[k], &out, &n, &err) != RWKV_OK) return 2;
            if (n != len[want] || memcmp(out, col[want], n) != 0) {
                if (bad++ < 10) printf("FAIL NFC of column %d, line: %s\n", k + 1, line);
            }
            free(out);
        }
    }
    fclose(f);
    for (cp = 0; cp < 0x110000; cp++) {
        size_t n, m;
        char *out;
        rwkv_error err;
        if (listed[cp] || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
        m = parse_cps((snprintf(nfc_in, sizeof nfc_in, "%lX", cp), nfc_in), col[0]);
        if (rwkv_utf8_nfc(col[0], m, &out, &n, &err) != RWKV_OK) return 2;
        if (n != m || memcmp(out, col[0], n) != 0) { if (bad++ < 10) printf("FAIL U+%04lX should be NFC-invariant\n", cp); }
        else invariant++;
        free(out);
    }
    printf("NormalizationTest: %ld lines x 5 columns, %ld unlisted code points invariant, %ld failures\n",
           lines, invariant, bad);
    return bad ? 1 : 0;
}

/* Random mutations of valid files: every load either fails with a message or gives a
   tokenizer that encodes and decodes without memory errors (ASan/UBSan watch). */
static void mutation_fuzz(const char *label, const char *good, size_t len, int iterations)
{
    unsigned x = 2463534242u;
    int it, loaded = 0, failed = 0;
    for (it = 0; it < iterations; it++) {
        char *buf = (char *)malloc(len + 8);
        size_t n = len, k;
        int m, muts = 1 + (int)((x >> 7) % 4);
        rwkv_tokenizer *tok;
        rwkv_error err;
        memcpy(buf, good, len);
        for (m = 0; m < muts; m++) {
            size_t at;
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            at = n ? (x >> 8) % n : 0;
            switch (x % 8) {
            case 0: case 1: case 2: if (n) buf[at] = (char)(x >> 16); break; /* replace a byte */
            case 3: case 4: if (n) { memmove(buf + at, buf + at + 1, n - at - 1); n--; } break; /* delete */
            case 5: case 6: if (n < len + 8) { memmove(buf + at + 1, buf + at, n - at); buf[at] = (char)(x >> 20); n++; } break;
            default: n = at; break;                                           /* truncate */
            }
        }
        err.message[0] = 0;
        if (rwkv_tokenizer_new_from_memory(buf, n, &tok, &err) == RWKV_OK) {
            static const char sample[] = "it's a test  of the   \xe4\xbd\xa0 e\xcc\x81 <|endoftext|>\xff";
            int *ids = NULL;
            size_t n_ids = 0;
            char *dec = NULL;
            loaded++;
            if (rwkv_tokenize(tok, sample, sizeof sample - 1, &ids, &n_ids, &err) == RWKV_OK) {
                size_t dlen;
                for (k = 0; k < n_ids; k++) CHECK(ids[k] >= 0 && ids[k] < rwkv_tokenizer_get_n_vocab(tok), "%s: id out of range", label);
                if (rwkv_detokenize(tok, ids, n_ids, &dec, &dlen, &err) == RWKV_OK) free(dec);
            }
            free(ids);
            rwkv_tokenizer_free(tok);
        } else {
            failed++;
            CHECK(err.message[0] != 0, "%s: a failed load left no message", label);
        }
        free(buf);
    }
    printf("  ok  %s: %d mutated files, %d loaded, %d refused with a message\n", label, iterations, loaded, failed);
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--nfc-conformance") == 0) return nfc_conformance(argv[2]);
    test_world();
    test_pile();
    test_nfc();
    printf("Mutation fuzz\n");
    {
        size_t len;
        char *v = world_vocab(&len), *q = strstr(v, "270 '"), *e = strchr(q, '\n');
        memmove(q, e + 1, strlen(e + 1) + 1); /* without the duplicate line */
        mutation_fuzz("World vocabulary", v, strlen(v), 3000);
        free(v);
        v = pile_json(&len);
        mutation_fuzz("HF tokenizer JSON", v, len, 3000);
        free(v);
    }
    printf("%d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
