#!/usr/bin/env python3
"""kjv_data.py - prepare the King James Bible text for the byte-level RWKV-7 model (models/).

    python3 tools/kjv_data.py --out build/kjv/

reads the whole Bible from Debian's `bible-kjv` package (`bible -f gen1:1-rev22:21`, one verse
a line, "Ge1:1 In the beginning God created the heaven and the earth.") and writes

    train.txt    the text the model is trained on (96% of the chapters)
    valid.txt    every 50th chapter counted from the 25th (chapter index % 50 == 24): watched
                 during training (learning curve, choice of the checkpoint to keep)
    heldout.txt  every 50th chapter (chapter index % 50 == 49): never seen by training, never
                 used to choose anything; the held-out measurement in models/README.md
    SHA256SUMS   the digests of the three files

Text preparation: the verse references ("Ge1:1 ") are dropped and nothing else is changed;
each verse is one line; a chapter is its verses, each ending in "\\n"; chapters are separated
by one empty line (so every file is "chapter\\n\\nchapter\\n...\\nchapter\\n"). There are no book
or chapter headings. Chapters are numbered 0..1188 in canonical order (Genesis 1 = 0,
Revelation 22 = 1188) to make the split. The KJV text is ASCII (one byte = one token).

Standard library only. `--input FILE` reads that file instead of running `bible` (same format).
Exit status 0 ok, 1 error (e.g. `bible` missing: apt-get install bible-kjv).
"""

import argparse
import hashlib
import os
import re
import subprocess
import sys

HOLDOUT_EVERY = 50
HELDOUT_PHASE = 49   # chapter index % 50 == 49: the 50th, 100th, ... chapter
VALID_PHASE = 24     # chapter index % 50 == 24: the 25th, 75th, ... chapter

REF = re.compile(r'^([1-3]?[A-Za-z]+)(\d+):(\d+) (.*)$')


def read_verses(path=None):
    if path:
        with open(path, 'rb') as f:
            raw = f.read()
    else:
        try:
            raw = subprocess.run(['bible', '-f', 'gen1:1-rev22:21'], check=True,
                                 stdout=subprocess.PIPE).stdout
        except (OSError, subprocess.CalledProcessError) as e:
            sys.exit('kjv_data.py: cannot run `bible -f gen1:1-rev22:21` (%s); '
                     'install Debian\'s bible-kjv package or pass --input FILE' % e)
    verses = []
    for n, line in enumerate(raw.decode('ascii').splitlines(), 1):
        if not line.strip():
            continue
        m = REF.match(line)
        if not m:
            sys.exit('kjv_data.py: line %d is not "BookC:V text": %r' % (n, line[:80]))
        verses.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(4).strip()))
    return verses


def chapters_of(verses):
    """[(book, chapter, [verse text, ...]), ...] in order."""
    out = []
    for book, ch, v, text in verses:
        if not out or out[-1][0] != book or out[-1][1] != ch:
            out.append((book, ch, []))
        out[-1][2].append(text)
    return out


def chapter_text(ch):
    return ''.join(t + '\n' for t in ch[2])


def split(chapters):
    parts = {'train': [], 'valid': [], 'heldout': []}
    for i, ch in enumerate(chapters):
        phase = i % HOLDOUT_EVERY
        name = 'heldout' if phase == HELDOUT_PHASE else 'valid' if phase == VALID_PHASE else 'train'
        parts[name].append(chapter_text(ch))
    return {k: '\n'.join(v) for k, v in parts.items()}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog='See the module docstring for the text preparation.')
    ap.add_argument('--out', default='build/kjv', help='output folder (default build/kjv)')
    ap.add_argument('--input', help='read this file (bible -f output) instead of running bible')
    args = ap.parse_args(argv)

    verses = read_verses(args.input)
    chapters = chapters_of(verses)
    if len(verses) != 31102 or len(chapters) != 1189:
        print('kjv_data.py: warning: %d verses in %d chapters (the KJV has 31102 in 1189)'
              % (len(verses), len(chapters)), file=sys.stderr)
    parts = split(chapters)
    os.makedirs(args.out, exist_ok=True)
    sums = []
    for name in ('train', 'valid', 'heldout'):
        data = parts[name].encode('ascii')
        path = os.path.join(args.out, name + '.txt')
        with open(path, 'wb') as f:
            f.write(data)
        digest = hashlib.sha256(data).hexdigest()
        sums.append('%s  %s.txt\n' % (digest, name))
        print('%-12s %8d bytes  sha256 %s' % (name + '.txt', len(data), digest))
    with open(os.path.join(args.out, 'SHA256SUMS'), 'w') as f:
        f.writelines(sums)
    return 0


if __name__ == '__main__':
    sys.exit(main())
