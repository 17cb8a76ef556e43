#!/usr/bin/env python3
"""Forward pass vs the official implementation's logits in ../shared/fixtures.

1. every oracle/ checkpoint (.pth -> GGUF with convert_pth.py): `$RWKV_BIN logits` one token
   per call and with --seq, 1 and 2 threads, vs <model>.logits.f32 (all 24 positions);
2. every tiny/ model from its .pth, its rwkv.cpp FP32 .bin and FP16 .bin, and 6v0-1m's bf16
   .pth (the same model stored in bf16: ln0 on a bf16 embedding) (-> GGUF): the 80 bytes of
   oracle-prompt.txt vs oracle-prompt-logits-<v>.f32 and "in" (34,105,110) vs
   oracle-logits-<v>.f32;
3. a 24-layer v4 with f16 weights (tools/random_model.py) whose residual stream grows past
   the fp16 range (~7.7e4 > 65504): logits must be finite and match tests/ref_rwkv.py;
4. with torch: tests/ref_rwkv.py itself against every oracle file (the reference is checked,
   not assumed).
Bound: max|Δ| <= 1e-4 * max|oracle| (FP16 .bin: 1e-2 * max|oracle|, its weights are rounded;
and 1e-4 against tests/ref_rwkv.py run on the same f16 weights, source 'FP16+ref').
Skips (77) without ../shared or numpy.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FX = os.path.join(ROOT, '..', 'shared', 'fixtures')
RWKV = os.environ.get('RWKV_BIN', os.path.join(ROOT, 'rwkv'))
CONVERT = os.path.join(ROOT, 'convert_pth.py')
RANDOM_MODEL = os.path.join(ROOT, 'tools', 'random_model.py')
TINY = ['4v0-660K', '5v1-730K', '5v2-730K', '6v0-1m', '7v0-834K']

if not os.path.isdir(os.path.join(FX, 'oracle')) or not os.path.isdir(os.path.join(FX, 'tiny')):
    print('skip: ../shared/fixtures is not there')
    sys.exit(77)
try:
    import numpy as np
except ImportError:
    print('skip: needs numpy')
    sys.exit(77)
sys.path.insert(0, HERE)
import ref_rwkv  # noqa: E402

rows = []      # (model, source, mode, T, max|d|, bound, ok)


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def record(model, source, mode, T, d, bound, ok, note=''):
    rows.append((model, source, mode, T, d, bound, ok, note))


def convert(src, dst):
    r = run([sys.executable, CONVERT, src, dst])
    return r.returncode == 0, r.stderr.strip().splitlines()[-1:] if r.returncode else ''


def engine_logits(gguf, tokens, seq, tmp, n_threads=1):
    out = os.path.join(tmp, 'logits.f32')
    cmd = [RWKV, 'logits', '-m', gguf, '--ids', ','.join(str(t) for t in tokens), '-o', out,
           '--threads', str(n_threads)]
    r = run(cmd + (['--seq'] if seq else []))
    if r.returncode != 0:
        return None, (r.stderr.strip().splitlines() or ['exit %d' % r.returncode])[-1]
    got = np.fromfile(out, '<f4').astype(np.float64)
    if got.size % len(tokens):
        return None, '%d floats for %d tokens' % (got.size, len(tokens))
    return got.reshape(len(tokens), -1), ''


def compare(model, source, gguf, tokens, ref, rel, tmp, threads=(1,)):
    bound = rel * float(np.max(np.abs(ref)))
    for nt, seq in [(nt, seq) for nt in threads for seq in (False, True)]:
        mode = ('seq' if seq else 'serial') + ('' if nt == 1 else '-t%d' % nt)
        got, why = engine_logits(gguf, tokens, seq, tmp, nt)
        if got is None or got.shape != ref.shape:
            record(model, source, mode, len(tokens), float('nan'), bound, False,
                   why or 'shape %s, want %s' % (got.shape, ref.shape))
            continue
        if not np.all(np.isfinite(got)):
            record(model, source, mode, len(tokens), float('inf'), bound, False, 'non-finite logits')
            continue
        per_pos = np.max(np.abs(got - ref), axis=1)
        d = float(per_pos.max())
        bad = [int(i) for i in np.nonzero(per_pos > bound)[0]]
        note = '' if not bad else 'positions over: %s%s' % (bad[:8], '...' if len(bad) > 8 else '')
        record(model, source, mode, len(tokens), d, bound, d <= bound, note)


def main():
    if not os.access(RWKV, os.X_OK):
        print('FAIL: %s is not built (run make)' % RWKV)
        return 1
    tmp = tempfile.mkdtemp(prefix='rwkv-fwd-shared-')
    try:
        # 1. oracle checkpoints
        with open(os.path.join(FX, 'oracle', 'manifest.jsonl')) as f:
            manifest = [json.loads(line) for line in f if line.strip()]
        for e in manifest:
            name = e['model'][:-4]
            gguf = os.path.join(tmp, name + '.gguf')
            ok, why = convert(os.path.join(FX, 'oracle', e['model']), gguf)
            ref = np.fromfile(os.path.join(FX, 'oracle', e['logits']), '<f4').astype(np.float64)
            ref = ref.reshape(len(e['tokens']), -1)
            if not ok:
                record(name, 'pth', 'convert', 0, float('nan'), 0.0, False, str(why))
                continue
            compare(name, 'pth', gguf, e['tokens'], ref, 1e-4, tmp, threads=(1, 2))

        # 2. tiny models from three sources, two token sequences
        with open(os.path.join(FX, 'tiny', 'oracle-prompt.txt'), 'rb') as f:
            prompt = list(f.read().rstrip(b'\n'))
        for tag in TINY:
            seqs = [('prompt', prompt, 'oracle-prompt-logits-%s.f32' % tag),
                    ('"in"', [34, 105, 110], 'oracle-logits-%s.f32' % tag)]
            for source, fname, rel in (('pth', 'tiny-rwkv-%s.pth' % tag, 1e-4),
                                       ('FP32.bin', 'tiny-rwkv-%s-FP32.bin' % tag, 1e-4),
                                       ('FP16.bin', 'tiny-rwkv-%s-FP16.bin' % tag, 1e-2),
                                       ('bf16.pth', 'tiny-rwkv-%s-bf16.pth' % tag, 1e-4)):
                if not os.path.exists(os.path.join(FX, 'tiny', fname)):
                    if source != 'bf16.pth':  # only 6v0-1m has a bf16 copy
                        record(tag, source, 'missing', 0, float('nan'), 0.0, False, fname)
                    continue
                gguf = os.path.join(tmp, 'tiny-%s-%s.gguf' % (tag, source.replace('.', '-')))
                ok, why = convert(os.path.join(FX, 'tiny', fname), gguf)
                if not ok:
                    record(tag, source, 'convert', 0, float('nan'), 0.0, False, str(why))
                    continue
                for label, toks, reffile in seqs:
                    ref = np.fromfile(os.path.join(FX, 'tiny', reffile), '<f4').astype(np.float64)
                    compare('%s %s' % (tag, label), source, gguf, toks, ref.reshape(len(toks), -1), rel, tmp)
                if source == 'FP16.bin':
                    # the loose bound above is for the rounded weights; against the reference
                    # run on those same f16 weights the engine must be as close as for f32
                    m = ref_rwkv.load_model(gguf)
                    compare('%s prompt' % tag, 'FP16+ref', gguf, prompt, m.logits(prompt), 1e-4, tmp)

        # 3. deep f16 model whose residual exceeds the fp16 range
        gguf = os.path.join(tmp, 'v4-24L-f16.gguf')
        r = run([sys.executable, RANDOM_MODEL, '--version', '4', '--layers', '24', '--embd', '128',
                 '--vocab', '300', '--dtype', 'f16', '--residual-scale', '30000', '--seed', '3', gguf])
        if r.returncode != 0:
            record('v4-24L-f16', 'random', 'make', 0, float('nan'), 0.0, False, r.stderr.strip()[-200:])
        else:
            toks = list(range(1, 33))
            m = ref_rwkv.load_model(gguf)
            st, peak = m.new_state(), 0.0
            ref = []
            for t in toks:
                trace = []
                ref.append(m.eval(t, st, trace=trace))
                peak = max(peak, max(float(np.max(np.abs(x))) for _, x in trace))
            compare('v4-24L-f16', 'random', gguf, toks, np.stack(ref), 1e-4, tmp)
            rows[-1] = rows[-1][:7] + ('peak |residual| %.3g (fp16 max 65504)' % peak,)
            rows[-2] = rows[-2][:7] + ('peak |residual| %.3g (fp16 max 65504)' % peak,)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # 4. the reference itself
    ref_ok = None
    try:
        import torch  # noqa: F401
        print('tests/ref_rwkv.py (float64) vs the oracle files:')
        ref_ok = ref_rwkv.check_fixtures(FX)
        print()
    except ImportError:
        print('(torch missing: reference self-check skipped)')

    print('%-22s %-9s %-9s %3s %11s %11s  %s' % ('model', 'source', 'mode', 'T', 'max|d|', 'bound', 'result'))
    fails = 0
    for model, source, mode, T, d, bound, ok, note in rows:
        fails += not ok
        print('%-22s %-9s %-9s %3d %11.3e %11.3e  %s %s' % (model, source, mode, T, d, bound,
                                                          'ok' if ok else 'FAIL', note))
    print('%d engine checks, %d failed; reference self-check: %s' % (
        len(rows), fails, {None: 'skipped', True: 'ok', False: 'FAILED'}[ref_ok]))
    return 1 if fails or ref_ok is False else 0


if __name__ == '__main__':
    sys.exit(main())
