#!/bin/sh
# Batch mode as a process: --check and the dialects real users bring
# (semicolons, Windows-1252, CRLF, UTF-16, broken UTF-8, ragged rows), with
# the --delimiter and --encoding overrides.
. tests/lib.sh
DATA=tests/data/cli
W=$DATA/windows-1252-semicolon-crlf.csv

# --check on the built-in directory: clean.
run --check
expect_eq "check built-in: exit 0" "$rc" 0
expect_contains "check built-in: 20 rows, 12 columns" "$out" "20 rows, 12 columns"
expect_contains "check built-in: the départements covered recognised" "$out" "departements -> départements covered"
expect_contains "check built-in: delimiter" "$out" "delimiter: comma"
expect_contains "check built-in: encoding" "$out" "encoding: UTF-8"
expect_contains "check built-in: phone column recognised" "$out" "telephone_2 -> phone"
expect_contains "check built-in: no warning" "$out" "warnings: none"
expect_eq "check built-in: nothing on stderr" "$err" ""

# A French Excel export: semicolons, Windows-1252, CRLF.
run --check "$W"
expect_eq "check cp1252: exit 0" "$rc" 0
expect_contains "check cp1252: 3 rows, 4 columns" "$out" "3 rows, 4 columns"
expect_contains "check cp1252: names the delimiter" "$out" "delimiter: semicolon (;)"
expect_contains "check cp1252: names the encoding" "$out" "encoding: WINDOWS-1252"
expect_contains "check cp1252: header decoded (Région)" "$out" "Région -> region"
expect_contains "check cp1252: header decoded (Téléphone)" "$out" "Téléphone -> phone"
expect_contains "check cp1252: no warning" "$out" "warnings: none"
run --list "$W"
expect_eq "list cp1252: exit 0" "$rc" 0
expect_contains "list cp1252: Réunion" "$out" "La Réunion"
expect_contains "list cp1252: Côte d'Azur" "$out" "Provence-Alpes-Côte d'Azur"
expect_contains "list cp1252: 0x93/0x94/0x9C are quotes and œ" "$out" "“Ville” œuvre"
expect_contains "list cp1252: notice on stderr says Windows-1252" "$err" "Windows-1252"
v=$(LC_ALL=C grep -c "$(printf '\r')" "$TMPD/out")
expect_eq "list cp1252: no CR left from CRLF" "$v" 0
v=$(printf '%s\n' "$out" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && echo valid)
expect_eq "list cp1252: output is valid UTF-8" "$v" valid
run --list --filter "reunion" "$W"
expect_eq "filter cp1252 reunion: one row" "$out" "Centre de ressources  La Réunion  02 62 20 55 42"
run --list --filter "oeuvre" "$W"
expect_contains "filter cp1252 oeuvre finds œuvre" "$out" "œuvre"
run --list --format json "$W"
v=$(python3 -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
print(a[1]["Territoire"], "|", a[0]["Région"], "|", a[2]["Nom"])
' "$TMPD/out" 2>&1)
expect_eq "json cp1252: keys and values decoded" "$v" "Provence-Alpes-Côte d'Azur | La Réunion | “Ville” œuvre"

# --encoding WINDOWS-1252 given: same text, "as given", no notice.
run --check --encoding WINDOWS-1252 "$W"
expect_eq "check --encoding WINDOWS-1252: exit 0" "$rc" 0
expect_contains "check --encoding WINDOWS-1252: encoding" "$out" "encoding: WINDOWS-1252"
run --list --encoding WINDOWS-1252 "$W"
expect_contains "list --encoding WINDOWS-1252: Côte" "$out" "Côte d'Azur"

# --encoding ISO-8859-15: 0xA4 is € and 0xBD is œ there (¤ and ½ in Windows-1252).
printf 'nom;territoire\nPrix \244 \275uvre;Val d'"'"'Oise\n' >"$TMPD/latin9.csv"
run --list --encoding ISO-8859-15 "$TMPD/latin9.csv"
expect_eq "--encoding ISO-8859-15: exit 0" "$rc" 0
expect_contains "--encoding ISO-8859-15: € and œ" "$out" "Prix € œuvre"
run --list "$TMPD/latin9.csv"
expect_contains "detected as Windows-1252 without --encoding: ¤ and ½" "$out" "Prix ¤ ½uvre"
run --list --filter oeuvre --encoding ISO-8859-15 "$TMPD/latin9.csv"
expect_eq "--encoding ISO-8859-15: filter oeuvre finds it" "$rc" 0

# A UTF-8 file with one broken byte stays UTF-8; the warning names line 3.
printf 'nom,territoire\nR\303\251union,ok\nbad \351 byte,x\nC\303\264te,y\n' >"$TMPD/broken.csv"
run --check "$TMPD/broken.csv"
expect_eq "broken UTF-8: check exit 1 (warning)" "$rc" 1
expect_contains "broken UTF-8: stays UTF-8" "$out" "encoding: UTF-8"
expect_contains "broken UTF-8: warning on line 3" "$out" "$TMPD/broken.csv:3: warning:"
run --list "$TMPD/broken.csv"
expect_contains "broken UTF-8: U+FFFD in place of the byte" "$out" "bad � byte"
expect_contains "broken UTF-8: good accents kept" "$out" "Côte"

# UTF-16LE with a byte order mark, TAB-separated (Excel "Unicode text").
printf 'Nom\tT\303\251l\303\251phone\r\nLa R\303\251union\t02 62 20 55 42\r\n' |
	iconv -f UTF-8 -t UTF-16LE | { printf '\377\376'; cat; } >"$TMPD/u16.txt"
run --check "$TMPD/u16.txt"
expect_eq "UTF-16: check exit 0" "$rc" 0
expect_contains "UTF-16: encoding" "$out" "UTF-16LE"
expect_contains "UTF-16: tab delimiter" "$out" "delimiter: tab"
run --list "$TMPD/u16.txt"
expect_eq "UTF-16: list" "$out" "La Réunion  02 62 20 55 42"

# Ragged rows: check exits 1 and each warning names its line.
run --check "$DATA/ragged.csv"
expect_eq "ragged: check exit 1" "$rc" 1
expect_contains "ragged: short row on line 3" "$out" "$DATA/ragged.csv:3: warning: 2 fields instead of 3"
expect_contains "ragged: long row on line 4" "$out" "$DATA/ragged.csv:4: warning: 4 fields instead of 3"
expect_contains "ragged: the extra column is named" "$out" "colonne 4"
expect_not_contains "ragged: line 5 has the header's 3 fields, no warning" "$out" "$DATA/ragged.csv:5:"
expect_contains "ragged: two warnings" "$out" "warnings: 2"
run --list --format json "$DATA/ragged.csv"
expect_eq "ragged list: exit 0 (warnings do not stop the load)" "$rc" 0
v=$(python3 -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
print(len(a), repr(a[1]["telephone"]), a[2]["colonne 4"])
' "$TMPD/out" 2>&1)
expect_eq "ragged json: missing field empty, extra kept" "$v" "4 '' en trop"
expect_contains "ragged list: warning on stderr names line 3" "$err" "ragged.csv:3: warning:"

# Line numbers of warnings are physical lines (a quoted field over 3 lines).
printf 'nom,telephone\n"a\nb\nc",01\nD,02,03\n' >"$TMPD/phys.csv"
run --check "$TMPD/phys.csv"
expect_contains "check: warning line counts lines inside quotes" "$out" "$TMPD/phys.csv:5: warning:"

# Header only, no row: loads, nothing to list.
printf 'nom,telephone\n' >"$TMPD/header.csv"
run --check "$TMPD/header.csv"
expect_eq "header only: check exit 0" "$rc" 0
expect_contains "header only: 0 rows" "$out" "0 rows"
run --list "$TMPD/header.csv"
expect_eq "header only: list exit 0 (a valid, empty directory)" "$rc" 0
expect_eq "header only: list prints nothing" "$out" ""
run --filter maison "$TMPD/header.csv"
expect_eq "header only: a filter finds nothing, exit 1" "$rc" 1

# --delimiter ';' overrides detection (the header has more commas).
printf 'nom;territoire, r\303\251gion;telephone\nA, B et C;Nord, Hauts-de-France;01 02\n' >"$TMPD/semi.csv"
run --list --format json "$TMPD/semi.csv"
v=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))[0]))' "$TMPD/out" 2>&1)
expect_eq "detected delimiter is the comma here (3 columns)" "$v" 3
run --list --format json --delimiter ';' "$TMPD/semi.csv"
v=$(python3 -c '
import json, sys
o = json.load(open(sys.argv[1], encoding="utf-8"))[0]
print(o["nom"], "|", o["territoire, région"], "|", o["telephone"])
' "$TMPD/out" 2>&1)
expect_eq "--delimiter ';': fields split on ;" "$v" "A, B et C | Nord, Hauts-de-France | 01 02"
run --check --delimiter ';' "$TMPD/semi.csv"
expect_contains "--delimiter ';': check says as given" "$out" "delimiter: semicolon (;), as given"
run --check -d tab "$TMPD/u16.txt"
expect_contains "-d tab accepted" "$out" "delimiter: tab"

# A file with other columns: the first column is the name, every column kept.
printf 'Structure,Ville,Contact\nMaison du quartier,Lyon,x@y.fr\n' >"$TMPD/other.csv"
run --check "$TMPD/other.csv"
expect_eq "other columns: check exit 0" "$rc" 0
run --list --format json "$TMPD/other.csv"
v=$(python3 -c 'import json,sys; print(sorted(json.load(open(sys.argv[1]))[0]))' "$TMPD/out" 2>&1)
expect_eq "other columns: all kept in json" "$v" "['Contact', 'Structure', 'Ville']"
printf 'Ville,Contact\nLyon,x@y.fr\n' >"$TMPD/noname.csv"
run --list "$TMPD/noname.csv"
expect_eq "no name column: first column serves as the name" "$out" "Lyon"
