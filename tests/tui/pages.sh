#!/bin/sh
# The help screen (? and F1: every key, from the key table) and the About
# screen (a: the network, Question de Ville, its two links), at 80x24,
# 132x40 and 50x20; they scroll and close back to the same place. On the test
# directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

LINK1="http://www.scoop.it/t/actu-politiquedelaville"
LINK2="http://www.ville.gouv.fr/?-Centres-de-ressources-regionaux-"

# --- 80x24
start 80 24
see "80x24: started" "18 of 18"
keys Tab j j
selected "80x24: a centre selected before help" "Carrefour des Quartiers"
keys '?'
see "80x24: ? opens the help" "Help (every key)"
see "80x24: help: browsing keys" "Browsing" "Move down" "Next pane" "Filter:"
keybar_has "80x24: help: the key bar says how to close" "*Close*"
expect_contains "80x24: help: the keys of moving down" "$(line_with 'Move down')" "j"
expect_contains "80x24: help: / and F3 filter" "$(line_with 'Filter:')" "/ F3"
see "80x24: help: reload (after F1 ? Help)" "Reload the file"
expect_contains "80x24: help: F5 and r reload" "$(line_with 'Reload the file')" "F5 r"
# The rest, further down: F10 q quit, the filter keys, the copy keys.
keys NPage
see "80x24: help: PgDn shows the next page" "While typing a filter"
see "80x24: help: Ctrl-U in the filter" "Ctrl-U"
keys End
see "80x24: help: End shows the filter language" "Digits find phone numbers"
see "80x24: help: Ctrl-C quits" "Ctrl-C quits"
keys Home
see "80x24: help: Home back to the top" "Keys of centres"
keys q
see "80x24: q closes the help" "18 of 18"
selected "80x24: the same centre still selected" "Carrefour des Quartiers"
see "80x24: and its contact" "01 99 00 17 17"
keys F1
see "80x24: F1 opens the help" "Help (every key)"
keys Escape
see "80x24: Esc closes it" "18 of 18"
keys a
see "80x24: a opens About" "About the network"
see "80x24: About: what the centres do" "resource centres"
keys End
see "80x24: About: Question de Ville" "Question de Ville"
see "80x24: About: the press review link, whole" "$LINK1"
see "80x24: About: the ministry link, whole" "$LINK2"
keys q
see "80x24: q closes About" "18 of 18"
keys q
expect_exit "80x24 q" 0

# --- 132x40: everything of About on one screen
start 132 40
see "132x40: started" "18 of 18"
keys a
see "132x40: About" "About the network" "Question de Ville" "$LINK1" "$LINK2"
keys Escape
see "132x40: Esc closes About" "18 of 18"
keys '?'
see "132x40: help" "Help (every key)" "Reload the file" "Erase the filter line"
keys '?'
see "132x40: ? again closes the help" "18 of 18"
keys q
expect_exit "132x40 q" 0

# --- 50x20
start 50 20
see "50x20: started" "18 of 18"
keys '?'
see "50x20: help" "Help (every key)" "Move down"
keybar_has "50x20: help: how to close it" "*Close*"
keys q
see "50x20: help closed" " Territories by region"
keys a
see "50x20: About" "About the network"
keys End
see "50x20: About: Question de Ville" "Question de Ville"
# A link too long for the line is cut with a visible "…" right after it,
# never covered by something else.
wait_for "The centres:"
for l in "Press review:  $LINK1" "The centres:   $LINK2"; do
	label=${l%%:*}
	got=$(line_with "$label:" | sed 's/ *$//')
	case "$got" in
	*"$l") pass "50x20: About: $label link whole" ;;
	*…)
		shown=${got%…}
		shown=http${shown#*http}
		case "$l" in
		*"$shown"*) pass "50x20: About: $label link cut with …" ;;
		*) fail "50x20: About: $label link cut with … (nothing drawn over it)" "line: $got" ;;
		esac ;;
	*) fail "50x20: About: $label link cut with … (nothing drawn over it)" "line: $got" ;;
	esac
done
keys q
see "50x20: About closed" " Territories by region"
keys q
expect_exit "50x20 q" 0

finish pages
