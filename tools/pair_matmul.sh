#!/bin/sh
# pair_matmul.sh: builds tools/pair_matmul.c with two headers / flag sets and runs it (see there).
#   tools/pair_matmul.sh [-a "CFLAGS"] [-b "CFLAGS"] [-A HEADER] [-B HEADER] -- TYPE ROWS COLS T
#                       [MATRICES] [PAIRS]
# Headers default to ./rwkv.h; builds go to build/pair/. CC, CFLAGS as for make.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
fa=; fb=; ha=$root/rwkv.h; hb=$root/rwkv.h
while [ $# -gt 0 ]; do
    case $1 in
    -a) fa=$2; shift 2 ;;
    -b) fb=$2; shift 2 ;;
    -A) ha=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    -B) hb=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n 2,5p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "pair_matmul.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done
[ $# -ge 4 ] || { echo "pair_matmul.sh: TYPE ROWS COLS T after -- (try --help)" >&2; exit 2; }
for h in "$ha" "$hb"; do [ -f "$h" ] || { echo "pair_matmul.sh: no header $h" >&2; exit 2; }; done
cc=${CC:-cc}; cflags=${CFLAGS:--O3 -march=native}
out=$root/build/pair
mkdir -p "$out"
src=$root/tools/pair_matmul.c
# shellcheck disable=SC2086
$cc -std=c99 $cflags -fopenmp $fa -DPAIR_SIDE=a -DPAIR_HEADER="\"$ha\"" -c "$src" -o "$out/a.o"
# shellcheck disable=SC2086
$cc -std=c99 $cflags -fopenmp $fb -DPAIR_SIDE=b -DPAIR_HEADER="\"$hb\"" -c "$src" -o "$out/b.o"
$cc -std=c99 $cflags -fopenmp -o "$out/pair_matmul" "$src" "$out/a.o" "$out/b.o" \
    -Wl,--allow-multiple-definition -lm
"$out/pair_matmul" "$@"
