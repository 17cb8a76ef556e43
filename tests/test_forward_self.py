#!/usr/bin/env python3
"""Forward pass vs the independent float64 reference, on generated checkpoints (no ../shared).

For every version (v4, v5.0, v5.1, v5.2, v6, v6 + time_state, v7 incl. block-0 v0/v1/v2 and
several head counts, v7a's DeepEmbed, a 24-layer fp16 v4) a random checkpoint in the released layout is made
with tests/gen_checkpoint.py, converted with convert_pth.py (bf16 and f32 files), run through
`$RWKV_BIN logits` one token per call and with --seq (1 and 2 threads), and compared with
tests/ref_rwkv.py: pass when max|Δ| <= 1e-4 * max|reference| over all T x V logits (T = 134:
crosses the 128-token block of sequence mode); 2 threads must give the same bits as 1.
Prints one row per model, file type and mode.

Needs numpy and torch (skips with 77 without them).
"""
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import numpy as np
    import torch  # noqa: F401  (gen_checkpoint and ref_rwkv need it)
except ImportError as e:
    print('skip: needs numpy and torch (%s)' % e)
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_checkpoint  # noqa: E402
import ref_rwkv  # noqa: E402

RWKV = os.environ.get('RWKV_BIN', os.path.join(ROOT, 'rwkv'))
CONVERT = os.path.join(ROOT, 'convert_pth.py')
REL_BOUND = 1e-4
T = 134

# name, version, make_checkpoint arguments, GGUF dtypes to convert to
CASES = [
    ('v4', '4', dict(n_layer=2, n_embd=128, n_vocab=500, seed=11), ('bf16', 'f32')),
    ('v5.0-4h', '5.0', dict(n_layer=2, n_embd=128, head_size=32, n_vocab=400, seed=12), ('bf16', 'f32')),
    ('v5.1-3h', '5.1', dict(n_layer=2, n_embd=96, head_size=32, n_vocab=300, seed=13), ('bf16', 'f32')),
    # the v5 bonus under its other name: time_faaaa (u) in 5.0/5.1, time_first (log u) in 5.2
    ('v5.0-faaaa', '5.0', dict(n_layer=2, n_embd=64, head_size=32, n_vocab=300, seed=27, v5_bonus='time_faaaa'), ('bf16',)),
    ('v5.1-faaaa', '5.1', dict(n_layer=2, n_embd=96, head_size=32, n_vocab=300, seed=28, v5_bonus='time_faaaa'), ('bf16',)),
    ('v5.2-first', '5.2', dict(n_layer=2, n_embd=64, head_size=32, n_vocab=300, seed=29, v5_bonus='time_first'), ('f32',)),
    ('v5.2', '5.2', dict(n_layer=2, n_embd=128, head_size=64, n_vocab=700, seed=14), ('bf16', 'f32')),
    ('v6-4h', '6', dict(n_layer=3, n_embd=128, head_size=32, n_vocab=500, seed=15), ('bf16', 'f32')),
    ('v6-state', '6', dict(n_layer=2, n_embd=128, head_size=64, n_vocab=512, seed=16, time_state=True), ('bf16', 'f32')),
    ('v7', '7', dict(n_layer=3, n_embd=128, head_size=64, n_vocab=1000, seed=17), ('bf16', 'f32')),
    ('v7-3h-b0v', '7', dict(n_layer=2, n_embd=96, head_size=32, n_vocab=300, seed=18, v7_block0_v=True), ('bf16', 'f32')),
    # RWKV-7a: the DeepEmbed channel mix (rank 8: its s_emb rows are 8 x 8 matrices; 32 as released)
    ('v7a-deepembed', '7', dict(n_layer=3, n_embd=128, head_size=32, n_vocab=300, seed=30, deep_embed=8), ('bf16', 'f32')),
    # shapes that are no multiple of a SIMD width (C % 16 = 8), odd head counts and sizes,
    # vocabularies like 257
    ('v4-odd', '4', dict(n_layer=2, n_embd=72, n_ffn=200, n_vocab=257, seed=21), ('bf16', 'f32')),
    ('v5.1-odd', '5.1', dict(n_layer=2, n_embd=40, head_size=8, n_ffn=136, n_vocab=301, seed=22), ('bf16',)),
    ('v6-odd', '6', dict(n_layer=2, n_embd=72, head_size=24, n_ffn=232, n_vocab=333, seed=23, time_state=True), ('bf16', 'f32')),
    ('v7-odd', '7', dict(n_layer=2, n_embd=80, head_size=16, n_ffn=312, n_vocab=263, seed=24), ('bf16', 'f32')),
    # wide bf16 models
    ('v5.2-wide', '5.2', dict(n_layer=1, n_embd=768, head_size=64, n_ffn=64, n_vocab=300, seed=25), ('bf16',)),
    ('v4-wide', '4', dict(n_layer=1, n_embd=1280, n_ffn=64, n_vocab=300, seed=26), ('bf16',)),
    ('v5.2-fp32ckpt', '5.2', dict(n_layer=2, n_embd=64, head_size=32, n_vocab=300, seed=19, dtype='fp32'), ('f32',)),
    ('v4-24L-fp16', '4', dict(n_layer=24, n_embd=64, n_vocab=300, seed=20, dtype='fp16'), ('f16',)),
]


