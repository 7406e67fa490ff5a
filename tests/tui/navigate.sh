#!/bin/sh
# Finding a given centre with the keys, and its contact detail shown: at
# 80x24 (list under the menu), 132x40 (three columns), 50x20 (one pane at a
# time: Enter goes deeper, Backspace and Left go back).
. tests/tui/tmux.sh

NORMAN_PHONE="02 31 43 63 36"

# --- 80x24: Tab to the list, down to Normanvilles (19th of 20) with j and ↓
start 80 24
see "80x24: started" "20 of 20"
keys Tab
focused "80x24: Tab focuses the list" "Centres: All centres"
i=0
while [ $i -lt 9 ]; do keys j; i=$((i + 1)); done
selected "80x24: 9 x j reaches the 10th centre" "Centre de ressources"
see "80x24: its contact (PACA)" "04 96 11 50 41"
i=0
while [ $i -lt 9 ]; do keys Down; i=$((i + 1)); done
selected "80x24: 9 x Down more reaches Normanvilles" "Normanvilles"
see "80x24: Normanvilles' contact" "Name         Normanvilles" "Phone        $NORMAN_PHONE" "www.normanvilles.org"
keys k
selected "80x24: k goes up to Villes et Territoires" "Villes et Territoires"
see "80x24: its two phones" "04 67 07 02 38" "04 67 07 02 42"
keys Up
selected "80x24: Up goes up again" "Trajectoire Ressources"
keys End
selected "80x24: End goes to the last centre" "Guadeloupe"
see "80x24: the last centre has no phone, its status shows" "en préfiguration"
keys g
selected "80x24: g goes to the first centre" "Auvergne - Rhône"
keys G
selected "80x24: G goes to the last centre" "Guadeloupe"
keys Home
selected "80x24: Home goes to the first centre" "Auvergne - Rhône"
keys NPage
selected "80x24: PgDn moves a page down (to the 8th centre)" "Essonne"
keys PPage
selected "80x24: PgUp moves back" "Auvergne - Rhône"
# Shift-Tab back to the menu, then down to a territory: the list follows.
keys BTab
focused "80x24: Shift-Tab focuses the menu" "Territories by region"
keys j
selected "80x24: j in the menu selects the next entry" "Auvergne-Rhône-Alpes"
see "80x24: the list shows that region's centre" "Centres: Auvergne-Rhône-Alpes (1)" "04 78 77 01 43"
keys Enter
focused "80x24: Enter in the menu opens the list" "Centres: Auvergne-Rhône-Alpes"
keys h
focused "80x24: h back to the menu" "Territories by region"
keys l
focused "80x24: l to the list" "Centres: Auvergne-Rhône-Alpes"
keys Left
focused "80x24: Left back to the menu" "Territories by region"
keys Right
focused "80x24: Right to the list" "Centres: Auvergne-Rhône-Alpes"
keys q
expect_exit "80x24 q" 0

# --- 132x40: through the menu, to Normandie
start 132 40
see "132x40: started" "20 of 20"
i=0
while [ $i -lt 28 ]; do keys j; i=$((i + 1)); done
selected "132x40: 28 x j in the menu reaches the region Normandie" "Normandie"
see "132x40: the list shows Normanvilles" "Centres: Normandie (1)" "Normanvilles"
see "132x40: and its contact beside it" "Phone        $NORMAN_PHONE"
keys j
selected "132x40: j: the territory Normandie" "  Normandie"
see "132x40: the same centre" "Phone        $NORMAN_PHONE"
keys k k k
selected "132x40: k k k: back up to Mayotte" "Mayotte"
see "132x40: Mayotte's centre" "02 69 61 71 44"
keys Tab
focused "132x40: Tab: the list" "Centres: Mayotte"
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
see "50x20: Enter: the list alone" "Centres: All centres (20)"
not_see "50x20: the menu is hidden" "Territories by region"
i=0
while [ $i -lt 18 ]; do keys j; i=$((i + 1)); done
selected "50x20: 18 x j: Normanvilles" "Normanvilles"
keys Enter
see "50x20: Enter: the contact alone" "Name         Normanvilles" "Phone        $NORMAN_PHONE"
not_see "50x20: the list is hidden" "Centres: All centres"
keys BSpace
see "50x20: Backspace: back to the list" "Centres: All centres (20)"
selected "50x20: Normanvilles still selected" "Normanvilles"
keys Left
see "50x20: Left: back to the menu" " Territories by region"
not_see "50x20: the list is hidden again" "Centres:"
# the way back in, with the arrows
keys Right
see "50x20: Right: the list" "Centres: All centres (20)"
keys Right
see "50x20: Right: the contact" "Phone        $NORMAN_PHONE"
keys h
see "50x20: h: back to the list" "Centres: All centres (20)"
keys q
expect_exit "50x20 q" 0

finish navigate
