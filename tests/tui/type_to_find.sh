#!/bin/sh
# Type to find, on the built-in directory (data/centres.csv), at 80x24, 64x20
# and 50x20: whatever is typed on the main screen goes into the search (no
# "/" first), the lists narrow, the list of centres has the focus and the
# right centre's phone is on screen with no other key; the query forms
# (punctuation between words, st for saint, phone numbers in any spelling, a
# run of digits from one of a number's groups); words full of letters that
# once were commands only search; a bracketed paste goes into the search,
# its line break and control bytes run nothing; Ctrl-C once warns, twice
# within 2 s quits with 130, twice 2 s apart does not.
. tests/tui/tmux.sh

DATA=builtin
# First phone numbers, from data/centres.csv
CRDSU="04 78 77 01 43"      # 1 CR•DSU, Auvergne - Rhône-Alpes
BANLIEUE="01 48 09 26 36"   # 2 Profession Banlieue, Seine Saint-Denis
VALDOISE="01 34 05 17 17"   # 3 Pôle de Ressources..., Val d'Oise
ORIV="03 88 14 35 89"       # 4 ORIV, Grand Est
IREV="03 20 25 10 29"       # 5 IREV, Hauts-de-France
AQUITAINE="05 56 90 81 00"  # 9 Pays et Quartiers d'Aquitaine
PACA="04 96 11 50 41"       # 10 Centre de ressources..., Provence-Alpes-Côte d'Azur
REUNION="02 62 20 55 42"    # 16 CR-CSUR, La Réunion (and 02 62 20 55 43)
NORMAN="02 31 43 63 36"     # 19 Normanvilles
MIDI="05 62 11 38 34"       # 7 Ressources & Territoires

# The queries: QUERY|CENTRES FOUND|PHONE ON SCREEN|PHONE NOT ON SCREEN
# (st denis: Profession Banlieue by its words, and through the places of
# that name the centres of La Réunion and of the Aude; 33 is the Gironde,
# not phone digits: Pays et Quartiers d'Aquitaine, not Normanvilles.)
QUERIES="Profession Banlieue|1|$BANLIEUE|$CRDSU
normanvilles|1|$NORMAN|
oriv|1|$ORIV|$IREV
irev|1|$IREV|$ORIV
cr-csur|1|$REUNION|$CRDSU
crcsur|1|$REUNION|
seine-saint-denis|1|$BANLIEUE|
Val-d'Oise|1|$VALDOISE|
val d’oise|1|$VALDOISE|
val d‘oise|1|$VALDOISE|
val dʼoise|1|$VALDOISE|
cr-dsu|1|$CRDSU|$REUNION
CR.DSU|1|$CRDSU|
crdsu|1|$CRDSU|
cr/dsu|1|$CRDSU|
st denis|3|$BANLIEUE|$ORIV
+33 4 78|1|$CRDSU|
0033478770143|1|$CRDSU|
+33 (0)4 78 77 01 43|1|$CRDSU|
04.78.77.01.43|1|$CRDSU|
0143|1|$CRDSU|
33|1|$AQUITAINE|$NORMAN
05 56|1|$AQUITAINE|$MIDI
0262205543|1|$REUNION|"

