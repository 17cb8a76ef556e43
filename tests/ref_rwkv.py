#!/usr/bin/env python3
"""Independent float64 reference of the RWKV forward pass (v4, v5.0/5.1/5.2, v6, v7).

Reads a PyTorch checkpoint (.pth) with torch, converts every tensor exactly to float64 and runs
the recurrent (one token at a time) form of the model in numpy. The official implementation
(ChatRWKV's `rwkv` package 0.8.x, rwkv_pip_package/src/rwkv/model.py, and RWKV-LM's
RWKV-v7 demo for v7) is the definition of every formula; docs/VERSIONS.md lists the points
that are easy to get wrong. It is deliberately simple and slow: a test oracle, not an engine.

Usage:
    python3 tests/ref_rwkv.py MODEL.pth -t 34,105,110 [-o OUT.f32]
        writes T rows of n_vocab float32 LE logits (row i after token i from a fresh state)
    python3 tests/ref_rwkv.py --check-fixtures DIR
        compares against DIR/oracle/*.logits.f32 and DIR/tiny/oracle-*-logits-*.f32, prints the
        worst difference per model and exits 1 when one exceeds 1e-4 * max|oracle|
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

LN_EPS = 1e-5          # ln0, ln1, ln2, ln_out (torch's F.layer_norm default)
GN_EPS = 64e-5         # ln_x group norm (training's GroupNorm(x / 8) with eps 1e-5)
V7_DECAY_SCALE = 0.606531  # the official code's constant for exp(-0.5)


# ---------------------------------------------------------------------------------------------
# loading

def load_pth(path):
    """Returns (weights: name -> float64 ndarray in the checkpoint's shape, dtypes: name -> str)."""
    import torch
    sd = torch.load(path, map_location='cpu')
    if not isinstance(sd, dict):
        raise ValueError('%s: not a state dict' % path)
    w, dt = {}, {}
    for name, t in sd.items():
        if not hasattr(t, 'dtype'):
            continue
        dt[name] = str(t.dtype).replace('torch.', '')
        # bf16/f16/f32 -> f64 is exact
        w[name] = t.detach().to(torch.float64).contiguous().numpy().copy()
    return w, dt


def _checkpoint_name(name):
    """GGUF tensor name (docs/FORMAT.md) -> checkpoint name."""
    for old, new in (('token_embd_norm.', 'blocks.0.ln0.'), ('token_embd.', 'emb.'),
                     ('output_norm.', 'ln_out.'), ('output.', 'head.')):
        if name.startswith(old):
            return new + name[len(old):]
    if name.startswith('blk.'):
        name = 'blocks.' + name[4:]
    return name.replace('.attn_norm.', '.ln1.').replace('.ffn_norm.', '.ln2.')


def load_gguf(path):
    """A GGUF file of docs/FORMAT.md back in checkpoint terms: (weights: checkpoint name ->
    float64 ndarray in torch order, dtypes, version, head_size). Size-1 dims stay dropped (the
    model only reshapes), so version and head size come from the metadata."""
    import conv_gguf
    g = conv_gguf.read(path)
    np_type = {0: '<f4', 1: '<f2'}
    w, dt = {}, {}
    for name, t in g.tensors.items():
        raw = np.frombuffer(g.data, dtype='<u2' if t.type == 30 else np_type[t.type],
                            count=t.nbytes // conv_gguf.TYPE_SIZE[t.type], offset=t.abs_offset)
        if t.type == 30:
            a = (raw.astype(np.uint32) << np.uint32(16)).view(np.float32)
        else:
            a = raw
        ck = _checkpoint_name(name)
        w[ck] = a.astype(np.float64).reshape(tuple(reversed(t.dims)))
        dt[ck] = {0: 'float32', 1: 'float16', 30: 'bfloat16'}[t.type]
    if int(g.kv.get('rwkv.lora_layout', 0)) == 1:
        # LoRAs stored one row per output (docs/FORMAT.md): back to the checkpoint's x @ A
        lora = ('att.time_maa_w1', 'att.time_maa_w2', 'att.time_decay_w1', 'att.time_decay_w2',
                'att.w1', 'att.w2', 'att.a1', 'att.a2', 'att.g1', 'att.g2', 'att.v1', 'att.v2',
                'ffn.s1', 'ffn.s2')
        for ck in w:
            if ck.endswith(lora):
                w[ck] = np.swapaxes(w[ck], -1, -2).copy()
    major = int(g.kv['rwkv.architecture_version'])
    minor = int(g.kv.get('rwkv.architecture_minor_version', 0))
    version = float(major) + (minor / 10.0 if major == 5 else 0.0)
    return w, dt, version, int(g.kv.get('rwkv.wkv.head_size', 0))


def detect_version(w):
    """The official loader's rules, looking at all keys at once (see PITFALLS.md)."""
    version = 4.0
    keys = list(w.keys())
    if any('ln_x' in k for k in keys):
        version = 5.0
    if any('gate.weight' in k for k in keys):
        version = max(version, 5.1)
    for k in keys:
        if 'att.time_decay' in k and '_w' not in k and int(version) == 5:
            s = w[k].shape
            if len(s) > 1 and s[1] > 1:
                version = max(version, 5.2)
    if any('time_maa' in k for k in keys):
        version = 6.0
    if any(k.endswith('att.k_k') or k.endswith('att.r_k') for k in keys):
        version = 7.0
    return version


# ---------------------------------------------------------------------------------------------
# math helpers (float64)

def layer_norm(x, w, b, eps=LN_EPS):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def group_norm(x, n_groups, w, b, eps=GN_EPS):
    """torch.nn.functional.group_norm on one vector: each group normalized on its own, with
    the biased variance, then the per-channel affine."""
    g = x.reshape(n_groups, -1)
    mu = g.mean(-1, keepdims=True)
    var = ((g - mu) ** 2).mean(-1, keepdims=True)
    return ((g - mu) / np.sqrt(var + eps)).reshape(-1) * w + b


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def silu(x):
    return x * sigmoid(x)


# ---------------------------------------------------------------------------------------------
# the model

class RefModel:
    """The official implementation's arithmetic, in float64, on the exactly widened weights
    (ln0 is applied to the embedding in float, whatever the checkpoint's dtype)."""

    def __init__(self, w, dtypes=None, version=None, head_size=None):
        self.w = w
        self.version = version if version is not None else detect_version(w)
        self.n_embd = w['emb.weight'].shape[1]
        self.n_vocab = w['emb.weight'].shape[0]
        self.n_layer = 1 + max(int(k.split('.')[1]) for k in w if k.startswith('blocks.'))
        v = self.version
        if head_size and v >= 5:
            self.head_size, self.n_head = head_size, self.n_embd // head_size
        elif v >= 7:
            self.n_head, self.head_size = w['blocks.0.att.r_k'].shape[0], None
            self.head_size = w['blocks.0.att.r_k'].size // self.n_head
            if w['blocks.0.att.r_k'].ndim == 1:  # squeezed single head
                self.n_head, self.head_size = 1, w['blocks.0.att.r_k'].size
        elif v >= 6:
            fa = w['blocks.0.att.time_faaaa']
            self.n_head = fa.shape[0]
            self.head_size = self.n_embd // self.n_head
        elif v >= 5:
            self.n_head = w['blocks.0.att.time_decay'].shape[0]
            self.head_size = self.n_embd // self.n_head
        else:
            self.n_head, self.head_size = 0, 0

        self.emb = layer_norm(w['emb.weight'], w['blocks.0.ln0.weight'], w['blocks.0.ln0.bias'])
        self._prepare()

    def _prepare(self):
        """Load-time transforms of the official loader, per layer."""
        v, H = self.version, self.n_head
        self.layers = []
        for i in range(self.n_layer):
            p = 'blocks.%d.' % i
            g = lambda name: self.w[p + name]
            L = {'ln1w': g('ln1.weight'), 'ln1b': g('ln1.bias'),
                 'ln2w': g('ln2.weight'), 'ln2b': g('ln2.bias')}
            sq = lambda name: g(name).reshape(-1)  # '.time_' tensors are squeezed
            if v < 7:
                for n in ('receptance', 'key', 'value', 'output'):
                    L['att_' + n] = g('att.%s.weight' % n)
                for n in ('receptance', 'key', 'value'):
                    L['ffn_' + n] = g('ffn.%s.weight' % n)
            if v < 6:
                L['mk'], L['mv'], L['mr'] = sq('att.time_mix_k'), sq('att.time_mix_v'), sq('att.time_mix_r')
                L['fmk'], L['fmr'] = sq('ffn.time_mix_k'), sq('ffn.time_mix_r')
            if v == 4:
                L['w'] = -np.exp(sq('att.time_decay'))          # used as -exp(w)
                L['u'] = sq('att.time_first')                   # raw
            elif int(v) == 5:
                L['lxw'], L['lxb'] = g('att.ln_x.weight'), g('att.ln_x.bias')
                # exp(-exp(w)): per head (H,1,1) in 5.0/5.1, per key channel (H,N,1) in 5.2
                dec = np.exp(-np.exp(sq('att.time_decay')))
                L['w'] = dec.reshape(H, -1, 1)
                if p + 'att.time_faaaa' in self.w:             # u stored directly
                    L['u'] = sq('att.time_faaaa').reshape(H, -1, 1)
                else:                                           # stored as a log
                    L['u'] = np.exp(sq('att.time_first')).reshape(H, -1, 1)
                if v >= 5.1:
                    L['mg'] = sq('att.time_mix_g')
                    L['att_gate'] = g('att.gate.weight')
            elif int(v) == 6:
                L['lxw'], L['lxb'] = g('att.ln_x.weight'), g('att.ln_x.bias')
                for n in ('x', 'w', 'k', 'v', 'r', 'g'):
                    L['maa_' + n] = sq('att.time_maa_' + n)
                L['maa_w1'] = g('att.time_maa_w1')              # (C, 5*D)
                L['maa_w2'] = g('att.time_maa_w2')              # (5, D, C)
                L['decay'] = sq('att.time_decay')               # (C): + LoRA, then exp(-exp())
                L['decay_w1'] = g('att.time_decay_w1')          # (C, D2)
                L['decay_w2'] = g('att.time_decay_w2')          # (D2, C)
                L['u'] = sq('att.time_faaaa').reshape(H, -1, 1)
                L['att_gate'] = g('att.gate.weight')
                L['fmk'], L['fmr'] = sq('ffn.time_maa_k'), sq('ffn.time_maa_r')
                if p + 'att.time_state' in self.w:
                    # checkpoint (H, N, N) is [head][value][key]; the official users
                    # transpose(1, 2) it into the [head][key][value] state of the forward pass
                    L['state0'] = self.w[p + 'att.time_state'].reshape(H, self.head_size, self.head_size).transpose(0, 2, 1).copy()
            else:  # v7
                L['lxw'], L['lxb'] = g('att.ln_x.weight'), g('att.ln_x.bias')
                for n in ('r', 'w', 'k', 'v', 'a', 'g'):
                    L['x_' + n] = sq('att.x_' + n)
                for n in ('w0', 'a0', 'k_k', 'k_a'):
                    L[n] = sq('att.' + n)
                for n in ('w1', 'w2', 'a1', 'a2', 'g1', 'g2'):
                    L[n] = g('att.' + n)                        # (C, D) and (D, C): x @ w1 @ w2
                L['r_k'] = g('att.r_k').reshape(-1)
                if i > 0:                                       # block 0 never uses v0/v1/v2
                    L['v0'] = sq('att.v0')
                    L['v1'], L['v2'] = g('att.v1'), g('att.v2')
                for n in ('receptance', 'key', 'value', 'output'):
                    L['att_' + n] = g('att.%s.weight' % n)
                L['ffn_key'], L['ffn_value'] = g('ffn.key.weight'), g('ffn.value.weight')
                L['fxk'] = sq('ffn.x_k')
                if p + 'ffn.s_emb.weight' in self.w:            # RWKV-7a DeepEmbed
                    L['s_emb'] = g('ffn.s_emb.weight')          # (V, D*D)
                    L['s_emb_x'] = g('ffn.s_emb_x.weight')      # (D*D, C)
                    L['s0'] = sq('ffn.s0')                      # (F)
                    L['s1'], L['s2'] = g('ffn.s1'), g('ffn.s2') # (C, D), (D, F)
            self.layers.append(L)
        self.lnow, self.lnob = self.w['ln_out.weight'], self.w['ln_out.bias']
        self.head = self.w['head.weight']

    # -- state ----------------------------------------------------------------------------

    def new_state(self):
        C, H, N = self.n_embd, self.n_head, self.head_size
        st = []
        for L in self.layers:
            s = {'att_x': np.zeros(C), 'ffn_x': np.zeros(C)}
            if self.version == 4:
                s['aa'], s['bb'] = np.zeros(C), np.zeros(C)
                s['pp'] = np.full(C, -1e30)
            else:
                s['S'] = L['state0'].copy() if 'state0' in L else np.zeros((H, N, N))
            st.append(s)
        return st

    # -- blocks -----------------------------------------------------------------------------

    def _att_v4(self, L, s, xx):
        sx = s['att_x']
        kx = xx * L['mk'] + sx * (1 - L['mk'])
        vx = xx * L['mv'] + sx * (1 - L['mv'])
        rx = xx * L['mr'] + sx * (1 - L['mr'])
        r = sigmoid(L['att_receptance'] @ rx)
        k = L['att_key'] @ kx
        v = L['att_value'] @ vx
        aa, bb, pp = s['aa'], s['bb'], s['pp']
        ww = L['u'] + k
        p = np.maximum(pp, ww)
        e1, e2 = np.exp(pp - p), np.exp(ww - p)
        wkv = (e1 * aa + e2 * v) / (e1 * bb + e2)
        ww = L['w'] + pp
        p = np.maximum(ww, k)
        e1, e2 = np.exp(ww - p), np.exp(k - p)
        s['aa'], s['bb'], s['pp'] = e1 * aa + e2 * v, e1 * bb + e2, p
        s['att_x'] = xx
        return L['att_output'] @ (r * wkv)

    def _wkv_v5(self, L, s, r, k, v, w):
        """S [H][key][value]; out = r·(u ⊙ kᵀv + S); S ← kᵀv + w ⊙ S (w broadcast over
        the key axis: (H,1,1) or (H,N,1))."""
        H, N = self.n_head, self.head_size
        r, k, v = r.reshape(H, N), k.reshape(H, N), v.reshape(H, N)
        a = k[:, :, None] * v[:, None, :]
        S = s['S']
        out = np.einsum('hi,hij->hj', r, L['u'] * a + S)
        s['S'] = a + w * S
        return group_norm(out.reshape(-1), H, L['lxw'], L['lxb'])

    def _att_v5(self, L, s, xx):
        sx = s['att_x']
        kx = xx * L['mk'] + sx * (1 - L['mk'])
        vx = xx * L['mv'] + sx * (1 - L['mv'])
        rx = xx * L['mr'] + sx * (1 - L['mr'])
        r = L['att_receptance'] @ rx
        k = L['att_key'] @ kx
        v = L['att_value'] @ vx
        out = self._wkv_v5(L, s, r, k, v, L['w'])
        if self.version >= 5.1:
            gx = xx * L['mg'] + sx * (1 - L['mg'])
            out = out * silu(L['att_gate'] @ gx)
        s['att_x'] = xx
        return L['att_output'] @ out

    def _att_v6(self, L, s, xx):
        H, N = self.n_head, self.head_size
        sx = s['att_x'] - xx
        xxx = xx + sx * L['maa_x']
        xxx = np.tanh(xxx @ L['maa_w1'])                      # (5*D)
        D = L['maa_w2'].shape[1]
        m = np.einsum('fd,fdc->fc', xxx.reshape(5, D), L['maa_w2'])  # (5, C): w, k, v, r, g
        wx = xx + sx * (L['maa_w'] + m[0])
        kx = xx + sx * (L['maa_k'] + m[1])
        vx = xx + sx * (L['maa_v'] + m[2])
        rx = xx + sx * (L['maa_r'] + m[3])
        gx = xx + sx * (L['maa_g'] + m[4])
        r = L['att_receptance'] @ rx
        k = L['att_key'] @ kx
        v = L['att_value'] @ vx
        g = silu(L['att_gate'] @ gx)
        w = L['decay'] + np.tanh(wx @ L['decay_w1']) @ L['decay_w2']
        w = np.exp(-np.exp(w)).reshape(H, N, 1)
        out = self._wkv_v5(L, s, r, k, v, w) * g
        s['att_x'] = xx
        return L['att_output'] @ out

    def _att_v7(self, L, s, xx, layer, v_first):
        H, N = self.n_head, self.head_size
        d = s['att_x'] - xx
        xr, xw, xk = xx + d * L['x_r'], xx + d * L['x_w'], xx + d * L['x_k']
        xv, xa, xg = xx + d * L['x_v'], xx + d * L['x_a'], xx + d * L['x_g']
        r = L['att_receptance'] @ xr
        w = np.tanh(xw @ L['w1']) @ L['w2']
        k = L['att_key'] @ xk
        v = L['att_value'] @ xv
        a = sigmoid(L['a0'] + (xa @ L['a1']) @ L['a2'])
        g = sigmoid(xg @ L['g1']) @ L['g2']                   # no sigmoid on the output
        kk = (k * L['k_k']).reshape(H, N)                       # normalized BEFORE k changes
        kk = (kk / np.maximum(np.linalg.norm(kk, axis=-1, keepdims=True), 1e-12)).reshape(-1)
        k = k * (1 + (a - 1) * L['k_a'])
        if layer == 0:
            v_first = v
        else:
            v = v + (v_first - v) * sigmoid(L['v0'] + (xv @ L['v1']) @ L['v2'])
        w = np.exp(-V7_DECAY_SCALE * sigmoid(L['w0'] + w))
        # S [H][value][key]: S ← S·diag(w) + (S·(−kk))·(kk⊙a)ᵀ + v·kᵀ, both from the old S
        S = s['S']
        kkh, ah, kh, vh, rh = (t.reshape(H, N) for t in (kk, a, k, v, r))
        Sk = np.einsum('hij,hj->hi', S, -kkh)
        S = S * w.reshape(H, 1, N) + Sk[:, :, None] * (kkh * ah)[:, None, :] + vh[:, :, None] * kh[:, None, :]
        s['S'] = S
        y = np.einsum('hij,hj->hi', S, rh).reshape(-1)
        y = group_norm(y, H, L['lxw'], L['lxb'])
        y = y + ((rh * kh * L['r_k'].reshape(H, N)).sum(-1, keepdims=True) * vh).reshape(-1)
        s['att_x'] = xx
        return L['att_output'] @ (y * g), v_first

    def _ffn(self, L, s, xx, token):
        sx = s['ffn_x']
        s['ffn_x'] = xx
        if self.version >= 7:
            k = xx + (sx - xx) * L['fxk']
            k = np.maximum(L['ffn_key'] @ k, 0) ** 2
            if 's_emb' in L:
                # RWKV-v7/rwkv_v7a_demo.py: s_emb merged at load with the ln0'd embedding
                # through s_emb_x, its token's row viewed (D, D); the gate from xx itself
                D = L['s1'].shape[1]
                semb = L['s_emb'][token] + L['s_emb_x'] @ self.emb[token]
                ss = (xx @ L['s1']) @ semb.reshape(D, D)
                k = k * ((ss @ L['s2']) + L['s0'])
            return L['ffn_value'] @ k
        if self.version >= 6:
            kx = xx + (sx - xx) * L['fmk']
            rx = xx + (sx - xx) * L['fmr']
        else:
            kx = xx * L['fmk'] + sx * (1 - L['fmk'])
            rx = xx * L['fmr'] + sx * (1 - L['fmr'])
        r = sigmoid(L['ffn_receptance'] @ rx)
        return r * (L['ffn_value'] @ (np.maximum(L['ffn_key'] @ kx, 0) ** 2))

    # -- evaluation ---------------------------------------------------------------------------

    def eval(self, token, state, trace=None):
        """One token; returns float64 logits. trace (a list) collects per-layer residuals."""
        x = self.emb[token].copy()
        v_first = None
        for i, L in enumerate(self.layers):
            s = state[i]
            xx = layer_norm(x, L['ln1w'], L['ln1b'])
            if self.version == 4:
                x = x + self._att_v4(L, s, xx)
            elif int(self.version) == 5:
                x = x + self._att_v5(L, s, xx)
            elif int(self.version) == 6:
                x = x + self._att_v6(L, s, xx)
            else:
                out, v_first = self._att_v7(L, s, xx, i, v_first)
                x = x + out
            if trace is not None:
                trace.append(('blk%d.att' % i, x.copy()))
            xx = layer_norm(x, L['ln2w'], L['ln2b'])
            x = x + self._ffn(L, s, xx, token)
            if trace is not None:
                trace.append(('blk%d.ffn' % i, x.copy()))
        x = layer_norm(x, self.lnow, self.lnob)
        return self.head @ x

    def logits(self, tokens, state=None):
        """Logits after each token from a fresh state (or the given one): (T, V) float64."""
        st = state if state is not None else self.new_state()
        return np.stack([self.eval(int(t), st) for t in tokens])


def load_model(path, **kw):
    """A .pth checkpoint, or a .gguf file (read back with tests/conv_gguf.py)."""
    if path.endswith('.gguf'):
        w, dt, version, head_size = load_gguf(path)
        return RefModel(w, dt, version=version, head_size=head_size, **kw)
    w, dt = load_pth(path)
    return RefModel(w, dt, **kw)


# ---------------------------------------------------------------------------------------------
# fixture check

def worst_diff(ref, got):
    """max |Δ| and the bound scale max|ref| over the whole array."""
    return float(np.max(np.abs(ref - got))), float(np.max(np.abs(ref)))


def check_fixtures(fx):
    rows, ok = [], True
    man = os.path.join(fx, 'oracle', 'manifest.jsonl')
    with open(man) as f:
        for line in f:
            if not line.strip():
                continue
            e = json.loads(line)
            m = load_model(os.path.join(fx, 'oracle', e['model']))
            ref = np.fromfile(os.path.join(fx, 'oracle', e['logits']), '<f4').reshape(len(e['tokens']), -1)
            got = m.logits(e['tokens'])
            rows.append((e['model'], 'v%g' % m.version, got.shape[0]) + worst_diff(ref, got))
    tiny = os.path.join(fx, 'tiny')
    with open(os.path.join(tiny, 'oracle-prompt.txt'), 'rb') as f:
        prompt = list(f.read().rstrip(b'\n'))
    for name in sorted(os.listdir(tiny)):
        if not (name.startswith('tiny-rwkv-') and name.endswith('.pth')):
            continue
        tag = name[len('tiny-rwkv-'):-4]
        if tag.endswith('-bf16'):  # the same model stored in bf16 (lossless): same references
            tag = tag[:-len('-bf16')]
        m = load_model(os.path.join(tiny, name))
        for toks, fn in ((prompt, 'oracle-prompt-logits-%s.f32' % tag), ([34, 105, 110], 'oracle-logits-%s.f32' % tag)):
            ref = np.fromfile(os.path.join(tiny, fn), '<f4').reshape(len(toks), -1)
            got = m.logits(toks)
            rows.append((name + ' ' + ('prompt' if len(toks) > 3 else '"in"'), 'v%g' % m.version, len(toks)) + worst_diff(ref, got))
    print('%-40s %-5s %3s %11s %11s %s' % ('model', 'ver', 'T', 'max|d|', 'bound', 'result'))
    for name, ver, T, d, scale in rows:
        bound = 1e-4 * scale
        good = d <= bound
        ok = ok and good
        print('%-40s %-5s %3d %11.3e %11.3e %s' % (name, ver, T, d, bound, 'ok' if good else 'FAIL'))
    return ok


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('model', nargs='?')
    ap.add_argument('-t', '--tokens')
    ap.add_argument('-o', '--out')
    ap.add_argument('--check-fixtures', metavar='DIR')
    a = ap.parse_args(argv)
    if a.check_fixtures:
        return 0 if check_fixtures(a.check_fixtures) else 1
    if not a.model or not a.tokens:
        ap.error('MODEL and -t are required')
    m = load_model(a.model)
    lg = m.logits([int(t) for t in a.tokens.split(',')])
    if a.out:
        lg.astype('<f4').tofile(a.out)
    else:
        np.savetxt(sys.stdout, lg[:, :8], fmt='%.6f')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
