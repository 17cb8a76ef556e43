#!/bin/sh
# The libFuzzer harnesses of tests/fuzz/ (ASan + UBSan): builds them (make fuzzers), then runs
# each over its seed corpus tests/fuzz/corpus/NAME and FUZZ_TEST_SECONDS (default 20) seconds
# of new inputs, kept in a temporary directory. Any crash, leak, sanitizer report, broken
# invariant or timeout fails (the input is saved in build/fuzz/artifacts/NAME/).
# Skips (77) when clang cannot link -fsanitize=fuzzer (Debian: apt-get install clang
# libclang-rt-14-dev).
cd "$(dirname "$0")/.." || exit 2
CC_FUZZ=${FUZZ_CC:-clang}
secs=${FUZZ_TEST_SECONDS:-20}
mkdir -p build/fuzz

probe=build/fuzz/probe
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$probe.c"
if ! command -v "$CC_FUZZ" > /dev/null 2>&1; then
    echo "skip: $CC_FUZZ not found (the fuzz harnesses need clang with libFuzzer)"
    exit 77
fi
if ! "$CC_FUZZ" -fsanitize=fuzzer,address,undefined -o "$probe" "$probe.c" > "$probe.log" 2>&1; then
    cat "$probe.log"
    echo "skip: $CC_FUZZ cannot link -fsanitize=fuzzer,address,undefined (Debian: libclang-rt-14-dev)"
    exit 77
fi
rm -f "$probe" "$probe.c" "$probe.log"

start=$(date +%s)
if ! ${MAKE:-make} -s fuzzers FUZZ_CC="$CC_FUZZ"; then
    echo "FAIL: building the fuzz harnesses"
    exit 1
fi
echo "built in $(( $(date +%s) - start ))s"

work=$(mktemp -d "${TMPDIR:-/tmp}/rwkv-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM
sh tests/fuzz/run.sh "$secs" "$work"
rc=$?
echo "fuzzing took $(( $(date +%s) - start ))s in all"
exit $rc
