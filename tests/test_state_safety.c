/* Saved states are safe to use (issue 15, items 2 and 3):
     - a state records its model's fingerprint: loading it into another model of the same shape
       (one weight byte changed: a fine-tune; one metadata value changed) fails with
       RWKV_ERR_STATE and a message, and works with RWKV_STATE_LOAD_FORCE; the fingerprint is
       the same when the same bytes are opened again (file or memory);
     - a state with a NaN or an infinity is refused, and so is format 1 (the 40-byte header
       of rwkv.c before the fingerprint); a refused load leaves the state as it was;
     - rwkv_state_save_file leaves no temporary file behind, on success or failure;
     - concurrent saves to one path (4 processes, then 3 threads) while a reader loads it:
       every save succeeds, every load succeeds and gives one of the saved states exactly;
     - the writer under them (rwkv__atomic_*, which rwkv_model_quantize uses too) buffers
       its writes into chunks of RWKV__WRITE_CHUNK: pieces of every size around the chunk
       (empty, a byte, a chunk less one, several chunks) give the file of their
       concatenation.
   Models are built in memory (tests/fuzz/tiny_gguf.h); files go to build/. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* fork, waitpid, opendir */
#endif
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"
#include "fuzz/fuzz_common.h"
#include "fuzz/tiny_gguf.h"

#include <dirent.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define K_STATES 4    /* distinct states the writers save */
#define N_WRITERS 4   /* processes */
#define N_SAVES 40    /* saves per writer */
#define DIR_ "build/test_state_safety.d"
#define PATH_ DIR_ "/s.state"

static const tiny_spec SPEC = {7, 0, 2, 64, 256, 64, 32, 8, 0};

static rwkv_model *open_mem(const unsigned char *bytes, size_t size)
{
    rwkv_model *m = NULL;
    rwkv_error err;
    if (rwkv_model_open_memory(bytes, size, &m, &err) != RWKV_OK) {
        printf("open_memory: %s\n", err.message);
        exit(1);
    }
    return m;
}

static rwkv_state *fresh(const rwkv_model *m)
{
    rwkv_state *s = NULL;
    rwkv_error err;
    if (rwkv_state_new(m, &s, &err) != RWKV_OK) {
        printf("rwkv_state_new: %s\n", err.message);
        exit(1);
    }
    return s;
}

/* Files in DIR_ other than s.state (temporary files left behind). */
static int stray_files(void)
{
    DIR *d = opendir(DIR_);
    struct dirent *e;
    int n = 0;
    if (!d) return -1;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strcmp(e->d_name, "s.state")) {
            printf("stray file %s/%s\n", DIR_, e->d_name);
            n++;
        }
    closedir(d);
    return n;
}

