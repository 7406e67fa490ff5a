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

# make install honours DESTDIR and PREFIX.
make -s install DESTDIR="$TMPD/dest" PREFIX=/opt/centres >/dev/null 2>&1
if [ -x "$TMPD/dest/opt/centres/bin/centres" ]; then
	pass "make install DESTDIR=... PREFIX=/opt/centres installs the binary there"
else
	fail "make install DESTDIR=... PREFIX=/opt/centres installs the binary there" \
		"$(ls -R "$TMPD/dest" 2>&1 | head -n 5)"
fi
