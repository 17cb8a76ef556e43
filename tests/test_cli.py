#!/usr/bin/env python3
"""Tests of the rwkv command-line tool (run by `make test`; standard library only).

Models: the tiny trained byte-level v7 model from ../shared/fixtures (converted into build/;
the checks that need it are skipped when ../shared is absent), a micro random v4 model and a
small random v7 model with the World vocabulary (tools/random_model.py, always available).

Checked: every --help (and that every option it lists is accepted), usage errors exit 2,
runtime errors exit 1 with "rwkv: error:", info, logits against the official oracle,
tokenize/--decode round trips, seeded generation reproducible across runs and thread counts,
greedy generation = argmax of `rwkv logits`, --stop, | head ends quietly, --state-out then
--state-in = one uninterrupted run, chat through a pipe (turn structure, history kept,
/save + /load resume identically), perplexity = the value from `rwkv logits --seq`,
lambada on all 5153 passages (count) and against `rwkv logits` on a few, and bench.
(examples/embed.c, and its agreement with `rwkv generate`: tests/test_embed.sh.)
"""

import math
import os
import re
import shutil
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUILD = os.path.join(ROOT, "build")
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
RWKV = os.environ.get("RWKV_BIN") or os.path.join(ROOT, "rwkv")
ASAN = os.environ.get("RWKV_ASAN_BIN") or os.path.join(BUILD, "rwkv-asan")
PY = sys.executable

failures = []
n_checks = 0


def check(cond, what):
    global n_checks
    n_checks += 1
    if not cond:
        failures.append(what)
        print("  FAIL: " + what)
    return cond


def default_threads():
    """What rwkv.c's default thread count should be here: the physical cores (SMT siblings
    once) of this process's affinity mask, at most 8."""
    cpus = sorted(os.sched_getaffinity(0))
    n = 0
    for c in cpus:
        try:
            with open("/sys/devices/system/cpu/cpu%d/topology/thread_siblings_list" % c) as f:
                sib = set()
                for part in f.read().strip().split(","):
                    a, _, b = part.partition("-")
                    sib.update(range(int(a), int(b or a) + 1))
        except OSError:
            sib = {c}
        n += min(s for s in sib if s in cpus or s == c) == c
    return max(1, min(8, n))


def clean_env(**extra):
    """The environment without $RWKV_MODEL (the default model is chosen on purpose)."""
    env = {k: v for k, v in os.environ.items() if k != "RWKV_MODEL"}
    env.update(extra)
    return env


