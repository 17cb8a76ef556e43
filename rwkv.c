/* rwkv.c - the command-line tool (placeholder until the CLI lands). */
#define RWKV_IMPLEMENTATION
#include "rwkv.h"
#include <stdio.h>
int main(void) { fprintf(stderr, "rwkv: not built yet\n"); return 1; }