# found SZ QUERY N: the title says N centres match the search.
found() {
	t=$(printf '%s\n' "$screen" | head -n 1)
	case "$t" in
	*" $3 of 20 centres"*) pass "$1: $2: $3 found" ;;
	*) fail "$1: $2: $3 found" "title: $t"; return 1 ;;
	esac
}
# phone_seen QUERY PHONE: whether PHONE is on the screen as it is (no key, no
# wait: the frame that shows the search is the one checked); if not, QUERY
# is added to $missing, checked once for each size (a layout that never
# shows it fails once, naming the queries).
phone_seen() {
	case "$screen" in
	*"$2"*) return 0 ;;
	*) missing="$missing [$1]"; return 1 ;;
	esac
}
# on_screen NAME TEXT: TEXT in the last capture (a whole frame, settled).
on_screen() {
	case "$screen" in
	*"$2"*) pass "$1" ;;
	*) fail "$1" "not on screen: $2"; show_or_ended ;;
	esac
}
# no_command SZ WORD: nothing but the search happened.
no_command() {
	bad=
	for t in "Export " "Open the file" "About the network" "Reloaded" "Help (every key)" \
		"Copy:" "Press Ctrl-C" "Nothing copied" "== END =="; do
		case "$screen" in *"$t"*) bad="$bad [$t]" ;; esac
	done
	expect_eq "$1: $2 runs no command (no prompt, About, help, reload, copy, quit)" "$bad" ""
}
# type_query SZ QUERY: types QUERY, waits for it in the search line and for a
# whole frame.
type_query() {
	send_text "$2"
	search_is "$1: $2: typed into the search" "$2" && settle
}
# to_list W: back to the list of centres, with the focus (Tab; one pane at
# a time: Left from the contact).
to_list() {
	capture_e
	is_reversed "Centres: All centres" && return 0
	if [ "$1" -ge 64 ]; then
		j=0
		while [ $j -lt 3 ] && ! is_reversed "Centres: All centres"; do
			keys Tab
			within 1 wait_reversed "Centres: All centres"
			j=$((j + 1))
		done
	else
		keys Left
		wait_reversed "Centres: All centres"
	fi
}
# clear_search SZ: Ctrl-U; its check is printed the first time for each
# size, then only if it fails.
cleared=
clear_search() {
	keys C-u
	if [ "$cleared" != "$1" ]; then
		cleared=$1
		search_is "$1: Ctrl-U clears the search" ""
	else
		r=$(search_is "$1: Ctrl-U clears the search" "")
		case "$r" in PASS*) ;; *) printf '%s\n' "$r" ;; esac
	fi
}

for size in "80 24" "64 20" "50 20"; do
	# shellcheck disable=SC2086
	set -- $size
	sz=$1x$2
	missing=
	# typed at once, before the first screen is up
	start "$1" "$2"
	send_text reunion
	search_is "$sz: typed ahead at start: reunion in the search" reunion && settle
	found "$sz" reunion 1 && phone_seen reunion "$REUNION"
	no_command "$sz" reunion
	reversed "$sz: the list of centres has the focus" "Centres: All centres"
	if [ "$1" -ge 64 ]; then
		settle_e
		expect_eq "$sz: the menu has not" "$(is_reversed "Territories by region" && echo reversed)" ""
	fi
	clear_search "$sz"
	see "$sz: all centres back" " 20 of 20 centres"

	# Where the phone is not shown with no key, Enter must show it. (The
	# list on fd 3: tmux's clients must not read it.)
	while IFS='|' read -r q n ph wrong <&3; do
		type_query "$sz" "$q" || { clear_search "$sz"; continue; }
		found "$sz" "$q" "$n" || { clear_search "$sz"; continue; }
		[ -n "$wrong" ] && not_see "$sz: $q: not $wrong" "$wrong"
		if [ -n "$ph" ] && ! phone_seen "$q" "$ph"; then
			keys Enter
			see "$sz: $q: Enter shows the phone" "$ph"
			to_list "$1"
		fi
		clear_search "$sz"
	done 3<<-EOF
		$QUERIES
	EOF

	# Typed while the contact has the focus (Tab to it; one pane at a time:
	# Enter opens it): the list of centres takes the focus.
	type_query "$sz" irev
	if [ "$1" -ge 64 ]; then keys Tab; else keys Enter; fi
	reversed "$sz: the contact has the focus" "Contact"
	clear_search "$sz"
	type_query "$sz" oriv
	found "$sz" oriv 1
	within 2 reversed "$sz: typed from the contact: the list of centres has the focus" "Centres: All centres"
	on_screen "$sz: typed from the contact: the phone on screen" "$ORIV"
	clear_search "$sz"
	to_list "$1"

	# Words full of letters that once were commands (s export, e, i, n, r
	# reload, u, o open, m, a about, l, q quit): only a search.
	for w in seine reunion marseille quartiers; do
		type_query "$sz" "$w"
		no_command "$sz" "$w"
		case $w in
		seine) found "$sz" "$w" 1 && phone_seen "$w" "$BANLIEUE" ;;
		reunion) found "$sz" "$w" 1 && phone_seen "$w" "$REUNION" ;;
		marseille) found "$sz" "$w" 1 && phone_seen "$w" "$PACA" ;;
		quartiers) found "$sz" "$w" 1 && phone_seen "$w" "$AQUITAINE" ;;
		esac
		clear_search "$sz"
	done

	# A paste (bracketed, since the program asked for it): into the search,
	# its line break a space; the CR tmux sends for it is no Enter.
	paste_text "$PACA
