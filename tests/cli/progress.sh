#!/bin/sh
# Batch mode's progress line: on a terminal, a load of more than a quarter
# of a second shows "centres: loading FILE: P% (N rows, S s)" on standard
# error, redrawn in place, never wider than the terminal, and erased when
# the load ends (on success, on an error, on Ctrl-C), so that the terminal
# then shows exactly what a run without a terminal writes; in French under
# LANG=fr_FR.UTF-8; nothing for a small file; not a byte of it when
# standard error is a file. The terminal is a pseudo-terminal (Python's
# pty), the file a generated one of about 95 MB.
. tests/lib.sh
# The line is the full load's: the stream (batch/stream.c, tests/cli/stream.sh)
# scans this file in less than the quarter of a second the line waits for.
export CENTRES_NO_STREAM=1

BIG=$TMPD/big.csv
python3 - "$BIG" <<'PY'
import sys
names = ["Maison des Lucioles", "Centre Social Étoile", "Atelier « Réunion », Nord", "Espace Jean-Jaurès"]
towns = ["Lyon", "Saint-Denis (Réunion)", "Épinal", "Rennes", "Ajaccio"]
out = ["id,nom,territoire,region,telephone,statut\n"]
for i in range(1200000):
    out.append('%d,"%s %d",%s,Région %d,04 65 71 %02d %02d,actif\n'
               % (i, names[i % 4], i, towns[i % 5], i % 13, i % 100, i % 97))
open(sys.argv[1], "w", encoding="utf-8").write("".join(out))
PY
# A long name, for a narrow terminal; and a file that fails at its end.
LONG=$TMPD/un-nom-de-fichier-vraiment-très-long-pour-un-terminal-étroit-annuaire-national.csv
ln -s "$BIG" "$LONG"
BAD=$TMPD/bad.csv
cp "$BIG" "$BAD"
printf '9,"Centre jamais fermé,Lyon,Région,04,actif\n' >>"$BAD"

# on_pty NAME COLS OUT ERR INTR ARGS...: runs the binary with stdin and
# stderr on a pseudo-terminal COLS wide (stderr to the file ERR unless it is
# "-"), stdout to the file OUT; with INTR=1, sends Ctrl-C once "loading" or
# "chargement" shows. Writes what the terminal received to $TMPD/NAME.raw,
# what it then shows (carriage returns applied) to $TMPD/NAME.screen, every
# drawing of the line to $TMPD/NAME.lines, and "exit N" or "signal N" to
# $TMPD/NAME.status.
on_pty() {
	python3 - "$TMPD/$1" "$BIN" "$@" <<'PY'
import fcntl, os, pty, select, struct, sys, termios
base, binary, _name, cols, out, err, intr = sys.argv[1:8]
args = sys.argv[8:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, int(cols), 0, 0))
    o = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(o, 1)
    if err != "-":
        e = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(e, 2)
    os.execv(binary, [binary] + args)
raw = b""
sent = intr != "1"
while True:
    r, _, _ = select.select([fd], [], [], 30)
    if not r:
        break
    try:
        b = os.read(fd, 65536)
    except OSError:
        break
    if not b:
        break
    raw += b
    if not sent and (b"loading" in raw or b"chargement" in raw):
        os.write(fd, b"\x03")
        sent = True
_, st = os.waitpid(pid, 0)
open(base + ".status", "w").write(
    "signal %d\n" % os.WTERMSIG(st) if os.WIFSIGNALED(st) else "exit %d\n" % os.WEXITSTATUS(st))
open(base + ".raw", "wb").write(raw)
text = raw.decode("utf-8", "replace")
screen, lines = [], []
for line in text.replace("\r\n", "\n").split("\n"):
    cells = []
    for i, part in enumerate(line.split("\r")):
        if part.strip():
            lines.append(part.rstrip(" "))
        cells[:len(part)] = list(part)
    screen.append("".join(cells).rstrip(" "))
while screen and not screen[-1]:
    screen.pop()
open(base + ".screen", "w").write("".join(s + "\n" for s in screen))
open(base + ".lines", "w").write("".join(s + "\n" for s in lines))
PY
}

# The same command without a terminal: $TMPD/ref.out, $TMPD/ref.err.
"$BIN" --filter reunion --format csv "$BIG" >"$TMPD/ref.out" 2>"$TMPD/ref.err" </dev/null
ref_rc=$?

# --- stderr on the terminal
on_pty tty 60 "$TMPD/tty.out" - 0 --filter reunion --format csv "$BIG"
expect_eq "terminal: exit status as without one" "$(cat "$TMPD/tty.status")" "exit $ref_rc"
if cmp -s "$TMPD/tty.out" "$TMPD/ref.out" && [ -s "$TMPD/ref.out" ]; then
	pass "terminal: standard output byte for byte as without one"
else
	fail "terminal: standard output byte for byte as without one" "$(wc -c <"$TMPD/tty.out") bytes, want $(wc -c <"$TMPD/ref.out")"
