#!/usr/bin/env python3
"""convert_pth.py - convert an RWKV checkpoint to the GGUF file rwkv.c reads (docs/FORMAT.md).

Inputs: PyTorch checkpoints written by torch.save (zip format, or the legacy pre-1.6 format),
safetensors files, rwkv.cpp `.bin` files (FP32/FP16), and Hugging Face model directories (one
file or shards with an index) in the transformers or flash-linear-attention layout, renamed
back to the released names. RWKV v4, v5.0/5.1/5.2, v6 and v7 are detected the way the
official implementation (ChatRWKV `rwkv` package) detects them.

Python standard library only: no torch, no numpy. The pickle inside a checkpoint is read by a
restricted unpickler that only rebuilds tensors and dictionaries; it never imports or calls
anything the file names (a checkpoint is untrusted input).

Also importable as a module (tools/random_model.py uses the schema and the GGUF writer).
"""

import argparse
import array
import collections
import io
import itertools
import json
import math
import mmap
import os
import pickle
import re
import signal
import struct
import sys
import tempfile
import time
import zipfile
import zlib

PROG = "convert_pth.py"

# ==== errors ======================================================================================


class ConvertError(Exception):
    """A problem with the input or the conversion; printed as one line, exit code 1."""

    def __init__(self, message, hint=None):
        Exception.__init__(self, message)
        self.hint = hint


# ==== tensors =====================================================================================

# dtype name -> (bytes per element, ggml type id)
DTYPES = {"f32": (4, 0), "f16": (2, 1), "bf16": (2, 30)}
GGML_TYPE_NAMES = {0: "F32", 1: "F16", 30: "BF16"}


class Tensor:
    """A strided view of raw little-endian bytes, like a torch tensor over its storage.

    shape/stride are in PyTorch order (row-major: the last dim is the fastest when contiguous),
    offset and strides count elements. Tensors computed here (undone rwkv.cpp transforms) are
    contiguous f32 over a bytes object of their own."""

    __slots__ = ("dtype", "shape", "stride", "offset", "buf", "origin")

    def __init__(self, dtype, shape, buf, stride=None, offset=0, origin=""):
        self.dtype = dtype
        self.shape = tuple(shape)
        self.stride = tuple(stride) if stride is not None else contiguous_strides(self.shape)
        self.offset = offset
        self.buf = buf            # bytes-like object holding the whole storage
        self.origin = origin      # for messages: where the data came from

    def __setstate__(self, state):  # a pickle must never be able to edit our objects
        raise pickle.UnpicklingError("BUILD on a tensor is not allowed")

    def numel(self):
        return prod(self.shape)

    def is_contiguous(self):
        return all(st == cs for sz, st, cs in zip(self.shape, self.stride,
                                                   contiguous_strides(self.shape)) if sz != 1)

    def transposed(self, perm):
        """A view with the dims permuted (torch's permute)."""
        return Tensor(self.dtype, [self.shape[p] for p in perm], self.buf,
                      [self.stride[p] for p in perm], self.offset, self.origin)

    def reshaped(self, shape):
        if prod(shape) != self.numel() or not self.is_contiguous():
            raise ValueError("bad reshape")
        return Tensor(self.dtype, shape, self.buf, None, self.offset, self.origin)

    def raw_bytes(self):
        """The elements in row-major order, in the tensor's own dtype (a gather for views)."""
        es = DTYPES[self.dtype][0]
        n = self.numel()
        mv = memoryview(self.buf)
        if self.is_contiguous():
            return mv[self.offset * es:(self.offset + n) * es]
        if n == 0:
            return b""
        # Strided: one slice per run of the last dim, taken with a step over an element-typed view.
        elem = mv[:len(mv) // es * es].cast("B").cast("f" if es == 4 else "H")
        out = bytearray(n * es)
        outm = memoryview(out).cast("f" if es == 4 else "H")
        last, lstride = self.shape[-1], self.stride[-1]
        pos = 0
        for idx in itertools.product(*[range(s) for s in self.shape[:-1]]):
            start = self.offset + sum(i * st for i, st in zip(idx, self.stride[:-1]))
            outm[pos:pos + last] = elem[start:start + (last - 1) * lstride + 1:lstride] \
                if lstride > 0 else array.array(outm.format, [elem[start]] * last)
            pos += last
        return out


def prod(xs):
    p = 1
    for x in xs:
        p *= x
    return p


def contiguous_strides(shape):
    strides, acc = [], 1
    for s in reversed(shape):
        strides.append(acc)
        acc *= s
    return tuple(reversed(strides))


def squeezed(shape):
    return tuple(s for s in shape if s != 1)


# ==== exact number conversions ====================================================================
# All on little-endian byte strings. f32 -> f16/bf16 round to nearest, ties to even, like torch.

_lane_masks = {}


def _masks(n):
    m = _lane_masks.get(n)
    if m is None:
        def lanes(pattern):
            return int.from_bytes(pattern * n, "little")
        m = (lanes(b"\x00\x00\x80\x7f"), lanes(b"\x00\x00\x80\x00"), lanes(b"\x00\x00\x00\x80"),
             lanes(b"\x01\x00\x00\x00"), lanes(b"\xff\x7f\x00\x00"))
        if len(_lane_masks) > 8:
            _lane_masks.clear()
        _lane_masks[n] = m
    return m


def _bf16_round_one(u):
    if (u & 0x7F800000) == 0x7F800000 and (u & 0x7FFFFF):
        return 0x7FC0                      # NaN -> canonical quiet NaN (what torch writes)
    return ((u + 0x7FFF + ((u >> 16) & 1)) >> 16) & 0xFFFF


def f32_to_bf16(b):
    """Rounds f32 to bf16 (RNE) for a whole buffer at once: the buffer is one big integer with
    32-bit lanes, so the per-lane add runs in C. A lane cannot carry into its neighbour unless
    it is NaN/Inf (exponent all ones): those buffers take the per-element path."""
    n = len(b) // 4
    if n == 0:
        return b""
    exp_mask, exp_lsb, top_bit, lane_one, half = _masks(n)
    x = int.from_bytes(b, "little")
    if ((x & exp_mask) + exp_lsb) & top_bit:
        words = array.array("I", bytes(b))
        return array.array("H", [_bf16_round_one(u) for u in words]).tobytes()
    r = (x + ((x >> 16) & lane_one) + half).to_bytes(4 * n, "little")
    out = bytearray(2 * n)
    out[0::2] = r[2::4]
    out[1::2] = r[3::4]
    return bytes(out)


def bf16_to_f32(b):
    out = bytearray(2 * len(b))
    out[2::4] = b[0::2]
    out[3::4] = b[1::2]
    return bytes(out)


def f16_to_f32(b):
    n = len(b) // 2
    return array.array("f", struct.unpack("<%de" % n, b)).tobytes()


def f32_to_f16(b, name):
    vals = memoryview(b).cast("B").cast("f") if len(b) else []
    try:
        return struct.pack("<%de" % len(vals), *vals)
    except OverflowError:
        raise ConvertError("tensor %s has values beyond the f16 range (|x| > 65504)" % name,
                           "use --dtype bf16 or --dtype f32")


_tables = {}


def _table(src, dst):
    """All 65536 bf16<->f16 conversions, computed once: mapping each 16-bit pattern through a
    table runs ~4x faster than unpacking and repacking Python floats. None marks an f16
    overflow."""
    t = _tables.get((src, dst))
    if t is None:
        t = []
        for u in range(65536):
            if src == "bf16":
                f = struct.unpack("<f", struct.pack("<I", u << 16))[0]
                try:
                    t.append(struct.unpack("<H", struct.pack("<e", f))[0])
                except OverflowError:
                    t.append(None)
            else:
                f = struct.unpack("<e", struct.pack("<H", u))[0]
                t.append(_bf16_round_one(struct.unpack("<I", struct.pack("<f", f))[0]))
        _tables[(src, dst)] = t
    return t


def convert_16(b, src, dst, name):
    table = _table(src, dst)
    try:
        return array.array("H", map(table.__getitem__, memoryview(b).cast("B").cast("H"))
                           ).tobytes()
    except TypeError:
        raise ConvertError("tensor %s has values beyond the f16 range (|x| > 65504)" % name,
                           "use --dtype bf16 or --dtype f32")


CHUNK_ELEMS = 1 << 22


def convert_bytes(raw, src, dst, name):
    """Yields `raw` (src dtype) converted to dst, in chunks, exactly where the value fits."""
    es = DTYPES[src][0]
    raw = memoryview(raw).cast("B")
    for pos in range(0, len(raw), CHUNK_ELEMS * es):
        chunk = raw[pos:pos + CHUNK_ELEMS * es]
        if src == dst:
            yield chunk
            continue
        if src != "f32" and dst != "f32":
            yield convert_16(chunk, src, dst, name)
            continue
        f32 = chunk if src == "f32" else (bf16_to_f32(chunk) if src == "bf16"
                                          else f16_to_f32(chunk))
        if dst == "f32":
            yield f32
        elif dst == "bf16":
            yield f32_to_bf16(bytes(f32))
        else:
            yield f32_to_f16(f32, name)


# ==== restricted unpickler for torch checkpoints ==================================================

# torch storage class name -> our dtype name, or None for dtypes an RWKV model never stores.
STORAGE_TYPES = {
    "FloatStorage": "f32", "HalfStorage": "f16", "BFloat16Storage": "bf16",
    "DoubleStorage": None, "LongStorage": None, "IntStorage": None, "ShortStorage": None,
    "CharStorage": None, "ByteStorage": None, "BoolStorage": None,
}
STORAGE_ELSIZE = {"FloatStorage": 4, "HalfStorage": 2, "BFloat16Storage": 2, "DoubleStorage": 8,
                  "LongStorage": 8, "IntStorage": 4, "ShortStorage": 2, "CharStorage": 1,
                  "ByteStorage": 1, "BoolStorage": 1}


class _Marker:
    """Stands for a torch global we interpret ourselves; it can never be called."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __call__(self, *args, **kwargs):
        raise pickle.UnpicklingError("%s cannot be called" % self.name)

    def __setstate__(self, state):
        raise pickle.UnpicklingError("BUILD on %s is not allowed" % self.name)

    def __repr__(self):
        return "<%s>" % self.name


class UnsupportedTensor:
    """A tensor whose dtype we cannot convert (int64, float64...): an error only if used."""

    __slots__ = ("dtype", "shape")

    def __init__(self, dtype, shape):
        self.dtype, self.shape = dtype, tuple(shape)

    def __setstate__(self, state):
        raise pickle.UnpicklingError("BUILD on a tensor is not allowed")


class _Storage:
    __slots__ = ("key", "type_name", "numel", "buf")

    def __init__(self, key, type_name, numel, buf):
        self.key, self.type_name, self.numel, self.buf = key, type_name, numel, buf

    def __setstate__(self, state):
        raise pickle.UnpicklingError("BUILD on a storage is not allowed")


def _is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad=False,
                       backward_hooks=None, metadata=None):
    if not isinstance(storage, _Storage):
        raise pickle.UnpicklingError("_rebuild_tensor_v2: first argument is not a storage")
    if not (_is_int(storage_offset) and storage_offset >= 0 and isinstance(size, tuple)
            and isinstance(stride, tuple) and len(size) == len(stride) and len(size) <= 8
            and all(_is_int(s) and 0 <= s < 1 << 40 for s in size + stride)):
        raise pickle.UnpicklingError("_rebuild_tensor_v2: bad offset/size/stride")
    dtype = STORAGE_TYPES[storage.type_name]
    n = prod(size)
    if n:
        last = storage_offset + sum((s - 1) * st for s, st in zip(size, stride))
        if last >= storage.numel:
            raise pickle.UnpicklingError(
                "tensor view (offset %d, size %s, stride %s) reaches past its storage '%s' of %d "
                "elements" % (storage_offset, size, stride, storage.key, storage.numel))
    if dtype is None:
        return UnsupportedTensor(storage.type_name.replace("Storage", "").lower(), size)
    return Tensor(dtype, size, storage.buf, stride, storage_offset, "storage " + storage.key)


def _rebuild_parameter(data, requires_grad=False, backward_hooks=None, state=None):
    if not isinstance(data, (Tensor, UnsupportedTensor)):
        raise pickle.UnpicklingError("_rebuild_parameter: not a tensor")
    return data


_TENSOR_CLASS = _Marker("torch.Tensor")
_PARAMETER_CLASS = _Marker("torch.nn.Parameter")


def _rebuild_from_type_v2(func, new_type, args, state):
    if func is not _rebuild_tensor_v2 or new_type not in (_TENSOR_CLASS, _PARAMETER_CLASS) \
            or not isinstance(args, tuple) or state:
        raise pickle.UnpicklingError("_rebuild_from_type_v2: only plain tensors are supported")
    return _rebuild_tensor_v2(*args)


# (module, name) -> object. Everything else in a checkpoint's pickle is refused. Deliberately
# absent: torch.storage._load_from_bytes (it calls torch.load on embedded bytes, i.e. a second,
# unrestricted unpickler), anything from builtins/os/subprocess, and torch classes we would have
# to instantiate.
_ALLOWED_GLOBALS = {
    ("collections", "OrderedDict"): collections.OrderedDict,
    ("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor_v2,
    ("torch._utils", "_rebuild_parameter"): _rebuild_parameter,
    ("torch._utils", "_rebuild_parameter_with_state"): _rebuild_parameter,
    ("torch._tensor", "_rebuild_from_type_v2"): _rebuild_from_type_v2,
    ("torch", "Tensor"): _TENSOR_CLASS,
    ("torch.nn.parameter", "Parameter"): _PARAMETER_CLASS,
}
for _name in STORAGE_TYPES:
    _ALLOWED_GLOBALS[("torch", _name)] = _Marker("torch." + _name)


class RestrictedUnpickler(pickle.Unpickler):
    """Unpickler that resolves only the globals a state dict needs, to objects of our own.

    storage_loader(key, numel, element size) returns the storage's bytes."""

    def __init__(self, f, storage_loader):
        pickle.Unpickler.__init__(self, f)
        self._storage_loader = storage_loader
        self._storages = {}

    def find_class(self, module, name):
        obj = _ALLOWED_GLOBALS.get((module, name))
        if obj is None:
            raise pickle.UnpicklingError(
                "refusing global %s.%s (not needed by a model checkpoint)" % (module, name))
        return obj

    def persistent_load(self, pid):
        # zip format: ('storage', type, key, location, numel)
        # legacy:     ('storage', type, key, location, numel, view_metadata)
        if not (isinstance(pid, tuple) and len(pid) in (5, 6) and pid[0] == "storage"):
            raise pickle.UnpicklingError("unsupported persistent id %r" % (pid[:1],)
                                         if isinstance(pid, tuple) else "bad persistent id")
        stype, key, numel = pid[1], pid[2], pid[4]
        if not (isinstance(stype, _Marker) and stype.name.startswith("torch.")
                and stype.name[6:] in STORAGE_TYPES):
            raise pickle.UnpicklingError("persistent id names no storage type")
        if not (isinstance(key, str) and _is_int(numel) and 0 <= numel < 1 << 44):
            raise pickle.UnpicklingError("bad storage key or size in persistent id")
        if len(pid) == 6 and pid[5] is not None:
            raise ConvertError("legacy storage views are not supported",
                               "re-save the checkpoint with a recent torch")
        type_name = stype.name[6:]
        cache_key = (key, type_name)
        st = self._storages.get(cache_key)
        if st is None:
            buf = self._storage_loader(key, numel, STORAGE_ELSIZE[type_name])
            st = _Storage(key, type_name, numel, buf)
            self._storages[cache_key] = st
        elif st.numel != numel:
            raise pickle.UnpicklingError("storage %s referenced with two sizes" % key)
        return st


def _check_state_dict(obj, path):
    if not isinstance(obj, dict):
        raise ConvertError("%s: the checkpoint holds a %s, not a state dict of tensors"
                           % (path, type(obj).__name__))
    if "_strategy" in obj:
        raise ConvertError("%s was pre-converted by ChatRWKV (strategy %r)"
                           % (path, obj.get("_strategy")), "convert the original checkpoint")
    for k, v in obj.items():
        if not isinstance(k, str):
            raise ConvertError("%s: state dict key %r is not a string" % (path, k))
        if not isinstance(v, (Tensor, UnsupportedTensor)):
            raise ConvertError("%s: '%s' is a %s, not a tensor" % (path, k, type(v).__name__))
    return collections.OrderedDict(obj)


def _unpickle(data, loader, path):
    try:
        return RestrictedUnpickler(io.BytesIO(data), loader).load()
    except ConvertError:
        raise
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, KeyError,
            IndexError, struct.error, MemoryError, UnicodeDecodeError, RecursionError) as e:
        raise ConvertError("%s: refused or malformed checkpoint pickle: %s"
                           % (path, str(e).splitlines()[0] if str(e) else type(e).__name__),
                           "only plain torch.save state dicts are accepted")


