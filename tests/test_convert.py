#!/usr/bin/env python3
"""Tests of convert_pth.py (run by `make test` with /usr/bin/python3; exit 0 pass, 77 skip).

(a) every checkpoint in ../shared/fixtures converts, and the result reads back (our own
    GGUF reader, and `$RWKV_BIN info` when that works) with the right version/sizes;
(b) converting twice gives the same bytes;
(c) rwkv.cpp .bin and .pth of the same tiny model give the same tensors;
(d) with torch: random bf16/fp16/fp32 checkpoints, non-contiguous views, shared storages,
    nn.Parameter and the legacy format come out exactly as torch has them;
(e) a failed or interrupted conversion leaves neither OUTPUT nor a temporary file;
(f) the converter runs under `python3 -I -S` (standard library only), usage/errors are one line;
(i) its GGUF writer's chunks (convert_pth._ChunkWriter): the bytes of pieces of every size
    around the chunk, and writes of whole chunks at chunk-aligned offsets (runs without
    ../shared).
"""

import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import conv_gguf  # noqa: E402

CONVERT = os.path.join(ROOT, "convert_pth.py")
SHARED = os.path.join(ROOT, "..", "shared", "fixtures")
# The converter is run isolated from site-packages: proves it needs no torch/numpy.
PYI = [sys.executable, "-I", "-S", CONVERT]

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("  FAIL: " + what)
    return cond


def run_convert(args, **kw):
    return subprocess.run(PYI + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, **kw)


def one_line_error(r):
    lines = [l for l in r.stderr.splitlines() if l.strip() and ": warning:" not in l]
    return len(lines) == 1 and lines[0].startswith("convert_pth.py: error: ")


def rwkv_info(path):
    """Parsed `$RWKV_BIN info -m path`, or None when the CLI is not available."""
    b = os.environ.get("RWKV_BIN", os.path.join(ROOT, "rwkv"))
    if not os.access(b, os.X_OK):
        return None
    for attempt in range(10):
        try:
            r = subprocess.run([b, "info", "-m", path], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, universal_newlines=True)
            break
        except OSError:      # the binary is being rebuilt right now
            if attempt == 9:
                raise
            time.sleep(1)
    if r.returncode != 0:
        return {"error": r.stderr.strip()}
    out = {}
    for line in r.stdout.splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            out[k.strip()] = v.strip()
    return out


def expect_model(path, version, minor, layers, embd, vocab, label):
    g = conv_gguf.read(path)
    kv = g.kv
    ok = check(kv.get("general.architecture") == b"rwkv", label + ": architecture")
    ok &= check((kv.get("rwkv.architecture_version"), kv.get("rwkv.architecture_minor_version"))
                == (version, minor), label + ": version %s.%s, want %d.%d" % (
                    kv.get("rwkv.architecture_version"), kv.get("rwkv.architecture_minor_version"),
                    version, minor))
    ok &= check(kv.get("rwkv.block_count") == layers, label + ": layers")
    ok &= check(kv.get("rwkv.embedding_length") == embd, label + ": n_embd")
    ok &= check(kv.get("rwkv.vocab_size") == vocab, label + ": vocab")
    ok &= check(kv.get("general.alignment") == 64 and g.data_start % 64 == 0 and
                all(t.offset % 64 == 0 for t in g.tensors.values()), label + ": alignment")
    ok &= check(g.order[0] == "token_embd.weight" and g.order[-1] == "output.weight",
                label + ": tensor order")
    info = rwkv_info(path)
    via = "own reader"
    if info is not None:
        via = "own reader + rwkv info"
        if check("error" not in info, label + ": rwkv info failed: %s" % info.get("error")):
            arch = "RWKV v%d.%d" % (version, minor) if version == 5 else "RWKV v%d" % version
            ok &= check(info.get("architecture") == arch, label + ": info architecture %r"
                        % info.get("architecture"))
            ok &= check(info.get("layers") == str(layers), label + ": info layers")
            ok &= check(info.get("embedding") == str(embd), label + ": info embedding")
            ok &= check(info.get("vocab") == str(vocab), label + ": info vocab")
        else:
            ok = False
    return ok, via


TINY = {  # name: (version, minor, layers, n_embd)
    "4v0-660K": (4, 0, 4, 128), "5v1-730K": (5, 0, 12, 64), "5v2-730K": (5, 2, 12, 64),
    "6v0-1m": (6, 0, 12, 64), "7v0-834K": (7, 0, 12, 64)}


