/* rwkv.h - RWKV v4, v5, v6, v7 language model inference in one C99 header.

   Do this:
       #define RWKV_IMPLEMENTATION
   before you include this file in *one* C or C++ file to create the implementation.
   Other files include it without the define and see only the declarations.

   Files: rwkv.h alone runs World and byte-level models (what v5, v6 and v7 use): the model,
   the states, the sampler, the byte-level and World tokenizers and the UTF-8 stream are all
   here. The Pile tokenizer (GPT-NeoX-20B BPE: RWKV-4 Pile models, or any HuggingFace
   tokenizer JSON) is in tokenizer.c: to use it, compile tokenizer.c into the program too and
   write `#define RWKV_PILE` next to RWKV_IMPLEMENTATION (or pass -DRWKV_PILE). Without it,
   opening a Pile tokenizer fails with a message saying so (no link error).

   Configuration, by #define before the implementation:
       RWKV_PILE            tokenizer.c is part of the program (the Pile BPE, NFC, JSON)
       RWKV_NO_SIMD         use the scalar kernels only (they are the reference definition)
       RWKV_NO_AMX          no Intel AMX tiles for prompt blocks (by default they run on
                            Linux x86-64 when the compiler targets AMX, e.g. -march=native on
                            Sapphire Rapids, and the kernel grants them; quantized blocks: same
                            bits either way; f16/bf16 blocks: the tiles round otherwise, within
                            twice the bound, so without them a block gives one token's bits)
       RWKV_NO_BCAST        AVX-512 without AMX, and AVX2: f16/bf16 blocks of 32 tokens or more
                            keep the column-lane tiles (by default they run on broadcast tiles,
                            ~1.15x faster on AVX-512, 1.1-1.3x on AVX2: exact f32 products
                            summed in column order, so a block's logits differ from one
                            token's in the last bits)
       RWKV_AMX_EXACT       f16/bf16 blocks on the AMX tiles carry the tokens' 24 bits (three
                            bf16 planes) instead of 16 (two): 3/2 (bf16) to 5/3 (f16) of the
                            tile work, the error that of the f32 kernels in another order
       RWKV_NO_REPACK       keep Q4_0 / Q8_0 / Q5_1 / Q4_K / Q5_K / Q6_K matrices in the file's layout (by
                            default, x86 with AVX2 copies them at load into a layout of 8
                            interleaved rows that one-token products read ~1.1-1.3x faster:
                            same bits; the copy is resident in place of the file's pages,
                            and opening a 1.5B 4-bit model takes 0.13-0.26 s on two threads,
                            0.22-0.41 on one, instead of ~2 ms)
       RWKV_PACK_THREADS    at most this many OpenMP threads make that copy at open (default
                            8; the count is omp_get_max_threads(), i.e. OMP_NUM_THREADS or the
                            cores, below it; the same bytes whatever the count)
       RWKV_SEQ_BLOCK       tokens per matrix-matrix block in sequence mode (default 128;
                            the state's scratch grows with it: ~30 MB at 1.5B)
       RWKV_PROFILE         (with OpenMP) states time the forward pass's steps: the matrix
                            products by kind and everything else (rwkv__profile; read by
                            tools/bench_model.c --profile, not part of the API)
   Threads: compile with -fopenmp to use several cores (rwkv_model_set_threads); an
   evaluation's threads take work items as they come and fall back to one thread while
   the machine is too busy for them to help (rwkv__team, docs/KERNELS.md). On Linux, to
   tell that, some generation calls have each thread read its own
   /proc/thread-self/schedstat (the time it waited for a CPU; none when it cannot be opened).
   Kernels: chosen at compile time by the target (-march=...), except that x86 builds read
   CPUID once at open and, on an AMD Zen (or Hygon), read float matrices for one-token
   products in sequential streams (the same bits; builds for Zen always do).
   Linux: the loader asks for huge pages on the model map (madvise MADV_HUGEPAGE, advice only);
   a file cached in 4 KiB pages (written in small pieces) maps in those (rwkv_model_info's
   map_huge tells): rwkv_model_open_read.
   Files this library writes go out 4 MiB at a time (RWKV__WRITE_CHUNK), so that their cache
   is in 2 MiB folios.

   Quick use (examples/embed.c is the complete program):
       rwkv_error err;
       rwkv_model *model;
       rwkv_tokenizer *tok;
       rwkv_state *state;
       rwkv_sampler *sampler;
       rwkv_sampler_params params;
       if (rwkv_model_open("model.gguf", &model, &err) != RWKV_OK) { puts(err.message); ... }
       rwkv_tokenizer_new_from_model(model, &tok, &err);   (the vocabulary is in the model file)
       rwkv_state_new(model, &state, &err);
       float *logits = malloc(sizeof(float) * rwkv_model_get_n_vocab(model));
       rwkv_tokenize(tok, text, strlen(text), &ids, &n_ids, &err);
       rwkv_eval_seq(state, ids, n_ids, logits, 0, &err);   (logits after the last token)
       rwkv_sampler_params_default(&params);
       rwkv_sampler_new(&params, rwkv_model_get_n_vocab(model), &sampler, &err);
       rwkv_sampler_set_tokenizer(sampler, tok);   (ChatRWKV's space/digit penalty rule)
       rwkv_sampler_sample(sampler, logits, &token, &err);
       rwkv_sampler_accept(sampler, token);
       rwkv_eval(state, token, logits, &err);     (state advances by one token)
       ...
       rwkv_sampler_free(sampler);
       rwkv_state_free(state);
       rwkv_tokenizer_free(tok);
       rwkv_model_close(model);

   Error handling: every function that can fail returns an rwkv_status and, when `err` is not
   NULL, fills err->message with a sentence naming the file, tensor, key or byte offset at
   fault. The library never prints, never exits, never aborts.

   Thread safety: a model is read-only after rwkv_model_open (and rwkv_model_set_threads) and
   may be shared by any number of states in any number of threads, each state's evaluation
   then running its own threads; a state must be used by one thread at a time
   (tests/test_concurrent.c, also under ThreadSanitizer: tests/test_tsan.sh).

   Contents (search for the section's banner, "==== API: models" ...):
       API: errors                  rwkv_status, rwkv_error, rwkv_error_set
       API: models                  open / close, threads, information, metadata
       API: quantization            rwkv_model_quantize: a GGUF file to Q8_0 ... Q4_K_M
       API: states and evaluation   rwkv_state_*, rwkv_eval, rwkv_eval_seq, (de)serialization
       API: sampler                 temperature, top-p, top-k, min-p, penalties, bans, biases
       API: tokenizers              byte-level, World, Pile; rwkv_tokenize, rwkv_detokenize
       IMPL: utilities              errors, allocation, half floats, files
       IMPL: kernels                the primitives, scalar definition first, then AVX2 /
                                    AVX-512 / NEON: matvec and matmul over a token block,
                                    group norm, the WKV recurrences of v4, v5, v6, v7
       IMPL: GGUF reading           header, key-values, tensor infos, data (hostile input)
       IMPL: model binding          names and shapes of every version's tensors -> rwkv__layer
                                    (our layout, and llama.cpp's rwkv6 / rwkv7: LLAMACPP.md)
       IMPL: forward                scratch; time mix and channel mix of v4, v5, v6, v7, each
                                    its own function; rwkv_eval / rwkv_eval_seq
       IMPL: state                  new / free / copy; files written whole (rwkv__atomic_*);
                                    save and load (memory and files, fingerprint checked)
       IMPL: quantization           the presets' type choice, the GGUF writer
       IMPL: sampler                ChatRWKV's sampling and penalty rules
       IMPL: tokenizers             byte-level, World (trie), UTF-8 stream; the Pile hooks
   Names and conventions: docs/STYLE.md. File format: docs/FORMAT.md.

   License: MIT (see LICENSE).
*/
/* Large files on 32-bit hosts: off_t, fstat and mmap offsets of 64 bits (without it, fstat
   of a file of 2 GiB or more fails with EOVERFLOW). Effective when rwkv.h is the first header
   of the file that defines RWKV_IMPLEMENTATION; no effect on 64-bit hosts. */
#if defined(RWKV_IMPLEMENTATION) && !defined(_FILE_OFFSET_BITS) && !defined(_WIN32)
#define _FILE_OFFSET_BITS 64
#endif

#ifndef RWKV_H
#define RWKV_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ==== API: errors ====================================================================== */

typedef enum rwkv_status {
    RWKV_OK = 0,
    RWKV_ERR_IO = 1,          /* a file could not be opened, read, written or mapped */
    RWKV_ERR_FORMAT = 2,      /* a file is malformed: truncated, bad magic, inconsistent */
    RWKV_ERR_UNSUPPORTED = 3, /* well-formed, but uses something this build does not support */
    RWKV_ERR_MEMORY = 4,      /* out of memory */
    RWKV_ERR_ARGUMENT = 5,    /* the caller passed something invalid (token out of range...) */
    RWKV_ERR_STATE = 6,       /* a serialized state does not fit this model */
    RWKV_ERR_CANCELLED = 7    /* the caller asked to stop (rwkv_quantize_params.cancel) */
} rwkv_status;

typedef struct rwkv_error {
    rwkv_status code;
    char message[512];
} rwkv_error;

/* A short name for a status code ("format error", ...). */
const char *rwkv_status_string(rwkv_status code);

/* Fills *err (when err is not NULL) with code and a printf-style message and returns code:
   the library's own way of reporting, for code built on it (tokenizer.c uses it). */
#if defined(__MINGW32__) && !defined(__clang__) /* C99 formats (%zu): mingw's own printf */
__attribute__((format(gnu_printf, 3, 4)))
#elif defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 3, 4)))
#endif
rwkv_status rwkv_error_set(rwkv_error *err, rwkv_status code, const char *fmt, ...);

/* ==== API: models ====================================================================== */

typedef struct rwkv_model rwkv_model;

/* Memory-maps a GGUF model file (see docs/FORMAT.md) and validates every header field,
   tensor offset, size, type and shape before anything is used. Weights are used in place
   from the map: constant time in the model size, except Q4_0 / Q8_0 / Q5_1 / Q4_K / Q5_K / Q6_K
   matrices on x86 with AVX2, copied at open into a faster layout (RWKV_NO_REPACK; a 1.5B
   4-bit model: 0.13-0.26 s on two threads). Also opens llama.cpp's `rwkv6` and `rwkv7`
   files (docs/LLAMACPP.md): the same model, their LoRA matrices copied transposed to F32.
   On Linux a file of 64 MiB or more is probed at open: rwkv_model_info's `map_huge` says how
   much of its page cache maps in 2 MiB pages (a file written in small pieces, e.g. just
   downloaded, stays cached in 4 KiB pages, and the weights then stream slower: README,
   Loading; rwkv_model_open_read, or dropping the file's cache once, avoids it). */
rwkv_status rwkv_model_open(const char *path, rwkv_model **out, rwkv_error *err);
/* Same, but the file is read into memory the model owns (2 MiB-aligned, with Linux's
   huge-page advice) instead of being used from the map: costs the read (~1 s for 3 GB from
   the page cache) and the model's size in memory, and gives the weights 2 MiB pages however
   the file's page cache holds them. A file written in small pieces (a download) stays cached
   in 4 KiB pages (rwkv_model_info's map_huge tells), and on a Zen 5 VM such a v7 1.5B F16
   file generated 1.0-1.3x (one thread) and 1.15-3.5x (two) slower mapped than read, on two
   days, its first 128-token prompt 1.8-1.9x (README, Loading). */
rwkv_status rwkv_model_open_read(const char *path, rwkv_model **out, rwkv_error *err);
/* Same, from a buffer the caller keeps alive and unchanged until rwkv_model_close. */
rwkv_status rwkv_model_open_memory(const void *data, size_t size, rwkv_model **out,
                                   rwkv_error *err);
void rwkv_model_close(rwkv_model *model);

/* Threads used by one evaluation (default 1; needs OpenMP, otherwise ignored). Results are
   bit-identical whatever the thread count. It is the one setting of a model: call it before
   states of the model evaluate in other threads, not while they do. */
void rwkv_model_set_threads(rwkv_model *model, int n_threads);
int rwkv_model_get_threads(const rwkv_model *model);

/* What this build of the implementation runs, chosen at compile time (-march, -fopenmp): a
   constant string for bug reports and `rwkv --version`, e.g. "float kernels AVX-512 (16
   lanes); quantized kernels AVX-512 VNNI, prompts on AMX-INT8 tiles; f16/bf16 prompts on
   AMX-BF16 tiles; threads OpenMP". The AMX tiles run where the OS grants them, else VNNI. */
const char *rwkv_build_info(void);

/* Weight types (ggml type ids). Matrices (the embedding, the att/ffn projections, the head)
   may be of any of them, and so may LoRAs of rwkv.lora_layout = 1 files (older files: F32);
   vectors and norms are F32. The quantized types are ggml's
   block formats, bit-compatible (docs/QUANT.md). */
enum {
    RWKV_TYPE_F32 = 0, RWKV_TYPE_F16 = 1, RWKV_TYPE_BF16 = 30,
    RWKV_TYPE_Q4_0 = 2, RWKV_TYPE_Q4_1 = 3, RWKV_TYPE_Q5_0 = 6, RWKV_TYPE_Q5_1 = 7,
    RWKV_TYPE_Q8_0 = 8, RWKV_TYPE_Q4_K = 12, RWKV_TYPE_Q5_K = 13, RWKV_TYPE_Q6_K = 14,
    RWKV_TYPE_COUNT = 31 /* bound of the ids: the size of rwkv_model_info's per-type arrays */
};
/* "F32", "Q4_K", ... ("an unknown type" for an id rwkv.h does not read). */
const char *rwkv_type_name(int type);

typedef struct rwkv_model_info {
    int version;          /* 4, 5, 6, 7 */
    int version_minor;    /* v5: 0 = 5.0, 1 = 5.1, 2 = 5.2 (official numbering); else 0 */
    int n_layer;
    int n_embd;           /* C */
    int n_ffn;            /* channel-mix hidden size */
    int n_vocab;
    int head_size;        /* v5+: S; 0 for v4 */
    int n_head;           /* v5+: C / S; 0 for v4 */
    int has_time_state;   /* a tuned initial state is in the file */
    int deep_embed_rank;  /* RWKV-7a "DeepEmbed" channel mix: its rank D (32 as released); 0
                             without (docs/VERSIONS.md) */
    float layer_norm_eps;
    float group_norm_eps; /* v5+ */
    uint64_t file_size;
    uint64_t n_tensors;
    /* per ggml type id (RWKV_TYPE_*): tensors, their bytes and their weights (elements);
       bits per weight of a type = 8 bytes / weights */
    uint64_t tensors_of_type[RWKV_TYPE_COUNT];
    uint64_t bytes_of_type[RWKV_TYPE_COUNT];
    uint64_t weights_of_type[RWKV_TYPE_COUNT];
    uint64_t n_weights;            /* all tensors' elements (the model's bits per weight is
                                      8 * (sum of bytes_of_type) / n_weights) */
    uint64_t bytes_per_token;      /* weight bytes read to generate one token */
    uint64_t bytes_packed;         /* of those, the matrices' bytes copied at open into the
                                      packed layout (RWKV_NO_REPACK), read from the model's
                                      own memory, not the file */
    int loaded;    /* where the weights are read from: RWKV_LOADED_MAP (the file's map),
                      RWKV_LOADED_READ (the file read into the model's own memory:
                      rwkv_model_open_read), RWKV_LOADED_MEMORY (rwkv_model_open_memory's
                      buffer) */
    float map_huge; /* Linux, rwkv_model_open of a file of 64 MiB or more: the share (0-1) of
                       the 2 MiB pieces probed at open (up to 64 spread over the file, those
                       in the page cache) that the kernel mapped in 2 MiB pages; -1: not
                       measured (too few of them cached, another system, another open) */
} rwkv_model_info;
enum { RWKV_LOADED_MAP = 0, RWKV_LOADED_READ = 1, RWKV_LOADED_MEMORY = 2 };

void rwkv_model_get_info(const rwkv_model *model, rwkv_model_info *out);
int rwkv_model_get_n_vocab(const rwkv_model *model);
/* A 64-bit hash of the model's metadata, tensor descriptions and a sample of every tensor's
   bytes (docs/FORMAT.md): saved states record it, and a state is loaded only into a model
   with the same fingerprint (or with RWKV_STATE_LOAD_FORCE). */
uint64_t rwkv_model_get_fingerprint(const rwkv_model *model);

/* Tensor i of the file (0 <= i < info.n_tensors, in name order); 0 when i is out of range.
   name points into the file (NOT NUL-terminated). */
typedef struct rwkv_tensor_info {
    const char *name;
    size_t name_len;
    int type;              /* ggml type id */
    const char *type_name; /* "F32", "Q4_0", ... */
    int n_dims;
    int64_t ne[4];         /* ggml order (ne[0] contiguous); unused dimensions are 1 */
    uint64_t bytes;
} rwkv_tensor_info;
int rwkv_model_get_tensor(const rwkv_model *model, uint64_t i, rwkv_tensor_info *out);

/* 1 when path names the file the model was opened from (through any link or other name of
   it), else 0 (also for a model opened from memory, or a path that does not exist). Writers
   check it so that no output lands on the model: rwkv_state_save_file and
   rwkv_model_quantize refuse such a path. */
int rwkv_model_is_file(const rwkv_model *model, const char *path);

/* Metadata look-ups. A string comes back as a pointer into the file (NOT NUL-terminated) and
   its length; NULL when the key is absent or not a string. */
const char *rwkv_model_get_meta_string(const rwkv_model *model, const char *key, size_t *len);
/* Any GGUF integer type (or bool); returns 0 when absent or not an integer. */
int rwkv_model_get_meta_int(const rwkv_model *model, const char *key, int64_t *out);

/* ==== API: quantization ================================================================ */
/* rwkv_model_quantize reads a GGUF model and writes a copy whose matrices (the embedding, the
   att/ffn projections, the head) are of another type; vectors, norms and LoRAs are copied as
   they are, and so is the metadata, plus general.file_type (llama.cpp's ftype) and
   rwkv.quantization (the preset's name). Presets (as llama.cpp's):
       q8_0, q5_1, q5_0, q4_1, q4_0, q4_k, q5_k, q6_k   that type; the head Q6_K (Q8_0: Q8_0)
       q4_k_m, q5_k_m     Q4_K / Q5_K; the head, and att.value and ffn.value of the layers
                          llama.cpp's use_more_bits picks (the first and last eighth, every
                          third between), Q6_K
       f16, bf16, f32     every matrix (and LoRA) in that float type, rounded to nearest
                          even (f32 accepts a quantized input: it dequantizes, the reference
                          of the accuracy tests)
   A matrix whose rows do not fit the type's blocks falls back as llama.cpp does (Q4_K -> Q5_0,
   Q5_K -> Q5_1, Q6_K -> Q8_0; rows not a multiple of 32 keep their type). The 32-value types
   use the error-searching quantizer (docs/QUANT.md), the K types ggml's. A quantized input is
   refused (except for f32), and so is an OUT that names IN's file (rwkv_model_is_file) or an
   existing non-empty file that is not a GGUF file (a checkpoint or a text: not replaced). The
   output is written to a temporary file next to OUT (a unique name), flushed to disk and
   renamed to OUT at the end; on failure or a cancel it is removed and OUT is untouched. */

/* Called after each tensor is written (from the calling thread): tensors done of total, the
   tensor's name, the type the preset asked for it and the type written (they differ for a
   fallback; both are the input's type for a tensor copied as it is). */
typedef void (*rwkv_quantize_progress)(void *user, uint64_t done, uint64_t total,
                                       const char *tensor, int wanted_type, int written_type);

typedef struct rwkv_quantize_params {
    const char *preset;               /* one of the names above (any case) */
    int n_threads;                    /* threads over rows (needs OpenMP); default 1 */
    rwkv_quantize_progress progress;  /* NULL: none */
    void *user;                       /* passed to progress */
    int reference;                    /* 1: ggml's reference quantizer for every type (the
                                         bytes llama-quantize writes without an importance
                                         matrix; ~30x faster, a little more error); 0: the
                                         error search for the 32-value types (default) */
    int (*cancel)(void *user);        /* NULL: none. Called with `user` from the calling
                                         thread between pieces of the work (every tensor and
                                         every RWKV__QUANT_CHUNK rows); non-zero stops it: the
                                         temporary file is removed, OUT is untouched, and
                                         RWKV_ERR_CANCELLED comes back (a Ctrl-C handler's
                                         flag, read here, is the CLI's use) */
} rwkv_quantize_params;

/* Fills *p with the defaults (q8_0, one thread, no callbacks): start from it and set what
   differs, so that fields added later (as `cancel` was) start as their defaults too. */
void rwkv_quantize_params_default(rwkv_quantize_params *p);
rwkv_status rwkv_model_quantize(const char *in_path, const char *out_path,
                                const rwkv_quantize_params *params, rwkv_error *err);

/* ==== API: states and evaluation ======================================================= */

typedef struct rwkv_state rwkv_state;

/* A fresh state holds the model's initial state (zeros, or the tuned time_state). It keeps a
   pointer to the model, which must outlive it. Its memory (at 1.5B: the recurrent state,
   ~12 MiB for v6 / v7, and the scratch of a block of tokens, ~30 MB) is allocated and
   written here, in 2 MiB pages where Linux gives them: a few milliseconds. */
rwkv_status rwkv_state_new(const rwkv_model *model, rwkv_state **out, rwkv_error *err);
void rwkv_state_free(rwkv_state *state);
void rwkv_state_reset(rwkv_state *state);
/* dst and src must belong to the same model. */
rwkv_status rwkv_state_copy(rwkv_state *dst, const rwkv_state *src, rwkv_error *err);

/* Feeds one token: the state advances; logits (n_vocab floats) are written unless NULL. */
rwkv_status rwkv_eval(rwkv_state *state, int token, float *logits, rwkv_error *err);

/* Feeds n tokens at once, the matrix products done per block of tokens (weights stream from
   memory once per block). logits: NULL for none, else n_vocab floats for the last token, or
   n * n_vocab floats (row i after token i) when all_logits is non-zero. The logits are those
   of n rwkv_eval calls, bit for bit, except where f16/bf16 blocks run on the AMX tiles (16
   tokens or more; RWKV_NO_AMX; within twice the error bound of the f32 sums, ~5e-6 of
   max|logit|) or on the broadcast tiles of AVX-512 and AVX2 (32 or more; RWKV_NO_BCAST; the
   same products summed in another order, ~1e-6). */
rwkv_status rwkv_eval_seq(rwkv_state *state, const int *tokens, size_t n, float *logits,
                          int all_logits, rwkv_error *err);

/* Serialization: a versioned little-endian blob (docs/FORMAT.md) that records the model's
   shape and fingerprint (rwkv_model_get_fingerprint). A load is refused (RWKV_ERR_STATE, the
   state unchanged) when the blob is from a model of another shape, from another model of the
   same shape (unless RWKV_STATE_LOAD_FORCE), holds a NaN or an infinity, or is in format 1
   (saved by an older rwkv.c, without a fingerprint). rwkv_state_save_file writes a temporary
   file next to `path`, flushes it to disk and renames it over `path`: readers and concurrent
   savers see the old file or a new one, never a mix, also after a crash or power loss. It
   refuses (RWKV_ERR_ARGUMENT) a path that names the model's own file (rwkv_model_is_file),
   and an existing non-empty file that is not a state file (a slip of the name). */
size_t rwkv_state_serialized_size(const rwkv_model *model);
rwkv_status rwkv_state_save(const rwkv_state *state, void *buf, size_t cap, rwkv_error *err);
rwkv_status rwkv_state_load(rwkv_state *state, const void *buf, size_t len, rwkv_error *err);
rwkv_status rwkv_state_save_file(const rwkv_state *state, const char *path, rwkv_error *err);
rwkv_status rwkv_state_load_file(rwkv_state *state, const char *path, rwkv_error *err);
/* The same loads with flags: RWKV_STATE_LOAD_FORCE accepts a state of another model of the
   same shape (a different fingerprint); everything else is still checked. */
enum { RWKV_STATE_LOAD_FORCE = 1 };
rwkv_status rwkv_state_load_flags(rwkv_state *state, const void *buf, size_t len,
                                  unsigned flags, rwkv_error *err);
rwkv_status rwkv_state_load_file_flags(rwkv_state *state, const char *path, unsigned flags,
                                       rwkv_error *err);

/* ==== API: sampler ===================================================================== */
/* Turns logits into a token id, following ChatRWKV's conventions (rwkv/utils.py):
     1. banned tokens are removed, logit biases added (rwkv_sampler_set_bias);
     2. penalties: logit[t] -= presence + count[t] * frequency for every token t generated
        so far (see rwkv_sampler_accept for how counts grow and decay; by ChatRWKV's rule,
        space_digit_rule, tokens of spaces, tabs and digits keep a count of 0);
     3. probabilities p = softmax(logits); top-p keeps the most probable tokens whose
        cumulative probability first reaches top_p (every token as probable as the last one
        kept stays), top-k keeps the k most probable (ties: lower id first), min-p drops
        tokens with p < min_p * max(p). The cutoffs are taken BEFORE temperature;
     4. temperature: the kept tokens are drawn with weight p^(1/T); T = 0 is greedy (argmax,
        lowest id on ties).
   Cost per call is O(n_vocab) for any setting except a near-uniform distribution (where a
   small bucket gets sorted). A sampler owns its random generator (xoshiro256**, seeded by
   splitmix64): the same seed and the same calls give the same tokens on every machine and
   whatever the thread count. One sampler per thread. */

typedef struct rwkv_sampler rwkv_sampler;
struct rwkv_tokenizer; /* rwkv_tokenizer, declared with the tokenizers below */

typedef struct rwkv_sampler_params {
    float temperature;       /* >= 0; 0 = greedy. ChatRWKV default 1.0 */
    float top_p;             /* (0, 1]; 1 = off. 0 also means greedy. Default 0.85 */
    int top_k;               /* >= 0; 0 = off. Default 0 */
    float min_p;             /* [0, 1]; 0 = off. Default 0 */
    float presence_penalty;  /* default 0.2 */
    float frequency_penalty; /* default 0.2 */
    float penalty_decay;     /* [0, 1]: counts are multiplied by it per accepted token; 0.996 */
    int space_digit_rule;    /* ChatRWKV's rule, default 1 (on): a token whose text is only
                                spaces, tabs or digits (a substring of " \t0123456789") gets
                                the presence penalty once seen but never adds to its count,
                                so no frequency penalty. Needs rwkv_sampler_set_tokenizer to
                                know those tokens; 0 = such tokens count like any other */
    uint64_t seed;           /* default 42 */
} rwkv_sampler_params;

/* Fills p with ChatRWKV's chat defaults (values above). */
void rwkv_sampler_params_default(rwkv_sampler_params *p);

/* A sampler for a vocabulary of n_vocab tokens. Fails on out-of-range parameters. */
rwkv_status rwkv_sampler_new(const rwkv_sampler_params *p, int n_vocab, rwkv_sampler **out,
                             rwkv_error *err);
void rwkv_sampler_free(rwkv_sampler *s);
/* Changes the parameters (the random stream and the counts carry on; a changed seed does NOT
   reseed: use rwkv_sampler_set_seed). */
rwkv_status rwkv_sampler_set_params(rwkv_sampler *s, const rwkv_sampler_params *p,
                                    rwkv_error *err);
/* The parameters in use (e.g. to change one of them: get, modify, set). */
void rwkv_sampler_get_params(const rwkv_sampler *s, rwkv_sampler_params *p);
/* Restarts the random stream from a seed. */
void rwkv_sampler_set_seed(rwkv_sampler *s, uint64_t seed);

/* A banned token is never returned (e.g. end-of-text id 0 for the first token of a reply). */
void rwkv_sampler_ban(rwkv_sampler *s, int token, int banned);
/* Adds bias to the logit of token before every other step (llama.cpp's --logit-bias); 0 takes
   it away, -INFINITY means never (like a ban). Fails on a token outside the vocabulary, a NaN
   or +inf. */
rwkv_status rwkv_sampler_set_bias(rwkv_sampler *s, int token, float bias, rwkv_error *err);
/* Finds the tokens of tok that space_digit_rule applies to (the tokenizer is read now, not
   kept: it may be freed afterwards). Until this is called the rule has no tokens to act on. */
void rwkv_sampler_set_tokenizer(rwkv_sampler *s, const struct rwkv_tokenizer *tok);
/* How much an accepted token adds to its count (default 1; space_digit_rule makes it 0 for
   its tokens whatever is set here). */
void rwkv_sampler_set_penalty_weight(rwkv_sampler *s, int token, float weight);
/* Forgets every count (e.g. at the start of a chat reply). */
void rwkv_sampler_reset_penalties(rwkv_sampler *s);

/* Picks a token from logits (n_vocab floats, not modified). Does not record it: call
   rwkv_sampler_accept with the token actually used. Fails when every token is banned or the
   logits hold a NaN. */
rwkv_status rwkv_sampler_sample(rwkv_sampler *s, const float *logits, int *token,
                                rwkv_error *err);
/* Records a generated token for the penalties, ChatRWKV's order: every count is multiplied
   by penalty_decay, then count[token] += weight[token]. */
void rwkv_sampler_accept(rwkv_sampler *s, int token);
/* The penalty count of a token (0 if never accepted); presence is whether it was accepted. */
float rwkv_sampler_get_count(const rwkv_sampler *s, int token, int *present);

/* The generator on its own: uniform in [0, 1) with 53 random bits. */
double rwkv_sampler_uniform(rwkv_sampler *s);

/* ==== API: tokenizers ================================================================== */
/* Three kinds: byte-level (token = byte value), the RWKV World vocabulary (greedy longest
   byte match, as ChatRWKV's TRIE_TOKENIZER) and the Pile / GPT-NeoX-20B byte-level BPE
   (HuggingFace `tokenizers` semantics: added tokens, NFC, GPT-2 split, BPE by merge rank).
   Byte-level and World are implemented here; the Pile BPE is in tokenizer.c and available
   when the program is built with it and RWKV_PILE (see the top of this file): otherwise a
   Pile vocabulary is refused with RWKV_ERR_UNSUPPORTED and a message saying what to add.
   A tokenizer is read-only after loading: share it between threads freely. */

typedef struct rwkv_tokenizer rwkv_tokenizer;

typedef enum rwkv_tokenizer_kind {
    RWKV_TOKENIZER_BYTES = 0, /* 256 tokens, token = byte value */
    RWKV_TOKENIZER_WORLD = 1, /* rwkv_vocab_v20230424.txt */
    RWKV_TOKENIZER_PILE = 2   /* 20B_tokenizer.json (any HF BPE with a ByteLevel pre-tokenizer) */
} rwkv_tokenizer_kind;

/* Loads a vocabulary file; the kind is detected from the content: World vocab text (lines
   "ID LITERAL BYTE_LENGTH") or HuggingFace tokenizer JSON (Pile: needs tokenizer.c). */
rwkv_status rwkv_tokenizer_new_from_file(const char *path, rwkv_tokenizer **out, rwkv_error *err);
/* Same from a buffer (copied as needed; the caller may free it afterwards). */
rwkv_status rwkv_tokenizer_new_from_memory(const char *data, size_t len, rwkv_tokenizer **out,
                                       rwkv_error *err);
/* The byte-level tokenizer (256 tokens). */
rwkv_status rwkv_tokenizer_new_bytes(rwkv_tokenizer **out, rwkv_error *err);
/* From a model file: tokenizer.rwkv.world or tokenizer.huggingface.json (Pile: needs
   tokenizer.c; see docs/FORMAT.md), read with rwkv_model_get_meta_string(); byte-level when the
   model has no tokenizer keys and n_vocab == 256; else an error saying to pass --vocab. The
   tokenizer does not point into the model: either may be freed first. */
rwkv_status rwkv_tokenizer_new_from_model(const rwkv_model *model, rwkv_tokenizer **out,
                                      rwkv_error *err);
void rwkv_tokenizer_free(rwkv_tokenizer *tok);

rwkv_tokenizer_kind rwkv_tokenizer_get_kind(const rwkv_tokenizer *tok);
/* Highest token id + 1 (World: 65530, Pile: 50277, bytes: 256). Ids below it may still be
   unassigned (rwkv_tokenizer_get_token returns NULL for them). */
int rwkv_tokenizer_get_n_vocab(const rwkv_tokenizer *tok);

/* Encodes len raw bytes. World works on any bytes. Pile treats bytes that are not valid
   UTF-8 as opaque symbols and keeps them (decoding gives them back) when the vocabulary has
   a token for them; the 20B vocabulary has none for C0, C1 and F5..FF (bytes that never
   occur in UTF-8): those are an RWKV_ERR_ARGUMENT error (HuggingFace would drop them).
   *ids is malloc'd (caller free()s; NULL when *n_ids is 0), *n_ids its length. */
rwkv_status rwkv_tokenize(const rwkv_tokenizer *tok, const char *text, size_t len, int **ids,
                          size_t *n_ids, rwkv_error *err);

/* The bytes of one token (owned by the tokenizer, not NUL-terminated); NULL when id is out of
   range or unassigned. World's end-of-text (id 0) has 0 bytes; the byte-level tokenizer's
   id 0 is the byte 0; Pile special tokens give their literal text (id 0 "<|endoftext|>",
   id 1 "<|padding|>"), as HuggingFace's decode with skip_special_tokens=False does. */
const char *rwkv_tokenizer_get_token(const rwkv_tokenizer *tok, int id, size_t *len);
/* Non-zero for special tokens (end-of-text; Pile added tokens marked "special"). */
int rwkv_tokenizer_is_special(const rwkv_tokenizer *tok, int id);

/* Decodes n ids into a malloc'd buffer (*out, caller free()s; NUL-terminated for
   convenience, *out_len excludes the NUL): the concatenated rwkv_tokenizer_get_token, so special
   tokens give their text and encode-then-decode gives the text back (Pile: after NFC). An
   unassigned or out-of-range id is an error. Generation stops at end-of-text before it is
   decoded, so callers that stream never print it. */
rwkv_status rwkv_detokenize(const rwkv_tokenizer *tok, const int *ids, size_t n, char **out,
                            size_t *out_len, rwkv_error *err);

/* Streaming decode for generation: never emits a partial UTF-8 sequence split across
   tokens. */
typedef struct rwkv_utf8_stream {
    unsigned char pending[4];
    int n_pending;
} rwkv_utf8_stream;
void rwkv_utf8_stream_init(rwkv_utf8_stream *s);
/* Appends the bytes of token `id` and writes to out everything that is complete UTF-8 or can
   never become valid (invalid bytes pass through unchanged); returns bytes written.
   cap >= (token length) + 4 always suffices (a smaller cap truncates the output). Unknown
   ids add nothing. */
size_t rwkv_utf8_stream_push(rwkv_utf8_stream *s, const rwkv_tokenizer *tok, int id, char *out,
                             size_t cap);
/* Same for raw bytes (no tokenizer). */
size_t rwkv_utf8_stream_push_bytes(rwkv_utf8_stream *s, const char *bytes, size_t len,
                                   char *out, size_t cap);
/* Writes out what is still held back (an incomplete sequence, as is) and resets; cap >= 4. */
size_t rwkv_utf8_stream_flush(rwkv_utf8_stream *s, char *out, size_t cap);

/* Reads a whole file (any size, pipes too) into a malloc'd buffer (*data, caller free()s;
   NUL-terminated for convenience, *len excludes the NUL). */
rwkv_status rwkv_file_read(const char *path, char **data, size_t *len, rwkv_error *err);

/* ---- in tokenizer.c: these need tokenizer.c linked into the program ---------------------- */

/* Unicode NFC (Unicode 15.0 tables) of UTF-8 text; bytes that are not valid UTF-8 are kept
   as they are. (The Pile tokenizer normalizes with Unicode 9.0 data instead, as HuggingFace
   tokenizers does: that differs only for 109 code points assigned since.) *out is malloc'd
   and NUL-terminated; *out_len excludes the NUL. */
rwkv_status rwkv_utf8_nfc(const char *text, size_t len, char **out, size_t *out_len,
                          rwkv_error *err);

/* The string member `key` of the JSON object json[0..len) (e.g. one line of a JSON-lines
   file such as LAMBADA's), unescaped to UTF-8 in a malloc'd buffer (*out, caller free()s;
   NUL-terminated, *out_len excludes the NUL). *out is NULL (and the status RWKV_OK) when the
   member is absent or not a string; RWKV_ERR_FORMAT when the text is not a JSON object. */
rwkv_status rwkv_json_get_string(const char *json, size_t len, const char *key, char **out,
                                 size_t *out_len, rwkv_error *err);

/* The hook through which rwkv.h (built with RWKV_PILE) loads a HuggingFace tokenizer JSON;
   applications call rwkv_tokenizer_new_from_file or rwkv_tokenizer_new_from_model instead. name is used
   in error messages. */
rwkv_status rwkv_pile_load(const char *json, size_t len, const char *name,
                           rwkv_tokenizer **out, rwkv_error *err);

#ifdef __cplusplus
}
#endif
#endif /* RWKV_H */

/* ======================================================================================= */
/* ==== IMPLEMENTATION ==================================================================== */
/* ======================================================================================= */
#ifdef RWKV_IMPLEMENTATION
#ifndef RWKV_IMPLEMENTATION_DONE
#define RWKV_IMPLEMENTATION_DONE

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef _OPENMP
#include <omp.h>
#endif

/* 128, not 64: prompts of 512 tokens 1.13-1.34x faster on two threads of a Sapphire Rapids
   VM (v4 / v6 / v7 1.5B F16, BF16, Q8_0, Q4_K_M; one thread F16 1.20; 0.1B 1.09-1.26), 256
   another 1.03-1.06 for 2x the scratch (tools/pair.sh, docs/KERNELS.md sixteenth round) */
#ifndef RWKV_SEQ_BLOCK
#define RWKV_SEQ_BLOCK 128
#endif

/* ==== IMPL: utilities ================================================================== */

#if defined(__GNUC__) || defined(__clang__)
#define RWKV__UNUSED __attribute__((unused))
#define RWKV__INLINE static inline __attribute__((always_inline))
#else
#define RWKV__UNUSED
#define RWKV__INLINE static inline
#endif
/* pointers that alias nothing else in the function (lets compilers vectorize loops that
   write through several of them) */
#if !defined(__cplusplus)
#define RWKV__RESTRICT restrict
#elif defined(__GNUC__) || defined(__clang__) || defined(_MSC_VER)
#define RWKV__RESTRICT __restrict
#else
#define RWKV__RESTRICT
#endif


#define rwkv__fail rwkv_error_set /* the implementation's short name for it */

rwkv_status rwkv_error_set(rwkv_error *err, rwkv_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
#if defined(__MINGW32__) /* msvcrt's vsnprintf lacks %zu; this one is always there */
        __mingw_vsnprintf(err->message, sizeof err->message, fmt, ap);
#else
        vsnprintf(err->message, sizeof err->message, fmt, ap);
#endif
        va_end(ap);
    }
    return code;
}

const char *rwkv_status_string(rwkv_status code)
{
    switch (code) {
    case RWKV_OK: return "ok";
    case RWKV_ERR_IO: return "I/O error";
    case RWKV_ERR_FORMAT: return "format error";
    case RWKV_ERR_UNSUPPORTED: return "unsupported";
    case RWKV_ERR_MEMORY: return "out of memory";
    case RWKV_ERR_ARGUMENT: return "invalid argument";
    case RWKV_ERR_STATE: return "state mismatch";
    case RWKV_ERR_CANCELLED: return "cancelled";
    }
    return "unknown error";
}

static float rwkv__f16_to_f32(uint16_t h)
{
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    uint32_t exp = (h >> 10) & 0x1fu;
    uint32_t man = h & 0x3ffu;
    uint32_t bits;
    float f;
    if (exp == 0) {
        if (man == 0) {
            bits = sign;
        } else { /* subnormal: renormalize */
            exp = 127 - 15 + 1;
            while (!(man & 0x400u)) { man <<= 1; exp--; }
            man &= 0x3ffu;
            bits = sign | (exp << 23) | (man << 13);
        }
    } else if (exp == 31) {
        bits = sign | 0x7f800000u | (man << 13);
    } else {
        bits = sign | ((exp + 127 - 15) << 23) | (man << 13);
    }
    memcpy(&f, &bits, 4);
    return f;
}

static float rwkv__bf16_to_f32(uint16_t h)
{
    uint32_t bits = (uint32_t)h << 16;
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

/* Rounded to nearest, ties to even, as torch and convert_pth.py round; a NaN stays a NaN (its
   quiet bit set, so that dropping the low half cannot make it an infinity). */
static RWKV__UNUSED uint16_t rwkv__f32_to_bf16(float f)
{
    uint32_t bits;
    memcpy(&bits, &f, 4);
    if ((bits & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((bits >> 16) | 0x40u);
    bits += 0x7fffu + ((bits >> 16) & 1u);
    return (uint16_t)(bits >> 16);
}

/* Little-endian integers of n <= 8 bytes, whatever the host's byte order (GGUF files and
   serialized states are little-endian). */
static uint64_t rwkv__le(const uint8_t *p, int n)
{
    uint64_t v = 0;
    int i;
    for (i = n - 1; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

static void rwkv__put_le(unsigned char *p, uint64_t v, int n)
{
    int i;
    for (i = 0; i < n; i++) { p[i] = (unsigned char)(v & 0xff); v >>= 8; }
}

/* A byte string in the mapped file, not NUL-terminated. Metadata pairs and tensors begin
   with their name as an rwkv__str, so one sort and one binary search serve both. */
typedef struct rwkv__str {
    const char *p;
    size_t len;
} rwkv__str;

static int rwkv__cmp_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t n = alen < blen ? alen : blen;
    int c = memcmp(a, b, n);
    if (c) return c;
    return alen < blen ? -1 : alen > blen ? 1 : 0;
}

/* qsort comparator of two structs that begin with an rwkv__str. */
static int rwkv__str_cmp(const void *a, const void *b)
{
    const rwkv__str *x = (const rwkv__str *)a, *y = (const rwkv__str *)b;
    return rwkv__cmp_bytes(x->p, x->len, y->p, y->len);
}

/* Sorts n structs of `size` bytes that begin with an rwkv__str; returns one that equals its
   predecessor (a duplicate name), or NULL. */
static const rwkv__str *rwkv__sort_names(void *base, uint64_t n, size_t size)
{
    uint64_t i;
    qsort(base, (size_t)n, size, rwkv__str_cmp);
    for (i = 1; i < n; i++) {
        const char *e = (const char *)base + i * size;
        if (rwkv__str_cmp(e - size, e) == 0) return (const rwkv__str *)(const void *)e;
    }
    return NULL;
}

/* Index of the struct named `key` among n sorted by rwkv__sort_names, or -1. */
static long rwkv__find(const void *sorted, uint64_t n, size_t size, const char *key)
{
    uint64_t lo = 0, hi = n;
    size_t len = strlen(key);
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo) / 2;
        const rwkv__str *s = (const rwkv__str *)(const void *)((const char *)sorted + mid * size);
        int c = rwkv__cmp_bytes(s->p, s->len, key, len);
        if (c == 0) return (long)mid;
        if (c < 0) lo = mid + 1; else hi = mid;
    }
    return -1;
}

/* ==== IMPL: kernels ==================================================================== */
/* The scalar functions (rwkv__*_scalar) are the definition; the SIMD variants must agree with
   them to fp32 rounding. Which SIMD variant is used is decided at compile time from the
   target macros (-march=native in the Makefile):
       __AVX512F__                     16-lane kernels (f16 via vcvtph2ps, bf16 by shifting)
       __AVX2__ + __FMA__ + __F16C__   8-lane kernels
       __ARM_NEON on __aarch64__       4-lane kernels (f16 via vcvt_f32_f16)
       __ARM_NEON + __ARM_FEATURE_FMA  the same on 32-bit ARMv7 (-mfpu=neon-vfpv4: Raspberry
                                       Pi 2/3/4 and Zero 2 on a 32-bit OS); a smaller tile
       anything else, or RWKV_NO_SIMD  the scalar kernels
   Summation order of one output y[r] (the same in matvec and matmul, so a block of tokens
   gives the same bits as one token at a time): one vector accumulator of L lanes, lane j
   gets the products of columns c = j (mod L) for c < cols - cols % L in increasing c with
   fused multiply-add; then the lanes are added in a fixed tree (halves, then halves...);
   then the remaining cols % L products are added one by one. Threads split rows, never a
   row's sum, so no result depends on the thread count. docs/KERNELS.md has the details and
   the measurements behind the choices here.

   The primitives the forward pass uses: rwkv__matvec / rwkv__matmul (a weight matrix times
   one token / a block of tokens; the LoRAs too, stored one row per output), rwkv__get_row
   (an embedding row), rwkv__norm (layer norm; group norm per group), rwkv__sigmoid, and the
   WKV recurrences rwkv__wkv4, rwkv__wkv5_head, rwkv__wkv7_head. */

/* A weight tensor inside the mapped file. Matrices are row-major: ne[0] = columns
   (contiguous), ne[1] = rows; a linear layer y = W x has ne[1] outputs and ne[0] inputs. */
typedef struct rwkv__tensor {
    rwkv__str name;   /* first member: tensors are sorted and searched by name */
    const void *data;
    int type;         /* RWKV_TYPE_F32, _F16, _BF16, or a quantized type (RWKV__TYPE_Q*) */
    int n_dims;
    int64_t ne[4];    /* unused dimensions are 1 */
    int lora_tiles;   /* a LoRA matrix in a model without quantized matrices: f16 / bf16
                         prompt blocks may run on the AMX or broadcast tiles below
                         RWKV__FAMX_MIN rows (first halves), on the broadcast tiles below
                         RWKV__FAMX_MIN columns (second halves) */
    const uint8_t *packed; /* packed types: the rows' packed copy (rwkv__pack_model), or NULL */
    int mv_streams;   /* one-token float products read the rows in sequential streams
                         (rwkv__mv_pair), not the 8-row tile in lanes: set at load where
                         rwkv__cpu_streams says so (an AMD Zen) */
} rwkv__tensor;

/* Every float weight type the kernels read has a case in rwkv__row_bytes, rwkv__type_name,
   rwkv__weight, rwkv__get_row, rwkv__matvec_scalar, rwkv__vld_w and rwkv__tile_for. The
   quantized types (ggml's blocks, below) have their own kernels: rwkv__matmul and
   rwkv__get_row send them to rwkv__matmul_q_ws and rwkv__dequant_row. */

/* The quantized types (ggml type ids): blocks of 32 values, or super-blocks of 256 (the K
   types); a row of n values is n / block consecutive blocks. */
enum {
    RWKV__TYPE_Q4_0 = 2, RWKV__TYPE_Q4_1 = 3, RWKV__TYPE_Q5_0 = 6, RWKV__TYPE_Q5_1 = 7,
    RWKV__TYPE_Q8_0 = 8, RWKV__TYPE_Q4_K = 12, RWKV__TYPE_Q5_K = 13, RWKV__TYPE_Q6_K = 14
};

/* Values per block (0: not a quantized type this file knows). */
static int rwkv__qblock(int type)
{
    switch (type) {
    case RWKV__TYPE_Q4_0: case RWKV__TYPE_Q4_1: case RWKV__TYPE_Q5_0: case RWKV__TYPE_Q5_1:
    case RWKV__TYPE_Q8_0: return 32;
    case RWKV__TYPE_Q4_K: case RWKV__TYPE_Q5_K: case RWKV__TYPE_Q6_K: return 256;
    }
    return 0;
}

/* Bytes per block (0: unknown type). */
static size_t rwkv__qbytes(int type)
{
    switch (type) {
    case RWKV__TYPE_Q4_0: return 18;
    case RWKV__TYPE_Q4_1: return 20;
    case RWKV__TYPE_Q5_0: return 22;
    case RWKV__TYPE_Q5_1: return 24;
    case RWKV__TYPE_Q8_0: return 34;
    case RWKV__TYPE_Q4_K: return 144;
    case RWKV__TYPE_Q5_K: return 176;
    case RWKV__TYPE_Q6_K: return 210;
    }
    return 0;
}

/* Bytes of n consecutive weights of one row; 0 for a type the kernels cannot read (and, for
   a type stored in blocks, for n not a whole number of blocks). */
RWKV__INLINE uint64_t rwkv__row_bytes(int type, uint64_t n)
{
    switch (type) {
    case RWKV_TYPE_F32: return 4 * n;
    case RWKV_TYPE_F16: case RWKV_TYPE_BF16: return 2 * n;
    }
    if (rwkv__qblock(type) == 0 || n % (uint64_t)rwkv__qblock(type) != 0) return 0;
    return n / (uint64_t)rwkv__qblock(type) * rwkv__qbytes(type);
}

/* Bytes of a whole tensor (its dimensions are checked not to overflow this). */
static uint64_t rwkv__tensor_bytes(const rwkv__tensor *t)
{
    return rwkv__row_bytes(t->type, (uint64_t)t->ne[0]) * (uint64_t)t->ne[1] *
           (uint64_t)t->ne[2] * (uint64_t)t->ne[3];
}

static const char *rwkv__type_name(uint32_t t)
{
    switch (t) {
    case RWKV_TYPE_F32: return "F32";
    case RWKV_TYPE_F16: return "F16";
    case RWKV_TYPE_BF16: return "BF16";
    case 2: return "Q4_0"; case 3: return "Q4_1"; case 6: return "Q5_0"; case 7: return "Q5_1";
    case 8: return "Q8_0"; case 12: return "Q4_K"; case 13: return "Q5_K"; case 14: return "Q6_K";
    }
    return "an unknown type";
}

const char *rwkv_type_name(int type) { return rwkv__type_name((uint32_t)type); }

/* Below this many multiply-adds a matrix product stays on one thread: waking a second one
   costs more than it saves. */
#define RWKV__PAR_MIN_WORK 262144

#ifndef RWKV_NO_SIMD
#if defined(__AVX512F__)
#define RWKV__AVX512 1
#elif defined(__AVX2__) && defined(__FMA__) && defined(__F16C__)
#define RWKV__AVX2 1
#elif defined(__ARM_NEON) && (defined(__aarch64__) || defined(__ARM_FEATURE_FMA))
#define RWKV__NEON 1 /* 32-bit ARM needs vfmaq_f32: VFPv4 (plain -mfpu=neon is scalar) */
#endif
#endif

/* One weight as f32, for the scalar code and the SIMD tails. */
RWKV__INLINE RWKV__UNUSED float rwkv__weight(const void *data, int type, int64_t i)
{
    switch (type) {
    case RWKV_TYPE_F16: return rwkv__f16_to_f32(((const uint16_t *)data)[i]);
    case RWKV_TYPE_BF16: return rwkv__bf16_to_f32(((const uint16_t *)data)[i]);
    }
    return ((const float *)data)[i];
}

/* Threads to use for `work` weights split as `rows` rows. */
static int rwkv__threads_for(int n_threads, int64_t rows, int64_t work)
{
    if (n_threads < 1 || work < RWKV__PAR_MIN_WORK) return 1;
    if ((int64_t)n_threads > rows / 4) return rows / 4 > 1 ? (int)(rows / 4) : 1;
    return n_threads;
}

/* ---- scalar definition ---------------------------------------------------------------- */

/* y[r] = sum_c W[r][c] * x[c] for r < W->ne[1], in order of c. Each product is rounded,
   then added: a separate statement, so that clang (whose default fp-contract=on would fuse
   `acc += w * x` into an FMA) and gcc -std=c99 (which does not) give the same bits. */
static RWKV__UNUSED void rwkv__matvec_scalar(float *y, const rwkv__tensor *W, const float *x,
                                             int n_threads)
{
    const int64_t rows = W->ne[1], cols = W->ne[0];
    int64_t r;
    int nth = rwkv__threads_for(n_threads, rows, rows * cols);
    (void)nth;
#ifdef _OPENMP
#pragma omp parallel for num_threads(nth) schedule(static) if (nth > 1)
#endif
    for (r = 0; r < rows; r++) {
        const void *row = (const char *)W->data + r * rwkv__row_bytes(W->type, (uint64_t)cols);
        const float *w32 = (const float *)row;
        const uint16_t *w16 = (const uint16_t *)row;
        float acc = 0.0f;
        int64_t c;
        switch (W->type) {
        case RWKV_TYPE_F32:
            for (c = 0; c < cols; c++) { const float p = w32[c] * x[c]; acc += p; }
            break;
        case RWKV_TYPE_F16:
            for (c = 0; c < cols; c++) {
                const float p = rwkv__f16_to_f32(w16[c]) * x[c];
                acc += p;
            }
            break;
        case RWKV_TYPE_BF16:
            for (c = 0; c < cols; c++) {
                const float p = rwkv__bf16_to_f32(w16[c]) * x[c];
                acc += p;
            }
            break;
        }
        y[r] = acc;
    }
}

/* Y[t][r] = sum_c W[r][c] * X[t][c] for t < T; X is T x cols, Y is T x rows. */
static RWKV__UNUSED void rwkv__matmul_scalar(float *Y, const rwkv__tensor *W, const float *X,
                                             int T, int n_threads)
{
    const int64_t rows = W->ne[1], cols = W->ne[0];
    int t;
    for (t = 0; t < T; t++)
        rwkv__matvec_scalar(Y + (int64_t)t * rows, W, X + (int64_t)t * cols, n_threads);
}

/* ---- SIMD building blocks ------------------------------------------------------------- */
/* Each variant defines: rwkv__vf (a vector of RWKV__L floats), loads of L weights of each
   type as f32, fma, and rwkv__vsum (the fixed reduction tree). RWKV__TR x RWKV__TT is the
   register tile of matmul (rows x tokens). matvec does RWKV__VR = 8 rows at once (written
   out in rwkv__mv_tile), each its own accumulator chain: enough to hide the FMA latency,
   and faster than 4 or 2 rows (docs/KERNELS.md). */

#if defined(RWKV__AVX512) || defined(RWKV__AVX2)
#if defined(__cplusplus) && defined(__GNUC__) && !defined(__clang__)
/* g++ 12 -Wall warns inside its own AVX-512 headers (_mm512_undefined_* self-initialized) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#else
#include <immintrin.h>
#endif
#define RWKV__SIMD 1
#if defined(__GNUC__) || defined(__clang__)
#include <cpuid.h> /* rwkv__cpu_streams: which float matvec a generic x86 build runs */
#endif
#endif

#define RWKV__VR 8

#if defined(__GNUC__) && !defined(__clang__)
#define RWKV__UNROLL _Pragma("GCC unroll 8")
#define RWKV__UNROLL16 _Pragma("GCC unroll 16")
#elif defined(__clang__)
#define RWKV__UNROLL _Pragma("unroll")
#define RWKV__UNROLL16 RWKV__UNROLL
#else
#define RWKV__UNROLL
#define RWKV__UNROLL16
#endif

#if defined(RWKV__AVX512)
#define RWKV__L 16
#define RWKV__TR 4
#define RWKV__TT 6
typedef __m512 rwkv__vf;
RWKV__INLINE rwkv__vf rwkv__vzero(void) { return _mm512_setzero_ps(); }
RWKV__INLINE rwkv__vf rwkv__vld_f32(const float *p) { return _mm512_loadu_ps(p); }
RWKV__INLINE rwkv__vf rwkv__vset1(float f) { return _mm512_set1_ps(f); }
RWKV__INLINE void rwkv__vst(float *p, rwkv__vf v) { _mm512_storeu_ps(p, v); }
RWKV__INLINE rwkv__vf rwkv__vld_f16(const uint16_t *p)
{
    return _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(const void *)p));
}
RWKV__INLINE rwkv__vf rwkv__vld_bf16(const uint16_t *p)
{
    __m512i u = _mm512_cvtepu16_epi32(_mm256_loadu_si256((const __m256i *)(const void *)p));
    return _mm512_castsi512_ps(_mm512_slli_epi32(u, 16));
}
RWKV__INLINE rwkv__vf rwkv__vfma(rwkv__vf a, rwkv__vf b, rwkv__vf acc)
{
    return _mm512_fmadd_ps(a, b, acc);
}
/* separately rounded mul/add/sub: the recurrences reproduce the scalar code bit for bit */
RWKV__INLINE rwkv__vf rwkv__vmul(rwkv__vf a, rwkv__vf b) { return _mm512_mul_ps(a, b); }
RWKV__INLINE rwkv__vf rwkv__vadd(rwkv__vf a, rwkv__vf b) { return _mm512_add_ps(a, b); }
RWKV__INLINE rwkv__vf rwkv__vsub(rwkv__vf a, rwkv__vf b) { return _mm512_sub_ps(a, b); }
/* x > 0 ? x : +0 (NaN and -0 give +0, as the scalar select) */
RWKV__INLINE rwkv__vf rwkv__vrelu(rwkv__vf x) { return _mm512_max_ps(x, _mm512_setzero_ps()); }
/* for the activations on vectors (rwkv__vexp): comparisons, selects, bits, 2^n */
#define RWKV__VMATH 1
typedef __mmask16 rwkv__vm;
RWKV__INLINE rwkv__vf rwkv__vdiv(rwkv__vf a, rwkv__vf b) { return _mm512_div_ps(a, b); }
/* min(x, c) and c where x is NaN (the scalar code's x < c ? x : c) */
RWKV__INLINE rwkv__vf rwkv__vmin_or(rwkv__vf x, rwkv__vf c) { return _mm512_min_ps(x, c); }
RWKV__INLINE rwkv__vf rwkv__vmax(rwkv__vf a, rwkv__vf b) { return _mm512_max_ps(a, b); }
RWKV__INLINE rwkv__vm rwkv__vlt(rwkv__vf a, rwkv__vf b)
{
    return _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ);
}
RWKV__INLINE rwkv__vm rwkv__visnan(rwkv__vf a) { return _mm512_cmp_ps_mask(a, a, _CMP_UNORD_Q); }
/* m ? b : a, lane by lane */
RWKV__INLINE rwkv__vf rwkv__vsel(rwkv__vm m, rwkv__vf a, rwkv__vf b)
{
    return _mm512_mask_blend_ps(m, a, b);
}
RWKV__INLINE rwkv__vf rwkv__vxor(rwkv__vf a, rwkv__vf b)
{
    return _mm512_castsi512_ps(_mm512_xor_si512(_mm512_castps_si512(a), _mm512_castps_si512(b)));
}
RWKV__INLINE rwkv__vf rwkv__vand(rwkv__vf a, rwkv__vf b)
{
    return _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(a), _mm512_castps_si512(b)));
}
RWKV__INLINE rwkv__vf rwkv__vor(rwkv__vf a, rwkv__vf b)
{
    return _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(a), _mm512_castps_si512(b)));
}
/* 2^n = s1 * s2 for integral n in -150..128, as rwkv__expf makes them */
RWKV__INLINE void rwkv__vexp2n(rwkv__vf n, rwkv__vf *s1, rwkv__vf *s2)
{
    const __m512i k = _mm512_add_epi32(_mm512_cvttps_epi32(n), _mm512_set1_epi32(256)),
                  h = _mm512_srli_epi32(k, 1), one = _mm512_set1_epi32(1);
    *s1 = _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_sub_epi32(h, one), 23));
    *s2 = _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_sub_epi32(_mm512_sub_epi32(k, h), one), 23));
}
RWKV__INLINE float rwkv__vsum(rwkv__vf v)
{
    __m256 h = _mm256_add_ps(_mm512_castps512_ps256(v),
                             _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1)));
    __m128 q = _mm_add_ps(_mm256_castps256_ps128(h), _mm256_extractf128_ps(h, 1));
    q = _mm_add_ps(q, _mm_movehl_ps(q, q));
    q = _mm_add_ss(q, _mm_shuffle_ps(q, q, 1));
    return _mm_cvtss_f32(q);
}
/* t[j][i] = x[i][j]: a 16 x 16 transpose of 32-bit elements in registers. */
RWKV__INLINE void rwkv__tr16(const __m512 *x0, __m512 *t)
{
    __m512 x[16];
    int i, j;
    RWKV__UNROLL16 for (i = 0; i < 16; i += 2) {
        x[i] = _mm512_unpacklo_ps(x0[i], x0[i + 1]);
        x[i + 1] = _mm512_unpackhi_ps(x0[i], x0[i + 1]);
    }
    /* per 128-bit lane k, t[4q + j] = column 4k + j of rows 4q .. 4q + 3 */
    RWKV__UNROLL16 for (i = 0; i < 16; i += 4) {
        t[i] = _mm512_shuffle_ps(x[i], x[i + 2], 0x44);
        t[i + 1] = _mm512_shuffle_ps(x[i], x[i + 2], 0xEE);
        t[i + 2] = _mm512_shuffle_ps(x[i + 1], x[i + 3], 0x44);
        t[i + 3] = _mm512_shuffle_ps(x[i + 1], x[i + 3], 0xEE);
    }
    RWKV__UNROLL for (j = 0; j < 4; j++) {
        const __m512 v = _mm512_shuffle_f32x4(t[j], t[4 + j], 0x88),
                     w = _mm512_shuffle_f32x4(t[j], t[4 + j], 0xDD),
                     v2 = _mm512_shuffle_f32x4(t[8 + j], t[12 + j], 0x88),
                     w2 = _mm512_shuffle_f32x4(t[8 + j], t[12 + j], 0xDD);
        x[j] = _mm512_shuffle_f32x4(v, v2, 0x88);      /* column j */
        x[8 + j] = _mm512_shuffle_f32x4(v, v2, 0xDD);  /* column 8 + j */
        x[4 + j] = _mm512_shuffle_f32x4(w, w2, 0x88);  /* column 4 + j */
        x[12 + j] = _mm512_shuffle_f32x4(w, w2, 0xDD); /* column 12 + j */
    }
    RWKV__UNROLL16 for (i = 0; i < 16; i++) t[i] = x[i];
}

#elif defined(RWKV__AVX2)
#define RWKV__L 8
/* 3 x 4: 12 accumulators + 3 weight vectors + 1 token vector = the 16 ymm registers */
#define RWKV__TR 3
#define RWKV__TT 4
typedef __m256 rwkv__vf;
RWKV__INLINE rwkv__vf rwkv__vzero(void) { return _mm256_setzero_ps(); }
RWKV__INLINE rwkv__vf rwkv__vld_f32(const float *p) { return _mm256_loadu_ps(p); }
RWKV__INLINE rwkv__vf rwkv__vset1(float f) { return _mm256_set1_ps(f); }
RWKV__INLINE void rwkv__vst(float *p, rwkv__vf v) { _mm256_storeu_ps(p, v); }
RWKV__INLINE rwkv__vf rwkv__vld_f16(const uint16_t *p)
{
    return _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(const void *)p));
}
RWKV__INLINE rwkv__vf rwkv__vld_bf16(const uint16_t *p)
{
    __m256i u = _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)(const void *)p));
    return _mm256_castsi256_ps(_mm256_slli_epi32(u, 16));
}
RWKV__INLINE rwkv__vf rwkv__vfma(rwkv__vf a, rwkv__vf b, rwkv__vf acc)
{
    return _mm256_fmadd_ps(a, b, acc);
}
/* separately rounded mul/add/sub: the recurrences reproduce the scalar code bit for bit */
RWKV__INLINE rwkv__vf rwkv__vmul(rwkv__vf a, rwkv__vf b) { return _mm256_mul_ps(a, b); }
RWKV__INLINE rwkv__vf rwkv__vadd(rwkv__vf a, rwkv__vf b) { return _mm256_add_ps(a, b); }
RWKV__INLINE rwkv__vf rwkv__vsub(rwkv__vf a, rwkv__vf b) { return _mm256_sub_ps(a, b); }
RWKV__INLINE rwkv__vf rwkv__vrelu(rwkv__vf x) { return _mm256_max_ps(x, _mm256_setzero_ps()); }
/* t[j][i] = x[i][j]: an 8 x 8 transpose of 32-bit elements in registers. */
RWKV__INLINE void rwkv__tr8(const __m256 *x, __m256 *t)
{
    const __m256 u0 = _mm256_unpacklo_ps(x[0], x[1]), u1 = _mm256_unpackhi_ps(x[0], x[1]),
                 u2 = _mm256_unpacklo_ps(x[2], x[3]), u3 = _mm256_unpackhi_ps(x[2], x[3]),
                 u4 = _mm256_unpacklo_ps(x[4], x[5]), u5 = _mm256_unpackhi_ps(x[4], x[5]),
                 u6 = _mm256_unpacklo_ps(x[6], x[7]), u7 = _mm256_unpackhi_ps(x[6], x[7]);
    const __m256 s0 = _mm256_shuffle_ps(u0, u2, 0x44), s1 = _mm256_shuffle_ps(u0, u2, 0xEE),
                 s2 = _mm256_shuffle_ps(u1, u3, 0x44), s3 = _mm256_shuffle_ps(u1, u3, 0xEE),
                 s4 = _mm256_shuffle_ps(u4, u6, 0x44), s5 = _mm256_shuffle_ps(u4, u6, 0xEE),
                 s6 = _mm256_shuffle_ps(u5, u7, 0x44), s7 = _mm256_shuffle_ps(u5, u7, 0xEE);
    t[0] = _mm256_permute2f128_ps(s0, s4, 0x20);
    t[1] = _mm256_permute2f128_ps(s1, s5, 0x20);
    t[2] = _mm256_permute2f128_ps(s2, s6, 0x20);
    t[3] = _mm256_permute2f128_ps(s3, s7, 0x20);
    t[4] = _mm256_permute2f128_ps(s0, s4, 0x31);
    t[5] = _mm256_permute2f128_ps(s1, s5, 0x31);
    t[6] = _mm256_permute2f128_ps(s2, s6, 0x31);
    t[7] = _mm256_permute2f128_ps(s3, s7, 0x31);
}
#define RWKV__VMATH 1
typedef __m256 rwkv__vm; /* all ones or zeros per lane */
RWKV__INLINE rwkv__vf rwkv__vdiv(rwkv__vf a, rwkv__vf b) { return _mm256_div_ps(a, b); }
RWKV__INLINE rwkv__vf rwkv__vmin_or(rwkv__vf x, rwkv__vf c) { return _mm256_min_ps(x, c); }
RWKV__INLINE rwkv__vf rwkv__vmax(rwkv__vf a, rwkv__vf b) { return _mm256_max_ps(a, b); }
RWKV__INLINE rwkv__vm rwkv__vlt(rwkv__vf a, rwkv__vf b) { return _mm256_cmp_ps(a, b, _CMP_LT_OQ); }
RWKV__INLINE rwkv__vm rwkv__visnan(rwkv__vf a) { return _mm256_cmp_ps(a, a, _CMP_UNORD_Q); }
RWKV__INLINE rwkv__vf rwkv__vsel(rwkv__vm m, rwkv__vf a, rwkv__vf b)
{
    return _mm256_blendv_ps(a, b, m);
}
RWKV__INLINE rwkv__vf rwkv__vxor(rwkv__vf a, rwkv__vf b) { return _mm256_xor_ps(a, b); }
RWKV__INLINE rwkv__vf rwkv__vand(rwkv__vf a, rwkv__vf b) { return _mm256_and_ps(a, b); }
RWKV__INLINE rwkv__vf rwkv__vor(rwkv__vf a, rwkv__vf b) { return _mm256_or_ps(a, b); }
RWKV__INLINE void rwkv__vexp2n(rwkv__vf n, rwkv__vf *s1, rwkv__vf *s2)
{
    const __m256i k = _mm256_add_epi32(_mm256_cvttps_epi32(n), _mm256_set1_epi32(256)),
                  h = _mm256_srli_epi32(k, 1), one = _mm256_set1_epi32(1);
    *s1 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_sub_epi32(h, one), 23));
    *s2 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_sub_epi32(_mm256_sub_epi32(k, h), one), 23));
}
RWKV__INLINE float rwkv__vsum(rwkv__vf v)
{
    __m128 q = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    q = _mm_add_ps(q, _mm_movehl_ps(q, q));
    q = _mm_add_ss(q, _mm_shuffle_ps(q, q, 1));
    return _mm_cvtss_f32(q);
}
#elif defined(RWKV__NEON)
#include <arm_neon.h>
#define RWKV__SIMD 1
#define RWKV__L 4
#if defined(__aarch64__)
#define RWKV__TR 4
#define RWKV__TT 5
#else
/* 32-bit ARM has 16 q registers, not 32: 12 accumulators + 3 weight vectors + 1 token vector */
#define RWKV__TR 3
#define RWKV__TT 4
#endif
typedef float32x4_t rwkv__vf;
RWKV__INLINE rwkv__vf rwkv__vzero(void) { return vdupq_n_f32(0.0f); }
RWKV__INLINE rwkv__vf rwkv__vld_f32(const float *p) { return vld1q_f32(p); }
RWKV__INLINE rwkv__vf rwkv__vset1(float f) { return vdupq_n_f32(f); }
RWKV__INLINE void rwkv__vst(float *p, rwkv__vf v) { vst1q_f32(p, v); }
#if defined(__aarch64__) || defined(__ARM_FP16_FORMAT_IEEE)
RWKV__INLINE rwkv__vf rwkv__vld_f16(const uint16_t *p)
{
    return vcvt_f32_f16(vreinterpret_f16_u16(vld1_u16(p)));
}
#else
/* 32-bit gcc has vcvt_f32_f16 only with -mfp16-format=ieee: without it, the conversion in
   integer steps, exact like the scalar one (subnormals through an exact int-to-float
   conversion, since NEON on ARMv7 flushes subnormal operands to zero). */
RWKV__INLINE rwkv__vf rwkv__vld_f16(const uint16_t *p)
{
    const uint32x4_t h = vmovl_u16(vld1_u16(p));
    const uint32x4_t sign = vshlq_n_u32(vandq_u32(h, vdupq_n_u32(0x8000u)), 16);
    const uint32x4_t em = vandq_u32(h, vdupq_n_u32(0x7fffu)); /* exponent and mantissa */
    const uint32x4_t rebias = vdupq_n_u32((127u - 15u) << 23);
    /* normal: exponent + 112; infinity and NaN (exponent 31): + 112 again, to 255 */
    uint32x4_t bits = vaddq_u32(vshlq_n_u32(em, 13), rebias);
    bits = vaddq_u32(bits, vandq_u32(vcgeq_u32(em, vdupq_n_u32(0x7c00u)), rebias));
    /* zero and subnormal (exponent 0): mantissa * 2^-24, exact */
    bits = vbslq_u32(vcltq_u32(em, vdupq_n_u32(0x400u)),
                     vreinterpretq_u32_f32(vmulq_f32(vcvtq_f32_u32(em),
                                                     vdupq_n_f32(5.9604644775390625e-8f))),
                     bits);
    return vreinterpretq_f32_u32(vorrq_u32(bits, sign));
}
#endif
RWKV__INLINE rwkv__vf rwkv__vld_bf16(const uint16_t *p)
{
    return vreinterpretq_f32_u32(vshll_n_u16(vld1_u16(p), 16));
}
RWKV__INLINE rwkv__vf rwkv__vfma(rwkv__vf a, rwkv__vf b, rwkv__vf acc)
{
    return vfmaq_f32(acc, a, b);
}
/* separately rounded mul/add/sub: the recurrences reproduce the scalar code bit for bit */
RWKV__INLINE rwkv__vf rwkv__vmul(rwkv__vf a, rwkv__vf b) { return vmulq_f32(a, b); }
RWKV__INLINE rwkv__vf rwkv__vadd(rwkv__vf a, rwkv__vf b) { return vaddq_f32(a, b); }
RWKV__INLINE rwkv__vf rwkv__vsub(rwkv__vf a, rwkv__vf b) { return vsubq_f32(a, b); }
RWKV__INLINE rwkv__vf rwkv__vrelu(rwkv__vf x)
{
    return vbslq_f32(vcgtq_f32(x, vdupq_n_f32(0.0f)), x, vdupq_n_f32(0.0f));
}
#if defined(__aarch64__)
/* (not on 32-bit ARM: its NEON flushes subnormal operands to zero, so lanes could differ
   from the scalar functions' bits; and it has no vector division) */
#define RWKV__VMATH 1
typedef uint32x4_t rwkv__vm;
RWKV__INLINE rwkv__vf rwkv__vdiv(rwkv__vf a, rwkv__vf b) { return vdivq_f32(a, b); }
RWKV__INLINE rwkv__vf rwkv__vmin_or(rwkv__vf x, rwkv__vf c)
{
    return vbslq_f32(vcltq_f32(x, c), x, c);
}
RWKV__INLINE rwkv__vf rwkv__vmax(rwkv__vf a, rwkv__vf b) { return vmaxq_f32(a, b); }
RWKV__INLINE rwkv__vm rwkv__vlt(rwkv__vf a, rwkv__vf b) { return vcltq_f32(a, b); }
RWKV__INLINE rwkv__vm rwkv__visnan(rwkv__vf a) { return vmvnq_u32(vceqq_f32(a, a)); }
RWKV__INLINE rwkv__vf rwkv__vsel(rwkv__vm m, rwkv__vf a, rwkv__vf b) { return vbslq_f32(m, b, a); }
RWKV__INLINE rwkv__vf rwkv__vxor(rwkv__vf a, rwkv__vf b)
{
    return vreinterpretq_f32_u32(veorq_u32(vreinterpretq_u32_f32(a), vreinterpretq_u32_f32(b)));
}
RWKV__INLINE rwkv__vf rwkv__vand(rwkv__vf a, rwkv__vf b)
{
    return vreinterpretq_f32_u32(vandq_u32(vreinterpretq_u32_f32(a), vreinterpretq_u32_f32(b)));
}
RWKV__INLINE rwkv__vf rwkv__vor(rwkv__vf a, rwkv__vf b)
{
    return vreinterpretq_f32_u32(vorrq_u32(vreinterpretq_u32_f32(a), vreinterpretq_u32_f32(b)));
}
RWKV__INLINE void rwkv__vexp2n(rwkv__vf n, rwkv__vf *s1, rwkv__vf *s2)
{
    const int32x4_t k = vaddq_s32(vcvtq_s32_f32(n), vdupq_n_s32(256)),
                    h = vshrq_n_s32(k, 1), one = vdupq_n_s32(1);
    *s1 = vreinterpretq_f32_s32(vshlq_n_s32(vsubq_s32(h, one), 23));
    *s2 = vreinterpretq_f32_s32(vshlq_n_s32(vsubq_s32(vsubq_s32(k, h), one), 23));
}
#endif
RWKV__INLINE float rwkv__vsum(rwkv__vf v)
{
    float32x2_t h = vadd_f32(vget_low_f32(v), vget_high_f32(v));
    return vget_lane_f32(h, 0) + vget_lane_f32(h, 1);
}
#endif

/* Generation reads a product's rows in lanes: a tile's rows are not neighbours but the heads
   of runs of consecutive rows ~RWKV__MV_LANE bytes long (rwkv__matmul_rows,
   rwkv__qmm_rows_simd), so the tiles walk far-apart sequential streams, each row
   prefetching its own stream ahead (which runs on into the next row of its lane). A tile of
   neighbouring short rows (a 2048-column Q4_K row is 1152 bytes, an f16 one 4 KiB) touched
   each 4 KiB page at several places at once, and Intel's L2 streamer follows one stream per
   page: on a Sapphire Rapids VM such tiles read an 8192 x 2048 matrix at 80-87% of the plain
   read rate (Q8_0, Q4_K, Q6_K; 8192-column rows 95-100%). In lanes of 32 KiB (one thread,
   `tools/pair.sh -b -DRWKV__MV_LANE=.. matmul -- TYPE 8192 2048 1 M 20`, with the
   prefetches below): Q4_K 1.33, Q6_K 1.34, Q8_0 1.39, Q8_0 3072 x 768 1.47, Q6_K 2048 x
   7168 1.17, f16 1.24, f16 3072 x 768 1.32, bf16 2048 x 7168 1.36, f32 1.01-1.03; 16 KiB
   lanes gained less (1.15-1.25). Whole model (`tools/pair.sh -a -DRWKV__MV_LANE=A -b
   -DRWKV__MV_LANE=B model -- MODEL THREADS 8 6`, v7 1.5B F16 / Q4_K_M / Q8_0): 64 KiB
   against 32 KiB 1.03 / 1.04 / -, 128 KiB against 64 KiB 1.00-1.03, one lane per tile row
   for the whole item against 128 KiB 0.94-0.99. 0: neighbouring rows, as before. */
#ifndef RWKV__MV_LANE
#define RWKV__MV_LANE 131072
#endif
/* AMD Zen (gcc and clang define __znverN__ for -march=znverN and for -march=native on one;
   gcc 12 and clang 14 call a Zen 4 or Zen 5 "znver3"). Measured on a 2-core Zen 4 VM
   (2026-12-03, `tools/pair.sh -b FLAGS matmul -- TYPE 8192 2048 1 8 16`, one thread): the
   f16 / bf16 matvec tiles of 4 KiB rows ran 1.32-1.48x faster with neighbouring rows (no
   lanes; short rows keep them, RWKV__MV_LANE_F_ROW below) and no row prefetch, the old
   next-tile prefetch into L2 alone (f16 8192 x 2048 17.5 -> 24.8 GFLOP/s, bf16 15.9 ->
   22.7; lanes of 8 or 16 KiB 1.32 / 1.39, lanes without the row prefetch 1.48 less than
   none); the quantized tiles keep their lanes (without them 0.43-0.56) but prefetch into
   L2, not L1 (RWKV__QPF_HINT 2: Q8_0 1.35 / 1.45 at 8192 x 2048 / 3072 x 768, Q4_0 1.07,
   Q4_K 0.99, Q6_K 1.01). On the Sapphire Rapids VM the lanes and the L1 prefetches are what
   the notes above measured. */
#if !defined(RWKV__ZEN) && (defined(__znver1__) || defined(__znver2__) || defined(__znver3__) || \
                            defined(__znver4__) || defined(__znver5__))
#define RWKV__ZEN 1
#endif
/* Zen 4 (AVX-512 on 256-bit units, 32 KiB L1D) apart from Zen 5: Zen 5 has AVX512-VP2INTERSECT,
   which Zen 4 lacks and gcc 12's -march=native reports (-march=znver4 / znver5 the same). */
#if defined(RWKV__ZEN) && defined(__AVX512F__) && !defined(__AVX512VP2INTERSECT__) && \
    !defined(RWKV__ZEN4)
#define RWKV__ZEN4 1
#endif
/* The f16 / bf16 / f32 matvec reads in lanes only rows of at most RWKV__MV_LANE_F_ROW bytes
   (the quantized tiles: all rows): on Zen only short rows, where lanes gained (f16 x 96
   columns, the v7 LoRAs' second halves, 2.05; 256 columns 1.82; 512 1.19; 768 0.94; 3072
   1.02; 2048 0.70-0.83, as above; `tools/pair.sh -b -DRWKV__MV_LANE_F_ROW=.. matmul -- f16
   ROWS COLS 1 M 16`). */
#ifndef RWKV__MV_LANE_F_ROW
#define RWKV__MV_LANE_F_ROW 1024 /* where the streams are taken (mv_streams); elsewhere every row */
#endif
/* On AVX-512 Zen, float rows longer than RWKV__MV_LANE_F_ROW bytes and of at most
   RWKV__MV_PAIR_COLS columns are read two at a time, rows j and S + j of two lanes of
   RWKV__MV_PAIR bytes (rwkv__mv_pair): two sequential streams, each one accumulator chain,
   instead of the 8-row tile of neighbours (0: the tile). On a 2-core Zen 4 VM, one thread
   (`tools/pair.sh -A OLD matmul -- f16 ROWS COLS 1 M 12`): f16 8192 x 2048 1.28 (23.5 -> 29.7
   GFLOP/s, the plain read's rate), 2048 x 2048 1.28, 7168 x 2048 1.25, 65536 x 2048
   1.25-1.29, 3072 x 768 1.40, bf16 8192 x 2048 1.27; whole model (`tools/pair.sh -A OLD
   model -- MODEL T 8 6`) v7 1.5B F16 1.26 (one thread) / 1.07 (two), v4 BF16 1.24 / 1.38, v6
   F16 1.12 / 1.03, v7 0.1B F16 1.24 / 1.07. Longer rows lost: 2048 x 3072 0.94, x 4096 0.77,
   x 7168 0.72-0.80 (their tokens, 12-28 KiB, no longer stay in L1 beside two streams; a
   microbenchmark reading one 8 KiB row at a time ran at 40% of one 4 KiB row at a time).
   Lanes of 1 and 8 MiB were within the noise of 2. The quantized tiles in two lanes of
   4 or 2 neighbouring rows lost 0.53-0.84. AVX2 builds for Zen (-march=znver1..3: Zen 2 / 3
   laptops and desktops) too: a -march=znver3 build on a Zen 5 VM, one thread, f16 8192 x 2048
   1.54 (18.1 -> 27.9 GFLOP/s); whole model v7 1.5B F16 1.14-1.23 (one thread) / 1.10-1.14
   (two), v4 1.5B BF16 1.40 / 1.38. */
#ifndef RWKV__MV_PAIR
#if defined(RWKV__AVX512) || defined(RWKV__AVX2)
#define RWKV__MV_PAIR 2097152
#else
#define RWKV__MV_PAIR 0
#endif
#endif
/* The streams are built into every x86 AVX2 / AVX-512 build and taken for the tensors marked
   mv_streams: at load, where the CPU is an AMD Zen (or Hygon's, a Zen) by CPUID
   (rwkv__cpu_streams), so that a generic build (-march=haswell, x86-64-v3: a distribution's)
   reads like a -march=znver* one there. On the Zen 4 VM a -march=haswell build's v7 1.5B F16
   generation ran 1.74-1.81x faster with them (`CFLAGS="-O3 -march=haswell" tools/pair.sh -b
   "-DRWKV__MV_PAIR=2097152 -DRWKV__MV_LANE_F_ROW=1024" model -- MODEL 1 8 6`; the rest of the
   Zen settings, row prefetch and the paced tile, ~4% more: not taken at run time;
   docs/KERNELS.md, forty-eighth round). RWKV__MV_STREAMS_ALWAYS: every tensor, whatever the
   CPU (builds for Zen, and the tests' builds of this path). */
#ifndef RWKV__MV_STREAMS_ALWAYS
#ifdef RWKV__ZEN
#define RWKV__MV_STREAMS_ALWAYS 1
#else
#define RWKV__MV_STREAMS_ALWAYS 0
#endif
#endif
/* Streams at a time (4 or 2): on a 2-core Zen 5 VM four streams ran 1.00-1.04x two (whole
   model, one thread, `tools/pair.sh -b -DRWKV__MV_STREAMS=2 model -- MODEL 1 8 10`: v7 1.5B
   F16 1.042, 1.001, 1.007; v4 BF16 1.031, 1.033; v6 F16 1.033; two threads 1.02-1.05; v7 0.1B
   1.017 / 1.041); eight 0.92-1.00 against four. Same bits: each row is the same chain. */
#ifndef RWKV__MV_STREAMS
#define RWKV__MV_STREAMS 4
#endif
/* Rows of at most RWKV__MV_PAIR_COLS columns take the streams: the token (4 bytes a column)
   must stay in L1 beside them. A Zen 4 (32 KiB L1D) lost with longer rows (above); a Zen 5
   (48 KiB; told apart by AVX512-VP2INTERSECT, which Zen 4 lacks and gcc 12's -march=native
   reports) gained with rows of 8192 columns, the v7 FFN's value matrix that the 8-row tile
   read at ~13 GB/s (`tools/pair.sh -b -DRWKV__MV_PAIR_COLS=8192 ...`: f16 2048 x 8192 one
   token 1.265; whole model v7 1.5B F16 1.229 on one thread, 1.186 on two). */
#ifndef RWKV__MV_PAIR_COLS
#if defined(RWKV__ZEN) && defined(__AVX512VP2INTERSECT__)
#define RWKV__MV_PAIR_COLS 8192
#else
#define RWKV__MV_PAIR_COLS 2048
#endif
#endif
/* The longer float rows on AVX-512 Zen: the 8-row tile with its accumulators in memory
   (rwkv__mv_tile); 0: in registers. */
#ifndef RWKV__MV_PACED
#if defined(RWKV__ZEN) && RWKV__MV_PAIR > 0 && (defined(__GNUC__) || defined(__clang__))
#define RWKV__MV_PACED 1
#else
#define RWKV__MV_PACED 0
#endif
#endif

#ifdef RWKV__SIMD

/* RWKV__PREFETCH: into L2 (the next tile); RWKV__PREFETCH_L1: into L1 (a row, RWKV__PF_ROW
   bytes ahead; 0: none). 2048 in lanes: 256 gained 1.15-1.19 of the lanes' 1.24-1.38 (f16,
   bf16), 1024 about as much as 2048. */
#ifndef RWKV__PF_ROW
#ifdef RWKV__ZEN
#define RWKV__PF_ROW 0
#else
#define RWKV__PF_ROW 2048
#endif
#endif
#if defined(__GNUC__) || defined(__clang__)
#define RWKV__PREFETCH(p) __builtin_prefetch((p), 0, 2)
#define RWKV__PREFETCH_L1(p) __builtin_prefetch((p), 0, 3)
#else
#define RWKV__PREFETCH(p) ((void)(p))
#define RWKV__PREFETCH_L1(p) ((void)(p))
#endif

/* L weights of row `w` (already offset to the row) starting at column k, as f32. */
RWKV__INLINE rwkv__vf rwkv__vld_w(const void *w, int type, int64_t k)
{
    switch (type) {
    case RWKV_TYPE_F16: return rwkv__vld_f16((const uint16_t *)w + k);
    case RWKV_TYPE_BF16: return rwkv__vld_bf16((const uint16_t *)w + k);
    }
    return rwkv__vld_f32((const float *)w + k);
}

/* Lanes of one accumulator added in the fixed tree, then the cols % L tail products one by
   one: the end of every dot product, so matvec and matmul end identically. The tail uses
   fmaf (one instruction on every SIMD target) rather than `s += w * x`, which gcc -std=c99
   rounds twice and clang fuses: this way both compilers give the same bits. */
RWKV__INLINE float rwkv__finish(rwkv__vf acc, const void *w, int type, const float *x,
                                int64_t body, int64_t cols)
{
    float s = rwkv__vsum(acc);
    int64_t k;
    for (k = body; k < cols; k++) s = fmaf(rwkv__weight(w, type, k), x[k], s);
    return s;
}

/* gcc folds each use of a token vector into its FMA as a memory operand: TR loads instead of
   one, which made the load ports the bottleneck. An empty asm makes the value a register. */
#if (defined(__GNUC__) && !defined(__clang__)) && (defined(__x86_64__) || defined(__i386__))
#define RWKV__IN_REGISTER(v) __asm__("" : "+v"(v))
#else
#define RWKV__IN_REGISTER(v) ((void)0)
#endif

/* Issues prefetches for the `bytes` bytes at p (one per 64-byte line). */
#define RWKV__PREFETCH_RANGE(p, bytes)                                                       \
    do {                                                                                     \
        int64_t pf_j_;                                                                       \
        for (pf_j_ = 0; pf_j_ < (bytes); pf_j_ += 64) RWKV__PREFETCH((p) + pf_j_);          \
    } while (0)

/* The matmul register tile: out[i * NT + t] = dot(row w[i], token x[t]) for i < RWKV__TR
   (<= 4) rows and t < RWKV__TT (<= 6) tokens, in the order described at the top of this
   section. Each k step converts the TR weight vectors once and uses each loaded token
   vector TR times. The accumulators are named variables, not an array, so that compilers
   keep all of them in registers (clang 14 left an array in memory). Short tiles are padded
   by the caller, who repeats a row or token pointer. */
#define RWKV__MM_FMA(i, t) \
    if (RWKV__TR > i) a##i##t = rwkv__vfma(w##i, xv, a##i##t);
#define RWKV__MM_TOKEN(t)                                                                    \
    if (RWKV__TT > t) {                                                                      \
        rwkv__vf xv = rwkv__vld_f32(x[t] + k);                                               \
        RWKV__IN_REGISTER(xv);                                                               \
        RWKV__MM_FMA(0, t) RWKV__MM_FMA(1, t) RWKV__MM_FMA(2, t) RWKV__MM_FMA(3, t)          \
    }
#define RWKV__MM_OUT(i, t)                                                                   \
    if (RWKV__TR > i && RWKV__TT > t)                                                        \
        out[i * RWKV__TT + t] = rwkv__finish(a##i##t, w[i], type, x[t], kn, cols);
#define RWKV__MM_LD(i, t) if (RWKV__TR > i && RWKV__TT > t) a##i##t = A[i * RWKV__TT + t];
#define RWKV__MM_ST(i, t) if (RWKV__TR > i && RWKV__TT > t) A[i * RWKV__TT + t] = a##i##t;
#define RWKV__MM_ROW6(m, i) m(i, 0) m(i, 1) m(i, 2) m(i, 3) m(i, 4) m(i, 5)
#define RWKV__MM_ALL(m)                                                                      \
    RWKV__MM_ROW6(m, 0) RWKV__MM_ROW6(m, 1) RWKV__MM_ROW6(m, 2) RWKV__MM_ROW6(m, 3)
/* The tile over columns [0, kn). A == NULL: from zero, and out receives the finished sums
   (kn = the body, cols the row length, rwkv__finish adds the tail and the lane tree). A !=
   NULL: a column pass, the accumulators carried in memory between calls (A[i * RWKV__TT +
   t]; storing one and loading it back is exact, so a dot product run in passes has the bits
   of a single run). Inlined with a constant A, so each use compiles to its own loop. */
RWKV__INLINE void rwkv__mm_tile_run(float *out, rwkv__vf *A, const void *const *w, int type,
                                    const float *const *x, int64_t kn, int64_t cols)
{
    const rwkv__vf z = rwkv__vzero();
    rwkv__vf a00 = z, a01 = z, a02 = z, a03 = z, a04 = z, a05 = z;
    rwkv__vf a10 = z, a11 = z, a12 = z, a13 = z, a14 = z, a15 = z;
    rwkv__vf a20 = z, a21 = z, a22 = z, a23 = z, a24 = z, a25 = z;
    rwkv__vf a30 = z, a31 = z, a32 = z, a33 = z, a34 = z, a35 = z;
    int64_t k;
    if (A) { RWKV__MM_ALL(RWKV__MM_LD) }
    for (k = 0; k < kn; k += RWKV__L) {
        rwkv__vf w0 = rwkv__vld_w(w[0], type, k);
        rwkv__vf w1 = RWKV__TR > 1 ? rwkv__vld_w(w[1], type, k) : z;
        rwkv__vf w2 = RWKV__TR > 2 ? rwkv__vld_w(w[2], type, k) : z;
        rwkv__vf w3 = RWKV__TR > 3 ? rwkv__vld_w(w[3], type, k) : z;
        /* the rows in registers too: gcc tuned for Zen (-march=znver*) folded each f32 row
           load into its FMAs instead, TT loads for one (AVX2 f16 prompt blocks ran at 0.6x) */
        RWKV__IN_REGISTER(w0); RWKV__IN_REGISTER(w1); RWKV__IN_REGISTER(w2); RWKV__IN_REGISTER(w3);
        RWKV__MM_TOKEN(0) RWKV__MM_TOKEN(1) RWKV__MM_TOKEN(2)
        RWKV__MM_TOKEN(3) RWKV__MM_TOKEN(4) RWKV__MM_TOKEN(5)
    }
    if (A) { RWKV__MM_ALL(RWKV__MM_ST) }
    else { RWKV__MM_ALL(RWKV__MM_OUT) }
}
#undef RWKV__MM_LD
#undef RWKV__MM_ST
#undef RWKV__MM_ROW6
#undef RWKV__MM_ALL

RWKV__INLINE void rwkv__mm_tile(float *out, const void *const *w, const float *const *x,
                                int64_t cols, int type)
{
    rwkv__mm_tile_run(out, NULL, w, type, x, cols - cols % RWKV__L, cols);
}

/* The matvec tile: out[i] = dot(row w[i], x) for i < 8, one accumulator chain per row.
   f16/bf16 weights get software prefetches: each row RWKV__PF_ROW bytes ahead into L1 (once
   per 64-byte line; in lanes, RWKV__MV_LANE, past the row's end is the next row of its
   lane), and, where pf is not NULL (neighbouring rows: the last rows of a product), the next
   tile into L2 at the rate this one is read. f32 gets none: there they cost more than they
   gave (docs/KERNELS.md).
   RWKV__MV_PACED (AVX-512 Zen): rows longer than RWKV__MV_PAIR_COLS keep their accumulators
   in memory, stored and reloaded at every step (same bits). A microbenchmark built with -O2
   read 7168-column rows faster than this tile's unrolled loop (25-26 GB/s against 22-24),
   and the difference was gcc keeping that loop's accumulators in memory; why a loop that
   issues its loads more slowly reads more on this Zen 4 was not found. One thread
   (`tools/pair.sh -b -DRWKV__MV_PACED=1 -a -DRWKV__MV_PACED=0 matmul -- TYPE ROWS COLS 1 M
   10`): f16 2048 x 7168 1.16-1.21, bf16 1.19, f16 768 x 3072 1.18, 2048 x 4096 1.03, 2048 x
   8192 1.00; whole model v7 1.5B F16 1.020 (one thread) / 1.006 (two), v6 1.5B BF16 1.052,
   v7 0.1B F16 1.062. */
#define RWKV__MV_ROW(i) a##i = rwkv__vfma(rwkv__vld_w(w[i], type, k), xv, a##i);
#define RWKV__MV_PF(i) RWKV__PREFETCH_L1((const char *)w[i] + kb + RWKV__PF_ROW);
RWKV__INLINE void rwkv__mv_tile(float *out, const void *const *w, const float *x,
                                int64_t cols, int type, const char *pf, int row_pf)
{
    const int64_t body = cols - cols % RWKV__L;
    const rwkv__vf z = rwkv__vzero();
    rwkv__vf a0 = z, a1 = z, a2 = z, a3 = z, a4 = z, a5 = z, a6 = z, a7 = z;
    int64_t k;
    for (k = 0; k < body; k += RWKV__L) {
        const rwkv__vf xv = rwkv__vld_f32(x + k);
        const int64_t kb = (int64_t)rwkv__row_bytes(type, (uint64_t)k); /* bytes before k */
        if (type == RWKV_TYPE_F32) {
            /* no prefetches */
        } else if ((kb & 63) == 0) { /* once per 64 bytes of each row */
            if (pf) RWKV__PREFETCH_RANGE(pf + 8 * kb, 8 * 64);
            if (RWKV__PF_ROW > 0 && row_pf) {
                RWKV__MV_PF(0) RWKV__MV_PF(1) RWKV__MV_PF(2) RWKV__MV_PF(3)
                RWKV__MV_PF(4) RWKV__MV_PF(5) RWKV__MV_PF(6) RWKV__MV_PF(7)
            }
        }
        RWKV__MV_ROW(0) RWKV__MV_ROW(1) RWKV__MV_ROW(2) RWKV__MV_ROW(3)
        RWKV__MV_ROW(4) RWKV__MV_ROW(5) RWKV__MV_ROW(6) RWKV__MV_ROW(7)
#if RWKV__MV_PACED
        if (cols > RWKV__MV_PAIR_COLS)
            __asm__ __volatile__("" : "+m"(a0), "+m"(a1), "+m"(a2), "+m"(a3), "+m"(a4), "+m"(a5),
                                 "+m"(a6), "+m"(a7));
#endif
    }
    out[0] = rwkv__finish(a0, w[0], type, x, body, cols);
    out[1] = rwkv__finish(a1, w[1], type, x, body, cols);
    out[2] = rwkv__finish(a2, w[2], type, x, body, cols);
    out[3] = rwkv__finish(a3, w[3], type, x, body, cols);
    out[4] = rwkv__finish(a4, w[4], type, x, body, cols);
    out[5] = rwkv__finish(a5, w[5], type, x, body, cols);
    out[6] = rwkv__finish(a6, w[6], type, x, body, cols);
    out[7] = rwkv__finish(a7, w[7], type, x, body, cols);
}
#undef RWKV__MM_FMA
#undef RWKV__MM_TOKEN
#undef RWKV__MM_OUT
#undef RWKV__MV_ROW
#undef RWKV__MV_PF

/* The conversion path's register tile (rwkv__matmul_rows_conv): RWKV__CR rows x RWKV__CT
   tokens over f32 weights already converted, accumulators carried in A[i * CT + t]. AMD Zen
   with AVX-512: 8 x 3 (the X traffic from L2 halved; Zen 4, f16 8192 x 2048 x 128 tokens
   one thread: 1.09-1.16 over 4 x 6, 6 x 4 1.04, 3 x 8 0.78); elsewhere the matmul tile
   (an 8 x 3 tile was slower than 4 x 6 on Sapphire Rapids in the eleventh round's harness). */
#if defined(RWKV__AVX512) && defined(RWKV__ZEN) && !defined(RWKV__CR)
#define RWKV__CR 8
#define RWKV__CT 3
#endif
#ifndef RWKV__CR
#define RWKV__CR RWKV__TR
#define RWKV__CT RWKV__TT
#endif
#if defined(RWKV__AVX512) && (RWKV__CR != RWKV__TR || RWKV__CT != RWKV__TT)
RWKV__INLINE void rwkv__cv_pass(rwkv__vf *A, const void *const *wb, const float *const *x,
                                int64_t kn, int first)
{
    rwkv__vf a[RWKV__CR][RWKV__CT];
    const float *w[RWKV__CR];
    int64_t k;
    int i, t;
    RWKV__UNROLL for (i = 0; i < RWKV__CR; i++) {
        w[i] = (const float *)wb[i];
        RWKV__UNROLL for (t = 0; t < RWKV__CT; t++) a[i][t] = first ? rwkv__vzero() : A[i * RWKV__CT + t];
    }
    for (k = 0; k < kn; k += RWKV__L) {
        rwkv__vf xv[RWKV__CT];
        RWKV__UNROLL for (t = 0; t < RWKV__CT; t++) xv[t] = rwkv__vld_f32(x[t] + k);
        RWKV__UNROLL for (i = 0; i < RWKV__CR; i++) {
            rwkv__vf wv = rwkv__vld_f32(w[i] + k);
            RWKV__IN_REGISTER(wv); /* one load, not one folded into each token's FMA */
            RWKV__UNROLL for (t = 0; t < RWKV__CT; t++) a[i][t] = rwkv__vfma(wv, xv[t], a[i][t]);
        }
    }
    RWKV__UNROLL for (i = 0; i < RWKV__CR; i++)
        RWKV__UNROLL for (t = 0; t < RWKV__CT; t++) A[i * RWKV__CT + t] = a[i][t];
}
#else
/* The matmul tile over columns [k0, k0 + kn) of weights already converted to f32 (wb[i] is
   row i's columns from k0; x[t] points at token t's column k0), accumulators carried in A
   (first: from zero, A not read). */
RWKV__INLINE void rwkv__cv_pass(rwkv__vf *A, const void *const *wb, const float *const *x,
                                int64_t kn, int first)
{
    int i;
    if (first) for (i = 0; i < RWKV__TR * RWKV__TT; i++) A[i] = rwkv__vzero();
    rwkv__mm_tile_run(NULL, A, wb, RWKV_TYPE_F32, x, kn, kn);
}
#endif

/* One function per weight type and tile, so each inner loop is branch-free. */
#define RWKV__TILE_FNS(suffix, type)                                                         \
    static void rwkv__mm_##suffix(float *out, const void *const *w, const float *const *x,   \
                                  int64_t cols, const char *pf)                              \
    {                                                                                        \
        (void)pf;                                                                            \
        rwkv__mm_tile(out, w, x, cols, type);                                                \
    }                                                                                        \
    static void rwkv__mv_##suffix(float *out, const void *const *w, const float *const *x,   \
                                  int64_t cols, const char *pf)                              \
    {                                                                                        \
        rwkv__mv_tile(out, w, x[0], cols, type, pf, 1);                                      \
    }                                                                                        \
    static void rwkv__mvz_##suffix(float *out, const void *const *w, const float *const *x,  \
                                   int64_t cols, const char *pf)                             \
    {                                                                                        \
        rwkv__mv_tile(out, w, x[0], cols, type, pf, 0);                                      \
    }
RWKV__TILE_FNS(f32, RWKV_TYPE_F32)
RWKV__TILE_FNS(f16, RWKV_TYPE_F16)
RWKV__TILE_FNS(bf16, RWKV_TYPE_BF16)
#undef RWKV__TILE_FNS

typedef void (*rwkv__tile_fn)(float *out, const void *const *w, const float *const *x,
                              int64_t cols, const char *pf);

/* The tile function for a weight type: matvec's for one token, matmul's for more. */
/* streams: a tensor read as on Zen (mv_streams), whose one-token tiles prefetch no rows into
   L1 (RWKV__PF_ROW: none in Zen builds; a -march=haswell build on the Zen 4 VM ran v7 1.5B F16
   generation ~4% faster without them, docs/KERNELS.md forty-eighth round). */
static rwkv__tile_fn rwkv__tile_for(int type, int T, int streams)
{
    switch (type) {
    case RWKV_TYPE_F16: return T > 1 ? rwkv__mm_f16 : streams ? rwkv__mvz_f16 : rwkv__mv_f16;
    case RWKV_TYPE_BF16: return T > 1 ? rwkv__mm_bf16 : streams ? rwkv__mvz_bf16 : rwkv__mv_bf16;
    }
    return T > 1 ? rwkv__mm_f32 : streams ? rwkv__mvz_f32 : rwkv__mv_f32;
}

/* Rows per team item of a block of float tokens (T > 1): a multiple of every RWKV__TR, so
   that no item ends in a padded register tile (items of 8 rows with 3-row AVX2 tiles
   computed a repeated row in one tile of three). */
#define RWKV__MM_ROWS 48

/* f16 / bf16 weights and a block of tokens: each tile of rows is converted to f32 once per
   pass of RWKV__MM_KC columns (into an aligned buffer on the stack) and then multiplied by
   up to RWKV__MM_TG x TT tokens, instead of being converted again for every TT tokens (the
   conversion shares the FMA ports: on AVX-512 vcvtph2ps is two of their micro-ops, and an
   f16 tile ran ~25% slower than an f32 one). Same bits as rwkv__mm_tile: the order of every
   accumulator is kept (rwkv__cv_pass); the last cols % L columns and the lane sum are
   rwkv__finish's, from the original row. Stack: RWKV__CR x RWKV__MM_KC floats plus
   RWKV__MM_TG x CR x CT vectors (25 KiB with AVX-512, 49 KiB with Zen's 8 x 3 tile,
   10-12 KiB with AVX2 or NEON).
   The chunks of RWKV__MM_TG x CT tokens are the outer loop and the row tiles the inner one,
   so that every tile of a run of rows reads the same chunk of tokens (TG x CT x cols
   floats, 528 KiB at 2048 columns) from L2 or L3 instead of the whole block of tokens from
   further out; each tile's weights are read once per chunk either way. On a 2-core Zen 4 VM
   (`PAIR_THREADS=N tools/pair.sh -A OLD matmul -- f16 ROWS COLS T 1 5`): 2048 x 7168, 512
   tokens 1.66 (one thread) / 1.24 (two), bf16 1.28 (two), 128 tokens (a block of
   rwkv_eval_seq) 1.05; 2048 x 2048 and 7168 x 2048 0.98-1.06; whole model v7 1.5B F16,
   prompt of 512 (`tools/pair.sh -A OLD model -- MODEL N 512 4 seq`) 1.022 / 1.015. Smaller
   chunks for long rows (at most 768 KiB of tokens: 0.93 / 0.87, the conversions more
   often) and the chunk's columns passed over a run of 6 tiles with their accumulators in
   a 200 KiB buffer (0.94-0.96: the accumulators then live in L2) were slower. */
#ifndef RWKV__MM_KC
#define RWKV__MM_KC 512
#endif
#ifndef RWKV__MM_TG
#define RWKV__MM_TG (66 / RWKV__CT) /* token groups per pass: 66 tokens (a block of 128 takes two) */
#endif
#define RWKV__MM_KC_MIN 256 /* shorter rows (LoRAs): the carried accumulators cost more */
static void rwkv__matmul_rows_conv(float *Y, const rwkv__tensor *W, const float *X, int T,
                                   int64_t r0, int64_t r1)
{
    const int64_t rows = W->ne[1], cols = W->ne[0], body = cols - cols % RWKV__L;
    const size_t rowbytes = (size_t)rwkv__row_bytes(W->type, (uint64_t)cols);
    rwkv__vf wbuf[RWKV__CR][RWKV__MM_KC / RWKV__L];
    rwkv__vf acc[RWKV__MM_TG][RWKV__CR * RWKV__CT];
    int64_t r, k0;
    int t0, g, i, j;
    for (t0 = 0; t0 < T; t0 += RWKV__MM_TG * RWKV__CT) {
        const int ng = (T - t0 + RWKV__CT - 1) / RWKV__CT < RWKV__MM_TG
                           ? (T - t0 + RWKV__CT - 1) / RWKV__CT : RWKV__MM_TG;
        for (r = r0; r < r1; r += RWKV__CR) {
            const int nr = r1 - r < RWKV__CR ? (int)(r1 - r) : RWKV__CR;
            const void *w[RWKV__CR];
            const void *wb[RWKV__CR];
            for (i = 0; i < RWKV__CR; i++) {
                w[i] = (const char *)W->data + (size_t)(r + (i < nr ? i : nr - 1)) * rowbytes;
                wb[i] = (const void *)wbuf[i];
            }
            if (body == 0) /* rows shorter than a vector: no pass, only rwkv__finish */
                for (g = 0; g < ng; g++)
                    for (i = 0; i < RWKV__CR * RWKV__CT; i++) acc[g][i] = rwkv__vzero();
            for (k0 = 0; k0 < body; k0 += RWKV__MM_KC) {
                const int64_t kn = body - k0 < RWKV__MM_KC ? body - k0 : RWKV__MM_KC;
                int64_t k;
                for (i = 0; i < RWKV__CR; i++) {
                    /* the next pass's columns of this row, or the next tile's first ones,
                       into L2 during this pass: a pass reads only TR x KC weights and then
                       computes for ~1000 cycles, too short a stream for the hardware
                       prefetchers (on a Zen 5 the conversions waited on memory) */
                    const int64_t next = k0 + kn, next_row = r + RWKV__CR + i;
                    const char *nx =
                        next < body ? (const char *)w[i] + rwkv__row_bytes(W->type, (uint64_t)next)
                        : next_row < r1 ? (const char *)W->data + (size_t)next_row * rowbytes
                        : NULL;
                    if (nx)
                        RWKV__PREFETCH_RANGE(nx, (int64_t)rwkv__row_bytes(W->type, RWKV__MM_KC));
                    for (k = 0; k < kn; k += RWKV__L)
                        wbuf[i][k / RWKV__L] = rwkv__vld_w(w[i], W->type, k0 + k);
                }
                for (g = 0; g < ng; g++) {
                    const float *x[RWKV__CT];
                    for (j = 0; j < RWKV__CT; j++) {
                        const int t = t0 + g * RWKV__CT + j;
                        x[j] = X + (int64_t)(t < T ? t : T - 1) * cols + k0;
                    }
                    /* the first pass starts from zero in registers (a memset of the
                       accumulators and their loads cost 1.01x at 2048 columns, 1.04 at 768);
                       two calls, each with a constant, so each is compiled for its case
                       (one call passing k0 == 0: 0.983-0.985 at 768 columns) */
                    if (k0 == 0) rwkv__cv_pass(acc[g], wb, x, kn, 1);
                    else rwkv__cv_pass(acc[g], wb, x, kn, 0);
                }
            }
            for (g = 0; g < ng; g++)
                for (j = 0; j < RWKV__CT; j++) {
                    const int t = t0 + g * RWKV__CT + j;
                    if (t >= T) break;
                    for (i = 0; i < nr; i++)
                        Y[(int64_t)t * rows + r + i] =
                            rwkv__finish(acc[g][i * RWKV__CT + j], w[i], W->type,
                                         X + (int64_t)t * cols, body, cols);
                }
        }
    }
}

#ifdef RWKV__AVX512
/* Short rows (the LoRAs' second matrices, 2048 x 32 .. 128) and a block of tokens: the
   register tiles spent more time in each dot product's lane sum than in its few FMAs (2048
   x 32 x 64 tokens ran at ~15 GFLOP/s, a tenth of the FMA peak). Here 16 rows are one
   vector: their columns transposed once (wt[c] = column c of the 16 rows, as f32), then per
   token each of the 16 lane accumulators of rwkv__mv_tile (lane l: columns l, l + 16, ...)
   is a vector over the rows, the lane sum is rwkv__vsum's tree done vertically, and the
   tail is rwkv__finish's: every row gets matvec's operations in matvec's order, so the same
   bits, and no horizontal step. Two tokens share each wt load. */
#define RWKV__SHORT_MAX 256 /* columns at most (wt: 2 x 16 KiB of stack) */

/* (lane l + lane l + 8) + (lane l + 4 + lane l + 12), l < 4: a quarter of rwkv__vsum's tree
   (its first two levels), for two tokens; the 8 chains in one loop keep the FMA units fed */
RWKV__INLINE void rwkv__short_q(const __m512 *wt, const float *x0, const float *x1, int l,
                                int64_t body, __m512 *q0, __m512 *q1)
{
    const __m512 z = _mm512_setzero_ps();
    __m512 a0 = z, a1 = z, b0 = z, b1 = z, c0 = z, c1 = z, d0 = z, d1 = z;
    int64_t k;
    for (k = l; k < body; k += 16) {
        const __m512 wa = wt[k], wb = wt[k + 8], wc = wt[k + 4], wd = wt[k + 12];
        a0 = _mm512_fmadd_ps(wa, _mm512_set1_ps(x0[k]), a0);
        a1 = _mm512_fmadd_ps(wa, _mm512_set1_ps(x1[k]), a1);
        b0 = _mm512_fmadd_ps(wb, _mm512_set1_ps(x0[k + 8]), b0);
        b1 = _mm512_fmadd_ps(wb, _mm512_set1_ps(x1[k + 8]), b1);
        c0 = _mm512_fmadd_ps(wc, _mm512_set1_ps(x0[k + 4]), c0);
        c1 = _mm512_fmadd_ps(wc, _mm512_set1_ps(x1[k + 4]), c1);
        d0 = _mm512_fmadd_ps(wd, _mm512_set1_ps(x0[k + 12]), d0);
        d1 = _mm512_fmadd_ps(wd, _mm512_set1_ps(x1[k + 12]), d1);
    }
    *q0 = _mm512_add_ps(_mm512_add_ps(a0, b0), _mm512_add_ps(c0, d0));
    *q1 = _mm512_add_ps(_mm512_add_ps(a1, b1), _mm512_add_ps(c1, d1));
}

/* 16 rows (wt) times tokens x0, x1 (the same pointer for one): y0, y1 (16 rows each) */
static void rwkv__short_dot2(const __m512 *wt, const float *x0, const float *x1, int64_t cols,
                             float *y0, float *y1)
{
    const int64_t body = cols - cols % 16;
    __m512 q00, q01, q10, q11, q20, q21, q30, q31, s0, s1;
    int64_t k;
    rwkv__short_q(wt, x0, x1, 0, body, &q00, &q01);
    rwkv__short_q(wt, x0, x1, 2, body, &q20, &q21);
    rwkv__short_q(wt, x0, x1, 1, body, &q10, &q11);
    rwkv__short_q(wt, x0, x1, 3, body, &q30, &q31);
    /* the tree's last levels: (q0 + q2) + (q1 + q3) */
    s0 = _mm512_add_ps(_mm512_add_ps(q00, q20), _mm512_add_ps(q10, q30));
    s1 = _mm512_add_ps(_mm512_add_ps(q01, q21), _mm512_add_ps(q11, q31));
    for (k = body; k < cols; k++) { /* rwkv__finish's tail */
        s0 = _mm512_fmadd_ps(wt[k], _mm512_set1_ps(x0[k]), s0);
        s1 = _mm512_fmadd_ps(wt[k], _mm512_set1_ps(x1[k]), s1);
    }
    _mm512_storeu_ps(y0, s0);
    _mm512_storeu_ps(y1, s1);
}

/* rwkv__short_q for two blocks of 16 rows (wt, vt) at once: each token broadcast serves
   both, one load per FMA instead of 1.5 (the loads bound the single block) */
RWKV__INLINE void rwkv__short_q2(const __m512 *wt, const __m512 *vt, const float *x0,
                                 const float *x1, int l, int64_t body, __m512 *q)
{
    const __m512 z = _mm512_setzero_ps();
    __m512 a0 = z, a1 = z, b0 = z, b1 = z, c0 = z, c1 = z, d0 = z, d1 = z;
    __m512 e0 = z, e1 = z, f0 = z, f1 = z, g0 = z, g1 = z, h0 = z, h1 = z;
    int64_t k;
    for (k = l; k < body; k += 16) {
        const __m512 xa0 = _mm512_set1_ps(x0[k]), xa1 = _mm512_set1_ps(x1[k]);
        const __m512 xb0 = _mm512_set1_ps(x0[k + 8]), xb1 = _mm512_set1_ps(x1[k + 8]);
        const __m512 xc0 = _mm512_set1_ps(x0[k + 4]), xc1 = _mm512_set1_ps(x1[k + 4]);
        const __m512 xd0 = _mm512_set1_ps(x0[k + 12]), xd1 = _mm512_set1_ps(x1[k + 12]);
        a0 = _mm512_fmadd_ps(wt[k], xa0, a0);      a1 = _mm512_fmadd_ps(wt[k], xa1, a1);
        e0 = _mm512_fmadd_ps(vt[k], xa0, e0);      e1 = _mm512_fmadd_ps(vt[k], xa1, e1);
        b0 = _mm512_fmadd_ps(wt[k + 8], xb0, b0);  b1 = _mm512_fmadd_ps(wt[k + 8], xb1, b1);
        f0 = _mm512_fmadd_ps(vt[k + 8], xb0, f0);  f1 = _mm512_fmadd_ps(vt[k + 8], xb1, f1);
        c0 = _mm512_fmadd_ps(wt[k + 4], xc0, c0);  c1 = _mm512_fmadd_ps(wt[k + 4], xc1, c1);
        g0 = _mm512_fmadd_ps(vt[k + 4], xc0, g0);  g1 = _mm512_fmadd_ps(vt[k + 4], xc1, g1);
        d0 = _mm512_fmadd_ps(wt[k + 12], xd0, d0); d1 = _mm512_fmadd_ps(wt[k + 12], xd1, d1);
        h0 = _mm512_fmadd_ps(vt[k + 12], xd0, h0); h1 = _mm512_fmadd_ps(vt[k + 12], xd1, h1);
    }
    q[0] = _mm512_add_ps(_mm512_add_ps(a0, b0), _mm512_add_ps(c0, d0));
    q[1] = _mm512_add_ps(_mm512_add_ps(a1, b1), _mm512_add_ps(c1, d1));
    q[2] = _mm512_add_ps(_mm512_add_ps(e0, f0), _mm512_add_ps(g0, h0));
    q[3] = _mm512_add_ps(_mm512_add_ps(e1, f1), _mm512_add_ps(g1, h1));
}

/* rwkv__short_dot2 for rows wt (into y[0], y[1]) and vt (y[2], y[3]): the same operations
   per row */
static void rwkv__short_dot2x2(const __m512 *wt, const __m512 *vt, const float *x0,
                               const float *x1, int64_t cols, float (*y)[16])
{
    const int64_t body = cols - cols % 16;
    __m512 q0[4], q1[4], q2[4], q3[4], s[4];
    int64_t k;
    int j;
    rwkv__short_q2(wt, vt, x0, x1, 0, body, q0);
    rwkv__short_q2(wt, vt, x0, x1, 2, body, q2);
    rwkv__short_q2(wt, vt, x0, x1, 1, body, q1);
    rwkv__short_q2(wt, vt, x0, x1, 3, body, q3);
    for (j = 0; j < 4; j++)
        s[j] = _mm512_add_ps(_mm512_add_ps(q0[j], q2[j]), _mm512_add_ps(q1[j], q3[j]));
    for (k = body; k < cols; k++) {
        s[0] = _mm512_fmadd_ps(wt[k], _mm512_set1_ps(x0[k]), s[0]);
        s[1] = _mm512_fmadd_ps(wt[k], _mm512_set1_ps(x1[k]), s[1]);
        s[2] = _mm512_fmadd_ps(vt[k], _mm512_set1_ps(x0[k]), s[2]);
        s[3] = _mm512_fmadd_ps(vt[k], _mm512_set1_ps(x1[k]), s[3]);
    }
    for (j = 0; j < 4; j++) _mm512_storeu_ps(y[j], s[j]);
}

/* One token and short rows (the LoRAs' second matrices, 2048 x 32 .. 256, in generation):
   rwkv__mv_tile spent more in each row's lane sum (rwkv__vsum's horizontal tree) than in its
   2-16 FMAs (f16 2048 x 32 from L2: ~17 GB/s). Here each of 16 rows keeps rwkv__mv_tile's
   accumulator (lane l: columns l, l + 16, .. by FMA from zero, cols % 16 == 0: no tail),
   and their 16 trees run side by side, each level adding the same lane pairs as rwkv__vsum
   for two rows per vector: matvec's bits. y[0..15] = rows w, w + stride, .. times x. From L2
   f16 2048 x 32 / 64 / 96 / 256 ran 3.0 / 2.3 / 2.2 / 2.1x as fast; from memory one
   sequential stream of rows ran 0.70-0.79x at 96-256 columns (the lanes of 8 rows far apart
   had kept more lines in flight), so the 16 rows are 16 lanes (rwkv__matmul_rows): 1.1-1.5x
   (2048 and 512 rows, the LoRAs' items, docs/KERNELS.md thirty-first round). */
#define RWKV__MV_SHORT_MAX 256
#define RWKV__MV_SHORT_ROWS 16
static void rwkv__mv_short(float *y, const char *w, size_t stride, int type, const float *x,
                           int64_t cols)
{
    static const int order[16] = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
    __m512 a[16], b[8], c[4], d0, d1, e;
    int64_t k;
    int i;
    for (i = 0; i < 16; i++) a[i] = _mm512_setzero_ps();
    for (k = 0; k < cols; k += 16) {
        const __m512 xv = _mm512_loadu_ps(x + k);
        RWKV__UNROLL16 for (i = 0; i < 16; i++)
            a[i] = _mm512_fmadd_ps(rwkv__vld_w(w + (size_t)i * stride, type, k), xv, a[i]);
    }
    /* lane j + lane j + 8 (j < 8): rows 2i in the low half, 2i + 1 in the high half */
    for (i = 0; i < 8; i++)
        b[i] = _mm512_add_ps(_mm512_shuffle_f32x4(a[2 * i], a[2 * i + 1], 0x44),
                             _mm512_shuffle_f32x4(a[2 * i], a[2 * i + 1], 0xEE));
    /* + 4 (j < 4): quarter q of c[m] is row 4m + q */
    for (i = 0; i < 4; i++)
        c[i] = _mm512_add_ps(_mm512_shuffle_f32x4(b[2 * i], b[2 * i + 1], 0x88),
                             _mm512_shuffle_f32x4(b[2 * i], b[2 * i + 1], 0xDD));
    /* + 2 (j < 2): in quarter q, lanes 0-1 row 8n + q, lanes 2-3 row 8n + 4 + q */
    d0 = _mm512_add_ps(_mm512_shuffle_ps(c[0], c[1], 0x44), _mm512_shuffle_ps(c[0], c[1], 0xEE));
    d1 = _mm512_add_ps(_mm512_shuffle_ps(c[2], c[3], 0x44), _mm512_shuffle_ps(c[2], c[3], 0xEE));
    /* + 1: lane 4q + l is row q + 4l */
    e = _mm512_add_ps(_mm512_shuffle_ps(d0, d1, 0x88), _mm512_shuffle_ps(d0, d1, 0xDD));
    _mm512_storeu_ps(y, _mm512_permutexvar_ps(_mm512_loadu_si512((const void *)order), e));
}

/* Rows [r0, r0 + 16 n) of Y = X W^T, tokens [0, T), cols <= RWKV__SHORT_MAX. */
static void rwkv__matmul_rows_short(float *Y, const rwkv__tensor *W, const float *X, int T,
                                    int64_t r0, int64_t r1)
{
    const int64_t rows = W->ne[1], cols = W->ne[0], body = cols - cols % 16;
    const size_t rowbytes = (size_t)rwkv__row_bytes(W->type, (uint64_t)cols);
    __m512 wt[2][RWKV__SHORT_MAX];
    float tail[16], out[4][16];
    int64_t r, c;
    int t, i, h;
    for (r = r0; r + 16 <= r1; r += 32) {
        const int two = r + 32 <= r1; /* two blocks of 16 rows share the tokens' broadcasts */
        for (h = 0; h <= two; h++) {
            const char *w0 = (const char *)W->data + (size_t)(r + 16 * h) * rowbytes;
            for (c = 0; c < body; c += 16) {
                __m512 v[16];
                for (i = 0; i < 16; i++) v[i] = rwkv__vld_w(w0 + (size_t)i * rowbytes, W->type, c);
                rwkv__tr16(v, wt[h] + c);
            }
            for (c = body; c < cols; c++) {
                for (i = 0; i < 16; i++) tail[i] = rwkv__weight(w0 + (size_t)i * rowbytes, W->type, c);
                wt[h][c] = _mm512_loadu_ps(tail);
            }
        }
        for (t = 0; t < T; t += 2) {
            const float *x0 = X + (int64_t)t * cols, *x1 = t + 1 < T ? x0 + cols : x0;
            if (two) rwkv__short_dot2x2(wt[0], wt[1], x0, x1, cols, out);
            else rwkv__short_dot2(wt[0], x0, x1, cols, out[0], out[1]);
            for (i = 0; i < 2 && t + i < T; i++) {
                memcpy(Y + (int64_t)(t + i) * rows + r, out[i], sizeof out[i]);
                if (two) memcpy(Y + (int64_t)(t + i) * rows + r + 16, out[2 + i], sizeof out[i]);
            }
        }
    }
}
#endif

#ifdef RWKV__AVX2
/* rwkv__mv_short (above) for AVX2: 8 rows, rwkv__vsum's three levels side by side. A
   -march=haswell build on the Zen 5 VM, f16 2048 x 32 / 96 / 256: from L2 1.70 / 1.41x, from
   memory 1.09 / 1.14 / 0.95x (AVX2's lane sum is shorter), so at most 128 columns. */
#define RWKV__MV_SHORT_MAX 128
#define RWKV__MV_SHORT_ROWS 8
static void rwkv__mv_short(float *y, const char *w, size_t stride, int type, const float *x,
                           int64_t cols)
{
    __m256 a[8], b[4], c0, c1, e;
    int64_t k;
    int i;
    for (i = 0; i < 8; i++) a[i] = _mm256_setzero_ps();
    for (k = 0; k < cols; k += 8) {
        const __m256 xv = _mm256_loadu_ps(x + k);
        RWKV__UNROLL for (i = 0; i < 8; i++)
            a[i] = _mm256_fmadd_ps(rwkv__vld_w(w + (size_t)i * stride, type, k), xv, a[i]);
    }
    /* lane j + lane j + 4 (j < 4): row 2i in the low half, 2i + 1 in the high half */
    for (i = 0; i < 4; i++)
        b[i] = _mm256_add_ps(_mm256_permute2f128_ps(a[2 * i], a[2 * i + 1], 0x20),
                             _mm256_permute2f128_ps(a[2 * i], a[2 * i + 1], 0x31));
    /* + 2 (j < 2): in half h, lanes 0-1 row 4n + h, lanes 2-3 row 4n + 2 + h */
    c0 = _mm256_add_ps(_mm256_shuffle_ps(b[0], b[1], 0x44), _mm256_shuffle_ps(b[0], b[1], 0xEE));
    c1 = _mm256_add_ps(_mm256_shuffle_ps(b[2], b[3], 0x44), _mm256_shuffle_ps(b[2], b[3], 0xEE));
    /* + 1: lane 4h + l is row 2l + h */
    e = _mm256_add_ps(_mm256_shuffle_ps(c0, c1, 0x88), _mm256_shuffle_ps(c0, c1, 0xDD));
    _mm256_storeu_ps(y, _mm256_permutevar8x32_ps(e, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7)));
}
#endif

#if RWKV__MV_PAIR > 0
/* One token, two rows: y0 = dot(w0, x), y1 = dot(w1, x), each one accumulator chain in the
   tile's order (same bits as rwkv__mv_tile). Two chains are enough on AVX-512: 2 x 16 f16
   columns per 4-cycle FMA latency is 16 bytes a cycle, about twice one core's read. */
RWKV__INLINE void rwkv__mv_two(float *y0, float *y1, const void *w0, const void *w1,
                               const float *x, int64_t cols, int type)
{
    const int64_t body = cols - cols % RWKV__L;
    rwkv__vf a0 = rwkv__vzero(), a1 = a0;
    int64_t k;
    for (k = 0; k < body; k += RWKV__L) {
        rwkv__vf xv = rwkv__vld_f32(x + k);
        RWKV__IN_REGISTER(xv);
        a0 = rwkv__vfma(rwkv__vld_w(w0, type, k), xv, a0);
        a1 = rwkv__vfma(rwkv__vld_w(w1, type, k), xv, a1);
    }
    *y0 = rwkv__finish(a0, w0, type, x, body, cols);
    *y1 = rwkv__finish(a1, w1, type, x, body, cols);
}

/* Four rows sb bytes apart (outputs S apart), each the same one chain. */
RWKV__INLINE void rwkv__mv_four(float *y, int64_t S, const char *w, size_t sb, const float *x,
                                int64_t cols, int type)
{
    const int64_t body = cols - cols % RWKV__L;
    rwkv__vf a0 = rwkv__vzero(), a1 = a0, a2 = a0, a3 = a0;
    int64_t k;
    for (k = 0; k < body; k += RWKV__L) {
        rwkv__vf xv = rwkv__vld_f32(x + k);
        RWKV__IN_REGISTER(xv);
        a0 = rwkv__vfma(rwkv__vld_w(w, type, k), xv, a0);
        a1 = rwkv__vfma(rwkv__vld_w(w + sb, type, k), xv, a1);
        a2 = rwkv__vfma(rwkv__vld_w(w + 2 * sb, type, k), xv, a2);
        a3 = rwkv__vfma(rwkv__vld_w(w + 3 * sb, type, k), xv, a3);
    }
    y[0] = rwkv__finish(a0, w, type, x, body, cols);
    y[S] = rwkv__finish(a1, w + sb, type, x, body, cols);
    y[2 * S] = rwkv__finish(a2, w + 2 * sb, type, x, body, cols);
    y[3 * S] = rwkv__finish(a3, w + 3 * sb, type, x, body, cols);
}

/* Rows [r0, r0 + n S) of y = W x (n = 2 or 4): rows r0 + j, r0 + S + j, .. together, so that
   the weights come in as n sequential streams. */
static void rwkv__mv_pair(float *Y, const rwkv__tensor *W, const float *x, int64_t r0, int64_t S,
                          int n)
{
    const int64_t cols = W->ne[0];
    const size_t rb = (size_t)rwkv__row_bytes(W->type, (uint64_t)cols);
    const char *w = (const char *)W->data + (size_t)r0 * rb;
    int64_t j;
#define RWKV__MV_PAIR_LOOP(type)                                                             \
    for (j = 0; j < S; j++)                                                                  \
        if (n == 4) rwkv__mv_four(Y + r0 + j, S, w + (size_t)j * rb, (size_t)S * rb, x, cols, type); \
        else rwkv__mv_two(Y + r0 + j, Y + r0 + S + j, w + (size_t)j * rb,                   \
                          w + (size_t)(S + j) * rb, x, cols, type);
    switch (W->type) {
    case RWKV_TYPE_F16: RWKV__MV_PAIR_LOOP(RWKV_TYPE_F16) break;
    case RWKV_TYPE_BF16: RWKV__MV_PAIR_LOOP(RWKV_TYPE_BF16) break;
    default: RWKV__MV_PAIR_LOOP(RWKV_TYPE_F32) break;
    }
#undef RWKV__MV_PAIR_LOOP
}
#endif

/* Rows [r0, r1) of Y = X W^T for tokens [0, T): weights stream once, each NR-row tile is
   reused from cache for every token block. */
static void rwkv__matmul_rows(float *Y, const rwkv__tensor *W, const float *X, int T,
                              int64_t r0, int64_t r1)
{
    const int64_t rows = W->ne[1], cols = W->ne[0];
    const size_t rowbytes = (size_t)rwkv__row_bytes(W->type, (uint64_t)cols);
    const int NR = T == 1 ? RWKV__VR : RWKV__TR, NT = T == 1 ? 1 : RWKV__TT;
    const int streams = RWKV__MV_STREAMS_ALWAYS || W->mv_streams;
    const rwkv__tile_fn fn = rwkv__tile_for(W->type, T, streams);
    int64_t r;
    int t, i, j;
    if (T > 1 && W->type != RWKV_TYPE_F32 && cols >= RWKV__MM_KC_MIN) {
        rwkv__matmul_rows_conv(Y, W, X, T, r0, r1);
        return;
    }
#ifdef RWKV__AVX512
    if (T > 1 && cols <= RWKV__SHORT_MAX && r1 - r0 >= 16) {
        rwkv__matmul_rows_short(Y, W, X, T, r0, r1);
        r0 += (r1 - r0) / 16 * 16; /* the last rows % 16: the register tiles */
    }
#endif
#ifdef RWKV__MV_SHORT_ROWS
    if (T == 1 && cols % RWKV__L == 0 && cols <= RWKV__MV_SHORT_MAX &&
        r1 - r0 >= RWKV__MV_SHORT_ROWS) {
        /* lanes of S rows: call j takes rows j, S + j, 2 S + j, .. Lanes a multiple of 4 KiB
           apart (2048 rows of 64-256 f16 columns: S = 128) fall in one L1 set, 16 lanes in
           its 8 ways, and each row's lines were fetched twice: S shrinks until the lanes
           lie at least 3 lines (or a row) apart in the sets, and the rows left take another
           pass (16 neighbours: S = 1) (f16 2048 x 96 from L2 1.135x, from memory
           1.04-1.06x; 2048 x 256 1.07x; docs/KERNELS.md, forty-ninth round). Each row is
           the same chain whichever call holds it: the same bits. */
        const size_t gap = rowbytes < 192 ? rowbytes : 192;
        while (r1 - r0 >= RWKV__MV_SHORT_ROWS) {
            int64_t S = (r1 - r0) / RWKV__MV_SHORT_ROWS, j;
            size_t set = (size_t)S * rowbytes % 4096; /* one lane's start after the last's */
            while (S > 1 && (set < gap || 4096 - set < gap)) set = (size_t)--S * rowbytes % 4096;
            for (j = 0; j < S; j++) {
                float out[RWKV__MV_SHORT_ROWS];
                rwkv__mv_short(out, (const char *)W->data + (size_t)(r0 + j) * rowbytes,
                               (size_t)S * rowbytes, W->type, X, cols);
                for (i = 0; i < RWKV__MV_SHORT_ROWS; i++) Y[r0 + j + S * i] = out[i];
            }
            r0 += RWKV__MV_SHORT_ROWS * S;
        }
    }
#endif
#if RWKV__MV_PAIR > 0
    if (T == 1 && streams && rowbytes > RWKV__MV_LANE_F_ROW && cols <= RWKV__MV_PAIR_COLS) {
        const int64_t lane =
            (int64_t)rowbytes < RWKV__MV_PAIR ? RWKV__MV_PAIR / (int64_t)rowbytes : 1;
        int n;
        for (n = RWKV__MV_STREAMS; n >= 2; n /= 2)
            while (r1 - r0 >= n) {
                const int64_t S = (r1 - r0) / n < lane ? (r1 - r0) / n : lane;
                rwkv__mv_pair(Y, W, X, r0, S, n);
                r0 += n * S;
            }
    }
#endif
    if (T == 1 && RWKV__MV_LANE > 0 && rowbytes > 0 &&
        (rowbytes <= RWKV__MV_LANE_F_ROW || !streams)) {
        /* lanes (RWKV__MV_LANE): tile j of a group reads rows j, S + j, .., 7 S + j */
        const int64_t lane = (RWKV__MV_LANE + (int64_t)rowbytes - 1) / (int64_t)rowbytes;
        while (r1 - r0 >= NR) {
            const int64_t S = (r1 - r0) / NR < lane ? (r1 - r0) / NR : lane;
            int64_t j1;
            for (j1 = 0; j1 < S; j1++) {
                const void *w[RWKV__VR];
                float out[RWKV__VR];
                for (i = 0; i < NR; i++)
                    w[i] = (const char *)W->data + (size_t)(r0 + j1 + S * i) * rowbytes;
                fn(out, w, &X, cols, NULL);
                for (i = 0; i < NR; i++) Y[r0 + j1 + S * i] = out[i];
            }
            r0 += S * NR;
        }
    }
    for (r = r0; r < r1; r += NR) {
        const int nr = r1 - r < NR ? (int)(r1 - r) : NR;
        const void *w[RWKV__TR > RWKV__VR ? RWKV__TR : RWKV__VR];
        for (i = 0; i < NR; i++)
            w[i] = (const char *)W->data + (size_t)(r + (i < nr ? i : nr - 1)) * rowbytes;
        for (t = 0; t < T; t += NT) {
            const int nt = T - t < NT ? T - t : NT;
            const float *x[RWKV__TT];
            float out[(RWKV__TR > RWKV__VR ? RWKV__TR : RWKV__VR) * RWKV__TT];
            for (j = 0; j < NT; j++) x[j] = X + (int64_t)(t + (j < nt ? j : nt - 1)) * cols;
            fn(out, w, x, cols, t == 0 && r + NR < r1 ? (const char *)w[0] + NR * rowbytes : NULL);
            for (i = 0; i < nr; i++)
                for (j = 0; j < nt; j++) Y[(int64_t)(t + j) * rows + r + i] = out[i * NT + j];
        }
    }
}

/* Rows split evenly between threads in multiples of 4 (whole tiles). */
static void rwkv__matmul_simd(float *Y, const rwkv__tensor *W, const float *X, int T,
                              int n_threads)
{
    const int64_t rows = W->ne[1], cols = W->ne[0];
    const int nth = rwkv__threads_for(n_threads, rows, rows * cols * T);
    if (rows <= 0 || T <= 0) return;
#ifdef _OPENMP
    if (nth > 1) {
#pragma omp parallel num_threads(nth)
        {
            const int id = omp_get_thread_num(), n = omp_get_num_threads();
            const int64_t quads = (rows + 3) / 4;
            int64_t r0 = quads * id / n * 4, r1 = quads * (id + 1) / n * 4;
            if (r1 > rows) r1 = rows;
            if (r0 < r1) rwkv__matmul_rows(Y, W, X, T, r0, r1);
        }
        return;
    }
#endif
    (void)nth;
    rwkv__matmul_rows(Y, W, X, T, 0, rows);
}

#endif /* RWKV__SIMD */

/* ---- quantized weights: ggml blocks, quantizers, products (docs/QUANT.md) ----------- */
/* ---- scalar helpers ------------------------------------------------------------------------ */

static uint16_t rwkv__rd16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static uint32_t rwkv__rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static void rwkv__wr16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void rwkv__wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}
static float rwkv__h2f(const uint8_t *p) { return rwkv__f16_to_f32(rwkv__rd16(p)); }

/* f32 -> f16, round to nearest even (what ggml's GGML_FP32_TO_FP16 computes); NaN stays NaN. */
static uint16_t rwkv__f32_to_f16(float f)
{
    uint32_t x, ax, sign, h;
    memcpy(&x, &f, 4);
    sign = (x >> 16) & 0x8000u;
    ax = x & 0x7fffffffu;
    if (ax >= 0x7f800000u) return (uint16_t)(sign | 0x7c00u | (ax > 0x7f800000u ? 0x200u : 0));
    if (ax >= 0x477ff000u) return (uint16_t)(sign | 0x7c00u); /* >= 65520: rounds to inf */
    if (ax < 0x38800000u) {                                   /* below 2^-14: subnormal */
        uint32_t m, q, rem, half;
        int shift;
        if (ax <= 0x33000000u) return (uint16_t)sign; /* <= 2^-25 (the tie goes to 0) */
        m = (ax & 0x7fffffu) | 0x800000u;
        shift = 126 - (int)(ax >> 23);                /* 14..24 */
        q = m >> shift;
        rem = m & ((1u << shift) - 1u);
        half = 1u << (shift - 1);
        if (rem > half || (rem == half && (q & 1u))) q++;
        return (uint16_t)(sign | q);
    }
    h = (ax >> 13) - (112u << 10);
    if ((ax & 0x1fffu) > 0x1000u || ((ax & 0x1fffu) == 0x1000u && (h & 1u))) h++;
    return (uint16_t)(sign | h);
}

/* Round to nearest, ties to even, for |v| < 2^22 (ggml's nearest_int); no UB for any v. */
static int rwkv__nearest(float v)
{
    float t = v + 12582912.0f;
    int32_t i;
    memcpy(&i, &t, 4);
    return (int)(i & 0x007fffff) - 0x00400000;
}

/* (int)v for the quantizers' small truncations; clamped so that no input is UB. */
static int rwkv__trunc(float v)
{
    if (!(v > -1000.0f)) return -1000;
    if (v > 1000.0f) return 1000;
    return (int)v;
}

/* roundf(v) as an int (half away from zero), clamped like rwkv__trunc. */
static int rwkv__round(float v)
{
    if (!(v > -1000.0f)) return -1000;
    if (v > 1000.0f) return 1000;
    return (int)roundf(v);
}

#define RWKV__QMIN(a, b) ((a) < (b) ? (a) : (b))
#define RWKV__QMAX(a, b) ((a) > (b) ? (a) : (b))

/* 6-bit scale and min j (0..7) of a Q4_K / Q5_K super-block (12 packed bytes). */
static void rwkv__k4_scale_min(int j, const uint8_t *q, int *sc, int *m)
{
    if (j < 4) {
        *sc = q[j] & 63;
        *m = q[j + 4] & 63;
    } else {
        *sc = (q[j + 4] & 0x0F) | ((q[j - 4] >> 6) << 4);
        *m = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
    }
}

/* ---- dequantization (scalar; bit-exact with ggml's to_float) ------------------------------ */
/* Each product / difference is rounded to float in ggml's order (separate statements: no
   contraction into FMA by any compiler). */

static void rwkv__dequant_block(int type, const uint8_t *b, float *y)
{
    int j;
    switch (type) {
    case RWKV__TYPE_Q8_0: {
        const float d = rwkv__h2f(b);
        for (j = 0; j < 32; j++) y[j] = (float)(int8_t)b[2 + j] * d;
        break;
    }
    case RWKV__TYPE_Q4_0: {
        const float d = rwkv__h2f(b);
        for (j = 0; j < 16; j++) {
            y[j] = (float)((b[2 + j] & 0x0F) - 8) * d;
            y[j + 16] = (float)((b[2 + j] >> 4) - 8) * d;
        }
        break;
    }
    case RWKV__TYPE_Q4_1: {
        const float d = rwkv__h2f(b), m = rwkv__h2f(b + 2);
        for (j = 0; j < 16; j++) {
            const float p0 = (float)(b[4 + j] & 0x0F) * d, p1 = (float)(b[4 + j] >> 4) * d;
            y[j] = p0 + m;
            y[j + 16] = p1 + m;
        }
        break;
    }
    case RWKV__TYPE_Q5_0: {
        const float d = rwkv__h2f(b);
        const uint32_t qh = rwkv__rd32(b + 2);
        for (j = 0; j < 16; j++) {
            const int lo = (b[6 + j] & 0x0F) | (int)(((qh >> j) & 1u) << 4);
            const int hi = (b[6 + j] >> 4) | (int)(((qh >> (j + 16)) & 1u) << 4);
            y[j] = (float)(lo - 16) * d;
            y[j + 16] = (float)(hi - 16) * d;
        }
        break;
    }
    case RWKV__TYPE_Q5_1: {
        const float d = rwkv__h2f(b), m = rwkv__h2f(b + 2);
        const uint32_t qh = rwkv__rd32(b + 4);
        for (j = 0; j < 16; j++) {
            const int lo = (b[8 + j] & 0x0F) | (int)(((qh >> j) & 1u) << 4);
            const int hi = (b[8 + j] >> 4) | (int)(((qh >> (j + 16)) & 1u) << 4);
            const float p0 = (float)lo * d, p1 = (float)hi * d;
            y[j] = p0 + m;
            y[j + 16] = p1 + m;
        }
        break;
    }
    case RWKV__TYPE_Q4_K: case RWKV__TYPE_Q5_K: {
        const float d = rwkv__h2f(b), dmin = rwkv__h2f(b + 2);
        const uint8_t *sc = b + 4, *qh = b + 16;
        const uint8_t *qs = type == RWKV__TYPE_Q4_K ? b + 16 : b + 48;
        int c, l;
        for (c = 0; c < 4; c++) {
            int s0, m0, s1, m1;
            float d0, d1, n0, n1;
            rwkv__k4_scale_min(2 * c, sc, &s0, &m0);
            rwkv__k4_scale_min(2 * c + 1, sc, &s1, &m1);
            d0 = d * (float)s0; n0 = dmin * (float)m0;
            d1 = d * (float)s1; n1 = dmin * (float)m1;
            for (l = 0; l < 32; l++) {
                int q0 = qs[32 * c + l] & 0x0F, q1 = qs[32 * c + l] >> 4;
                float p0, p1;
                if (type == RWKV__TYPE_Q5_K) {
                    q0 += ((qh[l] >> (2 * c)) & 1) << 4;
                    q1 += ((qh[l] >> (2 * c + 1)) & 1) << 4;
                }
                p0 = d0 * (float)q0;
                p1 = d1 * (float)q1;
                y[64 * c + l] = p0 - n0;
                y[64 * c + 32 + l] = p1 - n1;
            }
        }
        break;
    }
    case RWKV__TYPE_Q6_K: {
        const uint8_t *ql = b, *qh = b + 128;
        const int8_t *sc = (const int8_t *)(const void *)(b + 192);
        const float d = rwkv__h2f(b + 208);
        int h, l;
        for (h = 0; h < 2; h++) {
            const uint8_t *A = ql + 64 * h, *B = qh + 32 * h;
            float *yy = y + 128 * h;
            const int8_t *s = sc + 8 * h;
            for (l = 0; l < 32; l++) {
                const int is = l / 16;
                const int q1 = ((A[l] & 0x0F) | (((B[l] >> 0) & 3) << 4)) - 32;
                const int q2 = ((A[l + 32] & 0x0F) | (((B[l] >> 2) & 3) << 4)) - 32;
                const int q3 = ((A[l] >> 4) | (((B[l] >> 4) & 3) << 4)) - 32;
                const int q4 = ((A[l + 32] >> 4) | (((B[l] >> 6) & 3) << 4)) - 32;
                const float e1 = d * (float)s[is], e2 = d * (float)s[is + 2];
                const float e3 = d * (float)s[is + 4], e4 = d * (float)s[is + 6];
                yy[l] = e1 * (float)q1;
                yy[l + 32] = e2 * (float)q2;
                yy[l + 64] = e3 * (float)q3;
                yy[l + 96] = e4 * (float)q4;
            }
        }
        break;
    }
    }
}

/* dst[0..n) = the values of the row src (n a multiple of the block). 0, or -1 for an unknown
   type or a bad n. */
static RWKV__UNUSED int rwkv__dequant_row(int type, const void *src, float *dst, int64_t n)
{
    const int blk = rwkv__qblock(type);
    const size_t bytes = rwkv__qbytes(type);
    const uint8_t *s = (const uint8_t *)src;
    int64_t i;
    if (blk == 0 || n < 0 || n % blk != 0) return -1;
    for (i = 0; i < n / blk; i++) rwkv__dequant_block(type, s + (size_t)i * bytes, dst + i * blk);
    return 0;
}

/* ---- reference quantizers (ggml's quantize_row_*_ref: the same bytes) ----------------------- */

static void rwkv__quant_ref_legacy(int type, const float *x, uint8_t *y)
{
    int j;
    if (type == RWKV__TYPE_Q8_0) {
        float amax = 0.0f, d, id;
        for (j = 0; j < 32; j++) amax = RWKV__QMAX(amax, fabsf(x[j]));
        d = amax / 127.0f;
        id = d != 0.0f ? 1.0f / d : 0.0f;
        rwkv__wr16(y, rwkv__f32_to_f16(d));
        for (j = 0; j < 32; j++) {
            const float v = x[j] * id;
            y[2 + j] = (uint8_t)(int8_t)rwkv__round(v);
        }
    } else if (type == RWKV__TYPE_Q4_0 || type == RWKV__TYPE_Q5_0) {
        const int q5 = type == RWKV__TYPE_Q5_0;
        const int nmax = q5 ? 31 : 15;
        const float off = q5 ? 16.5f : 8.5f;
        float amax = 0.0f, max = 0.0f, d, id;
        uint32_t qh = 0;
        uint8_t *qs = y + (q5 ? 6 : 2);
        for (j = 0; j < 32; j++)
            if (amax < fabsf(x[j])) { amax = fabsf(x[j]); max = x[j]; }
        d = max / (q5 ? -16.0f : -8.0f);
        id = d != 0.0f ? 1.0f / d : 0.0f;
        rwkv__wr16(y, rwkv__f32_to_f16(d));
        for (j = 0; j < 16; j++) {
            const float x0 = x[j] * id, x1 = x[16 + j] * id;
            const int i0 = RWKV__QMIN(nmax, rwkv__trunc(x0 + off));
            const int i1 = RWKV__QMIN(nmax, rwkv__trunc(x1 + off));
            qs[j] = (uint8_t)((i0 & 0x0F) | ((i1 & 0x0F) << 4));
            qh |= (uint32_t)((i0 >> 4) & 1) << j;
            qh |= (uint32_t)((i1 >> 4) & 1) << (j + 16);
        }
        if (q5) rwkv__wr32(y + 2, qh);
    } else { /* Q4_1, Q5_1 */
        const int q5 = type == RWKV__TYPE_Q5_1;
        float min = FLT_MAX, max = -FLT_MAX, d, id;
        uint32_t qh = 0;
        uint8_t *qs = y + (q5 ? 8 : 4);
        for (j = 0; j < 32; j++) {
            if (x[j] < min) min = x[j];
            if (x[j] > max) max = x[j];
        }
        d = (max - min) / (q5 ? 31.0f : 15.0f);
        id = d != 0.0f ? 1.0f / d : 0.0f;
        rwkv__wr16(y, rwkv__f32_to_f16(d));
        rwkv__wr16(y + 2, rwkv__f32_to_f16(min));
        for (j = 0; j < 16; j++) {
            const float x0 = (x[j] - min) * id, x1 = (x[16 + j] - min) * id;
            int i0 = rwkv__trunc(x0 + 0.5f), i1 = rwkv__trunc(x1 + 0.5f);
            if (!q5) { i0 = RWKV__QMIN(15, i0); i1 = RWKV__QMIN(15, i1); }
            qs[j] = (uint8_t)((i0 & 0x0F) | ((i1 & 0x0F) << 4));
            qh |= (uint32_t)((i0 >> 4) & 1) << j;
            qh |= (uint32_t)((i1 >> 4) & 1) << (j + 16);
        }
        if (q5) rwkv__wr32(y + 4, qh);
    }
}

/* ggml's make_qkx2_quants (asymmetric levels 0..nmax with a min), weighted squared error. */
static float rwkv__make_qkx2(int n, int nmax, const float *x, const float *w, uint8_t *L,
                             float *the_min, uint8_t *Laux, float rmin, float rdelta, int nstep)
{
    float min = x[0], max = x[0], sum_w = w[0], sum_x = sum_w * x[0];
    float iscale, scale, best = 0.0f;
    int i, is;
    for (i = 1; i < n; i++) {
        float t;
        if (x[i] < min) min = x[i];
        if (x[i] > max) max = x[i];
        sum_w += w[i];
        t = w[i] * x[i];
        sum_x += t;
    }
    if (min > 0) min = 0;
    if (max == min) {
        for (i = 0; i < n; i++) L[i] = 0;
        *the_min = -min;
        return 0.0f;
    }
    iscale = (float)nmax / (max - min);
    scale = 1.0f / iscale;
    for (i = 0; i < n; i++) {
        const int l = rwkv__nearest(iscale * (x[i] - min));
        float diff, a;
        L[i] = (uint8_t)RWKV__QMAX(0, RWKV__QMIN(nmax, l));
        a = scale * (float)L[i];
        a = a + min;
        diff = a - x[i];
        diff = diff * diff;
        diff = w[i] * diff;
        best += diff;
    }
    for (is = 0; is <= nstep; is++) {
        float sum_l = 0, sum_l2 = 0, sum_xl = 0, D, t;
        t = rdelta * (float)is;
        t = rmin + t;
        t = t + (float)nmax;
        iscale = t / (max - min);
        for (i = 0; i < n; i++) {
            int l = rwkv__nearest(iscale * (x[i] - min));
            float wl, a;
            l = RWKV__QMAX(0, RWKV__QMIN(nmax, l));
            Laux[i] = (uint8_t)l;
            wl = w[i] * (float)l;
            sum_l += wl;
            a = wl * (float)l;
            sum_l2 += a;
            a = wl * x[i];
            sum_xl += a;
        }
        {
            const float p1 = sum_w * sum_l2, p2 = sum_l * sum_l;
            D = p1 - p2;
        }
        if (D > 0) {
            float this_scale, this_min, cur = 0.0f;
            {
                const float a1 = sum_w * sum_xl, a2 = sum_x * sum_l;
                const float b1 = sum_l2 * sum_x, b2 = sum_l * sum_xl;
                this_scale = (a1 - a2) / D;
                this_min = (b1 - b2) / D;
            }
            if (this_min > 0) {
                this_min = 0;
                this_scale = sum_xl / sum_l2;
            }
            for (i = 0; i < n; i++) {
                float diff, a;
                a = this_scale * (float)Laux[i];
                a = a + this_min;
                diff = a - x[i];
                diff = diff * diff;
                diff = w[i] * diff;
                cur += diff;
            }
            if (cur < best) {
                for (i = 0; i < n; i++) L[i] = Laux[i];
                best = cur;
                scale = this_scale;
                min = this_min;
            }
        }
    }
    *the_min = -min;
    return scale;
}

/* ggml's make_qx_quants with rmse_type 1 and no importance weights (weights x^2). */
static float rwkv__make_qx(int n, int nmax, const float *x, int8_t *L)
{
    float max = 0, amax = 0, iscale, sumlx = 0, suml2 = 0, scale, best;
    int i, is;
    for (i = 0; i < n; i++) {
        const float ax = fabsf(x[i]);
        if (ax > amax) { amax = ax; max = x[i]; }
    }
    if (amax < 1e-15f) {
        for (i = 0; i < n; i++) L[i] = 0;
        return 0.0f;
    }
    iscale = (float)-nmax / max;
    for (i = 0; i < n; i++) {
        int l = rwkv__nearest(iscale * x[i]);
        float w, a;
        l = RWKV__QMAX(-nmax, RWKV__QMIN(nmax - 1, l));
        L[i] = (int8_t)(l + nmax);
        w = x[i] * x[i];
        a = w * x[i];
        a = a * (float)l;
        sumlx += a;
        a = w * (float)l;
        a = a * (float)l;
        suml2 += a;
    }
    scale = suml2 != 0.0f ? sumlx / suml2 : 0.0f;
    best = scale * sumlx;
    for (is = -9; is <= 9; is++) {
        float t, p1, p2;
        if (is == 0) continue;
        t = 0.1f * (float)is;
        t = (float)nmax + t;
        iscale = -t / max;
        sumlx = suml2 = 0;
        for (i = 0; i < n; i++) {
            int l = rwkv__nearest(iscale * x[i]);
            float w, a;
            l = RWKV__QMAX(-nmax, RWKV__QMIN(nmax - 1, l));
            w = x[i] * x[i];
            a = w * x[i];
            a = a * (float)l;
            sumlx += a;
            a = w * (float)l;
            a = a * (float)l;
            suml2 += a;
        }
        p1 = sumlx * sumlx;
        p2 = best * suml2;
        if (suml2 > 0 && p1 > p2) {
            for (i = 0; i < n; i++) {
                const int l = rwkv__nearest(iscale * x[i]);
                L[i] = (int8_t)(nmax + RWKV__QMAX(-nmax, RWKV__QMIN(nmax - 1, l)));
            }
            scale = sumlx / suml2;
            best = scale * sumlx;
        }
    }
    return scale;
}

/* One super-block of Q4_K / Q5_K (ggml's quantize_row_q4_K_ref / q5_K_ref). */
static void rwkv__quant_ref_k45(int type, const float *x, uint8_t *y)
{
    const int q5 = type == RWKV__TYPE_Q5_K, nmax = q5 ? 31 : 15;
    uint8_t L[256], Laux[32], *sc = y + 4;
    float weights[32], mins[8], scales[8], max_scale = 0, max_min = 0, inv_scale, inv_min;
    float d, dmin;
    int j, l;
    for (j = 0; j < 8; j++) {
        float sum_x2 = 0, av_x;
        for (l = 0; l < 32; l++) {
            const float t = x[32 * j + l] * x[32 * j + l];
            sum_x2 += t;
        }
        av_x = sqrtf(sum_x2 / 32.0f);
        for (l = 0; l < 32; l++) weights[l] = av_x + fabsf(x[32 * j + l]);
        scales[j] = rwkv__make_qkx2(32, nmax, x + 32 * j, weights, L + 32 * j, &mins[j], Laux,
                                    q5 ? -0.5f : -1.0f, 0.1f, q5 ? 15 : 20);
        if (scales[j] > max_scale) max_scale = scales[j];
        if (mins[j] > max_min) max_min = mins[j];
    }
    inv_scale = max_scale > 0 ? 63.0f / max_scale : 0.0f;
    inv_min = max_min > 0 ? 63.0f / max_min : 0.0f;
    for (j = 0; j < 8; j++) {
        int ls = (uint8_t)rwkv__nearest(inv_scale * scales[j]);
        int lm = (uint8_t)rwkv__nearest(inv_min * mins[j]);
        ls = RWKV__QMIN(63, ls);
        lm = RWKV__QMIN(63, lm);
        if (j < 4) {
            sc[j] = (uint8_t)ls;
            sc[j + 4] = (uint8_t)lm;
        } else {
            sc[j + 4] = (uint8_t)((ls & 0xF) | ((lm & 0xF) << 4));
            sc[j - 4] |= (uint8_t)((ls >> 4) << 6);
            sc[j] |= (uint8_t)((lm >> 4) << 6);
        }
    }
    rwkv__wr16(y, rwkv__f32_to_f16(max_scale / 63.0f));
    rwkv__wr16(y + 2, rwkv__f32_to_f16(max_min / 63.0f));
    d = rwkv__h2f(y);
    dmin = rwkv__h2f(y + 2);
    for (j = 0; j < 8; j++) {
        int s, m;
        float dd, dm;
        rwkv__k4_scale_min(j, sc, &s, &m);
        dd = d * (float)s;
        if (dd == 0.0f) continue;
        dm = dmin * (float)m;
        for (l = 0; l < 32; l++) {
            const float t = x[32 * j + l] + dm;
            const int v = rwkv__nearest(t / dd);
            L[32 * j + l] = (uint8_t)RWKV__QMAX(0, RWKV__QMIN(nmax, v));
        }
    }
    if (!q5) {
        uint8_t *q = y + 16;
        for (j = 0; j < 256; j += 64) {
            for (l = 0; l < 32; l++) q[l] = (uint8_t)(L[j + l] | (L[j + l + 32] << 4));
            q += 32;
        }
    } else {
        uint8_t *qh = y + 16, *ql = y + 48, m1 = 1, m2 = 2;
        memset(qh, 0, 32);
        for (j = 0; j < 256; j += 64) {
            for (l = 0; l < 32; l++) {
                int l1 = L[j + l], l2 = L[j + l + 32];
                if (l1 > 15) { l1 -= 16; qh[l] |= m1; }
                if (l2 > 15) { l2 -= 16; qh[l] |= m2; }
                ql[l] = (uint8_t)(l1 | (l2 << 4));
            }
            m1 = (uint8_t)(m1 << 2);
            m2 = (uint8_t)(m2 << 2);
            ql += 32;
        }
    }
}

/* One super-block of Q6_K (ggml's quantize_row_q6_K_ref). */
static void rwkv__quant_ref_q6k(const float *x, uint8_t *y)
{
    int8_t L[256], *sc = (int8_t *)(void *)(y + 192);
    uint8_t *ql = y, *qh = y + 128;
    float scales[16], max_scale = 0, max_abs = 0, iscale, d;
    int ib, j, l;
    for (ib = 0; ib < 16; ib++) {
        scales[ib] = rwkv__make_qx(16, 32, x + 16 * ib, L + 16 * ib);
        if (fabsf(scales[ib]) > max_abs) { max_abs = fabsf(scales[ib]); max_scale = scales[ib]; }
    }
    if (max_abs < 1e-15f) {
        memset(y, 0, 210);
        return;
    }
    iscale = -128.0f / max_scale;
    rwkv__wr16(y + 208, rwkv__f32_to_f16(1.0f / iscale));
    for (ib = 0; ib < 16; ib++)
        sc[ib] = (int8_t)RWKV__QMIN(127, rwkv__nearest(iscale * scales[ib]));
    d = rwkv__h2f(y + 208);
    for (j = 0; j < 16; j++) {
        const float dd = d * (float)sc[j];
        if (dd == 0.0f) continue;
        for (l = 0; l < 16; l++) {
            const int v = rwkv__nearest(x[16 * j + l] / dd);
            L[16 * j + l] = (int8_t)(RWKV__QMAX(-32, RWKV__QMIN(31, v)) + 32);
        }
    }
    for (j = 0; j < 256; j += 128) {
        for (l = 0; l < 32; l++) {
            const int q1 = L[j + l] & 0xF, q2 = L[j + l + 32] & 0xF;
            const int q3 = L[j + l + 64] & 0xF, q4 = L[j + l + 96] & 0xF;
            ql[l] = (uint8_t)(q1 | (q3 << 4));
            ql[l + 32] = (uint8_t)(q2 | (q4 << 4));
            qh[l] = (uint8_t)((L[j + l] >> 4) | ((L[j + l + 32] >> 4) << 2) |
                              ((L[j + l + 64] >> 4) << 4) | ((L[j + l + 96] >> 4) << 6));
        }
        ql += 64;
        qh += 32;
    }
}

/* ---- the error-searching quantizer for the 32-value formats ------------------------------- */
/* Squared error (double) of one block against x, dequantized exactly as rwkv__dequant_row. */
static double rwkv__block_sqerr(int type, const uint8_t *b, const float *x)
{
    float y[32];
    double e = 0;
    int j;
    rwkv__dequant_block(type, b, y);
    for (j = 0; j < 32; j++) e += ((double)x[j] - y[j]) * ((double)x[j] - y[j]);
    return e;
}

/* Encodes a block of a 32-value type from the f16 scale d (and min m for Q4_1 / Q5_1), each
   value at its nearest level given the f16-rounded d and m (what dequantization will use). */
static void rwkv__encode_legacy(int type, const float *x, uint16_t dh, uint16_t mh, uint8_t *y)
{
    const float d = rwkv__f16_to_f32(dh), m = rwkv__f16_to_f32(mh);
    const float id = d != 0.0f ? 1.0f / d : 0.0f;
    int nmax, off, j, q[32];
    uint32_t qh = 0;
    switch (type) {
    case RWKV__TYPE_Q8_0: nmax = 255; off = 128; break;
    case RWKV__TYPE_Q4_0: nmax = 15; off = 8; break;
    case RWKV__TYPE_Q5_0: nmax = 31; off = 16; break;
    case RWKV__TYPE_Q4_1: nmax = 15; off = 0; break;
    default: nmax = 31; off = 0; break; /* Q5_1 */
    }
    for (j = 0; j < 32; j++) {
        float t = x[j] - m;
        int v;
        t = t * id;
        if (t > 1000.0f) t = 1000.0f;
        if (!(t > -1000.0f)) t = -1000.0f;
        v = rwkv__nearest(t) + off;
        q[j] = RWKV__QMAX(0, RWKV__QMIN(nmax, v));
    }
    rwkv__wr16(y, dh);
    if (type == RWKV__TYPE_Q8_0) {
        for (j = 0; j < 32; j++) y[2 + j] = (uint8_t)(int8_t)(q[j] - 128);
        return;
    }
    for (j = 0; j < 16; j++) {
        qh |= (uint32_t)((q[j] >> 4) & 1) << j;
        qh |= (uint32_t)((q[16 + j] >> 4) & 1) << (j + 16);
    }
    switch (type) {
    case RWKV__TYPE_Q4_0:
        for (j = 0; j < 16; j++) y[2 + j] = (uint8_t)(q[j] | (q[16 + j] << 4));
        break;
    case RWKV__TYPE_Q5_0:
        rwkv__wr32(y + 2, qh);
        for (j = 0; j < 16; j++) y[6 + j] = (uint8_t)((q[j] & 15) | ((q[16 + j] & 15) << 4));
        break;
    case RWKV__TYPE_Q4_1:
        rwkv__wr16(y + 2, mh);
        for (j = 0; j < 16; j++) y[4 + j] = (uint8_t)(q[j] | (q[16 + j] << 4));
        break;
    default:
        rwkv__wr16(y + 2, mh);
        rwkv__wr32(y + 4, qh);
        for (j = 0; j < 16; j++) y[8 + j] = (uint8_t)((q[j] & 15) | ((q[16 + j] & 15) << 4));
        break;
    }
}

/* Tries the candidate (d, m): keeps it in best if its error is lower. */
static void rwkv__try_legacy(int type, const float *x, float d, float m, uint8_t *best,
                             double *best_err)
{
    uint8_t cand[34];
    double e;
    if (!(fabsf(d) < 65504.0f) || !(fabsf(m) < 65504.0f)) return;
    rwkv__encode_legacy(type, x, rwkv__f32_to_f16(d), rwkv__f32_to_f16(m), cand);
    e = rwkv__block_sqerr(type, cand, x);
    if (e < *best_err) {
        *best_err = e;
        memcpy(best, cand, rwkv__qbytes(type));
    }
}

/* Least-squares (d, m) for the levels of the block b (m fixed at 0 for the symmetric types),
   then tried. */
static void rwkv__refit_legacy(int type, const float *x, const uint8_t *b, uint8_t *best,
                               double *best_err)
{
    float y[32];
    const float d0 = rwkv__h2f(b);
    const int asym = type == RWKV__TYPE_Q4_1 || type == RWKV__TYPE_Q5_1;
    const float m0 = asym ? rwkv__h2f(b + 2) : 0.0f;
    double sl = 0, sl2 = 0, sx = 0, sxl = 0, n = 32, D, d, m;
    int j;
    if (d0 == 0.0f) return;
    rwkv__dequant_block(type, b, y);
    for (j = 0; j < 32; j++) { /* recover the integer level of each value */
        const double l = floor(((double)y[j] - m0) / d0 + 0.5);
        sl += l; sl2 += l * l; sx += x[j]; sxl += x[j] * l;
    }
    if (!asym) {
        if (sl2 > 0) rwkv__try_legacy(type, x, (float)(sxl / sl2), 0.0f, best, best_err);
        return;
    }
    D = n * sl2 - sl * sl;
    if (D <= 0) return;
    d = (n * sxl - sx * sl) / D;
    m = (sl2 * sx - sl * sxl) / D;
    rwkv__try_legacy(type, x, (float)d, (float)m, best, best_err);
}

/* Searches the scale (and min) of one block for the least squared error: starts from the
   reference encoding, tries a grid of scales around it (each refitted by least squares on
   the levels it gives), keeps the best. Never worse than the reference, by construction. */
static void rwkv__quant_search_legacy(int type, const float *x, uint8_t *y)
{
    uint8_t best[34];
    double best_err;
    int j, k;
    rwkv__quant_ref_legacy(type, x, best);
    best_err = rwkv__block_sqerr(type, best, x);
    rwkv__refit_legacy(type, x, best, best, &best_err);
    if (type == RWKV__TYPE_Q4_1 || type == RWKV__TYPE_Q5_1) {
        const float nmax = type == RWKV__TYPE_Q4_1 ? 15.0f : 31.0f;
        float mn = x[0], mx = x[0];
        for (j = 1; j < 32; j++) { mn = RWKV__QMIN(mn, x[j]); mx = RWKV__QMAX(mx, x[j]); }
        for (k = 0; k < 24 && mx > mn; k++) { /* shrink the range from both ends */
            const float lo = mn + (mx - mn) * 0.02f * (float)(k % 6);
            const float hi = mx - (mx - mn) * 0.02f * (float)(k / 6);
            uint8_t c[34];
            double e;
            if (hi <= lo) continue;
            rwkv__encode_legacy(type, x, rwkv__f32_to_f16((hi - lo) / nmax), rwkv__f32_to_f16(lo),
                                c);
            e = rwkv__block_sqerr(type, c, x);
            if (e < best_err) { best_err = e; memcpy(best, c, rwkv__qbytes(type)); }
            rwkv__refit_legacy(type, x, c, best, &best_err);
        }
    } else {
        const float lev = type == RWKV__TYPE_Q8_0 ? 127.0f : type == RWKV__TYPE_Q4_0 ? 8.0f : 16.0f;
        float amax = 0, max = 0;
        for (j = 0; j < 32; j++)
            if (fabsf(x[j]) > amax) { amax = fabsf(x[j]); max = x[j]; }
        for (k = 0; k < 24 && amax > 0; k++) {
            /* the largest value at level -lev (as the reference), or at +(lev - 1), each with
               the grid of scales between lev and lev + 2.4 levels */
            const float t = (k < 12 ? lev : lev - 1.0f) + 0.2f * (float)(k % 12);
            const float dd = k < 12 ? -max / t : max / t;
            uint8_t c[34];
            double e;
            rwkv__encode_legacy(type, x, rwkv__f32_to_f16(dd), 0, c);
            e = rwkv__block_sqerr(type, c, x);
            if (e < best_err) { best_err = e; memcpy(best, c, rwkv__qbytes(type)); }
            rwkv__refit_legacy(type, x, c, best, &best_err);
        }
    }
    memcpy(y, best, rwkv__qbytes(type));
}

enum { RWKV__QUANT_REF = 0, RWKV__QUANT_SEARCH = 1 };

/* Quantizes the n floats of src into one row of `type` at dst (rwkv__row_bytes(type, n)
   bytes). method RWKV__QUANT_REF: ggml's reference algorithm (the bytes llama-quantize writes
   without an importance matrix); RWKV__QUANT_SEARCH: for the 32-value types the per-block
   error search above (the K types have no search variant: they use the reference). 0, or -1
   for an unknown type or a bad n. */
static RWKV__UNUSED int rwkv__quant_row(int type, const float *src, void *dst, int64_t n,
                                        int method)
{
    const int blk = rwkv__qblock(type);
    const size_t bytes = rwkv__qbytes(type);
    uint8_t *d = (uint8_t *)dst;
    int64_t i;
    if (blk == 0 || n < 0 || n % blk != 0) return -1;
    for (i = 0; i < n / blk; i++) {
        const float *x = src + i * blk;
        uint8_t *y = d + (size_t)i * bytes;
        if (type == RWKV__TYPE_Q4_K || type == RWKV__TYPE_Q5_K) rwkv__quant_ref_k45(type, x, y);
        else if (type == RWKV__TYPE_Q6_K) rwkv__quant_ref_q6k(x, y);
        else if (method == RWKV__QUANT_SEARCH) rwkv__quant_search_legacy(type, x, y);
        else rwkv__quant_ref_legacy(type, x, y);
    }
    return 0;
}


/* ---- products with quantized weights ---------------------------------------------------- */
/* Activations. Each token x (cols floats) is quantized per block: the 32-value formats per 32
   values, the K formats per 256 (as ggml's q8_0 / q8_K): d = amax / 127, q = nearest-even
   (x * (127 / amax)) in -127..127 (q = 0, d = 0 when amax is 0). The SIMD variants store extra
   derived data (integer sums, repeated scales); every variant quantizes to the same numbers.

   Definition of one output y = sum_c W[r][c] x[c] (the scalar code below; every SIMD variant
   computes exactly this, so all give the same bits):

   32-value formats (Q4_0 Q4_1 Q5_0 Q5_1 Q8_0). v_e: the integer level of weight e of a block
   (Q4_0: q - 8, Q5_0: q - 16, Q8_0: q, Q4_1 / Q5_1: q >= 0), dw / mw its f16 scale / min as
   float, xq_e / dx the activation block. One integer sum per block,
       G = sum of v_e xq_e over e = 0..31 (exact),
   eight float lanes A[0..7] = +0; for the blocks b = 0, 1, ... in order, with L = b mod 8:
       A[L] = fma((float)G, dw * dx, A[L])
       A[L] = fma(mw, dx * (float)X, A[L])        (Q4_1 / Q5_1 only; X = sum of xq_e)
   y = ((A0 + A4) + (A2 + A6)) + ((A1 + A5) + (A3 + A7)). One float product per 32 weights
   (an earlier definition had four, one per group of 8 values; that float work bound every
   SIMD kernel, and an AMX tile product computes whole-block sums in one instruction).

   K formats: one integer sum per super-block (256 values), exact:
       Q4_K / Q5_K (d, dmin, 6-bit scales S_s and mins M_s of the eight sub-blocks of 32,
       levels q_e >= 0):
           I = sum over s of S_s * (sum of q_e xq_e over sub-block s)
           Msum = sum over s of M_s * (sum of xq_e over sub-block s)
       Q6_K (d, signed scales sc_m of the 16 sub-blocks of 16, levels q_e in 0..63, value
       d sc (q - 32)):
           I = sum over m of sc_m * (sum of (q_e - 32) xq_e over sub-block m),   Msum = 0
   one float accumulator y = +0; for the super-blocks in order:
       y = fma((float)I, d * dx, y)
       y = fma((float)(-Msum), dmin * dx, y)      (Q4_K / Q5_K only)
   (an earlier definition kept eight integer lanes of four values per super-block, which no
   AMX tile product can give: it sums whole sub-blocks.)

   All integer sums fit in 32 bits (at most ~1.4e8), so they are exact however a variant
   groups them; the float operations are the ones written above, in that order. */

typedef struct rwkv__qact {
    int8_t *q;     /* cols values; 32-value formats: "quad" order (below), K formats: natural */
    float *d;      /* one scale per block (32 or 256 values) */
    int32_t *corr; /* 32-value formats: per block, -off * X (off: Q4_0 8, Q5_0 16, Q8_0 128) */
    float *dsx;    /* 32-value formats: per block, d * X (the min term of Q4_1 / Q5_1) */
    int16_t *bs;   /* K formats: 16 per super-block, the sums of 16 consecutive xq */
} rwkv__qact;
/* The 32-value formats' arrays are padded with zero blocks to a multiple of 8 blocks (the
   SIMD kernels read 8 blocks' d, corr and dsx at a time). Quad order: blocks are taken four
   at a time; quad Q occupies bytes 128Q..128Q+127: values 0..15 of block 4Q+j at
   128Q + 16j, values 16..31 at 128Q + 64 + 16j. So 32 bytes at 128Q + 32h hold the low
   halves of blocks 4Q+2h and 4Q+2h+1, and 128Q + 64 + 32h their high halves. */

#define RWKV__ALIGN64(n) (((n) + 63) & ~(size_t)63)

/* Bytes of one token's quantized activation for a `type` matrix of `cols` columns. */
static size_t rwkv__qact_bytes(int type, int64_t cols)
{
    const int blk = rwkv__qblock(type);
    const size_t nb = (size_t)(cols / blk);
    if (blk == 32) {
        const size_t nq = (nb + 7) / 8 * 8; /* padded to 8 blocks */
        return RWKV__ALIGN64(nq * 32) + 3 * RWKV__ALIGN64(nq * 4);
    }
    return RWKV__ALIGN64((size_t)cols) + RWKV__ALIGN64(nb * 4) + RWKV__ALIGN64(nb * 32);
}

static rwkv__qact rwkv__qact_at(int type, int64_t cols, void *base)
{
    const int blk = rwkv__qblock(type);
    const size_t nb = (size_t)(cols / blk);
    char *p = (char *)base;
    rwkv__qact a;
    memset(&a, 0, sizeof a);
    if (blk == 32) {
        const size_t nq = (nb + 7) / 8 * 8;
        a.q = (int8_t *)(void *)p; p += RWKV__ALIGN64(nq * 32);
        a.d = (float *)(void *)p; p += RWKV__ALIGN64(nq * 4);
        a.corr = (int32_t *)(void *)p; p += RWKV__ALIGN64(nq * 4);
        a.dsx = (float *)(void *)p;
    } else {
        a.q = (int8_t *)(void *)p; p += RWKV__ALIGN64((size_t)cols);
        a.d = (float *)(void *)p; p += RWKV__ALIGN64(nb * 4);
        a.bs = (int16_t *)(void *)p;
    }
    return a;
}

/* The view of the activation `off` bytes after a's (the next tokens share its layout). */
RWKV__INLINE RWKV__UNUSED rwkv__qact rwkv__qact_shift(const rwkv__qact *a, size_t off)
{
    rwkv__qact b;
    b.q = (int8_t *)(void *)((char *)a->q + off);
    b.d = (float *)(void *)((char *)a->d + off);
    b.corr = a->corr ? (int32_t *)(void *)((char *)a->corr + off) : NULL;
    b.dsx = a->dsx ? (float *)(void *)((char *)a->dsx + off) : NULL;
    b.bs = a->bs ? (int16_t *)(void *)((char *)a->bs + off) : NULL;
    return b;
}

/* Position of value e (0..31) of block b in quad order. */
RWKV__INLINE size_t rwkv__quad_pos(int64_t b, int e)
{
    return (size_t)(b / 4) * 128 + (size_t)(e < 16 ? 16 * (b % 4) + e : 64 + 16 * (b % 4) + e - 16);
}

/* n values -> d and q (the quantization shared by every variant). */
static float rwkv__quant_act_block(const float *x, int n, int8_t *q)
{
    float amax = 0.0f, id;
    int i;
    for (i = 0; i < n; i++) amax = RWKV__QMAX(amax, fabsf(x[i]));
    id = amax > 0.0f ? 127.0f / amax : 0.0f;
    for (i = 0; i < n; i++) {
        const int v = rwkv__nearest(x[i] * id);
        q[i] = (int8_t)RWKV__QMAX(-127, RWKV__QMIN(127, v));
    }
    return amax / 127.0f;
}

/* The 32-value formats' level offset (v = q - off): Q4_0 8, Q5_0 16, Q8_0 128 as stored
   unsigned (w ^ 0x80), Q4_1 / Q5_1 none. */
static int rwkv__qoff(int type)
{
    return type == RWKV__TYPE_Q4_0 ? 8 : type == RWKV__TYPE_Q5_0 ? 16
         : type == RWKV__TYPE_Q8_0 ? 128 : 0;
}

/* Quantizes one token x (cols values) for a `type` matrix into a (rwkv__qact_at). */
static void rwkv__quant_act(int type, const float *x, int64_t cols, const rwkv__qact *a)
{
    const int blk = rwkv__qblock(type);
    const int64_t nb = cols / blk;
    int64_t b;
    int i, e;
    if (blk == 32) {
        const int64_t nq = (nb + 7) / 8 * 8;
        const int off = rwkv__qoff(type);
        for (b = 0; b < nq; b++) {
            int8_t q[32];
            float d = 0.0f;
            int X = 0;
            if (b < nb) d = rwkv__quant_act_block(x + b * 32, 32, q);
            else memset(q, 0, 32);
            a->d[b] = d;
            for (e = 0; e < 32; e++) { a->q[rwkv__quad_pos(b, e)] = q[e]; X += q[e]; }
            a->corr[b] = -off * X;
            a->dsx[b] = d * (float)X;
        }
    } else {
        for (b = 0; b < nb; b++) {
            int8_t *q = a->q + b * 256;
            a->d[b] = rwkv__quant_act_block(x + b * 256, 256, q);
            for (i = 0; i < 16; i++) {
                int s = 0;
                for (e = 0; e < 16; e++) s += q[16 * i + e];
                a->bs[16 * b + i] = (int16_t)s;
            }
        }
    }
}

RWKV__INLINE float rwkv__tree8(const float *A)
{
    const float a0 = A[0] + A[4], a1 = A[1] + A[5], a2 = A[2] + A[6], a3 = A[3] + A[7];
    const float b0 = a0 + a2, b1 = a1 + a3;
    return b0 + b1;
}

/* Integer levels v[0..31] (the definition's v_e), dw and mw of one 32-value block. */
static void rwkv__decode_legacy(int type, const uint8_t *p, int *v, float *dw, float *mw)
{
    int j;
    *dw = rwkv__h2f(p);
    *mw = 0.0f;
    switch (type) {
    case RWKV__TYPE_Q8_0:
        for (j = 0; j < 32; j++) v[j] = (int8_t)p[2 + j];
        break;
    case RWKV__TYPE_Q4_0:
        for (j = 0; j < 16; j++) { v[j] = (p[2 + j] & 15) - 8; v[16 + j] = (p[2 + j] >> 4) - 8; }
        break;
    case RWKV__TYPE_Q4_1:
        *mw = rwkv__h2f(p + 2);
        for (j = 0; j < 16; j++) { v[j] = p[4 + j] & 15; v[16 + j] = p[4 + j] >> 4; }
        break;
    case RWKV__TYPE_Q5_0: {
        const uint32_t qh = rwkv__rd32(p + 2);
        for (j = 0; j < 16; j++) {
            v[j] = ((p[6 + j] & 15) | (int)(((qh >> j) & 1u) << 4)) - 16;
            v[16 + j] = ((p[6 + j] >> 4) | (int)(((qh >> (j + 16)) & 1u) << 4)) - 16;
        }
        break;
    }
    default: { /* Q5_1 */
        const uint32_t qh = rwkv__rd32(p + 4);
        *mw = rwkv__h2f(p + 2);
        for (j = 0; j < 16; j++) {
            v[j] = (p[8 + j] & 15) | (int)(((qh >> j) & 1u) << 4);
            v[16 + j] = (p[8 + j] >> 4) | (int)(((qh >> (j + 16)) & 1u) << 4);
        }
        break;
    }
    }
}

/* Levels q[0..255] in value order of a Q4_K / Q5_K / Q6_K super-block, with its scales. */
static void rwkv__decode_k(int type, const uint8_t *p, int *q, int *S, int *M, float *d, float *dm)
{
    int c, l, s;
    if (type == RWKV__TYPE_Q6_K) {
        const uint8_t *ql = p, *qh = p + 128;
        int h;
        for (h = 0; h < 2; h++)
            for (l = 0; l < 32; l++) {
                const uint8_t *A = ql + 64 * h, *B = qh + 32 * h;
                int *qq = q + 128 * h;
                qq[l] = (A[l] & 15) | (((B[l] >> 0) & 3) << 4);
                qq[l + 32] = (A[l + 32] & 15) | (((B[l] >> 2) & 3) << 4);
                qq[l + 64] = (A[l] >> 4) | (((B[l] >> 4) & 3) << 4);
                qq[l + 96] = (A[l + 32] >> 4) | (((B[l] >> 6) & 3) << 4);
            }
        for (s = 0; s < 16; s++) S[s] = (int8_t)p[192 + s];
        *d = rwkv__h2f(p + 208);
        *dm = 0.0f;
        return;
    }
    {
        const uint8_t *qh = p + 16, *qs = type == RWKV__TYPE_Q4_K ? p + 16 : p + 48;
        for (c = 0; c < 4; c++)
            for (l = 0; l < 32; l++) {
                q[64 * c + l] = qs[32 * c + l] & 15;
                q[64 * c + 32 + l] = qs[32 * c + l] >> 4;
                if (type == RWKV__TYPE_Q5_K) {
                    q[64 * c + l] += ((qh[l] >> (2 * c)) & 1) << 4;
                    q[64 * c + 32 + l] += ((qh[l] >> (2 * c + 1)) & 1) << 4;
                }
            }
        for (s = 0; s < 8; s++) rwkv__k4_scale_min(s, p + 4, &S[s], &M[s]);
        *d = rwkv__h2f(p);
        *dm = rwkv__h2f(p + 2);
    }
}

/* The definition: one row (cols values of `type` at w) times one quantized token. */
static float rwkv__qdot_scalar(int type, const uint8_t *w, const rwkv__qact *a, int64_t cols)
{
    const int blk = rwkv__qblock(type);
    const size_t bytes = rwkv__qbytes(type);
    const int64_t nb = cols / blk;
    float A[8] = { 0, 0, 0, 0, 0, 0, 0, 0 }, B = 0.0f;
    int64_t b;
    int e, k;
    if (blk == 32) {
        const int asym = type == RWKV__TYPE_Q4_1 || type == RWKV__TYPE_Q5_1;
        for (b = 0; b < nb; b++) {
            const int L = (int)(b & 7);
            int v[32], G = 0;
            float dw, mw;
            const int8_t *xl = a->q + rwkv__quad_pos(b, 0), *xh = a->q + rwkv__quad_pos(b, 16);
            rwkv__decode_legacy(type, w + (size_t)b * bytes, v, &dw, &mw);
            for (e = 0; e < 16; e++) G += v[e] * xl[e] + v[16 + e] * xh[e];
            A[L] = fmaf((float)G, dw * a->d[b], A[L]);
            if (asym) A[L] = fmaf(mw, a->dsx[b], A[L]);
        }
        return rwkv__tree8(A);
    }
    for (b = 0; b < nb; b++) {
        int q[256], S[16], M[8], I = 0, msum = 0;
        float d, dm;
        const int8_t *x = a->q + b * 256;
        const int16_t *bs = a->bs + b * 16;
        rwkv__decode_k(type, w + (size_t)b * bytes, q, S, M, &d, &dm);
        if (type == RWKV__TYPE_Q6_K) {
            for (k = 0; k < 16; k++) {
                int g = 0;
                for (e = 16 * k; e < 16 * k + 16; e++) g += (q[e] - 32) * x[e];
                I += S[k] * g;
            }
        } else {
            for (k = 0; k < 8; k++) {
                int g = 0;
                for (e = 32 * k; e < 32 * k + 32; e++) g += q[e] * x[e];
                I += S[k] * g;
                msum += M[k] * (bs[2 * k] + bs[2 * k + 1]);
            }
        }
        B = fmaf((float)I, d * a->d[b], B);
        if (type != RWKV__TYPE_Q6_K) B = fmaf((float)(-msum), dm * a->d[b], B);
    }
    return B;
}

/* Rows [r0, r1) x tokens [0, T) with the scalar definition. acts: T quantized tokens, `stride`
   bytes apart. Y[t * rows + r]. */
static void rwkv__qmm_rows_scalar(float *Y, const uint8_t *W, int type, int64_t rows, int64_t cols,
                                  const char *acts, size_t stride, int T, int64_t r0, int64_t r1)
{
    const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols);
    int64_t r;
    int t;
    for (t = 0; t < T; t++) {
        const rwkv__qact a = rwkv__qact_at(type, cols, (void *)(acts + (size_t)t * stride));
        for (r = r0; r < r1; r++)
            Y[(int64_t)t * rows + r] = rwkv__qdot_scalar(type, W + (size_t)r * rowb, &a, cols);
    }
}

/* ---- SIMD variants of the quantized products ---------------------------------------- */
/* Chosen at compile time with rwkv.h's RWKV__AVX512 / RWKV__AVX2 / RWKV__NEON. The AVX-512
   variant uses 512-bit integer kernels only with VNNI (+BW, VL); without VNNI it runs the AVX2
   kernels (AVX-512F implies AVX2/FMA/F16C on every such CPU). NEON uses vdotq_s32 with
   __ARM_FEATURE_DOTPROD, widening multiplies otherwise. All give the scalar definition's bits. */


#if defined(RWKV__AVX2) ||                                                                         \
    (defined(RWKV__AVX512) && defined(__AVX2__) && defined(__FMA__) && defined(__F16C__))
#define RWKV__QAVX2 1
#endif
#if defined(RWKV__AVX512) && defined(__AVX512VNNI__) && defined(__AVX512BW__) &&                   \
    defined(__AVX512VL__)
#define RWKV__QVNNI 1
#endif
/* 256-bit vpdpbusd for the 256-bit kernels: AVX512-VNNI + VL, or AVX-VNNI (VEX-encoded; Intel
   client CPUs from Alder Lake on, which have no AVX-512, and Zen 5: -march=native there, or
   -mavxvnni) in an AVX2 build. In place of AVX2's vpmaddubsw + vpmaddwd + vpaddd, same
   integers. A -march=haswell -mavxvnni build on a Zen 5 VM, one thread (`CFLAGS="-O3
   -march=haswell" tools/pair.sh -b -mavxvnni matmul -- TYPE ROWS 2048 1 M N`): in L2 Q4_K 1.26,
   Q4_0 1.10, Q6_K 1.09; from memory (16384 rows) Q4_K 1.24 (two threads 1.23), Q4_0 1.03. */
#if defined(RWKV__QVNNI) || (defined(RWKV__QAVX2) && defined(__AVXVNNI__))
#define RWKV__QVNNI256 1
#ifdef RWKV__QVNNI
#define RWKV__DPBUSD256(acc, u, s) _mm256_dpbusd_epi32((acc), (u), (s))
#define RWKV__DPWSSD256(acc, a, b) _mm256_dpwssd_epi32((acc), (a), (b))
#else
#define RWKV__DPBUSD256(acc, u, s) _mm256_dpbusd_avx_epi32((acc), (u), (s))
#define RWKV__DPWSSD256(acc, a, b) _mm256_dpwssd_avx_epi32((acc), (a), (b))
#endif
#endif
/* acc + vpmaddwd(a, b): vpdpwssd where there is one (not the saturating vpdpwssds: the same
   int32 sums as vpmaddwd and vpaddd) */
#ifdef RWKV__QVNNI256
#define RWKV__MADD_ADD256(acc, a, b) RWKV__DPWSSD256(acc, a, b)
#else
#define RWKV__MADD_ADD256(acc, a, b) _mm256_add_epi32((acc), _mm256_madd_epi16((a), (b)))
#endif
/* Intel AMX (tile registers: a 16 x 16 int32 tile += 16 rows x 64 bytes times 64 x 16) for
   prompt blocks of every quantized format, on Linux x86-64 where the compiler targets it
   (-march=native on Sapphire Rapids and later) and the kernel grants the tile state
   (arch_prctl ARCH_REQ_XCOMP_PERM, asked before each product; without it the VNNI tiles
   run). -DRWKV_NO_AMX turns it off. */
#if defined(RWKV__QVNNI) && (defined(__AMX_TILE__) || defined(__AMXTILE__)) &&                  \
    (defined(__AMX_INT8__) || defined(__AMXINT8__)) && defined(__linux__) &&                       \
    defined(__x86_64__) && !defined(RWKV_NO_AMX) /* (clang 14 spells them __AMXTILE__ ...) */
#define RWKV__QAMX 1
#endif
/* the quantized NEON kernels use A64 intrinsics (vpaddq_s32, f16 lane conversions): 32-bit
   ARM runs the scalar definition for the quantized types */
#if defined(RWKV__NEON) && defined(__aarch64__)
#define RWKV__QNEON 1
#endif
#if defined(RWKV__QAVX2) || defined(RWKV__QNEON)
#define RWKV__QSIMD 1
#endif

/* Rows per matvec tile (Q8_0: RWKV__QMV_R8, whose kernel waits on memory rather than on
   its arithmetic, so more rows in flight pay: +15% on one thread of a Zen 3; the 4-bit
   kernels are arithmetic-bound and gain nothing) and the matmul register tile (rows x
   tokens). */
#ifndef RWKV__QMV_R
#define RWKV__QMV_R 4
#endif
/* Q8_0 one-token products on a Zen with AVX-512 VNNI (rwkv__q8_group1): 2 rows per
   tile, in lanes of RWKV__QMV_LANE_Q8 bytes, no software prefetch. There that kernel has
   room over the read (in L2 ~42 GB/s on one Zen 4 thread against a ~30 plain read), so the
   read pattern is the bound, and the hardware prefetcher follows two long streams better
   than eight lanes of 128 KiB with a prefetch 2 KiB ahead (which the 4-bit tiles, bound by
   their arithmetic, keep: without it and in 1 MiB lanes v4 1.5B Q4_K_M 0.95, Q4_0 1.01).
   Whole model against 8 rows (`tools/pair.sh -A OLD model -- MODEL T 8 8-12`), one / two
   threads: v4 1.5B Q8_0 1.196 / 1.125, v6 1.286 / 0.998-1.060, v7 1.109 / 0.957-1.010, v4
   0.1B 1.176 / 1.083, v7 0.1B 1.137 / 1.059. With the prefetch, 2 rows ran 0.78 of this; 1
   row 0.94-0.95 (its token vector rebuilt per row), 4 rows 0.97, 8 rows 0.74; 128 KiB lanes
   0.89. */
#if defined(RWKV__ZEN) && defined(RWKV__QVNNI)
#ifndef RWKV__QMV_R8
#define RWKV__QMV_R8 2
#endif
#ifndef RWKV__QPF_Q8
#define RWKV__QPF_Q8 0
#endif
#ifndef RWKV__QMV_LANE_Q8
#define RWKV__QMV_LANE_Q8 1048576
#endif
#endif
#ifndef RWKV__QMV_R8
#define RWKV__QMV_R8 8
#endif
#define RWKV__QMV_ROWS(type) ((type) == RWKV__TYPE_Q8_0 ? RWKV__QMV_R8 : RWKV__QMV_R)
#ifndef RWKV__QMM_R
#define RWKV__QMM_R 2
#endif
#ifndef RWKV__QMM_T
#define RWKV__QMM_T 4
#endif
/* Q4_K's and Q5_K's matmul tile rows with VNNI: their rows' headers and scale vectors cost
   as much as their products, and 4 x 4 shares them over twice the tokens (a 2048 x 2048 x 64
   product on a Zen 5, against 2 x 4: Q4_K 1.32-1.36x, Q5_K 1.23x; Q8_0 0.81, Q4_0 0.90, Q6_K
   0.95 at 4 x 4: they keep RWKV__QMM_R). */
#ifndef RWKV__QMM_RK4
#if defined(RWKV__QVNNI)
#define RWKV__QMM_RK4 4
#else
#define RWKV__QMM_RK4 RWKV__QMM_R
#endif
#endif
#define RWKV__QMM_ROWS(type)                                                                       \
    ((type) == RWKV__TYPE_Q4_K || (type) == RWKV__TYPE_Q5_K ? RWKV__QMM_RK4 : RWKV__QMM_R)
#define RWKV__QTMAX 8 /* bound of the tile sizes above (array dimensions) */
/* Software prefetch of the matvec tiles (0: none, 1: each row RWKV__QPF_DIST bytes ahead of
   its loads). In lanes a row's next bytes are its own, then the next row of its lane, so a
   fixed distance ahead is where the stream goes next; 2 KiB against 1 KiB: 1.00-1.07 (none
   at all, lanes only: 0.83-0.91 of it). Before the lanes each row prefetched the same column
   of the next tile (R rows ahead), which new R cold streams needed. RWKV__QPF_HINT is the x86
   tiles' locality hint: 3, into L1 (2: into L2 only, as before the twelfth round of
   docs/KERNELS.md; on a Zen 5 thread the L2-only hint left Q4_K matvec at ~60% of the plain
   read rate). */
#ifndef RWKV__QPF
#define RWKV__QPF 1
#endif
#ifndef RWKV__QPF_DIST
#define RWKV__QPF_DIST 2048
#endif
#ifndef RWKV__QPF_HINT
#ifdef RWKV__ZEN
#define RWKV__QPF_HINT 2
#else
#define RWKV__QPF_HINT 3
#endif
#endif
#if defined(__GNUC__) || defined(__clang__)
#define RWKV__QPREFETCH(p) __builtin_prefetch((p), 0, RWKV__QPF_HINT)
#else
#define RWKV__QPREFETCH(p) ((void)(p))
#endif
#define RWKV__QPF_AHEAD(type, R, nblocks) ((size_t)RWKV__QPF_DIST)
#ifndef RWKV__QPF_Q8
#define RWKV__QPF_Q8 RWKV__QPF
#endif
#ifndef RWKV__QMV_LANE_Q8
#define RWKV__QMV_LANE_Q8 RWKV__MV_LANE
#endif
/* The AVX2 32-value tiles also prefetch each row 256 bytes ahead into L1. Before the lanes
   only tiles of at most 8 KiB did (their rows too short for the hardware prefetchers: a Zen 3
   thread streamed a 65536 x 768 Q8_0 matrix at 11.1-12.4 GB/s without it, 13.5-14.6 with it;
   at 2048 columns it cost a few percent then). In lanes it helps at both lengths: without
   it 0.89-0.90 (Q8_0 3072 x 768, 8192 x 2048) and 0.94 (Q4_0 8192 x 2048) in an AVX2 build
   on the Sapphire Rapids VM (`CFLAGS="-O3 -march=haswell" tools/pair.sh ..`). */

#ifdef RWKV__QAVX2

/* ---- AVX2: activation quantization ---------------------------------------------------------- */

RWKV__INLINE float rwkv__hmax_avx2(__m256 m)
{
    __m128 q = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
    q = _mm_max_ps(q, _mm_movehl_ps(q, q));
    q = _mm_max_ss(q, _mm_shuffle_ps(q, q, 1));
    return _mm_cvtss_f32(q);
}

/* 8k floats -> int32 levels (nearest even, as rwkv__nearest), returns d; v receives k vectors. */
RWKV__INLINE float rwkv__qa_levels_avx2(const float *x, int k, __m256i *v)
{
    const __m256 sign = _mm256_set1_ps(-0.0f);
    __m256 m = _mm256_setzero_ps();
    float amax, id;
    int i;
    for (i = 0; i < k; i++)
        m = _mm256_max_ps(m, _mm256_andnot_ps(sign, _mm256_loadu_ps(x + 8 * i)));
    amax = rwkv__hmax_avx2(m);
    id = amax > 0.0f ? 127.0f / amax : 0.0f;
    for (i = 0; i < k; i++)
        v[i] = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + 8 * i), _mm256_set1_ps(id)));
    return amax / 127.0f;
}

/* 4 int32 vectors (32 levels in order) -> 32 int8 in order */
RWKV__INLINE __m256i rwkv__pack32_avx2(__m256i a, __m256i b, __m256i c, __m256i d)
{
    __m256i ab = _mm256_packs_epi32(a, b), cd = _mm256_packs_epi32(c, d);
    __m256i r = _mm256_packs_epi16(ab, cd);
    return _mm256_permutevar8x32_epi32(r, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
}

/* hsum of 8 int32 (exact) */
RWKV__INLINE int rwkv__hsum_epi32_avx2(__m256i v)
{
    __m128i q = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    q = _mm_add_epi32(q, _mm_shuffle_epi32(q, 0x4E));
    q = _mm_add_epi32(q, _mm_shuffle_epi32(q, 0xB1));
    return _mm_cvtsi128_si32(q);
}

static void rwkv__quant_act_avx2(int type, const float *x, int64_t cols, const rwkv__qact *a)
{
    const int blk = rwkv__qblock(type);
    const int64_t nb = cols / blk;
    int64_t b;
    if (blk == 32) {
        const int64_t nq = (nb + 7) / 8 * 8;
        const int off = rwkv__qoff(type);
        for (b = 0; b < nq; b++) {
            __m256i v[4];
            int X;
            float d = 0.0f;
            if (b < nb) d = rwkv__qa_levels_avx2(x + b * 32, 4, v);
            else v[0] = v[1] = v[2] = v[3] = _mm256_setzero_si256();
            {
                const __m256i q = rwkv__pack32_avx2(v[0], v[1], v[2], v[3]);
                _mm_storeu_si128((__m128i *)(void *)(a->q + rwkv__quad_pos(b, 0)),
                                 _mm256_castsi256_si128(q));
                _mm_storeu_si128((__m128i *)(void *)(a->q + rwkv__quad_pos(b, 16)),
                                 _mm256_extracti128_si256(q, 1));
                /* X from the stored (saturated) bytes: a non-finite input makes the int32
                   levels INT_MIN, whose sum would overflow (UBSan, fuzz_model) */
                X = rwkv__hsum_epi32_avx2(_mm256_madd_epi16(
                    _mm256_maddubs_epi16(_mm256_set1_epi8(1), q), _mm256_set1_epi16(1)));
            }
            a->d[b] = d;
            a->corr[b] = -off * X;
            a->dsx[b] = d * (float)X;
        }
    } else {
        const __m256i ones8 = _mm256_set1_epi8(1), ones16 = _mm256_set1_epi16(1);
        for (b = 0; b < nb; b++) {
            __m256i v[32];
            int g;
            a->d[b] = rwkv__qa_levels_avx2(x + b * 256, 32, v);
            for (g = 0; g < 8; g++) {
                const __m256i q =
                    rwkv__pack32_avx2(v[4 * g], v[4 * g + 1], v[4 * g + 2], v[4 * g + 3]);
                __m256i t = _mm256_madd_epi16(_mm256_maddubs_epi16(ones8, q), ones16);
                _mm256_storeu_si256((__m256i *)(void *)(a->q + b * 256 + 32 * g), q);
                t = _mm256_hadd_epi32(t, t);
                t = _mm256_hadd_epi32(t, t);
                a->bs[16 * b + 2 * g] = (int16_t)_mm256_extract_epi32(t, 0);
                a->bs[16 * b + 2 * g + 1] = (int16_t)_mm256_extract_epi32(t, 4);
            }
        }
    }
}

/* The definition's final tree of eight lanes (= rwkv__tree8). */
RWKV__INLINE float rwkv__tree8_avx2(__m256 v)
{
    __m128 q = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    q = _mm_add_ps(q, _mm_movehl_ps(q, q));
    q = _mm_add_ss(q, _mm_shuffle_ps(q, q, 1));
    return _mm_cvtss_f32(q);
}

RWKV__INLINE __m128i rwkv__ld128(const void *p) { return _mm_loadu_si128((const __m128i *)p); }
RWKV__INLINE __m256i rwkv__ld256(const void *p) { return _mm256_loadu_si256((const __m256i *)p); }
RWKV__INLINE uint16_t rwkv__u16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return v; }
RWKV__INLINE uint32_t rwkv__u32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }

/* 32 bits -> 32 bytes, byte i = 0x10 where bit i is set */
RWKV__INLINE __m256i rwkv__bits16_avx2(uint32_t x)
{
    const __m256i shuf = _mm256_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
                                          2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3);
    const __m256i bits = _mm256_set1_epi64x((long long)0x8040201008040201ULL);
    __m256i t = _mm256_shuffle_epi8(_mm256_set1_epi32((int)x), shuf);
    t = _mm256_cmpeq_epi8(_mm256_and_si256(t, bits), bits);
    return _mm256_and_si256(t, _mm256_set1_epi8(0x10));
}

/* One pair of 32-value blocks (the second absent when two == 0) of a row: lo = values 0..15 of
   both blocks, hi = values 16..31 (as bytes: levels 0..31 for Q4/Q5, raw int8 for Q8_0),
   dw / mw = [d0 x4, d1 x4] and the mins. */
RWKV__INLINE void rwkv__q32_unpack_avx2(int type, const uint8_t *p, int two, __m256i *lo,
                                        __m256i *hi, __m256 *dw, __m256 *mw)
{
    const size_t bs = rwkv__qbytes(type);
    const __m256i m4 = _mm256_set1_epi8(0x0F);
    const __m128i z = _mm_setzero_si128();
    if (type == RWKV__TYPE_Q8_0) {
        __m128i a0 = rwkv__ld128(p + 2), a1 = rwkv__ld128(p + 18);
        __m128i b0 = two ? rwkv__ld128(p + 36) : z, b1 = two ? rwkv__ld128(p + 52) : z;
        *lo = _mm256_inserti128_si256(_mm256_castsi128_si256(a0), b0, 1);
        *hi = _mm256_inserti128_si256(_mm256_castsi128_si256(a1), b1, 1);
    } else {
        const size_t qo = type == RWKV__TYPE_Q4_0 ? 2 : type == RWKV__TYPE_Q4_1 ? 4
                        : type == RWKV__TYPE_Q5_0 ? 6 : 8;
        __m128i a = rwkv__ld128(p + qo), b = two ? rwkv__ld128(p + bs + qo) : z;
        __m256i v = _mm256_inserti128_si256(_mm256_castsi128_si256(a), b, 1);
        *lo = _mm256_and_si256(v, m4);
        *hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), m4);
        if (type == RWKV__TYPE_Q5_0 || type == RWKV__TYPE_Q5_1) {
            const size_t ho = type == RWKV__TYPE_Q5_0 ? 2 : 4;
            const uint32_t h0 = rwkv__u32(p + ho), h1 = two ? rwkv__u32(p + bs + ho) : 0;
            *lo = _mm256_or_si256(*lo, rwkv__bits16_avx2((h0 & 0xFFFFu) | (h1 << 16)));
            *hi = _mm256_or_si256(*hi, rwkv__bits16_avx2((h0 >> 16) | (h1 & 0xFFFF0000u)));
        }
    }
    if (type == RWKV__TYPE_Q4_1 || type == RWKV__TYPE_Q5_1) {
        const uint64_t dm =
            (uint64_t)rwkv__u32(p) | ((uint64_t)(two ? rwkv__u32(p + bs) : 0) << 32);
        const __m128i h = _mm_cvtsi64_si128((long long)dm);
        *dw = _mm256_cvtph_ps(
            _mm_shuffle_epi8(h, _mm_setr_epi8(0, 1, 0, 1, 0, 1, 0, 1, 4, 5, 4, 5, 4, 5, 4, 5)));
        *mw = _mm256_cvtph_ps(
            _mm_shuffle_epi8(h, _mm_setr_epi8(2, 3, 2, 3, 2, 3, 2, 3, 6, 7, 6, 7, 6, 7, 6, 7)));
    } else {
        const uint32_t dd =
            (uint32_t)rwkv__u16(p) | ((uint32_t)(two ? rwkv__u16(p + bs) : 0) << 16);
        const __m128i h = _mm_cvtsi32_si128((int)dd);
        *dw = _mm256_cvtph_ps(
            _mm_shuffle_epi8(h, _mm_setr_epi8(0, 1, 0, 1, 0, 1, 0, 1, 2, 3, 2, 3, 2, 3, 2, 3)));
        *mw = _mm256_setzero_ps();
    }
}

/* Integer part of blocks b, b+1 (b even; two == 0: only b) for R rows x NT tokens: P[r][t]
   lanes 0..3 hold partial sums of block b, lanes 4..7 of block b + 1 (without the offset
   correction). */
RWKV__INLINE void rwkv__q32_pair_avx2(int type, int R, int NT,
                                      __m256i P[RWKV__QTMAX][RWKV__QTMAX],
                                      const uint8_t *const *w, const rwkv__qact *x, int64_t b,
                                      int two, size_t pf)
{
    const size_t bs = rwkv__qbytes(type);
    const int q8 = type == RWKV__TYPE_Q8_0;
    const size_t xo = (size_t)(b / 4) * 128 + (size_t)(b % 4) * 16;
    __m256i lo[RWKV__QTMAX], hi[RWKV__QTMAX];
#ifndef RWKV__QVNNI256
    const __m256i ones = _mm256_set1_epi16(1);
    __m256i alo[RWKV__QTMAX], ahi[RWKV__QTMAX];
#endif
    int r, t;
    RWKV__UNROLL for (r = 0; r < R; r++) {
        const uint8_t *p = w[r] + (size_t)b * bs;
        __m256 dw, mw;
#if RWKV__QPF > 0
        if (NT == 1) {
            RWKV__QPREFETCH(p + pf);
            RWKV__PREFETCH_L1(p + 256);
        }
#endif
        rwkv__q32_unpack_avx2(type, p, two, &lo[r], &hi[r], &dw, &mw);
#ifdef RWKV__QVNNI256
        if (q8) { /* w ^ 0x80 = w + 128, unsigned (the correction -128 X undoes it) */
            lo[r] = _mm256_xor_si256(lo[r], _mm256_set1_epi8((char)0x80));
            hi[r] = _mm256_xor_si256(hi[r], _mm256_set1_epi8((char)0x80));
        }
#else
        if (q8) { /* the sign trick: |w| (unsigned; -128 -> 128) times x with w's sign */
            alo[r] = _mm256_sign_epi8(lo[r], lo[r]);
            ahi[r] = _mm256_sign_epi8(hi[r], hi[r]);
        } else {
            alo[r] = ahi[r] = _mm256_setzero_si256();
        }
#endif
    }
    RWKV__UNROLL for (t = 0; t < NT; t++) {
        const __m256i XA = rwkv__ld256(x[t].q + xo), XB = rwkv__ld256(x[t].q + xo + 64);
        RWKV__UNROLL for (r = 0; r < R; r++) {
#ifdef RWKV__QVNNI256
            P[r][t] = RWKV__DPBUSD256(RWKV__DPBUSD256(_mm256_setzero_si256(), lo[r], XA), hi[r], XB);
#else
            if (q8)
                P[r][t] = _mm256_add_epi32(
                    _mm256_madd_epi16(_mm256_maddubs_epi16(alo[r], _mm256_sign_epi8(XA, lo[r])),
                                      ones),
                    _mm256_madd_epi16(_mm256_maddubs_epi16(ahi[r], _mm256_sign_epi8(XB, hi[r])),
                                      ones));
            else
                P[r][t] = _mm256_madd_epi16(_mm256_add_epi16(_mm256_maddubs_epi16(lo[r], XA),
                                                             _mm256_maddubs_epi16(hi[r], XB)),
                                            ones);
#endif
        }
    }
}

/* The sums G of blocks b0..b0+n-1 (n <= 8, b0 % 8 == 0) in lanes 0..n-1 (zero after), R rows x
   NT tokens, from pairs: hadd(hadd(P01, P23), hadd(P45, P67)) leaves blocks 0 2 4 6 | 1 3 5 7.
   The pairs in a loop: one inlined copy of the pair kernel per tile function (four copies
   made the library 60% slower to compile under ASan). */
RWKV__INLINE void rwkv__q32_group_avx2(int type, int R, int NT,
                                       __m256i G[RWKV__QTMAX][RWKV__QTMAX],
                                       const uint8_t *const *w, const rwkv__qact *x, int64_t b0,
                                       int n, size_t pf)
{
#ifdef RWKV__QVNNI256
    const int corr = type == RWKV__TYPE_Q4_0 || type == RWKV__TYPE_Q5_0 || type == RWKV__TYPE_Q8_0;
#else
    const int corr = type == RWKV__TYPE_Q4_0 || type == RWKV__TYPE_Q5_0;
#endif
    const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
    __m256i P[4][RWKV__QTMAX][RWKV__QTMAX];
    int r, t, k;
    for (k = 0; k < 4; k++) {
        if (2 * k < n) {
            rwkv__q32_pair_avx2(type, R, NT, P[k], w, x, b0 + 2 * k, 2 * k + 1 < n, pf);
        } else {
            RWKV__UNROLL for (r = 0; r < R; r++) RWKV__UNROLL for (t = 0; t < NT; t++)
                P[k][r][t] = _mm256_setzero_si256(); /* absent pairs add zeros */
        }
    }
    RWKV__UNROLL for (t = 0; t < NT; t++) {
        const __m256i C = corr ? rwkv__ld256(x[t].corr + b0) : _mm256_setzero_si256();
        RWKV__UNROLL for (r = 0; r < R; r++) {
            const __m256i h = _mm256_hadd_epi32(_mm256_hadd_epi32(P[0][r][t], P[1][r][t]),
                                                _mm256_hadd_epi32(P[2][r][t], P[3][r][t]));
            G[r][t] = _mm256_add_epi32(_mm256_permutevar8x32_epi32(h, order), C);
        }
    }
}

#ifdef RWKV__QVNNI
/* AVX-512 VNNI: the integer sums of four blocks b..b+3 (b % 4 == 0) for R rows x NT tokens
   from vpdpbusd (u8 x s8, 4 products per int32 lane): Q[r][t] lanes 4j..4j+3 are partial sums
   of block b + j. Q8_0's signed weights are made unsigned by w ^ 0x80 = w + 128 (the
   correction -128 X undoes it). */
RWKV__INLINE __m512i rwkv__ld4x16(const uint8_t *p, size_t stride)
{
    __m512i v = _mm512_castsi128_si512(rwkv__ld128(p));
    v = _mm512_inserti32x4(v, rwkv__ld128(p + stride), 1);
    v = _mm512_inserti32x4(v, rwkv__ld128(p + 2 * stride), 2);
    return _mm512_inserti32x4(v, rwkv__ld128(p + 3 * stride), 3);
}

/* Blocks p, p + bs, p + 2 bs, p + 3 bs of a row as unsigned levels: lo = values 0..15 of each
   (16 bytes per block), hi = values 16..31 (Q8_0: w ^ 0x80). win: 1 / 2 where p is the first /
   second quad of a whole group of eight blocks (whose bytes may be read past the quad's), 0
   elsewhere. */
RWKV__INLINE void rwkv__q32_unpack4_vnni(int type, const uint8_t *p, int win, __m512i *lo,
                                         __m512i *hi)
{
    const size_t bs = rwkv__qbytes(type);
    const __m512i m4 = _mm512_set1_epi8(0x0F);
    int j;
    (void)win; /* AVX-512 VBMI only */
    if (type == RWKV__TYPE_Q8_0) {
        const __m512i f = _mm512_set1_epi8((char)0x80);
        *lo = _mm512_xor_si512(rwkv__ld4x16(p + 2, bs), f);
        *hi = _mm512_xor_si512(rwkv__ld4x16(p + 18, bs), f);
    }
#if defined(__AVX512VBMI__)
    else if (type == RWKV__TYPE_Q4_0 && win) {
        /* the four blocks' 16-byte nibble fields from a 128-byte window of the group of
           eight (blocks 0..3: its first 128 bytes; 4..7: its last, from 56 bytes before p):
           one byte permutation where a load and three 128-bit inserts were (Zen 4, in-cache
           Q4_0 matvec: 1.13 more than the scales' 1.08; the same for Q8_0's two halves:
           0.90, not kept) */
        const int s = win == 2 ? 56 : 0;
        const uint8_t *q = p - s;
        const __m512i idx = _mm512_add_epi8(_mm512_set1_epi8((char)(s + 2)),
            _mm512_setr_epi32(0x03020100, 0x07060504, 0x0B0A0908, 0x0F0E0D0C,
                              0x15141312, 0x19181716, 0x1D1C1B1A, 0x21201F1E,
                              0x27262524, 0x2B2A2928, 0x2F2E2D2C, 0x33323130,
                              0x39383736, 0x3D3C3B3A, 0x41403F3E, 0x45444342));
        const __m512i v = _mm512_permutex2var_epi8(_mm512_loadu_si512((const void *)q), idx,
                                                   _mm512_loadu_si512((const void *)(q + 64)));
        *lo = _mm512_and_si512(v, m4);
        *hi = _mm512_and_si512(_mm512_srli_epi16(v, 4), m4);
    }
#endif
    else {
        const size_t qo = type == RWKV__TYPE_Q4_0 ? 2 : type == RWKV__TYPE_Q4_1 ? 4
                        : type == RWKV__TYPE_Q5_0 ? 6 : 8;
        const __m512i v = rwkv__ld4x16(p + qo, bs);
        *lo = _mm512_and_si512(v, m4);
        *hi = _mm512_and_si512(_mm512_srli_epi16(v, 4), m4);
        if (type == RWKV__TYPE_Q5_0 || type == RWKV__TYPE_Q5_1) {
            const size_t ho = type == RWKV__TYPE_Q5_0 ? 2 : 4;
            uint64_t ml = 0, mh = 0;
            for (j = 0; j < 4; j++) {
                const uint32_t h = rwkv__u32(p + j * bs + ho);
                ml |= (uint64_t)(h & 0xFFFFu) << (16 * j);
                mh |= (uint64_t)(h >> 16) << (16 * j);
            }
            *lo = _mm512_mask_mov_epi8(*lo, (__mmask64)ml,
                                       _mm512_or_si512(*lo, _mm512_set1_epi8(0x10)));
            *hi = _mm512_mask_mov_epi8(*hi, (__mmask64)mh,
                                       _mm512_or_si512(*hi, _mm512_set1_epi8(0x10)));
        }
    }
}

RWKV__INLINE void rwkv__q32_quad_vnni(int type, int R, int NT, __m512i Q[RWKV__QTMAX][RWKV__QTMAX],
                                      const uint8_t *const *w, const rwkv__qact *x, int64_t b,
                                      size_t pf)
{
    const size_t bs = rwkv__qbytes(type);
    const size_t xo = (size_t)(b / 4) * 128;
    __m512i lo[RWKV__QTMAX], hi[RWKV__QTMAX];
    int r, t;
    RWKV__UNROLL for (r = 0; r < R; r++) {
        const uint8_t *p = w[r] + (size_t)b * bs;
#if RWKV__QPF > 0
        if (NT == 1) { RWKV__QPREFETCH(p + pf); RWKV__QPREFETCH(p + pf + 64); }
#endif
        rwkv__q32_unpack4_vnni(type, p, b & 4 ? 2 : 1, &lo[r], &hi[r]);
    }
    RWKV__UNROLL for (t = 0; t < NT; t++) {
        const __m512i XA = _mm512_loadu_si512((const void *)(x[t].q + xo));
        const __m512i XB = _mm512_loadu_si512((const void *)(x[t].q + xo + 64));
        RWKV__UNROLL for (r = 0; r < R; r++)
            Q[r][t] = _mm512_dpbusd_epi32(_mm512_dpbusd_epi32(_mm512_setzero_si512(), lo[r], XA),
                                          hi[r], XB);
    }
}

/* The sums G of the eight blocks b0..b0+7 (b0 % 8 == 0) in lanes 0..7, from two quads: the
   pairs of adjacent lanes of both are added (even + odd lanes, vpermt2d), then the pairs of
   pairs, and each block's sum is the low half of a 64-bit lane (vpmovqd). */
RWKV__INLINE void rwkv__q32_group_vnni(int type, int R, int NT,
                                       __m256i G[RWKV__QTMAX][RWKV__QTMAX],
                                       const uint8_t *const *w, const rwkv__qact *x, int64_t b0,
                                       size_t pf)
{
    const int corr = type == RWKV__TYPE_Q4_0 || type == RWKV__TYPE_Q5_0 || type == RWKV__TYPE_Q8_0;
    const __m512i ev = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const __m512i od = _mm512_setr_epi32(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
    __m512i Q[2][RWKV__QTMAX][RWKV__QTMAX];
    int r, t, k;
    for (k = 0; k < 2; k++) rwkv__q32_quad_vnni(type, R, NT, Q[k], w, x, b0 + 4 * k, pf);
    RWKV__UNROLL for (t = 0; t < NT; t++) {
        const __m256i C = corr ? rwkv__ld256(x[t].corr + b0) : _mm256_setzero_si256();
        RWKV__UNROLL for (r = 0; r < R; r++) {
            __m512i s = _mm512_add_epi32(_mm512_permutex2var_epi32(Q[0][r][t], ev, Q[1][r][t]),
                                         _mm512_permutex2var_epi32(Q[0][r][t], od, Q[1][r][t]));
            s = _mm512_add_epi32(s, _mm512_shuffle_epi32(s, (_MM_PERM_ENUM)0xB1));
            G[r][t] = _mm256_add_epi32(_mm512_cvtepi64_epi32(s), C);
        }
    }
}
#endif /* RWKV__QVNNI */

/* [sum of D[0], .., sum of D[7]] (int32 lanes, exact): blends where a vphaddd tree has
   shuffles (7 shuffles instead of 14; blends run on every vector pipe) */
RWKV__INLINE __m256i rwkv__sum8x8_avx2(const __m256i D[8])
{
    __m256i h[4], q[2];
    int j;
    /* [D[j] halves added | D[j + 4] halves added], 4 lanes each */
    RWKV__UNROLL for (j = 0; j < 4; j++)
        h[j] = _mm256_add_epi32(_mm256_blend_epi32(D[j], D[j + 4], 0xF0),
                                _mm256_permute2x128_si256(D[j], D[j + 4], 0x21));
    /* per 128-bit half [j: 0+1, j+1: 0+1, j: 2+3, j+1: 2+3] */
    RWKV__UNROLL for (j = 0; j < 2; j++)
        q[j] = _mm256_add_epi32(_mm256_blend_epi32(h[2 * j], h[2 * j + 1], 0xAA),
                                _mm256_shuffle_epi32(_mm256_blend_epi32(h[2 * j + 1], h[2 * j], 0xAA),
                                                     0xB1));
    return _mm256_add_epi32(_mm256_blend_epi32(q[0], q[1], 0xCC),
                            _mm256_shuffle_epi32(_mm256_blend_epi32(q[1], q[0], 0xCC), 0x4E));
}
/* Q8_0, one token: each block's 32 levels are one 256-bit load (its payload, bytes 2..33)
   and one 256-bit product (VNNI: vpdpbusd of w ^ 0x80, the correction -128 X undoing the
   offset; AVX2: the sign trick, |w| times x with w's sign, vpmaddubsw and vpmaddwd), whose
   eight lanes rwkv__sum8x8_avx2 brings to one lane per block. The quads above took a load and
   three 128-bit inserts per 64 bytes (two micro-ops each on a Zen 4, whose 512-bit operations
   run as two 256-bit halves: the shuffle pipes were the bound); the AVX2 pairs two inserts
   per two blocks. The token's blocks are put back in value order once per group (its layout
   keeps the quads' halves apart) and shared by the tile's rows. Same integers G, same bits.
   One thread of a Zen 4 VM (`PAIR_THREADS=1 tools/pair.sh -A OLD matmul -- q8_0 512 2048 1 1
   100`, in L2): VNNI 1.15 with a vphaddd tree, 1.25 with the blends (67.6 -> 84.6 GFLOP/s);
   a -march=haswell build 1.22-1.31. From memory (8192 rows, 8 matrices) 0.98-1.06 and whole
   models 0.98-1.02 with the 8-row tiles: the read is the bound (below, RWKV__QMV_R8 on Zen).
   The AVX2 path issues its prefetches between the blocks as the pairs did (all four at the
   start of a row's group: 0.88-0.95 from memory). */
RWKV__INLINE void rwkv__q8_group1(int R, __m256i G[RWKV__QTMAX][RWKV__QTMAX],
                                  const uint8_t *const *w, const rwkv__qact *x, int64_t b0,
                                  size_t pf)
{
#ifdef RWKV__QVNNI
    const __m256i f = _mm256_set1_epi8((char)0x80), z = _mm256_setzero_si256();
    const __m256i C = rwkv__ld256(x[0].corr + b0);
#else
    const __m256i ones = _mm256_set1_epi16(1);
#endif
    __m256i X[8];
    int r, j;
    (void)pf;
    RWKV__UNROLL for (j = 0; j < 8; j++) {
        const int8_t *q = x[0].q + (size_t)(b0 / 4 + j / 4) * 128 + (size_t)(j % 4) * 16;
        X[j] = _mm256_inserti128_si256(_mm256_castsi128_si256(rwkv__ld128(q)),
                                       rwkv__ld128(q + 64), 1);
    }
    RWKV__UNROLL for (r = 0; r < R; r++) {
        const uint8_t *p = w[r] + (size_t)b0 * 34;
        __m256i D[8];
#if defined(RWKV__QVNNI) && RWKV__QPF_Q8 > 0
        RWKV__QPREFETCH(p + pf);
        RWKV__QPREFETCH(p + pf + 64);
        RWKV__QPREFETCH(p + pf + 136);
        RWKV__QPREFETCH(p + pf + 200);
#endif
        RWKV__UNROLL for (j = 0; j < 8; j++) {
            const __m256i v = rwkv__ld256(p + 34 * j + 2);
#if !defined(RWKV__QVNNI) && RWKV__QPF_Q8 > 0
            if ((j & 1) == 0) { /* as rwkv__q32_pair_avx2 */
                RWKV__QPREFETCH(p + 34 * j + pf);
                RWKV__PREFETCH_L1(p + 34 * j + 256);
            }
#endif
#ifdef RWKV__QVNNI
            D[j] = _mm256_dpbusd_epi32(z, _mm256_xor_si256(v, f), X[j]);
#else
            /* the sign trick: |w| (unsigned; -128 -> 128) times x with w's sign */
            D[j] = _mm256_madd_epi16(
                _mm256_maddubs_epi16(_mm256_sign_epi8(v, v), _mm256_sign_epi8(X[j], v)), ones);
#endif
        }
#ifdef RWKV__QVNNI
        G[r][0] = _mm256_add_epi32(rwkv__sum8x8_avx2(D), C);
#else
        G[r][0] = rwkv__sum8x8_avx2(D);
#endif
    }
}

#if defined(__AVX512VBMI__)
/* The f16 field at `off` of the eight blocks p, p + bs, .. p + 7 bs when all eight lie in the
   group's first 128 bytes (Q4_0's d): one byte permutation of two 64-byte loads, where eight
   16-bit inserts were two micro-ops each on a Zen 4 (in-cache Q4_0 matvec, with the nibbles
   below: 1.21). */
#define RWKV__H8_WIN(bs, off) ((off) + 7 * (bs) + 1 < 128)
RWKV__INLINE __m128i rwkv__q32_h8_win(const uint8_t *p, size_t bs, size_t off)
{
#define RWKV__H8_I(j, b) (char)(off + (j) * bs + (b))
    const __m512i idx = _mm512_castsi128_si512(_mm_setr_epi8(
        RWKV__H8_I(0, 0), RWKV__H8_I(0, 1), RWKV__H8_I(1, 0), RWKV__H8_I(1, 1),
        RWKV__H8_I(2, 0), RWKV__H8_I(2, 1), RWKV__H8_I(3, 0), RWKV__H8_I(3, 1),
        RWKV__H8_I(4, 0), RWKV__H8_I(4, 1), RWKV__H8_I(5, 0), RWKV__H8_I(5, 1),
        RWKV__H8_I(6, 0), RWKV__H8_I(6, 1), RWKV__H8_I(7, 0), RWKV__H8_I(7, 1)));
#undef RWKV__H8_I
    return _mm512_castsi512_si128(_mm512_permutex2var_epi8(
        _mm512_loadu_si512((const void *)p), idx, _mm512_loadu_si512((const void *)(p + 64))));
}
#endif

/* f16 field at `off` of blocks p, p + bs, .. (n <= 8 of them; zero after) as 8 floats */
RWKV__INLINE __m256 rwkv__q32_h8(const uint8_t *p, size_t bs, int n, size_t off)
{
    uint16_t h[8] = { 0, 0, 0, 0, 0, 0, 0, 0 };
    int j;
#if defined(__AVX512VBMI__)
    if (n == 8 && RWKV__H8_WIN(bs, off)) return _mm256_cvtph_ps(rwkv__q32_h8_win(p, bs, off));
#endif
    if (n == 8) { /* in a register (eight 2-byte stores and a 16-byte load stall) */
        __m128i v = _mm_cvtsi32_si128((int)rwkv__u16(p + off));
        v = _mm_insert_epi16(v, (int)rwkv__u16(p + bs + off), 1);
        v = _mm_insert_epi16(v, (int)rwkv__u16(p + 2 * bs + off), 2);
        v = _mm_insert_epi16(v, (int)rwkv__u16(p + 3 * bs + off), 3);
        v = _mm_insert_epi16(v, (int)rwkv__u16(p + 4 * bs + off), 4);
        v = _mm_insert_epi16(v, (int)rwkv__u16(p + 5 * bs + off), 5);
        v = _mm_insert_epi16(v, (int)rwkv__u16(p + 6 * bs + off), 6);
        v = _mm_insert_epi16(v, (int)rwkv__u16(p + 7 * bs + off), 7);
        return _mm256_cvtph_ps(v);
    }
    for (j = 0; j < n; j++) h[j] = rwkv__u16(p + (size_t)j * bs + off);
    return _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(const void *)h));
}

/* The tile of R rows x NT tokens for the 32-value formats: out[r * NT + t]. Eight blocks at a
   time: their sums G in lanes 0..7 (lane = b mod 8, the definition's), then one conversion
   and one fused multiply-add for all eight. */
RWKV__INLINE void rwkv__q32_tile_avx2(int type, int R, int NT, float *out, const uint8_t *const *w,
                                      const rwkv__qact *x, int64_t nb)
{
    const size_t bs = rwkv__qbytes(type), pf = RWKV__QPF_AHEAD(type, R, nb);
    const int asym = type == RWKV__TYPE_Q4_1 || type == RWKV__TYPE_Q5_1;
    __m256 acc[RWKV__QTMAX][RWKV__QTMAX];
    int64_t b0;
    int r, t;
    RWKV__UNROLL for (r = 0; r < R; r++)
        RWKV__UNROLL for (t = 0; t < NT; t++) acc[r][t] = _mm256_setzero_ps();
    for (b0 = 0; b0 < nb; b0 += 8) {
        const int n = nb - b0 < 8 ? (int)(nb - b0) : 8;
        __m256i G[RWKV__QTMAX][RWKV__QTMAX];
        __m256 dw[RWKV__QTMAX], mw[RWKV__QTMAX];
        if (n == 8 && type == RWKV__TYPE_Q8_0 && NT == 1) rwkv__q8_group1(R, G, w, x, b0, pf);
#ifdef RWKV__QVNNI
        else if (n == 8) rwkv__q32_group_vnni(type, R, NT, G, w, x, b0, pf);
#endif
        else rwkv__q32_group_avx2(type, R, NT, G, w, x, b0, n, pf);
        RWKV__UNROLL for (r = 0; r < R; r++) {
            const uint8_t *p = w[r] + (size_t)b0 * bs;
            dw[r] = rwkv__q32_h8(p, bs, n, 0);
            mw[r] = asym ? rwkv__q32_h8(p, bs, n, 2) : _mm256_setzero_ps();
        }
        RWKV__UNROLL for (t = 0; t < NT; t++) {
            const __m256 dx = _mm256_loadu_ps(x[t].d + b0);
            const __m256 dsx = asym ? _mm256_loadu_ps(x[t].dsx + b0) : _mm256_setzero_ps();
            RWKV__UNROLL for (r = 0; r < R; r++) {
                __m256 a = _mm256_fmadd_ps(_mm256_cvtepi32_ps(G[r][t]), _mm256_mul_ps(dw[r], dx),
                                           acc[r][t]);
                if (asym) a = _mm256_fmadd_ps(mw[r], dsx, a);
                acc[r][t] = a;
            }
        }
    }
    RWKV__UNROLL for (r = 0; r < R; r++)
        RWKV__UNROLL for (t = 0; t < NT; t++) out[r * NT + t] = rwkv__tree8_avx2(acc[r][t]);
}


RWKV__INLINE float rwkv__h2f_f16c(const uint8_t *p) { return _cvtsh_ss(rwkv__u16(p)); }

/* Q4_K / Q5_K scales of a super-block: S16 = [S0..S7] as int16 in both 128-bit lanes, Md =
   [M0 M0 M1 M1 .. M7 M7] as int16. */
RWKV__INLINE void rwkv__k4_scales_avx2(const uint8_t *sc, __m256i *S16, __m256i *Md)
{
    const uint32_t w0 = rwkv__u32(sc), w1 = rwkv__u32(sc + 4), w2 = rwkv__u32(sc + 8);
    const uint32_t s03 = w0 & 0x3f3f3f3fu,
                   s47 = (w2 & 0x0f0f0f0fu) | (((w0 >> 6) & 0x03030303u) << 4);
    const uint32_t m03 = w1 & 0x3f3f3f3fu,
                   m47 = ((w2 >> 4) & 0x0f0f0f0fu) | (((w1 >> 6) & 0x03030303u) << 4);
    const __m128i sv =
        _mm_cvtepu8_epi16(_mm_cvtsi64_si128((long long)((uint64_t)s03 | ((uint64_t)s47 << 32))));
    __m128i mv = _mm_cvtsi64_si128((long long)((uint64_t)m03 | ((uint64_t)m47 << 32)));
    mv = _mm_shuffle_epi8(mv, _mm_setr_epi8(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7));
    *S16 = _mm256_broadcastsi128_si256(sv);
    *Md = _mm256_cvtepu8_epi16(mv);
}

/* int16 lane s (0..7) of both 128-bit lanes of v, broadcast */
RWKV__INLINE __m256i rwkv__bcast16_avx2(__m256i v, int s)
{
    const __m256i m = _mm256_set1_epi16((short)((2 * s) | ((2 * s + 1) << 8)));
    return _mm256_shuffle_epi8(v, m);
}

/* [sum of a, sum of b, sum of c, sum of d] (int32 lanes; exact) */
RWKV__INLINE __m128i rwkv__hsum4_avx2(__m256i a, __m256i b, __m256i c, __m256i d)
{
    const __m256i h = _mm256_hadd_epi32(_mm256_hadd_epi32(a, b), _mm256_hadd_epi32(c, d));
    return _mm_add_epi32(_mm256_castsi256_si128(h), _mm256_extracti128_si256(h, 1));
}

/* The K formats' float step for four rows (one per lane) of one token: the definition's
   y = fma(I, d dx, y), then y = fma(-Msum, dmin dx, y) when `mins`. */
RWKV__INLINE __m128 rwkv__k_step4(__m128 y, __m128i I, __m128i M, const float *d,
                                  const float *dm, int n, float dx, int mins)
{
    const __m128 vdx = _mm_set1_ps(dx);
    const __m128 vd = _mm_setr_ps(d[0], n > 1 ? d[1] : 0.0f, n > 2 ? d[2] : 0.0f,
                                  n > 3 ? d[3] : 0.0f);
    y = _mm_fmadd_ps(_mm_cvtepi32_ps(I), _mm_mul_ps(vd, vdx), y);
    if (mins) {
        const __m128 vm = _mm_setr_ps(dm[0], n > 1 ? dm[1] : 0.0f, n > 2 ? dm[2] : 0.0f,
                                      n > 3 ? dm[3] : 0.0f);
        y = _mm_fmadd_ps(_mm_cvtepi32_ps(_mm_sub_epi32(_mm_setzero_si128(), M)),
                         _mm_mul_ps(vm, vdx), y);
    }
    return y;
}

/* Integer sums of rows r0..r0+3 (rows >= R: zero) of token t: I[r][t] and the mins' sums
   b16 . Md[r], then the float step. */
#define RWKV__K_REDUCE4(acc4, I, Md, b16, d, dm, R, r0, t, dx, mins)                             \
    do {                                                                                          \
        const __m256i z_ = _mm256_setzero_si256();                                                \
        const int n_ = (R) - (r0) < 4 ? (R) - (r0) : 4;                                           \
        const __m128i i4_ = rwkv__hsum4_avx2(I[r0][t], n_ > 1 ? I[(r0) + 1][t] : z_,              \
                                             n_ > 2 ? I[(r0) + 2][t] : z_,                        \
                                             n_ > 3 ? I[(r0) + 3][t] : z_);                       \
        __m128i m4_ = _mm_setzero_si128();                                                        \
        if (mins)                                                                                 \
            m4_ = rwkv__hsum4_avx2(                                                               \
                _mm256_madd_epi16(b16, Md[r0]),                                                   \
                n_ > 1 ? _mm256_madd_epi16(b16, Md[(r0) + 1]) : z_,                               \
                n_ > 2 ? _mm256_madd_epi16(b16, Md[(r0) + 2]) : z_,                               \
                n_ > 3 ? _mm256_madd_epi16(b16, Md[(r0) + 3]) : z_);                              \
        acc4[(r0) / 4][t] = rwkv__k_step4(acc4[(r0) / 4][t], i4_, m4_, d + (r0), dm + (r0), n_,   \
                                          dx, mins);                                              \
    } while (0)

/* Q6_K: the unsigned levels of chunk m (0..3) of a half super-block, from its low-nibble
   rows a0 (values 0..31 | 64..95) and a1 (32..63 | 96..127) and its high bit pairs hb */
RWKV__INLINE __m256i rwkv__q6k_chunk_avx2(__m256i a0, __m256i a1, __m256i hb, int m)
{
    const __m256i m4 = _mm256_set1_epi8(0x0F);
    switch (m) {
    case 0:
        return _mm256_or_si256(_mm256_and_si256(a0, m4),
                               _mm256_slli_epi16(_mm256_and_si256(hb, _mm256_set1_epi8(0x03)), 4));
    case 1:
        return _mm256_or_si256(_mm256_and_si256(a1, m4),
                               _mm256_slli_epi16(_mm256_and_si256(hb, _mm256_set1_epi8(0x0C)), 2));
    case 2:
        return _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(a0, 4), m4),
                               _mm256_and_si256(hb, _mm256_set1_epi8(0x30)));
    default:
        return _mm256_or_si256(
            _mm256_and_si256(_mm256_srli_epi16(a1, 4), m4),
            _mm256_srli_epi16(_mm256_and_si256(hb, _mm256_set1_epi8((char)0xC0)), 2));
    }
}

/* Q6_K: the int16 scales of chunk m of a half (src: the half's 8 scales in both lanes):
   scale 2m for the chunk's low 16 values, 2m + 1 for its high 16 */
RWKV__INLINE __m256i rwkv__q6k_chunk_scales_avx2(__m256i src, int m)
{
    const __m256i mask = _mm256_setr_epi8(
        (char)(4 * m), (char)(4 * m + 1), (char)(4 * m), (char)(4 * m + 1), (char)(4 * m),
        (char)(4 * m + 1), (char)(4 * m), (char)(4 * m + 1), (char)(4 * m), (char)(4 * m + 1),
        (char)(4 * m), (char)(4 * m + 1), (char)(4 * m), (char)(4 * m + 1), (char)(4 * m),
        (char)(4 * m + 1), (char)(4 * m + 2), (char)(4 * m + 3), (char)(4 * m + 2),
        (char)(4 * m + 3), (char)(4 * m + 2), (char)(4 * m + 3), (char)(4 * m + 2),
        (char)(4 * m + 3), (char)(4 * m + 2), (char)(4 * m + 3), (char)(4 * m + 2),
        (char)(4 * m + 3), (char)(4 * m + 2), (char)(4 * m + 3), (char)(4 * m + 2),
        (char)(4 * m + 3));
    return _mm256_shuffle_epi8(src, mask);
}

/* Q4_K / Q5_K: the levels of chunk c (0..3) of super-block p, *lo = its low nibbles (sub-block
   2c), *hi = its high ones (2c + 1); Q5_K: qh = the super-block's 32 bytes of fifth bits,
   bits 2c and 2c + 1 of each byte moved to bit 4 */
RWKV__INLINE void rwkv__k45_chunk_avx2(int type, const uint8_t *p, __m256i qh, int c,
                                       __m256i *lo, __m256i *hi)
{
    const __m256i m4 = _mm256_set1_epi8(0x0F);
    const __m256i v = rwkv__ld256(p + (type == RWKV__TYPE_Q4_K ? 16 : 48) + 32 * c);
    *lo = _mm256_and_si256(v, m4);
    *hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), m4);
    if (type == RWKV__TYPE_Q5_K) {
        const __m256i b0 = _mm256_and_si256(qh, _mm256_set1_epi8((char)(1 << (2 * c))));
        const __m256i b1 = _mm256_and_si256(qh, _mm256_set1_epi8((char)(2 << (2 * c))));
        *lo = _mm256_or_si256(*lo, 2 * c <= 4 ? _mm256_slli_epi16(b0, 4 - 2 * c)
                                              : _mm256_srli_epi16(b0, 2 * c - 4));
        *hi = _mm256_or_si256(*hi, 2 * c + 1 <= 4 ? _mm256_slli_epi16(b1, 3 - 2 * c)
                                                  : _mm256_srli_epi16(b1, 2 * c - 3));
    }
}

/* The header of K-format super-block p: d, dmin (Q6_K: 0), the scales S16 (Q6_K: [sc0..sc15];
   Q4_K / Q5_K: rwkv__k4_scales_avx2's), the mins Md (Q6_K: 0) and Q5_K's qh (else 0) */
RWKV__INLINE void rwkv__qk_head_avx2(int type, const uint8_t *p, float *d, float *dm,
                                     __m256i *S16, __m256i *Md, __m256i *qh)
{
    if (type == RWKV__TYPE_Q6_K) {
        *d = rwkv__h2f_f16c(p + 208);
        *dm = 0.0f;
        *S16 = _mm256_cvtepi8_epi16(rwkv__ld128(p + 192));
        *Md = *qh = _mm256_setzero_si256();
    } else {
        *d = rwkv__h2f_f16c(p);
        *dm = rwkv__h2f_f16c(p + 2);
        rwkv__k4_scales_avx2(p + 4, S16, Md);
        *qh = type == RWKV__TYPE_Q5_K ? rwkv__ld256(p + 16) : _mm256_setzero_si256();
    }
}

/* Q6_K: the integer sum's start, less the levels' offset 32: -32 * sum of sc_m * (sum of the
   token's values over sub-block m) (b16: those 16-value sums) */
RWKV__INLINE __m256i rwkv__q6k_offset_avx2(__m256i b16, __m256i sc)
{
    return _mm256_sub_epi32(_mm256_setzero_si256(),
                            _mm256_slli_epi32(_mm256_madd_epi16(b16, sc), 5));
}

/* The tile of R rows x NT tokens for Q4_K / Q5_K / Q6_K: out[r * NT + t]. One token (the
   matvec) takes each row's products as soon as its levels are unpacked; blocks of tokens
   unpack every row first and reuse the levels for each token. With one token that order
   kept the levels and scales of all R rows live in 16 registers: 92 stack accesses per Q4_K
   super-block, 67 now; a -march=haswell build on a Zen 4 VM (`CFLAGS="-O3 -march=haswell"
   PAIR_THREADS=1 tools/pair.sh -A OLD matmul -- TYPE ROWS 2048 1 M N`): in L2 Q4_K 1.07, Q5_K
   1.39, Q6_K 1.31; from memory Q4_K 1.03, Q5_K 1.38, Q6_K 1.00-1.03; whole model v7 1.5B
   Q4_K_M 1.055 (one thread). Same integers, same bits. */
RWKV__INLINE void rwkv__qk_tile_avx2(int type, int R, int NT, float *out, const uint8_t *const *w,
                                     const rwkv__qact *x, int64_t ns)
{
    const size_t bs = rwkv__qbytes(type), pf = RWKV__QPF_AHEAD(type, R, ns);
    __m128 acc4[RWKV__QTMAX / 4 + 1][RWKV__QTMAX]; /* row r: lane r % 4 of acc4[r / 4][t] */
    int64_t sb;
    int r, t, c;
    (void)pf;
    RWKV__UNROLL for (t = 0; t < NT; t++)
        RWKV__UNROLL for (r = 0; r < R; r += 4) acc4[r / 4][t] = _mm_setzero_ps();
    for (sb = 0; sb < ns; sb++) {
        __m256i I[RWKV__QTMAX][RWKV__QTMAX], Md[RWKV__QTMAX];
        float d[RWKV__QTMAX], dm[RWKV__QTMAX];
        if (NT == 1) {
            const int8_t *xq = x[0].q + sb * 256;
            const __m256i b16 = rwkv__ld256(x[0].bs + 16 * sb);
            RWKV__UNROLL for (r = 0; r < R; r++) {
                const uint8_t *p = w[r] + (size_t)sb * bs;
                __m256i acc, S, qh;
#if RWKV__QPF > 0
                RWKV__QPREFETCH(p + pf);
                RWKV__QPREFETCH(p + pf + 64);
                RWKV__QPREFETCH(p + pf + 128);
                if (bs > 192) RWKV__QPREFETCH(p + pf + 192);
#endif
                rwkv__qk_head_avx2(type, p, &d[r], &dm[r], &S, &Md[r], &qh);
                if (type == RWKV__TYPE_Q6_K) {
                    int h, m;
                    acc = rwkv__q6k_offset_avx2(b16, S);
                    for (h = 0; h < 2; h++) {
                        const __m256i a0 = rwkv__ld256(p + 64 * h),
                                      a1 = rwkv__ld256(p + 64 * h + 32),
                                      hb = rwkv__ld256(p + 128 + 32 * h);
                        const __m256i src = h ? _mm256_permute4x64_epi64(S, 0xEE)
                                              : _mm256_permute4x64_epi64(S, 0x44);
                        for (m = 0; m < 4; m++)
                            acc = RWKV__MADD_ADD256(acc,
                                _mm256_maddubs_epi16(rwkv__q6k_chunk_avx2(a0, a1, hb, m),
                                                     rwkv__ld256(xq + 128 * h + 32 * m)),
                                rwkv__q6k_chunk_scales_avx2(src, m));
                    }
                } else {
                    acc = _mm256_setzero_si256();
                    for (c = 0; c < 4; c++) {
                        __m256i lo, hi;
                        rwkv__k45_chunk_avx2(type, p, qh, c, &lo, &hi);
                        acc = RWKV__MADD_ADD256(acc,
                            _mm256_maddubs_epi16(lo, rwkv__ld256(xq + 64 * c)),
                            rwkv__bcast16_avx2(S, 2 * c));
                        acc = RWKV__MADD_ADD256(acc,
                            _mm256_maddubs_epi16(hi, rwkv__ld256(xq + 64 * c + 32)),
                            rwkv__bcast16_avx2(S, 2 * c + 1));
                    }
                }
                I[r][0] = acc;
            }
        } else {
            __m256i S16[RWKV__QTMAX], qh[RWKV__QTMAX];
            RWKV__UNROLL for (r = 0; r < R; r++)
                rwkv__qk_head_avx2(type, w[r] + (size_t)sb * bs, &d[r], &dm[r], &S16[r], &Md[r],
                                   &qh[r]);
            RWKV__UNROLL for (t = 0; t < NT; t++) {
                const __m256i b16 = rwkv__ld256(x[t].bs + 16 * sb);
                RWKV__UNROLL for (r = 0; r < R; r++)
                    I[r][t] = type == RWKV__TYPE_Q6_K ? rwkv__q6k_offset_avx2(b16, S16[r])
                                                      : _mm256_setzero_si256();
            }
            if (type == RWKV__TYPE_Q6_K) {
                int h;
                for (h = 0; h < 2; h++) {
                    __m256i q[RWKV__QTMAX][4], sv[RWKV__QTMAX][4];
                    RWKV__UNROLL for (r = 0; r < R; r++) {
                        const uint8_t *p = w[r] + (size_t)sb * bs;
                        const __m256i a0 = rwkv__ld256(p + 64 * h),
                                      a1 = rwkv__ld256(p + 64 * h + 32),
                                      hb = rwkv__ld256(p + 128 + 32 * h);
                        /* the 8 scales of this half in both lanes */
                        const __m256i src = h ? _mm256_permute4x64_epi64(S16[r], 0xEE)
                                              : _mm256_permute4x64_epi64(S16[r], 0x44);
                        int m;
                        for (m = 0; m < 4; m++) {
                            q[r][m] = rwkv__q6k_chunk_avx2(a0, a1, hb, m);
                            sv[r][m] = rwkv__q6k_chunk_scales_avx2(src, m);
                        }
                    }
                    RWKV__UNROLL for (t = 0; t < NT; t++) {
                        const int8_t *xq = x[t].q + sb * 256 + 128 * h;
                        int m;
                        for (m = 0; m < 4; m++) {
                            const __m256i X = rwkv__ld256(xq + 32 * m);
                            RWKV__UNROLL for (r = 0; r < R; r++) I[r][t] = RWKV__MADD_ADD256(
                                I[r][t], _mm256_maddubs_epi16(q[r][m], X), sv[r][m]);
                        }
                    }
                }
            } else {
                for (c = 0; c < 4; c++) {
                    __m256i lo[RWKV__QTMAX], hi[RWKV__QTMAX], s0[RWKV__QTMAX], s1[RWKV__QTMAX];
                    RWKV__UNROLL for (r = 0; r < R; r++) {
                        rwkv__k45_chunk_avx2(type, w[r] + (size_t)sb * bs, qh[r], c, &lo[r],
                                             &hi[r]);
                        s0[r] = rwkv__bcast16_avx2(S16[r], 2 * c);
                        s1[r] = rwkv__bcast16_avx2(S16[r], 2 * c + 1);
                    }
                    RWKV__UNROLL for (t = 0; t < NT; t++) {
                        const int8_t *xq = x[t].q + sb * 256 + 64 * c;
                        const __m256i X0 = rwkv__ld256(xq), X1 = rwkv__ld256(xq + 32);
                        RWKV__UNROLL for (r = 0; r < R; r++) {
                            I[r][t] = RWKV__MADD_ADD256(I[r][t], _mm256_maddubs_epi16(lo[r], X0), s0[r]);
                            I[r][t] = RWKV__MADD_ADD256(I[r][t], _mm256_maddubs_epi16(hi[r], X1), s1[r]);
                        }
                    }
                }
            }
        }
        RWKV__UNROLL for (t = 0; t < NT; t++) {
            const float dx = x[t].d[sb];
            const __m256i b16 = rwkv__ld256(x[t].bs + 16 * sb);
            RWKV__UNROLL for (r = 0; r < R; r += 4)
                RWKV__K_REDUCE4(acc4, I, Md, b16, d, dm, R, r, t, dx, type != RWKV__TYPE_Q6_K);
        }
    }
    RWKV__UNROLL for (r = 0; r < R; r++) RWKV__UNROLL for (t = 0; t < NT; t++) {
        float y[4];
        _mm_storeu_ps(y, acc4[r / 4][t]);
        out[r * NT + t] = y[r % 4];
    }
}

#ifdef RWKV__QVNNI
/* Four 16-byte rows, one per 128-bit lane (p0 in lane 0). */
RWKV__INLINE __m512i rwkv__ld4x128(const uint8_t *p0, const uint8_t *p1, const uint8_t *p2,
                                   const uint8_t *p3)
{
    __m512i v = _mm512_castsi128_si512(rwkv__ld128(p0));
    v = _mm512_inserti32x4(v, rwkv__ld128(p1), 1);
    v = _mm512_inserti32x4(v, rwkv__ld128(p2), 2);
    return _mm512_inserti32x4(v, rwkv__ld128(p3), 3);
}

/* [sum of a, sum of b, sum of c, sum of d] (16 int32 lanes each; exact): pairs of lanes
   interleaved and added, then pairs of pairs, then the four 128-bit lanes */
RWKV__INLINE __m128i rwkv__hsum4_512(__m512i a, __m512i b, __m512i c, __m512i d)
{
    const __m512i ab = _mm512_add_epi32(_mm512_unpacklo_epi32(a, b), _mm512_unpackhi_epi32(a, b));
    const __m512i cd = _mm512_add_epi32(_mm512_unpacklo_epi32(c, d), _mm512_unpackhi_epi32(c, d));
    const __m512i s =
        _mm512_add_epi32(_mm512_unpacklo_epi64(ab, cd), _mm512_unpackhi_epi64(ab, cd));
    const __m256i h = _mm256_add_epi32(_mm512_castsi512_si256(s), _mm512_extracti64x4_epi64(s, 1));
    return _mm_add_epi32(_mm256_castsi256_si128(h), _mm256_extracti128_si256(h, 1));
}

/* The sums of the four int32 of each 128-bit lane of v, lane j in element j */
RWKV__INLINE __m128i rwkv__lanesum4_512(__m512i v)
{
    v = _mm512_add_epi32(v, _mm512_shuffle_epi32(v, (_MM_PERM_ENUM)0x4E));
    v = _mm512_add_epi32(v, _mm512_shuffle_epi32(v, (_MM_PERM_ENUM)0xB1));
    const __m512i first = _mm512_castsi128_si512(_mm_setr_epi32(0, 4, 8, 12));
    return _mm512_castsi512_si128(_mm512_permutexvar_epi32(first, v));
}

/* Q4_K / Q5_K super-block headers of four rows, one per 128-bit lane: [d | dmin, w0, w1, w2]
   (w: the 12 scale bytes) -> [s03, s47, m03, m47], the bytes S0..S7 then M0..M7:
   rwkv__k4_scales_avx2's unpacking, for four rows in one register */
RWKV__INLINE __m512i rwkv__k4_sm4(__m512i h)
{
    /* U = [w0 w2 w1 w2], V = [w0 w0 w1 w1] per lane */
    const __m512i U = _mm512_shuffle_epi32(h, (_MM_PERM_ENUM)_MM_SHUFFLE(3, 2, 3, 1));
    const __m512i V = _mm512_shuffle_epi32(h, (_MM_PERM_ENUM)_MM_SHUFFLE(2, 2, 1, 1));
    const __m512i lo =
        _mm512_and_si512(_mm512_srlv_epi32(U, _mm512_set4_epi32(4, 0, 0, 0)),
                         _mm512_set4_epi32(0x0f0f0f0f, 0x3f3f3f3f, 0x0f0f0f0f, 0x3f3f3f3f));
    /* bits 6-7 of each byte of w0 (w1) -> bits 4-5 of s4..s7 (m4..m7) */
    const __m512i hi = _mm512_and_si512(_mm512_srli_epi32(V, 2),
                                        _mm512_set4_epi32(0x30303030, 0, 0x30303030, 0));
    return _mm512_or_si512(lo, hi);
}

/* AVX-512 VNNI tile for Q4_K and Q5_K: each 512-bit load holds two 32-byte chunks of a
   super-block, so one vector of low nibbles is sub-blocks [2c | 2c+2] and one of high
   nibbles [2c+1 | 2c+3] (Q5_K: each sub-block's fifth bit from qh, bit s of byte l for
   sub-block s, moved to bit 4 by a shift per 256-bit half);
   vpmaddubsw gives pairs of products and vpdpwssd multiplies them by the sub-block's scale
   (broadcast per 256-bit half) into 16 int32 lanes: integers, so the same I as the AVX2 tile
   with about half the instructions. Rows go in groups of four through the rest: their
   headers (d, dmin, scales, mins) are unpacked in one register, one row per 128-bit lane,
   and their sums and float steps are vectors of four rows (one scalar decode per row and
   the stack round trips of its four lanes cost more than the products: the tile ran
   compute-bound at ~21 GB/s on a Zen 5).
   One token (the matvec) takes each row's products as soon as its levels and scales are
   unpacked; blocks of tokens unpack every row first and reuse them for each token. With one
   token that order kept the levels and scales of the tile's 4 rows live at once, 32
   vectors, and gcc spilled them (39 stack accesses per super-block in the Q4_K loop, 3
   now). Same bits. One thread of a Zen 4 VM (`PAIR_THREADS=1 tools/pair.sh -A OLD matmul
   -- TYPE ROWS 2048 1 M N`): in L2 (512 rows, 1 matrix) Q4_K 1.10-1.12 (88 -> 97 GFLOP/s);
   from memory (8192 rows, 8 matrices) Q4_K 1.12, Q5_K 1.29; whole model v7 1.5B Q4_K_M
   1.063 (one thread) / 1.037 (two), v4 1.183 (one), v6 1.051 / 1.099 (with Q6_K's tile,
   below). The same order for the 32-value formats' tile (both quads of a row, then its sum
   and float step) was not kept: Q4_0 0.96, Q8_0 1.02. */

/* The levels of super-block p: *L0 = sub-blocks [0 | 2], *H0 = [1 | 3], *L1 = [4 | 6], *H1 =
   [5 | 7] (q5: Q5_K, its fifth bits or'ed in) */
RWKV__INLINE void rwkv__k45_levels4_vnni(int q5, const uint8_t *p, __m512i *L0, __m512i *H0,
                                         __m512i *L1, __m512i *H1)
{
    const __m512i m4 = _mm512_set1_epi8(0x0F);
    const size_t qs = q5 ? 48 : 16; /* the nibbles; Q5_K's qh (32 bytes) at 16 */
    const __m512i v0 = _mm512_loadu_si512((const void *)(p + qs)),
                  v1 = _mm512_loadu_si512((const void *)(p + qs + 64));
    *L0 = _mm512_and_si512(v0, m4);
    *H0 = _mm512_and_si512(_mm512_srli_epi16(v0, 4), m4);
    *L1 = _mm512_and_si512(v1, m4);
    *H1 = _mm512_and_si512(_mm512_srli_epi16(v1, 4), m4);
    if (q5) {
        /* bit s of qh to bit 4, per 256-bit half: [0 | 2] left 4, 2; [1 | 3] left 3, 1;
           [4 | 6] right 0, 2; [5 | 7] right 1, 3 */
        const __m512i hl0 = _mm512_inserti64x4(_mm512_set1_epi16(4), _mm256_set1_epi16(2), 1);
        const __m512i hh0 = _mm512_inserti64x4(_mm512_set1_epi16(3), _mm256_set1_epi16(1), 1);
        const __m512i hl1 = _mm512_inserti64x4(_mm512_set1_epi16(0), _mm256_set1_epi16(2), 1);
        const __m512i hh1 = _mm512_inserti64x4(_mm512_set1_epi16(1), _mm256_set1_epi16(3), 1);
        const __m512i b4 = _mm512_set1_epi8(0x10);
        const __m512i qh = _mm512_broadcast_i64x4(rwkv__ld256(p + 16));
        *L0 = _mm512_or_si512(*L0, _mm512_and_si512(_mm512_sllv_epi16(qh, hl0), b4));
        *H0 = _mm512_or_si512(*H0, _mm512_and_si512(_mm512_sllv_epi16(qh, hh0), b4));
        *L1 = _mm512_or_si512(*L1, _mm512_and_si512(_mm512_srlv_epi16(qh, hl1), b4));
        *H1 = _mm512_or_si512(*H1, _mm512_and_si512(_mm512_srlv_epi16(qh, hh1), b4));
    }
}

/* The headers of rows p0..p3 (their super-blocks at offset o): *S16 = each row's eight int16
   scales in its 128-bit lane, *M16 = its mins likewise, *d4, *dm4 = the four d and dmin */
RWKV__INLINE void rwkv__k45_head4_vnni(const uint8_t *const *p, size_t o, __m512i *S16,
                                       __m512i *M16, __m128 *d4, __m128 *dm4)
{
    /* bytes 0..7 (the scales) and 8..15 (the mins) of each 128-bit lane as int16 */
    const __m512i sx = _mm512_broadcast_i32x4(
        _mm_setr_epi8(0, -1, 1, -1, 2, -1, 3, -1, 4, -1, 5, -1, 6, -1, 7, -1));
    const __m512i mx = _mm512_broadcast_i32x4(
        _mm_setr_epi8(8, -1, 9, -1, 10, -1, 11, -1, 12, -1, 13, -1, 14, -1, 15, -1));
    /* words d0 d1 d2 d3 dmin0 .. dmin3 of the four headers */
    const __m512i di = _mm512_castsi128_si512(_mm_setr_epi16(0, 8, 16, 24, 1, 9, 17, 25));
    const __m512i h = rwkv__ld4x128(p[0] + o, p[1] + o, p[2] + o, p[3] + o);
    const __m512i sm = rwkv__k4_sm4(h);
    const __m256 dd = _mm256_cvtph_ps(_mm512_castsi512_si128(_mm512_permutexvar_epi16(di, h)));
    *S16 = _mm512_shuffle_epi8(sm, sx);
    *M16 = _mm512_shuffle_epi8(sm, mx);
    *d4 = _mm256_castps256_ps128(dd);
    *dm4 = _mm256_extractf128_ps(dd, 1);
}

/* Token t's side of super-block sb: X = its values as sub-blocks [0 | 2], [1 | 3], [4 | 6],
   [5 | 7]; *b8 = the sums of its eight sub-blocks (pairs of the 16-value sums) in every
   128-bit lane */
RWKV__INLINE void rwkv__k45_x_vnni(const rwkv__qact *x, int64_t sb, __m512i X[4], __m512i *b8)
{
    const int8_t *xq = x->q + sb * 256;
    const __m512i X01 = _mm512_loadu_si512((const void *)xq),
                  X23 = _mm512_loadu_si512((const void *)(xq + 64)),
                  X45 = _mm512_loadu_si512((const void *)(xq + 128)),
                  X67 = _mm512_loadu_si512((const void *)(xq + 192));
    X[0] = _mm512_shuffle_i64x2(X01, X23, 0x44);
    X[1] = _mm512_shuffle_i64x2(X01, X23, 0xEE);
    X[2] = _mm512_shuffle_i64x2(X45, X67, 0x44);
    X[3] = _mm512_shuffle_i64x2(X45, X67, 0xEE);
    *b8 = _mm512_broadcast_i32x4(_mm256_cvtepi32_epi16(
        _mm256_madd_epi16(rwkv__ld256(x->bs + 16 * sb), _mm256_set1_epi16(1))));
}

/* A row's integer sum I of one super-block: levels times tokens, times the sub-blocks'
   scales (S[k]: the scale of each pair of products of X[k]) */
RWKV__INLINE __m512i rwkv__k45_dot_vnni(__m512i L0, __m512i H0, __m512i L1, __m512i H1,
                                        const __m512i X[4], __m512i S02, __m512i S13,
                                        __m512i S46, __m512i S57)
{
    __m512i I = _mm512_dpwssd_epi32(_mm512_setzero_si512(), _mm512_maddubs_epi16(L0, X[0]), S02);
    I = _mm512_dpwssd_epi32(I, _mm512_maddubs_epi16(H0, X[1]), S13);
    I = _mm512_dpwssd_epi32(I, _mm512_maddubs_epi16(L1, X[2]), S46);
    return _mm512_dpwssd_epi32(I, _mm512_maddubs_epi16(H1, X[3]), S57);
}

/* The definition's float step for four rows of one token, y = fma(I, d dx, y), y = fma(-Msum,
   dmin dx, y): I0..I3 their integer sums, M16 their mins (rwkv__k45_head4_vnni) */
RWKV__INLINE __m128 rwkv__k45_step4_vnni(__m128 y, __m512i I0, __m512i I1, __m512i I2,
                                         __m512i I3, __m512i M16, __m512i b8, __m128 d4,
                                         __m128 dm4, __m128 vdx)
{
    const __m128i i4 = rwkv__hsum4_512(I0, I1, I2, I3);
    const __m128i ms = rwkv__lanesum4_512(_mm512_madd_epi16(M16, b8));
    y = _mm_fmadd_ps(_mm_cvtepi32_ps(i4), _mm_mul_ps(d4, vdx), y);
    return _mm_fmadd_ps(_mm_cvtepi32_ps(_mm_sub_epi32(_mm_setzero_si128(), ms)),
                        _mm_mul_ps(dm4, vdx), y);
}

RWKV__INLINE void rwkv__k45_tile_vnni(int type, int R, int NT, float *out,
                                      const uint8_t *const *w, const rwkv__qact *x, int64_t ns)
{
    const size_t bs = rwkv__qbytes(type), pf = RWKV__QPF_AHEAD(type, R, ns);
    const int q5 = type == RWKV__TYPE_Q5_K;
    const __m512i z = _mm512_setzero_si512();
    __m128 acc4[RWKV__QTMAX / 4][RWKV__QTMAX]; /* row r: lane r % 4 of acc4[r / 4][t] */
    int64_t sb;
    int r, t, g;
    (void)pf;
    RWKV__UNROLL for (t = 0; t < NT; t++)
        RWKV__UNROLL for (g = 0; g < (R + 3) / 4; g++) acc4[g][t] = _mm_setzero_ps();
    for (sb = 0; sb < ns; sb++) {
        const size_t o = (size_t)sb * bs;
        if (NT == 1) {
            /* a row's eight int16 scales to [s | s + 2] per 256-bit half, s = 0, 1, 4, 5:
               in-lane byte shuffles after a broadcast of its lane (Zen 4 VM: in-cache Q4_K
               matvec 1.07 against vpermw) */
            const __m512i c02 = _mm512_inserti64x4(_mm512_set1_epi16(0x0100), _mm256_set1_epi16(0x0504), 1);
            const __m512i c13 = _mm512_inserti64x4(_mm512_set1_epi16(0x0302), _mm256_set1_epi16(0x0706), 1);
            const __m512i c46 = _mm512_inserti64x4(_mm512_set1_epi16(0x0908), _mm256_set1_epi16(0x0D0C), 1);
            const __m512i c57 = _mm512_inserti64x4(_mm512_set1_epi16(0x0B0A), _mm256_set1_epi16(0x0F0E), 1);
            const __m128 vdx = _mm_set1_ps(x[0].d[sb]);
            __m512i X[4], b8;
            rwkv__k45_x_vnni(&x[0], sb, X, &b8);
            RWKV__UNROLL for (g = 0; g < (R + 3) / 4; g++) {
                __m512i S16, M16, I4[4];
                __m128 d4, dm4;
                int j;
                /* w[] holds RWKV__QTMAX rows (short tiles repeat the last), so four always load */
                rwkv__k45_head4_vnni(w + 4 * g, o, &S16, &M16, &d4, &dm4);
                RWKV__UNROLL for (j = 0; j < 4; j++) {
                    const uint8_t *p = w[4 * g + j] + o;
                    __m512i Sj, L0, H0, L1, H1;
                    I4[j] = z;
                    if (4 * g + j >= R) continue;
                    Sj = j == 0 ? _mm512_shuffle_i32x4(S16, S16, 0x00)
                       : j == 1 ? _mm512_shuffle_i32x4(S16, S16, 0x55)
                       : j == 2 ? _mm512_shuffle_i32x4(S16, S16, 0xAA)
                                : _mm512_shuffle_i32x4(S16, S16, 0xFF);
#if RWKV__QPF > 0
                    RWKV__QPREFETCH(p + pf);
                    RWKV__QPREFETCH(p + pf + 64);
                    RWKV__QPREFETCH(p + pf + 128);
#endif
                    rwkv__k45_levels4_vnni(q5, p, &L0, &H0, &L1, &H1);
                    I4[j] = rwkv__k45_dot_vnni(L0, H0, L1, H1, X, _mm512_shuffle_epi8(Sj, c02),
                                               _mm512_shuffle_epi8(Sj, c13),
                                               _mm512_shuffle_epi8(Sj, c46),
                                               _mm512_shuffle_epi8(Sj, c57));
                }
                acc4[g][0] = rwkv__k45_step4_vnni(acc4[g][0], I4[0], I4[1], I4[2], I4[3], M16,
                                                  b8, d4, dm4, vdx);
            }
        } else {
            /* the scales to [s | s + 2] per 256-bit half: word indices for vpermw (in-lane
               shuffles as above: 0.98 here) */
            const __m512i i02 = _mm512_inserti64x4(_mm512_set1_epi16(0), _mm256_set1_epi16(2), 1);
            const __m512i i13 = _mm512_inserti64x4(_mm512_set1_epi16(1), _mm256_set1_epi16(3), 1);
            const __m512i i46 = _mm512_inserti64x4(_mm512_set1_epi16(4), _mm256_set1_epi16(6), 1);
            const __m512i i57 = _mm512_inserti64x4(_mm512_set1_epi16(5), _mm256_set1_epi16(7), 1);
            __m512i L0[RWKV__QTMAX], H0[RWKV__QTMAX], L1[RWKV__QTMAX], H1[RWKV__QTMAX];
            __m512i S02[RWKV__QTMAX], S13[RWKV__QTMAX], S46[RWKV__QTMAX], S57[RWKV__QTMAX];
            __m512i M16[RWKV__QTMAX / 4];
            __m128 d4[RWKV__QTMAX / 4], dm4[RWKV__QTMAX / 4];
            RWKV__UNROLL for (g = 0; g < (R + 3) / 4; g++) {
                __m512i S16;
                int j;
                rwkv__k45_head4_vnni(w + 4 * g, o, &S16, &M16[g], &d4[g], &dm4[g]);
                RWKV__UNROLL for (j = 0; j < 4; j++) {
                    const __m512i o8 = _mm512_set1_epi16((short)(8 * j));
                    if (4 * g + j >= R) break;
                    S02[4 * g + j] = _mm512_permutexvar_epi16(_mm512_add_epi16(i02, o8), S16);
                    S13[4 * g + j] = _mm512_permutexvar_epi16(_mm512_add_epi16(i13, o8), S16);
                    S46[4 * g + j] = _mm512_permutexvar_epi16(_mm512_add_epi16(i46, o8), S16);
                    S57[4 * g + j] = _mm512_permutexvar_epi16(_mm512_add_epi16(i57, o8), S16);
                }
            }
            RWKV__UNROLL for (r = 0; r < R; r++)
                rwkv__k45_levels4_vnni(q5, w[r] + o, &L0[r], &H0[r], &L1[r], &H1[r]);
            RWKV__UNROLL for (t = 0; t < NT; t++) {
                const __m128 vdx = _mm_set1_ps(x[t].d[sb]);
                __m512i X[4], b8, I[RWKV__QTMAX];
                rwkv__k45_x_vnni(&x[t], sb, X, &b8);
                RWKV__UNROLL for (r = 0; r < R; r++)
                    I[r] = rwkv__k45_dot_vnni(L0[r], H0[r], L1[r], H1[r], X, S02[r], S13[r],
                                              S46[r], S57[r]);
                RWKV__UNROLL for (g = 0; g < (R + 3) / 4; g++)
                    acc4[g][t] = rwkv__k45_step4_vnni(
                        acc4[g][t], I[4 * g], 4 * g + 1 < R ? I[4 * g + 1] : z,
                        4 * g + 2 < R ? I[4 * g + 2] : z, 4 * g + 3 < R ? I[4 * g + 3] : z,
                        M16[g], b8, d4[g], dm4[g], vdx);
            }
        }
    }
    RWKV__UNROLL for (r = 0; r < R; r++) RWKV__UNROLL for (t = 0; t < NT; t++) {
        float y[4];
        _mm_storeu_ps(y, acc4[r / 4][t]);
        out[r * NT + t] = y[r % 4];
    }
}
/* Q6_K super-block p, half h (values 128h .. 128h + 127), as unsigned levels q in value
   order: *qa = values 0..63 of the half, *qb = 64..127 (rwkv__decode_k's layout: 64 bytes of
   low nibbles, 32 of high bit pairs) */
RWKV__INLINE void rwkv__q6k_levels_512(const uint8_t *p, int h, __m512i *qa, __m512i *qb)
{
    const __m512i m4 = _mm512_set1_epi8(0x0F);
    /* values 0..63 of a half take high bits 0-1 (<< 4) then 2-3 (<< 2); 64..127 bits 4-5
       (in place) then 6-7 (>> 2): per 256-bit half, a mask and a shift */
    const __m512i mk01 = _mm512_inserti64x4(_mm512_set1_epi8(0x03), _mm256_set1_epi8(0x0C), 1);
    const __m512i sh01 = _mm512_inserti64x4(_mm512_set1_epi16(4), _mm256_set1_epi16(2), 1);
    const __m512i mk23 =
        _mm512_inserti64x4(_mm512_set1_epi8(0x30), _mm256_set1_epi8((char)0xC0), 1);
    const __m512i sh23 = _mm512_inserti64x4(_mm512_set1_epi16(0), _mm256_set1_epi16(2), 1);
    const __m512i A = _mm512_loadu_si512((const void *)(p + 64 * h));
    const __m512i H = _mm512_broadcast_i64x4(rwkv__ld256(p + 128 + 32 * h));
    *qa = _mm512_or_si512(_mm512_and_si512(A, m4),
                          _mm512_sllv_epi16(_mm512_and_si512(H, mk01), sh01));
    *qb = _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi16(A, 4), m4),
                          _mm512_srlv_epi16(_mm512_and_si512(H, mk23), sh23));
}

/* Q4_K / Q5_K super-block p, chunks 2h and 2h + 1 (values 128h .. 128h + 127) as unsigned
   levels: *lo = the low nibbles, sub-blocks [4h | 4h + 2], *hi = the high ones, [4h + 1 |
   4h + 3]; Q5_K's fifth bits (qh at p + 16) or'ed in */
RWKV__INLINE void rwkv__k45_levels_512(int type, const uint8_t *p, int h, __m512i *lo,
                                       __m512i *hi)
{
    const __m512i m4 = _mm512_set1_epi8(0x0F);
    const __m512i v = _mm512_loadu_si512(
        (const void *)(p + (type == RWKV__TYPE_Q4_K ? 16 : 48) + 64 * h));
    *lo = _mm512_and_si512(v, m4);
    *hi = _mm512_and_si512(_mm512_srli_epi16(v, 4), m4);
    if (type == RWKV__TYPE_Q5_K) {
        const __m512i H = _mm512_broadcast_i64x4(rwkv__ld256(p + 16));
        const __m512i bl = _mm512_inserti64x4(_mm512_set1_epi8((char)(1 << (4 * h))),
                                              _mm256_set1_epi8((char)(4 << (4 * h))), 1);
        const __m512i bh = _mm512_inserti64x4(_mm512_set1_epi8((char)(2 << (4 * h))),
                                              _mm256_set1_epi8((char)(8 << (4 * h))), 1);
        const __m512i b16 = _mm512_set1_epi8(0x10);
        *lo = _mm512_or_si512(*lo, _mm512_maskz_mov_epi8(_mm512_test_epi8_mask(H, bl), b16));
        *hi = _mm512_or_si512(*hi, _mm512_maskz_mov_epi8(_mm512_test_epi8_mask(H, bh), b16));
    }
}

/* Q6_K: a row's sixteen int16 scales sv (low 256 bits) as the scale of each pair of
   products of level vector q (0..3, rwkv__q6k_levels_512; every 128-bit lane one 16-value
   scale) */
RWKV__INLINE __m512i rwkv__q6k_scale_vnni(__m512i sv, int q)
{
    /* scale word of each 128-bit lane: 16-value groups 4q .. 4q + 3 */
    const __m512i g0 = _mm512_set_epi32(0x00030003, 0x00030003, 0x00030003, 0x00030003,
                                        0x00020002, 0x00020002, 0x00020002, 0x00020002,
                                        0x00010001, 0x00010001, 0x00010001, 0x00010001, 0, 0, 0, 0);
    return _mm512_permutexvar_epi16(_mm512_add_epi16(g0, _mm512_set1_epi16((short)(4 * q))), sv);
}

/* Q6_K: a row's integer sum I less the levels' offset 32: 32 * sum of sc_m * (sum of the
   token's values over sub-block m) (b16: those 16-value sums; sc: the row's scales) */
RWKV__INLINE __m512i rwkv__q6k_offset_vnni(__m512i I, __m256i b16, __m256i sc)
{
    const __m256i c = _mm256_slli_epi32(_mm256_madd_epi16(b16, sc), 5);
    return _mm512_mask_sub_epi32(I, 0x00FF, I, _mm512_castsi256_si512(c));
}

/* AVX-512 VNNI tile for Q6_K: a half super-block (128 values) is 64 bytes of low nibbles and
   32 of high bits; one 512-bit vector holds its values 0..63 and another 64..127 (each in
   natural order, so the activations load as they are), every 128-bit lane one 16-value
   scale. Same integer I_k as the AVX2 tile. One token takes each row's products as soon as
   its levels are unpacked (as rwkv__k45_tile_vnni): one thread of a Zen 4 VM, in L2 (512 x
   2048) 1.17 (67 -> 78 GFLOP/s), from memory (8192 x 2048, 8 matrices) 1.15. */
RWKV__INLINE void rwkv__q6k_tile_vnni(int R, int NT, float *out, const uint8_t *const *w,
                                      const rwkv__qact *x, int64_t ns)
{
    const size_t bs = rwkv__qbytes(RWKV__TYPE_Q6_K),
                 pf = RWKV__QPF_AHEAD(RWKV__TYPE_Q6_K, R, ns);
    const __m512i z = _mm512_setzero_si512();
    __m128 acc4[RWKV__QTMAX / 4][RWKV__QTMAX]; /* row r: lane r % 4 of acc4[r / 4][t] */
    int64_t sb;
    int r, t, g;
    RWKV__UNROLL for (t = 0; t < NT; t++)
        RWKV__UNROLL for (g = 0; g < (R + 3) / 4; g++) acc4[g][t] = _mm_setzero_ps();
    for (sb = 0; sb < ns; sb++) {
        __m512i Q[RWKV__QTMAX][4], S[RWKV__QTMAX][4];
        __m256i S16[RWKV__QTMAX];
        __m128 d4[RWKV__QTMAX / 4];
        RWKV__UNROLL for (g = 0; g < (R + 3) / 4; g++) {
            /* the four rows' d (w[] holds RWKV__QTMAX rows; short tiles repeat the last) */
            const size_t o = (size_t)sb * bs + 208;
            __m128i h = _mm_cvtsi32_si128((int)rwkv__u16(w[4 * g] + o));
            h = _mm_insert_epi16(h, (int)rwkv__u16(w[4 * g + 1] + o), 1);
            h = _mm_insert_epi16(h, (int)rwkv__u16(w[4 * g + 2] + o), 2);
            h = _mm_insert_epi16(h, (int)rwkv__u16(w[4 * g + 3] + o), 3);
            d4[g] = _mm_cvtph_ps(h);
        }
        if (NT == 1) { /* one token: each row's levels used as soon as they are unpacked */
            const int8_t *xq = x[0].q + sb * 256;
            const __m256i b16 = rwkv__ld256(x[0].bs + 16 * sb);
            const __m128 vdx = _mm_set1_ps(x[0].d[sb]);
            __m512i X[4], I[RWKV__QTMAX];
            int q;
            for (q = 0; q < 4; q++) X[q] = _mm512_loadu_si512((const void *)(xq + 64 * q));
            RWKV__UNROLL for (r = 0; r < R; r++) {
                const uint8_t *p = w[r] + (size_t)sb * bs;
                const __m512i sv =
                    _mm512_castsi256_si512(_mm256_cvtepi8_epi16(rwkv__ld128(p + 192)));
                int h;
#if RWKV__QPF > 0
                RWKV__QPREFETCH(p + pf);
                RWKV__QPREFETCH(p + pf + 64);
                RWKV__QPREFETCH(p + pf + 128);
                RWKV__QPREFETCH(p + pf + 192);
#endif
                I[r] = z;
                for (h = 0; h < 2; h++) {
                    __m512i qa, qb;
                    rwkv__q6k_levels_512(p, h, &qa, &qb);
                    I[r] = _mm512_dpwssd_epi32(I[r], _mm512_maddubs_epi16(qa, X[2 * h]),
                                               rwkv__q6k_scale_vnni(sv, 2 * h));
                    I[r] = _mm512_dpwssd_epi32(I[r], _mm512_maddubs_epi16(qb, X[2 * h + 1]),
                                               rwkv__q6k_scale_vnni(sv, 2 * h + 1));
                }
                I[r] = rwkv__q6k_offset_vnni(I[r], b16, _mm512_castsi512_si256(sv));
            }
            RWKV__UNROLL for (g = 0; g < (R + 3) / 4; g++) {
                const __m128i i4 = rwkv__hsum4_512(I[4 * g], 4 * g + 1 < R ? I[4 * g + 1] : z,
                                                   4 * g + 2 < R ? I[4 * g + 2] : z,
                                                   4 * g + 3 < R ? I[4 * g + 3] : z);
                acc4[g][0] = _mm_fmadd_ps(_mm_cvtepi32_ps(i4), _mm_mul_ps(d4[g], vdx), acc4[g][0]);
            }
            continue;
        }
        RWKV__UNROLL for (r = 0; r < R; r++) {
            const uint8_t *p = w[r] + (size_t)sb * bs;
            const __m512i sv = _mm512_castsi256_si512(_mm256_cvtepi8_epi16(rwkv__ld128(p + 192)));
            int h;
            S16[r] = _mm512_castsi512_si256(sv);
            for (h = 0; h < 2; h++) {
                rwkv__q6k_levels_512(p, h, &Q[r][2 * h], &Q[r][2 * h + 1]);
                S[r][2 * h] = rwkv__q6k_scale_vnni(sv, 2 * h);
                S[r][2 * h + 1] = rwkv__q6k_scale_vnni(sv, 2 * h + 1);
            }
        }
        RWKV__UNROLL for (t = 0; t < NT; t++) {
            const int8_t *xq = x[t].q + sb * 256;
            const __m256i b16 = rwkv__ld256(x[t].bs + 16 * sb);
            const __m128 vdx = _mm_set1_ps(x[t].d[sb]);
            __m512i X[4], I[RWKV__QTMAX];
            int q;
            for (q = 0; q < 4; q++) X[q] = _mm512_loadu_si512((const void *)(xq + 64 * q));
            RWKV__UNROLL for (r = 0; r < R; r++) {
                I[r] = z;
                for (q = 0; q < 4; q++)
                    I[r] = _mm512_dpwssd_epi32(I[r], _mm512_maddubs_epi16(Q[r][q], X[q]), S[r][q]);
                I[r] = rwkv__q6k_offset_vnni(I[r], b16, S16[r]);
            }
            RWKV__UNROLL for (g = 0; g < (R + 3) / 4; g++) {
                const __m128i i4 = rwkv__hsum4_512(I[4 * g], 4 * g + 1 < R ? I[4 * g + 1] : z,
                                                   4 * g + 2 < R ? I[4 * g + 2] : z,
                                                   4 * g + 3 < R ? I[4 * g + 3] : z);
                acc4[g][t] = _mm_fmadd_ps(_mm_cvtepi32_ps(i4), _mm_mul_ps(d4[g], vdx), acc4[g][t]);
            }
        }
    }
    RWKV__UNROLL for (r = 0; r < R; r++) RWKV__UNROLL for (t = 0; t < NT; t++) {
        float y[4];
        _mm_storeu_ps(y, acc4[r / 4][t]);
        out[r * NT + t] = y[r % 4];
    }
}
#define RWKV__QK_TILE(type, R, NT, out, w, x, n)                                                  \
    do {                                                                                          \
        if ((type) == RWKV__TYPE_Q4_K || (type) == RWKV__TYPE_Q5_K)                               \
            rwkv__k45_tile_vnni(type, R, NT, out, w, x, n);                                       \
        else if ((type) == RWKV__TYPE_Q6_K) rwkv__q6k_tile_vnni(R, NT, out, w, x, n);             \
        else rwkv__qk_tile_avx2(type, R, NT, out, w, x, n);                                       \
    } while (0)
#else
#define RWKV__QK_TILE rwkv__qk_tile_avx2
#endif

#define RWKV__QTILE(type, R, NT, out, w, x, n)                                                    \
    do {                                                                                          \
        if (rwkv__qblock(type) == 32) rwkv__q32_tile_avx2(type, R, NT, out, w, x, n);             \
        else RWKV__QK_TILE(type, R, NT, out, w, x, n);                                           \
    } while (0)
#define rwkv__quant_act_simd rwkv__quant_act_avx2
#endif /* RWKV__QAVX2 */

#ifdef RWKV__QNEON
/* ---- NEON ------------------------------------------------------------------------------------ */
/* The definition's 8 float lanes are two float32x4 (lanes 0..3 and 4..7); with dotprod the
   block sums come from vdotq_s32 (4 consecutive int8 products per lane) and one vaddvq,
   otherwise from vmull_s8 and pairwise adds: integers, so the same values either way. Activations are
   quantized by the scalar code (rwkv__quant_act). */
#define rwkv__quant_act_simd rwkv__quant_act

/* lane i = sum of a[4i..4i+3] * b[4i..4i+3] (16 int8 each) */
RWKV__INLINE int32x4_t rwkv__dot4_neon(int32x4_t acc, int8x16_t a, int8x16_t b)
{
#ifdef __ARM_FEATURE_DOTPROD
    return vdotq_s32(acc, a, b);
#else
    const int16x8_t p0 = vmull_s8(vget_low_s8(a), vget_low_s8(b));
    const int16x8_t p1 = vmull_s8(vget_high_s8(a), vget_high_s8(b));
    return vaddq_s32(acc, vpaddq_s32(vpaddlq_s16(p0), vpaddlq_s16(p1)));
#endif
}

/* lane i = sum over {4i..4i+3} of a*b plus sum over the same of c*d (the definition's G_i) */
RWKV__INLINE int32x4_t rwkv__dot4x2_neon(int32x4_t acc, int8x16_t a, int8x16_t b, int8x16_t c,
                                         int8x16_t d)
{
#ifdef __ARM_FEATURE_DOTPROD
    return vdotq_s32(vdotq_s32(acc, a, b), c, d);
#else
    /* each int16 is at most 2 * 128 * 127 in magnitude: no overflow */
    const int16x8_t s0 = vaddq_s16(vmull_s8(vget_low_s8(a), vget_low_s8(b)),
                                   vmull_s8(vget_low_s8(c), vget_low_s8(d)));
    const int16x8_t s1 = vaddq_s16(vmull_s8(vget_high_s8(a), vget_high_s8(b)),
                                   vmull_s8(vget_high_s8(c), vget_high_s8(d)));
    return vaddq_s32(acc, vpaddq_s32(vpaddlq_s16(s0), vpaddlq_s16(s1)));
#endif
}

RWKV__INLINE float rwkv__h2f_neon(const uint8_t *p)
{
    return vgetq_lane_f32(vcvt_f32_f16(vreinterpret_f16_u16(vdup_n_u16(rwkv__rd16(p)))), 0);
}

/* 16 bits of h (from bit 0) -> 16 bytes, 0x10 where set */
RWKV__INLINE uint8x16_t rwkv__bits16_neon(uint32_t h)
{
    static const uint8_t bit[16] = { 1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128 };
    const uint8x16_t v = vcombine_u8(vdup_n_u8((uint8_t)h), vdup_n_u8((uint8_t)(h >> 8)));
    return vandq_u8(vtstq_u8(v, vld1q_u8(bit)), vdupq_n_u8(0x10));
}

RWKV__INLINE float rwkv__tree8_neon(float32x4_t a, float32x4_t b)
{
    const float32x4_t q = vaddq_f32(a, b);
    const float32x2_t h = vadd_f32(vget_low_f32(q), vget_high_f32(q));
    return vget_lane_f32(h, 0) + vget_lane_f32(h, 1);
}

RWKV__INLINE void rwkv__q32_tile_neon(int type, int R, int NT, float *out, const uint8_t *const *w,
                                      const rwkv__qact *x, int64_t nb)
{
    const size_t bs = rwkv__qbytes(type), pf = RWKV__QPF_AHEAD(type, R, nb);
    const int asym = type == RWKV__TYPE_Q4_1 || type == RWKV__TYPE_Q5_1;
    const int corr = type == RWKV__TYPE_Q4_0 || type == RWKV__TYPE_Q5_0;
    float32x4_t acc[RWKV__QTMAX][RWKV__QTMAX][2];
    int64_t b0;
    int r, t, j;
    (void)pf;
    RWKV__UNROLL for (r = 0; r < R; r++)
        RWKV__UNROLL for (t = 0; t < NT; t++) acc[r][t][0] = acc[r][t][1] = vdupq_n_f32(0.0f);
    /* four blocks at a time: their sums G into lanes (b mod 8) of one half of the lanes */
    for (b0 = 0; b0 < nb; b0 += 4) {
        const int n = nb - b0 < 4 ? (int)(nb - b0) : 4, half = (int)((b0 / 4) & 1);
        int32_t gs[RWKV__QTMAX][RWKV__QTMAX][4];
        float dw[RWKV__QTMAX][4], mw[RWKV__QTMAX][4];
        RWKV__UNROLL for (r = 0; r < R; r++) {
            for (j = 0; j < 4; j++) dw[r][j] = mw[r][j] = 0.0f;
            RWKV__UNROLL for (t = 0; t < NT; t++) for (j = 0; j < 4; j++) gs[r][t][j] = 0;
        }
        for (j = 0; j < n; j++) {
            const int64_t b = b0 + j;
            int8x16_t lo[RWKV__QTMAX], hi[RWKV__QTMAX];
            RWKV__UNROLL for (r = 0; r < R; r++) {
                const uint8_t *p = w[r] + (size_t)b * bs;
#if RWKV__QPF > 0
                if (NT == 1 && (b & 1) == 0) RWKV__PREFETCH(p + pf);
#endif
                dw[r][j] = rwkv__h2f_neon(p);
                if (asym) mw[r][j] = rwkv__h2f_neon(p + 2);
                if (type == RWKV__TYPE_Q8_0) {
                    lo[r] = vld1q_s8((const int8_t *)(const void *)(p + 2));
                    hi[r] = vld1q_s8((const int8_t *)(const void *)(p + 18));
                } else {
                    const size_t qo = type == RWKV__TYPE_Q4_0 ? 2 : type == RWKV__TYPE_Q4_1 ? 4
                                    : type == RWKV__TYPE_Q5_0 ? 6 : 8;
                    const uint8x16_t v = vld1q_u8(p + qo);
                    uint8x16_t l = vandq_u8(v, vdupq_n_u8(0x0F)), h = vshrq_n_u8(v, 4);
                    if (type == RWKV__TYPE_Q5_0 || type == RWKV__TYPE_Q5_1) {
                        const uint32_t qh = rwkv__rd32(p + (type == RWKV__TYPE_Q5_0 ? 2 : 4));
                        l = vorrq_u8(l, rwkv__bits16_neon(qh));
                        h = vorrq_u8(h, rwkv__bits16_neon(qh >> 16));
                    }
                    lo[r] = vreinterpretq_s8_u8(l);
                    hi[r] = vreinterpretq_s8_u8(h);
                }
            }
            RWKV__UNROLL for (t = 0; t < NT; t++) {
                const int8x16_t XL = vld1q_s8(x[t].q + rwkv__quad_pos(b, 0));
                const int8x16_t XH = vld1q_s8(x[t].q + rwkv__quad_pos(b, 16));
                RWKV__UNROLL for (r = 0; r < R; r++) gs[r][t][j] = vaddvq_s32(
                    rwkv__dot4x2_neon(vdupq_n_s32(0), lo[r], XL, hi[r], XH));
            }
        }
        RWKV__UNROLL for (t = 0; t < NT; t++) {
            const float32x4_t dx = vld1q_f32(x[t].d + b0);
            const int32x4_t C = corr ? vld1q_s32(x[t].corr + b0) : vdupq_n_s32(0);
            const float32x4_t dsx = asym ? vld1q_f32(x[t].dsx + b0) : vdupq_n_f32(0.0f);
            RWKV__UNROLL for (r = 0; r < R; r++) {
                const int32x4_t G = vaddq_s32(vld1q_s32(gs[r][t]), C);
                float32x4_t a = acc[r][t][half];
                a = vfmaq_f32(a, vcvtq_f32_s32(G), vmulq_f32(vld1q_f32(dw[r]), dx));
                if (asym) a = vfmaq_f32(a, vld1q_f32(mw[r]), dsx);
                acc[r][t][half] = a;
            }
        }
    }
    RWKV__UNROLL for (r = 0; r < R; r++) RWKV__UNROLL for (t = 0; t < NT; t++) out[r * NT + t] =
        rwkv__tree8_neon(acc[r][t][0], acc[r][t][1]);
}

RWKV__INLINE void rwkv__qk_tile_neon(int type, int R, int NT, float *out, const uint8_t *const *w,
                                     const rwkv__qact *x, int64_t ns)
{
    const size_t bs = rwkv__qbytes(type), pf = RWKV__QPF_AHEAD(type, R, ns);
    const uint8x16_t m4 = vdupq_n_u8(0x0F);
    float acc[RWKV__QTMAX][RWKV__QTMAX];
    int64_t sb;
    int r, t;
    (void)pf;
    RWKV__UNROLL for (r = 0; r < R; r++) RWKV__UNROLL for (t = 0; t < NT; t++) acc[r][t] = 0.0f;
    for (sb = 0; sb < ns; sb++) {
        int32x4_t I[RWKV__QTMAX][RWKV__QTMAX][2];
        int S[RWKV__QTMAX][16], M[RWKV__QTMAX][8];
        float d[RWKV__QTMAX], dm[RWKV__QTMAX];
        RWKV__UNROLL for (r = 0; r < R; r++) {
            const uint8_t *p = w[r] + (size_t)sb * bs;
            int j;
#if RWKV__QPF > 0
            if (NT == 1) {
                RWKV__PREFETCH(p + pf);
                RWKV__PREFETCH(p + pf + 64);
                RWKV__PREFETCH(p + pf + 128);
                if (bs > 192) RWKV__PREFETCH(p + pf + 192);
            }
#endif
            if (type == RWKV__TYPE_Q6_K) {
                for (j = 0; j < 16; j++) S[r][j] = (int8_t)p[192 + j];
                d[r] = rwkv__h2f_neon(p + 208);
                dm[r] = 0.0f;
            } else {
                for (j = 0; j < 8; j++) rwkv__k4_scale_min(j, p + 4, &S[r][j], &M[r][j]);
                d[r] = rwkv__h2f_neon(p);
                dm[r] = rwkv__h2f_neon(p + 2);
            }
        }
        RWKV__UNROLL for (t = 0; t < NT; t++) {
            const int16_t *b16 = x[t].bs + 16 * sb;
            RWKV__UNROLL for (r = 0; r < R; r++) {
                if (type == RWKV__TYPE_Q6_K) {
                    int c0[8], k;
                    for (k = 0; k < 8; k++)
                        c0[k] = -32 * (S[r][2 * k] * b16[2 * k] + S[r][2 * k + 1] * b16[2 * k + 1]);
                    I[r][t][0] = vld1q_s32(c0);
                    I[r][t][1] = vld1q_s32(c0 + 4);
                } else {
                    I[r][t][0] = I[r][t][1] = vdupq_n_s32(0);
                }
            }
        }
        if (type == RWKV__TYPE_Q6_K) {
            int h, m;
            for (h = 0; h < 2; h++)
                for (m = 0; m < 4; m++) {
                    const int j = 4 * h + m;
                    int8x16_t q0[RWKV__QTMAX], q1[RWKV__QTMAX];
                    RWKV__UNROLL for (r = 0; r < R; r++) {
                        const uint8_t *p = w[r] + (size_t)sb * bs;
                        const uint8_t *A = p + 64 * h + (m & 1) * 32, *Bh = p + 128 + 32 * h;
                        const uint8x16_t a0 = vld1q_u8(A), a1 = vld1q_u8(A + 16);
                        const uint8x16_t b0 = vld1q_u8(Bh), b1 = vld1q_u8(Bh + 16);
                        const int8x16_t sh = vdupq_n_s8((int8_t)(-2 * m));
                        uint8x16_t l0 = m < 2 ? vandq_u8(a0, m4) : vshrq_n_u8(a0, 4);
                        uint8x16_t l1 = m < 2 ? vandq_u8(a1, m4) : vshrq_n_u8(a1, 4);
                        l0 = vorrq_u8(l0, vshlq_n_u8(vandq_u8(vshlq_u8(b0, sh), vdupq_n_u8(3)), 4));
                        l1 = vorrq_u8(l1, vshlq_n_u8(vandq_u8(vshlq_u8(b1, sh), vdupq_n_u8(3)), 4));
                        q0[r] = vreinterpretq_s8_u8(l0);
                        q1[r] = vreinterpretq_s8_u8(l1);
                    }
                    RWKV__UNROLL for (t = 0; t < NT; t++) {
                        const int8_t *xq = x[t].q + sb * 256 + 32 * j;
                        const int8x16_t x0 = vld1q_s8(xq), x1 = vld1q_s8(xq + 16);
                        RWKV__UNROLL for (r = 0; r < R; r++) {
                            I[r][t][0] =
                                vmlaq_n_s32(I[r][t][0], rwkv__dot4_neon(vdupq_n_s32(0), q0[r], x0),
                                            S[r][2 * j]);
                            I[r][t][1] =
                                vmlaq_n_s32(I[r][t][1], rwkv__dot4_neon(vdupq_n_s32(0), q1[r], x1),
                                            S[r][2 * j + 1]);
                        }
                    }
                }
        } else {
            int s;
            for (s = 0; s < 8; s++) {
                const int c = s / 2;
                int8x16_t q0[RWKV__QTMAX], q1[RWKV__QTMAX];
                RWKV__UNROLL for (r = 0; r < R; r++) {
                    const uint8_t *p = w[r] + (size_t)sb * bs;
                    const uint8_t *qs = p + (type == RWKV__TYPE_Q4_K ? 16 : 48) + 32 * c;
                    const uint8x16_t v0 = vld1q_u8(qs), v1 = vld1q_u8(qs + 16);
                    uint8x16_t l0 = (s & 1) ? vshrq_n_u8(v0, 4) : vandq_u8(v0, m4);
                    uint8x16_t l1 = (s & 1) ? vshrq_n_u8(v1, 4) : vandq_u8(v1, m4);
                    if (type == RWKV__TYPE_Q5_K) {
                        const int8x16_t sh = vdupq_n_s8((int8_t)-s);
                        const uint8x16_t h0 = vld1q_u8(p + 16), h1 = vld1q_u8(p + 32);
                        l0 = vorrq_u8(l0, vshlq_n_u8(vandq_u8(vshlq_u8(h0, sh), vdupq_n_u8(1)), 4));
                        l1 = vorrq_u8(l1, vshlq_n_u8(vandq_u8(vshlq_u8(h1, sh), vdupq_n_u8(1)), 4));
                    }
                    q0[r] = vreinterpretq_s8_u8(l0);
                    q1[r] = vreinterpretq_s8_u8(l1);
                }
                RWKV__UNROLL for (t = 0; t < NT; t++) {
                    const int8_t *xq = x[t].q + sb * 256 + 32 * s;
                    const int8x16_t x0 = vld1q_s8(xq), x1 = vld1q_s8(xq + 16);
                    RWKV__UNROLL for (r = 0; r < R; r++) {
                        I[r][t][0] = vmlaq_n_s32(
                            I[r][t][0], rwkv__dot4_neon(vdupq_n_s32(0), q0[r], x0), S[r][s]);
                        I[r][t][1] = vmlaq_n_s32(
                            I[r][t][1], rwkv__dot4_neon(vdupq_n_s32(0), q1[r], x1), S[r][s]);
                    }
                }
            }
        }
        RWKV__UNROLL for (t = 0; t < NT; t++) {
            const float dx = x[t].d[sb];
            const int16_t *b16 = x[t].bs + 16 * sb;
            RWKV__UNROLL for (r = 0; r < R; r++) {
                const int Isum = vaddvq_s32(vaddq_s32(I[r][t][0], I[r][t][1]));
                acc[r][t] = fmaf((float)Isum, d[r] * dx, acc[r][t]);
                if (type != RWKV__TYPE_Q6_K) {
                    int msum = 0, s;
                    for (s = 0; s < 8; s++) msum += M[r][s] * (b16[2 * s] + b16[2 * s + 1]);
                    acc[r][t] = fmaf((float)(-msum), dm[r] * dx, acc[r][t]);
                }
            }
        }
    }
    RWKV__UNROLL for (r = 0; r < R; r++) RWKV__UNROLL for (t = 0; t < NT; t++) out[r * NT + t] =
        acc[r][t];
}

#define RWKV__QTILE(type, R, NT, out, w, x, n)                                                    \
    do {                                                                                          \
        if (rwkv__qblock(type) == 32) rwkv__q32_tile_neon(type, R, NT, out, w, x, n);             \
        else rwkv__qk_tile_neon(type, R, NT, out, w, x, n);                                       \
    } while (0)
#endif /* RWKV__QNEON */

/* ---- AMX: prompt blocks of the 32-value formats ------------------------------------------ */
/* A block's sum G is an integer, so any unit may compute it: here TDPBSSD (signed levels:
   Q8_0, Q4_0 and Q5_0 as q - 8 and q - 16) or TDPBUSD (Q4_1, Q5_1), 16 weight rows x 32 levels times 32 values x 16 tokens = the G of 256
   (row, token) pairs per instruction. The float part is the definition's, vectorized over
   the 16 tokens of a tile: lane b mod 8 of each (row, token), the same tree at the end, so
   the bits are rwkv__qdot_scalar's. The tokens are laid out for the tiles once per product
   (rwkv__amx_pack, after the quantization): per tile of 16 tokens and block, RWKV__AMX_BLK
   bytes: the B tile (8 rows: values 4k..4k+3 of each of the 16 tokens), the 16 scales dx,
   the 16 d * X (Q4_1 Q5_1; unused otherwise). */
#define RWKV__AMX_MIN_T 16 /* blocks of fewer tokens keep the VNNI register tiles */
#define RWKV__AMX_BLK 640  /* 512 + 64 + 64 */
#define RWKV__AMXK_BLK 4416 /* the K formats' (rwkv__amx_rows_k): 4096 + 64 + 256 */

/* Bytes of the AMX layout of T tokens (after the T quantized tokens in the scratch). */
static size_t rwkv__amx_pack_bytes(int type, int64_t cols, int T)
{
#ifdef RWKV__QVNNI
    if (T >= RWKV__AMX_MIN_T)
        return (size_t)((T + 15) / 16) *
               (rwkv__qblock(type) == 32 ? (size_t)(cols / 32) * RWKV__AMX_BLK
                                         : (size_t)(cols / 256) * RWKV__AMXK_BLK);
#endif
    (void)type; (void)cols; (void)T;
    return 0;
}

#ifdef RWKV__QAMX
/* 1 when this process may use the AMX tile registers (asks the kernel; idempotent, ~1 us). */
static int rwkv__amx_request(void)
{
    long ret;
    /* arch_prctl(ARCH_REQ_XCOMP_PERM = 0x1023, XFEATURE_XTILEDATA = 18); a raw system call
       because strict C99 headers do not declare syscall() */
    __asm__ __volatile__("syscall" : "=a"(ret) : "a"(158L), "D"(0x1023L), "S"(18L)
                         : "rcx", "r11", "memory");
    return ret == 0;
}
#endif

#ifdef RWKV__QVNNI
/* Tile g (tokens 16 g .. 16 g + 15) of the AMX layout of T quantized tokens (acts, `stride`
   bytes apart) into pack: per block, RWKV__AMX_BLK bytes (32-value formats, above) or
   RWKV__AMXK_BLK (K formats, at rwkv__amx_rows_k). The last tile is padded with copies of
   token T - 1. */
static void rwkv__amx_pack(int type, int64_t cols, const char *acts, size_t stride, int T,
                           uint8_t *pack, int g)
{
    const int kf = rwkv__qblock(type) == 256;
    const int64_t nb = cols / rwkv__qblock(type);
    const size_t bb = kf ? RWKV__AMXK_BLK : RWKV__AMX_BLK;
    const int asym = type == RWKV__TYPE_Q4_1 || type == RWKV__TYPE_Q5_1;
    const rwkv__qact a0 = rwkv__qact_at(type, cols, (void *)acts);
    uint8_t *base = pack + (size_t)g * (size_t)nb * bb;
    int n, k;
    int64_t b;
    for (n = 0; n < 16; n++) {
        const int t = g * 16 + n < T ? g * 16 + n : T - 1;
        const rwkv__qact a = rwkv__qact_shift(&a0, (size_t)t * stride);
        for (b = 0; b < nb; b++) {
            uint8_t *pb = base + (size_t)b * bb;
            if (kf) {
                const int16_t *bs = a.bs + 16 * b;
                for (k = 0; k < 64; k++) memcpy(pb + 64 * k + 4 * n, a.q + b * 256 + 4 * k, 4);
                memcpy(pb + 4096 + 4 * n, a.d + b, 4);
                for (k = 0; k < 8; k++) {
                    const int16_t s = (int16_t)(bs[2 * k] + bs[2 * k + 1]);
                    memcpy(pb + 4160 + 64 * (k / 2) + 4 * n + 2 * (k % 2), &s, 2);
                }
            } else {
                for (k = 0; k < 8; k++) memcpy(pb + 64 * k + 4 * n, a.q + rwkv__quad_pos(b, 4 * k), 4);
                memcpy(pb + 512 + 4 * n, a.d + b, 4);
                if (asym) memcpy(pb + 576 + 4 * n, a.dsx + b, 4);
            }
        }
    }
}
#endif /* RWKV__QVNNI */

#ifdef RWKV__QAMX
/* Y[t0 + n][r + m] = a[m][n] for m < 16, n < nt: the 16 x 16 block of sums (rows x tokens,
   as the tiles give them) transposed in registers, one 64-byte store per token. */
static void rwkv__amx_store16(float *Y, int64_t rows, const float (*a)[16], int64_t r, int64_t t0,
                              int nt)
{
    __m512 x[16], t[16];
    int i;
    RWKV__UNROLL16 for (i = 0; i < 16; i++) x[i] = _mm512_loadu_ps(a[i]);
    rwkv__tr16(x, t);
    for (i = 0; i < nt; i++) _mm512_storeu_ps(Y + (t0 + i) * rows + r, t[i]);
}

typedef struct rwkv__amx_cfg {
    uint8_t palette, start_row, reserved[14];
    uint16_t colsb[16];
    uint8_t rows[16];
} rwkv__amx_cfg;

#define RWKV__AMX_KB 32  /* blocks per pass (the A tiles of a pass: 16 KiB) */
#define RWKV__AMX_TG 4   /* tiles of 16 tokens per pass (the A tiles are laid out once for them) */

/* Rows [r0, r1) (a multiple of 16 of them) x tokens [0, T) from the AMX layout `pack`. Per
   pass of RWKV__AMX_KB blocks the 16 rows' levels are laid out as A tiles (Q4_0 / Q5_0 as
   signed q - 8 / q - 16; the next 16 rows' blocks are prefetched meanwhile), then multiplied
   by each of up to four tiles of tokens (below). Stack: ~55 KiB (the lanes of four tiles of
   tokens: 32 KiB). */
static void rwkv__amx_rows(float *Y, const uint8_t *W, int type, int64_t rows, int64_t cols,
                           const uint8_t *pack, int T, int64_t r0, int64_t r1)
{
    const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols), bs = rwkv__qbytes(type);
    const int64_t nb = cols / 32;
    const int asym = type == RWKV__TYPE_Q4_1 || type == RWKV__TYPE_Q5_1;
    /* Q4_0 / Q5_0: the A tiles hold the signed levels q - 8 / q - 16 (TDPBSSD), so the sums
       need no offset correction */
    const int q8 = type == RWKV__TYPE_Q8_0;
    const __m512i voff = _mm512_set1_epi8((char)(type == RWKV__TYPE_Q4_0 ? 8 : type == RWKV__TYPE_Q5_0 ? 16 : 0));
    rwkv__amx_cfg cfg;
    uint8_t abuf[RWKV__AMX_KB][16][32];          /* A tiles: 16 rows x 32 levels per block */
    float dwf[RWKV__AMX_KB][16], mwf[RWKV__AMX_KB][16];
    int32_t cb8[8][16][16];                      /* C tiles of 8 blocks: G of 16 rows x 16 tokens */
    float acc[RWKV__AMX_TG][8][16][16];          /* lanes A[b mod 8] of 16 rows x 16 tokens */
    int64_t r, k0;
    int g0, g, m;
    memset(&cfg, 0, sizeof cfg);
    cfg.palette = 1;
    for (g = 0; g < 2; g++) { cfg.colsb[g] = 64; cfg.rows[g] = 16; }
    cfg.colsb[4] = cfg.colsb[5] = 32; cfg.rows[4] = cfg.rows[5] = 16;
    cfg.colsb[6] = cfg.colsb[7] = 64; cfg.rows[6] = cfg.rows[7] = 8;
    _tile_loadconfig(&cfg);
    for (r = r0; r + 16 <= r1; r += 16)
        for (g0 = 0; g0 * 16 < T; g0 += RWKV__AMX_TG) {
            const int ng = (T - g0 * 16 + 15) / 16 < RWKV__AMX_TG ? (T - g0 * 16 + 15) / 16
                                                                  : RWKV__AMX_TG;
            memset(acc, 0, sizeof acc);
            for (k0 = 0; k0 < nb; k0 += RWKV__AMX_KB) {
                const int kn = nb - k0 < RWKV__AMX_KB ? (int)(nb - k0) : RWKV__AMX_KB;
                int kb;
                for (m = 0; m < 16; m++) {
                    const uint8_t *row = W + (size_t)(r + m) * rowb + (size_t)k0 * bs;
                    if (r + 16 < r1 && g0 == 0) { /* the next 16 rows' same blocks, to L2 */
                        size_t o;
                        for (o = 0; o < (size_t)kn * bs; o += 64) RWKV__PREFETCH(row + 16 * rowb + o);
                    }
                    for (kb = 0; kb < kn; kb++) {
                        const uint8_t *p = row + (size_t)kb * bs;
                        dwf[kb][m] = rwkv__h2f_f16c(p);
                        if (asym) mwf[kb][m] = rwkv__h2f_f16c(p + 2);
                    }
                    /* levels, four blocks per 512-bit unpack: [lo_j | hi_j] per block j */
                    for (kb = 0; q8 && kb < kn; kb++) /* Q8_0: the levels as they are */
                        _mm256_storeu_si256((__m256i *)(void *)abuf[kb][m],
                                            rwkv__ld256(row + (size_t)kb * bs + 2));
                    for (kb = 0; !q8 && kb + 4 <= kn; kb += 4) {
                        __m512i lo, hi, t0, t1;
                        rwkv__q32_unpack4_vnni(type, row + (size_t)kb * bs, 0, &lo, &hi);
                        t0 = _mm512_permutex2var_epi64(lo, _mm512_setr_epi64(0, 1, 8, 9, 2, 3, 10, 11), hi);
                        t1 = _mm512_permutex2var_epi64(lo, _mm512_setr_epi64(4, 5, 12, 13, 6, 7, 14, 15), hi);
                        t0 = _mm512_sub_epi8(t0, voff);
                        t1 = _mm512_sub_epi8(t1, voff);
                        _mm256_storeu_si256((__m256i *)(void *)abuf[kb][m], _mm512_castsi512_si256(t0));
                        _mm256_storeu_si256((__m256i *)(void *)abuf[kb + 1][m], _mm512_extracti64x4_epi64(t0, 1));
                        _mm256_storeu_si256((__m256i *)(void *)abuf[kb + 2][m], _mm512_castsi512_si256(t1));
                        _mm256_storeu_si256((__m256i *)(void *)abuf[kb + 3][m], _mm512_extracti64x4_epi64(t1, 1));
                    }
                    for (; !q8 && kb < kn; kb++) {
                        __m256i lo, hi;
                        __m256 dw, mw;
                        rwkv__q32_unpack_avx2(type, row + (size_t)kb * bs, 0, &lo, &hi, &dw, &mw);
                        _mm_storeu_si128((__m128i *)(void *)abuf[kb][m],
                                         _mm_sub_epi8(_mm256_castsi256_si128(lo), _mm512_castsi512_si128(voff)));
                        _mm_storeu_si128((__m128i *)(void *)(abuf[kb][m] + 16),
                                         _mm_sub_epi8(_mm256_castsi256_si128(hi), _mm512_castsi512_si128(voff)));
                    }
                }
                /* per tile of 16 tokens, the blocks in lane order (those with b mod 8 = 0
                   first, each lane's in increasing b: the definition's order within a lane),
                   so a lane's 16 rows of sums stay in registers; block i's products (C tile
                   i % 2, A and B tiles 4 + i % 2, 6 + i % 2) run while block i - 1's float
                   part is computed from the other C tile */
                for (g = 0; g < ng; g++) {
                    const uint8_t *pg = pack + ((size_t)(g0 + g) * (size_t)nb + (size_t)k0) * RWKV__AMX_BLK;
                    int ord[RWKV__AMX_KB], i, n = 0, j, Lc = -1;
                    __m512 R[16];
                    for (j = 0; j < 8; j++)
                        for (kb = j; kb < kn; kb += 8) ord[n++] = kb;
                    RWKV__UNROLL16 for (m = 0; m < 16; m++) R[m] = _mm512_setzero_ps();
/* block ord[i_]'s products into C tile c (A tile a, B tile b), stored to cb8[s_]: tile
   numbers must be constants */
#define RWKV__AMX_TDP(c, a, b, i_)                                                               \
    do {                                                                                          \
        _tile_zero(c);                                                                            \
        _tile_loadd(a, abuf[ord[i_]], 32);                                                        \
        _tile_loadd(b, pg + (size_t)ord[i_] * RWKV__AMX_BLK, 64);                                 \
        if (!asym) _tile_dpbssd(c, a, b); else _tile_dpbusd(c, a, b);                             \
    } while (0)
/* block ord[i_]'s float part from cb8[s_] into lane (k0 + ord[i_]) mod 8, kept in R */
#define RWKV__AMX_EPI(s_, i_)                                                                     \
    do {                                                                                          \
        const int kb_ = ord[i_], L = (int)((k0 + kb_) & 7);                                       \
        const uint8_t *pb = pg + (size_t)kb_ * RWKV__AMX_BLK;                                     \
        const __m512 dx = _mm512_loadu_ps((const float *)(const void *)(pb + 512));               \
        const __m512 dsx = asym ? _mm512_loadu_ps((const float *)(const void *)(pb + 576))        \
                                : _mm512_setzero_ps();                                            \
        if (L != Lc) {                                                                            \
            if (Lc >= 0) RWKV__UNROLL16 for (m = 0; m < 16; m++)                                  \
                _mm512_storeu_ps(acc[g][Lc][m], R[m]);                                            \
            RWKV__UNROLL16 for (m = 0; m < 16; m++) R[m] = _mm512_loadu_ps(acc[g][L][m]);         \
            Lc = L;                                                                               \
        }                                                                                         \
        RWKV__UNROLL16 for (m = 0; m < 16; m++) {                                                 \
            const __m512i G = _mm512_loadu_si512((const void *)cb8[s_][m]);                       \
            R[m] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(G),                                         \
                                   _mm512_mul_ps(_mm512_set1_ps(dwf[kb_][m]), dx), R[m]);         \
            if (asym) R[m] = _mm512_fmadd_ps(_mm512_set1_ps(mwf[kb_][m]), dsx, R[m]);             \
        }                                                                                         \
    } while (0)
                    /* eight blocks' tile products (C tiles 0 and 1 in turn, stored), then their
                       float parts: the tile unit runs without waiting for the vector code, and
                       the sums are read long after their tile stores */
                    for (i = 0; i < n; i += 8) {
                        const int cn = n - i < 8 ? n - i : 8;
                        int c;
                        for (c = 0; c < cn; c += 2) {
                            RWKV__AMX_TDP(0, 4, 6, i + c);
                            if (c + 1 < cn) RWKV__AMX_TDP(1, 5, 7, i + c + 1);
                            _tile_stored(0, cb8[c], 64);
                            if (c + 1 < cn) _tile_stored(1, cb8[c + 1], 64);
                        }
                        for (c = 0; c < cn; c++) RWKV__AMX_EPI(c, i + c);
                    }
                    RWKV__UNROLL16 for (m = 0; m < 16; m++) _mm512_storeu_ps(acc[g][Lc][m], R[m]);
#undef RWKV__AMX_TDP
#undef RWKV__AMX_EPI
                }
            }
            for (g = 0; g < ng; g++) {
                const int nt = T - (g0 + g) * 16 < 16 ? T - (g0 + g) * 16 : 16;
                float y[16][16];
                for (m = 0; m < 16; m++) {
                    float(*a)[16][16] = acc[g];
                    const __m512 s04 = _mm512_add_ps(_mm512_loadu_ps(a[0][m]), _mm512_loadu_ps(a[4][m]));
                    const __m512 s26 = _mm512_add_ps(_mm512_loadu_ps(a[2][m]), _mm512_loadu_ps(a[6][m]));
                    const __m512 s15 = _mm512_add_ps(_mm512_loadu_ps(a[1][m]), _mm512_loadu_ps(a[5][m]));
                    const __m512 s37 = _mm512_add_ps(_mm512_loadu_ps(a[3][m]), _mm512_loadu_ps(a[7][m]));
                    _mm512_storeu_ps(y[m], _mm512_add_ps(_mm512_add_ps(s04, s26), _mm512_add_ps(s15, s37)));
                }
                rwkv__amx_store16(Y, rows, (const float(*)[16])y, r, (int64_t)(g0 + g) * 16, nt);
            }
        }
    _tile_release();
}
#endif /* RWKV__QAMX */

/* ---- AMX: prompt blocks of the K formats -------------------------------------------------- */
/* The K formats' integer I of a super-block is a sum of sub-block sums times the sub-block's
   scale. The scales go into the A tiles as digits whose products with the levels fit a byte
   (below), so a C tile per digit sums a whole super-block in four 64-value tile products
   (Q4_K / Q5_K: TDPBUSD; Q6_K's signed digits: TDPBSSD) and I is the digits' C tiles
   shifted and added; the mins' Msum of 16 tokens comes from the tokens' sub-block sums
   (vpmaddwd with the row's pair of 6-bit mins). The float part is the definition's,
   vectorized over the 16 tokens. The tokens' layout (rwkv__amx_pack):
   per tile of 16 tokens and super-block, RWKV__AMXK_BLK bytes: 64 B-tile rows (row k: values
   4k..4k+3 of the 16 tokens; Q4_K's sub-block s is rows 8s..8s+7, Q6_K's sub-block m rows
   4m..4m+3), the 16 scales dx, then for each pair j of sub-blocks (2j, 2j+1) the 16 tokens'
   int16 sums of their 32 values (pairs for vpmaddwd). */

#ifdef RWKV__QAMX
#define RWKV__AMXK_KB 2 /* super-blocks per pass (the A tiles of a pass: 16 KiB) */

/* Rows [r0, r1) (a multiple of 16 of them) x tokens [0, T) of a K-format matrix from the
   layout `pack`. Per pass (RWKV__AMXK_KB super-blocks; Q6_K one) the 16 rows' levels times
   the scales' digits are laid out as A planes (RWKV__AMXK_A) with the f16 scales, then
   multiplied by each tile of tokens (Q4_K / Q5_K: two tiles at a time). Stack: ~28 KiB. */
static void rwkv__amx_rows_k(float *Y, const uint8_t *W, int type, int64_t rows, int64_t cols,
                             const uint8_t *pack, int T, int64_t r0, int64_t r1)
{
    const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols), bs = rwkv__qbytes(type);
    const int64_t ns = cols / 256;
    /* A planes per super-block (digit products, below) and super-blocks per pass */
    const int q6 = type == RWKV__TYPE_Q6_K, nd = q6 ? 4 : 2, kbp = q6 ? 1 : RWKV__AMXK_KB;
    const int ntile = (T + 15) / 16;
    const __m512i m4 = _mm512_set1_epi8(0x0F);
    rwkv__amx_cfg cfg;
    uint8_t abuf[RWKV__AMXK_KB * 2 * 16 * 256]; /* A planes: RWKV__AMXK_A (16 KiB) */
    int16_t mn[RWKV__AMXK_KB][16][8];      /* [kb][row][sub-block] mins (Q4_K / Q5_K) */
    float dd[RWKV__AMXK_KB][16], dmn[RWKV__AMXK_KB][16];
    int32_t cbuf[4][16][16];               /* C tiles: sums of 16 rows x 16 tokens */
/* row m of plane d of super-block kb of a pass: 256 bytes, the A tile of values 64j..64j+63
   at + 64 j (stride 256) */
#define RWKV__AMXK_A(kb, d, m) (abuf + ((((size_t)(kb) * (size_t)nd + (size_t)(d)) * 16 + (size_t)(m)) * 256))
    float acc[RWKV__AMX_TG][16][16];       /* y of 16 rows x 16 tokens */
    int64_t r, k0;
    int g0, g, m;
    memset(&cfg, 0, sizeof cfg);
    cfg.palette = 1;
    /* every tile 16 x 64 bytes: C 16 rows x 16 tokens, A 16 rows x 64 values, B 64 values x
       16 tokens. Q4_K / Q5_K: C 0-3, A 4-5, B 6-7; Q6_K: C 0-2, A 3-6, B 7 */
    for (g = 0; g < 8; g++) { cfg.colsb[g] = 64; cfg.rows[g] = 16; }
    _tile_loadconfig(&cfg);
    for (r = r0; r + 16 <= r1; r += 16)
        for (g0 = 0; g0 < ntile; g0 += RWKV__AMX_TG) {
            const int ng = ntile - g0 < RWKV__AMX_TG ? ntile - g0 : RWKV__AMX_TG;
            memset(acc, 0, sizeof acc);
            for (k0 = 0; k0 < ns; k0 += kbp) {
                const int kn = ns - k0 < kbp ? (int)(ns - k0) : kbp;
                int kb;
                for (m = 0; m < 16; m++)
                    for (kb = 0; kb < kn; kb++) {
                        const uint8_t *p = W + (size_t)(r + m) * rowb + (size_t)(k0 + kb) * bs;
                        if (r + 16 < r1 && g0 == 0) { /* the next 16 rows' same blocks, to L2 */
                            size_t o;
                            for (o = 0; o < bs; o += 64) RWKV__PREFETCH(p + 16 * rowb + o);
                            RWKV__PREFETCH(p + 16 * rowb + bs - 1);
                        }
                        uint8_t *o = RWKV__AMXK_A(kb, 0, m);
                        if (q6) {
                            /* q - 32 = ql + 16 (qh - 2) (ql = q & 15, qh = q >> 4) and sc = lo +
                               16 hi (lo = sc & 15, hi = sc >> 4): q' sc = ql lo + 16 (ql hi +
                               (qh - 2) lo) + 256 (qh - 2) hi, each digit product a byte (at
                               most 225, 120, 30, 16 in magnitude): four A planes, three C tiles
                               per super-block, I = C_lo + 16 C_mid + 256 C_hi */
                            const __m128i scv = rwkv__ld128(p + 192);
                            const __m128i lo8 = _mm_and_si128(scv, _mm_set1_epi8(0x0F));
                            const __m128i hi8 = _mm_packs_epi16(
                                _mm_srai_epi16(_mm_cvtepi8_epi16(scv), 4),
                                _mm_srai_epi16(_mm_cvtepi8_epi16(_mm_srli_si128(scv, 8)), 4));
                            const __m512i LOC = _mm512_broadcast_i32x4(lo8), HIC = _mm512_broadcast_i32x4(hi8);
                            const __m512i lane = _mm512_set_epi32(0x03030303, 0x03030303, 0x03030303, 0x03030303,
                                                                  0x02020202, 0x02020202, 0x02020202, 0x02020202,
                                                                  0x01010101, 0x01010101, 0x01010101, 0x01010101,
                                                                  0, 0, 0, 0);
                            const __m512i low = _mm512_set1_epi16(0x00FF), z8 = _mm512_setzero_si512();
                            int h, zz;
                            for (h = 0; h < 2; h++) {
                                __m512i qa, qb;
                                rwkv__q6k_levels_512(p, h, &qa, &qb);
                                for (zz = 0; zz < 2; zz++) {
                                    /* values 64z..64z+63 (z = 2h + zz): sub-block 4z + k in lane k */
                                    const int z = 2 * h + zz;
                                    const __m512i q = zz ? qb : qa;
                                    const __m512i ix = _mm512_add_epi8(lane, _mm512_set1_epi8((char)(4 * z)));
                                    const __m512i LOB = _mm512_shuffle_epi8(LOC, ix), HB = _mm512_shuffle_epi8(HIC, ix);
                                    const __mmask64 neg = _mm512_movepi8_mask(HB);
                                    const __m512i ML = _mm512_and_si512(LOB, low);
                                    const __m512i MH = _mm512_and_si512(_mm512_abs_epi8(HB), low);
                                    const __m512i ql = _mm512_and_si512(q, m4);
                                    const __m512i qh = _mm512_and_si512(_mm512_srli_epi16(q, 4), _mm512_set1_epi8(3));
                                    __m512i t;
                                    /* byte products in 16-bit lanes: each below 256, no carry */
                                    _mm512_storeu_si512((void *)(RWKV__AMXK_A(kb, 0, m) + 64 * z), _mm512_mullo_epi16(ql, ML));
                                    t = _mm512_mullo_epi16(ql, MH);
                                    _mm512_storeu_si512((void *)(RWKV__AMXK_A(kb, 1, m) + 64 * z), _mm512_mask_sub_epi8(t, neg, z8, t));
                                    t = _mm512_sub_epi8(_mm512_mullo_epi16(qh, ML), _mm512_add_epi8(LOB, LOB));
                                    _mm512_storeu_si512((void *)(RWKV__AMXK_A(kb, 2, m) + 64 * z), t);
                                    t = _mm512_mullo_epi16(qh, MH);
                                    t = _mm512_sub_epi8(_mm512_mask_sub_epi8(t, neg, z8, t), _mm512_add_epi8(HB, HB));
                                    _mm512_storeu_si512((void *)(RWKV__AMXK_A(kb, 3, m) + 64 * z), t);
                                }
                            }
                            dd[kb][m] = rwkv__h2f_f16c(p + 208);
                            dmn[kb][m] = 0.0f;
                        } else {
                            const uint32_t w0 = rwkv__u32(p + 4), w1 = rwkv__u32(p + 8), w2 = rwkv__u32(p + 12);
                            const uint64_t sv = (uint64_t)(w0 & 0x3f3f3f3fu) |
                                ((uint64_t)((w2 & 0x0f0f0f0fu) | (((w0 >> 6) & 0x03030303u) << 4)) << 32);
                            const uint64_t mv = (uint64_t)(w1 & 0x3f3f3f3fu) |
                                ((uint64_t)(((w2 >> 4) & 0x0f0f0f0fu) | (((w1 >> 6) & 0x03030303u) << 4)) << 32);
                            /* S = 8 S_hi + S_lo: the digits' products with the levels fit a
                               byte (at most 31 x 7), so the A tiles carry the scales and one
                               C tile sums a whole super-block per digit: I = C_lo + 8 C_hi */
                            const __m512i slo = _mm512_cvtepu8_epi16(_mm256_castsi128_si256(
                                _mm_cvtsi64_si128((long long)(sv & 0x0707070707070707ull))));
                            const __m512i shi = _mm512_cvtepu8_epi16(_mm256_castsi128_si256(
                                _mm_cvtsi64_si128((long long)((sv >> 3) & 0x0707070707070707ull))));
                            int h, q;
                            for (h = 0; h < 2; h++) {
                                __m512i lo, hi;
                                rwkv__k45_levels_512(type, p, h, &lo, &hi);
                                /* levels of sub-blocks 2q', 2q' + 1 (q' = 2h + q) times the
                                   digits of their scales: the A tiles of both digits */
                                for (q = 0; q < 2; q++) {
                                    const __m512i x = q ? _mm512_shuffle_i64x2(lo, hi, 0xEE) : _mm512_shuffle_i64x2(lo, hi, 0x44);
                                    const __m512i ix = _mm512_inserti64x4(
                                        _mm512_set1_epi16((short)(4 * h + 2 * q)),
                                        _mm256_set1_epi16((short)(4 * h + 2 * q + 1)), 1);
                                    _mm512_storeu_si512((void *)(o + 128 * h + 64 * q),
                                        _mm512_mullo_epi16(x, _mm512_permutexvar_epi16(ix, slo)));
                                    _mm512_storeu_si512((void *)(RWKV__AMXK_A(kb, 1, m) + 128 * h + 64 * q),
                                        _mm512_mullo_epi16(x, _mm512_permutexvar_epi16(ix, shi)));
                                }
                            }
                            _mm_storeu_si128((__m128i *)(void *)mn[kb][m],
                                             _mm_cvtepu8_epi16(_mm_cvtsi64_si128((long long)mv)));
                            dd[kb][m] = rwkv__h2f_f16c(p);
                            dmn[kb][m] = rwkv__h2f_f16c(p + 2);
                        }
                    }
                /* Q6_K: one tile of tokens at a time, three C tiles (its digits) */
                for (g = 0; g < ng && q6; g++)
                    for (kb = 0; kb < kn; kb++) {
                        const uint8_t *pb = pack + ((size_t)(g0 + g) * (size_t)ns + (size_t)(k0 + kb)) * RWKV__AMXK_BLK;
                        __m512 dx;
                        int j;
                        _tile_zero(0); _tile_zero(1); _tile_zero(2);
                        for (j = 0; j < 4; j++) {
                            _tile_loadd(7, pb + 1024 * j, 64);
                            _tile_loadd(3, RWKV__AMXK_A(kb, 0, 0) + 64 * j, 256);
                            _tile_loadd(4, RWKV__AMXK_A(kb, 1, 0) + 64 * j, 256);
                            _tile_loadd(5, RWKV__AMXK_A(kb, 2, 0) + 64 * j, 256);
                            _tile_loadd(6, RWKV__AMXK_A(kb, 3, 0) + 64 * j, 256);
                            _tile_dpbusd(0, 3, 7); /* ql lo >= 0 */
                            _tile_dpbssd(1, 4, 7);
                            _tile_dpbssd(1, 5, 7);
                            _tile_dpbssd(2, 6, 7);
                        }
                        _tile_stored(0, cbuf[0], 64);
                        _tile_stored(1, cbuf[1], 64);
                        _tile_stored(2, cbuf[2], 64);
                        dx = _mm512_loadu_ps((const float *)(const void *)(pb + 4096));
                        RWKV__UNROLL16 for (m = 0; m < 16; m++) {
                            const __m512i I = _mm512_add_epi32(
                                _mm512_loadu_si512((const void *)cbuf[0][m]),
                                _mm512_add_epi32(_mm512_slli_epi32(_mm512_loadu_si512((const void *)cbuf[1][m]), 4),
                                                 _mm512_slli_epi32(_mm512_loadu_si512((const void *)cbuf[2][m]), 8)));
                            _mm512_storeu_ps(acc[g][m], _mm512_fmadd_ps(_mm512_cvtepi32_ps(I),
                                _mm512_mul_ps(_mm512_set1_ps(dd[kb][m]), dx), _mm512_loadu_ps(acc[g][m])));
                        }
                    }
                /* Q4_K / Q5_K: two tiles of tokens at a time, four C tiles (their two digits) */
                for (g = 0; g < ng && !q6; g += 2)
                    for (kb = 0; kb < kn; kb++) {
                        const int two = g + 1 < ng;
                        const uint8_t *pb0 = pack + ((size_t)(g0 + g) * (size_t)ns + (size_t)(k0 + kb)) * RWKV__AMXK_BLK;
                        const uint8_t *pb1 = pb0 + (size_t)ns * RWKV__AMXK_BLK;
                        int j, h;
                        _tile_zero(0); _tile_zero(1); _tile_zero(2); _tile_zero(3);
                        for (j = 0; j < 4; j++) {
                            _tile_loadd(4, RWKV__AMXK_A(kb, 0, 0) + 64 * j, 256);
                            _tile_loadd(5, RWKV__AMXK_A(kb, 1, 0) + 64 * j, 256);
                            _tile_loadd(6, pb0 + 1024 * j, 64);
                            _tile_dpbusd(0, 4, 6);
                            _tile_dpbusd(1, 5, 6);
                            if (two) {
                                _tile_loadd(7, pb1 + 1024 * j, 64);
                                _tile_dpbusd(2, 4, 7);
                                _tile_dpbusd(3, 5, 7);
                            }
                        }
                        _tile_stored(0, cbuf[0], 64);
                        _tile_stored(1, cbuf[1], 64);
                        if (two) { _tile_stored(2, cbuf[2], 64); _tile_stored(3, cbuf[3], 64); }
                        for (h = 0; h <= two; h++) {
                            const uint8_t *pb = h ? pb1 : pb0;
                            const __m512 dx = _mm512_loadu_ps((const float *)(const void *)(pb + 4096));
                            const __m512i B0 = _mm512_loadu_si512((const void *)(pb + 4160)),
                                          B1 = _mm512_loadu_si512((const void *)(pb + 4224)),
                                          B2 = _mm512_loadu_si512((const void *)(pb + 4288)),
                                          B3 = _mm512_loadu_si512((const void *)(pb + 4352));
                            RWKV__UNROLL16 for (m = 0; m < 16; m++) {
                                int32_t mp[4];
                                __m512i ms, I;
                                __m512 a;
                                memcpy(mp, mn[kb][m], sizeof mp);
                                I = _mm512_add_epi32(_mm512_loadu_si512((const void *)cbuf[2 * h][m]),
                                    _mm512_slli_epi32(_mm512_loadu_si512((const void *)cbuf[2 * h + 1][m]), 3));
                                ms = _mm512_add_epi32(
                                    _mm512_add_epi32(_mm512_madd_epi16(B0, _mm512_set1_epi32(mp[0])),
                                                     _mm512_madd_epi16(B1, _mm512_set1_epi32(mp[1]))),
                                    _mm512_add_epi32(_mm512_madd_epi16(B2, _mm512_set1_epi32(mp[2])),
                                                     _mm512_madd_epi16(B3, _mm512_set1_epi32(mp[3]))));
                                a = _mm512_fmadd_ps(_mm512_cvtepi32_ps(I),
                                    _mm512_mul_ps(_mm512_set1_ps(dd[kb][m]), dx), _mm512_loadu_ps(acc[g + h][m]));
                                a = _mm512_fmadd_ps(_mm512_cvtepi32_ps(_mm512_sub_epi32(_mm512_setzero_si512(), ms)),
                                    _mm512_mul_ps(_mm512_set1_ps(dmn[kb][m]), dx), a);
                                _mm512_storeu_ps(acc[g + h][m], a);
                            }
                        }
                    }
            }
            for (g = 0; g < ng; g++) {
                const int nt = T - (g0 + g) * 16 < 16 ? T - (g0 + g) * 16 : 16;
                rwkv__amx_store16(Y, rows, (const float(*)[16])acc[g], r, (int64_t)(g0 + g) * 16, nt);
            }
        }
    _tile_release();
#undef RWKV__AMXK_A
}
#endif /* RWKV__QAMX */

/* ---- VNNI: prompt blocks of the 32-value formats, 16 tokens per vector ------------------- */
/* The register tiles (rwkv__q32_group_vnni) sum each block across the eight int32 lanes its
   32 values land in: per (row, token) and 8 blocks, 4 vpdpbusd and ~11 shuffles, adds and
   conversions, so ~30 FLOP per cycle on a Zen 4 (Q8_0 1.5B: 72 tokens/s on 2 threads). Here
   the lanes are 16 tokens instead, as in the AMX tiles' layout (rwkv__amx_pack, the same
   bytes): vpdpbusd multiplies a row's four levels (broadcast from memory, signed) by the same
   four values of the 16 tokens (unsigned: x + 128 = x ^ 0x80), so eight of them give a
   block's G for 16 tokens with no horizontal step. The offset is undone with the row's
   -128 * sum(v) (an integer, so the sum is exact whatever the order). The float part is the
   definition's, vectorized over the tokens: lane b mod 8 of each (row, token), the blocks of
   a lane in increasing b, the same tree at the end: the bits of rwkv__qdot_scalar. Per pass
   the rows' levels are unpacked once (signed, the definition's v) and then used by up to
   RWKV__VN_TG tiles of 16 tokens. Stack: ~54 KiB (the lanes of 8 tiles of tokens: 32 KiB). */
#ifdef RWKV__QVNNI
#define RWKV__VN_R 8   /* rows per tile: eight sums, eight lanes of floats, eight x vectors */
#define RWKV__VN_KB 64 /* blocks per pass (multiple of 8): the levels of a pass, 16 KiB */
#define RWKV__VN_TG 8  /* tiles of 16 tokens per pass: a block of 128 (acc: 32 KiB) */

static void rwkv__vnni_rows(float *Y, const uint8_t *W, int type, int64_t rows, int64_t cols,
                            const uint8_t *pack, int T, int64_t r0, int64_t r1)
{
    const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols), bs = rwkv__qbytes(type);
    const int64_t nb = cols / 32;
    const int ntile = (T + 15) / 16;
    const int asym = type == RWKV__TYPE_Q4_1 || type == RWKV__TYPE_Q5_1;
    const int off = rwkv__qoff(type);
    const __m512i flip = _mm512_set1_epi8((char)0x80), voff = _mm512_set1_epi8((char)off);
    __m256i lv[RWKV__VN_KB][RWKV__VN_R];                     /* the levels v of a pass */
    int32_t cw[RWKV__VN_KB][RWKV__VN_R];                     /* -128 * sum of a block's v */
    float dwf[RWKV__VN_KB][RWKV__VN_R], mwf[RWKV__VN_KB][RWKV__VN_R];
    __m512 acc[RWKV__VN_TG][8][RWKV__VN_R];                  /* lanes b mod 8 of 16 tokens */
    int64_t r, k0;
    int g0, g, i, kb;
    for (r = r0; r < r1; r += RWKV__VN_R) {
        const int nr = r1 - r < RWKV__VN_R ? (int)(r1 - r) : RWKV__VN_R;
        const uint8_t *wr[RWKV__VN_R];
        for (i = 0; i < RWKV__VN_R; i++) wr[i] = W + (size_t)(r + (i < nr ? i : nr - 1)) * rowb;
        for (g0 = 0; g0 < ntile; g0 += RWKV__VN_TG) {
            const int ng = ntile - g0 < RWKV__VN_TG ? ntile - g0 : RWKV__VN_TG;
            memset(acc, 0, (size_t)ng * sizeof acc[0]);
            for (k0 = 0; k0 < nb; k0 += RWKV__VN_KB) {
                const int kn = nb - k0 < RWKV__VN_KB ? (int)(nb - k0) : RWKV__VN_KB;
                int L;
                for (i = 0; i < RWKV__VN_R; i++) {
                    const uint8_t *row = wr[i] + (size_t)k0 * bs;
                    if (g0 == 0 && r + RWKV__VN_R < r1) { /* the next tile's same blocks, to L2 */
                        size_t o;
                        for (o = 0; o < (size_t)kn * bs; o += 64)
                            RWKV__PREFETCH(row + RWKV__VN_R * rowb + o);
                    }
                    for (kb = 0; kb + 4 <= kn; kb += 4) {
                        const uint8_t *p = row + (size_t)kb * bs;
                        __m512i lo, hi, s;
                        int64_t sum[8];
                        int j;
                        rwkv__q32_unpack4_vnni(type, p, 0, &lo, &hi); /* unsigned levels u */
                        s = _mm512_add_epi64(_mm512_sad_epu8(lo, _mm512_setzero_si512()),
                                             _mm512_sad_epu8(hi, _mm512_setzero_si512()));
                        _mm512_storeu_si512((void *)sum, s);
                        lo = _mm512_sub_epi8(lo, voff); /* v = u - off (Q8_0: u ^ 0x80) */
                        hi = _mm512_sub_epi8(hi, voff);
                        for (j = 0; j < 4; j++) {
                            lv[kb + j][i] = _mm256_inserti128_si256(
                                _mm256_castsi128_si256(_mm512_castsi512_si128(lo)),
                                _mm512_castsi512_si128(hi), 1);
                            lo = _mm512_alignr_epi64(lo, lo, 2);
                            hi = _mm512_alignr_epi64(hi, hi, 2);
                            cw[kb + j][i] = -128 * ((int32_t)(sum[2 * j] + sum[2 * j + 1]) - 32 * off);
                            dwf[kb + j][i] = rwkv__h2f_f16c(p + (size_t)j * bs);
                            mwf[kb + j][i] = asym ? rwkv__h2f_f16c(p + (size_t)j * bs + 2) : 0.0f;
                        }
                    }
                    for (; kb < kn; kb++) {
                        int v[32], e, sv = 0;
                        int8_t b8[32];
                        rwkv__decode_legacy(type, row + (size_t)kb * bs, v, &dwf[kb][i], &mwf[kb][i]);
                        for (e = 0; e < 32; e++) { b8[e] = (int8_t)v[e]; sv += v[e]; }
                        lv[kb][i] = rwkv__ld256(b8);
                        cw[kb][i] = -128 * sv;
                    }
                }
                for (g = 0; g < ng; g++) {
                    const uint8_t *pg = pack + ((size_t)(g0 + g) * (size_t)nb + (size_t)k0) * RWKV__AMX_BLK;
                    for (L = 0; L < 8 && L < kn; L++) {
                        /* the pass's blocks of lane (k0 + L) mod 8 = L (k0 % 8 == 0) */
                        __m512 A[RWKV__VN_R];
                        RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++) A[i] = acc[g][L][i];
                        for (kb = L; kb < kn; kb += 8) {
                            const uint8_t *pb = pg + (size_t)kb * RWKV__AMX_BLK;
                            const __m512 dx = _mm512_loadu_ps((const float *)(const void *)(pb + 512));
                            const int32_t *wv = (const int32_t *)(const void *)lv[kb];
                            __m512i G[RWKV__VN_R];
                            int m;
                            RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++) G[i] = _mm512_set1_epi32(cw[kb][i]);
                            /* the rows' eight chains interleaved (one row's eight vpdpbusd in
                               a row waited on each other's latency) */
                            RWKV__UNROLL for (m = 0; m < 8; m++) {
                                const __m512i Xm = _mm512_xor_si512(
                                    _mm512_loadu_si512((const void *)(pb + 64 * m)), flip);
                                RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++)
                                    G[i] = _mm512_dpbusd_epi32(G[i], Xm, _mm512_set1_epi32(wv[8 * i + m]));
                            }
                            RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++)
                                A[i] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(G[i]),
                                                       _mm512_mul_ps(_mm512_set1_ps(dwf[kb][i]), dx), A[i]);
                            if (asym) {
                                const __m512 dsx = _mm512_loadu_ps((const float *)(const void *)(pb + 576));
                                RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++)
                                    A[i] = _mm512_fmadd_ps(_mm512_set1_ps(mwf[kb][i]), dsx, A[i]);
                            }
                        }
                        RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++) acc[g][L][i] = A[i];
                    }
                }
            }
            for (g = 0; g < ng; g++) {
                const int64_t t0 = (int64_t)(g0 + g) * 16;
                const int nt = T - t0 < 16 ? (int)(T - t0) : 16;
                for (i = 0; i < nr; i++) {
                    __m512(*a)[RWKV__VN_R] = acc[g];
                    const __m512 s04 = _mm512_add_ps(a[0][i], a[4][i]), s26 = _mm512_add_ps(a[2][i], a[6][i]);
                    const __m512 s15 = _mm512_add_ps(a[1][i], a[5][i]), s37 = _mm512_add_ps(a[3][i], a[7][i]);
                    float y[16];
                    int n;
                    _mm512_storeu_ps(y, _mm512_add_ps(_mm512_add_ps(s04, s26), _mm512_add_ps(s15, s37)));
                    for (n = 0; n < nt; n++) Y[(t0 + n) * rows + r + i] = y[n];
                }
            }
        }
    }
}

/* The K formats the same way (the AMX K layout: per 16 tokens and super-block, 64 rows of
   four values, dx, the pairs of sub-block sums). Levels are signed bytes as they are (Q4_K /
   Q5_K: 0..31, Q6_K: q - 32), broadcast into vpdpbusd against x + 128; a sub-block's sums of
   16 tokens are scaled with vpmulld, and the offset is undone by the row's -128 * sum over the
   sub-blocks of scale x level sum: I is the definition's integer exactly. The mins' Msum
   comes from the tokens' pair sums (vpmaddwd), the float part is the definition's per
   super-block, vectorized over the tokens. Stack: ~26 KiB. */
#define RWKV__VNK_KB 8 /* super-blocks per pass: the levels of a pass, 16 KiB */
static void rwkv__vnni_rows_k(float *Y, const uint8_t *W, int type, int64_t rows, int64_t cols,
                              const uint8_t *pack, int T, int64_t r0, int64_t r1)
{
    const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols), bs = rwkv__qbytes(type);
    const int64_t ns = cols / 256;
    const int q6 = type == RWKV__TYPE_Q6_K, ntile = (T + 15) / 16;
    const __m512i flip = _mm512_set1_epi8((char)0x80);
    __m512i lv[RWKV__VNK_KB][RWKV__VN_R][4]; /* levels in value order, signed */
    int32_t sc[RWKV__VNK_KB][RWKV__VN_R][16], mp[RWKV__VNK_KB][RWKV__VN_R][4], cw[RWKV__VNK_KB][RWKV__VN_R];
    float dd[RWKV__VNK_KB][RWKV__VN_R], dmn[RWKV__VNK_KB][RWKV__VN_R];
    __m512 acc[RWKV__VN_TG][RWKV__VN_R]; /* y of each row for 16 tokens */
    int64_t r, k0;
    int g0, g, i, kb, s, m;
    for (r = r0; r < r1; r += RWKV__VN_R) {
        const int nr = r1 - r < RWKV__VN_R ? (int)(r1 - r) : RWKV__VN_R;
        const uint8_t *wr[RWKV__VN_R];
        for (i = 0; i < RWKV__VN_R; i++) wr[i] = W + (size_t)(r + (i < nr ? i : nr - 1)) * rowb;
        for (g0 = 0; g0 < ntile; g0 += RWKV__VN_TG) {
            const int ng = ntile - g0 < RWKV__VN_TG ? ntile - g0 : RWKV__VN_TG;
            for (g = 0; g < ng; g++)
                for (i = 0; i < RWKV__VN_R; i++) acc[g][i] = _mm512_setzero_ps();
            for (k0 = 0; k0 < ns; k0 += RWKV__VNK_KB) {
                const int kn = ns - k0 < RWKV__VNK_KB ? (int)(ns - k0) : RWKV__VNK_KB;
                for (i = 0; i < RWKV__VN_R; i++)
                    for (kb = 0; kb < kn; kb++) {
                        const uint8_t *p = wr[i] + (size_t)(k0 + kb) * bs;
                        int64_t qsum[16]; /* level sums: per 8 values, in value order */
                        int S[16], M[8], c = 0;
                        if (g0 == 0 && r + RWKV__VN_R < r1) { /* the next tile's same blocks */
                            size_t o;
                            for (o = 0; o < bs; o += 64) RWKV__PREFETCH(p + RWKV__VN_R * rowb + o);
                            RWKV__PREFETCH(p + RWKV__VN_R * rowb + bs - 1);
                        }
                        if (q6) {
                            int h;
                            for (h = 0; h < 2; h++) {
                                __m512i lo, hi; /* values 128h .. + 63, 128h + 64 .. + 127 */
                                rwkv__q6k_levels_512(p, h, &lo, &hi);
                                _mm512_storeu_si512((void *)&qsum[0], _mm512_sad_epu8(lo, _mm512_setzero_si512()));
                                _mm512_storeu_si512((void *)&qsum[8], _mm512_sad_epu8(hi, _mm512_setzero_si512()));
                                lv[kb][i][2 * h] = _mm512_sub_epi8(lo, _mm512_set1_epi8(32));
                                lv[kb][i][2 * h + 1] = _mm512_sub_epi8(hi, _mm512_set1_epi8(32));
                                for (m = 0; m < 8; m++) { /* sub-blocks 8h + m: 16 values each */
                                    const int sm = (int8_t)p[192 + 8 * h + m];
                                    sc[kb][i][8 * h + m] = sm;
                                    c += sm * ((int)(qsum[2 * m] + qsum[2 * m + 1]) - 16 * 32);
                                }
                            }
                            dd[kb][i] = rwkv__h2f_f16c(p + 208);
                            dmn[kb][i] = 0.0f;
                        } else {
                            int h;
                            for (s = 0; s < 8; s++) rwkv__k4_scale_min(s, p + 4, &S[s], &M[s]);
                            for (h = 0; h < 2; h++) {
                                __m512i lo, hi;
                                rwkv__k45_levels_512(type, p, h, &lo, &hi);
                                lv[kb][i][2 * h] = _mm512_shuffle_i64x2(lo, hi, 0x44);     /* 4h, 4h+1 */
                                lv[kb][i][2 * h + 1] = _mm512_shuffle_i64x2(lo, hi, 0xEE); /* 4h+2, 4h+3 */
                                _mm512_storeu_si512((void *)&qsum[0], _mm512_sad_epu8(lo, _mm512_setzero_si512()));
                                _mm512_storeu_si512((void *)&qsum[8], _mm512_sad_epu8(hi, _mm512_setzero_si512()));
                                c += S[4 * h] * (int)(qsum[0] + qsum[1] + qsum[2] + qsum[3]);
                                c += S[4 * h + 2] * (int)(qsum[4] + qsum[5] + qsum[6] + qsum[7]);
                                c += S[4 * h + 1] * (int)(qsum[8] + qsum[9] + qsum[10] + qsum[11]);
                                c += S[4 * h + 3] * (int)(qsum[12] + qsum[13] + qsum[14] + qsum[15]);
                            }
                            for (s = 0; s < 8; s++) sc[kb][i][s] = S[s];
                            for (s = 0; s < 4; s++)
                                mp[kb][i][s] = (int32_t)((uint32_t)(uint16_t)M[2 * s] |
                                                         ((uint32_t)(uint16_t)M[2 * s + 1] << 16));
                            dd[kb][i] = rwkv__h2f_f16c(p);
                            dmn[kb][i] = rwkv__h2f_f16c(p + 2);
                        }
                        cw[kb][i] = -128 * c;
                    }
                for (g = 0; g < ng; g++) {
                    __m512 A[RWKV__VN_R];
                    RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++) A[i] = acc[g][i];
                    for (kb = 0; kb < kn; kb++) {
                        const uint8_t *pb = pack + ((size_t)(g0 + g) * (size_t)ns + (size_t)(k0 + kb)) * RWKV__AMXK_BLK;
                        const __m512 dx = _mm512_loadu_ps((const float *)(const void *)(pb + 4096));
                        const int nsub = q6 ? 16 : 8, nm = q6 ? 4 : 8;
                        __m512i I[RWKV__VN_R];
                        RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++) I[i] = _mm512_set1_epi32(cw[kb][i]);
                        for (s = 0; s < nsub; s++) {
                            __m512i G[RWKV__VN_R];
                            RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++) G[i] = _mm512_setzero_si512();
                            for (m = 0; m < nm; m++) {
                                const int k = nm * s + m; /* values 4k..4k+3 */
                                const __m512i Xm = _mm512_xor_si512(
                                    _mm512_loadu_si512((const void *)(pb + 64 * k)), flip);
                                RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++)
                                    G[i] = _mm512_dpbusd_epi32(G[i], Xm,
                                        _mm512_set1_epi32(((const int32_t *)(const void *)lv[kb][i])[k]));
                            }
                            RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++)
                                I[i] = _mm512_add_epi32(I[i], _mm512_mullo_epi32(G[i], _mm512_set1_epi32(sc[kb][i][s])));
                        }
                        RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++)
                            A[i] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(I[i]),
                                                   _mm512_mul_ps(_mm512_set1_ps(dd[kb][i]), dx), A[i]);
                        if (!q6) {
                            const __m512i B0 = _mm512_loadu_si512((const void *)(pb + 4160)),
                                          B1 = _mm512_loadu_si512((const void *)(pb + 4224)),
                                          B2 = _mm512_loadu_si512((const void *)(pb + 4288)),
                                          B3 = _mm512_loadu_si512((const void *)(pb + 4352));
                            RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++) {
                                const __m512i ms = _mm512_add_epi32(
                                    _mm512_add_epi32(_mm512_madd_epi16(B0, _mm512_set1_epi32(mp[kb][i][0])),
                                                     _mm512_madd_epi16(B1, _mm512_set1_epi32(mp[kb][i][1]))),
                                    _mm512_add_epi32(_mm512_madd_epi16(B2, _mm512_set1_epi32(mp[kb][i][2])),
                                                     _mm512_madd_epi16(B3, _mm512_set1_epi32(mp[kb][i][3]))));
                                A[i] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(_mm512_sub_epi32(_mm512_setzero_si512(), ms)),
                                                       _mm512_mul_ps(_mm512_set1_ps(dmn[kb][i]), dx), A[i]);
                            }
                        }
                    }
                    RWKV__UNROLL for (i = 0; i < RWKV__VN_R; i++) acc[g][i] = A[i];
                }
            }
            for (g = 0; g < ng; g++) {
                const int64_t t0 = (int64_t)(g0 + g) * 16;
                const int nt = T - t0 < 16 ? (int)(T - t0) : 16;
                for (i = 0; i < nr; i++) {
                    float y[16];
                    int n;
                    _mm512_storeu_ps(y, acc[g][i]);
                    for (n = 0; n < nt; n++) Y[(t0 + n) * rows + r + i] = y[n];
                }
            }
        }
    }
}
#endif /* RWKV__QVNNI */

#ifdef RWKV__QSIMD
typedef void (*rwkv__qtile_fn)(float *out, const uint8_t *const *w, const rwkv__qact *x, int64_t n);
#define RWKV__QTILE_FNS(name, type)                                                                \
    static void rwkv__qmv_##name(float *o, const uint8_t *const *w, const rwkv__qact *x,           \
                                 int64_t n)                                                        \
    {                                                                                              \
        RWKV__QTILE(type, RWKV__QMV_ROWS(type), 1, o, w, x, n);                                    \
    }                                                                                              \
    static void rwkv__qmm_##name(float *o, const uint8_t *const *w, const rwkv__qact *x,           \
                                 int64_t n)                                                        \
    {                                                                                              \
        RWKV__QTILE(type, RWKV__QMM_ROWS(type), RWKV__QMM_T, o, w, x, n);                          \
    }
RWKV__QTILE_FNS(q4_0, RWKV__TYPE_Q4_0)
RWKV__QTILE_FNS(q4_1, RWKV__TYPE_Q4_1)
RWKV__QTILE_FNS(q5_0, RWKV__TYPE_Q5_0)
RWKV__QTILE_FNS(q5_1, RWKV__TYPE_Q5_1)
RWKV__QTILE_FNS(q8_0, RWKV__TYPE_Q8_0)
RWKV__QTILE_FNS(q4_k, RWKV__TYPE_Q4_K)
RWKV__QTILE_FNS(q5_k, RWKV__TYPE_Q5_K)
RWKV__QTILE_FNS(q6_k, RWKV__TYPE_Q6_K)
#undef RWKV__QTILE_FNS

/* Rows [r0, r1) x tokens [0, T) with the SIMD tiles (same bits as rwkv__qmm_rows_scalar).
   amx: the tokens' AMX layout (rwkv__amx_pack) when AMX may run, else NULL. */
static void rwkv__qmm_rows_simd(float *Y, const uint8_t *W, int type, int64_t rows, int64_t cols,
                                const char *acts, size_t stride, int T, int64_t r0, int64_t r1,
                                const uint8_t *amx)
{
    const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols);
    const int R = T == 1 ? RWKV__QMV_ROWS(type) : RWKV__QMM_ROWS(type),
              NT = T == 1 ? 1 : RWKV__QMM_T;
    const int64_t n = cols / rwkv__qblock(type);
    rwkv__qtile_fn fn;
    int64_t r;
    int t, i, j;
    switch (type) {
    case RWKV__TYPE_Q4_0: fn = T == 1 ? rwkv__qmv_q4_0 : rwkv__qmm_q4_0; break;
    case RWKV__TYPE_Q4_1: fn = T == 1 ? rwkv__qmv_q4_1 : rwkv__qmm_q4_1; break;
    case RWKV__TYPE_Q5_0: fn = T == 1 ? rwkv__qmv_q5_0 : rwkv__qmm_q5_0; break;
    case RWKV__TYPE_Q5_1: fn = T == 1 ? rwkv__qmv_q5_1 : rwkv__qmm_q5_1; break;
    case RWKV__TYPE_Q8_0: fn = T == 1 ? rwkv__qmv_q8_0 : rwkv__qmm_q8_0; break;
    case RWKV__TYPE_Q4_K: fn = T == 1 ? rwkv__qmv_q4_k : rwkv__qmm_q4_k; break;
    case RWKV__TYPE_Q5_K: fn = T == 1 ? rwkv__qmv_q5_k : rwkv__qmm_q5_k; break;
    default: fn = T == 1 ? rwkv__qmv_q6_k : rwkv__qmm_q6_k; break;
    }
#ifdef RWKV__QVNNI
    if (amx && rwkv__amx_pack_bytes(type, cols, T)) {
#ifdef RWKV__QAMX
        if (r1 - r0 >= 16 && rwkv__amx_request()) {
            const int64_t r16 = r0 + (r1 - r0) / 16 * 16;
            if (rwkv__qblock(type) == 32) rwkv__amx_rows(Y, W, type, rows, cols, amx, T, r0, r16);
            else rwkv__amx_rows_k(Y, W, type, rows, cols, amx, T, r0, r16);
            r0 = r16;
            if (r0 == r1) return;
        } else
#endif
        {
            if (rwkv__qblock(type) == 32) rwkv__vnni_rows(Y, W, type, rows, cols, amx, T, r0, r1);
            else rwkv__vnni_rows_k(Y, W, type, rows, cols, amx, T, r0, r1);
            return;
        }
    }
#else
    (void)amx;
#endif
    /* token t's view is token 0's moved by t * stride (rwkv__qact_at divides: called per
       tile it took a tenth of a 2 x 4 x 2048 Q8_0 tile's time) */
    const rwkv__qact a0 = rwkv__qact_at(type, cols, (void *)acts);
    if (T == 1 && RWKV__MV_LANE > 0 && rowb > 0) {
        /* lanes (RWKV__MV_LANE): tile j of a group reads rows j, S + j, .., (R - 1) S + j */
        const int64_t lb = type == RWKV__TYPE_Q8_0 ? RWKV__QMV_LANE_Q8 : RWKV__MV_LANE;
        const int64_t lane = (lb + (int64_t)rowb - 1) / (int64_t)rowb;
        while (r1 - r0 >= R) {
            const int64_t S = (r1 - r0) / R < lane ? (r1 - r0) / R : lane;
            int64_t j;
            for (j = 0; j < S; j++) {
                const uint8_t *w[RWKV__QTMAX];
                float out[RWKV__QTMAX * RWKV__QTMAX];
                for (i = 0; i < RWKV__QTMAX; i++)
                    w[i] = W + (size_t)(r0 + j + S * (i < R ? i : R - 1)) * rowb;
                fn(out, w, &a0, n);
                for (i = 0; i < R; i++) Y[r0 + j + S * i] = out[i];
            }
            r0 += S * R;
        }
    }
    for (r = r0; r < r1; r += R) {
        const int nr = r1 - r < R ? (int)(r1 - r) : R;
        const uint8_t *w[RWKV__QTMAX];
        for (i = 0; i < RWKV__QTMAX; i++) w[i] = W + (size_t)(r + (i < nr ? i : nr - 1)) * rowb;
        for (t = 0; t < T; t += NT) {
            const int nt = T - t < NT ? T - t : NT;
            rwkv__qact x[RWKV__QTMAX];
            float out[RWKV__QTMAX * RWKV__QTMAX];
            for (j = 0; j < NT; j++)
                x[j] = rwkv__qact_shift(&a0, (size_t)(t + (j < nt ? j : nt - 1)) * stride);
            fn(out, w, x, n);
            for (i = 0; i < nr; i++)
                for (j = 0; j < nt; j++) Y[(int64_t)(t + j) * rows + r + i] = out[i * NT + j];
        }
    }
}
#endif /* RWKV__QSIMD */

/* ---- row-interleaved ("packed") layout of Q4_0, Q8_0, Q5_1, Q4_K, Q5_K, Q6_K (one token) - */
/* Generating a token reads each row once against one token, and the ggml layout makes a
   SIMD kernel gather one row's blocks across the lanes and add them back together: the
   one-token Q4_0 / Q4_K tiles issue ~48-64 256-bit operations per 256 weights, at the issue
   limit of a Zen 4 (docs/KERNELS.md, twenty-first round), so they read 27-29 GB/s against
   a ~30 plain read. Packing 8 rows together, lane r of every vector is row r: the token's
   4 values are a broadcast, no lane is added to another, and 256 weights cost ~24 operations.
   At load (rwkv__pack_model), x86 with AVX2 copies each Q4_0 / Q8_0 / Q5_1 / Q4_K / Q5_K / Q6_K matrix
   into this layout (-DRWKV_NO_REPACK: not); the file's bytes stay the definition (the
   embedding and the rows past the last full group of 8 are read from them), prompt blocks
   unpack 32 rows at a time into ggml's layout for their tiles, and every result has the
   scalar definition's bits.
   Group g (rows 8g..8g+7), block b (32 values; K types: super-block of 256) at g * group
   bytes + b * block bytes, lane r (row 8g + r) in every 32-byte vector; in AVX-512 VNNI
   builds the full groups go in pairs whose blocks alternate (rwkv__pk_at):
     Q4_0, 144 bytes: d[8] (f16, 16 bytes); then for k = 0..3, 8 x 4 bytes: qs[4k..4k+3]
           of each row (low nibbles: values 4k..4k+3, high: 16+4k..16+4k+3).
     Q8_0, 272 bytes: d[8]; then for k = 0..7, 8 x 4 bytes: qs[4k..4k+3] (values 4k..4k+3).
     Q5_1, 192 bytes: d[8], m[8] (f16); qh[8] (32 bits each); then as Q4_0's k = 0..3.
     Q4_K, 1184 bytes: d[8], dmin[8] (f16); S[s][r] (u8, 64 bytes: the 6-bit scales of
           sub-blocks s = 0..7); M as [j][r][4] (u8, 64 bytes: lane r of vector j holds
           the mins of sub-blocks 4j..4j+3); then for c = 0..3, k = 0..7, 8 x 4 bytes:
           qs[32c+4k..32c+4k+3] of each row (low nibbles: sub-block 2c, high: 2c+1).
           (96 + 32 bytes of unpacked scales where ggml packs 96: 2.8% more bytes read.)
     Q5_K, 1440 bytes: as Q4_K, with for k = 0..7 the 8 rows' qh[4k..4k+3] (32 bytes)
           before c = 0's qs vector k (rwkv__pk_qs); the qs of c = 1..3 after them.
     Q6_K, 1680 bytes: d[8]; sc[m][r] (int8, 128 bytes); then for h = 0..1, k = 0..7
           three 8 x 4 bytes, in the order the kernel reads them: ql[64h+4k..+3],
           ql[64h+32+4k..+3], qh[32h+4k..+3] of each row (read out of order, as ggml's
           ql / qh halves, the hardware prefetcher stopped: 0.3x from memory). */
#if defined(RWKV__QAVX2) && !defined(RWKV_NO_REPACK)
#define RWKV__PACK 1
#endif
/* AVX-512 VNNI: the kernels take two groups at once (rwkv__pk2_group), read from pairs of
   groups whose blocks alternate (rwkv__pk_at). Not on Zen 4, whose 512-bit instructions take
   two passes through 256-bit units: there the two-group kernels ran 8192 x 2048 from memory,
   one thread, 2.4-2.8x slower than the 256-bit ones for the K types (Q4_K 38 -> 98 GFLOP/s,
   Q5_K 34 -> 79, Q6_K 24 -> 67), Q8_0 1.11x slower, Q5_1 the same (`tools/pair.sh -a
   -DRWKV__PK_PFD=0 -b "-DRWKV_NO_PK512 -DRWKV__PK_PFD=0" matmul -- TYPE 8192 2048 1 8 12`,
   docs/KERNELS.md, forty-eighth round). */
#if defined(RWKV__PACK) && defined(RWKV__QVNNI) && !defined(RWKV_NO_PK512) && !defined(RWKV__ZEN4)
#define RWKV__PK512 1
#endif
#define RWKV__PK_UNPACK 32 /* rows a prompt block unpacks at a time */

static RWKV__UNUSED int rwkv__pk_type(int type)
{
#ifdef RWKV__PACK
    return type == RWKV__TYPE_Q4_0 || type == RWKV__TYPE_Q8_0 || type == RWKV__TYPE_Q5_1 ||
           type == RWKV__TYPE_Q4_K || type == RWKV__TYPE_Q5_K || type == RWKV__TYPE_Q6_K;
#else
    (void)type;
    return 0;
#endif
}

/* Bytes of one packed block of a group (8 rows x 32 values; K types: x 256; 0: not a packed
   type): the layouts above. */
RWKV__INLINE size_t rwkv__pk_block_bytes(int type)
{
    return type == RWKV__TYPE_Q4_0 ? 144 : type == RWKV__TYPE_Q8_0 ? 272 :
           type == RWKV__TYPE_Q5_1 ? 192 : type == RWKV__TYPE_Q4_K ? 1184 :
           type == RWKV__TYPE_Q5_K ? 1440 : type == RWKV__TYPE_Q6_K ? 1680 : 0;
}

/* Bytes of one packed group of 8 rows of `cols` values (0: not a packed type). */
static RWKV__UNUSED size_t rwkv__pk_group_bytes(int type, int64_t cols)
{
    const size_t bb = rwkv__pk_block_bytes(type);
    return bb ? (size_t)(cols / rwkv__qblock(type)) * bb : 0;
}

/* Where group g of a packed rows x cols matrix starts, and the bytes after each of its blocks
   before its next one (skip). With RWKV__PK512 the full groups go in pairs (2p, 2p + 1) whose
   blocks alternate, block b of 2p then block b of 2p + 1, so that the two-group kernels read
   one forward stream (two groups gs bytes apart, two streams, ran 0.70-1.03x of one group at a
   time from memory, though 1.3x from L2); a last odd group is whole. Without it, groups
   follow each other whole. */
static RWKV__UNUSED size_t rwkv__pk_at(int type, int64_t rows, int64_t cols, int64_t g, size_t *skip)
{
    const size_t gb = rwkv__pk_group_bytes(type, cols);
#ifdef RWKV__PK512
    if ((g ^ 1) < rows / 8) {
        const size_t bb = rwkv__pk_block_bytes(type);
        *skip = bb;
        return (size_t)(g & ~(int64_t)1) * gb + (size_t)(g & 1) * bb;
    }
#else
    (void)rows;
#endif
    *skip = 0;
    return (size_t)g * gb;
}

/* Offset in a Q4_K / Q5_K group's super-block of the vector of qs[32c+4k..32c+4k+3]. Q5_K
   puts qh[4k..4k+3] (read with every c) right before c = 0's, so that the first pass reads
   forward (qh 256 bytes ahead of qs, read in turns, ran 0.83x from memory). */
static int rwkv__pk_qs(int q5, int c, int k)
{
    return !q5 ? 160 + 256 * c + 32 * k : c == 0 ? 192 + 64 * k : 416 + 256 * c + 32 * k;
}

/* 8 rows of ggml blocks (rowb bytes apart) -> group G, and back: unpacking gives the same
   bytes (tests/test_quant checks). */
static RWKV__UNUSED void rwkv__pk_pack(int type, const uint8_t *W, size_t rowb, int64_t cols, uint8_t *G,
                                       size_t skip)
{
    int64_t b;
    int r, k, s;
    if (type == RWKV__TYPE_Q4_0 || type == RWKV__TYPE_Q8_0 || type == RWKV__TYPE_Q5_1) {
        /* d (Q5_1: then m and qh), then nk dwords of levels */
        const int nk = type == RWKV__TYPE_Q8_0 ? 8 : 4, q5 = type == RWKV__TYPE_Q5_1;
        const size_t hb = q5 ? 8 : 2, gh = q5 ? 64 : 16; /* header bytes in a block, a group */
        for (b = 0; b < cols / 32; b++, G += gh + 32 * nk + skip)
            for (r = 0; r < 8; r++) {
                const uint8_t *p = W + (size_t)r * rowb + (size_t)b * (hb + 4 * nk);
                memcpy(G + 2 * r, p, 2);
                if (q5) {
                    memcpy(G + 16 + 2 * r, p + 2, 2);
                    memcpy(G + 32 + 4 * r, p + 4, 4);
                }
                for (k = 0; k < nk; k++) memcpy(G + gh + 32 * k + 4 * r, p + hb + 4 * k, 4);
            }
        return;
    }
    if (type == RWKV__TYPE_Q6_K) {
        for (b = 0; b < cols / 256; b++, G += 1680 + skip)
            for (r = 0; r < 8; r++) {
                const uint8_t *p = W + (size_t)r * rowb + (size_t)b * 210;
                memcpy(G + 2 * r, p + 208, 2);
                for (s = 0; s < 16; s++) G[16 + 8 * s + r] = p[192 + s];
                for (k = 0; k < 16; k++) { /* k = 8h + k' */
                    uint8_t *o = G + 144 + 96 * k + 4 * r;
                    memcpy(o, p + 4 * (k + k / 8 * 8), 4);
                    memcpy(o + 32, p + 4 * (k + k / 8 * 8 + 8), 4);
                    memcpy(o + 64, p + 128 + 4 * k, 4);
                }
            }
        return;
    }
    { /* Q4_K, Q5_K */
        const int q5 = type == RWKV__TYPE_Q5_K;
        const size_t bb = q5 ? 176 : 144, gb = q5 ? 1440 : 1184;
        for (b = 0; b < cols / 256; b++, G += gb + skip)
            for (r = 0; r < 8; r++) {
                const uint8_t *p = W + (size_t)r * rowb + (size_t)b * bb;
                memcpy(G + 2 * r, p, 2);
                memcpy(G + 16 + 2 * r, p + 2, 2);
                for (s = 0; s < 8; s++) {
                    int S, M;
                    rwkv__k4_scale_min(s, p + 4, &S, &M);
                    G[32 + 8 * s + r] = (uint8_t)S;
                    G[96 + 32 * (s / 4) + 4 * r + s % 4] = (uint8_t)M;
                }
                for (k = 0; k < 32; k++) memcpy(G + rwkv__pk_qs(q5, k / 8, k % 8) + 4 * r, p + bb - 128 + 4 * k, 4);
                if (q5)
                    for (k = 0; k < 8; k++) memcpy(G + 160 + 64 * k + 4 * r, p + 16 + 4 * k, 4);
            }
    }
}

static RWKV__UNUSED void rwkv__pk_unpack(int type, const uint8_t *G, int64_t cols, uint8_t *W, size_t rowb,
                                         size_t skip)
{
    int64_t b;
    int r, k, j;
    if (type == RWKV__TYPE_Q4_0 || type == RWKV__TYPE_Q8_0 || type == RWKV__TYPE_Q5_1) {
        const int nk = type == RWKV__TYPE_Q8_0 ? 8 : 4, q5 = type == RWKV__TYPE_Q5_1;
        const size_t hb = q5 ? 8 : 2, gh = q5 ? 64 : 16;
        for (b = 0; b < cols / 32; b++, G += gh + 32 * nk + skip)
            for (r = 0; r < 8; r++) {
                uint8_t *p = W + (size_t)r * rowb + (size_t)b * (hb + 4 * nk);
                memcpy(p, G + 2 * r, 2);
                if (q5) {
                    memcpy(p + 2, G + 16 + 2 * r, 2);
                    memcpy(p + 4, G + 32 + 4 * r, 4);
                }
                for (k = 0; k < nk; k++) memcpy(p + hb + 4 * k, G + gh + 32 * k + 4 * r, 4);
            }
        return;
    }
    if (type == RWKV__TYPE_Q6_K) {
        for (b = 0; b < cols / 256; b++, G += 1680 + skip)
            for (r = 0; r < 8; r++) {
                uint8_t *p = W + (size_t)r * rowb + (size_t)b * 210;
                memcpy(p + 208, G + 2 * r, 2);
                for (j = 0; j < 16; j++) p[192 + j] = G[16 + 8 * j + r];
                for (k = 0; k < 16; k++) {
                    const uint8_t *o = G + 144 + 96 * k + 4 * r;
                    memcpy(p + 4 * (k + k / 8 * 8), o, 4);
                    memcpy(p + 4 * (k + k / 8 * 8 + 8), o + 32, 4);
                    memcpy(p + 128 + 4 * k, o + 64, 4);
                }
            }
        return;
    }
    {
    const int q5 = type == RWKV__TYPE_Q5_K;
    const size_t bb = q5 ? 176 : 144, gb = q5 ? 1440 : 1184;
    for (b = 0; b < cols / 256; b++, G += gb + skip)
        for (r = 0; r < 8; r++) {
            uint8_t *p = W + (size_t)r * rowb + (size_t)b * bb, *q = p + 4;
            int S[8], M[8];
            memcpy(p, G + 2 * r, 2);
            memcpy(p + 2, G + 16 + 2 * r, 2);
            for (j = 0; j < 8; j++) {
                S[j] = G[32 + 8 * j + r];
                M[j] = G[96 + 32 * (j / 4) + 4 * r + j % 4];
            }
            for (j = 0; j < 4; j++) { /* rwkv__k4_scale_min inverted */
                q[j] = (uint8_t)(S[j] | ((S[j + 4] >> 4) << 6));
                q[j + 4] = (uint8_t)(M[j] | ((M[j + 4] >> 4) << 6));
                q[j + 8] = (uint8_t)((S[j + 4] & 15) | ((M[j + 4] & 15) << 4));
            }
            for (k = 0; k < 32; k++) memcpy(p + bb - 128 + 4 * k, G + rwkv__pk_qs(q5, k / 8, k % 8) + 4 * r, 4);
            if (q5)
                for (k = 0; k < 8; k++) memcpy(p + 16 + 4 * k, G + 160 + 64 * k + 4 * r, 4);
        }
    }
}

#ifdef RWKV__PACK
/* 4-value products u8 x s8 summed into the int32 lanes of acc: VNNI's vpdpbusd, else the
   AVX2 pair (the levels are <= 15, so maddubs' int16 sums cannot saturate). */
#ifdef RWKV__QVNNI256
#define RWKV__PK_DP(acc, u, s) RWKV__DPBUSD256(acc, u, s)
#else
#define RWKV__PK_DP(acc, u, s)                                                                     \
    _mm256_add_epi32((acc), _mm256_madd_epi16(_mm256_maddubs_epi16((u), (s)), _mm256_set1_epi16(1)))
#endif
RWKV__INLINE __m256i rwkv__pk_x4(const int8_t *x) /* 4 token values in every lane */
{
    int32_t v;
    memcpy(&v, x, 4);
    return _mm256_set1_epi32(v);
}

/* acc + Q8_0's 4-value products: the 32 levels at q (a group's 8 rows' 4 each) times the
   token's 4 values at x. VNNI: vpdpbusd of w ^ 0x80 (the token's -128 X, corr, undoes the
   offset); AVX2 (and AVX-VNNI builds: vpdpbusd ran 0.79-0.88x as fast from memory there):
   vpmaddubsw of |w| against x with w's signs, whose pair sums (<= 2 x 128 x 127) cannot
   saturate. */
RWKV__INLINE __m256i rwkv__pk_q8_dp(__m256i acc, const uint8_t *q, const int8_t *x)
{
    const __m256i w = rwkv__ld256(q), xv = rwkv__pk_x4(x);
#ifdef RWKV__QVNNI
    return _mm256_dpbusd_epi32(acc, _mm256_xor_si256(w, _mm256_set1_epi8((char)0x80)), xv);
#else
    return _mm256_add_epi32(acc, _mm256_madd_epi16(_mm256_maddubs_epi16(_mm256_abs_epi8(w),
                                                                        _mm256_sign_epi8(xv, w)),
                                                   _mm256_set1_epi16(1)));
#endif
}

/* y[0..7] = rows of group G times token a (nb blocks of 32): the definition's eight float
   accumulators by block number mod 8, lane by lane, then its tree. The type is a constant
   after inlining (one function per type below):
   Q4_0: each dword of levels holds the low nibbles' 4 values of the block's first half and
     the high ones' of its second (levels 0..15, their offset 8 undone by the token's -8 X,
     corr).
   Q5_1: Q4_0's dwords of nibbles after the rows' d, m and qh (lane r: row r's 32 bits; value
     j's bit j). For the values 4k..4k+3 (low nibbles) vpshufb copies qh byte k/2 into the
     dword's 4 bytes, each byte keeps its own bit (mask 1, 2, 4, 8 or 16 .. 128), vpcmpeqb
     makes it 0xff and the and 0x10 the level's bit 4; the high nibbles (values 16 + 4k ..)
     the same from byte 2 + k/2. Levels 0..31, no offset; a second float step per block,
     mw dx X (dsx).
   Q8_0: VNNI takes the levels as w ^ 0x80 = w + 128 (undone by the token's -128 X, corr);
     AVX2's vpmaddubsw as |w| against the token's values with w's signs, whose pair sums
     (<= 2 x 128 x 127) cannot saturate. */
/* The packed groups (every type) are prefetched RWKV__PK_PFD bytes ahead into L2: on a Zen 5
   VM that reads 25-40 GB/s on one thread, one packed stream ran at 22-26 GB/s from memory
   against ~40 in L2, the hardware prefetcher alone not far enough ahead. First Q8_0 alone at
   1 KiB (1.13-1.24 whole model); then every type, farther. Whole model, 8 tokens, paired
   (`tools/pair.sh -a -DRWKV__PK_PFD=A -b -DRWKV__PK_PFD=B model -- MODEL T 8 12`): v7 1.5B
   Q8_0 16 KiB over 1 KiB 1.11 (one thread), over none 1.37 (two threads); Q4_0 16 KiB over
   none 1.15 (one) / 1.05 (two), Q4_K_M 1.07 / 1.06; 16 KiB against 8 KiB Q4_0 1.06-1.10,
   Q4_K_M 1.03, Q8_0 1.05; against 4 KiB 1.00-1.01; 32 KiB 0.86-1.05 (a plateau). v7 0.1B one
   thread Q8_0 1.16, v4 0.1B Q4_K_M 1.07; two threads within the noise. The f16 pair streams
   (rwkv__mv_two) lost with the same prefetch (8 KiB 0.965, 16 KiB 0.99). 0: none. Zen 4
   (a 2-core VM, the 256-bit kernels, one thread, 8192 x 2048 from memory) streams faster with
   its hardware prefetcher alone: none against 16 KiB Q8_0 1.34, Q4_0 1.12, Q4_K 1.01; 4 KiB
   0.91 / 0.88 / 0.99 (docs/KERNELS.md, forty-eighth round). */
#ifndef RWKV__PK_PFD
#ifdef RWKV__ZEN4
#define RWKV__PK_PFD 0
#else
#define RWKV__PK_PFD 16384
#endif
#endif
RWKV__INLINE void rwkv__pk_b32(float *y, const uint8_t *G, size_t skip, const rwkv__qact *a,
                               int64_t nb, int type)
{
    const int q8 = type == RWKV__TYPE_Q8_0, q5 = type == RWKV__TYPE_Q5_1;
    const __m256i m4 = _mm256_set1_epi8(15), b4 = _mm256_set1_epi8(0x10),
                  lane = _mm256_setr_epi32(0, 0x04040404, 0x08080808, 0x0C0C0C0C,
                                           0, 0x04040404, 0x08080808, 0x0C0C0C0C),
                  bits_even = _mm256_set1_epi32(0x08040201), bits_odd = _mm256_set1_epi32((int)0x80402010u);
    const size_t gb = q8 ? 272 : q5 ? 192 : 144, lev = q5 ? 64 : 16; /* group block, levels */
    __m256 A[8];
    int64_t b;
    int L, k;
    for (L = 0; L < 8; L++) A[L] = _mm256_setzero_ps();
    for (b = 0; b < nb; b += 8)
        RWKV__UNROLL for (L = 0; L < 8; L++) {
            if (b + L < nb) {
                const uint8_t *p = G + (size_t)(b + L) * (gb + skip);
                const int8_t *xl = a->q + rwkv__quad_pos(b + L, 0), *xh = a->q + rwkv__quad_pos(b + L, 16);
#if RWKV__PK_PFD
                RWKV__PREFETCH_RANGE(p + RWKV__PK_PFD, (int64_t)gb);
#endif
#ifdef RWKV__QVNNI
                __m256i I = q5 ? _mm256_setzero_si256() : _mm256_set1_epi32(a->corr[b + L]);
#else
                __m256i I = q8 || q5 ? _mm256_setzero_si256() : _mm256_set1_epi32(a->corr[b + L]);
#endif
                /* two chains of sums (I, J), added at the end: a chain of vpdpbusd waits on
                   its latency (AVX-VNNI, Q4_K / Q4_0 from memory 1.03 / 1.045; docs/KERNELS.md,
                   thirty-sixth round) */
                __m256i J = _mm256_setzero_si256();
                __m256 s;
                if (q8)
                    RWKV__UNROLL for (k = 0; k < 8; k += 2) { /* even k into I, odd into J */
                        I = rwkv__pk_q8_dp(I, p + 16 + 32 * k, k < 4 ? xl + 4 * k : xh + 4 * (k - 4));
                        J = rwkv__pk_q8_dp(J, p + 48 + 32 * k, k < 3 ? xl + 4 * k + 4 : xh + 4 * (k - 3));
                    }
                else {
#ifndef RWKV__QVNNI256
                    /* AVX2: vpmaddubsw's int16 pair sums added in int16, one vpmaddwd per four:
                       levels <= 31 and |x| <= 127 keep them in range (4 x 2 x 31 x 128 =
                       31744), and the int32 sums are the same */
                    __m256i Hl = _mm256_setzero_si256(), Hh = _mm256_setzero_si256();
#endif
                    RWKV__UNROLL for (k = 0; k < 4; k++) {
                        const __m256i w = _mm256_loadu_si256((const __m256i *)(const void *)(p + lev + 32 * k));
                        __m256i lo = _mm256_and_si256(w, m4), hi = _mm256_and_si256(_mm256_srli_epi16(w, 4), m4);
                        if (q5) {
                            const __m256i H = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32)),
                                          bits = k % 2 ? bits_odd : bits_even,
                                          hl = _mm256_and_si256(_mm256_shuffle_epi8(H, _mm256_add_epi8(lane,
                                                   _mm256_set1_epi8((char)(k / 2)))), bits),
                                          hh = _mm256_and_si256(_mm256_shuffle_epi8(H, _mm256_add_epi8(lane,
                                                   _mm256_set1_epi8((char)(2 + k / 2)))), bits);
                            lo = _mm256_or_si256(lo, _mm256_and_si256(_mm256_cmpeq_epi8(hl, bits), b4));
                            hi = _mm256_or_si256(hi, _mm256_and_si256(_mm256_cmpeq_epi8(hh, bits), b4));
                        }
#ifdef RWKV__QVNNI256
                        I = RWKV__PK_DP(I, lo, rwkv__pk_x4(xl + 4 * k));
                        J = RWKV__PK_DP(J, hi, rwkv__pk_x4(xh + 4 * k));
#else
                        Hl = _mm256_add_epi16(Hl, _mm256_maddubs_epi16(lo, rwkv__pk_x4(xl + 4 * k)));
                        Hh = _mm256_add_epi16(Hh, _mm256_maddubs_epi16(hi, rwkv__pk_x4(xh + 4 * k)));
#endif
                    }
#ifndef RWKV__QVNNI256
                    I = _mm256_add_epi32(I, _mm256_madd_epi16(Hl, _mm256_set1_epi16(1)));
                    J = _mm256_madd_epi16(Hh, _mm256_set1_epi16(1));
#endif
                }
                I = _mm256_add_epi32(I, J);
                s = _mm256_mul_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(const void *)p)),
                                  _mm256_set1_ps(a->d[b + L]));
                A[L] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(I), s, A[L]);
                if (q5)
                    A[L] = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(const void *)(p + 16))),
                                           _mm256_set1_ps(a->dsx[b + L]), A[L]);
            }
        }
    {
        const __m256 a0 = _mm256_add_ps(A[0], A[4]), a1 = _mm256_add_ps(A[1], A[5]),
                     a2 = _mm256_add_ps(A[2], A[6]), a3 = _mm256_add_ps(A[3], A[7]);
        _mm256_storeu_ps(y, _mm256_add_ps(_mm256_add_ps(a0, a2), _mm256_add_ps(a1, a3)));
    }
}

static void rwkv__pk_q4_0(float *y, const uint8_t *G, size_t skip, const rwkv__qact *a, int64_t nb)
{
    rwkv__pk_b32(y, G, skip, a, nb, RWKV__TYPE_Q4_0);
}

static void rwkv__pk_q8_0(float *y, const uint8_t *G, size_t skip, const rwkv__qact *a, int64_t nb)
{
    rwkv__pk_b32(y, G, skip, a, nb, RWKV__TYPE_Q8_0);
}

static void rwkv__pk_q5_1(float *y, const uint8_t *G, size_t skip, const rwkv__qact *a, int64_t nb)
{
    rwkv__pk_b32(y, G, skip, a, nb, RWKV__TYPE_Q5_1);
}

/* Bit `bit` of each byte moved to bit 4, the rest zero (Q5_K's fifth bits). */
RWKV__INLINE __m256i rwkv__pk_bit4(__m256i h, int bit)
{
    switch (bit) {
    case 0: h = _mm256_slli_epi16(h, 4); break;
    case 1: h = _mm256_slli_epi16(h, 3); break;
    case 2: h = _mm256_slli_epi16(h, 2); break;
    case 3: h = _mm256_slli_epi16(h, 1); break;
    case 4: break;
    case 5: h = _mm256_srli_epi16(h, 1); break;
    case 6: h = _mm256_srli_epi16(h, 2); break;
    default: h = _mm256_srli_epi16(h, 3); break;
    }
    return _mm256_and_si256(h, _mm256_set1_epi8(0x10));
}

/* The same for Q4_K and Q5_K (nb super-blocks; q5: the fifth bits from qh): one float
   accumulator per row, as the definition. */
RWKV__INLINE void rwkv__pk_k45(float *y, const uint8_t *G, size_t skip, const rwkv__qact *a, int64_t nb,
                               int q5)
{
    const __m256i m4 = _mm256_set1_epi8(15), lo16 = _mm256_set1_epi32(0x00FF00FF);
    const size_t gb = q5 ? 1440 : 1184;
    __m256 B = _mm256_setzero_ps();
    int64_t b;
    int c, k, s;
    for (b = 0; b < nb; b++, G += gb + skip) {
        const int8_t *x = a->q + b * 256;
        const int16_t *bs = a->bs + b * 16;
        __m256i I = _mm256_setzero_si256(), ms;
#if RWKV__PK_PFD
        RWKV__PREFETCH_RANGE(G + RWKV__PK_PFD, (int64_t)gb);
#endif
        __m256 dx = _mm256_set1_ps(a->d[b]);
        int32_t sum[8];
        RWKV__UNROLL for (c = 0; c < 4; c++) {
            __m256i Glo = _mm256_setzero_si256(), Ghi = _mm256_setzero_si256();
#ifndef RWKV__QVNNI256
            /* AVX2: int16 sums of vpmaddubsw as in rwkv__pk_b32, eight of Q4_K's levels <= 15
               (8 x 2 x 15 x 128 = 30720), four of Q5_K's <= 31 (k even / odd apart) */
            __m256i Hlo[2], Hhi[2];
            Hlo[0] = Hlo[1] = Hhi[0] = Hhi[1] = _mm256_setzero_si256();
#endif
            RWKV__UNROLL for (k = 0; k < 8; k++) {
                const __m256i w = _mm256_loadu_si256((const __m256i *)(const void *)(G + rwkv__pk_qs(q5, c, k)));
                __m256i lo = _mm256_and_si256(w, m4), hi = _mm256_and_si256(_mm256_srli_epi16(w, 4), m4);
                if (q5) {
                    const __m256i h = _mm256_loadu_si256((const __m256i *)(const void *)(G + 160 + 64 * k));
                    lo = _mm256_or_si256(lo, rwkv__pk_bit4(h, 2 * c));
                    hi = _mm256_or_si256(hi, rwkv__pk_bit4(h, 2 * c + 1));
                }
#ifdef RWKV__QVNNI256
                Glo = RWKV__PK_DP(Glo, lo, rwkv__pk_x4(x + 64 * c + 4 * k));
                Ghi = RWKV__PK_DP(Ghi, hi, rwkv__pk_x4(x + 64 * c + 32 + 4 * k));
#else
                Hlo[q5 ? k % 2 : 0] = _mm256_add_epi16(Hlo[q5 ? k % 2 : 0],
                    _mm256_maddubs_epi16(lo, rwkv__pk_x4(x + 64 * c + 4 * k)));
                Hhi[q5 ? k % 2 : 0] = _mm256_add_epi16(Hhi[q5 ? k % 2 : 0],
                    _mm256_maddubs_epi16(hi, rwkv__pk_x4(x + 64 * c + 32 + 4 * k)));
#endif
            }
#ifndef RWKV__QVNNI256
            Glo = _mm256_madd_epi16(Hlo[0], _mm256_set1_epi16(1));
            Ghi = _mm256_madd_epi16(Hhi[0], _mm256_set1_epi16(1));
            if (q5) {
                Glo = _mm256_add_epi32(Glo, _mm256_madd_epi16(Hlo[1], _mm256_set1_epi16(1)));
                Ghi = _mm256_add_epi32(Ghi, _mm256_madd_epi16(Hhi[1], _mm256_set1_epi16(1)));
            }
#endif
            I = _mm256_add_epi32(I, _mm256_mullo_epi32(Glo,
                    _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(const void *)(G + 32 + 16 * c)))));
            I = _mm256_add_epi32(I, _mm256_mullo_epi32(Ghi,
                    _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(const void *)(G + 40 + 16 * c)))));
        }
        /* the mins: lane r's u8 M of sub-blocks 4j..4j+3 as int16 pairs (even, odd) times the
           token's sums of those sub-blocks */
        for (s = 0; s < 8; s++) sum[s] = bs[2 * s] + bs[2 * s + 1];
        {
            const __m256i m0 = _mm256_loadu_si256((const __m256i *)(const void *)(G + 96)),
                          m1 = _mm256_loadu_si256((const __m256i *)(const void *)(G + 128));
#define RWKV__PK_PAIR(u, v) _mm256_set1_epi32((int32_t)(((uint32_t)(uint16_t)(u)) | ((uint32_t)(uint16_t)(v) << 16)))
            ms = _mm256_add_epi32(
                _mm256_add_epi32(_mm256_madd_epi16(_mm256_and_si256(m0, lo16), RWKV__PK_PAIR(sum[0], sum[2])),
                                 _mm256_madd_epi16(_mm256_srli_epi16(m0, 8), RWKV__PK_PAIR(sum[1], sum[3]))),
                _mm256_add_epi32(_mm256_madd_epi16(_mm256_and_si256(m1, lo16), RWKV__PK_PAIR(sum[4], sum[6])),
                                 _mm256_madd_epi16(_mm256_srli_epi16(m1, 8), RWKV__PK_PAIR(sum[5], sum[7]))));
#undef RWKV__PK_PAIR
        }
        B = _mm256_fmadd_ps(_mm256_cvtepi32_ps(I),
                            _mm256_mul_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(const void *)G)), dx), B);
        B = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_setzero_si256(), ms)),
                            _mm256_mul_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(const void *)(G + 16))), dx), B);
    }
    _mm256_storeu_ps(y, B);
}
static void rwkv__pk_q4_k(float *y, const uint8_t *G, size_t skip, const rwkv__qact *a, int64_t nb)
{
    rwkv__pk_k45(y, G, skip, a, nb, 0);
}
static void rwkv__pk_q5_k(float *y, const uint8_t *G, size_t skip, const rwkv__qact *a, int64_t nb)
{
    rwkv__pk_k45(y, G, skip, a, nb, 1);
}

/* Q6_K (nb super-blocks): levels q = ql nibble | qh pair << 4 (0..63) against the token's
   values, the -32 offset as the sub-block's -32 sum(xq) (the token's bs), then the signed
   sub-block scales; one float accumulator per row, as the definition. */
static void rwkv__pk_q6_k(float *y, const uint8_t *G, size_t skip, const rwkv__qact *a, int64_t nb)
{
    const __m256i m4 = _mm256_set1_epi8(15), m30 = _mm256_set1_epi8(0x30);
    __m256 B = _mm256_setzero_ps();
    int64_t b;
    int h, q, k, j;
    for (b = 0; b < nb; b++, G += 1680 + skip) {
        const int8_t *x = a->q + b * 256;
        const int16_t *bs = a->bs + b * 16;
        __m256i I = _mm256_setzero_si256();
        for (h = 0; h < 2; h++)
            for (q = 0; q < 2; q++) {
                /* sub-blocks 8h + q, +2, +4, +6: values 128h + 16q + 32j + 0..15 */
                __m256i S[4];
                RWKV__UNROLL for (j = 0; j < 4; j++) S[j] = _mm256_set1_epi32(-32 * bs[8 * h + q + 2 * j]);
                RWKV__UNROLL for (k = 0; k < 4; k++) {
                    const uint8_t *o = G + 144 + 96 * (8 * h + 4 * q + k);
#if RWKV__PK_PFD
                    {   /* the block RWKV__PK_PFD ahead, two of its 27 lines per step: spread
                           over the block, not 27 at its start (one thread, 8192 x 2048 from
                           memory 1.09-1.12, 65536 x 2048 1.07, from L2 1.04; two threads 1.03;
                           the same for Q4_K's 19 lines: 0.96 / 1.05, not kept) */
                        const int l = 2 * (8 * h + 4 * q + k);
                        RWKV__PREFETCH(G + RWKV__PK_PFD + 64 * l);
                        if (l + 1 < 27) RWKV__PREFETCH(G + RWKV__PK_PFD + 64 * (l + 1));
                    }
#endif
                    const __m256i A = _mm256_loadu_si256((const __m256i *)(const void *)o),
                                  C = _mm256_loadu_si256((const __m256i *)(const void *)(o + 32)),
                                  H = _mm256_loadu_si256((const __m256i *)(const void *)(o + 64));
                    const int8_t *xk = x + 128 * h + 4 * (4 * q + k);
                    S[0] = RWKV__PK_DP(S[0], _mm256_or_si256(_mm256_and_si256(A, m4),
                                       _mm256_and_si256(_mm256_slli_epi16(H, 4), m30)), rwkv__pk_x4(xk));
                    S[1] = RWKV__PK_DP(S[1], _mm256_or_si256(_mm256_and_si256(C, m4),
                                       _mm256_and_si256(_mm256_slli_epi16(H, 2), m30)), rwkv__pk_x4(xk + 32));
                    S[2] = RWKV__PK_DP(S[2], _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(A, 4), m4),
                                       _mm256_and_si256(H, m30)), rwkv__pk_x4(xk + 64));
                    S[3] = RWKV__PK_DP(S[3], _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(C, 4), m4),
                                       _mm256_and_si256(_mm256_srli_epi16(H, 2), m30)), rwkv__pk_x4(xk + 96));
                }
                RWKV__UNROLL for (j = 0; j < 4; j++)
                    I = _mm256_add_epi32(I, _mm256_mullo_epi32(S[j], _mm256_cvtepi8_epi32(_mm_loadl_epi64(
                            (const __m128i *)(const void *)(G + 16 + 8 * (8 * h + q + 2 * j))))));
            }
        B = _mm256_fmadd_ps(_mm256_cvtepi32_ps(I),
                            _mm256_mul_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(const void *)G)),
                                          _mm256_set1_ps(a->d[b])), B);
    }
    _mm256_storeu_ps(y, B);
}

/* ---- the packed kernels, two groups per 512-bit vector ---------------------------------- */
/* With AVX-512 VNNI the kernels above run on two neighbouring groups at once: the same
   columns of rows 8g .. 8g + 15, group g in the low 256 bits and g + 1 in the high (two
   loads from a pair's alternating blocks, joined), against the same token values. Each lane
   does what the 256-bit kernel's lane does, so the bits are the same; a vector instruction
   does the work of two. Generation of 4-bit models was partly bound by the kernels' instructions: on a
   Zen 5 VM (full-width AVX-512), Q4_K 8192 x 2048 from L3 ran 140 GFLOP/s (39 GB/s) on one
   thread against a read of ~34 GB/s from memory, so the weights' stream had little slack
   (docs/KERNELS.md, twenty-ninth round). -DRWKV_NO_PK512 keeps the 256-bit kernels. */
#ifdef RWKV__PK512
/* The two-group kernels prefetch Q8_0, Q5_1, Q4_K and Q5_K into L1 (locality 3), Q4_0 and
   Q6_K into L2 as the 256-bit kernels: on the Zen 5 VM of docs/KERNELS.md's thirty-third
   round, 16384 x 2048 from memory (`tools/pair.sh -a -DRWKV__PK2_L1=0 matmul -- TYPE 16384
   2048 1 8 40`, one / two threads) into L1 ran Q4_K 1.08-1.14 / 1.06-1.12, Q5_K 1.09 / 1.06,
   Q8_0 1.06 / 1.07, Q5_1 1.26 / 1.02, Q4_0 1.01 / 0.98 and Q6_K 0.65-0.77 / 0.74-0.77 (its
   prefetches are spread over the block, four lines a step). l1: a constant where the kernels
   are inlined per type. */
#ifndef RWKV__PK2_L1
#define RWKV__PK2_L1 1
#endif
#if defined(__GNUC__) || defined(__clang__)
#define RWKV__PK2_PREFETCH_RANGE(p, bytes, l1)                                               \
    do {                                                                                     \
        int64_t pf_j_;                                                                       \
        for (pf_j_ = 0; pf_j_ < (bytes); pf_j_ += 64) {                                      \
            if (RWKV__PK2_L1 && (l1)) __builtin_prefetch((p) + pf_j_, 0, 3);                 \
            else __builtin_prefetch((p) + pf_j_, 0, 2);                                      \
        }                                                                                    \
    } while (0)
#else
#define RWKV__PK2_PREFETCH_RANGE(p, bytes, l1) RWKV__PREFETCH_RANGE(p, bytes)
#endif
RWKV__INLINE __m512i rwkv__pk2_ld(const uint8_t *p, size_t gs) /* 32 bytes of g | of g + 1 */
{
    return _mm512_inserti64x4(
        _mm512_castsi256_si512(_mm256_loadu_si256((const __m256i *)(const void *)p)),
        _mm256_loadu_si256((const __m256i *)(const void *)(p + gs)), 1);
}
RWKV__INLINE __m512 rwkv__pk2_f16(const uint8_t *p, size_t gs) /* 8 f16 of g | of g + 1 */
{
    return _mm512_cvtph_ps(_mm256_inserti128_si256(
        _mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)p)),
        _mm_loadu_si128((const __m128i *)(const void *)(p + gs)), 1));
}
RWKV__INLINE __m128i rwkv__pk2_8(const uint8_t *p, size_t gs) /* 8 bytes of g | of g + 1 */
{
    return _mm_unpacklo_epi64(_mm_loadl_epi64((const __m128i *)(const void *)p),
                              _mm_loadl_epi64((const __m128i *)(const void *)(p + gs)));
}
RWKV__INLINE __m512i rwkv__pk2_x4(const int8_t *x)
{
    int32_t v;
    memcpy(&v, x, 4);
    return _mm512_set1_epi32(v);
}

/* rwkv__pk_b32 for the pair of groups at G (rwkv__pk_at): y[0..15] */
RWKV__INLINE void rwkv__pk2_b32(float *y, const uint8_t *G, const rwkv__qact *a, int64_t nb,
                                int type)
{
    const int q8 = type == RWKV__TYPE_Q8_0, q5 = type == RWKV__TYPE_Q5_1;
    const __m512i m4 = _mm512_set1_epi8(15), b4 = _mm512_set1_epi8(0x10),
                  lane = _mm512_set4_epi32(0x0C0C0C0C, 0x08080808, 0x04040404, 0),
                  bits_even = _mm512_set1_epi32(0x08040201),
                  bits_odd = _mm512_set1_epi32((int)0x80402010u), flip = _mm512_set1_epi8((char)0x80);
    const size_t gs = rwkv__pk_block_bytes(type), lev = q5 ? 64 : 16; /* a group's block */
    __m512 A[8];
    int64_t b;
    int L, k;
    for (L = 0; L < 8; L++) A[L] = _mm512_setzero_ps();
    for (b = 0; b < nb; b += 8)
        RWKV__UNROLL for (L = 0; L < 8; L++) {
            if (b + L < nb) {
                const uint8_t *p = G + (size_t)(b + L) * 2 * gs;
                const int8_t *xl = a->q + rwkv__quad_pos(b + L, 0), *xh = a->q + rwkv__quad_pos(b + L, 16);
                __m512i I = q5 ? _mm512_setzero_si512() : _mm512_set1_epi32(a->corr[b + L]);
#if RWKV__PK_PFD
                RWKV__PK2_PREFETCH_RANGE(p + RWKV__PK_PFD, (int64_t)(2 * gs), q8 || q5);
#endif
                if (q8)
                    RWKV__UNROLL for (k = 0; k < 8; k++)
                        I = _mm512_dpbusd_epi32(I, _mm512_xor_si512(rwkv__pk2_ld(p + 16 + 32 * k, gs), flip),
                                                rwkv__pk2_x4(k < 4 ? xl + 4 * k : xh + 4 * (k - 4)));
                else
                    RWKV__UNROLL for (k = 0; k < 4; k++) {
                        const __m512i w = rwkv__pk2_ld(p + lev + 32 * k, gs);
                        __m512i lo = _mm512_and_si512(w, m4), hi = _mm512_and_si512(_mm512_srli_epi16(w, 4), m4);
                        if (q5) {
                            const __m512i H = rwkv__pk2_ld(p + 32, gs),
                                          bits = k % 2 ? bits_odd : bits_even,
                                          hl = _mm512_and_si512(_mm512_shuffle_epi8(H, _mm512_add_epi8(lane,
                                                   _mm512_set1_epi8((char)(k / 2)))), bits),
                                          hh = _mm512_and_si512(_mm512_shuffle_epi8(H, _mm512_add_epi8(lane,
                                                   _mm512_set1_epi8((char)(2 + k / 2)))), bits);
                            lo = _mm512_or_si512(lo, _mm512_maskz_mov_epi8(_mm512_cmpeq_epi8_mask(hl, bits), b4));
                            hi = _mm512_or_si512(hi, _mm512_maskz_mov_epi8(_mm512_cmpeq_epi8_mask(hh, bits), b4));
                        }
                        I = _mm512_dpbusd_epi32(I, lo, rwkv__pk2_x4(xl + 4 * k));
                        I = _mm512_dpbusd_epi32(I, hi, rwkv__pk2_x4(xh + 4 * k));
                    }
                A[L] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(I),
                                       _mm512_mul_ps(rwkv__pk2_f16(p, gs), _mm512_set1_ps(a->d[b + L])), A[L]);
                if (q5)
                    A[L] = _mm512_fmadd_ps(rwkv__pk2_f16(p + 16, gs), _mm512_set1_ps(a->dsx[b + L]), A[L]);
            }
        }
    {
        const __m512 a0 = _mm512_add_ps(A[0], A[4]), a1 = _mm512_add_ps(A[1], A[5]),
                     a2 = _mm512_add_ps(A[2], A[6]), a3 = _mm512_add_ps(A[3], A[7]);
        _mm512_storeu_ps(y, _mm512_add_ps(_mm512_add_ps(a0, a2), _mm512_add_ps(a1, a3)));
    }
}

RWKV__INLINE __m512i rwkv__pk2_bit4(__m512i h, int bit) /* rwkv__pk_bit4, 512 bits */
{
    switch (bit) {
    case 0: h = _mm512_slli_epi16(h, 4); break;
    case 1: h = _mm512_slli_epi16(h, 3); break;
    case 2: h = _mm512_slli_epi16(h, 2); break;
    case 3: h = _mm512_slli_epi16(h, 1); break;
    case 4: break;
    case 5: h = _mm512_srli_epi16(h, 1); break;
    case 6: h = _mm512_srli_epi16(h, 2); break;
    default: h = _mm512_srli_epi16(h, 3); break;
    }
    return _mm512_and_si512(h, _mm512_set1_epi8(0x10));
}

/* rwkv__pk_k45 for the pair of groups at G */
RWKV__INLINE void rwkv__pk2_k45(float *y, const uint8_t *G, const rwkv__qact *a, int64_t nb, int q5)
{
    const __m512i m4 = _mm512_set1_epi8(15), lo16 = _mm512_set1_epi32(0x00FF00FF);
    const size_t gs = rwkv__pk_block_bytes(q5 ? RWKV__TYPE_Q5_K : RWKV__TYPE_Q4_K);
    __m512 B = _mm512_setzero_ps();
    int64_t b;
    int c, k, s;
    for (b = 0; b < nb; b++, G += 2 * gs) {
        const int8_t *x = a->q + b * 256;
        const int16_t *bs = a->bs + b * 16;
        __m512i I = _mm512_setzero_si512(), ms;
        const __m512 dx = _mm512_set1_ps(a->d[b]);
        int32_t sum[8];
#if RWKV__PK_PFD
        RWKV__PK2_PREFETCH_RANGE(G + RWKV__PK_PFD, (int64_t)(2 * gs), 1);
#endif
        RWKV__UNROLL for (c = 0; c < 4; c++) {
            __m512i Glo = _mm512_setzero_si512(), Ghi = _mm512_setzero_si512();
            RWKV__UNROLL for (k = 0; k < 8; k++) {
                const __m512i w = rwkv__pk2_ld(G + rwkv__pk_qs(q5, c, k), gs);
                __m512i lo = _mm512_and_si512(w, m4), hi = _mm512_and_si512(_mm512_srli_epi16(w, 4), m4);
                if (q5) {
                    const __m512i h = rwkv__pk2_ld(G + 160 + 64 * k, gs);
                    lo = _mm512_or_si512(lo, rwkv__pk2_bit4(h, 2 * c));
                    hi = _mm512_or_si512(hi, rwkv__pk2_bit4(h, 2 * c + 1));
                }
                Glo = _mm512_dpbusd_epi32(Glo, lo, rwkv__pk2_x4(x + 64 * c + 4 * k));
                Ghi = _mm512_dpbusd_epi32(Ghi, hi, rwkv__pk2_x4(x + 64 * c + 32 + 4 * k));
            }
            I = _mm512_add_epi32(I, _mm512_mullo_epi32(Glo, _mm512_cvtepu8_epi32(rwkv__pk2_8(G + 32 + 16 * c, gs))));
            I = _mm512_add_epi32(I, _mm512_mullo_epi32(Ghi, _mm512_cvtepu8_epi32(rwkv__pk2_8(G + 40 + 16 * c, gs))));
        }
        for (s = 0; s < 8; s++) sum[s] = bs[2 * s] + bs[2 * s + 1];
        {
            const __m512i m0 = rwkv__pk2_ld(G + 96, gs), m1 = rwkv__pk2_ld(G + 128, gs);
#define RWKV__PK_PAIR(u, v) _mm512_set1_epi32((int32_t)(((uint32_t)(uint16_t)(u)) | ((uint32_t)(uint16_t)(v) << 16)))
            ms = _mm512_add_epi32(
                _mm512_add_epi32(_mm512_madd_epi16(_mm512_and_si512(m0, lo16), RWKV__PK_PAIR(sum[0], sum[2])),
                                 _mm512_madd_epi16(_mm512_srli_epi16(m0, 8), RWKV__PK_PAIR(sum[1], sum[3]))),
                _mm512_add_epi32(_mm512_madd_epi16(_mm512_and_si512(m1, lo16), RWKV__PK_PAIR(sum[4], sum[6])),
                                 _mm512_madd_epi16(_mm512_srli_epi16(m1, 8), RWKV__PK_PAIR(sum[5], sum[7]))));
#undef RWKV__PK_PAIR
        }
        B = _mm512_fmadd_ps(_mm512_cvtepi32_ps(I), _mm512_mul_ps(rwkv__pk2_f16(G, gs), dx), B);
        B = _mm512_fmadd_ps(_mm512_cvtepi32_ps(_mm512_sub_epi32(_mm512_setzero_si512(), ms)),
                            _mm512_mul_ps(rwkv__pk2_f16(G + 16, gs), dx), B);
    }
    _mm512_storeu_ps(y, B);
}

/* rwkv__pk_q6_k for the pair of groups at G */
static void rwkv__pk2_q6_k(float *y, const uint8_t *G, const rwkv__qact *a, int64_t nb)
{
    const __m512i m4 = _mm512_set1_epi8(15), m30 = _mm512_set1_epi8(0x30);
    const size_t gs = rwkv__pk_block_bytes(RWKV__TYPE_Q6_K);
    __m512 B = _mm512_setzero_ps();
    int64_t b;
    int h, q, k, j;
    for (b = 0; b < nb; b++, G += 2 * gs) {
        const int8_t *x = a->q + b * 256;
        const int16_t *bs = a->bs + b * 16;
        __m512i I = _mm512_setzero_si512();
        for (h = 0; h < 2; h++)
            for (q = 0; q < 2; q++) {
                __m512i S[4];
                RWKV__UNROLL for (j = 0; j < 4; j++) S[j] = _mm512_set1_epi32(-32 * bs[8 * h + q + 2 * j]);
                RWKV__UNROLL for (k = 0; k < 4; k++) {
                    const uint8_t *o = G + 144 + 96 * (8 * h + 4 * q + k);
#if RWKV__PK_PFD
                    {   /* four of the pair's 53 lines per step (rwkv__pk_q6_k: two of 27) */
                        const int l = 4 * (8 * h + 4 * q + k);
                        if (l < 53) RWKV__PREFETCH_RANGE(G + RWKV__PK_PFD + 64 * l, (int64_t)(l + 4 <= 53 ? 256 : 64 * (53 - l)));
                    }
#endif
                    {
                        const __m512i A = rwkv__pk2_ld(o, gs), C = rwkv__pk2_ld(o + 32, gs),
                                      H = rwkv__pk2_ld(o + 64, gs);
                        const int8_t *xk = x + 128 * h + 4 * (4 * q + k);
                        S[0] = _mm512_dpbusd_epi32(S[0], _mm512_or_si512(_mm512_and_si512(A, m4),
                                   _mm512_and_si512(_mm512_slli_epi16(H, 4), m30)), rwkv__pk2_x4(xk));
                        S[1] = _mm512_dpbusd_epi32(S[1], _mm512_or_si512(_mm512_and_si512(C, m4),
                                   _mm512_and_si512(_mm512_slli_epi16(H, 2), m30)), rwkv__pk2_x4(xk + 32));
                        S[2] = _mm512_dpbusd_epi32(S[2], _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi16(A, 4), m4),
                                   _mm512_and_si512(H, m30)), rwkv__pk2_x4(xk + 64));
                        S[3] = _mm512_dpbusd_epi32(S[3], _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi16(C, 4), m4),
                                   _mm512_and_si512(_mm512_srli_epi16(H, 2), m30)), rwkv__pk2_x4(xk + 96));
                    }
                }
                RWKV__UNROLL for (j = 0; j < 4; j++)
                    I = _mm512_add_epi32(I, _mm512_mullo_epi32(S[j], _mm512_cvtepi8_epi32(
                            rwkv__pk2_8(G + 16 + 8 * (8 * h + q + 2 * j), gs))));
            }
        B = _mm512_fmadd_ps(_mm512_cvtepi32_ps(I),
                            _mm512_mul_ps(rwkv__pk2_f16(G, gs), _mm512_set1_ps(a->d[b])), B);
    }
    _mm512_storeu_ps(y, B);
}

/* y[0..15] = the pair of groups at G (rows 8g .. 8g + 15) times token a */
static void rwkv__pk2_group(int type, float *y, const uint8_t *G, const rwkv__qact *a, int64_t nb)
{
    if (type == RWKV__TYPE_Q4_0) rwkv__pk2_b32(y, G, a, nb, RWKV__TYPE_Q4_0);
    else if (type == RWKV__TYPE_Q8_0) rwkv__pk2_b32(y, G, a, nb, RWKV__TYPE_Q8_0);
    else if (type == RWKV__TYPE_Q5_1) rwkv__pk2_b32(y, G, a, nb, RWKV__TYPE_Q5_1);
    else if (type == RWKV__TYPE_Q4_K) rwkv__pk2_k45(y, G, a, nb, 0);
    else if (type == RWKV__TYPE_Q5_K) rwkv__pk2_k45(y, G, a, nb, 1);
    else rwkv__pk2_q6_k(y, G, a, nb);
}
#endif /* RWKV__PK512 */

/* Rows [r0, r1) x tokens [0, T) of a matrix with packed groups P (same bits as
   rwkv__qmm_rows_scalar). One token: whole groups on the packed kernels; rows past the last
   group from the file; rows of a group cut by [r0, r1) (the callers split rows in multiples
   of 8, so only a caller that does not) and blocks of tokens unpacked RWKV__PK_UNPACK rows
   at a time for the ggml-layout tiles (or, when that scratch cannot be had, from the file). */
static void rwkv__pk_unpacked_rows(float *Y, const uint8_t *W, const uint8_t *P, int type,
                                   int64_t rows, int64_t cols, const char *acts, size_t stride,
                                   int T, int64_t r0, int64_t r1, const uint8_t *amx)
{
    const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols);
    uint8_t *buf = (uint8_t *)malloc(RWKV__PK_UNPACK * rowb);
    int64_t c, g;
    if (!buf) {
        rwkv__qmm_rows_simd(Y, W, type, rows, cols, acts, stride, T, r0, r1, amx);
        return;
    }
    for (c = r0 / 8 * 8; c < r1; c += RWKV__PK_UNPACK) {
        const int64_t e = r1 < c + RWKV__PK_UNPACK ? r1 : c + RWKV__PK_UNPACK;
        for (g = c / 8; g * 8 < e; g++) {
            size_t skip;
            const size_t at = rwkv__pk_at(type, rows, cols, g, &skip);
            rwkv__pk_unpack(type, P + at, cols, buf + (size_t)(g * 8 - c) * rowb, rowb, skip);
        }
        rwkv__qmm_rows_simd(Y + c, buf, type, rows, cols, acts, stride, T, (r0 > c ? r0 : c) - c,
                            e - c, amx);
    }
    free(buf);
}

static void rwkv__pk_rows(float *Y, const uint8_t *W, const uint8_t *P, int type, int64_t rows,
                          int64_t cols, const char *acts, size_t stride, int T, int64_t r0,
                          int64_t r1, const uint8_t *amx)
{
    const int64_t full = rows / 8 * 8, nb = cols / rwkv__qblock(type);
    int64_t g0, g1, g;
    if (r1 > full) {
        rwkv__qmm_rows_simd(Y, W, type, rows, cols, acts, stride, T, r0 > full ? r0 : full, r1, amx);
        if (r0 >= full) return;
        r1 = full;
    }
    g0 = (r0 + 7) / 8;
    g1 = r1 / 8;
    if (T > 1 || g0 >= g1) {
        rwkv__pk_unpacked_rows(Y, W, P, type, rows, cols, acts, stride, T, r0, r1, amx);
        return;
    }
    {
        const rwkv__qact a = rwkv__qact_at(type, cols, (void *)acts);
        for (g = g0; g < g1; g++) {
            size_t skip;
            const uint8_t *G = P + rwkv__pk_at(type, rows, cols, g, &skip);
#ifdef RWKV__PK512
            if (!(g & 1) && g + 1 < g1) { /* a whole pair */
                rwkv__pk2_group(type, Y + 8 * g, G, &a, nb);
                g++;
                continue;
            }
#endif
            if (type == RWKV__TYPE_Q4_0) rwkv__pk_q4_0(Y + 8 * g, G, skip, &a, nb);
            else if (type == RWKV__TYPE_Q8_0) rwkv__pk_q8_0(Y + 8 * g, G, skip, &a, nb);
            else if (type == RWKV__TYPE_Q5_1) rwkv__pk_q5_1(Y + 8 * g, G, skip, &a, nb);
            else if (type == RWKV__TYPE_Q4_K) rwkv__pk_q4_k(Y + 8 * g, G, skip, &a, nb);
            else if (type == RWKV__TYPE_Q5_K) rwkv__pk_q5_k(Y + 8 * g, G, skip, &a, nb);
            else rwkv__pk_q6_k(Y + 8 * g, G, skip, &a, nb);
        }
    }
    if (r0 < 8 * g0) rwkv__pk_unpacked_rows(Y, W, P, type, rows, cols, acts, stride, T, r0, 8 * g0, amx);
    if (8 * g1 < r1) rwkv__pk_unpacked_rows(Y, W, P, type, rows, cols, acts, stride, T, 8 * g1, r1, amx);
}

#endif /* RWKV__PACK */

/* ---- AMX: prompt blocks of f16 / bf16 weights ------------------------------------------------ */
/* TDPBF16PS multiplies bf16 pairs and adds them to f32 sums: 16 rows x 32 columns times 32
   columns x 16 tokens per instruction, sixteen times the f32 FMA units' multiply-adds per
   cycle. A bf16 x bf16 product is exact in f32, so the tokens and f16 weights are split into
   bf16 planes: a token value x (f32) is x = xh + xm + xl exactly (xh = bf16(x), xm = bf16(x -
   xh), xl the rest, each difference exact), of which the tiles use xh and xm (16 significant
   bits; |xl| <= 2^-16 |x|); an f16 weight is w = wh + wl exactly (11 significant bits). bf16
   weights are the A tiles as they lie in the file: products W xh, W xm. f16: wh xh, wh xm,
   wl xh (the dropped wh xl and wl xm are each <= 2^-16 |w x|). So each term of a sum is off by
   at most 2^-16 (bf16) or 2^-15 (f16) of |w x|, where the f32 kernels' own bound for a row of
   n >= RWKV__FAMX_MIN = 512 columns is n 2^-24 >= 2^-15 of the sum of |w x|: the split keeps
   the error within the f32 kernels' bound, twice over at most, and its typical size (random
   signs) is a few times theirs. -DRWKV_AMX_EXACT keeps xl too (3 token planes, f16 5
   products, wl xl < 2^-24 |w x| the only term dropped): 3/2 (bf16) and 5/3 (f16) of the tile
   work, the rounding then that of the f32 kernels in another order. Either way the tiles add
   in another order than the f32 kernels (denormals flushed), so a prompt block's logits
   differ from token-by-token generation's in the last bits on a CPU with AMX
   (tests/test_kernels checks the bound; -DRWKV_NO_AMX restores equal bits). The tokens'
   layout (rwkv__famx_pack): per tile of 16 tokens and 32 columns, the planes' B tiles of 1
   KiB each (row j: columns 2j, 2j + 1 of the 16 tokens). */
#if defined(RWKV__QAMX) && (defined(__AMX_BF16__) || defined(__AMXBF16__)) &&                    \
    defined(__AVX512BF16__)
#define RWKV__FAMX 1
#endif
#ifndef RWKV__FAMX_RB
#define RWKV__FAMX_RB 128 /* rows per pass: their sums stay in cbuf (32 KiB) */
#endif
#ifndef RWKV__FAMX_KC
#define RWKV__FAMX_KC 128 /* columns per pass */
#endif
#ifndef RWKV__FAMX_KC16
#define RWKV__FAMX_KC16 256 /* f16's passes: +1-5% at 256 columns, where bf16 lost 3-7% */
#endif

/* Matrices with fewer columns (the LoRAs' second halves, 32-160) keep the f32 kernels, whose
   bound n 2^-24 is then below the tiles' 2^-15 per term (the broadcast tiles, exact f32
   products, take them in a model without quantized matrices: rwkv__fpk_takes). Fewer rows (the LoRAs' first
   halves, 32-160 rows of n_embd columns) run on the tiles only in a model without quantized
   matrices (lora_tiles): in a quantized one their outputs are rounded to int8 levels soon
   after, where a last-bit difference flips a level (~1e-2 of the logits), so there they keep
   the f32 kernels and a prompt block gives one token's bits. */
#define RWKV__FAMX_MIN 512
#define rwkv__famx_rows_ok(W) ((W)->ne[1] >= RWKV__FAMX_MIN || ((W)->lora_tiles && (W)->ne[1] % 16 == 0))

#ifdef RWKV_AMX_EXACT
#define RWKV__FAMX_XP 3 /* token planes: xh, xm, xl */
#else
#define RWKV__FAMX_XP 2 /* xh, xm: 2/3 of the tile work, f16 3/5 (see above) */
#endif
#define RWKV__FAMX_CHUNK (RWKV__FAMX_XP * 1024) /* layout bytes per 16 tokens x 32 columns */

#ifdef RWKV__FAMX
/* Bytes of the AMX layout of T float tokens for a `type` matrix with `cols` columns; 0 when
   its product does not use the tiles (it also needs RWKV__FAMX_MIN rows). */
static size_t rwkv__famx_pack_bytes(int type, int64_t cols, int T)
{
    if ((type == RWKV_TYPE_F16 || type == RWKV_TYPE_BF16) && T >= RWKV__AMX_MIN_T &&
        cols >= RWKV__FAMX_MIN && cols % 32 == 0)
        return (size_t)((T + 15) / 16) * (size_t)(cols / 32) * RWKV__FAMX_CHUNK;
    return 0;
}
#endif

#ifdef RWKV__FAMX
RWKV__INLINE __m512 rwkv__bf16_lo_ps(__m512i v) /* elements 0..15 of 32 bf16 as f32 */
{
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(_mm512_castsi512_si256(v)), 16));
}
RWKV__INLINE __m512 rwkv__bf16_hi_ps(__m512i v) /* elements 16..31 */
{
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(_mm512_extracti64x4_epi64(v, 1)), 16));
}
/* 32 f32 (a: the first 16) as RWKV__FAMX_XP bf16 planes: each the bf16 of what the planes
   before it leave (an exact difference), so three sum to the f32 values exactly */
RWKV__INLINE void rwkv__bf16_split(__m512 a, __m512 b, __m512 *plane)
{
    int p;
    for (p = 0; p < RWKV__FAMX_XP; p++) {
        const __m512i h = (__m512i)_mm512_cvtne2ps_pbh(b, a);
        plane[p] = _mm512_castsi512_ps(h);
        if (p + 1 < RWKV__FAMX_XP) {
            a = _mm512_sub_ps(a, rwkv__bf16_lo_ps(h));
            b = _mm512_sub_ps(b, rwkv__bf16_hi_ps(h));
        }
    }
}

/* Tile g (tokens 16 g .. 16 g + 15; past T, copies of token T - 1) of the layout. */
static void rwkv__famx_pack(int64_t cols, const float *X, int T, uint8_t *pack, int g)
{
    const int64_t nc = cols / 32;
    int64_t c;
    int n, p;
    for (c = 0; c < nc; c++) {
        __m512 pl[RWKV__FAMX_XP][16], t[16], h[RWKV__FAMX_XP];
        for (n = 0; n < 16; n++) {
            const int tok = g * 16 + n < T ? g * 16 + n : T - 1;
            const float *x = X + (int64_t)tok * cols + 32 * c;
            rwkv__bf16_split(_mm512_loadu_ps(x), _mm512_loadu_ps(x + 16), h);
            for (p = 0; p < RWKV__FAMX_XP; p++) pl[p][n] = h[p];
        }
        for (p = 0; p < RWKV__FAMX_XP; p++) {
            float *dst = (float *)(void *)(pack + ((size_t)g * (size_t)nc + (size_t)c) * RWKV__FAMX_CHUNK +
                                           (size_t)p * 1024);
            rwkv__tr16(pl[p], t);
            for (n = 0; n < 16; n++) _mm512_storeu_ps(dst + 16 * n, t[n]);
        }
    }
}

/* A pass: RWKV__FAMX_RB rows from rb (fewer at r1), token tiles g0 .. g0 + 3 (fewer at the
   last), the column chunks (of 32) k0 .. k0 + KN - 1 (fewer at the last). Passes run in the
   order rb, g0, k0 (innermost). */
typedef struct rwkv__famx_pass {
    int64_t rb, k0;
    int g0, live; /* live: 0 past the last pass */
} rwkv__famx_pass;

static rwkv__famx_pass rwkv__famx_next(rwkv__famx_pass p, int64_t r1, int ntile, int64_t nc, int KN)
{
    if (!p.live) return p;
    if ((p.k0 += KN) < nc) return p;
    p.k0 = 0;
    if ((p.g0 += 4) < ntile) return p;
    p.g0 = 0;
    p.live = (p.rb += RWKV__FAMX_RB) < r1;
    return p;
}

/* f16 rows as two bf16 planes, w = wh + wl exactly: wh is w rounded to 8 significant bits
   (half away from zero: add half of the dropped part's range to the f32 bits, clear them),
   wl = w - wh has at most 3 significant bits (|wl| <= 2^-8 |w|, as with round-to-nearest),
   so both conversions to bf16 below are exact. 16 rows (row tile u / kn of the pass) x 32
   columns (chunk u % kn) into the pass's plane buffer ab[strip][plane][chunk][row tile of
   the strip][row][column]. (The previous split rounded wh to nearest even and widened it
   back to f32 to subtract: 17 vector operations per 32 weights against 14.) */
static void rwkv__famx_split16(uint16_t (*ab)[2][RWKV__FAMX_KC16 / 32][2][16][32], const char *wrb,
                               size_t rowb, int64_t k0, int kn, int u)
{
    const int t16 = u / kn, c = u % kn, r0 = t16 * 16;
    const __m512i clear = _mm512_set1_epi32((int)0xffff0000u), half = _mm512_set1_epi32(0x8000);
    int r;
    for (r = 0; r < 16; r++) {
        const char *row = wrb + (size_t)(r0 + r) * rowb + (size_t)(k0 + c) * 64;
        const __m512 a = _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(const void *)row));
        const __m512 b = _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(const void *)(row + 32)));
        const __m512 ah = _mm512_castsi512_ps(_mm512_and_si512(_mm512_add_epi32(_mm512_castps_si512(a), half), clear));
        const __m512 bh = _mm512_castsi512_ps(_mm512_and_si512(_mm512_add_epi32(_mm512_castps_si512(b), half), clear));
        _mm512_storeu_si512((void *)ab[t16 / 2][0][c][t16 % 2][r], (__m512i)_mm512_cvtne2ps_pbh(bh, ah));
        _mm512_storeu_si512((void *)ab[t16 / 2][1][c][t16 % 2][r],
                            (__m512i)_mm512_cvtne2ps_pbh(_mm512_sub_ps(b, bh), _mm512_sub_ps(a, ah)));
    }
}

/* Rows [r0, r1) (a multiple of 16 of them) x tokens [0, T) from the layout `pack`. Per pass
   (rwkv__famx_pass), the sums are C tiles carried in cbuf over the passes of one rb and g0,
   in which each 32-row strip (two A tiles) meets each pair of token tiles: four C tiles, the
   B tile of a plane used twice. bf16 A tiles are loaded from the rows as they lie; f16 ones
   from their planes in abuf, split during the previous pass (double-buffered): the split is a
   third of an f16 product's instructions, and done in one go before a strip's tile products
   it ran beside them only as far as the reorder buffer reached (~500 instructions), so the
   vector and tile units mostly took turns (without the split at all, the kernel ran 1.36-1.48x
   faster). cbuf and abuf are malloc'd per call (below). */
static void rwkv__famx_rows(float *Y, const rwkv__tensor *W, const float *X, const uint8_t *pack,
                            int T, int64_t r0, int64_t r1)
{
    const int64_t rows = W->ne[1], cols = W->ne[0], nc = cols / 32;
    const size_t rowb = (size_t)rwkv__row_bytes(W->type, (uint64_t)cols);
    const int f16 = W->type == RWKV_TYPE_F16, ntile = (T + 15) / 16;
    const int KN = (f16 ? RWKV__FAMX_KC16 : RWKV__FAMX_KC) / 32;
    rwkv__amx_cfg cfg;
    /* C tiles: [row tile][token tile][row][token]; f16: two buffers of a pass's planes
       (288 KiB together, too much for the stack of a caller's thread) */
    typedef float rwkv__famx_c[RWKV__FAMX_RB / 16][4][16][16];
    typedef uint16_t rwkv__famx_a[2][RWKV__FAMX_RB / 32][2][RWKV__FAMX_KC16 / 32][2][16][32];
    void *heap = malloc(sizeof(rwkv__famx_c) + (f16 ? sizeof(rwkv__famx_a) : 0) + 64);
    float(*cbuf)[4][16][16];
    uint16_t(*abuf)[RWKV__FAMX_RB / 32][2][RWKV__FAMX_KC16 / 32][2][16][32];
    rwkv__famx_pass cur, nxt, nxt2;
    int i, buf = 0;
    if (!heap) { /* the f32 kernels need no memory */
        rwkv__matmul_rows(Y, W, X, T, r0, r1);
        return;
    }
    cbuf = (float(*)[4][16][16])(((uintptr_t)heap + 63) & ~(uintptr_t)63);
    abuf = (uint16_t(*)[RWKV__FAMX_RB / 32][2][RWKV__FAMX_KC16 / 32][2][16][32])(void *)(cbuf + RWKV__FAMX_RB / 16);
    memset(&cfg, 0, sizeof cfg);
    cfg.palette = 1;
    for (i = 0; i < 8; i++) { cfg.colsb[i] = 64; cfg.rows[i] = 16; }
    _tile_loadconfig(&cfg);
    cur.rb = r0; cur.k0 = 0; cur.g0 = 0; cur.live = r0 < r1;
    nxt = rwkv__famx_next(cur, r1, ntile, nc, KN);
    nxt2 = rwkv__famx_next(nxt, r1, ntile, nc, KN);
    if (f16 && cur.live) { /* the first pass's planes; the second's rows on their way */
        const int nrb = r1 - r0 < RWKV__FAMX_RB ? (int)(r1 - r0) : RWKV__FAMX_RB;
        const int kn = nc < KN ? (int)nc : KN;
        int m, c;
        if (nxt.live)
            for (m = 0; m < (r1 - nxt.rb < RWKV__FAMX_RB ? (int)(r1 - nxt.rb) : RWKV__FAMX_RB); m++)
                for (c = 0; c < (nc - nxt.k0 < KN ? (int)(nc - nxt.k0) : KN); c++)
                    RWKV__PREFETCH((const char *)W->data + (size_t)(nxt.rb + m) * rowb + (size_t)(nxt.k0 + c) * 64);
        for (i = 0; i < nrb / 16 * kn; i++)
            rwkv__famx_split16(abuf[0], (const char *)W->data + (size_t)r0 * rowb, rowb, 0, kn, i);
    }
    for (; cur.live; cur = nxt, nxt = nxt2, nxt2 = rwkv__famx_next(nxt2, r1, ntile, nc, KN), buf ^= 1) {
        const int64_t rb = cur.rb, k0 = cur.k0;
        const int g0 = cur.g0;
        const int nrb = r1 - rb < RWKV__FAMX_RB ? (int)(r1 - rb) : RWKV__FAMX_RB;
        const int ng = ntile - g0 < 4 ? ntile - g0 : 4;
        const int kn = nc - k0 < KN ? (int)(nc - k0) : KN;
        const char *wrb = (const char *)W->data + (size_t)rb * rowb;
        /* rows prefetched during this pass, a strip's share per strip: 16-32 rows read 64
           bytes at a time are no stream the hardware prefetchers follow. bf16: the next
           pass's (its tile loads read them); f16: the one after (the next is split during
           this one) */
        const rwkv__famx_pass pp = f16 ? nxt2 : nxt;
        const char *pf = pp.live ? (const char *)W->data + (size_t)pp.rb * rowb + (size_t)pp.k0 * 64 : NULL;
        const int pfr = !pp.live ? 0 : r1 - pp.rb < RWKV__FAMX_RB ? (int)(r1 - pp.rb) : RWKV__FAMX_RB;
        const int pfk = !pp.live ? 0 : nc - pp.k0 < KN ? (int)(nc - pp.k0) : KN;
        /* f16: the next pass's split, spread over this pass's steps (pair, strip, chunk) */
        const int nnrb = !nxt.live ? 0 : r1 - nxt.rb < RWKV__FAMX_RB ? (int)(r1 - nxt.rb) : RWKV__FAMX_RB;
        const int nkn = !nxt.live ? 0 : nc - nxt.k0 < KN ? (int)(nc - nxt.k0) : KN;
        const int units = f16 ? nnrb / 16 * nkn : 0;
        const int steps = (ng + 1) / 2 * ((nrb + 31) / 32) * kn;
        const char *nwrb = nxt.live ? (const char *)W->data + (size_t)nxt.rb * rowb : NULL;
        int s, g, c, m, step = 0, split = 0;
        /* a new rb or token group: its C tiles start from zero, else from cbuf */
        const int fresh = k0 == 0;
        /* per pair of token tiles, every strip of 32 rows: the pair's B tiles of the pass
           (6 KiB per column chunk) stay in L1 for all strips */
        for (g = 0; g < ng; g += 2) {
            const int pair = g + 1 < ng; /* a second token tile */
            const uint8_t *b0 = pack + ((size_t)(g0 + g) * (size_t)nc + (size_t)k0) * RWKV__FAMX_CHUNK;
            const uint8_t *b1 = b0 + (size_t)nc * RWKV__FAMX_CHUNK;
            for (s = 0; s < nrb; s += 32) {
                const int two = s + 32 <= nrb; /* a second row tile */
                const char *w0 = wrb + (size_t)s * rowb + (size_t)k0 * 64;
                float(*cb)[4][16][16] = cbuf + s / 16;
                if (g == 0 && pf) /* a share of the prefetches per strip */
                    for (m = s; m < s + 32 && m < pfr; m++)
                        for (c = 0; c < pfk; c++) RWKV__PREFETCH(pf + (size_t)m * rowb + 64 * c);
                if (fresh) {
                    _tile_zero(0); _tile_zero(1); _tile_zero(2); _tile_zero(3);
                } else {
                    _tile_loadd(0, cb[0][g], 64);
                    if (pair) _tile_loadd(1, cb[0][g + 1], 64);
                    if (two) _tile_loadd(2, cb[1][g], 64);
                    if (two && pair) _tile_loadd(3, cb[1][g + 1], 64);
                }
/* C tiles 0 .. 3 += A tiles 4, 5 times plane p_ of B tiles (6: tile g, 7: tile g + 1) */
#define RWKV__FAMX_PLANE(p_)                                                                      \
    do {                                                                                          \
        _tile_loadd(6, b0 + RWKV__FAMX_CHUNK * (size_t)c + 1024 * (p_), 64);                      \
        _tile_dpbf16ps(0, 4, 6);                                                                  \
        if (two) _tile_dpbf16ps(2, 5, 6);                                                         \
        if (pair) {                                                                               \
            _tile_loadd(7, b1 + RWKV__FAMX_CHUNK * (size_t)c + 1024 * (p_), 64);                  \
            _tile_dpbf16ps(1, 4, 7);                                                              \
            if (two) _tile_dpbf16ps(3, 5, 7);                                                     \
        }                                                                                         \
    } while (0)
                for (c = 0; c < kn; c++) {
                    if (f16) {
                        _tile_loadd(4, abuf[buf][s / 32][0][c][0], 64);
                        if (two) _tile_loadd(5, abuf[buf][s / 32][0][c][1], 64);
                    } else {
                        _tile_loadd(4, w0 + 64 * c, rowb);
                        if (two) _tile_loadd(5, w0 + 16 * rowb + 64 * c, rowb);
                    }
                    RWKV__FAMX_PLANE(0);
                    RWKV__FAMX_PLANE(1);
#if RWKV__FAMX_XP == 3
                    RWKV__FAMX_PLANE(2);
#endif
                    if (f16) { /* wl x the token planes but the last */
                        _tile_loadd(4, abuf[buf][s / 32][1][c][0], 64);
                        if (two) _tile_loadd(5, abuf[buf][s / 32][1][c][1], 64);
                        RWKV__FAMX_PLANE(0);
#if RWKV__FAMX_XP == 3
                        RWKV__FAMX_PLANE(1);
#endif
                        /* the next pass's share: independent of these tile products, so
                           the vector units split while the tile unit multiplies */
                        for (step++; split < (int)((int64_t)step * units / steps); split++)
                            rwkv__famx_split16(abuf[buf ^ 1], nwrb, rowb, nxt.k0, nkn, split);
                    }
                }
#undef RWKV__FAMX_PLANE
                _tile_stored(0, cb[0][g], 64);
                if (pair) _tile_stored(1, cb[0][g + 1], 64);
                if (two) _tile_stored(2, cb[1][g], 64);
                if (two && pair) _tile_stored(3, cb[1][g + 1], 64);
            }
        }
        for (; split < units; split++) /* (rounding) */
            rwkv__famx_split16(abuf[buf ^ 1], nwrb, rowb, nxt.k0, nkn, split);
        if (k0 + KN >= nc) /* the last pass of this rb and token group: its sums are done */
            for (s = 0; s < nrb; s += 16)
                for (g = 0; g < ng; g++) {
                    const int nt = T - (g0 + g) * 16 < 16 ? T - (g0 + g) * 16 : 16;
                    rwkv__amx_store16(Y, rows, (const float(*)[16])cbuf[s / 16][g], rb + s,
                                      (int64_t)(g0 + g) * 16, nt);
                }
    }
    _tile_release();
    free(heap);
}

#endif /* RWKV__FAMX */

/* dst[i] = relu(src[i])², the channel mix's key activation (dst may be src): the select
   y > 0 ? y : 0 (0 for a NaN and -0), on vectors where there are: gcc kept the scalar
   select a branch per value, mispredicted on the signs (2.4% of a v7 prompt in AVX2 builds). */
static void rwkv__relu2(float *dst, const float *src, size_t n)
{
    size_t i = 0;
#ifdef RWKV__SIMD
    for (; i + RWKV__L <= n; i += RWKV__L) {
        const rwkv__vf h = rwkv__vrelu(rwkv__vld_f32(src + i));
        rwkv__vst(dst + i, rwkv__vmul(h, h));
    }
#endif
    for (; i < n; i++) {
        const float h = src[i] > 0.0f ? src[i] : 0.0f;
        dst[i] = h * h;
    }
}

/* ---- f16 / bf16 prompt blocks without AMX: broadcast tiles ------------------------------------ */
/* The register tiles of rwkv__matmul_rows_conv give each (row, token) an accumulator of 16
   column lanes, so every output ends in a lane sum and the tail of rwkv__finish: at 2048
   columns that and the carried accumulators held f16 / bf16 blocks at ~75% of the FMA peak
   (docs/KERNELS.md). Here the lanes are tokens instead: the tokens are laid out once per
   product as tiles of 16 (pack[tile][column][16], rwkv__bct_pack), a tile of RWKV__BCT_R
   rows is converted to f32 once per pass of RWKV__BCT_KC columns, and each weight, broadcast,
   multiplies RWKV__BCT_NT token tiles at once: 24 accumulators, per column 4 token loads and
   6 broadcasts for 24 FMAs, no lane sum and no tail. Each output is then one FMA chain over
   the columns in increasing order: the products and their roundings are the f32 kernels',
   their order another, so the same error bound and other bits than one token at a time
   (rwkv_eval_seq's logits differ from rwkv_eval's in the last bits, ~1e-6 of max|logit|;
   -DRWKV_NO_BCAST restores equal bits; on AVX-512 Zen 5 two of every three pairs of columns
   take Winograd's form instead, rwkv__bcw_tile below). On a 2-core Zen 5 VM, one thread, a
   harness of this loop at 2048 x 2048 x 512 ran 186-190 GFLOP/s where the FMA peak
   measured 225 and the column-lane tiles ~163. Passes run in the order token chunk
   (RWKV__BCT_TG tiles, 128 tokens), rows (RWKV__BCT_RB), columns, so that a pass's token
   tiles (256 KiB at 512 columns) stay in L2 for all its row tiles and its sums (RB x 128
   floats, 48 KiB) in cbuf.
   AVX2 builds run the same layout and loops, a token tile as two vectors (rwkv__bct_tile8),
   so their outputs are the same FMA chains: a -march=haswell build on the Zen 5 VM, one
   thread, against its column-lane tiles (3 rows x 4 tokens, a conversion per 3 loads): f16
   2048 x 2048 x 128 1.10, 8192 x 2048 1.19, 2048 x 8192 1.22 (docs/KERNELS.md). */
#if (defined(RWKV__AVX512) || defined(RWKV__AVX2)) && !defined(RWKV__FAMX) && !defined(RWKV_NO_BCAST)
#define RWKV__BCT 1
#endif
/* Winograd's inner product on AVX-512 Zen 5 (rwkv__bcw_tile below): two FP pipes multiply
   and two only add, and the plain FMA tile leaves the adders idle. Not on Zen 4, whose
   512-bit operations run as two halves on 256-bit pipes: there the FMA tile ran the products
   1.04-1.05x as fast (f16 / bf16 2048 x 2048, 8192 x 2048, 2048 x 8192, 512 tokens, one
   thread, both orders; 1.06 at 128 tokens) and whole 512-token prompts 1.05-1.09x (v7 1.5B
   F16 two threads, v4 1.5B BF16 one, v6 0.1B F16 two; docs/KERNELS.md, forty-ninth round).
   RWKV__WINOGRAD forces the pairs on (tests/test_kernels_simd.sh tests them on any AVX-512
   CPU), RWKV_NO_WINOGRAD off. */
#if defined(RWKV__BCT) && defined(RWKV__AVX512) && !defined(RWKV_NO_WINOGRAD) && \
    ((defined(RWKV__ZEN) && !defined(RWKV__ZEN4)) || defined(RWKV__WINOGRAD))
#define RWKV__BCW 1
#endif
/* floats after each tile of 16 tokens of the layout (rwkv__bcw_*: each token's C, m, 1 / s);
   the state's scratch leaves room for them */
#ifdef RWKV__BCW
#define RWKV__BCW_SIDE 48
#else
#define RWKV__BCW_SIDE 0
#endif
#ifdef RWKV__BCT
#define RWKV__BCT_R 6   /* rows per register tile (rwkv__bct_tile names 6 x 4 accumulators) */
#ifdef RWKV__BCW
#define RWKV__BCT_NT 3  /* token tiles of 16 per register tile (rwkv__bcw_tile: 6 x 3) */
#elif defined(RWKV__AVX512)
#define RWKV__BCT_NT 4  /* token tiles of 16 per register tile */
#endif
#ifdef RWKV__AVX512
typedef __m512 rwkv__bct_v; /* 16 floats, 64-byte aligned: one token tile's column, a sum */
#else
/* AVX2 (16 ymm registers): one token tile of 16 as two vectors of 8, 6 x 2 accumulators,
   per column 2 token loads and 6 broadcasts for 12 FMAs (rwkv__bct_tile8). The products
   with few columns or rows (the LoRAs) take rwkv__bcs_rows, as AVX-512's. */
#define RWKV__BCT_NT 1
typedef struct rwkv__bct_v { __m256 h[2]; } rwkv__bct_v;
#endif
#ifndef RWKV__BCT_TG
#ifdef RWKV__BCW
#define RWKV__BCT_TG 9  /* token tiles per chunk: rwkv__bcw_tile takes 3 at a time */
#else
#define RWKV__BCT_TG 8  /* token tiles per chunk */
#endif
#endif
#ifndef RWKV__BCT_RB
#define RWKV__BCT_RB 96 /* rows per pass */
#endif
/* Fewest columns: the LoRAs' second halves (32-256 columns) in models without quantized
   matrices (rwkv__fpk_takes); the column-lane tiles ran them at ~30% of the FMA peak, each
   output a lane sum of a few FMAs (up to RWKV__BCS_MAXC columns: rwkv__bcs_rows below) */
#define RWKV__BCT_MINC 16
#ifndef RWKV__BCT_KC
/* columns per pass: 512 since the conversion runs inside the tile loop (whole prompts
   against 256, both orders: v6 1.5B F16 1.037, v7 1.016, v4 1.013, v7 0.1B 1.005, two
   threads 1.001); before it, 512 ran 0.98-1.00 and 1024 0.97-0.99 against 256. AVX2: 256,
   so that a pass's token tiles (128 KiB) fit the 256 KiB L2 of the Skylake-era cores. */
#ifdef RWKV__BCW
#define RWKV__BCT_KC 528 /* whole groups of 6 columns and whole vectors of 16 */
#elif defined(RWKV__AVX512)
#define RWKV__BCT_KC 512
#else
#define RWKV__BCT_KC 256
#endif
#endif

/* RWKV__BCW: Winograd's inner product (1968): for a pair of columns (c, c + 1),
       w_c x_c + w_c+1 x_c+1 = (w_c + x_c+1)(w_c+1 + x_c) - w_c w_c+1 - x_c x_c+1,
   one product where there were two, and two additions. The row's terms w_c w_c+1 are summed
   once per row, the token's x_c x_c+1 once per token, both reused across the whole block.
   Zen 4 and 5 have two FMA pipes and two add-only pipes: in each group of 6 columns, two
   pairs take Winograd's form (4 additions, 2 FMAs per row and token) and two columns plain
   FMAs (2 FMAs), so both kinds of pipe carry 4 operations where the plain tile put 6 FMAs on
   two pipes. A loop harness of the tile (6 rows x 3 token tiles, from L1 / L2, one thread,
   Zen 5): 277-284 GFLOP/s counted as 2 per weight and token, where the FMA tile ran 203-211;
   in the product, 5-10% faster than the FMA tiles in the VM's fast minutes and as much
   slower in its slow ones (another tenant on the core's FP pipes, it seems); 512-token
   prompts of the 1.5B models (v4 F16, v6 BF16, v7 F16) 84-89% of the FMA peak on one
   thread, the means of alternating runs, where the FMA tiles ran 83-87% (docs/KERNELS.md,
   forty-fifth round).
   The error: each pair's sum is rounded once more, and the product of the sums carries
   the cross terms w_c w_c+1 and x_c x_c+1, which cancel only after the sum. So that they stay
   of the size of w x, each token is centred and scaled by a power of two in the layout,
   x' = s (x - m) (m its mean, s so that |x'| is about the weights' size), and
   the mean comes back through the row's sum of weights:
       y = (acc - R - C) / s + m sum(w)   (R = sum of w_c w_c+1, C of x'_c x'_c+1).
   Each token's m, C and 1 / s follow the layout's tiles (RWKV__BCW_SIDE floats a tile). */

/* Bytes of the tokens' layout for a `type` matrix of `cols` columns and T tokens; 0 when
   the product keeps the other kernels: at least RWKV__BCT_MINC columns (rwkv__fpk_takes
   also asks RWKV__FAMX_MIN of all but the LoRAs of a model without quantized matrices, and
   rows per rwkv__famx_rows_ok, as the AMX tiles), and blocks of 32 tokens or more
   whose last tile of 16 pads at most T / 8 of them. The padded lanes cost full FMAs: paired
   against the column-lane tiles (f16 2048 x 2048, one thread, Zen 5), T = 16 0.90, 24 0.83,
   32 1.08, 40 0.92, 48 1.08, 56 0.99, 64 1.09, 72 1.03, 80 1.10, 100 1.02. */
static size_t rwkv__bct_pack_bytes(int type, int64_t cols, int T)
{
    if ((type == RWKV_TYPE_F16 || type == RWKV_TYPE_BF16) && cols >= RWKV__BCT_MINC && T >= 32 &&
        (T + 15) / 16 * 16 - T <= T / 8)
        return (size_t)((T + 15) / 16) * ((size_t)cols * 64 + RWKV__BCW_SIDE * 4);
    return 0;
}

#ifdef RWKV__BCW
/* Whether column c is the first of a Winograd pair: c mod 6 is 0 or 2 in the whole groups
   of 6 (cols6 = cols - cols % 6); the group's last two and the columns past cols6 are
   plain. */
#define RWKV__BCW_PAIR(c, cols6) ((c) < (cols6) && ((c) % 6 == 0 || (c) % 6 == 2))

/* The mean square of a weight of W, from a few rows' first columns (the scale that the
   tokens are given; 1 / cols when that is 0 or not finite). */
static float rwkv__bcw_w2(const rwkv__tensor *W)
{
    const int64_t rows = W->ne[1], cols = W->ne[0], n = cols < 512 ? cols : 512;
    const size_t rowb = (size_t)rwkv__row_bytes(W->type, (uint64_t)cols);
    float sum = 0.0f;
    int j;
    int64_t c;
    for (j = 0; j < 4; j++) {
        const void *row = (const char *)W->data + (size_t)(rows * j / 4) * rowb;
        for (c = 0; c < n; c++) {
            const float w = rwkv__weight(row, W->type, c);
            sum += w * w;
        }
    }
    sum /= (float)(4 * n);
    return sum > 0.0f && sum <= FLT_MAX ? sum : 1.0f / (float)cols;
}

/* A token's scale s = 2^e, s^2 ss / w2 in [1/2, 2) (ss: its sum((x - m)^2); 1 when that is
   0 or not finite). */
static float rwkv__bcw_scale(float ss, float w2)
{
    const float q = ss / w2;
    int e = 0;
    if (q > 0.0f && q <= FLT_MAX) {
        (void)frexpf(q, &e); /* q in [2^(e-1), 2^e) */
        e = -(e >= 0 ? e / 2 : -((1 - e) / 2));
        if (e > 60) e = 60;
        if (e < -60) e = -60;
    }
    return ldexpf(1.0f, e);
}

/* Token tile g of the layout, as laid out (x), into Winograd's form in place: per token
   (lane) its mean m, the scale s = 2^e with s^2 sum((x - m)^2) / (cols w2m) in [1/2, 2)
   (w2m: the weights' mean square, rwkv__bcw_w2, once per product), x' = (x - m) s, and C = sum of x'_c x'_c+1 over
   the pairs; C, m and 1 / s to the tile's side floats. Each lane's sums are one chain over
   the columns in increasing order. */
static void rwkv__bcw_finish(int64_t cols, float w2m, int T, float *pack, int g)
{
    const int64_t cols6 = cols - cols % 6;
    const float w2 = w2m * (float)cols; /* the target of sum(x'^2) */
    const int ntile = (T + 15) / 16;
    float *p = pack + (size_t)g * (size_t)cols * 16;
    float *side = pack + (size_t)ntile * (size_t)cols * 16 + (size_t)g * RWKV__BCW_SIDE;
    __m512 sum = _mm512_setzero_ps(), ss = sum, m, s, cc = sum;
    float sf[16], ssf[16];
    int64_t c;
    int n;
    for (c = 0; c < cols; c++) sum = _mm512_add_ps(sum, _mm512_load_ps(p + c * 16));
    m = _mm512_div_ps(sum, _mm512_set1_ps((float)cols));
    for (c = 0; c < cols; c++) {
        const __m512 d = _mm512_sub_ps(_mm512_load_ps(p + c * 16), m);
        ss = _mm512_fmadd_ps(d, d, ss);
    }
    _mm512_storeu_ps(ssf, ss);
    for (n = 0; n < 16; n++) sf[n] = rwkv__bcw_scale(ssf[n], w2);
    s = _mm512_loadu_ps(sf);
    for (c = 0; c < cols; c++)
        _mm512_store_ps(p + c * 16, _mm512_mul_ps(_mm512_sub_ps(_mm512_load_ps(p + c * 16), m), s));
    for (c = 0; c < cols6; c += 6) { /* the pairs (c, c + 1), (c + 2, c + 3) of each group */
        cc = _mm512_fmadd_ps(_mm512_load_ps(p + c * 16), _mm512_load_ps(p + (c + 1) * 16), cc);
        cc = _mm512_fmadd_ps(_mm512_load_ps(p + (c + 2) * 16), _mm512_load_ps(p + (c + 3) * 16), cc);
    }
    _mm512_store_ps(side, cc);
    _mm512_store_ps(side + 16, m);
    _mm512_store_ps(side + 32, _mm512_div_ps(_mm512_set1_ps(1.0f), s));
}
#endif

/* Token tile g (tokens 16 g .. 16 g + 15; past T, copies of token T - 1): pack[g][c][n] =
   X[16 g + n][c]. */
static void rwkv__bct_pack(int64_t cols, const float *X, int T, float *pack, int g, float w2m)
{
    const int64_t body = cols - cols % RWKV__L;
    float *dst = pack + (size_t)g * (size_t)cols * 16;
    const float *x[16];
    int64_t c;
    int n;
    for (n = 0; n < 16; n++) x[n] = X + (int64_t)(g * 16 + n < T ? g * 16 + n : T - 1) * cols;
#ifdef RWKV__AVX512
    for (c = 0; c < body; c += 16) {
        __m512 v[16], t[16];
        for (n = 0; n < 16; n++) v[n] = _mm512_loadu_ps(x[n] + c);
        rwkv__tr16(v, t);
        for (n = 0; n < 16; n++) _mm512_store_ps(dst + (c + n) * 16, t[n]);
    }
#else
    for (c = 0; c < body; c += 8) { /* 8 columns of tokens 0-7, then of tokens 8-15 */
        int h;
        for (h = 0; h < 16; h += 8) {
            __m256 v[8], t[8];
            for (n = 0; n < 8; n++) v[n] = _mm256_loadu_ps(x[h + n] + c);
            rwkv__tr8(v, t);
            for (n = 0; n < 8; n++) _mm256_store_ps(dst + (c + n) * 16 + h, t[n]);
        }
    }
#endif
    for (; c < cols; c++)
        for (n = 0; n < 16; n++) dst[c * 16 + n] = x[n][c];
#ifdef RWKV__BCW
    rwkv__bcw_finish(cols, w2m, T, pack, g);
#else
    (void)w2m;
#endif
}

/* The register tile: RWKV__BCT_R rows (wb: row i's kn columns at wb + i * RWKV__BCT_KC, f32)
   times nt token tiles (b: tile t's columns at b + t * ts, 16 floats each), carried in
   cb[i][t][16] with a row stride of RWKV__BCT_TG tiles (first: from zero). nt is a constant
   at every call. The accumulators and token vectors are named variables, not arrays: clang
   14 kept the arrays' token vectors on the stack, stored every column (138 GFLOP/s where gcc
   ran ~175). */
#ifdef RWKV__AVX512
#define RWKV__BCT_ROW(i)                                                                     \
    {                                                                                        \
        const __m512 wv = _mm512_set1_ps(wb[i * RWKV__BCT_KC + c]);                          \
        a##i##0 = _mm512_fmadd_ps(wv, b0, a##i##0);                                          \
        if (nt > 1) a##i##1 = _mm512_fmadd_ps(wv, b1, a##i##1);                              \
        if (nt > 2) a##i##2 = _mm512_fmadd_ps(wv, b2, a##i##2);                              \
        if (nt > 3) a##i##3 = _mm512_fmadd_ps(wv, b3, a##i##3);                              \
    }
#define RWKV__BCT_IO(i, t, store)                                                            \
    if (nt > t) {                                                                            \
        float *p_ = cb + (i * RWKV__BCT_TG + t) * 16;                                        \
        if (store) _mm512_store_ps(p_, a##i##t);                                             \
        else a##i##t = first ? _mm512_setzero_ps() : _mm512_load_ps(p_);                    \
    }
#define RWKV__BCT_IO_ROW(i, store)                                                           \
    RWKV__BCT_IO(i, 0, store) RWKV__BCT_IO(i, 1, store) RWKV__BCT_IO(i, 2, store)           \
    RWKV__BCT_IO(i, 3, store)
/* nq > 0: the loop also converts the next tile's rows (nx[i], f16 or bf16, already at its
   first column) into nw, 16 columns of each row per 16 columns here, nq such steps at most;
   returns how many it did. The conversion's loads and stores ride along the FMAs (the
   conversion run on its own between tiles was ~7% of the products' time in perf, its
   loads waiting). Not built where rwkv__bcw_tile takes its place (clang warns of an unused
   static function in its own file). */
#ifndef RWKV__BCW
RWKV__INLINE int rwkv__bct_tile(float *cb, const float *wb, const float *b, size_t ts,
                                int64_t kn, int first, int nt, const uint16_t *const *nx,
                                float *nw, int nq, int bf)
{
    __m512 a00 = _mm512_setzero_ps(), a01 = a00, a02 = a00, a03 = a00, a10 = a00, a11 = a00,
           a12 = a00, a13 = a00, a20 = a00, a21 = a00, a22 = a00, a23 = a00, a30 = a00,
           a31 = a00, a32 = a00, a33 = a00, a40 = a00, a41 = a00, a42 = a00, a43 = a00,
           a50 = a00, a51 = a00, a52 = a00, a53 = a00;
    int64_t c;
    int done = 0;
    RWKV__BCT_IO_ROW(0, 0) RWKV__BCT_IO_ROW(1, 0) RWKV__BCT_IO_ROW(2, 0)
    RWKV__BCT_IO_ROW(3, 0) RWKV__BCT_IO_ROW(4, 0) RWKV__BCT_IO_ROW(5, 0)
    for (c = 0; c < kn; c++) {
        if (!(c & 15) && done < nq) {
            int i;
            for (i = 0; i < RWKV__BCT_R; i++)
                _mm512_store_ps(nw + i * RWKV__BCT_KC + c,
                                bf ? rwkv__vld_bf16(nx[i] + c) : rwkv__vld_f16(nx[i] + c));
            done++;
        }
        {
            const __m512 b0 = _mm512_load_ps(b + c * 16),
                         b1 = nt > 1 ? _mm512_load_ps(b + ts + c * 16) : b0,
                         b2 = nt > 2 ? _mm512_load_ps(b + 2 * ts + c * 16) : b0,
                         b3 = nt > 3 ? _mm512_load_ps(b + 3 * ts + c * 16) : b0;
            RWKV__BCT_ROW(0) RWKV__BCT_ROW(1) RWKV__BCT_ROW(2)
            RWKV__BCT_ROW(3) RWKV__BCT_ROW(4) RWKV__BCT_ROW(5)
        }
    }
    RWKV__BCT_IO_ROW(0, 1) RWKV__BCT_IO_ROW(1, 1) RWKV__BCT_IO_ROW(2, 1)
    RWKV__BCT_IO_ROW(3, 1) RWKV__BCT_IO_ROW(4, 1) RWKV__BCT_IO_ROW(5, 1)
    return done;
}
#else
/* The tile in Winograd's form (rwkv__bcw_finish): 6 rows x nt (<= 3) token tiles, cb and the
   conversion of the next tile's rows as rwkv__bct_tile's (one step of 16 columns per group
   of 6). Per group of 6 columns, each output's chain: pair (c, c + 1), pair (c + 2, c + 3),
   then c + 4 and c + 5 as plain FMAs; the last kn % 6 columns (past the whole groups of the
   matrix) plain FMAs. The token vectors are held in registers (RWKV__IN_REGISTER): as
   memory operands of the additions each would be loaded once per row. */
#define RWKV__BCW_PAIR_ROW(i)                                                                \
    {                                                                                        \
        const __m512 w0 = _mm512_set1_ps(wr[i * RWKV__BCT_KC]),                             \
                     w1 = _mm512_set1_ps(wr[i * RWKV__BCT_KC + 1]);                          \
        a##i##0 = _mm512_fmadd_ps(_mm512_add_ps(w0, y0), _mm512_add_ps(w1, x0), a##i##0);    \
        if (nt > 1)                                                                          \
            a##i##1 = _mm512_fmadd_ps(_mm512_add_ps(w0, y1), _mm512_add_ps(w1, x1), a##i##1); \
        if (nt > 2)                                                                          \
            a##i##2 = _mm512_fmadd_ps(_mm512_add_ps(w0, y2), _mm512_add_ps(w1, x2), a##i##2); \
    }
#define RWKV__BCW_ONE_ROW(i)                                                                 \
    {                                                                                        \
        const __m512 w0 = _mm512_set1_ps(wr[i * RWKV__BCT_KC]);                              \
        a##i##0 = _mm512_fmadd_ps(w0, x0, a##i##0);                                          \
        if (nt > 1) a##i##1 = _mm512_fmadd_ps(w0, x1, a##i##1);                              \
        if (nt > 2) a##i##2 = _mm512_fmadd_ps(w0, x2, a##i##2);                              \
    }
#define RWKV__BCW_LOAD(v, o)                                                                 \
    __m512 v##0 = _mm512_load_ps(bc + (o)),                                                  \
           v##1 = nt > 1 ? _mm512_load_ps(bc + ts + (o)) : v##0,                              \
           v##2 = nt > 2 ? _mm512_load_ps(bc + 2 * ts + (o)) : v##0;                          \
    RWKV__IN_REGISTER(v##0); RWKV__IN_REGISTER(v##1); RWKV__IN_REGISTER(v##2)
#define RWKV__BCW_TWO(c0)                                                                    \
    {                                                                                        \
        const float *bc = b + (c0) * 16, *wr = wb + (c0);                                    \
        RWKV__BCW_LOAD(x, 0);                                                                \
        RWKV__BCW_LOAD(y, 16);                                                               \
        RWKV__BCW_PAIR_ROW(0) RWKV__BCW_PAIR_ROW(1) RWKV__BCW_PAIR_ROW(2)                    \
        RWKV__BCW_PAIR_ROW(3) RWKV__BCW_PAIR_ROW(4) RWKV__BCW_PAIR_ROW(5)                    \
    }
#define RWKV__BCW_ONE(c0)                                                                    \
    {                                                                                        \
        const float *bc = b + (c0) * 16, *wr = wb + (c0);                                    \
        RWKV__BCW_LOAD(x, 0);                                                                \
        RWKV__BCW_ONE_ROW(0) RWKV__BCW_ONE_ROW(1) RWKV__BCW_ONE_ROW(2)                       \
        RWKV__BCW_ONE_ROW(3) RWKV__BCW_ONE_ROW(4) RWKV__BCW_ONE_ROW(5)                       \
    }
#define RWKV__BCW_IO_ROW(i, store)                                                           \
    RWKV__BCT_IO(i, 0, store) RWKV__BCT_IO(i, 1, store) RWKV__BCT_IO(i, 2, store)
RWKV__INLINE int rwkv__bcw_tile(float *cb, const float *wb, const float *b, size_t ts,
                                int64_t kn, int64_t kn6, int first, int nt,
                                const uint16_t *nx, size_t nxs, float *nw, int nq, int bf)
{
    __m512 a00 = _mm512_setzero_ps(), a01 = a00, a02 = a00, a10 = a00, a11 = a00, a12 = a00,
           a20 = a00, a21 = a00, a22 = a00, a30 = a00, a31 = a00, a32 = a00, a40 = a00,
           a41 = a00, a42 = a00, a50 = a00, a51 = a00, a52 = a00;
    int64_t c;
    int done = 0;
    RWKV__BCW_IO_ROW(0, 0) RWKV__BCW_IO_ROW(1, 0) RWKV__BCW_IO_ROW(2, 0)
    RWKV__BCW_IO_ROW(3, 0) RWKV__BCW_IO_ROW(4, 0) RWKV__BCW_IO_ROW(5, 0)
    for (c = 0; c < kn6; c += 6) {
        if (done < nq) { /* the next tile's rows: nx, nx + nxs, ... (6 row pointers held
                            apart took 9 vector registers as spill room for the pointers) */
            const uint16_t *src = nx + 16 * done;
            float *dst = nw + 16 * done;
            int i;
            for (i = 0; i < RWKV__BCT_R; i++, src += nxs, dst += RWKV__BCT_KC)
                _mm512_store_ps(dst, bf ? rwkv__vld_bf16(src) : rwkv__vld_f16(src));
            done++;
        }
        RWKV__BCW_TWO(c)
        RWKV__BCW_TWO(c + 2)
        RWKV__BCW_ONE(c + 4)
        RWKV__BCW_ONE(c + 5)
    }
    for (; c < kn; c++) RWKV__BCW_ONE(c)
    RWKV__BCW_IO_ROW(0, 1) RWKV__BCW_IO_ROW(1, 1) RWKV__BCW_IO_ROW(2, 1)
    RWKV__BCW_IO_ROW(3, 1) RWKV__BCW_IO_ROW(4, 1) RWKV__BCW_IO_ROW(5, 1)
    return done;
}
#undef RWKV__BCW_PAIR_ROW
#undef RWKV__BCW_ONE_ROW
#undef RWKV__BCW_LOAD
#undef RWKV__BCW_TWO
#undef RWKV__BCW_ONE
#undef RWKV__BCW_IO_ROW

/* Row terms of a tile's rows (wf: row i's kn columns from column k0, f32) over one pass,
   added to the lanes rt[i] (w_c w_c+1 of the pairs, an FMA) and ws[i] (w_c): lane l takes
   the columns c = l (mod 16) in increasing order (k0 is a multiple of 16). */
static void rwkv__bcw_rowterms(__m512 *rt, __m512 *ws, const float *wf, int64_t k0,
                               int64_t kn, int64_t cols6)
{
    /* the pairs' first lanes (columns 0 and 2 mod 6) of a vector at 48 j + 16 p */
    static const __mmask16 phase[3] = {0x5145, 0x4514, 0x1451};
    __m512 r0 = rt[0], r1 = rt[1], r2 = rt[2], r3 = rt[3], r4 = rt[4], r5 = rt[5],
           u0 = ws[0], u1 = ws[1], u2 = ws[2], u3 = ws[3], u4 = ws[4], u5 = ws[5];
    int p;
    int64_t c;
    /* the rows' chains side by side: one row's alone waited on the FMA's latency */
    for (c = 0, p = (int)((k0 / 16) % 3); c < kn; c += 16, p = p == 2 ? 0 : p + 1) {
        const int64_t n6 = cols6 - (k0 + c);
        const int nv = kn - c < 16 ? (int)(kn - c) : 16;
        const __mmask16 in = (__mmask16)((1u << nv) - 1u),
                        in1 = (__mmask16)((1u << (nv - 1)) - 1u), /* c + l + 1 < kn */
                        pr = (__mmask16)(phase[p] &
                             (n6 >= 16 ? 0xffffu : n6 <= 0 ? 0u : (1u << n6) - 1u));
#define RWKV__BCW_RT(i)                                                                      \
        {                                                                                    \
            const __m512 v = _mm512_maskz_loadu_ps(in, wf + i * RWKV__BCT_KC + c);            \
            r##i = _mm512_mask3_fmadd_ps(                                                    \
                v, _mm512_maskz_loadu_ps(in1, wf + i * RWKV__BCT_KC + c + 1), r##i, pr);     \
            u##i = _mm512_add_ps(u##i, v);                                                   \
        }
        RWKV__BCW_RT(0) RWKV__BCW_RT(1) RWKV__BCW_RT(2)
        RWKV__BCW_RT(3) RWKV__BCW_RT(4) RWKV__BCW_RT(5)
#undef RWKV__BCW_RT
    }
    rt[0] = r0; rt[1] = r1; rt[2] = r2; rt[3] = r3; rt[4] = r4; rt[5] = r5;
    ws[0] = u0; ws[1] = u1; ws[2] = u2; ws[3] = u3; ws[4] = u4; ws[5] = u5;
}
#endif
#undef RWKV__BCT_ROW
#undef RWKV__BCT_IO
#undef RWKV__BCT_IO_ROW
#else
/* AVX2: the register tile of RWKV__BCT_R rows times one token tile of 16 (two vectors of
   8: h0, h1), as rwkv__bct_tile with nt = 1 (cb: row i's sums at cb + i * RWKV__BCT_TG *
   16); the same loop, the same conversion of the next tile's rows riding along. */
#define RWKV__BCT8_ROW(i)                                                                    \
    {                                                                                        \
        const __m256 wv = _mm256_broadcast_ss(wb + i * RWKV__BCT_KC + c);                    \
        a##i##0 = _mm256_fmadd_ps(wv, b0, a##i##0);                                          \
        a##i##1 = _mm256_fmadd_ps(wv, b1, a##i##1);                                          \
    }
#define RWKV__BCT8_IO(i, store)                                                              \
    {                                                                                        \
        float *p_ = cb + i * RWKV__BCT_TG * 16;                                              \
        if (store) {                                                                         \
            _mm256_store_ps(p_, a##i##0);                                                    \
            _mm256_store_ps(p_ + 8, a##i##1);                                                \
        } else if (!first) {                                                                 \
            a##i##0 = _mm256_load_ps(p_);                                                    \
            a##i##1 = _mm256_load_ps(p_ + 8);                                                \
        }                                                                                    \
    }
RWKV__INLINE int rwkv__bct_tile8(float *cb, const float *wb, const float *b, int64_t kn,
                                 int first, const uint16_t *const *nx, float *nw, int nq, int bf)
{
    __m256 a00 = _mm256_setzero_ps(), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00,
           a30 = a00, a31 = a00, a40 = a00, a41 = a00, a50 = a00, a51 = a00;
    int64_t c;
    int done = 0;
    RWKV__BCT8_IO(0, 0) RWKV__BCT8_IO(1, 0) RWKV__BCT8_IO(2, 0)
    RWKV__BCT8_IO(3, 0) RWKV__BCT8_IO(4, 0) RWKV__BCT8_IO(5, 0)
    for (c = 0; c < kn; c++) {
        if (!(c & 15) && done < nq) {
            int i;
            for (i = 0; i < RWKV__BCT_R; i++) {
                _mm256_store_ps(nw + i * RWKV__BCT_KC + c,
                                bf ? rwkv__vld_bf16(nx[i] + c) : rwkv__vld_f16(nx[i] + c));
                _mm256_store_ps(nw + i * RWKV__BCT_KC + c + 8,
                                bf ? rwkv__vld_bf16(nx[i] + c + 8) : rwkv__vld_f16(nx[i] + c + 8));
            }
            done++;
        }
        {
            const __m256 b0 = _mm256_load_ps(b + c * 16), b1 = _mm256_load_ps(b + c * 16 + 8);
            RWKV__BCT8_ROW(0) RWKV__BCT8_ROW(1) RWKV__BCT8_ROW(2)
            RWKV__BCT8_ROW(3) RWKV__BCT8_ROW(4) RWKV__BCT8_ROW(5)
        }
    }
    RWKV__BCT8_IO(0, 1) RWKV__BCT8_IO(1, 1) RWKV__BCT8_IO(2, 1)
    RWKV__BCT8_IO(3, 1) RWKV__BCT8_IO(4, 1) RWKV__BCT8_IO(5, 1)
    return done;
}
#undef RWKV__BCT8_ROW
#undef RWKV__BCT8_IO
#endif

/* A register tile's place in rwkv__bct_rows's loops: token chunk g0, row block rb, pass k0
   (its first column), row tile s (rows rb + s ..). */
typedef struct rwkv__bct_pos {
    int g0, s;
    int64_t rb, k0;
} rwkv__bct_pos;

/* Moves p to the tile after it in the loops' order (chunks, row blocks, passes, row tiles);
   0 past the last. */
static int rwkv__bct_next(rwkv__bct_pos *p, int64_t r0, int64_t r1, int64_t cols, int ntile)
{
    const int nrb = r1 - p->rb < RWKV__BCT_RB ? (int)(r1 - p->rb) : RWKV__BCT_RB;
    if ((p->s += RWKV__BCT_R) < nrb) return 1;
    p->s = 0;
    if ((p->k0 += RWKV__BCT_KC) < cols) return 1;
    p->k0 = 0;
    if ((p->rb += RWKV__BCT_RB) < r1) return 1;
    p->rb = r0;
    return (p->g0 += RWKV__BCT_TG) < ntile;
}

/* The tile's rows at its first column (a short last tile repeats its last row, whose sums
   are not stored); returns its columns. */
static int64_t rwkv__bct_at(const rwkv__tensor *W, size_t rowb, const rwkv__bct_pos *p,
                            int64_t r1, const uint16_t **row)
{
    const int nrb = r1 - p->rb < RWKV__BCT_RB ? (int)(r1 - p->rb) : RWKV__BCT_RB;
    const int nr = nrb - p->s < RWKV__BCT_R ? nrb - p->s : RWKV__BCT_R;
    int i;
    for (i = 0; i < RWKV__BCT_R; i++)
        row[i] = (const uint16_t *)(const void *)((const char *)W->data +
                 (size_t)(p->rb + p->s + (i < nr ? i : nr - 1)) * rowb) + p->k0;
    return W->ne[0] - p->k0 < RWKV__BCT_KC ? W->ne[0] - p->k0 : RWKV__BCT_KC;
}

/* Columns [16 q0, kn) of a tile's rows as f32 into wf (row i at wf + i * RWKV__BCT_KC). */
static void rwkv__bct_conv(float *wf, const uint16_t *const *row, int64_t q0, int64_t kn,
                           int type)
{
    int i;
    for (i = 0; i < RWKV__BCT_R; i++) {
        int64_t k;
        /* one loop per type: gcc kept rwkv__vld_w's switch inside the loop */
        if (type == RWKV_TYPE_F16)
            for (k = 16 * q0; k + RWKV__L <= kn; k += RWKV__L)
                rwkv__vst(wf + i * RWKV__BCT_KC + k, rwkv__vld_f16(row[i] + k));
        else
            for (k = 16 * q0; k + RWKV__L <= kn; k += RWKV__L)
                rwkv__vst(wf + i * RWKV__BCT_KC + k, rwkv__vld_bf16(row[i] + k));
        for (; k < kn; k++) wf[i * RWKV__BCT_KC + k] = rwkv__weight(row[i], type, k);
    }
}

/* A tile's rows into L1 (a tile's rows are too short a stream for the hardware
   prefetchers). */
RWKV__INLINE void rwkv__bct_prefetch(const rwkv__tensor *W, size_t rowb,
                                     const rwkv__bct_pos *p, int64_t r1)
{
    const uint16_t *row[RWKV__BCT_R];
    const int64_t bytes = 2 * rwkv__bct_at(W, rowb, p, r1, row);
    int i;
    int64_t k;
    for (i = 0; i < RWKV__BCT_R; i++)
        for (k = 0; k < bytes; k += 64) RWKV__PREFETCH_L1((const char *)row[i] + k);
}

/* Rows [r0, r1) x tokens [0, T) from the layout `pack` (rwkv__bct_pack of every tile).
   Stack: cbuf 48 KiB and two converted tiles of 12 KiB: while a tile computes, its loop
   converts the next one (rwkv__bct_tile) and the one after that is prefetched into L1.
   relu2: instead of Y, relu(y)² into `relu2` in the layout rwkv__bct_pack gives a matrix of
   W->ne[1] columns (the channel mix's key, laid out for its value product: the sums are
   already [token tile][row][16 tokens], so no transpose into Y, no relu² step over Y and
   no layout of it afterwards; the same values, so the same bits). */
static void rwkv__bct_rows(float *Y, const rwkv__tensor *W, const float *pack, int T, int64_t r0,
                           int64_t r1, float *relu2)
{
    enum { NB = (RWKV__BCT_RB + RWKV__BCT_R - 1) / RWKV__BCT_R };
    rwkv__bct_v cbuf[NB][RWKV__BCT_R][RWKV__BCT_TG]; /* [row tile][row][token tile] */
    rwkv__bct_v wbuf[2][RWKV__BCT_R][RWKV__BCT_KC / 16]; /* this tile's rows as f32, the next's */
    const int64_t rows = W->ne[1], cols = W->ne[0];
    const size_t rowb = (size_t)rwkv__row_bytes(W->type, (uint64_t)cols);
    const int ntile = (T + 15) / 16, bf = W->type == RWKV_TYPE_BF16;
    const size_t ts = (size_t)cols * 16;
    const uint16_t *nrow[RWKV__BCT_R];
    rwkv__bct_pos nx, nx2; /* the next tile and the one after it */
    int more, more2, cur = 0, g0;
#ifdef RWKV__BCW
    __m512 rtv[RWKV__BCT_RB], wsv[RWKV__BCT_RB]; /* the row terms' lanes (rwkv__bcw_rowterms) */
    const int64_t cols6 = cols - cols % 6;
#endif
    if (r0 >= r1 || T < 1) return;
    nx.g0 = 0; nx.rb = r0; nx.k0 = 0; nx.s = 0;
    rwkv__bct_conv((float *)(void *)wbuf[0], nrow, 0, rwkv__bct_at(W, rowb, &nx, r1, nrow),
                   W->type);
    more = rwkv__bct_next(&nx, r0, r1, cols, ntile);
    nx2 = nx;
    more2 = more && rwkv__bct_next(&nx2, r0, r1, cols, ntile);
    if (more) rwkv__bct_prefetch(W, rowb, &nx, r1);
    for (g0 = 0; g0 < ntile; g0 += RWKV__BCT_TG) {
        const int ng = ntile - g0 < RWKV__BCT_TG ? ntile - g0 : RWKV__BCT_TG;
        int64_t rb;
        for (rb = r0; rb < r1; rb += RWKV__BCT_RB) {
            const int nrb = r1 - rb < RWKV__BCT_RB ? (int)(r1 - rb) : RWKV__BCT_RB;
            int64_t k0;
            int s, g, i, n, nt;
            for (k0 = 0; k0 < cols; k0 += RWKV__BCT_KC) {
                const int64_t kn = cols - k0 < RWKV__BCT_KC ? cols - k0 : RWKV__BCT_KC;
                const int first = k0 == 0;
                for (s = 0; s < nrb; s += RWKV__BCT_R) {
                    const float *wf = (const float *)(const void *)wbuf[cur];
                    float *nwf = (float *)(void *)wbuf[cur ^ 1];
                    int64_t nkn = 0;
                    int nq = 0, done = 0;
                    if (more2) rwkv__bct_prefetch(W, rowb, &nx2, r1); /* the tile after next */
                    if (more) {
                        nkn = rwkv__bct_at(W, rowb, &nx, r1, nrow);
                        nq = (int)(nkn / 16);
                    }
#ifdef RWKV__BCW
                    if (first)
                        for (i = 0; i < RWKV__BCT_R; i++)
                            rtv[s + i] = wsv[s + i] = _mm512_setzero_ps();
                    rwkv__bcw_rowterms(rtv + s, wsv + s, wf, k0, kn, cols6);
#endif
                    for (g = 0; g < ng; g += nt) {
                        float *cb = (float *)(void *)&cbuf[s / RWKV__BCT_R][0][g];
                        const float *b = pack + (size_t)(g0 + g) * ts + (size_t)k0 * 16;
                        const int q = g ? 0 : nq; /* the first call converts */
                        /* 5 tiles left: 3 + 2, not 4 + 1 (6 FMA chains wait on latency) */
                        nt = RWKV__BCT_NT == 1 ? 1 : ng - g == 5 ? 3
                           : ng - g < RWKV__BCT_NT ? ng - g : RWKV__BCT_NT;
#ifdef RWKV__BCW
                        /* the whole groups of 6 of this pass */
                        const int64_t kn6 = cols6 - k0 >= kn ? kn : cols6 > k0 ? cols6 - k0 : 0;
                        /* the next tile's rows in the loop only when they are neighbours
                           (not a short last tile's repeated row) */
                        const size_t nxs = rowb / 2;
                        const int qq =
                            nrow[RWKV__BCT_R - 1] == nrow[0] + (RWKV__BCT_R - 1) * nxs ? q : 0;
#define RWKV__BCW_CALL(n)                                                                    \
    rwkv__bcw_tile(cb, wf, b, ts, kn, kn6, first, n, nrow[0], nxs, nwf, qq, bf)
                        switch (nt) {
                        case 1: done += RWKV__BCW_CALL(1); break;
                        case 2: done += RWKV__BCW_CALL(2); break;
                        default: done += RWKV__BCW_CALL(3); break;
                        }
#undef RWKV__BCW_CALL
#elif defined(RWKV__AVX512)
                        switch (nt) {
                        case 1: done += rwkv__bct_tile(cb, wf, b, ts, kn, first, 1, nrow, nwf, q, bf); break;
                        case 2: done += rwkv__bct_tile(cb, wf, b, ts, kn, first, 2, nrow, nwf, q, bf); break;
                        case 3: done += rwkv__bct_tile(cb, wf, b, ts, kn, first, 3, nrow, nwf, q, bf); break;
                        default: done += rwkv__bct_tile(cb, wf, b, ts, kn, first, 4, nrow, nwf, q, bf); break;
                        }
#else
                        done += rwkv__bct_tile8(cb, wf, b, kn, first, nrow, nwf, q, bf);
#endif
                    }
                    if (more) { /* what the loop did not reach: more columns, the f32 tail */
                        rwkv__bct_conv(nwf, nrow, done, nkn, W->type);
                        cur ^= 1;
                    }
                    nx = nx2;
                    more = more2;
                    more2 = more2 && rwkv__bct_next(&nx2, r0, r1, cols, ntile);
                }
            }
#ifdef RWKV__BCW
            for (i = 0; i < nrb; i++) { /* y = (acc - R - C) / s + m sum(w) */
                const __m512 R = _mm512_set1_ps(rwkv__vsum(rtv[i])),
                             S = _mm512_set1_ps(rwkv__vsum(wsv[i]));
                for (g = 0; g < ng; g++) {
                    const float *side =
                        pack + (size_t)ntile * ts + (size_t)(g0 + g) * RWKV__BCW_SIDE;
                    __m512 *v = &cbuf[i / RWKV__BCT_R][i % RWKV__BCT_R][g];
                    const __m512 d = _mm512_sub_ps(*v, _mm512_add_ps(R, _mm512_load_ps(side)));
                    *v = _mm512_fmadd_ps(_mm512_load_ps(side + 16), S,
                                         _mm512_mul_ps(d, _mm512_load_ps(side + 32)));
                }
            }
#endif
            if (relu2)
                for (g = 0; g < ng; g++) { /* padded tokens too: as rwkv__bct_pack's */
                    float *dst = relu2 + ((size_t)(g0 + g) * (size_t)rows + (size_t)rb) * 16;
                    for (i = 0; i < nrb; i++)
                        rwkv__relu2(dst + (size_t)i * 16,
                                    (const float *)(const void *)&cbuf[i / RWKV__BCT_R][i % RWKV__BCT_R][g],
                                    16);
                }
            else for (g = 0; g < ng; g++) {
                const int t0 = (g0 + g) * 16, tn = T - t0 < 16 ? T - t0 : 16;
                /* 16 rows at a time transposed in registers (one scalar store per output
                   was ~5% of a 2048 x 2048 x 128 product) */
                for (s = 0; s + 16 <= nrb; s += 16) {
#ifdef RWKV__AVX512
                    __m512 v[16], o[16];
                    for (i = 0; i < 16; i++)
                        v[i] = cbuf[(s + i) / RWKV__BCT_R][(s + i) % RWKV__BCT_R][g];
                    rwkv__tr16(v, o);
                    for (n = 0; n < tn; n++)
                        _mm512_storeu_ps(Y + (int64_t)(t0 + n) * rows + rb + s, o[n]);
#else
                    int h, q;
                    for (q = 0; q < 16; q += 8)     /* rows s + q .. */
                        for (h = 0; h < 2; h++) {   /* tokens 8 h .. 8 h + 7 */
                            __m256 v[8], o[8];
                            for (i = 0; i < 8; i++)
                                v[i] = cbuf[(s + q + i) / RWKV__BCT_R][(s + q + i) % RWKV__BCT_R][g].h[h];
                            rwkv__tr8(v, o);
                            for (n = 0; n < 8 && 8 * h + n < tn; n++)
                                _mm256_storeu_ps(Y + (int64_t)(t0 + 8 * h + n) * rows + rb + s + q,
                                                 o[n]);
                        }
#endif
                }
                for (n = 0; n < tn; n++) {
                    float *y = Y + (int64_t)(t0 + n) * rows + rb;
                    for (i = s; i < nrb; i++)
                        y[i] = ((const float *)(const void *)&cbuf[i / RWKV__BCT_R][i % RWKV__BCT_R][g])[n];
                }
            }
        }
    }
}

#define RWKV__BCS 1
/* Few columns (the LoRAs' second halves: 32-256 columns into n_embd rows): the tiles above
   spend as long transposing their sums into Y as multiplying (each output a chain of only
   32-256 FMAs), and lay the tokens out for it. Here the other orientation: the weights of a
   block of RWKV__BCS_R rows, converted and transposed once per pass of RWKV__BCS_KC columns
   (wt[c][i] = W[rb + i][c0 + c]), are the vectors, and each token's input, broadcast from X
   as it lies, multiplies them: sums land in Y as its rows lie, no layout, no transpose.
   Each output is the same FMA chain over the columns in increasing order as the tiles
   above (carried in Y between passes, exactly): the same bits. One thread, Zen 5, f16
   2048 rows x 128 tokens, GFLOP/s against the tiles above (layout included): 32 columns
   146 / 105, 64 153 / 122, 96 156 / 136, 128 about equal (147), 160 141 / 164, 256 84-142
   / 169; v7 0.1B F16 prompts of 512 tokens 1.016x (median of 16 processes in turns; ~2% of
   the time there is in these products, 0.3-0.5% at 1.5B). Those tiles were 6 row vectors x
   4 tokens, and a block of fewer rows still ran all 6 vectors' FMAs; since the thirty-third
   round of docs/KERNELS.md 4 vectors x 6 tokens (as many loads per column for the 24 FMAs),
   the vectors past the block's rows skipped: 128 tokens, one thread, against the 6 x 4 tiles
   and the tiles above (layout included): 2048 x 64 193 / 184 / 129, 2048 x 96 193 / 181 /
   145, 2048 x 256 190 / 177 / 177 (hence at most 256 columns), and the LoRAs' first halves,
   few rows of n_embd columns, where the layout costs the tiles above as much as a sixth of
   the product: 64 x 2048 186 / 127 / 162, 96 x 2048 178 / 167 / 175, 256 x 2048 188 / 166 /
   189 (hence at most 128 rows; on the team such a product splits its tokens, not its rows:
   rwkv__mm_job.tok_items). Whole prompts, v7 1.5B F16: the LoRAs' share (~4.5%) within the
   noise of the VM. */
#define RWKV__BCS_MAXC 256 /* at most this many columns take this path */
#ifndef RWKV__BCS_ROWS
#define RWKV__BCS_ROWS 128 /* and any product of at most this many rows */
#endif
#define RWKV__BCS_KC 128   /* columns per pass: wt is 32 KiB (AVX2: 16 KiB) */
#ifdef RWKV__AVX512
#define RWKV__BCS_R 64     /* rows per block: 4 vectors */
#define RWKV__BCS_NT 6     /* tokens per tile: 4 x 6 accumulators */
#define RWKV__BCS_TR(x, t) rwkv__tr16(x, t)
/* the tile for the token count nt, a constant in each call */
#define RWKV__BCS_NTS(CALL, NV)                                                                \
    switch (nt) {                                                                              \
    case 1: CALL(1, NV); break;                                                                \
    case 2: CALL(2, NV); break;                                                                \
    case 3: CALL(3, NV); break;                                                                \
    case 4: CALL(4, NV); break;                                                                \
    case 5: CALL(5, NV); break;                                                                \
    default: CALL(6, NV); break;                                                               \
    }
/* w in a register: gcc folded its load into each of the FMAs (24 vector loads per column
   where a Zen 5 core issues 2 a cycle: ~120 GFLOP/s instead of ~190). A vector of rows past
   nv is skipped (nv: a constant where the rows are whole blocks). */
#define RWKV__BCS_ROW(v)                                                                     \
    if (v < nv) {                                                                            \
        __m512 w = _mm512_load_ps(wt + c * RWKV__BCS_R + 16 * v);                            \
        RWKV__IN_REGISTER(w);                                                                   \
        a##v##0 = _mm512_fmadd_ps(w, x0, a##v##0);                                           \
        if (nt > 1) a##v##1 = _mm512_fmadd_ps(w, x1, a##v##1);                               \
        if (nt > 2) a##v##2 = _mm512_fmadd_ps(w, x2, a##v##2);                               \
        if (nt > 3) a##v##3 = _mm512_fmadd_ps(w, x3, a##v##3);                               \
        if (nt > 4) a##v##4 = _mm512_fmadd_ps(w, x4, a##v##4);                               \
        if (nt > 5) a##v##5 = _mm512_fmadd_ps(w, x5, a##v##5);                               \
    }
#define RWKV__BCS_IO1(v, t, store)                                                           \
    if (nt > t && v < nv) {                                                                  \
        float *p_ = Y + t * ys + 16 * v;                                                     \
        const __mmask16 m_ = v == nv - 1 ? last : 0xFFFF;                                    \
        if (store) _mm512_mask_storeu_ps(p_, m_, a##v##t);                                   \
        else if (!first) a##v##t = _mm512_maskz_loadu_ps(m_, p_);                            \
    }
#define RWKV__BCS_IO(t, store)                                                               \
    RWKV__BCS_IO1(0, t, store) RWKV__BCS_IO1(1, t, store) RWKV__BCS_IO1(2, t, store)          \
    RWKV__BCS_IO1(3, t, store)
/* nt (a constant at every call) tokens' sums for the block's rows (nv vectors, the last
   holding only rem rows where rem > 0), columns [0, kn) of the pass: X at the tokens' first
   column of the pass (xs apart), Y at their first row of the block (ys apart). */
RWKV__INLINE void rwkv__bcs_tile(float *Y, size_t ys, const float *X, size_t xs,
                                 const float *wt, int64_t kn, int first, int nt, int nv, int rem)
{
    const __mmask16 last = (__mmask16)(rem ? (1u << rem) - 1 : 0xFFFF);
    __m512 a00 = _mm512_setzero_ps(), a01 = a00, a02 = a00, a03 = a00, a04 = a00, a05 = a00,
           a10 = a00, a11 = a00, a12 = a00, a13 = a00, a14 = a00, a15 = a00,
           a20 = a00, a21 = a00, a22 = a00, a23 = a00, a24 = a00, a25 = a00,
           a30 = a00, a31 = a00, a32 = a00, a33 = a00, a34 = a00, a35 = a00;
    int64_t c;
    RWKV__BCS_IO(0, 0) RWKV__BCS_IO(1, 0) RWKV__BCS_IO(2, 0)
    RWKV__BCS_IO(3, 0) RWKV__BCS_IO(4, 0) RWKV__BCS_IO(5, 0)
    for (c = 0; c < kn; c++) {
        const __m512 x0 = _mm512_set1_ps(X[c]),
                     x1 = nt > 1 ? _mm512_set1_ps(X[xs + c]) : x0,
                     x2 = nt > 2 ? _mm512_set1_ps(X[2 * xs + c]) : x0,
                     x3 = nt > 3 ? _mm512_set1_ps(X[3 * xs + c]) : x0,
                     x4 = nt > 4 ? _mm512_set1_ps(X[4 * xs + c]) : x0,
                     x5 = nt > 5 ? _mm512_set1_ps(X[5 * xs + c]) : x0;
        RWKV__BCS_ROW(0) RWKV__BCS_ROW(1) RWKV__BCS_ROW(2) RWKV__BCS_ROW(3)
    }
    RWKV__BCS_IO(0, 1) RWKV__BCS_IO(1, 1) RWKV__BCS_IO(2, 1)
    RWKV__BCS_IO(3, 1) RWKV__BCS_IO(4, 1) RWKV__BCS_IO(5, 1)
}
#undef RWKV__BCS_ROW
#undef RWKV__BCS_IO1
#undef RWKV__BCS_IO

#else
/* AVX2: the same orientation and loops with vectors of 8 rows and 16 ymm registers, 4 row
   vectors x 3 tokens (12 accumulators, the weight vector and 3 broadcast tokens); the last
   vector of a block masked where its rows are not a multiple of 8 (rem); rwkv__bcs_rows
   below drives both ISAs' tiles. Each output is the same FMA chain as AVX-512's: the same
   bits. Before, AVX2 builds ran these products on the column-lane tiles (f32 kernels); a
   -march=haswell build on the Zen 5 VM, one thread, 128 tokens, f16 against them: 2048 x 32
   / 64 / 96 / 256 4.3 / 1.9 / 1.5 / 1.28x (~100 GFLOP/s, near the 256-bit FMA peak), 32 / 64
   / 96 / 128 x 2048 1.12 / 1.16 / 1.04 / 1.28x; v7 1.5B F16 prompts 1.025-1.031x, v7 0.1B
   1.049x (docs/KERNELS.md, forty-fourth round). */
#define RWKV__BCS_R 32     /* rows per block: 4 vectors */
#define RWKV__BCS_NT 3     /* tokens per tile: 4 x 3 accumulators */
#define RWKV__BCS_TR(x, t) rwkv__tr8(x, t)
#define RWKV__BCS_NTS(CALL, NV)                                                                \
    switch (nt) {                                                                              \
    case 1: CALL(1, NV); break;                                                                \
    case 2: CALL(2, NV); break;                                                                \
    default: CALL(3, NV); break;                                                               \
    }
#define RWKV__BCS_ROW(v)                                                                     \
    if (v < nv) {                                                                            \
        __m256 w = _mm256_load_ps(wt + c * RWKV__BCS_R + 8 * v);                             \
        RWKV__IN_REGISTER(w);                                                                \
        a##v##0 = _mm256_fmadd_ps(w, x0, a##v##0);                                           \
        if (nt > 1) a##v##1 = _mm256_fmadd_ps(w, x1, a##v##1);                               \
        if (nt > 2) a##v##2 = _mm256_fmadd_ps(w, x2, a##v##2);                               \
    }
#define RWKV__BCS_IO1(v, t, store)                                                           \
    if (nt > t && v < nv) {                                                                  \
        float *p_ = Y + t * ys + 8 * v;                                                      \
        if (v == nv - 1 && rem) {                                                            \
            if (store) _mm256_maskstore_ps(p_, last, a##v##t);                               \
            else if (!first) a##v##t = _mm256_maskload_ps(p_, last);                         \
        } else if (store) {                                                                  \
            _mm256_storeu_ps(p_, a##v##t);                                                   \
        } else if (!first) {                                                                 \
            a##v##t = _mm256_loadu_ps(p_);                                                   \
        }                                                                                    \
    }
#define RWKV__BCS_IO(t, store)                                                               \
    RWKV__BCS_IO1(0, t, store) RWKV__BCS_IO1(1, t, store) RWKV__BCS_IO1(2, t, store)          \
    RWKV__BCS_IO1(3, t, store)
RWKV__INLINE void rwkv__bcs_tile(float *Y, size_t ys, const float *X, size_t xs,
                                 const float *wt, int64_t kn, int first, int nt, int nv, int rem)
{
    const __m256i last = _mm256_cmpgt_epi32(_mm256_set1_epi32(rem),
                                            _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    __m256 a00 = _mm256_setzero_ps(), a01 = a00, a02 = a00, a10 = a00, a11 = a00, a12 = a00,
           a20 = a00, a21 = a00, a22 = a00, a30 = a00, a31 = a00, a32 = a00;
    int64_t c;
    RWKV__BCS_IO(0, 0) RWKV__BCS_IO(1, 0) RWKV__BCS_IO(2, 0)
    for (c = 0; c < kn; c++) {
        const __m256 x0 = _mm256_broadcast_ss(X + c),
                     x1 = nt > 1 ? _mm256_broadcast_ss(X + xs + c) : x0,
                     x2 = nt > 2 ? _mm256_broadcast_ss(X + 2 * xs + c) : x0;
        RWKV__BCS_ROW(0) RWKV__BCS_ROW(1) RWKV__BCS_ROW(2) RWKV__BCS_ROW(3)
    }
    RWKV__BCS_IO(0, 1) RWKV__BCS_IO(1, 1) RWKV__BCS_IO(2, 1)
}
#undef RWKV__BCS_ROW
#undef RWKV__BCS_IO1
#undef RWKV__BCS_IO

#endif

/* Rows [r0, r1) x tokens [0, T) of a product of at most RWKV__BCS_MAXC columns (or rows). */
static void rwkv__bcs_rows(float *Y, const rwkv__tensor *W, const float *X, int T, int64_t r0,
                           int64_t r1)
{
    rwkv__vf wt[RWKV__BCS_KC][RWKV__BCS_R / RWKV__L]; /* [column][row vector] */
    const int64_t rows = W->ne[1], cols = W->ne[0];
    const size_t rowb = (size_t)rwkv__row_bytes(W->type, (uint64_t)cols);
    int64_t rb, c0;
    for (rb = r0; rb < r1; rb += RWKV__BCS_R) {
        const int nr = r1 - rb < RWKV__BCS_R ? (int)(r1 - rb) : RWKV__BCS_R;
        const int nv = (nr + RWKV__L - 1) / RWKV__L, rem = nr % RWKV__L;
        for (c0 = 0; c0 < cols; c0 += RWKV__BCS_KC) {
            const int64_t kn = cols - c0 < RWKV__BCS_KC ? cols - c0 : RWKV__BCS_KC;
            int v, t, i;
            int64_t c;
            for (v = 0; v < nv; v++) { /* a vector's rows x as many columns, transposed */
                const int r = RWKV__L * v;
                const uint16_t *row[RWKV__L];
                for (i = 0; i < RWKV__L; i++)
                    row[i] = (const uint16_t *)(const void *)((const char *)W->data +
                             (size_t)(rb + r + (r + i < nr ? i : nr - 1 - r)) * rowb) + c0;
                for (c = 0; c + RWKV__L <= kn; c += RWKV__L) {
                    rwkv__vf x[RWKV__L], o[RWKV__L];
                    for (i = 0; i < RWKV__L; i++)
                        x[i] = W->type == RWKV_TYPE_BF16 ? rwkv__vld_bf16(row[i] + c)
                                                         : rwkv__vld_f16(row[i] + c);
                    RWKV__BCS_TR(x, o);
                    for (i = 0; i < RWKV__L; i++) wt[c + i][v] = o[i];
                }
                for (; c < kn; c++)
                    for (i = 0; i < RWKV__L; i++)
                        ((float *)(void *)&wt[c][v])[i] = rwkv__weight(row[i], W->type, c);
            }
            for (t = 0; t < T; t += RWKV__BCS_NT) {
                float *y = Y + (size_t)t * (size_t)rows + rb;
                const float *x = X + (size_t)t * (size_t)cols + c0;
                const float *w = (const float *)(const void *)wt;
                const int nt = T - t < RWKV__BCS_NT ? T - t : RWKV__BCS_NT;
                /* nt and nv constants in each call: a whole block, then the last one */
#define RWKV__BCS_CALL(NT, NV) rwkv__bcs_tile(y, (size_t)rows, x, (size_t)cols, w, kn, !c0, NT, NV, rem)
                if (nv == RWKV__BCS_R / RWKV__L) {
                    RWKV__BCS_NTS(RWKV__BCS_CALL, RWKV__BCS_R / RWKV__L)
                } else {
                    RWKV__BCS_NTS(RWKV__BCS_CALL, nv)
                }
#undef RWKV__BCS_CALL
            }
        }
    }
}
#undef RWKV__BCS_NTS
#undef RWKV__BCS_TR
#endif /* RWKV__BCT */

/* ---- f16 / bf16 prompt blocks on a layout of the tokens: AMX tiles or broadcast tiles ----- */
/* Both lay the tokens out once per product (on the team, 16 per item) in the state's scratch
   and then split the rows: the AMX tiles in whole tiles of 16 rows (the rest on the f32
   kernels), the broadcast tiles any rows. */
#if defined(RWKV__FAMX) || defined(RWKV__BCT)
#define RWKV__FPK 1
#ifdef RWKV__FAMX
#define RWKV__FPK_RQ 16
#define RWKV__FPK_RB RWKV__FAMX_RB
#define RWKV__FPK_UNIT(W) 16 /* rows of an item: whole tiles */
#define rwkv__fpk_request() rwkv__amx_request()
#define rwkv__fpk_packs(W) 1
#define rwkv__fpk_pack(W, X, T, pack, g, w2m)                                                \
    ((void)(w2m), rwkv__famx_pack((W)->ne[0], X, T, pack, g))
#define rwkv__fpk_rows(Y, W, X, pack, T, r0, r1, relu2)                                       \
    ((void)(relu2), rwkv__famx_rows(Y, W, X, pack, T, r0, r1)) /* no fused relu² on AMX */
#else /* the broadcast tiles, few columns or rows on rwkv__bcs_rows */
#define RWKV__FPK_RQ 1
#define RWKV__FPK_RB RWKV__BCT_RB
/* few columns or few rows: rwkv__bcs_rows, no layout of the tokens */
#define RWKV__BCS_TAKES(W) ((W)->ne[0] <= RWKV__BCS_MAXC || (W)->ne[1] <= RWKV__BCS_ROWS)
/* rows of an item: whole register tiles, or whole blocks of rwkv__bcs_rows */
#define RWKV__FPK_UNIT(W) (!RWKV__BCS_TAKES(W) ? RWKV__BCT_R : RWKV__BCS_R)
#define rwkv__fpk_request() 1
#define rwkv__fpk_packs(W) (!RWKV__BCS_TAKES(W))
#define rwkv__fpk_pack(W, X, T, pack, g, w2m)                                                \
    rwkv__bct_pack((W)->ne[0], X, T, (float *)(void *)(pack), g, w2m)
#ifdef RWKV__BCW /* a layout made elsewhere (the channel mix's relu²) into Winograd's form */
#define RWKV__FPK_FINISH 1
#define rwkv__fpk_finish(W, T, pack, g, w2m)                                                  \
    rwkv__bcw_finish((W)->ne[0], w2m, T, (float *)(void *)(pack), g)
#define rwkv__fpk_w2(W) rwkv__bcw_w2(W)
#endif
#define rwkv__fpk_rows(Y, W, X, pack, T, r0, r1, relu2)                                       \
    (!RWKV__BCS_TAKES(W)                                                                      \
         ? rwkv__bct_rows(Y, W, (const float *)(const void *)(pack), T, r0, r1, relu2)       \
         : rwkv__bcs_rows(Y, W, X, T, r0, r1))
#endif
#endif

#ifndef RWKV__FPK_FINISH
#define RWKV__FPK_FINISH 0
#define rwkv__fpk_finish(W, T, pack, g, w2m) ((void)0)
#define rwkv__fpk_w2(W) 0.0f /* the layout takes no scale */
#endif

/* Bytes of the tokens' layout for T tokens of a `type` matrix with `cols` columns; 0 when
   its product keeps the f32 kernels (it also needs rwkv__famx_rows_ok). */
static size_t rwkv__fpk_pack_bytes(int type, int64_t cols, int T)
{
#if defined(RWKV__FAMX)
    return rwkv__famx_pack_bytes(type, cols, T);
#elif defined(RWKV__BCT)
    return rwkv__bct_pack_bytes(type, cols, T);
#else
    (void)type; (void)cols; (void)T;
    return 0;
#endif
}

#ifdef RWKV__FPK
/* Whether W·X for T tokens runs on the tokens' layout (the scratch aside). */
static int rwkv__fpk_takes(const rwkv__tensor *W, int T)
{
    return rwkv__fpk_pack_bytes(W->type, W->ne[0], T) && rwkv__famx_rows_ok(W) &&
#ifdef RWKV__BCT_ONLY_TAKES
           RWKV__BCT_ONLY_TAKES(W) &&
#endif
           (W->ne[0] >= RWKV__FAMX_MIN || W->lora_tiles) && rwkv__fpk_request();
}

/* Thread id of n's tiles of the tokens' layout (every tile: id 0 of 1), unless laid_out:
   pack already holds them. */
static void rwkv__fpk_pack_part(const rwkv__tensor *W, const float *X, int T, uint8_t *pack,
                                int laid_out, int id, int n)
{
    int g;
    if (rwkv__fpk_packs(W) && (!laid_out || RWKV__FPK_FINISH)) {
        const float w2m = rwkv__fpk_w2(W);
        for (g = id; g < (T + 15) / 16; g += n)
            if (laid_out) rwkv__fpk_finish(W, T, pack, g, w2m);
            else rwkv__fpk_pack(W, X, T, pack, g, w2m);
    }
}

/* Thread id of n's rows, once every tile is laid out: its share of the runs of RWKV__FPK_RQ;
   the last thread also the last rows % RQ, on the f32 kernels. */
static void rwkv__fpk_rows_part(float *Y, const rwkv__tensor *W, const float *X, int T,
                                uint8_t *pack, float *relu2, int id, int n)
{
    const int64_t rows = W->ne[1], r16 = rows / RWKV__FPK_RQ * RWKV__FPK_RQ;
    const int64_t r0 = r16 / RWKV__FPK_RQ * id / n * RWKV__FPK_RQ,
                  r1 = r16 / RWKV__FPK_RQ * (id + 1) / n * RWKV__FPK_RQ;
    if (r0 < r1) rwkv__fpk_rows(Y, W, X, pack, T, r0, r1, relu2);
    if (id == n - 1 && r16 < rows) rwkv__matmul_rows(Y, W, X, T, r16, rows);
}

/* The product with `pack` (rwkv__fpk_pack_bytes of scratch, 64-byte aligned): the threads lay
   out the tokens' tiles (unless laid_out: pack already holds them), then split the rows in
   runs of RWKV__FPK_RQ; the last rows % RQ run the f32 kernels (on the last thread, whatever
   the thread count). relu2: rwkv__bct_rows's (broadcast tiles only). The barrier between
   the two parts stays in the region's own body: in a function that one thread also calls
   from inside the team's region it would bind to that region and wait for its other
   threads (commit dac2269 did so: a deadlock, reverted in eb8f9bf). */
static void rwkv__fpk_run(float *Y, const rwkv__tensor *W, const float *X, int T, int n_threads,
                           uint8_t *pack, int laid_out, float *relu2)
{
    const int64_t rows = W->ne[1], cols = W->ne[0];
    const int nth = rwkv__threads_for(n_threads, rows, rows * cols * T);
    if (nth <= 1) { /* no parallel region for one thread (rwkv__matmul_q_run) */
        rwkv__fpk_pack_part(W, X, T, pack, laid_out, 0, 1);
        rwkv__fpk_rows_part(Y, W, X, T, pack, relu2, 0, 1);
        return;
    }
#ifdef _OPENMP
#pragma omp parallel num_threads(nth)
#endif
    {
        int id = 0, n = 1;
#ifdef _OPENMP
        id = omp_get_thread_num();
        n = omp_get_num_threads();
#endif
        rwkv__fpk_pack_part(W, X, T, pack, laid_out, id, n);
#ifdef _OPENMP
#pragma omp barrier
#endif
        rwkv__fpk_rows_part(Y, W, X, T, pack, relu2, id, n);
    }
}
#endif /* RWKV__FPK */

/* ---- entry points ---------------------------------------------------------------------------- */

/* Scratch bytes rwkv__matmul_q_ws needs for T tokens of a `type` matrix with `cols` columns. */
static size_t rwkv__matmul_q_work_bytes(int type, int64_t cols, int T)
{
    return (size_t)(T > 0 ? T : 0) * rwkv__qact_bytes(type, cols) +
           rwkv__amx_pack_bytes(type, cols, T) + 64;
}

/* Item g of the preparation of a quantized product (the items are split between threads):
   tokens [16 g, 16 g + 16) of the T in X quantized into acts (`stride` bytes apart; simd = 0:
   the scalar quantizer), then, when amx is not NULL, their tile of the AMX layout. */
static void rwkv__qprep_tile(int type, int64_t cols, const float *X, int T, char *acts,
                             size_t stride, uint8_t *amx, int g, int simd)
{
    int t;
    for (t = 16 * g; t < T && t < 16 * g + 16; t++) {
        const rwkv__qact a = rwkv__qact_at(type, cols, acts + (size_t)t * stride);
#ifdef RWKV__QSIMD
        if (simd) rwkv__quant_act_simd(type, X + (int64_t)t * cols, cols, &a);
        else
#endif
            rwkv__quant_act(type, X + (int64_t)t * cols, cols, &a);
    }
#ifdef RWKV__QVNNI
    if (amx) rwkv__amx_pack(type, cols, acts, stride, T, amx, g);
#endif
    (void)simd;
    (void)amx;
}

/* Rows [r0, r1) of the product on the activations `acts` (rwkv__qprep_tile of every tile):
   the packed kernels, the SIMD tiles or the scalar definition. */
static void rwkv__qmm_rows(float *Y, const void *W, const void *P, int type, int64_t rows,
                           int64_t cols, const char *acts, size_t stride, int T, int64_t r0,
                           int64_t r1, uint8_t *amx, int simd)
{
    if (r0 >= r1) return;
#ifdef RWKV__PACK
    if (simd && P) {
        rwkv__pk_rows(Y, (const uint8_t *)W, (const uint8_t *)P, type, rows, cols, acts, stride,
                      T, r0, r1, amx);
        return;
    }
#endif
#ifdef RWKV__QSIMD
    if (simd) {
        rwkv__qmm_rows_simd(Y, (const uint8_t *)W, type, rows, cols, acts, stride, T, r0, r1,
                            amx);
        return;
    }
#endif
    rwkv__qmm_rows_scalar(Y, (const uint8_t *)W, type, rows, cols, acts, stride, T, r0, r1);
    (void)P; (void)amx; (void)simd;
}

/* The product with caller-provided scratch (`work`, at least rwkv__matmul_q_work_bytes, any
   alignment). simd = 0 forces the scalar definition (tests); the SIMD path gives the same
   bits. Threads (OpenMP) first prepare the tokens (rwkv__qprep_tile, 16 per item), then split
   the rows in multiples of 4 (16 for blocks of 16 tokens or more): never a row's sum, so no
   result depends on the thread count. */
static void rwkv__matmul_q_run(float *Y, const void *W, const void *P, int type, int64_t rows,
                               int64_t cols, const float *X, int T, int n_threads, void *work,
                               int simd)
{
    const size_t stride = rwkv__qact_bytes(type, cols);
    char *acts = (char *)(((uintptr_t)work + 63) & ~(uintptr_t)63);
    const int nth = rwkv__threads_for(n_threads, rows, rows * cols * T);
    const int64_t unit = T >= 16 ? 16 : P ? 8 : 4;
    uint8_t *amx = NULL;
    if (rows <= 0 || T <= 0 || (size_t)rwkv__row_bytes(type, (uint64_t)cols) == 0) return;
#ifdef RWKV__QVNNI
    if (simd && rwkv__amx_pack_bytes(type, cols, T)) amx = (uint8_t *)acts + (size_t)T * stride;
#endif
#ifdef _OPENMP
    if (nth > 1) {
#pragma omp parallel num_threads(nth)
        {
            const int id = omp_get_thread_num(), n = omp_get_num_threads();
            const int64_t quads = (rows + unit - 1) / unit;
            int64_t r0 = quads * id / n * unit, r1 = quads * (id + 1) / n * unit;
            int g;
            for (g = id; g < (T + 15) / 16; g += n)
                rwkv__qprep_tile(type, cols, X, T, acts, stride, amx, g, simd);
#pragma omp barrier
            /* rows in runs of 16 (AMX tiles) for blocks of tokens, of 4 otherwise */
            if (r1 > rows) r1 = rows;
            rwkv__qmm_rows(Y, W, P, type, rows, cols, acts, stride, T, r0, r1, amx, simd);
        }
        return;
    }
#endif
    /* one thread (or no OpenMP): no parallel region at all. One with an if (0) clause still
       cost ~3 us in libgomp (a 512 x 2048 Q4_0 product in L2, one thread: 12.1 us against
       9.2), a few hundred times a token */
    {
        int g;
        for (g = 0; g < (T + 15) / 16; g++)
            rwkv__qprep_tile(type, cols, X, T, acts, stride, amx, g, simd);
        rwkv__qmm_rows(Y, W, P, type, rows, cols, acts, stride, T, 0, rows, amx, simd);
    }
    (void)nth;
    (void)unit;
}

static RWKV__UNUSED void rwkv__matmul_q_ws(float *Y, const void *W, int type, int64_t rows,
                                           int64_t cols, const float *X, int T, int n_threads,
                                           void *work)
{
    rwkv__matmul_q_run(Y, W, NULL, type, rows, cols, X, T, n_threads, work, 1);
}

/* Y[t][r] = sum_c W[r][c] X[t][c], r < rows, t < T (T == 1: the matrix-vector product of one
   token). W: rows x cols of `type` in ggml's layout (cols a multiple of the block); X: T x cols
   floats; Y: T x rows. Scratch comes from the stack when small, else malloc; if malloc fails
   the tokens go one at a time through the stack buffer, and Y is NaN if even one does not fit
   (the engine should call rwkv__matmul_q_ws with its own scratch). */
static RWKV__UNUSED void rwkv__matmul_q(float *Y, const void *W, int type, int64_t rows,
                                        int64_t cols, const float *X, int T, int n_threads)
{
    unsigned char stack[16384 + 64];
    const size_t need = rwkv__matmul_q_work_bytes(type, cols, T);
    void *heap;
    int t;
    if (need <= sizeof stack) {
        rwkv__matmul_q_run(Y, W, NULL, type, rows, cols, X, T, n_threads, stack, 1);
        return;
    }
    heap = malloc(need);
    if (heap) {
        rwkv__matmul_q_run(Y, W, NULL, type, rows, cols, X, T, n_threads, heap, 1);
        free(heap);
        return;
    }
    if (rwkv__matmul_q_work_bytes(type, cols, 1) > sizeof stack) {
        int64_t i;
        for (i = 0; i < rows * T; i++) Y[i] = NAN;
        return;
    }
    for (t = 0; t < T; t++) { /* one token at a time: Y row t of a 1 x rows product */
        float *tmp = Y + (int64_t)t * rows;
        rwkv__matmul_q_run(tmp, W, NULL, type, rows, cols, X + (int64_t)t * cols, 1, n_threads, stack, 1);
    }
}

/* The scalar definition of the same product (tests, and the reference of every variant). */
static RWKV__UNUSED void rwkv__matmul_q_scalar(float *Y, const void *W, int type, int64_t rows,
                                               int64_t cols, const float *X, int T, int n_threads)
{
    void *work = malloc(rwkv__matmul_q_work_bytes(type, cols, T));
    if (!work) return;
    rwkv__matmul_q_run(Y, W, NULL, type, rows, cols, X, T, n_threads, work, 0);
    free(work);
}

/* ---- the entry points the forward pass calls ------------------------------------------ */

/* y[r] = sum_c W[r][c] * x[c] for r < W->ne[1], W of a float type. Rows are split between
   threads, never a row's sum, so the result does not depend on the thread count. */
static RWKV__UNUSED void rwkv__matvec(float *y, const rwkv__tensor *W, const float *x,
                                      int n_threads)
{
#ifdef RWKV__SIMD
    rwkv__matmul_simd(y, W, x, 1, n_threads);
#else
    rwkv__matvec_scalar(y, W, x, n_threads);
#endif
}

/* Y[t][r] = sum_c W[r][c] * X[t][c] for t < T: a block of T tokens against one weight
   matrix, so the weights stream from memory once per block. X is T x cols, Y is T x rows.
   Each Y[t] has the same bits rwkv__matvec would give for X[t] (for a quantized W, those of
   a T = 1 call), except for f16 / bf16 blocks on the AMX tiles (rwkv__famx_rows: the same
   error bound, other bits). qwork: rwkv__matmul_q_work_bytes(W->type, cols, T) bytes of
   scratch when W is quantized, rwkv__famx_pack_bytes + 64 when f16 / bf16 (the state's; NULL:
   malloc'd when needed). */
static void rwkv__matmul(float *Y, const rwkv__tensor *W, const float *X, int T, int n_threads,
                         void *qwork)
{
    if (rwkv__qblock(W->type)) {
        rwkv__matmul_q_run(Y, W->data, W->packed, W->type, W->ne[1], W->ne[0], X, T, n_threads,
                           qwork, 1);
        return;
    }
#ifdef RWKV__FPK
    if (rwkv__fpk_takes(W, T)) {
        void *heap = qwork ? NULL : malloc(rwkv__fpk_pack_bytes(W->type, W->ne[0], T) + 64);
        void *work = qwork ? qwork : heap;
        if (work) { /* else the f32 kernels */
            rwkv__fpk_run(Y, W, X, T, n_threads, (uint8_t *)(((uintptr_t)work + 63) & ~(uintptr_t)63),
                          0, NULL);
            free(heap);
            return;
        }
    }
#endif
#ifdef RWKV__SIMD
    rwkv__matmul_simd(Y, W, X, T, n_threads);
#else
    rwkv__matmul_scalar(Y, W, X, T, n_threads);
#endif
}

/* out[c] = W[row][c] for c < W->ne[0], as f32 (the embedding look-up). */
static void rwkv__get_row(float *out, const rwkv__tensor *W, int64_t row)
{
    const int64_t cols = W->ne[0];
    const void *p = (const char *)W->data + row * rwkv__row_bytes(W->type, (uint64_t)cols);
    const uint16_t *h = (const uint16_t *)p;
    int64_t c;
    switch (W->type) {
    case RWKV_TYPE_F32: memcpy(out, p, sizeof(float) * (size_t)cols); break;
    case RWKV_TYPE_F16: for (c = 0; c < cols; c++) out[c] = rwkv__f16_to_f32(h[c]); break;
    case RWKV_TYPE_BF16: for (c = 0; c < cols; c++) out[c] = rwkv__bf16_to_f32(h[c]); break;
    default: rwkv__dequant_row(W->type, p, out, cols); break;
    }
}

/* The sum over i < n of (v[i] - c), or of its square (sq), in 16 lane sums (lane i mod 16)
   added in a fixed tree, then the n mod 16 tail in order. One sum in order was a chain of
   dependent additions, 4 cycles each: the norms took 3.5% of a v7 prompt block. Each
   operation is a statement of its own (no compiler contracts one into an FMA), so every
   build, vectorized or not, gives the same bits. */
RWKV__INLINE float rwkv__lane_sum(const float *v, int n, float c, int sq)
{
    float s[16] = {0.0f};
    int i, j;
    const int body = n - n % 16;
    for (i = 0; i < body; i += 16)
        for (j = 0; j < 16; j++) {
            const float d = v[i + j] - c;
            const float e = sq ? d * d : d;
            s[j] += e;
        }
    for (j = 0; j < 8; j++) s[j] += s[j + 8];
    for (j = 0; j < 4; j++) s[j] += s[j + 4];
    s[0] += s[2];
    s[1] += s[3];
    s[0] += s[1];
    for (i = body; i < n; i++) {
        const float d = v[i] - c;
        const float e = sq ? d * d : d;
        s[0] += e;
    }
    return s[0];
}

/* out = (x - mean) / sqrt(var + eps) * w + b over n values (biased variance, two passes):
   the layer norm of a token, and the group norm of one group (a head's channels, with that
   group's w and b). out may be x. */
static void rwkv__norm(float *out, const float *x, const float *w, const float *b, int n,
                       float eps)
{
    const float mean = rwkv__lane_sum(x, n, 0.0f, 0) / (float)n;
    const float var = rwkv__lane_sum(x, n, mean, 1) / (float)n;
    const float inv = 1.0f / sqrtf(var + eps);
    int i;
    for (i = 0; i < n; i++) out[i] = (x[i] - mean) * inv * w[i] + b[i];
}

/* e^x in float arithmetic only (Cody-Waite reduction by ln 2, Cephes' degree-6 polynomial,
   2^n applied in two halves so that n = 128 does not overflow the exponent field): within
   0.99 ulp of exp(x) where that is a normal float (every float from -90 to 89 checked
   against double exp), 0 below, inf above, NaN kept. 0 where e^x would be subnormal (x < -87.34, e^x <
   2^-126): on x86 every operation that makes or reads a subnormal takes a microcode assist
   of ~100 cycles, and sigmoid(x) = 1 / (1 + e^-x) of x > 87 made one per call though its
   result is 1 either way (a v7 1.5B prompt block's heads then ran 3x slower on one thread,
   which ended the thread team as a stall); no result of the model's changes by more than
   the subnormal's own size. Why not expf: the recurrences' gates and decays call it 2-4
   times per channel per token (v4 1.5B: 196k calls per token), and a libm call is not
   vectorized: ~8% of a v7 prompt block went to expf. The same code in every build, so the
   model's numbers no longer depend on the C library either. */
RWKV__INLINE float rwkv__expf(float x)
{
    const float x0 = x;
    float n, r, p, y, s1, s2;
    uint32_t k, h;
    x = x < 89.0f ? x : 89.0f; /* NaN -> 89 here (no NaN reaches the int conversion) */
    x = x > -104.0f ? x : -104.0f;
    /* n = x / ln 2 rounded to an integer: adding and removing 1.5 * 2^23 rounds (no floorf,
       which gcc calls in the C library unless math may skip exceptions) */
    /* one rounding per statement, so that no compiler contracts a product and a sum into an
       FMA: the same bits from gcc and clang, with and without FMA */
    n = x * 1.44269504088896341f;
    n = n + 12582912.0f;
    n = n - 12582912.0f;
    p = n * 0.693359375f; /* ln 2 in two parts: this product is exact */
    r = x - p;
    p = n * -2.12194440e-4f;
    r = r - p;
    p = 1.9875691500e-4f * r;
    p = p + 1.3981999507e-3f;
    p = p * r;
    p = p + 8.3334519073e-3f;
    p = p * r;
    p = p + 4.1665795894e-2f;
    p = p * r;
    p = p + 1.6666665459e-1f;
    p = p * r;
    p = p + 5.0000001201e-1f;
    y = r * r;
    y = p * y;
    y = y + r;
    y = y + 1.0f;
    k = (uint32_t)((int32_t)n + 256); /* n in -150..129: 2^n = 2^(h - 128) 2^(n - h + 128) */
    h = k >> 1;
    k = (k - h + 127 - 128) << 23;
    h = (h + 127 - 128) << 23;
    memcpy(&s1, &h, 4);
    memcpy(&s2, &k, 4);
    y = y * s1 * s2;
    return x0 != x0 ? x0 : x < -87.33654f ? 0.0f : y; /* below 2^-126: see above */
}

RWKV__INLINE float rwkv__sigmoid(float x) { return 1.0f / (1.0f + rwkv__expf(-x)); }

/* tanh within 1.5 ulp (tests/test_kernels: every float below 20), the same bits on every
   platform (the C library's tanhf differs between them) and on the lanes of
   rwkv__vtanh: below 0.5625 an odd polynomial (least squares on the relative error,
   0.74 ulp), above it 1 - 2 / (e^2|x| + 1) (result >= 0.51: the exponential's error shrinks
   in it); the sign of x put back, so tanh(-0) = -0. */
RWKV__INLINE float rwkv__tanhf(float x)
{
    uint32_t u, sign;
    float a, t;
    memcpy(&u, &x, 4);
    sign = u & 0x80000000u;
    u ^= sign;
    memcpy(&a, &u, 4);
    if (a < 0.5625f) {
        const float z = a * a;
        float p = -6.178273353725672e-3f;
        p = p * z;
        p = p + 2.1006036549806595e-2f;
        p = p * z;
        p = p - 5.383696034550667e-2f;
        p = p * z;
        p = p + 1.3332445919513702e-1f;
        p = p * z;
        p = p - 3.333331346511841e-1f;
        t = z * a;
        t = t * p;
        t = t + a;
    } else {
        t = rwkv__expf(a + a);
        t = t + 1.0f;
        t = 2.0f / t;
        t = 1.0f - t;
    }
    memcpy(&u, &t, 4);
    u |= sign;
    memcpy(&t, &u, 4);
    return t;
}

#ifdef RWKV__VMATH
/* rwkv__expf on RWKV__L lanes: the same operations in the same order, each rounded on its
   own, so every lane has rwkv__expf's bits (tests/test_kernels). gcc vectorized the scalar
   function in v7's head steps behind masks: 1.4% of a one-thread v7 prompt (AVX-512). */
RWKV__INLINE rwkv__vf rwkv__vexp(rwkv__vf x0)
{
    const rwkv__vf x = rwkv__vmax(rwkv__vmin_or(x0, rwkv__vset1(89.0f)),
                                  rwkv__vset1(-104.0f)); /* NaN -> 89, as there */
    const rwkv__vf xl = rwkv__vmul(x, rwkv__vset1(1.44269504088896341f));
    const rwkv__vf n = rwkv__vsub(rwkv__vadd(xl, rwkv__vset1(12582912.0f)),
                                  rwkv__vset1(12582912.0f));
    rwkv__vf r = rwkv__vsub(x, rwkv__vmul(n, rwkv__vset1(0.693359375f))), p, y, s1, s2;
    r = rwkv__vsub(r, rwkv__vmul(n, rwkv__vset1(-2.12194440e-4f)));
    p = rwkv__vmul(rwkv__vset1(1.9875691500e-4f), r);
    p = rwkv__vmul(rwkv__vadd(p, rwkv__vset1(1.3981999507e-3f)), r);
    p = rwkv__vmul(rwkv__vadd(p, rwkv__vset1(8.3334519073e-3f)), r);
    p = rwkv__vmul(rwkv__vadd(p, rwkv__vset1(4.1665795894e-2f)), r);
    p = rwkv__vmul(rwkv__vadd(p, rwkv__vset1(1.6666665459e-1f)), r);
    p = rwkv__vadd(p, rwkv__vset1(5.0000001201e-1f));
    y = rwkv__vmul(p, rwkv__vmul(r, r));
    y = rwkv__vadd(rwkv__vadd(y, r), rwkv__vset1(1.0f));
    rwkv__vexp2n(n, &s1, &s2);
    y = rwkv__vmul(rwkv__vmul(y, s1), s2);
    y = rwkv__vsel(rwkv__vlt(x, rwkv__vset1(-87.33654f)), y, rwkv__vzero());
    return rwkv__vsel(rwkv__visnan(x0), y, x0);
}

/* -x (the sign bit flipped, as the scalar code's unary minus) */
RWKV__INLINE rwkv__vf rwkv__vneg(rwkv__vf x) { return rwkv__vxor(x, rwkv__vset1(-0.0f)); }

RWKV__INLINE rwkv__vf rwkv__vsigmoid(rwkv__vf x)
{
    const rwkv__vf e = rwkv__vexp(rwkv__vneg(x));
    return rwkv__vdiv(rwkv__vset1(1.0f), rwkv__vadd(rwkv__vset1(1.0f), e));
}

/* rwkv__tanhf on RWKV__L lanes (both branches computed, the lane's one kept) */
RWKV__INLINE rwkv__vf rwkv__vtanh(rwkv__vf x)
{
    const rwkv__vf sign = rwkv__vand(x, rwkv__vset1(-0.0f)), a = rwkv__vxor(x, sign),
                   z = rwkv__vmul(a, a);
    const rwkv__vm small = rwkv__vlt(a, rwkv__vset1(0.5625f));
    rwkv__vf p = rwkv__vmul(rwkv__vset1(-6.178273353725672e-3f), z), t, e;
    p = rwkv__vmul(rwkv__vadd(p, rwkv__vset1(2.1006036549806595e-2f)), z);
    p = rwkv__vmul(rwkv__vsub(p, rwkv__vset1(5.383696034550667e-2f)), z);
    p = rwkv__vmul(rwkv__vadd(p, rwkv__vset1(1.3332445919513702e-1f)), z);
    p = rwkv__vsub(p, rwkv__vset1(3.333331346511841e-1f));
    t = rwkv__vadd(rwkv__vmul(rwkv__vmul(z, a), p), a);
    e = rwkv__vadd(rwkv__vexp(rwkv__vadd(a, a)), rwkv__vset1(1.0f));
    e = rwkv__vsub(rwkv__vset1(1.0f), rwkv__vdiv(rwkv__vset1(2.0f), e));
    return rwkv__vor(rwkv__vsel(small, e, t), sign);
}
#endif

/* ---- the WKV recurrences -------------------------------------------------------------- */
/* rwkv__wkv5_head and rwkv__wkv7_head round every product and sum separately, in the order
   of their scalar loops, so that their SIMD paths (over j or i in vectors, N % L == 0) give
   the same bits as the scalar ones (ARMv7 NEON flushes subnormals to zero: there, only down
   to 2^-126); each product of a scalar loop is a statement of its own so that no compiler
   fuses it into an FMA (clang would). */

/* v4, one token, C channels: the WKV with a running maximum exponent pp, so that nothing
   overflows; y = sigmoid(r) * wkv, rounded as written. aa, bb, pp [C] (numerator,
   denominator, exponent) advance. w = -exp(time_decay), u = time_first. */
/* vectors per pass of the WKV recurrences (their sums' add chains run side by side) */
#define RWKV__WKV_NV 4

static void rwkv__wkv4(float *RWKV__RESTRICT y, float *RWKV__RESTRICT aa,
                       float *RWKV__RESTRICT bb, float *RWKV__RESTRICT pp,
                       const float *RWKV__RESTRICT r, const float *RWKV__RESTRICT k,
                       const float *RWKV__RESTRICT v, const float *RWKV__RESTRICT w,
                       const float *RWKV__RESTRICT u, int C)
{
    int c;
    for (c = 0; c < C; c++) {
        float ww = u[c] + k[c];
        float p = pp[c] > ww ? pp[c] : ww;
        float e1 = rwkv__expf(pp[c] - p), e2 = rwkv__expf(ww - p);
        y[c] = rwkv__sigmoid(r[c]) * (e1 * aa[c] + e2 * v[c]) / (e1 * bb[c] + e2);
        ww = w[c] + pp[c];
        p = ww > k[c] ? ww : k[c];
        e1 = rwkv__expf(ww - p);
        e2 = rwkv__expf(k[c] - p);
        aa[c] = e1 * aa[c] + e2 * v[c];
        bb[c] = e1 * bb[c] + e2;
        pp[c] = p;
    }
}

#ifdef RWKV__SIMD
/* rwkv__wkv5_head's columns j .. j + nv·L − 1; nv is a constant at each call, so that the q
   loops unroll and the vectors stay in registers */
RWKV__INLINE void rwkv__wkv5_cols(float *y, float *S, const float *r, const float *k,
                                  const float *v, const float *w, const float *u, int N, int j,
                                  const int nv)
{
    rwkv__vf vj[RWKV__WKV_NV], yj[RWKV__WKV_NV];
    int i, q;
    for (q = 0; q < nv; q++) {
        vj[q] = rwkv__vld_f32(v + j + q * RWKV__L);
        yj[q] = rwkv__vzero();
    }
    for (i = 0; i < N; i++) {
        float *Si = S + (size_t)i * N + j;
        const float ri = r[i], ki = k[i], ruk = ri * u[i] * ki;
        const rwkv__vf vr = rwkv__vset1(ri), vruk = rwkv__vset1(ruk), vk = rwkv__vset1(ki),
                       vw = rwkv__vset1(w[i]);
        RWKV__UNROLL for (q = 0; q < nv; q++) {
            const rwkv__vf s = rwkv__vld_f32(Si + q * RWKV__L);
            yj[q] = rwkv__vadd(yj[q], rwkv__vadd(rwkv__vmul(vr, s), rwkv__vmul(vruk, vj[q])));
            rwkv__vst(Si + q * RWKV__L, rwkv__vadd(rwkv__vmul(vk, vj[q]), rwkv__vmul(vw, s)));
        }
    }
    for (q = 0; q < nv; q++) rwkv__vst(y + j + q * RWKV__L, yj[q]);
}
#endif

/* v5.x and v6, one head: out_j = Σ_i r_i (u_i k_i v_j + S_ij); S_ij ← k_i v_j + w_i S_ij,
   S [key i][value j]. decay (w) and bonus (u) are per channel (5.0/5.1's one per head is
   expanded at load). */
static void rwkv__wkv5_head(float *y, float *S, const float *r, const float *k, const float *v,
                            const float *w, const float *u, int N)
{
    int i, j;
#ifdef RWKV__SIMD
    if (N % RWKV__L == 0) {
        /* several vectors of j at once: independent add chains (as rwkv__wkv7_head) */
        if (N % (RWKV__WKV_NV * RWKV__L) == 0)
            for (j = 0; j < N; j += RWKV__WKV_NV * RWKV__L)
                rwkv__wkv5_cols(y, S, r, k, v, w, u, N, j, RWKV__WKV_NV);
        else
            for (j = 0; j < N; j += RWKV__L) rwkv__wkv5_cols(y, S, r, k, v, w, u, N, j, 1);
        return;
    }
#endif
    for (j = 0; j < N; j++) y[j] = 0.0f;
    for (i = 0; i < N; i++) {
        float *Si = S + (size_t)i * N;
        const float ri = r[i], ki = k[i], ruk = ri * u[i] * ki, wi = w[i];
        for (j = 0; j < N; j++) {
            const float kv = ki * v[j], rs = ri * Si[j], rv = ruk * v[j], ws = wi * Si[j];
            const float q = rs + rv;
            y[j] += q;
            Si[j] = kv + ws;
        }
    }
}

#ifdef RWKV__SIMD
/* rwkv__wkv7_head's rows i .. i + nv·L − 1; nv is a constant at each call (see
   rwkv__wkv5_cols) */
RWKV__INLINE void rwkv__wkv7_rows(float *y, float *S, const float *r, const float *w,
                                  const float *k, const float *v, const float *kk,
                                  const float *a, int N, int i, const int nv)
{
    rwkv__vf vi[RWKV__WKV_NV], sa[RWKV__WKV_NV], acc[RWKV__WKV_NV];
    int j, q;
    for (q = 0; q < nv; q++) {
        vi[q] = rwkv__vld_f32(v + i + q * RWKV__L);
        sa[q] = acc[q] = rwkv__vzero();
    }
    for (j = 0; j < N; j++) {
        const rwkv__vf kj = rwkv__vset1(kk[j]);
        const float *Sj = S + (size_t)j * N + i;
        RWKV__UNROLL for (q = 0; q < nv; q++)
            sa[q] = rwkv__vsub(sa[q], rwkv__vmul(rwkv__vld_f32(Sj + q * RWKV__L), kj));
    }
    for (j = 0; j < N; j++) {
        const rwkv__vf wj = rwkv__vset1(w[j]), kj = rwkv__vset1(kk[j]), aj = rwkv__vset1(a[j]),
                       kv = rwkv__vset1(k[j]), rj = rwkv__vset1(r[j]);
        float *Sj = S + (size_t)j * N + i;
        RWKV__UNROLL for (q = 0; q < nv; q++) {
            rwkv__vf s = rwkv__vmul(rwkv__vld_f32(Sj + q * RWKV__L), wj);
            s = rwkv__vadd(s, rwkv__vmul(rwkv__vmul(sa[q], kj), aj));
            s = rwkv__vadd(s, rwkv__vmul(vi[q], kv));
            rwkv__vst(Sj + q * RWKV__L, s);
            acc[q] = rwkv__vadd(acc[q], rwkv__vmul(s, rj));
        }
    }
    for (q = 0; q < nv; q++) rwkv__vst(y + i + q * RWKV__L, acc[q]);
}
#endif

/* v7, one head: S ← S·diag(w) + (S·(−kk))·(kk⊙a)ᵀ + v·kᵀ (both terms from the old S);
   y = S·r. Here S is stored transposed, [key j][value i] (the official layout is [value]
   [key]; serialized states use it), so that the SIMD path runs over i in vectors. */
static void rwkv__wkv7_head(float *y, float *S, const float *r, const float *w, const float *k,
                            const float *v, const float *kk, const float *a, int N)
{
    int i, j;
#ifdef RWKV__SIMD
    if (N % RWKV__L == 0) {
        /* RWKV__WKV_NV vectors of i at once: the sums over j are chains of dependent adds,
           and independent chains side by side hide their latency (same operations per
           lane, so the same bits as one vector at a time) */
        if (N % (RWKV__WKV_NV * RWKV__L) == 0)
            for (i = 0; i < N; i += RWKV__WKV_NV * RWKV__L)
                rwkv__wkv7_rows(y, S, r, w, k, v, kk, a, N, i, RWKV__WKV_NV);
        else
            for (i = 0; i < N; i += RWKV__L) rwkv__wkv7_rows(y, S, r, w, k, v, kk, a, N, i, 1);
        return;
    }
#endif
    for (i = 0; i < N; i++) {
        float sa = 0.0f, acc = 0.0f;
        for (j = 0; j < N; j++) { const float p = S[(size_t)j * N + i] * kk[j]; sa -= p; }
        for (j = 0; j < N; j++) {
            float *Sji = S + (size_t)j * N + i;
            const float sw = *Sji * w[j], sk = sa * kk[j], ska = sk * a[j], vk = v[i] * k[j];
            const float t = sw + ska;
            float p;
            *Sji = t + vk;
            p = *Sji * r[j];
            acc += p;
        }
        y[i] = acc;
    }
}

/* ==== IMPL: GGUF reading =============================================================== */
/* docs/FORMAT.md. Every number in the file is checked against the file size before it is
   used; all size arithmetic is done in uint64_t with explicit overflow tests. Nothing is
   copied: metadata and tensors point into the (read-only) map. Four steps: the header, the
   metadata key-value pairs, the tensor infos, the tensor data. */

enum {
    RWKV__GGUF_U8 = 0, RWKV__GGUF_I8 = 1, RWKV__GGUF_U16 = 2, RWKV__GGUF_I16 = 3,
    RWKV__GGUF_U32 = 4, RWKV__GGUF_I32 = 5, RWKV__GGUF_F32 = 6, RWKV__GGUF_BOOL = 7,
    RWKV__GGUF_STRING = 8, RWKV__GGUF_ARRAY = 9, RWKV__GGUF_U64 = 10, RWKV__GGUF_I64 = 11,
    RWKV__GGUF_F64 = 12
};

#define RWKV__MAX_NAME 64          /* gguf.md: tensor names are at most 64 bytes */
#define RWKV__MAX_ARRAY_DEPTH 4    /* nested metadata arrays deeper than this are refused */

typedef struct rwkv__kv {
    rwkv__str key;        /* first member: pairs are sorted and searched by key */
    uint32_t type;        /* RWKV__GGUF_* */
    const uint8_t *value; /* first byte of the value in the map */
    uint64_t offset;      /* file offset of the value, for messages */
} rwkv__kv;

/* A parsed file. */
typedef struct rwkv__gguf {
    const uint8_t *map;     /* the whole file, size bytes */
    uint64_t size;
    char path[256];         /* for messages; "(memory)" for rwkv_model_open_memory */
    rwkv__kv *kv;           /* [n_kv], sorted by key */
    uint64_t n_kv;
    rwkv__tensor *tensors;  /* [n_tensors], sorted by name; data points into the map */
    uint64_t n_tensors;
    uint64_t alignment;     /* of the tensor data (general.alignment, default 32) */
} rwkv__gguf;

typedef struct rwkv__reader {
    const uint8_t *p;
    uint64_t size, pos;
    const char *path;
    rwkv_error *err;
} rwkv__reader;

static rwkv_status rwkv__truncated(rwkv__reader *r, uint64_t need, const char *what)
{
    return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                      "%s: truncated file: %s needs %llu bytes at offset %llu but the file "
                      "has %llu bytes",
                      r->path, what, (unsigned long long)need, (unsigned long long)r->pos,
                      (unsigned long long)r->size);
}

static rwkv_status rwkv__need(rwkv__reader *r, uint64_t n, const char *what)
{
    if (n > r->size - r->pos) return rwkv__truncated(r, n, what);
    return RWKV_OK;
}

static rwkv_status rwkv__rd_u32(rwkv__reader *r, uint32_t *out, const char *what)
{
    rwkv_status s = rwkv__need(r, 4, what);
    if (s) return s;
    *out = (uint32_t)rwkv__le(r->p + r->pos, 4);
    r->pos += 4;
    return RWKV_OK;
}

static rwkv_status rwkv__rd_u64(rwkv__reader *r, uint64_t *out, const char *what)
{
    rwkv_status s = rwkv__need(r, 8, what);
    if (s) return s;
    *out = rwkv__le(r->p + r->pos, 8);
    r->pos += 8;
    return RWKV_OK;
}

static rwkv_status rwkv__rd_str(rwkv__reader *r, const char **str, uint64_t *len,
                                const char *what)
{
    rwkv_status s = rwkv__rd_u64(r, len, what);
    if (s) return s;
    if (*len > r->size - r->pos) {
        r->pos -= 8;
        return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                          "%s: %s at offset %llu claims %llu bytes, past the end of the file "
                          "(%llu bytes)",
                          r->path, what, (unsigned long long)r->pos, (unsigned long long)*len,
                          (unsigned long long)r->size);
    }
    *str = (const char *)(r->p + r->pos);
    r->pos += *len;
    return RWKV_OK;
}

static int rwkv__gguf_scalar_size(uint32_t type)
{
    switch (type) {
    case RWKV__GGUF_U8: case RWKV__GGUF_I8: case RWKV__GGUF_BOOL: return 1;
    case RWKV__GGUF_U16: case RWKV__GGUF_I16: return 2;
    case RWKV__GGUF_U32: case RWKV__GGUF_I32: case RWKV__GGUF_F32: return 4;
    case RWKV__GGUF_U64: case RWKV__GGUF_I64: case RWKV__GGUF_F64: return 8;
    }
    return 0;
}

/* Skips over one metadata value of the given type, checking every length on the way. */
static rwkv_status rwkv__skip_value(rwkv__reader *r, uint32_t type, int depth, const char *key)
{
    int sz = rwkv__gguf_scalar_size(type);
    rwkv_status s;
    if (sz) {
        if ((s = rwkv__need(r, (uint64_t)sz, "a metadata value")) != RWKV_OK) return s;
        if (type == RWKV__GGUF_BOOL && r->p[r->pos] > 1)
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: metadata key '%s': bool value %u at offset %llu (must be 0 "
                              "or 1)", r->path, key, r->p[r->pos], (unsigned long long)r->pos);
        r->pos += (uint64_t)sz;
        return RWKV_OK;
    }
    if (type == RWKV__GGUF_STRING) {
        const char *str;
        uint64_t len;
        return rwkv__rd_str(r, &str, &len, "a metadata string");
    }
    if (type == RWKV__GGUF_ARRAY) {
        uint32_t et;
        uint64_t count, i, at = r->pos;
        if (depth >= RWKV__MAX_ARRAY_DEPTH)
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: metadata key '%s': arrays nested deeper than %d at offset "
                              "%llu", r->path, key, RWKV__MAX_ARRAY_DEPTH,
                              (unsigned long long)at);
        if ((s = rwkv__rd_u32(r, &et, "an array element type")) != RWKV_OK) return s;
        if ((s = rwkv__rd_u64(r, &count, "an array length")) != RWKV_OK) return s;
        sz = rwkv__gguf_scalar_size(et);
        if (sz) {
            if (count > (r->size - r->pos) / (uint64_t)sz)
                return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                                  "%s: metadata key '%s': array of %llu elements at offset %llu "
                                  "does not fit in the file", r->path, key,
                                  (unsigned long long)count, (unsigned long long)at);
            if (et == RWKV__GGUF_BOOL) {
                for (i = 0; i < count; i++)
                    if (r->p[r->pos + i] > 1)
                        return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                                          "%s: metadata key '%s': bool value %u at offset %llu",
                                          r->path, key, r->p[r->pos + i],
                                          (unsigned long long)(r->pos + i));
            }
            r->pos += count * (uint64_t)sz;
            return RWKV_OK;
        }
        if (et != RWKV__GGUF_STRING && et != RWKV__GGUF_ARRAY)
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: metadata key '%s': unknown array element type %u at offset "
                              "%llu", r->path, key, et, (unsigned long long)at);
        /* Every element takes at least 8 bytes: reject impossible counts up front. */
        if (count > (r->size - r->pos) / 8)
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: metadata key '%s': array of %llu elements at offset %llu "
                              "does not fit in the file", r->path, key,
                              (unsigned long long)count, (unsigned long long)at);
        for (i = 0; i < count; i++)
            if ((s = rwkv__skip_value(r, et, depth + 1, key)) != RWKV_OK) return s;
        return RWKV_OK;
    }
    return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                      "%s: metadata key '%s': unknown value type %u at offset %llu", r->path,
                      key, type, (unsigned long long)(r->pos - 4));
}

/* What a file whose first four bytes (`magic`, read little-endian) are not "GGUF" seems to
   be, for the error message: the files people point a GGUF reader at by mistake. */
static const char *rwkv__not_gguf_hint(uint32_t magic)
{
    const unsigned b0 = magic & 0xFFu;
    if (magic == 0x04034B50u) /* "PK\3\4" */
        return "it looks like a PyTorch checkpoint (a zip): convert it with convert_pth.py";
    if (b0 == 0x80u) /* a pickle's PROTO opcode: torch.save's legacy format */
        return "it looks like a PyTorch checkpoint (a pickle): convert it with convert_pth.py";
    if (magic == 0x67676D66u) /* rwkv.cpp's "ggmf" */
        return "it looks like an rwkv.cpp file: convert it with convert_pth.py";
    if (magic == 0x67676D6Cu || magic == 0x67676A74u || magic == 0x67676C61u)
        return "it looks like a pre-GGUF ggml file (ggml / ggjt / ggla): convert the original "
               "checkpoint with convert_pth.py";
    if (magic == 0x73726576u) /* "vers": "version https://git-lfs..." */
        return "it looks like a Git LFS pointer, not the file: fetch the file itself (git lfs "
               "pull, or the download link)";
    if (b0 == '<' || (magic & 0xFFFFFFu) == 0xBFBBEFu /* UTF-8 BOM */)
        return "it looks like an HTML page (a failed download? on Hugging Face the download "
               "address has /resolve/, not /blob/)";
    {
        int i, text = 1;
        for (i = 0; i < 4; i++) {
            const unsigned c = (magic >> (8 * i)) & 0xFFu;
            if (!((c >= 0x20u && c < 0x7Fu) || c == '\t' || c == '\n' || c == '\r')) text = 0;
        }
        if (text) return "it looks like a text file, not a model";
    }
    return "convert checkpoints with convert_pth.py";
}

/* Magic, version and the two counts; allocates the tables for them. */
static rwkv_status rwkv__gguf_header(rwkv__reader *r, rwkv__gguf *g)
{
    uint32_t magic, version;
    uint64_t n_tensors, n_kv;
    rwkv_status s;
    if ((s = rwkv__rd_u32(r, &magic, "the GGUF magic")) != RWKV_OK) return s;
    if (magic != 0x46554747u) /* "GGUF" read little-endian */
        return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                          "%s: not a GGUF file (first bytes are not \"GGUF\"); %s", g->path,
                          rwkv__not_gguf_hint(magic));
    if ((s = rwkv__rd_u32(r, &version, "the GGUF version")) != RWKV_OK) return s;
    if (version != 3)
        return rwkv__fail(r->err, version == 1 || version == 2 ? RWKV_ERR_UNSUPPORTED
                                                               : RWKV_ERR_FORMAT,
                          "%s: GGUF version %u is not supported (rwkv.c reads version 3); "
                          "re-convert the model with convert_pth.py", g->path, version);
    if ((s = rwkv__rd_u64(r, &n_tensors, "the tensor count")) != RWKV_OK) return s;
    if ((s = rwkv__rd_u64(r, &n_kv, "the metadata count")) != RWKV_OK) return s;
    /* A key-value pair takes at least 13 bytes and a tensor entry at least 25: counts that
       could not fit in the file are refused before any allocation. */
    if (n_kv > (g->size - r->pos) / 13)
        return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                          "%s: metadata count %llu at offset 16 cannot fit in a file of %llu "
                          "bytes", g->path, (unsigned long long)n_kv,
                          (unsigned long long)g->size);
    if (n_tensors > (g->size - r->pos) / 25)
        return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                          "%s: tensor count %llu at offset 8 cannot fit in a file of %llu "
                          "bytes", g->path, (unsigned long long)n_tensors,
                          (unsigned long long)g->size);
    g->kv = (rwkv__kv *)calloc(n_kv ? (size_t)n_kv : 1, sizeof(rwkv__kv));
    g->tensors = (rwkv__tensor *)calloc(n_tensors ? (size_t)n_tensors : 1, sizeof(rwkv__tensor));
    if (!g->kv || !g->tensors)
        return rwkv__fail(r->err, RWKV_ERR_MEMORY, "%s: out of memory for the tensor table",
                          g->path);
    g->n_kv = n_kv;
    g->n_tensors = n_tensors;
    return RWKV_OK;
}

static const rwkv__kv *rwkv__gguf_kv(const rwkv__gguf *g, const char *key)
{
    long i = rwkv__find(g->kv, g->n_kv, sizeof *g->kv, key);
    return i < 0 ? NULL : &g->kv[i];
}

/* The metadata pairs: each key, value type and value (skipped over, checked); then sorted,
   duplicates refused, and general.alignment read. */
static rwkv_status rwkv__gguf_kvs(rwkv__reader *r, rwkv__gguf *g)
{
    const rwkv__str *dup;
    const rwkv__kv *kv;
    uint64_t i;
    rwkv_status s;
    for (i = 0; i < g->n_kv; i++) {
        rwkv__kv *e = &g->kv[i];
        const char *key = NULL;
        uint64_t key_len = 0, at = r->pos;
        char keybuf[96];
        if ((s = rwkv__rd_str(r, &key, &key_len, "a metadata key")) != RWKV_OK) return s;
        if (key_len == 0 || key_len > 65535)
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: metadata key #%llu at offset %llu has length %llu (must be "
                              "1..65535)", g->path, (unsigned long long)i,
                              (unsigned long long)at, (unsigned long long)key_len);
        snprintf(keybuf, sizeof keybuf, "%.*s", (int)(key_len < 80 ? key_len : 80), key);
        e->key.p = key;
        e->key.len = (size_t)key_len;
        if ((s = rwkv__rd_u32(r, &e->type, "a metadata value type")) != RWKV_OK) return s;
        e->value = r->p + r->pos;
        e->offset = r->pos;
        if ((s = rwkv__skip_value(r, e->type, 0, keybuf)) != RWKV_OK) return s;
    }
    if ((dup = rwkv__sort_names(g->kv, g->n_kv, sizeof *g->kv)) != NULL)
        return rwkv__fail(r->err, RWKV_ERR_FORMAT, "%s: metadata key '%.*s' appears twice",
                          g->path, (int)(dup->len < 80 ? dup->len : 80), dup->p);

    g->alignment = 32; /* gguf.md's default */
    if ((kv = rwkv__gguf_kv(g, "general.alignment")) != NULL) {
        uint64_t a;
        if (kv->type != RWKV__GGUF_U32)
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: general.alignment must be a uint32 (it has value type %u)",
                              g->path, kv->type);
        a = rwkv__le(kv->value, 4);
        if (a < 8 || a > 65536 || (a & (a - 1)))
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: general.alignment is %llu; it must be a power of two "
                              "between 8 and 65536", g->path, (unsigned long long)a);
        g->alignment = a;
    }
    return RWKV_OK;
}

/* The tensor infos: name, dimensions, type and data offset of each. The offset is kept in
   `data` until rwkv__gguf_data knows where the data section starts. */
static rwkv_status rwkv__gguf_tensor_infos(rwkv__reader *r, rwkv__gguf *g)
{
    uint64_t i;
    rwkv_status s;
    for (i = 0; i < g->n_tensors; i++) {
        rwkv__tensor *t = &g->tensors[i];
        const char *name = NULL;
        uint64_t name_len = 0, at = r->pos, nelem = 1, off;
        uint32_t n_dims, type, d;
        if ((s = rwkv__rd_str(r, &name, &name_len, "a tensor name")) != RWKV_OK) return s;
        if (name_len == 0 || name_len > RWKV__MAX_NAME)
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: tensor #%llu at offset %llu has a name of %llu bytes (must "
                              "be 1..%d)", g->path, (unsigned long long)i,
                              (unsigned long long)at, (unsigned long long)name_len,
                              RWKV__MAX_NAME);
        t->name.p = name;
        t->name.len = (size_t)name_len;
        if ((s = rwkv__rd_u32(r, &n_dims, "a tensor dimension count")) != RWKV_OK) return s;
        if (n_dims < 1 || n_dims > 4)
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: tensor '%.*s' has %u dimensions (must be 1..4)", g->path,
                              (int)name_len, name, n_dims);
        t->n_dims = (int)n_dims;
        for (d = 0; d < 4; d++) t->ne[d] = 1;
        for (d = 0; d < n_dims; d++) {
            uint64_t ne;
            if ((s = rwkv__rd_u64(r, &ne, "a tensor dimension")) != RWKV_OK) return s;
            if (ne == 0 || ne > ((uint64_t)1 << 40) || nelem > (((uint64_t)1 << 60) / ne))
                return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                                  "%s: tensor '%.*s': dimension %u is %llu, an impossible "
                                  "size", g->path, (int)name_len, name, d,
                                  (unsigned long long)ne);
            nelem *= ne;
            t->ne[d] = (int64_t)ne;
        }
        if ((s = rwkv__rd_u32(r, &type, "a tensor type")) != RWKV_OK) return s;
        if (rwkv__qblock((int)type) && t->ne[0] % rwkv__qblock((int)type) != 0)
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: tensor '%.*s' is %s (blocks of %d values) but its rows "
                              "have %lld values, not a multiple of %d", g->path,
                              (int)name_len, name, rwkv__type_name(type),
                              rwkv__qblock((int)type), (long long)t->ne[0],
                              rwkv__qblock((int)type));
        if (rwkv__row_bytes((int)type, (uint64_t)t->ne[0]) == 0) /* a type we cannot read */
            return rwkv__fail(r->err, RWKV_ERR_UNSUPPORTED,
                              "%s: tensor '%.*s' has ggml type %u (%s); rwkv.c supports F32, "
                              "F16, BF16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q4_K, Q5_K and Q6_K",
                              g->path, (int)name_len, name, type,
                              rwkv__type_name(type));
        t->type = (int)type;
        if ((s = rwkv__rd_u64(r, &off, "a tensor offset")) != RWKV_OK) return s;
        t->data = (const void *)(uintptr_t)off;
        if (off % g->alignment)
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: tensor '%.*s' has data offset %llu, not a multiple of the "
                              "alignment %llu", g->path, (int)name_len, name,
                              (unsigned long long)off, (unsigned long long)g->alignment);
    }
    return RWKV_OK;
}

/* The data section: every tensor inside the file; data pointed into the map; then sorted,
   duplicates refused. */
static rwkv_status rwkv__gguf_data(rwkv__reader *r, rwkv__gguf *g)
{
    const uint64_t data_start = (r->pos + g->alignment - 1) / g->alignment * g->alignment;
    const rwkv__str *dup;
    uint64_t i;
    if (data_start > g->size)
        return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                          "%s: truncated file: the tensor data should start at offset %llu but "
                          "the file has %llu bytes", g->path, (unsigned long long)data_start,
                          (unsigned long long)g->size);
    for (i = 0; i < g->n_tensors; i++) {
        rwkv__tensor *t = &g->tensors[i];
        const uint64_t off = (uint64_t)(uintptr_t)t->data, avail = g->size - data_start;
        const uint64_t nbytes = rwkv__tensor_bytes(t);
        if (off > avail || nbytes > avail - off)
            return rwkv__fail(r->err, RWKV_ERR_FORMAT,
                              "%s: tensor '%.*s' (%llu bytes at data offset %llu, file offset "
                              "%llu) extends past the end of the file (%llu bytes)", g->path,
                              (int)t->name.len, t->name.p, (unsigned long long)nbytes,
                              (unsigned long long)off, (unsigned long long)(data_start + off),
                              (unsigned long long)g->size);
        t->data = g->map + data_start + off;
    }
    if ((dup = rwkv__sort_names(g->tensors, g->n_tensors, sizeof *g->tensors)) != NULL)
        return rwkv__fail(r->err, RWKV_ERR_FORMAT, "%s: tensor '%.*s' appears twice", g->path,
                          (int)dup->len, dup->p);
    return RWKV_OK;
}

/* Parses g->map (g->size bytes): header, metadata, tensor infos, tensor data. */
static rwkv_status rwkv__gguf_parse(rwkv__gguf *g, rwkv_error *err)
{
    rwkv__reader r;
    rwkv_status s;
    r.p = g->map; r.size = g->size; r.pos = 0; r.path = g->path; r.err = err;
    if ((s = rwkv__gguf_header(&r, g)) != RWKV_OK) return s;
    if ((s = rwkv__gguf_kvs(&r, g)) != RWKV_OK) return s;
    if ((s = rwkv__gguf_tensor_infos(&r, g)) != RWKV_OK) return s;
    return rwkv__gguf_data(&r, g);
}

/* An integer value of any GGUF integer type (or bool); 0 when it is not one. */
static int rwkv__kv_int(const rwkv__kv *kv, int64_t *out)
{
    uint64_t v;
    switch (kv->type) {
    case RWKV__GGUF_U8: case RWKV__GGUF_BOOL: *out = kv->value[0]; return 1;
    case RWKV__GGUF_I8: *out = (int8_t)kv->value[0]; return 1;
    case RWKV__GGUF_U16: *out = (int64_t)rwkv__le(kv->value, 2); return 1;
    case RWKV__GGUF_I16: *out = (int16_t)rwkv__le(kv->value, 2); return 1;
    case RWKV__GGUF_U32: *out = (int64_t)rwkv__le(kv->value, 4); return 1;
    case RWKV__GGUF_I32: *out = (int32_t)(uint32_t)rwkv__le(kv->value, 4); return 1;
    case RWKV__GGUF_U64:
        v = rwkv__le(kv->value, 8);
        if (v > (uint64_t)INT64_MAX) return 0;
        *out = (int64_t)v;
        return 1;
    case RWKV__GGUF_I64: v = rwkv__le(kv->value, 8); memcpy(out, &v, 8); return 1;
    }
    return 0;
}

/* An F32 or F64 value as float; 0 when it is neither. */
static int rwkv__kv_float(const rwkv__kv *kv, float *out)
{
    if (kv->type == RWKV__GGUF_F32) {
        uint32_t b = (uint32_t)rwkv__le(kv->value, 4);
        memcpy(out, &b, 4);
        return 1;
    }
    if (kv->type == RWKV__GGUF_F64) {
        uint64_t b = rwkv__le(kv->value, 8);
        double d;
        memcpy(&d, &b, 8);
        *out = (float)d;
        return 1;
    }
    return 0;
}

/* ==== IMPL: model binding ============================================================== */
/* rwkv_model_open maps the file and parses it (GGUF reading), then binds the model: reads the
   hyperparameters from the metadata and points every weight at its tensor, checking name,
   type and shape (docs/FORMAT.md). A tensor the model has no place for is an error. */

#if defined(_WIN32)
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/mman.h>
#if defined(__linux__)
#if defined(MADV_HUGEPAGE)
#define RWKV__MADV_HUGEPAGE MADV_HUGEPAGE
#elif defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || defined(__arm__) || \
    defined(__riscv)
/* <sys/mman.h> declares madvise only with _DEFAULT_SOURCE/_GNU_SOURCE, which a -std=c99
   program does not have; the function is in every Linux libc, and 14 is MADV_HUGEPAGE on
   these architectures (asm-generic/mman-common.h). */
#ifdef __cplusplus
extern "C"
#endif
int madvise(void *addr, size_t length, int advice);
#define RWKV__MADV_HUGEPAGE 14
#endif
#if defined(RWKV__MADV_HUGEPAGE)
#define RWKV__MADV_DONTNEED 4 /* every Linux architecture's (asm-generic/mman-common.h) */
#endif
#endif
#include <sys/stat.h>
#include <unistd.h>

/* What to add to an open/fstat error of a 32-bit program whose off_t is 32 bits. */
static const char *rwkv__large_file_hint(int e)
{
#ifdef EOVERFLOW
    if (e == EOVERFLOW) return " (a file over 2 GiB: build with -D_FILE_OFFSET_BITS=64)";
#endif
    (void)e;
    return "";
}
#endif

/* The weights of one layer. C = n_embd, F = n_ffn, H heads of N channels (C = H·N), D the
   rank of a LoRA. Vectors [n] are F32; matrices (rwkv__tensor) are [rows][cols] of any
   weight type and give y = W·x, LoRA matrices too (one row per output: x @ A of the
   checkpoint is A^T·x; docs/FORMAT.md, rwkv.lora_layout). Everything points into the map,
   except v4/v5's decay and bonus (computed at load, in rwkv_model.derived) and the LoRAs of
   files in the old layout (transposed at load into rwkv_model.owned). NULL (a LoRA: data
   NULL): not in this version. */
typedef struct rwkv__layer {
    const float *ln1_w, *ln1_b, *ln2_w, *ln2_b;          /* [C] */
    /* time mix */
    const rwkv__tensor *att_r, *att_k, *att_v, *att_o;  /* [C][C] */
    const rwkv__tensor *att_g;                          /* [C][C] v5.1, v5.2, v6 */
    const float *lnx_w, *lnx_b;                         /* [C] v5+: group norm ln_x */
    /* v4, v5 */
    const float *mix_r, *mix_k, *mix_v, *mix_g;         /* [C] time_mix_* (g: v5.1, v5.2) */
    const float *time_decay;  /* raw: v4 [C], v5.0/5.1 [H], v5.2 [H·N], v6 [C] (w's base) */
    const float *time_first;  /* raw: v4 [C], v5.0/5.1 [H], v5.2 [H·N] */
    int first_is_log;         /* v5: 1 from `time_first` (log u), 0 from `time_faaaa` (u) */
    const float *decay;       /* [C] v4: -exp(time_decay); v5: exp(-exp(time_decay)) */
    const float *bonus;       /* [C] u: v4 time_first; v5 exp(time_first) or time_faaaa;
                                 v6 time_faaaa */
    /* v6 */
    const float *maa_x, *maa_w, *maa_k, *maa_v, *maa_r, *maa_g; /* [C] time_maa_* */
    rwkv__tensor maa_w1;      /* [5·Dm][C] */
    rwkv__tensor maa_w2[5];   /* [C][Dm] each: the mixes w, k, v, r, g in this order */
    rwkv__tensor decay_w1;    /* [Dd][C] */
    rwkv__tensor decay_w2;    /* [C][Dd] */
    int maa_rank, decay_rank; /* Dm, Dd */
    const float *time_state;  /* (H, N, N) [value][key], tuned initial state, or NULL */
    /* v7 */
    const float *x_r, *x_w, *x_k, *x_v, *x_a, *x_g;       /* [C] */
    const float *w0, *a0, *k_k, *k_a;                     /* [C] */
    const float *v0;                                      /* [C], NULL in the first layer */
    const float *r_k;                                     /* [H·N] */
    rwkv__tensor w1, a1, v1, g1;  /* [D][C] LoRA first halves (v1: data NULL in layer 0) */
    rwkv__tensor w2, a2, v2, g2;  /* [C][D] second halves */
    int w_rank, a_rank, v_rank, g_rank;
    float out_scale; /* att_o's and ffn_v's products are multiplied by it: 2^floor(l / n) in
                        llama.cpp rwkv6 files with rescale_every_n_layers n (their weights
                        are divided by it), else 1 */
    /* channel mix */
    const float *ffn_mix_k, *ffn_mix_r;  /* [C]: v4/v5 time_mix_*, v6 time_maa_*, v7 x_k (no r) */
    const rwkv__tensor *ffn_k;           /* [F][C] */
    const rwkv__tensor *ffn_v;           /* [C][F] */
    const rwkv__tensor *ffn_r;           /* [C][C], not in v7 */
    /* v7a DeepEmbed: relu(Wk·xk)² ⊙= s2·((s1·xln)ᵀ M) + s0, M = s_emb[token] + s_emb_x·x0
       as [D][D] (x0 = LN(emb[token], ln0)); s_emb NULL without */
    const rwkv__tensor *s_emb;           /* [V][D·D] one row per token, like the embedding */
    const rwkv__tensor *s_emb_x;         /* [D·D][C] */
    rwkv__tensor s1;                     /* [D][C] */
    rwkv__tensor s2;                     /* [F][D] */
    const float *s0;                     /* [F] */
    int s_rank;                          /* D */
} rwkv__layer;

struct rwkv_model {
    rwkv__gguf gguf;          /* the parsed file */
    int mapped;               /* 1 when we own the mapping and must unmap it */
    rwkv_model_info info;
    unsigned char *used;      /* [gguf.n_tensors]: bound to a weight */
    const rwkv__tensor *emb;  /* [V][C] token_embd */
    const float *ln0_w, *ln0_b, *lnout_w, *lnout_b; /* [C] */
    const rwkv__tensor *head; /* [V][C] output */
    rwkv__layer *layers;      /* [n_layer] */
    float *derived;           /* v4, v5: [n_layer][2][C], each layer's decay and bonus */
    int lora_layout;          /* rwkv.lora_layout: 1 one row per output, 0 the old x @ A */
    float **owned;            /* [n_owned] LoRAs of old-layout files, transposed at load */
    int n_owned;
    size_t qwork_bytes;       /* a state's scratch for the quantized matrices (0: none) */
    void *packed_mem;         /* the packed copies of the matrices (rwkv__pack_model) */
    void *read_mem;           /* rwkv_model_open_read: what to free of the file's copy */
    int llama;                /* 1: llama.cpp's rwkv6 / rwkv7 layout (docs/LLAMACPP.md) */
    int rescale_every;        /* llama.cpp rwkv6: rescale_every_n_layers (0: none) */
    int n_threads;
    uint64_t fingerprint;     /* rwkv__fingerprint: written into saved states, checked on load */
    uint64_t file_id[3];      /* the opened file's identity (rwkv__file_id); all 0: none */
};

/* A file's identity, the same through every name and link of it: volume serial and file
   index (Windows), device and inode (POSIX); the first word + 1, so never all 0. Of an open
   file (rwkv__open_file) and of a path (rwkv__file_id): 0, id all 0, when it cannot be had. */
#if defined(_WIN32)
static int rwkv__handle_id(HANDLE h, uint64_t id[3])
{
    BY_HANDLE_FILE_INFORMATION fi;
    id[0] = id[1] = id[2] = 0;
    if (!GetFileInformationByHandle(h, &fi)) return 0;
    id[0] = (uint64_t)fi.dwVolumeSerialNumber + 1;
    id[1] = fi.nFileIndexHigh;
    id[2] = fi.nFileIndexLow;
    return 1;
}
#else
static void rwkv__stat_id(const struct stat *st, uint64_t id[3])
{
    id[0] = (uint64_t)st->st_dev + 1;
    id[1] = (uint64_t)st->st_ino;
    id[2] = 0;
}
#endif

static int rwkv__file_id(const char *path, uint64_t id[3])
{
#if defined(_WIN32)
    int ok;
    HANDLE h = CreateFileA(path, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    id[0] = id[1] = id[2] = 0;
    if (h == INVALID_HANDLE_VALUE) return 0;
    ok = rwkv__handle_id(h, id);
    CloseHandle(h);
    return ok;
#else
    struct stat st;
    id[0] = id[1] = id[2] = 0;
    if (stat(path, &st) != 0) return 0;
    rwkv__stat_id(&st, id);
    return 1;
#endif
}

int rwkv_model_is_file(const rwkv_model *model, const char *path)
{
    uint64_t id[3];
    if (!model || !path || !model->file_id[0] || !rwkv__file_id(path, id)) return 0;
    return id[0] == model->file_id[0] && id[1] == model->file_id[1] &&
           id[2] == model->file_id[2];
}

const char *rwkv_model_get_meta_string(const rwkv_model *model, const char *key, size_t *len)
{
    const rwkv__kv *kv = model ? rwkv__gguf_kv(&model->gguf, key) : NULL;
    if (!kv || kv->type != RWKV__GGUF_STRING) return NULL;
    if (len) *len = (size_t)rwkv__le(kv->value, 8);
    return (const char *)kv->value + 8;
}

int rwkv_model_get_meta_int(const rwkv_model *model, const char *key, int64_t *out)
{
    const rwkv__kv *kv = model ? rwkv__gguf_kv(&model->gguf, key) : NULL;
    return kv ? rwkv__kv_int(kv, out) : 0;
}

int rwkv_model_get_tensor(const rwkv_model *model, uint64_t i, rwkv_tensor_info *out)
{
    const rwkv__tensor *t;
    if (!model || !out || i >= model->gguf.n_tensors) return 0;
    t = &model->gguf.tensors[i];
    out->name = t->name.p;
    out->name_len = t->name.len;
    out->type = t->type;
    out->type_name = rwkv__type_name((uint32_t)t->type);
    out->n_dims = t->n_dims;
    memcpy(out->ne, t->ne, sizeof out->ne);
    out->bytes = rwkv__tensor_bytes(t);
    return 1;
}

/* -- binding tensors -------------------------------------------------------------------- */

static uint64_t rwkv__nelem(const rwkv__tensor *t)
{
    return (uint64_t)t->ne[0] * (uint64_t)t->ne[1] * (uint64_t)t->ne[2] * (uint64_t)t->ne[3];
}

/* Looks up a tensor by name, marks it used. Missing and not optional: an error. */
static rwkv_status rwkv__bind(rwkv_model *m, const char *name, int optional,
                              const rwkv__tensor **out, rwkv_error *err)
{
    long idx = rwkv__find(m->gguf.tensors, m->gguf.n_tensors, sizeof(rwkv__tensor), name);
    *out = NULL;
    if (idx < 0) {
        if (optional) return RWKV_OK;
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor '%s' is missing (needed by %sRWKV "
                          "v%d%s)", m->gguf.path, name, m->llama ? "llama.cpp's layout of " : "",
                          m->info.version,
                          m->info.version == 5 ? (m->info.version_minor == 0 ? ".0" :
                                                  m->info.version_minor == 1 ? ".1" : ".2")
                                               : "");
    }
    m->used[idx] = 1;
    *out = &m->gguf.tensors[idx];
    return RWKV_OK;
}

/* An F32 tensor of exactly n elements (any dims: size-1 dims are squeezed by the converter). */
static rwkv_status rwkv__bind_vec(rwkv_model *m, const char *name, uint64_t n, int optional,
                                  const float **out, rwkv_error *err)
{
    const rwkv__tensor *t;
    rwkv_status s = rwkv__bind(m, name, optional, &t, err);
    *out = NULL;
    if (s || !t) return s;
    if (t->type != RWKV_TYPE_F32)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor '%s' is %s; it must be F32",
                          m->gguf.path, name, rwkv__type_name((uint32_t)t->type));
    if (rwkv__nelem(t) != n)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor '%s' has %llu elements; expected "
                          "%llu from the model's dimensions", m->gguf.path, name,
                          (unsigned long long)rwkv__nelem(t), (unsigned long long)n);
    *out = (const float *)t->data;
    return RWKV_OK;
}

/* A matrix of exactly rows x cols (ggml dims [cols, rows]) of any supported type. */
static rwkv_status rwkv__bind_mat(rwkv_model *m, const char *name, int64_t rows, int64_t cols,
                                  int optional, const rwkv__tensor **out, rwkv_error *err)
{
    rwkv_status s = rwkv__bind(m, name, optional, out, err);
    if (s || !*out) return s;
    if ((*out)->n_dims != 2 || (*out)->ne[0] != cols || (*out)->ne[1] != rows)
        return rwkv__fail(err, RWKV_ERR_FORMAT,
                          "%s: tensor '%s' has dims [%lld, %lld, %lld, %lld]; expected "
                          "[%lld, %lld] (ggml order: columns first)", m->gguf.path, name,
                          (long long)(*out)->ne[0], (long long)(*out)->ne[1],
                          (long long)(*out)->ne[2], (long long)(*out)->ne[3], (long long)cols,
                          (long long)rows);
    return RWKV_OK;
}

/* The LoRA matrix of `outs` outputs and `ins` inputs whose elements start at `data` (a
   whole tensor, or one of v6's five maa_w2 matrices), as a matrix of one row per output in
   *out. Files with rwkv.lora_layout = 1 store it so (ggml dims [ins, outs]) and it is used
   in place. Older files store the checkpoint's F32 (ins, outs) array (dims [outs, ins]): it
   is transposed into a buffer the model owns (at load, one pass over 4 bytes per weight:
   ~200 MB for a 1.5B v7 model). */
static rwkv_status rwkv__lora_matrix(rwkv_model *m, const rwkv__tensor *t, const void *data,
                                     int64_t outs, int64_t ins, rwkv__tensor *out,
                                     rwkv_error *err)
{
    float **list, *buf;
    const float *src = (const float *)data;
    int64_t o, i;
    *out = *t;
    out->n_dims = 2;
    out->ne[0] = ins;
    out->ne[1] = outs;
    out->ne[2] = out->ne[3] = 1;
    out->data = data;
    if (m->lora_layout) return RWKV_OK;
    list = (float **)realloc(m->owned, sizeof *list * (size_t)(m->n_owned + 1));
    if (!list) return rwkv__fail(err, RWKV_ERR_MEMORY, "%s: out of memory", m->gguf.path);
    m->owned = list;
    buf = (float *)malloc(sizeof(float) * (size_t)outs * (size_t)ins);
    if (!buf)
        return rwkv__fail(err, RWKV_ERR_MEMORY, "%s: out of memory for tensor '%.*s' "
                          "(transposed at load)", m->gguf.path, (int)t->name.len, t->name.p);
    m->owned[m->n_owned++] = buf;
    for (o = 0; o < outs; o++)
        for (i = 0; i < ins; i++) buf[o * ins + i] = src[i * outs + o];
    out->data = buf;
    return RWKV_OK;
}

/* A LoRA matrix of `outs` outputs and `ins` inputs (rwkv__lora_matrix); outs (or ins) == 0
   means "the rank: any, reported in *rank", and must then equal *rank if that is set. */
static rwkv_status rwkv__bind_lora(rwkv_model *m, const char *name, int64_t outs, int64_t ins,
                                   int optional, rwkv__tensor *out, int *rank, rwkv_error *err)
{
    const rwkv__tensor *t;
    int64_t o, i;
    rwkv_status s = rwkv__bind(m, name, optional, &t, err);
    memset(out, 0, sizeof *out);
    if (s || !t) return s;
    o = m->lora_layout ? t->ne[1] : t->ne[0];
    i = m->lora_layout ? t->ne[0] : t->ne[1];
    if (!m->lora_layout && t->type != RWKV_TYPE_F32)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor '%s' is %s; LoRA matrices in the "
                          "old layout (no rwkv.lora_layout = 1) must be F32", m->gguf.path,
                          name, rwkv__type_name((uint32_t)t->type));
    if (t->n_dims != 2 || (outs && o != outs) || (ins && i != ins) ||
        (!outs && *rank && o != *rank) || (!ins && *rank && i != *rank))
        return rwkv__fail(err, RWKV_ERR_FORMAT,
                          "%s: tensor '%s' has dims [%lld, %lld]; expected [%lld, %lld] "
                          "(rwkv.lora_layout %d)", m->gguf.path, name, (long long)t->ne[0],
                          (long long)t->ne[1],
                          (long long)(m->lora_layout ? (ins ? ins : *rank) : (outs ? outs : *rank)),
                          (long long)(m->lora_layout ? (outs ? outs : *rank) : (ins ? ins : *rank)),
                          m->lora_layout);
    if (!outs) *rank = (int)o;
    if (!ins) *rank = (int)i;
    return rwkv__lora_matrix(m, t, t->data, o, i, out, err);
}

/* v6's time_maa_w2: five LoRA matrices of C outputs and maa_rank inputs, ggml dims
   [maa_rank, C, 5] (llama.cpp's time_mix_w2 too; old layout: F32 [C, maa_rank, 5]). */
static rwkv_status rwkv__bind_maa_w2(rwkv_model *m, const char *name, int64_t C,
                                     rwkv__layer *L, rwkv_error *err)
{
    const rwkv__tensor *t2;
    int i;
    rwkv_status s = rwkv__bind(m, name, 0, &t2, err);
    if (s) return s;
    if ((!m->lora_layout && t2->type != RWKV_TYPE_F32) || t2->n_dims != 3 ||
        t2->ne[0] != (m->lora_layout ? L->maa_rank : C) ||
        t2->ne[1] != (m->lora_layout ? C : L->maa_rank) || t2->ne[2] != 5)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor '%s' must have dims [%lld, %lld, "
                          "5]%s", m->gguf.path, name,
                          (long long)(m->lora_layout ? L->maa_rank : C),
                          (long long)(m->lora_layout ? C : L->maa_rank),
                          m->lora_layout ? "" : " and be F32 (old LoRA layout)");
    for (i = 0; i < 5; i++)
        if ((s = rwkv__lora_matrix(m, t2, (const char *)t2->data + (size_t)i *
                                   (size_t)rwkv__row_bytes(t2->type, (uint64_t)t2->ne[0]) *
                                   (size_t)t2->ne[1], C, L->maa_rank, &L->maa_w2[i], err)))
            return s;
    return RWKV_OK;
}

/* Layer l's tensors are blk.<l>.<suffix>; these macros name them and return on failure. The
   bind functions below declare `m`, `l`, `err`, `n` (the name) and `s`. */
#define RWKV__NAME(suffix) (snprintf(n, sizeof n, "blk.%d.%s", l, suffix), n)
#define RWKV__TRY(call) do { if ((s = (call)) != RWKV_OK) return s; } while (0)
#define RWKV__VEC(suffix, len, out) \
    RWKV__TRY(rwkv__bind_vec(m, RWKV__NAME(suffix), len, 0, out, err))
#define RWKV__MAT(suffix, rows, cols, out) \
    RWKV__TRY(rwkv__bind_mat(m, RWKV__NAME(suffix), rows, cols, 0, out, err))
#define RWKV__LORA(suffix, outs, ins, out, rank) \
    RWKV__TRY(rwkv__bind_lora(m, RWKV__NAME(suffix), outs, ins, 0, out, rank, err))

/* v4 and v5: lerp mixes, the decay and the bonus (v5's under either of its names). */
static rwkv_status rwkv__bind_v4v5(rwkv_model *m, int l, rwkv_error *err)
{
    rwkv__layer *L = &m->layers[l];
    const int64_t C = m->info.n_embd, H = m->info.n_head, N = m->info.head_size;
    const int minor = m->info.version_minor;
    char n[96];
    rwkv_status s;
    RWKV__VEC("att.time_mix_k", C, &L->mix_k);
    RWKV__VEC("att.time_mix_v", C, &L->mix_v);
    RWKV__VEC("att.time_mix_r", C, &L->mix_r);
    RWKV__VEC("ffn.time_mix_k", C, &L->ffn_mix_k);
    RWKV__VEC("ffn.time_mix_r", C, &L->ffn_mix_r);
    RWKV__MAT("ffn.receptance.weight", C, C, &L->ffn_r);
    if (m->info.version == 4) {
        RWKV__VEC("att.time_decay", C, &L->time_decay);
        RWKV__VEC("att.time_first", C, &L->time_first);
    } else {
        const int64_t per = minor == 2 ? H * N : H;
        RWKV__VEC("att.time_decay", per, &L->time_decay);
        /* the bonus, under either name released v5 checkpoints use (any minor version):
           time_faaaa is u itself, time_first its logarithm */
        RWKV__TRY(rwkv__bind_vec(m, RWKV__NAME("att.time_faaaa"), per, 1, &L->time_first, err));
        L->first_is_log = L->time_first == NULL;
        if (L->first_is_log) RWKV__VEC("att.time_first", per, &L->time_first);
        if (minor >= 1) {
            RWKV__VEC("att.time_mix_g", C, &L->mix_g);
            RWKV__MAT("att.gate.weight", C, C, &L->att_g);
        }
    }
    return RWKV_OK;
}

static rwkv_status rwkv__bind_v6(rwkv_model *m, int l, rwkv_error *err)
{
    rwkv__layer *L = &m->layers[l];
    const int64_t C = m->info.n_embd, H = m->info.n_head, N = m->info.head_size;
    char n[96];
    rwkv_status s;
    RWKV__VEC("att.time_maa_x", C, &L->maa_x);
    RWKV__VEC("att.time_maa_w", C, &L->maa_w);
    RWKV__VEC("att.time_maa_k", C, &L->maa_k);
    RWKV__VEC("att.time_maa_v", C, &L->maa_v);
    RWKV__VEC("att.time_maa_r", C, &L->maa_r);
    RWKV__VEC("att.time_maa_g", C, &L->maa_g);
    /* time_maa_w1: 5·D outputs; time_maa_w2: five matrices of C outputs, D inputs (ggml dims
       [D, C, 5]; old layout [C, D, 5]) */
    L->maa_rank = 0;
    RWKV__TRY(rwkv__bind_lora(m, RWKV__NAME("att.time_maa_w1"), 0, C, 0, &L->maa_w1,
                              &L->maa_rank, err));
    if (L->maa_rank % 5 != 0)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor '%s' has %d outputs, not a multiple "
                          "of 5", m->gguf.path, n, L->maa_rank);
    L->maa_rank /= 5;
    RWKV__TRY(rwkv__bind_maa_w2(m, RWKV__NAME("att.time_maa_w2"), C, L, err));
    RWKV__VEC("att.time_decay", C, &L->time_decay);
    L->decay_rank = 0;
    RWKV__LORA("att.time_decay_w1", 0, C, &L->decay_w1, &L->decay_rank);
    RWKV__LORA("att.time_decay_w2", C, 0, &L->decay_w2, &L->decay_rank);
    RWKV__VEC("att.time_faaaa", H * N, &L->bonus);
    RWKV__MAT("att.gate.weight", C, C, &L->att_g);
    RWKV__TRY(rwkv__bind_vec(m, RWKV__NAME("att.time_state"), H * N * N, 1, &L->time_state,
                             err));
    RWKV__VEC("ffn.time_maa_k", C, &L->ffn_mix_k);
    RWKV__VEC("ffn.time_maa_r", C, &L->ffn_mix_r);
    RWKV__MAT("ffn.receptance.weight", C, C, &L->ffn_r);
    return RWKV_OK;
}

static rwkv_status rwkv__bind_v7(rwkv_model *m, int l, rwkv_error *err)
{
    rwkv__layer *L = &m->layers[l];
    const int64_t C = m->info.n_embd, H = m->info.n_head, N = m->info.head_size;
    char n[96];
    rwkv_status s;
    RWKV__VEC("att.x_r", C, &L->x_r);
    RWKV__VEC("att.x_w", C, &L->x_w);
    RWKV__VEC("att.x_k", C, &L->x_k);
    RWKV__VEC("att.x_v", C, &L->x_v);
    RWKV__VEC("att.x_a", C, &L->x_a);
    RWKV__VEC("att.x_g", C, &L->x_g);
    RWKV__VEC("att.w0", C, &L->w0);
    RWKV__VEC("att.a0", C, &L->a0);
    RWKV__VEC("att.k_k", C, &L->k_k);
    RWKV__VEC("att.k_a", C, &L->k_a);
    RWKV__VEC("att.r_k", H * N, &L->r_k);
    L->w_rank = L->a_rank = L->v_rank = L->g_rank = 0;
    RWKV__LORA("att.w1", 0, C, &L->w1, &L->w_rank);
    RWKV__LORA("att.w2", C, 0, &L->w2, &L->w_rank);
    RWKV__LORA("att.a1", 0, C, &L->a1, &L->a_rank);
    RWKV__LORA("att.a2", C, 0, &L->a2, &L->a_rank);
    RWKV__LORA("att.g1", 0, C, &L->g1, &L->g_rank);
    RWKV__LORA("att.g2", C, 0, &L->g2, &L->g_rank);
    if (l > 0) { /* layer 0 defines v_first and has no value-residual LoRA */
        RWKV__VEC("att.v0", C, &L->v0);
        RWKV__LORA("att.v1", 0, C, &L->v1, &L->v_rank);
        RWKV__LORA("att.v2", C, 0, &L->v2, &L->v_rank);
    }
    RWKV__VEC("ffn.x_k", C, &L->ffn_mix_k);
    /* RWKV-7a (DeepEmbed): s1 says whether the layer has it, and its rank */
    L->s_rank = 0;
    RWKV__TRY(rwkv__bind_lora(m, RWKV__NAME("ffn.s1"), 0, C, 1, &L->s1, &L->s_rank, err));
    if (L->s1.data) {
        const int64_t D = L->s_rank, F = m->info.n_ffn;
        RWKV__LORA("ffn.s2", F, 0, &L->s2, &L->s_rank);
        RWKV__VEC("ffn.s0", F, &L->s0);
        RWKV__MAT("ffn.s_emb_x.weight", D * D, C, &L->s_emb_x);
        RWKV__MAT("ffn.s_emb.weight", m->info.n_vocab, D * D, &L->s_emb);
    }
    return RWKV_OK;
}

/* llama.cpp's rwkv6 (docs/LLAMACPP.md): the lerps of w, k, v, r, g fused in one tensor
   (or, in older files, one each), every LoRA transposed, att_o and ffn_v rescaled. */
static rwkv_status rwkv__bind_llama_v6(rwkv_model *m, int l, rwkv_error *err)
{
    rwkv__layer *L = &m->layers[l];
    const int64_t C = m->info.n_embd, H = m->info.n_head, N = m->info.head_size;
    const float *fused;
    int rank5 = 0;
    char n[96];
    rwkv_status s;
    RWKV__VEC("time_mix_lerp_x.weight", C, &L->maa_x);
    RWKV__TRY(rwkv__bind_vec(m, RWKV__NAME("time_mix_lerp_fused.weight"), 5 * C, 1, &fused,
                             err));
    if (fused) { /* planes w, k, v, r, g */
        L->maa_w = fused;
        L->maa_k = fused + C;
        L->maa_v = fused + 2 * C;
        L->maa_r = fused + 3 * C;
        L->maa_g = fused + 4 * C;
    } else { /* older files: one tensor per mix */
        RWKV__TRY(rwkv__bind_vec(m, RWKV__NAME("time_mix_lerp_w.weight"), C, 1, &L->maa_w,
                                 err));
        if (!L->maa_w)
            return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor 'blk.%d.time_mix_lerp_fused."
                              "weight' is missing (needed by llama.cpp's layout of RWKV v6; "
                              "older files: time_mix_lerp_w/k/v/r/g)", m->gguf.path, l);
        RWKV__VEC("time_mix_lerp_k.weight", C, &L->maa_k);
        RWKV__VEC("time_mix_lerp_v.weight", C, &L->maa_v);
        RWKV__VEC("time_mix_lerp_r.weight", C, &L->maa_r);
        RWKV__VEC("time_mix_lerp_g.weight", C, &L->maa_g);
    }
    /* time_mix_w1 ne [C, 5·D], time_mix_w2 ne [D, C, 5]: the mixes' LoRA */
    RWKV__LORA("time_mix_w1.weight", 0, C, &L->maa_w1, &rank5);
    if (rank5 % 5)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor '%s' has %d outputs, not a "
                          "multiple of 5 (the mixes w, k, v, r, g)", m->gguf.path, n, rank5);
    L->maa_rank = rank5 / 5;
    RWKV__TRY(rwkv__bind_maa_w2(m, RWKV__NAME("time_mix_w2.weight"), C, L, err));
    RWKV__VEC("time_mix_decay.weight", C, &L->time_decay);
    L->decay_rank = 0;
    RWKV__LORA("time_mix_decay_w1.weight", 0, C, &L->decay_w1, &L->decay_rank);
    RWKV__LORA("time_mix_decay_w2.weight", C, 0, &L->decay_w2, &L->decay_rank);
    RWKV__VEC("time_mix_first.weight", H * N, &L->bonus);
    RWKV__MAT("time_mix_gate.weight", C, C, &L->att_g);
    RWKV__VEC("channel_mix_lerp_k.weight", C, &L->ffn_mix_k);
    RWKV__VEC("channel_mix_lerp_r.weight", C, &L->ffn_mix_r);
    RWKV__MAT("channel_mix_receptance.weight", C, C, &L->ffn_r);
    /* the converter divided att_o and ffn_v of block l by 2^floor(l / n): their products
       are multiplied back by exactly that (llama.cpp halves x instead, which moves the
       layer norms' epsilon) */
    if (m->rescale_every) L->out_scale = ldexpf(1.0f, l / m->rescale_every);
    return RWKV_OK;
}

/* llama.cpp's rwkv7: the lerps r, w, k, v, a, g fused in one tensor, every LoRA transposed,
   block 0 with placeholder v0/v1/v2 (copies of a0/a1/a2: accepted, not used). */
static rwkv_status rwkv__bind_llama_v7(rwkv_model *m, int l, rwkv_error *err)
{
    rwkv__layer *L = &m->layers[l];
    const int64_t C = m->info.n_embd, H = m->info.n_head, N = m->info.head_size;
    const float *fused;
    const rwkv__tensor *unused;
    char n[96];
    rwkv_status s;
    RWKV__VEC("time_mix_lerp_fused.weight", 6 * C, &fused); /* planes r, w, k, v, a, g */
    L->x_r = fused;
    L->x_w = fused + C;
    L->x_k = fused + 2 * C;
    L->x_v = fused + 3 * C;
    L->x_a = fused + 4 * C;
    L->x_g = fused + 5 * C;
    RWKV__VEC("time_mix_w0.weight", C, &L->w0);
    RWKV__VEC("time_mix_a0.weight", C, &L->a0);
    RWKV__VEC("time_mix_k_k.weight", C, &L->k_k);
    RWKV__VEC("time_mix_k_a.weight", C, &L->k_a);
    RWKV__VEC("time_mix_r_k.weight", H * N, &L->r_k);
    L->w_rank = L->a_rank = L->v_rank = L->g_rank = 0;
    RWKV__LORA("time_mix_w1.weight", 0, C, &L->w1, &L->w_rank);
    RWKV__LORA("time_mix_w2.weight", C, 0, &L->w2, &L->w_rank);
    RWKV__LORA("time_mix_a1.weight", 0, C, &L->a1, &L->a_rank);
    RWKV__LORA("time_mix_a2.weight", C, 0, &L->a2, &L->a_rank);
    RWKV__LORA("time_mix_g1.weight", 0, C, &L->g1, &L->g_rank);
    RWKV__LORA("time_mix_g2.weight", C, 0, &L->g2, &L->g_rank);
    if (l > 0) {
        RWKV__VEC("time_mix_v0.weight", C, &L->v0);
        RWKV__LORA("time_mix_v1.weight", 0, C, &L->v1, &L->v_rank);
        RWKV__LORA("time_mix_v2.weight", C, 0, &L->v2, &L->v_rank);
    } else {
        RWKV__TRY(rwkv__bind(m, RWKV__NAME("time_mix_v0.weight"), 1, &unused, err));
        RWKV__TRY(rwkv__bind(m, RWKV__NAME("time_mix_v1.weight"), 1, &unused, err));
        RWKV__TRY(rwkv__bind(m, RWKV__NAME("time_mix_v2.weight"), 1, &unused, err));
    }
    RWKV__VEC("channel_mix_lerp_k.weight", C, &L->ffn_mix_k);
    return RWKV_OK;
}

/* The names of the tensors every version has, in our layout and in llama.cpp's: ln1, ln2
   (weight, bias), att r, k, v, o, ffn k, v, ln_x (weight, bias). */
static const char *const rwkv__common_names[2][12] = {
    {"attn_norm.weight", "attn_norm.bias", "ffn_norm.weight", "ffn_norm.bias",
     "att.receptance.weight", "att.key.weight", "att.value.weight", "att.output.weight",
     "ffn.key.weight", "ffn.value.weight", "att.ln_x.weight", "att.ln_x.bias"},
    {"attn_norm.weight", "attn_norm.bias", "attn_norm_2.weight", "attn_norm_2.bias",
     "time_mix_receptance.weight", "time_mix_key.weight", "time_mix_value.weight",
     "time_mix_output.weight", "channel_mix_key.weight", "channel_mix_value.weight",
     "time_mix_ln.weight", "time_mix_ln.bias"}};

/* The tensors every version has, then the version's own. */
static rwkv_status rwkv__bind_layer(rwkv_model *m, int l, rwkv_error *err)
{
    rwkv__layer *L = &m->layers[l];
    const int64_t C = m->info.n_embd, F = m->info.n_ffn;
    const char *const *nm = rwkv__common_names[m->llama];
    char n[96];
    rwkv_status s;
    L->out_scale = 1.0f;
    RWKV__VEC(nm[0], C, &L->ln1_w);
    RWKV__VEC(nm[1], C, &L->ln1_b);
    RWKV__VEC(nm[2], C, &L->ln2_w);
    RWKV__VEC(nm[3], C, &L->ln2_b);
    RWKV__MAT(nm[4], C, C, &L->att_r);
    RWKV__MAT(nm[5], C, C, &L->att_k);
    RWKV__MAT(nm[6], C, C, &L->att_v);
    RWKV__MAT(nm[7], C, C, &L->att_o);
    RWKV__MAT(nm[8], F, C, &L->ffn_k);
    RWKV__MAT(nm[9], C, F, &L->ffn_v);
    if (m->info.version >= 5) {
        RWKV__VEC(nm[10], C, &L->lnx_w);
        RWKV__VEC(nm[11], C, &L->lnx_b);
    }
    switch (m->info.version * 2 + m->llama) {
    case 12: return rwkv__bind_v6(m, l, err);
    case 13: return rwkv__bind_llama_v6(m, l, err);
    case 14: return rwkv__bind_v7(m, l, err);
    case 15: return rwkv__bind_llama_v7(m, l, err);
    }
    return rwkv__bind_v4v5(m, l, err);
}
#undef RWKV__NAME
#undef RWKV__TRY
#undef RWKV__VEC
#undef RWKV__MAT
#undef RWKV__LORA

/* -- loading ----------------------------------------------------------------------------- */

/* Reads one integer hyperparameter and checks its range (absent and optional: unchanged). */
static rwkv_status rwkv__hparam(rwkv_model *m, const char *key, int64_t lo, int64_t hi,
                                int optional, int *out, rwkv_error *err)
{
    const rwkv__kv *kv = rwkv__gguf_kv(&m->gguf, key);
    int64_t v;
    if (!kv) {
        if (optional) return RWKV_OK;
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: metadata key '%s' is missing",
                          m->gguf.path, key);
    }
    if (!rwkv__kv_int(kv, &v))
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: metadata key '%s' is not an integer",
                          m->gguf.path, key);
    if (v < lo || v > hi)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: metadata key '%s' is %lld; expected "
                          "%lld..%lld", m->gguf.path, key, (long long)v, (long long)lo,
                          (long long)hi);
    *out = (int)v;
    return RWKV_OK;
}

/* An optional float hyperparameter (absent: unchanged). */
static rwkv_status rwkv__hparam_float(rwkv_model *m, const char *key, float *out,
                                      rwkv_error *err)
{
    const rwkv__kv *kv = rwkv__gguf_kv(&m->gguf, key);
    if (kv && !rwkv__kv_float(kv, out))
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: %s is not a float", m->gguf.path, key);
    return RWKV_OK;
}

#define RWKV__TRY(call) do { if ((s = (call)) != RWKV_OK) return s; } while (0)

/* ne[dim] of a tensor that fixes a model size, in lo..hi; missing: an error. */
static rwkv_status rwkv__size_of(rwkv_model *m, const char *name, int dim, int64_t lo,
                                 int64_t hi, int *out, rwkv_error *err)
{
    long idx = rwkv__find(m->gguf.tensors, m->gguf.n_tensors, sizeof(rwkv__tensor), name);
    const rwkv__tensor *t = idx < 0 ? NULL : &m->gguf.tensors[idx];
    if (!t)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor '%s' is missing (needed by "
                          "llama.cpp's layout of RWKV v%d)", m->gguf.path, name,
                          m->info.version);
    if (t->ne[dim] < lo || t->ne[dim] > hi)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor '%s' has dimension %d = %lld; "
                          "expected %lld..%lld", m->gguf.path, name, dim,
                          (long long)t->ne[dim], (long long)lo, (long long)hi);
    *out = (int)t->ne[dim];
    return RWKV_OK;
}

/* llama.cpp's rwkv6 / rwkv7 (docs/LLAMACPP.md): the block count and head size from their
   keys; C and F from the tensors (the other size keys are informative only). */
static rwkv_status rwkv__read_hparams_llama(rwkv_model *m, int version, rwkv_error *err)
{
    rwkv_model_info *I = &m->info;
    char key[64];
    rwkv_status s;
    m->llama = 1;
    I->version = version;
    I->version_minor = 0;
    snprintf(key, sizeof key, "rwkv%d.block_count", version);
    RWKV__TRY(rwkv__hparam(m, key, 1, 4096, 0, &I->n_layer, err));
    snprintf(key, sizeof key, "rwkv%d.wkv.head_size", version);
    RWKV__TRY(rwkv__hparam(m, key, 1, 1024, 0, &I->head_size, err));
    RWKV__TRY(rwkv__size_of(m, "token_embd.weight", 0, 1, 1 << 16, &I->n_embd, err));
    RWKV__TRY(rwkv__size_of(m, "blk.0.channel_mix_key.weight", 1, 1, 1 << 20, &I->n_ffn,
                            err));
    m->rescale_every = 0;
    if (version == 6)
        RWKV__TRY(rwkv__hparam(m, "rwkv6.rescale_every_n_layers", 0, 4096, 1,
                               &m->rescale_every, err));
    if (m->rescale_every && (I->n_layer - 1) / m->rescale_every > 64)
        return rwkv__fail(err, RWKV_ERR_UNSUPPORTED, "%s: rwkv6.rescale_every_n_layers %d "
                          "with %d blocks divides weights by more than 2^64", m->gguf.path,
                          m->rescale_every, I->n_layer);
    I->layer_norm_eps = 1e-5f;
    snprintf(key, sizeof key, "rwkv%d.attention.layer_norm_epsilon", version);
    return rwkv__hparam_float(m, key, &I->layer_norm_eps, err);
}

/* Our own layout's hyperparameters (docs/FORMAT.md); *vocab_key: rwkv.vocab_size was
   given. */
static rwkv_status rwkv__read_hparams_own(rwkv_model *m, int *vocab_key, rwkv_error *err)
{
    rwkv_model_info *I = &m->info;
    rwkv_status s;
    RWKV__TRY(rwkv__hparam(m, "rwkv.architecture_version", 4, 7, 0, &I->version, err));
    I->version_minor = 0;
    RWKV__TRY(rwkv__hparam(m, "rwkv.architecture_minor_version", 0, I->version == 5 ? 2 : 0,
                           1, &I->version_minor, err));
    RWKV__TRY(rwkv__hparam(m, "rwkv.block_count", 1, 4096, 0, &I->n_layer, err));
    RWKV__TRY(rwkv__hparam(m, "rwkv.embedding_length", 1, 1 << 16, 0, &I->n_embd, err));
    RWKV__TRY(rwkv__hparam(m, "rwkv.feed_forward_length", 1, 1 << 20, 0, &I->n_ffn, err));
    I->n_vocab = 0;
    RWKV__TRY(rwkv__hparam(m, "rwkv.vocab_size", 1, 1 << 24, 1, &I->n_vocab, err));
    *vocab_key = I->n_vocab != 0;
    I->head_size = 0;
    if (I->version >= 5)
        RWKV__TRY(rwkv__hparam(m, "rwkv.wkv.head_size", 1, 1024, 0, &I->head_size, err));
    I->layer_norm_eps = 1e-5f;
    return rwkv__hparam_float(m, "rwkv.attention.layer_norm_epsilon", &I->layer_norm_eps, err);
}

/* The architecture and the hyperparameters; *vocab_key: rwkv.vocab_size was given. */
static rwkv_status rwkv__read_hparams(rwkv_model *m, int *vocab_key, rwkv_error *err)
{
    rwkv_model_info *I = &m->info;
    size_t arch_len;
    const char *arch = rwkv_model_get_meta_string(m, "general.architecture", &arch_len);
    rwkv_status s;
    if (!arch)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: metadata key 'general.architecture' is "
                          "missing or not a string", m->gguf.path);
    if (rwkv__cmp_bytes(arch, arch_len, "rwkv6", 5) == 0 ||
        rwkv__cmp_bytes(arch, arch_len, "rwkv7", 5) == 0)
        RWKV__TRY(rwkv__read_hparams_llama(m, arch[4] - '0', err));
    else if (rwkv__cmp_bytes(arch, arch_len, "rwkv", 4) == 0)
        RWKV__TRY(rwkv__read_hparams_own(m, vocab_key, err));
    else
        return rwkv__fail(err, RWKV_ERR_UNSUPPORTED, "%s: architecture is '%.*s'; rwkv.c runs "
                          "'rwkv' models (convert RWKV checkpoints with convert_pth.py) and "
                          "llama.cpp's 'rwkv6' and 'rwkv7'", m->gguf.path,
                          (int)(arch_len < 40 ? arch_len : 40), arch);
    I->n_head = 0;
    if (I->version >= 5) {
        if (I->n_embd % I->head_size)
            return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: the head size %d does not divide "
                              "the embedding size %d", m->gguf.path, I->head_size, I->n_embd);
        I->n_head = I->n_embd / I->head_size;
    }
    /* LoRAs: llama.cpp's files store them one row per output, as rwkv.lora_layout = 1 */
    m->lora_layout = m->llama;
    if (!m->llama)
        RWKV__TRY(rwkv__hparam(m, "rwkv.lora_layout", 0, 1, 1, &m->lora_layout, err));
    I->group_norm_eps = 64e-5f;
    RWKV__TRY(rwkv__hparam_float(m, "rwkv.wkv.group_norm_epsilon", &I->group_norm_eps, err));
    if (!(I->layer_norm_eps > 0.0f && I->layer_norm_eps < 1.0f) ||
        !(I->group_norm_eps > 0.0f && I->group_norm_eps < 1.0f))
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: a norm epsilon is outside (0, 1)",
                          m->gguf.path);
    return RWKV_OK;
}

/* The embedding, the head (which fix the vocabulary size), the norms around them and every
   layer. */
static rwkv_status rwkv__bind_model(rwkv_model *m, int vocab_key, rwkv_error *err)
{
    rwkv_model_info *I = &m->info;
    const rwkv__tensor *t;
    long idx = rwkv__find(m->gguf.tensors, m->gguf.n_tensors, sizeof *t, "output.weight");
    uint64_t l;
    rwkv_status s;
    if (idx < 0)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor 'output.weight' is missing",
                          m->gguf.path);
    t = &m->gguf.tensors[idx];
    if (t->n_dims != 2 || t->ne[1] > (1 << 24))
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tensor 'output.weight' must be a "
                          "matrix [n_embd, n_vocab]", m->gguf.path);
    if (vocab_key && t->ne[1] != I->n_vocab)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: rwkv.vocab_size is %d but "
                          "'output.weight' has %lld rows", m->gguf.path, I->n_vocab,
                          (long long)t->ne[1]);
    I->n_vocab = (int)t->ne[1];
    RWKV__TRY(rwkv__bind_mat(m, "token_embd.weight", I->n_vocab, I->n_embd, 0, &m->emb, err));
    RWKV__TRY(rwkv__bind_mat(m, "output.weight", I->n_vocab, I->n_embd, 0, &m->head, err));
    RWKV__TRY(rwkv__bind_vec(m, "token_embd_norm.weight", (uint64_t)I->n_embd, 0, &m->ln0_w,
                             err));
    RWKV__TRY(rwkv__bind_vec(m, "token_embd_norm.bias", (uint64_t)I->n_embd, 0, &m->ln0_b,
                             err));
    RWKV__TRY(rwkv__bind_vec(m, "output_norm.weight", (uint64_t)I->n_embd, 0, &m->lnout_w,
                             err));
    RWKV__TRY(rwkv__bind_vec(m, "output_norm.bias", (uint64_t)I->n_embd, 0, &m->lnout_b, err));

    m->layers = (rwkv__layer *)calloc((size_t)I->n_layer, sizeof(rwkv__layer));
    if (!m->layers)
        return rwkv__fail(err, RWKV_ERR_MEMORY, "%s: out of memory", m->gguf.path);
    for (l = 0; l < (uint64_t)I->n_layer; l++) RWKV__TRY(rwkv__bind_layer(m, (int)l, err));
    I->has_time_state = I->version == 6 && m->layers[0].time_state != NULL;
    for (l = 0; l < (uint64_t)I->n_layer; l++)
        if ((m->layers[l].time_state != NULL) != I->has_time_state)
            return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: 'att.time_state' is present in some "
                              "blocks but not in block %llu", m->gguf.path,
                              (unsigned long long)l);
    I->deep_embed_rank = m->layers[0].s_rank;
    for (l = 0; l < (uint64_t)I->n_layer; l++)
        if (m->layers[l].s_rank != I->deep_embed_rank)
            return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: block %llu's DeepEmbed ('ffn.s1') has "
                              "rank %d, block 0's %d (0: none)", m->gguf.path,
                              (unsigned long long)l, m->layers[l].s_rank, I->deep_embed_rank);
    return RWKV_OK;
}

/* A model without quantized matrices runs its LoRAs' first halves on the AMX tiles too
   (rwkv__famx_rows_ok), and its second halves on the broadcast tiles (rwkv__fpk_takes). */
static void rwkv__mark_lora_tiles(rwkv_model *m)
{
    int l, t;
    for (t = 0; t < RWKV_TYPE_COUNT; t++)
        if (rwkv__qblock(t) && m->info.tensors_of_type[t]) return;
    for (l = 0; l < m->info.n_layer; l++) {
        rwkv__layer *L = &m->layers[l];
        L->w1.lora_tiles = L->a1.lora_tiles = L->v1.lora_tiles = L->g1.lora_tiles = 1;
        L->maa_w1.lora_tiles = L->decay_w1.lora_tiles = 1;
        L->w2.lora_tiles = L->a2.lora_tiles = L->v2.lora_tiles = L->g2.lora_tiles = 1;
        L->decay_w2.lora_tiles = 1;
        for (t = 0; t < 5; t++) L->maa_w2[t].lora_tiles = 1;
    }
}

/* 1 for the tables a token reads one row of: the embedding and v7a's DeepEmbed s_emb. */
static int rwkv__row_table(const rwkv_model *m, const rwkv__tensor *t)
{
    int l;
    if (t == m->emb) return 1;
    for (l = 0; l < m->info.n_layer; l++)
        if (t == m->layers[l].s_emb) return 1;
    return 0;
}

/* Every tensor must have a place in the model; counts the tensors, bytes and weights of each
   type, and sizes the states' scratch for the quantized matrices. */
static rwkv_status rwkv__count_tensors(rwkv_model *m, rwkv_error *err)
{
    rwkv_model_info *I = &m->info;
    uint64_t i, per_token = 0;
    for (i = 0; i < m->gguf.n_tensors; i++) {
        const rwkv__tensor *t = &m->gguf.tensors[i];
        const uint64_t nbytes = rwkv__tensor_bytes(t);
        if (!m->used[i])
            return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: unexpected tensor '%.*s' for RWKV v%d "
                              "with %d blocks", m->gguf.path, (int)t->name.len, t->name.p,
                              I->version, I->n_layer);
        I->tensors_of_type[t->type]++; /* the reader accepts only types below RWKV_TYPE_COUNT */
        I->bytes_of_type[t->type] += nbytes;
        I->weights_of_type[t->type] += rwkv__nelem(t);
        I->n_weights += rwkv__nelem(t);
        /* the tables a token reads one row of (the embedding, v7a's s_emb) never go through
           a product: no scratch for them */
        if (rwkv__qblock(t->type) && !rwkv__row_table(m, t)) {
            const size_t w = rwkv__matmul_q_work_bytes(t->type, t->ne[0], RWKV_SEQ_BLOCK);
            if (w > m->qwork_bytes) m->qwork_bytes = w;
        }
        if (t->n_dims == 2 && !rwkv__row_table(m, t)) { /* f16 / bf16 blocks: the tokens' layout */
            const size_t w = rwkv__fpk_pack_bytes(t->type, t->ne[0], RWKV_SEQ_BLOCK);
            if (w && w + 64 > m->qwork_bytes) m->qwork_bytes = w + 64;
        }
        /* a token reads one row of the tables, every other tensor once */
        per_token += rwkv__row_table(m, t) ? nbytes / (uint64_t)I->n_vocab : nbytes;
    }
    I->n_tensors = m->gguf.n_tensors;
    I->file_size = m->gguf.size;
    I->bytes_per_token = per_token;
    return RWKV_OK;
}

/* v4 and v5: the decay and bonus per channel, as the official loader computes them. */
static rwkv_status rwkv__derive_v4v5(rwkv_model *m, rwkv_error *err)
{
    const rwkv_model_info *I = &m->info;
    const int C = I->n_embd, N = I->head_size;
    int l, c;
    if (I->version != 4 && I->version != 5) return RWKV_OK;
    m->derived = (float *)malloc(sizeof(float) * 2 * (size_t)C * (size_t)I->n_layer);
    if (!m->derived) return rwkv__fail(err, RWKV_ERR_MEMORY, "%s: out of memory", m->gguf.path);
    for (l = 0; l < I->n_layer; l++) {
        rwkv__layer *L = &m->layers[l];
        float *decay = m->derived + 2 * (size_t)C * (size_t)l, *bonus = decay + C;
        for (c = 0; c < C; c++) {
            if (I->version == 4) { /* the state keeps log-space numbers: w = -exp(decay) */
                decay[c] = -expf(L->time_decay[c]);
                bonus[c] = L->time_first[c];
            } else { /* 5.0/5.1 store one per head, 5.2 one per channel */
                const int hi = I->version_minor == 2 ? c : c / N;
                decay[c] = expf(-expf(L->time_decay[hi]));
                bonus[c] = L->first_is_log ? expf(L->time_first[hi]) : L->time_first[hi];
            }
        }
        L->decay = decay;
        L->bonus = bonus;
    }
    return RWKV_OK;
}

/* FNV-1a (64 bits) of n bytes, continuing from h. */
static uint64_t rwkv__fnv1a(uint64_t h, const uint8_t *p, uint64_t n)
{
    uint64_t i;
    for (i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

/* The model's fingerprint, saved in its states so that a state is not loaded into another
   model of the same shape (docs/FORMAT.md): FNV-1a over the file's header up to the first
   tensor's data (metadata and tensor descriptions: names, types, shapes, offsets), then over
   a sample of every tensor's bytes in name order, its first, middle and last 64 bytes (two
   fine-tunes of one base differ there). Reads a few pages per tensor, not the weights. */
static uint64_t rwkv__fingerprint(const rwkv__gguf *g)
{
    const uint64_t S = 64;
    uint64_t h = 1469598103934665603ULL, head = g->size, i;
    for (i = 0; i < g->n_tensors; i++) {
        uint64_t off = (uint64_t)((const uint8_t *)g->tensors[i].data - g->map);
        if (off < head) head = off;
    }
    h = rwkv__fnv1a(h, g->map, head);
    for (i = 0; i < g->n_tensors; i++) {
        const uint8_t *d = (const uint8_t *)g->tensors[i].data;
        const uint64_t n = rwkv__tensor_bytes(&g->tensors[i]);
        if (n <= 3 * S) {
            h = rwkv__fnv1a(h, d, n);
        } else {
            h = rwkv__fnv1a(h, d, S);
            h = rwkv__fnv1a(h, d + (n - S) / 2, S);
            h = rwkv__fnv1a(h, d + n - S, S);
        }
    }
    return h;
}

/* n bytes; from 2 MiB on, 2 MiB-aligned, in 2 MiB pages where Linux gives them (advice, as
   for the map: a stream in 4 KiB pages takes a page walk every 4 KiB, and the hardware
   prefetchers stop at each page's end: the packed Q4_0 kernel read 0.66-0.80 of the file's
   speed from such memory); less, 64-byte aligned. *raw: what to free. */
static void *rwkv__alloc_big(size_t n, void **raw)
{
    const size_t huge = (size_t)2 << 20, align = n >= huge ? huge : 64;
    uint8_t *p;
    *raw = n <= SIZE_MAX - align ? malloc(n + align) : NULL;
    if (!*raw) return NULL;
    p = (uint8_t *)(((uintptr_t)*raw + align - 1) & ~(uintptr_t)(align - 1));
#ifdef RWKV__MADV_HUGEPAGE
    if (n >= huge) (void)madvise(p, (n + huge - 1) / huge * huge, RWKV__MADV_HUGEPAGE);
#endif
    return p;
}

/* Bytes of the packed copy of a rows x cols matrix: its rows / 8 full groups (0: none). */
static uint64_t rwkv__pk_bytes(int type, int64_t rows, int64_t cols)
{
    const uint64_t gb = rwkv__pk_group_bytes(type, cols);
    if (!rwkv__pk_type(type) || rows < 8 || gb == 0 || (uint64_t)(rows / 8) > UINT64_MAX / gb) return 0;
    return (uint64_t)(rows / 8) * gb;
}

/* The packed copy of a matrix's full groups into P, on nth OpenMP threads (contiguous runs of
   groups per thread: each faults in its own pages); the same bytes for any nth. */
static void rwkv__pk_fill(int type, const uint8_t *W, int64_t rows, int64_t cols, uint8_t *P,
                          int nth)
{
    const size_t rowb = (size_t)rwkv__row_bytes(type, (uint64_t)cols);
    const int64_t groups = rows / 8;
    int64_t g;
#ifdef _OPENMP
#pragma omp parallel for num_threads(nth) schedule(static) if (nth > 1 && groups >= 16)
#endif
    for (g = 0; g < groups; g++) {
        size_t skip;
        const size_t at = rwkv__pk_at(type, rows, cols, g, &skip);
        rwkv__pk_pack(type, W + (size_t)g * 8 * rowb, rowb, cols, P + at, skip);
    }
    (void)nth;
}

/* The packed copy of one matrix (tests, tools/pair_matmul.c); NULL when its type has no packed
   layout, it has fewer than 8 rows, or memory is short. *mem: what to free. */
static RWKV__UNUSED const uint8_t *rwkv__pk_new(int type, const uint8_t *W, int64_t rows,
                                                 int64_t cols, void **mem)
{
    const uint64_t n = rwkv__pk_bytes(type, rows, cols);
    uint8_t *P = n && n <= SIZE_MAX ? (uint8_t *)rwkv__alloc_big((size_t)n, mem) : NULL;
    if (!P) *mem = NULL;
    else rwkv__pk_fill(type, W, rows, cols, P, 1);
    return P;
}

/* The packed copies of the matrices the products read (rwkv__pk_*; not the embedding, whose
   rows are looked up), in one allocation; if memory is short, none (the file's layout). */
static int rwkv__pk_wanted(const rwkv_model *m, uint64_t i)
{
    const rwkv__tensor *t = &m->gguf.tensors[i];
    /* not the tables a token reads one row of: rwkv__get_row reads those rows from the file */
    return m->used[i] && !rwkv__row_table(m, t) && t->n_dims == 2 &&
           rwkv__pk_bytes(t->type, t->ne[1], t->ne[0]);
}

/* Threads that pack the matrices at open (OpenMP): the copy is page faults on the map and
   the arena and a few shuffles per byte, which two threads do in 0.51-0.60 of one's time
   (Zen 4 VM, v7 1.5B Q4_0 / Q4_K_M / Q8_0 from the page cache). The count:
   omp_get_max_threads() (OMP_NUM_THREADS, else the cores), at most RWKV_PACK_THREADS; the
   same bytes for any count. */
#ifndef RWKV_PACK_THREADS
#define RWKV_PACK_THREADS 8
#endif

static void rwkv__pack_model(rwkv_model *m)
{
    uint64_t i, total = 0;
    uint8_t *P;
    int nth = 1;
    for (i = 0; i < m->gguf.n_tensors; i++)
        if (rwkv__pk_wanted(m, i)) {
            const rwkv__tensor *t = &m->gguf.tensors[i];
            total += (rwkv__pk_bytes(t->type, t->ne[1], t->ne[0]) + 63) / 64 * 64;
            if (total > SIZE_MAX / 2) return;
        }
    if (!total || !(P = (uint8_t *)rwkv__alloc_big((size_t)total, &m->packed_mem))) return;
#ifdef _OPENMP
    nth = omp_get_max_threads();
    if (nth > RWKV_PACK_THREADS) nth = RWKV_PACK_THREADS;
    if (nth < 1) nth = 1;
#endif
    for (i = 0; i < m->gguf.n_tensors; i++)
        if (rwkv__pk_wanted(m, i)) {
            rwkv__tensor *t = &m->gguf.tensors[i];
            rwkv__pk_fill(t->type, (const uint8_t *)t->data, t->ne[1], t->ne[0], P, nth);
            t->packed = P;
            m->info.bytes_packed += (uint64_t)(t->ne[1] / 8 * 8) *
                                    rwkv__row_bytes(t->type, (uint64_t)t->ne[0]);
#ifdef RWKV__MADV_DONTNEED
            if (m->mapped) { /* the file's pages of those rows leave this process's memory
                                (they stay in the page cache; a read maps them again) */
                const uintptr_t pg = 4096, a = ((uintptr_t)t->data + pg - 1) & ~(pg - 1),
                                e = ((uintptr_t)t->data + (size_t)(t->ne[1] / 8 * 8) *
                                     (size_t)rwkv__row_bytes(t->type, (uint64_t)t->ne[0])) & ~(pg - 1);
                if (e > a) (void)madvise((void *)a, (size_t)(e - a), RWKV__MADV_DONTNEED);
            }
#endif
            P += (rwkv__pk_bytes(t->type, t->ne[1], t->ne[0]) + 63) / 64 * 64;
        }
}

/* 1 where the one-token float products should read their rows in sequential streams
   (RWKV__MV_PAIR): an AMD Zen (family 17h or later) or a Hygon (a Zen), told by CPUID at
   load; builds for Zen know it already. */
static int rwkv__cpu_streams(void)
{
#if RWKV__MV_STREAMS_ALWAYS
    return 1;
#elif RWKV__MV_PAIR > 0 && (defined(__GNUC__) || defined(__clang__))
    unsigned a, b, c, d, family;
    if (!__get_cpuid(0, &a, &b, &c, &d)) return 0;
    if (!(b == 0x68747541u && d == 0x69746e65u && c == 0x444d4163u) && /* "AuthenticAMD" */
        !(b == 0x6f677948u && d == 0x6e65476eu && c == 0x656e6975u))   /* "HygonGenuine" */
        return 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    family = (a >> 8) & 15u;
    if (family == 15u) family += (a >> 20) & 255u;
    return family >= 0x17u;
#else
    return 0;
#endif
}

static rwkv_status rwkv__load(rwkv_model *m, rwkv_error *err)
{
    const uint16_t one = 1;
    int vocab_key = 0;
    rwkv_status s;
    /* The weights are used in place from the little-endian file: a big-endian host would
       compute garbage. */
    if (*(const unsigned char *)&one != 1)
        return rwkv__fail(err, RWKV_ERR_UNSUPPORTED, "%s: this host is big-endian; rwkv.c uses "
                          "the little-endian weights of a GGUF file in place and runs on "
                          "little-endian hosts only", m->gguf.path);
    RWKV__TRY(rwkv__gguf_parse(&m->gguf, err));
    if (rwkv__cpu_streams()) { /* before the layers copy any tensor */
        uint64_t i;
        for (i = 0; i < m->gguf.n_tensors; i++) m->gguf.tensors[i].mv_streams = 1;
    }
    m->used = (unsigned char *)calloc(m->gguf.n_tensors ? (size_t)m->gguf.n_tensors : 1, 1);
    if (!m->used)
        return rwkv__fail(err, RWKV_ERR_MEMORY, "%s: out of memory for the tensor table",
                          m->gguf.path);
    RWKV__TRY(rwkv__read_hparams(m, &vocab_key, err));
    RWKV__TRY(rwkv__bind_model(m, vocab_key, err));
    RWKV__TRY(rwkv__count_tensors(m, err));
    RWKV__TRY(rwkv__derive_v4v5(m, err));
    rwkv__mark_lora_tiles(m);
    rwkv__pack_model(m);
    m->fingerprint = rwkv__fingerprint(&m->gguf);
    m->n_threads = 1;
    return RWKV_OK;
}
#undef RWKV__TRY

static rwkv_status rwkv__open_common(rwkv_model *m, rwkv_model **out, rwkv_error *err)
{
    rwkv_status s = rwkv__load(m, err);
    if (s) {
        rwkv_model_close(m);
        return s;
    }
    *out = m;
    return RWKV_OK;
}

rwkv_status rwkv_model_open_memory(const void *data, size_t size, rwkv_model **out,
                                   rwkv_error *err)
{
    rwkv_model *m;
    if (!out) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_model_open_memory: out is NULL");
    *out = NULL;
    if (!data && size)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_model_open_memory: data is NULL");
    m = (rwkv_model *)calloc(1, sizeof *m);
    if (!m) return rwkv__fail(err, RWKV_ERR_MEMORY, "out of memory");
    m->gguf.map = (const uint8_t *)data;
    m->gguf.size = size;
    strcpy(m->gguf.path, "(memory)");
    m->info.loaded = RWKV_LOADED_MEMORY;
    m->info.map_huge = -1.0f;
    return rwkv__open_common(m, out, err);
}

/* A file of n bytes can be mapped whole: n fits size_t (on a 32-bit host a 4 GiB + 4 KiB
   file would otherwise be mapped as its first 4 KiB, and the checks that use the 64-bit size
   would let reads run past the map). */
static int rwkv__mappable(uint64_t n) { return (uint64_t)(size_t)n == n; }

static rwkv_status rwkv__too_large(const char *path, uint64_t size, rwkv_error *err)
{
    return rwkv__fail(err, RWKV_ERR_UNSUPPORTED, "%s: the file has %llu bytes, more than this "
                      "%u-bit build can map (at most %llu bytes)", path,
                      (unsigned long long)size, (unsigned)(8 * sizeof(size_t)),
                      (unsigned long long)(size_t)-1);
}

#if !defined(_WIN32)
static rwkv_status rwkv__fstat_failed(const char *path, int e, rwkv_error *err)
{
#ifdef EOVERFLOW
    if (e == EOVERFLOW)
        return rwkv__fail(err, RWKV_ERR_UNSUPPORTED, "%s: the file is too large for this "
                          "build's %u-bit file offsets (build with -D_FILE_OFFSET_BITS=64, or "
                          "include rwkv.h before any other header)", path,
                          (unsigned)(8 * sizeof(off_t)));
#endif
    return rwkv__fail(err, RWKV_ERR_IO, "%s: cannot read the file's size: %s", path,
                      strerror(e));
}
#endif

static rwkv_status rwkv__no_copy_memory(const char *path, uint64_t size, rwkv_error *err)
{
    return rwkv__fail(err, RWKV_ERR_MEMORY, "%s: out of memory for a copy of the file (%llu "
                      "bytes; rwkv_model_open maps it instead)", path, (unsigned long long)size);
}

/* How much of a file's map the kernel maps in 2 MiB pages (Linux). It does so only where it
   holds the file's page cache in 2 MiB folios, and it keeps a file in folios of about the
   size of the writes or reads that brought it in: a file written in small pieces (a
   download) stays cached in 4 KiB pages, and a kernel without large folios for its file
   system caches every file so. The weights then stream slower from the map, and its first
   use faults in 4 KiB at a time: a v7 1.5B F16 file written 8 KiB at a time, on a Zen 5 VM,
   `rwkv bench` mapped against `--no-mmap` (README, Loading): the first 128-token prompt of a
   process 1.8-1.9x the time, generation on two threads ~1.15x (one thread: noise). The CLI
   warns when it runs such a model (rwkv.c, open_model). */
#if defined(__linux__) && defined(RWKV__MADV_HUGEPAGE)
#define RWKV__HUGE_PROBE 1
#define RWKV__HUGE_PROBE_MIN ((uint64_t)64 << 20) /* smaller files are not probed */
#define RWKV__HUGE_PROBES 64                       /* pieces of 2 MiB probed at most */
#define RWKV__HUGE_PROBES_MIN 8                    /* fewer of them cached: not measured */
#if !defined(_DEFAULT_SOURCE) && !defined(_GNU_SOURCE) && !defined(_BSD_SOURCE)
/* declared by <sys/mman.h> only with _DEFAULT_SOURCE (as madvise above); in every Linux libc */
#ifdef __cplusplus
extern "C"
#endif
int mincore(void *addr, size_t length, unsigned char *vec);
#endif

/* Reads one line of f into buf (n bytes); a longer line is read to its end and cut. 0 at
   the end of the file. */
static int rwkv__proc_line(FILE *f, char *buf, int n)
{
    size_t len;
    if (!fgets(buf, n, f)) return 0;
    len = strlen(buf);
    if (len > 0 && buf[len - 1] != '\n') {
        int c;
        while ((c = fgetc(f)) != EOF && c != '\n') continue;
    }
    return 1;
}

/* The share of 2 MiB pieces of a new map (none of it touched yet) that the kernel maps one
   entry per 2 MiB: one byte of each of up to RWKV__HUGE_PROBES pieces spread over the map
   is read, those whose first page is in the page cache (mincore: no read from the disk),
   then /proc/self/smaps gives the bytes of the map mapped so (FilePmdMapped; ShmemPmdMapped
   for a file on tmpfs, whose pages are the file and cannot be dropped). -1: not known
   (fewer than RWKV__HUGE_PROBES_MIN such pieces, no smaps). */
static float rwkv__map_huge(const uint8_t *map, uint64_t size)
{
    const uintptr_t huge = (uintptr_t)2 << 20, lo = (uintptr_t)map, hi = lo + (uintptr_t)size;
    const uintptr_t first = (lo + huge - 1) & ~(huge - 1);
    uintptr_t n, i, step;
    unsigned probes = 0, sink = 0;
    long long pmd_kb = 0;
    int inside = 0;
    char line[512];
    FILE *f;
    if (hi < first || hi - first < huge) return -1.0f;
    n = (hi - first) / huge;
    step = n > RWKV__HUGE_PROBES ? n / RWKV__HUGE_PROBES : 1;
    for (i = 0; i < n; i += step) {
        unsigned char cached = 0;
        if (mincore((void *)(first + i * huge), 4096, &cached) != 0 || !(cached & 1)) continue;
        sink += *(const volatile uint8_t *)(first + i * huge);
        probes++;
    }
    (void)sink;
    if (probes < RWKV__HUGE_PROBES_MIN) return -1.0f;
    f = fopen("/proc/self/smaps", "r");
    if (!f) return -1.0f;
    while (rwkv__proc_line(f, line, (int)sizeof line)) {
        unsigned long long a, b;
        /* a mapping's first line: "START-END perms offset dev inode path" (hex; END is past
           the map's last page, not its last byte); the keys' lines ("AnonHugePages:" ...)
           stop sscanf before its '-' */
        if (sscanf(line, "%llx-%llx ", &a, &b) == 2) {
            /* mappings come in address order: past the map, stop (the kernel walks each
               mapping's page tables only when its lines are read) */
            if (a >= (unsigned long long)hi) break;
            inside = a >= (unsigned long long)lo && b > a;
        } else if (inside && !strncmp(line, "FilePmdMapped:", 14))
            pmd_kb += strtoll(line + 14, NULL, 10);
        else if (inside && !strncmp(line, "ShmemPmdMapped:", 15)) /* a file on tmpfs */
            pmd_kb += strtoll(line + 15, NULL, 10);
    }
    fclose(f);
    pmd_kb /= 2048; /* whole pieces */
    return (float)(pmd_kb < (long long)probes ? pmd_kb : (long long)probes) / (float)probes;
}
#endif

/* rwkv_model_open (copy = 0) and rwkv_model_open_read (copy = 1: the map is copied into
   m->read_mem and unmapped before the model is loaded). */
static rwkv_status rwkv__open_file(const char *path, rwkv_model **out, rwkv_error *err,
                                   int copy)
{
    rwkv_model *m;
    if (!out || !path)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "%s: NULL argument",
                          copy ? "rwkv_model_open_read" : "rwkv_model_open");
    *out = NULL;
    m = (rwkv_model *)calloc(1, sizeof *m);
    if (!m) return rwkv__fail(err, RWKV_ERR_MEMORY, "out of memory");
    snprintf(m->gguf.path, sizeof m->gguf.path, "%s", path);
    m->info.loaded = copy ? RWKV_LOADED_READ : RWKV_LOADED_MAP;
    m->info.map_huge = -1.0f;
#if defined(_WIN32)
    {
        /* The view keeps the file and the mapping object open: both handles are closed here
           and rwkv_model_close only unmaps. Sizes are 64-bit (GetFileSizeEx; the mapping and
           the view of 0 bytes cover the whole file). */
        LARGE_INTEGER sz;
        HANDLE mapping;
        unsigned long e = 0;
        HANDLE file = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                                  FILE_ATTRIBUTE_NORMAL, NULL);
        if (file == INVALID_HANDLE_VALUE) {
            free(m);
            return rwkv__fail(err, RWKV_ERR_IO, "%s: cannot open (Windows error %lu)", path,
                              (unsigned long)GetLastError());
        }
        (void)rwkv__handle_id(file, m->file_id); /* none: rwkv_model_is_file says 0 */
        if (!GetFileSizeEx(file, &sz)) {
            e = (unsigned long)GetLastError();
            CloseHandle(file);
            free(m);
            return rwkv__fail(err, RWKV_ERR_IO, "%s: cannot read the file size (Windows error "
                              "%lu)", path, e);
        }
        m->gguf.size = (uint64_t)sz.QuadPart;
        if (!rwkv__mappable(m->gguf.size)) {
            CloseHandle(file);
            free(m);
            return rwkv__too_large(path, (uint64_t)sz.QuadPart, err);
        }
        if (m->gguf.size > 0) {
            mapping = CreateFileMappingA(file, NULL, PAGE_READONLY, 0, 0, NULL);
            if (mapping) {
                m->gguf.map = (const uint8_t *)MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0);
                if (!m->gguf.map) e = (unsigned long)GetLastError();
                CloseHandle(mapping);
            } else {
                e = (unsigned long)GetLastError();
            }
            m->mapped = m->gguf.map != NULL;
        }
        CloseHandle(file);
        if (m->gguf.size > 0 && !m->mapped) {
            free(m);
            return rwkv__fail(err, RWKV_ERR_IO, "%s: cannot map the file into memory (Windows "
                              "error %lu)", path, e);
        }
    }
#else
    {
        struct stat st;
        int fd = open(path, O_RDONLY);
        if (fd < 0) {
            int e = errno;
            free(m);
            return rwkv__fail(err, RWKV_ERR_IO, "%s: cannot open: %s%s", path, strerror(e),
                              rwkv__large_file_hint(e));
        }
        if (fstat(fd, &st) != 0) {
            int e = errno;
            close(fd);
            free(m);
            return rwkv__fstat_failed(path, e, err);
        }
        if (!S_ISREG(st.st_mode)) {
            close(fd);
            free(m);
            return rwkv__fail(err, RWKV_ERR_IO,
                              S_ISDIR(st.st_mode)
                                  ? "%s: is a directory, not a model file; a Hugging Face "
                                    "model directory converts to one with convert_pth.py DIR "
                                    "OUT.gguf"
                                  : "%s: not a regular file",
                              path);
        }
        rwkv__stat_id(&st, m->file_id);
        m->gguf.size = (uint64_t)st.st_size;
        if (!rwkv__mappable(m->gguf.size)) {
            close(fd);
            free(m);
            return rwkv__too_large(path, (uint64_t)st.st_size, err);
        }
        if (m->gguf.size > 0 && copy) { /* read(): no fault per page of a map */
            const size_t n = (size_t)m->gguf.size;
            uint8_t *mem = (uint8_t *)rwkv__alloc_big(n, &m->read_mem);
            size_t got = 0;
            if (!mem) {
                close(fd);
                free(m);
                return rwkv__no_copy_memory(path, (uint64_t)n, err);
            }
            while (got < n) {
                const size_t want = n - got < ((size_t)1 << 28) ? n - got : ((size_t)1 << 28);
                const ssize_t r = read(fd, mem + got, want);
                if (r < 0 && errno == EINTR) continue;
                if (r <= 0) {
                    const int e = errno;
                    close(fd);
                    free(m->read_mem);
                    free(m);
                    return rwkv__fail(err, RWKV_ERR_IO, "%s: read failed at byte %llu: %s",
                                      path, (unsigned long long)got,
                                      r < 0 ? strerror(e) : "the file ended early");
                }
                got += (size_t)r;
            }
            m->gguf.map = mem;
        } else if (m->gguf.size > 0) {
            void *p = mmap(NULL, (size_t)m->gguf.size, PROT_READ, MAP_SHARED, fd, 0);
            if (p == MAP_FAILED) {
                int e = errno;
                close(fd);
                free(m);
                return rwkv__fail(err, RWKV_ERR_IO, "%s: cannot map the file into memory: %s",
                                  path, strerror(e));
            }
            m->gguf.map = (const uint8_t *)p;
            m->mapped = 1;
#ifdef RWKV__MADV_HUGEPAGE
            /* Advice only (errors ignored): the file's pages are read in 2 MiB folios and
               mapped one entry per 2 MiB, which reads the weights several times faster from
               the first token on (docs/KERNELS.md). */
            (void)madvise(p, (size_t)m->gguf.size, RWKV__MADV_HUGEPAGE);
#endif
#ifdef RWKV__HUGE_PROBE
            if (m->gguf.size >= RWKV__HUGE_PROBE_MIN)
                m->info.map_huge = rwkv__map_huge(m->gguf.map, m->gguf.size);
#endif
        }
        close(fd);
    }
#endif
#if defined(_WIN32)
    if (copy && m->mapped) { /* the view copied (POSIX reads the file instead) */
        uint8_t *mem = (uint8_t *)rwkv__alloc_big((size_t)m->gguf.size, &m->read_mem);
        if (mem) memcpy(mem, m->gguf.map, (size_t)m->gguf.size);
        UnmapViewOfFile((LPCVOID)m->gguf.map);
        m->mapped = 0; /* rwkv__pack_model's MADV_DONTNEED would zero read_mem's rows */
        m->gguf.map = mem;
        if (!mem) {
            const uint64_t size = m->gguf.size;
            free(m);
            return rwkv__no_copy_memory(path, size, err);
        }
    }
#endif
    return rwkv__open_common(m, out, err);
}

rwkv_status rwkv_model_open(const char *path, rwkv_model **out, rwkv_error *err)
{
    return rwkv__open_file(path, out, err, 0);
}

rwkv_status rwkv_model_open_read(const char *path, rwkv_model **out, rwkv_error *err)
{
    return rwkv__open_file(path, out, err, 1);
}

void rwkv_model_close(rwkv_model *m)
{
    if (!m) return;
    if (m->mapped) {
#if defined(_WIN32)
        UnmapViewOfFile((LPCVOID)m->gguf.map);
#else
        munmap((void *)(uintptr_t)m->gguf.map, (size_t)m->gguf.size);
#endif
    }
    free(m->gguf.kv);
    free(m->gguf.tensors);
    free(m->packed_mem);
    free(m->read_mem);
    free(m->used);
    free(m->layers);
    free(m->derived);
    if (m->owned) while (m->n_owned > 0) free(m->owned[--m->n_owned]);
    free(m->owned);
    free(m);
}

void rwkv_model_set_threads(rwkv_model *model, int n_threads)
{
    if (model) model->n_threads = n_threads < 1 ? 1 : n_threads > 1024 ? 1024 : n_threads;
}

int rwkv_model_get_threads(const rwkv_model *model) { return model ? model->n_threads : 1; }

void rwkv_model_get_info(const rwkv_model *model, rwkv_model_info *out)
{
    if (!out) return;
    if (model) *out = model->info;
    else memset(out, 0, sizeof *out);
}

int rwkv_model_get_n_vocab(const rwkv_model *model) { return model ? model->info.n_vocab : 0; }

uint64_t rwkv_model_get_fingerprint(const rwkv_model *model)
{
    return model ? model->fingerprint : 0;
}


/* ==== IMPL: forward ==================================================================== */
/* One code path for serial and sequence mode: a block of T <= RWKV_SEQ_BLOCK tokens (T = 1
   when serial) goes through each layer together, so every weight matrix streams from memory
   once per block (rwkv__matmul); only the recurrences run token by token. Everything is
   fp32, whatever the stored type. Each version has its time mix and channel mix below, in
   the order of the official implementation (ChatRWKV's rwkv package, model.py; the formulas
   are in docs/VERSIONS.md); per layer:
       x += TimeMix(LN(x, ln1));  x += ChannelMix(LN(x, ln2))
   and logits = head · LN(x, ln_out). Shapes: [T][C] is T rows (tokens) of C floats. */

/* The scratch of a state, for one block of up to B = RWKV_SEQ_BLOCK tokens: row t of each
   buffer belongs to token t. Every buffer holds the same thing in every version that uses
   it; those a version does not use are NULL. */
typedef struct rwkv__scratch {
    float *x;        /* [B][C] the residual stream */
    float *xln;      /* [B][C] LN(x) of the current sub-block (ln1, ln2, ln_out) */
    float *sx;       /* [B][C] v6, v7: token-shift difference, the previous token's xln - xln */
    /* token-shift mixes of xln: the inputs of the projections (xk, xr also in the channel
       mix; xw v6, v7; xa v7; xg v5.1+) */
    float *xr, *xw, *xk, *xv, *xa, *xg; /* [B][C] */
    float *xmaa;     /* [B][C] v6: xln + sx * maa_x, the input of the mix LoRA */
    /* receptance, decay (v6, v7), key, value, in-context learning rate (v7), gate (v5.1+):
       the projections and LoRAs, finished per head in place (decay, a; v7 also k and v) */
    float *r, *w, *k, *v, *a, *g;       /* [B][C] (r and k: the channel mix's too) */
    float *vres;     /* [B][C] v7: the value-residual LoRA (xv @ v1) @ v2 */
    float *v_first;  /* [B][C] v7: the first layer's value */
    float *kk;       /* [C] v7: the normalized key of the token a head is at */
    float *y;        /* [B][C] the recurrence output, normalized and gated: att_o's input */
    float *out;      /* [B][C] att_o's or ffn_v's output, added to x */
    float *hidden;   /* [B][F] the channel mix's relu(Wk xk)^2 */
    /* v7a DeepEmbed (0 floats without): the tokens' LN(emb, ln0), their D x D matrices, the
       steps s1·xln and (s1·xln)ᵀM, the gate s2·(...) + s0, and one s_emb row */
    float *x0;       /* [B][C] */
    float *semb;     /* [B][D·D] */
    float *su, *sv;  /* [B][D] */
    float *gate;     /* [B][F] */
    float *srow;     /* [D·D] */
    int tokens[RWKV_SEQ_BLOCK]; /* v7a: the block's tokens (rwkv__forward_pass; a copy: the
                                   caller's may be rwkv_eval's argument) */
    float *lora;     /* [4·B·lora_stride] the hidden activations of LoRAs (v6, v7), [T][D] */
    size_t lora_stride; /* the largest hidden width (5·Dm for v6's mix LoRA) */
    void *qwork;     /* model->qwork_bytes: the quantized activations of a block (rwkv__matmul
                        with a quantized matrix); NULL when the model has none */
} rwkv__scratch;

/* The thread team of one evaluation. With n > 1 threads, rwkv_eval / rwkv_eval_seq open one
   OpenMP parallel region per block of tokens: thread 0 runs the forward pass and hands out
   jobs (a matrix product, the heads of a layer, v4's channels); the other threads wait for
   jobs. A job is n items (a run of rows, a head, a run of channels) that every thread,
   thread 0 included, claims one at a time until none is left: thread 0 never waits for a
   thread to arrive, only for the items already claimed to finish, so a thread that the OS
   has descheduled (another process on the core) costs at most the item it holds. Waits spin
   for about what a job takes (~50 us), then sleep in short naps, so that a waiting thread
   gives its core to a descheduled one instead of spinning against it: OpenMP's barriers
   spin for milliseconds, and with one busy process on a 2-core machine 2 threads were 5x
   slower than 1 (docs/KERNELS.md). Which thread computes an item never changes its bits.
   Needs OpenMP, the SIMD kernels and the gcc/clang __atomic builtins; without them the
   products use one OpenMP region each (rwkv__matmul). */
#if defined(_OPENMP) && defined(RWKV__SIMD) && (defined(__GNUC__) || defined(__clang__))
#define RWKV__TEAM 1
#endif
typedef void (*rwkv__item_fn)(const void *job, int item);
/* Two team blocks both slower than this times one thread's speed end the probes early: the
   team without a competing load runs 1.5-1.9x faster than one thread, so two such blocks in
   a row mean a load, and the other two probes would only cost more slow blocks. Under one
   busy process (`build/bench_model --rounds 4 --gen 48 --prompt 0 --threads 1,2 --interleave`,
   the ratio of two threads' time to one's, two runs each): v7 1.5B F16 0.962 / 0.895
   against 1.010 / 1.309 with four probes always, v4 0.934 / 1.004 against 1.055 / 0.986;
   without the load (tools/pair.sh model, v7 0.1B F16, two threads) 1.012. */
#ifndef RWKV__PROBE_EARLY
#define RWKV__PROBE_EARLY 1.10
#endif
#define RWKV__PROBES 4 /* team blocks compared with one thread before a decision (their median) */
#define RWKV__SOLO_KEEP 8 /* one-thread blocks whose median is one thread's speed */
/* The team is kept when the median of its RWKV__PROBES blocks takes at most this times one
   thread's time per token. Without another load two threads take 0.5-0.7 of one thread's
   time here; under a one-core competing load 1.0-1.05, within the blocks' noise (+-10%),
   so a rule of "more than 2% slower than one thread" kept or dropped it by chance (one run of
   make bench's competing-load case kept it for 151 of 192 tokens: 1.045x one thread's
   time). The cost: a team less than ~10% faster than one thread (a machine where one thread
   nearly fills the memory bus) runs on one thread between its probes. */
#ifndef RWKV__TEAM_KEEP
#define RWKV__TEAM_KEEP 0.90
#endif
#define RWKV__MEASURE_AFTER 16 /* one-token team blocks before one thread's speed is measured */
/* Generation on Linux: the team's run delay over a one-token block (each thread's
   /proc/thread-self/schedstat: the time it was ready to run but waited for a CPU). With one
   busy process on a 2-core VM, the two threads of such a block waited for a CPU for 12-49%
   (thread 0) and 2-43% (thread 1) of the block's time; with no other load 0-1.5%. That team
   took 1.2-1.4x one thread's time while nobody waited long for an item (a descheduled
   thread 1 held up the region's closing barrier instead: 2-9 ms of a 45-60 ms token, v7
   1.5B Q4_K_M), so the rules on waits did not always see it, and until one thread's speed
   was measured (RWKV__MEASURE_AFTER blocks) nothing else did: one run of 128 tokens began
   with 16 such blocks. The first block of each window of probes, and every block while one
   thread's speed is unknown, is watched: one whose threads' run delays add up to more than
   RWKV__CONTENDED of its time is contended. A contended block has one thread's speed
   measured (the next 2 blocks) when it is unknown, and backs off as a slow window does
   when it took RWKV__PROBE_EARLY times one thread's time: one probe under such a load
   instead of two (a contended team can still be the faster one, and is kept: 4 threads on
   these 2 cores took 0.77 of one thread's time; and with no load of ours, about one watched
   block in 20 was contended here, by the VM's own threads: alone, it decides nothing). */
#if defined(RWKV__TEAM) && defined(__linux__)
#define RWKV__WATCH 1
#endif
#ifndef RWKV__CONTENDED
#define RWKV__CONTENDED 0.10
#endif
typedef struct rwkv__team {
    uint64_t claim;     /* atomic: job number (24 bits) | second (20) | first (20): the next
                           unclaimed items of [0, mid) and of [mid, n) */
    uint64_t shape;     /* atomic: job number (24 bits) | mid (20) | items n (20), written
                           before claim */
    int done;           /* atomic: items of the current job finished */
    int size;           /* thread 0 only: threads in the region */
    int quit;           /* atomic: the forward pass is over, workers leave */
    int active;         /* thread 0 only: inside the region, with more than one thread */
    rwkv__item_fn fn;   /* the current job, written before claim publishes it */
    const void *job;
    /* thread 0 only: the back-off. Seconds thread 0 waited for other threads' items during
       this block; blocks still to run on one thread to measure its speed (backoff); the
       next back-off's length in blocks (next_backoff, see backoff_left). */
    double waited, quit_at, started;
    double last_stall;   /* thread 0 only: when the latest stall ended */
    int T, stalls;       /* thread 0 only: tokens in the current block, its stalls so far */
    int solo, backoff, next_backoff;
    int unmeasured;      /* one-token team blocks run without a one-thread speed to compare */
    /* thread 0 only: seconds per token of blocks of solo_T tokens on one thread, the median
       of the latest RWKV__SOLO_KEEP (solo_t: solo_n of them, the next at solo_at; 0
       until there was one), one token's and a block's apart (a chat alternates them), and
       of the team blocks of the current window of RWKV__PROBES: compared only for blocks of
       the same size (a prompt's 128 tokens per block run several times faster per token
       than generation's one) */
    double solo_per_token[2], probe_t[RWKV__PROBES]; /* [0]: one token, [1]: blocks */
    double solo_t[2][RWKV__SOLO_KEEP];
    int solo_T[2], solo_n[2], solo_at[2], probes; /* probes: team blocks in the window */
    int block_T;         /* tokens of the blocks the window's probes were timed on */
    double backoff_left; /* thread 0 only: seconds of one-thread blocks left in a back-off
                            decided by the window (as long whatever the blocks' size) */
    int watch;           /* RWKV__WATCH: the block's threads measure their run delays */
    uint64_t delays;     /* atomic: the workers' run delays in the block (nanoseconds) */
} rwkv__team;

const char *rwkv_build_info(void)
{
    return "float kernels "
#if defined(RWKV__AVX512)
           "AVX-512 (16 lanes)"
#elif defined(RWKV__AVX2)
           "AVX2+FMA+F16C (8 lanes)"
#elif defined(RWKV__NEON) && defined(__aarch64__)
           "NEON aarch64 (4 lanes)"
#elif defined(RWKV__NEON)
           "NEON ARMv7 VFPv4 (4 lanes)"
#else
           "scalar"
#endif
           "; quantized kernels "
#if defined(RWKV__QVNNI)
           "AVX-512 VNNI"
#elif defined(RWKV__QVNNI256)
           "AVX2 with AVX-VNNI"
#elif defined(RWKV__QAVX2)
           "AVX2"
#elif defined(RWKV__QNEON) && defined(__ARM_FEATURE_DOTPROD)
           "NEON dotprod"
#elif defined(RWKV__QNEON)
           "NEON"
#else
           "scalar"
#endif
#ifdef RWKV__QAMX
           ", prompts on AMX-INT8 tiles"
#endif
#ifdef RWKV__FAMX
           "; f16/bf16 prompts on AMX-BF16 tiles"
#endif
#ifdef RWKV__TEAM
           "; threads OpenMP"
#elif defined(_OPENMP)
           "; threads OpenMP (one region per product)"
#else
           "; one thread (built without OpenMP)"
#endif
        ;
}

/* RWKV_PROFILE: where the forward pass's time goes, on thread 0 (the one that runs it):
   seconds in the matrix products of each kind (their waits for other threads included) and
   the weight bytes they read, against the whole evaluation. Everything that is not a
   product (norms, mixes, recurrences, the team's start and end) is total - the products. */
#if defined(RWKV_PROFILE) && defined(_OPENMP)
#define RWKV__PROFILE 1
#endif
enum { RWKV__PROF_ATT, RWKV__PROF_LORA, RWKV__PROF_FFN, RWKV__PROF_HEAD, RWKV__PROF_KINDS };
typedef struct rwkv__profile {
    double seconds[RWKV__PROF_KINDS]; /* att projections (r k v g o), LoRAs (v6, v7), ffn, head */
    double bytes[RWKV__PROF_KINDS];   /* weight bytes the products of that kind read */
    double total;                     /* seconds in rwkv_eval / rwkv_eval_seq */
    double tokens;
} rwkv__profile;

/* A state: the recurrent state of every layer (serialized, the same floats, v7's S
   transposed to the official layout) and the scratch of the forward pass. */
struct rwkv_state {
    const rwkv_model *model;
    float *data;          /* [n_layer][layer_stride], one rwkv__lstate per layer */
    void *data_mem;       /* what to free of data (rwkv__alloc_big) */
    size_t n_floats;      /* n_layer · layer_stride */
    size_t layer_stride;  /* rwkv__layer_state_floats */
    rwkv__scratch s;
    void *scratch_block;  /* the allocation all of `s` lives in */
    rwkv__team team;
#ifdef RWKV__PROFILE
    rwkv__profile prof;
#endif
};

/* One layer's part of the state. */
typedef struct rwkv__lstate {
    float *att_x;  /* [C] the previous token's ln1 output: the time mix's token shift */
    float *ffn_x;  /* [C] the previous token's ln2 output: the channel mix's token shift */
    float *wkv;    /* v4: aa, bb, pp [3][C] (numerator, denominator, max exponent);
                      v5, v6: S [H][N key][N value];
                      v7: S [H][N key][N value], the transpose of the official [value][key] */
} rwkv__lstate;

static size_t rwkv__layer_state_floats(const rwkv_model_info *I)
{
    const size_t C = (size_t)I->n_embd, N = (size_t)I->head_size;
    return 2 * C + (I->version == 4 ? 3 * C : (size_t)I->n_head * N * N);
}

static rwkv__lstate rwkv__lstate_of(const rwkv_state *st, int l)
{
    const size_t C = (size_t)st->model->info.n_embd;
    rwkv__lstate ls;
    ls.att_x = st->data + (size_t)l * st->layer_stride;
    ls.ffn_x = ls.att_x + C;
    ls.wkv = ls.att_x + 2 * C;
    return ls;
}

/* ---- steps every version uses --------------------------------------------------------- */

/* ---- the team: jobs of items -------------------------------------------------------- */

#ifdef RWKV__TEAM
#define RWKV__ITEM_BITS 20
#define RWKV__ITEM_MASK ((1u << RWKV__ITEM_BITS) - 1)
#define RWKV__SPINS 2048 /* pauses before napping: ~50-100 us */
#define RWKV__STALL 1e-3 /* seconds of waiting for one job that end the team's block (or a
                            quarter of the block's time spent waiting, after 2 ms) */
#if defined(_WIN32)
#define rwkv__nap() Sleep(0)
#else
/* usleep is in every POSIX libc; a -std=c99 program's <unistd.h> does not declare it */
#ifdef __cplusplus
extern "C"
#endif
int usleep(unsigned int usec);
#define rwkv__nap() ((void)usleep(20))
#endif
#if defined(__x86_64__) || defined(__i386__)
#define rwkv__pause() __builtin_ia32_pause()
#elif defined(__aarch64__) || defined(__arm__)
#define rwkv__pause() __asm__ __volatile__("yield")
#else
#define rwkv__pause() ((void)0)
#endif

/* Items left in claim word v: the split mid and count n of v's job in *mid and *n, and
   whether [first, mid) or [second, n) is not empty. The shape is that of v's job only when
   it carries v's job number: a worker that read the last job's claim and then the next
   job's shape (written before the next claim) would otherwise see items where none are,
   and its exchange on the old claim would succeed, run an item of the next job twice and
   count it done before it was (found by tests/test_threads.py). */
RWKV__INLINE int rwkv__team_left(rwkv__team *tm, uint64_t v, uint64_t *mid, uint64_t *n)
{
    const uint64_t shape = __atomic_load_n(&tm->shape, __ATOMIC_ACQUIRE);
    if ((shape ^ v) >> (2 * RWKV__ITEM_BITS)) return 0;
    *mid = (shape >> RWKV__ITEM_BITS) & RWKV__ITEM_MASK;
    *n = shape & RWKV__ITEM_MASK;
    return (v & RWKV__ITEM_MASK) < *mid || ((v >> RWKV__ITEM_BITS) & RWKV__ITEM_MASK) < *n;
}

/* Claims and runs items of the current job until none is left: thread 0 (worker = 0) the
   items of [0, mid) in order, the other threads those of [mid, n), each then the other
   range's rest. In a block of tokens each thread thus takes the same part of every job, so
   that a layer's heads mostly run on the core whose product rows made their inputs, and a
   row step's tokens on the core that wrote them: items claimed in turn from the first (the
   old order) made the heads, norms and tokens' layout read half their inputs from the other
   core's cache (perf, v7 1.5B F16 prompts on two threads: those steps took 30-90% more
   time than on one thread) and two threads ran 12.26 ms of CPU per token against one
   thread's 11.12. v7 1.5B F16 512-token prompts, two threads, 10 processes each in turns:
   1.046 (every pair 1.036-1.062). In generation each thread's items then continue one
   stream of weights, which let quantized items shrink (RWKV__QITEM_BYTES). */
static void rwkv__team_work(rwkv__team *tm, int worker)
{
    uint64_t v = __atomic_load_n(&tm->claim, __ATOMIC_ACQUIRE), mid, n;
    while (rwkv__team_left(tm, v, &mid, &n)) {
        const uint64_t first = v & RWKV__ITEM_MASK, second = (v >> RWKV__ITEM_BITS) & RWKV__ITEM_MASK;
        const int take_second = worker ? second < n : first >= mid;
        /* fn and job belong to this job as long as claim is still v: the job cannot end
           (nor the next be written) while an item is unclaimed */
        const rwkv__item_fn fn = __atomic_load_n(&tm->fn, __ATOMIC_RELAXED);
        const void *job = __atomic_load_n(&tm->job, __ATOMIC_RELAXED);
        if (__atomic_compare_exchange_n(&tm->claim, &v,
                                        take_second ? v + ((uint64_t)1 << RWKV__ITEM_BITS)
                                                    : v + 1,
                                        0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            fn(job, (int)(take_second ? second : first));
            __atomic_add_fetch(&tm->done, 1, __ATOMIC_RELEASE);
            v = __atomic_load_n(&tm->claim, __ATOMIC_ACQUIRE);
        } /* else v was reloaded by the failed exchange */
    }
}

#ifdef RWKV__WATCH
/* The calling thread's schedstat (-1: none) */
static int rwkv__sched_open(void)
{
    return open("/proc/thread-self/schedstat", O_RDONLY);
}

/* The run delay so far, in nanoseconds, of the thread whose schedstat fd is (-1: fd < 0 or
   not readable): the second field, the time spent runnable on a run queue. fd is closed
   when `last`. Read with read(), not stdio: a stdio stream rewound inside its buffer returns
   the first reading again. */
static int64_t rwkv__run_delay(int fd, int last)
{
    char buf[96], *p;
    ssize_t n = -1;
    int64_t d = -1;
    if (fd < 0) return -1;
    if (lseek(fd, 0, SEEK_SET) == 0) n = read(fd, buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = 0;
        (void)strtoull(buf, &p, 10);
        if (p != buf) d = (int64_t)strtoull(p, NULL, 10);
    }
    if (last) close(fd);
    return d;
}
#endif

/* Threads 1..n-1: take items of every job until thread 0 says the pass is over. */
static void rwkv__team_worker(rwkv__team *tm)
{
    int spins = 0;
#ifdef RWKV__WATCH
    const int fd = tm->watch ? rwkv__sched_open() : -1;
    const int64_t d0 = rwkv__run_delay(fd, 0);
#endif
    for (;;) {
        const uint64_t v = __atomic_load_n(&tm->claim, __ATOMIC_ACQUIRE);
        uint64_t mid, n;
        if (rwkv__team_left(tm, v, &mid, &n)) {
            rwkv__team_work(tm, 1);
            spins = 0;
        } else if (__atomic_load_n(&tm->quit, __ATOMIC_ACQUIRE)) {
#ifdef RWKV__WATCH
            const int64_t d1 = rwkv__run_delay(fd, 1);
            if (d0 >= 0 && d1 >= d0) __atomic_add_fetch(&tm->delays, (uint64_t)(d1 - d0), __ATOMIC_RELAXED);
#endif
            return;
        } else if (++spins < RWKV__SPINS) {
            rwkv__pause();
        } else {
            rwkv__nap();
        }
    }
}
#endif

/* Runs fn(job, i) for i < n: on the team when there is one (any thread, any order), else
   in order on this thread. */
static void rwkv__run(rwkv_state *st, rwkv__item_fn fn, const void *job, int n)
{
    int i;
    (void)st;
#ifdef RWKV__TEAM
    rwkv__team *tm = &st->team;
    if (tm->active && n > 1) {
        const uint64_t seq = (__atomic_load_n(&tm->claim, __ATOMIC_RELAXED) >>
                              (2 * RWKV__ITEM_BITS)) + 1,
                       tag = (seq & 0xffffff) << (2 * RWKV__ITEM_BITS);
        int spins = 0;
        __atomic_store_n(&tm->fn, fn, __ATOMIC_RELAXED);
        __atomic_store_n(&tm->job, job, __ATOMIC_RELAXED);
        /* thread 0's part, the others share the rest (rwkv__team_work) */
        const int mid = n / tm->size;
        __atomic_store_n(&tm->done, 0, __ATOMIC_RELAXED);
        __atomic_store_n(&tm->shape, tag | (uint64_t)mid << RWKV__ITEM_BITS | (uint64_t)n,
                         __ATOMIC_RELEASE);
        __atomic_store_n(&tm->claim, tag | (uint64_t)mid << RWKV__ITEM_BITS, __ATOMIC_RELEASE);
        const double t_job = omp_get_wtime();
        rwkv__team_work(tm, 0);
        if (__atomic_load_n(&tm->done, __ATOMIC_ACQUIRE) < n) {
            const double t0 = omp_get_wtime();
            while (__atomic_load_n(&tm->done, __ATOMIC_ACQUIRE) < n) {
                if (++spins < RWKV__SPINS) rwkv__pause();
                else rwkv__nap();
            }
            const double t1 = omp_get_wtime();
            tm->waited += t1 - t0;
            /* a stall: a wait longer than 1 ms and than thread 0's own share of the job
               took; in a block of tokens, the second such wait: this VM's vCPUs pause for
               1-3 ms about once a second, and each such pause ended a prompt block's team
               (the rest of the block and two more on one thread: a v7 1.5B prompt of 512
               tokens lost ~1 s of ~3.8), while a competing process deschedules a thread
               every few ms (waiting for the sum of the waits to reach a quarter of the block
               there: 0.1B prompts 10% slower); in a block, only once its waits add up to a
               tenth of its time: a 1.5B block of 128 tokens on two threads lasts ~1 s, and a
               Zen 5 VM paused a vCPU for 2-9 ms in about one block of three while its waits
               stayed at 2.5-4% of the block (the rest on one thread cost ~0.3 s each time:
               512-token prompts of v7 1.5B F16, 16 processes each, averaged 10.57 ms/token
               against 8.95 with the tenth; under a busy-loop process 15.96 against 15.31,
               v7 0.1B 1.42 against 1.40).
               One token: the first stall ends the team when it comes less than 0.1 s after
               the previous one (a competing process deschedules a thread every few ms); a
               lone one (a paused vCPU) waits for a second. The first stall always ending it
               sent the rest of 3-5 of 130 tokens to one thread on a Zen 5 VM with no other
               load; the second always (v7 / v4 1.5B Q4_K_M 1.047 / 1.048 as fast on two
               threads, separate processes in turns) made two threads 1.08-1.20x as slow as
               one under a busy loop (v4 1.5B F16, make bench's competing-load case); this
               rule: 1.00-1.03 there, and v7 1.5B Q4_K_M 1.08x as fast with no other load
               (with 0.5 s instead of 0.1: 1.01) */
            const int stall = t1 - t0 > RWKV__STALL && t1 - t0 > t0 - t_job;
            const int recent = stall && tm->T == 1 && t1 - tm->last_stall < 0.1;
            if (stall) tm->last_stall = t1;
            if ((stall && ++tm->stalls >= (recent ? 1 : 2) &&
                 (tm->T == 1 || tm->waited > 0.1 * (t1 - tm->started))) ||
                (t1 - tm->started > 2 * RWKV__STALL && tm->waited > 0.25 * (t1 - tm->started))) {
                /* another thread was descheduled holding an item, or the others keep
                   thread 0 waiting: the rest of the block runs on this thread alone */
                tm->active = 0;
                tm->solo = 1;
                __atomic_store_n(&tm->quit, 1, __ATOMIC_RELEASE);
            }
        }
        return;
    }
#endif
    for (i = 0; i < n; i++) fn(job, i);
}

/* Y = W·X for T tokens (rwkv__matmul) on the team: items of whole 8-row tiles, each about
   RWKV__ITEM_WORK multiply-adds (one token: RWKV__ITEM_BYTES of weights; fewer than 2^20
   items), smaller for a small product (at least 2 per thread, each of at least
   RWKV__ITEM_MIN). Smaller items for every product were slower: each item starts its rows'
   streams cold (v7 1.5B Q4_0, 2 threads, items of 32768: the ffn read at 15 GB/s instead
   of 18). */
#define RWKV__ITEM_WORK 131072
#define RWKV__ITEM_MIN 16384
/* One token (generation): items of about this many weight bytes instead, whatever the type.
   Quantized rows are 2-4x shorter in bytes than f16's, so items of RWKV__ITEM_WORK were 2-4x
   shorter too, and each starts its tile cold (its first rows' loads have no prefetch ahead
   of them): with items of 256 KiB, as f16's already were, v7 1.5B generated 5% (Q8_0, Q4_0,
   Q4_K_M) and v6 Q8_0 9% faster on 2 threads (tools/pair.sh model, docs/KERNELS.md). The
   item count is a multiple of the threads (items of equal rows; an odd count of 256 KiB
   items, as an 8192 x 2048 Q8_0 product's 69, left one thread a last item alone), and items
   of 1 MiB start fewer cold streams: together 1.5-7% faster than 256 KiB on 2 threads of a
   Sapphire Rapids VM (1.5B Q8_0, Q4_K_M, BF16; 0.1B Q8_0), 2 MiB 3% slower than 1 MiB
   (docs/KERNELS.md, thirteenth round). Since each thread takes its own contiguous part of a
   job (rwkv__team_work), consecutive items of a thread continue one stream, so the cold
   starts are gone and quantized items are 256 KiB again, for shorter job ends: with both,
   two threads of a Zen 5 VM generated v7 1.5B Q4_K_M 1.07-1.11x as fast (Q4_0 1.05, Q8_0
   1.01-1.09; v4 Q4_K_M 1.03, v6 Q4_0 1.05, v7 0.1B Q8_0 1.04; docs/KERNELS.md, thirtieth
   round); float matrices keep 1 MiB (F16 with 256 KiB: 0.94, their kernels read lanes of
   rows far apart within an item). */
#ifndef RWKV__ITEM_BYTES
#define RWKV__ITEM_BYTES 1048576
#endif
#ifndef RWKV__QITEM_BYTES
#define RWKV__QITEM_BYTES 262144
#endif
#define RWKV__GROUP_MAX 8 /* products in one group (rwkv__mm_group) */
typedef struct rwkv__mm_job {
    float *Y;
    const rwkv__tensor *W;
    const float *X;
    int T;
    int64_t rows_per_item;
    int64_t even_items, unit; /* even_items > 0: item i has rows [i U / n, (i + 1) U / n) x
                                 unit, U = rows / unit (rwkv__mm_item), not rows_per_item */
    int tok_items; /* > 0: item i has every row of tokens [i T / n, (i + 1) T / n), n this */
    float *relu2; /* broadcast tiles: relu(W·X)² laid out for the next product, not Y */
    float w2m;    /* broadcast tiles: the weights' mean square for the layout (rwkv__fpk_w2) */
    char *acts;   /* quantized W: the quantized tokens (rwkv__matmul_q_run's layout), else NULL */
    uint8_t *amx; /* and their AMX layout (rwkv__amx_pack) when AMX runs; f16 / bf16 W: the
                     tokens' (rwkv__famx_pack) when the tiles run; else NULL */
} rwkv__mm_job;

#ifdef RWKV__TEAM
static void rwkv__mm_prep_item(const void *p, int i)
{
    const rwkv__mm_job *j = (const rwkv__mm_job *)p;
    const rwkv__tensor *W = j->W;
    rwkv__qprep_tile(W->type, W->ne[0], j->X, j->T, j->acts, rwkv__qact_bytes(W->type, W->ne[0]),
                     j->amx, i, 1);
}

#ifdef RWKV__FPK
static void rwkv__fpk_prep_item(const void *p, int i)
{
    const rwkv__mm_job *j = (const rwkv__mm_job *)p;
    if (j->X) rwkv__fpk_pack(j->W, j->X, j->T, j->amx, i, j->w2m);
    else rwkv__fpk_finish(j->W, j->T, j->amx, i, j->w2m); /* laid out already */
}
#endif

/* How many items job j has (rows_per_item set): ceil(rows / rows_per_item), or, for the
   products whose kernels work on whole units of rows, about as many items as that, rounded up
   to a multiple of the threads, each of an equal number of whole units (even_items; the rows
   past the last whole unit go to the last item):
   - f16 / bf16 on the tokens' layout: units of whole register tiles (RWKV__FPK_UNIT). Items
     of rows_per_item rows split 2048 rows as 21 x 96 + 32: thread 0 took 11 of 96
     (rwkv__team_work gives each thread n / threads items in turn), the other 10 and the
     short one, and waited. One product on the team, two threads, 6 processes each in turns:
     att_r 2048 x 2048 1.038x as fast, ffn_v 2048 x 8192 1.019x, ffn_k 8192 x 2048 0.995x.
   - with RWKV__PK512, one token times packed groups: units of a pair of groups (16 rows).
     Items of rows_per_item rows, a multiple of 8, cut pairs: an item of an odd number of
     groups ran one on the 256-bit kernel, and the next item started inside a pair (4% of a
     v7 1.5B Q4_K_M token's samples on two threads: ffn_k's 8192 rows went in items of 27
     groups). */
static int rwkv__mm_items(const rwkv_state *st, rwkv__mm_job *j)
{
    const int64_t rows = j->W->ne[1], per = j->rows_per_item;
    int64_t n = (rows + per - 1) / per, unit = 0;
#ifdef RWKV__PK512
    if (j->T == 1 && j->W->packed) unit = 16;
#endif
#ifdef RWKV__FPK
    if (j->amx && !j->acts) unit = RWKV__FPK_UNIT(j->W);
#endif
    if (unit > 0) {
        const int64_t nth = st->model->n_threads;
        int64_t ne = (n + nth - 1) / nth * nth;
        if (ne > rows / unit) ne = rows / unit;
        if (ne >= 1 && ne <= (int64_t)RWKV__ITEM_MASK) {
            j->even_items = ne;
            j->unit = unit;
            n = ne;
        }
    }
    return (int)n;
}

static void rwkv__mm_item(const void *p, int i)
{
    const rwkv__mm_job *j = (const rwkv__mm_job *)p;
    const rwkv__tensor *W = j->W;
    const int64_t rows = W->ne[1];
    int64_t r0, r1;
#ifdef RWKV__BCS
    if (j->tok_items > 0) { /* few rows (rwkv__bcs_rows): the tokens split instead */
        const int t0 = j->T * i / j->tok_items, t1 = j->T * (i + 1) / j->tok_items;
        rwkv__bcs_rows(j->Y + (size_t)t0 * (size_t)rows, W, j->X + (size_t)t0 * (size_t)W->ne[0],
                       t1 - t0, 0, rows);
        return;
    }
#endif
    if (j->even_items > 0) {
        const int64_t units = rows / j->unit, n = j->even_items;
        r0 = units * i / n * j->unit;
        r1 = i + 1 == n ? rows : units * (i + 1) / n * j->unit;
    } else {
        r0 = (int64_t)i * j->rows_per_item;
        r1 = r0 + j->rows_per_item < rows ? r0 + j->rows_per_item : rows;
    }
#ifdef RWKV__FPK
    if (j->amx && !j->acts) { /* f16 / bf16 on the tokens' layout: whole tiles, then the rest */
        const int64_t r16 = rows / RWKV__FPK_RQ * RWKV__FPK_RQ;
        if (r0 < r16) rwkv__fpk_rows(j->Y, W, j->X, j->amx, j->T, r0, r1 < r16 ? r1 : r16, j->relu2);
        if (r1 > r16) rwkv__matmul_rows(j->Y, W, j->X, j->T, r0 > r16 ? r0 : r16, r1);
        return;
    }
#endif
    if (j->acts) { /* quantized W: the tokens were quantized into acts by thread 0 */
        const size_t stride = rwkv__qact_bytes(W->type, W->ne[0]);
#ifdef RWKV__PACK
        if (W->packed)
            rwkv__pk_rows(j->Y, (const uint8_t *)W->data, W->packed, W->type, rows, W->ne[0],
                          j->acts, stride, j->T, r0, r1, j->amx);
        else
#endif
#ifdef RWKV__QSIMD
        rwkv__qmm_rows_simd(j->Y, (const uint8_t *)W->data, W->type, rows, W->ne[0], j->acts,
                            stride, j->T, r0, r1, j->amx);
#else
        rwkv__qmm_rows_scalar(j->Y, (const uint8_t *)W->data, W->type, rows, W->ne[0], j->acts,
                              stride, j->T, r0, r1);
#endif
        return;
    }
    rwkv__matmul_rows(j->Y, W, j->X, j->T, r0, r1);
}
#endif

#ifdef RWKV__TEAM
/* Rows per item of W·X for T tokens on the team (rwkv__mm_run). */
static int64_t rwkv__mm_rows_per_item(const rwkv_state *st, const rwkv__tensor *W, int T)
{
    const int64_t rows = W->ne[1], work = W->ne[0] * (int64_t)T;
    const int64_t row_bytes = (int64_t)rwkv__row_bytes(W->type, (uint64_t)W->ne[0]);
    int64_t per = (T == 1 ? (rwkv__qblock(W->type) ? RWKV__QITEM_BYTES : RWKV__ITEM_BYTES) /
                                (row_bytes > 0 ? row_bytes : 1)
                          : RWKV__ITEM_WORK / (work > 0 ? work : 1)) / 8 * 8;
    if (T == 1 && per > 0) { /* a multiple of the threads, each of about the bytes above */
        const int64_t nth = st->model->n_threads;
        int64_t items = (rows + per - 1) / per;
        items = (items + nth - 1) / nth * nth;
        per = ((rows + items - 1) / items + 7) / 8 * 8;
    }
    /* a small product (a LoRA's 2048 x 64 is one item of the size above) would run on
       thread 0 alone: at least 2 items per thread, of at least RWKV__ITEM_MIN (v7 1.5B
       Q4_0, 2 threads: the LoRAs took 6.7-7.0 ms per token instead of 7.9-8.2) */
    if (rows / (per > 0 ? per : 1) < 2 * st->model->n_threads) {
        per = rows / (2 * st->model->n_threads) / 8 * 8;
        if (per * work < RWKV__ITEM_MIN)
            per = (RWKV__ITEM_MIN / (work > 0 ? work : 1) + 7) / 8 * 8;
    }
    if (per < 8) per = 8;
    /* a block of float tokens: no padded register tiles (RWKV__MM_ROWS) */
    if (T > 1 && !rwkv__qblock(W->type))
        per = (per + RWKV__MM_ROWS - 1) / RWKV__MM_ROWS * RWKV__MM_ROWS;
    /* quantized W, a block of tokens: whole AMX tiles of 16 rows */
    if (T >= 16 && rwkv__qblock(W->type)) per = (per + 15) / 16 * 16;
    while ((rows + per - 1) / per > (int64_t)RWKV__ITEM_MASK) per *= 2;
    return per;
}
#endif

/* Whether W·X for T tokens runs on the AMX-BF16 tiles or the broadcast tiles (f16 / bf16 W,
   the tokens' layout in the state's scratch). */
static RWKV__UNUSED int rwkv__mm_fpk(const rwkv_state *st, const rwkv__tensor *W, int T)
{
#ifdef RWKV__FPK
    return st->s.qwork && rwkv__fpk_takes(W, T);
#else
    (void)st; (void)W; (void)T;
    return 0;
#endif
}

#if defined(RWKV__FPK) && defined(RWKV__TEAM)
/* An f16 / bf16 block of tokens on the tokens' layout (rwkv__mm_fpk) as a team job j (j's
   product and rows_per_item set as for any product): its items' rows, the layout's place in
   the scratch (or `laid`), relu2; returns the job's items. The layout itself, where the
   product takes one (rwkv__fpk_packs), is the caller's to make first. */
static int rwkv__fpk_job(const rwkv_state *st, rwkv__mm_job *j, const float *laid, float *relu2)
{
    const rwkv__tensor *W = j->W;
    const int64_t rows = W->ne[1];
    int64_t per = j->rows_per_item;
    /* passes of RWKV__FPK_RB rows read the layout once each, so items of at least that many */
    per = per < RWKV__FPK_RB ? RWKV__FPK_RB : (per + 31) / 32 * 32;
    if (rows < RWKV__FAMX_MIN) { /* a LoRA: 2 items per thread, of whole row tiles */
        per = rows / (2 * st->model->n_threads) / 16 * 16;
        if (per < 16) per = 16;
    }
    while ((rows + per - 1) / per > (int64_t)RWKV__ITEM_MASK) per *= 2;
    j->rows_per_item = per;
    j->amx = laid ? (uint8_t *)(uintptr_t)laid
                  : (uint8_t *)(((uintptr_t)st->s.qwork + 63) & ~(uintptr_t)63);
    j->relu2 = relu2;
#ifdef RWKV__BCS
    if (rows <= RWKV__BCS_ROWS && W->ne[0] > RWKV__BCS_MAXC) {
        /* few rows (the LoRAs' first halves, 32-128 rows): items of rows would be 16-32
           rows, narrower than rwkv__bcs_rows' blocks of 64; each thread takes a share of
           the tokens instead (no relu2: that is the channel mix's key, which the fused path
           gives only to the broadcast tiles) */
        j->tok_items = st->model->n_threads;
        return j->tok_items;
    }
#endif
    return rwkv__mm_items(st, j);
}
#endif

/* laid: the tokens already in the layout of the broadcast tiles (X unused); relu2: the
   product's relu(W·X)² into that layout, not Y (rwkv__bct_rows). Both only for a product that
   takes the tiles (rwkv__mm_fpk), else NULL. */
static void rwkv__mm_run(rwkv_state *st, float *Y, const rwkv__tensor *W, const float *X, int T,
                         const float *laid, float *relu2)
{
#ifdef RWKV__FPK
    if ((laid || relu2) && !st->team.active) {
        rwkv__fpk_run(Y, W, X, T, st->team.solo ? 1 : st->model->n_threads,
                      laid ? (uint8_t *)(uintptr_t)laid
                           : (uint8_t *)(((uintptr_t)st->s.qwork + 63) & ~(uintptr_t)63),
                      laid != NULL, relu2);
        return;
    }
#else
    (void)laid; (void)relu2;
#endif
#ifdef RWKV__TEAM
    if (st->team.active) {
        const int64_t rows = W->ne[1];
        rwkv__mm_job j;
        int64_t per = rwkv__mm_rows_per_item(st, W, T);
        j.Y = Y; j.W = W; j.X = X; j.T = T; j.rows_per_item = per; j.acts = NULL; j.amx = NULL;
        j.even_items = 0; j.unit = 1; j.relu2 = NULL; j.tok_items = 0; j.w2m = 0.0f;
        if (rows <= 0 || T <= 0) return;
        if (rwkv__qblock(W->type)) { /* as rwkv__matmul_q_run, the rows split in items */
            j.acts = (char *)(((uintptr_t)st->s.qwork + 63) & ~(uintptr_t)63);
#ifdef RWKV__QVNNI
            if (rwkv__amx_pack_bytes(W->type, W->ne[0], T))
                j.amx = (uint8_t *)j.acts + (size_t)T * rwkv__qact_bytes(W->type, W->ne[0]);
#endif
            /* the tokens, 16 per item (one thread quantizing 64 tokens of an 8192-column
               product took as long as the product's AMX tiles) */
            rwkv__run(st, rwkv__mm_prep_item, &j, (T + 15) / 16);
        }
#ifdef RWKV__FPK
        else if (rwkv__mm_fpk(st, W, T)) {
            const int items = rwkv__fpk_job(st, &j, laid, relu2);
            /* few columns or rows (rwkv__bcs_rows): no layout, no job for it */
            if (rwkv__fpk_packs(W) && (!laid || RWKV__FPK_FINISH)) {
                if (laid) j.X = NULL;
                j.w2m = rwkv__fpk_w2(W); /* once, not per tile */
                rwkv__run(st, rwkv__fpk_prep_item, &j, (T + 15) / 16);
            }
            rwkv__run(st, rwkv__mm_item, &j, items);
            return;
        }
#endif
        rwkv__run(st, rwkv__mm_item, &j, rwkv__mm_items(st, &j));
        return;
    }
#endif
    rwkv__matmul(Y, W, X, T, st->team.solo ? 1 : st->model->n_threads, st->s.qwork);
}

#ifdef RWKV__PROFILE
/* seconds spent in products and their weight bytes, by kind: each product of a group gets
   its share of the group's time by its bytes */
static void rwkv__prof_add(rwkv_state *st, const rwkv__tensor *const *W, int n, double seconds)
{
    const rwkv_model *m = st->model;
    const int64_t C = m->info.n_embd;
    double bytes[RWKV__GROUP_MAX], all = 0.0;
    int p;
    for (p = 0; p < n; p++) all += bytes[p] = (double)rwkv__tensor_bytes(W[p]);
    for (p = 0; p < n; p++) {
        int kind = RWKV__PROF_ATT;
        size_t i;
        if (W[p] == m->head) kind = RWKV__PROF_HEAD;
        else if (W[p]->ne[0] != C || W[p]->ne[1] != C) kind = RWKV__PROF_LORA;
        for (i = 0; i + 3 <= W[p]->name.len; i++) /* ffn.* (ours) or channel_mix_* (llama.cpp's) */
            if (!memcmp(W[p]->name.p + i, "ffn", 3) ||
                (i + 11 <= W[p]->name.len && !memcmp(W[p]->name.p + i, "channel_mix", 11)))
                kind = RWKV__PROF_FFN;
        st->prof.seconds[kind] += all > 0 ? seconds * bytes[p] / all : 0.0;
        st->prof.bytes[kind] += bytes[p];
    }
}
#endif

/* Y = W·X for T tokens (rwkv__matmul), on the team when there is one. */
static void rwkv__mm_laid(rwkv_state *st, float *Y, const rwkv__tensor *W, const float *X,
                          int T, const float *laid, float *relu2)
{
#ifdef RWKV__PROFILE
    const double t0 = omp_get_wtime();
    rwkv__mm_run(st, Y, W, X, T, laid, relu2);
    rwkv__prof_add(st, &W, 1, omp_get_wtime() - t0);
#else
    rwkv__mm_run(st, Y, W, X, T, laid, relu2);
#endif
}

static void rwkv__mm(rwkv_state *st, float *Y, const rwkv__tensor *W, const float *X, int T)
{
    rwkv__mm_laid(st, Y, W, X, T, NULL, NULL);
}

/* A group of products that read only inputs ready before the group: Y_p = W_p·X_p. */
typedef struct rwkv__mm_op {
    float *Y;
    const rwkv__tensor *W;
    const float *X;
} rwkv__mm_op;

#ifdef RWKV__TEAM
typedef struct rwkv__mm_group_job {
    rwkv__mm_job j[RWKV__GROUP_MAX];
    int first[RWKV__GROUP_MAX + 1]; /* item numbers where each product's items begin */
} rwkv__mm_group_job;

static void rwkv__mm_group_item(const void *p, int i)
{
    const rwkv__mm_group_job *g = (const rwkv__mm_group_job *)p;
    int k = 0;
    while (i >= g->first[k + 1]) k++;
    rwkv__mm_item(&g->j[k], i - g->first[k]);
}
#endif

/* The products of a group, as rwkv__mm each. On the team they run as one job whose items
   are those of every product: each job ends in a tail where threads wait for its last
   items, and v7 has 16 products per layer before its recurrence (r k v and 4 LoRAs of 2),
   7 of them reading only the mixes and 4 only the LoRAs' hidden activations. A block of
   tokens whose product needs the scratch (quantized: its tokens' layout; f16 / bf16 on the
   tiles) runs on its own first; in generation a quantized product's token is quantized into
   its own part of the scratch. Each row's result is the same computation whichever item
   holds it, so the bits do not change. */
static void rwkv__mm_group(rwkv_state *st, const rwkv__mm_op *op, int n, int T)
{
    int p;
#ifdef RWKV__TEAM
    if (st->team.active && n <= RWKV__GROUP_MAX) {
        rwkv__mm_group_job g;
        char *acts = (char *)(((uintptr_t)st->s.qwork + 63) & ~(uintptr_t)63);
        size_t used = 0;
        int m = 0; /* products in the job */
#ifdef RWKV__PROFILE
        const rwkv__tensor *Ws[RWKV__GROUP_MAX];
        double t0;
#endif
        g.first[0] = 0;
        for (p = 0; p < n; p++) {
            const rwkv__tensor *W = op[p].W;
            const int quant = rwkv__qblock(W->type);
            const size_t bytes = quant ? rwkv__qact_bytes(W->type, W->ne[0]) : 0;
            rwkv__mm_job *j = &g.j[m];
#ifdef RWKV__FPK
            const int fpk = T > 1 && rwkv__mm_fpk(st, W, T), own = fpk && rwkv__fpk_packs(W);
#else
            const int own = 0;
#endif
            int64_t per;
            int items;
            /* a product on the tokens' layout runs on its own (the layout is made first, in
               the one scratch); without a layout (rwkv__bcs_rows: the LoRAs) in the job */
            if (T > 1 ? quant || own
                      : quant && used + bytes + 64 > st->model->qwork_bytes) {
                rwkv__mm(st, op[p].Y, W, op[p].X, T);
                continue;
            }
            per = rwkv__mm_rows_per_item(st, W, T);
            j->Y = op[p].Y; j->W = W; j->X = op[p].X; j->T = T;
            j->rows_per_item = per; j->acts = NULL; j->amx = NULL;
            j->even_items = 0; j->unit = 1; j->relu2 = NULL; j->tok_items = 0; j->w2m = 0.0f;
            if (quant) { /* T = 1: a few microseconds, here on thread 0 */
                j->acts = acts + used;
                rwkv__qprep_tile(W->type, W->ne[0], op[p].X, 1, j->acts, bytes, NULL, 0, 1);
                used += (bytes + 63) / 64 * 64;
            }
#ifdef RWKV__PROFILE
            Ws[m] = W;
#endif
#ifdef RWKV__FPK
            items = fpk ? rwkv__fpk_job(st, j, NULL, NULL) : rwkv__mm_items(st, j);
#else
            items = rwkv__mm_items(st, j);
#endif
            g.first[m + 1] = g.first[m] + items;
            m++;
        }
#ifdef RWKV__PROFILE
        t0 = omp_get_wtime();
#endif
        if (m > 0) rwkv__run(st, rwkv__mm_group_item, &g, g.first[m]);
#ifdef RWKV__PROFILE
        rwkv__prof_add(st, Ws, m, omp_get_wtime() - t0);
#endif
        return;
    }
#endif
    for (p = 0; p < n; p++) rwkv__mm(st, op[p].Y, op[p].W, op[p].X, T);
}

/* xln[t] = LN(x[t]) for t < T, the model's layer norm epsilon. */
/* Per-token steps of a block (norms, mixes, activations, residuals) on the team: each token's
   row is computed by the same code however the tokens are split, so the bits do not change;
   items of RWKV__ROWS_ITEM tokens. In a prompt block of 64 tokens these steps took ~1.6 ms
   per token on thread 0 while the other threads waited (v7 1.5B). */
#define RWKV__ROWS_ITEM 8
enum { RWKV__ROW_LN, RWKV__ROW_MIXES, RWKV__ROW_ACT, RWKV__ROW_RELU2, RWKV__ROW_RESID,
       RWKV__ROW_GATE };
#define RWKV__MIXES_MAX 6 /* v7's time mix: r w k v a g */
typedef struct rwkv__rows_job {
    int op, T, C, f;   /* RWKV__ROW_*, tokens, row length, activation */
    float *out;        /* rows of C floats (ACT: hs apart) */
    const float *a, *b, *c, *d; /* the op's inputs (below) */
    float eps;
    size_t hs;
    /* RWKV__ROW_MIXES: n mixes of the rows a (f: lerp or add form, rwkv__mixes) */
    int n_mix;
    float *mix_out[RWKV__MIXES_MAX];
    const float *mix_mu[RWKV__MIXES_MAX], *mix_m[RWKV__MIXES_MAX];
} rwkv__rows_job;

static void rwkv__mixes_rows(const rwkv__rows_job *j, int t0, int t1);
static void rwkv__activate_rows(float *h, size_t hs, int D, int T, int f);

/* Rows [t0, t1) of a job. Token shifts read the previous row of the input (a), or the
   carried row (b) for token 0. */
static void rwkv__rows_range(const rwkv__rows_job *j, int t0, int t1)
{
    const size_t C = (size_t)j->C, o = (size_t)t0 * C, n = (size_t)(t1 - t0) * C;
    size_t i;
    int t;
    switch (j->op) {
    case RWKV__ROW_LN: /* out = LN(a; b, c) */
        for (t = t0; t < t1; t++)
            rwkv__norm(j->out + (size_t)t * C, j->a + (size_t)t * C, j->b, j->c, j->C, j->eps);
        break;
    case RWKV__ROW_MIXES:
        rwkv__mixes_rows(j, t0, t1);
        break;
    case RWKV__ROW_ACT:
        rwkv__activate_rows(j->out + (size_t)t0 * j->hs, j->hs, j->C, t1 - t0, j->f);
        break;
    case RWKV__ROW_RELU2:
        rwkv__relu2(j->out + o, j->out + o, n);
        break;
    case RWKV__ROW_RESID: /* out += a */
        for (i = o; i < o + n; i++) j->out[i] += j->a[i];
        break;
    default: /* RWKV__ROW_GATE: out += sigmoid(a) * b */
        i = o;
#ifdef RWKV__VMATH
        for (; i + RWKV__L <= o + n; i += RWKV__L)
            rwkv__vst(j->out + i,
                      rwkv__vadd(rwkv__vld_f32(j->out + i),
                                 rwkv__vmul(rwkv__vsigmoid(rwkv__vld_f32(j->a + i)),
                                            rwkv__vld_f32(j->b + i))));
#endif
        for (; i < o + n; i++) { /* two statements: no compiler fuses them into an FMA */
            const float p = rwkv__sigmoid(j->a[i]) * j->b[i];
            j->out[i] += p;
        }
        break;
    }
}

static void rwkv__rows_item(const void *p, int i)
{
    const rwkv__rows_job *j = (const rwkv__rows_job *)p;
    const int t0 = i * RWKV__ROWS_ITEM, t1 = t0 + RWKV__ROWS_ITEM < j->T ? t0 + RWKV__ROWS_ITEM : j->T;
    rwkv__rows_range(j, t0, t1);
}

static void rwkv__rows(rwkv_state *st, const rwkv__rows_job *j)
{
    if (j->T > RWKV__ROWS_ITEM)
        rwkv__run(st, rwkv__rows_item, j, (j->T + RWKV__ROWS_ITEM - 1) / RWKV__ROWS_ITEM);
    else
        rwkv__rows_range(j, 0, j->T);
}

/* A job of op over T rows of C floats. */
static rwkv__rows_job rwkv__rows_of(int op, int T, int C, float *out, const float *a,
                                    const float *b, const float *c, const float *d)
{
    rwkv__rows_job j;
    memset(&j, 0, sizeof j);
    j.op = op; j.T = T; j.C = C; j.out = out; j.a = a; j.b = b; j.c = c; j.d = d;
    return j;
}

static void rwkv__ln(rwkv_state *st, const float *x, const float *w, const float *b, int T)
{
    rwkv__rows_job j = rwkv__rows_of(RWKV__ROW_LN, T, st->model->info.n_embd, st->s.xln, x, w,
                                     b, NULL);
    j.eps = st->model->info.layer_norm_eps;
    rwkv__rows(st, &j);
}

/* The token-shift mixes of a time or channel mix, all in one pass over the rows of xln (a
   job on the team, not one per mix): output k of token t is
     lerp form (v4, v5):  xln[t]·mu_k + prev·(1 - mu_k)
     add form (v6, v7):   xln[t] + sx·(mu_k + m_k[t])   (m_k: v6's data-dependent rows, or NULL)
   where prev is xln[t - 1] (for t = 0 the carried row) and sx = prev - xln[t], or the rows
   sx_in where given (v6's second mixes); sx_out, where not NULL, keeps prev - xln[t] (v6's
   first mixes, for the second). The same roundings as one pass per mix, so the same bits. */
static void rwkv__mixes_rows(const rwkv__rows_job *j, int t0, int t1)
{
    const size_t C = (size_t)j->C;
    size_t c;
    int t, k;
    for (t = t0; t < t1; t++) {
        const size_t o = (size_t)t * C;
        const float *x = j->a + o, *prev = t ? x - C : j->b, *sx = j->d ? j->d + o : NULL;
        if (j->out) { /* sx_out */
            float *so = j->out + o;
            for (c = 0; c < C; c++) so[c] = prev[c] - x[c];
            sx = so;
        }
        for (k = 0; k < j->n_mix; k++) {
            const float *mu = j->mix_mu[k], *m = j->mix_m[k] ? j->mix_m[k] + o : NULL;
            float *y = j->mix_out[k] + o;
            if (j->f) for (c = 0; c < C; c++) y[c] = x[c] * mu[c] + prev[c] * (1.0f - mu[c]);
            else if (sx && m) for (c = 0; c < C; c++) y[c] = x[c] + sx[c] * (mu[c] + m[c]);
            else if (sx) for (c = 0; c < C; c++) y[c] = x[c] + sx[c] * mu[c];
            else if (m) for (c = 0; c < C; c++) y[c] = x[c] + (prev[c] - x[c]) * (mu[c] + m[c]);
            else for (c = 0; c < C; c++) y[c] = x[c] + (prev[c] - x[c]) * mu[c];
        }
    }
}

/* n mixes (rwkv__mixes_rows) of T rows of xln into out[k] with mu[k] (and m[k], add form;
   m NULL: none); lerp: the form; carried: the row before the first, which then moves on to
   the last row of xln (the next block's prev), or NULL with sx_in. */
static void rwkv__mixes(rwkv_state *st, const float *xln, float *carried, const float *sx_in,
                        float *sx_out, int lerp, int n, float *const *out,
                        const float *const *mu, const float *const *m, int T, int C)
{
    rwkv__rows_job j = rwkv__rows_of(RWKV__ROW_MIXES, T, C, sx_out, xln, carried, NULL, sx_in);
    int k;
    j.f = lerp;
    j.n_mix = n;
    for (k = 0; k < n; k++) {
        j.mix_out[k] = out[k];
        j.mix_mu[k] = mu[k];
        j.mix_m[k] = m ? m[k] : NULL;
    }
    rwkv__rows(st, &j);
    if (carried) memcpy(carried, xln + (size_t)(T - 1) * C, sizeof(float) * (size_t)C);
}

enum { RWKV__LINEAR, RWKV__TANH, RWKV__SIGMOID };

/* h[t][d] = f(h[t][d]) for d < D, t < T; rows hs floats apart. */
static void rwkv__activate_rows(float *h, size_t hs, int D, int T, int f)
{
    const int is_tanh = f == RWKV__TANH;
    int t, d;
    if (!is_tanh && f != RWKV__SIGMOID) return;
    for (t = 0; t < T; t++) {
        float *ht = h + (size_t)t * hs;
        d = 0;
#ifdef RWKV__VMATH
        for (; d + RWKV__L <= D; d += RWKV__L) {
            const rwkv__vf x = rwkv__vld_f32(ht + d);
            rwkv__vst(ht + d, is_tanh ? rwkv__vtanh(x) : rwkv__vsigmoid(x));
        }
#endif
        for (; d < D; d++) ht[d] = is_tanh ? rwkv__tanhf(ht[d]) : rwkv__sigmoid(ht[d]);
    }
}

static void rwkv__activate(rwkv_state *st, float *h, size_t hs, int D, int T, int f)
{
    rwkv__rows_job j;
    if (f == RWKV__LINEAR) return;
    j = rwkv__rows_of(RWKV__ROW_ACT, T, D, h, NULL, NULL, NULL, NULL);
    j.hs = hs;
    j.f = f;
    rwkv__rows(st, &j);
}

/* x += out for T tokens. */
static void rwkv__residual(rwkv_state *st, int T)
{
    const rwkv__rows_job j = rwkv__rows_of(RWKV__ROW_RESID, T, st->model->info.n_embd, st->s.x,
                                           st->s.out, NULL, NULL, NULL);
    rwkv__rows(st, &j);
}

/* out *= L->out_scale for T tokens (a power of two, exact; 1 in every file but llama.cpp's
   rescaled rwkv6 ones, and then nothing is done). */
static void rwkv__out_scale(rwkv_state *st, const rwkv__layer *L, int T)
{
    const size_t n = (size_t)T * (size_t)st->model->info.n_embd;
    size_t i;
    if (L->out_scale == 1.0f) return;
    for (i = 0; i < n; i++) st->s.out[i] *= L->out_scale;
}

/* v7a's DeepEmbed gate on the channel mix's relu(Wk·xk)² in s->hidden, for T tokens
   (RWKV-v7/rwkv_v7a_demo.py): M = s_emb[token] + s_emb_x·x0 as a D x D matrix (the demo
   adds s_emb_x's product for the whole vocabulary at load; here per token), ss = (s1·xln)ᵀM,
   hidden ⊙= s2·ss + s0. xln is the channel mix's LN(x, ln2), before its token shift. */
static void rwkv__deep_embed(rwkv_state *st, const rwkv__layer *L, int T)
{
    rwkv__scratch *s = &st->s;
    const int D = L->s_rank, DD = D * D, F = st->model->info.n_ffn;
    int t, i, j, f;
    rwkv__mm(st, s->semb, L->s_emb_x, s->x0, T);  /* [T][D·D] s_emb_x·x0 */
    rwkv__mm(st, s->su, &L->s1, s->xln, T);       /* [T][D]   s1·xln */
    for (t = 0; t < T; t++) {
        float *M = s->semb + (size_t)t * DD;
        const float *u = s->su + (size_t)t * D;
        float *ss = s->sv + (size_t)t * D;
        rwkv__get_row(s->srow, L->s_emb, s->tokens[t]);
        for (i = 0; i < DD; i++) M[i] += s->srow[i];
        for (j = 0; j < D; j++) ss[j] = 0.0f;
        for (i = 0; i < D; i++)
            for (j = 0; j < D; j++) ss[j] += u[i] * M[(size_t)i * D + j];
    }
    rwkv__mm(st, s->gate, &L->s2, s->sv, T);      /* [T][F]   s2·ss */
    for (t = 0; t < T; t++) {
        float *h = s->hidden + (size_t)t * F;
        const float *g = s->gate + (size_t)t * F;
        for (f = 0; f < F; f++) h[f] *= g[f] + L->s0[f];
    }
}

/* The channel mix after its token shift: x += sigmoid(Wr·xr) ⊙ Wv·relu(Wk·xk)^2, or, in v7
   (no receptance), x += Wv·relu(Wk·xk)^2; v7a gates relu(Wk·xk)^2 (rwkv__deep_embed). */
static void rwkv__ffn(rwkv_state *st, const rwkv__layer *L, int T)
{
    rwkv__scratch *s = &st->s;
    rwkv__rows_job j = rwkv__rows_of(RWKV__ROW_RELU2, T, st->model->info.n_ffn, s->hidden, NULL,
                                     NULL, NULL, NULL);
    /* the receptance (v4-v6) beside the key: both read only the mixes */
    const rwkv__mm_op op[2] = {{s->hidden, L->ffn_k, s->xk}, {s->r, L->ffn_r, s->xr}};
#ifdef RWKV__BCT
    /* A block on the broadcast tiles: the key's sums land as relu(k)² straight in the
       layout of the value's product, in `hidden` ((T + 15) / 16 tiles of n_ffn x 16 floats,
       no more than its B x n_ffn), instead of transposed into hidden, squared there and laid
       out again (those steps were ~1.5% of a v7 1.5B F16 prompt). The same values: the
       same bits. */
    if (T > 1 && !L->s_emb && rwkv__mm_fpk(st, L->ffn_k, T) && rwkv__mm_fpk(st, L->ffn_v, T) &&
        !RWKV__BCS_TAKES(L->ffn_k) && !RWKV__BCS_TAKES(L->ffn_v)) {
        rwkv__mm_laid(st, NULL, L->ffn_k, s->xk, T, NULL, s->hidden);
        if (L->ffn_r) rwkv__mm(st, s->r, L->ffn_r, s->xr, T);
        rwkv__mm_laid(st, s->out, L->ffn_v, NULL, T, s->hidden, NULL);
    } else
#endif
    {
        rwkv__mm_group(st, op, L->ffn_r ? 2 : 1, T);
        rwkv__rows(st, &j);
        if (L->s_emb) rwkv__deep_embed(st, L, T);
        rwkv__mm(st, s->out, L->ffn_v, s->hidden, T);
    }
    rwkv__out_scale(st, L, T);
    if (!L->ffn_r) {
        rwkv__residual(st, T);
        return;
    }
    j = rwkv__rows_of(RWKV__ROW_GATE, T, st->model->info.n_embd, s->x, s->r, s->out, NULL, NULL);
    rwkv__rows(st, &j);
}

/* The recurrences of v5-v7 run per head: a head's state, its group norm and every
   per-channel step around it touch only that head's N channels. A head function does one
   head of one token: channels [c0, c0 + N) of the rows at `at` = t·C + c0, state S. */
typedef void (*rwkv__head_fn)(rwkv_state *st, const rwkv__layer *L, float *S, size_t at,
                              int c0);

/* Heads [h0, h1) for T tokens, each head's tokens in order (its state stays in cache). */
static void rwkv__some_heads(rwkv__head_fn fn, rwkv_state *st, const rwkv__layer *L,
                             float *S, int T, int h0, int h1)
{
    const int C = st->model->info.n_embd, N = st->model->info.head_size;
    const rwkv__scratch *s = &st->s;
    /* a head's slices of the per-token arrays, 2 tokens ahead: the tokens' rows are C floats
       apart (no stream a hardware prefetcher follows) and were written by the products, often
       on another core; their first loads were a fifth of v7's head steps (perf) */
    float *const arr[9] = {s->r, s->w, s->k, s->v, s->a, s->g, s->vres, s->v_first, s->y};
    int h, t, i, b;
    (void)arr; (void)i; (void)b;
    for (h = h0; h < h1; h++)
        for (t = 0; t < T; t++) {
#ifdef RWKV__SIMD
            if (t + 2 < T)
                for (i = 0; i < 9; i++)
                    if (arr[i])
                        for (b = 0; b < N; b += 16)
                            RWKV__PREFETCH_L1(arr[i] + (size_t)(t + 2) * C + (size_t)h * N + b);
#endif
            fn(st, L, S + (size_t)h * N * N, (size_t)t * C + (size_t)h * N, h * N);
        }
}

/* All heads: one parallel region per layer, each thread taking a run of whole heads for all
   T tokens, or, on the team, one item per head (the result does not depend on the split). */
typedef struct rwkv__heads_job {
    rwkv__head_fn fn;
    rwkv_state *st;
    const rwkv__layer *L;
    float *S;
    int T;
} rwkv__heads_job;

static void rwkv__heads_item(const void *p, int h)
{
    const rwkv__heads_job *j = (const rwkv__heads_job *)p;
    rwkv__some_heads(j->fn, j->st, j->L, j->S, j->T, h, h + 1);
}

static void rwkv__all_heads(rwkv__head_fn fn, rwkv_state *st, const rwkv__layer *L, float *S,
                            int T)
{
    const int H = st->model->info.n_head;
#ifdef _OPENMP
    const int nth = st->team.solo ? 1 : st->model->n_threads;
#endif
    if (st->team.active) {
        rwkv__heads_job j;
        j.fn = fn; j.st = st; j.L = L; j.S = S; j.T = T;
        rwkv__run(st, rwkv__heads_item, &j, H);
        return;
    }
#ifdef _OPENMP
    if (nth > 1 && H > 1) {
#pragma omp parallel num_threads(nth < H ? nth : H)
        {
            const int id = omp_get_thread_num(), n = omp_get_num_threads();
            rwkv__some_heads(fn, st, L, S, T, H * id / n, H * (id + 1) / n);
        }
        return;
    }
#endif
    rwkv__some_heads(fn, st, L, S, T, 0, H);
}

/* y = GroupNorm(y) over one head's N channels (ln_x, group norm epsilon), then, for the
   versions with a gate, y ⊙ silu(g). */
static void rwkv__head_out(rwkv_state *st, const rwkv__layer *L, size_t at, int c0, int gated)
{
    const int N = st->model->info.head_size;
    float *y = st->s.y + at;
    const float *g = st->s.g + at;
    int i;
    rwkv__norm(y, y, L->lnx_w + c0, L->lnx_b + c0, N, st->model->info.group_norm_eps);
    if (!gated) return;
    i = 0;
#ifdef RWKV__VMATH
    for (; i + RWKV__L <= N; i += RWKV__L) {
        const rwkv__vf gi = rwkv__vld_f32(g + i);
        rwkv__vst(y + i, rwkv__vmul(rwkv__vld_f32(y + i), rwkv__vmul(gi, rwkv__vsigmoid(gi))));
    }
#endif
    for (; i < N; i++) y[i] *= g[i] * rwkv__sigmoid(g[i]);
}

/* r, k, v (and g, v5.1+) = W · lerp-mixed xln: the first half of v4's and v5's time mix. */
static void rwkv__rkvg_lerp(rwkv_state *st, const rwkv__layer *L, float *att_x, int T)
{
    const int C = st->model->info.n_embd;
    rwkv__scratch *s = &st->s;
    {
        float *const out[4] = {s->xr, s->xk, s->xv, s->xg};
        const float *const mu[4] = {L->mix_r, L->mix_k, L->mix_v, L->mix_g};
        rwkv__mixes(st, s->xln, att_x, NULL, NULL, 1, L->att_g ? 4 : 3, out, mu, NULL, T, C);
    }
    {
        const rwkv__mm_op op[4] = {{s->r, L->att_r, s->xr}, {s->k, L->att_k, s->xk},
                                   {s->v, L->att_v, s->xv}, {s->g, L->att_g, s->xg}};
        rwkv__mm_group(st, op, L->att_g ? 4 : 3, T);
    }
}

/* A time mix or channel mix of T tokens: reads and advances x and the layer's state. */
typedef void (*rwkv__mix_fn)(rwkv_state *st, const rwkv__layer *L, const rwkv__lstate *ls,
                             int T);

/* ---- forward v4 ----------------------------------------------------------------------- */

/* x += Wo·(sigmoid(r) ⊙ wkv): the running-max WKV over aa, bb, pp. */
/* v4's recurrence is per channel: channels [c0, c0 + RWKV__WKV4_RUN) of all T tokens. */
#define RWKV__WKV4_RUN 256
typedef struct rwkv__wkv4_job {
    rwkv_state *st;
    const rwkv__layer *L;
    float *wkv;
    int T;
} rwkv__wkv4_job;

static void rwkv__wkv4_item(const void *p, int i)
{
    const rwkv__wkv4_job *j = (const rwkv__wkv4_job *)p;
    const int C = j->st->model->info.n_embd, c0 = i * RWKV__WKV4_RUN;
    const int n = C - c0 < RWKV__WKV4_RUN ? C - c0 : RWKV__WKV4_RUN;
    const rwkv__scratch *s = &j->st->s;
    float *aa = j->wkv + c0, *bb = j->wkv + C + c0, *pp = j->wkv + 2 * C + c0;
    int t;
    for (t = 0; t < j->T; t++) {
        const size_t o = (size_t)t * C + (size_t)c0;
        rwkv__wkv4(s->y + o, aa, bb, pp, s->r + o, s->k + o, s->v + o, j->L->decay + c0,
                   j->L->bonus + c0, n);
    }
}

static void rwkv__time_mix_v4(rwkv_state *st, const rwkv__layer *L, const rwkv__lstate *ls,
                              int T)
{
    const int C = st->model->info.n_embd;
    rwkv__scratch *s = &st->s;
    float *aa = ls->wkv, *bb = aa + C, *pp = bb + C;
    int t;
    rwkv__ln(st, s->x, L->ln1_w, L->ln1_b, T);   /* xln = LN(x, ln1) */
    rwkv__rkvg_lerp(st, L, ls->att_x, T);        /* r, k, v = W·(xln·mu + prev·(1 - mu)) */
    if (st->team.active) { /* runs of RWKV__WKV4_RUN channels on the team */
        rwkv__wkv4_job j;
        j.st = st; j.L = L; j.wkv = ls->wkv; j.T = T;
        rwkv__run(st, rwkv__wkv4_item, &j, (C + RWKV__WKV4_RUN - 1) / RWKV__WKV4_RUN);
    } else {
        for (t = 0; t < T; t++) {
            const size_t o = (size_t)t * C;
            rwkv__wkv4(s->y + o, aa, bb, pp, s->r + o, s->k + o, s->v + o, L->decay, L->bonus,
                       C);
        }
    }
    rwkv__mm(st, s->out, L->att_o, s->y, T);
    rwkv__residual(st, T);
}

/* The channel mix of v4 and v5: x += sigmoid(Wr·xr) ⊙ Wv·relu(Wk·xk)^2, lerp mixing. */
static void rwkv__channel_mix_v4(rwkv_state *st, const rwkv__layer *L, const rwkv__lstate *ls,
                                 int T)
{
    const int C = st->model->info.n_embd;
    rwkv__scratch *s = &st->s;
    rwkv__ln(st, s->x, L->ln2_w, L->ln2_b, T);   /* xln = LN(x, ln2) */
    {
        float *const out[2] = {s->xk, s->xr};
        const float *const mu[2] = {L->ffn_mix_k, L->ffn_mix_r};
        rwkv__mixes(st, s->xln, ls->ffn_x, NULL, NULL, 1, 2, out, mu, NULL, T, C);
    }
    rwkv__ffn(st, L, T);
}

/* ---- forward v5 (5.0, 5.1, 5.2) ------------------------------------------------------- */

/* One head: y = r·(u ⊙ kᵀv + S), S = kᵀv + w ⊙ S; group norm; 5.1+: ⊙ silu(g). */
static void rwkv__head_v5(rwkv_state *st, const rwkv__layer *L, float *S, size_t at, int c0)
{
    rwkv__scratch *s = &st->s;
    rwkv__wkv5_head(s->y + at, S, s->r + at, s->k + at, s->v + at, L->decay + c0,
                    L->bonus + c0, st->model->info.head_size);
    rwkv__head_out(st, L, at, c0, L->att_g != NULL);
}

static void rwkv__time_mix_v5(rwkv_state *st, const rwkv__layer *L, const rwkv__lstate *ls,
                              int T)
{
    rwkv__scratch *s = &st->s;
    rwkv__ln(st, s->x, L->ln1_w, L->ln1_b, T);   /* xln = LN(x, ln1) */
    rwkv__rkvg_lerp(st, L, ls->att_x, T);        /* r, k, v, g as v4 */
    rwkv__all_heads(rwkv__head_v5, st, L, ls->wkv, T);
    rwkv__mm(st, s->out, L->att_o, s->y, T);
    rwkv__residual(st, T);
}

/* ---- forward v6 ----------------------------------------------------------------------- */

/* One head: w = exp(-exp(time_decay + w)), then the v5 recurrence with u = time_faaaa, the
   group norm and the gate. */
static void rwkv__head_v6(rwkv_state *st, const rwkv__layer *L, float *S, size_t at, int c0)
{
    const int N = st->model->info.head_size;
    rwkv__scratch *s = &st->s;
    float *w = s->w + at;
    int i;
    i = 0;
#ifdef RWKV__VMATH
    for (; i + RWKV__L <= N; i += RWKV__L) {
        const rwkv__vf e = rwkv__vexp(rwkv__vadd(rwkv__vld_f32(L->time_decay + c0 + i),
                                                 rwkv__vld_f32(w + i)));
        rwkv__vst(w + i, rwkv__vexp(rwkv__vneg(e)));
    }
#endif
    for (; i < N; i++) w[i] = rwkv__expf(-rwkv__expf(L->time_decay[c0 + i] + w[i]));
    rwkv__wkv5_head(s->y + at, S, s->r + at, s->k + at, s->v + at, w, L->bonus + c0, N);
    rwkv__head_out(st, L, at, c0, 1);
}

static void rwkv__time_mix_v6(rwkv_state *st, const rwkv__layer *L, const rwkv__lstate *ls,
                              int T)
{
    const int C = st->model->info.n_embd, D = L->maa_rank;
    rwkv__scratch *s = &st->s;
    float *const mixed[5] = {s->xw, s->xk, s->xv, s->xr, s->xg}; /* maa_w2's order */
    const float *const mu[5] = {L->maa_w, L->maa_k, L->maa_v, L->maa_r, L->maa_g};
    int i;
    rwkv__ln(st, s->x, L->ln1_w, L->ln1_b, T);          /* xln = LN(x, ln1) */
    /* data-dependent token shift: h = tanh((xln + sx·maa_x) @ maa_w1) [T][5·D], then mix i
       is xln + sx·(mu_i + h_i @ maa_w2[i]); sx = prev - xln kept for the second */
    rwkv__mixes(st, s->xln, ls->att_x, NULL, s->sx, 0, 1, &s->xmaa, &L->maa_x, NULL, T, C);
    rwkv__mm(st, s->lora, &L->maa_w1, s->xmaa, T);  /* [T][5·D] */
    rwkv__activate(st, s->lora, (size_t)(5 * D), 5 * D, T, RWKV__TANH);
    {   /* h_i @ maa_w2[i] into mixed[i], then mixed in place */
        rwkv__mm_op op[5];
        for (i = 0; i < 5; i++) {
            const float *h = s->lora + (size_t)i * D;
            if (T > 1) { /* h_i of each token, gathered into [T][D] after the [T][5·D] block */
                float *hs = s->lora + (size_t)T * 5 * D + (size_t)i * T * D;
                int t;
                for (t = 0; t < T; t++)
                    memcpy(hs + (size_t)t * D, h + (size_t)t * 5 * D, sizeof(float) * (size_t)D);
                h = hs;
            }
            op[i].Y = mixed[i]; op[i].W = &L->maa_w2[i]; op[i].X = h;
        }
        rwkv__mm_group(st, op, 5, T);
        rwkv__mixes(st, s->xln, NULL, s->sx, NULL, 0, 5, mixed, mu, (const float *const *)mixed,
                    T, C);
    }
    {   /* r, k, v, g and w = tanh(xw @ decay_w1) @ decay_w2 (time_decay is added per head) */
        const int Dd = (int)L->decay_w1.ne[1];
        const rwkv__mm_op op[5] = {{s->lora, &L->decay_w1, s->xw}, {s->r, L->att_r, s->xr},
                                   {s->k, L->att_k, s->xk}, {s->v, L->att_v, s->xv},
                                   {s->g, L->att_g, s->xg}};
        rwkv__mm_group(st, op, 5, T);
        rwkv__activate(st, s->lora, (size_t)Dd, Dd, T, RWKV__TANH);
        rwkv__mm(st, s->w, &L->decay_w2, s->lora, T);
    }
    rwkv__all_heads(rwkv__head_v6, st, L, ls->wkv, T);
    rwkv__mm(st, s->out, L->att_o, s->y, T);
    rwkv__out_scale(st, L, T);
    rwkv__residual(st, T);
}

/* The channel mix of v6 and v7: x += sigmoid(Wr·xr) ⊙ Wv·relu(Wk·xk)^2 with the mixing form
   xln + sx·mu; v7 has no receptance: x += Wv·relu(Wk·xk)^2. */
static void rwkv__channel_mix_v6(rwkv_state *st, const rwkv__layer *L, const rwkv__lstate *ls,
                                 int T)
{
    const int C = st->model->info.n_embd;
    rwkv__scratch *s = &st->s;
    rwkv__ln(st, s->x, L->ln2_w, L->ln2_b, T);          /* xln = LN(x, ln2) */
    {   /* xk, xr = xln + sx·mu (v7: xk only) */
        float *const out[2] = {s->xk, s->xr};
        const float *const mu[2] = {L->ffn_mix_k, L->ffn_mix_r};
        rwkv__mixes(st, s->xln, ls->ffn_x, NULL, NULL, 0, L->ffn_r ? 2 : 1, out, mu, NULL, T, C);
    }
    rwkv__ffn(st, L, T);
}

/* ---- forward v7 ----------------------------------------------------------------------- */

/* One head: finishes w, a, v and k, runs S = S·diag(w) + (S·(-kk))(kk ⊙ a)ᵀ + v·kᵀ,
   y = S·r, the group norm, the bonus (Σ r ⊙ k ⊙ r_k)·v and the gate. */
static void rwkv__head_v7(rwkv_state *st, const rwkv__layer *L, float *S, size_t at, int c0)
{
    const int N = st->model->info.head_size;
    rwkv__scratch *s = &st->s;
    float *r = s->r + at, *w = s->w + at, *k = s->k + at, *v = s->v + at, *a = s->a + at;
    float *y = s->y + at, *v_first = s->v_first + at, *kk = s->kk + c0;
    const float *g = s->g + at, *vres = s->vres + at;
    const float *w0 = L->w0 + c0, *a0 = L->a0 + c0, *k_k = L->k_k + c0, *k_a = L->k_a + c0;
    float ss = 0.0f, inv, bonus = 0.0f;
    int i;
    /* vectors where there are (the scalar functions' bits), then the rest */
    i = 0;
#ifdef RWKV__VMATH
    for (; i + RWKV__L <= N; i += RWKV__L) {
        const rwkv__vf sw =
            rwkv__vsigmoid(rwkv__vadd(rwkv__vld_f32(w0 + i), rwkv__vld_f32(w + i)));
        rwkv__vst(w + i, rwkv__vexp(rwkv__vmul(rwkv__vset1(-0.606531f), sw)));
        rwkv__vst(a + i, rwkv__vsigmoid(rwkv__vadd(rwkv__vld_f32(a0 + i), rwkv__vld_f32(a + i))));
    }
#endif
    for (; i < N; i++) {
        w[i] = rwkv__expf(-0.606531f * rwkv__sigmoid(w0[i] + w[i])); /* 0.606531 = e^-0.5 */
        a[i] = rwkv__sigmoid(a0[i] + a[i]);
    }
    if (!L->v0) { /* the first layer: its value is every later layer's v_first */
        for (i = 0; i < N; i++) v_first[i] = v[i];
    } else {      /* value residual */
        i = 0;
#ifdef RWKV__VMATH
        for (; i + RWKV__L <= N; i += RWKV__L) {
            const rwkv__vf vi = rwkv__vld_f32(v + i);
            const rwkv__vf gate = rwkv__vsigmoid(rwkv__vadd(rwkv__vld_f32(L->v0 + c0 + i),
                                                            rwkv__vld_f32(vres + i)));
            rwkv__vst(v + i, rwkv__vadd(vi, rwkv__vmul(rwkv__vsub(rwkv__vld_f32(v_first + i), vi),
                                                       gate)));
        }
#endif
        for (; i < N; i++) v[i] += (v_first[i] - v[i]) * rwkv__sigmoid(L->v0[c0 + i] + vres[i]);
    }
    for (i = 0; i < N; i++) { /* kk = L2-normalize(k ⊙ k_k), eps 1e-12, from k before... */
        const float x = k[i] * k_k[i];
        kk[i] = x;
        ss += x * x;
    }
    inv = 1.0f / fmaxf(sqrtf(ss), 1e-12f);
    for (i = 0; i < N; i++) kk[i] *= inv;
    for (i = 0; i < N; i++) k[i] *= 1.0f + (a[i] - 1.0f) * k_a[i]; /* ...this step */
    rwkv__wkv7_head(y, S, r, w, k, v, kk, a, N);
    rwkv__head_out(st, L, at, c0, 0);
    for (i = 0; i < N; i++) bonus += r[i] * k[i] * L->r_k[c0 + i];
    for (i = 0; i < N; i++) y[i] += bonus * v[i];
    for (i = 0; i < N; i++) y[i] *= g[i];
}

/* x += Wo·(y ⊙ g) */
static void rwkv__time_mix_v7(rwkv_state *st, const rwkv__layer *L, const rwkv__lstate *ls,
                              int T)
{
    const int C = st->model->info.n_embd;
    rwkv__scratch *s = &st->s;
    rwkv__ln(st, s->x, L->ln1_w, L->ln1_b, T);          /* xln = LN(x, ln1) */
    {   /* xr = xln + sx·x_r, ... with sx = prev - xln */
        float *const out[6] = {s->xr, s->xw, s->xk, s->xv, s->xa, s->xg};
        const float *const mu[6] = {L->x_r, L->x_w, L->x_k, L->x_v, L->x_a, L->x_g};
        rwkv__mixes(st, s->xln, ls->att_x, NULL, NULL, 0, 6, out, mu, NULL, T, C);
    }
    {   /* r, k, v and the LoRAs (w: tanh, a, g: sigmoid, v: none; the first layer has no
           v LoRA), the LoRAs' hidden activations [T][D] side by side in s->lora */
        const size_t hs = (size_t)T * s->lora_stride;
        float *const hw = s->lora, *const ha = hw + hs, *const hg = ha + hs, *const hv = hg + hs;
        const int nv = L->v1.data ? 1 : 0;
        const rwkv__mm_op first[7] = {
            {s->r, L->att_r, s->xr}, {s->k, L->att_k, s->xk}, {s->v, L->att_v, s->xv},
            {hw, &L->w1, s->xw}, {ha, &L->a1, s->xa}, {hg, &L->g1, s->xg}, {hv, &L->v1, s->xv}};
        const rwkv__mm_op second[4] = {
            {s->w, &L->w2, hw}, {s->a, &L->a2, ha}, {s->g, &L->g2, hg}, {s->vres, &L->v2, hv}};
        rwkv__mm_group(st, first, 6 + nv, T);
        rwkv__activate(st, hw, (size_t)L->w_rank, L->w_rank, T, RWKV__TANH);
        rwkv__activate(st, hg, (size_t)L->g_rank, L->g_rank, T, RWKV__SIGMOID);
        rwkv__mm_group(st, second, 3 + nv, T);
    }
    rwkv__all_heads(rwkv__head_v7, st, L, ls->wkv, T);
    rwkv__mm(st, s->out, L->att_o, s->y, T);
    rwkv__residual(st, T);
}

/* ---- forward: a block of tokens ------------------------------------------------------- */

/* Runs T <= RWKV_SEQ_BLOCK tokens through the model. logits: NULL, or rows for every token
   (all) or for the last one. */
static void rwkv__forward_pass(rwkv_state *st, const int *tokens, int T, float *logits,
                               int all)
{
    const rwkv_model *m = st->model;
    const int C = m->info.n_embd;
    rwkv__mix_fn time_mix, channel_mix;
    int t, l;
    switch (m->info.version) {
    case 4: time_mix = rwkv__time_mix_v4; channel_mix = rwkv__channel_mix_v4; break;
    case 5: time_mix = rwkv__time_mix_v5; channel_mix = rwkv__channel_mix_v4; break;
    case 6: time_mix = rwkv__time_mix_v6; channel_mix = rwkv__channel_mix_v6; break;
    default: time_mix = rwkv__time_mix_v7; channel_mix = rwkv__channel_mix_v6; break;
    }
    /* x = LN(emb[token], ln0), in float32 whatever the embedding's type: the model's math
       (the official loader folds ln0 in the checkpoint's dtype; see docs/VERSIONS.md) */
    for (t = 0; t < T; t++) {
        float *x = st->s.x + (size_t)t * C;
        rwkv__get_row(x, m->emb, tokens[t]);
        rwkv__norm(x, x, m->ln0_w, m->ln0_b, C, m->info.layer_norm_eps);
    }
    if (m->info.deep_embed_rank) { /* every layer's DeepEmbed reads the tokens and x0 */
        memcpy(st->s.x0, st->s.x, sizeof(float) * (size_t)T * (size_t)C);
        memcpy(st->s.tokens, tokens, sizeof(int) * (size_t)T);
    }
    for (l = 0; l < m->info.n_layer; l++) {
        const rwkv__lstate ls = rwkv__lstate_of(st, l);
        time_mix(st, &m->layers[l], &ls, T);
        channel_mix(st, &m->layers[l], &ls, T);
    }
    if (logits) { /* logits = head·LN(x, ln_out) */
        const int first = all ? 0 : T - 1;
        rwkv__ln(st, st->s.x + (size_t)first * C, m->lnout_w, m->lnout_b, T - first);
        rwkv__mm(st, logits, m->head, st->s.xln, T - first);
    }
}

/* The forward pass, with n threads on a team (rwkv__team): thread 0 runs the pass, the
   others take items of its jobs. Back-off: when the median of 4 team blocks took more than
   RWKV__TEAM_KEEP of one thread's time per token (the median of its latest blocks, in
   back-offs), i.e. the team was not clearly faster, the next 32 blocks run on
   one thread (64, 128 ... while it keeps happening, up to about 10 s of work), then the team
   is tried again: N threads stay at least about as fast as one. The first back-off comes
   from waiting: a block in which thread 0 waited for a quarter of its time (the others
   descheduled, or late at the region's end) runs the next 2 on one thread, to time it; or,
   in generation, after RWKV__MEASURE_AFTER tokens on the team without such a wait. */
#ifdef RWKV__TEAM
/* the median of v[0..n) (the mean of the middle two for even n): one thread's latest blocks
   (n <= RWKV__SOLO_KEEP) or the team's probes (RWKV__PROBES) */
static double rwkv__median_of(const double *v, int n)
{
    double w[RWKV__SOLO_KEEP > RWKV__PROBES ? RWKV__SOLO_KEEP : RWKV__PROBES];
    int i, j;
    for (i = 0; i < n; i++) { /* insertion sort of a copy */
        const double x = v[i];
        for (j = i; j > 0 && w[j - 1] > x; j--) w[j] = w[j - 1];
        w[j] = x;
    }
    return n <= 0 ? 0.0 : n % 2 ? w[n / 2] : 0.5 * (w[n / 2 - 1] + w[n / 2]);
}
#endif

static void rwkv__forward_block_run(rwkv_state *st, const int *tokens, int T, float *logits,
                                    int all)
{
#ifdef RWKV__TEAM
    const int nth = st->model->n_threads;
    rwkv__team *tm = &st->team;
    /* a block of less than 1 MiB of weights gains nothing from a second thread */
    if (nth > 1 && st->model->info.bytes_per_token * (uint64_t)T >= ((uint64_t)1 << 20)) {
        /* one-thread speed measured for blocks of this size */
        const int k = T > 1; /* generation and prompts keep their own one-thread speed */
        const int solo_known = tm->solo_per_token[k] > 0 && tm->solo_T[k] == T;
        double t0, t1, per_token;
        int contended = 0; /* the threads waited for a CPU (RWKV__WATCH) */
#ifdef RWKV__WATCH
        int sched = -1; /* thread 0's schedstat */
        int64_t delay0 = -1;
#endif
        if (T != tm->block_T) {
            /* blocks of another size: the window's times per token do not carry over. They
               did: its median mixed generation's one-token blocks with a prompt's (several
               times faster per token), and a back-off of 32 one-token blocks decided in
               generation ran the next 32 prompt blocks (4096 tokens) on one thread, minutes
               at 1.5B (make bench, 0.1B Q8_0 on two threads: in two rows the prompts ran at
               one thread's speed; 16 tokens of v7 1.5B Q4_K_M then a prompt of 256, in
               turns: the prompt at 10.4 ms/token, one thread's, against 6.1 now). So a
               back-off decided by the window is one-thread time (backoff_left, spent by
               its blocks whatever their size); the short ones that measure one thread's
               speed (backoff) measure the blocks they get. */
            tm->block_T = T;
            tm->probes = 0;
        }
        if (tm->backoff > 0 || tm->backoff_left > 0) {
            tm->solo = 1;
            t0 = omp_get_wtime();
            rwkv__forward_pass(st, tokens, T, logits, all);
            per_token = (omp_get_wtime() - t0) / T;
            if (tm->backoff > 0) tm->backoff--;
            else tm->backoff_left -= per_token * T;
            /* one thread's speed: the median of its latest blocks. It was the latest
               block's time averaged with the speed before (the latest block half of it):
               one slow or fast block moved it by 5-10%, and the team was then judged
               against that for as long as it was kept */
            if (!solo_known) tm->solo_n[k] = tm->solo_at[k] = 0;
            tm->solo_t[k][tm->solo_at[k]] = per_token;
            tm->solo_at[k] = (tm->solo_at[k] + 1) % RWKV__SOLO_KEEP;
            if (tm->solo_n[k] < RWKV__SOLO_KEEP) tm->solo_n[k]++;
            tm->solo_per_token[k] = rwkv__median_of(tm->solo_t[k], tm->solo_n[k]);
            tm->solo_T[k] = T;
            if (T == 1) tm->unmeasured = 0;
            tm->solo = 0;
            return;
        }
        tm->waited = 0.0;
#ifdef RWKV__WATCH
        /* opened per block: thread 0 is whichever thread calls rwkv_eval; a prompt's blocks
           are not watched (nor measured against one thread before the probes) */
        tm->watch = T == 1 && (!solo_known || tm->probes == 0);
        tm->delays = 0;
        if (tm->watch) {
            sched = rwkv__sched_open();
            delay0 = rwkv__run_delay(sched, 0);
        }
#endif
        t0 = omp_get_wtime();
        tm->quit_at = tm->started = t0;
        tm->T = T;
        tm->stalls = 0;
        __atomic_store_n(&tm->quit, 0, __ATOMIC_RELAXED);
#pragma omp parallel num_threads(nth)
        {
            if (omp_get_thread_num() == 0) {
                tm->size = omp_get_num_threads();
                tm->active = tm->size > 1;
                rwkv__forward_pass(st, tokens, T, logits, all);
                if (tm->active) {
                    tm->active = 0;
                    tm->quit_at = omp_get_wtime();
                    __atomic_store_n(&tm->quit, 1, __ATOMIC_RELEASE);
                }
            } else {
                rwkv__team_worker(tm);
            }
        }
        t1 = omp_get_wtime();
#ifdef RWKV__WATCH
        if (tm->watch) {
            const int64_t d1 = rwkv__run_delay(sched, 1);
            if (delay0 >= 0 && d1 >= delay0 &&
                (double)(d1 - delay0 + (int64_t)tm->delays) * 1e-9 > RWKV__CONTENDED * (t1 - t0))
                contended = 1;
        }
#endif
        tm->solo = 0;
        per_token = (t1 - t0) / T;
        tm->probe_t[tm->probes++] = per_token;
        /* The team is judged by its speed: when the median of RWKV__PROBES blocks took more
           than RWKV__TEAM_KEEP of one thread's time per token (the median of its latest
           blocks, in back-offs), the next blocks run on one thread (with a competing process
           the threads can all be busy, no one waiting long, and still lose to one thread
           alone). The median, not the latest: on a
           shared VM a vCPU stalls now and then (one slow block), and under a competing load
           a team block is fast now and then; a back-off for nothing costs the second
           thread's speed; but two first probes both slower than RWKV__PROBE_EARLY times
           one thread decide at once, and so does one contended block (RWKV__WATCH) that
           slow. A block in which thread 0 waited for a quarter of its time (or
           gave up on a stalled job), or a contended one, only matters while that one-thread
           speed is unknown: then a short back-off measures it. */
        if (solo_known &&
            ((contended && per_token > RWKV__PROBE_EARLY * tm->solo_per_token[k]) ||
             (tm->probes >= RWKV__PROBES &&
              rwkv__median_of(tm->probe_t, RWKV__PROBES) > RWKV__TEAM_KEEP * tm->solo_per_token[k]) ||
             (RWKV__PROBE_EARLY > 0 && tm->probes == 2 &&
              tm->probe_t[0] > RWKV__PROBE_EARLY * tm->solo_per_token[k] &&
              tm->probe_t[1] > RWKV__PROBE_EARLY * tm->solo_per_token[k]))) {
            /* the time of 32, 64, ... blocks on one thread, capped at about 10 s (at least
               32 blocks): each probe of the team under load costs about one slow block, and
               a long back-off notices the end of the load late */
            double cap = 10.0 / (tm->solo_per_token[k] * T);
            int n = tm->next_backoff < 32 ? 32 : tm->next_backoff;
            if (cap < 32) cap = 32;
            if (n > cap) n = (int)cap;
            tm->backoff_left = n * T * tm->solo_per_token[k];
            tm->next_backoff = 2 * n;
            tm->probes = 0;
        } else if (!solo_known && (contended ||
                                   tm->waited + (t1 - tm->quit_at) > 0.25 * (t1 - t0))) {
            tm->backoff = 2; /* blocks: a prompt has few */
            tm->probes = 0;
        } else if (!solo_known && T == 1 && ++tm->unmeasured >= RWKV__MEASURE_AFTER) {
            /* generation without a one-thread speed yet: measure it once (2 tokens). Under
               a competing process the team can run as fast as one thread, or a little
               slower, without ever stalling; with no speed to compare, the rule above never
               fired and the team kept every block (the count restarts once a one-token
               block was measured: a measurement that fell on a prompt's blocks is asked
               for again) */
            tm->backoff = 2;
            tm->probes = 0;
        } else if (tm->probes >= RWKV__PROBES) {
            tm->probes = 0;
            tm->next_backoff = 32;
        }
        return;
    }
#endif
    rwkv__forward_pass(st, tokens, T, logits, all);
}

static void rwkv__forward_block(rwkv_state *st, const int *tokens, int T, float *logits,
                                int all)
{
#ifdef RWKV__PROFILE
    const double t0 = omp_get_wtime();
    rwkv__forward_block_run(st, tokens, T, logits, all);
    st->prof.total += omp_get_wtime() - t0;
    st->prof.tokens += T;
#else
    rwkv__forward_block_run(st, tokens, T, logits, all);
#endif
}

static rwkv_status rwkv__check_tokens(const rwkv_state *st, const int *tokens, size_t n,
                                      rwkv_error *err)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (tokens[i] < 0 || tokens[i] >= st->model->info.n_vocab)
            return rwkv__fail(err, RWKV_ERR_ARGUMENT, "token %d (position %lu) is outside the "
                              "vocabulary 0..%d", tokens[i], (unsigned long)i,
                              st->model->info.n_vocab - 1);
    return RWKV_OK;
}

rwkv_status rwkv_eval(rwkv_state *st, int token, float *logits, rwkv_error *err)
{
    rwkv_status s;
    if (!st) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_eval: NULL state");
    if ((s = rwkv__check_tokens(st, &token, 1, err)) != RWKV_OK) return s;
    rwkv__forward_block(st, &token, 1, logits, 0);
    return RWKV_OK;
}

rwkv_status rwkv_eval_seq(rwkv_state *st, const int *tokens, size_t n, float *logits,
                          int all_logits, rwkv_error *err)
{
    const size_t V = st ? (size_t)st->model->info.n_vocab : 0;
    size_t done = 0;
    rwkv_status s;
    if (!st || (!tokens && n))
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_eval_seq: NULL argument");
    if ((s = rwkv__check_tokens(st, tokens, n, err)) != RWKV_OK) return s;
    while (done < n) {
        const int T = (int)(n - done < RWKV_SEQ_BLOCK ? n - done : RWKV_SEQ_BLOCK);
        float *out = NULL;
        if (logits && all_logits) out = logits + done * V;
        else if (logits && done + (size_t)T == n) out = logits;
        rwkv__forward_block(st, tokens + done, T, out, all_logits);
        done += (size_t)T;
    }
    return RWKV_OK;
}

/* ==== IMPL: state ====================================================================== */

/* The widest LoRA hidden layer of the model (v6's five mixes share one of 5·Dm); 0 below
   v6. */
static size_t rwkv__lora_width(const rwkv_model *m)
{
    size_t r = 0;
    int l;
    for (l = 0; l < m->info.n_layer; l++) {
        const rwkv__layer *L = &m->layers[l];
        size_t cand[6];
        int i;
        cand[0] = (size_t)L->maa_rank * 5; cand[1] = (size_t)L->decay_rank;
        cand[2] = (size_t)L->w_rank; cand[3] = (size_t)L->a_rank;
        cand[4] = (size_t)L->v_rank; cand[5] = (size_t)L->g_rank;
        for (i = 0; i < 6; i++) if (cand[i] > r) r = cand[i];
    }
    return r;
}

/* Allocates the scratch buffers the model's version uses, in one block, each 64-byte
   aligned. */
static int rwkv__scratch_new(rwkv_state *st)
{
    const rwkv_model *m = st->model;
    const int ver = m->info.version;
    const size_t B = RWKV_SEQ_BLOCK, C = (size_t)m->info.n_embd, BC = B * C;
    rwkv__scratch *s = &st->s;
    const size_t D = (size_t)m->info.deep_embed_rank, F = (size_t)m->info.n_ffn;
    struct { float **p; size_t n; } buf[29];
    size_t i, n = 0, total = 0;
    char *base;
#define RWKV__BUF(field, floats) (buf[n].p = &s->field, buf[n++].n = (floats))
    s->lora_stride = rwkv__lora_width(m);
    RWKV__BUF(x, BC); RWKV__BUF(xln, BC); RWKV__BUF(sx, ver >= 6 ? BC : 0);
    RWKV__BUF(xr, BC); RWKV__BUF(xw, ver >= 6 ? BC : 0); RWKV__BUF(xk, BC); RWKV__BUF(xv, BC);
    RWKV__BUF(xa, ver == 7 ? BC : 0); RWKV__BUF(xg, ver >= 5 ? BC : 0);
    RWKV__BUF(xmaa, ver == 6 ? BC : 0);
    RWKV__BUF(r, BC); RWKV__BUF(w, ver >= 6 ? BC : 0); RWKV__BUF(k, BC); RWKV__BUF(v, BC);
    RWKV__BUF(a, ver == 7 ? BC : 0); RWKV__BUF(g, ver >= 5 ? BC : 0);
    RWKV__BUF(vres, ver == 7 ? BC : 0); RWKV__BUF(v_first, ver == 7 ? BC : 0);
    RWKV__BUF(kk, ver == 7 ? C : 0); RWKV__BUF(y, BC); RWKV__BUF(out, BC);
    /* (+ the broadcast tiles' side floats: the channel mix lays its relu² out there) */
    RWKV__BUF(hidden, B * (size_t)m->info.n_ffn + (B / 16 + 1) * (size_t)RWKV__BCW_SIDE);
    RWKV__BUF(x0, D ? BC : 0); RWKV__BUF(semb, B * D * D); RWKV__BUF(su, B * D);
    RWKV__BUF(sv, B * D); RWKV__BUF(gate, D ? B * F : 0); RWKV__BUF(srow, D * D);
#undef RWKV__BUF
    for (i = 0; i < n; i++) total += (buf[i].n + 15) / 16 * 16;
    /* v6: [B][5·Dm], then its 5 parts gathered, [B][Dm] each; v7: 4 LoRAs' [B][D] */
    total += (4 * B * s->lora_stride + 15) / 16 * 16;
    total += (m->qwork_bytes + 63) / 64 * 16;
    /* In 2 MiB pages when that large (one thread's F16 / BF16 prompts 1.03-1.07x as fast at
       1.5B: the steps stream 1-16 MiB of it), faulted in here on the caller's thread: a
       first touch inside a team job (a 2 MiB page zeroed, or memory compacted for it) kept
       the other thread waiting long enough to end the team (docs/KERNELS.md, thirty-fourth
       round) */
    base = (char *)rwkv__alloc_big(sizeof(float) * total, &st->scratch_block);
    if (!base) return 0;
    memset(base, 0, sizeof(float) * total);
    for (i = 0; i < n; i++) {
        *buf[i].p = buf[i].n ? (float *)(void *)base : NULL;
        base += sizeof(float) * ((buf[i].n + 15) / 16 * 16);
    }
    s->lora = s->lora_stride ? (float *)(void *)base : NULL;
    base += sizeof(float) * ((4 * B * s->lora_stride + 15) / 16 * 16);
    s->qwork = m->qwork_bytes ? (void *)base : NULL;
    return 1;
}

void rwkv_state_reset(rwkv_state *st)
{
    const rwkv_model *m;
    int l;
    if (!st) return;
    m = st->model;
    memset(st->data, 0, sizeof(float) * st->n_floats);
    for (l = 0; l < m->info.n_layer; l++) {
        const rwkv__lstate ls = rwkv__lstate_of(st, l);
        const int C = m->info.n_embd;
        if (m->info.version == 4) {
            int c;
            for (c = 0; c < C; c++) ls.wkv[2 * C + c] = -1e30f; /* pp: "no history yet" */
        } else if (m->layers[l].time_state) {
            /* The tuned state is stored [head][value][key]; v6 runs on [head][key][value]. */
            const int H = m->info.n_head, N = m->info.head_size;
            const float *ts = m->layers[l].time_state;
            int h, i, j;
            for (h = 0; h < H; h++)
                for (i = 0; i < N; i++)
                    for (j = 0; j < N; j++)
                        ls.wkv[((size_t)h * N + i) * N + j] = ts[((size_t)h * N + j) * N + i];
        }
    }
}

rwkv_status rwkv_state_new(const rwkv_model *m, rwkv_state **out, rwkv_error *err)
{
    rwkv_state *st;
    if (!m || !out) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_state_new: NULL argument");
    *out = NULL;
    st = (rwkv_state *)calloc(1, sizeof *st);
    if (!st) return rwkv__fail(err, RWKV_ERR_MEMORY, "out of memory for a state");
    st->model = m;
    st->layer_stride = rwkv__layer_state_floats(&m->info);
    st->n_floats = st->layer_stride * (size_t)m->info.n_layer;
    /* The recurrent state is read and written whole every token (v7 1.5B: 12 MiB): in 2 MiB
       pages, a 1.5B Q4_K_M model generated 1.02-1.04x as fast (v7, one and two threads,
       separate processes in turns; v6 Q4_0 1.00; docs/KERNELS.md, thirty-fourth round) */
    st->data = (float *)rwkv__alloc_big(sizeof(float) * st->n_floats, &st->data_mem);
    if (!st->data || !rwkv__scratch_new(st)) {
        rwkv_state_free(st);
        return rwkv__fail(err, RWKV_ERR_MEMORY, "out of memory for a state");
    }
    rwkv_state_reset(st);
    *out = st;
    return RWKV_OK;
}

void rwkv_state_free(rwkv_state *st)
{
    if (!st) return;
    free(st->data_mem);
    free(st->scratch_block);
    free(st);
}

rwkv_status rwkv_state_copy(rwkv_state *dst, const rwkv_state *src, rwkv_error *err)
{
    if (!dst || !src) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_state_copy: NULL state");
    if (dst->model != src->model)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_state_copy: the states belong to "
                          "different models");
    memcpy(dst->data, src->data, sizeof(float) * src->n_floats);
    return RWKV_OK;
}

/* ---- files written whole: a temporary file renamed over the target ------------------- */
/* rwkv__atomic_open creates a new file with a unique name next to `path` (in its directory,
   so the rename stays on one file system); rwkv__atomic_write appends to it;
   rwkv__atomic_commit flushes it to disk (fsync / FlushFileBuffers), renames it over `path`
   and, on POSIX, syncs the directory, so that after a crash `path` holds the old contents or
   the new ones; rwkv__atomic_abort removes it. After a failed write or commit the temporary
   file is already gone. Used for saved states and by the CLI for the files it writes. */

/* Writes reach the file in chunks of RWKV__WRITE_CHUNK bytes at offsets that are multiples of
   it (the last one shorter): Linux's page cache keeps what a write brings in folios of about
   the write's size and alignment, and a model mapped from 2 MiB folios is mapped one entry
   per 2 MiB. A model that rwkv_model_quantize wrote in one write() per tensor (unaligned
   offsets) came back 54% in 2 MiB folios (smaps FilePmdMapped), one written 64 KiB at a time
   0%, 4 MiB at a time 100%; a model in 4 KiB pages generated ~8% slower until its cache was
   dropped (docs/KERNELS.md, thirty-fourth round). The buffer also turns the GGUF header's
   many small fields into one write. */
#ifndef RWKV__WRITE_CHUNK
#define RWKV__WRITE_CHUNK ((size_t)4 << 20)
#endif

typedef struct rwkv__atomic {
    const char *path;   /* the file replaced at commit */
    char tmp[1100];     /* the temporary file: path + ".XXXXXXXX-XXXXXXXX.tmp" */
    unsigned char *buf; /* RWKV__WRITE_CHUNK bytes (NULL: malloc failed; writes go straight
                           to the file) */
    size_t used;        /* bytes in buf, not yet written; the file holds a multiple of
                           RWKV__WRITE_CHUNK bytes while buf is in use */
#if defined(_WIN32)
    HANDLE h;
#else
    int fd;
#endif
} rwkv__atomic;

/* How the file at path begins: RWKV__HEAD_NONE (absent or unreadable), _EMPTY, _MAGIC (with
   the bytes of `magic`, at most 8) or _OTHER. */
enum { RWKV__HEAD_NONE, RWKV__HEAD_EMPTY, RWKV__HEAD_MAGIC, RWKV__HEAD_OTHER };
static int rwkv__file_head(const char *path, const char *magic)
{
    unsigned char head[8];
    const size_t want = strlen(magic);
    size_t n;
    FILE *f = fopen(path, "rb");
    if (!f) return RWKV__HEAD_NONE;
    n = fread(head, 1, want, f);
    fclose(f);
    if (n == 0) return RWKV__HEAD_EMPTY;
    return n == want && memcmp(head, magic, want) == 0 ? RWKV__HEAD_MAGIC : RWKV__HEAD_OTHER;
}

/* An existing file at an output path that is not of the kind written there (its first bytes
   are not `magic`: a checkpoint, a text, a slip of the name) is not replaced; an absent (or
   unreadable: the write says why) or empty one is. */
static rwkv_status rwkv__refuse_foreign(const char *path, const char *magic, const char *what,
                                        rwkv_error *err)
{
    if (rwkv__file_head(path, magic) != RWKV__HEAD_OTHER) return RWKV_OK;
    return rwkv__fail(err, RWKV_ERR_ARGUMENT, "%s: exists and is not %s, so it is not replaced: "
                      "remove it first, or give another path", path, what);
}

static void rwkv__atomic_abort(rwkv__atomic *a)
{
    free(a->buf);
    a->buf = NULL;
    a->used = 0;
#if defined(_WIN32)
    if (a->h != INVALID_HANDLE_VALUE) CloseHandle(a->h);
    a->h = INVALID_HANDLE_VALUE;
    DeleteFileA(a->tmp);
#else
    if (a->fd >= 0) close(a->fd);
    a->fd = -1;
    unlink(a->tmp);
#endif
}

static rwkv_status rwkv__atomic_open(rwkv__atomic *a, const char *path, rwkv_error *err)
{
    /* The name mixes the process id, this struct's address (distinct between threads), the
       time and the attempt; creating it exclusively makes it unique whatever the mix gives. */
#if defined(_WIN32)
    const uint64_t pid = (uint64_t)GetCurrentProcessId();
#else
    const uint64_t pid = (uint64_t)getpid();
#endif
    uint64_t x = pid * 0x9e3779b97f4a7c15ULL ^ (uint64_t)(uintptr_t)a ^
                 (uint64_t)time(NULL) * 0xbf58476d1ce4e5b9ULL ^ (uint64_t)clock();
    int attempt;
    a->path = path;
    a->buf = NULL;
    a->used = 0;
    if (strlen(path) > 1000)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "%.200s...: path too long", path);
    for (attempt = 0; attempt < 100; attempt++) {
        x = (x + (uint64_t)attempt) * 0x94d049bb133111ebULL;
        x ^= x >> 31;
        snprintf(a->tmp, sizeof a->tmp, "%s.%08lx-%08lx.tmp", path,
                 (unsigned long)(pid & 0xffffffffu), (unsigned long)(x & 0xffffffffu));
#if defined(_WIN32)
        a->h = CreateFileA(a->tmp, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL,
                           NULL);
        if (a->h != INVALID_HANDLE_VALUE) break;
        if (GetLastError() != ERROR_FILE_EXISTS)
            return rwkv__fail(err, RWKV_ERR_IO, "%s: cannot create its temporary file %s "
                              "(Windows error %lu)", path, a->tmp,
                              (unsigned long)GetLastError());
#else
        a->fd = open(a->tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (a->fd >= 0) break;
        if (errno != EEXIST)
            return rwkv__fail(err, RWKV_ERR_IO, "%s: cannot create its temporary file %s: %s",
                              path, a->tmp, strerror(errno));
#endif
    }
    if (attempt == 100)
        return rwkv__fail(err, RWKV_ERR_IO, "%s: cannot create a temporary file next to it: "
                          "100 names taken", path);
    a->buf = (unsigned char *)malloc(RWKV__WRITE_CHUNK); /* NULL: unbuffered writes */
    return RWKV_OK;
}

/* n bytes straight to the file. */
static rwkv_status rwkv__atomic_put(rwkv__atomic *a, const void *data, size_t n,
                                    rwkv_error *err)
{
    const char *p = (const char *)data;
    while (n > 0) {
        const size_t chunk = n < ((size_t)1 << 30) ? n : ((size_t)1 << 30);
#if defined(_WIN32)
        DWORD done = 0;
        if (!WriteFile(a->h, p, (DWORD)chunk, &done, NULL) || done == 0) {
            rwkv__fail(err, RWKV_ERR_IO, "%s: write failed (Windows error %lu)", a->tmp,
                       (unsigned long)GetLastError());
            rwkv__atomic_abort(a);
            return RWKV_ERR_IO;
        }
#else
        const ssize_t done = write(a->fd, p, chunk);
        if (done < 0 && errno == EINTR) continue;
        if (done <= 0) {
            rwkv__fail(err, RWKV_ERR_IO, "%s: write failed: %s", a->tmp,
                       done < 0 ? strerror(errno) : "nothing written");
            rwkv__atomic_abort(a);
            return RWKV_ERR_IO;
        }
#endif
        p += done;
        n -= (size_t)done;
    }
    return RWKV_OK;
}

/* Appends n bytes (through the buffer: whole chunks at chunk-aligned offsets). */
static rwkv_status rwkv__atomic_write(rwkv__atomic *a, const void *data, size_t n,
                                      rwkv_error *err)
{
    const unsigned char *p = (const unsigned char *)data;
    if (!a->buf) return rwkv__atomic_put(a, p, n, err);
    while (n > 0) {
        size_t k;
        if (a->used == 0 && n >= RWKV__WRITE_CHUNK) { /* whole chunks need no copy */
            k = n - n % RWKV__WRITE_CHUNK;
            if (rwkv__atomic_put(a, p, k, err) != RWKV_OK) return RWKV_ERR_IO;
        } else {
            k = RWKV__WRITE_CHUNK - a->used < n ? RWKV__WRITE_CHUNK - a->used : n;
            memcpy(a->buf + a->used, p, k);
            if ((a->used += k) == RWKV__WRITE_CHUNK) {
                a->used = 0;
                if (rwkv__atomic_put(a, a->buf, RWKV__WRITE_CHUNK, err) != RWKV_OK)
                    return RWKV_ERR_IO;
            }
        }
        p += k;
        n -= k;
    }
    return RWKV_OK;
}

static rwkv_status rwkv__atomic_commit(rwkv__atomic *a, rwkv_error *err)
{
    if (a->buf) {
        const size_t n = a->used;
        a->used = 0;
        if (n && rwkv__atomic_put(a, a->buf, n, err) != RWKV_OK) return RWKV_ERR_IO;
        free(a->buf);
        a->buf = NULL;
    }
#if defined(_WIN32)
    if (!FlushFileBuffers(a->h)) {
        rwkv__fail(err, RWKV_ERR_IO, "%s: cannot flush to disk (Windows error %lu)", a->tmp,
                   (unsigned long)GetLastError());
        rwkv__atomic_abort(a);
        return RWKV_ERR_IO;
    }
    CloseHandle(a->h);
    a->h = INVALID_HANDLE_VALUE;
    /* rename() does not replace an existing file on Windows */
    if (!MoveFileExA(a->tmp, a->path, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        rwkv__fail(err, RWKV_ERR_IO, "%s: cannot rename to %s (Windows error %lu)", a->tmp,
                   a->path, (unsigned long)GetLastError());
        rwkv__atomic_abort(a);
        return RWKV_ERR_IO;
    }
    return RWKV_OK;
#else
    char dir[1100];
    const char *slash = strrchr(a->path, '/');
    int fd = a->fd, dfd;
    a->fd = -1;
    if (fsync(fd) != 0) {
        rwkv__fail(err, RWKV_ERR_IO, "%s: cannot flush to disk: %s", a->tmp, strerror(errno));
        close(fd);
        unlink(a->tmp);
        return RWKV_ERR_IO;
    }
    if (close(fd) != 0) {
        rwkv__fail(err, RWKV_ERR_IO, "%s: write failed: %s", a->tmp, strerror(errno));
        unlink(a->tmp);
        return RWKV_ERR_IO;
    }
    if (rename(a->tmp, a->path) != 0) {
        rwkv__fail(err, RWKV_ERR_IO, "%s: cannot rename to %s: %s", a->tmp, a->path,
                   strerror(errno));
        unlink(a->tmp);
        return RWKV_ERR_IO;
    }
    /* the rename itself reaches the disk with the directory (best effort: some file systems
       cannot sync a directory) */
    if (!slash) strcpy(dir, ".");
    else if (slash == a->path) strcpy(dir, "/");
    else snprintf(dir, sizeof dir, "%.*s", (int)(slash - a->path), a->path);
    dfd = open(dir, O_RDONLY);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    return RWKV_OK;
#endif
}

/* ---- serialization ------------------------------------------------------------------- */
/* "RWKVSTAT", then uint32 LE: format 2, version, minor, n_layer, n_embd, head_size, then
   uint64 LE float count, uint64 LE the model's fingerprint, then the floats (IEEE-754
   binary32, little-endian). Format 1 (rwkv.c before the fingerprint) had a 40-byte header
   without it; it is refused with a message. */

#define RWKV__STATE_HEADER 48
#define RWKV__STATE_FORMAT 2

size_t rwkv_state_serialized_size(const rwkv_model *m)
{
    if (!m) return 0;
    return RWKV__STATE_HEADER + 4 * rwkv__layer_state_floats(&m->info) * (size_t)m->info.n_layer;
}

/* Serialized float i is in memory at this index: the same, except that v7's S is stored
   [key][value] in memory and [value][key] (the official layout) in a serialized state. */
static size_t rwkv__state_index(const rwkv_state *st, size_t i)
{
    const rwkv_model_info *I = &st->model->info;
    const size_t N = (size_t)I->head_size, off = 2 * (size_t)I->n_embd;
    size_t l, in_layer, h, a, b;
    if (I->version != 7) return i;
    l = i / st->layer_stride;
    in_layer = i % st->layer_stride;
    if (in_layer < off) return i;
    in_layer -= off;
    h = in_layer / (N * N);
    a = in_layer / N % N;
    b = in_layer % N;
    return l * st->layer_stride + off + (h * N + b) * N + a;
}

static void rwkv__state_header(const rwkv_model *m, uint64_t n_floats, unsigned char *h)
{
    memcpy(h, "RWKVSTAT", 8);
    rwkv__put_le(h + 8, RWKV__STATE_FORMAT, 4);
    rwkv__put_le(h + 12, (uint64_t)m->info.version, 4);
    rwkv__put_le(h + 16, (uint64_t)m->info.version_minor, 4);
    rwkv__put_le(h + 20, (uint64_t)m->info.n_layer, 4);
    rwkv__put_le(h + 24, (uint64_t)m->info.n_embd, 4);
    rwkv__put_le(h + 28, (uint64_t)m->info.head_size, 4);
    rwkv__put_le(h + 32, n_floats, 8);
    rwkv__put_le(h + 40, m->fingerprint, 8);
}

rwkv_status rwkv_state_save(const rwkv_state *st, void *buf, size_t cap, rwkv_error *err)
{
    unsigned char *p = (unsigned char *)buf;
    size_t need, i;
    if (!st || !buf) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_state_save: NULL argument");
    need = rwkv_state_serialized_size(st->model);
    if (cap < need)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_state_save: buffer of %lu bytes, need "
                          "%lu", (unsigned long)cap, (unsigned long)need);
    rwkv__state_header(st->model, st->n_floats, p);
    for (i = 0; i < st->n_floats; i++) {
        uint32_t b;
        memcpy(&b, &st->data[rwkv__state_index(st, i)], 4);
        rwkv__put_le(p + RWKV__STATE_HEADER + 4 * i, b, 4);
    }
    return RWKV_OK;
}

/* Checks a serialized state against st's model: everything rwkv_state_load_flags refuses. */
static rwkv_status rwkv__state_check(const rwkv_state *st, const unsigned char *p, size_t len,
                                     unsigned flags, rwkv_error *err)
{
    const rwkv_model *m = st->model;
    unsigned char want[RWKV__STATE_HEADER];
    size_t i;
    uint32_t format;
    if (len < 12 || memcmp(p, "RWKVSTAT", 8) != 0)
        return rwkv__fail(err, RWKV_ERR_STATE, "not an rwkv.c state (bad magic)");
    format = (uint32_t)rwkv__le(p + 8, 4);
    if (format == 1)
        return rwkv__fail(err, RWKV_ERR_STATE, "state format 1 (saved by an older rwkv.c, "
                          "without the model's fingerprint) is no longer read: compute the "
                          "state again and save it");
    if (format != RWKV__STATE_FORMAT)
        return rwkv__fail(err, RWKV_ERR_STATE, "state format version %u is not supported "
                          "(this build reads %d)", (unsigned)format, RWKV__STATE_FORMAT);
    if (len < RWKV__STATE_HEADER)
        return rwkv__fail(err, RWKV_ERR_STATE, "the state has %lu bytes, less than its "
                          "%d-byte header", (unsigned long)len, RWKV__STATE_HEADER);
    rwkv__state_header(m, st->n_floats, want);
    if (memcmp(p, want, 40) != 0)
        return rwkv__fail(err, RWKV_ERR_STATE,
                          "the state was saved from a different model (v%u.%u, %u layers, "
                          "n_embd %u, head size %u; this model is v%d.%d, %d layers, n_embd "
                          "%d, head size %d)",
                          (unsigned)rwkv__le(p + 12, 4), (unsigned)rwkv__le(p + 16, 4),
                          (unsigned)rwkv__le(p + 20, 4), (unsigned)rwkv__le(p + 24, 4),
                          (unsigned)rwkv__le(p + 28, 4), m->info.version,
                          m->info.version_minor, m->info.n_layer, m->info.n_embd,
                          m->info.head_size);
    if (len != rwkv_state_serialized_size(m))
        return rwkv__fail(err, RWKV_ERR_STATE, "the state has %lu bytes; this model's states "
                          "have %lu", (unsigned long)len,
                          (unsigned long)rwkv_state_serialized_size(m));
    if (memcmp(p + 40, want + 40, 8) != 0 && !(flags & RWKV_STATE_LOAD_FORCE))
        return rwkv__fail(err, RWKV_ERR_STATE, "the state was saved from another model of the "
                          "same shape (fingerprint %016llx; this model's is %016llx): load it "
                          "with RWKV_STATE_LOAD_FORCE (rwkv: --force) if that is intended",
                          (unsigned long long)rwkv__le(p + 40, 8),
                          (unsigned long long)m->fingerprint);
    for (i = 0; i < st->n_floats; i++) {
        const uint64_t b = rwkv__le(p + RWKV__STATE_HEADER + 4 * i, 4);
        if ((b & 0x7f800000u) == 0x7f800000u)
            return rwkv__fail(err, RWKV_ERR_STATE, "state float %lu (layer %lu, byte offset "
                              "%lu) is %s", (unsigned long)i,
                              (unsigned long)(i / st->layer_stride),
                              (unsigned long)(RWKV__STATE_HEADER + 4 * i),
                              (b & 0x7fffffu) ? "NaN" : "infinite");
    }
    return RWKV_OK;
}

rwkv_status rwkv_state_load_flags(rwkv_state *st, const void *buf, size_t len, unsigned flags,
                                  rwkv_error *err)
{
    const unsigned char *p = (const unsigned char *)buf;
    size_t i;
    rwkv_status s;
    if (!st || !buf) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_state_load: NULL argument");
    s = rwkv__state_check(st, p, len, flags, err);
    if (s) return s;
    for (i = 0; i < st->n_floats; i++) {
        uint32_t b = (uint32_t)rwkv__le(p + RWKV__STATE_HEADER + 4 * i, 4);
        memcpy(&st->data[rwkv__state_index(st, i)], &b, 4);
    }
    return RWKV_OK;
}

rwkv_status rwkv_state_load(rwkv_state *st, const void *buf, size_t len, rwkv_error *err)
{
    return rwkv_state_load_flags(st, buf, len, 0, err);
}

rwkv_status rwkv_state_save_file(const rwkv_state *st, const char *path, rwkv_error *err)
{
    size_t n;
    unsigned char *buf;
    rwkv__atomic a;
    rwkv_status s;
    if (!st || !path)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_state_save_file: NULL argument");
    if (rwkv_model_is_file(st->model, path))
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "%s: is the model file itself; a state "
                          "saved there would replace the model: give another path", path);
    if ((s = rwkv__refuse_foreign(path, "RWKVSTAT", "an rwkv.c state file", err)) != RWKV_OK)
        return s;
    n = rwkv_state_serialized_size(st->model);
    buf = (unsigned char *)malloc(n);
    if (!buf) return rwkv__fail(err, RWKV_ERR_MEMORY, "out of memory");
    rwkv_state_save(st, buf, n, NULL);
    s = rwkv__atomic_open(&a, path, err);
    if (!s) s = rwkv__atomic_write(&a, buf, n, err);
    if (!s) s = rwkv__atomic_commit(&a, err);
    free(buf);
    return s;
}

rwkv_status rwkv_state_load_file_flags(rwkv_state *st, const char *path, unsigned flags,
                                       rwkv_error *err)
{
    size_t n, got;
    unsigned char *buf;
    FILE *f;
    rwkv_status s;
    if (!st || !path)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_state_load_file: NULL argument");
    n = rwkv_state_serialized_size(st->model);
    f = fopen(path, "rb");
    if (!f) return rwkv__fail(err, RWKV_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    buf = (unsigned char *)malloc(n + 1);
    if (!buf) { fclose(f); return rwkv__fail(err, RWKV_ERR_MEMORY, "out of memory"); }
    got = fread(buf, 1, n + 1, f); /* one byte more than expected detects a longer file */
    fclose(f);
    s = rwkv_state_load_flags(st, buf, got, flags, err);
    if (s && err) {
        char msg[sizeof err->message];
        snprintf(msg, sizeof msg, "%.200s: %.300s", path, err->message);
        memcpy(err->message, msg, sizeof msg);
    }
    free(buf);
    return s;
}

rwkv_status rwkv_state_load_file(rwkv_state *st, const char *path, rwkv_error *err)
{
    return rwkv_state_load_file_flags(st, path, 0, err);
}


/* ==== IMPL: quantization =============================================================== */

/* The presets: the type of the matrices, of the head, and of att.value / ffn.value in the
   layers llama.cpp's use_more_bits picks (-1: as the matrices); ftype: general.file_type. */
typedef struct rwkv__preset {
    const char *name;
    int type, head, more_bits, ftype;
} rwkv__preset;

static const rwkv__preset rwkv__presets[] = {
    {"q8_0", RWKV_TYPE_Q8_0, RWKV_TYPE_Q8_0, -1, 7},
    {"q6_k", RWKV_TYPE_Q6_K, RWKV_TYPE_Q6_K, -1, 18},
    {"q5_k_m", RWKV_TYPE_Q5_K, RWKV_TYPE_Q6_K, RWKV_TYPE_Q6_K, 17},
    {"q5_k", RWKV_TYPE_Q5_K, RWKV_TYPE_Q6_K, -1, 16},
    {"q5_1", RWKV_TYPE_Q5_1, RWKV_TYPE_Q6_K, -1, 9},
    {"q5_0", RWKV_TYPE_Q5_0, RWKV_TYPE_Q6_K, -1, 8},
    {"q4_k_m", RWKV_TYPE_Q4_K, RWKV_TYPE_Q6_K, RWKV_TYPE_Q6_K, 15},
    {"q4_k", RWKV_TYPE_Q4_K, RWKV_TYPE_Q6_K, -1, 14},
    {"q4_1", RWKV_TYPE_Q4_1, RWKV_TYPE_Q6_K, -1, 3},
    {"q4_0", RWKV_TYPE_Q4_0, RWKV_TYPE_Q6_K, -1, 2},
    {"f16", RWKV_TYPE_F16, RWKV_TYPE_F16, -1, 1},
    {"bf16", RWKV_TYPE_BF16, RWKV_TYPE_BF16, -1, 32},
    {"f32", RWKV_TYPE_F32, RWKV_TYPE_F32, -1, 0}
};

void rwkv_quantize_params_default(rwkv_quantize_params *p)
{
    if (!p) return;
    memset(p, 0, sizeof *p);
    p->preset = "q8_0";
    p->n_threads = 1;
}

static const rwkv__preset *rwkv__find_preset(const char *name)
{
    size_t i, j;
    for (i = 0; name && i < sizeof rwkv__presets / sizeof rwkv__presets[0]; i++) {
        const char *p = rwkv__presets[i].name;
        for (j = 0; p[j] && (name[j] == p[j] || name[j] == p[j] - 'a' + 'A'); j++) {}
        if (!p[j] && !name[j]) return &rwkv__presets[i];
    }
    return NULL;
}

/* llama.cpp's use_more_bits(i_layer, n_layers): the first and last eighth of the layers and
   every third one between. */
static int rwkv__more_bits(int l, int n)
{
    return l < n / 8 || l >= 7 * n / 8 || (l - n / 8) % 3 == 2;
}

/* A type whose blocks fit rows of `cols` values (llama.cpp's fallbacks), or `keep`. */
static int rwkv__fitting_type(int type, int64_t cols, int keep)
{
    if (!rwkv__qblock(type) || cols % rwkv__qblock(type) == 0) return type;
    if (cols % 32 != 0) return keep;
    switch (type) {
    case RWKV_TYPE_Q4_K: return RWKV_TYPE_Q5_0;
    case RWKV_TYPE_Q5_K: return RWKV_TYPE_Q5_1;
    }
    return RWKV_TYPE_Q8_0;
}

/* want[i] = the type the preset asks for tensor i (its own type when it is copied). */
static void rwkv__quant_plan(const rwkv_model *m, const rwkv__preset *p, int *want)
{
    const rwkv__tensor *base = m->gguf.tensors;
    uint64_t i;
    int l;
    for (i = 0; i < m->gguf.n_tensors; i++) want[i] = base[i].type;
    want[m->emb - base] = p->type;
    for (l = 0; l < m->info.n_layer; l++) {
        const rwkv__layer *L = &m->layers[l];
        const rwkv__tensor *mats[8];
        int k;
        mats[0] = L->att_r; mats[1] = L->att_k; mats[2] = L->att_v; mats[3] = L->att_o;
        mats[4] = L->att_g; mats[5] = L->ffn_k; mats[6] = L->ffn_v; mats[7] = L->ffn_r;
        for (k = 0; k < 8; k++) {
            const int more = (k == 2 || k == 6) && p->more_bits >= 0 &&
                             rwkv__more_bits(l, m->info.n_layer);
            if (mats[k]) want[mats[k] - base] = more ? p->more_bits : p->type;
        }
        /* v7a's DeepEmbed tables: s_emb, one row per token like the embedding (most of a
           rwkv7a file's bytes), and s_emb_x, a matrix like the projections */
        if (L->s_emb) {
            want[L->s_emb - base] = p->type;
            want[L->s_emb_x - base] = p->type;
        }
        /* the float presets convert the LoRAs too (rwkv.lora_layout = 1: matrices in the
           file's type; older files' are F32 already); the quantized ones copy them */
        if (m->lora_layout && (p->type == RWKV_TYPE_F32 || p->type == RWKV_TYPE_F16 ||
                               p->type == RWKV_TYPE_BF16)) {
            const void *lora[14];
            lora[0] = L->maa_w1.data; lora[1] = L->maa_w2[0].data;
            lora[2] = L->decay_w1.data; lora[3] = L->decay_w2.data;
            lora[4] = L->w1.data; lora[5] = L->w2.data; lora[6] = L->a1.data;
            lora[7] = L->a2.data; lora[8] = L->g1.data; lora[9] = L->g2.data;
            lora[10] = L->v1.data; lora[11] = L->v2.data;
            lora[12] = L->s1.data; lora[13] = L->s2.data;
            for (i = 0; i < m->gguf.n_tensors; i++)
                for (k = 0; k < 14; k++)
                    if (lora[k] && base[i].data == lora[k]) want[i] = p->type;
        }
    }
    want[m->head - base] = p->head;
}

/* Rows [r0, r1) of t, converted to `type` into out (the tensor's whole output). */
static void rwkv__convert_rows(const rwkv__tensor *t, int type, unsigned char *out, float *row,
                               int64_t r0, int64_t r1, int method)
{
    const int64_t cols = t->ne[0];
    const uint64_t ob = rwkv__row_bytes(type, (uint64_t)cols);
    int64_t r, c;
    for (r = r0; r < r1; r++) {
        unsigned char *o = out + (uint64_t)r * ob;
        rwkv__get_row(row, t, r);
        if (type == RWKV_TYPE_F32) {
            memcpy(o, row, sizeof(float) * (size_t)cols);
        } else if (type == RWKV_TYPE_F16) {
            for (c = 0; c < cols; c++) rwkv__put_le(o + 2 * c, rwkv__f32_to_f16(row[c]), 2);
        } else if (type == RWKV_TYPE_BF16) {
            for (c = 0; c < cols; c++) rwkv__put_le(o + 2 * c, rwkv__f32_to_bf16(row[c]), 2);
        } else {
            rwkv__quant_row(type, row, o, cols, method);
        }
    }
}

/* Rows a tensor is converted in between two looks at rwkv_quantize_params.cancel: a 65536 x
   2048 head takes 32 pieces. */
#define RWKV__QUANT_CHUNK 2048

/* The data of tensor t as `type` into out (each piece's rows split between threads). */
static rwkv_status rwkv__convert_tensor(const rwkv__tensor *t, int type, unsigned char *out,
                                        const rwkv_quantize_params *params, int method,
                                        rwkv_error *err)
{
    const int64_t rows = t->ne[1] * t->ne[2] * t->ne[3], cols = t->ne[0];
    int nth = params->n_threads < 1 ? 1 : params->n_threads;
    int64_t r0;
    float *rowbuf;
    if (nth > rows) nth = (int)rows;
    rowbuf = (float *)malloc(sizeof(float) * (size_t)cols * (size_t)nth);
    if (!rowbuf)
        return rwkv__fail(err, RWKV_ERR_MEMORY, "out of memory converting tensor '%.*s'",
                          (int)t->name.len, t->name.p);
    for (r0 = 0; r0 < rows; r0 += RWKV__QUANT_CHUNK) {
        const int64_t r1 = rows - r0 < RWKV__QUANT_CHUNK ? rows : r0 + RWKV__QUANT_CHUNK;
        if (params->cancel && params->cancel(params->user)) {
            free(rowbuf);
            return rwkv__fail(err, RWKV_ERR_CANCELLED, "cancelled in tensor '%.*s'",
                              (int)t->name.len, t->name.p);
        }
#ifdef _OPENMP
#pragma omp parallel num_threads(nth) if (nth > 1)
        {
            const int id = omp_get_thread_num(), n = omp_get_num_threads();
            rwkv__convert_rows(t, type, out, rowbuf + (size_t)cols * (size_t)id,
                               r0 + (r1 - r0) * id / n, r0 + (r1 - r0) * (id + 1) / n, method);
        }
#else
        rwkv__convert_rows(t, type, out, rowbuf, r0, r1, method);
#endif
    }
    free(rowbuf);
    return RWKV_OK;
}

/* The output file, the bytes written to it (the data offsets and the padding need it;
   ftell's long is 32 bits on some systems) and the first error (later writes are skipped). */
typedef struct rwkv__writer {
    rwkv__atomic *out;
    uint64_t pos;
    rwkv_status status;
    rwkv_error *err;
} rwkv__writer;

static void rwkv__w_bytes(rwkv__writer *w, const void *p, uint64_t n)
{
    if (w->status == RWKV_OK) w->status = rwkv__atomic_write(w->out, p, (size_t)n, w->err);
    w->pos += n;
}

static void rwkv__w_le(rwkv__writer *w, uint64_t v, int n)
{
    unsigned char b[8];
    rwkv__put_le(b, v, n);
    rwkv__w_bytes(w, b, (uint64_t)n);
}

static void rwkv__w_str(rwkv__writer *w, const char *p, size_t len)
{
    rwkv__w_le(w, len, 8);
    rwkv__w_bytes(w, p, len);
}

static void rwkv__w_pad(rwkv__writer *w, uint64_t alignment)
{
    static const unsigned char zeros[64] = {0};
    while (w->pos % alignment)
        rwkv__w_bytes(w, zeros, RWKV__QMIN(64, alignment - w->pos % alignment));
}

/* Header, metadata (the input's, less the two keys written last) and tensor infos, up to
   the aligned start of the data. 0 if a metadata value cannot be re-read (never: the loader
   read it). */
static int rwkv__w_head(rwkv__writer *f, const rwkv_model *m, const rwkv__preset *p,
                        const int *type, rwkv_error *err)
{
    const rwkv__gguf *g = &m->gguf;
    const long skip1 = rwkv__find(g->kv, g->n_kv, sizeof *g->kv, "general.file_type");
    const long skip2 = rwkv__find(g->kv, g->n_kv, sizeof *g->kv, "rwkv.quantization");
    uint64_t i, off = 0;
    rwkv__w_bytes(f, "GGUF", 4);
    rwkv__w_le(f, 3, 4);
    rwkv__w_le(f, g->n_tensors, 8);
    rwkv__w_le(f, g->n_kv + 2 - (skip1 >= 0) - (skip2 >= 0), 8);
    for (i = 0; i < g->n_kv; i++) {
        const rwkv__kv *kv = &g->kv[i];
        rwkv__reader r;
        if ((long)i == skip1 || (long)i == skip2) continue;
        r.p = g->map; r.size = g->size; r.pos = kv->offset; r.path = g->path; r.err = err;
        if (rwkv__skip_value(&r, kv->type, 0, "") != RWKV_OK) return 0; /* read before */
        rwkv__w_str(f, kv->key.p, kv->key.len);
        rwkv__w_le(f, kv->type, 4);
        rwkv__w_bytes(f, kv->value, r.pos - kv->offset);
    }
    rwkv__w_str(f, "general.file_type", 17);
    rwkv__w_le(f, RWKV__GGUF_U32, 4);
    rwkv__w_le(f, (uint64_t)p->ftype, 4);
    rwkv__w_str(f, "rwkv.quantization", 17);
    rwkv__w_le(f, RWKV__GGUF_STRING, 4);
    rwkv__w_str(f, p->name, strlen(p->name));
    for (i = 0; i < g->n_tensors; i++) {
        const rwkv__tensor *t = &g->tensors[i];
        rwkv__tensor o = *t;
        int d;
        o.type = type[i];
        rwkv__w_str(f, t->name.p, t->name.len);
        rwkv__w_le(f, (uint64_t)t->n_dims, 4);
        for (d = 0; d < t->n_dims; d++) rwkv__w_le(f, (uint64_t)t->ne[d], 8);
        rwkv__w_le(f, (uint64_t)type[i], 4);
        rwkv__w_le(f, off, 8);
        off = (off + rwkv__tensor_bytes(&o) + g->alignment - 1) / g->alignment * g->alignment;
    }
    rwkv__w_pad(f, g->alignment);
    return 1;
}

/* Writes the converted model to `out`. */
static rwkv_status rwkv__w_model(rwkv__atomic *out, const rwkv_model *m,
                                 const rwkv__preset *p, const int *want, const int *type,
                                 const rwkv_quantize_params *params, rwkv_error *err)
{
    const rwkv__gguf *g = &m->gguf;
    rwkv__writer w, *f = &w;
    uint64_t i;
    w.out = out;
    w.pos = 0;
    w.status = RWKV_OK;
    w.err = err;
    if (!rwkv__w_head(f, m, p, type, err)) return err ? err->code : RWKV_ERR_FORMAT;
    for (i = 0; i < g->n_tensors; i++) {
        const rwkv__tensor *t = &g->tensors[i];
        rwkv__tensor o = *t;
        rwkv_status s;
        char name[RWKV__MAX_NAME + 1];
        o.type = type[i];
        if (params->cancel && params->cancel(params->user))
            return rwkv__fail(err, RWKV_ERR_CANCELLED, "cancelled before tensor '%.*s'",
                              (int)t->name.len, t->name.p);
        if (type[i] == t->type) {
            rwkv__w_bytes(f, t->data, rwkv__tensor_bytes(t));
        } else {
            unsigned char *out = (unsigned char *)malloc((size_t)rwkv__tensor_bytes(&o));
            if (!out)
                return rwkv__fail(err, RWKV_ERR_MEMORY, "out of memory for tensor '%.*s'",
                                  (int)t->name.len, t->name.p);
            s = rwkv__convert_tensor(t, type[i], out, params,
                                     params->reference ? RWKV__QUANT_REF : RWKV__QUANT_SEARCH,
                                     err);
            if (!s) rwkv__w_bytes(f, out, rwkv__tensor_bytes(&o));
            free(out);
            if (s) return s;
        }
        rwkv__w_pad(f, g->alignment);
        if (w.status != RWKV_OK) return w.status;
        snprintf(name, sizeof name, "%.*s", (int)t->name.len, t->name.p);
        if (params->progress)
            params->progress(params->user, i + 1, g->n_tensors, name, want[i], type[i]);
    }
    return RWKV_OK;
}

rwkv_status rwkv_model_quantize(const char *in_path, const char *out_path,
                                const rwkv_quantize_params *params, rwkv_error *err)
{
    const rwkv__preset *p;
    rwkv_model *m = NULL;
    int *want = NULL, *type;
    rwkv__atomic out;
    uint64_t i;
    rwkv_status s;
    if (!in_path || !out_path || !params)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_model_quantize: NULL argument");
    if (!(p = rwkv__find_preset(params->preset)))
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "unknown quantization type '%s' (known: q8_0, "
                          "q6_k, q5_k_m, q5_k, q5_1, q5_0, q4_k_m, q4_k, q4_1, q4_0, f16, bf16, "
                          "f32)",
                          params->preset ? params->preset : "(null)");
    if ((s = rwkv_model_open(in_path, &m, err)) != RWKV_OK) return s;
    if (rwkv_model_is_file(m, out_path)) {
        s = rwkv__fail(err, RWKV_ERR_ARGUMENT, "%s: is the input model itself; writing it would "
                       "replace the original: give another output path", out_path);
        goto done;
    }
    want = (int *)malloc(sizeof(int) * 2 * (size_t)(m->gguf.n_tensors + 1));
    if (!want) {
        s = rwkv__fail(err, RWKV_ERR_MEMORY, "out of memory");
        goto done;
    }
    type = want + m->gguf.n_tensors;
    rwkv__quant_plan(m, p, want);
    for (i = 0; i < m->gguf.n_tensors; i++) {
        const rwkv__tensor *t = &m->gguf.tensors[i];
        if (rwkv__qblock(t->type) && p->type != RWKV_TYPE_F32) {
            s = rwkv__fail(err, RWKV_ERR_ARGUMENT, "%s: tensor '%.*s' is already quantized "
                           "(%s); quantize from an F32/F16/BF16 model (or write f32)", in_path,
                           (int)t->name.len, t->name.p, rwkv__type_name((uint32_t)t->type));
            goto done;
        }
        type[i] = rwkv__fitting_type(want[i], t->ne[0], t->type);
    }
    if ((s = rwkv__refuse_foreign(out_path, "GGUF", "a GGUF file", err)) != RWKV_OK) goto done;
    if ((s = rwkv__atomic_open(&out, out_path, err)) != RWKV_OK) goto done;
    s = rwkv__w_model(&out, m, p, want, type, params, err);
    if (s == RWKV_OK) s = rwkv__atomic_commit(&out, err);
    else rwkv__atomic_abort(&out);
done:
    free(want);
    rwkv_model_close(m);
    return s;
}

/* ==== IMPL: sampler ==================================================================== */

/* Probabilities are bucketed by the top bits of their float encoding (sign 0, 8 exponent
   bits, 3 mantissa bits): positive floats order like their bits, so bucket order is value
   order and each bucket spans a factor of 2^(1/8). Walking buckets from the top finds the
   top-p / top-k boundary in O(n_vocab); only the boundary bucket is sorted. Values are in
   (0, 1], so keys stay below 0x3f8 + 1. */
#define RWKV__SAMPLER_BUCKETS 1024

typedef struct rwkv__cand {
    float e;
    int id;
} rwkv__cand;

struct rwkv_sampler {
    rwkv_sampler_params p;
    int n_vocab;
    uint64_t rng[4];
    unsigned char *banned;  /* n_vocab */
    float *bias;            /* n_vocab: added to the logits first; NULL until a bias is set */
    unsigned char *present; /* n_vocab: accepted at least once since the last reset */
    float *count;           /* n_vocab: ChatRWKV's `occurrence` */
    float *weight;          /* n_vocab: added to the count per accepted token */
    unsigned char *space_digit; /* n_vocab: the token's text is spaces/tabs/digits only */
    int *seen;              /* ids with present = 1, n_seen of them (decay touches only these) */
    int n_seen;
    float *work;            /* n_vocab: penalised logits, then exp(l - max) */
    int *kept;              /* n_vocab: ids of the tokens left to draw from, n_kept of them */
    double *w;              /* n_vocab: their draw weights p^(1/T) (w[j] for kept[j]) */
    int n_kept;
    rwkv__cand *cand;       /* n_vocab: the boundary bucket */
    uint32_t hist_count[RWKV__SAMPLER_BUCKETS];
    double hist_mass[RWKV__SAMPLER_BUCKETS];
};

static uint64_t rwkv__splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t rwkv__rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/* xoshiro256** (Blackman & Vigna). */
static uint64_t rwkv__xoshiro_next(uint64_t *s)
{
    const uint64_t result = rwkv__rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rwkv__rotl(s[3], 45);
    return result;
}

void rwkv_sampler_set_seed(rwkv_sampler *s, uint64_t seed)
{
    uint64_t x = seed;
    int i;
    for (i = 0; i < 4; i++) s->rng[i] = rwkv__splitmix64(&x);
}

double rwkv_sampler_uniform(rwkv_sampler *s)
{
    return (double)(rwkv__xoshiro_next(s->rng) >> 11) * (1.0 / 9007199254740992.0);
}

void rwkv_sampler_params_default(rwkv_sampler_params *p)
{
    p->temperature = 1.0f;
    p->top_p = 0.85f;
    p->top_k = 0;
    p->min_p = 0.0f;
    p->presence_penalty = 0.2f;
    p->frequency_penalty = 0.2f;
    p->penalty_decay = 0.996f;
    p->space_digit_rule = 1;
    p->seed = 42;
}

static int rwkv__finite(float x) { return x == x && x - x == 0.0f; }

static rwkv_status rwkv__sampler_check(const rwkv_sampler_params *p, rwkv_error *err)
{
    if (!p) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: no parameters given");
    if (!rwkv__finite(p->temperature) || p->temperature < 0.0f)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: temperature %g must be >= 0",
                          (double)p->temperature);
    if (!(p->top_p >= 0.0f && p->top_p <= 1.0f))
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: top_p %g must be in [0, 1]",
                          (double)p->top_p);
    if (p->top_k < 0)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: top_k %d must be >= 0", p->top_k);
    if (!(p->min_p >= 0.0f && p->min_p <= 1.0f))
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: min_p %g must be in [0, 1]",
                          (double)p->min_p);
    if (!rwkv__finite(p->presence_penalty) || !rwkv__finite(p->frequency_penalty))
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: penalties must be finite");
    if (!(p->penalty_decay >= 0.0f && p->penalty_decay <= 1.0f))
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: penalty_decay %g must be in [0, 1]",
                          (double)p->penalty_decay);
    return RWKV_OK;
}

void rwkv_sampler_free(rwkv_sampler *s)
{
    if (!s) return;
    free(s->banned);
    free(s->bias);
    free(s->present);
    free(s->count);
    free(s->weight);
    free(s->space_digit);
    free(s->seen);
    free(s->work);
    free(s->w);
    free(s->kept);
    free(s->cand);
    free(s);
}

rwkv_status rwkv_sampler_new(const rwkv_sampler_params *p, int n_vocab, rwkv_sampler **out,
                             rwkv_error *err)
{
    rwkv_sampler *s;
    size_t n = (size_t)n_vocab;
    int i;
    rwkv_status st;
    if (!out) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: out is NULL");
    *out = NULL;
    if ((st = rwkv__sampler_check(p, err)) != RWKV_OK) return st;
    if (n_vocab <= 0)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: n_vocab %d must be > 0", n_vocab);
    /* a 32-bit size_t: n doubles or candidates must not wrap to a short buffer */
    if (n > SIZE_MAX / sizeof(double) || n > SIZE_MAX / sizeof(rwkv__cand))
        return rwkv__fail(err, RWKV_ERR_MEMORY, "sampler: %d tokens do not fit in memory",
                          n_vocab);
    s = (rwkv_sampler *)calloc(1, sizeof *s);
    if (!s) return rwkv__fail(err, RWKV_ERR_MEMORY, "sampler: out of memory");
    s->p = *p;
    s->n_vocab = n_vocab;
    s->banned = (unsigned char *)calloc(n, 1);
    s->present = (unsigned char *)calloc(n, 1);
    s->count = (float *)calloc(n, sizeof *s->count);
    s->weight = (float *)malloc(n * sizeof *s->weight);
    s->space_digit = (unsigned char *)calloc(n, 1);
    s->seen = (int *)malloc(n * sizeof *s->seen);
    s->work = (float *)malloc(n * sizeof *s->work);
    s->w = (double *)malloc(n * sizeof *s->w);
    s->kept = (int *)malloc(n * sizeof *s->kept);
    s->cand = (rwkv__cand *)malloc(n * sizeof *s->cand);
    if (!s->banned || !s->present || !s->count || !s->weight || !s->space_digit || !s->seen ||
        !s->work || !s->w || !s->kept || !s->cand) {
        rwkv_sampler_free(s);
        return rwkv__fail(err, RWKV_ERR_MEMORY, "sampler: out of memory for %d tokens", n_vocab);
    }
    for (i = 0; i < n_vocab; i++) s->weight[i] = 1.0f;
    rwkv_sampler_set_seed(s, p->seed);
    *out = s;
    return RWKV_OK;
}

rwkv_status rwkv_sampler_set_params(rwkv_sampler *s, const rwkv_sampler_params *p,
                                    rwkv_error *err)
{
    rwkv_status st = rwkv__sampler_check(p, err);
    if (st == RWKV_OK) s->p = *p;
    return st;
}

void rwkv_sampler_get_params(const rwkv_sampler *s, rwkv_sampler_params *p) { *p = s->p; }

void rwkv_sampler_ban(rwkv_sampler *s, int token, int banned)
{
    if (token >= 0 && token < s->n_vocab) s->banned[token] = (unsigned char)(banned != 0);
}

rwkv_status rwkv_sampler_set_bias(rwkv_sampler *s, int token, float bias, rwkv_error *err)
{
    if (!s) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: NULL sampler");
    if (token < 0 || token >= s->n_vocab)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: bias for token %d, outside the "
                          "vocabulary 0..%d", token, s->n_vocab - 1);
    if (bias != bias || bias == INFINITY)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: bias %g for token %d must be a "
                          "number below +inf", (double)bias, token);
    if (!s->bias && !(s->bias = (float *)calloc((size_t)s->n_vocab, sizeof *s->bias)))
        return rwkv__fail(err, RWKV_ERR_MEMORY, "sampler: out of memory for %d biases",
                          s->n_vocab);
    s->bias[token] = bias;
    return RWKV_OK;
}

void rwkv_sampler_set_penalty_weight(rwkv_sampler *s, int token, float weight)
{
    if (token >= 0 && token < s->n_vocab) s->weight[token] = weight;
}

/* ChatRWKV (rwkv/utils.py: `if ttt in ' \t0123456789': www = 0`): the token's text is a
   substring of " \t0123456789" (a space, a tab, a digit, a run like "123"). */
void rwkv_sampler_set_tokenizer(rwkv_sampler *s, const rwkv_tokenizer *tok)
{
    static const char chars[] = " \t0123456789";
    int id, n = tok ? rwkv_tokenizer_get_n_vocab(tok) : 0;
    memset(s->space_digit, 0, (size_t)s->n_vocab);
    for (id = 0; id < s->n_vocab && id < n; id++) {
        size_t len, i;
        const char *b = rwkv_tokenizer_get_token(tok, id, &len);
        if (!b || !len || len > sizeof chars - 1) continue;
        for (i = 0; i + len <= sizeof chars - 1; i++)
            if (memcmp(chars + i, b, len) == 0) {
                s->space_digit[id] = 1;
                break;
            }
    }
}

void rwkv_sampler_reset_penalties(rwkv_sampler *s)
{
    int i;
    for (i = 0; i < s->n_seen; i++) {
        s->present[s->seen[i]] = 0;
        s->count[s->seen[i]] = 0.0f;
    }
    s->n_seen = 0;
}

void rwkv_sampler_accept(rwkv_sampler *s, int token)
{
    int i;
    float w;
    if (token < 0 || token >= s->n_vocab) return;
    w = s->p.space_digit_rule && s->space_digit[token] ? 0.0f : s->weight[token];
    for (i = 0; i < s->n_seen; i++) s->count[s->seen[i]] *= s->p.penalty_decay;
    if (!s->present[token]) {
        s->present[token] = 1;
        s->seen[s->n_seen++] = token;
        s->count[token] = w;
    } else {
        s->count[token] += w;
    }
}

float rwkv_sampler_get_count(const rwkv_sampler *s, int token, int *present)
{
    if (token < 0 || token >= s->n_vocab) {
        if (present) *present = 0;
        return 0.0f;
    }
    if (present) *present = s->present[token];
    return s->count[token];
}

static int rwkv__bucket_of(float e)
{
    uint32_t bits;
    memcpy(&bits, &e, 4);
    bits >>= 20;
    return bits < RWKV__SAMPLER_BUCKETS ? (int)bits : RWKV__SAMPLER_BUCKETS - 1;
}

/* Descending value, then ascending id. */
static int rwkv__cand_cmp(const void *a, const void *b)
{
    const rwkv__cand *x = (const rwkv__cand *)a, *y = (const rwkv__cand *)b;
    if (x->e != y->e) return x->e > y->e ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* Sorted members of bucket b; returns how many. */
static int rwkv__gather_bucket(rwkv_sampler *s, int b)
{
    int i, n = 0;
    for (i = 0; i < s->n_vocab; i++) {
        float e = s->work[i];
        if (e > 0.0f && rwkv__bucket_of(e) == b) {
            s->cand[n].e = e;
            s->cand[n].id = i;
            n++;
        }
    }
    qsort(s->cand, (size_t)n, sizeof *s->cand, rwkv__cand_cmp);
    return n;
}

rwkv_status rwkv_sampler_sample(rwkv_sampler *s, const float *logits, int *token,
                                rwkv_error *err)
{
    const int V = s->n_vocab;
    const rwkv_sampler_params *p = &s->p;
    float maxl = -INFINITY, keep_min = 0.0f, kth = 0.0f;
    int i, b, best = -1, ties_keep = 0, ties_used = 0, n_kept = 0;
    const int use_top_k = p->top_k > 0 && p->top_k < V, use_hist = use_top_k || p->top_p < 1.0f;
    int cut_top_k = use_top_k;
    double total = 0.0, sum_w = 0.0, u, acc;

    if (!token || !logits) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: NULL argument");
    *token = -1;

    /* 1-2: bans, biases and penalties on a copy */
    for (i = 0; i < V; i++) {
        float l = logits[i];
        if (l != l || l == INFINITY)
            return rwkv__fail(err, RWKV_ERR_ARGUMENT, "sampler: logit of token %d is %s", i,
                              l != l ? "NaN" : "+inf");
        s->work[i] = s->banned[i] ? -INFINITY : l;
    }
    if (s->bias)
        for (i = 0; i < V; i++) s->work[i] += s->bias[i];
    for (i = 0; i < s->n_seen; i++) {
        int t = s->seen[i];
        s->work[t] -= p->presence_penalty + s->count[t] * p->frequency_penalty;
    }
    for (i = 0; i < V; i++)
        if (s->work[i] > maxl) { maxl = s->work[i]; best = i; }
    if (best < 0)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT,
                          "sampler: every token of %d is banned or has zero probability", V);
    if (p->temperature == 0.0f || p->top_p == 0.0f || p->top_k == 1) {
        *token = best; /* greedy: the first maximum */
        return RWKV_OK;
    }

    /* 3: e = exp(l - max) in (0, 1]: probabilities up to the factor 1/total; the histogram
       only when a cutoff needs it */
    if (use_hist) {
        memset(s->hist_count, 0, sizeof s->hist_count);
        memset(s->hist_mass, 0, sizeof s->hist_mass);
        for (i = 0; i < V; i++) {
            float e = s->work[i] == -INFINITY ? 0.0f : expf(s->work[i] - maxl);
            s->work[i] = e;
            if (e > 0.0f) {
                b = rwkv__bucket_of(e);
                s->hist_count[b]++;
                s->hist_mass[b] += e;
                total += e;
            }
        }
    } else {
        for (i = 0; i < V; i++) s->work[i] = s->work[i] == -INFINITY ? 0.0f : expf(s->work[i] - maxl);
    }

    if (p->top_p < 1.0f) {
        /* the first token (in decreasing probability) where the cumulative mass reaches
           top_p; every token at least that probable stays */
        double target = (double)p->top_p * total, cum = 0.0;
        for (b = RWKV__SAMPLER_BUCKETS - 1; b >= 0; b--) {
            if (s->hist_count[b] && cum + s->hist_mass[b] >= target) break;
            cum += s->hist_mass[b];
        }
        if (b >= 0) {
            int n = rwkv__gather_bucket(s, b), j;
            keep_min = s->cand[n - 1].e;
            for (j = 0; j < n; j++) {
                cum += s->cand[j].e;
                if (cum >= target) { keep_min = s->cand[j].e; break; }
            }
        } /* else rounding never reached the target: keep everything */
    }
    if (p->min_p > 0.0f && p->min_p > keep_min) keep_min = p->min_p; /* max e is 1 */

    if (use_top_k) {
        uint32_t cum = 0, k = (uint32_t)p->top_k;
        for (b = RWKV__SAMPLER_BUCKETS - 1; b >= 0; b--) {
            if (s->hist_count[b] && cum + s->hist_count[b] >= k) break;
            cum += s->hist_count[b];
        }
        if (b < 0) {
            cut_top_k = 0; /* fewer than k possible tokens */
        } else {
            int n = rwkv__gather_bucket(s, b), j, greater = (int)cum;
            kth = s->cand[k - cum - 1].e;
            for (j = 0; j < n && s->cand[j].e > kth; j++) greater++;
            ties_keep = p->top_k - greater; /* of the tokens equal to kth, the lowest ids */
        }
    }

    /* 4: the kept tokens in id order, with draw weights p^(1/T) = exp((l - max) / T) / const */
    for (i = 0; i < V; i++) {
        float e = s->work[i];
        if (!(e > 0.0f && e >= keep_min)) continue;
        if (cut_top_k && (e < kth || (e == kth && ties_used++ >= ties_keep))) continue;
        s->kept[n_kept] = i;
        s->w[n_kept] = p->temperature == 1.0f ? (double)e
                                              : exp(log((double)e) / (double)p->temperature);
        sum_w += s->w[n_kept++];
    }
    s->n_kept = n_kept;
    if (n_kept == 0 || !(sum_w > 0.0)) { /* cannot happen: the maximum always stays */
        *token = best;
        return RWKV_OK;
    }
    /* 5: inverse CDF in id order: the same seed gives the same token on every machine */
    u = rwkv_sampler_uniform(s) * sum_w;
    acc = 0.0;
    for (i = 0; i < n_kept; i++) {
        acc += s->w[i];
        if (u < acc) { *token = s->kept[i]; return RWKV_OK; }
    }
    *token = s->kept[n_kept - 1]; /* u within rounding of the total */
    return RWKV_OK;
}


/* ==== IMPL: tokenizers ================================================================= */
/* The tokenizer object, the byte-level and World tokenizers, the UTF-8 stream. The first
   part (down to "end of the shared part") is also compiled into tokenizer.c, which defines
   RWKV_TOKENIZER_INTERNALS before it includes this file: its Pile BPE builds the same object
   with the same buffers and byte trie, and plugs its encoder in through rwkv__tokenizer_ext.
   tokenizer.c sees the public API and this shared part, nothing else of the implementation;
   rwkv.h calls into tokenizer.c only through rwkv_pile_load, and only with RWKV_PILE. */
#define RWKV_TOKENIZER_INTERNALS
#endif /* RWKV_IMPLEMENTATION_DONE */
#endif /* RWKV_IMPLEMENTATION */

#if defined(RWKV_TOKENIZER_INTERNALS) && !defined(RWKV__TOKENIZER_INTERNALS_DONE)
#define RWKV__TOKENIZER_INTERNALS_DONE

#include <stdlib.h>
#include <string.h>

static rwkv_status rwkv__oom(rwkv_error *err, const char *what)
{
    return rwkv_error_set(err, RWKV_ERR_MEMORY, "out of memory while %s", what);
}

/* A growable byte buffer. */
typedef struct rwkv__buf {
    char *p;
    size_t n, cap;
} rwkv__buf;

static int rwkv__buf_reserve(rwkv__buf *b, size_t extra)
{
    if (b->n + extra > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;
        while (cap < b->n + extra) cap *= 2;
        p = (char *)realloc(b->p, cap);
        if (!p) return 0;
        b->p = p;
        b->cap = cap;
    }
    return 1;
}

static int rwkv__buf_add(rwkv__buf *b, const void *data, size_t n)
{
    if (!rwkv__buf_reserve(b, n)) return 0;
    if (n) memcpy(b->p + b->n, data, n);
    b->n += n;
    return 1;
}

/* A growable int array. */
typedef struct rwkv__ivec {
    int *p;
    size_t n, cap;
} rwkv__ivec;

static int rwkv__ivec_push(rwkv__ivec *v, int x)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 256;
        int *p = (int *)realloc(v->p, cap * sizeof(int));
        if (!p) return 0;
        v->p = p;
        v->cap = cap;
    }
    v->p[v->n++] = x;
    return 1;
}

static size_t rwkv__pow2_at_least(size_t n)
{
    size_t p = 16;
    while (p < n) p *= 2;
    return p;
}

static int rwkv__hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* ---- UTF-8 ------------------------------------------------------------------------------ */

/* UTF-8 encode one code point (cp <= 0x10FFFF); returns the byte count. */
static int rwkv__utf8_put(unsigned char *out, uint32_t cp)
{
    if (cp < 0x80) { out[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Length of the sequence a lead byte starts (0: cannot start one), and the allowed range of
   the second byte (which excludes overlongs, surrogates and > U+10FFFF, as Rust's
   from_utf8 does). */
static int rwkv__utf8_lead(unsigned c, unsigned *lo, unsigned *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) {
        if (c == 0xE0) *lo = 0xA0;
        if (c == 0xED) *hi = 0x9F;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (c == 0xF0) *lo = 0x90;
        if (c == 0xF4) *hi = 0x8F;
        return 4;
    }
    return 0;
}

/* Decodes one UTF-8 sequence at s[0..n) (n >= 1). Returns its length and the code point, or
   length 1 and *cp = -1 - byte for a byte that does not start a valid sequence. */
static int rwkv__utf8_get(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned lo, hi;
    int need = rwkv__utf8_lead(s[0], &lo, &hi), k;
    if (need == 1) { *cp = (int32_t)s[0]; return 1; }
    if (need > 1 && n >= (size_t)need && s[1] >= lo && s[1] <= hi) {
        uint32_t v = s[0] & (0x7Fu >> need);
        for (k = 1; k < need && (s[k] & 0xC0) == 0x80; k++) v = v << 6 | (s[k] & 0x3Fu);
        if (k == need) { *cp = (int32_t)v; return need; }
    }
    *cp = -1 - (int32_t)s[0];
    return 1;
}

/* ---- byte trie (World vocabulary; Pile added tokens) ------------------------------------ */
/* Nodes are numbered from 1 (0 = none). The root's children are a 256-entry table; every
   other edge lives in one open-addressing hash table keyed by (parent, byte): one probe per
   byte on the hot path, and the table stays small (World: 116k edges, 2 MB). */

typedef struct rwkv__trie {
    uint32_t root[256];
    uint32_t *root2;     /* optional: node after the first two bytes (b0 << 8 | b1), 0 none */
    uint64_t *edges;     /* (key + 1) << 32 | child, key = parent << 8 | byte; 0 = empty */
    size_t mask;         /* table size - 1 */
    size_t n_edges;
    int32_t *token;      /* token id ending at node, -1 none; index = node */
    size_t n_nodes, cap_nodes; /* node ids 1 .. n_nodes */
} rwkv__trie;

static void rwkv__trie_free(rwkv__trie *t)
{
    free(t->root2);
    free(t->edges);
    free(t->token);
    memset(t, 0, sizeof *t);
}

static int rwkv__trie_init(rwkv__trie *t, size_t expected_nodes)
{
    size_t slots = rwkv__pow2_at_least(expected_nodes * 3 / 2 + 16); /* grows past 50% load */
    memset(t, 0, sizeof *t);
    t->edges = (uint64_t *)calloc(slots, sizeof(uint64_t));
    t->cap_nodes = expected_nodes + 16;
    t->token = (int32_t *)malloc((t->cap_nodes + 1) * sizeof(int32_t));
    if (!t->edges || !t->token) { rwkv__trie_free(t); return 0; }
    t->mask = slots - 1;
    t->token[0] = -1;
    return 1;
}

static size_t rwkv__trie_slot(size_t key, size_t mask)
{
    return (size_t)(((uint64_t)key * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
}

static uint32_t rwkv__trie_child(const rwkv__trie *t, uint32_t node, unsigned char c)
{
    size_t key = ((size_t)node << 8) | c;
    size_t i = rwkv__trie_slot(key, t->mask);
    uint64_t want = (uint64_t)(key + 1) << 32;
    for (;;) {
        uint64_t e = t->edges[i];
        if (e == 0) return 0;
        if ((e & 0xFFFFFFFF00000000ULL) == want) return (uint32_t)e;
        i = (i + 1) & t->mask;
    }
}

static int rwkv__trie_grow(rwkv__trie *t)
{
    size_t slots = (t->mask + 1) * 2, i;
    uint64_t *e = (uint64_t *)calloc(slots, sizeof(uint64_t));
    if (!e) return 0;
    for (i = 0; i <= t->mask; i++) {
        uint64_t x = t->edges[i];
        size_t j;
        if (!x) continue;
        j = rwkv__trie_slot((size_t)(x >> 32) - 1, slots - 1);
        while (e[j]) j = (j + 1) & (slots - 1);
        e[j] = x;
    }
    free(t->edges);
    t->edges = e;
    t->mask = slots - 1;
    return 1;
}

static uint32_t rwkv__trie_new_node(rwkv__trie *t)
{
    if (t->n_nodes + 1 >= t->cap_nodes) {
        size_t cap = t->cap_nodes * 2;
        int32_t *p = (int32_t *)realloc(t->token, (cap + 1) * sizeof(int32_t));
        if (!p) return 0;
        t->token = p;
        t->cap_nodes = cap;
    }
    t->n_nodes++;
    t->token[t->n_nodes] = -1;
    return (uint32_t)t->n_nodes;
}

/* Inserts s[0..n) (n >= 1). path (NULL, or room for n nodes) receives the node after each
   prefix; its first `known` entries are already valid for s (a shared prefix with the
   previous insertion: sorted vocabularies then skip most hash probes). Returns the node,
   or 0 on out of memory. */
static uint32_t rwkv__trie_insert_path(rwkv__trie *t, const unsigned char *s, size_t n,
                                       uint32_t *path, size_t known)
{
    uint32_t node;
    size_t i;
    if (path && known > 0) {
        node = path[known - 1];
        i = known;
    } else {
        node = t->root[s[0]];
        if (!node) {
            if (!(node = rwkv__trie_new_node(t))) return 0;
            t->root[s[0]] = node;
        }
        if (path) path[0] = node;
        i = 1;
    }
    for (; i < n; i++) {
        uint32_t child = rwkv__trie_child(t, node, s[i]);
        if (!child) {
            size_t key = ((size_t)node << 8) | s[i], j;
            if (!(child = rwkv__trie_new_node(t))) return 0;
            if ((t->n_edges + 1) * 2 > t->mask + 1 && !rwkv__trie_grow(t)) return 0;
            j = rwkv__trie_slot(key, t->mask);
            while (t->edges[j]) j = (j + 1) & t->mask;
            t->edges[j] = ((uint64_t)(key + 1) << 32) | child;
            t->n_edges++;
        }
        node = child;
        if (path) path[i] = node;
    }
    return node;
}

static uint32_t rwkv__trie_insert(rwkv__trie *t, const unsigned char *s, size_t n)
{
    return rwkv__trie_insert_path(t, s, n, NULL, 0);
}

/* The longest token that is a prefix of s[0..n): its id (length in *match_len), or -1. */
static int32_t rwkv__trie_longest(const rwkv__trie *t, const unsigned char *s, size_t n,
                                  size_t *match_len)
{
    uint32_t node = t->root[s[0]];
    int32_t best = -1;
    size_t i, best_len = 0;
    if (!node) return -1;
    if (t->token[node] >= 0) { best = t->token[node]; best_len = 1; }
    i = 1;
    if (t->root2 && n >= 2) {
        node = t->root2[(size_t)s[0] << 8 | s[1]];
        if (!node) { *match_len = best_len; return best; }
        if (t->token[node] >= 0) { best = t->token[node]; best_len = 2; }
        i = 2;
    }
    for (; i < n; i++) {
        node = rwkv__trie_child(t, node, s[i]);
        if (!node) break;
        if (t->token[node] >= 0) { best = t->token[node]; best_len = i + 1; }
    }
    *match_len = best_len;
    return best;
}

/* ---- the tokenizer object --------------------------------------------------------------- */

/* An encoder that lives outside rwkv.h (tokenizer.c's Pile BPE): encode appends the ids of
   s[0..n) to ids; free releases `data`. */
typedef struct rwkv__tokenizer_ext {
    rwkv_status (*encode)(const rwkv_tokenizer *tok, const unsigned char *s, size_t n,
                          rwkv__ivec *ids, rwkv_error *err);
    void (*free)(void *data);
} rwkv__tokenizer_ext;

struct rwkv_tokenizer {
    rwkv_tokenizer_kind kind;
    int n_vocab;
    /* bytes of every token: blob[off[id] .. off[id] + len[id]), len -1 = unassigned */
    char *blob;
    uint32_t *tok_off;
    int32_t *tok_len;
    unsigned char *special;
    rwkv__trie trie;                /* World: the vocabulary */
    const rwkv__tokenizer_ext *ext; /* Pile: the encoder in tokenizer.c and its data */
    void *ext_data;
};

static rwkv_tokenizer *rwkv__tok_alloc(rwkv_tokenizer_kind kind)
{
    rwkv_tokenizer *t = (rwkv_tokenizer *)calloc(1, sizeof *t);
    if (t) t->kind = kind;
    return t;
}

/* Allocates the per-token tables for ids 0 .. n_vocab-1, all unassigned. */
static int rwkv__tok_tables(rwkv_tokenizer *t, int n_vocab)
{
    int i;
    t->n_vocab = n_vocab;
    t->tok_off = (uint32_t *)calloc((size_t)n_vocab, sizeof(uint32_t));
    t->tok_len = (int32_t *)malloc((size_t)n_vocab * sizeof(int32_t));
    t->special = (unsigned char *)calloc((size_t)n_vocab, 1);
    if (!t->tok_off || !t->tok_len || !t->special) return 0;
    for (i = 0; i < n_vocab; i++) t->tok_len[i] = -1;
    return 1;
}

#endif /* RWKV__TOKENIZER_INTERNALS_DONE: end of the shared part */

#if defined(RWKV_IMPLEMENTATION) && !defined(RWKV__TOKENIZERS_DONE)
#define RWKV__TOKENIZERS_DONE

void rwkv_tokenizer_free(rwkv_tokenizer *tok)
{
    if (!tok) return;
    if (tok->ext) tok->ext->free(tok->ext_data);
    free(tok->blob);
    free(tok->tok_off);
    free(tok->tok_len);
    free(tok->special);
    rwkv__trie_free(&tok->trie);
    free(tok);
}

rwkv_tokenizer_kind rwkv_tokenizer_get_kind(const rwkv_tokenizer *tok) { return tok->kind; }
int rwkv_tokenizer_get_n_vocab(const rwkv_tokenizer *tok) { return tok->n_vocab; }

const char *rwkv_tokenizer_get_token(const rwkv_tokenizer *tok, int id, size_t *len)
{
    if (len) *len = 0;
    if (!tok || id < 0 || id >= tok->n_vocab || tok->tok_len[id] < 0) return NULL;
    if (len) *len = (size_t)tok->tok_len[id];
    return tok->blob + tok->tok_off[id];
}

int rwkv_tokenizer_is_special(const rwkv_tokenizer *tok, int id)
{
    if (!tok || id < 0 || id >= tok->n_vocab) return 0;
    return tok->special[id] != 0;
}

rwkv_status rwkv_tokenizer_new_bytes(rwkv_tokenizer **out, rwkv_error *err)
{
    rwkv_tokenizer *t = rwkv__tok_alloc(RWKV_TOKENIZER_BYTES);
    int i;
    *out = NULL;
    if (!t || !rwkv__tok_tables(t, 256) || !(t->blob = (char *)malloc(256))) {
        rwkv_tokenizer_free(t);
        return rwkv__oom(err, "creating the byte-level tokenizer");
    }
    for (i = 0; i < 256; i++) {
        t->blob[i] = (char)i;
        t->tok_off[i] = (uint32_t)i;
        t->tok_len[i] = 1;
    }
    *out = t;
    return RWKV_OK;
}

/* ---- World vocabulary ------------------------------------------------------------------- */

/* Decodes the Python literal s[0..n) ('...', "...", b'...' or b"...") into out (capacity n:
   no escape produces more bytes than it spans). A str literal becomes its UTF-8 encoding.
   Returns the byte count, or -1 with a reason in *why. */
static long rwkv__py_literal(const char *s, size_t n, unsigned char *out, const char **why)
{
    int is_bytes = 0;
    char q;
    size_t i = 0, w = 0;
    if (n > 0 && (s[0] == 'b' || s[0] == 'B')) { is_bytes = 1; i = 1; }
    if (i >= n || (s[i] != '\'' && s[i] != '"')) {
        *why = "expected a Python string literal ('...', \"...\", b'...')";
        return -1;
    }
    q = s[i++];
    if (n - i >= 2 && s[i] == q && s[i + 1] == q) {
        *why = "triple-quoted literals are not supported";
        return -1;
    }
    for (;;) {
        unsigned char c;
        if (i >= n) { *why = "unterminated string literal"; return -1; }
        c = (unsigned char)s[i];
        if (c == (unsigned char)q) { i++; break; }
        if (c == '\n' || c == '\r') { *why = "unterminated string literal"; return -1; }
        if (c != '\\') {
            if (c >= 0x80) {
                int32_t cp;
                int k;
                if (is_bytes) { *why = "bytes literal contains a non-ASCII character"; return -1; }
                k = rwkv__utf8_get((const unsigned char *)s + i, n - i, &cp);
                if (cp < 0) { *why = "literal is not valid UTF-8"; return -1; }
                memcpy(out + w, s + i, (size_t)k);
                w += (size_t)k;
                i += (size_t)k;
            } else {
                out[w++] = c;
                i++;
            }
            continue;
        }
        /* an escape */
        if (i + 1 >= n) { *why = "unterminated string literal"; return -1; }
        c = (unsigned char)s[i + 1];
        i += 2;
        switch (c) {
        case '\\': out[w++] = '\\'; break;
        case '\'': out[w++] = '\''; break;
        case '"': out[w++] = '"'; break;
        case 'a': out[w++] = 7; break;
        case 'b': out[w++] = 8; break;
        case 'f': out[w++] = 12; break;
        case 'n': out[w++] = 10; break;
        case 'r': out[w++] = 13; break;
        case 't': out[w++] = 9; break;
        case 'v': out[w++] = 11; break;
        case '\n': break; /* line continuation */
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(c - '0');
            int k;
            for (k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) v = v * 8 + (uint32_t)(s[i++] - '0');
            if (is_bytes) {
                if (v > 255) { *why = "octal escape out of range in bytes literal"; return -1; }
                out[w++] = (unsigned char)v;
            } else {
                w += (size_t)rwkv__utf8_put(out + w, v);
            }
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8, k;
            uint32_t v = 0;
            if (c != 'x' && is_bytes) { /* not an escape in bytes: kept as written */
                out[w++] = '\\';
                out[w++] = c;
                break;
            }
            for (k = 0; k < digits; k++) {
                int h = i + (size_t)k < n ? rwkv__hexval((unsigned char)s[i + (size_t)k]) : -1;
                if (h < 0) { *why = "truncated \\x, \\u or \\U escape"; return -1; }
                v = v * 16 + (uint32_t)h;
            }
            i += (size_t)digits;
            if (is_bytes) {
                out[w++] = (unsigned char)v;
            } else {
                if (v > 0x10FFFF) { *why = "\\U escape beyond U+10FFFF"; return -1; }
                if (v >= 0xD800 && v <= 0xDFFF) {
                    *why = "surrogate code point (cannot be encoded as UTF-8)";
                    return -1;
                }
                w += (size_t)rwkv__utf8_put(out + w, v);
            }
            break;
        }
        case 'N':
            if (!is_bytes) { *why = "\\N{...} escapes are not supported"; return -1; }
            out[w++] = '\\';
            out[w++] = c;
            break;
        default: /* Python keeps unknown escapes verbatim */
            out[w++] = '\\';
            if (c >= 0x80) { i--; break; } /* the UTF-8 character is copied next round */
            out[w++] = c;
            break;
        }
    }
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i != n) { *why = "unexpected text after the string literal"; return -1; }
    return (long)w;
}

#define RWKV__WORLD_MAX_ID (1 << 24)

/* The decimal number s[0..n) (digits only), or -1 when it is not one or exceeds max. */
static long rwkv__decimal(const char *s, size_t n, long max)
{
    long v = 0;
    size_t k;
    if (n == 0) return -1;
    for (k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9' || v > max) return -1;
        v = v * 10 + (s[k] - '0');
    }
    return v > max ? -1 : v;
}

/* Parses one line "ID LITERAL BYTE_LENGTH" of a World vocabulary (without its line break):
   *id, and the literal's bytes in lit[0..*n_lit). */
static rwkv_status rwkv__world_line(const char *line, size_t n, const char *name, size_t lineno,
                                    unsigned char *lit, long *id, long *n_lit, rwkv_error *err)
{
    size_t a, b, ls, le;
    long blen;
    const char *why = NULL;
    /* the literal may contain spaces, so split at the first and the last */
    for (a = 0; a < n && line[a] != ' '; a++) {}
    for (b = n; b > 0 && line[b - 1] != ' '; b--) {}
    if (a == n || b == 0 || b - 1 <= a)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s line %zu: expected \"ID LITERAL BYTE_LENGTH\"",
                          name, lineno);
    *id = rwkv__decimal(line, a, RWKV__WORLD_MAX_ID - 1);
    if (*id <= 0)
        return rwkv__fail(err, RWKV_ERR_FORMAT,
                          "%s line %zu: token id '%.*s' is not an integer in 1..%d (0 is end-of-text)",
                          name, lineno, (int)(a < 20 ? a : 20), line, RWKV__WORLD_MAX_ID - 1);
    blen = rwkv__decimal(line + b, n - b, 100000000L);
    if (blen < 0)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s line %zu: byte length '%.*s' is not a number",
                          name, lineno, (int)(n - b < 20 ? n - b : 20), line + b);
    /* the literal, trimmed of surrounding blanks */
    for (ls = a + 1, le = b - 1; ls < le && (line[ls] == ' ' || line[ls] == '\t'); ls++) {}
    while (le > ls && (line[le - 1] == ' ' || line[le - 1] == '\t')) le--;
    *n_lit = rwkv__py_literal(line + ls, le - ls, lit, &why);
    if (*n_lit < 0)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s line %zu (id %ld): bad literal: %s", name,
                          lineno, *id, why);
    if (*n_lit != blen)
        return rwkv__fail(err, RWKV_ERR_FORMAT,
                          "%s line %zu (id %ld): the literal is %ld bytes but the length field says %ld",
                          name, lineno, *id, *n_lit, blen);
    if (*n_lit == 0)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s line %zu (id %ld): empty token", name, lineno, *id);
    return RWKV_OK;
}

/* A token line of the World vocabulary, in file order. */
typedef struct rwkv__world_entry {
    int32_t id, len;      /* token id and byte length */
    uint32_t off, lineno; /* its bytes are blob[off ..]; its line in the file */
} rwkv__world_entry;

/* Adds token e (bytes in t->blob) to the trie. prev is the previous token (len 0: none) and
   path the trie nodes along it: sorted vocabularies share long prefixes, which then cost no
   hash probes. */
static rwkv_status rwkv__world_insert(rwkv_tokenizer *t, const rwkv__world_entry *e,
                                      const rwkv__world_entry *prev, uint32_t *path,
                                      const char *name, rwkv_error *err)
{
    const unsigned char *s = (const unsigned char *)t->blob + e->off;
    const unsigned char *p = (const unsigned char *)t->blob + prev->off;
    size_t n = (size_t)e->len, known = 0;
    uint32_t node;
    if (n <= 256) {
        while (known < (size_t)prev->len && known < n && p[known] == s[known]) known++;
        node = rwkv__trie_insert_path(&t->trie, s, n, path, known);
    } else {
        node = rwkv__trie_insert(&t->trie, s, n); /* path stays for the previous token */
    }
    if (!node) return rwkv__oom(err, "building the World trie");
    if (t->trie.token[node] >= 0)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s line %u (id %d): same bytes as token id %d",
                          name, (unsigned)e->lineno, (int)e->id, (int)t->trie.token[node]);
    t->trie.token[node] = e->id;
    return RWKV_OK;
}

/* Builds the two-byte table: the World encoder's hot path then starts at depth 2 with one
   load instead of a hash probe (256 KB). Returns 0 on out of memory. */
static int rwkv__trie_build_root2(rwkv__trie *t)
{
    size_t b0, b1;
    t->root2 = (uint32_t *)calloc(65536, sizeof(uint32_t));
    if (!t->root2) return 0;
    for (b0 = 0; b0 < 256; b0++)
        if (t->root[b0])
            for (b1 = 0; b1 < 256; b1++)
                t->root2[b0 << 8 | b1] = rwkv__trie_child(t, t->root[b0], (unsigned char)b1);
    return 1;
}

/* The per-id tables, once every line is read; a repeated id is an error. */
static rwkv_status rwkv__world_tables(rwkv_tokenizer *t, const rwkv__world_entry *e, size_t n,
                                      int max_id, const char *name, rwkv_error *err)
{
    size_t i;
    if (n == 0) return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: no tokens in the World vocabulary", name);
    if (!rwkv__tok_tables(t, max_id + 1) || !rwkv__trie_build_root2(&t->trie))
        return rwkv__oom(err, "loading the World vocabulary");
    t->tok_len[0] = 0; /* end-of-text */
    t->special[0] = 1;
    for (i = 0; i < n; i++) {
        if (t->tok_len[e[i].id] >= 0)
            return rwkv__fail(err, RWKV_ERR_FORMAT, "%s line %u: duplicate token id %d", name,
                              (unsigned)e[i].lineno, (int)e[i].id);
        t->tok_len[e[i].id] = e[i].len;
        t->tok_off[e[i].id] = e[i].off;
    }
    return RWKV_OK;
}

static size_t rwkv__count_lines(const char *s, size_t len)
{
    const char *end = s + len;
    size_t lines = 1;
    while ((s = (const char *)memchr(s, '\n', (size_t)(end - s))) != NULL) { lines++; s++; }
    return lines;
}

static rwkv_status rwkv__world_load(const char *data, size_t len, const char *name,
                                    rwkv_tokenizer **out, rwkv_error *err)
{
    rwkv_tokenizer *t = rwkv__tok_alloc(RWKV_TOKENIZER_WORLD);
    unsigned char *lit = (unsigned char *)malloc(len + 1);
    /* one entry per line at most, sized once: growing the array page-faults more than it
       parses */
    rwkv__world_entry *e = (rwkv__world_entry *)malloc(rwkv__count_lines(data, len) * sizeof *e);
    rwkv__world_entry none = {0, 0, 0, 0};
    uint32_t path[256]; /* trie nodes along the previous token */
    size_t n_e = 0, pos = 0, lineno = 0, blob_n = 0;
    int max_id = 0;
    rwkv_status st = RWKV_OK;

    if (t) t->blob = (char *)malloc(len + 1);
    if (!t || !t->blob || !lit || !e || !rwkv__trie_init(&t->trie, len / 8 + 1024))
        st = rwkv__oom(err, "loading the World vocabulary");
    while (st == RWKV_OK && pos < len) {
        const char *line = data + pos, *nl = (const char *)memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        long id = 0, n_lit = 0;
        pos += n + (nl ? 1 : 0);
        lineno++;
        if (n > 0 && line[n - 1] == '\r') n--;
        if (n == 0) continue;
        st = rwkv__world_line(line, n, name, lineno, lit, &id, &n_lit, err);
        if (st != RWKV_OK) break;
        memcpy(t->blob + blob_n, lit, (size_t)n_lit);
        e[n_e].id = (int32_t)id;
        e[n_e].len = (int32_t)n_lit;
        e[n_e].off = (uint32_t)blob_n;
        e[n_e].lineno = (uint32_t)lineno;
        st = rwkv__world_insert(t, &e[n_e], n_e && e[n_e - 1].len <= 256 ? &e[n_e - 1] : &none,
                                path, name, err);
        blob_n += (size_t)n_lit;
        n_e++;
        if (id > max_id) max_id = (int)id;
    }
    if (st == RWKV_OK) st = rwkv__world_tables(t, e, n_e, max_id, name, err);
    free(lit);
    free(e);
    if (st != RWKV_OK) { rwkv_tokenizer_free(t); t = NULL; }
    *out = t;
    return st;
}

static rwkv_status rwkv__world_encode(const rwkv_tokenizer *t, const unsigned char *s, size_t n,
                                      rwkv__ivec *ids, rwkv_error *err)
{
    size_t i = 0;
    while (i < n) {
        size_t m = 0;
        int32_t id = rwkv__trie_longest(&t->trie, s + i, n - i, &m);
        if (id < 0)
            return rwkv__fail(err, RWKV_ERR_ARGUMENT,
                              "the World vocabulary has no token for byte 0x%02X at offset %zu",
                              s[i], i);
        if (!rwkv__ivec_push(ids, id)) return rwkv__oom(err, "tokenizing");
        i += m;
    }
    return RWKV_OK;
}

/* ---- opening, encoding, decoding -------------------------------------------------------- */

static rwkv_status rwkv__pile_open(const char *json, size_t len, const char *name,
                                   rwkv_tokenizer **out, rwkv_error *err)
{
#ifdef RWKV_PILE
    return rwkv_pile_load(json, len, name, out, err);
#else
    (void)json;
    (void)len;
    *out = NULL;
    return rwkv__fail(err, RWKV_ERR_UNSUPPORTED,
                      "%s: a HuggingFace tokenizer JSON (Pile / GPT-NeoX BPE) needs tokenizer.c, "
                      "which this program is built without: compile tokenizer.c into it and "
                      "#define RWKV_PILE where rwkv.h is included with RWKV_IMPLEMENTATION", name);
#endif
}

static rwkv_status rwkv__open_any(const char *data, size_t len, const char *name,
                                  rwkv_tokenizer **out, rwkv_error *err)
{
    size_t i = 0;
    *out = NULL;
    if (len > 0x7FFFFFFFu) /* offsets inside the tokenizer are 32-bit */
        return rwkv__fail(err, RWKV_ERR_UNSUPPORTED,
                          "%s: %zu bytes is too large for a vocabulary (limit 2 GiB)", name, len);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) i = 3; /* UTF-8 BOM */
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) i++;
    if (i < len && data[i] == '{') return rwkv__pile_open(data + i, len - i, name, out, err);
    if (i < len && data[i] >= '0' && data[i] <= '9')
        return rwkv__world_load(data + i, len - i, name, out, err);
    return rwkv__fail(err, RWKV_ERR_FORMAT,
                      "%s: not a tokenizer file (expected a World vocabulary: lines \"ID LITERAL "
                      "LENGTH\", or HuggingFace tokenizer JSON)", name);
}

rwkv_status rwkv_tokenizer_new_from_memory(const char *data, size_t len, rwkv_tokenizer **out,
                                       rwkv_error *err)
{
    *out = NULL;
    if (!data && len)
        return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_tokenizer_new_from_memory: data is NULL");
    return rwkv__open_any(data, len, "<memory>", out, err);
}

rwkv_status rwkv_file_read(const char *path, char **data, size_t *len, rwkv_error *err)
{
    rwkv__buf b = {0, 0, 0};
    FILE *f;
    *data = NULL;
    if (len) *len = 0;
    if (!path) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_file_read: path is NULL");
    if (!(f = fopen(path, "rb"))) return rwkv__fail(err, RWKV_ERR_IO, "%s: cannot open", path);
    for (;;) {
        size_t got;
        if (!rwkv__buf_reserve(&b, 65536 + 1)) {
            fclose(f);
            free(b.p);
            return rwkv__oom(err, "reading a file");
        }
        got = fread(b.p + b.n, 1, b.cap - b.n - 1, f);
        b.n += got;
        if (got == 0) break;
    }
    if (ferror(f)) {
        fclose(f);
        free(b.p);
        return rwkv__fail(err, RWKV_ERR_IO, "%s: read error", path);
    }
    fclose(f);
    b.p[b.n] = '\0';
    *data = b.p;
    if (len) *len = b.n;
    return RWKV_OK;
}

rwkv_status rwkv_tokenizer_new_from_file(const char *path, rwkv_tokenizer **out, rwkv_error *err)
{
    char *data;
    size_t len;
    rwkv_status st;
    *out = NULL;
    if ((st = rwkv_file_read(path, &data, &len, err)) != RWKV_OK) return st;
    st = rwkv__open_any(data, len, path, out, err);
    free(data);
    return st;
}

/* One entry of llama.cpp's tokenizer.ggml.tokens decoded (docs/LLAMACPP.md): \t \n \r, \xhh
   and \ before any other character stand for a byte; the rest is copied. Returns the length
   (at most n). */
static size_t rwkv__ggml_unescape(const char *s, size_t n, unsigned char *out)
{
    size_t i, w = 0;
    for (i = 0; i < n; i++) {
        int hi, lo;
        if (s[i] != '\\' || i + 1 == n) { out[w++] = (unsigned char)s[i]; continue; }
        i++;
        if (s[i] == 't') out[w++] = '\t';
        else if (s[i] == 'n') out[w++] = '\n';
        else if (s[i] == 'r') out[w++] = '\r';
        else if (s[i] == 'x' && i + 2 < n && (hi = rwkv__hexval(s[i + 1])) >= 0 &&
                 (lo = rwkv__hexval(s[i + 2])) >= 0) {
            out[w++] = (unsigned char)(hi << 4 | lo);
            i += 2;
        } else out[w++] = (unsigned char)s[i];
    }
    return w;
}

/* The World tokenizer from llama.cpp's tokenizer.ggml.tokens (kv, an array of strings) and
   tokenizer.ggml.token_type: the NORMAL (1) and USER_DEFINED (4) entries keep their index as
   id; the control entry 0 (<s>, the official end-of-text) and the [PAD] entries are no
   tokens, so ids and encodings equal the official tokenizer's. */
static rwkv_status rwkv__world_from_ggml(const rwkv_model *model, const rwkv__kv *kv,
                                         rwkv_tokenizer **out, rwkv_error *err)
{
    char name[320];
    const rwkv__kv *tk = rwkv__gguf_kv(&model->gguf, "tokenizer.ggml.token_type");
    const uint8_t *p = kv->value + 12, *types = NULL;
    const uint64_t count = rwkv__le(kv->value + 4, 8);
    rwkv_tokenizer *t = NULL;
    rwkv__world_entry *e = NULL, none = {0, 0, 0, 0};
    uint32_t path[256];
    uint64_t i, total = 0;
    size_t n_e = 0, blob_n = 0;
    int max_id = 0;
    rwkv_status st = RWKV_OK;
    *out = NULL;
    snprintf(name, sizeof name, "%s: model key tokenizer.ggml.tokens", model->gguf.path);
    if (rwkv__le(kv->value, 4) != RWKV__GGUF_STRING || count > RWKV__WORLD_MAX_ID)
        return rwkv__fail(err, RWKV_ERR_FORMAT, "%s must be an array of at most %d strings",
                          name, RWKV__WORLD_MAX_ID);
    if (tk) {
        const uint32_t et = tk->type == RWKV__GGUF_ARRAY ? (uint32_t)rwkv__le(tk->value, 4) : 0;
        if ((et != RWKV__GGUF_I32 && et != RWKV__GGUF_U32) ||
            rwkv__le(tk->value + 4, 8) != count)
            return rwkv__fail(err, RWKV_ERR_FORMAT, "%s: tokenizer.ggml.token_type must be "
                              "an array of %llu 32-bit integers, one per token",
                              model->gguf.path, (unsigned long long)count);
        types = tk->value + 12;
    }
    for (i = 0; i < count; i++) { /* lengths were checked against the file by the reader */
        const uint64_t len = rwkv__le(p + total, 8);
        total += 8 + len;
    }
    t = rwkv__tok_alloc(RWKV_TOKENIZER_WORLD);
    e = (rwkv__world_entry *)malloc((size_t)(count ? count : 1) * sizeof *e);
    if (t) t->blob = (char *)malloc((size_t)total + 1);
    if (!t || !t->blob || !e || !rwkv__trie_init(&t->trie, (size_t)total / 8 + 1024))
        st = rwkv__oom(err, "loading the World vocabulary");
    for (i = 0; st == RWKV_OK && i < count; i++) {
        const uint64_t len = rwkv__le(p, 8);
        const char *str = (const char *)p + 8;
        const uint32_t type = types ? (uint32_t)rwkv__le(types + 4 * i, 4) : 1;
        p += 8 + len;
        if (i == 0 || (type != 1 && type != 4)) continue;
        e[n_e].id = (int32_t)i;
        e[n_e].len = (int32_t)rwkv__ggml_unescape(str, (size_t)len,
                                                  (unsigned char *)t->blob + blob_n);
        e[n_e].off = (uint32_t)blob_n;
        e[n_e].lineno = (uint32_t)i;
        if (e[n_e].len == 0) {
            st = rwkv__fail(err, RWKV_ERR_FORMAT, "%s: entry %llu is empty", name,
                            (unsigned long long)i);
            break;
        }
        st = rwkv__world_insert(t, &e[n_e], n_e && e[n_e - 1].len <= 256 ? &e[n_e - 1] : &none,
                                path, name, err);
        blob_n += (size_t)e[n_e].len;
        n_e++;
        max_id = (int)i;
    }
    if (st == RWKV_OK) st = rwkv__world_tables(t, e, n_e, max_id, name, err);
    free(e);
    if (st != RWKV_OK) { rwkv_tokenizer_free(t); t = NULL; }
    *out = t;
    return st;
}

rwkv_status rwkv_tokenizer_new_from_model(const rwkv_model *model, rwkv_tokenizer **out,
                                      rwkv_error *err)
{
    size_t len;
    const char *s;
    const rwkv__kv *kv;
    *out = NULL;
    if ((s = rwkv_model_get_meta_string(model, "tokenizer.rwkv.world", &len)) != NULL)
        return rwkv__world_load(s, len, "model key tokenizer.rwkv.world", out, err);
    if ((s = rwkv_model_get_meta_string(model, "tokenizer.huggingface.json", &len)) != NULL)
        return rwkv__pile_open(s, len, "model key tokenizer.huggingface.json", out, err);
    s = rwkv_model_get_meta_string(model, "tokenizer.ggml.model", &len);
    kv = model ? rwkv__gguf_kv(&model->gguf, "tokenizer.ggml.tokens") : NULL;
    if (s && len == 4 && memcmp(s, "rwkv", 4) == 0 && kv && kv->type == RWKV__GGUF_ARRAY)
        return rwkv__world_from_ggml(model, kv, out, err);
    if (rwkv_model_get_n_vocab(model) == 256) return rwkv_tokenizer_new_bytes(out, err);
    return rwkv__fail(err, RWKV_ERR_ARGUMENT,
                      "the model carries no tokenizer (no tokenizer.rwkv.world or "
                      "tokenizer.huggingface.json key) and its vocabulary is %d, not 256: pass "
                      "--vocab PATH", rwkv_model_get_n_vocab(model));
}

rwkv_status rwkv_tokenize(const rwkv_tokenizer *tok, const char *text, size_t len, int **ids,
                          size_t *n_ids, rwkv_error *err)
{
    rwkv__ivec v = {0, 0, 0};
    rwkv_status st = RWKV_OK;
    const unsigned char *s = (const unsigned char *)text;
    *ids = NULL;
    *n_ids = 0;
    if (!tok) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_tokenize: no tokenizer");
    if (len == 0) return RWKV_OK;
    if (!text) return rwkv__fail(err, RWKV_ERR_ARGUMENT, "rwkv_tokenize: text is NULL");
    if (tok->kind == RWKV_TOKENIZER_BYTES) {
        size_t i;
        v.p = (int *)malloc(len * sizeof(int));
        if (!v.p) return rwkv__oom(err, "tokenizing");
        for (i = 0; i < len; i++) v.p[i] = s[i];
        v.n = len;
    } else if (tok->kind == RWKV_TOKENIZER_WORLD) {
        st = rwkv__world_encode(tok, s, len, &v, err);
    } else {
        st = tok->ext->encode(tok, s, len, &v, err);
    }
    if (st != RWKV_OK) { free(v.p); return st; }
    if (v.n == 0) { free(v.p); v.p = NULL; }
    *ids = v.p;
    *n_ids = v.n;
    return RWKV_OK;
}

rwkv_status rwkv_detokenize(const rwkv_tokenizer *tok, const int *ids, size_t n, char **out,
                            size_t *out_len, rwkv_error *err)
{
    rwkv__buf b = {0, 0, 0};
    size_t i;
    *out = NULL;
    if (out_len) *out_len = 0;
    for (i = 0; i < n; i++) {
        size_t len;
        const char *p = rwkv_tokenizer_get_token(tok, ids[i], &len);
        if (!p) {
            free(b.p);
            return rwkv__fail(err, RWKV_ERR_ARGUMENT,
                              "token id %d (position %zu) is not in the vocabulary (n_vocab %d)",
                              ids[i], i, tok ? tok->n_vocab : 0);
        }
        if (!rwkv__buf_add(&b, p, len)) { free(b.p); return rwkv__oom(err, "decoding"); }
    }
    if (!rwkv__buf_add(&b, "", 1)) { free(b.p); return rwkv__oom(err, "decoding"); }
    *out = b.p;
    if (out_len) *out_len = b.n - 1;
    return RWKV_OK;
}

/* ---- streaming UTF-8 -------------------------------------------------------------------- */

void rwkv_utf8_stream_init(rwkv_utf8_stream *s)
{
    memset(s, 0, sizeof *s);
}

size_t rwkv_utf8_stream_push_bytes(rwkv_utf8_stream *s, const char *bytes, size_t len,
                                   char *out, size_t cap)
{
    /* the input is pending[0..np) followed by bytes[0..len) */
    size_t np = (size_t)s->n_pending, total = np + len, i = 0, w = 0;
#define RWKV__AT(k) ((k) < np ? s->pending[k] : (unsigned char)bytes[(k) - np])
    unsigned char held[4] = {0};
    size_t n_held = 0;
    while (i < total) {
        unsigned c = RWKV__AT(i), lo, hi;
        int need = rwkv__utf8_lead(c, &lo, &hi), k, ok = 1;
        if (need <= 1) { /* ASCII, or a byte that can never start a sequence */
            if (w < cap) out[w++] = (char)c;
            i++;
            continue;
        }
        for (k = 1; k < need && i + (size_t)k < total; k++) {
            unsigned d = RWKV__AT(i + (size_t)k);
            if (k == 1 ? (d < lo || d > hi) : (d & 0xC0) != 0x80) { ok = 0; break; }
        }
        if (!ok) { /* the lead byte is invalid where it stands: pass it through */
            if (w < cap) out[w++] = (char)c;
            i++;
            continue;
        }
        if (i + (size_t)need > total) { /* a valid prefix: hold it back for the next token */
            for (k = 0; i + (size_t)k < total; k++) held[n_held++] = (unsigned char)RWKV__AT(i + (size_t)k);
            break;
        }
        for (k = 0; k < need; k++)
            if (w < cap) out[w++] = (char)RWKV__AT(i + (size_t)k);
        i += (size_t)need;
    }
#undef RWKV__AT
    memcpy(s->pending, held, n_held);
    s->n_pending = (int)n_held;
    return w;
}

size_t rwkv_utf8_stream_push(rwkv_utf8_stream *s, const rwkv_tokenizer *tok, int id, char *out,
                             size_t cap)
{
    size_t len;
    const char *p = rwkv_tokenizer_get_token(tok, id, &len);
    if (!p) return 0;
    return rwkv_utf8_stream_push_bytes(s, p, len, out, cap);
}

size_t rwkv_utf8_stream_flush(rwkv_utf8_stream *s, char *out, size_t cap)
{
    size_t w = 0;
    int k;
    for (k = 0; k < s->n_pending; k++)
        if (w < cap) out[w++] = (char)s->pending[k];
    s->n_pending = 0;
    return w;
}

#endif /* RWKV__TOKENIZERS_DONE */