"
	search_is "$sz: pasted $PACA and a line break: the search, a space for the break" "$PACA " && settle
	found "$sz" "paste" 1
	# Its centre, by its territory, or at 50 columns (one pane, the phone
	# in the list) by its phone number beside its name.
	if [ "$1" -ge 64 ]; then
		see "$sz: paste: the centre of Provence-Alpes-Côte d'Azur" "Provence-Alpes-C"
	else
		see "$sz: paste: the centre of Provence-Alpes-Côte d'Azur, its phone" "Centre de ressources Politique …  $PACA"
	fi
	no_command "$sz" "the paste"
	within 2 reversed "$sz: paste: the list still has the focus (its line break opened nothing)" "Centres: All centres"
	if [ "$1" -ge 64 ]; then
		settle_e
		expect_eq "$sz: paste: the contact is not focused" "$(is_reversed "Contact" && echo reversed)" ""
	fi
	clear_search "$sz"

	expect_eq "$sz: every search that leaves one centre shows its phone, with no other key (the searches that do not)" "$missing" ""

	# Ctrl-C once: a warning, the program goes on; a second one quits.
	keys C-c
	see "$sz: Ctrl-C once: how to quit" "Press Ctrl-C again to quit (or F10)."
	not_see "$sz: Ctrl-C once: still running" "== END =="
	keys C-c
	expect_exit "$sz: Ctrl-C twice" 130
done

# A paste holding control bytes and a key's sequence (Ctrl-Q, Ctrl-C, BEL,
# Tab, F10 as ESC [ 21 ~): only its text gets in, nothing runs.
start 80 24
see "raw paste: started" " 20 of 20 centres"
keys_hex 1b 5b 32 30 30 7e \
	30 32 20 36 32 20 32 30 20 35 35 20 34 33 0d 0a 11 03 07 1b 5b 32 31 7e 09 \
	1b 5b 32 30 31 7e
see "raw paste: La Réunion found" " 1 of 20 centres"
settle
case "$(line_with "Search:")" in
"Search: 02 62 20 55 43 "*) pass "raw paste: the number in the search" ;;
*) fail "raw paste: the number in the search" "$(line_with "Search:")" ;;
esac
on_screen "raw paste: La Réunion's card" "Phone        $REUNION"
no_command "raw paste" "the paste"

# Ctrl-C, more than 2 s, Ctrl-C: no quit.
keys C-u
search_is "Ctrl-C: empty search" ""
keys C-c
t0=$(date +%s%N)
see "Ctrl-C: the warning" "Press Ctrl-C again to quit (or F10)."
see_gone "Ctrl-C: the warning goes after 2 s" "Press Ctrl-C again"
el=$((($(date +%s%N) - t0) / 1000000))
[ "$el" -lt 2200 ] && sleep "$(printf '0.%03d' $((2200 - el)))"
keys C-c
see "Ctrl-C 2 s later: the warning again" "Press Ctrl-C again to quit (or F10)."
send_text oriv
search_is "Ctrl-C 2 s later: still running, keys go to the search" oriv && settle
on_screen "Ctrl-C 2 s later: oriv: its phone" "$ORIV"
keys F10
expect_exit "F10" 0

finish type_to_find
