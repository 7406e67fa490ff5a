#!/bin/sh
# Text screenshots of the program for docs/screenshots, captured from the real
# program in tmux: each layout (80x24, 132x40, 50x20), the help screen (F1)
# and the search "reunion" (typed on the main screen; the file keeps its
# name, filter-reunion.txt, that README.md links to). They change only when
# asked:
#     UPDATE=1 sh tests/tui/screenshots.sh        (from the top of the repo)
# Without UPDATE=1 (as run by make test) it checks nothing and says so: the
# pictures are documentation, not a test of the screen (the other scripts
# of tests/tui are).
[ "${UPDATE:-}" = 1 ] || { echo "screenshots: not updated (set UPDATE=1 to capture them again)"; exit 0; }

. tests/tui/tmux.sh
# The product as shipped: its built-in directory, not the test one (read by
# start, tests/tui/tmux.sh).
# shellcheck disable=SC2034
DATA=builtin
D=docs/screenshots
mkdir -p "$D"

# shot FILE: the screen as it is now, trailing spaces removed.
shot() {
	tm capture-pane -p -t "$S" | sed 's/ *$//' >"$D/$1"
	echo "wrote $D/$1"
}

for size in "80 24" "132 40" "50 20"; do
	# shellcheck disable=SC2086
	set -- $size
	start "$1" "$2"
	wait_for "F10" || { echo "screenshots: the program did not start at $1x$2" >&2; exit 1; }
	shot "$1x$2.txt"
	if [ "$1" = 80 ]; then
		keys F1
		wait_for "Help (every key)" && shot help.txt
		keys q
		wait_for "Territories by region"
		send_text reunion
		wait_for "Search: reunion" && wait_for "1 of 20 centres match" &&
			wait_for "02 62 20 55 43" && shot filter-reunion.txt
	fi
	keys F10
	wait_exit
done