LEGACY_MAGIC = 0x1950A86A20F9469CFC6C


def read_torch_zip(path, mm):
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise ConvertError("%s: not a valid zip checkpoint: %s" % (path, e))
    with zf:
        names = [i.filename for i in zf.infolist()]
        pkls = [n for n in names if n.endswith("/data.pkl") and n.count("/") == 1]
        if not pkls and "data.pkl" in names:
            pkls = ["data.pkl"]
        if len(pkls) != 1:
            raise ConvertError("%s: zip has no single <archive>/data.pkl: not a torch.save file"
                               % path)
        prefix = pkls[0][:-len("data.pkl")]
        infos = {i.filename: i for i in zf.infolist()}
        pkl_info = infos[pkls[0]]
        if pkl_info.file_size > 1 << 30:
            raise ConvertError("%s: data.pkl is implausibly large" % path)
        data = zf.read(pkls[0])
        bo = infos.get(prefix + "byteorder")
        if bo is not None and zf.read(bo).strip() not in (b"little", b""):
            raise ConvertError("%s: the checkpoint was saved on a big-endian machine" % path,
                               "re-save it on a little-endian one")

        def load_storage(key, numel, elsize):
            nbytes = numel * elsize
            info = infos.get(prefix + "data/" + key)
            if info is None:
                raise ConvertError("%s: storage '%s' is missing from the zip" % (path, key))
            if info.file_size < nbytes:
                raise ConvertError("%s: storage '%s' has %d bytes, the pickle needs %d"
                                   % (path, key, info.file_size, nbytes))
            if info.compress_type == zipfile.ZIP_STORED:
                # Use the bytes in place from the mapped file (torch writes storages unpacked).
                h = info.header_offset
                if mm[h:h + 4] != b"PK\x03\x04":
                    raise ConvertError("%s: bad zip local header for '%s'" % (path, key))
                nlen, xlen = struct.unpack_from("<HH", mm, h + 26)
                start = h + 30 + nlen + xlen
                if start + nbytes > len(mm):
                    raise ConvertError("%s: storage '%s' runs past the end of the file"
                                       % (path, key))
                return memoryview(mm)[start:start + nbytes]
            return zf.read(info)[:nbytes]

        obj = _unpickle(data, load_storage, path)
    return _check_state_dict(obj, path)


def read_torch_zip_checked(path, mm):
    try:
        return read_torch_zip(path, mm)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OverflowError,
            UnicodeDecodeError, ValueError, struct.error) as e:
        raise ConvertError("%s: damaged zip checkpoint: %s" % (path, e))


