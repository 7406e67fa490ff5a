#!/bin/sh
# The contact card puts the phone first: for each of the 20 centres of the
# built-in directory (data/centres.csv), at 80x24 and at 64x20, Down through
# the list of All centres selects it and its card's first Phone line, on
# screen with no scrolling, is the centre's first number (the centre with
# none shows no Phone line, and its status). Then F4 copies each of La
# Réunion's two numbers (F4 1, F4 2, F4 Enter for the first) through OSC 52:
# tmux (set-clipboard on) gets exactly that number in its paste buffer.
. tests/tui/tmux.sh

DATA=builtin
# The centres, in the list's order: the territory the list shows (since 2017
# where it changed) and the first phone, as the release binary reads its
# built-in directory.
CENTRES=$(CENTRES_FILE='' "${CENTRES_REL:-./centres}" --list --format tsv |
	awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		{ t = $c["territoire_2017"] != "" ? $c["territoire_2017"] : $c["territoire"]
		  print $c["id"] "|" t "|" $c["telephone"] }')
n=$(printf '%s\n' "$CENTRES" | grep -c .)
expect_eq "the built-in directory lists 20 centres" "$n" 20

# card_phone: the first Phone line of the card (the right pane: what follows
# the last │ of each line), with its number: "Phone        NUMBER" on one
# line, or, narrower, "Phone" and the number on the next line.
card_phone() {
	printf '%s\n' "$screen" | sed -n 's/^.*│//p' | awk '
		p { sub(/^ +/, ""); sub(/ +$/, ""); print "Phone " $0; exit }
		/^ ?Phone( |$)/ { s = $0; sub(/^ ?Phone */, "", s); sub(/ +$/, "", s)
			if (s != "") { print "Phone " s; exit } else p = 1 }'
}
# wait_buffer TEXT: waits until tmux's newest paste buffer is exactly TEXT.
wait_buffer() {
	i=0
	while :; do
		buf=$(tm show-buffer 2>/dev/null)
		[ "$buf" = "$1" ] && return 0
		i=$((i + 1))
		[ "$i" -ge $((WAIT_S * 20)) ] && return 1
		sleep 0.05
	done
}
# copies SZ KEY NUMBER: F4 then KEY sends NUMBER to the clipboard.
copies() {
	keys F4
	see "$1: F4: the copy menu lists both numbers" "Copy: 1 02 62 20 55 42   2 02 62 20 55 43"
	keys "$2"
	see "$1: F4 $2: the status says what was sent" "Sent to your terminal's clipboard: $3"
	if wait_buffer "$3"; then
		pass "$1: F4 $2: tmux's buffer is exactly $3"
	else
		fail "$1: F4 $2: tmux's buffer is exactly $3" "buffer: '$(tm show-buffer 2>&1)'"
	fi
}

for size in "80 24" "64 20"; do
	# shellcheck disable=SC2086
	set -- $size
	sz=$1x$2
	start "$1" "$2"
	tm set -g set-clipboard on
	while tm delete-buffer >/dev/null 2>&1; do :; done
	see "$sz: started" " 20 of 20 centres shown"
	keys Tab
	reversed "$sz: Tab focuses the list" "Centres: All centres"
	while IFS='|' read -r id terr phone <&3; do
		[ "$id" = 1 ] || keys Down
		# the list shows at least 10 characters of the territory
		t=$(printf '%s' "$terr" | sed 's/^\(.\{10\}\).*/\1/')
		selected "$sz: Down to centre $id ($terr)" "$t" || continue
		settle
		if [ -n "$phone" ]; then
			expect_eq "$sz: centre $id: the card's first Phone line, on screen" "$(card_phone)" "Phone $phone"
		else
			expect_eq "$sz: centre $id: no phone, no Phone line" "$(card_phone)" ""
			see "$sz: centre $id: its status" "en préfiguration"
		fi
		if [ "$id" = 16 ]; then
			copies "$sz" 1 "02 62 20 55 42"
			copies "$sz" 2 "02 62 20 55 43"
			copies "$sz" Enter "02 62 20 55 42"
			selected "$sz: still on La Réunion" "La Réunion"
		fi
	done 3<<-EOF
		$CENTRES
	EOF
	keys F10
	expect_exit "$sz: F10" 0
done

finish card_phone
