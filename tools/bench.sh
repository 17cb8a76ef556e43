#!/bin/sh
# `make bench`: every number the README quotes comes from here.
#   1. build/bench_* programs: memory read bandwidth, kernels, tokenizers;
#   2. end-to-end `rwkv bench` on synthetic 1.5B-shaped models (random weights, real layout)
#      written by tools/random_model.py into build/bench/ (kept between runs; ~3 GB each).
# Set BENCH_MODELS to choose models ("v7-bf16 v6-bf16 v4-f16" by default), BENCH_THREADS for
# the thread counts ("1 2").
cd "$(dirname "$0")/.." || exit 2
PY=${PY:-python3}
MODELS=${BENCH_MODELS:-"v7-bf16 v6-bf16 v4-f16"}
THREADS=${BENCH_THREADS:-"1 2"}

echo "== machine"
grep -m1 'model name' /proc/cpuinfo 2>/dev/null
echo "cores: $(nproc 2>/dev/null)  memory: $(free -g 2>/dev/null | awk '/Mem:/{print $2" GiB"}')"
uptime

for b in build/bench_*; do
    [ -x "$b" ] || continue
    echo; echo "== $b"
    "$b" || echo "($b failed)"
done

mkdir -p build/bench
for spec in $MODELS; do
    ver=${spec%-*}; ver=${ver#v}; dtype=${spec#*-}
    f=build/bench/rwkv$ver-1.5b-$dtype.gguf
    if [ ! -f "$f" ]; then
        echo; echo "== writing $f (random weights, 24 layers, n_embd 2048, vocab 65536)"
        "$PY" tools/random_model.py --version "$ver" --layers 24 --embd 2048 --vocab 65536 \
            --dtype "$dtype" --tokenizer none "$f" || { echo "cannot write $f"; continue; }
    fi
    # Start every model from the same page-cache state: dropped, then read back by the
    # first run's page faults (readahead, large folios). On the development VM a cache left
    # in 4 KiB pages (seen after the file had been written, then partly reclaimed) read at
    # 5 GB/s with 2 threads instead of 64: one measurement of ~1 s/token, not the engine.
    "$PY" -c 'import os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' "$f" 2>/dev/null
    for t in $THREADS; do
        echo; echo "== ./rwkv bench -m $f -t $t"
        ./rwkv bench -m "$f" -t "$t" || echo "(rwkv bench failed)"
    done
done
