#!/usr/bin/env python3
"""Tests of `rwkv quantize` (run by `make test`; standard library only).

A small random v7 model (tools/random_model.py, n_embd 256 so the K types fit, and one of
n_embd 64 for the fallbacks) is quantized with every preset; checked: the output loads,
`rwkv info` reports the expected type of every kind of tensor (emb, projections, head,
att.value / ffn.value of the Q6_K layers of the _m presets, vectors and LoRAs unchanged) and
its bits per weight, general.file_type and rwkv.quantization are written, the metadata is
copied, fallbacks are listed, serial 1-thread logits == --seq 2-thread logits (bit for bit),
`f32` dequantizes a quantized model, `bf16` rounds an F32 model as convert_pth.py does, and
the errors: unknown
type (exit 2), missing input, unwritable directory, already-quantized input (exit 1, an
existing OUT untouched, no temporary file left). With ../shared: `--reference` on
llama.cpp's F16 fixtures writes the bytes of its llama-quantize'd Q4_0 / Q4_K_M files.
"""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RWKV = os.environ.get("RWKV_BIN") or os.path.join(ROOT, "rwkv")
sys.path.insert(0, ROOT)
import convert_pth as cp  # noqa: E402  (its GGUF reader)

failures = []
n_checks = 0


def check(cond, what):
    global n_checks
    n_checks += 1
    if not cond:
        failures.append(what)
        print("  FAIL: " + what)
    return cond


def run(args):
    p = subprocess.run([RWKV] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=300)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def parse_gguf(path):
    """(file bytes, metadata dict, [(tensor name, ggml type, data offset)], data start) of a
    GGUF file (a minimal v3 reader)."""
    with open(path, "rb") as f:
        b = f.read()
    pos = [0]

    def rd(fmt):
        v = struct.unpack_from("<" + fmt, b, pos[0])
        pos[0] += struct.calcsize("<" + fmt)
        return v[0]

    def rstr():
        n = rd("Q")
        s = b[pos[0]:pos[0] + n].decode("utf-8", "replace")
        pos[0] += n
        return s

    sizes = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "B", 10: "Q", 11: "q",
             12: "d"}

    def rval(t):
        if t in sizes:
            return rd(sizes[t])
        if t == 8:
            return rstr()
        if t == 9:
            et, n = rd("I"), rd("Q")
            return [rval(et) for _ in range(n)]
        raise ValueError("value type %d" % t)

    assert b[:4] == b"GGUF"
    pos[0] = 4
    rd("I")
    nt, nkv = rd("Q"), rd("Q")
    meta = {}
    for _ in range(nkv):
        k = rstr()
        meta[k] = rval(rd("I"))
    infos = []
    for _ in range(nt):
        name = rstr()
        for _ in range(rd("I")):
            rd("Q")
        infos.append((name, rd("I"), rd("Q")))
    align = meta.get("general.alignment", 32)
    return b, meta, infos, (pos[0] + align - 1) // align * align


def read_gguf(path):
    """(metadata dict, {tensor name: ggml type}) of a GGUF file."""
    _, meta, infos, _ = parse_gguf(path)
    return meta, {name: t for name, t, _ in infos}


def tensor_bytes(path):
    """{tensor name: (ggml type, data bytes up to the next tensor)} of a GGUF file."""
    b, _, infos, start = parse_gguf(path)
    ends = sorted(o for _, _, o in infos) + [len(b) - start]
    out = {}
    for name, t, off in infos:
        end = min(e for e in ends if e > off) if off < ends[-1] else off
        out[name] = (t, b[start + off:start + end])
    return out


