#!/usr/bin/env python3
"""Accuracy of quantized models (run by `make test`; standard library only).

(a) Kernels in the forward pass: for every version (4, 5.0, 5.1, 5.2, 6, 7; random models of
    tools/random_model.py, n_embd 256 so the K types are really used) and every preset that
    together cover the 8 types, the logits of the quantized model (`rwkv logits`) are within
    2e-2 * max|ref| of the float forward pass on the *dequantized* weights (the same file
    converted back to F32 by `rwkv quantize Q.gguf D.gguf f32`, rwkv__dequant_row): what is
    left is the int8 rounding of the activations, the only approximation of the quantized
    products (docs/QUANT.md).
(b) Perplexity against F32 on held-out text: the tiny trained models of
    ../shared/fixtures/tiny (every version; n_embd 64, so their 64-column matrices fall back
    from the K types: the types really used are printed; the v6 one is worse than uniform on
    any English text, its numbers are printed only) on LAMBADA text, and the bundled
    models/kjv-v7.gguf (n_embd 256, every type used as asked) on build/kjv/heldout.txt
    (made by tools/kjv_data.py when `bible` is installed; skipped otherwise). Bounds:
    Q8_0 +0.5%, Q6_K +1%, Q5_1 and Q5_K_M +2%, Q4_K_M +4%, Q4_0 +8%.
Exit 0 pass, 1 fail, 77 when neither ../shared nor the KJV text is there for (b) -- (a) runs
anyway and its failures count.
"""

import concurrent.futures
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
RWKV = os.environ.get("RWKV_BIN") or os.path.join(ROOT, "rwkv")
PY = sys.executable

failures = []
n_checks = 0
PPL_BOUND = {"q8_0": 0.005, "q6_k": 0.01, "q5_1": 0.02, "q5_k_m": 0.02, "q4_k_m": 0.04,
             "q4_0": 0.08}
LOGIT_PRESETS = ("q8_0", "q6_k", "q5_k_m", "q5_1", "q5_0", "q4_k_m", "q4_1", "q4_0")
TOKENS = [1, 17, 200, 3, 99, 254, 42, 7, 128, 65, 2, 180]


def check(cond, what):
    global n_checks
    n_checks += 1
    if not cond:
        failures.append(what)
        print("  FAIL: " + what)
    return cond


def rwkv(args):
    p = subprocess.run([RWKV] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=600)
    if p.returncode != 0:
        raise RuntimeError("rwkv %s: %s" % (" ".join(args), p.stderr.decode().strip()))
    return p.stdout.decode()


