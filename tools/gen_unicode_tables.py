#!/usr/bin/env python3
"""Generates the Unicode tables of tokenizer.c (what the Pile / GPT-NeoX BPE tokenizer needs),
rewriting in place the part of tokenizer.c between the lines "/* BEGIN GENERATED" and
"/* END GENERATED */".

    python3 tools/gen_unicode_tables.py [--check | --stdout] [UCD_DIR]

UCD_DIR defaults to /usr/share/unicode (Debian's `unicode-data` package). --check only says
whether tokenizer.c is up to date (exit 1 when not); --stdout prints the part instead of
writing it. Standard library only.

What the tokenizer needs, and why:
  - letter / number / white-space classes for the GPT-2 split regex (\\p{L}, \\p{N}, \\s as the
    Oniguruma engine inside HuggingFace `tokenizers` defines them: L = Lu Ll Lt Lm Lo,
    N = Nd Nl No, \\s = the White_Space property);
  - NFC: canonical combining classes, full canonical decompositions (applied recursively here,
    Hangul left to the algorithm), primary composites minus Full_Composition_Exclusion;
  - a "may change under NFC" bit (NFC_Quick_Check != Yes or ccc != 0), so that text made only
    of code points without it skips normalization entirely;
  - an "assigned after Unicode 9.0" bit: HF tokenizers' NFC uses Unicode 9.0 tables (see below),
    and the Pile tokenizer reproduces that.
"""
import os
import re
import sys

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
MODE = ([a for a in sys.argv[1:] if a.startswith("--")] or ["--write"])[-1]
if MODE not in ("--write", "--check", "--stdout") or len(ARGS) > 1:
    sys.exit(__doc__)
UCD = ARGS[0] if ARGS else "/usr/share/unicode"
TOKENIZER_C = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tokenizer.c")
BEGIN, END = "/* BEGIN GENERATED", "/* END GENERATED */"


