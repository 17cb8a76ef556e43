/* cross_open.c - the program tests/test_cross_safety.sh builds for other targets (armhf, i386,
   s390x) and runs under qemu:
       cross_open write FILE   writes a tiny v7 model (tests/fuzz/tiny_gguf.h) to FILE
       cross_open open FILE    opens FILE, evaluates two tokens and prints
                               "opened: L0 L1 L2 L3" (the first logits) and exit 0, or
                               "refused: STATUS: MESSAGE" and exit 3
       cross_open read FILE    the same through rwkv_model_open_read (the file read into
                               memory, not mapped)
       cross_open state MODEL FILE
                               saves a state to FILE twice (the second replaces the first:
                               MoveFileExA on Windows), loads it back and prints "state ok"
   Built without any flag beyond -std=c99, so that rwkv.h's own defaults are what is tested
   (large-file support on 32-bit hosts). */
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"
#include "fuzz/fuzz_common.h"
#include "fuzz/tiny_gguf.h"

static const tiny_spec SPEC = {7, 0, 2, 64, 256, 64, 32, 8, 0};

static int state_files(const char *model, const char *path)
{
    rwkv_model *m;
    rwkv_state *a, *b;
    rwkv_error err;
    unsigned char *x, *y;
    size_t n;
    if (rwkv_model_open(model, &m, &err) != RWKV_OK || rwkv_state_new(m, &a, &err) != RWKV_OK ||
        rwkv_state_new(m, &b, &err) != RWKV_OK || rwkv_state_save_file(a, path, &err) != RWKV_OK ||
        rwkv_eval(a, 3, NULL, &err) != RWKV_OK || rwkv_state_save_file(a, path, &err) != RWKV_OK ||
        rwkv_state_load_file(b, path, &err) != RWKV_OK) {
        printf("state failed: %s\n", err.message);
        return 1;
    }
    n = rwkv_state_serialized_size(m);
    x = (unsigned char *)malloc(n);
    y = (unsigned char *)malloc(n);
    if (!x || !y) return 1;
    rwkv_state_save(a, x, n, NULL);
    rwkv_state_save(b, y, n, NULL);
    printf(memcmp(x, y, n) == 0 ? "state ok\n" : "state differs\n");
    free(x);
    free(y);
    rwkv_state_free(a);
    rwkv_state_free(b);
    rwkv_model_close(m);
    return 0;
}

int main(int argc, char **argv)
{
    rwkv_model *m;
    rwkv_state *st;
    rwkv_error err;
    rwkv_status s;
    float logits[64];
    if (argc == 4 && strcmp(argv[1], "state") == 0) return state_files(argv[2], argv[3]);
    if (argc != 3) {
        fprintf(stderr, "usage: cross_open write|open FILE, cross_open state MODEL FILE\n");
        return 2;
    }
    if (strcmp(argv[1], "write") == 0) {
        size_t size;
        unsigned char *bytes = tiny_gguf(&SPEC, &size);
        FILE *f = fopen(argv[2], "wb");
        if (!f || fwrite(bytes, 1, size, f) != size || fclose(f) != 0) {
            fprintf(stderr, "cannot write %s\n", argv[2]);
            return 1;
        }
        free(bytes);
        return 0;
    }
    s = strcmp(argv[1], "read") == 0 ? rwkv_model_open_read(argv[2], &m, &err)
                                     : rwkv_model_open(argv[2], &m, &err);
    if (s != RWKV_OK) {
        printf("refused: %s: %s\n", rwkv_status_string(s), err.message);
        return 3;
    }
    if (rwkv_state_new(m, &st, &err) != RWKV_OK || rwkv_eval(st, 1, NULL, &err) != RWKV_OK ||
        rwkv_eval(st, 2, logits, &err) != RWKV_OK) {
        printf("eval failed: %s\n", err.message);
        return 1;
    }
    printf("opened: %.4f %.4f %.4f %.4f\n", logits[0], logits[1], logits[2], logits[3]);
    rwkv_state_free(st);
    rwkv_model_close(m);
    return 0;
}
