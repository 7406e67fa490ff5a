#!/bin/sh
# Wide (CJK, emoji), combining and accented text keeps the panes aligned at
# every layout: each pane separator stays in its column on every line, and
# a cut name ends with "…" without a split character, as Down moves
# through the list (F10 quits).
. tests/tui/tmux.sh

F=$TMPD/wide.csv
{
	printf 'nom,territoire,telephone\n'
	printf '東京都市計画センター東京都市計画センター,東京都,03 1234 5678\n'
	printf 'Maison 🏠🏠🏠🏠🏠🏠🏠🏠🏠🏠🏠🏠 des habitants,Île-de-France,01 00 00 00 00\n'
	printf 'Re\314\201union combinée Re\314\201union combinée Re\314\201union,La Re\314\201union,02 62 00 00 00\n'
} >"$F"

# Display columns of each separator "│" on every line of $screen, as
# "line:col" pairs, with wide characters counted as 2 and marks as 0.
columns() {
	printf '%s\n' "$screen" | python3 -c '
import sys, unicodedata
for n, line in enumerate(sys.stdin.read().split("\n")):
    col = 0
    cols = []
    for ch in line:
        if ch == "\u2502":
            cols.append(str(col))
        if unicodedata.combining(ch):
            continue
        col += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    if cols:
        print(" ".join(cols))
' | sort -u
}

for size in "80 24" "132 40" "60 16"; do
	set -- $size
	start "$1" "$2" "$F"
	see "${1}x$2: the screen comes up" "3 of 3"
	keys Tab
	focused "${1}x$2: the list has the focus" "Centres: All centres"
	for k in Down Down; do
		keys "$k"
		wait_for "Phone"
		c=$(columns | wc -l | tr -d ' ')
		expect_eq "${1}x$2: every separator line has the separators at the same columns" "$c" "1"
	done
	wait_for "…"
	line=$(line_with "東京")
	expect_contains "${1}x$2: the CJK name is cut with …" "$line" "…"
	keys F10
	expect_exit "${1}x$2: F10" 0
	finish "${1}x$2"
done
