#!/bin/sh
# The layers of src/ (docs/architecture.md) hold: no terminal code below
# tui/, no file including a layer above its own (core < batch, app < tui <
# main), batch and app apart, and no two modules including each other,
# directly or in a ring (tsort finds the loops).
. tests/lib.sh
cd "$CENTRES_TOP" || exit 1

found=$(grep -rl curses src/core src/batch src/app 2>/dev/null)
expect_eq "no curses in src/core, src/batch, src/app" "$found" ""

# layer FILE: the rank of the folder a file is in.
rank() {
	case $1 in
	src/core/*) echo 0 ;;
	src/batch/* | src/app/*) echo 1 ;;
	src/tui/*) echo 2 ;;
	*) echo 3 ;;
	esac
}

# Every quoted include, as "FILE INCLUDED" with the path made from src/.
edges=$(for f in src/*.c src/*.h src/*/*.c src/*/*.h; do
	[ -f "$f" ] || continue
	d=$(dirname "$f")
	sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f" | while read -r inc; do
		p=$(realpath -m --relative-to=. "$d/$inc")
		echo "$f $p"
	done
done)

up=
apart=
echo "$edges" | {
	while read -r f p; do
		[ -n "$f" ] || continue
		rf=$(rank "$f") rp=$(rank "$p")
		[ "$rp" -gt "$rf" ] && up="$up $f->$p"
		case "$f $p" in
		src/batch/*" "src/app/* | src/app/*" "src/batch/*) apart="$apart $f->$p" ;;
		esac
	done
	expect_eq "no file includes a layer above its own" "${up# }" ""
	expect_eq "batch and app do not include each other" "${apart# }" ""
}

# Modules (a .c and its .h are one; columns.c is the table's): a loop
# between them is two files that need each other.
loops=$(echo "$edges" | sed -e 's/\.[ch]\>//g' -e 's|src/core/columns|src/core/table|g' |
	awk '$1 != $2' | tsort 2>&1 >/dev/null)
expect_eq "no two modules include each other (no loop)" "$loops" ""

n=$(wc -l <src/tui/tui.c)
if [ "$n" -lt 250 ]; then
	pass "src/tui/tui.c keeps to the loop (the terminal's lifetime is terminal.c) ($n lines)"
else
	fail "src/tui/tui.c keeps to the loop (the terminal's lifetime is terminal.c)" "$n lines (at most 249)"
fi
