#!/bin/sh
# Signals end the program at once, whatever it is doing, on the release
# build in a pseudo-terminal (tests/helpers/pty_signal): SIGTERM, SIGHUP or
# SIGINT while its output is stalled (an SSH client that stopped reading: it
# used to wait, forever here, until the output drained), SIGHUP during the
# reload of two million rows that Ctrl-R started (seen at work as the
# signal came; it used to finish the reload first); the terminal's settings
# put back.
. tests/lib.sh
REL=${CENTRES_REL:-./centres}
PS=$CENTRES_TOP/build/helpers/pty_signal
if [ ! -x "$PS" ]; then
	fail "pty_signal is built" "missing: $PS (make build/helpers/pty_signal)"
	exit 1
fi
kv() { printf '%s\n' "$res" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# --- output stalled: 300 Ctrl-L (full repaints) that nobody reads
for sig in TERM HUP INT; do
	res=$("$PS" -n -k '\f' -r 300 -s $sig "$REL" tests/data/annuaire.csv)
	case $sig in TERM) want=143 ;; HUP) want=129 ;; INT) want=130 ;; esac
	expect_eq "SIG$sig, output stalled: the program ends" "$(kv ended)" 1
	if [ "$(kv ended)" = 1 ] && [ "$(kv ms)" -lt 1000 ]; then
		pass "SIG$sig, output stalled: within a second ($(kv ms) ms)"
	else
		fail "SIG$sig, output stalled: within a second" "$res"
	fi
	expect_eq "SIG$sig, output stalled: status" "$(kv status)" "$want"
	expect_eq "SIG$sig, output stalled: the terminal's settings back (icanon echo ixon)" \
		"$(kv icanon)$(kv echo)$(kv ixon)" 111
done

# --- a reload of two million rows, interrupted 200 ms in
awk 'BEGIN { print "nom,territoire,region,telephone"
	for (i = 1; i <= 2000000; i++) printf "Maison %d,Territoire %d,Region %d,01 99 00 %02d %02d\n", i, i % 5000, i % 50, i % 100, (i / 100) % 100 }' \
	>"$TMPD/big.csv"
t0=$(date +%s%N)
"$REL" --list "$TMPD/big.csv" >/dev/null
load_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
if [ "$load_ms" -lt 1000 ]; then
	echo "SKIP SIGHUP during a reload: this machine loads two million rows in $load_ms ms, too fast to tell"
else
	# Ctrl-R (\022) reloads; r would only go into the search.
	res=$("$PS" -k '\022' -d 200 -s HUP "$REL" "$TMPD/big.csv")
	if [ "$(kv busy)" = 1 ]; then
		pass "SIGHUP during a reload: Ctrl-R had the program at work as the signal came ($(kv cpu_ms) ms of CPU in the 200 ms before)"
	else
		fail "SIGHUP during a reload: Ctrl-R had the program at work as the signal came" "$res"
	fi
	expect_eq "SIGHUP during a reload: the program ends" "$(kv ended)" 1
	expect_eq "SIGHUP during a reload: status 129" "$(kv status)" 129
	if [ "$(kv ended)" = 1 ] && [ "$(kv ms)" -lt 250 ]; then
		pass "SIGHUP during a reload: before the reload could end ($(kv ms) ms; a load takes $load_ms ms)"
	else
		fail "SIGHUP during a reload: before the reload could end (250 ms)" "$res; a load takes $load_ms ms"
	fi
fi
