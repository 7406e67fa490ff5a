#!/bin/sh
# Monkey test: a few hundred random keys (export, open and Ctrl-Z among
# them), typed text and resizes (down to 1x1) thrown at the screen, the same each run (seeded). The program must
# stay up, answer, and quit cleanly with no sanitizer report. On the test
# directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

# Random key names from every mode's keys, plus text and junk.
awk -v seed="${MONKEY_SEED:-20261125}" 'BEGIN {
	srand(seed)
	n = split("Up Down Left Right PPage NPage Home End Tab BTab Enter Escape BSpace " \
	    "F1 F2 F3 F5 F10 / ? a y p e w c j k h l g G r s o C-z C-u C-l Space x 0 4 7 8 é : \"", k, " ")
	for (i = 0; i < 400; i++) {
		r = rand()
		if (r < 0.04)
			printf "RESIZE %d %d\n", 1 + int(rand() * 150), 1 + int(rand() * 50)
		else
			printf "KEY %s\n", k[1 + int(rand() * n)]
	}
}' >"$TMPD/monkey"

# In a folder of its own: s (export) and o (open) may write or read files.
mkdir "$TMPD/cwd"
# The test directory from there (relative: the title keeps its length).
cp "$FX" "$TMPD/annuaire.csv"
FX=../annuaire.csv
cd "$TMPD/cwd" || exit 1
start 80 24
see "monkey: the screen comes up" "18 of 18"
quits=0
while read -r kind a b; do
	case $kind in
	RESIZE) resize "$a" "$b" ;;
	KEY)
		case $a in
		F10|q) continue ;;	# quitting is tested at the end
		Escape) keys Escape ;;
		*) keys "$a" ;;
		esac ;;
	esac
done <"$TMPD/monkey"
# Back to a usable size: the program is alive and draws the screen.
resize 80 24
keys Escape Escape Escape
keys C-l
see "monkey: still drawing after 400 random inputs" "centres"
wait_for "Quit"
keys F10	# quits from every mode
wait_exit
case $status in
0) pass "monkey: quits with status 0" ;;
*) fail "monkey: quits with status 0" "status: '$status'" "$(tm capture-pane -p -t "$S" | tail -n 5)" ;;
esac
cd "$CENTRES_TOP" 2>/dev/null || cd /
finish "monkey"
