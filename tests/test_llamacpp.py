#!/usr/bin/env python3
"""llama.cpp's rwkv6 / rwkv7 GGUF files (../shared/fixtures/llamacpp, README there).

1. logits: every model file of manifest.jsonl, tokens fed one per call and with --seq (the
   two must be bit-identical; f16/bf16 within 1e-5, as the AMX tiles round otherwise), vs llama.cpp's own logits (<name>.logits.f32) and, for float
   files, the official implementation's (oracle) logits of the same checkpoint. Bounds, in
   units of max|reference| (the fixture README's): float files 1e-4 vs the oracle and 1e-3
   vs llama.cpp (its F16 matmuls round the activations to f16: 3.4e-4); quantized files
   2e-2 vs llama.cpp (it quantizes activations to 8 bits).
2. the tokenizer built from each file's tokenizer.ggml.* arrays: every id's bytes and
   special flag equal those of ../shared/vocab/rwkv_vocab_v20230424.txt (build/
   test_tokenizer_fixtures --dump), and the ids of every line of
   ../shared/fixtures/tokenizer/reference.jsonl equal the official tokenizer's.
3. rwkv info names the layout and the rescale; generate, perplexity and bench run.
Skips (77) without ../shared, numpy or build/test_tokenizer_fixtures.
"""
import base64
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, '..', 'shared')
FX = os.path.join(SHARED, 'fixtures', 'llamacpp')
RWKV = os.environ.get('RWKV_BIN', os.path.join(ROOT, 'rwkv'))
TOKFX = os.path.join(ROOT, 'build', 'test_tokenizer_fixtures')

if not os.path.isfile(os.path.join(FX, 'manifest.jsonl')):
    print('skip: ../shared/fixtures/llamacpp is not there')
    sys.exit(77)
try:
    import numpy as np
except ImportError:
    print('skip: needs numpy')
    sys.exit(77)
if not os.access(TOKFX, os.X_OK):
    print('skip: build/test_tokenizer_fixtures is not built (make build/test_tokenizer_fixtures)')
    sys.exit(77)

failures = []


def run(cmd, stdin=None):
    return subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def check(ok, what):
    print(('ok    ' if ok else 'FAIL  ') + what)
    if not ok:
        failures.append(what)


def rel(a, ref):
    return float(np.abs(a - ref).max() / np.abs(ref).max())


# ---- 1. logits ------------------------------------------------------------------------------
manifest = [json.loads(line) for line in open(os.path.join(FX, 'manifest.jsonl'))]
with tempfile.TemporaryDirectory() as tmp:
    for e in manifest:
        path = os.path.join(FX, e['file'])
        if not os.path.isfile(path):
            check(False, '%s listed in manifest.jsonl but absent' % e['file'])
            continue
        ids = ','.join(str(t) for t in e['tokens'])
        V, T = e['vocab'], len(e['tokens'])
        out = {}
        for mode in ('serial', 'seq'):
            o = os.path.join(tmp, '%s.%s.f32' % (e['file'], mode))
            r = run([RWKV, 'logits', '-m', path, '--ids', ids, '-o', o] +
                    (['--seq'] if mode == 'seq' else []))
            if r.returncode != 0:
                check(False, '%s %s: rwkv logits failed: %s'
                      % (e['file'], mode, r.stderr.decode(errors='replace').strip()))
                break
            out[mode] = np.fromfile(o, dtype=np.float32).reshape(T, V)
        if len(out) < 2:
            continue
        is_float = e['type'] in ('F16', 'F32', 'BF16')
        if is_float and e['type'] != 'F32' and T >= 16:
            # f16/bf16 blocks of 16+ tokens may run on the AMX tiles: the same error bound as
            # the f32 kernels, other rounding (rwkv.h, rwkv__famx_rows)
            d = rel(out['seq'], out['serial'])
            check(d <= 1e-5, '%s: --seq within 1e-5 of one token at a time: %.3g' % (e['file'], d))
        else:
            check(np.array_equal(out['serial'], out['seq']),
                  '%s: --seq gives the bits of one token at a time' % e['file'])
        ref = np.fromfile(os.path.join(FX, e['logits']), dtype=np.float32).reshape(T, V)
        bound = 1e-3 if is_float else 2e-2
        for mode in ('serial', 'seq'):
            d = rel(out[mode], ref)
            check(d <= bound, '%s %s vs llama.cpp: %.3g <= %g' % (e['file'], mode, d, bound))
        if is_float:
            orc = np.fromfile(os.path.join(FX, e['oracle_logits']),
                              dtype=np.float32).reshape(T, V)
            d = rel(out['serial'], orc)
            check(d <= 1e-4, '%s vs the official implementation: %.3g <= 1e-4' % (e['file'], d))

# ---- 2. the tokenizer -----------------------------------------------------------------------
vocab = os.path.join(SHARED, 'vocab', 'rwkv_vocab_v20230424.txt')
want_dump = run([TOKFX, '--dump', vocab]).stdout
lines = [json.loads(line) for line in
         open(os.path.join(SHARED, 'fixtures', 'tokenizer', 'reference.jsonl'), encoding='utf-8')
         .read().split('\n') if line]
hex_in = ''.join((base64.b64decode(x['bytes']) if 'bytes' in x else x['text'].encode()).hex()
                 + '\n' for x in lines).encode()
want_ids = [' '.join(str(i) for i in x['world']) for x in lines]
for e in manifest:
    path = os.path.join(FX, e['file'])
    got = run([TOKFX, '--dump', path]).stdout
    check(got == want_dump and len(want_dump) > 0,
          '%s: tokenizer.ggml.tokens gives the tokens of rwkv_vocab_v20230424.txt (%d ids)'
          % (e['file'], got.count(b'\n')))
    got_ids = run([TOKFX, '--encode', path], stdin=hex_in).stdout.decode().split('\n')[:-1]
    same = sum(g == w for g, w in zip(got_ids, want_ids))
    check(same == len(lines) == len(got_ids),
          '%s: %d/%d reference.jsonl lines tokenize to the official ids'
          % (e['file'], same, len(lines)))

# ---- 3. the CLI -----------------------------------------------------------------------------
v6r = os.path.join(FX, 'v6-rescale2-F16.gguf')
v7 = os.path.join(FX, 'v7-F16.gguf')
r = run([RWKV, 'info', '-m', v6r])
info = r.stdout.decode()
check(r.returncode == 0 and 'general.architecture = rwkv6' in info and
      'rescale_every_n_layers = 2' in info and 'RWKV v6' in info and
      'bits per weight' in info and 'blk.*.time_mix_lerp_fused.weight' in info,
      'rwkv info describes a llama.cpp rwkv6 file (layout, rescale, bits per weight, types)')
r = run([RWKV, 'generate', '-m', v7, '-p', 'Hello', '-n', '4', '--seed', '1'])
check(r.returncode == 0, 'rwkv generate runs on a llama.cpp rwkv7 file')
with tempfile.NamedTemporaryFile('wb', suffix='.txt') as f:
    f.write(b'The quick brown fox jumps over the lazy dog.\n')
    f.flush()
    r = run([RWKV, 'perplexity', '-m', v6r, '-f', f.name])
    check(r.returncode == 0 and b'bits per byte' in r.stdout,
          'rwkv perplexity runs on a llama.cpp rwkv6 file')
r = run([RWKV, 'bench', '-m', v7, '--prompt-tokens', '8', '--gen-tokens', '4', '--repeat', '1'])
check(r.returncode == 0, 'rwkv bench runs on a llama.cpp rwkv7 file')

print('%d failure(s)' % len(failures))
sys.exit(1 if failures else 0)
