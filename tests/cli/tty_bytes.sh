#!/bin/sh
# tty_bytes.sh: terminal economy, counted in bytes (not time) on the release
# binary in an 80x24 pseudo-terminal by build/release/ttybytes: each of 100
# moves writes at most 1 KB, each keystroke of a search typed on the main
# screen at most 3 KB, only Ctrl-L clears the screen, 100 moves arriving at
# once are drawn about once, and F10 exits 0. For TERM xterm-256color, xterm
# and vt100, run side by side, with the moves in the menu (where they also
# change the list and the card) and, after a Tab, in the list of centres
# (each move a new card). On the test directory tests/data/annuaire.csv,
# searched with "levant" (make bench measures the built-in directory); the
# moves in the menu are held to 1 KB on the built-in directory too, where
# that budget was first measured (on the test directory one move wrote 1044
# bytes with xterm before the card lost its id and common status: 948 now).
. tests/lib.sh
REL=${CENTRES_REL:-./centres}
TB=$CENTRES_TOP/build/release/ttybytes
FX=tests/data/annuaire.csv
WORD=levant
TERMS="xterm-256color xterm vt100"

if [ ! -x "$TB" ]; then
	fail "ttybytes is built" "missing: $TB (make build/release/ttybytes)"
	exit 1
fi

# Generous waits: they only decide when a key's output is complete, and the
# machine may be busy with other tests; what is checked is bytes.
TAB=$(printf '\t')
for t in $TERMS; do
	( "$TB" -k -t "$t" -f "$WORD" -q 30 -Q 300 -r 5000 -T 30000 "$REL" "$FX" >"$TMPD/$t.kv" 2>"$TMPD/$t.err"
	  echo $? >"$TMPD/$t.rc" ) &
	( "$TB" -k -t "$t" -f "$WORD" -s "$TAB" -q 30 -Q 300 -r 5000 -T 30000 "$REL" "$FX" \
		>"$TMPD/$t in the list.kv" 2>"$TMPD/$t in the list.err"
	  echo $? >"$TMPD/$t in the list.rc" ) &
	# the built-in directory, for the budget of the moves in the menu
	( env CENTRES_FILE= "$TB" -k -t "$t" -q 30 -Q 300 -r 5000 -T 30000 "$REL" \
		>"$TMPD/$t built-in.kv" 2>"$TMPD/$t built-in.err"
	  echo $? >"$TMPD/$t built-in.rc" ) &
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

	# The move budget, on each run it is checked on: mv the run, where its
	# data, said; the moves in the menu on the built-in directory too.
	runs="$t"
	case $t in *" in the list") ;; *) runs="$t|$t built-in" ;; esac
	old_ifs=$IFS
	IFS='|'
	for mv in $runs; do
		IFS=$old_ifs
		where='' data=$FX opts="-f $WORD "
		case $mv in *" built-in") where=", on the built-in directory" data='' opts='' ;; esac
		mkv() { sed -n "s/^$1=//p" "$TMPD/$mv.kv"; }
		max=$(mkv move_max)
		if [ "$(cat "$TMPD/$mv.rc")" != 0 ] || [ -z "$max" ]; then
			fail "$t: each of the moves wrote at most 1024 bytes$where" \
				"ttybytes could not measure the program: $(cat "$TMPD/$mv.err")"
		elif [ "$max" -le 1024 ]; then
			pass "$t: each of $(mkv move_count) moves wrote at most 1024 bytes$where (max $max)"
		else
			fail "$t: each of $(mkv move_count) moves wrote at most 1024 bytes$where" \
				"largest move: $max bytes; median of the $(mkv moves_drawn) that drew: $(mkv move_median_drawn); full repaint (Ctrl-L): $(mkv full_total) bytes" \
				"(see them: $TB -t $t ${opts}-d DIR $REL${data:+ $data}; cat -v DIR/move-*.out)"
		fi
	done
	IFS=$old_ifs

	max=$(kv search_max)
	if [ "$(kv search_count)" != "${#WORD}" ]; then
		fail "$t: each keystroke of the search was measured" "$(kv search_count) of ${#WORD}"
	elif [ "$(kv search_silent)" != 0 ]; then
		fail "$t: each keystroke of the search typed is drawn (the search line changes)" \
			"$(kv search_silent) of ${#WORD} wrote nothing"
	elif [ "$max" -le 3072 ]; then
		pass "$t: each keystroke of the search typed is drawn, and wrote at most 3072 bytes (max $max)"
	else
		fail "$t: each keystroke of the search typed wrote at most 3072 bytes" \
			"largest: $max bytes (median $(kv search_median)); $ctx"
	fi

	# The clear-screen sequence is recognised (Ctrl-L sends it), and no
	# other key sends it.
	expect_eq "$t: Ctrl-L repaints the whole screen (clear-screen sent)" "$(kv full_clears)" 1
	expect_eq "$t: no move clears the screen" "$(kv move_clears)" 0
	expect_eq "$t: no search key, Escape, Home or burst clears the screen" \
		"$(kv search_clears) $(kv escape_clears) $(kv home_clears) $(kv burst_clears)" \
		"0 0 0 0"

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

	expect_eq "$t: F10 exits with status 0" "$(kv exit_status)" 0
done
