#!/usr/bin/env python3
"""Small random RWKV checkpoints in the released PyTorch layout of each version (for tests).

    python3 tests/gen_checkpoint.py VERSION OUT.pth [--layers 2] [--embd 128] [--head 64]
            [--vocab 500] [--ffn F] [--dtype bf16|fp16|fp32] [--seed 1] [--time-state]
            [--v7-block0-v] [--deep-embed D]
    VERSION: 4, 5.0, 5.1, 5.2, 6, 7

Names, shapes, key order and dtype follow the released checkpoints (and the files in
../shared/fixtures/oracle): (1, 1, C) mixing vectors, (H,) or (H, 1, 1) v5.0/5.1 decays,
(H, N) v5.2/v6 `time_faaaa`, v6 LoRA (C, 5*D) / (5, D, C) / (C, D2) / (D2, C), v7 LoRA
(C, D) / (D, C) with v0/v1/v2 in blocks >= 1 (and, with --v7-block0-v, also in block 0, as
the training code writes them). Every tensor is stored in --dtype (released: bf16).

Values are drawn to look trained rather than fresh from init: layer norms near 1, mixing
coefficients in [0, 1], decays per step between ~0.003 and ~0.999, matrix scales giving
logits with a standard deviation around 2. The same arguments always give the same tensors
(torch.Generator seeded with --seed; nothing depends on the global RNG).
"""
import argparse
import collections
import math
import sys

import torch

DTYPES = {'bf16': torch.bfloat16, 'fp16': torch.float16, 'fp32': torch.float32}


class Draw:
    """Deterministic random tensors, all generated in float64 then cast once."""

    def __init__(self, seed):
        self.g = torch.Generator().manual_seed(int(seed))

    def uniform(self, shape, lo, hi):
        return torch.rand(shape, generator=self.g, dtype=torch.float64) * (hi - lo) + lo

    def normal(self, shape, mean, std):
        return torch.randn(shape, generator=self.g, dtype=torch.float64) * std + mean

    def matrix(self, rows, cols, gain):
        """(rows, cols) = (out, in) like nn.Linear; uniform with std gain/sqrt(in)."""
        a = gain * math.sqrt(3.0 / cols)
        return self.uniform((rows, cols), -a, a)


