#!/usr/bin/env python3
"""Byte-for-byte comparison of two builds of rwkv.c: logits and saved states.

    /usr/bin/python3 tools/bitcheck.py [--old REV] [--variants gcc,clang,nosimd,avx2]
                                       [--tokens 150] [--quick] [--keep DIR]

A developer tool for changes that must not move a single bit (restructuring the forward
pass, the loader, the kernels' plumbing). It

  1. builds the CLI of git revision --old (default: the merge base with main) and of the
     working tree, each in a temporary directory, once per compiler variant:
         gcc     make's defaults (-O3 -march=native)
         clang   CC=clang
         nosimd  -DRWKV_NO_SIMD (the scalar kernels)
         avx2    -O3 -mavx2 -mfma -mf16c (the 8-lane kernels; skipped where not runnable)
  2. makes models of every version:
       - tests/gen_checkpoint.py checkpoints (v4, v5.0/5.1/5.2 with both bonus names, v6,
         v6 + time_state, v7, v7 with block-0 v0/v1/v2, odd shapes, wide layers), converted
         with convert_pth.py to f32, f16 and bf16;
       - tools/random_model.py models of every version with C = 512, wide enough that the
         matrix products split rows between threads;
       - the fixtures in ../shared: oracle/*.pth, tiny/*.pth and tiny/tiny-rwkv-*.bin
         (rwkv.cpp files), converted;
  3. runs `rwkv logits` of both builds on every model in four modes (serial = rwkv_eval per
     token, --seq = rwkv_eval_seq, each with 1 and 2 threads), every run with --state-out,
     with --tokens tokens (default 150: two full 64-token blocks and a partial one);
  4. compares the logits files and the state files of the two builds with `cmp`.

Prints one line per variant and a total; exit 0 when every pair of files is identical.
Needs torch and numpy for gen_checkpoint.py (/usr/bin/python3 has them here); without
torch those models are left out (said so).
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), 'shared')
sys.path.insert(0, os.path.join(ROOT, 'tests'))

SOURCES = ('rwkv.c', 'rwkv.h', 'tokenizer.c', 'tokenizer_unicode.h', 'Makefile')

VARIANTS = {
    'gcc': {},
    'clang': {'CC': 'clang'},
    'nosimd': {'CFLAGS': '-O3 -march=native -DRWKV_NO_SIMD'},
    'avx2': {'CFLAGS': '-O3 -mavx2 -mfma -mf16c'},
}

# name, version, gen_checkpoint.make_checkpoint arguments (as tests/test_forward_self.py)
GEN_CASES = [
    ('v4', '4', dict(n_layer=2, n_embd=128, n_vocab=500, seed=11)),
    ('v5.0-4h', '5.0', dict(n_layer=2, n_embd=128, head_size=32, n_vocab=400, seed=12)),
    ('v5.1-3h', '5.1', dict(n_layer=2, n_embd=96, head_size=32, n_vocab=300, seed=13)),
    ('v5.0-faaaa', '5.0', dict(n_layer=2, n_embd=64, head_size=32, n_vocab=300, seed=27,
                               v5_bonus='time_faaaa')),
    ('v5.1-faaaa', '5.1', dict(n_layer=2, n_embd=96, head_size=32, n_vocab=300, seed=28,
                               v5_bonus='time_faaaa')),
    ('v5.2-first', '5.2', dict(n_layer=2, n_embd=64, head_size=32, n_vocab=300, seed=29,
                               v5_bonus='time_first')),
    ('v5.2', '5.2', dict(n_layer=2, n_embd=128, head_size=64, n_vocab=700, seed=14)),
    ('v6-4h', '6', dict(n_layer=3, n_embd=128, head_size=32, n_vocab=500, seed=15)),
    ('v6-state', '6', dict(n_layer=2, n_embd=128, head_size=64, n_vocab=512, seed=16,
                           time_state=True)),
    ('v7', '7', dict(n_layer=3, n_embd=128, head_size=64, n_vocab=1000, seed=17)),
    ('v7-3h-b0v', '7', dict(n_layer=2, n_embd=96, head_size=32, n_vocab=300, seed=18,
                            v7_block0_v=True)),
    ('v4-odd', '4', dict(n_layer=2, n_embd=72, n_ffn=200, n_vocab=257, seed=21)),
    ('v5.1-odd', '5.1', dict(n_layer=2, n_embd=40, head_size=8, n_ffn=136, n_vocab=301,
                             seed=22)),
    ('v6-odd', '6', dict(n_layer=2, n_embd=72, head_size=24, n_ffn=232, n_vocab=333, seed=23,
                         time_state=True)),
    ('v7-odd', '7', dict(n_layer=2, n_embd=80, head_size=16, n_ffn=312, n_vocab=263, seed=24)),
    ('v5.2-wide', '5.2', dict(n_layer=1, n_embd=768, head_size=64, n_ffn=64, n_vocab=300,
                              seed=25)),
    ('v4-wide', '4', dict(n_layer=1, n_embd=1280, n_ffn=64, n_vocab=300, seed=26)),
]
GEN_DTYPES = ('f32', 'f16', 'bf16')

# tools/random_model.py: version, extra arguments
RANDOM_CASES = [
    ('4', []), ('5.0', []), ('5.1', []), ('5.2', []), ('6', []), ('6', ['--time-state']),
    ('7', []), ('7', ['--dtype', 'f16']), ('7', ['--dtype', 'f32']),
]

MODES = [('serial', []), ('serial-t2', ['--threads', '2']), ('seq', ['--seq']),
         ('seq-t2', ['--seq', '--threads', '2'])]


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def must(cmd, **kw):
    r = run(cmd, **kw)
    if r.returncode != 0:
        sys.exit('bitcheck: %s failed:\n%s%s' % (' '.join(cmd), r.stdout[-2000:], r.stderr[-2000:]))
    return r


def build(src_dir, variant, log):
    env = dict(os.environ)
    args = ['make', '-C', src_dir, 'rwkv']
    for k, v in VARIANTS[variant].items():
        args.append('%s=%s' % (k, v))
    r = run(args, env=env)
    log.write(r.stdout + r.stderr)
    if r.returncode != 0:
        sys.exit('bitcheck: build of %s (%s) failed:\n%s' % (src_dir, variant, r.stderr[-3000:]))
    return os.path.join(src_dir, 'rwkv')


def make_models(tmp, quick):
    """Returns a list of (name, gguf path)."""
    models = []
    mdir = os.path.join(tmp, 'models')
    os.makedirs(mdir)
    convert = os.path.join(ROOT, 'convert_pth.py')
    try:
        import torch
        import gen_checkpoint
    except ImportError as e:
        print('bitcheck: no gen_checkpoint models (%s)' % e)
        torch = None
    if torch is not None:
        for name, version, kw in GEN_CASES[:4] if quick else GEN_CASES:
            pth = os.path.join(mdir, name + '.pth')
            torch.save(gen_checkpoint.make_checkpoint(version, **kw), pth)
            for dt in GEN_DTYPES[:1] if quick else GEN_DTYPES:
                out = os.path.join(mdir, '%s-%s.gguf' % (name, dt))
                must([sys.executable, convert, '-q', '--dtype', dt, pth, out])
                models.append(('gen:%s-%s' % (name, dt), out))
    for i, (version, extra) in enumerate(RANDOM_CASES[:2] if quick else RANDOM_CASES):
        name = 'random-v%s%s' % (version, ''.join(extra).replace('--', '-'))
        out = os.path.join(mdir, name + '.gguf')
        must([sys.executable, os.path.join(HERE, 'random_model.py'), '--version', version,
              '--layers', '2', '--embd', '512', '--vocab', '1000', '--seed', str(100 + i),
              '--tokenizer', 'none'] + extra + [out])
        models.append((name, out))
    fixtures = os.path.join(SHARED, 'fixtures')
    for sub, ext in (('oracle', '.pth'), ('tiny', '.pth'), ('tiny', '.bin')):
        d = os.path.join(fixtures, sub)
        if not os.path.isdir(d) or quick:
            continue
        for f in sorted(os.listdir(d)):
            if not f.endswith(ext) or (ext == '.bin' and not f.startswith('tiny-rwkv-')):
                continue
            out = os.path.join(mdir, '%s-%s.gguf' % (sub, f))
            must([sys.executable, convert, '-q', '--vocab', 'none', os.path.join(d, f), out])
            models.append(('%s:%s' % (sub, f), out))
    return models


def ids_flag(binary):
    """`rwkv logits` takes the ids as --ids (-t before the flags were made one meaning each)."""
    return '--ids' if '--ids' in run([binary, 'logits', '--help']).stdout else '-t'


def vocab_of(binary, model):
    r = must([binary, 'info', '-m', model])
    for line in r.stdout.splitlines():
        words = line.replace(':', ' ').split()
        if 'vocab' in words:
            for w in words[words.index('vocab') + 1:]:
                if w.isdigit():
                    return int(w)
    sys.exit('bitcheck: no vocabulary size in `rwkv info` of %s:\n%s' % (model, r.stdout))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--old', default=None, help='git revision to compare with '
                    '(default: merge-base HEAD main)')
    ap.add_argument('--variants', default='gcc,clang,nosimd,avx2')
    ap.add_argument('--tokens', type=int, default=150)
    ap.add_argument('--quick', action='store_true', help='a few models only')
    ap.add_argument('--keep', default=None, help='keep the work directory here')
    a = ap.parse_args()

    old = a.old or must(['git', '-C', ROOT, 'merge-base', 'HEAD', 'main']).stdout.strip()
    old = must(['git', '-C', ROOT, 'rev-parse', '--short', old]).stdout.strip()
    tmp = a.keep or tempfile.mkdtemp(prefix='rwkv-bitcheck-')
    os.makedirs(tmp, exist_ok=True)
    log = open(os.path.join(tmp, 'build.log'), 'w')
    total = differ = 0
    try:
        models = make_models(tmp, a.quick)
        print('bitcheck: %s (old) vs the working tree (new), %d models, %d modes, %d tokens'
              % (old, len(models), len(MODES), a.tokens))
        for variant in a.variants.split(','):
            odir, ndir = os.path.join(tmp, 'old-' + variant), os.path.join(tmp, 'new-' + variant)
            for d in (odir, ndir):
                shutil.rmtree(d, ignore_errors=True)
                os.makedirs(d)
            archive = subprocess.run(['git', '-C', ROOT, 'archive', old], stdout=subprocess.PIPE,
                                     check=True).stdout
            subprocess.run(['tar', '-x', '-C', odir], input=archive, check=True)
            for f in SOURCES:  # the files of the working tree's build (some revisions lack some)
                if os.path.exists(os.path.join(ROOT, f)):
                    shutil.copy(os.path.join(ROOT, f), ndir)
            bins = {'old': build(odir, variant, log), 'new': build(ndir, variant, log)}
            probe = run([bins['new'], 'info', '-m', models[0][1]])
            if probe.returncode < 0 or probe.returncode == 132:  # SIGILL: not this CPU
                print('%-7s skipped: the build does not run here' % variant)
                continue
            n_cmp = n_diff = 0
            for name, model in models:
                rng = random.Random(name)
                V = vocab_of(bins['new'], model)
                ids = ','.join(str(rng.randrange(V)) for _ in range(a.tokens))
                for mode, flags in MODES:
                    outs = {}
                    for which, binary in bins.items():
                        lo = os.path.join(tmp, '%s.logits' % which)
                        so = os.path.join(tmp, '%s.state' % which)
                        must([binary, 'logits', '-m', model, ids_flag(binary), ids, '-o', lo,
                              '--state-out', so] + flags)
                        outs[which] = (lo, so)
                    for i, what in enumerate(('logits', 'state')):
                        n_cmp += 1
                        r = run(['cmp', outs['old'][i], outs['new'][i]])
                        if r.returncode != 0:
                            n_diff += 1
                            print('DIFF %-7s %-34s %-9s %s: %s' % (variant, name, mode, what,
                                                                   r.stdout.strip()))
            print('%-7s %d file pairs compared (%d models x %d modes x logits+state), %d differ'
                  % (variant, n_cmp, len(models), len(MODES), n_diff))
            total += n_cmp
            differ += n_diff
    finally:
        log.close()
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print('bitcheck: %d file pairs, %d differ: %s' % (total, differ,
                                                      'IDENTICAL' if not differ else 'DIFFERENT'))
    return 1 if differ else 0


if __name__ == '__main__':
    sys.exit(main())
