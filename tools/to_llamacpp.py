#!/usr/bin/env python3
"""to_llamacpp.py - rewrite an rwkv.c GGUF (v6 or v7, docs/FORMAT.md) in llama.cpp's `rwkv6` /
`rwkv7` layout (docs/LLAMACPP.md), as llama.cpp's convert_hf_to_gguf.py would write it for
the same checkpoint. Standard library only.

    python3 tools/to_llamacpp.py model.gguf model-llamacpp.gguf [--rescale N]

The weights keep their type and values; the transforms are llama.cpp's: renamed tensors,
the token-shift lerps fused into one [C, 1, 1, 5 or 6] tensor, every LoRA transposed (v6's
time_maa_w2 per plane), v7's block 0 given copies of a0/a1/a2 as v0/v1/v2, v7's r_k
flattened. --rescale N (v6) writes rescale_every_n_layers = N and divides time_mix_output and
channel_mix_value of block b by 2^floor(b / N) (exact for F32; F16/BF16 lose only values that
become subnormal). A World vocabulary (tokenizer.rwkv.world) becomes tokenizer.ggml.tokens /
token_type (id 0 `<s>`, control; each token's bytes as Python's repr without b'...'; [PADn]
entries up to the vocabulary size). No general.alignment key (llama.cpp's files have none:
32). rwkv.c reads the result as the same model: tests/test_llamacpp_self.py checks that the
logits are bit-identical. A tuned time_state has no place in llama.cpp's layout: refused.
"""

import argparse
import ast
import struct
import sys

ALIGN = 32
T_U32, T_I32, T_F32, T_STRING, T_ARRAY, T_U64 = 4, 5, 6, 8, 9, 10
ELEM = {0: 4, 1: 2, 30: 2}   # F32, F16, BF16
SCALAR = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?",
          10: "<Q", 11: "<q", 12: "<d"}


class Tensor:
    def __init__(self, name, dims, gtype, raw):
        self.name, self.dims, self.type, self.raw = name, list(dims), gtype, raw


def read_gguf(path):
    d = open(path, "rb").read()
    p = [4]

    def take(fmt):
        v = struct.unpack_from(fmt, d, p[0])[0]
        p[0] += struct.calcsize(fmt)
        return v

    def string():
        n = take("<Q")
        s = d[p[0]:p[0] + n]
        p[0] += n
        return s

    def value(vt):
        if vt == T_STRING:
            return string()
        if vt == T_ARRAY:
            et, n = take("<I"), take("<Q")
            return [value(et) for _ in range(n)]
        return take(SCALAR[vt])

    if d[:4] != b"GGUF" or take("<I") != 3:
        sys.exit("%s: not a GGUF version 3 file" % path)
    n_t, n_kv = take("<Q"), take("<Q")
    kv = {}
    for _ in range(n_kv):
        key = string().decode()
        kv[key] = value(take("<I"))
    infos = []
    for _ in range(n_t):
        name = string().decode()
        dims = [take("<Q") for _ in range(take("<I"))]
        infos.append((name, dims, take("<I"), take("<Q")))
    align = kv.get("general.alignment", 32)
    start = (p[0] + align - 1) // align * align
    tensors = {}
    for name, dims, gt, off in infos:
        if gt not in ELEM:
            sys.exit("%s: tensor %s has type %d (F32, F16, BF16 only)" % (path, name, gt))
        n = ELEM[gt]
        for x in dims:
            n *= x
        tensors[name] = Tensor(name, dims, gt, d[start + off:start + off + n])
    return kv, tensors


def transpose(t, planes=1):
    """ne [a, b, planes] -> ne [b, a, planes]: each plane's (b, a) row-major matrix transposed."""
    a, b, es = t.dims[0], t.dims[1], ELEM[t.type]
    out = bytearray(len(t.raw))
    for p in range(planes):
        base = p * a * b * es
        for r in range(b):
            for c in range(a):
                src = base + (r * a + c) * es
                dst = base + (c * b + r) * es
                out[dst:dst + es] = t.raw[src:src + es]
    return Tensor(t.name, [b, a] + t.dims[2:], t.type, bytes(out))


def scaled(t, k):
    """t's values divided by 2^k, in t's own type."""
    if k == 0:
        return t
    n = len(t.raw) // ELEM[t.type]
    if t.type == 0:
        vals = struct.unpack("<%df" % n, t.raw)
        return Tensor(t.name, t.dims, 0, struct.pack("<%df" % n, *[v / 2 ** k for v in vals]))
    if t.type == 1:
        vals = struct.unpack("<%de" % n, t.raw)
        return Tensor(t.name, t.dims, 1, struct.pack("<%de" % n, *[v / 2 ** k for v in vals]))
    wide = bytearray(2 * len(t.raw))   # BF16: the upper half of an f32
    wide[2::4], wide[3::4] = t.raw[0::2], t.raw[1::2]
    vals = struct.unpack("<%df" % n, bytes(wide))
    f32 = struct.pack("<%df" % n, *[v / 2 ** k for v in vals])
    out = bytearray(len(t.raw))
    out[0::2], out[1::2] = f32[2::4], f32[3::4]
    return Tensor(t.name, t.dims, 30, bytes(out))


