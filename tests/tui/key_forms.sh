#!/bin/sh
# Keys as bytes, in each form terminals send them, whatever TERM says: under
# TERM=xterm-256color, xterm, screen, linux and vt100, the search "ville"
# leaves 15 centres of the built-in directory; each form of Up, Down, Home,
# End, PgUp, PgDn, Left, Right, Tab, Shift-Tab, F1-F12 is sent raw (tmux
# send-keys -H) and does what it is, and none of them edits or clears the
# search; Alt+x (ESC x) does nothing; a lone Esc clears the search; F10
# quits with 0 (ESC [ 21 ~ or a vt100's ESC O x). Then, over SSH
# (SSH_CONNECTION set: a longer escape wait), an arrow split in two writes
# (ESC, 120 ms later "[B") is still Down. One session per TERM.
. tests/tui/tmux.sh

DATA=builtin
Q=ville
# The 15 centres "ville" finds, in the list's order, by the territory shown:
# 1 Val d'Oise, 2 Grand Est, 3 Hauts-de-France, 4 Bretagne - Pays..., 5
# Essonne, 6 Provence..., 7 Guyane, 8 Paris ... 15 Guadeloupe. The list
# shows 7 lines at 80x24: PgDn from the first goes to the 8th (Paris).
FIRST="Val d'Oise" SECOND="Grand Est" THIRD="Hauts-de-France" FOURTH="Bretagne - Pays"
PAGE2="Paris" LAST="Guadeloupe"

# moves NAME TARGET HEX...: the bytes move the selection to TARGET, the search
# is kept.
moves() {
	n=$1 t=$2
	shift 2
	keys_hex "$@"
	selected "$n" "$t" && search_is "$n: search kept" "$Q"
}
HEADINGS="Territories by region|Centres: All centres|Contact"
# focus NAME HEADING HEX...: the bytes focus the pane HEADING (its heading
# alone in reverse video).
focus() {
	n=$1 h=$2
	shift 2
	keys_hex "$@"
	reversed "$n" "$h" || return 1
	settle_e	# a whole frame: the old heading may not be redrawn yet
	# shellcheck disable=SC2086
	(IFS='|'; for o in $HEADINGS; do [ "$o" = "$h" ] || ! is_reversed "$o" || echo "$o"; done) >"$TMPD/rev"
	others=$(cat "$TMPD/rev")
	expect_eq "$n: no other heading in reverse video" "$others" ""
	search_is "$n: search kept" "$Q"
}
# opens NAME TEXT HEX...: the bytes open a screen or prompt that shows TEXT;
# Esc closes it, the search is kept.
opens() {
	n=$1 t=$2
	shift 2
	keys_hex "$@"
	see "$n" "$t" || return 1
	keys_hex 1b
	wait_gone "$t"
	search_is "$n, then Esc: search kept" "$Q"
}

