"""A small GGUF reader for the tests, written independently of convert_pth.py (it follows
ggml's docs/gguf.md, not our writer), so the two cannot share a mistake.

read(path_or_bytes) -> GGUF with .version, .kv {key: value}, .kv_types {key: type id},
.tensors {name: TensorInfo}, .order [names], .alignment, .data_start and .sections:
a list of (label, start, end) byte ranges (header, each KV, each tensor info, padding, each
tensor's data) that the malformed-file suite uses to cut and patch files.
"""

import struct

TYPE_SIZE = {0: 4, 1: 2, 30: 2}     # F32, F16, BF16 (all rwkv.c needs)
VT_FMT = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?",
          10: "<Q", 11: "<q", 12: "<d"}
VT_STRING, VT_ARRAY = 8, 9


class TensorInfo:
    def __init__(self, name, dims, gtype, offset, info_start, info_end):
        self.name, self.dims, self.type, self.offset = name, dims, gtype, offset
        self.info_start, self.info_end = info_start, info_end
        self.abs_offset = None
        self.nbytes = None


class GGUF:
    pass


class _Cursor:
    def __init__(self, data):
        self.d, self.p = data, 0

    def take(self, fmt):
        v = struct.unpack_from(fmt, self.d, self.p)[0]
        self.p += struct.calcsize(fmt)
        return v

    def string(self):
        n = self.take("<Q")
        if self.p + n > len(self.d):
            raise ValueError("string past end")
        s = bytes(self.d[self.p:self.p + n])
        self.p += n
        return s

    def value(self, vt):
        if vt in VT_FMT:
            return self.take(VT_FMT[vt])
        if vt == VT_STRING:
            return self.string()
        if vt == VT_ARRAY:
            et, n = self.take("<I"), self.take("<Q")
            return [self.value(et) for _ in range(n)]
        raise ValueError("unknown value type %d" % vt)


def read(src):
    data = src if isinstance(src, (bytes, bytearray, memoryview)) else open(src, "rb").read()
    g = GGUF()
    c = _Cursor(data)
    if bytes(data[:4]) != b"GGUF":
        raise ValueError("bad magic")
    c.p = 4
    g.version = c.take("<I")
    n_tensors, n_kv = c.take("<Q"), c.take("<Q")
    g.sections = [("header", 0, c.p)]
    g.kv, g.kv_types, g.kv_ranges = {}, {}, {}
    for i in range(n_kv):
        start = c.p
        key = c.string().decode("utf-8")
        vt = c.take("<I")
        val = c.value(vt)
        if key in g.kv:
            raise ValueError("duplicate key " + key)
        g.kv[key], g.kv_types[key] = val, vt
        g.kv_ranges[key] = (start, c.p)
        g.sections.append(("kv %s" % key, start, c.p))
    g.tensors, g.order = {}, []
    for i in range(n_tensors):
        start = c.p
        name = c.string().decode("utf-8")
        nd = c.take("<I")
        dims = [c.take("<Q") for _ in range(nd)]
        gt = c.take("<I")
        off = c.take("<Q")
        if name in g.tensors:
            raise ValueError("duplicate tensor " + name)
        g.tensors[name] = TensorInfo(name, dims, gt, off, start, c.p)
        g.order.append(name)
        g.sections.append(("tensor info %s" % name, start, c.p))
    g.infos_end = c.p
    g.alignment = g.kv.get("general.alignment", 32)
    g.data_start = (c.p + g.alignment - 1) // g.alignment * g.alignment
    g.sections.append(("padding before data", c.p, g.data_start))
    for name in g.order:
        t = g.tensors[name]
        n = 1
        for d in t.dims:
            n *= d
        t.nbytes = n * TYPE_SIZE[t.type]
        t.abs_offset = g.data_start + t.offset
        if t.abs_offset + t.nbytes > len(data):
            raise ValueError("tensor %s past end of file" % name)
        g.sections.append(("tensor data %s" % name, t.abs_offset, t.abs_offset + t.nbytes))
    g.data = data
    g.size = len(data)
    return g


def tensor_values(g, name):
    """The tensor's values as a list of Python floats, decoded exactly."""
    t = g.tensors[name]
    raw = bytes(g.data[t.abs_offset:t.abs_offset + t.nbytes])
    n = t.nbytes // TYPE_SIZE[t.type]
    if t.type == 0:
        return list(struct.unpack("<%df" % n, raw))
    if t.type == 1:
        return list(struct.unpack("<%de" % n, raw))
    if t.type == 30:
        wide = bytearray(2 * len(raw))
        wide[2::4] = raw[0::2]
        wide[3::4] = raw[1::2]
        return list(struct.unpack("<%df" % n, bytes(wide)))
    raise ValueError("type %d" % t.type)


def tensor_raw(g, name):
    t = g.tensors[name]
    return bytes(g.data[t.abs_offset:t.abs_offset + t.nbytes])
