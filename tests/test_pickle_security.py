#!/usr/bin/env python3
"""convert_pth.py must refuse checkpoint pickles that try to run code, and never run them.

Each case is a torch-style zip (archive/data.pkl ...) or a legacy checkpoint whose pickle would
create a marker file if it were unpickled normally. A control run unpickles some of the payloads
with the standard pickle module and checks that the marker DOES appear, so this test would notice
if the payloads were defused by accident. Standard library only (torch is used for one control
when present).
"""

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CONVERT = os.path.join(os.path.dirname(HERE), "convert_pth.py")
MARK = "PWNED_MARKER"


def s(text):            # BINUNICODE
    b = text.encode()
    return b"X" + struct.pack("<I", len(b)) + b


def global_(mod, name):  # GLOBAL (protocol 0-2 form)
    return b"c" + mod.encode() + b"\n" + name.encode() + b"\n"


def call(callable_ops, *args):   # callable, args tuple, REDUCE
    return callable_ops + b"(" + b"".join(args) + b"tR"


PROTO = b"\x80\x02"
TOUCH = "touch " + MARK
PY_TOUCH = "open(%r, 'w').close()" % MARK


def wrap_dict(value_ops):
    """A state dict {'emb.weight': <value>} around a payload."""
    return PROTO + b"}" + s("emb.weight") + value_ops + b"s."


def tensor_ops(storage_type="FloatStorage", key="0", numel=4):
    pid = b"(" + s("storage") + global_("torch", storage_type) + s(key) + s("cpu") + \
        b"K" + bytes([numel]) + b"tQ"
    return call(global_("torch._utils", "_rebuild_tensor_v2"), pid, b"K\x00", b"K\x04\x85",
                b"K\x01\x85", b"\x89", call(global_("collections", "OrderedDict")))


nested = PROTO + call(global_("os", "system"), s(TOUCH)) + b"."
CASES = [
    # (label, data.pkl bytes, control-able with plain pickle)
    ("os.system", PROTO + call(global_("os", "system"), s(TOUCH)) + b".", True),
    ("posix.system", PROTO + call(global_("posix", "system"), s(TOUCH)) + b".", True),
    ("builtins.eval", PROTO + call(global_("builtins", "eval"), s(PY_TOUCH)) + b".", True),
    ("builtins.exec", PROTO + call(global_("builtins", "exec"), s(PY_TOUCH)) + b".", True),
    ("__builtin__.eval (py2 name)",
     PROTO + call(global_("__builtin__", "eval"), s(PY_TOUCH)) + b".", True),
    ("subprocess.call", PROTO + call(global_("subprocess", "call"),
                                     s(TOUCH), b"\x88") + b".", False),
    ("subprocess.check_call list",
     PROTO + call(global_("subprocess", "check_call"), b"(" + s("touch") + s(MARK) + b"l")
     + b".", True),
    ("STACK_GLOBAL os.system (protocol 4)",
     b"\x80\x04" + s("os") + s("system") + b"\x93" + b"(" + s(TOUCH) + b"tR.", True),
    ("INST opcode os.system", b"(" + s(TOUCH) + b"ios\nsystem\n.", True),
    ("OBJ opcode", b"(" + global_("os", "system") + s(TOUCH) + b"o.", True),
    ("getattr chain", PROTO + call(call(global_("builtins", "getattr"),
                                        call(global_("builtins", "__import__"), s("os")),
                                        s("system")), s(TOUCH)) + b".", True),
    ("torch.storage._load_from_bytes",
     PROTO + call(global_("torch.storage", "_load_from_bytes"),
                  b"B" + struct.pack("<I", len(nested)) + nested) + b".", "torch"),
    ("unknown module", PROTO + call(global_("evilmod", "run"), s(TOUCH)) + b".", False),
    ("copyreg._reconstructor", PROTO + call(global_("copyreg", "_reconstructor"),
                                            global_("os", "system"), b"N", b"N") + b".", False),
    ("numpy _reconstruct", PROTO + call(global_("numpy.core.multiarray", "_reconstruct"),
                                        b"N") + b".", False),
    ("torch._utils._rebuild_tensor (v1)",
     PROTO + call(global_("torch._utils", "_rebuild_tensor"), b"N") + b".", False),
    ("payload inside a valid-looking state dict",
     wrap_dict(call(global_("os", "system"), s(TOUCH))), True),
    ("EXT1 extension code", PROTO + b"\x82\x01" + b"(" + s(TOUCH) + b"tR.", False),
    ("REDUCE on an allowed storage class",
     PROTO + call(global_("torch", "FloatStorage"), s(TOUCH)) + b".", False),
    ("BUILD on a storage class", PROTO + global_("torch", "FloatStorage") +
     b"}" + s("name") + s("x") + b"sb.", False),
    ("BUILD on a tensor", wrap_dict(tensor_ops() + b"}" + s("shape") + b"K\x01sb"), False),
    ("_rebuild_tensor_v2 without a storage",
     wrap_dict(call(global_("torch._utils", "_rebuild_tensor_v2"), s("x"), b"K\x00",
                    b"K\x04\x85", b"K\x01\x85", b"\x89", b"N")), False),
    ("non-storage persistent id",
     wrap_dict(b"(" + s("module") + s("os") + s("system") + b"tQ"), False),
    ("tensor view past its storage",
     wrap_dict(call(global_("torch._utils", "_rebuild_tensor_v2"),
                    b"(" + s("storage") + global_("torch", "FloatStorage") + s("0") + s("cpu")
                    + b"K\x04tQ", b"K\x02", b"K\x04\x85", b"K\x01\x85", b"\x89", b"N")), False),
]


