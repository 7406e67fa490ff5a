#!/bin/sh
# The screen in French, three ways a French user gets it: LANG=fr_FR.UTF-8
# with that locale installed (made here with localedef into a directory of
# the test's own, read through LOCPATH: the system is not touched),
# LANG=fr_FR.UTF-8 where it is not installed (an SSH login to a server with
# only C.UTF-8), and CENTRES_LANG=fr under LANG=C.UTF-8. Each shows the key
# bar, the pane headings, the card's labels, the help (F1), About (F6) and
# the messages in French, the title's counts with their plural (1 centre,
# 18 centres), accents drawn as themselves. No English word is left on
# those screens: the English words are the catalogue's own, the words of
# its msgids that no msgstr has, so that a string left untranslated shows
# up (an unmarked one too, where its words are the catalogue's; the scan of
# tests/cli/i18n.sh finds the others). --lang en and CENTRES_LANG=en give
# the English screen back in a French locale; a French locale that is not
# UTF-8 gets the French in ASCII (Telephone), never "?". At 50x20 and
# 132x40 nothing of it is cut (no "…" the text itself does not have). On
# the test directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

PO=po/fr.po
NB=$(printf '\302\240')

# fr MSGID, frn SINGULAR PLURAL N: the catalogue's French, read by gettext(1)
# from the catalogue the build made (the one the program reads).
fr() { TEXTDOMAINDIR=$CENTRES_TOP/build/locale LANGUAGE=fr LC_ALL=C.UTF-8 gettext -d centres -- "$1"; }
frn() { TEXTDOMAINDIR=$CENTRES_TOP/build/locale LANGUAGE=fr LC_ALL=C.UTF-8 ngettext -d centres -- "$1" "$2" "$3"; }
# frn_counts SINGULAR PLURAL N TOTAL: "%zu of %zu centres shown" filled in.
frn_counts() { frn "$1" "$2" "$3" | sed "s/%zu/$3/; s/%zu/$4/"; }

if ! command -v gettext >/dev/null || ! command -v msgcat >/dev/null; then
	echo "SKIP gettext(1) or msgcat missing: the catalogue cannot be read here"
	exit 0
fi
if [ "$(fr Help)" = Help ]; then
	fail "the French catalogue is built (build/locale/fr/LC_MESSAGES/centres.mo)" "gettext: Help is Help"
	exit 0
fi

# The English words: those (4 letters or more, any case) of the msgids that
# no msgstr has. Key names that stay the same in French (Tab, Ctrl, F1) are
# in msgstrs, and so are not among them; option names (--help) are no words.
words() { sed 's/\\[nt"]/ /g; s/--[[:alnum:]-]*//g' | LC_ALL=C.UTF-8 grep -o '[[:alpha:]]\+' | LC_ALL=C.UTF-8 sed 's/.*/\L&/' |
	awk 'length($0) >= 4' | LC_ALL=C sort -u; }
msgcat --no-wrap --no-location "$PO" >"$TMPD/po"
sed -n 's/^msgid\(_plural\)\{0,1\} "\(.*\)"$/\2/p' "$TMPD/po" | words >"$TMPD/en.words"
sed -n 's/^msgstr\(\[[0-9]\]\)\{0,1\} "\(.*\)"$/\2/p' "$TMPD/po" >"$TMPD/msgstrs"
words <"$TMPD/msgstrs" >"$TMPD/fr.words"
LC_ALL=C comm -23 "$TMPD/en.words" "$TMPD/fr.words" >"$TMPD/english"
n=$(wc -l <"$TMPD/english")
if [ "$n" -ge 100 ]; then
	pass "the catalogue's English words: $n (help, message, move, phone, search...)"
else
	fail "the catalogue's English words: at least 100" "$n: $(tr '\n' ' ' <"$TMPD/english")"
fi
for w in help search phone copy quit enter; do
	grep -qx "$w" "$TMPD/english" || fail "the English words include $w" "not in $TMPD/english"
done

# no_english NAME TEXT: no English word of the catalogue in TEXT.
no_english() {
	found=$(printf '%s\n' "$2" | words | LC_ALL=C comm -12 - "$TMPD/english" | tr '\n' ' ')
	if [ -z "$found" ]; then pass "$1: no English word"; else fail "$1: no English word" "found: $found" "in:" "$2"; fi
}

# not_cut NAME TEXT: every "…" in TEXT ends a word the catalogue itself
# writes so ("1, 2…"): none marks a text cut for want of room.
not_cut() {
	cut=
	for t in $(printf '%s\n' "$2" | grep -o '[^ ]*…'); do
		grep -qF -e "$t" "$TMPD/msgstrs" || cut="$cut $t"
	done
	if [ -z "$cut" ]; then pass "$1: nothing cut"; else fail "$1: nothing cut" "cut:$cut" "in:" "$2"; fi
}

