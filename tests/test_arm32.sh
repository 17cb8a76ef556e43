#!/bin/sh
# The library's self-contained C tests on a 32-bit ARM host (armhf: ARMv7 NEON with VFPv4, a
# Raspberry Pi 4 running a 32-bit OS, where size_t and long are 32 bits):
# tests/test_sampler.c, test_tokenizer.c, test_model_api.c and test_state.c (200 greedy
# tokens instead of 5000), cross-compiled with the README's flags for that Pi (-static, no
# OpenMP: the team's 32-bit path is tests/test_cross.sh's), with zero warnings, and run one
# after another under qemu-arm. test_neon.sh
# and test_cross.sh cover the kernels and the logits there; this covers the sampler, the
# tokenizers, the model API and saved states. The tests write their models and files under
# build/ of the directory they run in: here build/arm32 (with a link to tools/), apart from
# the native runs of the same tests, which run_all.sh may run at the same time.
# Needs gcc-arm-linux-gnueabihf libc6-dev-armhf-cross qemu-user (.ci/run installs them);
# skips (77) without them.
cd "$(dirname "$0")/.." || exit 2
if ! command -v arm-linux-gnueabihf-gcc > /dev/null 2>&1 || ! command -v qemu-arm > /dev/null 2>&1; then
    echo "skip: arm-linux-gnueabihf-gcc or qemu-arm not found (apt: gcc-arm-linux-gnueabihf libc6-dev-armhf-cross qemu-user)"
    exit 77
fi
root=$(pwd)
out=build/arm32
mkdir -p "$out/build" || exit 2
ln -sfn "$root/tools" "$out/tools" || exit 2
PY=${PY:-/usr/bin/python3}
export PY
failed=0
for t in test_sampler test_tokenizer test_model_api test_state; do
    bin=$out/$t
    if ! arm-linux-gnueabihf-gcc -std=c99 -Wall -Wextra -pedantic -O2 -mcpu=cortex-a72 \
            -mfpu=neon-vfpv4 -mfloat-abi=hard -mfp16-format=ieee -D_FILE_OFFSET_BITS=64 \
            -static -o "$bin" "tests/$t.c" tokenizer.c -lm 2> "$bin.log" ||
       [ -s "$bin.log" ]; then
        cat "$bin.log"
        echo "FAIL: $t does not compile for armhf without warnings"
        failed=$((failed + 1))
        continue
    fi
    args=
    [ "$t" = test_state ] && args=200
    start=$(date +%s)
    (cd "$out" && qemu-arm "./$t" $args > "$t.out" 2>&1)
    rc=$?
    if [ $rc -eq 0 ]; then
        echo "ok   $t on armhf ($(( $(date +%s) - start )) s): $(tail -n 1 "$bin.out")"
    elif [ $rc -eq 77 ]; then
        echo "skip $t on armhf: $(tail -n 1 "$bin.out")"
    else
        tail -n 20 "$bin.out"
        echo "FAIL: $t on armhf exited $rc (all of it in $bin.out)"
        failed=$((failed + 1))
    fi
done
[ $failed -eq 0 ] || exit 1
