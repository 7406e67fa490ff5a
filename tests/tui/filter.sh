#!/bin/sh
# The search line, always shown third from the bottom: every printable key
# typed on the main screen goes into it (no key opens it), the lists narrow
# at each key (iles, 04657101, a phone number with spaces) and the list of
# centres takes the focus from the menu; words made of the letters that
# used to be commands (s r o a y q...) only search. Esc clears the search,
# the selected centre staying selected, then goes back a pane (nothing at
# the menu); Backspace widens, then goes back; Ctrl-W erases a word, Ctrl-U
# the whole search; Enter opens the contact with the search kept; a
# bracketed paste goes into the search, never runs keys. At 80x24,
# 132x40, 50x20, on the test directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

ILES1="02 61 91 55 42" ILES2="02 61 91 55 43"
HINT="Type a name, a place or a phone number. F1: every key."
EMPTY="Search:  a name, a town, a phone number..."

# search_line, status_line: the third and second lines from the bottom of
# $screen.
search_line() { printf '%s\n' "$screen" | tail -n 3 | head -n 1 | sed 's/ *$//'; }
status_line() { printf '%s\n' "$screen" | tail -n 2 | head -n 1 | sed 's/ *$//'; }

# iles_shown SIZE: the screen of the search "iles" (accents folded: Îles).
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
wait_for "$EMPTY"
expect_eq "80x24: the empty search line is shown, third from the bottom" "$(search_line)" "$EMPTY"
# The selection: Bocagevilles, in the list.
keys Tab
i=0
while [ $i -lt 16 ]; do keys Down; i=$((i + 1)); done
selected "80x24: Bocagevilles selected before searching" "Bocagevilles"
send_text iles
see "80x24: typed text goes straight into the search line" "Search: iles  (Esc: clear)"
expect_eq "80x24: the search line is third from the bottom" "$(search_line)" "Search: iles  (Esc: clear)"
iles_shown 80x24
see "80x24: iles: the menu shows Îles du Levant with its count" " Îles du Levant           1 │"
selected "80x24: iles: the centre is selected" "Centre de ressources Coh"
see "80x24: iles: its contact" "Acronym      CR-CDI"
keybar_has "80x24: the key bar tells Esc Clear" "*Esc*Clear*" "*F10*Quit*"
capture_e
# the territory's "Îles" alone in other attributes
if printf '%s\n' "$escreen" | grep "Centre de ressources Coh" | grep -q -E "  ($ESC\\[[0-9;]*m)+Îles($ESC\\[[0-9;]*m)+ du Levant"; then
	pass "80x24: iles: the match is highlighted in the list"
else
	fail "80x24: iles: the match is highlighted in the list" "$(printf '%s\n' "$escreen" | grep "Centre de ressources Coh" | cat -v)"
fi
keys Escape
see "80x24: Esc: all 18 again" "18 of 18 centres shown"
see "80x24: Esc: the search line is empty again" "$EMPTY"
not_see "80x24: Esc: 'Search: iles' is gone" "Search: iles"
see "80x24: Esc: Bocagevilles is back in the list" "Bocagevilles"
selected "80x24: Esc: the centre of Îles du Levant stays selected" "Centre de ressources Coh"
see "80x24: Esc: its contact stays" "Phone        $ILES1"
focused "80x24: Esc: the list keeps the focus" "Centres: All centres"
# Nothing left to clear: Esc goes back a pane, and at the menu does nothing.
keys Escape
focused "80x24: Esc with an empty search: back to the menu" "Territories by region"
see "80x24: Esc at the menu: still 18 of 18" "18 of 18 centres shown"
# (Esc and the next key apart, longer than the 50 ms escape wait: else
# they read as one Alt+key)
keys Escape
sleep 0.2
keys Down
selected "80x24: Esc at the menu does nothing: Down still moves the menu" "▸Archipel"
focused "80x24: Esc at the menu: the menu keeps the focus" "Territories by region"
keys Up
selected "80x24: back on All centres" "▸All centres"

