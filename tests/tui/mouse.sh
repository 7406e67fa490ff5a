#!/bin/sh
# The mouse: a click selects a line and focuses its pane, the wheel scrolls,
# also while searching. The events are typed into the pane as a terminal
# sends them, in both encodings the input decoder reads whatever TERM says:
# xterm X10 (the kmous of tmux-256color: ESC [ M button x+33 y+33) and SGR
# (ESC [ < button ; x ; y M, release m). On the test directory
# tests/data/annuaire.csv.
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

# SGR: sgr_click X Y, sgr_wheel_up X Y, sgr_wheel_down X Y (0-based cells,
# sent 1-based)
sgr_click() { send_text "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' $(($1 + 1)) $(($2 + 1)) $(($1 + 1)) $(($2 + 1)))"; }
sgr_wheel_up() { send_text "$(printf '\033[<64;%d;%dM' $(($1 + 1)) $(($2 + 1)))"; }
sgr_wheel_down() { send_text "$(printf '\033[<65;%d;%dM' $(($1 + 1)) $(($2 + 1)))"; }

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
# The menu: line 12 (from 0) is Bois Joli, the first territory under Île-Verte.
click 5 12
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

# The same in SGR: the wheel up, then clicks.
sgr_wheel_up 40 5
sgr_wheel_up 40 5
see "SGR: the wheel moves up the list" "Atelier Régional"
selected "SGR: the wheel selected the 4th centre" "Grand Comté"
sgr_click 40 8
selected "SGR: a click on the 7th centre selects it" "Causses"
see "SGR: its contact" "Name         Ressources & Quartiers" "05 36 49 38 34"
sgr_click 5 12
selected "SGR: a click on a territory selects it" "Bois Joli"
see "SGR: its centre in the list" "Centres: Bois Joli (1)" "01 99 00 80 77"
focused "SGR: the click focused the menu" "Territories by region"
sgr_click 3 2
selected "SGR: a click on All centres" "All centres"
# While searching: a click picks among the centres found (the 2nd of 5).
send_text quartiers
see "search: 5 of 18 match" "Search: quartiers" "5 of 18 centres match"
sgr_click 40 3
selected "search: a click on the 2nd centre found selects it" "Ressources & Quartiers"
see "search: its contact" "05 36 49 38 34"
see "search: the search is unchanged" "Search: quartiers  (Esc: clear)"
keys F10
expect_exit "mouse F10" 0

finish mouse
