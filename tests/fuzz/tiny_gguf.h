/* tiny_gguf.h - tiny_gguf() writes a small valid RWKV model file (GGUF v3, docs/FORMAT.md)
   of any version into memory, with deterministic plausible weights (2-D ".weight" matrices
   F16, the rest F32): the state harness needs models without reading files. Include after
   fuzz_common.h. The tensor list is docs/FORMAT.md's "Tensors per version": keep it in step
   with the format. */
#ifndef TINY_GGUF_H
#define TINY_GGUF_H

static void fb_le(fuzz_buf *b, uint64_t v, int bytes)
{
    unsigned char t[8];
    int i;
    for (i = 0; i < bytes; i++) { t[i] = (unsigned char)(v & 0xff); v >>= 8; }
    fb_add(b, t, (size_t)bytes);
}

static void fb_str(fuzz_buf *b, const char *s)
{
    fb_le(b, strlen(s), 8);
    fb_add(b, s, strlen(s));
}

/* ---- tiny_gguf: a small RWKV model in memory -------------------------------------------- */

typedef struct {
    int version, minor;  /* 4, 5 (minor 0, 1, 2), 6, 7 */
    int n_layer, n_embd, n_ffn, n_vocab, head_size;
    int lora;            /* v6/v7 LoRA rank (v6 time_maa_w1 has 5 * lora columns) */
    int time_state;      /* v6: add att.time_state */
} tiny_spec;

typedef struct {
    char name[64];
    int n_dims;
    uint64_t ne[3];     /* ggml order: ne[0] is contiguous */
    int is_weight;      /* a 2-D ".weight" matrix: stored F16, else F32 */
} tiny_tensor;

typedef struct {
    tiny_tensor t[64 * 8 + 8];
    int n;
} tiny_list;

static void tl_add(tiny_list *l, const char *prefix, const char *name, int n_dims, uint64_t a,
                   uint64_t b, uint64_t c)
{
    tiny_tensor *t = &l->t[l->n++];
    size_t len;
    snprintf(t->name, sizeof t->name, "%s%s", prefix, name);
    t->n_dims = n_dims;
    t->ne[0] = a;
    t->ne[1] = b;
    t->ne[2] = c;
    len = strlen(t->name);
    t->is_weight = n_dims == 2 && len > 7 && strcmp(t->name + len - 7, ".weight") == 0;
}

