#!/bin/sh
# The first screen at the usual sizes, in colour and without: title, menu,
# list, contact detail, the empty search line with its hint, the status
# line's hint and the key bar (function keys with their Ctrl-keys, more of
# them on wider terminals); the layout of each width; an unknown TERM.
# On the test directory tests/data/annuaire.csv (the built-in one:
# tests/tui/shipped_data.sh).
. tests/tui/tmux.sh

# common W H: what every layout shows at start.
common() {
	sz=$1x$2
	see "$sz: title with source and count" "centres — tests/data/annuaire.csv" "18 of 18"
	expect_contains "$sz: the title is the top line" "$(printf '%s\n' "$screen" | head -n 1)" "18 of 18"
	keybar_has "$sz: key bar F1/^G Help, F4/^Y Copy, F10/^Q Quit" "F1/^G Help  *" "*  F4/^Y Copy  *" "*  F10/^Q Quit"
	expect_eq "$sz: the empty search line, third from the bottom" \
		"$(printf '%s\n' "$screen" | tail -n 3 | head -n 1 | sed 's/ *$//')" "Search:  a name, a town, a phone number..."
	selected "$sz: 'All centres' selected first" "All centres"
	expect_contains "$sz: 'All centres' counts 18" "$(line_with 'All centres')" "18"
	expect_contains "$sz: status line says how to start" "$(printf '%s\n' "$screen" | tail -n 2 | head -n 1)" "Type a name, a place or a phone number."
}

# --- 80x24: territories | list above the detail
start 80 24
common 80 24
# Esc does nothing at the menu with no search: not offered there.
expect_eq "80x24: the whole key bar" "$(last_line | sed 's/ *$//')" \
	"F1/^G Help  Tab Pane  Enter Open  F4/^Y Copy  F7/^T Sort  F10/^Q Quit"
see "80x24: list heading beside the menu heading" "Territories by region      │ Centres: All centres (18)"
selected "80x24: first centre selected" "Atelier Régional"
see "80x24: contact detail below the list" "│ Contact" "Phone        04 65 71 01 43" "Website      www.ars-dul.example"
l=$(printf '%s\n' "$screen" | grep -n '│ Contact' | cut -d: -f1)
if [ "${l:-0}" -gt 3 ]; then pass "80x24: detail under the list"; else fail "80x24: detail under the list" "Contact heading on line ${l:-none}"; fi
see "80x24: region Île-Verte with its count" " Île-Verte                4 │"
expect_contains "80x24: territory Bois Joli indented under Île-Verte" \
	"$(printf '%s\n' "$screen" | grep -A1 '^ Île-Verte' | tail -n 1)" "   Bois Joli"
focused "80x24: the menu has the focus (reverse heading)" "Territories by region"
if printf '%s\n' "$escreen" | grep -q -E "$ESC\\[([0-9]+;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]"; then
	pass "80x24: colours used by default"
else
	fail "80x24: colours used by default" "no colour attribute on screen"
fi
keys Tab
focused "80x24: Tab focuses the list (reverse heading)" "Centres: All centres"
keys F10
expect_exit "80x24 F10" 0

# --- 132x40: three columns
start 132 40
common 132 40
keybar_has "132x40: key bar has Export, File, Reload and About too" "*  Tab Pane  Enter Open  *" \
	"*  F2/^S Export  *" "*  F3/^O File  *" "*  F5/^R Reload  *" "*  F6/^A About  *"
see "132x40: three columns on one line" "Territories by region"
case "$(line_with 'Territories by region')" in
*"│ Centres: All centres (18)"*"│ Contact"*) pass "132x40: menu | list | contact side by side" ;;
*) fail "132x40: menu | list | contact side by side" "$(line_with 'Territories by region')" ;;
esac
see "132x40: contact of the first centre" "Phone        04 65 71 01 43"
# Every territory of Île-Verte under the region, indented.
ile=$(printf '%s\n' "$screen" | grep -A4 '^ Île-Verte' | awk -F'│' '{ print $1 }')
for t in "Bois Joli" Haute-Côte Port-Émeraude Val-des-Saules; do
	expect_contains "132x40: '$t' under Île-Verte" "$ile" "   $t"
