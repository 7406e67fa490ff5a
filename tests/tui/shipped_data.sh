#!/bin/sh
# The built-in directory (data/centres.csv, compiled into the binary) on the
# screen: the one screen script that depends on the product's data; the
# others run on tests/data/annuaire.csv. Its title, the region Île-de-France
# and its four territories, the centre of La Réunion found by a search with
# both its phones, the first centre's card, and F5 reloading the built-in
# directory (nothing to read from disk). Edit these checks with
# data/centres.csv.
. tests/tui/tmux.sh

# --- 132x40: the whole menu on screen
DATA=builtin start 132 40
see "built-in: the title names the built-in directory" "centres — built-in directory — 20 of 20 centres shown"
expect_contains "built-in: 'All centres' counts 20" "$(line_with '▸All centres')" " 20 │"
see "built-in: the first centre's phone on its card" "Phone        04 78 77 01 43"
expect_contains "built-in: Île-de-France counts 4" "$(line_with ' Île-de-France ')" " 4 "
ile=$(printf '%s\n' "$screen" | grep -A4 '^ Île-de-France' | awk -F'│' '{ print $1 }')
for t in Essonne Paris "Seine Saint-Denis" "Val d'Oise"; do
	expect_contains "built-in: '$t' under Île-de-France" "$ile" "   $t"
done
send_text reunion
see "built-in: reunion typed: 1 of 20 match" "Search: reunion" "1 of 20 centres match"
see "built-in: reunion: the centre of La Réunion" "Acronym      CR-CSUR" "Territory    La Réunion" \
	"Départements 974"
see "built-in: reunion: both its phones" "02 62 20 55 42" "02 62 20 55 43"
keys Escape
see "built-in: Esc: every centre again" "20 of 20 centres shown"
keys F10
wait_exit
expect_eq "built-in: F10" "$status" 0

# --- 80x24: the built-in directory reloads too (nothing to read from disk)
DATA=builtin start 80 24
see "built-in: started" "20 of 20"
keys Tab Down
selected "built-in: second centre" "Profession Banlieue"
keys F5
see "built-in: F5 reloads" "Reloaded"
selected "built-in: same centre" "Profession Banlieue"
see "built-in: the title still says built-in" "built-in directory — 20 of 20"
keys F10
expect_exit "built-in reload F10" 0

finish shipped_data
