# centres: a terminal browser for a CSV directory of resource centres.
# `make` builds ./centres, `make run` starts it, `make test` runs every test
# (unit, batch, screen, valgrind) on a sanitizer build. Missing Debian packages
# are installed first when run as root (tools/deps.sh), else named.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DATADIR    ?= $(PREFIX)/share/centres
LOCALEDIR  ?= $(PREFIX)/share/locale
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
PKG_CONFIG ?= pkg-config
CC         ?= cc
CLANG      ?= clang

CFLAGS   ?= -O2 -g
WARNINGS := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wwrite-strings -Wformat=2
CPPFLAGS += -D_XOPEN_SOURCE=600 -D_DEFAULT_SOURCE -MMD -MP
# Where `make install` puts the catalogues (src/lang.c also looks beside the
# binary, so that the source tree and a moved install speak French too).
build/release/src/lang.o build/asan/src/lang.o build/clang/src/lang.o: CPPFLAGS += -DLOCALEDIR='"$(LOCALEDIR)"'

# Resolved lazily, so that `make deps` can install the packages first.
PC_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw libutf8proc 2>/dev/null)
CURSES_LIBS = $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
# libcsv and utf8proc are linked statically when their .a is installed, so the
# binary needs only libc and ncursesw/tinfo on a server. LINK_STATIC= (empty)
# links them as shared libraries: the Debian package does (debian/rules), so
# that apt brings them and their security updates reach centres.
LINK_STATIC ?= csv utf8proc
static_or = $(if $(filter $(1),$(LINK_STATIC)),$(if $(filter /%,$(shell $(CC) -print-file-name=lib$(1).a)),$(shell $(CC) -print-file-name=lib$(1).a),-l$(1)),-l$(1))
LIBS = $(call static_or,csv) $(call static_or,utf8proc) $(CURSES_LIBS) -lpthread

