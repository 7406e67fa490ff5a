#!/bin/sh
# F5 / Ctrl-R reload the file: after a change the new data shows and the
# selection stays on the same centre (by id, even when rows move); after the
# file breaks, the error shows on the status line and the data stays; the
# search typed stays across a reload, and so does what it finds. On a
# copy of the test directory tests/data/annuaire.csv (the built-in directory
# reloads too: tests/tui/shipped_data.sh).
. tests/tui/tmux.sh

F=$TMPD/c.csv
cp "$FX" "$F"

start 80 24 "$F"
see "80x24: the title names the file" "c.csv"
see "80x24: 18 centres" "18 of 18"
keys Tab
i=0
while [ $i -lt 16 ]; do keys Down; i=$((i + 1)); done
selected "Bocagevilles selected" "Bocagevilles"
see "its phone" "Phone        02 61 91 63 36"

# New phone for Bocagevilles, and a row removed above it (Maison des
# Lucioles, id 2): the centre moves up a line but stays selected.
sed -i -e 's/02 61 91 63 36/02 61 91 88 77/' -e '/^2,Maison des Lucioles,/d' "$F"
keys F5
see "F5: the status says it reloaded" "Reloaded"
see "F5: 17 centres now" "17 of 17"
see "F5: the new phone shown" "Phone        02 61 91 88 77"
not_see "F5: the old phone gone" "02 61 91 63 36"
selected "F5: still on Bocagevilles" "Bocagevilles"
not_see "F5: the removed centre is gone" "Maison des Lucioles"

keys F10
expect_exit "reload F10" 0

# Each case below in a run of its own, so that one failing does not hide
# the others.
# start_on_bocagevilles: a run on $F, Bocagevilles selected.
start_on_bocagevilles() {
	start 80 24 "$F"
	see "$1: started" "of 17 centres"
	keys Tab
	i=0
	while [ $i -lt 15 ]; do keys Down; i=$((i + 1)); done
	selected "$1: Bocagevilles selected" "Bocagevilles"
}
sed -i -e 's/02 61 91 63 36/02 61 91 88 77/' -e '/^2,Maison des Lucioles,/d' "$F"
cp "$F" "$TMPD/good.csv"

# Broken: a quote never closed.
start_on_bocagevilles broken
printf '19,"Centre cassé,,Bocage,,Bocage,,,02 61 91 00 00,,actif\n' >>"$F"
keys C-r
see "Ctrl-R on a broken file: says the data is unchanged" "Reload failed"
# The cause must be readable on an ordinary terminal, not cut off.
see "Ctrl-R on a broken file: the cause on the status line (80 columns)" "unterminated"
see "Ctrl-R on a broken file: still 17 centres" "17 of 17"
selected "Ctrl-R on a broken file: still on Bocagevilles" "Bocagevilles"
see "Ctrl-R on a broken file: its phone still shown" "Phone        02 61 91 88 77"
not_see "Ctrl-R on a broken file: nothing of the broken row" "Centre cassé"
# Gone: the file removed.
rm -f "$F"
keys F5
see "F5 on a missing file: an error" "Reload failed"
see "F5 on a missing file: the data stays" "17 of 17" "Phone        02 61 91 88 77"
keys F10
expect_exit "broken F10" 0

# Fixed again, with the search kept across the reload.
cp "$TMPD/good.csv" "$F"
start_on_bocagevilles search
send_text bocagevilles
see "search before reload" "Search: bocagevilles" "1 of 17 centres match"
sed -i 's/02 61 91 88 77/02 61 91 11 22/' "$F"
keys C-r
see "Ctrl-R with a search: reloaded" "Reloaded"
see "Ctrl-R with a search: the search kept" "Search: bocagevilles  (Esc: clear)" "1 of 17 centres match"
see "Ctrl-R with a search: the new phone" "Phone        02 61 91 11 22"
selected "Ctrl-R with a search: still on Bocagevilles" "Bocagevilles"
# Esc clears the search: every centre again, the reloaded one still
# selected.
keys Escape
see "Esc after the reload: the search cleared" "17 of 17 centres shown"
selected "Esc after the reload: still on Bocagevilles" "Bocagevilles"
keys F10
expect_exit "search F10" 0

# Changed on disk while shown: the status line says so within a few
# seconds, and nothing is read until F5; a file gone is said too.
cp "$FX" "$F"
start 100 24 "$F"
see "changed on disk: started" "18 of 18"
sleep 1
printf '99,Centre ajouté,,Eure,,Normandie,,,02 32 00 00 00,,\n' >>"$F"
see "changed on disk: said on the status line" \
	"The file has changed on disk since it was read: F5 reads it again."
see "... nothing read yet" "18 of 18"
keys F5
see "... F5 reads it" "Reloaded" "19 of 19"
not_see "... and the line is gone" "The file has changed on disk"
rm "$F"
see "a file gone: said" "The file is no longer there: what is shown is what was read."
see "... the centres stay" "19 of 19"
keys F10
expect_exit "changed on disk F10" 0

finish reload
