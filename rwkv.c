/* rwkv.c - the command-line tool: info, logits, tokenize, generate, chat, perplexity,
   lambada, bench. Everything model-related lives in rwkv.h (and the Pile tokenizer in
   tokenizer.c, linked in); this file only parses options, moves bytes in and out and
   reports.

   Exit codes: 0 ok, 1 runtime error ("rwkv: error: ..."), 2 usage error. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* sigaction, isatty, clock_gettime, fileno */
#endif

#define RWKV_IMPLEMENTATION
#ifndef RWKV_PILE
#define RWKV_PILE /* tokenizer.c is linked in: Pile models, NFC, the JSON reader */
#endif
#include "rwkv.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ==== reporting and exits =============================================================== */

static const char *cli_command = "rwkv"; /* "rwkv logits" etc., for messages */

static void die(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "rwkv: error: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static void die_err(const rwkv_error *err) { die("%s", err->message); }

/* Usage errors exit 2 and point at --help. */
static void usage_error(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "%s: ", cli_command);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", cli_command);
    exit(2);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) die("out of memory (%zu bytes)", n);
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) die("out of memory (%zu bytes)", n);
    return p;
}

/* ==== output that ends quietly on a closed pipe ========================================== */

/* SIGPIPE is ignored (main), so writing to a closed pipe fails with EPIPE: that is the reader
   going away (`| head`), not an error worth a message. */
static void out_check(void)
{
    if (ferror(stdout)) {
        if (errno == EPIPE) exit(0);
        die("writing standard output: %s", strerror(errno));
    }
}

static void out_write(const void *p, size_t n)
{
    if (n && fwrite(p, 1, n, stdout) != n) out_check();
    out_check();
}

static void out_flush(void)
{
    if (fflush(stdout) != 0) {
        if (errno == EPIPE) exit(0);
        die("writing standard output: %s", strerror(errno));
    }
}

/* ==== strict option values =============================================================== */

static long long parse_int(const char *opt, const char *s, long long lo, long long hi)
{
    char *end;
    long long v;
    errno = 0;
    v = strtoll(s, &end, 10);
    if (end == s || *end != '\0' || errno == ERANGE)
        usage_error("option %s: '%s' is not an integer", opt, s);
    if (v < lo || v > hi)
        usage_error("option %s: %s is out of range [%lld, %lld]", opt, s, lo, hi);
    return v;
}

static double parse_float(const char *opt, const char *s, double lo, double hi)
{
    char *end;
    double v;
    errno = 0;
    v = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || v != v)
        usage_error("option %s: '%s' is not a number", opt, s);
    if (v < lo || v > hi) usage_error("option %s: %s is out of range [%g, %g]", opt, s, lo, hi);
    return v;
}

/* Options are walked with a tiny cursor: `--opt value` and `--opt=value` both work. */
typedef struct args {
    int argc, i;
    char **argv;
    const char *inline_value; /* the part after '=' of the current option, or NULL */
    char opt[64];             /* the current option without "=value" */
} args;

/* Returns the next argument (an option or a positional), NULL at the end. */
static const char *args_next(args *a)
{
    const char *s, *eq;
    if (a->i >= a->argc) return NULL;
    s = a->argv[a->i++];
    a->inline_value = NULL;
    if (s[0] == '-' && s[1] == '-' && (eq = strchr(s, '=')) != NULL) {
        size_t n = (size_t)(eq - s);
        if (n >= sizeof a->opt) n = sizeof a->opt - 1;
        memcpy(a->opt, s, n);
        a->opt[n] = '\0';
        a->inline_value = eq + 1;
        return a->opt;
    }
    return s;
}

static const char *args_value(args *a, const char *opt)
{
    if (a->inline_value) return a->inline_value;
    if (a->i >= a->argc) usage_error("option %s needs a value", opt);
    return a->argv[a->i++];
}

static int is_opt(const char *s, const char *short_name, const char *long_name)
{
    return (short_name && strcmp(s, short_name) == 0) || (long_name && strcmp(s, long_name) == 0);
}

static int is_help(const char *s) { return strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0; }

static void print_help(const char *text)
{
    fputs(text, stdout);
    out_flush();
    exit(0);
}

/* ==== files =============================================================================== */

/* Reads a whole file ("-" or NULL = stdin) into a malloc'd buffer. */
static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = (!path || strcmp(path, "-") == 0) ? stdin : fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0;
    if (!f) die("cannot open '%s': %s", path, strerror(errno));
    for (;;) {
        size_t got;
        if (cap - n < 65536) {
            cap = cap ? cap * 2 : 65536 * 2;
            buf = (unsigned char *)xrealloc(buf, cap);
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    if (ferror(f)) die("reading '%s': %s", path ? path : "standard input", strerror(errno));
    if (f != stdin) fclose(f);
    buf[n] = '\0'; /* handy for text, not counted */
    *len = n;
    return buf;
}

static rwkv_model *open_model(const char *path, int n_threads)
{
    rwkv_model *model = NULL;
    rwkv_error err;
    if (rwkv_model_open(path, &model, &err) != RWKV_OK) die_err(&err);
    if (n_threads > 0) rwkv_model_set_threads(model, n_threads);
    return model;
}

static rwkv_state *new_state(const rwkv_model *model)
{
    rwkv_state *state;
    rwkv_error err;
    if (rwkv_state_new(model, &state, &err) != RWKV_OK) die_err(&err);
    return state;
}

/* The tokenizer a model declares in its metadata, as rwkv.c names it. */
static const char *model_tokenizer_name(const rwkv_model *model, char *buf, size_t cap)
{
    size_t len = 0;
    const char *s = rwkv_model_get_meta_string(model, "tokenizer.ggml.model", &len);
    if (!s) return "bytes (no tokenizer.ggml.model: token = byte)";
    if (len == 4 && memcmp(s, "rwkv", 4) == 0) return "world (tokenizer.ggml.model = rwkv)";
    if (len == 4 && memcmp(s, "gpt2", 4) == 0) return "pile (tokenizer.ggml.model = gpt2)";
    snprintf(buf, cap, "unknown (tokenizer.ggml.model = %.*s)", (int)(len > 64 ? 64 : len), s);
    return buf;
}

/* ==== info ================================================================================ */

static const char help_info[] =
    "usage: rwkv info -m MODEL\n"
    "\n"
    "Prints the model's architecture (version incl. minor, e.g. 5.2), sizes, vocabulary and\n"
    "tokenizer, tensor counts, bytes and bits per weight of each type (F16, Q4_K...), the\n"
    "weight bytes read per generated token "
    "and the file size.\n"
    "\n"
    "  -m, --model MODEL   GGUF model file (see docs/FORMAT.md)\n"
    "  -h, --help          this help\n";

static void print_bytes_line(const char *label, uint64_t bytes)
{
    printf("%-18s %llu (%.2f MiB)\n", label, (unsigned long long)bytes,
           (double)bytes / (1024.0 * 1024.0));
}

static int cmd_info(args *a)
{
    const char *model_path = NULL, *s;
    rwkv_model *model;
    rwkv_model_info info;
    char tokbuf[128];
    size_t name_len = 0;
    const char *name;
    uint64_t all_bytes = 0;
    int t;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_info);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else usage_error("unknown argument '%s'", s);
    }
    if (!model_path) usage_error("-m MODEL is required");

    model = open_model(model_path, 0);
    rwkv_model_get_info(model, &info);
    name = rwkv_model_get_meta_string(model, "general.name", &name_len);

    printf("%-18s %s\n", "file:", model_path);
    if (name) printf("%-18s %.*s\n", "name:", (int)(name_len > 200 ? 200 : name_len), name);
    if (info.version == 5)
        printf("%-18s RWKV v%d.%d\n", "architecture:", info.version, info.version_minor);
    else
        printf("%-18s RWKV v%d\n", "architecture:", info.version);
    printf("%-18s %d\n", "layers:", info.n_layer);
    printf("%-18s %d\n", "embedding:", info.n_embd);
    printf("%-18s %d\n", "ffn:", info.n_ffn);
    if (info.head_size > 0)
        printf("%-18s %d heads x head size %d\n", "heads:", info.n_head, info.head_size);
    else
        printf("%-18s none (v4: per-channel WKV)\n", "heads:");
    printf("%-18s %d\n", "vocab:", info.n_vocab);
    printf("%-18s %s\n", "tokenizer:", model_tokenizer_name(model, tokbuf, sizeof tokbuf));
    printf("%-18s %s\n", "tuned state:", info.has_time_state ? "yes (time_state)" : "no");
    printf("%-18s %g\n", "layer norm eps:", (double)info.layer_norm_eps);
    if (info.version >= 5) printf("%-18s %g\n", "group norm eps:", (double)info.group_norm_eps);
    printf("%-18s %llu\n", "tensors:", (unsigned long long)info.n_tensors);
    for (t = 0; t < RWKV_TYPE_COUNT; t++) {
        if (!info.tensors_of_type[t]) continue;
        all_bytes += info.bytes_of_type[t];
        printf("  %-16s %llu tensors, %llu bytes (%.2f MiB), %.2f bits per weight\n",
               rwkv_type_name(t), (unsigned long long)info.tensors_of_type[t],
               (unsigned long long)info.bytes_of_type[t],
               (double)info.bytes_of_type[t] / (1024.0 * 1024.0),
               8.0 * (double)info.bytes_of_type[t] / (double)info.weights_of_type[t]);
    }
    printf("%-18s %llu (%.2f bits per weight)\n", "weights:",
           (unsigned long long)info.n_weights,
           info.n_weights ? 8.0 * (double)all_bytes / (double)info.n_weights : 0.0);
    print_bytes_line("bytes per token:", info.bytes_per_token);
    print_bytes_line("file size:", info.file_size);
    out_flush();
    rwkv_model_close(model);
    return 0;
}