def logits(model, out):
    rwkv(["logits", "-m", model, "-t", ",".join(map(str, TOKENS)), "-o", out, "--seq"])
    with open(out, "rb") as f:
        b = f.read()
    return struct.unpack("<%df" % (len(b) // 4), b)


def types_used(model):
    """'Q4_K 27, Q6_K 5' from rwkv info (the quantized types only)."""
    out = rwkv(["info", "-m", model])
    return ", ".join("%s %s" % (t, n) for t, n in re.findall(r"^\s+(Q\w+)\s+(\d+) tensors", out,
                                                              re.M))


def case_a(tmp, version, preset):
    base = os.path.join(tmp, "rand-%s.gguf" % version)
    q = os.path.join(tmp, "rand-%s-%s.gguf" % (version, preset))
    d = q + ".f32.gguf"
    rwkv(["quantize", base, q, preset, "-t", "1"])
    rwkv(["quantize", q, d, "f32", "-t", "1"])
    lq, ld = logits(q, q + ".logits"), logits(d, d + ".logits")
    ref = max(abs(x) for x in ld)
    diff = max(abs(a - b) for a, b in zip(lq, ld))
    for p in (q, d, q + ".logits", d + ".logits"):
        os.remove(p)
    return version, preset, diff / ref


def test_a(tmp, pool):
    print("(a) logits of quantized models vs the F32 forward pass on their dequantized weights")
    versions = ("4", "5.0", "5.1", "5.2", "6", "7")
    for v in versions:
        subprocess.run([PY, os.path.join(ROOT, "tools", "random_model.py"), "--version", v,
                        "--layers", "1", "--embd", "256", "--vocab", "256", "--dtype", "f16",
                        "--seed", "3", os.path.join(tmp, "rand-%s.gguf" % v)], check=True,
                       stdout=subprocess.DEVNULL)
    jobs = [pool.submit(case_a, tmp, v, p) for v in versions for p in LOGIT_PRESETS]
    rel = {}
    for j in jobs:
        v, p, r = j.result()
        rel[(v, p)] = r
        check(r <= 2e-2, "v%s %s: max|logits - dequantized ref| = %.3g max|ref|" % (v, p, r))
    print("  max|quantized - dequantized F32| / max|dequantized F32|, %d tokens:" % len(TOKENS))
    print("  %-7s" % "" + "".join("%9s" % ("v" + v) for v in versions))
    for p in LOGIT_PRESETS:
        print("  %-7s" % p + "".join("%9.1e" % rel[(v, p)] for v in versions))


def perplexity(model, text):
    out = rwkv(["perplexity", "-m", model, "-f", text])
    return float(re.search(r"perplexity:\s+([\d.]+)", out).group(1))


def case_b(tmp, name, base, text, preset):
    q = os.path.join(tmp, "%s-%s.gguf" % (name, preset))
    rwkv(["quantize", base, q, preset, "-t", "1"])
    ppl, used = perplexity(q, text), types_used(q)
    os.remove(q)
    return name, preset, ppl, used


def test_b(tmp, pool):
    print("(b) perplexity relative to F32 on held-out text")
    models = []  # (name, F32 gguf, text file)
    tiny = os.path.join(SHARED, "fixtures", "tiny")
    lamb = os.path.join(SHARED, "text", "lambada_test.jsonl")
    if os.path.isdir(tiny) and os.path.exists(lamb):
        text = os.path.join(tmp, "lambada.txt")
        with open(lamb) as f:  # held-out for these models: not their training text
            passages = [json.loads(next(f))["text"] for _ in range(3)]
        with open(text, "w") as f:
            f.write("\n\n".join(passages)[:600])
        for v in ("4v0-660K", "5v1-730K", "5v2-730K", "6v0-1m", "7v0-834K"):
            out = os.path.join(tmp, "tiny-%s.gguf" % v)
            subprocess.run([PY, os.path.join(ROOT, "convert_pth.py"), "-q", "--dtype", "f32",
                            os.path.join(tiny, "tiny-rwkv-%s.pth" % v), out], check=True)
            models.append(("tiny-" + v, out, text))
    else:
        print("  tiny models: skipped (%s or %s not found)" % (tiny, lamb))
    held = os.path.join(ROOT, "build", "kjv", "heldout.txt")
    if not os.path.exists(held) and shutil.which("bible"):
        subprocess.run([PY, os.path.join(ROOT, "tools", "kjv_data.py"), "--out",
                        os.path.dirname(held)], stdout=subprocess.DEVNULL)
    if os.path.exists(held):
        text = os.path.join(tmp, "kjv-heldout.txt")
        with open(held, "rb") as f, open(text, "wb") as g:
            g.write(f.read(1500))
        out = os.path.join(tmp, "kjv-v7-f32.gguf")
        rwkv(["quantize", os.path.join(ROOT, "models", "kjv-v7.gguf"), out, "f32"])
        models.append(("kjv-v7", out, text))
    else:
        print("  kjv-v7: skipped (%s missing and `bible` (apt: bible-kjv) not installed)" % held)
    if not models:
        return False
    ref = {name: pool.submit(perplexity, base, text) for name, base, text in models}
    jobs = [pool.submit(case_b, tmp, name, base, text, p) for name, base, text in models
            for p in PPL_BOUND]
    rows = {}
    for j in jobs:
        name, p, ppl, used = j.result()
        r = ppl / ref[name].result() - 1.0
        rows.setdefault(name, []).append((p, r, used))
        # a model worse than uniform on the text (tiny v6: ~2e4 on any English text, 256
        # tokens) has nothing to lose: its ratio is printed, not checked
        if ref[name].result() < 256:
            check(r <= PPL_BOUND[p], "%s %s: perplexity %+.2f%% of F32 (bound +%.1f%%)" %
                  (name, p, 100 * r, 100 * PPL_BOUND[p]))
    print("  %-16s %-8s %9s  %s" % ("model", "preset", "vs F32", "quantized types in the file"))
    for name, _, _ in models:
        print("  %-16s %-8s %9.4f%s" % (name, "F32", ref[name].result(), "" if
                                         ref[name].result() < 256 else
                                         "  (worse than uniform: not checked)"))
        for p, r, used in rows[name]:
            print("  %-16s %-8s %+8.3f%%  %s" % ("", p, 100 * r, used))
    return True


def main():
    if not os.path.exists(RWKV):
        print("SKIP: %s not built" % RWKV)
        return 77
    tmp = tempfile.mkdtemp(prefix="rwkv-test-qacc-")
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        test_a(tmp, pool)
        ran_b = test_b(tmp, pool)
    print("%d checks, %d failures" % (n_checks, len(failures)))
    if failures:
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    if not ran_b:
        print("SKIP: (a) passed; (b) needs ../shared/fixtures/tiny or build/kjv/heldout.txt")
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main())