# 04657101: by phone digits, typed from the menu: the list takes the focus.
send_text 04657101
see "80x24: 04657101: 1 of 18 match" "1 of 18 centres match"
see "80x24: 04657101: ARS•DUL" "Acronym      ARS•DUL" "Phone        04 65 71 01 43"
not_see "80x24: 04657101: Bocagevilles is filtered out" "Bocagevilles"
focused "80x24: typed from the menu: the list of centres takes the focus" "Centres: All centres (1)"
# Enter opens (no more "Enter keeps the filter"): the contact, the search kept.
keys Enter
focused "80x24: Enter: the contact has the focus" "Contact"
see "80x24: Enter: the search stays" "Search: 04657101  (Esc: clear)"
see "80x24: Enter: still 1 of 18" "1 of 18 centres match"
keybar_has "80x24: the usual key bar" "*F1*Help*" "*Enter*Open*" "*F10*Quit*"
# Commands act while searching: help opens and closes.
keys F1
see "80x24: F1 while searching: help" "Help (every key)"
keys q
see "80x24: q closes the help, the search kept" "Search: 04657101  (Esc: clear)" "1 of 18 centres match"
# Backspace widens: 04657101 -> 046571: three centres.
keys BSpace
see "80x24: Backspace: 0465710, a digit less" "Search: 0465710  (Esc: clear)"
keys BSpace
see "80x24: Backspace: 046571 widens to three" "3 of 18 centres match"
see "80x24: 046571: the three centres" "Haut-Plateau" "Villes et Garrigues" "Côte d'Azurine"
# Ctrl-W: the last word only.
send_text " garr"
see "80x24: 046571 garr: one centre" "Search: 046571 garr" "1 of 18 centres match" "04 65 71 02 38"
keys C-w
see "80x24: Ctrl-W erases the last word: three again" "3 of 18 centres match"
expect_eq "80x24: Ctrl-W: the first word stays" "$(search_line)" "Search: 046571   (Esc: clear)"
keys C-u
see "80x24: Ctrl-U: all 18 again" "18 of 18 centres"
see "80x24: Ctrl-U: the search line is empty" "$EMPTY"
send_text zzzz
see "80x24: no match: says so" "0 of 18 centres match" "No centre matches the search."
keys Escape
see "80x24: Esc after no match: all 18" "18 of 18 centres shown"
# Backspace with nothing to erase goes back a pane, as Esc.
# (Typing from the contact gave the list the focus: what is found is there.)
focused "80x24: typed from the contact: the list has the focus" "Centres: All centres"
keys BSpace
focused "80x24: Backspace with an empty search: back to the menu" "Territories by region"
see "80x24: Backspace: nothing erased, nothing filtered" "18 of 18 centres shown" "$EMPTY"

# Words made of the letters that were commands (s export, r reload, o open,
# a about, y copy, q quit, j k g G h l moves) only search: each letter is in
# the search line, no prompt, no message, no page, no quit.
for word in reunion seine oasis quay jgGkhl; do
	keys C-u
	wait_for "$EMPTY"
	send_text "$word"
	see "80x24: '$word' is typed into the search" "Search: $word  (Esc: clear)"
	expect_eq "80x24: '$word': the status line keeps its hint (no reload, no message)" "$(status_line)" "$HINT"
	not_see "80x24: '$word': no export prompt" "Export "
	not_see "80x24: '$word': no open prompt" "Open the file"
	not_see "80x24: '$word': no copy menu" "Copy:"
	not_see "80x24: '$word': no About page" "About the network"
	keybar_has "80x24: '$word': the main key bar" "*F1*Help*" "*F10*Quit*"
done
keys C-u
send_text quartiers
see "80x24: quartiers: q does not quit, 5 of 18 match" "Search: quartiers" "5 of 18 centres match"
# A bracketed paste goes into the search, keys in it never run: its
# newline a space, its Ctrl-Q and F10 dropped.
keys C-u
wait_for "$EMPTY"
send_text "$(printf '\033[200~villes\n\021garri\033[21~gues\033[201~')"
see "80x24: a paste goes into the search, its keys do not run" "Search: villes garrigues  (Esc: clear)"
see "80x24: the paste searched: Villes et Garrigues" "1 of 18 centres match" "Name         Villes et Garrigues"
keys F10
expect_exit "80x24 F10" 0