/* ==== logits ============================================================================== */

static const char help_logits[] =
    "usage: rwkv logits -m MODEL -t IDS -o OUT [--seq] [--state-out FILE]\n"
    "\n"
    "Feeds the token ids IDS from a fresh state and writes the logits after every token to\n"
    "OUT: T rows of n_vocab float32, little-endian, row-major (row i = after token i).\n"
    "\n"
    "  -m, --model MODEL    GGUF model file\n"
    "  -t, --tokens IDS     comma-separated token ids, e.g. 34,105,110\n"
    "  -o, --output OUT     output file ('-' = standard output)\n"
    "      --seq            one rwkv_eval_seq call over all tokens (all_logits=1) instead of\n"
    "                       one rwkv_eval per token\n"
    "      --threads N      threads for the evaluation (default 1)\n"
    "      --state-out FILE save the state after the last token (rwkv_state_save_file)\n"
    "  -h, --help           this help\n";

/* "34,105,110" -> ids; every id must be a plain non-negative integer. */
static int *parse_id_list(const char *opt, const char *s, size_t *n_out)
{
    size_t n = 0, cap = 16;
    int *ids = (int *)xmalloc(cap * sizeof *ids);
    const char *p = s;
    if (!*s) usage_error("option %s: empty token list", opt);
    for (;;) {
        char buf[32];
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == 0 || len >= sizeof buf) usage_error("option %s: bad token list '%s'", opt, s);
        memcpy(buf, p, len);
        buf[len] = '\0';
        if (n == cap) ids = (int *)xrealloc(ids, (cap *= 2) * sizeof *ids);
        ids[n++] = (int)parse_int(opt, buf, 0, INT_MAX);
        if (!comma) break;
        p = comma + 1;
    }
    *n_out = n;
    return ids;
}

/* float32 little-endian whatever the host order. */
static void write_f32le(FILE *f, const float *x, size_t n, const char *path)
{
    unsigned char buf[4096];
    size_t i = 0;
    while (i < n) {
        size_t k = 0;
        for (; i < n && k + 4 <= sizeof buf; i++, k += 4) {
            uint32_t bits;
            memcpy(&bits, &x[i], 4);
            buf[k] = (unsigned char)bits;
            buf[k + 1] = (unsigned char)(bits >> 8);
            buf[k + 2] = (unsigned char)(bits >> 16);
            buf[k + 3] = (unsigned char)(bits >> 24);
        }
        if (fwrite(buf, 1, k, f) != k) {
            if (f == stdout) out_check();
            die("writing '%s': %s", path, strerror(errno));
        }
    }
}

static int cmd_logits(args *a)
{
    const char *model_path = NULL, *out_path = NULL, *state_out = NULL, *s;
    int *ids = NULL, seq = 0, n_threads = 0, n_vocab;
    size_t n = 0, i;
    rwkv_model *model;
    rwkv_state *state;
    rwkv_error err;
    float *logits;
    FILE *f;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_logits);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (is_opt(s, "-t", "--tokens")) { free(ids); ids = parse_id_list(s, args_value(a, s), &n); }
        else if (is_opt(s, "-o", "--output")) out_path = args_value(a, s);
        else if (is_opt(s, NULL, "--seq")) seq = 1;
        else if (is_opt(s, NULL, "--threads")) n_threads = (int)parse_int(s, args_value(a, s), 1, 1024);
        else if (is_opt(s, NULL, "--state-out")) state_out = args_value(a, s);
        else usage_error("unknown argument '%s'", s);
    }
    if (!model_path) usage_error("-m MODEL is required");
    if (!ids) usage_error("-t IDS is required");
    if (!out_path) usage_error("-o OUT is required");

    model = open_model(model_path, n_threads);
    n_vocab = rwkv_model_get_n_vocab(model);
    state = new_state(model);
    logits = (float *)xmalloc(n * (size_t)n_vocab * sizeof *logits);
    if (seq) {
        if (rwkv_eval_seq(state, ids, n, logits, 1, &err) != RWKV_OK) die_err(&err);
    } else {
        for (i = 0; i < n; i++)
            if (rwkv_eval(state, ids[i], logits + i * (size_t)n_vocab, &err) != RWKV_OK)
                die_err(&err);
    }
    f = strcmp(out_path, "-") == 0 ? stdout : fopen(out_path, "wb");
    if (!f) die("cannot create '%s': %s", out_path, strerror(errno));
    write_f32le(f, logits, n * (size_t)n_vocab, out_path);
    if (f == stdout) out_flush();
    else if (fclose(f) != 0) die("writing '%s': %s", out_path, strerror(errno));
    if (state_out && rwkv_state_save_file(state, state_out, &err) != RWKV_OK) die_err(&err);

    free(logits);
    free(ids);
    rwkv_state_free(state);
    rwkv_model_close(model);
    return 0;
}

/* ==== tokenizers ========================================================================== */

static rwkv_tokenizer *load_tokenizer(const rwkv_model *model, const char *vocab_path)
{
    rwkv_tokenizer *tok;
    rwkv_error err;
    if (vocab_path) {
        if (rwkv_tokenizer_new_from_file(vocab_path, &tok, &err) != RWKV_OK) die_err(&err);
    } else {
        if (rwkv_tokenizer_new_from_model(model, &tok, &err) != RWKV_OK) die_err(&err);
    }
    return tok;
}

static int *tokenize_or_die(const rwkv_tokenizer *tok, const char *text, size_t len, size_t *n)
{
    int *ids = NULL;
    rwkv_error err;
    if (rwkv_tokenize(tok, text, len, &ids, n, &err) != RWKV_OK) die_err(&err);
    return ids;
}

/* ==== tokenize ============================================================================ */

static const char help_tokenize[] =
    "usage: rwkv tokenize (-m MODEL | --vocab PATH) [--decode] [FILE]\n"
    "\n"
    "Reads FILE (default: standard input) and writes its token ids separated by single spaces,\n"
    "then a newline. The input is taken as raw bytes (no newline is stripped or added).\n"
    "With --decode, reads whitespace-separated ids and writes the raw bytes of the tokens.\n"
    "\n"
    "  -m, --model MODEL   use the tokenizer stored in the model (byte-level when it has none)\n"
    "      --vocab PATH    rwkv_vocab_v20230424.txt (World) or 20B_tokenizer.json (Pile)\n"
    "      --decode        ids to bytes instead of bytes to ids\n"
    "  -h, --help          this help\n";

static int cmd_tokenize(args *a)
{
    const char *model_path = NULL, *vocab_path = NULL, *file = NULL, *s;
    int decode = 0;
    rwkv_model *model = NULL;
    rwkv_tokenizer *tok;
    unsigned char *data;
    size_t len, i;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_tokenize);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (is_opt(s, NULL, "--vocab")) vocab_path = args_value(a, s);
        else if (is_opt(s, NULL, "--decode")) decode = 1;
        else if (s[0] == '-' && s[1] != '\0') usage_error("unknown option '%s'", s);
        else if (file) usage_error("only one input file, got '%s' and '%s'", file, s);
        else file = s;
    }
    if (!model_path == !vocab_path) usage_error("give exactly one of -m MODEL and --vocab PATH");
    if (model_path) model = open_model(model_path, 0);
    tok = load_tokenizer(model, vocab_path);
    data = read_all(file, &len);

    if (!decode) {
        size_t n;
        int *ids = tokenize_or_die(tok, (const char *)data, len, &n);
        char buf[16];
        for (i = 0; i < n; i++) {
            int k = snprintf(buf, sizeof buf, i ? " %d" : "%d", ids[i]);
            out_write(buf, (size_t)k);
        }
        out_write("\n", 1);
        free(ids);
    } else {
        const char *p = (const char *)data, *end = p + len;
        while (p < end) {
            char *stop;
            long v;
            const char *bytes;
            size_t blen;
            while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
            if (p >= end) break;
            errno = 0;
            v = strtol(p, &stop, 10);
            if (stop == p || errno || (stop < end && !strchr(" \t\r\n", *stop)) || v < 0 ||
                v > INT_MAX)
                die("--decode: '%.20s' is not a token id (input byte %zu)", p,
                    (size_t)(p - (const char *)data));
            bytes = rwkv_tokenizer_get_token(tok, (int)v, &blen);
            if (!bytes) die("--decode: token id %ld is not in the vocabulary", v);
            out_write(bytes, blen);
            p = stop;
        }
    }
    out_flush();
    free(data);
    rwkv_tokenizer_free(tok);
    if (model) rwkv_model_close(model);
    return 0;
}

