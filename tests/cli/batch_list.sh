#!/bin/sh
# Batch mode as a process: --list, --filter, every --format, CENTRES_FILE,
# piping, --help and --version, on the built-in directory and on real files.
. tests/lib.sh
DATA=tests/data/cli

# lines TEXT: number of lines in TEXT (0 for empty).
lines() { if [ -z "$1" ]; then echo 0; else printf '%s\n' "$1" | wc -l | tr -d ' '; fi; }

# --list: the 20 centres of the built-in directory.
run --list
expect_eq "list: exit 0" "$rc" 0
expect_eq "list: 20 lines" "$(lines "$out")" 20
expect_eq "list: nothing on stderr" "$err" ""
expect_contains "list: first centre with its acronym" "$out" \
	"Centre de Ressources et d'échanges pour le Développement Social et Urbain (CR•DSU)"
expect_contains "list: Guadeloupe centre (no phone)" "$out" \
	"Centre de ressources Politique de la ville en Guadeloupe"
expect_contains "list: territory since 2017 shown" "$out" "Hauts-de-France"
expect_contains "list: second phone of Villes et Territoires" "$out" "04 67 07 02 38 / 04 67 07 02 42"
trail=$(printf '%s\n' "$out" | grep -c ' $')
expect_eq "list: no trailing spaces" "$trail" 0

# The same with the file given explicitly.
run --list data/centres.csv
expect_eq "list FILE: exit 0" "$rc" 0
expect_eq "list FILE: 20 lines" "$(lines "$out")" 20

# --filter reunion: the Réunion centre and both its phone numbers.
run --list --filter reunion
expect_eq "filter reunion: exit 0" "$rc" 0
expect_eq "filter reunion: one line" "$(lines "$out")" 1
expect_contains "filter reunion: name" "$out" "Centre de ressources Cohésion Sociale Urbaine (CR-CSUR)"
expect_contains "filter reunion: territory" "$out" "La Réunion"
expect_contains "filter reunion: first phone" "$out" "02 62 20 55 42"
expect_contains "filter reunion: second phone" "$out" "02 62 20 55 43"
run --filter reunion
expect_eq "filter without --list: same output" "$out" \
	"$("$BIN" --list --filter reunion </dev/null 2>/dev/null)"

# Accent- and case-insensitive, AND of terms, phone digits whatever the spacing.
run --filter COTE
expect_contains "filter COTE finds Côte d'Azur" "$out" "Provence-Alpes-Côte d'Azur"
run --filter 0478
expect_contains "filter 0478 finds 04 78 77 01 43" "$out" "(CR•DSU)"
expect_eq "filter 0478: one centre" "$(lines "$out")" 1
run --filter "ile-de-france paris"
expect_eq "filter two terms (AND): one centre" "$(lines "$out")" 1
expect_contains "filter two terms: Paris centre" "$out" "Pôle ressources Politique de la ville"
run --filter "region:bretagne"
expect_contains "filter region: multi-region centre" "$out" "RésO Villes"

# No match: exit 1, nothing on stdout.
run --list --filter zzzzqqq
expect_eq "no match: exit 1" "$rc" 1
expect_eq "no match: empty stdout" "$out" ""
expect_eq "no match: empty stderr" "$err" ""

