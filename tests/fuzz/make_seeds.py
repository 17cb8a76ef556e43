#!/usr/bin/env python3
"""Writes the seed corpora of the libFuzzer harnesses, tests/fuzz/corpus/NAME/ (committed; keep
the total well under 1 MB). Standard library only. Same inputs -> same bytes.

    python3 tests/fuzz/make_seeds.py

  fuzz_model    tiny GGUF models (tools/random_model.py with LoRA ranks of 4): every version
                (v4, v5.0, v5.1, v5.2, v6, v6 + time_state, v7, v7a), 2 layers, n_embd 8, head size
                4, vocab 16, ffn 16, F16; plus a 1-layer BF16 v7 with an embedded World vocabulary, a
                1-layer F32 v5.2 with an embedded HF JSON vocabulary, a vocab-256 v4 (byte-level)
  fuzz_state    states for the harness's built-in models (same dims: 2 layers, n_embd 8, head
                size 4): zeros, random values, special floats (NaN, inf, huge, denormal, -0),
                and a few near misses (another model's header, a format version 2)
  fuzz_tokenize first byte 0/1/2 (byte-level / World / Pile) + a hard string: lines 401-438 and
                every 10th of 1-400 of ../shared/fixtures/tokenizer/corpus.jsonl
  fuzz_vocab    small World vocabularies and HF tokenizer JSON files, hand-written and cut from
                the real ones (../shared/vocab)
The parts that read ../shared are skipped (their old seeds kept) when it is absent."""
import base64
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")
SHARED = os.path.join(ROOT, "..", "shared")
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, ROOT)
import random_model as rm  # noqa: E402

# The dims shared with fuzz_state.c (L_, C_, S_): keep in step.
L, C, S, V, F = 2, 8, 4, 16, 16


# Inputs the fuzzers found (tests/fuzz/README.md), kept in their corpora as regression seeds:
# a new run of this script keeps them.
FOUND = {"fuzz_model": ("q8_0-nonfinite-activation",)}


def fresh_dir(name):
    d = os.path.join(CORPUS, name)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        if f not in FOUND.get(name, ()):
            os.remove(os.path.join(d, f))
    return d