/* ==== streaming text out: UTF-8 safe, stop strings held back ============================ */

typedef struct emitter {
    const rwkv_tokenizer *tok;
    rwkv_utf8_stream utf8;
    const char *const *stops; /* a stop string ends the text; it is not printed */
    int n_stops;
    char *pending;            /* complete UTF-8 not printed yet: it may start a stop string */
    size_t n_pending, cap;
    int stopped;
    int stop_index;           /* which stop string ended the text */
    size_t printed;           /* bytes written to stdout */
} emitter;

static void emitter_init(emitter *e, const rwkv_tokenizer *tok, const char *const *stops,
                         int n_stops)
{
    memset(e, 0, sizeof *e);
    e->tok = tok;
    e->stops = stops;
    e->n_stops = n_stops;
    rwkv_utf8_stream_init(&e->utf8);
}

/* Room for n more bytes after the pending ones; returns where they go. */
static char *emitter_room(emitter *e, size_t n)
{
    if (e->n_pending + n + 1 > e->cap) {
        e->cap = (e->n_pending + n + 1) * 2;
        e->pending = (char *)xrealloc(e->pending, e->cap);
    }
    return e->pending + e->n_pending;
}

static void emitter_print(emitter *e, size_t n)
{
    out_write(e->pending, n);
    e->printed += n;
    memmove(e->pending, e->pending + n, e->n_pending - n);
    e->n_pending -= n;
}

/* Prints what is certain not to belong to a stop string; returns 1 when a stop string
   appeared (the text before it is printed, the rest dropped). */
static int emitter_settle(emitter *e)
{
    size_t hold = 0, first = (size_t)-1;
    int k, which = -1;
    for (k = 0; k < e->n_stops; k++) {
        size_t sl = strlen(e->stops[k]), i;
        if (!sl || e->n_pending < sl) goto partial;
        for (i = 0; i + sl <= e->n_pending; i++)
            if (memcmp(e->pending + i, e->stops[k], sl) == 0) {
                if (i < first) { first = i; which = k; }
                break;
            }
    partial:
        /* the longest tail of pending that is a proper prefix of this stop string */
        for (i = sl ? sl - 1 : 0; i > hold; i--)
            if (i <= e->n_pending && memcmp(e->pending + e->n_pending - i, e->stops[k], i) == 0) {
                hold = i;
                break;
            }
    }
    if (first != (size_t)-1) {
        emitter_print(e, first);
        e->n_pending = 0;
        e->stopped = 1;
        e->stop_index = which;
        return 1;
    }
    emitter_print(e, e->n_pending - hold);
    return 0;
}

static int emitter_push(emitter *e, int token)
{
    size_t tlen = 0;
    char *out;
    if (!rwkv_tokenizer_get_token(e->tok, token, &tlen)) tlen = 0;
    out = emitter_room(e, tlen + 8); /* the UTF-8 stream adds at most 4 held-back bytes */
    e->n_pending += rwkv_utf8_stream_push(&e->utf8, e->tok, token, out, tlen + 8);
    return emitter_settle(e);
}

/* End of the text: whatever is held back is printed (an incomplete UTF-8 tail as is). */
static void emitter_finish(emitter *e)
{
    size_t n = rwkv_utf8_stream_flush(&e->utf8, emitter_room(e, 8), 8);
    if (!e->stopped) {
        e->n_pending += n;
        emitter_print(e, e->n_pending);
    }
    out_flush();
}

static void emitter_free(emitter *e) { free(e->pending); }

/* ==== sampling options shared by generate and chat ======================================= */

typedef struct gen_opts {
    rwkv_sampler_params sp;
    int seed_given;
    int n_predict;
    int n_threads;
    const char *vocab_path;
    const char *stops[32];
    int n_stops;
} gen_opts;

#define SAMPLING_HELP                                                                          \
    "      --temp T             temperature (default 1.0; 0 = greedy)\n"                        \
    "      --top-p P            nucleus: keep the most probable tokens up to cumulative P,\n"   \
    "                           taken before temperature (default 0.85; 1 = off)\n"             \
    "      --top-k K            keep the K most probable tokens (default 0 = off)\n"            \
    "      --min-p P            drop tokens below P x the top probability (default 0 = off)\n"  \
    "      --presence-penalty X subtract X from the logit of every token already generated\n"   \
    "                           (default 0.2)\n"                                                \
    "      --frequency-penalty X  subtract X x count (default 0.2); space, tab and digit\n"     \
    "                           tokens do not add to their count (ChatRWKV's rule, the\n"       \
    "                           library sampler's default)\n"                                   \
    "      --penalty-decay D    counts are multiplied by D per generated token (default 0.996)\n" \
    "      --seed N             random seed (default: from the clock; printed with the stats)\n"

