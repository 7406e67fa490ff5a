#!/bin/sh
# Locales as they arrive over SSH: a forwarded UTF-8 locale that is not
# installed here still draws accents (C.UTF-8), and a non-UTF-8 locale (C,
# POSIX, a missing Latin-1 one) or --ascii draws transliterated ASCII (é -> e,
# œ -> oe, « » -> ", • -> *), with searching working the same: text typed
# straight into the search line, accents typed from a UTF-8 or a Latin-1
# terminal folded. On the test directory tests/data/annuaire.csv, and on
# files of its own.
. tests/tui/tmux.sh

# fr_FR.UTF-8 is forwarded by ssh but not installed here: C.UTF-8 is used.
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\{0,1\}8$'; then
	echo "SKIP fr_FR.UTF-8 is installed here: the missing-locale case cannot be shown"
else
	EXTRA_ENV="LC_ALL= LANG=fr_FR.UTF-8 CENTRES_LANG=en" start 80 24
	see "missing fr_FR.UTF-8: accents drawn" "Côte d'Azurine" "Île-Verte" "│"
	not_see "missing fr_FR.UTF-8: no ASCII notice" "not UTF-8"
	keys F10
	expect_exit "missing fr_FR.UTF-8: F10" 0
fi

# A text with the characters the ASCII view must transliterate.
cat >"$TMPD/typo.csv" <<'EOF'
nom,sigle,territoire,region,telephone
Cœur « Ville » – Œuvre “sociale”,C•V,Périgord…,Nouvelle-Aquitaine,05 00 00 00 00
Æther Straße,AS,Pays d’Oc,Occitanie,04 00 00 00 00
EOF

for how in "LANG=C" "LANG=POSIX" "LANG=fr_FR.ISO-8859-1" "--ascii"; do
	case $how in
	--ascii) EXTRA_ENV= start 100 24 --ascii "$TMPD/typo.csv" ;;
	# English words are checked here (tests/tui/french.sh has the French
	# of a non-UTF-8 French locale).
	*) EXTRA_ENV="LC_ALL= CENTRES_LANG=en $how" start 100 24 "$TMPD/typo.csv" ;;
	esac
	see "$how: transliterated" 'Coeur " Ville " - OEuvre "sociale"' "C*V" "Nouvelle-Aquitaine" \
		"Perigord..." "AEther Strasse" "Pays d'Oc"
	capture
	if printf '%s' "$screen" | LC_ALL=C grep -q '[^ -~]'; then
		fail "$how: only ASCII on screen" "$(printf '%s\n' "$screen" | LC_ALL=C grep -n '[^ -~]' | head -n 3)"
	else
		pass "$how: only ASCII on screen"
	fi
	case $how in
	--ascii) not_see "$how: no locale notice" "not UTF-8" ;;
	*) see "$how: the status line says why" "The locale is not UTF-8" ;;
	esac
	send_text oeuvre
	see "$how: the search finds the folded text" "Search: oeuvre" "1 of 2 centres match"
	keys C-u
	see "$how: Ctrl-U: both again" "2 of 2 centres shown"
	send_text strasse
	see "$how: ß matches ss" "Search: strasse" "1 of 2 centres match" "Name         AEther Strasse"
	not_see "$how: strasse: the other centre is filtered out" "Coeur"
	keys F10
	expect_exit "$how: F10" 0
done

# The test directory in LANG=C: the same centres, readable.
EXTRA_ENV="LC_ALL= LANG=C" start 80 24
see "LANG=C directory: readable" "Cote d'Azurine" "Ile-Verte" "ARS*DUL" "| Contact"
send_text iles
see "LANG=C directory: iles found" "Iles du Levant" "CR-CDI"
# Accents typed in a C locale: from a UTF-8 terminal (é as two bytes) and
# from a Latin-1 one (é as the byte E9), alone or with the letters around.
# clear_search: Ctrl-U, and the whole directory is back (so that what is
# seen next is the new search's result, not the last one's).
clear_search() {
	keys C-u
	wait_for "18 of 18 centres shown" || fail "Ctrl-U empties the search"
}
clear_search
send_text "océane"
see "LANG=C, é typed from a UTF-8 terminal: found" "1 of 18 centres match" "Search: oceane"
clear_search
send_text "oc"
keys -H e9
send_text "ane"
see "LANG=C, é typed from a Latin-1 terminal: found" "1 of 18 centres match" "Search: oceane"
clear_search
keys -H 6f 63 e9 61 6e 65
see "LANG=C, Latin-1 é among other bytes: found" "1 of 18 centres match" "Search: oceane"
clear_search
send_text "île œ"
see "LANG=C, î and œ typed: shown and searched as i and oe" "Search: ile oe"
keys F10
expect_exit "LANG=C directory: F10" 0

finish locales
