#!/usr/bin/env python3
"""random_model.py - write a synthetic RWKV model (GGUF, same layout as convert_pth.py writes)
of any version, shape and dtype, for benchmarks and stress tests. Standard library only.

    python3 tools/random_model.py --version 7 --layers 24 --embd 2048 --vocab 65536 \\
        --dtype bf16 /tmp/rwkv7-1.5b-shaped.gguf

fp16 overflow test (v4, 24 layers): `--version 4 --layers 24 --embd 256 --dtype f16
--weight-scale 32` gives residual-stream / channel-mix activations up to ~6.7e4 (> 65504, the f16
maximum) in a float32 torch forward pass (--weight-scale 24: 2.9e4; 16: 9.8e3; the peak grows
about as the cube of the scale). Computed in fp32, the logits stay finite.

Values are plausible rather than trained: layer norms near 1, mixing coefficients in [0, 1],
decays in a sane range, matrices ~U(-1, 1)/sqrt(fan_in). To be fast, each kind of tensor is
filled by tiling one random block of a prime number of elements (so rows of a matrix do not
repeat with a short period); a 3 GB model is written at disk speed. Same arguments -> same bytes.
"""

import argparse
import math
import os
import random
import struct
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import convert_pth as cp  # noqa: E402

POOL = 65521  # elements per random block (prime)


def lora_ranks(version, C):
    """Official defaults: v6 (RWKV-LM x060) and v7 (x070) LoRA sizes for n_embd C."""
    if version == 6:
        return {"att.time_maa_w1": 5 * (64 if C >= 4096 else 32),
                "att.time_decay_w1": 128 if C >= 4096 else 64}

    def r(mult, power):
        return max(32, int(round(mult * C ** power / 32) * 32))
    return {"att.w1": r(1.8, 0.5), "att.a1": r(1.8, 0.5), "att.v1": r(1.3, 0.5),
            "att.g1": r(0.6, 0.8)}


def distribution(key, version, fan_in, weight_scale, residual_scale):
    """(low, high) of the uniform distribution for a checkpoint tensor name."""
    name = key.split(".", 2)[-1] if key.startswith("blocks.") else key
    if name.endswith(".weight") and ("ln" in name.split(".")[-2] or name.startswith("ln")):
        return (0.9, 1.1)
    if name.endswith(".bias"):
        return (-0.05, 0.05)
    if name == "emb.weight":
        return (-0.5, 0.5)
    if name.endswith(".weight"):
        s = weight_scale / math.sqrt(fan_in)
        if name in ("att.output.weight", "ffn.value.weight"):
            s *= residual_scale
        if name == "head.weight":
            s *= 3.5  # logits with a standard deviation near 2, like a trained model
        return (-s, s)
    if "time_mix" in name or name.startswith("att.time_maa_") and name[-1] in "xwkvrg" \
            and not name.endswith(("w1", "w2")) or name in ("ffn.time_maa_k", "ffn.time_maa_r") \
            or name.startswith("att.x_") or name == "ffn.x_k":
        return (0.0, 1.0)
    if name == "att.time_decay":
        return (-6.0, 1.0) if version == 4 else (-6.0, 0.0)
    if name in ("att.time_first", "att.time_faaaa"):
        return (-1.0, 1.0)
    if name == "att.time_state":
        return (-0.5, 0.5)
    if name == "att.w0":
        return (-6.0, 1.0)
    if name in ("att.a0", "att.v0"):
        return (-1.0, 1.0)
    if name == "att.k_k":
        return (0.5, 1.0)
    if name == "att.k_a":
        return (0.5, 1.5)
    if name == "att.r_k":
        return (-0.2, 0.2)
    # LoRA matrices (v6 time_maa_w1/w2, time_decay_w1/w2; v7 w1, w2, a1, ...)
    return (-0.05, 0.05)


class Pools:
    """One random block per (distribution, dtype), tiled into tensors."""

    def __init__(self, seed):
        self.seed = seed
        self.cache = {}

    def get(self, lohi, dtype):
        k = (lohi, dtype)
        if k not in self.cache:
            rng = random.Random("%s/%r" % (self.seed, k))
            lo, hi = lohi
            vals = [rng.uniform(lo, hi) for _ in range(POOL)]
            f32 = struct.pack("<%df" % POOL, *vals)
            if dtype == "f32":
                b = f32
            elif dtype == "bf16":
                b = cp.f32_to_bf16(f32)
            else:
                b = struct.pack("<%de" % POOL, *struct.unpack("<%df" % POOL, f32))
            self.cache[k] = (memoryview(b * 17), len(b))
        return self.cache[k]


