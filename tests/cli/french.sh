#!/bin/sh
# The command line in French: --help, the errors, the --check report and
# the place notes speak French when the locale asks for it (LANG,
# LC_MESSAGES, LANGUAGE), or CENTRES_LANG or --lang does, also where the
# fr_FR.UTF-8 locale is not installed; --lang en and CENTRES_LANG=en keep
# English; another language is one clear message and exit 2. Exit statuses
# and the data on stdout are the same in both languages; French --help has
# no word left that only the English messages use.
. tests/lib.sh
cd "$CENTRES_TOP" || exit 1
DATA=tests/data/cli
NB=$(printf '\302\240')

# with VAR=VALUE... -- ARGS...: runs the binary with only those of the
# locale's variables (and CENTRES_LANG); sets $out, $err, $rc.
with() {
	vars=
	while [ "$1" != -- ]; do vars="$vars $1"; shift; done
	shift
	# shellcheck disable=SC2086
	env -u LC_ALL -u LANG -u LANGUAGE -u LC_MESSAGES -u LC_CTYPE -u CENTRES_LANG $vars \
		"$BIN" "$@" >"$TMPD/out" 2>"$TMPD/err" </dev/null
	rc=$?
	out=$(cat "$TMPD/out"); err=$(cat "$TMPD/err")
}

if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\{0,1\}8$'; then
	echo "SKIP fr_FR.UTF-8 is installed here: French without that locale is not tried"
else
	pass "fr_FR.UTF-8 is not installed here: French without that locale"
fi

with LC_ALL=C.UTF-8 -- --help
english_help=$out
expect_contains "--help in English under C.UTF-8" "$english_help" "Usage: centres [OPTION]... [FILE]"
expect_contains "--help in English lists --lang" "$english_help" \
	"--lang LANG         fr or en; default from CENTRES_LANG, else the locale"

# The ways to ask for French.
for how in "LANG=fr_FR.UTF-8 --" "LC_MESSAGES=fr_FR.UTF-8 --" "LANGUAGE=fr LANG=C.UTF-8 --" \
	"LANGUAGE=de:fr:en --" "CENTRES_LANG=fr LANG=C.UTF-8 --" "LANG=C.UTF-8 -- --lang fr" \
	"LANG=en_US.UTF-8 -- --lang=fr"; do
	# shellcheck disable=SC2086
	with $how --help
	expect_eq "--help in French ($how): exit 0" "$rc" 0
	expect_contains "--help in French ($how)" "$out" "Utilisation${NB}: centres [OPTION]... [FICHIER]"
	expect_contains "--help in French ($how): --lang" "$out" "--lang LANGUE       fr ou en"
	expect_eq "--help in French ($how): nothing on stderr" "$err" ""
done
with LANG=fr_FR.UTF-8 -- --help
french_help=$out

# English asked for in a French locale.
with LANG=fr_FR.UTF-8 -- --lang en --help
expect_eq "--lang en in a French locale: the English help" "$out" "$english_help"
with LANG=fr_FR.UTF-8 CENTRES_LANG=en -- --help
expect_eq "CENTRES_LANG=en in a French locale: the English help" "$out" "$english_help"
with LANGUAGE=fr CENTRES_LANG=fr -- --lang en --help
expect_eq "--lang en over CENTRES_LANG=fr and LANGUAGE=fr" "$out" "$english_help"

# Another language: one line that says which values there are, exit 2.
with LANG=C.UTF-8 -- --lang de --help
expect_eq "--lang de: exit 2" "$rc" 2
expect_eq "--lang de: nothing on stdout" "$out" ""
expect_eq "--lang de: one clear message" "$err" "centres: --lang: unknown language 'de' (fr or en)"
with LANG=C.UTF-8 CENTRES_LANG=de -- --list
expect_eq "CENTRES_LANG=de: exit 2" "$rc" 2
expect_eq "CENTRES_LANG=de: one clear message" "$err" \
	"centres: CENTRES_LANG: unknown language 'de' (fr or en)"
with LANG=fr_FR.UTF-8 -- --lang de
expect_eq "--lang de in a French locale: exit 2" "$rc" 2
expect_eq "--lang de in a French locale: said in French" "$err" \
	"centres: --lang${NB}: langue «${NB}de${NB}» inconnue (fr ou en)"