/* The tensor list of docs/FORMAT.md ("Tensors per version"), in ggml dims. */
static void tiny_tensors(const tiny_spec *s, tiny_list *l)
{
    const uint64_t C = (uint64_t)s->n_embd, F = (uint64_t)s->n_ffn, V = (uint64_t)s->n_vocab;
    const uint64_t S = (uint64_t)(s->version >= 5 ? s->head_size : 0), H = S ? C / S : 0;
    const uint64_t D = (uint64_t)s->lora;
    int i;
    l->n = 0;
    tl_add(l, "", "token_embd.weight", 2, C, V, 1);
    tl_add(l, "", "token_embd_norm.weight", 1, C, 1, 1);
    tl_add(l, "", "token_embd_norm.bias", 1, C, 1, 1);
    for (i = 0; i < s->n_layer; i++) {
        char p[32];
        snprintf(p, sizeof p, "blk.%d.", i);
        tl_add(l, p, "attn_norm.weight", 1, C, 1, 1);
        tl_add(l, p, "attn_norm.bias", 1, C, 1, 1);
        tl_add(l, p, "ffn_norm.weight", 1, C, 1, 1);
        tl_add(l, p, "ffn_norm.bias", 1, C, 1, 1);
        tl_add(l, p, "att.receptance.weight", 2, C, C, 1);
        tl_add(l, p, "att.key.weight", 2, C, C, 1);
        tl_add(l, p, "att.value.weight", 2, C, C, 1);
        tl_add(l, p, "att.output.weight", 2, C, C, 1);
        tl_add(l, p, "ffn.key.weight", 2, C, F, 1);
        tl_add(l, p, "ffn.value.weight", 2, F, C, 1);
        if (s->version == 4 || s->version == 5) {
            tl_add(l, p, "att.time_mix_k", 1, C, 1, 1);
            tl_add(l, p, "att.time_mix_v", 1, C, 1, 1);
            tl_add(l, p, "att.time_mix_r", 1, C, 1, 1);
            tl_add(l, p, "ffn.time_mix_k", 1, C, 1, 1);
            tl_add(l, p, "ffn.time_mix_r", 1, C, 1, 1);
            tl_add(l, p, "ffn.receptance.weight", 2, C, C, 1);
        }
        if (s->version == 4) {
            tl_add(l, p, "att.time_decay", 1, C, 1, 1);
            tl_add(l, p, "att.time_first", 1, C, 1, 1);
        } else if (s->version == 5) {
            tl_add(l, p, "att.ln_x.weight", 1, C, 1, 1);
            tl_add(l, p, "att.ln_x.bias", 1, C, 1, 1);
            if (s->minor >= 1) {
                tl_add(l, p, "att.time_mix_g", 1, C, 1, 1);
                tl_add(l, p, "att.gate.weight", 2, C, C, 1);
            }
            if (s->minor < 2) {
                tl_add(l, p, "att.time_decay", 1, H, 1, 1);
                tl_add(l, p, "att.time_first", 1, H, 1, 1);
            } else {
                tl_add(l, p, "att.time_decay", 2, S, H, 1);
                tl_add(l, p, "att.time_faaaa", 2, S, H, 1);
            }
        } else if (s->version == 6) {
            static const char *const maa[] = {"att.time_maa_x", "att.time_maa_w", "att.time_maa_k",
                                              "att.time_maa_v", "att.time_maa_r", "att.time_maa_g",
                                              "ffn.time_maa_k", "ffn.time_maa_r"};
            int k;
            for (k = 0; k < 8; k++) tl_add(l, p, maa[k], 1, C, 1, 1);
            tl_add(l, p, "att.time_maa_w1", 2, 5 * D, C, 1);
            tl_add(l, p, "att.time_maa_w2", 3, C, D, 5);
            tl_add(l, p, "att.time_decay", 1, C, 1, 1);
            tl_add(l, p, "att.time_decay_w1", 2, D, C, 1);
            tl_add(l, p, "att.time_decay_w2", 2, C, D, 1);
            tl_add(l, p, "att.time_faaaa", 2, S, H, 1);
            tl_add(l, p, "att.gate.weight", 2, C, C, 1);
            tl_add(l, p, "att.ln_x.weight", 1, C, 1, 1);
            tl_add(l, p, "att.ln_x.bias", 1, C, 1, 1);
            tl_add(l, p, "ffn.receptance.weight", 2, C, C, 1);
            if (s->time_state) tl_add(l, p, "att.time_state", 3, S, S, H);
        } else { /* 7 */
            static const char *const x[] = {"att.x_r", "att.x_w", "att.x_k", "att.x_v", "att.x_a",
                                            "att.x_g", "att.w0", "att.a0", "att.k_k", "att.k_a",
                                            "att.ln_x.weight", "att.ln_x.bias", "ffn.x_k"};
            static const char *const lo[] = {"att.w", "att.a", "att.g", "att.v"};
            int k;
            for (k = 0; k < 13; k++) tl_add(l, p, x[k], 1, C, 1, 1);
            for (k = 0; k < (i > 0 ? 4 : 3); k++) {
                char n1[16], n2[16];
                snprintf(n1, sizeof n1, "%s1", lo[k]);
                snprintf(n2, sizeof n2, "%s2", lo[k]);
                tl_add(l, p, n1, 2, D, C, 1);
                tl_add(l, p, n2, 2, C, D, 1);
            }
            if (i > 0) tl_add(l, p, "att.v0", 1, C, 1, 1);
            tl_add(l, p, "att.r_k", 2, S, H, 1);
        }
    }
    tl_add(l, "", "output_norm.weight", 1, C, 1, 1);
    tl_add(l, "", "output_norm.bias", 1, C, 1, 1);
    tl_add(l, "", "output.weight", 2, C, V, 1);
}

/* A deterministic value for element i of a tensor: norms 1 / 0, mixing coefficients in
   [0, 1], everything else small (decays and bonuses stay in sane ranges). */
static float tiny_value(const char *name, uint64_t i)
{
    uint32_t h = (uint32_t)(i * 2654435761u) ^ (uint32_t)strlen(name) * 40503u;
    float u;
    size_t len = strlen(name);
    h ^= h >> 15;
    h *= 2246822519u;
    h ^= h >> 13;
    u = (float)(h & 0xffff) / 65536.0f; /* [0, 1) */
    if (strstr(name, "norm.weight") || strstr(name, "ln_x.weight")) return 1.0f;
    if (len > 5 && strcmp(name + len - 5, ".bias") == 0) return 0.0f;
    if (strstr(name, "time_mix") || strstr(name, "maa_") || strstr(name, ".x_")) return u;
    if (strstr(name, "time_decay") && !strstr(name, "_w")) return -3.0f + 2.0f * u;
    return (u - 0.5f) * 0.6f;
}

