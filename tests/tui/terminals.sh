#!/bin/sh
# Terminal types as they arrive over SSH: every common TERM draws a usable
# screen (the selection visible without colours), where the arrow keys and
# F10 work whatever TERM says (the program decodes the keys' bytes itself);
# a TERM this machine lacks falls back to the closest installed type with a
# notice, and the search typed works there; no TERM or TERM=dumb prints the
# list. Locales: tests/tui/locales.sh. On the test directory
# tests/data/annuaire.csv.
. tests/tui/tmux.sh

# reverse_line TEXT: whether the selected line (marked ▸) holding TEXT is
# in reverse video (the selection, visible without colours). TEXT is looked
# for in the line's text, attributes left out (it may hold the marker).
reverse_line() {
	capture_e
	printf '%s\n' "$escreen" | awk -v t="$1" -v sgr="${ESC}[[][0-9;]*m" '
		{ p = $0; gsub(sgr, "", p) }
		index(p, "▸") && index(p, t) { print; exit }' |
		grep -q -e "$ESC\\[\\([0-9]*;\\)*7\\(;[0-9]*\\)*m"
}

# --- the terminal types the issue names
for term in xterm-256color xterm screen tmux-256color linux vt100; do
	TERM_ENV=$term start 80 24
	see "TERM=$term: the first screen" "18 of 18 centres shown" "Île-Verte" \
		"Phone        04 65 71 01 43" "F10/^Q Quit"
	not_see "TERM=$term: no fallback notice" "not installed here"
	case "$screen" in
	*"│"*) pass "TERM=$term: panes separated by a line" ;;
	*) fail "TERM=$term: panes separated by a line"; show ;;
	esac
	# Four Downs: Bocage - Marais, under the region Bocage (marker and
	# indent: the menu's line, not the list's)
	keys Down Down Down Down
	if wait_selected "▸  Bocage - Marais"; then
		pass "TERM=$term: Down moves the selection"
	else
		fail "TERM=$term: Down moves the selection"; show
	fi
	if reverse_line "▸  Bocage - Marais"; then
		pass "TERM=$term: the selected line is in reverse video"
	else
		fail "TERM=$term: the selected line is in reverse video"
		printf '%s\n' "$escreen" | cat -v | sed -n 1,6p
	fi
	keys F10
	# vt100 and linux have no alternate screen: what was drawn stays.
	expect_exit "TERM=$term: F10" 0 "$(case $term in vt100 | linux) echo vt100 ;; esac)"
done

# vt100 has no colours: nothing on the screen is coloured.
TERM_ENV=vt100 start 80 24
see "vt100: started" "18 of 18"
capture_e
case "$escreen" in
*"$ESC["3[0-7]m* | *"$ESC["*";"3[0-7]m* | *"$ESC["3[0-7]";"*) fail "vt100: no colour sequences"; printf '%s\n' "$escreen" | cat -v | head -n 3 ;;
*) pass "vt100: no colour sequences" ;;
esac
keys F10
expect_exit "vt100 F10" 0 vt100

# --- terminal types this machine lacks: the closest installed one
for pair in xterm-kitty:xterm-256color alacritty:xterm-256color wezterm:xterm-256color \
	screen.foo-256color:screen-256color tmux-foo:screen rxvt-foo:rxvt; do
	term=${pair%%:*} as=${pair#*:}
	TERM_ENV=$term start 80 24
	see "TERM=$term: drawn as $as, said on the status line" \
		"TERM $term is not installed here: drawing as $as." "18 of 18" "F10/^Q Quit"
	send_text iles
	see "TERM=$term: the search works" "Search: iles" "1 of 18 centres match" "CR-CDI"
	keys Escape
	see "TERM=$term: Esc clears it" "18 of 18 centres shown"
	keys F10
	expect_exit "TERM=$term: F10" 0
done

# A TERM holding control characters is never echoed raw.
TERM_ENV="$(printf 'evil\033[2Jterm')" start 80 24
see "TERM with an escape: drawn, notice shown safely" "not installed here" "18 of 18"
case "$screen" in *"␛[2Jterm"*) pass "TERM with an escape: shown as a placeholder" ;;
*) fail "TERM with an escape: shown as a placeholder" "$(line_with 'not installed')" ;; esac
keys F10
expect_exit "TERM with an escape: F10" 0

# --- no TERM, or TERM=dumb: the list, and one line on stderr
for term in dumb ""; do
	TERM_ENV=x EXTRA_ENV="TERM=$term" start 100 30
	see "TERM='$term': the list is printed (fitted to the terminal)" "Cohésion des Îles" "02 61 91 55 42" "== END =="
	wait_exit
	expect_eq "TERM='$term': exit status as --list" "$status" 0
	case "$screen" in *"F10/^Q Quit"* | *"Search:"*) fail "TERM='$term': no screen drawn"; show ;;
	*) pass "TERM='$term': no screen drawn" ;; esac
	n=$(grep -c . "$TMPD/stderr.$run_no")
	note=$(cat "$TMPD/stderr.$run_no")
	expect_eq "TERM='$term': one line on stderr" "$n" 1
	expect_contains "TERM='$term': it says why" "$note" "printing the list"
done

finish terminals
