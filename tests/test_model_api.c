/* Model API tests: rwkv_model_open_memory and rwkv_model_open_read against rwkv_model_open,
   on one model of every version family (v4, v5.1, v6 with a tuned state, v7) and a Q4_0
   copy of the v7 one (rwkv_model_quantize; on x86 its matrices are packed at open, which on
   a map drops the file's pages of those rows and on a read copy must not):
     - the same info, metadata and logits (bit for bit, serial and sequence mode) from the
       file's bytes in memory and from the file read into the model's memory as from the
       mapped file;
     - the caller's buffer is left alone (closing the model does not free it);
     - refused buffers: NULL data, NULL out, a truncated copy (the message names "(memory)");
       rwkv_model_open_read of a missing file or a directory (the message names the path);
     - rwkv_model_is_file, and a state or a quantized copy written over the model refused;
     - rwkv_quantize_params.cancel stops a quantization, its output untouched;
     - rwkv_model_info.loaded of each, and the probe of a map (map_huge, Linux): a file
       written 8 KiB at a time measures below one half.
   Models are random GGUF files made by tools/random_model.py (standard-library Python, $PY)
   in build/; skips (77) when that cannot run. */
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define N_TOK 134 /* crosses the 128-token block of sequence mode (RWKV_SEQ_BLOCK) */

typedef struct {
    const char *name;
    const char *args; /* tools/random_model.py arguments */
} model_spec;

static const model_spec SPECS[] = {
    {"v4", "--version 4 --layers 2 --embd 64 --vocab 300 --seed 31"},
    {"v5.1", "--version 5.1 --layers 2 --embd 64 --head-size 32 --vocab 300 --seed 32"},
    {"v6-state", "--version 6 --layers 2 --embd 64 --head-size 32 --vocab 300 --time-state "
                 "--seed 33"},
    {"v7", "--version 7 --layers 3 --embd 64 --head-size 32 --vocab 300 --seed 34"},
};
#define N_SPECS (sizeof SPECS / sizeof SPECS[0])

static unsigned char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    long n;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = (unsigned char *)malloc((size_t)n);
        if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
            free(buf);
            buf = NULL;
        }
        *size = (size_t)n;
    }
    fclose(f);
    return buf;
}

/* Logits of N_TOK tokens, one rwkv_eval each (seq = 0) or one rwkv_eval_seq (seq = 1). */
static float *run(const rwkv_model *m, const int *tokens, int seq)
{
    const int V = rwkv_model_get_n_vocab(m);
    float *logits = (float *)malloc(sizeof(float) * (size_t)V * N_TOK);
    rwkv_state *st = NULL;
    rwkv_error err;
    int i;
    if (!logits || rwkv_state_new(m, &st, &err) != RWKV_OK) {
        printf("rwkv_state_new failed\n");
        exit(1);
    }
    if (seq) {
        CHECK(rwkv_eval_seq(st, tokens, N_TOK, logits, 1, &err) == RWKV_OK, "eval_seq: %s",
              err.message);
    } else {
        for (i = 0; i < N_TOK; i++)
            CHECK(rwkv_eval(st, tokens[i], logits + (size_t)i * V, &err) == RWKV_OK,
                  "eval: %s", err.message);
    }
    rwkv_state_free(st);
    return logits;
}

