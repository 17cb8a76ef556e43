/* test_tokenizer_fixtures.c - the World and Pile tokenizers against the reference ids in
   ../shared/fixtures/tokenizer (official TRIE_TOKENIZER and HuggingFace tokenizers 0.23.2):
     - reference.jsonl: every line (438: "text", or "bytes" in base64 for strings that are not
       UTF-8), both tokenizers, plus decode round trips (World decode == the input bytes; Pile
       decode == pile_decoded, HF's decode with skip_special_tokens=False: special tokens as
       their text);
     - lambada_tokens.jsonl: the ids of every LAMBADA passage for both tokenizers, after a
       first line with the totals (408657 World, 418644 Pile).
   Skips (exit 77) when ../shared is absent. Usage: build/test_tokenizer_fixtures [SHARED_DIR] */
#define RWKV_IMPLEMENTATION
#define RWKV_PILE /* linked with tokenizer.c (the Makefile) */
#include "../rwkv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- reading files and JSON lines ----------------------------------------------------- */

/* The string member `key` of the JSON object on this line, or NULL. */
static char *json_string(const char *line, const char *key, size_t *len)
{
    char *out = NULL;
    rwkv_error err;
    if (rwkv_json_get_string(line, strlen(line), key, &out, len, &err) != RWKV_OK)
        printf("FAIL: %s\n", err.message);
    return out;
}

/* Parses "key": [ints] into a malloc'd array; returns -1 when absent or null. */
static long json_ints(const char *line, const char *key, int **out)
{
    char pat[64];
    const char *p;
    long n = 0, cap = 64;
    snprintf(pat, sizeof pat, "\"%s\": ", key);
    p = strstr(line, pat);
    *out = NULL;
    if (!p) return -1;
    p += strlen(pat);
    if (*p != '[') return -1;
    p++;
    *out = (int *)malloc((size_t)cap * sizeof(int));
    while (*p && *p != ']') {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p) { p++; continue; }
        if (n == cap) { cap *= 2; *out = (int *)realloc(*out, (size_t)cap * sizeof(int)); }
        (*out)[n++] = (int)v;
        p = end;
    }
    return n;
}

static char *base64_decode(const char *s, size_t *len)
{
    size_t n = strlen(s), w = 0, i;
    char *out = (char *)malloc(n + 1);
    unsigned acc = 0;
    int bits = 0;
    for (i = 0; i < n; i++) {
        int c = s[i], v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '+') v = 62;
        else if (c == '/') v = 63;
        else continue;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) { bits -= 8; out[w++] = (char)((acc >> bits) & 255); }
    }
    *len = w;
    return out;
}

static int same_ids(const int *a, size_t na, const int *b, long nb)
{
    return nb >= 0 && (size_t)nb == na && (na == 0 || memcmp(a, b, na * sizeof(int)) == 0);
}

static void print_ids(const char *label, const int *ids, size_t n)
{
    size_t i;
    printf("    %s:", label);
    for (i = 0; i < n && i < 40; i++) printf(" %d", ids[i]);
    printf("%s\n", n > 40 ? " ..." : "");
}

/* strtok_r is POSIX, not C99: split lines by hand (empty lines are skipped like strtok). */
static char *next_line(char *s, char **save)
{
    char *p = s ? s : *save, *nl;
    while (p && *p == '\n') p++;
    if (!p || !*p) return NULL;
    nl = strchr(p, '\n');
    if (nl) { *nl = 0; *save = nl + 1; } else *save = p + strlen(p);
    return p;
}

static double now(void);
/* 1 MB of one repeated unit: must be fast (no quadratic blow-up in the trie walk, the regex
   split, NFC or BPE) and decode back (to the NFC form for Pile). Returns failures. */
