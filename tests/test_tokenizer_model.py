#!/usr/bin/env python3
"""rwkv_tokenizer_new_from_model: small random GGUF models (tools/random_model.py) carrying the
World vocabulary, the Pile JSON, or no tokenizer (vocab 256 -> byte-level; vocab 1000 -> an
error saying to pass --vocab). Driven through build/test_tokenizer_fixtures --from-model.
Skips (77) when vocab/ or the binary is absent."""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "build", "test_tokenizer_fixtures")
VOCAB = os.path.join(ROOT, "vocab")  # the files that ship with the repository
PY = os.environ.get("PY", sys.executable)
WORLD = os.path.join(VOCAB, "rwkv_vocab_v20230424.txt")
PILE = os.path.join(VOCAB, "20B_tokenizer.json")

if not (os.path.exists(WORLD) and os.path.exists(PILE)):
    print("skip: vocab/ is absent")
    sys.exit(77)
if not os.path.exists(BIN):
    print("skip: %s not built (make test builds it)" % BIN)
    sys.exit(77)

failures = 0
cases = [  # (tokenizer, vocab size, expected output fragment, expected exit code, compare file)
    ("world", 65536, "kind world n_vocab 65530", 0, WORLD),
    ("pile", 50277, "kind pile n_vocab 50277", 0, PILE),
    ("none", 256, "kind bytes n_vocab 256", 0, None),
    ("none", 1000, "--vocab", 3, None),
]
with tempfile.TemporaryDirectory() as d:
    for tok, vocab, want, want_rc, compare in cases:
        path = os.path.join(d, "m-%s-%d.gguf" % (tok, vocab))
        r = subprocess.run([PY, os.path.join(ROOT, "tools", "random_model.py"), "--version", "7",
                            "--layers", "1", "--embd", "32", "--head-size", "32", "--vocab",
                            str(vocab), "--tokenizer", tok, "--dtype", "f16", path],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, env=dict(os.environ, RWKV_VOCAB_DIR=VOCAB))
        if r.returncode != 0:
            print("FAIL: random_model.py %s %d: %s" % (tok, vocab, r.stdout.strip()))
            failures += 1
            continue
        args = [BIN, "--from-model", path] + ([compare] if compare else [])
        r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        ok = r.returncode == want_rc and want in r.stdout
        print("%s tokenizer=%s vocab=%d: %s" % ("ok  " if ok else "FAIL", tok, vocab,
                                                r.stdout.strip().replace("\n", " | ")))
        failures += not ok
print("%d failures" % failures)
sys.exit(1 if failures else 0)
