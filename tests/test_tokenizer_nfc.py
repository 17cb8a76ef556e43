#!/usr/bin/env python3
"""NFC conformance of the Pile tokenizer's normalizer: runs Unicode's NormalizationTest.txt
(Debian unicode-data, bz2-compressed) through build/test_tokenizer --nfc-conformance.
Skips (77) when the file or the binary is absent."""
import bz2
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "build", "test_tokenizer")
SRC = "/usr/share/unicode/NormalizationTest.txt.bz2"

if not os.path.exists(SRC):
    print("skip: %s absent (apt-get install unicode-data)" % SRC)
    sys.exit(77)
if not os.path.exists(BIN):
    print("skip: %s not built (make test builds it)" % BIN)
    sys.exit(77)
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "NormalizationTest.txt")
    with bz2.open(SRC, "rb") as f, open(path, "wb") as g:
        g.write(f.read())
    with open(path, encoding="utf-8") as f:
        print("%s (tokenizer.c's tables: see its generated part)" % f.readline().strip("# \n"))
    r = subprocess.run([BIN, "--nfc-conformance", path], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, universal_newlines=True)
    print(r.stdout, end="")
    sys.exit(0 if r.returncode == 0 else 1)
