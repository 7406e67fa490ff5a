#!/bin/sh
# The man pages, docs/centres.1 (English) and docs/centres.fr.1 (French):
# each renders without a warning (groff -ww, and man --warnings where man-db
# is installed), and each documents, in bold in its own section, what the
# program has:
#  - every long option: those --help prints and those src/options.c takes;
#  - every environment variable src/ reads (getenv("NAME"), or getenv of an
#    array of names: found in the source, not listed here);
#  - every exit status: those src/main.c's opening comment gives, and 128
#    plus each signal src/tui/signals.c ends the program on (or src/ returns
#    as "128 + SIGNAME");
#  - every key of the help screen (F1), read from the real program in tmux:
#    the English names in the English page, the French help's names in the
#    French page.
# And the French page is in French: its section names.
. tests/tui/tmux.sh

EN=docs/centres.1
FR=docs/centres.fr.1

if ! command -v groff >/dev/null 2>&1; then
	echo "SKIP man pages: groff is not installed here"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP man pages: python3 (to read groff's bold) is not installed here"
	exit 0
fi

for page in "$EN" "$FR"; do
	w=$(groff -ww -man -Tutf8 -z "$page" 2>&1)
	expect_eq "$page: groff -ww -man -Tutf8 -z: no warning" "$w" ""
	w=$(groff -ww -man -Tutf8 "$page" 2>&1 >/dev/null)
	expect_eq "$page: groff -ww -man -Tutf8: no warning" "$w" ""
	if command -v man >/dev/null 2>&1; then
		w=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
		expect_eq "$page: man --warnings: no warning" "$w" ""
	else
		echo "SKIP $page: man --warnings: man-db is not installed here"
	fi
done

# bold.py < RENDERING: one line "SECTION<TAB>WORD" for each word set in
# bold (grotty's overstrike: c BS c), SECTION the heading it is under
# (and "SECTION<TAB>" for each heading). A
# word cut at the end of a line (U+2010 then the line break) is joined.
cat >"$TMPD/bold.py" <<'EOF'
import re, sys
s = sys.stdin.read()
chars, bold = [], []
i = 0
while i < len(s):
    if i + 2 < len(s) and s[i + 1] == '\b':
        seq = [s[i]]
        while i + 2 < len(s) and s[i + 1] == '\b':
            seq.append(s[i + 2])
            i += 2
        chars.append(seq[-1])
        bold.append(seq[-1] in seq[:-1])
        i += 1
    else:
        chars.append(s[i])
        bold.append(False)
        i += 1
text = ''.join(chars)
for m in reversed(list(re.finditer('\u2010\n *', text))):
    del chars[m.start():m.end()]
    del bold[m.start():m.end()]
section = ''
line, lb = [], []
def flush():
    global section
    t = ''.join(line)
    if t and t[0] != ' ' and all(b or c == ' ' for c, b in zip(line, lb)):
        section = t.strip()
        print(section + '\t')
        return
    for m in re.finditer(r'\S+', ''.join(c if b else ' ' for c, b in zip(line, lb))):
        w = m.group(0).strip(',;:()[]"\'').rstrip('.')
        if w:
            print(section + '\t' + w)
for c, b in zip(chars, bold):
    if c == '\n':
        flush()
        line, lb = [], []
    else:
        line.append(c)
        lb.append(b)
flush()
EOF
groff -man -Tutf8 -P-c "$EN" 2>/dev/null | python3 "$TMPD/bold.py" >"$TMPD/en.bold"
groff -man -Tutf8 -P-c "$FR" 2>/dev/null | python3 "$TMPD/bold.py" >"$TMPD/fr.bold"

# sections FILE: its section names, one a line.
sections() { cut -f1 "$1" | awk '!seen[$0]++'; }
# has_section NAME FILE SECTION...: PASS when FILE has one of the SECTIONs.
has_section() {
	name=$1 f=$2
	shift 2
	for sec in "$@"; do
		sections "$f" | grep -q -x -F -e "$sec" && { pass "$name"; return 0; }
	done
	fail "$name" "sections: $(sections "$f" | tr '\n' '|')"
}
for sec in NAME SYNOPSIS DESCRIPTION OPTIONS KEYS ENVIRONMENT FILES "EXIT STATUS" "SEE ALSO"; do
	has_section "$EN: section $sec" "$TMPD/en.bold" "$sec"
done
for sec in NOM SYNOPSIS DESCRIPTION OPTIONS TOUCHES ENVIRONNEMENT FICHIERS "VOIR AUSSI"; do
	has_section "$FR: section $sec (in French)" "$TMPD/fr.bold" "$sec"
done
has_section "$FR: section CODE DE RETOUR (in French)" "$TMPD/fr.bold" "CODE DE RETOUR" "ÉTAT DE SORTIE"
for sec in NAME KEYS ENVIRONMENT FILES "EXIT STATUS" "SEE ALSO"; do
	if sections "$TMPD/fr.bold" | grep -q -x -F -e "$sec"; then
		fail "$FR: no English section name: $sec"
	fi
done

# documented NAME FILE SECTION WORD...: PASS when each WORD is in bold in
# SECTION of FILE.
documented() {
	name=$1 f=$2 sec=$3
	shift 3
	missing=
	for w in "$@"; do
		grep -q -x -F -e "$sec	$w" "$f" || missing="$missing $w"
	done
	if [ -n "$*" ] && [ -z "$missing" ]; then
		pass "$name"
	elif [ -z "$*" ]; then
		fail "$name" "nothing to look for: the source was not read"
	else
		fail "$name" "not in bold in $sec:$missing"
	fi
}

# The long options.
opts=$( {
	"$BIN" --lang en --help | grep -o -e '--[a-z][a-z-]*'
	sed -n '/longopts\[\] = {/,/};/s/^[[:space:]]*{"\([a-z-]*\)",.*/--\1/p' src/options.c
} | sort -u)
n=$(printf '%s\n' "$opts" | grep -c .)
[ "$n" -ge 10 ] || fail "the options read from --help and src/options.c" "only $n: $opts"
# shellcheck disable=SC2086
documented "$EN: every long option ($n)" "$TMPD/en.bold" OPTIONS $opts
# shellcheck disable=SC2086
documented "$FR: every long option ($n)" "$TMPD/fr.bold" OPTIONS $opts

# The environment variables src/ reads.
grep -rn 'getenv(' src | grep -v -E 'getenv\("[A-Za-z_][A-Za-z0-9_]*"\)|getenv\([a-z_]+\[[a-z]+\]\)' >"$TMPD/odd"
expect_eq "src/: every getenv() names its variable or an array of names" "$(cat "$TMPD/odd")" ""
vars=$( {
	grep -rho -E 'getenv\("[A-Za-z_][A-Za-z0-9_]*"\)' src | sed 's/getenv("\(.*\)")/\1/'
	for f in $(grep -rl -E 'getenv\([a-z_]+\[' src); do
		for arr in $(grep -o -E 'getenv\([a-z_]+\[' "$f" | sed 's/getenv(\(.*\)\[/\1/' | sort -u); do
			grep -E "[* ]$arr\\[\\] *= *\\{" "$f" | grep -o -E '"[A-Za-z_][A-Za-z0-9_]*"' | tr -d '"'
		done
	done
} | sort -u)
n=$(printf '%s\n' "$vars" | grep -c .)
[ "$n" -ge 5 ] || fail "the variables read from src/" "only $n: $vars"
# shellcheck disable=SC2086
documented "$EN: every environment variable ($n)" "$TMPD/en.bold" ENVIRONMENT $vars
# shellcheck disable=SC2086
documented "$FR: every environment variable ($n)" "$TMPD/fr.bold" ENVIRONNEMENT $vars

# The exit statuses. signum NAME: the number of signal SIGNAME.
signum() {
	k=1
	while [ "$k" -lt 65 ]; do
		[ "$(kill -l "$k" 2>/dev/null)" = "${1#SIG}" ] && { echo "$k"; return; }
		k=$((k + 1))
	done
}
statuses=$( {
	# src/main.c's opening comment, from "exit status" on
	sed -n '1,/\*\//p' src/main.c | sed 's/^[/ ]*\*[/ ]*//' | tr '\n' ' ' | sed -n 's/.*exit status\(.*\)/\1/p' |
		grep -o -E '(^|[^A-Za-z0-9-])[0-9]{1,3}([^0-9]|$)' | tr -c -d '0-9\n'
	for s in $(sed -n 's/.*ending\[\] = {\([^}]*\)}.*/\1/p' src/tui/signals.c | tr -d ',') \
		$(grep -rho -E '128 \+ SIG[A-Z]+' src | sed 's/128 + //'); do
		k=$(signum "$s")
		[ -n "$k" ] && echo $((128 + k))
	done
} | sort -n -u)
n=$(printf '%s\n' "$statuses" | grep -c .)
[ "$n" -ge 4 ] || fail "the exit statuses read from src/" "only $n: $statuses"
st_list=$(printf '%s\n' "$statuses" | tr '\n' ' ' | sed 's/ $//')
# shellcheck disable=SC2086
documented "$EN: every exit status ($st_list)" "$TMPD/en.bold" "EXIT STATUS" $statuses
# shellcheck disable=SC2086
documented "$FR: every exit status ($st_list)" "$TMPD/fr.bold" "CODE DE RETOUR" $statuses

# The keys, from the help screen. help_keys LANG: the key column of each
# key line of the key groups of the help (F1), one line each. The help
# starts with its title heading, then one heading per mode of the key
# table (src/app/keymap.c), each followed by its keys ("  KEYS  text");
# the groups after those (mouse, searching) are not keys.
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP man pages: the keys of the help screen: tmux is not installed here"
	exit 0
fi
groups=$(grep -o -E '\{UI_[A-Z]+,' src/app/keymap.c | sort -u | grep -c .)
help_keys() {
	DATA=builtin start 110 130 --lang "$1"
	wait_for "F10" || { fail "the program starts (--lang $1)"; show; return 1; }
	keys F1
	# the help's key bar, the main screen's has no Ctrl-X
	wait_for "Ctrl-X" || { fail "the help opens (--lang $1)"; show; return 1; }
	printf '%s\n' "$screen" | sed '1d;$d' | awk -v g="$groups" '
		/^ [^ ]/ { h++; next }
		h >= 2 && h <= g + 1 && /^  [^ ]/ {
			k = substr($0, 3); sub(/  .*/, "", k); print k
		}' | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g'	# no-break spaces: "Retour arrière" is two words
	keys F10
	wait_exit
}
help_keys en >"$TMPD/keys.en"
help_keys fr >"$TMPD/keys.fr"
n=$(grep -c . "$TMPD/keys.en")
[ "$n" -ge 20 ] || fail "the keys of the English help" "only $n lines: $(cat "$TMPD/keys.en")"
expect_eq "the French help has as many key lines as the English one" \
	"$(grep -c . "$TMPD/keys.fr")" "$n"
# The names a key can have (src/app/keymap.c, keymap_key_name): a key line
# whose English names are not all key names is the typing ("other keys").
names=$(sed -n '/^keymap_key_name/,/^}/p' src/app/keymap.c | grep -o '"[^"%]*"' | tr -d '"' | grep .)
is_key() {
	case $1 in F[0-9] | F[0-9][0-9] | Ctrl-? | ? | [0-9]-[0-9]) return 0 ;; esac
	printf '%s\n' "$names" | grep -q -x -F -e "$1"
}
: >"$TMPD/want.en"
: >"$TMPD/want.fr"
i=0
while IFS= read -r line; do
	i=$((i + 1))
	all=1
	for k in $line; do is_key "$k" || all=0; done
	[ "$all" = 1 ] || continue
	printf '%s\n' $line >>"$TMPD/want.en"
	# shellcheck disable=SC2046
	printf '%s\n' $(sed -n "${i}p" "$TMPD/keys.fr") >>"$TMPD/want.fr"
done <"$TMPD/keys.en"
# shellcheck disable=SC2046
documented "$EN: every key of the help screen ($(sort -u "$TMPD/want.en" | grep -c .))" \
	"$TMPD/en.bold" KEYS $(sort -u "$TMPD/want.en")
# shellcheck disable=SC2046
documented "$FR: every key of the French help screen ($(sort -u "$TMPD/want.fr" | grep -c .))" \
	"$TMPD/fr.bold" TOUCHES $(sort -u "$TMPD/want.fr")
finish "man pages: the help screens"