# The layers (docs/architecture.md): each includes only those before it.
CORE_SRC  := $(wildcard src/core/*.c)
BATCH_SRC := $(wildcard src/batch/*.c)
APP_SRC   := $(wildcard src/app/*.c)
TUI_SRC   := $(wildcard src/tui/*.c)
TOP_SRC   := src/options.c src/restrict.c src/lang.c
LIB_SRC   := $(CORE_SRC) $(BATCH_SRC) $(APP_SRC) $(TUI_SRC) $(TOP_SRC)

REL := build/release
SAN := build/asan
CLG := build/clang
SANFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined

# ThreadSanitizer, for what runs beside the screen (core/loading.c): its
# unit tests built again with it (make tsan; make test runs them).
TSN := build/tsan
TSANFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=thread
TSAN_TESTS := test_loading test_stream
TSAN_BIN := $(patsubst %,$(TSN)/tests/%_tsan,$(TSAN_TESTS))
tsn_objs = $(patsubst %.c,$(TSN)/%.o,$(1))

rel_objs = $(patsubst %.c,$(REL)/%.o,$(1))
san_objs = $(patsubst %.c,$(SAN)/%.o,$(1))

UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(SAN)/tests/%,$(UNIT_SRC))
# Programs the process tests run the binary through (tests/helpers).
HELPER_SRC := $(wildcard tests/helpers/*.c)
HELPERS    := $(patsubst tests/helpers/%.c,build/helpers/%,$(HELPER_SRC))

.PHONY: all deps deps-test run test check bench soak fuzz tsan install uninstall deb clean clang-werror \
	pot po-update
.DEFAULT_GOAL := all

all: deps
	@$(MAKE) --no-print-directory centres $(MO)

# Translations (docs/translating.md): English in the source, po/LANG.po
# compiled into build/locale/LANG/LC_MESSAGES/centres.mo, where the binary
# of the source tree finds it. `make pot` regenerates po/centres.pot from
# the marks in src/, `make po-update` merges it into each po/LANG.po.
LINGUAS := fr
MO := $(patsubst %,build/locale/%/LC_MESSAGES/centres.mo,$(LINGUAS))
build/locale/%/LC_MESSAGES/centres.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<
XGETTEXT_FLAGS := --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
	--keyword=P_:1,2 --add-comments=TRANSLATORS: --package-name=centres \
	--package-version=$(shell sed -n 's/^\#define CENTRES_VERSION "\(.*\)"/\1/p' src/options.h)
POT ?= po/centres.pot
pot:
	xgettext $(XGETTEXT_FLAGS) -o $(POT) $(sort $(LIB_SRC) src/main.c)
po-update: pot
	for l in $(LINGUAS); do msgmerge --quiet --no-fuzzy-matching --update --backup=none po/$$l.po po/centres.pot; done

deps:
	@sh tools/deps.sh build

deps-test:
	@sh tools/deps.sh test

centres: $(call rel_objs,$(LIB_SRC) src/main.c) $(REL)/src/builtin.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(REL)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PC_CFLAGS) $(WARNINGS) $(CFLAGS) -c -o $@ $<

$(REL)/src/builtin.o: src/builtin.S data/centres.csv data/places.txt $(MO)
	@mkdir -p $(@D)
	$(CC) -c -o $@ src/builtin.S

$(SAN)/src/builtin.o: src/builtin.S data/centres.csv data/places.txt $(MO)
	@mkdir -p $(@D)
	$(CC) -c -o $@ src/builtin.S

$(SAN)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PC_CFLAGS) $(WARNINGS) $(SANFLAGS) -c -o $@ $<

$(SAN)/centres: $(call san_objs,$(LIB_SRC) src/main.c) $(SAN)/src/builtin.o
	$(CC) $(SANFLAGS) -o $@ $^ $(LIBS)

$(SAN)/tests/%: tests/unit/%.c $(call san_objs,$(LIB_SRC)) $(SAN)/src/builtin.o tests/unit/unit.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PC_CFLAGS) -Isrc $(WARNINGS) $(SANFLAGS) -o $@ $< \
		$(call san_objs,$(LIB_SRC)) $(SAN)/src/builtin.o $(LIBS) \
		$(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

$(TSN)/src/builtin.o: src/builtin.S data/centres.csv data/places.txt $(MO)
	@mkdir -p $(@D)
	$(CC) -c -o $@ src/builtin.S

$(TSN)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PC_CFLAGS) $(WARNINGS) $(TSANFLAGS) -c -o $@ $<

$(TSN)/tests/%_tsan: tests/unit/%.c $(call tsn_objs,$(LIB_SRC)) $(TSN)/src/builtin.o tests/unit/unit.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PC_CFLAGS) -Isrc $(WARNINGS) $(TSANFLAGS) -o $@ $< \
		$(call tsn_objs,$(LIB_SRC)) $(TSN)/src/builtin.o $(LIBS) \
		$(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

tsan: deps deps-test
	@$(MAKE) --no-print-directory $(TSAN_BIN)
	@for t in $(TSAN_BIN); do echo "== $$t"; CENTRES_TOP=$(CURDIR) $$t || exit 1; done

build/helpers/%: tests/helpers/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARNINGS) $(CFLAGS) -o $@ $<

# Every file of the program, the unit tests, the bench and the fuzz target
# compiled by clang with the program's warnings as errors (make test runs
# it; gcc stays the compiler of the build).
CLANG_C := $(LIB_SRC) src/main.c $(UNIT_SRC) tests/bench/bench.c tests/bench/ttybytes.c tests/bench/frame.c \
	tests/bench/runs.c tests/bench/csvcount.c \
	tests/monkey/monkey.c tests/fuzz/fuzz_common.c tests/fuzz/fuzz_load.c tests/fuzz/fuzz_query.c \
	tests/fuzz/fuzz_text.c tests/fuzz/fuzz_stream.c $(HELPER_SRC)
clang-werror: $(patsubst %.c,$(CLG)/%.o,$(CLANG_C))
$(CLG)/%.o: %.c
	@mkdir -p $(@D)
	$(CLANG) $(CPPFLAGS) $(PC_CFLAGS) -Isrc $(WARNINGS) -Werror -O1 -c -o $@ $<

run: all
	./centres

# Unit tests, then batch-mode tests, then screen tests in tmux, then valgrind,
# all on the sanitizer build, then the fuzzer: every seed and past crash, and
# FUZZ_TEST_SECONDS (default 20) of new inputs for each fuzz target, the
# three at once; ends with the totals.
test: deps deps-test
	@$(MAKE) --no-print-directory -j$$(nproc 2>/dev/null || echo 1) centres $(MO) $(SAN)/centres $(UNIT_BIN) \
		$(FUZZ_BIN) $(TSAN_BIN) $(REL)/ttybytes $(REL)/monkey $(HELPERS) clang-werror
	@FUZZ_BIN="$(FUZZ_BIN)" sh tests/run.sh $(SAN)/centres ./centres $(UNIT_BIN) $(TSAN_BIN)

check: test

# The benchmark (tests/bench/run.sh, docs/performance.md): generated
# directories of 10k, 100k and 1M rows (and 5M with BENCH_5M=1), a few
# minutes; timings for reading, never asserted.
bench: all
	@$(MAKE) --no-print-directory build/release/bench build/release/frame $(REL)/ttybytes \
		$(REL)/runs $(REL)/csvcount
	@sh tests/bench/run.sh

build/release/bench: tests/bench/bench.c $(call rel_objs,$(CORE_SRC)) $(REL)/src/builtin.o
	$(CC) $(CPPFLAGS) $(PC_CFLAGS) -Isrc $(WARNINGS) $(CFLAGS) -o $@ $(filter-out %.h,$^) \
		$(call static_or,csv) $(call static_or,utf8proc)

build/release/frame: tests/bench/frame.c $(call rel_objs,$(CORE_SRC) $(APP_SRC) $(TUI_SRC)) $(REL)/src/builtin.o
	$(CC) $(CPPFLAGS) $(PC_CFLAGS) -Isrc $(WARNINGS) $(CFLAGS) -o $@ $(filter-out %.h,$^) $(LIBS)

# The time and peak memory of a command run N times, and a bare libcsv pass
# over a file: make bench's references.
$(REL)/runs: tests/bench/runs.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARNINGS) $(CFLAGS) -o $@ $<

$(REL)/csvcount: tests/bench/csvcount.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARNINGS) $(CFLAGS) -o $@ $< $(call static_or,csv)

# Bytes written to the terminal per key, and with -L the time of each key,
# the real binary in a pseudo-terminal (make bench; tests/cli/tty_bytes.sh).
$(REL)/ttybytes: tests/bench/ttybytes.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PC_CFLAGS) $(WARNINGS) $(CFLAGS) -o $@ $< -lutil $(CURSES_LIBS)

# Raw bytes thrown at the binary in a pseudo-terminal: it must survive them
# (tests/cli/monkey_pty.sh; make soak).
$(REL)/monkey: tests/monkey/monkey.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PC_CFLAGS) $(WARNINGS) $(CFLAGS) -o $@ $< -lutil $(CURSES_LIBS)

# The monkey's long run: 20,000 inputs and 500 resizes on each of three
# directories, on the sanitizer build (tests/monkey/soak.sh).
soak: deps deps-test
	@$(MAKE) --no-print-directory -j$$(nproc 2>/dev/null || echo 1) $(SAN)/centres $(REL)/monkey
	@sh tests/monkey/soak.sh $(SAN)/centres

# The fuzz targets (tests/fuzz/README.md): libFuzzer with ASan and UBSan
# against the core sources and the built-in directory, which are compiled
# once for all the targets.
FUZZ := build/fuzz
FUZZ_TARGETS := fuzz_load fuzz_query fuzz_text fuzz_stream
FUZZ_BIN := $(addprefix $(FUZZ)/,$(FUZZ_TARGETS))
FUZZ_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined
FUZZ_OBJS := $(patsubst %.c,$(FUZZ)/obj/%.o,$(CORE_SRC) tests/fuzz/fuzz_common.c) \
	$(FUZZ)/obj/src/builtin.o
$(FUZZ)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CLANG) $(CPPFLAGS) $(PC_CFLAGS) -Isrc $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
# The targets' own code (the checks) without coverage: what guides the
# fuzzer is the program's code, and the checks run at full speed.
$(FUZZ)/obj/tests/fuzz/%.o: tests/fuzz/%.c
	@mkdir -p $(@D)
	$(CLANG) $(CPPFLAGS) $(PC_CFLAGS) -Isrc $(FUZZ_FLAGS) -c -o $@ $<
$(FUZZ)/obj/src/builtin.o: src/builtin.S data/centres.csv data/places.txt $(MO)
	@mkdir -p $(@D)
	$(CLANG) -c -o $@ src/builtin.S
# fuzz_stream holds batch mode's stream to the full path: batch/ too.
$(FUZZ)/fuzz_stream: $(patsubst %.c,$(FUZZ)/obj/%.o,$(BATCH_SRC))
$(FUZZ_BIN): $(FUZZ)/%: $(FUZZ)/obj/tests/fuzz/%.o $(FUZZ_OBJS)
	$(CLANG) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $(filter %.o,$^) \
		$(call static_or,csv) $(call static_or,utf8proc)

# Each target for FUZZ_SECONDS (default 60), the three at once, each on its
# corpus under build/fuzz/ (seeded from tests/fuzz/); says what each found.
fuzz: deps
	@sh tools/deps.sh fuzz
	@$(MAKE) --no-print-directory -j$$(nproc 2>/dev/null || echo 1) $(FUZZ_BIN)
	@sh tests/fuzz/fuzz.sh $${FUZZ_SECONDS:-60} $(FUZZ_TARGETS)

# The binary, the man pages (English, and French under man/fr), the French
# catalogue, the data file (a copy to edit; the binary carries its own) and
# the bash completion: nothing else. `make uninstall` removes exactly those.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(COMPLETIONDIR)
	install -m 755 centres $(DESTDIR)$(BINDIR)/centres
	install -m 644 data/centres.csv $(DESTDIR)$(DATADIR)/centres.csv
	install -m 644 docs/centres.1 $(DESTDIR)$(MANDIR)/man1/centres.1
	for l in $(LINGUAS); do \
		install -d $(DESTDIR)$(MANDIR)/$$l/man1 $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 docs/centres.$$l.1 $(DESTDIR)$(MANDIR)/$$l/man1/centres.1 && \
		install -m 644 build/locale/$$l/LC_MESSAGES/centres.mo \
			$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/centres.mo || exit 1; \
	done
	install -m 644 data/bash-completion/centres $(DESTDIR)$(COMPLETIONDIR)/centres

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/centres $(DESTDIR)$(DATADIR)/centres.csv \
		$(DESTDIR)$(MANDIR)/man1/centres.1 $(DESTDIR)$(COMPLETIONDIR)/centres \
		$(foreach l,$(LINGUAS),$(DESTDIR)$(MANDIR)/$(l)/man1/centres.1 \
			$(DESTDIR)$(LOCALEDIR)/$(l)/LC_MESSAGES/centres.mo)
	rmdir $(DESTDIR)$(DATADIR) 2>/dev/null || true

# The Debian package (debian/), built offline by dpkg-buildpackage on a copy
# of the tree in a temporary directory: the files git knows (tracked, and new
# ones not ignored; the whole tree but build/ and ./centres outside git), so
# neither build/ nor the developer's objects get in or are touched. The .deb,
# .changes and .buildinfo land in build/.
deb:
	@sh tools/deps.sh deb
	@set -e; v=$$(dpkg-parsechangelog -l debian/changelog -S Version); \
	tmp=$$(mktemp -d "$${TMPDIR:-/tmp}/centres-deb.XXXXXX"); trap 'rm -rf "$$tmp"' EXIT; \
	src="$$tmp/centres-$$v"; mkdir "$$src"; \
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
		git ls-files -z --cached --others --exclude-standard | \
			xargs -0 sh -c 'for f do [ ! -e "$$f" ] || printf "%s\0" "$$f"; done' sh | \
			tar --null -T - -cf - | tar -C "$$src" -xf -; \
	else \
		tar --exclude=./build --exclude=./centres --exclude=./.git -cf - . | tar -C "$$src" -xf -; \
	fi; \
	mkdir -p build; \
	echo "centres: dpkg-buildpackage -us -uc -b in $$src (log: build/deb-build.log)" >&2; \
	if ! (cd "$$src" && dpkg-buildpackage -us -uc -b) >build/deb-build.log 2>&1; then \
		tail -n 30 build/deb-build.log >&2; echo "centres: the package build failed" >&2; exit 1; \
	fi; \
	for f in "$$tmp"/*.deb "$$tmp"/*.changes "$$tmp"/*.buildinfo; do cp "$$f" build/; done; \
	ls build/centres_$${v}_*.deb

clean:
	rm -rf build centres

-include $(shell find build -name '*.d' 2>/dev/null)
