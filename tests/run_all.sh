#!/bin/sh
# Runs every test: build/test_* programs, tests/test_*.py and tests/test_*.sh.
# A test exits 0 to pass, 77 to skip (saying why), anything else to fail.
# The last line is "N passed, N failed, N skipped".
cd "$(dirname "$0")/.." || exit 2
PY=${PY:-/usr/bin/python3}
export PY
export RWKV_BIN="$PWD/rwkv" RWKV_ASAN_BIN="$PWD/build/rwkv-asan"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
pass=0; fail=0; skip=0; failed=""
run() {
    name=$1; shift
    start=$(date +%s)
    "$@" > "build/log-$name.txt" 2>&1
    rc=$?
    secs=$(( $(date +%s) - start ))
    case $rc in
        0) pass=$((pass + 1)); echo "PASS $name (${secs}s)";;
        77) skip=$((skip + 1)); echo "SKIP $name: $(tail -n 1 "build/log-$name.txt")";;
        *) fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name (exit $rc, ${secs}s)"
           tail -n 30 "build/log-$name.txt" | sed 's/^/    /';;
    esac
}
for t in build/test_*; do
    [ -x "$t" ] || continue
    case $t in *.txt) continue;; esac
    run "$(basename "$t")" "$t"
done
for t in tests/test_*.py; do [ -f "$t" ] && run "$(basename "$t" .py)" "$PY" "$t"; done
for t in tests/test_*.sh; do [ -f "$t" ] && run "$(basename "$t" .sh)" sh "$t"; done
[ -n "$failed" ] && echo "failed:$failed (logs in build/log-NAME.txt)"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
