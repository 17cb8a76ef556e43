/* The implementation of rwkv.h for the fuzz harnesses, compiled once with coverage
   instrumentation (-fsanitize=fuzzer-no-link) and linked into each of them. */
#define RWKV_IMPLEMENTATION
#include "../../rwkv.h"
