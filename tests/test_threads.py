#!/usr/bin/env python3
"""Two threads give the same bits as one, on models large enough for the thread team (run by
`make test`; standard library only).

The forward pass runs on rwkv.h's thread team only when a block reads at least 1 MiB of
weights, so the tiny models of the other tests never reach it: their 2-thread runs are one
thread. Here random models of n_embd 512 (2 layers, 4-12 MB of weights per token) of v4,
v5.2, v6 and v7 (tools/random_model.py), in F16 and quantized by `rwkv quantize` to Q8_0,
Q4_0, Q4_K_M and Q5_1, each run 48 tokens, one `rwkv_eval` per token and one `rwkv_eval_seq`
(blocks of tokens: AMX tiles where the CPU has them; F16's broadcast tiles, which take
blocks of 32 tokens or more with little padding, on other AVX-512 CPUs: their items of rows,
the channel mix's key straight into the value's layout, the LoRAs' first halves split by
tokens, rwkv__bcs_rows), on 1 and on 2 threads (the team's
items; products that read the same inputs grouped into one job: rwkv__mm_group). Each
mode's logits on 2 threads must equal its logits on 1 byte for byte: every row of a
product is computed by the same code whichever thread or item holds it. (Between the modes
f16 / bf16 blocks on the tiles sum in another order, with the tokens split into two bf16
planes: docs/KERNELS.md; so for F16 the --seq logits must be within 1e-4 of max|logit| of
one token at a time's, where a lost plane is ~1e-3; test_quantize checks that quantized
blocks give one token's bits.) The team may fall back to one thread for a while on a busy
machine (its back-off): fewer tokens on the team, never other bits. Each run gets
OMP_NUM_THREADS = its thread count, the threads that pack the quantized matrices at open.

A build without OpenMP (rwkv.c compiled here without -fopenmp: no team, and every product's
code path for more than one thread without a parallel region) run with -t 2 must give the
bits of the OpenMP build on one thread too: a product there must still compute every row
(one once returned without computing any: nothing had tested such a build).

On an AVX-512 machine with AVX2, FMA and F16C, an AVX2 build too (rwkv.c compiled here with
-march=haswell: what an AVX2-only laptop runs, its own broadcast tiles, rwkv__bct_tile8) runs
the F16 models: 2 threads bit-identical to 1, --seq within 1e-4 of max|logit| of one token at
a time, and one token at a time within 1e-4 of the native build's (other kernels, other
summation orders).
"""

import os
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RWKV = os.environ.get("RWKV_BIN") or os.path.join(ROOT, "rwkv")
# the thread counts compared with one thread: 2 here (the development VM has two vCPUs);
# RWKV_TEST_THREADS=2,3,4,8,16 on a machine with that many cores (odd counts split the items
# unevenly; more threads than a product has items leave some idle)
THREADS = [int(t) for t in (os.environ.get("RWKV_TEST_THREADS") or "2").split(",")]
RANDOM_MODEL = os.path.join(ROOT, "tools", "random_model.py")

VERSIONS = ("4", "5.2", "6", "7")
TYPES = ("q8_0", "q4_0", "q4_k_m", "q5_1")
N_IDS = 48  # >= 32 and a multiple of 16: the broadcast tiles take the block
IDS = ",".join(str((i * 37 + 11) % 1000) for i in range(N_IDS))