static void test_model(const char *name, const char *path)
{
    rwkv_model *mf = NULL, *mm = NULL, *mr = NULL;
    rwkv_model_info fi, mi;
    rwkv_error err;
    unsigned char *bytes, *copy;
    size_t size = 0, len_f = 0, len_m = 0;
    const char *name_f, *name_m;
    int64_t layers_f = 0, layers_m = 0;
    int tokens[N_TOK], i, seq;

    bytes = read_file(path, &size);
    CHECK(bytes != NULL, "%s: cannot read %s", name, path);
    if (!bytes) return;
    if (rwkv_model_open(path, &mf, &err) != RWKV_OK) {
        CHECK(0, "%s: rwkv_model_open: %s", name, err.message);
        free(bytes);
        return;
    }
    copy = (unsigned char *)malloc(size);
    memcpy(copy, bytes, size);
    if (rwkv_model_open_memory(bytes, size, &mm, &err) != RWKV_OK) {
        CHECK(0, "%s: rwkv_model_open_memory: %s", name, err.message);
        rwkv_model_close(mf);
        free(bytes);
        free(copy);
        return;
    }

    if (rwkv_model_open_read(path, &mr, &err) != RWKV_OK) {
        CHECK(0, "%s: rwkv_model_open_read: %s", name, err.message);
        rwkv_model_close(mf);
        rwkv_model_close(mm);
        free(bytes);
        free(copy);
        return;
    }

    /* the same infos but where the weights are read from (and the probe of a map: these
       files are under 64 MiB, so none) */
    rwkv_model_get_info(mf, &fi);
    CHECK(fi.loaded == RWKV_LOADED_MAP && fi.map_huge == -1.0f, "%s: open: loaded %d, "
          "map_huge %g", name, fi.loaded, (double)fi.map_huge);
    CHECK(fi.bytes_packed <= fi.bytes_per_token, "%s: bytes_packed %llu > bytes_per_token",
          name, (unsigned long long)fi.bytes_packed);
    rwkv_model_get_info(mm, &mi);
    CHECK(mi.loaded == RWKV_LOADED_MEMORY && mi.map_huge == -1.0f, "%s: open_memory: loaded "
          "%d, map_huge %g", name, mi.loaded, (double)mi.map_huge);
    mi.loaded = fi.loaded;
    CHECK(memcmp(&fi, &mi, sizeof fi) == 0, "%s: the infos differ", name);
    rwkv_model_get_info(mr, &mi);
    CHECK(mi.loaded == RWKV_LOADED_READ && mi.map_huge == -1.0f, "%s: open_read: loaded %d, "
          "map_huge %g", name, mi.loaded, (double)mi.map_huge);
    mi.loaded = fi.loaded;
    CHECK(memcmp(&fi, &mi, sizeof fi) == 0, "%s: the infos differ (open_read)", name);
    name_f = rwkv_model_get_meta_string(mf, "general.name", &len_f);
    name_m = rwkv_model_get_meta_string(mm, "general.name", &len_m);
    CHECK(name_f && name_m && len_f == len_m && memcmp(name_f, name_m, len_f) == 0,
          "%s: general.name differs", name);
    CHECK(name_m >= (const char *)bytes && name_m < (const char *)bytes + size,
          "%s: a metadata string does not point into the caller's buffer", name);
    CHECK(rwkv_model_get_meta_int(mf, "rwkv.block_count", &layers_f) &&
          rwkv_model_get_meta_int(mm, "rwkv.block_count", &layers_m) && layers_f == layers_m,
          "%s: rwkv.block_count differs", name);

    for (i = 0; i < N_TOK; i++) tokens[i] = (int)((i * 7919u + 13u) % (unsigned)fi.n_vocab);
    for (seq = 0; seq < 2; seq++) {
        float *a = run(mf, tokens, seq), *b = run(mm, tokens, seq), *c = run(mr, tokens, seq);
        CHECK(memcmp(a, b, sizeof(float) * (size_t)fi.n_vocab * N_TOK) == 0,
              "%s: logits from memory differ from the file's (%s)", name,
              seq ? "rwkv_eval_seq" : "rwkv_eval");
        CHECK(memcmp(a, c, sizeof(float) * (size_t)fi.n_vocab * N_TOK) == 0,
              "%s: logits of the file read differ from the file mapped (%s)", name,
              seq ? "rwkv_eval_seq" : "rwkv_eval");
        free(a);
        free(b);
        free(c);
    }

    rwkv_model_close(mr);
    rwkv_model_close(mm);
    CHECK(memcmp(bytes, copy, size) == 0, "%s: the caller's buffer changed", name);
    rwkv_model_close(mf);
    free(bytes); /* ASan: a double free if rwkv_model_close had freed it */
    free(copy);
    printf("%-9s open_memory == open_read == open: info, metadata, logits (serial and seq) "
           "bit-identical\n", name);
}

