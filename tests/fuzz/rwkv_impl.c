/* The implementation of rwkv.h for the fuzz harnesses, compiled once with coverage
   instrumentation (-fsanitize=fuzzer-no-link) and linked into each of them, with tokenizer.c:
   RWKV_PILE, so that the Pile paths (HF JSON vocabularies, Pile models) are fuzzed too. */
#define RWKV_IMPLEMENTATION
#define RWKV_PILE
#include "../../rwkv.h"