/* --stop values: "\n", "\t", "\r" and "\\" escapes are decoded (in place: argv). */
static const char *stop_arg(char *v)
{
    char *r = v, *w = v;
    if (!*v) usage_error("option --stop: empty string");
    while (*r) {
        if (r[0] == '\\' && (r[1] == 'n' || r[1] == 't' || r[1] == 'r' || r[1] == '\\')) {
            *w++ = r[1] == 'n' ? '\n' : r[1] == 't' ? '\t' : r[1] == 'r' ? '\r' : '\\';
            r += 2;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    return v;
}

/* Returns 1 if s was an option that generate and chat share (and consumed its value):
   sampling, -t, --stop, --vocab. */
static int parse_gen_opt(args *a, const char *s, gen_opts *g)
{
    if (is_opt(s, "-t", "--threads"))
        g->n_threads = (int)parse_int(s, args_value(a, s), 1, 1024);
    else if (is_opt(s, NULL, "--stop")) {
        const char *v = stop_arg((char *)args_value(a, s));
        if (g->n_stops == 32) usage_error("option --stop: at most 32 stop strings");
        g->stops[g->n_stops++] = v;
    } else if (is_opt(s, NULL, "--vocab"))
        g->vocab_path = args_value(a, s);
    else if (is_opt(s, NULL, "--temp"))
        g->sp.temperature = (float)parse_float(s, args_value(a, s), 0.0, 100.0);
    else if (is_opt(s, NULL, "--top-p"))
        g->sp.top_p = (float)parse_float(s, args_value(a, s), 0.0, 1.0);
    else if (is_opt(s, NULL, "--top-k"))
        g->sp.top_k = (int)parse_int(s, args_value(a, s), 0, INT_MAX);
    else if (is_opt(s, NULL, "--min-p"))
        g->sp.min_p = (float)parse_float(s, args_value(a, s), 0.0, 1.0);
    else if (is_opt(s, NULL, "--presence-penalty"))
        g->sp.presence_penalty = (float)parse_float(s, args_value(a, s), -100.0, 100.0);
    else if (is_opt(s, NULL, "--frequency-penalty"))
        g->sp.frequency_penalty = (float)parse_float(s, args_value(a, s), -100.0, 100.0);
    else if (is_opt(s, NULL, "--penalty-decay"))
        g->sp.penalty_decay = (float)parse_float(s, args_value(a, s), 0.0, 1.0);
    else if (is_opt(s, NULL, "--seed")) {
        const char *v = args_value(a, s);
        char *end;
        unsigned long long x = 0;
        errno = 0;
        if (v[0] == '-' || (x = strtoull(v, &end, 10), end == v || *end || errno == ERANGE))
            usage_error("option %s: '%s' is not an integer in [0, 2^64)", s, v);
        g->sp.seed = (uint64_t)x;
        g->seed_given = 1;
    } else
        return 0;
    return 1;
}

static void gen_opts_init(gen_opts *g, int n_predict)
{
    memset(g, 0, sizeof *g);
    rwkv_sampler_params_default(&g->sp);
    g->n_predict = n_predict;
}

static void gen_opts_seed(gen_opts *g)
{
    if (!g->seed_given) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        g->sp.seed = (uint64_t)ts.tv_sec * 1000000007ull + (uint64_t)ts.tv_nsec +
                     ((uint64_t)getpid() << 32);
    }
}

static rwkv_sampler *make_sampler(const gen_opts *g, const rwkv_model *model,
                                  const rwkv_tokenizer *tok)
{
    rwkv_sampler *s;
    rwkv_error err;
    if (rwkv_sampler_new(&g->sp, rwkv_model_get_n_vocab(model), &s, &err) != RWKV_OK) die_err(&err);
    rwkv_sampler_set_tokenizer(s, tok); /* the library's space/digit rule needs the tokens */
    return s;
}

static int sample_or_die(rwkv_sampler *s, const float *logits)
{
    int t;
    rwkv_error err;
    if (rwkv_sampler_sample(s, logits, &t, &err) != RWKV_OK) die_err(&err);
    return t;
}

static void eval_or_die(rwkv_state *st, int token, float *logits)
{
    rwkv_error err;
    if (rwkv_eval(st, token, logits, &err) != RWKV_OK) die_err(&err);
}

static void eval_seq_or_die(rwkv_state *st, const int *ids, size_t n, float *logits, int all)
{
    rwkv_error err;
    if (n && rwkv_eval_seq(st, ids, n, logits, all, &err) != RWKV_OK) die_err(&err);
}

/* ==== generate ============================================================================ */

static const char help_generate[] =
    "usage: rwkv [generate] -m MODEL [-p TEXT | -f FILE] [options]\n"
    "\n"
    "Continues a prompt (from -p, -f, or standard input when neither is given), streaming the\n"
    "text as it is generated. Stops after -n tokens, at end-of-text (token 0) or at a --stop\n"
    "string (not printed). The speed goes to standard error at the end unless --quiet.\n"
    "An empty prompt starts from end-of-text (token 0), as a new document.\n"
    "\n"
    "  -m, --model MODEL        GGUF model file\n"
    "  -p, --prompt TEXT        the prompt\n"
    "  -f, --file FILE          read the prompt from FILE (raw bytes)\n"
    "  -n, --tokens N           tokens to generate (default 200)\n"
    "  -t, --threads N          threads (default 1)\n"
    "      --stop STR           stop when STR is generated (repeatable, up to 32; the\n"
    "                           escapes \\n \\t \\r \\\\ are decoded)\n"
    "      --state-in FILE      start from a saved state instead of the model's initial one\n"
    "      --state-out FILE     save the state after the prompt and every printed token\n"
    "      --vocab PATH         tokenizer file, for models that do not embed one\n"
    "  -q, --quiet              no statistics on standard error\n"
    SAMPLING_HELP
    "  -h, --help               this help\n";

static int cmd_generate(args *a)
{
    const char *model_path = NULL, *prompt = NULL, *prompt_file = NULL, *s;
    const char *state_in = NULL, *state_out = NULL;
    int quiet = 0, i, n_gen = 0, V;
    gen_opts g;
    rwkv_model *model;
    rwkv_tokenizer *tok;
    rwkv_state *state;
    rwkv_sampler *sampler;
    rwkv_error err;
    unsigned char *text = NULL;
    size_t text_len, n_prompt;
    int *ids;
    float *logits;
    emitter em;
    double t0, t1, t2;

    gen_opts_init(&g, 200);
    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_generate);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (is_opt(s, "-p", "--prompt")) prompt = args_value(a, s);
        else if (is_opt(s, "-f", "--file")) prompt_file = args_value(a, s);
        else if (is_opt(s, "-n", "--tokens")) g.n_predict = (int)parse_int(s, args_value(a, s), 0, INT_MAX);
        else if (is_opt(s, NULL, "--state-in")) state_in = args_value(a, s);
        else if (is_opt(s, NULL, "--state-out")) state_out = args_value(a, s);
        else if (is_opt(s, "-q", "--quiet")) quiet = 1;
        else if (parse_gen_opt(a, s, &g)) {}
        else usage_error("unknown argument '%s'", s);
    }
    if (!model_path) usage_error("-m MODEL is required");
    if (prompt && prompt_file) usage_error("give -p TEXT or -f FILE, not both");
    gen_opts_seed(&g);

    if (prompt) {
        text_len = strlen(prompt);
    } else {
        if (!prompt_file && isatty(0))
            usage_error("no prompt: give -p TEXT, -f FILE, or pipe the prompt into stdin");
        text = read_all(prompt_file, &text_len);
        prompt = (const char *)text;
    }

    model = open_model(model_path, g.n_threads);
    V = rwkv_model_get_n_vocab(model);
    tok = load_tokenizer(model, g.vocab_path);
    state = new_state(model);
    if (state_in && rwkv_state_load_file(state, state_in, &err) != RWKV_OK) die_err(&err);
    ids = tokenize_or_die(tok, prompt, text_len, &n_prompt);
    if (n_prompt == 0) {
        if (state_in)
            usage_error("a prompt is needed to continue from --state-in (the state holds no logits)");
        free(ids);
        ids = (int *)xmalloc(sizeof *ids);
        ids[0] = 0; /* end-of-text: a document starts */
        n_prompt = 1;
    }
    logits = (float *)xmalloc((size_t)V * sizeof *logits);
    sampler = make_sampler(&g, model, tok);
    rwkv_sampler_ban(sampler, 0, 1); /* at least one token: no end-of-text first */

    t0 = now_seconds();
    eval_seq_or_die(state, ids, n_prompt, logits, 0);
    t1 = now_seconds();

    emitter_init(&em, tok, g.stops, g.n_stops);
    for (i = 0; i < g.n_predict; i++) {
        int stop, last = sample_or_die(sampler, logits);
        if (i == 0) rwkv_sampler_ban(sampler, 0, 0);
        if (last == 0) break; /* end-of-text */
        rwkv_sampler_accept(sampler, last);
        n_gen++;
        stop = emitter_push(&em, last);
        out_flush();
        /* the state reads every printed token (so --state-out continues exactly after the
           text), except that the very last one needs no logits when nothing is saved */
        if ((stop || i + 1 == g.n_predict) && !state_out) break;
        eval_or_die(state, last, logits);
        if (stop) break;
    }
    emitter_finish(&em);
    t2 = now_seconds();

    if (state_out && rwkv_state_save_file(state, state_out, &err) != RWKV_OK) die_err(&err);
    if (!quiet) {
        fprintf(stderr, "\n[prompt: %zu tokens, %.1f tokens/s | generated: %d tokens, %.2f ms/token"
                        " | seed %llu]\n",
                n_prompt, (double)n_prompt / (t1 - t0 > 0 ? t1 - t0 : 1e-9), n_gen,
                n_gen ? (t2 - t1) * 1000.0 / n_gen : 0.0, (unsigned long long)g.sp.seed);
    }
    emitter_free(&em);
    free(logits);
    free(ids);
    free(text);
    rwkv_sampler_free(sampler);
    rwkv_state_free(state);
    rwkv_tokenizer_free(tok);
    rwkv_model_close(model);
    return 0;
}

/* ==== chat ================================================================================ */

static volatile sig_atomic_t chat_interrupted = 0;

static void on_sigint(int sig)
{
    (void)sig;
    chat_interrupted = 1;
}

static const char help_chat[] =
    "usage: rwkv chat -m MODEL [options]\n"
    "\n"
    "Interactive chat in the World models' format:\n"
    "    [System: SYSTEM\\n\\n]User: MESSAGE\\n\\nAssistant: REPLY\\n\\nUser: ...\n"
    "Each line read from standard input is one message (a terminal or a pipe); end a line\n"
    "with a backslash to continue the message on the next line. The state is\n"
    "kept between turns, so the history is never processed again. A reply ends at a blank\n"
    "line (the turn boundary), at -n tokens or at Ctrl-C (which interrupts the reply, not the\n"
    "chat). Blank lines inside a message are collapsed so they cannot end the turn early.\n"
    "Commands: /reset (forget the conversation), /save FILE, /load FILE (the state at a turn\n"
    "boundary), /quit (or end of input).\n"
    "\n"
    "  -m, --model MODEL        GGUF model file\n"
    "      --system TEXT        system prompt, fed once at the start (and after /reset)\n"
    "  -n, --tokens N           at most N tokens per reply (default 500)\n"
    "  -t, --threads N          threads (default 1)\n"
    "      --stop STR           also end a reply at STR (repeatable; \\n \\t \\r \\\\ decoded)\n"
    "      --vocab PATH         tokenizer file, for models that do not embed one\n"
    SAMPLING_HELP
    "  -h, --help               this help\n";

