#!/bin/sh
# The NEON kernels (the Raspberry Pi paths): cross-compiles tests/test_kernels.c for aarch64
# and for 32-bit armhf (ARMv7 NEON with VFPv4, as on a Pi 2/3/4/Zero 2 running a 32-bit OS)
# and runs it under qemu-user; each build checks its kernels against the scalar definition.
# Then the output hashes: NEON on aarch64 and on armhf use the same summation order, so they
# must give the same bits; so must the scalar builds of both, and clang's aarch64 build.
# Needs: gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user (.ci/run installs them);
# armhf additionally gcc-arm-linux-gnueabihf libc6-dev-armhf-cross. Skips (77) when the
# aarch64 tools are missing.
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
    # (a static libgomp always warns about dlopen; that is not ours; anything else is)
    if grep -v "dlopen\|goacc_profiling_initialize\|In function\|^collect2" "$bin.log" | grep .; then
        echo "FAIL: $name compiles with warnings"; failed=$((failed + 1))
    fi
    echo "== $name: $cc $*"
    if OMP_NUM_THREADS=2 "$qemu" "$bin" > "$bin.out"; then
        ran=$((ran + 1))
    else
        echo "FAIL: $name"; failed=$((failed + 1))
    fi
    cat "$bin.out"
}
hash_of() { grep '^output hash' "$out/test_kernels_$1.out" 2> /dev/null; }
same_hash() { # what name1 name2
    h1=$(hash_of "$2"); h2=$(hash_of "$3")
    if [ -n "$h1" ] && [ "$h1" = "$h2" ]; then
        echo "$1: $2 and $3 give the same bits ($h1)"; ran=$((ran + 1))
    else
        echo "FAIL: $1: $2 ($h1) and $3 ($h2) differ"; failed=$((failed + 1))
    fi
}
if ! command -v aarch64-linux-gnu-gcc > /dev/null 2>&1 || ! command -v qemu-aarch64 > /dev/null 2>&1; then
    echo "aarch64-linux-gnu-gcc or qemu-aarch64 not found (apt: gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user)"
    exit 77
fi
rm -f "$out"/*.out
# plain ARMv8.0 (Pi 3/4; the Pi 5's armv8.2-a+fp16 compiles the same kernels)
runone aarch64 aarch64-linux-gnu-gcc qemu-aarch64 -march=armv8-a
runone aarch64-scalar aarch64-linux-gnu-gcc qemu-aarch64 -march=armv8-a -DRWKV_NO_SIMD
# clang on aarch64 is the macOS (Apple silicon) combination: the same bits as gcc
if command -v clang > /dev/null 2>&1 && echo 'int main(void){return 0;}' |
   clang --target=aarch64-linux-gnu -static -x c -o "$out/clang_probe" - > /dev/null 2>&1; then
    runone aarch64-clang clang qemu-aarch64 --target=aarch64-linux-gnu
    same_hash "NEON, gcc and clang" aarch64 aarch64-clang
else
    echo "(clang for aarch64 skipped: no clang, or it cannot link for aarch64-linux-gnu)"
fi
if command -v arm-linux-gnueabihf-gcc > /dev/null 2>&1 && command -v qemu-arm > /dev/null 2>&1; then
    # ARMv7 NEON + VFPv4: f16 converted in integer steps (gcc without -mfp16-format) and by
    # the hardware (with it); plain -mfpu=neon (no FMA) stays scalar
    runone armhf arm-linux-gnueabihf-gcc qemu-arm -mfpu=neon-vfpv4 -mfloat-abi=hard
    runone armhf-fp16 arm-linux-gnueabihf-gcc qemu-arm -mfpu=neon-vfpv4 -mfloat-abi=hard -mfp16-format=ieee
    runone armhf-scalar arm-linux-gnueabihf-gcc qemu-arm -mfpu=neon -mfloat-abi=hard
    grep -q "NEON ARMv7" "$out/test_kernels_armhf.out" ||
        { echo "FAIL: the armhf -mfpu=neon-vfpv4 build does not use the NEON kernels"; failed=$((failed + 1)); }
    grep -q "kernels: scalar" "$out/test_kernels_armhf-scalar.out" ||
        { echo "FAIL: the armhf -mfpu=neon build is not scalar"; failed=$((failed + 1)); }
    same_hash "NEON" aarch64 armhf
    same_hash "NEON" armhf armhf-fp16
    same_hash "scalar" aarch64-scalar armhf-scalar
else
    echo "(armhf skipped: arm-linux-gnueabihf-gcc or qemu-arm not found)"
fi
echo "$ran cross builds and checks passed, $failed failed"
[ "$failed" -eq 0 ]