# French --help: every line fits 80 columns, and no word is left that only
# the English messages use (the words of the catalogue's msgids that are in
# none of its msgstrs).
long=$(printf '%s\n' "$french_help" | python3 -c '
import sys
for l in sys.stdin.read().splitlines():
    if len(l) > 79:
        print(l)')
expect_eq "French --help: lines of at most 79 columns" "$long" ""
msgcat --no-wrap po/fr.po >"$TMPD/fr.po"
english_only() {
	python3 - "$TMPD/fr.po" "$1" <<'EOF'
import re, sys
ids, strs, cur = [], [], None
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
    if m:
        cur = ids if m.group(1).startswith("msgid") else strs
        cur.append(m.group(2))
    elif line.startswith('"') and cur is not None:
        cur[-1] += line.strip()[1:-1]
    else:
        cur = None
def words(s):
    # Not words: options (--no-color), variables ($CENTRES_FILE, NO_COLOR).
    s = re.sub(r"(?<![\w])[-$][-\w=.]+|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", " ", s.replace("\\n", " "))
    return set(w.lower() for w in re.findall(r"[^\W\d_]{2,}", s))
only = set().union(*map(words, ids)) - set().union(*map(words, strs))
text = open(sys.argv[2], encoding="utf-8").read()
print(" ".join(sorted(words(text) & only)))
EOF
}
printf '%s\n' "$english_help" >"$TMPD/en.txt"
case $(english_only "$TMPD/en.txt") in
*browse*) pass "the English-only words of the catalogue are found in the English --help" ;;
*) fail "the English-only words of the catalogue are found in the English --help" \
	"$(english_only "$TMPD/en.txt")" ;;
esac
printf '%s\n' "$french_help" >"$TMPD/fr.txt"
expect_eq "French --help: no English word left" "$(english_only "$TMPD/fr.txt")" ""

# Errors in French, with the exit status they have in English.
for args in "--nope" "--filter" "--format xml" "--max-size lots" "a.csv b.csv" \
	"--check --list" "$TMPD/absent.csv" "$TMPD"; do
	# shellcheck disable=SC2086
	with LC_ALL=C.UTF-8 -- $args
	en_rc=$rc en_err=$err
	# shellcheck disable=SC2086
	with LANG=fr_FR.UTF-8 -- $args
	expect_eq "error '$args' in French: exit $en_rc as in English" "$rc" "$en_rc"
	expect_eq "error '$args' in French: one line" "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1
	case $err in
	"$en_err") fail "error '$args' in French: not the English message" "$err" ;;
	centres:*) pass "error '$args' in French: not the English message" ;;
	*) fail "error '$args' in French: begins with centres:" "$err" ;;
	esac
done
with LANG=fr_FR.UTF-8 -- --nope
expect_eq "unknown option, in French" "$err" \
	"centres: option «${NB}--nope${NB}» inconnue (voir «${NB}centres --help${NB}»)"
with LANG=fr_FR.UTF-8 -- "$TMPD/absent.csv"
expect_eq "missing file, in French (our words, not libc's)" "$err" \
	"centres: $TMPD/absent.csv${NB}: Fichier ou dossier introuvable"
with LANG=fr_FR.UTF-8 -- "$TMPD"
expect_eq "a directory given as the file, in French" "$err" \
	"centres: $TMPD${NB}: ce n'est pas un fichier ordinaire"
with LC_ALL=C.UTF-8 -- "$TMPD/absent.csv"
expect_eq "missing file, in English: libc's words" "$err" \
	"centres: $TMPD/absent.csv: No such file or directory"

# The --check report of a file with warnings.
with LC_ALL=C.UTF-8 -- --check "$DATA/ragged.csv"
en_rc=$rc
with LANG=fr_FR.UTF-8 -- --check "$DATA/ragged.csv"
expect_eq "--check in French: exit $en_rc as in English" "$rc" "$en_rc"
expect_contains "--check in French: rows and columns" "$out" \
	"$DATA/ragged.csv${NB}: 4 lignes de données, 4 colonnes (en-tête à la ligne 1)"
expect_contains "--check in French: the delimiter" "$out" "séparateur${NB}: virgule «${NB},${NB}», détecté"
expect_contains "--check in French: the roles of the columns" "$out" "3. telephone -> téléphone"
expect_contains "--check in French: the warnings counted" "$out" "avertissements${NB}: 2"
expect_contains "--check in French: a warning and its line" "$out" \
	"$DATA/ragged.csv:3${NB}: avertissement${NB}: 2 champs au lieu de 3${NB}: les champs manquants restent vides"
printf '%s\n' "$out" | sed "s|$DATA/ragged.csv||" >"$TMPD/check.txt"
expect_eq "--check in French: no English word left" "$(english_only "$TMPD/check.txt")" ""
with LANG=fr_FR.UTF-8 -- --list "$DATA/ragged.csv"
expect_contains "--list in French: the warnings on stderr" "$err" \
	"centres: $DATA/ragged.csv:4${NB}: avertissement${NB}: 4 champs au lieu de 3${NB}: les champs en trop sont gardés"