def run(args, stdin=None, binary=RWKV, timeout=300, env=None, cwd=None):
    for attempt in range(30):
        try:
            p = subprocess.run([binary] + args, input=stdin, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=timeout,
                               env=env if env is not None else clean_env(), cwd=cwd)
            break
        except OSError:  # the binary is being rebuilt by a concurrent `make`
            if attempt == 29:
                raise
            time.sleep(1)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def read_f32(path):
    b = open(path, "rb").read()
    return struct.unpack("<%df" % (len(b) // 4), b)


def logits_rows(model, ids, tag="l", seq=True):
    out = os.path.join(BUILD, "cli-%s.f32" % tag)
    rc, _, err = run(["logits", "-m", model, "--ids", ",".join(map(str, ids)), "-o", out] +
                     (["--seq"] if seq else []))
    assert rc == 0, err
    flat = read_f32(out)
    V = len(flat) // len(ids)
    return [flat[i * V:(i + 1) * V] for i in range(len(ids))]


def log_softmax_at(row, t):
    m = max(row)
    return row[t] - m - math.log(sum(math.exp(x - m) for x in row))


def argmax(row):
    best = 0
    for i, x in enumerate(row):
        if x > row[best]:
            best = i
    return best


def section(name):
    print("== " + name)


# ---- models ---------------------------------------------------------------------------------

def build_models():
    os.makedirs(BUILD, exist_ok=True)
    models = {}
    micro = os.path.join(BUILD, "cli-micro-v4.gguf")
    subprocess.run([PY, os.path.join(ROOT, "tools", "random_model.py"), "--version", "4",
                    "--layers", "1", "--embd", "32", "--vocab", "256", "--dtype", "f32",
                    "--tokenizer", "none", micro], check=True, stdout=subprocess.DEVNULL)
    models["micro"] = micro
    world = os.path.join(BUILD, "cli-world-v7.gguf")
    if os.path.isfile(os.path.join(ROOT, "vocab", "rwkv_vocab_v20230424.txt")):
        subprocess.run([PY, os.path.join(ROOT, "tools", "random_model.py"), "--version", "7",
                        "--layers", "1", "--embd", "64", "--head-size", "16", "--vocab",
                        "65536", "--dtype", "f16", "--tokenizer", "world", world], check=True,
                       stdout=subprocess.DEVNULL)
        models["world"] = world
    pth = os.path.join(SHARED, "fixtures", "tiny", "tiny-rwkv-7v0-834K.pth")
    if os.path.exists(pth):
        tiny = os.path.join(BUILD, "cli-tiny-v7.gguf")
        subprocess.run([PY, os.path.join(ROOT, "convert_pth.py"), "-q", pth, tiny], check=True)
        models["tiny"] = tiny
    else:  # without ../shared: the bundled model is also a trained byte-level v7
        models["tiny"] = os.path.join(ROOT, "models", "kjv-v7.gguf")
    return models


# ---- checks ---------------------------------------------------------------------------------

SUBCOMMANDS = ["generate", "chat", "perplexity", "lambada", "bench", "info", "logits", "tokenize",
               "quantize"]


def test_help():
    section("--help of every subcommand; every listed option is accepted")
    rc, out, _ = run(["--help"])
    check(rc == 0 and out.startswith(b"usage: rwkv"), "rwkv --help")
    # --version: the compiler, rwkv_build_info (its kernels: test_model_api) and the default
    # thread count
    rc, out, err = run(["--version"])
    rc2, out2, _ = run(["-V"])
    lines = out.decode().splitlines()
    check(rc == 0 and len(lines) == 3 and lines[0].startswith("rwkv.c, built by ") and
          lines[1].startswith("float kernels ") and "quantized kernels " in lines[1] and
          lines[2] == "default threads here: %d" % default_threads() and not err,
          "rwkv --version: %r %r" % (out, err))
    check(rc2 == 0 and out2 == out, "rwkv -V = --version")
    print("  --version: " + " | ".join(lines))
    for sub in SUBCOMMANDS:
        rc, out, err = run([sub, "--help"])
        text = out.decode()
        check(rc == 0 and text.startswith("usage: rwkv"), "%s --help exit %d" % (sub, rc))
        rc2, out2, _ = run([sub, "-h"])
        check(rc2 == 0 and out2 == out, "%s -h = --help" % sub)
        opts = sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", text)) - {"--help"})
        for o in opts:
            # with a placeholder value; an unknown option would say "unknown"
            rc3, _, err3 = run([sub, o, "1", "--bogus-check"], stdin=b"")
            check("unknown argument '%s'" % o not in err3 and "unknown option '%s'" % o not in err3,
                  "%s: option %s listed in --help is not accepted: %s" % (sub, o, err3.strip()))
        print("  %-10s help ok, %d options listed and accepted" % (sub, len(opts)))


def test_usage_errors(m):
    section("usage errors exit 2 with a message naming the option")
    cases = [
        ([], None),
        (["frobnicate"], "unknown command"),
        (["info", "-m", m, "--what"], "unknown argument"),
        (["-m", m, "-p", "x", "-n", "12abc"], "-n"),
        (["-m", m, "-p", "x", "-n", "-1"], "-n"),
        (["-m", m, "-p", "x", "--top-p", "1.5"], "--top-p"),
        (["-m", m, "-p", "x", "--temp", "abc"], "--temp"),
        (["-m", m, "-p", "x", "--temp", "-0.5"], "--temp"),
        (["-m", m, "-p", "x", "--top-k", "3.5"], "--top-k"),
        (["-m", m, "-p", "x", "--seed", "-4"], "--seed"),
        (["-m", m, "-p", "x", "-t", "0"], "-t"),
        (["-m", m, "-p", "x", "--seed"], "--seed"),
        (["-m", m, "-p", "x", "-f", "y"], "not both"),
        (["logits", "-m", m, "--ids", "1,,2", "-o", "/dev/null"], "--ids"),
        (["logits", "-m", m, "--ids", "1,2"], "-o"),
        (["logits", "-m", m, "-t", "2", "-o", "/dev/null"], "--ids IDS is required"),
        (["logits", "-m", m, "--tokens", "2", "-o", "/dev/null"], "--ids"),
        (["-m", m, "-p", "x", "--tokens", "5"], "-n N"),
        (["chat", "-m", m, "--tokens", "5"], "-n N"),
        (["-m", m, "-p", "x", "--logit-bias", "5"], "--logit-bias"),
        (["-m", m, "-p", "x", "--logit-bias", "5+x"], "--logit-bias"),
        (["-m", m, "-p", "x", "--logit-bias", "5+inf"], "--logit-bias"),
        (["-m", m, "-p", "x", "--reverse-prompt", "a"], "needs -i"),
        (["chat", "-m", m, "--reverse-prompt", "a"], "generate -i"),
        (["perplexity", "-m", m], "-f"),
        (["perplexity", "-m", m, "-f", "x", "--ctx", "1"], "--ctx"),
        (["lambada", "-m", m, "-f", "x", "--limit", "0"], "--limit"),
        (["bench", "-m", m, "--repeat", "99999999999999999999"], "--repeat"),
        (["-m", m, "info"], "the command comes first"),
        (["info", m, m], "one model only"),
        (["bench", "-m", m, m], "one model only"),
        ([m, "frobnicate"], "unknown argument 'frobnicate'"),
        (["chat", "hello"], "unknown argument 'hello'"),
        (["-m", m, "-f", m], "is a model file (GGUF)"),
        (["perplexity", "-m", m, "-f", m], "is a model file (GGUF)"),
        (["lambada", "-m", m, "-f", m], "is a model file (GGUF)"),
    ]
    for args, needle in cases:
        rc, out, err = run(args, stdin=b"")
        ok = rc == 2 and (needle is None or needle in err)
        check(ok, "usage error %r: exit %d, stderr %r" % (args, rc, err.strip()[:200]))
    print("  %d usage errors exit 2" % len(cases))


def test_runtime_errors():
    section("runtime errors exit 1 with 'rwkv: error:'")
    junk = os.path.join(BUILD, "cli-junk.gguf")
    with open(junk, "wb") as f:
        f.write(b"this is not a model")
    for args in (["info", "-m", "/nonexistent/model.gguf"], ["info", "-m", junk],
                 ["-m", junk, "-p", "hi"], ["tokenize", "--vocab", "/nonexistent/vocab"]):
        rc, out, err = run(args)
        check(rc == 1 and err.startswith("rwkv: error: "), "%r: exit %d %r" % (args, rc, err))
        print("  %-50s -> exit %d: %s" % (" ".join(args)[:50], rc, err.strip()[:90]))
    # files given by mistake: the message says what each seems to be
    for data, want in ((b"PK\x03\x04" + bytes(40), "PyTorch checkpoint (a zip)"),
                       (b"\x80\x02" + bytes(40), "PyTorch checkpoint (a pickle)"),
                       (b"fmgg" + bytes(40), "rwkv.cpp file"),
                       (b"version https://git-lfs.github.com/spec/v1\n", "Git LFS pointer"),
                       (b"<!DOCTYPE html>", "/resolve/, not /blob/"),
                       (b"In the beginning", "a text file")):
        with open(junk, "wb") as f:
            f.write(data)
        rc, out, err = run(["info", junk])
        check(rc == 1 and want in err and len(err.strip().splitlines()) == 1,
              "not a GGUF file, %r: exit %d %r" % (want, rc, err))
    print("  zip / pickle / rwkv.cpp / Git LFS / HTML / text files: the error says which")
    hfdir = os.path.join(BUILD, "cli-hf-model-dir")
    os.makedirs(hfdir, exist_ok=True)
    for args in (["info", hfdir], ["-m", hfdir, "-p", "hi"]):
        rc, out, err = run(args)
        check(rc == 1 and "is a directory" in err and "convert_pth.py DIR" in err and
              len(err.strip().splitlines()) == 1, "a directory as the model: exit %d %r"
              % (rc, err))
    print("  a directory as the model: the error says so and how to convert one")
    # lambada on a file that is not LAMBADA's JSON lines: the line, and what was expected
    for data, want in ((b"hello world\n", "plain.txt:1: not a line of JSON"),
                       (b"\n\n{\"txt\": \"a b\"}\n", "plain.txt:3: no \"text\" string member")):
        bad = os.path.join(BUILD, "plain.txt")
        with open(bad, "wb") as f:
            f.write(data)
        rc, out, err = run(["lambada", bad])
        check(rc == 1 and want in err and '{"text": "..."} object per line' in err and
              len(err.strip().splitlines()) == 1, "lambada on %r: exit %d %r" % (data, rc, err))
    print("  lambada on a text that is not JSON lines: the line and the format expected")


def test_own_file(m):
    section("no output over the model: quantize IN IN, logits -o, --state-out, chat /save")
    own = os.path.join(BUILD, "cli-own.gguf")
    shutil.copy(m, own)
    link = os.path.join(BUILD, "cli-own-link.gguf")
    if os.path.lexists(link):
        os.unlink(link)
    os.symlink(os.path.basename(own), link)
    want = open(own, "rb").read()
    for args, needle in ((["quantize", own, own, "q8_0"], "input model itself"),
                         (["quantize", own, link, "q8_0"], "input model itself"),
                         (["logits", "-m", own, "--ids", "1", "-o", link], "-o"),
                         (["logits", "-m", own, "--ids", "1", "-o", "x", "--state-out", own],
                          "--state-out"),
                         (["-m", own, "-p", "x", "-n", "1", "--state-out", link], "--state-out")):
        rc, out, err = run(args)
        check(rc == 1 and needle in err and "model" in err and
              open(own, "rb").read() == want and os.path.islink(link),
              "%r: exit %d, %r" % (args, rc, err))
    rc, out, err = run(["chat", "-m", own, "-n", "2"], stdin=b"hi\n/save " + link.encode() +
                       b"\nhello\n")
    check(rc == 0 and "model file itself" in err and open(own, "rb").read() == want,
          "chat /save over the model: exit %d, %r" % (rc, err))
    print("  5 commands and chat's /save refused, the model unchanged: %s"
          % err.strip().splitlines()[-1][:90])
    # a state written over a file that is no state (a slip of the name) is refused too
    notes = os.path.join(BUILD, "cli-notes.txt")
    with open(notes, "wb") as f:
        f.write(b"my notes\n")
    rc, out, err = run(["-m", m, "-p", "x", "-n", "1", "--state-out", notes])
    check(rc == 1 and "not an rwkv.c state file" in err and out == b"" and
          open(notes, "rb").read() == b"my notes\n", "--state-out over notes: %d %r" % (rc, err))
    rc, out, err = run(["chat", "-m", m, "-n", "2"], stdin=b"hi\n/save " + notes.encode() + b"\n")
    check(rc == 0 and "not an rwkv.c state file" in err and
          open(notes, "rb").read() == b"my notes\n", "chat /save over notes: %r" % err)
    print("  --state-out and /save over a file that is no state: refused before any work")


def test_info_logits(tiny):
    section("info and logits (tiny v7) against the official oracle")
    rc, out, err = run(["info", "-m", tiny])
    text = out.decode()
    check(rc == 0 and "RWKV v7" in text and re.search(r"vocab:\s+256", text) and
          re.search(r"layers:\s+12", text) and re.search(r"weights from:\s+the file's map\n", text),
          "info output: " + text + err)
    oracle = read_f32(os.path.join(SHARED, "fixtures", "tiny", "oracle-logits-7v0-834K.f32"))
    ref_max = max(abs(x) for x in oracle)
    for seq in (False, True):
        rows = logits_rows(tiny, [34, 105, 110], "oracle", seq)
        flat = [x for r in rows for x in r]
        diff = max(abs(a - b) for a, b in zip(flat, oracle))
        print("  logits%s: 3 x %d, max |diff| vs oracle %.3g (bound %.3g)" %
              (" --seq" if seq else "", len(rows[0]), diff, 1e-4 * ref_max))
        check(len(flat) == len(oracle) and diff <= 1e-4 * ref_max, "logits vs oracle")


def test_tokenize(models):
    section("tokenize / --decode")
    data = "Hello, wörld! 你好 🙂\n\ttabs  and  spaces\n".encode()
    for name in ("micro", "world"):
        if name not in models:
            continue
        rc, out, err = run(["tokenize", "-m", models[name]], stdin=data)
        ids = out.decode().split(" ")
        check(rc == 0 and out.endswith(b"\n") and "  " not in out.decode(), "tokenize format")
        rc2, back, err2 = run(["tokenize", "-m", models[name], "--decode"], stdin=out)
        check(rc2 == 0 and back == data, "%s: round trip" % name)
        if name == "micro":
            check([int(x) for x in out.split()] == list(data), "byte-level ids = bytes")
        print("  %-6s %d bytes -> %d ids -> %d bytes, round trip %s" %
              (name, len(data), len(ids), len(back), back == data))
    rc, out, _ = run(["tokenize", "-m", models["micro"]], stdin=b"")
    check(rc == 0 and out == b"\n", "empty input -> empty line")
    vocab = os.path.join(SHARED, "vocab", "rwkv_vocab_v20230424.txt")
    ref = os.path.join(SHARED, "fixtures", "tokenizer", "reference.jsonl")
    if os.path.exists(vocab) and os.path.exists(ref):
        import json
        n = bad = 0
        with open(ref, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if "text" not in d or n >= 5:
                    continue
                n += 1
                rc, out, err = run(["tokenize", "--vocab", vocab], stdin=d["text"].encode())
                if [int(x) for x in out.split()] != d["world"]:
                    bad += 1
        check(bad == 0, "--vocab World ids differ from the reference on %d of %d" % (bad, n))
        print("  --vocab World: %d reference lines, %d differ" % (n, bad))
    rc, out, err = run(["tokenize", "-m", models["micro"], "--decode"], stdin=b"1 2 x")
    check(rc == 1 and "error" in err, "--decode rejects a non-id")
    rc, out, err = run(["tokenize", "-m", models["micro"], "--decode"], stdin=b"1 300")
    check(rc == 1 and "300" in err, "--decode rejects an id outside the vocabulary")


def test_generate(m, binary=RWKV):
    section("generate: seeds, threads, greedy, stop, | head, state in/out")
    base = ["-m", m, "-p", "The quick brown fox", "-n", "40", "--seed", "7", "-q"]
    rc1, o1, e1 = run(base, binary=binary)
    rc2, o2, _ = run(base, binary=binary)
    rc3, o3, _ = run(base + ["-t", "2"], binary=binary)
    rc4, o4, _ = run(["generate"] + base[:-3] + ["--seed", "8", "-q"], binary=binary)
    check(rc1 == 0 and o1 == o2, "same seed, same output across runs")
    check(rc3 == 0 and o1 == o3, "same seed, same output with -t 1 and -t 2")
    check(rc4 == 0 and o4 != o1, "another seed gives another text")
    print("  seed 7: %d bytes, identical across runs: %s, -t 2: %s; seed 8 differs: %s" %
          (len(o1), o1 == o2, o1 == o3, o4 != o1))
    rc, _, err = run(base[:-1], binary=binary)
    check("tokens/s" in err and "ms/token" in err and "seed 7" in err, "stats line: " + err)
    # the default thread count (README: Threads): one per physical core of the affinity
    # mask, at most 8; $OMP_NUM_THREADS when set; -t wins
    want = default_threads()
    env = {k: v for k, v in clean_env().items() if k != "OMP_NUM_THREADS"}
    got = {}
    for name, args, e in (("default", [], env), ("OMP_NUM_THREADS=3", [], dict(env, OMP_NUM_THREADS="3")),
                          ("-t 1 with OMP_NUM_THREADS=3", ["-t", "1"], dict(env, OMP_NUM_THREADS="3"))):
        rc, _, err = run(base[:-1] + args, binary=binary, env=e)
        m_ = re.search(r"\| (\d+) threads? \|", err)
        got[name] = int(m_.group(1)) if rc == 0 and m_ else None
    check(got["default"] == want, "default threads: %s, want %d (one per core of the affinity "
          "mask)" % (got["default"], want))
    check(got["OMP_NUM_THREADS=3"] == 3, "OMP_NUM_THREADS=3 gives %s threads" % got["OMP_NUM_THREADS=3"])
    check(got["-t 1 with OMP_NUM_THREADS=3"] == 1, "-t 1 over OMP_NUM_THREADS: %s threads"
          % got["-t 1 with OMP_NUM_THREADS=3"])
    print("  threads by default %s (want %d), OMP_NUM_THREADS=3: %s, -t 1: %s" %
          (got["default"], want, got["OMP_NUM_THREADS=3"], got["-t 1 with OMP_NUM_THREADS=3"]))

    # greedy without penalties = argmax of the logits of prompt + output
    prompt = b"The quick brown fox"
    rc, out, _ = run(["-m", m, "-p", prompt.decode(), "-n", "12", "--temp", "0", "-q",
                      "--presence-penalty", "0", "--frequency-penalty", "0"], binary=binary)
    ids = list(prompt + out)
    rows = logits_rows(m, ids, "greedy")
    agree = sum(argmax(rows[len(prompt) - 1 + i]) == out[i] for i in range(len(out)))
    check(rc == 0 and len(out) == 12 and agree == 12, "greedy = argmax (%d/12)" % agree)
    print("  --temp 0: %r, %d/%d tokens = argmax of rwkv logits" % (out, agree, len(out)))

    # --stop: the output is the unstopped output cut before the stop string
    full = run(["-m", m, "-p", "Once upon a time", "-n", "60", "--seed", "3", "-q"],
               binary=binary)[1]
    stop = full[20:23]
    cut = run(["-m", m, "-p", "Once upon a time", "-n", "60", "--seed", "3", "-q", "--stop",
               stop], binary=binary)[1]
    if True:
        check(cut == full[:full.index(stop)], "--stop %r: %r vs %r" % (stop, cut, full))
        print("  --stop %r: %d bytes printed (stop at byte %d)" % (stop, len(cut), full.index(stop)))

    # | head ends quietly (exit 0, nothing on stderr)
    for attempt in range(10):  # 126: the binary is being rebuilt by a concurrent `make`
        p = subprocess.run("'%s' -m '%s' -p 'x' -n 100000 -q --seed 1 | head -c 5 >/dev/null; "
                           "echo ${PIPESTATUS:-}" % (binary, m), shell=True,
                           executable="/bin/bash", stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=120)
        status = p.stdout.decode().strip()
        if status != "126":
            break
        time.sleep(1)
    check(status == "0" and p.stderr == b"", "| head: exit %r, stderr %r" % (status, p.stderr))
    print("  | head -c 5: exit %s, stderr %r" % (status, p.stderr.decode()))

    # --state-out then --state-in == one run over the whole text
    st = os.path.join(BUILD, "cli-gen.state")
    rc, o1, e = run(["-m", m, "-p", "It was a dark", "-n", "15", "--temp", "0", "-q",
                     "--state-out", st], binary=binary)
    rc2, o2, e2 = run(["-m", m, "--state-in", st, "-p", " and stormy", "-n", "30", "--seed", "5",
                       "-q"], binary=binary)
    whole = b"It was a dark" + o1 + b" and stormy"
    wf = os.path.join(BUILD, "cli-gen-whole.txt")
    with open(wf, "wb") as f:
        f.write(whole)
    rc3, o3, e3 = run(["-m", m, "-f", wf, "-n", "30", "--seed", "5", "-q"], binary=binary)
    check(rc == 0 and rc2 == 0 and rc3 == 0 and o2 == o3,
          "state-out/in continuation %r != uninterrupted %r (%s %s)" % (o2, o3, e2, e3))
    print("  state-out + state-in continuation identical to the uninterrupted run: %s" % (o2 == o3))
    rc, _, err = run(["-m", m, "--state-in", st, "-p", "", "-n", "3"], binary=binary)
    check(rc == 2, "--state-in with an empty prompt is a usage error")
    rc, _, err = run(["-m", m, "--state-in", os.path.join(BUILD, "cli-junk.gguf"), "-p", "a"],
                     binary=binary)
    check(rc == 1 and err.startswith("rwkv: error:"), "bad state file: " + err)


def chat_transcript(out):
    """[(user, reply)] from a piped chat's stdout."""
    turns = re.findall(rb"User: (.*?)\n\nAssistant:(.*?)\n\n(?=User: |\Z)", out, re.S)
    return turns


def test_chat(m, binary=RWKV):
    section("chat through a pipe")
    opts = ["chat", "-m", m, "--temp", "0", "--presence-penalty", "0.7",
            "--frequency-penalty", "0.5", "-n", "60"]
    msgs = b"Hello there\n\nHow are you today?\nTell me\\\n\\\n  a story\n"
    rc, out, err = run(opts, stdin=msgs, binary=binary)
    turns = chat_transcript(out)
    check(rc == 0 and len(turns) == 3, "3 turns expected, got %d: %r %s" % (len(turns), out, err))
    check([t[0] for t in turns] == [b"Hello there", b"How are you today?", b"Tell me\na story"],
          "user turns (blank lines in a message collapsed): %r" % [t[0] for t in turns])
    check(all(b"\n\n" not in t[1] for t in turns), "no blank line inside a reply")
    print("  %d turns: %r" % (len(turns), [(t[0], t[1][:30]) for t in turns]))

    # the history is kept: reply 2 = generate on the whole transcript so far (same penalties,
    # fresh per reply in both)
    if len(turns) >= 2:
        prefix = b"User: Hello there\n\nAssistant:" + turns[0][1] + \
            b"\n\nUser: How are you today?\n\nAssistant:"
        pf = os.path.join(BUILD, "cli-chat-prefix.txt")
        with open(pf, "wb") as f:
            f.write(prefix)
        rc, o, e = run(["-m", m, "-f", pf, "--temp", "0", "--presence-penalty",
                        "0.7", "--frequency-penalty", "0.5", "-n", "60", "--stop", "\n\n",
                        "-q"], binary=binary)
        check(o == turns[1][1], "chat reply 2 %r != generate on the transcript %r" %
              (turns[1][1], o))
        print("  reply 2 = generate(whole transcript as a prompt): %s" % (o == turns[1][1]))

    # /save + /load resume identically
    st = os.path.join(BUILD, "cli-chat.state")
    if os.path.exists(st):
        os.remove(st)
    rc, a, ea = run(opts, stdin=b"Hello there\n/save %s\nWhat is your name?\n" % st.encode(),
                    binary=binary)
    rc2, b, eb = run(opts, stdin=b"/load %s\nWhat is your name?\n" % st.encode(), binary=binary)
    ta, tb = chat_transcript(a), chat_transcript(b)
    check(len(ta) == 2 and len(tb) == 1 and ta[1] == tb[0],
          "/save + /load: %r vs %r (%s %s)" % (ta, tb, ea, eb))
    print("  /save then /load: resumed reply identical: %s" % (len(ta) == 2 and len(tb) == 1 and
                                                            ta[1] == tb[0]))
    # /reset forgets: the reply after /reset = the reply in a fresh chat
    rc, c, _ = run(opts, stdin=b"Hello there\n/reset\nWhat is your name?\n", binary=binary)
    rc, d, _ = run(opts, stdin=b"What is your name?\n", binary=binary)
    tc, td = chat_transcript(c), chat_transcript(d)
    check(len(tc) == 2 and len(td) == 1 and tc[1] == td[0], "/reset")
    rc, e, err = run(opts, stdin=b"/load /nonexistent/state\n/quit\nnot read\n", binary=binary)
    check(rc == 0 and "rwkv: error:" in err and b"not read" not in e, "bad /load and /quit")

    # --think / --fake-think: each reply starts with G1's think tag, fed and shown; the reply
    # is what generate writes after the same text
    for flag, start in (("--think", b" <think"), ("--fake-think", b" <think>\n</think")):
        rc, o, err = run(opts + [flag], stdin=b"Hello there\nWhat is your name?\n",
                         binary=binary)
        turns = re.findall(rb"User: (.*?)\n\nAssistant:(.*?)\n\n(?=User: |\Z)", o, re.S)
        ok = rc == 0 and len(turns) == 2 and all(t[1].startswith(start) for t in turns)
        if ok:
            pf = os.path.join(BUILD, "cli-chat-think.txt")
            with open(pf, "wb") as f:
                f.write(b"User: Hello there\n\nAssistant:" + start)
            rc, g, e = run(["-m", m, "-f", pf, "--temp", "0", "--presence-penalty", "0.7",
                            "--frequency-penalty", "0.5", "-n", "60", "--stop", "\n\n", "-q"],
                           binary=binary)
            ok = g == turns[0][1][len(start):]
        check(ok, "chat %s: replies start with %r and continue as generate does: %r %s"
              % (flag, start, o[:300], err))
    print("  --think / --fake-think: the think tag fed and shown, the reply generate's")


def second_sigint(p):
    """Sends the second Ctrl-C and waits for the exit (again if two signals merged into one
    on a loaded machine)."""
    import signal
    for _ in range(5):
        p.send_signal(signal.SIGINT)
        try:
            p.communicate(timeout=5)
            return
        except subprocess.TimeoutExpired:
            pass
    p.kill()
    p.communicate()


def long_chat_reply(m):
    """A chat whose first reply runs until interrupted: (process, its output so far)."""
    p = subprocess.Popen([RWKV, "chat", "-m", m, "-n", "100000000", "--seed", "1",
                          "--presence-penalty", "0", "--frequency-penalty", "0", "--stop",
                          "\x01never"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=clean_env())
    p.stdin.write(b"Tell me a long story\n")
    p.stdin.flush()
    got = b""
    while b"Assistant:" not in got or len(got) < 200:
        chunk = os.read(p.stdout.fileno(), 4096)
        if not chunk:
            break
        got += chunk
    return p, got


def test_chat_interrupt(m):
    section("chat: Ctrl-C (SIGINT) interrupts a reply, not the chat")
    import signal
    st = os.path.join(BUILD, "cli-int.state")
    if os.path.exists(st):
        os.remove(st)
    p, got = long_chat_reply(m)
    p.send_signal(signal.SIGINT)
    time.sleep(0.3)
    try:
        rest, err = p.communicate(b"/save " + st.encode() + b"\n/quit\n", timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        rest, err = p.communicate()
    err = err.decode("utf-8", "replace")
    print("  exit %s, %d bytes of reply before SIGINT, stderr %r" %
          (p.returncode, len(got + rest), err.strip()[-80:]))
    check(p.returncode == 0 and "[interrupted]" in err and os.path.exists(st),
          "SIGINT during a reply: exit %s, stderr %r" % (p.returncode, err))
    # a second Ctrl-C (at the prompt, after the interrupted reply) ends the chat
    p, got = long_chat_reply(m)
    p.send_signal(signal.SIGINT)
    time.sleep(0.5)
    alive = p.poll() is None
    second_sigint(p)
    check(alive and p.returncode == 130, "chat: Ctrl-C, Ctrl-C: alive after the first %s, exit %s"
          % (alive, p.returncode))
    print("  a second Ctrl-C at the prompt: exit %s" % p.returncode)


def test_chat_long_message(m):
    section("chat on a terminal: a long message draws a progress line, then the reply")
    p, master = pty_spawn(["chat", "-m", m, "-n", "4"], stdin_tty=True, stdout_tty=True,
                          stderr_tty=True)
    message = bytes(65 + i % 26 for i in range(1500))  # 1500 byte-level tokens and more
    os.write(master, message + b"\n")
    got = pty_read(master, until=b"Assistant:", timeout=60)
    os.write(master, b"/quit\n")
    got += pty_read(master, timeout=30)
    p.wait()
    os.close(master)
    at = got.rfind(b"prompt tokens")
    check(p.returncode == 0 and at >= 0 and b"Assistant:" in got[at:] and
          re.search(rb"\r +\r", got[at:]) is not None,
          "chat progress: exit %s, %r" % (p.returncode, got[-300:]))
    print("  a 1500-token message: progress drawn and cleared before the reply: %s"
          % (at >= 0))


def test_perplexity(m):
    section("perplexity = the value from rwkv logits --seq")
    lam = os.path.join(SHARED, "text", "lambada_test.jsonl")
    if os.path.exists(lam):
        src = open(lam, "rb").read()[:700]
    else:  # without ../shared: the README, any English text does
        src = open(os.path.join(ROOT, "README.md"), "rb").read()[:700]
    path = os.path.join(BUILD, "cli-ppl.txt")
    with open(path, "wb") as f:
        f.write(src)
    ids = list(src)
    rows = logits_rows(m, ids, "ppl")
    nll = -sum(log_softmax_at(rows[i], ids[i + 1]) for i in range(len(ids) - 1))
    n = len(ids) - 1
    ref_ppl, ref_bpb = math.exp(nll / n), nll / math.log(2) / n
    rc, out, err = run(["perplexity", "-m", m, "-f", path])
    text = out.decode()
    got_ppl = float(re.search(r"perplexity:\s+([\d.]+)", text).group(1))
    got_bpb = float(re.search(r"bits per byte:\s+([\d.]+)", text).group(1))
    got_n = int(re.search(r"tokens:\s+(\d+)", text).group(1))
    print("  %d tokens: rwkv perplexity %.6f (bpb %.6f); from logits --seq %.6f (bpb %.6f)" %
          (got_n, got_ppl, got_bpb, ref_ppl, ref_bpb))
    check(rc == 0 and got_n == n, "predicted token count")
    check(abs(got_ppl - ref_ppl) <= 1e-4 * ref_ppl, "perplexity differs")
    check(abs(got_bpb - ref_bpb) <= 1e-4 * ref_bpb, "bits per byte differ")
    rc, out2, err = run(["perplexity", m, path])
    check(rc == 0 and out2.split(b"speed:")[0] == out.split(b"speed:")[0],
          "perplexity MODEL.gguf FILE = -m MODEL.gguf -f FILE: %r" % err)
    # --ctx: chunks from fresh states
    ctx = 300
    nll2 = cnt = 0
    for s in range(0, len(ids), ctx):
        chunk = ids[s:s + ctx]
        if len(chunk) < 2:
            continue
        r = logits_rows(m, chunk, "ppl%d" % s)
        nll2 -= sum(log_softmax_at(r[i], chunk[i + 1]) for i in range(len(chunk) - 1))
        cnt += len(chunk) - 1
    rc, out, err = run(["perplexity", "-m", m, "-f", path, "--ctx", str(ctx)])
    got = float(re.search(r"perplexity:\s+([\d.]+)", out.decode()).group(1))
    print("  --ctx %d: rwkv %.6f, from logits %.6f (%d tokens)" % (ctx, got, math.exp(nll2 / cnt), cnt))
    check(abs(got - math.exp(nll2 / cnt)) <= 1e-4 * got, "--ctx perplexity differs")


def test_lambada(models):
    section("lambada")
    lam = os.path.join(SHARED, "text", "lambada_test.jsonl")
    if not os.path.exists(lam):
        print("  skipped: ../shared/text is absent")
        return
    t = time.time()
    rc, out, err = run(["lambada", "-m", models["micro"], "-f", lam])
    text = out.decode()
    mt = re.search(r"passages:\s+(\d+)", text)
    print("  micro model, all passages: %s(%.1f s)" % (text.replace("\n", "; "), time.time() - t))
    check(rc == 0 and mt and int(mt.group(1)) == 5153, "lambada passage count: " + text + err)
    if "tiny" not in models:
        return
    # the first few passages by hand through rwkv logits
    import json
    m = models["tiny"]
    k = 4
    docs = [json.loads(line)["text"] for line in open(lam, encoding="utf-8").readlines()[:k]]
    tot = 0.0
    correct = 0
    for i, d in enumerate(docs):
        ctx, word = d.rsplit(" ", 1)
        src = [0] + list(ctx.encode())
        dst = list((" " + word).encode())
        rows = logits_rows(m, src + dst, "lam%d" % i)
        lp = sum(log_softmax_at(rows[len(src) - 1 + j], dst[j]) for j in range(len(dst)))
        ok = all(argmax(rows[len(src) - 1 + j]) == dst[j] for j in range(len(dst)))
        tot += lp
        correct += ok
    ref_ppl = math.exp(-tot / k)
    rc, out, err = run(["lambada", "-m", m, "-f", lam, "--limit", str(k)])
    text = out.decode()
    got_ppl = float(re.search(r"perplexity:\s+([\d.e+]+)", text).group(1))
    got_acc = re.search(r"accuracy:\s+[\d.]+ \((\d+)/(\d+)\)", text)
    print("  tiny v7, %d passages: rwkv ppl %.4f acc %s/%s; from logits ppl %.4f acc %d/%d" %
          (k, got_ppl, got_acc.group(1), got_acc.group(2), ref_ppl, correct, k))
    check(abs(got_ppl - ref_ppl) <= 1e-3 * ref_ppl + 1e-3, "lambada perplexity differs")
    check(int(got_acc.group(1)) == correct and int(got_acc.group(2)) == k, "lambada accuracy")


def test_bench(m):
    section("bench")
    rc, out, err = run(["bench", "-m", m, "--repeat", "1", "--prompt-tokens", "64",
                        "--gen-tokens", "8"])
    text = out.decode()
    print("  " + text.replace("\n", "\n  ").rstrip())
    check(rc == 0 and re.search(r"prompt:\s+[\d.]+ tokens/s", text) and
          re.search(r"generation:\s+[\d.]+ ms/token", text) and "GB/s" in text and
          re.search(r"build:\s+float kernels ", text), "bench output")



# ---- issue 13: terminal behaviour, flags, warnings, llama-cli options; the default model -----

def pty_spawn(args, stdin_tty=False, stdout_tty=False, stderr_tty=False, cols=80, env=None,
              binary=RWKV):
    """Starts the CLI with the chosen streams on a pseudo-terminal of `cols` columns; the others
    are pipes. Returns (process, master fd)."""
    import fcntl
    import pty
    import termios
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
    p = subprocess.Popen([binary] + args, stdin=slave if stdin_tty else subprocess.PIPE,
                         stdout=slave if stdout_tty else subprocess.PIPE,
                         stderr=slave if stderr_tty else subprocess.PIPE,
                         env=env if env is not None else clean_env(), close_fds=True)
    os.close(slave)
    return p, master


def pty_read(master, until=None, timeout=60.0):
    """Reads the terminal side until `until` (bytes) appeared, or EOF, or the timeout."""
    import select
    got = b""
    end = time.time() + timeout
    while time.time() < end and (until is None or until not in got):
        r, _, _ = select.select([master], [], [], 0.2)
        if not r:
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: every slave end is closed
            break
        if not chunk:
            break
        got += chunk
    return got


def screen(data, cols):
    """A tiny terminal: the visible lines after `data` (\\r, \\n, overwriting), and the widest
    column written."""
    lines, row, col, widest = [[]], 0, 0, 0
    for ch in data.decode("utf-8", "replace"):
        if ch == "\r":
            col = 0
        elif ch == "\n":
            row += 1
            col = 0
            if row == len(lines):
                lines.append([])
        else:
            line = lines[row]
            while len(line) <= col:
                line.append(" ")
            line[col] = ch
            col += 1
            widest = max(widest, col)
    return ["".join(line).rstrip() for line in lines], widest


def test_progress(models):
    section("progress line on a terminal: clears what it drew, fits the width (item 1)")
    src = os.path.join(BUILD, "cli-progress.txt")
    with open(src, "wb") as f:
        f.write(b"In the beginning God created the heaven and the earth. " * 40)
    lam = os.path.join(SHARED, "text", "lambada_test.jsonl")
    runs = [(["perplexity", "-m", models["micro"], "-f", src, "--ctx", "64"], 80),
            (["perplexity", "-m", models["micro"], "-f", src, "--ctx", "64"], 50),
            (["perplexity", "-m", models["micro"], "-f", src], 200),
            (["bench", "-m", models["micro"], "--prompt-tokens", "64", "--gen-tokens", "8"], 80)]
    if os.path.exists(lam):
        runs.append((["lambada", "-m", models["micro"], "-f", lam, "--limit", "100"], 80))
    for args, cols in runs:
        p, master = pty_spawn(args, stderr_tty=True, cols=cols)
        err = pty_read(master)
        out = p.stdout.read()
        p.wait()
        os.close(master)
        lines, widest = screen(err, cols)
        check(p.returncode == 0 and b"[" in err and b"#" in err, "%s: progress drawn: %r" %
              (args[0], err[:200]))
        check(all(not ln for ln in lines), "%s (%d columns): leftovers on the terminal: %r" %
              (args[0], cols, lines))
        check(widest <= cols - 1, "%s: the bar is %d columns on a %d-column terminal" %
              (args[0], widest, cols))
        print("  %-10s %3d columns: widest line %d, screen after the run %r, stdout %d bytes" %
              (args[0], cols, widest, [ln for ln in lines if ln], len(out)))


def test_long_prompt(m):
    section("a long prompt: fed in pieces of whole blocks (one call's bits), a progress line")
    data = bytes((i * 7 + i // 13) % 200 + 32 for i in range(5000))  # byte-level: 5000 tokens
    path = os.path.join(BUILD, "cli-long-prompt.txt")
    with open(path, "wb") as f:
        f.write(data)
    rc, out, err = run(["-m", m, "-f", path, "-n", "1", "--temp", "0", "-q"])
    rows = logits_rows(m, list(data), "long", seq=True)  # one rwkv_eval_seq call
    check(rc == 0 and len(out) == 1 and out[0] == argmax(rows[-1]),
          "the first token after 5000 prompt tokens: %r, argmax of one call's logits %d"
          % (out, argmax(rows[-1])))
    p, master = pty_spawn(["-m", m, "-f", path, "-n", "2", "-q"], stderr_tty=True, cols=80)
    err = pty_read(master)
    p.stdout.read()
    p.wait()
    os.close(master)
    lines, widest = screen(err, 80)
    check(p.returncode == 0 and b"prompt tokens" in err and b"5000/5000" in err,
          "prompt progress drawn: %r" % err[-200:])
    check(all(not ln for ln in lines) and widest <= 79, "prompt progress left %r" % lines)
    print("  5000 tokens: the first greedy token is one call's argmax; the progress line drawn "
          "and cleared (widest %d)" % widest)
    # Ctrl-C while a long prompt is read: stops between pieces (the bundled model reads ~10k
    # tokens/s, so 30000 take seconds)
    bundled = os.path.join(ROOT, "models", "kjv-v7.gguf")
    if os.path.exists(bundled):
        import signal
        with open(path, "wb") as f:
            f.write(b"And God said, Let there be light: and there was light. " * 550)
        p, master = pty_spawn(["-m", bundled, "-f", path, "-n", "5"], stderr_tty=True,
                              env=clean_env())
        got = pty_read(master, until=b"prompt tokens", timeout=60)
        p.send_signal(signal.SIGINT)
        got += pty_read(master, timeout=60)
        p.stdout.read()
        p.wait()
        os.close(master)
        fed = re.search(rb"prompt: (\d+) tokens", got)
        check(p.returncode == 0 and b"[interrupted]" in got and fed and
              int(fed.group(1)) < 30250 and int(fed.group(1)) % 1024 == 0,
              "Ctrl-C in a long prompt: exit %s, %r" % (p.returncode, got[-300:]))
        print("  Ctrl-C while reading a 30250-token prompt: stopped after %s tokens"
              % (fed.group(1).decode() if fed else "?"))


def test_flag_meanings(m):
    section("one flag, one meaning: -t threads, -n count, logits --ids (item 5); error position "
            "(item 2); --state-out checked first (item 3)")
    rows1 = logits_rows(m, [1, 2, 3], "ids1")
    out = os.path.join(BUILD, "cli-ids-t2.f32")
    rc, _, err = run(["logits", "-m", m, "--ids", "1,2,3", "-t", "2", "-o", out])
    check(rc == 0 and read_f32(out) == tuple(x for r in rows1 for x in r),
          "logits -t 2 (threads) = -t 1: " + err)
    rc, _, err = run(["logits", "--no-mmap", "-m", m, "--ids", "1,2,3", "-o", out])
    check(rc == 0 and read_f32(out) == tuple(x for r in rows1 for x in r),
          "logits --no-mmap (the file read, not mapped) = mapped: " + err)
    rc, o, err = run(["-m", m, "-p", "abc", "-n", "7", "-q", "--seed", "2", "--no-mmap"])
    rc2, o2, err2 = run(["-m", m, "-p", "abc", "-n", "7", "-q", "--seed", "2"])
    check(rc == 0 and o == o2, "generate --no-mmap = mapped: %r %r %s" % (o, o2, err))
    rc, o, err = run(["-m", m, "-p", "abc", "-n", "7", "-q", "--seed", "2"])
    rc2, o2, err2 = run(["-m", m, "-p", "abc", "--n-predict", "7", "-q", "--seed", "2"])
    check(rc == 0 and len(o) == 7 and o == o2, "-n / --n-predict count the generated tokens")
    rc, _, err = run(["logits", "-m", m, "--ids", "1,2,999", "-o", out])
    check(rc == 1 and "token 999 (position 2)" in err, "logits error position: " + err)
    print("  logits --ids 1,2,999: %s" % err.strip())
    bad = "/nonexistent-dir/sub/out.state"
    for args in (["-m", m, "-p", "x", "-n", "100000000", "--state-out", bad],
                 ["logits", "-m", m, "--ids", "1,2", "-o", out, "--state-out", bad]):
        t = time.time()
        rc, o, err = run(args)
        check(rc == 1 and "'%s'" % bad in err and ".tmp" not in err and o == b"" and
              time.time() - t < 30, "--state-out to a missing directory: exit %d, %r" % (rc, err))
    print("  --state-out %s: %s" % (bad, err.strip()))


def test_generate_interrupt(m):
    section("generate: the first Ctrl-C stops cleanly (stats, --state-out), a second exits "
            "(item 4)")
    import signal
    st = os.path.join(BUILD, "cli-gen-int.state")
    if os.path.exists(st):
        os.remove(st)
    greedy = ["--temp", "0", "--presence-penalty", "0", "--frequency-penalty", "0"]
    p = subprocess.Popen([RWKV, "-m", m, "-p", "It was", "-n", "100000000", "--state-out", st,
                          "--seed", "4"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=clean_env())
    got = b""
    while len(got) < 150:
        chunk = os.read(p.stdout.fileno(), 4096)
        if not chunk:
            break
        got += chunk
    p.send_signal(signal.SIGINT)
    rest, err = p.communicate(timeout=60)
    err = err.decode("utf-8", "replace")
    printed = got + rest
    check(p.returncode == 0 and "[interrupted]" in err and "generated:" in err and
          os.path.exists(st), "SIGINT in generate: exit %s, stderr %r" % (p.returncode, err))
    # the saved state continues exactly after the printed text
    rc, o1, e1 = run(["-m", m, "--state-in", st, "-p", " and", "-n", "20", "-q"] + greedy)
    whole = os.path.join(BUILD, "cli-gen-int.txt")
    with open(whole, "wb") as f:
        f.write(b"It was" + printed + b" and")
    rc2, o2, e2 = run(["-m", m, "-f", whole, "-n", "20", "-q"] + greedy)
    check(rc == 0 and rc2 == 0 and o1 == o2, "state after SIGINT: %r != %r" % (o1, o2))
    print("  SIGINT after %d bytes: exit %d, stats %r, --state-out continues exactly: %s" %
          (len(printed), p.returncode, err.strip().splitlines()[-1][:70], o1 == o2))
    # -i: the first Ctrl-C hands control back, input continues; a second one at the input exits
    p = subprocess.Popen([RWKV, "-m", m, "-i", "-p", "It was", "-n", "100000000", "--seed", "4",
                          "-q"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=clean_env())
    os.read(p.stdout.fileno(), 100)
    p.send_signal(signal.SIGINT)
    time.sleep(0.5)
    p.stdin.write(b"more\n")
    p.stdin.flush()
    got = b""
    while b"more\n" not in got:
        chunk = os.read(p.stdout.fileno(), 4096)
        if not chunk:
            break
        got += chunk
    time.sleep(0.3)
    still = p.poll() is None
    p.send_signal(signal.SIGINT)  # stops the second turn
    time.sleep(0.5)
    second_sigint(p)  # at the input, after an interruption: leaves
    check(still and b"more\n" in got and p.returncode == 130,
          "-i: Ctrl-C, input, Ctrl-C, Ctrl-C: running after input %s, exit %s" %
          (still, p.returncode))
    print("  -i: Ctrl-C returned control, the input was fed, a second Ctrl-C exited %s" %
          p.returncode)


def test_warnings(models):
    section("warnings: -t above the cores, chat without a chat vocabulary, control bytes (item 6)")
    m = models["micro"]
    cores = os.cpu_count() or 1
    rc, _, err = run(["-m", m, "-p", "x", "-n", "1", "-q", "-t", str(cores + 1)])
    check(rc == 0 and "more than the %d cores" % cores in err, "-t %d: %r" % (cores + 1, err))
    rc, _, err1 = run(["-m", m, "-p", "x", "-n", "1", "-q", "-t", "1"])
    check(rc == 0 and "warning" not in err1, "-t 1 warns: " + err1)
    print("  -t %d: %s" % (cores + 1, err.strip()))
    # a model larger than the memory ($RWKV_TEST_MEMORY stands in for it): said before the run
    rc, out, err = run(["-m", m, "-p", "x", "-n", "2", "-q"],
                       env=clean_env(RWKV_TEST_MEMORY="1000"))
    check(rc == 0 and "do not fit in this machine's memory" in err and "rwkv quantize" in err,
          "model larger than the memory: %r" % err)
    rc, out, err2 = run(["info", "-m", m], env=clean_env(RWKV_TEST_MEMORY="1000"))
    check(rc == 0 and "memory" not in err2, "info warns about the memory: %r" % err2)
    print("  model larger than the memory: %s" % err.strip()[:100])
    rc, _, err = run(["chat", "-m", m, "-n", "3"], stdin=b"hi\n")
    check(rc == 0 and "meant for World models" in err and "byte-level" in err, "chat: " + err)
    print("  chat, byte-level model: %s" % err.strip().splitlines()[0])
    if "world" in models:
        rc, _, err = run(["chat", "-m", models["world"], "-n", "3"], stdin=b"hi\n")
        check(rc == 0 and "World models" not in err, "chat with a World model warns: " + err)
    # ESC (27) made likely by a bias: raw into a pipe, escaped on a terminal; \t stays raw
    args = ["-m", m, "-p", "x", "-n", "6", "-q", "--temp", "0", "--logit-bias", "27+1000",
            "--logit-bias", "9+999.9", "--presence-penalty", "0", "--frequency-penalty", "0"]
    rc, piped, _ = run(args)
    p, master = pty_spawn(args, stdout_tty=True)
    shown = pty_read(master)
    p.wait()
    os.close(master)
    check(rc == 0 and piped == b"\x1b" * 6, "ESC into a pipe: %r" % piped)
    check(b"\x1b" not in shown and shown.count(b"\\x1b") == 6, "ESC on a terminal: %r" % shown)
    print("  6 x ESC: pipe %r, terminal %r" % (piped, shown))
    if sys.platform.startswith("linux") and os.path.exists("/proc/self/smaps"):
        # a model padded past 64 MiB and written 8 KiB at a time: cached in 4 KiB pages, which
        # the loader's probe sees; the run says so and what to do, info prints it, --no-mmap
        # does not warn
        padded = os.path.join(BUILD, "cli-micro-8k.gguf")
        data = open(m, "rb").read() + bytes(72 << 20)
        fd = os.open(padded, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        for i in range(0, len(data), 8192):
            os.write(fd, data[i:i + 8192])
        os.close(fd)
        # the warning's `dd` line helps only where the kernel reads a dropped file back in
        # 2 MiB folios (rwkv.c, cache_refills_huge: XFS since Linux 5.18, ext4 since 6.16);
        # elsewhere rwkv stays quiet and info shows the share alone
        fstype, best = "", ""
        real = os.path.realpath(padded)
        for line in open("/proc/self/mounts"):
            f = line.split()
            if len(f) > 2 and (real + "/").startswith(f[1].rstrip("/") + "/") and len(f[1]) >= len(best):
                best, fstype = f[1], f[2]
        kv = tuple(int(x) for x in re.findall(r"\d+", os.uname().release)[:2])
        refills = (fstype == "xfs" and kv >= (5, 18)) or (fstype == "ext4" and kv >= (6, 16))
        rc, _, err = run(["-m", padded, "-p", "x", "-n", "1", "-q"])
        if refills:
            check(rc == 0 and "cached in 4 KiB pages" in err and "iflag=nocache" in err and
                  "--no-mmap" in err, "a file in 4 KiB pages: " + err)
        else:
            check(rc == 0 and "warning" not in err, "%s on Linux %s: warns: %s" % (fstype, kv, err))
        print("  8 KiB-written file (%s, Linux %d.%d): %s" % (fstype, kv[0], kv[1],
                                                           err.strip()[:80] or "no warning"))
        rc, _, err = run(["-m", padded, "-p", "x", "-n", "1", "-q", "--no-mmap"])
        check(rc == 0 and "warning" not in err, "--no-mmap warns: " + err)
        rc, out, err = run(["info", "-m", padded])
        check(rc == 0 and re.search(r"weights from:\s+the file's map \(0% of the pieces probed "
                                    r"in 2 MiB pages" + (r": cached in 4 KiB pages" if refills
                                                         else r"\)"), out.decode()) and
              "warning" not in err, "info of a file in 4 KiB pages: %r %r" % (out, err))
        os.remove(padded)


def test_llama_options(models):
    section("-e, --verbose-prompt, --logit-bias, --color, -i, --reverse-prompt (item 7)")
    m = models.get("tiny", models["micro"])
    greedy = ["--temp", "0", "--presence-penalty", "0", "--frequency-penalty", "0", "-q"]
    rc, _, err = run(["-m", m, "-p", "A\\nB", "-e", "--verbose-prompt", "-n", "0"])
    check(rc == 0 and re.search(r"65 -> 'A'\n\s+10 -> '\\n'\n\s+66 -> 'B'", err),
          "-e --verbose-prompt: " + err)
    rc, _, err2 = run(["-m", m, "-p", "A\\nB", "--verbose-prompt", "-n", "0"])
    check(rc == 0 and "4 token(s)" in err2 and "92 -> '\\\\'" in err2, "without -e: " + err2)
    print("  -e -p 'A\\nB' --verbose-prompt: %r" % err.strip())
    # --logit-bias ID-inf: the greedy first byte never appears
    rc, g1, _ = run(["-m", m, "-p", "In the", "-n", "12"] + greedy)
    b = g1[0]
    rc, g2, err = run(["-m", m, "-p", "In the", "-n", "12", "--logit-bias", "%d-inf" % b] + greedy)
    check(rc == 0 and len(g2) == 12 and b not in g2, "--logit-bias %d-inf: %r" % (b, g2))
    rc, g3, _ = run(["-m", m, "-p", "In the", "-n", "4", "--logit-bias", "90+100"] + greedy)
    check(g3 == b"ZZZZ", "--logit-bias 90+100: %r" % g3)
    print("  greedy %r; with %d-inf %r; with 90+100 %r" % (g1, b, g2, g3))
    # --color: the prompt in yellow on a terminal, nothing added into a pipe
    p, master = pty_spawn(["-m", m, "-p", "In the", "-n", "5", "--color"] + greedy,
                          stdout_tty=True)
    shown = pty_read(master)
    p.wait()
    os.close(master)
    rc, piped, _ = run(["-m", m, "-p", "In the", "-n", "5", "--color"] + greedy)
    check(shown.startswith(b"\x1b[33mIn the\x1b[0m" + g1[:5]), "--color on a terminal: %r" % shown)
    check(piped == g1[:5], "--color into a pipe: %r" % piped)
    print("  --color: terminal %r, pipe %r" % (shown, piped))
    # -i through a pipe: the line read is fed after the output and generation continues
    rc, out, err = run(["-m", m, "-p", "In the", "-n", "12", "-i"] + greedy, stdin=b"And\n")
    whole = os.path.join(BUILD, "cli-i.txt")
    with open(whole, "wb") as f:
        f.write(b"In the" + g1 + b"And\n")
    rc2, cont, _ = run(["-m", m, "-f", whole, "-n", "12"] + greedy)
    check(rc == 0 and out == g1 + b"And\n" + cont, "-i: %r vs %r + And + %r" % (out, g1, cont))
    print("  -i: %r = output, the line read, the continuation of the whole text" % out)
    # --reverse-prompt: control comes back right after it (printed)
    rp = g1[3:6]
    rc, out, err = run(["-m", m, "-p", "In the", "-n", "12", "-i", "--reverse-prompt",
                        rp.decode("latin-1")] + greedy, stdin=b"")
    cut = g1[:g1.index(rp) + len(rp)]
    check(rc == 0 and out == cut, "--reverse-prompt %r: %r, expected %r" % (rp, out, cut))
    print("  --reverse-prompt %r: %r" % (rp, out))
    # -i on a terminal, with --color: the input is shown in green, Ctrl-D ends
    p, master = pty_spawn(["-m", m, "-p", "In the", "-n", "12", "-i", "--color"] + greedy,
                          stdin_tty=True, stdout_tty=True)
    first = pty_read(master, until=b"\x1b[32m")
    os.write(master, b"And\n")
    second = pty_read(master, until=cont[:12].replace(b"\n", b"\r\n") + b"\x1b[32m")
    os.write(master, b"\x04")
    rest = pty_read(master)
    p.wait()
    os.close(master)
    check(p.returncode == 0 and g1 in first and cont.replace(b"\n", b"\r\n") in second,
          "-i on a terminal: %r %r %r" % (first, second, rest))
    print("  -i on a terminal: exit %s, %r" % (p.returncode, (first + second)[-60:]))


def test_default_model(models):
    section("default model: $RWKV_MODEL, the bundled model, make install (issue 11)")
    bundled = os.path.join(ROOT, "models", "kjv-v7.gguf")
    if not os.path.exists(bundled):
        print("  skipped: models/kjv-v7.gguf is absent")
        return
    rc, out, err = run(["info"], cwd="/")
    text = out.decode()
    check(rc == 0 and "kjv-v7.gguf" in text and "bundled" in text, "info from /: " + text + err)
    print("  rwkv info (cwd /): %s" % " | ".join(text.splitlines()[:2]))
    rc, out, err = run(["info"], cwd="/", env=clean_env(RWKV_MODEL=models["micro"]))
    text = out.decode()
    check(rc == 0 and models["micro"] in text and "$RWKV_MODEL" in text, "RWKV_MODEL: " + text)
    rc, out, err = run(["info"], cwd="/", env=clean_env(RWKV_MODEL="/nonexistent/m.gguf"))
    check(rc == 1 and "/nonexistent/m.gguf" in err and "$RWKV_MODEL" in err,
          "a missing $RWKV_MODEL: exit %d %r" % (rc, err))
    rc, out, err = run(["info", "-m", bundled], env=clean_env(RWKV_MODEL=models["micro"]))
    check(rc == 0 and "chosen by:         -m" in out.decode(), "-m beats $RWKV_MODEL")
    rc, out, err = run(["info", models["micro"]], env=clean_env(RWKV_MODEL=bundled))
    check(rc == 0 and models["micro"] in out.decode() and "chosen by:         argument" in
          out.decode(), "a bare .gguf argument is the model: %r" % out)
    for cmd in ([], ["generate"]):
        rc, o1, _ = run(cmd + [bundled, "-p", "In the", "-n", "12", "--seed", "3", "-q"],
                        env=clean_env(RWKV_MODEL=models["micro"]))
        rc2, o2, _ = run(cmd + ["-m", bundled, "-p", "In the", "-n", "12", "--seed", "3", "-q"])
        check(rc == 0 and o1 == o2 and len(o1) == 12, "%r MODEL.gguf = -m MODEL.gguf" % cmd)
    rc, out, err = run(["tokenize", bundled], stdin=b"In")
    check(rc == 0 and out == b"73 110\n", "tokenize MODEL.gguf reads standard input: %r" % out)
    print("  a bare MODEL.gguf argument: info, generate, tokenize take it as -m")
    rc, out, err = run(["-p", "In the beginning", "-n", "5", "--seed", "1"], cwd="/")
    check(rc == 0 and "kjv-v7.gguf (bundled" in err, "summary line names the model: " + err)
    print("  generate summary: %s" % err.strip())
    lonely = os.path.join(BUILD, "cli-lonely")
    os.makedirs(lonely, exist_ok=True)
    subprocess.run(["cp", RWKV, os.path.join(lonely, "rwkv")], check=True)
    rc, out, err = run(["info"], binary=os.path.join(lonely, "rwkv"), cwd="/")
    check(rc == 2 and "-m MODEL" in err and "$RWKV_MODEL" in err and "convert_pth.py" in err,
          "no model anywhere: exit %d %r" % (rc, err))
    print("  no model: exit %d, %s" % (rc, err.strip().splitlines()[0]))
    dest = os.path.join(BUILD, "cli-install")
    subprocess.run(["rm", "-rf", dest], check=True)
    r = subprocess.run(["make", "-s", "install", "DESTDIR=" + dest, "PREFIX=/opt/rwkv"], cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    binary = os.path.join(dest, "opt", "rwkv", "bin", "rwkv")
    check(r.returncode == 0 and os.path.exists(binary) and
          os.path.exists(os.path.join(dest, "opt", "rwkv", "include", "rwkv.h")),
          "make install: " + r.stdout.decode())
    rc, out, err = run(["info"], binary=binary, cwd="/")
    text = out.decode()
    check(rc == 0 and "share/rwkv/kjv-v7.gguf" in text and "bundled" in text,
          "installed binary: " + text + err)
    rc, o1, _ = run(["-p", "In the", "-n", "20", "--seed", "9", "-q"], binary=binary, cwd="/")
    rc2, o2, _ = run(["-m", bundled, "-p", "In the", "-n", "20", "--seed", "9", "-q"])
    check(rc == 0 and o1 == o2 and len(o1) == 20, "installed binary generates what rwkv does")
    print("  make install DESTDIR=... PREFIX=/opt/rwkv: %s" % text.splitlines()[0])


def test_readme_matches_help():
    section("README command reference matches --help")
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    missing = []
    for sub in SUBCOMMANDS:
        text = run([sub, "--help"])[1].decode()
        for o in sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", text)) - {"--help"}):
            if o not in readme:
                missing.append("%s %s" % (sub, o))
    check(not missing, "options in --help missing from README.md: %s" % missing)
    code = "\n".join(re.findall(r"```sh\n(.*?)```", readme, re.S))
    stale = re.findall(r"rwkv logits[^\n]* -t \d+,|--tokens", code)
    check(not stale, "README still uses the old flags: %r" % stale)
    print("  every option of every --help is in README.md; old flags gone from its examples: %s"
          % (not stale))


def main():
    if not os.path.exists(RWKV):
        print("no rwkv binary at " + RWKV)
        return 1
    models = build_models()
    test_help()
    test_readme_matches_help()
    test_usage_errors(models["micro"])
    test_runtime_errors()
    test_own_file(models["micro"])
    test_tokenize(models)
    test_bench(models["micro"])
    test_lambada(models)
    test_progress(models)
    test_warnings(models)
    test_llama_options(models)
    test_default_model(models)
    test_long_prompt(models["micro"])
    test_chat_long_message(models["micro"])
    test_flag_meanings(models.get("tiny", models["micro"]))
    test_generate_interrupt(models.get("tiny", models["micro"]))
    if "tiny" in models:
        if os.path.isdir(os.path.join(SHARED, "fixtures", "tiny")):
            test_info_logits(models["tiny"])
        test_generate(models["tiny"])
        test_chat(models["tiny"])
        test_chat_interrupt(models["tiny"])
        test_perplexity(models["tiny"])
        if os.path.exists(ASAN):
            section("sanitizer build (build/rwkv-asan): generate and chat")
            test_generate(models["micro"], binary=ASAN)
            test_chat(models["micro"], binary=ASAN)
    else:
        test_generate(models["micro"])
        test_chat(models["micro"])
    print("%d checks, %d failed" % (n_checks, len(failures)))
    if failures:
        return 1
    if "tiny" not in models:
        print("skip: ../shared is absent: only the micro-model checks ran (and passed)")
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main())
