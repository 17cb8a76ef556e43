# Sourced (". tests/cross_tools.sh", from the repository root) by the tests that build for
# other hosts and run the builds under qemu or Wine: test_ports.sh, test_cross.sh,
# test_cross_safety.sh, test_neon.sh, test_quant_neon.sh, test_warnings.sh. One place that
# says how a tool is found, so that a machine where a target is skipped skips it in all.

have() { command -v "$1" > /dev/null 2>&1; }

# Wine's 64-bit loader: Debian's wine64 package puts it on PATH as wine64 (older releases)
# or wine, or only under /usr/lib/wine. Empty when there is none.
WINE=$(command -v wine64 || command -v wine ||
       { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; })

# cross_ok NAME COMPILER RUNNER: true when the cross compiler and what runs its programs
# (qemu-..., or "$WINE") are both there; otherwise prints that NAME is skipped, naming what
# is missing.
cross_ok() {
    co_missing=
    have "$2" || co_missing=$2
    if [ -z "$3" ]; then co_missing="${co_missing:+$co_missing and }wine64"
    elif ! have "$3"; then co_missing="${co_missing:+$co_missing and }$3"; fi
    [ -z "$co_missing" ] && return 0
    echo "($1 skipped: $co_missing not found)"
    return 1
}