def read_torch_legacy(path, mm):
    """torch.save(..., _use_new_zipfile_serialization=False): pickles of magic, protocol,
    sys_info, the object, the sorted storage keys, then each storage as int64 numel + bytes."""
    f = io.BytesIO(mm)

    def small_load():
        return RestrictedUnpickler(f, _no_storages).load()

    try:
        magic = small_load()
        if magic != LEGACY_MAGIC:
            raise ConvertError("%s: not a PyTorch checkpoint (no zip, no legacy magic)" % path)
        proto = small_load()
        if proto != 1001:
            raise ConvertError("%s: unsupported legacy checkpoint protocol %r" % (path, proto))
        small_load()  # sys_info
    except ConvertError:
        raise
    except pickle.UnpicklingError as e:
        raise ConvertError("%s: refused or malformed checkpoint pickle: %s" % (path, e),
                           "only plain torch.save state dicts are accepted")
    except Exception:
        raise ConvertError("%s: not a PyTorch checkpoint or rwkv.cpp file" % path,
                           "expected a .pth written by torch.save or an rwkv.cpp .bin")

    storages = {}

    def defer(key, numel, elsize):
        buf = bytearray(0)          # filled in once the storage bytes are reached
        storages.setdefault(key, []).append((numel, elsize, buf))
        return buf

    try:
        up = RestrictedUnpickler(f, defer)
        obj = up.load()
        keys = RestrictedUnpickler(f, _no_storages).load()
    except ConvertError:
        raise
    except Exception as e:
        raise ConvertError("%s: refused or malformed checkpoint pickle: %s" % (path, e))
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise ConvertError("%s: malformed legacy storage key list" % path)
    if set(keys) != set(storages) or len(keys) != len(set(keys)):
        raise ConvertError("%s: legacy storage list does not match the storages the pickle uses"
                           % path)
    pos = f.tell()
    for key in keys:
        if pos + 8 > len(mm):
            raise ConvertError("%s: truncated legacy checkpoint at storage '%s'" % (path, key))
        numel = struct.unpack_from("<q", mm, pos)[0]
        pos += 8
        uses = storages[key]
        esize = uses[0][1]
        if any((n, e) != (numel, esize) for n, e, _ in uses):
            raise ConvertError("%s: storage '%s' has %d elements, the pickle says otherwise"
                               % (path, key, numel))
        if pos + numel * esize > len(mm):
            raise ConvertError("%s: truncated legacy checkpoint at storage '%s'" % (path, key))
        for _, _, buf in uses:
            buf[:] = mm[pos:pos + numel * esize]
        pos += numel * esize
    return _check_state_dict(obj, path)


def _no_storages(key, numel, elsize):
    raise pickle.UnpicklingError("unexpected storage reference")


# ==== rwkv.cpp .bin files =========================================================================

RWKVCPP_MAGIC = 0x67676D66
RWKVCPP_TYPES = {0: "FP32", 1: "FP16", 2: "Q4_0", 3: "Q4_1", 7: "Q5_0", 8: "Q5_1", 9: "Q8_0"}


def read_rwkvcpp(path, mm):
    """Reads an rwkv.cpp file and undoes its transforms, giving the checkpoint's own tensors.
    Returns (state dict, default dtype, notes about inexact inversions)."""
    size = len(mm)
    if size < 24:
        raise ConvertError("%s: truncated rwkv.cpp header" % path)
    magic, version, n_vocab, n_embd, n_layer, ftype = struct.unpack_from("<6i", mm, 0)
    if version not in (100, 101):
        raise ConvertError("%s: unsupported rwkv.cpp file version %d" % (path, version))
    if ftype not in (0, 1):
        raise ConvertError("%s: rwkv.cpp data type %s is not supported (only FP32 and FP16)"
                           % (path, RWKVCPP_TYPES.get(ftype, ftype)),
                           "quantized files cannot be converted back; use the original .pth")
    raw = collections.OrderedDict()
    pos = 24
    while pos < size:
        if pos + 12 > size:
            raise ConvertError("%s: truncated tensor header at byte %d" % (path, pos))
        n_dims, key_len, ttype = struct.unpack_from("<3i", mm, pos)
        if not (1 <= n_dims <= 4 and 0 < key_len <= 1024):
            raise ConvertError("%s: bad tensor header at byte %d" % (path, pos))
        pos += 12
        if pos + 4 * n_dims + key_len > size:
            raise ConvertError("%s: truncated tensor header at byte %d" % (path, pos))
        dims = struct.unpack_from("<%di" % n_dims, mm, pos)
        pos += 4 * n_dims
        try:
            key = bytes(mm[pos:pos + key_len]).decode("utf-8")
        except UnicodeDecodeError:
            raise ConvertError("%s: tensor name at byte %d is not UTF-8" % (path, pos))
        pos += key_len
        if ttype not in (0, 1):
            raise ConvertError("%s: tensor %s has rwkv.cpp type %s; only FP32/FP16 are supported"
                               % (path, key, RWKVCPP_TYPES.get(ttype, ttype)))
        if any(d <= 0 for d in dims):
            raise ConvertError("%s: tensor %s has a non-positive dimension %s" % (path, key, dims))
        es = 4 if ttype == 0 else 2
        nbytes = prod(dims) * es
        if pos + nbytes > size:
            raise ConvertError("%s: tensor %s runs past the end of the file" % (path, key))
        if key in raw:
            raise ConvertError("%s: tensor %s appears twice" % (path, key))
        shape = tuple(reversed(dims))  # rwkv.cpp writes ggml order
        raw[key] = Tensor("f32" if ttype == 0 else "f16", shape,
                          memoryview(mm)[pos:pos + nbytes], origin="rwkv.cpp file")
        pos += nbytes

    keys = list(raw)
    notes = []
    if any(".x_rwkvag" in k or "att.k_k" in k for k in keys):
        version_name = "7"
    elif any("time_maa" in k for k in keys):
        version_name = "6"
    elif any("ln_x" in k for k in keys):
        version_name = "5"
    else:
        version_name = "4"

    out = collections.OrderedDict()
    stats = {}

    def track(kind, err):
        stats[kind] = max(stats.get(kind, 0.0), err)

    for key, t in raw.items():
        if version_name == "4" and key.endswith(".att.time_decay"):
            # stored -exp(w)
            out[key] = _map_f32(t, lambda d: _log_neg(d), "v4 time_decay = log(-d)",
                                lambda w: -math.exp(w), track)
        elif version_name == "5" and key.endswith(".att.time_decay"):
            # stored exp(-exp(w)), reshaped (H,1,1) or unsqueezed (H,S,1)
            out[key] = _map_f32(t, _loglog, "v5 time_decay = log(-log(d))",
                                lambda w: math.exp(-math.exp(w)), track)
        elif version_name == "5" and key.endswith(".att.time_first"):
            # stored exp(u), reshaped (H,1,1)
            out[key] = _map_f32(t, _log_pos, "v5 time_first = log(e)", math.exp, track)
        elif version_name == "6" and (key.endswith(".att.time_maa_w1")
                                      or key.endswith(".att.time_decay_w1")
                                      or key.endswith(".att.time_decay_w2")):
            out[key] = _need_dims(t, key, 2).transposed((1, 0))
        elif version_name == "6" and key.endswith(".att.time_decay"):
            out[key] = t.reshaped((1, 1, t.numel()))  # stored as (H, S, 1)
        elif version_name == "6" and key.endswith(".att.time_maa_w2"):
            out[key] = _need_dims(t, key, 3).transposed((0, 2, 1))  # (5, C, D) -> (5, D, C)
        elif version_name == "7" and key.endswith(".att.x_rwkvag"):
            _need_dims(t, key, 3)
            if t.shape[0] != 6:
                raise ConvertError("%s: %s has shape %s, expected (6, 1, C)" % (path, key, t.shape))
            base = key[:-len("x_rwkvag")]
            c = t.numel() // 6
            for i, letter in enumerate("rwkvag"):
                out[base + "x_" + letter] = Tensor(t.dtype, (1, 1, c), t.buf, None,
                                                   t.offset + i * c, t.origin)
        elif version_name == "7" and any(key.endswith(".att." + m) for m in
                                         ("w1", "w2", "a1", "a2", "g1", "g2", "v1", "v2")):
            out[key] = _need_dims(t, key, 2).transposed((1, 0))
        else:
            out[key] = t
    for kind, err in sorted(stats.items()):
        notes.append("%s: largest round-trip error of the stored value %.3g" % (kind, err))
    if "emb.weight" in out and (out["emb.weight"].shape != (n_vocab, n_embd)):
        raise ConvertError("%s: emb.weight %s contradicts the header (n_vocab %d, n_embed %d)"
                           % (path, out["emb.weight"].shape, n_vocab, n_embd))
    layers = 1 + max([int(k.split(".")[1]) for k in out if k.startswith("blocks.")
                      and k.split(".")[1].isdigit()] + [-1])
    if layers != n_layer:
        raise ConvertError("%s: header says %d layers, tensors have %d" % (path, n_layer, layers))
    return out, ("f32" if ftype == 0 else "f16"), notes


def _need_dims(t, key, n):
    if len(t.shape) != n:
        raise ConvertError("rwkv.cpp tensor %s has %d dims, expected %d" % (key, len(t.shape), n))
    return t


def _log_neg(d):
    if d < 0 and math.isfinite(d):
        return math.log(-d)
    if d == 0:                       # -exp(w) underflowed: any w below ~-104 gives the same
        return -104.0
    raise ValueError(d)


def _loglog(d):
    if 0.0 < d < 1.0:
        return math.log(-math.log(d))
    if d == 1.0:                     # exp(-exp(w)) rounded to 1: any w below ~-17.3 is the same
        return -18.0
    if d == 0.0:                     # underflowed to 0: any w above ~4.64 is the same
        return 4.7
    raise ValueError(d)


def _log_pos(e):
    if e > 0 and math.isfinite(e):
        return math.log(e)
    raise ValueError(e)


def _f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def _map_f32(t, inverse, kind, forward, track):
    """Applies `inverse` element-wise in double precision, rounds to f32, and records how far
    forward(result) lands from the stored value (in units of the stored value)."""
    src = array.array("f", bytes(convert_join(t.raw_bytes(), t.dtype, "f32", kind)))
    vals = array.array("f")
    worst = 0.0
    for d in src:
        try:
            w = _f32(inverse(d))
        except (ValueError, OverflowError):
            raise ConvertError("rwkv.cpp file: %s: stored value %r cannot be inverted" % (kind, d))
        vals.append(w)
        back = forward(w)
        if d != 0:
            worst = max(worst, abs(back - d) / abs(d))
    track(kind, worst)
    return Tensor("f32", t.shape, vals.tobytes(), origin="rwkv.cpp file (inverted)")


def convert_join(raw, src, dst, name):
    return b"".join(bytes(c) for c in convert_bytes(raw, src, dst, name))


