#!/bin/sh
# `make bench`: every speed number the README quotes comes from here. One table:
#   per model shape (0.1B: 12 x 768, 1.5B: 24 x 2048, vocab 65536; random weights written by
#   tools/random_model.py into build/bench/, kept between runs, ~3 GB each at 1.5B), version
#   (4, 6, 7), type (F16, BF16; Q8_0, Q4_0, Q4_K_M made by `rwkv quantize` from the F16 model)
#   and thread count: build/bench_model's generation ms/token,
#   weight bytes per token, GB/s and % of the read bandwidth measured in the same rounds
#   (medians), prompt tokens/s (512-token block, median of 3), GFLOP/s and % of the FMA
#   peak measured right before and after each prompt round (their mean).
# Then the same under a competing load: one busy-loop process started here (killed at the end).
# BENCH_QUICK=1: the 0.1B shape only, fewer rounds (a few minutes). BENCH_THREADS ("1,2"),
# BENCH_VERSIONS ("4 6 7"), BENCH_TYPES ("f16 bf16 q8_0 q4_0 q4_k_m"), BENCH_SHAPES
# ("0.1b 1.5b") choose rows. The first run also writes the models (~25 GB at 1.5B).
# BENCH_KERNELS=1 also runs build/bench_kernels (per-kernel numbers, several minutes).
# On an AVX-512 machine, rows of an AVX2 build too (-march=haswell, v7 F16 and Q4_K_M;
# BENCH_AVX2=0 skips them).
cd "$(dirname "$0")/.." || exit 2
PY=${PY:-python3}
THREADS=${BENCH_THREADS:-1,2}
VERSIONS=${BENCH_VERSIONS:-"4 6 7"}
TYPES=${BENCH_TYPES:-"f16 bf16 q8_0 q4_0 q4_k_m"}
if [ "${BENCH_QUICK:-0}" = 1 ]; then
    SHAPES=${BENCH_SHAPES:-0.1b}; ROUNDS="--rounds 3 --gen 4 --prompt-rounds 1"
else
    # prompts: the median of 3 (one 512-token block is a few seconds, and this VM switches
    # between two speeds ~2x apart every few seconds: one block was one sample of either)
    SHAPES=${BENCH_SHAPES:-"0.1b 1.5b"}; ROUNDS="--rounds 5 --gen 8 --prompt-rounds 3"
fi
DIR=build/bench

echo "== machine"
grep -m1 'model name' /proc/cpuinfo 2>/dev/null
echo "cores: $(nproc 2>/dev/null)  memory: $(free -g 2>/dev/null | awk '/Mem:/{print $2" GiB"}')"
uptime

if [ "${BENCH_KERNELS:-0}" = 1 ] && [ -x build/bench_kernels ]; then
    echo; echo "== build/bench_kernels"
    build/bench_kernels || echo "(bench_kernels failed)"
fi

if [ "${BENCH_QUICK:-0}" != 1 ] && [ -x build/bench_tokenizer ]; then
    echo; echo "== build/bench_tokenizer"
    build/bench_tokenizer || echo "(bench_tokenizer failed)"
fi

model() { # shape version type -> path (written when missing)
    case $1 in
        0.1b) L=12; E=768 ;;
        1.5b) L=24; E=2048 ;;
        *) echo "unknown shape $1" >&2; return 1 ;;
    esac
    f=$DIR/rwkv$2-$1-$3.gguf
    if [ ! -f "$f" ]; then
        mkdir -p $DIR
        case $3 in
            f16|bf16|f32)
                "$PY" tools/random_model.py --version "$2" --layers $L --embd $E --vocab 65536 \
                    --dtype "$3" --tokenizer none "$f" >&2 || return 1 ;;
            *)  # a quantization preset of the F16 model (rwkv quantize; ggml's reference
                # quantizer: the kernels' speed does not depend on how the scales were chosen,
                # and the default error search is ~30x slower: 1.04 s against 0.03 s for the
                # bundled model to q4_0 on one thread)
                src=$(model $1 $2 f16) || return 1
                ./rwkv quantize "$src" "$f" "$3" --reference >/dev/null || return 1 ;;
        esac
    fi
    # Every model starts from the same page-cache state: dropped, then read back by the
    # first evaluation's page faults (a cache left in 4 KiB pages read at 5 GB/s instead of
    # 64 on the development VM: one measurement of ~1 s/token, not the engine).
    drop "$f"
    echo "$f"
}
# Drops a file's page cache. Each model's is dropped again after its row: the bench's ~32 GB
# of models would otherwise fill a 23 GiB machine's memory with their dead cache, and the last
# models (v7 1.5B), likely back in 4 KiB pages, not 2 MiB folios, ran at 54-86% of the read
# in two full runs (108-112% on their own, minutes later; docs/KERNELS.md, fifteenth round).
drop() {
    "$PY" -c 'import os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' "$1" 2>/dev/null
}

