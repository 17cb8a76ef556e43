#!/usr/bin/python3
"""train_kjv.py - train a small byte-level RWKV-7 ("x070") language model with PyTorch.

The model, its initialization, LoRA ranks, optimizer groups, learning-rate schedule, loss
(cross entropy + L2Wrap) and Adam settings follow the official RWKV-7 training code
(BlinkDL/RWKV-LM, RWKV-v7/train_temp: src/model.py, src/trainer.py, train.py); the forward pass
is the one of the official inference code (ChatRWKV / RWKV-LM's v7 demo), which rwkv.c runs.
This is an independent implementation: pure PyTorch, no CUDA kernel, no Lightning/DeepSpeed.
The WKV recurrence runs in a chunked parallel form (below) in float32 on the CPU and on CUDA.
It writes official-layout checkpoints (same key names and shapes as released RWKV-7 .pth
files) that `python3 convert_pth.py MODEL.pth MODEL.gguf` converts for rwkv.c.

Commands (run with a Python that has torch, e.g. Debian's /usr/bin/python3):

  train     train or resume (--resume) a model on DATA/train.txt, watching DATA/valid.txt
            /usr/bin/python3 tools/train_kjv.py train --data build/kjv --out build/kjv-run \\
                --n-layer 5 --n-embd 256 --ctx 1024 --batch 32 --steps 4000
  eval      bits per byte of a .pth on a text file, chunked exactly like
            `rwkv perplexity --ctx N` (every chunk from a fresh state; its first token is
            not predicted)
  logits    the logits after each of a list of token ids, like `rwkv logits` (float32 rows)
  export    the model of a training checkpoint (ckpt.pt) as an official-layout .pth
  plot      the training/validation loss curves of a run (log.jsonl) as a PNG (matplotlib)
  info      parameter count and F16 GGUF size of a configuration

Training details (official x070 unless said otherwise):
* init: x_r..x_g, w0/a0/v0, k_k/k_a/r_k, zero w1/a1/v1/g1, orthogonal w2/a2/v2/g2 (gain 0.1),
  then generate_init_weight's rules: emb U(+-1e-4), head orthogonal (gain 0.5 *
  sqrt(V/C) when V > C, else 0.5), att.output / ffn.value zero, att.key orthogonal 0.1, other
  matrices orthogonal 1.0, ln_x.weight ((layer+1)/n_layer)^0.7; LayerNorms 1/0.
* LoRA ranks: decay and a: max(32, round(2.5 sqrt(C)/32)*32), v: 1.7 sqrt(C), gate: 5 sqrt(C).
* decay w = exp(-exp(-0.5) * sigmoid(w0 + tanh(xw w1) w2)) (the "clampw" kernel; identical to
  ChatRWKV's exp(-exp(-softplus(-w) - 0.5))); ln_x GroupNorm eps 64e-5; F.normalize eps 1e-12.
* AdamW, betas (0.9, 0.99), eps 1e-18; weight decay only on 2-D ".weight" matrices (emb, head,
  att/ffn projections); att.w0 at 2x the learning rate; gradient clipping at 1.0; warmup
  (0.01 + 0.99 step/warmup) then cosine from lr_init to lr_final (the my_exit_tokens > 0 rule).
* L2Wrap: the gradient of the largest logit of each position gets + 1e-4/(B*T) * its value.
* --dropout (default 0): RWKV-LM v5/v6's option (x070 has none): x = drop(x + att(ln1(x))),
  x = drop(x + ffn(ln2(x))). It only acts in training; the saved weights are plain x070.
* On CUDA the projections run under bf16 autocast (like the official bf16 training); the WKV
  recurrence, the norms, the loss and every evaluation run in float32.
* Data: random windows of ctx+1 bytes of train.txt; the window offsets of step s come from a
  generator seeded with (seed, s), so a resumed run draws exactly the batches of an
  uninterrupted one.

The WKV recurrence (per head, state S [value][key], official layout):
    S_t = S_{t-1} diag(w_t) + (S_{t-1} a_t) b_t^T + v_t k_t^T,  y_t = S_t r_t
with a = -kk, b = kk * a_gate. In a chunk of L steps, with c_t = sum_{i<=t} log w_i (the decay
is at least exp(-0.6065) per step, so exp(+-c) stays within float32 for L <= 32), the vectors
u_t = S_{t-1} a_t solve a unit lower-triangular L x L system and the chunk's outputs and final
state are matrix products; only the chunk-to-chunk state update S <- S G + H is sequential.
"""

import argparse
import contextlib
import json
import math
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

DECAY_SCALE = math.exp(-0.5)   # 0.6065306597 (the official training kernel's constant)
LN_EPS = 1e-5
GN_EPS = 64e-5


# ================================================================================================
# WKV-7 recurrence

def wkv7_loop(r, logw, k, v, a, b, state=None):
    """Reference: one step at a time. Inputs (B, T, H, N) float; returns y (B, T, H, N) and the
    final state (B, H, N, N) [value][key]."""
    B, T, H, N = r.shape
    S = torch.zeros(B, H, N, N, dtype=r.dtype, device=r.device) if state is None else state
    w = torch.exp(logw)
    ys = []
    for t in range(T):
        sa = S @ a[:, t, :, :, None]                                  # (B,H,N,1)
        S = S * w[:, t, :, None, :] + sa @ b[:, t, :, None, :] + v[:, t, :, :, None] @ k[:, t, :, None, :]
        ys.append((S @ r[:, t, :, :, None]).squeeze(-1))
    return torch.stack(ys, dim=1), S


