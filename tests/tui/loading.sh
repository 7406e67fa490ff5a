#!/bin/sh
# A large file loads beside the screen: the screen comes at once with a
# status line that says how far the load is (percentage, centres, seconds);
# a search typed meanwhile finds among the centres already read, and its
# results grow; an export waits for the end (it says so), and a large one
# says how far it is, Esc stopping it; at the end the
# menu has its territories, the status says how many centres and how long,
# and the search finds what batch mode finds in the whole file. F10 and
# Ctrl-C twice answer while it loads, with the terminal restored; an error
# near the end of the file shows with the centres read before it. On
# generated files of about 100 MB (a few seconds under the sanitizers).
. tests/tui/tmux.sh

# gen FILE ROWS [TAIL]: a directory of ROWS generated centres, TAIL after.
gen() {
	awk -v n="$2" 'BEGIN {
		split("Centre social|Maison de quartier|Pôle ressources|Foyer rural|Cœur de ville", kind, "|")
		split("Émile Zola|Gisèle Halimi|Aimé Césaire|Ève Curie|Jacques Prévert|Louise Michel", who, "|")
		split("La Réunion|Eure|Seine-Saint-Denis|Gironde|Val-d'\''Oise", terr, "|")
		split("La Réunion|Normandie|Île-de-France|Nouvelle-Aquitaine|Île-de-France", reg, "|")
		print "id,nom,sigle,territoire,region,telephone,adresse"
		for (i = 1; i <= n; i++) {
			k = i % 5 + 1
			printf "%d,\"%s %s, n° %d\",CS%d,%s,%s,0%d %02d %02d %02d %02d,\"%d, rue de la Paix, quartier %d\"\n",
			    i, kind[i % 5 + 1], who[int(i / 5) % 6 + 1], i, i, terr[k], reg[k], i % 5 + 1,
			    i % 97, i % 89, i % 83, i % 79, i % 90, i % 1000
		}
	}' >"$1"
	[ -z "${3:-}" ] || printf '%s\n' "$3" >>"$1"
}

BIG=$TMPD/big.csv
ROWS=800000
gen "$BIG" $ROWS
zola=$("$CENTRES_REL" --filter zola --format tsv "$BIG" | tail -n +2 | wc -l)
[ "$zola" -gt 50000 ] && pass "batch mode finds the Zola centres" || fail "batch mode finds the Zola centres" "$zola rows"

start 100 30 "$BIG"
see "the screen comes while it loads, and says how far it is" "Loading $BIG: " "% ("
see "... with the centres read so far and the seconds" " centres, " " s). The search looks at what is loaded."
# An export waits for the end of the load.
keys F2 C-u
send_text "$TMPD/out.csv"
keys Enter
see "an export while it loads says it waits" "The file is still loading: you can do this once it is loaded."
[ -e "$TMPD/out.csv" ] && fail "nothing exported while loading" "$TMPD/out.csv exists" || pass "nothing exported while loading"
send_text zola
see "a search typed while it loads" "Search: zola"
see "... finds among the centres already read" "Émile Zola, n° 1 (CS1)"
# The end.
WAIT_S=60 see "at the end: how many centres, how long" "Loaded: 800,000 centres in "
see "... the title counts the whole file" "$zola of $ROWS centres match"
see "... the menu has its territories" "Territories by region" "Normandie" "Eure"
not_see "... no loading line left" "Loading $BIG"
keys Escape
see "Esc clears the search: every centre" "$ROWS of $ROWS"
keys F2 C-u
send_text "$TMPD/out.csv"
keys Enter
see "the export works once loaded" "Exported $ROWS centres to $TMPD/out.csv."
# A large export: written between keys, how far it is on the status line,
# Esc stops it and removes the file.
keys F2 C-u
send_text "$TMPD/out2.csv"
keys Enter
see "a large export says how far it is" "Exporting $ROWS centres to $TMPD/out2.csv: " \
	"% (Esc stops it)."
keys Escape
see "... Esc stops it" "Export stopped: nothing written."
[ -e "$TMPD/out2.csv" ] && fail "... and removes the file" "$TMPD/out2.csv exists" ||
	pass "... and removes the file"
# F5: read again beside the screen, the centres as they were meanwhile.
send_text "zola"
keys F5
see "F5 on a large file: read again beside the screen" "Reloading $BIG: " "% (" " centres, "
see "... the centres shown meanwhile" "$zola of $ROWS centres match"
keys F5
see "... F5 again waits" "The file is still loading: you can do this once it is loaded."
WAIT_S=60 see "... then the new ones, the search kept" "Reloaded $BIG: $ROWS centres." \
	"Search: zola" "$zola of $ROWS centres match"
not_see "... no reloading line left" "Reloading $BIG"
# F3, another large file: opened beside the screen too.
head -n 400001 "$BIG" >"$TMPD/other.csv"
keys F3 C-u
send_text "$TMPD/other.csv"
keys Enter
see "F3 on a large file: opened beside the screen" "Opening $TMPD/other.csv: " "% ("
see "... the file before shown meanwhile" "of $ROWS centres match"
WAIT_S=60 see "... then its centres" "Opened $TMPD/other.csv: 400000 centres." "of 400000 centres match"
not_see "... no opening line left" "Opening $TMPD"
keys F10
expect_exit "F10 after the load" 0

