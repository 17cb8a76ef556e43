/* rwkv.c - the command-line tool: info, logits, tokenize, generate, chat, perplexity,
   lambada, bench. Everything model-related lives in rwkv.h; this file only parses options,
   moves bytes in and out and reports.

   Exit codes: 0 ok, 1 runtime error ("rwkv: error: ..."), 2 usage error. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* sigaction, isatty, clock_gettime, fileno */
#endif

#define RWKV_IMPLEMENTATION
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
    rwkv_model *model;
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
    const char *s = rwkv_model_meta_string(model, "tokenizer.ggml.model", &len);
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
    "tokenizer, tensor counts and bytes per dtype, the weight bytes read per generated token\n"
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
    static const char *type_names[3] = {"F32", "F16", "BF16"};
    int t;

    while ((s = args_next(a)) != NULL) {
        if (is_help(s)) print_help(help_info);
        else if (is_opt(s, "-m", "--model")) model_path = args_value(a, s);
        else usage_error("unknown argument '%s'", s);
    }
    if (!model_path) usage_error("-m MODEL is required");

    model = open_model(model_path, 0);
    rwkv_model_get_info(model, &info);
    name = rwkv_model_meta_string(model, "general.name", &name_len);

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
    for (t = 0; t < 3; t++) {
        if (!info.tensors_of_type[t]) continue;
        printf("  %-16s %llu tensors, %llu bytes (%.2f MiB)\n", type_names[t],
               (unsigned long long)info.tensors_of_type[t],
               (unsigned long long)info.bytes_of_type[t],
               (double)info.bytes_of_type[t] / (1024.0 * 1024.0));
    }
    print_bytes_line("bytes per token:", info.bytes_per_token);
    print_bytes_line("file size:", info.file_size);
    out_flush();
    rwkv_model_close(model);
    return 0;
}

/* ==== logits ============================================================================== */

static const char help_logits[] =
    "usage: rwkv logits -m MODEL -t IDS -o OUT [--seq]\n"
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
    const char *model_path = NULL, *out_path = NULL, *s;
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
        else usage_error("unknown argument '%s'", s);
    }
    if (!model_path) usage_error("-m MODEL is required");
    if (!ids) usage_error("-t IDS is required");
    if (!out_path) usage_error("-o OUT is required");

    model = open_model(model_path, n_threads);
    n_vocab = rwkv_model_n_vocab(model);
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

    free(logits);
    free(ids);
    rwkv_state_free(state);
    rwkv_model_close(model);
    return 0;
}

/* ==== main ================================================================================ */

static const char help_main[] =
    "usage: rwkv [COMMAND] [OPTIONS]\n"
    "\n"
    "RWKV language model inference (v4, v5.0/5.1/5.2, v6, v7) on the CPU.\n"
    "\n"
    "commands:\n"
    "  info         architecture, sizes and tensor statistics of a model file\n"
    "  logits       write the logits after each of a list of token ids (float32 file)\n"
    "\n"
    "`rwkv COMMAND --help` describes a command's options.\n";

typedef struct command {
    const char *name;
    int (*run)(args *a);
} command;

static const command commands[] = {
    {"info", cmd_info},
    {"logits", cmd_logits},
};

int main(int argc, char **argv)
{
    static char cmdname[64];
    args a;
    size_t c;

#ifdef SIGPIPE
    signal(SIGPIPE, SIG_IGN);
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
    usage_error("unknown command '%s'", argv[1]);
    return 2;
}
