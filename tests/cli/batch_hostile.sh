#!/bin/sh
# Batch mode as a process on a hostile file: terminal escape sequences, OSC 52
# (clipboard write), C1 controls (raw UTF-8 CSI U+009B), a bidi override,
# DEL, BEL. None of them may reach stdout or stderr in any format, and a
# search still finds the rest of each field.
. tests/lib.sh

H=$TMPD/hostile.csv
printf 'nom,territoire,telephone,note\r\n' >"$H"
printf '"Alpha \033[2J\033[Heffacer",Nord,01 11 11 11 11,"\033[31mrouge\033[0m"\r\n' >>"$H"
printf 'Beta \033]52;c;aGVsbG8=\007presse-papiers,Sud,02 22 22 22 22,ok\r\n' >>"$H"
printf 'Gamma \302\2332J csi,Est,03 33 33 33 33,\302\235osc\302\234\r\n' >>"$H"
printf 'Delta \342\200\256edcba bidi,Ouest,04 44 44 44 44,\342\201\246iso\r\n' >>"$H"
printf 'Epsilon \177 del\010bs,Centre,05 55 55 55 55,\001\002\003\r\n' >>"$H"
printf '"Zeta\nligne",Paris,06 66 66 66 66,"a\tb"\r\n' >>"$H"
# A header with an escape sequence too.
printf 'n\033[8mom,tel\nOmega \033P+q\033\\ dcs,07\n' >"$TMPD/hostile-header.csv"

# forbidden FILE: prints the number of forbidden bytes/sequences in FILE:
# ESC, BEL, DEL, BS, other C0 except TAB/LF/CR, C1 in UTF-8 (C2 80..C2 9F),
# bidi controls U+202A..U+202E and U+2066..U+2069.
forbidden() {
	c0=$(LC_ALL=C tr -d -c '\000-\010\013\014\016-\037\177' <"$1" | wc -c | tr -d ' ')
	c1=$(LC_ALL=C grep -c "$(printf '\302[\200-\237]')" "$1")
	bidi=$(LC_ALL=C grep -c -e "$(printf '\342\200[\252-\256]')" -e "$(printf '\342\201[\246-\251]')" "$1")
	echo $((c0 + c1 + bidi))
}

# The check itself must be able to fail: the input holds every kind.
expect_eq "fixture: ESC present in input" "$(LC_ALL=C tr -d -c '\033' <"$H" | wc -c | tr -d ' ')" 5
expect_eq "fixture: forbidden helper sees C1 and bidi in input" \
	"$(LC_ALL=C grep -c "$(printf '\302[\200-\237]')" "$H") $(LC_ALL=C grep -c "$(printf '\342\200\256')" "$H")" "1 1"

for f in hostile.csv hostile-header.csv; do
	for fmt in text csv tsv json; do
		run --list --format "$fmt" "$TMPD/$f"
		expect_eq "$f --format $fmt: exit 0" "$rc" 0
		expect_eq "$f --format $fmt: no control byte on stdout" "$(forbidden "$TMPD/out")" 0
		expect_eq "$f --format $fmt: no control byte on stderr" "$(forbidden "$TMPD/err")" 0
	done
	run --check "$TMPD/$f"
	expect_eq "$f --check: exit 1 (warnings)" "$rc" 1
	expect_eq "$f --check: no control byte on stdout" "$(forbidden "$TMPD/out")" 0
	expect_eq "$f --check: no control byte on stderr" "$(forbidden "$TMPD/err")" 0
	# Piped without options (the list).
	"$BIN" "$TMPD/$f" </dev/null >"$TMPD/out" 2>"$TMPD/err" | cat
	expect_eq "$f piped: no control byte on stdout" "$(forbidden "$TMPD/out")" 0
	expect_eq "$f piped: no control byte on stderr" "$(forbidden "$TMPD/err")" 0
done

# Every hostile row is still there, one line each in the text list.
run --list "$H"
expect_eq "hostile list: 6 lines" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 6
expect_contains "hostile list: text after ESC kept" "$out" "effacer"
expect_contains "hostile list: text after OSC 52 kept" "$out" "presse-papiers"
expect_contains "hostile list: line break shown as a space" "$out" "Zeta ligne"
expect_contains "hostile warnings name the line of ESC" "$err" "hostile.csv:2: warning:"
expect_contains "hostile warnings name the line of DEL" "$err" "hostile.csv:6: warning:"

# --check reports a warning for each hostile line, with its line.
run --check "$H"
for l in 2 3 4 5 6; do
	expect_contains "check names line $l" "$out" "hostile.csv:$l: warning:"
done

# Searches find the rest of the field.
for q in effacer presse-papiers csi bidi edcba bs rouge "zeta ligne"; do
	run --list --filter "$q" "$H"
	expect_eq "filter '$q' finds its row" "$rc:$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "0:1"
done
run --filter "alpha effacer" "$H"
expect_contains "filter across the placeholder (two terms)" "$out" "Nord"
run --filter "aGVsbG8" "$H"
expect_contains "filter finds text inside the neutralised OSC" "$out" "Sud"

# JSON keeps the text, escapes line breaks and tabs, and holds placeholders.
run --list --format json "$H"
v=$(python3 -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
bad = [c for o in a for v in o.values() for c in v
       if (ord(c) < 32 and c not in "\n\t\r") or 0x7f <= ord(c) < 0xa0 or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]
print(len(a), len(bad), a[0]["nom"].endswith("effacer"), a[5]["nom"], repr(a[5]["note"]))
' "$TMPD/out" 2>&1)
expect_eq "json: 6 rows, no control char, line break and tab kept" "$v" "6 0 True Zeta
ligne 'a\\tb'"