# ==== checkpoint schema ===========================================================================
# Per version, the tensors of a block (torch shapes) in the order they are written. Shapes are
# compared after dropping size-1 dims, so (1,1,C) and (C,) are the same, and rwkv.cpp's
# reshaped copies compare equal to the checkpoint's own.

VERSION_NAMES = {(4, 0): "4", (5, 0): "5.0", (5, 1): "5.1", (5, 2): "5.2", (6, 0): "6", (7, 0): "7"}


class Dims:
    def __init__(self, C, F, V, H=0, S=0):
        self.C, self.F, self.V, self.H, self.S = C, F, V, H, S


def block_schema(version, minor, layer, d, lora=None, v5_bonus=None, deep=False):
    """[(name below 'blocks.N.', torch shape, optional?)] for one block.

    deep: v7's DeepEmbed channel mix (RWKV-7a: ffn.s_emb, s_emb_x, s0, s1, s2).
    lora: function(name) -> rank for LoRA matrices (taken from the checkpoint's own shapes).
    v5_bonus: the name of v5's per-head bonus in this checkpoint, "att.time_first" (log u) or
    "att.time_faaaa" (u); released checkpoints of every v5 variant use either. Default: the
    official name of the variant (time_first for 5.0/5.1, time_faaaa for 5.2)."""
    C, F, H, S = d.C, d.F, d.H, d.S
    lora = lora or (lambda n: 0)
    s = []
    if layer == 0:
        s += [("ln0.weight", (C,)), ("ln0.bias", (C,))]
    s += [("ln1.weight", (C,)), ("ln1.bias", (C,)), ("ln2.weight", (C,)), ("ln2.bias", (C,))]
    mats = [("att.receptance.weight", (C, C)), ("att.key.weight", (C, C)),
            ("att.value.weight", (C, C)), ("att.output.weight", (C, C))]
    if version == 4 or version == 5:
        s += [("att.time_mix_k", (1, 1, C)), ("att.time_mix_v", (1, 1, C)),
              ("att.time_mix_r", (1, 1, C))]
        if version == 5 and minor >= 1:
            s += [("att.time_mix_g", (1, 1, C))]
        if version == 4:
            s += [("att.time_decay", (C,)), ("att.time_first", (C,))]
        elif minor < 2:
            s += [("att.time_decay", (H,)), (v5_bonus or "att.time_first", (H,))]
        else:
            s += [("att.time_decay", (H, S)), (v5_bonus or "att.time_faaaa", (H, S))]
        s += mats
        if version == 5 and minor >= 1:
            s += [("att.gate.weight", (C, C))]
        if version == 5:
            s += [("att.ln_x.weight", (C,)), ("att.ln_x.bias", (C,))]
        s += [("ffn.time_mix_k", (1, 1, C)), ("ffn.time_mix_r", (1, 1, C)),
              ("ffn.key.weight", (F, C)), ("ffn.receptance.weight", (C, C)),
              ("ffn.value.weight", (C, F))]
    elif version == 6:
        D, D2 = lora("att.time_maa_w1") // 5, lora("att.time_decay_w1")
        s += [("att.time_maa_" + x, (1, 1, C)) for x in "xwkvrg"]
        s += [("att.time_maa_w1", (C, 5 * D)), ("att.time_maa_w2", (5, D, C)),
              ("att.time_decay", (1, 1, C)), ("att.time_decay_w1", (C, D2)),
              ("att.time_decay_w2", (D2, C)), ("att.time_faaaa", (H, S))]
        s += mats + [("att.gate.weight", (C, C)),
                     ("att.ln_x.weight", (C,)), ("att.ln_x.bias", (C,)),
                     ("att.time_state", (H, S, S), True)]
        s += [("ffn.time_maa_k", (1, 1, C)), ("ffn.time_maa_r", (1, 1, C)),
              ("ffn.key.weight", (F, C)), ("ffn.receptance.weight", (C, C)),
              ("ffn.value.weight", (C, F))]
    elif version == 7:
        s += [("att.x_" + x, (1, 1, C)) for x in "rwkvag"]
        for m in ("w", "a") + (("v",) if layer > 0 else ()) + ("g",):
            r = lora("att.%s1" % m)
            if m != "g":
                s += [("att.%s0" % m, (1, 1, C))]
            s += [("att.%s1" % m, (C, r)), ("att.%s2" % m, (r, C))]
        s += [("att.k_k", (1, 1, C)), ("att.k_a", (1, 1, C)), ("att.r_k", (H, S))]
        s += mats + [("att.ln_x.weight", (C,)), ("att.ln_x.bias", (C,))]
        s += [("ffn.x_k", (1, 1, C)), ("ffn.key.weight", (F, C)), ("ffn.value.weight", (C, F))]
        if deep:  # the rank D from s1 (C, D); a token's s_emb row is a D x D matrix
            D = lora("ffn.s1")
            s += [("ffn.s_emb.weight", (d.V, D * D)), ("ffn.s_emb_x.weight", (D * D, C)),
                  ("ffn.s0", (1, 1, F)), ("ffn.s1", (C, D)), ("ffn.s2", (D, F))]
    else:
        raise ValueError(version)
    return [(e[0], e[1], len(e) > 2 and e[2]) for e in s]


def gguf_name(key):
    """checkpoint name -> GGUF name (docs/FORMAT.md)."""
    fixed = {"emb.weight": "token_embd.weight", "blocks.0.ln0.weight": "token_embd_norm.weight",
             "blocks.0.ln0.bias": "token_embd_norm.bias", "ln_out.weight": "output_norm.weight",
             "ln_out.bias": "output_norm.bias", "head.weight": "output.weight"}
    if key in fixed:
        return fixed[key]
    parts = key.split(".", 2)
    rest = parts[2]
    for old, new in (("ln1.", "attn_norm."), ("ln2.", "ffn_norm.")):
        if rest.startswith(old):
            rest = new + rest[len(old):]
    return "blk.%s.%s" % (parts[1], rest)


def detect_version(sd):
    """Version as the official implementation decides it (ChatRWKV rwkv/model.py): ln_x -> 5,
    gate.weight -> 5.1, a 2-D att.time_decay with dim 1 > 1 -> 5.2, time_maa -> 6, k_k/r_k -> 7.
    The official loop depends on key order for the 5.2 test; this looks at all keys."""
    keys = list(sd)
    v = 4.0
    if any("ln_x" in k for k in keys):
        v = 5.0
    if any("gate.weight" in k for k in keys):
        v = max(v, 5.1)
    if int(v) == 5:
        for k in keys:
            if "att.time_decay" in k and len(sd[k].shape) > 1 and sd[k].shape[1] > 1:
                v = max(v, 5.2)
    if any("time_maa" in k for k in keys):
        v = max(v, 6.0)
    if any("att.k_k" in k or "att.r_k" in k for k in keys):
        v = 7.0
    major = int(v)
    minor = int(round((v - major) * 10)) if major == 5 else 0
    return major, minor


SCHEMA_HINT = "docs/FORMAT.md lists the tensors of each version; is the checkpoint complete?"


def plan_model(sd, path, renamed=None):
    """Validates a state dict against the schema. Returns (info dict, [(key, Tensor)] in file
    order). RENAMED: {name here: name in the file} of a renamed layout, for messages."""
    renamed = renamed or {}

    def called(k):
        return "%s (%s in the file)" % (k, renamed[k]) if k in renamed else k

    for k in sd:
        if ".qkv." in k:
            raise ConvertError("%s: '%s': RWKV-7b (DeepEmbed Attention, DEA) checkpoints are not "
                               "supported" % (path, k), "RWKV-7 and RWKV-7a (DeepEmbed) are")
    for req in ("emb.weight", "head.weight"):
        if req not in sd:
            raise ConvertError("%s: missing tensor %s" % (path, req), "is this an RWKV checkpoint?")
    for k, t in sd.items():
        if isinstance(t, UnsupportedTensor):
            raise ConvertError("%s: tensor %s has dtype %s; only f32, f16 and bf16 are supported"
                               % (path, k, t.dtype))
    version, minor = detect_version(sd)
    emb = sd["emb.weight"]
    if len(emb.shape) != 2:
        raise ConvertError("%s: emb.weight has shape %s, expected (vocab, n_embd)"
                           % (path, emb.shape))
    V, C = emb.shape
    layer_ids = set()
    for k in sd:
        if k.startswith("blocks."):
            p = k.split(".")
            if len(p) < 3 or not p[1].isdigit() or str(int(p[1])) != p[1]:
                raise ConvertError("%s: unexpected tensor %s" % (path, k))
            layer_ids.add(int(p[1]))
    if not layer_ids:
        raise ConvertError("%s: no blocks.N tensors" % path)
    L = max(layer_ids) + 1
    for i in range(L):
        if i not in layer_ids:
            raise ConvertError("%s: block %d is missing (blocks go up to %d)" % (path, i, L - 1),
                               SCHEMA_HINT)

    def get(k):
        if k not in sd:
            raise ConvertError("%s: missing tensor %s (RWKV v%s)"
                               % (path, k, VERSION_NAMES[(version, minor)]), SCHEMA_HINT)
        return sd[k]

    fk = get("blocks.0.ffn.key.weight")
    if len(fk.shape) != 2:
        raise ConvertError("%s: blocks.0.ffn.key.weight has shape %s" % (path, fk.shape))
    F = fk.shape[0]
    H = S = 0
    if version >= 5:
        src = {5: "blocks.0.att.time_decay", 6: "blocks.0.att.time_faaaa", 7: "blocks.0.att.r_k"}
        t = get(src[version])
        H = t.shape[0] if t.shape else 0
        if H <= 0 or C % H:
            raise ConvertError("%s: %s has shape %s: head count %d does not divide n_embd %d"
                               % (path, src[version], t.shape, H, C))
        S = C // H
    d = Dims(C, F, V, H, S)
    deep = version == 7 and "blocks.0.ffn.s_emb.weight" in sd
    v5_bonus = None
    if version == 5:  # the name block 0 uses; every block must use the same
        v5_bonus = "att.time_faaaa" if "blocks.0.att.time_faaaa" in sd else "att.time_first"

    plan = []
    seen = set()

    def take(key, shape, optional=False):
        if key not in sd:
            if optional:
                return
            get(key)
        t = sd[key]
        if squeezed(t.shape) != squeezed(shape):
            raise ConvertError("%s: tensor %s has shape %s, expected %s (RWKV v%s, n_embd %d)"
                               % (path, called(key), tuple(t.shape), tuple(shape),
                                  VERSION_NAMES[(version, minor)], C), SCHEMA_HINT)
        plan.append((key, t))
        seen.add(key)

    take("emb.weight", (V, C))
    has_state = False
    for i in range(L):
        prefix = "blocks.%d." % i

        def lora(name, prefix=prefix):
            t = get(prefix + name)
            if len(t.shape) != 2:
                raise ConvertError("%s: tensor %s%s has shape %s, expected a matrix"
                                   % (path, prefix, name, t.shape))
            return t.shape[1]

        for name, shape, optional in block_schema(version, minor, i, d, lora, v5_bonus, deep):
            take(prefix + name, shape, optional)
            if name == "att.time_state" and prefix + name in sd:
                has_state = True
    notes = []
    if version == 7:
        # Some RWKV-LM x070 training code creates v0/v1/v2 in block 0 too; the official
        # forward pass never uses them there (block 0 sets v_first), so they are left out.
        unused = [k for k in ("blocks.0.att.v0", "blocks.0.att.v1", "blocks.0.att.v2") if k in sd]
        seen.update(unused)
        if unused:
            notes.append("left out %s (unused in block 0)" % ", ".join(unused))
    states = [i for i in range(L) if "blocks.%d.att.time_state" % i in sd]
    if states and len(states) != L:
        missing = next(i for i in range(L) if i not in states)
        raise ConvertError("%s: blocks.%d.att.time_state is missing (other blocks have one)"
                           % (path, missing))
    take("ln_out.weight", (C,))
    take("ln_out.bias", (C,))
    take("head.weight", (V, C))
    extra = [k for k in sd if k not in seen]
    if extra:
        raise ConvertError("%s: unexpected tensor %s for RWKV v%s" % (
            path, called(extra[0]), VERSION_NAMES[(version, minor)]),
            "%d unknown tensor(s); unsupported variant?" % len(extra))
    # ln0 is block 0's but is written right after the embedding (docs/FORMAT.md order)
    order = [plan[0]] + [p for p in plan if p[0].startswith("blocks.0.ln0.")] + \
        [p for p in plan[1:] if not p[0].startswith("blocks.0.ln0.")]
    info = {"version": version, "minor": minor, "n_layer": L, "n_embd": C, "n_ffn": F,
            "n_vocab": V, "head_size": S, "n_head": H, "has_time_state": has_state,
            "deep_embed": int(sd["blocks.0.ffn.s1"].shape[1]) if deep else 0,
            "notes": notes}
    return info, order


