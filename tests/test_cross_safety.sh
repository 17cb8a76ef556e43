#!/bin/sh
# Hosts the model file does not fit (issue 15, items 1 and 4), with cross compilers and qemu:
#   - 32-bit (armhf under qemu-arm; i386 when gcc -m32 links): a tiny model opens and
#     evaluates; a sparse file of 4 GiB + 4 KiB whose header is that model's is refused with
#     "more than this 32-bit build can map" (rwkv.h turns on large-file support itself);
#     built with -D_FILE_OFFSET_BITS=32, the same file is refused naming the 32-bit file
#     offsets (not "not a regular file");
#   - big-endian (s390x under qemu-s390x): the tiny model is refused at open, saying so;
#   - Windows (x86_64-w64-mingw32-gcc, wine64): a state file saved twice to one path (the
#     second save replaces the first through MoveFileExA) loads back, no temporary file left.
# Each target is skipped when its compiler or qemu is missing; all missing: skip (77).
# Debian: gcc-arm-linux-gnueabihf libc6-dev-armhf-cross gcc-s390x-linux-gnu
# libc6-dev-s390x-cross qemu-user.
cd "$(dirname "$0")/.." || exit 2
OUT=build/cross-safety
mkdir -p "$OUT"
CFLAGS_X="-std=c99 -Wall -Wextra -pedantic -O1"
fail=0 ran=0

. tests/cross_tools.sh

# expect NAME PATTERN COMMAND...: the command's output must match PATTERN (grep -E)
expect() {
    e_name=$1 e_pat=$2
    shift 2
    out=$("$@" 2>&1)
    if printf '%s\n' "$out" | grep -Eq "$e_pat"; then
        echo "ok   $e_name: $out"
    else
        echo "FAIL $e_name: expected /$e_pat/, got: $out"
        fail=1
    fi
}

# $1 what, $2 and $3 two outputs that must be equal and begin "opened: "
same() {
    case $2 in
    "opened: "*) if [ "$2" = "$3" ]; then echo "ok   $1"; return; fi ;;
    esac
    echo "FAIL $1: '$2' against '$3'"
    fail=1
}

cc -std=c99 -O1 -o "$OUT/native" tests/cross_open.c -lm || { echo "FAIL: native build"; exit 1; }
"$OUT/native" write "$OUT/tiny.gguf" || exit 1
cp "$OUT/tiny.gguf" "$OUT/big.gguf"
# 4 GiB + 4 KiB, sparse: only the model's blocks are written
truncate -s 4294971392 "$OUT/big.gguf" || { echo "FAIL: truncate"; exit 1; }

# 32-bit target: $1 name, $2 compiler command, $3 runner prefix (may be empty)
check32() {
    name=$1 cc32=$2 run=$3
    if ! $cc32 $CFLAGS_X -o "$OUT/$name" tests/cross_open.c -lm > "$OUT/$name.log" 2>&1 ||
        ! $cc32 $CFLAGS_X -D_FILE_OFFSET_BITS=32 -o "$OUT/$name-nolfs" tests/cross_open.c -lm \
            >> "$OUT/$name.log" 2>&1; then
        cat "$OUT/$name.log"
        echo "FAIL $name: build (or warnings above)"
        fail=1
        return
    fi
    if [ -s "$OUT/$name.log" ]; then cat "$OUT/$name.log"; echo "FAIL $name: warnings"; fail=1; fi
    ran=1
    expect "$name tiny model" '^opened: ' $run "$OUT/$name" open "$OUT/tiny.gguf"
    same "$name tiny model read (rwkv_model_open_read) = mapped" \
        "$($run "$OUT/$name" open "$OUT/tiny.gguf")" "$($run "$OUT/$name" read "$OUT/tiny.gguf")"
    expect "$name 4 GiB + 4 KiB, read" '^refused: unsupported: .*more than this 32-bit build can map' \
        $run "$OUT/$name" read "$OUT/big.gguf"
    expect "$name 4 GiB + 4 KiB" '^refused: unsupported: .*more than this 32-bit build can map' \
        $run "$OUT/$name" open "$OUT/big.gguf"
    expect "$name 4 GiB + 4 KiB, no LFS" \
        '^refused: unsupported: .*too large for this build.s 32-bit file offsets' \
        $run "$OUT/$name-nolfs" open "$OUT/big.gguf"
}

if cross_ok armhf arm-linux-gnueabihf-gcc qemu-arm && [ -d /usr/arm-linux-gnueabihf ]; then
    check32 armhf arm-linux-gnueabihf-gcc "qemu-arm -L /usr/arm-linux-gnueabihf"
fi

printf 'int main(void) { return 0; }\n' > "$OUT/probe.c"
if cc -m32 -o "$OUT/probe32" "$OUT/probe.c" > /dev/null 2>&1 && "$OUT/probe32"; then
    check32 i386 "cc -m32" ""
else
    echo "skip i386: cc -m32 cannot build and run a program (gcc-multilib)"
fi

if cross_ok s390x s390x-linux-gnu-gcc qemu-s390x && [ -d /usr/s390x-linux-gnu ]; then
    if s390x-linux-gnu-gcc $CFLAGS_X -o "$OUT/s390x" tests/cross_open.c -lm; then
        ran=1
        expect "s390x tiny model" '^refused: unsupported: .*big-endian' \
            qemu-s390x -L /usr/s390x-linux-gnu "$OUT/s390x" open "$OUT/tiny.gguf"
    else
        echo "FAIL s390x: build"
        fail=1
    fi
fi

if cross_ok windows x86_64-w64-mingw32-gcc "$WINE"; then
    if x86_64-w64-mingw32-gcc -std=c99 -O1 -o "$OUT/win.exe" tests/cross_open.c \
        > "$OUT/win.log" 2>&1; then
        ran=1
        mkdir -p "$OUT/win"
        rm -f "$OUT/win/"*
        win() { env WINEDEBUG=-all "$WINE" "$OUT/win.exe" "$@"; }
        # Wine's start once printed nothing and ran nothing in a fresh clone's make test (the
        # runs after it in the same test worked, and 8 reruns passed): a first run that only
        # opens the model starts Wine and checks nothing; the checked runs come after it.
        if [ -z "$(win open "$OUT/tiny.gguf" 2>&1)" ]; then
            echo "note: Wine printed nothing at its first start (not checked; checked runs follow)"
            sleep 2
        fi
        expect "windows state file replaced" '^state ok' \
            win state "$OUT/tiny.gguf" "$OUT/win/s.state"
        same "windows tiny model read (rwkv_model_open_read) = mapped" \
            "$(win open "$OUT/tiny.gguf")" "$(win read "$OUT/tiny.gguf")"
        left=$(ls "$OUT/win")
        if [ "$left" = "s.state" ]; then echo "ok   windows: no temporary file left"
        else echo "FAIL windows: files left: $left"; fail=1; fi
    else
        cat "$OUT/win.log"
        echo "FAIL windows: build"
        fail=1
    fi
fi

rm -f "$OUT/big.gguf"
if [ "$fail" -ne 0 ]; then exit 1; fi
if [ "$ran" -eq 0 ]; then
    echo "skip: no cross compiler with qemu or wine (gcc-arm-linux-gnueabihf, gcc-s390x-linux-gnu)"
    exit 77
fi
exit 0