fi
python3 - "$TMPD/tty.lines" 60 <<'PY' && pass "terminal: the line shows percentage, rows and seconds, growing, within 59 columns" || fail "terminal: the line shows percentage, rows and seconds" "$(head -5 "$TMPD/tty.lines")"
import re, sys, unicodedata
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if "loading" in l]
cols = int(sys.argv[2])
pat = re.compile(r"^centres: loading .*big\.csv: (\d+)% \((\d{1,3}(?:,\d{3})*) rows, (\d+\.\d) s\)$")
seen = [pat.match(l) for l in lines]
assert lines and all(seen), lines[:3]
pcts = [int(m.group(1)) for m in seen]
rows = [int(m.group(2).replace(",", "")) for m in seen]
secs = [float(m.group(3)) for m in seen]
assert pcts == sorted(pcts) and rows == sorted(rows) and secs == sorted(secs), lines
assert 0 <= pcts[0] and pcts[-1] < 100 and secs[0] >= 0.2 and rows[-1] < 1200000, lines
assert all(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l) < cols for l in lines)
# at most ten drawings a second (and one at the first quarter)
assert len(lines) <= 10 * (secs[-1] - secs[0]) + 2, (len(lines), secs)
PY
if cmp -s "$TMPD/tty.screen" "$TMPD/ref.err"; then
	pass "terminal: once loaded, the terminal shows what standard error holds without one (the line erased)"
else
	fail "terminal: once loaded, the terminal shows what standard error holds without one" "$(diff "$TMPD/tty.screen" "$TMPD/ref.err" | head -5)"
fi

# --- a long name on a narrow terminal: cut in its middle
on_pty long 60 "$TMPD/long.out" - 0 --list "$LONG"
python3 - "$TMPD/long.lines" 60 "$LONG" <<'PY' && pass "narrow terminal: the name cut in its middle with …, the line within 59 columns" || fail "narrow terminal: the name cut in its middle" "$(head -3 "$TMPD/long.lines")"
import sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if "loading" in l]
assert lines
for l in lines:
    assert len(l) < int(sys.argv[2]) and l.startswith("centres: loading "), l
    name = l[len("centres: loading "):l.rindex(": ")]
    head, tail = name.split("…")
    full = sys.argv[3]
    assert full.startswith(head) and full.endswith(tail) and len(head) >= 4 and len(tail) >= 4, l
    assert abs(len(head) - len(tail)) <= 2 and len(l) >= int(sys.argv[2]) - 4, l
PY
expect_eq "narrow terminal: the line erased" "$(grep -c loading "$TMPD/long.screen")" 0
# Narrower than the line without its name: cut at its end, within 29 columns.
on_pty tiny 30 /dev/null - 0 --list "$LONG"
python3 - "$TMPD/tiny.lines" 30 <<'PY' && pass "30 columns: the line cut at its end with …, within 29 columns" || fail "30 columns: the line cut at its end" "$(head -3 "$TMPD/tiny.lines")"
import sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if "loading" in l]
assert lines and all(len(l) == int(sys.argv[2]) - 1 and l.endswith("…") for l in lines), lines
PY

# --- an error at the end of the file: the line erased before the message
"$BIN" --list "$BAD" >/dev/null 2>"$TMPD/bad.ref" </dev/null
on_pty bad 80 /dev/null - 0 --list "$BAD"
expect_contains "error: the progress was shown" "$(cat "$TMPD/bad.lines")" "centres: loading "
expect_eq "error: exit status 2" "$(cat "$TMPD/bad.status")" "exit 2"
if cmp -s "$TMPD/bad.screen" "$TMPD/bad.ref"; then
	pass "error: the terminal shows the error alone, as standard error holds it without a terminal"
else
	fail "error: the terminal shows the error alone" "$(diff "$TMPD/bad.screen" "$TMPD/bad.ref" | head -5)"
fi

# --- Ctrl-C during the load: the line erased, the program ends by SIGINT
on_pty intr 80 /dev/null - 1 --list "$BIG"
expect_eq "Ctrl-C: ends by SIGINT, as without the line" "$(cat "$TMPD/intr.status")" "signal 2"
expect_contains "Ctrl-C: the line was shown" "$(cat "$TMPD/intr.lines")" "centres: loading "
expect_eq "Ctrl-C: the line erased" "$(grep -c loading "$TMPD/intr.screen")" 0

# --- stderr to a file, stdin on the terminal: not a byte of progress
on_pty file 80 "$TMPD/file.out" "$TMPD/file.err" 0 --filter reunion --format csv "$BIG"
if cmp -s "$TMPD/file.err" "$TMPD/ref.err" && cmp -s "$TMPD/file.out" "$TMPD/ref.out"; then
	pass "stderr to a file: output and errors byte for byte as today"
else
	fail "stderr to a file: output and errors byte for byte as today" "$(od -c "$TMPD/file.err" | head -3)"
fi
expect_eq "stderr to a file: nothing on the terminal" "$(wc -c <"$TMPD/file.raw" | tr -d ' ')" 0

# --- a small file: no line
on_pty small 80 "$TMPD/small.out" - 0 --list "$CENTRES_TOP/tests/data/annuaire.csv"
expect_eq "small file: no progress line" "$(grep -c 'loading' "$TMPD/small.raw")" 0
expect_eq "small file: exit 0" "$(cat "$TMPD/small.status")" "exit 0"

# --- in French
LC_ALL= LANG=fr_FR.UTF-8 on_pty fr 80 "$TMPD/fr.out" - 0 --list "$BIG"
python3 - "$TMPD/fr.lines" <<'PY' && pass "French: « chargement de … : P % (N lignes, S s) », thousands apart, decimal comma" || fail "French: the line in French" "$(head -3 "$TMPD/fr.lines")"
import re, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if "chargement" in l]
pat = re.compile("^centres: chargement de .*big\\.csv\u00a0: \\d+\u00a0% \\((\\d{1,3}(?:\u202f\\d{3})*) lignes, \\d+,\\d\u00a0s\\)$")
assert lines and all(pat.match(l) for l in lines), lines[:2]
assert any("\u202f" in l for l in lines)
PY
expect_eq "French: the line erased" "$(grep -c chargement "$TMPD/fr.screen")" 0
