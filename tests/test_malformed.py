#!/usr/bin/env python3
"""Malformed-model suite for the GGUF loader in rwkv.h, driven through the CLI:
`$RWKV_BIN info -m FILE` and `$RWKV_ASAN_BIN info -m FILE` (ASan + UBSan build).

From a small valid model written by tools/random_model.py (no ../shared needed) it derives
truncations at every section boundary and at random points, bad magic/versions, overflowing
counts, lengths, dims and offsets, unknown types, missing/duplicate tensors, contradicting
metadata, etc. Every case must exit non-zero (unless marked "may load": then it must only not
crash), print a one-line message on stderr, never die from a signal or hang, and produce no
sanitizer report. Prints a table of all cases.
"""

import concurrent.futures
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import conv_gguf  # noqa: E402

U64 = (1 << 64) - 1
SAN_MARKERS = ("ERROR: AddressSanitizer", "runtime error", "ERROR: LeakSanitizer",
               "AddressSanitizer:", "UndefinedBehaviorSanitizer")


def gstr(b):
    b = b if isinstance(b, bytes) else b.encode()
    return struct.pack("<Q", len(b)) + b


def kv_entry(key, vtype, value_bytes):
    return gstr(key) + struct.pack("<I", vtype) + value_bytes


def tinfo_entry(name, dims, gtype, offset, n_dims=None):
    return gstr(name) + struct.pack("<I", len(dims) if n_dims is None else n_dims) + \
        b"".join(struct.pack("<Q", d) for d in dims) + struct.pack("<IQ", gtype, offset)


class Model:
    """An editable copy of a parsed GGUF: KV entries and tensor infos as serialized bytes."""

    def __init__(self, g):
        d = bytes(g.data)
        self.kvs = []          # [key, serialized entry]
        for key in g.kv:
            s, e = g.kv_ranges[key]
            self.kvs.append([key, d[s:e]])
        self.tinfos = []       # [name, dims, type, offset]
        for n in g.order:
            t = g.tensors[n]
            self.tinfos.append([n, list(t.dims), t.type, t.offset])
        self.data = d[g.data_start:]
        self.g = g

    def kv_value(self, key):
        for k, e in self.kvs:
            if k == key:
                return e[8 + len(k.encode()) + 4:]
        raise KeyError(key)

    def set_kv(self, key, vtype, value_bytes):
        for item in self.kvs:
            if item[0] == key:
                item[1] = kv_entry(key, vtype, value_bytes)
                return self
        self.kvs.append([key, kv_entry(key, vtype, value_bytes)])
        return self

    def drop_kv(self, key):
        self.kvs = [kv for kv in self.kvs if kv[0] != key]
        return self

    def tinfo(self, name):
        for t in self.tinfos:
            if t[0] == name:
                return t
        raise KeyError(name)

    def serialize(self, n_kv=None, n_t=None, version=3, magic=b"GGUF", align=64,
                  raw_tinfos=None, extra_kv_bytes=b""):
        kvb = b"".join(e for _, e in self.kvs) + extra_kv_bytes
        if raw_tinfos is None:
            tib = b"".join(tinfo_entry(n, dims, t, o) for n, dims, t, o in self.tinfos)
        else:
            tib = raw_tinfos
        head = magic + struct.pack("<IQQ", version,
                                   len(self.tinfos) if n_t is None else n_t,
                                   len(self.kvs) + (1 if extra_kv_bytes else 0)
                                   if n_kv is None else n_kv)
        body = head + kvb + tib
        pad = (-len(body)) % align
        return body + b"\0" * pad + self.data


def copy(m):
    c = Model.__new__(Model)
    c.kvs = [list(x) for x in m.kvs]
    c.tinfos = [[n, list(d), t, o] for n, d, t, o in m.tinfos]
    c.data, c.g = m.data, m.g
    return c


