#!/bin/sh
# The filter line: / opens it, the lists narrow at each key (iles, 04657101),
# Enter keeps the filter, Esc clears it and brings the previous selection
# back, Ctrl-U clears the line, Backspace widens. At 80x24, 132x40, 50x20, on
# the test directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

ILES1="02 61 91 55 42" ILES2="02 61 91 55 43"

# iles_shown SIZE: the screen of the filter "iles" (accents folded: Îles).
iles_shown() {
	see "$1: iles: 1 of 18 match" "1 of 18 centres match"
	see "$1: iles: the centre of Îles du Levant" "Centre de ressources Coh"
	see "$1: iles: both its phone numbers" "$ILES1" "$ILES2"
	for other in "Bocagevilles" "Maison des Lucioles" "ARS•DUL" "Île-Verte" "Normeaux" "Archipel"; do
		not_see "$1: iles: '$other' is filtered out" "$other"
	done
}

# --- 80x24
start 80 24
see "80x24: started" "18 of 18 centres shown"
# The selection to come back to: Bocagevilles, in the list.
keys Tab
i=0
while [ $i -lt 16 ]; do keys j; i=$((i + 1)); done
selected "80x24: Bocagevilles selected before filtering" "Bocagevilles"
keys /
see "80x24: / opens the filter line" "Filter:"
keybar_has "80x24: the key bar tells Enter and Esc" "*Enter*Keep*" "*Esc*Clear*"
send_text iles
see "80x24: the filter line shows the query" "Filter: iles"
iles_shown 80x24
see "80x24: iles: the menu shows Îles du Levant with its count" " Îles du Levant           1 │"
selected "80x24: iles: the centre is selected" "Centre de ressources Coh"
see "80x24: iles: its contact" "Acronym      CR-CDI"
capture_e
# the territory's "Îles" alone in other attributes
if printf '%s\n' "$escreen" | grep "Centre de ressources Coh" | grep -q -E "  ($ESC\\[[0-9;]*m)+Îles($ESC\\[[0-9;]*m)+ du Levant"; then
	pass "80x24: iles: the match is highlighted in the list"
else
	fail "80x24: iles: the match is highlighted in the list" "$(printf '%s\n' "$escreen" | grep "Centre de ressources Coh" | cat -v)"
fi
keys Escape
see "80x24: Esc: all 18 again" "18 of 18 centres shown"
see "80x24: Esc: the status says so" "Filter cleared."
see_gone "80x24: Esc: the filter line is gone" "Filter:"
selected "80x24: Esc: Bocagevilles selected again" "Bocagevilles"
see "80x24: Esc: its contact again" "Phone        02 61 91 63 36"
focused "80x24: Esc: the list has the focus again" "Centres: All centres"

# 04657101: by phone digits; Enter keeps the filter.
keys /
wait_for "Filter:"
send_text 04657101
see "80x24: 04657101: 1 of 18 match" "1 of 18 centres match"
see "80x24: 04657101: ARS•DUL" "Acronym      ARS•DUL" "Phone        04 65 71 01 43"
not_see "80x24: 04657101: Bocagevilles is filtered out" "Bocagevilles"
keys Enter
see "80x24: Enter: the status tells the count" "1 centre matches."
see "80x24: Enter: the filter stays, with how to edit or clear it" "Filter: 04657101" "Esc to clear"
see "80x24: Enter: still 1 of 18" "1 of 18 centres match"
keybar_has "80x24: Enter: the usual key bar is back" "*F1*Help*" "*F10*Quit*"
focused "80x24: Enter: the results have the focus" "Centres: All centres (1)"
# Browsing keys act while the filter is kept: help opens and closes.
keys F1
see "80x24: F1 with a kept filter: help" "Help (every key)"
keys q
see "80x24: back from help, the filter still kept" "Filter: 04657101" "1 of 18 centres match"
# Backspace widens: back in the line, 04657101 -> 046571: three centres.
keys /
wait_for "Type to filter"
keys BSpace
see "80x24: Backspace: 0465710, a digit less" "Filter: 0465710"
keys BSpace
see "80x24: Backspace: 046571 widens to three" "3 of 18 centres match"
see "80x24: 046571: the three centres" "Haut-Plateau" "Villes et Garrigues" "Côte d'Azurine"
keys C-u
see "80x24: Ctrl-U: all 18 again" "18 of 18 centres"
see "80x24: Ctrl-U: the line is empty, still editing" "Filter:"
expect_eq "80x24: Ctrl-U: nothing after 'Filter:'" "$(line_with 'Filter:' | sed 's/ *$//')" "Filter:"
keybar_has "80x24: Ctrl-U: still in the filter line" "*Esc*Clear*"
send_text zzzz
see "80x24: no match: says so" "0 of 18 centres match" "No centre matches the filter."
keys Escape
see "80x24: Esc after no match: all 18" "18 of 18 centres shown"
keys q
expect_exit "80x24 q" 0

# --- 132x40
start 132 40
see "132x40: started" "18 of 18 centres shown"
keys F3
see "132x40: F3 opens the filter line" "Filter:"
send_text iles
iles_shown 132x40
see "132x40: iles: the menu shows only Îles du Levant" " Îles du Levant                1 │"
expect_eq "132x40: iles: menu lines (All, region, territory)" \
	"$(printf '%s\n' "$screen" | awk -F'│' 'NR > 2 && NF > 1 && $1 ~ /[^ ]/ { n++ } END { print n }')" "3"
keys Enter
see "132x40: Enter keeps it" "1 centre matches."
keys Escape
see "132x40: Esc clears a kept filter" "18 of 18 centres shown"
selected "132x40: the first centre selected again" "Haut-Plateau"
# Esc brings back a selection in the menu too. (The region's line, marker
# included: its centre's line in the list names the territory Baie-Claire.)
keys j j j
selected "132x40: the menu on Baie-Claire" "▸Baie-Claire"
keys /
wait_for "Filter:"
send_text 04657101
see "132x40: 04657101: ARS•DUL" "1 of 18 centres match" "Acronym      ARS•DUL" "04 65 71 01 43"
keys Escape
see "132x40: Esc: all 18" "All centres                  18 │"
selected "132x40: Esc: Baie-Claire selected again" "▸Baie-Claire"
see "132x40: Esc: its centre" "Ville Océane" "05 36 49 64 52"
keys q
expect_exit "132x40 q" 0

# --- 50x20: filter from the menu, the results in the one pane
start 50 20
# (the title is cut at 50 columns: "18 of 18 cen…")
see "50x20: started" "18 of 18"
keys /
see "50x20: the filter line" "Filter:"
send_text iles
see "50x20: iles: 1 of 18" "1 of 18"
see "50x20: iles: Îles du Levant in the menu" "Îles du Levant"
not_see "50x20: iles: no other territory" "Normeaux"
keys Enter
see "50x20: Enter: the result list" "Centres: All centres (1)"
selected "50x20: Enter: the centre of Îles du Levant selected" "Îles du Levant"
keys Enter
see "50x20: Enter: the contact with both numbers" "$ILES1" "$ILES2"
keys Escape
see "50x20: Esc: all 18 again" "18 of 18"
see "50x20: Esc: back to the menu" " Territories by region"
keys q
expect_exit "50x20 q" 0

finish filter
