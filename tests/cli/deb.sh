#!/bin/sh
# The Debian package: `make deb` builds it (debian/, offline, on a copy of the
# tree); its files; unpacked with dpkg -x into a temporary root, the binary
# runs from there and speaks French with the package's catalogue; lintian
# finds no error; as root, dpkg installs it into a throwaway root (an empty
# dpkg database of its own) and removes it, leaving no file.
. tests/lib.sh
REL=${CENTRES_REL:-./centres}

for t in dpkg-buildpackage dh fakeroot; do
	if ! command -v $t >/dev/null 2>&1 && ! sh tools/deps.sh deb >/dev/null 2>&1; then
		echo "SKIP the Debian package: $t missing (sudo apt-get install debhelper dpkg-dev fakeroot)"
		exit 0
	fi
done

if ! make -s deb >"$TMPD/make.out" 2>&1; then
	fail "make deb builds the package" "$(tail -n 15 "$TMPD/make.out")"
	exit 0
fi
v=$(dpkg-parsechangelog -l debian/changelog -S Version)
deb=build/centres_${v}_$(dpkg --print-architecture).deb
if [ -f "$deb" ]; then pass "make deb: $deb"; else fail "make deb: $deb" "$(ls build)"; exit 0; fi
expect_eq "the package's version is the program's" "centres $v" "$("$REL" --version)"

# Its files (the directories aside): the binary, the man pages, the French
# catalogue, the data file, the completion (make install's), lintian's
# overrides (debian/centres.lintian-overrides); and the documentation.
files=$(dpkg -c "$deb" | awk '$1 !~ /^d/ {print $6}' | grep -v '^\./usr/share/doc/' | tr '\n' ' ')
expect_eq "dpkg -c: the files of make install and the overrides, nothing else" "$files" \
	"./usr/bin/centres ./usr/share/bash-completion/completions/centres ./usr/share/centres/centres.csv ./usr/share/lintian/overrides/centres ./usr/share/locale/fr/LC_MESSAGES/centres.mo ./usr/share/man/fr/man1/centres.1.gz ./usr/share/man/man1/centres.1.gz "
docs=$(dpkg -c "$deb" | awk '{print $6}' | grep '^\./usr/share/doc/centres/' | tr '\n' ' ')
expect_contains "dpkg -c: /usr/share/doc/centres/copyright" "$docs" "./usr/share/doc/centres/copyright "
expect_contains "dpkg -c: /usr/share/doc/centres/changelog.gz" "$docs" "./usr/share/doc/centres/changelog.gz "
dep=$(dpkg-deb -f "$deb" Depends)
expect_contains "Depends (shlibs): libncursesw6" "$dep" "libncursesw6"
expect_contains "Depends (shlibs): libc6" "$dep" "libc6"

# The message of po/fr.po for --lang de, with its no-break spaces (U+00A0).
nb=$(printf '\302\240')
FR_DE="centres: --lang${nb}: langue «${nb}de${nb}» inconnue (fr ou en)"

# Unpacked into a temporary root, run from there.
R=$TMPD/root
dpkg -x "$deb" "$R"
n=$("$R/usr/bin/centres" --list </dev/null | wc -l)
expect_eq "unpacked: usr/bin/centres --list prints the 20 centres" "$n" 20
n=$("$R/usr/bin/centres" --list "$R/usr/share/centres/centres.csv" </dev/null | wc -l)
expect_eq "unpacked: the data file of the package loads (20 centres)" "$n" 20
cmp -s "$R/usr/share/centres/centres.csv" data/centres.csv &&
	pass "usr/share/centres/centres.csv is data/centres.csv" ||
	fail "usr/share/centres/centres.csv is data/centres.csv"
cmp -s "$R/usr/share/bash-completion/completions/centres" data/bash-completion/centres &&
	pass "the completion installed is data/bash-completion/centres" ||
	fail "the completion installed is data/bash-completion/centres"
# Built with PREFIX=/usr: the catalogue's place compiled in is /usr's.
if strings "$R/usr/bin/centres" | grep -qx /usr/share/locale; then
	pass "LOCALEDIR compiled in: /usr/share/locale"
else
	fail "LOCALEDIR compiled in: /usr/share/locale" "$(strings "$R/usr/bin/centres" | grep share/locale)"
fi

"$R/usr/bin/centres" --lang fr --help >"$TMPD/fr" 2>"$TMPD/fr.err" </dev/null
rc=$?
expect_eq "unpacked: --lang fr --help exits 0" "$rc" 0
expect_contains "unpacked: --lang fr --help prints the options" "$(cat "$TMPD/fr")" "--list"
# The same French as the source tree's binary, which reads build/locale.
"$REL" --lang fr --help >"$TMPD/fr.tree" 2>&1 </dev/null
cmp -s "$TMPD/fr" "$TMPD/fr.tree" && pass "unpacked: --lang fr --help is the source tree's French" ||
	fail "unpacked: --lang fr --help is the source tree's French" "$(diff "$TMPD/fr.tree" "$TMPD/fr" | head -n 5)"