for term in xterm-256color xterm screen linux vt100; do
	T="TERM=$term"
	TERM_ENV=$term start 80 24
	see "$T: started" "20 of 20 centres shown"
	send_text "$Q"
	see "$T: typed $Q" "15 of 20 centres match"
	reversed "$T: the list has the focus" "Centres: All centres"
	selected "$T: first centre selected" "$FIRST"

	# Up, Down: CSI, SS3 (application cursor mode), with modifiers
	moves "$T: ESC [ B Down" "$SECOND" 1b 5b 42
	moves "$T: ESC O B Down" "$THIRD" 1b 4f 42
	moves "$T: ESC [ 1 ; 5 B Ctrl-Down" "$FOURTH" 1b 5b 31 3b 35 42
	moves "$T: ESC [ A Up" "$THIRD" 1b 5b 41
	moves "$T: ESC O A Up" "$SECOND" 1b 4f 41
	moves "$T: ESC [ 1 ; 2 A Shift-Up" "$FIRST" 1b 5b 31 3b 32 41
	# End and Home, each form
	moves "$T: ESC [ 4 ~ End" "$LAST" 1b 5b 34 7e
	moves "$T: ESC [ 1 ~ Home" "$FIRST" 1b 5b 31 7e
	moves "$T: ESC [ 8 ~ End" "$LAST" 1b 5b 38 7e
	moves "$T: ESC [ 7 ~ Home" "$FIRST" 1b 5b 37 7e
	moves "$T: ESC [ F End" "$LAST" 1b 5b 46
	moves "$T: ESC [ H Home" "$FIRST" 1b 5b 48
	moves "$T: ESC O F End" "$LAST" 1b 4f 46
	moves "$T: ESC O H Home" "$FIRST" 1b 4f 48
	moves "$T: ESC [ 1 ; 5 F Ctrl-End" "$LAST" 1b 5b 31 3b 35 46
	moves "$T: ESC [ 1 ; 5 H Ctrl-Home" "$FIRST" 1b 5b 31 3b 35 48
	# PgDn, PgUp
	moves "$T: ESC [ 6 ~ PgDn" "$PAGE2" 1b 5b 36 7e
	moves "$T: ESC [ 6 ~ PgDn again" "$LAST" 1b 5b 36 7e
	moves "$T: ESC [ 5 ~ PgUp" "$PAGE2" 1b 5b 35 7e
	moves "$T: ESC [ 5 ~ PgUp again" "$FIRST" 1b 5b 35 7e

	# Tab, Shift-Tab, Left, Right: the focus
	focus "$T: Tab to the contact" "Contact" 09
	focus "$T: ESC [ Z Shift-Tab back to the list" "Centres: All centres" 1b 5b 5a
	focus "$T: ESC [ D Left to the menu" "Territories by region" 1b 5b 44
	focus "$T: ESC [ C Right to the list" "Centres: All centres" 1b 5b 43
	focus "$T: ESC O D Left to the menu" "Territories by region" 1b 4f 44
	focus "$T: ESC O C Right to the list" "Centres: All centres" 1b 4f 43
	selected "$T: the selection stayed" "$FIRST"

	# F1-F6: every form
	opens "$T: ESC O P F1 help" "Help (every key)" 1b 4f 50
	opens "$T: ESC [ 11 ~ F1 help" "Help (every key)" 1b 5b 31 31 7e
	opens "$T: ESC [ [ A F1 help (Linux console)" "Help (every key)" 1b 5b 5b 41
	opens "$T: ESC [ 1 ; 2 P Shift-F1 help" "Help (every key)" 1b 5b 31 3b 32 50
	opens "$T: ESC O Q F2 export" "Export 15 centres to:" 1b 4f 51
	opens "$T: ESC [ 12 ~ F2 export" "Export 15 centres to:" 1b 5b 31 32 7e
	opens "$T: ESC [ [ B F2 export (Linux console)" "Export 15 centres to:" 1b 5b 5b 42
	opens "$T: ESC O R F3 open a file" "Open the file:" 1b 4f 52
	opens "$T: ESC [ 13 ~ F3 open a file" "Open the file:" 1b 5b 31 33 7e
	opens "$T: ESC [ [ C F3 open a file (Linux console)" "Open the file:" 1b 5b 5b 43
	opens "$T: ESC O S F4 copy" "Copy: 1 01 34 05 17 17" 1b 4f 53
	opens "$T: ESC [ 14 ~ F4 copy" "Copy: 1 01 34 05 17 17" 1b 5b 31 34 7e
	opens "$T: ESC [ [ D F4 copy (Linux console)" "Copy: 1 01 34 05 17 17" 1b 5b 5b 44
	# F5 reloads: its message stays until the next key (here a move)
	for f in "ESC [ 15 ~|1b 5b 31 35 7e" "ESC [ [ E (Linux console)|1b 5b 5b 45" "ESC O t (vt100)|1b 4f 74"; do
		# shellcheck disable=SC2086
		keys_hex ${f#*|}
		see "$T: ${f%|*} F5 reloads" "Reloaded built-in directory: 20 centres."
		search_is "$T: ${f%|*} F5: search kept" "$Q"
		keys_hex 1b 5b 42
		selected "$T: ${f%|*} F5: then Down" "$SECOND"
		keys_hex 1b 5b 41
		selected "$T: ${f%|*} F5: then Up" "$FIRST"
		wait_gone "Reloaded built-in"
	done
	opens "$T: ESC [ 17 ~ F6 about" "About the network" 1b 5b 31 37 7e
	opens "$T: ESC O u F6 about (vt100)" "About the network" 1b 4f 75

	# F7 sorts (CSI, a vt100's ESC O v, CSI: by name, by territory, as in
	# the file again).
	keys_hex 1b 5b 31 38 7e
	see "$T: ESC [ 18 ~ F7 sorts" "Centres sorted by name."
	keys_hex 1b 4f 76
	see "$T: ESC O v F7 sorts (vt100)" "Centres sorted by territory"
	keys_hex 1b 5b 31 38 7e
	see "$T: F7 again: the file's order" "Centres in the order of the file."
	# F8, F9, F11, F12 (CSI and a vt100's ESC O l w) and Alt+x: nothing.
	# Then Down: the selection moves by one, nothing else happened.
	keys_hex 1b 5b 31 39 7e 1b 5b 32 30 7e 1b 5b 32 33 7e 1b 5b 32 34 7e \
		1b 4f 6c 1b 4f 77
	keys_hex 1b 78
	keys_hex 1b 5b 42
	selected "$T: F8 F9 F11 F12, Alt+x, then Down: moved by one" "$SECOND"
	search_is "$T: F8 F9 F11 F12, Alt+x: search kept" "$Q"
	not_see "$T: F8 F9 F11 F12, Alt+x: no message" "Press"
	keys_hex 1b 5b 41
	selected "$T: back up" "$FIRST"
	# Alt+x alone, then a lone Esc: the Alt+x is not an Esc (nothing
	# cleared before the real one) and adds no x.
	keys_hex 1b 78
	keys_hex 1b 5b 42
	selected "$T: ESC x, then Down" "$SECOND"
	search_is "$T: ESC x is no Esc and types nothing" "$Q"

	# a lone Esc clears the search (after the escape wait)
	keys_hex 1b
	see "$T: lone Esc clears the search" "20 of 20 centres shown"
	search_is "$T: lone Esc: the search is empty" ""

	# F10 quits with 0: CSI, or a vt100's SS3
	case $term in
	vt100 | xterm) f10="ESC O x" ;;
	*) f10="ESC [ 21 ~" ;;
	esac
	case $f10 in
	"ESC O x") keys_hex 1b 4f 78 ;;
	*) keys_hex 1b 5b 32 31 7e ;;
	esac
	expect_exit "$T: $f10 F10 quits" 0 "$(case $term in vt100 | linux) echo vt100 ;; esac)"
