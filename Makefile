# rwkv.c build. `make` builds the CLI; `make test` runs every test; `make bench` measures.
CC      ?= cc
CFLAGS  ?= -O3 -march=native
OMP     ?= -fopenmp
WARN     = -std=c99 -Wall -Wextra -pedantic
LDLIBS   = -lm
PY      ?= /usr/bin/python3
TESTARCH ?= -march=native   # the tests exercise the SIMD kernels this machine runs
BUILD    = build
# $(call san,COMPILER): ASan + UBSan, ASan's checks as calls rather than inline code (the
# option's spelling is the compiler's): the sanitized builds of rwkv.h's AVX-512 kernels
# compile 1.5x (gcc) to 5x (clang -O1 with UBSan: 240 s -> 47 s) faster, and the tests and
# fuzz harnesses run 0.9-1.0x as fast
san      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
           $(shell $(1) --version 2> /dev/null | grep -q clang && \
             echo '-mllvm -asan-instrumentation-with-call-threshold=0' || \
             echo '--param asan-instrumentation-with-call-threshold=0')
SAN     := $(call san,$(CC))
# tokenizer.c: the Pile tokenizer, NFC, JSON; the programs that use it define RWKV_PILE
TOKSRC   = tokenizer.c
CTESTS   = $(patsubst tests/%.c,$(BUILD)/%,$(wildcard tests/test_*.c))

.PHONY: all test bench clean asan soak fuzz fuzzers install
all: rwkv

rwkv: rwkv.c rwkv.h $(TOKSRC)
	$(CC) $(WARN) $(CFLAGS) $(OMP) -o $@ rwkv.c $(TOKSRC) $(LDLIBS)

# make install [PREFIX=/usr/local] [DESTDIR=staging]: the CLI, the bundled model (which rwkv
# finds at ../share/rwkv/ from its own directory) and the header.
PREFIX  ?= /usr/local
install: rwkv
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/rwkv $(DESTDIR)$(PREFIX)/include
	cp rwkv $(DESTDIR)$(PREFIX)/bin/rwkv
	cp models/kjv-v7.gguf $(DESTDIR)$(PREFIX)/share/rwkv/kjv-v7.gguf
	cp rwkv.h $(DESTDIR)$(PREFIX)/include/rwkv.h
	chmod 755 $(DESTDIR)$(PREFIX)/bin/rwkv
	chmod 644 $(DESTDIR)$(PREFIX)/share/rwkv/kjv-v7.gguf $(DESTDIR)$(PREFIX)/include/rwkv.h

# The CLI again with AddressSanitizer + UBSan, for the malformed-input suites.
$(BUILD)/rwkv-asan: rwkv.c rwkv.h $(TOKSRC) | $(BUILD)
	$(CC) $(WARN) -O1 -g $(SAN) $(OMP) -o $@ rwkv.c $(TOKSRC) $(LDLIBS)
asan: $(BUILD)/rwkv-asan

# Each tests/test_*.c is a program that defines RWKV_IMPLEMENTATION itself. -O1, as the
# sanitizers advise: at -O2 -g one of these took 70 s to compile (the kernels, instrumented).
$(BUILD)/test_%: tests/test_%.c tests/check.h rwkv.h $(TOKSRC) | $(BUILD)
	$(CC) $(WARN) -O1 -g $(TESTARCH) $(SAN) $(OMP) -o $@ $< $(TOKSRC) $(LDLIBS)

$(BUILD):
	mkdir -p $(BUILD)

# make test [TEST_JOBS=n]: builds what the tests need and runs them, n at a time (default:
# the number of CPUs, at most 4; tests/run_all.sh). The builds run n at a time too, unless
# make was given its own -j.
# +: the sub-make and tests/test_fuzz.sh's `make fuzzers` share this make's job slots
NPROC     := $(shell getconf _NPROCESSORS_ONLN 2> /dev/null || echo 1)
TEST_JOBS ?= $(shell n=$(NPROC); [ "$$n" -gt 4 ] && n=4; echo $$n)
test:
	+$(MAKE) $(if $(findstring -j,$(MAKEFLAGS)),,-j$(TEST_JOBS)) rwkv $(BUILD)/rwkv-asan $(CTESTS)
	+PY=$(PY) TEST_JOBS=$(TEST_JOBS) sh tests/run_all.sh

# Each tools/bench_*.c is a stand-alone benchmark program (built optimized, no sanitizers).
BENCHES  = $(patsubst tools/%.c,$(BUILD)/%,$(wildcard tools/bench_*.c))
$(BUILD)/bench_%: tools/bench_%.c tools/bench_common.h tools/bench_alloc.h tools/bench_clock.h rwkv.h $(TOKSRC) | $(BUILD)
	$(CC) $(WARN) $(CFLAGS) $(OMP) -o $@ $< $(TOKSRC) $(LDLIBS)

bench: rwkv $(BENCHES)
	PY=$(PY) sh tools/bench.sh

# Long-run stability check: make soak MODEL=model.gguf [N=100000]
$(BUILD)/soak: tools/soak.c rwkv.h | $(BUILD)
	$(CC) $(WARN) $(CFLAGS) $(OMP) -o $@ tools/soak.c $(LDLIBS)
N ?= 100000
soak: $(BUILD)/soak
	$(BUILD)/soak $(MODEL) $(N)

# libFuzzer harnesses tests/fuzz/fuzz_*.c (clang, ASan + UBSan, no OpenMP), built into
# build/fuzz/. `make fuzz [FUZZ_SECONDS=300]` runs each for that long on its seed corpus
# tests/fuzz/corpus/NAME, growing build/fuzz/corpus/NAME; crashes go to build/fuzz/artifacts/.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 300
FUZZ_CFLAGS   = $(WARN) -O1 -g $(TESTARCH) $(call san,$(FUZZ_CC))
FUZZERS       = $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_OBJS     = $(BUILD)/fuzz/rwkv_impl.o $(patsubst %.c,$(BUILD)/fuzz/%.o,$(TOKSRC))
$(BUILD)/fuzz/rwkv_impl.o: tests/fuzz/rwkv_impl.c tests/fuzz/fuzz_quant.h rwkv.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
.PRECIOUS: $(BUILD)/fuzz/%.o
$(BUILD)/fuzz/%.o: %.c rwkv.h $(TOKDEPS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h tests/fuzz/tiny_gguf.h \
                      $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) $(LDLIBS)
$(BUILD)/fuzz/fuzz_quant: tests/fuzz/fuzz_quant.h
fuzzers: $(FUZZERS)
fuzz: $(FUZZERS)
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(BUILD)/fuzz/corpus

clean:
	rm -rf $(BUILD) rwkv
