#!/usr/bin/env python3
"""llama.cpp's rwkv6 / rwkv7 layout without ../shared: random models (tools/random_model.py)
rewritten by tools/to_llamacpp.py (renames, fused lerps, transposed LoRAs, v7 block 0's
placeholder v0/v1/v2, no general.alignment key, rescale_every_n_layers with att_o/ffn_v
divided by 2^k) must give the logits of the original file bit for bit, serial and --seq:
every mapping and the exact undoing of the rescale are checked. With a World vocabulary,
the tokenizer read from tokenizer.ggml.tokens must have every id's bytes of the original's
(build/test_tokenizer_fixtures --dump). An RWKV-7a (DeepEmbed) model is refused, not
written without its DeepEmbed tensors. Standard library only.
"""
import os
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RWKV = os.environ.get('RWKV_BIN', os.path.join(ROOT, 'rwkv'))
TOKFX = os.path.join(ROOT, 'build', 'test_tokenizer_fixtures')
PY = sys.executable

# (version, layers, dtype, rescale, tokenizer)
CASES = [(6, 4, 'bf16', 2, 'world'), (6, 3, 'f16', 0, 'none'), (6, 2, 'f32', 1, 'none'),
         (7, 3, 'f16', 0, 'none'), (7, 2, 'bf16', 0, 'world')]
TOKENS = '1,2,3,4,5,6,7,8,9,10,11'

if not os.access(RWKV, os.X_OK):
    print('skip: %s is not built (make)' % RWKV)
    sys.exit(77)

failures = []


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def check(ok, what, detail=b''):
    print(('ok    ' if ok else 'FAIL  ') + what)
    if not ok:
        print('      ' + detail.decode(errors='replace').strip()[-300:])
        failures.append(what)


with tempfile.TemporaryDirectory() as tmp:
    for version, layers, dtype, rescale, tok in CASES:
        label = 'v%d %d layers %s rescale %d %s' % (version, layers, dtype, rescale, tok)
        own = os.path.join(tmp, 'own.gguf')
        lcp = os.path.join(tmp, 'llamacpp.gguf')
        vocab = 65536 if tok == 'world' else 300
        r = run([PY, os.path.join(ROOT, 'tools', 'random_model.py'), '--version', str(version),
                 '--layers', str(layers), '--embd', '64', '--head-size', '32', '--vocab',
                 str(vocab), '--dtype', dtype, '--tokenizer', tok, '--seed', str(layers), own])
        if r.returncode:
            check(False, label + ': random_model.py', r.stderr)
            continue
        r = run([PY, os.path.join(ROOT, 'tools', 'to_llamacpp.py'), own, lcp, '--rescale',
                 str(rescale)])
        if r.returncode:
            check(False, label + ': to_llamacpp.py', r.stderr)
            continue
        logits = {}
        for name, path in (('own', own), ('llamacpp', lcp)):
            for mode in ('serial', 'seq'):
                out = os.path.join(tmp, '%s.%s.f32' % (name, mode))
                r = run([RWKV, 'logits', '-m', path, '--ids', TOKENS, '-o', out] +
                        (['--seq'] if mode == 'seq' else []))
                if r.returncode:
                    check(False, '%s: rwkv logits on the %s file' % (label, name), r.stderr)
                    break
                logits[name, mode] = open(out, 'rb').read()
        if len(logits) == 4:
            for mode in ('serial', 'seq'):
                check(logits['own', mode] == logits['llamacpp', mode] and
                      len(logits['own', mode]) == 11 * vocab * 4,
                      '%s: llama.cpp layout gives the same logits bit for bit (%s)'
                      % (label, mode))
        if tok == 'world' and os.access(TOKFX, os.X_OK):
            a, b = run([TOKFX, '--dump', own]).stdout, run([TOKFX, '--dump', lcp]).stdout
            check(a == b and a.count(b'\n') == 65530,
                  '%s: the tokenizer from tokenizer.ggml.tokens has every token of the '
                  'original (%d ids)' % (label, b.count(b'\n')))

# ---- malformed tokenizer arrays (the ASan build when there is one) ------------------------
sys.path.insert(0, HERE)
import conv_gguf  # noqa: E402
import test_malformed as tm  # noqa: E402

ASAN = os.environ.get('RWKV_ASAN_BIN', os.path.join(ROOT, 'build', 'rwkv-asan'))
BIN = ASAN if os.access(ASAN, os.X_OK) else RWKV


