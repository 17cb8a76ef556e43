#!/usr/bin/env python3
"""convert_pth.py finds the vocabularies that ship in vocab/, as in a fresh clone.

Self-contained (no ../shared): the converter and vocab/ are copied into an empty directory
with no ../shared next to it and no $RWKV_VOCAB_DIR, then generated checkpoints are
converted with the vocabulary chosen from the vocabulary size:
  - a v7 checkpoint with 65536 ids gets the World vocabulary (tokenizer.rwkv.world),
  - a v4 checkpoint with 50277 ids gets the Pile one (tokenizer.huggingface.json).
Each converted model must tokenize text exactly as the vocabulary file does through
`rwkv tokenize --vocab`, with fewer tokens than bytes, and decode back to the text.
Needs torch for tests/gen_checkpoint.py (skips without it).
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import conv_gguf  # noqa: E402

RWKV = os.environ.get("RWKV_BIN", os.path.join(ROOT, "rwkv"))
TEXT = "In the beginning God created the heaven and the earth. 起初，神创造天地。 x = 42;\n"
failures = 0


def check(ok, what):
    global failures
    if not ok:
        failures += 1
        print("FAIL: " + what)
    return ok


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def main():
    try:
        import torch  # noqa: F401
    except ImportError:
        print("skip: torch is needed to generate the checkpoints (apt-get install python3-torch)")
        return 77
    if not os.access(RWKV, os.X_OK):
        print("FAIL: %s not built (make)" % RWKV)
        return 1
    tmp = tempfile.mkdtemp(prefix="rwkv-test-vocab-")
    try:
        clone = os.path.join(tmp, "clone")
        os.mkdir(clone)
        shutil.copy(os.path.join(ROOT, "convert_pth.py"), clone)
        shutil.copytree(os.path.join(ROOT, "vocab"), os.path.join(clone, "vocab"))
        env = dict(os.environ)
        env.pop("RWKV_VOCAB_DIR", None)
        work = os.path.join(tmp, "work")  # cwd without ./vocab
        os.mkdir(work)
        for ver, n_vocab, key, fname in (
                ("7", 65536, "tokenizer.rwkv.world", "rwkv_vocab_v20230424.txt"),
                ("4", 50277, "tokenizer.huggingface.json", "20B_tokenizer.json")):
            pth = os.path.join(work, "v%s.pth" % ver)
            gguf = os.path.join(work, "v%s.gguf" % ver)
            r = run([sys.executable, os.path.join(HERE, "gen_checkpoint.py"), ver, pth,
                     "--layers", "1", "--embd", "64", "--head", "32", "--vocab", str(n_vocab)])
            if not check(r.returncode == 0, "gen_checkpoint v%s: %s" % (ver, r.stderr)):
                continue
            # the python3 on PATH without packages, isolated: the converter needs none
            r = run(["python3", "-I", "-S", os.path.join(clone, "convert_pth.py"), pth, gguf,
                     "-q"], cwd=work, env=env)
            if not check(r.returncode == 0, "convert v%s (%d ids) in a fresh clone: %s"
                         % (ver, n_vocab, r.stderr.decode(errors="replace"))):
                continue
            with open(os.path.join(ROOT, "vocab", fname), "rb") as f:
                want = f.read()
            g = conv_gguf.read(gguf)
            check(g.kv.get(key) == want, "v%s: %s is not vocab/%s verbatim" % (ver, key, fname))
            ids_model = run([RWKV, "tokenize", "-m", gguf], input=TEXT.encode())
            ids_vocab = run([RWKV, "tokenize", "--vocab", os.path.join(ROOT, "vocab", fname)],
                            input=TEXT.encode())
            ok = check(ids_model.returncode == 0 and ids_vocab.returncode == 0,
                       "v%s tokenize: %s %s" % (ver, ids_model.stderr, ids_vocab.stderr))
            if ok:
                ids = ids_model.stdout.split()
                check(ids_model.stdout == ids_vocab.stdout,
                      "v%s: the model's tokenizer differs from vocab/%s" % (ver, fname))
                check(0 < len(ids) < len(TEXT.encode()) // 2,
                      "v%s: %d tokens for %d bytes (not the real vocabulary?)"
                      % (ver, len(ids), len(TEXT.encode())))
                back = run([RWKV, "tokenize", "-m", gguf, "--decode"], input=ids_model.stdout)
                check(back.returncode == 0 and back.stdout == TEXT.encode(),
                      "v%s: decode does not give the text back: %r" % (ver, back.stdout[:80]))
                print("  v%s, %d ids -> %s embedded; %d tokens for %d bytes, round trip ok"
                      % (ver, n_vocab, fname, len(ids), len(TEXT.encode())))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
