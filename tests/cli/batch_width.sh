#!/bin/sh
# Batch text output on a terminal fits its width: at 40, 60, 80 and 132
# columns, every line of --list and --filter fits (names and territories
# cut with "…", between characters), every phone number is whole, the
# centres are the same, in the same order; into a pipe each centre is one
# full line, as before. On the built-in directory and the test directory.
# The terminal is a pseudo-terminal of script(1), sized with stty.
. tests/lib.sh

FX=$CENTRES_TOP/tests/data/annuaire.csv

# on_tty COLS ARGS...: the program's output on a terminal COLS wide, in
# $TMPD/tty (script's line ends made plain).
on_tty() {
	cols=$1; shift
	args=
	for a in "$@"; do args="$args '$a'"; done
	script -q -e -c "stty cols $cols rows 40; exec '$BIN' $args" /dev/null \
		</dev/null >"$TMPD/raw" 2>"$TMPD/tty.err"
	tr -d '\r' <"$TMPD/raw" >"$TMPD/tty"
}

# check NAME COLS ARGS...: the tty lines against the piped ones.
check() {
	name=$1 cols=$2; shift 2
	"$BIN" "$@" >"$TMPD/pipe" 2>/dev/null </dev/null
	on_tty "$cols" "$@"
	python3 - "$TMPD/pipe" "$TMPD/tty" "$cols" "$name" <<'PY'
import re, sys, unicodedata
pipe, tty, cols, name = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
p = open(pipe, encoding="utf-8").read().splitlines()
t = open(tty, encoding="utf-8").read().splitlines()   # fails on a cut character
bad = []
if len(p) != len(t):
    bad.append("%d lines in a pipe, %d on the terminal" % (len(p), len(t)))
cut = 0
for a, b in zip(p, t):
    # Cell by cell (name, territory, phones: apart by two spaces or more):
    # each whole, or a start of it followed by "…"; the phones whole.
    ca, cb = re.split(r"  +", a.strip()), re.split(r"  +", b.strip())
    if len(ca) != len(cb):
        bad.append("cells differ: %r -> %r" % (a, b))
        continue
    for x, y in zip(ca, cb):
        if y == x:
            continue
        if y.endswith("…") and x.startswith(y[:-1]) and len(y) - 1 < len(x):
            if x[:1] in "0123456789+":
                bad.append("phones cut: %r -> %r" % (a, b))
            cut += 1
        else:
            bad.append("not a cut of the piped line: %r -> %r" % (x, y))
    phones = ca[-1] if ca[-1][:1] in "0123456789+" else ""
    if width(b) > cols and width(b) - width(phones) > 16 + 2 + 4 + 2 + 2:
        bad.append("%d columns > %d: %r" % (width(b), cols, b))
    if b != b.rstrip():
        bad.append("trailing spaces: %r" % b)
longest = max((width(a) for a in p), default=0)
if longest > cols and not cut:
    bad.append("lines of %d columns and nothing cut at %d" % (longest, cols))
if longest <= cols and cut:
    bad.append("cut although everything fits in %d" % cols)
if bad:
    print("FAIL %s" % name)
    for l in bad[:8]:
        print("    " + l)
else:
    print("PASS %s (%d cells cut, %d lines)" % (name, cut, len(t)))
PY
}

for cols in 40 60 80 132; do
	check "built-in --list at $cols columns" "$cols" --list
	check "test directory --list at $cols columns" "$cols" --list "$FX"
done
check "--filter 'ville' at 60 columns" 60 --filter ville
check "--filter on a phone at 50 columns" 50 --filter "02 62 20 55 43"
# La Réunion's two numbers at 60 columns: both whole on one line.
on_tty 60 --filter "la reunion"
line=$(grep "02 62 20 55 42" "$TMPD/tty")
expect_contains "60 columns: La Réunion's numbers both whole" "$line" "02 62 20 55 42 / 02 62 20 55 43"
# A pipe keeps full lines, whatever COLUMNS says.
COLUMNS=40 "$BIN" --list >"$TMPD/p40" 2>/dev/null </dev/null
"$BIN" --list >"$TMPD/p" 2>/dev/null </dev/null
if cmp -s "$TMPD/p40" "$TMPD/p" && ! grep -q "…" "$TMPD/p"; then
	pass "into a pipe: full lines, COLUMNS=40 or not"
else
	fail "into a pipe: full lines, COLUMNS=40 or not" "$(diff "$TMPD/p" "$TMPD/p40" | head -5)"
fi
expect_contains "into a pipe: the longest name whole" "$(cat "$TMPD/p")" \
	"Centre de Ressources et d'échanges pour le Développement Social et Urbain (CR•DSU)"
# csv, tsv and json are never cut, on a terminal either.
on_tty 40 --list --format csv
if grep -q "…" "$TMPD/tty"; then
	fail "csv on a 40-column terminal: nothing cut" "$(head -3 "$TMPD/tty")"
else
	pass "csv on a 40-column terminal: nothing cut"
fi