with LANG=fr_FR.UTF-8 -- --check "$DATA/windows-1252-semicolon-crlf.csv"
expect_contains "--check in French: the encoding's notice" "$out" \
	"encodage${NB}: WINDOWS-1252 — aucun texte en UTF-8${NB}: lu en Windows-1252"

# Place notes in French, with their article; stdout empty, exit 1.
with LANG=fr_FR.UTF-8 -- --filter nanterre
expect_eq "nanterre in French: exit 1" "$rc" 1
expect_eq "nanterre in French: nothing on stdout" "$out" ""
expect_eq "nanterre in French: the note" "$(printf '%s\n' "$err" | head -n 1)" \
	"centres: Aucun centre ne couvre les Hauts-de-Seine (92). Région Île-de-France${NB}:"
with LC_ALL=C.UTF-8 -- --filter nanterre
expect_eq "nanterre in English: the note as before" "$(printf '%s\n' "$err" | head -n 1)" \
	"centres: No centre covers Hauts-de-Seine (92). Centres in Île-de-France:"
for q in "corse:la Corse." "94:le Val-de-Marne (94)." "77:la Seine-et-Marne (77)." \
	"78:les Yvelines (78)." "975:Saint-Pierre-et-Miquelon."; do
	with LANG=fr_FR.UTF-8 -- --filter "${q%%:*}"
	case $(printf '%s\n' "$err" | head -n 1) in
	"centres: Aucun centre ne couvre ${q#*:}"*) pass "${q%%:*} in French: ${q#*:}" ;;
	*) fail "${q%%:*} in French: ${q#*:}" "$err" ;;
	esac
done

# Data is data: what is found prints the same in both languages.
with LC_ALL=C.UTF-8 -- --filter 93200
en_out=$out
with LANG=fr_FR.UTF-8 -- --filter 93200
expect_eq "93200 in French: exit 0" "$rc" 0
expect_eq "93200 in French: stdout as in English" "$out" "$en_out"
expect_eq "93200 in French: nothing on stderr" "$err" ""

# Said on a terminal that cannot place text (TERM=dumb, in a
# pseudo-terminal of script(1)): the notice, in French, then the list.
if command -v script >/dev/null 2>&1; then
	env -u LC_ALL -u LANGUAGE -u CENTRES_LANG LANG=fr_FR.UTF-8 TERM=dumb \
		script -q -e -c "'$BIN' '$DATA/quoting.csv'" /dev/null </dev/null >"$TMPD/tty" 2>&1
	expect_contains "TERM=dumb: the notice in French" "$(tr -d '\r' <"$TMPD/tty")" \
		"centres: TERM vaut dumb${NB}: affichage de la liste"
else
	echo "SKIP TERM=dumb notice: no script(1) here"
fi

# A full disk: the output's error, in our French.
if [ -w /dev/full ]; then
	env -u LC_ALL -u LANGUAGE -u CENTRES_LANG LANG=fr_FR.UTF-8 "$BIN" --help >/dev/full 2>"$TMPD/err"
	expect_eq "--help > /dev/full in French: exit 2" "$?" 2
	expect_eq "--help > /dev/full in French: said" "$(cat "$TMPD/err")" \
		"centres: sortie standard${NB}: Plus de place sur le disque"
else
	echo "SKIP --help > /dev/full: no /dev/full here"
fi

# A binary copied alone to a server (no catalogue beside it, none
# installed): the French it carries, word for word the source tree's.
if [ -n "${CENTRES_REL:-}" ] && [ -x "$CENTRES_REL" ]; then
	mkdir -p "$TMPD/alone"
	cp "$CENTRES_REL" "$TMPD/alone/centres"
	for args in "--help" "--check $DATA/ragged.csv" "--filter nanterre" "--nope"; do
		# shellcheck disable=SC2086
		env -u LC_ALL -u LANGUAGE -u CENTRES_LANG LANG=fr_FR.UTF-8 "$TMPD/alone/centres" $args \
			>"$TMPD/alone.out" 2>&1 </dev/null
		a=$?
		# shellcheck disable=SC2086
		env -u LC_ALL -u LANGUAGE -u CENTRES_LANG LANG=fr_FR.UTF-8 "$CENTRES_REL" $args \
			>"$TMPD/tree.out" 2>&1 </dev/null
		t=$?
		if [ "$a" = "$t" ] && cmp -s "$TMPD/alone.out" "$TMPD/tree.out" &&
			grep -q "${NB}" "$TMPD/alone.out"; then
			pass "a binary copied alone: centres $args in the same French (exit $a)"
		else
			fail "a binary copied alone: centres $args in the same French" \
				"exit $a, tree $t" "$(diff "$TMPD/tree.out" "$TMPD/alone.out" | head -n 5)"
		fi
	done
else
	echo "SKIP a binary copied alone: no release binary (CENTRES_REL)"
fi
