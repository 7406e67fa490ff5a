#!/bin/sh
# F7 / Ctrl-T sort the list of centres: by name (accents with their base
# letter: Réseau before Ressources; equal names in the file's order), then
# by territory (Îles du Levant with I, not after Val-de-Loire), then as in
# the file again. The list's heading and the status line say which; the
# selected centre stays selected wherever it lands; a search, a menu entry,
# Esc and a reload (F5) keep the order. The key bar shows the key; the help
# lists it. In English and in French, at 150x50 (three panes: the whole
# list shows) and 80x24; --sort starts the screen in an order. On the test
# directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

# list_terr: the second column of the list pane (each centre's territory,
# which tells the rows apart), one a line, from the last capture.
list_terr() {
	printf '%s\n' "$screen" | awk -F'│' 'NR > 2 { print $2 }' | sed -E 's/ +$//; s/.*  +//' |
		grep -v '^$' | tr '\n' '/'
}
# list_is NAME TERRITORIES: the list shows the rows of those territories,
# in that order ("A/B/C/"); waits for it.
list_is() {
	i=0
	while :; do
		capture
		got=$(list_terr)
		[ "$got" = "$2" ] && { pass "$1"; return 0; }
		i=$((i + 1))
		if [ "$i" -ge $((WAIT_S * 20)) ]; then
			fail "$1" "expected: $2" "got:      $got"
			show_or_ended
			return 1
		fi
		sleep 0.05
	done
}

FILE_ORDER="Haut-Plateau/Port-Émeraude/Val-des-Saules/Grand Comté/Hauts-Bois/Bocage - Marais/Causses/\
Haute-Côte/Grand-Ouest/Côte d'Azurine/Bois Joli/Val-de-Loire/Baie-Claire/Îles du Levant/\
Monts-Francs/Garrigue-Littoral/Normeaux/Archipel/"
# Atelier, Bocagevilles, Carrefour, Centre de ressources Cohésion, the two
# Centre de ressources des Quartiers (ids 8 then 10, as in the file), Forum
# Œuvre Commune, Institut, Maison de la Ville, Maison des Lucioles,
# Observatoire, Pôle, Réseau, Ressources, Trajectoires, Ville Océane,
# Villes en Réseau, Villes et Garrigues.
BY_NAME="Haut-Plateau/Normeaux/Val-des-Saules/Îles du Levant/Haute-Côte/Côte d'Azurine/Grand-Ouest/\
Hauts-Bois/Archipel/Port-Émeraude/Grand Comté/Bois Joli/Bocage - Marais/Causses/Monts-Francs/\
Baie-Claire/Val-de-Loire/Garrigue-Littoral/"
BY_TERRITORY="Archipel/Baie-Claire/Bocage - Marais/Bois Joli/Causses/Côte d'Azurine/\
Garrigue-Littoral/Grand Comté/Grand-Ouest/Haut-Plateau/Haute-Côte/Hauts-Bois/Îles du Levant/\
Monts-Francs/Normeaux/Port-Émeraude/Val-de-Loire/Val-des-Saules/"

# --- 150x50
start 150 50
see "150x50: started" "18 of 18 centres shown"
list_is "150x50: the list in the file's order at first" "$FILE_ORDER"
see "150x50: the heading says no order" "Centres: All centres (18) "
keybar_has "150x50: the key bar shows F7 Sort" "*F7/^T Sort*"
keys Tab
i=0
while [ $i -lt 16 ]; do keys Down; i=$((i + 1)); done
selected "150x50: Bocagevilles selected" "Bocagevilles"

keys F7
see "150x50: F7: the heading says by name" "Centres: All centres (18), by name"
see "150x50: F7: the status line says so" "Centres sorted by name."
list_is "150x50: F7: by name, accents with their base letter, ties in file order" "$BY_NAME"
r1=$(printf '%s\n' "$screen" | grep -n 'Réseau Passerelles' | cut -d: -f1)
r2=$(printf '%s\n' "$screen" | grep -n 'Ressources & Quartiers' | cut -d: -f1)
[ "$r1" -lt "$r2" ] && pass "150x50: F7: Réseau above Ressources" ||
	fail "150x50: F7: Réseau above Ressources" "lines $r1 and $r2"
