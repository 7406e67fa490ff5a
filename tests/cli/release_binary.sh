#!/bin/sh
# The release binary is what goes on a minimal server: it carries its data
# and needs no shared library beyond libc and ncursesw/tinfo.
. tests/lib.sh
REL=${CENTRES_REL:-./centres}

libs=$(ldd "$REL" | awk '$1 ~ /^lib/ {print $1}' | sed 's/\.so.*//' | sort | tr '\n' ' ')
expect_eq "ldd: only libc, ncursesw and tinfo" "$libs" "libc libncursesw libtinfo "

# It works alone: copied to an empty directory, no data files beside it.
mkdir "$TMPD/alone"
cp "$REL" "$TMPD/alone/centres"
n=$(cd "$TMPD/alone" && env -u CENTRES_FILE ./centres --list | wc -l)
expect_eq "built-in directory without data files: 20 centres" "$n" "20"

# Small enough for a minimal server: under 2 MiB once stripped, with the
# directory and the places of France (data/places.txt) inside.
strip -o "$TMPD/stripped" "$REL"
size=$(wc -c <"$TMPD/stripped")
if [ "$size" -lt 2097152 ]; then
	pass "stripped binary under 2 MiB ($size bytes)"
else
	fail "stripped binary under 2 MiB" "$size bytes"
fi

# make install honours DESTDIR and PREFIX, and installs the binary, the data
# file, the man pages (English, French), the French catalogue and the bash
# completion, nothing else; make uninstall removes them.
make -s install DESTDIR="$TMPD/dest" PREFIX=/opt/centres >/dev/null 2>&1
files=$(cd "$TMPD/dest" && find . -type f | LC_ALL=C sort | tr '\n' ' ')
expect_eq "make install: the binary, data file, man pages, catalogue, completion, nothing else" "$files" \
	"./opt/centres/bin/centres ./opt/centres/share/bash-completion/completions/centres ./opt/centres/share/centres/centres.csv ./opt/centres/share/locale/fr/LC_MESSAGES/centres.mo ./opt/centres/share/man/fr/man1/centres.1 ./opt/centres/share/man/man1/centres.1 "
if [ -x "$TMPD/dest/opt/centres/bin/centres" ]; then
	pass "make install DESTDIR=... PREFIX=/opt/centres installs the binary there"
else
	fail "make install DESTDIR=... PREFIX=/opt/centres installs the binary there" \
		"$(ls -R "$TMPD/dest" 2>&1 | head -n 5)"
fi
n=$("$TMPD/dest/opt/centres/bin/centres" --list "$TMPD/dest/opt/centres/share/centres/centres.csv" | wc -l)
expect_eq "the installed data file loads: 20 centres" "$n" "20"
make -s uninstall DESTDIR="$TMPD/dest" PREFIX=/opt/centres >/dev/null 2>&1
left=$(cd "$TMPD/dest" && find . -type f | tr '\n' ' ')
expect_eq "make uninstall removes every installed file" "$left" ""

# The man page documents every option --help lists, and renders cleanly.
missing=
for opt in $("$REL" --help | grep -o -- '--[a-z-]*' | sort -u); do
	grep -q -- "$(printf '%s' "$opt" | sed 's/-/\\\\-/g')" docs/centres.1 || missing="$missing $opt"
done
expect_eq "man page: every option of --help" "$missing" ""
if command -v man >/dev/null 2>&1; then
	warn=$(MANWIDTH=80 man --warnings -l docs/centres.1 2>&1 >/dev/null)
	expect_eq "man page: renders without warnings" "$warn" ""
fi
