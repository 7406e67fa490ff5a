#!/bin/sh
# --list and --filter read the file in pieces (batch/stream.c) where they
# can: the real binary prints the same bytes on standard output and error,
# with the same exit status, as with CENTRES_NO_STREAM=1 (the full path:
# the whole file loaded first), on the test directories and on a generated
# one of 20,000 rows (accents, quoted commas, line breaks inside quotes,
# CR LF, ragged and empty rows), in every format; an error at the very end
# of a large file prints nothing but the error, as before; and the stream
# is really taken (it reads the kept records again with pread).
. tests/lib.sh

# same NAME ARGS...: the stream and the full path print the same.
same() {
	name=$1
	shift
	"$BIN" "$@" >"$TMPD/s.out" 2>"$TMPD/s.err" </dev/null
	src=$?
	CENTRES_NO_STREAM=1 "$BIN" "$@" >"$TMPD/f.out" 2>"$TMPD/f.err" </dev/null
	frc=$?
	if [ "$src" = "$frc" ] && cmp -s "$TMPD/s.out" "$TMPD/f.out" && cmp -s "$TMPD/s.err" "$TMPD/f.err"; then
		pass "$name"
	else
		fail "$name" "exit $src (full path $frc)" "$(diff "$TMPD/f.out" "$TMPD/s.out" | head -5)" \
			"$(diff "$TMPD/f.err" "$TMPD/s.err" | head -5)"
	fi
}

# A generated directory: 20,000 rows like the bench's, deterministic.
gen=$TMPD/gen.csv
awk 'BEGIN {
	split("Réunion|Saint-Denis|Île-de-France|Cœur de ville|Val-d’Oise|Rennes|Nîmes", town, "|")
	split("CR-CSUR|CR•DSU|MDA|CS", sig, "|")
	printf "nom,sigle,territoire,telephone,adresse\r\n"
	for (i = 1; i <= 20000; i++) {
		t = town[i % 7 + 1]
		if (i % 3 == 0) name = "\"Centre social " i ", " t "\""; else name = "Centre " t " " i
		adr = i % 500 == 0 ? "\"" i ", rue\nde la " t "\"" : "\"" i ", rue \"\"" t "\"\"\""
		if (i % 997 == 0) { printf "%s,%s\r\n", name, sig[i % 4 + 1]; continue }
		if (i % 1999 == 0) { printf ",,,,\r\n"; continue }
		printf "%s,%s,%s,+33 4 78 %02d %02d %02d,%s\r\n", name, sig[i % 4 + 1], t, i % 100, i % 89, i % 71, adr
	}
}' >"$gen"

for f in text csv tsv json; do
	for q in reunion "saint denis" "st denis" crcsur "cr-dsu" "0478" "04 78 12" "sigle:mda" coeur \
		"\"rue de la\"" zzz ""; do
		same "generated, $f, '$q'" --list --filter "$q" --format "$f" "$gen"
	done
	same "generated, $f, --raw" --list --format "$f" --raw "$gen"
done
same "generated, no --list into a pipe" --filter reunion "$gen"

for file in data/centres.csv tests/data/annuaire.csv tests/data/antennes.csv tests/data/couverture.csv \
	tests/data/cli/quoting.csv tests/data/cli/ragged.csv tests/data/cli/windows-1252-semicolon-crlf.csv; do
	for q in reunion "nom:centre" "04 78" gironde zzz ""; do
		same "$(basename "$file"), '$q'" --list --filter "$q" --format csv "$file"
	done
	same "$(basename "$file"), json" --list --format json "$file"
	same "$(basename "$file"), text" --list "$file"
done

# An unterminated quote on the last line of a large file: the error alone.
cp "$gen" "$TMPD/bad.csv"
printf 'Fin,"ouverte\r\n' >>"$TMPD/bad.csv"
run --list --filter reunion --format csv "$TMPD/bad.csv"
expect_eq "bad quote at the end: exit 2" "$rc" 2
expect_eq "bad quote at the end: nothing listed" "$out" ""
expect_contains "bad quote at the end: the line" "$err" \
	"bad.csv:$(wc -l <"$TMPD/bad.csv" | tr -d ' '): unterminated quoted field"
same "bad quote at the end: as the full path" --list --filter reunion --format csv "$TMPD/bad.csv"

# Ragged rows: the warnings, with their lines, before the list.
run --list --filter reunion --format csv "$gen"
short=$(grep -n -m 1 "$(printf '^Centre [^,]*,[^,]*\r$')" "$gen" | cut -d: -f1)
expect_contains "ragged: warning with its line" "$err" "gen.csv:$short: warning: 2 fields instead of 5"
expect_contains "ragged: and how many more" "$err" "more warnings (see centres --check)"
expect_eq "generated: exit 0" "$rc" 0

# A full disk: the same message and status.
if [ -w /dev/full ]; then
	"$BIN" --list --format csv "$gen" >/dev/full 2>"$TMPD/s.err"
	src=$?
	CENTRES_NO_STREAM=1 "$BIN" --list --format csv "$gen" >/dev/full 2>"$TMPD/f.err"
	expect_eq "full disk: exit 2" "$src" 2
	expect_eq "full disk: as the full path" "$(cat "$TMPD/s.err")" "$(cat "$TMPD/f.err")"
fi

# The stream is taken: it reads the kept records again with pread, which
# the full path (the file read whole) never does for the file.
if command -v strace >/dev/null 2>&1 && strace -qq -e trace=pread64 -o "$TMPD/st" true 2>/dev/null; then
	strace -qq -e trace=pread64 -o "$TMPD/st" "$BIN" --list --filter reunion --format csv "$gen" >/dev/null 2>&1
	streamed=$(grep -c '^pread64' "$TMPD/st")
	CENTRES_NO_STREAM=1 strace -qq -e trace=pread64 -o "$TMPD/st" "$BIN" --list --filter reunion \
		--format csv "$gen" >/dev/null 2>&1
	full=$(grep -c '^pread64' "$TMPD/st")
	expect_eq "streamed: more pread than the full path ($streamed, $full)" \
		"$(awk -v a="$streamed" -v b="$full" 'BEGIN { print (a > b) }')" 1
else
	echo "SKIP streamed: strace is not usable here"
fi