def part_a_b_c(tmp):
    tiny = os.path.join(SHARED, "tiny")
    print("(a) fixtures convert and read back")
    times = []
    for name, (v, mi, L, C) in sorted(TINY.items()):
        for suffix in (".pth", "-FP32.bin", "-FP16.bin"):
            src = os.path.join(tiny, "tiny-rwkv-%s%s" % (name, suffix))
            out = os.path.join(tmp, "tiny-%s%s.gguf" % (name, suffix))
            t0 = time.time()
            r = run_convert([src, out, "--name", "tiny-" + name, "-q"])
            times.append(time.time() - t0)
            if not check(r.returncode == 0, "convert %s: %s" % (src, r.stderr.strip())):
                continue
            ok, via = expect_model(out, v, mi, L, C, 256, os.path.basename(src))
            print("  %-32s %s (%s)" % (os.path.basename(src), "ok" if ok else "BAD", via))
    # the v6 model stored in bf16 (lossless): the same GGUF as the f32 .pth but BF16 matrices
    src = os.path.join(tiny, "tiny-rwkv-6v0-1m-bf16.pth")
    out = os.path.join(tmp, "tiny-6v0-1m-bf16.pth.gguf")
    r = run_convert([src, out, "--name", "tiny-6v0-1m", "-q"])
    if check(r.returncode == 0, "convert %s: %s" % (src, r.stderr.strip())):
        ok, via = expect_model(out, 6, 0, 12, 64, 256, os.path.basename(src))
        g = conv_gguf.read(out)
        types = {g.tensors[n].type for n in g.order if n.endswith(".weight")
                 and len(g.tensors[n].dims) == 2}
        ok &= check(types == {30}, "tiny bf16 .pth should give BF16 matrices, got %s" % types)
        print("  %-32s %s (%s)" % (os.path.basename(src), "ok" if ok else "BAD", via))
    with open(os.path.join(SHARED, "oracle", "manifest.jsonl")) as f:
        for line in f:
            m = json.loads(line)
            src = os.path.join(SHARED, "oracle", m["model"])
            out = os.path.join(tmp, m["model"] + ".gguf")
            t0 = time.time()
            r = run_convert([src, out, "-q"])
            times.append(time.time() - t0)
            if not check(r.returncode == 0, "convert %s: %s" % (src, r.stderr.strip())):
                continue
            ver = {"4": (4, 0), "5": (5, 0), "5.1": (5, 1), "5.2": (5, 2), "6": (6, 0),
                   "7": (7, 0)}[m["version"]]
            ok, via = expect_model(out, ver[0], ver[1], m["n_layer"], m["n_embd"], m["vocab"],
                                   m["model"])
            g = conv_gguf.read(out)
            types = {g.tensors[n].type for n in g.order if n.endswith(".weight")
                     and len(g.tensors[n].dims) == 2}
            check(types == {30} and g.kv["general.file_type"] == 32,
                  m["model"] + ": bf16 checkpoint should keep BF16 matrices")
            if "--time-state" in m.get("extra", ""):
                check(any(n.endswith("att.time_state") for n in g.order),
                      m["model"] + ": time_state kept")
            if "--faaaa" in m.get("extra", ""):
                # the bonus keeps its checkpoint name and values (u itself, not a log)
                check(all(("blk.%d.att.time_faaaa" % i) in g.tensors and
                          ("blk.%d.att.time_first" % i) not in g.tensors
                          for i in range(m["n_layer"])), m["model"] + ": time_faaaa kept")
            print("  %-32s %s (%s)" % (m["model"], "ok" if ok else "BAD", via))
    print("  conversion wall time per file (incl. interpreter start): min %.2f s, max %.2f s"
          % (min(times), max(times)))

    print("(b) determinism")
    for src in (os.path.join(tiny, "tiny-rwkv-7v0-834K.pth"),
                os.path.join(tiny, "tiny-rwkv-5v2-730K-FP16.bin"),
                os.path.join(SHARED, "oracle", "v6-state.pth")):
        outs = []
        for i in range(2):
            out = os.path.join(tmp, "det%d.gguf" % i)
            run_convert([src, out, "-q"])
            with open(out, "rb") as f:
                outs.append(f.read())
        same = check(outs[0] == outs[1] and len(outs[0]) > 0, "determinism " + src)
        print("  %-32s %s (%d bytes)" % (os.path.basename(src), "same bytes" if same else "DIFFER",
                                         len(outs[0])))
        check(b"/" + b"work" not in outs[0] and os.path.abspath(src).encode() not in outs[0],
              "no absolute path in output of " + src)

    print("(c) rwkv.cpp .bin vs .pth of the same model (max |diff| per tensor kind)")
    for name in sorted(TINY):
        a = conv_gguf.read(os.path.join(tmp, "tiny-%s.pth.gguf" % name))
        b = conv_gguf.read(os.path.join(tmp, "tiny-%s-FP32.bin.gguf" % name))
        h = conv_gguf.read(os.path.join(tmp, "tiny-%s-FP16.bin.gguf" % name))
        if not check(a.order == b.order == h.order, name + ": same tensor list"):
            continue
        worst, worst16 = {}, 0.0
        for n in a.order:
            ta, tb, th = a.tensors[n], b.tensors[n], h.tensors[n]
            check(ta.dims == tb.dims == th.dims, "%s %s dims %s %s %s" % (name, n, ta.dims,
                                                                       tb.dims, th.dims))
            check(ta.type == tb.type, "%s %s type" % (name, n))
            va = conv_gguf.tensor_values(a, n)
            if conv_gguf.tensor_raw(a, n) != conv_gguf.tensor_raw(b, n):
                vb = conv_gguf.tensor_values(b, n)
                rel = max(abs(x - y) / max(abs(x), 1e-30) for x, y in zip(va, vb))
                kind = n.split(".", 2)[-1]
                worst[kind] = max(worst.get(kind, 0.0), rel)
            # FP16 .bin: matrices are f16 in rwkv.cpp's file, so they must equal fp16(pth)
            vh = conv_gguf.tensor_values(h, n)
            if th.type == 1:
                r16 = list(struct.unpack("<%de" % len(va), struct.pack("<%de" % len(va), *va)))
                check(r16 == vh, "%s %s: FP16 .bin value != fp16(.pth value)" % (name, n))
            worst16 = max([worst16] + [abs(x - y) for x, y in zip(va, vh)])
        inverted = {"att.time_decay", "att.time_first"}
        check(all(k in inverted and v < 1e-6 for k, v in worst.items()),
              name + ": .bin and .pth differ beyond the decay inversions: %r" % worst)
        same_file = a.data[a.data_start:] == b.data[b.data_start:] and a.kv == b.kv
        print("  %-10s FP32 .bin vs .pth: %s; FP16 .bin vs .pth max |diff| %.3g (fp16 rounding)"
              % (name, "identical file" if same_file else "max rel diff %r" % worst, worst16))


