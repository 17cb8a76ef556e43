#!/bin/sh
# The library's self-contained C tests on other hosts: tests/test_sampler.c, test_tokenizer.c,
# test_model_api.c and test_state.c (200 greedy tokens instead of 5000), cross-compiled with
# zero warnings (static, no OpenMP: the team's paths there are tests/test_cross.sh's) and run
# one after another:
#   armhf  under qemu-arm: built with the README's flags for a Raspberry Pi 4 on a 32-bit OS
#          (size_t and long are 32 bits);
#   win64  under Wine: built with x86_64-w64-mingw32-gcc (long is 32 bits, files map through
#          the Windows path). A Windows process cannot start the Python that makes the test
#          models, so a native build of the same test makes them first (--make-models) and
#          the Windows one finds them (RWKV_TEST_MODELS_MADE, tests/check.h).
# test_neon.sh and test_cross.sh cover the kernels and the logits on those hosts; this covers
# the sampler, the tokenizers, the model API and saved states. Each target's tests run in
# build/ports/TARGET (beside a link to tools/; they write their models under its build/),
# apart from the native runs of the same tests, which run_all.sh may run at the same time;
# Wine gets its own prefix there (its first start takes 10-30 s).
# Needs gcc-arm-linux-gnueabihf libc6-dev-armhf-cross qemu-user, gcc-mingw-w64-x86-64 wine64
# (.ci/run installs them); a target whose tools are missing is skipped, both missing: 77.
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
PY=${PY:-/usr/bin/python3}
export PY
. tests/cross_tools.sh
targets=
cross_ok armhf arm-linux-gnueabihf-gcc qemu-arm && targets="$targets armhf"
cross_ok win64 x86_64-w64-mingw32-gcc "$WINE" && targets="$targets win64"
if [ -z "$targets" ]; then
    echo "skip: no cross toolchain (apt: gcc-arm-linux-gnueabihf libc6-dev-armhf-cross qemu-user gcc-mingw-w64-x86-64 wine64)"
    exit 77
fi
failed=0

for target in $targets; do
    out=build/ports/$target
    mkdir -p "$out/build" || exit 2
    ln -sfn "$root/tools" "$out/tools" || exit 2
    case $target in
    armhf)
        cc="arm-linux-gnueabihf-gcc -mcpu=cortex-a72 -mfpu=neon-vfpv4 -mfloat-abi=hard"
        cc="$cc -mfp16-format=ieee -D_FILE_OFFSET_BITS=64"
        exe=
        runner=qemu-arm ;;
    win64)
        cc=x86_64-w64-mingw32-gcc
        exe=.exe
        runner=$WINE
        WINEPREFIX=$root/$out/wine
        WINEDEBUG=-all
        export WINEPREFIX WINEDEBUG
        # the prefix's first start, checking nothing (a first start once ran nothing: see
        # tests/test_cross_safety.sh)
        "$WINE" cmd /c exit > /dev/null 2>&1 ;;
    esac
    for t in test_sampler test_tokenizer test_model_api test_state; do
        bin=$out/$t
        if ! $cc -std=c99 -Wall -Wextra -pedantic -O2 -static -o "$bin$exe" "tests/$t.c" \
                tokenizer.c -lm 2> "$bin.log" || [ -s "$bin.log" ]; then
            cat "$bin.log"
            echo "FAIL: $t does not compile for $target without warnings"
            failed=$((failed + 1))
            continue
        fi
        args=
        [ "$t" = test_state ] && args=200
        made=
        if [ "$target" = win64 ] && { [ "$t" = test_model_api ] || [ "$t" = test_state ]; }; then
            if ! ${CC:-cc} -std=c99 -O1 -o "$bin.native" "tests/$t.c" tokenizer.c -lm \
                    > "$bin.native.log" 2>&1 ||
               ! (cd "$out" && "./$t.native" --make-models > "$t.models.log" 2>&1); then
                cat "$bin.native.log" "$bin.models.log" 2> /dev/null
                echo "FAIL: $t: the native build did not make the models"
                failed=$((failed + 1))
                continue
            fi
            made=1
        fi
        start=$(date +%s)
        (cd "$out" && env ${made:+RWKV_TEST_MODELS_MADE=1} "$runner" "./$t$exe" $args \
            > "$t.out" 2>&1)
        rc=$?
        last=$(tail -n 1 "$bin.out" | tr -d '\r')
        if [ $rc -eq 0 ] && [ -n "$last" ]; then
            echo "ok   $t on $target ($(( $(date +%s) - start )) s): $last"
        elif [ $rc -eq 77 ]; then
            echo "skip $t on $target: $last"
        else
            tail -n 20 "$bin.out"
            echo "FAIL: $t on $target exited $rc (all of it in $bin.out)"
            failed=$((failed + 1))
        fi
    done
done
[ $failed -eq 0 ] || exit 1
