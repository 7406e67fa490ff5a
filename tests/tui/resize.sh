#!/bin/sh
# Resizing: 132x40 -> 40x10 -> 132x40 keeps the selection; tiny terminals
# down to 1x1 (at start and by resizing, in every mode) never crash, and q
# still quits with status 0. On the test directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

ILES1="02 61 91 55 42" ILES2="02 61 91 55 43"

# --- 132x40 -> 40x10 -> 132x40
start 132 40
see "132x40: started" "18 of 18"
keys Tab
i=0
while [ $i -lt 13 ]; do keys j; i=$((i + 1)); done
selected "132x40: the centre of Îles du Levant selected" "Îles du Levant"
see "132x40: its acronym" "Acronym      CR-CDI"
see "132x40: its phone" "$ILES1"
resize 40 10
see "40x10: one pane: the list alone" "Centres: All centres"
not_see "40x10: no menu beside it" "Territories by region"
selected "40x10: the same centre still selected (and in view)" "Îles du Levant"
keys Enter
see "40x10: Enter: its contact" "Contact" "CR-CDI"
keys End
see "40x10: End scrolls the contact to the phones" "$ILES1" "$ILES2"
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
# Resizing with the filter line open keeps the query and the results.
keys /
wait_for "Filter:"
send_text 04657101
see "filter open: ARS•DUL" "1 of 18 centres match"
resize 50 20
see "50x20 while filtering: the query still there" "Filter: 04657101"
send_text 4
see "50x20: typing still filters" "Filter: 046571014"
resize 132 40
see "132x40: the filter line, the result" "Filter: 046571014" "1 of 18 centres match" "04 65 71 01 43"
keys Escape
see "Esc after resizes: all 18" "All centres                  18"
# Help open through tiny sizes.
keys '?'
see "help open" "Help (every key)"
resize 1 1
resize 10 3
resize 3 10
resize 80 24
see "help survives 1x1, 10x3, 3x10" "Help (every key)" "Move down"
keys q
see "help closed" "Territories by region"
keys q
expect_exit "after resizes q" 0

# --- too small, then usable again
start 80 24
see "80x24: started" "18 of 18"
resize 19 5
see "19x5: says the terminal is too small" "Terminal too small"
resize 20 6
see "20x6 (smallest): a usable screen" " centres — tests"
not_see "20x6: not 'too small'" "Terminal too small"
resize 80 24
see "back to 80x24" "18 of 18" "Phone        04 65 71 01 43"
keys q
expect_exit "too small and back q" 0

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
keys q
resize 80 6
wait_exit
expect_eq "1x1: q quits with status 0" "$status" "0" || show
expect_contains "1x1: icanon and echo back" "$screen" "icanon echo"

finish resize