def check_interrupt(tmp):
    """Ctrl-C while the output is being written: exit 130, the temporary file removed, OUT as
    it was (before, the partial temporary file stayed next to OUT)."""
    import glob
    import signal
    import time
    if not hasattr(signal, "SIGINT") or os.name != "posix":
        return
    src = os.path.join(tmp, "v7-wide.gguf")  # a 65536-row head: ~1 s of error search
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "random_model.py"),
                    "--version", "7", "--layers", "2", "--embd", "256", "--vocab", "65536",
                    "--dtype", "f16", "--tokenizer", "none", src], check=True,
                   stdout=subprocess.DEVNULL)
    out = os.path.join(tmp, "interrupted.gguf")
    with open(out, "wb") as f:
        f.write(b"GGUF precious")  # an older output: replaced only when the writing ends
    p = subprocess.Popen([RWKV, "quantize", src, out, "q4_0", "-t", "1"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen = False
    t_end = time.time() + 20
    while time.time() < t_end and p.poll() is None:
        if glob.glob(out + ".*.tmp"):  # writing has begun (the handler is in place)
            seen = True
            time.sleep(0.05)
            p.send_signal(signal.SIGINT)
            break
        time.sleep(0.002)
    so, se = p.communicate(timeout=60)
    se = se.decode("utf-8", "replace")
    check(seen, "the temporary file never appeared (exit %s)" % p.returncode)
    check(p.returncode == 130 and "interrupted" in se, "SIGINT: exit %s, %r" % (p.returncode, se))
    check(not glob.glob(out + ".*.tmp"), "SIGINT: temporary file left: %s"
          % glob.glob(out + ".*.tmp"))
    check(open(out, "rb").read() == b"GGUF precious", "SIGINT: OUT was touched")
    print("  Ctrl-C while writing: exit %s, %s, no temporary file, OUT untouched"
          % (p.returncode, se.strip()))


def check_reference_bytes(tmp):
    """--reference on llama.cpp's own F16 files gives, for every matrix that both files
    quantize to the same type, the bytes llama-quantize wrote (its Q4_0 and Q4_K_M fixtures);
    the default error search must differ from them (else the test proves nothing)."""
    d = os.path.join(ROOT, "..", "shared", "fixtures", "llamacpp")
    if not os.path.isdir(d):
        print("reference quantizer vs llama-quantize: SKIPPED (no ../shared/fixtures/llamacpp)")
        return
    print("reference quantizer vs llama-quantize's bytes:")
    for src, ref, preset, search_differs in (("v6-F16.gguf", "v6-Q4_0.gguf", "q4_0", True),
                                             ("v7-F16.gguf", "v7-Q4_K_M.gguf", "q4_k_m", False)):
        want = tensor_bytes(os.path.join(d, ref))
        for mode in ("--reference", "search"):
            out = os.path.join(tmp, "ref-%s-%s.gguf" % (preset, mode.strip("-")))
            args = ["quantize", os.path.join(d, src), out, preset]
            rc, so, se = run(args + (["--reference"] if mode == "--reference" else []))
            check(rc == 0, "%s %s: exit %d (%s)" % (preset, mode, rc, se.strip()))
            if rc != 0:
                continue
            got = tensor_bytes(out)
            same = [n for n, (t, data) in want.items() if t not in (F32, F16) and n in got
                    and got[n][0] == t and got[n][1][:len(data)] == data]
            cmp = [n for n, (t, data) in want.items() if t not in (F32, F16) and n in got
                   and got[n][0] == t]
            if mode == "--reference":
                check(len(cmp) >= 10 and same == cmp,
                      "%s --reference: %d of %d matrices equal llama-quantize's" %
                      (preset, len(same), len(cmp)))
                print("  %s --reference: %d of %d matrices byte-identical to %s" %
                      (preset, len(same), len(cmp), ref))
            elif search_differs:
                check(len(same) < len(cmp), "%s search: identical to the reference" % preset)


Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q4_K, Q5_K, Q6_K, F32, F16 = 2, 3, 6, 7, 8, 12, 13, 14, 0, 1
BF16 = 30
MATS = ("att.receptance.weight", "att.key.weight", "att.output.weight", "ffn.key.weight")


def more_bits(l, n):
    return l < n // 8 or l >= 7 * n // 8 or (l - n // 8) % 3 == 2


def expected(preset, name, n_layer):
    """The type the preset gives tensor `name` of the random v7 model (n_embd 256)."""
    base = {"q8_0": Q8_0, "q6_k": Q6_K, "q5_k_m": Q5_K, "q5_k": Q5_K, "q5_1": Q5_1, "q5_0": Q5_0,
            "q4_k_m": Q4_K, "q4_k": Q4_K, "q4_1": Q4_1, "q4_0": Q4_0}[preset]
    if name == "output.weight":
        return Q8_0 if preset == "q8_0" else Q6_K
    if name == "token_embd.weight":
        return base
    m = re.match(r"blk\.(\d+)\.(.*)$", name)
    if m and m.group(2) in ("att.value.weight", "ffn.value.weight") and preset.endswith("_m") \
            and more_bits(int(m.group(1)), n_layer):
        return Q6_K
    if m and (m.group(2) in MATS or m.group(2) in ("att.value.weight", "ffn.value.weight")):
        return base
    return None  # copied as it is


def check_bf16(tmp):
    """bf16: an F32 model's matrices, LoRAs included, rounded as convert_pth.py rounds
    (to nearest, ties to even; convert_pth.f32_to_bf16): every BF16 tensor's bytes those of
    the F32 tensor so rounded, every other tensor's bytes unchanged."""
    print("bf16 from F32:")
    f32, out = os.path.join(tmp, "r32.gguf"), os.path.join(tmp, "rq16.gguf")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "random_model.py"),
                    "--version", "7", "--layers", "2", "--embd", "128", "--vocab", "300",
                    "--dtype", "f32", "--name", "b", f32], check=True, stdout=subprocess.DEVNULL)
    rc, so, se = run(["quantize", f32, out, "bf16"])
    if not check(rc == 0, "bf16: exit %d (%s)" % (rc, se.strip())):
        return
    src, got = tensor_bytes(f32), tensor_bytes(out)
    n16, bad = 0, []
    for name, (t, data) in got.items():
        st, sdata = src[name]
        n = len(sdata) - len(sdata) % 4
        if t == BF16:
            n16 += 1
            ok = data[:n // 2] == cp.f32_to_bf16(sdata[:n])
        else:
            ok = t == st and data == sdata
        if not ok:
            bad.append(name)
    kinds = ("token_embd.weight", "output.weight", "blk.0.att.key.weight", "blk.1.att.w1",
             "blk.1.att.v2")
    check(not bad and all(got[k][0] == BF16 for k in kinds),
          "bf16: tensors not rounded as convert_pth.py rounds: %s; types %s"
          % (bad[:5], [got[k][0] for k in kinds]))
    check(read_gguf(out)[0].get("general.file_type") == 32, "bf16: general.file_type not 32")
    print("  %d of %d tensors BF16 (embedding, matrices, head, LoRAs), each the F32 one rounded "
          "to nearest even" % (n16, len(got)))


def check_deep_embed(tmp):
    """RWKV-7a (DeepEmbed): q4_k_m gives s_emb (a table read one row per token, most of a
    released rwkv7a file) and s_emb_x Q4_K as the other matrices, keeps s1 / s2 as LoRAs;
    bf16 also rounds s1 / s2; both load and evaluate (their logits within 0.2 of max|logit|
    of the F32 model's: the random model's product of two 4-bit layers)."""
    print("RWKV-7a (DeepEmbed) presets:")
    src = os.path.join(tmp, "de32.gguf")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "random_model.py"),
                    "--version", "7", "--layers", "2", "--embd", "256", "--vocab", "300",
                    "--dtype", "f32", "--deep-embed", "32", "--name", "de", src], check=True,
                   stdout=subprocess.DEVNULL)
    ids = ",".join(str(i * 37 % 300) for i in range(20))
    ref_path = os.path.join(tmp, "de32.f32")
    rc, so, se = run(["logits", "-m", src, "--ids", ids, "-o", ref_path])
    if not check(rc == 0, "DeepEmbed F32 logits: %s" % se.strip()):
        return
    ref = struct.unpack("<%df" % (os.path.getsize(ref_path) // 4), open(ref_path, "rb").read())
    want = {"q4_k_m": {"s_emb.weight": Q4_K, "s_emb_x.weight": Q4_K, "s1": F32, "s2": F32},
            "bf16": {"s_emb.weight": BF16, "s_emb_x.weight": BF16, "s1": BF16, "s2": BF16}}
    for preset, kinds in want.items():
        out = os.path.join(tmp, "de32-%s.gguf" % preset)
        rc, so, se = run(["quantize", src, out, preset])
        if not check(rc == 0, "DeepEmbed %s: exit %d (%s)" % (preset, rc, se.strip())):
            continue
        _, types = read_gguf(out)
        bad = ["blk.%d.ffn.%s" % (l, k) for l in range(2) for k, t in kinds.items()
               if types.get("blk.%d.ffn.%s" % (l, k)) != t]
        check(not bad, "DeepEmbed %s: types of %s" % (preset, bad))
        lp = os.path.join(tmp, "de32-%s.f32" % preset)
        rc, so, se = run(["logits", "-m", out, "--ids", ids, "-o", lp])
        got = struct.unpack("<%df" % (os.path.getsize(lp) // 4), open(lp, "rb").read()) \
            if rc == 0 else ()
        dev = max(abs(a - b) for a, b in zip(ref, got)) / max(abs(a) for a in ref) \
            if len(got) == len(ref) else float("inf")
        check(dev < 0.2, "DeepEmbed %s: logits %.3g of max|logit| from F32's (%s)"
              % (preset, dev, se.strip()))
        print("  %-7s s_emb, s_emb_x, s1, s2 as expected; logits within %.3g of F32's"
              % (preset, dev))


def main():
    if not os.path.exists(RWKV):
        print("SKIP: %s not built" % RWKV)
        return 77
    tmp = tempfile.mkdtemp(prefix="rwkv-test-quantize-")
    src = os.path.join(tmp, "v7.gguf")
    small = os.path.join(tmp, "v7-64.gguf")
    n_layer = 8
    for out, embd in ((src, 256), (small, 64)):
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "random_model.py"),
                        "--version", "7", "--layers", str(n_layer), "--embd", str(embd),
                        "--vocab", "300", "--dtype", "f16", "--name", "qtest", out], check=True,
                       stdout=subprocess.DEVNULL)
    src_meta, src_types = read_gguf(src)

    print("presets on a random v7 model (8 layers, n_embd 256, F16):")
    for preset in ("q8_0", "q6_k", "q5_k_m", "q5_k", "q5_1", "q5_0", "q4_k_m", "q4_k", "q4_1",
                   "q4_0"):
        out = os.path.join(tmp, "v7-%s.gguf" % preset)
        rc, so, se = run(["quantize", src, out, preset.upper() if preset == "q4_1" else preset,
                          "-t", "2"])
        if not check(rc == 0, "%s: exit %d (%s)" % (preset, rc, se.strip())):
            continue
        check("0 fallbacks" in so, "%s: no fallback expected on n_embd 256: %s" % (preset, so))
        meta, types = read_gguf(out)
        bad = [n for n in types if (expected(preset, n, n_layer) or src_types[n]) != types[n]]
        check(not bad, "%s: unexpected types for %s" % (preset, bad[:5]))
        check(meta.get("rwkv.quantization") == preset, "%s: rwkv.quantization %r" %
              (preset, meta.get("rwkv.quantization")))
        check(isinstance(meta.get("general.file_type"), int),
              "%s: general.file_type missing" % preset)
        same = all(meta.get(k) == v for k, v in src_meta.items()
                   if k not in ("general.file_type", "rwkv.quantization"))
        check(same, "%s: metadata not copied" % preset)
        left = [f for f in os.listdir(tmp) if f.endswith(".tmp")]
        check(not left, "%s: temporary file(s) left: %s" % (preset, left))
        rc, so, se = run(["info", "-m", out])
        check(rc == 0 and "bits per weight" in so, "%s: info: %s" % (preset, se.strip()))
        bpw = re.search(r"weights:\s+\d+ \(([\d.]+) bits per weight\)", so)
        check(bpw is not None and float(bpw.group(1)) < 17.5,
              "%s: info reports no smaller bits per weight: %s" % (preset, so))
        # 70 tokens: two blocks in sequence mode; serial (1 thread) == sequence (2 threads)
        ids = ",".join(str(i * 37 % 300) for i in range(70))
        outs = []
        for extra in ([], ["--seq", "--threads", "2"]):
            lpath = os.path.join(tmp, "l%d.f32" % len(outs))
            rc, so, se = run(["logits", "-m", out, "--ids", ids, "-o", lpath] + extra)
            check(rc == 0, "%s: logits: %s" % (preset, se.strip()))
            outs.append(open(lpath, "rb").read() if rc == 0 else b"")
        # the quantized products give the same bits in both (tests/test_quant); the f16 LoRAs
        # keep the f32 kernels (rwkv.h, RWKV__FAMX_MIN), so the logits are the same bits
        dev = 0.0
        if outs[0] and outs[1] and outs[0] != outs[1] and len(outs[0]) == len(outs[1]):
            a = struct.unpack("<%df" % (len(outs[0]) // 4), outs[0])
            b = struct.unpack("<%df" % (len(outs[1]) // 4), outs[1])
            dev = max(abs(x - y) for x, y in zip(a, b)) / max(max(abs(x) for x in a), 1e-30)
        check(outs[0] and len(outs[0]) == len(outs[1]) and dev == 0.0,
              "%s: serial 1-thread logits differ from --seq 2-thread ones (%.3g of max|logit|)"
              % (preset, dev))
        print("  %-7s ok (%s bits per weight)" % (preset, bpw.group(1) if bpw else "?"))

    print("fallbacks on n_embd 64:")
    out = os.path.join(tmp, "v7-64-q4_k_m.gguf")
    rc, so, se = run(["quantize", small, out, "q4_k_m"])
    check(rc == 0, "q4_k_m on n_embd 64: exit %d (%s)" % (rc, se.strip()))
    check(re.search(r"blk\.0\.att\.key\.weight\s+Q4_K .*Q5_0", so) is not None,
          "fallback Q4_K -> Q5_0 not listed: %s" % so)
    check(re.search(r"output\.weight\s+Q6_K .*Q8_0", so) is not None,
          "fallback Q6_K -> Q8_0 not listed: %s" % so)
    _, types = read_gguf(out)
    check(types["blk.0.ffn.value.weight"] in (Q4_K, Q6_K),
          "ffn.value (rows of 256) should stay a K type, is %d" % types["blk.0.ffn.value.weight"])
    print("  listed: %d fallbacks" % len(re.findall(r"does not fit", so)))

    check_bf16(tmp)
    check_deep_embed(tmp)

    print("f32 dequantizes; errors:")
    deq = os.path.join(tmp, "deq.gguf")
    rc, so, se = run(["quantize", os.path.join(tmp, "v7-q4_0.gguf"), deq, "f32"])
    check(rc == 0, "f32 from a quantized model: %s" % se.strip())
    if rc == 0:
        _, types = read_gguf(deq)
        check(all(t == F32 for t in types.values()), "f32: not every tensor F32")
    keep = os.path.join(tmp, "keep.gguf")
    with open(keep, "wb") as f:
        f.write(b"GGUF precious")  # an older output: the cases below must leave it
    cases = [
        (["quantize", src, keep, "q3_k"], 2, "unknown quantization type 'q3_k'"),
        (["quantize", src, keep], 2, "give IN.gguf OUT.gguf TYPE"),
        (["quantize", os.path.join(tmp, "missing.gguf"), keep, "q8_0"], 1, "missing.gguf"),
        (["quantize", os.path.join(tmp, "v7-q8_0.gguf"), keep, "q4_0"], 1, "already quantized"),
        (["quantize", src, os.path.join(tmp, "no", "such", "dir", "o.gguf"), "q8_0"], 1,
         "cannot write into directory"),
    ]
    if os.geteuid() != 0:  # root writes anywhere
        ro = os.path.join(tmp, "ro")
        os.mkdir(ro, 0o555)
        cases.append((["quantize", src, os.path.join(ro, "o.gguf"), "q8_0"], 1,
                      "cannot write into directory"))
    for args, want_rc, want_msg in cases:
        rc, so, se = run(args)
        check(rc == want_rc and want_msg in se,
              "%s: exit %d, stderr %r (want %d, %r)" % (" ".join(args[3:]), rc, se.strip(),
                                                         want_rc, want_msg))
        check(open(keep, "rb").read() == b"GGUF precious",
              "%s: OUT was touched" % " ".join(args[3:]))
        check(not os.path.exists(keep + ".tmp"), "%s: temporary file left" % " ".join(args[3:]))
    # an existing OUT that is no GGUF file (a slip of the name: a checkpoint) is not replaced
    ckpt = os.path.join(tmp, "checkpoint.pth")
    with open(ckpt, "wb") as f:
        f.write(b"PK\x03\x04 a checkpoint")
    rc, so, se = run(["quantize", src, ckpt, "q8_0"])
    check(rc == 1 and "not a GGUF file" in se and
          open(ckpt, "rb").read() == b"PK\x03\x04 a checkpoint",
          "OUT a checkpoint: exit %d, %r" % (rc, se))
    print("  %d error cases, and an OUT that is no GGUF file left as it was" % len(cases))

    check_interrupt(tmp)
    check_reference_bytes(tmp)

    print("%d checks, %d failures" % (n_checks, len(failures)))
    if not failures:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