def tiled(pool, start_elem, es, nbytes):
    rep, plen = pool
    pos = (start_elem % (plen // es)) * es
    left = nbytes
    while left:
        take = min(left, 16 * plen)
        yield rep[pos:pos + take]
        pos = (pos + take) % plen
        left -= take


def build(args):
    version, minor = args.version
    C, L, V = args.embd, args.layers, args.vocab
    F = args.ffn or (int(C * 3.5) // 32 * 32 if version == 6 else 4 * C)
    S = args.head_size if version >= 5 else 0
    if version >= 5 and C % S:
        raise cp.ConvertError("--embd %d is not a multiple of --head-size %d" % (C, S))
    H = C // S if S else 0
    d = cp.Dims(C, F, V, H, S)
    ranks = lora_ranks(version, C) if version in (6, 7) else {}
    deep = version == 7 and args.deep_embed > 0
    if deep:
        ranks["ffn.s1"] = args.deep_embed
    pools = Pools(args.seed)
    keys = [("emb.weight", (V, C))]
    for i in range(L):
        for name, shape, optional in cp.block_schema(version, minor, i, d,
                                                     lambda n: ranks.get(n, 0), deep=deep):
            if optional and not (name == "att.time_state" and args.time_state):
                continue
            keys.append(("blocks.%d.%s" % (i, name), shape))
    keys += [("ln_out.weight", (C,)), ("ln_out.bias", (C,)), ("head.weight", (V, C))]
    # ln0 right after the embedding, as the converter writes it
    keys = [keys[0]] + [k for k in keys if ".ln0." in k[0]] + \
        [k for k in keys[1:] if ".ln0." not in k[0]]

    tensors = []
    for idx, (key, shape) in enumerate(keys):
        sq = cp.squeezed(shape)
        dst = args.dtype if key.endswith(".weight") and len(sq) == 2 else "f32"
        if cp.is_lora(key):  # one row per output, in the matrices' type (docs/FORMAT.md)
            sq = sq[:-2] + (sq[-1], sq[-2])
            dst = args.dtype
        es, gtype = cp.DTYPES[dst]
        n = cp.prod(sq)
        lohi = distribution(key, version, sq[-1] if sq else 1, args.weight_scale,
                            args.residual_scale)
        pool = pools.get(lohi, dst)

        def produce(pool=pool, idx=idx, es=es, nbytes=n * es):
            return tiled(pool, idx * 7919, es, nbytes)
        tensors.append(cp.OutTensor(cp.gguf_name(key), list(reversed(sq)) or [1], gtype,
                                    n * es, produce))
    info = {"version": version, "minor": minor, "n_layer": L, "n_embd": C, "n_ffn": F,
            "n_vocab": V, "head_size": S, "n_head": H}
    return info, tensors


def parse_version(s):
    table = {"4": (4, 0), "5": (5, 2), "5.0": (5, 0), "5.1": (5, 1), "5.2": (5, 2), "6": (6, 0),
             "7": (7, 0)}
    if s not in table:
        raise argparse.ArgumentTypeError("version must be one of 4, 5.0, 5.1, 5.2, 6, 7")
    return table[s]


def main(argv=None):
    p = argparse.ArgumentParser(prog="random_model.py",
                                description="Write a random-weight RWKV model in rwkv.c's GGUF "
                                            "layout (docs/FORMAT.md) for benchmarks and tests.")
    p.add_argument("output", metavar="OUTPUT")
    p.add_argument("--version", type=parse_version, default=(7, 0),
                   help="4, 5.0, 5.1, 5.2 (=5), 6 or 7 (default 7)")
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--embd", type=int, default=128, help="n_embd C")
    p.add_argument("--vocab", type=int, default=256)
    p.add_argument("--ffn", type=int, default=0,
                   help="channel-mix size (default 4C; v6 3.5C rounded down to 32)")
    p.add_argument("--head-size", type=int, default=64, help="v5-v7 (default 64)")
    p.add_argument("--dtype", choices=["f32", "f16", "bf16"], default="bf16",
                   help="type of the weight matrices (default bf16)")
    p.add_argument("--time-state", action="store_true", help="v6: add tuned time_state tensors")
    p.add_argument("--deep-embed", type=int, default=0, metavar="D",
                   help="v7: RWKV-7a's DeepEmbed channel mix of rank D (released: 32)")
    p.add_argument("--tokenizer", default="none", metavar="world|pile|none|PATH",
                   help="tokenizer to embed (as convert_pth.py --vocab; default none)")
    p.add_argument("--weight-scale", type=float, default=1.0,
                   help="multiplies every weight matrix (default 1)")
    p.add_argument("--residual-scale", type=float, default=1.0,
                   help="further multiplies att.output and ffn.value (grows the residual "
                        "stream: fp16 overflow tests)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--name", default=None, help="general.name (default: random-vX-LxC)")
    a = p.parse_args(argv)
    if min(a.layers, a.embd, a.vocab, a.head_size) <= 0 or a.ffn < 0:
        p.error("sizes must be positive")
    t0 = time.time()
    try:
        info, tensors = build(a)
        vkind, vdata = cp.load_vocab(a.tokenizer, a.vocab, lambda s: print(
            "random_model.py: warning: " + s, file=sys.stderr))
        name = a.name or "random-v%s-%dx%d" % (cp.VERSION_NAMES[a.version], a.layers, a.embd)
        kvs = cp.model_metadata(info, name, cp.file_type_of(tensors), vkind, vdata)
        size = cp.write_gguf(a.output, kvs, tensors)
    except cp.ConvertError as e:
        print("random_model.py: error: %s%s" % (e, " (hint: %s)" % e.hint if e.hint else ""),
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("random_model.py: error: interrupted; %s was not written" % a.output,
              file=sys.stderr)
        return 130
    print("wrote %s: RWKV v%s, %d layers, n_embd %d, n_ffn %d, vocab %d, %s, %d tensors, "
          "%.1f MiB in %.1f s" % (a.output, cp.VERSION_NAMES[a.version], a.layers, a.embd,
                                   info["n_ffn"], a.vocab, a.dtype, len(tensors),
                                   size / 1048576.0, time.time() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