done
expect_contains "132x40: Île-Verte counts 4" "$(line_with ' Île-Verte ')" " 4 "
see "132x40: territories listed down to the last region" " Îles du Levant " " Archipel " " Val-de-Loire "
keys F10
expect_exit "132x40 F10" 0

# --- 200x60: still three columns, everything visible
start 200 60
common 200 60
see "200x60: contact of the first centre" "Phone        04 65 71 01 43"
# (cut there at 80 and 132 columns)
not_see "200x60: names not cut in the list" "Atelier Régional des Solidarité…"
# A centre of two regions: its territory under both.
expect_contains "200x60: Bocage - Marais under Bocage" \
	"$(printf '%s\n' "$screen" | grep -A1 '^ Bocage ' | tail -n 1)" "   Bocage - Marais"
expect_contains "200x60: Bocage - Marais under Marais" \
	"$(printf '%s\n' "$screen" | grep -A1 '^ Marais' | tail -n 1)" "   Bocage - Marais"
keybar_has "200x60: the whole key bar" \
	"F1/^G Help  Tab Pane  Enter Open  F4/^Y Copy  F7/^T Sort  F2/^S Export  F3/^O File  F5/^R Reload  F6/^A About  F10/^Q Quit*"
keys C-q
expect_exit "200x60 Ctrl-Q" 0

# --- 50x20: one pane at a time, the menu first
start 50 20
common 50 20
see "50x20: the menu alone" " Territories by region"
not_see "50x20: no list pane beside it" "Centres:"
not_see "50x20: no contact pane" "Contact"
not_see "50x20: no separator" "│"
# One pane at a time: no Tab; at the menu, no Back either (it would do
# nothing); in the list, Back.
expect_eq "50x20: the key bar at the menu" "$(last_line | sed 's/ *$//')" "F1/^G Help  Enter Open  F4/^Y Copy  F10/^Q Quit"
keys Enter
wait_for "Centres: All"
expect_eq "50x20: the key bar in the list, Back for Tab" "$(last_line | sed 's/ *$//')" "F1/^G Help  ← Back  F4/^Y Copy  F10/^Q Quit"
keys F10
expect_exit "50x20 F10" 0

# --- colours (used by default, see above): absent with NO_COLOR or
# --no-color, and the selection still visible (reverse video).
colour_sgr="$ESC\\[([0-9]+;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]"
for how in "NO_COLOR=1" "--no-color"; do
	if [ "$how" = "--no-color" ]; then start 80 24 --no-color; else EXTRA_ENV=$how start 80 24; fi
	common 80 24
	see "$how: contact shown" "Phone        04 65 71 01 43"
	capture_e
	if printf '%s\n' "$escreen" | grep -q -E "$colour_sgr"; then
		fail "$how: no colour" "$(printf '%s\n' "$escreen" | grep -E "$colour_sgr" | head -n 3 | cat -v)"
	else
		pass "$how: no colour"
	fi
	if printf '%s\n' "$escreen" | grep -q -E "$ESC\\[([0-9]+;)*7m($ESC\\[[0-9;]*m)*All centres"; then
		pass "$how: the selection is in reverse video"
	else
		fail "$how: the selection is in reverse video" "$(line_with 'All centres')"
	fi
	# and it still works: typing narrows the list
	send_text iles
	see "$how: searching works" "Search: iles" "1 of 18 centres match" "02 61 91 55 42"
	keys F10
	expect_exit "$how F10" 0
done

# --- an unknown terminal type: drawn as xterm-256color, with a notice
TERM_ENV=nonexistent-term start 80 24
see "unknown TERM: a notice on the status line" "TERM nonexistent-term is not installed here: drawing as xterm-256color."
see "unknown TERM: the screen is drawn" "18 of 18" "All centres" "Phone        04 65 71 01 43" "F10"
keybar_has "unknown TERM: the key bar" "F1/^G Help  *" "*  F10/^Q Quit"
keys F10
expect_exit "unknown TERM F10" 0 xterm-256color

finish first_screen
