#!/bin/sh
# The help screen (F1 and Ctrl-G: every key, from the key table: the main
# screen's commands on function keys and Ctrl-keys, no letter among them)
# and the About screen (F6 and Ctrl-A: the network, Question de Ville, its
# two links), at 80x24, 132x40 and 50x20; letters still work there (j, k,
# Space move, q closes); they scroll and close back to the same place, the
# search left as it was. On the test directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

LINK1="http://www.scoop.it/t/actu-politiquedelaville"
LINK2="http://www.ville.gouv.fr/?-Centres-de-ressources-regionaux-"

# --- 80x24
start 80 24
see "80x24: started" "18 of 18"
keys Tab Down Down
selected "80x24: a centre selected before help" "Carrefour des Quartiers"
keys F1
see "80x24: F1 opens the help" "Help (every key)" "1-22 of "
see "80x24: help: the main screen's keys" "On the main screen" "Move down" "Next pane" \
	"Erase the whole search"
keybar_has "80x24: help: the key bar says how to close" "*Close*"
expect_contains "80x24: help: the arrow moves down on the main screen" "$(line_with 'Move down')" "↓"
expect_not_contains "80x24: help: j does not move on the main screen (it types)" \
	"$(line_with 'Move down')" "j"
expect_contains "80x24: help: F1 and Ctrl-G help" "$(line_with 'Help: this screen')" "F1 Ctrl-G"
expect_contains "80x24: help: F4 and Ctrl-Y copy" "$(line_with 'Copy a phone number')" "F4 Ctrl-Y"
expect_contains "80x24: help: F2 and Ctrl-S export" "$(line_with 'Export the centres')" "F2 Ctrl-S"
# Letters move the help: j one line down, k back.
keys j
see "80x24: help: j moves one line down" "2-23 of "
keys k
see "80x24: help: k moves back up" "1-22 of "
# The rest, further down: the commands' keys, the copy keys.
keys NPage
see "80x24: help: PgDn shows the next page" "23-44 of " "After F4 (copy"
expect_contains "80x24: help: F5 and Ctrl-R reload" "$(line_with 'Reload the file')" "F5 Ctrl-R"
expect_contains "80x24: help: F6 and Ctrl-A about" "$(line_with 'About the network')" "F6 Ctrl-A"
expect_contains "80x24: help: F10, Ctrl-Q and Ctrl-X quit" "$(line_with '  Quit')" "F10 Ctrl-Q Ctrl-X"
expect_contains "80x24: help: letters and digits are other keys (the search)" \
	"$(line_with 'other keys')" "Letters, digits"
keys Space
see "80x24: help: Space shows the next page" "45-66 of " "While typing a file name"
keys End
see "80x24: help: End shows the search language" "Digits also match from one of the number's groups"
see "80x24: help: Ctrl-C quits" "Ctrl-C twice quits"
keys Home
see "80x24: help: Home back to the top" "Keys of centres" "1-22 of "
keys q
see "80x24: q closes the help" "18 of 18 centres shown"
selected "80x24: the same centre still selected" "Carrefour des Quartiers"
see "80x24: and its contact" "01 99 00 17 17"
see "80x24: the search still empty (q typed nothing)" "Search:  a name"
keys C-g
see "80x24: Ctrl-G opens the help" "Help (every key)"
keys Escape
see "80x24: Esc closes it" "18 of 18"
keys F6
see "80x24: F6 opens About" "About the network"
see "80x24: About: what the centres do" "resource centres"
keys End
see "80x24: About: Question de Ville" "Question de Ville"
see "80x24: About: the press review link, whole" "$LINK1"
see "80x24: About: the ministry link, whole" "$LINK2"
keys q
see "80x24: q closes About" "18 of 18"
# With a search typed: the pages come and go, the search stays.
send_text maison
see "80x24: a search" "Search: maison" "2 of 18 centres match"
keys F1
see "80x24: F1 with a search: the help" "Help (every key)"
keys q
see "80x24: q closes the help, the search kept" "Search: maison" "2 of 18 centres match"
not_see "80x24: q typed nothing into the search" "Search: maisonq"
keys F10
expect_exit "80x24 F10" 0

# --- 132x40: everything of About on one screen
start 132 40
see "132x40: started" "18 of 18"
keys C-a
see "132x40: Ctrl-A opens About" "About the network" "Question de Ville" "$LINK1" "$LINK2"
keys Escape
see "132x40: Esc closes About" "18 of 18"
keys F1
see "132x40: help" "Help (every key)" "Reload the file" "Erase the whole search"
keys F1
see "132x40: F1 again closes the help" "18 of 18"
keys C-q
expect_exit "132x40 Ctrl-Q" 0

# --- 50x20
start 50 20
see "50x20: started" "18 of 18"
keys F1
see "50x20: help" "Help (every key)" "Move down"
keybar_has "50x20: help: how to close it" "*Close*"
keys q
see "50x20: help closed" " Territories by region"
keys F6
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
keys F10
expect_exit "50x20 F10" 0

finish pages