# accents NAME TEXT: no "?" nor U+FFFD drawn for a letter.
accents() {
	case "$2" in
	*"?"* | *"�"*) fail "$1: accents drawn as themselves" "in: $2" ;;
	*) pass "$1: accents drawn as themselves" ;;
	esac
}

title() { printf '%s\n' "$screen" | head -n 1; }
status_line() { printf '%s\n' "$screen" | tail -n 2 | head -n 1; }
search_line() { printf '%s\n' "$screen" | tail -n 3 | head -n 1 | sed 's/ *$//'; }

# pages NAME: the whole page (help or About) from its first line to its
# last, one screen after the other (PgDn), into $page.
pages() {
	keys Home
	page=
	i=0
	while [ $i -lt 12 ]; do
		capture
		settle
		body=$(printf '%s\n' "$screen" | sed '1d;$d')
		page="$page
$body"
		range=$(title | grep -o '[0-9]\+-[0-9]\+ [^ ]\+ [0-9]\+' | tail -n 1)
		last=${range##* }
		shown=${range%% *}
		shown=${shown#*-}
		[ -z "$range" ] || [ "$shown" = "$last" ] && break
		keys NPage
		wait_gone "$range" || break
		i=$((i + 1))
	done
}

# french HOW: the whole French screen at 80x24 in the session just started.
french() {
	how=$1
	see "$how: started, in French" "$(frn_counts "%zu of %zu centres shown" "%zu of %zu centres shown" 18 18)"
	expect_contains "$how: the title's plural: 18 centres" "$(title)" "18 centres "
	expect_eq "$how: the key bar" "$(last_line | sed 's/ *$//')" \
		"F1/^G $(fr Help)  Tab $(fr Pane)  $(fr Enter) $(fr Open)  F4/^Y $(fr Copy)  F7/^T $(fr Sort)  F10/^Q $(fr Quit)"
	expect_eq "$how: the search line and its hint" "$(search_line)" "$(fr 'Search: ') $(fr 'a name, a town, a phone number...')"
	expect_contains "$how: the status line's hint" "$(status_line)" "$(fr 'Type a name, a place or a phone number. F1: every key.')"
	heads=$(printf '%s\n' "$screen" | sed -n 2p)
	expect_contains "$how: the menu's heading" "$heads" "$(fr 'Territories by region')"
	expect_contains "$how: the list's heading" "$heads" "$(fr 'Centres: %.*s (%zu)' | sed 's/%\.\*s.*//')"
	expect_contains "$how: the card's heading" "$screen" "│ $(fr Contact)"
	for l in Name Phone Website Territory Region Acronym; do
		expect_contains "$how: the card's label $l" "$screen" "│ $(fr "$l")"
	done
	# (the title without the file's name: data, not the program's words)
	chrome="$(title | sed 's|tests/data/annuaire.csv||')
$heads
$(search_line)
$(status_line)
$(last_line)"
	no_english "$how: title, headings, search, status, key bar" "$chrome"
	accents "$how: title, headings, key bar" "$(title)$heads$(last_line)"
	# The card alone (the one-pane layout shows it whole): its labels.
	resize 50 20
	keys Tab Enter
	see "$how: 50x20: the card in front" "◂ $(fr Contact)"
	labels=$(printf '%s\n' "$screen" | sed '1,2d' | head -n -3 | LC_ALL=C.UTF-8 sed 's/^ \(.\{12\}\).*/\1/')
	no_english "$how: the card's labels" "$labels"
	resize 80 24
	keys Escape Escape
	see "$how: 80x24 again" "│ $(fr Contact)"

	# Help
	keys F1
	see "$how: F1: the help" "$(fr ' centres — Help (every key)')" "$(fr 'Keys of centres')"
	expect_eq "$how: the help's key bar" "$(last_line | sed 's/ *$//')" \
		"$(fr Esc)/q $(fr Close)  ↓/j $(fr Down)  ↑/k $(fr Up)  $(fr PgDn)/$(fr Space) $(fr 'Next page')  F10 $(fr Quit)"
	no_english "$how: the help's title and key bar" "$(title)
$(last_line)"
	pages
	for k in Enter Esc Backspace PgUp Home; do
		expect_contains "$how: help: the key $k in French" "$page" "  $(fr "$k") "
	done
	expect_contains "$how: help: what F1 does" "$page" "F1 Ctrl-G"
	expect_contains "$how: help: the search language" "$page" "$(fr 'Searching')"
	no_english "$how: help (every page)" "$page"
	accents "$how: help" "$page"
	keys q

	# About
	keys F6
	see "$how: F6: About" "$(fr ' centres — About the network')"
	no_english "$how: About's title and key bar" "$(title)
$(last_line)"
	pages
	flat=$(printf '%s\n' "$page" | tr '\n' ' ' | sed "s/$NB/ /g; s/  */ /g")
	expect_contains "$how: About cites the places' source" "$flat" \
		"Source : INSEE, COG, via @etalab/decoupage-administratif"
	expect_contains "$how: About: Question de Ville" "$flat" "« Question de Ville »"
	expect_contains "$how: About: the press review link" "$flat" \
		"$(fr 'Press review:' | sed "s/$NB/ /g") http://www.scoop.it/t/actu-politiquedelaville"
	no_english "$how: About (every page)" "$(printf '%s\n' "$page" | grep -v http)"
	accents "$how: About" "$(printf '%s\n' "$page" | grep -v http)"
	keys q

	# Messages
	see "$how: About closed" "$(fr 'Territories by region')"
	send_text iles
	see "$how: iles: 1 centre found (singular)" \
		"$(frn_counts "%zu of %zu centres match" "%zu of %zu centres match" 1 18)"
	expect_contains "$how: the title's singular: 1 centre" "$(title)" " 1 centre "
	keys F4
	see "$how: F4: the copy menu" "$(fr 'Copy:') 1 "
	msg=$(status_line)
	expect_contains "$how: the copy menu's card entry" "$msg" "$(fr ' c card')"
	not_cut "$how: the copy menu" "$msg"
	copybar=$(last_line)
	expect_contains "$how: the copy menu's key bar" "$copybar" "$(fr Enter) $(fr First)"
	keys Enter
	see "$how: Enter: the number sent" "Envoyé au presse-papiers du terminal$NB: "
	sent=$(status_line)
	expect_contains "$how: the message is the catalogue's" "$sent" "$(fr "Sent to your terminal's clipboard: %.*s" | sed 's/%\.\*s//')"
	keys C-u
	send_text zzzz
	see "$how: zzzz: no centre" "Aucun centre ne correspond" \
		"$(frn_counts "%zu of %zu centres match" "%zu of %zu centres match" 0 18)"
	none=$(line_with "Aucun centre")
	keys F4
	see "$how: F4 with no centre" "$(fr 'Nothing to copy: no centre is selected.')"
	nocopy=$(status_line)
	keys C-u
	wait_for "$(frn_counts "%zu of %zu centres shown" "%zu of %zu centres shown" 18 18)"
	keys F2
	see "$how: F2: the export prompt" "$(frn 'Export %zu centre to: ' 'Export %zu centres to: ' 18 | sed 's/%zu/18/')"
	prompt="$(status_line)
$(last_line)"
	keys Escape
	see "$how: Esc: nothing exported" "$(fr 'Nothing exported.')"
	keys C-c
	see "$how: Ctrl-C: how to quit" "$(fr 'Press Ctrl-C again to quit (or F10).')"
	quit=$(status_line)
	no_english "$how: the messages" "$msg
$copybar
$sent
$none
$nocopy
$prompt
$quit"
	accents "$how: the messages" "$sent$none$nocopy$quit"
	keys F10
	expect_exit "$how: F10" 0
}

# --- LANG=fr_FR.UTF-8, the locale installed (here, in a directory of ours)
LOC=$TMPD/loc
mkdir -p "$LOC"
if ! command -v localedef >/dev/null; then
	echo "SKIP localedef is not available: fr_FR.UTF-8 cannot be made"
elif ! localedef -i fr_FR -f UTF-8 "$LOC/fr_FR.UTF-8" >"$TMPD/localedef.out" 2>&1 ||
	[ "$(LOCPATH=$LOC LC_ALL=fr_FR.UTF-8 locale charmap 2>/dev/null)" != UTF-8 ]; then
	echo "SKIP localedef could not make fr_FR.UTF-8: $(head -n 1 "$TMPD/localedef.out")"
else
	EXTRA_ENV="LC_ALL= LANG=fr_FR.UTF-8 LOCPATH=$LOC" start 80 24
	french "fr_FR.UTF-8 installed"
	EXTRA_ENV="LC_ALL= LANG=fr_FR.UTF-8 LOCPATH=$LOC" start 80 24 --lang en
	see "fr_FR.UTF-8 installed, --lang en: English" "18 of 18 centres shown" "F1/^G Help" "Search:  a name"
	not_see "fr_FR.UTF-8 installed, --lang en: no French" "$(fr Help)"
	keys F10
	expect_exit "fr_FR.UTF-8 installed, --lang en: F10" 0
fi

# --- LANG=fr_FR.UTF-8 where it is not installed
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\{0,1\}8$'; then
	echo "SKIP fr_FR.UTF-8 is installed here: the missing-locale case cannot be shown"
else
	EXTRA_ENV="LC_ALL= LANG=fr_FR.UTF-8" start 80 24
	french "fr_FR.UTF-8 missing"
	EXTRA_ENV="LC_ALL= LANG=fr_FR.UTF-8" start 80 24 --lang en
	see "fr_FR.UTF-8 missing, --lang en: English" "18 of 18 centres shown" "F1/^G Help" "Search:  a name"
	keys F10
	expect_exit "fr_FR.UTF-8 missing, --lang en: F10" 0
	EXTRA_ENV="LC_ALL= LANG=fr_FR.UTF-8 CENTRES_LANG=en" start 80 24
	see "fr_FR.UTF-8 missing, CENTRES_LANG=en: English" "18 of 18 centres shown" "F1/^G Help"
	keys F1
	see "fr_FR.UTF-8 missing, CENTRES_LANG=en: the English help" "Help (every key)" "Move down"
	keys F10
	expect_exit "fr_FR.UTF-8 missing, CENTRES_LANG=en: F10" 0
fi

# --- CENTRES_LANG=fr under LANG=C.UTF-8
EXTRA_ENV="CENTRES_LANG=fr" start 80 24
french "CENTRES_LANG=fr"

# --- A French locale that is not UTF-8 (and not installed: C is used): the
# French written in ASCII, accents without their marks, never a "?"
EXTRA_ENV="LC_ALL= LANG=fr_FR.ISO-8859-1" start 80 24
ascii() { fr "$1" | sed "s/$NB/ /g; s/[éèê]/e/g; s/É/E/g; s/à/a/g; s/À/A/g; s/…/.../g"; }
see "fr_FR.ISO-8859-1: French in ASCII" "$(ascii 'Territories by region')" "$(ascii 'Phone')   " \
	"$(ascii Enter) $(ascii Open)" "$(ascii 'The locale is not UTF-8: accents are shown without marks.')"
if printf '%s' "$screen" | LC_ALL=C grep -q '[^ -~]'; then
	fail "fr_FR.ISO-8859-1: only ASCII on screen" "$(printf '%s\n' "$screen" | LC_ALL=C grep -n '[^ -~]' | head -n 3)"
else
	pass "fr_FR.ISO-8859-1: only ASCII on screen"
fi
not_see "fr_FR.ISO-8859-1: no letter drawn as ?" "?"
keys F10
expect_exit "fr_FR.ISO-8859-1: F10" 0

# --- French fits: 50x20 and 132x40
for size in "50 20" "132 40"; do
	# shellcheck disable=SC2086
	set -- $size
	sz=$1x$2
	EXTRA_ENV="CENTRES_LANG=fr" start "$1" "$2"
	see "$sz: started, in French" "$(fr 'Search: ')"
	settle
	expect_contains "$sz: the key bar ends with Quit, whole" "$(last_line | sed 's/ *$//')" "F10/^Q $(fr Quit)"
	not_cut "$sz: title, search, status, key bar" "$(title)
$(search_line)
$(status_line)
$(last_line)"
	case $sz in
	50x20) counts="18 $(fr '%zu of %zu' | sed 's/%zu//g; s/^ *//; s/ *$//') 18" ;;
	*) counts=$(frn_counts "%zu of %zu centres shown" "%zu of %zu centres shown" 18 18) ;;
	esac
	expect_contains "$sz: the title's counts, whole" "$(title)" "$counts"
	keys Tab
	see "$sz: Tab: the list" "$(fr 'Centres: %.*s (%zu)' | sed 's/%\.\*s.*//')"
	not_cut "$sz: the list's heading, the card's labels" "$(printf '%s\n' "$screen" | sed -n 2p)"
	keys F1
	see "$sz: the help" "$(fr 'Keys of centres')"
	expect_contains "$sz: the help's title, whole" "$(title)" "$(fr ' centres — Help (every key)')"
	not_cut "$sz: the help's key bar" "$(last_line)"
	pages
	not_cut "$sz: the help (every page)" "$page"
	keys q F6
	see "$sz: About" "$(fr ' centres — About the network')"
	expect_contains "$sz: About's title, whole" "$(title)" "$(fr ' centres — About the network')"
	pages
	not_cut "$sz: About (every page; the links may be cut)" "$(printf '%s\n' "$page" | grep -v http)"
	not_cut "$sz: About's key bar" "$(last_line)"
	keys q F10
	expect_exit "$sz: F10" 0
done
finish "french"
