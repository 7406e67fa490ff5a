#!/bin/sh
# F4 (or Ctrl-Y) opens the copy menu on the status line, each phone number
# its own entry; then 1, 2 (each number alone), Enter (the first), e, w, c
# (the card, in the screen's labels and order, no id, no common status, no
# region that is the territory again):
# the text goes to the terminal's clipboard with OSC 52, and the status
# says what was sent. Esc, q and F4 cancel; a field the centre lacks is said
# and nothing is sent; Ctrl-C leaves the menu. tmux (set-clipboard on) takes
# the sequence into a paste buffer; the raw output of the pane is also
# logged with pipe-pane and decoded. On the test directory
# tests/data/annuaire.csv.
. tests/tui/tmux.sh

ILES="02 61 91 55 42" ILES2="02 61 91 55 43"
SENT="Sent to your terminal's clipboard: "

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
# buffer_is NAME TEXT: tmux's newest paste buffer becomes exactly TEXT
# (trailing newline included, compared as bytes).
buffer_is() {
	printf '%s' "$2" >"$TMPD/want"
	i=0
	while :; do
		tm save-buffer "$TMPD/got" 2>/dev/null
		cmp -s "$TMPD/got" "$TMPD/want" && { pass "$1"; return 0; }
		i=$((i + 1))
		if [ "$i" -ge $((WAIT_S * 20)) ]; then
			fail "$1" "expected: $(od -c <"$TMPD/want" | head -n 20)" "buffer:   $(od -c <"$TMPD/got" 2>&1 | head -n 20)"
			return 1
		fi
		sleep 0.05
	done
}
# status_line: the second line from the bottom of $screen.
status_line() { printf '%s\n' "$screen" | tail -n 2 | head -n 1 | sed 's/ *$//'; }
# menu: F4, and the copy menu shown.
menu() {
	keys F4
	wait_for "Copy: " || fail "$sz: F4 opens the copy menu"
}