done

# --- over SSH: the escape wait is long enough for an arrow split in two
EXTRA_ENV="SSH_CONNECTION='10.0.0.1 50000 10.0.0.2 22'" TERM_ENV=xterm-256color start 80 24
T=SSH
see "$T: started" "20 of 20 centres shown"
send_text "$Q"
see "$T: typed $Q" "15 of 20 centres match"
selected "$T: first centre selected" "$FIRST"
keys_hex 1b
sleep 0.12
keys_hex 5b 42
selected "$T: ESC, 120 ms later [ B: Down" "$SECOND"
search_is "$T: the split arrow does not clear the search" "$Q"
keys_hex 1b
sleep 0.12
keys_hex 4f 41
selected "$T: ESC, 120 ms later O A: Up" "$FIRST"
search_is "$T: the split SS3 arrow does not clear the search" "$Q"
# Ctrl-C's warning lasts 2 s; its end must not cut the escape wait short:
# ESC 1.85 s after the Ctrl-C, "[B" 150 ms later (after the warning's end)
# is still Down.
keys C-c
t0=$(date +%s%N)
see "$T: Ctrl-C: the warning" "Press Ctrl-C again to quit"
el=$((($(date +%s%N) - t0) / 1000000))
[ "$el" -lt 1850 ] && sleep "$(printf '%d.%03d' $(((1850 - el) / 1000)) $(((1850 - el) % 1000)))"
keys_hex 1b
sleep 0.15
keys_hex 5b 42
within 3 selected "$T: an arrow split across the end of Ctrl-C's warning: Down" "$SECOND"
within 3 search_is "$T: the arrow split across the warning's end does not clear the search" "$Q"
# a lone Esc still clears it, once the wait is over
keys_hex 1b
see "$T: lone Esc clears the search" "20 of 20 centres shown"
search_is "$T: lone Esc: the search is empty" ""
# Ctrl-X quits too
keys C-x
expect_exit "$T: Ctrl-X quits" 0

# --- ESCDELAY sets the wait: 400 ms, locally, holds an arrow split by 200 ms
EXTRA_ENV="ESCDELAY=400" TERM_ENV=xterm start 80 24
T=ESCDELAY=400
see "$T: started" "20 of 20 centres shown"
send_text "$Q"
see "$T: typed $Q" "15 of 20 centres match"
selected "$T: first centre selected" "$FIRST"
keys_hex 1b
sleep 0.2
keys_hex 5b 42
selected "$T: ESC, 200 ms later [ B: Down" "$SECOND"
search_is "$T: the split arrow does not clear the search" "$Q"
keys C-q
expect_exit "$T: Ctrl-Q quits" 0

finish key_forms
