/* bench_tokenizer.c - tokenizer throughput (MB/s of English on one core) and vocabulary load
   times. Text: the LAMBADA passages from ../shared/text when present (their "text" fields,
   joined by blank lines), else generated English-like text. Vocabularies from ../shared/vocab
   (without them there is nothing to measure, and the program says so).

   Usage: build/bench_tokenizer [SHARED_DIR] */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#define RWKV_IMPLEMENTATION
#define RWKV_PILE /* linked with tokenizer.c (the Makefile) */
#include "../rwkv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: steadier on a busy machine */
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* The "text" values of a JSON-lines file, joined with "\n\n". */
static char *lambada_text(const char *jsonl, size_t n, size_t *out_len)
{
    char *out = (char *)malloc(n + 1);
    const char *p = jsonl, *end = jsonl + n;
    size_t w = 0;
    while (p < end) {
        const char *eol = (const char *)memchr(p, '\n', (size_t)(end - p));
        char *text = NULL;
        size_t len = 0;
        if (!eol) eol = end;
        if (eol > p && rwkv_json_get_string(p, (size_t)(eol - p), "text", &text, &len, NULL) == RWKV_OK && text) {
            if (w) { out[w++] = '\n'; out[w++] = '\n'; }
            memcpy(out + w, text, len); /* unescaped text is never longer than its line */
            w += len;
        }
        free(text);
        p = eol + 1;
    }
    out[w] = 0;
    *out_len = w;
    return out;
}

static char *generated_text(size_t n)
{
    static const char *words[] = {"the", "of", "and", "to", "a", "in", "that", "is", "was", "he",
                                  "for", "it", "with", "as", "his", "on", "be", "at", "by", "I",
                                  "this", "had", "not", "are", "but", "from", "or", "have", "an",
                                  "they", "which", "one", "you", "were", "her", "all", "she",
                                  "there", "would", "their", "we", "him", "been", "has", "when",
                                  "who", "will", "more", "no", "if", "out", "so", "said", "what",
                                  "up", "its", "about", "into", "than", "them", "can", "only",
                                  "other", "new", "some", "could", "time", "these", "two", "may",
                                  "then", "do", "first", "any", "my", "now", "such", "like", "our",
                                  "over", "man", "me", "even", "most", "made", "after", "also",
                                  "did", "many", "before", "must", "through", "back", "years",
                                  "where", "much", "your", "way", "well", "down", "should",
                                  "because", "each", "just", "those", "people", "Mr.", "how",
                                  "too", "little", "state", "good", "very", "make", "world",
                                  "still", "own", "see", "men", "work", "long", "get", "here",
                                  "between", "both", "life", "being", "under", "never", "day"};
    char *out = (char *)malloc(n + 64);
    size_t w = 0;
    unsigned x = 12345;
    while (w < n) {
        const char *word;
        x = x * 1103515245u + 12345u;
        word = words[(x >> 8) % (sizeof words / sizeof *words)];
        memcpy(out + w, word, strlen(word));
        w += strlen(word);
        out[w++] = ((x >> 20) % 13 == 0) ? '.' : ((x >> 20) % 17 == 0) ? ',' : ' ';
        if (out[w - 1] != ' ') out[w++] = ((x >> 24) % 5 == 0) ? '\n' : ' ';
    }
    out[n] = 0;
    return out;
}

