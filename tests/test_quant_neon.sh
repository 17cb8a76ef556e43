#!/bin/sh
# The NEON quantized kernels: cross-compiles tests/test_quant.c for aarch64 with dotprod
# (vdotq_s32) and without (plain ARMv8.0 NEON), runs both under qemu-user at once, and checks
# they print the same output hash (the same bits as every other variant and the scalar code).
# Needs gcc-aarch64-linux-gnu, libc6-dev-arm64-cross, qemu-user; skips (77) without them.
cd "$(dirname "$0")/.." || exit 2
out=build/neon-quant
mkdir -p "$out" || exit 2
. tests/cross_tools.sh
if ! cross_ok aarch64 aarch64-linux-gnu-gcc qemu-aarch64; then
    echo "(apt: gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user)"
    exit 77
fi
fx=../shared/fixtures/llamacpp/quant_vectors.gguf
flags="-std=c99 -Wall -Wextra -pedantic -O2"
failed=0
build() { # name flags...
    name=$1; shift
    bin="$out/test_quant_$name"
    rm -f "$bin"
    # OpenMP when the cross toolchain has a static libgomp (its dlopen warning is not ours)
    if ! aarch64-linux-gnu-gcc $flags -static -fopenmp "$@" -o "$bin" tests/test_quant.c -lm 2> "$bin.log"; then
        aarch64-linux-gnu-gcc $flags -static "$@" -o "$bin" tests/test_quant.c -lm 2> "$bin.log" || {
            cat "$bin.log"; echo "FAIL: $name does not compile"; return 1; }
    fi
    grep -v "dlopen\|goacc_profiling_initialize" "$bin.log"
    return 0
}
build dotprod -march=armv8.2-a+dotprod > "$out/dotprod.build" 2>&1 &
build neon -march=armv8-a > "$out/neon.build" 2>&1 &
# this machine's build: its SIMD kernels must give the same bits as NEON's
${CC:-cc} $flags -march=native -fopenmp -o "$out/test_quant_host" tests/test_quant.c -lm 2> "$out/host.build" ||
    { cat "$out/host.build"; failed=$((failed + 1)); }
wait
for n in dotprod neon; do
    cat "$out/$n.build"
    [ -x "$out/test_quant_$n" ] || failed=$((failed + 1))
done
for n in dotprod neon; do
    [ -x "$out/test_quant_$n" ] && OMP_NUM_THREADS=2 qemu-aarch64 "$out/test_quant_$n" --kernels > "$out/$n.txt" 2>&1 &
done
wait
rcs=""
for n in dotprod neon; do
    [ -f "$out/$n.txt" ] || continue
    echo "== aarch64 $n"; grep -E "^kernels|SIMD ==|FAIL|checks|SKIP" "$out/$n.txt"
    last=$(tail -n 1 "$out/$n.txt")
    case "$last" in
        *"0 failures"*|SKIP*) ;;
        *) echo "FAIL: $n"; failed=$((failed + 1));;
    esac
done
h1=$(grep '^output hash' "$out/dotprod.txt" 2>/dev/null); h2=$(grep '^output hash' "$out/neon.txt" 2>/dev/null)
h3=$("$out/test_quant_host" --kernels 2>/dev/null | grep '^output hash')
echo "dotprod: $h1; neon: $h2; this machine: $h3"
if [ -z "$h1" ] || [ "$h1" != "$h2" ] || [ "$h1" != "$h3" ]; then
    echo "FAIL: the NEON variants and this machine's kernels disagree"; failed=$((failed + 1))
fi
[ "$failed" -eq 0 ] && echo "NEON quantized kernels: pass" 
[ "$failed" -eq 0 ]