def write(d, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ---- vocabularies (also embedded in two models) ------------------------------------------

WORLD_SMALL = (
    "1 'a' 1\n"
    "2 'b' 1\n"
    "3 'ab' 2\n"
    "4 ' ' 1\n"
    "5 '\\n' 1\n"
    "6 'hello' 5\n"
    "7 b'\\xff' 1\n"
    "8 '\\u00e9' 2\n"
    "9 \"it's\" 4\n"
    "10 '\\U0001F600' 4\n"
    "11 'a\\\\b' 3\n"
    "12 '\\101\\102' 2\n"
    "13 '\u65e5\u672c' 6\n"
    "14 '   ' 3\r\n"
    "15 b'\\xe4\\xbd' 2\n"
    "16 '\\t' 1\n"
    "\n"
)


def world_bytes():
    """Ids 1..256 are the bytes (as ChatRWKV's file), then multi-byte tokens."""
    lines = []
    for i in range(256):
        lit = "'\\x%02x'" % i if i < 0x80 else "b'\\x%02x'" % i
        lines.append("%d %s 1" % (i + 1, lit))
    lines += ["257 'ab' 2", "258 'abc' 3", "259 'abcd' 4", "260 'bcd' 3", "261 ' the' 4",
              "262 '\\u4f60\\u597d' 6", "263 'say \\\"hi\\\"' 8", "264 '\\r\\n' 2"]
    return "\n".join(lines) + "\n"


def hf_json(vocab, merges, added=(), normalizer={"type": "NFC"}, pre=None, model_extra=None):
    model = {"type": "BPE", "dropout": None, "unk_token": None,
             "continuing_subword_prefix": None, "end_of_word_suffix": None, "fuse_unk": False,
             "vocab": vocab, "merges": merges}
    model.update(model_extra or {})
    return json.dumps({"version": "1.0", "truncation": None, "padding": None,
                       "added_tokens": list(added), "normalizer": normalizer,
                       "pre_tokenizer": pre or {"type": "ByteLevel", "add_prefix_space": False,
                                                "trim_offsets": True},
                       "post_processor": None,
                       "decoder": {"type": "ByteLevel"}, "model": model},
                      ensure_ascii=False, indent=1) + "\n"


def byte_chars():
    """GPT-2's byte -> printable code point map."""
    bs = list(range(33, 127)) + list(range(161, 173)) + list(range(174, 256))
    cs, n = bs[:], 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {b: chr(c) for b, c in zip(bs, cs)}


def added(i, content, special, normalized):
    return {"id": i, "special": special, "content": content, "single_word": False,
            "lstrip": False, "rstrip": False, "normalized": normalized}


def hf_small():
    bc = byte_chars()
    vocab = {bc[b]: b for b in range(256)}
    extra = ["he", "\u0120t", "\u0120th", "\u0120the", "ll", "llo", "aa", "aaaa", "'s", "\u00c3\u00a9"]
    for i, t in enumerate(extra):
        vocab[t] = 256 + i
    merges = ["h e", "\u0120 t", "\u0120t h", "\u0120th e", "l l", "ll o", "a a", "aa aa", "' s",
              "\u00c3 \u00a9"]
    add = [added(300, "<|endoftext|>", True, False), added(301, "  ", False, True),
           added(302, "   ", False, True), added(303, "<pad>", True, False)]
    return hf_json(vocab, merges, add)


def hf_pairs():
    bc = byte_chars()
    vocab = {bc[b]: b for b in range(256)}
    vocab.update({"ab": 256, "abc": 257, "\u0120a": 258, "\u0120ab": 259})
    merges = [["a", "b"], ["ab", "c"], ["\u0120", "a"], ["\u0120a", "b"]]
    pre = {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True,
           "use_regex": False}
    return hf_json(vocab, merges, [added(260, "<s>", True, False)], normalizer=None, pre=pre,
                   model_extra={"ignore_merges": True})


def hf_20b_head(path, n_merges=400):
    """The 20B tokenizer cut down: its byte tokens, its first merges and their results, its
    added tokens (ids renumbered densely to keep the id range small)."""
    cfg = json.load(open(path, encoding="utf-8"))
    vocab = cfg["model"]["vocab"]
    merges = cfg["model"]["merges"][:n_merges]
    keep = [t for t, i in sorted(vocab.items(), key=lambda x: x[1]) if len(t) == 1]
    for m in merges:
        a, b = m.split(" ", 1) if isinstance(m, str) else m
        for t in (a, b, a + b):
            if t not in keep:
                keep.append(t)
    new_vocab = {t: i for i, t in enumerate(keep)}
    add = []
    for t in cfg["added_tokens"][:4]:
        t = dict(t)
        t["id"] = len(new_vocab) + len(add)
        add.append(t)
    return hf_json(new_vocab, merges, add, normalizer=cfg["normalizer"],
                   pre=cfg["pre_tokenizer"])


def world_head(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    pick = lines[:300] + lines[10000:10040] + lines[30000:30020] + lines[65500:65529]
    return "\n".join(pick) + "\n"


# ---- models --------------------------------------------------------------------------------

def small_lora(version, C_):
    if version == 6:
        return {"att.time_maa_w1": 5 * 4, "att.time_decay_w1": 4}
    return {"att.w1": 4, "att.a1": 4, "att.v1": 4, "att.g1": 4}


def models(tmp, world_path, hf_path):
    rm.lora_ranks = small_lora
    d = fresh_dir("fuzz_model")
    base = ["--layers", str(L), "--embd", str(C), "--head-size", str(S), "--vocab", str(V),
            "--ffn", str(F), "--dtype", "f16"]
    specs = [("v4", ["--version", "4"] + base),
             ("v5.0", ["--version", "5.0"] + base),
             ("v5.1", ["--version", "5.1"] + base),
             ("v5.2", ["--version", "5.2"] + base),
             ("v6", ["--version", "6"] + base),
             ("v6-state", ["--version", "6", "--time-state"] + base),
             ("v7", ["--version", "7"] + base),
             ("v7a-deepembed", ["--version", "7", "--deep-embed", "2"] + base),
             ("v7-bf16-world", ["--version", "7", "--layers", "1", "--embd", "8",
                                "--head-size", "4", "--vocab", "17", "--ffn", "16",
                                "--dtype", "bf16", "--tokenizer", world_path]),
             ("v5.2-f32-hf", ["--version", "5.2", "--layers", "1", "--embd", "8",
                              "--head-size", "4", "--vocab", "16", "--dtype", "f32",
                              "--ffn", "16", "--tokenizer", hf_path]),
             ("v4-bytes", ["--version", "4", "--layers", "1", "--embd", "8", "--vocab", "256",
                           "--ffn", "16", "--dtype", "f16"])]
    for name, args in specs:
        out = os.path.join(tmp, name + ".gguf")
        devnull = open(os.devnull, "w")
        old = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = devnull
        try:
            rc = rm.main([out, "--seed", "7", "--name", name] + args)
        finally:
            sys.stdout, sys.stderr = old
            devnull.close()
        if rc:
            raise SystemExit("random_model.py failed for %s" % name)
        shutil.copy(out, os.path.join(d, name))  # no .gguf: *.gguf is git-ignored
    quant_models(tmp, d)


def quant_models(tmp, d):
    """Quantized matrices for fuzz_model: small models (n_embd 32, one block per row) through
    `rwkv quantize` (the CLI must be built; otherwise these seeds are kept as they are)."""
    rwkv = os.path.join(ROOT, "rwkv")
    if not os.access(rwkv, os.X_OK):
        print("make_seeds.py: ./rwkv not built: quantized fuzz_model seeds kept as they are")
        return
    for name, version, qtype in (("v7-q4_0", "7", "q4_0"), ("v6-q5_1", "6", "q5_1"),
                                 ("v4-q8_0", "4", "q8_0")):
        src = os.path.join(tmp, name + "-f16.gguf")
        out = os.path.join(tmp, name + ".gguf")
        args = [src, "--version", version, "--layers", "1", "--embd", "32", "--head-size",
                "32", "--vocab", "16", "--ffn", "64", "--dtype", "f16", "--seed", "7"]
        devnull = open(os.devnull, "w")
        old = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = devnull
        try:
            rc = rm.main(args)
        finally:
            sys.stdout, sys.stderr = old
            devnull.close()
        if rc or subprocess.run([rwkv, "quantize", src, out, qtype],
                                stdout=subprocess.DEVNULL).returncode:
            raise SystemExit("making the quantized seed %s failed" % name)
        shutil.copy(out, os.path.join(d, name))


# ---- states --------------------------------------------------------------------------------

STATE_MODELS = [("v4", 4, 0), ("v5.0", 5, 0), ("v5.1", 5, 1), ("v5.2", 5, 2), ("v6", 6, 0),
                ("v7", 7, 0)]


def state_blob(version, minor, floats, fmt=2, layers=L):
    """A serialized state (docs/FORMAT.md); format 2 with fingerprint 0, which no model has:
    fuzz_state loads each input as it is and with RWKV_STATE_LOAD_FORCE."""
    hs = 0 if version == 4 else S
    head = b"RWKVSTAT" + struct.pack("<6IQ", fmt, version, minor, layers, C, hs, len(floats))
    if fmt == 2:
        head += struct.pack("<Q", 0)
    return head + b"".join(struct.pack("<I", f) if isinstance(f, int) else struct.pack("<f", f)
                           for f in floats)


def states():
    d = fresh_dir("fuzz_state")
    rng = random.Random(5)
    specials = [0x7FC00000, 0xFFC00001, 0x7F800000, 0xFF800000, 0x7F7FFFFF, 0x00000001,
                0x80000000, 0x3F800000, 0xC61C4000, 0x7FA00000]  # NaNs, infs, max, denormal...
    finite = [0x7F7FFFFF, 0xFF7FFFFF, 0x00000001, 0x80000000, 0x3F800000, 0xC61C4000,
              0x00800000, 0x7149F2CA]  # max, -max, denormal, -0, 1, -10000, min normal, 1e30
    for name, v, mi in STATE_MODELS:
        n = L * (2 * C + (3 * C if v == 4 else C * S))
        write(d, name + "-zeros", state_blob(v, mi, [0.0] * n))
        write(d, name + "-random", state_blob(v, mi, [rng.uniform(-2, 2) for _ in range(n)]))
        write(d, name + "-special", state_blob(v, mi, [specials[i % len(specials)]
                                                        for i in range(n)]))
        write(d, name + "-finite", state_blob(v, mi, [finite[i % len(finite)]
                                                       for i in range(n)]))
    n = L * (2 * C + C * S)
    write(d, "v7-format1", state_blob(7, 0, [0.0] * n, fmt=1))
    write(d, "v7-format3", state_blob(7, 0, [0.0] * n, fmt=3))
    write(d, "v7-3layers", state_blob(7, 0, [0.0] * (n // 2 * 3), layers=3))
    write(d, "short", state_blob(5, 2, [1.0] * 3)[:50])


# ---- tokenizer strings ---------------------------------------------------------------------

# ---- quantized blocks (fuzz_quant.c) ---------------------------------------------------------

# name, index in fuzz_quant.c's TYPES, bytes per block, offsets of the f16 scales
QUANT_TYPES = [("q4_0", 0, 18, (0,)), ("q4_1", 1, 20, (0, 2)), ("q5_0", 2, 22, (0,)),
               ("q5_1", 3, 24, (0, 2)), ("q8_0", 4, 34, (0,)), ("q4_k", 5, 144, (0, 2)),
               ("q5_k", 6, 176, (0, 2)), ("q6_k", 7, 210, (208,))]


def quant_seeds():
    """Per type: 2 rows x 2 blocks of random bytes with small finite scales (two activation
    modes), and one block whose first scale is NaN."""
    d = fresh_dir("fuzz_quant")
    rng = random.Random(9)
    for name, idx, nbytes, scales in QUANT_TYPES:
        for mode in (0, 6):
            blocks = []
            for _ in range(4):
                b = bytearray(rng.getrandbits(8) for _ in range(nbytes))
                for off in scales:
                    b[off:off + 2] = struct.pack("<e", rng.uniform(-0.05, 0.05))
                blocks.append(bytes(b))
            write(d, "%s-mode%d" % (name, mode), bytes([idx, 1, 1, mode]) + b"".join(blocks))
        b = bytearray(rng.getrandbits(8) for _ in range(nbytes))
        b[scales[0]:scales[0] + 2] = b"\x00\x7e"  # f16 NaN
        write(d, name + "-nan-scale", bytes([idx, 0, 0, 0]) + bytes(b))


def tokenize_seeds(corpus_jsonl):
    d = fresh_dir("fuzz_tokenize")
    lines = open(corpus_jsonl, "rb").read().split(b"\n")
    for no, line in enumerate(lines, 1):
        if not line.strip() or not (no >= 401 or no % 10 == 0):
            continue
        obj = json.loads(line)
        data = obj["text"].encode("utf-8") if "text" in obj else base64.b64decode(obj["bytes"])
        data = data[:1500]
        modes = (1, 2) if "text" in obj else (0, 1, 2)
        for mode in modes:
            write(d, "line%03d-%s" % (no, "bwp"[mode]), bytes([mode]) + data)
    for i, s in enumerate(["e\u0301\u0323 \u212b \uac00\u11a8 \u0958\u093c",
                           "\u1e0b\u0323\u0307 q\u0307\u0323 \u0344\u0f73"]):
        write(d, "nfc%d-b" % i, b"\x00" + s.encode("utf-8"))


# ---- vocabularies ----------------------------------------------------------------------------

def vocab_seeds(world_path_real, pile_path_real):
    d = fresh_dir("fuzz_vocab")
    write(d, "world-small.txt", WORLD_SMALL)
    write(d, "world-bytes.txt", world_bytes())
    write(d, "hf-small.json", hf_small())
    write(d, "hf-pairs.json", hf_pairs())
    if world_path_real:
        write(d, "world-real-head.txt", world_head(world_path_real))
    if pile_path_real:
        write(d, "hf-20b-head.json", hf_20b_head(pile_path_real))
    # regression inputs: UBSan "applying zero offset to null pointer" in the HF JSON loader
    write(d, "vocab-merge-empty-left.json",
          '{"model":{"vocab":{"a":0},"merges":[" a"]},"pre_tokenizer":{"type":"ByteLevel"}}')
    write(d, "vocab-empty-token.json",
          '{"pre_tokenizer":{"type":"ByteLevel"},"model":{"vocab":{"":9},"merges":[]}}')


def main():
    vocab_dir = os.path.join(SHARED, "vocab")
    world_real = os.path.join(vocab_dir, "rwkv_vocab_v20230424.txt")
    pile_real = os.path.join(vocab_dir, "20B_tokenizer.json")
    corpus_jsonl = os.path.join(SHARED, "fixtures", "tokenizer", "corpus.jsonl")
    have_shared = all(os.path.exists(p) for p in (world_real, pile_real, corpus_jsonl))
    if not have_shared:
        print("make_seeds.py: ../shared absent: fuzz_tokenize and fuzz_vocab seeds kept as they are")
    tmp = tempfile.mkdtemp()
    try:
        wp = os.path.join(tmp, "world.txt")
        hp = os.path.join(tmp, "hf.json")
        write(tmp, "world.txt", WORLD_SMALL)
        write(tmp, "hf.json", hf_small())
        models(tmp, wp, hp)
    finally:
        shutil.rmtree(tmp)
    states()
    quant_seeds()
    if have_shared:
        tokenize_seeds(corpus_jsonl)
        vocab_seeds(world_real, pile_real)
    total = 0
    for name in sorted(os.listdir(CORPUS)):
        files = os.listdir(os.path.join(CORPUS, name))
        size = sum(os.path.getsize(os.path.join(CORPUS, name, f)) for f in files)
        total += size
        print("%-14s %3d files %7d bytes" % (name, len(files), size))
    print("%-14s %17d bytes" % ("total", total))


if __name__ == "__main__":
    main()