echo
echo "== generation and prompt (build/bench_model $ROUNDS --threads $THREADS)"
build/bench_model --header
for shape in $SHAPES; do
    for v in $VERSIONS; do
        for t in $TYPES; do
            f=$(model $shape $v $t) || continue
            build/bench_model $ROUNDS --threads "$THREADS" "$f" || echo "(bench_model $f failed)"
            drop "$f"
        done
    done
done

# An AVX2 build on this machine (-march=haswell: what an AVX2-only laptop's build runs, 256-bit
# kernels, 16 vector registers), where this machine has AVX-512 and the native rows above are
# AVX-512's: v7 at the largest shape, F16 and Q4_K_M. Its FMA peak is the 256-bit one.
# BENCH_AVX2=0 skips it.
if [ "${BENCH_AVX2:-1}" = 1 ] && grep -q ' avx512f ' /proc/cpuinfo 2>/dev/null &&
   grep -q ' avx2 ' /proc/cpuinfo && grep -q ' f16c ' /proc/cpuinfo &&
   ${CC:-cc} -std=c99 -O3 -march=haswell -fopenmp -o build/bench_model_avx2 tools/bench_model.c \
       tokenizer.c -lm 2>/dev/null; then
    AVX2_SHAPE=$(echo $SHAPES | awk '{print $NF}')
    echo
    echo "== an AVX2 build (-march=haswell) on this machine, $AVX2_SHAPE v7"
    build/bench_model_avx2 --header --label x | sed 's/ case |$/ build |/'
    for t in f16 q4_k_m; do
        f=$(model $AVX2_SHAPE 7 $t) || continue
        build/bench_model_avx2 $ROUNDS --threads "$THREADS" --label "-march=haswell" "$f" ||
            echo "(bench_model_avx2 $f failed)"
        drop "$f"
    done
fi

# The competing load: one process that never sleeps, on a machine whose every core the
# engine's threads would like to use. Generation with N threads must stay at least as fast
# as with 1 (rwkv.h's thread team: docs/KERNELS.md).
LOAD_SHAPE=$(echo $SHAPES | awk '{print $NF}')
# rounds of 48 tokens (24 with BENCH_QUICK), 1 and 2 threads in turns round by round
# (--interleave: the VM's speed drifts by up to 2x within a minute, so only rounds close in
# time compare; bench_model prints the per-round ratio's median). The team keeps what it
# learnt across rounds (4 probes of the team, then back-offs of 32, 64 ... blocks), as one
# long generation would.
LOAD_GEN=48
[ "${BENCH_QUICK:-0}" = 1 ] && LOAD_GEN=24
echo
echo "== under a competing load (one busy-loop process), $LOAD_SHAPE models, generation only"
sh -c 'while :; do :; done' &
BUSY=$!
build/bench_model --header --label x | sed 's/ case |$/ load |/'
LOADOUT=$(mktemp)
for v in 4 7; do
    f=$(model $LOAD_SHAPE $v f16) || continue
    build/bench_model --rounds 4 --gen $LOAD_GEN --prompt 0 --threads "$THREADS" \
        --interleave --label "1 busy process" "$f" >>"$LOADOUT" ||
        echo "(bench_model $f failed)" >>"$LOADOUT"
    drop "$f"
done
# the table's rows, then the paired ratios (lines that would split the table)
grep '^|' "$LOADOUT"
echo
grep -v '^|' "$LOADOUT"
rm -f "$LOADOUT"
kill $BUSY
wait $BUSY 2>/dev/null
exit 0
