#!/bin/sh
# The NEON kernels (the Raspberry Pi path): cross-compiles tests/test_kernels.c for aarch64
# (and 32-bit armhf, which uses the scalar kernels) and runs it under qemu-user.
# Needs: gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user (.ci/run installs them);
# armhf additionally gcc-arm-linux-gnueabihf. Skips (77) when the aarch64 tools are missing.
cd "$(dirname "$0")/.." || exit 2
out=build/neon
mkdir -p "$out" || exit 2
flags="-std=c99 -Wall -Wextra -pedantic -O2 -static"
ran=0; failed=0
runone() { # name compiler qemu extra-flags...
    name=$1 cc=$2 qemu=$3; shift 3
    bin="$out/test_kernels_$name"
    # OpenMP if the cross toolchain has a static libgomp, else without (the test then checks
    # the thread-count independence of the code path without threads)
    if ! "$cc" $flags -fopenmp "$@" -o "$bin" tests/test_kernels.c tokenizer.c -lm 2> "$bin.log"; then
        if ! "$cc" $flags "$@" -o "$bin" tests/test_kernels.c tokenizer.c -lm 2> "$bin.log"; then
            cat "$bin.log"; echo "FAIL: $name does not compile"; failed=$((failed + 1)); return
        fi
    fi
    # (a static libgomp always warns about dlopen; that is not ours)
    grep -v "dlopen\|goacc_profiling_initialize" "$bin.log"
    echo "== $name: $cc $*"
    if OMP_NUM_THREADS=2 "$qemu" "$bin"; then ran=$((ran + 1)); else echo "FAIL: $name"; failed=$((failed + 1)); fi
}
if ! command -v aarch64-linux-gnu-gcc > /dev/null 2>&1 || ! command -v qemu-aarch64 > /dev/null 2>&1; then
    echo "aarch64-linux-gnu-gcc or qemu-aarch64 not found (apt: gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user)"
    exit 77
fi
# plain ARMv8.0 (Pi 3/4; the Pi 5's armv8.2-a+fp16 compiles the same kernels)
runone aarch64 aarch64-linux-gnu-gcc qemu-aarch64 -march=armv8-a
runone aarch64-scalar aarch64-linux-gnu-gcc qemu-aarch64 -march=armv8-a -DRWKV_NO_SIMD
if command -v arm-linux-gnueabihf-gcc > /dev/null 2>&1 && command -v qemu-arm > /dev/null 2>&1; then
    runone armhf arm-linux-gnueabihf-gcc qemu-arm -mfpu=neon -mfloat-abi=hard
else
    echo "(armhf skipped: arm-linux-gnueabihf-gcc or qemu-arm not found)"
fi
echo "$ran cross builds passed, $failed failed"
[ "$failed" -eq 0 ]