def build_cases(path):
    with open(path, "rb") as f:
        base = f.read()
    g = conv_gguf.read(base)
    m = Model(g)
    cases = []   # (name, bytes, must_reject)

    def add(name, data, must_reject=True):
        cases.append((name, data, must_reject))

    # -- truncations -------------------------------------------------------------------------
    last_end = max(t.abs_offset + t.nbytes for t in g.tensors.values())
    cuts = {}
    for label, s, e in g.sections:
        for cut, where in ((s, "start"), ((s + e) // 2, "middle")):
            # inside tensor data only the start matters (the random cuts cover the rest)
            if where == "middle" and (e - s <= 1 or label.startswith("tensor data")):
                continue
            if cut < last_end and cut not in cuts:
                cuts[cut] = "truncated at %s of %s (byte %d)" % (where, label, cut)
    cuts.setdefault(last_end - 1, "truncated 1 byte before the end of the last tensor")
    rng = random.Random(77)
    for _ in range(50):
        c = rng.randrange(0, last_end)
        cuts.setdefault(c, "truncated at random byte %d" % c)
    for c in sorted(cuts):
        add(cuts[c], base[:c])

    # -- header ------------------------------------------------------------------------------
    add("empty file", b"")
    add("wrong magic GGUG", b"GGUG" + base[4:])
    add("wrong magic (GGML)", b"ggml" + base[4:])
    add("big-endian GGUF magic", b"FUGG" + base[4:])
    for v in (0, 1, 2, 4, 0xFFFFFFFF):
        add("GGUF version %d" % v, base[:4] + struct.pack("<I", v) + base[8:])
    nt, nkv = len(g.order), len(g.kv)
    for n in (1 << 63, U64, nt + 1, nt - 1, 0, 1 << 32):
        add("tensor count %d (real %d)" % (n, nt), base[:8] + struct.pack("<Q", n) + base[16:])
    for n in (1 << 63, U64, nkv + 1, nkv - 1, 0, 1 << 32):
        add("kv count %d (real %d)" % (n, nkv), base[:16] + struct.pack("<Q", n) + base[24:])

    # -- strings -----------------------------------------------------------------------------
    k0 = g.kv_ranges[next(iter(g.kv))][0]
    for n, what in ((U64, "2^64-1"), (1 << 63, "2^63"), (len(base) - k0 - 7, "1 past EOF"),
                    (1 << 40, "2^40")):
        add("first key length %s" % what, base[:k0] + struct.pack("<Q", n) + base[k0 + 8:])
    s, e = g.kv_ranges["general.architecture"]
    vpos = s + 8 + len("general.architecture") + 4
    for n, what in ((U64, "2^64-1"), (len(base) - vpos - 7, "1 past EOF"), (1 << 62, "2^62")):
        add("string value length %s" % what, base[:vpos] + struct.pack("<Q", n) + base[vpos + 8:])
    t0 = g.tensors[g.order[0]]
    for n, what in ((U64, "2^64-1"), (len(base) - t0.info_start - 7, "1 past EOF")):
        add("tensor name length %s" % what,
            base[:t0.info_start] + struct.pack("<Q", n) + base[t0.info_start + 8:])
    add("empty key", copy(m).serialize(extra_kv_bytes=kv_entry(b"", 4, struct.pack("<I", 1))))
    add("tensor name not UTF-8", (lambda c: (c.tinfos[1].__setitem__(0, "blk.0.\xff"), c)[1])(
        copy(m)).serialize().replace(b"blk.0.\xc3\xbf", b"blk.0.\xff\xfe"))

    # -- value types and arrays --------------------------------------------------------------
    for vt in (13, 255, 0xFFFFFFFF):
        add("unknown value type %d (general.name)" % vt,
            copy(m).set_kv("general.name", vt, m.kv_value("general.name")).serialize())
    for n, what in ((U64, "2^64-1"), (1 << 62, "2^62"), (1 << 61, "2^61 x u32 (2^63 bytes)"),
                    (1000000, "1e6 past EOF")):
        add("array count %s" % what, copy(m).serialize(
            extra_kv_bytes=kv_entry("test.array", 9, struct.pack("<IQ", 4, n))))
    add("array of strings, string length 2^64-1", copy(m).serialize(
        extra_kv_bytes=kv_entry("test.array", 9, struct.pack("<IQQ", 8, 2, U64))))
    add("array of arrays, inner count 2^63", copy(m).serialize(
        extra_kv_bytes=kv_entry("test.array", 9, struct.pack("<IQIQ", 9, 1, 4, 1 << 63))))
    nested = struct.pack("<IQ", 9, 1) * 5000 + struct.pack("<IQ", 4, 0)
    add("arrays nested 5000 deep", copy(m).serialize(
        extra_kv_bytes=kv_entry("test.array", 9, nested)))
    add("array element type 13", copy(m).serialize(
        extra_kv_bytes=kv_entry("test.array", 9, struct.pack("<IQ", 13, 1) + b"\0" * 8)))
    add("bool value 2", copy(m).serialize(extra_kv_bytes=kv_entry("test.flag", 7, b"\x02")))
    add("duplicate key general.architecture", copy(m).serialize(
        extra_kv_bytes=kv_entry("general.architecture", 8, gstr("rwkv"))))

    # -- required metadata -------------------------------------------------------------------
    for arch in ("llama", "rwkv7", "", "RWKV", "rwkv\0"):
        add("architecture %r" % arch,
            copy(m).set_kv("general.architecture", 8, gstr(arch)).serialize())
    for key in ("general.architecture", "rwkv.architecture_version", "rwkv.block_count",
                "rwkv.embedding_length", "rwkv.wkv.head_size", "rwkv.vocab_size",
                "rwkv.feed_forward_length"):
        if key in g.kv:
            # vocab_size and feed_forward_length can be read off the tensors' shapes
            add("missing key %s" % key, copy(m).drop_kv(key).serialize(),
                key not in ("rwkv.vocab_size", "rwkv.feed_forward_length"))
    add("rwkv.block_count as string",
        copy(m).set_kv("rwkv.block_count", 8, gstr("2")).serialize())
    add("rwkv.embedding_length as float32",
        copy(m).set_kv("rwkv.embedding_length", 6, struct.pack("<f", 64.0)).serialize())
    ver = g.kv["rwkv.architecture_version"]
    for v in (0, 3, 8, 0xFFFFFFFF):
        add("architecture_version %d" % v,
            copy(m).set_kv("rwkv.architecture_version", 4, struct.pack("<I", v)).serialize())
    add("architecture_version %d -> 6 (tensors of v%d)" % (ver, ver),
        copy(m).set_kv("rwkv.architecture_version", 4,
                       struct.pack("<I", 6 if ver != 6 else 7)).serialize())
    add("architecture_minor_version 7",
        copy(m).set_kv("rwkv.architecture_minor_version", 4, struct.pack("<I", 7)).serialize())
    C, L = g.kv["rwkv.embedding_length"], g.kv["rwkv.block_count"]
    V, F = g.kv["rwkv.vocab_size"], g.kv["rwkv.feed_forward_length"]
    for v, what in ((C + 1, "C+1"), (2 * C, "2C"), (0, "0"), (1 << 40, "2^40"), (U64, "2^64-1")):
        add("embedding_length %s" % what,
            copy(m).set_kv("rwkv.embedding_length", 10, struct.pack("<Q", v)).serialize())
    for v, what in ((L + 1, "L+1"), (0, "0"), (1 << 62, "2^62"), (U64, "2^64-1")):
        add("block_count %s" % what,
            copy(m).set_kv("rwkv.block_count", 10, struct.pack("<Q", v)).serialize())
    add("block_count L-1 (extra tensors)",
        copy(m).set_kv("rwkv.block_count", 10, struct.pack("<Q", L - 1)).serialize())
    for v, what in ((V + 1, "V+1"), (0, "0"), (U64, "2^64-1")):
        add("vocab_size %s" % what,
            copy(m).set_kv("rwkv.vocab_size", 10, struct.pack("<Q", v)).serialize())
    add("feed_forward_length F+1",
        copy(m).set_kv("rwkv.feed_forward_length", 10, struct.pack("<Q", F + 1)).serialize())
    if "rwkv.wkv.head_size" in g.kv:
        for v in (0, 3, C + 1, 0xFFFFFFFF):
            add("head_size %d" % v,
                copy(m).set_kv("rwkv.wkv.head_size", 4, struct.pack("<I", v)).serialize())
    for a in (0, 3, 4, 48, 1 << 31, 0xFFFFFFFF):
        add("alignment %d" % a,
            copy(m).set_kv("general.alignment", 4, struct.pack("<I", a)).serialize(
                align=a if 0 < a <= 4096 else 64))
    add("alignment 32 (valid, offsets still 64-aligned)",
        copy(m).set_kv("general.alignment", 4, struct.pack("<I", 32)).serialize(align=32),
        False)
    add("layer_norm_epsilon NaN", copy(m).set_kv("rwkv.attention.layer_norm_epsilon", 6,
                                                   struct.pack("<f", float("nan"))).serialize())
    add("layer_norm_epsilon -1", copy(m).set_kv("rwkv.attention.layer_norm_epsilon", 6,
                                                  struct.pack("<f", -1.0)).serialize())

    # -- tensor infos ------------------------------------------------------------------------
    names = [t[0] for t in m.tinfos]
    mat = next(n for n in names if n.endswith("att.key.weight"))
    ffk = next(n for n in names if n.endswith("ffn.key.weight"))
    norm = next(n for n in names if n.endswith("attn_norm.weight"))
    last = names[-1]
    data_len = len(m.data)

    def edit(name, fn):
        c = copy(m)
        fn(c.tinfo(name))
        return c.serialize()

    for v, what in ((data_len, "= data size"), (data_len + 64, "past EOF"), (1 << 63, "2^63"),
                    (U64 - 63, "2^64-64 (wraps)"), (U64, "2^64-1")):
        add("offset %s (%s)" % (what, last), edit(last, lambda t, v=v: t.__setitem__(3, v)))
    for d in (1, 8, 32):
        add("offset misaligned by %d (%s)" % (d, mat),
            edit(mat, lambda t, d=d: t.__setitem__(3, t[3] + d)))
    for ty, what in ((31, "31"), (39, "39"), (1000, "1000"), (0xFFFFFFFF, "2^32-1")):
        add("tensor type %s (%s)" % (what, mat), edit(mat, lambda t, ty=ty: t.__setitem__(2, ty)))
    # a quantized type on a matrix: fewer bytes than the data holds, a loader may accept it
    for ty, what in ((2, "Q4_0"), (8, "Q8_0"), (14, "Q6_K")):
        add("tensor type %s (%s)" % (what, mat), edit(mat, lambda t, ty=ty: t.__setitem__(2, ty)),
            False)
    add("tensor type Q4_0 on norm (F32 by FORMAT.md)",
        edit(norm, lambda t: t.__setitem__(2, 2)))
    add("tensor type F16 on norm (F32 by FORMAT.md)",
        edit(norm, lambda t: t.__setitem__(2, 1)))
    # in bounds but overlapping the next tensor: harmless, so a loader may accept it
    add("matrix type F32 where data holds %s" % mat, edit(mat, lambda t: t.__setitem__(
        2, 0 if t[2] != 0 else 1)), False)
    for nd in (0, 5, 0xFFFFFFFF):
        c = copy(m)
        raw = b""
        for n, dims, ty, off in c.tinfos:
            if n == mat:
                raw += tinfo_entry(n, dims[:nd] if nd < len(dims) else dims + [1] * (nd - len(dims))
                                   if nd <= 8 else dims, ty, off, n_dims=nd)
            else:
                raw += tinfo_entry(n, dims, ty, off)
        add("n_dims %d (%s)" % (nd, mat), c.serialize(raw_tinfos=raw))
    for dims, what in (([1 << 32, 1 << 32], "2^32 x 2^32 (wraps to 0)"),
                       ([1 << 63, 2], "2^63 x 2 (wraps to 0)"),
                       ([1 << 62], "2^62 elements of F32 (2^64 bytes)"),
                       ([U64], "2^64-1"), ([0, C], "a zero dim"),
                       ([C, C, 1 << 40, 1 << 30], "4 dims, product 2^82")):
        add("dims %s (%s)" % (what, mat), edit(mat, lambda t, dims=dims: t.__setitem__(1, dims)))
    fd = m.tinfo(ffk)[1]
    add("dims swapped %s -> %s (%s)" % (fd, fd[::-1], ffk),
        edit(ffk, lambda t: t.__setitem__(1, t[1][::-1])))
    add("dims %s -> [%d, %d] (%s)" % (fd, fd[0] // 2, fd[1] * 2, ffk),
        edit(ffk, lambda t: t.__setitem__(1, [t[1][0] // 2, t[1][1] * 2])))
    add("token_embd dims [C, V-1]", edit("token_embd.weight",
                                         lambda t: t.__setitem__(1, [t[1][0], t[1][1] - 1])))
    add("norm dims [C+1]", edit(norm, lambda t: t.__setitem__(1, [t[1][0] + 1])))
    # FORMAT.md: vectors are checked by element count only
    add("norm dims [C/2, 2] (right count, 2-D)",
        edit(norm, lambda t: t.__setitem__(1, [t[1][0] // 2, 2])), False)
    for victim in ("token_embd.weight", "output.weight", mat,
                   next(n for n in names if n.endswith("output_norm.bias"))):
        c = copy(m)
        c.tinfos = [t for t in c.tinfos if t[0] != victim]
        add("missing tensor %s" % victim, c.serialize())
    c = copy(m)
    c.tinfos[2][0] = c.tinfos[1][0]
    add("duplicate tensor name %s" % c.tinfos[1][0], c.serialize())
    c = copy(m)
    c.tinfos.append(["blk.0.att.bogus", [C], 0, c.tinfos[-1][3]])
    add("extra unknown tensor blk.0.att.bogus", c.serialize(), False)
    c = copy(m)
    c.tinfos[1][3] = c.tinfos[0][3]
    add("two tensors at the same offset (overlap)", c.serialize(), False)
    return base, cases


def run(binary, path):
    for attempt in range(10):
        try:
            r = subprocess.run([binary, "info", "-m", path], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=20)
            break
        except subprocess.TimeoutExpired:
            return None, "TIMEOUT"
        except OSError:      # the binary is being rebuilt right now (ETXTBSY, EACCES)
            if attempt == 9:
                raise
            time.sleep(1)
    return r.returncode, r.stderr.decode("utf-8", "replace")


def judge(rc, err, must_reject):
    """-> problem description or '' when the case is handled well."""
    if rc is None:
        return "hang (timeout)"
    if rc < 0:
        return "killed by signal %d" % -rc
    if any(s in err for s in SAN_MARKERS):
        line = next((l for l in err.splitlines() if any(s in l for s in SAN_MARKERS)), "")
        return "sanitizer: " + line.strip()[:90]
    if must_reject and rc == 0:
        return "accepted (exit 0)"
    lines = [l for l in err.splitlines() if l.strip()]
    if rc != 0 and len(lines) != 1:
        return "stderr has %d lines, want 1" % len(lines)
    return ""


def main():
    rwkv = os.environ.get("RWKV_BIN", os.path.join(ROOT, "rwkv"))
    asan = os.environ.get("RWKV_ASAN_BIN", os.path.join(ROOT, "build", "rwkv-asan"))
    bins = [("rwkv", rwkv)] + ([("asan", asan)] if os.access(asan, os.X_OK) else [])
    if not os.access(rwkv, os.X_OK):
        print("skip: %s is not built (make)" % rwkv)
        return 77
    tmp = tempfile.mkdtemp(prefix="rwkv-test-malformed-")
    try:
        src = os.path.join(tmp, "base.gguf")
        r = subprocess.run([sys.executable, "-I", "-S", os.path.join(ROOT, "tools",
                                                                      "random_model.py"),
                            "--version", "7", "--layers", "2", "--embd", "64", "--head-size",
                            "32", "--vocab", "100", "--dtype", "bf16", src],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True)
        if r.returncode != 0:
            print("FAIL: tools/random_model.py could not write the base model: " + r.stderr)
            return 1
        base, cases = build_cases(src)
        print("base model: %d bytes, %d tensors; %d cases; binaries: %s"
              % (len(base), len(conv_gguf.read(base).order), len(cases),
                 ", ".join(b for _, b in bins)))
        failures = 0
        for label, b in bins:
            rc, err = run(b, src)
            if rc != 0:
                print("FAIL: the valid base model does not load with %s: %s" % (label, err.strip()))
                failures += 1
        print("%-4s %-62s %-5s %-5s %s" % ("#", "case", "rwkv", "asan", "verdict / message"))
        bad_cases = []

        def run_case(i):
            path = os.path.join(tmp, "case%d.gguf" % i)
            with open(path, "wb") as f:
                f.write(cases[i][1])
            results = [run(b, path) for _, b in bins]
            os.unlink(path)
            return results

        # two cases at a time (the suite runs on 2 cores); the table stays in case order
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            all_results = list(pool.map(run_case, range(len(cases))))
        for i, (name, data, must_reject) in enumerate(cases):
            results = all_results[i]
            problems = ["%s: %s" % (bins[j][0], p) for j, (rc, err) in enumerate(results)
                        for p in [judge(rc, err, must_reject)] if p]
            msg = next((e.strip().splitlines()[0] for rc, e in results if e and e.strip()), "")
            rcs = ["%s" % ("T/O" if rc is None else rc) for rc, _ in results] + ["-"]
            verdict = ("FAIL " + "; ".join(problems)) if problems else \
                ("ok   " if must_reject or results[0][0] != 0 else "ok (loads; allowed) ")
            print("%-4d %-62s %-5s %-5s %s%s" % (i, name[:62], rcs[0], rcs[1], verdict,
                                                 "" if problems else msg[:100]))
            if problems:
                failures += 1
                bad_cases.append((name, problems, msg))
        print()
        if bad_cases:
            print("%d of %d cases FAILED:" % (len(bad_cases), len(cases)))
            for name, problems, msg in bad_cases:
                print("  - %s: %s | %s" % (name, "; ".join(problems), msg[:120]))
        if not failures:
            allowed = sum(1 for _, _, must in cases if not must)
            print("all %d cases handled: %d must-reject cases rejected with one line, %d "
                  "allowed-to-load cases did not crash; no signal, hang or sanitizer report"
                  % (len(cases), len(cases) - allowed, allowed))
        return 1 if failures else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
