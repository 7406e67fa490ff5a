#!/bin/sh
# Finding a given centre with the movement keys (Up, Down, PgUp, PgDn, Home,
# End; j k g G h l are letters of the search now) and its contact card shown
# in the screen's order (the name, its phone numbers in bold, the e-mail,
# the website, the territory, the region; no id line): at 80x24 (list under
# the menu), 132x40 (three columns), 50x20 (one pane at a time: Enter goes
# deeper; with an empty search Esc and Backspace go back, as Left). Tab,
# Shift-Tab, Left and Right change pane. On the test directory
# tests/data/annuaire.csv.
. tests/tui/tmux.sh

BOCAGE_PHONE="02 61 91 63 36"

# card_lines: the contact pane's lines of $screen (after its heading, the
# part right of the last separator), trailing spaces and empty lines off.
card_lines() {
	printf '%s\n' "$screen" | awk -F'│' 'f && NF > 1 { print $NF } index($0, "│ Contact") { f = 1 }' |
		sed -e 's/^ //' -e 's/ *$//' | grep -v '^$'
}
# downs N: N times Down, one key at a time.
downs() {
	i=0
	while [ $i -lt "$1" ]; do keys Down; i=$((i + 1)); done
}

NL='
'

# --- 80x24: Tab to the list, down to Bocagevilles (17th of 18)
start 80 24
see "80x24: started" "18 of 18"
keys Tab
focused "80x24: Tab focuses the list" "Centres: All centres"
downs 9
selected "80x24: 9 x Down reaches the 10th centre" "Centre de ressources"
see "80x24: its contact (Côte d'Azurine)" "04 65 71 50 41"
downs 7
selected "80x24: 7 x Down more reaches Bocagevilles" "Bocagevilles"
see "80x24: Bocagevilles' contact" "Name         Bocagevilles" "Phone        $BOCAGE_PHONE" "www.bocagevilles.example"
expect_eq "80x24: Bocagevilles' card, in order, no id" "$(card_lines)" \
	"Name         Bocagevilles${NL}Phone        $BOCAGE_PHONE${NL}Website      www.bocagevilles.example${NL}Territory    Normeaux"
keys Up
selected "80x24: Up goes up to Villes et Garrigues" "Villes et Garrigues"
see "80x24: its two phones" "04 65 71 02 38" "04 65 71 02 42"
expect_eq "80x24: its card: the phones right after the name" "$(card_lines)" \
	"Name         Villes et Garrigues${NL}Phone        04 65 71 02 38${NL}Phone        04 65 71 02 42${NL}Website      www.villes-garrigues.example${NL}Territory    Garrigue-Littoral${NL}Region       Sud-Garrigue"
capture_e
for ph in "04 65 71 02 38" "04 65 71 02 42"; do
	if printf '%s\n' "$escreen" | grep -F "Phone  " | grep -q -E "$ESC\\[([0-9]+;)*1(;[0-9]+)*m$ph"; then
		pass "80x24: the phone $ph is bold"
	else
		fail "80x24: the phone $ph is bold" "$(printf '%s\n' "$escreen" | grep -F "Phone  " | cat -v)"
	fi
