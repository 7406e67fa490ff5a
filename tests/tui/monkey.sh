#!/bin/sh
# Monkey test: a few hundred random keys (every command's function key and
# Ctrl-key: export, open, copy, reload, about, Ctrl-Z among them; letters,
# digits and punctuation typed into the search, Ctrl-W, Ctrl-U), pastes
# (bracketed), mouse clicks and wheel turns, and resizes (down to 1x1)
# thrown at the screen, the same each run (seeded). The program must stay
# up, answer, and quit cleanly with no sanitizer report. The keys that quit
# (F10, Ctrl-Q, Ctrl-X, Ctrl-C twice) are left out until the end. On the
# test directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

# Random key names from every mode's keys, plus text and junk.
awk -v seed="${MONKEY_SEED:-20261125}" 'BEGIN {
	srand(seed)
	n = split("Up Down Left Right PPage NPage Home End Tab BTab Enter Escape BSpace " \
	    "F1 F2 F3 F4 F5 F6 C-g C-s C-o C-y C-r C-a C-l C-z C-u C-w C-h " \
	    "/ ? a y p e w c j k h l g G r s o q 1 2 9 Space x 0 4 7 8 é : \"", k, " ")
	for (i = 0; i < 400; i++) {
		r = rand()
		if (r < 0.04)
			printf "RESIZE %d %d\n", 1 + int(rand() * 150), 1 + int(rand() * 50)
		else if (r < 0.07)
			printf "CLICK %d %d\n", int(rand() * 150), int(rand() * 50)
		else if (r < 0.09)
			printf "WHEEL %d %d\n", int(rand() * 150), int(rand() * 50)
		else if (r < 0.11)
			printf "PASTE\n"
		else
			printf "KEY %s\n", k[1 + int(rand() * n)]
	}
}' >"$TMPD/monkey"

# Mouse events as an xterm sends them (SGR encoding, 1-based cells): a
# press and release of the left button, a wheel notch down.
click() { send_text "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' $(($1 + 1)) $(($2 + 1)) $(($1 + 1)) $(($2 + 1)))"; }
wheel() { send_text "$(printf '\033[<65;%d;%dM' $(($1 + 1)) $(($2 + 1)))"; }
# A bracketed paste: a line with keys in it (Ctrl-Q, Esc, F10's bytes)
# that must all go into the search, never run.
paste() { send_text "$(printf '\033[200~x q\021 \033[21~ 04 65\n\033[201~')"; }

# In a folder of its own: s (export) and o (open) may write or read files.
mkdir "$TMPD/cwd"
# The test directory from there (relative: the title keeps its length).
cp "$FX" "$TMPD/annuaire.csv"
FX=../annuaire.csv
cd "$TMPD/cwd" || exit 1
start 80 24
see "monkey: the screen comes up" "18 of 18"
while read -r kind a b; do
	case $kind in
	RESIZE) resize "$a" "$b" ;;
	CLICK) click "$a" "$b" ;;
	WHEEL) wheel "$a" "$b" ;;
	PASTE) paste ;;
	KEY) keys "$a" ;;
	esac
done <"$TMPD/monkey"
# Back to a usable size: the program is alive and draws the screen.
resize 80 24
# idle: waits until every input so far is read: the program asleep and its
# screen unchanged over 0.2 s (longer than the 50 ms wait that tells an Esc
# from the start of a sequence). Keys sent after are read on their own: an
# Esc then a letter read together are one Alt+letter.
idle() {
	j=0
	while [ $j -lt 50 ]; do
		capture
		before=$screen
		sleep 0.2
		capture
		[ "$screen" = "$before" ] && [ "$(proc_state)" = S ] && return 0
		j=$((j + 1))
	done
	return 1
}
# Esc closes a page, cancels the copy menu or a prompt, clears the search
# and goes back: three of them leave the main screen, its search empty,
# where a text typed is the whole search.
for n in 1 2 3; do
	idle || fail "monkey: the program settles before Esc $n"
	keys Escape
done
idle || fail "monkey: the program settles after the Esc"
keys C-l
send_text zzmonkey
see "monkey: still drawing after 400 random inputs" "centres — " "F10/^Q Quit"
see "monkey: three Esc then text: the main screen, the text alone in the search" \
	"Search: zzmonkey  (Esc: clear)" "0 of 18 centres match"
keys F10	# quits from every mode
wait_exit
case $status in
0) pass "monkey: quits with status 0" ;;
*) fail "monkey: quits with status 0" "status: '$status'" "$(tm capture-pane -p -t "$S" | tail -n 5)" ;;
esac
cd "$CENTRES_TOP" 2>/dev/null || cd /
finish "monkey"
