#!/bin/sh
# A slow or lost link: a held arrow key (500 ↓ at once) leaves the right
# final screen and an idle process; a terminal that goes away (the window
# closed, the SSH connection dropped) ends the program at once, also when
# SIGHUP is ignored (nohup), where the end of the terminal's input tells. On
# the test directory tests/data/annuaire.csv.
. tests/tui/tmux.sh


# --- 500 ↓ in one burst: the last region is selected, then nothing runs
start 80 24
see "burst: started" "18 of 18"
keys -N 500 Down
see "burst: the last territory is selected, its centre shown" "Centres: Val-de-Loire" \
	"Phone        02 61 91 11 85" "Name         Villes en Réseau"
# (Val-de-Loire: region and territory of one name, one line at the top)
if wait_selected "▸Val-de-Loire"; then
	pass "burst: the selection is on the last menu line"
else
	fail "burst: the selection is on the last menu line"; show
fi
# Idle afterwards: asleep, and no CPU time used over a second (a tick is
# 10 ms; one is allowed for the timer that checks for signals).
sleep 0.3
t0=$(cpu_ticks)
sleep 1
t1=$(cpu_ticks)
expect_eq "burst: the process sleeps afterwards" "$(proc_state)" S
if [ -n "$t0" ] && [ $((t1 - t0)) -le 1 ]; then
	pass "burst: no CPU used once the keys are done ($((t1 - t0)) ticks in 1 s)"
else
	fail "burst: no CPU used once the keys are done" "ticks: $t0 -> $t1"
fi
keys -N 500 Up
see "burst up: back to All centres" "Centres: All centres (18)"
keys F10
expect_exit "burst: F10" 0

# --- the terminal goes away: the program ends at once (SIGHUP). Without
# the exit-time leak check: LeakSanitizer's stop-the-world can deadlock
# with a terminal hanging up at that moment (the process left spinning);
# the same exit path is leak-checked in tests/tui/exit.sh (kill -HUP).
NO_LEAK_CHECK="ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0"
EXTRA_ENV=$NO_LEAK_CHECK start 80 24
see "window closed: started" "18 of 18"
p=$(pid)
tm kill-session -t "$S"
S=
i=0
while kill -0 "$p" 2>/dev/null && [ $i -lt 60 ]; do sleep 0.05; i=$((i + 1)); done
if kill -0 "$p" 2>/dev/null; then
	fail "window closed: the program has ended"
	kill -9 "$p"
else
	pass "window closed: the program has ended"
fi

# --- the same with SIGHUP ignored (nohup): the hung-up terminal is seen
cat >"$TMPD/nohup.sh" <<EOF
#!/bin/sh
trap '' HUP
exec $(q "$BIN") "\$@"
EOF
chmod +x "$TMPD/nohup.sh"
REAL_BIN=$BIN
BIN=$TMPD/nohup.sh
EXTRA_ENV=$NO_LEAK_CHECK start 80 24
BIN=$REAL_BIN
see "nohup, window closed: started" "18 of 18"
p=$(pid)
ign=$(awk '/^SigIgn/ {print $2}' "/proc/$p/status")
case "$ign" in *[13579bdf]) pass "nohup: SIGHUP is ignored by the program" ;;
*) fail "nohup: SIGHUP is ignored by the program" "SigIgn: $ign" ;; esac
tm kill-session -t "$S"
S=
i=0
while kill -0 "$p" 2>/dev/null && [ $i -lt 60 ]; do sleep 0.05; i=$((i + 1)); done
if kill -0 "$p" 2>/dev/null; then
	fail "nohup, window closed: the program has ended (its input hung up)" \
		"state: $(awk '{print $3}' "/proc/$p/stat")"
	kill -9 "$p"
else
	pass "nohup, window closed: the program has ended (its input hung up)"
fi

finish link