# --format json: parsed back, values checked.
run --filter reunion --format json
expect_eq "json reunion: exit 0" "$rc" 0
v=$(python3 -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(a) == 1, a
o = a[0]
print("|".join([o["id"], o["sigle"], o["region"], o["telephone"], o["telephone_2"], o["statut"]]))
' "$TMPD/out" 2>&1)
expect_eq "json reunion: values" "$v" "16|CR-CSUR|La Réunion|02 62 20 55 42|02 62 20 55 43|actif"

# json round trip: the file read by python's csv module equals centres' json.
run --list --format json data/centres.csv
v=$(python3 -c '
import csv, json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
b = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
print("same" if a == b else "differ: %r" % [(x, y) for x, y in zip(a, b) if x != y][:2])
print(len(a))
' "$TMPD/out" data/centres.csv 2>&1)
expect_eq "json round trip of data/centres.csv" "$v" "same
20"

# json on a file with quoting, embedded line breaks, a BOM, a lone CR.
run --list --format json "$DATA/quoting.csv"
expect_eq "json quoting.csv: exit 0" "$rc" 0
v=$(python3 -c '
import csv, json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
b = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
print("same" if a == b else "differ: %r / %r" % (a, b))
' "$TMPD/out" "$DATA/quoting.csv" 2>&1)
expect_eq "json round trip of quoting.csv (quotes, line breaks, BOM)" "$v" "same"

# --format csv: python reads back exactly the rows of the file.
for f in data/centres.csv "$DATA/quoting.csv"; do
	run --list --format csv "$f"
	v=$(python3 -c '
import csv, sys
a = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
b = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
print("same" if a == b else "differ: %r / %r" % (a[:3], b[:3]))
' "$TMPD/out" "$f" 2>&1)
	expect_eq "csv round trip of $f" "$v" "same"
done
run --filter reunion --format csv
expect_eq "csv reunion: header and one row" "$out" \
"$(printf 'id,nom,sigle,territoire,territoire_2017,region,site_web,courriel,telephone,telephone_2,statut,departements\r\n16,Centre de ressources Cohésion Sociale Urbaine,CR-CSUR,La Réunion,,La Réunion,,eric.boutouyrie@externes.drjscs.gouv.fr,02 62 20 55 42,02 62 20 55 43,actif,974\r')"

# --format tsv: header plus 20 rows, 12 tab-separated fields each.
run --list --format tsv
expect_eq "tsv: exit 0" "$rc" 0
expect_eq "tsv: 21 lines" "$(lines "$out")" 21
v=$(printf '%s\n' "$out" | awk -F '\t' 'NF != 12 { bad++ } END { print bad + 0 }')
expect_eq "tsv: 12 fields on every line" "$v" 0
expect_eq "tsv: header" "$(printf '%s\n' "$out" | head -n 1)" \
	"$(printf 'id\tnom\tsigle\tterritoire\tterritoire_2017\tregion\tsite_web\tcourriel\ttelephone\ttelephone_2\tstatut\tdepartements')"
run --list --format tsv "$DATA/quoting.csv"
v=$(printf '%s\n' "$out" | awk -F '\t' 'NF != 4 { bad++ } END { print bad + 0 " " NR }')
expect_eq "tsv: line breaks and tabs in fields do not break lines or columns" "$v" "0 4"

# --format text is the default.
run --list --format text
expect_eq "format text = default" "$out" "$("$BIN" --list </dev/null 2>/dev/null)"

# Piping: with stdout not a terminal and no option, centres prints the list.
piped=$("$BIN" </dev/null 2>"$TMPD/perr" | cat)
expect_eq "piped: same as --list" "$piped" "$("$BIN" --list </dev/null 2>/dev/null)"
expect_eq "piped: nothing on stderr" "$(cat "$TMPD/perr")" ""

# CENTRES_FILE is read when no FILE is given; a FILE argument wins.
printf 'nom,territoire,telephone\nCentre du test,Testland,09 99 99 99 99\n' >"$TMPD/env.csv"
export CENTRES_FILE="$TMPD/env.csv"
run --list
expect_eq "CENTRES_FILE: exit 0" "$rc" 0
expect_eq "CENTRES_FILE: its one centre" "$out" "Centre du test  Testland  09 99 99 99 99"
run --list data/centres.csv
expect_eq "FILE argument overrides CENTRES_FILE" "$(lines "$out")" 20
export CENTRES_FILE="$TMPD/absent.csv"
run --list
expect_eq "CENTRES_FILE missing: exit 2" "$rc" 2
expect_contains "CENTRES_FILE missing: message names it" "$err" "centres: $TMPD/absent.csv: "
unset CENTRES_FILE

# --help: every option, an example, exit 0 on stdout.
run --help
expect_eq "help: exit 0" "$rc" 0
expect_eq "help: nothing on stderr" "$err" ""
for o in --list --filter --format --check --delimiter --encoding --no-color --no-mouse --help --version \
	CENTRES_FILE text csv tsv json Example; do
	expect_contains "help mentions $o" "$out" "$o"
done
expect_contains "help has a runnable example" "$out" "centres --filter reunion"
run -h
expect_eq "-h: exit 0" "$rc" 0

# --version: one line "centres X.Y.Z".
run --version
expect_eq "version: exit 0" "$rc" 0
case $out in
"centres "[0-9]*.[0-9]*) pass "version: 'centres X.Y'" ;;
*) fail "version: 'centres X.Y'" "got: $out" ;;
esac
expect_eq "version: one line" "$(lines "$out")" 1