static void test_fingerprint(const unsigned char *bytes, size_t size)
{
    unsigned char *tuned = (unsigned char *)malloc(size), *renamed = (unsigned char *)malloc(size);
    rwkv_model *m = open_mem(bytes, size), *again = open_mem(bytes, size), *m2, *m3;
    rwkv_state *a = fresh(m), *b;
    const rwkv__tensor *t;
    unsigned char *blob, *before;
    size_t n = rwkv_state_serialized_size(m), off;
    const char *name;
    rwkv_error err;
    rwkv_status s;
    long ti;
    int i;

    if (!tuned || !renamed) exit(1);
    /* "a fine-tune": the first byte of the head's weights changed */
    ti = rwkv__find(m->gguf.tensors, m->gguf.n_tensors, sizeof(rwkv__tensor), "output.weight");
    CHECK(ti >= 0, "output.weight not found");
    if (ti < 0) exit(1);
    t = &m->gguf.tensors[ti];
    off = (size_t)((const unsigned char *)t->data - bytes);
    memcpy(tuned, bytes, size);
    tuned[off] ^= 0x01;
    /* a metadata byte: the lowest of the float value of rwkv.attention.layer_norm_epsilon
       (after its key and its 4-byte type) */
    memcpy(renamed, bytes, size);
    name = "rwkv.attention.layer_norm_epsilon";
    for (off = 0; off + strlen(name) < size; off++)
        if (memcmp(bytes + off, name, strlen(name)) == 0) break;
    CHECK(off + strlen(name) < size, "%s not found", name);
    if (off + strlen(name) >= size) exit(1);
    renamed[off + strlen(name) + 4] ^= 0x01;
    m2 = open_mem(tuned, size);
    m3 = open_mem(renamed, size);
    b = fresh(m2);
    blob = (unsigned char *)malloc(n);
    before = (unsigned char *)malloc(n);
    if (!blob || !before) exit(1);

    CHECK(rwkv_model_get_fingerprint(m) == rwkv_model_get_fingerprint(again),
          "the same bytes give two fingerprints");
    CHECK(rwkv_model_get_fingerprint(m) != rwkv_model_get_fingerprint(m2),
          "one weight byte changed: same fingerprint %016llx",
          (unsigned long long)rwkv_model_get_fingerprint(m));
    CHECK(rwkv_model_get_fingerprint(m) != rwkv_model_get_fingerprint(m3),
          "one metadata byte changed: same fingerprint");
    printf("fingerprints: model %016llx, weight byte changed %016llx, metadata changed %016llx\n",
           (unsigned long long)rwkv_model_get_fingerprint(m),
           (unsigned long long)rwkv_model_get_fingerprint(m2),
           (unsigned long long)rwkv_model_get_fingerprint(m3));

    for (i = 0; i < 5; i++) rwkv_eval(a, i + 3, NULL, NULL);
    CHECK(rwkv_state_save(a, blob, n, &err) == RWKV_OK, "save: %s", err.message);
    rwkv_eval(b, 7, NULL, NULL);
    rwkv_state_save(b, before, n, NULL);

    /* into the fine-tune: refused, b unchanged; forced: loaded */
    s = rwkv_state_load(b, blob, n, &err);
    printf("into another model: %s\n", s ? err.message : "accepted");
    CHECK(s == RWKV_ERR_STATE && strstr(err.message, "another model"),
          "a state of another model of the same shape: status %d", (int)s);
    {
        unsigned char *now = (unsigned char *)malloc(n);
        if (!now) exit(1);
        rwkv_state_save(b, now, n, NULL);
        CHECK(memcmp(now, before, n) == 0, "a refused load changed the state");
        s = rwkv_state_load_flags(b, blob, n, RWKV_STATE_LOAD_FORCE, &err);
        CHECK(s == RWKV_OK, "forced load: %s", err.message);
        rwkv_state_save(b, now, n, NULL);
        CHECK(memcmp(now + 48, blob + 48, n - 48) == 0, "forced load: other floats");
        free(now);
    }
    {
        rwkv_state *c3 = fresh(m3), *c4 = fresh(again);
        CHECK(rwkv_state_load(c3, blob, n, &err) == RWKV_ERR_STATE,
              "a state loaded into a model whose metadata differs");
        CHECK(rwkv_state_load(c4, blob, n, &err) == RWKV_OK,
              "the same model opened again refuses its state: %s", err.message);
        rwkv_state_free(c3);
        rwkv_state_free(c4);
    }

    /* NaN, infinity: refused even when forced, the state unchanged */
    {
        static const uint32_t bad[3] = {0x7fc00000u, 0x7f800000u, 0xff800001u};
        unsigned char *x = (unsigned char *)malloc(n), *now = (unsigned char *)malloc(n);
        rwkv_state *c = fresh(m);
        int k;
        if (!x || !now) exit(1);
        rwkv_state_save(c, before, n, NULL);
        for (k = 0; k < 3; k++) {
            size_t at = 48 + 4 * ((n - 48) / 4 / 3 * (size_t)k + 1);
            memcpy(x, blob, n);
            rwkv__put_le(x + at, bad[k], 4);
            s = rwkv_state_load_flags(c, x, n, RWKV_STATE_LOAD_FORCE, &err);
            CHECK(s == RWKV_ERR_STATE && (strstr(err.message, "NaN") ||
                                          strstr(err.message, "infinite")),
                  "float 0x%08x at byte %lu accepted (status %d)", (unsigned)bad[k],
                  (unsigned long)at, (int)s);
            if (k == 0) printf("NaN: %s\n", err.message);
            rwkv_state_save(c, now, n, NULL);
            CHECK(memcmp(now, before, n) == 0, "a refused load changed the state");
        }
        /* format 1: the 40-byte header of rwkv.c before the fingerprint */
        memcpy(x, blob, 40);
        rwkv__put_le(x + 8, 1, 4);
        memcpy(x + 40, blob + 48, n - 48);
        s = rwkv_state_load(c, x, n - 8, &err);
        printf("format 1: %s\n", s ? err.message : "accepted");
        CHECK(s == RWKV_ERR_STATE && strstr(err.message, "format 1"),
              "a format 1 state: status %d", (int)s);
        rwkv__put_le(x + 8, 3, 4);
        CHECK(rwkv_state_load(c, x, n - 8, &err) == RWKV_ERR_STATE, "format 3 accepted");
        rwkv_state_free(c);
        free(x);
        free(now);
    }

    /* files: no temporary file left, also after a failed save */
    {
        rwkv_state *c = fresh(m2);
        CHECK(rwkv_state_save_file(a, PATH_, &err) == RWKV_OK, "save_file: %s", err.message);
        CHECK(rwkv_state_load_file(c, PATH_, &err) == RWKV_ERR_STATE &&
                  strstr(err.message, PATH_),
              "load_file into another model: %s", err.message);
        CHECK(rwkv_state_load_file_flags(c, PATH_, RWKV_STATE_LOAD_FORCE, &err) == RWKV_OK,
              "load_file forced: %s", err.message);
        CHECK(rwkv_state_save_file(a, DIR_, &err) == RWKV_ERR_IO,
              "save_file over a directory did not fail");
        printf("save over a directory: %s\n", err.message);
        CHECK(rwkv_state_save_file(a, DIR_ "/no/such/dir/s.state", &err) == RWKV_ERR_IO,
              "save_file into a missing directory did not fail");
        CHECK(stray_files() == 0, "temporary files left in " DIR_);
        rwkv_state_free(c);
    }

    rwkv_state_free(a);
    rwkv_state_free(b);
    rwkv_model_close(m);
    rwkv_model_close(again);
    rwkv_model_close(m2);
    rwkv_model_close(m3);
    free(blob);
    free(before);
    free(tuned);
    free(renamed);
}