static void test_refused(const char *path)
{
    rwkv_model *m = (rwkv_model *)(uintptr_t)1;
    rwkv_error err;
    size_t size = 0;
    unsigned char *bytes = read_file(path, &size);
    rwkv_status s;
    if (!bytes) return;

    s = rwkv_model_open_memory(NULL, 16, &m, &err);
    CHECK(s == RWKV_ERR_ARGUMENT && m == NULL, "NULL data: status %d", (int)s);
    s = rwkv_model_open_memory(bytes, size, NULL, &err);
    CHECK(s == RWKV_ERR_ARGUMENT, "NULL out: status %d", (int)s);
    s = rwkv_model_open_memory(bytes, size / 2, &m, &err);
    CHECK(s == RWKV_ERR_FORMAT && m == NULL, "half a file: status %d", (int)s);
    CHECK(s == RWKV_OK || strstr(err.message, "(memory)") != NULL,
          "half a file: the message does not name (memory): %s", err.message);
    s = rwkv_model_open_memory(bytes, 0, &m, &err);
    CHECK(s == RWKV_ERR_FORMAT && m == NULL, "no bytes: status %d", (int)s);
    s = rwkv_model_open_memory(bytes, size, &m, NULL); /* err may be NULL */
    CHECK(s == RWKV_OK && m != NULL, "err NULL: status %d", (int)s);
    rwkv_model_close(m);
    free(bytes);
    printf("open_memory refuses NULL data, NULL out, truncated and empty buffers\n");

    m = (rwkv_model *)(uintptr_t)1;
    s = rwkv_model_open_read("build/no-such-model.gguf", &m, &err);
    CHECK(s == RWKV_ERR_IO && m == NULL && strstr(err.message, "build/no-such-model.gguf"),
          "open_read, missing file: status %d, %s", (int)s, err.message);
    s = rwkv_model_open_read("build", &m, &err);
    CHECK(s == RWKV_ERR_IO && m == NULL && strstr(err.message, "build"),
          "open_read, a directory: status %d, %s", (int)s, err.message);
    s = rwkv_model_open_read(NULL, &m, &err);
    CHECK(s == RWKV_ERR_ARGUMENT, "open_read, NULL path: status %d", (int)s);
    printf("open_read refuses a missing file, a directory and a NULL path\n");
}

/* rwkv_model_is_file, and the writers that refuse the model's own file: a state saved over
   it, a quantized copy written over its input (the file stays as it was). */
static void test_own_file(const char *path, const char *other)
{
    rwkv_model *m = NULL, *mem = NULL;
    rwkv_state *st = NULL;
    rwkv_quantize_params qp;
    rwkv_error err;
    rwkv_status s;
    size_t size = 0, size2 = 0;
    unsigned char *before = read_file(path, &size), *after;
    char dotted[160];
    if (!before || rwkv_model_open(path, &m, &err) != RWKV_OK) {
        CHECK(0, "own file: cannot read or open %s", path);
        free(before);
        return;
    }
    snprintf(dotted, sizeof dotted, "./%s", path); /* another name of the same file */
    CHECK(rwkv_model_is_file(m, path) == 1 && rwkv_model_is_file(m, dotted) == 1,
          "rwkv_model_is_file: its own path %d, %s %d", rwkv_model_is_file(m, path), dotted,
          rwkv_model_is_file(m, dotted));
    CHECK(rwkv_model_is_file(m, other) == 0 && rwkv_model_is_file(m, "build/no-such-file") == 0
          && rwkv_model_is_file(m, NULL) == 0 && rwkv_model_is_file(NULL, path) == 0,
          "rwkv_model_is_file: another file, a missing one or NULL gives 1");
    CHECK(rwkv_model_open_memory(before, size, &mem, &err) == RWKV_OK &&
          rwkv_model_is_file(mem, path) == 0, "rwkv_model_is_file: a model from memory gives 1");
    rwkv_model_close(mem);
    CHECK(rwkv_state_new(m, &st, &err) == RWKV_OK, "rwkv_state_new: %s", err.message);
    s = rwkv_state_save_file(st, dotted, &err);
    CHECK(s == RWKV_ERR_ARGUMENT && strstr(err.message, "model file itself"),
          "a state saved over the model: status %d, %s", (int)s, err.message);
    {   /* over a file that is no state (a slip of the name): refused, the file kept */
        const char *notes = "build/test_model_api-notes.txt";
        size_t nn = 0;
        unsigned char *kept;
        FILE *f = fopen(notes, "wb");
        if (f) {
            fputs("my notes", f);
            fclose(f);
        }
        s = rwkv_state_save_file(st, notes, &err);
        kept = read_file(notes, &nn);
        CHECK(s == RWKV_ERR_ARGUMENT && strstr(err.message, "not an rwkv.c state file") && kept &&
              nn == 8 && memcmp(kept, "my notes", 8) == 0,
              "a state saved over a text: status %d, %s", (int)s, err.message);
        free(kept);
        remove(notes);
    }
    rwkv_state_free(st);
    rwkv_quantize_params_default(&qp);
    qp.preset = "q8_0";
    s = rwkv_model_quantize(path, dotted, &qp, &err);
    CHECK(s == RWKV_ERR_ARGUMENT && strstr(err.message, "input model itself"),
          "a quantized copy over its input: status %d, %s", (int)s, err.message);
    rwkv_model_close(m);
    after = read_file(path, &size2);
    CHECK(after && size2 == size && memcmp(before, after, size) == 0,
          "the model file changed");
    free(before);
    free(after);
    printf("rwkv_model_is_file; a state or a quantized copy over the model refused, the file "
           "unchanged\n");
}