def wkv7_chunked(r, logw, k, v, a, b, chunk=16, return_state=False):
    """The same recurrence in chunks of `chunk` steps from a zero state (see the module
    docstring). Inputs (B, T, H, N) float32; T is padded internally to a multiple of chunk
    (the padding comes after the real steps, so it changes nothing)."""
    B, T, H, N = r.shape
    L = chunk
    pad = (-T) % L
    if pad:
        r, logw, k, v, a, b = (F.pad(x, (0, 0, 0, 0, 0, pad)) for x in (r, logw, k, v, a, b))
    Tp = T + pad
    NC = Tp // L

    def split(x):  # (B, Tp, H, N) -> (B, H, NC, L, N)
        return x.view(B, NC, L, H, N).permute(0, 3, 1, 2, 4)

    r, logw, k, v, a, b = (split(x) for x in (r, logw, k, v, a, b))
    c = torch.cumsum(logw, dim=-2)              # log of the decay from the chunk start to t (incl.)
    cp = c - logw                               # ... to t-1
    cl = c[..., -1:, :]                         # ... over the whole chunk
    a_s = a * torch.exp(cp)                     # a_t seen from the chunk start
    r_s = r * torch.exp(c)
    ec = torch.exp(-c)
    b_i, k_i = b * ec, k * ec
    e_end = torch.exp(cl - c)
    b_e, k_e = b * e_end, k * e_end             # their decay to the chunk end
    ones = torch.ones(L, L, dtype=r.dtype, device=r.device)
    strict, incl = torch.tril(ones, -1), torch.tril(ones)
    kt, bt = k_i.transpose(-1, -2), b_i.transpose(-1, -2)
    A_ab = (a_s @ bt) * strict
    A_ak = (a_s @ kt) * strict
    A_rb = (r_s @ bt) * incl
    A_rk = (r_s @ kt) * incl
    eye = torch.eye(L, dtype=r.dtype, device=r.device)
    rhs = torch.cat([a_s, A_ak @ v], dim=-1)
    sol = torch.linalg.solve_triangular(eye - A_ab, rhs, upper=False, unitriangular=True)
    Wm, U = sol[..., :N], sol[..., N:]          # u_t = W_t S0^T + U_t
    P = r_s + A_rb @ Wm                         # y_t = P_t S0^T + Y_t
    Y = A_rb @ U + A_rk @ v
    G = torch.diag_embed(torch.exp(cl.squeeze(-2))) + Wm.transpose(-1, -2) @ b_e   # S_end = S0 G + Hm
    Hm = U.transpose(-1, -2) @ b_e + v.transpose(-1, -2) @ k_e
    G = G.transpose(0, 2).reshape(NC, H * B, N, N)     # chunk-major for the sequential scan
    Hm = Hm.transpose(0, 2).reshape(NC, H * B, N, N)
    S = torch.zeros(H * B, N, N, dtype=r.dtype, device=r.device)
    starts = []
    for n in range(NC):
        starts.append(S)
        S = torch.baddbmm(Hm[n], S, G[n])       # S_next = S G + Hm
    S0 = torch.stack(starts, dim=0).view(NC, H, B, N, N).transpose(0, 2)  # (B, H, NC, N, N)
    S = S.view(H, B, N, N).transpose(0, 1)
    y = P @ S0.transpose(-1, -2) + Y            # (B, H, NC, L, N)
    y = y.permute(0, 2, 3, 1, 4).reshape(B, Tp, H, N)[:, :T]
    return (y, S) if return_state else y


# ================================================================================================
# model (official x070 layout)

def lora_dims(C):
    r = lambda mult: max(32, int(round(mult * (C ** 0.5) / 32) * 32))
    return {'w': r(2.5), 'a': r(2.5), 'v': r(1.7), 'g': r(5.0)}


def ortho_(x, scale):
    gain = math.sqrt(x.shape[0] / x.shape[1]) if x.shape[0] > x.shape[1] else 1
    nn.init.orthogonal_(x, gain=gain * scale)
    return x


def time_shift(x):
    """x[t-1] at t, zero at t = 0 (B, T, C)."""
    return F.pad(x, (0, 0, 1, -1))


