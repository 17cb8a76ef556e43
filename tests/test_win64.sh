#!/bin/sh
# The library's self-contained C tests on Windows x64, where long is 32 bits (LLP64) and files
# are mapped through the Windows path behind rwkv.h's ifdefs: tests/test_sampler.c,
# test_tokenizer.c, test_model_api.c and test_state.c (200 greedy tokens instead of 5000),
# built with x86_64-w64-mingw32-gcc (static, zero warnings) and run under Wine one after
# another. A Windows process cannot start the Python that makes the test models, so a native
# build of the same test makes them first (--make-models) and the Windows one finds them
# (RWKV_TEST_MODELS_MADE). Files go under build/win64 (the tests run there, beside a link to
# tools/), with a Wine prefix of their own (build/win64/wine; its first start takes 10-30 s).
# Needs gcc-mingw-w64-x86-64 wine64 (.ci/run installs them); skips (77) without them.
cd "$(dirname "$0")/.." || exit 2
WINE=$(command -v wine64 || command -v wine ||
       { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; })
if ! command -v x86_64-w64-mingw32-gcc > /dev/null 2>&1 || [ -z "$WINE" ]; then
    echo "skip: x86_64-w64-mingw32-gcc or wine64 not found (apt: gcc-mingw-w64-x86-64 wine64)"
    exit 77
fi
root=$(pwd)
out=build/win64
mkdir -p "$out/build" || exit 2
ln -sfn "$root/tools" "$out/tools" || exit 2
PY=${PY:-/usr/bin/python3}
export PY
WINEPREFIX=$root/$out/wine
WINEDEBUG=-all
export WINEPREFIX WINEDEBUG
# the prefix's first start, checking nothing (a first start once ran nothing: see
# tests/test_cross_safety.sh)
"$WINE" cmd /c exit > /dev/null 2>&1
failed=0
for t in test_sampler test_tokenizer test_model_api test_state; do
    bin=$out/$t
    if ! x86_64-w64-mingw32-gcc -std=c99 -Wall -Wextra -pedantic -O2 -static -o "$bin.exe" \
            "tests/$t.c" tokenizer.c -lm 2> "$bin.log" || [ -s "$bin.log" ]; then
        cat "$bin.log"
        echo "FAIL: $t does not compile for Windows without warnings"
        failed=$((failed + 1))
        continue
    fi
    args=
    case $t in
    test_model_api|test_state)
        [ "$t" = test_state ] && args=200
        if ! ${CC:-cc} -std=c99 -O1 -o "$bin.native" "tests/$t.c" tokenizer.c -lm \
                > "$bin.native.log" 2>&1 ||
           ! (cd "$out" && "./$t.native" --make-models > "$t.models.log" 2>&1); then
            cat "$bin.native.log" "$bin.models.log" 2> /dev/null
            echo "FAIL: $t: the native build did not make the models"
            failed=$((failed + 1))
            continue
        fi ;;
    esac
    start=$(date +%s)
    (cd "$out" && RWKV_TEST_MODELS_MADE=1 "$WINE" "./$t.exe" $args > "$t.out" 2>&1)
    rc=$?
    if [ $rc -eq 0 ] && [ -s "$bin.out" ]; then
        echo "ok   $t on Windows ($(( $(date +%s) - start )) s): $(tail -n 1 "$bin.out" | tr -d '\r')"
    elif [ $rc -eq 77 ]; then
        echo "skip $t on Windows: $(tail -n 1 "$bin.out" | tr -d '\r')"
    else
        tail -n 20 "$bin.out"
        echo "FAIL: $t on Windows exited $rc (all of it in $bin.out)"
        failed=$((failed + 1))
    fi
done
[ $failed -eq 0 ] || exit 1