def fused(tensors, names, C):
    raw = b"".join(tensors[n].raw for n in names)
    return Tensor("", [C, 1, 1, len(names)], 0, raw)


def world_tokens(vocab_text, n_vocab):
    """llama.cpp's tokens and token types for a World vocabulary of n_vocab entries."""
    toks = {}
    for line in vocab_text.decode("utf-8").split("\n"):
        if not line.strip():
            continue
        i, rest = line.index(" "), line.rindex(" ")
        lit = ast.literal_eval(line[i + 1:rest])
        toks[int(line[:i])] = lit.encode("utf-8") if isinstance(lit, str) else lit
    names, types = [b"<s>"], [3]
    for i in range(1, n_vocab):
        if i in toks:
            names.append(repr(toks[i])[2:-1].encode("ascii"))
            types.append(1)
        else:
            names.append(("[PAD%d]" % i).encode())
            types.append(5)
    return names, types


def convert(kv, src, rescale):
    version = kv.get("rwkv.architecture_version")
    if kv.get("general.architecture") != b"rwkv" or version not in (6, 7):
        sys.exit("only rwkv.c v6 and v7 files can be rewritten for llama.cpp")
    if rescale and version != 6:
        sys.exit("--rescale is rwkv6 only")
    if any(".ffn.s_emb" in n for n in src):
        sys.exit("an RWKV-7a (DeepEmbed) model: llama.cpp's rwkv7 has no DeepEmbed tensors "
                 "(rewritten without them it would be another model)")
    L, C = kv["rwkv.block_count"], kv["rwkv.embedding_length"]
    arch = "rwkv%d" % version
    out = []

    def put(name, t):
        out.append(Tensor(name, t.dims, t.type, t.raw))

    for n in ("token_embd.weight", "token_embd_norm.weight", "token_embd_norm.bias"):
        put(n, src[n])
    ranks = {}
    # rwkv.lora_layout = 1 files already store the LoRAs one row per output, as llama.cpp does
    new_layout = kv.get("rwkv.lora_layout", 0) == 1
    lora = (lambda t, planes=1: t) if new_layout else transpose
    rank_dim = 1 if new_layout else 0  # a w1's outputs: ggml dims [C, D] new, [D, C] old
    for b in range(L):
        def s(name, b=b):
            return src["blk.%d.%s" % (b, name)]

        def o(name, t, b=b):
            put("blk.%d.%s" % (b, name), t)
        if "blk.%d.att.time_state" % b in src:
            sys.exit("a tuned time_state has no place in llama.cpp's layout")
        k = b // rescale if rescale else 0
        for ours, theirs in (("attn_norm.weight", "attn_norm.weight"),
                             ("attn_norm.bias", "attn_norm.bias"),
                             ("ffn_norm.weight", "attn_norm_2.weight"),
                             ("ffn_norm.bias", "attn_norm_2.bias"),
                             ("att.receptance.weight", "time_mix_receptance.weight"),
                             ("att.key.weight", "time_mix_key.weight"),
                             ("att.value.weight", "time_mix_value.weight"),
                             ("att.ln_x.weight", "time_mix_ln.weight"),
                             ("att.ln_x.bias", "time_mix_ln.bias"),
                             ("ffn.key.weight", "channel_mix_key.weight")):
            o(theirs, s(ours))
        o("time_mix_output.weight", scaled(s("att.output.weight"), k))
        o("channel_mix_value.weight", scaled(s("ffn.value.weight"), k))
        if version == 6:
            o("time_mix_lerp_x.weight", s("att.time_maa_x"))
            o("time_mix_lerp_fused.weight", fused(src, ["blk.%d.att.time_maa_%s" % (b, x)
                                                        for x in "wkvrg"], C))
            o("time_mix_w1.weight", lora(s("att.time_maa_w1")))
            o("time_mix_w2.weight", lora(s("att.time_maa_w2"), 5))
            o("time_mix_decay.weight", s("att.time_decay"))
            o("time_mix_decay_w1.weight", lora(s("att.time_decay_w1")))
            o("time_mix_decay_w2.weight", lora(s("att.time_decay_w2")))
            o("time_mix_first.weight", s("att.time_faaaa"))
            o("time_mix_gate.weight", s("att.gate.weight"))
            o("channel_mix_lerp_k.weight", s("ffn.time_maa_k"))
            o("channel_mix_lerp_r.weight", s("ffn.time_maa_r"))
            o("channel_mix_receptance.weight", s("ffn.receptance.weight"))
            ranks["time_mix_extra_dim"] = s("att.time_maa_w1").dims[rank_dim] // 5
            ranks["time_decay_extra_dim"] = s("att.time_decay_w1").dims[rank_dim]
        else:
            o("time_mix_lerp_fused.weight", fused(src, ["blk.%d.att.x_%s" % (b, x)
                                                        for x in "rwkvag"], C))
            for x in ("w0", "a0", "k_k", "k_a"):
                o("time_mix_%s.weight" % x, s("att." + x))
            r_k = s("att.r_k")
            o("time_mix_r_k.weight", Tensor("", [C], r_k.type, r_k.raw))
            v = "a" if b == 0 else "v"   # block 0: copies of a0/a1/a2 (the converter's)
            o("time_mix_v0.weight", s("att.%s0" % v))
            for x in "wavg":
                y = v if x == "v" else x
                o("time_mix_%s1.weight" % x, lora(s("att.%s1" % y)))
                o("time_mix_%s2.weight" % x, lora(s("att.%s2" % y)))
                if b > 0 or x != "v":
                    ranks[x] = s("att.%s1" % y).dims[rank_dim]
            o("channel_mix_lerp_k.weight", s("ffn.x_k"))
    for n in ("output_norm.weight", "output_norm.bias", "output.weight"):
        put(n, src[n])

    V = src["output.weight"].dims[1]
    meta = [("general.architecture", T_STRING, arch.encode()),
            ("general.type", T_STRING, b"model"),
            ("general.name", T_STRING, kv.get("general.name", b"model")),
            ("%s.context_length" % arch, T_U32, 1048576),
            ("%s.embedding_length" % arch, T_U32, C),
            ("%s.block_count" % arch, T_U32, L),
            ("%s.feed_forward_length" % arch, T_U32, kv["rwkv.feed_forward_length"]),
            ("%s.attention.layer_norm_epsilon" % arch, T_F32,
             kv.get("rwkv.attention.layer_norm_epsilon", 1e-5)),
            ("%s.wkv.head_size" % arch, T_U32, kv["rwkv.wkv.head_size"]),
            ("%s.attention.head_count" % arch, T_U32, 0)]
    if version == 6:
        meta += [("rwkv6.rescale_every_n_layers", T_U32, rescale),
                 ("rwkv6.time_mix_extra_dim", T_U32, ranks["time_mix_extra_dim"]),
                 ("rwkv6.time_decay_extra_dim", T_U32, ranks["time_decay_extra_dim"])]
    else:
        for x, key in (("w", "decay"), ("a", "iclr"), ("v", "value_residual_mix"),
                       ("g", "gate")):
            meta.append(("rwkv7.attention.%s_lora_rank" % key, T_U32, ranks.get(x, 0)))
    types = {t.type for t in out if len(t.dims) >= 2 and t.type != 0}
    meta.append(("general.file_type", T_U32, {1: 1, 30: 32}.get(min(types), 0) if types else 0))
    if "tokenizer.rwkv.world" in kv:
        names, ttypes = world_tokens(kv["tokenizer.rwkv.world"], V)
        meta += [("tokenizer.ggml.model", T_STRING, b"rwkv"),
                 ("tokenizer.ggml.tokens", (T_ARRAY, T_STRING), names),
                 ("tokenizer.ggml.token_type", (T_ARRAY, T_I32), ttypes),
                 ("tokenizer.ggml.bos_token_id", T_U32, 0),
                 ("tokenizer.ggml.eos_token_id", T_U32, 0)]
    return meta, out