def matrix_dtype_of(sd_plan):
    """The checkpoint's own precision: the dtype of its weight matrices (f32 if mixed)."""
    kinds = {t.dtype for k, t in sd_plan if k.endswith(".weight") and len(squeezed(t.shape)) == 2}
    if len(kinds) == 1:
        return kinds.pop()
    return "f32"


# ==== GGUF writer =================================================================================

GGUF_MAGIC = b"GGUF"
GGUF_VERSION = 3
ALIGNMENT = 64
T_UINT32, T_FLOAT32, T_STRING, T_UINT64 = 4, 6, 8, 10


def _gguf_str(s):
    b = s if isinstance(s, bytes) else s.encode("utf-8", "replace")
    return struct.pack("<Q", len(b)) + b


def _kv(key, vtype, value):
    out = _gguf_str(key) + struct.pack("<I", vtype)
    if vtype == T_UINT32:
        out += struct.pack("<I", value)
    elif vtype == T_UINT64:
        out += struct.pack("<Q", value)
    elif vtype == T_FLOAT32:
        out += struct.pack("<f", value)
    elif vtype == T_STRING:
        out += _gguf_str(value)
    else:
        raise ValueError(vtype)
    return out


def _align(n, a=ALIGNMENT):
    return (n + a - 1) // a * a


class OutTensor:
    """One tensor to write: GGUF name, ggml dims, ggml type, byte size, and a function that
    yields its bytes."""

    def __init__(self, name, dims, gtype, nbytes, produce):
        self.name, self.dims, self.gtype, self.nbytes, self.produce = \
            name, dims, gtype, nbytes, produce


def model_metadata(info, name, file_type, vocab_kind=None, vocab_bytes=None):
    kv = [("general.architecture", T_STRING, "rwkv"),
          ("general.name", T_STRING, name),
          ("general.alignment", T_UINT32, ALIGNMENT),
          ("general.file_type", T_UINT32, file_type),
          ("rwkv.architecture_version", T_UINT32, info["version"]),
          ("rwkv.architecture_minor_version", T_UINT32, info["minor"]),
          ("rwkv.context_length", T_UINT64, 0),
          ("rwkv.block_count", T_UINT64, info["n_layer"]),
          ("rwkv.embedding_length", T_UINT64, info["n_embd"]),
          ("rwkv.feed_forward_length", T_UINT64, info["n_ffn"]),
          ("rwkv.vocab_size", T_UINT64, info["n_vocab"])]
    if info["version"] >= 5:
        kv.append(("rwkv.wkv.head_size", T_UINT32, info["head_size"]))
    if info["version"] >= 6:
        kv.append(("rwkv.lora_layout", T_UINT32, 1))
    kv.append(("rwkv.attention.layer_norm_epsilon", T_FLOAT32, 1e-5))
    if info["version"] >= 5:
        kv.append(("rwkv.wkv.group_norm_epsilon", T_FLOAT32, 64e-5))
    if vocab_kind == "world":
        kv += [("tokenizer.ggml.model", T_STRING, "rwkv"),
               ("tokenizer.rwkv.world", T_STRING, vocab_bytes)]
    elif vocab_kind == "pile":
        kv += [("tokenizer.ggml.model", T_STRING, "gpt2"),
               ("tokenizer.huggingface.json", T_STRING, vocab_bytes)]
    return kv


WRITE_CHUNK = 4 << 20


class _ChunkWriter:
    """Writes to a raw file in chunks of WRITE_CHUNK bytes at offsets that are multiples of
    it (the last one shorter). Linux's page cache keeps what a write brings in folios of
    about the write's size and alignment, and the engine maps a model held in 2 MiB folios
    one entry per 2 MiB: a model written 64 KiB at a time came back in 4 KiB pages and
    generated ~8% slower until its cache was dropped (docs/KERNELS.md, thirty-fourth round).
    rwkv.h's writer does the same (RWKV__WRITE_CHUNK)."""

    def __init__(self, raw):
        self.raw = raw
        self.buf = bytearray()
        self.pos = 0

    def _put(self, data):
        view = memoryview(data)
        while len(view):
            n = self.raw.write(view)
            if not n:
                raise OSError("write returned %r" % (n,))
            view = view[n:]

    def write(self, data):
        view = memoryview(data).cast("B")
        self.pos += len(view)
        while len(view):
            if not self.buf and len(view) >= WRITE_CHUNK:  # whole chunks need no copy
                k = len(view) - len(view) % WRITE_CHUNK
                self._put(view[:k])
            else:
                k = min(WRITE_CHUNK - len(self.buf), len(view))
                self.buf += view[:k]
                if len(self.buf) == WRITE_CHUNK:
                    self._put(self.buf)
                    self.buf = bytearray()
            view = view[k:]

    def flush(self):
        if self.buf:
            self._put(self.buf)
            self.buf = bytearray()

    def tell(self):
        return self.pos

    def fileno(self):
        return self.raw.fileno()


def write_gguf(out_path, kvs, tensors, progress=None):
    """Writes the file atomically: a temporary file in the same directory, renamed over
    out_path only when complete. On any error (or Ctrl-C) the temporary file is removed and
    out_path is left as it was. Returns the file size."""
    header = bytearray(GGUF_MAGIC + struct.pack("<IQQ", GGUF_VERSION, len(tensors), len(kvs)))
    for key, vtype, value in kvs:
        header += _kv(key, vtype, value)
    offset = 0
    offsets = []
    for t in tensors:
        header += _gguf_str(t.name) + struct.pack("<I", len(t.dims))
        header += struct.pack("<%dQ" % len(t.dims), *t.dims)
        header += struct.pack("<IQ", t.gtype, offset)
        offsets.append(offset)
        offset = _align(offset + t.nbytes)
    data_start = _align(len(header))
    total = data_start + offset

    out_dir = os.path.dirname(os.path.abspath(out_path))
    # Ctrl-C / SIGTERM / SIGHUP raise KeyboardInterrupt (main), which the `except` below
    # answers by removing the temporary file; one that landed after mkstemp created the file
    # but before `tmp` was bound left it behind (tests/test_convert.py signals as soon as the
    # file appears). So they wait while it is created, and come due inside the `try`.
    held = _hold_signals()
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(out_path) + ".",
                                   suffix=".tmp", dir=out_dir)
    except BaseException:
        _release_signals(held)
        raise
    try:
        _release_signals(held)
        with os.fdopen(fd, "wb", buffering=0) as raw:
            f = _ChunkWriter(raw)
            f.write(header)
            f.write(b"\0" * (data_start - len(header)))
            for i, t in enumerate(tensors):
                if progress:
                    progress(i, len(tensors), t.name)
                written = 0
                for chunk in t.produce():
                    f.write(chunk)
                    written += len(chunk)
                if written != t.nbytes:
                    raise ConvertError("internal error: tensor %s produced %d bytes, expected %d"
                                       % (t.name, written, t.nbytes))
                f.write(b"\0" * (_align(t.nbytes) - t.nbytes))
            f.flush()
            if f.tell() != total or raw.tell() != total:
                raise ConvertError("internal error: wrote %d bytes, expected %d"
                                   % (f.tell(), total))
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, out_path)
        _fsync_dir(out_dir)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return total


_HELD_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


def _hold_signals():
    """Blocks the signals that interrupt a conversion (POSIX); returns the mask to restore,
    or None where signals cannot be blocked (Windows)."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, [getattr(signal, n) for n in _HELD_SIGNALS
                                                     if hasattr(signal, n)])


def _release_signals(held):
    """Restores the mask _hold_signals returned; a signal that came meanwhile is raised in
    the caller from here on."""
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _fsync_dir(path):
    """Syncs a directory, so that a rename in it reaches the disk (POSIX; best effort: some
    file systems cannot sync a directory)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask():
    m = os.umask(0)
    os.umask(m)
    return m


