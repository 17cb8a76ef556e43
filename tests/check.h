/* tests/check.h - what the C tests share: CHECK(cond, printf-style message) counts a check
   in `checks` and, when cond is false, a failure in `failures`, printing the file, line and
   message. Define CHECK_PRINT_LIMIT before including to print only the first that many.
   check_make_model makes a random test model. */
#ifndef RWKV_TESTS_CHECK_H
#define RWKV_TESTS_CHECK_H

#include <stdio.h>
#include <stdlib.h>

static int failures = 0, checks = 0;

#ifdef CHECK_PRINT_LIMIT
#define CHECK_PRINTS_ (failures <= CHECK_PRINT_LIMIT)
#else
#define CHECK_PRINTS_ 1
#endif

#define CHECK(cond, ...)                                                                    \
    do {                                                                                    \
        checks++;                                                                           \
        if (!(cond)) {                                                                      \
            failures++;                                                                     \
            if (CHECK_PRINTS_) {                                                            \
                printf("FAIL %s:%d: ", __FILE__, __LINE__);                                 \
                printf(__VA_ARGS__);                                                        \
                printf("\n");                                                               \
            }                                                                               \
        }                                                                                   \
    } while (0)

/* Makes the random test model PATH: $PY (default python3) tools/random_model.py ARGS PATH, run
   from the repository root. With RWKV_TEST_MODELS_MADE in the environment PATH is there
   already (tests/test_ports.sh: a Windows build cannot start Python, so a native build of
   the same test made it first, run with --make-models). 0, after printing the test's skip
   line, when the model could not be made. */
static inline int check_make_model(const char *args, const char *path)
{
    const char *py = getenv("PY") ? getenv("PY") : "python3";
    char cmd[1024];
    if (getenv("RWKV_TEST_MODELS_MADE")) return 1;
    snprintf(cmd, sizeof cmd, "%s tools/random_model.py %s %s > /dev/null", py, args, path);
    if (system(cmd) == 0) return 1;
    printf("skip: could not make test models with: %s\n", cmd);
    return 0;
}

#endif
