#!/bin/sh
# y then p/e/w/c: the field goes to the terminal's clipboard with OSC 52.
# tmux (set-clipboard on) takes the sequence into a paste buffer; the raw
# output of the pane is also logged with pipe-pane and decoded. On the test
# directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

ILES="02 61 91 55 42"

# osc52_texts: every text sent with OSC 52 so far, decoded, one a line.
osc52_texts() {
	tr '\007' '\n' <"$TMPD/pane.log" | grep -a -o ']52;c;[A-Za-z0-9+/=]*' | sed 's/^]52;c;//' |
		while read -r b; do printf '%s' "$b" | base64 -d 2>/dev/null; echo; done
}
# wait_buffer TEXT: waits until tmux's newest paste buffer contains TEXT.
wait_buffer() {
	i=0
	while :; do
		buf=$(tm show-buffer 2>/dev/null)
		case "$buf" in *"$1"*) return 0 ;; esac
		i=$((i + 1))
		[ "$i" -ge $((WAIT_S * 20)) ] && return 1
		sleep 0.05
	done
}

for size in "80 24" "50 20"; do
	# shellcheck disable=SC2086
	set -- $size
	sz=$1x$2
	rm -f "$TMPD/pane.log"
	start "$1" "$2"
	tm set -g set-clipboard on
	tm delete-buffer >/dev/null 2>&1
	tm pipe-pane -t "$S" -O "cat >>$TMPD/pane.log"
	see "$sz: started" "18 of 18"
	keys /
	wait_for "Filter:"
	send_text iles
	# (the title is cut at 50 columns: "1 of 18 cent…")
	see "$sz: filtered to Îles du Levant" "1 of 18"
	keys Enter
	see "$sz: filter kept" "1 centre match"
	keys y
	see "$sz: y asks what to copy" "Copy what? p phone"
	keys p
	see "$sz: the status line says what was copied" "Copied phone number to the clipboard"
	if wait_buffer "$ILES"; then
		pass "$sz: tmux received the phone number (OSC 52)"
	else
		fail "$sz: tmux received the phone number (OSC 52)" "buffer: $(tm show-buffer 2>&1)"
	fi
	if grep -a -q "]52;c;$(printf '%s' "$(tm show-buffer 2>/dev/null)" | base64 | tr -d '\n')" "$TMPD/pane.log"; then
		pass "$sz: the pane output has ESC ] 52 ; c ; base64 of the text"
	else
		fail "$sz: the pane output has ESC ] 52 ; c ; base64 of the text" \
			"$(grep -a -o ']52;[^[:cntrl:]]*' "$TMPD/pane.log" | head -n 3)"
	fi
	expect_contains "$sz: decoded, the sequence carries the number" "$(osc52_texts)" "$ILES"
	# the other fields
	keys y
	wait_for "Copy what?"
	keys e
	see "$sz: y e: the e-mail" "Copied e-mail address to the clipboard"
	if wait_buffer "contact@cr-cdi.example"; then
		pass "$sz: y e: e-mail in the clipboard"
	else
		fail "$sz: y e: e-mail in the clipboard" "buffer: $(tm show-buffer 2>&1)"
	fi
	keys y
	wait_for "Copy what?"
	keys c
	see "$sz: y c: the whole card" "Copied the contact card"
	if wait_buffer "CR-CDI"; then
		b=$(tm show-buffer)
		expect_contains "$sz: y c: the card has the phone" "$b" "$ILES"
		expect_contains "$sz: y c: the card has the e-mail" "$b" "contact@cr-cdi"
	else
		fail "$sz: y c: the card in the clipboard" "buffer: $(tm show-buffer 2>&1)"
	fi
	# this centre has no website: said, nothing sent
	n=$(osc52_texts | wc -l)
	keys y
	wait_for "Copy what?"
	keys w
	see "$sz: y w without a website: says so" "This centre has no website."
	expect_eq "$sz: y w: nothing sent" "$(osc52_texts | wc -l)" "$n"
	keys y
	wait_for "Copy what?"
	keys Escape
	see "$sz: y Esc: nothing copied" "Nothing copied."
	keys q
	expect_exit "$sz q" 0
done

finish copy
