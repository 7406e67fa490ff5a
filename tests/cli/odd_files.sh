#!/bin/sh
# Odd files and limits get a defined answer: a file over --max-size is
# refused before it is read (a sparse 5 GiB file, at once); a first row that
# looks like data is a warning naming line 1; repeated header names are
# named with their line and column by --check; a ragged row before a fatal
# quote error is still reported with its line; --encoding '' is refused;
# --help and --version to a full disk exit 2; memory stays proportional to
# the data: 200,000 distinct territories (a 9 MB file) within 500 MB of
# address space, a query of 15,000 words within 40 MB (each small fold once
# took a 4 KB block: 1.7 GB and 64 MB, measured).
. tests/lib.sh
REL=${CENTRES_REL:-./centres}

# --- --max-size
truncate -s 5G "$TMPD/sparse.csv"
run --list "$TMPD/sparse.csv"
expect_eq "5 GiB file: exit 2" "$rc" 2
expect_eq "5 GiB file: refused before reading, said" "$err" \
	"centres: $TMPD/sparse.csv: a file of 5 GiB, over the 4 GiB limit: not read (raise it with --max-size SIZE)"
rm -f "$TMPD/sparse.csv"
run --max-size 1k --list tests/data/annuaire.csv
expect_eq "--max-size 1k on a 2 KiB file: exit 2" "$rc" 2
expect_contains "--max-size 1k: the limit said" "$err" "over the 1 KiB limit"
run --max-size 1M --list tests/data/annuaire.csv
expect_eq "--max-size 1M: the file is read" "$rc" 0
for bad in 0 -1 12X 1.5G ""; do
	run --max-size "$bad" --list tests/data/annuaire.csv
	expect_eq "--max-size '$bad': exit 2" "$rc" 2
	expect_contains "--max-size '$bad': said" "$err" "is not a size"
done

# --- --encoding ''
run --encoding '' --list tests/data/annuaire.csv
expect_eq "--encoding '': exit 2" "$rc" 2
expect_eq "--encoding '': said" "$err" \
	"centres: --encoding needs a name, e.g. --encoding WINDOWS-1252 (see 'iconv -l')"

# --- a first row that is data
printf 'Maison A,01 99 00 00 01,a@exemple.fr\nMaison B,01 99 00 00 02,b@exemple.fr\n' >"$TMPD/nohead.csv"
run --check "$TMPD/nohead.csv"
expect_eq "no header row: --check exit 1 (a warning)" "$rc" 1
expect_contains "no header row: the warning names line 1" "$out" \
	"$TMPD/nohead.csv:1: warning: this line is read as the header, but '01 99 00 00 01' is a phone number: is the header row missing?"
printf 'ville,cp\nLyon,69003\n' >"$TMPD/cp.csv"
printf 'Lyon,69003\nNice,06000\n' >"$TMPD/cp-nohead.csv"
run --check "$TMPD/cp.csv"
expect_eq "a real header: no warning" "$rc" 0
run --check "$TMPD/cp-nohead.csv"
expect_contains "a postcode in the first row: said" "$out" "'69003' is a postcode"

# --- repeated header names
printf 'nom,tel,tel,note,tel\nA,1,2,3,4\n' >"$TMPD/dup.csv"
run --check "$TMPD/dup.csv"
expect_eq "repeated headers: --check exit 0 (a note, not a warning)" "$rc" 0
expect_contains "repeated headers: column 3 named" "$out" \
	"note: line 1, column 3: the header 'tel' repeats an earlier one (JSON key 'tel (2)')"
expect_contains "repeated headers: column 5 named" "$out" \
	"note: line 1, column 5: the header 'tel' repeats an earlier one (JSON key 'tel (3)')"

# --- a ragged row, then a fatal error
printf 'nom,tel\nA,1,extra\nB,"2\nC,3\n' >"$TMPD/ragged-then-broken.csv"
run --list "$TMPD/ragged-then-broken.csv"
expect_eq "ragged row then an unterminated quote: exit 2" "$rc" 2
expect_eq "ragged row then an unterminated quote: both said, in order" "$err" \
	"centres: $TMPD/ragged-then-broken.csv:2: warning: 3 fields instead of 2: the extra ones are kept
centres: $TMPD/ragged-then-broken.csv:3: unterminated quoted field: the quote opened on this line is never closed"

# --- --help and --version on a full disk
if [ -w /dev/full ]; then
	"$BIN" --help >/dev/full 2>"$TMPD/err"
	expect_eq "--help > /dev/full: exit 2" "$?" 2
	expect_contains "--help > /dev/full: said" "$(cat "$TMPD/err")" "No space left on device"
	"$BIN" --version >/dev/full 2>"$TMPD/err"
	expect_eq "--version > /dev/full: exit 2" "$?" 2
else
	echo "SKIP --help > /dev/full: no /dev/full here"
fi

# --- memory proportional to the data (release build: a sanitizer build
# reserves terabytes of address space, which a limit cannot tell apart)
awk 'BEGIN { print "nom,territoire,region,telephone"
	for (i = 1; i <= 200000; i++) printf "Maison %d,Territoire %d,Region %d,01 99 00 %02d %02d\n", i, i, i % 977, i % 100, (i / 100) % 100 }' \
	>"$TMPD/distinct.csv"
n=$( (ulimit -v 500000; "$REL" --list "$TMPD/distinct.csv" | wc -l) 2>"$TMPD/mem.err")
expect_eq "200,000 distinct territories in 500 MB of address space: all listed" "$n" 200000
expect_eq "200,000 distinct territories: nothing on stderr" "$(cat "$TMPD/mem.err")" ""
# A query of 15,000 words (an argument stays under 128 KiB).
q=$(awk 'BEGIN { for (i = 0; i < 15000; i++) printf "%s ", "maison"; }')
rc=$( (ulimit -v 40000; "$REL" --filter "$q" tests/data/annuaire.csv >"$TMPD/q.out" 2>"$TMPD/q.err"; echo $?) )
expect_eq "a query of 15,000 words in 40 MB of address space: found (exit 0)" "$rc" 0
expect_eq "a query of 15,000 words: the two Maisons" "$(wc -l <"$TMPD/q.out" | tr -d ' ')" 2
expect_eq "a query of 15,000 words: nothing on stderr" "$(cat "$TMPD/q.err")" ""

# --- a row of 300,000 fields (1.2 MB) as JSON and CSV: linear in the
# fields (it took 374 s; a minute is generous for a sanitizer build)
awk 'BEGIN { for (i = 0; i < 300000; i++) printf "%sh", i ? "," : ""; print ""
	for (i = 0; i < 300000; i++) printf "%s%d", i ? "," : "", i % 10; print "" }' >"$TMPD/wide.csv"
timeout 60 "$BIN" --list --format json "$TMPD/wide.csv" >"$TMPD/wide.json" 2>"$TMPD/wide.err"
expect_eq "a row of 300,000 fields as JSON: done within a minute" "$?" 0
expect_contains "a row of 300,000 fields as JSON: the last key" "$(tail -c 40 "$TMPD/wide.json")" '"h (300000)": "9"}'
timeout 60 "$BIN" --list --format csv "$TMPD/wide.csv" >"$TMPD/wide.out" 2>>"$TMPD/wide.err"
expect_eq "a row of 300,000 fields as CSV: done within a minute" "$?" 0
expect_eq "a row of 300,000 fields as CSV: the file as it was (LF for CRLF)" \
	"$(tr -d '\r' <"$TMPD/wide.out" | cksum)" "$(cksum <"$TMPD/wide.csv")"