static void bench(const char *name, const rwkv_tokenizer *tok, const char *text, size_t len)
{
    rwkv_error err;
    int *ids;
    size_t n_ids = 0;
    double best = 1e30;
    int rep;
    for (rep = 0; rep < 5; rep++) {
        double t = now();
        if (rwkv_tokenize(tok, text, len, &ids, &n_ids, &err) != RWKV_OK) {
            printf("%s: error: %s\n", name, err.message);
            return;
        }
        t = now() - t;
        if (t < best) best = t;
        free(ids);
    }
    printf("%-6s encode: %7.1f MB/s  (%.2f MB -> %zu tokens, %.1f ms best of 5)\n", name,
           len / best / 1e6, len / 1e6, n_ids, best * 1e3);
    {   /* prompt-sized calls (LAMBADA passages average ~320 bytes): per-call costs show */
        const size_t chunk = 320;
        best = 1e30;
        for (rep = 0; rep < 3; rep++) {
            double t = now();
            size_t off;
            for (off = 0; off < len; off += chunk) {
                size_t n = len - off < chunk ? len - off : chunk;
                if (rwkv_tokenize(tok, text + off, n, &ids, &n_ids, &err) != RWKV_OK) return;
                free(ids);
            }
            t = now() - t;
            if (t < best) best = t;
        }
        printf("%-6s encode in %zu-byte calls: %7.1f MB/s (%.1f us per call)\n", name, chunk,
               len / best / 1e6, best / ((len + chunk - 1) / chunk) * 1e6);
    }
    {   /* decode throughput, streaming */
        rwkv_utf8_stream s;
        char buf[4096];
        size_t i, total = 0;
        double t;
        rwkv_tokenize(tok, text, len, &ids, &n_ids, &err);
        t = now();
        rwkv_utf8_stream_init(&s);
        for (i = 0; i < n_ids; i++) total += rwkv_utf8_stream_push(&s, tok, ids[i], buf, sizeof buf);
        total += rwkv_utf8_stream_flush(&s, buf, sizeof buf);
        t = now() - t;
        printf("%-6s stream decode: %7.1f MB/s (%zu bytes back%s)\n", name, total / t / 1e6, total,
               total == len ? ", equal length" : "");
        free(ids);
    }
}

static rwkv_tokenizer *load(const char *path, const char *name)
{
    rwkv_tokenizer *tok = NULL;
    rwkv_error err;
    double best = 1e30, first = 0;
    int rep;
    for (rep = 0; rep < 5; rep++) {
        double t = now();
        if (tok) rwkv_tokenizer_free(tok);
        if (rwkv_tokenizer_new_from_file(path, &tok, &err) != RWKV_OK) {
            printf("%s: %s\n", name, err.message);
            return NULL;
        }
        t = now() - t;
        if (rep == 0) first = t;
        if (t < best) best = t;
    }
    /* the first load pays the page faults of fresh memory (what a CLI run sees); later ones
       reuse memory malloc kept */
    printf("%-6s vocabulary load: %.1f ms first, %.1f ms best of 5 (%s)\n", name, first * 1e3,
           best * 1e3, path);
    return tok;
}

int main(int argc, char **argv)
{
    const char *shared = argc > 1 ? argv[1] : "../shared";
    char path[1024];
    char *text, *raw;
    size_t len = 0, raw_len;
    rwkv_tokenizer *world, *pile;

    snprintf(path, sizeof path, "%s/text/lambada_test.jsonl", shared);
    if (rwkv_file_read(path, &raw, &raw_len, NULL) == RWKV_OK) {
        text = lambada_text(raw, raw_len, &len);
        free(raw);
        printf("text: LAMBADA test passages (%.2f MB)\n", len / 1e6);
    } else {
        len = 2000000;
        text = generated_text(len);
        printf("text: generated English-like words (%.2f MB; %s absent)\n", len / 1e6, path);
    }
    snprintf(path, sizeof path, "%s/vocab/rwkv_vocab_v20230424.txt", shared);
    world = load(path, "World");
    snprintf(path, sizeof path, "%s/vocab/20B_tokenizer.json", shared);
    pile = load(path, "Pile");
    if (world) bench("World", world, text, len);
    if (pile) bench("Pile", pile, text, len);
    if (!world && !pile) printf("no vocabularies found under %s/vocab: nothing to measure\n", shared);
    rwkv_tokenizer_free(world);
    rwkv_tokenizer_free(pile);
    free(text);
    return 0;
}
