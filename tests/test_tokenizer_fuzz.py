#!/usr/bin/env python3
"""Differential fuzz of the C tokenizers against independent Python references on random
strings built from hard pieces (space runs, newlines, NBSP and other Unicode spaces, combining
marks, NFD letters, Hangul jamo, CJK, emoji with ZWJ, contractions in both cases, special
tokens' text, digits, punctuation, invalid bytes for World):
  - World: greedy longest match over bytes with a dict (the TRIE_TOKENIZER rule, no trie);
  - Pile: Python `re` (a backtracking engine) with the GPT-2 pattern, character classes built
    from unicodedata, NFC from unicodedata, added tokens split leftmost-longest, and BPE done
    the GPT-2 way (merge every occurrence of the best pair, repeat) instead of the C heap.
Only characters assigned in Python's Unicode version are used, so the two Unicode versions
cannot disagree. Skips (77) without vocab/ or the binary.
Usage: test_tokenizer_fuzz.py [N_STRINGS] [SEED]"""
import ast
import json
import os
import random
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "build", "test_tokenizer_fixtures")
VOCAB = os.path.join(ROOT, "vocab")  # the files that ship with the repository
WORLD = os.path.join(VOCAB, "rwkv_vocab_v20230424.txt")
PILE = os.path.join(VOCAB, "20B_tokenizer.json")
N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 1

if not (os.path.exists(WORLD) and os.path.exists(PILE)):
    print("skip: vocab/ is absent")
    sys.exit(77)
if not os.path.exists(BIN):
    print("skip: %s not built (make test builds it)" % BIN)
    sys.exit(77)

# ---- World reference ---------------------------------------------------------------------
world = {}
for line in open(WORLD, encoding="utf-8"):
    i, j = line.index(" "), line.rindex(" ")
    x = ast.literal_eval(line[i:j].strip())
    world[x.encode("utf-8") if isinstance(x, str) else x] = int(line[:i])
max_len = max(map(len, world))


def world_encode(b):
    out, i = [], 0
    while i < len(b):
        for k in range(min(max_len, len(b) - i), 0, -1):
            t = world.get(b[i:i + k])
            if t is not None:
                out.append(t)
                i += k
                break
    return out


# ---- Pile reference ----------------------------------------------------------------------
cfg = json.load(open(PILE, encoding="utf-8"))
vocab = cfg["model"]["vocab"]
ranks = {tuple(m.split(" ", 1)): r for r, m in enumerate(cfg["model"]["merges"])}
bs = list(range(33, 127)) + list(range(161, 173)) + list(range(174, 256))
cs, n = bs[:], 0
for b in range(256):
    if b not in bs:
        bs.append(b)
        cs.append(256 + n)
        n += 1
byte_char = {b: chr(c) for b, c in zip(bs, cs)}
raw_added = sorted([(t["content"], t["id"]) for t in cfg["added_tokens"] if not t["normalized"]],
                   key=lambda x: -len(x[0]))
norm_added = sorted([(t["content"], t["id"]) for t in cfg["added_tokens"] if t["normalized"]],
                    key=lambda x: -len(x[0]))


def char_class(pred):
    ranges, start = [], None
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            ok = False
        else:
            ok = pred(chr(cp))
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            ranges.append((start, cp - 1))
            start = None
    if start is not None:
        ranges.append((start, 0x10FFFF))
    return "".join("\\U%08x" % a if a == b else "\\U%08x-\\U%08x" % (a, b) for a, b in ranges)


