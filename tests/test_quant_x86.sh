#!/bin/sh
# The x86 quantized kernels that a -march=native build of this machine does not run: builds
# tests/test_quant.c for each variant below that this CPU can execute and runs its kernel part
# (--kernels: every SIMD product against the scalar definition, blocks of tokens, 1 and 2
# threads); all must print the scalar definition's output hash, the native build's too.
#   avx2          -march=haswell: vpmaddubsw + vpmaddwd, what AVX2-only CPUs run
#   avxvnni       -march=haswell -mavxvnni: 256-bit vpdpbusd / vpdpwssd without AVX-512 (Intel
#                 client CPUs from Alder Lake on); needs the CPU's avx_vnni flag
#   avx512novnni  -march=skylake-avx512: the AVX-512 float kernels with the AVX2 quantized ones
# Skips (77) on a CPU without AVX2 + FMA + F16C.
cd "$(dirname "$0")/.." || exit 2
out=build/quant-x86
mkdir -p "$out" || exit 2
cpu=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null)
has() { case " $cpu " in *" $1 "*) return 0;; esac; return 1; }
if ! has avx2 || ! has fma || ! has f16c; then
    echo "SKIP: this CPU has no AVX2 + FMA + F16C: no x86 SIMD variant to run"
    exit 77
fi
cc=${CC:-cc}
flags="-std=c99 -Wall -Wextra -pedantic -O2"
omp=-fopenmp
echo 'int main(void){return 0;}' > "$out/omp.c"
"$cc" -fopenmp "$out/omp.c" -o "$out/omp" > /dev/null 2>&1 || omp=""
variants="native avx2"
has avx_vnni && variants="$variants avxvnni"
has avx512f && has avx512bw && has avx512vl && has avx512dq && has avx512cd &&
    variants="$variants avx512novnni"
march() {
    case $1 in
        native) echo "-march=native";;
        avx2) echo "-march=haswell";;
        avxvnni) echo "-march=haswell -mavxvnni";;
        avx512novnni) echo "-march=skylake-avx512";;
    esac
}
rm -f "$out"/test_quant_* "$out"/*.txt "$out"/*.log
for v in $variants; do
    # shellcheck disable=SC2046
    "$cc" $flags $(march "$v") $omp -o "$out/test_quant_$v" tests/test_quant.c -lm > "$out/$v.log" 2>&1 &
done
wait
failed=0; ran=0; ref=""
for v in $variants; do
    bin=$out/test_quant_$v
    if [ ! -x "$bin" ]; then echo "FAIL: $v ($(march "$v")) does not compile"; cat "$out/$v.log"; failed=$((failed + 1)); continue; fi
    if [ -s "$out/$v.log" ]; then echo "FAIL: $v compiles with warnings"; cat "$out/$v.log"; failed=$((failed + 1)); fi
    OMP_NUM_THREADS=2 "$bin" --kernels > "$out/$v.txt" 2>&1
    rc=$?
    h=$(grep '^output hash' "$out/$v.txt")
    echo "== $v ($(march "$v")): $(tail -n 1 "$out/$v.txt"); $h"
    if [ $rc -ne 0 ]; then
        echo "FAIL: $v"; grep -E "FAIL|SIMD" "$out/$v.txt" | head -20; failed=$((failed + 1)); continue
    fi
    if [ -z "$h" ]; then echo "FAIL: $v printed no output hash"; failed=$((failed + 1)); continue; fi
    [ -n "$ref" ] || ref=$h
    if [ "$h" != "$ref" ]; then echo "FAIL: $v's output hash differs from native's ($ref)"; failed=$((failed + 1)); continue; fi
    ran=$((ran + 1))
done
echo "$ran x86 variants of the quantized kernels passed ($variants), $failed failed"
[ "$failed" -eq 0 ]