def make_checkpoint(version, n_layer=2, n_embd=128, head_size=64, n_vocab=500, n_ffn=None,
                    dtype='bf16', seed=1, time_state=False, v7_block0_v=False, v5_bonus=None,
                    deep_embed=0):
    """Returns an OrderedDict name -> tensor in the released layout of `version`
    ('4', '5.0', '5.1', '5.2', '6', '7'). v5_bonus: 'time_first' (a log) or 'time_faaaa' (u
    itself) names v5's bonus; default: the variant's official name. deep_embed: v7 only, the
    rank D of an RWKV-7a "DeepEmbed" channel mix (ffn.s_emb (V, D*D), s_emb_x (D*D, C),
    s0 (1, 1, F), s1 (C, D), s2 (D, F), as rwkv7a-g1 checkpoints, whose D is 32); 0: none."""
    version = str(version)
    if version not in ('4', '5.0', '5.1', '5.2', '6', '7'):
        raise ValueError('unknown version %r' % version)
    C = n_embd
    H = C // head_size if version != '4' else 0
    N = head_size
    if version != '4' and H * N != C:
        raise ValueError('n_embd must be a multiple of the head size')
    F = n_ffn or (4 * C if version in ('4', '7') else int(3.5 * C) // 32 * 32)
    d = Draw(seed)
    w = collections.OrderedDict()
    vec = lambda lo, hi: d.uniform((C,), lo, hi)
    mix = lambda: d.uniform((1, 1, C), 0.0, 1.0)
    norm_w = lambda: d.normal((C,), 1.0, 0.1).clamp(0.6, 1.4)
    norm_b = lambda: d.normal((C,), 0.0, 0.05).clamp(-0.2, 0.2)

    w['emb.weight'] = d.normal((n_vocab, C), 0.0, 0.5)
    w['blocks.0.ln0.weight'] = norm_w()
    w['blocks.0.ln0.bias'] = norm_b()
    for i in range(n_layer):
        p = 'blocks.%d.' % i
        w[p + 'ln1.weight'], w[p + 'ln1.bias'] = norm_w(), norm_b()
        w[p + 'ln2.weight'], w[p + 'ln2.bias'] = norm_w(), norm_b()
        a = p + 'att.'
        if version == '4':
            w[a + 'time_decay'] = vec(-6.0, 1.5)          # decay exp(-exp(w)): 0.9975 .. 0.011
            w[a + 'time_first'] = vec(-1.0, 2.0)
            for n in 'kvr':
                w[a + 'time_mix_' + n] = mix()
        elif version in ('5.0', '5.1'):
            # per-head decay and bonus (time_first stored as a log); 5.0 as (H, 1, 1)
            shape = (H, 1, 1) if version == '5.0' else (H,)
            w[a + 'time_decay'] = d.uniform(shape, -3.0, 0.7)
            if v5_bonus == 'time_faaaa':  # u itself, as many released 5.1 checkpoints
                w[a + 'time_faaaa'] = d.uniform(shape, 0.3, 2.7)
            else:
                w[a + 'time_first'] = d.uniform(shape, -1.0, 1.0)
            for n in ('kvr' if version == '5.0' else 'kvrg'):
                w[a + 'time_mix_' + n] = mix()
        elif version == '5.2':
            w[a + 'time_decay'] = d.uniform((H, N), -5.0, 1.0)
            if v5_bonus == 'time_first':  # stored as a log
                w[a + 'time_first'] = d.uniform((H, N), -1.5, 0.5)
            else:
                w[a + 'time_faaaa'] = d.uniform((H, N), -0.5, 0.5)
            for n in 'kvrg':
                w[a + 'time_mix_' + n] = mix()
        elif version == '6':
            D, D2 = 32, 64
            for n in 'xwkvrg':
                w[a + 'time_maa_' + n] = mix()
            w[a + 'time_maa_w1'] = d.uniform((C, 5 * D), -0.085, 0.085)
            w[a + 'time_maa_w2'] = d.uniform((5, D, C), -0.2, 0.2)
            w[a + 'time_decay'] = d.uniform((1, 1, C), -6.0, -0.5)
            w[a + 'time_decay_w1'] = d.uniform((C, D2), -0.08, 0.08)
            w[a + 'time_decay_w2'] = d.uniform((D2, C), -0.2, 0.2)
            w[a + 'time_faaaa'] = d.uniform((H, N), -0.5, 0.5)
        else:  # 7: distinct LoRA ranks so that a mixed-up shape cannot go unnoticed
            Dw, Da, Dv, Dg = 32, 32, 16, 64
            for n in 'rwkvag':
                w[a + 'x_' + n] = mix()
            w[a + 'w0'] = d.uniform((1, 1, C), -6.0, 1.0)
            w[a + 'w1'] = d.uniform((C, Dw), -0.075, 0.075)
            w[a + 'w2'] = d.uniform((Dw, C), -0.4, 0.4)
            w[a + 'a0'] = d.uniform((1, 1, C), -1.0, 1.0)
            w[a + 'a1'] = d.uniform((C, Da), -0.08, 0.08)
            w[a + 'a2'] = d.uniform((Da, C), -0.37, 0.37)
            if i > 0 or v7_block0_v:
                w[a + 'v0'] = d.uniform((1, 1, C), -0.3, 1.4)
                w[a + 'v1'] = d.uniform((C, Dv), -0.08, 0.08)
                w[a + 'v2'] = d.uniform((Dv, C), -0.37, 0.37)
            w[a + 'g1'] = d.uniform((C, Dg), -0.2, 0.2)
            w[a + 'g2'] = d.uniform((Dg, C), -0.4, 0.4)
            w[a + 'k_k'] = d.uniform((1, 1, C), 0.7, 1.0)
            w[a + 'k_a'] = d.uniform((1, 1, C), 0.8, 1.2)
            w[a + 'r_k'] = d.uniform((H, N), -0.3, 0.3)
        for n in ('receptance', 'key', 'value', 'output'):
            w[a + n + '.weight'] = d.matrix(C, C, 2.6)
        if version in ('5.1', '5.2', '6'):
            w[a + 'gate.weight'] = d.matrix(C, C, 2.6)
        if version != '4':
            w[a + 'ln_x.weight'] = d.uniform((C,), 0.2, 1.0)
            w[a + 'ln_x.bias'] = d.normal((C,), 0.0, 0.02)
        f = p + 'ffn.'
        if version == '7':
            w[f + 'x_k'] = mix()
            if deep_embed:
                D = deep_embed
                w[f + 's_emb.weight'] = d.normal((n_vocab, D * D), 0.0, 0.3)
                w[f + 's_emb_x.weight'] = d.uniform((D * D, C), -0.05, 0.05)
                w[f + 's0'] = d.uniform((1, 1, F), 0.5, 1.5)
                w[f + 's1'] = d.uniform((C, D), -0.3, 0.3)
                w[f + 's2'] = d.uniform((D, F), -0.05, 0.05)
        elif version == '6':
            w[f + 'time_maa_k'], w[f + 'time_maa_r'] = mix(), mix()
        else:
            w[f + 'time_mix_k'], w[f + 'time_mix_r'] = mix(), mix()
        w[f + 'key.weight'] = d.matrix(F, C, 2.6)
        w[f + 'value.weight'] = d.matrix(C, F, 1.3)
        if version != '7':
            w[f + 'receptance.weight'] = d.matrix(C, C, 2.6)
        if version == '6' and time_state:
            # a tuned initial WKV state, (H, N, N) as state tuning saves it
            w[a + 'time_state'] = d.normal((H, N, N), 0.0, 0.5).clamp(-1.9, 1.9)
    w['ln_out.weight'], w['ln_out.bias'] = norm_w(), norm_b()
    w['head.weight'] = d.matrix(n_vocab, C, 2.0)           # logits std ~2
    t = DTYPES[dtype]
    return collections.OrderedDict((k, v.to(t).contiguous()) for k, v in w.items())


def main(argv):
    ap = argparse.ArgumentParser(description='random RWKV checkpoint in the released layout')
    ap.add_argument('version', choices=['4', '5.0', '5.1', '5.2', '6', '7'])
    ap.add_argument('out')
    ap.add_argument('--layers', type=int, default=2)
    ap.add_argument('--embd', type=int, default=128)
    ap.add_argument('--head', type=int, default=64)
    ap.add_argument('--vocab', type=int, default=500)
    ap.add_argument('--ffn', type=int, default=None)
    ap.add_argument('--dtype', choices=sorted(DTYPES), default='bf16')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--time-state', action='store_true', help='v6: add att.time_state')
    ap.add_argument('--v7-block0-v', action='store_true', help='v7: v0/v1/v2 in block 0 too')
    ap.add_argument('--deep-embed', type=int, default=0, metavar='D',
                    help='v7: an RWKV-7a DeepEmbed channel mix of rank D')
    a = ap.parse_args(argv)
    sd = make_checkpoint(a.version, a.layers, a.embd, a.head, a.vocab, a.ffn, a.dtype, a.seed,
                         a.time_state, a.v7_block0_v, deep_embed=a.deep_embed)
    torch.save(sd, a.out)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
