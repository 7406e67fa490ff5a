#!/bin/sh
# A hostile file on screen: fields with terminal escape sequences (set the
# title, clear the screen, write the clipboard), C1 controls and a bidi
# override are shown as visible placeholders; none reaches the terminal.
# Searching (typed straight in) finds the text after a sequence.
. tests/tui/tmux.sh

H=$TMPD/hostile.csv
{
	printf 'id,nom,sigle,territoire,territoire_2017,region,site_web,courriel,telephone,telephone_2,statut,note\n'
	printf '1,"Titre \033]0;pwned\007 fin",T1,Nord,,Hauts-de-France,www.a.fr,,01 11 11 11 11,,actif,"\033[2Jeffacer"\n'
	printf '2,Presse \033]52;c;cHduZWQ=\007papiers,,"Sud \033[31mrouge\033[0m",,Occitanie,www.b.fr,,02 22 22 22 22,,actif,ok\n'
	printf '3,Gamma \302\2332J csi,,Est,,Grand Est,,,"03 33 \033[2J33 33 33",,actif,\302\235osc\302\234\n'
	printf '4,Delta \342\200\256edcba bidi,,Ouest,,Bretagne,,,04 44 44 44 44,,actif,"\033]2;pwned\033\\"\n'
} >"$H"
expect_eq "fixture: 8 ESC in the file" "$(LC_ALL=C tr -d -c '\033' <"$H" | wc -c | tr -d ' ')" 8

start 132 40 "$H"
tm set -g set-clipboard on
tm delete-buffer >/dev/null 2>&1
tm select-pane -t "$S" -T "before"
see "hostile: the screen comes up" "4 of 4"
see "hostile: the status tells of warnings" "warning"
keys Tab
see "hostile: placeholders instead of the title sequence" "Titre ␛]0;pwned␇ fin"
see "hostile: placeholder instead of clear-screen" "␛[2Jeffacer"
# Every centre's contact is drawn, one after the other.
keys Down
see "hostile: row 2: OSC 52 shown, not sent" "␛]52;c;cHduZWQ=␇papiers"
see "hostile: row 2: colour sequence shown as text" "␛[31mrouge␛[0m"
keys Down
see "hostile: row 3: the phone with its placeholder" "03 33 ␛[2J33 33 33"
see "hostile: row 3: rest of the C1 field" "2J csi"
keys Down
see "hostile: row 4: bidi override neutralised, the text shown" "edcba bidi"
see "hostile: row 4: OSC 2 shown as text" "␛]2;pwned"
keys Tab
keys Tab
# After drawing all of it, the screen is intact and the terminal untouched.
see "hostile: the title line still there (no clear-screen)" "centres — "
expect_contains "hostile: the top line is the title" "$(printf '%s\n' "$screen" | head -n 1)" "4 of 4"
see "hostile: the key bar still there" "F10/^Q Quit"
t=$(tm display -p -t "$S" '#{pane_title}')
expect_not_contains "hostile: the pane title is not 'pwned'" "$t" "pwned"
expect_eq "hostile: the pane title unchanged" "$t" "before"
expect_eq "hostile: no clipboard write" "$(tm list-buffers 2>/dev/null | wc -l | tr -d ' ')" "0"
capture_e
if printf '%s\n' "$escreen" | grep -q -E "$ESC\\[([0-9]+;)*31m"; then
	fail "hostile: no red from the file" "$(printf '%s\n' "$escreen" | grep -E "$ESC\\[([0-9]+;)*31m" | cat -v | head -n 2)"
else
	pass "hostile: no red from the file"
fi
# Searching still works on the rest of the field.
send_text effacer
see "hostile: the search finds the text after the sequence" "Search: effacer" "1 of 4 centres match"
keys Escape
see "hostile: Esc" "4 of 4 centres shown"
keys F10
expect_exit "hostile F10" 0

finish hostile
