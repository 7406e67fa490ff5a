#!/bin/sh
# Places in batch mode: a town, a postcode or a département prints the
# centres that cover it (with the place in text and JSON) and exits 0; a
# place no centre covers prints the note and the nearest centres on stderr,
# nothing on stdout, and exits 1. On the built-in directory and on the
# fixtures with a postcode column and a column of départements.
. tests/lib.sh

# lines TEXT: how many lines.
lines() { [ -z "$1" ] && echo 0 || printf '%s\n' "$1" | wc -l | tr -d ' '; }

run --filter 93200
expect_eq "93200: exit 0" "$rc" 0
expect_eq "93200: Profession Banlieue, and the place that led to it" "$out" \
	"Profession Banlieue  Seine Saint-Denis  01 48 09 26 36  via Saint-Denis 93200, Seine-Saint-Denis"
expect_eq "93200: nothing on stderr" "$err" ""

run --filter bordeaux
expect_eq "bordeaux: exit 0" "$rc" 0
expect_contains "bordeaux: Pays et Quartiers d'Aquitaine and its phone" "$out" \
	"Pays et Quartiers d'Aquitaine  Nouvelle-Aquitaine  05 56 90 81 00  via Bordeaux, Gironde"
expect_eq "bordeaux: that centre alone" "$(lines "$out")" 1

# A département's number is not phone digits: 36 ends Profession Banlieue's
# number, and is the Indre (Villes au Carré).
run --filter 36
expect_eq "36: the Indre's centre only" "$out" \
	"Villes au Carré  Centre-Val de Loire  02 47 61 11 85  via Indre (36)"
run --filter 0478
expect_contains "0478: still the phone number of CR•DSU" "$out" "04 78 77 01 43"

# JSON: each match with the place that led to it, or null.
run --filter saint-denis --format json
expect_eq "json saint-denis: exit 0" "$rc" 0
v=$(python3 -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
print("; ".join("%s=%s" % (o["id"], o["via"]) for o in a))
' "$TMPD/out" 2>&1)
expect_eq "json saint-denis: via per match (null where its own words matched)" "$v" \
	"2=None; 16=Saint-Denis, La Réunion; 18=Saint-Denis 11310, Aude"
run --filter 75011 --format json
v=$(python3 -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
print(len(a), a[0]["id"], a[0]["via"], a[0]["departements"])
' "$TMPD/out" 2>&1)
expect_eq "json 75011: the arrondissement" "$v" "1 12 Paris 11e Arrondissement 75011, Paris 75"
run --list --format json
expect_not_contains "json --list: no via key (nothing was looked up)" "$out" '"via"'

# CSV and TSV keep the file's columns: no via.
run --filter 33000 --format csv
expect_eq "csv 33000: header of the file" "$(printf '%s\n' "$out" | head -n 1 | tr -d '\r')" \
	"id,nom,sigle,territoire,territoire_2017,region,site_web,courriel,telephone,telephone_2,statut,departements"
expect_contains "csv 33000: the row, its départements as written" "$out" \
	"Pays et Quartiers d'Aquitaine,,Aquitaine,Nouvelle-Aquitaine"
expect_not_contains "csv 33000: no via" "$out" "via"

# No centre covers it: the note and the nearest centres on stderr, exit 1.
for q in nanterre 92 Hauts-de-Seine; do
	run --filter "$q"
	expect_eq "$q: exit 1" "$rc" 1
	expect_eq "$q: nothing on stdout" "$out" ""
	expect_eq "$q: the note first" "$(printf '%s\n' "$err" | head -n 1)" \
		"centres: No centre covers Hauts-de-Seine (92). Centres in Île-de-France:"
	expect_eq "$q: then the 4 Île-de-France centres" \
		"$(printf '%s\n' "$err" | sed 1d | awk -F '  +' '{ printf "%s (%s)|", $1, $2 }')" \
		"Profession Banlieue (Seine Saint-Denis)|Pôle de Ressources Villes et Développement Social (Val d'Oise)|Centre de Ressources Politique de la ville (Essonne)|Pôle ressources Politique de la ville (Paris)|"
done
expect_contains "the centres offered have their phone" "$err" "01 42 76 80 77"
run --filter nanterre --format json
expect_eq "json nanterre: an empty list" "$out" "[]"
expect_contains "json nanterre: the note on stderr" "$err" "No centre covers Hauts-de-Seine (92)"
for q in ajaccio 2A bastia 20000; do
	run --filter "$q"
	expect_eq "$q: exit 1, nothing on stdout" "$rc:$out" "1:"
	expect_eq "$q: no centre covers Corsica" "$err" "centres: No centre covers Corse."
done
run --filter 975
expect_eq "975: no centre" "$rc:$err" "1:centres: No centre covers Saint-Pierre-et-Miquelon."

# A user's file with postcodes: a town, its postcode, its département.
A=tests/data/antennes.csv
run --check "$A"
expect_contains "check antennes.csv: the postcode column" "$out" "code_postal -> postcode"
run --filter 33000 "$A"
expect_eq "antennes 33000: the row of that postcode" "$out" \
	"Antenne Garonne  05 36 49 10 01  via Bordeaux 33000, Gironde"
run --filter gironde "$A"
expect_eq "antennes gironde: both rows in the Gironde" "$(lines "$out")" 2
run --filter mérignac "$A"
expect_eq "antennes mérignac: exit 1" "$rc" 1
expect_contains "antennes mérignac: the nearest rows" "$err" \
	"centres: No centre in Mérignac 33700, Gironde. Centres in Gironde (33):"

# A user's file with a column of départements.
C=tests/data/couverture.csv
run --check "$C"
expect_contains "check couverture.csv: the coverage column" "$out" "couverture -> départements covered"
expect_contains "check couverture.csv: the column places are found through" "$out" \
	"places: found through the column 'couverture' (départements)"
expect_contains "check couverture.csv: a value that names no département" "$out" \
	"note: line 8: 'Atlantide' names no département (1 such value in the column)"
expect_eq "check couverture.csv: a note, not a warning (exit 0)" "$rc" 0
run --filter quimper "$C"
expect_eq "couverture quimper: the region named Bretagne" "$out" \
	"Réseau Armor  02 61 91 20 03  via Quimper 29000, Finistère"
run --filter ajaccio "$C"
expect_eq "couverture ajaccio: this file covers Corsica" "$rc" 0
