#!/bin/sh
# The Makefile builds build/test_kernels without -march, so it tests the scalar kernels.
# This builds tests/test_kernels.c again for each SIMD variant this CPU can run (AVX-512,
# AVX2+FMA+F16C) with cc under ASan+UBSan, and with clang (plain -O2), and runs them; then
# checks that the outputs are bit-identical without OpenMP and between cc and clang (output
# hash). The builds run at once; ASan+UBSan at -O1, as the sanitizers advise: at -O2 -g one
# build took 70 s with gcc and 220 s with clang. clang's sanitizer runs are the fuzzers'.
cd "$(dirname "$0")/.." || exit 2
out=build/simd
mkdir -p "$out" || exit 2
san="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
flags="-std=c99 -Wall -Wextra -pedantic"
cpu=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null)
has() { case " $cpu " in *" $1 "*) return 0;; esac; return 1; }
variants=""
if has avx512f; then variants="$variants native"; fi
if has avx2 && has fma && has f16c; then variants="$variants haswell"; fi
[ -n "$variants" ] || { echo "this CPU has neither AVX-512F nor AVX2+FMA+F16C: nothing beyond the scalar test"; exit 77; }
cc=${CC:-cc}
# ASan's checks as calls, as the Makefile's $(call san,CC) puts them: faster sanitized builds
if "$cc" --version 2> /dev/null | grep -q clang; then
    san="$san -mllvm -asan-instrumentation-with-call-threshold=0"
else
    san="$san --param asan-instrumentation-with-call-threshold=0"
fi
first=$(echo $variants | cut -d' ' -f1)
omp=-fopenmp
echo 'int main(void){return 0;}' > "$out/omp.c"
"$cc" -fopenmp "$out/omp.c" -o "$out/omp" > /dev/null 2>&1 || omp=""
rm -f "$out"/test_kernels_* "$out"/*.log "$out"/*.out
# name compiler flags...: builds $out/test_kernels_NAME, its messages in .log
build() {
    name=$1 c=$2; shift 2
    "$c" $flags "$@" -o "$out/test_kernels_$name" tests/test_kernels.c tokenizer.c -lm > "$out/$name.log" 2>&1
}
names=""
for v in $variants; do build "${cc##*/}_$v" "$cc" $san $omp -march="$v" & names="$names ${cc##*/}_$v"; done
build "noomp_$first" "$cc" -O2 -march="$first" & names="$names noomp_$first"
# the AMX tiles' exact mode (three token planes: tests/test_kernels' bounds and exact products
# differ with it)
if has amx_bf16 && [ "$first" = native ]; then
    build "amxexact_native" "$cc" -O2 $omp -march=native -DRWKV_AMX_EXACT & names="$names amxexact_native"
fi
# the float matvec's streams and the paced tile (rwkv.h's RWKV__MV_PAIR, RWKV__MV_PACED: the
# streams taken by Zen builds for every tensor and by other x86 builds on a Zen CPU, the paced
# tile by AVX-512 Zen builds) must give the 8-row tile's bits: forced on here, any CPU
build "pair_$first" "$cc" -O2 $omp -march="$first" -DRWKV__MV_PAIR=2097152 -DRWKV__MV_STREAMS_ALWAYS=1 -DRWKV__MV_PACED=1 &
names="$names pair_$first"
# and in the AVX2 build (AVX2 Zen builds take them: -march=znver1..3)
case " $variants " in *" haswell "*)
    build "pair_haswell" "$cc" -O2 $omp -march=haswell -DRWKV__MV_PAIR=2097152 -DRWKV__MV_STREAMS_ALWAYS=1 -DRWKV__MV_PACED=1 &
    names="$names pair_haswell";; esac
# Winograd's pairs of the broadcast tiles (rwkv.h's RWKV__BCW) run on AVX-512 Zen 5 only,
# where cc names the CPU (__znver4__ ...); clang 14 does not know Zen 5 and would pick the FMA
# tiles, so it is told what cc saw. On any AVX-512 CPU one build forces the pairs on where the
# native build (as rwkv.h itself decides) does not take them, off where it does (each checked
# against its own definition by test_kernels).
zen=""
if "$cc" -march="$first" -dM -E - < /dev/null 2> /dev/null | grep -q '__znver'; then zen="-DRWKV__ZEN=1"; fi
if [ "$first" = native ] && ! has amx_bf16; then
    if printf '#define RWKV_IMPLEMENTATION\n#include "rwkv.h"\n' |
        "$cc" -std=c99 -march=native -I. -dM -E -x c - 2> /dev/null | grep -q '^#define RWKV__BCW 1'; then
        build "nowino_native" "$cc" -O2 $omp -march=native -DRWKV_NO_WINOGRAD & names="$names nowino_native"
    else
        build "wino_native" "$cc" -O2 $omp -march=native -DRWKV__WINOGRAD=1 & names="$names wino_native"
    fi
fi
if command -v clang > /dev/null 2>&1; then
    build "clang_$first" clang -O2 $omp -march="$first" $zen & names="$names clang_$first"
else
    echo "(clang not found: the cc / clang comparison is skipped)"
fi
wait
ran=0; failed=0
for n in $names; do
    bin=$out/test_kernels_$n
    if [ ! -x "$bin" ]; then echo "FAIL: $n does not compile"; cat "$out/$n.log"; failed=$((failed + 1)); continue; fi
    if [ -s "$out/$n.log" ]; then echo "FAIL: $n compiles with warnings"; cat "$out/$n.log"; failed=$((failed + 1)); fi
    echo "== $n"
    if "$bin" > "$out/$n.out" 2>&1; then ran=$((ran + 1)); else echo "FAIL: $n"; failed=$((failed + 1)); fi
    tail -n 3 "$out/$n.out"
done
hash_of() { grep '^output hash' "$out/$1.out" 2> /dev/null; }
same() { # what name1 name2: both ran and print the same output hash
    h1=$(hash_of "$2"); h2=$(hash_of "$3")
    echo "$1: $2 $h1; $3 $h2"
    if [ -n "$h1" ] && [ "$h1" = "$h2" ]; then ran=$((ran + 1)); else echo "FAIL: $1"; failed=$((failed + 1)); fi
}
# the same kernels without OpenMP must give the same bits as with it
[ -n "$omp" ] && same "OpenMP does not change the bits" "${cc##*/}_$first" "noomp_$first"
same "the two-lane matvec and the paced tile give the tile's bits" "noomp_$first" "pair_$first"
case " $names " in *" pair_haswell "*)
    same "the same in the AVX2 build" "${cc##*/}_haswell" "pair_haswell";; esac
# gcc and clang must agree too (the kernels define their order and use explicit FMA)
case " $names " in *" clang_$first "*)
    [ "${cc##*/}" != clang ] && same "cc and clang agree" "${cc##*/}_$first" "clang_$first";; esac
echo "$ran SIMD builds and checks passed, $failed failed"
[ "$failed" -eq 0 ]
