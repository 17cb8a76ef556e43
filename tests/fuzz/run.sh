#!/bin/sh
# Runs the libFuzzer harnesses built in build/fuzz/ (make fuzzers), each for SECONDS seconds:
# first over its seed corpus tests/fuzz/corpus/NAME (a crash there fails at once), then on new
# inputs, which libFuzzer writes into WORKDIR/NAME (never into the tree).
# Usage: tests/fuzz/run.sh SECONDS WORKDIR [NAME...]     (default: every build/fuzz/fuzz_*)
# FUZZ_JOBS harnesses run at a time (default 2). Crash / leak / timeout inputs are saved as
# build/fuzz/artifacts/NAME/crash-* (leak-*, timeout-*, oom-*); logs in build/fuzz/log-NAME.txt.
# Exit 0 when every harness ran clean, 1 otherwise.
cd "$(dirname "$0")/../.." || exit 2
secs=${1:?usage: run.sh SECONDS WORKDIR [NAME...]}
work=${2:?usage: run.sh SECONDS WORKDIR [NAME...]}
shift 2
jobs=${FUZZ_JOBS:-2}
names=$*
[ -n "$names" ] || names=$(for b in build/fuzz/fuzz_*; do [ -x "$b" ] && basename "$b"; done)
[ -n "$names" ] || { echo "run.sh: no harness in build/fuzz (make fuzzers)"; exit 2; }

# ASan: leaks are errors; UBSan: stack traces (the harnesses are built with
# -fno-sanitize-recover=undefined, so any report aborts and saves the input).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:halt_on_error=1"

one() {
    name=$1
    seeds=tests/fuzz/corpus/$name
    art=build/fuzz/artifacts/$name
    mkdir -p "$work/$name" "$art" "$seeds"
    set -- -max_total_time="$secs" -timeout=25 -rss_limit_mb=2560 -print_final_stats=1 \
        -artifact_prefix="$art/"
    [ -f "tests/fuzz/$name.dict" ] && set -- "$@" -dict="tests/fuzz/$name.dict"
    "build/fuzz/$name" "$@" "$work/$name" "$seeds" > "build/fuzz/log-$name.txt" 2>&1
}

report() {
    name=$1 rc=$2
    log=build/fuzz/log-$name.txt
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1)
    seeds=$(find "tests/fuzz/corpus/$name" -type f | wc -l)
    new=$(find "$work/$name" -type f | wc -l)
    if [ "$rc" -eq 0 ]; then
        echo "ok   $name: ${execs:-?} runs in ${secs}s, $cov, $seeds seeds, $new inputs in $work/$name"
    else
        echo "FAIL $name (libFuzzer exit $rc): see $log; input saved in build/fuzz/artifacts/$name/"
        grep -E 'ERROR|SUMMARY|invariant broken|runtime error|Test unit written' "$log" | head -n 20 |
            sed 's/^/    /'
        # the input itself, so that a failure seen only in a CI log can be replayed
        unit=$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)
        if [ -n "$unit" ] && [ -f "$unit" ] && [ "$(wc -c < "$unit")" -le 1024 ]; then
            echo "    input (base64; base64 -d > FILE, then build/fuzz/$name FILE):"
            base64 < "$unit" | sed 's/^/    /'
        fi
    fi
}

fail=0
# shellcheck disable=SC2086 # word splitting wanted: names are plain words
set -- $names
while [ $# -gt 0 ]; do
    batch=""
    i=0
    while [ $# -gt 0 ] && [ $i -lt "$jobs" ]; do
        (one "$1"; echo $? > "$work/$1.rc") &
        batch="$batch $1"
        i=$((i + 1))
        shift
    done
    wait
    for name in $batch; do
        rc=$(cat "$work/$name.rc" 2>/dev/null || echo 2)
        rm -f "$work/$name.rc"
        report "$name" "$rc"
        [ "$rc" -eq 0 ] || fail=1
    done
done
exit $fail