def build_noomp(tmp):
    """rwkv.c without OpenMP, with the compiler and flags of the Makefile's defaults (CC,
    CFLAGS from the environment when set); None when it does not build."""
    exe = os.path.join(tmp, "rwkv-noomp")
    cc = os.environ.get("CC") or "cc"
    cflags = (os.environ.get("CFLAGS") or "-O3 -march=native").split()
    r = subprocess.run([cc, "-std=c99"] + cflags + ["-o", exe, os.path.join(ROOT, "rwkv.c"),
                        os.path.join(ROOT, "tokenizer.c"), "-lm"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        print("FAIL: building rwkv.c without OpenMP: %s" % r.stderr.strip()[-300:])
        return None
    return exe


def build_avx2(tmp):
    """rwkv.c with -march=haswell and OpenMP where this CPU has AVX-512 (the native build's
    kernels) and can run AVX2 code; None where it cannot or the build fails (reported)."""
    try:
        with open("/proc/cpuinfo") as f:
            flags = next((l for l in f if l.startswith("flags")), "").split()
    except OSError:
        return None
    if not ("avx512f" in flags and "avx2" in flags and "fma" in flags and "f16c" in flags):
        return None
    exe = os.path.join(tmp, "rwkv-avx2")
    cc = os.environ.get("CC") or "cc"
    r = subprocess.run([cc, "-std=c99", "-O3", "-march=haswell", "-fopenmp", "-o", exe,
                        os.path.join(ROOT, "rwkv.c"), os.path.join(ROOT, "tokenizer.c"), "-lm"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        print("FAIL: building rwkv.c with -march=haswell: %s" % r.stderr.strip()[-300:])
        return False
    return exe


def max_rel(a_bytes, b_bytes):
    a = struct.unpack("<%df" % (len(a_bytes) // 4), a_bytes)
    b = struct.unpack("<%df" % (len(b_bytes) // 4), b_bytes)
    return max(abs(x - y) for x, y in zip(a, b)) / max(abs(x) for x in a)


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def logits(model, out, threads, seq, exe=RWKV):
    cmd = [exe, "logits", "-m", model, "--ids", IDS, "-o", out, "-t", str(threads)]
    if seq:
        cmd.append("--seq")
    # OMP_NUM_THREADS: the packed copy of the quantized matrices (x86) is made at open by
    # that many threads, so the 2-thread runs also check that a copy made by two threads
    # gives the bits of one made by one
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    if r.returncode != 0:
        return None, r.stderr.strip()[-300:]
    with open(out, "rb") as f:
        return f.read(), ""


def four_runs(path, out, exe):
    """The logits of 1 and THREADS threads, one token at a time and --seq, with exe: a dict
    keyed (threads, seq), and (mode, error) for each run that failed."""
    got, errors = {}, []
    for threads in [1] + THREADS:
        for seq in (False, True):
            data, err = logits(path, out, threads, seq, exe)
            if data is None:
                errors.append(("%s, %d thread%s" % ("--seq" if seq else "one token at a time",
                                                    threads, "s" if threads > 1 else ""), err))
            else:
                got[(threads, seq)] = data
    return got, errors


def main():
    if not os.access(RWKV, os.X_OK):
        print("FAIL: %s is not built (run make)" % RWKV)
        return 1
    failures = 0
    checks = 0
    with tempfile.TemporaryDirectory() as tmp:
        noomp = build_noomp(tmp)
        if noomp is None:
            failures += 1
        avx2 = build_avx2(tmp)
        if avx2 is False:
            failures += 1
            avx2 = None
        for v in VERSIONS:
            f16 = os.path.join(tmp, "v%s-f16.gguf" % v)
            r = run([sys.executable, RANDOM_MODEL, "--version", v, "--layers", "2",
                     "--embd", "512", "--vocab", "1000", "--dtype", "f16", "--seed", "5", f16])
            if r.returncode != 0:
                print("FAIL: random_model.py v%s: %s" % (v, r.stderr.strip()[-300:]))
                failures += 1
                continue
            files = [("f16", f16)]
            for t in TYPES:
                q = os.path.join(tmp, "v%s-%s.gguf" % (v, t))
                r = run([RWKV, "quantize", f16, q, t, "--reference"])
                if r.returncode != 0:
                    print("FAIL: quantize v%s %s: %s" % (v, t, r.stderr.strip()[-300:]))
                    failures += 1
                    continue
                files.append((t, q))
            for t, path in files:
                out = os.path.join(tmp, "out.f32")
                got, errors = four_runs(path, out, RWKV)
                for mode, err in errors:
                    print("FAIL: v%s %s %s: %s" % (v, t, mode, err))
                    failures += 1
                for seq in (False, True) if noomp else ():
                    data, err = logits(path, out, 2, seq, noomp)
                    if data is None:
                        print("FAIL: v%s %s without OpenMP, 2 threads%s: %s" %
                              (v, t, ", --seq" if seq else "", err))
                        failures += 1
                    else:
                        got[("noomp", seq)] = data
                if len(got) != 2 * (1 + len(THREADS)) + (2 if noomp else 0):
                    continue
                checks += 1
                problems = []
                for seq in (False, True):
                    for n in THREADS:
                        if got[(n, seq)] != got[(1, seq)]:
                            problems.append("%s: %d threads differ from 1" %
                                            ("--seq" if seq else "one token at a time", n))
                    if noomp and got[("noomp", seq)] != got[(1, seq)]:
                        problems.append("%s: 2 threads without OpenMP differ from 1 with it" %
                                        ("--seq" if seq else "one token at a time"))
                    if len(got[(1, seq)]) != N_IDS * 1000 * 4:
                        problems.append("%d bytes of logits, want %d" % (len(got[(1, seq)]),
                                                                        N_IDS * 1000 * 4))
                rel = None
                if t == "f16" and not problems:
                    rel = max_rel(got[(1, False)], got[(1, True)])
                    if not rel <= 1e-4:
                        problems.append("--seq differs from one token at a time by %.3g of "
                                        "max|logit| (bound 1e-4)" % rel)
                if problems:
                    print("FAIL: v%s %s: %s" % (v, t, "; ".join(problems)))
                    failures += 1
                else:
                    print("ok   v%-3s %-6s %s threads == 1 thread%s, one token at a time and --seq%s"
                          % (v, t, ",".join(map(str, THREADS)),
                             " (2 without OpenMP)" if noomp else "",
                             "" if rel is None else
                             "; --seq within %.2g of max|logit| of one token at a time" % rel))
                if t == "f16" and avx2 and not problems:
                    a2, errors = four_runs(path, out, avx2)
                    problems += ["AVX2 build, %s: %s" % e for e in errors]
                    if len(a2) == 2 * (1 + len(THREADS)):
                        for seq in (False, True):
                            for n in THREADS:
                                if a2[(n, seq)] != a2[(1, seq)]:
                                    problems.append("AVX2 build%s: %d threads differ from 1" %
                                                    (", --seq" if seq else "", n))
                        r_seq = max_rel(a2[(1, False)], a2[(1, True)])
                        r_nat = max_rel(got[(1, False)], a2[(1, False)])
                        if not r_seq <= 1e-4:
                            problems.append("AVX2 build: --seq differs from one token at a "
                                            "time by %.3g of max|logit|" % r_seq)
                        if not r_nat <= 1e-4:
                            problems.append("AVX2 build: differs from the native build by "
                                            "%.3g of max|logit|" % r_nat)
                    if problems:
                        print("FAIL: v%s %s: %s" % (v, t, "; ".join(problems)))
                        failures += 1
                    else:
                        print("ok   v%-3s %-6s AVX2 build: %s threads == 1 thread, --seq within "
                              "%.2g and one token within %.2g of max|logit| of the native build"
                              % (v, t, ",".join(map(str, THREADS)), r_seq, r_nat))
    if failures or checks == 0:
        print("FAIL: %d failure(s), %d model(s) compared" % (failures, checks))
        return 1
    print("PASS: %d models, %s threads bit-identical to 1" % (checks, ",".join(map(str, THREADS))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
