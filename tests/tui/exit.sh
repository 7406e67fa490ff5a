#!/bin/sh
# Every way out restores the terminal (canonical mode and echo back, normal
# screen, cursor shown, no mouse reporting) with the right exit status:
# q and F10 -> 0, Ctrl-C -> 130, SIGTERM -> 143, SIGHUP -> 129. And q
# typed into the filter line is text, not quit. On the test directory
# tests/data/annuaire.csv.
. tests/tui/tmux.sh

start 80 24
see "q: started" "18 of 18"
keys q
expect_exit "q" 0

start 80 24
see "F10: started" "18 of 18"
keys Tab j F10
expect_exit "F10" 0

start 80 24
see "Ctrl-C: started" "18 of 18"
keys C-c
expect_exit "Ctrl-C" 130

start 80 24
see "Ctrl-C in the filter line: started" "18 of 18"
keys /
wait_for "Filter:"
send_text qu
see "q in the filter line is typed, not quit" "Filter: qu"
keys C-c
expect_exit "Ctrl-C in the filter line" 130

start 80 24
see "help: started" "18 of 18"
keys F1
see "help open" "Help (every key)"
keys q
see "q on the help closes it, does not quit" "18 of 18"
keys F1
see "help open again" "Help (every key)"
keys F10
expect_exit "F10 from the help" 0

start 80 24
see "SIGTERM: started" "18 of 18"
keys a
see "SIGTERM: About open" "About the network"
p=$(pid)
[ -n "$p" ] && kill -TERM "$p"
expect_exit "SIGTERM" 143

start 80 24
see "SIGHUP: started" "18 of 18"
keys y
see "SIGHUP: copy prompt open" "Copy what?"
p=$(pid)
[ -n "$p" ] && kill -HUP "$p"
expect_exit "SIGHUP" 129

# Signals that would end any program: the terminal is put back first, and
# the status says which signal ended it (128 + its number).
for pair in USR1:138 ALRM:142 XCPU:152 SEGV:139 USR2:140; do
	sig=${pair%%:*} want=${pair#*:}
	start 80 24
	see "SIG$sig: started" "18 of 18"
	keys Tab j
	wait_for "Maison des Lucioles"
	p=$(pid)
	[ -n "$p" ] && kill -"$sig" "$p"
	expect_exit "SIG$sig" "$want"
done

# Ctrl-S (XOFF) does not freeze the screen: flow control is off while the
# screen is up, and back on after.
start 80 24
see "Ctrl-S: started" "18 of 18"
keys C-s
keys Tab
focused "Ctrl-S: the screen still answers (Tab focuses the list)" "Centres: All centres"
keys j
selected "Ctrl-S: and j moves" "Maison des Lucioles"
keys q
expect_exit "Ctrl-S then q" 0
case " $(printf '%s\n' "$screen" | grep icanon | head -n 1) " in
*" ixon "*) pass "Ctrl-S: flow control (ixon) is back on after exit" ;;
*) fail "Ctrl-S: flow control (ixon) is back on after exit" "$(printf '%s\n' "$screen" | grep icanon)" ;;
esac

# Without mouse reporting asked: --no-mouse
start 80 24 --no-mouse
see "--no-mouse: started" "18 of 18"
expect_eq "--no-mouse: no mouse reporting while running" "$(tm display -p -t "$S" '#{mouse_any_flag}')" "0"
keys q
expect_exit "--no-mouse q" 0

finish exit