# --- 132x40
start 132 40
see "132x40: started" "18 of 18 centres shown"
send_text iles
see "132x40: typing searches at once" "Search: iles  (Esc: clear)"
iles_shown 132x40
see "132x40: iles: the menu shows only Îles du Levant" " Îles du Levant                1 │"
# (Îles du Levant: region and territory of one name, one line.)
expect_eq "132x40: iles: menu lines (All, Îles du Levant)" \
	"$(printf '%s\n' "$screen" | awk -F'│' 'NR > 2 && NF > 1 && $1 ~ /[^ ]/ { n++ } END { print n }')" "2"
keys Escape
see "132x40: Esc clears the search" "18 of 18 centres shown"
selected "132x40: Esc: the centre of Îles du Levant stays selected" "Centre de ressources Coh"
see "132x40: Esc: its contact" "Phone        $ILES1"
keys Escape
focused "132x40: Esc again: the menu" "Territories by region"
# The menu keeps its entry while it has matches.
keys Down Down
selected "132x40: the menu on Baie-Claire" "▸Baie-Claire"
send_text ville
see "132x40: ville: 6 of 18, Baie-Claire's one in the list" "6 of 18 centres match" "Centres: Baie-Claire (1)"
selected "132x40: ville: Baie-Claire still selected in the menu" "▸Baie-Claire"
selected "132x40: ville: Ville Océane selected" "Ville Océane"
keys Escape
see "132x40: Esc: all 18 counted again" "All centres                  18 │"
selected "132x40: Esc: Baie-Claire still selected" "▸Baie-Claire"
see "132x40: Esc: its centre" "Ville Océane" "05 36 49 64 52"
keys Escape
focused "132x40: Esc again: the menu" "Territories by region"
# An entry without a match leaves the menu: All centres, and the centre
# found stays selected once the search is cleared.
send_text "05 36 49 38 34"
see "132x40: a phone number with its spaces: 1 of 18" "1 of 18 centres match" "Name         Ressources & Quartiers"
selected "132x40: Baie-Claire has no match: All centres" "▸All centres"
keys Escape
see "132x40: Esc: all 18" "All centres                  18 │" "18 of 18 centres shown"
selected "132x40: Esc: Ressources & Quartiers stays selected" "Ressources & Quartiers"
see "132x40: Esc: its contact" "Phone        05 36 49 38 34"
selected "132x40: Esc: the menu stays on All centres" "▸All centres"
keys C-q
expect_exit "132x40 Ctrl-Q" 0

# --- 50x20: typed from the menu, the results in the one pane
start 50 20
# (the title is cut at 50 columns: "18 of 18 cen…")
see "50x20: started" "18 of 18"
see "50x20: the empty search line" "Search:  a name"
send_text iles
see "50x20: iles: the search line" "Search: iles"
see "50x20: iles: 1 of 18" "1 of 18"
see "50x20: iles: the list alone, in front" "Centres: All centres (1)"
not_see "50x20: iles: the menu is hidden" "Territories by region"
# One pane at a time: the list shows the phone beside the name.
selected "50x20: iles: the centre of Îles du Levant selected, its phone" "Cohésion d…  $ILES1"
keys Left
see "50x20: Left: the menu, narrowed" " Territories by region" "Îles du Levant"
not_see "50x20: iles: no other territory" "Normeaux"
keys Enter
see "50x20: Enter: the result list" "Centres: All centres (1)"
keys Enter
see "50x20: Enter: the contact with both numbers" "$ILES1" "$ILES2"
keys Escape
see "50x20: Esc: all 18 again" "18 of 18"
see "50x20: Esc: the contact stays in front" "◂ Contact" "$ILES1"
keys Escape
see "50x20: Esc again: back to the list" "Centres: All centres (18)"
selected "50x20: the centre of Îles du Levant still selected" "Cohésion d…  $ILES1"
keys Escape
see "50x20: Esc again: back to the menu" " Territories by region"
keys F10
expect_exit "50x20 F10" 0

finish filter