static int stress(const rwkv_tokenizer *tok, const char *name, const char *unit, size_t unit_len,
                  const char *nfc_unit)
{
    size_t total = 1 << 20, len = 0, n_ids = 0, dlen = 0, i, want_len = 0;
    char *s = (char *)malloc(total + 8), *dec = NULL, *want;
    int *ids = NULL, bad = 0;
    double t;
    rwkv_error err;
    const char *u2 = nfc_unit ? nfc_unit : unit;
    size_t u2_len = nfc_unit ? strlen(nfc_unit) : unit_len;
    while (len + unit_len <= total) { memcpy(s + len, unit, unit_len); len += unit_len; }
    want = (char *)malloc(len / unit_len * u2_len + 1);
    for (i = 0; i < len / unit_len; i++) { memcpy(want + want_len, u2, u2_len); want_len += u2_len; }
    t = now();
    if (rwkv_tokenize(tok, s, len, &ids, &n_ids, &err) != RWKV_OK) { printf("FAIL %s: %s\n", name, err.message); bad++; }
    t = now() - t;
    if (!bad && (rwkv_detokenize(tok, ids, n_ids, &dec, &dlen, &err) != RWKV_OK || dlen != want_len || memcmp(dec, want, dlen) != 0)) {
        printf("FAIL %s: decode differs\n", name);
        bad++;
    }
    printf("  %-34s %7zu bytes -> %7zu tokens in %.2f s%s\n", name, len, n_ids, t, t > 5.0 ? "  FAIL: too slow" : "");
    if (t > 5.0) bad++;
    free(s);
    free(want);
    free(ids);
    free(dec);
    return bad;
}

static double now(void) { return (double)clock() / CLOCKS_PER_SEC; }


/* --from-model MODEL [VOCAB]: rwkv_tokenizer_new_from_model on a GGUF file; prints the kind and
   n_vocab (or the error, exit 3); with VOCAB, the ids of a sample text must equal those of
   the tokenizer loaded from that file. Driven by tests/test_tokenizer_model.py. */
static int from_model(const char *model_path, const char *vocab_path)
{
    static const char sample[] = "Hello world!\n\n  The quick brown fox \xe6\x97\xa5\xe6\x9c\xac e\xcc\x81 <|endoftext|>";
    rwkv_model *model;
    rwkv_tokenizer *a, *b;
    rwkv_error err;
    int *ia, *ib, same;
    size_t na, nb;
    static const char *kinds[] = {"bytes", "world", "pile"};
    if (rwkv_model_open(model_path, &model, &err) != RWKV_OK) { printf("model: %s\n", err.message); return 2; }
    if (rwkv_tokenizer_new_from_model(model, &a, &err) != RWKV_OK) {
        printf("error: %s\n", err.message);
        rwkv_model_close(model);
        return 3;
    }
    printf("kind %s n_vocab %d\n", kinds[rwkv_tokenizer_get_kind(a)], rwkv_tokenizer_get_n_vocab(a));
    rwkv_model_close(model); /* the tokenizer must not point into the closed model */
    if (rwkv_tokenize(a, sample, sizeof sample - 1, &ia, &na, &err) != RWKV_OK) { printf("encode: %s\n", err.message); return 1; }
    if (vocab_path) {
        if (rwkv_tokenizer_new_from_file(vocab_path, &b, &err) != RWKV_OK) { printf("vocab: %s\n", err.message); return 2; }
        if (rwkv_tokenize(b, sample, sizeof sample - 1, &ib, &nb, &err) != RWKV_OK) { printf("encode: %s\n", err.message); return 1; }
        same = na == nb && memcmp(ia, ib, na * sizeof(int)) == 0;
        printf("%zu ids, %s the tokenizer loaded from %s\n", na, same ? "equal to" : "DIFFERENT FROM", vocab_path);
        free(ib);
        rwkv_tokenizer_free(b);
        if (!same) return 1;
    } else {
        printf("%zu ids\n", na);
    }
    free(ia);
    rwkv_tokenizer_free(a);
    return 0;
}

/* A tokenizer from a vocabulary file, or from a model when the path ends in .gguf. */
static rwkv_status open_tokenizer(const char *path, rwkv_tokenizer **tok, rwkv_error *err)
{
    const size_t n = strlen(path);
    rwkv_model *model;
    rwkv_status s;
    if (n < 5 || strcmp(path + n - 5, ".gguf") != 0)
        return rwkv_tokenizer_new_from_file(path, tok, err);
    if ((s = rwkv_model_open(path, &model, err)) != RWKV_OK) return s;
    s = rwkv_tokenizer_new_from_model(model, tok, err);
    rwkv_model_close(model);
    return s;
}

/* --encode VOCAB|MODEL.gguf: each stdin line is hex-encoded bytes; writes one line of ids per
   input line (or "error: ..."). Driven by tests/test_tokenizer_fuzz.py and
   tests/test_llamacpp.py. */