done
keys Up
selected "80x24: Up goes up again" "Trajectoires"
keys End
selected "80x24: End goes to the last centre" "Archipel"
see "80x24: the last centre has no phone, its uncommon status shows" "Status       en préfiguration"
not_see "80x24: no common status 'actif' on a card" "actif"
keys Home
selected "80x24: Home goes to the first centre" "Haut-Plateau"
keys End
selected "80x24: End again" "Archipel"
keys Home
selected "80x24: Home again" "Haut-Plateau"
keys NPage
selected "80x24: PgDn moves a page down (to the 8th centre)" "Haute-Côte"
keys NPage
selected "80x24: PgDn again (to the 15th centre)" "Trajectoires"
keys PPage
selected "80x24: PgUp moves back" "Haute-Côte"
keys PPage
selected "80x24: PgUp again, to the first" "Haut-Plateau"
# Enter opens the contact; Esc with an empty search goes back.
keys Enter
focused "80x24: Enter in the list focuses the contact" "Contact"
keys Escape
focused "80x24: Esc (empty search): back to the list" "Centres: All centres"
# Shift-Tab back to the menu, then down to a territory: the list follows.
keys BTab
focused "80x24: Shift-Tab focuses the menu" "Territories by region"
keys Down
selected "80x24: Down in the menu selects the next entry" "Archipel"
see "80x24: the list shows that region's centre" "Centres: Archipel (1)" "Name         Maison de la Ville en Archipel"
keys Enter
focused "80x24: Enter in the menu opens the list" "Centres: Archipel"
keys Escape
focused "80x24: Esc back to the menu" "Territories by region"
keys Tab
focused "80x24: Tab to the list" "Centres: Archipel"
keys BSpace
focused "80x24: Backspace (empty search): back to the menu" "Territories by region"
keys Right
focused "80x24: Right to the list" "Centres: Archipel"
keys Left
focused "80x24: Left back to the menu" "Territories by region"
keys Right
focused "80x24: Right to the list again" "Centres: Archipel"
see "80x24: nothing typed into the search on the way" "Search:  a name, a town"
keys F10
expect_exit "80x24 F10" 0

# --- 132x40: through the menu, to Normeaux
start 132 40
see "132x40: started" "18 of 18"
# Normeaux, region and territory of one name, is one line of the menu.
downs 18
selected "132x40: 18 x Down in the menu reaches Normeaux" "▸Normeaux"
see "132x40: the list shows Bocagevilles" "Centres: Normeaux (1)" "Bocagevilles"
see "132x40: and its contact beside it" "Phone        $BOCAGE_PHONE"
n=$(printf '%s\n' "$screen" | sed 's/│.*//' | grep -c "Normeaux")
expect_eq "132x40: Normeaux is one line of the menu" "$n" 1
keys Down
selected "132x40: Down: the next region, Plateau" "▸Plateau"
keys Up Up
selected "132x40: Up Up: back up to Monts-Francs" "Monts-Francs"
see "132x40: Monts-Francs' centre" "03 53 01 70 92"
keys Tab
focused "132x40: Tab: the list" "Centres: Monts-Francs"
keys Tab
focused "132x40: Tab: the contact" "Contact"
keys Tab
focused "132x40: Tab: back to the menu" "Territories by region"
keys BTab
focused "132x40: Shift-Tab: the contact" "Contact"
keys Escape
focused "132x40: Esc: back to the list" "Centres: Monts-Francs"
keys F10
expect_exit "132x40 F10" 0

# --- 50x20: one pane at a time
start 50 20
see "50x20: the menu" " Territories by region"
keys Enter
see "50x20: Enter: the list alone" "Centres: All centres (18)"
not_see "50x20: the menu is hidden" "Territories by region"
downs 16
selected "50x20: 16 x Down: Bocagevilles" "Bocagevilles"
keys Enter
see "50x20: Enter: the contact alone" "Name         Bocagevilles" "Phone        $BOCAGE_PHONE"
not_see "50x20: the list is hidden" "Centres: All centres"
keys BSpace
see "50x20: Backspace: back to the list" "Centres: All centres (18)"
selected "50x20: Bocagevilles still selected" "Bocagevilles"
keys Left
see "50x20: Left: back to the menu" " Territories by region"
not_see "50x20: the list is hidden again" "Centres:"
# the way back in, with the arrows
keys Right
see "50x20: Right: the list" "Centres: All centres (18)"
keys Right
see "50x20: Right: the contact" "Phone        $BOCAGE_PHONE"
keys Escape
see "50x20: Esc: back to the list" "Centres: All centres (18)"
keys Escape
see "50x20: Esc: back to the menu" " Territories by region"
see "50x20: nothing typed into the search on the way" "Search:  a name, a town"
keys F10
expect_exit "50x20 F10" 0

finish navigate