/* rwkv_quantize_params.cancel: polled before every tensor (and every RWKV__QUANT_CHUNK rows);
   the call that returns non-zero stops the writing with RWKV_ERR_CANCELLED, the output path
   untouched and no temporary file left beside it. */
static int cancel_polls;
static int cancel_after_3(void *user)
{
    (void)user;
    return ++cancel_polls > 3;
}

static void test_cancel(const char *path)
{
    const char *out = "build/test_model_api-cancel.gguf";
    rwkv_quantize_params qp;
    rwkv_error err;
    rwkv_status s;
    size_t n = 0;
    unsigned char *kept;
    FILE *f = fopen(out, "wb");
    CHECK(f && fputs("GGUF precious", f) >= 0, "cannot write %s", out); /* an older output */
    if (f) fclose(f);
    rwkv_quantize_params_default(&qp);
    qp.preset = "q8_0";
    qp.cancel = cancel_after_3;
    cancel_polls = 0;
    s = rwkv_model_quantize(path, out, &qp, &err);
    kept = read_file(out, &n);
    CHECK(s == RWKV_ERR_CANCELLED && cancel_polls == 4 && strstr(err.message, "cancelled"),
          "cancel: status %d after %d polls, %s", (int)s, cancel_polls, err.message);
    CHECK(kept && n == 13 && memcmp(kept, "GGUF precious", 13) == 0,
          "cancel: the output was touched");
    CHECK(strcmp(rwkv_status_string(RWKV_ERR_CANCELLED), "cancelled") == 0,
          "rwkv_status_string(RWKV_ERR_CANCELLED): %s", rwkv_status_string(RWKV_ERR_CANCELLED));
    free(kept);
    remove(out);
    /* the temporary file (OUT.<pid>-<random>.tmp) is removed: OUT's directory is checked by
       tests/test_quantize.py, which can list it; here the same call once more must succeed */
    qp.cancel = NULL;
    s = rwkv_model_quantize(path, out, &qp, &err);
    CHECK(s == RWKV_OK, "quantize after a cancel: %s", err.message);
    remove(out);
    printf("rwkv_quantize_params.cancel stops the writing at its 4th poll, the output untouched\n");
}

/* rwkv_model_info.map_huge of a model padded to 72 MiB (trailing bytes past the tensors),
   written `chunk` bytes per write(): the page cache keeps a file in folios of about the
   writes' size, so 8 KiB writes can never map in 2 MiB pages; 4 MiB writes do where the
   kernel has large folios for the file system (informational). Linux only: elsewhere, or
   without /proc/self/smaps, -1. */
static float padded_map_huge(const char *model, const char *path, size_t chunk)
{
    size_t size = 0, done = 0, pad = (size_t)72 << 20;
    unsigned char *bytes = read_file(model, &size), *buf;
    FILE *f = fopen(path, "wb");
    rwkv_model *m = NULL;
    rwkv_model_info info;
    rwkv_error err;
    CHECK(bytes && f, "map probe: cannot read %s or write %s", model, path);
    if (!bytes || !f) {
        free(bytes);
        if (f) fclose(f);
        return -2.0f;
    }
    buf = (unsigned char *)calloc(1, size + pad);
    memcpy(buf, bytes, size);
    setvbuf(f, NULL, _IONBF, 0); /* one write() per fwrite */
    while (done < size + pad) {
        const size_t n = size + pad - done < chunk ? size + pad - done : chunk;
        if (fwrite(buf + done, 1, n, f) != n) break;
        done += n;
    }
    fclose(f);
    free(buf);
    free(bytes);
    CHECK(done == size + pad, "map probe: short write of %s", path);
    if (rwkv_model_open(path, &m, &err) != RWKV_OK) {
        CHECK(0, "map probe: rwkv_model_open: %s", err.message);
        return -2.0f;
    }
    rwkv_model_get_info(m, &info);
    rwkv_model_close(m);
    remove(path);
    CHECK(info.loaded == RWKV_LOADED_MAP, "map probe: loaded %d", info.loaded);
    CHECK(info.map_huge == -1.0f || (info.map_huge >= 0.0f && info.map_huge <= 1.0f),
          "map probe: map_huge %g", (double)info.map_huge);
    return info.map_huge;
}

