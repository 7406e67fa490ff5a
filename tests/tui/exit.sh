#!/bin/sh
# Every way out restores the terminal (canonical mode and echo back, normal
# screen, cursor shown, no mouse reporting, the program's screen gone) with
# the right exit status: F10, Ctrl-Q and Ctrl-X -> 0; Ctrl-C twice within
# 2 s -> 130 (one alone only says how to quit, and also leaves a prompt);
# SIGTERM -> 143, SIGHUP -> 129, other fatal signals 128 + their number.
# q on the main screen is typed into the search, not quit; on the help it
# closes it. Ctrl-S opens the export prompt, never freezes the screen (flow
# control off while it is up, back on after). On the test directory
# tests/data/annuaire.csv.
. tests/tui/tmux.sh

# quit_ok NAME STATUS: expect_exit, and the key bar gone with the
# program's screen (the normal screen is back).
quit_ok() {
	expect_exit "$1" "$2"
	case "$screen" in
	*"^Q Quit"* | *"Esc Clear"*) fail "$1: the key bar is gone" "still on screen after the exit"; show_or_ended ;;
	*) pass "$1: the key bar is gone" ;;
	esac
}

start 80 24
see "q: started" "18 of 18"
send_text q
see "q on the main screen is typed into the search" "Search: q  (Esc: clear)"
see "q: the program is still there, searching" "of 18 centres match"
keys F10
quit_ok "F10 after q" 0

start 80 24
see "F10: started" "18 of 18"
keys Tab Down F10
quit_ok "F10" 0

start 80 24
see "Ctrl-Q: started" "18 of 18"
keys C-q
quit_ok "Ctrl-Q" 0

start 80 24
see "Ctrl-X: started" "18 of 18"
keys C-x
quit_ok "Ctrl-X" 0

# Ctrl-C: the first says how to quit, for 2 s; then one is a first again.
start 80 24
see "Ctrl-C: started" "18 of 18"
keys C-c
see "Ctrl-C once: says how to quit" "Press Ctrl-C again to quit (or F10)."
if wait_gone "Press Ctrl-C again"; then
	pass "Ctrl-C once: the message goes after 2 s"
else
	fail "Ctrl-C once: the message goes after 2 s"; show_or_ended
fi
see "Ctrl-C once: the program goes on" "18 of 18 centres shown"
keys C-c
see "Ctrl-C after 2 s: a first one again" "Press Ctrl-C again to quit (or F10)."
keys C-c
quit_ok "Ctrl-C twice" 130

start 80 24
see "Ctrl-C while searching: started" "18 of 18"
send_text qu
see "q in the search is typed, not quit" "Search: qu"
keys C-c C-c
quit_ok "Ctrl-C twice while searching" 130

start 80 24
see "Ctrl-C in a prompt: started" "18 of 18"
keys F2
see "Ctrl-C in a prompt: F2 opens the export prompt" "Export 18 centres to: centres-export.csv"
keys C-c
see "Ctrl-C leaves the prompt and says how to quit" "Press Ctrl-C again to quit (or F10)."
not_see "Ctrl-C: the prompt is gone" "Export 18 centres to:"
keybar_has "Ctrl-C: the main key bar is back" "*F1/^G Help*" "*F10/^Q Quit*"
keys C-c
quit_ok "Ctrl-C twice from a prompt" 130

start 80 24
see "help: started" "18 of 18"
keys F1
see "help open" "Help (every key)"
keys q
see "q on the help closes it, does not quit" "18 of 18"
keys C-g
see "Ctrl-G opens the help too" "Help (every key)"
keys F10
quit_ok "F10 from the help" 0

start 80 24
see "SIGTERM: started" "18 of 18"
keys F6
see "SIGTERM: About open" "About the network"
p=$(pid)
[ -n "$p" ] && kill -TERM "$p"
quit_ok "SIGTERM" 143

start 80 24
see "SIGHUP: started" "18 of 18"
keys F4
see "SIGHUP: copy menu open" "Copy: 1 04 65 71 01 43"
p=$(pid)
[ -n "$p" ] && kill -HUP "$p"
quit_ok "SIGHUP" 129

# Signals that would end any program: the terminal is put back first, and
# the status says which signal ended it (128 + its number).
for pair in USR1:138 ALRM:142 XCPU:152 SEGV:139 USR2:140; do
	sig=${pair%%:*} want=${pair#*:}
	start 80 24
	see "SIG$sig: started" "18 of 18"
	keys Tab Down
	wait_for "Name         Maison des Lucioles"
	p=$(pid)
	[ -n "$p" ] && kill -"$sig" "$p"
	quit_ok "SIG$sig" "$want"
done

# Ctrl-S (XOFF) does not freeze the screen: flow control is off while the
# screen is up, and back on after; Ctrl-S is the export prompt.
start 80 24
see "Ctrl-S: started" "18 of 18"
keys C-s
see "Ctrl-S: the screen answers with the export prompt" "Export 18 centres to: centres-export.csv"
keys Escape
see "Ctrl-S Esc: nothing exported" "Nothing exported."
keys Tab
focused "Ctrl-S: the screen still answers (Tab focuses the list)" "Centres: All centres"
keys Down
selected "Ctrl-S: and Down moves" "Maison des Lucioles"
keys F10
quit_ok "Ctrl-S then F10" 0
case " $(printf '%s\n' "$screen" | grep icanon | head -n 1) " in
*" ixon "*) pass "Ctrl-S: flow control (ixon) is back on after exit" ;;
*) fail "Ctrl-S: flow control (ixon) is back on after exit" "$(printf '%s\n' "$screen" | grep icanon)" ;;
esac

# Without mouse reporting asked: --no-mouse
start 80 24 --no-mouse
see "--no-mouse: started" "18 of 18"
expect_eq "--no-mouse: no mouse reporting while running" "$(tm display -p -t "$S" '#{mouse_any_flag}')" "0"
keys F10
quit_ok "--no-mouse F10" 0

finish exit
