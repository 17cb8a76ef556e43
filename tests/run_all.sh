#!/bin/sh
# Runs every test: build/test_* programs, tests/test_*.py and tests/test_*.sh.
# A test exits 0 to pass, 77 to skip (saying why), anything else to fail.
# TEST_JOBS tests run at a time (default: the number of CPUs, at most 4); the longest ones
# start first so that the short ones fill the gaps. Each test keeps its own files under
# build/ (no two write the same path), so the order does not matter.
# One line per test as it ends; the last line is "N passed, N failed, N skipped".
cd "$(dirname "$0")/.." || exit 2
PY=${PY:-/usr/bin/python3}
export PY
export RWKV_BIN="$PWD/rwkv" RWKV_ASAN_BIN="$PWD/build/rwkv-asan"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
res=build/results

if [ "$1" = --one ]; then   # --one NAME COMMAND...: one test, its verdict in $res/NAME.rc
    name=$2; shift 2
    start=$(date +%s)
    "$@" > "build/log-$name.txt" 2>&1 < /dev/null
    rc=$?
    secs=$(( $(date +%s) - start ))
    case $rc in
        0) line="PASS $name (${secs}s)";;
        77) line="SKIP $name: $(tail -n 1 "build/log-$name.txt")";;
        *) line="FAIL $name (exit $rc, ${secs}s)";;
    esac
    echo "$rc" > "$res/$name.rc"
    echo "$line"
    exit 0
fi

jobs=${TEST_JOBS:-$(getconf _NPROCESSORS_ONLN 2> /dev/null || echo 1)}
[ "$jobs" -ge 1 ] 2> /dev/null || jobs=1
[ "$jobs" -le 4 ] || jobs=4
rm -rf "$res" && mkdir -p "$res" || exit 2

# the longest first (seconds each took in a 2-core machine's make test, two at a time, 2026-12-06:
# 116, 213, 97-246, 190-233, 35-89, 27-47, ...; all CPU-bound, so the order only shapes the tail)
slow="test_kernels_simd test_fuzz test_cross test_neon test_quant_neon test_embed test_quantize
      test_ports test_quant_accuracy test_convert"
list() { # prints "NAME COMMAND..." lines
    for s in $slow; do
        if [ -x "build/$s" ]; then echo "$s build/$s"
        elif [ -f "tests/$s.sh" ]; then echo "$s sh tests/$s.sh"
        elif [ -f "tests/$s.py" ]; then echo "$s $PY tests/$s.py"; fi
    done
    for t in build/test_*; do
        [ -x "$t" ] && [ -f "$t" ] || continue
        case $t in *.txt) continue;; esac
        n=$(basename "$t"); case " $(echo $slow) " in *" $n "*) continue;; esac
        echo "$n $t"
    done
    for t in tests/test_*.py tests/test_*.sh; do
        [ -f "$t" ] || continue
        n=$(basename "$t"); n=${n%.*}; case " $(echo $slow) " in *" $n "*) continue;; esac
        case $t in *.py) echo "$n $PY $t";; *) echo "$n sh $t";; esac
    done
}
list > "$res/list"
echo "running $(wc -l < "$res/list") tests, $jobs at a time (TEST_JOBS)"
xargs -P "$jobs" -L 1 sh tests/run_all.sh --one < "$res/list"

# the verdicts; a test with none (its runner was killed) fails too
pass=0; fail=0; skip=0; failed=""
while read -r name rest; do
    case $(cat "$res/$name.rc" 2> /dev/null || echo none) in
        0) pass=$((pass + 1));;
        77) skip=$((skip + 1));;
        none) fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name: no verdict";;
        *) fail=$((fail + 1)); failed="$failed $name";;
    esac
done < "$res/list"
for name in $failed; do
    echo "---- $name (build/log-$name.txt, last 30 lines)"
    tail -n 30 "build/log-$name.txt" | sed 's/^/    /'
done
[ -n "$failed" ] && echo "failed:$failed (logs in build/log-NAME.txt)"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