# A message fr.po translates, from the package's catalogue.
msg=$(LANGUAGE=fr "$R/usr/bin/centres" --lang de 2>&1 </dev/null)
expect_eq "unpacked: French from its catalogue (a French user, --lang de)" "$msg" "$FR_DE"
# The installed catalogue is the one read, before the one the binary
# carries: a catalogue put in its place with another wording is obeyed.
mo=$R/usr/share/locale/fr/LC_MESSAGES/centres.mo
cp "$mo" "$TMPD/centres.mo.orig"
sed '/^msgstr "--lang/s/langue/LANGUE DU PAQUET/' po/fr.po >"$TMPD/other.po"
msgfmt -o "$mo" "$TMPD/other.po"
msg=$(LANGUAGE=fr "$R/usr/bin/centres" --lang de 2>&1 </dev/null)
expect_contains "unpacked: the installed catalogue is read first" "$msg" "LANGUE DU PAQUET"
cp "$TMPD/centres.mo.orig" "$mo"
# Without it (the binary copied alone), the French the binary carries.
mv "$R/usr/share/locale" "$R/usr/share/locale.away"
msg=$(LANGUAGE=fr "$R/usr/bin/centres" --lang de 2>&1 </dev/null)
expect_eq "(without the package's catalogue: the French the binary carries)" "$msg" "$FR_DE"
mv "$R/usr/share/locale.away" "$R/usr/share/locale"
if command -v man >/dev/null 2>&1; then
	for m in man1 fr/man1; do
		warn=$(MANWIDTH=80 man --warnings -l "$R/usr/share/man/$m/centres.1.gz" 2>&1 >/dev/null)
		expect_eq "man page $m/centres.1 renders without warnings" "$warn" ""
	done
fi

# lintian: no error (its warnings and notes are printed, not counted).
if command -v lintian >/dev/null 2>&1; then
	changes=build/centres_${v}_$(dpkg --print-architecture).changes
	lintian --fail-on error "$changes" >"$TMPD/lintian" 2>&1
	rc=$?
	sed -n 's/^[WIP]: /lintian: &/p' "$TMPD/lintian"
	expect_eq "lintian: no error" "$rc $(grep -c '^E: ' "$TMPD/lintian")" "0 0"
else
	echo "SKIP lintian: not installed (sudo apt-get install lintian)"
fi

# Installed by dpkg into a throwaway root, then removed.
if [ "$(id -u)" != 0 ]; then
	echo "SKIP dpkg -i into a throwaway root: needs root"
	exit 0
fi
I=$TMPD/inst
mkdir -p "$I/var/lib/dpkg/info" "$I/var/lib/dpkg/updates" "$I/var/lib/dpkg/triggers"
: >"$I/var/lib/dpkg/status"; : >"$I/var/lib/dpkg/available"
# Its dependencies (libc6, libncursesw6...) are the host's, not in that
# empty database: --force-depends.
if dpkg --root="$I" --force-depends -i "$deb" >"$TMPD/dpkg" 2>&1; then
	pass "dpkg --root: installs"
else
	fail "dpkg --root: installs" "$(tail -n 5 "$TMPD/dpkg")"
fi
st=$(dpkg --root="$I" -s centres 2>/dev/null | sed -n 's/^Status: //p')
expect_eq "dpkg --root -s centres: installed" "$st" "install ok installed"
listed=$(dpkg --root="$I" -L centres | while read -r f; do [ -d "$I$f" ] || echo "$f"; done | sort | tr '\n' ' ')
present=$(cd "$I" && find usr -type f | sed 's|^|/|' | sort | tr '\n' ' ')
expect_eq "installed: every file dpkg -L lists is there, and no other" "$present" "$listed"
n=$("$I/usr/bin/centres" --list </dev/null | wc -l)
expect_eq "installed: usr/bin/centres --list (20 centres)" "$n" 20
msg=$(LANGUAGE=fr "$I/usr/bin/centres" --lang de 2>&1 </dev/null)
expect_eq "installed: French" "$msg" "$FR_DE"
if dpkg --root="$I" --purge centres >"$TMPD/dpkg" 2>&1; then
	pass "dpkg --root --purge: removes it"
else
	fail "dpkg --root --purge: removes it" "$(tail -n 5 "$TMPD/dpkg")"
fi
left=$(cd "$I" && find . -path ./var/lib/dpkg -prune -o -print | grep -vx '\.\|\./var\|\./var/lib' | tr '\n' ' ')
expect_eq "after --purge: no file or directory left" "$left" ""
st=$(dpkg --root="$I" -l centres 2>&1 | grep '^[a-z][a-z] *centres ' || true)
expect_eq "after --purge: dpkg no longer knows centres" "$st" ""