/* Trims the message and collapses every run of line breaks (with blanks between them) into
   one '\n': "\n\n" marks the end of a turn in this format. In place. */
static size_t normalize_message(char *m, size_t n)
{
    size_t r = 0, w = 0;
    while (n && (m[n - 1] == '\n' || m[n - 1] == '\r' || m[n - 1] == ' ' || m[n - 1] == '\t')) n--;
    while (r < n && (m[r] == ' ' || m[r] == '\t' || m[r] == '\n' || m[r] == '\r')) r++;
    while (r < n) {
        if (m[r] == '\n' || m[r] == '\r') {
            size_t q = r;
            while (q < n && (m[q] == '\n' || m[q] == '\r' || m[q] == ' ' || m[q] == '\t')) q++;
            m[w++] = '\n';
            r = q;
        } else {
            m[w++] = m[r++];
        }
    }
    m[w] = '\0';
    return w;
}

typedef struct chat {
    rwkv_model *model;
    rwkv_tokenizer *tok;
    rwkv_state *state, *initial; /* initial: after the system prompt, for /reset */
    rwkv_sampler *sampler;
    float *logits;
    gen_opts g;
} chat;

static void chat_feed(chat *c, const char *text, size_t len)
{
    size_t n;
    int *ids = tokenize_or_die(c->tok, text, len, &n);
    eval_seq_or_die(c->state, ids, n, c->logits, 0);
    free(ids);
}

static void chat_reply(chat *c)
{
    const char *stops[33];
    int i, n_stops = 0, stopped = 0;
    emitter em;
    stops[n_stops++] = "\n\n";
    for (i = 0; i < c->g.n_stops; i++) stops[n_stops++] = c->g.stops[i];
    emitter_init(&em, c->tok, stops, n_stops);
    rwkv_sampler_reset_penalties(c->sampler); /* ChatRWKV counts per reply */
    chat_interrupted = 0;
    for (i = 0; i < c->g.n_predict && !chat_interrupted; i++) {
        int t = sample_or_die(c->sampler, c->logits);
        rwkv_sampler_accept(c->sampler, t);
        stopped = emitter_push(&em, t);
        out_flush();
        eval_or_die(c->state, t, c->logits);
        if (stopped) break;
    }
    emitter_finish(&em);
    /* the state has read the blank line only when the model wrote it; after -n, Ctrl-C or
       a --stop string, close the turn so the format stays intact */
    if (!stopped || em.stop_index != 0) chat_feed(c, "\n\n", 2);
    if (chat_interrupted) fprintf(stderr, "\n[interrupted]\n");
    out_write("\n\n", 2);
    out_flush();
    emitter_free(&em);
}

/* Model, tokenizer, states and sampler; the system prompt fed and the state after it kept
   for /reset. */
static void chat_open(chat *c, const char *model_path, const char *system)
{
    rwkv_error err;
    c->model = open_model(model_path, c->g.n_threads);
    c->tok = load_tokenizer(c->model, c->g.vocab_path);
    c->state = new_state(c->model);
    c->initial = new_state(c->model);
    c->logits = (float *)xmalloc((size_t)rwkv_model_get_n_vocab(c->model) * sizeof(float));
    c->sampler = make_sampler(&c->g, c->model, c->tok);
    rwkv_sampler_ban(c->sampler, 0, 1); /* a reply ends at the blank line, never at end-of-text */
    if (system) {
        size_t n = strlen(system);
        char *m = (char *)xmalloc(n + 16), *turn;
        int k;
        memcpy(m, system, n + 1);
        n = normalize_message(m, n);
        turn = (char *)xmalloc(n + 16);
        k = snprintf(turn, n + 16, "System: %s\n\n", m);
        chat_feed(c, turn, (size_t)k);
        free(turn);
        free(m);
    }
    if (rwkv_state_copy(c->initial, c->state, &err) != RWKV_OK) die_err(&err);
}

static void chat_close(chat *c)
{
    free(c->logits);
    rwkv_sampler_free(c->sampler);
    rwkv_state_free(c->state);
    rwkv_state_free(c->initial);
    rwkv_tokenizer_free(c->tok);
    rwkv_model_close(c->model);
}

/* One message from stdin into *line: a line, joined with the next while it ends in a
   backslash. Returns its length, or -1 at the end of input or on an error (errno). */
static ssize_t chat_read_message(char **line, size_t *line_cap)
{
    ssize_t got = getline(line, line_cap, stdin);
    while (got > 0) {
        size_t k = (size_t)got;
        char *more = NULL;
        size_t more_cap = 0;
        ssize_t m;
        while (k && ((*line)[k - 1] == '\n' || (*line)[k - 1] == '\r')) k--;
        if (!k || (*line)[k - 1] != '\\') break;
        (*line)[k - 1] = '\n';
        m = getline(&more, &more_cap, stdin);
        if (m <= 0) {
            free(more);
            return (ssize_t)k;
        }
        if (k + (size_t)m + 1 > *line_cap) {
            *line_cap = k + (size_t)m + 1;
            *line = (char *)xrealloc(*line, *line_cap);
        }
        memcpy(*line + k, more, (size_t)m + 1);
        got = (ssize_t)(k + (size_t)m);
        free(more);
    }
    return got;
}

/* A /command line (the command and its argument split in place). Returns 1 for /quit. */
static int chat_command(chat *c, char *line)
{
    rwkv_error err;
    char *arg = strchr(line, ' ');
    if (arg) { *arg++ = '\0'; while (*arg == ' ') arg++; }
    if (strcmp(line, "/quit") == 0 || strcmp(line, "/exit") == 0) return 1;
    if (strcmp(line, "/reset") == 0) {
        if (rwkv_state_copy(c->state, c->initial, &err) != RWKV_OK) die_err(&err);
        fprintf(stderr, "[conversation reset]\n");
    } else if (strcmp(line, "/save") == 0 && arg && *arg) {
        if (rwkv_state_save_file(c->state, arg, &err) != RWKV_OK)
            fprintf(stderr, "rwkv: error: %s\n", err.message);
        else
            fprintf(stderr, "[state saved to %s]\n", arg);
    } else if (strcmp(line, "/load") == 0 && arg && *arg) {
        if (rwkv_state_load_file(c->state, arg, &err) != RWKV_OK)
            fprintf(stderr, "rwkv: error: %s\n", err.message);
        else
            fprintf(stderr, "[state loaded from %s]\n", arg);
    } else {
        fprintf(stderr, "commands: /reset, /save FILE, /load FILE, /quit\n");
    }
    return 0;
}

/* One user turn: the message is fed (echoed when stdin is not a terminal), then the reply. */
static void chat_turn(chat *c, const char *message, size_t n, int tty_in)
{
    char *turn = (char *)xmalloc(n + 32);
    int k = snprintf(turn, n + 32, "User: %s\n\nAssistant:", message);
    chat_feed(c, turn, (size_t)k);
    if (!tty_in) out_write(turn, (size_t)k - 10); /* echo "User: ...\n\n" */
    else out_write("\n", 1);
    out_write("Assistant:", 10);
    out_flush();
    free(turn);
    chat_reply(c);
}

static int cmd_chat(args *a)
{
    const char *model_path = NULL, *system = NULL, *s;
    chat c;
    int tty_in = isatty(0);
    char *line = NULL;
    size_t line_cap = 0;
    struct sigaction sa;

    gen_opts_init(&c.g, 500);
    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_chat);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (is_opt(s, NULL, "--system")) system = args_value(a, s);
        else if (is_opt(s, "-n", "--tokens")) c.g.n_predict = (int)parse_int(s, args_value(a, s), 1, INT_MAX);
        else if (parse_gen_opt(a, s, &c.g)) {}
        else usage_error("unknown argument '%s'", s);
    }
    if (!model_path) usage_error("-m MODEL is required");
    gen_opts_seed(&c.g);
    chat_open(&c, model_path, system);

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: Ctrl-C at the prompt returns from the read */
    sigaction(SIGINT, &sa, NULL);

    if (tty_in)
        fprintf(stderr, "Chatting with %s. /reset, /save FILE, /load FILE, /quit; Ctrl-C stops a "
                        "reply.\n\n", model_path);
    for (;;) {
        ssize_t got;
        size_t n;
        if (tty_in) { out_write("User: ", 6); out_flush(); }
        chat_interrupted = 0;
        errno = 0;
        got = chat_read_message(&line, &line_cap);
        if (got < 0) {
            if (errno == EINTR || chat_interrupted) {
                clearerr(stdin);
                fprintf(stderr, "\n(/quit or Ctrl-D to leave)\n");
                continue;
            }
            if (tty_in) out_write("\n", 1);
            break;
        }
        n = normalize_message(line, (size_t)got);
        if (n == 0) continue;
        if (line[0] == '/') {
            if (chat_command(&c, line)) break;
            continue;
        }
        chat_turn(&c, line, n, tty_in);
    }
    free(line);
    chat_close(&c);
    return 0;
}