/* The index of the saved state blob equals, or -1. */
static int which(const unsigned char *blob, unsigned char *const *saved, size_t n)
{
    int k;
    for (k = 0; k < K_STATES; k++)
        if (memcmp(blob, saved[k], n) == 0) return k;
    return -1;
}

/* One reader pass: load the file, save the state to a blob, find it among the saved ones.
   Returns 1 when it loaded and matched; prints the first failures. */
static int read_once(rwkv_state *st, unsigned char *blob, unsigned char *const *saved,
                     size_t n, int *printed)
{
    rwkv_error err;
    if (rwkv_state_load_file(st, PATH_, &err) != RWKV_OK) {
        if ((*printed)++ < 3) printf("reader: %s\n", err.message);
        return 0;
    }
    rwkv_state_save(st, blob, n, NULL);
    if (which(blob, saved, n) < 0) {
        if ((*printed)++ < 3) printf("reader: loaded a state that no writer saved\n");
        return 0;
    }
    return 1;
}

static void test_concurrent(const unsigned char *bytes, size_t size)
{
    rwkv_model *m = open_mem(bytes, size);
    rwkv_state *st[K_STATES], *reader = fresh(m);
    unsigned char *saved[K_STATES], *blob;
    size_t n = rwkv_state_serialized_size(m);
    pid_t pids[N_WRITERS];
    rwkv_error err;
    int k, w, reads = 0, good = 0, printed = 0, save_fail = 0, alive;

    blob = (unsigned char *)malloc(n);
    if (!blob) exit(1);
    for (k = 0; k < K_STATES; k++) {
        int t;
        st[k] = fresh(m);
        for (t = 0; t <= k; t++) rwkv_eval(st[k], 5 * k + t, NULL, NULL);
        saved[k] = (unsigned char *)malloc(n);
        if (!saved[k]) exit(1);
        rwkv_state_save(st[k], saved[k], n, NULL);
    }
    CHECK(rwkv_state_save_file(st[0], PATH_, &err) == RWKV_OK, "save: %s", err.message);

    /* processes */
    fflush(stdout);
    for (w = 0; w < N_WRITERS; w++) {
        pids[w] = fork();
        if (pids[w] == 0) {
            int i, fails = 0;
            for (i = 0; i < N_SAVES; i++)
                if (rwkv_state_save_file(st[(w + i) % K_STATES], PATH_, &err) != RWKV_OK) {
                    if (fails++ < 2) printf("writer %d: %s\n", w, err.message);
                }
            fflush(stdout);
            _exit(fails > 100 ? 100 : fails);
        }
        if (pids[w] < 0) {
            printf("fork failed\n");
            exit(1);
        }
    }
    do {
        int status;
        good += read_once(reader, blob, saved, n, &printed);
        reads++;
        alive = 0;
        for (w = 0; w < N_WRITERS; w++) {
            if (pids[w] == 0) continue;
            if (waitpid(pids[w], &status, WNOHANG) == pids[w]) {
                save_fail += WIFEXITED(status) ? WEXITSTATUS(status) : 100;
                pids[w] = 0;
            } else {
                alive = 1;
            }
        }
    } while (alive);
    printf("processes: %d writers x %d saves: %d failed; reader: %d loads, %d good\n",
           N_WRITERS, N_SAVES, save_fail, reads, good);
    CHECK(save_fail == 0, "%d saves failed", save_fail);
    CHECK(good == reads, "%d of %d loads failed or gave a state no writer saved",
          reads - good, reads);

    /* threads of one process (OpenMP): thread 0 reads, the others write */
#ifdef _OPENMP
    reads = good = save_fail = 0;
    {
        int done = 0;
#pragma omp parallel num_threads(4) reduction(+ : save_fail)
        {
            int me = omp_get_thread_num(), i, over = 0;
            if (me == 0) {
                rwkv_state *r = fresh(m);
                unsigned char *b = (unsigned char *)malloc(n);
                if (!b) exit(1);
                while (!over) {
                    good += read_once(r, b, saved, n, &printed);
                    reads++;
#pragma omp atomic read
                    over = done;
                }
                rwkv_state_free(r);
                free(b);
            } else {
                rwkv_error e;
                for (i = 0; i < N_SAVES; i++)
                    if (rwkv_state_save_file(st[(me + i) % K_STATES], PATH_, &e) != RWKV_OK)
                        save_fail++;
#pragma omp atomic
                done += me == 1; /* writer 1 ending ends the reader (others may go on) */
            }
        }
    }
    printf("threads: 3 writers x %d saves: %d failed; reader: %d loads, %d good\n", N_SAVES,
           save_fail, reads, good);
    CHECK(save_fail == 0, "%d saves failed", save_fail);
    CHECK(good == reads && reads > 0, "%d of %d loads failed or gave a state no writer saved",
          reads - good, reads);
#else
    printf("threads: skipped (built without OpenMP)\n");
#endif
    CHECK(stray_files() == 0, "temporary files left in " DIR_);

    for (k = 0; k < K_STATES; k++) {
        rwkv_state_free(st[k]);
        free(saved[k]);
    }
    rwkv_state_free(reader);
    free(blob);
    rwkv_model_close(m);
}

