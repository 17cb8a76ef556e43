/* tokenizer.c - placeholder until the tokenizer lands */
#include "rwkv.h"
typedef int rwkv__tokenizer_placeholder;
