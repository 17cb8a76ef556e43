#!/bin/sh
# pair.sh: builds a paired measurement (tools/pair_PROGRAM.c) with two headers / flag sets, A
# and B, in one process, and runs it (see the program's comment for what it times).
#   tools/pair.sh [-a "CFLAGS"] [-b "CFLAGS"] [-A HEADER] [-B HEADER] PROGRAM -- ARGS
#   PROGRAM matmul: ARGS = TYPE ROWS COLS T [MATRICES] [PAIRS]  (one matrix product, float or quantized)
#   PROGRAM model:  ARGS = MODEL [THREADS] [TOKENS] [PAIRS]      (generation, whole model)
# Headers default to ./rwkv.h; builds go to build/pair/. CC, CFLAGS as for make.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
fa=; fb=; ha=$root/rwkv.h; hb=$root/rwkv.h; prog=
while [ $# -gt 0 ]; do
    case $1 in
    -a) fa=$2; shift 2 ;;
    -b) fb=$2; shift 2 ;;
    -A) ha=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    -B) hb=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n 2,7p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    matmul|model) prog=$1; shift ;;
    *) echo "pair.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done
[ -n "$prog" ] || { echo "pair.sh: which program, matmul or model? (try --help)" >&2; exit 2; }
[ $# -ge 1 ] || { echo "pair.sh: the program's arguments after -- (try --help)" >&2; exit 2; }
for h in "$ha" "$hb"; do [ -f "$h" ] || { echo "pair.sh: no header $h" >&2; exit 2; }; done
cc=${CC:-cc}; cflags=${CFLAGS:--O3 -march=native}
out=$root/build/pair
mkdir -p "$out"
src=$root/tools/pair_$prog.c
for side in a b; do
    if [ $side = a ]; then f=$fa; h=$ha; else f=$fb; h=$hb; fi
    # shellcheck disable=SC2086
    $cc -std=c99 $cflags -fopenmp $f -DPAIR_SIDE=$side -DPAIR_HEADER="\"$h\"" -c "$src" \
        -o "$out/$side.o"
    # each side's public rwkv_* functions renamed apart, so that the calls inside a side
    # reach that side's build
    nm -g --defined-only "$out/$side.o" |
        awk -v s=$side '$3 ~ /^rwkv_/ { print $3 " " s "_" $3 }' >"$out/$side.syms"
    objcopy --redefine-syms="$out/$side.syms" "$out/$side.o"
done
$cc -std=c99 $cflags -fopenmp -o "$out/pair_$prog" "$src" "$out/a.o" "$out/b.o" -lm
"$out/pair_$prog" "$@"