def tokens_kv(entries):
    return struct.pack('<IQ', 8, len(entries)) + b''.join(tm.gstr(e) for e in entries)


with tempfile.TemporaryDirectory() as tmp:
    own, lcp = os.path.join(tmp, 'own.gguf'), os.path.join(tmp, 'llamacpp.gguf')
    run([PY, os.path.join(ROOT, 'tools', 'random_model.py'), '--version', '7', '--layers', '1',
         '--embd', '64', '--head-size', '32', '--vocab', '8', own])
    run([PY, os.path.join(ROOT, 'tools', 'to_llamacpp.py'), own, lcp])
    base = tm.Model(conv_gguf.read(lcp))
    ok_tokens = [b'<s>', b'a', b'b', b'\\x41\\n', b'\\', b'\\t\\\\', b'[PAD6]', b'[PAD7]']
    types = struct.pack('<IQ', 5, 8) + struct.pack('<8i', 3, 1, 1, 1, 1, 1, 5, 5)
    cases = [  # (label, tokens value, token_type value or None, expected ids or error text)
        ('valid', tokens_kv(ok_tokens), types, '1 3 4'),
        ('no token_type array (all but id 0 are tokens)', tokens_kv(ok_tokens), None,
         '1 3 4'),
        ('token_type of 7 entries for 8 tokens', tokens_kv(ok_tokens),
         struct.pack('<IQ', 5, 7) + struct.pack('<7i', 3, 1, 1, 1, 1, 1, 5), 'token_type'),
        ('token_type as strings', tokens_kv(ok_tokens), tokens_kv(ok_tokens), 'token_type'),
        ('tokens as an array of u32', struct.pack('<IQ', 4, 8) + bytes(32), types,
         'tokenizer.ggml.tokens'),
        ('two entries with the same bytes', tokens_kv(ok_tokens[:2] + [b'\\x61'] +
                                                      ok_tokens[3:]), types, 'same bytes'),
        ('an empty entry', tokens_kv(ok_tokens[:2] + [b''] + ok_tokens[3:]), types, 'empty'),
    ]
    text = os.path.join(tmp, 'text.txt')
    with open(text, 'wb') as f:
        f.write(b'aA\n\\')
    for label, tok_value, type_value, want in cases:
        m = tm.copy(base)
        m.set_kv('tokenizer.ggml.model', 8, tm.gstr('rwkv'))
        m.set_kv('tokenizer.ggml.tokens', 9, tok_value)
        if type_value is None:
            m.drop_kv('tokenizer.ggml.token_type')
        else:
            m.set_kv('tokenizer.ggml.token_type', 9, type_value)
        path = os.path.join(tmp, 'case.gguf')
        with open(path, 'wb') as f:
            f.write(m.serialize(align=32))
        r = run([BIN, 'tokenize', '-m', path, text])
        out, err = r.stdout.decode().strip(), r.stderr.decode()
        clean = not any(x in err for x in tm.SAN_MARKERS) and r.returncode >= 0
        if want[0].isdigit():
            check(clean and r.returncode == 0 and out == want,
                  'tokenizer.ggml.*, %s: "aA\\n\\\\" -> %s' % (label, out or err.strip()),
                  r.stderr)
        else:
            check(clean and r.returncode == 1 and want in err and len(err.splitlines()) == 1,
                  'tokenizer.ggml.*, %s: refused (%s)' % (label, err.strip()[-90:]), r.stderr)

# RWKV-7a (DeepEmbed) has no place in llama.cpp's rwkv7: refused, not written without it
with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, 'v7a.gguf')
    dst = os.path.join(tmp, 'v7a-llama.gguf')
    r = run([PY, os.path.join(ROOT, 'tools', 'random_model.py'), '--version', '7', '--layers', '1',
             '--embd', '64', '--head-size', '32', '--vocab', '64', '--deep-embed', '4', src])
    check(r.returncode == 0, 'random v7a model', r.stderr)
    r = run([PY, os.path.join(ROOT, 'tools', 'to_llamacpp.py'), src, dst])
    check(r.returncode == 1 and b'DeepEmbed' in r.stderr and not os.path.exists(dst),
          'to_llamacpp.py refuses a v7a (DeepEmbed) model (%s)' % r.stderr.decode().strip()[-80:],
          r.stderr)

print('%d failure(s)' % len(failures))
sys.exit(1 if failures else 0)