selected "150x50: F7: Bocagevilles still selected" "Bocagevilles"
see "150x50: F7: and its card" "Phone        02 61 91 63 36"
expect_contains "150x50: F7: Bocagevilles is now the second line" \
	"$(printf '%s\n' "$screen" | sed -n 4p | awk -F'│' '{ print $2 }')" "▸Bocagevilles "

# A search keeps the order: "centre" finds the three Centres de
# ressources and Villes en Réseau (in Centre & Vallée), by name.
send_text "centre"
see "150x50: search: the heading keeps the order" "Centres: All centres (4), by name"
list_is "150x50: search: the centres found, by name" \
	"Îles du Levant/Haute-Côte/Côte d'Azurine/Val-de-Loire/"
keys Escape
see "150x50: Esc: the order stays" "Centres: All centres (18), by name"
list_is "150x50: Esc: all of them by name again" "$BY_NAME"

# Another menu entry keeps it: Île-Verte, by name.
keys BTab Home
i=0
while [ $i -lt 9 ]; do keys Down; i=$((i + 1)); done
see "150x50: Île-Verte: the heading keeps the order" "Centres: Île-Verte (4), by name"
list_is "150x50: Île-Verte: Carrefour, Centre, Maison, Pôle" \
	"Val-des-Saules/Haute-Côte/Port-Émeraude/Bois Joli/"

# Ctrl-T: by territory.
keys C-t
see "150x50: Ctrl-T: the heading says by territory" "Centres: Île-Verte (4), by territory"
see "150x50: Ctrl-T: the status line says so" "Centres sorted by territory, then by name."
list_is "150x50: Ctrl-T: Île-Verte by territory" "Bois Joli/Haute-Côte/Port-Émeraude/Val-des-Saules/"
keys Home
see "150x50: all centres by territory" "Centres: All centres (18), by territory"
list_is "150x50: all centres by territory, Îles with I" "$BY_TERRITORY"
# A reload keeps it.
keys F5
see "150x50: F5: reloaded" "Reloaded"
see "150x50: F5: the order stays" "Centres: All centres (18), by territory"
list_is "150x50: F5: still by territory" "$BY_TERRITORY"

# F7 again: the file's order.
keys F7
see "150x50: F7 again: the status line says so" "Centres in the order of the file."
see "150x50: F7 again: the heading says no order" "Centres: All centres (18) "
list_is "150x50: F7 again: the file's order" "$FILE_ORDER"

# The help lists the key.
keys F1
see "150x50: the help lists F7 and Ctrl-T" "Sort the centres: by name, by territory, as in the file"
expect_contains "150x50: help: F7 Ctrl-T" "$(line_with 'Sort the centres')" "F7 Ctrl-T"
keys Escape F10
expect_exit "150x50: F10" 0
finish "150x50"

# --- 80x24, in French (a no-break space before the colon)
NB=$(printf '\302\240')
start 80 24 --lang fr
see "80x24 fr: started" "18 centres affichés sur 18"
keys Tab
keybar_has "80x24 fr: the key bar shows F7 Trier" "*F7/^T Trier*" "*F10/^Q Quitter*"
keys F7
see "80x24 fr: the heading says by name" "Centres${NB}: Tous les centres (18), par nom"
see "80x24 fr: the status line says so" "Centres triés par nom."
keys C-t
see "80x24 fr: then by territory" "Centres${NB}: Tous les centres (18), par territoire"
see "80x24 fr: the status line says so" "Centres triés par territoire, puis par nom."
keys F7
see "80x24 fr: then the file's order" "Centres dans l'ordre du fichier."
keys F10
expect_exit "80x24 fr: F10" 0
finish "80x24 fr"

# --sort territory: the screen starts in that order; F7 goes on from it.
start 80 24 --sort territory
see "--sort territory: the heading says so" "Centres: All centres (18), by territory"
selected "--sort territory: the first by territory selected" "Maison de la Ville en Archipel"
keys F7
see "--sort territory, F7: the file's order next" "Centres in the order of the file."
keys F10
expect_exit "--sort territory: F10" 0
finish "--sort territory"
