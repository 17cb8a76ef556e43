#!/bin/sh
# examples/embed.c as an embedder builds it (run by `make test`; exit 0 pass, 77 skip):
#   - from rwkv.h alone (cc -std=c99 -Wall -Wextra -pedantic -Werror) it runs a byte-level and
#     a World model, and refuses a Pile model with a message naming tokenizer.c;
#   - with tokenizer.c and -DRWKV_PILE it runs the Pile model;
#   - on each model it prints exactly what `rwkv generate` prints with the same prompt, seed
#     and settings (the sampler's conventions, ChatRWKV's space/digit rule included, live in
#     the library, not in the CLI: the byte-level case, where space and digit tokens are
#     common, differs when embed turns the rule off);
#   - rwkv.h with RWKV_IMPLEMENTATION, and tokenizer.c, compile as C++ (when c++ exists).
# Models: small random ones from tools/random_model.py. The World and Pile ones need the
# vocabulary files: ./vocab, else ../shared/vocab; without them only the byte-level checks run.
cd "$(dirname "$0")/.." || exit 2
CC=${CC:-cc}
PY=${PY:-python3}
RWKV=${RWKV_BIN:-./rwkv}
OUT=build/embed-test
WARN="-std=c99 -Wall -Wextra -pedantic -Werror"
# The CLI's code generation (the Makefile's CFLAGS): the SIMD kernels agree with the scalar
# ones only to rounding, so a build for another target may sample another token.
OPT=${CFLAGS:--O3 -march=native}
mkdir -p "$OUT" || exit 2
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

[ -x "$RWKV" ] || { echo "skip: $RWKV not built (make test builds it)"; exit 77; }

if [ -d vocab ]; then VOCAB=$PWD/vocab
elif [ -d ../shared/vocab ]; then VOCAB=$(cd ../shared/vocab && pwd)
else VOCAB=; fi

model() { # NAME TOKENIZER VERSION VOCAB_SIZE: builds $OUT/NAME.gguf
    RWKV_VOCAB_DIR=$VOCAB "$PY" tools/random_model.py --version "$3" --layers 1 --embd 64 \
        --head-size 16 --vocab "$4" --dtype f16 --tokenizer "$2" --seed 5 "$OUT/$1.gguf" \
        > "$OUT/$1.log" 2>&1 || { cat "$OUT/$1.log"; fail "random_model.py $1"; }
}

# The same prompt, seed and length through the CLI and through embed: embed prints the prompt,
# the continuation and a newline; the CLI only the continuation.
agree() { # BINARY MODEL LABEL
    prompt="The 3 quick brown foxes, 42 lazy dogs:"
    if ! "$1" "$OUT/$2.gguf" "$prompt" 40 > "$OUT/$2.embed" 2> "$OUT/$2.embed.err"; then
        fail "$3: embed failed: $(cat "$OUT/$2.embed.err")"
        return
    fi
    if ! "$RWKV" generate -m "$OUT/$2.gguf" -p "$prompt" -n 40 --seed 1234 -q > "$OUT/$2.cli" 2>&1; then
        fail "$3: rwkv generate failed: $(cat "$OUT/$2.cli")"
        return
    fi
    { printf '%s' "$prompt"; cat "$OUT/$2.cli"; printf '\n'; } > "$OUT/$2.want"
    if cmp -s "$OUT/$2.want" "$OUT/$2.embed"; then
        echo "ok   $3: embed == rwkv generate ($(wc -c < "$OUT/$2.cli") bytes; $(cat "$OUT/$2.embed.err"))"
    else
        fail "$3: embed and rwkv generate differ"
        od -c "$OUT/$2.want" | head -5
        od -c "$OUT/$2.embed" | head -5
    fi
}

# 1. rwkv.h alone
if $CC $WARN $OPT -o "$OUT/embed" examples/embed.c -lm > "$OUT/cc.log" 2>&1; then
    echo "ok   embed.c compiles from rwkv.h alone: $CC $WARN $OPT"
else
    cat "$OUT/cc.log"
    fail "embed.c does not compile warning-free from rwkv.h alone"
    echo "$fails failure(s)"
    exit 1
fi
model bytes none 6 256
agree "$OUT/embed" bytes "byte-level v6, rwkv.h alone"

if [ -n "$VOCAB" ]; then
    model world world 7 65536
    model pile pile 4 50277
    agree "$OUT/embed" world "World v7, rwkv.h alone"
    if "$OUT/embed" "$OUT/pile.gguf" "Hello" 5 > "$OUT/pile.none" 2>&1; then
        fail "rwkv.h alone ran a Pile model (it has no Pile tokenizer)"
    elif grep -q "tokenizer.c" "$OUT/pile.none" && grep -q "RWKV_PILE" "$OUT/pile.none"; then
        echo "ok   Pile model without tokenizer.c: $(cat "$OUT/pile.none")"
    else
        fail "Pile model without tokenizer.c: the message does not say what to add: $(cat "$OUT/pile.none")"
    fi

    # 2. with tokenizer.c
    if $CC $WARN $OPT -DRWKV_PILE -o "$OUT/embed-pile" examples/embed.c tokenizer.c -lm > "$OUT/cc-pile.log" 2>&1; then
        echo "ok   embed.c + tokenizer.c compile: $CC $WARN $OPT -DRWKV_PILE"
        agree "$OUT/embed-pile" pile "Pile v4, rwkv.h + tokenizer.c"
        agree "$OUT/embed-pile" world "World v7, rwkv.h + tokenizer.c"
    else
        cat "$OUT/cc-pile.log"
        fail "embed.c + tokenizer.c do not compile warning-free"
    fi
fi

# 3. C++
CXX=${CXX:-c++}
if command -v "$CXX" > /dev/null 2>&1; then
    for opts in "-x c++ examples/embed.c" "-x c++ -DRWKV_PILE examples/embed.c" "-x c++ tokenizer.c"; do
        # shellcheck disable=SC2086
        if $CXX -fsyntax-only -Wall -Wextra -Werror $opts > "$OUT/cxx.log" 2>&1; then
            echo "ok   $CXX -fsyntax-only $opts"
        else
            cat "$OUT/cxx.log"
            fail "$CXX -fsyntax-only $opts"
        fi
    done
fi

if [ "$fails" -ne 0 ]; then
    echo "$fails failure(s)"
    exit 1
fi
if [ -z "$VOCAB" ]; then
    echo "skip: no vocabulary files (./vocab or ../shared/vocab): only the byte-level checks ran (and passed)"
    exit 77
fi
echo "all embed checks passed"