/* Pieces of sizes around RWKV__WRITE_CHUNK through the buffered writer: the committed file
   holds exactly their concatenation. */
static void test_writer(void)
{
    const size_t C = RWKV__WRITE_CHUNK;
    const size_t sizes[] = {0, 1, 7, C - 8, 0, C, 3, 2 * C + 5, C - 3, 1, C, C / 2, C / 2,
                            3 * C, 100, 0};
    const size_t n_sizes = sizeof sizes / sizeof sizes[0];
    size_t total = 0, i, pos = 0, got;
    unsigned char *data, *back;
    rwkv__atomic a;
    rwkv_error err;
    FILE *f;
    for (i = 0; i < n_sizes; i++) total += sizes[i];
    data = (unsigned char *)malloc(total);
    back = (unsigned char *)malloc(total + 1);
    if (!data || !back) {
        CHECK(0, "writer test: out of memory");
        free(data);
        free(back);
        return;
    }
    for (i = 0; i < total; i++) data[i] = (unsigned char)(i * 2654435761u >> 13);
    CHECK(rwkv__atomic_open(&a, PATH_, &err) == RWKV_OK, "writer: open: %s", err.message);
    for (i = 0; i < n_sizes; i++) {
        CHECK(rwkv__atomic_write(&a, data + pos, sizes[i], &err) == RWKV_OK,
              "writer: piece %u: %s", (unsigned)i, err.message);
        pos += sizes[i];
    }
    CHECK(rwkv__atomic_commit(&a, &err) == RWKV_OK, "writer: commit: %s", err.message);
    f = fopen(PATH_, "rb");
    got = f ? fread(back, 1, total + 1, f) : 0;
    if (f) fclose(f);
    CHECK(got == total, "writer: file of %lu bytes, wrote %lu", (unsigned long)got,
          (unsigned long)total);
    CHECK(got == total && memcmp(back, data, total) == 0, "writer: the file differs from the "
          "pieces written");
    CHECK(stray_files() == 0, "writer: temporary files left");
    remove(PATH_);
    free(data);
    free(back);
}

int main(void)
{
    size_t size;
    unsigned char *bytes = tiny_gguf(&SPEC, &size);
    if (system("mkdir -p " DIR_) != 0) return 1;
    remove(PATH_);
    test_fingerprint(bytes, size);
    test_concurrent(bytes, size);
    test_writer();
    remove(PATH_);
    rmdir(DIR_);
    free(bytes);
    printf("%d check(s), %d failure(s)\n", checks, failures);
    return failures ? 1 : 0;
}
