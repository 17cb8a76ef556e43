#!/bin/sh
# Cross builds of the library, run on tiny models and compared with the native build:
#   aarch64 (NEON, qemu-aarch64), armhf with NEON (-mfpu=neon-vfpv4, qemu-arm), Windows
#   (x86_64-w64-mingw32-gcc, wine64): tests/cross_logits.c writes the logits of a fixed token
#   sequence (per token with 1 and 2 threads, and as one block: bitwise equal within a build),
#   and each must be within 1e-4 of max|logit| of the native build's, row by row.
# Also: every cross compiler builds the library, the CLI (rwkv.c), tokenizer.c and
# examples/embed.c with zero warnings (-std=c99 -Wall -Wextra -pedantic), and they build
# natively as plain POSIX.1-2008 (-D_POSIX_C_SOURCE=200809L, no _GNU_SOURCE /
# _DEFAULT_SOURCE), also with __linux__ undefined (the macOS / BSD path).
# Models: tests/gen_checkpoint.py (needs torch) makes small random ones of every version in
# f32, f16 and bf16, converted with convert_pth.py; plus ../shared/fixtures/tiny (trained, f16)
# when present (else the bundled models/kjv-v7.gguf). Kept in build/cross/models and made
# again only when the scripts change.
# Needs: gcc-aarch64-linux-gnu libc6-dev-arm64-cross gcc-arm-linux-gnueabihf
# libc6-dev-armhf-cross qemu-user gcc-mingw-w64-x86-64 wine64 (.ci/run installs them); a
# target whose tools are missing is skipped, and the test skips (77) when none is there.
# The Wine prefix is build/wine (its first start takes ~10-30 s; later runs reuse it).
cd "$(dirname "$0")/.." || exit 2
PY=${PY:-/usr/bin/python3}
CC=${CC:-cc}
out=build/cross
mkdir -p "$out/models" || exit 2
warn="-std=c99 -Wall -Wextra -pedantic"
ran=0; failed=0
ok() { ran=$((ran + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }
. tests/cross_tools.sh
targets=""
cross_ok aarch64 aarch64-linux-gnu-gcc qemu-aarch64 && targets="$targets aarch64"
cross_ok armhf arm-linux-gnueabihf-gcc qemu-arm && targets="$targets armhf"
cross_ok mingw x86_64-w64-mingw32-gcc "$WINE" && targets="$targets mingw"
if [ -z "$targets" ]; then
    echo "no cross toolchain found (apt: gcc-aarch64-linux-gnu libc6-dev-arm64-cross gcc-arm-linux-gnueabihf libc6-dev-armhf-cross qemu-user gcc-mingw-w64-x86-64 wine64)"
    exit 77
fi

# ---- models ----
fresh() { [ -s "$1" ] && [ "$1" -nt convert_pth.py ] && [ "$1" -nt tests/gen_checkpoint.py ]; }
# name version dtype gen-options: every version, every weight type at least once
specs="v4-f16:4:f16: v5.0-f32:5.0:f32: v5.1-bf16:5.1:bf16: v5.2-f16:5.2:f16:
       v6-bf16-state:6:bf16:--time-state v7-bf16:7:bf16:--v7-block0-v v7-f32:7:f32:"
models=""; need=""
for s in $specs; do
    name=${s%%:*}
    fresh "$out/models/$name.gguf" || need="$need $s"
    models="$models $out/models/$name.gguf"
done
if [ -n "$need" ]; then
    if "$PY" -c "import torch" > /dev/null 2>&1; then
        # one Python process for all the checkpoints (importing torch takes seconds)
        "$PY" - "$out/models" $need << 'EOF' || bad "tests/gen_checkpoint.py"
import os, sys
sys.path.insert(0, 'tests')
import torch
import gen_checkpoint
for s in sys.argv[2:]:
    name, version, dtype, opt = s.split(':')
    kw = {'n_layer': 2, 'n_embd': 128, 'head_size': 32, 'n_vocab': 300, 'seed': 7,
          'dtype': {'f16': 'fp16', 'f32': 'fp32', 'bf16': 'bf16'}[dtype]}
    if opt == '--time-state':
        kw['time_state'] = True
    if opt == '--v7-block0-v':
        kw['v7_block0_v'] = True
    torch.save(gen_checkpoint.make_checkpoint(version, **kw), os.path.join(sys.argv[1], name + '.pth'))
EOF
        for s in $need; do
            name=${s%%:*}; rest=${s#*:}; rest=${rest#*:}; dtype=${rest%%:*}
            "$PY" convert_pth.py -q --vocab none --dtype "$dtype" "$out/models/$name.pth" "$out/models/$name.gguf" ||
                bad "convert_pth.py $name"
            rm -f "$out/models/$name.pth"
        done
    else
        echo "(random models skipped: $PY has no torch)"
        models=""
    fi
fi
tiny=../shared/fixtures/tiny
if [ -d "$tiny" ]; then
    for v in 4v0-660K 5v1-730K 5v2-730K 6v0-1m 7v0-834K; do
        m="$out/models/tiny-$v-f16.gguf"
        if ! fresh "$m"; then
            "$PY" convert_pth.py -q "$tiny/tiny-rwkv-$v-FP16.bin" "$m" || bad "convert_pth.py $v"
        fi
        models="$models $m"
    done
else
    echo "(../shared/fixtures/tiny not found: random models only)"
fi
# neither: the bundled model (trained v7, 9.8 MB: slower under qemu than all the tiny ones)
[ -n "$models" ] || [ ! -s models/kjv-v7.gguf ] || models=models/kjv-v7.gguf
[ -n "$models" ] || { echo "no models: no torch (tests/gen_checkpoint.py), no ../shared/fixtures/tiny, no models/kjv-v7.gguf"; exit 77; }
# a model in a 5 GiB file (sparse: the rest is zeros the reader ignores): 64-bit file sizes
# and maps on Windows; a clear error from a 32-bit program
set -- $models; first=$1; big="$out/big-5GiB.gguf"
if ! [ -s "$big" ] || [ "$first" -nt "$big" ]; then
    cp "$first" "$big" && truncate -s 5G "$big" || { bad "cannot make $big"; big=""; }
fi

# ---- builds ----
build() { # name compiler flags...: build/cross/NAME/cross_logits[.exe], zero warnings
    name=$1 cc=$2; shift 2
    mkdir -p "$out/$name"
    exe="$out/$name/cross_logits"; [ "$name" = mingw ] && exe="$exe.exe"
    if ! "$cc" $warn -O2 "$@" -o "$exe" tests/cross_logits.c -lm 2> "$out/$name/build.log"; then
        cat "$out/$name/build.log"; bad "$name: cross_logits does not compile"; return 1
    fi
    # the CLI, the example with the Pile tokenizer, and tokenizer.c (compiled, not run)
    for f in rwkv.c examples/embed.c tokenizer.c; do
        o="$out/$name/$(basename "$f" .c).o"
        "$cc" $warn -O2 "$@" -DRWKV_PILE -c -o "$o" "$f" 2>> "$out/$name/build.log" ||
            bad "$name: $f does not compile"
    done
    # (a static libgomp warns about dlopen: not ours)
    if grep -v "dlopen\|goacc_profiling_initialize\|In function\|^collect2" "$out/$name/build.log" | grep .; then
        bad "$name: warnings"
    fi
    echo "built $name: $cc $*"
}
omp=-fopenmp
echo 'int main(void){return 0;}' > "$out/omp.c"
"$CC" -fopenmp -o "$out/omp" "$out/omp.c" > /dev/null 2>&1 || omp=""
# bg NAME FUNCTION ARGS...: runs FUNCTION in the background (the targets build and run at
# once); its messages and failure count wait in $out/NAME.bg until collect prints them
bg() {
    name=$1; shift
    mkdir -p "$out/$name"
    ( failed=0; ran=0; "$@"; echo "$ran $failed" > "$out/$name.bg.count" ) > "$out/$name.bg" 2>&1 &
}
collect() { # NAME...: after wait
    for name; do
        cat "$out/$name.bg"
        read r f < "$out/$name.bg.count" || { r=0; f=1; echo "FAIL: $name stopped early"; }
        ran=$((ran + r)); failed=$((failed + f))
    done
}
build_target() {
    case $1 in
        native) build native "$CC" -march=native $omp ;;
        aarch64) build aarch64 aarch64-linux-gnu-gcc -march=armv8-a -static -fopenmp ;;
        armhf) build armhf arm-linux-gnueabihf-gcc -mfpu=neon-vfpv4 -mfloat-abi=hard -static -fopenmp \
                     -D_FILE_OFFSET_BITS=64 ;;
        mingw) build mingw x86_64-w64-mingw32-gcc -march=native -static -fopenmp ;;
    esac
}
rm -f "$out"/*.bg "$out"/*.bg.count
for t in native $targets; do bg "$t" build_target "$t"; done
wait
collect native $targets
[ -x "$out/native/cross_logits" ] || exit 1

# ---- runs ----
run() { # name runner...
    name=$1; shift
    exe="$out/$name/cross_logits"; [ "$name" = mingw ] && exe="$exe.exe"
    [ -x "$exe" ] || return 1
    rm -f "$out/$name"/*.f32
    start=$(date +%s)
    all="$models"; case $name in native|mingw) all="$models $big";; esac
    # passive: spinning threads cost seconds on a busy machine, minutes under emulation
    if OMP_NUM_THREADS=2 OMP_WAIT_POLICY=passive "$@" "$exe" "$out/$name" $all; then
        echo "ran $name ($(( $(date +%s) - start )) s)"; ok
    else
        bad "$name: cross_logits failed"; return 1
    fi
    # rwkv_build_info names the kernels each target's flags choose (rwkv --version prints it)
    case $name in
        aarch64) want="float kernels NEON aarch64 (4 lanes); quantized kernels NEON; threads OpenMP" ;;
        armhf) want="float kernels NEON ARMv7 VFPv4 (4 lanes); quantized kernels scalar; threads OpenMP" ;;
        *) want="float kernels " ;; # -march=native: whatever this CPU has
    esac
    got=$("$@" "$exe" --build | tr -d '\r')
    case $got in
        "$want"*) echo "$name: $got"; ok ;;
        *) bad "$name: rwkv_build_info says '$got', want '$want...'" ;;
    esac
}
run native || exit 1
run_target() {
    case $1 in
        aarch64) run aarch64 qemu-aarch64 ;;
        armhf) run armhf qemu-arm ;;
        # (no Mono or Gecko: the prefix is made without asking to install them)
        mingw) mkdir -p build/wine
               run mingw env WINEPREFIX="$PWD/build/wine" WINEDEBUG=-all \
                   WINEDLLOVERRIDES="mscoree,mshtml=" "$WINE" ;;
    esac || return
    if [ "$1" = armhf ] && [ -n "$big" ]; then
        if qemu-arm "$out/armhf/cross_logits" "$out/armhf" "$big" 2>&1 |
           grep "the file has 5368709120 bytes, more than this 32-bit build can map"; then ok
        else bad "armhf: a 5 GiB model file does not give the 32-bit error"; fi
    fi
    all="$models"; [ "$1" = mingw ] && all="$models $big"
    for m in $all; do
        f=$(basename "$m").f32
        if "$out/native/cross_logits" -c "$out/native/$f" "$out/$1/$f"; then ok; else bad "$1: $f"; fi
    done
}
rm -f "$out"/*.bg "$out"/*.bg.count
for t in $targets; do bg "$t" run_target "$t"; done
wait
collect $targets

# ---- POSIX.1-2008 only (macOS, BSD): the library and the example, natively ----
posix="$warn -D_POSIX_C_SOURCE=200809L -U_GNU_SOURCE -U_DEFAULT_SOURCE -fsyntax-only"
for undef in "" "-U__linux__ -U__linux -Ulinux"; do
    if "$CC" $posix $undef -DRWKV_PILE examples/embed.c 2>&1 | grep . ||
       "$CC" $posix $undef tokenizer.c 2>&1 | grep . || "$CC" $posix $undef rwkv.c 2>&1 | grep .; then
        bad "POSIX.1-2008 build ${undef:+($undef) }has errors or warnings"
    else
        echo "POSIX.1-2008 build ${undef:+($undef) }clean"; ok
    fi
done

echo "$ran checks passed, $failed failed (targets:$targets; $(echo $models | wc -w) models)"
[ "$failed" -eq 0 ]