static int encode_lines(const char *vocab_path)
{
    rwkv_tokenizer *tok;
    rwkv_error err;
    static char line[1 << 20];
    char *bytes = (char *)malloc(sizeof line / 2 + 1);
    if (open_tokenizer(vocab_path, &tok, &err) != RWKV_OK) {
        printf("error: %s\n", err.message);
        return 2;
    }
    while (fgets(line, sizeof line, stdin)) {
        size_t n = 0, i, n_ids;
        int *ids;
        for (i = 0; line[i] && line[i + 1] && line[i] != '\n'; i += 2) {
            unsigned v;
            if (sscanf(line + i, "%2x", &v) != 1) break;
            bytes[n++] = (char)v;
        }
        if (rwkv_tokenize(tok, bytes, n, &ids, &n_ids, &err) != RWKV_OK) { printf("error: %s\n", err.message); continue; }
        for (i = 0; i < n_ids; i++) printf(i ? " %d" : "%d", ids[i]);
        printf("\n");
        free(ids);
    }
    free(bytes);
    rwkv_tokenizer_free(tok);
    return 0;
}

/* --dump VOCAB|MODEL.gguf: one line per id: the token's bytes in hex, "-" when unassigned,
   then " S" for special tokens. Used by tests/test_tokenizer_fuzz.py and tests/test_llamacpp.py
   to check every token's bytes. */
static int dump_tokens(const char *vocab_path)
{
    rwkv_tokenizer *tok;
    rwkv_error err;
    int id;
    if (open_tokenizer(vocab_path, &tok, &err) != RWKV_OK) {
        printf("error: %s\n", err.message);
        return 2;
    }
    for (id = 0; id < rwkv_tokenizer_get_n_vocab(tok); id++) {
        size_t len, i;
        const unsigned char *p = (const unsigned char *)rwkv_tokenizer_get_token(tok, id, &len);
        if (!p) printf("-");
        for (i = 0; p && i < len; i++) printf("%02x", p[i]);
        printf("%s\n", rwkv_tokenizer_is_special(tok, id) ? " S" : "");
    }
    rwkv_tokenizer_free(tok);
    return 0;
}