# A large file's centres are read again from it as they are shown: the
# file written again in place (the same inode, the same size) is said on
# the status line, and no centre is shown with another one's text: until
# F5, those read since show their search text (no capitals, no accents).
MID=$TMPD/mid.csv
gen "$MID" 100000
start 100 30 "$MID"
WAIT_S=60 see "a large file shown" "Loaded: 100,000 centres" "Maison de quartier Émile Zola, n° 1 (CS1)"
sed 's/Zola/Hugo/g' "$MID" >"$TMPD/mid.new"
cat "$TMPD/mid.new" >"$MID"
see "written again in place: said, with what it means" \
	"The file has changed on disk: F5 reads it again (meanwhile, without capitals or accents)."
send_text "99990"
see "a centre not read before: its search text" "centre social emile zola n° 99990"
not_see "... never the new file's text under the old one's" "Hugo"
keys F5
WAIT_S=60 see "F5: the file as it is now" "Reloaded $MID: 100000 centres." "Centre social Émile Hugo, n° 99990"
keys Escape
see "... Esc: every centre" "100000 of 100000 centres shown"
keys Home
see "... every centre with its new text" "Maison de quartier Émile Hugo, n° 1 (CS1)"
# F5 again: the centre selected stays selected (found by its key, whose
# fields are read again from the file).
keys Down Down Down
see "a centre selected" "▸Cœur de ville Émile Hugo, n° 4 (CS4)"
keys F5
WAIT_S=60 see "... still selected after F5" "Reloaded $MID: 100000 centres." "▸Cœur de ville Émile Hugo, n° 4 (CS4)"
keys F10
expect_exit "F10 after the file changed" 0

# F10 and Ctrl-C while it loads: at once, the terminal restored.
start 100 30 "$BIG"
see "F10 while loading: loading" "Loading $BIG: "
keys F10
expect_exit "F10 while loading" 0
start 100 30 "$BIG"
see "Ctrl-C while loading: loading" "Loading $BIG: "
keys C-c
see "Ctrl-C once while loading says how to quit" "Press Ctrl-C again to quit (or F10)."
keys C-c
expect_exit "Ctrl-C twice while loading" 130

# In French: the same line, French numbers and typography.
gen "$BIG" $ROWS
nb=$(printf '\302\240') nnb=$(printf '\342\200\257')	# no-break space, narrow one
EXTRA_ENV="CENTRES_LANG=fr" start 140 30 "$BIG"
see "in French: how far the load is" "Chargement de $BIG$nb: " "$nb% (" " centres, " "${nb}s). La recherche porte sur ce qui est chargé."
WAIT_S=60 see "in French: the end" "Chargé$nb: 800${nnb}000 centres en "
keys F10
expect_exit "F10 in French" 0

# The file cut short while it loads, then replaced while the screen shows
# it: the screen goes on with what it read (a load reads the file into
# memory of its own once; the centres it then reads again from the file
# come from their search text), F5 then reads the new one.
start 150 30 "$BIG"
see "a file cut short while loading: loading" "Loading $BIG: "
: >"$BIG"
# What was read is loaded; the last line may be cut short (a warning) or
# inside its quotes (an error).
i=0
until capture; case "$screen" in *"Loaded: "* | *"warning while loading"* | *"Loading stopped at line "* | *"has changed on disk"*) true ;; *) false ;; esac; do
	i=$((i + 1))
	[ $i -lt 1200 ] || break
	sleep 0.05
done
case "$screen" in
*"Loaded: "* | *": 1 warning while loading (see centres --check)."* | *"Loading stopped at line "*"unterminated quoted field"*)
	pass "... the load ends all the same" ;;
*"The file has changed on disk since it was read: F5 reads it again."* | \
*"The file has changed on disk: F5 reads it again (meanwhile, without capitals or accents)."*)
	pass "... the load ends all the same, and the change is said" ;;
*) fail "... the load ends all the same" "neither loaded nor stopped"; show ;;
esac
keys Escape
see "... with the centres it read" " of "
printf 'id,nom,territoire\n1,Centre nouveau,Eure\n' >"$TMPD/new.csv"
mv "$TMPD/new.csv" "$BIG"
keys Down Down
not_see "replaced while shown: nothing changes until a reload" "Centre nouveau"
keys F5
see "F5 reads the new file" "Reloaded $BIG: 1 centre." "Centre nouveau"
keys F10
expect_exit "F10 after the file changed" 0

# An error near the end: the centres before it stay, the error says where.
BAD=$TMPD/bad.csv
gen "$BAD" 300000 '999999,"Centre jamais fermé,Eure'
start 150 30 "$BAD"
WAIT_S=60 see "the error shows with its line, and the centres read before" \
	"Loading stopped at line 300002 (300,000 centres shown): unterminated quoted field: the quote opened on this line is never closed"
see "... they are all there" "300000 of 300000 centres shown"
send_text "n° 299999"
see "... to the last one" "1 of 300000 centres match" "Acronym      CS299999"
keys F10
expect_exit "F10 after the error" 0
finish "loading"