LORA_SUFFIXES = (".att.time_maa_w1", ".att.time_maa_w2", ".att.time_decay_w1",
                 ".att.time_decay_w2") + tuple(".att.%s%d" % (m, i) for m in "wavg" for i in (1, 2)) \
    + (".ffn.s1", ".ffn.s2")  # RWKV-7a DeepEmbed: x @ s1, ss @ s2


def is_lora(key):
    """v6/v7 LoRA matrices: the checkpoint computes x @ A with them (A is (inputs, outputs))."""
    return key.endswith(LORA_SUFFIXES)


def lora_matvec(t):
    """A LoRA in the file's layout (rwkv.lora_layout = 1): one row per output, like every
    `.weight` matrix, i.e. the checkpoint's (in, out) transposed to (out, in); v6
    time_maa_w2 (5, D, C) -> (5, C, D)."""
    if len(t.shape) == 3:
        return t.transposed((0, 2, 1))
    return t.transposed((1, 0))


def plan_output(plan, file_dtype):
    """[(key, Tensor)] -> [OutTensor] following the dtype rule of docs/FORMAT.md."""
    out = []
    for key, t in plan:
        shape = squeezed(t.shape)
        dst = file_dtype if (key.endswith(".weight") and len(shape) == 2) else "f32"
        if is_lora(key):
            t = lora_matvec(t)
            shape = tuple(t.shape)
            dst = file_dtype
        n = t.numel()

        def produce(t=t, dst=dst, key=key):
            return convert_bytes(t.raw_bytes(), t.dtype, dst, key)

        out.append(OutTensor(gguf_name(key), list(reversed(shape)) or [1], DTYPES[dst][1],
                             n * DTYPES[dst][0], produce))
    return out


def file_type_of(tensors):
    types = [t.gtype for t in tensors if len(t.dims) == 2 and t.name.endswith(".weight")]
    if types and all(g == 1 for g in types):
        return 1
    if types and all(g == 30 for g in types):
        return 32
    return 0


# ==== vocabularies ================================================================================

VOCAB_FILES = {"world": "rwkv_vocab_v20230424.txt", "pile": "20B_tokenizer.json"}


def vocab_dirs():
    here = os.path.dirname(os.path.abspath(__file__))
    dirs = []
    if os.environ.get("RWKV_VOCAB_DIR"):
        dirs.append(os.environ["RWKV_VOCAB_DIR"])
    dirs += ["vocab", os.path.join(here, "vocab"), os.path.join(here, "..", "shared", "vocab")]
    return dirs


def find_vocab(kind):
    for d in vocab_dirs():
        p = os.path.join(d, VOCAB_FILES[kind])
        if os.path.isfile(p):
            return p
    raise ConvertError("%s vocabulary %s not found in $RWKV_VOCAB_DIR, ./vocab, the script's "
                       "vocab/ or ../shared/vocab" % (kind, VOCAB_FILES[kind]),
                       "pass --vocab PATH (or --vocab none)")


def vocab_kind_of(data, path):
    head = data[:4096].lstrip()
    if head.startswith(b"{"):
        return "pile"
    first = head.split(b"\n", 1)[0].split(b" ", 1)
    if len(first) == 2 and first[0].isdigit() and first[1][:1] in (b"'", b'"', b"b"):
        return "world"
    raise ConvertError("%s: neither a World vocabulary (lines 'ID LITERAL LENGTH') nor a "
                       "tokenizer JSON" % path)


def load_vocab(choice, n_vocab, warn):
    """-> (kind or None, bytes or None)."""
    if choice == "auto":
        if n_vocab == 65536:
            choice = "world"
        elif 50277 <= n_vocab <= 50432:
            choice = "pile"
        else:
            if n_vocab != 256:
                warn("vocab size %d matches no known tokenizer: writing no tokenizer "
                     "(pass --vocab to embed one)" % n_vocab)
            return None, None
    if choice == "none":
        return None, None
    path = find_vocab(choice) if choice in VOCAB_FILES else choice
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise ConvertError("cannot read vocabulary %s: %s" % (path, e.strerror))
    kind = vocab_kind_of(data, path)
    if choice in VOCAB_FILES and kind != choice:
        raise ConvertError("%s does not look like the %s vocabulary" % (path, choice))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConvertError("%s is not UTF-8 text" % path)
    if kind == "world" and n_vocab < 65530:
        warn("World vocabulary has ids up to 65529 but the model has only %d" % n_vocab)
    if kind == "pile" and n_vocab < 50277:
        warn("Pile vocabulary has ids up to 50276 but the model has only %d" % n_vocab)
    return kind, data


# ==== driver ======================================================================================

def read_checkpoint(path):
    """-> (state dict, default file dtype, notes, input kind, [mapped files], {released name:
    name in the file} for the renamed tensors).

    PATH is one file (.pth, rwkv.cpp .bin, .safetensors), a Hugging Face model directory, or
    a shard index (*.index.json). Hugging Face layouts are renamed to the released names."""
    if os.path.isdir(path):
        path = hf_model_file(path)
    shard = SHARD_RE.search(os.path.basename(path))
    if shard and int(shard.group(2)) > 1:
        index = os.path.join(os.path.dirname(path), HF_FILES[0] if shard.group(3) ==
                             "safetensors" else HF_FILES[2])
        raise ConvertError("%s is one of %d shards of a model" % (path, int(shard.group(2))),
                           "give the directory that holds them all, or %s"
                           % (index if os.path.isfile(index) else "their .index.json file"))
    if path.endswith(".index.json"):
        sd, own, notes, kind, maps = read_sharded(path)
    else:
        sd, own, notes, kind, mm = read_file(path)
        maps = [mm]
    layout = hf_layout(sd)
    renamed = {}
    if layout is not None:
        r = (from_transformers if layout == "transformers" else from_fla)(sd, path)
        sd, renamed = r.sd, r.old
        kind += ", %s names" % ("Hugging Face transformers" if layout == "transformers" else
                                "flash-linear-attention (fla)")
    return sd, own, notes, kind, maps, renamed


