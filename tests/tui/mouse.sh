#!/bin/sh
# The mouse: a click selects a line and focuses its pane, the wheel scrolls.
# The events are typed into the pane as a terminal sends them (xterm X10
# encoding, the kmous of tmux-256color: ESC [ M button x+33 y+33). On the test
# directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

# click X Y (0-based cell): press and release of the left button.
click() {
	cx=$(printf "\\$(printf '%03o' $(($1 + 33)))")
	cy=$(printf "\\$(printf '%03o' $(($2 + 33)))")
	send_text "$(printf '\033[M ')$cx$cy$(printf '\033[M#')$cx$cy"
}
# wheel_down X Y
wheel_down() {
	cx=$(printf "\\$(printf '%03o' $(($1 + 33)))")
	cy=$(printf "\\$(printf '%03o' $(($2 + 33)))")
	send_text "$(printf '\033[Ma')$cx$cy"
}

start 80 24
see "mouse: started" "18 of 18"
expect_eq "mouse: reporting on while running" "$(tm display -p -t "$S" '#{mouse_any_flag}')" "1"
# The list starts on line 2 (0-based) at column 29; its 4th line is OLV
# (Grand Comté).
click 40 5
selected "mouse: a click on a centre selects it" "Grand Comté"
see "mouse: its acronym in the contact" "Acronym      OLV"
see "mouse: its contact" "03 53 01 35 89"
focused "mouse: the click focused the list" "Centres: All centres"
# The menu: line 18 is Bois Joli, the first territory under Île-Verte.
click 5 18
selected "mouse: a click on a territory selects it" "Bois Joli"
see "mouse: its centre in the list" "Centres: Bois Joli (1)" "01 99 00 80 77"
focused "mouse: the click focused the menu" "Territories by region"
click 3 2
selected "mouse: a click on All centres" "All centres"
# Each notch of the wheel moves 3 lines: 3 notches, the 10th centre (Côte
# d'Azurine).
wheel_down 40 5
wheel_down 40 5
wheel_down 40 5
see "mouse: the wheel moves down the list" "04 65 71 50 41"
selected "mouse: the wheel selected the 10th centre" "Côte d'Azurine"
not_see "mouse: the first centre scrolled out of the list" "Atelier Régional"
keys q
expect_exit "mouse q" 0

finish mouse