class TimeMix(nn.Module):
    def __init__(self, cfg, layer_id):
        super().__init__()
        self.layer_id = layer_id
        C, N = cfg['n_embd'], cfg['head_size']
        H = C // N
        self.n_head, self.head_size, self.chunk = H, N, cfg.get('chunk', 16)
        nl = cfg['n_layer']
        D = lora_dims(C)
        with torch.no_grad():
            ratio_0_to_1 = layer_id / (nl - 1) if nl > 1 else 0.0
            ratio_1_to_almost0 = 1.0 - layer_id / nl
            ddd = torch.arange(C, dtype=torch.float32).view(1, 1, C) / C
            self.x_r = nn.Parameter(1.0 - torch.pow(ddd, 0.2 * ratio_1_to_almost0))
            self.x_w = nn.Parameter(1.0 - torch.pow(ddd, 0.9 * ratio_1_to_almost0))
            self.x_k = nn.Parameter(1.0 - torch.pow(ddd, 0.7 * ratio_1_to_almost0))
            self.x_v = nn.Parameter(1.0 - torch.pow(ddd, 0.7 * ratio_1_to_almost0))
            self.x_a = nn.Parameter(1.0 - torch.pow(ddd, 0.9 * ratio_1_to_almost0))
            self.x_g = nn.Parameter(1.0 - torch.pow(ddd, 0.2 * ratio_1_to_almost0))
            n = torch.arange(C, dtype=torch.float64)
            linear = n / (C - 1) - 0.5
            zigzag = ((n % N) - (N - 1) / 2) / ((N - 1) / 2)
            zigzag = zigzag * zigzag.abs()
            www = -6 + 6 * (n / (C - 1)) ** (1 + 1 * ratio_0_to_1 ** 0.3)
            f32 = lambda t: t.to(torch.float32).view(1, 1, C)
            self.w1 = nn.Parameter(torch.zeros(C, D['w']))
            self.w2 = nn.Parameter(ortho_(torch.zeros(D['w'], C), 0.1))
            self.w0 = nn.Parameter(f32(www + 0.5 + zigzag * 2.5))
            self.a1 = nn.Parameter(torch.zeros(C, D['a']))
            self.a2 = nn.Parameter(ortho_(torch.zeros(D['a'], C), 0.1))
            self.a0 = nn.Parameter(f32(torch.zeros(C) - 0.19 + zigzag * 0.3 + linear * 0.4))
            self.v1 = nn.Parameter(torch.zeros(C, D['v']))
            self.v2 = nn.Parameter(ortho_(torch.zeros(D['v'], C), 0.1))
            self.v0 = nn.Parameter(f32(torch.zeros(C) + 0.73 - linear * 0.4))
            self.g1 = nn.Parameter(torch.zeros(C, D['g']))
            self.g2 = nn.Parameter(ortho_(torch.zeros(D['g'], C), 0.1))
            self.k_k = nn.Parameter(f32(torch.zeros(C) + 0.71 - linear * 0.1))
            self.k_a = nn.Parameter(torch.zeros(1, 1, C) + 1.02)
            self.r_k = nn.Parameter(torch.zeros(H, N) - 0.04)
        self.receptance = nn.Linear(C, C, bias=False)
        self.key = nn.Linear(C, C, bias=False)
        self.value = nn.Linear(C, C, bias=False)
        self.output = nn.Linear(C, C, bias=False)
        self.ln_x = nn.GroupNorm(H, C, eps=GN_EPS)

    def forward(self, x, v_first, wkv=None):
        B, T, C = x.shape
        H, N = self.n_head, self.head_size
        xx = time_shift(x) - x
        xr, xw, xk = x + xx * self.x_r, x + xx * self.x_w, x + xx * self.x_k
        xv, xa, xg = x + xx * self.x_v, x + xx * self.x_a, x + xx * self.x_g
        r = self.receptance(xr)
        w = self.w0 + torch.tanh(xw @ self.w1) @ self.w2
        k = self.key(xk)
        v = self.value(xv)
        if self.layer_id == 0:
            v_first = v
        else:
            v = v + (v_first - v) * torch.sigmoid(self.v0 + (xv @ self.v1) @ self.v2)
        a = torch.sigmoid(self.a0 + (xa @ self.a1) @ self.a2)
        g = torch.sigmoid(xg @ self.g1) @ self.g2
        with (torch.autocast(device_type='cuda', enabled=False) if x.is_cuda else contextlib.nullcontext()):
            r, w, k, v, a, g = (t.float() for t in (r, w, k, v, a, g))
            kk = F.normalize((k * self.k_k).view(B, T, H, N), dim=-1, p=2.0, eps=1e-12)
            k = k * (1 + (a - 1) * self.k_a)
            logw = -DECAY_SCALE * torch.sigmoid(w)
            hv = lambda t: t.view(B, T, H, N)
            args = (hv(r), hv(logw), hv(k), hv(v), -kk, kk * hv(a))
            if wkv == 'loop':
                y = wkv7_loop(*args)[0]
            else:
                y = wkv7_chunked(*args, chunk=self.chunk)
            y = self.ln_x(y.reshape(B * T, C)).view(B, T, C)
            y = y + ((hv(r) * hv(k) * self.r_k).sum(dim=-1, keepdim=True) * hv(v)).view(B, T, C)
            y = y * g
        return self.output(y), v_first


class ChannelMix(nn.Module):
    def __init__(self, cfg, layer_id):
        super().__init__()
        C, nl = cfg['n_embd'], cfg['n_layer']
        with torch.no_grad():
            ratio_1_to_almost0 = 1.0 - layer_id / nl
            ddd = torch.arange(C, dtype=torch.float32).view(1, 1, C) / C
            self.x_k = nn.Parameter(1.0 - torch.pow(ddd, ratio_1_to_almost0 ** 4))
        self.key = nn.Linear(C, cfg['dim_ffn'], bias=False)
        self.value = nn.Linear(cfg['dim_ffn'], C, bias=False)

    def forward(self, x):
        k = x + (time_shift(x) - x) * self.x_k
        return self.value(torch.relu(self.key(k)) ** 2)


