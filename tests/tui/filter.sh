#!/bin/sh
# The filter line: / opens it, the lists narrow at each key (reunion, 0478),
# Enter keeps the filter, Esc clears it and brings the previous selection
# back, Ctrl-U clears the line, Backspace widens. At 80x24, 132x40, 50x20.
. tests/tui/tmux.sh

REU1="02 62 20 55 42" REU2="02 62 20 55 43"

# reunion_shown SIZE: the screen of the filter "reunion".
reunion_shown() {
	see "$1: reunion: 1 of 20 match" "1 of 20 centres match"
	see "$1: reunion: the centre of La Réunion" "Centre de ressources Coh"
	see "$1: reunion: both its phone numbers" "$REU1" "$REU2"
	for other in "Normanvilles" "Profession Banlieue" "CR•DSU" "Île-de-France" "Normandie" "Guyane"; do
		not_see "$1: reunion: '$other' is filtered out" "$other"
	done
}

# --- 80x24
start 80 24
see "80x24: started" "20 of 20 centres shown"
# The selection to come back to: Normanvilles, in the list.
keys Tab
i=0
while [ $i -lt 18 ]; do keys j; i=$((i + 1)); done
selected "80x24: Normanvilles selected before filtering" "Normanvilles"
keys /
see "80x24: / opens the filter line" "Filter:"
keybar_has "80x24: the key bar tells Enter and Esc" "*Enter*Keep*" "*Esc*Clear*"
send_text reunion
see "80x24: the filter line shows the query" "Filter: reunion"
reunion_shown 80x24
see "80x24: reunion: the menu shows La Réunion with its count" " La Réunion               1 │"
selected "80x24: reunion: the centre is selected" "Centre de ressources Coh"
see "80x24: reunion: its contact" "Acronym      CR-CSUR"
capture_e
if printf '%s\n' "$escreen" | grep "Centre de ressources Coh" | grep -q -E "La ($ESC\\[[0-9;]*m)+Réunion"; then
	pass "80x24: reunion: the match is highlighted in the list"
else
	fail "80x24: reunion: the match is highlighted in the list" "$(printf '%s\n' "$escreen" | grep "Centre de ressources Coh" | cat -v)"
fi
keys Escape
see "80x24: Esc: all 20 again" "20 of 20 centres shown"
see "80x24: Esc: the status says so" "Filter cleared."
see_gone "80x24: Esc: the filter line is gone" "Filter:"
selected "80x24: Esc: Normanvilles selected again" "Normanvilles"
see "80x24: Esc: its contact again" "Phone        02 31 43 63 36"
focused "80x24: Esc: the list has the focus again" "Centres: All centres"

# 0478: by phone digits; Enter keeps the filter.
keys /
wait_for "Filter:"
send_text 0478
see "80x24: 0478: 1 of 20 match" "1 of 20 centres match"
see "80x24: 0478: CR•DSU" "Acronym      CR•DSU" "Phone        04 78 77 01 43"
not_see "80x24: 0478: Normanvilles is filtered out" "Normanvilles"
keys Enter
see "80x24: Enter: the status tells the count" "1 centre matches."
see "80x24: Enter: the filter stays, with how to edit or clear it" "Filter: 0478" "Esc to clear"
see "80x24: Enter: still 1 of 20" "1 of 20 centres match"
keybar_has "80x24: Enter: the usual key bar is back" "*F1*Help*" "*F10*Quit*"
focused "80x24: Enter: the results have the focus" "Centres: All centres (1)"
# Browsing keys act while the filter is kept: help opens and closes.
keys F1
see "80x24: F1 with a kept filter: help" "Help (every key)"
keys q
see "80x24: back from help, the filter still kept" "Filter: 0478" "1 of 20 centres match"
# Backspace widens: back in the line, 0478 -> 04: three centres.
keys /
wait_for "Type to filter"
keys BSpace
see "80x24: Backspace: 047 still one centre" "Filter: 047"
keys BSpace
see "80x24: Backspace: 04 widens to three" "3 of 20 centres match"
see "80x24: 04: the three centres" "Auvergne - Rhône" "Villes et Territoires" "Provence-Alpes"
keys C-u
see "80x24: Ctrl-U: all 20 again" "20 of 20 centres"
see "80x24: Ctrl-U: the line is empty, still editing" "Filter:"
expect_eq "80x24: Ctrl-U: nothing after 'Filter:'" "$(line_with 'Filter:' | sed 's/ *$//')" "Filter:"
keybar_has "80x24: Ctrl-U: still in the filter line" "*Esc*Clear*"
send_text zzzz
see "80x24: no match: says so" "0 of 20 centres match" "No centre matches the filter."
keys Escape
see "80x24: Esc after no match: all 20" "20 of 20 centres shown"
keys q
expect_exit "80x24 q" 0

# --- 132x40
start 132 40
see "132x40: started" "20 of 20 centres shown"
keys F3
see "132x40: F3 opens the filter line" "Filter:"
send_text reunion
reunion_shown 132x40
see "132x40: reunion: the menu shows only La Réunion" " La Réunion                    1 │"
expect_eq "132x40: reunion: menu lines (All, region, territory)" \
	"$(printf '%s\n' "$screen" | awk -F'│' 'NR > 2 && NF > 1 && $1 ~ /[^ ]/ { n++ } END { print n }')" "3"
keys Enter
see "132x40: Enter keeps it" "1 centre matches."
keys Escape
see "132x40: Esc clears a kept filter" "20 of 20 centres shown"
selected "132x40: the first centre selected again" "Auvergne - Rhône"
# Esc brings back a selection in the menu too.
keys j j j
selected "132x40: the menu on Bourgogne-Franche-Comté" "Bourgogne-Franche-Comté"
keys /
wait_for "Filter:"
send_text 0478
see "132x40: 0478: CR•DSU" "1 of 20 centres match" "Acronym      CR•DSU" "04 78 77 01 43"
keys Escape
see "132x40: Esc: all 20" "All centres                  20 │"
selected "132x40: Esc: Bourgogne-Franche-Comté selected again" "Bourgogne-Franche-Comté"
see "132x40: Esc: its centre" "Trajectoire Ressources" "03 81 96 70 92"
keys q
expect_exit "132x40 q" 0

# --- 50x20: filter from the menu, the results in the one pane
start 50 20
see "50x20: started" "20 of 20 centres"
keys /
see "50x20: the filter line" "Filter:"
send_text reunion
see "50x20: reunion: 1 of 20" "1 of 20 centres"
see "50x20: reunion: La Réunion in the menu" "La Réunion"
not_see "50x20: reunion: no other territory" "Normandie"
keys Enter
see "50x20: Enter: the result list" "Centres: All centres (1)"
selected "50x20: Enter: the centre of La Réunion selected" "La Réunion"
keys Enter
see "50x20: Enter: the contact with both numbers" "$REU1" "$REU2"
keys Escape
see "50x20: Esc: all 20 again" "20 of 20 centres"
see "50x20: Esc: back to the menu" " Territories by region"
keys q
expect_exit "50x20 q" 0

finish filter