/* ==== progress display (stderr, only on a terminal) ====================================== */

typedef struct progress {
    int on;
    double start, last;
} progress;

static void progress_init(progress *p)
{
    p->on = isatty(2);
    p->start = p->last = now_seconds();
}

static void progress_show(progress *p, double done, double total, const char *unit)
{
    double now = now_seconds(), frac, eta;
    int i, w = 30, filled;
    char bar[40];
    if (!p->on || (now - p->last < 0.2 && done < total)) return;
    p->last = now;
    frac = total > 0 ? done / total : 1.0;
    filled = (int)(frac * w);
    for (i = 0; i < w; i++) bar[i] = i < filled ? '#' : '-';
    bar[w] = '\0';
    eta = frac > 0 ? (now - p->start) * (1.0 - frac) / frac : 0.0;
    fprintf(stderr, "\r[%s] %5.1f%% %.0f/%.0f %s, ETA %.0fs   ", bar, frac * 100.0, done, total,
            unit, eta);
    fflush(stderr);
}

static void progress_done(progress *p)
{
    if (p->on) fprintf(stderr, "\r%60s\r", "");
}

/* log softmax(logits)[target] in double */
static double log_prob(const float *logits, int V, int target)
{
    double m = -INFINITY, sum = 0.0;
    int i;
    for (i = 0; i < V; i++) if (logits[i] > m) m = logits[i];
    for (i = 0; i < V; i++) sum += exp((double)logits[i] - m);
    return (double)logits[target] - m - log(sum);
}

static int argmax(const float *logits, int V)
{
    int i, best = 0;
    for (i = 1; i < V; i++) if (logits[i] > logits[best]) best = i;
    return best;
}

/* ==== perplexity ========================================================================== */

static const char help_perplexity[] =
    "usage: rwkv perplexity -m MODEL -f FILE [--ctx N] [-t N]\n"
    "\n"
    "Perplexity of the model on the text in FILE (raw bytes). The text is tokenized, cut into\n"
    "chunks of N tokens (default: one chunk, the whole file) and each chunk is evaluated from\n"
    "a fresh state; every token but the first of a chunk is predicted. Prints the predicted\n"
    "token count, perplexity = exp(mean negative log-likelihood), bits per byte (total NLL in\n"
    "bits over the bytes of the predicted tokens) and tokens/s. A progress bar with ETA goes\n"
    "to standard error when it is a terminal.\n"
    "\n"
    "  -m, --model MODEL   GGUF model file\n"
    "  -f, --file FILE     text file\n"
    "      --ctx N         tokens per chunk (default 0 = the whole file)\n"
    "  -t, --threads N     threads (default 1)\n"
    "      --vocab PATH    tokenizer file, for models that do not embed one\n"
    "  -h, --help          this help\n";

#define EVAL_BLOCK 128 /* tokens per rwkv_eval_seq call when every row's logits are needed */

static int cmd_perplexity(args *a)
{
    const char *model_path = NULL, *file = NULL, *vocab_path = NULL, *s;
    long long ctx = 0;
    int n_threads = 0, V;
    rwkv_model *model;
    rwkv_tokenizer *tok;
    rwkv_state *state;
    unsigned char *text;
    size_t len, n, start, n_pred = 0, n_bytes = 0, n_chunks = 0;
    int *ids;
    float *logits;
    double nll = 0.0, t0, secs;
    progress pg;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_perplexity);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (is_opt(s, "-f", "--file")) file = args_value(a, s);
        else if (is_opt(s, NULL, "--ctx")) ctx = parse_int(s, args_value(a, s), 0, LLONG_MAX);
        else if (is_opt(s, "-t", "--threads"))
            n_threads = (int)parse_int(s, args_value(a, s), 1, 1024);
        else if (is_opt(s, NULL, "--vocab")) vocab_path = args_value(a, s);
        else usage_error("unknown argument '%s'", s);
    }
    if (!model_path) usage_error("-m MODEL is required");
    if (!file) usage_error("-f FILE is required");
    if (ctx == 1) usage_error("option --ctx: 1 token per chunk predicts nothing (use 0 or >= 2)");

    model = open_model(model_path, n_threads);
    V = rwkv_model_get_n_vocab(model);
    tok = load_tokenizer(model, vocab_path);
    state = new_state(model);
    text = read_all(file, &len);
    ids = tokenize_or_die(tok, (const char *)text, len, &n);
    if (n < 2) die("'%s' has %zu token(s): at least 2 are needed to predict one", file, n);
    if (ctx == 0 || (unsigned long long)ctx > n) ctx = (long long)n;
    logits = (float *)xmalloc((size_t)EVAL_BLOCK * (size_t)V * sizeof *logits);

    progress_init(&pg);
    t0 = now_seconds();
    for (start = 0; start < n; start += (size_t)ctx) {
        size_t end = start + (size_t)ctx < n ? start + (size_t)ctx : n, off;
        if (end - start < 2) break; /* a lone trailing token predicts nothing */
        rwkv_state_reset(state);
        n_chunks++;
        /* inputs start..end-2 predict targets start+1..end-1 */
        for (off = start; off + 1 < end; off += EVAL_BLOCK) {
            size_t m = end - 1 - off, r;
            if (m > EVAL_BLOCK) m = EVAL_BLOCK;
            eval_seq_or_die(state, ids + off, m, logits, 1);
            for (r = 0; r < m; r++) {
                int target = ids[off + r + 1];
                size_t blen = 0;
                if (target < 0 || target >= V) die("token %d is outside the model's vocabulary", target);
                nll -= log_prob(logits + r * (size_t)V, V, target);
                if (rwkv_tokenizer_get_token(tok, target, &blen)) n_bytes += blen;
                n_pred++;
            }
            progress_show(&pg, (double)(off + m), (double)n, "tokens");
        }
    }
    secs = now_seconds() - t0;
    progress_done(&pg);

    printf("tokens:        %zu predicted (%zu in the text, %zu chunk(s))\n", n_pred, n, n_chunks);
    printf("bytes:         %zu\n", n_bytes);
    printf("nll:           %.6f nats per token\n", nll / (double)n_pred);
    printf("perplexity:    %.6f\n", exp(nll / (double)n_pred));
    printf("bits per byte: %.6f\n", n_bytes ? nll / log(2.0) / (double)n_bytes : 0.0);
    printf("speed:         %.1f tokens/s (%.2f s)\n", (double)n / (secs > 0 ? secs : 1e-9), secs);
    out_flush();
    free(logits);
    free(ids);
    free(text);
    rwkv_state_free(state);
    rwkv_tokenizer_free(tok);
    rwkv_model_close(model);
    return 0;
}

/* ==== lambada ============================================================================= */

static const char help_lambada[] =
    "usage: rwkv lambada -m MODEL -f lambada_test.jsonl [--limit N] [--pad IDS] [-t N]\n"
    "\n"
    "LAMBADA last-word prediction with the protocol of RWKV-LM/ChatRWKV's evaluation: for each\n"
    "passage ({\"text\": ...} per line), context = text up to its last space, target = \" \" +\n"
    "last word, tokenized separately; the model reads PAD + context + target from a fresh\n"
    "state. A passage is correct when greedy argmax reproduces every target token (teacher\n"
    "forcing); perplexity = exp(-mean over passages of the target's total log-probability).\n"
    "\n"
    "  -m, --model MODEL   GGUF model file\n"
    "  -f, --file FILE     lambada_test.jsonl\n"
    "      --limit N       only the first N passages\n"
    "      --pad IDS       comma-separated ids fed before each context, or 'none'\n"
    "                      (default 0, end-of-text, as RWKV-LM; ChatRWKV's Pile runs used 187)\n"
    "  -t, --threads N     threads (default 1)\n"
    "      --vocab PATH    tokenizer file, for models that do not embed one\n"
    "  -h, --help          this help\n";

/* One passage (LINE of FILE, for messages): context = text up to its last space, target =
   " " + last word; the model reads PAD + context + target from a fresh state. Returns 1 when
   greedy argmax reproduces every target token; adds the target's log-probability to *logp
   and the tokens read to *n_tokens. *logits is a buffer grown as needed. */
