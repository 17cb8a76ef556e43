/* tests/check.h - what the C tests share: CHECK(cond, printf-style message) counts a check
   in `checks` and, when cond is false, a failure in `failures`, printing the file, line and
   message. Define CHECK_PRINT_LIMIT before including to print only the first that many. */
#ifndef RWKV_TESTS_CHECK_H
#define RWKV_TESTS_CHECK_H

#include <stdio.h>

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

#endif
