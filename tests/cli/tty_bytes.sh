#!/bin/sh
# tty_bytes.sh: terminal economy, counted in bytes (not time) on the release
# binary in an 80x24 pseudo-terminal by build/release/ttybytes: each of 100
# moves writes at most 1 KB, each filter keystroke at most 3 KB, only Ctrl-L
# clears the screen, 100 moves arriving at once are drawn about once, and q
# exits 0. For TERM xterm-256color, xterm and vt100, run side by side, with
# the moves in the menu (where they also change the list and the card) and,
# after a Tab, in the list of centres (each move a new card).
. tests/lib.sh
REL=${CENTRES_REL:-./centres}
TB=$CENTRES_TOP/build/release/ttybytes
TERMS="xterm-256color xterm vt100"

if [ ! -x "$TB" ]; then
	fail "ttybytes is built" "missing: $TB (make build/release/ttybytes)"
	exit 1
fi

# Generous waits: they only decide when a key's output is complete, and the
# machine may be busy with other tests; what is checked is bytes.
TAB=$(printf '\t')
for t in $TERMS; do
	( "$TB" -k -t "$t" -q 30 -Q 300 -r 5000 -T 30000 "$REL" >"$TMPD/$t.kv" 2>"$TMPD/$t.err"
	  echo $? >"$TMPD/$t.rc" ) &
	( "$TB" -k -t "$t" -s "$TAB" -q 30 -Q 300 -r 5000 -T 30000 "$REL" \
		>"$TMPD/$t in the list.kv" 2>"$TMPD/$t in the list.err"
	  echo $? >"$TMPD/$t in the list.rc" ) &
	wait
done

for t in $TERMS "xterm-256color in the list" "xterm in the list" "vt100 in the list"; do
	kv() { sed -n "s/^$1=//p" "$TMPD/$t.kv"; }
	if [ "$(cat "$TMPD/$t.rc")" != 0 ] || [ -z "$(kv exit_status)" ]; then
		fail "$t: ttybytes measured the program" "$(cat "$TMPD/$t.err")"
		continue
	fi
	full=$(kv full_total)
	ctx="full repaint (Ctrl-L): $full bytes"

	max=$(kv move_max)
	if [ "$max" -le 1024 ]; then
		pass "$t: each of $(kv move_count) moves wrote at most 1024 bytes (max $max)"
	else
		fail "$t: each of $(kv move_count) moves wrote at most 1024 bytes" \
			"largest move: $max bytes; median of the $(kv moves_drawn) that drew: $(kv move_median_drawn); $ctx" \
			"(see them: $TB -t $t -d DIR $REL; cat -v DIR/move-*.out)"
	fi

	max=$(kv filter_max); smax=$(kv slash_max)
	[ "$smax" -gt "$max" ] && max=$smax
	if [ "$max" -le 3072 ]; then
		pass "$t: / and each filter keystroke wrote at most 3072 bytes (max $max)"
	else
		fail "$t: / and each filter keystroke wrote at most 3072 bytes" \
			"largest: $max bytes (/: $smax; filter median $(kv filter_median)); $ctx"
	fi

	# The clear-screen sequence is recognised (Ctrl-L sends it), and no
	# other key sends it.
	expect_eq "$t: Ctrl-L repaints the whole screen (clear-screen sent)" "$(kv full_clears)" 1
	expect_eq "$t: no move clears the screen" "$(kv move_clears)" 0
	expect_eq "$t: no filter key, Escape, Home or burst clears the screen" \
		"$(kv slash_clears) $(kv filter_clears) $(kv escape_clears) $(kv home_clears) $(kv burst_clears)" \
		"0 0 0 0 0"

	# The burst covers the same moves as the single keys (Home first), so a
	# program that draws once per key writes about as much again; one that
	# applies the pending keys first writes about one frame.
	drawn=$(kv moves_drawn); total=$(kv move_total); burst=$(kv burst_bytes)
	name="$t: 100 moves arriving at once are drawn about once (under a quarter of the bytes of 100 single moves)"
	if [ "$drawn" -lt 10 ]; then
		fail "$name" "only $drawn of the single moves drew: nothing to compare"
	elif [ $((burst * 4)) -lt "$total" ]; then
		pass "$name"
	else
		fail "$name" "burst: $burst bytes; the $drawn single moves that drew: $total bytes in all;" \
			"$ctx"
	fi

	expect_eq "$t: q exits with status 0" "$(kv exit_status)" 0
done
