#!/bin/sh
# Places on screen, on the built-in directory at 80x24: a town, a postcode
# or a département typed (no other key) shows the centre that covers it,
# its phone, and in the list and on the card the place that led to it
# (bordeaux, 93200, gironde, 974, saint-denis with its homonyms); a place no
# centre covers says so on the status line and offers its region's centres
# (nanterre, 92), or says only that (ajaccio); the menu shows a region whose
# one territory has its name as one line (Grand Est), and keeps the others'
# territories under them (Île-de-France).
. tests/tui/tmux.sh

DATA=builtin
AQUITAINE="05 56 90 81 00"
BANLIEUE="01 48 09 26 36"
REUNION="02 62 20 55 42"

start 80 24
see "started" "20 of 20 centres shown"

# search_for TEXT: types TEXT into an empty search and waits for it.
search_for() {
	keys C-u
	wait_for "Search:  a name"
	send_text "$1"
	wait_for "Search: $1"
}

# The menu: Grand Est is one line (region and territory of one name), the
# territories of Île-de-France under their region.
n=$(printf '%s\n' "$screen" | sed 's/│.*//' | grep -c "Grand Est")
expect_eq "menu: Grand Est is one line" "$n" 1
see "menu: Île-de-France keeps its territories" " Île-de-France            4 │" "   Essonne                1 │"

search_for bordeaux
see "bordeaux: one centre" "1 of 20 centres match"
see "bordeaux: Pays et Quartiers d'Aquitaine, its phone" "Pays et Quartiers d'Aquitai" "Phone        $AQUITAINE"
see "bordeaux: the list says which place led to it" "via Bordeaux, Giro"
see "bordeaux: so does the card, after the name" "Found        via Bordeaux, Gironde"

search_for 93200
see "93200: Profession Banlieue, its phone" "1 of 20 centres match" "Profession Banlieue" "Phone        $BANLIEUE"
see "93200: through Saint-Denis" "Found        via Saint-Denis 93200,"
not_see "93200: no phone digits matched elsewhere" "Contact Name         Pays"

search_for gironde
see "gironde: the Aquitaine centre" "1 of 20 centres match" "Phone        $AQUITAINE" "via Gironde (33)"

search_for 974
see "974: La Réunion's centre" "1 of 20 centres match" "Phone        $REUNION"

search_for saint-denis
see "saint-denis: both Saint-Denis first, and the Aude's" "3 of 20 centres match" "Profession Banlieue" \
	"via Saint-Denis, L" "via Saint-Denis 11"

search_for nanterre
see "nanterre: no centre covers Hauts-de-Seine, said" \
	"No centre covers Hauts-de-Seine (92). Centres in Île-de-France:"
see "nanterre: none counted as found" "0 of 20 centres match"
see "nanterre: the four centres of Île-de-France offered" "Centres: All centres (4)" \
	"Profession Banlieue" "Pôle de Ressources Villes et D" "Centre de Ressources Politique" "Pôle ressources Politique"
see "nanterre: each offered as in Île-de-France" "in Île-de-France"
see "nanterre: a phone to call" "Phone        $BANLIEUE"

search_for 92
see "92: the same answer" "No centre covers Hauts-de-Seine (92)."

search_for ajaccio
see "ajaccio: no centre covers Corse, said" "No centre covers Corse."
see "ajaccio: none found" "0 of 20 centres match"

# Esc: the search and its note go.
keys Escape
see_gone "Esc: the note goes" "No centre covers"
see "Esc: every centre" "20 of 20 centres shown"
keys F10
expect_exit "F10" 0
finish places