int main(int argc, char **argv)
{
    const char *shared = argc > 1 ? argv[1] : "../shared";
    if (argc == 3 && strcmp(argv[1], "--dump") == 0) return dump_tokens(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--encode") == 0) return encode_lines(argv[2]);
    if (argc >= 3 && strcmp(argv[1], "--from-model") == 0) return from_model(argv[2], argc > 3 ? argv[3] : NULL);
    char path[1024];
    rwkv_tokenizer *world = NULL, *pile = NULL;
    rwkv_error err;
    char *ref, *lam, *lamref;
    size_t ref_len, lam_len, lamref_len;
    int failures = 0;
    long lines = 0, world_ok = 0, pile_ok = 0, pile_n = 0, world_rt = 0, pile_rt = 0;
    char *line, *save;
    double t0;

    snprintf(path, sizeof path, "%s/fixtures/tokenizer/reference.jsonl", shared);
    rwkv_file_read(path, &ref, &ref_len, NULL); /* ref stays NULL when it fails */
    if (!ref) {
        printf("skip: %s not found (the shared test data is absent)\n", path);
        return 77;
    }
    snprintf(path, sizeof path, "%s/vocab/rwkv_vocab_v20230424.txt", shared);
    t0 = now();
    if (rwkv_tokenizer_new_from_file(path, &world, &err) != RWKV_OK) { printf("FAIL: World load: %s\n", err.message); return 1; }
    printf("World vocabulary loaded in %.1f ms (n_vocab %d)\n", (now() - t0) * 1e3, rwkv_tokenizer_get_n_vocab(world));
    snprintf(path, sizeof path, "%s/vocab/20B_tokenizer.json", shared);
    t0 = now();
    if (rwkv_tokenizer_new_from_file(path, &pile, &err) != RWKV_OK) { printf("FAIL: Pile load: %s\n", err.message); return 1; }
    printf("Pile tokenizer loaded in %.1f ms (n_vocab %d)\n", (now() - t0) * 1e3, rwkv_tokenizer_get_n_vocab(pile));

    /* 1. reference.jsonl */
    for (line = next_line(ref, &save); line; line = next_line(NULL, &save)) {
        size_t tlen, dlen, n_ids;
        char *text = json_string(line, "text", &tlen), *b64, *dec;
        int *want, *ids;
        long nw;
        if (!text) {
            b64 = json_string(line, "bytes", &tlen);
            if (!b64) { printf("FAIL: line %ld has neither text nor bytes\n", lines + 1); return 1; }
            text = base64_decode(b64, &tlen);
            free(b64);
        }
        lines++;
        /* World */
        nw = json_ints(line, "world", &want);
        if (rwkv_tokenize(world, text, tlen, &ids, &n_ids, &err) != RWKV_OK) {
            printf("FAIL line %ld: World error: %s\n", lines, err.message);
            failures++;
        } else if (!same_ids(ids, n_ids, want, nw)) {
            printf("FAIL line %ld: World ids differ (%zu vs %ld): %.60s\n", lines, n_ids, nw, line);
            print_ids("got ", ids, n_ids);
            print_ids("want", want, nw < 0 ? 0 : (size_t)nw);
            failures++;
        } else {
            world_ok++;
            if (rwkv_detokenize(world, ids, n_ids, &dec, &dlen, &err) == RWKV_OK && dlen == tlen && memcmp(dec, text, tlen) == 0) world_rt++;
            else { printf("FAIL line %ld: World decode != input\n", lines); failures++; }
            free(dec);
        }
        free(ids);
        free(want);
        /* Pile (null for byte strings) */
        nw = json_ints(line, "pile", &want);
        if (nw >= 0) {
            pile_n++;
            if (rwkv_tokenize(pile, text, tlen, &ids, &n_ids, &err) != RWKV_OK) {
                printf("FAIL line %ld: Pile error: %s\n", lines, err.message);
                failures++;
            } else if (!same_ids(ids, n_ids, want, nw)) {
                printf("FAIL line %ld: Pile ids differ (%zu vs %ld): %.60s\n", lines, n_ids, nw, line);
                print_ids("got ", ids, n_ids);
                print_ids("want", want, (size_t)nw);
                failures++;
            } else {
                size_t elen;
                char *expect = json_string(line, "pile_decoded", &elen);
                pile_ok++;
                if (expect && rwkv_detokenize(pile, ids, n_ids, &dec, &dlen, &err) == RWKV_OK && dlen == elen && memcmp(dec, expect, elen) == 0) pile_rt++;
                else { printf("FAIL line %ld: Pile decode != pile_decoded\n", lines); failures++; }
                free(dec);
                free(expect);
            }
            free(ids);
        }
        free(want);
        free(text);
    }
    printf("reference.jsonl: World %ld/%ld lines agree (decode round trip %ld), Pile %ld/%ld agree (decode == pile_decoded %ld)\n",
           world_ok, lines, world_rt, pile_ok, pile_n, pile_rt);
    if (lines != 438) { printf("FAIL: expected 438 lines\n"); failures++; }
    free(ref);

    /* 2. LAMBADA: the ids of every passage */
    snprintf(path, sizeof path, "%s/text/lambada_test.jsonl", shared);
    rwkv_file_read(path, &lam, &lam_len, NULL);
    snprintf(path, sizeof path, "%s/fixtures/tokenizer/lambada_tokens.jsonl", shared);
    rwkv_file_read(path, &lamref, &lamref_len, NULL);
    if (!lam || !lamref) {
        printf("FAIL: LAMBADA files missing\n");
        failures++;
    } else {
        char *save2, *l2, *l1 = next_line(lam, &save);
        long n = 0, wsum = 0, psum = 0, wok = 0, pok = 0, totals[3] = {0, 0, 0};
        double tw = 0, tp = 0;
        const char *keys[3] = {"passages", "world_tokens", "pile_tokens"};
        int k;
        l2 = next_line(lamref, &save2); /* the totals line */
        for (k = 0; l2 && k < 3; k++) {
            char pat[40];
            const char *p;
            snprintf(pat, sizeof pat, "\"%s\": ", keys[k]);
            if ((p = strstr(l2, pat)) != NULL) totals[k] = strtol(p + strlen(pat), NULL, 10);
        }
        if (totals[0] != 5153 || totals[1] != 408657 || totals[2] != 418644) {
            printf("FAIL: lambada_tokens.jsonl totals line: %ld passages, %ld World, %ld Pile tokens\n",
                   totals[0], totals[1], totals[2]);
            failures++;
        }
        for (l2 = next_line(NULL, &save2); l1 && l2; l1 = next_line(NULL, &save), l2 = next_line(NULL, &save2)) {
            size_t tlen, n_ids;
            char *text = json_string(l1, "text", &tlen);
            int *ids, *want;
            long nw;
            double t;
            n++;
            t = now();
            if (rwkv_tokenize(world, text, tlen, &ids, &n_ids, &err) != RWKV_OK) { printf("FAIL lambada %ld: %s\n", n, err.message); failures++; }
            tw += now() - t;
            wsum += (long)n_ids;
            nw = json_ints(l2, "world", &want);
            if (same_ids(ids, n_ids, want, nw)) wok++;
            else if (failures++ < 20) printf("FAIL lambada line %ld: World ids differ (%zu ids, want %ld)\n", n, n_ids, nw);
            free(ids);
            free(want);
            t = now();
            if (rwkv_tokenize(pile, text, tlen, &ids, &n_ids, &err) != RWKV_OK) { printf("FAIL lambada %ld: %s\n", n, err.message); failures++; }
            tp += now() - t;
            psum += (long)n_ids;
            nw = json_ints(l2, "pile", &want);
            if (same_ids(ids, n_ids, want, nw)) pok++;
            else if (failures++ < 20) printf("FAIL lambada line %ld: Pile ids differ (%zu ids, want %ld)\n", n, n_ids, nw);
            free(ids);
            free(want);
            free(text);
        }
        printf("LAMBADA: %ld passages; World %ld/%ld agree, %ld tokens (reference %ld); Pile %ld/%ld agree, %ld tokens (reference %ld)\n",
               n, wok, n, wsum, totals[1], pok, n, psum, totals[2]);
        printf("LAMBADA encode time (CPU; this build, sanitized under make test): World %.2f s, Pile %.2f s\n", tw, tp);
        if (n != 5153 || wsum != totals[1] || psum != totals[2] || wok != n || pok != n) failures++;
    }
    free(lam);
    free(lamref);

    {   /* bytes the 20B vocabulary cannot represent are an error, not silently dropped */
        int *ids;
        size_t n_ids;
        if (rwkv_tokenize(pile, "ok\xff", 3, &ids, &n_ids, &err) != RWKV_ERR_ARGUMENT) { printf("FAIL: Pile 0xFF not refused\n"); failures++; free(ids); }
        else printf("Pile refuses byte 0xFF: %s\n", err.message);
    }

    /* 3. 1 MB of one repeated unit (timed) */
    printf("1 MB stress inputs:\n");
    {
        static const struct { const char *label, *unit, *nfc; } units[] = {
            {"'a'", "a", NULL}, {"space", " ", NULL}, {"newline", "\n", NULL},
            {"'ab '", "ab ", NULL}, {"'e' (precomposed)", "\xc3\xa9", NULL},
            {"'e'+U+0301 (NFD)", "e\xcc\x81", "\xc3\xa9"}, {"CJK", "\xe6\x97\xa5", NULL},
            {"emoji", "\xf0\x9f\x98\x80", NULL}, {"combining mark alone", "\xcc\x81", NULL},
            {"NBSP", "\xc2\xa0", NULL}, {"digit", "7", NULL}, {"'!'", "!", NULL},
            {"invalid byte 0x80", "\x80", NULL},
        };
        size_t i;
        char label[80];
        for (i = 0; i < sizeof units / sizeof units[0]; i++) {
            snprintf(label, sizeof label, "World %s", units[i].label);
            failures += stress(world, label, units[i].unit, strlen(units[i].unit), NULL);
            snprintf(label, sizeof label, "Pile %s", units[i].label);
            failures += stress(pile, label, units[i].unit, strlen(units[i].unit), units[i].nfc);
        }
    }
    rwkv_tokenizer_free(world);
    rwkv_tokenizer_free(pile);
    if (failures) { printf("FAIL: %d failures\n", failures); return 1; }
    printf("PASS\n");
    return 0;
}
