"""The files the CLI and convert_pth.py write, and states of other models (issue 15, items 2, 3):
  - `rwkv logits -o` and `--state-out` write whole files and leave no temporary file, also
    when the target directory is missing (an error naming the file);
  - a state saved from a tiny v7 in F32 does not load into its F16 conversion (same shapes)
    without --force: exit 1 and a message naming the fingerprints and --force; with --force
    it loads; into the model it came from it loads;
  - two `rwkv logits` runs writing the same -o and --state-out at once, many times, while
    the files are read: every read sees a whole file of one of the runs;
  - convert_pth.py writes its output through a temporary file in the target directory and
    renames it: a failed conversion leaves no file and keeps an existing target as it was.
Models come from tools/random_model.py (standard library); uses ./rwkv ($RWKV_BIN)."""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RWKV = os.environ.get("RWKV_BIN", os.path.join(ROOT, "rwkv"))
PY = os.environ.get("PY", sys.executable)

failures = 0


def check(cond, msg):
    global failures
    if not cond:
        failures += 1
        print("FAIL " + msg)
    else:
        print("ok   " + msg)


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def random_model(path, dtype):
    r = run([PY, os.path.join(ROOT, "tools", "random_model.py"), path, "--version", "7",
             "--layers", "2", "--embd", "64", "--head-size", "32", "--dtype", dtype,
             "--seed", "3"])
    if r.returncode != 0:
        print(r.stderr.decode())
        raise SystemExit("random_model.py failed")


def main():
    if not os.access(RWKV, os.X_OK):
        print("FAIL: %s is not built (make)" % RWKV)
        return 1
    tmp = tempfile.mkdtemp(prefix="rwkv-state-files-")
    try:
        f32, f16 = os.path.join(tmp, "f32.gguf"), os.path.join(tmp, "f16.gguf")
        random_model(f32, "f32")
        random_model(f16, "f16")
        out = os.path.join(tmp, "out", "logits.f32")
        st = os.path.join(tmp, "out", "s.state")
        os.mkdir(os.path.dirname(out))

        r = run([RWKV, "logits", "-m", f32, "--ids", "1,2,3", "-o", out, "--state-out", st])
        check(r.returncode == 0, "logits -o --state-out: exit %d %s" % (r.returncode, r.stderr))
        check(os.path.getsize(out) == 3 * 256 * 4, "logits file of 3 rows")
        check(sorted(os.listdir(os.path.dirname(out))) == ["logits.f32", "s.state"],
              "no temporary file left: %s" % os.listdir(os.path.dirname(out)))
        missing = os.path.join(tmp, "no", "such", "logits.f32")
        r = run([RWKV, "logits", "-m", f32, "--ids", "1", "-o", missing])
        check(r.returncode == 1 and missing.encode() in r.stderr,
              "-o into a missing directory: exit %d, %s" % (r.returncode, r.stderr.strip()))

        gen = [RWKV, "generate", "-p", "x", "-n", "2", "--temp", "0", "-q", "--state-in", st]
        r = run(gen + ["-m", f16])
        check(r.returncode == 1 and b"another model" in r.stderr and b"--force" in r.stderr,
              "F32 model's state into the F16 conversion refused: %s" % r.stderr.strip())
        r = run(gen + ["-m", f16, "--force"])
        check(r.returncode == 0, "... loaded with --force: exit %d %s" % (r.returncode, r.stderr))
        r = run(gen + ["-m", f32])
        check(r.returncode == 0, "into its own model: exit %d %s" % (r.returncode, r.stderr))

        # two writers of the same files at once, a reader in between
        whole = {}
        for toks in ("1,2,3", "4,5,6"):
            d = os.path.join(tmp, "ref" + toks[0])
            os.mkdir(d)
            run([RWKV, "logits", "-m", f32, "--ids", toks, "-o", os.path.join(d, "l"),
                 "--state-out", os.path.join(d, "s")], check=True)
            for name in ("l", "s"):
                with open(os.path.join(d, name), "rb") as f:
                    whole.setdefault(name, []).append(f.read())
        shared = os.path.join(tmp, "shared")
        os.mkdir(shared)
        shutil.copy(os.path.join(tmp, "ref1", "l"), os.path.join(shared, "l"))
        shutil.copy(os.path.join(tmp, "ref1", "s"), os.path.join(shared, "s"))
        procs, reads, bad, fails = [], 0, 0, 0
        for rnd in range(10):
            procs = [subprocess.Popen([RWKV, "logits", "-m", f32, "--ids", toks, "-o",
                                       os.path.join(shared, "l"), "--state-out",
                                       os.path.join(shared, "s")],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                     for toks in ("1,2,3", "4,5,6")]
            while any(p.poll() is None for p in procs):
                for name in ("l", "s"):
                    with open(os.path.join(shared, name), "rb") as f:
                        data = f.read()
                    reads += 1
                    bad += data not in whole[name]
            for p in procs:
                p.wait()
                fails += p.returncode != 0
        check(fails == 0, "concurrent logits runs: %d of 20 failed" % fails)
        check(bad == 0, "concurrent logits runs: %d of %d reads saw a file no run wrote"
              % (bad, reads))
        check(sorted(os.listdir(shared)) == ["l", "s"], "no temporary file left: %s"
              % os.listdir(shared))

        # convert_pth.py: a failed conversion leaves the existing target as it was
        target = os.path.join(tmp, "conv", "model.gguf")
        os.mkdir(os.path.dirname(target))
        with open(target, "wb") as f:
            f.write(b"old contents")
        bogus = os.path.join(tmp, "bogus.pth")
        with open(bogus, "wb") as f:
            f.write(b"not a checkpoint")
        r = run([PY, os.path.join(ROOT, "convert_pth.py"), bogus, target])
        with open(target, "rb") as f:
            kept = f.read()
        check(r.returncode != 0 and kept == b"old contents",
              "convert_pth.py failing: exit %d, target kept" % r.returncode)
        check(os.listdir(os.path.dirname(target)) == ["model.gguf"],
              "convert_pth.py failing: no temporary file left: %s"
              % os.listdir(os.path.dirname(target)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
