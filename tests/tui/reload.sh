#!/bin/sh
# F5 / r reload the file: after a change the new data shows and the
# selection stays on the same centre (by id, even when rows move); after the
# file breaks, the error shows on the status line and the data stays.
. tests/tui/tmux.sh

F=$TMPD/c.csv
cp data/centres.csv "$F"

start 80 24 "$F"
see "80x24: the title names the file" "c.csv"
see "80x24: 20 centres" "20 of 20"
keys Tab
i=0
while [ $i -lt 18 ]; do keys j; i=$((i + 1)); done
selected "Normanvilles selected" "Normanvilles"
see "its phone" "Phone        02 31 43 63 36"

# New phone for Normanvilles, and a row removed above it (Profession
# Banlieue, id 2): the centre moves up a line but stays selected.
sed -i -e 's/02 31 43 63 36/02 31 99 88 77/' -e '/^2,Profession Banlieue,/d' "$F"
keys F5
see "F5: the status says it reloaded" "Reloaded"
see "F5: 19 centres now" "19 of 19"
see "F5: the new phone shown" "Phone        02 31 99 88 77"
not_see "F5: the old phone gone" "02 31 43 63 36"
selected "F5: still on Normanvilles" "Normanvilles"
not_see "F5: the removed centre is gone" "Profession Banlieue"

keys q
expect_exit "reload q" 0

# Each case below in a run of its own, so that one failing does not hide
# the others.
# start_on_normanvilles: a run on $F, Normanvilles selected.
start_on_normanvilles() {
	start 80 24 "$F"
	see "$1: started" "of 19 centres"
	keys Tab
	i=0
	while [ $i -lt 17 ]; do keys j; i=$((i + 1)); done
	selected "$1: Normanvilles selected" "Normanvilles"
}
sed -i -e 's/02 31 43 63 36/02 31 99 88 77/' -e '/^2,Profession Banlieue,/d' "$F"
cp "$F" "$TMPD/good.csv"

# Broken: a quote never closed.
start_on_normanvilles broken
printf '21,"Centre cassé,,Bretagne,,Bretagne,,,02 00 00 00 00,,actif\n' >>"$F"
keys r
see "r on a broken file: says the data is unchanged" "Reload failed"
# The cause must be readable on an ordinary terminal, not cut off.
see "r on a broken file: the cause on the status line (80 columns)" "unterminated"
see "r on a broken file: still 19 centres" "19 of 19"
selected "r on a broken file: still on Normanvilles" "Normanvilles"
see "r on a broken file: its phone still shown" "Phone        02 31 99 88 77"
not_see "r on a broken file: nothing of the broken row" "Centre cassé"
# Gone: the file removed.
rm -f "$F"
keys F5
see "F5 on a missing file: an error" "Reload failed"
see "F5 on a missing file: the data stays" "19 of 19" "Phone        02 31 99 88 77"
keys q
expect_exit "broken q" 0

# Fixed again, with the filter kept across the reload.
cp "$TMPD/good.csv" "$F"
start_on_normanvilles filter
keys /
wait_for "Filter:"
send_text normanvilles
see "filter before reload" "1 of 19 centres match"
keys Enter
wait_for "1 centre matches"
sed -i 's/02 31 99 88 77/02 31 11 22 33/' "$F"
keys r
see "r with a filter: reloaded" "Reloaded"
see "r with a filter: the filter kept" "Filter: normanvilles" "1 of 19 centres match"
see "r with a filter: the new phone" "Phone        02 31 11 22 33"
selected "r with a filter: still on Normanvilles" "Normanvilles"
keys q
expect_exit "filter q" 0

# The built-in directory reloads too (nothing to read from disk).
start 80 24
see "built-in: started" "20 of 20"
keys Tab j
selected "built-in: second centre" "Profession Banlieue"
keys F5
see "built-in: F5 reloads" "Reloaded"
selected "built-in: same centre" "Profession Banlieue"
see "built-in: the title still says built-in" "built-in directory — 20 of 20"
keys q
expect_exit "built-in reload q" 0

finish reload