def gstr(b):
    return struct.pack("<Q", len(b)) + b


def pack_value(vt, v):
    if isinstance(vt, tuple):
        return struct.pack("<IQ", vt[1], len(v)) + b"".join(pack_value(vt[1], x) for x in v)
    if vt == T_STRING:
        return gstr(v)
    return struct.pack(SCALAR[vt], v)


def write_gguf(path, meta, tensors):
    head = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(meta))
    for key, vt, v in meta:
        head += gstr(key.encode()) + struct.pack("<I", T_ARRAY if isinstance(vt, tuple) else vt)
        head += pack_value(vt, v)
    off = 0
    offsets = []
    for t in tensors:
        offsets.append(off)
        off = (off + len(t.raw) + ALIGN - 1) // ALIGN * ALIGN
    for t, o in zip(tensors, offsets):
        head += gstr(t.name.encode()) + struct.pack("<I", len(t.dims))
        head += b"".join(struct.pack("<Q", x) for x in t.dims) + struct.pack("<IQ", t.type, o)
    head += b"\0" * ((-len(head)) % ALIGN)
    with open(path, "wb") as f:
        f.write(head)
        for t in tensors:
            f.write(t.raw + b"\0" * ((-len(t.raw)) % ALIGN))


def main(argv=None):
    p = argparse.ArgumentParser(prog="to_llamacpp.py", description=__doc__.split("\n\n")[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--rescale", type=int, default=0, metavar="N",
                   help="rwkv6: rescale_every_n_layers N (default 0: none)")
    a = p.parse_args(argv)
    kv, tensors = read_gguf(a.input)
    meta, out = convert(kv, tensors, a.rescale)
    write_gguf(a.output, meta, out)
    print("%s: %s, %d tensors" % (a.output, meta[0][2].decode(), len(out)))


if __name__ == "__main__":
    main()