def make_zip(path, pkl):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("archive/data.pkl", pkl)
        z.writestr("archive/data/0", b"\0" * 16)
        z.writestr("archive/version", b"3\n")


def make_legacy_first(path, payload):
    """Legacy format, the payload in place of the magic-number pickle at the very start."""
    with open(path, "wb") as f:
        f.write(payload)


def make_legacy_main(path, payload):
    """Legacy format: magic, protocol 1001 and sys_info pickles, then the payload as the
    main object pickle."""
    magic = PROTO + b"\x8a\x0a" + (0x1950A86A20F9469CFC6C).to_bytes(10, "little") + b"."
    proto = PROTO + b"M\xe9\x03."
    info = PROTO + b"}" + s("little_endian") + b"\x88s."
    with open(path, "wb") as f:
        f.write(magic + proto + info + payload)


def main():
    tmp = tempfile.mkdtemp(prefix="rwkv-test-pickle-")
    failures = 0
    marker = os.path.join(tmp, MARK)
    try:
        print("%-44s %-6s %s" % ("case", "result", "converter's message / control"))
        # Controls: plain pickle really runs these payloads.
        for label, pkl, control in CASES:
            if control is True:
                interp = [sys.executable, "-I", "-S"]
            elif control == "torch":
                try:
                    __import__("torch")
                except ImportError:
                    continue
                interp = [sys.executable]
            else:
                continue
            src = "import pickle,sys; pickle.loads(sys.stdin.buffer.read())"
            if control == "torch":
                src = "import pickle,sys,torch; pickle.loads(sys.stdin.buffer.read())"
            subprocess.run(interp + ["-c", src], input=pkl, cwd=tmp, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            if not os.path.exists(marker):
                print("%-44s %-6s control: the payload did not run under plain pickle"
                      % (label, "FAIL"))
                failures += 1
            else:
                os.unlink(marker)
        makers = {"zip": make_zip, "legacy-head": make_legacy_first,
                  "legacy-main": make_legacy_main}
        for fmt in ("zip", "legacy-head", "legacy-main"):
            for label, pkl, _ in CASES:
                if fmt != "zip" and not label.startswith(("os.system", "builtins.eval",
                                                          "STACK_GLOBAL", "subprocess.call")):
                    continue
                src = os.path.join(tmp, "evil.pth")
                out = os.path.join(tmp, "evil.gguf")
                makers[fmt](src, pkl)
                r = subprocess.run([sys.executable, "-I", "-S", CONVERT, src, out], cwd=tmp,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   universal_newlines=True, timeout=60)
                lines = [l for l in r.stderr.splitlines() if l.strip()]
                ran = os.path.exists(marker)
                ok = (r.returncode == 1 and len(lines) == 1
                      and lines[0].startswith("convert_pth.py: error: ")
                      and not ran and not os.path.exists(out) and "Traceback" not in r.stderr)
                if not ok:
                    failures += 1
                msg = lines[0][len("convert_pth.py: error: "):] if lines else "(no message)"
                msg = msg.replace(src, "FILE")
                print("%-44s %-6s rc=%d%s %s" % ((label + " [%s]" % fmt)[:44], "ok" if ok
                                                 else "FAIL", r.returncode,
                                                 " PAYLOAD RAN" if ran else "", msg[:110]))
                if ran:
                    os.unlink(marker)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("%d failure(s)" % failures)
        return 1
    print("all %d malicious pickles refused (zip; 4 also in both legacy positions), none ran"
          % len(CASES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