class Block(nn.Module):
    def __init__(self, cfg, layer_id):
        super().__init__()
        C = cfg['n_embd']
        self.layer_id = layer_id
        self.ln1 = nn.LayerNorm(C, eps=LN_EPS)
        self.ln2 = nn.LayerNorm(C, eps=LN_EPS)
        if layer_id == 0:
            self.ln0 = nn.LayerNorm(C, eps=LN_EPS)
        self.att = TimeMix(cfg, layer_id)
        self.ffn = ChannelMix(cfg, layer_id)
        p = cfg.get('dropout', 0.0)
        self.drop0 = nn.Dropout(p) if p > 0 else nn.Identity()
        self.drop1 = nn.Dropout(p) if p > 0 else nn.Identity()

    def forward(self, x, v_first, wkv=None):
        if self.layer_id == 0:
            x = self.ln0(x)
        dx, v_first = self.att(self.ln1(x), v_first, wkv)
        x = self.drop0(x + dx)
        x = self.drop1(x + self.ffn(self.ln2(x)))
        return x, v_first


class RWKV7(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        cfg = dict(cfg)
        cfg.setdefault('dim_ffn', 4 * cfg['n_embd'])
        assert cfg['n_embd'] % cfg['head_size'] == 0
        self.cfg = cfg
        C, V = cfg['n_embd'], cfg['vocab_size']
        self.emb = nn.Embedding(V, C)
        self.blocks = nn.ModuleList([Block(cfg, i) for i in range(cfg['n_layer'])])
        self.ln_out = nn.LayerNorm(C, eps=LN_EPS)
        self.head = nn.Linear(C, V, bias=False)
        self.init_official()

    @torch.no_grad()
    def init_official(self):
        """RWKV-LM's generate_init_weight() on top of the modules' own initialization."""
        C, V, nl = self.cfg['n_embd'], self.cfg['vocab_size'], self.cfg['n_layer']
        for n, p in self.named_parameters():
            if 'ln_' in n or '.ln' in n or '.weight' not in n:
                if 'ln_x.weight' in n:
                    p.fill_(((1 + int(n.split('.')[1])) / nl) ** 0.7)
                elif n.startswith('ln_') or '.ln' in n:
                    p.fill_(1.0 if n.endswith('.weight') else 0.0)
            elif n == 'emb.weight':
                nn.init.uniform_(p, a=-1e-4, b=1e-4)
            elif n == 'head.weight':
                nn.init.orthogonal_(p, gain=0.5 * math.sqrt(V / C) if V > C else 0.5)
            else:
                scale = 1.0
                if '.att.output.' in n or '.ffn.value.' in n:
                    scale = 0.0
                if '.att.key.' in n:
                    scale = 0.1
                if scale == 0:
                    nn.init.zeros_(p)
                else:
                    nn.init.orthogonal_(p, gain=scale)

    def forward(self, idx, wkv=None):
        x = self.emb(idx)
        v_first = None
        for blk in self.blocks:
            x, v_first = blk(x, v_first, wkv)
        x = self.ln_out(x)
        return self.head(x)

    def official_state_dict(self):
        """float32 tensors on the CPU under the official key names (no other entries)."""
        return {k: v.detach().to('cpu', torch.float32).contiguous() for k, v in self.state_dict().items()}


def config_from_state_dict(sd):
    C = sd['emb.weight'].shape[1]
    nl = 1 + max(int(k.split('.')[1]) for k in sd if k.startswith('blocks.'))
    H, N = sd['blocks.0.att.r_k'].shape
    return {'n_layer': nl, 'n_embd': C, 'head_size': N, 'vocab_size': sd['emb.weight'].shape[0],
            'dim_ffn': sd['blocks.0.ffn.key.weight'].shape[0]}


def load_pth(path, device='cpu', chunk=16):
    sd = torch.load(path, map_location='cpu')
    sd = {k: v.float() for k, v in sd.items()}
    cfg = config_from_state_dict(sd)
    cfg['chunk'] = chunk
    model = RWKV7(cfg)
    model.load_state_dict(sd)
    return model.to(device).eval()


def count_params(model):
    return sum(p.numel() for p in model.parameters())


def gguf_f16_bytes(model):
    """Tensor bytes of `convert_pth.py --dtype f16`: 2-D matrices f16, the rest f32."""
    total = 0
    for k, v in model.state_dict().items():
        total += v.numel() * (2 if v.dim() == 2 else 4)
    return total


class L2Wrap(torch.autograd.Function):
    """Identity on the loss; adds 1e-4/(B*T) * max to the gradient of each position's largest
    logit (official RWKV L2Wrap, with grad_output applied to both parts)."""
    @staticmethod
    def forward(ctx, loss, logits):
        ctx.save_for_backward(logits)
        return loss

    @staticmethod
    def backward(ctx, grad_output):
        (logits,) = ctx.saved_tensors
        factor = 1e-4 / (logits.shape[0] * logits.shape[1])
        maxx, ids = torch.max(logits, -1, keepdim=True)
        gl = torch.zeros_like(logits)
        gl.scatter_(-1, ids, maxx * factor)
        return grad_output, grad_output * gl


# ================================================================================================
# evaluation

@torch.no_grad()
def evaluate_bytes(model, data, ctx, batch=16, device='cpu'):
    """(total NLL in nats, predicted tokens) of `data` (bytes), chunked like
    `rwkv perplexity --ctx ctx` (ctx 0 = one chunk): every chunk from a fresh state, all of
    its tokens but the first predicted. float32, no autocast."""
    model.eval()
    n = len(data)
    ctx = n if ctx <= 0 or ctx > n else ctx
    ids = torch.tensor(list(data), dtype=torch.long)
    chunks = [ids[s:min(s + ctx, n)] for s in range(0, n, ctx)]
    chunks = [c for c in chunks if len(c) >= 2]
    nll, npred = 0.0, 0
    full = [c for c in chunks if len(c) == ctx]
    rest = [c for c in chunks if len(c) != ctx]
    groups = [torch.stack(full[i:i + batch]) for i in range(0, len(full), batch)]
    groups += [c.view(1, -1) for c in rest]
    for g in groups:
        g = g.to(device)
        logits = model(g[:, :-1]).float()
        lp = F.log_softmax(logits, dim=-1)
        tgt = g[:, 1:]
        nll -= lp.gather(-1, tgt.unsqueeze(-1)).sum().double().item()
        npred += tgt.numel()
    return nll, npred


# ================================================================================================
# training

def lr_at(step, a):
    """Official schedule: cosine from lr_init to lr_final between warmup and total steps, with
    the warmup factor (0.01 + 0.99 step/warmup) during the first warmup steps."""
    w = a['warmup']
    progress = (step - w) / max(1, a['steps'] - w) if a['steps'] > 0 else 0.0
    progress = max(0.0, min(1.0, progress))
    f = a['lr_final'] / a['lr_init']
    lr = a['lr_init'] * ((0.5 + f / 2) + (0.5 - f / 2) * math.cos(math.pi * progress))
    if step < w:
        lr = lr * (0.01 + 0.99 * step / w)
    return lr


def make_optimizer(model, a):
    decay, one, two = [], [], []
    for n, p in model.named_parameters():
        if 'att.w0' in n:
            two.append(p)
        elif len(p.squeeze().shape) >= 2 and a['weight_decay'] > 0 and '.weight' in n:
            decay.append(p)
        else:
            one.append(p)
    groups = [{'params': one, 'weight_decay': 0.0, 'my_lr_scale': 1.0},
              {'params': two, 'weight_decay': 0.0, 'my_lr_scale': 2.0}]
    if decay:
        groups.append({'params': decay, 'weight_decay': a['weight_decay'], 'my_lr_scale': 1.0})
    return torch.optim.AdamW(groups, lr=a['lr_init'], betas=(a['beta1'], a['beta2']),
                             eps=a['adam_eps'])


def get_batch(data, step, a, device):
    g = torch.Generator()
    g.manual_seed(a['seed'] * 1000003 + step)
    offs = torch.randint(0, len(data) - a['ctx'] - 1, (a['batch'],), generator=g)
    idx = offs[:, None] + torch.arange(a['ctx'] + 1)[None, :]
    xy = data[idx].to(device=device, dtype=torch.long)
    return xy[:, :-1], xy[:, 1:]


def fmt_time(s):
    s = int(max(0, s))
    return '%d:%02d:%02d' % (s // 3600, s // 60 % 60, s % 60) if s >= 3600 else '%d:%02d' % (s // 60, s % 60)


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


def atomic_save(obj, path):
    tmp = path + '.tmp'
    torch.save(obj, tmp)
    os.replace(tmp, path)


def log_json(path, rec):
    with open(path, 'a') as f:
        f.write(json.dumps(rec) + '\n')


TRAIN_KEYS = ['n_layer', 'n_embd', 'head_size', 'ctx', 'batch', 'steps', 'epochs', 'minutes', 'lr_init',
              'lr_final', 'warmup', 'weight_decay', 'beta1', 'beta2', 'adam_eps', 'grad_clip',
              'dropout', 'seed', 'chunk', 'eval_every', 'log_every', 'ckpt_every', 'eval_ctx',
              'data', 'wkv']


def cmd_train(args):
    out = args.out
    os.makedirs(out, exist_ok=True)
    ckpt_path = os.path.join(out, 'ckpt.pt')
    log_path = os.path.join(out, 'log.jsonl')
    device = args.device
    if device == 'auto':
        device = 'cuda' if torch.cuda.is_available() else 'cpu'
    if device == 'cpu':
        torch.set_num_threads(args.threads or os.cpu_count() or 1)
    else:
        torch.backends.cuda.matmul.allow_tf32 = False   # the WKV matmuls stay float32
        torch.backends.cudnn.allow_tf32 = False

    ck = None
    if args.resume and os.path.exists(ckpt_path):
        ck = torch.load(ckpt_path, map_location='cpu', weights_only=False) \
            if 'weights_only' in torch.load.__code__.co_varnames else torch.load(ckpt_path, map_location='cpu')
        a = ck['args']
        print('resuming %s at step %d of %d' % (ckpt_path, ck['step'], a['steps']), flush=True)
    else:
        if os.path.exists(ckpt_path) and not args.resume:
            print('note: %s exists; starting a new run over it (use --resume to continue)' % ckpt_path, flush=True)
            if os.path.exists(log_path):
                os.remove(log_path)
        a = {k: getattr(args, k) for k in TRAIN_KEYS}
        if not a['steps'] and not a['epochs'] and not a['minutes']:
            sys.exit('train: give --steps, --epochs or --minutes')
        a['calibrated'] = False
        a['eval_auto'] = not a['eval_every']

    torch.manual_seed(a['seed'])
    train = torch.frombuffer(bytearray(read_bytes(os.path.join(a['data'], 'train.txt'))), dtype=torch.uint8)
    valid_path = os.path.join(a['data'], 'valid.txt')
    valid = read_bytes(valid_path) if os.path.exists(valid_path) else None
    cfg = {'n_layer': a['n_layer'], 'n_embd': a['n_embd'], 'head_size': a['head_size'],
           'vocab_size': 256, 'dropout': a['dropout'], 'chunk': a['chunk']}
    model = RWKV7(cfg)
    nparams = count_params(model)
    if ck is not None:
        model.load_state_dict(ck['model'])
    model.to(device)
    opt = make_optimizer(model, a)
    if ck is not None:
        opt.load_state_dict(ck['opt'])
    step = ck['step'] if ck else 0
    if ck is not None:    # dropout masks continue as in an uninterrupted run
        torch.set_rng_state(ck['rng'])
        if 'cuda_rng' in ck and device.startswith('cuda'):
            torch.cuda.set_rng_state(ck['cuda_rng'])
    best = ck['best'] if ck else float('inf')
    elapsed0 = ck['elapsed'] if ck else 0.0
    tokens_per_step = a['batch'] * a['ctx']
    print('model: %d layers, n_embd %d, head size %d, ffn %d, LoRA %s: %d parameters, F16 GGUF ~%.2f MB'
          % (a['n_layer'], a['n_embd'], a['head_size'], model.cfg['dim_ffn'], lora_dims(a['n_embd']),
             nparams, gguf_f16_bytes(model) / 1e6), flush=True)
    print('data: %d training bytes, %s validation bytes; %d tokens/step; device %s%s; torch %s'
          % (len(train), len(valid) if valid else 'no', tokens_per_step, device,
             ' (%d threads)' % torch.get_num_threads() if device == 'cpu' else
             ' (%s)' % torch.cuda.get_device_name(0), torch.__version__), flush=True)
    use_amp = device.startswith('cuda')
    if not a['steps'] and a['epochs']:
        a['steps'] = max(1, math.ceil(a['epochs'] * len(train) / tokens_per_step))
    if a['steps'] and not a['eval_every']:
        a['eval_every'] = max(1, a['steps'] // 40)

    def do_eval():
        t = time.time()
        nll, npred = evaluate_bytes(model, valid, a['eval_ctx'], batch=64, device=device)
        model.train()
        return nll / npred, time.time() - t

    def save(path_ckpt=True):
        st = {'model': {k: v.detach().cpu() for k, v in model.state_dict().items()},
              'opt': opt.state_dict(), 'step': step, 'args': a, 'best': best,
              'elapsed': elapsed0 + (time.time() - t_start), 'rng': torch.get_rng_state()}
        if device.startswith('cuda'):
            st['cuda_rng'] = torch.cuda.get_rng_state()
        atomic_save(st, ckpt_path)

    model.train()
    t_start = time.time()
    loss_acc, n_acc, step_t0 = 0.0, 0, step
    t_cal, cal_step = time.time(), step
    calibrate_at = step + 30 if a['minutes'] and not a['calibrated'] else -1
    while True:
        if a['steps'] and step >= a['steps']:
            break
        if step == calibrate_at:
            rate = (time.time() - t_cal) / (step - cal_step)   # seconds per step
            budget = a['minutes'] * 60 - (time.time() - t_start) - elapsed0
            fit = step + max(1, int(budget * 0.9 / rate))
            a['steps'] = min(a['steps'], fit) if a['steps'] else fit
            a['calibrated'] = True
            if a.get('eval_auto') or not a['eval_every']:
                a['eval_every'] = max(1, a['steps'] // 40)
            print('calibrated: %.1f ms/step, %.1f minutes -> %d steps (%d fit the time; '
                  '%.1f epochs; eval every %d). To repeat this run elsewhere: --steps %d'
                  % (rate * 1e3, a['minutes'], a['steps'], fit,
                     a['steps'] * tokens_per_step / len(train), a['eval_every'], a['steps']), flush=True)
        if step == calibrate_at - 20:
            t_cal, cal_step = time.time(), step
        lr = lr_at(step, a)
        for gp in opt.param_groups:
            gp['lr'] = lr * gp['my_lr_scale']
        x, y = get_batch(train, step, a, device)
        with (torch.autocast(device_type='cuda', dtype=torch.bfloat16) if use_amp else contextlib.nullcontext()):
            logits = model(x, a['wkv'])
        logits = logits.float()
        loss = F.cross_entropy(logits.view(-1, logits.shape[-1]), y.reshape(-1))
        loss = L2Wrap.apply(loss, logits)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        if a['grad_clip'] > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), a['grad_clip'])
        opt.step()
        step += 1
        lv = loss.item()
        if not math.isfinite(lv):
            sys.exit('train: loss is %r at step %d' % (lv, step))
        loss_acc += lv
        n_acc += 1
        total = a['steps'] or 0
        rec = None
        if step % a['log_every'] == 0 or step == total:
            now = time.time()
            sps = (step - step_t0) / max(1e-9, now - t_start)
            eta = (total - step) / sps if total and sps > 0 else float('nan')
            tl = loss_acc / n_acc
            print('step %6d/%s  loss %.4f (%.3f bpb)  lr %.2e  %.0f tok/s  elapsed %s  ETA %s'
                  % (step, total or '?', tl, tl / math.log(2), lr, sps * tokens_per_step,
                     fmt_time(elapsed0 + now - t_start), fmt_time(eta) if eta == eta else '?'), flush=True)
            rec = {'step': step, 'tokens': step * tokens_per_step, 'train_loss': tl, 'lr': lr,
                   'elapsed': elapsed0 + now - t_start}
            loss_acc, n_acc = 0.0, 0
        ev = a['eval_every']
        if valid and ev and (step % ev == 0 or step == total):
            vl, vt = do_eval()
            if rec is None:
                rec = {'step': step, 'tokens': step * tokens_per_step, 'lr': lr}
            rec['valid_loss'] = vl
            flag = ''
            if vl < best:
                best = vl
                atomic_save(model.official_state_dict(), os.path.join(out, 'best.pth'))
                flag = '  (best, saved best.pth)'
            print('  valid at step %d: loss %.4f  %.4f bits/byte  (%.1f s)%s'
                  % (step, vl, vl / math.log(2), vt, flag), flush=True)
        if rec is not None:
            log_json(log_path, rec)
        if a['ckpt_every'] and step % a['ckpt_every'] == 0 and step != total:
            save()
        if args.stop_after and step >= args.stop_after:   # for tests: stop as if interrupted
            save()
            print('stopped at step %d (--stop-after); continue with --resume' % step, flush=True)
            return 0
    save()
    atomic_save(model.official_state_dict(), os.path.join(out, 'last.pth'))
    secs = elapsed0 + time.time() - t_start
    print('done: %d steps, %d tokens (%.1f epochs of train.txt), %s; wrote %s/last.pth%s'
          % (step, step * tokens_per_step, step * tokens_per_step / len(train), fmt_time(secs), out,
             ' and best.pth (valid %.4f bpb)' % (best / math.log(2)) if best < float('inf') else ''),
          flush=True)
    return 0


# ================================================================================================
# other commands

def cmd_eval(args):
    torch.set_num_threads(args.threads or os.cpu_count() or 1)
    device = 'cuda' if args.device == 'auto' and torch.cuda.is_available() else \
        ('cpu' if args.device == 'auto' else args.device)
    if device.startswith('cuda'):
        torch.backends.cuda.matmul.allow_tf32 = False
    model = load_pth(args.model, device)
    data = read_bytes(args.file)
    t = time.time()
    nll, npred = evaluate_bytes(model, data, args.ctx, batch=args.batch, device=device)
    print('file:          %s (%d bytes, ctx %d)' % (args.file, len(data), args.ctx))
    print('tokens:        %d predicted' % npred)
    print('nll:           %.6f nats per token' % (nll / npred))
    print('bits per byte: %.6f' % (nll / math.log(2) / npred))
    print('time:          %.1f s' % (time.time() - t))
    return 0


def cmd_logits(args):
    torch.set_num_threads(args.threads or os.cpu_count() or 1)
    model = load_pth(args.model, 'cpu')
    ids = torch.tensor([[int(t) for t in args.tokens.split(',')]], dtype=torch.long)
    with torch.no_grad():
        logits = model(ids, 'loop' if args.loop else None)[0].float().contiguous()
    data = logits.numpy().astype('<f4').tobytes()
    if args.output == '-':
        sys.stdout.buffer.write(data)
    else:
        with open(args.output, 'wb') as f:
            f.write(data)
    return 0


def cmd_export(args):
    ck = torch.load(args.ckpt, map_location='cpu', weights_only=False) \
        if 'weights_only' in torch.load.__code__.co_varnames else torch.load(args.ckpt, map_location='cpu')
    sd = {k: v.float().contiguous() for k, v in ck['model'].items()}
    atomic_save(sd, args.out)
    print('wrote %s (step %d)' % (args.out, ck['step']))
    return 0


def cmd_plot(args):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    recs = [json.loads(l) for l in open(args.log) if l.strip()]
    ln2 = math.log(2)
    epoch = args.train_bytes or None
    xs = lambda rs: [r['tokens'] / epoch if epoch else r['tokens'] / 1e6 for r in rs]
    tr = [r for r in recs if 'train_loss' in r]
    va = [r for r in recs if 'valid_loss' in r]
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=110)
    ax.plot(xs(tr), [r['train_loss'] / ln2 for r in tr], lw=0.8, label='training (batch mean)' + args.label)
    ax.plot(xs(va), [r['valid_loss'] / ln2 for r in va], 'o-', ms=3, label='validation (valid.txt)' + args.label)
    if args.compare:
        rc = [json.loads(l) for l in open(args.compare) if l.strip()]
        trc = [r for r in rc if 'train_loss' in r]
        vac = [r for r in rc if 'valid_loss' in r]
        ax.plot(xs(trc), [r['train_loss'] / ln2 for r in trc], lw=0.8, color='0.6',
                label='training' + args.compare_label)
        ax.plot(xs(vac), [r['valid_loss'] / ln2 for r in vac], 's--', ms=2.5, lw=0.8, color='0.4',
                label='validation' + args.compare_label)
    if args.heldout is not None:
        ax.axhline(args.heldout, color='gray', ls='--', lw=0.8,
                   label='held-out, shipped model: %.3f' % args.heldout)
    ax.set_xlabel('epochs of train.txt' if epoch else 'training tokens (millions)')
    ax.set_ylabel('bits per byte')
    ax.set_ylim(args.ymin, args.ymax)
    ax.grid(alpha=0.3)
    ax.set_title(args.title)
    ax.legend()
    fig.tight_layout()
    fig.savefig(args.out)
    print('wrote', args.out)
    return 0


def cmd_info(args):
    cfg = {'n_layer': args.n_layer, 'n_embd': args.n_embd, 'head_size': args.head_size, 'vocab_size': 256}
    m = RWKV7(cfg)
    print('%d layers x %d (head size %d, ffn %d, LoRA %s): %d parameters, F16 GGUF tensors %.2f MB'
          % (args.n_layer, args.n_embd, args.head_size, m.cfg['dim_ffn'], lora_dims(args.n_embd),
             count_params(m), gguf_f16_bytes(m) / 1e6))
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split('\n\n', 1)[1])
    sub = ap.add_subparsers(dest='cmd', required=True)

    t = sub.add_parser('train', help='train or resume')
    t.add_argument('--data', default='build/kjv', help='folder with train.txt (and valid.txt)')
    t.add_argument('--out', default='build/kjv-run', help='run folder: ckpt.pt, log.jsonl, best.pth, last.pth')
    t.add_argument('--resume', action='store_true', help='continue the run in --out (its own settings)')
    t.add_argument('--n-layer', type=int, default=5)
    t.add_argument('--n-embd', type=int, default=256)
    t.add_argument('--head-size', type=int, default=64)
    t.add_argument('--ctx', type=int, default=1024, help='training context (tokens)')
    t.add_argument('--batch', type=int, default=32, help='sequences per step')
    t.add_argument('--steps', type=int, default=0, help='total steps')
    t.add_argument('--epochs', type=float, default=0, help='total steps from epochs of train.txt')
    t.add_argument('--minutes', type=float, default=0,
                   help='time steps 10-30 and cap the steps to fit this budget (90%%)')
    t.add_argument('--lr-init', type=float, default=1e-3)
    t.add_argument('--lr-final', type=float, default=1e-5)
    t.add_argument('--warmup', type=int, default=10)
    t.add_argument('--weight-decay', type=float, default=0.1)
    t.add_argument('--beta1', type=float, default=0.9)
    t.add_argument('--beta2', type=float, default=0.99)
    t.add_argument('--adam-eps', type=float, default=1e-18)
    t.add_argument('--grad-clip', type=float, default=1.0)
    t.add_argument('--dropout', type=float, default=0.0)
    t.add_argument('--seed', type=int, default=42)
    t.add_argument('--chunk', type=int, default=16, help='WKV chunk length (<= 32)')
    t.add_argument('--wkv', choices=['chunked', 'loop'], default='chunked')
    t.add_argument('--eval-every', type=int, default=0, help='validate every N steps (0: ~40 times a run)')
    t.add_argument('--eval-ctx', type=int, default=1024, help='chunk length of the validation')
    t.add_argument('--log-every', type=int, default=10)
    t.add_argument('--ckpt-every', type=int, default=500)
    t.add_argument('--stop-after', type=int, default=0, help=argparse.SUPPRESS)
    t.add_argument('--device', default='auto', help='auto (cuda when present), cpu, cuda, cuda:N')
    t.add_argument('--threads', type=int, default=0, help='CPU threads (default: all cores)')

    e = sub.add_parser('eval', help='bits per byte of a .pth on a file')
    e.add_argument('--model', required=True)
    e.add_argument('--file', required=True)
    e.add_argument('--ctx', type=int, default=1024, help='tokens per chunk (0 = whole file)')
    e.add_argument('--batch', type=int, default=16)
    e.add_argument('--device', default='cpu')
    e.add_argument('--threads', type=int, default=0)

    g = sub.add_parser('logits', help='logits after each token id (T x 256 float32 LE)')
    g.add_argument('--model', required=True)
    g.add_argument('-t', '--tokens', required=True, help='comma-separated ids')
    g.add_argument('-o', '--output', required=True)
    g.add_argument('--loop', action='store_true', help='step-by-step WKV instead of the chunked form')
    g.add_argument('--threads', type=int, default=0)

    x = sub.add_parser('export', help='ckpt.pt -> official-layout .pth')
    x.add_argument('ckpt')
    x.add_argument('out')

    p = sub.add_parser('plot', help='loss curves of a run as PNG')
    p.add_argument('--log', required=True, help='log.jsonl of a run')
    p.add_argument('--out', required=True)
    p.add_argument('--train-bytes', type=int, default=0, help='x axis in epochs of this many bytes')
    p.add_argument('--heldout', type=float, default=None, help='draw this held-out bits per byte')
    p.add_argument('--title', default='RWKV-7 byte-level model on the King James Bible')
    p.add_argument('--label', default='', help='appended to the legend entries of --log')
    p.add_argument('--compare', help='log.jsonl of a second run, drawn in gray')
    p.add_argument('--compare-label', default=' (second run)')
    p.add_argument('--ymin', type=float, default=None)
    p.add_argument('--ymax', type=float, default=None)

    i = sub.add_parser('info', help='size of a configuration')
    i.add_argument('--n-layer', type=int, default=5)
    i.add_argument('--n-embd', type=int, default=256)
    i.add_argument('--head-size', type=int, default=64)

    args = ap.parse_args(argv)
    return {'train': cmd_train, 'eval': cmd_eval, 'logits': cmd_logits, 'export': cmd_export,
            'plot': cmd_plot, 'info': cmd_info}[args.cmd](args)


if __name__ == '__main__':
    sys.exit(main())