static int lambada_passage(rwkv_state *state, int V, const rwkv_tokenizer *tok, const int *pad,
                           size_t n_pad, const char *text, size_t tlen, const char *file,
                           size_t line, float **logits, double *logp, size_t *n_tokens)
{
    const char *sp = NULL;
    size_t n_ctx, n_tgt, i;
    int *ctx_ids, *tgt_ids, *seq, correct = 1;
    double lp = 0.0;
    for (i = tlen; i > 0; i--) if (text[i - 1] == ' ') { sp = text + i - 1; break; }
    if (!sp) die("%s:%zu: the passage has no space to split the last word off", file, line);
    ctx_ids = tokenize_or_die(tok, text, (size_t)(sp - text), &n_ctx);
    tgt_ids = tokenize_or_die(tok, sp, tlen - (size_t)(sp - text), &n_tgt); /* " word" */
    if (n_pad + n_ctx == 0 || n_tgt == 0) die("%s:%zu: empty context or target", file, line);
    /* the model reads pad+ctx (minus its last token) without logits, then the last
       context token and the target (minus its last) with logits for every row */
    seq = (int *)xmalloc((n_pad + n_ctx + n_tgt) * sizeof *seq);
    if (n_pad) memcpy(seq, pad, n_pad * sizeof *seq);
    memcpy(seq + n_pad, ctx_ids, n_ctx * sizeof *seq);
    memcpy(seq + n_pad + n_ctx, tgt_ids, n_tgt * sizeof *seq);
    *logits = (float *)xrealloc(*logits, n_tgt * (size_t)V * sizeof **logits);
    rwkv_state_reset(state);
    eval_seq_or_die(state, seq, n_pad + n_ctx - 1, NULL, 0);
    eval_seq_or_die(state, seq + n_pad + n_ctx - 1, n_tgt, *logits, 1);
    for (i = 0; i < n_tgt; i++) {
        const float *row = *logits + i * (size_t)V;
        if (tgt_ids[i] >= V) die("token %d is outside the model's vocabulary", tgt_ids[i]);
        lp += log_prob(row, V, tgt_ids[i]);
        if (argmax(row, V) != tgt_ids[i]) correct = 0;
    }
    *logp += lp;
    *n_tokens += n_pad + n_ctx + n_tgt - 1;
    free(seq);
    free(ctx_ids);
    free(tgt_ids);
    return correct;
}

static int cmd_lambada(args *a)
{
    const char *model_path = NULL, *file = NULL, *vocab_path = NULL, *s;
    long long limit = LLONG_MAX;
    int n_threads = 0, V, *pad = NULL, default_pad = 0;
    size_t n_pad = 1, len, n_lines = 0, n_done = 0, n_correct = 0, n_tokens = 0;
    rwkv_model *model;
    rwkv_tokenizer *tok;
    rwkv_state *state;
    unsigned char *data;
    const char *p, *end;
    float *logits;
    double sum_logp = 0.0, t0, secs;
    progress pg;
    rwkv_error err;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_lambada);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (is_opt(s, "-f", "--file")) file = args_value(a, s);
        else if (is_opt(s, NULL, "--limit")) limit = parse_int(s, args_value(a, s), 1, LLONG_MAX);
        else if (is_opt(s, NULL, "--pad")) {
            const char *v = args_value(a, s);
            free(pad);
            if (strcmp(v, "none") == 0) { pad = NULL; n_pad = 0; }
            else pad = parse_id_list(s, v, &n_pad);
        }
        else if (is_opt(s, "-t", "--threads"))
            n_threads = (int)parse_int(s, args_value(a, s), 1, 1024);
        else if (is_opt(s, NULL, "--vocab")) vocab_path = args_value(a, s);
        else usage_error("unknown argument '%s'", s);
    }
    if (!model_path) usage_error("-m MODEL is required");
    if (!file) usage_error("-f FILE is required");
    if (!pad && n_pad == 1) pad = &default_pad;

    model = open_model(model_path, n_threads);
    V = rwkv_model_get_n_vocab(model);
    tok = load_tokenizer(model, vocab_path);
    state = new_state(model);
    data = read_all(file, &len);
    p = (const char *)data;
    end = p + len;
    {
        const char *q;
        for (q = p; q < end; q++) if (*q == '\n') n_lines++;
        if (len && end[-1] != '\n') n_lines++;
        if ((long long)n_lines > limit) n_lines = (size_t)limit;
    }
    logits = NULL;
    {
        size_t i;
        for (i = 0; i < n_pad; i++)
            if (pad[i] >= V) usage_error("option --pad: id %d is outside the vocabulary", pad[i]);
    }

    progress_init(&pg);
    t0 = now_seconds();
    while (p < end && (long long)n_done < limit) {
        const char *eol = memchr(p, '\n', (size_t)(end - p)), *line = p;
        size_t tlen;
        char *text;
        if (!eol) eol = end;
        p = eol + 1;
        if (eol == line) continue; /* blank line */
        if (rwkv_json_get_string(line, (size_t)(eol - line), "text", &text, &tlen, &err) != RWKV_OK)
            die("%s:%zu: %s", file, n_done + 1, err.message);
        if (!text) die("%s:%zu: no \"text\" string member", file, n_done + 1);
        n_correct += (size_t)lambada_passage(state, V, tok, pad, n_pad, text, tlen, file, n_done + 1,
                                             &logits, &sum_logp, &n_tokens);
        n_done++;
        free(text);
        progress_show(&pg, (double)n_done, (double)n_lines, "passages");
    }
    secs = now_seconds() - t0;
    progress_done(&pg);
    if (!n_done) die("'%s' holds no passages", file);

    printf("passages:   %zu\n", n_done);
    printf("accuracy:   %.4f (%zu/%zu)\n", (double)n_correct / (double)n_done, n_correct, n_done);
    printf("perplexity: %.4f\n", exp(-sum_logp / (double)n_done));
    printf("speed:      %.1f tokens/s (%zu tokens, %.2f s)\n",
           (double)n_tokens / (secs > 0 ? secs : 1e-9), n_tokens, secs);
    out_flush();
    if (pad != &default_pad) free(pad);
    free(logits);
    free(data);
    rwkv_state_free(state);
    rwkv_tokenizer_free(tok);
    rwkv_model_close(model);
    return 0;
}

/* ==== bench =============================================================================== */

static const char help_bench[] =
    "usage: rwkv bench -m MODEL [-t N] [--prompt-tokens N] [--gen-tokens N] [--repeat N]\n"
    "\n"
    "Measures prompt throughput (one rwkv_eval_seq over a block of tokens, tokens/s) and\n"
    "generation latency (rwkv_eval one token at a time with logits, ms/token), and from the\n"
    "weight bytes read per generated token the memory bandwidth that latency implies. Each\n"
    "measurement is the best of --repeat runs. Token ids are a fixed pseudo-random sequence.\n"
    "\n"
    "  -m, --model MODEL      GGUF model file\n"
    "  -t, --threads N        threads (default 1)\n"
    "      --prompt-tokens N  prompt block (default 512)\n"
    "      --gen-tokens N     generated tokens (default 64)\n"
    "      --repeat N         runs of each measurement (default 3)\n"
    "  -h, --help             this help\n";

