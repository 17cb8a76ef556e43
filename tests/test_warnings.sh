#!/bin/sh
# rwkv.h is warning-free (-std=c99 -Wall -Wextra -pedantic) for every target its #ifdefs
# choose kernels for, not only this machine's (run by `make test`; exit 0 pass, 77 skip).
# `make` builds with -march=native, so a user's CPU picks code paths that this machine's
# build never compiles: an AMX build (-march=sapphirerapids) once warned of an unused
# parameter, a Cooper Lake build (AVX-512 VNNI + BF16, no VBMI) of another.
# Each compiler that exists (cc, gcc, clang; the aarch64, armhf, s390x and MinGW cross
# compilers) checks the header's code for each target it knows (and three with OpenMP),
# and each configuration macro on this machine's target, front end only (-fsyntax-only:
# these warnings come from the front end; ~0.5 s each).
cd "$(dirname "$0")/.." || exit 2
WARN="-std=c99 -Wall -Wextra -pedantic -Werror -fsyntax-only -DRWKV_IMPLEMENTATION"
X86="x86-64 x86-64-v2 x86-64-v3 x86-64-v4 sandybridge haswell skylake-avx512 cascadelake
     cooperlake icelake-server tigerlake alderlake sapphirerapids znver1 znver2 znver3 znver4
     znver5 native"
A64="armv8-a armv8.2-a+dotprod armv8.2-a+dotprod+fp16 armv8.6-a+i8mm+bf16"
fails=0 ran=0 log=build/warnings.log
mkdir -p build || exit 2
: > "$log"

. tests/cross_tools.sh

# check COMPILER FLAGS...: one target; a compiler that rejects the target is not counted
check() {
    c=$1
    shift
    # shellcheck disable=SC2086
    if ! echo 'int x;' | $c "$@" -x c -fsyntax-only - > /dev/null 2>&1; then return; fi
    ran=$((ran + 1))
    # shellcheck disable=SC2086
    if ! $c $WARN "$@" -x c rwkv.h >> "$log" 2>&1; then
        echo "FAIL: $c $* -x c rwkv.h (warnings below)"
        fails=$((fails + 1))
    fi
}

compilers= seen=
for c in cc gcc clang; do
    have "$c" || continue
    v=$(readlink -f "$(command -v "$c")")
    case $seen in *"|$v|"*) continue ;; esac   # cc is gcc (or clang) here: once
    seen="$seen|$v|" compilers="$compilers $c"
done
for c in $compilers; do
    case $($c -dumpmachine 2> /dev/null) in
    x86_64*|i?86*)
        for m in $X86; do check "$c" -march="$m"; done
        # OpenMP's regions are the same code on every target: three of them
        for m in native haswell sapphirerapids; do check "$c" -march="$m" -fopenmp; done
        # the AMX configuration macros where AMX is compiled
        for d in RWKV_NO_AMX RWKV_AMX_EXACT; do
            check "$c" -march=sapphirerapids -fopenmp -D"$d"
        done ;;
    *) check "$c" -march=native; check "$c" -march=native -fopenmp ;;
    esac
    # the configuration macros of rwkv.h's header comment, each on this machine's target
    for d in RWKV_NO_SIMD RWKV_NO_AMX RWKV_NO_BCAST RWKV_AMX_EXACT RWKV_NO_REPACK RWKV_PROFILE \
             RWKV_SEQ_BLOCK=256 RWKV_PACK_THREADS=1 RWKV_PILE; do
        check "$c" -march=native -fopenmp -D"$d"
    done
done
if have aarch64-linux-gnu-gcc; then
    for m in $A64; do check aarch64-linux-gnu-gcc -march="$m"; done
fi
if have arm-linux-gnueabihf-gcc; then
    check arm-linux-gnueabihf-gcc -mfpu=neon-vfpv4 -mfloat-abi=hard
    check arm-linux-gnueabihf-gcc
fi
have s390x-linux-gnu-gcc && check s390x-linux-gnu-gcc    # big-endian: refuses models, builds
if have x86_64-w64-mingw32-gcc; then                      # Windows: the file map's other path
    check x86_64-w64-mingw32-gcc
    check x86_64-w64-mingw32-gcc -march=haswell
fi

# The CLI (rwkv.c, tokenizer.c) compiled to objects: unused static functions and gcc's
# -Wdangling-pointer come from the middle end, which -fsyntax-only never runs (a helper used
# only with OpenMP warned in the build without it; v7a's pointer to a caller's array warned
# at -O2 only). With and without OpenMP (the default thread count is OpenMP's alone), gcc at
# -O2 as `make` builds, the others at -O0 (~1 s each).
cli() {
    c=$1
    shift
    if ! echo 'int x;' | $c "$@" -x c -c -o /dev/null - > /dev/null 2>&1; then return; fi
    for f in rwkv.c tokenizer.c; do
        ran=$((ran + 1))
        # shellcheck disable=SC2086
        if ! $c -std=c99 -Wall -Wextra -pedantic -Werror "$@" -c -o /dev/null $f >> "$log" 2>&1; then
            echo "FAIL: $c $* -c $f (warnings below)"
            fails=$((fails + 1))
        fi
    done
}
for c in $compilers; do
    case $c in
    *gcc*|cc) opt=-O2 ;;
    *) opt=-O0 ;;
    esac
    cli "$c" $opt -march=native -fopenmp
    cli "$c" -O0 -march=native
done
have x86_64-w64-mingw32-gcc && cli x86_64-w64-mingw32-gcc -O0
have aarch64-linux-gnu-gcc && cli aarch64-linux-gnu-gcc -O0 -fopenmp

cat "$log"
if [ "$ran" -eq 0 ]; then
    echo "skip: no C compiler here"
    exit 77
fi
if [ "$fails" -ne 0 ]; then
    echo "$fails of $ran builds warned"
    exit 1
fi
echo "ok   rwkv.h and the CLI warning-free in $ran builds (compiler, target, OpenMP, configuration macro)"