def ucd_lines(name):
    with open(os.path.join(UCD, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(";")]


def cp_range(field):
    if ".." in field:
        a, b = field.split("..")
        return range(int(a, 16), int(b, 16) + 1)
    return range(int(field, 16), int(field, 16) + 1)


def unicode_version():
    # DerivedNormalizationProps.txt starts with "# DerivedNormalizationProps-15.0.0.txt"
    with open(os.path.join(UCD, "DerivedNormalizationProps.txt"), encoding="utf-8") as f:
        m = re.search(r"DerivedNormalizationProps-(\d+\.\d+\.\d+)", f.readline())
    return m.group(1) if m else "unknown"


N_CP = 0x110000
category = ["Cn"] * N_CP
ccc = [0] * N_CP
decomp = {}  # canonical decomposition mappings only (no <compat> tag)

# UnicodeData.txt: ranges are given as "<Name, First>" / "<Name, Last>" pairs.
first = None
for f in ucd_lines("UnicodeData.txt"):
    cp = int(f[0], 16)
    name, gc, cc, dm = f[1], f[2], int(f[3]), f[5]
    if name.endswith(", First>"):
        first = cp
        continue
    lo = first if name.endswith(", Last>") else cp
    first = None
    for c in range(lo, cp + 1):
        category[c] = gc
        ccc[c] = cc
    if dm and not dm.startswith("<"):
        decomp[cp] = [int(x, 16) for x in dm.split()]

# The reference (HF tokenizers 0.23.2) splits with Unicode 16.0 classes. Debian's data here may
# be older; the letters of CJK Unified Ideographs Extension I (Unicode 15.1, U+2EBF0..U+2EE5D,
# all Lo) are added by hand when the data lacks them. Letters and digits new in Unicode 16.0
# (Garay, Gurung Khema, Kirat Rai, Ol Onal, Sunuwar, Todhri, Tulu-Tigalari, ...) are NOT
# covered: with 15.x data they split as "other" characters instead of letters/numbers.
for c in range(0x2EBF0, 0x2EE5E):
    if category[c] == "Cn":
        category[c] = "Lo"

white_space = set()
for f in ucd_lines("PropList.txt"):
    if f[1] == "White_Space":
        white_space.update(cp_range(f[0]))

# Code points assigned after Unicode 9.0. HuggingFace tokenizers (0.23.2 included) normalizes
# with the crate unicode-normalization-alignments 0.1.12, whose tables are Unicode 9.0: to it
# these are unassigned (no decomposition, combining class 0, never composed). Decompositions
# and combining classes of assigned characters never change (Unicode stability policy), so
# "Unicode 9.0 NFC" is exactly the tables below minus these code points.
newer_than_9 = set()
for f in ucd_lines("DerivedAge.txt"):
    if tuple(int(x) for x in f[1].split(".")) > (9, 0):
        newer_than_9.update(cp_range(f[0]))

full_excl = set()
nfc_qc_not_yes = set()
for f in ucd_lines("DerivedNormalizationProps.txt"):
    if f[1] == "Full_Composition_Exclusion":
        full_excl.update(cp_range(f[0]))
    elif f[1] == "NFC_QC" and f[2] in ("N", "M"):
        nfc_qc_not_yes.update(cp_range(f[0]))


def full_decomposition(cp):
    if cp not in decomp:
        return [cp]
    out = []
    for c in decomp[cp]:
        out.extend(full_decomposition(c))
    return out


# --- per code point property byte, two-stage table -------------------------------------
CLS_OTHER, CLS_L, CLS_N, CLS_S = 0, 1, 2, 3
NFC_BIT = 4
POST9_BIT = 8
prop = bytearray(N_CP)
for c in range(N_CP):
    gc = category[c]
    if c in white_space:
        v = CLS_S
    elif gc in ("Lu", "Ll", "Lt", "Lm", "Lo"):
        v = CLS_L
    elif gc in ("Nd", "Nl", "No"):
        v = CLS_N
    else:
        v = CLS_OTHER
    if c in nfc_qc_not_yes or ccc[c] != 0:
        v |= NFC_BIT
    if c in newer_than_9:
        v |= POST9_BIT
    prop[c] = v

blocks, block_index, stage1 = [], {}, []
for b in range(N_CP // 256):
    chunk = bytes(prop[b * 256:(b + 1) * 256])
    if chunk not in block_index:
        block_index[chunk] = len(blocks)
        blocks.append(chunk)
    stage1.append(block_index[chunk])
stage1_type = "uint8_t" if len(blocks) <= 256 else "uint16_t"

# --- NFC data ---------------------------------------------------------------------------
ccc_list = [(c, ccc[c]) for c in range(N_CP) if ccc[c] != 0]
decomp_list = sorted((c, full_decomposition(c)) for c in decomp)
compose = []
for c, d in decomp.items():
    if len(d) == 2 and c not in full_excl:
        compose.append(((d[0] << 21) | d[1], c))
compose.sort()


def emit_array(out, ctype, name, values, per_line=12, fmt=str):
    out.append("static const %s %s[%d] = {" % (ctype, name, len(values)))
    for i in range(0, len(values), per_line):
        out.append("    " + ", ".join(fmt(v) for v in values[i:i + per_line]) + ",")
    out.append("};")


ver = unicode_version()
out = []
out.append("%s by tools/gen_unicode_tables.py from the Unicode %s character database" % (BEGIN, ver))
out.append("   (Debian unicode-data: UnicodeData.txt, PropList.txt, DerivedNormalizationProps.txt,")
out.append("   DerivedAge.txt), plus CJK Extension I (Unicode 15.1) as letters. Do not edit: run")
out.append("   `python3 tools/gen_unicode_tables.py [UCD_DIR]`, which rewrites this part in place. */")
out.append("#if RWKV__UC_OTHER != %d || RWKV__UC_L != %d || RWKV__UC_N != %d || RWKV__UC_S != %d || \\"
           % (CLS_OTHER, CLS_L, CLS_N, CLS_S))
out.append("    RWKV__UC_NFC != %d || RWKV__UC_POST9 != %d" % (NFC_BIT, POST9_BIT))
out.append('#error "the RWKV__UC_* values differ from those of tools/gen_unicode_tables.py"')
out.append("#endif")
out.append("")
out.append("/* prop(cp) = rwkv__uprop_blocks[rwkv__uprop_stage1[cp >> 8]][cp & 255] */")
emit_array(out, stage1_type, "rwkv__uprop_stage1", stage1, 24)
out.append("static const uint8_t rwkv__uprop_blocks[%d][256] = {" % len(blocks))
for blk in blocks:
    out.append("  {")
    for i in range(0, 256, 32):
        out.append("    " + ",".join(str(v) for v in blk[i:i + 32]) + ",")
    out.append("  },")
out.append("};")
out.append("")
out.append("/* Canonical combining classes != 0, sorted by code point. */")
out.append("#define RWKV__N_CCC %d" % len(ccc_list))
emit_array(out, "uint32_t", "rwkv__ccc_cp", [c for c, _ in ccc_list], 10, lambda v: "0x%05X" % v)
emit_array(out, "uint8_t", "rwkv__ccc_val", [v for _, v in ccc_list], 20)
out.append("")
out.append("/* Full canonical decompositions (recursive, Hangul excluded), sorted by code point:")
out.append("   code point i decomposes to rwkv__decomp_pool[off[i] .. off[i+1]). */")
pool, offs = [], []
for c, d in decomp_list:
    offs.append(len(pool))
    pool.extend(d)
offs.append(len(pool))
out.append("#define RWKV__N_DECOMP %d" % len(decomp_list))
emit_array(out, "uint32_t", "rwkv__decomp_cp", [c for c, _ in decomp_list], 10, lambda v: "0x%05X" % v)
emit_array(out, "uint16_t", "rwkv__decomp_off", offs, 16)
emit_array(out, "uint32_t", "rwkv__decomp_pool", pool, 10, lambda v: "0x%05X" % v)
out.append("")
out.append("/* Primary composites: key (first << 21 | second) -> composite, sorted by key. */")
out.append("#define RWKV__N_COMPOSE %d" % len(compose))
emit_array(out, "uint64_t", "rwkv__compose_key", [k for k, _ in compose], 6, lambda v: "0x%011XULL" % v)
emit_array(out, "uint32_t", "rwkv__compose_val", [v for _, v in compose], 10, lambda v: "0x%05X" % v)
out.append(END)
part = "\n".join(out) + "\n"

if MODE == "--stdout":
    sys.stdout.write(part)
    sys.exit(0)
with open(TOKENIZER_C, encoding="utf-8") as f:
    lines = f.read().split("\n")
starts = [i for i, l in enumerate(lines) if l.startswith(BEGIN)]
ends = [i for i, l in enumerate(lines) if l == END]
if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
    sys.exit("%s: expected one line starting with %r and, after it, one line %r"
             % (TOKENIZER_C, BEGIN, END))
new = "\n".join(lines[:starts[0]]) + "\n" + part + "\n".join(lines[ends[0] + 1:])
old = "\n".join(lines)
if MODE == "--check":
    print("%s: Unicode tables %s" % (TOKENIZER_C, "up to date" if new == old else "OUT OF DATE"))
    sys.exit(0 if new == old else 1)
if new != old:
    with open(TOKENIZER_C, "w", encoding="utf-8") as f:
        f.write(new)
print("%s: Unicode %s tables %s" % (TOKENIZER_C, ver, "written" if new != old else "unchanged"))