static uint16_t tiny_f16(float f)
{   /* exact enough for |f| in [2^-14, 2): round toward zero, zero below */
    uint32_t b, e;
    memcpy(&b, &f, 4);
    e = (b >> 23) & 0xff;
    if (e < 127 - 14) return (uint16_t)((b >> 16) & 0x8000);
    return (uint16_t)(((b >> 16) & 0x8000) | ((e - 127 + 15) << 10) | ((b >> 13) & 0x3ff));
}

static void kv_u32(fuzz_buf *b, const char *key, uint32_t v)
{
    fb_str(b, key);
    fb_le(b, 4, 4); /* GGUF_TYPE_UINT32 */
    fb_le(b, v, 4);
}

static void kv_u64(fuzz_buf *b, const char *key, uint64_t v)
{
    fb_str(b, key);
    fb_le(b, 10, 4); /* GGUF_TYPE_UINT64 */
    fb_le(b, v, 8);
}

static void kv_f32(fuzz_buf *b, const char *key, float v)
{
    uint32_t u;
    memcpy(&u, &v, 4);
    fb_str(b, key);
    fb_le(b, 6, 4); /* GGUF_TYPE_FLOAT32 */
    fb_le(b, u, 4);
}

/* Writes the model into a malloc'd buffer (*size bytes); the caller frees it. */
static unsigned char *tiny_gguf(const tiny_spec *s, size_t *size)
{
    static tiny_list l;
    fuzz_buf b = {0, 0, 0};
    uint64_t off = 0;
    int i, n_kv = s->version >= 5 ? 11 : 9;
    tiny_tensors(s, &l);
    fb_add(&b, "GGUF", 4);
    fb_le(&b, 3, 4);
    fb_le(&b, (uint64_t)l.n, 8);
    fb_le(&b, (uint64_t)n_kv, 8);
    fb_str(&b, "general.architecture");
    fb_le(&b, 8, 4); /* GGUF_TYPE_STRING */
    fb_str(&b, "rwkv");
    kv_u32(&b, "general.alignment", 64);
    kv_u32(&b, "rwkv.architecture_version", (uint32_t)s->version);
    kv_u32(&b, "rwkv.architecture_minor_version", (uint32_t)s->minor);
    kv_u64(&b, "rwkv.block_count", (uint64_t)s->n_layer);
    kv_u64(&b, "rwkv.embedding_length", (uint64_t)s->n_embd);
    kv_u64(&b, "rwkv.feed_forward_length", (uint64_t)s->n_ffn);
    kv_u64(&b, "rwkv.vocab_size", (uint64_t)s->n_vocab);
    kv_f32(&b, "rwkv.attention.layer_norm_epsilon", 1e-5f);
    if (s->version >= 5) {
        kv_u32(&b, "rwkv.wkv.head_size", (uint32_t)s->head_size);
        kv_f32(&b, "rwkv.wkv.group_norm_epsilon", 64e-5f);
    }
    for (i = 0; i < l.n; i++) {
        const tiny_tensor *t = &l.t[i];
        uint64_t nel = t->ne[0] * t->ne[1] * t->ne[2];
        int d;
        fb_str(&b, t->name);
        fb_le(&b, (uint64_t)t->n_dims, 4);
        for (d = 0; d < t->n_dims; d++) fb_le(&b, t->ne[d], 8);
        fb_le(&b, t->is_weight ? RWKV_TYPE_F16 : RWKV_TYPE_F32, 4);
        fb_le(&b, off, 8);
        off += nel * (t->is_weight ? 2u : 4u);
        off = (off + 63) / 64 * 64;
    }
    while (b.n % 64) fb_add(&b, "", 1);
    for (i = 0; i < l.n; i++) {
        const tiny_tensor *t = &l.t[i];
        uint64_t nel = t->ne[0] * t->ne[1] * t->ne[2], k;
        for (k = 0; k < nel; k++) {
            float v = tiny_value(t->name, k);
            if (t->is_weight) {
                fb_le(&b, tiny_f16(v), 2);
            } else {
                uint32_t u;
                memcpy(&u, &v, 4);
                fb_le(&b, u, 4);
            }
        }
        while (b.n % 64) fb_add(&b, "", 1);
    }
    *size = b.n;
    return b.p;
}

#endif /* TINY_GGUF_H */
