/* cross_open.c - the program tests/test_cross.sh builds for other targets (armhf, i386,
   s390x) and runs under qemu:
       cross_open write FILE   writes a tiny v7 model (tests/fuzz/tiny_gguf.h) to FILE
       cross_open open FILE    opens FILE, evaluates two tokens and prints
                               "opened: L0 L1 L2 L3" (the first logits) and exit 0, or
                               "refused: STATUS: MESSAGE" and exit 3
   Built without any flag beyond -std=c99, so that rwkv.h's own defaults are what is tested
   (large-file support on 32-bit hosts). */
#define RWKV_IMPLEMENTATION
#include "../rwkv.h"
#include "fuzz/fuzz_common.h"
#include "fuzz/tiny_gguf.h"

static const tiny_spec SPEC = {7, 0, 2, 64, 256, 64, 32, 8, 0};

int main(int argc, char **argv)
{
    rwkv_model *m;
    rwkv_state *st;
    rwkv_error err;
    rwkv_status s;
    float logits[64];
    if (argc != 3) {
        fprintf(stderr, "usage: cross_open write|open FILE\n");
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
    s = rwkv_model_open(argv[2], &m, &err);
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
