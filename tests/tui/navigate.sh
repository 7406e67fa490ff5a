#!/bin/sh
# Finding a given centre with the keys, and its contact detail shown: at
# 80x24 (list under the menu), 132x40 (three columns), 50x20 (one pane at a
# time: Enter goes deeper, Backspace and Left go back). On the test directory
# tests/data/annuaire.csv.
. tests/tui/tmux.sh

BOCAGE_PHONE="02 61 91 63 36"

# --- 80x24: Tab to the list, down to Bocagevilles (17th of 18) with j and ↓
start 80 24
see "80x24: started" "18 of 18"
keys Tab
focused "80x24: Tab focuses the list" "Centres: All centres"
i=0
while [ $i -lt 9 ]; do keys j; i=$((i + 1)); done
selected "80x24: 9 x j reaches the 10th centre" "Centre de ressources"
see "80x24: its contact (Côte d'Azurine)" "04 65 71 50 41"
i=0
while [ $i -lt 7 ]; do keys Down; i=$((i + 1)); done
selected "80x24: 7 x Down more reaches Bocagevilles" "Bocagevilles"
see "80x24: Bocagevilles' contact" "Name         Bocagevilles" "Phone        $BOCAGE_PHONE" "www.bocagevilles.example"
keys k
selected "80x24: k goes up to Villes et Garrigues" "Villes et Garrigues"
see "80x24: its two phones" "04 65 71 02 38" "04 65 71 02 42"
keys Up
selected "80x24: Up goes up again" "Trajectoires"
keys End
selected "80x24: End goes to the last centre" "Archipel"
see "80x24: the last centre has no phone, its status shows" "en préfiguration"
keys g
selected "80x24: g goes to the first centre" "Haut-Plateau"
keys G
selected "80x24: G goes to the last centre" "Archipel"
keys Home
selected "80x24: Home goes to the first centre" "Haut-Plateau"
keys NPage
selected "80x24: PgDn moves a page down (to the 8th centre)" "Haute-Côte"
keys PPage
selected "80x24: PgUp moves back" "Haut-Plateau"
# Shift-Tab back to the menu, then down to a territory: the list follows.
keys BTab
focused "80x24: Shift-Tab focuses the menu" "Territories by region"
keys j
selected "80x24: j in the menu selects the next entry" "Archipel"
see "80x24: the list shows that region's centre" "Centres: Archipel (1)" "Name         Maison de la Ville en Archipel"
keys Enter
focused "80x24: Enter in the menu opens the list" "Centres: Archipel"
keys h
focused "80x24: h back to the menu" "Territories by region"
keys l
focused "80x24: l to the list" "Centres: Archipel"
keys Left
focused "80x24: Left back to the menu" "Territories by region"
keys Right
focused "80x24: Right to the list" "Centres: Archipel"
keys q
expect_exit "80x24 q" 0

# --- 132x40: through the menu, to Normeaux
start 132 40
see "132x40: started" "18 of 18"
i=0
while [ $i -lt 26 ]; do keys j; i=$((i + 1)); done
selected "132x40: 26 x j in the menu reaches the region Normeaux" "Normeaux"
see "132x40: the list shows Bocagevilles" "Centres: Normeaux (1)" "Bocagevilles"
see "132x40: and its contact beside it" "Phone        $BOCAGE_PHONE"
keys j
selected "132x40: j: the territory Normeaux" "  Normeaux"
see "132x40: the same centre" "Phone        $BOCAGE_PHONE"
keys k k k
selected "132x40: k k k: back up to Monts-Francs" "Monts-Francs"
see "132x40: Monts-Francs' centre" "03 53 01 70 92"
keys Tab
focused "132x40: Tab: the list" "Centres: Monts-Francs"
keys Tab
focused "132x40: Tab: the contact" "Contact"
keys Tab
focused "132x40: Tab: back to the menu" "Territories by region"
keys BTab
focused "132x40: Shift-Tab: the contact" "Contact"
keys q
expect_exit "132x40 q" 0

# --- 50x20: one pane at a time
start 50 20
see "50x20: the menu" " Territories by region"
keys Enter
see "50x20: Enter: the list alone" "Centres: All centres (18)"
not_see "50x20: the menu is hidden" "Territories by region"
i=0
while [ $i -lt 16 ]; do keys j; i=$((i + 1)); done
selected "50x20: 16 x j: Bocagevilles" "Bocagevilles"
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
keys h
see "50x20: h: back to the list" "Centres: All centres (18)"
keys q
expect_exit "50x20 q" 0

finish navigate