# ---- (d) torch-built checkpoints ---------------------------------------------------------------

# v6/v7 LoRA matrices (x @ A in the checkpoint): written transposed (rwkv.lora_layout = 1)
LORA = {"att.time_maa_w1", "att.time_maa_w2", "att.time_decay_w1", "att.time_decay_w2"} | \
    {"att.%s%d" % (m, i) for m in "wavg" for i in (1, 2)}


def part_d(tmp):
    try:
        import torch
    except ImportError:
        print("(d) SKIPPED: torch is not available to this interpreter (%s)" % sys.executable)
        return
    sys.path.insert(0, ROOT)
    import convert_pth  # only its schema (names and shapes) is used to build valid models
    print("(d) torch checkpoints -> GGUF, compared with torch's own values (torch %s)"
          % torch.__version__)
    gen = torch.Generator().manual_seed(1234)

    def make(version, minor, L, C, F, V, H, dtype, lora=16):
        d = convert_pth.Dims(C, F, V, H, C // H if H else 0)
        sd = {"emb.weight": torch.randn(V, C, generator=gen).to(dtype)}
        for i in range(L):
            lr = {"att.time_maa_w1": 5 * lora}
            for name, shape, optional in convert_pth.block_schema(
                    version, minor, i, d, lambda n: lr.get(n, lora)):
                sd["blocks.%d.%s" % (i, name)] = (torch.randn(*shape, generator=gen) * 0.5
                                                  ).to(dtype)
        sd["ln_out.weight"] = torch.randn(C, generator=gen).to(dtype)
        sd["ln_out.bias"] = torch.randn(C, generator=gen).to(dtype)
        sd["head.weight"] = torch.randn(V, C, generator=gen).to(dtype)
        return sd

    def expected_bytes(key, t, file_dtype):
        shape = [s for s in t.shape if s != 1]
        dst = file_dtype if key.endswith(".weight") and len(shape) == 2 else torch.float32
        if key.split(".", 2)[-1] in LORA:  # one row per output, in the file's dtype
            t = t.transpose(-1, -2)
            shape = list(t.shape)
            dst = file_dtype
        x = t.detach().to(dst).contiguous()
        if dst == torch.bfloat16:
            return x.view(torch.int16).numpy().tobytes(), list(reversed(shape)), 30
        return x.numpy().tobytes(), list(reversed(shape)), {torch.float32: 0,
                                                            torch.float16: 1}[dst]

    def verify(label, sd, path, extra_args, file_dtype, legacy=False):
        src = os.path.join(tmp, label + ".pth")
        out = os.path.join(tmp, label + ".gguf")
        if legacy:
            torch.save(sd, src, _use_new_zipfile_serialization=False)
        else:
            torch.save(sd, src)
        r = run_convert([src, out, "-q", "--vocab", "none"] + extra_args)
        if not check(r.returncode == 0, label + ": convert failed: " + r.stderr.strip()):
            return
        g = conv_gguf.read(out)
        bad = 0
        for key, t in sd.items():
            n = convert_pth.gguf_name(key)
            if not check(n in g.tensors, label + ": missing " + n):
                bad += 1
                continue
            want, dims, gtype = expected_bytes(key, t, file_dtype)
            ti = g.tensors[n]
            if not (ti.dims == (dims or [1]) and ti.type == gtype
                    and conv_gguf.tensor_raw(g, n) == want):
                bad += 1
                if bad <= 3:
                    check(False, "%s: %s differs (dims %s vs %s, type %d vs %d)"
                          % (label, n, ti.dims, dims, ti.type, gtype))
        if any(k.split(".", 2)[-1] in LORA for k in sd):
            check(g.kv.get("rwkv.lora_layout") == 1, label + ": rwkv.lora_layout is not 1")
        check(len(g.tensors) == len(sd), label + ": tensor count")
        check(bad == 0, "%s: %d tensors differ from torch" % (label, bad))
        print("  %-28s %d tensors, %s" % (label, len(sd), "all bit-exact" if bad == 0
                                           else "%d DIFFER" % bad))

    verify("bf16-v7", make(7, 0, 2, 64, 128, 96, 2, torch.bfloat16), None, [], torch.bfloat16)
    sd16 = make(5, 2, 2, 64, 128, 96, 4, torch.float16)
    sd16["blocks.0.att.key.weight"][0, :3] = torch.tensor([6e-8, -1e-5, 65504.0])  # subnormals
    verify("fp16-v5.2", sd16, None, [], torch.float16)
    verify("fp16-v5.2-to-bf16", sd16, None, ["--dtype", "bf16"], torch.bfloat16)
    sd32 = make(6, 0, 2, 64, 128, 96, 2, torch.float32)
    sd32["blocks.0.att.key.weight"][0, :4] = torch.tensor([1.00390625, 1.01171875,
                                                           -3.0009765625, 65504.0])  # ties, max
    verify("fp32-v6", sd32, None, [], torch.float32)
    verify("fp32-v6-to-bf16", sd32, None, ["--dtype", "bf16"], torch.bfloat16)
    verify("fp32-v6-to-f16", sd32, None, ["--dtype", "f16"], torch.float16)
    sd16 = make(5, 1, 1, 32, 64, 40, 4, torch.bfloat16)
    sd16["blocks.0.att.key.weight"][0, :4] = torch.tensor([1e-7, -3e-6, 65280.0, 1e-30])
    verify("bf16-v5.1-to-f16", sd16, None, ["--dtype", "f16"], torch.float16)

    # Views: a transposed matrix, a strided slice, a storage offset, two tensors in one
    # storage, a Parameter, and size-1 dims that get squeezed.
    sd = make(4, 0, 2, 32, 64, 40, 0, torch.bfloat16)
    big = torch.randn(64, 32, generator=gen).to(torch.bfloat16)
    sd["blocks.0.att.receptance.weight"] = big[:32]          # shares `big` ...
    sd["blocks.0.att.output.weight"] = big[32:]              # ... with offset 32*32
    sd["blocks.0.att.key.weight"] = torch.randn(32, 32, generator=gen).to(torch.bfloat16).t()
    sd["blocks.1.ffn.key.weight"] = torch.randn(64, 96, generator=gen).to(torch.bfloat16)[:, 1:65:2]
    sd["blocks.1.att.time_mix_k"] = torch.randn(3, 1, 1, 32, generator=gen).to(torch.bfloat16)[1]
    sd["head.weight"] = torch.nn.Parameter(torch.randn(40, 32, generator=gen).to(torch.bfloat16))
    sd["emb.weight"] = torch.randn(32, 80, generator=gen).to(torch.bfloat16).t()[::2]
    assert not sd["emb.weight"].is_contiguous() and sd["blocks.1.att.time_mix_k"].storage_offset()
    verify("views-bf16-v4", sd, None, [], torch.bfloat16)
    verify("views-bf16-v4-to-f32", sd, None, ["--dtype", "f32"], torch.float32)
    verify("views-v4-legacy-format", sd, None, [], torch.bfloat16, legacy=True)

    # v7 checkpoints from training code that also creates v0/v1/v2 in block 0 (unused there)
    x = make(7, 0, 2, 32, 64, 40, 1, torch.bfloat16)
    for n, shape in (("v0", (1, 1, 32)), ("v1", (32, 16)), ("v2", (16, 32))):
        x["blocks.0.att." + n] = torch.randn(*shape, generator=gen).to(torch.bfloat16)
    src = os.path.join(tmp, "v7-block0-v.pth")
    torch.save(x, src)
    r = run_convert([src, os.path.join(tmp, "v7-block0-v.gguf")])
    names = conv_gguf.read(os.path.join(tmp, "v7-block0-v.gguf")).order if r.returncode == 0 \
        else []
    ok = check(r.returncode == 0 and "blk.0.att.v0" not in names and "blk.1.att.v0" in names
               and "left out" in r.stdout, "v7 block-0 v0/v1/v2: %r" % r.stderr)
    print("  %-28s %s" % ("v7 with block-0 v0/v1/v2", "left out, ok" if ok else "BAD"))

    # Wrong checkpoints: one-line errors naming the tensor, exit 1.
    base = make(4, 0, 1, 32, 64, 40, 0, torch.float32)
    cases = []
    x = dict(base)
    x["blocks.0.att.bogus"] = torch.zeros(3)
    cases.append(("unknown tensor", x, "blocks.0.att.bogus"))
    x = dict(base)
    del x["blocks.0.att.time_first"]
    cases.append(("missing tensor", x, "blocks.0.att.time_first"))
    x = dict(base)
    x["blocks.0.att.key.weight"] = torch.zeros(32, 31)
    cases.append(("wrong shape", x, "blocks.0.att.key.weight"))
    x = dict(base)
    x["blocks.0.att.time_decay"] = torch.zeros(32, dtype=torch.float64)
    cases.append(("float64 tensor", x, "blocks.0.att.time_decay"))
    x = make(7, 0, 1, 32, 64, 40, 1, torch.float32)
    x["blocks.0.ffn.s_emb.weight"] = torch.zeros(40, 32)
    cases.append(("DeepEmbed without its other tensors", x, "missing tensor blocks.0.ffn.s1"))
    x = make(7, 0, 1, 32, 64, 40, 1, torch.float32)
    x["blocks.0.qkv.k_emb.weight"] = torch.zeros(40, 32)
    cases.append(("RWKV-7b (DEA)", x, "RWKV-7b"))
    for label, sdx, needle in cases:
        src = os.path.join(tmp, "bad.pth")
        torch.save(sdx, src)
        r = run_convert([src, os.path.join(tmp, "bad.gguf"), "-q"])
        ok = check(r.returncode == 1 and one_line_error(r) and needle in r.stderr,
                   "%s: rc %d, stderr %r" % (label, r.returncode, r.stderr))
        print("  error case %-16s %s: %s" % (label, "ok" if ok else "BAD", r.stderr.strip()))
        check(not os.path.exists(os.path.join(tmp, "bad.gguf")), label + ": output written")

    # (e) interruption during a slow conversion (f32 -> f16 of ~25M elements)
    print("(e) failures leave no output and no temporary file")
    sd = make(4, 0, 1, 512, 1024, 48000, 0, torch.float32)
    src = os.path.join(tmp, "big.pth")
    torch.save(sd, src)
    del sd
    outdir = os.path.join(tmp, "outdir")
    os.mkdir(outdir)
    out = os.path.join(outdir, "model.gguf")

    def interrupted(sig):
        """Converts into OUTPUT (old contents in place) and sends sig as soon as the temporary
        file appears, so that it lands mid-write however fast the conversion runs (the rest
        of the write can be a fraction of a second)."""
        with open(out, "wb") as f:
            f.write(b"GGUF previous contents")
        # SIGINT as a terminal's Ctrl-C delivers it: a shell starts background commands with
        # SIGINT ignored, which Python then keeps (no KeyboardInterrupt), so under a runner
        # that started this test in the background the converter never saw it and finished
        p = subprocess.Popen(PYI + [src, out, "--dtype", "f16", "-q"], stderr=subprocess.PIPE,
                             universal_newlines=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        t0 = time.time()
        saw_tmp = False
        while time.time() - t0 < 60 and p.poll() is None:
            if any(n.endswith(".tmp") for n in os.listdir(outdir)):
                saw_tmp = True
                break
            time.sleep(0.005)
        p.send_signal(sig)
        _, err = p.communicate()
        left = sorted(os.listdir(outdir))
        with open(out, "rb") as f:
            kept = f.read() == b"GGUF previous contents"
        return p.returncode, saw_tmp, left, kept, err

    rc, saw_tmp, left, kept, err = interrupted(signal.SIGINT)
    ok = check(saw_tmp and rc == 130 and left == ["model.gguf"] and kept,
               "SIGINT: rc %s, saw temp %s, dir %s, old output kept %s, stderr %r"
               % (rc, saw_tmp, left, kept, err))
    print("  SIGINT mid-write: exit %s, directory afterwards %s, old OUTPUT kept: %s -> %s"
          % (rc, left, kept, "ok" if ok else "BAD"))
    rc, saw_tmp, left, kept, err = interrupted(signal.SIGTERM)
    ok = check(saw_tmp and rc != 0 and left == ["model.gguf"] and kept,
               "SIGTERM: rc %s, saw temp %s, dir %s, old output kept %s, stderr %r"
               % (rc, saw_tmp, left, kept, err))
    print("  SIGTERM mid-write: exit %s, directory afterwards %s, old OUTPUT kept: %s -> %s"
          % (rc, left, kept, "ok" if ok else "BAD"))
    # an error found while writing (f16 overflow in the last tensor)
    sd = make(4, 0, 1, 32, 64, 40, 0, torch.float32)
    sd["head.weight"][3, 3] = 1e6
    torch.save(sd, src)
    with open(out, "wb") as f:
        f.write(b"GGUF previous contents")
    r = run_convert([src, out, "--dtype", "f16", "-q"])
    left = sorted(os.listdir(outdir))
    with open(out, "rb") as f:
        kept = f.read() == b"GGUF previous contents"
    ok = check(r.returncode == 1 and one_line_error(r) and "head.weight" in r.stderr
               and left == ["model.gguf"] and kept,
               "f16 overflow: rc %d dir %s kept %s err %r" % (r.returncode, left, kept, r.stderr))
    print("  error while writing (f16 overflow): exit %d, %s -> %s"
          % (r.returncode, r.stderr.strip(), "ok" if ok else "BAD"))


def part_f(tmp):
    print("(f) command line")
    r = run_convert(["--help"])
    check(r.returncode == 0 and "--dtype" in r.stdout and "--vocab" in r.stdout
          and "--name" in r.stdout, "--help")
    r = run_convert([])
    check(r.returncode == 2 and one_line_error(r), "usage error: rc %d %r" % (r.returncode,
                                                                             r.stderr))
    r = run_convert(["a", "b", "--dtype", "q4"])
    check(r.returncode == 2 and one_line_error(r), "bad --dtype: %r" % r.stderr)
    r = run_convert([os.path.join(tmp, "nonexistent.pth"), os.path.join(tmp, "x.gguf")])
    check(r.returncode == 1 and one_line_error(r), "missing input: %r" % r.stderr)
    junk = os.path.join(tmp, "junk.pth")
    with open(junk, "wb") as f:
        f.write(b"this is not a checkpoint at all")
    r = run_convert([junk, os.path.join(tmp, "x.gguf")])
    check(r.returncode == 1 and one_line_error(r) and not os.path.exists(
        os.path.join(tmp, "x.gguf")), "junk input: %r" % r.stderr)
    # files given by mistake: the hint says what each is (2 bytes: a traceback before)
    for label, data, want in (
            ("2 bytes", b"ab", "expected a .pth"),
            ("a GGUF file", b"GGUF\x03\x00\x00\x00" + bytes(16), "GGUF file already"),
            ("a Git LFS pointer", b"version https://git-lfs.github.com/spec/v1\noid x\n",
             "Git LFS pointer"),
            ("an HTML page", b"\n<!DOCTYPE html><html>", "/resolve/, not /blob/")):
        with open(junk, "wb") as f:
            f.write(data)
        r = run_convert([junk, os.path.join(tmp, "x.gguf")])
        check(r.returncode == 1 and one_line_error(r) and want in r.stderr,
              "%s: %r" % (label, r.stderr))
    print("  2 bytes, a GGUF file, a Git LFS pointer, an HTML page: one line saying which")
    # OUTPUT naming INPUT's file (the same path, or a link to it): refused, the input intact
    src_ok = os.path.join(SHARED, "tiny", "tiny-rwkv-4v0-660K.pth")
    if os.path.exists(src_ok):
        own = os.path.join(tmp, "own.pth")
        shutil.copy(src_ok, own)
        link = os.path.join(tmp, "own-link.gguf")
        os.symlink(own, link)
        want = open(own, "rb").read()
        for out in (own, link):
            r = run_convert([own, out])
            check(r.returncode == 1 and one_line_error(r) and "input file itself" in r.stderr
                  and open(own, "rb").read() == want, "OUTPUT = INPUT (%s): %r"
                  % (os.path.basename(out), r.stderr))
        print("  OUTPUT naming INPUT's file (same path, a link): refused, the input intact")
        other = os.path.join(tmp, "other.pth")  # an existing OUTPUT that is no GGUF file
        with open(other, "wb") as f:
            f.write(b"PK\x03\x04 another checkpoint")
        r = run_convert([own, other])
        check(r.returncode == 1 and one_line_error(r) and "not a GGUF file" in r.stderr and
              open(other, "rb").read() == b"PK\x03\x04 another checkpoint",
              "OUTPUT a checkpoint: %r" % r.stderr)
        print("  an existing OUTPUT that is no GGUF file: refused, left as it was")
    # vocabularies: embedded verbatim, found next to the repo, or a clear error
    src = os.path.join(SHARED, "tiny", "tiny-rwkv-4v0-660K.pth")
    vocab_dir = os.path.join(ROOT, "..", "shared", "vocab")
    for choice, model, key, fname in (
            ("world", b"rwkv", "tokenizer.rwkv.world", "rwkv_vocab_v20230424.txt"),
            (os.path.join(vocab_dir, "20B_tokenizer.json"), b"gpt2",
             "tokenizer.huggingface.json", "20B_tokenizer.json")):
        out = os.path.join(tmp, "vocab.gguf")
        r = run_convert([src, out, "-q", "--vocab", choice])
        if check(r.returncode == 0, "--vocab %s: %s" % (choice, r.stderr)):
            g = conv_gguf.read(out)
            with open(os.path.join(vocab_dir, fname), "rb") as f:
                want = f.read()
            check(g.kv.get("tokenizer.ggml.model") == model and g.kv.get(key) == want,
                  "--vocab %s: tokenizer keys" % choice)
    lone = os.path.join(tmp, "lone")
    os.mkdir(lone)
    shutil.copy(CONVERT, lone)
    env = dict(os.environ, RWKV_VOCAB_DIR=os.path.join(tmp, "nowhere"))
    r = subprocess.run([sys.executable, "-I", "-S", os.path.join(lone, "convert_pth.py"), src,
                        os.path.join(lone, "x.gguf"), "--vocab", "world"], cwd=lone, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    check(r.returncode == 1 and one_line_error(r) and "--vocab PATH" in r.stderr
          and not os.path.exists(os.path.join(lone, "x.gguf")), "vocab not found: %r" % r.stderr)
    print("  --vocab world / PATH embedded verbatim; missing vocabulary -> %s"
          % r.stderr.strip()[:100])
    # rwkv.cpp files this converter cannot undo: quantized ones
    with open(os.path.join(SHARED, "tiny", "tiny-rwkv-4v0-660K-FP16.bin"), "rb") as f:
        good = f.read()
    for label, data in (("quantized header (Q8_0)", good[:20] + struct.pack("<i", 9) + good[24:]),
                        ("quantized tensor (Q5_1)", good[:32] + struct.pack("<i", 8) + good[36:])):
        bad = os.path.join(tmp, "quant.bin")
        with open(bad, "wb") as f:
            f.write(data)
        r = run_convert([bad, os.path.join(tmp, "quant.gguf")])
        check(r.returncode == 1 and one_line_error(r) and "Q" in r.stderr,
              "%s: %r" % (label, r.stderr))
        print("  %s -> %s" % (label, r.stderr.strip()[len("convert_pth.py: error: "):][:90]
                              .replace(bad, "FILE")))
    print("  --help, usage errors (exit 2), missing/junk input (exit 1): %s"
          % ("ok" if not failures else "see failures"))


def part_g(tmp):
    """Damaged inputs: every outcome must be exit 0 (damage in tensor values) or a one-line
    error with exit 1, never a traceback."""
    import random
    rng = random.Random(5)
    print("(g) damaged .bin/.pth inputs (truncated or with random bytes changed)")
    srcs = [os.path.join(SHARED, "tiny", "tiny-rwkv-6v0-1m-FP16.bin"),
            os.path.join(SHARED, "tiny", "tiny-rwkv-7v0-834K.pth"),
            os.path.join(SHARED, "oracle", "v6-state.pth")]
    counts = {0: 0, 1: 0}
    for src in srcs:
        with open(src, "rb") as f:
            good = f.read()
        for i in range(16):
            data = bytearray(good)
            if i < 5:
                del data[rng.randrange(len(data)):]
                what = "truncated"
            else:
                # bias the damage towards the headers / the pickle, where it matters
                span = 4096 if i < 12 else len(data)
                for _ in range(rng.randrange(1, 5)):
                    data[rng.randrange(min(span, len(data)))] = rng.randrange(256)
                what = "bytes changed"
            bad = os.path.join(tmp, "damaged" + os.path.splitext(src)[1])
            with open(bad, "wb") as f:
                f.write(data)
            out = os.path.join(tmp, "damaged.gguf")
            r = run_convert([bad, out, "-q", "--vocab", "none"], timeout=60)
            ok = r.returncode in (0, 1) and "Traceback" not in r.stderr and \
                "unexpected" not in r.stderr and (r.returncode == 0 or one_line_error(r))
            check(ok, "damaged %s (%s #%d): rc %d, stderr %r" % (os.path.basename(src), what, i,
                                                                r.returncode, r.stderr[-300:]))
            counts[r.returncode] = counts.get(r.returncode, 0) + 1
            if os.path.exists(out):
                os.unlink(out)
    print("  %d damaged files: %d converted (damage in values), %d one-line errors, %d bad"
          % (sum(counts.values()), counts.get(0, 0), counts.get(1, 0),
             sum(v for k, v in counts.items() if k not in (0, 1))))


def part_h(tmp):
    """tools/random_model.py: every version loads, same arguments give the same bytes."""
    print("(h) tools/random_model.py")
    tool = os.path.join(ROOT, "tools", "random_model.py")
    for ver, extra in (("4", []), ("5.0", []), ("5.1", []), ("5.2", []), ("6", ["--time-state"]),
                       ("7", [])):
        outs = []
        for i in range(2):
            out = os.path.join(tmp, "rand%d.gguf" % i)
            r = subprocess.run([sys.executable, "-I", "-S", tool, "--version", ver, "--layers",
                                "2", "--embd", "64", "--head-size", "16", "--vocab", "70",
                                "--dtype", "f16", out] + extra, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, universal_newlines=True)
            if not check(r.returncode == 0, "random_model %s: %s" % (ver, r.stderr.strip())):
                break
            with open(out, "rb") as f:
                outs.append(f.read())
        if len(outs) != 2:
            continue
        check(outs[0] == outs[1], "random_model %s: not deterministic" % ver)
        major, minor = (int(ver[0]), int(ver[2]) if "." in ver else 0)
        ok, via = expect_model(out, major, minor, 2, 64, 70, "random v" + ver)
        print("  random v%-4s %s (%s)" % (ver, "ok, deterministic" if ok and outs[0] == outs[1]
                                          else "BAD", via))
    out = os.path.join(tmp, "rand-big.gguf")
    t0 = time.time()
    r = subprocess.run([sys.executable, "-I", "-S", tool, "--version", "7", "--layers", "12",
                        "--embd", "1024", "--vocab", "65536", out], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True)
    dt = time.time() - t0
    size = os.path.getsize(out) if r.returncode == 0 else 0
    check(r.returncode == 0 and dt < 30, "random_model 12x1024 v7: rc %d in %.1f s"
          % (r.returncode, dt))
    print("  v7 12 layers x 1024, vocab 65536, bf16: %.0f MiB in %.1f s" % (size / 1048576.0, dt))
    if os.path.exists(out):
        os.unlink(out)


def part_i():
    """convert_pth._ChunkWriter with a 64-byte chunk over a fake file that records its
    writes (and, second pass, writes at most 37 bytes a call)."""
    print("(i) the GGUF writer's chunks")
    sys.path.insert(0, ROOT)
    import convert_pth as cp
    saved = cp.WRITE_CHUNK
    cp.WRITE_CHUNK = C = 64
    try:
        sizes = [0, 1, 7, C - 8, 0, C, 3, 2 * C + 5, C - 3, 1, C, C // 2, C // 2, 3 * C, 100, 0]
        data = bytes((i * 131 + 7) % 251 for i in range(sum(sizes)))
        for short in (False, True):
            class Raw:
                def __init__(self):
                    self.out = bytearray()
                    self.calls = []

                def write(self, b):
                    n = min(len(b), 37) if short else len(b)
                    self.calls.append((len(self.out), n))
                    self.out += bytes(b[:n])
                    return n

                def fileno(self):
                    return -1
            raw = Raw()
            w = cp._ChunkWriter(raw)
            pos = 0
            for n in sizes:
                w.write(data[pos:pos + n])
                pos += n
            w.flush()
            what = "short writes" if short else "whole writes"
            check(bytes(raw.out) == data and w.tell() == len(data),
                  "ChunkWriter (%s): the bytes differ from the pieces" % what)
            if not short:
                bad = [(o, n) for o, n in raw.calls[:-1] if o % C or n % C]
                check(not bad, "ChunkWriter: writes off the chunks: %r" % bad[:4])
                check(raw.calls and raw.calls[-1][0] % C == 0,
                      "ChunkWriter: the last write starts off a chunk: %r" % raw.calls[-1:])
    finally:
        cp.WRITE_CHUNK = saved
    print("  %d bytes in 16 pieces: %s" % (len(data), "ok" if not failures else "BAD"))


def main():
    part_i()
    if not os.path.isdir(SHARED):
        print("skip: ../shared/fixtures is absent (needed for the fixture conversions)")
        if failures:
            print("%d failure(s)" % len(failures))
            return 1
        return 77
    tmp = tempfile.mkdtemp(prefix="rwkv-test-convert-")
    try:
        t0 = time.time()
        part_a_b_c(tmp)
        part_d(tmp)
        part_f(tmp)
        part_g(tmp)
        part_h(tmp)
        print("total %.1f s" % (time.time() - t0))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("all convert tests passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