static void test_map_probe(const char *model)
{
    const float small = padded_map_huge(model, "build/test_model_api-8k.gguf", 8192);
    const float big = padded_map_huge(model, "build/test_model_api-4m.gguf", (size_t)4 << 20);
#ifdef __linux__
    FILE *smaps = fopen("/proc/self/smaps", "r");
    if (smaps) {
        fclose(smaps);
        /* just written, so cached: the probe must have measured it */
        CHECK(small >= 0.0f && small < 0.5f, "map probe: a file written 8 KiB at a time has "
              "map_huge %g (expected below 0.5)", (double)small);
    }
#endif
    printf("map probe: map_huge %g for a file written 8 KiB at a time, %g for 4 MiB at a time "
           "(%s)\n", (double)small, (double)big,
           big >= 0.5f ? "this kernel caches it in 2 MiB folios" : "no 2 MiB folios here");
}

/* rwkv_build_info names what the macros of this build chose (rwkv --version prints it) */
static void test_build_info(void)
{
    const char *b = rwkv_build_info();
    const char *flt =
#if defined(RWKV__AVX512)
        "float kernels AVX-512 (16 lanes); ";
#elif defined(RWKV__AVX2)
        "float kernels AVX2+FMA+F16C (8 lanes); ";
#elif defined(RWKV__NEON) && defined(__aarch64__)
        "float kernels NEON aarch64 (4 lanes); ";
#elif defined(RWKV__NEON)
        "float kernels NEON ARMv7 VFPv4 (4 lanes); ";
#else
        "float kernels scalar; ";
#endif
    const char *quant =
#if defined(RWKV__QVNNI)
        "quantized kernels AVX-512 VNNI";
#elif defined(RWKV__QVNNI256)
        "quantized kernels AVX2 with AVX-VNNI";
#elif defined(RWKV__QAVX2)
        "quantized kernels AVX2;"; /* the ';': not a VNNI variant */
#elif defined(RWKV__QNEON) && defined(__ARM_FEATURE_DOTPROD)
        "quantized kernels NEON dotprod";
#elif defined(RWKV__QNEON)
        "quantized kernels NEON;";
#else
        "quantized kernels scalar";
#endif
    CHECK(b != NULL && strncmp(b, flt, strlen(flt)) == 0 &&
              strncmp(b + strlen(flt), quant, strlen(quant)) == 0,
          "rwkv_build_info: '%s', want it to begin '%s%s'", b ? b : "(null)", flt, quant);
#ifdef RWKV__TEAM
    CHECK(b && strstr(b, "; threads OpenMP") && !strstr(b, "one region"), "rwkv_build_info: '%s' "
          "does not say OpenMP threads", b ? b : "(null)");
#elif !defined(_OPENMP)
    CHECK(b && strstr(b, "one thread (built without OpenMP)"), "rwkv_build_info: '%s'", b ? b : "(null)");
#endif
#ifdef RWKV__QAMX
    CHECK(b && strstr(b, "AMX-INT8"), "rwkv_build_info: '%s' does not name AMX-INT8", b ? b : "(null)");
#else
    CHECK(b && !strstr(b, "AMX"), "rwkv_build_info: '%s' names AMX", b ? b : "(null)");
#endif
    printf("ok   rwkv_build_info: %s\n", b ? b : "(null)");
}

int main(int argc, char **argv)
{
    /* --make-models: only make the models (check_make_model) */
    const int make_only = argc > 1 && strcmp(argv[1], "--make-models") == 0;
    char paths[N_SPECS][128];
    size_t i;

    for (i = 0; i < N_SPECS; i++) {
        sprintf(paths[i], "build/test_model_api-%s.gguf", SPECS[i].name);
        if (!check_make_model(SPECS[i].args, paths[i])) return 77;
    }
    if (make_only) return 0;
    test_build_info();
    for (i = 0; i < N_SPECS; i++) test_model(SPECS[i].name, paths[i]);
    {
        const char *q = "build/test_model_api-v7-q4_0.gguf";
        rwkv_quantize_params qp;
        rwkv_error err;
        rwkv_quantize_params_default(&qp);
        qp.preset = "q4_0";
        CHECK(rwkv_model_quantize(paths[N_SPECS - 1], q, &qp, &err) == RWKV_OK,
              "rwkv_model_quantize: %s", err.message);
        test_model("v7-q4_0", q);
        remove(q);
    }
    test_refused(paths[0]);
    test_own_file(paths[0], paths[1]);
    test_cancel(paths[N_SPECS - 1]);
    test_map_probe(paths[0]);
    for (i = 0; i < N_SPECS; i++) remove(paths[i]);
    printf("%d checks, %d failure(s)\n", checks, failures);
    return failures ? 1 : 0;
}
