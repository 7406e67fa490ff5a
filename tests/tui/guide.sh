#!/bin/sh
# The text screenshots of docs/guide-accueil.md (the guide for reception
# staff, in French), captured from the real program in tmux: French
# (--lang fr), 80x24, the built-in directory, the queries the guide shows.
# Each goes into the fenced block between the guide's markers
#     <!-- capture: NAME -->
#     ```text
#     ...
#     ```
#     <!-- /capture -->
# and a marker without its capture, or a capture without its marker, is an
# error (the guide is left as it was). They change only when asked:
#     UPDATE=1 sh tests/tui/guide.sh        (from the top of the repo)
# Without UPDATE=1 it checks nothing and says so: the pictures are
# documentation, not a test of the screen (tests/run.sh leaves this script
# out, as it does screenshots.sh).
[ "${UPDATE:-}" = 1 ] || { echo "guide: not updated (set UPDATE=1 to capture the screens of docs/guide-accueil.md again)"; exit 0; }

. tests/tui/tmux.sh
# The product as shipped: its built-in directory (read by start).
# shellcheck disable=SC2034
DATA=builtin
GUIDE=docs/guide-accueil.md
mkdir -p "$TMPD/shots"

# shot NAME: the screen as it is now, trailing spaces removed.
shot() {
	tm capture-pane -p -t "$S" | sed 's/ *$//' >"$TMPD/shots/$1"
	echo "captured $1"
}
# need TEXT...: waits for each TEXT, or stops here.
need() {
	for t in "$@"; do
		wait_for "$t" || { echo "guide: not on screen after ${WAIT_S}s: $t" >&2; show >&2; exit 1; }
	done
}
# changed: waits until the screen is no longer $before (a key's effect
# whose words are the translation's), then for the frame to settle.
changed() {
	i=0
	while capture; [ "$screen" = "$before" ]; do
		i=$((i + 1))
		[ "$i" -ge $((WAIT_S * 20)) ] && { echo "guide: the screen did not change" >&2; show >&2; exit 1; }
		sleep 0.05
	done
	settle
}
# search TEXT: a new search: the line emptied (Ctrl-U), TEXT typed.
search() {
	keys C-u
	send_text "$1"
	need "$1"
}

start 80 24 --lang fr
need F10 "Profession Banlieue"
shot accueil

search "profession banlieue"
need "01 48 09 26 36"
shot nom

search "irev"
need "03 20 25 10 29"
shot sigle

search "bordeaux"
need "Pays et Quartiers" "05 56 90 81 00"
shot ville

search "93200"
need "Saint-Denis 93200" "01 48 09 26 36"
shot code-postal

search "01 48 09"
need "01 48 09 26 36"
shot telephone

search "nanterre"
need "(92)" "Pôle ressources Politique"
shot aucun

# Copying the number of Profession Banlieue: F4, then 1.
search "profession banlieue"
need "01 48 09 26 36"
capture
before=$screen
keys F4
changed
shot copie-menu
before=$screen
keys 1
changed
shot copie-faite

keys F10
wait_exit

# The guide, each block between its markers replaced; every marker must have
# its capture and every capture its marker.
names=$(sed -n 's/^<!-- capture: \([a-z0-9-]*\) -->$/\1/p' "$GUIDE")
bad=
for n in $names; do [ -f "$TMPD/shots/$n" ] || bad="$bad $n(no capture)"; done
for f in "$TMPD"/shots/*; do
	n=$(basename "$f")
	printf '%s\n' "$names" | grep -q -x -F "$n" || bad="$bad $n(no marker)"
done
opened=$(grep -c '^<!-- capture: ' "$GUIDE")
closed=$(grep -c '^<!-- /capture -->$' "$GUIDE")
[ "$opened" = "$closed" ] || bad="$bad ($opened markers opened, $closed closed)"
if [ -n "$bad" ]; then
	echo "guide: $GUIDE not updated:$bad" >&2
	exit 1
fi
awk -v dir="$TMPD/shots" '
	/^<!-- capture: [a-z0-9-]+ -->$/ {
		print
		name = $3
		print "```text"
		f = dir "/" name
		while ((getline l < f) > 0) print l
		close(f)
		print "```"
		skip = 1
		next
	}
	/^<!-- \/capture -->$/ { skip = 0 }
	!skip { print }
' "$GUIDE" >"$TMPD/guide.md" && cat "$TMPD/guide.md" >"$GUIDE"
echo "wrote $GUIDE ($(printf '%s\n' "$names" | grep -c .) screens)"
