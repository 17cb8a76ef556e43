#!/bin/sh
# The Makefile builds build/test_kernels without -march, so it tests the scalar kernels.
# This builds tests/test_kernels.c again for each SIMD variant this CPU can run (AVX-512,
# AVX2+FMA+F16C), with cc and clang, under ASan+UBSan, and runs it; then checks that the
# outputs are bit-identical without OpenMP and between cc and clang (output hash).
cd "$(dirname "$0")/.." || exit 2
out=build/simd
mkdir -p "$out" || exit 2
flags="-std=c99 -Wall -Wextra -pedantic -O2 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
cpu=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null)
has() { case " $cpu " in *" $1 "*) return 0;; esac; return 1; }
variants=""
if has avx512f; then variants="$variants native"; fi
if has avx2 && has fma && has f16c; then variants="$variants haswell"; fi
[ -n "$variants" ] || { echo "this CPU has neither AVX-512F nor AVX2+FMA+F16C: nothing beyond the scalar test"; exit 77; }
ran=0; failed=0
for cc in ${CC:-cc} clang; do
    command -v "$cc" > /dev/null 2>&1 || { echo "($cc not found, skipped)"; continue; }
    omp=-fopenmp
    echo 'int main(void){return 0;}' > "$out/omp.c"
    "$cc" -fopenmp "$out/omp.c" -o "$out/omp" > /dev/null 2>&1 || omp=""
    for v in $variants; do
        # clang only for -march=native: the suite should stay around a minute
        [ "$cc" = clang ] && [ "$v" = haswell ] && [ "$variants" != " haswell" ] && continue
        bin="$out/test_kernels_${cc##*/}_$v"
        if ! "$cc" $flags $omp -march="$v" -o "$bin" tests/test_kernels.c tokenizer.c -lm; then
            echo "FAIL: $cc -march=$v does not compile"; failed=$((failed + 1)); continue
        fi
        echo "== $cc -march=$v $omp"
        if "$bin"; then ran=$((ran + 1)); else echo "FAIL: $cc -march=$v"; failed=$((failed + 1)); fi
    done
done
# the same kernels without OpenMP must give the same bits as with it
if [ -n "$variants" ]; then
    v=$(echo $variants | cut -d' ' -f1)
    with=$out/test_kernels_$(basename "${CC:-cc}")_$v
    without="$out/test_kernels_noomp_$v"
    if [ -x "$with" ] && "${CC:-cc}" $flags -march="$v" -o "$without" tests/test_kernels.c tokenizer.c -lm; then
        h1=$("$with" | grep '^output hash'); h2=$("$without" | grep '^output hash')
        echo "with OpenMP: $h1; without: $h2"
        if [ -n "$h1" ] && [ "$h1" = "$h2" ]; then ran=$((ran + 1)); else echo "FAIL: OpenMP changes the bits"; failed=$((failed + 1)); fi
    fi
fi
# gcc and clang must agree too (the kernels define their order and use explicit FMA)
g=$out/test_kernels_$(basename "${CC:-cc}")_native; c=$out/test_kernels_clang_native
if [ -x "$g" ] && [ -x "$c" ] && [ "$g" != "$c" ]; then
    h1=$("$g" | grep '^output hash'); h2=$("$c" | grep '^output hash')
    echo "${CC:-cc}: $h1; clang: $h2"
    if [ -n "$h1" ] && [ "$h1" = "$h2" ]; then ran=$((ran + 1)); else echo "FAIL: compilers disagree"; failed=$((failed + 1)); fi
fi
echo "$ran SIMD builds passed, $failed failed"
[ "$failed" -eq 0 ]
