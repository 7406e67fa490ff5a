#!/bin/sh
# Resizing: 132x40 -> 40x10 -> 132x40 keeps the selection; a search typed
# stays through resizes, and typing goes on into it; the help survives tiny
# sizes; a terminal too small says so (enlarge it or press F10); tiny
# terminals down to 1x1 (at start and by resizing, in every mode) never
# crash, and F10 still quits with status 0. On the test directory
# tests/data/annuaire.csv.
. tests/tui/tmux.sh

ILES1="02 61 91 55 42" ILES2="02 61 91 55 43"

# --- 132x40 -> 40x10 -> 132x40
start 132 40
see "132x40: started" "18 of 18"
keys Tab
i=0
while [ $i -lt 13 ]; do keys Down; i=$((i + 1)); done
selected "132x40: the centre of Îles du Levant selected" "Îles du Levant"
see "132x40: its acronym" "Acronym      CR-CDI"
see "132x40: its phone" "$ILES1"
resize 40 10
see "40x10: one pane: the list alone" "Centres: All centres"
not_see "40x10: no menu beside it" "Territories by region"
selected "40x10: the same centre still selected (and in view), its phone beside it" "02 61 91 55 42"
keys Enter
see "40x10: Enter: its contact, name and phone first" "Contact" "Centre de ressources Cohésion des Îles" "$ILES1"
keys End
see "40x10: End scrolls the contact to its end" "Acronym" "CR-CDI"
not_see "40x10: the phones scrolled away" "$ILES1"
keys Home
see "40x10: Home back to the phones" "$ILES1"
resize 132 40
see "back to 132x40: three columns" "Territories by region"
case "$(line_with 'Territories by region')" in
*"│"*"│ Contact"*) pass "back to 132x40: menu | list | contact" ;;
*) fail "back to 132x40: menu | list | contact" "$(line_with 'Territories by region')" ;;
esac
selected "back to 132x40: the same centre selected" "Îles du Levant"
see "back to 132x40: its phones" "$ILES1" "$ILES2"
resize 80 24
see "80x24: list above contact" "│ Contact"
selected "80x24: the same centre selected" "Îles du Levant"
see "80x24: its phone" "$ILES1"
# Resizing with a search typed keeps the query and the results.
send_text 04657101
see "a search: ARS•DUL" "Search: 04657101" "1 of 18 centres match"
resize 50 20
see "50x20 while searching: the query still there" "Search: 04657101"
send_text 4
see "50x20: typing still searches" "Search: 046571014"
resize 132 40
see "132x40: the search line, the result" "Search: 046571014" "1 of 18 centres match" "04 65 71 01 43"
keys Escape
see "Esc after resizes: all 18" "All centres                  18" "18 of 18 centres shown"
# Help open through tiny sizes.
keys F1
see "help open" "Help (every key)"
resize 1 1
resize 10 3
resize 3 10
resize 80 24
see "help survives 1x1, 10x3, 3x10" "Help (every key)" "Move down"
keys q
see "help closed" "Territories by region"
keys F10
expect_exit "after resizes F10" 0

# --- too small, then usable again
start 80 24
see "80x24: started" "18 of 18"
resize 19 5
see "19x5: says the terminal is too small, and F10 quits" "Terminal too small" "or press F10"
resize 20 6
see "20x6 (smallest): a usable screen" " centres — tests"
not_see "20x6: not 'too small'" "Terminal too small"
resize 80 24
see "back to 80x24" "18 of 18" "Phone        04 65 71 01 43"
# F10 quits from the too-small screen, as it says.
resize 19 5
see "19x5 again: too small" "Terminal too small"
keys F10
expect_exit "too small: F10" 0

# --- 1x1 from the start
start 1 1
if wait_started; then pass "1x1: the program takes the terminal"; else fail "1x1: the program takes the terminal" "no alternate screen"; fi
keys j
keys C-l
resize 30 8
see "started at 1x1, then 30x8: drawn" "centres"
resize 1 1
keys Tab Enter
keys C-l
resize 2 2
resize 1 1
keys F10
resize 80 6
wait_exit
expect_eq "1x1: F10 quits with status 0" "$status" "0" || show
expect_contains "1x1: icanon and echo back" "$screen" "icanon echo"

finish resize
