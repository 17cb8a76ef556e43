#!/bin/sh
# ThreadSanitizer over tests/test_concurrent.c (several threads evaluating one shared model at
# once), built without OpenMP: libgomp is not instrumented, so with it TSan reports the fork of
# every parallel region as a race; without it what is checked is the model's own data, read by
# all the threads (nothing in a model may be written after rwkv_model_open). The OpenMP build
# of the same test runs in make test (build/test_concurrent, ASan + UBSan).
# Exit 0 pass, 77 skip (no compiler here links -fsanitize=thread), 1 fail.
cd "$(dirname "$0")/.." || exit 2
out=build/tsan
mkdir -p "$out" || exit 2
for cc in ${TSAN_CC:-clang gcc}; do
    command -v "$cc" > /dev/null 2>&1 || continue
    printf 'int main(void) { return 0; }\n' > "$out/probe.c"
    if "$cc" -fsanitize=thread -o "$out/probe" "$out/probe.c" > /dev/null 2>&1 &&
       "$out/probe" > /dev/null 2>&1; then
        CC_TSAN=$cc
        break
    fi
done
rm -f "$out/probe" "$out/probe.c"
[ -n "$CC_TSAN" ] || { echo "skip: no compiler here links and runs -fsanitize=thread"; exit 77; }
# shellcheck disable=SC2086
if ! "$CC_TSAN" -std=c99 -Wall -Wextra -pedantic -O1 -g ${TESTARCH:--march=native} \
        -fsanitize=thread -o "$out/test_concurrent" tests/test_concurrent.c tokenizer.c -lm; then
    echo "FAIL: building tests/test_concurrent.c with $CC_TSAN -fsanitize=thread"
    exit 1
fi
TSAN_OPTIONS="halt_on_error=1 exitcode=66 ${TSAN_OPTIONS:-}" "$out/test_concurrent" \
    > "$out/log.txt" 2>&1
rc=$?
cat "$out/log.txt"
case $rc in
    0) echo "ok   $CC_TSAN -fsanitize=thread: no data race";;
    77) exit 77;;
    66) echo "FAIL: ThreadSanitizer found a data race (above)"; exit 1;;
    *) echo "FAIL: exit $rc"; exit 1;;
esac