static int cmd_bench(args *a)
{
    const char *model_path = NULL, *s;
    int n_threads = 1, n_prompt = 512, n_gen = 64, repeat = 3, r, i, V;
    rwkv_model *model;
    rwkv_model_info info;
    rwkv_state *state;
    int *ids;
    float *logits;
    double best_prompt = 1e300, best_gen = 1e300, ms;
    uint64_t x = 0x2545f4914f6cdd1dull;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_bench);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else if (is_opt(s, "-t", "--threads"))
            n_threads = (int)parse_int(s, args_value(a, s), 1, 1024);
        else if (is_opt(s, NULL, "--prompt-tokens")) n_prompt = (int)parse_int(s, args_value(a, s), 1, 1 << 20);
        else if (is_opt(s, NULL, "--gen-tokens")) n_gen = (int)parse_int(s, args_value(a, s), 1, 1 << 20);
        else if (is_opt(s, NULL, "--repeat")) repeat = (int)parse_int(s, args_value(a, s), 1, 1000);
        else usage_error("unknown argument '%s'", s);
    }
    if (!model_path) usage_error("-m MODEL is required");
    model = open_model(model_path, n_threads);
    rwkv_model_get_info(model, &info);
    V = info.n_vocab;
    state = new_state(model);
    ids = (int *)xmalloc((size_t)(n_prompt > n_gen ? n_prompt : n_gen) * sizeof *ids);
    for (i = 0; i < (n_prompt > n_gen ? n_prompt : n_gen); i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        ids[i] = 1 + (int)(x % (uint64_t)(V > 1 ? V - 1 : 1));
    }
    logits = (float *)xmalloc((size_t)V * sizeof *logits);

    for (r = 0; r < repeat; r++) {
        double t0, t;
        rwkv_state_reset(state);
        t0 = now_seconds();
        eval_seq_or_die(state, ids, (size_t)n_prompt, logits, 0);
        t = now_seconds() - t0;
        if (t < best_prompt) best_prompt = t;
        t0 = now_seconds();
        for (i = 0; i < n_gen; i++) eval_or_die(state, ids[i], logits);
        t = now_seconds() - t0;
        if (t < best_gen) best_gen = t;
    }
    ms = best_gen * 1000.0 / n_gen;
    if (info.version == 5)
        printf("model:       %s (RWKV v5.%d, %d layers, n_embd %d, vocab %d)\n", model_path,
               info.version_minor, info.n_layer, info.n_embd, info.n_vocab);
    else
        printf("model:       %s (RWKV v%d, %d layers, n_embd %d, vocab %d)\n", model_path,
               info.version, info.n_layer, info.n_embd, info.n_vocab);
    printf("threads:     %d\n", rwkv_model_get_threads(model));
    printf("prompt:      %.1f tokens/s (%d tokens in %.3f s, best of %d)\n",
           n_prompt / best_prompt, n_prompt, best_prompt, repeat);
    printf("generation:  %.3f ms/token (%.1f tokens/s, %d tokens, best of %d)\n", ms,
           1000.0 / ms, n_gen, repeat);
    printf("weights:     %llu bytes per token (%.1f MiB) -> %.2f GB/s at that speed\n",
           (unsigned long long)info.bytes_per_token, (double)info.bytes_per_token / 1048576.0,
           (double)info.bytes_per_token / (ms * 1e-3) / 1e9);
    out_flush();
    free(ids);
    free(logits);
    rwkv_state_free(state);
    rwkv_model_close(model);
    return 0;
}

/* ==== quantize ============================================================================ */

static const char help_quantize[] =
    "usage: rwkv quantize IN.gguf OUT.gguf TYPE [-t N]\n"
    "\n"
    "Writes a copy of the model IN whose matrices (embedding, att/ffn projections, head) are\n"
    "of TYPE; vectors, norms and LoRAs stay as they are. TYPE is a preset (as llama.cpp's):\n"
    "  q8_0, q6_k, q5_1, q5_0, q4_1, q4_0, q5_k, q4_k   that type, the head Q6_K (q8_0: Q8_0)\n"
    "  q5_k_m, q4_k_m   Q5_K / Q4_K; the head, and att.value and ffn.value in the first and\n"
    "                   last eighth of the layers and every third between, Q6_K\n"
    "  f16, f32         float matrices (f32 also dequantizes a quantized model)\n"
    "Rows that do not fit a type's blocks fall back (Q4_K -> Q5_0, Q5_K -> Q5_1, Q6_K -> Q8_0;\n"
    "rows not a multiple of 32 keep their type); each fallback is listed. The output is\n"
    "written to OUT.gguf.tmp and renamed at the end. Progress goes to standard error when it\n"
    "is a terminal. A quantized IN is refused (except for f32). docs/QUANT.md has the formats.\n"
    "\n"
    "  -t, --threads N     threads over rows (default: 2)\n"
    "  -h, --help          this help\n";

typedef struct quantize_progress {
    progress bar;
    int n_fallback;
} quantize_progress;

static void on_tensor(void *user, uint64_t done, uint64_t total, const char *tensor, int wanted,
                      int written)
{
    quantize_progress *q = (quantize_progress *)user;
    if (wanted != written) {
        if (q->bar.on) fprintf(stderr, "\r%60s\r", "");
        printf("  %-32s %s does not fit its rows of this length: %s\n", tensor,
               rwkv_type_name(wanted), rwkv_type_name(written));
        q->n_fallback++;
    }
    progress_show(&q->bar, (double)done, (double)total, "tensors");
}

static int cmd_quantize(args *a)
{
    const char *pos[3] = {NULL, NULL, NULL}, *s;
    int n_pos = 0, n_threads = 2;
    rwkv_quantize_params params;
    quantize_progress qp;
    rwkv_error err;
    rwkv_model *model;
    rwkv_model_info info;
    uint64_t bytes = 0;
    int t;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_quantize);
        else if (is_opt(s, "-t", "--threads"))
            n_threads = (int)parse_int(s, args_value(a, s), 1, 1024);
        else if (s[0] == '-' && s[1] != '\0') usage_error("unknown option '%s'", s);
        else if (n_pos == 3) usage_error("too many arguments ('%s')", s);
        else pos[n_pos++] = s;
    }
    if (n_pos != 3) usage_error("give IN.gguf OUT.gguf TYPE");
    rwkv_quantize_params_default(&params);
    params.preset = pos[2];
    params.n_threads = n_threads;
    params.progress = on_tensor;
    params.user = &qp;
    qp.n_fallback = 0;
    progress_init(&qp.bar);
    if (rwkv_model_quantize(pos[0], pos[1], &params, &err) != RWKV_OK) {
        progress_done(&qp.bar);
        if (err.code == RWKV_ERR_ARGUMENT && strncmp(err.message, "unknown quantization", 20) == 0)
            usage_error("%s", err.message);
        die_err(&err);
    }
    progress_done(&qp.bar);
    model = open_model(pos[1], 1);
    rwkv_model_get_info(model, &info);
    printf("%s: %s, %d fallback%s\n", pos[1], pos[2], qp.n_fallback,
           qp.n_fallback == 1 ? "" : "s");
    for (t = 0; t < RWKV_TYPE_COUNT; t++) {
        if (!info.tensors_of_type[t]) continue;
        bytes += info.bytes_of_type[t];
        printf("  %-6s %4llu tensors, %.2f bits per weight\n", rwkv_type_name(t),
               (unsigned long long)info.tensors_of_type[t],
               8.0 * (double)info.bytes_of_type[t] / (double)info.weights_of_type[t]);
    }
    printf("  all    %.2f bits per weight, %llu bytes\n",
           8.0 * (double)bytes / (double)info.n_weights, (unsigned long long)info.file_size);
    out_flush();
    rwkv_model_close(model);
    return 0;
}

/* ==== main ================================================================================ */

static const char help_main[] =
    "usage: rwkv [COMMAND] [OPTIONS]\n"
    "\n"
    "RWKV language model inference (v4, v5.0/5.1/5.2, v6, v7) on the CPU.\n"
    "Without a command, `rwkv -m MODEL -p TEXT` generates text.\n"
    "\n"
    "commands:\n"
    "  generate     continue a prompt (the default command)\n"
    "  chat         interactive chat in the World models' User:/Assistant: format\n"
    "  perplexity   perplexity and bits per byte of a model on a text file\n"
    "  lambada      LAMBADA last-word accuracy and perplexity\n"
    "  bench        prompt throughput, generation latency and implied memory bandwidth\n"
    "  info         architecture, sizes and tensor statistics of a model file\n"
    "  logits       write the logits after each of a list of token ids (float32 file)\n"
    "  tokenize     text to token ids, or ids to text with --decode\n"
    "  quantize     write a copy of a model with quantized matrices (q8_0 ... q4_k_m)\n"
    "\n"
    "`rwkv COMMAND --help` describes a command's options.\n"
    "Exit status: 0 success, 1 runtime error, 2 usage error.\n";

typedef struct command {
    const char *name;
    int (*run)(args *a);
} command;

static const command commands[] = {
    {"generate", cmd_generate},
    {"chat", cmd_chat},
    {"perplexity", cmd_perplexity},
    {"lambada", cmd_lambada},
    {"bench", cmd_bench},
    {"info", cmd_info},
    {"logits", cmd_logits},
    {"tokenize", cmd_tokenize},
    {"quantize", cmd_quantize},
};

int main(int argc, char **argv)
{
    static char cmdname[64];
    args a;
    size_t c;

#ifdef SIGPIPE
    signal(SIGPIPE, SIG_IGN); /* a closed pipe shows up as EPIPE: see out_check */
#endif
    a.argc = argc;
    a.argv = argv;
    a.i = 1;
    a.inline_value = NULL;
    if (argc < 2) {
        fputs(help_main, stderr);
        return 2;
    }
    if (is_help(argv[1])) print_help(help_main);
    for (c = 0; c < sizeof commands / sizeof commands[0]; c++) {
        if (strcmp(argv[1], commands[c].name) == 0) {
            snprintf(cmdname, sizeof cmdname, "rwkv %s", commands[c].name);
            cli_command = cmdname;
            a.i = 2;
            return commands[c].run(&a);
        }
    }
    if (argv[1][0] == '-') return cmd_generate(&a); /* rwkv -m MODEL -p TEXT */
    usage_error("unknown command '%s'", argv[1]);
    return 2;
}