def state_diff(path, ref_state, version):
    """max over the state's parts of |saved - reference| / max(1, max|reference part|)."""
    with open(path, 'rb') as f:
        data = f.read()
    if data[:8] != b'RWKVSTAT':
        return float('inf'), ' (not a state file)'
    got = np.frombuffer(data[48:], '<f4').astype(np.float64)  # after the header (docs/FORMAT.md)
    parts = []
    for s in ref_state:
        names = ('att_x', 'ffn_x') + (('aa', 'bb', 'pp') if version == '4' else ('S',))
        parts += [np.asarray(s[n], dtype=np.float64).ravel() for n in names]
    want = sum(p.size for p in parts)
    if got.size != want:
        return float('inf'), ' (%d floats, want %d)' % (got.size, want)
    worst, o = 0.0, 0
    for p in parts:
        g = got[o:o + p.size]
        o += p.size
        worst = max(worst, float(np.max(np.abs(g - p))) / max(1.0, float(np.max(np.abs(p)))))
    return worst, ' (relative to each part)'


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def main():
    if not os.access(RWKV, os.X_OK):
        print('FAIL: %s is not built (run make)' % RWKV)
        return 1
    tmp = tempfile.mkdtemp(prefix='rwkv-fwd-self-')
    rows, failures = [], 0
    try:
        for name, version, kw, gguf_dtypes in CASES:
            sd = gen_checkpoint.make_checkpoint(version, **kw)
            pth = os.path.join(tmp, name + '.pth')
            torch.save(sd, pth)
            w, dt = ref_rwkv.load_pth(pth)
            rng = np.random.default_rng(kw['seed'])
            tokens = [int(t) for t in rng.integers(0, w['emb.weight'].shape[0], T)]
            # one reference for every file type: ln0 in float on the widened weights
            ref_model = ref_rwkv.RefModel(w, dt)
            ref_st = ref_model.new_state()
            ref = ref_model.logits(tokens, ref_st)
            for gd in gguf_dtypes:
                gguf = os.path.join(tmp, '%s-%s.gguf' % (name, gd))
                r = run([sys.executable, CONVERT, pth, gguf, '--dtype', gd])
                if r.returncode != 0:
                    rows.append((name, gd, 'convert', float('nan'), float('nan'), 'FAIL: ' + r.stderr.strip()[-200:]))
                    failures += 1
                    continue
                bound = REL_BOUND * float(np.max(np.abs(ref)))
                got_modes = {}
                # 2 threads once per model (the first file type): the thread split is the
                # same code for every dtype
                modes = ('serial', 'seq') + (('serial-t2', 'seq-t2') if gd == gguf_dtypes[0] else ())
                for mode in modes:
                    out = os.path.join(tmp, 'out.f32')
                    cmd = [RWKV, 'logits', '-m', gguf, '--ids', ','.join(map(str, tokens)), '-o', out]
                    cmd += ['--seq'] if mode.startswith('seq') else []
                    cmd += ['--threads', '2'] if mode.endswith('-t2') else []
                    state_file = os.path.join(tmp, 'state.bin')
                    if mode == 'serial':
                        cmd += ['--state-out', state_file]
                    r = run(cmd)
                    if r.returncode != 0:
                        rows.append((name, gd, mode, float('nan'), bound, 'FAIL: ' + r.stderr.strip()[-200:]))
                        failures += 1
                        continue
                    got = np.fromfile(out, '<f4').astype(np.float64)
                    if got.size != ref.size:
                        rows.append((name, gd, mode, float('nan'), bound, 'FAIL: %d floats, want %d' % (got.size, ref.size)))
                        failures += 1
                        continue
                    got = got.reshape(ref.shape)
                    got_modes[mode] = got
                    if mode == 'serial':
                        # the serialized state is the official layout (v7: [value][key], in
                        # memory the transpose), layer by layer: att_x, ffn_x, then aa bb pp
                        # (v4) or S [H][N][N]
                        d, why = state_diff(state_file, ref_st, version)
                        ok = d <= 1e-3
                        failures += not ok
                        rows.append((name, gd, 'state', d, 1e-3, ('ok' if ok else 'FAIL') + why))
                    finite = bool(np.all(np.isfinite(got)))
                    d = float(np.max(np.abs(got - ref))) if finite else float('inf')
                    ok = finite and d <= bound
                    failures += not ok
                    worst_t = int(np.argmax(np.max(np.abs(got - ref), axis=1))) if finite else -1
                    rows.append((name, gd, mode, d, bound, ('ok' if ok else 'FAIL') + ' (worst at token %d)' % worst_t))
                if 'serial' in got_modes and 'seq' in got_modes:
                    d = float(np.max(np.abs(got_modes['serial'] - got_modes['seq'])))
                    rows.append((name, gd, 'seq-serial', d, bound, 'ok' if d <= bound else 'FAIL'))
                    failures += d > bound
                # rwkv.h promises the same bits whatever the thread count
                for mode in ('serial', 'seq'):
                    if mode in got_modes and mode + '-t2' in got_modes:
                        same = np.array_equal(got_modes[mode], got_modes[mode + '-t2'])
                        d = float(np.max(np.abs(got_modes[mode] - got_modes[mode + '-t2'])))
                        rows.append((name, gd, mode + ' 1v2thr', d, 0.0, 'ok (bit-identical)' if same else 'FAIL (not bit-identical)'))
                        failures += not same
            print('%-14s logits std %.2f, max|logit| %.2f (version %s, %d layers)' % (
                name, float(np.std(ref)), float(np.max(np.abs(ref))),
                version, kw.get('n_layer', 2)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print()
    print('%-14s %-5s %-14s %11s %11s  %s' % ('model', 'file', 'mode', 'max|d|', 'bound', 'result'))
    for name, gd, mode, d, bound, res in rows:
        print('%-14s %-5s %-14s %11.3e %11.3e  %s' % (name, gd, mode, d, bound, res))
    print('%d checks, %d failed (T = %d tokens, bound = %g * max|ref|)' % (len(rows), failures, T, REL_BOUND))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
