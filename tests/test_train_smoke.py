#!/usr/bin/env python3
"""Smoke test of tools/train_kjv.py (run by `make test` with /usr/bin/python3; exit 0 pass,
77 skip: without torch).

On a small synthetic text (made here: no ../shared, no bible-kjv needed), on the CPU (one
thread; the trainer runs in this process) with a tiny model (2 layers, n_embd 64, 2 heads of
32); about 5 s on an idle 2-core machine:
* the chunked WKV recurrence of the training forward equals the step-by-step one (values and
  gradients, float64);
* 12 training steps: every logged loss finite, the loss goes down;
* 6 steps, stop, --resume 6 more = the 12 uninterrupted steps (same weights, bit for bit);
* the saved .pth has the official RWKV-7 key names; convert_pth.py turns it into a GGUF, and
  `rwkv logits` on it (RWKV_BIN, else ./rwkv) agrees with the training forward's float32
  logits within 1e-4 * max|ref|;
* the eval command's bits per byte (chunked like `rwkv perplexity --ctx`) agrees with
  `rwkv perplexity` within 0.1%.
"""

import contextlib
import io
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RWKV = os.environ.get("RWKV_BIN") or os.path.join(ROOT, "rwkv")
PY = sys.executable

try:
    import torch
except ImportError:
    print("skip: torch is not installed for %s (Debian: apt-get install python3-torch)" % PY)
    sys.exit(77)

sys.path.insert(0, os.path.join(ROOT, "tools"))
import train_kjv as tk  # noqa: E402

failures = []