WS = set("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | set(chr(c) for c in range(0x2000, 0x200B))
L = char_class(lambda c: unicodedata.category(c) in ("Lu", "Ll", "Lt", "Lm", "Lo"))
Nn = char_class(lambda c: unicodedata.category(c) in ("Nd", "Nl", "No"))
S = char_class(lambda c: c in WS)
SPLIT = re.compile("'s|'t|'re|'ve|'m|'ll|'d| ?[%s]+| ?[%s]+| ?[^%s%s%s]+|[%s]+(?![^%s])|[%s]+"
                   % (L, Nn, S, L, Nn, S, S, S))


def split_added(text, table):
    """-> list of (str, id or None), leftmost-longest."""
    out, start, i = [], 0, 0
    while i < len(text):
        for content, tid in table:
            if text.startswith(content, i):
                out.append((text[start:i], None))
                out.append((content, tid))
                i += len(content)
                start = i
                break
        else:
            i += 1
    out.append((text[start:], None))
    return [p for p in out if p[0] or p[1] is not None]


def bpe(word):
    parts = [byte_char[b] for b in word.encode("utf-8")]
    while len(parts) > 1:
        best = min((ranks.get((a, b), 1 << 30), k) for k, (a, b) in enumerate(zip(parts, parts[1:])))
        if best[0] == 1 << 30:
            break
        a, b = parts[best[1]], parts[best[1] + 1]
        merged, k = [], 0
        while k < len(parts):
            if k + 1 < len(parts) and parts[k] == a and parts[k + 1] == b:
                merged.append(a + b)
                k += 2
            else:
                merged.append(parts[k])
                k += 1
        parts = merged
    return [vocab[p] for p in parts]


def pile_encode(text):
    out = []
    for seg, tid in split_added(text, raw_added):
        if tid is not None:
            out.append(tid)
            continue
        for seg2, tid2 in split_added(unicodedata.normalize("NFC", seg), norm_added):
            if tid2 is not None:
                out.append(tid2)
                continue
            pos = 0
            for m in SPLIT.finditer(seg2):
                assert m.start() == pos, "the pattern covers every character"
                pos = m.end()
                out.extend(bpe(m.group()))
    return out


# ---- random strings ---------------------------------------------------------------------
PIECES = ["the", " the", "The", " quick", "brown", "fox", "'s", "'S", "'re", "'RE", "'ll", "'d",
          "'ve", "'m", "'t", "don't", "DON'T", "I'm", " ", "  ", "   ", " " * 7, " " * 30, "\n",
          "\n\n", "\n\n\n", "\t", "\r\n", "\xa0", "\u3000", "\u2009", "\u200b", "\u2028",
          "\x85", "\x1c", "0", "42", " 1234567", "\u0661\u0662", "\u00bd", "\u2167", ".", ",",
          "!!", "?!", "...", "--", "(", ")", "\"", "'", "`", "$", "@", "#", "e\u0301",
          "a\u0323\u0302", "\u0301", "\u0308", "\u00e9", "\u00c5", "\u212b", "\u1100\u1161",
          "\u1100\u1161\u11a8", "\uac00", "\u4e2d\u6587", "\u65e5\u672c\u8a9e", " \u4e2d",
          "\u0645\u0631\u062d\u0628\u0627", "\u0928\u092e\u0938\u094d\u0924\u0947",
          "\u043f\u0440\u0438\u0432\u0435\u0442", "\u03b1\u03b2\u03b3", "\U0001f600",
          "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f44d\U0001f3fd", "\ufe0f",
          "<|endoftext|>", "<|padding|>", "<|endoftext", "|>", "<", "\u0958", "\ufb01",
          "\u2460", "x", "Z", "\u00df", "\u0130", "\u01c5", "_", "\\", "\x00", "\x7f"]


def random_text(rng):
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))


rng = random.Random(SEED)
texts = [random_text(rng) for _ in range(N)]
raw = [bytes(rng.randrange(256) for _ in range(rng.randint(0, 20))) for _ in range(N // 4)]


def run(vocab_path, items):
    data = "".join(x.hex() + "\n" for x in items)
    r = subprocess.run([BIN, "--encode", vocab_path], input=data, stdout=subprocess.PIPE,
                       universal_newlines=True)
    lines = r.stdout.split("\n")
    return [[int(t) for t in l.split()] if not l.startswith("error") else l for l in lines[:len(items)]]


def dump(vocab_path):
    r = subprocess.run([BIN, "--dump", vocab_path], stdout=subprocess.PIPE, universal_newlines=True)
    return r.stdout.split("\n")[:-1]


# every token's bytes, as the references read them
failures = 0
lines = dump(WORLD)
want = ["-"] * len(lines)
want[0] = " S"
for b, i in world.items():
    if i < len(want):
        want[i] = b.hex()
bad = sum(a != b for a, b in zip(lines, want)) + (len(lines) != max(world.values()) + 1)
print("World: %d token byte strings checked, %d differ" % (len(lines), bad))
failures += bad
lines = dump(PILE)
cb = {c: b for b, c in byte_char.items()}
want = ["-"] * len(lines)
for tok, i in vocab.items():
    want[i] = bytes(cb[c] for c in tok).hex()
for t in cfg["added_tokens"]:
    # HF's decoder maps an added token through the byte-level table when it can, else raw
    c = t["content"]
    b = bytes(cb[ch] for ch in c) if all(ch in cb for ch in c) else c.encode("utf-8")
    want[t["id"]] = b.hex() + (" S" if t["special"] else "")
bad = sum(a != b for a, b in zip(lines, want)) + (len(lines) != len(want))
print("Pile: %d token byte strings checked, %d differ" % (len(lines), bad))
failures += bad

got = run(WORLD, [t.encode("utf-8") for t in texts] + raw)
for item, ids in zip([t.encode("utf-8") for t in texts] + raw, got):
    want = world_encode(item)
    if ids != want:
        failures += 1
        if failures < 10:
            print("FAIL World %r: got %s want %s" % (item, ids, want))
got = run(PILE, [t.encode("utf-8") for t in texts])
pile_bad = 0
for text, ids in zip(texts, got):
    want = pile_encode(text)
    if ids != want:
        pile_bad += 1
        if pile_bad < 10:
            print("FAIL Pile %r: got %s want %s" % (text, ids, want))
failures += pile_bad
print("fuzz (seed %d): World %d strings (%d random byte strings), Pile %d strings; %d disagree"
      % (SEED, len(texts) + len(raw), len(raw), len(texts), failures))
sys.exit(1 if failures else 0)
