#!/bin/sh
# Translations (docs/translating.md): every string a person reads in src/ is
# marked for gettext (tests/i18n/scan.py), po/centres.pot is what xgettext
# makes of the source today, po/fr.po translates every one of its messages
# (nothing untranslated, nothing fuzzy, the same printf conversions) with
# French typography, and the catalogue the build made is the one of fr.po.
. tests/lib.sh
cd "$CENTRES_TOP" || exit 1

for f in src/*.c src/*/*.c; do
	found=$(python3 tests/i18n/scan.py "$f")
	expect_eq "every message of $f is marked for translation" "$found" ""
done

make -s --no-print-directory POT="$TMPD/fresh.pot" pot >/dev/null 2>"$TMPD/xg.err"
expect_eq "xgettext reads the source without a warning" "$(cat "$TMPD/xg.err")" ""
ids() { msgcat --no-location --no-wrap --sort-output "$1" | grep -v '^"POT-Creation-Date' |
	sed -n '/^msgctxt\|^msgid/p'; }
if [ "$(ids "$TMPD/fresh.pot")" = "$(ids po/centres.pot)" ]; then
	pass "po/centres.pot is up to date (make pot)"
else
	fail "po/centres.pot is up to date (make pot)" \
		"$(diff "$TMPD/fresh.pot" po/centres.pot | grep '^[<>] msgid' | head -n 10)"
fi
if msgcmp po/fr.po "$TMPD/fresh.pot" 2>"$TMPD/cmp.err"; then
	pass "po/fr.po has every message of the source"
else
	fail "po/fr.po has every message of the source" "$(head -n 10 "$TMPD/cmp.err")"
fi
stats=$(msgfmt --check --statistics -o /dev/null po/fr.po 2>&1)
case $stats in
*untranslated* | *fuzzy* | *error*) fail "po/fr.po: every message translated, none fuzzy" "$stats" ;;
*" translated message"*) pass "po/fr.po: every message translated, none fuzzy ($stats)" ;;
*) fail "po/fr.po: every message translated, none fuzzy" "$stats" ;;
esac
obsolete=$(grep -c '^#~' po/fr.po)
expect_eq "po/fr.po keeps no obsolete message" "$obsolete" "0"

# French typography in the translations: a no-break space (U+00A0 or
# U+202F) before : ; ? ! and inside « », never a plain one; no English
# quotes ('...' or "...") around a word.
msgstrs=$(msgcat --no-wrap po/fr.po | sed -n 's/^msgstr\(\[[0-9]\]\)\{0,1\} "\(.*\)"$/\2/p')
bad=$(printf '%s\n' "$msgstrs" | grep -n ' [:;?!]\|[^   ][;?!]\|« \| »\|[[:alnum:]][:]\( \|$\)' | head -n 5)
expect_eq "po/fr.po: no-break spaces before : ; ? ! and inside « »" "$bad" ""
bad=$(printf '%s\n' "$msgstrs" | grep -n "'%s'\|\\\\\"%s\\\\\"" | head -n 5)
expect_eq "po/fr.po: « » quotes, not English ones" "$bad" ""

if [ -f build/locale/fr/LC_MESSAGES/centres.mo ]; then
	msgfmt -o "$TMPD/fr.mo" po/fr.po
	if cmp -s "$TMPD/fr.mo" build/locale/fr/LC_MESSAGES/centres.mo; then
		pass "the built catalogue is po/fr.po's"
	else
		fail "the built catalogue is po/fr.po's" "build/locale/fr/LC_MESSAGES/centres.mo is stale"
	fi
else
	fail "the built catalogue is po/fr.po's" "no build/locale/fr/LC_MESSAGES/centres.mo"
fi

# The scan itself: it finds an unmarked message and leaves marked ones,
# protocol words and format-only strings alone.
cat >"$TMPD/probe.c" <<'C'
static const char *a = N_("Marked");
void f(void) { g(_("Also " "marked"), "Not marked here"); h(P_("%d centre", "%d centres", n)); }
void k(void) { m("xterm-256color", "%s: %s", "\033[?2004h", NT_("code postal")); p("Help"); }
C
expect_eq "the scan finds exactly the unmarked messages" \
	"$(python3 tests/i18n/scan.py "$TMPD/probe.c" | sed 's|.*/||')" \
	"$(printf '%s\n' 'probe.c:2: "Not marked here"' 'probe.c:3: "Help"')"