def check(cond, what):
    print(("  ok   " if cond else "  FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)
    return cond


def synthetic_text(n_lines, seed):
    """Bible-like lines from a small grammar (deterministic)."""
    rng = random.Random(seed)
    subj = ["the LORD", "Moses", "the people", "Aaron", "the king", "his servants", "the priest"]
    verb = ["spake unto", "went up to", "gave", "brought", "blessed", "called", "sent"]
    obj = ["the children of Israel", "the city", "the house of God", "the land", "all the congregation",
           "his brethren", "the mountain"]
    tail = ["", ", saying,", " in that day", " and they did eat", " as the LORD commanded"]
    lines = []
    for _ in range(n_lines):
        s = "And %s %s %s%s." % (rng.choice(subj), rng.choice(verb), rng.choice(obj), rng.choice(tail))
        lines.append(s[0].upper() + s[1:])
    return "\n".join(lines) + "\n"


def train_main(argv):
    """tools/train_kjv.py in this process (one torch import for the whole test): (status,
    printed text)."""
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            rc = tk.main(argv)
    except SystemExit as e:
        rc = e.code if isinstance(e.code, int) else 1
    except Exception as e:  # reported as a failed check
        rc = 1
        buf.write("%s: %s\n" % (type(e).__name__, e))
    out = buf.getvalue()
    if rc:
        print("$ train_kjv.py " + " ".join(argv) + "\n" + out)
    return rc, out


def run(cmd, timeout=120):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0:
        print("$ " + " ".join(cmd) + "\n" + out)
    return p.returncode, out


def test_wkv():
    torch.manual_seed(0)
    B, T, H, N = 1, 21, 2, 8
    mk = lambda: torch.randn(B, T, H, N, dtype=torch.float64)
    kk = torch.nn.functional.normalize(mk(), dim=-1)
    base = [mk(), -tk.DECAY_SCALE * torch.sigmoid(3 * mk()), mk(), mk(), -kk, kk * torch.sigmoid(mk())]
    w = mk()
    ins1 = [t.clone().requires_grad_() for t in base]
    ins2 = [t.clone().requires_grad_() for t in base]
    y1 = tk.wkv7_loop(*ins1)[0]
    y2 = tk.wkv7_chunked(*ins2, chunk=8)
    (y1 * w).sum().backward()
    (y2 * w).sum().backward()
    d = (y1 - y2).abs().max().item() / y1.abs().max().item()
    dg = max((a.grad - b.grad).abs().max().item() / a.grad.abs().max().item() for a, b in zip(ins1, ins2))
    check(d < 1e-12 and dg < 1e-12, "chunked WKV = step-by-step WKV (values %.1e, gradients %.1e)" % (d, dg))


def main():
    t0 = time.time()
    torch.set_num_threads(os.cpu_count() or 1)
    test_wkv()
    tmp = tempfile.mkdtemp(prefix="rwkv-train-smoke-")
    try:
        data = os.path.join(tmp, "data")
        os.makedirs(data)
        with open(os.path.join(data, "train.txt"), "w") as f:
            f.write(synthetic_text(600, 1))
        with open(os.path.join(data, "valid.txt"), "w") as f:
            f.write(synthetic_text(8, 2))
        common = ["train", "--data", data, "--n-layer", "2", "--n-embd", "64",
                  "--head-size", "32", "--ctx", "32", "--batch", "4", "--steps", "12",
                  "--warmup", "2", "--lr-init", "3e-3", "--lr-final", "3e-4", "--log-every", "1",
                  "--eval-every", "6", "--eval-ctx", "64", "--chunk", "8", "--device", "cpu",
                  "--seed", "7", "--dropout", "0.05", "--threads", "1"]
        run_a, run_b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        rc, out = train_main(common + ["--out", run_a])
        check(rc == 0, "12 training steps (exit %d)" % rc)
        if rc != 0:
            return 1
        recs = [json.loads(l) for l in open(os.path.join(run_a, "log.jsonl"))]
        losses = [r["train_loss"] for r in recs]
        check(len(losses) == 12 and all(math.isfinite(x) for x in losses),
              "12 finite training losses logged (%s)" % ", ".join("%.2f" % x for x in losses))
        check(losses[-1] < losses[0] - 1.0, "the loss goes down: %.3f -> %.3f" % (losses[0], losses[-1]))
        check(any("valid_loss" in r for r in recs) and re.search(r"ETA", out) is not None,
              "progress lines with ETA and validation losses")

        rc1, _ = train_main(common + ["--out", run_b, "--stop-after", "6"])
        rc2, out2 = train_main(["train", "--out", run_b, "--resume", "--threads", "1"])
        check(rc1 == 0 and rc2 == 0 and "resuming" in out2, "stop after 6 steps, --resume")
        sa = torch.load(os.path.join(run_a, "last.pth"))
        sb = torch.load(os.path.join(run_b, "last.pth")) if rc2 == 0 else {}
        same = sa.keys() == sb.keys() and all(torch.equal(sa[k], sb[k]) for k in sa)
        check(same, "6 + 6 resumed steps = 12 uninterrupted steps (all %d tensors equal)" % len(sa))

        ref_keys = set(tk.RWKV7({"n_layer": 2, "n_embd": 64, "head_size": 32, "vocab_size": 256}).state_dict())
        check(set(sa) == ref_keys and "blocks.0.ln0.weight" in sa and "blocks.1.att.r_k" in sa
              and tuple(sa["blocks.1.att.r_k"].shape) == (2, 32) and sa["emb.weight"].dtype == torch.float32,
              "official x070 key names and shapes in last.pth (%d tensors)" % len(sa))

        gguf = os.path.join(tmp, "m.gguf")
        rc, out = run([PY, os.path.join(ROOT, "convert_pth.py"), "-q", "--dtype", "f32",
                       os.path.join(run_a, "last.pth"), gguf])
        check(rc == 0 and os.path.exists(gguf), "convert_pth.py last.pth -> GGUF (f32)")
        if not os.path.exists(RWKV):
            check(False, "the rwkv binary %s exists (make rwkv)" % RWKV)
            return 1
        text = b"And Moses spake unto the children of Israel, saying,\nAnd the LORD blessed the land."
        ids = ",".join(str(b) for b in text)
        eng_path = os.path.join(tmp, "eng.f32")
        rc, out = run([RWKV, "logits", "-m", gguf, "--ids", ids, "-o", eng_path])
        check(rc == 0, "rwkv logits on the converted model")
        if rc == 0:
            import array
            eng = array.array("f")
            with open(eng_path, "rb") as f:
                eng.frombytes(f.read())
            if sys.byteorder != "little":
                eng.byteswap()
            model = tk.load_pth(os.path.join(run_a, "last.pth"), chunk=8)
            with torch.no_grad():
                ref = model(torch.tensor([list(text)]))[0].float().reshape(-1)
            eng = torch.tensor(eng.tolist())
            ok = eng.numel() == ref.numel()
            d = (eng - ref).abs().max().item() if ok else float("inf")
            m = ref.abs().max().item()
            check(ok and d <= 1e-4 * m,
                  "rwkv logits = training forward: max|diff| %.2e, bound 1e-4*max|ref| = %.2e" % (d, 1e-4 * m))

        valid = os.path.join(data, "valid.txt")
        rc, out = run([RWKV, "perplexity", "-m", gguf, "-f", valid, "--ctx", "64"])
        m1 = re.search(r"bits per byte:\s*([0-9.]+)", out)
        rc2, out2 = train_main(["eval", "--model", os.path.join(run_a, "last.pth"), "--file", valid,
                                "--ctx", "64"])
        m2 = re.search(r"bits per byte:\s*([0-9.]+)", out2)
        if check(rc == 0 and rc2 == 0 and m1 and m2, "rwkv perplexity and train_kjv.py eval ran"):
            b1, b2 = float(m1.group(1)), float(m2.group(1))
            check(abs(b1 - b2) <= 1e-3 * b1, "bits per byte: rwkv %.6f, train_kjv.py %.6f" % (b1, b2))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%.1f s, %d failure(s)" % (time.time() - t0, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
