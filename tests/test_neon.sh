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
# buildrun name compiler qemu extra-flags...: builds and runs one variant (in the background:
# the six run at once), leaving $bin.log (compiler messages), $bin.out and $bin.rc
buildrun() {
    name=$1 cc=$2 qemu=$3; shift 3
    bin="$out/test_kernels_$name"
    echo "$cc $*" > "$bin.cmd"
    # OpenMP if the cross toolchain has a static libgomp, else without (the test then checks
    # the thread-count independence of the code path without threads)
    if ! "$cc" $flags -fopenmp "$@" -o "$bin" tests/test_kernels.c tokenizer.c -lm 2> "$bin.log"; then
        if ! "$cc" $flags "$@" -o "$bin" tests/test_kernels.c tokenizer.c -lm 2> "$bin.log"; then
            echo nocompile > "$bin.rc"; return
        fi
    fi
    OMP_NUM_THREADS=2 "$qemu" "$bin" > "$bin.out" 2>&1
    echo $? > "$bin.rc"
}
report() { # name: what buildrun left
    bin="$out/test_kernels_$1"
    if [ "$(cat "$bin.rc" 2> /dev/null)" = nocompile ]; then
        cat "$bin.log"; echo "FAIL: $1 does not compile"; failed=$((failed + 1)); return
    fi
    # (a static libgomp always warns about dlopen; that is not ours; anything else is)
    if grep -v "dlopen\|goacc_profiling_initialize\|In function\|^collect2" "$bin.log" | grep .; then
        echo "FAIL: $1 compiles with warnings"; failed=$((failed + 1))
    fi
    echo "== $1: $(cat "$bin.cmd")"
    if [ "$(cat "$bin.rc" 2> /dev/null)" = 0 ]; then ran=$((ran + 1)); else echo "FAIL: $1"; failed=$((failed + 1)); fi
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
. tests/cross_tools.sh
if ! cross_ok aarch64 aarch64-linux-gnu-gcc qemu-aarch64; then
    echo "(apt: gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user)"
    exit 77
fi
rm -f "$out"/test_kernels_*
names="aarch64 aarch64-scalar"
# plain ARMv8.0 (Pi 3/4; the Pi 5's armv8.2-a+fp16 compiles the same kernels)
buildrun aarch64 aarch64-linux-gnu-gcc qemu-aarch64 -march=armv8-a &
buildrun aarch64-scalar aarch64-linux-gnu-gcc qemu-aarch64 -march=armv8-a -DRWKV_NO_SIMD &
# clang on aarch64 is the macOS (Apple silicon) combination: the same bits as gcc
clang=""
if have clang && echo 'int main(void){return 0;}' |
   clang --target=aarch64-linux-gnu -static -x c -o "$out/clang_probe" - > /dev/null 2>&1; then
    clang=1; names="$names aarch64-clang"
    buildrun aarch64-clang clang qemu-aarch64 --target=aarch64-linux-gnu &
else
    echo "(clang for aarch64 skipped: no clang, or it cannot link for aarch64-linux-gnu)"
fi
armhf=""
if cross_ok armhf arm-linux-gnueabihf-gcc qemu-arm; then
    # ARMv7 NEON + VFPv4: f16 converted in integer steps (gcc without -mfp16-format) and by
    # the hardware (with it); plain -mfpu=neon (no FMA) stays scalar
    armhf=1; names="$names armhf armhf-fp16 armhf-scalar"
    buildrun armhf arm-linux-gnueabihf-gcc qemu-arm -mfpu=neon-vfpv4 -mfloat-abi=hard &
    buildrun armhf-fp16 arm-linux-gnueabihf-gcc qemu-arm -mfpu=neon-vfpv4 -mfloat-abi=hard -mfp16-format=ieee &
    buildrun armhf-scalar arm-linux-gnueabihf-gcc qemu-arm -mfpu=neon -mfloat-abi=hard &
fi
wait
for n in $names; do report "$n"; done
[ -n "$clang" ] && same_hash "NEON, gcc and clang" aarch64 aarch64-clang
if [ -n "$armhf" ]; then
    grep -q "NEON ARMv7" "$out/test_kernels_armhf.out" ||
        { echo "FAIL: the armhf -mfpu=neon-vfpv4 build does not use the NEON kernels"; failed=$((failed + 1)); }
    grep -q "kernels: scalar" "$out/test_kernels_armhf-scalar.out" ||
        { echo "FAIL: the armhf -mfpu=neon build is not scalar"; failed=$((failed + 1)); }
    same_hash "NEON" aarch64 armhf
    same_hash "NEON" armhf armhf-fp16
    same_hash "scalar" aarch64-scalar armhf-scalar
fi
echo "$ran cross builds and checks passed, $failed failed"
[ "$failed" -eq 0 ]