NL='
'
CARD="Name: Centre de ressources Cohésion des Îles${NL}Phone: $ILES${NL}Phone: $ILES2${NL}E-mail: contact@cr-cdi.example${NL}Territory: Îles du Levant${NL}Acronym: CR-CDI${NL}"

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
	send_text iles
	# (the title is cut at 50 columns: "1 of 18 cent…")
	see "$sz: searched to Îles du Levant" "1 of 18" "Search: iles"
	keys F4
	see "$sz: F4 opens the copy menu, each phone its entry" "Copy: 1 $ILES   2 $ILES2   e e-m"
	case $sz in
	80x24)
		see "$sz: the whole copy menu on the status line" \
			"Copy: 1 $ILES   2 $ILES2   e e-mail  c card  (Esc: cancel)"
		keybar_has "$sz: the copy menu's key bar (no website here)" \
			"Enter First  1-9 Phone  e E-mail  c Card  Esc/F4 Cancel*" ;;
	*)
		# Narrow: the phones, the card and Cancel keep their place.
		keybar_has "$sz: the copy menu's key bar (no website here)" \
			"*1-9 Phone  *c Card  Esc/F4 Cancel*" ;;
	esac
	not_see "$sz: no website offered" "w Web"
	keys 1
	see "$sz: 1: the status says what was sent" "$SENT$ILES"
	expect_eq "$sz: 1: the number alone on the status line" "$(status_line)" "$SENT$ILES"
	buffer_is "$sz: 1: tmux received the first phone number alone (OSC 52)" "$ILES"
	if grep -a -q "]52;c;$(printf '%s' "$(tm show-buffer 2>/dev/null)" | base64 | tr -d '\n')" "$TMPD/pane.log"; then
		pass "$sz: the pane output has ESC ] 52 ; c ; base64 of the text"
	else
		fail "$sz: the pane output has ESC ] 52 ; c ; base64 of the text" \
			"$(grep -a -o ']52;[^[:cntrl:]]*' "$TMPD/pane.log" | head -n 3)"
	fi
	expect_contains "$sz: decoded, the sequence carries the number" "$(osc52_texts)" "$ILES"
	keybar_has "$sz: the main key bar is back" "*F1/^G Help*" "*F10/^Q Quit*"
	# the second number, alone
	menu
	keys 2
	see "$sz: 2: the second number" "$SENT$ILES2"
	buffer_is "$sz: 2: the second phone number alone in the clipboard" "$ILES2"
	# Enter: the first entry; Ctrl-Y opens the menu too
	keys C-y
	wait_for "Copy: " || fail "$sz: Ctrl-Y opens the copy menu"
	keys Enter
	see "$sz: Ctrl-Y Enter: the first entry, the first number" "$SENT$ILES"
	buffer_is "$sz: Ctrl-Y Enter: the first phone number in the clipboard" "$ILES"
	# the other fields
	menu
	keys e
	see "$sz: F4 e: the e-mail" "${SENT}contact@cr-cdi"
	buffer_is "$sz: F4 e: the e-mail in the clipboard" "contact@cr-cdi.example"
	menu
	keys c
	see "$sz: F4 c: the whole card" "Sent the contact card to your terminal's clip"
	buffer_is "$sz: F4 c: the card, labels and order of the screen, no id, no common status" "$CARD"
	# this centre has no website: said, nothing sent
	n=$(osc52_texts | wc -l)
	menu
	keys w
	see "$sz: F4 w without a website: says so" "This centre has no website."
	expect_eq "$sz: F4 w: nothing sent" "$(osc52_texts | wc -l)" "$n"
	# Esc, q and F4 cancel; q is not typed into the search
	menu
	keys Escape
	see "$sz: F4 Esc: nothing copied" "Nothing copied."
	menu
	keys q
	see "$sz: F4 q: nothing copied" "Nothing copied."
	see "$sz: F4 q: the search is unchanged" "Search: iles  (Esc: clear)"
	menu
	keys F4
	see "$sz: F4 F4: nothing copied" "Nothing copied."
	expect_eq "$sz: nothing sent by the cancels" "$(osc52_texts | wc -l)" "$n"
	# Ctrl-C leaves the menu (and says how to quit)
	menu
	keys C-c
	see "$sz: Ctrl-C leaves the copy menu" "Press Ctrl-C again to quit"
	keybar_has "$sz: Ctrl-C: the main key bar is back" "*F1/^G Help*"
	# A centre with a website and two phone numbers: w copies the website.
	keys C-u
	wait_for "Search:  a name"
	send_text garrigues
	see "$sz: Villes et Garrigues found" "1 of 18" "Villes et Garrigues"
	menu
	see "$sz: its copy menu has both numbers and its website" "Copy: 1 04 65 71 02 38   2 04 65 71 02 42"
	keybar_has "$sz: the key bar offers its website" "*w Web *"
	keys w
	see "$sz: F4 w: the website" "${SENT}www.villes-ga"
	buffer_is "$sz: F4 w: the website in the clipboard" "www.villes-garrigues.example"
	menu
	keys 2
	buffer_is "$sz: F4 2: its second number alone" "04 65 71 02 42"
	keys F10
	expect_exit "$sz F10" 0
done

# The card's order and fields: the territory since 2017 after the territory;
# a status other than the common one ("actif") is told.
start 80 24
tm set -g set-clipboard on
tm delete-buffer >/dev/null 2>&1
see "cards: started" "18 of 18"
send_text faubourgs
see "cards: Institut des Faubourgs found" "1 of 18 centres match" "Name         Institut des Faubourgs"
menu
keys c
see "cards: its card copied" "Sent the contact card"
buffer_is "cards: Institut des Faubourgs: the territory since 2017 after the territory" \
	"Name: Institut des Faubourgs${NL}Phone: 03 53 01 10 29${NL}Website: www.faubourgs.example${NL}Territory: Vieux-Comté${NL}Territory since 2017: Hauts-Bois${NL}"
keys C-u
wait_for "Search:  a name"
send_text "ville en archipel"
see "cards: the centre in préfiguration found" "1 of 18 centres match" "en préfiguration"
menu
keys c
see "cards: its card copied" "Sent the contact card"
buffer_is "cards: the Archipel centre: its uncommon status told" \
	"Name: Maison de la Ville en Archipel${NL}Territory: Archipel${NL}Status: en préfiguration${NL}"
keys F10
expect_exit "cards F10" 0

finish copy