def read_file(path):
    """One checkpoint file -> (state dict, default file dtype, notes, input kind, mapped file)."""
    try:
        f = open(path, "rb")
    except OSError as e:
        raise ConvertError("cannot open %s: %s" % (path, e.strerror))
    with f:
        size = os.fstat(f.fileno()).st_size
        if size == 0:
            raise ConvertError("%s is empty" % path)
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    head = mm[:4]
    if head == b"PK\x03\x04":
        sd = read_torch_zip_checked(path, mm)
        return sd, None, [], "PyTorch zip checkpoint", mm
    if len(head) == 4 and struct.unpack("<i", head)[0] == RWKVCPP_MAGIC:
        sd, dt, notes = read_rwkvcpp(path, mm)
        return sd, dt, notes, "rwkv.cpp file", mm
    if len(mm) > 9 and mm[8:9] == b"{" and struct.unpack("<Q", mm[:8])[0] < len(mm):
        return read_safetensors(path, mm), None, [], "safetensors file", mm
    if head[:1] == b"\x80" and head[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
        return read_torch_legacy(path, mm), None, [], "legacy PyTorch checkpoint", mm
    raise ConvertError("%s is neither a PyTorch checkpoint, a safetensors file nor an "
                       "rwkv.cpp file" % path, not_checkpoint_hint(mm[:64]))


# ==== safetensors and the Hugging Face layouts ====================================================
# Some RWKV models on Hugging Face are not BlinkDL's .pth but a conversion of it: the
# transformers layout (RWKV/rwkv-4-*, RWKV/v5-*, RWKV/v6-*: the same tensors renamed) or the
# flash-linear-attention one (fla-hub/rwkv7-*: renamed, LoRAs transposed, the six token-shift
# mixes possibly packed in one tensor), as pytorch_model.bin or model.safetensors, possibly in
# shards with an index. Both are renamed back here; the tensors' values are the same.

SAFETENSORS_DTYPES = {"F32": "f32", "F16": "f16", "BF16": "bf16"}
SHARD_RE = re.compile(r"-(\d+)-of-(\d+)\.(safetensors|bin)$")
HF_FILES = ("model.safetensors.index.json", "model.safetensors",
            "pytorch_model.bin.index.json", "pytorch_model.bin")


def read_safetensors(path, mm):
    """safetensors: u64 header length, a JSON header {name: {dtype, shape, data_offsets}},
    then the data; offsets count from the end of the header."""
    n = struct.unpack("<Q", mm[:8])[0]
    if n > len(mm) - 8 or n > 1 << 28:
        raise ConvertError("%s: safetensors header of %d bytes runs past the end of the file"
                           % (path, n))
    try:
        header = json.loads(bytes(mm[8:8 + n]).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise ConvertError("%s: damaged safetensors header: %s" % (path, e))
    if not isinstance(header, dict):
        raise ConvertError("%s: damaged safetensors header: not a JSON object" % path)
    base = 8 + n
    sd = collections.OrderedDict()
    for name, e in header.items():
        if name == "__metadata__":
            continue
        ok = isinstance(e, dict) and isinstance(e.get("dtype"), str) and \
            isinstance(e.get("shape"), list) and isinstance(e.get("data_offsets"), list) and \
            all(_is_int(s) and s >= 0 for s in e["shape"]) and len(e["data_offsets"]) == 2 and \
            all(_is_int(o) for o in e["data_offsets"])
        if not ok:
            raise ConvertError("%s: damaged safetensors header: bad entry for %s" % (path, name))
        shape = tuple(e["shape"])
        b, end = e["data_offsets"]
        if not 0 <= b <= end or base + end > len(mm):
            raise ConvertError("%s: tensor %s: data offsets %d..%d run past the end of the "
                               "file" % (path, name, b, end), "is the download complete?")
        dtype = SAFETENSORS_DTYPES.get(e["dtype"])
        if dtype is None:
            sd[name] = UnsupportedTensor(e["dtype"].lower(), shape)
            continue
        if end - b != prod(shape) * DTYPES[dtype][0]:
            raise ConvertError("%s: tensor %s: %d bytes of data for shape %s in %s"
                               % (path, name, end - b, shape, e["dtype"]))
        sd[name] = Tensor(dtype, shape, memoryview(mm)[base + b:base + end], origin=path)
    refuse_web_rwkv(path, header, sd)
    return sd


def refuse_web_rwkv(path, header, sd):
    """web-rwkv / Ai00 write .st files (safetensors) from a .pth with the released names
    changed: time_faaaa -> time_first (a 5.2 u would be read as v5.0's log u: wrong logits,
    no error), time_maa -> time_mix, v5.1's decays widened, LoRAs transposed, all f16. Such a
    file is refused by what gives it away: its extension, its metadata, or those names."""
    meta = header.get("__metadata__")
    tell = None
    if path.lower().endswith(".st"):
        tell = "its .st extension"
    elif isinstance(meta, dict) and ("rwkv_version" in meta or "model_type" in meta):
        tell = "its metadata"
    else:
        for k, t in sd.items():
            if k.endswith((".att.time_mix_x", ".att.time_mix_w1", ".att.time_mix_w2")):
                tell = "its tensor %s (the release names it time_maa)" % k
            elif k.endswith(".att.time_first") and len(squeezed(t.shape)) == 2:
                tell = "its per-channel %s (the release names it time_faaaa)" % k
            if tell:
                break
    if tell:
        raise ConvertError("%s is a web-rwkv / Ai00 .st model (by %s): its tensors are renamed, "
                           "some transposed, and rounded to f16" % (path, tell),
                           "convert the .pth it was made from")


def hf_model_file(d):
    """The checkpoint in a Hugging Face model directory (a download or a cache snapshot)."""
    for name in HF_FILES:
        p = os.path.join(d, name)
        if os.path.isfile(p):
            return p
    pths = sorted(f for f in os.listdir(d) if f.endswith((".pth", ".safetensors")))
    if len(pths) == 1:
        return os.path.join(d, pths[0])
    raise ConvertError("%s is a directory without %s" % (d, " or ".join(HF_FILES[1::2])),
                       "give the checkpoint file itself" if pths else
                       "is the model downloaded into it?")


def read_sharded(index):
    """A shard index ({"weight_map": {tensor: file}}): every shard, checked against it."""
    try:
        with open(index, "rb") as f:
            top = json.loads(f.read().decode("utf-8"))
    except OSError as e:
        raise ConvertError("cannot open %s: %s" % (index, e.strerror))
    except (UnicodeDecodeError, ValueError) as e:
        raise ConvertError("%s: not a shard index: %s" % (index, e))
    wm = top.get("weight_map") if isinstance(top, dict) else None
    if not isinstance(wm, dict) or not wm or \
            not all(isinstance(v, str) and v == os.path.basename(v) for v in wm.values()):
        raise ConvertError("%s: not a shard index (no weight_map of tensor -> file name)"
                           % index)
    d = os.path.dirname(index)
    sd, maps, kinds, own = collections.OrderedDict(), [], set(), None
    for shard in sorted(set(wm.values())):
        part, dt, _notes, kind, mm = read_file(os.path.join(d, shard))
        maps.append(mm)
        kinds.add(kind)
        own = own or dt
        for k, t in part.items():
            if k in sd:
                raise ConvertError("%s: tensor %s is in two shards" % (index, k))
            if wm.get(k) != shard:
                raise ConvertError("%s: tensor %s is in %s, the index says %s"
                                   % (index, k, shard, wm.get(k)))
            sd[k] = t
    missing = [k for k in wm if k not in sd]
    if missing:
        raise ConvertError("%s: tensor %s is in no shard (%d missing)"
                           % (index, missing[0], len(missing)), "is the download complete?")
    return sd, own, [], "%d shards (%s)" % (len(maps), ", ".join(sorted(kinds))), maps


def hf_layout(sd):
    if any(k.startswith("rwkv.blocks.") for k in sd) or "rwkv.embeddings.weight" in sd:
        return "transformers"
    if any(k.startswith("model.layers.") for k in sd) or "model.embeddings.weight" in sd:
        return "fla"
    return None


class _Renamer:
    """The renamed state dict and, for messages, each new name's name in the file."""

    def __init__(self, path):
        self.sd, self.old, self.path = collections.OrderedDict(), {}, path

    def put(self, new, t, old):
        if new in self.sd:
            raise ConvertError("%s: tensors %s and %s both stand for %s of the released layout"
                               % (self.path, self.old[new], old, new))
        self.sd[new] = t
        if new != old:
            self.old[new] = old


# transformers' names for the mixing vectors (v6 files keep time_maa_*; some spell them out)
TRANSFORMERS_MIX = {"time_mix_key": "time_mix_k", "time_mix_value": "time_mix_v",
                    "time_mix_receptance": "time_mix_r", "time_mix_gate": "time_mix_g",
                    "time_maa_key": "time_maa_k", "time_maa_value": "time_maa_v",
                    "time_maa_receptance": "time_maa_r", "time_maa_gate": "time_maa_g"}
TRANSFORMERS_PART = {"pre_ln": "ln0", "attention": "att", "feed_forward": "ffn"}


def from_transformers(sd, path):
    """rwkv.embeddings -> emb, rwkv.blocks.N.{pre_ln, attention, feed_forward} ->
    blocks.N.{ln0, att, ffn}, time_mix_key -> time_mix_k..., rwkv.ln_out -> ln_out; head
    unchanged."""
    r = _Renamer(path)
    for k, t in sd.items():
        n = k[len("rwkv."):] if k.startswith("rwkv.") else k
        if n == "embeddings.weight":
            n = "emb.weight"
        p = n.split(".")
        if len(p) >= 4 and p[0] == "blocks":
            p[2] = TRANSFORMERS_PART.get(p[2], p[2])
            p[3] = TRANSFORMERS_MIX.get(p[3], p[3])
        r.put(".".join(p), t, k)
    return r


FLA_ATT = {"r_proj": "receptance", "k_proj": "key", "v_proj": "value", "o_proj": "output",
           "g_norm": "ln_x"}
FLA_NORM = {"pre_norm": "ln0", "attn_norm": "ln1", "ffn_norm": "ln2"}
FLA_TOP = {"model.embeddings.weight": "emb.weight", "model.norm.weight": "ln_out.weight",
           "model.norm.bias": "ln_out.bias", "lm_head.weight": "head.weight"}


def from_fla(sd, path):
    """fla-hub's RWKV-7: model.layers.N.{pre_norm, attn_norm, ffn_norm, attn, ffn}; attn's
    {r,k,v,o}_proj, g_norm; {w,a,v,g}_lora.lora.0.weight = x1 transposed, lora.2.weight = x2
    transposed, lora.2.bias = x0; x_x = x_r, x_w, x_k, x_v, x_a, x_g stacked."""
    if not any(k.startswith("model.layers.") and k.endswith(".attn.r_k") for k in sd):
        raise ConvertError("%s: Hugging Face names (model.layers.N...) without attn.r_k: not "
                           "flash-linear-attention's RWKV-7, the one such layout read here (fla's "
                           "RWKV-6, or not an RWKV model?)" % path,
                           "convert BlinkDL's .pth release of the model")
    r = _Renamer(path)
    for k, t in sd.items():
        p = k.split(".")
        if k in FLA_TOP:
            r.put(FLA_TOP[k], t, k)
            continue
        if len(p) < 5 or p[:2] != ["model", "layers"] or not p[2].isdigit():
            r.put(k, t, k)  # plan_model names it as unexpected
            continue
        i, part, rest = p[2], p[3], p[4:]
        blk = "blocks.%s." % i
        if part in FLA_NORM:
            r.put(blk + FLA_NORM[part] + "." + ".".join(rest), t, k)
        elif part == "attn" and rest[0] in FLA_ATT:
            r.put(blk + "att." + ".".join([FLA_ATT[rest[0]]] + rest[1:]), t, k)
        elif part == "attn" and rest == ["x_x"]:
            if t.numel() % 6 or not t.is_contiguous():
                raise ConvertError("%s: tensor %s has shape %s, expected 6 stacked vectors"
                                   % (path, k, t.shape))
            c = t.numel() // 6
            for j, x in enumerate("rwkvag"):
                r.put(blk + "att.x_" + x,
                     Tensor(t.dtype, (c,), t.buf, None, t.offset + j * c, t.origin), k)
        elif part == "attn" and len(rest) == 4 and rest[0] in ("w_lora", "a_lora", "v_lora",
                                                               "g_lora") and rest[1] == "lora":
            x = rest[0][0]
            which = {("0", "weight"): "1", ("2", "weight"): "2", ("2", "bias"): "0"}.get(
                (rest[2], rest[3]))
            if which is None:
                r.put(blk + "att." + ".".join(rest), t, k)
                continue
            if which != "0":
                if len(t.shape) != 2:
                    raise ConvertError("%s: tensor %s has shape %s, expected a matrix"
                                       % (path, k, t.shape))
                t = t.transposed((1, 0))  # fla's nn.Linear (out, in) -> the release's (in, out)
            r.put(blk + "att." + x + which, t, k)
        elif part in ("attn", "ffn"):
            r.put(blk + {"attn": "att", "ffn": "ffn"}[part] + "." + ".".join(rest), t, k)
        else:
            r.put(k, t, k)
    return r


def not_checkpoint_hint(head):
    """What a file that is no checkpoint seems to be, from its first bytes: the files people
    point a converter at by mistake."""
    if head[:4] == b"GGUF":
        return "it is a GGUF file already, nothing to convert; rwkv info FILE describes it"
    if head.startswith(b"version https://git-lfs"):
        return "it is a Git LFS pointer, not the file: fetch the file itself with git lfs " \
               "pull or its download link"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        return "it looks like an HTML page, a failed download? On Hugging Face the download " \
               "address has /resolve/, not /blob/"
    return "expected a .pth written by torch.save or an rwkv.cpp .bin"


def default_name(path):
    p = os.path.abspath(path)
    base = os.path.basename(p)
    d = p if os.path.isdir(p) else None
    if d is None and (base in HF_FILES or SHARD_RE.search(base) or base.endswith(".index.json")):
        d = os.path.dirname(p)  # model.safetensors and the like: the directory names the model
    if d is not None:
        parts = d.split(os.sep)
        # a Hugging Face cache snapshot: .../models--ORG--NAME/snapshots/REVISION
        if len(parts) >= 3 and parts[-2] == "snapshots" and parts[-3].startswith("models--"):
            return parts[-3].split("--")[-1]
        return os.path.basename(d) or base
    for ext in (".pth", ".pt", ".bin", ".ckpt", ".safetensors"):
        if base.lower().endswith(ext):
            return base[:-len(ext)]
    return base


def merge_state(sd, in_path, state_path):
    """A state-tuning file (a .pth of blocks.N.att.time_state alone, as RWKV-PEFT and the
    released RWKV-6 state files hold) into the model's state dict: the tuned state becomes
    the model's initial state. Returns a note for the summary."""
    ssd, _own, _notes, _kind, _maps, _renamed = read_checkpoint(state_path)
    keys = [k for k in ssd]
    other = [k for k in keys if not (k.startswith("blocks.") and k.endswith(".att.time_state"))]
    if not keys or other:
        raise ConvertError("%s is not a tuned state: it holds %s" % (
            state_path, "no tensors" if not keys else "%s (%d tensor(s) other than "
            "blocks.N.att.time_state)" % (other[0], len(other))),
            "--state takes a state-tuning file; the model is the first argument")
    major, _minor = detect_version(sd)
    if major != 6:
        raise ConvertError("%s: tuned states are read for RWKV-6 models; this model is RWKV v%d"
                           % (state_path, major))
    have = [k for k in sd if k.endswith(".att.time_state")]
    if have:
        raise ConvertError("%s already holds a tuned state (%s)" % (in_path, have[0]),
                           "convert it without --state, or the base model with it")
    layers = {int(k.split(".")[1]) for k in sd if k.startswith("blocks.") and
              k.split(".")[1].isdigit()}
    slayers = {int(k.split(".")[1]) for k in keys if k.split(".")[1].isdigit()}
    if slayers != layers:
        raise ConvertError("%s: a state for %d layer(s), the model has %d" % (
            state_path, len(slayers), len(layers)), "was it tuned on another model?")
    for k in keys:
        sd[k] = ssd[k]
    return "initial state from %s" % state_path


def convert(in_path, out_path, dtype=None, vocab="auto", name=None, quiet=False, log=None,
            state=None):
    """The whole conversion; returns a dict describing what was written."""
    log = log or (lambda s: print(s, file=sys.stderr))
    out_dir = os.path.dirname(os.path.abspath(out_path))
    if not os.path.isdir(out_dir):
        raise ConvertError("output directory %s does not exist" % out_dir)
    if os.path.isdir(out_path):
        raise ConvertError("output %s is a directory" % out_path, "give a file name")
    if os.path.exists(out_path) and os.path.exists(in_path) and os.path.samefile(in_path,
                                                                                 out_path):
        raise ConvertError("output %s is the input file itself: writing it would replace the "
                           "checkpoint" % out_path, "give another output path")
    if os.path.isfile(out_path) and os.path.getsize(out_path) > 0:
        with open(out_path, "rb") as f:
            if f.read(4) != b"GGUF":
                raise ConvertError("output %s exists and is not a GGUF file: it is not replaced"
                                   % out_path, "remove it first, or give another output path")
    warn = (lambda s: log("%s: warning: %s" % (PROG, s)))
    t0 = time.time()
    sd, own_dtype, notes, kind, maps, renamed = read_checkpoint(in_path)
    if state is not None:
        notes = notes + [merge_state(sd, in_path, state)]
    info, plan = plan_model(sd, in_path, renamed)
    file_dtype = dtype or own_dtype or matrix_dtype_of(plan)
    vkind, vdata = load_vocab(vocab, info["n_vocab"], warn)
    tensors = plan_output(plan, file_dtype)
    ftype = file_type_of(tensors)
    kvs = model_metadata(info, name if name is not None else default_name(in_path), ftype,
                         vkind, vdata)

    progress = None
    if not quiet and sys.stderr.isatty():
        def progress(i, n, tname):
            sys.stderr.write("\r[%3d/%3d] %-48s" % (i + 1, n, tname[:48]))
            sys.stderr.flush()
    size = write_gguf(out_path, kvs, tensors, progress)
    if progress:
        sys.stderr.write("\r" + " " * 60 + "\r")
    by_type = {}  # ggml type -> [weights, bytes]
    for t in tensors:
        n = 1
        for d in t.dims:
            n *= d
        e = by_type.setdefault(t.gtype, [0, 0])
        e[0] += n
        e[1] += t.nbytes
    return {"info": info, "dtype": file_dtype, "file_type": ftype, "vocab": vkind,
            "tensors": len(tensors), "by_type": by_type, "size": size,
            "seconds": time.time() - t0,
            "notes": notes + info["notes"], "input_kind": kind, "output": out_path}


def summary(r):
    i = r["info"]
    v = VERSION_NAMES[(i["version"], i["minor"])]
    heads = ("%d x %d" % (i["n_head"], i["head_size"])) if i["head_size"] else "- (v4)"
    lines = ["wrote %s (%.2f MiB) in %.2f s" % (r["output"], r["size"] / 1048576.0, r["seconds"]),
             "  from       %s" % r["input_kind"],
             "  version    RWKV v%s%s" % (v, " with tuned time_state" if i["has_time_state"]
                                         else " (7a: DeepEmbed, rank %d)" % i["deep_embed"]
                                         if i.get("deep_embed") else ""),
             "  layers     %d" % i["n_layer"],
             "  n_embd     %d   n_ffn %d   heads %s" % (i["n_embd"], i["n_ffn"], heads),
             "  vocab      %d (%s)" % (i["n_vocab"], {"world": "World tokenizer embedded",
                                                      "pile": "Pile/NeoX tokenizer embedded"}
                                       .get(r["vocab"], "no tokenizer")),
             "  dtype      %s for weight matrices and LoRAs (file_type %d), F32 for the rest"
             % (r["dtype"], r["file_type"]),
             "  tensors    %d" % r["tensors"]]
    bt = r["by_type"]
    weights = sum(e[0] for e in bt.values())
    if weights:
        lines.append("  weights    %d, %.2f bits per weight (%s)" % (
            weights, 8.0 * sum(e[1] for e in bt.values()) / weights,
            ", ".join("%s %d at %.2f" % (GGML_TYPE_NAMES[g], e[0], 8.0 * e[1] / e[0])
                      for g, e in sorted(bt.items()))))
    for n in r["notes"]:
        lines.append("  note       " + n)
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("%s: error: %s (see --help)\n" % (PROG, message))
        sys.exit(2)


def main(argv=None):
    p = _Parser(
        prog=PROG,
        description="Convert an RWKV checkpoint (v4, v5.0/5.1/5.2, v6, v7) to the GGUF file "
                    "rwkv.c reads (docs/FORMAT.md). INPUT is a PyTorch checkpoint written by "
                    "torch.save (zip or legacy format), a .safetensors file, an rwkv.cpp .bin "
                    "(FP32/FP16; its transforms are undone), or a Hugging Face model directory "
                    "or shard index (*.index.json). Besides BlinkDL's own tensor names it "
                    "reads the Hugging Face conversions': transformers' (RWKV/rwkv-4-*, "
                    "RWKV/v5-*, RWKV/v6-*) and flash-linear-attention's RWKV-7 (fla-hub/rwkv7-*)."
                    " OUTPUT is written atomically.",
        epilog="Exit status: 0 ok, 1 conversion error, 2 usage error. Uses only the Python "
               "standard library; the checkpoint's pickle is read without executing anything.")
    p.add_argument("input", metavar="INPUT",
                   help=".pth checkpoint, .safetensors, rwkv.cpp .bin, or a Hugging Face model "
                        "directory")
    p.add_argument("output", metavar="OUTPUT", help="GGUF file to write")
    p.add_argument("--dtype", choices=["f32", "f16", "bf16"],
                   help="type of the 2-D weight matrices (default: the checkpoint's own; "
                        "other tensors are always f32). f32->f16/bf16 rounds to nearest even")
    p.add_argument("--vocab", default="auto", metavar="world|pile|none|PATH",
                   help="tokenizer to embed (default: by vocab size: 65536 world, "
                        "50277-50432 pile, otherwise none). world/pile are looked up in "
                        "$RWKV_VOCAB_DIR, ./vocab, the script's vocab/ and ../shared/vocab")
    p.add_argument("--name", help="general.name (default: the input file name without extension)")
    p.add_argument("--state", metavar="STATE",
                   help="RWKV-6: a state-tuning file (.pth of blocks.N.att.time_state) whose "
                        "tuned state becomes the model's initial state")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")
    a = p.parse_args(argv)
    if sys.byteorder != "little":
        sys.stderr.write("%s: error: big-endian hosts are not supported\n" % PROG)
        return 1

    def on_term(signum, frame):
        raise KeyboardInterrupt
    for sig in ("SIGTERM", "SIGHUP"):   # clean up the temporary file on these as on Ctrl-C
        if hasattr(signal, sig):
            signal.signal(getattr(signal, sig), on_term)
    try:
        r = convert(a.input, a.output, a.dtype, a.vocab, a.name, a.quiet, state=a.state)
    except ConvertError as e:
        msg = str(e).replace("\n", " ")
        if e.hint:
            msg += " (hint: %s)" % e.hint
        sys.stderr.write("%s: error: %s\n" % (PROG, msg))
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\n%s: error: interrupted; %s was not written\n" % (PROG, a.output))
        return 130
    except OSError as e:
        sys.stderr.write("%s: error: %s: %s\n" % (PROG, e.filename or a.output, e.strerror))
        return 1
    except Exception as e:  # a bug or an input we failed to anticipate: still one line
        if os.environ.get("CONVERT_DEBUG"):
            raise
        sys.stderr.write("%s: error: unexpected %s: %s (hint: please report; "
                         "CONVERT_DEBUG=1 shows a traceback)\n"
                         % (PROG, type(e).__name__, str(e).splitlines()[0] if str(e) else ""))
        return 1
    if not a.quiet:
        print(summary(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
